"""Store values stay inert in a real browser (issue 22): every street and every business is named
like a Markdown image pointing at a recording server on this machine, and the briefing, gaps and
inspections pages, in both languages, must send no request anywhere but the app's own origin (the
recorder must hear nothing), while showing the names as the characters they are.
tests/test_hostile_names.py is the AppTest-level version (what the pages write); this is what a
browser does with it."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

import pytest

from knockboard import store
from knockboard.demo import build_demo

from .conftest import start_app
from .test_browser import new_page, page_url, wait_until_idle  # noqa: F401 - new_page is a fixture

APP_PORT, BEACON_PORT = 8612, 8613
BEACON = f"![b](http://127.0.0.1:{BEACON_PORT}/beacon.png)"
SETTLE = 2.0  # s after the page is idle for late requests (images, fonts) to show


class Recorder(BaseHTTPRequestHandler):
    heard: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server's name
        Recorder.heard.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture(scope="module")
def beacon():
    server = ThreadingHTTPServer(("127.0.0.1", BEACON_PORT), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Recorder.heard
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def hostile_server(browser, beacon, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-browser")
    db = folder / "demo-0.01.duckdb"
    build_demo(db, scale=0.01)
    con = store.connect(db)
    # every street and business: whichever a page shows, it shows a hostile name
    con.execute("update streets set name_zh = name_zh || ?, name_en = coalesce(name_en, '') || ?", [BEACON, BEACON])
    con.execute("update businesses set name = name || ?", [BEACON])
    store.refresh_rollups(con)
    con.close()
    server = start_app(folder, db=db, port=APP_PORT)
    yield server
    server.stop()


def test_the_recorder_hears_a_request(beacon):
    """The recorder works: without it the test below would pass for the wrong reason."""
    import urllib.request

    before = len(beacon)
    with urllib.request.urlopen(f"http://127.0.0.1:{BEACON_PORT}/probe.png", timeout=5):
        pass
    assert beacon[before:] == ["/probe.png"]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("url_path", ["", "gaps", "inspections"], ids=["briefing", "gaps", "inspections"])
def test_no_request_leaves_the_origin_for_a_hostile_name(hostile_server, beacon, new_page, url_path, lang):  # noqa: F811
    page = new_page()
    origin = f"127.0.0.1:{APP_PORT}"
    elsewhere = []
    page.on(
        "request",
        lambda request: (
            elsewhere.append(request.url)
            if urlparse(request.url).scheme not in ("data", "blob", "about") and urlparse(request.url).netloc != origin
            else None
        ),
    )
    heard_before = len(beacon)
    page.goto(page_url(hostile_server.url, url_path, lang=lang, street="S01"))
    assert wait_until_idle(page) is None
    time.sleep(SETTLE)
    assert elsewhere == [], f"requests left the origin {origin}: {elsewhere[:5]}"
    assert beacon[heard_before:] == [], f"the recorder heard {beacon[heard_before:]}"
    # not vacuous: the hostile name is on the page, as exactly its characters (no backslash shown:
    # GFM takes a bare http:// URL for a link, inside which escapes would stay visible)
    assert BEACON in page.inner_text("body"), f"no hostile name shown as written on /{url_path}"
    assert page.locator(f'a[href*="{BEACON_PORT}"]').count() == 0  # nor made a link to the recorder
