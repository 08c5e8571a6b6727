"""One translation table for every label, plus number and date formats, in English and 简体中文.
Shell labels live here; each page's labels in knockboard/labels/<page>.py, merged into TEXT.

Place names stay as stored (Chinese); in English the English/pinyin name is shown beside them.
"""

import datetime as dt
import math
import re

LANGUAGES = {"zh": "简体中文", "en": "English"}

TEXT: dict[str, dict[str, str]] = {
    "app_title": {"en": "Knockboard", "zh": "敲门看板"},
    "app_subtitle": {"en": "Chongchuan district knock-door action", "zh": "崇川区“敲门行动”"},
    "report_day": {"en": "Report day", "zh": "报告日期"},
    "street": {"en": "Street", "zh": "街道"},
    "all_streets": {"en": "Whole district", "zh": "全区"},
    "building_demo": {
        "en": "First start: building the demo store (synthetic Chongchuan campaign)…",
        "zh": "首次启动：正在生成演示数据（崇川区模拟数据）…",
    },
    "no_data": {
        "en": "The store has no data yet. Load field sheets or build the demo: `python -m knockboard demo`.",
        "zh": "数据库中还没有数据。请导入台账，或生成演示数据：`python -m knockboard demo`。",
    },
    "synthetic_note": {
        "en": "Demo data: synthetic campaign and synthetic boundaries, not real records.",
        "zh": "演示数据：模拟的行动数据与模拟边界，并非真实记录。",
    },
    "data_as_of": {"en": "Data up to {day}", "zh": "数据截至 {day}"},
    "download_csv": {"en": "Download CSV", "zh": "下载 CSV"},
    "download_xlsx": {"en": "Download Excel", "zh": "下载 Excel"},
    "table_behind_chart": {"en": "Table behind the chart", "zh": "图表数据"},
    "export_filter": {"en": "Filter", "zh": "筛选条件"},
    "export_data_up_to": {"en": "Data up to", "zh": "数据截至"},
    "export_context_sheet": {"en": "about", "zh": "说明"},
    "no_rows": {"en": "Nothing to show for this selection.", "zh": "当前筛选条件下没有数据。"},
}


def _merge_sections() -> None:
    """Pages keep their labels in knockboard/labels/<page>.py (a TEXT dict each); they join this
    table at import, and a key may be defined once only."""
    import importlib
    import pkgutil

    from knockboard import labels

    for info in sorted(pkgutil.iter_modules(labels.__path__), key=lambda m: m.name):
        section = importlib.import_module(f"knockboard.labels.{info.name}").TEXT
        clash = sorted(set(section) & set(TEXT))
        if clash:
            raise ValueError(f"labels defined twice ({info.name}): {clash}")
        TEXT.update(section)


_merge_sections()


def t(key: str, lang: str, **values) -> str:
    """The text for `key` in `lang`, with {placeholders} filled in."""
    entry = TEXT.get(key)
    if entry is None:
        raise KeyError(f"no translation for {key!r}")
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


def number(value, decimals: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:,.{decimals}f}"


def percent(value, decimals: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value * 100:.{decimals}f}%"


def signed(value, decimals: int = 0, suffix: str = "") -> str:
    return f"{value:+,.{decimals}f}{suffix}"


# One rule per kind of number, on every page and in every export: counts of households, people,
# businesses or leads are whole numbers (averages of counts too); hours have one decimal; coverage is
# a percentage with one decimal, and its change in percentage points has two (a day's change is small).
DECIMALS = {"count": 0, "hours": 1}
POINT_DECIMALS = 2


def points(change: float, lang: str) -> str:
    """A change of a share (0.0006) in percentage points: "+0.06 pt" / "+0.06 个百分点"."""
    return signed(change * 100, POINT_DECIMALS, " pt" if lang == "en" else " 个百分点")


def hours(value) -> str:
    """Hours, always with one decimal (18.0, 7.5)."""
    return number(value, DECIMALS["hours"])


def day_long(day: dt.date, lang: str) -> str:
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return day.strftime("%-d %b %Y")


def day_short(day: dt.date, lang: str) -> str:
    if lang == "zh":
        return f"{day.month}月{day.day}日"
    return day.strftime("%-d %b")


# What Markdown (and Streamlit's extensions: :color[...] directives, $math$) would read as markup;
# a colon alone does nothing (a directive needs its brackets).
_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~$&])")
_BARE_URL = re.compile(r":(?=//)")


def md(text) -> str:
    """A value from the store (a name, a file name, a URL value) made literal for Markdown: every
    character Markdown or HTML would act on is backslash-escaped, so `![b](http://host/x.png)`
    shows as those characters and no browser fetches anything. Use wherever a value meets
    st.markdown, a caption, a title, a label or a button."""
    # and a bare URL's colon: GFM makes `http://…` a link by itself, inside which escapes stay visible
    return _BARE_URL.sub(r"\\:", _MARKDOWN.sub(r"\\\1", str(text)))


def place(name_zh: str, name_en: str | None, lang: str) -> str:
    """Places keep their stored Chinese name; English adds the pinyin name where there is one."""
    if lang == "en" and isinstance(name_en, str) and name_en:
        return f"{name_zh} {name_en}"
    return name_zh


def places(names_zh, names_en, lang: str) -> list[str]:
    """`place` for columns of names (no English column: the Chinese names)."""
    if names_en is None:
        return list(names_zh)
    return [place(z, e, lang) for z, e in zip(names_zh, names_en)]
