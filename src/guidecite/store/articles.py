"""Articles: stored answers at stable URLs, with versions, review state and thread links.

    articles      one row per article: its id (the URL), the question as asked, the text
                  that was answered (`query`: a follow-up with its thread's context),
                  the parent it follows up and the thread's first article, review state
    article_versions
                  (article, version, audience) -> one answer's JSON, and the library
                  generation it was composed on

An article's id is derived from its question and its parent, so asking the same question
again finds the same article. A new version is written when the library has changed since
the latest one (the earlier versions are kept); it goes back to "submitted", since nobody
has reviewed its new content. The schema is `m002_articles` in `store/sqlite.py`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Protocol

from ..errors import StoreError
from ..types import short_hash
from .sqlite import SQLiteStore, now_iso

SUBMITTED = "submitted"
UNDER_REVIEW = "under_review"
APPROVED = "approved"
#: Review states in the order an article passes through them.
REVIEW_STATES = (SUBMITTED, UNDER_REVIEW, APPROVED)


@dataclass(frozen=True)
class ArticleRecord:
    article_id: str
    question: str  # as the reader asked it
    query: str  # the text answered: the question, or a follow-up read in its thread's context
    parent_id: str | None
    thread_id: str  # the id of the thread's first article
    status: str  # one of REVIEW_STATES
    submitted_at: str
    review_started_at: str | None
    approved_at: str | None
    created_at: str
    updated_at: str
    #: kinds of identifier taken out of the question when it was asked (deidentify.py)
    identifiers_removed: tuple[str, ...] = ()
    #: the stored question holds identifiers (asked before de-identification, m008):
    #: anonymous visitors neither see it listed nor open it
    identifiers_present: bool = False

    @classmethod
    def from_row(cls, row: tuple[object, ...]) -> ArticleRecord:
        *fields, removed, present = row
        kinds = tuple(k for k in str(removed or "").split(",") if k)
        return cls(*fields, kinds, bool(present))  # type: ignore[arg-type, call-arg]


@dataclass(frozen=True)
class ArticleVersion:
    article_id: str
    version: int
    audience: str
    generation: int  # the library generation the answer was composed on
    created_at: str


def article_id_for(question: str, parent_id: str | None = None) -> str:
    """The stable id of the article answering a cleaned `question` (case and spacing ignored)."""
    return short_hash("article", parent_id or "", " ".join(question.casefold().split()), size=12)


def new_article(
    question: str,
    query: str,
    parent: ArticleRecord | None = None,
    identifiers_removed: tuple[str, ...] = (),
) -> ArticleRecord:
    """A new article's record for a cleaned, de-identified question, "submitted" as of now."""
    parent_id = None if parent is None else parent.article_id
    article_id = article_id_for(question, parent_id)
    stamp = now_iso()
    return ArticleRecord(
        article_id=article_id,
        question=question,
        query=query,
        parent_id=parent_id,
        thread_id=article_id if parent is None else parent.thread_id,
        status=SUBMITTED,
        submitted_at=stamp,
        review_started_at=None,
        approved_at=None,
        created_at=stamp,
        updated_at=stamp,
        identifiers_removed=identifiers_removed,
    )


class ArticleStore(Protocol):
    """What the web app needs from a store to keep articles."""

    def get(self, article_id: str) -> ArticleRecord | None: ...

    def create(self, record: ArticleRecord) -> None:
        """Insert the article unless one with its id exists."""

    def add_version(self, article_id: str, version: int, audience: str, body: str) -> None:
        """Store an answer as `version` for `audience`, made on the current generation."""

    def versions(self, article_id: str) -> list[ArticleVersion]: ...

    def body(self, article_id: str, version: int, audience: str) -> str | None: ...

    def set_status(self, article_id: str, status: str) -> None: ...

    def latest(self, limit: int, offset: int = 0, *, public: bool = False) -> list[ArticleRecord]:
        """Articles by the date of their latest version, newest first; with `public`, only
        those whose question holds no patient identifiers."""

    def thread(self, thread_id: str, *, public: bool = False) -> list[ArticleRecord]:
        """The articles of one thread, oldest first."""

    def count(self, *, public: bool = False) -> int: ...

    def note_removed(self, article_id: str, kinds: tuple[str, ...]) -> None:
        """Record kinds of identifier removed from a later asking of the question."""


_COLUMNS = (
    "article_id, question, query, parent_id, thread_id, status, submitted_at,"
    " review_started_at, approved_at, created_at, updated_at"
)
_ALL_COLUMNS = _COLUMNS + ", identifiers_removed, identifiers_present"
_PUBLIC = "identifiers_present = 0"  # what anonymous visitors may see
_MAX_ROWS = 2**62  # an offset beyond what SQLite holds is clamped, never an OverflowError


class SQLiteArticles:
    """`ArticleStore` on the embedded store's SQLite connection."""

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
        """Record that a later asking of the article's question had identifiers removed."""
        record = self.get(article_id)
        if record is None or set(kinds) <= set(record.identifiers_removed):
            return
        merged = ",".join(dict.fromkeys((*record.identifiers_removed, *kinds)))
        with self.sql.transaction() as db:
            db.execute(
                "UPDATE articles SET identifiers_removed = ? WHERE article_id = ?",
                (merged, article_id),
            )

    def add_version(self, article_id: str, version: int, audience: str, body: str) -> None:
        stamp = now_iso()
        with self.sql.transaction() as db:
            latest = db.execute(
                "SELECT max(version) FROM article_versions WHERE article_id = ?", (article_id,)
            ).fetchone()[0]
            try:
                db.execute(
                    "INSERT INTO article_versions VALUES (?,?,?,?,?,?)",
                    (article_id, version, audience, self.sql.generation(), stamp, body),
                )
            except sqlite3.IntegrityError as exc:
                raise StoreError(f"article {article_id} has no version slot {version}") from exc
            if latest is not None and version > latest:
                db.execute(
                    "UPDATE articles SET status = ?, submitted_at = ?, review_started_at = NULL,"
                    " approved_at = NULL WHERE article_id = ?",
                    (SUBMITTED, stamp, article_id),
                )
            db.execute(
                "UPDATE articles SET updated_at = ? WHERE article_id = ?", (stamp, article_id)
            )

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

    def set_status(self, article_id: str, status: str) -> None:
        """Move an article to a review state, stamping the date it entered it."""
        if status not in REVIEW_STATES:
            raise StoreError(
                f"unknown review status {status!r}; choose one of: {', '.join(REVIEW_STATES)}"
            )
        column = {
            SUBMITTED: "submitted_at",
            UNDER_REVIEW: "review_started_at",
            APPROVED: "approved_at",
        }[status]
        with self.sql.transaction() as db:
            changed = db.execute(
                f"UPDATE articles SET status = ?, {column} = ? WHERE article_id = ?",
                (status, now_iso(), article_id),
            ).rowcount
        if not changed:
            raise StoreError(f"no article {article_id!r}")

    def latest(self, limit: int, offset: int = 0, *, public: bool = False) -> list[ArticleRecord]:
        """Newest first; with `public`, only articles whose question holds no identifiers."""
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
