"""Plotly figures used by the pages: titles, axis labels and units in the chosen language."""

import pandas as pd
import plotly.graph_objects as go

from knockboard import i18n

# Colour-blind safe, readable on white and in print.
BLUE, ORANGE, GREY, RED = "#1f6fb2", "#e07b00", "#8c8c8c", "#c62828"
TITLE_TOP = 36  # px from the chart's top to its title: clear of the toolbar's row (2-28 px)


def _layout(fig: go.Figure, title: str, y_title: str, lang: str) -> go.Figure:
    fig.update_layout(
        # the title under the row of plotly's toolbar (top right), never beneath it: on a
        # narrow chart (a phone, the briefing's three trends) a title reaches the right edge
        title={"text": title, "font": {"size": 16}, "y": 1, "yref": "container", "yanchor": "top",
               "pad": {"t": TITLE_TOP}},
        xaxis_title=i18n.t("axis_day", lang),
        yaxis_title=y_title,
        margin={"l": 10, "r": 10, "t": TITLE_TOP + 38, "b": 10},
        height=320,
        showlegend=True,
        legend={"orientation": "h", "y": -0.25},
        hovermode="x unified",
        font={"family": "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif"},
    )
    fig.update_xaxes(tickformat="%m-%d")
    return fig


def knocked_per_day(visits: pd.DataFrame, lang: str) -> go.Figure:
    fig = go.Figure(go.Bar(x=visits["day"], y=visits["knocked"], marker_color=BLUE,
                           name=i18n.t("knocked", lang)))
    return _layout(fig, i18n.t("trend_knocked_title", lang), i18n.t("axis_households", lang), lang)


def coverage_against_target(visits: pd.DataFrame, target: float, lang: str) -> go.Figure:
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=visits["day"], y=visits["coverage"] * 100, mode="lines+markers",
                             line={"color": BLUE, "width": 3}, name=i18n.t("coverage", lang)))
    fig.add_trace(go.Scatter(x=visits["day"], y=[target * 100] * len(visits), mode="lines",
                             line={"color": RED, "dash": "dash"}, name=i18n.t("target", lang)))
    title = i18n.t("trend_coverage_title", lang, target=i18n.percent(target, 0))
    fig = _layout(fig, title, i18n.t("axis_coverage", lang), lang)
    low = min(visits["coverage"].min() * 100, target * 100) if len(visits) else 0
    fig.update_yaxes(range=[max(0, low - 5), 100], ticksuffix="%")
    return fig


def hours_per_day(shifts: pd.DataFrame, lang: str) -> go.Figure:
    fig = go.Figure(go.Bar(x=shifts["day"], y=shifts["hours"], marker_color=ORANGE,
                           name=i18n.t("hours", lang)))
    return _layout(fig, i18n.t("trend_hours_title", lang), i18n.t("axis_hours", lang), lang)
