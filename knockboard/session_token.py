"""Staying signed in with a local account across reloads and new tabs: a signed, expiring token in a
cookie. The token names the account and its expiry, and is signed (HMAC-SHA256) with a key kept
beside the store; it also covers the account's password hash, so changing a password (or removing
the account) ends every session made with the old one. No Streamlit here."""

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from pathlib import Path

COOKIE = "kb_session"


def key(path: Path) -> bytes:
    """The signing key, made on first use (readable by the server's user only)."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(secrets.token_bytes(32))
    return path.read_bytes()


def _mac(signing_key: bytes, payload: str, password_hash: str) -> str:
    return hmac.new(signing_key, f"{payload}|{password_hash}".encode(), hashlib.sha256).hexdigest()


def make(
    signing_key: bytes, name: str, password_hash: str, hours: float, now: float | None = None, session_id: str = ""
) -> str:
    """`session_id` names the server's record of this session (live_sessions.py), which signing out ends."""
    expires = int((now or time.time()) + hours * 3600)
    payload = base64.urlsafe_b64encode(json.dumps([name, expires, session_id]).encode()).decode().rstrip("=")
    return f"{payload}.{_mac(signing_key, payload, password_hash)}"


def _payload(token: str) -> list:
    payload = token.split(".")[0]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def session_id(token: str | None) -> str:
    """The session id a token carries ("" when none); trust it only once account() accepted the token."""
    try:
        found = _payload(token or "")
        return found[2] if len(found) > 2 and isinstance(found[2], str) else ""
    except (ValueError, TypeError, IndexError):
        return ""


def seconds_left(token: str, now: float | None = None) -> int:
    """How long the token is good for (for the cookie's max-age); 0 when unreadable."""
    try:
        return int(_payload(token)[1] - (now or time.time()))
    except (ValueError, TypeError, IndexError):
        return 0


def account(
    signing_key: bytes,
    token: str | None,
    password_hashes: dict,
    now: float | None = None,
    max_hours: float | None = None,
) -> str | None:
    """The account a token signs in, or None: unsigned, tampered with, expired, made with a password
    the account no longer has, or (with `max_hours`) good for longer than the server now allows."""
    try:
        payload, mac = (token or "").split(".")
        name, expires, *_ = _payload(payload)
    except (ValueError, TypeError):
        return None
    stored = password_hashes.get(name)
    now = now or time.time()
    if not stored or not isinstance(expires, int) or expires < now:
        return None
    if max_hours is not None and expires - now > max_hours * 3600 + 60:
        return None
    return name if hmac.compare_digest(mac, _mac(signing_key, payload, stored)) else None
