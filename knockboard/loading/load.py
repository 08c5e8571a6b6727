"""Loading one file: stage it, check every row, then land the accepted rows, the refused rows with
their reasons, and the import record in one transaction, with the rollups refreshed.

Nothing is lost: a refused row is kept (rejects table) with its row number, column, value, reason and
original text. Loading the same file again changes nothing; a corrected file replaces the rows it
restates by key. All checking is SQL over the staged cells, so a million rows load in seconds.

A street clerk loads with `street` set: territory tables are refused whole, and each row of the other
tables must belong to that street (found through its parents) and must not replace another street's row.
"""

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from knockboard import store
from knockboard.config import CAMPAIGN_START
from knockboard.loading.read import FOOTER_WORDS, FileProblem, Staged, stage_file
from knockboard.loading.spec import FALSE_WORDS, TABLES, TRUE_WORDS, Column, Table, is_id

DATE_FORMATS = [
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y年%m月%d日",
    "%Y%m%d",
    "%Y-%m-%d %H:%M:%S",
    "%Y/%m/%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M",
]
TIMESTAMP_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y/%m/%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y年%m月%d日 %H:%M",
    "%Y年%m月%d日 %H时%M分",
    "%Y.%m.%d %H:%M",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d",
    "%Y/%m/%d",
]
FULL_WIDTH = "０１２３４５６７８９．：／－　，"
HALF_WIDTH = "0123456789.:/- ,"
# Characters an id picks up unseen when pasted (zero-width space, word joiner, BOM, soft hyphen) and
# spaces around it (tab, no-break space, ideographic space): removed, and the report says so.
INVISIBLE = "[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]"
SPACES = " \t\r\n\u00a0\u3000\u2002\u2003\u2009\u202f"
# Excel turned a long number into 3.20602E+17: its last digits are gone
SCIENTIFIC = "[0-9]+([.][0-9]+)?[eE][+]?[0-9]+"
ASCII = "".join(chr(c) for c in range(0x21, 0x7F))
FULL_WIDTH_ASCII = "".join(chr(c + 0xFEE0) for c in range(0x21, 0x7F))  # ！ .. ～
HIDDEN = "***"


@dataclass
class Report:
    file_name: str
    status: str  # loaded | unchanged | refused
    table: str | None = None
    rows_read: int = 0
    accepted: int = 0
    refused: int = 0
    replaced: int = 0
    ignored_rows: int = 0  # blank and footer rows
    ignored_columns: list[str] = field(default_factory=list)
    import_id: int | None = None
    problem: FileProblem | None = None
    rejects: pd.DataFrame = field(default_factory=pd.DataFrame)
    seconds: float = 0.0
    created_parents: int = 0  # parents the file described and the store lacked (e.g. businesses)
    street: str | None = None  # the loader's street; None: a district-wide load
    street_names: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # id -> (zh, en) named here
    notes: list[tuple[str, dict]] = field(default_factory=list)  # what else the report says (code, details)
    loaded_at: dt.datetime | None = None  # for "unchanged": when the same file was loaded


# refusals that no later load can lift for the same loader: a file refused only for these is not rechecked
SCOPE_REASONS = ("outside_street", "replaces_other_street")


def _cell(column: Column, staged: Staged, full_width: bool, invisible: bool = True) -> str:
    """The cleaned text of a column's cell: blanks as NULL and, when the file has any, full-width
    digits and punctuation made half-width in numbers, dates and ids (translate is costly: only paid
    where needed); ids also lose invisible characters."""
    source = staged.columns.get(column.name)
    if source is None:
        return "null::varchar"
    # free text (an address, findings) keeps its full-width commas and digits as written
    if full_width and (column.kind != "text" or is_id(column)):
        source = f"translate({source}, $fw, $hw)"
    if is_id(column) and invisible:
        source = _clean_id(source)
    return f"nullif(trim({source}), '')"


def _clean_id(sql: str) -> str:
    """An id as typed in full-width (ＨＸ０１ from a Chinese input method) is the half-width one."""
    return f"trim(regexp_replace(translate({sql}, $fw_ascii, $ascii), $invisible, '', 'g'), $spaces)"


def _sniff_format(cur, raw_sql: str, formats: list[str]) -> str:
    """The format most of a column's first values are written in, so that parsing a million rows
    tries one format first instead of every format in turn."""
    cur.execute(
        f"create or replace temp table _sample as select {raw_sql} as v from stage "
        f"where {raw_sql} is not null limit 2000",
        _bound(raw_sql, dt.datetime.now()),
    )
    counts = [
        (cur.execute("select count(try_strptime(v, ?)) from _sample", [f]).fetchone()[0], -i, f)
        for i, f in enumerate(formats)
    ]
    cur.execute("drop table _sample")
    return max(counts)[2]


