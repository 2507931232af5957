"""`ingest --prune`: documents gone from an ingested folder are removed, their version
records kept, and approved articles citing them sent back to review; nothing else is."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from guidecite.embedding import get_embedder
from guidecite.ingest import ingest_paths, source_events
from guidecite.review import APPROVE, TAKE, ReviewBoard
from guidecite.store.articles import SUBMITTED
from guidecite.store.embedded import EmbeddedStore
from guidecite.store.lexical import Clause
from review_support import add_users, store_with_article

TOPICS = ("zorblax", "quimbly", "frandle")


def guide(topic: str) -> str:
    return (
        f"---\ntitle: Guideline on {topic} fever\nsource: Test Society\nyear: 2024\n---\n"
        f"# {topic} fever\n\n## Treatment\n\n{topic.capitalize()} fever should be treated"
        " with rest for 3 days.\n"
    )


def library(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for topic in TOPICS:
        (folder / f"{topic}.md").write_text(guide(topic), encoding="utf-8")
    return folder


def found(store: EmbeddedStore, word: str) -> set[str]:
    """Sources of the documents whose passages a search for the word finds."""
    hits = store.lexical_search([Clause(word)], 10)
    doc_ids = {p.doc_id for p in store.passages([key for key, _ in hits]).values()}
    return {d.source for d in store.documents(doc_ids).values()}


def stored_sources(store: EmbeddedStore) -> set[str]:
    return {row[0] for row in store.sql.db.execute("SELECT source FROM documents")}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    opened = EmbeddedStore(tmp_path / "home")
    yield opened
    opened.close()


def test_a_deleted_file_is_removed_only_with_prune(store: EmbeddedStore, tmp_path: Path) -> None:
    docs = library(tmp_path / "docs")
    embedder = get_embedder("hash")
    ingest_paths(store, [docs], embedder)
    (doc_id,) = store.sql.db.execute(
        "SELECT doc_id FROM documents WHERE source = 'quimbly.md'"
    ).fetchone()
    (docs / "quimbly.md").unlink()

    kept = ingest_paths(store, [docs], embedder)
    assert kept.removed == [] and "quimbly.md" in stored_sources(store)

    pruned = ingest_paths(store, [docs], embedder, prune=True)
    assert pruned.removed == ["quimbly.md"] and pruned.unchanged == 2
    assert stored_sources(store) == {"zorblax.md", "frandle.md"}
    assert found(store, "quimbly") == set()
    assert found(store, "zorblax") == {"zorblax.md"}
    nearest = store.vector_search(embedder.embed(["quimbly fever"])[0], 10)
    held = store.passages([key for key, _ in nearest])
    assert nearest and len(held) == len(nearest)  # the vector index dropped them too
    assert doc_id not in {p.doc_id for p in held.values()}
    (version,) = store.sql.document_versions(doc_id)
    assert version["replaced_at"] is not None and version["removed_at"] is not None


def test_a_removed_file_that_comes_back_is_a_new_version(
    store: EmbeddedStore, tmp_path: Path
) -> None:
    docs = library(tmp_path / "docs")
    embedder = get_embedder("hash")
    ingest_paths(store, [docs], embedder)
    (docs / "frandle.md").unlink()
    ingest_paths(store, [docs], embedder, prune=True)
    (docs / "frandle.md").write_text(guide("frandle"), encoding="utf-8")
    back = ingest_paths(store, [docs], embedder, prune=True)
    assert (back.added, back.removed) == (1, [])
    assert found(store, "frandle") == {"frandle.md"}
    rows = store.sql.db.execute("SELECT version FROM documents WHERE source = 'frandle.md'")
    assert [r[0] for r in rows] == [2]


def test_a_jsonl_record_that_disappears_is_removed(store: EmbeddedStore, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    records = docs / "records.jsonl"

    def write(ids: list[str]) -> None:
        lines = [json.dumps({"id": i, "title": f"{i} fever", "text": f"{i} rest."}) for i in ids]
        records.write_text("\n".join(lines) + "\n", encoding="utf-8")

    write(["alpha", "beta", "gamma"])
    embedder = get_embedder("hash")
    ingest_paths(store, [docs], embedder)
    write(["alpha", "gamma"])
    report = ingest_paths(store, [docs], embedder, prune=True)
    assert report.removed == ["records.jsonl#beta"]
    assert stored_sources(store) == {"records.jsonl#alpha", "records.jsonl#gamma"}


def test_a_file_that_cannot_be_read_is_not_pruned(store: EmbeddedStore, tmp_path: Path) -> None:
    docs = library(tmp_path / "docs")
    embedder = get_embedder("hash")
    ingest_paths(store, [docs], embedder)
    (docs / "frandle.md").write_bytes(b"\xff\xfe not utf-8 \xff")
    report = ingest_paths(store, [docs], embedder, prune=True)
    assert report.errors and report.removed == []
    assert "frandle.md" in stored_sources(store)


def test_prune_never_touches_another_folders_documents(
    store: EmbeddedStore, tmp_path: Path
) -> None:
    embedder = get_embedder("hash")
    first = library(tmp_path / "first")
    other = tmp_path / "other"
    other.mkdir()
    (other / "wibble.md").write_text(guide("wibble"), encoding="utf-8")
    ingest_paths(store, [first], embedder)
    ingest_paths(store, [other], embedder)
    (first / "zorblax.md").unlink()
    report = ingest_paths(store, [other], embedder, prune=True)
    assert report.removed == []
    assert stored_sources(store) == {*(f"{t}.md" for t in TOPICS), "wibble.md"}
    assert ingest_paths(store, [first], embedder, prune=True).removed == ["zorblax.md"]
    assert "wibble.md" in stored_sources(store)


def test_a_removed_source_sends_an_approved_article_back(tmp_path: Path) -> None:
    store, article_id = store_with_article(tmp_path / "home")  # cites zorblax.md
    try:
        docs = library(tmp_path / "docs")
        embedder = get_embedder("hash")
        ingest_paths(store.content, [docs], embedder)
        rita = add_users(store).get("rita")
        board = ReviewBoard(store.articles, store.accounts, store.content)
        board.apply(rita, article_id, TAKE)
        board.apply(rita, article_id, APPROVE)
        (docs / "zorblax.md").unlink()
        report = ingest_paths(store.content, [docs], embedder)
        assert board.reopen_for_sources(source_events(report)) == []
        report = ingest_paths(store.content, [docs], embedder, prune=True)
        assert board.reopen_for_sources(source_events(report)) == [article_id]
        state = board.state(article_id)
        assert state.status == SUBMITTED
        assert state.reason is not None and state.reason.startswith("source zorblax.md removed on")
        assert [p["passage_id"] for p in board.changed_passages(article_id)] == ["p-zorblax"]
    finally:
        store.close()


def test_the_cli_prunes_only_when_asked_and_counts_removed(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from guidecite.cli import main

    docs = library(tmp_path / "docs")
    args = ["ingest", str(docs), "--no-spanish", "--home", str(tmp_path / "home")]
    run = CliRunner(env={"GUIDECITE_EMBEDDER": "hash"}).invoke
    assert "--prune" in run(main, ["ingest", "--help"]).output
    assert run(main, args).exit_code == 0
    (docs / "quimbly.md").unlink()
    assert "0 removed" in run(main, args).output
    pruned = run(main, [*args, "--prune"])
    assert pruned.exit_code == 0, pruned.output
    assert "2 documents: 0 added, 0 updated, 2 unchanged, 1 removed" in pruned.output
