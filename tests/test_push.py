"""The briefing pushed to group robots, against a local HTTP server that records what it receives:
each kind's body, DingTalk's signature (checked here with hmac, not with the code under test), the
size limits, retries then failure, a failing target beside a working one, no data → nothing sent,
no secret in the logs or the audit trail, and a scheduled run on an injected clock."""

import base64
import datetime as dt
import hashlib
import hmac
import json
import shutil
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from knockboard import cli, i18n, push, store
from knockboard.bench_sessions import free_port
from knockboard.briefing_export import prepare

DAY = dt.date(2022, 3, 21)
KEY = "KEYwecom5f3a9b1c"  # the robot key in a webhook's query
SECRET = "SECdingtalk0a1b2c3d4e5f"


class Recorder:
    """A local web hook: records every POST (path, query, headers, body) and answers by its path:
    /ok… a robot's success, /fail… HTTP 500, /refuse… HTTP 200 with a robot's error code (its message
    echoing the whole request line, as a careless server might), /slow… answers after 1 s,
    /flaky… fails twice then succeeds."""

    def __init__(self):
        self.received: list[dict] = []
        self.clock = None  # a test's clock, noted with each request
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                parts = urllib.parse.urlsplit(self.path)
                entry = {
                    "path": parts.path,
                    "query": urllib.parse.parse_qs(parts.query),
                    "raw_path": self.path,
                    "headers": dict(self.headers),
                    "body": body,
                    "at": recorder.clock() if recorder.clock else None,
                }
                recorder.received.append(entry)
                tries = sum(r["path"] == parts.path for r in recorder.received)
                if parts.path.startswith("/slow"):
                    time.sleep(1.0)
                if parts.path.startswith("/fail") or (parts.path.startswith("/flaky") and tries <= 2):
                    return self.answer(500, {"error": f"boom at {self.path}"})
                if parts.path.startswith("/refuse"):
                    return self.answer(200, {"errcode": 93000, "errmsg": f"invalid webhook url {self.path}"})
                self.answer(200, {"errcode": 0, "errmsg": "ok"})

            def answer(self, status, payload):
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client timed out first
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def at(self, path: str) -> list[dict]:
        return [r for r in self.received if r["path"] == path]


@pytest.fixture
def recorder():
    r = Recorder()
    r.thread.start()
    yield r
    r.server.shutdown()
    r.server.server_close()


@pytest.fixture(scope="module")
def demo(small_demo_db, tmp_path_factory):
    """A copy of the small demo store of its own (the command opens it read-only)."""
    copy = tmp_path_factory.mktemp("push") / "store.duckdb"
    shutil.copy(small_demo_db, copy)
    return copy


@pytest.fixture
def con(demo):
    c = store.connect(demo, read_only=True)
    yield c
    c.close()


@pytest.fixture
def trail(tmp_path, monkeypatch):
    path = tmp_path / "audit.jsonl"
    monkeypatch.setenv("KNOCKBOARD_AUDIT_LOG", str(path))
    return path


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def fast(monkeypatch):
    monkeypatch.setattr(push, "BACKOFF", 0.01)


# ---------------------------------------------------------------- each kind's body


def test_wecom_body_has_the_headline_attention_ranking_and_link(con, recorder, trail):
    target = push.make_target(
        "区领导群", "wecom", f"{recorder.base}/ok/wecom?key={KEY}", lang="zh", link="http://dash.example:8501/"
    )
    outcome = push.push_one(con, target, DAY)
    assert outcome.result == "sent" and outcome.attempts == 1, outcome
    [got] = recorder.received
    assert got["query"] == {"key": [KEY]} and got["headers"]["Content-Type"].startswith("application/json")
    body = json.loads(got["body"].decode("utf-8"))
    assert set(body) == {"msgtype", "markdown"} and body["msgtype"] == "markdown"
    content = body["markdown"]["content"]
    assert len(content.encode("utf-8")) <= 4096
    p = prepare(con, DAY, None, "zh")
    b = p.briefing
    assert content.startswith("### 崇川区“敲门行动”每日简报 · 2022年3月21日\n**全区**")
    for card in b.cards:  # every headline number with its change, as the page shows them
        assert f"- {i18n.t(card.key, 'zh')}：**{card.shown()}**（{card.shown_change('zh')}）" in content, card.key
    for item in b.attention:
        assert push.md_inline(item) in content
    rows = b.ranked
    worst, best = rows.iloc[0], rows.sort_values("coverage").iloc[-1]
    lowest = content[content.index("覆盖率最低") : content.index("覆盖率最高")]
    highest = content[content.index("覆盖率最高") :]
    assert worst["name_zh"] in lowest and best["name_zh"] in highest
    assert lowest.count("\n- ") == 3 and highest.count("\n- ") == 3
    assert "[打开简报](http://dash.example:8501/?day=2022-03-21&lang=zh)" in content
    [entry] = records(trail)
    assert entry["event"] == "push" and entry["target"] == "区领导群" and entry["day"] == "2022-03-21"
    assert entry["scope"] == "district" and entry["result"] == "sent" and entry["kind"] == "wecom"


