"""The morning rush, measured: `python -m knockboard bench --sessions N --seconds S`.

One real dashboard server (`streamlit run dashboard.py`, open mode, loopback only) and one headless
Chromium with N browser contexts: N Streamlit sessions, each opening the briefing and two other pages
in a loop until the time is up. Prints the views rendered, the views with an error (Streamlit's error
box, a page that never finished, a console error), the median and 95th-percentile time to a rendered
page, and the server's peak memory. Requests leave nothing but 127.0.0.1, and the loop stops by itself.

Playwright drives Debian's Chromium (never a downloaded browser): it comes with requirements-dev.txt.
"""

import asyncio
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from knockboard.briefing_export import chromium_path
from knockboard.config import ROOT

# The pages a leader opens at 8:00, in order: the briefing first, then two others.
ROUND = ("briefing", "coverage_map", "knocked")
VIEW_TIMEOUT = 60.0  # s for one view to render before it counts as an error
QUIET = 0.3  # s a page must stay idle before it counts as rendered (a rerun may follow at once)
POLL = 0.15  # s between looks at a page: 20 sessions' looks all pass through Playwright's one driver

# Headless Chromium on a closed network: without the background-networking flags it keeps trying
# Google's hosts. The browser tests start it the same way (tests/e2e/conftest.py imports this).
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

# Streamlit's state as the page shows it: connected, script not running, nothing stale or loading.
STATE_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return {
    script: app ? app.getAttribute('data-test-script-state') : null,
    connection: app ? app.getAttribute('data-test-connection-state') : null,
    busy: document.querySelectorAll('[data-testid="stStatusWidget"], [data-stale="true"], '
                                    + '[data-testid="stAppSkeleton"]').length,
    errors: Array.from(document.querySelectorAll('[data-testid="stException"]'))
                 .map(e => e.innerText.slice(0, 300)),
    title: Array.from(document.querySelectorAll('h1')).map(h => h.innerText).join(' | '),
    path: location.pathname,
    undrawn: Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"]'))
               .filter(chart => !chart.querySelector('svg.main-svg')).length
             + Array.from(document.querySelectorAll('[data-testid="stDeckGlJsonChart"]'))
               .filter(map => !Array.from(map.querySelectorAll('canvas')).some(c => c.width > 0)).length,
  };
}"""


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used so far (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


BROWSER_MARK = "--knockboard-rush"  # an unknown switch Chromium ignores: finds our browser among others


def _browser_tree() -> set[int]:
    """This rush's Chromium and every process under it (renderers, GPU and network helpers)."""
    parents, roots = {}, []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            parents[int(proc.name)] = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            if BROWSER_MARK.encode() in (proc / "cmdline").read_bytes():
                roots.append(int(proc.name))
        except (OSError, ValueError, IndexError):
            continue
    tree, grew = set(roots), True
    while grew:
        before = len(tree)
        tree |= {pid for pid, parent in parents.items() if parent in tree}
        grew = len(tree) > before
    return tree


def browser_cpu_seconds() -> float:
    """CPU time this rush's Chromium has used: what drawing the pages cost on this machine."""
    return sum(cpu_seconds(pid) for pid in _browser_tree())


async def _browsers_yield_to_the_server(until: float) -> None:
    """Leaders' browsers run on their own computers, not on the server: here they share its two
    cores, so every thread of this Chromium runs at the lowest priority (nice 19) and the server is
    not starved by drawing 20 pages' charts. The times measured still include the drawing."""
    while time.monotonic() < until:
        for pid in _browser_tree():
            try:
                for task in Path(f"/proc/{pid}/task").iterdir():
                    if os.getpriority(os.PRIO_PROCESS, int(task.name)) < 19:
                        os.setpriority(os.PRIO_PROCESS, int(task.name), 19)
            except OSError:  # a process or thread that ended meanwhile
                continue
        await asyncio.sleep(0.5)


