"""Loads from the command line while the dashboard serves: the command hands its files to the server.

DuckDB lets one process write a file, and a serving dashboard holds the store (read-only, so other
programs can read it). A command-line load (a clerk's scheduled job, a nightly import) that finds the
store held therefore does not fail with "store busy": when the dashboard says it is alive (a
heartbeat file it renews every second), the command puts its files and options in the store's inbox
(`<store>.private/inbox/`, owner only) and waits; the server loads them through the same path as a
Data-page load (the readers-writer lock: sessions wait a moment, then see the new data), writes the
reports back and the command prints them with the usual exit code.

Why an inbox folder and not a port: it needs no listening socket, no credentials to configure and
no change on a deployment's proxy, only the file permissions the store already has. A killed
command's request is still loaded (the audit trail says so); what it left half-written is swept.
"""

import json
import os
import shutil
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from knockboard import audit, store

HEARTBEAT = "server.json"
REQUEST = "request.json"
RESULT = "result.json"
CLAIM = "claimed-by"
BEAT_SECONDS = 1.0
ALIVE_SECONDS = 10.0  # a heartbeat older than this: the server is gone (or hung)
STALE_SECONDS = 600.0  # what a killed command left (a half-copied request, an answer nobody read)


def sweep(folder: Path) -> None:
    """Removes what killed commands left in the inbox: half-written requests (copies of sheets,
    personal data) and answers nobody came for, once STALE_SECONDS old."""
    for entry in folder.iterdir():
        try:
            stale = time.time() - entry.stat().st_mtime > STALE_SECONDS
        except OSError:
            continue
        if entry.is_dir() and stale and (entry.name.startswith(".") or (entry / RESULT).exists()):
            shutil.rmtree(entry, ignore_errors=True)


def inbox_dir(db: str | Path) -> Path:
    folder = store.private_dir(db) / "inbox"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def server_alive(db: str | Path) -> bool:
    """True when a dashboard serving `db` renewed its heartbeat within ALIVE_SECONDS."""
    beat = inbox_dir(db) / HEARTBEAT
    try:
        info = json.loads(beat.read_text(encoding="utf-8"))
        age = time.time() - beat.stat().st_mtime
    except (OSError, ValueError):
        return False
    return age < ALIVE_SECONDS and _pid_alive(int(info.get("pid", 0)))


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True


# ---------------------------------------------------------------- the command's side


class HandOverFailed(Exception):
    """The server did not answer in time, or went away."""


def hand_over(
    db: str | Path,
    files: list[str | Path],
    *,
    table: str | None,
    street: str | None,
    loaded_by: str,
    lang: str,
    timeout: float = 600.0,
) -> list[dict]:
    """Gives `files` to the dashboard serving `db` and waits for its reports (one dict per file:
    file, status, summary, refused rows). The files are copied first, so the command's own files
    may change or vanish meanwhile; the request appears whole or not at all (a rename)."""

    def copy_files(partial: Path) -> dict:
        copies = []
        for number, path in enumerate(files):
            copy = partial / f"{number:03d}-{Path(path).name}"
            shutil.copyfile(path, copy)
            copies.append({"copy": copy.name, "file": str(path)})
        return {"files": copies, "table": table, "street": street, "loaded_by": loaded_by, "lang": lang}

    return _ask(db, copy_files, timeout)


def hand_over_undo(
    db: str | Path, import_id: int, *, street: str | None, undone_by: str, lang: str, timeout: float = 600.0
) -> dict:
    """Asks the dashboard serving `db` to undo load `import_id` (as its Data page would) and waits:
    {"status": "undone" | "refused", "text": what happened, in `lang`}."""
    return _ask(
        db, lambda partial: {"undo": int(import_id), "street": street, "loaded_by": undone_by, "lang": lang}, timeout
    )[0]


def _ask(db: str | Path, write_request, timeout: float) -> list[dict]:
    folder = inbox_dir(db)
    name = f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    partial = folder / f".{name}.partial"
    partial.mkdir(mode=0o700)
    request = write_request(partial)
    (partial / REQUEST).write_text(json.dumps(request, ensure_ascii=False), encoding="utf-8")
    ready = folder / name
    partial.rename(ready)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            result = ready / RESULT
            if result.exists():
                return json.loads(result.read_text(encoding="utf-8"))["reports"]
            if not server_alive(db):
                raise HandOverFailed("the dashboard stopped before it answered")
            time.sleep(0.2)
        raise HandOverFailed(f"the dashboard did not answer within {timeout:g} s")
    finally:
        shutil.rmtree(ready, ignore_errors=True)


