"""Who may see what, as Streamlit runs it (AppTest): signing in with local accounts, a trusted proxy's
header and st.login; each role's pages; a street head held to their street, edited URL included;
personal data masked for everyone but a signed-in administrator; refusals recorded."""

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from knockboard import access, audit, components, i18n, signin
from knockboard.access import User
from knockboard.app import PAGES, pages_for

ROOT = Path(__file__).resolve().parent.parent
ENTRY = str(ROOT / "dashboard.py")
PASSWORDS = {
    "leader_s1": "leader-one-pw",
    "leader": "leader-all-pw",
    "analyst": "analyst-pw-1",
    "clerk_s1": "clerk-one-pw",
    "admin": "admin-pw-123",
}
ROLES = {
    "leader_s1": ("leader", "S01"),
    "leader": ("leader", None),
    "analyst": ("analyst", None),
    "clerk_s1": ("clerk", "S01"),
    "admin": ("admin", None),
}
NOT_PERMITTED = "Not permitted"


def access_file(mode: str = "local", proxies: str = "[]", extra: str = "") -> str:
    lines = [
        f'[sign_in]\nmode = "{mode}"\nmax_failures = 3\nlockout_seconds = 600\n'
        f'header = "X-Remote-User"\ntrusted_proxies = {proxies}\n{extra}\n'
        "[privacy]\nsmall_cell_households = 5\n"
    ]
    for name, (role, street) in ROLES.items():
        lines.append(
            f'[users.{name}]\nrole = "{role}"\n'
            + (f'street = "{street}"\n' if street else "")
            + f'password = "{HASHES[name]}"\n'
        )
    lines.append('[users."oidc.analyst@district.gov"]\nrole = "analyst"\n')
    return "\n".join(lines)


HASHES = {name: access.hash_password(password) for name, password in PASSWORDS.items()}


@pytest.fixture
def deployment(tmp_path, monkeypatch, small_demo_db):
    """A deployment of the small demo with local accounts; returns a function to rewrite its access file."""
    path = tmp_path / "access.toml"
    monkeypatch.setenv("KNOCKBOARD_ACCESS", str(path))
    monkeypatch.setenv("KNOCKBOARD_AUDIT_LOG", str(tmp_path / "audit.jsonl"))
    monkeypatch.setenv("KNOCKBOARD_DB", str(small_demo_db))

    def configure(text: str) -> Path:
        path.write_text(text, encoding="utf-8")
        return tmp_path / "audit.jsonl"

    configure(access_file())
    return configure


def audit_events(tmp_path_audit: Path) -> list[dict]:
    if not tmp_path_audit.exists():
        return []
    return [json.loads(line) for line in tmp_path_audit.read_text(encoding="utf-8").splitlines()]


def open_app(script: str = ENTRY, lang: str = "en", **params) -> AppTest:
    at = AppTest.from_file(script, default_timeout=90)
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def sign_in(at: AppTest, name: str, password: str) -> AppTest:
    at.text_input(key="kb_signin_name").input(name)
    at.text_input(key="kb_signin_password").input(password)
    return at.button[0].click().run()


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def page_as(name: str, page: str, **params) -> AppTest:
    """A page opened in a session where `name` has signed in (the form is tested on its own)."""
    at = AppTest.from_file(str(ROOT / page), default_timeout=90)
    at.session_state[signin.SESSION_USER] = name
    at.query_params["lang"] = "en"
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


# ---------------------------------------------------------------- local accounts


def test_nothing_shows_before_sign_in(deployment):
    at = open_app()
    assert not at.exception
    assert at.title[0].value == "Sign in to Knockboard"
    assert not at.metric and not at.dataframe and not at.selectbox
    at = at.radio(key="kb_lang").set_value("zh").run()  # the language can be switched before signing in
    assert at.title[0].value == "登录敲门看板"


