"""One upload must not stall everyone (issue 22): a workbook whose declared sizes are a zip bomb's is
refused before anything is decompressed, naming the file and why (en, zh); an upload is read in a
child process under a time and a memory budget, and one over budget is refused, the store untouched.
The browser-level test (a second session renders meanwhile) is tests/e2e/test_heavy_uploads.py."""

import io
import shutil
import time
import zipfile
from pathlib import Path

import pytest

from knockboard.loading import isolated, read
from knockboard.loading.messages import summary
from knockboard.serving import ServedStore
from tests.bombs import excel_bomb

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
SAMPLES = ROOT / "tests" / "samples"


@pytest.fixture
def served(hand_db, tmp_path):
    copy = tmp_path / "heavy.duckdb"
    shutil.copy(hand_db, copy)
    served = ServedStore(copy)
    yield served
    served.close()


def _imports(served) -> int:
    with served.reading() as con:
        return con.execute("select count(*) from imports").fetchone()[0]


def _with_dimension(data: bytes, ref: str) -> bytes:
    """The same workbook, its first sheet declaring <dimension ref=...>."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            content = source.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                text = content.decode("utf-8")
                if "<dimension" in text:
                    start = text.index("<dimension")
                    text = text[:start] + text[text.index("/>", start) + 2 :]
                text = text.replace("<sheetData", f'<dimension ref="{ref}"/><sheetData', 1)
                content = text.encode("utf-8")
            target.writestr(member, content)
    return out.getvalue()


def test_a_workbook_expanding_beyond_a_field_sheet_is_refused_unread(tmp_path):
    bomb = excel_bomb(tmp_path / "走访.xlsx", 1000).read_bytes()  # 4 MB, 1 GB of sheet XML
    assert len(bomb) < 5_000_000
    started = time.perf_counter()
    with pytest.raises(read.FileProblem) as problem:
        read.check_excel_sizes(bomb, "走访.xlsx")
    assert time.perf_counter() - started < 1  # the declared sizes only: nothing decompressed
    assert problem.value.code == "excel_expands" and problem.value.details["expanded"] == "1,000"


def test_a_workbook_compressed_like_a_bomb_is_refused_unread(tmp_path):
    bomb = excel_bomb(tmp_path / "b.xlsx", 300).read_bytes()  # within 800 MB, but ~260 times compressed
    with pytest.raises(read.FileProblem) as problem:
        read.check_excel_sizes(bomb, "b.xlsx")
    assert problem.value.code == "excel_ratio" and problem.value.details["member"] == "xl/worksheets/sheet1.xml"


def test_a_sheet_declaring_more_cells_than_a_field_sheet_is_refused_unread():
    data = _with_dimension((CORPUS / "shifts_hours_zh.xlsx").read_bytes(), "A1:XFD1048576")
    with pytest.raises(read.FileProblem) as problem:
        read.check_excel_sizes(data, "s.xlsx")
    assert problem.value.code == "excel_cells"
    assert (problem.value.details["rows"], problem.value.details["columns"]) == ("1,048,576", "16,384")


def test_real_workbooks_pass_the_size_checks():
    for path in [*CORPUS.glob("*.xlsx"), *SAMPLES.glob("*.xlsx")]:
        read.check_excel_sizes(path.read_bytes(), path.name)  # raises nothing
    read.check_excel_sizes(_with_dimension((CORPUS / "shifts_hours_zh.xlsx").read_bytes(), "A1:I1000001"), "s.xlsx")


@pytest.mark.parametrize(
    "lang, words",
    [
        ("en", ["走访记录_bomb.xlsx was not loaded", "expands to 1,000 MB", "zip bomb", "nothing was read"]),
        ("zh", ["走访记录_bomb.xlsx 未导入", "解压后达 1,000 MB", "压缩炸弹", "未读取任何内容"]),
    ],
)
def test_the_bomb_uploaded_is_refused_with_its_name_and_why(served, tmp_path, lang, words):
    bomb = excel_bomb(tmp_path / "走访记录_bomb.xlsx", 1000).read_bytes()
    started = time.perf_counter()
    report = isolated.load_served(served, bomb, "走访记录_bomb.xlsx", loaded_by="admin")
    assert time.perf_counter() - started < 30  # the reader's start (about a second) and the check
    assert report.status == "refused" and report.problem.code == "excel_expands"
    text = summary(report, lang)
    assert all(w in text for w in words), text
    assert _imports(served) == 0


def test_an_upload_over_the_memory_budget_is_refused(served, monkeypatch):
    monkeypatch.setattr(isolated, "READ_MEMORY_MB", 1)  # no file can be read in 1 MB more
    report = isolated.load_served(served, (CORPUS / "shifts_hours_zh.xlsx").read_bytes(), "shifts_hours_zh.xlsx")
    assert report.status == "refused" and report.problem.code in ("read_over_memory", "read_died"), report.problem
    assert "MB of memory one upload may use" in summary(report, "en") and "内存" in summary(report, "zh")
    assert _imports(served) == 0


def test_an_upload_over_the_time_budget_is_refused_and_its_reader_stopped(served, monkeypatch):
    monkeypatch.setattr(isolated, "READ_SECONDS", 0.2)  # the reader needs about a second to start
    report = isolated.load_served(served, (CORPUS / "visits_good_en_bom.csv").read_bytes(), "v.csv")
    assert report.status == "refused" and report.problem.code == "read_too_slow"
    assert "longer than 0.2 s" in summary(report, "en") and "超过 0.2 秒" in summary(report, "zh")
    assert _imports(served) == 0
    # nothing of the upload (personal data) is left beside the store
    from knockboard import store

    assert list(store.reading_dir(served.path).iterdir()) == []


def test_an_upload_read_apart_lands_as_one_read_in_the_server(served, hand_db, tmp_path):
    """The same report and the same rows as a load read in the server's own process."""
    from knockboard import store
    from knockboard.loading import load_bytes

    alone = tmp_path / "alone.duckdb"
    shutil.copy(hand_db, alone)
    con = store.connect(alone)
    for name in ("visits_bad_type_zh.csv", "shifts_sheet_per_day_zh.xlsx", "grids_boundaries.geojson"):
        data = (CORPUS / name).read_bytes()
        here = load_bytes(con, data, name)
        apart = isolated.load_served(served, data, name)
        assert (apart.status, apart.table, apart.accepted, apart.refused, apart.replaced, apart.ignored_rows) == (
            here.status,
            here.table,
            here.accepted,
            here.refused,
            here.replaced,
            here.ignored_rows,
        ), name
        assert summary(apart, "en") == summary(here, "en")
        assert apart.rejects.drop(columns=[]).equals(here.rejects), name
    with served.reading() as served_con:
        for table in ("visits", "shifts", "grids"):
            assert sorted(served_con.execute(f"select * from {table}").fetchall(), key=repr) == sorted(
                con.execute(f"select * from {table}").fetchall(), key=repr
            ), table
    con.close()


def test_a_store_named_by_a_relative_path_is_read_apart_too(hand_db, tmp_path, monkeypatch):
    """KNOCKBOARD_DB=store.duckdb in another folder than the checkout the reader starts in."""
    shutil.copy(hand_db, tmp_path / "relative.duckdb")
    monkeypatch.chdir(tmp_path)
    served = ServedStore(Path("relative.duckdb"))
    try:
        report = isolated.load_served(served, (CORPUS / "visits_good_en_bom.csv").read_bytes(), "v.csv")
        assert (report.status, report.accepted) == ("loaded", 2), summary(report, "en")
    finally:
        served.close()
