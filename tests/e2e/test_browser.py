"""The real app in a real headless Chromium, offline.

Every page in both languages: no exception, no console error, every chart drawn, every number fitting
its card, the title in the right language; a full-page screenshot of each in tests/screenshots/. Then
what a user does: pick a street, switch language, download a table, and open a shared URL.

`check_page` is the one checker. The tests at the end run it on a deliberately broken app and show it
reports each kind of breakage (and nothing on a good page), so a green run means something.

Run: python -m pytest -q tests/e2e        (skips without Chromium/playwright, fails instead with CI=true)
"""

import re
import sys
import time
import warnings
import weakref
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from .conftest import SCREENSHOTS, VIEWPORT, start_streamlit

pytestmark = pytest.mark.browser

# Every page of the app: (screenshot name, url path, the text its h1 title shows in each language).
# The default page is served at "/" (st.navigation ignores a default page's url_path), hence "".
# A new page: one more line here.
PAGES = [
    ("briefing", "", {"en": "Daily briefing", "zh": "每日简报"}),
    ("coverage_map", "coverage_map", {"en": "Grid coverage map", "zh": "网格覆盖地图"}),
    ("gaps", "gaps", {"en": "Coverage gaps", "zh": "覆盖缺口"}),
    ("knocked", "knocked", {"en": "Households knocked", "zh": "入户敲门"}),
    ("hours", "hours", {"en": "Party-member volunteer hours", "zh": "党员志愿时长"}),
    ("inspections", "inspections", {"en": "Inspections and closures", "zh": "检查与停业整顿"}),
    ("leads", "leads", {"en": "Lead verification", "zh": "大数据核查"}),
    ("data", "data", {"en": "Data", "zh": "数据导入"}),
    ("users", "users", {"en": "Users and audit trail", "zh": "用户与审计记录"}),
]
LANGS = ("en", "zh")

IDLE_TIMEOUT = 30  # s for a page to finish running
QUIET = 0.5  # s the page must stay idle before it counts as finished
TITLE_GRACE = 3  # s more for the title to appear once the script is done
CHART_GRACE = 8  # s more for plotly to draw (its bundle loads on the first chart)
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}

# Console errors that are Streamlit's own and harmless. Keep this list short and explained.
#  - Streamlit issue #7074: opened at /<page>, the frontend first probes /<page>/_stcore/health and
#    /<page>/_stcore/host-config (in case the app is served under that path prefix), gets 404, then
#    finds the server at /. Chromium logs each 404 as a console error. Only these exact URLs pass.
BENIGN_CONSOLE_ERRORS = [
    (
        re.compile(r"^Failed to load resource: the server responded with a status of 404"),
        re.compile(r"^https?://(127\.0\.0\.1|localhost)(:\d+)?/[^/?#]+/_stcore/(health|host-config)$"),
    ),
]


def page_url(base: str, url_path: str, **params) -> str:
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{base}/{url_path}" + (f"?{query}" if query else "")


# ---------------------------------------------------------------- what the browser says, per page

_LOGS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def is_local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("data", "blob", "about") or parsed.hostname in LOCAL_HOSTS


def watch(page) -> list[str]:
    """From now on, records on `page`: console errors, uncaught JavaScript errors, and requests to
    anywhere but this machine (which are blocked: the app must work offline). Idempotent."""
    if page in _LOGS:
        return _LOGS[page]
    log: list[str] = []

    def on_route(route):
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            log.append(f"request to a non-local address (blocked; the app must work offline): {url}")
            route.abort("blockedbyclient")

    def on_console(message):
        if message.type != "error":
            return
        where = message.location or {}
        source = where.get("url", "")
        if any(text.search(message.text) and url.search(source) for text, url in BENIGN_CONSOLE_ERRORS):
            return
        log.append(f"console error: {message.text} (at {source}:{where.get('lineNumber', '?')})")

    def on_websocket(socket):
        if not is_local(socket.url):
            log.append(f"websocket to a non-local address: {socket.url}")

    page.route("**/*", on_route)
    page.on("console", on_console)
    page.on("pageerror", lambda error: log.append(f"uncaught JavaScript error: {error}"))
    page.on("websocket", on_websocket)
    _LOGS[page] = log
    return log


# ---------------------------------------------------------------- waiting for Streamlit