def free_port() -> int:
    """A free port of 127.0.0.1: any, or the first free one of $KNOCKBOARD_PORTS ("8620-8629") on a
    machine where each user keeps to a range."""
    from knockboard.config import port_range

    first, last = port_range() or (0, 0)
    for port in range(first, last + 1):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return s.getsockname()[1]
    raise RuntimeError(f"no free port in KNOCKBOARD_PORTS={first}-{last}")


@dataclass
class View:
    page: str
    ms: float  # to the page rendered: content delivered and every chart and map drawn
    error: str | None = None
    delivered_ms: float | None = None  # to the content delivered (the server's part), charts maybe not drawn


@dataclass
class Rush:
    sessions: int
    seconds: float
    views: list[View] = field(default_factory=list)
    server_peak_mb: float = 0.0
    server_cpu_s: float = 0.0
    browser_cpu_s: float = 0.0
    load: dict | None = None  # the command-line load run half-way through, if any
    server_errors: list[str] = field(default_factory=list)  # tracebacks in the server's log

    @property
    def rendered(self) -> list[View]:
        return [v for v in self.views if v.error is None]

    @property
    def failed(self) -> list[View]:
        return [v for v in self.views if v.error is not None]

    def percentile(self, q: float, what: str = "ms") -> float | None:
        times = sorted(getattr(v, what) for v in self.rendered)
        if not times:
            return None
        return times[min(len(times) - 1, int(round(q * (len(times) - 1))))]

    def summary(self) -> dict:
        return {
            "sessions": self.sessions,
            "seconds": self.seconds,
            "views_rendered": len(self.rendered),
            "views_with_error": len(self.failed),
            "median_ms": statistics.median([v.ms for v in self.rendered]) if self.rendered else None,
            "p95_ms": self.percentile(0.95),
            "delivered_median_ms": self.percentile(0.5, "delivered_ms"),
            "delivered_p95_ms": self.percentile(0.95, "delivered_ms"),
            "server_peak_mb": round(self.server_peak_mb),
            "server_cpu_s": round(self.server_cpu_s, 1),
            "browser_cpu_s": round(self.browser_cpu_s, 1),
            "load": self.load,
            "errors": [f"{v.page}: {v.error}" for v in self.failed][:20],
            "server_errors": self.server_errors[:20],
        }

    def table(self) -> str:
        s = self.summary()
        fmt = lambda ms: "-" if ms is None else f"{ms / 1000:.2f} s"  # noqa: E731
        lines = [
            f"Morning rush: {self.sessions} browser sessions for {self.seconds:g} s, pages {', '.join(ROUND)}",
            f"  views rendered          {s['views_rendered']}",
            f"  views with an error     {s['views_with_error']}",
            f"  time to rendered page   median {fmt(s['median_ms'])}, 95th percentile {fmt(s['p95_ms'])}",
            f"    of which delivered    median {fmt(s['delivered_median_ms'])}, 95th percentile "
            f"{fmt(s['delivered_p95_ms'])} (the page's content in the browser, charts not yet drawn)",
            f"  server peak memory      {s['server_peak_mb']} MB",
            f"  CPU used                server {s['server_cpu_s']} s, browser {s['browser_cpu_s']} s "
            f"(of {self.seconds * (os.cpu_count() or 1):g} s on {os.cpu_count()} cores)",
            f"  server log tracebacks   {len(self.server_errors)}",
        ]
        if self.load:
            lines.append(
                f"  command-line load       exit {self.load['exit']} after {self.load['seconds']:.1f} s, "
                f"half-way through the rush"
            )
        lines += [f"    ! {e}" for e in s["errors"][:10]]
        lines += [f"    log: {e}" for e in s["server_errors"][:10]]
        return "\n".join(lines)


