"""The grid coverage map, from query results to what it shows: where the drill-down stands (district →
street → community → grid → micro-grid), the breadcrumb, the coloured shapes with their tooltips and
where a click leads, the legend, the view, and the tables beside the map. No Streamlit here."""

import html
import json
import math
from dataclasses import dataclass

import pandas as pd

from knockboard import i18n

LEVELS = ("district", "street", "community", "grid", "micro_grid")
# Above this many grids the district view draws street polygons instead of grid hexagons, so the
# browser is never sent thousands of shapes (scale 10: 8,060 grids).
DISTRICT_GRID_LIMIT = 2000

NO_HOUSEHOLDS = (189, 189, 189)


# ---------------------------------------------------------------- where the drill-down stands


@dataclass(frozen=True)
class AreaPath:
    street_id: str | None = None
    community_id: str | None = None
    grid_id: str | None = None
    micro_grid_id: str | None = None
    community_name: str | None = None
    grid_name: str | None = None
    micro_grid_name: str | None = None
    community_name_en: str | None = None
    grid_name_en: str | None = None

    @property
    def level(self) -> str:
        if self.micro_grid_id:
            return "micro_grid"
        if self.grid_id:
            return "grid"
        if self.community_id:
            return "community"
        return "street" if self.street_id else "district"

    @property
    def area(self) -> str | None:
        """The URL's ?area= value: the deepest unit below the street, if any."""
        return self.micro_grid_id or self.grid_id or self.community_id


def resolve(found: pd.DataFrame, street: str | None) -> AreaPath:
    """The drill-down from the area_path query's row (empty if the area is unknown) and the shell's
    street. An area outside the chosen street is ignored: the street wins."""
    if found.empty or (street is not None and found.iloc[0]["street_id"] != street):
        return AreaPath(street_id=street)
    row = found.iloc[0]

    def value(name):
        v = row[name]
        return None if v is None or pd.isna(v) else v

    return AreaPath(
        street_id=row["street_id"],
        community_id=value("community_id"),
        grid_id=value("grid_id"),
        micro_grid_id=value("micro_grid_id"),
        community_name=value("community_name_zh"),
        grid_name=value("grid_name_zh"),
        micro_grid_name=value("micro_grid_name_zh"),
        community_name_en=value("community_name_en") if "community_name_en" in row else None,
        grid_name_en=value("grid_name_en") if "grid_name_en" in row else None,
    )


@dataclass(frozen=True)
class Crumb:
    label: str
    street: str | None  # what a click on the crumb sets: the shell's street ...
    area: str | None  # ... and ?area=
    current: bool


def breadcrumb(path: AreaPath, street_label, lang: str) -> list[Crumb]:
    """District › street › community › grid › micro-grid, as far as the drill-down goes."""
    crumbs = [Crumb(i18n.t("coverage_map_district", lang), None, None, path.level == "district")]
    if path.street_id:
        crumbs.append(Crumb(street_label(path.street_id), path.street_id, None, path.level == "street"))
    if path.community_id:
        crumbs.append(
            Crumb(
                i18n.place(path.community_name, path.community_name_en, lang),
                path.street_id,
                path.community_id,
                path.level == "community",
            )
        )
    if path.grid_id:
        crumbs.append(
            Crumb(
                i18n.place(path.grid_name, path.grid_name_en, lang), path.street_id, path.grid_id, path.level == "grid"
            )
        )
    if path.micro_grid_id:
        crumbs.append(Crumb(path.micro_grid_name, path.street_id, path.micro_grid_id, True))
    return crumbs


# ---------------------------------------------------------------- colours and legend


def bins(target: float) -> list[tuple[float, tuple[int, int, int], str]]:
    """(lower bound, colour, label key) from the lowest: a diverging red-blue scale, readable by the
    colour-blind, with the target as the point where red turns blue."""
    return [
        (-math.inf, (178, 24, 43), "coverage_map_bin_low"),
        (target - 0.15, (214, 96, 77), "coverage_map_bin_mid"),
        (target - 0.05, (244, 165, 130), "coverage_map_bin_near"),
        (target, (67, 147, 195), "coverage_map_bin_target"),
    ]


