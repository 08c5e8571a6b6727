"""Lead verification: the queries on a hand-built store (leads L1-L9 of tests/fixtures_inspections.py,
answers worked out by hand there and below), the display logic, the page (AppTest) and the article's
totals in the scale-1 demo."""

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import queries
from knockboard import leads, store
from tests import helpers
from tests.fixtures_inspections import case_db, con, page_db  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parent.parent
PAGE = str(ROOT / "pages/leads.py")
D1, D2, D3, D4 = (dt.date(2022, 3, d) for d in (1, 2, 3, 4))


def rows(df, *columns):
    return helpers.rows(df, *columns, digits=6)  # hours to the second, as the answers are written


def test_leads_daily_on_the_larger_store(con):
    # received d1 L1 L2 L6, d2 L3 L4 L5 L7, d3 L8 L9; verified d1 L1, d2 L7, d3 L2 L4 L6, d4 L8.
    # Over 24 h at the end of d2: L2, L6 (verified exactly as d3 begins); L5 arrived as d2 began: not over.
    assert rows(
        queries.run(con, "leads_daily", scope=None, start=D1, end=D4, street=None),
        "received",
        "verified",
        "valid",
        "pending_over_24h",
    ) == [(3, 1, 1, 0), (4, 1, 0, 2), (2, 3, 2, 2), (0, 1, 0, 3)]


def test_backlog_by_age_at_the_end_of_a_day(con):
    df = queries.run(con, "leads_backlog_by_age", scope=None, day=D2, street=None)
    # end of d2 = d3 00:00: L4 1 h; L3 16 h, L5 exactly 24 h; L2 28 h, L6 30 h (verified at 00:00 exactly)
    assert rows(df, "from_hours", "to_hours", "over_24h", "leads") == [
        (0, 6, False, 1),
        (6, 24, False, 2),
        (24, 48, True, 2),
        (48, None, True, 0),
    ]
    df = queries.run(con, "leads_backlog_by_age", scope=None, day=D3, street=None)
    # end of d3: L8 1 h (verified d4), L9 exactly 6 h; L3 40 h, L5 exactly 48 h
    assert df["leads"].tolist() == [2, 0, 2, 0]
    df = queries.run(con, "leads_backlog_by_age", scope=None, day=D4, street=None)
    # end of d4: L9 30 h; L3 64 h, L5 72 h
    assert df["leads"].tolist() == [0, 0, 1, 2]
    assert queries.run(con, "leads_backlog_by_age", scope=None, day=D2, street="S1")["leads"].tolist() == [
        0,
        1,
        1,
        0,
    ]  # L5, L2


def test_backlog_over_24h_agrees_with_leads_daily(con):
    for street in (None, "S1", "S2"):
        daily = queries.run(con, "leads_daily", scope=None, start=D1, end=D4, street=street)
        for day, expected in zip((D1, D2, D3, D4), daily["pending_over_24h"]):
            backlog = queries.run(con, "leads_backlog_by_age", scope=None, day=day, street=street)
            assert backlog.loc[backlog["over_24h"], "leads"].sum() == expected, (street, day)


def test_verify_time_per_day_and_over_the_window(con):
    df = queries.run(con, "leads_verify_time", scope=None, start=D1, end=D4, street=None)
    # d1 L1 2 h; d2 L7 2 h; d3 L4 2, L6 30, L2 37: median 30, p90 at position 0.9 * 2 = 1.8 -> 30 + 0.8 * 7;
    # d4 L8 3 h. The window (day null): 2 2 2 3 30 37, median at 2.5 -> (2 + 3) / 2, p90 at 4.5 -> 30 + 0.5 * 7
    assert rows(df, "day", "verified", "median_hours", "p90_hours") == [
        (pd.Timestamp(D1), 1, 2.0, 2.0),
        (pd.Timestamp(D2), 1, 2.0, 2.0),
        (pd.Timestamp(D3), 3, 30.0, 35.6),
        (pd.Timestamp(D4), 1, 3.0, 3.0),
        (None, 6, 2.5, 33.5),
    ]
    df = queries.run(con, "leads_verify_time", scope=None, start=D2, end=D3, street="S2")
    # S2: nothing verified d2; d3 L4 2, L6 30: median 16, p90 = 2 + 0.9 * 28; the window the same
    assert rows(df, "verified", "median_hours", "p90_hours") == [(0, None, None), (2, 16.0, 27.2), (2, 16.0, 27.2)]


def test_verify_time_window_to_the_end_of_a_day(con):
    df = queries.run(con, "leads_verify_time", scope=None, start=D1, end=D3, street=None)
    # verified by the end of d3: 2, 2, 2, 30, 37 -> median 2; p90 at position 3.6 = 30 + 0.6 * 7
    assert rows(df.tail(1), "verified", "median_hours", "p90_hours") == [(5, 2.0, 34.2)]
    # by the end of d2: L1 and L7 only (L6 is verified at d3 00:00, the first instant after d2)
    df = queries.run(con, "leads_verify_time", scope=None, start=D1, end=D2, street=None)
    assert rows(df.tail(1), "verified", "median_hours") == [(2, 2.0)]
    df = queries.run(con, "leads_verify_time", scope=None, start=D1, end=D1, street="S2")
    assert rows(df, "verified", "median_hours") == [(0, None), (0, None)]