@pytest.mark.parametrize("name", list(ROLES))
def test_each_role_signs_in_and_gets_its_menu(deployment, name):
    at = sign_in(open_app(), name, PASSWORDS[name])
    assert not at.exception and not errors(at)
    role, street = ROLES[name]
    menu = [p.url_path for p in pages_for(User(name, role, street))]
    assert (
        menu
        == {
            "leader": ["briefing", "coverage_map", "gaps", "knocked", "hours", "inspections", "leads"],
            "analyst": ["briefing", "coverage_map", "gaps", "knocked", "hours", "inspections", "leads", "data"],
            "clerk": ["data"],
            "admin": [p.url_path for p in PAGES],
        }[role]
    )
    # the first page of the menu opens: the briefing, or the data page for a clerk
    assert at.title[0].value.startswith("Data: load field sheets" if role == "clerk" else "Daily briefing")
    assert any(i18n.md(name) in m.value for m in at.sidebar.markdown)  # names are literal, not Markdown


def test_wrong_password_and_unknown_user_are_refused_alike(deployment):
    log = deployment(access_file())
    at = sign_in(open_app(), "analyst", "not-the-password")
    assert errors(at) == ["Unknown user or wrong password."]
    assert at.title[0].value == "Sign in to Knockboard" and not at.metric
    at = sign_in(at, "nobody", "whatever-1")
    assert errors(at) == ["Unknown user or wrong password."]
    assert not at.metric
    assert [(e["event"], e["user"], e["reason"]) for e in audit_events(log)] == [
        ("sign_in_refused", "analyst", "wrong_password"),
        ("sign_in_refused", "nobody", "unknown_user"),
    ]


def test_repeated_failures_lock_the_account_for_a_while(deployment):
    at = open_app()
    for _ in range(3):
        at = sign_in(at, "admin", "guess-again")
    at = sign_in(at, "admin", PASSWORDS["admin"])
    assert errors(at) == ["Too many failed tries for this user: wait 10 minutes and try again."]
    assert not at.metric


def test_sign_out_ends_the_session(deployment):
    at = sign_in(open_app(), "leader", PASSWORDS["leader"])
    assert at.metric
    at = at.button(key="kb_sign_out").click().run()
    assert at.title[0].value == "Sign in to Knockboard" and not at.metric


def test_an_account_removed_from_the_file_is_out_at_the_next_click(deployment):
    at = sign_in(open_app(), "analyst", PASSWORDS["analyst"])
    assert at.metric
    deployment(access_file().replace("[users.analyst]", "[users.former_analyst]"))
    at.run()
    assert at.title[0].value == "Sign in to Knockboard" and not at.metric


def test_a_session_token_signs_in_only_while_good(tmp_path):
    from knockboard import session_token as token

    key = token.key(tmp_path / "session.key")
    assert (tmp_path / "session.key").stat().st_mode & 0o777 == 0o600 and token.key(tmp_path / "session.key") == key
    hashes = {"analyst": HASHES["analyst"]}
    good = token.make(key, "analyst", HASHES["analyst"], hours=8, now=1000)
    assert token.account(key, good, hashes, now=1000 + 3600) == "analyst"
    assert token.account(key, good, hashes, now=1000 + 9 * 3600) is None  # expired
    assert token.account(key, good, {"analyst": HASHES["admin"]}, now=1000) is None  # password changed
    assert token.account(key, good, {}, now=1000) is None  # account removed
    assert token.account(b"another key" * 3, good, hashes, now=1000) is None
    forged = token.make(key, "analyst", HASHES["analyst"], hours=8, now=1000).replace(
        good.split(".")[0], token.make(key, "admin", "x", hours=8, now=1000).split(".")[0]
    )
    assert token.account(key, forged, {**hashes, "admin": HASHES["admin"]}, now=1000) is None
    assert token.account(key, "garbage", hashes) is None and token.account(key, None, hashes) is None


