"""The embedded store's repositories: articles and reviews, accounts, the audit trail.

They share the store's SQLite file (schema: `store/sqlite.py`, m002, m003, m007, m008) and
its per-thread connections, so they are safe from many threads; `BEGIN IMMEDIATE` makes
each change one writer's at a time, across processes too, which keeps the audit chain one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from ..accounts import User
from ..audit import GENESIS, HEAD_KEY, AuditEntry, Head, canonical, entry_hash
from ..errors import NotFound, StoreError
from .articles import ArticleRecord, ArticleVersion
from .base import AuditEvent, Comment, Edit, ReviewFields, now_iso
from .sqlite import SQLiteStore

T = TypeVar("T")
_COLUMNS = (
    "article_id, question, query, parent_id, thread_id, status, submitted_at,"
    " review_started_at, approved_at, created_at, updated_at"
)
_ALL_COLUMNS = _COLUMNS + ", identifiers_removed, identifiers_present"
_REVIEW_COLUMNS = (
    "status, submitted_at, review_started_at, approved_at, reviewer, approved_by,"
    " approved_version, review_reason"
)
_PUBLIC = "identifiers_present = 0"  # what anonymous visitors may see
_MAX_ROWS = 2**62  # an offset beyond what SQLite holds is clamped, never an OverflowError
_AUDIT_FIELDS = "seq, at, actor, action, target, detail, prev_hash, hash"
_LATEST = (
    "SELECT version, audience, body FROM article_versions WHERE article_id = ?"
    " ORDER BY version DESC, audience = 'clinician' DESC LIMIT 1"
)


def append_audit(db: sqlite3.Connection, event: AuditEvent) -> None:
    """Chain an entry inside the caller's open transaction (so it lands with the change),
    and record the chain's new head beside it."""
    last = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (1, GENESIS) if last is None else (int(last[0]) + 1, str(last[1]))
    at, body = now_iso(), canonical(event.detail or {})
    digest = entry_hash(prev, seq, at, event.actor, event.action, event.target, body)
    db.execute(
        "INSERT INTO audit VALUES (?,?,?,?,?,?,?,?)",
        (seq, at, event.actor, event.action, event.target, body, prev, digest),
    )
    db.execute(
        "INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (HEAD_KEY, canonical({"entries": seq, "hash": digest})),
    )


class SQLiteArticleChange:
    def __init__(self, db: sqlite3.Connection, article_id: str, review: ReviewFields) -> None:
        self.db = db
        self.article_id = article_id
        self.review = review

    def latest(self) -> tuple[int, str, str] | None:
        row = self.db.execute(_LATEST, (self.article_id,)).fetchone()
        return None if row is None else (int(row[0]), str(row[1]), str(row[2]))

    def add_version(self, version: int, audience: str, body: str, generation: int) -> bool:
        inserted = self.db.execute(
            "INSERT OR IGNORE INTO article_versions VALUES (?,?,?,?,?,?)",
            (self.article_id, version, audience, generation, now_iso(), body),
        ).rowcount
        return bool(inserted)

    def write_review(self, fields: ReviewFields) -> None:
        self.db.execute(
            "UPDATE articles SET status = ?, submitted_at = ?, review_started_at = ?,"
            " approved_at = ?, reviewer = ?, approved_by = ?, approved_version = ?,"
            " review_reason = ? WHERE article_id = ?",
            (*_review_values(fields), self.article_id),
        )
        self.review = fields

    def touch(self) -> None:
        self.db.execute(
            "UPDATE articles SET updated_at = ? WHERE article_id = ?", (now_iso(), self.article_id)
        )

    def add_comment(self, comment: Comment) -> None:
        self.db.execute(
            "INSERT INTO review_comments (article_id, version, statement, username,"
            " body, created_at) VALUES (?,?,?,?,?,?)",
            (
                self.article_id,
                comment.version,
                comment.statement,
                comment.username,
                comment.body,
                comment.created_at,
            ),  # fmt: skip
        )

    def add_edit(self, edit: Edit) -> None:
        self.db.execute(
            "INSERT INTO statement_edits (article_id, from_version, to_version,"
            " statement, old_text, new_text, verdict, username, created_at)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (
                self.article_id,
                edit.from_version,
                edit.to_version,
                edit.statement,
                edit.old_text,
                edit.new_text,
                edit.verdict,
                edit.username,
                edit.created_at,
            ),  # fmt: skip
        )

    def audit(self, event: AuditEvent) -> None:
        append_audit(self.db, event)


