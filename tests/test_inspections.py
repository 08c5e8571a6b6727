"""Inspections and closures: the queries on a hand-built store (tests/fixtures_inspections.py, every
answer worked out by hand there and below), the display logic, the page (AppTest) and the article's
case in the scale-1 demo."""

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import queries
from knockboard import inspections, store
from tests.fixtures_inspections import case_db, con, page_db  # noqa: F401 (fixtures)
from tests.helpers import rows

ROOT = Path(__file__).resolve().parent.parent
PAGE = str(ROOT / "pages/inspections.py")
D1, D2, D3, D4 = (dt.date(2022, 3, d) for d in (1, 2, 3, 4))


def day(value):
    return None if pd.isna(value) else pd.Timestamp(value).date()


# ---------------------------------------------------------------- closures and inspections per day


def test_closures_rollup_holds_one_row_per_suspension(con):
    df = con.execute(
        "select inspection_id, closed_from, closed_until, reopened_early from closures order by inspection_id"
    ).df()
    # I1 d1 + 3 days; I2 reopened d3, before its planned d9; I4 no end; I10 d1 + 5; I11 d2 + 1
    assert [(r.inspection_id, day(r.closed_from), day(r.closed_until), r.reopened_early) for r in df.itertuples()] == [
        ("I1", D1, D4, False),
        ("I10", D1, dt.date(2022, 3, 6), False),
        ("I11", D2, D3, False),
        ("I2", D2, D3, True),
        ("I4", D3, None, False),
    ]


def test_inspections_daily_counts_outcomes_and_closed_businesses(con):
    df = queries.run(con, "inspections_daily", scope=None, start=D1, end=D4, street=None)
    # made: d1 I1 I5 I8 I10; d2 I2 I3 I6 I9 I11; d3 I4 I7 I12. Closed: d1 B1 B7; d2 B1 B2 B7 (B7 counted
    # once though two suspensions cover it); d3 B1 (last day) B4 (first day) B7, not B2 (reopened
    # early on d3); d4 B4 B7, not B1 (its 3 days are over).
    assert rows(df, "inspections", "pass", "rectify", "suspended", "fined", "closed_businesses") == [
        (4, 0, 2, 2, 0, 2),
        (5, 2, 0, 2, 1, 3),
        (3, 1, 1, 1, 0, 3),
        (0, 0, 0, 0, 0, 2),
    ]
    df = queries.run(con, "inspections_daily", scope=None, start=D1, end=D4, street="S2")
    # S2: d1 I8 I10, d2 I3 I9 I11, d3 I4 I12; closed B7, B7, B4 B7, B4 B7
    assert rows(df, "inspections", "closed_businesses") == [(2, 1), (3, 1), (2, 2), (0, 2)]


def test_inspections_daily_keeps_the_briefing_output(hand_con):
    # the base hand store (tests/fixtures.py): the briefing's numbers are unchanged
    df = queries.run(hand_con, "inspections_daily", scope=None, start=D1, end=D4, street=None)
    assert rows(df, "inspections", "closed_businesses") == [(1, 1), (2, 2), (1, 2), (0, 1)]
    assert list(df.columns[:3]) == ["day", "inspections", "closed_businesses"]


# ---------------------------------------------------------------- the closed list and the map


def test_closed_on_a_day_across_the_suspensions_edges(con):
    df = queries.run(con, "inspections_closed_on_day", scope=None, day=D3, street=None)
    # d3: B1 on its last day (I1, until d4), B7 under I10 (I11 ended d3), B4 on its first day, no end.
    # B2 is not closed: it reopened early on d3.
    # Most recently closed first.
    assert rows(df, "business_id", "inspection_id", "findings", "agencies", "suspension_days", "days_closed") == [
        ("B4", "I4", "未落实消杀", "区卫健委", None, 1),
        ("B1", "I1", "未验码", "市场监督管理局", 3, 3),
        ("B7", "I10", "未测温", "区卫健委、派出所", 5, 3),
    ]
    assert [(day(a), day(b)) for a, b in zip(df["closed_since"], df["closed_until"])] == [
        (D3, None),
        (D1, D4),
        (D1, dt.date(2022, 3, 6)),
    ]


