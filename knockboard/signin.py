"""Who is at the browser: Streamlit's st.login (OIDC), a header from a trusted reverse proxy, or a
local account, as the access file says (knockboard/access.py). With none configured the dashboard
serves only the computer it runs on. Every refusal is written to the audit trail."""

import threading
import time
from pathlib import Path

import streamlit as st

from knockboard import access, audit, i18n, session_token, store, url_state
from knockboard.access import Access, AccessError, User
from knockboard.config import db_path
from knockboard.live_sessions import LiveSessions

SESSION_USER = "_kb_user"  # the local account signed in in this browser session
# set by the sign-in form for the run right after it: the page the form was on may be outside the role
JUST_SIGNED_IN = "_kb_just_signed_in"
_REFUSAL_LOGGED = "_kb_refusal_logged"
_SIGNED_IN_LOGGED = "_kb_sign_in_logged"
_SESSION_TOKEN = "_kb_session_token"  # made at this session's password sign-in, for the cookie
_SESSION_ID = "_kb_session_id"  # this session's id in the server's record of live sessions
_SESSION_HASH = "_kb_session_hash"  # the account's password hash when this session signed in
_SIGNED_OUT = "_kb_signed_out"  # this session's cookie (sent when it opened) no longer counts
LOOPBACK = ("localhost", "127.0.0.1", "::1")


def oidc_configured() -> bool:
    """Streamlit's own sign-in is set up: an [auth] section in .streamlit/secrets.toml."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


@st.cache_resource(show_spinner=False, max_entries=4)
def _parsed(path: str, modified: float, oidc: bool) -> Access:
    return access.load(oidc)


def settings() -> Access:
    """The access file, read again whenever it changes: a removed user is out at their next click."""
    path = access.access_path()
    return _parsed(str(path), path.stat().st_mtime if path.exists() else 0.0, oidc_configured())


# The request, in three small functions the tests replace (AppTest has no server and no connection).
def _under_app_test() -> bool:
    """AppTest runs the script against a stand-in (mock) runtime: no server, no connection."""
    from unittest.mock import Mock

    from streamlit.runtime import Runtime

    return Runtime.exists() and isinstance(Runtime.instance(), Mock)


def bound_address() -> str | None:
    """The address the server listens on; unset means every interface."""
    return "localhost" if _under_app_test() else st.get_option("server.address")


def client_address() -> str | None:
    """The connecting address; Streamlit reports a connection from this computer as None."""
    return None if _under_app_test() else st.context.ip_address


def request_headers() -> dict:
    return {} if _under_app_test() else dict(st.context.headers)


def request_cookies() -> dict:
    return {} if _under_app_test() else dict(st.context.cookies)


def _served_locally() -> bool:
    """Open mode needs both: the server listens on this computer only, and this browser is on it."""
    return (bound_address() or "") in LOOPBACK and client_address() is None


# ---------------------------------------------------------------- staying signed in (local accounts)


@st.cache_resource(show_spinner=False)
def _signing_key(path: str) -> bytes:
    return session_token.key(Path(path))


def _key() -> bytes:
    """Kept beside the store, like the audit trail: a restart keeps people signed in."""
    return _signing_key(str(db_path().with_name("session.key")))


def _live() -> LiveSessions:
    """The server's record of live sessions, beside the store like the signing key."""
    return LiveSessions(store.private_dir(db_path()) / "sessions.json")


def _resumed(acc: Access) -> str | None:
    """The account this browser's session cookie signs in, if it is still good: signed, unexpired,
    within the lifetime the server allows now, and its session not ended (signed out elsewhere)."""
    if acc.session_hours <= 0 or st.session_state.get(_SIGNED_OUT):
        return None
    token = request_cookies().get(session_token.COOKIE)
    name = session_token.account(_key(), token, acc.password_hashes(), max_hours=acc.session_hours)
    if name and not _live().is_live(session_token.session_id(token), name):
        name = None
    if name:
        st.session_state[SESSION_USER] = name
        st.session_state[_SESSION_ID] = session_token.session_id(token)
        st.session_state[_SESSION_HASH] = acc.password_hashes().get(name)
        audit.record("sign_in", name, method="session_cookie")
    return name


