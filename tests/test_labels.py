"""Every label is used, and in both languages: a key nothing shows is dead weight a translator still
has to keep."""

import re
from pathlib import Path

from knockboard import dimensions, i18n

ROOT = Path(__file__).resolve().parent.parent


def _code() -> str:
    """The product's code, without the label tables themselves and without the tests."""
    files = [
        ROOT / "dashboard.py",
        *sorted((ROOT / "knockboard").rglob("*.py")),
        *sorted((ROOT / "pages").glob("*.py")),
    ]
    parts = []
    for path in files:
        name = path.relative_to(ROOT).as_posix()
        if name.startswith("knockboard/labels/"):
            continue
        text = path.read_text(encoding="utf-8")
        if name == "knockboard/i18n.py":  # leave out its own table, keep the code around it
            head, table = text.split("TEXT: dict", 1)
            text = head + table.split("\n}\n", 1)[1]
        parts.append(text)
    return "\n".join(parts)


def unused_keys(keys, code: str) -> list[str]:
    quoted = set(re.findall(r"[\"']([a-z][a-z0-9_]*)[\"']", code))
    # keys built in code: f"gaps_col_{name}", and each dimension's prefix
    prefixes = set(re.findall(r"f[\"']([a-z][a-z0-9_]*_)\{", code)) | {d.label_prefix for d in dimensions.ALL}
    return sorted(k for k in keys if k not in quoted and not any(k.startswith(p) for p in prefixes))


def test_no_label_key_is_unused():
    assert unused_keys(i18n.TEXT, _code()) == []


def test_the_check_finds_an_unused_key():
    code = 'i18n.t("used_one")\nt(f"col_{name}")'
    assert unused_keys(["used_one", "col_day", "never_shown"], code) == ["never_shown"]


def test_every_label_has_both_languages():
    assert [k for k, v in i18n.TEXT.items() if not (v.get("en") and v.get("zh"))] == []