def _parsed(column: Column, raw: str) -> str:
    """SQL turning the cleaned text into the column's type; NULL when it cannot."""
    # an Excel serial (days since 1899-12-30) to the nearest second, as Excel shows it: 44624.3333333
    # is 08:00:00, not 07:59:59.997
    serial = (
        f"case when try_cast({raw} as double) between 20000 and 80000 then "
        f"timestamp '1899-12-30' + to_seconds(round(try_cast({raw} as double) * 86400)::bigint) end"
    )
    if column.kind == "text":
        return raw
    if column.kind == "int":
        return (
            f"case when try_cast({raw} as double) = floor(try_cast({raw} as double)) "
            f"then try_cast(try_cast({raw} as double) as bigint) end"
        )
    if column.kind == "float":
        return f"try_cast({raw} as double)"
    if column.kind == "bool":
        return (
            f"case when list_contains($true_words, lower({raw})) then true "
            f"when list_contains($false_words, lower({raw})) then false end"
        )
    if column.kind == "date":
        return (
            f"coalesce(try_strptime({raw}, $fmt_{column.name})::date, "
            f"try_strptime({raw}, $date_formats)::date, ({serial})::date)"
        )
    if column.kind == "timestamp":
        return f"coalesce(try_strptime({raw}, $fmt_{column.name}), try_strptime({raw}, $timestamp_formats), {serial})"
    if column.kind == "enum":
        return f"e_{column.name}.value"
    raise ValueError(column.kind)


def _problem(condition: str, column: str, reason: str, value: str = "null", detail: str = "null") -> str:
    return (
        f"case when {condition} then {{'column': '{column}', 'reason': '{reason}', "
        f"'value': ({value})::varchar, 'detail': ({detail})::varchar}} end"
    )


def _masked_text(staged: Staged) -> str:
    """SQL of a row's text with its personal cells (addresses, names) hidden: what a user who may not
    see personal data is shown of a refused row. In a row with more cells than headers the cells
    have shifted, so everything from the first personal column on is hidden."""
    if not staged.personal:
        return "_text"
    hidden = f"case when nullif(trim(c{{i}}), '') is null then '' else '{HIDDEN}' end"
    cells = [hidden.format(i=i) if f"c{i}" in staged.personal else f"coalesce(c{i}, '')" for i in range(staged.width)]
    first = min(int(c[1:]) for c in staged.personal)
    shifted = [f"coalesce(c{i}, '')" for i in range(first)] + [f"'{HIDDEN}'"]
    return (
        f"case when _extra is null then concat_ws(',', {', '.join(cells)}) "
        f"else concat_ws(',', {', '.join(shifted)}) end"
    )


def _enum_table(cur: duckdb.DuckDBPyConnection, table: Table) -> None:
    rows = []
    for column in table.columns:
        for value, spellings in (column.values or {}).items():
            for word in {value, value.replace("_", " "), value.replace("_", "-"), *spellings}:
                rows.append((column.name, word.lower(), value))
    cur.execute("create or replace temp table _enum (col varchar, spelling varchar, value varchar)")
    if rows:
        cur.executemany("insert into _enum values (?, ?, ?)", rows)