def test_closed_list_shows_the_early_reopening_and_overlapping_suspensions(con):
    df = queries.run(con, "inspections_closed_on_day", scope=None, day=D2, street=None)
    # d2: B1 (I1), B2 (I2: 7 days planned, reopened d3, early), B7: the latest suspension I11 (1 day)
    # gives the reason, but B7 stays closed until d6 (I10) and has been closed since d1.
    assert rows(df, "business_id", "inspection_id", "findings", "agencies", "reopened_early", "days_closed") == [
        ("B2", "I2", "未测温、人员随意进出", "派出所、街道办事处", True, 1),
        ("B1", "I1", "未验码", "市场监督管理局", False, 2),
        ("B7", "I11", "未验码、未落实消杀", "派出所", False, 2),
    ]
    assert [(day(a), day(b), day(c)) for a, b, c in zip(df["closed_since"], df["closed_until"], df["reopened_on"])] == [
        (D2, D3, D3),
        (D1, D4, None),
        (D1, dt.date(2022, 3, 6), None),
    ]
    # the list and inspections_daily agree on every day
    for d in (D1, D2, D3, D4):
        daily = queries.run(con, "inspections_daily", scope=None, start=d, end=d, street=None)
        assert (
            len(queries.run(con, "inspections_closed_on_day", scope=None, day=d, street=None))
            == daily["closed_businesses"][0]
        )
    assert queries.run(con, "inspections_closed_on_day", scope=None, day=D4, street="S1").empty  # B1 reopened d4


def test_business_map_latest_outcome_and_closed(con):
    df = queries.run(con, "inspections_business_map", scope=None, day=D2, street=None)
    # B9 has no position; B4 and B8 are not inspected by d2; closed ones last (drawn on top)
    assert rows(df, "business_id", "latest_outcome", "closed") == [
        ("B3", "pass", False),
        ("B4", None, False),
        ("B5", "fined", False),
        ("B6", "pass", False),
        ("B8", None, False),
        ("B1", "suspended", True),
        ("B2", "suspended", True),
        ("B7", "suspended", True),
    ]
    assert [day(v) for v in df["closed_until"]] == [None] * 5 + [D4, D3, dt.date(2022, 3, 6)]
    df = queries.run(con, "inspections_business_map", scope=None, day=D4, street="S1")
    # d4 in S1: B1's suspension is over (latest outcome still suspended), B5 ordered to rectify d3
    assert rows(df, "business_id", "latest_outcome", "closed") == [
        ("B1", "suspended", False),
        ("B2", "suspended", False),
        ("B5", "rectify", False),
        ("B8", None, False),
    ]


# ---------------------------------------------------------------- repeat offenders, rectify pending


def test_repeat_offenders(con):
    # failures to d3: B5 three (rectify, fined, rectify), B7 two (suspended twice), others one
    df = queries.run(con, "inspections_repeat_offenders", scope=None, day=D3, street=None)
    assert rows(df, "business_id", "inspections", "failed", "rectify", "suspended", "fined", "latest_outcome") == [
        ("B5", 3, 3, 2, 0, 1, "rectify"),
        ("B7", 2, 2, 0, 2, 0, "suspended"),
    ]
    assert [day(v) for v in df["last_failed_on"]] == [D3, D2]
    assert queries.run(con, "inspections_repeat_offenders", scope=None, day=D1, street=None).empty  # one failure each
    df = queries.run(con, "inspections_repeat_offenders", scope=None, day=D2, street="S1")
    assert rows(df, "business_id", "failed", "latest_outcome") == [("B5", 2, "fined")]


def test_rectify_pending(con):
    # d1: B5 and B6 ordered to rectify that day; d2: B5 fined, B6 re-inspected (pass) -> none;
    # d4: B5's latest (d3) is rectify, 1 day ago
    df = queries.run(con, "inspections_rectify_pending", scope=None, day=D1, street=None)
    assert rows(df, "business_id", "days_since", "findings", "agencies") == [
        ("B5", 0, "未验码、未测温", "派出所"),
        ("B6", 0, "人员随意进出", "区商务局"),
    ]
    assert queries.run(con, "inspections_rectify_pending", scope=None, day=D2, street=None).empty
    df = queries.run(con, "inspections_rectify_pending", scope=None, day=D4, street=None)
    assert rows(df, "business_id", "days_since") == [("B5", 1)] and day(df["inspected_on"][0]) == D3
    assert queries.run(con, "inspections_rectify_pending", scope=None, day=D4, street="S2").empty


