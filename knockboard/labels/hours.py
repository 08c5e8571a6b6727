"""Labels of the party-member hours page (党员志愿时长)."""

from knockboard import dimensions

TEXT: dict[str, dict[str, str]] = {
    "page_hours": {"en": "Party-member hours", "zh": "党员志愿时长"},
    "hours_title": {"en": "Party-member volunteer hours, {day}", "zh": "党员志愿时长 · {day}"},
    "hours_caption": {
        "en": "{scope} · totals from the first day of the campaign to the report day",
        "zh": "{scope} · 累计数为行动首日至报告日",
    },
    # headline cards (the article's figures)
    "hours_card_party_members": {"en": "Party members on duty", "zh": "在岗党员"},
    "hours_card_party_members_help": {
        "en": "Party-member volunteers with at least one shift up to the report day.",
        "zh": "截至报告日至少有一次值守记录的党员志愿者。",
    },
    "hours_card_teams": {"en": "Volunteer teams", "zh": "党员志愿服务队"},
    "hours_card_organ_members": {"en": "Organ party members", "zh": "机关党员"},
    "hours_card_organ_members_help": {
        "en": "Government-organ party members with at least one shift up to the report day.",
        "zh": "截至报告日至少有一次值守记录的机关党员。",
    },
    "hours_card_organ_hours": {"en": "Organ members' hours", "zh": "机关党员服务时长"},
    "hours_card_hours": {"en": "Hours to date", "zh": "累计服务时长"},
    "hours_card_hours_day": {"en": "Hours on the day", "zh": "当日服务时长"},
    "hours_card_active_day": {"en": "Volunteers on the day", "zh": "当日在岗志愿者"},
    # sections
    "hours_section_daily": {"en": "Hours per day", "zh": "每日服务时长"},
    "hours_section_posts": {"en": "Posts", "zh": "服务岗位"},
    "hours_section_orgs": {"en": "Organisations, streets and teams", "zh": "组织类型、街道与服务队"},
    "hours_section_people": {"en": "Volunteers", "zh": "志愿者"},
    "hours_section_checkpoint": {"en": "Checkpoint duty", "zh": "卡口执勤"},
    # chart titles
    "hours_chart_daily": {"en": "Hours and active volunteers per day", "zh": "每日服务时长与在岗志愿者"},
    "hours_chart_by_post": {"en": "Hours by post to date", "zh": "各岗位累计服务时长"},
    "hours_chart_by_post_daily": {"en": "Hours per day by post", "zh": "每日服务时长（按岗位）"},
    "hours_chart_by_org": {"en": "Hours by organisation type to date", "zh": "各类组织累计服务时长"},
    "hours_chart_by_unit": {"en": "Hours to date, {by}", "zh": "累计服务时长（{by}）"},
    "hours_chart_by_team": {
        "en": "The {n} teams with the most hours (of {total})",
        "zh": "服务时长最多的{n}支服务队（共{total}支）",
    },
    "hours_chart_joined": {"en": "New volunteers per day", "zh": "每日新加入志愿者"},
    "hours_chart_distribution": {"en": "Hours per volunteer to date", "zh": "志愿者人均累计时长分布"},
    "hours_chart_checkpoint": {"en": "Checkpoint hours and volunteers per day", "zh": "每日卡口执勤时长与人数"},
    "hours_chart_checkpoint_share": {
        "en": "Share of streets and grids with a checkpoint shift",
        "zh": "有卡口执勤的街道、网格占比",
    },
    # axis titles with units
    "hours_axis_hours": {"en": "Hours (h)", "zh": "时长（小时）"},
    "hours_axis_volunteers": {"en": "Volunteers", "zh": "人数（人）"},
    "hours_axis_hours_per_volunteer": {
        "en": "Hours per volunteer (h, bins of {bin} h)",
        "zh": "人均累计时长（小时，每{bin}小时一组）",
    },
    "hours_axis_share": {"en": "Share with a checkpoint shift (%)", "zh": "有卡口执勤的比例（%）"},
    "hours_axis_post": {"en": "Post", "zh": "岗位"},
    "hours_axis_org": {"en": "Organisation type", "zh": "组织类型"},
    "hours_axis_team": {"en": "Team", "zh": "服务队"},
    # the 8 posts and the 3 organisation types
    **dimensions.POSTS.labels(),
    **dimensions.ORG_TYPES.labels(),
    **dimensions.TEAM_KINDS.labels(),
    # series and columns
    "hours_hours": {"en": "Hours", "zh": "时长（小时）"},
    "hours_hours_day": {"en": "Hours on the day", "zh": "当日时长（小时）"},
    "hours_active": {"en": "Active volunteers", "zh": "在岗志愿者"},
    "hours_active_day": {"en": "Volunteers on the day", "zh": "当日在岗志愿者"},
    "hours_shifts": {"en": "Shifts", "zh": "班次"},
    "hours_share": {"en": "Share of hours (%)", "zh": "时长占比（%）"},
    "hours_post": {"en": "Post", "zh": "岗位"},
    "hours_org": {"en": "Organisation type", "zh": "组织类型"},
    "hours_volunteers": {"en": "Volunteers with a shift", "zh": "有值守记录的志愿者"},
    "hours_party_members": {"en": "Party members", "zh": "党员"},
    "hours_per_volunteer": {"en": "Hours per volunteer", "zh": "人均时长（小时）"},
    "hours_team": {"en": "Team", "zh": "服务队"},
    "hours_team_kind": {"en": "Kind", "zh": "类型"},
    "hours_joined": {"en": "Joined", "zh": "新加入"},
    "hours_joined_retired": {"en": "Joined, retired people", "zh": "其中退休人员"},
    "hours_joined_other": {"en": "Joined, not retired", "zh": "其中非退休人员"},
    "hours_joined_party": {"en": "Joined, party members", "zh": "其中党员"},
    "hours_joined_to_date": {"en": "Joined since the campaign began", "zh": "行动以来累计新加入"},
    "hours_joined_caption": {
        "en": "{n} volunteers joined during the campaign, {retired} of them retired people.",
        "zh": "行动期间新加入志愿者{n}名，其中退休人员{retired}名。",
    },
    "hours_idle_days": {"en": "No shift for at least (days)", "zh": "连续无值守天数不少于"},
    "hours_idle_caption": {
        "en": "{idle} of {volunteers} volunteers on the books had no shift in the {days} days up to {day} "
        "({never} never had one). A volunteer belongs to the street of their team. No names.",
        "zh": "在册志愿者{volunteers}名中有{idle}名在截至{day}的{days}天内没有值守（其中{never}名从未值守）。"
        "志愿者按所在服务队归属街道，不显示姓名。",
    },
    "hours_volunteer": {"en": "Volunteer", "zh": "志愿者编号"},
    "hours_party_member": {"en": "Party member", "zh": "党员"},
    "hours_retired": {"en": "Retired", "zh": "退休人员"},
    "hours_last_shift": {"en": "Last shift", "zh": "最近值守日期"},
    "hours_days_since": {"en": "Days since", "zh": "距今天数"},
    "hours_bin": {"en": "Hours to date (from)", "zh": "累计时长（起，小时）"},
    "hours_bin_to": {"en": "Hours to date (below)", "zh": "累计时长（止，小时）"},
    "hours_checkpoint_hours": {"en": "Checkpoint hours", "zh": "卡口执勤时长（小时）"},
    "hours_checkpoint_volunteers": {"en": "Checkpoint volunteers", "zh": "卡口执勤人数"},
    "hours_streets_covered": {"en": "Streets with a checkpoint shift", "zh": "有卡口执勤的街道"},
    "hours_streets_in_scope": {"en": "Streets", "zh": "街道数"},
    "hours_street_share": {"en": "Streets (%)", "zh": "街道占比（%）"},
    "hours_grids_covered": {"en": "Grids with a checkpoint shift", "zh": "有卡口执勤的网格"},
    "hours_grids_in_scope": {"en": "Grids", "zh": "网格数"},
    "hours_grid_share": {"en": "Grids (%)", "zh": "网格占比（%）"},
}
