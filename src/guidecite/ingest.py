"""Ingest: read guideline files, cut them into passages, embed them and store them.

Unchanged documents (same content hash) are skipped; a changed one replaces its passages in
one transaction and keeps the earlier version's record. A file that cannot be read is
reported with its path and reason, and the rest goes on.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from .abbreviations import find_definitions
from .chunking import chunk
from .embedding import Embedder
from .errors import PathError, SourceError
from .sources import count_files, read_sources
from .sources.starter import starter_documents
from .store.base import Store
from .types import Passage, SourceDocument

BATCH_DOCUMENTS = 64


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    passages: int = 0
    errors: list[SourceError] = field(default_factory=list)
    seconds: float = 0.0
    changed: list[str] = field(default_factory=list)  # sources of updated documents
    reopened: list[str] = field(default_factory=list)  # approved articles sent back to review

    @property
    def documents(self) -> int:
        return self.added + self.updated + self.unchanged


def embedding_text(title: str, passage: Passage) -> str:
    """What the embedding model sees of a passage: its document title and headings too."""
    return " \n".join((title, " > ".join(passage.section_path), passage.text))


def ingest_paths(
    store: Store, paths: Sequence[Path], embedder: Embedder, *, progress: bool = False
) -> IngestReport:
    """Ingest files and folders (recursively) into the store."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise PathError(f"no such file or folder: {', '.join(missing)}")
    report = IngestReport()
    bar = tqdm(total=count_files(paths), unit="file", disable=not progress, leave=False)
    docs = _documents_with_progress(read_sources(paths), bar, report)
    _ingest_documents(store, docs, embedder, report)
    bar.close()
    if report.documents == 0:
        where = ", ".join(str(p) for p in paths)
        reasons = "; ".join(str(e) for e in report.errors[:3])
        raise PathError(f"no readable documents in {where}" + (f" ({reasons})" if reasons else ""))
    return report


def ingest_starter(store: Store, embedder: Embedder) -> IngestReport:
    """Ingest the built-in starter library (the `open-medicine` guideline digests)."""
    report = IngestReport()
    _ingest_documents(store, starter_documents(), embedder, report)
    return report


def _documents_with_progress(
    items: Iterable[tuple[Path, SourceDocument | SourceError]], bar: tqdm, report: IngestReport
) -> Iterator[SourceDocument]:
    current: Path | None = None
    for path, item in items:
        if path != current:
            bar.update(0 if current is None else 1)
            current = path
        if isinstance(item, SourceError):
            report.errors.append(item)
            continue
        yield item
    bar.update(1 if current is not None else 0)


def _ingest_documents(
    store: Store, docs: Iterable[SourceDocument], embedder: Embedder, report: IngestReport
) -> None:
    started = time.perf_counter()
    known = store.content_hashes()
    batch: list[SourceDocument] = []
    for doc in docs:
        if known.get(doc.source) == doc.content_hash:
            report.unchanged += 1
            continue
        if doc.source in known:
            report.updated += 1
            report.changed.append(doc.source)
        else:
            report.added += 1
        known[doc.source] = doc.content_hash
        batch.append(doc)
        if len(batch) >= BATCH_DOCUMENTS:
            report.passages += _write_batch(store, batch, embedder)
            batch = []
    if batch:
        report.passages += _write_batch(store, batch, embedder)
    store.refresh_indexes()
    if report.changed:
        report.reopened = _reopen_reviewed(store, report.changed)
    report.seconds = time.perf_counter() - started


def _reopen_reviewed(store: Store, sources: list[str]) -> list[str]:
    """Approved articles citing a changed source go back to review, saying why."""
    from .review import ReviewBoard
    from .store.sqlite import now_iso

    when = f"updated on {now_iso()[:10]}"
    return ReviewBoard(store.database()).reopen_for_sources({s: when for s in sources})


def _write_batch(store: Store, batch: list[SourceDocument], embedder: Embedder) -> int:
    """Chunk and embed a batch of documents together, then store each in its transaction."""
    cut = [chunk(doc) for doc in batch]
    texts = [embedding_text(doc.title, p) for doc, ps in zip(batch, cut, strict=True) for p in ps]
    vectors = embedder.embed(texts) if texts else None
    start = 0
    for doc, passages in zip(batch, cut, strict=True):
        end = start + len(passages)
        own = vectors[start:end] if vectors is not None else embedder.embed([])
        store.write_document(doc, passages, own, _definitions(passages))
        start = end
    return start


def _definitions(passages: Sequence[Passage]) -> list[tuple[str, str, int]]:
    """Abbreviations the document defines in its own text, with how often."""
    found: Counter[tuple[str, str]] = Counter()
    for passage in passages:
        found.update(find_definitions(passage.text))
    return [(short, long, count) for (short, long), count in found.items()]
