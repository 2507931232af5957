"""The embedded default store: one folder holding SQLite, a tantivy index and vectors.

    <home>/library.sqlite3   documents, versions, passages (+ embeddings), answers
    <home>/lexical/          tantivy BM25 index, keyed by passage row
    <home>/vectors/          int8 vector index (.npy + JSON), keyed by passage row

SQLite is the source of truth; both indexes record the SQLite generation they reflect and
are rebuilt from SQLite when it differs (after an ingest that was killed midway, say).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np

from ..errors import StoreError
from ..types import Document, Passage, SourceDocument
from .articles import SQLiteArticles
from .lexical import Clause, LexicalIndex
from .sqlite import SQLiteStore
from .vectors import VectorIndex

SQLITE_NAME = "library.sqlite3"


class EmbeddedStore:
    def __init__(self, home: Path) -> None:
        self.home = home
        try:
            home.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the store folder {home}: {exc}") from exc
        self.sql = SQLiteStore(home / SQLITE_NAME)
        self.lexical = LexicalIndex(home / "lexical")
        self._vectors: VectorIndex | None = None
        self._pending: list[str] = []
        self._lexical_synced = self.lexical.generation() == self.sql.generation()

    def close(self) -> None:
        self.sql.close()

    # -- content -----------------------------------------------------------------------

    def generation(self) -> int:
        return self.sql.generation()

    def counts(self) -> dict[str, int]:
        return self.sql.counts()

    def content_hashes(self) -> dict[str, str]:
        return self.sql.content_hashes()

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
        doc = self.sql.write_document(
            source_doc, passages, embeddings, definitions, root, name, untrusted
        )
        self._pending.append(doc.doc_id)
        return doc

    def set_root(self, sources: Sequence[str], root: str, untrusted: bool = False) -> None:
        self.sql.set_root(sources, root, untrusted)

    def identities(self) -> list[tuple[str, str | None, str, str]]:
        return self.sql.identities()

    def sources_under(self, roots: Iterable[str]) -> list[tuple[str, str, str]]:
        return self.sql.sources_under(roots)

    def move_root(self, old: str, new: str) -> int:
        return self.sql.move_root(old, new)

    def remove_document(self, source: str) -> str | None:
        doc_id = self.sql.remove_document(source)
        if doc_id is not None:
            self._pending.append(doc_id)  # the lexical update deletes its passages
        return doc_id

    def documents(self, doc_ids: Iterable[str]) -> dict[str, Document]:
        return self.sql.documents(doc_ids)

    def passages(self, keys: Sequence[int]) -> dict[int, Passage]:
        return self.sql.passages_by_row(keys)

    def passage_texts(self) -> Iterator[str]:
        return (text for *_, text in self.sql.iter_passages())

    def definitions(self) -> Iterator[tuple[str, str, int]]:
        return self.sql.definitions()

    def titles(self) -> Iterator[tuple[str, str]]:
        return self.sql.titles()

    # -- indexes -----------------------------------------------------------------------

    def refresh_indexes(self) -> None:
        """Bring the lexical and vector indexes up to date with SQLite."""
        generation = self.sql.generation()
        if self.lexical.generation() != generation:
            if self._lexical_synced:
                self._update_lexical(generation)
            else:
                self._rebuild_lexical(generation)
        self._lexical_synced = True
        self._pending.clear()
        if self._vector_generation() != generation:
            self._rebuild_vectors(generation)

    def _update_lexical(self, generation: int) -> None:
        changed = set(self._pending)
        self.lexical.delete_documents(sorted(changed))
        self.lexical.add(
            (str(row), doc_id, text)
            for row, _pid, doc_id, text in self.sql.iter_passages(sorted(changed))
        )
        self.lexical.commit(generation)

    def _rebuild_lexical(self, generation: int) -> None:
        self.lexical.clear()
        self.lexical.add(
            (str(row), doc_id, text) for row, _pid, doc_id, text in self.sql.iter_passages()
        )
        self.lexical.commit(generation)

    def _vector_folder(self) -> Path:
        return self.home / "vectors"

    def _vector_generation(self) -> int | None:
        marker = self._vector_folder() / "generation.json"
        if not marker.is_file():
            return None
        return int(json.loads(marker.read_text())["generation"])

    def _rebuild_vectors(self, generation: int) -> None:
        rows, matrix = self.sql.embeddings()
        folder = self._vector_folder()
        staging = folder.with_name("vectors.new")
        shutil.rmtree(staging, ignore_errors=True)
        index = VectorIndex.build(matrix, rows)
        index.save(staging)
        (staging / "generation.json").write_text(json.dumps({"generation": generation}))
        shutil.rmtree(folder, ignore_errors=True)
        staging.rename(folder)
        self._vectors = None

    def _ensure_fresh(self) -> None:
        generation = self.sql.generation()
        if self.lexical.generation() != generation or self._vector_generation() != generation:
            self.refresh_indexes()

    def vectors(self) -> VectorIndex:
        if self._vectors is None:
            self._ensure_fresh()
            self._vectors = VectorIndex.load(self._vector_folder())
        return self._vectors

    def lexical_search(self, clauses: Sequence[Clause], k: int) -> list[tuple[int, float]]:
        self._ensure_fresh()
        return [(int(key), score) for key, score in self.lexical.search(clauses, k)]

    def vector_search(
        self, vector: np.ndarray, k: int, candidates: Sequence[int] | None = None
    ) -> list[tuple[int, float]]:
        index = self.vectors()
        if len(index) == 0:
            return []
        wanted = None if candidates is None else np.asarray(candidates, dtype=np.int64)
        ids, scores = index.search(vector, k, candidates=wanted)
        return [(int(i), float(s)) for i, s in zip(ids, scores, strict=True)]

    def doc_freq(self, phrase: str) -> int:
        self._ensure_fresh()
        return self.lexical.doc_freq(phrase)

    def prefix_freq(self, word: str) -> int:
        self._ensure_fresh()
        return self.lexical.prefix_freq(word)

    # -- answers -----------------------------------------------------------------------

    def save_answer(self, answer_id: str, question_key: str, body: str) -> None:
        self.sql.save_answer(answer_id, question_key, self.sql.generation(), body)

    def find_answer(self, question_key: str) -> str | None:
        return self.sql.find_answer(question_key, self.sql.generation())

    def articles(self) -> SQLiteArticles:
        return SQLiteArticles(self.sql)

    def database(self) -> SQLiteStore:
        return self.sql
