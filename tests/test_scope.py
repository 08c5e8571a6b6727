"""Street scope: every named query takes $scope (a street, or null for the district), and a
street-scoped user never gets another street's data from any of them, whatever else they pass.

A generic harness runs every query on small hand-built stores with two streets (and a third, S3, in
the gaps store), scoped to one street, and checks what comes back: every id in the result belongs to
that street, a scoped query reads as the same query filtered by street, and pointing a query at the
other street (street, community, grid ...) gives what a street with no data gives. A few hand-worked
answers follow.
"""

import datetime as dt
import itertools
from pathlib import Path

import pandas as pd
import pytest

import queries
from knockboard import store
from knockboard.briefing_export import BriefingError, build
from tests.fixtures import D1, D2, add_rows, build_hand_store
from tests.fixtures_gaps import build_gaps_store
from tests.fixtures_inspections import build_casework_store
from tests.fixtures_people import build_people_store
from tests.helpers import rows

SCOPED = sorted(queries.QUERIES)

DAY1, DAY2, DAY3, DAY4 = (dt.date(2022, 3, d) for d in (1, 2, 3, 4))

# Values of the parameters that do not point into the territory. A query with a parameter missing
# here fails the harness: add a realistic value for it.
VALUES = {
    "day": DAY3,
    "start": DAY1,
    "end": DAY4,
    "threshold": 0.95,
    "days": 2,
    "by_coverage": True,
    "by_days": True,
    "by_backlog": True,
    "backlog_min": 1,
    "backlog_share": 0,
    "limit": 100,
    "bin": 2.0,
    "benchmark": 2,
    "minutes": 600,
    "doors": 1,
    "min_doors": 1,
}

# Parameters that point into the territory, with a value inside each street of the stores and one
# that points nowhere (a street with no data). The harness sets each to None, to the scope's street
# or to the other street.
POINTERS = {
    "S1": {"street": "S1", "community": "C1", "grid": "G1", "micro_grid": "M1", "area": "G1", "grids": ["G1", "G2"]},
    "S2": {"street": "S2", "community": "C2", "grid": "G3", "micro_grid": "M3", "area": "M3", "grids": ["G3"]},
}
NOWHERE = {"street": "S99", "community": "C99", "grid": "G99", "micro_grid": "M99", "area": "G99", "grids": []}

# Things with no known street: left out of every scoped result.
UNPLACED = f"""
insert into businesses (business_id, name, category, address, lat, lon, grid_id, street_id) values ('B10', '无址商店', '餐饮', null, 32.05, 120.85, null, null);
insert into inspections (inspection_id, business_id, inspected_on, agencies, findings, outcome, suspension_days, reopened_on, street_id) values ('I13', 'B10', '{D2}', '派出所', '未验码', 'suspended', 3, null, null);
insert into teams (team_id, grid_id, street_id, name, kind, name_en) values ('T9', null, null, '区机关党员志愿服务队', 'organ', null);
insert into volunteers (volunteer_id, name, team_id, org_type, is_party_member, retired, joined_on) values ('P9', '钱多', 'T9', 'organ', true, false, '{D1}');
insert into shifts (shift_id, volunteer_id, shift_date, hours, post_category, grid_id, street_id) values ('F9', 'P9', '{D2}', 2, 'publicity', null, null);
insert into workers (worker_id, name, role, micro_grid_id) values ('W9', null, 'volunteer', null);
"""

