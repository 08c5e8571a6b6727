"""The households-knocked page: its queries on the hand-built store of tests/fixtures_people.py
(answers worked out by hand from the visits listed there), its tables, and the page under AppTest."""

import datetime as dt
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import queries
from knockboard import knocked, shown, store
from tests import helpers
from tests.fixtures_people import build_people_store
from tests.helpers import rows

ROOT = Path(__file__).resolve().parent.parent
PAGE = str(ROOT / "pages" / "knocked.py")
D1, D2, D3, D4 = (dt.date(2022, 3, d) for d in (1, 2, 3, 4))
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def people_db(tmp_path_factory) -> Path:
    return build_people_store(tmp_path_factory.mktemp("people") / "people.duckdb")


@pytest.fixture(scope="module")
def con(people_db):
    con = store.connect(people_db)
    yield con
    con.close()


def run(con, name, **params):
    # the district view, as the operator sees it (tests/test_scope.py checks the street scope)
    return queries.run(con, name, scope=None, **params)


# ---------------------------------------------------------------- households knocked


def test_knocked_daily_district(con):
    df = run(con, "knocked_daily", start=D1, end=D4, street=None)
    assert rows(df, "knocked", "first_visits", "revisits", "newly_covered", "covered_to_date") == [
        (4, 4, 0, 2, 2),
        (4, 2, 2, 2, 4),
        (5, 0, 5, 1, 5),
        (0, 0, 0, 0, 5),
    ]
    # 7-day average from the campaign's first day: 4/1, 8/2, 13/3, 13/4 (d4 has no visits: a zero)
    assert df["knocked_avg7"].round(4).tolist() == [4.0, 4.0, round(13 / 3, 4), 3.25]
    # visits by outcome: d1 V1 met, V2 V3 V15 not home, V4 vacant; d2 V5 V12 met, V7 not home, V6
    # refused; d3 V9 V10 V11 V13 met, V8 not home, V14 vacant
    assert rows(df, "visits", "met", "not_home", "refused", "vacant") == [
        (5, 1, 3, 0, 1),
        (4, 2, 1, 1, 0),
        (6, 4, 1, 0, 1),
        (0, 0, 0, 0, 0),
    ]
    # findings: d1 V1 returnee + follow-up; d2 V5 V12 yellow + follow-up; d3 V10 returnee +
    # follow-up, V13 red + follow-up
    assert rows(df, "returnees", "yellow_codes", "red_codes", "followups") == [
        (1, 0, 0, 1),
        (0, 2, 0, 2),
        (1, 0, 1, 2),
        (0, 0, 0, 0),
    ]
    assert df["registered"].unique().tolist() == [7]
    assert df["coverage"].round(4).tolist() == [round(x / 7, 4) for x in (2, 4, 5, 5)]


def test_knocked_daily_street_counts_the_week_before_the_window(con):
    # S2: knocked d1 H5 H7, d2 H6 H7, d3 H5 H6 H7; covered H5 (d1), H7 (d2), H6 (d3) of 3
    df = run(con, "knocked_daily", start=D3, end=D3, street="S2")
    assert rows(df, "knocked", "first_visits", "revisits", "covered_to_date", "registered") == [(3, 0, 3, 3, 3)]
    assert df["knocked_avg7"].round(4).tolist() == [round(7 / 3, 4)]
    assert df["coverage"].tolist() == [1.0]


def test_knocked_by_unit_streets(con):
    # d3: S1 knocked H3 H1 (2; avg (2+2+2)/3), S2 H6 H7 H5 (3; avg 7/3); covered S1 2/4, S2 3/3
    df = run(con, "knocked_by_unit", day=D3, street=None)
    assert rows(df, "unit_id", "name_zh", "knocked", "first_visits", "revisits", "covered_to_date", "registered") == [
        ("S1", "甲", 2, 0, 2, 2, 4),
        ("S2", "乙", 3, 0, 3, 3, 3),
    ]
    assert df["knocked_avg7"].round(4).tolist() == [2.0, round(7 / 3, 4)]
    assert df["coverage"].tolist() == [0.5, 1.0]


def test_knocked_by_unit_grids_of_a_street(con):
    # street S1 on d2: grid G1 knocked H2 H3 (H3 for the first time), covered H1 H2 of 4;
    # grid G2 has no households and is listed with zeros
    df = run(con, "knocked_by_unit", day=D2, street="S1")
    assert rows(df, "unit_id", "knocked", "first_visits", "revisits", "covered_to_date", "registered") == [
        ("G1", 2, 1, 1, 2, 4),
        ("G2", 0, 0, 0, 0, 0),
    ]
    assert df["knocked_avg7"].tolist() == [2.0, 0.0]
    assert df["coverage"].isna().tolist() == [False, True]


