"""Where things are. One place for paths and deployment settings read from the environment."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "data" / "knockboard.duckdb"

# The demo campaign (DESIGN.md): the article is from 22 March 2022.
CAMPAIGN_START = "2022-02-01"
CAMPAIGN_END = "2022-03-22"

# DESIGN.md: the default coverage threshold, and the target coverage is measured against.
COVERAGE_TARGET = 0.95


def db_path() -> Path:
    """The store: $KNOCKBOARD_DB, else data/knockboard.duckdb in the checkout."""
    return Path(os.environ.get("KNOCKBOARD_DB") or DEFAULT_DB)


def default_language() -> str:
    """Deployment setting used when neither the URL nor the browser says which language."""
    lang = os.environ.get("KNOCKBOARD_LANG", "zh")
    return lang if lang in ("zh", "en") else "zh"


def first_start_scale() -> float:
    """Scale of the demo the dashboard builds when it starts with no store (1 = the district)."""
    return float(os.environ.get("KNOCKBOARD_DEMO_SCALE", "1"))


def max_upload_mb() -> float:
    """Largest file the Data page accepts; bigger ones are loaded with `python -m knockboard load`."""
    return float(os.environ.get("KNOCKBOARD_MAX_UPLOAD_MB", "50"))


def share_store() -> bool:
    """Serve from a read-only connection so other programs (a scheduled briefing) can read the store
    while the dashboard runs. Off (0) holds it read-write, as tests in one process need."""
    return os.environ.get("KNOCKBOARD_SHARE_STORE", "1") != "0"


def access_path() -> Path:
    """The access file (how people sign in, roles and streets): $KNOCKBOARD_ACCESS, else access.toml."""
    return Path(os.environ.get("KNOCKBOARD_ACCESS") or ROOT / "access.toml")


def audit_log_path(store: Path | None = None) -> Path:
    """The audit trail: $KNOCKBOARD_AUDIT_LOG, else audit.jsonl beside the store (`store`, by default
    the dashboard's)."""
    return Path(os.environ.get("KNOCKBOARD_AUDIT_LOG") or Path(store or db_path()).with_name("audit.jsonl"))


def port_range() -> tuple[int, int] | None:
    """KNOCKBOARD_PORTS ("8620-8629"): the ports the benchmark's servers may take, on a machine where
    each user keeps to a range; unset, any free port."""
    span = os.environ.get("KNOCKBOARD_PORTS")
    if not span:
        return None
    first, last = (int(x) for x in span.split("-"))
    return first, last


def map_style() -> str | None:
    """KNOCKBOARD_MAP_STYLE, the URL of a MapLibre/Mapbox GL style JSON on the intranet (its tiles
    too). Unset: no basemap, and the map needs no network at all."""
    return os.environ.get("KNOCKBOARD_MAP_STYLE") or None


def chromium_setting() -> str | None:
    """KNOCKBOARD_CHROMIUM: the headless browser that prints PDFs, when not the chromium on the PATH."""
    return os.environ.get("KNOCKBOARD_CHROMIUM") or None


def app_memory_limit() -> str:
    """DuckDB's memory limit in the dashboard process (it spills to disk beyond it)."""
    return os.environ.get("KNOCKBOARD_MEMORY_LIMIT", "1GB")
