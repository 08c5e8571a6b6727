"""The Data page's freshness and quality panel: query results turned into tables with headers in
the chosen language, and a load's refused rows. No Streamlit here."""

import dataclasses

import pandas as pd

from knockboard import i18n, privacy
from knockboard.loading.messages import rejects_table
from knockboard.loading.spec import TABLES


def _headers(df: pd.DataFrame, lang: str, names: dict[str, str]) -> pd.DataFrame:
    """The chosen columns under translated headers; empty cells show as blank, not "None"."""
    out = df[list(names)].rename(columns={k: i18n.t(v, lang) for k, v in names.items()})
    return _blank_empty(out)


def _blank_empty(df: pd.DataFrame) -> pd.DataFrame:
    """Dates as text (a day, or a day and minute) and empty cells blank, so no column mixes types."""
    out = df.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            times = out[column].dropna()
            fmt = "%Y-%m-%d" if (times == times.dt.normalize()).all() else "%Y-%m-%d %H:%M"
            out[column] = out[column].dt.strftime(fmt)
    return out.astype(object).where(out.notna(), "")


def by_table(freshness: pd.DataFrame, lang: str) -> pd.DataFrame:
    df = freshness.copy()
    df["table_name"] = [i18n.t(f"table_{t}", lang) for t in df["table_name"]]
    return _headers(
        df,
        lang,
        {
            "table_name": "data_col_table",
            "row_count": "data_col_rows",
            "last_load": "data_col_last_load",
            "refused_rows": "data_col_refused_rows",
            "latest_day": "data_col_latest_day",
        },
    )


def by_street(freshness: pd.DataFrame, lang: str) -> pd.DataFrame:
    df = freshness.copy()
    df.insert(0, "street", [i18n.place(z, e, lang) for z, e in zip(df["name_zh"], df["name_en"])])
    out = _blank_empty(df.drop(columns=["street_id", "name_zh", "name_en"]))
    labels = {
        "street": i18n.t("street", lang),
        "visits": i18n.t("table_visits", lang),
        "visits_latest": i18n.t("table_visits", lang),
        "shifts": i18n.t("table_shifts", lang),
        "shifts_latest": i18n.t("table_shifts", lang),
        "inspections": i18n.t("table_inspections", lang),
        "inspections_latest": i18n.t("table_inspections", lang),
        "leads": i18n.t("table_leads", lang),
        "leads_latest": i18n.t("table_leads", lang),
    }
    latest = i18n.t("data_col_latest_day", lang)
    out.columns = [
        labels[c] + (f" · {latest}" if c.endswith("_latest") else "") if c != "street" else labels[c]
        for c in out.columns
    ]
    return out


def integrity(checks: pd.DataFrame, lang: str) -> pd.DataFrame:
    df = checks.copy()
    df["check_name"] = [i18n.t(f"data_check_{c}", lang) for c in df["check_name"]]
    return _headers(
        df, lang, {"check_name": "data_col_check", "problems": "data_col_count", "examples": "data_col_examples"}
    )


def suspicious(bursts: pd.DataFrame, all_met: pd.DataFrame, lang: str) -> pd.DataFrame:
    frames = []
    for df, pattern in ((bursts, "data_pattern_burst"), (all_met, "data_pattern_all_met")):
        if len(df):
            frames.append(df.assign(pattern=i18n.t(pattern, lang)))
    if not frames:
        return pd.DataFrame()
    df = pd.concat(frames, ignore_index=True)
    return _headers(
        df,
        lang,
        {
            "worker_id": "data_col_worker",
            "pattern": "data_col_pattern",
            "doors": "data_col_doors",
            "first_at": "data_col_first",
            "last_at": "data_col_last",
        },
    )


def imports(recent: pd.DataFrame, lang: str) -> pd.DataFrame:
    df = recent.copy()
    df["table_name"] = [i18n.t(f"table_{t}", lang) for t in df["table_name"]]
    df["undone"] = [
        f"{at:%Y-%m-%d %H:%M} {by or ''}".strip() if pd.notna(at) else ""
        for at, by in zip(df["undone_at"], df["undone_by"])
    ]
    return _headers(
        df,
        lang,
        {
            "import_id": "data_col_import",
            "file_name": "data_col_file",
            "table_name": "data_col_table",
            "rows_read": "data_col_read",
            "rows_accepted": "data_col_accepted",
            "rows_refused": "data_col_refused_rows",
            "loaded_by": "data_col_loaded_by",
            "street_id": "street",
            "loaded_at": "data_col_last_load",
            "undone": "data_col_undone",
        },
    )


def undoable(recent: pd.DataFrame, load_street: str | None) -> pd.DataFrame:
    """The recent loads this user may undo: for an administrator (load_street None) every one that
    stands and kept its changes; for a street clerk, their street's last load standing, if it kept
    them. What the page offers only: knockboard/loading/undo.py checks again, in the transaction."""
    standing = recent[recent["undone_at"].isna()]
    if load_street is not None:
        standing = standing[standing["street_id"] == load_street].sort_values("import_id", ascending=False).head(1)
    return standing[standing["changes_kept"].fillna(False).astype(bool)]


def undo_option(row, lang: str) -> str:
    return i18n.t(
        "data_undo_option",
        lang,
        id=row.import_id,
        file=row.file_name,
        table=i18n.t(f"table_{row.table_name}", lang),
        rows=i18n.number(row.rows_accepted),
        at=f"{row.loaded_at:%Y-%m-%d %H:%M}",
    )


def upload_caption(load_street: str | None, street_label: str, lang: str) -> str | None:
    """What the upload form says to a street clerk (None for a district-wide loader): which street
    they load for, and that other streets' rows and territory tables are not theirs to load."""
    if load_street is None:
        return None
    return i18n.t("data_load_street", lang, street=f"{street_label} ({load_street})")


def refused_rows(report, lang: str, masked: bool) -> pd.DataFrame:
    """A load's refused rows as shown. For users who may not see personal data, a personal value (an
    address, a name) is withheld, and the raw row is shown with its personal cells hidden: the clerk
    still sees enough of the row to find and fix it."""
    if masked and len(report.rejects):
        rejects = privacy.mask_frame(report.rejects, ("value",))
        # rows refused before the masked text was kept (schema v3) stay hidden whole
        masked_text = rejects["row_masked"] if "row_masked" in rejects.columns else None
        rejects["row_text"] = [
            m if isinstance(m, str) else privacy.HIDDEN
            for m in (masked_text if masked_text is not None else [None] * len(rejects))
        ]
        # in a row with more cells than headers the cells have shifted: any of them may be part of an address
        if TABLES.get(report.table) and privacy.PERSONAL_COLUMNS & {c.name for c in TABLES[report.table].columns}:
            shifted = rejects["row"].isin(rejects.loc[rejects["reason"] == "extra_cells", "row"])
            rejects["value"] = rejects["value"].astype(object)
            rejects.loc[shifted, "value"] = privacy.HIDDEN
        report = dataclasses.replace(report, rejects=rejects)
    return rejects_table(report, lang)


def new_businesses(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Businesses created from inspection sheets that still need a grid (and so a place on the map)."""
    out = df.copy()
    out["street"] = [
        i18n.place(z, e, lang) if isinstance(z, str) else "" for z, e in zip(out["name_zh"], out["name_en"])
    ]
    return _headers(
        out,
        lang,
        {
            "business_id": "data_col_business_id",
            "name": "data_col_business",
            "address": "data_col_address",
            "street": "street",
        },
    )
