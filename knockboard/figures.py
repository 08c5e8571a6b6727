"""The figures every page shares: the colours, the one layout, and a few shapes the field pages
(households knocked, party-member hours) draw — a daily series, bars per street or grid, a
distribution — with titles, axis titles and units in the chosen language. The pages pass
translated names; nothing here queries the store."""

import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from knockboard import i18n
from knockboard.figure_cache import reused

# Colour-blind safe, readable on white and in print.
BLUE, ORANGE, GREY, RED = "#1f6fb2", "#e07b00", "#8c8c8c", "#c62828"
TITLE_TOP = 36  # px from the chart's top to its title: clear of the toolbar's row (2-28 px)


def layout(fig: go.Figure, title: str, y_title: str, lang: str) -> go.Figure:
    fig.update_layout(
        # the title under the row of plotly's toolbar (top right), never beneath it: on a
        # narrow chart (a phone, the briefing's three trends) a title reaches the right edge
        title={
            "text": title,
            "font": {"size": 16},
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": TITLE_TOP},
        },
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


GREEN, PURPLE, SKY, YELLOW, PINK = "#009e73", "#7b4fa0", "#56b4e9", "#d4a017", "#cc79a7"
# Okabe-Ito order: distinct for colour-blind readers, one colour per post category.
POST_COLOURS = [BLUE, ORANGE, GREEN, PINK, SKY, PURPLE, YELLOW, GREY]
OUTCOME_COLOURS = {"met": BLUE, "not_home": ORANGE, "refused": RED, "vacant": GREY}


@dataclass(frozen=True)
class Series:
    column: str
    name: str
    colour: str
    kind: str = "bar"  # bar | line | marker
    secondary: bool = False  # on the right-hand axis


def _trace(x, y, s: Series, horizontal: bool = False):
    xy = {"x": y, "y": x, "orientation": "h"} if horizontal else {"x": x, "y": y}
    if s.kind == "bar":
        return go.Bar(**xy, name=s.name, marker_color=s.colour)
    if s.kind == "marker":
        return go.Scatter(
            **xy,
            name=s.name,
            mode="markers",
            marker={"color": s.colour, "symbol": "diamond", "size": 9, "line": {"color": "white", "width": 1}},
        )
    return go.Scatter(**xy, name=s.name, mode="lines", line={"color": s.colour, "width": 3})


@reused
def daily(
    df: pd.DataFrame,
    series: list[Series],
    title: str,
    y_title: str,
    lang: str,
    stacked: bool = False,
    y2_title: str | None = None,
    percent: bool = False,
) -> go.Figure:
    """Series over days (column `day`): bars and lines, optionally stacked or on a second axis."""
    fig = go.Figure()
    for s in series:
        trace = _trace(df["day"], df[s.column], s)
        if s.secondary:
            trace.update(yaxis="y2")
        fig.add_trace(trace)
    fig = layout(fig, title, y_title, lang)
    if stacked:
        fig.update_layout(barmode="stack")
    if percent:
        fig.update_yaxes(ticksuffix="%", rangemode="tozero")
    if y2_title:
        fig.update_layout(
            yaxis2={
                "title": {"text": y2_title},
                "overlaying": "y",
                "side": "right",
                "rangemode": "tozero",
                "showgrid": False,
                "tickmode": "auto",
            }
        )
    return fig


@reused
def by_unit(
    df: pd.DataFrame,
    label_column: str,
    series: list[Series],
    title: str,
    x_title: str,
    y_title: str,
    lang: str,
    stacked: bool = False,
    percent: bool = False,
) -> go.Figure:
    """Horizontal bars, one row per street / grid / team (the first row at the top)."""
    fig = go.Figure()
    for s in series:
        fig.add_trace(_trace(df[label_column], df[s.column], s, horizontal=True))
    fig = layout(fig, title, "", lang)
    fig.update_layout(
        height=max(320, 24 * len(df) + 140), hovermode="y unified", barmode="stack" if stacked else "group"
    )
    fig.update_xaxes(title={"text": x_title}, tickformat=None, ticksuffix="%" if percent else None)
    fig.update_yaxes(title={"text": y_title}, autorange="reversed", type="category")
    return fig


@reused
def distribution(
    df: pd.DataFrame,
    x: str,
    y: str,
    title: str,
    x_title: str,
    y_title: str,
    lang: str,
    colour: str = BLUE,
    log_y: bool = False,
    benchmark: float | None = None,
    benchmark_name: str | None = None,
    bar_width: float | None = None,
) -> go.Figure:
    """Counts per value (or per bin starting at x), with an optional benchmark line."""
    # values at or beyond the benchmark stand out in red beside its line
    colours = [RED if benchmark is not None and v >= benchmark else colour for v in df[x]]
    bar = go.Bar(x=df[x], y=df[y], marker_color=colours, name=y_title)
    if bar_width:
        bar.update(width=bar_width, offset=0)
    fig = layout(go.Figure(bar), title, y_title, lang)
    fig.update_xaxes(title={"text": x_title}, tickformat=None)
    fig.update_layout(hovermode="closest", showlegend=benchmark is not None)
    if log_y:
        # from 0.5, so that a count of 1 still shows as a bar
        top = max(float(df[y].max()) if len(df) else 1.0, 1.0)
        fig.update_yaxes(type="log", range=[-0.3, math.log10(top) + 0.3])
    if benchmark is not None:
        # a line trace (not a shape) so the benchmark has a legend entry in the chosen language
        top = max(float(df[y].max()) if len(df) else 1.0, 1.0)
        fig.add_trace(
            go.Scatter(
                x=[benchmark, benchmark],
                y=[0.5 if log_y else 0, top],
                mode="lines",
                line={"color": RED, "dash": "dash", "width": 2},
                name=benchmark_name,
            )
        )
        # bars at the benchmark are one value wide on a long axis: a labelled marker keeps them visible
        busy = df[df[x] >= benchmark]
        fig.add_trace(
            go.Scatter(
                x=busy[x],
                y=busy[y],
                mode="markers+text",
                text=busy[y],
                textposition="top left",
                marker={"color": RED, "size": 10, "symbol": "diamond"},
                showlegend=False,
                name=y_title,
            )
        )
        fig.update_xaxes(range=[0, max(benchmark, float(df[x].max()) if len(df) else 0) * 1.05 + 1])
    return fig


def bars_layout(fig: go.Figure, title: str, value_title: str, category_title: str, lang: str, rows: int) -> go.Figure:
    """Horizontal bars: categories down the side (first on top), values along the bottom."""
    fig = layout(fig, title, category_title, lang)
    fig.update_layout(
        xaxis_title=value_title,
        hovermode="y unified",
        barmode="stack",
        legend_traceorder="normal",
        height=max(260, 90 + 24 * rows),
    )
    fig.update_xaxes(tickformat=",d")
    fig.update_yaxes(autorange="reversed", type="category")
    return fig
