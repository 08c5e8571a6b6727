"""Command line: python -m knockboard COMMAND. Each command is a thin wrapper over the core."""

import argparse
import sys
import time
from pathlib import Path

from knockboard.config import db_path


def progress_bar(fraction: float, message: str) -> None:
    """A one-line progress bar on stderr, redrawn in place."""
    width = 30
    filled = int(round(fraction * width))
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {fraction:4.0%} {message:<24}")
    if fraction >= 1:
        sys.stderr.write("\n")
    sys.stderr.flush()


def cmd_demo(args: argparse.Namespace) -> int:
    from knockboard.demo import build_demo

    path = args.db or db_path()
    started = time.perf_counter()
    result = build_demo(path, scale=args.scale, progress=progress_bar)
    print(f"Demo store (scale {args.scale}) written to {path}: {result['households']:,} households, "
          f"{result['visits']:,} visits in {time.perf_counter() - started:.1f} s")
    return 0


BUSY_WAIT_SECONDS = 20  # how long a load waits for a held store to be let go (or a dashboard to answer)


def cmd_load(args: argparse.Namespace) -> int:
    """Exit 0: every row of every file landed (or was already there); 1: some rows were refused;
    2: a file was refused whole or the store could not be opened. While a dashboard serves the store,
    the files are handed to it (knockboard/inbox.py) and the answer is the same."""
    import getpass

    import duckdb

    from knockboard import i18n, inbox, store
    from knockboard.loading import load_file
    from knockboard.loading.messages import rejects_table, summary

    lang, path = args.lang, args.db or db_path()
    deadline = time.monotonic() + BUSY_WAIT_SECONDS
    while True:
        try:
            con = store.connect(path)
            break
        except duckdb.IOException as error:
            if inbox.server_alive(path):
                return _load_through_the_dashboard(args, path)
            if time.monotonic() > deadline:  # held, and nobody to hand the files to
                print(f"{path}: {i18n.t('file_store_busy', lang)} ({error})", file=sys.stderr)
                return 2
            time.sleep(0.5)  # a briefing being written, a dashboard starting: they let go soon
    worst = 0
    refused_tables = []
    try:
        for file in args.files:
            print(f"{file} …", flush=True)
            report = load_file(con, file, table=args.table, loaded_by=getpass.getuser(), street=args.street)
            refused = rejects_table(report, lang) if report.status != "refused" and report.refused else None
            worst = max(worst, _print_load(summary(report, lang), report.status, refused, args.show))
            if refused is not None:
                refused_tables.append(refused)
    finally:
        con.close()
    _write_rejects(args.rejects, refused_tables)
    return worst


def _load_through_the_dashboard(args: argparse.Namespace, path) -> int:
    import getpass

    import pandas as pd

    from knockboard import i18n, inbox

    print(i18n.t("load_handed_over", args.lang, store=path), flush=True)
    try:
        reports = inbox.hand_over(path, args.files, table=args.table, street=args.street,
                                  loaded_by=getpass.getuser(), lang=args.lang)
    except inbox.HandOverFailed as error:
        print(f"{path}: {error}", file=sys.stderr)
        return 2
    worst, refused_tables = 0, []
    for report in reports:
        print(f"{report['file']} …")
        rows = report["refused_rows"]
        refused = pd.DataFrame(rows["data"], columns=rows["columns"]) if rows else None
        worst = max(worst, _print_load(report["summary"], report["status"], refused, args.show))
        if refused is not None:
            refused_tables.append(refused)
    _write_rejects(args.rejects, refused_tables)
    return worst


def _print_load(summary_text: str, status: str, refused, show: int) -> int:
    """Prints one file's outcome and its first refused rows; returns its exit code."""
    print(summary_text)
    if status in ("refused", "failed"):
        return 2
    if refused is None:
        return 0
    for row in refused.head(show).itertuples(index=False):
        print(f"  {row[0]}:{row[1]}: {row[4]}")
    if len(refused) > show:
        print(f"  … {len(refused) - show} more")
    return 1


def _write_rejects(path: str | None, tables: list) -> None:
    if path and tables:
        import pandas as pd
        pd.concat(tables).to_csv(path, index=False, encoding="utf-8-sig")
        print(f"Refused rows written to {path}")


UNDO_EXIT_CODES = """exit codes (as `load`'s):
  0  undone: the rows the load added are removed, the rows it replaced restored, the rollups follow
  2  refused, with the reason, nothing changed: no such load, already undone, made before undo
     existed, a later load rewrote the same rows (undo it first), later rows refer to rows it
     added, another street's load or not your street's last (--street); or the store is held by
     another program and no dashboard serving it answered"""