# ---------------------------------------------------------------- the server's side


@dataclass
class Watcher:
    """A thread in the dashboard process: renews the heartbeat and loads what lands in the inbox."""

    served: "object"  # knockboard.serving.ServedStore (not imported: serving imports nothing of ours back)
    _stop: threading.Event | None = None
    _thread: threading.Thread | None = None

    def start(self) -> "Watcher":
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="knockboard-inbox", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._stop is not None:
            self._stop.set()
            self._thread.join(timeout=10)
            (inbox_dir(self.served.path) / HEARTBEAT).unlink(missing_ok=True)

    def _run(self) -> None:
        folder = inbox_dir(self.served.path)
        while not self._stop.is_set():
            beat = folder / HEARTBEAT
            beat.write_text(json.dumps({"pid": os.getpid(), "since": time.time()}), encoding="utf-8")
            for request in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
                if (request / REQUEST).exists() and self._claim(request):
                    self.load(request)
            sweep(folder)
            self._stop.wait(BEAT_SECONDS)

    @staticmethod
    def _claim(request: Path) -> bool:
        """Takes a request for this process alone (several servers may watch one inbox): creating
        the claim file is atomic, so only one of them succeeds."""
        try:
            with open(request / CLAIM, "x", encoding="utf-8") as handle:
                handle.write(str(os.getpid()))
            return True
        except FileExistsError:
            return False

    def load(self, request: Path) -> None:
        """Loads one request's files as the command would have, and writes the reports beside them."""
        from knockboard.loading.isolated import load_served
        from knockboard.loading.messages import rejects_table, summary

        asked = json.loads((request / REQUEST).read_text(encoding="utf-8"))
        if "undo" in asked:
            self.undo(request, asked)
            return
        reports = []
        for item in asked["files"]:
            copy = request / item["copy"]
            try:
                data = copy.read_bytes()
                # read apart, as a Data-page upload: the sessions being served keep being served
                report = load_served(
                    self.served,
                    data,
                    Path(item["file"]).name,
                    table=asked["table"],
                    street=asked["street"],
                    loaded_by=asked["loaded_by"],
                )
            except Exception as error:  # noqa: BLE001 - the command must hear of it, not wait forever
                reports.append(
                    {
                        "file": item["file"],
                        "status": "failed",
                        "summary": f"{type(error).__name__}: {error}",
                        "refused_rows": [],
                    }
                )
                continue
            finally:
                copy.unlink(missing_ok=True)  # personal data: gone as soon as it is read
            audit.record(
                "load",
                asked["loaded_by"],
                file=item["file"],
                table=report.table,
                status=report.status,
                accepted=report.accepted,
                refused=report.refused,
                street=asked["street"],
                via="command line",
            )
            refused = rejects_table(report, asked["lang"]) if report.refused else None
            reports.append(
                {
                    "file": item["file"],
                    "status": report.status,
                    "summary": summary(report, asked["lang"]),
                    "refused": report.refused,
                    "refused_rows": []
                    if refused is None
                    else json.loads(refused.to_json(orient="split", force_ascii=False)),
                }
            )
        partial = request / (RESULT + ".partial")
        partial.write_text(json.dumps({"reports": reports}, ensure_ascii=False), encoding="utf-8")
        partial.rename(request / RESULT)

    def undo(self, request: Path, asked: dict) -> None:
        """Undoes a load as the Data page would (in the audit trail, "via command line")."""
        from knockboard.loading.undo import Undone, undo_recorded

        try:
            outcome = undo_recorded(
                self.served, asked["undo"], asked["loaded_by"], street=asked["street"], via="command line"
            )
            report = {
                "status": "undone" if isinstance(outcome, Undone) else "refused",
                "text": outcome.text(asked["lang"]),
            }
        except Exception as error:  # noqa: BLE001 - the command must hear of it, not wait forever
            report = {"status": "failed", "text": f"{type(error).__name__}: {error}"}
        partial = request / (RESULT + ".partial")
        partial.write_text(json.dumps({"reports": [report]}, ensure_ascii=False), encoding="utf-8")
        partial.rename(request / RESULT)
