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
    print(
        f"Demo store (scale {args.scale}) written to {path}: {result['households']:,} households, "
        f"{result['visits']:,} visits in {time.perf_counter() - started:.1f} s"
    )
    return 0


BUSY_WAIT_SECONDS = 20  # how long a load waits for a held store to be let go (or a dashboard to answer)


SERVED = object()  # _open_for_writing's answer when a serving dashboard holds the store


def _open_for_writing(path, lang: str, busy_key: str):
    """The store opened for writing; SERVED when a dashboard serving it holds it (hand the work to it,
    knockboard/inbox.py); None, said on stderr with `busy_key`, when it stays held by another program
    for BUSY_WAIT_SECONDS (a briefing being written, a dashboard starting: they let go soon)."""
    import duckdb

    from knockboard import i18n, inbox, store

    deadline = time.monotonic() + BUSY_WAIT_SECONDS
    while True:
        try:
            return store.connect(path)
        except duckdb.IOException as error:
            if inbox.server_alive(path):
                return SERVED
            if time.monotonic() > deadline:
                print(f"{path}: {i18n.t(busy_key, lang)} ({error})", file=sys.stderr)
                return None
            time.sleep(0.5)


def cmd_load(args: argparse.Namespace) -> int:
    """Exit 0: every row of every file landed (or was already there); 1: some rows were refused;
    2: a file was refused whole or the store could not be opened. While a dashboard serves the store,
    the files are handed to it (knockboard/inbox.py) and the answer is the same."""
    import getpass

    from knockboard.loading import load_file
    from knockboard.loading.messages import rejects_table, summary

    lang, path = args.lang, args.db or db_path()
    con = _open_for_writing(path, lang, "file_store_busy")
    if con is SERVED:
        return _load_through_the_dashboard(args, path)
    if con is None:
        return 2
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
        reports = inbox.hand_over(
            path, args.files, table=args.table, street=args.street, loaded_by=getpass.getuser(), lang=args.lang
        )
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

    from knockboard import i18n, inbox
    from knockboard.loading.undo import UndoRefused, record, undo_import

    lang, path, user = args.lang, args.db or db_path(), getpass.getuser()
    con = _open_for_writing(path, lang, "undo_store_busy")
    if con is SERVED:
        print(i18n.t("undo_handed_over", lang, store=path), flush=True)
        try:
            answer = inbox.hand_over_undo(path, args.import_id, street=args.street, undone_by=user, lang=lang)
        except inbox.HandOverFailed as failed:
            print(f"{path}: {failed}", file=sys.stderr)
            return 2
        print(answer["text"], file=sys.stdout if answer["status"] == "undone" else sys.stderr)
        return 0 if answer["status"] == "undone" else 2
    if con is None:
        return 2
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


def _push_targets(args: argparse.Namespace):
    """The targets of a `push`/`schedule` command line, checked; raises PushError(bad_config)."""
    import os

    from knockboard import push

    if args.config:
        if getattr(args, "webhook", None) or any(
            getattr(args, k, None) for k in ("kind", "secret", "secret_env", "street", "lang", "link", "name")
        ):
            raise push.PushError(
                "bad_config",
                "--config names everything per target: give it alone "
                "(with --date, --target, --db, --timeout, --retries)",
            )
        config = push.load_config(args.config)
        if getattr(args, "target", None):
            unknown = [n for n in args.target if n not in {t.name for t in config.targets}]
            if unknown:
                raise push.PushError("bad_config", f"--target {', '.join(unknown)}: not in {args.config}")
            config.targets = [t for t in config.targets if t.name in args.target]
    else:
        if not args.webhook or not args.kind:
            raise push.PushError("bad_config", "give --webhook URL and --kind, or --config FILE")
        if args.target:
            raise push.PushError("bad_config", "--target picks targets of a --config file")
        secret = args.secret
        if args.secret_env:
            secret = os.environ.get(args.secret_env)
            if not secret:
                raise push.PushError("bad_config", f"--secret-env {args.secret_env}: not set")
        config = push.Config(
            [
                push.make_target(
                    args.name or args.kind,
                    args.kind,
                    args.webhook,
                    secret=secret,
                    street=args.street,
                    lang=args.lang or "zh",
                    link=args.link,
                )
            ]
        )
    if args.timeout is not None:
        config.timeout = args.timeout
    if args.retries is not None:
        config.retries = args.retries
    if config.timeout <= 0 or config.retries < 0:
        raise push.PushError("bad_config", "--timeout must be above 0 and --retries at least 0")
    return config


