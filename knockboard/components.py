"""Small Streamlit building blocks the pages share: downloads, and a chart with its table behind it."""

import datetime as dt
import io
import re

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from knockboard import audit, privacy


def _file_stem(name: str) -> str:
    return re.sub(r"[^\w.-]+", "-", name).strip("-") or "table"


# OWASP (CSV injection): a text cell starting with one of these is read as a formula by spreadsheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value):
    """A text value as it may leave the app: one a spreadsheet would read as a formula gets a
    leading single quote (the rest of its text unchanged); anything else, numbers included, as is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def inert_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Every text cell and header of a table made inert (see `inert`); number columns untouched."""
    out = df.copy()
    out.columns = [inert(c) for c in out.columns]
    for i in range(out.shape[1]):
        if not pd.api.types.is_numeric_dtype(out.iloc[:, i]) and not pd.api.types.is_datetime64_any_dtype(
            out.iloc[:, i]
        ):
            out.isetitem(i, out.iloc[:, i].map(inert))
    return out


def excel_bytes(
    df: pd.DataFrame, sheet: str = "data", context: list[tuple[str, str]] | None = None, context_sheet: str = "about"
) -> bytes:
    """The table as an Excel workbook, its context (scope, day, filters…) on a second sheet."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        inert_frame(df).to_excel(writer, index=False, sheet_name=sheet[:31])
        if context:
            inert_frame(pd.DataFrame(context)).to_excel(
                writer, index=False, header=False, sheet_name=context_sheet[:31]
            )
    return buffer.getvalue()


def csv_bytes(df: pd.DataFrame, context: list[tuple[str, str]] | None = None) -> bytes:
    """The table as CSV; its context (scope, day, filters…) first, one `label,value` line each,
    then an empty line, then the table. UTF-8 with a BOM: Excel on Chinese Windows then opens the
    Chinese headers correctly."""
    # CRLF line ends: a carriage return inside a value is then quoted, not taken for a new row
    head = (
        inert_frame(pd.DataFrame(context)).to_csv(index=False, header=False, lineterminator="\r\n") + "\r\n"
        if context
        else ""
    )
    return (head + inert_frame(df).to_csv(index=False, lineterminator="\r\n")).encode("utf-8-sig")


def export_context(ctx, filters: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """What an exported table is about: scope, report day, filters, how fresh the data is, when made."""
    rows = [(ctx.t("export_scope"), ctx.area_label), (ctx.t("export_report_day"), ctx.day.isoformat())]
    rows += [(f"{ctx.t('export_filter')}: {k}", str(v)) for k, v in (filters or {}).items()]
    rows += [
        (ctx.t("export_data_up_to"), ctx.latest_day.isoformat()),
        (ctx.t("export_made_at"), dt.datetime.now().strftime("%Y-%m-%d %H:%M")),
    ]
    return rows


def file_name(ctx, name: str, extension: str) -> str:
    """What the table is, for which area and day: `gaps-grid-S01-2022-03-21.csv`."""
    return f"{_file_stem(name)}-{ctx.street or 'district'}-{ctx.day.isoformat()}.{extension}"


def exported(ctx, df: pd.DataFrame, name: str, file_format: str, small_cells: tuple | None = None) -> pd.DataFrame:
    """The table as it leaves the app, recorded in the audit trail. Personal columns are already
    masked (Context.q). A table of areas below grid level passes `small_cells` = (its households
    column, the columns naming the area): small areas are withheld unless the user may see personal data."""
    if small_cells and not ctx.user.sees_personal_data:
        df = privacy.suppress_small_cells(df, small_cells[0], ctx.small_cell, small_cells[1])
    audit.record(
        "export",
        ctx.user.name,
        what=name,
        format=file_format,
        rows=len(df),
        street=ctx.street,
        day=ctx.day,
        masked=not ctx.user.sees_personal_data,
    )
    return df


def downloads(
    ctx,
    df: pd.DataFrame,
    name: str,
    excel: bool = True,
    small_cells: tuple | None = None,
    filters: dict[str, str] | None = None,
) -> None:
    """CSV (and Excel) downloads of a table, headers as shown (so Chinese in Chinese mode), with
    its context (export_context; `filters`: the page's choices that shaped it, label → value) inside
    the file and scope and day in its name. The only way a table leaves the app: Streamlit's own
    table toolbar download is off (client.disableDataExport)."""
    context = export_context(ctx, filters)
    sheet = ctx.t("export_context_sheet")
    with st.container(horizontal=True):
        # callables: the file is made (and the export recorded) when clicked, not on every rerun
        st.download_button(
            ctx.t("download_csv"),
            lambda: csv_bytes(exported(ctx, df, name, "csv", small_cells), context),
            file_name=file_name(ctx, name, "csv"),
            mime="text/csv",
            key=f"csv-{name}",
            on_click="ignore",
        )
        if excel:
            st.download_button(
                ctx.t("download_xlsx"),
                lambda: excel_bytes(exported(ctx, df, name, "xlsx", small_cells), context=context, context_sheet=sheet),
                file_name=file_name(ctx, name, "xlsx"),
                mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                key=f"xlsx-{name}",
                on_click="ignore",
            )


def table(ctx, df, **options) -> None:
    """A table as every page shows it (st.dataframe, index hidden, full width); a table without rows
    is said in words instead: Streamlit's empty grid says "empty" in English whatever the language."""
    rows = df if isinstance(df, pd.DataFrame) else df.data  # a DataFrame or its Styler
    if len(rows) == 0:
        st.info(ctx.t("no_rows"))
        return
    options.setdefault("hide_index", True)
    options.setdefault("width", "stretch")
    st.dataframe(df, **options)


def uploader_in_chinese(ctx, key: str) -> None:
    """Streamlit's file uploader says "Upload" and "50MB per file" in English whatever the language.
    In Chinese, CSS puts Chinese words in their place (the label above already names the types and
    the limit). Tied to Streamlit's markup: check it when upgrading Streamlit."""
    if ctx.lang != "zh":
        return
    box = f'.st-key-{key} [data-testid="stFileUploaderDropzone"]'
    st.html(f"""<style>
{box} button [data-testid="stMarkdownContainer"] p {{ font-size: 0; }}
{box} button [data-testid="stMarkdownContainer"] p::after {{ content: "{ctx.t("upload_button")}"; font-size: 0.875rem; }}
{box} [data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
{box} [data-testid="stFileUploaderDropzoneInstructions"] span::after {{ content: "{ctx.t("upload_hint")}"; font-size: 0.875rem; }}
</style>""")


# How pages read on a screen, wide or a phone's (390 px). Streamlit tells a page nothing of the
# screen's width, so the layout that depends on it is CSS: media queries on keyed containers. Tied
# to Streamlit's markup (stElementContainer in a horizontal block): check it when upgrading Streamlit.
PHONE_MAX_WIDTH = 640  # px: Streamlit stacks st.columns below this width too
SCREEN_CSS = f"""<style>
/* headline cards: the briefing's five to a row, the gaps' four; two to a row on a phone */
.st-key-briefing_cards > [data-testid="stElementContainer"] {{
  flex: 0 0 calc((100% - 4 * 1rem) / 5); min-width: 0; }}
.st-key-gaps_cards > [data-testid="stElementContainer"] {{ flex: 1 1 0; min-width: 0; }}
/* wide screens: the page's side margins narrower than Streamlit's 5rem, so wide tables show whole */
@media (min-width: {PHONE_MAX_WIDTH + 1}px) {{
  [data-testid="stMainBlockContainer"] {{ padding-left: 2.5rem; padding-right: 2.5rem; }}
}}
@media (max-width: {PHONE_MAX_WIDTH}px) {{
  .st-key-briefing_cards > [data-testid="stElementContainer"],
  .st-key-gaps_cards > [data-testid="stElementContainer"] {{ flex: 0 0 calc((100% - 1rem) / 2); }}
  /* a card half a phone wide: its label wraps rather than ending in "…" */
  .st-key-briefing_cards [data-testid="stMetricLabel"] *, .st-key-gaps_cards [data-testid="stMetricLabel"] * {{
    white-space: normal !important; text-overflow: clip !important; overflow: visible !important; }}
}}
</style>"""


def on_a_phone() -> bool:
    """Whether the browser says it is a phone's (its User-Agent names a mobile browser): for what
    CSS cannot do, such as the map's zoom. Tablets and desktops say no."""
    from knockboard import signin

    agent = next((v for k, v in signin.request_headers().items() if k.lower() == "user-agent"), "") or ""
    return bool(re.search(r"Mobi|iPhone|iPod|Android.*Mobile|Windows Phone", agent))


# Plotly's toolbar without its "Download plot as a PNG": no way out of the app but the audited downloads.
CHART_CONFIG = {"modeBarButtonsToRemove": ["toImage"], "displaylogo": False}


def chart(fig: go.Figure, key: str | None = None) -> None:
    """A plotly chart as every page draws it: full width, its toolbar without a download."""
    st.plotly_chart(fig, width="stretch", key=key, config=CHART_CONFIG)


def chart_with_table(ctx, fig: go.Figure, data: pd.DataFrame, name: str, filters: dict[str, str] | None = None) -> None:
    """A chart, and under it (folded) the table it was drawn from, downloadable."""
    chart(fig, key=f"chart-{name}")
    with st.expander(ctx.t("table_behind_chart")):
        table(ctx, data)
        downloads(ctx, data, name, filters=filters)
