"""The app shell shared by every page: page config, the store, the sidebar (language, report day,
street) kept in the URL, and cached query results keyed on the store's data version.

dashboard.py builds the context once per run and hands it to the page; a page run on its own (a deep
link while Streamlit is in its old `pages/` mode) builds it itself, so it always has the sidebar,
the language and the store.
"""

import datetime as dt
import inspect
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

import queries
from knockboard import audit, components, i18n, inbox, privacy, signin, store
from knockboard.access import User
from knockboard.serving import ServedStore
from knockboard.config import COVERAGE_TARGET, db_path, default_language, first_start_scale

CONTEXT_KEY = "_kb_context"
URL_WRITTEN_KEY = "_kb_url_written"
NOTICES_KEY = "_kb_url_notices"  # what this run could not honour from the URL, said on the page
ENTRY = "dashboard.py"
PAGE_PARAM = "page"
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


@dataclass(frozen=True)
class PageSpec:
    file: str  # relative to the repository root
    title_key: str  # translation key of the title in the navigation
    icon: str
    url_path: str


# The pages, in navigation order. dashboard.py and the tests (AppTest, browser) read this list.
PAGES = [
    PageSpec("pages/briefing.py", "page_briefing", "📋", "briefing"),
    PageSpec("pages/coverage_map.py", "coverage_map_page", "🗺️", "coverage_map"),
    PageSpec("pages/gaps.py", "gaps_page", "🔍", "gaps"),
    PageSpec("pages/knocked.py", "page_knocked", "🏠", "knocked"),
    PageSpec("pages/hours.py", "page_hours", "🕒", "hours"),
    PageSpec("pages/inspections.py", "page_inspections", "🏪", "inspections"),
    PageSpec("pages/leads.py", "page_leads", "🔎", "leads"),
    PageSpec("pages/data.py", "page_data", "📥", "data"),
    PageSpec("pages/users.py", "page_users", "👥", "users"),
]


# ---------------------------------------------------------------- the store

@st.cache_resource(show_spinner=False)
def _build_demo_once(path: str, _progress) -> None:
    """Builds the demo at most once per server process, however many sessions ask."""
    from knockboard.demo import build_demo

    if not Path(path).exists():
        build_demo(path, scale=first_start_scale(), progress=_progress)


@st.cache_resource(show_spinner=False, on_release=lambda served: served.close())
def served_store(path: str) -> ServedStore:
    """The process's hold on the store: read-only for serving, read-write while a load runs
    (knockboard/serving.py), so other programs can read the store while the dashboard serves."""
    return ServedStore(path)


@st.cache_resource(show_spinner=False, on_release=lambda watcher: watcher.stop())
def inbox_watcher(path: str) -> inbox.Watcher:
    """Loads what command-line loads hand to this server while it holds the store (knockboard/inbox.py)."""
    return inbox.Watcher(served_store(path)).start()


def ensure_store(lang: str) -> ServedStore:
    path = db_path()
    if not path.exists():
        bar = st.progress(0.0, text=i18n.t("building_demo", lang))
        _build_demo_once(str(path), lambda f, m: bar.progress(min(f, 1.0), text=f"{i18n.t('building_demo', lang)} {m}"))
        bar.empty()
    inbox_watcher(str(path))
    return served_store(str(path))


@st.cache_data(max_entries=1024, show_spinner=False)
def _cached_query(path: str, version: str, name: str, params: tuple) -> pd.DataFrame:
    # `version` is part of the key: a load bumps it, so nothing stale is served.
    with served_store(path).reading() as con:
        return queries.run(con, name, **dict(params))


def store_status(served: ServedStore) -> tuple[str, bool, str | None]:
    """What every run asks first: the data version (the cache key), whether there is anything to
    show, and where the data came from. Runs on a cursor of its own, like every store call."""
    with served.reading() as con:
        return store.data_version(con), store.is_populated(con), store.get_meta(con, "source")


# ---------------------------------------------------------------- the context pages get

