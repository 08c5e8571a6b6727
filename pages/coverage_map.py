"""Grid coverage map (网格覆盖地图): coverage by area on an offline map, drilled down district → street →
community → grid → micro-grid by clicking a shape, the selectors or the breadcrumb. The street is the
shell's (?street=); the unit below it is ?area= (a community, grid or micro-grid id)."""

import functools

import pandas as pd
import streamlit as st

from knockboard import briefing_charts, components, coverage_map, gaps, i18n, url_state
from knockboard import coverage_map_layers as layers
from knockboard.app import not_permitted, page_context

ctx = page_context()
day, target = ctx.day, ctx.coverage_target
AREA, LAST_STREET = "coverage_map_area", "coverage_map_street"
ALL = ""  # the selectors' "all" (None would show Streamlit's placeholder instead)


# ---------------------------------------------------------------- where the drill-down stands


def go(street: str | None, area: str | None) -> None:
    """Callback of clicks, selectors and breadcrumb: runs before the next run builds the sidebar."""
    st.session_state["kb_street"] = street
    st.session_state[AREA] = area
    st.session_state[LAST_STREET] = street


def on_map_click(key: str) -> None:
    picked = st.session_state[key].selection.objects
    for layer in layers.PICKABLE_LAYERS:
        if picked.get(layer):
            go(picked[layer][0]["next_street"], picked[layer][0]["next_area"])
            return


def on_pick(key: str, street: str, parent: str | None) -> None:
    """A selector changed: its unit, or back to the parent when it is set to 'all'."""
    go(street, st.session_state[key] or parent)  # ALL is falsy


url_area = url_state.new_in_url("area")
from_link = url_area is not None
if from_link:  # a shared link or edited URL
    st.session_state[AREA] = url_area
elif st.session_state.get(LAST_STREET, ctx.street) != ctx.street:  # the sidebar's street changed
    st.session_state[AREA] = None
st.session_state[LAST_STREET] = ctx.street
area = st.session_state.get(AREA)
found = ctx.q("area_path", area=area) if area else pd.DataFrame()
if area and found.empty and ctx.user.street:  # an edited URL: another street's area (or none at all)
    not_permitted(ctx, area)
path = coverage_map.resolve(found, ctx.street)
if from_link and path.area != url_area:  # the link's area cannot be shown: say so, and what is shown
    if found.empty:
        st.warning(ctx.t("url_area_unknown", value=i18n.md(url_area), shown=i18n.md(ctx.area_label)), icon="⚠️")
    else:
        row = found.iloc[0]
        name = next(
            v for v in (row["micro_grid_name_zh"], row["grid_name_zh"], row["community_name_zh"]) if isinstance(v, str)
        )
        st.warning(
            ctx.t(
                "url_area_other_street",
                value=i18n.md(url_area),
                area=i18n.md(name),
                street=i18n.md(ctx.area_label),
                its_street=i18n.md(ctx.street_label(row["street_id"])),
            ),
            icon="⚠️",
        )
if path.street_id and ctx.street is None:  # a link to an area without its street: let the shell know
    st.session_state[LAST_STREET] = path.street_id
    url_state.to_url({"area": path.area})
    url_state.ask("street", path.street_id)
    st.rerun()
st.session_state[AREA] = path.area
url_state.to_url({"area": path.area or None})
level, street = path.level, path.street_id

# ---------------------------------------------------------------- what each level shows

size = ctx.q("territory_size").iloc[0]
streets = ctx.q("street_shapes")
first = ctx.first_day
if level == "district":
    children = ctx.q("street_coverage", day=day)
    trend = ctx.q("knocked_daily", start=first, end=day, street=None)
    if size["grids"] <= coverage_map.DISTRICT_GRID_LIMIT:
        units = ctx.q("coverage_grids", day=day, street=None, community=None)
        shapes = coverage_map.shapes(units, "grid_id", "name_zh", target, ctx.lang, "street_id", None)
        what = ctx.t(
            "coverage_map_shapes", what=ctx.t("coverage_map_what_grids"), outline=ctx.t("coverage_map_outline_street")
        )
    else:  # the simplified district: one polygon per street
        units = coverage_map.street_units(children, streets, ctx.lang)
        shapes = coverage_map.shapes(units, "street_id", "label", target, ctx.lang, "street_id", None)
        what = ctx.t("coverage_map_shapes_streets", n=i18n.number(size["grids"]))
    shown_streets = streets
