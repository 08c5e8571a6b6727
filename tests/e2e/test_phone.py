"""The briefing, the coverage map and the gaps page on a phone (390 × 844, touch, a phone's browser)
and on a desktop (1440 × 1000, in English): headline cards two to a row on the phone, no table cut
off without a way to scroll to the cut-off column (and on the desktop, the briefing's ranking, the
map's table and the gap table whole), the ranking's key columns first, the map showing the whole
district on first view and drilling on the first tap, chart toolbars off the titles (with the
toolbar showing, as after a tap or under the mouse). Screenshots of each in tests/screenshots/
(phone-*.png, desktop-*.png).

`table_problems` is the checker; the test at the end runs it on a page with a table cut off on
purpose and shows it reports it (a grid that scrolls sideways only where it must be whole; nothing
for a table that fits, nor for one in a closed expander), so a green run means something. Each
check was also seen to fail on the layout before issue 19's fixes."""

import time

import pytest

from knockboard import i18n

from .conftest import SCREENSHOTS, start_streamlit
from .test_browser import assert_fine, check_page, location, page_url, query, wait_for, wait_until_idle

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1440, "height": 1000}
# a phone's browser says so in its User-Agent (the app reads it to fit the map to a phone's width)
PHONE_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.5 Mobile/15E148 Safari/604.1"
)
PAGES = [
    ("briefing", "", {"en": "Daily briefing", "zh": "每日简报"}),
    ("coverage_map", "coverage_map", {"en": "Grid coverage map", "zh": "网格覆盖地图"}),
    ("gaps", "gaps", {"en": "Coverage gaps", "zh": "覆盖缺口"}),
]


def phone_context(browser, lang: str):
    return browser.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        user_agent=PHONE_UA,
        locale="zh-CN" if lang == "zh" else "en-US",
    )


def desktop_context(browser):
    return browser.new_context(viewport=DESKTOP, locale="en-US")


@pytest.fixture
def contexts(browser):
    opened = []

    def open_page(kind: str, lang: str = "en"):
        context = phone_context(browser, lang) if kind == "phone" else desktop_context(browser)
        opened.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_page
    for context in opened:
        context.close()


# ---------------------------------------------------------------- what the checks measure

# Every table (Streamlit's canvas grid, or an HTML table) that is shown: its own box against the
# nearest ancestor that clips it, and its content (all its columns) against what it shows.
# A grid not drawn yet (in a closed expander: "the table behind the chart") is not shown, so not checked.
_TABLES_JS = """() => [...document.querySelectorAll('[data-testid="stDataFrame"], [data-testid="stTable"]')]
  .filter(frame => frame.offsetParent !== null && frame.getBoundingClientRect().width > 0)
  .filter(frame => frame.querySelector('.dvn-scroller, table') || frame.matches('table'))
  .map(frame => {
    const box = frame.getBoundingClientRect();
    let clip = frame.parentElement;
    while (clip && clip !== document.body && getComputedStyle(clip).overflowX === 'visible') clip = clip.parentElement;
    const clipBox = clip && clip !== document.body ? clip.getBoundingClientRect()
                                                   : {left: 0, right: document.documentElement.clientWidth};
    const clipScrolls = clip && clip !== document.body && ['auto', 'scroll'].includes(getComputedStyle(clip).overflowX);
    const scroller = frame.querySelector('.dvn-scroller') || frame.querySelector('table')?.parentElement || frame;
    const scrollerStyle = getComputedStyle(scroller);
    const key = frame.closest('[class*="st-key-"]');
    const heading = (() => {  // the nearest heading above it, to name it in a failure
      const all = [...document.querySelectorAll('h1, h2, h3')].filter(h => h.getBoundingClientRect().top < box.top);
      return all.length ? all[all.length - 1].innerText.trim() : '';
    })();
    return {name: heading, key: key ? [...key.classList].find(c => c.startsWith('st-key-')) : null,
            left: box.left, right: box.right, clipLeft: clipBox.left, clipRight: clipBox.right,
            clipScrolls: !!clipScrolls,
            content: scroller.scrollWidth, shown: scroller.clientWidth,
            scrolls: ['auto', 'scroll'].includes(scrollerStyle.overflowX)};
  })"""


