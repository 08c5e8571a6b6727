"""Undoing a load (issue 22): load, correct, undo the correction, undo the load, and the store,
rollups included, is the one before each step; refusals leave the store as it was and say why."""

import shutil
import threading
import time

import pytest

from knockboard import store
from knockboard.loading import load_bytes
from knockboard.loading.undo import UndoRefused, undo_import, undo_served

# bookkeeping that an undo records rather than reverses (the import stays, marked undone)
BOOKKEEPING = {"imports", "rejects", "import_changes", "store_meta", "schema_version"}

# load A: two new visits and one that replaces the hand store's V9 (H1 met on d3 -> not at home)
LOAD = (
    b"visit_id,household_id,visited_at,worker_id,outcome\n"
    b"U1,H4,2022-03-04 10:00,W1,met\nU2,H7,2022-03-04 10:30,W3,not_home\n"
    b"V9,H1,2022-03-03 15:00,W1,not_home\n"
)
# load B, a correction: U1 was not at home after all, V5 (hand store) refused, and one more visit
CORRECTION = (
    b"visit_id,household_id,visited_at,worker_id,outcome\n"
    b"U1,H4,2022-03-04 10:00,W1,not_home\nV5,H2,2022-03-02 18:30,W1,refused\n"
    b"U3,H6,2022-03-04 11:00,W3,met\n"
)


def snapshot(con) -> dict[str, list]:
    """Every table of the store but the bookkeeping, rollups included, as sorted rows."""
    tables = [
        t
        for (t,) in con.execute(
            "select table_name from duckdb_tables() where schema_name = 'main' "
            "and database_name = current_database() order by 1"
        ).fetchall()
    ]
    return {t: sorted(con.execute(f"select * from {t}").fetchall(), key=repr) for t in tables if t not in BOOKKEEPING}


def differences(before: dict, after: dict) -> dict:
    return {
        t: (len(before.get(t, [])), len(after.get(t, [])))
        for t in before.keys() | after.keys()
        if before.get(t) != after.get(t)
    }


@pytest.fixture
def con(hand_db, tmp_path):
    copy = tmp_path / "undo.duckdb"
    shutil.copy(hand_db, copy)
    con = store.connect(copy)
    yield con
    con.close()


def test_load_correct_undo_the_correction_undo_the_load(con):
    s0 = snapshot(con)
    a = load_bytes(con, LOAD, "visits_a.csv", loaded_by="admin")
    assert (a.status, a.accepted, a.replaced) == ("loaded", 3, 1)
    s1 = snapshot(con)
    b = load_bytes(con, CORRECTION, "visits_b.csv", loaded_by="admin")
    assert (b.status, b.accepted, b.replaced) == ("loaded", 3, 2)
    s2 = snapshot(con)
    assert differences(s0, s1) and differences(s1, s2)
    assert s1["roll_visits_street_day"] != s2["roll_visits_street_day"]  # the rollups moved with each load

    with pytest.raises(UndoRefused) as refused:  # B rewrote U1: A cannot be undone under it
        undo_import(con, a.import_id, "admin")
    assert refused.value.code == "later_load" and refused.value.details["later"] == b.import_id
    assert "undo load 2" in refused.value.text("en") and "请先撤销第 2 次导入" in refused.value.text("zh")
    assert differences(s2, snapshot(con)) == {}

    undone = undo_import(con, b.import_id, "admin")
    assert (undone.removed, undone.restored) == (1, 2)  # U3 gone; U1 and V5 back as they were
    assert differences(s1, snapshot(con)) == {}
    undone = undo_import(con, a.import_id, "admin")
    assert (undone.removed, undone.restored) == (2, 1)
    assert differences(s0, snapshot(con)) == {}
    assert con.execute(
        "select import_id, undone_by from imports where undone_at is not null order by 1"
    ).fetchall() == [(a.import_id, "admin"), (b.import_id, "admin")]

    with pytest.raises(UndoRefused, match="already"):
        undo_import(con, a.import_id, "admin")
    with pytest.raises(UndoRefused, match="unknown"):
        undo_import(con, 99, "admin")
    # an undone file is not "already loaded": it loads again, to the same store
    again = load_bytes(con, LOAD, "visits_a.csv", loaded_by="admin")
    assert again.status == "loaded" and again.import_id == 3
    assert differences(s1, snapshot(con)) == {}


def test_undoing_an_inspection_sheet_removes_the_businesses_it_created(con):
    s0 = snapshot(con)
    sheet = (
        "检查编号,场所编号,场所名称,地址,所属街道,检查日期,检查单位,处理结果,停业天数\n"
        "NB1,JC-901,甲九 饭店,甲路99号,甲,2022/3/4,区商务局,停业整顿,2\n"
    )
    report = load_bytes(con, sheet.encode(), "检查记录.csv")
    assert report.accepted == 1 and report.created_parents == 1
    undone = undo_import(con, report.import_id, "admin")
    assert undone.removed == 2  # the inspection and its business
    assert differences(s0, snapshot(con)) == {}


