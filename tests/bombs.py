"""Hostile and heavy uploads made in code (never stored in the repository): an Excel "zip bomb"
(a few MB that expand to gigabytes of sheet XML) and a large plain visits CSV."""

import zipfile
from pathlib import Path

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="走访" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
HEADER = ["visit_id", "household_id", "visited_at", "worker_id", "outcome"]


def _row(number: int, cells: list[str]) -> str:
    return f'<row r="{number}">' + "".join(f'<c t="inlineStr"><is><t>{v}</t></is></c>' for v in cells) + "</row>"


def excel_bomb(path: Path, expanded_mb: int, dimension: str | None = None) -> Path:
    """A workbook whose one sheet repeats the same visit row until its XML is `expanded_mb` MB:
    deflate packs it about 1,000 times, so 4,000 MB expand from a 4 MB file. `dimension`: the
    <dimension ref> the sheet declares (None: none, as many writers leave out)."""
    head = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + (f'<dimension ref="{dimension}"/>' if dimension else "")
        + "<sheetData>"
        + _row(1, HEADER)
    )
    row = _row(2, ["V1", "H1", "2022-03-01 08:00:00", "W1", "met"]).replace(' r="2"', "")
    chunk = (row * (1_000_000 // len(row) + 1)).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in (
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", RELS),
            ("xl/workbook.xml", WORKBOOK),
            ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        ):
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(head.encode("utf-8"))
            for _ in range(expanded_mb):
                sheet.write(chunk)
            sheet.write(b"</sheetData></worksheet>")
    return path


def visits_csv(path: Path, megabytes: int, households: list[str], worker: str, day: str) -> Path:
    """A plain visits CSV of about `megabytes` MB: the same few households visited again and again
    (distinct visit ids), as a district-wide nightly export would be."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(HEADER) + "\n")
        written, number = 0, 0
        while written < megabytes * 1_000_000:
            lines = []
            for _ in range(10_000):
                household = households[number % len(households)]
                lines.append(
                    f"BIG{number:08d},{household},{day} {8 + number % 10:02d}:{number % 60:02d}:00,{worker},met\n"
                )
                number += 1
            block = "".join(lines)
            handle.write(block)
            written += len(block)
    return path
