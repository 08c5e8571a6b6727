"""Inspections and closures, from query results to what the page shows: the map's points and legend,
and the lists and tables with their headers in the chosen language. No Streamlit here."""

import datetime as dt
import html
from dataclasses import dataclass

import numpy as np
import pandas as pd

from knockboard import dimensions, i18n
from knockboard.labels.inspections import NAMES_EN
from knockboard.shown import Card, day_and_before

OUTCOMES = dimensions.INSPECTION_OUTCOMES.values

# What a point on the map says about a business on the report day, drawn in this order (closed last,
# on top). A business whose latest outcome is `suspended` but that is no longer closed has reopened.
STATUSES = ("not_inspected", "pass", "rectify", "fined", "reopened", "closed")
STATUS_COLOURS = {
    "closed": (198, 40, 40, 235),
    "pass": (31, 111, 178, 170),
    "rectify": (224, 123, 0, 210),
    "fined": (123, 63, 160, 210),
    "reopened": (121, 85, 72, 200),
    "not_inspected": (150, 150, 150, 140),
}
CLOSED_RADIUS, RADIUS = 7, 2.5  # pixels
DETAIL_LIMIT = 5_000  # businesses on one map drawn with their details (see map_data)
PLAIN_STATUSES = ("not_inspected", "pass")  # nothing to act on: the first to lose their details


def _day(value) -> dt.date | None:
    return None if pd.isna(value) else pd.Timestamp(value).date()


def outcome_label(outcome, lang: str) -> str:
    return i18n.t(
        "inspections_outcome_none" if pd.isna(outcome) else dimensions.INSPECTION_OUTCOMES.label_key(outcome), lang
    )


def reopening_text(closed_until, lang: str) -> str:
    day = _day(closed_until)
    return i18n.t("inspections_no_end", lang) if day is None else i18n.day_long(day, lang)


def _street(street_id, street_names: dict, lang: str) -> str:
    name_zh, name_en = street_names.get(street_id, (street_id, None))
    return i18n.place(name_zh, name_en, lang)


def named(name: str, lang: str) -> str:
    """A category or agency: its Chinese name, with the English one beside it in English where known."""
    return i18n.place(name, NAMES_EN.get(name), lang)


def agencies_text(agencies, lang: str) -> str:
    """One or more agencies (separated by '；'), each named as by `named`."""
    return "–" if pd.isna(agencies) else "；".join(named(a.strip(), lang) for a in str(agencies).split("；"))


def _category(category, lang: str) -> str:
    return i18n.t("inspections_uncategorised", lang) if pd.isna(category) else named(category, lang)


def statuses(latest_outcome: pd.Series, closed: pd.Series) -> pd.Series:
    """What each business's point says on the day (see STATUSES)."""
    status = latest_outcome.astype(object).where(latest_outcome.notna(), "not_inspected")
    status = status.where(status != "suspended", "reopened")  # suspended, but no longer closed
    return status.where(~closed.astype(bool), "closed")


@dataclass
class MapData:
    detailed: list[dict]  # points with tooltips: position, colour, radius, name, category, ...
    plain: dict[str, list]  # status -> [lon, lat] of the points drawn as plain dots
    counts: dict[str, int]  # businesses per status, for the legend


