"""Labels of the households-knocked page (入户敲门), and the words both field pages share (prefix
`field_`)."""

from knockboard import dimensions

TEXT: dict[str, dict[str, str]] = {
    # shared by the two field pages (households knocked, party-member hours)
    "field_by_street": {"en": "by street", "zh": "分街道"},
    "field_by_grid": {"en": "by grid", "zh": "分网格"},
    "field_axis_street": {"en": "Street", "zh": "街道"},
    "field_axis_grid": {"en": "Grid", "zh": "网格"},
    "field_col_day": {"en": "Day", "zh": "日期"},
    "field_col_street": {"en": "Street", "zh": "街道"},
    "field_col_grid": {"en": "Grid", "zh": "网格"},
    "field_col_micro_grid": {"en": "Micro-grid", "zh": "微网格"},
    "field_period": {"en": "Period of the tables by street and the distributions", "zh": "分街道统计与分布图的时段"},
    "field_period_day": {"en": "Report day", "zh": "报告日"},
    "field_period_week": {"en": "Last 7 days", "zh": "近7天"},
    "field_period_campaign": {"en": "Campaign to date", "zh": "行动以来"},
    "field_period_caption": {"en": "{start} – {end}", "zh": "{start} 至 {end}"},
    "field_showing": {"en": "Showing {shown} of {total}.", "zh": "显示 {shown} 条，共 {total} 条。"},
    "field_yes": {"en": "yes", "zh": "是"},
    "field_no": {"en": "no", "zh": "否"},
    "field_never": {"en": "never", "zh": "从未"},
    "page_knocked": {"en": "Households knocked", "zh": "入户敲门"},
    "knocked_title": {"en": "Households knocked, {day}", "zh": "入户敲门 · {day}"},
    "knocked_caption": {
        "en": "{scope} · charts run from the first day of the campaign to the report day",
        "zh": "{scope} · 图表为行动首日至报告日",
    },
    # headline cards
    "knocked_card_knocked": {"en": "Households knocked", "zh": "敲门户数"},
    "knocked_card_avg7": {"en": "7-day average", "zh": "近7日日均"},
    "knocked_card_covered": {"en": "Households covered", "zh": "累计覆盖户数"},
    "knocked_card_covered_help": {
        "en": "Households met or found vacant since the campaign began, out of {registered} registered ({coverage}).",
        "zh": "行动以来已见面或确认空置的户数，登记 {registered} 户（覆盖率 {coverage}）。",
    },
    "knocked_card_awaiting": {"en": "Awaiting follow-up", "zh": "待跟进户数"},
    "knocked_card_awaiting_help": {
        "en": "Households whose latest visit up to the end of the report day flagged a follow-up.",
        "zh": "截至报告日结束，最近一次走访标记为需跟进的户数。",
    },
    "knocked_card_idle": {"en": "Workers idle {days}+ days", "zh": "{days}天以上无走访人员"},
    # sections
    "knocked_section_knocked": {"en": "Households knocked", "zh": "敲门户数"},
    "knocked_section_outcomes": {"en": "Outcomes at the door", "zh": "走访结果"},
    "knocked_section_findings": {"en": "Findings at the door", "zh": "走访发现"},
    "knocked_section_followups": {"en": "Households awaiting follow-up", "zh": "待跟进户"},
    "knocked_section_workers": {"en": "Workers", "zh": "走访人员"},
    # chart titles (units in the axis titles)
    "knocked_chart_daily": {
        "en": "Households knocked per day, with the 7-day average",
        "zh": "每日敲门户数及近7日日均",
    },
    "knocked_chart_by_unit": {
        "en": "Households knocked on {day}, {by}, with the 7-day average",
        "zh": "{day}敲门户数（{by}）及近7日日均",
    },
    "knocked_chart_covered": {
        "en": "Covered households to date against registered households",
        "zh": "累计覆盖户数与登记户数",
    },
    "knocked_chart_first_revisit": {"en": "First visits and revisits per day", "zh": "每日首次走访与再次走访户数"},
    "knocked_chart_outcomes": {"en": "Visits per day by outcome", "zh": "每日走访次数（按结果）"},
    "knocked_chart_outcomes_by_unit": {"en": "Outcome mix {by}, {period}", "zh": "走访结果构成（{by}，{period}）"},
    "knocked_chart_findings": {"en": "Findings per day", "zh": "每日走访发现"},
    "knocked_chart_findings_by_unit": {"en": "Findings {by}, {period}", "zh": "走访发现（{by}，{period}）"},
    "knocked_chart_followups": {"en": "Households awaiting follow-up at the end of each day", "zh": "每日末待跟进户数"},
    "knocked_chart_followups_by_unit": {
        "en": "Households awaiting follow-up on {day}, {by}",
        "zh": "{day}待跟进户数（{by}）",
    },
    "knocked_chart_distribution": {
        "en": "Households knocked per worker per day, {period}",
        "zh": "人均每日敲门户数分布（{period}）",
    },
    "knocked_chart_idle_by_unit": {
        "en": "Workers with no visit for {days} days or more, {by}",
        "zh": "{days}天以上无走访的人员（{by}）",
    },
    # axis titles with units
    "knocked_axis_households": {"en": "Households", "zh": "户数（户）"},
    "knocked_axis_visits": {"en": "Visits", "zh": "走访次数（次）"},
    "knocked_axis_share": {"en": "Share of visits (%)", "zh": "占走访次数比例（%）"},
    "knocked_axis_findings": {"en": "Visits with the finding", "zh": "有该发现的走访（次）"},
    "knocked_axis_worker_days": {"en": "Worker-days (log scale)", "zh": "人·天（对数刻度）"},
    "knocked_axis_per_worker_day": {
        "en": "Households knocked by one worker in a day",
        "zh": "一名人员一天敲门户数（户）",
    },
    "knocked_axis_workers": {"en": "Workers", "zh": "人数（人）"},
    # series and columns
    "knocked_knocked": {"en": "Knocked", "zh": "敲门户数"},
    "knocked_avg7": {"en": "7-day average", "zh": "近7日日均"},
    "knocked_first_visits": {"en": "First visits", "zh": "首次走访"},
    "knocked_revisits": {"en": "Revisits", "zh": "再次走访"},
    "knocked_newly_covered": {"en": "Newly covered", "zh": "新增覆盖"},
    "knocked_covered": {"en": "Covered to date", "zh": "累计覆盖"},
    "knocked_registered": {"en": "Registered households", "zh": "登记户数"},
    "knocked_target": {"en": "Target ({target})", "zh": "目标（{target}）"},
    "knocked_coverage": {"en": "Coverage (%)", "zh": "覆盖率（%）"},
    "knocked_visits": {"en": "Visits", "zh": "走访次数"},
    "knocked_household_days": {"en": "Household-days knocked", "zh": "敲门户次"},
    **dimensions.OUTCOMES.labels(),
    "knocked_share_of": {"en": "{what} (%)", "zh": "{what}（%）"},
    "knocked_returnees": {"en": "Returnees from outside", "zh": "外地返回"},
    "knocked_yellow": {"en": "Yellow codes", "zh": "黄码"},
    "knocked_red": {"en": "Red codes", "zh": "红码"},
    "knocked_followups": {"en": "Follow-ups needed", "zh": "需跟进"},
    "knocked_flagged": {"en": "Flagged", "zh": "新增待跟进"},
    "knocked_cleared": {"en": "Cleared", "zh": "已跟进"},
    "knocked_awaiting": {"en": "Awaiting follow-up", "zh": "待跟进户数"},
    "knocked_oldest_flagged": {"en": "Oldest flagged on", "zh": "最早标记日期"},
    "knocked_household": {"en": "Household", "zh": "户编号"},
    "knocked_flagged_day": {"en": "Flagged on", "zh": "标记日期"},
    "knocked_days_waiting": {"en": "Days waiting", "zh": "等待天数"},
    "knocked_followups_caption": {
        "en": "A household awaits follow-up when its latest visit up to the end of the day flagged a "
        "follow-up; a later visit without the flag clears it. Longest waiting first; no addresses.",
        "zh": "截至当日结束，最近一次走访标记为需跟进的户即为待跟进户；之后的走访不再标记即视为已跟进。"
        "按等待时间由长到短排列，不含地址。",
    },
    "knocked_worker": {"en": "Worker", "zh": "人员编号"},
    "knocked_role": {"en": "Role", "zh": "身份"},
    "knocked_role_micro_grid_worker": {"en": "micro-grid worker", "zh": "微网格员"},
    "knocked_role_grid_secretary": {"en": "grid secretary", "zh": "网格书记"},
    "knocked_role_volunteer": {"en": "volunteer", "zh": "志愿者"},
    "knocked_households_per_day": {"en": "Households knocked in the day", "zh": "当日敲门户数"},
    "knocked_worker_days": {"en": "Worker-days", "zh": "人·天"},
    "knocked_benchmark": {"en": "Article's busy day: {n} households", "zh": "报道中的忙碌一天：{n}户"},
    "knocked_mean": {"en": "Mean per worker-day", "zh": "人均每日户数"},
    "knocked_median": {"en": "Median per worker-day", "zh": "人均每日中位数"},
    "knocked_p90": {"en": "90th percentile", "zh": "90%分位数"},
    "knocked_max": {"en": "Busiest worker-day", "zh": "单人单日最多"},
    "knocked_at_benchmark": {"en": "Worker-days ≥ {n}", "zh": "单日≥{n}户的人·天"},
    "knocked_busiest": {"en": "Busiest worker-days", "zh": "单日敲门最多的人员"},
    "knocked_idle_days": {"en": "No visit for at least (days)", "zh": "连续无走访天数不少于"},
    "knocked_idle": {"en": "Idle workers", "zh": "无走访人员"},
    "knocked_workers": {"en": "Workers", "zh": "人员数"},
    "knocked_idle_share": {"en": "Idle share (%)", "zh": "无走访占比（%）"},
    "knocked_last_visit": {"en": "Last visit", "zh": "最近走访日期"},
    "knocked_days_since": {"en": "Days since", "zh": "距今天数"},
    "knocked_idle_caption": {
        "en": "{idle} of {workers} workers made no visit in the {days} days up to {day} "
        "({never} never visited). A worker belongs to the street of their micro-grid.",
        "zh": "{workers}名人员中有{idle}名在截至{day}的{days}天内没有走访（其中{never}名从未走访）。"
        "人员按所在微网格归属街道。",
    },
    "knocked_distribution_caption": {
        "en": "Each bar counts worker-days: one worker on one day with at least one visit. "
        "The red line marks the article's busy day (a grid secretary knocked {n} households).",
        "zh": "每根柱为“人·天”数：一名人员在有走访的一天。红线为报道中的忙碌一天（一位网格书记一天敲门{n}户）。",
    },
}
