"""Small Streamlit building blocks the pages share: downloads, and a chart with its table behind it."""

import io
import re

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from knockboard import audit, privacy


def _file_stem(name: str) -> str:
    return re.sub(r"[^\w.-]+", "-", name).strip("-") or "table"


def excel_bytes(df: pd.DataFrame, sheet: str = "data") -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        df.to_excel(writer, index=False, sheet_name=sheet[:31])
    return buffer.getvalue()


def csv_bytes(df: pd.DataFrame) -> bytes:
    # UTF-8 with a BOM: Excel on Chinese Windows then opens the Chinese headers correctly.
    return df.to_csv(index=False).encode("utf-8-sig")


def exported(ctx, df: pd.DataFrame, name: str, file_format: str, small_cells: tuple | None = None) -> pd.DataFrame:
    """The table as it leaves the app, recorded in the audit trail. Personal columns are already
    masked (Context.q). A table of areas below grid level passes `small_cells` = (its households
    column, the columns naming the area): small areas are withheld unless the user may see personal data."""
    if small_cells and not ctx.user.sees_personal_data:
        df = privacy.suppress_small_cells(df, small_cells[0], ctx.small_cell, small_cells[1])
    audit.record("export", ctx.user.name, what=name, format=file_format, rows=len(df), street=ctx.street,
                 day=ctx.day, masked=not ctx.user.sees_personal_data)
    return df


def downloads(ctx, df: pd.DataFrame, name: str, excel: bool = True, small_cells: tuple | None = None) -> None:
    """CSV (and Excel) downloads of a table, headers as shown (so Chinese in Chinese mode)."""
    stem = f"{_file_stem(name)}-{ctx.day.isoformat()}"
    with st.container(horizontal=True):
        # callables: the file is made (and the export recorded) when clicked, not on every rerun
        st.download_button(ctx.t("download_csv"), lambda: csv_bytes(exported(ctx, df, name, "csv", small_cells)),
                           file_name=f"{stem}.csv", mime="text/csv", key=f"csv-{name}", on_click="ignore")
        if excel:
            st.download_button(ctx.t("download_xlsx"),
                               lambda: excel_bytes(exported(ctx, df, name, "xlsx", small_cells)),
                               file_name=f"{stem}.xlsx",
                               mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                               key=f"xlsx-{name}", on_click="ignore")


def uploader_in_chinese(ctx, key: str) -> None:
    """Streamlit's file uploader says "Upload" and "50MB per file" in English whatever the language.
    In Chinese, CSS puts Chinese words in their place (the label above already names the types and
    the limit). Tied to Streamlit's markup: check it when upgrading Streamlit."""
    if ctx.lang != "zh":
        return
    box = f'.st-key-{key} [data-testid="stFileUploaderDropzone"]'
    st.html(f"""<style>
{box} button [data-testid="stMarkdownContainer"] p {{ font-size: 0; }}
{box} button [data-testid="stMarkdownContainer"] p::after {{ content: "{ctx.t('upload_button')}"; font-size: 0.875rem; }}
{box} [data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
{box} [data-testid="stFileUploaderDropzoneInstructions"] span::after {{ content: "{ctx.t('upload_hint')}"; font-size: 0.875rem; }}
</style>""")


def chart_with_table(ctx, fig: go.Figure, table: pd.DataFrame, name: str) -> None:
    """A chart, and under it (folded) the table it was drawn from, downloadable."""
    st.plotly_chart(fig, width="stretch", key=f"chart-{name}")
    with st.expander(ctx.t("table_behind_chart")):
        st.dataframe(table, hide_index=True, width="stretch")
        downloads(ctx, table, name)