def colour(coverage, target: float) -> tuple[int, int, int]:
    if coverage is None or pd.isna(coverage):
        return NO_HOUSEHOLDS
    chosen = bins(target)[0][1]
    for lower, rgb, _ in bins(target):
        if coverage >= lower - 1e-12:
            chosen = rgb
    return chosen


def legend(target: float, lang: str) -> list[tuple[str, str]]:
    """(hex colour, words) for each colour on the map, lowest first, then 'no households'."""
    edges = [b[0] for b in bins(target)][1:]
    pct = [i18n.percent(e, 0) for e in edges]
    words = [
        i18n.t("coverage_map_bin_low", lang, upper=pct[0]),
        i18n.t("coverage_map_bin_mid", lang, lower=pct[0], upper=pct[1]),
        i18n.t("coverage_map_bin_near", lang, lower=pct[1], upper=pct[2]),
        i18n.t("coverage_map_bin_target", lang, target=pct[2]),
    ]
    out = [("#{:02x}{:02x}{:02x}".format(*b[1]), w) for b, w in zip(bins(target), words)]
    out.append(("#{:02x}{:02x}{:02x}".format(*NO_HOUSEHOLDS), i18n.t("coverage_map_no_households", lang)))
    return out


def coverage_text(coverage, lang: str) -> str:
    if coverage is None or pd.isna(coverage):
        return i18n.t("coverage_map_no_households", lang)
    return i18n.percent(coverage)


def last_visit_text(day, lang: str) -> str:
    if day is None or pd.isna(day):
        return i18n.t("coverage_map_never", lang)
    return i18n.day_short(pd.Timestamp(day).date(), lang)


# ---------------------------------------------------------------- shapes


def polygons(boundary: str | None) -> list[list]:
    """GeoJSON (Polygon, MultiPolygon, or a Feature of one) as a list of polygons, each a list of
    rings of [lon, lat]; [] when missing or unreadable."""
    if not boundary:
        return []
    try:
        geo = json.loads(boundary)
    except (TypeError, ValueError):
        return []
    if geo.get("type") == "Feature":
        geo = geo.get("geometry") or {}
    if geo.get("type") == "Polygon":
        found = [geo["coordinates"]]
    elif geo.get("type") == "MultiPolygon":
        found = geo["coordinates"]
    else:
        return []
    # 6 decimals is 0.1 m: more digits only make the page heavier
    return [[[[round(p[0], 6), round(p[1], 6)] for p in ring] for ring in polygon] for polygon in found]


def shapes(
    units: pd.DataFrame,
    id_col: str,
    name_col: str,
    target: float,
    lang: str,
    drill_street: str,
    drill_area: str | None,
    highlight: str | None = None,
) -> list[dict]:
    """One record per polygon (a multi-polygon unit gives several), coloured by coverage, with what
    the tooltip says and where a click leads (drill_street / drill_area: columns of `units`).
    Units without a boundary are drawn as a dot at their centroid (`polygon` empty)."""
    out = []
    for row in units.to_dict("records"):
        base = {
            "id": row[id_col],
            # deck.gl puts the tooltip into HTML as it is
            "name": html.escape(
                i18n.place(str(row[name_col]), row.get("name_en"), lang)
                if name_col == "name_zh"
                else str(row[name_col])
            ),
            "street_id": row["street_id"],
            "fill": [*colour(row["coverage"], target), 200 if row[id_col] != highlight else 255],
            "coverage_text": coverage_text(row["coverage"], lang),
            "households_text": f"{i18n.number(row['covered'])} / {i18n.number(row['registered'])}",
            "last_visit": last_visit_text(row.get("last_day"), lang),
            "next_street": row[drill_street],
            "next_area": row[drill_area] if drill_area else None,
        }
        rings = polygons(row.get("boundary"))
        if not rings:  # a dot at the centroid
            out.append({**base, "polygon": [], "lon": row.get("lon"), "lat": row.get("lat")})
        out.extend({**base, "polygon": polygon} for polygon in rings)
    return out


