"""The coverage map: its queries on the hand store plus street S3 (tests/fixtures_gaps.py, answers by
hand), the drill-down and shape logic, the pydeck layers, and the page under AppTest."""

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import queries
from knockboard import coverage_map, coverage_map_layers, store
from tests import helpers
from tests.fixtures_gaps import gaps_con, gaps_db  # noqa: F401 (pytest fixtures)
from tests.helpers import rows

ROOT = Path(__file__).resolve().parent.parent
PAGE = str(ROOT / "pages" / "coverage_map.py")
D1, D2, D3 = (dt.date(2022, 3, d) for d in (1, 2, 3))


def fetch(db, sql):
    """Facts from a demo store the app may hold open in this process (same configuration)."""
    con = store.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


# ---------------------------------------------------------------- queries


def test_coverage_grids_worst_first_and_zero_households(gaps_con):
    # d3: G3 1/3, G1 2/4, G4 46/50, G2 no households (last). Knocked on d3: G1 H3 H1, G4 H219.
    df = queries.run(gaps_con, "coverage_grids", scope=None, day=D3, street=None, community=None)
    assert rows(df, "grid_id", "registered", "covered", "missing", "knocked", "days_since") == [
        ("G3", 3, 1, 2, 0, 1),
        ("G1", 4, 2, 2, 2, 0),
        ("G4", 50, 46, 4, 1, 0),
        ("G2", 0, 0, 0, 0, None),
    ]
    assert df["coverage"].round(4).tolist()[:3] == [round(1 / 3, 4), 0.5, 0.92]
    assert pd.isna(df["coverage"].iloc[3]) and pd.isna(df["last_day"].iloc[3])
    s1 = queries.run(gaps_con, "coverage_grids", scope=None, day=D3, street="S1", community=None)
    assert s1["grid_id"].tolist() == ["G1", "G2"]
    # d1: G4 28/50 (M4 18 + M7 10), G1 1/4
    df = queries.run(gaps_con, "coverage_grids", scope=None, day=D1, street=None, community="C3")
    assert rows(df, "grid_id", "covered", "missing") == [("G4", 28, 22)]


def test_coverage_communities(gaps_con):
    # d3: C2 1/3, C1 2/4 (2 grids: G1, G2), C3 46/50; labels at the mean of their grids' centroids
    df = queries.run(gaps_con, "coverage_communities", scope=None, day=D3, street=None)
    assert rows(df, "community_id", "grids", "registered", "covered", "missing") == [
        ("C2", 1, 3, 1, 2),
        ("C1", 2, 4, 2, 2),
        ("C3", 1, 50, 46, 4),
    ]
    assert df.set_index("community_id").loc["C1", "lon"] == pytest.approx(120.805)
    assert queries.run(gaps_con, "coverage_communities", scope=None, day=D3, street="S2")["community_id"].tolist() == [
        "C2"
    ]


def test_coverage_micro_grids(gaps_con):
    # G4 on d3: M4 18/20, M5 18/20 (backlog H219, H220), M7 10/10, M6 no households
    df = queries.run(gaps_con, "coverage_micro_grids", scope=None, day=D3, grid="G4")
    assert rows(df, "micro_grid_id", "registered", "covered", "missing", "backlog", "last_day") == [
        ("M4", 20, 18, 2, 0, pd.Timestamp(D1)),
        ("M5", 20, 18, 2, 2, pd.Timestamp(D3)),
        ("M7", 10, 10, 0, 0, pd.Timestamp(D1)),
        ("M6", 0, 0, 0, 0, None),
    ]
    assert pd.isna(df["coverage"].iloc[3])