def test_a_reload_keeps_a_local_account_signed_in_until_sign_out(deployment, monkeypatch):
    at = sign_in(open_app(), "analyst", PASSWORDS["analyst"])
    script = next(h.proto.body for h in at.get("html") if "kb_session=" in h.proto.body)
    cookie = script.split("kb_session=")[1].split(";")[0]
    # a new browser session (a reload, a new tab) that sends the cookie
    monkeypatch.setattr(signin, "request_cookies", lambda: {"kb_session": cookie})
    again = open_app()
    assert not errors(again) and again.metric
    assert any("analyst" in m.value for m in again.sidebar.markdown)
    # signing out clears the cookie and this session no longer counts it
    again = again.button(key="kb_sign_out").click().run()
    assert again.title[0].value == "Sign in to Knockboard" and not again.metric
    assert any("max-age=0" in h.proto.body for h in again.get("html"))
    # a tampered cookie signs nobody in: its last character changed, whatever it was
    tampered = cookie[:-1] + ("1" if cookie[-1] == "0" else "0")
    assert tampered != cookie
    monkeypatch.setattr(signin, "request_cookies", lambda: {"kb_session": tampered})
    assert open_app().title[0].value == "Sign in to Knockboard"


# ---------------------------------------------------------------- pages by role


@pytest.mark.parametrize(
    "name,page",
    [
        ("leader_s1", "pages/data.py"),
        ("leader", "pages/users.py"),
        ("analyst", "pages/users.py"),
        ("clerk_s1", "pages/briefing.py"),
        ("clerk_s1", "pages/gaps.py"),
    ],
)
def test_a_page_outside_the_role_is_not_permitted(deployment, name, page):
    at = page_as(name, page)
    assert not at.exception
    assert errors(at) == ["Not permitted: this page is outside what your account may see."]
    assert not at.metric and not at.dataframe


@pytest.mark.parametrize("name,page", [("leader", "pages/users.py"), ("clerk_s1", "pages/briefing.py")])
def test_the_menu_link_to_a_page_outside_the_role_says_not_permitted(deployment, name, page):
    """Through the app's own navigation (as a typed URL goes), not Streamlit's "page not found"."""
    audit_log = deployment(access_file())
    at = sign_in(open_app(), name, PASSWORDS[name])
    at.switch_page(page).run()
    assert not at.exception
    assert errors(at) == ["Not permitted: this page is outside what your account may see."]
    assert not at.metric and not at.dataframe
    assert [e["event"] for e in audit_events(audit_log)][-1] == "not_permitted"


def test_admin_sees_users_and_the_audit_trail(deployment):
    log = deployment(access_file())
    sign_in(open_app(), "analyst", "wrong-password")
    at = page_as("admin", "pages/users.py")
    assert not at.exception and not errors(at)
    accounts, trail = at.dataframe[0].value, at.dataframe[1].value
    assert accounts["User"].tolist() == [*ROLES, "oidc.analyst@district.gov"]
    assert accounts.set_index("User").loc["clerk_s1", "Street"] == "和平桥 Hepingqiao"
    assert trail["Event"].tolist()[-1] == "sign_in_refused" and len(audit_events(log)) == 1
    # who exported what: the trail filtered to exports
    components.exported(_ctx("analyst"), pd.DataFrame({"a": [1]}), "gaps-micro_grid", "csv")
    at = at.multiselect(key="users_events").set_value(["export"]).run()
    trail = at.dataframe[1].value
    assert trail[["Event", "User"]].values.tolist() == [["export", "analyst"]]
    assert "what=gaps-micro_grid" in trail["Details"].iloc[0]


