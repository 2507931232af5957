"""A document's identity is its folder and its name there (issue 10, part 2): two folders
holding the same file name never overwrite each other; a moved folder is recognised on
purpose; stores made before the identity change keep working."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from guidecite.embedding import get_embedder
from guidecite.ingest import ingest_paths
from guidecite.store import sqlite as store_sqlite
from guidecite.store.embedded import SQLITE_NAME, EmbeddedStore


def guide(topic: str) -> str:
    return f"---\ntitle: {topic} fever\n---\n# {topic} fever\n\n{topic} fever needs rest.\n"


def folder(path: Path, topic: str) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    (path / "guide.md").write_text(guide(topic), encoding="utf-8")
    return path


def documents(store: EmbeddedStore) -> dict[str, tuple[str, str, str]]:
    """source -> (doc_id, root, name)."""
    rows = store.sql.db.execute("SELECT source, doc_id, root, name FROM documents")
    return {source: (doc_id, root, name) for source, doc_id, root, name in rows}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    opened = EmbeddedStore(tmp_path / "home")
    yield opened
    opened.close()


def test_two_folders_with_the_same_file_name_keep_both(store, tmp_path: Path) -> None:
    """`ingest coll/a coll/b` stored one guide.md and lost the other ("1 added, 1 updated")."""
    a = folder(tmp_path / "coll" / "a", "Zorblax")
    b = folder(tmp_path / "coll" / "b", "Quimbly")
    embedder = get_embedder("hash")
    report = ingest_paths(store, [a, b], embedder)
    assert (report.added, report.updated) == (2, 0)
    held = documents(store)
    assert set(held) == {"guide.md", "b/guide.md"}
    assert held["b/guide.md"][1:] == (str(b.resolve()), "guide.md")
    again = ingest_paths(store, [b, a], embedder)  # either order: the same documents
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    (b / "guide.md").write_text(guide("Frandle"), encoding="utf-8")
    changed = ingest_paths(store, [b], embedder, prune=True)
    assert changed.changed == ["b/guide.md"] and changed.removed == []
    assert set(documents(store)) == {"guide.md", "b/guide.md"}


def test_a_moved_folder_keeps_its_documents_and_ids(store, tmp_path: Path) -> None:
    old = folder(tmp_path / "before" / "coll", "Zorblax")
    embedder = get_embedder("hash")
    ingest_paths(store, [old], embedder)
    (doc_id, _, _) = documents(store)["guide.md"]
    new = tmp_path / "after" / "coll"
    new.parent.mkdir()
    shutil.move(old, new)
    report = ingest_paths(store, [new], embedder, prune=True)
    assert report.moved == [(str(old.resolve()), str(new.resolve()))]
    assert (report.added, report.unchanged, report.removed) == (0, 1, [])
    assert documents(store) == {"guide.md": (doc_id, str(new.resolve()), "guide.md")}


def test_a_copied_folder_is_a_second_folder_not_a_move(store, tmp_path: Path) -> None:
    first = folder(tmp_path / "one" / "coll", "Zorblax")
    embedder = get_embedder("hash")
    ingest_paths(store, [first], embedder)
    copy = tmp_path / "two" / "coll"
    shutil.copytree(first, copy)
    report = ingest_paths(store, [copy], embedder)
    assert (report.moved, report.added) == ([], 1)
    assert set(documents(store)) == {"guide.md", "coll/guide.md"}


def test_a_store_made_before_document_names_keeps_working(tmp_path: Path) -> None:
    """A store migrated up to m004 (source unique, no name) opens, gains names, and a
    re-ingest finds its documents unchanged."""
    docs = folder(tmp_path / "docs", "Zorblax")
    home = tmp_path / "home"
    store = EmbeddedStore(home)
    ingest_paths(store, [docs], get_embedder("hash"))
    before = documents(store)
    store.close()
    with sqlite3.connect(home / SQLITE_NAME) as db:  # as m004 left it
        db.execute("DROP INDEX documents_root_name")
        db.execute("ALTER TABLE documents DROP COLUMN name")
        db.execute("ALTER TABLE documents DROP COLUMN untrusted")
        db.execute("UPDATE documents SET root = NULL")
        db.execute("DELETE FROM migrations WHERE name IN ('m005_document_names',"
                   " 'm006_untrusted_documents')")  # fmt: skip
    reopened = EmbeddedStore(home)
    try:
        assert "m005_document_names" in [m.__name__ for m in store_sqlite.MIGRATIONS]
        assert {s: v[0] for s, v in documents(reopened).items()} == {
            "guide.md": before["guide.md"][0]
        }
        report = ingest_paths(reopened, [docs], get_embedder("hash"))
        assert (report.added, report.updated, report.unchanged) == (0, 0, 1)
        assert documents(reopened) == before
    finally:
        reopened.close()
