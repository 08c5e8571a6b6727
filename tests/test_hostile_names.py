"""Values from the store stay inert where they meet Markdown or HTML: a street or grid named like a
Markdown image is shown as those characters on every page and in the HTML briefing, and no
browser would fetch anything for it."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from knockboard import briefing_export, coverage_map, i18n, store
from tests.fixtures import add_rows, build_hand_store
from tests.test_app import ENTRY, open_app

BEACON = "![b](http://host/beacon.png)"
UNESCAPED_IMAGE = re.compile(r"(?<!\\)!(?<!\\)\[")  # an image Markdown would render


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    path = build_hand_store(tmp_path_factory.mktemp("hostile") / "hostile.duckdb")
    return add_rows(
        path,
        f"update streets set name_zh = '{BEACON}' where street_id = 'S2'",
        f"update grids set name_zh = '<img src=http://host/g.png>{BEACON}' where grid_id = 'G3'",
    )


def test_md_makes_markdown_and_html_literal():
    assert i18n.md(BEACON) == r"\!\[b\]\(http\://host/beacon\.png\)"  # a bare URL is no link either
    assert i18n.md("<img src=x>") == r"\<img src=x\>" and i18n.md(":red[x] $y$") == r":red\[x\] \$y\$"
    assert i18n.md("甲一社区") == "甲一社区"


def _texts(at) -> list[str]:
    elements = [
        *at.markdown,
        *at.caption,
        *at.subheader,
        *at.title,
        *at.error,
        *at.warning,
        *at.info,
        *at.sidebar.markdown,
    ]
    return [e.value for e in elements] + [b.label for b in at.button]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_briefing_shows_a_hostile_street_name_as_text(monkeypatch, hostile_db, lang):
    at = open_app(monkeypatch, hostile_db, lang=lang)
    assert not at.exception
    texts = _texts(at)
    assert any(i18n.md(BEACON) in t for t in texts)  # the worst street is named, escaped
    assert not [t for t in texts if UNESCAPED_IMAGE.search(t)]


def test_the_map_breadcrumb_and_headings_show_a_hostile_grid_name_as_text(monkeypatch, hostile_db):
    monkeypatch.setenv("KNOCKBOARD_DB", str(hostile_db))
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.query_params.update({"page": "coverage_map", "street": "S2", "area": "G3", "lang": "en"})
    at.run()
    assert not at.exception
    texts = _texts(at)
    assert any(i18n.md("<img src=http://host/g.png>") in t for t in texts)
    assert not [t for t in texts if UNESCAPED_IMAGE.search(t) or re.search(r"(?<!\\)<img", t)]


def test_the_map_tooltip_escapes_names():
    import pandas as pd

    units = pd.DataFrame(
        [
            {
                "grid_id": "G3",
                "name_zh": "<img src=http://host/g.png>",
                "street_id": "S2",
                "coverage": 0.5,
                "covered": 1,
                "registered": 2,
                "last_day": None,
                "boundary": None,
                "lon": 120.9,
                "lat": 32.1,
            }
        ]
    )
    shapes = coverage_map.shapes(units, "grid_id", "name_zh", 0.95, "en", "street_id", None)
    assert shapes[0]["name"] == "&lt;img src=http://host/g.png&gt;"


def test_the_html_briefing_escapes_store_values(hostile_db):
    con = store.connect(hostile_db, read_only=True)
    try:
        text, _ = briefing_export.build(con, None, None, "en")
        street_text, _ = briefing_export.build(con, None, "S2", "en")
    finally:
        con.close()
    for page in (text, street_text):
        body = re.sub(r"<script.*?</script>", "", page, flags=re.S)
        assert "<img" not in body and body.count(BEACON) >= 1  # shown as text (HTML has no Markdown)
