"""Households knocked (入户敲门): doors knocked, outcomes, findings, follow-ups and the workers."""

import streamlit as st

from knockboard import components, dimensions, i18n, knocked, shown, url_state
from knockboard.app import page_context
from knockboard.figures import (
    BLUE,
    GREEN,
    GREY,
    ORANGE,
    OUTCOME_COLOURS,
    PURPLE,
    RED,
    Series,
    by_unit,
    daily,
    distribution,
)

ctx = page_context()
day, street, lang, t = ctx.day, ctx.street, ctx.lang, ctx.t

st.title(t("knocked_title", day=ctx.day_long()))
st.caption(t("knocked_caption", scope=i18n.md(ctx.area_label)))
# The period of the by-street tables and the workers' distribution, and the idle threshold: kept in
# the URL (?knocked_period=week&knocked_idle_days=5), the period by value, not its translated label.
url_state.control("knocked_period", url_state.one_of(knocked.PERIODS), "campaign", lang, t("field_period"))
url_state.control("knocked_idle_days", url_state.number_between(1, 30), knocked.IDLE_DAYS, lang, t("knocked_idle_days"))
controls = st.columns([3, 1])
period = controls[0].radio(
    t("field_period"),
    knocked.PERIODS,
    key="knocked_period",
    horizontal=True,
    format_func=lambda p: t(f"field_period_{p}"),
)
idle_days = int(
    controls[1].number_input(t("knocked_idle_days"), min_value=1, max_value=30, step=1, key="knocked_idle_days")
)
url_state.keep("knocked_period", period, "campaign")
url_state.keep("knocked_idle_days", idle_days, knocked.IDLE_DAYS)
start, end = knocked.period_range(period, day, ctx.first_day)
period_words = knocked.period_words(period, day, ctx.first_day, lang)
by = knocked.by_words(street, lang)
unit_axis = knocked.unit_axis(street, lang)
period_filter = {t("field_period"): period_words}  # what an export of a by-period table was cut to
idle_filter = {t("knocked_idle_days"): str(idle_days)}

daily_rows = ctx.q("knocked_daily", start=ctx.first_day, end=day, street=street)
units = shown.with_unit_names(ctx.q("knocked_by_unit", day=day, street=street), lang)
outcomes = shown.with_unit_names(ctx.q("outcomes_by_unit", start=start, end=end, street=street), lang)
followups = ctx.q("followups_daily", start=ctx.first_day, end=day, street=street)
idle = ctx.q("workers_idle_summary", day=day, days=idle_days, street=street).iloc[0]

# ---------------------------------------------------------------- headline
today = shown.value_on(daily_rows, day, "knocked")
covered = shown.value_on(daily_rows, day, "covered_to_date")
registered = shown.value_on(daily_rows, day, "registered")
coverage = shown.value_on(daily_rows, day, "coverage")
cards = st.columns(5)
cards[0].metric(
    t("knocked_card_knocked"), i18n.number(today), shown.change_since(daily_rows, day, "knocked"), border=True
)
cards[1].metric(
    t("knocked_card_avg7"),
    i18n.number(shown.value_on(daily_rows, day, "knocked_avg7")),
    shown.change_since(daily_rows, day, "knocked_avg7"),
    border=True,
)  # households: whole
cards[2].metric(
    t("knocked_card_covered"),
    i18n.number(covered),
    shown.change_since(daily_rows, day, "covered_to_date"),
    help=t("knocked_card_covered_help", registered=i18n.number(registered), coverage=i18n.percent(coverage)),
    border=True,
)
cards[3].metric(
    t("knocked_card_awaiting"),
    i18n.number(shown.value_on(followups, day, "awaiting")),
    shown.change_since(followups, day, "awaiting"),
    delta_color="inverse",
    help=t("knocked_card_awaiting_help"),
    border=True,
)
cards[4].metric(t("knocked_card_idle", days=idle_days), i18n.number(idle["idle"]), border=True)

# ---------------------------------------------------------------- households knocked
st.header(t("knocked_section_knocked"))
left, right = st.columns(2)
with left:
    components.chart_with_table(
        ctx,
        daily(
            daily_rows,
            [Series("knocked", t("knocked_knocked"), BLUE), Series("knocked_avg7", t("knocked_avg7"), ORANGE, "line")],
            t("knocked_chart_daily"),
            t("knocked_axis_households"),
            lang,
        ),
        knocked.daily_table(daily_rows, lang),
        "knocked-per-day",
    )
