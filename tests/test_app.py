"""The app as Streamlit runs it (AppTest): every page, both languages, state from the URL."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from knockboard.app import PAGES

ROOT = Path(__file__).resolve().parent.parent
ENTRY = str(ROOT / "dashboard.py")

BRIEFING_CARDS = {
    "zh": [
        "敲门户数",
        "累计覆盖率",
        "新增覆盖户数",
        "志愿服务时长",
        "在岗志愿者",
        "检查次数",
        "停业整顿商户",
        "接收核查线索",
        "完成核查线索",
        "超24小时未核查",
    ],
    "en": [
        "Households knocked",
        "Coverage to date",
        "Newly covered",
        "Volunteer hours",
        "Active volunteers",
        "Inspections",
        "Businesses closed",
        "Leads received",
        "Leads verified",
        "Leads pending > 24 h",
    ],
}


def open_app(monkeypatch, db, **params) -> AppTest:
    monkeypatch.setenv("KNOCKBOARD_DB", str(db))
    at = AppTest.from_file(ENTRY, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def metrics(at) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.delta) for m in at.metric}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_briefing_opens_in_both_languages(monkeypatch, small_demo_db, lang):
    at = open_app(monkeypatch, small_demo_db, lang=lang)
    assert not at.exception
    assert list(metrics(at)) == BRIEFING_CARDS[lang]
    assert len(at.dataframe) == 1 and len(at.get("plotly_chart")) == 3
    assert ("每日简报" if lang == "zh" else "Daily briefing") in at.title[0].value
    assert at.query_params["lang"] == lang


def test_briefing_numbers_are_the_queries_numbers(monkeypatch, hand_db):
    # hand store, latest day 3 March: knocked 2 (d2: 3), coverage 3/7 (d2: 3/7), hours 5 (d2: 9),
    # closed 2 (d2: 2), leads pending over 24 h 1 (d2: 1)
    at = open_app(monkeypatch, hand_db, lang="en")
    assert not at.exception
    shown = metrics(at)
    assert shown["Households knocked"] == ("2", "-1")
    assert shown["Coverage to date"] == ("42.9%", "+0.00 pt")
    assert shown["Volunteer hours"] == ("5.0", "-4.0")  # hours: one decimal, value and change alike
    assert shown["Active volunteers"] == ("1", "-1")
    assert shown["Businesses closed"] == ("2", "+0")
    assert shown["Leads verified"] == ("2", "+2")
    assert shown["Leads pending > 24 h"] == ("1", "+0")
    ranking = at.dataframe[0].value
    assert ranking["Street"].tolist() == ["乙 Yi", "甲 Jia"]  # worst coverage first: 1/3, then 2/4


def test_street_and_day_come_from_the_url(monkeypatch, hand_db):
    at = open_app(monkeypatch, hand_db, lang="zh", street="S2", day="2022-03-02")
    assert not at.exception
    assert "2022年3月2日" in at.title[0].value
    assert at.selectbox(key="kb_street").value == "S2"
    # S2 on 2 March: knocked H6 only (1), the day before H5 (1)
    assert metrics(at)["敲门户数"] == ("1", "+0")


def test_changing_the_street_updates_the_url(monkeypatch, hand_db):
    at = open_app(monkeypatch, hand_db, lang="en")
    at.selectbox(key="kb_street").set_value("S1").run()
    assert not at.exception
    assert at.query_params["street"] == "S1"
    assert metrics(at)["Households knocked"] == ("2", "+0")  # S1: H3, H1 on d3; H2, H3 on d2


def test_bad_url_values_are_never_run_and_the_page_says_what_it_shows_instead(monkeypatch, hand_db):
    at = open_app(monkeypatch, hand_db, lang="xx", street="'; drop table visits; --", day="yesterday")
    assert not at.exception
    assert at.selectbox(key="kb_street").value == ""  # the whole district
    assert "street" not in at.query_params and "day" not in at.query_params  # the URL says what is shown
    assert len(at.metric) == 10
    # KNOCKBOARD_LANG's default (zh) is shown, and each value is named with what is shown instead
    assert [w.value for w in at.warning] == [
        "链接中的语言“xx”不受支持（可选 zh、en），现显示简体中文。",
        "链接中的日期“yesterday”不是有效日期（应为 YYYY-MM-DD），现显示 2022年3月3日。",
        "链接中的街道“'; drop table visits; \\-\\-”不在数据库中，现显示全区。",
    ]


@pytest.mark.parametrize(
    "lang,params,words",
    [
        (
            "en",
            {"day": "2021-01-01"},
            "The link asks for 1 Jan 2021, but there is no data for that day (the data "
            "runs from 1 Mar 2022 to 3 Mar 2022): showing 3 Mar 2022 instead.",
        ),
        (
            "zh",
            {"day": "2021-01-01"},
            "链接要求显示 2021年1月1日，但当天没有数据（数据范围为 2022年3月1日 至 2022年3月3日），"
            "现显示 2022年3月3日。",
        ),
        ("zh", {"day": "yesterday"}, "链接中的日期“yesterday”不是有效日期（应为 YYYY-MM-DD），现显示 2022年3月3日。"),
        (
            "en",
            {"street": "S99"},
            "The link asks for the street “S99”, which is not in the store: showing Whole district instead.",
        ),
        ("zh", {"street": "S99"}, "链接中的街道“S99”不在数据库中，现显示全区。"),
    ],
)
def test_a_url_value_that_cannot_be_shown_is_named_on_the_page(monkeypatch, hand_db, lang, params, words):
    at = open_app(monkeypatch, hand_db, lang=lang, **params)
    assert not at.exception and len(at.metric) == 10
    assert [w.value for w in at.warning] == [words]
    # the notice is for the link that was opened: the next run (any click) does not repeat it
    assert not at.run().warning


def test_a_url_value_that_can_be_shown_is_shown_without_a_notice(monkeypatch, hand_db):
    at = open_app(monkeypatch, hand_db, lang="en", street="S1", day="2022-03-01")
    assert not at.exception and not at.warning
    assert at.selectbox(key="kb_street").value == "S1" and "1 Mar 2022" in at.title[0].value


@pytest.mark.parametrize("page", [p.file for p in PAGES])
def test_a_page_run_on_its_own_still_has_the_shell(monkeypatch, small_demo_db, page):
    """Deep links in Streamlit's old pages/ mode run the page file without dashboard.py."""
    monkeypatch.setenv("KNOCKBOARD_DB", str(small_demo_db))
    at = AppTest.from_file(str(ROOT / page), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    assert at.selectbox(key="kb_street") is not None and at.radio(key="kb_lang").value == "en"


def test_language_switch(monkeypatch, small_demo_db):
    at = open_app(monkeypatch, small_demo_db, lang="zh")
    at.radio(key="kb_lang").set_value("en").run()
    assert not at.exception
    assert list(metrics(at))[0] == "Households knocked"
    assert at.query_params["lang"] == "en"


def test_empty_store_says_what_to_do(monkeypatch, tmp_path):
    from knockboard import store

    empty = tmp_path / "empty.duckdb"
    store.connect(empty).close()
    at = open_app(monkeypatch, empty, lang="en")
    assert not at.exception
    assert "python -m knockboard demo" in at.warning[0].value


def test_first_start_builds_the_demo(monkeypatch, tmp_path):
    monkeypatch.setenv("KNOCKBOARD_DEMO_SCALE", "0.01")
    target = tmp_path / "fresh" / "knockboard.duckdb"
    at = open_app(monkeypatch, target, lang="en")
    assert not at.exception
    assert target.exists()
    assert len(at.metric) == 10


@pytest.mark.parametrize(
    "lang,area,words",
    [
        (
            "en",
            "G3",
            "The link asks for 乙一第1网格 (G3) within 甲 Jia, but it belongs to 乙 Yi: showing 甲 Jia instead.",
        ),
        ("zh", "G3", "链接要求在甲中显示乙一第1网格（G3），但该区域属于乙，现显示甲。"),
        (
            "en",
            "G99",
            "The link asks for the area “G99” (a community, grid or micro-grid), which is not in the "
            "store: showing 甲 Jia instead.",
        ),
    ],
)
def test_a_map_link_to_an_area_outside_its_street_says_so(monkeypatch, hand_db, lang, area, words):
    at = open_app(monkeypatch, hand_db, lang=lang, page="coverage_map", street="S1", area=area)
    assert not at.exception
    assert [w.value for w in at.warning] == [words]
    assert at.query_params["street"] == "S1" and "area" not in at.query_params  # the URL says what is shown


def test_a_map_link_to_an_area_of_its_street_shows_it(monkeypatch, hand_db):
    at = open_app(monkeypatch, hand_db, lang="en", page="coverage_map", street="S2", area="G3")
    assert not at.exception and not at.warning
    assert at.query_params["area"] == "G3" and any("乙一第1网格" in m.value for m in at.markdown)


@pytest.mark.parametrize("page", [p.url_path for p in PAGES if p.url_path not in ("data", "users")])
def test_every_card_follows_one_number_rule_per_kind(monkeypatch, small_demo_db, page):
    """Counts (households, people, businesses, leads; their averages too) are whole numbers, hours
    have one decimal, coverage and other shares are percentages with one decimal, and a change of a
    share is in points with two."""
    import re

    at = open_app(monkeypatch, small_demo_db, lang="en", page=page)
    assert not at.exception
    for m in at.metric:
        label, value, delta = m.label.lower(), m.value, m.delta or ""
        if value == "–":
            continue
        if "%" in value:
            assert re.fullmatch(r"[\d,]+\.\d%", value), (m.label, value)
            assert not delta or re.fullmatch(r"[+-][\d,]+\.\d\d pt", delta), (m.label, delta)
        elif re.search(r"\bhours?\b", label) and "> 24 h" not in label and "time to verify" not in label:
            assert re.fullmatch(r"[\d,]+\.\d", value), (m.label, value)
            assert not delta or re.fullmatch(r"[+-][\d,]+\.\d", delta), (m.label, delta)
        elif value.endswith(" h"):  # a time (hours to verify a lead): one decimal too
            assert re.fullmatch(r"[\d,]+\.\d h", value), (m.label, value)
        else:
            assert re.fullmatch(r"[\d,]+", value), (m.label, value)
            assert not delta or re.fullmatch(r"[+-][\d,]+", delta), (m.label, delta)


def test_the_first_day_shows_no_change_on_the_page(monkeypatch, hand_db):
    at = open_app(monkeypatch, hand_db, lang="en", day="2022-03-01")
    assert not at.exception and not at.warning
    assert len(at.metric) == 10 and not [m.delta for m in at.metric if m.delta]  # no "+3" against a day before
    assert any(c.value == "Whole district · first day with data: no day before to compare with" for c in at.caption)
    assert not [m.value for m in at.markdown if "day before" in m.value and "no day before" not in m.value]