def test_dingtalk_signs_with_its_secret(con, recorder, trail):
    target = push.make_target(
        "钉钉群",
        "dingtalk",
        f"{recorder.base}/ok/ding?access_token={KEY}",
        secret=SECRET,
        street="S10",
        lang="en",
        link="https://dash.example/kb",
    )
    before = int(time.time() * 1000)
    assert push.push_one(con, target, DAY).result == "sent"
    after = int(time.time() * 1000)
    [got] = recorder.received
    query = got["query"]
    assert query["access_token"] == [KEY] and set(query) == {"access_token", "timestamp", "sign"}
    timestamp = query["timestamp"][0]
    assert before <= int(timestamp) <= after
    # DingTalk's rule, computed here independently: base64(HMAC-SHA256(secret, "timestamp\nsecret")), URL-encoded
    expected = base64.b64encode(
        hmac.new(SECRET.encode(), f"{timestamp}\n{SECRET}".encode(), hashlib.sha256).digest()
    ).decode()
    assert query["sign"] == [expected]
    assert f"sign={urllib.parse.quote_plus(expected)}" in got["raw_path"]  # encoded in the URL, + / = escaped
    body = json.loads(got["body"])
    assert body["msgtype"] == "markdown" and set(body["markdown"]) == {"title", "text"}
    assert body["markdown"]["title"] == "Chongchuan district knock-door action: daily briefing · 21 Mar 2022"
    text = body["markdown"]["text"]
    assert "**狼山镇 Langshanzhen**" in text and "**Community ranking**" in text and "Lowest coverage" in text
    assert "  \n- Households knocked: **" in text  # DingTalk joins lines not ending in two spaces
    assert "[Open the briefing](https://dash.example/kb/?day=2022-03-21&lang=en&street=S10)" in text
    assert SECRET not in got["raw_path"] and SECRET not in got["body"].decode()
    assert records(trail)[0]["scope"] == "S10" and records(trail)[0]["lang"] == "en"


def test_generic_body_is_the_documented_json(con, recorder, trail):
    target = push.make_target("hook", "generic", f"{recorder.base}/ok/generic", lang="en", link="https://dash.example")
    assert push.push_one(con, target, DAY).result == "sent"
    body = json.loads(recorder.received[0]["body"])
    for key in (
        "kind",
        "version",
        "day",
        "scope",
        "language",
        "title",
        "previous_day",
        "cards",
        "attention",
        "ranking",
        "link",
    ):
        assert f'"{key}"' in push.GENERIC_BODY, f"{key} is sent but not documented"
        assert key in body
    assert body["kind"] == "knockboard.briefing" and body["day"] == "2022-03-21" and body["language"] == "en"
    assert body["scope"] == {"street": None, "name": "Whole district"}
    p = prepare(con, DAY, None, "en")
    assert [(c["key"], c["value"], c["change"]) for c in body["cards"]] == [
        (c.key, c.value, c.change) for c in p.briefing.cards
    ]
    assert body["attention"] == p.briefing.attention  # plain text: JSON needs no Markdown escaping
    ranking = body["ranking"]
    assert ranking["count"] == 16 and ranking["unit"] == "streets" and not ranking["cut"]
    assert [r["rank"] for r in ranking["lowest"]] == sorted(r["rank"] for r in ranking["lowest"])
    assert len(ranking["lowest"]) == len(ranking["highest"]) == 3
    assert ranking["lowest"][0]["id"] == p.briefing.ranked.iloc[0]["street_id"]
    assert ranking["highest"][0]["coverage"] == pytest.approx(p.briefing.ranked["coverage"].max())
    assert body["link"] == "https://dash.example/?day=2022-03-21&lang=en"


