"""The coverage gaps page, from query results to what it shows: the gap table with its signals and a
link to the map, the revisit plan, door-to-door effort against the gaps, and the heatmap matrix.
Addresses arrive masked for users who may not see them (app.Context.q). No Streamlit here."""

import urllib.parse

import pandas as pd

from knockboard import i18n

LEVELS = ("grid", "micro_grid")
# A not-at-home backlog makes a gap only when material: at least this many households AND at least
# this share of the unit's registered households (the analyst changes both on the page). With any
# backlog counting, every grid of the demo district was a gap (each has a few doors that stay shut).
BACKLOG_MIN_HOUSEHOLDS = 5
BACKLOG_MIN_SHARE = 0.03


# ---------------------------------------------------------------- shared bits


def column(key: str, lang: str) -> str:
    return i18n.t(f"gaps_col_{key}", lang)


def coverage_percent(coverage: pd.Series) -> pd.Series:
    """Coverage as a sortable percentage with one decimal; empty where there are no households."""
    return (pd.to_numeric(coverage, errors="coerce") * 100).round(1)


def names(df: pd.DataFrame, stem: str, lang: str) -> list[str]:
    """The `<stem>_zh` names of a query result, with the `<stem>_en` (English/pinyin) name beside
    them in English where the store has one."""
    return i18n.places(df[f"{stem}_zh"], df.get(f"{stem}_en"), lang)


def map_link(street: str, area: str, lang: str, day=None) -> str:
    """Relative link to the coverage map drilled to `area` (works from any page of the app)."""
    params = {"street": street, "area": area, "lang": lang}
    if day is not None:
        params["day"] = day.isoformat()
    return "coverage_map?" + urllib.parse.urlencode(params)


def _day_text(value, lang: str) -> str:
    if value is None or pd.isna(value):
        return i18n.t("gaps_never", lang)
    return i18n.day_short(pd.Timestamp(value).date(), lang)


def _time_text(value, lang: str) -> str:
    if value is None or pd.isna(value):
        return ""
    stamp = pd.Timestamp(value)
    return f"{i18n.day_short(stamp.date(), lang)} {stamp:%H:%M}"


def signals(row, threshold: float, days: int, lang: str) -> str:
    """The reasons a unit is a gap, in words: '< 95 % · not visited 4 days · 13 not at home'."""
    words = []
    if row.registered == 0:
        words.append(i18n.t("gaps_no_households", lang))
    if row.below_threshold:
        words.append(i18n.t("gaps_signal_below", lang, threshold=i18n.percent(threshold, 0)))
    if row.not_visited:
        words.append(
            i18n.t("gaps_signal_never", lang)
            if pd.isna(row.days_since)
            else i18n.t("gaps_signal_stale", lang, days=int(row.days_since))
        )
    if row.has_backlog:
        words.append(i18n.t("gaps_signal_backlog", lang, n=int(row.backlog)))
    return " · ".join(words)


# ---------------------------------------------------------------- the gap table


def gap_table(
    gaps: pd.DataFrame, level: str, lang: str, threshold: float = 0.95, days: int = 3, day=None
) -> pd.DataFrame:
    """gap_grids / gap_micro_grids as shown: ranked by households missing, each row linking to the map."""
    unit = "micro_grid_id" if level == "micro_grid" else "grid_id"
    out = {column("rank", lang): gaps["gap_rank"].astype(int)}
    if level == "micro_grid":
        out[column("micro_grid", lang)] = gaps["name_zh"]
        out[column("grid", lang)] = names(gaps, "grid_name", lang)
    else:
        out[column("grid", lang)] = names(gaps, "name", lang)
    out[column("community", lang)] = names(gaps, "community_name", lang)
    out[column("map", lang)] = [map_link(s, a, lang, day) for s, a in zip(gaps["street_id"], gaps[unit])]
    out.update(
        {
            column("missing", lang): gaps["missing"].astype(int),
            column("needed", lang): gaps["needed"].astype(int),
            column("coverage", lang): coverage_percent(gaps["coverage"]),
            column("covered", lang): gaps["covered"].astype(int),
            column("registered", lang): gaps["registered"].astype(int),
            column("backlog", lang): gaps["backlog"].astype(int),
            column("last_visit", lang): [_day_text(v, lang) for v in gaps["last_day"]],
            column("signals", lang): [signals(r, threshold, days, lang) for r in gaps.itertuples()],
        }
    )
    return pd.DataFrame(out)