def _check(
    cur: duckdb.DuckDBPyConnection,
    staged: Staged,
    table: Table,
    now: dt.datetime,
    street: str | None = None,
    file_street: str | None = None,
    notes: list | None = None,
    invisible: bool = True,
    full_width: bool | None = None,
) -> None:
    """Builds temp table `checked`: typed values plus the list of problems of each row."""
    notes = notes if notes is not None else []
    _enum_table(cur, table)
    full_width = (
        cur.execute("select count(*) from stage where regexp_matches(_text, ?)", ["[０-９．：／－　，]"]).fetchone()[0]
        > 0
        if full_width is None
        else full_width
    )
    raw_cols, parsed_cols, problems, joins = [], [], [], []
    formats = {}
    for c in table.columns:
        raw_cols.append(f"{_cell(c, staged, full_width, invisible)} as r_{c.name}")
        if c.kind in ("date", "timestamp"):
            choices = DATE_FORMATS if c.kind == "date" else TIMESTAMP_FORMATS
            sniffed = _cell(c, staged, full_width, invisible)
            formats[f"fmt_{c.name}"] = _sniff_format(cur, sniffed, choices) if c.name in staged.columns else choices[0]
        if c.kind == "enum":
            # one hash join per enumeration: accepted spellings -> stored value
            joins.append(
                f"left join _enum e_{c.name} on e_{c.name}.col = '{c.name}' "
                f"and e_{c.name}.spelling = lower(r.r_{c.name})"
            )
    for c in table.columns:
        value = _parsed(c, f"r_{c.name}")
        if c.default is not None:
            value = f"coalesce({value}, case when r_{c.name} is null then {_literal(c.default)} end)"
        parsed_cols.append(f"{value} as {c.name}")
    problems.append(_problem("_extra is not null", table.key, "extra_cells", "_extra"))
    for c in table.columns:
        if is_id(c) and c.name in staged.columns:
            # a number with an exponent (cheap test first: most ids hold no 'e')
            problems.append(
                _problem(
                    f"(contains(r_{c.name}, 'E') or contains(r_{c.name}, 'e')) "
                    f"and regexp_full_match(r_{c.name}, '{SCIENTIFIC}')",
                    c.name,
                    "scientific_id",
                    f"r_{c.name}",
                )
            )
        if c.required and not (c.name == table.key and table.key_from):
            problems.append(_problem(f"r_{c.name} is null", c.name, "missing"))
        if c.kind != "text":
            reason = "not_in_list" if c.kind == "enum" else f"bad_{c.kind}"
            problems.append(_problem(f"r_{c.name} is not null and {c.name} is null", c.name, reason, f"r_{c.name}"))
        if c.low is not None:
            problems.append(
                _problem(f"{c.name} < {c.low} or {c.name} > {c.high}", c.name, "out_of_range", f"r_{c.name}")
            )
    if table.when:
        problems.append(_problem(f"{table.when} < $campaign_start", table.when, "before_campaign", f"r_{table.when}"))
        problems.append(_problem(f"{table.when} > $now", table.when, "in_future", f"r_{table.when}"))
    if table.name == "leads":
        problems.append(_problem("status in ('valid', 'invalid') and verified_at is null", "verified_at", "missing"))
        problems.append(_problem("verified_at < received_at", "verified_at", "before_received", "r_verified_at"))
    key_value = table.key
    if table.key_from:
        made = "md5(concat_ws('|', " + ", ".join(f"coalesce({c}::varchar, '')" for c in table.key_from) + "))"
        key_value = f"coalesce({table.key}, 'K' || left({made}, 15))"
    sql = f"""
        create or replace temp table _typed as
        select *, {key_value} as _key
        from (select r.*, {", ".join(parsed_cols)}
              from (select _seq, _row, _sheet, _text, _extra, {_masked_text(staged)} as _masked,
                           {", ".join(raw_cols)} from stage) r
              {" ".join(joins)})
    """
    cur.execute(sql, {**_bound(sql, now), **{k: v for k, v in formats.items() if f"${k}" in sql}})
    if table.embedded:
        _match_described_parents(cur, table, notes)
        _place_new_parents(cur, table, street, file_street)
    # duplicate keys inside the file: the first row wins, later ones are refused, naming the id and
    # the row (and sheet) it repeats
    key_shown = f"coalesce(r_{table.key}, _key)" if table.key_from else "_key"
    dup = _problem("_first_seq < _seq", table.key, "duplicate_key", key_shown, "_first_seq")
    parents = []
    described = table.embedded[1] if table.embedded else {}
    for c in table.columns:
        if c.parent:
            parent_table, parent_key = c.parent
            unknown = f"{c.name} is not null and {c.name} not in (select {parent_key} from {parent_table})"
            if described.get(parent_key) == c.name and "name" in described:
                unknown += f" and {described['name']} is null"  # a named parent is created instead
                parents.append(
                    _problem("_parent_ids > 1", c.name, "parent_ambiguous", described["name"], "_parent_ids_text")
                )
                parents.append(
                    _problem(
                        f"{c.name} not in (select {parent_key} from {parent_table}) and "
                        f"{described['name']} is not null and _new_street is null",
                        c.name,
                        "new_parent_no_street",
                        described["name"],
                    )
                )
            parents.append(_problem(unknown, c.name, "unknown_parent", f"r_{c.name}"))
    if table.lookup and table.name == "visits":
        column, sql = table.lookup
        parents.append(
            _problem(
                f"{column} is not null and {column} in (select household_id from households) "
                f"and {column} not in (select {column} from ({sql}))",
                column,
                "territory_incomplete",
                f"r_{column}",
            )
        )
    checks = ", ".join(problems + [dup] + parents)
    sql = f"""
        create or replace temp table checked as
        select *, list_filter([{checks}], lambda p: p is not null) as problems
        from (select *, min(_seq) over (partition by _key) as _first_seq from _typed)
    """
    cur.execute(sql, _bound(sql, now))


