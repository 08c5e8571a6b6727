"""Knockboard (敲门看板) — entry point: `streamlit run dashboard.py`.

Declares the navigation first (so even a first start that builds the demo shows the real menu),
builds the shared shell (store, sidebar, language) once per run, then runs the chosen page.
"""

import streamlit as st

from knockboard import i18n
from knockboard.app import CONTEXT_KEY, PAGES, build_context, language, page_from_url

lang = language()
pages = {p.url_path: st.Page(p.file, title=i18n.t(p.title_key, lang), icon=p.icon, url_path=p.url_path,
                             default=(i == 0))
         for i, p in enumerate(PAGES)}
navigation = st.navigation(list(pages.values()))

st.session_state[CONTEXT_KEY] = build_context()
handed_over = page_from_url(pages)
if handed_over is not None:
    st.switch_page(handed_over, query_params=st.query_params.to_dict())
navigation.run()
