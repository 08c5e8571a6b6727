"""Reading a clerk's file into a staging table of text cells, whatever its shape: CSV in UTF-8 (with
or without BOM), GBK/GB18030 or Big5, Excel (.xlsx, every data sheet), or GeoJSON boundaries; a title
row above the header, blank and footer rows below. Each staged row keeps its row number in the file
(and its sheet) and its original text. What cannot be read exactly is refused, never guessed.

Stage columns: _seq (order over the whole file), _row (row number as the clerk sees it), _sheet,
_text (the row's cells), _extra (cells past the header's last column), c0..cN (all varchar).
"""

import codecs
import csv
import datetime as dt
import io
import json
import re
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from knockboard import store
from knockboard.loading.spec import TABLES, match_headers, nearest_table, recognise

HEADER_SCAN_ROWS = 30
FOOTER_WORDS = ("填表人", "审核人", "制表人", "负责人", "备注", "合计", "说明")
# A clerk's cell may hold a long pasted text: no field is too long to read.
csv.field_size_limit(sys.maxsize)
# Legacy encodings a field sheet comes in when it is not UTF-8 (GB18030 is a superset of GBK).
LEGACY_ENCODINGS = ("gb18030", "big5hkscs")  # big5hkscs: Big5 with Hong Kong's characters
FAMILIES = {
    "gb18030": "gb18030",
    "gbk": "gb18030",
    "gb2312": "gb18030",
    "big5": "big5hkscs",
    "big5hkscs": "big5hkscs",
    "cp950": "big5hkscs",
}
# charset-normalizer's "chaos" (share of odd characters) above which a decoding is not trusted, and
# how much better the best of two decodings must be to be taken over the other.
DOUBTFUL_CHAOS = 0.2
CLEAR_MARGIN = 0.05
# What an Excel workbook (a zip of XML) may declare, checked before anything is decompressed: a 4 MB
# file can expand to gigabytes (a zip bomb) and keep a reader busy for minutes.
# - in all: a million-row visits sheet (the largest a street sends) expands to about 500 MB as openpyxl
#   writes it (inline strings; Excel's shared strings take less)
MAX_EXCEL_EXPANDED_MB = 800
# - per member: sheet XML compresses 5-30 times (repeated tags); a bomb's runs of one row ~1,000 times.
#   Small members (styles, a short sheet) may compress better harmlessly, so only larger ones count.
MAX_EXCEL_RATIO = 200
RATIO_CHECKED_FROM_MB = 10
# - per sheet, rows × columns of its <dimension ref="A1:I1000001">: Excel's own limit is 1,048,576
#   rows; a million visits of 9 columns is 9 million cells (openpyxl holds each cell as an object)
MAX_EXCEL_CELLS = 12_000_000
DIMENSION_SCAN_BYTES = 4096  # the <dimension> element comes before the rows


class FileProblem(Exception):
    """The file as a whole cannot be loaded (unreadable, no recognisable header...)."""

    def __init__(self, code: str, file_name: str, **details):
        self.code, self.file_name, self.details = code, file_name, details
        super().__init__(f"{file_name}: {code} {details}")


@dataclass
class Staged:
    file_name: str
    table: str
    columns: dict[str, str]  # canonical column -> SQL over the stage (c0, or two repeated columns merged)
    ignored: list[str]  # file headers that are not columns of the table
    header_row: int  # 1-based row number of the header in the file
    encoding: str
    width: int = 0  # cells of the header: c0 .. c{width-1}
    personal: set[str] = field(default_factory=set)  # stage columns holding personal data
    positions: dict[str, list[int]] = field(default_factory=dict)  # canonical column -> file columns
    stage: str = "stage"
    notes: list[tuple[str, dict]] = field(default_factory=list)  # what the report must say (code, details)


