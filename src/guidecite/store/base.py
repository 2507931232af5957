"""The storage seams: a content store and three repositories, each a small `Protocol`.

    Store               documents, passages and search (ingest, retrieval, answers)
    ArticleRepository   articles, their versions and their review (web, CLI, review.py)
    AccountRepository   review-board accounts, sessions and lock-outs (accounts.py)
    AuditRepository     the hash-chained audit trail (audit.py)

Each backend implements all four: the embedded default (SQLite, tantivy and int8 vectors in
one folder: `embedded.py`, `sqlite_repositories.py`) and PostgreSQL (`postgres.py`,
`postgres_repositories.py`). `registry.py` opens one by URL. Policy stays out of them: review
states and transitions live in `review.py`, lock-out rules in `accounts.py`, hashing in
`audit.py`; a repository only reads and writes what it is given, safely from many threads
(and, for PostgreSQL, from many processes).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol

import numpy as np

from ..types import Document, Passage, SourceDocument
from .lexical import Clause

if TYPE_CHECKING:
    from ..accounts import User
    from ..audit import AuditEntry, Head
    from .articles import ArticleRecord, ArticleVersion


def now_iso() -> str:
    """Now, in UTC, to the second: every stored date."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


# -- the content store ---------------------------------------------------------------------


class Content(Protocol):
    """What answering reads: documents, passages and what the library defines."""

    def generation(self) -> int:
        """A number that changes whenever the library's content changes."""

    def counts(self) -> dict[str, int]:
        """ "documents" and "passages" held."""

    def passages(self, keys: Sequence[int]) -> dict[int, Passage]: ...

    def passages_by_id(self, passage_ids: Sequence[str]) -> dict[str, Passage]: ...

    def documents(self, doc_ids: Iterable[str]) -> dict[str, Document]: ...

    def passage_texts(self) -> Iterator[str]:
        """The indexed text (title, headings, passage) of every passage."""

    def passage_records(self) -> Iterator[tuple[str, str, str]]:
        """(passage id, document id, passage text) of every passage, in stored order."""

    def definitions(self) -> Iterator[tuple[str, str, int]]:
        """(short form, long form, count) defined in the library's text."""

    def titles(self) -> Iterator[tuple[str, str]]:
        """(document id, title) of every stored document."""

    def issuers(self) -> Iterator[str]:
        """Every distinct issuer named by a stored document."""

    def rating_scheme(self, doc_id: str) -> list[Passage]:
        """The document's passages under a heading that names a rating scheme, in order."""


class Search(Protocol):
    """Lexical (BM25) and dense search over the passages; keys are `passages()` keys."""

    def lexical_search(
        self,
        clauses: Sequence[Clause],
        k: int,
        documents: Collection[str] | None = None,
        passages: Collection[int] | None = None,
    ) -> list[tuple[int, float]]:
        """(passage key, BM25 score), best first; only passages of `documents` (document
        ids), or only `passages` (passage keys), when given."""

    def vector_search(
        self, vector: np.ndarray, k: int, candidates: Sequence[int] | None = None
    ) -> list[tuple[int, float]]:
        """(passage key, cosine), best first; restricted to `candidates` when given."""

    def doc_freq(self, phrase: str) -> int:
        """How many passages contain the phrase."""

    def prefix_freq(self, word: str) -> int:
        """How many passages hold a term starting like the word (a looser doc_freq)."""


class Writer(Protocol):
    """What ingest writes: one document at a time, under the writer lock."""

    def writing(
        self, *, wait: bool = True, on_wait: Callable[[str], None] | None = None
    ) -> AbstractContextManager[None]:
        """Hold the store's writer lock (one ingest at a time); re-entrant. Waits for another
        holder (telling `on_wait`), or with `wait=False` raises StoreError."""

    def write_document(
        self,
        source_doc: SourceDocument,
        passages: Sequence[Passage],
        embeddings: np.ndarray,
        definitions: Iterable[tuple[str, str, int]],
        root: str | None = None,
        name: str | None = None,
        untrusted: bool = False,
    ) -> Document:
        """Store a new or changed document atomically, keeping the earlier version's record.

        `root` is the folder it was ingested from (an absolute path, or "package:NAME"),
        `name` its name there (its source by default); `untrusted` labels its statements."""

    def remove_document(self, source: str) -> str | None:
        """Remove a document and its passages atomically, keeping its version records
        (marked removed); its doc_id, or None when no such document is stored."""

    def identities(self) -> list[tuple[str, str | None, str, str]]:
        """(source, root, name, content hash) of every stored document."""

    def content_hashes(self) -> dict[str, str]:
        """source -> content hash of every stored document."""

    def set_root(self, sources: Sequence[str], root: str, untrusted: bool = False) -> None:
        """Record the folder that unchanged documents were seen in by this ingest, and
        whether it marked them untrusted."""

    def move_root(self, old: str, new: str) -> int:
        """Record that the documents of folder `old` now live in `new`; how many moved."""

    def sources_under(self, roots: Iterable[str]) -> list[tuple[str, str, str]]:
        """(source, root, name) of the documents ingested from any of these folders."""

    def refresh_indexes(self) -> None:
        """Bring the search indexes up to date with the stored passages."""


