"""One upload must not stall everyone (issue 22): while one session's upload is being handled on the
Data page (a 4 MB workbook that expands to a gigabyte, a 40 MB visits CSV), a second session opens
the daily briefing and must see it rendered within SECOND_SESSION_SECONDS. Before uploads were read
apart, the bomb kept every session waiting for minutes (docs/performance.md has the figures)."""

import time
from pathlib import Path

import pytest

from knockboard import store
from knockboard.demo import build_demo
from tests.bombs import excel_bomb, visits_csv

from .conftest import start_app
from .test_browser import new_page, page_url, wait_until_idle  # noqa: F401 - new_page is a fixture

PORT = 8611
SECOND_SESSION_SECONDS = (
    20  # a page renders in 2-5 s on 2 busy cores; the check and landing of 730,000 rows hold the store ~7 s
)
HANDLED_SECONDS = 240  # for the upload's own answer


@pytest.fixture(scope="module")
def heavy(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("heavy")
    db = folder / "demo-0.01.duckdb"
    build_demo(db, scale=0.01)
    con = store.connect(db, read_only=True)
    (latest,) = con.execute("select max(visit_day) from visits").fetchone()
    households = [r[0] for r in con.execute("select household_id from households order by 1 limit 50").fetchall()]
    (worker,) = con.execute("select min(worker_id) from visits").fetchone()
    con.close()
    files = {
        "bomb": excel_bomb(folder / "走访记录_bomb.xlsx", 1000),
        "csv": visits_csv(folder / "visits_40mb.csv", 40, households, worker, f"{latest:%Y-%m-%d}"),
    }
    server = start_app(folder, db=db, port=PORT)
    yield server, files
    server.stop()


def _rendered(page, timeout: float) -> float | None:
    """Seconds until the briefing's title is shown and its script has finished, or None."""
    started = time.monotonic()
    page.goto(page_url(f"http://127.0.0.1:{PORT}", "briefing", lang="en"), wait_until="commit")
    while time.monotonic() - started < timeout:
        try:
            state = page.evaluate("""() => {
              const app = document.querySelector('[data-testid="stApp"]');
              return {script: app && app.getAttribute('data-test-script-state'),
                      title: Array.from(document.querySelectorAll('h1')).map(h => h.innerText).join(' '),
                      stale: document.querySelectorAll('[data-stale="true"], [data-testid="stAppSkeleton"]').length};
            }""")
        except Exception:  # still navigating
            state = None
        if state and state["script"] == "notRunning" and "briefing" in state["title"].lower() and not state["stale"]:
            return time.monotonic() - started
        time.sleep(0.1)
    return None


@pytest.mark.parametrize(
    "kind, answer",
    [
        ("bomb", "zip bomb"),
        ("csv", "730,000 rows loaded"),
    ],
)
def test_a_second_session_renders_while_an_upload_is_handled(heavy, new_page, kind, answer):  # noqa: F811
    server, files = heavy
    uploader = new_page()
    uploader.goto(page_url(server.url, "data", lang="en"))
    assert wait_until_idle(uploader) is None
    uploader.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(files[kind]))
    uploader.get_by_role("button", name="Load", exact=True).click()
    clicked = time.monotonic()
    # the upload is in the server's hands: its session's script runs
    while _script_state(uploader) != "running":
        assert time.monotonic() - clicked < 30, "the upload never started"
        time.sleep(0.05)
    # the second session opens the briefing again and again until the upload is answered: every
    # opening counts, the one during the landing (the store held for writing) too
    reader, times = new_page(), []
    while True:
        seconds = _rendered(reader, timeout=3 * SECOND_SESSION_SECONDS)
        times.append(seconds)
        assert seconds is not None and seconds < SECOND_SESSION_SECONDS, (
            f"the briefing took {seconds or f'over {3 * SECOND_SESSION_SECONDS}'} s while {files[kind].name} "
            f"was handled (openings before: {times[:-1]})"
        )
        if _script_state(uploader) == "notRunning":
            break
        assert time.monotonic() - clicked < HANDLED_SECONDS, "the upload was not answered"
    print(
        f"{kind}: the second session opened the briefing {len(times)} times while the upload was handled, "
        f"in {min(times):.1f}-{max(times):.1f} s (first {times[0]:.1f} s)"
    )
    assert wait_until_idle(uploader, timeout=HANDLED_SECONDS) is None
    assert answer in uploader.locator('[data-testid="stAlert"]').first.inner_text()
    assert server.process.poll() is None, server.log_tail()
    print(
        f"{kind}: answered {time.monotonic() - clicked:.1f} s after the click; server's peak memory {_peak_mb(server):.0f} MB"
    )


def _script_state(page) -> str | None:
    return page.evaluate(
        "() => document.querySelector('[data-testid=\"stApp\"]').getAttribute('data-test-script-state')"
    )


def _peak_mb(server) -> float:
    for line in Path(f"/proc/{server.process.pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0
