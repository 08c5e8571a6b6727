"""Knockboard (敲门看板) — entry point: `streamlit run dashboard.py`.

Declares the navigation first (so even a first start that builds the demo shows the real menu),
builds the shared shell (sign-in, store, sidebar, language) once per run, then runs the chosen page.
The menu holds the pages the signed-in user's role may open.
"""

import streamlit as st

from knockboard import i18n, signin
from knockboard.app import CONTEXT_KEY, build_context, language, page_from_url, pages_for

lang = language()
user = signin.current_user()
specs = pages_for(user)
pages = {p.url_path: st.Page(p.file, title=i18n.t(p.title_key, lang), icon=p.icon, url_path=p.url_path,
                             default=(i == 0))
         for i, p in enumerate(specs)}
navigation = st.navigation(list(pages.values()), position="sidebar" if user else "hidden")

st.session_state[CONTEXT_KEY] = build_context()
handed_over = page_from_url(pages)
if handed_over is not None:
    st.switch_page(handed_over, query_params=st.query_params.to_dict())
navigation.run()