def test_outcomes_by_unit(con):
    # d1-d3, S1: V1 V2 V3 V5 V6 V8 V9 = 7 visits (met V1 V5 V9, not home V2 V3 V8, refused V6);
    # S2: V4 V7 V10-V15 = 8 visits (met V10-V13, not home V7 V15, vacant V4 V14)
    df = run(con, "outcomes_by_unit", start=D1, end=D3, street=None)
    assert rows(df, "unit_id", "knocked", "visits", "met", "not_home", "refused", "vacant") == [
        ("S1", 6, 7, 3, 3, 1, 0),
        ("S2", 7, 8, 4, 2, 0, 2),
    ]
    assert rows(df, "returnees", "yellow_codes", "red_codes", "followups") == [(1, 1, 0, 2), (1, 1, 1, 3)]
    assert df["met_share"].round(4).tolist() == [round(3 / 7, 4), 0.5]
    assert df["vacant_share"].tolist() == [0.0, 0.25]
    # one day, street S2 by grid: d2 only V7 (not home) and V12 (met) in G3
    df = run(con, "outcomes_by_unit", start=D2, end=D2, street="S2")
    assert rows(df, "unit_id", "visits", "met", "not_home") == [("G3", 2, 1, 1)]


# ---------------------------------------------------------------- follow-ups


def test_followups_daily(con):
    # spells: H1 (d1, cleared d3), H2 (d2, open), H7 (d2, open; V13 keeps it flagged),
    # H6 (d3, cleared the same day by V11: flagged and cleared, never awaiting at a day's end)
    df = run(con, "followups_daily", start=D1, end=D4, street=None)
    assert rows(df, "flagged", "cleared", "awaiting") == [(1, 0, 1), (2, 0, 3), (1, 2, 2), (0, 0, 2)]
    df = run(con, "followups_daily", start=D2, end=D3, street="S2")
    assert rows(df, "flagged", "cleared", "awaiting") == [(1, 0, 1), (1, 1, 1)]


def test_followups_by_unit(con):
    # at the end of d3: S1 H2 (flagged d2 for a yellow code), S2 H7 (flagged d2, yellow; its later
    # red code does not start a new spell)
    df = run(con, "followups_by_unit", day=D3, street=None)
    assert rows(df, "unit_id", "awaiting", "returnees", "yellow_codes", "red_codes") == [
        ("S1", 1, 0, 1, 0),
        ("S2", 1, 0, 1, 0),
    ]
    assert [d.date() for d in df["oldest_flagged_day"]] == [D2, D2]
    # at the end of d1 only H1 (a returnee) in S1
    df = run(con, "followups_by_unit", day=D1, street=None)
    assert rows(df, "unit_id", "awaiting", "returnees") == [("S1", 1, 1), ("S2", 0, 0)]
    df = run(con, "followups_by_unit", day=D2, street="S2")
    assert rows(df, "unit_id", "awaiting", "yellow_codes") == [("G3", 1, 1)]


def test_followups_awaiting_list(con):
    df = run(con, "followups_awaiting", day=D3, street=None, limit=10)
    assert rows(df, "household_id", "street_id", "grid_zh", "days_waiting", "yellow_code") == [
        ("H2", "S1", "甲一第1网格", 1, True),
        ("H7", "S2", "乙一第1网格", 1, True),
    ]
    assert run(con, "followups_awaiting", day=D3, street=None, limit=1)["household_id"].tolist() == ["H2"]
    assert run(con, "followups_awaiting", day=D1, street="S1", limit=10)["household_id"].tolist() == ["H1"]
    assert run(con, "followups_awaiting", day=D1, street="S2", limit=10).empty


# ---------------------------------------------------------------- workers


def test_worker_day_distribution(con):
    # worker-days d1-d3: W1 3, 2, 2; W3 1, 1, 1; WS1 1, 2
    df = run(con, "worker_day_distribution", start=D1, end=D3, street=None)
    assert rows(df, "households", "worker_days") == [(1, 4), (2, 3), (3, 1)]
    # in S1 only W1's S1 doors count (2 a day); in S2 W1's d1 H7, W3's three days, WS1's two
    assert rows(run(con, "worker_day_distribution", start=D1, end=D3, street="S1"), "households", "worker_days") == [
        (2, 3)
    ]
    assert rows(run(con, "worker_day_distribution", start=D1, end=D3, street="S2"), "households", "worker_days") == [
        (1, 5),
        (2, 1),
    ]
    assert rows(run(con, "worker_day_distribution", start=D3, end=D3, street=None), "households", "worker_days") == [
        (1, 1),
        (2, 2),
    ]