class Server:
    """`streamlit run dashboard.py` on a free loopback port, in its own process group."""

    def __init__(self, db: Path, workdir: Path, env: dict | None = None) -> None:
        self.port = free_port()
        self.log_path = workdir / "streamlit.log"
        self._log = open(self.log_path, "w")
        # open mode (no access file), the audit trail in the work folder: the bench touches nothing else
        settings = {
            "KNOCKBOARD_DB": str(db),
            "KNOCKBOARD_ACCESS": str(workdir / "no-access.toml"),
            "KNOCKBOARD_AUDIT_LOG": str(workdir / "audit.jsonl"),
            **(env or {}),
        }
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "dashboard.py",
                "--server.headless",
                "true",
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--browser.gatherUsageStats",
                "false",
                "--server.fileWatcherType",
                "none",
            ],
            cwd=ROOT,
            env={**os.environ, **settings},
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.process.returncode}:\n{self.log()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.read().strip() == b"ok":
                        return
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"streamlit did not answer within 60 s:\n{self.log()[-3000:]}")
            time.sleep(0.2)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def peak_mb(self) -> float:
        """The server's peak resident memory so far (the kernel's high-water mark)."""
        try:
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def tracebacks(self) -> list[str]:
        """The last line of every traceback in the server's log (what went wrong, in one line each)."""
        lines, out = self.log().splitlines(), []
        for i, line in enumerate(lines):
            if line.startswith("Traceback"):
                tail = next(
                    (after for after in lines[i + 1 :] if after and not after.startswith((" ", "Traceback"))), "?"
                )
                out.append(tail.strip()[:200])
        return out

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self._log.close()


async def _until_rendered(page, name: str, started: float, console: list[str], before: str | None) -> View:
    """Waits until Streamlit has rendered page `name`: its URL, a title other than the page before,
    the script done and nothing stale (the server's part: "delivered"), then every chart and map
    drawn ("rendered"), idle for QUIET seconds. Times run from `started` to the first idle moment."""
    idle_at = delivered_at = state = None
    while time.perf_counter() - started < VIEW_TIMEOUT:
        try:
            state = await page.evaluate(STATE_JS)
            path = state["path"]
        except Exception:  # the page is still navigating
            state, idle_at = None, None
        else:
            if state["errors"]:
                return View(name, (time.perf_counter() - started) * 1000, "error box: " + state["errors"][0])
            delivered = (
                state["connection"] == "CONNECTED"
                and state["script"] == "notRunning"
                and not state["busy"]
                and state["title"]
                and state["title"] != before
                and path.rstrip("/").endswith(name)
            )
            if not delivered:
                idle_at = delivered_at = None
            elif delivered_at is None:
                delivered_at = time.perf_counter()
            if not delivered or state["undrawn"]:
                idle_at = None
            elif idle_at is None:
                idle_at = time.perf_counter()
            elif time.perf_counter() - idle_at >= QUIET:
                view = View(name, (idle_at - started) * 1000, delivered_ms=(delivered_at - started) * 1000)
                if console:
                    view.error = "console error: " + console[0][:200]
                return view
        await asyncio.sleep(POLL)
    return View(name, VIEW_TIMEOUT * 1000, f"not rendered within {VIEW_TIMEOUT:g} s: {state}")


async def _view(page, base: str, name: str, first: bool) -> View:
    """One view: the first by opening the link (a leader's bookmark), the others by clicking the
    page in the menu, as people move between pages."""
    console: list[str] = []

    def on_console(message):
        # Streamlit's frontend probes /<page>/_stcore/… first and logs those 404s (its issue #7074)
        if message.type == "error" and "status of 404" not in message.text:
            console.append(message.text)

    page.on("console", on_console)
    started = time.perf_counter()
    try:
        if first:
            await page.goto(f"{base}/{name}?lang=zh", wait_until="domcontentloaded", timeout=VIEW_TIMEOUT * 1000)
            return await _until_rendered(page, name, started, console, None)
        before = (await page.evaluate(STATE_JS))["title"]
        started = time.perf_counter()
        await page.locator(f'[data-testid="stSidebarNav"] a[href$="/{name}"]').first.click(timeout=VIEW_TIMEOUT * 1000)
        return await _until_rendered(page, name, started, console, before)
    except Exception as error:  # noqa: BLE001 - a failed navigation is an error view, not a crash
        return View(name, (time.perf_counter() - started) * 1000, f"{type(error).__name__}: {error}"[:300])
    finally:
        page.remove_listener("console", on_console)


