"""The party-member hours page: its queries on the hand-built store of tests/fixtures_people.py
(volunteers P1-P5 and shifts F1-F6 listed there, answers worked out by hand), its tables, and the
page under AppTest."""

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import queries
from knockboard import hours, i18n, store
from tests import helpers
from tests.fixtures_people import build_people_store
from tests.helpers import rows
from tests.test_knocked import check_figures_speak, figures

ROOT = Path(__file__).resolve().parent.parent
PAGE = str(ROOT / "pages" / "hours.py")
D1, D2, D3, D4 = (dt.date(2022, 3, d) for d in (1, 2, 3, 4))


@pytest.fixture(scope="module")
def people_db(tmp_path_factory) -> Path:
    return build_people_store(tmp_path_factory.mktemp("people-hours") / "people.duckdb")


@pytest.fixture(scope="module")
def con(people_db):
    con = store.connect(people_db)
    yield con
    con.close()


def run(con, name, **params):
    # the district view, as the operator sees it (tests/test_scope.py checks the street scope)
    return queries.run(con, name, scope=None, **params)


def test_hours_daily(con):
    # d1 F5 2.5 h (P3); d2 F1 F2 (P1, 6 h) and F3 (P2, 3 h); d3 F4 (P2, 5 h) and F6 (P5, 1.5 h)
    df = run(con, "hours_daily", start=D1, end=D4, street=None)
    assert rows(df, "hours", "active_volunteers", "shifts") == [(2.5, 1, 1), (9.0, 2, 3), (6.5, 2, 2), (0.0, 0, 0)]
    # S1: d2 P1's two shifts, d3 P5's
    df = run(con, "hours_daily", start=D1, end=D3, street="S1")
    assert rows(df, "hours", "active_volunteers", "shifts") == [(0.0, 0, 0), (6.0, 1, 2), (1.5, 1, 1)]


HEADLINE = ("party_members_on_duty", "volunteers_on_duty", "teams", "organ_members", "organ_hours", "hours")


def test_hours_headline(con):
    # up to d3: P1 6 h (organ, party), P2 8 h (party), P3 2.5 h (not a party member), P5 1.5 h (party);
    # teams T1 T2 T3
    assert rows(run(con, "hours_headline", day=D3, street=None), *HEADLINE) == [(3, 4, 3, 1, 6.0, 18.0)]
    # worked in S1 up to d2: F1 F2 by P1 (an organ member whose team is in S2); S1 has team T1
    assert rows(run(con, "hours_headline", day=D2, street="S1"), *HEADLINE) == [(1, 1, 1, 1, 6.0, 6.0)]
    # worked in S2 up to d3: F3 F4 by P2, F5 by P3; S2 has teams T2 and T3
    assert rows(run(con, "hours_headline", day=D3, street="S2"), *HEADLINE) == [(1, 2, 2, 0, 0.0, 10.5)]


def test_hours_by_post(con):
    df = run(con, "hours_by_post", day=D3, street=None)
    assert df["post_category"].tolist() == list(hours.POSTS)
    # publicity F2 2 h; checkpoint F1 4 + F5 2.5 + F6 1.5; door to door F3 3 + F4 5
    assert rows(df, "hours", "shifts") == [
        (2.0, 1),
        (8.0, 3),
        (0.0, 0),
        (0.0, 0),
        (0.0, 0),
        (8.0, 2),
        (0.0, 0),
        (0.0, 0),
    ]
    assert df["share"].round(4).tolist()[:2] == [round(2 / 18, 4), round(8 / 18, 4)]


def test_hours_by_post_daily(con):
    df = run(con, "hours_by_post_daily", start=D1, end=D3, street="S1")
    assert len(df) == 3 * 8
    nonzero = df[df["hours"] > 0]
    # S1: d2 F1 checkpoint 4 h and F2 publicity 2 h; d3 F6 checkpoint 1.5 h (F5 on d1 is in S2)
    assert [(r.day.date(), r.post_category, r.hours) for r in nonzero.itertuples()] == [
        (D2, "checkpoint", 4.0),
        (D2, "publicity", 2.0),
        (D3, "checkpoint", 1.5),
    ]


def test_hours_by_org(con):
    df = run(con, "hours_by_org", day=D3, street=None)
    # community P2 8 h + P5 1.5 h; organ P1 6 h; two new P3 2.5 h (not a party member)
    assert rows(df, "org_type", "volunteers", "party_members", "hours", "hours_per_volunteer") == [
        ("community", 2, 2, 9.5, 4.75),
        ("organ", 1, 1, 6.0, 6.0),
        ("two_new", 1, 0, 2.5, 2.5),
    ]
    df = run(con, "hours_by_org", day=D3, street="S1")
    assert rows(df, "org_type", "volunteers", "hours") == [
        ("community", 1, 1.5),
        ("organ", 1, 6.0),
        ("two_new", 0, 0.0),
    ]
    assert df["hours_per_volunteer"].isna().tolist() == [False, False, True]