_STATE_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return {
    script: app ? app.getAttribute('data-test-script-state') : null,
    connection: app ? app.getAttribute('data-test-connection-state') : null,
    statusWidget: document.querySelectorAll('[data-testid="stStatusWidget"]').length,
    stale: document.querySelectorAll('[data-stale="true"]').length,
    skeleton: document.querySelectorAll('[data-testid="stAppSkeleton"]').length,
  };
}"""


def wait_until_idle(page, timeout: float = IDLE_TIMEOUT) -> str | None:
    """Waits until Streamlit is connected, has run the script and shows no running indicator nor stale
    elements, for QUIET seconds in a row. Returns None, or what it was still doing at the timeout."""
    deadline = time.monotonic() + timeout
    idle_since = None
    state = None
    while time.monotonic() < deadline:
        try:
            state = page.evaluate(_STATE_JS)
        except Exception as error:  # navigation in progress: the context was destroyed
            state, idle_since = {"error": str(error)}, None
        else:
            idle = (
                state["connection"] == "CONNECTED"
                and state["script"] == "notRunning"
                and not state["statusWidget"]
                and not state["stale"]
                and not state["skeleton"]
            )
            if not idle:
                idle_since = None
            elif idle_since is None:
                idle_since = time.monotonic()
            elif time.monotonic() - idle_since >= QUIET:
                return None
        time.sleep(0.1)
    return f"page still not finished after {timeout} s: {state}"


def wait_for(condition, timeout: float, interval: float = 0.1):
    """Polls `condition()` until it returns something truthy; returns the last value either way."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)


# ---------------------------------------------------------------- the checker

_CHARTS_JS = """() => Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"]'))
  .map(chart => chart.querySelector('svg.main-svg') !== null)"""

# A deck.gl map is drawn into a canvas of some size.
_MAPS_JS = """() => Array.from(document.querySelectorAll('[data-testid="stDeckGlJsonChart"]'))
  .map(map => Array.from(map.querySelectorAll('canvas')).some(c => c.width > 0 && c.height > 0))"""

# A metric's value must fit its own box (no clipped / ellipsed number) and stay inside its card.
_METRIC_FIT_JS = """() => Array.from(document.querySelectorAll('[data-testid="stMetric"]')).map(metric => {
  const value = metric.querySelector('[data-testid="stMetricValue"]');
  const label = metric.querySelector('[data-testid="stMetricLabel"]');
  const boxed = node => node.clientWidth > 0 && getComputedStyle(node).display !== 'inline';
  const overflowing = node => node.scrollWidth > node.clientWidth + 1;
  const card = metric.getBoundingClientRect();
  const result = {label: label ? label.innerText.trim() : '', value: value ? value.innerText.trim() : null,
                  valueOverflow: null, outsideCard: false, labelTruncated: false};
  if (value) {
    const over = [value, ...value.querySelectorAll('*')].filter(boxed).find(overflowing);
    if (over) result.valueOverflow = `scrollWidth ${over.scrollWidth} > clientWidth ${over.clientWidth}`;
    const box = value.getBoundingClientRect();
    result.outsideCard = box.left < card.left - 1 || box.right > card.right + 1;
  }
  if (label) result.labelTruncated = [label, ...label.querySelectorAll('*')].filter(boxed).some(overflowing);
  return result;
})"""


