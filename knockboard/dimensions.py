"""The campaign's enumerations (DESIGN.md), each listed once: its values in DESIGN.md's order, with
their Chinese and English names and the other spellings clerks write.

Everything that names a value reads it from here: the loader accepts these spellings (loading/spec.py),
the labels show these names (`label_key`), the demo draws from these values, and every store holds
them as dimension tables (`dim_posts`, …, written with the rollups) that the queries list from, so a
post with no hours still gets its row. The schema's check constraints hold the same values (a
constraint cannot read a table; tests/test_dimensions.py keeps the two equal).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Member:
    value: str  # as stored
    zh: str
    en: str
    spellings: tuple[str, ...] = ()  # further ways clerks write it


@dataclass(frozen=True)
class Dimension:
    table: str  # the store's dimension table
    column: str  # the fact column holding the value
    label_prefix: str  # label keys are label_prefix + value
    members: tuple[Member, ...]

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(m.value for m in self.members)

    def label_key(self, value: str) -> str:
        return self.label_prefix + value

    def labels(self) -> dict[str, dict[str, str]]:
        """Label entries for knockboard.i18n, one per value."""
        return {self.label_key(m.value): {"en": m.en, "zh": m.zh} for m in self.members}

    def spellings(self) -> dict[str, tuple[str, ...]]:
        """Value -> what else a clerk's sheet may say for it (its names and other spellings)."""
        return {m.value: tuple(dict.fromkeys((m.zh, *m.spellings, m.en.lower()))) for m in self.members}

    def table_sql(self) -> str:
        """The dimension table: position (DESIGN.md order), value, name_zh, name_en."""
        rows = ", ".join(
            f"({i}, {_literal(m.value)}, {_literal(m.zh)}, {_literal(m.en)})" for i, m in enumerate(self.members, 1)
        )
        return (
            f"create or replace table {self.table} as select * from (values {rows}) "
            f"d(position, {self.column}, name_zh, name_en);"
        )


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


POSTS = Dimension(
    "dim_posts",
    "post_category",
    "hours_post_",
    (
        Member("publicity", "防疫宣传", "Publicity"),
        Member("checkpoint", "卡口执勤", "Checkpoint duty"),
        Member("transport", "物资转运", "Supply transport"),
        Member("assistance", "帮扶保障", "Assistance"),
        Member("data_verification", "数据核查", "Data verification"),
        Member("door_to_door", "入户排查", "Door-to-door screening", ("door-to-door",)),
        Member("testing_site", "核酸检测服务", "Testing-site service", ("核酸检测",)),
        Member("disinfection", "环境消杀", "Disinfection", ("消杀",)),
    ),
)

ORG_TYPES = Dimension(
    "dim_org_types",
    "org_type",
    "hours_org_",
    (
        Member("community", "社区", "Community"),
        Member("organ", "机关", "Government organ", ("机关党员",)),
        Member("two_new", "两新组织", "“Two new” organisations", ("两新", "two new")),
    ),
)

TEAM_KINDS = Dimension(
    "dim_team_kinds",
    "kind",
    "hours_kind_",
    (
        Member("grid", "网格服务队", "grid team", ("网格",)),
        Member("campaign", "攻坚党支部服务队", "campaign branch team", ("防疫攻坚",)),
        Member("organ", "机关服务队", "organ team", ("机关",)),
        Member("two_new", "两新组织服务队", "“two new” team", ("两新组织", "两新")),
    ),
)

OUTCOMES = Dimension(
    "dim_outcomes",
    "outcome",
    "knocked_outcome_",
    (
        Member("met", "已见面", "Met", ("见面", "已入户", "已走访")),
        Member("not_home", "不在家", "Not at home", ("未见面", "无人", "家中无人")),
        Member("refused", "拒绝", "Refused", ("拒访", "拒绝入户")),
        Member("vacant", "空置", "Vacant", ("空房", "空置房", "无人居住")),
    ),
)

INSPECTION_OUTCOMES = Dimension(
    "dim_inspection_outcomes",
    "outcome",
    "inspections_outcome_",
    (
        Member("pass", "合格", "Pass", ("通过", "无问题")),
        Member("rectify", "责令整改", "Ordered to rectify", ("整改", "限期整改")),
        Member("suspended", "停业整顿", "Suspended", ("停业",)),
        Member("fined", "罚款", "Fined", ("处罚", "行政处罚")),
    ),
)

LEAD_KINDS = Dimension(
    "dim_lead_kinds",
    "kind",
    "leads_kind_",
    (
        Member("companion", "时空伴随", "Spatio-temporal companion"),
        Member("returnee", "外地返通", "Returnee", ("返通人员",)),
        Member("risk_area", "中高风险地区", "Risk-area visit", ("中高风险",)),
    ),
)

ALL = (POSTS, ORG_TYPES, TEAM_KINDS, OUTCOMES, INSPECTION_OUTCOMES, LEAD_KINDS)


def tables_sql() -> str:
    """Every dimension table, as SQL run with the rollups."""
    return "\n".join(d.table_sql() for d in ALL)
