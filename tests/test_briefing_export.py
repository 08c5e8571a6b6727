"""The briefing off the screen: HTML that opens offline with its charts, a PDF with the right pages and
text, and a command fit for a daily job (exit codes, nothing partial)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from knockboard import store
from knockboard.briefing_export import build, chromium_path, export

ROOT = Path(__file__).resolve().parent.parent


def need_chromium():
    if chromium_path() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is missing in CI: scripts/test.sh installs it")
        pytest.skip("chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def demo_con(small_demo_db):
    con = store.connect(small_demo_db)
    yield con
    con.close()


def test_html_is_self_contained(demo_con):
    html, day = build(demo_con, None, None, "zh")
    assert str(day) == "2022-03-22"
    assert "崇川区“敲门行动”每日简报" in html and "2022年3月22日" in html and "全区" in html
    assert "生成时间" in html and "数据截至" in html
    assert html.count('class="plotly-graph-div"') == 3
    assert "<script src=" not in html and '<link rel="stylesheet" href="http' not in html


def test_html_opens_offline_with_its_charts(demo_con, tmp_path):
    need_chromium()
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "b.html"
    page_file.write_text(build(demo_con, None, "S10", "en")[0], encoding="utf-8")
    requests, errors = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.route(
            "**/*", lambda route: route.abort() if not route.request.url.startswith("file:") else route.continue_()
        )
        page.goto(page_file.as_uri())
        page.wait_for_selector("svg.main-svg", timeout=15000)
        charts = page.locator(".plotly-graph-div").count()
        svgs = page.eval_on_selector_all(
            ".plotly-graph-div", "els => els.filter(e => e.querySelector('svg.main-svg')).length"
        )
        browser.close()
    assert charts == 3 and svgs == 3
    assert [u for u in requests if not u.startswith("file:")] == []
    assert errors == []


def test_pdf_has_two_a4_pages_with_the_heading_and_filters(demo_con, tmp_path):
    need_chromium()
    import pypdf

    out = tmp_path / "b.pdf"
    export(demo_con, out, None, None, "en")
    reader = pypdf.PdfReader(out)
    assert 1 <= len(reader.pages) <= 2
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert abs(width - 595) < 2 and abs(height - 842) < 2  # A4 in points
    text = " ".join(p.extract_text() for p in reader.pages)
    for expected in (
        "daily briefing",
        "22 Mar 2022",
        "Scope",
        "Whole district",
        "Made at",
        "Data up to",
        "Needs attention",
        "Street ranking",
    ):
        assert expected in text.replace("ﬁ", "fi"), expected


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "knockboard", "briefing", *args], capture_output=True, text=True, timeout=180, cwd=ROOT
    )


def test_command_exit_codes_and_nothing_partial(small_demo_db, tmp_path):
    copy = tmp_path / "store.duckdb"
    shutil.copy(small_demo_db, copy)
    ok = run_cli(
        "--date", "2022-03-21", "--street", "S10", "--lang", "zh", "--out", str(tmp_path / "a.html"), "--db", str(copy)
    )
    assert ok.returncode == 0, ok.stderr
    assert "2022年3月21日" in (tmp_path / "a.html").read_text(encoding="utf-8")
    no_data = run_cli("--date", "2021-01-01", "--out", str(tmp_path / "b.html"), "--db", str(copy))
    assert no_data.returncode == 3 and "no data for 2021-01-01" in no_data.stderr
    bad_date = run_cli("--date", "yesterday", "--out", str(tmp_path / "c.html"), "--db", str(copy))
    assert bad_date.returncode == 2
    bad_street = run_cli("--street", "S99", "--out", str(tmp_path / "d.html"), "--db", str(copy))
    assert bad_street.returncode == 2 and "S99" in bad_street.stderr  # a bad argument (README), not "no data"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "store.duckdb"]


def test_briefing_help_lists_the_exit_codes():
    shown = run_cli("--help")
    assert shown.returncode == 0
    text = " ".join(shown.stdout.split())
    for code, words in [
        ("0", "written"),
        ("2", "bad arguments"),
        ("3", "no data for that day"),
        ("4", "the PDF could not be printed"),
    ]:
        assert f"{code} {words}" in text, (code, text)
    assert "unknown street" in text