def test_an_undo_that_would_orphan_later_rows_is_refused(con):
    households = load_bytes(con, "户编号,微网格编号,地址,人数\nHN1,M1,甲一小区9幢101室,2\n".encode(), "户.csv")
    assert households.accepted == 1
    visits = load_bytes(
        con, b"visit_id,household_id,visited_at,worker_id,outcome\nUN1,HN1,2022-03-04 10:00,W1,met\n", "v.csv"
    )
    assert visits.accepted == 1
    before = snapshot(con)
    with pytest.raises(UndoRefused) as refused:
        undo_import(con, households.import_id, "admin")
    assert refused.value.code == "still_used" and "1 rows of visits" in refused.value.text("en")
    assert "入户走访记录" in refused.value.text("zh")
    assert differences(before, snapshot(con)) == {}
    undo_import(con, visits.import_id, "admin")
    undo_import(con, households.import_id, "admin")  # in that order, both go


def test_a_street_clerk_undoes_their_streets_last_load_only(con):
    ours = load_bytes(
        con,
        b"visit_id,household_id,visited_at,outcome\nC1,H1,2022-03-04 10:00,met\n",
        "c1.csv",
        loaded_by="clerk1",
        street="S1",
    )
    last = load_bytes(
        con,
        b"visit_id,household_id,visited_at,outcome\nC2,H2,2022-03-04 10:00,met\n",
        "c2.csv",
        loaded_by="clerk1",
        street="S1",
    )
    theirs = load_bytes(
        con,
        b"visit_id,household_id,visited_at,outcome\nC3,H5,2022-03-04 10:00,met\n",
        "c3.csv",
        loaded_by="clerk2",
        street="S2",
    )
    district = load_bytes(con, b"visit_id,household_id,visited_at,outcome\nC4,H6,2022-03-04 10:00,met\n", "c4.csv")
    assert all(r.accepted == 1 for r in (ours, last, theirs, district))
    with pytest.raises(UndoRefused) as refused:
        undo_import(con, ours.import_id, "clerk1", street="S1")
    assert refused.value.code == "not_last" and "c2.csv" in refused.value.text("en")
    for other in (theirs, district):
        with pytest.raises(UndoRefused, match="not_your_street"):
            undo_import(con, other.import_id, "clerk1", street="S1")
    undo_import(con, last.import_id, "clerk1", street="S1")
    undo_import(con, ours.import_id, "clerk1", street="S1")  # now the last one standing
    assert con.execute("select count(*) from visits where visit_id in ('C1', 'C2')").fetchone()[0] == 0
    undo_import(con, theirs.import_id, "admin")  # an administrator undoes any
    assert con.execute("select count(*) from visits where visit_id = 'C3'").fetchone()[0] == 0


def test_an_undo_racing_a_load_is_refused_cleanly(hand_db, tmp_path):
    """The undo was asked for when load A was the last; a correction lands first (it holds the store
    for writing when the undo arrives): the undo waits, then is refused, and the store is the
    correction's, whole."""
    from knockboard.serving import ServedStore

    copy = tmp_path / "race.duckdb"
    shutil.copy(hand_db, copy)
    served = ServedStore(copy)
    with served.writing() as con:
        a = load_bytes(con, LOAD, "visits_a.csv")
    holding, outcome = threading.Event(), {}

    def load_correction():
        with served.writing() as con:
            holding.set()
            time.sleep(0.5)  # the undo arrives meanwhile
            outcome["load"] = load_bytes(con, CORRECTION, "visits_b.csv")

    def undo():
        try:
            outcome["undo"] = undo_served(served, a.import_id, "admin")
        except UndoRefused as refused:
            outcome["undo"] = refused

    loader = threading.Thread(target=load_correction)
    loader.start()
    assert holding.wait(30)
    undoer = threading.Thread(target=undo)
    undoer.start()
    loader.join(60)
    undoer.join(60)
    assert outcome["load"].status == "loaded"
    assert isinstance(outcome["undo"], UndoRefused) and outcome["undo"].code == "later_load"
    with served.writing() as con:
        expected = tmp_path / "expected.duckdb"
        shutil.copy(hand_db, expected)
        fresh = store.connect(expected)
        load_bytes(fresh, LOAD, "visits_a.csv")
        load_bytes(fresh, CORRECTION, "visits_b.csv")
        assert differences(snapshot(fresh), snapshot(con)) == {}
        fresh.close()
    served.close()