# ---------------------------------------------------------------- breakdowns


def test_findings_are_split_and_counted_once_per_inspection(con):
    df = queries.run(con, "inspections_findings", scope=None, start=D1, day=D3, street=None)
    # 未测温 I2 I5 I7 I10 (B2 B5 B7); 未验码 I1 I5 I6 (' 未验码 ', trimmed) I11 (B1 B5 B7);
    # 人员随意进出 I2 I8; 未落实消杀 I4 I11
    assert rows(df, "finding", "inspections", "businesses") == [
        ("未测温", 4, 3),
        ("未验码", 4, 3),
        ("人员随意进出", 2, 2),
        ("未落实消杀", 2, 2),
    ]
    df = queries.run(con, "inspections_findings", scope=None, start=D3, day=D3, street="S1")
    assert rows(df, "finding", "inspections") == [("未测温", 1)]  # I7


def test_agencies_are_split_on_either_separator(con):
    df = queries.run(con, "inspections_agencies", scope=None, start=D1, day=D3, street=None)
    # 派出所 I2 I5 I6 ('; ') I7 I10 I11, all failed; 区商务局 I3 I8 I9 I12, I8 failed; 区卫健委 I4 I10;
    # 市场监督管理局 I1 I6; 街道办事处 I2
    assert rows(df, "agency", "inspections", "failed") == [
        ("派出所", 6, 6),
        ("区商务局", 4, 1),
        ("区卫健委", 2, 2),
        ("市场监督管理局", 2, 2),
        ("街道办事处", 1, 1),
    ]


def test_inspections_by_street(con):
    df = queries.run(con, "inspections_by_street", scope=None, start=D1, day=D3)
    # S2: I3 I4 I8 I9 I10 I11 I12 (pass I3 I9 I12), businesses B3 B4 B6 B7 B9, closed d3 B4 B7;
    # S1: I1 I2 I5 I6 I7, all failed, businesses B1 B2 B5, closed d3 B1
    assert rows(
        df,
        "street_id",
        "inspections",
        "pass",
        "rectify",
        "suspended",
        "fined",
        "failed",
        "businesses_inspected",
        "closed_on_day",
    ) == [("S2", 7, 3, 1, 3, 0, 4, 5, 2), ("S1", 5, 0, 2, 2, 1, 5, 3, 1)]
    df = queries.run(con, "inspections_by_street", scope=None, start=D3, day=D3)
    assert rows(df, "street_id", "inspections", "closed_on_day") == [("S2", 2, 2), ("S1", 1, 1)]


def test_inspections_by_category(con):
    df = queries.run(con, "inspections_by_category", scope=None, start=D1, day=D3, street=None)
    # 餐饮 B1 B5 B7: I1 I5 I6 I7 I10 I11; 超市便利店 B2 B6: I2 I8 I9; 宾馆酒店 B4: I4; 药店 B3: I3;
    # no category B9: I12
    assert rows(
        df, "category", "inspections", "pass", "rectify", "suspended", "fined", "failed", "businesses_inspected"
    ) == [
        ("餐饮", 6, 0, 2, 3, 1, 6, 3),
        ("超市便利店", 3, 1, 1, 1, 0, 2, 2),
        ("宾馆酒店", 1, 0, 0, 1, 0, 1, 1),
        ("药店", 1, 1, 0, 0, 0, 0, 1),
        (None, 1, 1, 0, 0, 0, 0, 1),
    ]
    assert df["failed_share"].round(4).tolist() == [1.0, round(2 / 3, 4), 1.0, 0.0, 0.0]
    df = queries.run(con, "inspections_by_category", scope=None, start=D1, day=D1, street="S2")
    # I8 and I10, one each: ties in code-point order (超 U+8D85 before 餐 U+9910)
    assert rows(df, "category", "inspections") == [("超市便利店", 1), ("餐饮", 1)]


