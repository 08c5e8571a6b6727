"""Figures of the lead verification page: titles, axis titles and units in the chosen language
(layout and colours shared with knockboard/figures.py)."""

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from knockboard import dimensions, i18n
from knockboard.figure_cache import reused
from knockboard.figures import BLUE, GREY, ORANGE, RED, bars_layout, layout

PURPLE, TEAL = "#7b3fa0", "#00897b"
KIND_COLOURS = {"companion": BLUE, "returnee": ORANGE, "risk_area": PURPLE}


@reused
def leads_per_day(daily: pd.DataFrame, lang: str) -> go.Figure:
    """Received and verified per day (bars) and the valid rate of the day's verifications (line, right)."""
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    fig.add_trace(go.Bar(x=daily["day"], y=daily["received"], marker_color=BLUE, name=i18n.t("leads_received", lang)))
    fig.add_trace(go.Bar(x=daily["day"], y=daily["verified"], marker_color=TEAL, name=i18n.t("leads_verified", lang)))
    fig.add_trace(
        go.Scatter(
            x=daily["day"],
            y=daily["valid_rate"] * 100,
            mode="lines+markers",
            line={"color": RED, "width": 2},
            name=i18n.t("leads_valid_rate", lang),
        ),
        secondary_y=True,
    )
    fig = layout(fig, i18n.t("leads_chart_daily", lang), i18n.t("leads_axis_leads", lang), lang)
    fig.update_yaxes(
        title_text=i18n.t("leads_axis_valid_rate", lang),
        ticksuffix="%",
        rangemode="tozero",
        tickmode="auto",
        secondary_y=True,
        showgrid=False,
    )
    return fig


@reused
def leads_by_kind_per_day(kind_daily: pd.DataFrame, lang: str) -> go.Figure:
    fig = go.Figure()
    for kind, colour in KIND_COLOURS.items():
        rows = kind_daily[kind_daily["kind"] == kind]
        fig.add_trace(
            go.Bar(
                x=rows["day"],
                y=rows["received"],
                marker_color=colour,
                name=i18n.t(dimensions.LEAD_KINDS.label_key(kind), lang),
            )
        )
    fig = layout(fig, i18n.t("leads_chart_kind", lang), i18n.t("leads_axis_leads", lang), lang)
    fig.update_layout(barmode="stack", legend_traceorder="normal")
    return fig


@reused
def verify_time_per_day(times: pd.DataFrame, lang: str) -> go.Figure:
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=times["day"],
            y=times["median_hours"],
            mode="lines+markers",
            line={"color": BLUE, "width": 3},
            name=i18n.t("leads_median", lang),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=times["day"],
            y=times["p90_hours"],
            mode="lines+markers",
            line={"color": ORANGE, "dash": "dot"},
            name=i18n.t("leads_p90", lang),
        )
    )
    fig = layout(fig, i18n.t("leads_chart_time", lang), i18n.t("leads_axis_hours", lang), lang)
    fig.update_yaxes(rangemode="tozero")
    return fig


@reused
def backlog_by_age(backlog: pd.DataFrame, labels: list[str], lang: str) -> go.Figure:
    """Pending leads by age at the end of the day; the buckets over 24 hours in red."""
    colours = [RED if over else GREY for over in backlog["over_24h"]]
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=backlog["leads"],
            marker_color=colours,
            text=backlog["leads"],
            textposition="outside",
            name=i18n.t("leads_pending", lang),
        )
    )
    fig = layout(fig, i18n.t("leads_chart_backlog", lang), i18n.t("leads_axis_leads", lang), lang)
    fig.update_layout(xaxis_title=i18n.t("leads_axis_age", lang), showlegend=False, hovermode="x")
    fig.update_xaxes(tickformat=None, type="category")
    return fig


@reused
def pending_per_day(daily: pd.DataFrame, lang: str) -> go.Figure:
    fig = go.Figure(
        go.Scatter(
            x=daily["day"],
            y=daily["pending_over_24h"],
            mode="lines+markers",
            line={"color": RED, "width": 3},
            name=i18n.t("leads_pending_24h", lang),
        )
    )
    return layout(fig, i18n.t("leads_chart_pending", lang), i18n.t("leads_axis_leads", lang), lang)


@reused
def street_pending_bars(by_street: pd.DataFrame, labels: list[str], lang: str) -> go.Figure:
    """Per street: leads pending at the end of the day, split into up to 24 h and over 24 h."""
    fig = go.Figure(
        [
            go.Bar(
                y=labels,
                x=by_street["pending_over_24h"],
                orientation="h",
                marker_color=RED,
                name=i18n.t("leads_pending_24h", lang),
            ),
            go.Bar(
                y=labels,
                x=by_street["pending"] - by_street["pending_over_24h"],
                orientation="h",
                marker_color=GREY,
                name=i18n.t("leads_pending_recent", lang),
            ),
        ]
    )
    return bars_layout(
        fig,
        i18n.t("leads_chart_street", lang),
        i18n.t("leads_axis_leads", lang),
        i18n.t("leads_col_street", lang),
        lang,
        len(labels),
    )