def test_the_audit_trail_speaks_chinese(deployment):
    deployment(access_file())
    components.exported(_ctx("analyst"), pd.DataFrame({"a": [1]}), "gaps-micro_grid", "csv")
    audit.record("sign_in", "admin", method="local", role="admin", street=None)
    at = page_as("admin", "pages/users.py", lang="zh")
    assert not at.exception
    trail = at.dataframe[1].value
    assert trail["事件"].tolist() == ["登录", "导出"]
    details = trail["详情"].iloc[1]
    assert details.startswith("内容=gaps-micro_grid，格式=csv，行数=1") and "已脱敏=是" in details
    assert "masked" not in details and "True" not in details
    # Streamlit's own "Choose options" is English: the filters say it in Chinese
    assert [m.placeholder for m in at.get("multiselect")] == ["请选择", "请选择"]
    # filtered to nothing: said in words, not by Streamlit's English "empty" grid
    at.multiselect(key="users_events").set_value(["export"])
    at = at.multiselect(key="users_who").set_value(["admin"]).run()
    assert len(at.dataframe) == 1 and at.info[0].value == "当前筛选条件下没有数据。"


# ---------------------------------------------------------------- a street head and their street


def test_street_head_is_held_to_their_street(deployment):
    at = page_as("leader_s1", "pages/briefing.py")
    assert not at.exception and not errors(at)
    street = at.sidebar.selectbox(key="kb_street")
    assert street.options == ["和平桥 Hepingqiao"] and street.disabled
    assert at.caption[0].value.startswith("和平桥 Hepingqiao")
    # the same numbers an administrator sees for that street
    admin = page_as("admin", "pages/briefing.py", street="S01")
    assert [(m.label, m.value) for m in at.metric] == [(m.label, m.value) for m in admin.metric]
    assert at.query_params["street"] == "S01"


def test_edited_url_to_another_street_is_not_permitted(deployment):
    log = deployment(access_file())
    at = page_as("leader_s1", "pages/knocked.py", street="S02")
    assert errors(at) == ["Not permitted: S02 is outside what your account may see."]
    assert not at.metric and not at.dataframe and not at.get("plotly_chart")
    assert at.button[0].label == "Back to 和平桥 Hepingqiao"
    at = at.button[0].click().run()
    assert not errors(at) and at.metric and at.query_params["street"] == "S01"
    assert [(e["event"], e["user"], e["what"]) for e in audit_events(log)] == [("not_permitted", "leader_s1", "S02")]


def test_an_account_whose_street_has_no_data_is_told_so(deployment):
    deployment(access_file().replace('street = "S01"', 'street = "S99"', 1))
    at = page_as("leader_s1", "pages/briefing.py")
    assert not at.exception and not at.metric
    assert at.warning[0].value.startswith("There is no data for your street S99")


def test_district_leader_may_choose_any_street(deployment):
    at = page_as("leader", "pages/knocked.py", street="S02")
    assert not errors(at) and at.metric
    assert len(at.sidebar.selectbox(key="kb_street").options) == 17


# ---------------------------------------------------------------- personal data


def _backlog_addresses(name: str) -> list[str]:
    at = page_as(name, "pages/gaps.py", street="S02")  # S02 has a not-at-home backlog
    assert not at.exception and not errors(at)
    table = next(d.value for d in at.dataframe if "Address" in d.value.columns)
    return table["Address"].tolist()


def test_addresses_masked_for_analyst_and_clear_for_admin(deployment):
    masked, clear = _backlog_addresses("analyst"), _backlog_addresses("admin")
    assert masked and len(masked) == len(clear)
    assert all(a.endswith("幢***") for a in masked)
    assert all(not a.endswith("***") and "单元" in a for a in clear)
    assert [c[: len(m) - 3] for c, m in zip(clear, masked)] == [m[:-3] for m in masked]


def _ctx(role: str, method: str = "local"):
    return SimpleNamespace(
        user=User(role, role, None, method=method), small_cell=5, street=None, day=dt.date(2022, 3, 22)
    )


