"""The content store on PostgreSQL: documents and passages in the database, dense search with
pgvector, and BM25 from a tantivy index in this replica's home folder.

    <home>/lexical/      tantivy BM25 index, keyed by passage row, at a library generation
    <home>/index.lock    one process of this folder catches the index up at a time (fcntl)

(`<home>` is the `postgresql` subfolder of the replica's --home.) Each write bumps the
generation stored in the database and records which documents it touched (`changes`).
Before searching, a replica compares its index's generation with the database's (at most
every CHECK_SECONDS) and catches up: it re-reads the passages of the documents changed
since, or, when its index has no generation, a newer one than the database (a database
restored from a backup) or was built from another database (its library id differs),
rebuilds it. No replication protocol: the
database is the one source of truth, and the index is derived.

Dense search runs in the database: `vector_search` orders by pgvector's cosine distance,
through an HNSW index on `embedding::vector(DIMS)` that `refresh_indexes` creates once the
embeddings' dimension is known (exact search until then, and within given candidates).
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import psycopg

from ..errors import StoreError
from ..types import Document, Passage, SourceDocument
from .base import now_iso
from .lexical import Clause, LexicalIndex
from .postgres import WRITER_LOCK, Database
from .sqlite import _document, _document_record, _document_row, index_text

#: How often a replica asks the database whether the library changed.
CHECK_SECONDS = 1.0
LOCK_NAME = "index.lock"
HNSW_INDEX = "passages_embedding_hnsw"
_DOC_COLUMNS = (
    "doc_id, source, title, issuer, year, url, language, audience, rights, content_hash,"
    " version, untrusted"
)
_PASSAGE_COLUMNS = "row, passage_id, doc_id, ordinal, section_path, text"


class PostgresStore:
    """`Store` on a PostgreSQL database, with this replica's BM25 index in `home`."""

    def __init__(self, db: Database, home: Path) -> None:
        self.db = db
        self.home = home
        try:
            home.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the index folder {home}: {exc}") from exc
        self.lexical = LexicalIndex(home / "lexical")
        self._seen = (-1, 0.0)  # (generation caught up to, when it was checked)
        self._guard = threading.Lock()  # one thread of this process catches up at a time
        self._writer: psycopg.Connection[Any] | None = None
        self._writer_depth = 0
        self._pool_writer: Any = None
        self._dims: int | None = None
        self._library: str | None = None

    def close(self) -> None:
        self.db.close()

    # -- the writer lock (an advisory lock, held on one pooled connection) -------------

    @contextmanager
    def writing(
        self, *, wait: bool = True, on_wait: Callable[[str], None] | None = None
    ) -> Iterator[None]:
        if self._writer_depth:
            self._writer_depth += 1
            try:
                yield
            finally:
                self._writer_depth -= 1
            return
        with self.db.connection() as conn:
            got = conn.execute("SELECT pg_try_advisory_lock(%s, %s)", WRITER_LOCK).fetchone()
            if not (got and got[0]):
                busy = "another ingest is running on this database"
                if not wait:
                    raise StoreError(f"{busy}; try again when it has finished")
                if on_wait is not None:
                    on_wait(f"{busy}; waiting for it to finish")
                conn.execute("SELECT pg_advisory_lock(%s, %s)", WRITER_LOCK)
            self._writer, self._writer_depth = conn, 1
            try:
                yield
            finally:
                self._writer, self._writer_depth = None, 0
                conn.execute("SELECT pg_advisory_unlock(%s, %s)", WRITER_LOCK)

    # -- content -----------------------------------------------------------------------

    def generation(self) -> int:
        return self.db.generation()

    def counts(self) -> dict[str, int]:
        with self.db.connection() as conn:
            documents = conn.execute("SELECT count(*) FROM documents").fetchone()
            passages = conn.execute("SELECT count(*) FROM passages").fetchone()
        return {
            "documents": int(documents[0]) if documents else 0,
            "passages": int(passages[0]) if passages else 0,
        }

    def content_hashes(self) -> dict[str, str]:
        with self.db.connection() as conn:
            return dict(conn.execute("SELECT source, content_hash FROM documents").fetchall())

    def identities(self) -> list[tuple[str, str | None, str, str]]:
        with self.db.connection() as conn:
            rows = conn.execute("SELECT source, root, name, content_hash FROM documents")
            return [(str(s), r, str(n or s), str(h)) for s, r, n, h in rows]

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
        if len(passages) != len(embeddings):
            raise StoreError(f"{len(passages)} passages but {len(embeddings)} embeddings")
        doc_id, stamp = source_doc.doc_id, now_iso()
        with self.db.transaction() as cur:
            last = cur.execute(
                "SELECT max(version) FROM document_versions WHERE doc_id = %s", (doc_id,)
            ).fetchone()
            version = 1 if last is None or last[0] is None else int(last[0]) + 1
            _retire(cur, doc_id, stamp)
            doc = _document_record(source_doc, version)
            cur.execute(
                f"INSERT INTO documents ({_DOC_COLUMNS}, ingested_at, root, name)"
                " VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                (*_document_row(doc), untrusted, stamp, root, name or doc.source),
            )
            cur.execute(
                "INSERT INTO document_versions (doc_id, version, source, title, issuer, year,"
                " url, content_hash, ingested_at) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                (
                    doc_id,
                    version,
                    doc.source,
                    doc.title,
                    doc.issuer,
                    doc.year,
                    doc.url,
                    doc.content_hash,
                    stamp,
                ),  # fmt: skip
            )
            _copy_passages(cur, passages, embeddings)
            cur.executemany(
                "INSERT INTO definitions VALUES (%s,%s,%s,%s)",
                [(doc_id, short, long, count) for short, long, count in definitions],
            )
            _changed(cur, [doc_id])
        return doc

    def remove_document(self, source: str) -> str | None:
        stamp = now_iso()
        with self.db.transaction() as cur:
            row = cur.execute(
                "SELECT doc_id FROM documents WHERE source = %s FOR UPDATE", (source,)
            ).fetchone()
            if row is None:
                return None
            cur.execute(
                "UPDATE document_versions SET removed_at = %s"
                " WHERE doc_id = %s AND replaced_at IS NULL",
                (stamp, row[0]),
            )
            _retire(cur, row[0], stamp)
            _changed(cur, [row[0]])
        return str(row[0])

    def set_root(self, sources: Sequence[str], root: str, untrusted: bool = False) -> None:
        with self.db.transaction() as cur:
            cur.execute(
                "UPDATE documents SET root = %s WHERE root IS DISTINCT FROM %s"
                " AND source = ANY(%s)",
                (root, root, list(sources)),
            )
            marked = cur.execute(
                "UPDATE documents SET untrusted = %s WHERE untrusted != %s AND source = ANY(%s)"
                " RETURNING doc_id",
                (untrusted, untrusted, list(sources)),
            ).fetchall()
            if marked:
                _changed(cur, [r[0] for r in marked])

    def sources_under(self, roots: Iterable[str]) -> list[tuple[str, str, str]]:
        with self.db.connection() as conn:
            rows = conn.execute(
                "SELECT source, root, name FROM documents WHERE root = ANY(%s) ORDER BY source",
                (list(roots),),
            )
            return [(str(s), str(r), str(n or s)) for s, r, n in rows]

    def move_root(self, old: str, new: str) -> int:
        with self.db.transaction() as cur:
            return cur.execute(
                "UPDATE documents SET root = %s WHERE root = %s", (new, old)
            ).rowcount

    def documents(self, doc_ids: Iterable[str]) -> dict[str, Document]:
        ids = list(dict.fromkeys(doc_ids))
        if not ids:
            return {}
        with self.db.connection() as conn:
            rows = conn.execute(
                f"SELECT {_DOC_COLUMNS} FROM documents WHERE doc_id = ANY(%s)", (ids,)
            ).fetchall()
        return {str(row[0]): _document(row) for row in rows}

    def passages(self, keys: Sequence[int]) -> dict[int, Passage]:
        return self._passages_where("row", [int(k) for k in keys])

    def passages_by_id(self, passage_ids: Sequence[str]) -> dict[str, Passage]:
        found = self._passages_where("passage_id", list(passage_ids))
        return {p.passage_id: p for p in found.values()}

    def _passages_where(self, column: str, keys: list[Any]) -> dict[int, Passage]:
        if not keys:
            return {}
        with self.db.connection() as conn:
            rows = conn.execute(
                f"SELECT {_PASSAGE_COLUMNS} FROM passages WHERE {column} = ANY(%s)", (keys,)
            ).fetchall()
        return {int(r[0]): Passage(r[1], r[2], r[3], tuple(json.loads(r[4])), r[5]) for r in rows}

    def rating_scheme(self, doc_id: str) -> list[Passage]:
        with self.db.connection() as conn:
            rows = conn.execute(
                f"SELECT {_PASSAGE_COLUMNS} FROM passages WHERE doc_id = %s"
                " AND lower(section_path) LIKE '%%rating scheme%%' ORDER BY ordinal",
                (doc_id,),
            ).fetchall()
        return [Passage(r[1], r[2], r[3], tuple(json.loads(r[4])), r[5]) for r in rows]

    def passage_texts(self) -> Iterator[str]:
        return (text for *_, text in self.iter_passages())

    def iter_passages(
        self, doc_ids: Sequence[str] | None = None, batch: int = 5000
    ) -> Iterator[tuple[int, str, str, str]]:
        """(row, passage_id, doc_id, indexed text) of every passage (of `doc_ids`), by row."""
        for row, pid, doc_id, title, path, text in self._passage_rows(doc_ids, batch):
            yield int(row), pid, doc_id, index_text(title, tuple(json.loads(path)), text)

    def passage_records(self, batch: int = 5000) -> Iterator[tuple[str, str, str]]:
        """(passage id, document id, passage text) of every passage, by row."""
        for _, pid, doc_id, _, _, text in self._passage_rows(None, batch):
            yield str(pid), str(doc_id), str(text)

    def _passage_rows(self, doc_ids: Sequence[str] | None, batch: int) -> Iterator[tuple[Any, ...]]:
        """(row, passage_id, doc_id, title, section path, text) of every passage (of
        `doc_ids`), by row, `batch` at a time."""
        where, params = ("", ()) if doc_ids is None else (" AND p.doc_id = ANY(%s)", (doc_ids,))
        last = -1
        while True:
            with self.db.connection() as conn:
                rows = conn.execute(
                    "SELECT p.row, p.passage_id, p.doc_id, d.title, p.section_path, p.text"
                    " FROM passages p JOIN documents d USING (doc_id)"
                    f" WHERE p.row > %s{where} ORDER BY p.row LIMIT %s",
                    (last, *params, batch),
                ).fetchall()
            if not rows:
                return
            yield from rows
            last = int(rows[-1][0])

    def definitions(self) -> Iterator[tuple[str, str, int]]:
        with self.db.connection() as conn:
            rows = conn.execute(
                "SELECT short, long, sum(count) FROM definitions GROUP BY 1, 2 ORDER BY 1, 2"
            ).fetchall()
        yield from ((str(s), str(lf), int(c)) for s, lf, c in rows)

    def titles(self) -> Iterator[tuple[str, str]]:
        with self.db.connection() as conn:
            rows = conn.execute("SELECT doc_id, title FROM documents ORDER BY doc_id").fetchall()
        yield from ((str(d), str(t)) for d, t in rows)

    def issuers(self) -> Iterator[str]:
        with self.db.connection() as conn:
            rows = conn.execute(
                "SELECT DISTINCT issuer FROM documents WHERE issuer IS NOT NULL ORDER BY issuer"
            ).fetchall()
        yield from (str(issuer) for (issuer,) in rows)

    # -- search ------------------------------------------------------------------------

    def refresh_indexes(self) -> None:
        """Catch this replica's BM25 index up now, and build the HNSW index once the
        embeddings' dimension is known."""
        self._catch_up(force=True)
        self._ensure_hnsw()

    def lexical_search(
        self,
        clauses: Sequence[Clause],
        k: int,
        documents: Collection[str] | None = None,
        passages: Collection[int] | None = None,
    ) -> list[tuple[int, float]]:
        self._catch_up()
        return self.lexical.search_keys(clauses, k, documents, passages)

    def doc_freq(self, phrase: str) -> int:
        self._catch_up()
        return self.lexical.doc_freq(phrase)

    def prefix_freq(self, word: str) -> int:
        self._catch_up()
        return self.lexical.prefix_freq(word)

    def vector_search(
        self, vector: np.ndarray, k: int, candidates: Sequence[int] | None = None
    ) -> list[tuple[int, float]]:
        query = np.asarray(vector, dtype=np.float32)
        dims = self._index_dims()
        with self.db.connection() as conn, conn.transaction():
            if candidates is not None:
                rows = conn.execute(
                    "SELECT row, 1 - (embedding <=> %s) FROM passages WHERE row = ANY(%s)"
                    " ORDER BY embedding <=> %s LIMIT %s",
                    (query, [int(c) for c in candidates], query, k),
                ).fetchall()
            elif dims == len(query):
                conn.execute(f"SET LOCAL hnsw.ef_search = {max(40, int(k))}")
                rows = conn.execute(
                    f"SELECT row, 1 - (embedding::vector({dims}) <=> %s) FROM passages"
                    f" ORDER BY embedding::vector({dims}) <=> %s LIMIT %s",
                    (query, query, k),
                ).fetchall()
            else:
                rows = conn.execute(
                    "SELECT row, 1 - (embedding <=> %s) FROM passages"
                    " ORDER BY embedding <=> %s LIMIT %s",
                    (query, query, k),
                ).fetchall()
        return [(int(row), float(score)) for row, score in rows]

    def _index_dims(self) -> int | None:
        if self._dims is None:
            with self.db.connection() as conn:
                row = conn.execute("SELECT value FROM meta WHERE key = 'embedding.dims'").fetchone()
            self._dims = int(row[0]) if row else None
        return self._dims

    def _ensure_hnsw(self) -> None:
        if self._index_dims() is None:
            ensure_hnsw(self.db)
            self._dims = None

    # -- this replica's BM25 index -----------------------------------------------------

    def _catch_up(self, force: bool = False) -> None:
        """Bring the BM25 index to the database's generation (checked at most every
        CHECK_SECONDS unless forced)."""
        seen, checked = self._seen
        if not force and time.monotonic() - checked < CHECK_SECONDS:
            return
        generation = self.db.generation()
        if generation == seen and not force:
            self._seen = (seen, time.monotonic())
            return
        with self._guard:
            if not self._holds(generation):
                self._update_from(generation)
            else:
                self.lexical.reload()
            self._seen = (generation, time.monotonic())

    def _update_from(self, generation: int) -> None:
        handle = os.open(self.home / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)  # another process of this folder may be at it
            if self._holds(generation):
                self.lexical.reload()
                return
            held = self.lexical.generation()
            if held is None or held > generation or self.lexical.library() != self.library_id():
                self.lexical.clear()
                self.lexical.add((str(r), d, t) for r, _p, d, t in self.iter_passages())
            else:
                changed = self._changed_since(held)
                self.lexical.delete_documents(changed)
                if changed:
                    rows = self.iter_passages(changed)
                    self.lexical.add((str(r), d, t) for r, _p, d, t in rows)
            self.lexical.commit(generation, self.library_id())
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
            os.close(handle)

    def library_id(self) -> str:
        """The database's random library id (m002_library_id)."""
        if self._library is None:
            self._library = self.db.library_id()
        return self._library

    def _holds(self, generation: int) -> bool:
        """Whether the BM25 index is this database's, at this generation."""
        return (
            self.lexical.generation() == generation and self.lexical.library() == self.library_id()
        )

    def _changed_since(self, generation: int) -> list[str]:
        with self.db.connection() as conn:
            rows = conn.execute(
                "SELECT DISTINCT doc_id FROM changes WHERE generation > %s ORDER BY doc_id",
                (generation,),
            ).fetchall()
        return [str(r[0]) for r in rows]


