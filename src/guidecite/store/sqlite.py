"""The SQLite part of the embedded store: documents, their versions, passages, and the tables
of the repositories (`sqlite_repositories.py`: articles, accounts, the audit trail).

SQLite is the source of truth. The lexical and vector indexes are derived from it and
rebuilt when their recorded generation differs from the one stored here (see
`guidecite.store.library`). Each document is written in a single transaction, so an ingest
killed midway leaves every document either fully old or fully new.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from ..errors import StoreError
from ..types import Document, Passage, SourceDocument
from .base import now_iso

__all__ = ["MIGRATIONS", "SQLiteStore", "index_text", "now_iso"]

#: How long a write waits for another process's transaction (an ingest's, say).
BUSY_SECONDS = 30.0


def _run_script(db: sqlite3.Connection, script: str) -> None:
    """Run statements one by one (executescript would commit the open transaction)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def m001_initial(db: sqlite3.Connection) -> None:
    _run_script(
        db,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE documents (
            doc_id TEXT PRIMARY KEY,
            source TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            issuer TEXT, year INTEGER, url TEXT,
            language TEXT NOT NULL, audience TEXT NOT NULL, rights TEXT,
            content_hash TEXT NOT NULL,
            version INTEGER NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE TABLE document_versions (
            doc_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            source TEXT NOT NULL,
            title TEXT NOT NULL,
            issuer TEXT, year INTEGER, url TEXT,
            content_hash TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            replaced_at TEXT,
            PRIMARY KEY (doc_id, version)
        );
        CREATE TABLE passages (
            row INTEGER PRIMARY KEY,
            passage_id TEXT NOT NULL UNIQUE,
            doc_id TEXT NOT NULL REFERENCES documents(doc_id),
            ordinal INTEGER NOT NULL,
            section_path TEXT NOT NULL,
            text TEXT NOT NULL,
            embedding BLOB NOT NULL
        );
        CREATE INDEX passages_doc ON passages(doc_id);
        CREATE TABLE definitions (
            doc_id TEXT NOT NULL,
            short TEXT NOT NULL,
            long TEXT NOT NULL,
            count INTEGER NOT NULL
        );
        CREATE INDEX definitions_doc ON definitions(doc_id);
        CREATE TABLE answers (
            answer_id TEXT PRIMARY KEY,
            question_key TEXT NOT NULL,
            generation INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            body TEXT NOT NULL
        );
        CREATE INDEX answers_question ON answers(question_key);
        """,
    )


def m002_articles(db: sqlite3.Connection) -> None:
    """Articles of the web app: a stable id, review state, thread links and versions.

    A version is numbered per article and made on one library generation; it holds one
    answer (JSON, docs/answer-schema.md) for each audience a reader has asked for.
    """
    _run_script(
        db,
        """
        CREATE TABLE articles (
            article_id TEXT PRIMARY KEY,
            question TEXT NOT NULL,
            query TEXT NOT NULL,
            parent_id TEXT REFERENCES articles(article_id),
            thread_id TEXT NOT NULL,
            status TEXT NOT NULL,
            submitted_at TEXT NOT NULL,
            review_started_at TEXT,
            approved_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX articles_updated ON articles(updated_at);
        CREATE INDEX articles_thread ON articles(thread_id);
        CREATE TABLE article_versions (
            article_id TEXT NOT NULL REFERENCES articles(article_id),
            version INTEGER NOT NULL,
            audience TEXT NOT NULL,
            generation INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (article_id, version, audience)
        );
        """,
    )


def m003_review(db: sqlite3.Connection) -> None:
    """The review board: accounts, sessions, comments, statement edits and the audit trail.

    The audit table is append-only: triggers refuse every UPDATE and DELETE of it
    (guidecite.audit). An article records who approved it, which version, and why it went
    back to "submitted" (an edit, a changed source).
    """
    _run_script(
        db,
        """
        CREATE TABLE users (
            username TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            failed_logins INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            created_at TEXT NOT NULL
        );
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            username TEXT NOT NULL REFERENCES users(username),
            csrf_token TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        );
        CREATE TABLE review_comments (
            comment_id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(article_id),
            version INTEGER NOT NULL,
            statement TEXT NOT NULL,
            username TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX review_comments_article ON review_comments(article_id);
        CREATE TABLE statement_edits (
            edit_id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(article_id),
            from_version INTEGER NOT NULL,
            to_version INTEGER NOT NULL,
            statement TEXT NOT NULL,
            old_text TEXT NOT NULL,
            new_text TEXT NOT NULL,
            verdict TEXT,
            username TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        ALTER TABLE articles ADD COLUMN reviewer TEXT;
        ALTER TABLE articles ADD COLUMN approved_by TEXT;
        ALTER TABLE articles ADD COLUMN approved_version INTEGER;
        ALTER TABLE articles ADD COLUMN review_reason TEXT;
        CREATE TABLE audit (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            detail TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )
        """,
    )
    for event in ("UPDATE", "DELETE"):  # one statement each: _run_script splits on ";"
        db.execute(
            f"CREATE TRIGGER audit_no_{event.lower()} BEFORE {event} ON audit"
            " BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
        )


def m004_document_roots(db: sqlite3.Connection) -> None:
    """The folder each document was ingested from, and when a version was removed.

    `root` is an absolute folder path ("package:open-medicine" for the starter library);
    `ingest --prune` removes the documents of a folder that it no longer holds. NULL for
    documents stored before this migration until they are seen again.
    """
    _run_script(
        db,
        """
        ALTER TABLE documents ADD COLUMN root TEXT;
        CREATE INDEX documents_root ON documents(root);
        ALTER TABLE document_versions ADD COLUMN removed_at TEXT
        """,
    )


def m005_document_names(db: sqlite3.Connection) -> None:
    """A document's identity is its folder and its name in that folder (`root`, `name`).

    `source` stays unique and is what answers show: the name itself, or, when another
    folder already holds a document of that name, the name under its folder's name
    ("b/guide.md"; docs/ingest.md). Documents stored before this migration keep their
    source as their name.
    """
    _run_script(
        db,
        """
        ALTER TABLE documents ADD COLUMN name TEXT;
        UPDATE documents SET name = source;
        CREATE INDEX documents_root_name ON documents(root, name)
        """,
    )


def m006_untrusted_documents(db: sqlite3.Connection) -> None:
    """Documents marked untrusted at ingest (`ingest --untrusted`): their statements are
    labelled in answers."""
    db.execute("ALTER TABLE documents ADD COLUMN untrusted INTEGER NOT NULL DEFAULT 0")


def m007_audit_head(db: sqlite3.Connection) -> None:
    """The audit chain's head (entry count and last hash) kept in `meta`, so that deleting
    the last entries shows (guidecite.audit)."""
    row = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    if row is not None:
        head = json.dumps({"entries": int(row[0]), "hash": str(row[1])}, sort_keys=True,
                          separators=(",", ":"))  # fmt: skip
        db.execute("INSERT OR REPLACE INTO meta VALUES ('audit.head', ?)", (head,))


def m008_article_identifiers(db: sqlite3.Connection) -> None:
    """Patient identifiers and articles (guidecite.deidentify): the kinds removed from a
    question when it was asked, and a flag on questions stored before de-identification that
    hold identifiers, so that anonymous visitors neither see them listed nor open them."""
    _run_script(
        db,
        """
        ALTER TABLE articles ADD COLUMN identifiers_removed TEXT NOT NULL DEFAULT '';
        ALTER TABLE articles ADD COLUMN identifiers_present INTEGER NOT NULL DEFAULT 0
        """,
    )
    _flag_identifiers(db)


def m009_article_identifiers_again(db: sqlite3.Connection) -> None:
    """Stored questions checked again with the rules of 2026-12-03, which also find a
    message's signature ("Best Regards Mahmoud Hassan") and a name written again: a
    question stored under the earlier rules may hold one, and is flagged as m008 flags."""
    _flag_identifiers(db)


def _flag_identifiers(db: sqlite3.Connection) -> None:
    """Flag every article whose stored question or query holds identifiers by the current
    rules (guidecite.deidentify), so that anonymous visitors neither see it listed nor open
    it."""
    from ..deidentify import holds_identifiers

    rows = db.execute("SELECT article_id, question, query FROM articles").fetchall()
    for article_id, question, query in rows:
        if holds_identifiers(question, query):
            db.execute(
                "UPDATE articles SET identifiers_present = 1 WHERE article_id = ?", (article_id,)
            )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    m001_initial,
    m002_articles,
    m003_review,
    m004_document_roots,
    m005_document_names,
    m006_untrusted_documents,
    m007_audit_head,
    m008_article_identifiers,
    m009_article_identifiers_again,
]


class SQLiteStore:
    """Documents, passages (with their embeddings), articles, accounts and the audit trail
    in one SQLite file.

    Each thread has a connection of its own (`db`), so that threads never share a
    transaction; SQLite serialises their writes (BEGIN IMMEDIATE, waiting BUSY_SECONDS)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._opened: list[sqlite3.Connection] = []
        self._guard = threading.Lock()
        self.applied: tuple[str, ...] = ()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the store at {path}: {exc}") from exc

    @property
    def db(self) -> sqlite3.Connection:
        """This thread's connection."""
        found: sqlite3.Connection | None = getattr(self._local, "db", None)
        if found is None:
            found = self._connect()
            self._local.db = found
        return found

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(
            self.path, isolation_level=None, check_same_thread=False, timeout=BUSY_SECONDS
        )
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
        except sqlite3.DatabaseError as exc:
            db.close()
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from exc
        with self._guard:
            self._opened.append(db)
        return db

    def close(self) -> None:
        with self._guard:
            opened, self._opened = self._opened, []
        for db in opened:
            db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _migrate(self) -> None:
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
        )
        done = {row[0] for row in self.db.execute("SELECT name FROM migrations")}
        applied = []
        for migration in MIGRATIONS:
            if migration.__name__ in done:
                continue
            with self.transaction() as db:
                if db.execute(
                    "SELECT 1 FROM migrations WHERE name = ?", (migration.__name__,)
                ).fetchone():
                    continue  # another process applied it meanwhile
                migration(db)
                db.execute("INSERT INTO migrations VALUES (?, ?)", (migration.__name__, now_iso()))
            applied.append(migration.__name__)
        self.applied = tuple(applied)

    def migrations(self) -> tuple[str, ...]:
        """Every migration recorded in the file, in the order applied."""
        rows = self.db.execute("SELECT name FROM migrations ORDER BY rowid")
        return tuple(str(row[0]) for row in rows)

    # -- bookkeeping -------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def generation(self) -> int:
        return int(self.get_meta("generation") or 0)

    def bump_generation(self) -> int:
        generation = self.generation() + 1
        self.set_meta("generation", str(generation))
        return generation

    # -- documents ---------------------------------------------------------------------

    def content_hashes(self) -> dict[str, str]:
        """source -> content hash of every stored document."""
        return dict(self.db.execute("SELECT source, content_hash FROM documents"))

    def identities(self) -> list[tuple[str, str | None, str, str]]:
        """(source, root, name, content hash) of every stored document."""
        return [
            (str(source), root, str(name or source), str(digest))
            for source, root, name, digest in self.db.execute(
                "SELECT source, root, name, content_hash FROM documents"
            )
        ]

    def untrusted_documents(self) -> set[str]:
        """doc_ids of the documents marked untrusted at ingest."""
        return {str(r[0]) for r in self.db.execute("SELECT doc_id FROM documents WHERE untrusted")}

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
        """Store a new or changed document in one transaction, keeping the old version's record.

        `root` is the folder it was ingested from and `name` its name there (its source by
        default); `untrusted` marks it for labelling. A document removed earlier and now
        back gets the next version number after its last one.
        """
        doc_id = source_doc.doc_id
        stamp = now_iso()
        with self.transaction() as db:
            (last,) = db.execute(
                "SELECT max(version) FROM document_versions WHERE doc_id = ?", (doc_id,)
            ).fetchone()
            version = 1 if last is None else int(last) + 1
            self._retire(db, doc_id, stamp)
            doc = _document_record(source_doc, version)
            db.execute(
                f"INSERT INTO documents ({_DOC_COLUMNS}, ingested_at, root, name, untrusted)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (*_document_row(doc), stamp, root, name or doc.source, int(untrusted)),
            )
            db.execute(
                "INSERT INTO document_versions (doc_id, version, source, title, issuer, year,"
                " url, content_hash, ingested_at) VALUES (?,?,?,?,?,?,?,?,?)",
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
                ),
            )
            db.executemany(
                "INSERT OR IGNORE INTO passages"
                " (passage_id, doc_id, ordinal, section_path, text, embedding)"
                " VALUES (?,?,?,?,?,?)",
                _passage_rows(passages, embeddings),
            )
            db.executemany(
                "INSERT INTO definitions VALUES (?,?,?,?)",
                ((doc_id, short, long, count) for short, long, count in definitions),
            )
            self.bump_generation()
        return doc

    def remove_document(self, source: str) -> str | None:
        """Remove a document and its passages in one transaction; its doc_id, if it was held.

        Its version records stay, the last one marked replaced and removed."""
        stamp = now_iso()
        with self.transaction() as db:
            row = db.execute("SELECT doc_id FROM documents WHERE source = ?", (source,)).fetchone()
            if row is None:
                return None
            db.execute(
                "UPDATE document_versions SET removed_at = ?"
                " WHERE doc_id = ? AND replaced_at IS NULL",
                (stamp, row[0]),
            )
            self._retire(db, row[0], stamp)
            self.bump_generation()
        return str(row[0])

    def set_root(self, sources: Sequence[str], root: str, untrusted: bool = False) -> None:
        """Record the folder that unchanged documents were seen in this time, and whether
        that ingest marked them untrusted (a changed mark is a new generation: answers
        label them)."""
        marked = 0
        with self.transaction() as db:
            for chunk in _chunks(list(sources), 500):
                marks = ",".join("?" * len(chunk))
                db.execute(
                    f"UPDATE documents SET root = ? WHERE root IS NOT ? AND source IN ({marks})",
                    (root, root, *chunk),
                )
                marked += db.execute(
                    f"UPDATE documents SET untrusted = ? WHERE untrusted != ?"
                    f" AND source IN ({marks})",
                    (int(untrusted), int(untrusted), *chunk),
                ).rowcount
            if marked:
                self.bump_generation()

    def sources_under(self, roots: Iterable[str]) -> list[tuple[str, str, str]]:
        """(source, root, name) of the documents ingested from any of these folders."""
        found: list[tuple[str, str, str]] = []
        for chunk in _chunks(list(roots), 500):
            marks = ",".join("?" * len(chunk))
            found += [
                (str(source), str(root), str(name or source))
                for source, root, name in self.db.execute(
                    f"SELECT source, root, name FROM documents WHERE root IN ({marks})"
                    " ORDER BY source",
                    chunk,
                )
            ]
        return found

    def move_root(self, old: str, new: str) -> int:
        """Record that the documents of folder `old` now live in `new`; how many moved."""
        with self.transaction() as db:
            return db.execute("UPDATE documents SET root = ? WHERE root = ?", (new, old)).rowcount

    @staticmethod
    def _retire(db: sqlite3.Connection, doc_id: str, stamp: str) -> None:
        db.execute(
            "UPDATE document_versions SET replaced_at = ? WHERE doc_id = ? AND replaced_at IS NULL",
            (stamp, doc_id),
        )
        db.execute("DELETE FROM passages WHERE doc_id = ?", (doc_id,))
        db.execute("DELETE FROM definitions WHERE doc_id = ?", (doc_id,))
        db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))

    def documents(self, doc_ids: Iterable[str]) -> dict[str, Document]:
        ids = list(dict.fromkeys(doc_ids))
        found: dict[str, Document] = {}
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                f"SELECT {_DOC_COLUMNS}, untrusted FROM documents WHERE doc_id IN ({marks})", chunk
            ):
                found[row[0]] = _document(row)
        return found

    def document_versions(self, doc_id: str) -> list[dict[str, object]]:
        cursor = self.db.execute(
            "SELECT version, content_hash, ingested_at, replaced_at, removed_at"
            " FROM document_versions"
            " WHERE doc_id = ? ORDER BY version",
            (doc_id,),
        )
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def counts(self) -> dict[str, int]:
        one = self.db.execute
        return {
            "documents": int(one("SELECT count(*) FROM documents").fetchone()[0]),
            "passages": int(one("SELECT count(*) FROM passages").fetchone()[0]),
        }

    # -- passages ----------------------------------------------------------------------

    def passages_by_row(self, rows: Sequence[int]) -> dict[int, Passage]:
        return self._passages_where("row", list(rows))

    def passages_by_id(self, passage_ids: Sequence[str]) -> dict[str, Passage]:
        by_row = self._passages_where("passage_id", list(passage_ids))
        return {p.passage_id: p for p in by_row.values()}

    def _passages_where(self, column: str, keys: list[object]) -> dict[int, Passage]:
        found: dict[int, Passage] = {}
        for chunk in _chunks(keys, 500):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                "SELECT row, passage_id, doc_id, ordinal, section_path, text FROM passages"
                f" WHERE {column} IN ({marks})",
                chunk,
            ):
                found[row[0]] = Passage(row[1], row[2], row[3], tuple(json.loads(row[4])), row[5])
        return found

    def iter_passages(
        self, doc_ids: Sequence[str] | None = None, batch: int = 5000
    ) -> Iterator[tuple[int, str, str, str]]:
        """(row, passage_id, doc_id, indexed text) of every passage (of `doc_ids`), by row."""
        if doc_ids is not None:
            for chunk in _chunks(list(doc_ids), 500):
                yield from self._iter_passages(
                    f"p.doc_id IN ({','.join('?' * len(chunk))})", chunk, batch
                )
            return
        yield from self._iter_passages("1 = 1", [], batch)

    def _iter_passages(
        self, where: str, params: list[str], batch: int
    ) -> Iterator[tuple[int, str, str, str]]:
        for row, pid, doc_id, title, path, text in self._passage_rows(where, params, batch):
            yield row, pid, doc_id, index_text(title, tuple(json.loads(path)), text)

    def passage_records(self, batch: int = 5000) -> Iterator[tuple[str, str, str]]:
        """(passage id, document id, passage text) of every passage, by row."""
        for _, pid, doc_id, _, _, text in self._passage_rows("1 = 1", [], batch):
            yield pid, doc_id, text

    def _passage_rows(
        self, where: str, params: list[str], batch: int
    ) -> Iterator[tuple[int, str, str, str, str, str]]:
        """(row, passage_id, doc_id, title, section path, text) of the passages `where`
        selects, by row, `batch` at a time."""
        last = -1
        while True:
            rows = self.db.execute(
                "SELECT p.row, p.passage_id, p.doc_id, d.title, p.section_path, p.text"
                " FROM passages p JOIN documents d USING (doc_id)"
                f" WHERE p.row > ? AND {where} ORDER BY p.row LIMIT ?",
                (last, *params, batch),
            ).fetchall()
            if not rows:
                return
            yield from rows
            last = rows[-1][0]

    def embeddings(self) -> tuple[np.ndarray, np.ndarray]:
        """(rows, float32 matrix) of every stored passage embedding."""
        rows: list[int] = []
        blobs: list[bytes] = []
        for row, blob in self.db.execute("SELECT row, embedding FROM passages ORDER BY row"):
            rows.append(row)
            blobs.append(blob)
        if not blobs:
            return np.zeros(0, dtype=np.int64), np.zeros((0, 0), dtype=np.float32)
        matrix = np.frombuffer(b"".join(blobs), dtype=np.float16).reshape(len(blobs), -1)
        return np.asarray(rows, dtype=np.int64), matrix.astype(np.float32)

    def rating_scheme(self, doc_id: str) -> list[Passage]:
        """The document's passages under a heading that names a rating scheme, in order."""
        rows = self.db.execute(
            "SELECT passage_id, doc_id, ordinal, section_path, text FROM passages"
            " WHERE doc_id = ? AND lower(section_path) LIKE '%rating scheme%' ORDER BY ordinal",
            (doc_id,),
        )
        return [Passage(r[0], r[1], r[2], tuple(json.loads(r[3])), r[4]) for r in rows]

    def titles(self) -> Iterator[tuple[str, str]]:
        yield from self.db.execute("SELECT doc_id, title FROM documents ORDER BY doc_id")

    def issuers(self) -> Iterator[str]:
        rows = self.db.execute(
            "SELECT DISTINCT issuer FROM documents WHERE issuer IS NOT NULL ORDER BY issuer"
        )
        yield from (issuer for (issuer,) in rows)

    def definitions(self) -> Iterator[tuple[str, str, int]]:
        yield from self.db.execute("SELECT short, long, sum(count) FROM definitions GROUP BY 1, 2")