def _audit_trail(path) -> Path | None:
    """The audit trail beside the store used (unless $KNOCKBOARD_AUDIT_LOG names one)."""
    from knockboard.config import audit_log_path

    return audit_log_path(Path(path))


def cmd_push(args: argparse.Namespace) -> int:
    """Exit codes in PUSH_EXIT_CODES."""
    import datetime as dt
    import getpass

    import duckdb

    from knockboard import push, store

    try:
        day = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        print(f"--date {args.date}: not a date (YYYY-MM-DD)", file=sys.stderr)
        return 2
    try:
        config = _push_targets(args)
    except push.PushError as error:
        print(f"nothing sent: {error}", file=sys.stderr)
        return 2
    path = args.db or db_path()
    try:
        con = store.connect(path, read_only=True)
    except duckdb.Error as error:
        print(f"nothing sent: {path}: cannot open the store ({error})", file=sys.stderr)
        return 2
    try:
        push.check_streets(con, config.targets)
        outcomes = push.push_all(
            con,
            config.targets,
            day,
            user=getpass.getuser(),
            trail=_audit_trail(path),
            timeout=config.timeout,
            retries=config.retries,
        )
    except push.PushError as error:
        print(f"nothing sent: {error}", file=sys.stderr)
        return 2
    finally:
        con.close()
    code = push.exit_code(outcomes)
    sent = sum(o.result == "sent" for o in outcomes)
    print(f"{sent} of {len(outcomes)} target(s) sent", file=sys.stderr if code else sys.stdout)
    return code


PUSH_EXIT_CODES = """exit codes (for a daily job):
  0  every target sent
  2  bad arguments, nothing sent: a date not YYYY-MM-DD, an unknown kind or street, a URL or link
     not http(s), a secret for a kind other than dingtalk, a push.toml that cannot be read or holds
     an unknown key, or a store that cannot be opened
  3  no data for that day, nothing sent (to those targets; the others were sent)
  5  some target failed after its retries (no answer, an error answer, a timeout, or a message
     that cannot fit the robot's limit); the others still got theirs

Each target's outcome is one line (sent / nothing sent / FAILED) and one audit record (event push:
target, kind, host, day, scope, language, result, attempts); never the secret nor the webhook's
path or query, which hold its key. The ranking is cut to fit a robot's limit (WeCom 4096 bytes,
DingTalk 20000), never the headline."""


# The schedule's clock: empty, the real one; a test sets now / sleep / stop (see push.run_schedule)
# to run the command through days in a moment.
SCHEDULE_CLOCK: dict = {}


