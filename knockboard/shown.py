"""How every page shows its numbers: headline cards with their change since the day before, the
value of a daily query on a day, and tables with their headers in the chosen language. Shared by the
pages' modules (briefing, knocked, hours, inspections, leads); no Streamlit here."""

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from knockboard import i18n

# ---------------------------------------------------------------- a day's value and the day before


def value_on(df: pd.DataFrame, day: dt.date, column: str) -> float | None:
    """The value of `column` on `day` in a daily query result, None when the day is not there."""
    match = df[pd.to_datetime(df["day"]).dt.date == day]
    return None if match.empty or pd.isna(match.iloc[0][column]) else float(match.iloc[0][column])


def has_previous(day: dt.date, first_day: dt.date | None) -> bool:
    """Whether `day` has a day before it to compare with: not the first day with data."""
    return first_day is None or day > first_day


def day_and_before(
    df: pd.DataFrame, day: dt.date, column: str, first_day: dt.date | None = None
) -> tuple[float | None, float | None]:
    """The value on `day` and on the day before (None before the first day with data: the daily
    queries fill days before it with zeros, which are no "day before")."""
    before = value_on(df, day - dt.timedelta(days=1), column) if has_previous(day, first_day) else None
    return value_on(df, day, column), before


def change_since(df: pd.DataFrame, day: dt.date, column: str, decimals: int = 0) -> str | None:
    """The change since the day before, as shown ("+12"); None without both days."""
    now, before = day_and_before(df, day, column)
    if now is None or before is None:
        return None
    return i18n.signed(now - before, decimals)


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
        return i18n.number(self.value, i18n.DECIMALS[self.kind])

    def shown_change(self, lang: str) -> str | None:
        """The change since the day before; None when there is no day before (the first day)."""
        if self.change is None:
            return None
        if self.kind == "percent":
            return i18n.points(self.change, lang)
        return i18n.signed(self.change, i18n.DECIMALS[self.kind])


# ---------------------------------------------------------------- tables as shown


def with_unit_names(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Adds `unit`: the stored Chinese name, with the English/pinyin name beside it in English."""
    out = df.copy()
    out["unit"] = [
        i18n.place(z, e if isinstance(e, str) else None, lang) for z, e in zip(out["name_zh"], out["name_en"])
    ]
    return out


def display(
    df: pd.DataFrame,
    columns: dict[str, str],
    lang: str,
    percent: tuple[str, ...] = (),
    decimals: dict[str, int] | None = None,
) -> pd.DataFrame:
    """The table as shown and downloaded: the chosen columns, headers translated, shares in %,
    dates as dates."""
    decimals = decimals or {}
    out = pd.DataFrame()
    for column, key in columns.items():
        values = df[column]
        if column in percent:
            values = (values.astype(float) * 100).round(1)
        elif column in decimals:
            values = values.astype(float).round(decimals[column])
        elif pd.api.types.is_datetime64_any_dtype(values):
            values = values.dt.date
        out[i18n.t(key, lang)] = values.to_numpy() if hasattr(values, "to_numpy") else values
    return out


def yes_no(values: pd.Series, lang: str) -> list[str]:
    return [i18n.t("field_yes" if v else "field_no", lang) for v in values]
