"""The party-member hours page (党员志愿时长), from query results to what it shows: post and
organisation names in the chosen language, and the tables behind the charts. No Streamlit here."""

import pandas as pd

from knockboard import dimensions, i18n
from knockboard.shown import display, with_unit_names, yes_no

POSTS = dimensions.POSTS.values  # DESIGN.md order
ORGS = dimensions.ORG_TYPES.values
IDLE_DAYS = 7  # "volunteers without a shift for a week"
HOURS_BIN = 5  # hours per volunteer, in bins of 5 h
TOP_TEAMS = 20
LIST_LIMIT = 500


def hours_text(value) -> str:
    """Hours as shown on a card: one decimal, as everywhere (7.5, 18.0)."""
    if value is None or pd.isna(value):
        return i18n.number(None)
    return i18n.hours(float(value))


def post_name(post: str, lang: str) -> str:
    return i18n.t(dimensions.POSTS.label_key(post), lang)


def org_name(org: str, lang: str) -> str:
    return i18n.t(dimensions.ORG_TYPES.label_key(org), lang)


def with_names(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Adds `post` / `org` display names where the query returns the stored keys."""
    out = df.copy()
    if "post_category" in out:
        out["post"] = [post_name(p, lang) for p in out["post_category"]]
    if "org_type" in out:
        out["org"] = [org_name(o, lang) for o in out["org_type"]]
    return out


def posts_by_day(daily: pd.DataFrame) -> pd.DataFrame:
    """One column of hours per post (stored keys), one row per day: what the stacked chart draws."""
    wide = daily.pivot(index="day", columns="post_category", values="hours").reindex(columns=list(POSTS))
    return wide.fillna(0).reset_index()


# ---------------------------------------------------------------- the tables behind the charts


def daily_table(daily: pd.DataFrame, lang: str) -> pd.DataFrame:
    return display(
        daily,
        {"day": "field_col_day", "hours": "hours_hours", "active_volunteers": "hours_active", "shifts": "hours_shifts"},
        lang,
    )


def post_table(posts: pd.DataFrame, lang: str) -> pd.DataFrame:
    return display(
        with_names(posts, lang),
        {"post": "hours_post", "hours": "hours_hours", "shifts": "hours_shifts", "share": "hours_share"},
        lang,
        percent=("share",),
    )


def post_daily_table(wide: pd.DataFrame, lang: str) -> pd.DataFrame:
    table = display(wide, {"day": "field_col_day"}, lang)
    for post in POSTS:
        table[post_name(post, lang)] = wide[post].to_numpy()
    return table


def org_table(orgs: pd.DataFrame, lang: str) -> pd.DataFrame:
    return display(
        with_names(orgs, lang),
        {
            "org": "hours_org",
            "volunteers": "hours_volunteers",
            "party_members": "hours_party_members",
            "hours": "hours_hours",
            "hours_per_volunteer": "hours_per_volunteer",
        },
        lang,
        decimals={"hours_per_volunteer": 1},
    )


def unit_table(units: pd.DataFrame, street: str | None, lang: str) -> pd.DataFrame:
    return display(
        with_unit_names(units, lang),
        {
            "unit": "field_col_street" if street is None else "field_col_grid",
            "hours": "hours_hours",
            "volunteers": "hours_volunteers",
            "hours_day": "hours_hours_day",
            "volunteers_day": "hours_active_day",
        },
        lang,
    )


def with_team_labels(teams: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = teams.copy()
    out["street"] = [
        i18n.place(z, e if isinstance(e, str) else None, lang) if isinstance(z, str) else ""
        for z, e in zip(out["street_zh"], out["street_en"])
    ]
    out["kind_name"] = [i18n.t(dimensions.TEAM_KINDS.label_key(k), lang) for k in out["kind"]]
    out["name"] = i18n.places(out["name"], out["name_en"], lang)
    return out


def team_table(teams: pd.DataFrame, lang: str) -> pd.DataFrame:
    return display(
        with_team_labels(teams, lang),
        {
            "name": "hours_team",
            "kind_name": "hours_team_kind",
            "street": "field_col_street",
            "volunteers": "hours_volunteers",
            "hours": "hours_hours",
            "hours_day": "hours_hours_day",
        },
        lang,
    )


def with_not_retired(joined: pd.DataFrame) -> pd.DataFrame:
    """Adds `not_retired`, so the chart can stack retired and other newcomers."""
    return joined.assign(not_retired=joined["joined"] - joined["retired"])


def joined_table(joined: pd.DataFrame, lang: str) -> pd.DataFrame:
    return display(
        joined,
        {
            "day": "field_col_day",
            "joined": "hours_joined",
            "retired": "hours_joined_retired",
            "party_members": "hours_joined_party",
            "joined_to_date": "hours_joined_to_date",
        },
        lang,
    )


def idle_list(volunteers: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = with_names(volunteers, lang)
    out["street"] = [
        i18n.place(z, e if isinstance(e, str) else None, lang) if isinstance(z, str) else ""
        for z, e in zip(out["street_zh"], out["street_en"])
    ]
    # one type per column (Arrow): the day as text, or "never"
    out["team_name"] = [
        i18n.place(z, e, lang) if isinstance(z, str) else "" for z, e in zip(out["team_name"], out["team_name_en"])
    ]
    out["last_day"] = [
        d.date().isoformat() if not pd.isna(d) else i18n.t("field_never", lang) for d in pd.to_datetime(out["last_day"])
    ]
    table = display(
        out,
        {
            "volunteer_id": "hours_volunteer",
            "team_name": "hours_team",
            "street": "field_col_street",
            "org": "hours_org",
        },
        lang,
    )
    table[i18n.t("hours_party_member", lang)] = yes_no(out["is_party_member"], lang)
    table[i18n.t("hours_retired", lang)] = yes_no(out["retired"], lang)
    table[i18n.t("hours_last_shift", lang)] = out["last_day"].to_numpy()
    table[i18n.t("hours_days_since", lang)] = out["days_since"].to_numpy()
    return table


def distribution_table(bins: pd.DataFrame, width: float, lang: str) -> pd.DataFrame:
    out = bins.assign(bin_end=bins["bin_start"] + width)
    return display(out, {"bin_start": "hours_bin", "bin_end": "hours_bin_to", "volunteers": "hours_volunteers"}, lang)


def checkpoint_with_percent(checkpoint: pd.DataFrame) -> pd.DataFrame:
    """Shares in percent: what the share chart draws."""
    return checkpoint.assign(
        street_pct=(checkpoint["street_share"].astype(float) * 100).round(1),
        grid_pct=(checkpoint["grid_share"].astype(float) * 100).round(1),
    )


def checkpoint_table(checkpoint: pd.DataFrame, lang: str) -> pd.DataFrame:
    return display(
        checkpoint,
        {
            "day": "field_col_day",
            "hours": "hours_checkpoint_hours",
            "volunteers": "hours_checkpoint_volunteers",
            "streets_covered": "hours_streets_covered",
            "streets_in_scope": "hours_streets_in_scope",
            "street_share": "hours_street_share",
            "grids_covered": "hours_grids_covered",
            "grids_in_scope": "hours_grids_in_scope",
            "grid_share": "hours_grid_share",
        },
        lang,
        percent=("street_share", "grid_share"),
    )