def outline_paths(boundaries: pd.DataFrame, id_col: str) -> list[dict]:
    """The rings of each boundary as paths (street or grid outlines)."""
    return [
        {"id": row[id_col], "path": ring}
        for row in boundaries.to_dict("records")
        for polygon in polygons(row.get("boundary"))
        for ring in polygon
    ]


def label_text(name_zh: str, name_en: str | None, lang: str) -> str:
    """A street's name on the map: in English the pinyin goes on a second line, to keep labels narrow."""
    return f"{name_zh}\n{name_en}" if lang == "en" and name_en else name_zh


def tooltip_html(lang: str) -> str:
    return (
        f"<b>{{name}}</b><br/>{i18n.t('coverage_map_tip_coverage', lang)}: {{coverage_text}}<br/>"
        f"{i18n.t('coverage_map_tip_households', lang)}: {{households_text}}<br/>"
        f"{i18n.t('coverage_map_tip_last_visit', lang)}: {{last_visit}}"
    )


def _points(records: list[dict], paths: list[dict] | None) -> tuple[list[float], list[float]]:
    lons, lats = [], []
    for r in records:
        if r.get("polygon"):
            lons.extend(p[0] for p in r["polygon"][0])
            lats.extend(p[1] for p in r["polygon"][0])
        elif r.get("lon") is not None and not pd.isna(r.get("lon")):
            lons.append(r["lon"])
            lats.append(r["lat"])
    for path in paths or []:
        lons.extend(p[0] for p in path["path"])
        lats.extend(p[1] for p in path["path"])
    return lons, lats


# The map's size `view` fits the shapes into: a desktop's map column, or a phone's screen (320 px
# wide: a 360-px phone less the page's margins, so the widest phones keep a little room to spare).
PHONE_MAP = {"width_px": 320, "height_px": 540}


def view(records: list[dict], paths: list[dict] | None = None, width_px: int = 520, height_px: int = 540) -> dict:
    """Centre and zoom that fit the shapes and `paths` (e.g. the grid's outline), in Web Mercator
    (deck.gl's world is 512 pixels wide at zoom 0), with a small margin."""
    lons, lats = _points(records, paths)
    if not lons:
        return {"latitude": 32.03, "longitude": 120.87, "zoom": 11}
    lat0 = (min(lats) + max(lats)) / 2
    dlon = max(max(lons) - min(lons), 0.002)
    dlat = max((max(lats) - min(lats)) / math.cos(math.radians(lat0)), 0.002)
    zoom = min(math.log2(width_px * 360 / (512 * dlon)), math.log2(height_px * 360 / (512 * dlat))) - 0.25
    return {"latitude": lat0, "longitude": (min(lons) + max(lons)) / 2, "zoom": max(8.0, min(zoom, 17.0))}


def top_of(records: list[dict], paths: list[dict] | None = None) -> tuple[float, float] | None:
    """A spot just above the shapes (and paths), for a name that would cover the middle."""
    lons, lats = _points(records, paths)
    if not lons:
        return None
    return (min(lons) + max(lons)) / 2, max(lats) + 0.04 * max(max(lats) - min(lats), 0.002)


