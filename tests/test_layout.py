"""Each page's pieces share its name, so a reader goes from a page to its query, logic, figures and
words in one hop: pages/X.py, queries/X.sql, knockboard/X.py, knockboard/labels/X.py."""

from pathlib import Path

from knockboard.page_registry import PAGES

ROOT = Path(__file__).resolve().parent.parent
# The users page reads the audit trail (a file, not the store) and speaks with the sign-in's words.
WITHOUT_OWN_PIECES = {"users"}


def test_every_page_has_its_pieces_under_its_name():
    missing = []
    for spec in PAGES:
        name = Path(spec.file).stem
        assert spec.url_path == name and spec.title_key == f"page_{name}"
        wanted = [f"pages/{name}.py"]
        if name not in WITHOUT_OWN_PIECES:
            wanted += [f"queries/{name}.sql", f"knockboard/{name}.py", f"knockboard/labels/{name}.py"]
        missing += [w for w in wanted if not (ROOT / w).exists()]
    assert missing == []


def test_figures_modules_belong_to_a_page():
    pages = {Path(spec.file).stem for spec in PAGES}
    charts = [p.stem.removesuffix("_charts") for p in (ROOT / "knockboard").glob("*_charts.py")]
    assert charts and [c for c in charts if c not in pages] == []
