"""Users and audit (用户与审计): administrators see who may sign in, with which role and street,
and the audit trail: sign-ins, refusals, "not permitted", exports."""

import pandas as pd
import streamlit as st

from knockboard import audit, components, signin
from knockboard.app import page_context

ctx = page_context()
settings = signin.settings()

st.title(ctx.t("users_title"))
st.caption(ctx.t("users_intro", path=settings.path or "access.toml", mode=settings.mode))

st.subheader(ctx.t("users_accounts"))
accounts = pd.DataFrame([{
    ctx.t("users_col_user"): user.name,
    ctx.t("users_col_display"): user.display_name or "",
    ctx.t("users_col_role"): ctx.t(f"role_{user.role}"),
    ctx.t("users_col_street"): ctx.street_label(user.street),
    ctx.t("users_col_password"): "✓" if password else "",
} for user, password in settings.users.values()])
if accounts.empty:
    st.info(ctx.t("users_none"))
else:
    st.dataframe(accounts, hide_index=True, width="stretch")

st.subheader(ctx.t("users_audit"))
recent = audit.recent()
with st.container(horizontal=True):
    events = st.multiselect(ctx.t("users_filter_events"), sorted(recent["event"].dropna().unique()), key="users_events")
    who = st.multiselect(ctx.t("users_filter_users"), sorted(recent["user"].dropna().unique()), key="users_who")
shown = audit.only(recent, events, who)
trail = shown.rename(columns={"at": ctx.t("users_col_at"), "event": ctx.t("users_col_event"),
                              "user": ctx.t("users_col_user"), "details": ctx.t("users_col_details")})
st.dataframe(trail, hide_index=True, width="stretch")
components.downloads(ctx, trail, "audit-trail")
