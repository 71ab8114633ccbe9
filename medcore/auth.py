"""Who may do what: access modes, users and roles, local accounts.

Local mode (the default): the server listens on 127.0.0.1 only, so the one person at this computer is
the only user; there is no sign-in and that user has every role. Shared mode (any other bind address,
or MEDCORE_AUTH set): everyone signs in, with a local account (an argon2 hash in the database) or
through an OIDC provider configured for Streamlit's st.login.

Roles: a student uses the teaching tools, a clinician every clinical tool, an admin also the Model lab
(training, activating models, the audit log, feedback, users). The checks live here and in the store,
so a page that forgets one still cannot act beyond the user's role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from medcore.errors import DomainError

ROLES = ("student", "clinician", "admin")
AUTH_MODES = ("", "accounts", "oidc")
STUDENT_TOOLS = frozenset({"cases", "triage", "knowledge", "qa", "literature"})  # students read papers too
# Which tool each kind of saved work belongs to; a user may only save or read work of tools they can use.
WORK_TOOL = {"summary": "records", "handoff": "therapy", "plan": "therapy", "chat": "triage", "case": "cases",
             "image_batch": "imaging", "paper": "literature", "reading": "literature", "qa": "qa"}
_LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
# \Z, not $: "$" also matches before a final newline, so "alice\n" was a second, look-alike account
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}\Z")
# Names no account may take: "local" is the folder the local user and the system (CLI) keep their image imports in
# (imaging.imports), so an account of that name would see them. Compared case-folded (a case-blind file system).
RESERVED_NAMES = frozenset({"local"})


class AccessDenied(PermissionError):
    """The signed-in user may not do this; the message says why, for the person."""


class AuthError(DomainError):
    """Sign-in or account management failed; the message is for the person."""


@dataclass(frozen=True)
class User:
    name: str
    role: str
    local: bool = False  # the single user of local mode

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def local_user(name: str = "local") -> User:
    return User(name or "local", "admin", local=True)


# The system itself (the CLI, workers, evals, tests): every role, sees everything, as the store's principal None does.
# Services that a page calls take a required `user`; the page passes its signed-in user, everything else SYSTEM, so
# a forgotten user is an error, never a silent "allow everything". "_system" cannot be an account's name (_NAME).
SYSTEM = User("_system", "admin", local=True)


def access_mode(auth: str, bind_address: str | None) -> str:
    """'local', 'accounts' or 'oidc'. A server reachable from other machines without sign-in is refused."""
    if auth not in AUTH_MODES:
        raise AuthError(f"MEDCORE_AUTH={auth!r}: choose accounts or oidc (or leave it unset for local mode)")
    if auth:
        return auth
    if (bind_address or "").strip().lower() in _LOOPBACK:
        return "local"
    where = bind_address or "every network interface (server.address is not set)"
    raise AuthError(f"This server listens on {where} but has no sign-in. Set MEDCORE_AUTH=accounts (and add "
                    "users with `python -m medcore users add NAME --role R`), or bind it to 127.0.0.1.")


def is_user_name(name: str) -> bool:
    """A name an account (or a trusted provider claim) may carry: it owns work and appears in the audit log."""
    return bool(_NAME.match(name or "")) and (name or "").casefold() not in RESERVED_NAMES


# ---- permissions ------------------------------------------------------------------------------------
def can_use_tool(user: User, tool: str) -> bool:
    if tool == "lab":
        return user.is_admin
    # a known role only: a user with none (not signed in, ui.auth.ANONYMOUS) may use no tool, not even a student's
    return user.role in ("clinician", "admin") or (user.role == "student" and tool in STUDENT_TOOLS)


def require_tool(user: User, tool: str) -> None:
    if not can_use_tool(user, tool):
        what = "the Model lab" if tool == "lab" else f"the {tool} tool"
        raise AccessDenied(f"{user.name} ({user.role}) may not use {what}.")


def check_tool(user: User, tool: str) -> None:
    """A service's own role check, at the entry point a page calls (so a page that forgets its check still
    cannot act beyond the role). There is no "no user": the CLI, workers, evals and tests pass SYSTEM, so a caller
    that leaves the user out is refused instead of being trusted."""
    if not isinstance(user, User):
        raise AccessDenied(f"No user was given for the {tool} tool: a page passes its signed-in user, the system "
                           "(CLI, workers, evals) passes medcore.auth.SYSTEM.")
    require_tool(user, tool)


def require_admin(user: User, doing: str = "do that") -> None:
    if not user.is_admin:
        raise AccessDenied(f"Only an admin may {doing}; {user.name} is a {user.role}.")


def require_work_kind(user: User, kind: str) -> None:
    """Fails closed: a kind of work no tool owns cannot be saved, so a new page cannot skip the role check
    by naming its work differently (the image page once saved 'image_batch' while this table said 'images')."""
    tool = WORK_TOOL.get(kind)
    if tool is None:
        raise AccessDenied(f"{kind!r} is not a kind of work any tool saves.")
    require_tool(user, tool)


def may_see_owner(user: User, owner: str) -> bool:
    """Saved work and hand-offs: the owner only. In local mode everything belongs to the one user."""
    return user.local or owner == user.name


# ---- passwords ----------------------------------------------------------------------------------------
def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()


def hash_password(password: str) -> str:
    if len(password) < 8:
        raise AuthError("A password needs at least 8 characters.")
    return _hasher().hash(password)


def verify_password(stored: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    try:
        return _hasher().verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


# A fixed hash to verify against when the name is unknown, so a wrong name and a wrong password take
# the same time and give the same answer.
_DUMMY: dict[str, str] = {}


def _dummy_hash() -> str:
    if "h" not in _DUMMY:
        _DUMMY["h"] = _hasher().hash("not-a-real-password")
    return _DUMMY["h"]


# ---- accounts (in the store's database) ---------------------------------------------------------------
def _check_role(role: str) -> str:
    if role not in ROLES:
        raise AuthError(f"role {role!r}: choose one of {', '.join(ROLES)}")
    return role


def add_user(store, name: str, password: str, role: str) -> None:
    from medcore.store_schema import Account

    if not _NAME.match(name or ""):
        raise AuthError("A user name is 1-64 letters, digits or . _ @ - and starts with a letter or digit.")
    if name.casefold() in RESERVED_NAMES:
        raise AuthError(f"{name!r} is reserved (the local user's and the system's own name); choose another name.")
    _check_role(role)
    digest = hash_password(password)
    with store.session() as s:
        if s.query(Account).filter_by(name=name).first() is not None:
            raise AuthError(f"user {name} already exists")
        s.add(Account(name=name, role=role, password_hash=digest))
    store.audit("add_user", tool="auth", object_type="user", object_id=name, kind=role)


def list_users(store) -> list[dict[str, Any]]:
    from medcore.store_schema import Account

    with store.session() as s:
        return [{"name": a.name, "role": a.role, "disabled": bool(a.disabled), "created": a.created,
                 "last_login": a.last_login} for a in s.query(Account).order_by(Account.name)]


def _update(store, name: str, **changes) -> None:
    from medcore.store_schema import Account

    with store.session() as s:
        row = s.query(Account).filter_by(name=name).first()
        if row is None:
            raise AuthError(f"no user {name}")
        for k, v in changes.items():
            setattr(row, k, v)


def set_role(store, name: str, role: str) -> None:
    _update(store, name, role=_check_role(role))
    store.audit("set_role", tool="auth", object_type="user", object_id=name, kind=role)


def set_password(store, name: str, password: str) -> None:
    _update(store, name, password_hash=hash_password(password))
    store.audit("set_password", tool="auth", object_type="user", object_id=name)


def disable_user(store, name: str, disabled: bool = True) -> None:
    _update(store, name, disabled=disabled)
    store.audit("disable_user" if disabled else "enable_user", tool="auth", object_type="user", object_id=name)


MAX_FAILURES = 5  # wrong passwords for one name within LOCKOUT_MIN before sign-in pauses for that name
LOCKOUT_MIN = 10


def _recent_failures(store, name: str) -> int:
    from datetime import timedelta

    from sqlalchemy import func, select

    from medcore.store_schema import AuditEvent, utcnow

    since = utcnow() - timedelta(minutes=LOCKOUT_MIN)
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "sign_in_failed", AuditEvent.object_id == name[:64], AuditEvent.ts >= since))


def authenticate(store, name: str, password: str) -> User:
    """The user for a name and password; AuthError (one message for every failure) otherwise."""
    from medcore.store_schema import Account, utcnow

    if _recent_failures(store, name or "") >= MAX_FAILURES:  # password guessing is slowed to a trickle
        raise AuthError(f"Too many failed sign-ins for this name; try again in {LOCKOUT_MIN} minutes.")
    with store.session() as s:
        row = s.query(Account).filter_by(name=name or "").first()
        ok = verify_password(row.password_hash if row else _dummy_hash(), password or "")
        if row is None or not ok or row.disabled:
            store.audit("sign_in_failed", tool="auth", object_type="user", object_id=(name or "")[:64])
            raise AuthError("Unknown user name or wrong password (or the account is disabled).")
        row.last_login = utcnow()
        user = User(row.name, row.role)
    store.audit("sign_in", tool="auth", user=user.name)
    return user


def account_user(store, name: str) -> User | None:
    """The enabled account of this name (OIDC sign-in maps a verified e-mail to an account this way)."""
    from medcore.store_schema import Account

    with store.session() as s:
        row = s.query(Account).filter_by(name=name).first()
        return None if row is None or row.disabled else User(row.name, row.role)
