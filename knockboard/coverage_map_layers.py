"""The pydeck map of the coverage page: coloured shapes (or dots where a unit has no boundary),
outlines, labels. Offline by default: no basemap, so boundaries and data layers alone make the map;
KNOCKBOARD_MAP_STYLE may name a basemap style served on the intranet."""

import json

import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from knockboard.config import map_style

SHAPES_LAYER = "coverage_map_shapes"
DOTS_LAYER = "coverage_map_dots"
PICKABLE_LAYERS = (SHAPES_LAYER, DOTS_LAYER)
# pydeck reads a bare string as a JS expression: a literal string is written in double quotes.
CJK_FONT = '"Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"'
# Streamlit draws no basemap for pydeck's own default-style sentinel (map_provider=None and no
# map_style); with no mapStyle at all it would fetch a Carto basemap from the internet.
NO_BASEMAP = "__MAP_STYLE__"


class CompactDeck(pdk.Deck):
    """pydeck indents its JSON, doubling what the browser is sent for thousands of coordinates."""

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def _text_layer(layer_id: str, labels: list[dict]) -> pdk.Layer:
    return pdk.Layer(
        "TextLayer",
        id=layer_id,
        data=labels,
        get_position="[lon, lat]",
        get_text="text",
        get_size="size",
        get_color=[20, 20, 20],
        font_family=CJK_FONT,
        font_weight=600,
        character_set='"auto"',
        background=True,
        get_background_color=[255, 255, 255, 210],
        background_padding=[3, 1],
        get_text_anchor='"middle"',
        get_alignment_baseline='"center"',
        pickable=False,
    )


def deck(
    shapes: list[dict],
    outlines: list[dict],
    labels: list[dict],
    view: dict,
    tooltip: str,
    highlight_paths: list[dict] | None = None,
) -> pdk.Deck:
    polygons = [s for s in shapes if s["polygon"]]
    dots = [s for s in shapes if not s["polygon"] and s.get("lon") is not None]
    layers = [
        pdk.Layer(
            "PolygonLayer",
            id=SHAPES_LAYER,
            data=polygons,
            get_polygon="polygon",
            get_fill_color="fill",
            get_line_color=[255, 255, 255],
            line_width_min_pixels=1,
            stroked=True,
            filled=True,
            pickable=True,
            auto_highlight=True,
            highlight_color=[255, 235, 59, 160],
        ),
        pdk.Layer(
            "ScatterplotLayer",
            id=DOTS_LAYER,
            data=dots,
            get_position="[lon, lat]",
            get_fill_color="fill",
            get_radius=120,
            radius_min_pixels=6,
            stroked=True,
            get_line_color=[80, 80, 80],
            line_width_min_pixels=1,
            pickable=True,
            auto_highlight=True,
        ),
        pdk.Layer(
            "PathLayer",
            id="coverage_map_outlines",
            data=outlines,
            get_path="path",
            get_color=[33, 33, 33],
            get_width=3,
            width_units='"pixels"',
            pickable=False,
        ),
        pdk.Layer(
            "PathLayer",
            id="coverage_map_selected",
            data=highlight_paths or [],
            get_path="path",
            get_color=[0, 0, 0],
            get_width=4,
            width_units='"pixels"',
            pickable=False,
        ),
        _text_layer("coverage_map_labels", labels),
    ]
    return CompactDeck(
        layers=layers,
        initial_view_state=pdk.ViewState(**view, pitch=0, bearing=0),
        map_provider=None,
        map_style=map_style() or NO_BASEMAP,
        tooltip={"html": tooltip},
    )
