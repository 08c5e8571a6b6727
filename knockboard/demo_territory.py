"""The demo territory: 16 real street names around Nantong, everything below them synthetic.

Grids are H3 hexagons (resolution 9) grown outwards from each street's rough centroid, micro-grids
are hexagons inside them (resolution 11). The geography is made up and says so (store_meta).
At scale 1 the counts are those of DESIGN.md: 806 grids, 1,595 neighbourhoods, 14,277 micro-grids.
"""

import json
from dataclasses import dataclass

import h3
import numpy as np
import pandas as pd

# street_id, name_zh, name_en, lat, lon, relative size
STREETS = [
    ("S01", "和平桥", "Hepingqiao", 32.015, 120.875, 1.25),
    ("S02", "城东", "Chengdong", 32.020, 120.905, 1.15),
    ("S03", "任港", "Rengang", 32.010, 120.835, 1.10),
    ("S04", "新城桥", "Xinchengqiao", 32.000, 120.870, 1.05),
    ("S05", "虹桥", "Hongqiao", 32.000, 120.850, 1.00),
    ("S06", "学田", "Xuetian", 32.030, 120.875, 1.00),
    ("S07", "钟秀", "Zhongxiu", 32.045, 120.885, 0.95),
    ("S08", "文峰", "Wenfeng", 31.990, 120.890, 1.05),
    ("S09", "观音山", "Guanyinshan", 32.010, 120.950, 0.90),
    ("S10", "狼山镇", "Langshanzhen", 31.960, 120.870, 0.85),
    ("S11", "幸福", "Xingfu", 32.080, 120.860, 0.90),
    ("S12", "唐闸镇", "Tangzhazhen", 32.060, 120.830, 0.95),
    ("S13", "天生港镇", "Tianshenggangzhen", 32.030, 120.780, 0.80),
    ("S14", "永兴", "Yongxing", 32.045, 120.845, 0.95),
    ("S15", "秦灶", "Qinzao", 32.070, 120.890, 0.85),
    ("S16", "陈桥", "Chenqiao", 32.100, 120.860, 0.80),
]

# Streets planted as lagging: a share of their households is never reached.
LAGGING_STREETS = {"S10": 0.13, "S13": 0.10, "S16": 0.08}

# Communities the article names, placed first in their street so the demo can point at them.
NAMED_COMMUNITIES = {
    "S01": ["濠西", "濠北"],
    "S05": ["虹桥南村"],
    "S07": ["中心村"],
    "S08": ["果园村"],
    "S11": ["幸福"],
    "S12": ["横河"],
    "S13": ["五星村", "郭里头村"],
    "S14": ["芦泾港"],
}
FIRST_CHARS = "濠虹学钟文观狼幸唐天永秦陈城任新东南西北桃李青云金银长华丰"
SECOND_CHARS = "西北南东园桥港河山湖苑林阳华景江塘坊庄湾溪泉苗星亭"
TOWN_STREETS = {"S10", "S12", "S13"}  # 镇: rural parts are villages (村)

# Pinyin of every character the demo's community and grid names use, for their English names.
PINYIN = dict(
    zip(
        "濠虹学钟文观狼幸唐天永秦陈城任新东南西北桃李青云金银长华丰园桥港河山湖苑林阳景江塘坊庄湾溪泉苗星亭中心果福横五郭里头芦泾花",
        "hao hong xue zhong wen guan lang xing tang tian yong qin chen cheng ren xin dong nan xi bei tao li qing yun jin "
        "yin chang hua feng yuan qiao gang he shan hu yuan lin yang jing jiang tang fang zhuang wan xi quan miao xing ting "
        "zhong xin guo fu heng wu guo li tou lu jing hua".split(),
    )
)


def pinyin(stem: str) -> str | None:
    """A place name's stem in pinyin, written as one word ("濠西" -> "Haoxi"); a trailing 村 is
    " Village". None when a character has no pinyin here (the Chinese name is then shown)."""
    village = stem.endswith("村")
    syllables = []
    for char in stem.removesuffix("村"):
        if char.isdigit():
            syllables.append(char)
        elif char in PINYIN:
            syllables.append(PINYIN[char])
        else:
            return None
    word = "".join(syllables).capitalize()
    return f"{word} Village" if village else word


def community_name_en(name_zh: str) -> str | None:
    stem = pinyin(name_zh.removesuffix("社区"))
    return None if stem is None else (stem if name_zh.endswith("村") else f"{stem} Community")


GRID_RES, MICRO_RES = 9, 11

