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
    assert cards["coverage"].shown() == "42.9%" and cards["coverage"].shown_change("en") == "+0.0 pt"
    assert (cards["hours"].value, cards["active_volunteers"].value) == (5, 1)
    assert (cards["closed_businesses"].value, cards["leads_pending_24h"].value) == (2, 1)
    assert cards["leads_pending_24h"].worse_when_up and not cards["knocked"].worse_when_up


def test_ranking_worst_first_with_rank_change(hand_con):
    table = briefing.ranking(queries.run(hand_con, "street_coverage", scope=None, day=dt.date(2022, 3, 2)),
                             queries.run(hand_con, "street_hours", scope=None, day=dt.date(2022, 3, 2)), "en")
    # 2 March: 乙 1/3 (was 1/3, rank 2 -> 1: fell behind), 甲 2/4 (was 1/4, rank 1 -> 2)
    assert table["Street"].tolist() == ["乙 Yi", "甲 Jia"]
    assert table["Change"].tolist() == ["▲1", "▼1"]
    assert table["Coverage"].tolist() == [33.3, 50.0]
    assert table["Volunteer hours"].tolist() == [3.0, 6.0]


def test_attention_is_written_from_the_numbers(hand_con):
    data = inputs(hand_con, D3)
    items = briefing.attention(D3, queries.run(hand_con, "street_coverage", scope=None, day=D3), data["visits"],
                               queries.run(hand_con, "stalled_grids", scope=None, day=D3, days=3, street=None), 3,
                               data["leads"], data["inspections"], 0.95, "en")
    assert items == [
        "乙 Yi: coverage 33%, lowest of 2.",
        "甲 Jia: coverage 50%, below the 95% target, 2nd lowest of 2.",
        "Households knocked fell 33% against the previous day (3 → 2).",
        "Grids not visited for 3 days or more: 1 (0 registered households); the largest: 甲一第2网格.",
        "Police big-data leads pending for more than 24 hours: 1.",
        "Businesses closed for rectification on the day: 2.",
    ]
    zh = briefing.attention(D3, queries.run(hand_con, "street_coverage", scope=None, day=D3), data["visits"],
                            queries.run(hand_con, "stalled_grids", scope=None, day=D3, days=3, street=None), 3,
                            data["leads"], data["inspections"], 0.95, "zh")
    assert zh[0] == "乙：覆盖率 33%，2个街道中最低。"


def test_a_street_that_falls_behind_is_said_so(hand_con):
    cov = queries.run(hand_con, "street_coverage", scope=None, day=dt.date(2022, 3, 2))
    data = inputs(hand_con, dt.date(2022, 3, 2))
    items = briefing.attention(dt.date(2022, 3, 2), cov, data["visits"], cov.iloc[0:0], 3, data["leads"],
                               data["inspections"], 0.95, "en")
    assert items[0] == "乙 Yi: coverage 33%, lowest of 2, down 1 place."


def test_a_street_briefing_ranks_its_communities(hand_con):
    from functools import partial
    b = briefing.gather(partial(queries.run, hand_con, scope=None), D3, "S1", "en", 0.95)
    # S1 has one community, C1: covered H1, H2 of 4 registered; knocked H3, H1 on 3 March; no hours that day
    table = b.ranking_table
    assert table.columns[2] == "Community"
    assert table.iloc[0].tolist()[2:] == ["甲一社区", 50.0, 0.0, 2, 0.0]
    assert b.cards[0].value == 2 and b.words[-1].startswith("2 households knocked")