def test_worker_day_summary(con):
    # 8 worker-days 1,1,1,1,2,2,2,3: mean 13/8; nearest-rank median 1 (4 of 8 knocked 1 or fewer),
    # 90th percentile 3 (7 of 8, under 90 %, knocked 2 or fewer), max 3; one worker-day at 3 or more
    df = run(con, "worker_day_summary", start=D1, end=D3, street=None, benchmark=3)
    assert rows(df, "worker_days", "mean", "median", "p90", "max", "at_benchmark") == [(8, 1.625, 1, 3, 3, 1)]
    # S2 only: 1,1,1,1,1,2
    df = run(con, "worker_day_summary", start=D1, end=D3, street="S2", benchmark=2)
    assert rows(df, "worker_days", "median", "p90", "max", "at_benchmark") == [(6, 1, 2, 2, 1)]
    empty = run(con, "worker_day_summary", start=D4, end=D4, street=None, benchmark=3).iloc[0]
    assert (empty["worker_days"], empty["max"], empty["at_benchmark"]) == (0, 0, 0)


def test_worker_busiest_days(con):
    df = run(con, "worker_busiest_days", start=D1, end=D3, street=None, limit=2)
    assert rows(df, "worker_id", "role", "households", "visits") == [
        ("W1", "micro_grid_worker", 3, 4),
        ("W1", "micro_grid_worker", 2, 2),
    ]
    assert [d.date() for d in df["day"]] == [D1, D2]
    df = run(con, "worker_busiest_days", start=D1, end=D3, street="S2", limit=1)
    assert rows(df, "worker_id", "role", "households") == [("WS1", "grid_secretary", 2)]


def test_workers_idle_summary(con):
    # d3, 1 day: W1, W3, WS1 visited on d3; W2 never visits
    assert rows(run(con, "workers_idle_summary", day=D3, days=1, street=None), "workers", "idle", "never_visited") == [
        (4, 1, 1)
    ]
    # d1: WS1 has not visited yet (first visit d2), so is idle and never seen to visit as of d1
    assert rows(run(con, "workers_idle_summary", day=D1, days=1, street=None), "workers", "idle", "never_visited") == [
        (4, 2, 2)
    ]
    # d4 (no visits), S2: W3 and WS1 both idle, both visited before
    assert rows(run(con, "workers_idle_summary", day=D4, days=1, street="S2"), "workers", "idle", "never_visited") == [
        (2, 2, 0)
    ]


def test_workers_idle_by_unit(con):
    df = run(con, "workers_idle_by_unit", day=D3, days=1, street=None)
    assert rows(df, "unit_id", "workers", "idle", "idle_share") == [("S1", 2, 1, 0.5), ("S2", 2, 0, 0.0)]
    # by grid in S1: G2's worker W2 is idle, G1's W1 is not
    df = run(con, "workers_idle_by_unit", day=D3, days=1, street="S1")
    assert rows(df, "unit_id", "workers", "idle") == [("G2", 1, 1), ("G1", 1, 0)]


def test_workers_idle_list(con):
    df = run(con, "workers_idle", day=D4, days=1, street=None, limit=10)
    assert rows(df, "worker_id", "street_id") == [("W2", "S1"), ("W1", "S1"), ("W3", "S2"), ("WS1", "S2")]
    assert df["last_day"].isna().tolist() == [True, False, False, False]
    assert df["days_since"].tolist()[1:] == [1, 1, 1]
    assert run(con, "workers_idle", day=D3, days=2, street=None, limit=10)["worker_id"].tolist() == ["W2"]
    assert run(con, "workers_idle", day=D4, days=2, street="S2", limit=10).empty


# ---------------------------------------------------------------- page logic


def test_period_range():
    assert knocked.period_range("day", D3, D1) == (D3, D3)
    assert knocked.period_range("week", D3, D1) == (D1, D3)  # not before the campaign
    assert knocked.period_range("week", dt.date(2022, 3, 22), D1) == (dt.date(2022, 3, 16), dt.date(2022, 3, 22))
    assert knocked.period_range("campaign", D3, D1) == (D1, D3)


