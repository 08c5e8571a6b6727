"""Knockboard (敲门看板) — entry point: `streamlit run dashboard.py`.

Declares the navigation first (so even a first start that builds the demo shows the real menu),
builds the shared shell (sign-in, store, sidebar, language) once per run, then runs the chosen page.
The menu holds the pages the signed-in user's role may open; the others answer "not permitted".
"""

import streamlit as st

from knockboard import i18n, signin
from knockboard.app import CONTEXT_KEY, PAGES, build_context, language, page_from_url, pages_for

HOME = "home"  # the default page's own name (Streamlit shows it at "/")

lang = language()
user = signin.current_user()
menu = pages_for(user)
# Every page is registered; those outside the role are left out of the menu (hidden), so a link to
# one opens it and is told "not permitted" (and recorded) instead of Streamlit's "page not found".
pages = {
    p.url_path: st.Page(
        p.file,
        title=i18n.t(p.title_key, lang),
        icon=p.icon,
        url_path=p.url_path,
        visibility="visible" if p in menu else "hidden",
    )
    for p in PAGES
}
# The root URL opens the role's first page. Streamlit serves its default page at "/" only, so the
# default is a hidden twin of that page: its own link (/briefing) keeps working as well.
home = st.Page(
    menu[0].file,
    title=i18n.t(menu[0].title_key, lang),
    icon=menu[0].icon,
    url_path=HOME,
    default=True,
    visibility="hidden",
)
navigation = st.navigation([home, *pages.values()], position="sidebar" if user else "hidden")
just_signed_in = st.session_state.pop(signin.JUST_SIGNED_IN, False)
if just_signed_in and navigation is not home and navigation.url_path not in {p.url_path for p in menu}:
    st.switch_page(pages[menu[0].url_path])  # the form stood on a page outside the role: go to the first one

st.session_state[CONTEXT_KEY] = build_context()
handed_over = page_from_url(pages)
if handed_over is not None:
    st.switch_page(handed_over, query_params=st.query_params.to_dict())
navigation.run()
