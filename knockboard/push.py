"""The daily briefing pushed to group chats: one job, build the message and send it.

Kinds of target:
  wecom     WeCom (企业微信) group robot: {"msgtype": "markdown", "markdown": {"content": …}}, at most
            4096 bytes of UTF-8 content.
  dingtalk  DingTalk (钉钉) custom robot: {"msgtype": "markdown", "markdown": {"title": …, "text": …}};
            with a secret, `timestamp` (ms) and `sign` = urlencode(base64(HMAC-SHA256(secret,
            f"{timestamp}\\n{secret}"))) are added to the URL; at most about 20,000 bytes.
  generic   any web hook that takes JSON: the body documented in GENERIC_BODY (values as plain text,
            not Markdown), at most 64 KiB.

The numbers are the briefing's own (briefing_export.prepare: the same cards, attention list and
ranking as the page and the HTML/PDF), so a push says what the dashboard says. A message that would
pass its robot's limit loses ranking rows first, then attention items (said in the message), never
the headline; one that still cannot fit is not sent (an error, not a cut headline).

Sending is stdlib urllib: a timeout per attempt, retries with exponential back-off, and every push's
outcome in the audit trail (target name, kind, host, day, scope, result), never the secret nor the
URL's path or query (robots carry their key there).
"""

import base64
import datetime as dt
import hashlib
import hmac
import json
import re
import time
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from knockboard import audit, i18n
from knockboard.briefing_export import BriefingError, Prepared, prepare

KINDS = ("wecom", "dingtalk", "generic")
LIMITS = {"wecom": 4096, "dingtalk": 20_000, "generic": 65_536}  # bytes of UTF-8 (see the module doc)
RANK_SHOWN = 3  # the ranking's lowest and highest three
TIMEOUT = 10.0  # seconds per attempt
RETRIES = 2  # attempts after the first
BACKOFF = 2.0  # seconds before the first retry, doubling after each

GENERIC_BODY = """The generic body (JSON, UTF-8; values are plain text, not Markdown: escape them where you show them):
{
  "kind": "knockboard.briefing", "version": 1,
  "day": "2022-03-21",                      report day
  "scope": {"street": "S10" or null, "name": "狼山镇"},   null street: the whole district
  "language": "zh" or "en",
  "title": "…", "previous_day": true        false on the first day with data (no changes)
  "cards": [{"key": "knocked", "label": "…", "kind": "count|percent|hours", "value": 123.0,
             "shown": "123", "change": 4.0, "shown_change": "+4", "worse_when_up": false}, …],
  "attention": ["…", …],
  "ranking": {"unit": "streets|communities", "count": 16, "order": "worst first",
              "lowest": [{"rank": 1, "id": "S10", "name": "…", "coverage": 0.81,
                          "coverage_change_pts": 0.42, "rank_change": "…", "knocked": 812}, …],
              "highest": […], "cut": false},
  "link": "https://…/?day=…&lang=…" or null
}"""


class PushError(Exception):
    """A push that cannot be made or sent: `code` is bad_config, bad_link, too_large or failed."""

    def __init__(self, code: str, message: str):
        self.code = code
        super().__init__(message)


# ---------------------------------------------------------------- targets and push.toml


@dataclass
class Target:
    name: str
    kind: str
    url: str = field(repr=False)
    secret: str | None = field(default=None, repr=False)
    street: str | None = None  # None: the whole district
    lang: str = "zh"
    at: dt.time | None = None  # time of day for `schedule`
    link: str | None = None  # the dashboard's address, for a link to this briefing

    @property
    def host(self) -> str:
        """Where the target is, for logs and the audit trail: scheme, host and port only (a robot's
        key is in its URL's path or query)."""
        parts = urllib.parse.urlsplit(self.url)
        return f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")

    @property
    def scope(self) -> str:
        return self.street or "district"


def check_url(url: str, what: str) -> str:
    parts = urllib.parse.urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname or re.search(r"[\s<>()\[\]]", url):
        raise PushError("bad_config", f"{what}: not an http(s) address")
    return url