def test_exports_withhold_small_cells_except_for_admin_and_are_recorded(deployment):
    log = deployment(access_file())
    table = pd.DataFrame({"Micro-grid": ["A", "B"], "Coverage (%)": [50.0, 96.0], "Registered": [2, 30]})
    cells = ("Registered", ("Micro-grid",))
    analyst = components.exported(_ctx("analyst"), table, "coverage-micro_grids", "csv", cells)
    assert analyst["Registered"].tolist() == ["<5", 30] and analyst["Coverage (%)"].tolist() == [None, 96.0]
    admin = components.exported(_ctx("admin"), table, "coverage-micro_grids", "xlsx", cells)
    assert admin.equals(table)
    # an open deployment's owner has not proved who they are: their exports are withheld too
    assert components.exported(_ctx("admin", "open"), table, "x", "csv", cells)["Registered"].tolist() == ["<5", 30]
    assert [(e["event"], e["user"], e["what"], e["format"], e["masked"]) for e in audit_events(log)][:2] == [
        ("export", "analyst", "coverage-micro_grids", "csv", True),
        ("export", "admin", "coverage-micro_grids", "xlsx", False),
    ]


# ---------------------------------------------------------------- a trusted proxy's header


@pytest.fixture
def proxy(deployment, monkeypatch):
    """Header sign-in behind a proxy at 10.0.0.5; returns a function setting the request's origin."""
    log = deployment(access_file("header", '["10.0.0.5"]'))

    def request(address: str | None, user: str | None):
        monkeypatch.setattr(signin, "client_address", lambda: address)
        monkeypatch.setattr(signin, "request_headers", lambda: {"x-remote-user": user} if user else {})
        return log

    return request


@pytest.mark.parametrize("name", list(ROLES))
def test_each_role_signs_in_through_the_proxy(proxy, name):
    proxy("10.0.0.5", name)
    at = open_app()
    assert not at.exception and not errors(at)
    role, street = ROLES[name]
    assert at.title[0].value.startswith("Data: load field sheets" if role == "clerk" else "Daily briefing")
    assert any(i18n.md(name) in m.value for m in at.sidebar.markdown)  # names are literal, not Markdown
    streets = at.sidebar.selectbox(key="kb_street").options
    assert streets == (["和平桥 Hepingqiao"] if street else streets) and (len(streets) == 17) == (street is None)
    # and a page outside the role is refused the same way as for a local account
    forbidden = {"leader": "pages/data.py", "analyst": "pages/users.py", "clerk": "pages/knocked.py"}.get(role)
    if forbidden:
        at = AppTest.from_file(str(ROOT / forbidden), default_timeout=90)
        at.query_params["lang"] = "en"
        assert errors(at.run()) == ["Not permitted: this page is outside what your account may see."]


def test_header_from_the_trusted_proxy_signs_in(proxy):
    log = proxy("10.0.0.5", "leader_s1")
    at = open_app()
    assert not errors(at) and at.metric
    at.run()  # a rerun is the same sign-in, recorded once
    assert [(e["event"], e["user"], e["method"], e["address"]) for e in audit_events(log)] == [
        ("sign_in", "leader_s1", "header", "10.0.0.5")
    ]
    assert at.sidebar.selectbox(key="kb_street").options == ["和平桥 Hepingqiao"]
    assert not at.sidebar.button  # the proxy signs people out, not the app


def test_header_from_an_untrusted_address_is_refused(proxy):
    log = proxy("192.168.9.9", "admin")
    at = open_app()
    assert errors(at) == ["Refused: this request did not come through the configured sign-in proxy (192.168.9.9)."]
    assert not at.metric and not at.dataframe
    assert [(e["event"], e["reason"], e["address"]) for e in audit_events(log)] == [
        ("sign_in_refused", "untrusted_proxy", "192.168.9.9")
    ]


def test_header_mode_refuses_a_missing_header_and_an_unknown_user(proxy):
    proxy("10.0.0.5", None)
    assert errors(open_app()) == ["Refused: the sign-in proxy did not say who you are (header X-Remote-User missing)."]
    proxy("10.0.0.5", "mallory")
    at = open_app()
    assert errors(at) == [
        "You are signed in as mallory, but this dashboard has no role for you. Ask the administrator to add you."
    ]
    assert not at.metric


