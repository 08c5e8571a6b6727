"""Coverage gaps (覆盖缺口), for analysts: which grids and micro-grids are behind, ranked by households
missing; the not-at-home backlog and a revisit plan; whether door-to-door volunteers are where the
gaps are. Street from the shell; community, level and thresholds here."""

import datetime as dt

import streamlit as st

from knockboard import components, gaps, gaps_charts, i18n, url_state
from knockboard.app import page_context

ctx = page_context()
day, street = ctx.day, ctx.street
HEATMAP_DAYS, HEATMAP_ROWS, EFFORT_DAYS = 21, 30, 7

st.title(ctx.t("gaps_title", day=ctx.day_long()))

# ---------------------------------------------------------------- controls
communities = ctx.q("coverage_communities", day=day, street=street) if street else None
community_names = (
    {} if communities is None else dict(zip(communities["community_id"], gaps.names(communities, "name", ctx.lang)))
)
# Every control is kept in the URL, so a view of the gaps is a link that reopens as it was.
ALL_COMMUNITIES = ""  # the selector's "all" (None would show Streamlit's empty placeholder instead)
SIGNALS = ("by_coverage", "by_days", "by_backlog")
defaults = {
    "gaps_level": gaps.LEVELS[0],
    "gaps_threshold": round(ctx.coverage_target * 100),
    "gaps_days": 3,
    "gaps_community": ALL_COMMUNITIES,
    **{f"gaps_{name}": True for name in SIGNALS},
    "gaps_backlog_min": gaps.BACKLOG_MIN_HOUSEHOLDS,
    "gaps_backlog_share": gaps.BACKLOG_MIN_SHARE * 100,
}
parsers = {
    "gaps_level": url_state.one_of(gaps.LEVELS),
    "gaps_threshold": url_state.number_between(50, 100),
    "gaps_days": url_state.number_between(1, 14),
    "gaps_community": url_state.one_of(list(community_names)),
    **{f"gaps_{name}": url_state.flag for name in SIGNALS},
    "gaps_backlog_min": url_state.number_between(1, 1000),
    "gaps_backlog_share": url_state.number_between(0.0, 100.0, float),
}
for key, parse in parsers.items():  # each control's key is also its label's
    url_state.control(key, parse, defaults[key], ctx.lang, ctx.t(key))
if st.session_state.get("gaps_community") not in [ALL_COMMUNITIES, *community_names]:
    st.session_state["gaps_community"] = ALL_COMMUNITIES  # the street changed under it
left, middle, right, far = st.columns([1.3, 1.3, 1.3, 1.6])
level = left.radio(
    ctx.t("gaps_level"), gaps.LEVELS, key="gaps_level", horizontal=True, format_func=lambda v: ctx.t(f"gaps_level_{v}")
)
threshold = middle.slider(ctx.t("gaps_threshold"), 50, 100, key="gaps_threshold") / 100
days = right.slider(ctx.t("gaps_days"), 1, 14, key="gaps_days")
community = (
    far.selectbox(
        ctx.t("gaps_community"),
        [ALL_COMMUNITIES, *community_names],
        key="gaps_community",
        disabled=street is None,
        format_func=lambda v: community_names.get(v) or ctx.t("gaps_all_communities"),
    )
    or None
)
with st.container(horizontal=True):
    st.markdown(f"**{ctx.t('gaps_signals_label')}**")
    by = {name: st.checkbox(ctx.t(f"gaps_{name}"), key=f"gaps_{name}") for name in SIGNALS}
left, middle, _ = st.columns([1.3, 1.3, 2.9])
backlog_min = int(
    left.number_input(
        ctx.t("gaps_backlog_min"),
        min_value=1,
        max_value=1000,
        step=1,
        key="gaps_backlog_min",
        disabled=not by["by_backlog"],
    )
)
backlog_share = (
    middle.number_input(
        ctx.t("gaps_backlog_share"),
        min_value=0.0,
        max_value=100.0,
        step=0.5,
        format="%.1f",
        key="gaps_backlog_share",
        disabled=not by["by_backlog"],
    )
    / 100
)
for key in defaults:
    url_state.keep(key, st.session_state[key], defaults[key])