@dataclass
class Context:
    lang: str
    day: dt.date
    street: str | None
    first_day: dt.date
    latest_day: dt.date
    streets: pd.DataFrame
    version: str
    path: str
    user: User
    source: str | None = None
    coverage_target: float = COVERAGE_TARGET
    street_names: dict = field(default_factory=dict)
    small_cell: int = 5

    def t(self, key: str, **values) -> str:
        return i18n.t(key, self.lang, **values)

    def q(self, name: str, **params) -> pd.DataFrame:
        """A named query's result, cached until the store's data changes. The user's territory is
        bound as $scope to every query, and personal columns come back masked unless the user may
        see them: pages cannot forget either."""
        asked = params.get("street")
        if self.user.street and asked not in (None, self.user.street):
            not_permitted(self, self.street_label(asked))
        query = queries.get(name)
        params = {**params, "scope": self.user.street}
        df = _cached_query(self.path, self.version, name, tuple(sorted(params.items())))
        return df if self.user.sees_personal_data else privacy.mask_frame(df, query.personal)

    @property
    def load_street(self) -> str | None:
        """The street a load is limited to: a clerk's own; None for a district-wide account."""
        return self.user.street

    @property
    def user_name(self) -> str:
        return self.user.name

    def street_label(self, street_id: str | None) -> str:
        if not street_id:
            return self.t("all_streets")
        name_zh, name_en = self.street_names.get(street_id, (street_id, None))
        return i18n.place(name_zh, name_en, self.lang)

    @property
    def area_label(self) -> str:
        """The chosen street's name, or "whole district" (what the page is about, not what the user may see)."""
        return self.street_label(self.street)

    def day_long(self, day: dt.date | None = None) -> str:
        return i18n.day_long(day or self.day, self.lang)


def _browser_language() -> str | None:
    try:
        locale = st.context.locale
    except Exception:  # not in a browser session (e.g. some test runners)
        return None
    if not locale:
        return None
    return "zh" if locale.lower().startswith("zh") else "en"


def _new_in_url(key: str) -> str | None:
    """The URL's value for `key` when it is new (a shared link, an edited URL), else None.
    Values this app wrote itself are not read back, so widgets stay in charge after the first run."""
    raw = st.query_params.get(key)
    written = st.session_state.setdefault(URL_WRITTEN_KEY, {})
    return None if raw is None or raw == written.get(key) else raw


def _from_url(key: str, parse):
    """A new value from the URL, parsed; None when there is none or it does not parse."""
    raw = _new_in_url(key)
    if raw is None:
        return None
    try:
        return parse(raw)
    except (ValueError, TypeError):
        return None


def url_notice(key: str, lang: str, **values) -> None:
    """Records, once per run, that a URL value could not be honoured: which value, why, and what is
    shown instead (text `key` of the labels; URL values are made literal for Markdown)."""
    notices = st.session_state.setdefault(NOTICES_KEY, {})
    notices[key] = {name: i18n.md(v) for name, v in values.items()}


def show_url_notices(lang: str) -> None:
    """Says on the page what the URL asked for and could not be shown (then forgets it: the URL is
    rewritten to what is shown)."""
    for key, values in st.session_state.pop(NOTICES_KEY, {}).items():
        st.warning(i18n.t(key, lang, **values), icon="⚠️")


def _to_url(values: dict) -> None:
    written = st.session_state.setdefault(URL_WRITTEN_KEY, {})
    for key, value in values.items():
        if value is None:
            if key in st.query_params:
                del st.query_params[key]
            written.pop(key, None)
        else:
            st.query_params[key] = value
            written[key] = value


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
    url_lang = _new_in_url("lang")
    if url_lang in i18n.LANGUAGES:
        st.session_state["kb_lang"] = url_lang
    st.session_state.setdefault("kb_lang", _browser_language() or default_language())
    lang = st.session_state["kb_lang"]
    if url_lang is not None and url_lang not in i18n.LANGUAGES:
        url_notice("url_lang_unknown", lang, value=url_lang, shown=i18n.LANGUAGES[lang])
    return lang


def not_permitted(ctx: Context, what: str) -> None:
    """Stops the run with a clear refusal (recorded), and a way back to what the user may see."""
    audit.record("not_permitted", ctx.user.name, what=what, street=ctx.user.street)
    st.error(ctx.t("not_permitted", what=i18n.md(what)))
    if ctx.user.street:
        def back():
            st.query_params["street"] = ctx.user.street
            st.session_state[URL_WRITTEN_KEY] = {}
        st.button(ctx.t("back_to_my_street", street=i18n.md(ctx.street_label(ctx.user.street))), on_click=back)
    st.stop()


