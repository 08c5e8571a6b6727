"""What each loadable table looks like in a clerk's file: columns, their Chinese header aliases, types,
accepted spellings of enumerations, parents that must exist, and the key.

The canonical names are those of DESIGN.md; `aliases` are the other headers clerks use.
"""

import unicodedata
from dataclasses import dataclass, field

from knockboard import dimensions

TRUE_WORDS = ("true", "t", "yes", "y", "1", "是", "有", "√", "✓", "对")
FALSE_WORDS = ("false", "f", "no", "n", "0", "否", "无", "×", "✗", "")


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # text | int | float | bool | date | timestamp | enum
    required: bool = False
    aliases: tuple[str, ...] = ()
    values: dict[str, tuple[str, ...]] | None = None  # enum: stored value -> other spellings
    parent: tuple[str, str] | None = None  # (table, key column) that must hold this value
    low: float | None = None  # numbers: smallest allowed
    high: float | None = None  # numbers: largest allowed
    default: object = None  # used when the file leaves the cell empty (or has no such column)
    stored: bool = True  # False: read from the file for another table (see Table.embedded), not kept here


@dataclass(frozen=True)
class Table:
    name: str
    key: str
    columns: tuple[Column, ...]
    aliases: tuple[str, ...] = ()  # words in a file name or title that name this table
    # derived columns: name -> SQL expression over the accepted rows `a` (filled at load time)
    derived: dict[str, str] = field(default_factory=dict)
    # a key made from other columns when the file has no key column (e.g. shifts sheets)
    key_from: tuple[str, ...] = ()
    # the column that says when a fact happened: refused before the campaign or in the future
    when: str | None = None
    # where derived columns come from: (column of this table, SQL of a lookup with that column)
    lookup: tuple[str, str] | None = None
    # a parent the file may describe on the same row (an inspection sheet names the business):
    # (parent table, {parent column: column of this file}); unknown parents so described are created
    embedded: tuple[str, dict[str, str]] | None = None
    # the column of this file naming a described parent's street (by id or name), for new parents
    embedded_street: str | None = None
    # how a row's street is found, for loads by a street clerk: (column of this table, SQL giving that
    # column's street as `street_id`, or None when the column is itself a street id), tried in order.
    # Empty: the table's rows belong to no one street (the territory), so only an administrator loads it.
    street_from: tuple[tuple[str, str | None], ...] = ()

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def required(self) -> set[str]:
        """The columns a file must have (a key made from other columns may be left out)."""
        return {c.name for c in self.columns if c.required and not (c.name == self.key and self.key_from)}


def is_id(column: Column) -> bool:
    """Ids are matched exactly against other tables: cleaned of invisible characters, never a number."""
    return column.kind == "text" and column.name.endswith("_id")


def normalise_header(text: str) -> str:
    """Header cells compare equal whatever their width, case, spaces or bracket style."""
    text = unicodedata.normalize("NFKC", str(text or "")).strip().lower()
    return "".join(text.split())


OUTCOMES = dimensions.OUTCOMES.spellings()
HEALTH_CODES = {"green": ("绿码", "绿"), "yellow": ("黄码", "黄"), "red": ("红码", "红")}
ORG_TYPES = dimensions.ORG_TYPES.spellings()
POSTS = dimensions.POSTS.spellings()
INSPECTION_OUTCOMES = dimensions.INSPECTION_OUTCOMES.spellings()
LEAD_KINDS = dimensions.LEAD_KINDS.spellings()
LEAD_STATUS = {"pending": ("待核查", "未核查", "核查中"), "valid": ("有效",), "invalid": ("无效",)}
COMMUNITY_KINDS = {"community": ("社区",), "village": ("村",)}
TEAM_KINDS = dimensions.TEAM_KINDS.spellings()

LAT = Column("lat", "float", aliases=("纬度", "latitude"), low=-90, high=90)
LON = Column("lon", "float", aliases=("经度", "longitude", "lng"), low=-180, high=180)
BOUNDARY = Column("boundary", "text", aliases=("边界", "geometry", "geojson"))

GRID_STREET = "select g.grid_id, c.street_id from grids g join communities c using (community_id)"
HOUSEHOLD_PLACE = """
    select h.household_id, h.micro_grid_id, c.street_id
    from households h join micro_grids m using (micro_grid_id) join neighbourhoods n using (neighbourhood_id)
    join grids g using (grid_id) join communities c using (community_id)"""
