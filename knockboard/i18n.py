"""One translation table for every label, plus number and date formats, in English and 简体中文.

Place names stay as stored (Chinese); in English the English/pinyin name is shown beside them.
"""

import datetime as dt
import math

LANGUAGES = {"zh": "简体中文", "en": "English"}

TEXT: dict[str, dict[str, str]] = {
    "app_title": {"en": "Knockboard", "zh": "敲门看板"},
    "app_subtitle": {"en": "Chongchuan district knock-door action", "zh": "崇川区“敲门行动”"},
    "language": {"en": "Language", "zh": "语言"},
    "report_day": {"en": "Report day", "zh": "报告日期"},
    "street": {"en": "Street", "zh": "街道"},
    "all_streets": {"en": "Whole district", "zh": "全区"},
    "page_briefing": {"en": "Daily briefing", "zh": "每日简报"},
    "building_demo": {"en": "First start: building the demo store (synthetic Chongchuan campaign)…",
                      "zh": "首次启动：正在生成演示数据（崇川区模拟数据）…"},
    "demo_ready": {"en": "Demo store ready.", "zh": "演示数据已生成。"},
    "no_data": {"en": "The store has no data yet. Load field sheets or build the demo: "
                      "`python -m knockboard demo`.",
                "zh": "数据库中还没有数据。请导入台账，或生成演示数据：`python -m knockboard demo`。"},
    "synthetic_note": {"en": "Demo data: synthetic campaign and synthetic boundaries, not real records.",
                       "zh": "演示数据：模拟的行动数据与模拟边界，并非真实记录。"},
    "data_as_of": {"en": "Data up to {day}", "zh": "数据截至 {day}"},
    # briefing
    "briefing_title": {"en": "Daily briefing, {day}", "zh": "每日简报 · {day}"},
    "briefing_scope": {"en": "{scope}", "zh": "{scope}"},
    "vs_prev_day": {"en": "vs previous day", "zh": "较前一日"},
    "knocked": {"en": "Households knocked", "zh": "敲门户数"},
    "coverage": {"en": "Coverage to date", "zh": "累计覆盖率"},
    "coverage_help": {"en": "Households met or found vacant since the campaign began ÷ registered "
                            "households. Target {target}.",
                      "zh": "行动以来已见面或确认空置的户数 ÷ 登记户数。目标 {target}。"},
    "newly_covered": {"en": "Households newly covered", "zh": "新增覆盖户数"},
    "hours": {"en": "Volunteer hours", "zh": "志愿服务时长"},
    "active_volunteers": {"en": "Active volunteers", "zh": "在岗志愿者"},
    "inspections": {"en": "Inspections", "zh": "检查次数"},
    "closed_businesses": {"en": "Businesses closed", "zh": "停业整顿商户"},
    "leads_received": {"en": "Leads received", "zh": "接收核查线索"},
    "leads_verified": {"en": "Leads verified", "zh": "完成核查线索"},
    "leads_pending_24h": {"en": "Leads pending > 24 h", "zh": "超24小时未核查"},
    "target_completion": {"en": "{pct} of the {target} target", "zh": "完成目标（{target}）的 {pct}"},
    "section_headline": {"en": "Headline", "zh": "核心指标"},
    "section_ranking": {"en": "Street ranking", "zh": "街道排名"},
    "ranking_caption": {"en": "Worst coverage first. Rank change is since the previous day "
                              "(▲ moved up the list, i.e. fell behind others).",
                        "zh": "按覆盖率由低到高排列。名次变化与前一日相比（▲ 表示名次靠前，即落后于其他街道）。"},
    "section_trend": {"en": "Last 14 days", "zh": "近14天趋势"},
    "section_attention": {"en": "Needs attention", "zh": "需要关注"},
    "col_rank": {"en": "Rank", "zh": "名次"},
    "col_rank_change": {"en": "Change", "zh": "变化"},
    "col_street": {"en": "Street", "zh": "街道"},
    "col_coverage": {"en": "Coverage", "zh": "覆盖率"},
    "col_coverage_change": {"en": "Coverage change (pts)", "zh": "覆盖率变化（百分点）"},
    "col_knocked": {"en": "Knocked", "zh": "敲门户数"},
    "col_hours": {"en": "Volunteer hours", "zh": "志愿时长"},
    "col_registered": {"en": "Registered households", "zh": "登记户数"},
    "axis_day": {"en": "Day", "zh": "日期"},
    "axis_households": {"en": "Households", "zh": "户数"},
    "axis_hours": {"en": "Hours", "zh": "小时"},
    "axis_coverage": {"en": "Coverage (%)", "zh": "覆盖率（%）"},
    "trend_knocked_title": {"en": "Households knocked per day", "zh": "每日敲门户数"},
    "trend_coverage_title": {"en": "Coverage to date against the {target} target",
                             "zh": "累计覆盖率与目标（{target}）"},
    "trend_hours_title": {"en": "Volunteer hours per day", "zh": "每日志愿服务时长"},
    "target": {"en": "Target", "zh": "目标"},
    "download_csv": {"en": "Download table (CSV)", "zh": "下载表格（CSV）"},
    # attention list, written from the numbers
    "att_lowest": {"en": "{street}: coverage {coverage}, lowest of {n}{move}.",
                   "zh": "{street}：覆盖率 {coverage}，{n}个街道中最低{move}。"},
    "att_low": {"en": "{street}: coverage {coverage}, below the {target} target, {rank} of {n}{move}.",
                "zh": "{street}：覆盖率 {coverage}，低于目标 {target}，{n}个街道中倒数第{rank_n}{move}。"},
    "att_move_down": {"en": ", down {k} place{s}", "zh": "，名次后退{k}位"},
    "att_move_up": {"en": ", up {k} place{s}", "zh": "，名次前进{k}位"},
    "att_knocked_drop": {"en": "Households knocked fell {pct} against the previous day ({prev} → {now}).",
                         "zh": "敲门户数较前一日下降 {pct}（{prev} → {now}）。"},
    "att_stalled": {"en": "{n} grids not visited for {days} days or more ({households} registered households); "
                          "most households: {grid}.",
                    "zh": "{n}个网格已连续{days}天以上无人走访（登记 {households} 户），户数最多的是{grid}。"},
    "att_leads": {"en": "{n} police big-data leads pending for more than 24 hours.",
                  "zh": "{n}条公安大数据线索超过24小时未核查。"},
    "att_closed": {"en": "{n} businesses closed for rectification today.",
                   "zh": "今日有{n}家商户停业整顿。"},
    "att_none": {"en": "Nothing stands out today.", "zh": "今日无需特别关注的事项。"},
    "worst_first": {"en": "worst first", "zh": "由低到高"},
}


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


def day_long(day: dt.date, lang: str) -> str:
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return day.strftime("%-d %b %Y")


def day_short(day: dt.date, lang: str) -> str:
    if lang == "zh":
        return f"{day.month}月{day.day}日"
    return day.strftime("%-d %b")


def place(name_zh: str, name_en: str | None, lang: str) -> str:
    """Places keep their stored Chinese name; English adds the pinyin name where there is one."""
    if lang == "en" and name_en:
        return f"{name_zh} {name_en}"
    return name_zh