def session_cookie() -> None:
    """Sets the session cookie after a password sign-in, or clears it after a sign-out (Streamlit
    has no server-side way). Drawn on every run of the session: a run can be cut short and redone
    (the menu changes at sign-in and sign-out), and the browser must not miss it."""
    token = st.session_state.get(_SESSION_TOKEN)
    if st.session_state.get(_SIGNED_OUT):
        token, age = "", 0
    elif token and st.session_state.get(SESSION_USER):
        age = max(session_token.seconds_left(token), 0)
    else:
        return
    st.html(
        f"""<script>document.cookie = "{session_token.COOKIE}={token}; path=/; max-age={age}; SameSite=Strict"
            + (location.protocol === "https:" ? "; Secure" : "");</script>""",
        unsafe_allow_javascript=True,
    )


# ---------------------------------------------------------------- failed passwords


@st.cache_resource(show_spinner=False)
def _failures() -> tuple[dict, threading.Lock]:
    """Failed tries per account name, across sessions: guessing stops after a few."""
    return {}, threading.Lock()


def _take_a_try(acc: Access, name: str) -> bool:
    """Counts a password try for `name` before it is checked, in one step under the lock: False
    when the account has had its `max_failures` tries in the window. Checking first and counting
    after let twelve tries sent at once all past a limit of five (argon2 takes a while)."""
    tries, lock = _failures()
    with lock:
        recent = [t for t in tries.get(name, []) if time.time() - t < acc.lockout_seconds]
        if len(recent) >= acc.max_failures:
            tries[name] = recent
            return False
        tries[name] = [*recent, time.time()]
        return True


def _forgive_the_try(name: str) -> None:
    """A right password: its try does not count against the account."""
    tries, lock = _failures()
    with lock:
        if tries.get(name):
            tries[name].pop()