def check_page(page, url: str, expect_text: str, timeout: float = IDLE_TIMEOUT) -> list[str]:
    """Opens `url` in `page`, waits for Streamlit to finish, and returns the problems found (empty: fine):
    a Streamlit exception box, a console error or uncaught JavaScript error, a request leaving this
    machine, an h1 title without `expect_text`, a plotly chart without its svg, a metric value that
    does not fit its card."""
    log = watch(page)
    first = len(log)
    problems = []
    try:
        page.goto(url, wait_until="domcontentloaded", timeout=timeout * 1000)
    except Exception as error:
        return [f"could not open the page: {error}"]
    stuck = wait_until_idle(page, timeout)
    if stuck:
        problems.append(stuck)

    for text in page.locator('[data-testid="stException"]').all_inner_texts():
        problems.append(f"Streamlit exception in the page: {' '.join(text.split())[:500]}")

    titles = wait_for(
        lambda: [t for t in page.locator("h1").all_inner_texts() if expect_text in t], TITLE_GRACE if not stuck else 0
    )
    if not titles:
        problems.append(f"no h1 title containing {expect_text!r}; titles: {page.locator('h1').all_inner_texts()}")

    if not wait_for(lambda: all(page.evaluate(_CHARTS_JS)), CHART_GRACE if not stuck else 0):
        drawn = page.evaluate(_CHARTS_JS)
        problems.append(
            f"plotly chart(s) not drawn (no svg.main-svg): numbers "
            f"{[i + 1 for i, ok in enumerate(drawn) if not ok]} of {len(drawn)}"
        )

    if not wait_for(lambda: all(page.evaluate(_MAPS_JS)), CHART_GRACE if not stuck else 0):
        drawn = page.evaluate(_MAPS_JS)
        problems.append(
            f"map(s) not drawn (no canvas): numbers {[i + 1 for i, ok in enumerate(drawn) if not ok]} of {len(drawn)}"
        )

    for metric in page.evaluate(_METRIC_FIT_JS):
        if metric["valueOverflow"]:
            problems.append(
                f"metric {metric['label']!r}: value {metric['value']!r} overflows its box ({metric['valueOverflow']})"
            )
        if metric["outsideCard"]:
            problems.append(f"metric {metric['label']!r}: value {metric['value']!r} sticks out of its card")

    time.sleep(0.2)  # console messages of the last render arrive asynchronously
    problems.extend(log[first:])
    return problems


def truncated_metric_labels(page) -> list[str]:
    return [m["label"] for m in page.evaluate(_METRIC_FIT_JS) if m["labelTruncated"]]


def full_page_screenshot(page, path: Path) -> None:
    """Streamlit scrolls inside <main>, so a full_page screenshot alone shows one screen: make the
    viewport as tall as the content for the shot, then put it back."""
    height = page.evaluate("""() => Math.max(document.documentElement.scrollHeight,
        ...['stMain', 'stSidebarContent'].map(id => {
          const e = document.querySelector(`[data-testid="${id}"]`); return e ? e.scrollHeight : 0; }))""")
    page.set_viewport_size({"width": VIEWPORT["width"], "height": max(VIEWPORT["height"], min(height, 16000))})
    try:
        time.sleep(0.3)
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(VIEWPORT)


def location(page) -> str:
    """The address bar now (page.url can lag behind history.replaceState)."""
    return page.evaluate("() => location.href")


def query(page) -> dict[str, str]:
    return {key: values[-1] for key, values in parse_qs(urlparse(location(page)).query).items()}


def assert_fine(problems: list[str], url: str) -> None:
    assert not problems, f"{url}:\n  - " + "\n  - ".join(problems)


# ---------------------------------------------------------------- fixtures


@pytest.fixture
def new_page(browser, request):
    """Opens pages, each in its own browser context (its own Streamlit session), watched from the start.
    When the test fails, screenshots of its pages go to tests/screenshots/failed-<test>-<n>.png."""
    contexts = []

    def open_page():
        context = browser.new_context(viewport=VIEWPORT, accept_downloads=True, locale="en-US")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        watch(page)
        return page

    yield open_page
    report = getattr(request.node, "report_call", None)
    stem = re.sub(r"[^\w.-]+", "-", request.node.name)
    for stale in SCREENSHOTS.glob(f"failed-{stem}-*.png"):
        stale.unlink()
    if report is not None and report.failed:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for number, page in enumerate(p for context in contexts for p in context.pages):
            try:
                page.screenshot(path=str(SCREENSHOTS / f"failed-{stem}-{number}.png"))
            except Exception:  # a page that is gone has nothing to show
                pass
    for context in contexts:
        context.close()


# ---------------------------------------------------------------- every page, both languages


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name, url_path, title", PAGES, ids=[p[0] for p in PAGES])
def test_page(app_server, new_page, screenshots_dir, name, url_path, title, lang):
    page = new_page()
    url = page_url(app_server.url, url_path, lang=lang)
    problems = check_page(page, url, title[lang])
    full_page_screenshot(page, screenshots_dir / f"{name}-{lang}.png")
    assert_fine(problems, url)
    assert query(page).get("lang") == lang, f"the URL lost the language: {location(page)}"
    truncated = truncated_metric_labels(page)
    if truncated:  # a UX wart rather than a failure: Streamlit ellipsizes long metric labels on purpose
        warnings.warn(
            f"{url}: metric labels cut off with an ellipsis at {VIEWPORT['width']} px: {truncated}", stacklevel=2
        )


