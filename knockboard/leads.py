"""Lead verification, from query results to what the page shows: the headline figures in words and
numbers, the backlog's age buckets, and the tables with their headers in the chosen language.
No Streamlit here."""

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd

from knockboard import dimensions, i18n
from knockboard.shown import Card, day_and_before

KINDS = ("companion", "returnee", "risk_area")


@dataclass
class Shown:
    """A headline figure as the page shows it (st.metric)."""

    key: str  # translation key of the label
    value: str
    change: str | None = None
    worse_when_up: bool = False
    help: str | None = None


def _day(value) -> dt.date:
    return pd.Timestamp(value).date()


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def hours(value, lang: str) -> str:
    return "–" if _missing(value) else i18n.t("leads_hours", lang, value=i18n.number(value, 1))


def article_sentence(totals: pd.DataFrame, start: dt.date, lang: str) -> str:
    """The article's figures, computed: leads received since the campaign began and valid."""
    row = totals.iloc[0]
    return i18n.t(
        "leads_article",
        lang,
        start=i18n.day_long(start, lang),
        received=i18n.number(row["received"]),
        valid=i18n.number(row["valid"]),
        verified=i18n.number(row["verified"]),
        rate=i18n.percent(row["valid_rate"]),
    )


def to_date_figures(totals: pd.DataFrame, lang: str) -> list[Shown]:
    """Campaign to date (leads_totals)."""
    row = totals.iloc[0]
    return [
        Shown("leads_received", i18n.number(row["received"])),
        Shown("leads_verified", i18n.number(row["verified"])),
        Shown("leads_valid", i18n.number(row["valid"])),
        Shown("leads_valid_rate", i18n.percent(row["valid_rate"]), help=i18n.t("leads_help_valid_rate", lang)),
    ]


def day_figures(day: dt.date, daily: pd.DataFrame, backlog: pd.DataFrame, lang: str) -> list[Shown]:
    """The report day, with the change since the day before where both days are known: leads_daily
    (run over at least day-1 .. day) and leads_backlog_by_age."""

    def count(key, column, worse_when_up=False, kind="count", help_key=None):
        card = Card(key, *day_and_before(daily, day, column), kind=kind, worse_when_up=worse_when_up)
        shown = "–" if card.value is None else card.shown()
        return Shown(key, shown, card.shown_change(lang), worse_when_up, i18n.t(help_key, lang) if help_key else None)

    return [
        count("leads_received", "received"),
        count("leads_verified", "verified"),
        count("leads_valid_rate", "valid_rate", kind="percent", help_key="leads_help_valid_rate"),
        Shown("leads_pending", i18n.number(int(backlog["leads"].sum())), help=i18n.t("leads_help_pending", lang)),
        count("leads_pending_24h", "pending_over_24h", worse_when_up=True, help_key="leads_help_pending_24h"),
    ]


@dataclass
class Times:
    """leads_verify_time split in two: one row per day, and the row for the whole window."""

    per_day: pd.DataFrame
    window: pd.Series


def split_times(times: pd.DataFrame) -> Times:
    whole = times["day"].isna()
    return Times(times[~whole].reset_index(drop=True), times[whole].iloc[0])


def time_figures(day: dt.date, times: Times, lang: str) -> list[Shown]:
    """Time to verify: median and 90th percentile over every lead verified in the window (the campaign
    to the end of the day), then over the leads verified on the day, with the change since the day
    before (leads_verify_time, run from the campaign's first day to the day)."""
    help_to_date = i18n.t("leads_help_time", lang, when=i18n.t("leads_when_to_date", lang))
    help_day = i18n.t("leads_help_time", lang, when=i18n.t("leads_when_day", lang))

    def on_day(key, column):
        now, prev = day_and_before(times.per_day, day, column)
        change = None if now is None or prev is None else i18n.t("leads_hours", lang, value=i18n.signed(now - prev, 1))
        return Shown(key, hours(now, lang), change, True, help_day)

    return [
        Shown("leads_time_median_to_date", hours(times.window["median_hours"], lang), help=help_to_date),
        Shown("leads_time_p90_to_date", hours(times.window["p90_hours"], lang), help=help_to_date),
        on_day("leads_time_median_day", "median_hours"),
        on_day("leads_time_p90_day", "p90_hours"),
    ]


