"""Opening the store and keeping its bookkeeping: schema, data version, rollups, private folder.

DuckDB allows one writing process per file, or many reading ones. How the dashboard holds the store
while it serves (read-only, read-write only while a load runs) is knockboard/serving.py.

Beside the store lives its private folder (`<store>.private/`, owner only): copies of field sheets
while a load reads them, and the inbox through which a command-line load reaches a serving
dashboard. Whatever a killed load left there is swept the next time the store is opened for writing.
"""

import hashlib
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from knockboard import dimensions
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
        # holding the file for writing, no other process can be loading: anything in scratch is left over
        sweep_scratch(path)
        ensure_schema(con)
    return con


def private_dir(path: str | Path) -> Path:
    """The store's private folder (created, readable by its owner only)."""
    path = Path(path)
    folder = path.with_name(path.name + ".private")
    folder.mkdir(mode=0o700, exist_ok=True)
    os.chmod(folder, 0o700)
    return folder


def scratch_dir(path: str | Path) -> Path:
    """Where a load keeps its working copy of a field sheet (personal data): never the system's
    shared temporary folder, and swept when a killed load left something behind."""
    folder = private_dir(path) / "scratch"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def reading_dir(path: str | Path) -> Path:
    """Where an upload being read apart (knockboard/loading/isolated.py) and what its reader staged
    wait: not the scratch folder, which the writer sweeps when it opens the store, while a read
    goes on beside it. Entries a killed server left are swept by the next read (stale_seconds)."""
    folder = private_dir(path) / "reading"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def sweep_stale(folder: Path, stale_seconds: float) -> int:
    """Removes the files in `folder` older than `stale_seconds`; returns how many."""
    import time

    removed = 0
    for entry in folder.iterdir():
        try:
            if entry.is_file() and time.time() - entry.stat().st_mtime > stale_seconds:
                entry.unlink(missing_ok=True)
                removed += 1
        except OSError:
            continue
    return removed


def sweep_scratch(path: str | Path) -> int:
    """Removes what loads left in the scratch folder; returns how many entries it removed."""
    folder = Path(path).with_name(Path(path).name + ".private") / "scratch"
    if not folder.is_dir():
        return 0
    removed = 0
    for entry in folder.iterdir():
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed += 1
    return removed


def scratch_for(con: duckdb.DuckDBPyConnection) -> Path | None:
    """scratch_dir of the store `con` is connected to; None for a database in memory (no folder)."""
    row = con.execute("select path from duckdb_databases() where database_name = current_database()").fetchone()
    return scratch_dir(row[0]) if row and row[0] else None


def quoted(identifier: str) -> str:
    """An SQL identifier in double quotes, its own double quotes doubled (a store named `a"b`)."""
    return '"' + identifier.replace('"', '""') + '"'


def data_version(con: duckdb.DuckDBPyConnection) -> str:
    """Changes whenever the data changes: the key for every cached query result."""
    row = con.execute("select value from store_meta where key = 'data_version'").fetchone()
    return row[0] if row else "0"


def set_meta(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    con.execute("insert or replace into store_meta values (?, ?)", [key, str(value)])


def get_meta(con: duckdb.DuckDBPyConnection, key: str, default: str | None = None) -> str | None:
    row = con.execute("select value from store_meta where key = ?", [key]).fetchone()
    return row[0] if row else default


@dataclass(frozen=True)
class RollupFile:
    sql: str
    sources: set[str] | None  # the tables it is built from (`-- sources:`); None: every table
    by_street: bool  # `-- partition: street_id`: each street's rows depend on that street's facts only


def _rollup_files() -> list[RollupFile]:
    # first the dimension tables (knockboard/dimensions.py): they read no table
    out = [RollupFile(dimensions.tables_sql(), set(), False)]
    for path in sorted((HERE / "rollups").glob("*.sql")):
        sql = path.read_text(encoding="utf-8")
        head = {
            line.split(":", 1)[0][3:].strip(): line.split(":", 1)[1].strip()
            for line in sql.splitlines()[:3]
            if line.startswith("-- ") and ":" in line
        }
        sources = None  # every table
        if "sources" in head:
            sources = {t.strip() for t in head["sources"].split(",")} - {"none"}
        out.append(RollupFile(sql, sources, head.get("partition") == "street_id"))
    return out


def _rollups_sql() -> tuple[str, str]:
    """All rollup definitions (knockboard/rollups/*.sql, in file-name order) and their digest."""
    sql = "\n".join(f.sql for f in _rollup_files())
    return sql, hashlib.sha256(sql.encode("utf-8")).hexdigest()[:16]


_CREATE = re.compile(r"create or replace table (\w+) as", re.IGNORECASE)


def _rebuild_streets(con: duckdb.DuckDBPyConnection, sql: str, streets: set[str]) -> None:
    """Rebuilds a street-partitioned rollup file for `streets` only: while it runs, every table
    with a street_id is seen through a temporary view holding those streets' rows, and each
    `create or replace table T as Q` becomes "delete those streets' rows from T; insert Q"."""
    catalog_name = con.execute("select current_database()").fetchone()[0]
    catalog = quoted(catalog_name)
    con.execute(
        "create or replace temp table rollup_scope as select unnest(?::varchar[]) as street_id", [sorted(streets)]
    )
    scoped = [
        r[0]
        for r in con.execute(
            "select distinct table_name from information_schema.columns where column_name = 'street_id' "
            "and table_schema = 'main' and table_catalog = ?",
            [catalog_name],
        ).fetchall()
    ]
    for table in scoped:
        con.execute(
            f"create or replace temp view {table} as select * from {catalog}.main.{table} "
            f"where street_id in (select street_id from rollup_scope)"
        )
    try:
        starts = [m for m in _CREATE.finditer(sql)]
        for i, match in enumerate(starts):
            query = sql[match.end() : starts[i + 1].start() if i + 1 < len(starts) else len(sql)]
            query = query.strip().rstrip(";")
            target = f"{catalog}.main.{match.group(1)}"
            con.execute(f"delete from {target} where street_id in (select street_id from rollup_scope)")
            con.execute(f"insert into {target} {query}")
    finally:
        for table in scoped:
            con.execute(f"drop view if exists temp.main.{table}")
        con.execute("drop table if exists temp.main.rollup_scope")


def rebuild_rollups(
    con: duckdb.DuckDBPyConnection, changed: set[str] | None = None, streets: set[str] | None = None
) -> None:
    """Rebuilds the rollups pages read from (knockboard/rollups/*.sql) and bumps the data version,
    invalidating cached results, inside the caller's transaction (a load's, so both land together).
    With `changed` (the tables a load wrote), only the rollups built from those tables are rebuilt;
    with `streets` too, street-partitioned rollups are rebuilt for those streets only."""
    _, digest = _rollups_sql()
    for rollup in _rollup_files():
        if changed is not None and rollup.sources is not None and not rollup.sources & changed:
            continue
        if streets is not None and rollup.by_street:
            _rebuild_streets(con, rollup.sql, streets)
        else:
            con.execute(rollup.sql)
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
