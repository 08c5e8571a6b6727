"""The demo generator: deterministic, scaled, and whole or nothing."""

from pathlib import Path

import pytest

from knockboard import store
from knockboard.demo import build_demo

TABLES = (
    "streets",
    "communities",
    "grids",
    "neighbourhoods",
    "micro_grids",
    "households",
    "visits",
    "teams",
    "volunteers",
    "shifts",
    "businesses",
    "inspections",
    "leads",
)


def fingerprint(path):
    con = store.connect(path)
    counts = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}
    visits = con.execute("""select sum(hash(visit_id || household_id || visited_at::varchar || outcome))
                            from visits""").fetchone()[0]
    con.close()
    return counts, visits


def test_demo_is_deterministic(small_demo_db, tmp_path):
    again = tmp_path / "again.duckdb"
    build_demo(again, scale=0.01)
    assert fingerprint(again) == fingerprint(small_demo_db)


def test_small_demo_keeps_the_hierarchy_whole(small_demo_db):
    counts, _ = fingerprint(small_demo_db)
    assert counts["streets"] == 16 and counts["grids"] >= 16 and counts["households"] == 4_300
    con = store.connect(small_demo_db)
    orphans = con.execute("""
        select (select count(*) from households h anti join micro_grids m using (micro_grid_id))
             + (select count(*) from visits v anti join households h using (household_id))
             + (select count(*) from micro_grids m anti join neighbourhoods n using (neighbourhood_id))
             + (select count(*) from shifts s anti join volunteers v using (volunteer_id))
             + (select count(*) from inspections i anti join businesses b using (business_id))""").fetchone()[0]
    assert orphans == 0
    derived = con.execute("""select count(*) from visits v join households h using (household_id)
        join territory t on t.micro_grid_id = h.micro_grid_id
        where v.micro_grid_id <> h.micro_grid_id or v.street_id <> t.street_id""").fetchone()[0]
    assert derived == 0
    assert store.get_meta(con, "source") == "demo" and "synthetic" in store.get_meta(con, "geography")
    con.close()


def test_boundaries_are_geojson_polygons(small_demo_db):
    import json

    con = store.connect(small_demo_db)
    grid = json.loads(con.execute("select boundary from grids limit 1").fetchone()[0])
    street = json.loads(con.execute("select boundary from streets limit 1").fetchone()[0])
    con.close()
    assert grid["type"] == "Polygon" and len(grid["coordinates"][0]) == 7
    assert street["type"] in ("Polygon", "MultiPolygon")


def test_a_failed_build_leaves_no_store(tmp_path, monkeypatch):
    import knockboard.demo as demo

    def boom(*args, **kwargs):
        raise RuntimeError("killed mid-build")

    monkeypatch.setattr(demo, "simulate_leads", boom)
    target = tmp_path / "never.duckdb"
    with pytest.raises(RuntimeError):
        build_demo(target, scale=0.01)
    assert not target.exists()


def test_cli_builds_a_demo(tmp_path):
    import subprocess
    import sys

    target = tmp_path / "cli.duckdb"
    result = subprocess.run(
        [sys.executable, "-m", "knockboard", "demo", "--scale", "0.01", "--db", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert result.returncode == 0, result.stderr
    assert target.exists() and "4,300 households" in result.stdout
    assert "100%" in result.stderr  # the progress bar


def test_the_demo_names_communities_and_grids_in_pinyin_too(small_demo_db):
    """English readers see an English/pinyin name beside the Chinese one: the demo has them."""
    import duckdb

    con = duckdb.connect(str(small_demo_db), read_only=True)
    try:
        communities = con.execute("select name_zh, name_en from communities order by community_id").fetchall()
        grids = con.execute("select name_zh, name_en from grids order by grid_id").fetchall()
    finally:
        con.close()
    assert communities[0] == ("濠西社区", "Haoxi Community") and grids[0] == ("濠西花园网格", "Haoxi Huayuan Grid")
    assert grids[1] == ("城华第1网格", "Chenghua Grid 1")  # 城 cheng, 华 hua; the grid's number kept
    assert all(en for _, en in communities + grids)
    villages = [(zh, en) for zh, en in communities if zh.endswith("村")]
    assert villages and all(en.endswith(" Village") for _, en in villages)


def test_the_demo_names_its_teams_in_english_too(small_demo_db):
    import duckdb

    con = duckdb.connect(str(small_demo_db), read_only=True)
    try:
        teams = con.execute("""select t.kind, t.name, t.name_en, g.name_en from teams t
                               left join grids g using (grid_id) order by team_id""").fetchall()
    finally:
        con.close()
    assert teams and all(en for _, _, en, _ in teams)
    grid_teams = [(zh, en, grid_en) for kind, zh, en, grid_en in teams if kind == "grid"]
    assert grid_teams[0] == (
        "濠西花园网格党员志愿服务队",
        "Haoxi Huayuan Grid Party Volunteer Team",
        "Haoxi Huayuan Grid",
    )
    assert all(en == f"{grid_en} Party Volunteer Team" for _, en, grid_en in grid_teams)
    assert {kind for kind, *_ in teams} == {"grid", "campaign", "organ", "two_new"}
