"""Creates and migrates the store's schema. Each version is one SQL file applied once, in order."""

from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent

# version -> SQL file. A later change to the schema adds a file here; never edit an applied one.
MIGRATIONS = {
    1: "schema.sql",
    2: "schema_v2.sql",  # imports.street_id: the loader's street
    3: "schema_v3.sql",  # rejects: sheet, detail, masked row; agency_aliases
    4: "schema_v4.sql",  # teams.name_en
    5: "schema_v5.sql",  # import_changes, imports.changes_kept / undone_at / undone_by: undoing a load
}
LATEST = max(MIGRATIONS)


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "select count(*) from information_schema.tables where table_name = 'schema_version'"
    ).fetchone()[0]
    if not exists:
        return 0
    return con.execute("select coalesce(max(version), 0) from schema_version").fetchone()[0]


def ensure_schema(con: duckdb.DuckDBPyConnection) -> int:
    """Brings the store to the latest schema version; safe to call on every start."""
    version = current_version(con)
    if version > LATEST:
        raise RuntimeError(
            f"The store has schema version {version}, newer than this Knockboard ({LATEST}): upgrade the app."
        )
    for target in range(version + 1, LATEST + 1):
        sql = (HERE / MIGRATIONS[target]).read_text(encoding="utf-8")
        con.execute("begin transaction")
        try:
            con.execute(sql)
            con.execute("insert into schema_version values (?, current_timestamp::timestamp)", [target])
            con.execute("commit")
        except Exception:
            con.execute("rollback")
            raise
    return LATEST
