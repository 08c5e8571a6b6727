"""The briefing's Plotly figures (also the coverage map's trend): titles, axis labels and units in the
chosen language."""

import pandas as pd
import plotly.graph_objects as go

from knockboard import i18n
from knockboard.figure_cache import reused
from knockboard.figures import BLUE, ORANGE, RED, layout


@reused
def knocked_per_day(visits: pd.DataFrame, lang: str) -> go.Figure:
    fig = go.Figure(go.Bar(x=visits["day"], y=visits["knocked"], marker_color=BLUE, name=i18n.t("knocked", lang)))
    return layout(fig, i18n.t("trend_knocked_title", lang), i18n.t("axis_households", lang), lang)


@reused
def coverage_against_target(visits: pd.DataFrame, target: float, lang: str) -> go.Figure:
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=visits["day"],
            y=visits["coverage"] * 100,
            mode="lines+markers",
            line={"color": BLUE, "width": 3},
            name=i18n.t("coverage", lang),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=visits["day"],
            y=[target * 100] * len(visits),
            mode="lines",
            line={"color": RED, "dash": "dash"},
            name=i18n.t("target", lang),
        )
    )
    title = i18n.t("trend_coverage_title", lang, target=i18n.percent(target, 0))
    fig = layout(fig, title, i18n.t("axis_coverage", lang), lang)
    low = min(visits["coverage"].min() * 100, target * 100) if len(visits) else 0
    fig.update_yaxes(range=[max(0, low - 5), 100], ticksuffix="%")
    return fig


@reused
def hours_per_day(shifts: pd.DataFrame, lang: str) -> go.Figure:
    fig = go.Figure(go.Bar(x=shifts["day"], y=shifts["hours"], marker_color=ORANGE, name=i18n.t("hours", lang)))
    return layout(fig, i18n.t("trend_hours_title", lang), i18n.t("axis_hours", lang), lang)
