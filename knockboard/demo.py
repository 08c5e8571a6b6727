"""The demo store: a seeded, synthetic Chongchuan campaign, 1 February - 22 March 2022.

At scale 1 it reproduces every fact of DESIGN.md exactly (tests/test_demo_facts.py checks them), and
it is shaped like a real campaign: a slow start over the Spring Festival, three rounds of visits,
not-at-home revisits, quieter Sundays, three lagging streets and a few dozen grids with real gaps.
Every table is built with numpy and handed to DuckDB whole; ids are formatted in SQL.
"""

import os
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from knockboard import dimensions, store
from knockboard.demo_territory import LAGGING_STREETS, STREETS, Territory, build_territory

SEED = 20220322
START = np.datetime64("2022-02-01")
DAYS = 50  # 1 Feb .. 22 Mar 2022
END = START + DAYS  # first instant after the campaign (data as of the end of 22 March)

# Facts from the article, at scale 1.
TEAMS = {"grid": 806, "campaign": 141, "organ": 64, "two_new": 50}  # 1,061 teams
VOLUNTEERS = {"community": 8_900, "two_new": 720, "organ": 889}
ORGAN_HOURS = 30_720  # more than 30,000
LEADS, VALID_LEADS = 387_300, 21_100
BUSINESSES = 3_200
GAP_GRIDS = 36  # "a few dozen grids with real gaps"
SECRETARY_DAY = 48  # 21 March: the grid secretary of 濠西花园 knocks 325 households
SECRETARY_HOUSEHOLDS = 325
POSTS = list(dimensions.POSTS.values)

Progress = Callable[[float, str], None]


def weekday(day: np.ndarray) -> np.ndarray:
    """0 = Monday; day 0 is Tuesday 1 February 2022."""
    return (day + 1) % 7


def scaled(n: int, scale: float, minimum: int = 1) -> int:
    return max(minimum, round(n * scale))


# ---------------------------------------------------------------- households and visits


