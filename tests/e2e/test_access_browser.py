"""Sign-in in a real browser: a local account typed into the form, and a trusted reverse proxy's header
(sent by Chromium on every request, the WebSocket's included), on real servers. A street head is held
to their street, an analyst's export is masked and an administrator's is not, and a header from an
address that is not the proxy is refused.

Run: python -m pytest -q tests/e2e        (skips without Chromium/playwright, fails instead with CI=true)
"""

import shutil
from pathlib import Path

import pytest

from knockboard.access import hash_password

from .conftest import ROOT, SCREENSHOTS, VIEWPORT, start_streamlit
from .test_browser import PAGES, assert_fine, check_page, full_page_screenshot, page_url, wait_until_idle

pytestmark = pytest.mark.browser

USERS = {"leader_s1": ("leader", "S01"), "analyst": ("analyst", None), "admin": ("admin", None)}
PASSWORD = "correct horse battery"


def access_file(path: Path, mode: str, proxies: list[str]) -> Path:
    hashed = hash_password(PASSWORD)
    text = f'[sign_in]\nmode = "{mode}"\ntrusted_proxies = {proxies!r}\n'.replace("'", '"')
    for name, (role, street) in USERS.items():
        text += f'[users.{name}]\nrole = "{role}"\n' + (f'street = "{street}"\n' if street else "")
        text += f'password = "{hashed}"\n'
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def demo_db(browser, tmp_path_factory) -> Path:
    from knockboard.demo import build_demo

    db = tmp_path_factory.mktemp("e2e-access") / "demo-0.01.duckdb"
    build_demo(db, scale=0.01)
    return db


def server_with(tmp_path_factory, demo_db, name: str, mode: str, proxies: list[str], env: dict | None = None):
    """A server of its own store: a server holds its store, as a deployment does."""
    folder = tmp_path_factory.mktemp(f"e2e-{name}")
    db = shutil.copy(demo_db, folder / demo_db.name)
    env = {
        "KNOCKBOARD_DB": str(db),
        "KNOCKBOARD_ACCESS": str(access_file(folder / "access.toml", mode, proxies)),
        "KNOCKBOARD_AUDIT_LOG": str(folder / "audit.jsonl"),
        "KNOCKBOARD_SHARE_STORE": "1",
        **(env or {}),
    }
    server = start_streamlit("dashboard.py", cwd=ROOT, log_path=folder / "streamlit.log", env=env)
    server.audit = folder / "audit.jsonl"
    return server


@pytest.fixture(scope="module")
def proxied(tmp_path_factory, demo_db):
    """Header sign-in, the proxy on this machine: the browser's requests arrive from 127.0.0.1. As the
    README says for such a proxy, Uvicorn is told to trust no X-Forwarded-For (without it, the test
    below is refused: the app would see the forwarded address instead of the proxy's)."""
    server = server_with(
        tmp_path_factory, demo_db, "proxied", "header", ["127.0.0.1", "::1"], env={"FORWARDED_ALLOW_IPS": ""}
    )
    yield server
    server.stop()


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory, demo_db):
    """Header sign-in trusting a proxy at another address: this browser is not it."""
    server = server_with(tmp_path_factory, demo_db, "elsewhere", "header", ["10.9.9.9"])
    yield server
    server.stop()


@pytest.fixture(scope="module")
def accounts(tmp_path_factory, demo_db):
    server = server_with(tmp_path_factory, demo_db, "accounts", "local", [])
    yield server
    server.stop()