def test_every_page_of_the_app_is_listed_here():
    """A page added to the app's navigation without a line in PAGES above fails here."""
    from knockboard import app

    specs = getattr(app, "PAGES", None)
    if specs is None:
        pytest.skip("knockboard.app has no PAGES list to compare with")
    in_app = {"" if number == 0 else spec.url_path for number, spec in enumerate(specs)}  # as dashboard.py
    missing = in_app - {url_path for _, url_path, _ in PAGES}
    assert not missing, f"pages of the app without a browser test: {sorted(missing)}; add them to PAGES"


# ---------------------------------------------------------------- what a user does


def sidebar_street(page):
    return page.locator(".st-key-kb_street")


def choose_street(page, label: str) -> None:
    sidebar_street(page).locator("input").click()
    page.get_by_role("option", name=label, exact=True).click()


def scope_caption(page):
    """The caption under the page title (the open-mode note above it is not it)."""
    return page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').filter(has_not_text="🔓").first


def test_pick_street_goes_into_the_url_and_a_shared_url_restores_it(app_server, new_page):
    page = new_page()
    url = page_url(app_server.url, "", lang="zh")
    assert_fine(check_page(page, url, "每日简报"), url)
    log, first = watch(page), len(watch(page))
    # the whole district is a real choice, not a placeholder such as "Choose an option"
    assert sidebar_street(page).locator("input").input_value() == "全区"

    choose_street(page, "狼山镇")
    assert wait_for(lambda: query(page).get("street") == "S10", 15), f"street=S10 not in the URL: {location(page)}"
    assert not wait_until_idle(page)
    assert query(page).get("lang") == "zh", location(page)
    scope = scope_caption(page)
    assert wait_for(lambda: "狼山镇" in scope.inner_text(), 10), f"caption under the title: {scope.inner_text()!r}"
    assert sidebar_street(page).locator("input").input_value() == "狼山镇"
    assert_fine(log[first:], location(page))

    shared = location(page)
    fresh = new_page()  # another browser context: a new Streamlit session that only has the URL
    assert_fine(check_page(fresh, shared, "每日简报"), shared)
    assert sidebar_street(fresh).locator("input").input_value() == "狼山镇", "street not restored from the URL"
    assert "狼山镇" in scope_caption(fresh).inner_text()
    assert query(fresh).get("street") == "S10", location(fresh)


def test_change_the_report_day(app_server, new_page):
    page = new_page()
    url = page_url(app_server.url, "knocked", lang="en")
    assert_fine(check_page(page, url, "Households knocked"), url)
    log, first = watch(page), len(watch(page))
    day_field = page.locator('.st-key-kb_day [data-type="day"]')  # the date's day, typed as a person would
    day_field.click()
    day_field.type("20")
    day_field.press("Tab")  # leaving the field commits the date
    page.locator("h1").first.click()
    assert wait_for(lambda: query(page).get("day") == "2022-03-20", 15), f"day not in the URL: {location(page)}"
    assert not wait_until_idle(page)
    assert wait_for(lambda: any("20 Mar 2022" in t for t in page.locator("h1").all_inner_texts()), 10), page.locator(
        "h1"
    ).all_inner_texts()
    assert_fine(log[first:], location(page))
    fresh = new_page()
    assert_fine(check_page(fresh, location(page), "20 Mar 2022"), location(page))


def test_drill_down_on_the_map_and_reopen_it(app_server, new_page):
    page = new_page()
    url = page_url(app_server.url, "coverage_map", lang="en", street="S10")
    assert_fine(check_page(page, url, "Grid coverage map"), url)
    log, first = watch(page), len(watch(page))
    picker = page.locator(".st-key-coverage_map_pick_community input")
    picker.click()
    options = page.get_by_role("option")
    assert wait_for(lambda: options.count() > 1, 10), "no community to pick"
    community = options.nth(1).inner_text().strip()
    options.nth(1).click()
    assert wait_for(lambda: (query(page).get("area") or "").startswith("C"), 15), (
        f"no area in the URL: {location(page)}"
    )
    assert not wait_until_idle(page)
    crumbs = page.locator(".st-key-coverage_map_breadcrumb")
    assert wait_for(lambda: community in crumbs.inner_text(), 10), crumbs.inner_text()
    assert query(page).get("street") == "S10", location(page)
    assert_fine(log[first:], location(page))
    fresh = new_page()
    assert_fine(check_page(fresh, location(page), "Grid coverage map"), location(page))
    assert community in fresh.locator(".st-key-coverage_map_breadcrumb").inner_text()