def test_tables_translate_headers_and_show_shares_in_percent(con):
    units = run(con, "knocked_by_unit", day=D3, street=None)
    zh = knocked.unit_table(units, None, "zh")
    assert list(zh.columns)[:3] == ["街道", "敲门户数", "近7日日均"]
    assert zh["覆盖率（%）"].tolist() == [50.0, 100.0]
    en = knocked.unit_table(units, None, "en")
    assert en["Street"].tolist() == ["甲 Jia", "乙 Yi"]
    idle = knocked.idle_list(run(con, "workers_idle", day=D4, days=1, street=None, limit=10), "en")
    assert idle["Last visit"].tolist() == ["never", "2022-03-03", "2022-03-03", "2022-03-03"]
    assert idle["Role"].tolist()[-1] == "grid secretary"


def test_change_since(con):
    daily = run(con, "knocked_daily", start=D1, end=D3, street=None)
    assert shown.change_since(daily, D3, "knocked") == "+1"
    assert shown.change_since(daily, D1, "knocked") is None  # no day before in the result


# ---------------------------------------------------------------- the page (AppTest)


def open_page(monkeypatch, db, **params) -> AppTest:
    return helpers.open_page(monkeypatch, db, "knocked", 60, **params)


def figures(at) -> list[dict]:
    import json

    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def check_figures_speak(figs, lang):
    for fig in figs:
        layout = fig["layout"]
        title = layout["title"]["text"]
        axes = [layout[k]["title"]["text"] for k in ("xaxis", "yaxis") if layout.get(k, {}).get("title")]
        assert title and len(axes) == 2 and all(axes), title
        for text in [title, *axes]:
            assert bool(CJK.search(text)) == (lang == "zh"), text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_opens_in_both_languages(monkeypatch, small_demo_db, lang):
    at = open_page(monkeypatch, small_demo_db, lang=lang)
    assert not at.exception
    assert at.title[0].value.startswith("入户敲门" if lang == "zh" else "Households knocked")
    figs = figures(at)
    assert len(figs) == 12
    check_figures_speak(figs, lang)
    # each chart has its table (in an expander), plus the follow-up, busiest and idle lists
    assert len(at.dataframe) == 15
    assert len(at.metric) == 10


def test_page_numbers_follow_the_street_filter(monkeypatch, people_db):
    district = open_page(monkeypatch, people_db, lang="en")
    assert not district.exception
    cards = {m.label: m.value for m in district.metric}
    # d3 (the latest day): 5 households knocked (d2: 4), 5 covered, 2 awaiting follow-up, 1 idle
    assert (
        cards["Households knocked"],
        cards["Households covered"],
        cards["Awaiting follow-up"],
        cards["Workers idle 3+ days"],
    ) == ("5", "5", "2", "1")
    by_street = district.dataframe[1].value
    assert by_street["Street"].tolist() == ["甲 Jia", "乙 Yi"]

    s2 = open_page(monkeypatch, people_db, lang="en", street="S2")
    assert not s2.exception
    cards = {m.label: m.value for m in s2.metric}
    # S2 on d3: H5 H6 H7 knocked, all 3 covered, H7 awaiting; W3 and WS1 both visited
    assert (
        cards["Households knocked"],
        cards["Households covered"],
        cards["Awaiting follow-up"],
        cards["Workers idle 3+ days"],
    ) == ("3", "3", "1", "0")
    by_grid = s2.dataframe[1].value
    assert by_grid["Grid"].tolist() == ["乙一第1网格"] and by_grid["Knocked"].tolist() == [3]
    daily = s2.dataframe[0].value
    assert daily["Knocked"].tolist() == [2, 2, 3]
    assert "by grid" in figures(s2)[1]["layout"]["title"]["text"]


def test_period_and_idle_days_come_from_the_url(monkeypatch, people_db):
    at = open_page(monkeypatch, people_db, lang="en", knocked_period="day", knocked_idle_days="1")
    assert not at.exception
    assert at.radio(key="knocked_period").value == "day"
    assert at.number_input(key="knocked_idle_days").value == 1
    # report day d3 alone: worker-days W1 2, W3 1, WS1 2
    assert {m.label: m.value for m in at.metric}["Worker-days"] == "3"
    at.radio(key="knocked_period").set_value("campaign").run()
    assert {m.label: m.value for m in at.metric}["Worker-days"] == "8"
    assert "knocked_period" not in at.query_params


def test_page_choices_survive_a_language_switch(monkeypatch, people_db):
    at = open_page(monkeypatch, people_db, lang="en", knocked_period="week", knocked_idle_days="2")
    at.radio(key="kb_lang").set_value("zh").run()
    assert not at.exception
    assert at.title[0].value.startswith("入户敲门")
    assert at.radio(key="knocked_period").value == "week"
    assert at.number_input(key="knocked_idle_days").value == 2
