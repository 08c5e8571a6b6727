"""The benchmark: `python -m knockboard bench [--scale S ...]` prints one table of what a user waits
for: each page's server-side run (AppTest) cold and warm with its slowest query, the demo build, the
load rate of a visits CSV beside DuckDB's own read_csv, the store's size and the app's peak memory.
Medians of several runs: the machine is noisy. See docs/performance.md.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from knockboard.config import ROOT

# What the pages must meet (issue 8): warm and cold page runs, in ms, by scale.
TARGETS = {1: (200, 2000), 10: (500, 5000)}


def _peak_rss_mb() -> float:
    """This process's peak resident memory. Not getrusage's ru_maxrss: Linux carries that over from
    the parent across fork and exec, so a child of a big build would report the build's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _page_timings(db: str, runs: int) -> dict:
    """Runs in a fresh process (so "cold" is cold): every page once cold, then `runs` warm runs."""
    from streamlit.testing.v1 import AppTest

    import queries
    from knockboard.app import PAGES

    slowest: dict[str, tuple[float, str]] = {}
    current = {"page": None}
    real_run = queries.run

    def timed_run(con, name, **params):
        started = time.perf_counter()
        try:
            return real_run(con, name, **params)
        finally:
            ms = (time.perf_counter() - started) * 1000
            page = current["page"]
            if page and ms > slowest.get(page, (0, ""))[0]:
                slowest[page] = (ms, name)

    queries.run = timed_run
    os.environ["KNOCKBOARD_DB"] = db
    out = {}
    for page in PAGES:
        current["page"] = page.url_path
        at = AppTest.from_file(str(ROOT / page.file), default_timeout=300)
        at.query_params["lang"] = "zh"
        started = time.perf_counter()
        at.run()
        cold = (time.perf_counter() - started) * 1000
        error = [str(e.value) for e in at.exception]
        warm = []
        for _ in range(runs):
            started = time.perf_counter()
            at.run()
            warm.append((time.perf_counter() - started) * 1000)
        ms, name = slowest.get(page.url_path, (0.0, "-"))
        out[page.url_path] = {
            "cold_ms": cold,
            "warm_ms": statistics.median(warm) if warm else None,
            "slowest_query": name,
            "slowest_query_ms": ms,
            "error": error[:1],
        }
    out["_peak_rss_mb"] = _peak_rss_mb()
    return out


def _load_rates(db: str, rows: int) -> dict:
    """Loads a visits CSV of `rows` rows (households of this store) and times DuckDB's read_csv of it."""
    import duckdb

    from knockboard import store
    from knockboard.loading import load_file

    with tempfile.TemporaryDirectory() as tmp:
        csv = Path(tmp) / "visits.csv"
        con = store.connect(db)
        households = con.execute("select count(*) from households").fetchone()[0]
        con.execute(
            f"""copy (select 'BENCH' || i as visit_id, 'H' || lpad((i % ? + 1)::varchar, 8, '0') as household_id,
                              strftime(timestamp '2022-03-22 08:00' + to_seconds(i % 36000), '%Y/%m/%d %H:%M') as visited_at,
                              'W0000001' as worker_id, case i % 3 when 0 then '已见面' when 1 then '不在家' else '拒绝' end as outcome,
                              i % 4 as residents_seen, '否' as returned_from_outside, '绿码' as health_code, '否' as needs_followup
                       from range(?) t(i)) to '{csv}' (header)""",
            [households, rows],
        )
        scratch = duckdb.connect()
        started = time.perf_counter()
        scratch.execute(f"create table t as select * from read_csv('{csv}')")
        duck = time.perf_counter() - started
        scratch.close()
        started = time.perf_counter()
        report = load_file(con, csv)
        ours = time.perf_counter() - started
        con.close()
    return {
        "rows": rows,
        "accepted": report.accepted,
        "ours_s": ours,
        "duckdb_s": duck,
        "ours_rows_per_s": rows / ours,
        "duckdb_rows_per_s": rows / duck,
    }


def bench_scale(scale: float, runs: int, load_rows: int, workdir: Path) -> dict:
    from knockboard.demo import build_demo

    db = workdir / f"bench-{scale:g}.duckdb"
    started = time.perf_counter()
    built = build_demo(db, scale=scale)
    build_s = time.perf_counter() - started
    size_mb = db.stat().st_size / 1e6
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, sys; from knockboard.bench import _page_timings; "
            f"print('BENCH' + json.dumps(_page_timings({str(db)!r}, {runs})))",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=3600,
    )
    line = next((out for out in child.stdout.splitlines() if out.startswith("BENCH")), None)
    if line is None:
        raise RuntimeError(f"page timing failed: {child.stderr[-2000:]}")
    pages = json.loads(line[5:])
    rss = pages.pop("_peak_rss_mb")
    load = _load_rates(str(db), load_rows)
    db.unlink(missing_ok=True)
    return {
        "scale": scale,
        "households": built["households"],
        "visits": built["visits"],
        "build_s": build_s,
        "size_mb": size_mb,
        "pages": pages,
        "peak_rss_mb": rss,
        "load": load,
    }


def render(results: list[dict]) -> str:
    lines = [
        f"{'scale':>5}  {'page':<14} {'cold ms':>9} {'warm ms':>9}  {'target warm/cold':>16}  "
        f"{'slowest query':<26} {'ms':>7}"
    ]
    for r in results:
        target = TARGETS.get(round(r["scale"]))
        for page, t in r["pages"].items():
            flag = ""
            if target:
                ok = (t["warm_ms"] or 0) <= target[0] and t["cold_ms"] <= target[1]
                flag = f"{target[0]}/{target[1]} {'ok' if ok else 'MISSED'}"
            if t["error"]:
                flag = "ERROR " + t["error"][0][:40]
            lines.append(
                f"{r['scale']:>5g}  {page:<14} {t['cold_ms']:>9.0f} {t['warm_ms']:>9.0f}  {flag:>16}  "
                f"{t['slowest_query']:<26} {t['slowest_query_ms']:>7.1f}"
            )
    lines.append("")
    lines.append(
        f"{'scale':>5}  {'households':>11} {'visits':>11} {'build s':>8} {'store MB':>9} "
        f"{'peak RSS MB':>12} {'load rows/s':>12} {'read_csv rows/s':>16} {'ratio':>6}"
    )
    for r in results:
        load = r["load"]
        lines.append(
            f"{r['scale']:>5g}  {r['households']:>11,} {r['visits']:>11,} {r['build_s']:>8.1f} "
            f"{r['size_mb']:>9.0f} {r['peak_rss_mb']:>12.0f} {load['ours_rows_per_s']:>12,.0f} "
            f"{load['duckdb_rows_per_s']:>16,.0f} {load['ours_rows_per_s'] / load['duckdb_rows_per_s']:>6.2f}"
        )
    return "\n".join(lines)


def run(scales: list[float], runs: int, load_rows: int, workdir: str | None = None) -> tuple[list[dict], str]:
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        results = [bench_scale(s, runs, load_rows, Path(tmp)) for s in scales]
    return results, render(results)