st.caption(
    ctx.t(
        "gaps_caption",
        scope=i18n.md(ctx.area_label),
        level=ctx.t(f"gaps_level_{level}").lower(),
        days=days,
        households=backlog_min,
        share=i18n.percent(backlog_share, 1),
    )
)

params = dict(
    day=day,
    street=street,
    community=community,
    threshold=threshold,
    days=days,
    **by,
    backlog_min=backlog_min,
    backlog_share=backlog_share,
)
grid_gaps = ctx.q("gap_grids", **params)
area = ctx.q("gap_area", day=day, street=street, community=community, threshold=threshold).iloc[0]
community_label = community_names.get(community)
area_label = community_label or ctx.area_label
# what an export of these tables was cut to
filters = {
    ctx.t("gaps_level"): ctx.t(f"gaps_level_{level}"),
    ctx.t("gaps_community"): area_label,
    ctx.t("gaps_threshold"): i18n.percent(threshold, 0),
    ctx.t("gaps_days"): str(days),
    ctx.t("gaps_signals_label"): ", ".join(ctx.t(f"gaps_{k}") for k, on in by.items() if on) or "–",
    ctx.t("gaps_backlog_min"): str(backlog_min),
    ctx.t("gaps_backlog_share"): i18n.percent(backlog_share, 1),
}

# ---------------------------------------------------------------- the gap table
st.subheader(ctx.t("gaps_section_table"))
if level == "micro_grid" and street is None:
    st.info(ctx.t("gaps_pick_street"))
    shown = None
else:
    shown = ctx.q("gap_micro_grids", **params) if level == "micro_grid" else grid_gaps
    total = gaps.totals(shown, area, level)
    words = dict(
        threshold=i18n.percent(threshold, 0),
        area=i18n.md(area_label),
        units=i18n.number(total["units"]),
        level=ctx.t(f"gaps_level_{level}").lower(),
    )
    # the area's own need, and sums over the listed gaps, each labelled as what it is (the sum of the
    # gaps' own needs is a column of the table, not a headline: it is no area's need)
    with st.container(horizontal=True, key="gaps_cards"):  # four to a row, two on a phone
        for key, value in [
            ("gaps_metric_gaps", total["gaps"]),
            ("gaps_metric_needed_area", total["needed_area"]),
            ("gaps_metric_missing", total["missing"]),
            ("gaps_metric_backlog", total["backlog"]),
        ]:
            st.metric(ctx.t(key, **words), i18n.number(value), border=True, help=ctx.t(f"{key}_help", **words))
    table = gaps.gap_table(shown, level, ctx.lang, threshold, days, None if day == ctx.latest_day else day)
    map_column = gaps.column("map", ctx.lang)
    with st.container(key="gaps_table"):  # every column on a desktop; the unit's name pinned on a phone
        components.table(
            ctx,
            table,
            height=min(35 * (len(table) + 1) + 3, 420),
            column_config={
                map_column: st.column_config.LinkColumn(display_text=ctx.t("gaps_open_map")),
                **gaps.compact_headers(table, level, ctx.lang),
            },
        )
    st.caption(ctx.t("gaps_table_help"))
    components.downloads(
        ctx,
        gaps.for_export(table, ctx.lang),
        f"gaps-{level}",
        small_cells=gaps.small_cells(level, ctx.lang),
        filters=filters,
    )

# ---------------------------------------------------------------- stalled at a glance
st.subheader(ctx.t("gaps_section_heatmap"))
if shown is None or level == "grid":
    top = grid_gaps.head(HEATMAP_ROWS)[["grid_id", "name_zh"]]
