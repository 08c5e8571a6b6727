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


def cmd_load(args: argparse.Namespace) -> int:
    """Exit 0: every row of every file landed (or was already there); 1: some rows were refused;
    2: a file was refused whole or the store could not be opened."""
    import getpass

    import duckdb

    from knockboard import store
    from knockboard.loading import load_file
    from knockboard.loading.messages import rejects_table, summary

    lang = args.lang
    try:
        con = store.connect(args.db or db_path())
    except duckdb.IOException as error:
        from knockboard import i18n
        print(f"{args.db or db_path()}: {i18n.t('file_store_busy', lang)} ({error})", file=sys.stderr)
        return 2
    worst = 0
    refused_tables = []
    try:
        for path in args.files:
            print(f"{path} …", flush=True)
            report = load_file(con, path, table=args.table, loaded_by=getpass.getuser(), street=args.street)
            print(summary(report, lang))
            if report.status == "refused":
                worst = 2
            elif report.refused:
                worst = max(worst, 1)
                table = rejects_table(report, lang)
                refused_tables.append(table)
                for row in table.head(args.show).itertuples(index=False):
                    print(f"  {row[0]}:{row[1]}: {row[4]}")
                if len(table) > args.show:
                    print(f"  … {len(table) - args.show} more")
    finally:
        con.close()
    if args.rejects and refused_tables:
        import pandas as pd
        pd.concat(refused_tables).to_csv(args.rejects, index=False, encoding="utf-8-sig")
        print(f"Refused rows written to {args.rejects}")
    return worst


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
    from knockboard.bench import run

    results, table = run(args.scale or [1.0, 10.0], runs=args.runs, load_rows=args.load_rows, workdir=args.workdir)
    print(table)
    if args.json:
        import json
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(results, handle, indent=2)
    return 0


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
    bench.set_defaults(run=cmd_bench)
    hashing = commands.add_parser("hash-password", help="print a password's argon2 hash for an account in access.toml")
    hashing.add_argument("--stdin", action="store_true", help="read the password from standard input (for scripts)")
    hashing.set_defaults(run=cmd_hash_password)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)