def test_area_coverage_over_time(gaps_con):
    # C3: 28 covered on d1, 46 on d2 and d3, of 50
    df = queries.run(gaps_con, "area_coverage_daily", scope=None, start=D1, end=D3, community="C3", grid=None)
    assert rows(df, "covered_to_date", "registered") == [(28, 50), (46, 50), (46, 50)]
    assert df["coverage"].tolist() == [0.56, 0.92, 0.92]
    # G2 has no registered households: coverage stays null, no division by zero
    df = queries.run(gaps_con, "area_coverage_daily", scope=None, start=D1, end=D3, community=None, grid="G2")
    assert df["coverage"].isna().all() and df["covered_to_date"].tolist() == [0, 0, 0]
    # from d2 on, the days before count: G1 covered H1 on d1, H2 on d2
    df = queries.run(gaps_con, "area_coverage_daily", scope=None, start=D2, end=D3, community=None, grid="G1")
    assert df["covered_to_date"].tolist() == [2, 2]


def test_micro_grid_coverage_over_time(gaps_con):
    df = queries.run(gaps_con, "micro_grid_coverage_daily", scope=None, start=D1, end=D3, grid="G4", micro_grid="M5")
    assert rows(df, "covered_to_date", "registered") == [(0, 20), (18, 20), (18, 20)]
    df = queries.run(gaps_con, "micro_grid_coverage_daily", scope=None, start=D1, end=D3, grid="G4", micro_grid="M6")
    assert df["coverage"].isna().all()


def test_area_path(gaps_con):
    hit = queries.run(gaps_con, "area_path", scope=None, area="M5")
    assert rows(hit, "level", "street_id", "community_id", "grid_id", "micro_grid_id", "grid_name_zh") == [
        ("micro_grid", "S3", "C3", "G4", "M5", "丙一第1网格")
    ]
    assert queries.run(gaps_con, "area_path", scope=None, area="G2")["level"].tolist() == ["grid"]
    assert rows(queries.run(gaps_con, "area_path", scope=None, area="C1"), "level", "grid_id") == [("community", None)]
    assert queries.run(gaps_con, "area_path", scope=None, area="S1").empty  # streets are the shell's
    assert queries.run(gaps_con, "area_path", scope=None, area="' or 1=1 --").empty


def test_street_coverage_gains_last_day_and_missing(gaps_con):
    df = queries.run(gaps_con, "street_coverage", scope=None, day=D3).set_index("street_id")
    assert df.loc["S2", "last_day"] == pd.Timestamp(D2) and df.loc["S3", "last_day"] == pd.Timestamp(D3)
    assert df["missing"].to_dict() == {"S2": 2, "S1": 2, "S3": 4}


def test_territory_size(gaps_con):
    assert rows(
        queries.run(gaps_con, "territory_size", scope=None), "streets", "communities", "grids", "micro_grids"
    ) == [(3, 3, 4, 7)]


# ---------------------------------------------------------------- logic


def test_resolve_keeps_the_area_inside_the_street(gaps_con):
    found = queries.run(gaps_con, "area_path", scope=None, area="M5")
    path = coverage_map.resolve(found, None)
    assert (path.level, path.street_id, path.area) == ("micro_grid", "S3", "M5")
    assert coverage_map.resolve(found, "S3").area == "M5"
    other = coverage_map.resolve(found, "S1")  # the street wins over an area outside it
    assert (other.level, other.street_id, other.area) == ("street", "S1", None)
    assert coverage_map.resolve(pd.DataFrame(), None).level == "district"


def test_breadcrumb(gaps_con):
    path = coverage_map.resolve(queries.run(gaps_con, "area_path", scope=None, area="G4"), "S3")
    crumbs = coverage_map.breadcrumb(path, lambda s: {"S3": "丙 Bing"}[s], "en")
    assert [(c.label, c.street, c.area, c.current) for c in crumbs] == [
        ("Whole district", None, None, False),
        ("丙 Bing", "S3", None, False),
        ("丙一社区", "S3", "C3", False),
        ("丙一第1网格", "S3", "G4", True),
    ]


