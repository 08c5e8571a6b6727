"""Daily briefing (每日简报): the landing page for leadership."""

import streamlit as st

from knockboard import audit, briefing, briefing_charts, briefing_export, components, i18n
from knockboard.app import page_context, served_store

ctx = page_context()
day = ctx.day
b = briefing.gather(ctx.q, day, ctx.street, ctx.lang, ctx.coverage_target)

st.title(ctx.t("briefing_title", day=ctx.day_long()))
st.caption(f"{i18n.md(ctx.area_label)} · {ctx.t('vs_prev_day' if b.has_previous else 'no_previous_day')}")


def briefing_html() -> str:
    audit.record("export", ctx.user.name, what="briefing", street=ctx.street, day=day)
    with served_store(ctx.path).reading() as con:
        return briefing_export.build(con, day, ctx.street, ctx.lang, scope=ctx.user.street)[0]


with st.container(horizontal=True):
    # made when clicked: the page itself stays fast
    st.download_button(
        ctx.t("download_html"),
        lambda: briefing_html().encode("utf-8"),
        file_name=f"briefing-{day.isoformat()}-{ctx.street or 'district'}-{ctx.lang}.html",
        mime="text/html",
        on_click="ignore",
        key="briefing-html",
    )
    pdf_ready = briefing_export.chromium_path() is not None
    st.download_button(
        ctx.t("download_pdf"),
        lambda: briefing_export.pdf_bytes(briefing_html()),
        file_name=f"briefing-{day.isoformat()}-{ctx.street or 'district'}-{ctx.lang}.pdf",
        mime="application/pdf",
        on_click="ignore",
        key="briefing-pdf",
        disabled=not pdf_ready,
        help=None if pdf_ready else ctx.t("pdf_unavailable"),
    )
# the sentences and the attention list carry names from the store: literal, never Markdown
for sentence in b.words:
    st.markdown(i18n.md(sentence))

st.subheader(ctx.t("section_headline"))
cards = b.cards
# one row that wraps: five cards to a row on a desktop, two on a phone (components.SCREEN_CSS)
with st.container(horizontal=True, key="briefing_cards"):
    for card in cards:
        help_text = None
        if card.key == "coverage":
            help_text = ctx.t("coverage_help", target=f"{ctx.coverage_target:.0%}")
        unchanged = card.change == 0
        st.metric(
            ctx.t(card.key),
            card.shown(),
            card.shown_change(ctx.lang),
            delta_color="off" if unchanged else ("inverse" if card.worse_when_up else "normal"),
            delta_arrow="off" if unchanged else "auto",
            help=help_text,
            border=True,
            chart_data=card.trend or None,
            chart_type="bar" if card.kind == "count" else "line",
        )
coverage_card = cards[1]
if coverage_card.value is not None:
    st.progress(
        min(coverage_card.value / ctx.coverage_target, 1.0),
        text=ctx.t(
            "target_completion",
            pct=f"{coverage_card.value / ctx.coverage_target:.1%}",
            target=f"{ctx.coverage_target:.0%}",
        ),
    )

st.subheader(ctx.t("section_attention"))
for item in b.attention:
    st.markdown(f"- {i18n.md(item)}")

# the ranking across the page, so every column shows on a desktop; on a phone it starts with the
# area, its coverage and its rank, the area pinned while the rest scrolls sideways
st.subheader(ctx.t("section_ranking_communities" if ctx.street else "section_ranking"))
st.caption(ctx.t("ranking_caption"))
table = b.ranking_table
with st.container(key="briefing_ranking"):
    order = briefing.ranking_key_columns_first(table, ctx.lang)
    components.table(
        ctx,
        briefing.ranking_styled(table, ctx.lang),
        height=35 * (len(table) + 1) + 3,
        column_order=order,
        column_config={order[0]: st.column_config.Column(pinned=True)},
    )
components.downloads(ctx, table, "community-ranking" if ctx.street else "street-ranking")

st.subheader(ctx.t("section_trend"))
for column, fig in zip(
    st.columns(3),
    [
        briefing_charts.coverage_against_target(b.visits, ctx.coverage_target, ctx.lang),
        briefing_charts.knocked_per_day(b.visits, ctx.lang),
        briefing_charts.hours_per_day(b.shifts, ctx.lang),
    ],
):
    with column:
        components.chart(fig)
