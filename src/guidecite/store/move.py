"""Moving an embedded library into PostgreSQL: `guidecite migrate-store --to postgresql://...`.

Every row is copied as it is, in one transaction, into a database that holds no library
yet: documents with their versions, passages with their embeddings, definitions, articles
with their versions, review comments and edits, accounts and sessions, and the audit trail
with its recorded head, so that `guidecite audit verify` passes on the copy and the hashes
written down earlier (`audit head`) still match. The source is opened as any library is
(pending schema migrations of the embedded store are applied to it) and otherwise only read.
The copy gets its HNSW vector index at the end; replicas build their BM25 index from it on
their first search.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import psycopg

from ..audit import HEAD_KEY
from ..errors import StoreError
from .embedded import SQLITE_NAME, holds_library
from .postgres import Database, migrate
from .postgres_content import ensure_hnsw
from .sqlite import SQLiteStore

#: (table, columns copied, the source's order); columns the target numbers itself are left
#: out (comment and edit ids, the articles' order), and rows keep their order.
TABLES: tuple[tuple[str, str, str], ...] = (
    ("documents", "doc_id, source, title, issuer, year, url, language, audience, rights,"
     " content_hash, version, ingested_at, root, name, untrusted", "doc_id"),
    ("document_versions", "doc_id, version, source, title, issuer, year, url, content_hash,"
     " ingested_at, replaced_at, removed_at", "doc_id, version"),
    ("definitions", "doc_id, short, long, count", "rowid"),
    ("articles", "article_id, question, query, parent_id, thread_id, status, submitted_at,"
     " review_started_at, approved_at, created_at, updated_at, reviewer, approved_by,"
     " approved_version, review_reason, identifiers_removed, identifiers_present", "rowid"),
    ("article_versions", "article_id, version, audience, generation, created_at, body",
     "rowid"),
    ("users", "username, display_name, role, password_hash, failed_logins, locked_until,"
     " created_at", "username"),
    ("sessions", "token_hash, username, csrf_token, created_at, expires_at", "rowid"),
    ("review_comments", "article_id, version, statement, username, body, created_at",
     "comment_id"),
    ("statement_edits", "article_id, from_version, to_version, statement, old_text, new_text,"
     " verdict, username, created_at", "edit_id"),
    ("audit", "seq, at, actor, action, target, detail, prev_hash, hash", "seq"),
)  # fmt: skip
_BOOLEAN = {("documents", "untrusted"), ("articles", "identifiers_present")}
_HELD = ("documents", "articles", "users", "audit")


def copy_library(home: Path, url: str) -> dict[str, int]:
    """Copy the embedded library in `home` into the (empty) database at `url`; rows copied
    per table."""
    if not holds_library(home):
        raise StoreError(f"no library at {home}")
    migrate(url)
    source = SQLiteStore(home / SQLITE_NAME)
    try:
        with psycopg.connect(url) as conn:
            from pgvector.psycopg import register_vector

            register_vector(conn)
            with conn.transaction(), conn.cursor() as cur:
                _check_empty(cur)
                counts = {"documents": _copy_table(source, cur, *TABLES[0])}
                counts["passages"] = _copy_passages(source, cur)
                for table, columns, order in TABLES[1:]:
                    counts[table] = _copy_table(source, cur, table, columns, order)
                _copy_meta(source, cur)
    except psycopg.OperationalError as exc:
        raise StoreError(f"cannot reach the database: {exc}") from exc
    except psycopg.Error as exc:  # a value it cannot store, a duplicate key: all undone
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StoreError(f"cannot copy the library; nothing was copied: {reason}") from exc
    finally:
        source.close()
    _build_vector_index(url)
    return counts


def _build_vector_index(url: str) -> None:
    db = Database(url)
    db.open()
    try:
        ensure_hnsw(db)
    finally:
        db.close()


def _check_empty(cur: psycopg.Cursor[Any]) -> None:
    for table in _HELD:
        row = cur.execute(f"SELECT count(*) FROM {table}").fetchone()
        if row and row[0]:
            raise StoreError(
                f"the database already holds {table} ({row[0]}); "
                "migrate-store copies a library into an empty database only"
            )


def _copy_table(
    source: SQLiteStore, cur: psycopg.Cursor[Any], table: str, columns: str, order: str
) -> int:
    names = [c.strip() for c in columns.split(",")]
    flags = [(table, name) in _BOOLEAN for name in names]
    count = 0
    rows = source.db.execute(f"SELECT {columns} FROM {table} ORDER BY {order}")
    with cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([bool(v) if flag else v for v, flag in zip(row, flags, strict=True)])
            count += 1
    return count


def _copy_passages(source: SQLiteStore, cur: psycopg.Cursor[Any]) -> int:
    """The passages with their embeddings (stored as float16 in SQLite), keeping their rows."""
    count = 0
    rows = source.db.execute(
        "SELECT row, passage_id, doc_id, ordinal, section_path, text, embedding"
        " FROM passages ORDER BY row"
    )
    with cur.copy(
        "COPY passages (row, passage_id, doc_id, ordinal, section_path, text, embedding)"
        " FROM STDIN WITH (FORMAT BINARY)"
    ) as copy:
        copy.set_types(["int8", "text", "text", "int4", "text", "text", "vector"])
        for *fields, blob in rows:
            copy.write_row((*fields, np.frombuffer(blob, dtype=np.float16).astype(np.float32)))
            count += 1
    cur.execute(
        "SELECT setval(pg_get_serial_sequence('passages', 'row'),"
        " greatest((SELECT max(row) FROM passages), 1))"
    )
    return count


def _copy_meta(source: SQLiteStore, cur: psycopg.Cursor[Any]) -> None:
    generation = max(source.generation(), 1)
    cur.execute("UPDATE meta SET value = %s WHERE key = 'generation'", (str(generation),))
    head = source.get_meta(HEAD_KEY)
    if head is not None:
        cur.execute("UPDATE meta SET value = %s WHERE key = %s", (head, HEAD_KEY))
