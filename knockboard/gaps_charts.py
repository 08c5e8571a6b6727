"""Plotly figures of the coverage gaps page: titles, axis titles and units in the chosen language."""

import pandas as pd
import plotly.graph_objects as go

from knockboard import i18n
from knockboard.figure_cache import reused
from knockboard.figures import BLUE, GREY, ORANGE, RED, layout


@reused
def heatmap(matrix: pd.DataFrame, lang: str) -> go.Figure:
    """Grid x day, households knocked: a stalled grid is a row that goes blank."""
    fig = go.Figure(
        go.Heatmap(
            z=matrix.to_numpy(),
            x=[pd.Timestamp(d) for d in matrix.columns],
            y=list(matrix.index),
            colorscale=[[0, "#ffffff"], [0.02, "#deebf7"], [1, BLUE]],
            xgap=1,
            ygap=1,
            colorbar={"title": {"text": i18n.t("axis_households", lang)}},
            hovertemplate="%{y}<br>%{x|%m-%d}: %{z}<extra></extra>",
        )
    )
    fig = layout(fig, i18n.t("gaps_heatmap_title", lang, n=len(matrix)), i18n.t("gaps_axis_grid", lang), lang)
    fig.update_layout(height=max(320, 22 * len(matrix) + 120), hovermode="closest", showlegend=False)
    fig.update_yaxes(autorange="reversed", tickfont={"size": 11})
    return fig


@reused
def effort(merged: pd.DataFrame, days: int, lang: str) -> go.Figure:
    """Households missing against door-to-door hours, one dot per gap grid; red: no one on it."""
    fig = go.Figure()
    for unworked, colour, key in ((False, BLUE, "gaps_worked"), (True, RED, "gaps_unworked")):
        part = merged[merged["unworked"] == unworked]
        fig.add_trace(
            go.Scatter(
                x=part["missing"],
                y=part["hours_recent"],
                mode="markers",
                name=i18n.t(key, lang),
                marker={"color": colour, "size": 9, "opacity": 0.8, "line": {"width": 0.5, "color": "white"}},
                text=part["name_zh"],
                hovertemplate="%{text}<br>%{x} / %{y} h<extra></extra>",
            )
        )
    fig = layout(fig, i18n.t("gaps_effort_title", lang, days=days), i18n.t("gaps_axis_hours", lang), lang)
    fig.update_layout(hovermode="closest")
    fig.update_xaxes(title=i18n.t("gaps_axis_missing", lang), tickformat=None)
    return fig


@reused
def attempt_hours(attempts: pd.DataFrame, by_hour: pd.DataFrame, lang: str) -> go.Figure:
    """Bars: attempts on the backlog households by hour of day; line: share of all visits that met
    the household, by hour (right axis)."""
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            x=attempts["hour"], y=attempts["attempts"], marker_color=ORANGE, name=i18n.t("gaps_backlog_attempts", lang)
        )
    )
    fig.add_trace(
        go.Scatter(
            x=by_hour["hour"],
            y=by_hour["met_rate"] * 100,
            mode="lines+markers",
            line={"color": BLUE, "width": 3},
            name=i18n.t("gaps_met_rate", lang),
            yaxis="y2",
        )
    )
    fig = layout(fig, i18n.t("gaps_hours_title", lang), i18n.t("gaps_axis_attempts", lang), lang)
    fig.update_layout(
        yaxis2={
            "title": i18n.t("gaps_axis_met_rate", lang),
            "overlaying": "y",
            "side": "right",
            "range": [0, 105],
            "tickmode": "linear",
            "tick0": 0,
            "dtick": 25,
            "ticksuffix": "%",
            "showgrid": False,
        }
    )
    fig.update_xaxes(title=i18n.t("gaps_axis_hour", lang), tickformat=None, dtick=1, range=[5.5, 22.5], tickcolor=GREY)
    return fig
