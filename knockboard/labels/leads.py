"""Labels of the lead verification page (大数据核查)."""

from knockboard import dimensions

TEXT: dict[str, dict[str, str]] = {
    "page_leads": {"en": "Lead verification", "zh": "大数据核查"},
    "leads_title": {"en": "Lead verification, {day}", "zh": "大数据核查 · {day}"},
    "leads_caption": {
        "en": "{scope} · police big-data leads (公安大数据): received, verified, valid, time to "
        "verify and the pending backlog",
        "zh": "{scope} · 公安大数据核查线索：接收、核查、有效，核查用时与待核查积压",
    },
    "leads_article": {
        "en": "Since {start}: **{received}** police big-data leads received, **{valid}** verified "
        "as valid ({rate} of the {verified} verified so far).",
        "zh": "{start}以来，共接收公安大数据 **{received}** 条，核查有效信息 **{valid}** 条"
        "（已核查 {verified} 条，有效率 {rate}）。",
    },
    "leads_section_to_date": {"en": "Since the campaign began", "zh": "行动以来累计"},
    "leads_section_day": {"en": "On {day}", "zh": "{day}当日"},
    # kinds
    **dimensions.LEAD_KINDS.labels(),
    # cards and series
    "leads_received": {"en": "Received", "zh": "接收"},
    "leads_verified": {"en": "Verified", "zh": "完成核查"},
    "leads_valid": {"en": "Valid", "zh": "核查有效"},
    "leads_valid_rate": {"en": "Valid rate", "zh": "有效率"},
    "leads_pending": {"en": "Pending", "zh": "待核查"},
    "leads_pending_24h": {"en": "Pending > 24 h", "zh": "超24小时未核查"},
    "leads_pending_recent": {"en": "Pending ≤ 24 h", "zh": "24小时内待核查"},
    "leads_median": {"en": "Median time to verify", "zh": "核查用时中位数"},
    "leads_p90": {"en": "90th percentile time to verify", "zh": "核查用时90%分位数"},
    "leads_section_time": {"en": "Time to verify", "zh": "核查用时"},
    "leads_time_median_to_date": {"en": "Median, to date", "zh": "累计 · 中位数"},
    "leads_time_p90_to_date": {"en": "90th percentile, to date", "zh": "累计 · 90%分位数"},
    "leads_time_median_day": {"en": "Median, on the day", "zh": "当日 · 中位数"},
    "leads_time_p90_day": {"en": "90th percentile, on the day", "zh": "当日 · 90%分位数"},
    "leads_help_valid_rate": {
        "en": "Leads verified as valid ÷ leads verified (valid or invalid).",
        "zh": "核查有效的线索数 ÷ 完成核查的线索数（有效与无效）。",
    },
    "leads_help_time": {
        "en": "From receipt to verification, over the leads verified {when}.",
        "zh": "自接收至完成核查的用时，统计{when}完成核查的线索。",
    },
    "leads_when_to_date": {"en": "by the end of the day", "zh": "截至当日"},
    "leads_when_day": {"en": "on the day", "zh": "当日"},
    "leads_help_pending": {
        "en": "Received by the end of the day and not verified by then.",
        "zh": "截至当日24时已接收、尚未完成核查的线索。",
    },
    "leads_help_pending_24h": {
        "en": "Received before the day began and not verified by its end.",
        "zh": "当日0时前接收、截至当日24时仍未完成核查的线索。",
    },
    "leads_hours": {"en": "{value} h", "zh": "{value} 小时"},
    # sections and charts
    "leads_section_trend": {"en": "Per day", "zh": "每日情况"},
    "leads_section_backlog": {"en": "Pending backlog at the end of {day}", "zh": "{day}24时待核查积压"},
    "leads_backlog_caption": {
        "en": "Pending leads by hours since receipt at the end of the day; over 24 hours in red.",
        "zh": "按截至当日24时已等待的小时数分组；超过24小时的以红色标出。",
    },
    "leads_section_kind": {"en": "By kind", "zh": "按线索类型"},
    "leads_window": {
        "en": "Received, verified and valid from {start} to {day}; pending at the end of {day}.",
        "zh": "接收、核查与有效数为{start}至{day}；待核查为{day}24时。",
    },
    "leads_street_caption": {
        "en": "By street (all streets), most pending over 24 h first.",
        "zh": "各街道（全部街道），按超24小时未核查数由多到少排列。",
    },
    "leads_chart_daily": {
        "en": "Leads received and verified per day, and the valid rate",
        "zh": "每日接收与完成核查线索数及有效率",
    },
    "leads_chart_kind": {"en": "Leads received per day, by kind", "zh": "每日接收线索数（按类型）"},
    "leads_chart_time": {"en": "Time to verify, leads verified each day", "zh": "每日完成核查线索的核查用时"},
    "leads_chart_backlog": {"en": "Pending leads by age", "zh": "待核查线索（按已等待时长）"},
    "leads_chart_pending": {
        "en": "Leads pending more than 24 hours at the end of each day",
        "zh": "每日24时超24小时未核查线索数",
    },
    "leads_chart_street": {"en": "Leads pending at the end of the day, by street", "zh": "各街道待核查线索"},
    "leads_axis_leads": {"en": "Leads", "zh": "线索数（条）"},
    "leads_axis_valid_rate": {"en": "Valid rate (%)", "zh": "有效率（%）"},
    "leads_axis_hours": {"en": "Hours", "zh": "小时"},
    "leads_axis_age": {"en": "Hours since receipt", "zh": "已等待时长"},
    "leads_age_upto": {"en": "≤ {to} h", "zh": "{to}小时以内"},
    "leads_age_between": {"en": "{lo}–{to} h", "zh": "{lo}–{to}小时"},
    "leads_age_over": {"en": "> {lo} h", "zh": "超过{lo}小时"},
    # columns
    "leads_col_day": {"en": "Day", "zh": "日期"},
    "leads_col_kind": {"en": "Kind", "zh": "线索类型"},
    "leads_col_street": {"en": "Street", "zh": "街道"},
    "leads_col_age": {"en": "Waiting", "zh": "已等待时长"},
    "leads_col_over_24h": {"en": "Over 24 h", "zh": "超24小时"},
    "leads_col_received": {"en": "Received", "zh": "接收"},
    "leads_col_verified": {"en": "Verified", "zh": "完成核查"},
    "leads_col_valid": {"en": "Valid", "zh": "核查有效"},
    "leads_col_valid_rate": {"en": "Valid rate (%)", "zh": "有效率（%）"},
    "leads_col_received_on_day": {"en": "Received on the day", "zh": "当日接收"},
    "leads_col_verified_on_day": {"en": "Verified on the day", "zh": "当日完成核查"},
    "leads_col_pending": {"en": "Pending", "zh": "待核查"},
    "leads_col_pending_24h": {"en": "Pending > 24 h", "zh": "超24小时未核查"},
    "leads_col_leads": {"en": "Leads", "zh": "线索数"},
    "leads_col_median": {"en": "Median (h)", "zh": "中位数（小时）"},
    "leads_col_p90": {"en": "90th percentile (h)", "zh": "90%分位数（小时）"},
    "leads_yes": {"en": "yes", "zh": "是"},
}
