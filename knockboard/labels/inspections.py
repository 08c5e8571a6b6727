"""Labels of the inspections and closures page (检查与停业整顿)."""

from knockboard import dimensions

TEXT: dict[str, dict[str, str]] = {
    "page_inspections": {"en": "Inspections and closures", "zh": "检查与停业整顿"},
    "inspections_title": {"en": "Inspections and closures, {day}", "zh": "检查与停业整顿 · {day}"},
    "inspections_caption": {
        "en": "{scope} · a business is closed on a day when a suspension (停业整顿) covers it: "
        "from the inspection until the reopening day",
        "zh": "{scope} · 停业整顿商户：停业整顿期覆盖当日的商户（自检查之日起至复业之日止）",
    },
    "inspections_window": {"en": "From {start} to {day}.", "zh": "统计期间：{start}至{day}。"},
    # outcomes
    **dimensions.INSPECTION_OUTCOMES.labels(),
    "inspections_outcome_none": {"en": "Not inspected yet", "zh": "尚未检查"},
    # cards
    "inspections_card_inspections": {"en": "Inspections", "zh": "检查次数"},
    "inspections_card_failed": {"en": "Failed inspections", "zh": "未通过检查"},
    "inspections_card_suspended": {"en": "New suspensions", "zh": "新增停业整顿"},
    "inspections_card_closed": {"en": "Businesses closed", "zh": "停业整顿商户"},
    "inspections_card_repeat": {"en": "Repeat offenders", "zh": "多次未通过商户"},
    "inspections_card_rectify": {"en": "Awaiting re-inspection", "zh": "整改待复查商户"},
    "inspections_help_failed": {
        "en": "Inspections on the day with any outcome other than pass.",
        "zh": "当日检查结果为非合格（责令整改、停业整顿、罚款）的次数。",
    },
    "inspections_help_closed": {
        "en": "Businesses a suspension covers on the day: from the inspection until "
        "reopened_on, else until inspected_on + suspension days.",
        "zh": "停业整顿期覆盖当日的商户：自检查之日起，至复业日期；无复业日期的，至检查日期加停业天数。",
    },
    "inspections_help_repeat": {
        "en": "Businesses with more than one failed inspection up to the day.",
        "zh": "截至当日，检查未通过超过一次的商户。",
    },
    "inspections_help_rectify": {
        "en": "Businesses whose latest inspection up to the day ordered them to rectify.",
        "zh": "截至当日，最近一次检查结果为责令整改、尚未复查的商户。",
    },
    # map
    "inspections_section_map": {"en": "Businesses on {day}", "zh": "{day}商户状态分布"},
    "inspections_map_caption": {
        "en": "Each point is a business, coloured by its latest inspection outcome up to the "
        "day; businesses closed on the day are larger and red. Grey lines: street "
        "boundaries (synthetic). Hover a point for details.",
        "zh": "每个点为一家商户，颜色表示截至当日最近一次检查结果；当日停业整顿的商户以较大的红点标出。"
        "灰线为街道边界（模拟）。鼠标悬停可查看详情。",
    },
    "inspections_map_plain_note": {
        "en": "More than {limit} businesses in view: those that passed or were not inspected "
        "yet are plain dots without details. Choose a street to see every business's details.",
        "zh": "当前范围商户超过{limit}家：检查合格和尚未检查的商户仅以圆点显示、不提供详情。"
        "选择街道可查看每家商户的详情。",
    },
    "inspections_status_closed": {"en": "Closed on the day", "zh": "停业整顿中"},
    "inspections_status_pass": {"en": "Latest: pass", "zh": "最近一次：合格"},
    "inspections_status_rectify": {"en": "Latest: ordered to rectify", "zh": "最近一次：责令整改"},
    "inspections_status_fined": {"en": "Latest: fined", "zh": "最近一次：罚款"},
    "inspections_status_reopened": {"en": "Latest: suspended, reopened", "zh": "最近一次：停业整顿（已复业）"},
    "inspections_status_not_inspected": {"en": "Not inspected yet", "zh": "尚未检查"},
    "inspections_tip_category": {"en": "Category", "zh": "类别"},
    "inspections_tip_address": {"en": "Address", "zh": "地址"},
    "inspections_tip_outcome": {"en": "Latest outcome", "zh": "最近检查结果"},
    "inspections_tip_closed_until": {"en": "Closed until", "zh": "停业至"},
    "inspections_no_end": {"en": "no end set", "zh": "未定"},
    "inspections_not_set": {"en": "not set", "zh": "未定"},
    "inspections_uncategorised": {"en": "Uncategorised", "zh": "未分类"},
    "inspections_yes": {"en": "yes", "zh": "是"},
    # lists
    "inspections_section_closed": {"en": "Businesses closed on {day}", "zh": "{day}停业整顿商户"},
    "inspections_closed_caption": {
        "en": "The reason is what the inspection that suspended the business found. "
        "Reopens on: the day it reopened, else the end of the suspension, else no end set.",
        "zh": "停业原因为作出停业整顿决定的检查所发现的问题。复业日期：已复业的为复业日期，"
        "否则为停业期满之日；均无的为“未定”。",
    },
    "inspections_none_closed": {"en": "No business is closed on this day.", "zh": "当日没有停业整顿的商户。"},
    "inspections_section_repeat": {"en": "Repeat offenders", "zh": "多次未通过检查的商户"},
    "inspections_repeat_caption": {
        "en": "More than one failed inspection (any outcome other than pass) up to {day}.",
        "zh": "截至{day}，检查未通过（结果非合格）超过一次的商户。",
    },
    "inspections_none_repeat": {"en": "No business has failed more than once.", "zh": "没有检查未通过超过一次的商户。"},
    "inspections_section_rectify": {"en": "Ordered to rectify, not re-inspected yet", "zh": "责令整改、尚未复查的商户"},
    "inspections_rectify_caption": {
        "en": "Latest inspection up to {day} ordered the business to rectify; longest waiting first.",
        "zh": "截至{day}最近一次检查结果为责令整改；按等待时间由长到短排列。",
    },
    "inspections_none_rectify": {"en": "No business is waiting for a re-inspection.", "zh": "没有待复查的商户。"},
    "inspections_section_trend": {"en": "Over the campaign", "zh": "行动以来"},
    "inspections_section_breakdown": {"en": "Where, what and who", "zh": "分布：街道、业态、问题与检查单位"},
    # columns
    "inspections_col_business": {"en": "Business", "zh": "商户"},
    "inspections_col_category": {"en": "Category", "zh": "类别"},
    "inspections_col_street": {"en": "Street", "zh": "街道"},
    "inspections_col_address": {"en": "Address", "zh": "地址"},
    "inspections_col_inspected_on": {"en": "Inspected on", "zh": "检查日期"},
    "inspections_col_reason": {"en": "Reason (findings)", "zh": "停业原因（检查发现问题）"},
    "inspections_col_findings": {"en": "Findings", "zh": "检查发现问题"},
    "inspections_col_agencies": {"en": "Agencies", "zh": "检查单位"},
    "inspections_col_suspension_days": {"en": "Suspension (days)", "zh": "停业天数"},
    "inspections_col_closed_since": {"en": "Closed since", "zh": "停业起始日期"},
    "inspections_col_days_closed": {"en": "Days closed", "zh": "已停业天数"},
    "inspections_col_reopens": {"en": "Reopens on", "zh": "复业日期"},
    "inspections_col_reopened_early": {"en": "Reopened early", "zh": "提前复业"},
    "inspections_col_inspections": {"en": "Inspections", "zh": "检查次数"},
    "inspections_col_failed": {"en": "Failed", "zh": "未通过次数"},
    "inspections_col_failed_share": {"en": "Failed (%)", "zh": "未通过占比（%）"},
    "inspections_col_last_failed": {"en": "Last failed on", "zh": "最近未通过日期"},
    "inspections_col_latest": {"en": "Latest outcome", "zh": "最近检查结果"},
    "inspections_col_days_since": {"en": "Days waiting", "zh": "已等待天数"},
    "inspections_col_finding": {"en": "Finding", "zh": "检查发现问题"},
    "inspections_col_agency": {"en": "Agency", "zh": "检查单位"},
    "inspections_col_businesses": {"en": "Businesses", "zh": "商户数"},
    "inspections_col_businesses_inspected": {"en": "Businesses inspected", "zh": "受检商户数"},
    "inspections_col_closed_on_day": {"en": "Closed on the day", "zh": "当日停业整顿商户"},
    "inspections_col_day": {"en": "Day", "zh": "日期"},
    "inspections_col_closed_businesses": {"en": "Businesses closed", "zh": "停业整顿商户数"},
    # charts
    "inspections_chart_daily": {"en": "Inspections per day, by outcome", "zh": "每日检查次数（按检查结果）"},
    "inspections_chart_closed": {"en": "Businesses closed per day", "zh": "每日停业整顿商户数"},
    "inspections_chart_findings": {"en": "Findings most often recorded", "zh": "最常见的检查发现问题"},
    "inspections_chart_street": {"en": "Inspections by street, by outcome", "zh": "各街道检查次数（按检查结果）"},
    "inspections_chart_category": {
        "en": "Inspections by business category, by outcome",
        "zh": "各类商户检查次数（按检查结果）",
    },
    "inspections_chart_agencies": {"en": "Inspections each agency took part in", "zh": "各单位参与检查次数"},
    "inspections_axis_inspections": {"en": "Inspections", "zh": "检查次数"},
    "inspections_axis_businesses": {"en": "Businesses", "zh": "商户数"},
}


# English names of the business categories and inspecting agencies the store holds (the demo's and
# the usual ones); a name not listed is shown in Chinese only.
NAMES_EN = {
    "餐饮": "catering",
    "超市便利店": "supermarket / convenience store",
    "农贸市场": "farmers' market",
    "汽车销售": "car dealer",
    "宾馆酒店": "hotel",
    "美容美发": "beauty and hair salon",
    "娱乐场所": "entertainment venue",
    "药店": "pharmacy",
    "物流仓储": "logistics and warehousing",
    "区商务局": "District Commerce Bureau",
    "崇川区商务局": "District Commerce Bureau",
    "市场监督管理局": "Market Supervision Administration",
    "派出所": "police station",
    "街道办事处": "street office",
    "社区卫生服务中心": "community health centre",
    "综合行政执法局": "Administrative Enforcement Bureau",
    "区卫健委": "District Health Commission",
}
