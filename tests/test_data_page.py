"""The Data page in AppTest: upload, report, refused rows and their download, in both languages."""

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from knockboard import i18n, store

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"


@pytest.fixture
def db(hand_db, tmp_path):
    copy = tmp_path / "data-page.duckdb"
    shutil.copy(hand_db, copy)
    return copy


def stored(db, sql):
    """Reads the store as another program would, once the app has let go of it."""
    import streamlit as st

    st.cache_resource.clear()
    con = store.connect(db)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def open_page(monkeypatch, db, lang):
    monkeypatch.setenv("KNOCKBOARD_DB", str(db))
    at = AppTest.from_file(str(ROOT / "pages" / "data.py"), default_timeout=60)
    at.query_params["lang"] = lang
    return at.run()


def upload(at, *names):
    at.file_uploader(key="data_files").set_value([(n, (CORPUS / n).read_bytes(), "text/csv") for n in names])
    at.button[0].click()  # the form's submit button
    return at.run()


@pytest.mark.parametrize(
    "lang, title, loaded",
    [
        ("zh", "数据导入", "入户走访记录：导入 1 行，拒绝 2 行"),
        ("en", "Data: load field sheets", "visits: 1 rows loaded, 2 refused"),
    ],
)
def test_upload_reports_refused_rows(monkeypatch, db, lang, title, loaded):
    at = open_page(monkeypatch, db, lang)
    assert not at.exception and title in at.title[0].value
    # the freshness and quality tables (one without rows is said in words, not as an English "empty" grid)
    assert len(at.dataframe) + len([i for i in at.info if "Nothing to show" in i.value or "没有数据" in i.value]) >= 4
    at = upload(at, "visits_bad_enum_en.csv")
    assert not at.exception
    assert loaded in at.warning[0].value
    refused = at.dataframe[0].value
    assert len(refused) == 2 and "absent" in refused.iloc[:, 3].tolist()
    assert any("CSV" in b.label for b in at.get("download_button"))
    assert stored(db, "select count(*) from visits where visit_id = 'N1'") == 1


def test_a_clean_file_and_a_repeat(monkeypatch, db):
    at = upload(open_page(monkeypatch, db, "en"), "visits_good_en_bom.csv")
    assert "2 rows loaded, 0 refused" in at.success[0].value
    at = upload(at, "visits_good_en_bom.csv")
    assert "already loaded" in at.info[0].value


def test_an_unrecognisable_file(monkeypatch, db):
    at = upload(open_page(monkeypatch, db, "zh"), "not_a_table_en.csv")
    assert not at.exception and "未导入" in at.error[0].value


def test_an_upload_over_the_limit_gets_a_message(monkeypatch, db):
    monkeypatch.setenv("KNOCKBOARD_MAX_UPLOAD_MB", "0.0001")
    at = upload(open_page(monkeypatch, db, "en"), "visits_good_zh_gb18030.csv")
    assert not at.exception and "over the 0.0001 MB limit" in at.error[0].value
    assert stored(db, "select count(*) from imports") == 0


