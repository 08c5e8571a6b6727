"""Each enumeration is listed once (knockboard/dimensions.py) and everything that names its values
agrees with it: the schema's check constraints, the store's dimension tables, the loader's
spellings, the labels in both languages and the demo."""

import re

import duckdb
import pytest

from knockboard import demo, dimensions, i18n, schema
from knockboard.loading import spec

# (dimension, the fact table and column the schema constrains)
CONSTRAINED = [
    (dimensions.POSTS, "shifts", "post_category"),
    (dimensions.ORG_TYPES, "volunteers", "org_type"),
    (dimensions.TEAM_KINDS, "teams", "kind"),
    (dimensions.OUTCOMES, "visits", "outcome"),
    (dimensions.INSPECTION_OUTCOMES, "inspections", "outcome"),
    (dimensions.LEAD_KINDS, "leads", "kind"),
]


def test_every_dimension_is_constrained_by_the_schema():
    assert {d for d, _, _ in CONSTRAINED} == set(dimensions.ALL)


@pytest.mark.parametrize("dimension,table,column", CONSTRAINED, ids=[d.table for d, _, _ in CONSTRAINED])
def test_the_schema_allows_exactly_the_dimension_values(dimension, table, column):
    con = duckdb.connect()
    schema.ensure_schema(con)
    checks = [
        text
        for (text,) in con.execute(
            "select expression from duckdb_constraints() where table_name = ? and constraint_type = 'CHECK'", [table]
        ).fetchall()
        if re.search(rf"\b{column}\b", text) and " IN " in text.upper()
    ]
    assert len(checks) == 1, checks
    assert set(re.findall(r"'([^']*)'", checks[0])) == set(dimension.values)


@pytest.mark.parametrize("dimension", dimensions.ALL, ids=[d.table for d in dimensions.ALL])
def test_the_store_holds_each_dimension_in_design_order(hand_con, dimension):
    rows = hand_con.execute(
        f"select position, {dimension.column}, name_zh, name_en from {dimension.table} order by position"
    ).fetchall()
    assert rows == [(i, m.value, m.zh, m.en) for i, m in enumerate(dimension.members, 1)]


@pytest.mark.parametrize("dimension", dimensions.ALL, ids=[d.table for d in dimensions.ALL])
def test_every_value_has_its_names_as_labels(dimension):
    for member in dimension.members:
        assert i18n.t(dimension.label_key(member.value), "zh") == member.zh
        assert i18n.t(dimension.label_key(member.value), "en") == member.en


def test_the_loader_reads_the_dimensions_spellings():
    enums = {(t.name, c.name): c.values for t in spec.TABLES.values() for c in t.columns if c.kind == "enum"}
    for dimension, table, column in CONSTRAINED:
        values = enums[(table, column)]
        assert values == dimension.spellings()
        for member in dimension.members:  # a sheet may give the Chinese or the English name
            assert member.zh in values[member.value] and member.en.lower() in values[member.value]


def test_the_demo_draws_posts_from_the_dimension():
    assert tuple(demo.POSTS) == dimensions.POSTS.values
