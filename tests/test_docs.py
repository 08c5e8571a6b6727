"""The README documents every setting and command-line option the code has."""

import re
from pathlib import Path

from knockboard.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _product_code() -> dict[str, str]:
    """Every Python file of the product (not the tests), by path."""
    paths = [
        ROOT / "dashboard.py",
        *(ROOT / "knockboard").rglob("*.py"),
        *(ROOT / "pages").glob("*.py"),
        *(ROOT / "queries").glob("*.py"),
    ]
    return {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in paths}


def test_every_environment_setting_is_documented():
    code = "\n".join(_product_code().values())
    names = set(re.findall(r"environ(?:\.get)?\(\s*\"(KNOCKBOARD_[A-Z_]+)\"", code))
    names |= set(re.findall(r"environ\[\"(KNOCKBOARD_[A-Z_]+)\"\]", code))
    assert names, "found no settings: the pattern is stale"
    assert [n for n in sorted(names) if f"`{n}`" not in README] == []


def test_settings_are_read_in_config_only():
    """One place says what can be set: a setting read elsewhere is one nobody finds."""
    reading = re.compile(r"(?:environ\.get|getenv)\(\s*\"KNOCKBOARD_|environ\[\"KNOCKBOARD_[A-Z_]+\"\](?!\s*=)")
    assert [
        path for path, text in _product_code().items() if reading.search(text) and path != "knockboard/config.py"
    ] == []


def test_every_command_and_option_is_documented():
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # argparse keeps them here
    for name, sub in commands.items():
        assert f"python -m knockboard {name}" in README, name
        for action in sub._actions:
            for flag in action.option_strings:
                if flag not in ("-h", "--help"):
                    assert flag in README, f"{name} {flag}"


def test_the_two_commands_are_in_the_readme():
    assert "pip install -r requirements.txt && streamlit run dashboard.py" in README
    assert "bash scripts/test.sh" in README
    assert "scripts/test.sh" in (ROOT / ".ci" / "run").read_text()
