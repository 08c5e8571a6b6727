"""Serving while others read: the dashboard's hold on the store lets a scheduled briefing read it,
and a load in the app swaps to read-write and back without losing queries."""

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
    result = subprocess.run([sys.executable, "-m", "knockboard", "briefing", "--out", str(out), "--lang", "en",
                             "--db", str(served.path)], capture_output=True, text=True, timeout=120, cwd=ROOT)
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
        started.wait()
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
    lock = ReadersWriterLock()
    with lock.shared():
        with lock.shared():  # a second reader does not wait for the first
            pass
    with lock.exclusive():
        pass


def test_many_sessions_call_the_store_at_once_without_an_error(served):
    """The shell's store calls (every run's status, the cached queries, the briefing export) from
    many threads at once, as Streamlit runs sessions: one shared connection refused the second
    caller ("connection is busy") and handed one caller's result to another."""
    from knockboard import app, briefing_export

    failures, results = [], []
    start = threading.Barrier(8)

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
