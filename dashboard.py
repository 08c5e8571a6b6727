"""Knockboard (敲门看板) — entry point: `streamlit run dashboard.py`.

Builds the shared shell (store, sidebar, language) once per run, then runs the chosen page.
"""

import streamlit as st

from knockboard.app import CONTEXT_KEY, PAGES, build_context

ctx = build_context()
st.session_state[CONTEXT_KEY] = ctx

pages = [st.Page(p.file, title=ctx.t(p.title_key), icon=p.icon, url_path=p.url_path, default=(i == 0))
         for i, p in enumerate(PAGES)]
st.navigation(pages).run()
