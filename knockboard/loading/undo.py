"""Undoing a load: the rows it added are removed, the rows it replaced are put back as they were,
the rollups follow, and the import is marked undone (when, by whom); the import and its refused rows
stay, for the record.

Every load keeps what it wrote (import_changes: table, key, and the replaced row as JSON, or null for
a row it added), in the transaction that lands it. An undo is refused, whole and with the reason,
when it cannot give back exactly the store as it was before that load:
- the load is unknown, already undone, or older than schema version 5 (it kept no changes);
- a later load, still standing, rewrote some of the same rows (undo that one first): this is also
  what an undo racing a load meets, since both take the store for writing one after the other;
- rows left in the store (of later loads) refer to rows the load added (a visit of a new household);
- for a street clerk: the load is another street's, or not their street's last one standing.
"""

import datetime as dt
import json
import time
from dataclasses import dataclass

import duckdb

from knockboard import i18n, store
from knockboard.loading.spec import ORDER, TABLES


class UndoRefused(Exception):
    """Why an undo cannot be done, as a label code (`undo_<code>`) and its values."""

    def __init__(self, code: str, import_id: int, **details) -> None:
        self.code, self.import_id, self.details = code, import_id, details
        super().__init__(f"{code}: import {import_id} {details}")

    def text(self, lang: str) -> str:
        """Plain text (a page escapes it for Markdown, as it does a load's report)."""
        values = {k: i18n.t(f"table_{v}", lang) if k in ("child", "parent") else v for k, v in self.details.items()}
        return i18n.t(f"undo_{self.code}", lang, id=self.import_id, **values)


@dataclass
class Undone:
    import_id: int
    file_name: str
    table: str
    removed: int  # rows the load had added, now gone
    restored: int  # rows it had replaced, back as they were
    seconds: float = 0.0

    def text(self, lang: str) -> str:
        return i18n.t(
            "undo_done",
            lang,
            id=self.import_id,
            file=self.file_name,
            table=i18n.t(f"table_{self.table}", lang),
            removed=i18n.number(self.removed),
            restored=i18n.number(self.restored),
        )


def undo_import(
    con: duckdb.DuckDBPyConnection,
    import_id: int,
    undone_by: str | None,
    *,
    street: str | None = None,
    now: dt.datetime | None = None,
) -> Undone:
    """Undoes import `import_id` in one transaction, or raises UndoRefused having changed nothing.
    `street`: the undoer is that street's clerk (None: an administrator, the whole district)."""
    started = time.perf_counter()
    cur = con.cursor()
    try:
        cur.execute("begin transaction")
        try:
            undone = _undo(cur, int(import_id), undone_by, street, now or dt.datetime.now())
            cur.execute("commit")
        except BaseException:
            cur.execute("rollback")
            raise
        undone.seconds = time.perf_counter() - started
        return undone
    finally:
        cur.close()


