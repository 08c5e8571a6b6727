"""Fixtures for the browser tests: Streamlit servers on demo stores, and one headless Chromium per module.

Nothing here needs the internet: the browser is the system Chromium (never `playwright install`), and
the tests block every request that is not to this machine.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# one way to start Chromium and pick a port, shared with the morning-rush benchmark
from knockboard.bench_sessions import CHROMIUM_ARGS, free_port

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / "screenshots"  # git-ignored
VIEWPORT = {"width": 1440, "height": 1000}
SERVER_START_TIMEOUT = 60  # seconds until /_stcore/health must answer "ok"


# ---------------------------------------------------------------- skip (or, in CI, fail) without a browser


def unavailable(reason: str):
    """Skips on a developer machine; fails in CI (CI=true), where the browser tests must run."""
    if os.environ.get("CI") == "true":
        pytest.fail(
            f"{reason}. CI=true, so the browser tests must not be skipped: install it in the CI image.", pytrace=False
        )
    pytest.skip(f"{reason}: browser tests skipped (they would fail instead with CI=true)")


def chromium_path() -> str:
    """$KNOCKBOARD_CHROMIUM if set (and then only it), else /usr/bin/chromium, else `chromium` on PATH."""
    override = os.environ.get("KNOCKBOARD_CHROMIUM")
    candidates = [override] if override else ["/usr/bin/chromium", shutil.which("chromium")]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    unavailable(
        f"Chromium not found ({' nor '.join(c for c in candidates if c) or 'not on PATH'}; "
        "Debian: apt-get install chromium fonts-noto-cjk; never `playwright install`)"
    )


def sync_playwright():
    try:
        from playwright.sync_api import sync_playwright as start
    except ImportError as error:
        unavailable(f"playwright is not importable ({error}); pip install -r requirements-dev.txt")
    return start


# ---------------------------------------------------------------- a Streamlit server in its own process group


@dataclass
class StreamlitServer:
    process: subprocess.Popen
    port: int
    log_path: Path
    _log: object = field(repr=False, default=None)
    visited: bool = False  # see fresh_app_server

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=10)
            except ProcessLookupError:
                pass
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        if self._log:
            self._log.close()


def start_streamlit(
    script: str | Path, *, cwd: Path, log_path: Path, env: dict | None = None, port: int | None = None
) -> StreamlitServer:
    """`streamlit run script` on `port` (default: a free one) of 127.0.0.1; returns once /_stcore/health
    answers ok."""
    port = port or free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
        # a file saved while the tests run must not put a "source changed" prompt in the page
        "--server.fileWatcherType",
        "none",
    ]
    log = open(log_path, "w")
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server = StreamlitServer(process, port, log_path, log)
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while True:
        if process.poll() is not None:
            server.stop()
            pytest.fail(
                f"streamlit exited with code {process.returncode} before answering:\n{server.log_tail()}", pytrace=False
            )
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2) as response:
                if response.status == 200 and response.read().strip() == b"ok":
                    return server
        except OSError:
            pass
        if time.monotonic() > deadline:
            server.stop()
            pytest.fail(
                f"streamlit did not answer /_stcore/health within {SERVER_START_TIMEOUT} s:\n{server.log_tail()}",
                pytrace=False,
            )
        time.sleep(0.2)


def start_app(tmp_dir: Path, db: Path | None = None, port: int | None = None) -> StreamlitServer:
    """The real app (dashboard.py) on `db`, by default its own scale-0.01 demo store."""
    from knockboard.demo import build_demo

    if db is None:
        db = tmp_dir / "demo-0.01.duckdb"
        build_demo(db, scale=0.01)
    return start_streamlit(
        "dashboard.py", cwd=ROOT, log_path=tmp_dir / "streamlit.log", env={"KNOCKBOARD_DB": str(db)}, port=port
    )


# ---------------------------------------------------------------- fixtures


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keeps each phase's report on the test item, so fixtures can tell whether the test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the whole module (contexts are cheap, browsers are not)."""
    executable = chromium_path()
    start = sync_playwright()
    playwright = start().start()
    try:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    except Exception as error:
        playwright.stop()
        unavailable(f"Chromium at {executable} did not start: {error}")
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture(scope="module")
def app_server(browser, tmp_path_factory):
    """The app on a scale-0.01 demo store (requests `browser` first, so no server starts when skipping)."""
    server = start_app(tmp_path_factory.mktemp("e2e-app"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def fresh_app_server(browser, tmp_path_factory):
    """A second server, for behaviour that depends on what its first visitor opens. A test that needs it
    unvisited checks `visited` and sets it (tests run in file order, so it comes first)."""
    server = start_app(tmp_path_factory.mktemp("e2e-fresh"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def screenshots_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
