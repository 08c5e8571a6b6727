"""Labels of sign-in, roles, "not permitted" and the users page."""

TEXT = {
    "signin_title": {"en": "Sign in to Knockboard", "zh": "登录敲门看板"},
    "signin_intro": {
        "en": "Household addresses and volunteers' names are personal data: sign in to continue.",
        "zh": "本系统含住户地址、志愿者姓名等个人信息，请先登录。",
    },
    "signin_user": {"en": "User name", "zh": "用户名"},
    "signin_password": {"en": "Password", "zh": "密码"},
    "signin_button": {"en": "Sign in", "zh": "登录"},
    "signin_refused": {"en": "Unknown user or wrong password.", "zh": "用户名或密码错误。"},
    "signin_locked": {
        "en": "Too many failed tries for this user: wait {minutes} minutes and try again.",
        "zh": "该用户登录失败次数过多，请 {minutes} 分钟后再试。",
    },
    "signin_oidc_button": {"en": "Sign in with the district's identity service", "zh": "使用统一身份认证登录"},
    "signin_untrusted_proxy": {
        "en": "Refused: this request did not come through the configured sign-in proxy ({address}).",
        "zh": "拒绝访问：该请求并非来自已配置的登录代理（{address}）。",
    },
    "signin_no_header": {
        "en": "Refused: the sign-in proxy did not say who you are (header {header} missing).",
        "zh": "拒绝访问：登录代理未提供用户身份（缺少请求头 {header}）。",
    },
    "signin_no_role": {
        "en": "You are signed in as {user}, but this dashboard has no role for you. Ask the administrator to add you.",
        "zh": "您已登录为 {user}，但本系统尚未为您分配角色，请联系管理员。",
    },
    "signin_open_not_local": {
        "en": "Refused: no sign-in is configured, so Knockboard only serves the computer it runs on. "
        "Configure sign-in (access.toml, see README) before serving it to others.",
        "zh": "拒绝访问：尚未配置登录，敲门看板只对本机开放。对外提供服务前请先配置登录（access.toml，见 README）。",
    },
    "signin_config_error": {
        "en": "The access settings are wrong, so nobody can sign in: {error}",
        "zh": "访问配置有误，暂时无法登录：{error}",
    },
    "open_mode_note": {
        "en": "🔓 Open mode: no sign-in is configured; only this computer can reach the dashboard.",
        "zh": "🔓 开放模式：未配置登录，仅本机可以访问。",
    },
    "signed_in_as": {"en": "Signed in as **{user}** · {role}", "zh": "当前用户 **{user}** · {role}"},
    "sign_out": {"en": "Sign out", "zh": "退出登录"},
    "role_leader": {"en": "leader", "zh": "领导"},
    "role_analyst": {"en": "analyst", "zh": "分析员"},
    "role_clerk": {"en": "data clerk", "zh": "数据录入员"},
    "role_admin": {"en": "administrator", "zh": "管理员"},
    "role_scope": {"en": "{role}, {street}", "zh": "{role}（{street}）"},
    # a URL value that cannot be honoured: which value, why, and what is shown instead
    "url_day_not_a_date": {
        "en": "The link asks for the day “{value}”, which is not a date (YYYY-MM-DD): showing {shown} instead.",
        "zh": "链接中的日期“{value}”不是有效日期（应为 YYYY-MM-DD），现显示 {shown}。",
    },
    "url_day_no_data": {
        "en": "The link asks for {value}, but there is no data for that day (the data runs "
        "from {first} to {latest}): showing {shown} instead.",
        "zh": "链接要求显示 {value}，但当天没有数据（数据范围为 {first} 至 {latest}），现显示 {shown}。",
    },
    "url_street_unknown": {
        "en": "The link asks for the street “{value}”, which is not in the store: showing {shown} instead.",
        "zh": "链接中的街道“{value}”不在数据库中，现显示{shown}。",
    },
    "url_lang_unknown": {
        "en": "The link asks for the language “{value}”, which Knockboard does not have (zh, en): showing {shown}.",
        "zh": "链接中的语言“{value}”不受支持（可选 zh、en），现显示{shown}。",
    },
    "url_control_unknown": {
        "en": "The link sets “{control}” to “{value}”, which it cannot take: showing {shown} instead.",
        "zh": "链接将“{control}”设为“{value}”，该值无效：现显示{shown}。",
    },
    "url_area_unknown": {
        "en": "The link asks for the area “{value}” (a community, grid or micro-grid), which "
        "is not in the store: showing {shown} instead.",
        "zh": "链接中的区域“{value}”（社区、网格或微网格）不在数据库中，现显示{shown}。",
    },
    "url_area_other_street": {
        "en": "The link asks for {area} ({value}) within {street}, but it belongs to "
        "{its_street}: showing {street} instead.",
        "zh": "链接要求在{street}中显示{area}（{value}），但该区域属于{its_street}，现显示{street}。",
    },
    "not_permitted": {
        "en": "Not permitted: {what} is outside what your account may see.",
        "zh": "无权访问：{what}超出了您账户的查看范围。",
    },
    "no_data_in_scope": {
        "en": "There is no data for your street {street} in the store yet (or the street is "
        "not in it: ask the administrator to check your account).",
        "zh": "数据库中还没有您所在街道 {street} 的数据（或该街道不存在，请联系管理员核对您的账户）。",
    },
    "not_permitted_page": {"en": "this page", "zh": "该页面"},
    "back_to_my_street": {"en": "Back to {street}", "zh": "返回{street}"},
    "masked_note": {
        "en": "Addresses and names are masked; exports withhold areas below grid level with fewer than {k} households.",
        "zh": "地址和姓名已脱敏；导出时，网格以下少于 {k} 户的区域不显示数字。",
    },
    "page_users": {"en": "Users and audit", "zh": "用户与审计"},
    "users_title": {"en": "Users and audit trail", "zh": "用户与审计记录"},
    "users_intro": {
        "en": "Accounts come from the access file ({path}); sign-in mode: {mode}. "
        "Add a user there; `python -m knockboard hash-password` makes a password hash.",
        "zh": "账户来自访问配置文件（{path}）；登录方式：{mode}。在该文件中添加用户；"
        "`python -m knockboard hash-password` 可生成密码哈希。",
    },
    "users_accounts": {"en": "Accounts", "zh": "账户"},
    "users_audit": {"en": "Audit trail (newest first)", "zh": "审计记录（最新在前）"},
    "users_col_user": {"en": "User", "zh": "用户"},
    "users_col_display": {"en": "Name", "zh": "姓名"},
    "users_col_role": {"en": "Role", "zh": "角色"},
    "users_col_street": {"en": "Street", "zh": "街道"},
    "users_col_password": {"en": "Password set", "zh": "已设密码"},
    "users_filter_events": {"en": "Events", "zh": "事件类型"},
    "users_filter_users": {"en": "Users", "zh": "用户"},
    "users_col_at": {"en": "When", "zh": "时间"},
    "users_col_event": {"en": "Event", "zh": "事件"},
    "users_col_details": {"en": "Details", "zh": "详情"},
    "users_choose": {"en": "Choose", "zh": "请选择"},
    "users_nothing_to_choose": {"en": "Nothing recorded yet", "zh": "暂无记录"},
    # the audit trail in the reader's language
    "audit_event_export": {"en": "export", "zh": "导出"},
    "audit_event_load": {"en": "load", "zh": "导入"},
    "audit_event_undo": {"en": "undo", "zh": "撤销导入"},
    "audit_event_not_permitted": {"en": "not_permitted", "zh": "无权访问"},
    "audit_event_sign_in": {"en": "sign_in", "zh": "登录"},
    "audit_event_sign_in_refused": {"en": "sign_in_refused", "zh": "拒绝登录"},
    "audit_event_sign_out": {"en": "sign_out", "zh": "退出登录"},
    "audit_field_what": {"en": "what", "zh": "内容"},
    "audit_field_format": {"en": "format", "zh": "格式"},
    "audit_field_rows": {"en": "rows", "zh": "行数"},
    "audit_field_street": {"en": "street", "zh": "街道"},
    "audit_field_day": {"en": "day", "zh": "日期"},
    "audit_field_masked": {"en": "masked", "zh": "已脱敏"},
    "audit_field_file": {"en": "file", "zh": "文件"},
    "audit_field_table": {"en": "table", "zh": "数据表"},
    "audit_field_status": {"en": "status", "zh": "状态"},
    "audit_field_method": {"en": "method", "zh": "方式"},
    "audit_field_role": {"en": "role", "zh": "角色"},
    "audit_field_reason": {"en": "reason", "zh": "原因"},
    "audit_field_accepted": {"en": "accepted", "zh": "已导入行数"},
    "audit_field_refused": {"en": "refused", "zh": "拒绝行数"},
    "audit_yes": {"en": "True", "zh": "是"},
    "audit_no": {"en": "False", "zh": "否"},
    "audit_value_wrong_password": {"en": "wrong_password", "zh": "密码错误"},
    "audit_value_unknown_user": {"en": "unknown_user", "zh": "用户不存在"},
    "audit_value_locked": {"en": "locked", "zh": "已锁定"},
    "audit_value_local": {"en": "local", "zh": "本地账户"},
    "audit_value_session_cookie": {"en": "session_cookie", "zh": "会话保持"},
    "audit_value_loaded": {"en": "loaded", "zh": "已导入"},
    "audit_value_refused": {"en": "refused", "zh": "已拒绝"},
    "audit_value_unchanged": {"en": "unchanged", "zh": "未变化"},
    "audit_value_undone": {"en": "undone", "zh": "已撤销"},
    "audit_field_import_id": {"en": "import_id", "zh": "导入序号"},
    "audit_field_removed": {"en": "removed", "zh": "删除行数"},
    "audit_field_restored": {"en": "restored", "zh": "恢复行数"},
    "audit_field_via": {"en": "via", "zh": "途径"},
    "users_none": {
        "en": "No accounts: the dashboard runs open on this computer.",
        "zh": "暂无账户：系统以开放模式在本机运行。",
    },
}