def plan_households(t: Territory, rng: np.random.Generator):
    """Per household: micro-grid, street, grid, and the traits that drive its visits."""
    mg = np.repeat(np.arange(len(t.mg_households)), t.mg_households)
    grid = t.mg_grid[mg]
    street = t.grid_street[grid]
    n = len(mg)
    street_ids = np.array([s[0] for s in STREETS])
    unreached = np.full(n, 0.01)
    for sid, share in LAGGING_STREETS.items():
        unreached[street_ids[street] == sid] = share
    # gap grids: a share of their buildings never reached, and work stopped days ago
    n_grids = len(t.grid_street)
    gap_grids = rng.choice(np.arange(1, n_grids), size=min(GAP_GRIDS * n_grids // 806 or 1, n_grids - 1), replace=False)
    grid_gap_share = np.zeros(n_grids)
    grid_gap_share[gap_grids] = rng.uniform(0.15, 0.35, len(gap_grids))
    grid_stop = np.full(n_grids, DAYS)
    grid_stop[gap_grids] = DAYS - rng.integers(4, 11, len(gap_grids))
    unreached = np.maximum(unreached, grid_gap_share[grid])
    reached = rng.random(n) >= unreached
    away = rng.choice([0.08, 0.3, 0.93], size=n, p=[0.7, 0.25, 0.05])
    vacant = rng.random(n) < 0.05
    residents = np.where(vacant, 0, rng.choice([1, 2, 3, 4, 5, 6], size=n, p=[0.14, 0.30, 0.27, 0.17, 0.08, 0.04]))
    lag = np.isin(street_ids[street], list(LAGGING_STREETS))
    return dict(
        mg=mg,
        grid=grid,
        street=street,
        reached=reached,
        away=away,
        vacant=vacant,
        residents=residents,
        lag=lag,
        grid_stop=grid_stop,
        gap_grids=gap_grids,
    )


def round_starts(n: int, first: int, last: int, ramp: int, rng: np.random.Generator) -> np.ndarray:
    """Start day of a sweep for n households: a slow ramp-up, then steady, fewer on Sundays."""
    days = np.arange(first, last + 1)
    w = np.minimum(1.0, 0.15 + (days - first) / max(ramp, 1))
    w = np.where(weekday(days) == 6, w * 0.55, np.where(weekday(days) == 5, w * 0.8, w))
    return rng.choice(days, size=n, p=w / w.sum())


def simulate_visits(h: dict, rng: np.random.Generator) -> pd.DataFrame:
    """Three rounds of sweeps; in each, a household is tried until met or four failures."""
    n = len(h["mg"])
    rounds = [  # (first day, last day, ramp days, share of households swept)
        (0, 25, 9, 0.97),  # first sweep, from the Spring Festival, slow start
        (27, 39, 3, 0.93),  # re-sweep after the March cases
        (40, 54, 2, 0.97),  # third sweep, under way on 22 March
    ]
    parts = []
    for first, last, ramp, share in rounds:
        swept = h["reached"] & (rng.random(n) < share)
        idx = np.flatnonzero(swept)
        start = round_starts(len(idx), first, last, ramp, rng)
        start = np.where(h["lag"][idx], start + rng.integers(0, 6, len(idx)), start)  # lagging streets start late
        fails = rng.geometric(1 - h["away"][idx]) - 1
        fails = np.where(h["vacant"][idx], 0, fails)
        attempts = np.minimum(fails + 1, 4)
        hh = np.repeat(idx, attempts)
        k = np.arange(len(hh)) - np.repeat(np.cumsum(attempts) - attempts, attempts)  # attempt number
        gaps = rng.choice([1, 2, 3], size=len(hh), p=[0.5, 0.35, 0.15])
        gaps[k == 0] = 0
        cum = np.cumsum(gaps)
        day = np.repeat(start, attempts) + cum - np.repeat(cum[np.cumsum(attempts) - attempts], attempts)
        success = (k == np.repeat(attempts - 1, attempts)) & np.repeat(fails < 4, attempts)
        parts.append(pd.DataFrame({"hh": hh, "day": day, "success": success}))
    v = pd.concat(parts, ignore_index=True)
    v = v[(v["day"] < DAYS) & (v["day"] < h["grid_stop"][h["grid"][v["hh"].to_numpy()]])]
    return v.reset_index(drop=True)


def visit_details(v: pd.DataFrame, h: dict, t: Territory, rng: np.random.Generator) -> pd.DataFrame:
    """Outcome, time of day, worker and findings for each simulated visit."""
    hh = v["hh"].to_numpy()
    day = v["day"].to_numpy()
    m = len(v)
    vacant = h["vacant"][hh]
    success = v["success"].to_numpy()
    outcome = np.where(success, np.where(vacant, "vacant", "met"), np.where(rng.random(m) < 0.1, "refused", "not_home"))
    # doors answered in the evening more than in working hours: the revisit plan can see it
    hour = np.where(
        success,
        rng.choice([8, 9, 10, 14, 15, 16, 18, 19, 20], size=m, p=[0.09, 0.1, 0.09, 0.07, 0.07, 0.08, 0.18, 0.18, 0.14]),
        rng.choice([8, 9, 10, 11, 14, 15, 16, 17, 19], size=m, p=[0.12, 0.14, 0.14, 0.1, 0.12, 0.13, 0.12, 0.08, 0.05]),
    )
    seconds = hour * 3600 + rng.integers(0, 3600, m)
    met = outcome == "met"
    residents = h["residents"][hh]
    seen = np.where(met, rng.binomial(np.maximum(residents, 1), 0.85), 0)
    # returnees after the Spring Festival; yellow codes in 幸福 on 21-22 March (the article)
    p_return = np.where((day >= 4) & (day <= 14), 0.04, 0.005)
    returned = met & (rng.random(m) < p_return)
    xingfu = h["street"][hh] == 10
    p_yellow = np.where(xingfu & (day >= 48), 0.04, 0.003)
    r = rng.random(m)
    code = np.where(~met, None, np.where(r < 0.0002, "red", np.where(r < p_yellow, "yellow", "green")))
    followup = met & (returned | (code != "green") | (rng.random(m) < 0.005))
    return pd.DataFrame(
        {
            "hh": hh,
            "mg": h["mg"][hh],
            "street": h["street"][hh],
            "day": day,
            "seconds": seconds,
            "worker": h["mg"][hh],
            "secretary": False,
            "outcome": outcome,
            "residents_seen": seen,
            "returned": returned,
            "health_code": code,
            "followup": followup,
        }
    )


def add_secretary_day(d: pd.DataFrame, h: dict, rng: np.random.Generator) -> pd.DataFrame:
    """The article's grid secretary of 濠西花园 (grid 1): 325 households knocked on 21 March."""
    in_grid = np.flatnonzero((h["grid"] == 0) & h["reached"])
    chosen = rng.choice(in_grid, size=min(SECRETARY_HOUSEHOLDS, len(in_grid)), replace=False)
    d = d[~(np.isin(d["hh"].to_numpy(), chosen) & (d["day"].to_numpy() == SECRETARY_DAY))]
    n = len(chosen)
    vacant = h["vacant"][chosen]
    mine = pd.DataFrame(
        {
            "hh": chosen,
            "mg": h["mg"][chosen],
            "street": h["street"][chosen],
            "day": SECRETARY_DAY,
            "seconds": np.sort(rng.integers(7 * 3600 + 1800, 20 * 3600, n)),
            "worker": 0,
            "secretary": True,
            "outcome": np.where(vacant, "vacant", "met"),
            "residents_seen": np.where(vacant, 0, h["residents"][chosen]),
            "returned": False,
            "health_code": np.where(vacant, None, "green"),
            "followup": False,
        }
    )
    return pd.concat([d, mine], ignore_index=True)


def add_suspicious_records(d: pd.DataFrame, h: dict, rng: np.random.Generator) -> pd.DataFrame:
    """Two field records an analyst should question: a worker logging a whole micro-grid as met in
    ten minutes (18 March), and one with every door answered over a long day (20 March)."""
    n_mg = int(h["mg"].max()) + 1
    mg_grid = np.zeros(n_mg, dtype=np.int64)
    mg_grid[h["mg"]] = h["grid"]
    candidates = rng.permutation(np.arange(1, n_mg))
    ok_mgs = candidates[~np.isin(mg_grid[candidates], h["gap_grids"])][:2]
    made = []
    for mg, day, spread in zip(ok_mgs, (45, 47), (15, 900)):
        households = np.flatnonzero((h["mg"] == mg) & h["reached"])
        d = d[~(np.isin(d["hh"].to_numpy(), households) & (d["day"].to_numpy() == day))]
        n = len(households)
        made.append(
            pd.DataFrame(
                {
                    "hh": households,
                    "mg": mg,
                    "street": h["street"][households],
                    "day": day,
                    "seconds": 9 * 3600 + np.arange(n) * spread + rng.integers(0, min(spread, 60), n),
                    "worker": mg,
                    "secretary": False,
                    "outcome": "met",
                    "residents_seen": np.maximum(h["residents"][households], 1),
                    "returned": False,
                    "health_code": "green",
                    "followup": False,
                }
            )
        )
    return pd.concat([d, *made], ignore_index=True)


# ---------------------------------------------------------------- volunteers and shifts


def plan_teams(t: Territory, scale: float, rng: np.random.Generator) -> pd.DataFrame:
    n_grids = len(t.grid_street)
    rows = [("grid", g, t.grid_street[g]) for g in range(n_grids)]
    size = np.array([s[5] for s in STREETS])
    for kind in ("campaign", "organ", "two_new"):
        k = scaled(TEAMS[kind], scale)
        streets = rng.choice(len(STREETS), size=k, p=size / size.sum())
        # teams beyond the grids serve a paired grid of their street (结对村社区)
        for s in streets:
            rows.append((kind, rng.choice(np.flatnonzero(t.grid_street == s)), s))
    return pd.DataFrame(rows, columns=["kind", "grid", "street"])


def plan_volunteers(teams: pd.DataFrame, gap_grids: np.ndarray, scale: float, rng) -> pd.DataFrame:
    parts = []
    team_kind = teams["kind"].to_numpy()
    team_weight = np.where(np.isin(teams["grid"].to_numpy(), gap_grids) & (team_kind == "grid"), 0.3, 1.0)
    for org, kinds in (("community", ["grid", "campaign"]), ("organ", ["organ"]), ("two_new", ["two_new"])):
        n = scaled(VOLUNTEERS[org], scale)
        eligible = np.flatnonzero(np.isin(team_kind, kinds))
        w = team_weight[eligible]
        team = rng.choice(eligible, size=n, p=w / w.sum())
        party = np.ones(n, bool) if org == "organ" else rng.random(n) < (0.97 if org == "community" else 0.9)
        retired = (rng.random(n) < 0.15) if org == "community" else np.zeros(n, bool)
        # most joined before the campaign; some during it (many on retiring, like 谢广建)
        joined = np.where(rng.random(n) < 0.12, rng.integers(1, DAYS - 5, n), -rng.integers(30, 700, n))
        parts.append(pd.DataFrame({"team": team, "org": org, "party": party, "retired": retired, "joined": joined}))
    v = pd.concat(parts, ignore_index=True)
    # a few stop turning up: no shift for a week or more before 22 March
    v["last_day"] = np.where(rng.random(len(v)) < 0.06, rng.integers(20, DAYS - 8, len(v)), DAYS - 1)
    return v


POST_MIX = {
    "community": [0.15, 0.12, 0.08, 0.12, 0.05, 0.30, 0.12, 0.06],
    "organ": [0.05, 0.35, 0.05, 0.03, 0.25, 0.15, 0.10, 0.02],
    "two_new": [0.15, 0.05, 0.15, 0.20, 0.05, 0.25, 0.10, 0.05],
}


def simulate_shifts(v: pd.DataFrame, teams: pd.DataFrame, scale: float, rng) -> pd.DataFrame:
    days = np.arange(DAYS)
    intensity = np.where(days < 28, 0.16, 0.30) * np.where(weekday(days) == 6, 0.8, 1.0)
    start = np.maximum(v["joined"].to_numpy(), 0)
    active = (days[None, :] >= start[:, None]) & (days[None, :] <= v["last_day"].to_numpy()[:, None])
    works = active & (rng.random(active.shape) < intensity[None, :])
    # every volunteer on the books did at least one shift: on joining if they joined during the
    # campaign, else on a day of their active spell (not all on 1 February)
    last = np.maximum(v["last_day"].to_numpy(), start)
    first = np.where(v["joined"].to_numpy() > 0, start, start + (rng.random(len(v)) * (last - start + 1)).astype(int))
    works[np.arange(len(v)), np.minimum(first, DAYS - 1)] = True
    vol, day = np.nonzero(works)
    org = v["org"].to_numpy()[vol]
    hours = np.where(org == "organ", rng.gamma(6.0, 0.6, len(vol)), rng.gamma(4.0, 0.9, len(vol)))
    hours = np.clip(hours, 1.0, 12.0)
    organ = org == "organ"
    hours[organ] *= ORGAN_HOURS * scale / hours[organ].sum()
    hours = np.clip(np.round(hours * 2) / 2, 0.5, 12.0)
    post = np.empty(len(vol), dtype=object)
    for name, mix in POST_MIX.items():
        sel = org == name
        post[sel] = rng.choice(POSTS, size=sel.sum(), p=mix)
    team = v["team"].to_numpy()[vol]
    s = pd.DataFrame(
        {
            "vol": vol,
            "day": day,
            "hours": hours,
            "post": post,
            "grid": teams["grid"].to_numpy()[team],
            "street": teams["street"].to_numpy()[team],
        }
    )
    return s.sort_values(["day", "street", "vol"], kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------- businesses and inspections

CATEGORIES = ["餐饮", "超市便利店", "农贸市场", "汽车销售", "宾馆酒店", "美容美发", "娱乐场所", "药店", "物流仓储"]
CATEGORY_WORDS = ["饭店", "便利店", "菜场", "汽车销售有限公司", "宾馆", "理发店", "KTV", "大药房", "物流有限公司"]
ROADS = [
    "人民路",
    "工农路",
    "青年路",
    "濠河路",
    "崇川路",
    "世纪大道",
    "钟秀路",
    "长江路",
    "虹桥路",
    "任港路",
    "观音山路",
    "幸福路",
    "唐闸路",
    "园林路",
    "跃龙路",
    "永兴大道",
]
AGENCIES = ["区商务局", "市场监督管理局", "派出所", "街道办事处", "社区卫生服务中心", "综合行政执法局", "区卫健委"]
FINDINGS = ["未验码", "未测温", "人员随意进出", "从业人员健康管理不到位", "未落实消杀", "未规范佩戴口罩"]
CHENGGANG = [("南通飞联汽车销售服务有限公司", "汽车销售"), ("华熔二手车交易市场有限公司", "汽车销售")]


def simulate_businesses(t: Territory, scale: float, rng):
    n = scaled(BUSINESSES, scale, minimum=20)
    grid = rng.integers(0, len(t.grid_street), n)
    street = t.grid_street[grid]
    cat = rng.integers(0, len(CATEGORIES), n)
    glat, glon = t.grids["lat"].to_numpy(), t.grids["lon"].to_numpy()
    names = [f"{ROADS[s]}{i % 97 + 1}号{CATEGORY_WORDS[c]}" for i, (s, c) in enumerate(zip(street, cat))]
    addresses = [f"崇川区{ROADS[s]}{i % 300 + 1}号" for i, s in enumerate(street)]
    b = pd.DataFrame(
        {
            "name": names,
            "category": [CATEGORIES[c] for c in cat],
            "address": addresses,
            "lat": glat[grid] + rng.normal(0, 0.0008, n),
            "lon": glon[grid] + rng.normal(0, 0.0008, n),
            "grid": grid,
            "street": street,
            "chenggang": False,
        }
    )
    # 城港路, 永兴街道: the article's two businesses first, then other shops on the same busy road
    yongxing = int(np.flatnonzero([s[0] == "S14" for s in STREETS])[0])
    yx_grids = np.flatnonzero(t.grid_street == yongxing)
    for k in range(8):
        name, category = CHENGGANG[k] if k < 2 else (f"城港路{k * 11 + 2}号{CATEGORY_WORDS[k % 9]}", CATEGORIES[k % 9])
        g = yx_grids[k % len(yx_grids)]
        b.loc[k] = [
            name,
            category,
            f"崇川区城港路{k * 11 + 2}号",
            glat[g] + 0.0003 * k,
            glon[g] - 0.0004 * k,
            g,
            yongxing,
            True,
        ]
    return b


def simulate_inspections(b: pd.DataFrame, rng) -> pd.DataFrame:
    n_b = len(b)
    risky = rng.random(n_b) < 0.08  # repeat offenders fail more often
    per = rng.poisson(2.6, n_b) + 1
    biz = np.repeat(np.arange(n_b), per)
    m = len(biz)
    day = rng.choice(np.arange(DAYS), size=m, p=np.where(np.arange(DAYS) < 28, 0.5, 1.6) / (0.5 * 28 + 1.6 * 22))
    p_fail = np.where(risky[biz], 0.5, 0.15)
    fail = rng.random(m) < p_fail
    kind = rng.choice(["rectify", "fined", "suspended"], size=m, p=[0.62, 0.2, 0.18])
    outcome = np.where(fail, kind, "pass")
    # no other suspension on 城港路 hides the article's case
    cg = b["chenggang"].to_numpy()[biz]
    outcome = np.where(cg & (outcome == "suspended"), "rectify", outcome)
    susp = outcome == "suspended"
    length = np.where(susp, rng.choice([1, 3, 7, 14], size=m, p=[0.3, 0.35, 0.25, 0.1]), 0)
    # some reopen early after passing a re-inspection, most on the planned day, some not yet
    early = susp & (length > 1) & (rng.random(m) < 0.2)
    planned = day + np.where(early, rng.integers(1, np.maximum(length, 2)), length)
    reopened = np.where(susp & (planned < DAYS) & (rng.random(m) < 0.85), planned, -1)
    n_find = rng.integers(1, 3, m)
    findings = [
        None if o == "pass" else "；".join(rng.choice(FINDINGS, size=k, replace=False)) for o, k in zip(outcome, n_find)
    ]
    agencies = ["；".join(rng.choice(AGENCIES, size=k, replace=False)) for k in rng.integers(1, 4, m)]
    i = pd.DataFrame(
        {
            "biz": biz,
            "day": day,
            "agencies": agencies,
            "findings": findings,
            "outcome": outcome,
            "suspension_days": np.where(susp, length, -1),
            "reopened": reopened,
        }
    )
    i = i[~(cg & (day == 46))]  # 19 March on 城港路 is the article's, below
    case = pd.DataFrame(
        {
            "biz": [0, 1, 0, 1],
            "day": [46, 46, 47, 47],
            "agencies": ["崇川区商务局；永兴街道"] * 2 + ["市场监督管理局；永兴派出所；永兴社区卫生服务中心"] * 2,
            "findings": ["内部管理混乱；人员随意进出"] * 2 + [None] * 2,
            "outcome": ["suspended", "suspended", "pass", "pass"],
            "suspension_days": [1, 1, -1, -1],
            "reopened": [47, 47, -1, -1],
        }
    )
    i = pd.concat([i, case], ignore_index=True)
    return i.sort_values(["day", "biz"], kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------- police big-data leads


def simulate_leads(scale: float, rng) -> pd.DataFrame:
    n, n_valid = scaled(LEADS, scale, 10), scaled(VALID_LEADS, scale, 1)
    days = np.arange(DAYS)
    w = np.where(days < 28, 5.5, 9.5) * np.where(days == 48, 2.0, 1.0) * np.where(days < 3, 0.6, 1.0)
    per_day = np.bincount(rng.choice(days, size=n, p=w / w.sum()), minlength=DAYS)
    day = np.repeat(days, per_day)
    received = START + day.astype("timedelta64[D]") + rng.integers(0, 86400, n).astype("timedelta64[s]")
    size = np.array([s[5] for s in STREETS])
    street = rng.choice(len(STREETS), size=n, p=size / size.sum())
    street = np.where((day == 48) & (rng.random(n) < 0.4), 10, street)  # 幸福, 21 March
    kind = np.where(
        day < 14,
        rng.choice(["companion", "returnee", "risk_area"], n, p=[0.2, 0.65, 0.15]),
        rng.choice(["companion", "returnee", "risk_area"], n, p=[0.5, 0.3, 0.2]),
    )
    kind = np.where((day == 48) & (street == 10), "companion", kind)
    delay = np.minimum(rng.lognormal(np.log(5 * 3600), 0.8, n), 96 * 3600).astype("timedelta64[s]")
    verified = received + delay
    pending = (verified >= END) | (rng.random(n) < 0.0005)
    done = np.flatnonzero(~pending)
    status = np.full(n, "invalid", dtype=object)
    status[pending] = "pending"
    status[rng.choice(done, size=n_valid, replace=False)] = "valid"
    leads = pd.DataFrame(
        {
            "received_at": received,
            "street": street,
            "kind": kind,
            "status": status,
            "verified_at": np.where(pending, np.datetime64("NaT"), verified),
        }
    )
    return leads.sort_values("received_at", kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------- writing the store

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂燕华建国红梅云文辉力鹏斌宇浩凯健俊帆"


def names(n: int, rng) -> list[str]:
    s = rng.integers(0, len(SURNAMES), n)
    g1 = rng.integers(0, len(GIVEN), n)
    g2 = rng.integers(-len(GIVEN) // 2, len(GIVEN), n)  # a third of names have one given character
    return [SURNAMES[a] + GIVEN[b] + (GIVEN[c] if c >= 0 else "") for a, b, c in zip(s, g1, g2)]


def write_store(con: duckdb.DuckDBPyConnection, scale: float, progress: Progress) -> dict:
    rng = np.random.default_rng(SEED)
    timings = {}
    clock = time.perf_counter()

    def step(fraction: float, message: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[message] = now - clock
        clock = now
        progress(fraction, message)

    progress(0.0, "territory")
    t = build_territory(scale, rng)
    con.register("t_streets", t.streets)
    con.execute("insert into streets select street_id, name_zh, name_en, lat, lon, boundary from t_streets")
    con.register("t_comm", t.communities)
    con.execute(
        "insert into communities (community_id, street_id, name_zh, kind, name_en) "
        "select community_id, street_id, name_zh, kind, name_en from t_comm"
    )
    con.register("t_grids", t.grids)
    con.execute(
        "insert into grids (grid_id, community_id, name_zh, name_en, lat, lon, boundary) "
        "select grid_id, community_id, name_zh, name_en, lat, lon, boundary from t_grids"
    )
    con.register("t_nbhd", t.neighbourhoods)
    con.execute("insert into neighbourhoods select * from t_nbhd")
    con.register("t_mg", t.micro_grids)
    con.execute("insert into micro_grids select * from t_mg")
    step(0.1, "territory")

    h = plan_households(t, rng)
    n_hh = len(h["mg"])
    building = rng.integers(1, 40, n_hh)
    hh = pd.DataFrame(
        {
            "i": np.arange(n_hh),
            "mg": h["mg"],
            "residents": h["residents"],
            "building": building,
            "unit": rng.integers(1, 5, n_hh),
            "room": rng.integers(1, 19, n_hh) * 100 + rng.integers(1, 5, n_hh),
            "community": t.grids["community_id"].to_numpy()[h["grid"]],
        }
    )
    con.register("t_hh", hh)
    con.execute("""
        insert into households
        select 'H' || lpad((i + 1)::varchar, 8, '0'),
               'M' || lpad((mg + 1)::varchar, 7, '0'),
               regexp_replace(c.name_zh, '(社区|村)$', '') || '小区' || building || '幢' || unit || '单元' || room || '室',
               residents
        from t_hh join communities c on c.community_id = t_hh.community
    """)
    workers = pd.DataFrame({"mg": np.arange(len(t.mg_households))})
    con.register("t_workers", workers)
    con.execute("""
        insert into workers select 'W' || lpad((mg + 1)::varchar, 7, '0'), null, 'micro_grid_worker',
                                   'M' || lpad((mg + 1)::varchar, 7, '0') from t_workers
    """)
    con.execute("insert into workers values ('WS00001', '张燕', 'grid_secretary', null)")
    step(0.2, "households")

    v = simulate_visits(h, rng)
    d = visit_details(v, h, t, rng)
    d = add_secretary_day(d, h, rng)
    d = add_suspicious_records(d, h, rng)
    d = d.sort_values(["day", "seconds", "hh"], kind="stable").reset_index(drop=True)
    d["i"] = np.arange(len(d))
    d["street_id"] = np.array([s[0] for s in STREETS])[d["street"].to_numpy()]
    step(0.45, "visits simulated")
    con.register("t_visits", d)
    con.execute("""
        insert into visits
        select 'V' || lpad((i + 1)::varchar, 9, '0'),
               'H' || lpad((hh + 1)::varchar, 8, '0'),
               (date '2022-02-01' + day::integer) + to_seconds(seconds),
               case when secretary then 'WS00001' else 'W' || lpad((worker + 1)::varchar, 7, '0') end,
               outcome, residents_seen, returned, health_code, followup,
               date '2022-02-01' + day::integer,
               'M' || lpad((mg + 1)::varchar, 7, '0'),
               street_id
        from t_visits
    """)
    n_visits = len(d)
    del d, v
    step(0.7, "visits written")

    teams = plan_teams(t, scale, rng)
    teams["grid_id"] = t.grids["grid_id"].to_numpy()[teams["grid"].to_numpy()]
    teams["street_id"] = np.array([s[0] for s in STREETS])[teams["street"].to_numpy()]
    team_label = {
        "grid": "网格党员志愿服务队",
        "campaign": "防疫攻坚党支部志愿服务队",
        "organ": "机关党员志愿服务队",
        "two_new": "两新组织党员志愿服务队",
    }
    grid_names = t.grids["name_zh"].to_numpy()
    street_names = t.streets["name_zh"].to_numpy()
    teams["name"] = [
        (grid_names[g].removesuffix("网格") if k == "grid" else f"{street_names[s]}{i + 1}号") + team_label[k]
        for i, (k, g, s) in enumerate(zip(teams["kind"], teams["grid"], teams["street"]))
    ]
    team_label_en = {
        "grid": "Party Volunteer Team",
        "campaign": "Epidemic Response Party Branch Volunteer Team",
        "organ": "Government Party Volunteer Team",
        "two_new": "Two-New Organisations Party Volunteer Team",
    }
    grid_names_en = t.grids["name_en"].to_numpy()
    street_names_en = t.streets["name_en"].to_numpy()
    teams["name_en"] = [
        (None if grid_names_en[g] is None else f"{grid_names_en[g]} {team_label_en[k]}")
        if k == "grid"
        else f"{street_names_en[s]} No. {i + 1} {team_label_en[k]}"
        for i, (k, g, s) in enumerate(zip(teams["kind"], teams["grid"], teams["street"]))
    ]
    teams["i"] = np.arange(len(teams))
    con.register("t_teams", teams)
    con.execute("""
        insert into teams (team_id, grid_id, street_id, name, kind, name_en)
        select 'T' || lpad((i + 1)::varchar, 5, '0'),
               case when kind = 'grid' then grid_id end, street_id, name, kind, name_en from t_teams
    """)
    vols = plan_volunteers(teams, h["gap_grids"], scale, rng)
    vols["name"] = names(len(vols), rng)
    vols["i"] = np.arange(len(vols))
    con.register("t_vols", vols)
    con.execute("""
        insert into volunteers select 'P' || lpad((i + 1)::varchar, 6, '0'), name,
               'T' || lpad((team + 1)::varchar, 5, '0'), org, party, retired, date '2022-02-01' + joined::integer
        from t_vols
    """)
    shifts = simulate_shifts(vols, teams, scale, rng)
    shifts["grid_id"] = t.grids["grid_id"].to_numpy()[shifts["grid"].to_numpy()]
    shifts["street_id"] = np.array([s[0] for s in STREETS])[shifts["street"].to_numpy()]
    shifts["i"] = np.arange(len(shifts))
    con.register("t_shifts", shifts)
    con.execute("""
        insert into shifts select 'F' || lpad((i + 1)::varchar, 8, '0'),
               'P' || lpad((vol + 1)::varchar, 6, '0'), date '2022-02-01' + day::integer, hours, post,
               grid_id, street_id
        from t_shifts
    """)
    step(0.8, "volunteers")

    b = simulate_businesses(t, scale, rng)
    b["grid_id"] = t.grids["grid_id"].to_numpy()[b["grid"].to_numpy()]
    b["street_id"] = np.array([s[0] for s in STREETS])[b["street"].to_numpy()]
    b["i"] = np.arange(len(b))
    con.register("t_biz", b)
    con.execute("""
        insert into businesses select 'B' || lpad((i + 1)::varchar, 6, '0'), name, category,
               address, lat, lon, grid_id, street_id from t_biz
    """)
    insp = simulate_inspections(b, rng)
    insp["street_id"] = b["street_id"].to_numpy()[insp["biz"].to_numpy()]
    insp["i"] = np.arange(len(insp))
    con.register("t_insp", insp)
    con.execute("""
        insert into inspections select 'I' || lpad((i + 1)::varchar, 7, '0'),
               'B' || lpad((biz + 1)::varchar, 6, '0'), date '2022-02-01' + day::integer, agencies, findings,
               outcome, nullif(suspension_days, -1), case when reopened >= 0 then date '2022-02-01' + reopened::integer end,
               street_id
        from t_insp
    """)
    # agencies as the district writes them in full: the district's 区商务局, each street's 派出所
    # (users extend this table by loading an agency_aliases sheet)
    con.execute("insert into agency_aliases values ('A0', '区商务局', '崇川区商务局', null)")
    con.execute("""insert into agency_aliases select 'A' || street_id, '派出所', name_zh || '派出所', street_id
                   from streets""")
    leads = simulate_leads(scale, rng)
    leads["street_id"] = np.array([s[0] for s in STREETS])[leads["street"].to_numpy()]
    leads["i"] = np.arange(len(leads))
    con.register("t_leads", leads)
    con.execute("""
        insert into leads select 'L' || lpad((i + 1)::varchar, 8, '0'),
               received_at, street_id, kind, status, verified_at from t_leads
    """)
    step(0.9, "businesses and leads")

    for name in (
        "t_streets",
        "t_comm",
        "t_grids",
        "t_nbhd",
        "t_mg",
        "t_hh",
        "t_workers",
        "t_visits",
        "t_teams",
        "t_vols",
        "t_shifts",
        "t_biz",
        "t_insp",
        "t_leads",
    ):
        con.unregister(name)
    store.set_meta(con, "source", "demo")
    store.set_meta(con, "demo_scale", str(scale))
    store.set_meta(con, "demo_seed", str(SEED))
    store.set_meta(con, "geography", "synthetic: H3 hexagons around rough street centroids, not surveyed")
    store.refresh_rollups(con)
    step(1.0, "rollups")
    return {"households": n_hh, "visits": n_visits, "seconds": sum(timings.values()), "steps": timings}


def build_demo(path: str | Path, scale: float = 1.0, progress: Progress | None = None) -> dict:
    """Builds the demo store at `path` (replacing it). The store appears whole or not at all:
    it is built beside the target and renamed into place when complete."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".building")
    for stale in (tmp, Path(str(tmp) + ".wal")):
        stale.unlink(missing_ok=True)
    con = store.connect(tmp)
    try:
        result = write_store(con, scale, progress or (lambda f, m: None))
        con.execute("checkpoint")
    finally:
        con.close()
    Path(str(path) + ".wal").unlink(missing_ok=True)
    os.replace(tmp, path)
    return result