def _attempt(acc: Access) -> None:
    """Form callback: signs the session in, or says why not (the same words for an unknown user
    and a wrong password, so the form does not reveal which accounts exist)."""
    name = st.session_state.get("kb_signin_name", "").strip()
    password = st.session_state.get("kb_signin_password", "")
    st.session_state["kb_signin_password"] = ""
    if not _take_a_try(acc, name):
        st.session_state["_kb_signin_error"] = ("signin_locked", {"minutes": max(acc.lockout_seconds // 60, 1)})
        audit.record("sign_in_refused", name, reason="locked", method="local")
        return
    user = acc.check_password(name, password)
    if user is None:
        known = name in acc.users
        st.session_state["_kb_signin_error"] = ("signin_refused", {})
        audit.record("sign_in_refused", name, reason="wrong_password" if known else "unknown_user", method="local")
        return
    _forgive_the_try(name)
    st.session_state[SESSION_USER] = user.name
    st.session_state[_SESSION_HASH] = acc.password_hashes().get(user.name)
    st.session_state[JUST_SIGNED_IN] = True
    st.session_state.pop("_kb_signin_error", None)
    st.session_state.pop(_SIGNED_OUT, None)
    if acc.session_hours > 0:
        sid = _live().start(user.name, time.time() + acc.session_hours * 3600)
        st.session_state[_SESSION_ID] = sid
        st.session_state[_SESSION_TOKEN] = session_token.make(
            _key(), user.name, acc.users[user.name][1], acc.session_hours, session_id=sid
        )
    audit.record("sign_in", user.name, method="local", role=user.role, street=user.street)


# ---------------------------------------------------------------- who is there


def _header(headers: dict, name: str) -> str | None:
    """A header's value whatever its case (HTTP header names are case-insensitive)."""
    wanted = name.lower()
    return next((v for k, v in headers.items() if k.lower() == wanted), None)


def identify(acc: Access) -> tuple[User | None, tuple[str, dict] | None]:
    """This session's user, or None with the refusal to show (a translation key and its values);
    None with no refusal means "not signed in yet". Draws nothing."""
    if acc.mode == "open":
        return (access.LOCAL_OWNER, None) if _served_locally() else (None, ("signin_open_not_local", {}))
    if acc.mode == "header":
        address = client_address()
        if not acc.trusts(address):
            return None, ("signin_untrusted_proxy", {"address": address or "localhost"})
        name = _header(request_headers(), acc.header)
        if not name:
            return None, ("signin_no_header", {"header": acc.header})
        user = acc.user(name, "header")
        return (user, None) if user else (None, ("signin_no_role", {"user": name}))
    if acc.mode == "oidc":
        if not st.user.get("is_logged_in", False):
            return None, None
        name = st.user.get(acc.oidc_claim)
        user = acc.user(name, "oidc")
        return (user, None) if user else (None, ("signin_no_role", {"user": name}))
    name = st.session_state.get(SESSION_USER)
    if name and not _still_good(acc, name):
        _end_this_session()  # signed out in another browser, or the password changed
        name = None
    name = name or _resumed(acc)
    return (acc.user(name, "local") if name else None), None


def _still_good(acc: Access, name: str) -> bool:
    """Checked on every run of a signed-in session: its server record is live, and the account
    still has the password it signed in with."""
    sid = st.session_state.get(_SESSION_ID)
    if sid and not _live().is_live(sid, name):
        return False
    signed_with = st.session_state.get(_SESSION_HASH)
    return signed_with is None or acc.password_hashes().get(name) == signed_with


def _end_this_session() -> None:
    for key in (SESSION_USER, _SESSION_ID, _SESSION_TOKEN, _SESSION_HASH):
        st.session_state.pop(key, None)


def current_user() -> User | None:
    """This session's user without drawing anything (dashboard.py builds the menu from it)."""
    try:
        return identify(settings())[0]
    except AccessError:
        return None


def _refuse(acc: Access, refusal: tuple[str, dict], lang: str) -> None:
    key, values = refusal
    if not st.session_state.get(_REFUSAL_LOGGED):  # once per session, not on every rerun
        st.session_state[_REFUSAL_LOGGED] = True
        audit.record(
            "sign_in_refused",
            values.get("user"),
            reason=key.removeprefix("signin_"),
            method=acc.mode,
            address=client_address(),
        )
    st.error(i18n.t(key, lang, **values))
    if acc.mode == "oidc":
        st.button(i18n.t("sign_out", lang), on_click=st.logout)


def _language_to_url() -> None:
    """The URL decides the language (app.language): a choice made here goes there."""
    url_state.ask("lang", st.session_state["kb_lang"])


def _sign_in_form(acc: Access, lang: str) -> None:
    with st.columns([1, 2, 1])[1]:  # a form, not a page-wide banner
        # the shell's language choice, here too: the sidebar comes only after signing in
        st.radio(
            "语言 / Language",
            list(i18n.LANGUAGES),
            format_func=i18n.LANGUAGES.get,
            horizontal=True,
            key="kb_lang",
            on_change=_language_to_url,
        )
        st.title(i18n.t("signin_title", lang))
        st.caption(i18n.t("signin_intro", lang))
        if acc.mode == "oidc":
            provider = {"provider": acc.oidc_provider} if acc.oidc_provider else {}
            st.button(i18n.t("signin_oidc_button", lang), type="primary", on_click=st.login, kwargs=provider)
            return
        error = st.session_state.get("_kb_signin_error")
        if error:
            st.error(i18n.t(error[0], lang, **error[1]))
        with st.form("kb_sign_in"):
            st.text_input(i18n.t("signin_user", lang), key="kb_signin_name")
            st.text_input(i18n.t("signin_password", lang), type="password", key="kb_signin_password")
            st.form_submit_button(i18n.t("signin_button", lang), type="primary", on_click=_attempt, args=(acc,))


def require_user(lang: str) -> User:
    """The signed-in user; otherwise draws the sign-in form or the refusal and stops the run."""
    try:
        acc = settings()
    except AccessError as e:
        st.error(i18n.t("signin_config_error", lang, error=str(e)))
        st.stop()
    user, refusal = identify(acc)
    if user is not None:
        if user.method in ("header", "oidc") and st.session_state.get(_SIGNED_IN_LOGGED) != user.name:
            st.session_state[_SIGNED_IN_LOGGED] = user.name  # once per session, not on every rerun
            audit.record(
                "sign_in", user.name, method=user.method, role=user.role, street=user.street, address=client_address()
            )
        return user
    if refusal:
        _refuse(acc, refusal, lang)
    else:
        session_cookie()  # after a sign-out: cleared
        _sign_in_form(acc, lang)
    st.stop()


def sign_out() -> None:
    user = current_user()
    audit.record("sign_out", user.name if user else None)
    if settings().mode == "oidc":
        st.logout()
    sid = st.session_state.pop(_SESSION_ID, None)
    if sid:  # every copy of this session's cookie, in any browser, now signs nobody in
        _live().end(sid)
    st.session_state.pop(SESSION_USER, None)
    st.session_state[_SIGNED_OUT] = True
    st.session_state.pop(_SESSION_TOKEN, None)


def role_text(user: User, lang: str, street_label: str | None) -> str:
    role = i18n.t(f"role_{user.role}", lang)
    return i18n.t("role_scope", lang, role=role, street=street_label) if street_label else role
