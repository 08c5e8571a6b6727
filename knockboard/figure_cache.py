"""Figures built once and shared by every session and rerun.

Plotly checks every property of a figure as it is built: 100-140 ms of a chart-heavy page's rerun,
three times the queries (issue 17). The same inputs always give the same figure, so each chart
builder is wrapped in Streamlit's resource cache: the first session to ask for a (data, titles,
language, options) builds it, everyone after gets that very object. Frames are hashed by their
every value (Streamlit samples frames of 50,000 rows or more), so another day, street, data version
or language builds anew and a stale figure cannot be shown.

A reused figure is shared: callers must not change it (copy it first: `go.Figure(fig)`).
"""

import hashlib
import pickle

import pandas as pd
import streamlit as st

# Per builder. A figure of a month of days is about 20 KB; the largest (a street's 80-grid bars) 60 KB.
FIGURES_KEPT = 256


def frame_digest(df: pd.DataFrame) -> bytes:
    """Every value, the column names and types, and the index: two frames that differ anywhere differ here."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(repr((list(df.columns), [str(t) for t in df.dtypes], df.shape)).encode())
    try:
        digest.update(pd.util.hash_pandas_object(df, index=True).to_numpy().tobytes())
    except TypeError:  # cells pandas cannot hash (lists, dicts): their pickled form
        digest.update(pickle.dumps(df))
    return digest.digest()


def reused(builder):
    """Decorator for a function that builds a plotly figure from frames and plain values."""
    return st.cache_resource(
        builder, max_entries=FIGURES_KEPT, show_spinner=False, hash_funcs={pd.DataFrame: frame_digest}
    )
