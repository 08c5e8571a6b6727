"""`pip install .` works: the project builds as a package holding the core, its queries and every
SQL file they read (a missing rollup file would only show when a page opens)."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_project_builds_a_wheel_with_its_sql(tmp_path):
    # built from a copy: setuptools writes build/ and *.egg-info beside the sources
    source = tmp_path / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", "data", "tests", "docs", "build", "*.egg-info", "__pycache__", "*.duckdb*"
        ),
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w", str(tmp_path)],
        check=True,
        timeout=600,
        cwd=tmp_path,
    )
    (wheel,) = tmp_path.glob("knockboard-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = {
        p.relative_to(ROOT).as_posix()
        for p in [*(ROOT / "queries").glob("*.sql"), *(ROOT / "knockboard").rglob("*.sql")]
    }
    assert wanted and wanted <= names
    assert "knockboard/cli.py" in names and "queries/__init__.py" in names
    assert not any(n.startswith(("tests/", "pages/")) for n in names)
