"""Load reports in words, in English or Chinese: one sentence per refused row or refused file."""

import pandas as pd

from knockboard import i18n
from knockboard.config import CAMPAIGN_START
from knockboard.loading.load import Report
from knockboard.loading.spec import TABLES


def column_label(table: str | None, column: str, lang: str) -> str:
    """A column as a clerk knows it: its Chinese header in Chinese, its canonical name in English."""
    spec = TABLES.get(table or "")
    if lang == "zh" and spec:
        aliases = (
            [a for a in spec.column(column).aliases if not a.isascii()]
            if column in {c.name for c in spec.columns}
            else []
        )
        if aliases:
            return f"{aliases[0]}（{column}）"
    return column


def column_both(table: str | None, column: str, lang: str) -> str:
    """A column in both its names, for a column the file lacks: 走访时间（visited_at） / visited_at (走访时间)."""
    spec = TABLES.get(table or "")
    chinese = (
        [a for a in spec.column(column).aliases if not a.isascii()]
        if spec and column in {c.name for c in spec.columns}
        else []
    )
    if not chinese:
        return column
    return f"{chinese[0]}（{column}）" if lang == "zh" else f"{column} ({chinese[0]})"


def table_label(table: str | None, lang: str) -> str:
    return i18n.t(f"table_{table}", lang) if table else "?"


def street_text(street_id, names: dict, lang: str) -> str:
    """A street as 乙 (S2) (English adds its pinyin name), or "no street" when there is none."""
    if street_id is None or (isinstance(street_id, float) and pd.isna(street_id)) or street_id == "":
        return i18n.t("data_no_street", lang)
    if street_id not in names:
        return str(street_id)
    return f"{i18n.place(*names[street_id], lang)} ({street_id})"


def reason_text(
    table: str,
    column: str,
    reason: str,
    value,
    lang: str,
    street: str | None = None,
    names: dict | None = None,
    detail=None,
) -> str:
    """A refusal in words. `street` and `names` (id -> (zh, en)): the loader's street and the streets
    the refusals name, for the refusals of a street clerk's load (whose value is the row's street)."""
    spec = TABLES[table]
    col = spec.column(column) if column in {c.name for c in spec.columns} else None
    values = {
        "column": column_label(table, column, lang),
        "value": "" if _empty(value) else value,
        "detail": "" if _empty(detail) else detail,
        "start": CAMPAIGN_START,
        "allowed": "",
        "low": "",
        "high": "",
        "parent": "",
    }
    if street is not None:
        values["street"] = street_text(street, names or {}, lang)
        values["belongs"] = street_text(value, names or {}, lang)
    if col is not None and col.values:
        values["allowed"] = " / ".join(f"{v} ({s[0]})" if s else v for v, s in col.values.items())
    if col is not None and col.low is not None:
        values["low"], values["high"] = i18n.number(col.low, 2 if col.low % 1 else 0), i18n.number(col.high)
    if col is not None and col.parent:
        values["parent"] = table_label(col.parent[0], lang)
    try:
        return i18n.t(f"reason_{reason}", lang, **values)
    except KeyError:
        return reason


def _empty(value) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA


def rejects_table(report: Report, lang: str) -> pd.DataFrame:
    """The refused rows of a report with their reasons in words, headers in the chosen language.
    A workbook's rows are named with their sheet (3月4日 5)."""
    r = report.rejects
    sheets = r["sheet"] if "sheet" in r.columns else pd.Series([None] * len(r), dtype=object)
    details = r["detail"] if "detail" in r.columns else pd.Series([None] * len(r), dtype=object)
    rows = [row if _empty(sheet) else f"{sheet} {row}" for sheet, row in zip(sheets, r.get("row", []))]
    return pd.DataFrame(
        {
            i18n.t("data_col_file", lang): report.file_name,
            i18n.t("data_col_row", lang): (rows if sheets.notna().any() else r["row"]) if len(r) else [],
            i18n.t("data_col_column", lang): [column_label(report.table, c, lang) for c in r.get("column", [])],
            i18n.t("data_col_value", lang): r["value"] if len(r) else [],
            i18n.t("data_col_reason", lang): [
                reason_text(report.table, c, why, v, lang, report.street, report.street_names, d)
                for c, why, v, d in zip(r.get("column", []), r.get("reason", []), r.get("value", []), details)
            ],
            i18n.t("data_col_row_text", lang): r["row_text"] if len(r) else [],
        }
    )


def _problem_details(report: Report, lang: str) -> dict:
    details = dict(report.problem.details)
    if "table" in details and details["table"] in TABLES:
        details["table"] = table_label(details["table"], lang)
    if "street" in details:
        details["street"] = street_text(details["street"], report.street_names, lang)
    if "columns" in details:
        details["columns"] = "、".join(
            column_both(report.problem.details.get("table"), c, lang) for c in details["columns"]
        )
    if "column" in details and report.problem.details.get("table", report.table) in TABLES:
        details["column"] = column_label(report.problem.details.get("table", report.table), details["column"], lang)
    if "headers" in details:
        details["headers"] = "、".join(details["headers"])
    return details


def notes_text(report: Report, lang: str) -> str:
    """The report's notes in words: sheets read or left out, values cleaned, businesses matched."""
    out = []
    for code, details in report.notes:
        details = dict(details)
        if "column" in details:
            details["column"] = column_label(report.table, details["column"], lang)
        if "headers" in details:
            details["headers"] = "、".join(details["headers"])
        out.append(i18n.t(f"note_{code}", lang, **details))
    return " ".join(out)


def summary(report: Report, lang: str) -> str:
    notes = notes_text(report, lang)
    if report.status == "unchanged":
        when = report.loaded_at.strftime("%Y-%m-%d %H:%M") if report.loaded_at else "?"
        text = i18n.t("data_report_unchanged", lang, file=report.file_name, import_id=report.import_id, when=when)
        if report.refused:
            text += i18n.t("data_report_still_refused", lang, n=i18n.number(report.refused))
        return text
    if report.status == "refused":
        why = i18n.t(f"file_{report.problem.code}", lang, **_problem_details(report, lang)) if report.problem else "?"
        sheet = report.problem.details.get("sheet") if report.problem else None
        if sheet and "{sheet}" not in i18n.TEXT[f"file_{report.problem.code}"]["en"]:
            why += i18n.t("data_in_sheet", lang, sheet=sheet)  # which sheet of a workbook
        return i18n.t("data_report_refused", lang, file=report.file_name, why=why)
    replaced = i18n.t("data_report_replaced", lang, n=report.replaced) if report.replaced else ""
    ignored = i18n.t("data_report_ignored", lang, n=report.ignored_rows) if report.ignored_rows else ""
    if report.created_parents:
        ignored += i18n.t("data_report_created", lang, n=report.created_parents)
    text = i18n.t(
        "data_report_loaded",
        lang,
        file=report.file_name,
        table=table_label(report.table, lang),
        accepted=i18n.number(report.accepted),
        refused=i18n.number(report.refused),
        read=i18n.number(report.rows_read),
        replaced=replaced,
        ignored=ignored,
    )
    return f"{text} {notes}".strip() if notes else text