elif level in ("street", "community"):
    units = ctx.q("coverage_grids", day=day, street=street, community=path.community_id)
    drill = "community_id" if level == "street" else "grid_id"
    shapes = coverage_map.shapes(units, "grid_id", "name_zh", target, ctx.lang, "street_id", drill)
    what = ctx.t(
        "coverage_map_shapes", what=ctx.t("coverage_map_what_grids"), outline=ctx.t("coverage_map_outline_street")
    )
    if level == "street":
        children = ctx.q("coverage_communities", day=day, street=street)
        trend = ctx.q("knocked_daily", start=first, end=day, street=street)
    else:
        children = units
        trend = ctx.q("area_coverage_daily", start=first, end=day, community=path.community_id, grid=None)
    shown_streets = streets[streets["street_id"] == street]
else:  # grid or micro-grid: the grid's micro-grids
    units = ctx.q("coverage_micro_grids", day=day, grid=path.grid_id)
    shapes = coverage_map.shapes(
        units, "micro_grid_id", "name_zh", target, ctx.lang, "street_id", "micro_grid_id", highlight=path.micro_grid_id
    )
    what = ctx.t(
        "coverage_map_shapes", what=ctx.t("coverage_map_what_micro_grids"), outline=ctx.t("coverage_map_outline_grid")
    )
    children = units
    if level == "grid":
        trend = ctx.q("area_coverage_daily", start=first, end=day, community=None, grid=path.grid_id)
    else:
        trend = ctx.q(
            "micro_grid_coverage_daily", start=first, end=day, grid=path.grid_id, micro_grid=path.micro_grid_id
        )
    shown_streets = streets[streets["street_id"] == street]

grid_row = None
if level in ("grid", "micro_grid"):
    grids = ctx.q("coverage_grids", day=day, street=street, community=path.community_id)
    grid_row = grids[grids["grid_id"] == path.grid_id]
decor = coverage_map.decorations(
    path,
    shapes,
    shown_streets,
    ctx.lang,
    children=children,
    grid=grid_row,
    micro_grids=units if level == "micro_grid" else None,
)

# ---------------------------------------------------------------- the page

st.title(ctx.t("coverage_map_title", day=ctx.day_long()))
st.caption(ctx.t("coverage_map_caption"))

with st.container(horizontal=True, vertical_alignment="center", key="coverage_map_breadcrumb"):
    crumbs = coverage_map.breadcrumb(path, ctx.street_label, ctx.lang)
    for i, crumb in enumerate(crumbs):
        if crumb.current:
            st.markdown(f"**{i18n.md(crumb.label)}**")
        else:
            st.button(
                i18n.md(crumb.label),
                key=f"coverage_map_crumb_{i}",
                type="tertiary",
                on_click=go,
                args=(crumb.street, crumb.area),
            )
            st.markdown("›")

pickers = st.columns(3)
if street is None:
    st.caption(ctx.t("coverage_map_pick_street_hint"))
else:
    pick = [("community", ctx.q("coverage_communities", day=day, street=street), "community_id", None)]
    if path.community_id:
        pick.append(
            (
                "grid",
                ctx.q("coverage_grids", day=day, street=street, community=path.community_id),
                "grid_id",
                path.community_id,
            )
        )
    if path.grid_id:
        pick.append(
            ("micro_grid", ctx.q("coverage_micro_grids", day=day, grid=path.grid_id), "micro_grid_id", path.grid_id)
        )
    for column, (name, df, id_col, parent) in zip(pickers, pick):
        key = f"coverage_map_pick_{name}"
        st.session_state[key] = getattr(path, id_col) or ALL  # follow clicks and the breadcrumb
        names = dict(zip(df[id_col], i18n.places(df["name_zh"], df.get("name_en"), ctx.lang)))
        column.selectbox(
            ctx.t(f"coverage_map_pick_{name}"),
            [ALL, *names],
            key=key,
            format_func=lambda v, names=names: names.get(v, ctx.t("coverage_map_pick_all")),
            on_change=on_pick,
            args=(key, street, parent),
        )