def age_labels(backlog: pd.DataFrame, lang: str) -> list[str]:
    """'≤ 6 h', '6–24 h', '24–48 h', '> 48 h' for the buckets of leads_backlog_by_age."""
    labels = []
    for lo, to in zip(backlog["from_hours"], backlog["to_hours"]):
        if pd.isna(to):
            labels.append(i18n.t("leads_age_over", lang, lo=int(lo)))
        elif lo == 0:
            labels.append(i18n.t("leads_age_upto", lang, to=int(to)))
        else:
            labels.append(i18n.t("leads_age_between", lang, lo=int(lo), to=int(to)))
    return labels


def backlog_table(backlog: pd.DataFrame, lang: str) -> pd.DataFrame:
    t = lambda key: i18n.t(f"leads_col_{key}", lang)  # noqa: E731
    return pd.DataFrame(
        {
            t("age"): age_labels(backlog, lang),
            t("leads"): backlog["leads"].astype(int),
            t("over_24h"): [i18n.t("leads_yes", lang) if v else "" for v in backlog["over_24h"]],
        }
    )


def daily_table(daily: pd.DataFrame, times: pd.DataFrame, lang: str) -> pd.DataFrame:
    """leads_daily beside leads_verify_time_daily, one row per day."""
    t = lambda key: i18n.t(f"leads_col_{key}", lang)  # noqa: E731
    merged = daily.merge(times[["day", "median_hours", "p90_hours"]], on="day", how="left")
    return pd.DataFrame(
        {
            t("day"): [_day(d) for d in merged["day"]],
            t("received"): merged["received"].astype(int),
            t("verified"): merged["verified"].astype(int),
            t("valid"): merged["valid"].astype(int),
            t("valid_rate"): (merged["valid_rate"] * 100).round(1),
            t("pending_24h"): merged["pending_over_24h"].astype(int),
            t("median"): merged["median_hours"].round(1),
            t("p90"): merged["p90_hours"].round(1),
        }
    )


def kind_daily_table(kind_daily: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Leads received per day (rows) and kind (columns), from leads_kind_daily."""
    wide = kind_daily.pivot(index="day", columns="kind", values="received").reindex(columns=list(KINDS))
    table = pd.DataFrame({i18n.t("leads_col_day", lang): [_day(d) for d in wide.index]})
    for kind in KINDS:
        table[i18n.t(dimensions.LEAD_KINDS.label_key(kind), lang)] = wide[kind].fillna(0).astype(int).to_numpy()
    return table


def kind_table(by_kind: pd.DataFrame, lang: str) -> pd.DataFrame:
    t = lambda key: i18n.t(f"leads_col_{key}", lang)  # noqa: E731
    return pd.DataFrame(
        {
            t("kind"): [i18n.t(dimensions.LEAD_KINDS.label_key(k), lang) for k in by_kind["kind"]],
            t("received"): by_kind["received"].astype(int),
            t("verified"): by_kind["verified"].astype(int),
            t("valid"): by_kind["valid"].astype(int),
            t("valid_rate"): (by_kind["valid_rate"] * 100).round(1),
            t("pending"): by_kind["pending"].astype(int),
        }
    )


def street_table(by_street: pd.DataFrame, lang: str) -> pd.DataFrame:
    t = lambda key: i18n.t(f"leads_col_{key}", lang)  # noqa: E731
    return pd.DataFrame(
        {
            t("street"): [i18n.place(z, e, lang) for z, e in zip(by_street["name_zh"], by_street["name_en"])],
            t("received"): by_street["received"].astype(int),
            t("verified"): by_street["verified"].astype(int),
            t("valid"): by_street["valid"].astype(int),
            t("valid_rate"): (by_street["valid_rate"] * 100).round(1),
            t("received_on_day"): by_street["received_on_day"].astype(int),
            t("verified_on_day"): by_street["verified_on_day"].astype(int),
            t("pending"): by_street["pending"].astype(int),
            t("pending_24h"): by_street["pending_over_24h"].astype(int),
        }
    )
