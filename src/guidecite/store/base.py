"""The `Store` interface: what ingest, retrieval and answers need from a storage backend.

The embedded default (`guidecite.store.embedded.EmbeddedStore`) keeps SQLite, a tantivy
BM25 index and a numpy vector index in one folder; a PostgreSQL store can implement the
same protocol.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Protocol

import numpy as np

from ..types import Document, Passage, SourceDocument
from .articles import ArticleStore
from .lexical import Clause
from .sqlite import SQLiteStore


class Store(Protocol):
    def generation(self) -> int:
        """A number that changes whenever the library's content changes."""

    def counts(self) -> dict[str, int]: ...

    def content_hashes(self) -> dict[str, str]:
        """source -> content hash of every stored document."""

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

    def identities(self) -> list[tuple[str, str | None, str, str]]:
        """(source, root, name, content hash) of every stored document."""

    def move_root(self, old: str, new: str) -> int:
        """Record that the documents of folder `old` now live in `new`; how many moved."""

    def set_root(self, sources: Sequence[str], root: str, untrusted: bool = False) -> None:
        """Record the folder that unchanged documents were seen in by this ingest, and
        whether it marked them untrusted."""

    def sources_under(self, roots: Iterable[str]) -> list[tuple[str, str, str]]:
        """(source, root, name) of the documents ingested from any of these folders."""

    def remove_document(self, source: str) -> str | None:
        """Remove a document and its passages atomically, keeping its version records
        (marked removed); its doc_id, or None when no such document is stored."""

    def writing(
        self, *, wait: bool = True, on_wait: Callable[[str], None] | None = None
    ) -> AbstractContextManager[None]:
        """Hold the store's writer lock (one ingest at a time); re-entrant. Waits for another
        holder (telling `on_wait`), or with `wait=False` raises StoreError."""

    def refresh_indexes(self) -> None:
        """Bring the search indexes up to date with the stored passages."""

    def lexical_search(self, clauses: Sequence[Clause], k: int) -> list[tuple[int, float]]:
        """(passage key, BM25 score), best first."""

    def vector_search(
        self, vector: np.ndarray, k: int, candidates: Sequence[int] | None = None
    ) -> list[tuple[int, float]]:
        """(passage key, cosine), best first; restricted to `candidates` when given."""

    def passages(self, keys: Sequence[int]) -> dict[int, Passage]: ...

    def documents(self, doc_ids: Iterable[str]) -> dict[str, Document]: ...

    def doc_freq(self, phrase: str) -> int:
        """How many passages contain the phrase."""

    def prefix_freq(self, word: str) -> int:
        """How many passages hold a term starting like the word (a looser doc_freq)."""

    def passage_texts(self) -> Iterator[str]:
        """The indexed text (title, headings, passage) of every passage."""

    def definitions(self) -> Iterator[tuple[str, str, int]]:
        """(short form, long form, count) defined in the library's text."""

    def titles(self) -> Iterator[tuple[str, str]]:
        """(document id, title) of every stored document."""

    def issuers(self) -> Iterator[str]:
        """Every distinct issuer named by a stored document."""

    def save_answer(self, answer_id: str, question_key: str, body: str) -> None: ...

    def find_answer(self, question_key: str) -> str | None:
        """The stored answer to the same question, if the library has not changed since."""

    def articles(self) -> ArticleStore:
        """The web app's articles: versioned answers at stable URLs (store/articles.py)."""

    def database(self) -> SQLiteStore:
        """The SQLite database of accounts, reviews and the audit trail (docs/review.md)."""

    def close(self) -> None: ...
