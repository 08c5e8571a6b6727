"""The morning rush, small: five real browser sessions for 20 s against one server, and a
command-line load half-way through (handed to the serving dashboard). Every view must render with
no error box and no console error, the load must land, and the server log must hold no traceback.
The full-size run is `python -m knockboard bench --sessions 20 --seconds 60` (docs/performance.md)."""

import csv

from knockboard import bench_sessions, store
from knockboard.demo import build_demo

from .conftest import chromium_path

SESSIONS, SECONDS = 5, 20


def test_five_sessions_render_every_view_while_a_command_line_load_lands(tmp_path):
    chromium_path()  # skips (or fails in CI) without a browser
    db = tmp_path / "rush.duckdb"
    build_demo(db, scale=0.01)
    con = store.connect(db, read_only=True)
    (latest,) = con.execute("select max(visit_day) from visits").fetchone()
    households = [
        r[0] for r in con.execute("select household_id from households order by household_id limit 3").fetchall()
    ]
    (worker,) = con.execute("select min(worker_id) from visits").fetchone()
    con.close()
    sheet = tmp_path / "late_visits.csv"
    with sheet.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["visit_id", "household_id", "visited_at", "worker_id", "outcome"])
        for number, household in enumerate(households):
            writer.writerow([f"RUSH{number}", household, f"{latest:%Y-%m-%d} 18:0{number}:00", worker, "met"])

    rush = bench_sessions.run(db, SESSIONS, SECONDS, workdir=tmp_path, load=[sheet])
    print(rush.table())
    assert rush.load["exit"] == 0, rush.load["output"]
    assert rush.failed == [], "\n".join(f"{v.page}: {v.error}" for v in rush.failed)
    assert len(rush.rendered) >= SESSIONS, rush.table()  # every session rendered at least its first page
    assert rush.server_errors == [], rush.server_errors
    assert "handed to it" in rush.load["output"], rush.load["output"]
    con = store.connect(db, read_only=True)
    assert con.execute("select count(*) from visits where visit_id like 'RUSH%'").fetchone()[0] == 3
    con.close()