def _normalised_name(sql: str) -> str:
    """A business name or address compared without spaces, punctuation or case."""
    return f"lower(regexp_replace({sql}, '[[:space:][:punct:]（）【】《》，。、；：·“”‘’－—]', '', 'g'))"


def _match_described_parents(cur: duckdb.DuckDBPyConnection, table: Table, notes: list) -> None:
    """A sheet names a parent under an id the store does not know (an inspection sheet's own business
    id), but the store may hold it under another: same normalised name, and where both give an
    address, one address starting the other. A single such parent takes the row (the report says
    which); several leave the row refused as ambiguous; none, and it is a new parent."""
    parent, described = table.embedded
    key_parent, key_here = next(iter(described.items()))
    name, address = described["name"], described.get("address")
    fits = (
        f"(s.{address} is null or p.address is null or starts_with({_normalised_name('p.address')}, "
        f"{_normalised_name(f's.{address}')}) or starts_with({_normalised_name(f's.{address}')}, "
        f"{_normalised_name('p.address')}))"
        if address
        else "true"
    )
    cur.execute(f"""
        create or replace temp table _matches as
        select s.{key_here} as sheet_id, any_value(s.{name}) as sheet_name,
               count(distinct p.{key_parent}) as ids, min(p.{key_parent}) as store_id,
               string_agg(distinct p.{key_parent}, ', ' order by p.{key_parent}) as ids_text
        from (select {key_here}, arg_min({name}, _seq) as {name}{f", arg_min({address}, _seq) as {address}" if address else ""}
              from _typed where {name} is not null and {key_here} is not null
                and {key_here} not in (select {key_parent} from {parent}) group by {key_here}) s
        join {parent} p on {_normalised_name("p.name")} = {_normalised_name(f"s.{name}")} and {fits}
        group by s.{key_here}
    """)
    cur.execute("alter table _typed add column _parent_ids integer default 0")
    cur.execute("alter table _typed add column _parent_ids_text varchar")
    cur.execute(f"""update _typed set {key_here} = case when m.ids = 1 then m.store_id else _typed.{key_here} end,
                                      _parent_ids = m.ids, _parent_ids_text = m.ids_text
                    from _matches m where _typed.{key_here} = m.sheet_id""")
    for sheet_id, sheet_name, store_id in cur.execute(
        "select sheet_id, sheet_name, store_id from _matches where ids = 1 order by sheet_id"
    ).fetchall():
        notes.append(("parent_matched", {"name": sheet_name, "sheet_id": sheet_id, "store_id": store_id}))
    cur.execute("drop table _matches")


def _place_new_parents(
    cur: duckdb.DuckDBPyConnection, table: Table, street: str | None, file_street: str | None
) -> None:
    """The street of each parent the sheet creates: the loading clerk's, else the one its row names
    (by id or name), else the one the file name names. None found: the row is refused (a business
    of no street would count in the district but in no street)."""
    parent, described = table.embedded
    key_parent, key_here = next(iter(described.items()))
    named = table.embedded_street
    by_name = "null::varchar"
    if named:
        by_name = f"""(select min(st.street_id) from streets st
                       where {named} in (st.street_id, st.name_zh, st.name_zh || '街道', st.name_en)
                          or {named} || '街道' = st.name_zh)"""
    cur.execute("alter table _typed add column _new_street varchar")
    cur.execute(
        f"""update _typed set _new_street = coalesce($street, {by_name}, $file_street)
                    where {key_here} not in (select {key_parent} from {parent})""",
        {"street": street, "file_street": file_street},
    )


def _street_sources(table: Table) -> tuple[list[str], list[tuple[str, str]]]:
    """Joins and (column, street SQL) pairs giving each checked row `c` its street, per table.street_from."""
    joins, sources = [], []
    described = table.embedded[1] if table.embedded else {}
    described_key = next(iter(described.values()), None)  # e.g. an inspection's business_id
    for i, (column, lookup) in enumerate(table.street_from):
        if lookup is None:
            sources.append((column, f"c.{column}"))
            continue
        joins.append(f"left join ({lookup}) s{i} on s{i}.{column} = c.{column}")
        street = f"s{i}.street_id"
        if column == described_key and "name" in described:
            # a parent new to the store and described on the sheet is created in the clerk's street
            street = (
                f"coalesce({street}, case when s{i}.{column} is null and c.{described['name']} is not null "
                f"then $street end)"
            )
        sources.append((column, street))
    return joins, sources