# ---------------------------------------------------------------- size limits and escaping


def _long_names(p, name: str):
    p.briefing.ranked = p.briefing.ranked.assign(name_zh=name, name_en=None)
    return p


def test_a_message_over_the_limit_loses_ranking_rows_never_the_headline(con):
    p = _long_names(prepare(con, DAY, None, "zh"), "很长的街道名称" * 40)  # 840 bytes a name
    full = push._body(p, "wecom", 3, len(p.briefing.attention), None)[1]
    assert full > 4096, "the test needs a message over WeCom's limit"
    m = push.message(p, "wecom")
    content = m.body["markdown"]["content"]
    assert m.size == len(content.encode("utf-8")) <= 4096
    assert 0 < m.ranking_shown < 3 and m.attention_shown == len(p.briefing.attention)
    assert push._body(p, "wecom", m.ranking_shown + 1, m.attention_shown, None)[1] > 4096  # as much as fits
    assert "受机器人消息长度限制，排名已截短" in content
    for card in p.briefing.cards:
        assert f"{i18n.t(card.key, 'zh')}：**{card.shown()}**" in content
    # DingTalk's limit is larger: the whole ranking fits
    assert push.message(p, "dingtalk").ranking_shown == 3


def test_then_the_attention_list_and_never_a_cut_headline(con):
    p = prepare(con, DAY, None, "en")
    p.briefing.attention = [f"item {n} " + "x" * 1500 for n in range(4)]
    m = push.message(p, "wecom")
    content = m.body["markdown"]["content"]
    assert m.ranking_shown == 0 and m.attention_shown < 4 and len(content.encode()) <= 4096
    assert f"… and {4 - m.attention_shown} more in the briefing." in content
    assert "Ranking left out to fit the robot's message limit" in content
    with pytest.raises(push.PushError) as refused:
        push.message(p, "wecom", limit=300)  # not even the headline fits: not sent, not cut
    assert refused.value.code == "too_large"


def test_store_values_are_escaped_for_markdown(con):
    hostile = '**粗体** [点我](http://evil.example/x) <font color="warning">红</font>\n# 标题 `code`'
    p = _long_names(prepare(con, DAY, None, "zh"), hostile)
    content = push.message(p, "wecom").body["markdown"]["content"]
    escaped = push.md_inline(hostile)
    assert escaped == (
        r"\*\*粗体\*\* \[点我\](http://evil.example/x) \<font color="
        '"warning"'
        r"\>红\</font\> "
        r"\# 标题 \`code\`"
    )
    assert escaped in content and hostile not in content and "\n# 标题" not in content
    assert "](http://evil" not in content.replace(r"\](http://evil", "")


# ---------------------------------------------------------------- failures


def test_retries_with_back_off_then_failure(recorder):
    naps = []
    target = push.make_target("broken", "wecom", f"{recorder.base}/fail?key={KEY}")
    sent = push.send(target, {"msgtype": "markdown"}, retries=2, backoff=0.5, sleep=naps.append)
    assert not sent.ok and sent.attempts == 3 and len(recorder.at("/fail")) == 3
    assert naps == [0.5, 1.0]  # back-off doubles
    assert "HTTP 500" in sent.error and KEY not in sent.error
    flaky = push.send(
        push.make_target("flaky", "generic", f"{recorder.base}/flaky"), {}, retries=2, backoff=0, sleep=naps.append
    )
    assert flaky.ok and flaky.attempts == 3
    refused = push.send(push.make_target("refused", "wecom", f"{recorder.base}/refuse?key={KEY}"), {}, retries=0)
    assert not refused.ok and "errcode 93000" in refused.error and KEY not in refused.error
    slow = push.send(
        push.make_target("slow", "generic", f"{recorder.base}/slow"), {}, retries=1, timeout=0.2, backoff=0
    )
    assert not slow.ok and slow.attempts == 2 and slow.error == "timed out"
    port = free_port()  # nobody listens there
    gone = push.send(push.make_target("gone", "generic", f"http://127.0.0.1:{port}/x"), {}, retries=0)
    assert not gone.ok and gone.error.startswith("no answer")


