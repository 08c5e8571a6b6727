"""Labels of the briefing pushed to group robots (WeCom, DingTalk) and of the push audit records."""

TEXT: dict[str, dict[str, str]] = {
    "push_ranking_lowest": {"en": "Lowest coverage", "zh": "覆盖率最低"},
    "push_ranking_highest": {"en": "Highest coverage", "zh": "覆盖率最高"},
    "push_ranking_cut": {
        "en": "Ranking shortened to fit the robot's message limit: the full ranking is in the briefing.",
        "zh": "受机器人消息长度限制，排名已截短：完整排名见简报。",
    },
    "push_ranking_dropped": {
        "en": "Ranking left out to fit the robot's message limit: it is in the briefing.",
        "zh": "受机器人消息长度限制，未列出排名：请查看简报。",
    },
    "push_attention_more": {"en": "… and {n} more in the briefing.", "zh": "……另有{n}项，见简报。"},
    "push_open_briefing": {"en": "Open the briefing", "zh": "打开简报"},
    "push_no_change": {"en": "no day before", "zh": "无前一日"},
    # the audit trail (users page) in Chinese
    "audit_event_push": {"en": "push", "zh": "推送"},
    "audit_field_target": {"en": "target", "zh": "推送目标"},
    "audit_field_kind": {"en": "kind", "zh": "类型"},
    "audit_field_host": {"en": "host", "zh": "地址"},
    "audit_field_scope": {"en": "scope", "zh": "范围"},
    "audit_field_lang": {"en": "lang", "zh": "语言"},
    "audit_field_result": {"en": "result", "zh": "结果"},
    "audit_field_attempts": {"en": "attempts", "zh": "尝试次数"},
    "audit_field_error": {"en": "error", "zh": "错误"},
    "audit_field_ranking_cut": {"en": "ranking_cut", "zh": "排名已截短"},
    "audit_value_sent": {"en": "sent", "zh": "已发送"},
    "audit_value_failed": {"en": "failed", "zh": "发送失败"},
    "audit_value_no_data": {"en": "no_data", "zh": "无数据，未发送"},
    "audit_value_district": {"en": "district", "zh": "全区"},
}
