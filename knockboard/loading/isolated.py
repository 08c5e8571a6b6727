"""Reading an upload in a process of its own, so that one heavy file cannot stall every session.

Streamlit serves every session from threads of one Python process. Parsing a sheet (openpyxl's
XML, Python's CSV reader, building pandas frames) holds Python's global lock for long stretches:
in a thread of the server, a large or hostile upload (a 4 MB workbook that expands to gigabytes)
left every other session waiting for minutes while the server's memory climbed. So the dashboard
reads an upload in a child process, under a time budget and a memory budget, and only the staged
cells come back (a Parquet file in the store's private folder), which DuckDB copies into the
load's staging table without holding that lock. Checking and landing stay as they were, in the
server's DuckDB, in one transaction.

The child is a fresh interpreter (`python -m knockboard.loading.isolated REQUEST`), never a fork of
the threaded server, nor a multiprocessing child: those re-run the "main" module, which inside
Streamlit is the page being served. Starting it costs about a second (importing pandas and DuckDB).
The command line reads in its own process (it stalls nobody), without these budgets.
"""

import os
import pickle
import resource
import subprocess
import sys
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from knockboard import store
from knockboard.loading.read import FileProblem, Staged

# One upload may keep a reader busy this long: a 50 MB CSV (the upload limit) of a million visits
# reads in about 30 s on a slow core; a workbook of the same rows takes a few minutes.
READ_SECONDS = 300
# ... and use this much memory above what the reader takes once started (its address space:
# Python, pandas and DuckDB already reserve about 1.1 GB of it, mostly unused). A 50 MB CSV needs
# well under 1 GB; the server's own memory does not grow with the file.
READ_MEMORY_MB = 2048
NICE = 10  # the reader yields the processor to the sessions being served
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class ReadApart:
    """An upload read by a child process: its staged cells in a Parquet file, or why it was refused."""

    staged: Staged | None
    problem: FileProblem | None
    cells: Path | None

    def stage_on(self, con) -> Staged:
        """Puts the staged cells in `con`'s staging table, as stage_file would have left it."""
        if self.problem is not None:
            raise self.problem
        con.execute("create or replace temp table stage as select * from read_parquet(?)", [str(self.cells)])
        return self.staged


@contextmanager
def read_apart(data: bytes, file_name: str, table: str | None, scratch: Path):
    """Reads an upload in a child process, under READ_SECONDS and READ_MEMORY_MB, before any lock on
    the store is taken (sessions keep reading it meanwhile). Yields a ReadApart for load_bytes(read=);
    the copies (personal data) in `scratch` (store.reading_dir: private) are removed on leaving."""
    token = uuid.uuid4().hex
    scratch = Path(scratch).resolve()  # the reader runs in the checkout, the server maybe elsewhere
    paths = {
        "source": scratch / f"upload-{token}",
        "cells": scratch / f"stage-{token}.parquet",
        "answer": scratch / f"answer-{token}.pickle",
        "request": scratch / f"request-{token}.pickle",
        "partial": scratch / f"answer-{token}.pickle.partial",
        "log": scratch / f"log-{token}.txt",
    }
    for key in ("source", "request"):
        content = (
            data
            if key == "source"
            else pickle.dumps(
                {
                    "source": str(paths["source"]),
                    "file_name": file_name,
                    "table": table,
                    "cells": str(paths["cells"]),
                    "answer": str(paths["answer"]),
                    "scratch": str(scratch),
                    "memory_mb": READ_MEMORY_MB,
                }
            )
        )
        fd = os.open(paths[key], os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    with open(paths["log"], "wb") as log:  # a file, not a pipe: a chatty child never blocks on it
        child = subprocess.Popen(
            [sys.executable, "-m", "knockboard.loading.isolated", str(paths["request"])],
            env=env,
            cwd=str(ROOT),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
        )
    try:
        try:
            read = ReadApart(_answer(child, paths["answer"], paths["log"], file_name), None, paths["cells"])
        except FileProblem as problem:
            read = ReadApart(None, problem, None)
        yield read
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        for path in paths.values():
            path.unlink(missing_ok=True)


def _answer(child: subprocess.Popen, answer: Path, log: Path, file_name: str) -> Staged:
    """What the child answered: its Staged, or a FileProblem saying why the file could not be read."""
    try:
        child.wait(READ_SECONDS)
    except subprocess.TimeoutExpired:
        child.kill()
        raise FileProblem("read_too_slow", file_name, seconds=f"{READ_SECONDS:g}") from None
    tail = log.read_bytes()[-2000:].decode("utf-8", "replace").strip().splitlines()
    if tail:  # for the server's log; the user is told in words
        print(f"knockboard: reading {file_name}: {tail[-1]}", file=sys.stderr)
    if not answer.exists():  # killed (the kernel, an abort on a failed allocation) before it answered
        raise FileProblem("read_died", file_name, exit_code=child.returncode, limit=f"{READ_MEMORY_MB:,}")
    kind, payload = pickle.loads(answer.read_bytes())
    if kind == "problem":
        code, details = payload
        raise FileProblem(code, file_name, **details)
    if kind == "memory":
        raise FileProblem("read_over_memory", file_name, limit=f"{READ_MEMORY_MB:,}")
    if kind == "error":
        raise FileProblem("unreadable_file", file_name, error=payload)
    return payload


def load_served(served, data: bytes, file_name: str, **options):
    """A Data-page (or handed-over) load: the upload is read apart first, then the store is taken for
    writing only to check and land it (load_bytes). `served`: the app's ServedStore."""
    from knockboard.loading.load import load_bytes

    folder = store.reading_dir(served.path)
    store.sweep_stale(folder, 2 * READ_SECONDS + 60)  # what a killed server left (no read lasts longer)
    with read_apart(data, file_name, options.get("table"), folder) as read:
        with served.writing() as con:
            return load_bytes(con, data, file_name, read=read, **options)


def _address_space() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _read_in_child(request: dict) -> tuple[str, object]:
    """In the child: stage the file on a DuckDB of its own and write the stage to the cells file."""
    import duckdb

    from knockboard.loading.read import stage_file

    try:
        os.nice(NICE)
        limit = _address_space() + request["memory_mb"] * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        data = Path(request["source"]).read_bytes()
        # one thread: the other core stays with the sessions being served
        con = duckdb.connect(
            config={**store.NO_DOWNLOADS, "threads": 1, "memory_limit": f"{request['memory_mb'] // 2}MB"}
        )
        staged = stage_file(con, data, request["file_name"], request["table"], scratch=Path(request["scratch"]))
        del data
        cells = request["cells"].replace("'", "''")
        con.execute(f"copy stage to '{cells}' (format parquet)")
        con.close()
        return "staged", staged
    except FileProblem as problem:
        return "problem", (problem.code, problem.details)
    except MemoryError:
        return "memory", None
    except Exception as error:  # noqa: BLE001 - the server must hear of it, never a traceback
        if isinstance(error, duckdb.OutOfMemoryException) or "out of memory" in str(error).lower():
            return "memory", None
        import traceback

        traceback.print_exc()  # to the log file, whose last line the server's log gets
        return "error", type(error).__name__


def main(request_path: str) -> int:
    request = pickle.loads(Path(request_path).read_bytes())
    outcome = _read_in_child(request)
    answer = Path(request["answer"])
    partial = answer.with_name(answer.name + ".partial")  # read_apart's "partial"
    partial.write_bytes(pickle.dumps(outcome))
    partial.rename(answer)  # whole or not at all
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