_DOC_COLUMNS = (
    "doc_id, source, title, issuer, year, url, language, audience, rights, content_hash, version"
)


def _document(row: Sequence[object]) -> Document:
    """A Document from a row of `_DOC_COLUMNS` and `untrusted`."""
    doc_id, source, title, issuer, year, url, language, audience, rights, digest, version = row[:11]
    return Document(
        doc_id=str(doc_id),
        source=str(source),
        title=str(title),
        issuer=None if issuer is None else str(issuer),
        year=None if year is None else int(year),  # type: ignore[call-overload]
        url=None if url is None else str(url),
        language=str(language),
        audience=str(audience),
        rights=None if rights is None else str(rights),
        content_hash=str(digest),
        version=int(version),  # type: ignore[call-overload]
        untrusted=bool(row[11]),
    )


def index_text(title: str, section_path: tuple[str, ...], text: str) -> str:
    """What the lexical index sees of a passage: its document title and headings too."""
    return "\n".join((title, " > ".join(section_path), text))


def _document_record(source_doc: SourceDocument, version: int) -> Document:
    return Document(
        doc_id=source_doc.doc_id,
        source=source_doc.source,
        title=source_doc.title,
        issuer=source_doc.issuer,
        year=source_doc.year,
        url=source_doc.url,
        language=source_doc.language,
        audience=source_doc.audience,
        rights=source_doc.rights,
        content_hash=source_doc.content_hash,
        version=version,
    )


def _document_row(doc: Document) -> tuple[object, ...]:
    return (
        doc.doc_id,
        doc.source,
        doc.title,
        doc.issuer,
        doc.year,
        doc.url,
        doc.language,
        doc.audience,
        doc.rights,
        doc.content_hash,
        doc.version,
    )


def _passage_rows(
    passages: Sequence[Passage], embeddings: np.ndarray
) -> Iterator[tuple[object, ...]]:
    if len(passages) != len(embeddings):
        raise StoreError(f"{len(passages)} passages but {len(embeddings)} embeddings")
    half = np.asarray(embeddings, dtype=np.float16)
    for passage, vector in zip(passages, half, strict=True):
        yield (
            passage.passage_id,
            passage.doc_id,
            passage.ordinal,
            json.dumps(list(passage.section_path), ensure_ascii=False),
            passage.text,
            vector.tobytes(),
        )


def _chunks(items: list[object] | list[str] | list[int], size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])
