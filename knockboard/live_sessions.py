"""Which signed-in browser sessions of local accounts are still live, kept on the server.

A session cookie is signed, so it cannot be forged; but a copy of it (another browser, a saved
request) would sign in until it expires. The server therefore keeps each session's random id here
(`<store>.private/sessions.json`, owner only): signing out ends that id, and a cookie whose id is
not live signs nobody in. Several server processes share the file, so each change is made under a
file lock and written whole (a rename). Expired sessions are dropped as the file is written.
"""

import fcntl
import json
import os
import secrets
import time
from contextlib import contextmanager
from pathlib import Path


class LiveSessions:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    @contextmanager
    def _changing(self):
        """The sessions as a dict {id: {"user", "expires"}}, to change; written back whole."""
        with open(self.path.with_suffix(".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            live = self._read()
            yield live
            now = time.time()
            kept = {sid: s for sid, s in live.items() if s["expires"] > now}
            partial = self.path.with_suffix(".partial")
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(kept, handle)
            os.replace(partial, self.path)

    def _read(self) -> dict:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def start(self, user: str, expires: float) -> str:
        """A new live session for `user` until `expires` (epoch seconds); returns its id."""
        sid = secrets.token_urlsafe(16)
        with self._changing() as live:
            live[sid] = {"user": user, "expires": expires}
        return sid

    def is_live(self, sid: str, user: str, now: float | None = None) -> bool:
        entry = self._read().get(sid)
        return bool(entry) and entry["user"] == user and entry["expires"] > (now or time.time())

    def end(self, sid: str) -> None:
        with self._changing() as live:
            live.pop(sid, None)

    def end_all(self, user: str) -> None:
        with self._changing() as live:
            for sid in [s for s, entry in live.items() if entry["user"] == user]:
                live.pop(sid)
