"""Knockboard (敲门看板) — entry point: `streamlit run dashboard.py`.

Builds the shared shell (store, sidebar, language) once per run, then runs the chosen page.
"""

import streamlit as st

from knockboard.app import CONTEXT_KEY, build_context

ctx = build_context()
st.session_state[CONTEXT_KEY] = ctx

pages = [
    st.Page("pages/briefing.py", title=ctx.t("page_briefing"), icon="📋", url_path="briefing", default=True),
]
st.navigation(pages).run()
