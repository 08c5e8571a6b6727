"""The pages, in navigation order, and who may open which. dashboard.py, the shell and the tests
(AppTest, browser) read PAGES."""

from dataclasses import dataclass

import streamlit as st

from knockboard.access import User

ENTRY = "dashboard.py"
PAGE_PARAM = "page"  # carries the page through a hand-over from Streamlit's old `pages/` mode


@dataclass(frozen=True)
class PageSpec:
    file: str  # relative to the repository root
    title_key: str  # translation key of the title in the navigation
    icon: str
    url_path: str


PAGES = [
    PageSpec("pages/briefing.py", "page_briefing", "📋", "briefing"),
    PageSpec("pages/coverage_map.py", "page_coverage_map", "🗺️", "coverage_map"),
    PageSpec("pages/gaps.py", "page_gaps", "🔍", "gaps"),
    PageSpec("pages/knocked.py", "page_knocked", "🏠", "knocked"),
    PageSpec("pages/hours.py", "page_hours", "🕒", "hours"),
    PageSpec("pages/inspections.py", "page_inspections", "🏪", "inspections"),
    PageSpec("pages/leads.py", "page_leads", "🔎", "leads"),
    PageSpec("pages/data.py", "page_data", "📥", "data"),
    PageSpec("pages/users.py", "page_users", "👥", "users"),
]


def pages_for(user: User | None) -> list[PageSpec]:
    """The menu: the pages the user's role opens; before sign-in, every page (hidden), so a deep
    link still lands on its page once the user has signed in."""
    return [p for p in PAGES if user is None or user.may_open(p.url_path)]


def page_from_url(pages: dict[str, "st.Page"]) -> "st.Page | None":
    """dashboard.py: the page a hand-over from the old `pages/` mode asked for, if any."""
    target = st.query_params.get(PAGE_PARAM)
    if target is None:
        return None
    del st.query_params[PAGE_PARAM]
    return pages.get(target)