def table_problems(page, whole: bool | tuple[str, ...] = False) -> list[str]:
    """Tables cut off: sticking out of what clips them, or holding more columns than they show
    without a way to scroll to them. `whole`: True, any table holding more than it shows is a
    problem; a tuple of container keys (`st-key-…`), those tables."""
    problems = []
    for t in page.evaluate(_TABLES_JS):
        name = t["key"] or t["name"] or "a table"
        must_be_whole = whole is True or (bool(whole) and t["key"] in whole)
        if (t["right"] > t["clipRight"] + 1 or t["left"] < t["clipLeft"] - 1) and not t["clipScrolls"]:
            problems.append(
                f"table under {name!r} is cut off by its container ({t['left']:.0f}–{t['right']:.0f} px "
                f"shown in {t['clipLeft']:.0f}–{t['clipRight']:.0f} px) with no way to scroll"
            )
        hidden = t["content"] - t["shown"]
        if hidden > 1 and not t["scrolls"]:
            problems.append(f"table under {name!r} hides {hidden:.0f} px of columns with no way to scroll to them")
        elif hidden > 1 and must_be_whole:
            problems.append(
                f"table under {name!r} loses its last columns: {t['content']:.0f} px of columns in "
                f"{t['shown']:.0f} px (scroll needed)"
            )
    return problems


_CARDS_JS = """() => [...document.querySelectorAll('[data-testid="stMetric"]')]
  .map(m => { const b = m.getBoundingClientRect(); return [Math.round(b.left), Math.round(b.top), Math.round(b.width)]; })"""


def cards_per_row(page) -> list[int]:
    rows: dict[int, int] = {}
    for _left, top, _width in page.evaluate(_CARDS_JS):
        rows[top] = rows.get(top, 0) + 1
    return [rows[k] for k in sorted(rows)]


# Plotly's mode bar and Streamlit's element toolbar, against the chart's title, for every chart.
_TOOLBARS_JS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].map(chart => {
  const title = chart.querySelector('.gtitle');
  const boxes = [...chart.querySelectorAll('.modebar-container, .modebar')]
    .concat([...(chart.closest('[data-testid="stElementContainer"]') || chart)
      .querySelectorAll('[data-testid="stElementToolbar"]')])
    .filter(e => getComputedStyle(e).display !== 'none' && getComputedStyle(e).visibility !== 'hidden'
                 && parseFloat(getComputedStyle(e).opacity || '1') > 0)
    .map(e => e.getBoundingClientRect()).filter(b => b.width > 0 && b.height > 0);
  if (!title) return {title: null, overlaps: false};
  const t = title.getBoundingClientRect();
  const overlaps = boxes.some(b => b.left < t.right && b.right > t.left && b.top < t.bottom && b.bottom > t.top);
  return {title: title.textContent, overlaps};
})"""


# Plotly shows its toolbar while a finger or the mouse is on the chart (a tap leaves it there on a
# phone): the check shows every chart's at once, as it would be under the finger.
_TOOLBARS_SHOWN_CSS = ".js-plotly-plot .plotly .modebar { opacity: 1 !important; transition: none !important; }"


def toolbars_over_titles(page) -> list[str]:
    """The titles of charts whose toolbar, shown, covers them."""
    page.add_style_tag(content=_TOOLBARS_SHOWN_CSS)
    return [chart["title"] for chart in page.evaluate(_TOOLBARS_JS) if chart["overlaps"]]


_DRAWN_JS = """() => document.querySelectorAll('[data-testid="stSkeleton"]').length === 0
  && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].every(c => c.querySelector('svg.main-svg'))"""


def screenshot(page, name: str) -> None:
    """The whole page: Streamlit scrolls inside <main>, so the viewport is made as tall as it for the
    shot (which also draws every element below the fold, for the checks after it)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    height = page.evaluate("""() => Math.max(document.documentElement.scrollHeight,
        ...['stMain'].map(id => { const e = document.querySelector(`[data-testid="${id}"]`); return e ? e.scrollHeight : 0; }))""")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], min(height, 12000))})
    try:
        time.sleep(0.3)
        wait_for(lambda: page.evaluate(_DRAWN_JS), 8)  # elements that came into view draw themselves
        time.sleep(0.3)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    finally:
        page.set_viewport_size(size)


