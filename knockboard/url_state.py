"""The one way a view is kept in the URL, so that every view is a link that reopens as it was.

A value is read from the URL only when it is new there (a shared link, an edited URL): values the
app wrote itself are not read back, so the widgets stay in charge after the first run. A value the
URL asks for and the app cannot honour is said on the page, in the user's language (never dropped
silently). Used by the shell for the language, the report day and the street, and by the pages for
their own controls (`control` before the widget, `keep` after it).
"""

import streamlit as st

from knockboard import i18n

WRITTEN_KEY = "_kb_url_written"
NOTICES_KEY = "_kb_url_notices"  # what this run could not honour from the URL, said on the page


def new_in_url(key: str) -> str | None:
    """The URL's value for `key` when it is new, else None."""
    raw = st.query_params.get(key)
    written = st.session_state.setdefault(WRITTEN_KEY, {})
    return None if raw is None or raw == written.get(key) else raw


def from_url(key: str, parse):
    """A new value from the URL, parsed; None when there is none or it does not parse."""
    raw = new_in_url(key)
    if raw is None:
        return None
    try:
        return parse(raw)
    except (ValueError, TypeError):
        return None


def to_url(values: dict) -> None:
    """Writes this run's view into the URL (None removes a key: the default needs no parameter)."""
    written = st.session_state.setdefault(WRITTEN_KEY, {})
    for key, value in values.items():
        if value is None:
            if key in st.query_params:
                del st.query_params[key]
            written.pop(key, None)
        else:
            st.query_params[key] = value
            written[key] = value


def ask(key: str, value: str) -> None:
    """Puts `value` in the URL as a link would, so that the next run reads it as new (the map asks
    the shell for a street this way)."""
    st.query_params[key] = value
    st.session_state.setdefault(WRITTEN_KEY, {}).pop(key, None)


def forget_written() -> None:
    """Reads the whole URL again on the next run, as if it were a new link."""
    st.session_state[WRITTEN_KEY] = {}


def notice(key: str, lang: str, **values) -> None:
    """Records, once per run, that a URL value could not be honoured: which value, why, and what is
    shown instead (text `key` of the labels; URL values are made literal for Markdown)."""
    notices = st.session_state.setdefault(NOTICES_KEY, {})
    notices[key] = {name: i18n.md(v) for name, v in values.items()}


def show_notices(lang: str) -> None:
    """Says on the page what the URL asked for and could not be shown (then forgets it: the URL is
    rewritten to what is shown)."""
    for key, values in st.session_state.pop(NOTICES_KEY, {}).items():
        st.warning(i18n.t(key, lang, **values), icon="⚠️")


def control(key: str, parse, default, lang: str, label: str) -> None:
    """Before a page's widget with `key` is drawn (give the widget no default of its own: it is set
    here): a new value for it in the URL sets it, one it cannot take (`parse` raises ValueError) is
    said right here, naming the control (`label`); otherwise it keeps this session's value, at
    first `default`."""
    st.session_state.setdefault(key, default)
    raw = new_in_url(key)
    if raw is None:
        return
    try:
        st.session_state[key] = parse(raw)
    except (ValueError, TypeError):
        st.warning(
            i18n.t(
                "url_control_unknown",
                lang,
                value=i18n.md(raw),
                control=i18n.md(label),
                shown=i18n.md(_text(st.session_state[key])),
            ),
            icon="⚠️",
        )
        st.session_state.setdefault(WRITTEN_KEY, {})[key] = raw  # said once, not on every rerun


def keep(key: str, value, default) -> None:
    """After the widget: its value in the URL, or no parameter when it is the default."""
    to_url({key: None if value == default else _text(value)})


def _text(value) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


# ---------------------------------------------------------------- parsers for `control`


def one_of(values):
    """A parser accepting exactly these values (as written in the URL)."""

    def parse(raw: str):
        if raw not in values:
            raise ValueError(raw)
        return raw

    return parse


def number_between(low: float, high: float, kind=int):
    def parse(raw: str):
        value = kind(raw)
        if not low <= value <= high:
            raise ValueError(raw)
        return value

    return parse


def flag(raw: str) -> bool:
    if raw not in ("0", "1"):
        raise ValueError(raw)
    return raw == "1"
