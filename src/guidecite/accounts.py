"""Accounts of the review board: users with a role, argon2 password hashes, sessions.

    accounts = Accounts(backend.accounts, backend.audit)   # repositories: store/base.py
    accounts.add("alice", "Dr Alice Smith", "reviewer", "a long passphrase", actor="admin")
    session = accounts.login("alice", "a long passphrase", previous_token=None)
    user = accounts.user_for(session.token)          # None when expired or unknown

Roles: reviewer (takes, comments, approves, requests changes), editor (the same, and edits
statements), admin (accounts and the audit trail). A reader who is not signed in only reads.
Sessions live in the store (SQLite, or PostgreSQL shared by every replica): the cookie holds a
random token, the table only its sha256. Each
login makes a new token and ends the one the browser presented (no session fixation).
After MAX_FAILED_LOGINS wrong passwords in a row an account is locked for LOCKOUT_MINUTES
(counted atomically by the repository, so replicas share one count).
Logins, failures, lock-outs and account changes go to the audit trail.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from .errors import InputError, NotSignedIn
from .store.base import AuditEvent, now_iso

if TYPE_CHECKING:
    from .store.base import AccountRepository, AuditRepository

REVIEWER, EDITOR, ADMIN = "reviewer", "editor", "admin"
ROLES = (REVIEWER, EDITOR, ADMIN)
MAX_FAILED_LOGINS = 5
LOCKOUT_MINUTES = 15
SESSION_HOURS = 8
MIN_PASSWORD_CHARS = 12
_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_HASHER = PasswordHasher()
#: Checked against when the user does not exist, so that a wrong name takes as long.
_DUMMY_HASH = _HASHER.hash("not a password of anyone")


@dataclass(frozen=True)
class User:
    username: str
    display_name: str
    role: str
    created_at: str


@dataclass(frozen=True)
class Session:
    token: str  # the cookie's value; only its hash is stored
    csrf_token: str
    user: User


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _later(minutes: float) -> str:
    moment = datetime.now(UTC) + timedelta(minutes=minutes)
    return moment.replace(microsecond=0).isoformat()


class Accounts:
    def __init__(self, repository: AccountRepository, trail: AuditRepository) -> None:
        self.repository = repository
        self.trail = trail

    def add(
        self, username: str, display_name: str, role: str, password: str, actor: str = "cli"
    ) -> User:
        if not _USERNAME.fullmatch(username):
            raise InputError("a user name is 2-32 lower-case letters, digits, '.', '_' or '-'")
        if role not in ROLES:
            raise InputError(f"unknown role {role!r}; choose one of: {', '.join(ROLES)}")
        if len(password) < MIN_PASSWORD_CHARS:
            raise InputError(f"the password must have at least {MIN_PASSWORD_CHARS} characters")
        name = " ".join(display_name.split())[:100]
        if not name:
            raise InputError("the display name is empty")
        user = User(username, name, role, now_iso())
        event = AuditEvent(actor, "user.add", username, {"role": role, "name": name})
        if not self.repository.add(user, _HASHER.hash(password), event):
            raise InputError(f"the user {username!r} exists")
        return user

    def get(self, username: str) -> User | None:
        return self.repository.get(username)

    def list(self) -> list[User]:
        return self.repository.list()

    def login(self, username: str, password: str, previous_token: str | None = None) -> Session:
        """A new session, or NotSignedIn with the same message for every reason.

        Every refusal costs the same work, so that its time does not tell them apart: one
        argon2 verification (of the account's hash, or of a dummy one for an unknown name,
        even for a locked account) and one audited transaction."""
        refused = NotSignedIn("wrong user name or password, or the account is locked")
        if previous_token:
            self.logout(previous_token, audit_it=False)
        found = None if _CONTROL.search(username) else self.repository.password(username)
        if found is None:  # a name with a control character is no one's (NUL: PostgreSQL)
            _check(_DUMMY_HASH, password)
            shown = _CONTROL.sub("?", username[:64])
            self._audit("anonymous", "login.failed", shown, {"reason": "unknown user"})
            raise refused
        stored, locked_until = found
        if locked_until and locked_until > now_iso():
            _check(stored, password)  # the same work as a wrong password; never lets in
            self._audit(username, "login.failed", username, {"reason": "locked"})
            raise refused
        if not _check(stored, password):
            self._failed(username)
            raise refused
        return self._open_session(username)

    def _failed(self, username: str) -> None:
        failures = self.repository.count_failure(
            username, MAX_FAILED_LOGINS, _later(LOCKOUT_MINUTES)
        )
        self._audit(username, "login.failed", username, {"failures": failures})
        if failures >= MAX_FAILED_LOGINS:
            self._audit("system", "login.locked", username, {"minutes": LOCKOUT_MINUTES})

    def _open_session(self, username: str) -> Session:
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        self.repository.open_session(
            username,
            _token_hash(token),
            csrf,
            _later(SESSION_HOURS * 60),
            AuditEvent(username, "login.ok", username),
        )
        user = self.get(username)
        assert user is not None
        return Session(token, csrf, user)

    def session(self, token: str | None) -> Session | None:
        """The live session of a cookie's token, or None."""
        if not token:
            return None
        found = self.repository.session(_token_hash(token))
        user = None if found is None else self.get(found[0])
        return None if user is None or found is None else Session(token, found[1], user)

    def logout(self, token: str, audit_it: bool = True) -> None:
        username = self.repository.end_session(_token_hash(token))
        if username is not None and audit_it:
            self._audit(username, "logout", username, None)

    def _audit(
        self, actor: str, action: str, target: str, detail: dict[str, object] | None
    ) -> None:
        self.trail.append(AuditEvent(actor, action, target, detail))


def _check(stored: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False