left, right = st.columns([3, 2])
with left:
    deck_key = f"coverage_map_deck_{level}_{path.area or street or 'all'}"
    # the whole area in the first view: a phone's map is narrower than a desktop's (and CSS cannot zoom it)
    view = coverage_map.view(shapes, decor.fit, **(coverage_map.PHONE_MAP if components.on_a_phone() else {}))
    deck = layers.deck(
        shapes, decor.outlines, decor.labels, view, coverage_map.tooltip_html(ctx.lang), highlight_paths=decor.highlight
    )
    st.pydeck_chart(
        deck,
        height=560,
        key=deck_key,
        on_select=functools.partial(on_map_click, deck_key),
        selection_mode="single-object",
    )
    swatches = " ".join(
        f'<span style="white-space:nowrap"><span style="display:inline-block;width:0.9em;height:0.9em;'
        f'background:{hex_colour};border:1px solid #777;vertical-align:middle"></span>&nbsp;{words}</span>&emsp;'
        for hex_colour, words in coverage_map.legend(target, ctx.lang)
    )
    st.markdown(f"**{ctx.t('coverage_map_legend')}**&emsp;{swatches}", unsafe_allow_html=True)
    notes = [what]
    dots = sum(1 for s in shapes if not s["polygon"])
    if dots:
        notes.append(ctx.t("coverage_map_no_boundary", n=dots))
    if ctx.source == "demo":
        notes.append(ctx.t("coverage_map_synthetic"))
    if layers.map_style():
        notes.append(ctx.t("coverage_map_basemap", style=layers.map_style()))
    st.caption(" ".join(notes))

with right:
    area_name = crumbs[-1].label
    st.subheader(ctx.t("coverage_map_trend", area=i18n.md(area_name)))
    components.chart_with_table(
        ctx,
        briefing_charts.coverage_against_target(trend, target, ctx.lang),
        coverage_map.trend_table(trend, ctx.lang),
        "coverage-trend",
    )
    if level == "micro_grid":
        st.subheader(ctx.t("coverage_map_backlog_households"))
        households = ctx.q("backlog_households", day=day, micro_grid=path.micro_grid_id)
        if households.empty:
            st.info(ctx.t("coverage_map_no_backlog"))
        else:
            table = gaps.households_table(households, ctx.lang)
            components.table(ctx, table)
            components.downloads(ctx, table, "backlog-households")
            if not ctx.user.sees_personal_data:
                st.caption(ctx.t("masked_note", k=ctx.small_cell))

if level != "micro_grid":
    # across the page under the map, so every column shows on a desktop (beside the map it lost
    # covered and registered); on a phone the area's name stays pinned while the rest scrolls
    child = {"district": "street", "street": "community", "community": "grid", "grid": "micro_grid"}[level]
    what_children = {"street": "streets", "community": "communities", "grid": "grids", "micro_grid": "micro_grids"}[
        child
    ]
    st.subheader(ctx.t("coverage_map_children", what=ctx.t(f"coverage_map_children_{what_children}")))
    table = coverage_map.children_table(children, child, ctx.lang, target)
    with st.container(key="coverage_map_children"):
        components.table(
            ctx,
            table,
            height=min(35 * (len(table) + 1) + 3, 460),
            column_config={table.columns[1]: st.column_config.Column(pinned=True)},
        )
    components.downloads(ctx, table, f"coverage-{what_children}", small_cells=coverage_map.small_cells(child, ctx.lang))
