"""Party-member hours (党员志愿时长): hours, posts, organisations, teams, volunteers, checkpoints."""

import streamlit as st

from knockboard import components, hours, i18n, knocked, shown, url_state
from knockboard.app import page_context
from knockboard.figures import (
    BLUE,
    GREEN,
    GREY,
    ORANGE,
    POST_COLOURS,
    PURPLE,
    RED,
    Series,
    by_unit,
    daily,
    distribution,
)

ctx = page_context()
day, street, lang, t = ctx.day, ctx.street, ctx.lang, ctx.t
by = knocked.by_words(street, lang)

st.title(t("hours_title", day=ctx.day_long()))
st.caption(t("hours_caption", scope=i18n.md(ctx.area_label)))

# ---------------------------------------------------------------- the article's figures, computed
head = ctx.q("hours_headline", day=day, street=street).iloc[0]
per_day = ctx.q("hours_daily", start=ctx.first_day, end=day, street=street)
cards = st.columns(4)
cards[0].metric(
    t("hours_card_party_members"),
    i18n.number(head["party_members_on_duty"]),
    help=t("hours_card_party_members_help"),
    border=True,
)
cards[1].metric(t("hours_card_teams"), i18n.number(head["teams"]), border=True)
cards[2].metric(
    t("hours_card_organ_members"),
    i18n.number(head["organ_members"]),
    help=t("hours_card_organ_members_help"),
    border=True,
)
cards[3].metric(t("hours_card_organ_hours"), hours.hours_text(head["organ_hours"]), border=True)
cards = st.columns(4)
cards[0].metric(t("hours_card_hours"), hours.hours_text(head["hours"]), border=True)
cards[1].metric(
    t("hours_card_hours_day"),
    hours.hours_text(shown.value_on(per_day, day, "hours")),
    shown.change_since(per_day, day, "hours", 1),
    border=True,
)
cards[2].metric(
    t("hours_card_active_day"),
    i18n.number(shown.value_on(per_day, day, "active_volunteers")),
    shown.change_since(per_day, day, "active_volunteers"),
    border=True,
)

# ---------------------------------------------------------------- per day
st.header(t("hours_section_daily"))
components.chart_with_table(
    ctx,
    daily(
        per_day,
        [
            Series("hours", t("hours_hours"), ORANGE),
            Series("active_volunteers", t("hours_active"), BLUE, "line", secondary=True),
        ],
        t("hours_chart_daily"),
        t("hours_axis_hours"),
        lang,
        y2_title=t("hours_axis_volunteers"),
    ),
    hours.daily_table(per_day, lang),
    "hours-per-day",
)

# ---------------------------------------------------------------- posts
st.header(t("hours_section_posts"))
left, right = st.columns([2, 3])
with left:
    posts = hours.with_names(ctx.q("hours_by_post", day=day, street=street), lang)
    components.chart_with_table(
        ctx,
        by_unit(
            posts,
            "post",
            [Series("hours", t("hours_hours"), ORANGE)],
            t("hours_chart_by_post"),
            t("hours_axis_hours"),
            t("hours_axis_post"),
            lang,
        ),
        hours.post_table(posts, lang),
        "hours-by-post",
    )
with right:
    wide = hours.posts_by_day(ctx.q("hours_by_post_daily", start=ctx.first_day, end=day, street=street))
    components.chart_with_table(
        ctx,
        daily(
            wide,
            [Series(p, hours.post_name(p, lang), c) for p, c in zip(hours.POSTS, POST_COLOURS)],
            t("hours_chart_by_post_daily"),
            t("hours_axis_hours"),
            lang,
            stacked=True,
        ),
        hours.post_daily_table(wide, lang),
        "hours-by-post-per-day",
    )

# ---------------------------------------------------------------- organisations, streets, teams
st.header(t("hours_section_orgs"))
left, right = st.columns(2)
with left:
    orgs = hours.with_names(ctx.q("hours_by_org", day=day, street=street), lang)
    components.chart_with_table(
        ctx,
        by_unit(
            orgs,
            "org",
            [Series("hours", t("hours_hours"), ORANGE)],
            t("hours_chart_by_org"),
            t("hours_axis_hours"),
            t("hours_axis_org"),
            lang,
        ),
        hours.org_table(orgs, lang),
        "hours-by-organisation",
    )
with right:
    units = shown.with_unit_names(ctx.q("hours_by_unit", day=day, street=street), lang)
    components.chart_with_table(
        ctx,
        by_unit(
            units,
            "unit",
            [Series("hours", t("hours_hours"), ORANGE)],
            t("hours_chart_by_unit", by=by),
            t("hours_axis_hours"),
            knocked.unit_axis(street, lang),
            lang,
        ),
        hours.unit_table(units, street, lang),
        "hours-by-unit",
    )
