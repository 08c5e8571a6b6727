"""Figures are built once per inputs and shared (issue 17): a page's rerun builds no plotly figure,
and anything that differs in the inputs (a value, the language) builds a new one."""

from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from knockboard import briefing_charts, figures, store
from knockboard.app import PAGES
from knockboard.briefing_export import build

ROOT = Path(__file__).resolve().parent.parent


def days(n: int, knocked: int = 5) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "day": pd.date_range("2022-02-01", periods=n),
            "knocked": [knocked] * n,
            "covered": [1] * n,
            "registered": [10] * n,
            "coverage": [0.1] * n,
        }
    )


def test_the_same_inputs_give_the_very_same_figure_and_other_inputs_a_new_one():
    first = briefing_charts.knocked_per_day(days(20), "zh")
    assert briefing_charts.knocked_per_day(days(20), "zh") is first  # an equal frame, not the same object
    assert briefing_charts.knocked_per_day(days(20), "en") is not first
    changed = days(20)
    changed.loc[7, "knocked"] = 6
    other = briefing_charts.knocked_per_day(changed, "zh")
    assert other is not first and list(other.data[0].y)[7] == 6


def test_one_changed_row_of_a_large_frame_builds_a_new_figure():
    """Streamlit samples frames of 50,000 rows or more when it hashes them: one changed row could
    then show yesterday's figure. Frames are hashed whole."""
    big = days(60_000)
    first = figures.daily(big, [figures.Series("knocked", "k", "#000")], "t", "y", "zh")
    changed = big.copy()
    changed.loc[45_678, "knocked"] = 9
    second = figures.daily(changed, [figures.Series("knocked", "k", "#000")], "t", "y", "zh")
    assert second is not first and second.data[0].y[45_678] == 9


def test_the_briefing_export_leaves_the_shared_figures_as_they_were(monkeypatch, small_demo_db):
    """The export sizes its charts for A4: on copies, or every session's briefing would be 680 px wide."""
    handed_out = []
    for name in ("coverage_against_target", "knocked_per_day", "hours_per_day"):
        real = getattr(briefing_charts, name)
        monkeypatch.setattr(
            briefing_charts, name, lambda *a, _real=real, **k: handed_out.append(_real(*a, **k)) or handed_out[-1]
        )
    con = store.connect(small_demo_db)
    try:
        html, _ = build(con, None, None, "zh")
    finally:
        con.close()
    assert html.count('class="plotly-graph-div"') == 3 and len(handed_out) == 3
    assert [(f.layout.width, f.layout.height) for f in handed_out] != [(680, 300)] * 3
    assert all(f.layout.width is None for f in handed_out)


CHART_PAGES = [p.file for p in PAGES if p.url_path in ("briefing", "gaps", "knocked", "hours", "inspections", "leads")]


@pytest.mark.parametrize("page", CHART_PAGES)
def test_a_rerun_of_a_chart_page_builds_no_figure(monkeypatch, small_demo_db, page):
    monkeypatch.setenv("KNOCKBOARD_DB", str(small_demo_db))
    built = []
    real_init = go.Figure.__init__

    def counting_init(self, *args, **kwargs):
        built.append(1)
        real_init(self, *args, **kwargs)

    at = AppTest.from_file(str(ROOT / page), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    monkeypatch.setattr(go.Figure, "__init__", counting_init)
    at.run()
    assert not at.exception and at.get("plotly_chart")
    assert built == [], f"{page}: {len(built)} figures built again on a rerun"
