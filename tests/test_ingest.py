"""Ingest into a real store: skipping unchanged documents, replacing changed ones atomically,
reporting unreadable files, and recovering indexes after an ingest killed midway."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from guidecite.analysis import ANALYSIS_VERSION
from guidecite.embedding import get_embedder
from guidecite.errors import PathError
from guidecite.ingest import ingest_paths
from guidecite.store.embedded import EmbeddedStore
from guidecite.store.lexical import Clause

GUIDE = """\
---
title: Test guideline on widget fever
source: Test Society
year: 2020
---
# Test guideline on widget fever

## Treatment

Widget fever should be treated with rest for 3 days. Fluids are recommended.

## Follow-up

Review the patient after 2 weeks.
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    opened = EmbeddedStore(tmp_path / "home")
    yield opened
    opened.close()


def test_unchanged_document_is_skipped_and_changed_one_replaced(store, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(docs, "guide.md", GUIDE)
    embedder = get_embedder("hash")
    first = ingest_paths(store, [docs], embedder)
    assert (first.added, first.updated, first.unchanged) == (1, 0, 0)
    again = ingest_paths(store, [docs], embedder)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)

    write(docs, "guide.md", GUIDE.replace("3 days", "5 days"))
    changed = ingest_paths(store, [docs], embedder)
    assert changed.updated == 1
    hits = store.lexical_search([Clause("rest days")], 5)
    texts = [p.text for p in store.passages([key for key, _ in hits]).values()]
    assert any("5 days" in t for t in texts)
    assert not any("3 days" in t for t in texts)
    (doc_id,) = store.sql.db.execute("SELECT doc_id FROM documents").fetchone()
    versions = store.sql.document_versions(doc_id)
    assert [v["version"] for v in versions] == [1, 2]
    assert versions[0]["replaced_at"] is not None and versions[1]["replaced_at"] is None


def test_unreadable_file_is_reported_and_the_rest_goes_on(store, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(docs, "guide.md", GUIDE)
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    report = ingest_paths(store, [docs], get_embedder("hash"))
    assert report.added == 1
    assert len(report.errors) == 1
    assert "broken.pdf" in str(report.errors[0])


def test_missing_path_and_empty_folder_are_clear_errors(store, tmp_path: Path) -> None:
    with pytest.raises(PathError, match="no such file or folder"):
        ingest_paths(store, [tmp_path / "nope"], get_embedder("hash"))
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.xyz").write_text("not a guideline format")
    with pytest.raises(PathError, match="no readable documents"):
        ingest_paths(store, [empty], get_embedder("hash"))
    assert store.counts()["documents"] == 0


def test_ingest_killed_midway_leaves_whole_documents_and_indexes_recover(tmp_path: Path) -> None:
    """Kill the process right after some documents were written, before indexes commit."""
    docs = tmp_path / "docs"
    for i in range(6):
        write(docs, f"guide{i}.md", GUIDE.replace("widget", f"widget{i}"))
    home = tmp_path / "home"
    script = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from guidecite import ingest
        from guidecite.embedding import get_embedder
        from guidecite.store.embedded import EmbeddedStore
        ingest.BATCH_DOCUMENTS = 2
        store = EmbeddedStore(Path({str(home)!r}))
        real = store.write_document
        written = []
        def write_then_die(*args, **kwargs):
            result = real(*args, **kwargs)
            written.append(result)
            if len(written) == 3:
                os._exit(9)
            return result
        store.write_document = write_then_die
        ingest.ingest_paths(store, [Path({str(docs)!r})], get_embedder("hash"))
        """
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    killed = subprocess.run([sys.executable, "-c", script], env=env, check=False)
    assert killed.returncode == 9

    store = EmbeddedStore(home)
    try:
        rows = store.sql.db.execute(
            "SELECT d.title, count(p.row) FROM documents d JOIN passages p USING (doc_id)"
            " GROUP BY d.doc_id"
        ).fetchall()
        assert len(rows) == 3
        assert len({count for _, count in rows}) == 1  # every stored document is whole
        hits = store.lexical_search([Clause("rest")], 20)  # rebuilt from SQLite on demand
        doc_ids = {p.doc_id for p in store.passages([k for k, _ in hits]).values()}
        assert len(doc_ids) == 3
        report = ingest_paths(store, [docs], get_embedder("hash"))
        assert (report.added, report.unchanged) == (3, 3)
    finally:
        store.close()


def test_a_store_whose_index_another_analysis_made_rebuilds_it_on_opening(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(docs, "guide.md", GUIDE.replace("widget", "prostatitis"))
    home = tmp_path / "home"
    store = EmbeddedStore(home)
    ingest_paths(store, [docs], get_embedder("hash"))
    store.close()
    # the index as an older analysis left it: its terms are not this version's
    record = home / "lexical" / "generation.json"
    record.write_text(json.dumps({"generation": json.loads(record.read_text())["generation"]}))
    store = EmbeddedStore(home)
    try:
        found = store.lexical_search([Clause("prostatitis")], 5)
        assert found
        assert json.loads(record.read_text())["analysis"] == ANALYSIS_VERSION
    finally:
        store.close()
