"""The daily briefing, from query results to what the page shows: headline cards with their change
since the day before, the street (or community) ranking, and the words written from the numbers.
No Streamlit here: the page, the HTML/PDF export and the tests all use `gather`."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from knockboard import i18n

STALLED_DAYS = 3
TREND_DAYS = 14


@dataclass
class Card:
    key: str  # translation key of the label
    value: float | None
    previous: float | None
    kind: str = "count"  # count | percent | hours
    worse_when_up: bool = False  # e.g. a backlog: a rise is bad news
    trend: list[float] = field(default_factory=list)  # the last days, oldest first, for a sparkline

    @property
    def change(self) -> float | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    def shown(self) -> str:
        if self.kind == "percent":
            return i18n.percent(self.value)
        return i18n.number(self.value, 1 if self.kind == "hours" and self.value % 1 else 0)

    def shown_change(self, lang: str) -> str | None:
        if self.change is None:
            return None
        if self.kind == "percent":
            return i18n.signed(self.change * 100, 1, " pt" if lang == "en" else " 个百分点")
        return i18n.signed(self.change, 1 if self.kind == "hours" else 0)


def _row(df: pd.DataFrame, day: dt.date) -> pd.Series | None:
    match = df[pd.to_datetime(df["day"]).dt.date == day]
    return match.iloc[0] if len(match) else None


def _pair(df: pd.DataFrame, day: dt.date, column: str) -> tuple[float | None, float | None]:
    now, prev = _row(df, day), _row(df, day - dt.timedelta(days=1))
    return (None if now is None else float(now[column]), None if prev is None else float(prev[column]))


def headline(day: dt.date, visits: pd.DataFrame, shifts: pd.DataFrame, inspections: pd.DataFrame,
             leads: pd.DataFrame) -> list[Card]:
    """The headline cards for `day`, from the *_daily queries run over (at least) day-1 .. day."""
    def card(key, df, column, **kw):
        upto = df[pd.to_datetime(df["day"]).dt.date <= day]
        trend = [float(v) * (100 if kw.get("kind") == "percent" else 1) for v in upto[column].fillna(0)]
        return Card(key, *_pair(df, day, column), trend=trend, **kw)

    return [
        card("knocked", visits, "knocked"),
        card("coverage", visits, "coverage", kind="percent"),
        card("newly_covered", visits, "newly_covered"),
        card("hours", shifts, "hours", kind="hours"),
        card("active_volunteers", shifts, "active_volunteers"),
        card("inspections", inspections, "inspections"),
        card("closed_businesses", inspections, "closed_businesses", worse_when_up=True),
        card("leads_received", leads, "received"),
        card("leads_verified", leads, "verified"),
        card("leads_pending_24h", leads, "pending_over_24h", worse_when_up=True),
    ]


def ranking(ranked: pd.DataFrame, hours: pd.DataFrame | None, lang: str) -> pd.DataFrame:
    """The ranking as shown (streets, or a street's communities): worst coverage first, with the
    rank change since yesterday."""
    df = ranked.merge(hours, on="street_id", how="left") if hours is not None else ranked

    def change(row) -> str:
        moved = int(row.coverage_rank_prev - row.coverage_rank)
        return "–" if moved == 0 else (f"▲{moved}" if moved > 0 else f"▼{-moved}")

    return pd.DataFrame({
        i18n.t("col_rank", lang): df["coverage_rank"].astype(int),
        i18n.t("col_rank_change", lang): df.apply(change, axis=1),
        i18n.t("col_street" if "street_id" in df.columns and "community_id" not in df.columns else "col_community",
               lang): [i18n.place(z, e, lang) for z, e in zip(df["name_zh"], df["name_en"])],
        i18n.t("col_coverage", lang): (df["coverage"] * 100).round(1),
        i18n.t("col_coverage_change", lang): ((df["coverage"] - df["coverage_prev"]) * 100).round(2),
        i18n.t("col_knocked", lang): df["knocked"].astype(int),
        i18n.t("col_hours", lang): df["hours"].round(1),
    })


def _move(row, lang: str) -> str:
    """Rank 1 is the lowest coverage, so a smaller rank than yesterday means the street fell back."""
    moved = int(row.coverage_rank_prev - row.coverage_rank)
    if moved == 0:
        return ""
    key = "att_move_down" if moved > 0 else "att_move_up"
    k = abs(moved)
    return i18n.t(key, lang, k=k, s="" if k == 1 else "s")


def attention(day: dt.date, street_coverage: pd.DataFrame, visits: pd.DataFrame, stalled: pd.DataFrame,
              stalled_days: int, leads: pd.DataFrame, inspections: pd.DataFrame, target: float,
              lang: str, max_streets: int = 3) -> list[str]:
    """What needs attention on `day`, in words, most important first."""
    items: list[str] = []
    n = len(street_coverage)
    unit = i18n.t("unit_communities" if "community_id" in street_coverage.columns else "unit_streets", lang)
    ranked = street_coverage.dropna(subset=["coverage"]).sort_values(["coverage_rank", "name_zh"])
    if n > 1 and len(ranked):
        worst = ranked.iloc[0]
        items.append(i18n.t("att_lowest", lang, street=i18n.place(worst.name_zh, worst.name_en, lang),
                            coverage=i18n.percent(worst.coverage, 0), n=n, unit=unit,
                            move=_move(worst, lang)))
        below = ranked.iloc[1:][ranked.iloc[1:]["coverage"] < target].head(max_streets - 1)
        for row in below.itertuples():
            items.append(i18n.t("att_low", lang, street=i18n.place(row.name_zh, row.name_en, lang),
                                coverage=i18n.percent(row.coverage, 0), target=i18n.percent(target, 0),
                                rank=_ordinal(int(row.coverage_rank), lang), rank_n=int(row.coverage_rank),
                                n=n, unit=unit, move=_move(row, lang)))
    knocked_now, knocked_prev = _pair(visits, day, "knocked")
    if knocked_now is not None and knocked_prev and knocked_now < 0.8 * knocked_prev:
        items.append(i18n.t("att_knocked_drop", lang, pct=i18n.percent(1 - knocked_now / knocked_prev, 0),
                            prev=i18n.number(knocked_prev), now=i18n.number(knocked_now)))
    if len(stalled):
        top = stalled.iloc[0]
        items.append(i18n.t("att_stalled", lang, n=len(stalled), days=stalled_days,
                            households=i18n.number(stalled["registered"].sum()), grid=top["name_zh"]))
    pending, _ = _pair(leads, day, "pending_over_24h")
    if pending:
        items.append(i18n.t("att_leads", lang, n=i18n.number(pending)))
    closed, _ = _pair(inspections, day, "closed_businesses")
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


def summary(day: dt.date, ranked: pd.DataFrame, visits: pd.DataFrame, lang: str) -> list[str]:
    """Who leads, who lags and what changed since the day before, in a few sentences."""
    out = []
    ranked = ranked.dropna(subset=["coverage"])
    if len(ranked) > 1:
        best, worst = ranked.sort_values("coverage").iloc[-1], ranked.sort_values("coverage").iloc[0]
        out.append(i18n.t("sum_leads_lags", lang, best=_name(best, lang), best_cov=i18n.percent(best.coverage),
                          worst=_name(worst, lang), worst_cov=i18n.percent(worst.coverage)))
        gains = (ranked["coverage"] - ranked["coverage_prev"]).fillna(0)
        top = ranked.loc[gains.idxmax()]
        if gains.max() > 0:
            out.append(i18n.t("sum_biggest_gain", lang, name=_name(top, lang),
                              pts=i18n.number(gains.max() * 100, 2)))
    now, prev = _pair(visits, day, "knocked")
    cov_now, cov_prev = _pair(visits, day, "coverage")
    if now is not None and prev is not None and cov_now is not None:
        out.append(i18n.t("sum_knocked", lang, now=i18n.number(now), prev=i18n.number(prev),
                          change=i18n.signed(now - prev), coverage=i18n.percent(cov_now),
                          cov_change=i18n.signed((cov_now - (cov_prev or 0)) * 100, 2)))
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

    @property
    def ranking_table(self) -> pd.DataFrame:
        return ranking(self.ranked, self.hours, self.lang)


def gather(run: Callable[..., pd.DataFrame], day: dt.date, street: str | None, lang: str,
           target: float) -> Briefing:
    """Everything the briefing shows for `day`, from the named queries; `run(name, **params)` runs
    one (the page passes its cached runner, the export a plain one)."""
    start = day - dt.timedelta(days=TREND_DAYS - 1)
    visits = run("knocked_daily", start=start, end=day, street=street)
    shifts = run("hours_daily", start=start, end=day, street=street)
    inspections = run("inspections_daily", start=start, end=day, street=street)
    leads = run("leads_daily", start=start, end=day, street=street)
    stalled = run("stalled_grids", day=day, days=STALLED_DAYS, street=street)
    if street:
        ranked, hours = run("community_coverage", day=day, street=street), None
    else:
        ranked, hours = run("street_coverage", day=day), run("street_hours", day=day)
    words = summary(day, ranked, visits, lang)
    items = attention(day, ranked, visits, stalled, STALLED_DAYS, leads, inspections, target, lang)
    return Briefing(day, street, lang, target, visits, shifts, inspections, leads, ranked, hours, stalled,
                    headline(day, visits, shifts, inspections, leads), words, items)
