"""Refreshes the README's screenshots from the full-scale demo: `python scripts/readme_screenshots.py [STORE]`.

Builds the scale-1 demo into a temporary folder (or uses STORE), starts the dashboard on a free port,
and saves docs/screenshots/<page>-<lang>.png with headless Chromium, offline (Debian's chromium).
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SHOTS = [
    ("briefing", "", "zh"),
    ("briefing", "", "en"),
    ("coverage_map", "coverage_map", "zh"),
    ("gaps", "gaps", "en"),
    ("inspections", "inspections", "zh"),
    ("knocked", "knocked", "en"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright

    from knockboard.briefing_export import chromium_path
    from knockboard.demo import build_demo

    tmp = Path(tempfile.mkdtemp())
    store = Path(sys.argv[1]) if len(sys.argv) > 1 else tmp / "demo.duckdb"
    if not store.exists():
        build_demo(store, scale=1.0)
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "dashboard.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        env={**os.environ, "KNOCKBOARD_DB": str(store)},
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(120):
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.5)
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            page.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort())
            for name, path, lang in SHOTS:
                page.goto(f"http://127.0.0.1:{port}/{path}?lang={lang}")
                page.wait_for_selector("h1", timeout=60000)
                page.wait_for_timeout(6000)  # charts and maps finish drawing
                page.screenshot(path=str(OUT / f"{name}-{lang}.png"), full_page=False)
                print(f"saved {OUT / f'{name}-{lang}.png'}")
            browser.close()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
