"""The households-knocked page (入户敲门), from query results to what it shows: the period chosen
for the by-street tables, unit names, and the tables behind the charts with their headers in the
chosen language. No Streamlit here, so all of it can be tested without a browser.

The helpers at the top (periods, units) serve the party-member hours page too; tables are shown by
knockboard/shown.py."""

import datetime as dt

import pandas as pd

from knockboard import dimensions, i18n
from knockboard.shown import display, with_unit_names, yes_no

PERIODS = ("day", "week", "campaign")
BENCHMARK = 325  # the article: one grid secretary knocked 325 households in a day
IDLE_DAYS = 3  # DESIGN.md: "not visited for N days (default 3)"
LIST_LIMIT = 500  # rows of the drill-down lists (the count above them is exact)


# ---------------------------------------------------------------- shared by the field pages


def period_range(period: str, day: dt.date, first_day: dt.date) -> tuple[dt.date, dt.date]:
    """The days of a period ending on the report day: the day, the 7 days, or the campaign so far."""
    if period == "day":
        return day, day
    if period == "week":
        return max(first_day, day - dt.timedelta(days=6)), day
    return first_day, day


def period_words(period: str, day: dt.date, first_day: dt.date, lang: str) -> str:
    start, end = period_range(period, day, first_day)
    if start == end:
        return i18n.day_short(end, lang)
    return i18n.t("field_period_caption", lang, start=i18n.day_short(start, lang), end=i18n.day_short(end, lang))


def by_words(street: str | None, lang: str) -> str:
    """Units are the streets of the district, or the grids of the chosen street."""
    return i18n.t("field_by_street" if street is None else "field_by_grid", lang)


def unit_axis(street: str | None, lang: str) -> str:
    return i18n.t("field_axis_street" if street is None else "field_axis_grid", lang)


# ---------------------------------------------------------------- the tables behind the charts


def daily_table(daily: pd.DataFrame, lang: str) -> pd.DataFrame:
    return display(
        daily,
        {"day": "field_col_day", "knocked": "knocked_knocked", "knocked_avg7": "knocked_avg7"},
        lang,
        decimals={"knocked_avg7": 0},
    )  # households: whole numbers, averages too


def unit_table(units: pd.DataFrame, street: str | None, lang: str) -> pd.DataFrame:
    return display(
        with_unit_names(units, lang),
        {
            "unit": "field_col_street" if street is None else "field_col_grid",
            "knocked": "knocked_knocked",
            "knocked_avg7": "knocked_avg7",
            "first_visits": "knocked_first_visits",
            "revisits": "knocked_revisits",
            "covered_to_date": "knocked_covered",
            "registered": "knocked_registered",
            "coverage": "knocked_coverage",
        },
        lang,
        percent=("coverage",),
        decimals={"knocked_avg7": 1},
    )


def covered_table(daily: pd.DataFrame, lang: str) -> pd.DataFrame:
    return display(
        daily,
        {
            "day": "field_col_day",
            "newly_covered": "knocked_newly_covered",
            "covered_to_date": "knocked_covered",
            "registered": "knocked_registered",
            "coverage": "knocked_coverage",
        },
        lang,
        percent=("coverage",),
    )


def with_target(daily: pd.DataFrame, target: float) -> pd.DataFrame:
    """Adds `target`: the households to cover to reach the coverage target (a line on the chart)."""
    return daily.assign(target=daily["registered"] * target)


def first_revisit_table(daily: pd.DataFrame, lang: str) -> pd.DataFrame:
    return display(
        daily,
        {
            "day": "field_col_day",
            "knocked": "knocked_knocked",
            "first_visits": "knocked_first_visits",
            "revisits": "knocked_revisits",
        },
        lang,
    )


OUTCOMES = dimensions.OUTCOMES.values
FINDINGS = {
    "returnees": "knocked_returnees",
    "yellow_codes": "knocked_yellow",
    "red_codes": "knocked_red",
    "followups": "knocked_followups",
}


def outcomes_table(daily: pd.DataFrame, lang: str) -> pd.DataFrame:
    return display(
        daily,
        {"day": "field_col_day", "visits": "knocked_visits", **{o: dimensions.OUTCOMES.label_key(o) for o in OUTCOMES}},
        lang,
    )


def outcome_shares(units: pd.DataFrame) -> pd.DataFrame:
    """Outcome shares in percent (the chart's x values)."""
    out = units.copy()
    for o in OUTCOMES:
        out[f"{o}_pct"] = (out[f"{o}_share"].astype(float) * 100).round(1)
    return out


