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
    assert (report.status, report.table, report.rows_read, report.accepted, report.refused) == (
        "loaded",
        "visits",
        3,
        3,
        0,
    )
    assert report.ignored_rows == 2  # the blank row and the 填表人 footer
    rows = con.execute("""select visit_id, outcome, visited_at::varchar, health_code, returned_from_outside,
                                 needs_followup, visit_day::varchar, micro_grid_id, street_id
                          from visits where visit_id like 'K%' order by visit_id""").fetchall()
    assert rows == [
        ("K1", "met", "2022-03-04 08:07:00", "green", False, False, "2022-03-04", "M1", "S1"),
        ("K2", "not_home", "2022-03-04 08:15:00", None, False, False, "2022-03-04", "M3", "S2"),
        ("K3", "met", "2022-03-04 19:02:00", "yellow", True, True, "2022-03-04", "M3", "S2"),
    ]


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
    # the clerk sees the id itself, and the row it repeats
    assert (report.rejects.iloc[0]["value"], report.rejects.iloc[0]["detail"]) == ("D1", "2")
    assert con.execute("select household_id from visits where visit_id = 'D1'").fetchone() == ("H4",)


def test_visits_in_the_future_or_before_the_campaign(con):
    report = load(con, "visits_out_of_window_zh.csv")
    assert reasons(report) == [(3, "visited_at", "in_future"), (4, "visited_at", "before_campaign")]


def test_full_width_digits_and_a_blank_line(con):
    report = load(con, "visits_fullwidth_zh.csv")
    assert (report.accepted, report.refused) == (2, 0)
    assert con.execute("select visited_at::varchar, residents_seen from visits where visit_id = 'F1'").fetchone() == (
        "2022-03-04 08:07:00",
        3,
    )
    assert con.execute("select outcome from visits where visit_id = 'F2'").fetchone() == ("vacant",)


def test_excel_shifts_with_absurd_hours(con):
    report = load(con, "shifts_hours_zh.xlsx")
    assert report.table == "shifts" and report.ignored_columns == ["姓名"]
    assert reasons(report) == [
        (4, "hours", "out_of_range"),
        (5, "hours", "out_of_range"),
        (6, "post_category", "not_in_list"),
    ]
    assert report.accepted == 1
    row = con.execute("""select volunteer_id, shift_date::varchar, hours, post_category, grid_id, street_id
                         from shifts where shift_date = '2022-03-04'""").fetchall()
    assert row == [("P1", "2022-03-04", 4.0, "checkpoint", "G1", "S1")]


def test_shift_without_an_id_gets_a_stable_key(con):
    import io

    import openpyxl

    first = load(con, "shifts_hours_zh.xlsx")
    key = con.execute("select shift_id from shifts where shift_date = '2022-03-04'").fetchone()[0]
    assert key.startswith("K") and first.accepted == 1
    # the key is made from the row's content: a corrected sheet (row 4's 30 hours now 3) restates the
    # same shift instead of adding a second one
    book = openpyxl.load_workbook(CORPUS / "shifts_hours_zh.xlsx")
    book.active["D4"] = 3
    corrected = io.BytesIO()
    book.save(corrected)
    again = load_bytes(con, corrected.getvalue(), "copy.xlsx")
    assert (again.status, again.accepted, again.replaced) == ("loaded", 2, 1)
    assert con.execute("select count(*) from shifts where shift_id = ?", [key]).fetchone()[0] == 1