class SQLiteArticles:
    """`ArticleRepository` on the embedded store's SQLite file."""

    def __init__(self, sql: SQLiteStore) -> None:
        self.sql = sql

    def get(self, article_id: str) -> ArticleRecord | None:
        row = self.sql.db.execute(
            f"SELECT {_ALL_COLUMNS} FROM articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return None if row is None else ArticleRecord.from_row(row)

    def create(self, record: ArticleRecord) -> None:
        values = tuple(getattr(record, name.strip()) for name in _COLUMNS.split(","))
        extra = (",".join(record.identifiers_removed), int(record.identifiers_present))
        with self.sql.transaction() as db:
            db.execute(
                f"INSERT OR IGNORE INTO articles ({_ALL_COLUMNS}) VALUES ({','.join('?' * 13)})",
                (*values, *extra),
            )

    def note_removed(self, article_id: str, kinds: tuple[str, ...]) -> None:
        with self.sql.transaction() as db:
            row = db.execute(
                "SELECT identifiers_removed FROM articles WHERE article_id = ?", (article_id,)
            ).fetchone()
            held = tuple(k for k in str(row[0] if row else "").split(",") if k)
            if row is None or set(kinds) <= set(held):
                return
            merged = ",".join(dict.fromkeys((*held, *kinds)))
            db.execute(
                "UPDATE articles SET identifiers_removed = ? WHERE article_id = ?",
                (merged, article_id),
            )

    @contextmanager
    def change(self, article_id: str) -> Iterator[SQLiteArticleChange]:
        with self.sql.transaction() as db:
            row = db.execute(
                f"SELECT {_REVIEW_COLUMNS} FROM articles WHERE article_id = ?", (article_id,)
            ).fetchone()
            if row is None:
                raise NotFound(f"no article {article_id!r}")
            yield SQLiteArticleChange(db, article_id, ReviewFields(*row))

    def versions(self, article_id: str) -> list[ArticleVersion]:
        rows = self.sql.db.execute(
            "SELECT article_id, version, audience, generation, created_at FROM article_versions"
            " WHERE article_id = ? ORDER BY version, created_at",
            (article_id,),
        )
        return [ArticleVersion(*row) for row in rows]

    def body(self, article_id: str, version: int, audience: str) -> str | None:
        row = self.sql.db.execute(
            "SELECT body FROM article_versions WHERE article_id = ? AND version = ?"
            " AND audience = ?",
            (article_id, version, audience),
        ).fetchone()
        return None if row is None else str(row[0])

    def latest(self, limit: int, offset: int = 0, *, public: bool = False) -> list[ArticleRecord]:
        where = f"WHERE {_PUBLIC}" if public else ""
        rows = self.sql.db.execute(
            f"SELECT {_ALL_COLUMNS} FROM articles {where} ORDER BY updated_at DESC, rowid DESC"
            " LIMIT ? OFFSET ?",
            (min(limit, _MAX_ROWS), min(offset, _MAX_ROWS)),
        )
        return [ArticleRecord.from_row(row) for row in rows]

    def thread(self, thread_id: str, *, public: bool = False) -> list[ArticleRecord]:
        where = f" AND {_PUBLIC}" if public else ""
        rows = self.sql.db.execute(
            f"SELECT {_ALL_COLUMNS} FROM articles WHERE thread_id = ?{where}"
            " ORDER BY created_at, rowid",
            (thread_id,),
        )
        return [ArticleRecord.from_row(row) for row in rows]

    def count(self, *, public: bool = False) -> int:
        where = f" WHERE {_PUBLIC}" if public else ""
        return int(self.sql.db.execute(f"SELECT count(*) FROM articles{where}").fetchone()[0])

    def review(self, article_id: str) -> ReviewFields | None:
        row = self.sql.db.execute(
            f"SELECT {_REVIEW_COLUMNS} FROM articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return None if row is None else ReviewFields(*row)

    def queue(self, status: str | None, limit: int) -> list[str]:
        where, params = ("WHERE status = ?", [status]) if status else ("", [])
        rows = self.sql.db.execute(
            f"SELECT article_id FROM articles {where} ORDER BY updated_at DESC LIMIT ?",
            (*params, min(limit, _MAX_ROWS)),
        )
        return [str(row[0]) for row in rows]

    def comments(self, article_id: str) -> list[Comment]:
        rows = self.sql.db.execute(
            "SELECT version, statement, username, body, created_at FROM review_comments"
            " WHERE article_id = ? ORDER BY comment_id",
            (article_id,),
        )
        return [Comment(*row) for row in rows]

    def edits(self, article_id: str) -> list[Edit]:
        rows = self.sql.db.execute(
            "SELECT from_version, to_version, statement, old_text, new_text, verdict, username,"
            " created_at FROM statement_edits WHERE article_id = ? ORDER BY edit_id",
            (article_id,),
        )
        return [Edit(*row) for row in rows]

    def approved(self) -> list[tuple[str, str]]:
        rows = self.sql.db.execute(
            "SELECT a.article_id, v.body FROM articles a JOIN article_versions v"
            " ON v.article_id = a.article_id AND v.version = a.approved_version"
            " WHERE a.status = 'approved' ORDER BY a.article_id, v.audience"
        ).fetchall()
        return [(str(a), str(b)) for a, b in rows]


class SQLiteAccounts:
    """`AccountRepository` on the embedded store's SQLite file."""

    def __init__(self, sql: SQLiteStore) -> None:
        self.sql = sql

    def add(self, user: User, password_hash: str, event: AuditEvent) -> bool:
        with self.sql.transaction() as db:
            if db.execute("SELECT 1 FROM users WHERE username = ?", (user.username,)).fetchone():
                return False
            db.execute(
                "INSERT INTO users VALUES (?,?,?,?,0,NULL,?)",
                (user.username, user.display_name, user.role, password_hash, user.created_at),
            )
            append_audit(db, event)
        return True

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

    def password(self, username: str) -> tuple[str, str | None] | None:
        row = self.sql.db.execute(
            "SELECT password_hash, locked_until FROM users WHERE username = ?", (username,)
        ).fetchone()
        return None if row is None else (str(row[0]), row[1])

    def count_failure(self, username: str, limit: int, locked_until: str) -> int:
        with self.sql.transaction() as db:
            row = db.execute(
                "UPDATE users SET failed_logins = failed_logins + 1 WHERE username = ?"
                " RETURNING failed_logins",
                (username,),
            ).fetchone()
            failures = 0 if row is None else int(row[0])
            if failures >= limit:
                db.execute(
                    "UPDATE users SET failed_logins = 0, locked_until = ? WHERE username = ?",
                    (locked_until, username),
                )
        return failures

    def open_session(
        self, username: str, token_hash: str, csrf: str, expires_at: str, event: AuditEvent
    ) -> None:
        with self.sql.transaction() as db:
            db.execute(
                "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE username = ?",
                (username,),
            )
            db.execute("DELETE FROM sessions WHERE expires_at < ?", (now_iso(),))
            db.execute(
                "INSERT INTO sessions VALUES (?,?,?,?,?)",
                (token_hash, username, csrf, now_iso(), expires_at),
            )
            append_audit(db, event)

    def session(self, token_hash: str) -> tuple[str, str] | None:
        row = self.sql.db.execute(
            "SELECT username, csrf_token FROM sessions WHERE token_hash = ? AND expires_at > ?",
            (token_hash, now_iso()),
        ).fetchone()
        return None if row is None else (str(row[0]), str(row[1]))

    def end_session(self, token_hash: str) -> str | None:
        with self.sql.transaction() as db:
            row = db.execute(
                "DELETE FROM sessions WHERE token_hash = ? RETURNING username", (token_hash,)
            ).fetchone()
        return None if row is None else str(row[0])


class SQLiteAudit:
    """`AuditRepository` on the embedded store's SQLite file."""

    def __init__(self, sql: SQLiteStore) -> None:
        self.sql = sql

    def append(self, event: AuditEvent) -> None:
        with self.sql.transaction() as db:
            append_audit(db, event)

    def entries(self, limit: int | None = None, offset: int = 0) -> list[AuditEntry]:
        rows = _reading(
            lambda: self.sql.db.execute(
                f"SELECT {_AUDIT_FIELDS} FROM audit ORDER BY seq LIMIT ? OFFSET ?",
                (-1 if limit is None else limit, offset),
            ).fetchall()
        )
        return [AuditEntry(*row) for row in rows]

    def entry(self, seq: int) -> AuditEntry | None:
        row = _reading(
            lambda: self.sql.db.execute(
                f"SELECT {_AUDIT_FIELDS} FROM audit WHERE seq = ?", (seq,)
            ).fetchone()
        )
        return None if row is None else AuditEntry(*row)

    def head(self) -> Head:
        row = _reading(
            lambda: self.sql.db.execute(
                "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"
            ).fetchone()
        )
        return Head(0, GENESIS) if row is None else Head(int(row[0]), str(row[1]))

    def recorded_head(self) -> Head | None:
        value = _reading(lambda: self.sql.get_meta(HEAD_KEY))
        return None if value is None else Head(**json.loads(value))


def _reading(read: Callable[[], T]) -> T:
    """A read of the audit table; a missing or broken table is a StoreError."""
    try:
        return read()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"the audit trail cannot be read: {exc}") from exc


def _edit_values(edit: Edit) -> tuple[object, ...]:
    return (
        edit.from_version,
        edit.to_version,
        edit.statement,
        edit.old_text,
        edit.new_text,
        edit.verdict,
        edit.username,
        edit.created_at,
    )


def _review_values(fields: ReviewFields) -> tuple[object, ...]:
    return (
        fields.status,
        fields.submitted_at,
        fields.review_started_at,
        fields.approved_at,
        fields.reviewer,
        fields.approved_by,
        fields.approved_version,
        fields.reason,
    )
