"""Signing in under load: the lockout holds however many tries arrive at once."""

import threading
import time

from knockboard import access, signin

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