def cmd_schedule(args: argparse.Namespace) -> int:
    """Runs until stopped (Ctrl+C / SIGTERM): each target of --config at its time of day."""
    import getpass
    import signal

    from knockboard import push, store

    try:
        config = _push_targets(args)
        if any(t.at is None for t in config.targets):
            raise push.PushError(
                "bad_config",
                'every target needs a time ("HH:MM") for the schedule: '
                + ", ".join(t.name for t in config.targets if t.at is None),
            )
    except push.PushError as error:
        print(f"schedule not started: {error}", file=sys.stderr)
        return 2
    path = args.db or db_path()
    try:
        con = store.connect(path, read_only=True)
        try:
            push.check_streets(con, config.targets)
        finally:
            con.close()
    except push.PushError as error:
        print(f"schedule not started: {error}", file=sys.stderr)
        return 2
    except Exception as error:  # noqa: BLE001 - duckdb's errors: said, exit 2
        print(f"schedule not started: {path}: cannot open the store ({error})", file=sys.stderr)
        return 2

    def stopped(*_):
        raise KeyboardInterrupt

    before = signal.signal(signal.SIGTERM, stopped)  # systemd stops it with SIGTERM: end as after Ctrl+C
    try:
        push.run_schedule(
            config.targets,
            lambda: store.connect(path, read_only=True),
            user=getpass.getuser(),
            trail=_audit_trail(path),
            timeout=config.timeout,
            retries=config.retries,
            say=lambda line: print(line, flush=True),
            **SCHEDULE_CLOCK,
        )
    except KeyboardInterrupt:
        print("schedule stopped", flush=True)
    finally:
        signal.signal(signal.SIGTERM, before)
    return 0