def test_switch_language_to_english(app_server, new_page):
    page = new_page()
    url = page_url(app_server.url, "", lang="zh")
    assert_fine(check_page(page, url, "每日简报"), url)
    log, first = watch(page), len(watch(page))

    page.locator(".st-key-kb_lang").get_by_text("English", exact=True).click()
    assert wait_for(lambda: query(page).get("lang") == "en", 15), f"lang=en not in the URL: {location(page)}"
    assert not wait_until_idle(page)
    assert wait_for(lambda: any("Daily briefing" in t for t in page.locator("h1").all_inner_texts()), 10), page.locator(
        "h1"
    ).all_inner_texts()
    assert sidebar_street(page).locator("input").get_attribute("aria-label") == "Street"
    assert sidebar_street(page).locator("input").input_value() == "Whole district"
    assert_fine(log[first:], location(page))


def test_download_csv(app_server, new_page):
    page = new_page()
    url = page_url(app_server.url, "", lang="en")
    assert_fine(check_page(page, url, "Daily briefing"), url)

    button = page.locator('[data-testid="stDownloadButton"]').filter(has_text="CSV").first
    with page.expect_download(timeout=15_000) as arrived:
        button.click()
    download = arrived.value
    assert download.failure() is None, download.failure()
    assert download.suggested_filename.endswith(".csv"), download.suggested_filename
    body = Path(download.path()).read_bytes()
    assert body, "the CSV download is empty"
    # what the file is about comes first (scope, report day, data up to), then an empty line, then the table
    assert re.fullmatch(r"street-ranking-district-\d{4}-\d\d-\d\d\.csv", download.suggested_filename)
    context, table = body.decode("utf-8-sig").split("\r\n\r\n", 1)
    assert context.splitlines()[:2] == ["Scope,Whole district", f"Report day,{download.suggested_filename[-14:-4]}"]
    assert any(line.startswith("Data up to,") for line in context.splitlines())
    lines = table.splitlines()
    header = lines[0].split(",")
    assert len(header) >= 2 and all(cell.strip() for cell in header), f"no header row: {lines[0]!r}"
    assert not any(re.fullmatch(r"[-+\d.,% ]+", cell) for cell in header), f"first row is data: {lines[0]!r}"
    assert len(lines) >= 2, "a header and no rows"


# ---------------------------------------------------------------- deep links on a fresh server


def test_first_visitor_by_deep_link_gets_the_apps_navigation(fresh_app_server, new_page):
    """A fresh server is in Streamlit's old pages/ mode until dashboard.py first runs: the page hands
    over to dashboard.py, which sets up the navigation and comes back to the page asked for."""
    if fresh_app_server.visited:
        pytest.skip("needs a server no browser has visited yet")
    fresh_app_server.visited = True
    page = new_page()
    url = page_url(fresh_app_server.url, "data", lang="en", street="S10")
    assert_fine(check_page(page, url, "Data"), url)
    menu = [m.split("\n")[-1].strip() for m in page.locator('[data-testid="stSidebarNav"] a').all_inner_texts()]
    assert "dashboard" not in menu and "Daily briefing" in menu and "Data" in menu, menu
    query = parse_qs(urlparse(page.evaluate("location.href")).query)
    assert query.get("lang") == ["en"] and query.get("street") == ["S10"] and "page" not in query


def test_the_first_pages_own_link_opens_it_once_the_navigation_is_set(app_server, new_page):
    """Streamlit serves its default page at "/" only: /briefing must still open the briefing (not
    "page not found" and the main page) after a visitor has set up the navigation."""
    page = new_page()
    for url_path, title in (("knocked", "Households knocked"), ("briefing", "Daily briefing"), ("", "Daily briefing")):
        url = page_url(app_server.url, url_path, lang="en")
        assert_fine(check_page(page, url, title), url)
        assert urlparse(location(page)).path == f"/{url_path}", location(page)


# ---------------------------------------------------------------- the checker catches a broken page