@pytest.fixture
def as_user(browser):
    """A page in a browser context whose every request carries the proxy's header for `user`."""
    contexts = []

    def open_as(user: str | None, **more_headers):
        headers = {**({"X-Remote-User": user} if user else {}), **more_headers}
        context = browser.new_context(
            viewport=VIEWPORT, accept_downloads=True, locale="en-US", extra_http_headers=headers
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_as
    for context in contexts:
        context.close()


def download_csv(page, key: str) -> list[str]:
    """The lines of a downloaded table (after the lines saying what it is about, and the empty line)."""
    button = page.locator(f".st-key-csv-{key} button")
    with page.expect_download(timeout=15_000) as arrived:
        button.click()
    context, table = Path(arrived.value.path()).read_bytes().decode("utf-8-sig").split("\r\n\r\n", 1)
    assert context.startswith("Scope,"), context
    return table.splitlines()


def main_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def test_street_head_signed_in_by_the_proxy_sees_their_street_only(proxied, as_user):
    # a proxy adds the browser's address; the app still sees (and trusts) the proxy's
    page = as_user("leader_s1", **{"X-Forwarded-For": "10.1.2.3"})
    url = page_url(proxied.url, "", lang="en")
    assert_fine(check_page(page, url, "Daily briefing"), url)
    assert page.locator(".st-key-kb_street input").input_value() == "和平桥 Hepingqiao"
    assert "Signed in as leader_s1" in page.locator('[data-testid="stSidebar"]').inner_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    full_page_screenshot(page, SCREENSHOTS / "access-street-head-en.png")

    url = page_url(proxied.url, "knocked", lang="zh", street="S02")
    page.goto(url)
    assert not wait_until_idle(page)
    assert "无权访问：S02超出了您账户的查看范围。" in main_text(page)
    assert not page.locator('[data-testid="stMetric"]').count()
    full_page_screenshot(page, SCREENSHOTS / "access-not-permitted-zh.png")


@pytest.mark.parametrize("url_path", ["users", "data"])
def test_a_typed_url_to_a_page_outside_the_role_says_not_permitted(proxied, as_user, url_path):
    page = as_user("leader_s1")
    url = page_url(proxied.url, url_path, lang="zh")
    problems = check_page(page, url, "")
    assert not any("does not seem to exist" in p for p in problems), problems
    assert "无权访问：该页面超出了您账户的查看范围。" in main_text(page)
    assert not page.locator('[data-testid="stDataFrame"], [data-testid="stFileUploader"]').count()
    menu = page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "数据导入" not in menu and "每日简报" in menu, menu


@pytest.mark.parametrize(
    "name, url_path, title",
    [p for p in PAGES if p[0] not in ("data", "users")],
    ids=[p[0] for p in PAGES if p[0] not in ("data", "users")],
)
def test_every_page_a_street_head_opens_works_for_their_street(proxied, as_user, name, url_path, title):
    page = as_user("leader_s1")
    url = page_url(proxied.url, url_path, lang="zh")
    assert_fine(check_page(page, url, title["zh"]), url)
    assert page.locator(".st-key-kb_street input").input_value() == "和平桥"
    full_page_screenshot(page, SCREENSHOTS / f"access-street-head-{name}-zh.png")


def test_analyst_export_is_masked_and_admin_export_is_clear(proxied, as_user):
    rows = {}
    for user in ("analyst", "admin"):
        page = as_user(user)
        url = page_url(proxied.url, "gaps", lang="en", street="S02")  # S02 has a backlog
        assert_fine(check_page(page, url, "Coverage gaps"), url)
        rows[user] = download_csv(page, "gaps-backlog-households")
    header = rows["analyst"][0].split(",")
    address = header.index("Address")
    masked = [line.split(",")[address] for line in rows["analyst"][1:]]
    clear = [line.split(",")[address] for line in rows["admin"][1:]]
    assert masked and len(masked) == len(clear)
    assert all(a.endswith("***") for a in masked) and not any(a.endswith("***") for a in clear)
    trail = proxied.audit.read_text(encoding="utf-8")
    assert '"event": "export", "user": "analyst"' in trail and '"event": "export", "user": "admin"' in trail


def test_a_header_from_an_address_that_is_not_the_proxy_is_refused(elsewhere, as_user):
    page = as_user("admin")
    page.goto(page_url(elsewhere.url, "", lang="en"))
    assert not wait_until_idle(page)
    assert "Refused: this request did not come through the configured sign-in proxy" in main_text(page)
    assert not page.locator('[data-testid="stMetric"]').count()
    assert '"reason": "untrusted_proxy"' in elsewhere.audit.read_text(encoding="utf-8")


def test_sign_in_with_a_local_account(accounts, as_user):
    page = as_user(None)
    page.goto(page_url(accounts.url, "", lang="zh"))
    page.locator("h1", has_text="登录敲门看板").wait_for(timeout=30_000)
    assert not wait_until_idle(page)
    full_page_screenshot(page, SCREENSHOTS / "access-sign-in-zh.png")
    page.get_by_label("用户名").fill("analyst")
    page.get_by_label("密码").fill("not it")
    page.get_by_role("button", name="登录").click()
    page.get_by_text("用户名或密码错误。").wait_for(timeout=30_000)
    assert not page.locator('[data-testid="stMetric"]').count()
    page.get_by_label("用户名").fill("analyst")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.locator("h1", has_text="每日简报").wait_for(timeout=30_000)
    menu = page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "数据导入" in menu and "用户与审计" not in menu
    # a reload (a new Streamlit session) keeps the account signed in, by its session cookie
    assert not wait_until_idle(page)
    page.reload()
    page.locator("h1", has_text="每日简报").wait_for(timeout=30_000)
    assert "当前用户 analyst" in page.locator('[data-testid="stSidebar"]').inner_text()
    # until it signs out: then a reload asks again
    page.get_by_role("button", name="退出登录").click()
    page.locator("h1", has_text="登录敲门看板").wait_for(timeout=30_000)
    assert not wait_until_idle(page)
    page.reload()
    page.locator("h1", has_text="登录敲门看板").wait_for(timeout=30_000)