def _push_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--config", type=Path, help="push.toml: several targets (see push.example.toml)")
    command.add_argument(
        "--target",
        action="append",
        metavar="NAME",
        help="with --config: only this target (repeatable; e.g. one cron line per target)",
    )
    command.add_argument("--db", help="store to read (default: $KNOCKBOARD_DB or data/knockboard.duckdb)")
    command.add_argument("--timeout", type=float, help=f"seconds per attempt (default {10:g}, or push.toml's)")
    command.add_argument(
        "--retries", type=int, help="attempts after the first, with back-off 2 s, 4 s, … (default 2, or push.toml's)"
    )


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
            rush = bench_sessions.run(
                db,
                args.sessions,
                args.seconds,
                workdir=args.workdir,
                think=args.think,
                load=[Path(f) for f in args.load or []],
            )
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
    demo.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="1 = the district (about 430,000 households); 0.01 for tests; 10 for load",
    )
    demo.add_argument("--db", help="store to write (default: $KNOCKBOARD_DB or data/knockboard.duckdb)")
    demo.set_defaults(run=cmd_demo)
    load = commands.add_parser("load", help="load field sheets (CSV, Excel, GeoJSON) into the store")
    load.add_argument(
        "files", nargs="+", metavar="FILE", help="files to load, parents first (households before visits)"
    )
    load.add_argument("--db", help="store to load into (default: $KNOCKBOARD_DB or data/knockboard.duckdb)")
    load.add_argument("--table", help="the table every file holds (default: recognised from its headers)")
    load.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the report (default zh)")
    load.add_argument(
        "--street",
        metavar="S",
        help="load as the clerk of street S (e.g. S10): rows of other streets "
        "are refused, territory tables refused whole (default: district-wide)",
    )
    load.add_argument("--rejects", metavar="CSV", help="also write every refused row, with its reason, to this CSV")
    load.add_argument("--show", type=int, default=20, help="refused rows to print per file (default 20)")
    load.set_defaults(run=cmd_load)
    undo = commands.add_parser(
        "undo",
        help="undo a load: remove the rows it added, restore the rows it replaced",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=UNDO_EXIT_CODES,
    )
    undo.add_argument(
        "import_id",
        type=int,
        metavar="IMPORT_ID",
        help="the load's number (the Data page's recent imports, or the `imports` table)",
    )
    undo.add_argument("--db", help="store to change (default: $KNOCKBOARD_DB or data/knockboard.duckdb)")
    undo.add_argument(
        "--street",
        metavar="S",
        help="undo as the clerk of street S: only that street's last load (default: as an administrator, any load)",
    )
    undo.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the answer (default zh)")
    undo.set_defaults(run=cmd_undo)
    brief = commands.add_parser(
        "briefing",
        help="write the daily briefing as HTML (offline) or PDF (A4)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=BRIEFING_EXIT_CODES,
    )
    brief.add_argument("--date", help="report day, YYYY-MM-DD (default: the latest day with data)")
    brief.add_argument("--street", help="a street id (e.g. S10) for a street briefing (default: the district)")
    brief.add_argument("--lang", choices=["zh", "en"], default="zh", help="language (default zh)")
    brief.add_argument("--out", required=True, type=Path, help="output file, .html or .pdf")
    brief.add_argument("--db", help="store to read (default: $KNOCKBOARD_DB or data/knockboard.duckdb)")
    brief.set_defaults(run=cmd_briefing)
    pushing = commands.add_parser(
        "push",
        help="post the day's briefing to WeCom/DingTalk group robots or a web hook",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=PUSH_EXIT_CODES,
    )
    pushing.add_argument("--webhook", metavar="URL", help="the robot's webhook address (one target)")
    pushing.add_argument("--kind", choices=["wecom", "dingtalk", "generic"], help="the robot's kind (with --webhook)")
    pushing.add_argument(
        "--secret",
        metavar="S",
        help="DingTalk's signing secret (adds timestamp and sign); "
        "visible to other users in the process list: prefer --secret-env",
    )
    pushing.add_argument(
        "--secret-env", metavar="VAR", help="read DingTalk's signing secret from this environment variable"
    )
    pushing.add_argument("--name", help="the target's name in the log and the audit trail (default: the kind)")
    pushing.add_argument("--date", help="report day, YYYY-MM-DD (default: the latest day with data)")
    pushing.add_argument("--street", help="a street id (e.g. S10) for a street briefing (default: the district)")
    pushing.add_argument("--lang", choices=["zh", "en"], help="language (default zh)")
    pushing.add_argument(
        "--link",
        metavar="BASE_URL",
        help="the dashboard's address: the message links to that day's briefing for the scope and language",
    )
    _push_options(pushing)
    pushing.set_defaults(run=cmd_push)
    sched = commands.add_parser(
        "schedule",
        help="keep running and push each target of push.toml at its time of day",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Sends the latest day with data (said when it is older than yesterday). A time "
        "already past at start is next due tomorrow. Exit 2: bad config, nothing "
        "started; otherwise runs until stopped (exit 0). Each push as in `push`.",
    )
    _push_options(sched)
    sched.set_defaults(
        run=cmd_schedule,
        webhook=None,
        kind=None,
        secret=None,
        secret_env=None,
        street=None,
        lang=None,
        link=None,
        name=None,
    )
    bench = commands.add_parser("bench", help="measure page run times, build time, load rate and memory")
    bench.add_argument(
        "--scale", type=float, action="append", help="a demo scale to measure; repeat for several (default: 1 and 10)"
    )
    bench.add_argument("--runs", type=int, default=5, help="warm runs per page; the median is shown (default 5)")
    bench.add_argument(
        "--load-rows",
        type=int,
        default=1_000_000,
        help="rows of the visits CSV whose load is timed (default 1,000,000)",
    )
    bench.add_argument("--workdir", help="folder for the temporary stores (default: the system's temp folder)")
    bench.add_argument("--json", help="also write the results to this JSON file")
    bench.add_argument(
        "--sessions",
        type=int,
        help="instead: the morning rush, N real browser sessions at once "
        "opening the briefing and two other pages in a loop",
    )
    bench.add_argument("--seconds", type=float, default=60, help="how long the rush lasts (default 60)")
    bench.add_argument("--db", help="with --sessions: the store to serve (default: a demo of --scale, default 1)")
    bench.add_argument(
        "--think",
        type=float,
        default=0,
        help="with --sessions: seconds each session reads a page before the next (default 0: back to back)",
    )
    bench.add_argument(
        "--load",
        action="append",
        metavar="FILE",
        help="with --sessions: load FILE from the command line half-way through (repeatable)",
    )
    bench.set_defaults(run=cmd_bench)
    hashing = commands.add_parser("hash-password", help="print a password's argon2 hash for an account in access.toml")
    hashing.add_argument("--stdin", action="store_true", help="read the password from standard input (for scripts)")
    hashing.set_defaults(run=cmd_hash_password)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)
