"""Labels of the coverage gaps page."""

TEXT: dict[str, dict[str, str]] = {
    "page_gaps": {"en": "Coverage gaps", "zh": "覆盖缺口"},
    "gaps_title": {"en": "Coverage gaps, {day}", "zh": "覆盖缺口 · {day}"},
    "gaps_caption": {
        "en": "{scope}. A gap is a {level} below the threshold, not visited for {days} days, "
        "or holding a material not-at-home backlog (at least {households} households and "
        "at least {share} of its registered households); ranked by households missing.",
        "zh": "{scope}。缺口指覆盖率低于阈值、连续{days}天未走访，或不在家待回访户较多"
        "（不少于{households}户且不少于登记户数的{share}）的{level}；按未覆盖户数排序。",
    },
    "gaps_backlog_min": {"en": "Backlog counts from (households)", "zh": "不在家户不少于（户）"},
    "gaps_backlog_share": {"en": "and from (% of registered)", "zh": "且不少于登记户数（%）"},
    "gaps_level": {"en": "Level", "zh": "层级"},
    "gaps_level_grid": {"en": "Grid", "zh": "网格"},
    "gaps_level_micro_grid": {"en": "Micro-grid", "zh": "微网格"},
    "gaps_threshold": {"en": "Coverage threshold (%)", "zh": "覆盖率阈值（%）"},
    "gaps_days": {"en": "Not visited for (days)", "zh": "连续未走访天数"},
    "gaps_community": {"en": "Community", "zh": "社区"},
    "gaps_all_communities": {"en": "All communities", "zh": "全部社区"},
    "gaps_signals_label": {"en": "Count as a gap", "zh": "计为缺口的情形"},
    "gaps_by_coverage": {"en": "below the threshold", "zh": "覆盖率低于阈值"},
    "gaps_by_days": {"en": "not visited lately", "zh": "近期未走访"},
    "gaps_by_backlog": {"en": "a material not-at-home backlog", "zh": "不在家待回访户较多"},
    "gaps_pick_street": {
        "en": "Micro-grids are listed one street at a time: choose a street in the sidebar.",
        "zh": "微网格按街道列出：请先在侧栏选择街道。",
    },
    "gaps_metric_gaps": {"en": "Gaps, of {units} {level}s", "zh": "缺口（共{units}个{level}）"},
    "gaps_metric_gaps_help": {
        "en": "The {level}s that need action by the signals chosen above.",
        "zh": "按上方所选情形需要处理的{level}数。",
    },
    "gaps_metric_needed_area": {"en": "{area}: to reach {threshold}", "zh": "{area}达标还需户数"},
    "gaps_metric_needed_area_help": {
        "en": "The households {area} itself still needs to cover to reach {threshold}: "
        "max(0, ⌈{threshold} × registered⌉ − covered). The same number wherever {area} is shown.",
        "zh": "{area}整体达到{threshold}仍需覆盖的户数：max(0, ⌈{threshold} × 登记户数⌉ − 已覆盖户数)。",
    },
    "gaps_metric_missing": {"en": "Missing, in these gaps", "zh": "未覆盖户数（缺口合计）"},
    "gaps_metric_missing_help": {
        "en": "Registered − covered, summed over the gaps listed below.",
        "zh": "登记户数 − 已覆盖户数，下表所列缺口合计。",
    },
    "gaps_metric_backlog": {"en": "Not at home, in these gaps", "zh": "不在家户数（缺口合计）"},
    "gaps_metric_backlog_help": {
        "en": "Households whose visits so far were all not at home or refused, summed over the gaps listed below.",
        "zh": "截至目前每次走访均不在家或拒绝的住户，下表所列缺口合计。",
    },
    "gaps_section_table": {"en": "Gaps, most households missing first", "zh": "缺口（按未覆盖户数排序）"},
    "gaps_table_help": {
        "en": "Households missing = registered − covered. Needed = households the unit "
        "itself still has to cover to reach the threshold. Click a column to sort; 🗺️ opens the map.",
        "zh": "未覆盖户数 = 登记户数 − 已覆盖户数；还需户数 = 该单元自身达到阈值仍需覆盖的户数。"
        "点击列名排序；🗺️ 打开地图。",
    },
    "gaps_open_map": {"en": "🗺️", "zh": "🗺️"},
    "gaps_section_heatmap": {"en": "Households knocked per day, top gap grids", "zh": "缺口网格每日敲门户数"},
    "gaps_heatmap_title": {
        "en": "Households knocked per day, last 3 weeks (top {n} gap grids)",
        "zh": "近3周每日敲门户数（前{n}个缺口网格）",
    },
    "gaps_heatmap_caption": {
        "en": "Blank rows are stalled grids: nobody has knocked there lately.",
        "zh": "空白的行即停滞网格：近期无人敲门。",
    },
    "gaps_axis_grid": {"en": "Grid", "zh": "网格"},
    "gaps_section_effort": {"en": "Where the effort goes", "zh": "力量投向"},
    "gaps_effort_caption": {
        "en": "Door-to-door screening volunteer hours per gap grid in the last {days} "
        "days, against its households missing. Red: gaps no one has worked.",
        "zh": "各缺口网格近{days}天入户排查志愿服务时长与未覆盖户数对比。红色：无人投入的缺口。",
    },
    "gaps_effort_title": {
        "en": "Door-to-door hours (last {days} days) against households missing",
        "zh": "入户排查时长（近{days}天）与未覆盖户数",
    },
    "gaps_axis_missing": {"en": "Households missing", "zh": "未覆盖户数"},
    "gaps_axis_hours": {"en": "Door-to-door hours", "zh": "入户排查时长（小时）"},
    "gaps_unworked": {"en": "No door-to-door hours", "zh": "无入户排查投入"},
    "gaps_worked": {"en": "Worked", "zh": "有投入"},
    "gaps_unworked_count": {
        "en": "{n} gap grids with households missing had no door-to-door hours in the last {days} days.",
        "zh": "{n}个有未覆盖户的缺口网格近{days}天无入户排查投入。",
    },
    "gaps_section_backlog": {"en": "Not-at-home backlog by micro-grid", "zh": "各微网格不在家待回访户"},
    "gaps_backlog_caption": {
        "en": "Households whose visits so far were all not at home or refused, with the attempts made and when.",
        "zh": "截至目前每次走访均不在家或拒绝的住户，以及走访次数和时间。",
    },
    "gaps_pick_micro_grid": {"en": "Households of micro-grid", "zh": "查看微网格住户"},
    "gaps_section_revisit": {"en": "Revisit plan by grid", "zh": "分网格回访计划"},
    "gaps_revisit_caption": {
        "en": "Backlog households per grid, attempts so far and the time of day they "
        "were made (morning before 12:00, afternoon 12:00–17:59, evening from 18:00).",
        "zh": "各网格待回访户数、已走访次数及走访时段（上午12:00前，下午12:00–17:59，晚上18:00后）。",
    },
    "gaps_hours_summary": {
        "en": "Doors open most at {best} ({best_rate} of visits met the household) and "
        "least at {worst} ({worst_rate}). {never} of {backlog} backlog households "
        "were never tried in the evening.",
        "zh": "{best}上门见面率最高（{best_rate}），{worst}最低（{worst_rate}）。"
        "{backlog}户待回访户中有{never}户从未在晚上上门。",
    },
    "gaps_hours_title": {"en": "When the doors that stay shut were tried", "zh": "待回访户的走访时段"},
    "gaps_axis_hour": {"en": "Hour of day", "zh": "时段（点）"},
    "gaps_axis_attempts": {"en": "Attempts", "zh": "走访次数"},
    "gaps_axis_met_rate": {"en": "Met (% of visits)", "zh": "见面率（%）"},
    "gaps_backlog_attempts": {"en": "Attempts on backlog households", "zh": "待回访户走访次数"},
    "gaps_met_rate": {"en": "Met rate, all visits", "zh": "全部走访见面率"},
    # signals, in words
    "gaps_no_households": {"en": "no households", "zh": "无登记户"},
    "gaps_signal_below": {"en": "below {threshold}", "zh": "低于{threshold}"},
    "gaps_signal_stale": {"en": "not visited for {days} days", "zh": "{days}天未走访"},
    "gaps_signal_never": {"en": "never visited", "zh": "从未走访"},
    "gaps_signal_backlog": {"en": "{n} not at home", "zh": "{n}户不在家"},
    "gaps_never": {"en": "never", "zh": "从未"},
    "gaps_yes": {"en": "yes", "zh": "是"},
    # columns
    "gaps_col_rank": {"en": "Rank", "zh": "排名"},
    "gaps_col_grid": {"en": "Grid", "zh": "网格"},
    "gaps_col_micro_grid": {"en": "Micro-grid", "zh": "微网格"},
    "gaps_col_community": {"en": "Community", "zh": "社区"},
    "gaps_col_missing": {"en": "Households missing", "zh": "未覆盖户数"},
    "gaps_col_needed": {"en": "Needed to reach threshold", "zh": "达标还需户数"},
    "gaps_col_coverage": {"en": "Coverage (%)", "zh": "覆盖率（%）"},
    "gaps_col_covered": {"en": "Covered", "zh": "已覆盖户数"},
    "gaps_col_registered": {"en": "Registered", "zh": "登记户数"},
    "gaps_col_backlog": {"en": "Not at home", "zh": "不在家户数"},
    "gaps_col_last_visit": {"en": "Last visit", "zh": "最近走访"},
    "gaps_col_signals": {"en": "Why it is a gap", "zh": "缺口原因"},
    "gaps_col_map": {"en": "Map", "zh": "地图"},
    # the gap table's headers on the page, short so that every column shows on a desktop (the full
    # header is the column's tooltip, and the exported file's header)
    "gaps_head_coverage": {"en": "Coverage", "zh": "覆盖率"},
    "gaps_head_missing": {"en": "Missing", "zh": "未覆盖户数"},
    "gaps_head_needed": {"en": "Needed", "zh": "达标还需户数"},
    "gaps_head_backlog": {"en": "Not home", "zh": "不在家户数"},
    "gaps_head_signals": {"en": "Why", "zh": "缺口原因"},
    "gaps_col_hours_recent": {"en": "Door-to-door hours, last {days} days", "zh": "近{days}天入户排查时长"},
    "gaps_col_shifts_recent": {"en": "Shifts, last {days} days", "zh": "近{days}天班次"},
    "gaps_col_hours_to_date": {"en": "Door-to-door hours to date", "zh": "累计入户排查时长"},
    "gaps_col_unworked": {"en": "No one working it", "zh": "无人投入"},
    "gaps_col_attempts": {"en": "Attempts", "zh": "走访次数"},
    "gaps_col_most_attempts": {"en": "Most on one household", "zh": "单户最多次数"},
    "gaps_col_households_3plus": {"en": "Tried 3+ times", "zh": "走访3次以上户数"},
    "gaps_col_first_tried": {"en": "First tried", "zh": "首次走访"},
    "gaps_col_last_tried": {"en": "Last tried", "zh": "最近走访"},
    "gaps_col_household": {"en": "Household", "zh": "户编号"},
    "gaps_col_address": {"en": "Address", "zh": "地址"},
    "gaps_col_refusals": {"en": "Refusals", "zh": "拒绝次数"},
    "gaps_col_hours": {"en": "Hours of the attempts", "zh": "走访时点"},
    "gaps_col_attempts_morning": {"en": "Morning attempts", "zh": "上午走访"},
    "gaps_col_attempts_afternoon": {"en": "Afternoon attempts", "zh": "下午走访"},
    "gaps_col_attempts_evening": {"en": "Evening attempts", "zh": "晚上走访"},
    "gaps_col_daytime_share": {"en": "Share of attempts before 18:00", "zh": "18点前走访占比"},
    "gaps_col_hour": {"en": "Hour of day", "zh": "时段（点）"},
    "gaps_col_backlog_attempts": {"en": "Attempts on backlog households", "zh": "待回访户走访次数"},
    "gaps_col_visits": {"en": "All visits", "zh": "全部走访次数"},
    "gaps_col_met_rate": {"en": "Met (% of visits, vacant excluded)", "zh": "见面率（%，不含空置）"},
    "gaps_col_never_evening": {"en": "Never tried in the evening", "zh": "从未晚上走访户数"},
}