def decode(data: bytes, file_name: str) -> tuple[str, str]:
    """Text and encoding. A BOM or valid UTF-8 settles it; otherwise the legacy encodings that decode
    the bytes are weighed by charset-normalizer, and a file none decodes clearly is refused."""
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data[3:].decode("utf-8"), "utf-8-sig"
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16"), "utf-16"
    except UnicodeDecodeError as error:
        raise FileProblem("unreadable_encoding", file_name, position=error.start) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        first_error = error.start
    decodable = []
    for encoding in LEGACY_ENCODINGS:
        try:
            data.decode(encoding)
            decodable.append(encoding)
        except UnicodeDecodeError:
            pass
    if not decodable:
        raise FileProblem("unreadable_encoding", file_name, position=first_error)
    from charset_normalizer import from_bytes

    # charset-normalizer's readings, best first; UTF-16 without a BOM cannot be a CSV with no NUL byte
    readings = [
        m
        for m in from_bytes(data, threshold=DOUBTFUL_CHAOS)
        if not (m.encoding.startswith("utf_16") or m.encoding.startswith("utf_32")) or b"\x00" in data
    ]
    families = [FAMILIES.get(codecs.lookup(m.encoding).name) for m in readings]
    best = families[0] if families else None
    rivals = [
        m for m, f in zip(readings[1:], families[1:]) if f and f != best and m.chaos - readings[0].chaos < CLEAR_MARGIN
    ]
    if best not in decodable or rivals:
        # it reads best as another encoding (Korean, Japanese...), or as two Chinese ones alike
        raise FileProblem(
            "doubtful_encoding",
            file_name,
            encodings=" / ".join(dict.fromkeys(m.encoding for m in readings[:3])) or " / ".join(decodable),
        )
    return data.decode(best), best


def _pick_header(rows: list[list[str]], table: str | None, file_name: str) -> tuple[int, str, dict[int, str]]:
    """The header is the first of the top rows that names every required column of a table, the most
    columns winning. None does: the file is refused, naming the required columns a near header lacks."""
    best = (-1, None, {})
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        if table:
            name, mapping = table, match_headers(TABLES[table], row)
            if not TABLES[table].required <= set(mapping.values()):
                continue
        else:
            name, mapping = recognise(row)
        if name and len(set(mapping.values())) > len(set(best[2].values())):
            best = (i, name, mapping)
    if best[1] is not None:
        return best
    for row in rows[:HEADER_SCAN_ROWS]:
        if table:
            found = set(match_headers(TABLES[table], row).values())
            near, missing = (table, TABLES[table].required - found) if len(found) >= 2 else (None, set())
        else:
            near, missing = nearest_table(row)
        if near:
            raise FileProblem("missing_columns", file_name, table=near, columns=sorted(missing))
    raise FileProblem("no_header" if table is None else "header_mismatch", file_name, table=table)


def _blank_line_thresholds(text: str, header_row: int) -> np.ndarray:
    """DuckDB's reader skips empty lines, which would shift row numbers. For each empty line below
    the header, the number of data rows that come before it: data row k then sits
    header_row + k + (number of thresholds below k) in the file."""
    starts = [m.start() + 1 for m in re.finditer(r"\n(?=\r?\n)", text)]
    if not starts:
        return np.array([], dtype=np.int64)
    newlines = np.fromiter((m.start() for m in re.finditer("\n", text)), dtype=np.int64)
    blank_rows = np.searchsorted(newlines, np.array(starts)) + 1  # 1-based row numbers
    blank_rows = blank_rows[blank_rows > header_row]
    return blank_rows - header_row - 1 - np.arange(len(blank_rows))


def _csv_records(text: str, delimiter: str, file_name: str) -> list[list[str]]:
    """Every record of the file, as Python's CSV reader reads it (quoted commas and line breaks kept
    inside their cell). A quote left open swallows the rows after it: the file is refused, naming the
    row and column where it opened."""
    records = []
    try:
        for cells in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
            records.append(cells)
    except csv.Error as error:
        if "end of data" not in str(error):
            # "甲路"3号: a quoted value with more text after its closing quote would lose its quotes
            raise FileProblem("stray_quote", file_name, row=len(records) + 1) from None
        # the last record's last cell ran to the end of the file
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False))
        raise FileProblem("unbalanced_quote", file_name, row=len(records), column=len(records[-1])) from None
    for number, cells in enumerate(records, start=1):
        for position, cell in enumerate(cells, start=1):
            # a quote closed rows later: the line break is followed by what looks like another row
            if "\n" in cell and delimiter in cell.split("\n", 1)[1]:
                raise FileProblem("unbalanced_quote", file_name, row=number, column=position)
    return records


