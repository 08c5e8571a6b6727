"""Inspections and closures (检查与停业整顿): inspections, what they found, closed businesses on a
map and in a list, closures over time, repeat offenders and businesses awaiting re-inspection."""

import streamlit as st

from knockboard import components, i18n, inspections, maps
from knockboard import inspections_charts as figures
from knockboard.app import page_context

ctx = page_context()
day, street, lang = ctx.day, ctx.street, ctx.lang
start = ctx.first_day  # breakdowns cover the campaign so far

daily = ctx.q("inspections_daily", start=start, end=day, street=street)
closed = ctx.q("inspections_closed_on_day", day=day, street=street)
businesses = ctx.q("inspections_business_map", day=day, street=street)
outlines = ctx.q("street_shapes")  # boundaries may be missing: outline_layer skips them
repeat = ctx.q("inspections_repeat_offenders", day=day, street=street)
rectify = ctx.q("inspections_rectify_pending", day=day, street=street)
by_street = ctx.q("inspections_by_street", start=start, day=day)
by_category = ctx.q("inspections_by_category", start=start, day=day, street=street)
findings = ctx.q("inspections_findings", start=start, day=day, street=street)
agencies = ctx.q("inspections_agencies", start=start, day=day, street=street)

st.title(ctx.t("inspections_title", day=ctx.day_long()))
st.caption(ctx.t("inspections_caption", scope=i18n.md(ctx.area_label)))

help_keys = {
    "inspections_card_failed": "inspections_help_failed",
    "inspections_card_closed": "inspections_help_closed",
    "inspections_card_repeat": "inspections_help_repeat",
    "inspections_card_rectify": "inspections_help_rectify",
}
cards = inspections.cards(daily, day, len(repeat), len(rectify))
for column, card in zip([*st.columns(3), *st.columns(3)], cards):  # the day's work, then where things stand
    column.metric(
        ctx.t(card.key),
        card.shown(),
        card.shown_change(lang),
        delta_color="inverse" if card.worse_when_up else "normal",
        help=ctx.t(help_keys[card.key]) if card.key in help_keys else None,
        border=True,
    )

# ---- the map and the closed list
st.subheader(ctx.t("inspections_section_map", day=ctx.day_long()))
points = inspections.map_data(businesses, lang)
layers = [maps.outline_layer(outlines["boundary"], "street-outlines")]
if street:
    layers.append(
        maps.outline_layer(
            outlines.loc[outlines["street_id"] == street, "boundary"],
            "chosen-street-outline",
            colour=(40, 40, 40),
            width_px=3,
            fill=None,
        )
    )
for status, where in points.plain.items():
    layers.append(
        maps.point_layer(
            where,
            f"businesses-{status}",
            colour=inspections.STATUS_COLOURS[status],
            radius=inspections.RADIUS,
            position="-",
            pickable=False,
        )
    )
layers.append(maps.point_layer(points.detailed, "businesses"))
tip = maps.tooltip(
    "name",
    [
        (ctx.t("inspections_tip_category"), "category"),
        (ctx.t("inspections_tip_address"), "address"),
        (ctx.t("inspections_tip_outcome"), "outcome"),
        (ctx.t("inspections_tip_closed_until"), "closed_until_text"),
    ],
)
st.pydeck_chart(
    maps.deck(layers, maps.fit_view(businesses["lat"], businesses["lon"]), tip), height=560, key="inspections-map"
)
st.markdown(maps.legend_html(inspections.legend(points.counts, lang)), unsafe_allow_html=True)
st.caption(ctx.t("inspections_map_caption"))
if points.plain:
    st.caption(ctx.t("inspections_map_plain_note", limit=f"{inspections.DETAIL_LIMIT:,}"))

st.subheader(ctx.t("inspections_section_closed", day=ctx.day_long()))
st.caption(ctx.t("inspections_closed_caption"))
if closed.empty:
    st.info(ctx.t("inspections_none_closed"))
else:
    table = inspections.closed_table(closed, ctx.street_names, lang)
    components.table(ctx, table)
    components.downloads(ctx, table, "closed-businesses")

# ---- over the campaign
st.subheader(ctx.t("inspections_section_trend"))
st.caption(ctx.t("inspections_window", start=ctx.day_long(start), day=ctx.day_long()))
daily_table = inspections.daily_table(daily, lang)
left, right = st.columns(2)
with left:
    components.chart_with_table(ctx, figures.outcomes_per_day(daily, lang), daily_table, "inspections-per-day")
with right:
    components.chart_with_table(ctx, figures.closed_per_day(daily, lang), daily_table, "closures-per-day")

# ---- where, what and who
st.subheader(ctx.t("inspections_section_breakdown"))
st.caption(ctx.t("inspections_window", start=ctx.day_long(start), day=ctx.day_long()))
street_table = inspections.street_table(by_street, lang)
category_table = inspections.category_table(by_category, lang)
street_chart = figures.outcome_bars(
    by_street,
    street_table[ctx.t("inspections_col_street")].tolist(),
    "inspections_chart_street",
    "inspections_col_street",
    lang,
)
category_chart = figures.outcome_bars(
    by_category,
    category_table[ctx.t("inspections_col_category")].tolist(),
    "inspections_chart_category",
    "inspections_col_category",
    lang,
)
findings_chart = figures.count_bars(
    findings["finding"],
    findings["inspections"],
    "inspections_chart_findings",
    "inspections_col_finding",
    lang,
    colour=figures.RED,
)
agencies_chart = figures.count_bars(
    [inspections.named(a, lang) for a in agencies["agency"]],
    agencies["inspections"],
    "inspections_chart_agencies",
    "inspections_col_agency",
    lang,
)
left, right = st.columns(2)
with left:
    components.chart_with_table(ctx, street_chart, street_table, "inspections-by-street")
    components.chart_with_table(ctx, findings_chart, inspections.findings_table(findings, lang), "findings")
with right:
    components.chart_with_table(ctx, category_chart, category_table, "inspections-by-category")
    components.chart_with_table(ctx, agencies_chart, inspections.agencies_table(agencies, lang), "agencies")

# ---- lists to act on
st.subheader(ctx.t("inspections_section_repeat"))
st.caption(ctx.t("inspections_repeat_caption", day=ctx.day_long()))
if repeat.empty:
    st.info(ctx.t("inspections_none_repeat"))
else:
    table = inspections.repeat_table(repeat, ctx.street_names, lang)
    components.table(ctx, table)
    components.downloads(ctx, table, "repeat-offenders")

st.subheader(ctx.t("inspections_section_rectify"))
st.caption(ctx.t("inspections_rectify_caption", day=ctx.day_long()))
if rectify.empty:
    st.info(ctx.t("inspections_none_rectify"))
else:
    table = inspections.rectify_table(rectify, ctx.street_names, lang)
    components.table(ctx, table)
    components.downloads(ctx, table, "awaiting-reinspection")
