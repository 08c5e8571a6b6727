"""Users and audit (用户与审计): administrators see who may sign in, with which role and street,
and the audit trail: sign-ins, refusals, "not permitted", exports."""

import pandas as pd
import streamlit as st

from knockboard import audit, components, i18n, signin
from knockboard.app import page_context

ctx = page_context()
settings = signin.settings()

st.title(ctx.t("users_title"))
st.caption(ctx.t("users_intro", path=settings.path or "access.toml", mode=settings.mode))

st.subheader(ctx.t("users_accounts"))
accounts = pd.DataFrame(
    [
        {
            ctx.t("users_col_user"): user.name,
            ctx.t("users_col_display"): user.display_name or "",
            ctx.t("users_col_role"): ctx.t(f"role_{user.role}"),
            ctx.t("users_col_street"): ctx.street_label(user.street),
            ctx.t("users_col_password"): "✓" if password else "",
        }
        for user, password in settings.users.values()
    ]
)
if accounts.empty:
    st.info(ctx.t("users_none"))
else:
    components.table(ctx, accounts)

st.subheader(ctx.t("users_audit"))
recent = audit.recent()


def event_name(event: str) -> str:
    key = f"audit_event_{event}"
    return ctx.t(key) if key in i18n.TEXT else event


def placeholder(options) -> str:
    """Streamlit's own "Choose options" / "No options to select" are English only."""
    return ctx.t("users_choose" if len(options) else "users_nothing_to_choose")


with st.container(horizontal=True):
    kinds = sorted(recent["event"].dropna().unique())
    events = st.multiselect(
        ctx.t("users_filter_events"), kinds, key="users_events", format_func=event_name, placeholder=placeholder(kinds)
    )
    names = sorted(recent["user"].dropna().unique())
    who = st.multiselect(ctx.t("users_filter_users"), names, key="users_who", placeholder=placeholder(names))
shown = audit.only(recent, events, who)
trail = pd.DataFrame(
    {
        ctx.t("users_col_at"): shown["at"],
        ctx.t("users_col_event"): shown["event"].map(event_name),
        ctx.t("users_col_user"): shown["user"],
        ctx.t("users_col_details"): [audit.describe(f, ctx.lang) for f in shown["fields"]],
    }
)
components.table(ctx, trail)
components.downloads(ctx, trail, "audit-trail")
