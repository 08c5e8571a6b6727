"""The audit trail: who signed in (or was refused), who was told "not permitted", who exported what.
One JSON object per line, appended to a file beside the store ($KNOCKBOARD_AUDIT_LOG), so it is kept
while the store is served read-only and survives a rebuilt store."""

import datetime as dt
import json
import threading
from collections import deque
from pathlib import Path

import pandas as pd

from knockboard.config import audit_log_path

_lock = threading.Lock()


def record(event: str, user: str | None, trail: Path | None = None, **details) -> None:
    """Appends one event (to `trail`, default config.audit_log_path()). Never raises into a page: a full disk
    must not stop a briefing, so a failure is reported on stderr instead."""
    entry = {"at": dt.datetime.now().isoformat(timespec="seconds"), "event": event, "user": user, **details}
    line = json.dumps(entry, ensure_ascii=False, default=str)
    try:
        path = Path(trail) if trail else audit_log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        with _lock, path.open("a", encoding="utf-8") as f:
            f.write(line + "\n")
    except OSError as e:
        import sys

        print(f"knockboard: could not write the audit log: {e}; lost entry: {line}", file=sys.stderr)


def recent(limit: int = 500) -> pd.DataFrame:
    """The newest events first."""
    path = audit_log_path()
    if not path.exists():
        return pd.DataFrame(columns=["at", "event", "user", "details", "fields"])
    with _lock, path.open(encoding="utf-8") as f:
        lines = deque(f, maxlen=limit)  # the newest lines, without holding a long trail in memory
    rows = []
    for line in reversed(lines):
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            continue  # a line cut short by a crash
        rows.append(
            {
                "at": entry.pop("at", None),
                "event": entry.pop("event", None),
                "user": entry.pop("user", None),
                "details": ", ".join(f"{k}={v}" for k, v in entry.items()),
                "fields": entry,
            }
        )
    return pd.DataFrame(rows, columns=["at", "event", "user", "details", "fields"])


def describe(fields: dict, lang: str) -> str:
    """An event's details in the reader's language: `what=briefing, masked=True` in English,
    `内容=briefing，已脱敏=是` in Chinese (field names, yes/no and known values translated)."""
    from knockboard import i18n

    if lang == "en":
        return ", ".join(f"{k}={v}" for k, v in fields.items())

    def value(v) -> str:
        if isinstance(v, bool):
            return i18n.t("audit_yes" if v else "audit_no", lang)
        key = f"audit_value_{v}"
        return i18n.t(key, lang) if isinstance(v, str) and key in i18n.TEXT else str(v)

    return "，".join(
        f"{i18n.t(f'audit_field_{k}', lang) if f'audit_field_{k}' in i18n.TEXT else k}={value(v)}"
        for k, v in fields.items()
    )


def only(trail: pd.DataFrame, events: list[str], users: list[str]) -> pd.DataFrame:
    """The trail's events of these kinds by these users (an empty choice keeps them all)."""
    keep = pd.Series(True, index=trail.index)
    if events:
        keep &= trail["event"].isin(events)
    if users:
        keep &= trail["user"].isin(users)
    return trail[keep]