def first_view(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-first-view.png"))


# The map's own deck.gl viewport (found through React's fiber of its canvas: tied to Streamlit's
# DeckGlJsonChart, check it when upgrading Streamlit): every vertex of the coloured shapes projected
# to the map's pixels, and the middle of the first shape on the page, to tap it.
_DECK_JS = """() => {
  const canvas = document.querySelector('[data-testid="stDeckGlJsonChart"] canvas');
  if (!canvas) return null;
  const fiber = Object.keys(canvas).find(k => k.startsWith('__reactFiber'));
  const isDeck = d => d && typeof d.getViewports === 'function' && typeof d.pickObjects === 'function';
  for (let f = canvas[fiber], n = 0; f && n < 80; f = f.return, n++)
    for (let h = f.memoizedState, i = 0; h && i < 50; h = h.next, i++) {
      const v = h.memoizedState;
      for (const deck of [v, v && v.current, v && v.current && v.current.deck, v && v.deck]) if (isDeck(deck)) {
        const vp = deck.getViewports()[0];
        const shapes = deck.props.layers.find(l => l.id === 'coverage_map_shapes').props.data;
        const points = shapes.flatMap(s => s.polygon[0].map(p => vp.project(p)));
        const ring = shapes[0].polygon[0];
        const middle = vp.project([ring.reduce((a, p) => a + p[0], 0) / ring.length,
                                   ring.reduce((a, p) => a + p[1], 0) / ring.length]);
        const box = canvas.getBoundingClientRect();
        return {width: vp.width, height: vp.height, shapes: shapes.length,
                left: Math.min(...points.map(p => p[0])), right: Math.max(...points.map(p => p[0])),
                top: Math.min(...points.map(p => p[1])), bottom: Math.max(...points.map(p => p[1])),
                tap: [box.left + middle[0], box.top + middle[1]], street: shapes[0].next_street};
      }
    }
  return null;
}"""


def check_the_map(page, url: str) -> None:
    """The whole district in the map's first view, and the first tap on a shape drills to its street."""
    page.locator('[data-testid="stDeckGlJsonChart"]').scroll_into_view_if_needed()
    deck = wait_for(lambda: page.evaluate(_DECK_JS), 10)
    assert deck and deck["shapes"], f"{url}: the map's deck.gl viewport was not found (Streamlit's markup changed?)"
    assert (
        deck["left"] >= 0 and deck["top"] >= 0 and deck["right"] <= deck["width"] and deck["bottom"] <= deck["height"]
    ), (
        f"{url}: the district does not fit the map's first view on a phone: its shapes span "
        f"x {deck['left']:.0f}–{deck['right']:.0f}, y {deck['top']:.0f}–{deck['bottom']:.0f} "
        f"of a {deck['width']}×{deck['height']} px map"
    )
    page.touchscreen.tap(*deck["tap"])
    assert wait_for(lambda: query(page).get("street") == deck["street"], 15), (
        f"{url}: the first tap on a shape of {deck['street']} did not drill down: {location(page)}"
    )
    assert not wait_until_idle(page)


# ---------------------------------------------------------------- the pages on a phone

# The briefing (the leaders' page) in both languages; the map and the gaps in Chinese (their English
# tables and charts are the desktop test's). Fewer runs keep the module under a minute on 2 cores.
PHONE_RUNS = [(*PAGES[0], "zh"), (*PAGES[0], "en"), (*PAGES[1], "zh"), (*PAGES[2], "zh")]


@pytest.mark.parametrize("name, url_path, title, lang", PHONE_RUNS, ids=[f"{p[0]}-{p[3]}" for p in PHONE_RUNS])
def test_on_a_phone(app_server, contexts, name, url_path, title, lang):
    page = contexts("phone", lang)
    url = page_url(app_server.url, url_path, lang=lang)
    problems = check_page(page, url, title[lang])
    first_view(page, f"phone-{name}-{lang}")
    screenshot(page, f"phone-{name}-{lang}")
    assert_fine(problems, url)
    assert not page.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"), (
        f"{url}: the page itself scrolls sideways on a phone"
    )
    problems = table_problems(page)
    assert not problems, f"{url} at 390 px:\n  - " + "\n  - ".join(problems)
    if name == "gaps":
        assert cards_per_row(page) == [2, 2], f"{url}: headline cards per row: {cards_per_row(page)}"
    if name == "briefing":
        assert cards_per_row(page) == [2] * 5, f"{url}: headline cards per row: {cards_per_row(page)}"
        # the ranking starts with the street, its coverage and its rank; the rest by scrolling sideways
        headers = page.locator(".st-key-briefing_ranking [data-testid='stDataFrame'] [role='columnheader']")
        shown = [h.strip() for h in headers.all_inner_texts() if h.strip()]
        expected = [i18n.t(key, lang) for key in ("col_street", "col_coverage", "col_rank")]
        assert shown[:3] == expected, f"{url}: the ranking's first columns on a phone: {shown}"
    covered = toolbars_over_titles(page)
    assert not covered, f"{url}: a chart's toolbar, shown, sits over its title: {covered}"
    if name == "coverage_map":
        check_the_map(page, url)


