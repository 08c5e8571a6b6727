"""Knockboard (敲门看板) — entry point: `streamlit run dashboard.py`.

Builds the shared shell (store, sidebar, language) once per run, then runs the chosen page.
"""

import streamlit as st

from knockboard.app import CONTEXT_KEY, PAGES, build_context, page_from_url

ctx = build_context()
st.session_state[CONTEXT_KEY] = ctx

pages = {p.url_path: st.Page(p.file, title=ctx.t(p.title_key), icon=p.icon, url_path=p.url_path, default=(i == 0))
         for i, p in enumerate(PAGES)}
navigation = st.navigation(list(pages.values()))
handed_over = page_from_url(pages)
if handed_over is not None:
    st.switch_page(handed_over, query_params=st.query_params.to_dict())
navigation.run()