def _existing_streets(table: Table) -> str:
    """SQL of (_key, street_id) for the rows the store already holds: their stored street where they
    carry one, else found through their parents."""
    if "street_id" in {c.name for c in table.columns if c.stored} | set(table.derived):
        return f"select {table.key} as _key, street_id from {table.name}"
    column, lookup = table.street_from[0]
    return f"select t.{table.key} as _key, l.street_id from {table.name} t left join ({lookup}) l on l.{column} = t.{column}"


def _check_street(cur: duckdb.DuckDBPyConnection, table: Table, street: str) -> None:
    """A street clerk's load: adds to `checked` the refusal of rows of another street (the first
    source that says so), of rows whose street cannot be found, and of rows that would replace
    another street's row. Set-wise joins; the street is bound, never written into the SQL."""
    joins, sources = _street_sources(table)
    columns = ", ".join(f"'{column}'" for column, _ in sources)
    first = sources[0][0]
    outside = [_problem(f"{expr} <> $street", column, "outside_street", expr) for column, expr in sources]
    # no street found: said only when no other refusal already names the columns it comes from
    unknown = _problem(
        f"coalesce({', '.join(expr for _, expr in sources)}) is null "
        f"and len(list_filter(c.problems, lambda p: p.column in ({columns}))) = 0",
        first,
        "street_unknown",
        f"c.r_{first}",
    )
    replaces = _problem(
        "x._key is not null and x.street_id is distinct from $street", table.key, "replaces_other_street", "x.street_id"
    )
    sql = f"""
        create or replace temp table checked as
        select c.* exclude (problems),
               list_concat(c.problems, list_filter([{", ".join(outside)}], lambda p: p is not null)[1:1],
                           list_filter([{unknown}, {replaces}], lambda p: p is not null)) as problems
        from checked c {" ".join(joins)}
        left join ({_existing_streets(table)}) x on x._key = c._key
    """
    cur.execute(sql, {"street": street})