else:  # the grids of the top micro-grid gaps
    top = (
        shown.rename(columns={"name_zh": "micro_grid_name", "grid_name_zh": "name_zh"})
        .drop_duplicates("grid_id")
        .head(HEATMAP_ROWS)[["grid_id", "name_zh"]]
    )
if top.empty:
    st.info(ctx.t("no_rows"))
else:
    heat = ctx.q("gap_heatmap", start=day - dt.timedelta(days=HEATMAP_DAYS - 1), end=day, grids=top["grid_id"].tolist())
    matrix = gaps.heatmap_matrix(heat, top)
    st.caption(ctx.t("gaps_heatmap_caption"))
    behind = matrix.rename(columns=lambda d: d.isoformat()).rename_axis(ctx.t("gaps_axis_grid")).reset_index()
    components.chart_with_table(ctx, gaps_charts.heatmap(matrix, ctx.lang), behind, "gaps-heatmap", filters)

# ---------------------------------------------------------------- where the effort goes
st.subheader(ctx.t("gaps_section_effort"))
st.caption(ctx.t("gaps_effort_caption", days=EFFORT_DAYS))
effort = gaps.effort(
    grid_gaps, ctx.q("door_to_door_by_grid", day=day, street=street, community=community, days=EFFORT_DAYS)
)
unworked = int(effort["unworked"].sum())
if unworked:
    st.warning(ctx.t("gaps_unworked_count", n=unworked, days=EFFORT_DAYS))
effort_table = gaps.effort_table(effort, ctx.lang, EFFORT_DAYS)
components.chart(gaps_charts.effort(effort, EFFORT_DAYS, ctx.lang), key="chart-gaps-effort")
components.table(ctx, effort_table, height=300)
components.downloads(ctx, effort_table, "gaps-effort", filters=filters)

# ---------------------------------------------------------------- not at home: backlog and revisits
st.subheader(ctx.t("gaps_section_backlog"))
st.caption(ctx.t("gaps_backlog_caption"))
if street is None:
    st.info(ctx.t("gaps_pick_street"))
else:
    backlog = ctx.q("backlog_micro_grids", day=day, street=street, community=community)
    if backlog.empty:
        st.info(ctx.t("no_rows"))
    else:
        backlog_table = gaps.backlog_table(backlog, ctx.lang)
        components.table(ctx, backlog_table, height=300)
        components.downloads(ctx, backlog_table, "gaps-backlog", small_cells=gaps.small_cells("micro_grid", ctx.lang))
        names = dict(zip(backlog["micro_grid_id"], backlog["name_zh"]))
        if st.session_state.get("gaps_backlog_micro_grid") not in names:
            st.session_state["gaps_backlog_micro_grid"] = next(iter(names))
        chosen = st.selectbox(
            ctx.t("gaps_pick_micro_grid"), list(names), key="gaps_backlog_micro_grid", format_func=names.get
        )
        households = gaps.households_table(ctx.q("backlog_households", day=day, micro_grid=chosen), ctx.lang)
        components.table(ctx, households)
        components.downloads(ctx, households, "gaps-backlog-households")
        if not ctx.user.sees_personal_data:
            st.caption(ctx.t("masked_note", k=ctx.small_cell))

st.subheader(ctx.t("gaps_section_revisit"))
st.caption(ctx.t("gaps_revisit_caption"))
plan = ctx.q("revisit_plan", day=day, street=street, community=community)
by_hour = ctx.q("visits_by_hour", day=day, street=street)
summary = gaps.hours_summary(by_hour, plan, ctx.lang)
if summary:
    st.markdown(summary)
hours = ctx.q("backlog_attempt_hours", day=day, street=street, community=community)
components.chart_with_table(
    ctx, gaps_charts.attempt_hours(hours, by_hour, ctx.lang), gaps.hours_table(hours, by_hour, ctx.lang), "gaps-hours"
)
plan_table = gaps.revisit_table(plan, ctx.lang)
components.table(ctx, plan_table, height=360)
components.downloads(ctx, plan_table, "gaps-revisit-plan")
