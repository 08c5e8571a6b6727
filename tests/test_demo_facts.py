"""The scale-1 demo reproduces every fact of DESIGN.md (and the article) exactly."""

import pytest

from knockboard import store


@pytest.fixture(scope="module")
def con(scale1_db):
    con = store.connect(scale1_db)
    yield con
    con.close()


def one(con, sql, *params):
    return con.execute(sql, list(params)).fetchone()[0]


@pytest.mark.parametrize(
    "table, count",
    [
        ("streets", 16),
        ("grids", 806),
        ("neighbourhoods", 1_595),
        ("micro_grids", 14_277),
        ("teams", 1_061),
    ],
)
def test_territory_and_teams(con, table, count):
    assert one(con, f"select count(*) from {table}") == count


def test_about_430000_households(con):
    households = one(con, "select count(*) from households")
    assert 420_000 <= households <= 440_000
    assert one(con, "select sum(registered_households) from micro_grids") == households


def test_eight_post_categories_in_use(con):
    assert one(con, "select count(distinct post_category) from shifts") == 8


def test_more_than_10000_party_members_on_duty(con):
    assert (
        one(
            con,
            """select count(distinct volunteer_id) from shifts
                       join volunteers using (volunteer_id) where is_party_member""",
        )
        > 10_000
    )


def test_889_organ_members_with_more_than_30000_hours(con):
    assert one(con, "select count(*) from volunteers where org_type = 'organ'") == 889
    assert (
        one(
            con,
            """select count(distinct volunteer_id) from shifts
                       join volunteers using (volunteer_id) where org_type = 'organ'""",
        )
        == 889
    )
    assert (
        one(
            con,
            """select sum(hours) from shifts join volunteers using (volunteer_id)
                       where org_type = 'organ'""",
        )
        > 30_000
    )


def test_leads_387300_received_21100_valid(con):
    assert one(con, "select count(*) from leads where received_at >= '2022-02-01'") == 387_300
    assert one(con, "select count(*) from leads where status = 'valid'") == 21_100


def test_two_chenggang_road_businesses_suspended_one_day_on_19_march(con):
    rows = con.execute("""
        select b.name, i.suspension_days, i.reopened_on::varchar, b.street_id
        from inspections i join businesses b using (business_id)
        where i.outcome = 'suspended' and i.inspected_on = '2022-03-19' and b.address like '%城港路%'
        order by b.name""").fetchall()
    assert rows == [
        ("华熔二手车交易市场有限公司", 1, "2022-03-20", "S14"),
        ("南通飞联汽车销售服务有限公司", 1, "2022-03-20", "S14"),
    ]
    assert one(con, "select name_zh from streets where street_id = 'S14'") == "永兴"


def test_a_grid_secretary_knocked_325_households_in_a_day(con):
    busiest = con.execute("""
        select worker_id, visit_day, count(distinct household_id) as n from visits
        group by all order by n desc limit 2""").fetchall()
    assert busiest[0][2] == 325 and busiest[1][2] < 325
    assert one(con, "select name from workers where worker_id = ?", busiest[0][0]) == "张燕"


def test_campaign_runs_1_february_to_22_march_2022(con):
    assert con.execute("select min(visit_day)::varchar, max(visit_day)::varchar from visits").fetchone() == (
        "2022-02-01",
        "2022-03-22",
    )


def test_looks_like_a_real_campaign(con):
    """Lagging streets and gap grids are planted, and Sundays are quieter."""
    worst = con.execute("""
        select s.name_en from roll_visits_street_day r join streets s using (street_id)
        join registered_by_street g using (street_id)
        group by s.name_en order by sum(r.newly_covered) / any_value(g.registered) limit 3""").fetchall()
    assert {w[0] for w in worst} == {"Langshanzhen", "Tianshenggangzhen", "Chenqiao"}
    stalled = one(
        con,
        """select count(*) from (select grid_id, max(day) last from roll_visits_grid_day
                          group by grid_id) where last <= date '2022-03-19'""",
    )
    assert 24 <= stalled <= 60
    sunday, weekday = con.execute("""
        select avg(knocked) filter (where dayofweek(day) = 0), avg(knocked) filter (where dayofweek(day) between 1 and 5)
        from (select day, sum(knocked) knocked from roll_visits_street_day group by day)""").fetchone()
    assert sunday < 0.85 * weekday
    backlog = one(con, "select count(*) from household_status where first_covered_day is null")
    assert 2_000 < backlog < 30_000
