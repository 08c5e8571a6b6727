"""What a page gets from the shell: the language, the report day and street, the signed-in user,
and `q`, the one way a page runs a named query (cached, scoped to the user's territory, personal
data masked)."""

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

import queries
from knockboard import audit, i18n, privacy, url_state
from knockboard.access import User
from knockboard.app_store import cached_query
from knockboard.config import COVERAGE_TARGET


@dataclass
class Context:
    lang: str
    day: dt.date
    street: str | None
    first_day: dt.date
    latest_day: dt.date
    streets: pd.DataFrame
    version: str
    path: str
    user: User
    source: str | None = None
    coverage_target: float = COVERAGE_TARGET
    street_names: dict = field(default_factory=dict)
    small_cell: int = 5

    def t(self, key: str, **values) -> str:
        return i18n.t(key, self.lang, **values)

    def q(self, name: str, **params) -> pd.DataFrame:
        """A named query's result, cached until the store's data changes. The user's territory is
        bound as $scope to every query, and personal columns come back masked unless the user may
        see them: pages cannot forget either."""
        asked = params.get("street")
        if self.user.street and asked not in (None, self.user.street):
            not_permitted(self, self.street_label(asked))
        query = queries.get(name)
        params = {**params, "scope": self.user.street}
        df = cached_query(self.path, self.version, name, tuple(sorted(params.items())))
        return df if self.user.sees_personal_data else privacy.mask_frame(df, query.personal)

    @property
    def load_street(self) -> str | None:
        """The street a load is limited to: a clerk's own; None for a district-wide account."""
        return self.user.street

    @property
    def user_name(self) -> str:
        return self.user.name

    def street_label(self, street_id: str | None) -> str:
        if not street_id:
            return self.t("all_streets")
        name_zh, name_en = self.street_names.get(street_id, (street_id, None))
        return i18n.place(name_zh, name_en, self.lang)

    @property
    def area_label(self) -> str:
        """The chosen street's name, or "whole district" (what the page is about, not what the user may see)."""
        return self.street_label(self.street)

    def day_long(self, day: dt.date | None = None) -> str:
        return i18n.day_long(day or self.day, self.lang)


def not_permitted(ctx: Context, what: str) -> None:
    """Stops the run with a clear refusal (recorded), and a way back to what the user may see."""
    audit.record("not_permitted", ctx.user.name, what=what, street=ctx.user.street)
    st.error(ctx.t("not_permitted", what=i18n.md(what)))
    if ctx.user.street:

        def back():
            url_state.forget_written()
            url_state.ask("street", ctx.user.street)

        st.button(ctx.t("back_to_my_street", street=i18n.md(ctx.street_label(ctx.user.street))), on_click=back)
    st.stop()
