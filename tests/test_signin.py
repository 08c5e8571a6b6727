"""Signing in under load: the lockout holds however many tries arrive at once."""

import threading
import time

from knockboard import access, signin
from tests.test_access import deployment  # noqa: F401 - the fixture

ACCESS = """
[sign_in]
mode = "local"
max_failures = 5
lockout_seconds = 600

[users.clerk]
role = "clerk"
street = "S01"
password = "{hash}"
"""


def test_twelve_guesses_at_once_check_at_most_max_failures_passwords(tmp_path, monkeypatch):
    monkeypatch.setenv("KNOCKBOARD_AUDIT_LOG", str(tmp_path / "audit.jsonl"))
    acc = access.parse(ACCESS.format(hash=access.hash_password("the-right-one")))
    signin._failures.clear()
    checked = []
    real_check = acc.check_password

    def slow_check(name, password):  # argon2 takes a while: every guess is in flight at once
        checked.append(password)
        time.sleep(0.2)
        return real_check(name, password)

    object.__setattr__(acc, "check_password", slow_check)
    start = threading.Barrier(12)
    answers = []

    class PerThreadState(threading.local):  # each thread is a browser session with its own state
        state: dict = {}

    sessions = PerThreadState()

    def guess(number):
        sessions.state = {"kb_signin_name": "clerk", "kb_signin_password": f"guess-{number}"}
        start.wait()
        signin._attempt(acc)
        answers.append(sessions.state.get("_kb_signin_error", ("signed_in",))[0])

    monkeypatch.setattr(signin, "st", _StateProxy(sessions))
    threads = [threading.Thread(target=guess, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(checked) == 5, f"{len(checked)} passwords checked for a limit of 5"
    assert sorted(answers) == ["signin_locked"] * 7 + ["signin_refused"] * 5
    signin._failures.clear()


class _StateProxy:
    """Stands in for `streamlit` inside signin._attempt: each thread is a browser session with its
    own session state."""

    def __init__(self, sessions):
        self._sessions = sessions

    @property
    def session_state(self):
        return self._sessions.state


def test_a_live_session_ends_for_every_copy_and_expired_ones_are_dropped(tmp_path):
    from knockboard.live_sessions import LiveSessions

    live = LiveSessions(tmp_path / "sessions.json")
    mine, other = live.start("analyst", time.time() + 3600), live.start("analyst", time.time() + 3600)
    old = live.start("leader", time.time() - 1)
    assert live.is_live(mine, "analyst") and live.is_live(other, "analyst")
    assert (
        not live.is_live(mine, "leader") and not live.is_live(old, "leader") and not live.is_live("made-up", "analyst")
    )
    live.end(mine)
    assert not live.is_live(mine, "analyst") and live.is_live(other, "analyst")
    live.end_all("analyst")
    assert not live.is_live(other, "analyst")
    assert (tmp_path / "sessions.json").read_text() == "{}"  # the expired one was dropped too
    assert (tmp_path / "sessions.json").stat().st_mode & 0o777 == 0o600


def test_signing_out_ends_every_copy_of_the_session_cookie(deployment, monkeypatch):
    """A copy of the cookie (another browser, a saved request) signed in again after sign-out."""
    from tests.test_access import PASSWORDS, open_app, sign_in

    at = sign_in(open_app(), "analyst", PASSWORDS["analyst"])
    cookie = (
        next(h.proto.body for h in at.get("html") if "kb_session=" in h.proto.body)
        .split("kb_session=")[1]
        .split(";")[0]
    )
    monkeypatch.setattr(signin, "request_cookies", lambda: {"kb_session": cookie})
    elsewhere = open_app()  # another browser holding a copy: signed in
    assert elsewhere.metric
    at.button(key="kb_sign_out").click().run()  # signed out in the first one
    assert open_app().title[0].value == "Sign in to Knockboard"  # the copy signs nobody in
    assert elsewhere.run().title[0].value == "Sign in to Knockboard"  # and an open one is out at its next click


def test_a_password_change_ends_the_sessions_signed_in_with_the_old_one(deployment):
    from tests.test_access import HASHES, PASSWORDS, access_file, open_app, sign_in

    at = sign_in(open_app(), "analyst", PASSWORDS["analyst"])
    assert at.metric
    deployment(access_file().replace(HASHES["analyst"], access.hash_password("a-new-password")))
    assert at.run().title[0].value == "Sign in to Knockboard"


def test_a_cookie_longer_than_the_server_now_allows_is_refused(deployment, monkeypatch):
    from tests.test_access import PASSWORDS, access_file, open_app, sign_in

    at = sign_in(open_app(), "analyst", PASSWORDS["analyst"])  # session_hours 8 by default
    cookie = (
        next(h.proto.body for h in at.get("html") if "kb_session=" in h.proto.body)
        .split("kb_session=")[1]
        .split(";")[0]
    )
    deployment(access_file().replace("lockout_seconds = 600\n", "lockout_seconds = 600\nsession_hours = 1\n"))
    monkeypatch.setattr(signin, "request_cookies", lambda: {"kb_session": cookie})
    assert open_app().title[0].value == "Sign in to Knockboard"
