"""Data page queries on the hand-built store (tests/fixtures.py), answers worked out by hand."""

import datetime as dt
import shutil

import pytest

import queries
from knockboard import store


def test_table_freshness(hand_con):
    df = queries.run(hand_con, "table_freshness", scope=None).set_index("table_name")
    assert df.loc["visits", "row_count"] == 9 and str(df.loc["visits", "latest_day"].date()) == "2022-03-03"
    assert df.loc["leads", "row_count"] == 4 and str(df.loc["leads", "latest_day"].date()) == "2022-03-02"
    assert df.loc["micro_grids", "row_count"] == 3 and df["imports"].sum() == 0


def test_street_freshness(hand_con):
    df = queries.run(hand_con, "street_freshness", scope=None).set_index("street_id")
    # S1: V1-V3, V5, V6, V8, V9 = 7 visits, last 3 March; S2: V4, V7; leads S1 received 2 (1 March)
    assert (df.loc["S1", "visits"], str(df.loc["S1", "visits_latest"].date())) == (7, "2022-03-03")
    assert (df.loc["S2", "visits"], df.loc["S2", "shifts"], df.loc["S1", "leads"]) == (2, 2, 2)


def test_integrity_checks(hand_con):
    df = queries.run(hand_con, "integrity_checks", scope=None).set_index("check_name")
    assert (df.loc["mg_no_households", "problems"], df.loc["mg_no_households", "examples"]) == (1, "M2")
    assert df.loc["households_no_mg", "problems"] == 0
    assert df.loc["registered_mismatch", "problems"] == 0


@pytest.fixture
def burst_con(hand_db, tmp_path):
    copy = tmp_path / "burst.duckdb"
    shutil.copy(hand_db, copy)
    con = store.connect(copy)
    # worker W9 logs 4 doors between 10:00 and 10:06 and a fifth at 10:30, all met;
    # worker W8 logs 3 doors over the day, one not at home. H1-H4 are in S1, H5-H7 in S2.
    rows = [
        ("Z1", "H1", "10:00", "W9", "met"),
        ("Z2", "H2", "10:02", "W9", "met"),
        ("Z3", "H3", "10:04", "W9", "met"),
        ("Z4", "H4", "10:06", "W9", "met"),
        ("Z5", "H5", "10:30", "W9", "met"),
        ("Z6", "H6", "09:00", "W8", "met"),
        ("Z7", "H7", "13:00", "W8", "not_home"),
        ("Z8", "H1", "15:00", "W8", "met"),
    ]
    for vid, hh, time, worker, outcome in rows:
        con.execute(
            """insert into visits select ?, ?, ('2022-03-05 ' || ?)::timestamp, ?, ?, 1, false, null, false,
                       date '2022-03-05', micro_grid_id, c.street_id
                       from households join micro_grids using (micro_grid_id) join neighbourhoods using (neighbourhood_id)
                       join grids using (grid_id) join communities c using (community_id)
                       where household_id = ?""",
            [vid, hh, time, worker, outcome, hh],
        )
    yield con
    con.close()


def test_suspicious_bursts(burst_con):
    day = dt.date(2022, 3, 5)
    df = queries.run(burst_con, "suspicious_bursts", day=day, minutes=10, doors=4, scope=None)
    assert df[["worker_id", "doors"]].values.tolist() == [["W9", 4]]
    assert str(df.iloc[0]["first_at"]) == "2022-03-05 10:00:00" and str(df.iloc[0]["last_at"]) == "2022-03-05 10:06:00"
    assert queries.run(burst_con, "suspicious_bursts", day=day, minutes=5, doors=4, scope=None).empty


def test_suspicious_all_met(burst_con):
    day = dt.date(2022, 3, 5)
    df = queries.run(burst_con, "suspicious_all_met", day=day, min_doors=3, scope=None)
    assert df[["worker_id", "doors"]].values.tolist() == [["W9", 5]]  # W8 missed one door
    assert queries.run(burst_con, "suspicious_all_met", day=day, min_doors=6, scope=None).empty