# Counts at scale 1 (DESIGN.md).
GRIDS, NEIGHBOURHOODS, MICRO_GRIDS, HOUSEHOLDS = 806, 1_595, 14_277, 430_000
GRIDS_PER_COMMUNITY = 4


def allocate(total: int, weights, minimum: int = 1) -> np.ndarray:
    """Splits `total` over parents in proportion to `weights`, each getting at least `minimum`
    (largest remainder, so the parts add up exactly)."""
    weights = np.asarray(weights, dtype=float)
    extra = total - minimum * len(weights)
    if extra < 0:
        raise ValueError(f"cannot give {len(weights)} parents {minimum} each out of {total}")
    raw = weights / weights.sum() * extra
    counts = np.floor(raw).astype(np.int64)
    short = extra - counts.sum()
    counts[np.argsort(-(raw - counts), kind="stable")[:short]] += 1
    return counts + minimum


def polygon_json(cell: str) -> str:
    ring = [[round(lon, 6), round(lat, 6)] for lat, lon in h3.cell_to_boundary(cell)]
    ring.append(ring[0])
    return json.dumps({"type": "Polygon", "coordinates": [ring]}, separators=(",", ":"))


def grow_street_cells(quota: np.ndarray) -> list[list[str]]:
    """Each street takes its nearest free hexagons, in turns, until it has its quota of grids."""
    centres = [h3.latlng_to_cell(lat, lon, GRID_RES) for _, _, _, lat, lon, _ in STREETS]
    taken: set[str] = set()
    cells: list[list[str]] = [[] for _ in STREETS]
    rings = [0] * len(STREETS)
    pending: list[list[str]] = [[] for _ in STREETS]
    while any(len(c) < q for c, q in zip(cells, quota)):
        for i, centre in enumerate(centres):
            if len(cells[i]) >= quota[i]:
                continue
            while True:
                if not pending[i]:
                    pending[i] = sorted(h3.grid_ring(centre, rings[i]))
                    rings[i] += 1
                cell = pending[i].pop(0)
                if cell not in taken:
                    taken.add(cell)
                    cells[i].append(cell)
                    break
    return cells


