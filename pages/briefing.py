"""Daily briefing (每日简报): the landing page for leadership."""

import datetime as dt

import streamlit as st

from knockboard import briefing, charts, components
from knockboard.app import page_context

ctx = page_context()
day, street = ctx.day, ctx.street
fortnight = day - dt.timedelta(days=13)
STALLED_DAYS = 3

visits = ctx.q("visits_daily", start=fortnight, end=day, street=street)
shifts = ctx.q("shifts_daily", start=fortnight, end=day, street=street)
inspections = ctx.q("inspections_daily", start=fortnight, end=day, street=street)
leads = ctx.q("leads_daily", start=fortnight, end=day, street=street)
street_coverage = ctx.q("street_coverage", day=day)
street_hours = ctx.q("street_hours", day=day)
stalled = ctx.q("stalled_grids", day=day, days=STALLED_DAYS, street=street)

st.title(ctx.t("briefing_title", day=ctx.day_long()))
st.caption(f"{ctx.scope} · {ctx.t('vs_prev_day')}")

st.subheader(ctx.t("section_headline"))
cards = briefing.headline(day, visits, shifts, inspections, leads)
for row_start in range(0, len(cards), 5):
    for column, card in zip(st.columns(5), cards[row_start:row_start + 5]):
        help_text = None
        if card.key == "coverage":
            help_text = ctx.t("coverage_help", target=f"{ctx.coverage_target:.0%}")
        unchanged = card.change == 0
        column.metric(ctx.t(card.key), card.shown(), card.shown_change(ctx.lang),
                      delta_color="off" if unchanged else ("inverse" if card.worse_when_up else "normal"),
                      delta_arrow="off" if unchanged else "auto", help=help_text, border=True,
                      chart_data=card.trend or None, chart_type="bar" if card.kind == "count" else "line")
coverage_card = cards[1]
if coverage_card.value is not None:
    st.progress(min(coverage_card.value / ctx.coverage_target, 1.0),
                text=ctx.t("target_completion", pct=f"{coverage_card.value / ctx.coverage_target:.1%}",
                           target=f"{ctx.coverage_target:.0%}"))

st.subheader(ctx.t("section_attention"))
for item in briefing.attention(day, street_coverage, visits, stalled, STALLED_DAYS, leads, inspections,
                               ctx.coverage_target, ctx.lang):
    st.markdown(f"- {item}")

left, right = st.columns([3, 2])
with left:
    st.subheader(ctx.t("section_ranking"))
    st.caption(ctx.t("ranking_caption"))
    table = briefing.ranking(street_coverage, street_hours, ctx.lang)
    st.dataframe(table, hide_index=True, width="stretch", height=35 * (len(table) + 1) + 3,
                 column_config={ctx.t("col_coverage"): st.column_config.NumberColumn(format="%.1f%%")})
    components.downloads(ctx, table, "street-ranking")
with right:
    st.subheader(ctx.t("section_trend"))
    st.plotly_chart(charts.coverage_against_target(visits, ctx.coverage_target, ctx.lang), width="stretch")
    st.plotly_chart(charts.knocked_per_day(visits, ctx.lang), width="stretch")
    st.plotly_chart(charts.hours_per_day(shifts, ctx.lang), width="stretch")
