"""The app shell shared by every page: page config, sign-in, the sidebar (language, report day,
street) kept in the URL, and the hand-over from Streamlit's old `pages/` mode. The store is held by
app_store.py, what a page gets is context.py's Context, the pages are listed in page_registry.py.

dashboard.py builds the context once per run and hands it to the page; a page run on its own (a deep
link while Streamlit is in its old `pages/` mode) builds it itself, so it always has the sidebar,
the language and the store.
"""

import datetime as dt
import inspect
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from knockboard import components, i18n, signin, url_state
from knockboard.access import User
from knockboard.app_store import cached_query, ensure_store, served_store, store_status  # noqa: F401 (re-exported)
from knockboard.config import db_path, default_language
from knockboard.context import Context, not_permitted  # noqa: F401 (re-exported for pages)
from knockboard.page_registry import ENTRY, PAGE_PARAM, PAGES, PageSpec, page_from_url, pages_for  # noqa: F401

CONTEXT_KEY = "_kb_context"
WIDGET_KEYS = ("kb_lang", "kb_day", "kb_street")
WHOLE_DISTRICT = ""

# Printing a page (Ctrl+P) gives paper, not a screenshot: no sidebar, toolbar or buttons, cards and
# charts kept whole across page breaks. And Streamlit's error box offers "Ask Google / Ask ChatGPT"
# links: dead on an offline intranet, and a way for an error's text to leave it, so they are hidden.
PRINT_CSS = """<style>
[data-testid="stException"] a[href^="http"] { display: none !important; }
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"],
  [data-testid="stDownloadButton"], [data-testid="stExpander"] { display: none !important; }
  [data-testid="stMain"] { margin-left: 0 !important; }
  [data-testid="stMetric"], [data-testid="stPlotlyChart"], [data-testid="stDataFrame"] { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
</style>"""


def _browser_language() -> str | None:
    try:
        locale = st.context.locale
    except Exception:  # not in a browser session (e.g. some test runners)
        return None
    if not locale:
        return None
    return "zh" if locale.lower().startswith("zh") else "en"


def _keep_sidebar_values() -> None:
    """Widget labels follow the language, and a widget whose label changes is a new widget to
    Streamlit, which would reset it; so would a page switch. Re-assigning the values keeps them."""
    for key in WIDGET_KEYS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def language() -> str:
    """This run's language: the URL, else this session's choice, else the browser, else the
    deployment setting. Safe to call more than once per run (before the sidebar is drawn)."""
    _keep_sidebar_values()
    url_lang = url_state.new_in_url("lang")
    if url_lang in i18n.LANGUAGES:
        st.session_state["kb_lang"] = url_lang
    st.session_state.setdefault("kb_lang", _browser_language() or default_language())
    lang = st.session_state["kb_lang"]
    if url_lang is not None and url_lang not in i18n.LANGUAGES:
        url_state.notice("url_lang_unknown", lang, value=url_lang, shown=i18n.LANGUAGES[lang])
    return lang


def _sidebar_user(ctx: Context) -> None:
    if ctx.user.method == "open":
        return
    street = ctx.street_label(ctx.user.street) if ctx.user.street else None
    st.markdown(
        ctx.t("signed_in_as", user=i18n.md(ctx.user.label), role=i18n.md(signin.role_text(ctx.user, ctx.lang, street)))
    )
    if ctx.user.method in ("local", "oidc"):
        st.button(ctx.t("sign_out"), on_click=signin.sign_out, key="kb_sign_out")
    signin.session_cookie()


