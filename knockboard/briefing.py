"""The daily briefing, from query results to what the page shows: headline cards with their change
since the day before, the street (or community) ranking, and the words written from the numbers.
No Streamlit here: the page, the HTML/PDF export and the tests all use `gather`."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from knockboard import i18n, shown
from knockboard.shown import Card

STALLED_DAYS = 3
TREND_DAYS = 14


def headline(
    day: dt.date,
    visits: pd.DataFrame,
    shifts: pd.DataFrame,
    inspections: pd.DataFrame,
    leads: pd.DataFrame,
    first_day: dt.date | None = None,
) -> list[Card]:
    """The headline cards for `day`, from the *_daily queries run over (at least) day-1 .. day; no
    change on the first day with data (`first_day`)."""

    def card(key, df, column, **kw):
        days = pd.to_datetime(df["day"]).dt.date
        upto = df[(days <= day) & ((days >= first_day) if first_day else True)]
        trend = [float(v) * (100 if kw.get("kind") == "percent" else 1) for v in upto[column].fillna(0)]
        return Card(key, *shown.day_and_before(df, day, column, first_day), trend=trend, **kw)

    return [
        card("knocked", visits, "knocked"),
        card("coverage", visits, "coverage", kind="percent"),
        card("newly_covered", visits, "newly_covered"),
        card("hours", shifts, "hours", kind="hours"),
        card("active_volunteers", shifts, "active_volunteers"),
        card("inspections", inspections, "inspections"),
        card("closed_businesses", inspections, "closed_businesses", worse_when_up=True),
        card("briefing_leads_received", leads, "received"),
        card("briefing_leads_verified", leads, "verified"),
        card("briefing_leads_pending_24h", leads, "pending_over_24h", worse_when_up=True),
    ]


def rank_move(moved: int, lang: str) -> str:
    """A rank change in words. Rank 1 is the lowest coverage (worst first), so a smaller rank than
    the day before (moved > 0) means the area fell behind the others; a larger one, it improved."""
    if moved == 0:
        return i18n.t("rank_same", lang)
    return i18n.t("rank_fell_behind" if moved > 0 else "rank_improved", lang, k=abs(moved))


def ranking(ranked: pd.DataFrame, hours: pd.DataFrame | None, lang: str, has_previous: bool = True) -> pd.DataFrame:
    """The ranking as shown (streets, or a street's communities): worst coverage first, with the
    rank and coverage change since yesterday (empty on the first day: there is no yesterday)."""
    df = ranked.merge(hours, on="street_id", how="left") if hours is not None else ranked
    moves = [
        rank_move(int(p - r), lang) if has_previous else ""
        for p, r in zip(df["coverage_rank_prev"], df["coverage_rank"])
    ]
    change = ((df["coverage"] - df["coverage_prev"]) * 100).round(i18n.POINT_DECIMALS)
    return pd.DataFrame(
        {
            i18n.t("col_rank", lang): df["coverage_rank"].astype(int),
            i18n.t("col_rank_change", lang): moves,
            i18n.t(
                "col_street" if "street_id" in df.columns and "community_id" not in df.columns else "col_community",
                lang,
            ): [i18n.place(z, e, lang) for z, e in zip(df["name_zh"], df["name_en"])],
            i18n.t("col_coverage", lang): (df["coverage"] * 100).round(1),
            i18n.t("col_coverage_change", lang): change if has_previous else float("nan"),
            i18n.t("col_knocked", lang): df["knocked"].astype(int),
            i18n.t("col_hours", lang): df["hours"].round(i18n.DECIMALS["hours"]),
        }
    )


def ranking_key_columns_first(table: pd.DataFrame, lang: str) -> list[str]:
    """The ranking's columns in the order the page shows them: the area, its coverage and its rank
    first (what a reader on a phone sees before scrolling sideways), then the rest as made."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    first = [table.columns[2], t("col_coverage"), t("col_rank")]  # the area: street or community
    return first + [c for c in table.columns if c not in first]


IMPROVED_COLOUR, FELL_BEHIND_COLOUR = "#2e7d32", "#c62828"


def rank_colour(text: str) -> str:
    """CSS for a rank-change cell: green when the area improved (▲), red when it fell behind (▼)."""
    if text.startswith("▲"):
        return f"color: {IMPROVED_COLOUR}"
    return f"color: {FELL_BEHIND_COLOUR}" if text.startswith("▼") else ""


def ranking_styled(table: pd.DataFrame, lang: str, html: bool = False):
    """The ranking table with its rank changes coloured, for the page and (`html`: every value
    HTML-escaped) the HTML export."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    styler = table.style.format(escape="html") if html else table.style
    return (
        styler.map(lambda v: rank_colour(str(v)), subset=[t("col_rank_change")])
        .format("{:.1f}%", subset=[t("col_coverage")])
        .format(precision=i18n.DECIMALS["hours"], subset=[t("col_hours")])
        .format(precision=i18n.POINT_DECIMALS, na_rep="", subset=[t("col_coverage_change")])
    )


def _move(row, lang: str, has_previous: bool = True) -> str:
    """Rank 1 is the lowest coverage, so a smaller rank than yesterday means the street fell behind."""
    moved = int(row.coverage_rank_prev - row.coverage_rank)
    if moved == 0 or not has_previous:
        return ""
    key = "att_move_down" if moved > 0 else "att_move_up"
    k = abs(moved)
    return i18n.t(key, lang, k=k, s="" if k == 1 else "s")


def attention(
    day: dt.date,
    street_coverage: pd.DataFrame,
    visits: pd.DataFrame,
    stalled: pd.DataFrame,
    stalled_days: int,
    leads: pd.DataFrame,
    inspections: pd.DataFrame,
    target: float,
    lang: str,
    max_streets: int = 3,
    first_day: dt.date | None = None,
) -> list[str]:
    """What needs attention on `day`, in words, most important first (no "since the day before"
    on the first day with data)."""
    items: list[str] = []
    previous = shown.has_previous(day, first_day)
    n = len(street_coverage)
    unit = i18n.t("unit_communities" if "community_id" in street_coverage.columns else "unit_streets", lang)
    ranked = street_coverage.dropna(subset=["coverage"]).sort_values(["coverage_rank", "name_zh"])
    if n > 1 and len(ranked):
        worst = ranked.iloc[0]
        items.append(
            i18n.t(
                "att_lowest",
                lang,
                street=i18n.place(worst.name_zh, worst.name_en, lang),
                coverage=i18n.percent(worst.coverage, 0),
                n=n,
                unit=unit,
                move=_move(worst, lang, previous),
            )
        )
        below = ranked.iloc[1:][ranked.iloc[1:]["coverage"] < target].head(max_streets - 1)
        for row in below.itertuples():
            items.append(
                i18n.t(
                    "att_low",
                    lang,
                    street=i18n.place(row.name_zh, row.name_en, lang),
                    coverage=i18n.percent(row.coverage, 0),
                    target=i18n.percent(target, 0),
                    rank=_ordinal(int(row.coverage_rank), lang),
                    rank_n=int(row.coverage_rank),
                    n=n,
                    unit=unit,
                    move=_move(row, lang, previous),
                )
            )
    knocked_now, knocked_prev = shown.day_and_before(visits, day, "knocked", first_day)
    if knocked_now is not None and knocked_prev and knocked_now < 0.8 * knocked_prev:
        items.append(
            i18n.t(
                "att_knocked_drop",
                lang,
                pct=i18n.percent(1 - knocked_now / knocked_prev, 0),
                prev=i18n.number(knocked_prev),
                now=i18n.number(knocked_now),
            )
        )
    if len(stalled):
        top = stalled.iloc[0]
        items.append(
            i18n.t(
                "att_stalled",
                lang,
                n=len(stalled),
                days=stalled_days,
                households=i18n.number(stalled["registered"].sum()),
                grid=i18n.place(top["name_zh"], top.get("name_en"), lang),
            )
        )
    pending, _ = shown.day_and_before(leads, day, "pending_over_24h")
    if pending:
        items.append(i18n.t("att_leads", lang, n=i18n.number(pending)))
    closed, _ = shown.day_and_before(inspections, day, "closed_businesses")
    if closed:
        items.append(i18n.t("att_closed", lang, n=i18n.number(closed)))
    return items or [i18n.t("att_none", lang)]


def _ordinal(k: int, lang: str) -> str:
    if lang == "zh":
        return f"第{k}"
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{k}{suffix} lowest"


def _name(row, lang: str) -> str:
    return i18n.place(row.name_zh, row.name_en, lang)


def summary(
    day: dt.date, ranked: pd.DataFrame, visits: pd.DataFrame, lang: str, first_day: dt.date | None = None
) -> list[str]:
    """Who leads, who lags and what changed since the day before, in a few sentences (on the first
    day with data there is no day before: no change is said)."""
    out = []
    previous = shown.has_previous(day, first_day)
    ranked = ranked.dropna(subset=["coverage"])
    if len(ranked) > 1:
        best, worst = ranked.sort_values("coverage").iloc[-1], ranked.sort_values("coverage").iloc[0]
        out.append(
            i18n.t(
                "sum_leads_lags",
                lang,
                best=_name(best, lang),
                best_cov=i18n.percent(best.coverage),
                worst=_name(worst, lang),
                worst_cov=i18n.percent(worst.coverage),
            )
        )
        gains = (ranked["coverage"] - ranked["coverage_prev"]).fillna(0)
        top = ranked.loc[gains.idxmax()]
        if gains.max() > 0 and previous:
            out.append(i18n.t("sum_biggest_gain", lang, name=_name(top, lang), pts=i18n.points(gains.max(), lang)))
    now, prev = shown.day_and_before(visits, day, "knocked", first_day)
    cov_now, cov_prev = shown.day_and_before(visits, day, "coverage", first_day)
    if now is not None and prev is not None and cov_now is not None:
        out.append(
            i18n.t(
                "sum_knocked",
                lang,
                now=i18n.number(now),
                prev=i18n.number(prev),
                change=i18n.signed(now - prev),
                coverage=i18n.percent(cov_now),
                cov_change=i18n.points(cov_now - (cov_prev or 0), lang),
            )
        )
    elif now is not None and cov_now is not None:
        out.append(i18n.t("sum_knocked_first_day", lang, now=i18n.number(now), coverage=i18n.percent(cov_now)))
    return out


@dataclass
class Briefing:
    day: dt.date
    street: str | None
    lang: str
    target: float
    visits: pd.DataFrame
    shifts: pd.DataFrame
    inspections: pd.DataFrame
    leads: pd.DataFrame
    ranked: pd.DataFrame  # streets, or a street's communities
    hours: pd.DataFrame | None
    stalled: pd.DataFrame
    cards: list[Card]
    words: list[str]  # who leads, who lags, what changed
    attention: list[str]
    has_previous: bool = True  # False on the first day with data: no change since a day before

    @property
    def ranking_table(self) -> pd.DataFrame:
        return ranking(self.ranked, self.hours, self.lang, self.has_previous)


def gather(run: Callable[..., pd.DataFrame], day: dt.date, street: str | None, lang: str, target: float) -> Briefing:
    """Everything the briefing shows for `day`, from the named queries; `run(name, **params)` runs
    one (the page passes its cached runner, the export a plain one)."""
    start = day - dt.timedelta(days=TREND_DAYS - 1)
    visits = run("knocked_daily", start=start, end=day, street=street)
    shifts = run("hours_daily", start=start, end=day, street=street)
    inspections = run("inspections_daily", start=start, end=day, street=street)
    leads = run("leads_daily", start=start, end=day, street=street)
    stalled = run("stalled_grids", day=day, days=STALLED_DAYS, street=street)
    first = run("data_days").iloc[0]["first_day"]
    first_day = None if pd.isna(first) else pd.Timestamp(first).date()
    if street:
        ranked, hours = run("community_coverage", day=day, street=street), None
    else:
        ranked, hours = run("street_coverage", day=day), run("street_hours", day=day)
    words = summary(day, ranked, visits, lang, first_day)
    items = attention(day, ranked, visits, stalled, STALLED_DAYS, leads, inspections, target, lang, first_day=first_day)
    return Briefing(
        day,
        street,
        lang,
        target,
        visits,
        shifts,
        inspections,
        leads,
        ranked,
        hours,
        stalled,
        headline(day, visits, shifts, inspections, leads, first_day),
        words,
        items,
        shown.has_previous(day, first_day),
    )
