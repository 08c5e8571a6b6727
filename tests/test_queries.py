"""Every named query against the hand-built store (tests/fixtures.py), answers worked out by hand."""

import datetime as dt

import pytest

import queries
from tests.helpers import rows

D1, D2, D3, D4 = (dt.date(2022, 3, d) for d in (1, 2, 3, 4))


def test_every_query_is_documented_and_uses_bound_parameters():
    assert queries.QUERIES, "no queries found"
    for query in queries.QUERIES.values():
        assert query.doc, f"{query.name} has no documentation"
        assert "{" not in query.sql, f"{query.name} looks like a format string"


def test_run_refuses_missing_or_unknown_parameters(hand_con):
    with pytest.raises(TypeError, match="missing"):
        queries.run(hand_con, "knocked_daily", scope=None, start=D1, end=D3)
    with pytest.raises(TypeError, match="unexpected"):
        queries.run(hand_con, "streets", scope=None, street="S1")
    with pytest.raises(KeyError, match="no query named"):
        queries.run(hand_con, "no_such_query")


def test_street_value_is_bound_not_spliced(hand_con):
    df = queries.run(hand_con, "knocked_daily", scope=None, start=D1, end=D1, street="S1' or '1'='1")
    assert df["knocked"].tolist() == [0]


def test_data_days(hand_con):
    df = queries.run(hand_con, "data_days", scope=None)
    assert (df.iloc[0]["first_day"].date(), df.iloc[0]["latest_day"].date()) == (D1, D3)


def test_knocked_daily_district(hand_con):
    df = queries.run(hand_con, "knocked_daily", scope=None, start=D1, end=D4, street=None)
    assert rows(df, "knocked", "visits", "first_visits", "newly_covered", "covered_to_date") == [
        (3, 4, 3, 2, 2),
        (3, 3, 2, 1, 3),
        (2, 2, 0, 0, 3),
        (0, 0, 0, 0, 3),
    ]
    assert rows(df, "met", "not_home", "refused", "vacant") == [(1, 2, 0, 1), (1, 1, 1, 0), (1, 1, 0, 0), (0, 0, 0, 0)]
    assert df["registered"].unique().tolist() == [7]
    assert df["coverage"].round(6).tolist() == [round(2 / 7, 6), round(3 / 7, 6), round(3 / 7, 6), round(3 / 7, 6)]
    assert rows(df, "returnees", "yellow_codes", "followups")[:2] == [(1, 0, 1), (0, 1, 1)]


def test_knocked_daily_counts_coverage_from_before_the_window(hand_con):
    df = queries.run(hand_con, "knocked_daily", scope=None, start=D3, end=D3, street="S1")
    # S1: H1 (d1) and H2 (d2) covered out of 4 registered; d3 knocked H3 and H1
    assert rows(df, "knocked", "covered_to_date", "registered") == [(2, 2, 4)]
    assert df["coverage"].tolist() == [0.5]


def test_street_coverage_ranks_worst_first(hand_con):
    df = queries.run(hand_con, "street_coverage", scope=None, day=D2)
    # d2: S1 2/4 = 50 %, S2 1/3 = 33 %; d1: S1 1/4 = 25 %, S2 1/3 = 33 %
    assert rows(
        df, "street_id", "covered", "covered_prev", "knocked", "knocked_prev", "coverage_rank", "coverage_rank_prev"
    ) == [("S2", 1, 1, 1, 1, 1, 2), ("S1", 2, 1, 2, 2, 2, 1)]


def test_stalled_grids(hand_con):
    # at d3 with 2 days: G2 was never visited (no households); G1 visited d3, G3 on d2
    df = queries.run(hand_con, "stalled_grids", scope=None, day=D3, days=2, street=None)
    assert rows(df, "grid_id", "registered") == [("G2", 0)]
    assert df["last_day"].isna().all()
    # with 1 day, G3 (last visit d2, 3 households) comes first: ranked by households
    df = queries.run(hand_con, "stalled_grids", scope=None, day=D3, days=1, street=None)
    assert rows(df, "grid_id", "registered") == [("G3", 3), ("G2", 0)]
    assert df["days_since"].iloc[0] == 1 and df["days_since"].isna().iloc[1]
    assert queries.run(hand_con, "stalled_grids", scope=None, day=D3, days=1, street="S2")["grid_id"].tolist() == ["G3"]


def test_hours_daily(hand_con):
    df = queries.run(hand_con, "hours_daily", scope=None, start=D1, end=D3, street=None)
    assert rows(df, "hours", "active_volunteers", "shifts") == [(0, 0, 0), (9, 2, 3), (5, 1, 1)]
    df = queries.run(hand_con, "hours_daily", scope=None, start=D2, end=D2, street="S1")
    assert rows(df, "hours", "active_volunteers") == [(6, 1)]


def test_street_hours(hand_con):
    df = queries.run(hand_con, "street_hours", scope=None, day=D3)
    assert rows(df, "street_id", "hours", "hours_prev") == [("S1", 0, 6), ("S2", 5, 3)]


def test_inspections_and_closures_across_suspension_edges(hand_con):
    df = queries.run(hand_con, "inspections_daily", scope=None, start=D1, end=D4, street=None)
    assert rows(df, "inspections", "closed_businesses") == [(1, 1), (2, 2), (1, 2), (0, 1)]
    df = queries.run(hand_con, "inspections_daily", scope=None, start=D1, end=D4, street="S2")
    assert rows(df, "inspections", "closed_businesses") == [(0, 0), (1, 0), (1, 1), (0, 1)]


def test_leads_daily_and_backlog(hand_con):
    df = queries.run(hand_con, "leads_daily", scope=None, start=D1, end=D4, street=None)
    assert rows(df, "received", "verified", "valid", "pending_over_24h") == [
        (2, 1, 1, 0),
        (2, 0, 0, 1),
        (0, 2, 1, 1),
        (0, 0, 0, 1),
    ]
    assert df["valid_rate"].tolist()[0] == 1.0 and df["valid_rate"].tolist()[2] == 0.5
    df = queries.run(hand_con, "leads_daily", scope=None, start=D2, end=D3, street="S2")
    assert rows(df, "received", "verified", "pending_over_24h") == [(2, 0, 0), (0, 1, 1)]


def test_leads_totals(hand_con):
    df = queries.run(hand_con, "leads_totals", scope=None, day=D3, street=None)
    assert rows(df, "received", "valid", "verified") == [(4, 2, 3)]
