"""Opening the store and keeping its bookkeeping: schema, data version, rollups.

DuckDB allows one writing process per file. The dashboard process holds the writer connection and
serves every page through cursors on it (one per query: a connection is not thread-safe, cursors
are); loads made in the app go through the same connection, so the app keeps serving while it loads.
"""

import hashlib
from pathlib import Path

import duckdb

from knockboard.config import db_path
from knockboard.schema import ensure_schema

HERE = Path(__file__).resolve().parent

# Never fetch an extension at run time: intranets are offline. What we use is built in.
NO_DOWNLOADS = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


def connect(path: str | Path | None = None, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Opens (and, if writable, creates or migrates) the store at `path` or the configured one."""
    path = Path(path or db_path())
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), read_only=read_only, config=dict(NO_DOWNLOADS))
    if not read_only:
        ensure_schema(con)
    return con


def data_version(con: duckdb.DuckDBPyConnection) -> str:
    """Changes whenever the data changes: the key for every cached query result."""
    row = con.execute("select value from store_meta where key = 'data_version'").fetchone()
    return row[0] if row else "0"


def set_meta(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    con.execute("insert or replace into store_meta values (?, ?)", [key, str(value)])


def get_meta(con: duckdb.DuckDBPyConnection, key: str, default: str | None = None) -> str | None:
    row = con.execute("select value from store_meta where key = ?", [key]).fetchone()
    return row[0] if row else default


def _rollups_sql() -> tuple[str, str]:
    """All rollup definitions (knockboard/rollups/*.sql, in file-name order) and their digest."""
    sql = "\n".join(p.read_text(encoding="utf-8") for p in sorted((HERE / "rollups").glob("*.sql")))
    return sql, hashlib.sha256(sql.encode("utf-8")).hexdigest()[:16]


def rebuild_rollups(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuilds the rollups pages read from (knockboard/rollups/*.sql) and bumps the data version,
    invalidating cached results, inside the caller's transaction (a load's, so both land together)."""
    sql, digest = _rollups_sql()
    con.execute(sql)
    set_meta(con, "data_version", str(int(data_version(con)) + 1))
    set_meta(con, "rollups_digest", digest)


def refresh_rollups(con: duckdb.DuckDBPyConnection) -> None:
    """rebuild_rollups in a transaction of its own."""
    con.execute("begin transaction")
    try:
        rebuild_rollups(con)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


def ensure_rollups(con: duckdb.DuckDBPyConnection) -> bool:
    """Rebuilds the rollups of a store made by an older Knockboard whose rollup definitions differ.
    Returns True if it rebuilt them."""
    if con.execute("select count(*) from streets").fetchone()[0] == 0:
        return False
    if get_meta(con, "rollups_digest") == _rollups_sql()[1]:
        return False
    refresh_rollups(con)
    return True


def is_populated(con: duckdb.DuckDBPyConnection) -> bool:
    """True once the store has territory and rollups, i.e. pages have something to show."""
    has_rollups = con.execute(
        "select count(*) from information_schema.tables where table_name = 'roll_visits_street_day'"
    ).fetchone()[0]
    return bool(has_rollups) and con.execute("select count(*) from streets").fetchone()[0] > 0