def map_data(businesses: pd.DataFrame, lang: str, limit: int | None = None) -> MapData:
    """What the map draws (from inspections_business_map). Up to `limit` businesses (DETAIL_LIMIT)
    all come with their details; beyond that (the whole district of a large campaign) only those with
    something to act on do, the others are plain dots: tens of thousands of detailed points are too
    heavy to send on every run. Tooltip text is escaped: deck.gl puts it into HTML as it is."""
    status = statuses(businesses["latest_outcome"], businesses["closed"]).reset_index(drop=True)
    b = businesses.reset_index(drop=True)
    where = np.column_stack([b["lon"].to_numpy(float), b["lat"].to_numpy(float)]).round(5)
    if len(b) <= (DETAIL_LIMIT if limit is None else limit):
        detail = np.ones(len(b), dtype=bool)
    else:
        detail = ~status.isin(PLAIN_STATUSES).to_numpy()
    plain = {s: where[(status == s).to_numpy() & ~detail].tolist() for s in PLAIN_STATUSES}
    d, ds = b[detail], status[detail]
    escape = lambda values: values.fillna("–").astype(str).map(html.escape)  # noqa: E731
    outcomes = {o: outcome_label(o, lang) for o in OUTCOMES}
    columns = {
        "position": where[detail].tolist(),
        "status": ds.tolist(),
        "colour": [list(STATUS_COLOURS[s]) for s in ds],
        "radius": [CLOSED_RADIUS if s == "closed" else RADIUS for s in ds],
        "name": escape(d["name"]).tolist(),
        "category": escape(d["category"]).tolist(),
        "address": escape(d["address"]).tolist(),
        "outcome": d["latest_outcome"].map(outcomes).fillna(outcome_label(None, lang)).tolist(),
        "closed_until_text": [reopening_text(u, lang) if c else "–" for c, u in zip(d["closed"], d["closed_until"])],
    }
    # rows as plain dicts: what deck.gl receives, made without pandas' slow to_dict
    detailed = [dict(zip(columns, row)) for row in zip(*columns.values())]
    return MapData(
        detailed, {s: p for s, p in plain.items() if p}, {s: int(n) for s, n in status.value_counts().items()}
    )


def legend(counts: dict[str, int], lang: str) -> list[tuple[tuple, str, int]]:
    """(colour, label with count, dot size) for each status, closed first."""
    return [
        (
            STATUS_COLOURS[s],
            f"{i18n.t(f'inspections_status_{s}', lang)} ({i18n.number(counts.get(s, 0))})",
            round(2 * (CLOSED_RADIUS if s == "closed" else RADIUS)) + 2,
        )
        for s in reversed(STATUSES)
    ]


def closed_table(closed: pd.DataFrame, street_names: dict, lang: str) -> pd.DataFrame:
    """The businesses closed on the day (inspections_closed_on_day), as listed."""
    t = lambda key: i18n.t(f"inspections_col_{key}", lang)  # noqa: E731
    return pd.DataFrame(
        {
            t("business"): closed["name"],
            t("category"): [_category(c, lang) for c in closed["category"]],
            t("street"): [_street(s, street_names, lang) for s in closed["street_id"]],
            t("address"): closed["address"],
            t("reason"): closed["findings"].fillna("–"),
            t("agencies"): [agencies_text(a, lang) for a in closed["agencies"]],
            t("inspected_on"): [_day(v) for v in closed["inspected_on"]],
            t("suspension_days"): [
                i18n.t("inspections_not_set", lang) if pd.isna(v) else str(int(v)) for v in closed["suspension_days"]
            ],
            t("closed_since"): [_day(v) for v in closed["closed_since"]],
            t("days_closed"): closed["days_closed"].astype(int),
            t("reopens"): [reopening_text(v, lang) for v in closed["closed_until"]],
            t("reopened_early"): [i18n.t("inspections_yes", lang) if v else "" for v in closed["reopened_early"]],
        }
    )


def repeat_table(repeat: pd.DataFrame, street_names: dict, lang: str) -> pd.DataFrame:
    t = lambda key: i18n.t(f"inspections_col_{key}", lang)  # noqa: E731
    return pd.DataFrame(
        {
            t("business"): repeat["name"],
            t("category"): [_category(c, lang) for c in repeat["category"]],
            t("street"): [_street(s, street_names, lang) for s in repeat["street_id"]],
            t("address"): repeat["address"],
            t("failed"): repeat["failed"].astype(int),
            t("inspections"): repeat["inspections"].astype(int),
            i18n.t("inspections_outcome_rectify", lang): repeat["rectify"].astype(int),
            i18n.t("inspections_outcome_suspended", lang): repeat["suspended"].astype(int),
            i18n.t("inspections_outcome_fined", lang): repeat["fined"].astype(int),
            t("last_failed"): [_day(v) for v in repeat["last_failed_on"]],
            t("latest"): [outcome_label(o, lang) for o in repeat["latest_outcome"]],
        }
    )