# Which street(s) each kind of id belongs to, read from the store. A worker or volunteer belongs to
# their own street and to every street where they worked.
OWNERS = {
    "street_id": "select street_id, street_id from streets",
    "community_id": "select community_id, street_id from communities",
    "grid_id": "select grid_id, street_id from registered_by_grid",
    "neighbourhood_id": "select neighbourhood_id, street_id from territory",
    "micro_grid_id": "select micro_grid_id, street_id from territory",
    "household_id": "select h.household_id, t.street_id from households h join territory t using (micro_grid_id)",
    "business_id": "select business_id, street_id from businesses",
    "inspection_id": "select inspection_id, street_id from inspections",
    "lead_id": "select lead_id, street_id from leads",
    "team_id": "select team_id, street_id from teams",
    "volunteer_id": """select v.volunteer_id, t.street_id from volunteers v left join teams t using (team_id)
                       union all select volunteer_id, street_id from shifts""",
    "worker_id": """select worker_id, street_id from worker_home
                    union all select worker_id, street_id from roll_worker_street_day""",
    "import_id": "select import_id, street_id from imports",
    "unit_id": "select street_id, street_id from streets union all select grid_id, street_id from registered_by_grid",
}


def _build_unplaced_store(path: Path) -> Path:
    return add_rows(build_casework_store(path), UNPLACED)


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """The hand store with people (workers, volunteers), with casework (inspections, leads) and things
    of no street, and with a third street (gaps): each a connection and its id owners."""
    builders = {"people": build_people_store, "casework": _build_unplaced_store, "gaps": build_gaps_store}
    opened = {}
    for name, builder in builders.items():
        con = store.connect(builder(tmp_path_factory.mktemp(f"scope-{name}") / f"{name}.duckdb"))
        owners = {}
        for column, sql in OWNERS.items():
            owners[column] = {}
            for unit, street in con.execute(sql).fetchall():
                owners[column].setdefault(unit, set()).add(street)
        opened[name] = (con, owners)
    yield opened
    for con, _ in opened.values():
        con.close()


def pointers_of(name: str) -> list[str]:
    """The query's parameters that point into the territory; fails on a parameter the harness has
    no value for, so that a new query (or parameter) gets one."""
    query = queries.get(name)
    unknown = [p for p in query.params if p != "scope" and p not in VALUES and p not in NOWHERE]
    if unknown:
        pytest.fail(
            f"{name}: the scope harness has no value for {unknown}: add one to VALUES or POINTERS "
            f"in tests/test_scope.py"
        )
    return [p for p in query.params if p in NOWHERE]


def run(con, name: str, scope: str | None, pointed: dict) -> pd.DataFrame:
    query = queries.get(name)
    params = {p: VALUES[p] for p in query.params if p in VALUES}
    params.update(pointed)
    return queries.run(con, name, scope=scope, **params)


def id_columns(name: str, df: pd.DataFrame) -> list[str]:
    columns = [c for c in df.columns if c.endswith("_id")]
    unknown = [c for c in columns if c not in OWNERS]
    if unknown:
        pytest.fail(f"{name}: the scope harness does not know whose id {unknown} is: add it to OWNERS")
    return columns


def check_ids_belong(name: str, df: pd.DataFrame, owners: dict, street: str, context: str) -> None:
    for column in id_columns(name, df):
        for value in df[column].dropna().unique():
            belongs = owners[column].get(value, set())
            assert street in belongs, (
                f"{name} {context}: {column} {value} belongs to {sorted(belongs, key=str)}, not to the scope {street}"
            )


def check_same(name: str, got: pd.DataFrame, expected: pd.DataFrame, context: str) -> None:
    try:
        pd.testing.assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True))
    except AssertionError as error:
        raise AssertionError(f"{name} {context}:\n{got}\n!=\n{expected}\n{error}") from None


@pytest.mark.parametrize("name", SCOPED)
def test_query_declares_scope(name):
    assert "scope" in queries.get(name).params, f"{name} does not take $scope"


