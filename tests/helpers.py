"""What many test modules need: a query result as plain rows, and a page opened as Streamlit runs it."""

from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent


def _plain(value, digits: int | None):
    if isinstance(value, (list, tuple)):
        return value
    if pd.isna(value):
        return None
    if digits is not None and isinstance(value, float):
        return round(value, digits)
    return value


def rows(df: pd.DataFrame, *columns: str, digits: int | None = None) -> list[tuple]:
    """The chosen columns of a result as tuples: missing values (NaN, NaT, NA) as None, floats rounded
    to `digits` when given, so they compare with the answers written beside the fixtures."""
    return [tuple(_plain(v, digits) for v in r) for r in df[list(columns)].itertuples(index=False)]


def open_page(monkeypatch, db, page: str, timeout: float = 90, **params) -> AppTest:
    """pages/<page>.py run on store `db` with the URL's query parameters `params`."""
    monkeypatch.setenv("KNOCKBOARD_DB", str(db))
    at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=timeout)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()
