"""What leaves the app as a file (knockboard/components.py): values a spreadsheet would run are
inert, and every file says what it is about (scope, report day, filters, data up to), in its first
lines (CSV), on a second sheet (Excel) and in its name."""

import datetime as dt
import io
from types import SimpleNamespace

import openpyxl
import pandas as pd

from knockboard import components, i18n
from knockboard.access import User

HOSTILE = ['=HYPERLINK("http://x/leak","点击查看")', "+1+1", "-2+3", "@SUM(1+1)", "\tTab", "\rCR"]


def _ctx(street=None, lang="en", names=None):
    names = names or {"S01": ("城东", "Chengdong")}
    return SimpleNamespace(
        user=User("analyst", "analyst", None, method="local"),
        small_cell=5,
        street=street,
        lang=lang,
        day=dt.date(2022, 3, 21),
        latest_day=dt.date(2022, 3, 22),
        t=lambda key, **v: i18n.t(key, lang, **v),
        area_label=i18n.place(*names[street], lang) if street else i18n.t("all_streets", lang),
    )


def test_a_cell_a_spreadsheet_would_run_gets_a_leading_quote_and_keeps_its_text():
    assert [components.inert(v) for v in HOSTILE] == ["'" + v for v in HOSTILE]
    # harmless text, numbers (negative ones too) and missing values stay what they are
    assert [components.inert(v) for v in ["甲一小区", "a=b", -2, 3.5, None]] == ["甲一小区", "a=b", -2, 3.5, None]


def test_csv_export_neutralises_formulas_and_keeps_numbers_numbers():
    table = pd.DataFrame({"Name": HOSTILE, "Households": [-1, 2, 3, 4, 5, 6], "Coverage (%)": [9.5] * 6})
    data = components.csv_bytes(table, [("Scope", "=cmd|' /C calc'!A0")]).decode("utf-8-sig")
    head, body = data.split("\r\n\r\n", 1)
    assert head == "Scope,'=cmd|' /C calc'!A0"  # context values come from the store too
    back = pd.read_csv(io.StringIO(body), keep_default_na=False)
    assert back["Name"].tolist() == ["'" + v for v in HOSTILE]  # a carriage return stays inside its cell
    assert back["Households"].tolist() == [-1, 2, 3, 4, 5, 6] and back["Coverage (%)"].dtype.kind == "f"


def test_excel_export_holds_no_formula_and_its_context_on_a_second_sheet():
    table = pd.DataFrame({"Name": HOSTILE, "Households": [-1, 2, 3, 4, 5, 6]})
    book = openpyxl.load_workbook(
        io.BytesIO(
            components.excel_bytes(
                table, context=[("Scope", "城东 Chengdong"), ("Report day", "2022-03-21")], context_sheet="about"
            )
        )
    )
    assert book.sheetnames == ["data", "about"]
    cells = [c for row in book["data"].iter_rows(min_row=2) for c in row]
    assert not [c.value for c in cells if c.data_type == "f"]  # openpyxl writes "=..." as a formula unless neutralised
    # (XML keeps a carriage return as a line feed)
    assert [r[0].value for r in book["data"].iter_rows(min_row=2)] == ["'" + v.replace("\r", "\n") for v in HOSTILE]
    assert [r[1].value for r in book["data"].iter_rows(min_row=2)] == [-1, 2, 3, 4, 5, 6]
    assert [[c.value for c in r] for r in book["about"].iter_rows()] == [
        ["Scope", "城东 Chengdong"],
        ["Report day", "2022-03-21"],
    ]


def test_an_export_says_its_scope_day_filters_and_freshness_inside_and_in_its_name():
    ctx = _ctx("S01")
    context = components.export_context(ctx, {"Level": "Grid", "Coverage threshold": "95%"})
    assert context[:5] == [
        ("Scope", "城东 Chengdong"),
        ("Report day", "2022-03-21"),
        ("Filter: Level", "Grid"),
        ("Filter: Coverage threshold", "95%"),
        ("Data up to", "2022-03-22"),
    ]
    assert context[5][0] == "Made at"
    data = components.csv_bytes(pd.DataFrame({"a": [1]}), context).decode("utf-8-sig")
    assert data.startswith("Scope,城东 Chengdong\r\nReport day,2022-03-21\r\nFilter: Level,Grid\r\n")
    assert components.file_name(ctx, "gaps-grid", "csv") == "gaps-grid-S01-2022-03-21.csv"
    assert components.file_name(_ctx(None), "street-ranking", "xlsx") == "street-ranking-district-2022-03-21.xlsx"
    zh = components.export_context(_ctx("S01", "zh"))
    assert [k for k, _ in zh][:3] == ["范围", "报告日期", "数据截至"] and zh[0][1] == "城东"