@pytest.mark.parametrize("name", SCOPED)
def test_scope_keeps_other_streets_out(name, stores):
    assert "scope" in queries.get(name).params, f"{name} does not take $scope"
    pointers = pointers_of(name)
    for store_name, (con, owners) in stores.items():
        for mine, other in (("S1", "S2"), ("S2", "S1")):
            where = f"on the {store_name} store, scope {mine}"
            # every id that comes back belongs to the scope, whatever the pointers say
            for choice in itertools.product((None, mine, other), repeat=len(pointers)):
                pointed = {p: (POINTERS[c][p] if c else None) for p, c in zip(pointers, choice)}
                df = run(con, name, mine, pointed)
                check_ids_belong(name, df, owners, mine, f"{where}, {pointed}")
            if not pointers:
                continue
            # pointed at the scope's own street, the scope changes nothing
            own = {p: POINTERS[mine][p] for p in pointers}
            check_same(name, run(con, name, mine, own), run(con, name, None, own), f"{where}, {own}")
            # pointed at the other street (one pointer, or all), it reads like a street with no data
            for aimed in [[p] for p in pointers] + ([pointers] if len(pointers) > 1 else []):
                at_other = {p: (POINTERS[other][p] if p in aimed else None) for p in pointers}
                at_nowhere = {p: (NOWHERE[p] if p in aimed else None) for p in pointers}
                check_same(
                    name,
                    run(con, name, mine, at_other),
                    run(con, name, None, at_nowhere),
                    f"{where}, {at_other} (expected as {at_nowhere} unscoped)",
                )
            # a totals-only query: the street's totals are the scope's
            df = run(con, name, mine, {p: None for p in pointers})
            if "street" in pointers and not id_columns(name, df):
                by_street = {p: (mine if p == "street" else None) for p in pointers}
                check_same(name, df, run(con, name, None, by_street), f"{where}, street None (expected as {by_street})")


# ---------------------------------------------------------------- hand-worked answers (tests/fixtures.py)


def test_street_coverage_in_scope_is_the_street_alone(hand_con):
    df = queries.run(hand_con, "street_coverage", day=DAY2, scope="S1")
    # d2: S1 covered H1 (d1) and H2 (d2) of 4 registered; knocked H2, H3 on d2 and H1, H2 on d1
    assert rows(
        df,
        "street_id",
        "registered",
        "covered",
        "covered_prev",
        "knocked",
        "knocked_prev",
        "coverage",
        "coverage_rank",
        "coverage_rank_prev",
    ) == [("S1", 4, 2, 1, 2, 2, 0.5, 1, 1)]


def test_knocked_daily_in_scope_is_the_street(hand_con):
    df = queries.run(hand_con, "knocked_daily", start=DAY1, end=DAY4, street=None, scope="S1")
    # S1: d1 H1 met, H2 not home twice; d2 H2 met, H3 refused; d3 H3 not home, H1 met
    assert rows(df, "knocked", "visits", "first_visits", "newly_covered", "covered_to_date", "registered") == [
        (2, 3, 2, 1, 1, 4),
        (2, 2, 1, 1, 2, 4),
        (2, 2, 0, 0, 2, 4),
        (0, 0, 0, 0, 2, 4),
    ]
    # another street than the scope: nothing of it
    other = queries.run(hand_con, "knocked_daily", start=DAY1, end=DAY4, street="S2", scope="S1")
    assert other[["knocked", "visits", "covered_to_date", "registered"]].to_numpy().sum() == 0


def test_territory_in_scope(hand_con):
    assert queries.run(hand_con, "streets", scope="S1")["street_id"].tolist() == ["S1"]
    assert len(queries.run(hand_con, "streets", scope=None)) == 2
    assert queries.run(hand_con, "street_shapes", scope="S2")["street_id"].tolist() == ["S2"]
    # S1: community C1, grids G1 and G2, micro-grids M1 and M2
    assert rows(
        queries.run(hand_con, "territory_size", scope="S1"), "streets", "communities", "grids", "micro_grids"
    ) == [(1, 1, 2, 2)]
    assert queries.run(hand_con, "area_path", area="M3", scope="S1").empty
    assert queries.run(hand_con, "area_path", area="M3", scope="S2")["street_id"].tolist() == ["S2"]