def test_hours_by_team(con):
    # T1: P2's 8 h (5 on d3), P4 no shift; T2: P1 6 h; T3: P3 2.5 h; P5 has no team
    df = run(con, "hours_by_team", day=D3, street=None)
    assert rows(df, "team_id", "volunteers", "hours", "hours_day") == [
        ("T1", 1, 8.0, 5.0),
        ("T2", 1, 6.0, 0.0),
        ("T3", 1, 2.5, 0.0),
    ]
    assert run(con, "hours_by_team", day=D3, street="S2")["team_id"].tolist() == ["T2", "T3"]
    df = run(con, "hours_by_team", day=D1, street="S1")
    assert rows(df, "team_id", "volunteers", "hours") == [("T1", 0, 0.0)]


def test_team_names_in_english_where_the_store_has_one(con):
    # T1 has an English name; T2 has none and keeps its Chinese name alone
    teams = hours.with_team_labels(run(con, "hours_by_team", day=D3, street=None), "en").set_index("team_id")
    assert teams.loc["T1", "name"] == "甲一第1网格党员志愿服务队 Jiayi Grid 1 Party Volunteer Team"
    assert teams.loc["T2", "name"] == "乙机关党员志愿服务队"
    in_chinese = hours.with_team_labels(run(con, "hours_by_team", day=D3, street=None), "zh").set_index("team_id")
    assert in_chinese.loc["T1", "name"] == "甲一第1网格党员志愿服务队"
    idle = hours.idle_list(run(con, "volunteers_idle", day=D3, days=1, street=None, limit=10), "en")
    assert "甲一第1网格党员志愿服务队 Jiayi Grid 1 Party Volunteer Team" in idle[i18n.t("hours_team", "en")].tolist()


def test_hours_by_unit(con):
    # S1: F1 F2 F6 = 7.5 h by P1 P5, d3 F6 1.5 h by P5; S2: F3 F4 F5 = 10.5 h by P2 P3, d3 F4 5 h
    df = run(con, "hours_by_unit", day=D3, street=None)
    assert rows(df, "unit_id", "hours", "volunteers", "hours_day", "volunteers_day") == [
        ("S1", 7.5, 2, 1.5, 1),
        ("S2", 10.5, 2, 5.0, 1),
    ]
    # grids of S2 up to d2: G3 F3 (d2) and F5 (d1)
    assert rows(run(con, "hours_by_unit", day=D2, street="S2"), "unit_id", "hours", "volunteers", "hours_day") == [
        ("G3", 5.5, 2, 3.0)
    ]


def test_volunteers_joined_daily(con):
    # joined d1 P3, d2 P2 (retired), d3 P4 (retired); P1 joined in 2021, P5 unknown
    df = run(con, "volunteers_joined_daily", start=D1, end=D3, street=None)
    assert rows(df, "joined", "retired", "party_members", "joined_to_date") == [
        (1, 0, 0, 1),
        (1, 1, 1, 2),
        (1, 1, 1, 3),
    ]
    # by the team's street: P2 and P4 are in T1 (S1); P3 is in T3 (S2)
    df = run(con, "volunteers_joined_daily", start=D1, end=D3, street="S1")
    assert rows(df, "joined", "joined_to_date") == [(0, 0), (1, 1), (1, 2)]


def test_volunteers_idle_summary(con):
    # d3, 1 day: on the books P1-P5; no shift on d3: P1 (last d2), P3 (d1), P4 (never)
    assert rows(
        run(con, "volunteers_idle_summary", day=D3, days=1, street=None), "volunteers", "idle", "never_worked"
    ) == [(5, 3, 1)]
    # d2: P4 has not joined yet; no shift on d2: P3 (d1) and P5 (first shift on d3)
    assert rows(
        run(con, "volunteers_idle_summary", day=D2, days=1, street=None), "volunteers", "idle", "never_worked"
    ) == [(4, 2, 1)]
    # S1 by team: P2 and P4 (P5 has no team, so no street)
    assert rows(
        run(con, "volunteers_idle_summary", day=D3, days=1, street="S1"), "volunteers", "idle", "never_worked"
    ) == [(2, 1, 1)]


def test_volunteers_idle_list(con):
    df = run(con, "volunteers_idle", day=D3, days=1, street=None, limit=10)
    assert rows(df, "volunteer_id", "org_type", "retired") == [
        ("P4", "community", True),
        ("P3", "two_new", False),
        ("P1", "organ", False),
    ]
    assert df["days_since"].isna().tolist() == [True, False, False]
    assert df["days_since"].tolist()[1:] == [2, 1]
    assert run(con, "volunteers_idle", day=D3, days=1, street=None, limit=1)["volunteer_id"].tolist() == ["P4"]