def ensure_hnsw(db: Database) -> None:
    """Build the HNSW index on the passages' embeddings, once their dimension is known (a
    library moved in by `migrate-store`, or the end of the first ingest)."""
    with db.connection() as conn, conn.transaction():
        row = conn.execute("SELECT vector_dims(embedding) FROM passages LIMIT 1").fetchone()
        if row is None:
            return
        dims = int(row[0])
        conn.execute("SET LOCAL maintenance_work_mem = '512MB'")
        conn.execute(
            f"CREATE INDEX IF NOT EXISTS {HNSW_INDEX} ON passages"
            f" USING hnsw ((embedding::vector({dims})) vector_cosine_ops)"
        )
        conn.execute(
            "INSERT INTO meta VALUES ('embedding.dims', %s) ON CONFLICT (key) DO NOTHING",
            (str(dims),),
        )


def _retire(cur: psycopg.Cursor[Any], doc_id: str, stamp: str) -> None:
    cur.execute(
        "UPDATE document_versions SET replaced_at = %s WHERE doc_id = %s AND replaced_at IS NULL",
        (stamp, doc_id),
    )
    cur.execute("DELETE FROM passages WHERE doc_id = %s", (doc_id,))
    cur.execute("DELETE FROM definitions WHERE doc_id = %s", (doc_id,))
    cur.execute("DELETE FROM documents WHERE doc_id = %s", (doc_id,))