def compact_headers(table: pd.DataFrame, level: str, lang: str) -> dict:
    """The gap table's column_config on the page: the unit's name pinned (it stays in view while a
    phone scrolls sideways), long headers shortened with the full header as their tooltip."""
    import streamlit as st

    config = {column("micro_grid" if level == "micro_grid" else "grid", lang): st.column_config.Column(pinned=True)}
    coverage = column("coverage", lang)
    if coverage in table.columns:  # "81.3%" under "Coverage" rather than "81.3" under "Coverage (%)"
        config[coverage] = st.column_config.NumberColumn(
            i18n.t("gaps_head_coverage", lang), help=coverage, format="%.1f%%"
        )
    for key in ("missing", "needed", "backlog", "signals"):
        full, short = column(key, lang), i18n.t(f"gaps_head_{key}", lang)
        if full in table.columns and short != full:
            config[full] = st.column_config.Column(short, help=full)
    return config


def small_cells(level: str, lang: str) -> tuple | None:
    """For exports: a micro-grid table's households column and the columns naming the area."""
    if level != "micro_grid":
        return None
    return column("registered", lang), (column("micro_grid", lang), column("grid", lang), column("community", lang))


def for_export(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A shown table as exported: without the in-app map links."""
    return table.drop(columns=[column("map", lang)], errors="ignore")


def totals(gaps: pd.DataFrame, area: pd.Series, level: str) -> dict[str, int]:
    """The headline of the gap table: how many gaps (of how many units), the households the area
    itself needs to reach the threshold (gap_area: one definition wherever the area is shown), and
    sums over the listed gaps (labelled as such): households missing, not at home. (A sum of the
    gaps' own needs is no area's need: it is not a headline.)"""
    return {
        "gaps": len(gaps),
        "units": int(area["micro_grids" if level == "micro_grid" else "grids"]),
        "needed_area": int(area["needed"]),
        "missing": int(gaps["missing"].sum()),
        "backlog": int(gaps["backlog"].sum()),
    }


# ---------------------------------------------------------------- where the effort goes


def effort(gaps: pd.DataFrame, hours: pd.DataFrame) -> pd.DataFrame:
    """Gap grids with their door-to-door hours; `unworked`: households missing and no hours lately."""
    merged = gaps.merge(hours, on="grid_id", how="left")
    for name in ("hours_recent", "shifts_recent", "hours_to_date"):
        merged[name] = merged[name].fillna(0)
    merged["unworked"] = (merged["missing"] > 0) & (merged["hours_recent"] == 0)
    return merged


def effort_table(merged: pd.DataFrame, lang: str, days: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            column("grid", lang): names(merged, "name", lang),
            column("community", lang): names(merged, "community_name", lang),
            column("missing", lang): merged["missing"].astype(int),
            column("coverage", lang): coverage_percent(merged["coverage"]),
            i18n.t("gaps_col_hours_recent", lang, days=days): merged["hours_recent"].round(1),
            i18n.t("gaps_col_shifts_recent", lang, days=days): merged["shifts_recent"].astype(int),
            column("hours_to_date", lang): merged["hours_to_date"].round(1),
            column("unworked", lang): [i18n.t("gaps_yes", lang) if u else "" for u in merged["unworked"]],
        }
    )


# ---------------------------------------------------------------- backlog and revisits


def backlog_table(backlog: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            column("micro_grid", lang): backlog["name_zh"],
            column("grid", lang): names(backlog, "grid_name", lang),
            column("backlog", lang): backlog["households"].astype(int),
            column("registered", lang): backlog["registered"].astype(int),
            column("attempts", lang): backlog["attempts"].astype(int),
            column("most_attempts", lang): backlog["most_attempts"].astype(int),
            column("households_3plus", lang): backlog["households_3plus"].astype(int),
            column("first_tried", lang): [_time_text(v, lang) for v in backlog["first_tried"]],
            column("last_tried", lang): [_time_text(v, lang) for v in backlog["last_tried"]],
        }
    )


def households_table(households: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The backlog households of one micro-grid."""
    return pd.DataFrame(
        {
            column("household", lang): households["household_id"],
            column("address", lang): households["address"].fillna(""),
            column("attempts", lang): households["attempts"].astype(int),
            column("refusals", lang): households["refusals"].astype(int),
            column("first_tried", lang): [_time_text(v, lang) for v in households["first_tried"]],
            column("last_tried", lang): [_time_text(v, lang) for v in households["last_tried"]],
            column("hours", lang): [" ".join(f"{int(h)}:00" for h in hours) for hours in households["hours"]],
        }
    )


def revisit_table(plan: pd.DataFrame, lang: str) -> pd.DataFrame:
    daytime = plan["attempts_morning"] + plan["attempts_afternoon"]
    share = [i18n.percent(d / a if a else None) for d, a in zip(daytime, plan["attempts"])]
    return pd.DataFrame(
        {
            column("grid", lang): names(plan, "name", lang),
            column("community", lang): names(plan, "community_name", lang),
            column("backlog", lang): plan["households"].astype(int),
            column("attempts", lang): plan["attempts"].astype(int),
            column("last_tried", lang): [_time_text(v, lang) for v in plan["last_tried"]],
            column("attempts_morning", lang): plan["attempts_morning"].astype(int),
            column("attempts_afternoon", lang): plan["attempts_afternoon"].astype(int),
            column("attempts_evening", lang): plan["attempts_evening"].astype(int),
            column("daytime_share", lang): share,
            column("never_evening", lang): plan["households_never_evening"].astype(int),
        }
    )


def hours_summary(by_hour: pd.DataFrame, plan: pd.DataFrame, lang: str) -> str | None:
    """When doors open, in words, from visits_by_hour and the revisit plan."""
    rated = by_hour.dropna(subset=["met_rate"])
    rated = rated[rated["visits"] >= max(1, 0.01 * rated["visits"].sum())]  # ignore stray hours
    if rated.empty:
        return None
    best, worst = rated.loc[rated["met_rate"].idxmax()], rated.loc[rated["met_rate"].idxmin()]
    return i18n.t(
        "gaps_hours_summary",
        lang,
        best=f"{int(best.hour)}:00",
        best_rate=i18n.percent(best.met_rate, 0),
        worst=f"{int(worst.hour)}:00",
        worst_rate=i18n.percent(worst.met_rate, 0),
        never=i18n.number(plan["households_never_evening"].sum()),
        backlog=i18n.number(plan["households"].sum()),
    )


def hours_table(attempts: pd.DataFrame, by_hour: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table behind the hours chart: backlog attempts and all visits' met rate, by hour."""
    merged = by_hour.merge(attempts, on="hour", how="outer").sort_values("hour")
    return pd.DataFrame(
        {
            column("hour", lang): merged["hour"].astype(int),
            column("backlog_attempts", lang): merged["attempts"].fillna(0).astype(int),
            column("visits", lang): merged["visits"].fillna(0).astype(int),
            column("met_rate", lang): (merged["met_rate"] * 100).round(1),
        }
    )


# ---------------------------------------------------------------- heatmap


def heatmap_matrix(heat: pd.DataFrame, gaps: pd.DataFrame) -> pd.DataFrame:
    """Households knocked, one row per gap grid (in the gap table's order, labelled by name), one
    column per day."""
    names = dict(zip(gaps["grid_id"], gaps["name_zh"]))
    order = [g for g in gaps["grid_id"] if g in set(heat["grid_id"])]
    matrix = heat.pivot(index="grid_id", columns="day", values="knocked").reindex(order)
    matrix.index = [f"{names[g]} ({g})" for g in matrix.index]
    matrix.columns = [pd.Timestamp(c).date() for c in matrix.columns]
    return matrix
