"""The hand store of tests/fixtures.py plus a third street built for the gap and backlog queries,
every answer worked out by hand (tests/test_gaps.py).

Street S3 (丙) has community C3 (丙一社区) with one grid G4 (丙一第1网格) and four micro-grids:
- M4: 20 registered (H101-H120). H101-H118 met on d1 at 10:00; H119, H120 never visited.
- M5: 20 registered (H201-H220). H201-H218 met on d2 at 19:00; H219 not home on d1 at 14:00 and on
  d3 at 16:00; H220 refused on d2 at 18:30. Backlog on d3: H219 (2 attempts), H220 (1).
- M6: no registered households, never visited.
- M7: 10 registered (H301-H310), all met on d1 at 09:00.
G4: 50 registered, 46 covered (missing 4, coverage 92 %); door-to-door shift on d3: 2 hours.
"""

from pathlib import Path

import pytest

from knockboard import store
from tests.fixtures import D1, D2, D3, build_hand_store

STREET_S3 = """
insert into streets (street_id, name_zh, name_en, lat, lon, boundary) values ('S3', '丙', 'Bing', 32.2, 121.0, null);
insert into communities (community_id, street_id, name_zh, name_en, kind) values ('C3', 'S3', '丙一社区', null, 'community');
insert into grids (grid_id, community_id, name_zh, name_en, lat, lon, boundary) values ('G4', 'C3', '丙一第1网格', null, 32.2, 121.0,
    '{"type":"Polygon","coordinates":[[[121.0,32.2],[121.01,32.2],[121.01,32.21],[121.0,32.2]]]}');
insert into neighbourhoods (neighbourhood_id, grid_id, name_zh) values ('N4', 'G4', '邻里4');
insert into micro_grids (micro_grid_id, neighbourhood_id, name_zh, registered_households, lat, lon, boundary) values ('M4', 'N4', '微网格4', 20, 32.2, 121.0, null),
                               ('M5', 'N4', '微网格5', 20, 32.2, 121.001, null),
                               ('M6', 'N4', '微网格6', 0, 32.2, 121.002, null),
                               ('M7', 'N4', '微网格7', 10, 32.2, 121.003, null);
insert into shifts (shift_id, volunteer_id, shift_date, hours, post_category, grid_id, street_id) values ('F5', 'P2', '2022-03-03', 2, 'door_to_door', 'G4', 'S3');
"""


def _households() -> list[tuple]:
    rows = [(f"H{100 + i}", "M4", f"丙一小区{i}幢101室", 2) for i in range(1, 21)]
    rows += [(f"H{200 + i}", "M5", f"丙一小区{i}幢502室", 3) for i in range(1, 20)]
    rows.append(("H220", "M5", "丙一村20号", 1))
    rows += [(f"H{300 + i}", "M7", f"丙二小区{i}幢1单元301室", 2) for i in range(1, 11)]
    return rows


def _visits() -> list[tuple]:
    def visit(n, hh, day, time, outcome, mg):
        return (
            f"VS{n}",
            hh,
            f"{day} {time}",
            "W4",
            outcome,
            1 if outcome == "met" else 0,
            False,
            "green" if outcome == "met" else None,
            False,
            day,
            mg,
            "S3",
        )

    rows = [visit(i, f"H{100 + i}", D1, "10:00", "met", "M4") for i in range(1, 19)]
    rows += [visit(100 + i, f"H{200 + i}", D2, "19:00", "met", "M5") for i in range(1, 19)]
    rows += [
        visit(201, "H219", D1, "14:00", "not_home", "M5"),
        visit(202, "H219", D3, "16:00", "not_home", "M5"),
        visit(203, "H220", D2, "18:30", "refused", "M5"),
    ]
    rows += [visit(300 + i, f"H{300 + i}", D1, "09:00", "met", "M7") for i in range(1, 11)]
    return rows


def build_gaps_store(path: Path) -> Path:
    build_hand_store(path)
    con = store.connect(path)
    con.execute(STREET_S3)
    con.executemany(
        "insert into households (household_id, micro_grid_id, address, residents) values (?, ?, ?, ?)", _households()
    )
    con.executemany(
        "insert into visits (visit_id, household_id, visited_at, worker_id, outcome, residents_seen, returned_from_outside, health_code, needs_followup, visit_day, micro_grid_id, street_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        _visits(),
    )
    store.refresh_rollups(con)
    con.close()
    return path


@pytest.fixture(scope="session")
def gaps_db(tmp_path_factory) -> Path:
    return build_gaps_store(tmp_path_factory.mktemp("gaps") / "gaps.duckdb")


@pytest.fixture(scope="session")
def gaps_con(gaps_db):
    con = store.connect(gaps_db)
    yield con
    con.close()