with right:
    components.chart_with_table(
        ctx,
        by_unit(
            units,
            "unit",
            [
                Series("knocked", t("knocked_knocked"), BLUE),
                Series("knocked_avg7", t("knocked_avg7"), ORANGE, "marker"),
            ],
            t("knocked_chart_by_unit", day=i18n.day_short(day, lang), by=by),
            t("knocked_axis_households"),
            unit_axis,
            lang,
        ),
        knocked.unit_table(units, street, lang),
        "knocked-by-unit",
    )
left, right = st.columns(2)
with left:
    components.chart_with_table(
        ctx,
        daily(
            knocked.with_target(daily_rows, ctx.coverage_target),
            [
                Series("covered_to_date", t("knocked_covered"), BLUE, "line"),
                Series("registered", t("knocked_registered"), GREY, "line"),
                Series("target", t("knocked_target", target=i18n.percent(ctx.coverage_target, 0)), RED, "line"),
            ],
            t("knocked_chart_covered"),
            t("knocked_axis_households"),
            lang,
        ),
        knocked.covered_table(daily_rows, lang),
        "covered-to-date",
    )
with right:
    components.chart_with_table(
        ctx,
        daily(
            daily_rows,
            [Series("first_visits", t("knocked_first_visits"), GREEN), Series("revisits", t("knocked_revisits"), BLUE)],
            t("knocked_chart_first_revisit"),
            t("knocked_axis_households"),
            lang,
            stacked=True,
        ),
        knocked.first_revisit_table(daily_rows, lang),
        "first-visits-revisits",
    )

# ---------------------------------------------------------------- outcomes
st.header(t("knocked_section_outcomes"))
outcome_series = [Series(o, t(dimensions.OUTCOMES.label_key(o)), OUTCOME_COLOURS[o]) for o in knocked.OUTCOMES]
left, right = st.columns(2)
with left:
    components.chart_with_table(
        ctx,
        daily(daily_rows, outcome_series, t("knocked_chart_outcomes"), t("knocked_axis_visits"), lang, stacked=True),
        knocked.outcomes_table(daily_rows, lang),
        "outcomes-per-day",
    )
with right:
    shares = knocked.outcome_shares(outcomes)
    components.chart_with_table(
        ctx,
        by_unit(
            shares,
            "unit",
            [Series(f"{o}_pct", t(dimensions.OUTCOMES.label_key(o)), OUTCOME_COLOURS[o]) for o in knocked.OUTCOMES],
            t("knocked_chart_outcomes_by_unit", by=by, period=period_words),
            t("knocked_axis_share"),
            unit_axis,
            lang,
            stacked=True,
            percent=True,
        ),
        knocked.outcomes_unit_table(outcomes, street, lang),
        "outcomes-by-unit",
        filters=period_filter,
    )

# ---------------------------------------------------------------- findings and follow-ups
st.header(t("knocked_section_findings"))
finding_series = [
    Series("returnees", t("knocked_returnees"), PURPLE, "line"),
    Series("yellow_codes", t("knocked_yellow"), ORANGE, "line"),
    Series("red_codes", t("knocked_red"), RED, "line"),
    Series("followups", t("knocked_followups"), BLUE, "line"),
]
left, right = st.columns(2)
with left:
    components.chart_with_table(
        ctx,
        daily(daily_rows, finding_series, t("knocked_chart_findings"), t("knocked_axis_findings"), lang),
        knocked.findings_table(daily_rows, lang),
        "findings-per-day",
    )
with right:
    components.chart_with_table(
        ctx,
        by_unit(
            outcomes,
            "unit",
            [Series(s.column, s.name, s.colour) for s in finding_series],
            t("knocked_chart_findings_by_unit", by=by, period=period_words),
            t("knocked_axis_findings"),
            unit_axis,
            lang,
        ),
        knocked.findings_unit_table(outcomes, street, lang),
        "findings-by-unit",
        filters=period_filter,
    )

st.subheader(t("knocked_section_followups"))
awaiting_units = shown.with_unit_names(ctx.q("followups_by_unit", day=day, street=street), lang)
left, right = st.columns(2)
with left:
    components.chart_with_table(
        ctx,
        daily(
            followups,
            [
                Series("flagged", t("knocked_flagged"), ORANGE),
                Series("cleared", t("knocked_cleared"), GREEN),
                Series("awaiting", t("knocked_awaiting"), RED, "line", secondary=True),
            ],
            t("knocked_chart_followups"),
            t("knocked_axis_households"),
            lang,
            y2_title=t("knocked_awaiting"),
        ),
        knocked.followups_table(followups, lang),
        "followups-per-day",
    )
