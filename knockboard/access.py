"""Who may see what: the access file (sign-in mode, accounts, roles and their streets) and what each
role may do. No Streamlit here: knockboard/signin.py asks the browser who is there, this module
answers what they may see.

The access file is TOML, at $KNOCKBOARD_ACCESS (default: access.toml in the checkout); see
access.example.toml. Without one, nobody is configured and the dashboard runs open, only on the
computer it runs on (signin.py checks that).
"""

import ipaddress
import tomllib
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from knockboard.config import access_path

ROLES = ("leader", "analyst", "clerk", "admin")
MODES = ("open", "local", "header", "oidc")

# The pages (app.PAGES url paths) each role opens. Leaders read; analysts also see the data page
# (read-only); clerks load their street's sheets; admins do everything, users and the audit too.
READING_PAGES = ("briefing", "coverage_map", "gaps", "knocked", "hours", "inspections", "leads")
ROLE_PAGES = {
    "leader": READING_PAGES,
    "analyst": (*READING_PAGES, "data"),
    "clerk": ("data",),
    "admin": (*READING_PAGES, "data", "users"),
}
DEFAULT_SMALL_CELL = 5

_hasher = PasswordHasher()
# A real hash of a password nobody has: checking an unknown user costs as much as a known one, so
# timing does not tell which accounts exist.
_DUMMY_HASH = _hasher.hash("knockboard: no such account")


class AccessError(Exception):
    """The access file is unreadable or inconsistent: the app refuses to run rather than guess."""


@dataclass(frozen=True)
class User:
    name: str  # the account name (local), the header value (header) or the claim (oidc)
    role: str
    street: str | None = None  # the one street this user is limited to; None: the whole district
    display_name: str | None = None
    method: str = "local"

    @property
    def label(self) -> str:
        return self.display_name or self.name

    def may_open(self, page: str) -> bool:
        return page in ROLE_PAGES[self.role]

    @property
    def sees_personal_data(self) -> bool:
        """Addresses and names in clear, and exports without small-cell suppression: a signed-in
        administrator only (open mode masks them too: nobody has proved who they are)."""
        return self.role == "admin" and self.method != "open"

    @property
    def may_load(self) -> bool:
        return self.role in ("clerk", "admin")


# The user of an open deployment: one person on their own computer, who may do everything but
# see personal data in clear.
LOCAL_OWNER = User("local", "admin", display_name=None, method="open")


@dataclass(frozen=True)
class Access:
    mode: str
    users: dict  # name -> (User, password hash or None)
    header: str = "X-Remote-User"
    trusted_proxies: tuple = ()
    oidc_claim: str = "email"
    oidc_provider: str | None = None
    max_failures: int = 5
    lockout_seconds: int = 300
    session_hours: float = 8  # local accounts stay signed in this long in a browser; 0: per tab
    small_cell: int = DEFAULT_SMALL_CELL
    path: str | None = None

    def user(self, name: str | None, method: str) -> User | None:
        entry = self.users.get((name or "").strip())
        return None if entry is None else _with_method(entry[0], method)

    def check_password(self, name: str, password: str) -> User | None:
        """The local account when the password is right; None for a wrong password or an unknown
        name (the caller does not learn which)."""
        entry = self.users.get(name.strip())
        stored = entry[1] if entry else None
        try:
            _hasher.verify(stored or _DUMMY_HASH, password)
        except (VerificationError, InvalidHashError):
            return None
        return _with_method(entry[0], "local") if stored else None

    def password_hashes(self) -> dict[str, str]:
        return {name: stored for name, (_, stored) in self.users.items() if stored}

    def trusts(self, address: str | None) -> bool:
        """Whether a request came from the configured proxy. Streamlit reports a connection from
        this computer as no address at all."""
        ip = ipaddress.ip_address(address) if address else ipaddress.ip_address("127.0.0.1")
        return any(ip in network for network in self.trusted_proxies)


def _with_method(user: User, method: str) -> User:
    return User(user.name, user.role, user.street, user.display_name, method)


def hash_password(password: str) -> str:
    """An argon2id hash for the access file (`python -m knockboard hash-password`)."""
    return _hasher.hash(password)


def _users(raw: dict, where: str) -> dict:
    users = {}
    for name, entry in raw.items():
        if not isinstance(entry, dict):
            raise AccessError(f"{where}: [users.{name}] must be a table with role = ...")
        role = entry.get("role")
        if role not in ROLES:
            raise AccessError(f"{where}: user {name!r} has role {role!r}; roles are {', '.join(ROLES)}")
        street = entry.get("street") or None
        if role == "clerk" and street is None:
            raise AccessError(f'{where}: user {name!r} is a clerk, and a clerk needs street = "..."')
        password = entry.get("password")
        if password is not None and not str(password).startswith("$argon2"):
            raise AccessError(
                f"{where}: user {name!r}: password must be an argon2 hash "
                "(python -m knockboard hash-password), never the password itself"
            )
        users[str(name)] = (User(str(name), role, street, entry.get("display_name")), password)
    return users


def _networks(entries: list, where: str) -> tuple:
    try:
        return tuple(ipaddress.ip_network(str(e), strict=False) for e in entries)
    except ValueError as e:
        raise AccessError(f"{where}: trusted_proxies: {e}") from None


def parse(text: str, where: str = "access.toml", oidc_configured: bool = False) -> Access:
    """The access settings from the file's text. The mode is the one the file names; without one,
    st.login when Streamlit's [auth] secrets are set, else local accounts when there are any."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise AccessError(f"{where}: {e}") from None
    sign_in, privacy = raw.get("sign_in", {}), raw.get("privacy", {})
    users = _users(raw.get("users", {}), where)
    mode = sign_in.get("mode") or ("oidc" if oidc_configured else "local" if users else "open")
    if mode not in MODES:
        raise AccessError(f"{where}: sign_in.mode is {mode!r}; modes are {', '.join(MODES)}")
    proxies = _networks(sign_in.get("trusted_proxies", []), where)
    if mode == "header" and not proxies:
        raise AccessError(f"{where}: header sign-in needs trusted_proxies, the reverse proxy's addresses")
    if mode == "oidc" and not oidc_configured:
        raise AccessError(f"{where}: sign_in.mode is oidc but .streamlit/secrets.toml has no [auth] section")
    return Access(
        mode=mode,
        users=users,
        header=sign_in.get("header", "X-Remote-User"),
        trusted_proxies=proxies,
        oidc_claim=sign_in.get("oidc_claim", "email"),
        oidc_provider=sign_in.get("oidc_provider"),
        max_failures=int(sign_in.get("max_failures", 5)),
        lockout_seconds=int(sign_in.get("lockout_seconds", 300)),
        session_hours=float(sign_in.get("session_hours", 8)),
        small_cell=int(privacy.get("small_cell_households", DEFAULT_SMALL_CELL)),
        path=where,
    )


def load(oidc_configured: bool = False) -> Access:
    """The deployment's access settings; an open deployment when there is no access file."""
    path = access_path()
    if not path.exists():
        return Access(mode="oidc" if oidc_configured else "open", users={}, path=None)
    return parse(path.read_text(encoding="utf-8"), str(path), oidc_configured)