def _undo(cur, import_id: int, undone_by: str | None, street: str | None, now: dt.datetime) -> Undone:
    row = cur.execute(
        """select file_name, table_name, street_id, changes_kept, undone_at, undone_by
                         from imports where import_id = ?""",
        [import_id],
    ).fetchone()
    if row is None:
        raise UndoRefused("unknown", import_id)
    file_name, table, load_street, kept, undone_at, by = row
    file = file_name
    if undone_at is not None:
        raise UndoRefused("already", import_id, file=file, at=f"{undone_at:%Y-%m-%d %H:%M}", by=by or "?")
    if street is not None:
        if load_street != street:
            raise UndoRefused("not_your_street", import_id, file=file, street=street)
        later = cur.execute(
            """select import_id, file_name from imports
                               where street_id = ? and import_id > ? and undone_at is null
                               order by import_id desc limit 1""",
            [street, import_id],
        ).fetchone()
        if later:
            raise UndoRefused("not_last", import_id, file=file, later=later[0], later_file=later[1])
    if not kept:
        raise UndoRefused("no_history", import_id, file=file)
    conflict = cur.execute(
        """
        select later.import_id, any_value(i.file_name), count(*)
        from import_changes mine
        join import_changes later on later.table_name = mine.table_name and later.row_key = mine.row_key
                                   and later.import_id > mine.import_id
        join imports i on i.import_id = later.import_id and i.undone_at is null
        where mine.import_id = ?
        group by later.import_id order by later.import_id desc limit 1""",
        [import_id],
    ).fetchone()
    if conflict:
        raise UndoRefused(
            "later_load", import_id, file=file, later=conflict[0], later_file=conflict[1], n=i18n.number(conflict[2])
        )
    tables = [
        t
        for (t,) in cur.execute(
            "select distinct table_name from import_changes where import_id = ?", [import_id]
        ).fetchall()
    ]
    tables.sort(key=lambda t: ORDER.index(t) if t in ORDER else len(ORDER))
    streets: set[str] | None = set()
    removed = restored = 0
    for name in reversed(tables):  # children first (an inspection before the business it created)
        key = TABLES[name].key
        if streets is not None and _has_street(cur, name):
            streets |= {
                s
                for (s,) in cur.execute(
                    f"""
                select distinct street_id from {name} where street_id is not null
                  and {key} in (select row_key from import_changes where import_id = ? and table_name = ?)
                union select distinct json_extract_string(before, '$.street_id') from import_changes
                where import_id = ? and table_name = ? and before is not null""",
                    [import_id, name, import_id, name],
                ).fetchall()
                if s is not None
            }
        else:
            streets = None  # a table with no street: every street's rollups are rebuilt
        cur.execute(
            f"""delete from {name} where {key} in (
                            select row_key from import_changes where import_id = ? and table_name = ?)""",
            [import_id, name],
        )
    for name in tables:  # parents first
        structure = json.dumps(
            {
                column: kind
                for column, kind in cur.execute(
                    """select column_name, data_type from duckdb_columns()
               where table_name = ? and schema_name = 'main' and database_name = current_database()
               order by column_index""",
                    [name],
                ).fetchall()
            }
        )
        restored += cur.execute(
            f"""
            insert into {name} by name
            select unnest(json_transform(before, ?)) from import_changes
            where import_id = ? and table_name = ? and before is not null""",
            [structure, import_id, name],
        ).fetchone()[0]
        removed += cur.execute(
            """select count(*) from import_changes
                                  where import_id = ? and table_name = ? and before is null""",
            [import_id, name],
        ).fetchone()[0]
    _refuse_orphans(cur, import_id, tables)
    cur.execute("update imports set undone_at = ?, undone_by = ? where import_id = ?", [now, undone_by, import_id])
    store.rebuild_rollups(cur, changed=set(tables), streets=streets)
    return Undone(import_id, file_name, table, removed, restored)


def _has_street(cur, table: str) -> bool:
    return (
        cur.execute(
            """select count(*) from duckdb_columns() where table_name = ? and column_name = 'street_id'
                          and schema_name = 'main' and database_name = current_database()""",
            [table],
        ).fetchone()[0]
        > 0
    )


def _refuse_orphans(cur, import_id: int, tables: list[str]) -> None:
    """Refuses the undo when rows left in the store refer to a row it removes (added by the load)."""
    for child in TABLES.values():
        for column in child.columns:
            if not column.parent or column.parent[0] not in tables or not column.stored:
                continue
            parent, _ = column.parent
            if column.name not in {
                c
                for (c,) in cur.execute(
                    "select column_name from duckdb_columns() where table_name = ? and schema_name = 'main' "
                    "and database_name = current_database()",
                    [child.name],
                ).fetchall()
            }:
                continue
            n = cur.execute(
                f"""select count(*) from {child.name} where {column.name} in (
                                    select row_key from import_changes
                                    where import_id = ? and table_name = ? and before is null)""",
                [import_id, parent],
            ).fetchone()[0]
            if n:
                raise UndoRefused("still_used", import_id, n=i18n.number(n), child=child.name, parent=parent)


def undo_served(served, import_id: int, undone_by: str | None, *, street: str | None = None) -> Undone:
    """An undo from the Data page (or handed over by the command line): the store is taken for
    writing, as a load takes it, so an undo and a load run one after the other, never together."""
    with served.writing() as con:
        return undo_import(con, import_id, undone_by, street=street)


def record(outcome: "Undone | UndoRefused", user: str | None, *, street: str | None, via: str | None = None) -> None:
    """The undo, done or refused, in the audit trail."""
    from knockboard import audit

    details = {"via": via} if via else {}
    if isinstance(outcome, Undone):
        audit.record(
            "undo",
            user,
            import_id=outcome.import_id,
            file=outcome.file_name,
            table=outcome.table,
            status="undone",
            removed=outcome.removed,
            restored=outcome.restored,
            street=street,
            **details,
        )
    else:
        audit.record(
            "undo",
            user,
            import_id=outcome.import_id,
            file=outcome.details.get("file"),
            status="refused",
            reason=outcome.code,
            street=street,
            **details,
        )


def undo_recorded(
    served, import_id: int, user: str | None, *, street: str | None = None, via: str | None = None
) -> "Undone | UndoRefused":
    """undo_served with its outcome in the audit trail; returns what happened rather than raising."""
    try:
        outcome = undo_served(served, import_id, user, street=street)
    except UndoRefused as refused:
        outcome = refused
    record(outcome, user, street=street, via=via)
    return outcome