BUSINESS_STREET = "select business_id, street_id from businesses"
MICRO_GRID_STREET = """
    select m.micro_grid_id, c.street_id
    from micro_grids m join neighbourhoods n using (neighbourhood_id) join grids g using (grid_id)
    join communities c using (community_id)"""
TEAM_STREET = "select team_id, street_id from teams"

TABLES: dict[str, Table] = {
    t.name: t
    for t in [
        Table(
            "streets",
            "street_id",
            (
                Column("street_id", "text", True, ("街道编号", "街道代码")),
                Column("name_zh", "text", True, ("街道名称", "街道", "名称", "name")),
                Column("name_en", "text", aliases=("英文名称", "英文名", "拼音", "pinyin")),
                LAT,
                LON,
                BOUNDARY,
            ),
            aliases=("街道",),
        ),
        Table(
            "communities",
            "community_id",
            (
                Column("community_id", "text", True, ("社区编号", "村社区编号")),
                Column("street_id", "text", True, ("街道编号",), parent=("streets", "street_id")),
                Column("name_zh", "text", True, ("社区名称", "村社区名称", "名称", "name")),
                Column("kind", "enum", aliases=("类型",), values=COMMUNITY_KINDS, default="community"),
                Column("name_en", "text", aliases=("英文名称", "英文名", "拼音", "pinyin")),
            ),
            aliases=("社区",),
        ),
        Table(
            "grids",
            "grid_id",
            (
                Column("grid_id", "text", True, ("网格编号",)),
                Column("community_id", "text", True, ("社区编号",), parent=("communities", "community_id")),
                Column("name_zh", "text", True, ("网格名称", "名称", "name")),
                Column("name_en", "text", aliases=("英文名称", "英文名", "拼音", "pinyin")),
                LAT,
                LON,
                BOUNDARY,
            ),
            aliases=("网格",),
        ),
        Table(
            "neighbourhoods",
            "neighbourhood_id",
            (
                Column("neighbourhood_id", "text", True, ("邻里编号",)),
                Column("grid_id", "text", True, ("网格编号",), parent=("grids", "grid_id")),
                Column("name_zh", "text", True, ("邻里名称", "名称", "name")),
            ),
            aliases=("邻里",),
        ),
        Table(
            "micro_grids",
            "micro_grid_id",
            (
                Column("micro_grid_id", "text", True, ("微网格编号",)),
                Column("neighbourhood_id", "text", True, ("邻里编号",), parent=("neighbourhoods", "neighbourhood_id")),
                Column("name_zh", "text", True, ("微网格名称", "名称", "name")),
                Column("registered_households", "int", True, ("登记户数", "户数"), low=0, high=100_000),
                LAT,
                LON,
                BOUNDARY,
            ),
            aliases=("微网格",),
        ),
        Table(
            "households",
            "household_id",
            (
                Column("household_id", "text", True, ("户编号", "住户编号", "户号")),
                Column("micro_grid_id", "text", True, ("微网格编号",), parent=("micro_grids", "micro_grid_id")),
                Column("address", "text", aliases=("地址", "住址", "门牌")),
                Column("residents", "int", aliases=("人数", "常住人口", "居住人数"), low=0, high=100),
            ),
            aliases=("住户", "户籍"),
            street_from=(("micro_grid_id", MICRO_GRID_STREET),),
        ),
        Table(
            "visits",
            "visit_id",
            (
                Column("visit_id", "text", True, ("记录编号", "走访编号", "走访记录编号")),
                Column(
                    "household_id", "text", True, ("户编号", "住户编号", "户号"), parent=("households", "household_id")
                ),
                Column("visited_at", "timestamp", True, ("走访时间", "入户时间", "排查时间")),
                Column("worker_id", "text", aliases=("微网格员编号", "网格员编号", "走访人编号", "排查人编号")),
                Column("outcome", "enum", True, ("走访结果", "入户结果", "结果"), values=OUTCOMES),
                Column("residents_seen", "int", aliases=("见面人数",), low=0, high=100),
                Column(
                    "returned_from_outside", "bool", aliases=("外地返回", "是否外地返回", "外地返通"), default=False
                ),
                Column("health_code", "enum", aliases=("健康码", "健康码颜色"), values=HEALTH_CODES),
                Column("needs_followup", "bool", aliases=("需跟进", "是否需跟进", "需要跟进"), default=False),
            ),
            aliases=("走访", "入户排查", "敲门"),
            derived={"visit_day": "a.visited_at::date", "micro_grid_id": "p.micro_grid_id", "street_id": "p.street_id"},
            when="visited_at",
            lookup=("household_id", HOUSEHOLD_PLACE),
            street_from=(("household_id", HOUSEHOLD_PLACE),),
        ),
        Table(
            "teams",
            "team_id",
            (
                Column("team_id", "text", True, ("服务队编号", "队伍编号")),
                Column("grid_id", "text", aliases=("网格编号",), parent=("grids", "grid_id")),
                Column("street_id", "text", aliases=("街道编号",), parent=("streets", "street_id")),
                Column("name", "text", True, ("服务队名称", "队伍名称", "名称")),
                Column("kind", "enum", aliases=("类型", "队伍类型"), values=TEAM_KINDS, default="grid"),
                Column("name_en", "text", aliases=("英文名称", "英文名", "拼音", "pinyin")),
            ),
            aliases=("服务队",),
            derived={"street_id": "coalesce(a.street_id, p.street_id)"},
            lookup=("grid_id", GRID_STREET),
            street_from=(("street_id", None), ("grid_id", GRID_STREET)),
        ),
        Table(
            "volunteers",
            "volunteer_id",
            (
                Column("volunteer_id", "text", True, ("志愿者编号",)),
                Column("name", "text", aliases=("姓名",)),
                Column("team_id", "text", aliases=("服务队编号", "队伍编号"), parent=("teams", "team_id")),
                Column("org_type", "enum", True, ("组织类型", "单位类型"), values=ORG_TYPES),
                Column("is_party_member", "bool", aliases=("是否党员", "党员"), default=True),
                Column("retired", "bool", aliases=("是否退休", "退休"), default=False),
                Column("joined_on", "date", aliases=("加入日期", "报名日期")),
            ),
            aliases=("志愿者名册",),
            street_from=(("team_id", TEAM_STREET),),
        ),
        Table(
            "shifts",
            "shift_id",
            (
                Column("shift_id", "text", aliases=("记录编号", "时长编号")),
                Column("volunteer_id", "text", True, ("志愿者编号",), parent=("volunteers", "volunteer_id")),
                Column("shift_date", "date", True, ("日期", "服务日期", "执勤日期")),
                Column("hours", "float", True, ("时长(小时)", "时长", "服务时长", "小时数"), low=0.01, high=24),
                Column("post_category", "enum", True, ("岗位类别", "岗位", "岗位类型"), values=POSTS),
                Column("grid_id", "text", aliases=("网格编号",), parent=("grids", "grid_id")),
            ),
            aliases=("志愿服务时长", "时长"),
            key_from=("volunteer_id", "shift_date", "post_category", "grid_id"),
            derived={"street_id": "p.street_id"},
            when="shift_date",
            lookup=("grid_id", GRID_STREET),
            street_from=(("grid_id", GRID_STREET),),
        ),
        Table(
            "businesses",
            "business_id",
            (
                Column("business_id", "text", True, ("场所编号", "商户编号", "企业编号")),
                Column("name", "text", True, ("场所名称", "商户名称", "企业名称", "名称")),
                Column("category", "text", aliases=("类别", "行业", "场所类别")),
                Column("address", "text", aliases=("地址",)),
                LAT,
                LON,
                Column("grid_id", "text", aliases=("网格编号",), parent=("grids", "grid_id")),
            ),
            aliases=("商户", "场所"),
            derived={"street_id": "p.street_id"},
            lookup=("grid_id", GRID_STREET),
            street_from=(("grid_id", GRID_STREET),),
        ),
        Table(
            "inspections",
            "inspection_id",
            (
                Column("inspection_id", "text", True, ("检查编号",)),
                Column(
                    "business_id",
                    "text",
                    True,
                    ("场所编号", "商户编号", "企业编号"),
                    parent=("businesses", "business_id"),
                ),
                Column("inspected_on", "date", True, ("检查日期",)),
                Column("agencies", "text", aliases=("检查单位", "检查部门")),
                Column("findings", "text", aliases=("发现问题", "存在问题")),
                Column("outcome", "enum", True, ("处理结果", "检查结果"), values=INSPECTION_OUTCOMES),
                Column("suspension_days", "int", aliases=("停业天数",), low=0, high=366),
                Column("reopened_on", "date", aliases=("恢复营业日期", "复业日期")),
                Column("business_name", "text", aliases=("场所名称", "商户名称", "企业名称"), stored=False),
                Column("business_address", "text", aliases=("地址", "场所地址"), stored=False),
                Column("business_category", "text", aliases=("场所类别", "行业"), stored=False),
                # a new business's street, by id or name (a sheet covering several streets)
                Column("business_street", "text", aliases=("所属街道", "街道", "街道名称", "street"), stored=False),
            ),
            aliases=("检查记录", "检查"),
            derived={"street_id": "p.street_id"},
            when="inspected_on",
            lookup=("business_id", BUSINESS_STREET),
            street_from=(("business_id", BUSINESS_STREET),),
            embedded=(
                "businesses",
                {
                    "business_id": "business_id",
                    "name": "business_name",
                    "address": "business_address",
                    "category": "business_category",
                },
            ),
            embedded_street="business_street",
        ),
        Table(
            "leads",
            "lead_id",
            (
                Column("lead_id", "text", True, ("线索编号",)),
                Column("received_at", "timestamp", True, ("接收时间",)),
                Column("street_id", "text", True, ("街道编号",), parent=("streets", "street_id")),
                Column("kind", "enum", True, ("线索类型", "类型"), values=LEAD_KINDS),
                Column("status", "enum", True, ("核查状态", "状态"), values=LEAD_STATUS),
                Column("verified_at", "timestamp", aliases=("核查时间", "核查完成时间")),
            ),
            aliases=("大数据", "线索"),
            when="received_at",
            street_from=(("street_id", None),),
        ),
        # agencies' other spellings (区商务局 = 崇川区商务局); with a street, only for that street's
        # inspections (派出所 in 永兴 = 永兴派出所). Applied when inspections are counted, never to the rows.
        Table(
            "agency_aliases",
            "alias_id",
            (
                Column("alias_id", "text", aliases=("编号",)),
                Column("alias", "text", True, ("简称", "别名", "写法")),
                Column("agency", "text", True, ("规范名称", "标准名称", "统一名称")),
                Column("street_id", "text", aliases=("街道编号",), parent=("streets", "street_id")),
            ),
            aliases=("检查单位对照", "单位对照"),
            key_from=("alias", "street_id"),
        ),
    ]
}

