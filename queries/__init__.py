"""Named SQL queries: every number on a page comes from one of these.

Each `queries/*.sql` file holds queries headed by `-- name: some_name`; the comment lines under the
name are its documentation; a doc line `-- personal: a, b` names the result columns holding personal
data, which the app masks for users who may not see them. Parameters are written `$name` and always bound by DuckDB, never
formatted into the SQL. `run(con, "some_name", day=..., street=None)` returns a DataFrame.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

HERE = Path(__file__).resolve().parent
_NAME = re.compile(r"^--\s*name:\s*([a-z_][a-z0-9_]*)\s*$", re.MULTILINE)
_PARAM = re.compile(r"(?<![:$\w])\$([a-z_][a-z0-9_]*)")


@dataclass(frozen=True)
class Query:
    name: str
    doc: str
    sql: str
    params: tuple[str, ...]
    source: str
    personal: tuple[str, ...] = ()  # result columns holding personal data


def _parse(path: Path) -> list[Query]:
    text = path.read_text(encoding="utf-8")
    heads = list(_NAME.finditer(text))
    out = []
    for i, head in enumerate(heads):
        body = text[head.end() : heads[i + 1].start() if i + 1 < len(heads) else len(text)].strip("\n")
        lines = body.splitlines()
        doc = []
        while lines and lines[0].lstrip().startswith("--"):
            doc.append(lines.pop(0).lstrip()[2:].strip())
        sql = "\n".join(lines).strip().rstrip(";")
        params = tuple(dict.fromkeys(_PARAM.findall(sql)))
        personal = tuple(
            c.strip()
            for line in doc
            if line.startswith("personal:")
            for c in line.removeprefix("personal:").split(",")
            if c.strip()
        )
        doc = [line for line in doc if not line.startswith("personal:")]
        out.append(Query(head.group(1), " ".join(doc), sql, params, path.name, personal))
    return out


def _load() -> dict[str, Query]:
    found: dict[str, Query] = {}
    for path in sorted(HERE.glob("*.sql")):
        for query in _parse(path):
            if query.name in found:
                raise ValueError(f"query {query.name} defined twice ({found[query.name].source}, {path.name})")
            found[query.name] = query
    return found


QUERIES = _load()


def get(name: str) -> Query:
    try:
        return QUERIES[name]
    except KeyError:
        raise KeyError(f"no query named {name!r}; known: {', '.join(sorted(QUERIES))}") from None


def run(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """Runs a named query with its parameters bound, on a cursor of its own (thread-safe)."""
    query = get(name)
    missing = [p for p in query.params if p not in params]
    extra = [p for p in params if p not in query.params]
    if missing or extra:
        raise TypeError(f"query {name}: missing parameters {missing}, unexpected {extra}")
    cursor = con.cursor()
    try:
        return cursor.execute(query.sql, {p: params[p] for p in query.params}).df()
    finally:
        cursor.close()