# ---------------------------------------------------------------- the desktop, in English

# The tables that lost their last columns at 1440 px: they must now show every column.
WHOLE_ON_A_DESKTOP = {
    "briefing": ("st-key-briefing_ranking",),
    "coverage_map": ("st-key-coverage_map_children",),
    "gaps": ("st-key-gaps_table",),
}


@pytest.mark.parametrize("name, url_path, title", PAGES, ids=[p[0] for p in PAGES])
def test_on_a_desktop_in_english(app_server, contexts, name, url_path, title):
    page = contexts("desktop")
    url = page_url(app_server.url, url_path, lang="en", **({"street": "S10"} if name == "gaps" else {}))
    problems = check_page(page, url, title["en"])
    screenshot(page, f"desktop-{name}-en")
    assert_fine(problems, url)
    keys = [t["key"] for t in page.evaluate(_TABLES_JS)]
    assert set(WHOLE_ON_A_DESKTOP[name]) <= set(keys), f"{url}: tables {WHOLE_ON_A_DESKTOP[name]} not found: {keys}"
    cards = {"briefing": [5, 5], "gaps": [4]}.get(name)
    assert cards is None or cards_per_row(page) == cards, f"{url}: headline cards per row: {cards_per_row(page)}"
    problems = table_problems(page, whole=WHOLE_ON_A_DESKTOP[name])
    assert not problems, f"{url} at 1440 px:\n  - " + "\n  - ".join(problems)
    covered = toolbars_over_titles(page)
    assert not covered, f"{url}: a chart's toolbar, shown, sits over its title: {covered}"


# ---------------------------------------------------------------- the checker catches a cut-off table

CUT_APP = """
import pandas as pd
import streamlit as st

st.title("Tables")
with st.container(key="clipped"):  # a table in a box that clips it: the last columns cannot be reached
    st.html('<div style="width:300px;overflow:hidden"><table data-testid="stTable" style="width:900px">'
            '<tr><th>one</th><th>two</th><th>last column</th></tr></table></div>')
with st.container(key="wide"):  # Streamlit's grid scrolls sideways to its last columns
    st.dataframe(pd.DataFrame({f"a rather long column name {i}": [f"value {i} " * 3] for i in range(12)}),
                 hide_index=True)
with st.container(key="fits"):
    st.dataframe(pd.DataFrame({"a": [1], "b": [2]}), hide_index=True)
with st.expander("closed"):  # not drawn until opened: not shown, so not checked
    st.dataframe(pd.DataFrame({"c": [3]}), hide_index=True)
"""


@pytest.fixture(scope="module")
def cut_server(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("e2e-cut")
    (folder / "cut_app.py").write_text(CUT_APP)
    server = start_streamlit("cut_app.py", cwd=folder, log_path=folder / "streamlit.log")
    yield server
    server.stop()


def test_the_table_checker(cut_server, contexts):
    """On a phone's width: a clipped table is always a problem; a grid that scrolls sideways to its
    last columns only where it must be whole; a table that fits never."""
    page = contexts("phone")
    assert_fine(check_page(page, cut_server.url, "Tables"), cut_server.url)
    clipped = "table under 'st-key-clipped' is cut off by its container"
    wide = "table under 'st-key-wide' loses its last columns"

    def found(whole) -> list[str]:
        return sorted(
            next((known for known in (clipped, wide) if p.startswith(known)), p) for p in table_problems(page, whole)
        )

    assert found(False) == [clipped]
    assert found(("st-key-wide",)) == sorted([clipped, wide])
    assert found(("st-key-fits",)) == [clipped]
    assert found(True) == sorted([clipped, wide])
