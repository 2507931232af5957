"""The PostgreSQL repositories: articles and reviews, accounts, the audit trail.

Shared by every replica, so each change is one transaction that holds what it changes:
an article's row (`SELECT ... FOR UPDATE`) while a review step or a new version is written,
the audit head's row in `meta` while an entry is chained (so concurrent writers on many
replicas make one chain), an account's row while a wrong password is counted.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg

from ..accounts import User
from ..audit import GENESIS, HEAD_KEY, AuditEntry, Head, canonical, entry_hash
from ..errors import NotFound, StoreError, StoreUnavailable
from .articles import ArticleRecord, ArticleVersion
from .base import AuditEvent, Comment, Edit, ReviewFields, now_iso
from .postgres import Database

_COLUMNS = (
    "article_id, question, query, parent_id, thread_id, status, submitted_at,"
    " review_started_at, approved_at, created_at, updated_at"
)
_ALL_COLUMNS = _COLUMNS + ", identifiers_removed, identifiers_present"
_REVIEW_COLUMNS = (
    "status, submitted_at, review_started_at, approved_at, reviewer, approved_by,"
    " approved_version, review_reason"
)
_PUBLIC = "NOT identifiers_present"
_MAX_ROWS = 2**62
_AUDIT_FIELDS = "seq, at, actor, action, target, detail, prev_hash, hash"

Cursor = psycopg.Cursor[Any]


def append_audit(cur: Cursor, event: AuditEvent) -> None:
    """Chain an entry inside the caller's transaction, holding the head's row meanwhile."""
    cur.execute("SELECT value FROM meta WHERE key = %s FOR UPDATE", (HEAD_KEY,))
    last = cur.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (1, GENESIS) if last is None else (int(last[0]) + 1, str(last[1]))
    at, body = now_iso(), canonical(event.detail or {})
    digest = entry_hash(prev, seq, at, event.actor, event.action, event.target, body)
    cur.execute(
        "INSERT INTO audit VALUES (%s,%s,%s,%s,%s,%s,%s,%s)",
        (seq, at, event.actor, event.action, event.target, body, prev, digest),
    )
    cur.execute(
        "UPDATE meta SET value = %s WHERE key = %s",
        (canonical({"entries": seq, "hash": digest}), HEAD_KEY),
    )


def _record(row: tuple[Any, ...]) -> ArticleRecord:
    return ArticleRecord.from_row(row)


class PgArticleChange:
    def __init__(self, cur: Cursor, article_id: str, review: ReviewFields) -> None:
        self.cur = cur
        self.article_id = article_id
        self.review = review

    def latest(self) -> tuple[int, str, str] | None:
        row = self.cur.execute(
            "SELECT version, audience, body FROM article_versions WHERE article_id = %s"
            " ORDER BY version DESC, audience = 'clinician' DESC, created_at LIMIT 1",
            (self.article_id,),
        ).fetchone()
        return None if row is None else (int(row[0]), str(row[1]), str(row[2]))

    def add_version(self, version: int, audience: str, body: str, generation: int) -> bool:
        inserted = self.cur.execute(
            "INSERT INTO article_versions VALUES (%s,%s,%s,%s,%s,%s) ON CONFLICT DO NOTHING",
            (self.article_id, version, audience, generation, now_iso(), body),
        ).rowcount
        return bool(inserted)

    def write_review(self, fields: ReviewFields) -> None:
        self.cur.execute(
            "UPDATE articles SET status = %s, submitted_at = %s, review_started_at = %s,"
            " approved_at = %s, reviewer = %s, approved_by = %s, approved_version = %s,"
            " review_reason = %s WHERE article_id = %s",
            (
                fields.status,
                fields.submitted_at,
                fields.review_started_at,
                fields.approved_at,
                fields.reviewer,
                fields.approved_by,
                fields.approved_version,
                fields.reason,
                self.article_id,
            ),
        )
        self.review = fields

    def touch(self) -> None:
        self.cur.execute(
            "UPDATE articles SET updated_at = %s WHERE article_id = %s",
            (now_iso(), self.article_id),
        )

    def add_comment(self, comment: Comment) -> None:
        self.cur.execute(
            "INSERT INTO review_comments (article_id, version, statement, username, body,"
            " created_at) VALUES (%s,%s,%s,%s,%s,%s)",
            (self.article_id, comment.version, comment.statement, comment.username)
            + (comment.body, comment.created_at),
        )

    def add_edit(self, edit: Edit) -> None:
        self.cur.execute(
            "INSERT INTO statement_edits (article_id, from_version, to_version, statement,"
            " old_text, new_text, verdict, username, created_at)"
            " VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s)",
            (self.article_id, edit.from_version, edit.to_version, edit.statement)
            + (edit.old_text, edit.new_text, edit.verdict, edit.username, edit.created_at),
        )

    def audit(self, event: AuditEvent) -> None:
        append_audit(self.cur, event)


class PgArticles:
    """`ArticleRepository` on PostgreSQL."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, article_id: str) -> ArticleRecord | None:
        with self.db.connection() as conn:
            row = conn.execute(
                f"SELECT {_ALL_COLUMNS} FROM articles WHERE article_id = %s", (article_id,)
            ).fetchone()
        return None if row is None else _record(row)

    def create(self, record: ArticleRecord) -> None:
        values = tuple(getattr(record, name.strip()) for name in _COLUMNS.split(","))
        extra = (",".join(record.identifiers_removed), bool(record.identifiers_present))
        with self.db.transaction() as cur:
            cur.execute(
                f"INSERT INTO articles ({_ALL_COLUMNS}) VALUES ({','.join(['%s'] * 13)})"
                " ON CONFLICT (article_id) DO NOTHING",
                (*values, *extra),
            )

    def note_removed(self, article_id: str, kinds: tuple[str, ...]) -> None:
        with self.db.transaction() as cur:
            row = cur.execute(
                "SELECT identifiers_removed FROM articles WHERE article_id = %s FOR UPDATE",
                (article_id,),
            ).fetchone()
            if row is None:
                return
            held = tuple(k for k in str(row[0] or "").split(",") if k)
            if set(kinds) <= set(held):
                return
            cur.execute(
                "UPDATE articles SET identifiers_removed = %s WHERE article_id = %s",
                (",".join(dict.fromkeys((*held, *kinds))), article_id),
            )

    @contextmanager
    def change(self, article_id: str) -> Iterator[PgArticleChange]:
        with self.db.transaction() as cur:
            row = cur.execute(
                f"SELECT {_REVIEW_COLUMNS} FROM articles WHERE article_id = %s FOR UPDATE",
                (article_id,),
            ).fetchone()
            if row is None:
                raise NotFound(f"no article {article_id!r}")
            yield PgArticleChange(cur, article_id, ReviewFields(*row))

    def versions(self, article_id: str) -> list[ArticleVersion]:
        with self.db.connection() as conn:
            rows = conn.execute(
                "SELECT article_id, version, audience, generation, created_at"
                " FROM article_versions WHERE article_id = %s ORDER BY version, created_at",
                (article_id,),
            ).fetchall()
        return [ArticleVersion(a, int(v), au, int(g), c) for a, v, au, g, c in rows]

    def body(self, article_id: str, version: int, audience: str) -> str | None:
        with self.db.connection() as conn:
            row = conn.execute(
                "SELECT body FROM article_versions WHERE article_id = %s AND version = %s"
                " AND audience = %s",
                (article_id, version, audience),
            ).fetchone()
        return None if row is None else str(row[0])

    def latest(self, limit: int, offset: int = 0, *, public: bool = False) -> list[ArticleRecord]:
        where = f"WHERE {_PUBLIC}" if public else ""
        with self.db.connection() as conn:
            rows = conn.execute(
                f"SELECT {_ALL_COLUMNS} FROM articles {where}"
                " ORDER BY updated_at DESC, seq DESC LIMIT %s OFFSET %s",
                (min(limit, _MAX_ROWS), min(offset, _MAX_ROWS)),
            ).fetchall()
        return [_record(row) for row in rows]

    def thread(self, thread_id: str, *, public: bool = False) -> list[ArticleRecord]:
        where = f" AND {_PUBLIC}" if public else ""
        with self.db.connection() as conn:
            rows = conn.execute(
                f"SELECT {_ALL_COLUMNS} FROM articles WHERE thread_id = %s{where}"
                " ORDER BY created_at, seq",
                (thread_id,),
            ).fetchall()
        return [_record(row) for row in rows]

    def count(self, *, public: bool = False) -> int:
        where = f" WHERE {_PUBLIC}" if public else ""
        with self.db.connection() as conn:
            row = conn.execute(f"SELECT count(*) FROM articles{where}").fetchone()
        return int(row[0]) if row else 0

    def review(self, article_id: str) -> ReviewFields | None:
        with self.db.connection() as conn:
            row = conn.execute(
                f"SELECT {_REVIEW_COLUMNS} FROM articles WHERE article_id = %s", (article_id,)
            ).fetchone()
        return None if row is None else ReviewFields(*row)

    def queue(self, status: str | None, limit: int) -> list[str]:
        where, params = ("WHERE status = %s", [status]) if status else ("", [])
        with self.db.connection() as conn:
            rows = conn.execute(
                f"SELECT article_id FROM articles {where}"
                " ORDER BY updated_at DESC, seq DESC LIMIT %s",
                (*params, min(limit, _MAX_ROWS)),
            ).fetchall()
        return [str(row[0]) for row in rows]

    def comments(self, article_id: str) -> list[Comment]:
        with self.db.connection() as conn:
            rows = conn.execute(
                "SELECT version, statement, username, body, created_at FROM review_comments"
                " WHERE article_id = %s ORDER BY comment_id",
                (article_id,),
            ).fetchall()
        return [Comment(*row) for row in rows]

    def edits(self, article_id: str) -> list[Edit]:
        with self.db.connection() as conn:
            rows = conn.execute(
                "SELECT from_version, to_version, statement, old_text, new_text, verdict,"
                " username, created_at FROM statement_edits WHERE article_id = %s"
                " ORDER BY edit_id",
                (article_id,),
            ).fetchall()
        return [Edit(*row) for row in rows]

    def approved(self) -> list[tuple[str, str]]:
        with self.db.connection() as conn:
            rows = conn.execute(
                "SELECT a.article_id, v.body FROM articles a JOIN article_versions v"
                " ON v.article_id = a.article_id AND v.version = a.approved_version"
                " WHERE a.status = 'approved' ORDER BY a.article_id, v.audience"
            ).fetchall()
        return [(str(a), str(b)) for a, b in rows]


