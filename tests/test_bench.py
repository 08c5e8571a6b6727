"""The benchmark itself cannot rot: a quick run at a small scale prints the whole table."""

import subprocess
import sys
from pathlib import Path

from knockboard.app import PAGES

ROOT = Path(__file__).resolve().parent.parent


def test_quick_benchmark_prints_the_table(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "knockboard",
            "bench",
            "--scale",
            "0.01",
            "--runs",
            "1",
            "--load-rows",
            "5000",
            "--workdir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    out = result.stdout
    assert "cold ms" in out and "warm ms" in out and "read_csv rows/s" in out
    for page in PAGES:
        assert f" {page.url_path} " in out, page.url_path
    assert "ERROR" not in out
    assert list(tmp_path.iterdir()) == []  # temporary stores are removed
