"""The store: schema created idempotently and versioned, enumerations checked, no downloads."""

import duckdb
import pytest

from knockboard import schema, store
from knockboard.config import db_path


def test_schema_is_idempotent_and_versioned(tmp_path):
    path = tmp_path / "s.duckdb"
    con = store.connect(path)
    assert schema.current_version(con) == schema.LATEST
    con.close()
    con = store.connect(path)  # a second start applies nothing twice
    assert con.execute("select count(*) from schema_version").fetchone()[0] == schema.LATEST
    tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
    assert {
        "streets",
        "communities",
        "grids",
        "neighbourhoods",
        "micro_grids",
        "households",
        "visits",
        "volunteers",
        "teams",
        "shifts",
        "businesses",
        "inspections",
        "leads",
    } <= tables
    con.close()


def test_a_newer_store_is_refused(tmp_path):
    con = store.connect(tmp_path / "s.duckdb")
    con.execute("insert into schema_version values (?, current_timestamp::timestamp)", [schema.LATEST + 1])
    with pytest.raises(RuntimeError, match="newer"):
        schema.ensure_schema(con)


@pytest.mark.parametrize(
    "sql",
    [
        "insert into visits values ('V1','H1','2022-03-01 09:00','W1','absent',0,false,null,false,'2022-03-01','M1','S1')",
        "insert into visits values ('V1','H1','2022-03-01 09:00','W1','met',0,false,'blue',false,'2022-03-01','M1','S1')",
        "insert into volunteers values ('P1','x',null,'army',true,false,null)",
        "insert into shifts values ('F1','P1','2022-03-01',25,'checkpoint',null,null)",
        "insert into shifts values ('F1','P1','2022-03-01',2,'sleeping',null,null)",
        "insert into inspections values ('I1','B1','2022-03-01',null,null,'closed',null,null,null)",
        "insert into leads values ('L1','2022-03-01','S1','companion','maybe',null)",
        "insert into leads values ('L1','2022-03-01','S1','companion','valid',null)",
    ],
)
def test_enumerations_and_ranges_are_checked(tmp_path, sql):
    con = store.connect(tmp_path / "s.duckdb")
    with pytest.raises(duckdb.ConstraintException):
        con.execute(sql)


def test_keys_are_unique(tmp_path):
    con = store.connect(tmp_path / "s.duckdb")
    con.execute("insert into streets values ('S1', '甲', null, null, null, null)")
    with pytest.raises(duckdb.ConstraintException):
        con.execute("insert into streets values ('S1', '乙', null, null, null, null)")