def cmd_undo(args: argparse.Namespace) -> int:
    """Undoes load IMPORT_ID (the number on the Data page's recent imports). Exit 0: undone; 2:
    refused (the reason is printed) or the store could not be opened. While a dashboard serves the
    store, the undo is handed to it (knockboard/inbox.py), as a load is."""
    import getpass

    import duckdb

    from knockboard import i18n, inbox, store
    from knockboard.loading.undo import UndoRefused, record, undo_import

    lang, path, user = args.lang, args.db or db_path(), getpass.getuser()
    deadline = time.monotonic() + BUSY_WAIT_SECONDS
    while True:
        try:
            con = store.connect(path)
            break
        except duckdb.IOException as error:
            if inbox.server_alive(path):
                print(i18n.t("undo_handed_over", lang, store=path), flush=True)
                try:
                    answer = inbox.hand_over_undo(path, args.import_id, street=args.street, undone_by=user, lang=lang)
                except inbox.HandOverFailed as failed:
                    print(f"{path}: {failed}", file=sys.stderr)
                    return 2
                print(answer["text"], file=sys.stdout if answer["status"] == "undone" else sys.stderr)
                return 0 if answer["status"] == "undone" else 2
            if time.monotonic() > deadline:
                print(f"{path}: {i18n.t('undo_store_busy', lang)} ({error})", file=sys.stderr)
                return 2
            time.sleep(0.5)
    try:
        try:
            outcome = undo_import(con, args.import_id, user, street=args.street)
        except UndoRefused as refused:
            outcome = refused
    finally:
        con.close()
    record(outcome, user, street=args.street, via="command line")
    if isinstance(outcome, UndoRefused):
        print(outcome.text(lang), file=sys.stderr)
        return 2
    print(outcome.text(lang))
    return 0


def cmd_briefing(args: argparse.Namespace) -> int:
    """Exit 0: written; 2: bad arguments or the store cannot be opened; 3: no data for that day;
    4: the PDF could not be printed. Nothing is written unless it is whole."""
    import datetime as dt

    import duckdb

    from knockboard import store
    from knockboard.briefing_export import BriefingError, export

    try:
        day = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        print(f"--date {args.date}: not a date (YYYY-MM-DD)", file=sys.stderr)
        return 2
    path = args.db or db_path()
    try:
        con = store.connect(path, read_only=True)
    except duckdb.Error as error:
        print(f"{path}: cannot open the store ({error})", file=sys.stderr)
        return 2
    try:
        # the command line runs as the operator: the whole district is in scope
        made = export(con, args.out, day, args.street, args.lang, scope=None)
    except BriefingError as error:
        print(f"briefing not written: {error}", file=sys.stderr)
        return {"no_data": 3, "bad_output": 2, "unknown_street": 2}.get(error.code, 4)
    finally:
        con.close()
    print(f"Briefing for {made} written to {args.out}")
    return 0


BRIEFING_EXIT_CODES = """exit codes (for a daily job; nothing partial is ever written):
  0  written
  2  bad arguments: a date that is not YYYY-MM-DD, an unknown street, an output not .html/.pdf,
     or a store that cannot be opened
  3  no data for that day
  4  the PDF could not be printed"""


def cmd_bench(args: argparse.Namespace) -> int:
    if args.sessions:
        return _bench_sessions(args)
    from knockboard.bench import run

    results, table = run(args.scale or [1.0, 10.0], runs=args.runs, load_rows=args.load_rows, workdir=args.workdir)
    print(table)
    if args.json:
        import json
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(results, handle, indent=2)
    return 0


def _bench_sessions(args: argparse.Namespace) -> int:
    """`bench --sessions N`: the morning rush against --db, or a demo of --scale built for it.
    Exit 0: every view rendered; 1: some view showed an error; 2: the rush could not start."""
    import json
    import tempfile

    from knockboard import bench_sessions
    from knockboard.demo import build_demo

    with tempfile.TemporaryDirectory(dir=args.workdir, prefix="knockboard-bench-") as tmp:
        db = args.db
        if db is None:
            scale = (args.scale or [1.0])[0]
            db = Path(tmp) / f"demo-{scale:g}.duckdb"
            print(f"Building a scale-{scale:g} demo store for the rush …", flush=True)
            build_demo(db, scale=scale, progress=progress_bar)
        try:
            rush = bench_sessions.run(db, args.sessions, args.seconds, workdir=args.workdir, think=args.think,
                                      load=[Path(f) for f in args.load or []])
        except RuntimeError as error:
            print(f"bench: {error}", file=sys.stderr)
            return 2
    print(rush.table())
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(rush.summary(), handle, indent=2)
    return 1 if rush.failed else 0