# ---------------------------------------------------------------- display logic (no Streamlit)


def test_map_data_colour_size_and_details():
    df = pd.DataFrame(
        {
            "business_id": ["A", "B", "C", "D"],
            "name": ["甲<b>", "乙", "丙", "丁"],
            "category": ["餐饮", None, "药店", "餐饮"],
            "address": ["x", "y", "z", "w"],
            "street_id": ["S1"] * 4,
            "lat": [32.0] * 4,
            "lon": [120.8123456] * 4,
            "latest_outcome": ["pass", None, "suspended", "suspended"],
            "latest_inspected_on": [None] * 4,
            "closed": [False, False, False, True],
            "closed_until": [None, None, None, None],
        }
    )
    points = pd.DataFrame(inspections.map_data(df, "en").detailed)
    # C's suspension is over: its own colour; D is closed with no end set: red, larger
    assert points["status"].tolist() == ["pass", "not_inspected", "reopened", "closed"]
    assert points["colour"].tolist()[3] == list(inspections.STATUS_COLOURS["closed"])
    assert points["radius"].tolist()[3] > points["radius"].tolist()[0]
    assert points["closed_until_text"].tolist() == ["–", "–", "–", "no end set"]
    assert points["outcome"].tolist() == ["Pass", "Not inspected yet", "Suspended", "Suspended"]
    assert points["category"].tolist()[1] == "–" and points["name"].tolist()[0] == "甲&lt;b&gt;"
    assert points["position"].tolist()[0] == [120.81235, 32.0]
    # within the limit every business has its details; beyond it, those that passed or were not
    # inspected yet become plain dots, by status
    data = inspections.map_data(df, "en", limit=4)
    assert len(data.detailed) == 4 and data.plain == {}
    assert data.counts == {"pass": 1, "not_inspected": 1, "reopened": 1, "closed": 1}
    data = inspections.map_data(df, "en", limit=3)
    assert [p["status"] for p in data.detailed] == ["reopened", "closed"]
    assert data.plain == {"not_inspected": [[120.81235, 32.0]], "pass": [[120.81235, 32.0]]}
    assert data.counts["pass"] == 1  # the legend still counts every business


def test_closed_table_words(con):
    df = queries.run(con, "inspections_closed_on_day", scope=None, day=D3, street="S2")
    table = inspections.closed_table(df, {"S2": ("乙", "Yi")}, "en")
    assert table.columns.tolist()[:3] == ["Business", "Category", "Street"]
    # S2 on d3: B4 (no length, no end), B7 (5 days, until 6 March)
    assert table["Reopens on"].tolist() == ["no end set", "6 Mar 2022"]
    assert table["Suspension (days)"].tolist() == ["not set", "5"]
    assert table["Street"].tolist() == ["乙 Yi", "乙 Yi"]
    zh = inspections.closed_table(df, {"S2": ("乙", "Yi")}, "zh")
    assert zh["复业日期"].tolist() == ["未定", "2022年3月6日"] and zh["街道"].tolist() == ["乙", "乙"]


# ---------------------------------------------------------------- the page


def map_layer(at, layer_id: str) -> dict:
    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    # offline: no basemap provider, and the style is pydeck's placeholder, which Streamlit drops
    # (with no mapStyle at all, Streamlit's frontend would fetch a CARTO style from the internet)
    assert spec.get("mapProvider") is None and spec["mapStyle"] == "__MAP_STYLE__"
    layer = next(layer for layer in spec["layers"] if layer["id"] == layer_id)
    assert layer["radiusUnits"] == "pixels"  # a literal, not an accessor ("@@=pixels")
    assert layer["getRadius"] in ("@@=radius", inspections.RADIUS)
    return layer


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_opens_in_both_languages(monkeypatch, small_demo_db, lang):
    monkeypatch.setenv("KNOCKBOARD_DB", str(small_demo_db))
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    assert ("检查与停业整顿" if lang == "zh" else "Inspections and closures") in at.title[0].value
    assert len(at.get("deck_gl_json_chart")) == 1
    assert len(at.get("plotly_chart")) >= 5
    assert len(at.dataframe) >= 4 and len(at.metric) == 6
    legend = " ".join(m.value for m in at.markdown)
    assert ("停业整顿中" if lang == "zh" else "Closed on the day") in legend