def test_no_extension_is_ever_downloaded(tmp_path):
    con = store.connect(tmp_path / "s.duckdb")
    settings = dict(
        con.execute("""select name, value from duckdb_settings()
        where name in ('autoinstall_known_extensions', 'autoload_known_extensions')""").fetchall()
    )
    assert settings == {"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}


def test_store_path_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("KNOCKBOARD_DB", str(tmp_path / "x.duckdb"))
    assert db_path() == tmp_path / "x.duckdb"
    monkeypatch.delenv("KNOCKBOARD_DB")
    assert db_path().name == "knockboard.duckdb" and db_path().parent.name == "data"


def test_data_version_moves_on_every_refresh(hand_db, tmp_path):
    import shutil

    copy = tmp_path / "copy.duckdb"
    shutil.copy(hand_db, copy)
    con = store.connect(copy)
    before = store.data_version(con)
    store.refresh_rollups(con)
    assert store.data_version(con) != before


def test_rollups_of_an_older_version_are_rebuilt(hand_db, tmp_path):
    import shutil

    copy = tmp_path / "old.duckdb"
    shutil.copy(hand_db, copy)
    con = store.connect(copy)
    assert not store.ensure_rollups(con)  # up to date: nothing to do
    con.execute("drop table roll_leads_street_day")
    store.set_meta(con, "rollups_digest", "older")
    assert store.ensure_rollups(con)
    assert con.execute("select sum(received) from roll_leads_street_day").fetchone()[0] == 4


def test_a_version_1_store_migrates_in_place(tmp_path, monkeypatch):
    """A store made by the previous Knockboard (schema 1, imports without street_id) gains the
    loader's street on its next start, keeping its rows; its loads then record the street."""
    path = tmp_path / "v1.duckdb"
    monkeypatch.setattr(schema, "LATEST", 1)  # build the store as version 1 was built
    con = store.connect(path)
    con.execute("insert into imports values (1, 'old.csv', 'abc', 'visits', 3, 3, 0, 'clerk', '2022-03-04 08:00')")
    assert "street_id" not in {r[0] for r in con.execute("describe imports").fetchall()}
    con.close()
    monkeypatch.undo()
    con = store.connect(path)
    assert schema.current_version(con) == schema.LATEST
    assert con.execute("select version from schema_version order by version").fetchall() == [
        (v,) for v in range(1, schema.LATEST + 1)
    ]
    assert con.execute("select file_name, loaded_by, street_id from imports").fetchall() == [("old.csv", "clerk", None)]
    con.close()
    con = store.connect(path)  # a second start applies nothing twice
    assert con.execute("select count(*) from schema_version").fetchone()[0] == schema.LATEST
    con.close()


def test_a_version_2_store_keeps_its_refused_rows_and_gains_agency_aliases(tmp_path, monkeypatch):
    """Schema 3: refused rows gain their sheet, detail and masked text (empty for older rows, which a
    user who may not see personal data then sees hidden whole), and agency_aliases appears."""
    from knockboard import data
    from knockboard.loading import Report

    path = tmp_path / "v2.duckdb"
    monkeypatch.setattr(schema, "LATEST", 2)
    con = store.connect(path)
    con.execute("insert into rejects values (1, 'old.csv', 2, 'address', '甲路1号', 'missing', 'H1,M1,甲路1号')")
    con.close()
    monkeypatch.undo()
    con = store.connect(path)
    assert schema.current_version(con) >= 3
    rows = con.execute("""select row_number as row, null as sheet, column_name as column, value, reason, detail,
                                 row_text, row_masked from rejects""").df()
    assert rows[["row_text", "row_masked"]].values.tolist() == [["H1,M1,甲路1号", None]]
    assert con.execute("select count(*) from agency_aliases").fetchone()[0] == 0
    con.close()
    shown = data.refused_rows(Report("old.csv", "loaded", "households", rejects=rows), "en", masked=True)
    assert shown["Original row"].tolist() == ["***"] and shown["Value"].tolist() == ["***"]


def test_a_version_3_store_keeps_its_teams_and_gains_their_english_names(tmp_path, monkeypatch):
    """Schema 4: teams.name_en, empty for the teams already there; a teams sheet can then fill it."""
    from knockboard.loading import load_bytes

    path = tmp_path / "v3.duckdb"
    monkeypatch.setattr(schema, "LATEST", 3)
    con = store.connect(path)
    con.execute("insert into teams values ('T1', null, null, '区机关党员志愿服务队', 'organ')")
    con.close()
    monkeypatch.undo()
    con = store.connect(path)
    assert schema.current_version(con) == schema.LATEST  # through version 4, and any later one
    assert con.execute("select team_id, name, name_en from teams").fetchall() == [("T1", "区机关党员志愿服务队", None)]
    sheet = (
        "服务队编号,服务队名称,类型,英文名称\nT1,区机关党员志愿服务队,organ,District Government Party Volunteer Team\n"
    )
    assert load_bytes(con, sheet.encode(), "teams.csv", table="teams").accepted == 1
    assert con.execute("select name_en from teams").fetchall() == [("District Government Party Volunteer Team",)]
    con.close()


def test_a_version_4_store_gains_undo_and_its_older_loads_say_they_cannot_be_undone(tmp_path, monkeypatch):
    """Schema 5: import_changes, and imports.changes_kept / undone_at / undone_by. A load made
    before kept no replaced rows: its undo is refused, saying so."""
    from knockboard.loading.undo import UndoRefused, undo_import

    path = tmp_path / "v4.duckdb"
    monkeypatch.setattr(schema, "LATEST", 4)
    con = store.connect(path)
    con.execute(
        "insert into imports values (1, 'old.csv', 'abc', 'visits', 3, 3, 0, 'clerk', '2022-03-04 08:00', 'S1')"
    )
    assert "changes_kept" not in {r[0] for r in con.execute("describe imports").fetchall()}
    con.close()
    monkeypatch.undo()
    con = store.connect(path)
    assert schema.current_version(con) == schema.LATEST
    assert con.execute("select file_name, street_id, changes_kept, undone_at from imports").fetchall() == [
        ("old.csv", "S1", False, None)
    ]
    assert con.execute("select count(*) from import_changes").fetchone()[0] == 0
    with pytest.raises(UndoRefused) as refused:
        undo_import(con, 1, "admin")
    assert refused.value.code == "no_history" and "older Knockboard" in refused.value.text("en")
    con.close()


def test_a_migrated_store_records_the_loaders_street(hand_db, tmp_path):
    import shutil

    from knockboard.loading import load_bytes

    copy = tmp_path / "loads.duckdb"
    shutil.copy(hand_db, copy)
    con = store.connect(copy)
    load_bytes(
        con,
        b"visit_id,household_id,visited_at,outcome\nVS,H1,2022-03-04 10:00,met\n",
        "v.csv",
        loaded_by="clerk1",
        street="S1",
    )
    assert con.execute("select loaded_by, street_id from imports").fetchall() == [("clerk1", "S1")]
    con.close()


def test_a_store_whose_path_holds_a_double_quote_rebuilds_its_rollups(hand_db, tmp_path):
    """The street-by-street rollup rebuild names the store's catalog in SQL: quoted, not pasted."""
    import shutil
    from pathlib import Path

    from knockboard.loading import load_file

    corpus = Path(__file__).resolve().parent / "corpus"
    copy = tmp_path / 'the "old" store.duckdb'
    shutil.copy(hand_db, copy)
    con = store.connect(copy)
    before = con.execute("select sum(visits) from roll_visits_street_day").fetchone()[0]
    report = load_file(con, corpus / "visits_good_en_bom.csv")  # lands street by street (S1, S2)
    assert report.status == "loaded" and report.accepted == 2
    assert con.execute("select sum(visits) from roll_visits_street_day").fetchone()[0] == before + 2
    con.close()
