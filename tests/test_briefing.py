"""The briefing's cards and its attention list, written from the hand store's numbers (tests/fixtures.py)."""

import datetime as dt

import queries
from knockboard import briefing

D1, D3 = dt.date(2022, 3, 1), dt.date(2022, 3, 3)


def inputs(con, day, street=None):
    return dict(
        visits=queries.run(con, "knocked_daily", scope=None, start=D1, end=day, street=street),
        shifts=queries.run(con, "hours_daily", scope=None, start=D1, end=day, street=street),
        inspections=queries.run(con, "inspections_daily", scope=None, start=D1, end=day, street=street),
        leads=queries.run(con, "leads_daily", scope=None, start=D1, end=day, street=street),
    )


def test_headline_cards_with_change_and_trend(hand_con):
    cards = {c.key: c for c in briefing.headline(D3, **inputs(hand_con, D3))}
    assert (cards["knocked"].value, cards["knocked"].previous, cards["knocked"].change) == (2, 3, -1)
    assert cards["knocked"].trend == [3, 3, 2]
    assert cards["coverage"].shown() == "42.9%" and cards["coverage"].shown_change("en") == "+0.00 pt"
    assert (cards["hours"].value, cards["active_volunteers"].value) == (5, 1)
    # hours always with one decimal, counts whole
    assert (cards["hours"].shown(), cards["hours"].shown_change("en")) == ("5.0", "-4.0")
    assert (cards["knocked"].shown(), cards["knocked"].shown_change("en")) == ("2", "-1")
    assert (cards["closed_businesses"].value, cards["briefing_leads_pending_24h"].value) == (2, 1)
    assert cards["briefing_leads_pending_24h"].worse_when_up and not cards["knocked"].worse_when_up


def test_ranking_worst_first_with_rank_change(hand_con):
    table = briefing.ranking(
        queries.run(hand_con, "street_coverage", scope=None, day=dt.date(2022, 3, 2)),
        queries.run(hand_con, "street_hours", scope=None, day=dt.date(2022, 3, 2)),
        "en",
    )
    # 2 March: 乙 1/3 (was 1/3, rank 2 -> 1: fell behind), 甲 2/4 (was 1/4, rank 1 -> 2)
    assert table["Street"].tolist() == ["乙 Yi", "甲 Jia"]
    # rank 1 is the worst: 乙 moved to it (fell behind), 甲 moved away from it (improved)
    assert table["Change"].tolist() == ["▼ fell behind 1", "▲ improved 1"]
    zh = briefing.ranking(
        queries.run(hand_con, "street_coverage", scope=None, day=dt.date(2022, 3, 2)),
        queries.run(hand_con, "street_hours", scope=None, day=dt.date(2022, 3, 2)),
        "zh",
    )
    assert zh["变化"].tolist() == ["▼ 后退1位", "▲ 进步1位"]
    styles = briefing.ranking_styled(table, "en")._compute().ctx
    change_column = table.columns.get_loc("Change")
    assert styles[(0, change_column)] == [("color", "#c62828")] and styles[(1, change_column)] == [("color", "#2e7d32")]
    assert table["Coverage"].tolist() == [33.3, 50.0]
    assert table["Volunteer hours"].tolist() == [3.0, 6.0]


def test_attention_is_written_from_the_numbers(hand_con):
    data = inputs(hand_con, D3)
    items = briefing.attention(
        D3,
        queries.run(hand_con, "street_coverage", scope=None, day=D3),
        data["visits"],
        queries.run(hand_con, "stalled_grids", scope=None, day=D3, days=3, street=None),
        3,
        data["leads"],
        data["inspections"],
        0.95,
        "en",
    )
    assert items == [
        "乙 Yi: coverage 33%, lowest of 2.",
        "甲 Jia: coverage 50%, below the 95% target, 2nd lowest of 2.",
        "Households knocked fell 33% against the previous day (3 → 2).",
        "Grids not visited for 3 days or more: 1 (0 registered households); the largest: 甲一第2网格.",
        "Police big-data leads pending for more than 24 hours: 1.",
        "Businesses closed for rectification on the day: 2.",
    ]
    zh = briefing.attention(
        D3,
        queries.run(hand_con, "street_coverage", scope=None, day=D3),
        data["visits"],
        queries.run(hand_con, "stalled_grids", scope=None, day=D3, days=3, street=None),
        3,
        data["leads"],
        data["inspections"],
        0.95,
        "zh",
    )
    assert zh[0] == "乙：覆盖率 33%，2个街道中最低。"


def test_a_street_that_falls_behind_is_said_so(hand_con):
    cov = queries.run(hand_con, "street_coverage", scope=None, day=dt.date(2022, 3, 2))
    data = inputs(hand_con, dt.date(2022, 3, 2))
    items = briefing.attention(
        dt.date(2022, 3, 2), cov, data["visits"], cov.iloc[0:0], 3, data["leads"], data["inspections"], 0.95, "en"
    )
    assert items[0] == "乙 Yi: coverage 33%, lowest of 2, fell behind 1 place."


def test_a_street_briefing_ranks_its_communities(hand_con):
    from functools import partial

    b = briefing.gather(partial(queries.run, hand_con, scope=None), D3, "S1", "en", 0.95)
    # S1 has one community, C1: covered H1, H2 of 4 registered; knocked H3, H1 on 3 March; no hours that day
    table = b.ranking_table
    assert table.columns[2] == "Community"
    assert table.iloc[0].tolist()[2:] == ["甲一社区", 50.0, 0.0, 2, 0.0]
    assert b.cards[0].value == 2 and b.words[-1].startswith("2 households knocked")


def test_the_first_day_shows_no_change_since_a_day_before(hand_con):
    from functools import partial

    b = briefing.gather(partial(queries.run, hand_con, scope=None), D1, None, "en", 0.95)
    # 1 March is the hand store's first day: the daily queries fill 28 February with zeros, which is
    # no day before
    assert [c.change for c in b.cards] == [None] * 10 and all(c.shown_change("en") is None for c in b.cards)
    assert b.cards[0].value == 3 and b.cards[0].trend == [3]
    assert not [w for w in b.words if "on the day before" in w or "since the day before" in w]
    assert b.words[-1] == (
        "3 households knocked on the first day with data (no day before to compare with); coverage to date 28.6%."
    )
    assert b.ranking_table["Change"].tolist() == ["", ""] and b.ranking_table["Coverage change (pts)"].isna().all()
    assert not [a for a in b.attention if "place" in a or "fell" in a]
    # the next day has a day before
    b2 = briefing.gather(partial(queries.run, hand_con, scope=None), dt.date(2022, 3, 2), None, "en", 0.95)
    assert b2.cards[0].shown_change("en") == "+0"


def test_the_coverage_card_and_the_sentence_round_its_change_alike(hand_con):
    from functools import partial

    b = briefing.gather(partial(queries.run, hand_con, scope=None), dt.date(2022, 3, 2), None, "en", 0.95)
    # coverage 2/7 -> 3/7: +14.2857 points, shown with two decimals in both places
    coverage = next(c for c in b.cards if c.key == "coverage")
    assert coverage.shown_change("en") == "+14.29 pt"
    assert b.words[-1].endswith("coverage to date 42.9% (+14.29 pt).")
    zh = briefing.gather(partial(queries.run, hand_con, scope=None), dt.date(2022, 3, 2), None, "zh", 0.95)
    assert zh.cards[1].shown_change("zh") == "+14.29 个百分点" and "（+14.29 个百分点）" in zh.words[-1]