def test_hours_per_volunteer_distribution(con):
    # totals up to d3: P1 6, P2 8, P3 2.5, P5 1.5
    df = run(con, "hours_per_volunteer_distribution", day=D3, street=None, bin=5)
    assert rows(df, "bin_start", "volunteers") == [(0.0, 2), (5.0, 2)]
    df = run(con, "hours_per_volunteer_distribution", day=D3, street=None, bin=2)
    assert rows(df, "bin_start", "volunteers") == [(0.0, 1), (2.0, 1), (6.0, 1), (8.0, 1)]
    # S2 up to d2: P2 3 h (F3), P3 2.5 h (F5)
    df = run(con, "hours_per_volunteer_distribution", day=D2, street="S2", bin=5)
    assert rows(df, "bin_start", "volunteers") == [(0.0, 2)]


def test_checkpoint_daily(con):
    # checkpoint: d1 F5 2.5 h in S2/G3, d2 F1 4 h in S1/G1, d3 F6 1.5 h in S1/G1; 2 streets, 3 grids
    df = run(con, "checkpoint_daily", start=D1, end=D3, street=None)
    assert rows(
        df, "hours", "volunteers", "streets_covered", "streets_in_scope", "grids_covered", "grids_in_scope"
    ) == [(2.5, 1, 1, 2, 1, 3), (4.0, 1, 1, 2, 1, 3), (1.5, 1, 1, 2, 1, 3)]
    assert df["street_share"].tolist() == [0.5] * 3
    assert df["grid_share"].round(4).tolist() == [round(1 / 3, 4)] * 3
    df = run(con, "checkpoint_daily", start=D1, end=D3, street="S2")
    assert rows(df, "hours", "streets_covered", "streets_in_scope", "grid_share") == [
        (2.5, 1, 1, 1.0),
        (0.0, 0, 1, 0.0),
        (0.0, 0, 1, 0.0),
    ]


def test_posts_by_day_and_labels(con):
    wide = hours.posts_by_day(run(con, "hours_by_post_daily", start=D2, end=D3, street=None))
    assert list(wide.columns) == ["day", *hours.POSTS]
    assert wide["checkpoint"].tolist() == [4.0, 1.5] and wide["door_to_door"].tolist() == [3.0, 5.0]
    table = hours.post_table(run(con, "hours_by_post", day=D3, street=None), "zh")
    assert table["岗位"].tolist() == [
        "防疫宣传",
        "卡口执勤",
        "物资转运",
        "帮扶保障",
        "数据核查",
        "入户排查",
        "核酸检测服务",
        "环境消杀",
    ]
    assert [hours.org_name(o, "en") for o in hours.ORGS] == ["Community", "Government organ", "“Two new” organisations"]


# ---------------------------------------------------------------- the page (AppTest)


def open_page(monkeypatch, db, **params) -> AppTest:
    return helpers.open_page(monkeypatch, db, "hours", 60, **params)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_opens_in_both_languages(monkeypatch, small_demo_db, lang):
    at = open_page(monkeypatch, small_demo_db, lang=lang)
    assert not at.exception
    assert at.title[0].value.startswith("党员志愿时长" if lang == "zh" else "Party-member volunteer hours")
    figs = figures(at)
    assert len(figs) == 10
    check_figures_speak(figs, lang)
    assert len(at.dataframe) == 11  # 10 tables behind the charts, and the idle volunteers
    assert len(at.metric) == 7


def test_page_numbers_follow_the_street_filter(monkeypatch, people_db):
    district = open_page(monkeypatch, people_db, lang="en")
    assert not district.exception
    cards = {m.label: m.value for m in district.metric}
    assert (
        cards["Party members on duty"],
        cards["Volunteer teams"],
        cards["Organ party members"],
        cards["Organ members' hours"],
        cards["Hours to date"],
    ) == ("3", "3", "1", "6.0", "18.0")  # hours: 1 decimal
    s1 = open_page(monkeypatch, people_db, lang="en", street="S1")
    assert not s1.exception
    cards = {m.label: m.value for m in s1.metric}
    # worked in S1 up to d3: F1 F2 (P1, organ) and F6 (P5): 7.5 h; S1 has team T1
    assert (
        cards["Party members on duty"],
        cards["Volunteer teams"],
        cards["Organ party members"],
        cards["Hours to date"],
        cards["Hours on the day"],
    ) == ("2", "1", "1", "7.5", "1.5")
    per_day = s1.dataframe[0].value
    assert per_day["Hours"].tolist() == [0.0, 6.0, 1.5]
    assert "by grid" in figures(s1)[4]["layout"]["title"]["text"]


def test_idle_days_come_from_the_url(monkeypatch, people_db):
    at = open_page(monkeypatch, people_db, lang="en", hours_idle_days="1")
    assert not at.exception
    assert at.number_input(key="hours_idle_days").value == 1
    idle = next(d.value for d in at.dataframe if "Volunteer" in d.value)  # P4 never, P3 d1, P1 d2
    assert idle["Volunteer"].tolist() == ["P4", "P3", "P1"]
    assert idle["Last shift"].tolist() == ["never", "2022-03-01", "2022-03-02"]
