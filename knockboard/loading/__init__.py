"""Loading field sheets: read (read.py), check and land (load.py), per the table specs (spec.py)."""

from knockboard.loading.load import Report, load_bytes, load_file
from knockboard.loading.read import FileProblem
from knockboard.loading.spec import ORDER, TABLES

__all__ = ["FileProblem", "ORDER", "Report", "TABLES", "load_bytes", "load_file"]