def test_page_on_the_hand_store(monkeypatch, page_db):
    monkeypatch.setenv("KNOCKBOARD_DB", str(page_db))
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params["lang"] = "en"
    at.query_params["day"] = "2022-03-02"
    at.run()
    assert not at.exception
    shown = {m.label: (m.value, m.delta) for m in at.metric}
    assert shown["Businesses closed"] == ("3", "+1")  # d2: B1 B2 B7; d1: B1 B7
    assert shown["Inspections"] == ("5", "+1")
    closed = at.dataframe[0].value
    assert closed["Business"].tolist() == ["甲一超市", "甲一饭店", "乙三饭店"]  # B2 closed d2, B1 and B7 d1
    points = map_layer(at, "businesses")["data"]
    closed_points = {p["name"] for p in points if p["status"] == "closed"}
    assert closed_points == {"甲一饭店", "乙三饭店", "甲一超市"}  # B1 B7 B2, as in the list
    assert len(points) == 8  # B9 has no position


def test_a_crowded_map_draws_plain_dots(monkeypatch, page_db):
    monkeypatch.setenv("KNOCKBOARD_DB", str(page_db))
    monkeypatch.setattr(inspections, "DETAIL_LIMIT", 5)
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params["lang"] = "en"
    at.query_params["day"] = "2022-03-02"
    at.run()
    assert not at.exception
    # d2, 8 businesses on the map: B3 B6 passed, B4 B8 not inspected yet -> plain dots without details
    assert len(map_layer(at, "businesses-pass")["data"]) == 2
    assert map_layer(at, "businesses-not_inspected")["getPosition"] == "@@=-"
    assert {p["name"] for p in map_layer(at, "businesses")["data"]} == {"甲一饭店", "甲一超市", "甲二餐馆", "乙三饭店"}
    assert any("Choose a street" in c.value for c in at.caption)


def test_article_case_on_19_march(scale1_db, monkeypatch):
    con = store.connect(scale1_db, read_only=True)
    try:
        closed = queries.run(con, "inspections_closed_on_day", scope=None, day=dt.date(2022, 3, 19), street=None)
        shown = closed[closed["address"].str.contains("城港路")]
        assert sorted(shown["name"]) == ["华熔二手车交易市场有限公司", "南通飞联汽车销售服务有限公司"]
        assert set(shown["street_id"]) == {"S14"} and set(shown["suspension_days"]) == {1}
        assert {day(v) for v in shown["closed_until"]} == {dt.date(2022, 3, 20)}
        points = queries.run(con, "inspections_business_map", scope=None, day=dt.date(2022, 3, 19), street="S14")
        assert set(points[points["closed"]]["name"]) >= set(shown["name"])
        # and the next day both are open again
        after = queries.run(con, "inspections_closed_on_day", scope=None, day=dt.date(2022, 3, 20), street="S14")
        assert not after["address"].str.contains("城港路").any()
    finally:
        con.close()
    monkeypatch.setenv("KNOCKBOARD_DB", str(scale1_db))
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params["lang"] = "zh"
    at.query_params["day"] = "2022-03-19"
    at.run()
    assert not at.exception
    listed = at.dataframe[0].value
    assert {"南通飞联汽车销售服务有限公司", "华熔二手车交易市场有限公司"} <= set(listed["商户"])
    closed_points = {p["name"] for p in map_layer(at, "businesses")["data"] if p["status"] == "closed"}
    assert {"南通飞联汽车销售服务有限公司", "华熔二手车交易市场有限公司"} <= closed_points


def test_in_english_categories_and_agencies_carry_an_english_name():
    from knockboard import inspections

    assert inspections.named("餐饮", "en") == "餐饮 catering" and inspections.named("餐饮", "zh") == "餐饮"
    assert (
        inspections.agencies_text("派出所；区卫健委", "en")
        == "派出所 police station；区卫健委 District Health Commission"
    )
    assert inspections.named("某某局", "en") == "某某局"  # not known: the Chinese name