def _changed(cur: psycopg.Cursor[Any], doc_ids: Sequence[str]) -> None:
    """A new generation (the row lock on it orders writers), touching these documents."""
    row = cur.execute(
        "UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'generation' RETURNING value"
    ).fetchone()
    generation = int(row[0]) if row else 0
    cur.executemany(
        "INSERT INTO changes VALUES (%s, %s)", [(generation, doc_id) for doc_id in doc_ids]
    )


def _copy_passages(
    cur: psycopg.Cursor[Any], passages: Sequence[Passage], embeddings: np.ndarray
) -> None:
    """The passages (the first of each passage id) with their embeddings, by COPY."""
    seen: set[str] = set()
    vectors = np.asarray(embeddings, dtype=np.float32)
    with cur.copy(
        "COPY passages (passage_id, doc_id, ordinal, section_path, text, embedding)"
        " FROM STDIN WITH (FORMAT BINARY)"
    ) as copy:
        copy.set_types(["text", "text", "int4", "text", "text", "vector"])
        for passage, vector in zip(passages, vectors, strict=True):
            if passage.passage_id in seen:
                continue
            seen.add(passage.passage_id)
            copy.write_row(
                (
                    passage.passage_id,
                    passage.doc_id,
                    passage.ordinal,
                    json.dumps(list(passage.section_path), ensure_ascii=False),
                    passage.text,
                    vector,
                )
            )
