"""Data (数据导入): street clerks load the day's field sheets and see at once what was refused and why."""

import streamlit as st

from knockboard import audit, components, data, i18n
from knockboard.app import page_context, served_store
from knockboard.config import max_upload_mb
from knockboard.loading import ORDER, TABLES
from knockboard.loading.isolated import load_served
from knockboard.loading.messages import summary
from knockboard.loading.templates import all_templates
from knockboard.loading.undo import Undone, undo_recorded

REPORTS_KEY = "data_reports"
UNDO_KEY = "data_undo_asked"  # the load whose undo waits for confirmation
BURST_MINUTES, BURST_DOORS, ALL_MET_DOORS = 10, 10, 20

ctx = page_context()
# a street clerk loads for their street; an administrator for the whole district (None)
load_street = ctx.load_street

st.title(ctx.t("data_title"))
st.caption(ctx.t("data_intro"))

submitted = files = None
if ctx.user.may_load:  # analysts see the page to check freshness and quality, but load nothing
    with st.form("data_upload", clear_on_submit=True):
        components.uploader_in_chinese(ctx, "data_files")
        files = st.file_uploader(
            ctx.t("data_files", limit=f"{max_upload_mb():g}"),
            type=["csv", "txt", "xlsx", "geojson", "json"],
            accept_multiple_files=True,
            key="data_files",
        )
        caption = data.upload_caption(load_street, ctx.street_label(load_street), ctx.lang)
        if caption:
            st.caption(caption)
        # a street clerk is offered only the tables whose rows belong to a street
        choices = [t for t in ORDER if load_street is None or TABLES[t].street_from]
        table = st.selectbox(
            ctx.t("data_table"),
            [None, *choices],
            key="data_table",
            format_func=lambda t: ctx.t("data_table_auto") if t is None else ctx.t(f"table_{t}"),
        )
        submitted = st.form_submit_button(ctx.t("data_load"), type="primary")

if submitted and files:
    reports = []
    for upload in files:
        size_mb = upload.size / 1_000_000
        if size_mb > max_upload_mb():
            reports.append(
                (
                    "error",
                    ctx.t(
                        "data_too_big", file=i18n.md(upload.name), size=f"{size_mb:.1f}", limit=f"{max_upload_mb():g}"
                    ),
                    None,
                )
            )
            continue
        # read apart (a child process, with time and memory budgets): other sessions keep being served
        report = load_served(
            served_store(ctx.path),
            upload.getvalue(),
            upload.name,
            table=table,
            street=load_street,
            loaded_by=ctx.user_name,
        )
        audit.record(
            "load",
            ctx.user_name,
            file=upload.name,
            table=report.table,
            status=report.status,
            accepted=report.accepted,
            refused=report.refused,
            street=load_street,
        )
        kind = {"loaded": "warning" if report.refused else "success", "unchanged": "info"}.get(report.status, "error")
        reports.append((kind, i18n.md(summary(report, ctx.lang)), report if report.refused else None))
    st.session_state[REPORTS_KEY] = reports
    st.rerun()  # the store changed: rerun so the sidebar and every number use the new data

for i, (kind, text, report) in enumerate(st.session_state.get(REPORTS_KEY, [])):
    getattr(st, kind)(text)
    if report is not None:
        if report.ignored_columns:
            st.caption(ctx.t("data_ignored_columns", columns=i18n.md(", ".join(report.ignored_columns))))
        refused = data.refused_rows(report, ctx.lang, masked=not ctx.user.sees_personal_data)
        st.dataframe(refused, hide_index=True, width="stretch")
        components.downloads(ctx, refused, f"rejects-{i}-{report.file_name}")

# businesses created from inspection sheets count in their street but cannot be mapped yet
needing_grid = ctx.q("businesses_needing_grid")
if len(needing_grid):
    st.subheader(ctx.t("data_new_businesses"))
    st.caption(ctx.t("data_new_businesses_intro"))
    st.dataframe(data.new_businesses(needing_grid, ctx.lang), hide_index=True, width="stretch")