def street_units(street_coverage: pd.DataFrame, street_shapes: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Streets as map units (the simplified district): street_coverage rows with their boundary."""
    units = street_coverage.merge(street_shapes[["street_id", "boundary", "lat", "lon"]], on="street_id")
    units["label"] = [i18n.place(z, e, lang) for z, e in zip(units["name_zh"], units["name_en"])]
    return units


@dataclass
class Decorations:
    outlines: list[dict]  # dark boundary lines
    labels: list[dict]  # names on the map
    highlight: list[dict]  # the selected micro-grid's outline
    fit: list[dict]  # paths the view must include besides the shapes


def _name_labels(units: pd.DataFrame, size: int) -> list[dict]:
    return [
        {"text": r.name_zh, "lon": r.lon, "lat": r.lat, "size": size} for r in units.itertuples() if pd.notna(r.lon)
    ]


def decorations(
    path: AreaPath,
    shapes: list[dict],
    streets: pd.DataFrame,
    lang: str,
    children: pd.DataFrame | None = None,
    grid: pd.DataFrame | None = None,
    micro_grids: pd.DataFrame | None = None,
) -> Decorations:
    """Outlines and names for the level: street boundaries and names always (below the district the
    name sits above the shapes); at a community its grids' names; at a grid the grid's boundary and
    name, and the selected micro-grid outlined. Communities get no name at a street: their grids
    need not be contiguous, so a name at their centre would sit among other communities' grids."""
    outlines = outline_paths(streets, "street_id")
    labels = [
        {"text": label_text(r.name_zh, r.name_en, lang), "lon": r.lon, "lat": r.lat, "size": 14}
        for r in streets.itertuples()
        if pd.notna(r.lon)
    ]
    highlight, fit = [], []
    if path.level == "street":
        top = top_of(shapes)
        if top and labels:
            labels = [{**labels[0], "lon": top[0], "lat": top[1]}]
    elif path.level == "community":
        labels = _name_labels(children, 12)
    elif path.level in ("grid", "micro_grid"):
        fit = outline_paths(grid, "grid_id")
        outlines += fit
        top = top_of(shapes, fit)
        labels = [{"text": path.grid_name, "lon": top[0], "lat": top[1], "size": 14}] if top else []
        if path.micro_grid_id and micro_grids is not None:
            chosen = micro_grids[micro_grids["micro_grid_id"] == path.micro_grid_id]
            highlight = outline_paths(chosen, "micro_grid_id")
    return Decorations(outlines, labels, highlight, fit)


# ---------------------------------------------------------------- beside the map


def children_table(children: pd.DataFrame, level: str, lang: str, target: float) -> pd.DataFrame:
    """The children of the selected area, worst coverage first (as the queries order them)."""
    name_col = {
        "street": "coverage_map_col_street",
        "community": "coverage_map_col_community",
        "grid": "coverage_map_col_grid",
        "micro_grid": "coverage_map_col_micro_grid",
    }[level]
    names = i18n.places(children["name_zh"], children.get("name_en"), lang)

    def status(coverage) -> str:
        if coverage is None or pd.isna(coverage):
            return i18n.t("coverage_map_no_households", lang)
        key = "coverage_map_status_ok" if coverage >= target - 1e-12 else "coverage_map_status_below"
        return i18n.t(key, lang, target=i18n.percent(target, 0))

    t = lambda key: i18n.t(key, lang)  # noqa: E731
    return pd.DataFrame(
        {
            t("coverage_map_col_rank"): range(1, len(children) + 1),
            t(name_col): names,
            t("coverage_map_col_coverage"): (pd.to_numeric(children["coverage"], errors="coerce") * 100).round(1),
            t("coverage_map_col_covered"): children["covered"].astype(int),
            t("coverage_map_col_registered"): children["registered"].astype(int),
            t("coverage_map_col_missing"): children["missing"].astype(int),
            t("coverage_map_col_last_visit"): [last_visit_text(d, lang) for d in children["last_day"]],
            t("coverage_map_col_status"): [status(c) for c in children["coverage"]],
        }
    )


def small_cells(child: str, lang: str) -> tuple | None:
    """For exports: a micro-grid table's households column and the columns naming the area."""
    if child != "micro_grid":
        return None
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    return t("coverage_map_col_registered"), (t("coverage_map_col_rank"), t("coverage_map_col_micro_grid"))


def trend_table(trend: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table behind the coverage-over-time chart (knocked_daily or *_coverage_daily rows)."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    return pd.DataFrame(
        {
            t("axis_day"): pd.to_datetime(trend["day"]).dt.date,
            t("coverage_map_col_coverage"): (pd.to_numeric(trend["coverage"], errors="coerce") * 100).round(2),
            t("coverage_map_col_covered"): trend["covered_to_date"].astype(int),
            t("coverage_map_col_registered"): trend["registered"].fillna(0).astype(int),
        }
    )