with right:
    components.chart_with_table(
        ctx,
        by_unit(
            awaiting_units,
            "unit",
            [Series("awaiting", t("knocked_awaiting"), RED)],
            t("knocked_chart_followups_by_unit", day=i18n.day_short(day, lang), by=by),
            t("knocked_axis_households"),
            unit_axis,
            lang,
        ),
        knocked.followups_unit_table(awaiting_units, street, lang),
        "followups-by-unit",
    )
awaiting = ctx.q("followups_awaiting", day=day, street=street, limit=knocked.LIST_LIMIT)
st.caption(
    t("knocked_followups_caption")
    + " "
    + t(
        "field_showing", shown=i18n.number(len(awaiting)), total=i18n.number(shown.value_on(followups, day, "awaiting"))
    )
)
awaiting_table = knocked.awaiting_list(awaiting, lang)
components.table(ctx, awaiting_table, height=300)
components.downloads(ctx, awaiting_table, "households-awaiting-follow-up")

# ---------------------------------------------------------------- workers
st.header(t("knocked_section_workers"))
summary = ctx.q("worker_day_summary", start=start, end=end, street=street, benchmark=knocked.BENCHMARK).iloc[0]
cards = st.columns(5)
cards[0].metric(t("knocked_worker_days"), i18n.number(summary["worker_days"]), border=True)
cards[1].metric(t("knocked_mean"), i18n.number(summary["mean"]), border=True)
cards[2].metric(t("knocked_median"), i18n.number(summary["median"]), border=True)
cards[3].metric(t("knocked_p90"), i18n.number(summary["p90"]), border=True)
cards[4].metric(
    t("knocked_at_benchmark", n=knocked.BENCHMARK),
    i18n.number(summary["at_benchmark"]),
    help=t("knocked_max") + ": " + i18n.number(summary["max"]),
    border=True,
)
left, right = st.columns([3, 2])
with left:
    dist = ctx.q("worker_day_distribution", start=start, end=end, street=street)
    st.caption(t("knocked_distribution_caption", n=knocked.BENCHMARK))
    components.chart_with_table(
        ctx,
        distribution(
            dist,
            "households",
            "worker_days",
            t("knocked_chart_distribution", period=period_words),
            t("knocked_axis_per_worker_day"),
            t("knocked_axis_worker_days"),
            lang,
            log_y=True,
            benchmark=knocked.BENCHMARK,
            benchmark_name=t("knocked_benchmark", n=knocked.BENCHMARK),
        ),
        knocked.distribution_table(dist, lang),
        "households-per-worker-day",
        filters=period_filter,
    )
with right:
    st.subheader(t("knocked_busiest"))
    busiest = knocked.busiest_table(ctx.q("worker_busiest_days", start=start, end=end, street=street, limit=20), lang)
    components.table(ctx, busiest)
    components.downloads(ctx, busiest, "busiest-worker-days", filters=period_filter)

st.caption(
    t(
        "knocked_idle_caption",
        idle=i18n.number(idle["idle"]),
        workers=i18n.number(idle["workers"]),
        days=idle_days,
        day=ctx.day_long(),
        never=i18n.number(idle["never_visited"]),
    )
)
left, right = st.columns(2)
with left:
    idle_units = shown.with_unit_names(ctx.q("workers_idle_by_unit", day=day, days=idle_days, street=street), lang)
    components.chart_with_table(
        ctx,
        by_unit(
            idle_units,
            "unit",
            [Series("idle", t("knocked_idle"), ORANGE)],
            t("knocked_chart_idle_by_unit", days=idle_days, by=by),
            t("knocked_axis_workers"),
            unit_axis,
            lang,
        ),
        knocked.idle_unit_table(idle_units, street, lang),
        "idle-workers-by-unit",
        filters=idle_filter,
    )
with right:
    idle_workers = knocked.idle_list(
        ctx.q("workers_idle", day=day, days=idle_days, street=street, limit=knocked.LIST_LIMIT), lang
    )
    st.caption(t("field_showing", shown=i18n.number(len(idle_workers)), total=i18n.number(idle["idle"])))
    components.table(ctx, idle_workers, height=400)
    components.downloads(ctx, idle_workers, "idle-workers", filters=idle_filter)