def write_config(path: Path, recorder: Recorder, *targets: str, top: str = "") -> Path:
    path.write_text(top + "\n".join(targets), encoding="utf-8")
    return path


def target_toml(name, kind, url, **more) -> str:
    lines = ["[[target]]", f'name = "{name}"', f'kind = "{kind}"', f'url = "{url}"']
    lines += [f"{k} = {json.dumps(v)}" for k, v in more.items()]
    return "\n".join(lines) + "\n"


def test_a_failing_target_beside_a_working_one(demo, recorder, trail, tmp_path, monkeypatch, capsys):
    fast(monkeypatch)
    config = write_config(
        tmp_path / "push.toml",
        recorder,
        target_toml("broken", "wecom", f"{recorder.base}/fail?key={KEY}"),
        target_toml("works", "dingtalk", f"{recorder.base}/ok/ding?access_token={KEY}", secret=SECRET, lang="en"),
        top="retries = 1\ntimeout = 5\n",
    )
    code = cli.main(["push", "--config", str(config), "--date", "2022-03-21", "--db", str(demo)])
    out, err = capsys.readouterr()
    assert code == 5, out + err
    assert len(recorder.at("/fail")) == 2 and len(recorder.at("/ok/ding")) == 1  # retried once; the other sent
    assert "push broken (wecom, " in out and ": FAILED after 2 attempts: HTTP 500" in out
    assert "push works (dingtalk, " in out and "2022-03-21 district en: sent (1 attempt)" in out
    assert "1 of 2 target(s) sent" in err
    results = {r["target"]: r for r in records(trail)}
    assert results["broken"]["result"] == "failed" and results["broken"]["attempts"] == 2
    assert results["works"]["result"] == "sent"
    for text in (out, err, trail.read_text(encoding="utf-8")):
        assert KEY not in text and SECRET not in text and "/fail" not in text and "/ok/ding" not in text


def test_no_data_sends_nothing_and_says_so(demo, recorder, trail, capsys):
    code = cli.main(
        [
            "push",
            "--webhook",
            f"{recorder.base}/ok/wecom?key={KEY}",
            "--kind",
            "wecom",
            "--date",
            "2021-01-01",
            "--db",
            str(demo),
        ]
    )
    out, err = capsys.readouterr()
    assert code == 3 and recorder.received == []
    assert "nothing sent, no data for 2021-01-01" in out
    [entry] = records(trail)
    assert entry["result"] == "no_data" and entry["target"] == "wecom" and KEY not in json.dumps(entry)


