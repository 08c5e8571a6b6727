"""Offline pydeck maps: no basemap and no tiles (intranets are offline), so territory outlines drawn
from the stored GeoJSON boundaries give the points their context. Generic pieces any page can use:
an outline layer, a point layer, a view that fits the points, the deck, a tooltip and a legend."""

import html
import json
import math
from collections.abc import Iterable, Sequence

import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

Colour = Sequence[int]  # [r, g, b] or [r, g, b, a]
# pydeck turns a plain string argument into a per-row accessor; a quoted one stays a literal value
PIXELS = '"pixels"'


def outline_layer(
    boundaries: Iterable[str | None],
    layer_id: str,
    colour: Colour = (110, 110, 110),
    width_px: float = 1.5,
    fill: Colour | None = (120, 120, 120, 28),
) -> pdk.Layer:
    """Outlines of GeoJSON geometries (e.g. streets.boundary), lightly filled unless fill is None;
    empty boundaries are skipped."""
    features = [{"type": "Feature", "geometry": json.loads(b), "properties": {}} for b in boundaries if b]
    return pdk.Layer(
        "GeoJsonLayer",
        id=layer_id,
        data={"type": "FeatureCollection", "features": features},
        stroked=True,
        filled=fill is not None,
        get_fill_color=list(fill or (0, 0, 0, 0)),
        get_line_color=list(colour),
        line_width_units=PIXELS,
        get_line_width=width_px,
        line_width_min_pixels=width_px,
        pickable=False,
    )


def point_layer(
    points, layer_id: str, colour="colour", radius="radius", position: str = "position", pickable: bool = True
) -> pdk.Layer:
    """Circles sized in screen pixels. `points` is a DataFrame or a list of rows; `position` names the
    column holding [lon, lat] ("-" when each row is itself [lon, lat]); `colour` and `radius` name a
    column ([r, g, b(, a)] and pixels per row) or are constants. Rows are drawn in order: the last
    ones end up on top."""
    return pdk.Layer(
        "ScatterplotLayer",
        id=layer_id,
        data=points,
        get_position=position,
        get_fill_color=colour if isinstance(colour, str) else list(colour),
        get_radius=radius,
        radius_units=PIXELS,
        stroked=True,
        get_line_color=[255, 255, 255],
        line_width_min_pixels=0.5,
        pickable=pickable,
    )


def fit_view(
    lats: Iterable[float],
    lons: Iterable[float],
    width_px: int = 900,
    height_px: int = 560,
    default: tuple[float, float] = (32.03, 120.87),
) -> pdk.ViewState:
    """A view centred on the points and zoomed so they all fit (Web Mercator, 512-pixel world at zoom 0)."""
    lats, lons = [v for v in lats if v == v], [v for v in lons if v == v]  # v == v drops NaN
    if not lats or not lons:
        return pdk.ViewState(latitude=default[0], longitude=default[1], zoom=11)
    lat0, lat1, lon0, lon1 = min(lats), max(lats), min(lons), max(lons)
    lon_span = max(lon1 - lon0, 0.005)
    y = lambda lat: math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))  # noqa: E731
    lat_span = max(abs(y(lat1) - y(lat0)) * 180 / math.pi, 0.005)
    zoom = min(math.log2(width_px * 360 / (512 * lon_span)), math.log2(height_px * 360 / (512 * lat_span)))
    return pdk.ViewState(
        latitude=(lat0 + lat1) / 2, longitude=(lon0 + lon1) / 2, zoom=round(max(min(zoom - 0.15, 16), 8), 2)
    )


def tooltip(title_field: str, rows: Sequence[tuple[str, str]]) -> dict:
    """A pydeck tooltip: the title field in bold, then `label: {field}` lines. Labels are escaped;
    fields are filled in by deck.gl from the hovered row."""
    lines = [f"<b>{{{title_field}}}</b>"] + [f"{html.escape(label)}: {{{field}}}" for label, field in rows]
    return {
        "html": "<br/>".join(lines),
        "style": {
            "backgroundColor": "white",
            "color": "#222",
            "fontSize": "12px",
            "fontFamily": "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif",
        },
    }


class CompactDeck(pdk.Deck):
    """A pydeck Deck serialised without indentation, key sorting or \\u escapes: a map of thousands
    of points is sent (and made) several times faster. st.pydeck_chart calls to_json()."""

    def to_json(self) -> str:
        return json.dumps(self, default=default_serialize, separators=(",", ":"), ensure_ascii=False)


def deck(layers: list[pdk.Layer], view: pdk.ViewState, tip: dict | None = None, height: int = 560) -> pdk.Deck:
    """The deck with no basemap at all: nothing is fetched from a tile server.

    map_style is left at pydeck's placeholder on purpose: st.pydeck_chart drops that placeholder,
    whereas with map_style=None its frontend (Streamlit 1.67) falls back to a CARTO style fetched
    from basemaps.cartocdn.com, even with map_provider=None."""
    return CompactDeck(layers=layers, initial_view_state=view, map_provider=None, tooltip=tip or False, height=height)


def legend_html(items: Iterable[tuple[Colour, str, int]]) -> str:
    """One line of legend entries: (colour, label, dot size in pixels)."""
    spans = []
    for colour, label, size in items:
        rgb = ",".join(str(int(c)) for c in list(colour)[:3])
        dot = (
            f'<span style="display:inline-block;width:{size}px;height:{size}px;border-radius:50%;'
            f'background:rgb({rgb});vertical-align:middle;margin-right:4px"></span>'
        )
        spans.append(f'<span style="margin-right:14px;white-space:nowrap">{dot}{html.escape(label)}</span>')
    return "".join(spans)
