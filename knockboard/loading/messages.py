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
        aliases = [a for a in spec.column(column).aliases if not a.isascii()] if column in {
            c.name for c in spec.columns} else []
        if aliases:
            return f"{aliases[0]}（{column}）"
    return column


def table_label(table: str | None, lang: str) -> str:
    return i18n.t(f"table_{table}", lang) if table else "?"


def street_text(street_id, names: dict, lang: str) -> str:
    """A street as 乙 (S2) (English adds its pinyin name), or "no street" when there is none."""
    if street_id is None or (isinstance(street_id, float) and pd.isna(street_id)) or street_id == "":
        return i18n.t("data_no_street", lang)
    if street_id not in names:
        return str(street_id)
    return f"{i18n.place(*names[street_id], lang)} ({street_id})"


def reason_text(table: str, column: str, reason: str, value, lang: str, street: str | None = None,
                names: dict | None = None) -> str:
    """A refusal in words. `street` and `names` (id -> (zh, en)): the loader's street and the streets
    the refusals name, for the refusals of a street clerk's load (whose value is the row's street)."""
    spec = TABLES[table]
    col = spec.column(column) if column in {c.name for c in spec.columns} else None
    values = {"column": column_label(table, column, lang), "value": "" if value is None else value,
              "start": CAMPAIGN_START, "allowed": "", "low": "", "high": "", "parent": ""}
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


def rejects_table(report: Report, lang: str) -> pd.DataFrame:
    """The refused rows of a report with their reasons in words, headers in the chosen language."""
    r = report.rejects
    return pd.DataFrame({
        i18n.t("data_col_file", lang): report.file_name,
        i18n.t("data_col_row", lang): r["row"] if len(r) else [],
        i18n.t("data_col_column", lang): [column_label(report.table, c, lang) for c in r.get("column", [])],
        i18n.t("data_col_value", lang): r["value"] if len(r) else [],
        i18n.t("data_col_reason", lang): [reason_text(report.table, c, why, v, lang, report.street,
                                                      report.street_names)
                                          for c, why, v in zip(r.get("column", []), r.get("reason", []),
                                                               r.get("value", []))],
        i18n.t("data_col_row_text", lang): r["row_text"] if len(r) else [],
    })


def summary(report: Report, lang: str) -> str:
    if report.status == "unchanged":
        return i18n.t("data_report_unchanged", lang, file=report.file_name, import_id=report.import_id)
    if report.status == "refused":
        problem = report.problem
        details = dict(problem.details) if problem else {}
        if "table" in details:
            details["table"] = table_label(details["table"], lang)
        if "street" in details:
            details["street"] = street_text(details["street"], report.street_names, lang)
        why = i18n.t(f"file_{problem.code}", lang, **details) if problem else "?"
        return i18n.t("data_report_refused", lang, file=report.file_name, why=why)
    replaced = i18n.t("data_report_replaced", lang, n=report.replaced) if report.replaced else ""
    ignored = i18n.t("data_report_ignored", lang, n=report.ignored_rows) if report.ignored_rows else ""
    if report.created_parents:
        ignored += i18n.t("data_report_created", lang, n=report.created_parents)
    return i18n.t("data_report_loaded", lang, file=report.file_name, table=table_label(report.table, lang),
                  accepted=i18n.number(report.accepted), refused=i18n.number(report.refused),
                  read=i18n.number(report.rows_read), replaced=replaced, ignored=ignored)
