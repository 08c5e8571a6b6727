"""Reading a clerk's file into a staging table of text cells, whatever its shape: CSV in UTF-8 (with
or without BOM) or GBK/GB18030, Excel (.xlsx), or GeoJSON boundaries; a title row above the header,
blank and footer rows below. Each staged row keeps its row number in the file and its original text.
"""

import csv
import datetime as dt
import io
import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from knockboard import store
from knockboard.loading.spec import TABLES, columns_for, recognise

HEADER_SCAN_ROWS = 30
FOOTER_WORDS = ("填表人", "审核人", "制表人", "负责人", "备注", "合计", "说明")


class FileProblem(Exception):
    """The file as a whole cannot be loaded (unreadable, no recognisable header...)."""

    def __init__(self, code: str, file_name: str, **details):
        self.code, self.file_name, self.details = code, file_name, details
        super().__init__(f"{file_name}: {code} {details}")


@dataclass
class Staged:
    file_name: str
    table: str
    columns: dict[str, str]  # canonical column -> staging column (c0, c1, ...)
    ignored: list[str]  # file headers that are not columns of the table
    header_row: int  # 1-based row number of the header in the file
    encoding: str
    stage: str = "stage"  # temp table: _row, _text, c0..cN (all varchar)
    notes: list[str] = field(default_factory=list)


def decode(data: bytes, file_name: str) -> tuple[str, str]:
    """Text and encoding: UTF-8 (with or without BOM), else GB18030 (a superset of GBK)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as error:
        raise FileProblem("unreadable_encoding", file_name, position=error.start) from None


def _pick_header(rows: list[list[str]], table: str | None, file_name: str) -> tuple[int, str, dict[int, str]]:
    """The header is the first of the top rows that maps the most columns of a table."""
    best = (-1, None, {})
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        if table:
            name, mapping = table, columns_for(TABLES[table], row)
            required = {c.name for c in TABLES[table].columns if c.required}
            if not required <= set(mapping.values()):
                mapping = mapping if len(mapping) >= 2 else {}
        else:
            name, mapping = recognise(row)
        if name and len(mapping) > len(best[2]):
            best = (i, name, mapping)
    if best[1] is None:
        raise FileProblem("no_header" if table is None else "header_mismatch", file_name, table=table)
    return best


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


def stage_csv(con: duckdb.DuckDBPyConnection, data: bytes, file_name: str, table: str | None) -> Staged:
    text, encoding = decode(data, file_name)
    head_lines = text.splitlines()[:HEADER_SCAN_ROWS]
    delimiter = "\t" if head_lines and all("\t" in l and "," not in l for l in head_lines[:3] if l) else ","
    rows = list(csv.reader(head_lines, delimiter=delimiter))
    header_index, table, mapping = _pick_header(rows, table, file_name)
    headers = rows[header_index]
    width = len(headers)
    names = [f"c{i}" for i in range(width)]
    # the copy holds personal data: it goes to the store's private folder, swept if this load is killed
    with tempfile.NamedTemporaryFile("w", suffix=".csv", encoding="utf-8", delete=False,
                                     dir=store.scratch_for(con)) as tmp:
        tmp.write(text)
        tmp_path = tmp.name
    try:
        text_expr = "concat_ws(',', " + ", ".join(f"coalesce({n}, '')" for n in names) + ")"
        con.execute(f"""
            create or replace temp table stage as
            select row_number() over ()::bigint as _seq, {text_expr} as _text, {", ".join(names)}
            from read_csv(?, header = false, skip = ?, all_varchar = true, delim = ?, quote = '"',
                          escape = '"', names = ?, null_padding = true, strict_mode = false)
        """, [tmp_path, header_index + 1, delimiter, names])
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
    return _staged(file_name, table, mapping, headers, header_index + 1, encoding)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def stage_excel(con: duckdb.DuckDBPyConnection, data: bytes, file_name: str, table: str | None) -> Staged:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise FileProblem("unreadable_excel", file_name, error=type(error).__name__) from None
    problem = None
    for sheet in book.worksheets:
        rows = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        try:
            header_index, name, mapping = _pick_header(rows, table, file_name)
        except FileProblem as error:
            problem = error
            continue
        headers = rows[header_index]
        body = rows[header_index + 1:]
        width = len(headers)
        frame = pd.DataFrame([(r + [""] * width)[:width] for r in body], columns=[f"c{i}" for i in range(width)],
                             dtype="string")
        frame = frame.replace("", pd.NA)
        frame.insert(0, "_text", [",".join(r) for r in body])
        frame.insert(0, "_row", np.arange(header_index + 2, header_index + 2 + len(body), dtype=np.int64))
        con.register("_excel", frame)
        con.execute("create or replace temp table stage as select * from _excel")
        con.unregister("_excel")
        staged = _staged(file_name, name, mapping, headers, header_index + 1, "xlsx")
        staged.notes.append(f"sheet:{sheet.title}")
        return staged
    raise problem or FileProblem("no_header", file_name, table=table)


def stage_geojson(con: duckdb.DuckDBPyConnection, data: bytes, file_name: str, table: str | None) -> Staged:
    """A FeatureCollection of boundaries: each feature's properties are a row, its geometry the
    boundary, and its centroid (mean of the outer ring) fills lat/lon when the properties lack them."""
    text, encoding = decode(data, file_name)
    try:
        features = json.loads(text)["features"]
    except (ValueError, KeyError, TypeError):
        raise FileProblem("not_geojson", file_name) from None
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
    headers = list(dict.fromkeys(k for r in records for k in r))
    _, name, mapping = _pick_header([headers], table, file_name)
    frame = pd.DataFrame({f"c{i}": pd.array([_cell(r.get(h)) or pd.NA for r in records], dtype="string")
                          for i, h in enumerate(headers)})
    frame.insert(0, "_text", [json.dumps({k: v for k, v in r.items() if k != "boundary"}, ensure_ascii=False)
                              for r in records])
    frame.insert(0, "_row", np.arange(1, len(records) + 1, dtype=np.int64))
    con.register("_geo", frame)
    con.execute("create or replace temp table stage as select * from _geo")
    con.unregister("_geo")
    return _staged(file_name, name, mapping, headers, 0, encoding)


def _outer_ring(geometry: dict) -> list:
    coords = geometry.get("coordinates") or []
    if geometry.get("type") == "Polygon" and coords:
        return coords[0][:-1] or coords[0]
    if geometry.get("type") == "MultiPolygon" and coords and coords[0]:
        return coords[0][0][:-1] or coords[0][0]
    return []


def _staged(file_name, table, mapping, headers, header_row, encoding) -> Staged:
    columns = {name: f"c{i}" for i, name in mapping.items()}
    ignored = [h for i, h in enumerate(headers) if i not in mapping and str(h).strip()]
    return Staged(file_name, table, columns, ignored, header_row, encoding)


def stage_file(con: duckdb.DuckDBPyConnection, data: bytes, file_name: str, table: str | None = None) -> Staged:
    """Stages any supported file; the kind is taken from the file name's ending."""
    suffix = Path(file_name).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return stage_excel(con, data, file_name, table)
    if suffix in (".geojson", ".json"):
        return stage_geojson(con, data, file_name, table)
    if suffix in (".csv", ".txt", ".tsv", ""):
        return stage_csv(con, data, file_name, table)
    raise FileProblem("unsupported_file", file_name, suffix=suffix)
