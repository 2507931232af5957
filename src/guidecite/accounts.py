"""Accounts of the review board: users with a role, argon2 password hashes, sessions.

    accounts = Accounts(sql)
    accounts.add("alice", "Dr Alice Smith", "reviewer", "a long passphrase", actor="admin")
    session = accounts.login("alice", "a long passphrase", previous_token=None)
    user = accounts.user_for(session.token)          # None when expired or unknown

Roles: reviewer (takes, comments, approves, requests changes), editor (the same, and edits
statements), admin (accounts and the audit trail). A reader who is not signed in only reads.
Sessions live in SQLite: the cookie holds a random token, the table only its sha256. Each
login makes a new token and ends the one the browser presented (no session fixation).
After MAX_FAILED_LOGINS wrong passwords in a row an account is locked for LOCKOUT_MINUTES.
Logins, failures, lock-outs and account changes go to the audit trail.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from . import audit
from .errors import InputError, NotSignedIn
from .store.sqlite import SQLiteStore, now_iso

REVIEWER, EDITOR, ADMIN = "reviewer", "editor", "admin"
ROLES = (REVIEWER, EDITOR, ADMIN)
MAX_FAILED_LOGINS = 5
LOCKOUT_MINUTES = 15
SESSION_HOURS = 8
MIN_PASSWORD_CHARS = 12
_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")
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
    def __init__(self, sql: SQLiteStore) -> None:
        self.sql = sql

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
        stamp = now_iso()
        with self.sql.transaction() as db:
            if db.execute("SELECT 1 FROM users WHERE username = ?", (username,)).fetchone():
                raise InputError(f"the user {username!r} exists")
            db.execute(
                "INSERT INTO users VALUES (?,?,?,?,0,NULL,?)",
                (username, name, role, _HASHER.hash(password), stamp),
            )
            audit.append(db, actor, "user.add", username, {"role": role, "name": name})
        return User(username, name, role, stamp)

    def get(self, username: str) -> User | None:
        row = self.sql.db.execute(
            "SELECT username, display_name, role, created_at FROM users WHERE username = ?",
            (username,),
        ).fetchone()
        return None if row is None else User(*row)

    def list(self) -> list[User]:
        rows = self.sql.db.execute(
            "SELECT username, display_name, role, created_at FROM users ORDER BY username"
        )
        return [User(*row) for row in rows]

    def login(self, username: str, password: str, previous_token: str | None = None) -> Session:
        """A new session, or NotSignedIn with the same message for every reason.

        Every refusal costs the same work, so that its time does not tell them apart: one
        argon2 verification (of the account's hash, or of a dummy one for an unknown name,
        even for a locked account) and one audited transaction."""
        refused = NotSignedIn("wrong user name or password, or the account is locked")
        if previous_token:
            self.logout(previous_token, audit_it=False)
        row = self.sql.db.execute(
            "SELECT password_hash, failed_logins, locked_until FROM users WHERE username = ?",
            (username,),
        ).fetchone()
        if row is None:
            _check(_DUMMY_HASH, password)
            self._audit("anonymous", "login.failed", username[:64], {"reason": "unknown user"})
            raise refused
        stored, failed, locked_until = row
        if locked_until and locked_until > now_iso():
            _check(stored, password)  # the same work as a wrong password; never lets in
            self._audit(username, "login.failed", username, {"reason": "locked"})
            raise refused
        if not _check(stored, password):
            self._failed(username, int(failed) + 1)
            raise refused
        return self._open_session(username)

    def _failed(self, username: str, failed: int) -> None:
        locked = failed >= MAX_FAILED_LOGINS
        with self.sql.transaction() as db:
            db.execute(
                "UPDATE users SET failed_logins = ?, locked_until = ? WHERE username = ?",
                (0 if locked else failed, _later(LOCKOUT_MINUTES) if locked else None, username),
            )
            audit.append(db, username, "login.failed", username, {"failures": failed})
            if locked:
                audit.append(db, "system", "login.locked", username, {"minutes": LOCKOUT_MINUTES})

    def _open_session(self, username: str) -> Session:
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        with self.sql.transaction() as db:
            db.execute(
                "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE username = ?",
                (username,),
            )
            db.execute("DELETE FROM sessions WHERE expires_at < ?", (now_iso(),))
            db.execute(
                "INSERT INTO sessions VALUES (?,?,?,?,?)",
                (_token_hash(token), username, csrf, now_iso(), _later(SESSION_HOURS * 60)),
            )
            audit.append(db, username, "login.ok", username)
        user = self.get(username)
        assert user is not None
        return Session(token, csrf, user)

    def session(self, token: str | None) -> Session | None:
        """The live session of a cookie's token, or None."""
        if not token:
            return None
        row = self.sql.db.execute(
            "SELECT username, csrf_token FROM sessions WHERE token_hash = ? AND expires_at > ?",
            (_token_hash(token), now_iso()),
        ).fetchone()
        user = None if row is None else self.get(row[0])
        return None if user is None else Session(token, row[1], user)

    def logout(self, token: str, audit_it: bool = True) -> None:
        with self.sql.transaction() as db:
            row = db.execute(
                "SELECT username FROM sessions WHERE token_hash = ?", (_token_hash(token),)
            ).fetchone()
            db.execute("DELETE FROM sessions WHERE token_hash = ?", (_token_hash(token),))
            if row is not None and audit_it:
                audit.append(db, row[0], "logout", row[0])

    def _audit(self, actor: str, action: str, target: str, detail: dict[str, object]) -> None:
        with self.sql.transaction() as db:
            audit.append(db, actor, action, target, detail)


def _check(stored: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False