def rectify_table(pending: pd.DataFrame, street_names: dict, lang: str) -> pd.DataFrame:
    t = lambda key: i18n.t(f"inspections_col_{key}", lang)  # noqa: E731
    return pd.DataFrame(
        {
            t("business"): pending["name"],
            t("category"): [_category(c, lang) for c in pending["category"]],
            t("street"): [_street(s, street_names, lang) for s in pending["street_id"]],
            t("address"): pending["address"],
            t("inspected_on"): [_day(v) for v in pending["inspected_on"]],
            t("days_since"): pending["days_since"].astype(int),
            t("findings"): pending["findings"].fillna("–"),
            t("agencies"): [agencies_text(a, lang) for a in pending["agencies"]],
        }
    )


def _outcome_columns(df: pd.DataFrame, lang: str) -> dict:
    return {i18n.t(dimensions.INSPECTION_OUTCOMES.label_key(o), lang): df[o].astype(int) for o in OUTCOMES}


def daily_table(daily: pd.DataFrame, lang: str) -> pd.DataFrame:
    """inspections_daily as shown under its charts."""
    t = lambda key: i18n.t(f"inspections_col_{key}", lang)  # noqa: E731
    return pd.DataFrame(
        {
            t("day"): [_day(v) for v in daily["day"]],
            t("inspections"): daily["inspections"].astype(int),
            **_outcome_columns(daily, lang),
            t("failed"): daily["failed"].astype(int),
            t("closed_businesses"): daily["closed_businesses"].astype(int),
        }
    )


def street_table(by_street: pd.DataFrame, lang: str) -> pd.DataFrame:
    t = lambda key: i18n.t(f"inspections_col_{key}", lang)  # noqa: E731
    return pd.DataFrame(
        {
            t("street"): [i18n.place(z, e, lang) for z, e in zip(by_street["name_zh"], by_street["name_en"])],
            t("inspections"): by_street["inspections"].astype(int),
            **_outcome_columns(by_street, lang),
            t("failed"): by_street["failed"].astype(int),
            t("businesses_inspected"): by_street["businesses_inspected"].astype(int),
            t("closed_on_day"): by_street["closed_on_day"].astype(int),
        }
    )


def category_table(by_category: pd.DataFrame, lang: str) -> pd.DataFrame:
    t = lambda key: i18n.t(f"inspections_col_{key}", lang)  # noqa: E731
    return pd.DataFrame(
        {
            t("category"): [_category(c, lang) for c in by_category["category"]],
            t("inspections"): by_category["inspections"].astype(int),
            **_outcome_columns(by_category, lang),
            t("failed"): by_category["failed"].astype(int),
            t("failed_share"): (by_category["failed_share"] * 100).round(1),
            t("businesses_inspected"): by_category["businesses_inspected"].astype(int),
        }
    )


def findings_table(findings: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            i18n.t("inspections_col_finding", lang): findings["finding"],
            i18n.t("inspections_col_inspections", lang): findings["inspections"].astype(int),
            i18n.t("inspections_col_businesses", lang): findings["businesses"].astype(int),
        }
    )


def agencies_table(agencies: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            i18n.t("inspections_col_agency", lang): [named(a, lang) for a in agencies["agency"]],
            i18n.t("inspections_col_inspections", lang): agencies["inspections"].astype(int),
            i18n.t("inspections_col_failed", lang): agencies["failed"].astype(int),
        }
    )


def cards(daily: pd.DataFrame, day: dt.date, repeat_offenders: int, awaiting_reinspection: int) -> list[Card]:
    """The page's headline cards for `day`: from inspections_daily (run over at least day-1 .. day)
    with the change since the day before, and the counts of the two lists (no change shown)."""

    def card(key, column, **kw):
        return Card(key, *day_and_before(daily, day, column), **kw)

    return [
        card("inspections_card_inspections", "inspections"),
        card("inspections_card_failed", "failed", worse_when_up=True),
        card("inspections_card_suspended", "suspended", worse_when_up=True),
        card("inspections_card_closed", "closed_businesses", worse_when_up=True),
        Card("inspections_card_repeat", repeat_offenders, None),
        Card("inspections_card_rectify", awaiting_reinspection, None),
    ]