def test_inspections_and_derived_street(con):
    report = load(con, "inspections_en.csv")
    assert (report.accepted, report.refused) == (2, 0)
    assert con.execute(
        "select outcome, suspension_days, street_id from inspections where inspection_id = 'X1'"
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
    corrected = (
        (CORPUS / "visits_good_en_bom.csv")
        .read_bytes()
        .replace(b"E2,H7,2022-03-04 10:30:00,W3,not_home", b"E2,H7,2022-03-04 10:30:00,W3,met")
    )
    report = load_bytes(con, corrected, "visits_good_en_bom_v2.csv")
    assert (report.accepted, report.replaced) == (2, 2)
    assert con.execute("select outcome from visits where visit_id = 'E2'").fetchone() == ("met",)
    assert count(con, "select count(*) from visits where visit_id like 'E%'") == 2


def test_refused_rows_are_kept_in_the_store(con):
    report = load(con, "visits_bad_enum_en.csv")
    kept = con.execute(
        "select row_number, column_name, value, reason, file_name from rejects order by row_number"
    ).fetchall()
    assert kept == [
        (3, "outcome", "absent", "not_in_list", "visits_bad_enum_en.csv"),
        (4, "health_code", "purple", "not_in_list", "visits_bad_enum_en.csv"),
    ]
    record = con.execute("select file_name, table_name, rows_read, rows_accepted, rows_refused from imports").fetchone()
    assert record == ("visits_bad_enum_en.csv", "visits", 3, 1, 2)
    assert report.import_id == 1


SAMPLES = Path(__file__).resolve().parent / "samples"  # a copy of shared/samples: the test runs on a plain clone


def test_the_article_sample_sheets_load_with_reasons(con):
    """The samples' ids are illustrative and match no store: every row is kept, refused, with why."""
    for name, table, rows in (
        ("走访记录_幸福街道_20220321.csv", "visits", 30),
        ("志愿服务时长_任港街道_20220321.xlsx", "shifts", 24),
    ):
        report = load_file(con, SAMPLES / name)
        assert (report.status, report.table, report.rows_read, report.refused) == ("loaded", table, rows, rows)
        assert set(report.rejects["reason"]) == {"unknown_parent"}
    # the inspection sheet names each business; district-wide, the hand store has no street 永兴 to
    # put the new ones in: refused, with the reason, rather than businesses of no street
    report = load_file(con, SAMPLES / "检查记录_永兴街道_20220319-20.xlsx")
    assert (report.table, report.accepted, report.refused, report.created_parents) == ("inspections", 0, 4, 0)
    assert set(report.rejects["reason"]) == {"new_parent_no_street"}
    # a clerk of S1 loading it: the ones the store lacks are created from it, in the clerk's street
    report = load_file(con, SAMPLES / "检查记录_永兴街道_20220319-20.xlsx", street="S1")
    assert (report.table, report.accepted, report.refused, report.created_parents) == ("inspections", 4, 0, 4)
    assert con.execute(
        "select name, address, street_id from businesses where business_id = 'B-YX-0101'"
    ).fetchone() == ("南通飞联汽车销售服务有限公司", "崇川区城港路", "S1")
    closed = queries.run(
        con, "inspections_daily", scope=None, start=dt.date(2022, 3, 19), end=dt.date(2022, 3, 20), street=None
    )
    # the two 城港路 businesses on 19 March only; B4 of the hand store has no end set and stays closed
    assert closed["closed_businesses"].tolist() == [3, 1]


def test_the_samples_in_the_repository_are_the_shared_ones():
    shared = Path(__file__).resolve().parents[2] / "shared" / "samples"
    if not shared.exists():
        pytest.skip("shared/samples not beside this checkout: the copy is what the tests use")
    for path in shared.iterdir():
        assert (SAMPLES / path.name).read_bytes() == path.read_bytes(), path.name


def test_an_inspection_of_an_unknown_unnamed_business_is_refused(con):
    data = ("检查编号,场所编号,检查日期,处理结果\nZ1,B404,2022-03-04,合格\n").encode()
    report = load_bytes(con, data, "inspections.csv")
    assert reasons(report) == [(2, "business_id", "unknown_parent")]


def test_a_file_with_refusals_is_checked_again_once_its_parents_exist(con):
    first = load(con, "visits_unknown_household_zh.csv")
    assert (first.accepted, first.refused) == (1, 1)
    con.execute(
        "insert into households (household_id, micro_grid_id, address, residents) values ('H99', 'M1', '甲一小区9幢', 2)"
    )
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
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "knockboard",
            "load",
            str(CORPUS / "visits_good_en_bom.csv"),
            str(CORPUS / "visits_bad_enum_en.csv"),
            "--db",
            str(copy),
            "--lang",
            "en",
            "--rejects",
            str(rejects),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert result.returncode == 1, result.stderr  # some rows refused
    assert "visits_good_en_bom.csv → visits: 2 rows loaded, 0 refused" in result.stdout
    assert "visits_bad_enum_en.csv:3: outcome: “absent” is not one of" in result.stdout
    assert "absent" in rejects.read_text(encoding="utf-8-sig")
    result = subprocess.run(
        [sys.executable, "-m", "knockboard", "load", str(CORPUS / "not_a_table_en.csv"), "--db", str(copy)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parent.parent,
    )
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
    system_tmp = tmp_path / "system-tmp"  # the system's shared temporary folder, as the load sees it
    system_tmp.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "knockboard", "load", str(big), "--db", str(copy)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
        env={**os.environ, "TMPDIR": str(system_tmp)},
    )
    assert process.stdout.readline().startswith(str(big))  # it has opened the store and started
    time.sleep(after)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the load finished before it could be killed: use a bigger file"
    # the clerk's sheet was copied only into the store's private folder, and the next start sweeps it
    assert list(system_tmp.iterdir()) == []
    scratch = copy.with_name(copy.name + ".private") / "scratch"
    assert scratch.is_dir() and oct(scratch.parent.stat().st_mode & 0o777) == "0o700"
    con = store.connect(copy)
    assert list(scratch.iterdir()) == []
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


# A street clerk's loads (street="S1"): the hand store's S1 holds H1-H4, grids G1 and G2, team T1,
# businesses B1 and B2; S2 holds H5-H7, grid G3, team T2, businesses B3 and B4, and visits V4 and V7.


def test_a_clerk_loads_only_the_rows_of_their_street(con):
    # K1 is H4 (S1); K2 is H7 and K3 is H6 (S2)
    report = load(con, "visits_good_zh_gb18030.csv", street="S1", loaded_by="clerk1")
    assert (report.status, report.accepted, report.refused) == ("loaded", 1, 2)
    assert reasons(report) == [(4, "household_id", "outside_street"), (5, "household_id", "outside_street")]
    assert report.rejects["value"].tolist() == ["S2", "S2"]  # the street the row belongs to
    assert con.execute("select visit_id, street_id from visits where visit_id like 'K%'").fetchall() == [("K1", "S1")]
    kept = con.execute("select file_name, row_number, column_name, reason from rejects order by row_number").fetchall()
    assert kept == [
        ("visits_good_zh_gb18030.csv", 4, "household_id", "outside_street"),
        ("visits_good_zh_gb18030.csv", 5, "household_id", "outside_street"),
    ]
    assert con.execute("select loaded_by, street_id from imports").fetchall() == [("clerk1", "S1")]


def test_an_outside_street_refusal_in_words(con):
    from knockboard.loading.messages import rejects_table

    report = load(con, "visits_good_zh_gb18030.csv", street="S1")
    en = rejects_table(report, "en")["Reason"].tolist()
    assert en[0] == "household_id: the row belongs to street 乙 Yi (S2), not to your street 甲 Jia (S1)"
    zh = rejects_table(report, "zh")["原因"].tolist()
    assert zh[0] == "户编号（household_id）：该行属于 乙 (S2)，不属于您所在的街道 甲 (S1)"


TERRITORY_SHEETS = [
    ("grids_boundaries.geojson", None, "grids"),
    ("streets.csv", b"street_id,name_zh\nS9,new\n", "streets"),
    ("micro_grids.csv", b"micro_grid_id,neighbourhood_id,name_zh,registered_households\nM9,N1,x,3\n", "micro_grids"),
]


@pytest.mark.parametrize("name, data, table", TERRITORY_SHEETS)
def test_a_clerk_cannot_load_the_territory(con, name, data, table):
    from knockboard.loading.messages import summary

    data = data or (CORPUS / name).read_bytes()
    report = load_bytes(con, data, name, street="S1")
    assert (report.status, report.table, report.problem.code) == ("refused", table, "admin_only")
    assert count(con, "select count(*) from imports") == 0
    assert count(con, f"select count(*) from {table}") == {"grids": 3, "streets": 2, "micro_grids": 3}[table]
    if table == "grids":
        assert summary(report, "en") == (
            "grids_boundaries.geojson was not loaded: a street clerk (street 甲 Jia (S1)) "
            "cannot load grids: only an administrator can"
        )
        assert (
            summary(report, "zh")
            == "grids_boundaries.geojson 未导入：街道数据员（甲 (S1)）不能导入网格，请由管理员导入"
        )


def test_a_clerk_cannot_replace_another_streets_record(con):
    # V4 is an S2 visit (H5): restated with S1's H1 it would move into S1; V1 is S1's own
    data = "visit_id,household_id,visited_at,outcome\nV4,H1,2022-03-04 10:00,met\nV1,H2,2022-03-04 11:00,met\n"
    report = load_bytes(con, data.encode(), "reuse.csv", street="S1")
    assert reasons(report) == [(2, "visit_id", "replaces_other_street")]
    assert report.rejects["value"].tolist() == ["S2"]
    assert (report.accepted, report.replaced) == (1, 1)
    assert con.execute("select household_id, street_id from visits where visit_id = 'V4'").fetchone() == ("H5", "S2")
    assert con.execute("select household_id from visits where visit_id = 'V1'").fetchone() == ("H2",)


def test_a_clerk_loading_the_same_file_twice_changes_nothing(con):
    first = load(con, "visits_good_zh_gb18030.csv", street="S1")
    version, visits = store.data_version(con), count(con, "select count(*) from visits")
    second = load(con, "visits_good_zh_gb18030.csv", street="S1")
    assert second.status == "unchanged" and second.import_id == first.import_id
    assert (count(con, "select count(*) from visits"), store.data_version(con)) == (visits, version)
    assert (count(con, "select count(*) from imports"), count(con, "select count(*) from rejects")) == (1, 2)
    # the rows refused to S1 are not refused to the district: there the file is loaded again
    district = load(con, "visits_good_zh_gb18030.csv")
    assert (district.status, district.accepted, district.replaced) == ("loaded", 3, 1)


def test_a_district_wide_load_is_unchanged(con):
    report = load(con, "visits_good_zh_gb18030.csv")
    assert (report.accepted, report.refused, report.street) == (3, 0, None)
    assert con.execute("select street_id from imports").fetchall() == [(None,)]
    assert load(con, "grids_boundaries.geojson").accepted == 1


STREET_OF_EACH_TABLE = [  # the second row of each sheet belongs to S2, through the column named
    ("households", "household_id,micro_grid_id\nHX1,M1\nHX2,M3\n", "micro_grid_id"),
    ("teams", "team_id,grid_id,street_id,name\nTX1,G1,,a\nTX2,,S2,b\n", "street_id"),
    ("volunteers", "volunteer_id,team_id,org_type\nPX1,T1,community\nPX2,T2,organ\n", "team_id"),
    (
        "shifts",
        "shift_id,volunteer_id,shift_date,hours,post_category,grid_id\n"
        "FX1,P1,2022-03-04,2,checkpoint,G1\nFX2,P1,2022-03-04,2,publicity,G3\n",
        "grid_id",
    ),
    ("businesses", "business_id,name,grid_id\nBX1,a,G1\nBX2,b,G3\n", "grid_id"),
    (
        "inspections",
        "inspection_id,business_id,inspected_on,outcome\nIX1,B1,2022-03-04,pass\nIX2,B3,2022-03-04,pass\n",
        "business_id",
    ),
    (
        "leads",
        "lead_id,received_at,street_id,kind,status\nLX1,2022-03-04 09:00,S1,companion,pending\n"
        "LX2,2022-03-04 09:00,S2,companion,pending\n",
        "street_id",
    ),
]


@pytest.mark.parametrize("table, data, column", STREET_OF_EACH_TABLE)
def test_each_table_finds_its_rows_street(con, table, data, column):
    report = load_bytes(con, data.encode(), f"{table}.csv", table=table, street="S1")
    assert (report.accepted, reasons(report)) == (1, [(3, column, "outside_street")])


def test_a_team_whose_grid_lies_in_another_street(con):
    data = "team_id,grid_id,street_id,name\nTX3,G3,S1,c\n"  # says S1, but its grid G3 is in S2
    assert reasons(load_bytes(con, data.encode(), "teams.csv", street="S1")) == [(2, "grid_id", "outside_street")]


def test_rows_whose_street_cannot_be_found(con):
    # a shift with no grid, a volunteer with no team: refused; an unknown household: its own reason only
    shifts = "volunteer_id,shift_date,hours,post_category\nP1,2022-03-04,2,checkpoint\n"
    assert reasons(load_bytes(con, shifts.encode(), "s.csv", table="shifts", street="S1")) == [
        (2, "grid_id", "street_unknown")
    ]
    volunteers = "volunteer_id,org_type\nPX9,organ\n"
    assert reasons(load_bytes(con, volunteers.encode(), "v.csv", table="volunteers", street="S1")) == [
        (2, "team_id", "street_unknown")
    ]
    visits = "visit_id,household_id,visited_at,outcome\nVX,H404,2022-03-04 10:00,met\n"
    assert reasons(load_bytes(con, visits.encode(), "x.csv", street="S1")) == [(2, "household_id", "unknown_parent")]


def test_businesses_described_on_a_clerks_sheet_are_created_in_that_street(con):
    data = "检查编号,场所编号,场所名称,检查日期,处理结果\nIY1,BNEW,新开小店,2022-03-04,合格\nIY2,B3,乙一药店,2022-03-04,合格\n"
    report = load_bytes(con, data.encode(), "inspections.csv", street="S1")
    assert (report.accepted, report.created_parents, reasons(report)) == (1, 1, [(3, "business_id", "outside_street")])
    assert con.execute("select street_id from businesses where business_id = 'BNEW'").fetchone() == ("S1",)
    assert con.execute("select street_id from inspections where inspection_id = 'IY1'").fetchone() == ("S1",)


def test_the_street_is_bound_not_spliced(con):
    report = load(con, "visits_good_en_bom.csv", street="S1' or '1'='1")
    assert (report.accepted, set(report.rejects["reason"])) == (0, {"outside_street"})


def test_command_line_load_for_one_street(hand_db, tmp_path):
    import subprocess
    import sys

    copy = tmp_path / "cli-street.duckdb"
    shutil.copy(hand_db, copy)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "knockboard",
            "load",
            str(CORPUS / "visits_good_en_bom.csv"),
            "--db",
            str(copy),
            "--lang",
            "en",
            "--street",
            "S1",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert result.returncode == 1, result.stderr
    assert "visits_good_en_bom.csv:3: household_id: the row belongs to street 乙 Yi (S2)" in result.stdout
    con = store.connect(copy)
    assert con.execute("select street_id from imports").fetchall() == [("S1",)]
    con.close()