BROKEN_APP = """
import streamlit as st

def home():
    case = st.query_params.get("case", "ok")
    st.title("Broken on purpose")
    st.metric("Fine", "42")
    if case == "exception":
        raise RuntimeError("deliberately broken page")
    if case == "console":
        st.html("<script>console.error('boom from the page')</script>", unsafe_allow_javascript=True)
    if case == "pageerror":
        st.html("<script>setTimeout(() => { throw new Error('kaboom'); }, 0)</script>",
                unsafe_allow_javascript=True)
    if case == "overflow":
        st.columns(12)[0].metric("Narrow", "1,234,567,890,123.45")
    if case == "chart":  # an element that says it is a plotly chart, with nothing drawn in it
        st.html('<div data-testid="stPlotlyChart"><p>no chart here</p></div>')
    if case == "external":
        st.markdown('<img src="https://example.com/pixel.png" width="1">', unsafe_allow_html=True)

def second():
    st.title("Second page")

st.navigation([st.Page(home, title="Home", default=True), st.Page(second, title="Second", url_path="second")]).run()
"""


@pytest.fixture(scope="module")
def broken_server(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("e2e-broken")
    (folder / "broken_app.py").write_text(BROKEN_APP)
    server = start_streamlit("broken_app.py", cwd=folder, log_path=folder / "streamlit.log")
    yield server
    server.stop()


@pytest.mark.parametrize(
    "path, case, expect_text, finding",
    [
        ("", "exception", "Broken on purpose", "Streamlit exception in the page: RuntimeError"),
        ("", "console", "Broken on purpose", "console error: boom from the page"),
        ("", "pageerror", "Broken on purpose", "uncaught JavaScript error: kaboom"),
        ("", "overflow", "Broken on purpose", "metric 'Narrow': value '1,234,567,890,123.45' overflows"),
        ("", "chart", "Broken on purpose", "plotly chart(s) not drawn"),
        ("", "external", "Broken on purpose", "request to a non-local address (blocked"),
        ("", "ok", "每日简报", "no h1 title containing '每日简报'"),
        ("no-such-page", "ok", "Broken on purpose", "console error: The page that you have requested does not"),
    ],
    ids=[
        "exception",
        "console-error",
        "page-error",
        "metric-overflow",
        "chart-not-drawn",
        "external-request",
        "wrong-title",
        "page-not-found",
    ],
)
def test_checker_catches(broken_server, new_page, monkeypatch, path, case, expect_text, finding):
    monkeypatch.setattr(sys.modules[__name__], "CHART_GRACE", 1)  # no chart or title is coming: don't wait
    monkeypatch.setattr(sys.modules[__name__], "TITLE_GRACE", 1)
    url = page_url(broken_server.url, path, case=case)
    problems = check_page(new_page(), url, expect_text, timeout=15)
    assert problems, f"check_page found nothing wrong with {url}"
    assert any(finding in problem for problem in problems), f"expected {finding!r} among {problems}"


@pytest.mark.parametrize("path", ["", "second"])
def test_checker_passes_a_good_page(broken_server, new_page, path):
    """No false alarms: a good page passes, also by deep link (Streamlit's 404 probes, issue #7074)."""
    url = page_url(broken_server.url, path, case="ok")
    assert_fine(check_page(new_page(), url, "Second page" if path else "Broken on purpose"), url)


def test_the_uploader_speaks_chinese(app_server, new_page):
    """Streamlit draws its uploader's words in English; in Chinese mode CSS puts Chinese ones in place."""
    page = new_page()
    url = page_url(app_server.url, "data", lang="zh")
    assert_fine(check_page(page, url, "数据导入"), url)
    words = page.evaluate("""() => {
      const box = document.querySelector('.st-key-data_files [data-testid="stFileUploaderDropzone"]');
      const shown = (el) => [getComputedStyle(el).fontSize, getComputedStyle(el, '::after').content];
      return [shown(box.querySelector('button [data-testid="stMarkdownContainer"] p')),
              shown(box.querySelector('[data-testid="stFileUploaderDropzoneInstructions"] span'))];
    }""")
    assert words == [["0px", '"选择文件"'], ["0px", '"或将文件拖到此处"']], words


# ---------------------------------------------------------------- no way out but the audited downloads

_TOOLBAR_BUTTONS_JS = """(frame) => [...frame.closest('[data-testid="stElementContainer"]')
    .querySelectorAll('[data-testid="stElementToolbarButton"] button')].map(b => b.getAttribute('aria-label'))"""


@pytest.mark.parametrize("name, url_path, title", PAGES, ids=[p[0] for p in PAGES])
def test_no_table_offers_a_download_of_its_own(app_server, new_page, name, url_path, title):
    """Streamlit's table toolbar would download any table as CSV, unaudited and unmasked. Every table
    of every page (the folded ones opened), hovered: its toolbar shows (so the hover worked) and
    holds no download; the page's own download buttons are the only way out."""
    page = new_page()
    url = page_url(app_server.url, url_path, lang="en", street="S01")
    assert_fine(check_page(page, url, title["en"]), url)
    for summary in page.locator('[data-testid="stExpander"] summary').all():
        summary.click()
    wait_until_idle(page)
    frames = page.locator('[data-testid="stDataFrame"]')
    hovered = 0
    for frame in frames.all():
        if not frame.is_visible():
            continue  # e.g. in a tab not shown: checked below by the page's config
        frame.scroll_into_view_if_needed()
        frame.hover()
        labels = wait_for(lambda frame=frame: page.evaluate(_TOOLBAR_BUTTONS_JS, frame.element_handle()), 3)
        assert labels, f"{url}: hovering a table showed no toolbar, so this test would see nothing"
        assert not [b for b in labels if b and b.startswith("Download")], f"{url}: a table offers {labels}"
        hovered += 1
    assert hovered or name in ("users",), f"{url}: no table hovered"
    # and no other download control anywhere: every download button is one of the app's own
    own = page.locator('[data-testid="stDownloadButton"]').count()
    others = page.evaluate("""() => [...document.querySelectorAll('button[aria-label^="Download"], a[download]')]
        .map(e => e.outerHTML.slice(0, 200))""")
    assert not others, f"{url}: download controls besides the app's {own} download buttons: {others}"


def _a_grid_of(street: str) -> str:
    """A grid of `street` in the servers' scale-0.01 demo (the demo is seeded: the same territory)."""
    import numpy as np

    from knockboard.demo import SEED
    from knockboard.demo_territory import build_territory

    t = build_territory(0.01, np.random.default_rng(SEED))
    communities = set(t.communities.loc[t.communities["street_id"] == street, "community_id"])
    return t.grids.loc[t.grids["community_id"].isin(communities), "grid_id"].iloc[0]


def warnings_on(page) -> list[str]:
    return [" ".join(t.split()) for t in page.locator('[data-testid="stAlertContentWarning"]').all_inner_texts()]


@pytest.mark.parametrize("lang", LANGS)
def test_a_link_that_cannot_be_shown_says_so(app_server, new_page, lang):
    """?day= without data or not a date, an unknown ?street=, and an ?area= of another street: the page
    names the value, why, and what it shows instead; the address bar then says what is shown."""
    grid_of_s02 = _a_grid_of("S02")
    cases = [
        (
            "",
            {"day": "2021-01-01"},
            {
                "en": "The link asks for 1 Jan 2021, but there is no data for that day",
                "zh": "链接要求显示 2021年1月1日，但当天没有数据",
            },
        ),
        (
            "",
            {"day": "yesterday"},
            {
                "en": "The link asks for the day “yesterday”, which is not a date",
                "zh": "链接中的日期“yesterday”不是有效日期",
            },
        ),
        (
            "",
            {"street": "S99"},
            {
                "en": "The link asks for the street “S99”, which is not in the store: showing Whole district instead.",
                "zh": "链接中的街道“S99”不在数据库中，现显示全区。",
            },
        ),
        (
            "coverage_map",
            {"street": "S01", "area": grid_of_s02},
            {
                "en": f"({grid_of_s02}) within 和平桥 Hepingqiao, but it belongs to 城东 Chengdong: showing 和平桥 "
                f"Hepingqiao instead.",
                "zh": "链接要求在和平桥中显示",
            },
        ),
    ]
    for url_path, params, words in cases:
        page = new_page()
        url = page_url(app_server.url, url_path, lang=lang, **params)
        title = next(t for _, p, t in PAGES if p == url_path)[lang]
        assert_fine(check_page(page, url, title), url)
        said = warnings_on(page)
        assert any(words[lang] in w for w in said), f"{url}: warnings {said}"
        shown = query(page)
        for key in params:
            if key != "street" or params[key] == "S99":
                assert key not in shown, f"{url}: the address bar still asks for {key}: {location(page)}"
    # and a link that can be shown is, without a word
    page = new_page()
    url = page_url(app_server.url, "coverage_map", lang=lang, street="S02", area=grid_of_s02)
    assert_fine(check_page(page, url, PAGES[1][2][lang]), url)
    assert not warnings_on(page) and query(page).get("area") == grid_of_s02