def test_colours_follow_the_target():
    low, mid, near, reached = (b[1] for b in coverage_map.bins(0.95))
    assert coverage_map.colour(0.5, 0.95) == low and coverage_map.colour(0.80, 0.95) == mid
    assert coverage_map.colour(0.92, 0.95) == near and coverage_map.colour(0.95, 0.95) == reached
    assert (
        coverage_map.colour(19 / 20, 0.95) == reached and coverage_map.colour(None, 0.95) == coverage_map.NO_HOUSEHOLDS
    )
    words = [w for _, w in coverage_map.legend(0.95, "en")]
    assert words == [
        "below 80%",
        "80% – 90%",
        "90% – 95%, just short of the target",
        "95% or more: target reached",
        "no households",
    ]
    assert [w for _, w in coverage_map.legend(0.95, "zh")][-1] == "无登记户"


def test_shapes_tooltips_and_clicks(gaps_con):
    units = queries.run(gaps_con, "coverage_grids", scope=None, day=D3, street=None, community=None)
    shapes = coverage_map.shapes(units, "grid_id", "name_zh", 0.95, "en", "street_id", "community_id")
    by_id = {s["id"]: s for s in shapes}
    # only G4 has a boundary: the others are dots at their centroid
    assert by_id["G4"]["polygon"][0][0] == [121.0, 32.2] and by_id["G1"]["polygon"] == []
    assert by_id["G2"]["coverage_text"] == "no households" and by_id["G2"]["last_visit"] == "never"
    assert by_id["G4"]["households_text"] == "46 / 50" and by_id["G4"]["coverage_text"] == "92.0%"
    assert (by_id["G4"]["next_street"], by_id["G4"]["next_area"]) == ("S3", "C3")
    assert by_id["G2"]["fill"][:3] == list(coverage_map.NO_HOUSEHOLDS)
    view = coverage_map.view(shapes)
    assert 32.0 <= view["latitude"] <= 32.21 and 8 <= view["zoom"] <= 17