class Store(Content, Search, Writer, Protocol):
    """The content store: documents, passages, search."""

    def close(self) -> None: ...


# -- articles and their review -------------------------------------------------------------


@dataclass(frozen=True)
class ReviewFields:
    """An article's review columns as stored; `review.py` decides what they become."""

    status: str
    submitted_at: str
    review_started_at: str | None
    approved_at: str | None
    reviewer: str | None
    approved_by: str | None  # the user name of who approved it
    approved_version: int | None
    reason: str | None  # why it went back to "submitted", if it did


@dataclass(frozen=True)
class Comment:
    version: int
    statement: str
    username: str
    body: str
    created_at: str


@dataclass(frozen=True)
class Edit:
    from_version: int
    to_version: int
    statement: str
    old_text: str
    new_text: str
    verdict: str | None
    username: str
    created_at: str


@dataclass(frozen=True)
class AuditEvent:
    """Who did what to what: one audit entry before it is chained (audit.py)."""

    actor: str
    action: str
    target: str
    detail: dict[str, object] | None = None


class ArticleChange(Protocol):
    """One article changed in one transaction, its row locked until the block ends."""

    review: ReviewFields  # as it was when the change began

    def latest(self) -> tuple[int, str, str] | None:
        """(version, audience, body) of the latest version, the clinician's first."""

    def add_version(self, version: int, audience: str, body: str, generation: int) -> bool:
        """Store an answer as `version` for `audience`; False when that slot is taken."""

    def write_review(self, fields: ReviewFields) -> None: ...

    def touch(self) -> None:
        """Mark the article updated now (it lists first)."""

    def add_comment(self, comment: Comment) -> None: ...

    def add_edit(self, edit: Edit) -> None: ...

    def audit(self, event: AuditEvent) -> None:
        """Append an audit entry in this transaction, so that it lands with the change."""


class ArticleRepository(Protocol):
    """Articles at stable URLs, their versions (one answer per audience) and their review."""

    def get(self, article_id: str) -> ArticleRecord | None: ...

    def create(self, record: ArticleRecord) -> None:
        """Insert the article unless one with its id exists."""

    def note_removed(self, article_id: str, kinds: tuple[str, ...]) -> None:
        """Record kinds of identifier removed from a later asking of the question."""

    def change(self, article_id: str) -> AbstractContextManager[ArticleChange]:
        """Change one article in a transaction (NotFound when there is none)."""

    def versions(self, article_id: str) -> list[ArticleVersion]: ...

    def body(self, article_id: str, version: int, audience: str) -> str | None: ...

    def latest(self, limit: int, offset: int = 0, *, public: bool = False) -> list[ArticleRecord]:
        """Articles by the date of their latest version, newest first; with `public`, only
        those whose question holds no patient identifiers."""

    def thread(self, thread_id: str, *, public: bool = False) -> list[ArticleRecord]:
        """The articles of one thread, oldest first."""

    def count(self, *, public: bool = False) -> int: ...

    def review(self, article_id: str) -> ReviewFields | None: ...

    def queue(self, status: str | None, limit: int) -> list[str]:
        """Article ids, the latest updated first, in `status` (any when None)."""

    def comments(self, article_id: str) -> list[Comment]: ...

    def edits(self, article_id: str) -> list[Edit]: ...

    def approved(self) -> list[tuple[str, str]]:
        """(article id, body of its approved version's first answer) of approved articles."""


# -- accounts, sessions, lock-outs -----------------------------------------------------------


class AccountRepository(Protocol):
    def add(self, user: User, password_hash: str, event: AuditEvent) -> bool:
        """Insert the account and its audit entry; False when the user name is taken."""

    def get(self, username: str) -> User | None: ...

    def list(self) -> list[User]: ...

    def password(self, username: str) -> tuple[str, str | None] | None:
        """(password hash, locked until) of an account, or None when there is none."""

    def count_failure(self, username: str, limit: int, locked_until: str) -> int:
        """Count a wrong password atomically; at `limit` in a row, lock the account until
        `locked_until` and start counting again. The count, `limit` when it locked."""

    def open_session(
        self, username: str, token_hash: str, csrf: str, expires_at: str, event: AuditEvent
    ) -> None:
        """A new session (failures reset, expired sessions dropped) and its audit entry."""

    def session(self, token_hash: str) -> tuple[str, str] | None:
        """(user name, CSRF token) of a live session."""

    def end_session(self, token_hash: str) -> str | None:
        """End a session; the user name it was of, if it was live."""


# -- the audit trail -----------------------------------------------------------------------


class AuditRepository(Protocol):
    def append(self, event: AuditEvent) -> None:
        """Chain a new entry after the last one: one chain whoever writes at once."""

    def entries(self, limit: int | None = None, offset: int = 0) -> list[AuditEntry]: ...

    def entry(self, seq: int) -> AuditEntry | None: ...

    def head(self) -> Head:
        """The chain's head as the table holds it now."""

    def recorded_head(self) -> Head | None:
        """The head the store recorded with the last entry it wrote."""
