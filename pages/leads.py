"""Lead verification (大数据核查): police big-data leads received, verified and valid, time to verify,
and the pending backlog by age, for the district or one street."""

import streamlit as st

from knockboard import components, i18n, leads
from knockboard import leads_charts as figures
from knockboard.app import page_context

ctx = page_context()
day, street, lang = ctx.day, ctx.street, ctx.lang
start = ctx.first_day  # trends and breakdowns cover the campaign so far

totals = ctx.q("leads_totals", day=day, street=street)
daily = ctx.q("leads_daily", start=start, end=day, street=street)
times = leads.split_times(ctx.q("leads_verify_time", start=start, end=day, street=street))
kind_daily = ctx.q("leads_kind_daily", start=start, end=day, street=street)
backlog = ctx.q("leads_backlog_by_age", day=day, street=street)
by_kind = ctx.q("leads_by_kind", start=start, day=day, street=street)
by_street = ctx.q("leads_by_street", start=start, day=day)


def show(row: list[leads.Shown]) -> None:
    for column, shown in zip(st.columns(len(row)), row):
        column.metric(
            ctx.t(shown.key),
            shown.value,
            shown.change,
            help=shown.help,
            border=True,
            delta_color="inverse" if shown.worse_when_up else "normal",
        )


st.title(ctx.t("leads_title", day=ctx.day_long()))
st.caption(ctx.t("leads_caption", scope=i18n.md(ctx.area_label)))
st.markdown(leads.article_sentence(totals, start, lang))

st.subheader(ctx.t("leads_section_to_date"))
show(leads.to_date_figures(totals, lang))
st.subheader(ctx.t("leads_section_day", day=ctx.day_long()))
show(leads.day_figures(day, daily, backlog, lang))
st.subheader(ctx.t("leads_section_time"))
show(leads.time_figures(day, times, lang))

daily_table = leads.daily_table(daily, times.per_day, lang)
street_table = leads.street_table(by_street, lang)

st.subheader(ctx.t("leads_section_backlog", day=ctx.day_long()))
left, right = st.columns(2)
with left:
    st.caption(ctx.t("leads_backlog_caption"))
    components.chart_with_table(
        ctx,
        figures.backlog_by_age(backlog, leads.age_labels(backlog, lang), lang),
        leads.backlog_table(backlog, lang),
        "lead-backlog",
    )
with right:
    st.caption(ctx.t("leads_street_caption"))
    street_chart = figures.street_pending_bars(by_street, street_table[ctx.t("leads_col_street")].tolist(), lang)
    components.chart_with_table(ctx, street_chart, street_table, "leads-by-street")

st.subheader(ctx.t("leads_section_trend"))
left, right = st.columns(2)
with left:
    components.chart_with_table(ctx, figures.leads_per_day(daily, lang), daily_table, "leads-per-day")
    components.chart_with_table(ctx, figures.verify_time_per_day(times.per_day, lang), daily_table, "lead-time-per-day")
with right:
    components.chart_with_table(
        ctx,
        figures.leads_by_kind_per_day(kind_daily, lang),
        leads.kind_daily_table(kind_daily, lang),
        "leads-by-kind-per-day",
    )
    components.chart_with_table(ctx, figures.pending_per_day(daily, lang), daily_table, "leads-pending-per-day")

st.subheader(ctx.t("leads_section_kind"))
st.caption(ctx.t("leads_window", start=ctx.day_long(start), day=ctx.day_long()))
kind_table = leads.kind_table(by_kind, lang)
components.table(ctx, kind_table)
components.downloads(ctx, kind_table, "leads-by-kind")