def test_multipolygons_and_bad_boundaries():
    square = [[[0, 0], [1, 0], [1, 1], [0, 0]]]
    assert coverage_map.polygons(json.dumps({"type": "MultiPolygon", "coordinates": [square, square]})) == [
        square,
        square,
    ]
    feature = {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": square}}
    assert coverage_map.polygons(json.dumps(feature)) == [square]
    assert coverage_map.polygons("not json") == [] and coverage_map.polygons(None) == []


def test_children_table_says_no_households(gaps_con):
    units = queries.run(gaps_con, "coverage_micro_grids", scope=None, day=D3, grid="G4")
    table = coverage_map.children_table(units, "micro_grid", "zh", 0.95)
    assert table["微网格"].tolist() == ["微网格4", "微网格5", "微网格7", "微网格6"]
    assert table["状态"].tolist() == ["低于 95%", "低于 95%", "已达标（95%）", "无登记户"]
    assert table["覆盖率（%）"].tolist()[:3] == [90.0, 90.0, 100.0]


def test_no_basemap_unless_configured(monkeypatch):
    monkeypatch.delenv("KNOCKBOARD_MAP_STYLE", raising=False)
    spec = json.loads(
        coverage_map_layers.deck([], [], [], {"latitude": 32, "longitude": 120.9, "zoom": 11}, "{name}").to_json()
    )
    # pydeck's default-style sentinel: Streamlit then draws no basemap (a missing mapStyle would make
    # it fetch Carto's from the internet)
    assert spec["mapStyle"] == "__MAP_STYLE__" and "mapProvider" not in spec
    assert (
        "\n"
        not in coverage_map_layers.deck(
            [], [], [], {"latitude": 32, "longitude": 120.9, "zoom": 11}, "{name}"
        ).to_json()
    )  # compact: no indentation
    labels = next(layer for layer in spec["layers"] if layer["id"] == "coverage_map_labels")
    assert labels["characterSet"] == "auto" and not labels["fontFamily"].startswith("@@=")
    assert {layer["id"] for layer in spec["layers"]} >= {"coverage_map_shapes", "coverage_map_labels"}
    monkeypatch.setenv("KNOCKBOARD_MAP_STYLE", "http://tiles.intranet/style.json")
    spec = json.loads(
        coverage_map_layers.deck([], [], [], {"latitude": 32, "longitude": 120.9, "zoom": 11}, "{name}").to_json()
    )
    assert spec["mapStyle"] == "http://tiles.intranet/style.json"


# ---------------------------------------------------------------- the page (AppTest)


def open_page(monkeypatch, db, **params) -> AppTest:
    return helpers.open_page(monkeypatch, db, "coverage_map", 90, **params)


def deck_layers(at) -> dict[str, list]:
    decks = at.get("deck_gl_json_chart")
    assert len(decks) == 1
    spec = json.loads(decks[0].proto.json)
    return {layer["id"]: layer.get("data", []) for layer in spec["layers"]}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_map_page_opens_in_both_languages(monkeypatch, small_demo_db, lang):
    at = open_page(monkeypatch, small_demo_db, lang=lang)
    assert not at.exception
    assert ("网格覆盖地图" if lang == "zh" else "Grid coverage map") in at.title[0].value
    data = deck_layers(at)
    shapes = data["coverage_map_shapes"]
    grids = fetch(small_demo_db, "select count(*) from grids")[0][0]
    assert len({s["id"] for s in shapes}) == grids  # the district: every grid, coloured
    assert len({s["street_id"] for s in shapes}) == 16 and len(data["coverage_map_labels"]) == 16
    children = at.dataframe[-1].value
    assert len(children) == 16 and children.columns[1] == ("街道" if lang == "zh" else "Street")
    assert len(at.get("plotly_chart")) == 1


def test_street_from_the_url_shows_that_street_only(monkeypatch, small_demo_db):
    at = open_page(monkeypatch, small_demo_db, lang="en", street="S10")
    assert not at.exception
    data = deck_layers(at)
    assert data["coverage_map_shapes"] and {s["street_id"] for s in data["coverage_map_shapes"]} == {"S10"}
    assert {p["id"] for p in data["coverage_map_outlines"]} == {"S10"}
    assert data["coverage_map_labels"][0]["text"] == "狼山镇\nLangshanzhen"
    # in English, a community's pinyin name beside its Chinese one (the demo has them)
    communities = {
        f"{r[0]} {r[1]}"
        for r in fetch(small_demo_db, "select name_zh, name_en from communities where street_id = 'S10'")
    }
    assert set(at.dataframe[-1].value["Community"]) == communities and all(" " in c for c in communities)
    assert at.selectbox(key="kb_street").value == "S10"


def test_area_link_drills_to_a_grid_and_sets_the_street(monkeypatch, small_demo_db):
    grid, street, mgs = fetch(
        small_demo_db,
        """
        select grid_id, street_id, count(*) from territory where street_id = 'S10'
        group by all order by grid_id limit 1""",
    )[0]
    at = open_page(monkeypatch, small_demo_db, lang="zh", area=grid)  # no street in the link
    assert not at.exception
    assert at.query_params["street"] == street and at.query_params["area"] == grid
    assert at.selectbox(key="kb_street").value == street
    shapes = deck_layers(at)["coverage_map_shapes"]
    assert len({s["id"] for s in shapes}) == mgs and all(s["id"].startswith("M") for s in shapes)
    assert at.selectbox(key="coverage_map_pick_grid").value == grid
    # back to the street with the breadcrumb
    at.button(key="coverage_map_crumb_1").click().run()
    assert not at.exception
    assert "area" not in at.query_params
    assert {s["street_id"] for s in deck_layers(at)["coverage_map_shapes"]} == {street}


def test_selectors_drill_down_and_back(monkeypatch, gaps_db):
    at = open_page(monkeypatch, gaps_db, lang="en", street="S3")
    at.selectbox(key="coverage_map_pick_community").set_value("C3").run()
    assert not at.exception and at.query_params["area"] == "C3"
    at.selectbox(key="coverage_map_pick_grid").set_value("G4").run()
    assert at.query_params["area"] == "G4"
    assert at.dataframe[-1].value["Micro-grid"].tolist() == ["微网格4", "微网格5", "微网格7", "微网格6"]
    assert at.dataframe[-1].value["Status"].tolist()[-1] == "no households"
    at.selectbox(key="coverage_map_pick_micro_grid").set_value("M5").run()
    assert at.query_params["area"] == "M5"
    households = at.dataframe[-1].value
    assert households["Address"].tolist() == ["丙一小区19幢***", "丙一村***"]
    at.selectbox(key="coverage_map_pick_grid").set_value("").run()  # "— all —"
    assert at.query_params["area"] == "C3"


def test_changing_the_street_resets_the_area(monkeypatch, gaps_db):
    at = open_page(monkeypatch, gaps_db, lang="en", street="S3", area="G4")
    assert at.query_params["area"] == "G4"
    at.selectbox(key="kb_street").set_value("S1").run()
    assert not at.exception
    assert "area" not in at.query_params
    # S1 grids have no boundary in the hand store: drawn as dots
    assert {s["id"] for s in deck_layers(at)["coverage_map_dots"]} == {"G1", "G2"}


def test_zero_registered_grid_on_the_map(monkeypatch, gaps_db):
    at = open_page(monkeypatch, gaps_db, lang="zh", street="S1", area="G2")
    assert not at.exception
    dots = deck_layers(at)["coverage_map_dots"]
    assert [d["coverage_text"] for d in dots] == ["无登记户"]
    assert at.dataframe[-1].value["状态"].tolist() == ["无登记户"]


def test_an_area_outside_the_street_is_ignored(monkeypatch, gaps_db):
    at = open_page(monkeypatch, gaps_db, lang="en", street="S1", area="G4")
    assert not at.exception
    assert "area" not in at.query_params
    assert {s["street_id"] for s in deck_layers(at)["coverage_map_dots"]} == {"S1"}


def test_decorations_follow_the_level(gaps_con):
    streets = queries.run(gaps_con, "street_shapes", scope=None)
    s3 = streets[streets["street_id"] == "S3"]
    # a grid: its boundary outlined and fitted, its name above it
    path = coverage_map.resolve(queries.run(gaps_con, "area_path", scope=None, area="M5"), "S3")
    grid = queries.run(gaps_con, "coverage_grids", scope=None, day=D3, street="S3", community="C3")
    mgs = queries.run(gaps_con, "coverage_micro_grids", scope=None, day=D3, grid="G4")
    shapes = coverage_map.shapes(mgs, "micro_grid_id", "name_zh", 0.95, "zh", "street_id", "micro_grid_id")
    decor = coverage_map.decorations(path, shapes, s3, "zh", children=mgs, grid=grid, micro_grids=mgs)
    assert [p["id"] for p in decor.fit] == ["G4"] and decor.fit[0] in decor.outlines
    assert [label["text"] for label in decor.labels] == ["丙一第1网格"]
    assert decor.labels[0]["lat"] > 32.21  # above the grid's boundary
    assert decor.highlight == []  # M5 has no boundary of its own in the hand store
    # a street: its name only; a community: its grids' names
    street = coverage_map.resolve(pd.DataFrame(), "S3")
    communities = queries.run(gaps_con, "coverage_communities", scope=None, day=D3, street="S3")
    decor = coverage_map.decorations(street, [], s3, "en", children=communities)
    assert [label["text"] for label in decor.labels] == ["丙\nBing"]
    community = coverage_map.resolve(queries.run(gaps_con, "area_path", scope=None, area="C3"), "S3")
    decor = coverage_map.decorations(community, [], s3, "en", children=grid)
    assert [label["text"] for label in decor.labels] == ["丙一第1网格"]