@pytest.mark.parametrize("street", [None, "S03"])
def test_verify_time_equals_quantile_cont_over_tenths_of_an_hour(small_demo_db, street):
    """The quantiles read from the histogram rollup are DuckDB's quantile_cont over the times, each
    rounded down to a tenth of an hour, on every day and over the window."""
    con = store.connect(small_demo_db, read_only=True)
    try:
        start, end = dt.date(2022, 2, 1), dt.date(2022, 3, 22)
        got = queries.run(con, "leads_verify_time", scope=None, start=start, end=end, street=street)
        expected = con.execute(
            """
            with t as (
                select verified_at::date as day, floor(date_diff('second', received_at, verified_at) / 360.0) / 10 as h
                from leads where verified_at::date between ? and ? and (?::varchar is null or street_id = ?)
            )
            select day, count(*) as verified, quantile_cont(h, 0.5) as median_hours, quantile_cont(h, 0.9) as p90_hours
            from t group by grouping sets ((day), ()) order by day nulls last
        """,
            [start, end, street, street],
        ).df()
    finally:
        con.close()
    got = got[got["verified"] > 0].reset_index(drop=True)
    assert len(got) == len(expected) > 2
    assert got["verified"].tolist() == expected["verified"].tolist()
    for column in ("median_hours", "p90_hours"):
        assert (got[column] - expected[column]).abs().max() < 1e-9


def test_leads_kind_daily(con):
    df = queries.run(con, "leads_kind_daily", scope=None, start=D1, end=D3, street=None)
    # d1: companion L1 received and verified valid, returnee L2, risk_area L6 received
    # d2: companion L4 L7 received, L7 verified invalid; returnee L5; risk_area L3
    # d3: companion L8 received, L4 verified valid; returnee L9 received, L2 verified invalid;
    #     risk_area L6 verified valid
    assert rows(df, "kind", "received", "verified", "valid") == [
        ("companion", 1, 1, 1),
        ("returnee", 1, 0, 0),
        ("risk_area", 1, 0, 0),
        ("companion", 2, 1, 0),
        ("returnee", 1, 0, 0),
        ("risk_area", 1, 0, 0),
        ("companion", 1, 1, 1),
        ("returnee", 1, 1, 0),
        ("risk_area", 0, 1, 1),
    ]
    df = queries.run(con, "leads_kind_daily", scope=None, start=D4, end=D4, street="S2")
    assert rows(df, "kind", "received", "verified") == [("companion", 0, 1), ("returnee", 0, 0), ("risk_area", 0, 0)]


def test_leads_kind_rollup_adds_up_to_the_street_rollup(con):
    mismatch = con.execute("""
        select count(*) from (
            select street_id, day, sum(received) r, sum(verified) v, sum(valid) ok
            from roll_leads_kind_street_day group by all
        ) k full outer join roll_leads_street_day s using (street_id, day)
        where k.r is distinct from s.received or k.v is distinct from s.verified or k.ok is distinct from s.valid
    """).fetchone()[0]
    assert mismatch == 0


def test_leads_by_kind(con):
    df = queries.run(con, "leads_by_kind", scope=None, start=D1, day=D3, street=None)
    # companion L1 L4 L7 L8: verified L1 L4 L7, valid L1 L4, pending L8; returnee L2 L5 L9: verified L2
    # (invalid), pending L5 L9; risk_area L3 L6: verified L6 (valid), pending L3
    assert rows(df, "kind", "received", "verified", "valid", "valid_rate", "pending") == [
        ("companion", 4, 3, 2, round(2 / 3, 6), 1),
        ("returnee", 3, 1, 0, 0.0, 2),
        ("risk_area", 2, 1, 1, 1.0, 1),
    ]
    # from d3 only: the window moves, the pending at the end of d3 does not
    df = queries.run(con, "leads_by_kind", scope=None, start=D3, day=D3, street=None)
    assert rows(df, "kind", "received", "verified", "valid", "pending") == [
        ("companion", 1, 1, 1, 1),
        ("returnee", 1, 1, 0, 2),
        ("risk_area", 0, 1, 1, 1),
    ]


def test_leads_by_street(con):
    df = queries.run(con, "leads_by_street", scope=None, start=D1, day=D3)
    # S1: L1 L2 L5 L7 L9 received, L1 L2 L7 verified (L1 valid), on d3 L9 received and L2 verified,
    # pending L5 L9, over 24 h L5. S2: L3 L4 L6 L8, verified L4 L6 (valid), on d3 L8 received and L4 L6
    # verified, pending L3 L8, over 24 h L3.
    assert rows(
        df,
        "street_id",
        "received",
        "verified",
        "valid",
        "valid_rate",
        "received_on_day",
        "verified_on_day",
        "pending",
        "pending_over_24h",
    ) == [("S1", 5, 3, 1, round(1 / 3, 6), 1, 1, 2, 1), ("S2", 4, 2, 2, 1.0, 1, 2, 2, 1)]
    df = queries.run(con, "leads_by_street", scope=None, start=D1, day=D2)
    # end of d2: S1 over 24 h L2 (L5 is exactly 24 h); S2 L6
    assert rows(df, "street_id", "pending", "pending_over_24h") == [("S1", 2, 1), ("S2", 3, 1)]