# Load order: a parent table before its children.
ORDER = [
    "streets",
    "communities",
    "grids",
    "neighbourhoods",
    "micro_grids",
    "households",
    "teams",
    "volunteers",
    "businesses",
    "visits",
    "shifts",
    "inspections",
    "leads",
    "agency_aliases",
]


def header_map(table: Table) -> dict[str, str]:
    """Normalised header text -> canonical column, for one table."""
    out = {}
    for column in table.columns:
        for word in (column.name, *column.aliases):
            out.setdefault(normalise_header(word), column.name)
    return out


def match_headers(table: Table, headers: list[str]) -> dict[int, str]:
    """Which file column is which column of the table. Two file columns may name the same one (two
    健康码 columns): both are kept here, and staging decides (read.py)."""
    names = header_map(table)
    return {i: names[h] for i, h in ((i, normalise_header(h)) for i, h in enumerate(headers)) if h in names}


def recognise(headers: list[str]) -> tuple[str | None, dict[int, str]]:
    """The table whose columns best match these headers, and which file column is which.
    A table is a candidate only if every required column (bar a key made from others) is present."""
    best, best_score, best_map = None, 0, {}
    for table in TABLES.values():
        mapping = match_headers(table, headers)
        found = set(mapping.values())
        if not table.required <= found:
            continue
        score = len(found) / len(table.columns) + len(found)
        if score > best_score:
            best, best_score, best_map = table.name, score, mapping
    return best, best_map


def nearest_table(headers: list[str]) -> tuple[str | None, set[str]]:
    """For headers that name no table whole: the table they come closest to (at least two of its
    columns, most of them found) and its required columns they lack; (None, set()) when none is close."""
    best, best_found, missing = None, 0, set()
    for table in TABLES.values():
        found = set(match_headers(table, headers).values())
        if len(found) >= 2 and len(found & table.required) * 2 >= len(table.required) and len(found) > best_found:
            best, best_found, missing = table.name, len(found), table.required - found
    return best, missing