def test_data_days_in_scope(tmp_path):
    # the hand store, plus S2 data on later days, each kind on a day of its own
    con = store.connect(build_hand_store(tmp_path / "later.duckdb"))
    con.execute("""
        insert into shifts (shift_id, volunteer_id, shift_date, hours, post_category, grid_id, street_id) values ('F99', 'P2', '2022-03-10', 1, 'checkpoint', 'G3', 'S2');
        insert into inspections (inspection_id, business_id, inspected_on, agencies, findings, outcome, suspension_days, reopened_on, street_id) values ('I99', 'B3', '2022-03-11', '区商务局', null, 'pass', null, null, 'S2');
        insert into leads (lead_id, received_at, street_id, kind, status, verified_at) values ('L99', '2022-03-12 10:00', 'S2', 'companion', 'pending', null);
        insert into visits (visit_id, household_id, visited_at, worker_id, outcome, residents_seen, returned_from_outside, health_code, needs_followup, visit_day, micro_grid_id, street_id) values ('V99', 'H6', '2022-03-13 10:00', 'W3', 'met', 1, false, 'green', false,
                                   '2022-03-13', 'M3', 'S2');
    """)
    store.refresh_rollups(con)

    def days(scope):
        row = queries.run(con, "data_days", scope=scope).iloc[0]
        return tuple(None if pd.isna(row[c]) else row[c].date() for c in ("first_day", "latest_day"))

    try:
        assert days(None) == days("S2") == (DAY1, dt.date(2022, 3, 13))
        assert days("S1") == (DAY1, DAY3)  # none of S2's later days
        assert days("S99") == (None, None)
    finally:
        con.close()


def test_hours_in_scope_count_where_shifts_were_worked(hand_con):
    # S1: F1 F2 by P1 on d2 (6 h); S2: F3 by P2 on d2, F4 on d3
    df = queries.run(hand_con, "hours_daily", start=DAY1, end=DAY3, street=None, scope="S1")
    assert rows(df, "hours", "active_volunteers", "shifts") == [(0, 0, 0), (6, 1, 2), (0, 0, 0)]
    assert queries.run(hand_con, "street_hours", day=DAY3, scope="S2")[
        ["street_id", "hours", "hours_prev"]
    ].values.tolist() == [["S2", 5, 3]]


def test_backlog_households_marks_the_address_personal():
    text = (Path(queries.HERE) / "gaps.sql").read_text(encoding="utf-8")
    assert "-- name: backlog_households\n-- personal: address\n" in text


def test_briefing_export_in_scope(hand_con):
    html, day = build(hand_con, None, None, "en", scope="S1")
    assert day == DAY3
    # a street head's briefing is their street's: its communities ranked, no other street named
    assert "甲一社区" in html and "Jia" in html
    assert "乙" not in html
    assert build(hand_con, None, "S1", "en", scope="S1")[0].count("甲一社区") == html.count("甲一社区")
    with pytest.raises(BriefingError) as refused:
        build(hand_con, None, "S2", "en", scope="S1")
    assert refused.value.code == "not_permitted"


# ---------------------------------------------------------------- personal data only where declared

PERSONAL_VALUES = """select address from households where address is not null
                     union select name from volunteers where name is not null
                     union select name from workers where name is not null"""


@pytest.mark.parametrize("name", SCOPED)
def test_personal_data_comes_back_only_in_declared_columns(name, stores):
    """A household's address or a person's name in a result column the query does not declare
    `-- personal:` would reach every user unmasked (app.Context.q masks only declared columns)."""
    pointers = pointers_of(name)
    declared = set(queries.get(name).personal)
    for store_name, (con, _) in stores.items():
        personal = {value for (value,) in con.execute(PERSONAL_VALUES).fetchall()}
        assert personal, f"the {store_name} store has no personal data to look for"
        for street in ("S1", "S2"):
            df = run(con, name, None, {p: POINTERS[street][p] for p in pointers})
            for column in df.columns.difference(list(declared)):
                leaked = set(df[column].dropna().astype(str)) & personal
                assert not leaked, (
                    f"{name} on the {store_name} store returns personal data in {column!r} "
                    f"({sorted(leaked)[:3]}): declare it with `-- personal: {column}`"
                )
