"""Labels of the daily briefing."""

TEXT: dict[str, dict[str, str]] = {
    "page_briefing": {"en": "Daily briefing", "zh": "每日简报"},
    "briefing_title": {"en": "Daily briefing, {day}", "zh": "每日简报 · {day}"},
    "vs_prev_day": {"en": "vs previous day", "zh": "较前一日"},
    "no_previous_day": {"en": "first day with data: no day before to compare with", "zh": "首日数据：无前一日可比"},
    "knocked": {"en": "Households knocked", "zh": "敲门户数"},
    "coverage": {"en": "Coverage to date", "zh": "累计覆盖率"},
    "coverage_help": {
        "en": "Households met or found vacant since the campaign began ÷ registered households. Target {target}.",
        "zh": "行动以来已见面或确认空置的户数 ÷ 登记户数。目标 {target}。",
    },
    "newly_covered": {"en": "Newly covered", "zh": "新增覆盖户数"},
    "hours": {"en": "Volunteer hours", "zh": "志愿服务时长"},
    "active_volunteers": {"en": "Active volunteers", "zh": "在岗志愿者"},
    "inspections": {"en": "Inspections", "zh": "检查次数"},
    "closed_businesses": {"en": "Businesses closed", "zh": "停业整顿商户"},
    "briefing_leads_received": {"en": "Leads received", "zh": "接收核查线索"},
    "briefing_leads_verified": {"en": "Leads verified", "zh": "完成核查线索"},
    "briefing_leads_pending_24h": {"en": "Leads pending > 24 h", "zh": "超24小时未核查"},
    "target_completion": {"en": "{pct} of the {target} target", "zh": "完成目标（{target}）的 {pct}"},
    "section_headline": {"en": "Headline", "zh": "核心指标"},
    "section_ranking": {"en": "Street ranking", "zh": "街道排名"},
    "ranking_caption": {
        "en": "Worst coverage first. Change: the rank since the previous day, ▲ improved "
        "(green) or ▼ fell behind others (red).",
        "zh": "按覆盖率由低到高排列。变化：与前一日相比的名次变化，▲ 进步（绿色），▼ 落后于其他地区（红色）。",
    },
    "rank_improved": {"en": "▲ improved {k}", "zh": "▲ 进步{k}位"},
    "rank_fell_behind": {"en": "▼ fell behind {k}", "zh": "▼ 后退{k}位"},
    "rank_same": {"en": "–", "zh": "–"},
    "section_trend": {"en": "Last 14 days", "zh": "近14天趋势"},
    "section_attention": {"en": "Needs attention", "zh": "需要关注"},
    "col_rank": {"en": "Rank", "zh": "名次"},
    "col_rank_change": {"en": "Change", "zh": "变化"},
    "col_street": {"en": "Street", "zh": "街道"},
    "col_community": {"en": "Community", "zh": "社区"},
    "section_ranking_communities": {"en": "Community ranking", "zh": "社区排名"},
    "section_summary": {"en": "In brief", "zh": "概要"},
    "sum_leads_lags": {
        "en": "{best} leads with coverage {best_cov}; {worst} lags at {worst_cov}.",
        "zh": "{best}覆盖率最高（{best_cov}），{worst}最低（{worst_cov}）。",
    },
    "sum_biggest_gain": {
        "en": "The biggest gain since the day before: {name}, {pts}.",
        "zh": "较前一日提升最多的是{name}，{pts}。",
    },
    "sum_knocked": {
        "en": "{now} households knocked ({change} on the day before, {prev}); coverage to date "
        "{coverage} ({cov_change}).",
        "zh": "当日敲门 {now} 户（前一日 {prev} 户，变化 {change}）；累计覆盖率 {coverage}（{cov_change}）。",
    },
    "sum_knocked_first_day": {
        "en": "{now} households knocked on the first day with data (no day before to "
        "compare with); coverage to date {coverage}.",
        "zh": "当日敲门 {now} 户（首日数据，无前一日可比）；累计覆盖率 {coverage}。",
    },
    "col_coverage": {"en": "Coverage", "zh": "覆盖率"},
    "col_coverage_change": {"en": "Coverage change (pts)", "zh": "覆盖率变化（百分点）"},
    "col_knocked": {"en": "Knocked", "zh": "敲门户数"},
    "col_hours": {"en": "Volunteer hours", "zh": "志愿时长"},
    "axis_day": {"en": "Day", "zh": "日期"},
    "axis_households": {"en": "Households", "zh": "户数"},
    "axis_hours": {"en": "Hours", "zh": "小时"},
    "axis_coverage": {"en": "Coverage (%)", "zh": "覆盖率（%）"},
    "trend_knocked_title": {"en": "Households knocked per day", "zh": "每日敲门户数"},
    "trend_coverage_title": {
        "en": "Coverage to date against the {target} target",
        "zh": "累计覆盖率与目标（{target}）",
    },
    "trend_hours_title": {"en": "Volunteer hours per day", "zh": "每日志愿服务时长"},
    "target": {"en": "Target", "zh": "目标"},
    # attention list, written from the numbers
    "att_lowest": {
        "en": "{street}: coverage {coverage}, lowest of {n}{move}.",
        "zh": "{street}：覆盖率 {coverage}，{n}个{unit}中最低{move}。",
    },
    "att_low": {
        "en": "{street}: coverage {coverage}, below the {target} target, {rank} of {n}{move}.",
        "zh": "{street}：覆盖率 {coverage}，低于目标 {target}，{n}个{unit}中倒数第{rank_n}{move}。",
    },
    "unit_streets": {"en": "streets", "zh": "街道"},
    "unit_communities": {"en": "communities", "zh": "社区"},
    "att_move_down": {"en": ", fell behind {k} place{s}", "zh": "，名次后退{k}位"},
    "att_move_up": {"en": ", improved {k} place{s}", "zh": "，名次前进{k}位"},
    "att_knocked_drop": {
        "en": "Households knocked fell {pct} against the previous day ({prev} → {now}).",
        "zh": "敲门户数较前一日下降 {pct}（{prev} → {now}）。",
    },
    "att_stalled": {
        "en": "Grids not visited for {days} days or more: {n} ({households} registered households); "
        "the largest: {grid}.",
        "zh": "{n}个网格已连续{days}天以上无人走访（登记 {households} 户），户数最多的是{grid}。",
    },
    "att_leads": {
        "en": "Police big-data leads pending for more than 24 hours: {n}.",
        "zh": "{n}条公安大数据线索超过24小时未核查。",
    },
    "att_closed": {"en": "Businesses closed for rectification on the day: {n}.", "zh": "当日有{n}家商户停业整顿。"},
    "att_none": {"en": "Nothing stands out today.", "zh": "今日无需特别关注的事项。"},
    "export_heading": {"en": "Chongchuan district knock-door action: daily briefing", "zh": "崇川区“敲门行动”每日简报"},
    "export_report_day": {"en": "Report day", "zh": "报告日期"},
    "export_scope": {"en": "Scope", "zh": "范围"},
    "export_made_at": {"en": "Made at", "zh": "生成时间"},
    "export_freshness": {
        "en": "Data up to {latest}; last load: {loaded}",
        "zh": "数据截至 {latest}；最近导入：{loaded}",
    },
    "export_demo_data": {"en": "demo data", "zh": "演示数据"},
    "export_never_loaded": {"en": "none", "zh": "无"},
    "export_generated_note": {
        "en": "Generated by Knockboard from the numbers in its store.",
        "zh": "本简报由敲门看板根据数据库中的数据自动生成。",
    },
    "download_html": {"en": "Briefing (HTML, works offline)", "zh": "简报（HTML，可离线打开）"},
    "download_pdf": {"en": "Briefing (PDF, A4)", "zh": "简报（PDF，A4）"},
    "pdf_unavailable": {
        "en": "PDF needs Chromium on the server (Debian package chromium).",
        "zh": "生成 PDF 需要服务器安装 Chromium（Debian 软件包 chromium）。",
    },
}