def cmd_hash_password(args: argparse.Namespace) -> int:
    """Prints the argon2id hash of a password for access.toml; the password itself is never stored."""
    import getpass

    from knockboard.access import hash_password

    if args.stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            print("the two passwords differ", file=sys.stderr)
            return 2
    if len(password) < 8:
        print("a password needs at least 8 characters", file=sys.stderr)
        return 2
    print(hash_password(password))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m knockboard", description="Knockboard (敲门看板) tools")
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser("demo", help="build the synthetic Chongchuan demo store")
    demo.add_argument("--scale", type=float, default=1.0,
                      help="1 = the district (about 430,000 households); 0.01 for tests; 10 for load")
    demo.add_argument("--db", help="store to write (default: $KNOCKBOARD_DB or data/knockboard.duckdb)")
    demo.set_defaults(run=cmd_demo)
    load = commands.add_parser("load", help="load field sheets (CSV, Excel, GeoJSON) into the store")
    load.add_argument("files", nargs="+", metavar="FILE", help="files to load, parents first (households before visits)")
    load.add_argument("--db", help="store to load into (default: $KNOCKBOARD_DB or data/knockboard.duckdb)")
    load.add_argument("--table", help="the table every file holds (default: recognised from its headers)")
    load.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the report (default zh)")
    load.add_argument("--street", metavar="S", help="load as the clerk of street S (e.g. S10): rows of other streets "
                                                   "are refused, territory tables refused whole (default: district-wide)")
    load.add_argument("--rejects", metavar="CSV", help="also write every refused row, with its reason, to this CSV")
    load.add_argument("--show", type=int, default=20, help="refused rows to print per file (default 20)")
    load.set_defaults(run=cmd_load)
    undo = commands.add_parser("undo", help="undo a load: remove the rows it added, restore the rows it replaced",
                               formatter_class=argparse.RawDescriptionHelpFormatter, epilog=UNDO_EXIT_CODES)
    undo.add_argument("import_id", type=int, metavar="IMPORT_ID",
                      help="the load's number (the Data page's recent imports, or the `imports` table)")
    undo.add_argument("--db", help="store to change (default: $KNOCKBOARD_DB or data/knockboard.duckdb)")
    undo.add_argument("--street", metavar="S", help="undo as the clerk of street S: only that street's last load "
                                                   "(default: as an administrator, any load)")
    undo.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the answer (default zh)")
    undo.set_defaults(run=cmd_undo)
    brief = commands.add_parser("briefing", help="write the daily briefing as HTML (offline) or PDF (A4)",
                                formatter_class=argparse.RawDescriptionHelpFormatter, epilog=BRIEFING_EXIT_CODES)
    brief.add_argument("--date", help="report day, YYYY-MM-DD (default: the latest day with data)")
    brief.add_argument("--street", help="a street id (e.g. S10) for a street briefing (default: the district)")
    brief.add_argument("--lang", choices=["zh", "en"], default="zh", help="language (default zh)")
    brief.add_argument("--out", required=True, type=Path, help="output file, .html or .pdf")
    brief.add_argument("--db", help="store to read (default: $KNOCKBOARD_DB or data/knockboard.duckdb)")
    brief.set_defaults(run=cmd_briefing)
    bench = commands.add_parser("bench", help="measure page run times, build time, load rate and memory")
    bench.add_argument("--scale", type=float, action="append",
                       help="a demo scale to measure; repeat for several (default: 1 and 10)")
    bench.add_argument("--runs", type=int, default=5, help="warm runs per page; the median is shown (default 5)")
    bench.add_argument("--load-rows", type=int, default=1_000_000,
                       help="rows of the visits CSV whose load is timed (default 1,000,000)")
    bench.add_argument("--workdir", help="folder for the temporary stores (default: the system's temp folder)")
    bench.add_argument("--json", help="also write the results to this JSON file")
    bench.add_argument("--sessions", type=int, help="instead: the morning rush, N real browser sessions at once "
                                                    "opening the briefing and two other pages in a loop")
    bench.add_argument("--seconds", type=float, default=60, help="how long the rush lasts (default 60)")
    bench.add_argument("--db", help="with --sessions: the store to serve (default: a demo of --scale, default 1)")
    bench.add_argument("--think", type=float, default=0, help="with --sessions: seconds each session reads a page "
                                                             "before the next (default 0: back to back)")
    bench.add_argument("--load", action="append", metavar="FILE",
                       help="with --sessions: load FILE from the command line half-way through (repeatable)")
    bench.set_defaults(run=cmd_bench)
    hashing = commands.add_parser("hash-password", help="print a password's argon2 hash for an account in access.toml")
    hashing.add_argument("--stdin", action="store_true", help="read the password from standard input (for scripts)")
    hashing.set_defaults(run=cmd_hash_password)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)