def build_context() -> Context:
    """Page config, sign-in, store and sidebar for this run. Call once per run (dashboard.py does)."""
    st.set_page_config(page_title="Knockboard 敲门看板", page_icon="🚪", layout="wide")
    st.html(PRINT_CSS + components.SCREEN_CSS)
    lang = language()
    user = signin.require_user(lang)

    served = ensure_store(lang)
    path = str(db_path())
    version, populated, source = store_status(served)
    if not populated:
        st.warning(i18n.t("no_data", lang))
        st.stop()
    days = cached_query(path, version, "data_days", _scoped(user))
    streets = cached_query(path, version, "streets", _scoped(user))
    if streets.empty or pd.isna(days.iloc[0]["first_day"]):  # e.g. an account's street not in the store
        st.warning(i18n.t("no_data_in_scope", lang, street=user.street or ""))
        st.stop()
    first_day, latest_day = days.iloc[0]["first_day"].date(), days.iloc[0]["latest_day"].date()
    street_ids = streets["street_id"].tolist()
    names = {r.street_id: (r.name_zh, r.name_en) for r in streets.itertuples()}
    ctx = Context(
        lang=lang,
        day=latest_day,
        street=user.street,
        first_day=first_day,
        latest_day=latest_day,
        streets=streets,
        version=version,
        path=path,
        user=user,
        street_names=names,
        source=source,
        small_cell=signin.settings().small_cell,
    )

    raw_day, url_day = url_state.new_in_url("day"), url_state.from_url("day", dt.date.fromisoformat)
    if url_day and first_day <= url_day <= latest_day:
        st.session_state["kb_day"] = url_day
    elif raw_day is not None:  # not a date, or a day without data: said on the page, not dropped silently
        shown = i18n.day_long(st.session_state.get("kb_day", latest_day), lang)
        if url_day is None:
            url_state.notice("url_day_not_a_date", lang, value=raw_day, shown=shown)
        else:
            url_state.notice(
                "url_day_no_data",
                lang,
                value=i18n.day_long(url_day, lang),
                shown=shown,
                first=i18n.day_long(first_day, lang),
                latest=i18n.day_long(latest_day, lang),
            )
    asked = st.query_params.get("street")
    if user.street and asked not in (None, user.street):
        not_permitted(ctx, ctx.street_label(asked) if asked in names else asked)
    raw_street = url_state.new_in_url("street")
    if raw_street in street_ids:
        st.session_state["kb_street"] = raw_street
    elif raw_street is not None:
        url_state.notice(
            "url_street_unknown",
            lang,
            value=raw_street,
            shown=ctx.street_label(st.session_state.get("kb_street") or None),
        )
    # A street-scoped user has their street and nothing else. "" is the whole district (a None
    # option would show as an empty "Choose an option" box).
    choices = [user.street] if user.street else [WHOLE_DISTRICT, *street_ids]
    if st.session_state.get("kb_street") not in choices:
        st.session_state["kb_street"] = choices[0]
    if not (first_day <= st.session_state.setdefault("kb_day", latest_day) <= latest_day):
        st.session_state["kb_day"] = latest_day

    if user.method == "open":
        st.caption(ctx.t("open_mode_note"))
    url_state.show_notices(lang)
    with st.sidebar:
        st.markdown(f"### 🚪 {ctx.t('app_title')}")
        st.caption(ctx.t("app_subtitle"))
        st.radio(
            "语言 / Language", list(i18n.LANGUAGES), format_func=i18n.LANGUAGES.get, horizontal=True, key="kb_lang"
        )
        ctx.day = st.date_input(
            ctx.t("report_day"), min_value=first_day, max_value=latest_day, key="kb_day", format="YYYY-MM-DD"
        )
        ctx.street = (
            st.selectbox(
                ctx.t("street"), choices, key="kb_street", disabled=len(choices) == 1, format_func=ctx.street_label
            )
            or None
        )
        st.caption(ctx.t("data_as_of", day=ctx.day_long(latest_day)))
        if ctx.source == "demo":
            st.caption("ⓘ " + ctx.t("synthetic_note"))
        _sidebar_user(ctx)
    ctx.lang = st.session_state["kb_lang"]
    url_state.to_url(
        {"lang": ctx.lang, "day": ctx.day.isoformat() if ctx.day != latest_day else None, "street": ctx.street}
    )
    return ctx


def _scoped(user: User) -> tuple:
    """The parameters of a shell query: just the user's territory."""
    return (("scope", user.street),)


def _old_pages_mode() -> bool:
    """A page running without the context dashboard.py builds, in an app whose main script is
    dashboard.py: Streamlit's old `pages/` mode on a fresh server, or a page that was current before
    the menu changed (AppTest asks for it again after a sign-in). A page file run on its own (AppTest
    of pages/x.py) is its own main script and needs no hand-over."""
    run = get_script_run_ctx()
    return run is not None and Path(run.main_script_path).name == ENTRY


def page_context() -> Context:
    """First line of every page: the context dashboard.py built for this run, or a new one when the
    page runs on its own (AppTest, or `streamlit run pages/x.py`).

    On a fresh server, a deep link runs the page file in Streamlit's old `pages/` mode, without
    dashboard.py: the page then hands over to dashboard.py, which sets up the navigation and comes
    straight back to it (PAGE_PARAM carries which page), so the first visitor gets the real menu."""
    caller = Path(inspect.currentframe().f_back.f_globals.get("__file__", "")).name
    spec = next((p for p in PAGES if Path(p.file).name == caller), None)
    ctx = st.session_state.pop(CONTEXT_KEY, None)
    if ctx is None and _old_pages_mode():
        _keep_sidebar_values()
        st.switch_page(ENTRY, query_params={**st.query_params.to_dict(), PAGE_PARAM: (spec or PAGES[0]).url_path})
    ctx = ctx or build_context()
    if spec is not None and not ctx.user.may_open(spec.url_path):
        not_permitted(ctx, ctx.t("not_permitted_page"))
    return ctx
