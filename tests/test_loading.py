"""Loading field sheets: every file of tests/corpus gets the right reasons, every good row lands,
every bad row is kept, a reload changes nothing, a corrected file replaces what it restates."""

import datetime as dt
import shutil
from pathlib import Path

import pytest

import queries
from knockboard import store
from knockboard.loading import load_bytes, load_file

CORPUS = Path(__file__).resolve().parent / "corpus"


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


def count(con, sql, *params):
    return con.execute(sql, list(params)).fetchone()[0]


def test_gb18030_sheet_with_title_footer_and_chinese_values(con):
    report = load(con, "visits_good_zh_gb18030.csv")
    assert (report.status, report.table, report.rows_read, report.accepted, report.refused) == \
        ("loaded", "visits", 3, 3, 0)
    assert report.ignored_rows == 2  # the blank row and the 填表人 footer
    rows = con.execute("""select visit_id, outcome, visited_at::varchar, health_code, returned_from_outside,
                                 needs_followup, visit_day::varchar, micro_grid_id, street_id
                          from visits where visit_id like 'K%' order by visit_id""").fetchall()
    assert rows == [
        ("K1", "met", "2022-03-04 08:07:00", "green", False, False, "2022-03-04", "M1", "S1"),
        ("K2", "not_home", "2022-03-04 08:15:00", None, False, False, "2022-03-04", "M3", "S2"),
        ("K3", "met", "2022-03-04 19:02:00", "yellow", True, True, "2022-03-04", "M3", "S2")]


def test_rollups_refresh_after_a_load(con):
    before = store.data_version(con)
    load(con, "visits_good_zh_gb18030.csv")
    assert store.data_version(con) != before
    # 4 March: H4, H7, H6 knocked; H4 and H6 newly covered -> 5 of 7 covered
    assert con.execute("""select sum(knocked), sum(newly_covered) from roll_visits_street_day
                          where day = '2022-03-04'""").fetchone() == (3, 2)


def test_utf8_bom_english(con):
    report = load(con, "visits_good_en_bom.csv")
    assert (report.accepted, report.refused) == (2, 0)
    assert count(con, "select count(*) from visits where visit_id in ('E1', 'E2')") == 2


def test_wrong_types_are_refused_with_row_and_column(con):
    report = load(con, "visits_bad_type_zh.csv")
    assert (report.accepted, report.refused) == (1, 1)
    assert reasons(report) == [(3, "residents_seen", "bad_int"), (3, "visited_at", "bad_timestamp")]
    assert report.rejects.iloc[0]["value"] == "三"
    assert "昨天下午" in report.rejects.iloc[0]["row_text"]
    assert count(con, "select count(*) from visits where visit_id = 'T1'") == 1
    assert count(con, "select count(*) from visits where visit_id = 'T2'") == 0


def test_values_outside_an_enumeration(con):
    report = load(con, "visits_bad_enum_en.csv")
    assert reasons(report) == [(3, "outcome", "not_in_list"), (4, "health_code", "not_in_list")]
    assert report.rejects["value"].tolist() == ["absent", "purple"]


def test_unknown_parent(con):
    report = load(con, "visits_unknown_household_zh.csv")
    assert reasons(report) == [(3, "household_id", "unknown_parent")]
    assert report.accepted == 1


def test_duplicate_key_inside_the_file(con):
    report = load(con, "visits_duplicate_key_en.csv")
    assert reasons(report) == [(3, "visit_id", "duplicate_key")]
    assert report.rejects.iloc[0]["value"] == "2"  # the row it repeats
    assert con.execute("select household_id from visits where visit_id = 'D1'").fetchone() == ("H4",)


def test_visits_in_the_future_or_before_the_campaign(con):
    report = load(con, "visits_out_of_window_zh.csv")
    assert reasons(report) == [(3, "visited_at", "in_future"), (4, "visited_at", "before_campaign")]


def test_full_width_digits_and_a_blank_line(con):
    report = load(con, "visits_fullwidth_zh.csv")
    assert (report.accepted, report.refused) == (2, 0)
    assert con.execute("select visited_at::varchar, residents_seen from visits where visit_id = 'F1'").fetchone() == \
        ("2022-03-04 08:07:00", 3)
    assert con.execute("select outcome from visits where visit_id = 'F2'").fetchone() == ("vacant",)


def test_excel_shifts_with_absurd_hours(con):
    report = load(con, "shifts_hours_zh.xlsx")
    assert report.table == "shifts" and report.ignored_columns == ["姓名"]
    assert reasons(report) == [(4, "hours", "out_of_range"), (5, "hours", "out_of_range"),
                               (6, "post_category", "not_in_list")]
    assert report.accepted == 1
    row = con.execute("""select volunteer_id, shift_date::varchar, hours, post_category, grid_id, street_id
                         from shifts where shift_date = '2022-03-04'""").fetchall()
    assert row == [("P1", "2022-03-04", 4.0, "checkpoint", "G1", "S1")]