def test_leads_totals_has_the_valid_rate(con, hand_con):
    # base store, d3: 4 received, 3 verified of which 2 valid
    assert rows(
        queries.run(hand_con, "leads_totals", scope=None, day=D3, street=None),
        "received",
        "valid",
        "verified",
        "valid_rate",
    ) == [(4, 2, 3, round(2 / 3, 6))]
    # larger store, d3: 9 received, 5 verified (L1 L7 L2 L4 L6) of which 3 valid (L1 L4 L6)
    assert rows(
        queries.run(con, "leads_totals", scope=None, day=D3, street=None), "received", "valid", "verified", "valid_rate"
    ) == [(9, 3, 5, 0.6)]


# ---------------------------------------------------------------- display logic (no Streamlit)


def test_day_figures_and_labels(con):
    daily = queries.run(con, "leads_daily", scope=None, start=D2, end=D3, street=None)
    times = leads.split_times(queries.run(con, "leads_verify_time", scope=None, start=D1, end=D3, street=None))
    backlog = queries.run(con, "leads_backlog_by_age", scope=None, day=D3, street=None)
    shown = {f.key: (f.value, f.change) for f in leads.day_figures(D3, daily, backlog, "en")}
    assert shown["leads_received"] == ("2", "-2")
    assert shown["leads_valid_rate"] == ("66.7%", "+66.67 pt")  # d3 2 of 3 valid, d2 0 of 1
    assert shown["leads_pending"] == ("4", None)  # L3 L5 L8 L9
    assert shown["leads_pending_24h"] == ("2", "+0")
    shown = {f.key: (f.value, f.change) for f in leads.time_figures(D3, times, "zh")}
    # to date 2, 34.2; d3 30 and 35.6 against d2 2 and 2
    assert shown == {
        "leads_time_median_to_date": ("2.0 小时", None),
        "leads_time_p90_to_date": ("34.2 小时", None),
        "leads_time_median_day": ("30.0 小时", "+28.0 小时"),
        "leads_time_p90_day": ("35.6 小时", "+33.6 小时"),
    }
    assert leads.age_labels(backlog, "en") == ["≤ 6 h", "6–24 h", "24–48 h", "> 48 h"]
    assert leads.age_labels(backlog, "zh")[-1] == "超过48小时"


def test_article_sentence(con):
    totals = queries.run(con, "leads_totals", scope=None, day=D3, street=None)
    assert leads.article_sentence(totals, D1, "zh") == (
        "2022年3月1日以来，共接收公安大数据 **9** 条，核查有效信息 **3** 条（已核查 5 条，有效率 60.0%）。"
    )


# ---------------------------------------------------------------- the page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_opens_in_both_languages(monkeypatch, small_demo_db, lang):
    monkeypatch.setenv("KNOCKBOARD_DB", str(small_demo_db))
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    assert ("大数据核查" if lang == "zh" else "Lead verification") in at.title[0].value
    assert len(at.metric) == 13
    assert len(at.get("plotly_chart")) == 6
    assert len(at.dataframe) == 7  # the kind table and the six tables behind the charts


def test_page_on_the_hand_store(monkeypatch, page_db):
    monkeypatch.setenv("KNOCKBOARD_DB", str(page_db))
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params["lang"] = "en"
    at.query_params["day"] = "2022-03-02"
    at.query_params["street"] = "S1"
    at.run()
    assert not at.exception
    metrics = [(m.label, m.value) for m in at.metric]
    # S1 to the end of d2: received L1 L2 L5 L7, verified L1 L7 (L1 valid); on d2 received L5 L7, verified L7;
    # pending at the end of d2 L2 L5, over 24 h L2
    assert metrics[:4] == [("Received", "4"), ("Verified", "2"), ("Valid", "1"), ("Valid rate", "50.0%")]
    assert metrics[4:9] == [
        ("Received", "2"),
        ("Verified", "1"),
        ("Valid rate", "0.0%"),
        ("Pending", "2"),
        ("Pending > 24 h", "1"),
    ]
    # S1, verified by the end of d2: L1 and L7, 2 h each; on d2 L7 (2 h), on d1 L1 (2 h)
    assert metrics[9:] == [
        ("Median, to date", "2.0 h"),
        ("90th percentile, to date", "2.0 h"),
        ("Median, on the day", "2.0 h"),
        ("90th percentile, on the day", "2.0 h"),
    ]
    assert "**4** police big-data leads received, **1** verified as valid" in at.markdown[0].value


def test_article_totals_at_scale_1(monkeypatch, scale1_db):
    monkeypatch.setenv("KNOCKBOARD_DB", str(scale1_db))
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.query_params["lang"] = "zh"
    at.run()
    assert not at.exception
    assert "共接收公安大数据 **387,300** 条，核查有效信息 **21,100** 条" in at.markdown[0].value