def test_header_mode_needs_a_configured_proxy(deployment):
    deployment(access_file("header"))
    at = open_app()
    assert errors(at)[0].startswith("The access settings are wrong, so nobody can sign in:")
    assert "trusted_proxies" in errors(at)[0] and not at.metric


# ---------------------------------------------------------------- st.login (OIDC)


def oidc_app(user: dict) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=90)
    at.secrets["auth"] = {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "x" * 32,
        "client_id": "knockboard",
        "client_secret": "s",
        "server_metadata_url": "http://idp.intranet/.well-known/openid-configuration",
    }
    at.user = user
    at.query_params["lang"] = "en"
    return at.run()


def test_oidc_sign_in_maps_the_claim_to_a_role(deployment):
    deployment(access_file("oidc"))
    at = oidc_app({"is_logged_in": False})
    assert at.button[0].label == "Sign in with the district's identity service" and not at.metric
    at = oidc_app({"is_logged_in": True, "email": "oidc.analyst@district.gov"})
    assert not errors(at) and at.metric
    at = oidc_app({"is_logged_in": True, "email": "stranger@district.gov"})
    assert errors(at)[0].startswith("You are signed in as stranger@district.gov, but") and not at.metric


# ---------------------------------------------------------------- no sign-in configured


def test_open_mode_serves_this_computer_and_says_so(tmp_path, monkeypatch, small_demo_db):
    monkeypatch.setenv("KNOCKBOARD_ACCESS", str(tmp_path / "none.toml"))
    monkeypatch.setenv("KNOCKBOARD_DB", str(small_demo_db))
    at = open_app()
    assert not errors(at) and at.metric
    assert at.caption[0].value.startswith("🔓 Open mode")
    monkeypatch.setattr(signin, "bound_address", lambda: "0.0.0.0")
    at = open_app()
    assert errors(at)[0].startswith("Refused: no sign-in is configured") and not at.metric


def test_a_plain_text_password_is_refused_as_a_configuration_error():
    with pytest.raises(access.AccessError, match="must be an argon2 hash"):
        access.parse('[users.a]\nrole = "admin"\npassword = "hunter2"\n')
    with pytest.raises(access.AccessError, match="a clerk needs street"):
        access.parse('[users.c]\nrole = "clerk"\n')
    with pytest.raises(access.AccessError, match="roles are"):
        access.parse('[users.c]\nrole = "boss"\n')


def test_the_example_access_file_parses():
    example = access.parse((ROOT / "access.example.toml").read_text(encoding="utf-8"), "access.example.toml")
    assert example.mode == "local" and example.small_cell == 5
    assert {name: (u.role, u.street) for name, (u, _) in example.users.items()} == {
        "admin": ("admin", None),
        "wang": ("leader", "S01"),
        "li-analyst": ("analyst", None),
        "zhao-clerk": ("clerk", "S01"),
    }


def test_streamlit_is_locked_down_by_its_config():
    import tomllib

    from knockboard.config import max_upload_mb

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    server, client = config["server"], config["client"]
    assert server["address"] == "localhost"  # open mode needs it; a deployment sets its own
    assert server["enableXsrfProtection"] is True and server["enableCORS"] is True
    assert set(server["allowedHosts"]) == {"localhost", "127.0.0.1", "::1"}
    assert server["enableStaticServing"] is False and server["enableAgentApi"] is False
    assert server["maxUploadSize"] == max_upload_mb()  # what the server refuses is what the page says
    assert config["browser"]["gatherUsageStats"] is False
    assert client["showErrorDetails"] == "none" and client["toolbarMode"] == "viewer"
    # no unaudited, unmasked "Download as CSV" in the toolbar of Streamlit's own tables
    assert client["disableDataExport"] is True