def _literal(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return str(value)


def _bound(sql: str, now: dt.datetime) -> dict:
    """The fixed values the checks use, bound as parameters (only those this SQL names)."""
    values = {
        "fw": FULL_WIDTH,
        "hw": HALF_WIDTH,
        "invisible": INVISIBLE,
        "spaces": SPACES,
        "fw_ascii": FULL_WIDTH_ASCII,
        "ascii": ASCII,
        "true_words": list(TRUE_WORDS),
        "false_words": [w for w in FALSE_WORDS if w],
        "date_formats": DATE_FORMATS,
        "timestamp_formats": TIMESTAMP_FORMATS,
        "campaign_start": dt.datetime.fromisoformat(CAMPAIGN_START),
        "now": now,
    }
    named = set(re.findall(r"\$(\w+)", sql))
    return {k: v for k, v in values.items() if k in named}


def _drop_blank_and_footer(cur: duckdb.DuckDBPyConnection) -> int:
    """Blank rows and footer rows (填表人：… 审核人：…) are not data: dropped and counted."""
    before = cur.execute("select count(*) from stage").fetchone()[0]
    cur.execute(
        "delete from stage where regexp_full_match(_text, ?) or regexp_matches(_text, ?)",
        [r"[\s,]*", r"^[\s,]*(" + "|".join(FOOTER_WORDS) + ")"],
    )
    return before - cur.execute("select count(*) from stage").fetchone()[0]


def _create_described_parents(cur: duckdb.DuckDBPyConnection, table: Table, import_id: int) -> int:
    """Parents the file describes on its rows (e.g. the business an inspection names) and the store
    lacks are created, once each, from the first row that names them, in the street found for them
    (_place_new_parents). They have no grid yet: the Data page lists them. They are changes of this
    load (import_changes): undoing it removes them."""
    if not table.embedded:
        return 0
    parent, columns = table.embedded
    key_parent, key_here = next(iter(columns.items()))
    before = cur.execute(f"select count(*) from {parent}").fetchone()[0]
    cur.execute(
        f"""
        insert into import_changes (import_id, table_name, row_key, before)
        select distinct ?, ?, {key_here}, null::json from checked
        where len(problems) = 0 and {columns["name"]} is not null
          and {key_here} not in (select {key_parent} from {parent})
    """,
        [import_id, parent],
    )
    cur.execute(f"""
        insert into {parent} ({", ".join(columns)}, street_id)
        select {", ".join(f"arg_min({here}, _seq)" if i else here for i, here in enumerate(columns.values()))},
               arg_min(_new_street, _seq)
        from checked
        where len(problems) = 0 and {columns["name"]} is not null
          and {key_here} not in (select {key_parent} from {parent})
        group by {key_here}
    """)
    return cur.execute(f"select count(*) from {parent}").fetchone()[0] - before


def _land(
    cur: duckdb.DuckDBPyConnection,
    table: Table,
    staged: Staged,
    content_hash: str,
    loaded_by: str | None,
    street: str | None,
    now: dt.datetime,
    read: int,
) -> tuple[int, int, int, int, int]:
    """Inside the open transaction: import record, rejects, replaced rows, accepted rows, rollups."""
    import_id = cur.execute("select coalesce(max(import_id), 0) + 1 from imports").fetchone()[0]
    accepted = cur.execute("select count(*) from checked where len(problems) = 0").fetchone()[0]
    refused_rows = read - accepted
    cur.execute(
        """insert into imports (import_id, file_name, content_hash, table_name, rows_read, rows_accepted,
                                        rows_refused, loaded_by, loaded_at, street_id, changes_kept)
                   values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)""",
        [import_id, staged.file_name, content_hash, table.name, read, accepted, refused_rows, loaded_by, now, street],
    )
    cur.execute(
        """
        insert into rejects (import_id, file_name, row_number, column_name, value, reason, row_text,
                             sheet_name, detail, row_masked)
        select ?, ?, r._row, r.p.column, r.p.value, r.p.reason, r._text, r._sheet,
               -- a duplicate names the row it repeats (found here, for the few refused rows only)
               case when r.p.reason = 'duplicate_key' then coalesce(f._sheet || ' ', '') || f._row else r.p.detail end,
               r._masked
        from (select _seq, _row, _sheet, _text, _masked, unnest(problems) as p from checked where len(problems) > 0) r
        left join checked f on r.p.reason = 'duplicate_key' and f._seq = try_cast(r.p.detail as bigint)
        order by r._seq
    """,
        [import_id, staged.file_name],
    )
    created = _create_described_parents(cur, table, import_id)
    # a derived column of the same name as a file column wins (a team's street: its own, else its grid's)
    stored = [c for c in table.columns if c.stored and c.name not in table.derived]
    target_columns = [c.name for c in stored] + list(table.derived)
    select = ["a._key" if c.name == table.key else f"a.{c.name}" for c in stored]
    select += [f"{expr}" for expr in table.derived.values()]
    join = ""
    if table.lookup:
        column, sql = table.lookup
        join = f"left join ({sql}) p on p.{column} = a.{column}"
    replaced = cur.execute(f"""select count(*) from checked a where len(problems) = 0
                               and a._key in (select {table.key} from {table.name})""").fetchone()[0]
    has_street = "street_id" in target_columns
    streets_of = f"""select distinct street_id from {table.name}
                     where {table.key} in (select _key from checked where len(problems) = 0)"""
    touched = {r[0] for r in cur.execute(streets_of).fetchall()} if has_street else set()  # replaced rows
    # what this load writes, and the rows it replaces as they were: an undo puts them back (undo.py)
    cur.execute(
        f"""
        insert into import_changes (import_id, table_name, row_key, before)
        select ?, ?, a._key, case when t.{table.key} is not null then to_json(t) end
        from (select _key, _seq from checked where len(problems) = 0) a
        left join {table.name} t on t.{table.key} = a._key
        order by a._seq
    """,
        [import_id, table.name],
    )
    cur.execute(f"delete from {table.name} where {table.key} in (select _key from checked where len(problems) = 0)")
    cur.execute(f"""
        insert into {table.name} ({", ".join(target_columns)})
        select {", ".join(select)}
        from (select * from checked where len(problems) = 0) a {join}
        order by a._seq
    """)
    if has_street:
        touched |= {r[0] for r in cur.execute(streets_of).fetchall()}
    # only the rollups built from this table, and street-partitioned ones only for the streets touched
    changed = {table.name} | ({table.embedded[0]} if created else set())
    store.rebuild_rollups(cur, changed=changed, streets=touched if has_street else None)
    return import_id, accepted, refused_rows, replaced, created


def _seen(cur: duckdb.DuckDBPyConnection, content_hash: str, street: str | None) -> tuple | None:
    """The last import of the same bytes, not undone, if loading them again cannot change anything: it
    refused no row, or (for the same street clerk) only rows outside that street. A file with other
    refusals is checked again (their parents may have been loaded since): see _same_outcome."""
    return cur.execute(
        f"""
        select import_id, table_name, loaded_at from imports i
        where content_hash = $hash and undone_at is null
          and (rows_refused = 0
               or (street_id = $street and not exists (
                   select 1 from rejects r where r.import_id = i.import_id
                   and r.reason not in ({", ".join(f"'{r}'" for r in SCOPE_REASONS)}))))
        order by import_id desc limit 1""",
        {"hash": content_hash, "street": street},
    ).fetchone()


def _same_outcome(cur: duckdb.DuckDBPyConnection, content_hash: str, street: str | None) -> tuple | None:
    """The last import of the same bytes by the same loader, if checking them again refused exactly
    the same rows for the same reasons: loading again would write the same import and the same
    refusals a second time, so nothing is written."""
    last = cur.execute(
        """select import_id, table_name, loaded_at, rows_accepted from imports
                          where content_hash = ? and street_id is not distinct from ? and undone_at is null
                          order by import_id desc limit 1""",
        [content_hash, street],
    ).fetchone()
    if last is None:
        return None
    accepted = cur.execute("select count(*) from checked where len(problems) = 0").fetchone()[0]
    differ = cur.execute(
        """
        with now as (select _row, _sheet, p.column as col, p.reason, p.value
                     from (select _row, _sheet, unnest(problems) as p from checked where len(problems) > 0)),
             before as (select row_number, sheet_name, column_name, reason, value from rejects where import_id = ?)
        select (select count(*) from (select * from now except select * from before))
             + (select count(*) from (select * from before except select * from now))
    """,
        [last[0]],
    ).fetchone()[0]
    return last[:3] if differ == 0 and accepted == last[3] else None


def _street_names(cur: duckdb.DuckDBPyConnection, street: str | None, import_id: int | None) -> dict:
    """Names of the loader's street and of the streets its refusals name, for the report's words."""
    if street is None:
        return {}
    rows = cur.execute(
        f"""
        select street_id, name_zh, name_en from streets
        where street_id = ? or street_id in (select value from rejects where import_id = ?
                                             and reason in ({", ".join(f"'{r}'" for r in SCOPE_REASONS)}))
    """,
        [street, import_id],
    ).fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}