def test_shift_without_an_id_gets_a_stable_key(con):
    first = load(con, "shifts_hours_zh.xlsx")
    key = con.execute("select shift_id from shifts where shift_date = '2022-03-04'").fetchone()[0]
    assert key.startswith("K") and first.accepted == 1
    # the key is made from the row's content: loading the sheet again (it had refusals, so it is
    # checked again) restates the same shift instead of adding a second one
    again = load_bytes(con, (CORPUS / "shifts_hours_zh.xlsx").read_bytes(), "copy.xlsx")
    assert (again.status, again.accepted, again.replaced) == ("loaded", 1, 1)
    assert con.execute("select count(*) from shifts where shift_id = ?", [key]).fetchone()[0] == 1


def test_inspections_and_derived_street(con):
    report = load(con, "inspections_en.csv")
    assert (report.accepted, report.refused) == (2, 0)
    assert con.execute("select outcome, suspension_days, street_id from inspections where inspection_id = 'X1'"
                       ).fetchone() == ("suspended", 2, "S2")


def test_leads_verified_without_a_time(con):
    report = load(con, "leads_zh.csv")
    assert reasons(report) == [(4, "verified_at", "missing")]
    assert con.execute("select kind, status from leads where lead_id = 'Q2'").fetchone() == ("returnee", "pending")


def test_geojson_boundaries(con):
    report = load(con, "grids_boundaries.geojson")
    assert (report.table, report.accepted) == ("grids", 1)
    lat, lon, boundary = con.execute("select lat, lon, boundary from grids where grid_id = 'G9'").fetchone()
    assert abs(lat - 32.005) < 1e-9 and abs(lon - 120.805) < 1e-9 and '"Polygon"' in boundary


def test_unrecognisable_file_is_refused_whole(con):
    report = load(con, "not_a_table_en.csv")
    assert report.status == "refused" and report.problem.code == "no_header"
    assert count(con, "select count(*) from imports") == 0


def test_explicit_table_that_does_not_match(con):
    report = load(con, "leads_zh.csv", table="visits")
    assert report.status == "refused" and report.problem.code == "header_mismatch"


def test_loading_the_same_file_twice_changes_nothing(con):
    first = load(con, "visits_good_zh_gb18030.csv")
    version = store.data_version(con)
    visits = count(con, "select count(*) from visits")
    second = load(con, "visits_good_zh_gb18030.csv")
    assert second.status == "unchanged" and second.import_id == first.import_id
    assert count(con, "select count(*) from visits") == visits
    assert store.data_version(con) == version
    assert count(con, "select count(*) from imports") == 1


def test_a_corrected_file_replaces_the_rows_it_restates(con):
    load(con, "visits_good_en_bom.csv")
    corrected = (CORPUS / "visits_good_en_bom.csv").read_bytes().replace(b"E2,H7,2022-03-04 10:30:00,W3,not_home",
                                                                          b"E2,H7,2022-03-04 10:30:00,W3,met")
    report = load_bytes(con, corrected, "visits_good_en_bom_v2.csv")
    assert (report.accepted, report.replaced) == (2, 2)
    assert con.execute("select outcome from visits where visit_id = 'E2'").fetchone() == ("met",)
    assert count(con, "select count(*) from visits where visit_id like 'E%'") == 2


def test_refused_rows_are_kept_in_the_store(con):
    report = load(con, "visits_bad_enum_en.csv")
    kept = con.execute("select row_number, column_name, value, reason, file_name from rejects order by row_number"
                       ).fetchall()
    assert kept == [(3, "outcome", "absent", "not_in_list", "visits_bad_enum_en.csv"),
                    (4, "health_code", "purple", "not_in_list", "visits_bad_enum_en.csv")]
    record = con.execute("select file_name, table_name, rows_read, rows_accepted, rows_refused from imports"
                         ).fetchone()
    assert record == ("visits_bad_enum_en.csv", "visits", 3, 1, 2)
    assert report.import_id == 1