def test_suspicious_records_on_the_demo(monkeypatch, scale1_db):
    """The demo plants a worker logging a whole micro-grid in ten minutes on 18 March."""
    monkeypatch.setenv("KNOCKBOARD_DB", str(scale1_db))
    at = AppTest.from_file(str(ROOT / "pages" / "data.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.query_params["day"] = "2022-03-18"
    at.run()
    assert not at.exception
    flagged = [d.value for d in at.dataframe if "Pattern" in d.value.columns]
    assert flagged and "many doors in a few minutes" in flagged[0]["Pattern"].tolist()


@pytest.mark.parametrize(
    "lang, caption, loaded",
    [
        ("en", "You load for street 甲 Jia (S1)", "visits: 1 rows loaded, 1 refused"),
        ("zh", "您导入的是 甲 (S1) 的数据", "入户走访记录：导入 1 行，拒绝 1 行"),
    ],
)
def test_a_street_clerk_loads_for_their_street(monkeypatch, tmp_path, db, lang, caption, loaded):
    from knockboard import signin

    access = tmp_path / "access.toml"
    access.write_text(
        '[users.clerk1]\nrole = "clerk"\nstreet = "S1"\n[users.analyst1]\nrole = "analyst"\n', encoding="utf-8"
    )
    monkeypatch.setenv("KNOCKBOARD_ACCESS", str(access))
    monkeypatch.setenv("KNOCKBOARD_AUDIT_LOG", str(tmp_path / "audit.jsonl"))
    monkeypatch.setenv("KNOCKBOARD_DB", str(db))
    at = AppTest.from_file(str(ROOT / "pages" / "data.py"), default_timeout=60)
    at.query_params["lang"] = lang
    at.session_state[signin.SESSION_USER] = "clerk1"
    at.run()
    assert not at.exception
    assert any(caption in c.value for c in at.caption)
    at = upload(at, "visits_good_en_bom.csv")  # E1 is H4 (S1), E2 is H7 (S2)
    assert not at.exception and loaded in at.warning[0].value
    refused = at.dataframe[0].value
    assert "S2" in " ".join(refused.iloc[:, 4].tolist())
    # a clerk sees their own row to fix it: a visit holds no personal cell, so the whole line shows
    # (personal cells are hidden: tests/test_loading_clerks.py::test_refused_rows_hide_only_the_personal_cells)
    assert refused.iloc[:, 5].tolist() == ["E2,H7,2022-03-04 10:30:00,W3,not_home,0,no,,no"]
    assert stored(db, "select loaded_by || ' ' || street_id from imports") == "clerk1 S1"
    trail = (tmp_path / "audit.jsonl").read_text(encoding="utf-8")
    assert '"event": "load", "user": "clerk1", "file": "visits_good_en_bom.csv"' in trail
    # an analyst sees the page, but has nothing to load with
    analyst = AppTest.from_file(str(ROOT / "pages" / "data.py"), default_timeout=60)
    analyst.session_state[signin.SESSION_USER] = "analyst1"
    analyst.run()
    assert not analyst.exception and not analyst.get("file_uploader") and analyst.dataframe


@pytest.mark.parametrize(
    "lang, done",
    [
        ("en", "Load 1 (visits_good_en_bom.csv, visits) undone: 2 rows it added removed, 0 rows it replaced restored"),
        ("zh", "已撤销第 1 次导入（visits_good_en_bom.csv，入户走访记录）：删除其新增的 2 行，恢复其替换的 0 行"),
    ],
)
def test_undo_a_load_from_the_recent_imports_after_a_confirmation(monkeypatch, tmp_path, db, lang, done):
    monkeypatch.setenv("KNOCKBOARD_AUDIT_LOG", str(tmp_path / "audit.jsonl"))
    at = upload(open_page(monkeypatch, db, lang), "visits_good_en_bom.csv")
    assert stored(db, "select count(*) from visits where visit_id in ('E1', 'E2')") == 2
    at.selectbox(key="data_undo_pick").set_value(1)
    at = at.button(key="data_undo_ask").click().run()
    assert not at.exception and i18n.md("visits_good_en_bom.csv") in at.warning[0].value  # the question
    assert stored(db, "select count(*) from visits where visit_id in ('E1', 'E2')") == 2  # nothing yet
    at = at.button(key="data_undo_cancel").click().run()
    assert not at.warning and stored(db, "select count(*) from imports where undone_at is null") == 1
    at = at.button(key="data_undo_ask").click().run()
    at = at.button(key="data_undo_yes").click().run()
    assert not at.exception and i18n.md(done) in at.success[0].value
    assert stored(db, "select count(*) from visits where visit_id in ('E1', 'E2')") == 0
    assert stored(db, "select count(*) from imports where undone_at is not null") == 1
    assert any(
        c.value == ("No load that you may undo." if lang == "en" else "没有可由您撤销的导入。") for c in at.caption
    )
    trail = (tmp_path / "audit.jsonl").read_text(encoding="utf-8")
    assert '"event": "undo", "user": "local", "import_id": 1, "file": "visits_good_en_bom.csv"' in trail
    assert '"status": "undone", "removed": 2, "restored": 0' in trail


def test_a_street_clerk_is_offered_their_streets_last_load_only(monkeypatch, tmp_path, db):
    from knockboard import signin
    from knockboard.loading import load_bytes

    con = store.connect(db)
    for name, street in (("c1.csv", "S1"), ("c2.csv", "S1"), ("c3.csv", "S2"), ("c4.csv", None)):
        sheet = f"visit_id,household_id,visited_at,outcome\n{name[:2]},{'H5' if street == 'S2' else 'H1'},2022-03-04 10:00,met\n"
        assert load_bytes(con, sheet.encode(), name, loaded_by="someone", street=street).accepted == 1
    con.close()
    access = tmp_path / "access.toml"
    access.write_text('[users.clerk1]\nrole = "clerk"\nstreet = "S1"\n', encoding="utf-8")
    monkeypatch.setenv("KNOCKBOARD_ACCESS", str(access))
    monkeypatch.setenv("KNOCKBOARD_AUDIT_LOG", str(tmp_path / "audit.jsonl"))
    monkeypatch.setenv("KNOCKBOARD_DB", str(db))
    at = AppTest.from_file(str(ROOT / "pages" / "data.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.session_state[signin.SESSION_USER] = "clerk1"
    at.run()
    assert not at.exception
    offered = at.selectbox(key="data_undo_pick").options  # not c1 (not the last), c3 (S2), c4 (district)
    assert len(offered) == 1 and offered[0].startswith("2: c2.csv (visits, 1 rows, "), offered
    at = at.button(key="data_undo_ask").click().run()
    at = at.button(key="data_undo_yes").click().run()
    assert not at.exception and "Load 2" in at.success[0].value
    assert at.selectbox(key="data_undo_pick").options[0].startswith("1: c1.csv")  # now the last one standing