def _street_in_file_name(cur: duckdb.DuckDBPyConnection, file_name: str) -> str | None:
    """The one street whose Chinese name the file name holds (检查记录_永兴街道_0319.xlsx), if any."""
    named = [
        sid
        for sid, name in cur.execute("select street_id, name_zh from streets").fetchall()
        if name and len(name) >= 2 and name in file_name
    ]
    return named[0] if len(named) == 1 else None


def _odd_characters(cur: duckdb.DuckDBPyConnection) -> tuple[bool, bool]:
    """Whether any cell holds full-width digits or punctuation, and whether any holds a character an
    id is cleaned of: one scan, so that a plain file (most are) pays no per-cell translation."""
    invisible = INVISIBLE[:-1] + SPACES.replace(" ", "").replace("\r", "").replace("\n", "") + "！-～]"
    full_width, odd = cur.execute(
        """select count(*) filter (where regexp_matches(_text, $fw)) > 0,
                                            count(*) filter (where regexp_matches(_text, $invisible)) > 0
                                     from stage""",
        {"fw": "[０-９．：／－　，]", "invisible": invisible},
    ).fetchone()
    return full_width, odd


def _cleaned_ids(cur: duckdb.DuckDBPyConnection, staged: Staged, table: Table) -> list[tuple[str, dict]]:
    """Notes for the report: ids from which invisible characters or odd spaces were removed."""
    notes = []
    for column in table.columns:
        source = staged.columns.get(column.name)
        if not is_id(column) or source is None:
            continue
        # as written, bar plain spaces around it, against as landed
        written = ", ".join(f"nullif(trim(c{i}, ' '), '')" for i in staged.positions.get(column.name, []))
        written = f"coalesce({written})" if written else source
        sql = f"""select count(*), list(coalesce(_sheet || ' ', '') || _row order by _seq)[1:5] from stage
                  where {written} is distinct from nullif({_clean_id(source)}, '')"""
        n, rows = cur.execute(sql, _bound(sql, dt.datetime.now())).fetchone()
        if n:
            notes.append(
                (
                    "ids_cleaned",
                    {"column": column.name, "n": n, "rows": ", ".join(rows) + (", …" if n > len(rows) else "")},
                )
            )
    return notes


def _previous_rejects(cur: duckdb.DuckDBPyConnection, import_id: int) -> pd.DataFrame:
    return cur.execute(
        """select row_number as row, sheet_name as sheet, column_name as column, value, reason,
                                 detail, row_text, row_masked
                          from rejects where import_id = ? order by row_number, column_name""",
        [import_id],
    ).df()


def _unchanged(cur, file_name: str, seen: tuple, street: str | None, notes: list | None = None) -> Report:
    import_id, table, loaded_at = seen
    rejects = _previous_rejects(cur, import_id)
    return Report(
        file_name,
        "unchanged",
        table=table,
        import_id=import_id,
        street=street,
        loaded_at=loaded_at,
        refused=len(rejects.drop_duplicates(["sheet", "row"])),
        rejects=rejects,
        street_names=_street_names(cur, street, import_id),
        notes=notes or [],
    )


