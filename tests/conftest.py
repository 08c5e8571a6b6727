"""Shared fixtures: a hand-built store with known answers, a small demo, and (once) the scale-1 demo."""

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Tests open stores read-write beside the app in one process; DuckDB shares a file within a process
# only in one mode. Read-only serving is tested on its own (tests/test_serving.py) and in the browser.
os.environ["KNOCKBOARD_SHARE_STORE"] = "0"
# No test writes to the checkout's audit trail or reads its access file: tests that need either set
# their own.
os.environ["KNOCKBOARD_AUDIT_LOG"] = str(
    Path(os.environ.get("TMPDIR", "/tmp")) / f"knockboard-tests-{os.getpid()}.jsonl"
)
os.environ["KNOCKBOARD_ACCESS"] = str(ROOT / "tests" / "no-access-file.toml")

from streamlit import config as streamlit_config  # noqa: E402

from knockboard import store  # noqa: E402
from knockboard.demo import build_demo  # noqa: E402
from tests.fixtures import build_hand_store  # noqa: E402


@pytest.fixture(scope="session")
def hand_db(tmp_path_factory) -> Path:
    return build_hand_store(tmp_path_factory.mktemp("hand") / "hand.duckdb")


@pytest.fixture(scope="session")
def hand_con(hand_db):
    con = store.connect(hand_db)
    yield con
    con.close()


@pytest.fixture(scope="session")
def small_demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo-0.01.duckdb"
    build_demo(path, scale=0.01)
    return path


@pytest.fixture(scope="session")
def scale1_db(tmp_path_factory) -> Path:
    """The full district demo: built once for the tests that need the real figures."""
    path = tmp_path_factory.mktemp("demo1") / "demo-1.duckdb"
    build_demo(path, scale=1.0)
    return path


@pytest.fixture(autouse=True)
def release_app_stores():
    """The app holds stores open (read-only) across runs; let go after each test so a test can open
    the same file read-write, as another program would."""
    yield
    import streamlit as st

    st.cache_resource.clear()
    st.cache_data.clear()


# Users see no error details (.streamlit/config.toml); a failing AppTest in this process should show
# them. The browser tests' servers are other processes and keep the real setting.
streamlit_config.get_option("client.showErrorDetails")  # loads config.toml first, so it is not reread over this
streamlit_config.set_option("client.showErrorDetails", "full")