def test_secrets_never_reach_the_log_or_the_audit_trail(demo, recorder, trail, capsys, monkeypatch):
    """A robot that refuses and echoes the whole request line (key, timestamp and sign) in its error."""
    fast(monkeypatch)
    code = cli.main(
        [
            "push",
            "--webhook",
            f"{recorder.base}/refuse/robot/{KEY}?access_token={KEY}",
            "--kind",
            "dingtalk",
            "--secret",
            SECRET,
            "--db",
            str(demo),
            "--retries",
            "0",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 5
    echoed = json.loads(recorder.received[0]["body"])  # sent, and refused with the path in its words
    assert echoed["msgtype"] == "markdown"
    logged = out + err + trail.read_text(encoding="utf-8")
    assert "errcode 93000" in logged and "***" in logged
    sign = recorder.received[0]["query"]["sign"][0]
    assert KEY not in logged and SECRET not in logged
    assert sign not in logged and urllib.parse.quote_plus(sign) not in logged and "sign=***" in logged
    assert records(trail)[0]["host"] == recorder.base


@pytest.mark.parametrize(
    "args, words",
    [
        (["--kind", "wecom"], "give --webhook URL and --kind"),
        (["--webhook", "ftp://x/y", "--kind", "wecom"], "not an http(s) address"),
        (["--webhook", "http://127.0.0.1:9/x", "--kind", "wecom", "--secret", "s"], "signs DingTalk messages only"),
        (["--webhook", "http://127.0.0.1:9/x", "--kind", "wecom", "--street", "S99"], "no street 'S99'"),
        (["--webhook", "http://127.0.0.1:9/x", "--kind", "wecom", "--date", "yesterday"], "not a date"),
        (["--webhook", "http://127.0.0.1:9/x", "--kind", "wecom", "--link", "dash"], "link: not an http(s) address"),
    ],
)
def test_bad_arguments_exit_2_and_send_nothing(demo, trail, capsys, args, words):
    assert cli.main(["push", *args, "--db", str(demo)]) == 2
    assert words in capsys.readouterr().err
    assert records(trail) == []


def test_a_bad_config_is_refused_whole(demo, recorder, tmp_path, capsys):
    good = target_toml("works", "wecom", f"{recorder.base}/ok/wecom?key={KEY}")
    for extra, words in [
        (target_toml("x", "slack", f"{recorder.base}/ok"), "kind 'slack' is not one of"),
        (target_toml("x", "wecom", f"{recorder.base}/ok", colour="red"), "unknown key(s) colour"),
        (target_toml("works", "wecom", f"{recorder.base}/ok"), "two targets are named 'works'"),
        (target_toml("x", "wecom", f"{recorder.base}/ok", time="8am"), "time must be HH:MM"),
        (target_toml("x", "wecom", f"{recorder.base}/ok", street="S99"), "no street 'S99'"),
        (
            target_toml("x", "dingtalk", f"{recorder.base}/ok", secret_env="KB_NOT_SET_ANYWHERE"),
            "KB_NOT_SET_ANYWHERE (secret_env) is not set",
        ),
    ]:
        config = write_config(tmp_path / "push.toml", recorder, good, extra)
        assert cli.main(["push", "--config", str(config), "--db", str(demo)]) == 2, extra
        assert words in capsys.readouterr().err, extra
    assert recorder.received == []  # the good target was not sent either: a bad file is fixed first


def test_push_help_lists_the_exit_codes(capsys):
    with pytest.raises(SystemExit) as done:
        cli.main(["push", "--help"])
    assert done.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    for code, words in [
        ("0", "every target sent"),
        ("2", "bad arguments, nothing sent"),
        ("3", "no data for that day, nothing sent"),
        ("5", "some target failed after its retries"),
    ]:
        assert f"{code} {words}" in text, code


def test_the_example_config_loads(monkeypatch):
    monkeypatch.setenv("KB_DINGTALK_SECRET", SECRET)
    config = push.load_config(Path(__file__).resolve().parent.parent / "push.example.toml")
    assert [t.kind for t in config.targets] == ["wecom", "dingtalk", "generic"]
    assert all(t.at is not None for t in config.targets) and config.targets[1].secret == SECRET


# ---------------------------------------------------------------- the schedule


class FakeClock:
    def __init__(self, start: dt.datetime):
        self.now = start
        self.naps: list[float] = []

    def __call__(self) -> dt.datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds > 0, "the schedule must not spin"
        self.naps.append(seconds)
        self.now += dt.timedelta(seconds=seconds)


def test_a_scheduled_run_reaches_two_targets_in_zh_and_en(demo, recorder, trail, tmp_path):
    config = write_config(
        tmp_path / "push.toml",
        recorder,
        target_toml("区领导群", "wecom", f"{recorder.base}/ok/zh?key={KEY}", lang="zh", time="08:00"),
        target_toml(
            "Langshan",
            "dingtalk",
            f"{recorder.base}/ok/en?access_token={KEY}",
            secret=SECRET,
            lang="en",
            street="S10",
            time="08:30",
        ),
    )
    targets = push.load_config(config).targets
    clock = FakeClock(dt.datetime(2022, 3, 22, 7, 59, 0))
    recorder.clock = clock
    lines = []
    push.run_schedule(
        targets,
        lambda: store.connect(demo, read_only=True),
        now=clock,
        sleep=clock.sleep,
        stop=lambda: clock.now >= dt.datetime(2022, 3, 24, 8, 45),
        say=lines.append,
        retries=0,
    )
    zh, en = recorder.at("/ok/zh"), recorder.at("/ok/en")
    assert [r["at"] for r in zh] == [dt.datetime(2022, 3, d, 8, 0) for d in (22, 23, 24)]
    assert [r["at"] for r in en] == [dt.datetime(2022, 3, d, 8, 30) for d in (22, 23, 24)]
    assert "崇川区“敲门行动”每日简报 · 2022年3月22日" in json.loads(zh[0]["body"])["markdown"]["content"]
    english = json.loads(en[0]["body"])["markdown"]
    assert english["title"].endswith("daily briefing · 22 Mar 2022") and "狼山镇 Langshanzhen" in english["text"]
    assert set(en[0]["query"]) == {"access_token", "timestamp", "sign"}
    assert max(clock.naps) <= push.NAP
    assert [r["result"] for r in records(trail)] == ["sent"] * 6
    # the 22nd's data is still the latest on the 24th: the schedule says what it sends
    stale = [line for line in lines if "note: the latest day with data is 2022-03-22" in line]
    assert stale and all(line.startswith("2022-03-24") for line in stale)


def test_the_schedule_command_reaches_two_targets_in_zh_and_en(demo, recorder, trail, tmp_path, monkeypatch, capsys):
    """`python -m knockboard schedule --config push.toml` itself (the file read and checked, the store
    opened per round, the log lines), on an injected clock from 07:59 to 08:45 the next day."""
    config = write_config(
        tmp_path / "push.toml",
        recorder,
        target_toml("区领导群", "wecom", f"{recorder.base}/ok/zh?key={KEY}", lang="zh", time="08:00"),
        target_toml(
            "Langshan",
            "dingtalk",
            f"{recorder.base}/ok/en?access_token={KEY}",
            secret=SECRET,
            lang="en",
            street="S10",
            time="08:30",
        ),
        top="retries = 0\n",
    )
    clock = FakeClock(dt.datetime(2022, 3, 22, 7, 59, 0))
    recorder.clock = clock
    started = time.monotonic()  # a command that ignored the injected clock would end here within a minute, failing
    monkeypatch.setattr(
        cli,
        "SCHEDULE_CLOCK",
        {
            "now": clock,
            "sleep": clock.sleep,
            "stop": lambda: clock.now >= dt.datetime(2022, 3, 23, 8, 45) or time.monotonic() - started > 20,
        },
    )
    assert cli.main(["schedule", "--config", str(config), "--db", str(demo)]) == 0
    out, err = capsys.readouterr()
    zh, en = recorder.at("/ok/zh"), recorder.at("/ok/en")
    assert [r["at"] for r in zh] == [dt.datetime(2022, 3, d, 8, 0) for d in (22, 23)], out + err
    assert [r["at"] for r in en] == [dt.datetime(2022, 3, d, 8, 30) for d in (22, 23)], out + err
    assert "崇川区“敲门行动”每日简报 · 2022年3月22日" in json.loads(zh[0]["body"])["markdown"]["content"]
    english = json.loads(en[0]["body"])["markdown"]
    assert english["title"].endswith("daily briefing · 22 Mar 2022") and "狼山镇 Langshanzhen" in english["text"]
    assert set(en[0]["query"]) == {"access_token", "timestamp", "sign"}
    assert "schedule: 区领导群 (wecom, district, zh) next at 2022-03-22 08:00" in out
    assert "schedule: Langshan (dingtalk, S10, en) next at 2022-03-22 08:30" in out
    assert [(r["target"], r["lang"], r["result"]) for r in records(trail)] == [
        ("区领导群", "zh", "sent"),
        ("Langshan", "en", "sent"),
    ] * 2
    assert KEY not in out + err and SECRET not in out + err


def test_a_time_already_past_at_start_waits_for_tomorrow(demo, recorder, trail):
    target = push.make_target("late", "generic", f"{recorder.base}/ok/late", at="08:00")
    clock = FakeClock(dt.datetime(2022, 3, 22, 9, 0, 0))
    push.run_schedule(
        [target],
        lambda: store.connect(demo, read_only=True),
        now=clock,
        sleep=clock.sleep,
        stop=lambda: clock.now >= dt.datetime(2022, 3, 23, 7, 59),
        say=lambda line: None,
    )
    assert recorder.received == []
    with pytest.raises(push.PushError):
        push.run_schedule([push.make_target("untimed", "generic", f"{recorder.base}/x")], lambda: None)
