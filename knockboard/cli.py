"""Command line: python -m knockboard COMMAND. Each command is a thin wrapper over the core."""

import argparse
import sys
import time

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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m knockboard", description="Knockboard (敲门看板) tools")
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser("demo", help="build the synthetic Chongchuan demo store")
    demo.add_argument("--scale", type=float, default=1.0,
                      help="1 = the district (about 430,000 households); 0.01 for tests; 10 for load")
    demo.add_argument("--db", help="store to write (default: $KNOCKBOARD_DB or data/knockboard.duckdb)")
    demo.set_defaults(run=cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)