def test_the_article_sample_sheets_load_with_reasons(con):
    """The samples' ids are illustrative and match no store: every row is kept, refused, with why."""
    samples = Path(__file__).resolve().parents[2] / "shared" / "samples"
    if not samples.exists():
        pytest.skip("shared/samples not beside this checkout")
    for name, table, rows in (("走访记录_幸福街道_20220321.csv", "visits", 30),
                              ("志愿服务时长_任港街道_20220321.xlsx", "shifts", 24)):
        report = load_file(con, samples / name)
        assert (report.status, report.table, report.rows_read, report.refused) == ("loaded", table, rows, rows)
        assert set(report.rejects["reason"]) == {"unknown_parent"}
    # the inspection sheet names each business: the ones the store lacks are created from it
    report = load_file(con, samples / "检查记录_永兴街道_20220319-20.xlsx")
    assert (report.table, report.accepted, report.refused, report.created_parents) == ("inspections", 4, 0, 4)
    assert con.execute("select name, address from businesses where business_id = 'B-YX-0101'").fetchone() == \
        ("南通飞联汽车销售服务有限公司", "崇川区城港路")
    closed = queries.run(con, "inspections_daily", scope=None, start=dt.date(2022, 3, 19), end=dt.date(2022, 3, 20), street=None)
    # the two 城港路 businesses on 19 March only; B4 of the hand store has no end set and stays closed
    assert closed["closed_businesses"].tolist() == [3, 1]


def test_an_inspection_of_an_unknown_unnamed_business_is_refused(con):
    data = ("检查编号,场所编号,检查日期,处理结果\nZ1,B404,2022-03-04,合格\n").encode("utf-8")
    report = load_bytes(con, data, "inspections.csv")
    assert reasons(report) == [(2, "business_id", "unknown_parent")]


def test_a_file_with_refusals_is_checked_again_once_its_parents_exist(con):
    first = load(con, "visits_unknown_household_zh.csv")
    assert (first.accepted, first.refused) == (1, 1)
    con.execute("insert into households values ('H99', 'M1', '甲一小区9幢', 2)")
    again = load(con, "visits_unknown_household_zh.csv")
    assert (again.status, again.accepted, again.refused, again.replaced) == ("loaded", 2, 0, 1)
    assert count(con, "select count(*) from visits where visit_id in ('U1', 'U2')") == 2
    assert load(con, "visits_unknown_household_zh.csv").status == "unchanged"


def test_command_line_load(hand_db, tmp_path):
    import subprocess
    import sys
    copy = tmp_path / "cli.duckdb"
    shutil.copy(hand_db, copy)
    rejects = tmp_path / "rejects.csv"
    result = subprocess.run([sys.executable, "-m", "knockboard", "load", str(CORPUS / "visits_good_en_bom.csv"),
                             str(CORPUS / "visits_bad_enum_en.csv"), "--db", str(copy), "--lang", "en",
                             "--rejects", str(rejects)], capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 1, result.stderr  # some rows refused
    assert "visits_good_en_bom.csv → visits: 2 rows loaded, 0 refused" in result.stdout
    assert "visits_bad_enum_en.csv:3: outcome: “absent” is not one of" in result.stdout
    assert "absent" in rejects.read_text(encoding="utf-8-sig")
    result = subprocess.run([sys.executable, "-m", "knockboard", "load", str(CORPUS / "not_a_table_en.csv"),
                             "--db", str(copy)], capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 2 and "未导入" in result.stdout


@pytest.mark.parametrize("after", [0.8, 1.8])  # while checking rows; while landing them
def test_kill_during_a_large_load_leaves_the_store_as_it_was(hand_db, tmp_path, after):
    """kill -9 in the middle of loading 600,000 visits: the store opens, unchanged; loading again works."""
    import os
    import signal
    import subprocess
    import sys
    import time

    import duckdb

    copy = tmp_path / "killed.duckdb"
    shutil.copy(hand_db, copy)
    big = tmp_path / "big_visits.csv"
    with duckdb.connect() as scratch:
        scratch.execute(f"""copy (select 'B' || i as visit_id, 'H' || (i % 7 + 1) as household_id,
                                  timestamp '2022-03-05 08:00' + to_seconds(i % 36000) as visited_at,
                                  'W1' as worker_id, 'met' as outcome
                           from range(600000) t(i)) to '{big}' (header)""")
    process = subprocess.Popen([sys.executable, "-m", "knockboard", "load", str(big), "--db", str(copy)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               cwd=Path(__file__).resolve().parent.parent)
    assert process.stdout.readline().startswith(str(big))  # it has opened the store and started
    time.sleep(after)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the load finished before it could be killed: use a bigger file"
    con = store.connect(copy)
    # all or nothing: the visits, the import record and the rollups moved together, or none did
    visits, imports = count(con, "select count(*) from visits"), count(con, "select count(*) from imports")
    assert (visits, imports) in ((9, 0), (600009, 1))
    assert count(con, "select sum(visits) from roll_visits_street_day") == visits
    if after < 1:
        assert visits == 9, "killed early, the load cannot have landed"
    report = load_file(con, big)
    assert report.status == ("loaded" if visits == 9 else "unchanged")
    assert count(con, "select count(*) from visits") == 600009
    assert count(con, "select sum(visits) from roll_visits_street_day") == 600009
    con.close()
