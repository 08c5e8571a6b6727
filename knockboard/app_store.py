"""The dashboard process's hold on the store: built on first start (the demo, with a progress bar),
shared by every session, watched for loads handed over by the command line, and query results
cached by the store's data version."""

from pathlib import Path

import pandas as pd
import streamlit as st

import queries
from knockboard import i18n, inbox, store
from knockboard.config import db_path, first_start_scale
from knockboard.serving import ServedStore


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
def cached_query(path: str, version: str, name: str, params: tuple) -> pd.DataFrame:
    # `version` is part of the key: a load bumps it, so nothing stale is served.
    with served_store(path).reading() as con:
        return queries.run(con, name, **dict(params))


def store_status(served: ServedStore) -> tuple[str, bool, str | None]:
    """What every run asks first: the data version (the cache key), whether there is anything to
    show, and where the data came from. Runs on a cursor of its own, like every store call."""
    with served.reading() as con:
        return store.data_version(con), store.is_populated(con), store.get_meta(con, "source")
