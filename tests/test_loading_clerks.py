"""Field sheets as clerks really make them (issue 23, and issue 14's "data that lands wrong"): no
traceback, no value silently changed, no row silently missing, the same file twice changes nothing.
Each case is a file of tests/corpus (written by make_corpus.py) whose answer is known by hand; ids
refer to the hand store of tests/fixtures.py."""

import datetime as dt
import io
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import queries
from knockboard import store
from knockboard.loading import load_bytes, load_file
from knockboard.loading.messages import rejects_table, summary

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
SAMPLES = ROOT / "tests" / "samples"
CORPUS_FILES = sorted(p for p in CORPUS.iterdir() if p.suffix != ".py")


@pytest.fixture
def con(hand_db, tmp_path):
    copy = tmp_path / "store.duckdb"
    shutil.copy(hand_db, copy)
    con = store.connect(copy)
    yield con
    con.close()


def load(con, name, **kw):
    return load_file(con, CORPUS / name, **kw)


def reasons(report):
    return [(r.row, r.column, r.reason) for r in report.rejects.itertuples()]


def one(con, sql, *params):
    return con.execute(sql, list(params)).fetchone()


# ---------------------------------------------------------------- never a traceback


def test_every_corpus_file_through_the_command_line_without_a_traceback(hand_db, tmp_path):
    copy = tmp_path / "cli.duckdb"
    shutil.copy(hand_db, copy)
    result = subprocess.run(
        [sys.executable, "-m", "knockboard", "load", *map(str, CORPUS_FILES), "--db", str(copy), "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    assert result.returncode == 2  # some files are refused whole
    assert result.stdout.count(" → ") + result.stdout.count("was not loaded") == len(CORPUS_FILES)


def test_every_corpus_file_on_the_data_page_without_an_exception(monkeypatch, hand_db, tmp_path):
    from streamlit.testing.v1 import AppTest

    copy = tmp_path / "page.duckdb"
    shutil.copy(hand_db, copy)
    monkeypatch.setenv("KNOCKBOARD_DB", str(copy))
    at = AppTest.from_file(str(ROOT / "pages" / "data.py"), default_timeout=120)
    at.query_params["lang"] = "zh"
    at.run()
    at.file_uploader(key="data_files").set_value([(p.name, p.read_bytes(), "text/csv") for p in CORPUS_FILES])
    at.button[0].click()
    at.run()
    assert not at.exception
    said = [e.value for kind in ("success", "warning", "info", "error") for e in at.get(kind)]
    # the page writes file names Markdown-escaped (they are the clerk's words): look for them so
    from knockboard.i18n import md

    assert sum(any(md(p.name) in text for text in said) for p in CORPUS_FILES) == len(CORPUS_FILES)


def test_a_cell_longer_than_pythons_csv_field_limit_lands_whole(con):
    report = load(con, "inspections_long_findings_zh.csv")
    assert (report.status, report.accepted, report.refused) == ("loaded", 2, 0)
    findings = one(con, "select findings from inspections where inspection_id = 'L1'")[0]
    assert len(findings) == 4 + 9 * 16_000 > 131_072 and findings.startswith("未验码；现场人员随意进出，")


def test_an_unbalanced_quote_refuses_the_file_naming_row_and_column(con):
    report = load(con, "visits_unbalanced_quote_en.csv")
    assert (report.status, report.problem.code, report.problem.details) == (
        "refused",
        "unbalanced_quote",
        {"row": 3, "column": 4},
    )
    assert "row 3, column 4" in summary(report, "en") and "第 3 行第 4 列" in summary(report, "zh")
    assert one(con, "select count(*) from imports")[0] == 0


def test_quoted_line_breaks_stay_in_their_address_and_rows_keep_their_numbers(con):
    report = load(con, "households_line_breaks_zh.csv")
    assert (report.accepted, reasons(report)) == (3, [(5, "micro_grid_id", "unknown_parent")])
    assert con.execute(
        "select household_id, address from households where household_id like 'HB%' order by 1"
    ).fetchall() == [("HB1", "甲一小区\n3幢101室"), ("HB2", "甲一小区\n\n3幢102室"), ("HB3", "甲一小区3幢201室")]


def test_a_quoted_value_with_text_after_its_quote_refuses_the_file(con):
    report = load(con, "households_stray_quote_zh.csv")  # "甲一小区"8幢102室 would lose its quotes
    assert (report.status, report.problem.code, report.problem.details) == ("refused", "stray_quote", {"row": 3})
    assert "第 3 行" in summary(report, "zh")


def test_an_unknown_table_name_is_a_bad_argument_listing_the_tables(hand_db, tmp_path):
    copy = tmp_path / "cli.duckdb"
    shutil.copy(hand_db, copy)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "knockboard",
            "load",
            str(CORPUS / "visits_good_en_bom.csv"),
            "--table",
            "vists",
            "--db",
            str(copy),
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "there is no table “vists”; the tables are: streets, communities" in result.stdout
    assert "visits" in result.stdout.split("the tables are:")[1]


def test_an_error_while_landing_refuses_the_file_and_writes_nothing(con, monkeypatch):
    from knockboard.loading import load as loading

    def broken(*args, **kwargs):
        args[0].execute(
            "insert into imports (import_id, file_name, content_hash, table_name, rows_read, rows_accepted, "
            "rows_refused, loaded_by, loaded_at, street_id) "
            "values (99, 'x', 'x', 'visits', 0, 0, 0, null, now()::timestamp, null)"
        )
        raise RuntimeError("disk full\nmore")

    monkeypatch.setattr(loading, "_land", broken)
    report = load(con, "visits_good_en_bom.csv")
    assert (report.status, report.problem.code) == ("refused", "load_failed")
    assert "RuntimeError: disk full" in summary(report, "en")
    assert one(con, "select count(*) from imports")[0] == 0  # rolled back


# ---------------------------------------------------------------- never a value silently changed


def test_more_cells_than_headers_refuses_the_row_keeping_all_its_text(con):
    report = load(con, "households_unquoted_comma_zh.csv")
    assert report.accepted == 2
    assert reasons(report)[0] == (3, "household_id", "extra_cells")
    refused = report.rejects.iloc[0]
    assert (refused["value"], refused["row_text"]) == ("3", "HC2,M1,甲一小区4幢,102室,3")
    assert one(con, "select count(*) from households where household_id = 'HC2'")[0] == 0
    assert "comma inside a value" in rejects_table(report, "en")["Reason"].iloc[0]


def test_two_columns_for_one_field_take_the_filled_one_and_say_so(con):
    report = load(con, "visits_two_health_code_columns_zh.csv")
    assert (report.accepted, report.refused) == (2, 0)
    assert con.execute("select visit_id, health_code from visits where visit_id like 'HC%' order by 1").fetchall() == [
        ("HC1", "green"),
        ("HC2", "yellow"),
    ]
    assert report.notes == [("repeated_column_merged", {"column": "health_code", "headers": ["健康码", "健康码颜色"]})]
    assert "健康码、健康码颜色" in summary(report, "zh")


def test_two_columns_for_one_field_that_disagree_refuse_the_file(con):
    report = load(con, "visits_two_health_codes_disagree_zh.csv")
    assert (report.status, report.problem.code, report.problem.details["row"]) == ("refused", "repeated_column", 3)
    assert "第 3 行" in summary(report, "zh")


def test_merged_cells_hold_their_value_for_every_row_of_the_block(con):
    report = load(con, "visits_merged_worker_zh.xlsx")
    assert (report.accepted, report.refused) == (3, 0)
    assert con.execute("select visit_id, worker_id from visits where visit_id like 'MW%' order by 1").fetchall() == [
        ("MW1", "W1"),
        ("MW2", "W1"),
        ("MW3", "W1"),
    ]


def test_a_formula_with_no_saved_value_refuses_the_file(con):
    report = load(con, "shifts_formula_without_value_en.xlsx")
    assert (report.status, report.problem.code) == ("refused", "formula_without_value")
    assert {k: report.problem.details[k] for k in ("row", "column")} == {"row": 3, "column": "hours"}
    assert one(con, "select count(*) from shifts where shift_id like 'FF%'")[0] == 0


def test_excel_serial_date_times_convert_to_the_second(con):
    report = load(con, "visits_excel_serial_times_zh.xlsx")
    assert (report.accepted, report.refused) == (2, 0)
    # 44624.333333333 (a date cell) and 44624.3333333 (a number cell) are both 2022-03-04 08:00:00
    assert con.execute(
        "select visit_id, visited_at::varchar from visits where visit_id like 'ES%' order by 1"
    ).fetchall() == [("ES1", "2022-03-04 08:00:00"), ("ES2", "2022-03-04 08:00:00")]


@pytest.mark.parametrize(
    "name, row, shown",
    [
        ("households_scientific_ids_zh.csv", 2, "3.20602E+17"),
        ("households_number_ids_zh.xlsx", 2, "3.2060219800101E+17"),
    ],
)
def test_ids_excel_turned_into_scientific_notation_are_refused(con, name, row, shown):
    report = load(con, name)
    assert (report.accepted, reasons(report)) == (1, [(row, "household_id", "scientific_id")])
    assert report.rejects.iloc[0]["value"] == shown
    assert one(con, "select count(*) from households where household_id like '3%'")[0] == (
        1 if name.endswith(".csv") else 0
    )  # the CSV's second id is written in full


def test_a_big5_file_lands_as_written(con):
    report = load(con, "households_big5_en.csv")
    assert (report.accepted, report.refused) == (2, 0)
    assert con.execute(
        "select address from households where household_id like 'HT%' order by household_id"
    ).fetchall() == [("臺北路1號樓",), ("彰化縣鹿港鎮中山路2號",)]


def test_a_file_whose_encoding_is_doubtful_is_refused(con):
    report = load(con, "households_doubtful_encoding_en.csv")  # Korean EUC-KR: decodes as GBK, as nonsense
    assert (report.status, report.problem.code) == ("refused", "doubtful_encoding")
    assert "UTF-8" in summary(report, "en") and one(con, "select count(*) from imports")[0] == 0


# ---------------------------------------------------------------- never a row silently missing


def test_a_workbook_with_a_sheet_per_day_loads_every_sheet_but_the_hidden_template(con):
    report = load(con, "shifts_sheet_per_day_zh.xlsx")
    assert (report.status, report.accepted, report.refused) == ("loaded", 3, 0)
    assert con.execute("""select volunteer_id, shift_date::varchar, hours from shifts
                          where shift_date >= '2022-03-05' order by 2, 1""").fetchall() == [
        ("P1", "2022-03-05", 2.0),
        ("P2", "2022-03-05", 3.0),
        ("P1", "2022-03-06", 4.0),
    ]
    assert one(con, "select count(*) from shifts where volunteer_id = 'P0'")[0] == 0
    codes = [(code, d["sheet"]) for code, d in report.notes]
    assert codes == [
        ("sheet_hidden", "模板"),
        ("sheet_loaded", "3月5日"),
        ("sheet_loaded", "3月6日"),
        ("sheet_skipped", "说明"),
    ]


def test_sheets_with_other_columns_refuse_the_workbook(con):
    book = openpyxl.Workbook()
    book.active.append(["shift_id", "volunteer_id", "shift_date", "hours", "post_category", "grid_id"])
    book.active.append(["SD1", "P1", "2022-03-04", 2, "checkpoint", "G1"])
    other = book.create_sheet("day 2")
    other.append(["volunteer_id", "shift_date", "hours", "post_category"])
    other.append(["P1", "2022-03-05", 2, "checkpoint"])
    data = io.BytesIO()
    book.save(data)
    report = load_bytes(con, data.getvalue(), "two.xlsx")
    assert (report.status, report.problem.code, report.problem.details["sheet"]) == (
        "refused",
        "sheets_differ",
        "day 2",
    )


def test_a_day_sheet_lacking_a_required_column_refuses_the_workbook_naming_the_sheet(con):
    book = openpyxl.Workbook()
    book.active.title = "3月4日"
    book.active.append(["visit_id", "household_id", "visited_at", "outcome"])
    book.active.append(["SM1", "H4", "2022-03-04 10:00", "met"])
    other = book.create_sheet("3月5日")
    other.append(["visit_id", "household_id", "outcome"])
    other.append(["SM2", "H4", "met"])
    data = io.BytesIO()
    book.save(data)
    report = load_bytes(con, data.getvalue(), "days.xlsx")
    assert (report.status, report.problem.code, report.problem.details["sheet"]) == (
        "refused",
        "missing_columns",
        "3月5日",
    )
    assert summary(report, "zh").endswith("缺少必填列 走访时间（visited_at）（工作表“3月5日”）")


def test_rows_of_a_workbook_with_several_sheets_are_named_by_sheet(con):
    book = openpyxl.Workbook()
    for title in ("3月4日", "3月5日"):
        sheet = book.active if title == "3月4日" else book.create_sheet(title)
        sheet.title = title
        sheet.append(["visit_id", "household_id", "visited_at", "outcome"])
        sheet.append(["SV1" if title == "3月4日" else "SV1", "H4", "2022-03-04 10:00", "met"])
    data = io.BytesIO()
    book.save(data)
    report = load_bytes(con, data.getvalue(), "days.xlsx")
    assert reasons(report) == [(2, "visit_id", "duplicate_key")]
    assert (report.rejects.iloc[0]["sheet"], report.rejects.iloc[0]["detail"]) == ("3月5日", "3月4日 2")
    assert rejects_table(report, "en")["Row"].tolist() == ["3月5日 2"]


def test_a_title_holding_a_line_separator_does_not_swallow_the_first_row(con):
    report = load(con, "visits_title_line_separator_zh.csv")
    assert (report.rows_read, report.accepted) == (2, 2)
    assert con.execute("select visit_id from visits where visit_id like 'LS%' order by 1").fetchall() == [
        ("LS1",),
        ("LS2",),
    ]


def test_a_missing_required_column_is_named_in_both_languages(con):
    report = load(con, "visits_missing_column_zh.csv")
    assert (report.status, report.problem.code, report.problem.details["columns"]) == (
        "refused",
        "missing_columns",
        ["visited_at"],
    )
    assert "走访时间（visited_at）" in summary(report, "zh")
    assert "visited_at (走访时间)" in summary(report, "en")
    chosen = load(con, "visits_missing_column_zh.csv", table="visits")
    assert (chosen.problem.code, chosen.problem.details["columns"]) == ("missing_columns", ["visited_at"])


# ---------------------------------------------------------------- idempotence


def test_the_same_file_with_refused_rows_again_writes_nothing(con):
    first = load(con, "visits_bad_enum_en.csv", loaded_by="clerk")
    counts = one(con, "select (select count(*) from imports), (select count(*) from rejects)")
    version = store.data_version(con)
    again = load(con, "visits_bad_enum_en.csv", loaded_by="clerk")
    assert (again.status, again.import_id, again.refused) == ("unchanged", first.import_id, 2)
    assert one(con, "select (select count(*) from imports), (select count(*) from rejects)") == counts == (1, 2)
    assert store.data_version(con) == version
    when = first_load_time(con)
    assert summary(again, "en").startswith(
        f"visits_bad_enum_en.csv: already loaded on {when} (import 1); nothing "
        "changed. Its 2 refused rows are still refused"
    )
    assert "已于" in summary(again, "zh")


def first_load_time(con) -> str:
    return one(con, "select strftime(loaded_at, '%Y-%m-%d %H:%M') from imports where import_id = 1")[0]


def test_the_data_page_counts_stay_the_same_when_a_file_comes_again(monkeypatch, hand_db, tmp_path):
    from streamlit.testing.v1 import AppTest

    copy = tmp_path / "again.duckdb"
    shutil.copy(hand_db, copy)
    monkeypatch.setenv("KNOCKBOARD_DB", str(copy))
    at = AppTest.from_file(str(ROOT / "pages" / "data.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    tables = []
    for _ in range(2):
        at.file_uploader(key="data_files").set_value(
            [("visits_bad_enum_en.csv", (CORPUS / "visits_bad_enum_en.csv").read_bytes(), "text/csv")]
        )
        at.button[0].click()
        at.run()
        assert not at.exception
        tables.append([df.value.to_dict("list") for df in at.dataframe[1:]])  # the freshness tables
    assert "already loaded on" in at.info[0].value
    assert tables[0] == tables[1]


# ---------------------------------------------------------------- issue 14: data that lands wrong


def test_ids_with_invisible_characters_are_cleaned_and_said(con):
    report = load(con, "households_invisible_ids_zh.csv")
    assert (report.accepted, report.refused) == (7, 0)
    assert [
        r[0]
        for r in con.execute("select household_id from households where household_id like 'HI%' order by 1").fetchall()
    ] == ["HI1", "HI2", "HI3", "HI4", "HI5", "HI6", "HI7"]
    assert one(con, "select micro_grid_id from households where household_id = 'HI6'") == ("M1",)
    assert ("ids_cleaned", {"column": "household_id", "n": 7, "rows": "2, 3, 4, 5, 6, …"}) in report.notes
    assert "7 ids written with invisible characters" in summary(report, "en")
    # a later clean file restates the same households instead of adding look-alikes
    clean = "household_id,micro_grid_id,address,residents\n" + "".join(f"HI{i},M1,甲一小区6幢,1\n" for i in range(1, 8))
    again = load_bytes(con, clean.encode(), "clean.csv")
    assert (again.accepted, again.replaced) == (7, 7)
    assert one(con, "select count(*) from households where address like '甲一小区6幢%'")[0] == 7


def test_refused_rows_hide_only_the_personal_cells(con):
    from knockboard import data

    report = load(con, "households_line_breaks_zh.csv")
    shown = data.refused_rows(report, "en", masked=True)
    assert shown["Value"].tolist() == ["M99"] and shown["Original row"].tolist() == ["HB4,M99,***,1"]
    assert data.refused_rows(report, "en", masked=False)["Original row"].tolist() == ["HB4,M99,甲一小区3幢202室,1"]
    # a row whose cells shifted (an unquoted comma): everything from the address on is hidden
    shifted = data.refused_rows(load(con, "households_unquoted_comma_zh.csv"), "en", masked=True)
    assert shifted["Original row"].tolist() == ["HC2,M1,***"] * 2 and set(shifted["Value"]) == {"***"}
    # a sheet with no personal column is shown whole
    plain = data.refused_rows(load(con, "visits_bad_type_zh.csv"), "zh", masked=True)
    assert plain["原始行内容"].tolist() == ["T2,H7,昨天下午,W3,已见面,三,否,绿码,否"] * 2


def test_a_sheets_businesses_are_matched_to_the_stores_before_any_is_created(con):
    report = load(con, "inspections_named_businesses_zh.csv")
    assert (report.accepted, report.created_parents) == (2, 1)
    # 甲一 饭店 (its address given shorter) is the store's B1; 甲二新店 is new, in the street its row names
    assert con.execute(
        "select inspection_id, business_id, street_id from inspections where inspection_id like 'NB%' order by 1"
    ).fetchall() == [("NB1", "B1", "S1"), ("NB2", "JC-002", "S1")]
    assert one(con, "select name, street_id, grid_id from businesses where business_id = 'JC-002'") == (
        "甲二新店",
        "S1",
        None,
    )
    assert ("parent_matched", {"name": "甲一 饭店", "sheet_id": "JC-001", "store_id": "B1"}) in report.notes
    # a new business whose street nothing tells is refused, not created in no street
    assert reasons(report) == [(4, "business_id", "new_parent_no_street")]
    listed = queries.run(con, "businesses_needing_grid", scope=None)
    assert listed[["business_id", "street_id"]].values.tolist() == [["JC-002", "S1"]]


def test_new_businesses_are_listed_on_the_data_page(monkeypatch, hand_db, tmp_path):
    from streamlit.testing.v1 import AppTest

    copy = tmp_path / "new.duckdb"
    shutil.copy(hand_db, copy)
    con = store.connect(copy)
    load(con, "inspections_named_businesses_zh.csv")
    con.close()
    monkeypatch.setenv("KNOCKBOARD_DB", str(copy))
    at = AppTest.from_file(str(ROOT / "pages" / "data.py"), default_timeout=60)
    at.query_params["lang"] = "zh"
    at.run()
    assert not at.exception
    assert "待指定网格的新增商户" in [h.value for h in at.subheader]
    assert any("甲二新店" in df.value.astype(str).values.ravel().tolist() for df in at.dataframe)


def test_the_sample_inspection_sheet_on_the_demo_matches_its_businesses_and_every_count_agrees(small_demo_db, tmp_path):
    copy = tmp_path / "demo.duckdb"
    shutil.copy(small_demo_db, copy)
    con = store.connect(copy)
    try:
        before = one(con, "select count(*) from businesses")[0]
        closed_19_before = queries.run(
            con, "inspections_daily", scope=None, start=dt.date(2022, 3, 19), end=dt.date(2022, 3, 19), street=None
        )["closed_businesses"].iloc[0]
        report = load_file(con, SAMPLES / "检查记录_永兴街道_20220319-20.xlsx")
        assert (report.accepted, report.refused, report.created_parents) == (4, 0, 2)
        matched = sorted(d["name"] for code, d in report.notes if code == "parent_matched")
        assert matched == ["华熔二手车交易市场有限公司", "南通飞联汽车销售服务有限公司"]
        assert one(con, "select count(*) from businesses")[0] == before + 2
        assert one(con, "select count(*) from businesses where name like '南通飞联%'")[0] == 1
        # the two truly new ones are placed in 永兴 (S14), named in the file name, and need a grid
        assert con.execute(
            "select name, street_id, grid_id from businesses where business_id in ('B-YX-0117', 'B-YX-0121') order by 1"
        ).fetchall() == [("城港路某药店", "S14", None), ("城港路某超市", "S14", None)]
        assert ("parents_in_file_street", {"street": "永兴 (S14)"}) in report.notes
        # card, map and street sums agree on every day of the campaign
        start, end = dt.date(2022, 2, 1), dt.date(2022, 3, 22)
        card = queries.run(con, "inspections_daily", scope=None, start=start, end=end, street=None)
        card = dict(zip(card["day"].dt.date, card["closed_businesses"]))
        day = start
        while day <= end:
            streets = queries.run(con, "inspections_by_street", scope=None, start=start, day=day)["closed_on_day"].sum()
            mapped = queries.run(con, "inspections_business_map", scope=None, day=day, street=None)["closed"].sum()
            assert card.get(day, 0) == streets == mapped, day
            day += dt.timedelta(days=1)
        # the sheet's two 城港路 suspensions are the demo's own: 19 March counts them once
        assert card[dt.date(2022, 3, 19)] == closed_19_before
    finally:
        con.close()


def test_agencies_are_counted_under_their_one_name(con):
    assert load(con, "agency_aliases_zh.csv", street="S1").problem.code == "admin_only"  # the district's table
    report = load(con, "agency_aliases_zh.csv")
    assert (report.table, report.accepted) == ("agency_aliases", 2)
    items = con.execute("""select inspection_id, item from inspection_items where kind = 'agency'
                           and inspection_id in ('I2', 'I3') order by 1, 2""").fetchall()
    # I2 (S1) 派出所 is S1's 甲派出所; I3 (S2) 区商务局 is the district's 崇川区商务局
    assert items == [("I2", "甲派出所"), ("I2", "街道办事处"), ("I3", "崇川区商务局")]
    assert one(con, "select agencies from inspections where inspection_id = 'I3'") == ("区商务局",)  # as written


def test_the_demo_writes_the_districts_agencies_in_full(small_demo_db):
    con = store.connect(small_demo_db, read_only=True)
    try:
        names = {
            r[0] for r in con.execute("select distinct item from inspection_items where kind = 'agency'").fetchall()
        }
        assert "区商务局" not in names and "崇川区商务局" in names
        assert "派出所" not in names and "永兴派出所" in names
    finally:
        con.close()
