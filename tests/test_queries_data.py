"""Data page queries on the hand-built store (tests/fixtures.py), answers worked out by hand."""

import datetime as dt
import shutil

import pytest

import queries
from knockboard import store


def test_table_freshness(hand_con):
    df = queries.run(hand_con, "table_freshness").set_index("table_name")
    assert df.loc["visits", "row_count"] == 9 and str(df.loc["visits", "latest_day"].date()) == "2022-03-03"
    assert df.loc["leads", "row_count"] == 4 and str(df.loc["leads", "latest_day"].date()) == "2022-03-02"
    assert df.loc["micro_grids", "row_count"] == 3 and df["imports"].sum() == 0


def test_street_freshness(hand_con):
    df = queries.run(hand_con, "street_freshness").set_index("street_id")
    # S1: V1-V3, V5, V6, V8, V9 = 7 visits, last 3 March; S2: V4, V7; leads S1 received 2 (1 March)
    assert (df.loc["S1", "visits"], str(df.loc["S1", "visits_latest"].date())) == (7, "2022-03-03")
    assert (df.loc["S2", "visits"], df.loc["S2", "shifts"], df.loc["S1", "leads"]) == (2, 2, 2)


def test_integrity_checks(hand_con):
    df = queries.run(hand_con, "integrity_checks").set_index("check_name")
    assert (df.loc["mg_no_households", "problems"], df.loc["mg_no_households", "examples"]) == (1, "M2")
    assert df.loc["households_no_mg", "problems"] == 0
    assert df.loc["registered_mismatch", "problems"] == 0


@pytest.fixture
def burst_con(hand_db, tmp_path):
    copy = tmp_path / "burst.duckdb"
    shutil.copy(hand_db, copy)
    con = store.connect(copy)
    # worker W9 logs 4 doors between 10:00 and 10:06 and a fifth at 10:30, all met;
    # worker W8 logs 3 doors over the day, one not at home
    rows = [("Z1", "H1", "10:00", "W9", "met"), ("Z2", "H2", "10:02", "W9", "met"), ("Z3", "H3", "10:04", "W9", "met"),
            ("Z4", "H4", "10:06", "W9", "met"), ("Z5", "H5", "10:30", "W9", "met"),
            ("Z6", "H6", "09:00", "W8", "met"), ("Z7", "H7", "13:00", "W8", "not_home"), ("Z8", "H1", "15:00", "W8", "met")]
    for vid, hh, time, worker, outcome in rows:
        con.execute("""insert into visits select ?, ?, ('2022-03-05 ' || ?)::timestamp, ?, ?, 1, false, null, false,
                       date '2022-03-05', micro_grid_id, 'S1' from households where household_id = ?""",
                    [vid, hh, time, worker, outcome, hh])
    yield con
    con.close()


def test_suspicious_bursts(burst_con):
    day = dt.date(2022, 3, 5)
    df = queries.run(burst_con, "suspicious_bursts", day=day, minutes=10, doors=4)
    assert df[["worker_id", "doors"]].values.tolist() == [["W9", 4]]
    assert str(df.iloc[0]["first_at"]) == "2022-03-05 10:00:00" and str(df.iloc[0]["last_at"]) == "2022-03-05 10:06:00"
    assert queries.run(burst_con, "suspicious_bursts", day=day, minutes=5, doors=4).empty


def test_suspicious_all_met(burst_con):
    day = dt.date(2022, 3, 5)
    df = queries.run(burst_con, "suspicious_all_met", day=day, min_doors=3)
    assert df[["worker_id", "doors"]].values.tolist() == [["W9", 5]]  # W8 missed one door
    assert queries.run(burst_con, "suspicious_all_met", day=day, min_doors=6).empty


def test_recent_imports_after_a_load(hand_db, tmp_path):
    from knockboard.loading import load_file
    from tests.test_loading import CORPUS
    copy = tmp_path / "imports.duckdb"
    shutil.copy(hand_db, copy)
    con = store.connect(copy)
    load_file(con, CORPUS / "visits_good_en_bom.csv", loaded_by="clerk1")
    load_file(con, CORPUS / "leads_zh.csv", loaded_by="clerk2")
    df = queries.run(con, "recent_imports", limit=1)
    assert df[["file_name", "table_name", "rows_read", "rows_accepted", "rows_refused", "loaded_by"]].values.tolist() \
        == [["leads_zh.csv", "leads", 3, 2, 1, "clerk2"]]
    con.close()