def make_target(
    name: str,
    kind: str,
    url: str,
    *,
    secret: str | None = None,
    street: str | None = None,
    lang: str = "zh",
    at: str | dt.time | None = None,
    link: str | None = None,
) -> Target:
    """A target, checked: every problem is a PushError("bad_config") naming the target, never a guess."""
    where = f"target {name!r}"
    if kind not in KINDS:
        raise PushError("bad_config", f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    check_url(url, f"{where}: url")
    if lang not in i18n.LANGUAGES:
        raise PushError("bad_config", f"{where}: lang {lang!r} is not one of {', '.join(i18n.LANGUAGES)}")
    if secret is not None and kind != "dingtalk":
        raise PushError("bad_config", f"{where}: a secret signs DingTalk messages only (kind {kind})")
    if link is not None:
        check_url(link, f"{where}: link")
    if isinstance(at, str):
        try:
            at = dt.time.fromisoformat(at) if re.fullmatch(r"\d\d:\d\d", at) else None
        except ValueError:
            at = None
        if at is None:
            raise PushError("bad_config", f'{where}: time must be HH:MM (24-hour), e.g. "08:00"')
    return Target(name, kind, url, secret or None, street or None, lang, at, link)


TARGET_KEYS = {"name", "kind", "url", "secret", "secret_env", "street", "lang", "time", "link"}
TOP_KEYS = {"link", "timeout", "retries", "target"}


@dataclass
class Config:
    targets: list[Target]
    timeout: float = TIMEOUT
    retries: int = RETRIES


def load_config(path: Path, environ: dict | None = None) -> Config:
    """push.toml (see push.example.toml): defaults at the top, one [[target]] table per target.
    Unknown keys, missing ones and duplicate names are refused, naming them."""
    import os

    environ = os.environ if environ is None else environ
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise PushError("bad_config", f"{path}: cannot read it ({error.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise PushError("bad_config", f"{path}: not valid TOML ({error})") from None
    unknown = sorted(set(data) - TOP_KEYS)
    if unknown:
        raise PushError(
            "bad_config", f"{path}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(TOP_KEYS))}"
        )
    tables = data.get("target")
    if not isinstance(tables, list) or not tables:
        raise PushError("bad_config", f"{path}: no [[target]] tables")
    targets, seen = [], set()
    for number, table in enumerate(tables, 1):
        name = table.get("name")
        if not isinstance(name, str) or not name.strip():
            raise PushError("bad_config", f"{path}: target {number} has no name")
        if name in seen:
            raise PushError("bad_config", f"{path}: two targets are named {name!r}")
        seen.add(name)
        unknown = sorted(set(table) - TARGET_KEYS)
        if unknown:
            raise PushError("bad_config", f"{path}: target {name!r}: unknown key(s) {', '.join(unknown)}")
        missing = [k for k in ("kind", "url") if not table.get(k)]
        if missing:
            raise PushError("bad_config", f"{path}: target {name!r}: no {' nor '.join(missing)}")
        secret = table.get("secret")
        if table.get("secret_env"):
            if secret:
                raise PushError("bad_config", f"{path}: target {name!r}: both secret and secret_env")
            secret = environ.get(table["secret_env"])
            if not secret:
                raise PushError(
                    "bad_config",
                    f"{path}: target {name!r}: the environment variable {table['secret_env']} (secret_env) is not set",
                )
        targets.append(
            make_target(
                name,
                table["kind"],
                table["url"],
                secret=secret,
                street=table.get("street"),
                lang=table.get("lang", "zh"),
                at=table.get("time"),
                link=table.get("link", data.get("link")),
            )
        )
    try:
        timeout, retries = float(data.get("timeout", TIMEOUT)), int(data.get("retries", RETRIES))
    except (TypeError, ValueError):
        raise PushError("bad_config", f"{path}: timeout and retries must be numbers") from None
    if timeout <= 0 or retries < 0:
        raise PushError("bad_config", f"{path}: timeout must be above 0 and retries at least 0")
    return Config(targets, timeout, retries)


# ---------------------------------------------------------------- the message


def md_inline(text) -> str:
    """A value from the store placed inside a line of a robot's Markdown: on one line (a line break
    in a name must not start a heading or a list), every character that acts on markup inside a line
    backslash-escaped (i18n.md's rule, less the characters that only act at a line's start or after
    an escaped bracket, so "95.0%" and "+12" stay as they are)."""
    return re.sub(r"([\\`*_\[\]<>#|~&])", r"\\\1", " ".join(str(text).split()))


def briefing_link(base: str, day: dt.date, street: str | None, lang: str) -> str:
    """The dashboard's briefing (its first page, at /) for that day, scope and language."""
    params = {"day": day.isoformat(), "lang": lang, **({"street": street} if street else {})}
    return base.rstrip("/") + "/?" + urllib.parse.urlencode(params)


@dataclass
class Message:
    body: dict
    size: int  # bytes of what the robot's limit counts (content / text / the whole JSON body)
    ranking_shown: int  # rows shown at each end of the ranking (RANK_SHOWN when not cut)
    attention_shown: int


def _ranking_rows(p: Prepared) -> list[dict]:
    """The ranking as the page shows it (worst first), as plain values."""
    b = p.briefing
    table = b.ranking_table
    id_column = "community_id" if "community_id" in b.ranked.columns else "street_id"
    rows = []
    for (_, raw), (_, shown) in zip(b.ranked.iterrows(), table.iterrows()):
        change = shown.iloc[4]
        rows.append(
            {
                "rank": int(raw["coverage_rank"]),
                "id": str(raw[id_column]),
                "name": str(shown.iloc[2]),
                "coverage": None if pd.isna(raw["coverage"]) else float(raw["coverage"]),
                "coverage_change_pts": None if pd.isna(change) else float(change),
                "rank_change": str(shown.iloc[1]),
                "knocked": int(raw["knocked"]),
            }
        )
    return rows


def _ends(rows: list[dict], k: int) -> tuple[list[dict], list[dict]]:
    """The k lowest (worst first) and the k highest (best first), never the same row twice."""
    lowest = rows[:k]
    highest = [r for r in reversed(rows[len(lowest) :])][:k]
    return lowest, highest


def _title(p: Prepared) -> str:
    b = p.briefing
    return f"{i18n.t('export_heading', b.lang)} · {i18n.day_long(b.day, b.lang)}"


def _markdown(p: Prepared, k: int, attention_shown: int, link: str | None, kind: str) -> str:
    b, lang = p.briefing, p.briefing.lang
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    colon = "：" if lang == "zh" else ": "
    lines = [
        f"### {md_inline(_title(p))}",
        f"**{md_inline(p.scope_label)}**",
        "",
        f"**{t('section_headline')}**（{t('vs_prev_day')}）"
        if lang == "zh"
        else f"**{t('section_headline')}** ({t('vs_prev_day')})",
    ]
    brackets = "（{}）" if lang == "zh" else " ({})"
    for card in b.cards:
        change = card.shown_change(lang)
        lines.append(f"- {t(card.key)}{colon}**{card.shown()}**" + brackets.format(change or t("push_no_change")))
    lines += ["", f"**{t('section_attention')}**"]
    items = b.attention[:attention_shown]
    lines += [f"- {md_inline(item)}" for item in items]
    if attention_shown < len(b.attention):
        lines.append(f"- {t('push_attention_more', n=len(b.attention) - attention_shown)}")
    rows = _ranking_rows(p)
    heading = t("section_ranking_communities" if b.street else "section_ranking")
    lines += ["", f"**{heading}**"]
    lowest, highest = _ends(rows, k)

    def row_line(r):
        move = f" {md_inline(r['rank_change'])}" if r["rank_change"] not in ("", "–") else ""
        return f"- {r['rank']}/{len(rows)} {md_inline(r['name'])}{colon}{i18n.percent(r['coverage'])}{move}"

    if lowest:
        lines += [f"{t('push_ranking_lowest')}{colon}", *map(row_line, lowest)]
    if highest:
        lines += [f"{t('push_ranking_highest')}{colon}", *map(row_line, highest)]
    if k < RANK_SHOWN and len(rows) > 2 * k:
        lines.append(t("push_ranking_cut" if k else "push_ranking_dropped"))
    if link:
        lines += ["", f"[{t('push_open_briefing')}]({link})"]
    # WeCom breaks lines at a line break; DingTalk's Markdown joins them unless they end in two spaces
    return ("  \n" if kind == "dingtalk" else "\n").join(lines)


def _generic(p: Prepared, k: int, attention_shown: int, link: str | None) -> dict:
    b = p.briefing
    rows = _ranking_rows(p)
    lowest, highest = _ends(rows, k)
    return {
        "kind": "knockboard.briefing",
        "version": 1,
        "day": b.day.isoformat(),
        "scope": {"street": b.street, "name": p.scope_label},
        "language": b.lang,
        "title": _title(p),
        "previous_day": b.has_previous,
        "cards": [
            {
                "key": c.key,
                "label": i18n.t(c.key, b.lang),
                "kind": c.kind,
                "value": c.value,
                "shown": c.shown(),
                "change": c.change,
                "shown_change": c.shown_change(b.lang),
                "worse_when_up": c.worse_when_up,
            }
            for c in b.cards
        ],
        "attention": b.attention[:attention_shown],
        "attention_more": len(b.attention) - attention_shown,
        "ranking": {
            "unit": "communities" if b.street else "streets",
            "count": len(rows),
            "order": "worst first",
            "lowest": lowest,
            "highest": highest,
            "cut": k < RANK_SHOWN and len(rows) > 2 * k,
        },
        "link": link,
    }


def _body(p: Prepared, kind: str, k: int, attention_shown: int, link: str | None) -> tuple[dict, int]:
    if kind == "generic":
        body = _generic(p, k, attention_shown, link)
        return body, len(json.dumps(body, ensure_ascii=False).encode("utf-8"))
    text = _markdown(p, k, attention_shown, link, kind)
    if kind == "wecom":
        return {"msgtype": "markdown", "markdown": {"content": text}}, len(text.encode("utf-8"))
    return {"msgtype": "markdown", "markdown": {"title": _title(p), "text": text}}, len(text.encode("utf-8"))


def message(p: Prepared, kind: str, link: str | None = None, limit: int | None = None) -> Message:
    """The robot's message for a prepared briefing, within its size limit: the ranking is cut first
    (3 → 0 rows at each end), then the attention list from its end; the headline never. Raises
    PushError("too_large") when even that does not fit."""
    limit = LIMITS[kind] if limit is None else limit
    attention = len(p.briefing.attention)
    for k, shown in [(k, attention) for k in range(RANK_SHOWN, -1, -1)] + [
        (0, n) for n in range(attention - 1, -1, -1)
    ]:
        body, size = _body(p, kind, k, shown, link)
        if size <= limit:
            return Message(body, size, k, shown)
    raise PushError("too_large", f"the headline alone is {size:,} bytes, over the {kind} limit of {limit:,}")


# ---------------------------------------------------------------- sending


def dingtalk_signed(url: str, secret: str, timestamp_ms: int) -> str:
    """The DingTalk URL with its `timestamp` and `sign` query parameters."""
    digest = hmac.new(secret.encode("utf-8"), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256).digest()
    sign = urllib.parse.quote_plus(base64.b64encode(digest).decode("ascii"))
    return f"{url}{'&' if urllib.parse.urlsplit(url).query else '?'}timestamp={timestamp_ms}&sign={sign}"


def _scrub(text: str, target: Target) -> str:
    """An error's words made safe to log: the secret, the URL, its query values and any long part of
    its path (robots put their key there) replaced, and so are a signature's `sign` and `timestamp`."""
    parts = urllib.parse.urlsplit(target.url)
    secrets = [
        target.secret,
        target.url,
        parts.path + ("?" + parts.query if parts.query else ""),
        parts.query,
        *[v for _, v in urllib.parse.parse_qsl(parts.query)],
        *[segment for segment in parts.path.split("/") if len(segment) >= 12],
    ]
    for secret in sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True):
        text = text.replace(secret, "***").replace(urllib.parse.quote_plus(secret), "***")
    return re.sub(r"\b(sign|timestamp|access_token|key)=[^&\s\"']+", r"\1=***", text)[:300]


@dataclass
class Sent:
    ok: bool
    attempts: int
    error: str | None = None  # scrubbed: safe for logs and the audit trail


def _attempt(target: Target, data: bytes, timeout: float, clock_ms: Callable[[], int]) -> None:
    url = dingtalk_signed(target.url, target.secret, clock_ms()) if target.secret else target.url
    request = urllib.request.Request(
        url,
        data=data,
        method="POST",
        headers={"Content-Type": "application/json; charset=utf-8", "User-Agent": "knockboard-push"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = response.read(65_536)
    except urllib.error.HTTPError as error:
        raise PushError("failed", f"HTTP {error.code} {error.reason}") from None
    except (TimeoutError, urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise PushError(
            "failed",
            "timed out" if isinstance(reason, TimeoutError) or "timed out" in str(reason) else f"no answer ({reason})",
        ) from None
    if target.kind in ("wecom", "dingtalk"):  # both answer 200 with {"errcode": 0, "errmsg": "ok"} when sent
        try:
            reply = json.loads(answer.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise PushError("failed", "the robot's answer is not JSON") from None
        if not isinstance(reply, dict) or reply.get("errcode") != 0:
            code = reply.get("errcode") if isinstance(reply, dict) else None
            text = reply.get("errmsg") if isinstance(reply, dict) else None
            raise PushError("failed", f"the robot refused it: errcode {code}, {text}")


def send(
    target: Target,
    body: dict,
    *,
    timeout: float = TIMEOUT,
    retries: int = RETRIES,
    backoff: float | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock_ms: Callable[[], int] = lambda: int(time.time() * 1000),
) -> Sent:
    """POSTs the body; an attempt that gets no answer, an error answer or times out is retried after
    backoff, 2×backoff, … seconds. Never raises: the outcome says what happened."""
    backoff = BACKOFF if backoff is None else backoff
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    error = None
    for attempt in range(1, retries + 2):
        try:
            _attempt(target, data, timeout, clock_ms)
            return Sent(True, attempt)
        except PushError as failed:
            error = _scrub(str(failed), target)
        if attempt <= retries:
            sleep(backoff * 2 ** (attempt - 1))
    return Sent(False, retries + 1, error)


# ---------------------------------------------------------------- one push, several pushes


@dataclass
class Outcome:
    target: Target
    result: str  # sent | failed | no_data
    day: dt.date | None = None
    detail: str = ""
    attempts: int = 0

    def line(self) -> str:
        day = self.day.isoformat() if self.day else "-"
        head = (
            f"push {self.target.name} ({self.target.kind}, {self.target.host}) {day} {self.target.scope} "
            f"{self.target.lang}"
        )
        if self.result == "sent":
            return f"{head}: sent ({self.attempts} attempt{'s' if self.attempts != 1 else ''}{self.detail})"
        if self.result == "no_data":
            return f"{head}: nothing sent, {self.detail}"
        return f"{head}: FAILED after {self.attempts} attempt{'s' if self.attempts != 1 else ''}: {self.detail}"


def check_streets(con, targets: list[Target]) -> None:
    """Every target's street is in the store (before anything is sent)."""
    import queries

    known = set(queries.run(con, "streets", scope=None)["street_id"])
    for target in targets:
        if target.street and target.street not in known:
            raise PushError(
                "bad_config",
                f"target {target.name!r}: no street {target.street!r}; streets: {', '.join(sorted(known))}",
            )


def push_one(
    con, target: Target, day: dt.date | None, *, user: str | None = None, trail: Path | None = None, **sending
) -> Outcome:
    """The briefing of `day` (None: the latest day with data) for the target's scope and language,
    built and sent; its outcome in the audit trail whatever it is."""
    cut = None
    try:
        prepared = prepare(con, day, target.street, target.lang, scope=None)  # the operator: the district
        link = briefing_link(target.link, prepared.briefing.day, target.street, target.lang) if target.link else None
        built = message(prepared, target.kind, link)
        sent = send(target, built.body, **sending)
        cut = built.ranking_shown < RANK_SHOWN
        outcome = Outcome(
            target, "sent" if sent.ok else "failed", prepared.briefing.day, "" if sent.ok else sent.error, sent.attempts
        )
        if sent.ok and cut:
            outcome.detail = ", ranking shortened to fit"
    except BriefingError as error:
        if error.code != "no_data":
            raise PushError("bad_config", f"target {target.name!r}: {error}") from None
        outcome = Outcome(target, "no_data", day, str(error))
    except PushError as error:  # too large
        outcome = Outcome(target, "failed", day, str(error))
    details = {
        "target": target.name,
        "kind": target.kind,
        "host": target.host,
        "day": outcome.day,
        "scope": target.scope,
        "lang": target.lang,
        "result": outcome.result,
        "attempts": outcome.attempts,
    }
    if outcome.result != "sent":
        details["error"] = outcome.detail
    if cut:
        details["ranking_cut"] = True
    audit.record("push", user, trail=trail, **details)
    return outcome


def exit_code(outcomes: list[Outcome]) -> int:
    """0 every target sent; 5 some target failed; 3 none failed but some had no data (nothing sent to it)."""
    if any(o.result == "failed" for o in outcomes):
        return 5
    return 3 if any(o.result == "no_data" for o in outcomes) else 0


def push_all(
    con, targets: list[Target], day: dt.date | None, *, say: Callable[[str], None] = print, **options
) -> list[Outcome]:
    """Each target in turn: one failing does not stop the others."""
    outcomes = []
    for target in targets:
        outcome = push_one(con, target, day, **options)
        say(outcome.line())
        outcomes.append(outcome)
    return outcomes


# ---------------------------------------------------------------- the schedule

NAP = 30.0  # longest sleep between looks at the clock (a suspended laptop or a changed clock is noticed)


def next_run(target: Target, now: dt.datetime) -> dt.datetime:
    today = dt.datetime.combine(now.date(), target.at)
    return today if today > now else today + dt.timedelta(days=1)


def run_schedule(
    targets: list[Target],
    open_store: Callable,
    *,
    now: Callable[[], dt.datetime] = dt.datetime.now,
    sleep: Callable[[float], None] = time.sleep,
    stop: Callable[[], bool] = lambda: False,
    say: Callable[[str], None] = print,
    **options,
) -> None:
    """Keeps running: sends each target at its time of day, the latest day with data, opening the
    store for each round only (so loads and the dashboard are not held up). A time already past when
    it starts is next due tomorrow, so a restart never sends twice. `now`, `sleep` and `stop` are
    the clock (tests inject their own)."""
    untimed = [t.name for t in targets if t.at is None]
    if untimed:
        raise PushError("bad_config", f"target(s) without a time for the schedule: {', '.join(untimed)}")
    due = {t.name: next_run(t, now()) for t in targets}
    for t in targets:
        say(
            f"{now():%Y-%m-%d %H:%M:%S} schedule: {t.name} ({t.kind}, {t.scope}, {t.lang}) next at "
            f"{due[t.name]:%Y-%m-%d %H:%M}"
        )
    while not stop():
        current = now()
        ready = [t for t in targets if due[t.name] <= current]
        if not ready:
            sleep(max(0.0, min(NAP, (min(due.values()) - current).total_seconds())))
            continue
        stamp = f"{current:%Y-%m-%d %H:%M:%S}"
        try:
            con = open_store()
        except Exception as error:  # noqa: BLE001 - said, recorded, and tried again at the next time
            for t in ready:
                say(f"{stamp} push {t.name}: FAILED, cannot open the store ({error})")
                audit.record(
                    "push",
                    options.get("user"),
                    trail=options.get("trail"),
                    target=t.name,
                    kind=t.kind,
                    host=t.host,
                    day=None,
                    scope=t.scope,
                    lang=t.lang,
                    result="failed",
                    attempts=0,
                    error=f"cannot open the store ({error})",
                )
        else:
            try:
                _say_if_stale(con, current.date(), say, stamp)
                push_all(con, ready, None, say=lambda line, stamp=stamp: say(f"{stamp} {line}"), **options)
            finally:
                con.close()
        for t in ready:
            due[t.name] = next_run(t, current)
            say(f"{stamp} schedule: {t.name} next at {due[t.name]:%Y-%m-%d %H:%M}")


def _say_if_stale(con, today: dt.date, say, stamp: str) -> None:
    """The schedule sends the latest day with data: when that is older than yesterday, it says so."""
    import queries

    latest = queries.run(con, "data_days", scope=None).iloc[0]["latest_day"]
    if not pd.isna(latest) and latest.date() < today - dt.timedelta(days=1):
        say(
            f"{stamp} note: the latest day with data is {latest.date()}, "
            f"{(today - latest.date()).days} days ago: that is the day sent"
        )