def _fast_stage(con, text: str, delimiter: str, header_index: int, width: int, scratch: Path | None = None) -> bool:
    """Large plain files (no quotes, one record per line, every row as wide as the header) are read by
    DuckDB, in strict mode: anything else it refuses and Python's reader stages instead."""
    if '"' in text or text.count("\r") != text.count("\r\n"):
        return False
    names = [f"c{i}" for i in range(width)]
    # the copy holds personal data: it goes to the store's private folder, swept if this load is killed
    with tempfile.NamedTemporaryFile(
        "w", suffix=".csv", encoding="utf-8", delete=False, dir=scratch or store.scratch_for(con)
    ) as tmp:
        tmp.write(text)
        tmp_path = tmp.name
    try:
        text_expr = "concat_ws(',', " + ", ".join(f"coalesce({n}, '')" for n in names) + ")"
        con.execute(
            f"""
            create or replace temp table stage as
            select row_number() over ()::bigint as _seq, null::varchar as _sheet, {text_expr} as _text,
                   null::varchar as _extra, {", ".join(names)}
            from read_csv(?, header = false, skip = ?, all_varchar = true, delim = ?, quote = '"',
                          escape = '"', names = ?, null_padding = false, strict_mode = true,
                          max_line_size = 100000000)
        """,
            [tmp_path, header_index + 1, delimiter, names],
        )
    except duckdb.Error:
        return False
    finally:
        Path(tmp_path).unlink(missing_ok=True)
    header_row = header_index + 1
    thresholds = _blank_line_thresholds(text, header_row)
    con.execute("alter table stage add column _row bigint")
    con.execute("update stage set _row = _seq + ?", [header_row])
    if len(thresholds):
        con.register("_blanks", pd.DataFrame({"before": thresholds}))
        con.execute("""update stage set _row = _row + (select count(*) from _blanks where before < stage._seq)""")
        con.unregister("_blanks")
    return True


def _stage_frame(con, rows: list[tuple[str | None, int, list[str]]], width: int) -> None:
    """Stages (sheet, row number, cells) rows: cells past the header's width go to _extra, where a
    row with more cells than headers (an unquoted comma) is found and refused, never cut."""
    cells = [(r + [""] * width)[:width] for _, _, r in rows]
    frame = pd.DataFrame(cells, columns=[f"c{i}" for i in range(width)], dtype="string") if width else pd.DataFrame()
    frame = frame.replace("", pd.NA)
    extra = [",".join(r[width:]).strip(", ") or None for _, _, r in rows]
    frame.insert(0, "_extra", pd.array(extra, dtype="string"))
    frame.insert(0, "_text", pd.array([",".join(r) for _, _, r in rows], dtype="string"))
    frame.insert(0, "_sheet", pd.array([s for s, _, _ in rows], dtype="string"))
    frame.insert(0, "_row", np.array([n for _, n, _ in rows], dtype=np.int64))
    frame.insert(0, "_seq", np.arange(1, len(rows) + 1, dtype=np.int64))
    con.register("_frame", frame)
    con.execute("create or replace temp table stage as select * from _frame")
    con.unregister("_frame")


def stage_csv(
    con: duckdb.DuckDBPyConnection, data: bytes, file_name: str, table: str | None, scratch: Path | None = None
) -> Staged:
    text, encoding = decode(data, file_name)
    first_lines = text.split("\n", 3)[:3]
    delimiter = (
        "\t" if all("\t" in line and "," not in line for line in first_lines if line.strip()) and text.strip() else ","
    )
    # the header is found on records, not lines: a title cell may hold a line break (or U+2028)
    head = (
        list(
            csv.reader(
                io.StringIO("\n".join(text.split("\n", HEADER_SCAN_ROWS)[:HEADER_SCAN_ROWS]), newline=""),
                delimiter=delimiter,
            )
        )
        if '"' not in text
        else None
    )
    records = None
    if head is None:
        records = _csv_records(text, delimiter, file_name)
        head = records[:HEADER_SCAN_ROWS]
    header_index, table, mapping = _pick_header(head, table, file_name)
    headers = head[header_index]
    width = len(headers)
    if records is not None or not _fast_stage(con, text, delimiter, header_index, width, scratch):
        records = records if records is not None else _csv_records(text, delimiter, file_name)
        _stage_frame(con, [(None, n, r) for n, r in enumerate(records, start=1)][header_index + 1 :], width)
    return _staged(con, file_name, table, mapping, headers, header_index + 1, encoding)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        # Excel holds a time as a fraction of a day: 08:00 may come back as 07:59:59.999; Excel shows
        # it rounded to the second, and so it is read
        if value.microsecond:
            value = (value + dt.timedelta(microseconds=500_000)).replace(microsecond=0)
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, float) and value.is_integer():
        # past 15 digits Excel has already dropped some: written as Excel shows it (3.20602E+17), so
        # that an id in it is refused rather than landed with wrong digits
        return str(int(value)) if abs(value) < 1e15 else f"{value:.15G}"
    return str(value).strip()


