"""Figures of the inspections and closures page: titles, axis titles and units in the chosen
language (layout and colours shared with knockboard/figures.py)."""

import pandas as pd
import plotly.graph_objects as go

from knockboard import dimensions, i18n
from knockboard.figure_cache import reused
from knockboard.figures import BLUE, ORANGE, RED, bars_layout, layout

PURPLE = "#7b3fa0"
OUTCOME_COLOURS = {"pass": BLUE, "rectify": ORANGE, "suspended": RED, "fined": PURPLE}


@reused
def outcomes_per_day(daily: pd.DataFrame, lang: str) -> go.Figure:
    fig = go.Figure(
        [
            go.Bar(
                x=daily["day"],
                y=daily[o],
                name=i18n.t(dimensions.INSPECTION_OUTCOMES.label_key(o), lang),
                marker_color=OUTCOME_COLOURS[o],
            )
            for o in OUTCOME_COLOURS
        ]
    )
    fig = layout(fig, i18n.t("inspections_chart_daily", lang), i18n.t("inspections_axis_inspections", lang), lang)
    fig.update_layout(barmode="stack", legend_traceorder="normal")
    return fig


@reused
def closed_per_day(daily: pd.DataFrame, lang: str) -> go.Figure:
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            x=daily["day"], y=daily["suspended"], marker_color=ORANGE, name=i18n.t("inspections_card_suspended", lang)
        )
    )
    fig.add_trace(
        go.Scatter(
            x=daily["day"],
            y=daily["closed_businesses"],
            mode="lines+markers",
            line={"color": RED, "width": 3},
            name=i18n.t("inspections_card_closed", lang),
        )
    )
    return layout(fig, i18n.t("inspections_chart_closed", lang), i18n.t("inspections_axis_businesses", lang), lang)


@reused
def outcome_bars(df: pd.DataFrame, labels: list[str], title_key: str, category_key: str, lang: str) -> go.Figure:
    """Stacked horizontal bars of inspections by outcome, one bar per row of `df` (street, category)."""
    fig = go.Figure(
        [
            go.Bar(
                y=labels,
                x=df[o],
                orientation="h",
                name=i18n.t(dimensions.INSPECTION_OUTCOMES.label_key(o), lang),
                marker_color=OUTCOME_COLOURS[o],
            )
            for o in OUTCOME_COLOURS
        ]
    )
    return bars_layout(
        fig,
        i18n.t(title_key, lang),
        i18n.t("inspections_axis_inspections", lang),
        i18n.t(category_key, lang),
        lang,
        len(df),
    )


@reused
def count_bars(
    labels,
    values,
    title_key: str,
    category_key: str,
    lang: str,
    colour: str = BLUE,
    name_key: str = "inspections_col_inspections",
) -> go.Figure:
    fig = go.Figure(
        go.Bar(y=list(labels), x=list(values), orientation="h", marker_color=colour, name=i18n.t(name_key, lang))
    )
    return bars_layout(
        fig,
        i18n.t(title_key, lang),
        i18n.t("inspections_axis_inspections", lang),
        i18n.t(category_key, lang),
        lang,
        len(labels),
    )
