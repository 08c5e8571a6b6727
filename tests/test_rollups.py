"""A load rebuilds only the rollups built from the table it wrote: the result must be the same as
rebuilding every rollup."""

import re
import shutil
from pathlib import Path

import pytest

from knockboard import store
from knockboard.loading import load_file

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"


def rollup_tables() -> list[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "knockboard" / "rollups").glob("*.sql"))
    return sorted(set(re.findall(r"create or replace table (\w+)", text)))


def snapshot(con) -> dict[str, list]:
    return {t: sorted(map(repr, con.execute(f"select * from {t}").fetchall())) for t in rollup_tables()}


def test_every_rollup_file_names_its_sources():
    for path in sorted((ROOT / "knockboard" / "rollups").glob("*.sql")):
        assert path.read_text(encoding="utf-8").startswith("-- sources: "), path.name


@pytest.mark.parametrize(
    "name",
    [
        "visits_good_zh_gb18030.csv",
        "shifts_hours_zh.xlsx",
        "inspections_en.csv",
        "leads_zh.csv",
        "grids_boundaries.geojson",
        "visits_good_en_bom.csv",
        "visits_unknown_household_zh.csv",
    ],
)  # the last touches one street only
def test_a_load_leaves_the_rollups_a_full_rebuild_would(hand_db, tmp_path, name):
    copy = tmp_path / "r.duckdb"
    shutil.copy(hand_db, copy)
    con = store.connect(copy)
    before = snapshot(con)
    report = load_file(con, CORPUS / name)
    assert report.accepted > 0
    after_load = snapshot(con)
    store.refresh_rollups(con)
    assert snapshot(con) == after_load
    assert after_load != before  # the load did change some rollup
    con.close()


def test_a_corrected_visit_moved_to_another_street_updates_both(hand_db, tmp_path):
    """A corrected file restates visit V1 (street S1) at household H5 (street S2): S1 loses it, S2 gains it."""
    from knockboard.loading import load_bytes

    copy = tmp_path / "moved.duckdb"
    shutil.copy(hand_db, copy)
    con = store.connect(copy)
    data = b"visit_id,household_id,visited_at,outcome\nV1,H5,2022-03-01 09:00,met\n"
    assert load_bytes(con, data, "moved.csv").replaced == 1
    after_load = snapshot(con)
    store.refresh_rollups(con)
    assert snapshot(con) == after_load
    con.close()