def outcomes_unit_table(units: pd.DataFrame, street: str | None, lang: str) -> pd.DataFrame:
    table = display(
        with_unit_names(units, lang),
        {
            "unit": "field_col_street" if street is None else "field_col_grid",
            "knocked": "knocked_household_days",
            "visits": "knocked_visits",
            **{o: dimensions.OUTCOMES.label_key(o) for o in OUTCOMES},
        },
        lang,
    )
    for o in OUTCOMES:
        name = i18n.t("knocked_share_of", lang, what=i18n.t(dimensions.OUTCOMES.label_key(o), lang))
        table[name] = (units[f"{o}_share"].astype(float) * 100).round(1).to_numpy()
    return table


def findings_table(daily: pd.DataFrame, lang: str) -> pd.DataFrame:
    return display(daily, {"day": "field_col_day", **FINDINGS}, lang)


def findings_unit_table(units: pd.DataFrame, street: str | None, lang: str) -> pd.DataFrame:
    return display(
        with_unit_names(units, lang),
        {"unit": "field_col_street" if street is None else "field_col_grid", **FINDINGS},
        lang,
    )


def followups_table(daily: pd.DataFrame, lang: str) -> pd.DataFrame:
    return display(
        daily,
        {
            "day": "field_col_day",
            "flagged": "knocked_flagged",
            "cleared": "knocked_cleared",
            "awaiting": "knocked_awaiting",
        },
        lang,
    )


def followups_unit_table(units: pd.DataFrame, street: str | None, lang: str) -> pd.DataFrame:
    return display(
        with_unit_names(units, lang),
        {
            "unit": "field_col_street" if street is None else "field_col_grid",
            "awaiting": "knocked_awaiting",
            "returnees": "knocked_returnees",
            "yellow_codes": "knocked_yellow",
            "red_codes": "knocked_red",
            "oldest_flagged_day": "knocked_oldest_flagged",
        },
        lang,
    )


def awaiting_list(households: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = households.copy()
    out["street"] = [
        i18n.place(z, e if isinstance(e, str) else None, lang) for z, e in zip(out["street_zh"], out["street_en"])
    ]
    table = display(
        out,
        {
            "household_id": "knocked_household",
            "street": "field_col_street",
            "grid_zh": "field_col_grid",
            "micro_grid_zh": "field_col_micro_grid",
            "flagged_day": "knocked_flagged_day",
            "days_waiting": "knocked_days_waiting",
        },
        lang,
    )
    for column, key in (
        ("returnee", "knocked_returnees"),
        ("yellow_code", "knocked_yellow"),
        ("red_code", "knocked_red"),
    ):
        table[i18n.t(key, lang)] = yes_no(out[column], lang)
    return table


def distribution_table(dist: pd.DataFrame, lang: str) -> pd.DataFrame:
    return display(dist, {"households": "knocked_households_per_day", "worker_days": "knocked_worker_days"}, lang)


def role_words(roles: pd.Series, lang: str) -> list[str]:
    return [i18n.t(f"knocked_role_{r}", lang) if isinstance(r, str) else "" for r in roles]


def busiest_table(busiest: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = busiest.copy()
    out["role"] = role_words(out["role"], lang)
    return display(
        out,
        {
            "worker_id": "knocked_worker",
            "households": "knocked_households_per_day",
            "day": "field_col_day",
            "role": "knocked_role",
            "visits": "knocked_visits",
        },
        lang,
    )


def idle_unit_table(units: pd.DataFrame, street: str | None, lang: str) -> pd.DataFrame:
    return display(
        with_unit_names(units, lang),
        {
            "unit": "field_col_street" if street is None else "field_col_grid",
            "idle": "knocked_idle",
            "workers": "knocked_workers",
            "idle_share": "knocked_idle_share",
        },
        lang,
        percent=("idle_share",),
    )


def idle_list(workers: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = workers.copy()
    out["role"] = role_words(out["role"], lang)
    out["street"] = [
        i18n.place(z, e if isinstance(e, str) else None, lang) if isinstance(z, str) else ""
        for z, e in zip(out["street_zh"], out["street_en"])
    ]
    # one type per column (Arrow): the day as text, or "never"
    out["last_day"] = [
        d.date().isoformat() if not pd.isna(d) else i18n.t("field_never", lang) for d in pd.to_datetime(out["last_day"])
    ]
    return display(
        out,
        {
            "worker_id": "knocked_worker",
            "role": "knocked_role",
            "street": "field_col_street",
            "grid_zh": "field_col_grid",
            "micro_grid_zh": "field_col_micro_grid",
            "last_day": "knocked_last_visit",
            "days_since": "knocked_days_since",
        },
        lang,
    )