async def _session(browser, base: str, deadline: float, views: list[View], number: int, think: float) -> None:
    context = await browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
    try:
        page = await context.new_page()
        # loopback only: anything else is refused (and the dashboard must not ask for it)
        await page.route(
            "**/*",
            lambda route: (
                route.continue_()
                if "//127.0.0.1" in route.request.url or route.request.url.startswith(("data:", "blob:"))
                else route.abort()
            ),
        )
        step, last = number, None  # sessions start at different pages of the round, as people do
        while time.monotonic() < deadline:
            # the first view opens the link; so does the view after an error (the page may be in any state)
            last = await _view(page, base, ROUND[step % len(ROUND)], first=last is None or last.error is not None)
            views.append(last)
            step += 1
            if think:
                await asyncio.sleep(think)
    finally:
        await context.close()


async def _load_half_way(db: Path, files: list[Path], seconds: float) -> dict:
    """`python -m knockboard load FILES --db DB` half-way through: the dashboard holds the store,
    so the command hands the files to it (knockboard/inbox.py) while the sessions go on."""
    await asyncio.sleep(seconds / 2)
    started = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "knockboard",
        "load",
        *map(str, files),
        "--db",
        str(db),
        "--lang",
        "en",
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    output, _ = await process.communicate()
    return {
        "exit": process.returncode,
        "seconds": time.perf_counter() - started,
        "output": output.decode("utf-8", "replace")[-2000:],
    }


async def _rush(
    base: str, sessions: int, seconds: float, executable: str, think: float, db: Path, load: list[Path] | None
) -> tuple[list[View], float, dict | None]:
    from playwright.async_api import async_playwright

    views: list[View] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=executable, args=[*CHROMIUM_ARGS, BROWSER_MARK])
        try:
            # the server has been up since the night: its first visitor (imports, the menu) is not the rush
            warm = await browser.new_context()
            await _view(await warm.new_page(), base, ROUND[0], first=True)
            await warm.close()
            deadline = time.monotonic() + seconds
            tasks = [_session(browser, base, deadline, views, i, think) for i in range(sessions)]
            if load:
                tasks.append(_load_half_way(db, load, seconds))
            nice = asyncio.create_task(_browsers_yield_to_the_server(deadline + VIEW_TIMEOUT))
            done = await asyncio.gather(*tasks)
            nice.cancel()
            browser_cpu = browser_cpu_seconds()
        finally:
            await browser.close()
    return views, browser_cpu, done[-1] if load else None


def run(
    db: str | Path,
    sessions: int,
    seconds: float,
    workdir: str | Path | None = None,
    env: dict | None = None,
    think: float = 0.0,
    load: list[Path] | None = None,
) -> Rush:
    """The rush against the store at `db` (which must exist): `sessions` browser sessions for
    `seconds`, each pausing `think` seconds on a page before the next; with `load`, those files are
    loaded from the command line half-way through. Raises RuntimeError when Chromium or Playwright
    is missing, or the server does not start."""
    executable = chromium_path()
    if executable is None:
        raise RuntimeError(
            "Chromium not found (Debian: apt-get install chromium fonts-noto-cjk; or set KNOCKBOARD_CHROMIUM)"
        )
    try:
        import playwright  # noqa: F401
    except ImportError as error:
        raise RuntimeError(f"playwright is not importable ({error}): pip install -r requirements-dev.txt") from None
    with tempfile.TemporaryDirectory(dir=workdir, prefix="knockboard-rush-") as tmp:
        server = Server(Path(db), Path(tmp), env)
        try:
            views, browser_cpu, loaded = asyncio.run(
                _rush(server.url, sessions, seconds, executable, think, Path(db), load)
            )
            rush = Rush(
                sessions,
                seconds,
                views,
                server_peak_mb=server.peak_mb(),
                server_errors=server.tracebacks(),
                server_cpu_s=cpu_seconds(server.process.pid),
                browser_cpu_s=browser_cpu,
                load=loaded,
            )
        finally:
            server.stop()
            if workdir:  # kept for a look at what the server said
                shutil.copy(server.log_path, Path(workdir) / "rush-server.log")
    return rush