with st.expander(ctx.t("data_templates")):
    st.caption(ctx.t("data_templates_intro"))
    with st.container(horizontal=True):
        for name, frame in all_templates(ctx.lang).items():
            st.download_button(
                ctx.t(f"table_{name}"),
                components.csv_bytes(frame),
                file_name=f"template-{name}-{ctx.lang}.csv",
                mime="text/csv",
                key=f"template-{name}",
                on_click="ignore",
            )

st.subheader(ctx.t("data_freshness"))
by_table, by_street, integrity, suspicious, recent = st.tabs(
    [
        ctx.t("data_by_table"),
        ctx.t("data_by_street"),
        ctx.t("data_integrity"),
        ctx.t("data_suspicious"),
        ctx.t("data_recent_imports"),
    ]
)
with by_table:
    components.table(ctx, data.by_table(ctx.q("table_freshness"), ctx.lang))
with by_street:
    components.table(ctx, data.by_street(ctx.q("street_freshness"), ctx.lang))
with integrity:
    components.table(ctx, data.integrity(ctx.q("integrity_checks"), ctx.lang))
with suspicious:
    st.caption(ctx.t("data_suspicious_intro", doors=BURST_DOORS, minutes=BURST_MINUTES, min_doors=ALL_MET_DOORS))
    flagged = data.suspicious(
        ctx.q("suspicious_bursts", day=ctx.day, minutes=BURST_MINUTES, doors=BURST_DOORS),
        ctx.q("suspicious_all_met", day=ctx.day, min_doors=ALL_MET_DOORS),
        ctx.lang,
    )
    if len(flagged):
        components.table(ctx, flagged)
        components.downloads(ctx, flagged, "suspicious-records")
    else:
        st.info(ctx.t("data_nothing"))
with recent:
    recent_imports = ctx.q("recent_imports", limit=20)
    components.table(ctx, data.imports(recent_imports, ctx.lang))
    if ctx.user.may_load:
        st.markdown(f"**{ctx.t('data_undo')}**")
        st.caption(ctx.t("data_undo_intro"))
        offered = data.undoable(recent_imports, load_street)
        if offered.empty:
            st.caption(ctx.t("data_undo_nothing"))
        else:
            options = {int(row.import_id): data.undo_option(row, ctx.lang) for row in offered.itertuples()}
            with st.container(horizontal=True, vertical_alignment="bottom"):
                picked = st.selectbox(
                    ctx.t("data_undo_pick"), list(options), format_func=options.get, key="data_undo_pick"
                )
                if st.button(ctx.t("data_undo_button"), key="data_undo_ask"):
                    st.session_state[UNDO_KEY] = picked
        asked = st.session_state.get(UNDO_KEY)
        if asked is not None:
            row = recent_imports[recent_imports["import_id"] == asked]
            file = row["file_name"].iloc[0] if len(row) else "?"
            rows = i18n.number(row["rows_accepted"].iloc[0]) if len(row) else "?"
            st.warning(ctx.t("data_undo_confirm", id=asked, file=i18n.md(file), rows=rows))
            with st.container(horizontal=True):
                confirmed = st.button(ctx.t("data_undo_yes"), key="data_undo_yes", type="primary")
                cancelled = st.button(ctx.t("data_undo_cancel"), key="data_undo_cancel")
            if confirmed or cancelled:
                del st.session_state[UNDO_KEY]
            if confirmed:
                outcome = undo_recorded(served_store(ctx.path), asked, ctx.user_name, street=load_street)
                kind = "success" if isinstance(outcome, Undone) else "error"
                st.session_state[REPORTS_KEY] = [(kind, i18n.md(outcome.text(ctx.lang)), None)]
            if confirmed or cancelled:
                st.rerun()  # the store changed (or the question is gone): every number afresh
