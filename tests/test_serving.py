"""Serving while others read: the dashboard's hold on the store lets a scheduled briefing read it,
and a load in the app swaps to read-write and back without losing queries."""

import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import queries
from knockboard.loading import load_file
from knockboard.serving import ReadersWriterLock, ServedStore

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"


@pytest.fixture
def served(hand_db, tmp_path, monkeypatch):
    monkeypatch.setenv("KNOCKBOARD_SHARE_STORE", "1")
    copy = tmp_path / "served.duckdb"
    shutil.copy(hand_db, copy)
    held = ServedStore(copy)
    yield held
    held.close()


def test_another_program_reads_while_the_dashboard_serves(served, tmp_path):
    with served.reading() as con:
        assert queries.run(con, "data_days", scope=None).iloc[0]["latest_day"].date().isoformat() == "2022-03-03"
    out = tmp_path / "briefing.html"
    result = subprocess.run(
        [sys.executable, "-m", "knockboard", "briefing", "--out", str(out), "--lang", "en", "--db", str(served.path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "3 Mar 2022" in out.read_text(encoding="utf-8")


def test_a_load_in_the_app_swaps_to_read_write_and_back(served):
    with served.writing() as con:
        report = load_file(con, CORPUS / "visits_good_en_bom.csv")
    assert report.accepted == 2
    with served.reading() as con:
        assert con.execute("select count(*) from visits").fetchone()[0] == 11
        with pytest.raises(Exception, match="read-only"):
            con.execute("delete from visits")


def test_queries_wait_for_a_load_and_see_its_result(served):
    seen = []
    started = threading.Event()

    def reader():
        started.wait(timeout=30)
        with served.reading() as con:
            seen.append(con.cursor().execute("select count(*) from visits").fetchone()[0])

    thread = threading.Thread(target=reader)
    thread.start()
    with served.writing() as con:
        started.set()
        load_file(con, CORPUS / "visits_good_en_bom.csv")
    thread.join(timeout=30)
    assert seen == [11]


def test_readers_writer_lock_lets_readers_share():
    """Run in a thread with a deadline: a lock that made the second reader wait would hang the suite."""
    lock, done = ReadersWriterLock(), threading.Event()

    def take():
        with lock.shared():
            with lock.shared():  # a second reader does not wait for the first
                pass
        with lock.exclusive():
            done.set()

    threading.Thread(target=take, daemon=True).start()
    assert done.wait(timeout=10), "the second reader (or the writer after them) waited for ever"


def test_many_sessions_call_the_store_at_once_without_an_error(served):
    """The shell's store calls (every run's status, the cached queries, the briefing export) from
    many threads at once, as Streamlit runs sessions: one shared connection refused the second
    caller ("connection is busy") and handed one caller's result to another."""
    from knockboard import app, briefing_export

    failures, results = [], []
    start = threading.Barrier(8, timeout=60)

    def session(number):
        start.wait()
        for i in range(60):
            try:
                version, populated, _ = app.store_status(served)
                with served.reading() as con:
                    days = queries.run(con, "data_days", scope=None)
                    if i % 20 == number % 20:
                        briefing_export.build(con, None, None, "en", scope=None)
                results.append((version, populated, days.iloc[0]["latest_day"].date().isoformat()))
            except Exception as error:  # noqa: BLE001 - every failure is counted, none may happen
                failures.append(f"{type(error).__name__}: {error}")

    threads = [threading.Thread(target=session, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a session hung"
    assert failures == [], f"{len(failures)} failed calls, e.g. {failures[:3]}"
    assert set(results) == {(results[0][0], True, "2022-03-03")} and len(results) == 8 * 60


def _cli_load(db, *files, timeout=120):
    return subprocess.run(
        [sys.executable, "-m", "knockboard", "load", *map(str, files), "--db", str(db), "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )


def test_a_command_line_load_is_handed_to_the_serving_dashboard(served, hand_db, tmp_path, monkeypatch):
    """The same files, the same answer (words, refused rows, exit code, rows landed) as a load into
    a store nobody holds; only the first line says it went through the dashboard."""
    from knockboard import inbox, store

    files = (CORPUS / "visits_good_en_bom.csv", CORPUS / "visits_bad_enum_en.csv")
    alone = tmp_path / "alone.duckdb"
    shutil.copy(hand_db, alone)
    expected = _cli_load(alone, *files)
    con = store.connect(alone, read_only=True)
    expected_visits = con.execute("select count(*) from visits").fetchone()[0]
    con.close()

    monkeypatch.setenv("KNOCKBOARD_AUDIT_LOG", str(tmp_path / "audit.jsonl"))
    with served.reading() as con:  # the dashboard holds the store: no other process may write it
        assert con.execute("select count(*) from visits").fetchone()[0] < expected_visits
    watcher = inbox.Watcher(served).start()
    try:
        result = _cli_load(served.path, *files)
    finally:
        watcher.stop()
    first, *rest = result.stdout.splitlines()
    assert "handed to it" in first, result.stdout + result.stderr
    assert expected.returncode == 1 and result.returncode == expected.returncode, result.stdout + result.stderr
    assert rest == expected.stdout.splitlines()
    with served.reading() as con:
        assert con.execute("select count(*) from visits").fetchone()[0] == expected_visits
    # nothing of the clerk's sheets is left in the inbox, and the loads are in the audit trail
    assert [p.name for p in inbox.inbox_dir(served.path).iterdir()] == []
    events = [json.loads(line) for line in (tmp_path / "audit.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["event"], e["file"].rsplit("/", 1)[-1]) for e in events] == [
        ("load", "visits_good_en_bom.csv"),
        ("load", "visits_bad_enum_en.csv"),
    ]


def test_a_held_store_with_no_dashboard_answering_is_busy(served):
    with served.reading():
        pass
    result = _cli_load(served.path, CORPUS / "visits_good_en_bom.csv", timeout=90)
    assert result.returncode == 2
    assert "no dashboard serving it answers" in result.stderr


def test_the_inbox_sweeps_what_killed_commands_left(served):
    """A command killed while copying leaves a half-written request (a copy of a clerk's sheet), one
    killed while waiting leaves an answer nobody reads: both go once stale; a live request stays."""
    import os
    import time

    from knockboard import inbox

    folder = inbox.inbox_dir(served.path)
    half = folder / ".20221201T080000-dead.partial"
    half.mkdir()
    (half / "000-visits.csv").write_text("visit_id\nV1\n", encoding="utf-8")
    answered = folder / "20221201T080001-gone"
    answered.mkdir()
    (answered / inbox.RESULT).write_text('{"reports": []}', encoding="utf-8")
    fresh = folder / ".20221201T080002-copying.partial"
    fresh.mkdir()
    old = time.time() - inbox.STALE_SECONDS - 60
    for entry in (half, answered):
        os.utime(entry, (old, old))
    inbox.sweep(folder)
    assert sorted(p.name for p in folder.iterdir()) == [fresh.name]


def test_the_server_does_not_collect_garbage_after_every_run():
    """Streamlit's default full gc.collect() after each page run holds Python's lock over the whole
    heap: with twenty sessions every run stalled the others (docs/performance.md, "Many readers")."""
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["postScriptGC"] is False


def _cli_undo(db, import_id, *extra, timeout=120):
    return subprocess.run(
        [sys.executable, "-m", "knockboard", "undo", str(import_id), "--db", str(db), "--lang", "en", *extra],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )


def test_the_undo_command_alone_and_handed_to_the_serving_dashboard(served, hand_db, tmp_path, monkeypatch):
    """`python -m knockboard undo N`: exit 0 undone, 2 refused with the reason (as `load`'s exit
    codes); while a dashboard serves the store, the undo is handed to it and answers the same."""
    from knockboard import inbox

    monkeypatch.setenv("KNOCKBOARD_AUDIT_LOG", str(tmp_path / "audit.jsonl"))
    alone = tmp_path / "alone.duckdb"
    shutil.copy(hand_db, alone)
    assert _cli_load(alone, CORPUS / "visits_good_en_bom.csv").returncode == 0
    done = _cli_undo(alone, 1)
    assert done.returncode == 0 and "Load 1 (visits_good_en_bom.csv, visits) undone: 2 rows" in done.stdout, done.stderr
    again = _cli_undo(alone, 1)
    assert again.returncode == 2 and "it was undone on" in again.stderr
    unknown = _cli_undo(alone, 7)
    assert unknown.returncode == 2 and "there is no such load" in unknown.stderr
    zh = subprocess.run(
        [sys.executable, "-m", "knockboard", "undo", "1", "--db", str(alone)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert zh.returncode == 2 and "无法撤销第 1 次导入" in zh.stderr

    watcher = inbox.Watcher(served).start()
    try:
        assert _cli_load(served.path, CORPUS / "visits_good_en_bom.csv").returncode == 0
        with served.reading() as con:
            (number,) = con.execute("select max(import_id) from imports").fetchone()
        refused = _cli_undo(served.path, number, "--street", "S1")
        with served.reading():  # the dashboard holds the store again (its sessions read on)
            pass
        handed = _cli_undo(served.path, number)
    finally:
        watcher.stop()
    assert "handed to it" in refused.stdout, refused.stdout + refused.stderr
    assert refused.returncode == 2 and "not a load of your street S1" in refused.stderr, refused.stdout + refused.stderr
    assert "handed to it" in handed.stdout and handed.returncode == 0, handed.stdout + handed.stderr
    assert f"Load {number} (visits_good_en_bom.csv, visits) undone" in handed.stdout
    with served.reading() as con:
        assert con.execute("select count(*) from visits where visit_id in ('E1', 'E2')").fetchone()[0] == 0
    events = [json.loads(line) for line in (tmp_path / "audit.jsonl").read_text(encoding="utf-8").splitlines()]
    undos = [(e["status"], e.get("reason"), e["via"]) for e in events if e["event"] == "undo"]
    assert undos == [
        ("undone", None, "command line"),
        ("refused", "already", "command line"),
        ("refused", "unknown", "command line"),
        ("refused", "already", "command line"),
        ("refused", "not_your_street", "command line"),
        ("undone", None, "command line"),
    ]