def test_recent_imports_after_a_load(hand_db, tmp_path):
    from knockboard.loading import load_file
    from tests.test_loading import CORPUS

    copy = tmp_path / "imports.duckdb"
    shutil.copy(hand_db, copy)
    con = store.connect(copy)
    load_file(con, CORPUS / "visits_good_en_bom.csv", loaded_by="clerk1")
    load_file(con, CORPUS / "leads_zh.csv", loaded_by="clerk2")
    df = queries.run(con, "recent_imports", limit=1, scope=None)
    assert df[
        ["file_name", "table_name", "rows_read", "rows_accepted", "rows_refused", "loaded_by"]
    ].values.tolist() == [["leads_zh.csv", "leads", 3, 2, 1, "clerk2"]]
    con.close()


TABLE_COUNTS = {  # (S1, S2) rows per table in the hand store, worked out from tests/fixtures.py
    "streets": (1, 1),
    "communities": (1, 1),
    "grids": (2, 1),
    "neighbourhoods": (2, 1),
    "micro_grids": (2, 1),
    "households": (4, 3),
    "teams": (1, 1),
    "volunteers": (1, 1),  # P2 in T1 (S1), P1 in T2 (S2)
    "businesses": (2, 2),
    "visits": (7, 2),
    "shifts": (2, 2),
    "inspections": (2, 2),
    "leads": (2, 2),
}


@pytest.mark.parametrize("scope, side", [("S1", 0), ("S2", 1)])
def test_table_freshness_counts_only_the_scope(hand_con, scope, side):
    df = queries.run(hand_con, "table_freshness", scope=scope).set_index("table_name")
    assert df["row_count"].to_dict() == {t: counts[side] for t, counts in TABLE_COUNTS.items()}
    latest = {t: str(d.date()) for t, d in df["latest_day"].dropna().items()}
    if scope == "S1":  # S1: V9 on d3; F1, F2 on d2; I2 on d2; L1, L2 received d1; P2 joined d2
        assert latest == {
            "visits": "2022-03-03",
            "shifts": "2022-03-02",
            "inspections": "2022-03-02",
            "leads": "2022-03-01",
            "volunteers": "2022-03-02",
        }
    else:  # S2: V7 on d2; F4 on d3; I4 on d3; L3, L4 received d2; P1 joined 1 June 2021
        assert latest == {
            "visits": "2022-03-02",
            "shifts": "2022-03-03",
            "inspections": "2022-03-03",
            "leads": "2022-03-02",
            "volunteers": "2021-06-01",
        }


def test_the_streets_add_up_to_the_district(hand_con):
    district = queries.run(hand_con, "table_freshness", scope=None).set_index("table_name")["row_count"]
    s1 = queries.run(hand_con, "table_freshness", scope="S1").set_index("table_name")["row_count"]
    s2 = queries.run(hand_con, "table_freshness", scope="S2").set_index("table_name")["row_count"]
    assert (s1 + s2).to_dict() == district.to_dict()


def test_street_freshness_of_one_street(hand_con):
    df = queries.run(hand_con, "street_freshness", scope="S1")
    # S1 only: 7 visits, shifts F1 and F2, inspections I1 and I2, leads L1 and L2
    assert df[["street_id", "visits", "shifts", "inspections", "leads"]].values.tolist() == [["S1", 7, 2, 2, 2]]
    assert queries.run(hand_con, "street_freshness", scope="S9").empty