teams = hours.with_team_labels(ctx.q("hours_by_team", day=day, street=street), lang)
components.chart_with_table(
    ctx,
    by_unit(
        teams.head(hours.TOP_TEAMS),
        "name",
        [Series("hours", t("hours_hours"), ORANGE)],
        t("hours_chart_by_team", n=min(hours.TOP_TEAMS, len(teams)), total=i18n.number(len(teams))),
        t("hours_axis_hours"),
        t("hours_axis_team"),
        lang,
    ),
    hours.team_table(teams, lang),
    "hours-by-team",
)

# ---------------------------------------------------------------- volunteers
st.header(t("hours_section_people"))
joined = hours.with_not_retired(ctx.q("volunteers_joined_daily", start=ctx.first_day, end=day, street=street))
left, right = st.columns(2)
with left:
    st.caption(
        t("hours_joined_caption", n=i18n.number(joined["joined"].sum()), retired=i18n.number(joined["retired"].sum()))
    )
    components.chart_with_table(
        ctx,
        daily(
            joined,
            [
                Series("not_retired", t("hours_joined_other"), BLUE),
                Series("retired", t("hours_joined_retired"), GREEN),
                Series("joined_to_date", t("hours_joined_to_date"), GREY, "line", secondary=True),
            ],
            t("hours_chart_joined"),
            t("hours_axis_volunteers"),
            lang,
            stacked=True,
            y2_title=t("hours_joined_to_date"),
        ),
        hours.joined_table(joined, lang),
        "volunteers-joined",
    )
with right:
    bins = ctx.q("hours_per_volunteer_distribution", day=day, street=street, bin=hours.HOURS_BIN)
    components.chart_with_table(
        ctx,
        distribution(
            bins,
            "bin_start",
            "volunteers",
            t("hours_chart_distribution"),
            t("hours_axis_hours_per_volunteer", bin=hours.HOURS_BIN),
            t("hours_axis_volunteers"),
            lang,
            colour=PURPLE,
            bar_width=hours.HOURS_BIN * 0.95,
        ),
        hours.distribution_table(bins, hours.HOURS_BIN, lang),
        "hours-per-volunteer",
    )

url_state.control("hours_idle_days", url_state.number_between(1, 60), hours.IDLE_DAYS, lang, t("hours_idle_days"))
idle_days = int(
    st.number_input(t("hours_idle_days"), min_value=1, max_value=60, step=1, key="hours_idle_days", width=260)
)
url_state.keep("hours_idle_days", idle_days, hours.IDLE_DAYS)
idle = ctx.q("volunteers_idle_summary", day=day, days=idle_days, street=street).iloc[0]
st.caption(
    t(
        "hours_idle_caption",
        idle=i18n.number(idle["idle"]),
        volunteers=i18n.number(idle["volunteers"]),
        days=idle_days,
        day=ctx.day_long(),
        never=i18n.number(idle["never_worked"]),
    )
)
idle_list = hours.idle_list(
    ctx.q("volunteers_idle", day=day, days=idle_days, street=street, limit=hours.LIST_LIMIT), lang
)
st.caption(t("field_showing", shown=i18n.number(len(idle_list)), total=i18n.number(idle["idle"])))
components.table(ctx, idle_list, height=300)
components.downloads(ctx, idle_list, "volunteers-without-a-shift", filters={t("hours_idle_days"): str(idle_days)})

# ---------------------------------------------------------------- checkpoint duty
st.header(t("hours_section_checkpoint"))
checkpoint = hours.checkpoint_with_percent(ctx.q("checkpoint_daily", start=ctx.first_day, end=day, street=street))
left, right = st.columns(2)
with left:
    components.chart_with_table(
        ctx,
        daily(
            checkpoint,
            [
                Series("hours", t("hours_checkpoint_hours"), ORANGE),
                Series("volunteers", t("hours_checkpoint_volunteers"), BLUE, "line", secondary=True),
            ],
            t("hours_chart_checkpoint"),
            t("hours_axis_hours"),
            lang,
            y2_title=t("hours_axis_volunteers"),
        ),
        hours.checkpoint_table(checkpoint, lang),
        "checkpoint-per-day",
    )
with right:
    components.chart_with_table(
        ctx,
        daily(
            checkpoint,
            [
                Series("street_pct", t("hours_street_share"), RED, "line"),
                Series("grid_pct", t("hours_grid_share"), BLUE, "line"),
            ],
            t("hours_chart_checkpoint_share"),
            t("hours_axis_share"),
            lang,
            percent=True,
        ),
        hours.checkpoint_table(checkpoint, lang),
        "checkpoint-share",
    )