def load_bytes(
    con: duckdb.DuckDBPyConnection,
    data: bytes,
    file_name: str,
    table: str | None = None,
    loaded_by: str | None = None,
    now: dt.datetime | None = None,
    *,
    street: str | None = None,
    read=None,
) -> Report:
    """Loads one file's content. Never raises for bad content: the report says what happened.
    `street`: the loader's street (a street clerk); None loads for the whole district.
    `read`: the file already read by a child process (isolated.read_apart, as the dashboard does);
    None: it is read here."""
    try:
        return _load_bytes(con, data, file_name, table, loaded_by, now, street, read)
    except Exception as error:  # nothing landed (the transaction rolled back): the file is refused, not a traceback
        first_line = (str(error).splitlines() or [""])[0][:200]
        problem = FileProblem("load_failed", file_name, error=f"{type(error).__name__}: {first_line}")
        return Report(file_name, "refused", table=table, problem=problem, street=street)


def _load_bytes(
    con,
    data: bytes,
    file_name: str,
    table: str | None,
    loaded_by: str | None,
    now: dt.datetime | None,
    street: str | None,
    read=None,
) -> Report:
    import time

    started = time.perf_counter()
    now = now or dt.datetime.now()
    content_hash = hashlib.sha256(data).hexdigest()
    cur = con.cursor()
    try:
        seen = _seen(cur, content_hash, street)
        if seen:
            return _unchanged(cur, file_name, seen, street)
        try:
            staged = read.stage_on(cur) if read is not None else stage_file(cur, data, file_name, table)
        except FileProblem as problem:
            return Report(file_name, "refused", table=table, problem=problem, street=street)
        except Exception as error:  # a file no reader foresaw: refused whole, never a traceback
            problem = FileProblem("unreadable_file", file_name, error=type(error).__name__)
            return Report(file_name, "refused", table=table, problem=problem, street=street)
        spec = TABLES[staged.table]
        if street is not None and not spec.street_from:
            # the territory belongs to no one street: only an administrator loads it
            problem = FileProblem("admin_only", file_name, table=spec.name, street=street)
            return Report(
                file_name,
                "refused",
                table=spec.name,
                problem=problem,
                street=street,
                street_names=_street_names(cur, street, None),
            )
        ignored_rows = _drop_blank_and_footer(cur)
        read = cur.execute("select count(*) from stage").fetchone()[0]
        full_width, invisible = _odd_characters(cur)
        notes = list(staged.notes) + (_cleaned_ids(cur, staged, spec) if invisible else [])
        file_street = _street_in_file_name(cur, file_name) if spec.embedded and street is None else None
        _check(cur, staged, spec, now, street, file_street, notes, invisible, full_width)
        if street is not None:
            _check_street(cur, spec, street)
        same = _same_outcome(cur, content_hash, street)
        if same:
            return _unchanged(cur, file_name, same, street, notes)
        cur.execute("begin transaction")
        try:
            import_id, accepted, refused, replaced, created = _land(
                cur, spec, staged, content_hash, loaded_by, street, now, read
            )
            cur.execute("commit")
        except Exception:
            cur.execute("rollback")
            raise
        if created and file_street and street is None:
            placed = cur.execute(
                "select count(*) from checked where len(problems) = 0 and _new_street = ?", [file_street]
            ).fetchone()[0]
            if placed:
                name = cur.execute("select name_zh from streets where street_id = ?", [file_street]).fetchone()[0]
                notes.append(("parents_in_file_street", {"street": f"{name} ({file_street})"}))
        rejects = _previous_rejects(cur, import_id)
        return Report(
            file_name,
            "loaded",
            staged.table,
            read,
            accepted,
            refused,
            replaced,
            ignored_rows,
            staged.ignored,
            import_id,
            rejects=rejects,
            seconds=time.perf_counter() - started,
            created_parents=created,
            street=street,
            street_names=_street_names(cur, street, import_id),
            notes=notes,
        )
    finally:
        for temp in ("stage", "_typed", "checked", "_enum", "_matches"):
            cur.execute(f"drop table if exists {temp}")
        cur.close()


def load_file(
    con: duckdb.DuckDBPyConnection,
    path: str | os.PathLike,
    table: str | None = None,
    loaded_by: str | None = None,
    *,
    street: str | None = None,
) -> Report:
    with open(path, "rb") as handle:
        data = handle.read()
    return load_bytes(con, data, os.path.basename(path), table=table, loaded_by=loaded_by, street=street)