def _sidebar_user(ctx: Context) -> None:
    if ctx.user.method == "open":
        return
    street = ctx.street_label(ctx.user.street) if ctx.user.street else None
    st.markdown(ctx.t("signed_in_as", user=i18n.md(ctx.user.label),
                      role=i18n.md(signin.role_text(ctx.user, ctx.lang, street))))
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
    days = _cached_query(path, version, "data_days", _scoped(user))
    streets = _cached_query(path, version, "streets", _scoped(user))
    if streets.empty or pd.isna(days.iloc[0]["first_day"]):  # e.g. an account's street not in the store
        st.warning(i18n.t("no_data_in_scope", lang, street=user.street or ""))
        st.stop()
    first_day, latest_day = days.iloc[0]["first_day"].date(), days.iloc[0]["latest_day"].date()
    street_ids = streets["street_id"].tolist()
    names = {r.street_id: (r.name_zh, r.name_en) for r in streets.itertuples()}
    ctx = Context(lang=lang, day=latest_day, street=user.street, first_day=first_day, latest_day=latest_day,
                  streets=streets, version=version, path=path, user=user, street_names=names,
                  source=source, small_cell=signin.settings().small_cell)

    raw_day, url_day = _new_in_url("day"), _from_url("day", dt.date.fromisoformat)
    if url_day and first_day <= url_day <= latest_day:
        st.session_state["kb_day"] = url_day
    elif raw_day is not None:  # not a date, or a day without data: said on the page, not dropped silently
        shown = i18n.day_long(st.session_state.get("kb_day", latest_day), lang)
        if url_day is None:
            url_notice("url_day_not_a_date", lang, value=raw_day, shown=shown)
        else:
            url_notice("url_day_no_data", lang, value=i18n.day_long(url_day, lang), shown=shown,
                       first=i18n.day_long(first_day, lang), latest=i18n.day_long(latest_day, lang))
    asked = st.query_params.get("street")
    if user.street and asked not in (None, user.street):
        not_permitted(ctx, ctx.street_label(asked) if asked in names else asked)
    raw_street = _new_in_url("street")
    if raw_street in street_ids:
        st.session_state["kb_street"] = raw_street
    elif raw_street is not None:
        url_notice("url_street_unknown", lang, value=raw_street,
                   shown=ctx.street_label(st.session_state.get("kb_street") or None))
    # A street-scoped user has their street and nothing else. "" is the whole district (a None
    # option would show as an empty "Choose an option" box).
    choices = [user.street] if user.street else [WHOLE_DISTRICT, *street_ids]
    if st.session_state.get("kb_street") not in choices:
        st.session_state["kb_street"] = choices[0]
    if not (first_day <= st.session_state.setdefault("kb_day", latest_day) <= latest_day):
        st.session_state["kb_day"] = latest_day

    if user.method == "open":
        st.caption(ctx.t("open_mode_note"))
    show_url_notices(lang)
    with st.sidebar:
        st.markdown(f"### 🚪 {ctx.t('app_title')}")
        st.caption(ctx.t("app_subtitle"))
        st.radio("语言 / Language", list(i18n.LANGUAGES),
                 format_func=i18n.LANGUAGES.get, horizontal=True, key="kb_lang")
        ctx.day = st.date_input(ctx.t("report_day"), min_value=first_day,
                                max_value=latest_day, key="kb_day", format="YYYY-MM-DD")
        ctx.street = st.selectbox(ctx.t("street"), choices, key="kb_street", disabled=len(choices) == 1,
                                  format_func=ctx.street_label) or None
        st.caption(ctx.t("data_as_of", day=ctx.day_long(latest_day)))
        if ctx.source == "demo":
            st.caption("ⓘ " + ctx.t("synthetic_note"))
        _sidebar_user(ctx)
    ctx.lang = st.session_state["kb_lang"]
    _to_url({"lang": ctx.lang, "day": ctx.day.isoformat() if ctx.day != latest_day else None,
             "street": ctx.street})
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
        st.switch_page(ENTRY, query_params={**st.query_params.to_dict(),
                                            PAGE_PARAM: (spec or PAGES[0]).url_path})
    ctx = ctx or build_context()
    if spec is not None and not ctx.user.may_open(spec.url_path):
        not_permitted(ctx, ctx.t("not_permitted_page"))
    return ctx


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