def community_names(rng: np.random.Generator, per_street: np.ndarray) -> list[tuple[str, str]]:
    """(street_id, name) per community, unique in the district."""
    stems = [a + b for a in FIRST_CHARS for b in SECOND_CHARS]
    rng.shuffle(stems)
    used = {name for names in NAMED_COMMUNITIES.values() for name in names}
    stems = [s for s in stems if s not in used]
    out, k = [], 0
    for (street_id, *_), n in zip(STREETS, per_street):
        for j in range(n):
            named = NAMED_COMMUNITIES.get(street_id, [])
            if j < len(named):
                stem = named[j]
            else:
                stem = stems[k % len(stems)] + ("" if k < len(stems) else str(k // len(stems) + 1))
                k += 1
            village = stem.endswith("村") or (street_id in TOWN_STREETS and j % 3 == 2)
            suffix = "" if stem.endswith("村") else ("村" if village else "社区")
            out.append((street_id, stem + suffix))
    return out


@dataclass
class Territory:
    streets: pd.DataFrame
    communities: pd.DataFrame
    grids: pd.DataFrame
    neighbourhoods: pd.DataFrame
    micro_grids: pd.DataFrame
    # index arrays, for the fact generator
    grid_street: np.ndarray  # street index of each grid
    mg_grid: np.ndarray  # grid index of each micro-grid
    mg_households: np.ndarray  # households per micro-grid


def build_territory(scale: float, rng: np.random.Generator) -> Territory:
    n_streets = len(STREETS)
    n_grids = max(n_streets, round(GRIDS * scale))
    n_nbhd = max(n_grids, round(NEIGHBOURHOODS * scale))
    n_mg = max(n_nbhd, round(MICRO_GRIDS * scale))
    n_hh = max(n_mg, round(HOUSEHOLDS * scale))
    size = np.array([s[5] for s in STREETS])

    grids_per_street = allocate(n_grids, size)
    comms_per_street = np.maximum(1, np.round(grids_per_street / GRIDS_PER_COMMUNITY)).astype(int)
    comm_names = community_names(rng, comms_per_street)
    comm_street = np.repeat(np.arange(n_streets), comms_per_street)
    # grids to communities, within each street
    grids_per_comm = np.concatenate(
        [allocate(g, rng.uniform(0.7, 1.3, c)) for g, c in zip(grids_per_street, comms_per_street)]
    )
    grid_comm = np.repeat(np.arange(len(comm_names)), grids_per_comm)
    grid_street = comm_street[grid_comm]
    nbhd_per_grid = allocate(n_nbhd, rng.uniform(0.7, 1.3, n_grids))
    nbhd_grid = np.repeat(np.arange(n_grids), nbhd_per_grid)
    mg_per_nbhd = allocate(n_mg, rng.uniform(0.6, 1.4, n_nbhd))
    mg_nbhd = np.repeat(np.arange(n_nbhd), mg_per_nbhd)
    mg_grid = nbhd_grid[mg_nbhd]
    mg_households = allocate(n_hh, rng.lognormal(0.0, 0.35, n_mg))

    cells = [c for street_cells in grow_street_cells(grids_per_street) for c in street_cells]

    streets = pd.DataFrame(STREETS, columns=["street_id", "name_zh", "name_en", "lat", "lon", "size"])
    street_cells = np.split(np.array(cells), np.cumsum(grids_per_street)[:-1])
    streets["boundary"] = [json.dumps(h3.cells_to_geo(list(c)), separators=(",", ":")) for c in street_cells]
    streets = streets.drop(columns="size")

    communities = pd.DataFrame(
        {
            "community_id": [f"C{i + 1:04d}" for i in range(len(comm_names))],
            "street_id": [s for s, _ in comm_names],
            "name_zh": [n for _, n in comm_names],
            "kind": ["village" if n.endswith("村") else "community" for _, n in comm_names],
            "name_en": [community_name_en(n) for _, n in comm_names],
        }
    )

    # grid names: 第N网格 within the community; the first grid of 濠西 is the article's 濠西花园
    grid_no = np.arange(n_grids) - np.repeat(np.cumsum(grids_per_comm) - grids_per_comm, grids_per_comm) + 1
    comm_stem = [n.removesuffix("社区") for _, n in comm_names]
    grid_names = [f"{comm_stem[c]}第{k}网格" for c, k in zip(grid_comm, grid_no)]
    grid_names[0] = "濠西花园网格"
    grid_names_en = [
        None if pinyin(comm_stem[c]) is None else f"{pinyin(comm_stem[c])} Grid {k}" for c, k in zip(grid_comm, grid_no)
    ]
    grid_names_en[0] = "Haoxi Huayuan Grid"
    latlng = [h3.cell_to_latlng(c) for c in cells]
    grids = pd.DataFrame(
        {
            "grid_id": [f"G{i + 1:05d}" for i in range(n_grids)],
            "community_id": communities["community_id"].to_numpy()[grid_comm],
            "name_zh": grid_names,
            "name_en": grid_names_en,
            "lat": [p[0] for p in latlng],
            "lon": [p[1] for p in latlng],
            "boundary": [polygon_json(c) for c in cells],
        }
    )

    nbhd_no = np.arange(n_nbhd) - np.repeat(np.cumsum(nbhd_per_grid) - nbhd_per_grid, nbhd_per_grid) + 1
    neighbourhoods = pd.DataFrame(
        {
            "neighbourhood_id": [f"N{i + 1:06d}" for i in range(n_nbhd)],
            "grid_id": grids["grid_id"].to_numpy()[nbhd_grid],
            "name_zh": [f"{grid_names[g]}{k}邻里" for g, k in zip(nbhd_grid, nbhd_no)],
        }
    )

    # micro-grid hexagons: the first children of the grid's hexagon (finer if a grid has many)
    per_grid = np.bincount(mg_grid, minlength=n_grids)
    mg_no = np.arange(n_mg) - np.repeat(np.cumsum(per_grid) - per_grid, per_grid)
    children = {}
    mg_cells = []
    for g, k in zip(mg_grid, mg_no):
        if g not in children:
            res = MICRO_RES if per_grid[g] <= 49 else MICRO_RES + 1
            children[g] = sorted(h3.cell_to_children(cells[g], res))
        mg_cells.append(children[g][k])
    mg_latlng = [h3.cell_to_latlng(c) for c in mg_cells]
    micro_grids = pd.DataFrame(
        {
            "micro_grid_id": [f"M{i + 1:07d}" for i in range(n_mg)],
            "neighbourhood_id": neighbourhoods["neighbourhood_id"].to_numpy()[mg_nbhd],
            "name_zh": [f"{grid_names[g]}{k + 1}号微网格" for g, k in zip(mg_grid, mg_no)],
            "registered_households": mg_households,
            "lat": [p[0] for p in mg_latlng],
            "lon": [p[1] for p in mg_latlng],
            "boundary": [polygon_json(c) for c in mg_cells],
        }
    )
    return Territory(streets, communities, grids, neighbourhoods, micro_grids, grid_street, mg_grid, mg_households)
