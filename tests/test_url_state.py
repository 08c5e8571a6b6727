"""Every view is a link that reopens as it was (knockboard/url_state.py): the pages' own controls
too, and a value a link cannot set is said on the page, naming the control, in both languages."""

from tests.fixtures_gaps import gaps_con, gaps_db  # noqa: F401 (pytest fixtures)
from tests.helpers import open_page


def link_notices(at) -> list[str]:
    return [w.value for w in at.warning if "link" in w.value or "链接" in w.value]


def test_a_gaps_link_reopens_with_its_thresholds_and_signals(monkeypatch, small_demo_db):
    at = open_page(
        monkeypatch,
        small_demo_db,
        "gaps",
        lang="en",
        gaps_threshold="80",
        gaps_days="5",
        gaps_by_days="0",
        gaps_backlog_min="12",
        gaps_level="micro_grid",
    )
    assert not at.exception and link_notices(at) == []
    assert at.slider(key="gaps_threshold").value == 80 and at.slider(key="gaps_days").value == 5
    assert at.checkbox(key="gaps_by_days").value is False and at.checkbox(key="gaps_by_coverage").value
    assert at.number_input(key="gaps_backlog_min").value == 12
    assert at.radio(key="gaps_level").value == "micro_grid"
    kept = at.query_params
    assert (kept["gaps_threshold"], kept["gaps_by_days"], kept["gaps_backlog_min"]) == ("80", "0", "12")
    assert "gaps_by_coverage" not in kept  # a default needs no parameter


def test_changing_a_control_writes_the_link(monkeypatch, small_demo_db):
    at = open_page(monkeypatch, small_demo_db, "gaps", lang="en")
    assert "gaps_threshold" not in at.query_params
    at.slider(key="gaps_threshold").set_value(70).run()
    assert at.query_params["gaps_threshold"] == "70"
    at.slider(key="gaps_threshold").set_value(95).run()  # back to the default: the parameter goes
    assert "gaps_threshold" not in at.query_params


def test_a_value_a_control_cannot_take_is_said(monkeypatch, small_demo_db):
    at = open_page(monkeypatch, small_demo_db, "gaps", lang="en", gaps_threshold="120")
    assert not at.exception
    assert at.slider(key="gaps_threshold").value == 95
    said = " ".join(w.value for w in at.warning)
    assert "The link sets “Coverage threshold" in said and "“120”" in said and "95" in said
    at = open_page(monkeypatch, small_demo_db, "knocked", lang="zh", knocked_period="month")
    said = " ".join(w.value for w in at.warning)
    assert "“month”" in said and "无效" in said
    assert at.radio(key="knocked_period").value == "campaign"


def test_the_knocked_and_hours_controls_come_from_the_link(monkeypatch, small_demo_db):
    at = open_page(monkeypatch, small_demo_db, "knocked", lang="en", knocked_period="week", knocked_idle_days="5")
    assert not at.exception and link_notices(at) == []
    assert at.radio(key="knocked_period").value == "week" and at.number_input(key="knocked_idle_days").value == 5
    at = open_page(monkeypatch, small_demo_db, "hours", lang="en", hours_idle_days="9")
    assert not at.exception and at.number_input(key="hours_idle_days").value == 9
    assert at.query_params["hours_idle_days"] == "9"


def test_the_community_selector_shows_all_communities_and_takes_one_from_the_link(monkeypatch, gaps_db):
    at = open_page(monkeypatch, gaps_db, "gaps", lang="en", street="S3")
    chooser = at.selectbox(key="gaps_community")
    assert chooser.index == 0 and chooser.options[0] == "All communities"  # not an empty placeholder
    at = open_page(monkeypatch, gaps_db, "gaps", lang="en", street="S3", gaps_community="C3")
    assert not at.exception and link_notices(at) == []
    assert at.selectbox(key="gaps_community").value == "C3" and at.query_params["gaps_community"] == "C3"