def _has_formulas(data: bytes) -> bool:
    """Whether any sheet of the workbook holds a formula (an <f> element): only then is it read twice."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return any(b"<f" in archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/"))
    except (zipfile.BadZipFile, KeyError):
        return False


def _sheet_rows(sheet, formulas) -> tuple[list[list[str]], set[tuple[int, int]]]:
    """A sheet's cells as text, each merged block's value in every cell of the block (a worker id
    merged over his rows belongs to each of them), and the cells holding a formula with no value
    saved (a sheet written by a script and never opened in Excel): (row, column), 1-based."""
    rows = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    for block in sheet.merged_cells.ranges:
        value = rows[block.min_row - 1][block.min_col - 1] if block.min_row <= len(rows) else ""
        for r in range(block.min_row - 1, min(block.max_row, len(rows))):
            rows[r].extend([""] * (block.max_col - len(rows[r])))
            for c in range(block.min_col - 1, block.max_col):
                rows[r][c] = value
    uncached = set()
    if formulas is not None:
        for row in formulas.iter_rows():
            for cell in row:
                if cell.data_type == "f" and sheet.cell(cell.row, cell.column).value is None:
                    uncached.add((cell.row, cell.column))
    return rows, uncached


def check_excel_sizes(data: bytes, file_name: str) -> None:
    """Refuses a workbook whose declared sizes are beyond what a field sheet can be, before any of
    it is decompressed: what its members expand to in all, how much each is compressed, and the cells
    each sheet declares (its <dimension>). Python's zipfile never yields more than a member declares
    (a member lying about its size fails its check), so a bomb cannot hide behind small numbers."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return  # not a zip: openpyxl says it cannot open it (unreadable_excel)
    with archive:
        members = archive.infolist()
        expanded = sum(m.file_size for m in members)
        if expanded > MAX_EXCEL_EXPANDED_MB * 1_000_000:
            raise FileProblem(
                "excel_expands",
                file_name,
                size=f"{len(data) / 1_000_000:.1f}",
                expanded=f"{expanded / 1_000_000:,.0f}",
                limit=f"{MAX_EXCEL_EXPANDED_MB:,}",
            )
        for member in members:
            ratio = member.file_size / max(member.compress_size, 1)
            if member.file_size > RATIO_CHECKED_FROM_MB * 1_000_000 and ratio > MAX_EXCEL_RATIO:
                raise FileProblem(
                    "excel_ratio", file_name, member=member.filename, ratio=f"{ratio:,.0f}", limit=MAX_EXCEL_RATIO
                )
        for member in members:
            if not (member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml")):
                continue
            with archive.open(member) as handle:
                head = handle.read(DIMENSION_SCAN_BYTES).decode("utf-8", "replace")
            match = _DIMENSION.search(head)
            if match:
                rows = int(match.group(4) or match.group(2)) - int(match.group(2)) + 1
                columns = _column_number(match.group(3) or match.group(1)) - _column_number(match.group(1)) + 1
                if rows * columns > MAX_EXCEL_CELLS:
                    raise FileProblem(
                        "excel_cells",
                        file_name,
                        sheet_file=member.filename.rsplit("/", 1)[-1],
                        rows=f"{rows:,}",
                        columns=f"{columns:,}",
                        cells=f"{rows * columns:,}",
                        limit=f"{MAX_EXCEL_CELLS:,}",
                    )


_DIMENSION = re.compile(r'<(?:\w+:)?dimension\s+ref="\$?([A-Z]{1,3})\$?([0-9]+)(?::\$?([A-Z]{1,3})\$?([0-9]+))?"')


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def stage_excel(con: duckdb.DuckDBPyConnection, data: bytes, file_name: str, table: str | None) -> Staged:
    """Every visible sheet with the table's headers is staged (a workbook with a sheet per day);
    hidden sheets (a template) and sheets with no header are left out, and the report says so.
    A workbook declaring more than a field sheet can hold is refused before it is read."""
    import openpyxl

    check_excel_sizes(data, file_name)

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
        formula_book = openpyxl.load_workbook(io.BytesIO(data), data_only=False) if _has_formulas(data) else None
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise FileProblem("unreadable_excel", file_name, error=type(error).__name__) from None
    notes, staged_rows, first, problem = [], [], None, None
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            notes.append(("sheet_hidden", {"sheet": sheet.title}))
            continue
        rows, uncached = _sheet_rows(sheet, formula_book[sheet.title] if formula_book else None)
        try:
            header_index, name, mapping = _pick_header(rows, table or (first and first[1]), file_name)
        except FileProblem as error:
            if error.code == "missing_columns":  # a data sheet lacking a column is not left out unsaid
                raise FileProblem(error.code, file_name, sheet=sheet.title, **error.details) from None
            problem = problem or error
            if any(any(c for c in r) for r in rows):
                notes.append(("sheet_skipped", {"sheet": sheet.title}))
            continue
        headers = rows[header_index]
        formula = sorted(rc for rc in uncached if rc[0] > header_index + 1)
        if formula:
            row, column = formula[0]
            raise FileProblem(
                "formula_without_value",
                file_name,
                sheet=sheet.title,
                row=row,
                column=headers[column - 1] if column <= len(headers) else column,
            )
        if first is None:
            first = (headers, name, mapping, header_index, sheet.title)
        order = _same_layout(first, headers, mapping, sheet.title, file_name)
        staged_rows += [
            (
                sheet.title,
                header_index + 2 + k,
                [r[i] if i is not None and i < len(r) else "" for i in order] + r[len(headers) :],
            )
            for k, r in enumerate(rows[header_index + 1 :])
        ]
        notes.append(("sheet_loaded", {"sheet": sheet.title}))
    if first is None:
        raise problem or FileProblem("no_header", file_name, table=table)
    headers, name, mapping, header_index, title = first
    loaded = [n for n in notes if n[0] == "sheet_loaded"]
    if len(loaded) == 1:  # rows are named by sheet only when there are several
        staged_rows = [(None, number, cells) for _, number, cells in staged_rows]
    _stage_frame(con, staged_rows, len(headers))
    staged = _staged(con, file_name, name, mapping, headers, header_index + 1, "xlsx")
    staged.notes = [n for n in notes if n[0] != "sheet_loaded" or len(loaded) > 1] + staged.notes
    return staged


def _same_layout(first, headers: list[str], mapping: dict[int, str], sheet: str, file_name: str) -> list[int | None]:
    """For a later sheet, where each column of the first data sheet is (by header): its rows are staged
    in the first sheet's layout. A sheet whose columns are not the first's is refused with the file."""
    first_headers, name, first_mapping, _, first_title = first
    if set(first_mapping.values()) != set(mapping.values()):
        raise FileProblem("sheets_differ", file_name, sheet=sheet, first=first_title)
    from knockboard.loading.spec import normalise_header

    positions: dict[str, list[int]] = {}
    for i, h in enumerate(headers):
        positions.setdefault(normalise_header(h), []).append(i)
    return [
        positions[normalise_header(h)].pop(0) if positions.get(normalise_header(h)) else None for h in first_headers
    ]


def stage_geojson(con: duckdb.DuckDBPyConnection, data: bytes, file_name: str, table: str | None) -> Staged:
    """A FeatureCollection of boundaries: each feature's properties are a row, its geometry the
    boundary, and its centroid (mean of the outer ring) fills lat/lon when the properties lack them."""
    text, encoding = decode(data, file_name)
    try:
        features = json.loads(text)["features"]
        records = []
        for feature in features:
            props = dict(feature.get("properties") or {})
            geometry = feature.get("geometry")
            if geometry:
                props["boundary"] = json.dumps(geometry, ensure_ascii=False, separators=(",", ":"))
                ring = _outer_ring(geometry)
                if ring and "lat" not in props and "lon" not in props:
                    props["lon"] = sum(p[0] for p in ring) / len(ring)
                    props["lat"] = sum(p[1] for p in ring) / len(ring)
            records.append(props)
    except (ValueError, KeyError, TypeError, AttributeError, IndexError):
        raise FileProblem("not_geojson", file_name) from None
    headers = list(dict.fromkeys(k for r in records for k in r))
    _, name, mapping = _pick_header([headers], table, file_name)
    frame = pd.DataFrame(
        {f"c{i}": pd.array([_cell(r.get(h)) or pd.NA for r in records], dtype="string") for i, h in enumerate(headers)}
    )
    frame.insert(0, "_extra", pd.array([None] * len(records), dtype="string"))
    frame.insert(
        0, "_text", [json.dumps({k: v for k, v in r.items() if k != "boundary"}, ensure_ascii=False) for r in records]
    )
    frame.insert(0, "_sheet", pd.array([None] * len(records), dtype="string"))
    frame.insert(0, "_row", np.arange(1, len(records) + 1, dtype=np.int64))
    frame.insert(0, "_seq", np.arange(1, len(records) + 1, dtype=np.int64))
    con.register("_geo", frame)
    con.execute("create or replace temp table stage as select * from _geo")
    con.unregister("_geo")
    return _staged(con, file_name, name, mapping, headers, 0, encoding)


def _outer_ring(geometry: dict) -> list:
    coords = geometry.get("coordinates") or []
    if geometry.get("type") == "Polygon" and coords:
        return coords[0][:-1] or coords[0]
    if geometry.get("type") == "MultiPolygon" and coords and coords[0]:
        return coords[0][0][:-1] or coords[0][0]
    return []


def _staged(con, file_name, table, mapping, headers, header_row, encoding) -> Staged:
    """The staged file's columns. Two file columns naming one column (two 健康码 columns) are merged
    when no row fills both differently, and the report says so; otherwise the file is refused."""
    from knockboard.privacy import PERSONAL_COLUMNS

    by_name: dict[str, list[int]] = {}
    for i, name in sorted(mapping.items()):
        by_name.setdefault(name, []).append(i)
    columns, notes = {}, []
    for name, positions in by_name.items():
        cells = [f"nullif(trim(c{i}), '')" for i in positions]
        if len(positions) > 1:
            pairs = " or ".join(f"({a} <> {b})" for k, a in enumerate(cells) for b in cells[k + 1 :])
            clash = con.execute(f"select _row, _sheet from stage where {pairs} order by _seq limit 1").fetchone()
            repeated = [str(headers[i]) for i in positions]
            if clash:
                raise FileProblem(
                    "repeated_column",
                    file_name,
                    table=table,
                    column=name,
                    headers=repeated,
                    row=clash[0],
                    **({"sheet": clash[1]} if clash[1] else {}),
                )
            notes.append(("repeated_column_merged", {"column": name, "headers": repeated}))
        columns[name] = cells[0] if len(positions) == 1 else f"coalesce({', '.join(cells)})"
    ignored = [h for i, h in enumerate(headers) if i not in mapping and str(h).strip()]
    personal = {f"c{i}" for i, name in mapping.items() if name in PERSONAL_COLUMNS}
    return Staged(
        file_name, table, columns, ignored, header_row, encoding, len(headers), personal, by_name, notes=notes
    )


def stage_file(
    con: duckdb.DuckDBPyConnection, data: bytes, file_name: str, table: str | None = None, scratch: Path | None = None
) -> Staged:
    """Stages any supported file; the kind is taken from the file name's ending. `scratch`: where a
    working copy may go (default: the private folder of the store `con` is connected to)."""
    suffix = Path(file_name).suffix.lower()
    if table is not None and table not in TABLES:
        raise FileProblem("unknown_table", file_name, table=table, known=", ".join(TABLES))
    if suffix in (".xlsx", ".xlsm"):
        return stage_excel(con, data, file_name, table)
    if suffix in (".geojson", ".json"):
        return stage_geojson(con, data, file_name, table)
    if suffix in (".csv", ".txt", ".tsv", ""):
        return stage_csv(con, data, file_name, table, scratch)
    raise FileProblem("unsupported_file", file_name, suffix=suffix)
