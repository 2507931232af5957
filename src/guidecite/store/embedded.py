"""The embedded default store: one folder holding SQLite, a tantivy index and vectors.

    <home>/library.sqlite3   documents, versions, passages (+ embeddings); articles, reviews,
                             accounts and the audit trail (store/sqlite_repositories.py)
    <home>/lexical/          tantivy BM25 index, keyed by passage row
    <home>/vectors.json      which vector folder is published, and its generation
    <home>/vectors-G-XXXX/   int8 vector index (.npy + JSON), keyed by passage row
    <home>/ingest.lock       the writer lock (fcntl): one ingest or index rebuild at a time

SQLite is the source of truth; both indexes record the SQLite generation they reflect and
are rebuilt from SQLite when it differs (after an ingest that was killed midway, say).

Many processes may use one store. Writing documents and rebuilding indexes happen only under
the writer lock; a second ingest waits for it (or, asked not to wait, says one is running).
Readers answer from the last *published* indexes: tantivy's commit and the atomic rename of
`vectors.json` publish a new generation at once, and a reader picks it up at its next query.
A reader that finds the indexes behind SQLite with nobody holding the lock (an ingest was
killed) rebuilds them itself under the lock; while an ingest holds it, readers keep answering
from what is published (passages replaced since are left out of their results). Vector
rebuilds are staged in a folder of their own (never a fixed `vectors.new`).
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
import shutil
import tempfile
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from ..errors import StoreError
from ..types import Document, Passage, SourceDocument
from .lexical import Clause, LexicalIndex, write_json
from .sqlite import SQLiteStore
from .vectors import VectorIndex

SQLITE_NAME = "library.sqlite3"
LOCK_NAME = "ingest.lock"
VECTORS_POINTER = "vectors.json"
LEGACY_VECTORS = "vectors"  # stores made before vectors.json: one fixed folder


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
        self._vectors_folder: Path | None = None
        self._pending: list[str] = []
        self._lexical_synced = self.lexical.generation() == self.sql.generation()
        self._lexical_seen = self.lexical.generation()
        self._lock: int | None = None  # the writer lock's descriptor while this store holds it

    def close(self) -> None:
        self.sql.close()

    # -- the writer lock ---------------------------------------------------------------

    @contextmanager
    def writing(
        self, *, wait: bool = True, on_wait: Callable[[str], None] | None = None
    ) -> Iterator[None]:
        """Hold the store's writer lock: ingests and index rebuilds, one at a time.

        Re-entrant. When another process holds it: waits (telling `on_wait` who holds it),
        or with `wait=False` raises StoreError saying so."""
        if self._lock is not None:
            yield
            return
        with self._held(self._acquire(wait, on_wait)):
            yield

    def _acquire(self, wait: bool, on_wait: Callable[[str], None] | None) -> int:
        handle = os.open(self.home / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if not _try_lock(handle):
                busy = f"another ingest is running on this store {self.home} ({_holder(handle)})"
                if not wait:
                    raise StoreError(f"{busy}; try again when it has finished")
                if on_wait is not None:
                    on_wait(f"{busy}; waiting for it to finish")
                fcntl.flock(handle, fcntl.LOCK_EX)
            os.ftruncate(handle, 0)
            os.pwrite(handle, f"pid {os.getpid()}".encode(), 0)
        except BaseException:
            os.close(handle)
            raise
        return handle

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

    def passages_by_id(self, passage_ids: Sequence[str]) -> dict[str, Passage]:
        return self.sql.passages_by_id(passage_ids)

    def rating_scheme(self, doc_id: str) -> list[Passage]:
        return self.sql.rating_scheme(doc_id)

    def passage_texts(self) -> Iterator[str]:
        return (text for *_, text in self.sql.iter_passages())

    def passage_records(self) -> Iterator[tuple[str, str, str]]:
        return self.sql.passage_records()

    def definitions(self) -> Iterator[tuple[str, str, int]]:
        return self.sql.definitions()

    def titles(self) -> Iterator[tuple[str, str]]:
        return self.sql.titles()

    def issuers(self) -> Iterator[str]:
        return self.sql.issuers()

    # -- indexes -----------------------------------------------------------------------

    def refresh_indexes(self) -> None:
        """Bring the lexical and vector indexes up to date with SQLite (under the lock)."""
        with self.writing():
            generation = self.sql.generation()
            if self.lexical.generation() != generation:
                if self._lexical_synced:
                    self._update_lexical(generation)
                else:
                    self._rebuild_lexical(generation)
            self._lexical_synced = True
            self._lexical_seen = generation
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

    def _published_vectors(self) -> tuple[Path, int] | None:
        """(folder, generation) of the published vector index, or None when there is none."""
        try:
            pointer = json.loads((self.home / VECTORS_POINTER).read_text())
            return self.home / str(pointer["folder"]), int(pointer["generation"])
        except FileNotFoundError:
            pass
        except (ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"unreadable {VECTORS_POINTER} in {self.home}: {exc}") from exc
        legacy = self.home / LEGACY_VECTORS
        try:
            return legacy, int(json.loads((legacy / "generation.json").read_text())["generation"])
        except FileNotFoundError:
            return None

    def _vector_generation(self) -> int | None:
        published = self._published_vectors()
        return None if published is None else published[1]

    def _rebuild_vectors(self, generation: int) -> None:
        """Build in a staging folder of this rebuild's own, then publish it atomically by
        replacing vectors.json; the folders of older generations but the last are removed
        (a reader still mapping one keeps its pages)."""
        for dead in self.home.glob(".vectors-staging-*"):  # left by a killed rebuild
            shutil.rmtree(dead, ignore_errors=True)
        rows, matrix = self.sql.embeddings()
        staging = Path(tempfile.mkdtemp(dir=self.home, prefix=".vectors-staging-"))
        try:
            VectorIndex.build(matrix, rows).save(staging)
            (staging / "generation.json").write_text(json.dumps({"generation": generation}))
            folder = self.home / f"vectors-{generation}-{secrets.token_hex(4)}"
            staging.rename(folder)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        previous = self._published_vectors()
        write_json(self.home / VECTORS_POINTER, {"folder": folder.name, "generation": generation})
        keep = {folder.name, previous[0].name if previous else ""}
        for old in [*self.home.glob("vectors-*"), self.home / LEGACY_VECTORS]:
            if old.is_dir() and old.name not in keep:
                shutil.rmtree(old, ignore_errors=True)
        self._vectors = None

    def _ensure_fresh(self) -> None:
        """Answer from the latest published indexes; rebuild them first only when they are
        behind SQLite and no ingest holds the writer lock (or none was ever published)."""
        lexical, vectors = self.lexical.generation(), self._published_vectors()
        if lexical == self.sql.generation() == (vectors[1] if vectors else None):
            self._see_published(lexical, vectors)
            return
        if self._lock is not None:  # this process is the writer
            self.refresh_indexes()
            return
        published = self.lexical.generation() is not None and self._published_vectors()
        handle = self._try_acquire() if published else self._acquire(True, None)
        if handle is not None:
            with self._held(handle):
                if not self._indexes_at(self.sql.generation()):
                    self.refresh_indexes()
        self._see_published()

    def _indexes_at(self, generation: int) -> bool:
        return self.lexical.generation() == generation == self._vector_generation()

    def _try_acquire(self) -> int | None:
        handle = os.open(self.home / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
        if _try_lock(handle):
            return handle
        os.close(handle)
        return None

    @contextmanager
    def _held(self, handle: int) -> Iterator[None]:
        try:
            self._lock = handle
            self._lexical_synced = self.lexical.generation() == self.sql.generation()
            self._pending.clear()
            yield
        finally:
            self._lock = None
            fcntl.flock(handle, fcntl.LOCK_UN)
            os.close(handle)

    def _see_published(
        self, lexical: int | None = None, published: tuple[Path, int] | None = None
    ) -> None:
        """Pick up what another process published since this one last looked (the
        generations just read may be passed in)."""
        lexical = self.lexical.generation() if lexical is None else lexical
        if lexical != self._lexical_seen:
            self.lexical.reload()
            self._lexical_seen = lexical
        published = self._published_vectors() if published is None else published
        if published is not None and published[0] != self._vectors_folder:
            self._vectors = None

    def vectors(self) -> VectorIndex:
        self._ensure_fresh()
        if self._vectors is None:
            self._vectors, self._vectors_folder = self._load_vectors()
        return self._vectors

    def _load_vectors(self) -> tuple[VectorIndex, Path]:
        """The published vector index; read again once if a rebuild replaced it meanwhile."""
        for attempt in (1, 2):
            published = self._published_vectors()
            if published is None:
                raise StoreError(f"no vector index in {self.home}")
            try:
                return VectorIndex.load(published[0]), published[0]
            except (StoreError, OSError):
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def lexical_search(
        self,
        clauses: Sequence[Clause],
        k: int,
        documents: Collection[str] | None = None,
        passages: Collection[int] | None = None,
    ) -> list[tuple[int, float]]:
        self._ensure_fresh()
        return self.lexical.search_keys(clauses, k, documents, passages)

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


def holds_library(home: Path) -> bool:
    """Whether the folder holds an embedded library (without creating one)."""
    return (home / SQLITE_NAME).is_file()


def resample_store(source_home: Path, home: Path, size: int) -> None:
    """A store of `size` passages at `home`, copied (under new ids) from the store at
    `source_home` as often as needed (`guidecite bench`)."""
    store = EmbeddedStore(home)
    db = store.sql.db
    db.execute("ATTACH DATABASE ? AS src", (str(source_home / SQLITE_NAME),))
    available = db.execute("SELECT count(*) FROM src.passages").fetchone()[0]
    copies = -(-size // available)
    with store.sql.transaction():
        for copy in range(copies):
            suffix = f"~{copy}"
            db.execute(
                "INSERT INTO documents (doc_id, source, title, issuer, year, url, language,"
                " audience, rights, content_hash, version, ingested_at)"
                " SELECT doc_id || ?, source || ?, title, issuer, year, url,"
                " language, audience, rights, content_hash, version, ingested_at"
                " FROM src.documents",
                (suffix, suffix),
            )
            left = size - copy * available
            db.execute(
                "INSERT INTO passages (passage_id, doc_id, ordinal, section_path, text, embedding)"
                " SELECT passage_id || ?, doc_id || ?, ordinal, section_path, text, embedding"
                " FROM src.passages ORDER BY row LIMIT ?",
                (suffix, suffix, min(left, available)),
            )
        store.sql.bump_generation()
    db.execute("DETACH DATABASE src")
    store.refresh_indexes()
    store.close()


def _try_lock(handle: int) -> bool:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _holder(handle: int) -> str:
    """Who holds the lock, as its holder wrote it ("pid 1234")."""
    return os.pread(handle, 64, 0).decode("ascii", "replace").strip() or "another process"