@pytest.fixture
def broken_con(hand_db, tmp_path):
    """The hand store with an S2 micro-grid M4 holding no household, S2's M3 registered as 5 (3 listed)
    and a household H9 whose micro-grid M99 does not exist."""
    copy = tmp_path / "broken.duckdb"
    shutil.copy(hand_db, copy)
    con = store.connect(copy)
    con.execute(
        "insert into micro_grids (micro_grid_id, neighbourhood_id, name_zh, registered_households, lat, lon, boundary) values ('M4', 'N3', '微网格4', 2, null, null, null)"
    )
    con.execute("update micro_grids set registered_households = 5 where micro_grid_id = 'M3'")
    con.execute(
        "insert into households (household_id, micro_grid_id, address, residents) values ('H9', 'M99', '无主户', 1)"
    )
    yield con
    con.close()


@pytest.mark.parametrize(
    "scope, expected",
    [
        (None, {"mg_no_households": (2, "M2, M4"), "households_no_mg": (1, "H9"), "registered_mismatch": (1, "M3")}),
        ("S1", {"mg_no_households": (1, "M2"), "households_no_mg": (0, None), "registered_mismatch": (0, None)}),
        ("S2", {"mg_no_households": (1, "M4"), "households_no_mg": (0, None), "registered_mismatch": (1, "M3")}),
    ],
)
def test_integrity_checks_of_one_street(broken_con, scope, expected):
    df = queries.run(broken_con, "integrity_checks", scope=scope).set_index("check_name")
    got = {name: (row.problems, row.examples if isinstance(row.examples, str) else None) for name, row in df.iterrows()}
    assert got == expected


def test_suspicious_records_of_one_street(burst_con):
    day = dt.date(2022, 3, 5)
    # S1: W9's four doors H1-H4 in six minutes; W8 has one S1 door (H1)
    assert queries.run(burst_con, "suspicious_bursts", day=day, minutes=10, doors=4, scope="S1")[
        ["worker_id", "doors"]
    ].values.tolist() == [["W9", 4]]
    assert queries.run(burst_con, "suspicious_bursts", day=day, minutes=60, doors=2, scope="S2").empty
    # all met: W9 met 4 S1 doors (5 in the district); in S2, W9 met H5, W8 missed H7
    assert queries.run(burst_con, "suspicious_all_met", day=day, min_doors=3, scope="S1")[
        ["worker_id", "doors"]
    ].values.tolist() == [["W9", 4]]
    assert queries.run(burst_con, "suspicious_all_met", day=day, min_doors=1, scope="S2")[
        ["worker_id", "doors"]
    ].values.tolist() == [["W9", 1]]


def test_imports_of_one_street(hand_db, tmp_path):
    from knockboard.loading import load_file
    from tests.test_loading import CORPUS

    copy = tmp_path / "scoped-imports.duckdb"
    shutil.copy(hand_db, copy)
    con = store.connect(copy)
    # the clerk of S1 loads E1 (H4, S1) and is refused E2 (H7, S2); an administrator loads the leads
    load_file(con, CORPUS / "visits_good_en_bom.csv", loaded_by="clerk1", street="S1")
    load_file(con, CORPUS / "leads_zh.csv", loaded_by="admin")
    columns = ["file_name", "table_name", "rows_read", "rows_accepted", "rows_refused", "loaded_by", "street_id"]
    assert queries.run(con, "recent_imports", limit=5, scope="S1")[columns].values.tolist() == [
        ["visits_good_en_bom.csv", "visits", 2, 1, 1, "clerk1", "S1"]
    ]
    assert queries.run(con, "recent_imports", limit=5, scope="S2").empty
    assert queries.run(con, "recent_imports", limit=5, scope=None)["file_name"].tolist() == [
        "leads_zh.csv",
        "visits_good_en_bom.csv",
    ]
    s1 = queries.run(con, "table_freshness", scope="S1").set_index("table_name")
    assert (s1.loc["visits", "imports"], s1.loc["visits", "refused_rows"], s1.loc["leads", "imports"]) == (1, 1, 0)
    assert s1.loc["visits", "row_count"] == 8  # 7 + E1
    district = queries.run(con, "table_freshness", scope=None).set_index("table_name")
    assert (district.loc["leads", "imports"], district.loc["leads", "refused_rows"]) == (1, 1)
    con.close()