class PgAccounts:
    """`AccountRepository` on PostgreSQL: one set of accounts, sessions and lock-outs."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, user: User, password_hash: str, event: AuditEvent) -> bool:
        with self.db.transaction() as cur:
            inserted = cur.execute(
                "INSERT INTO users VALUES (%s,%s,%s,%s,0,NULL,%s)"
                " ON CONFLICT (username) DO NOTHING",
                (user.username, user.display_name, user.role, password_hash, user.created_at),
            ).rowcount
            if inserted:
                append_audit(cur, event)
        return bool(inserted)

    def get(self, username: str) -> User | None:
        with self.db.connection() as conn:
            row = conn.execute(
                "SELECT username, display_name, role, created_at FROM users WHERE username = %s",
                (username,),
            ).fetchone()
        return None if row is None else User(*row)

    def list(self) -> list[User]:
        with self.db.connection() as conn:
            rows = conn.execute(
                "SELECT username, display_name, role, created_at FROM users ORDER BY username"
            ).fetchall()
        return [User(*row) for row in rows]

    def password(self, username: str) -> tuple[str, str | None] | None:
        with self.db.connection() as conn:
            row = conn.execute(
                "SELECT password_hash, locked_until FROM users WHERE username = %s", (username,)
            ).fetchone()
        return None if row is None else (str(row[0]), row[1])

    def count_failure(self, username: str, limit: int, locked_until: str) -> int:
        with self.db.transaction() as cur:
            row = cur.execute(
                "UPDATE users SET failed_logins = failed_logins + 1 WHERE username = %s"
                " RETURNING failed_logins",
                (username,),
            ).fetchone()
            failures = 0 if row is None else int(row[0])
            if failures >= limit:
                cur.execute(
                    "UPDATE users SET failed_logins = 0, locked_until = %s WHERE username = %s",
                    (locked_until, username),
                )
        return failures

    def open_session(
        self, username: str, token_hash: str, csrf: str, expires_at: str, event: AuditEvent
    ) -> None:
        with self.db.transaction() as cur:
            cur.execute(
                "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE username = %s",
                (username,),
            )
            cur.execute("DELETE FROM sessions WHERE expires_at < %s", (now_iso(),))
            cur.execute(
                "INSERT INTO sessions VALUES (%s,%s,%s,%s,%s)",
                (token_hash, username, csrf, now_iso(), expires_at),
            )
            append_audit(cur, event)

    def session(self, token_hash: str) -> tuple[str, str] | None:
        with self.db.connection() as conn:
            row = conn.execute(
                "SELECT username, csrf_token FROM sessions"
                " WHERE token_hash = %s AND expires_at > %s",
                (token_hash, now_iso()),
            ).fetchone()
        return None if row is None else (str(row[0]), str(row[1]))

    def end_session(self, token_hash: str) -> str | None:
        with self.db.transaction() as cur:
            row = cur.execute(
                "DELETE FROM sessions WHERE token_hash = %s RETURNING username", (token_hash,)
            ).fetchone()
        return None if row is None else str(row[0])


@contextmanager
def _reading() -> Iterator[None]:
    """A read of the audit trail; a missing or broken table is a StoreError that says so
    (the database's own words go to the log)."""
    try:
        yield
    except StoreUnavailable:
        raise
    except StoreError as exc:
        raise StoreError(
            "the audit trail cannot be read (its table is missing or broken); "
            "the server's log has the details"
        ) from exc


class PgAudit:
    """`AuditRepository` on PostgreSQL: one chain for every replica."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def append(self, event: AuditEvent) -> None:
        with self.db.transaction() as cur:
            append_audit(cur, event)

    def entries(self, limit: int | None = None, offset: int = 0) -> list[AuditEntry]:
        with _reading(), self.db.connection() as conn:
            rows = conn.execute(
                f"SELECT {_AUDIT_FIELDS} FROM audit ORDER BY seq LIMIT %s OFFSET %s",
                (limit, offset),
            ).fetchall()
        return [AuditEntry(*row) for row in rows]

    def entry(self, seq: int) -> AuditEntry | None:
        with _reading(), self.db.connection() as conn:
            row = conn.execute(
                f"SELECT {_AUDIT_FIELDS} FROM audit WHERE seq = %s", (seq,)
            ).fetchone()
        return None if row is None else AuditEntry(*row)

    def head(self) -> Head:
        with _reading(), self.db.connection() as conn:
            row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        return Head(0, GENESIS) if row is None else Head(int(row[0]), str(row[1]))

    def recorded_head(self) -> Head | None:
        with _reading(), self.db.connection() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = %s", (HEAD_KEY,)).fetchone()
        return None if row is None else Head(**json.loads(row[0]))
