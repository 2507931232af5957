"""Ingest: read guideline files, cut them into passages, embed them and store them.

Unchanged documents (same content hash) are skipped; a changed one replaces its passages in
one transaction and keeps the earlier version's record. A file that cannot be read is
reported with its path and reason, and the rest goes on. Each document records the folder
it was ingested from; with `prune`, the documents of a given folder that it no longer holds
are removed (their version records kept). Approved articles citing an updated or removed
source go back to review.
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
from .sources import count_files, read_file, source_files
from .sources.starter import starter_documents
from .store.base import Store
from .types import Passage, SourceDocument

BATCH_DOCUMENTS = 64
STARTER_ROOT = "package:open-medicine"  # the recorded root of the starter library


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    passages: int = 0
    errors: list[SourceError] = field(default_factory=list)
    seconds: float = 0.0
    changed: list[str] = field(default_factory=list)  # sources of updated documents
    removed: list[str] = field(default_factory=list)  # sources of pruned documents
    reopened: list[str] = field(default_factory=list)  # approved articles sent back to review

    @property
    def documents(self) -> int:
        return self.added + self.updated + self.unchanged


@dataclass
class _Seen:
    """What one ingest read: each document's source, and the files that gave an error."""

    sources: set[str] = field(default_factory=set)
    unreadable: set[str] = field(default_factory=set)  # file names relative to their root

    def holds(self, source: str) -> bool:
        """Whether the source was read, or may be in a file that could not be read whole."""
        file = source.split("#", 1)[0]  # a JSON Lines record's file
        return source in self.sources or not self.unreadable.isdisjoint({source, file})


def embedding_text(title: str, passage: Passage) -> str:
    """What the embedding model sees of a passage: its document title and headings too."""
    return " \n".join((title, " > ".join(passage.section_path), passage.text))


def ingest_paths(
    store: Store,
    paths: Sequence[Path],
    embedder: Embedder,
    *,
    progress: bool = False,
    prune: bool = False,
) -> IngestReport:
    """Ingest files and folders (recursively) into the store.

    With `prune`, documents ingested earlier from one of the given folders that this ingest
    did not find there are removed; without it nothing is removed.
    """
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise PathError(f"no such file or folder: {', '.join(missing)}")
    report, seen, started = IngestReport(), _Seen(), time.perf_counter()
    bar = tqdm(total=count_files(paths), unit="file", disable=not progress, leave=False)
    docs = _documents_with_progress(_read(paths), bar, report, seen)
    _write_documents(store, docs, embedder, report)
    bar.close()
    if report.documents == 0:
        where = ", ".join(str(p) for p in paths)
        reasons = "; ".join(str(e) for e in report.errors[:3])
        raise PathError(f"no readable documents in {where}" + (f" ({reasons})" if reasons else ""))
    if prune:
        _prune(store, [_root_name(p) for p in paths if p.is_dir()], seen, report)
    _finish(store, report, started)
    return report


def ingest_starter(store: Store, embedder: Embedder) -> IngestReport:
    """Ingest the built-in starter library (the `open-medicine` guideline digests)."""
    report, started = IngestReport(), time.perf_counter()
    docs = ((STARTER_ROOT, doc) for doc in starter_documents())
    _write_documents(store, docs, embedder, report)
    _finish(store, report, started)
    return report


def _root_name(folder: Path) -> str:
    """How a document records the folder it was ingested from: its absolute path."""
    return str(folder.resolve())


def _read(paths: Sequence[Path]) -> Iterator[tuple[Path, Path, SourceDocument | SourceError]]:
    """(file, folder it is ingested from, document or error) for everything in the paths."""
    for path, root in source_files(paths):
        for item in read_file(path, root):
            yield path, root, item


def _documents_with_progress(
    items: Iterable[tuple[Path, Path, SourceDocument | SourceError]],
    bar: tqdm,
    report: IngestReport,
    seen: _Seen,
) -> Iterator[tuple[str, SourceDocument]]:
    current: Path | None = None
    root_name = ""
    for path, root, item in items:
        if path != current:
            bar.update(0 if current is None else 1)
            current, root_name = path, _root_name(root)
        if isinstance(item, SourceError):
            report.errors.append(item)
            seen.unreadable.add(_relative(path, root))
            continue
        seen.sources.add(item.source)
        yield root_name, item
    bar.update(1 if current is not None else 0)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def _write_documents(
    store: Store,
    docs: Iterable[tuple[str, SourceDocument]],
    embedder: Embedder,
    report: IngestReport,
) -> None:
    """Store new and changed documents in batches; unchanged ones only record their root."""
    known = store.content_hashes()
    batch: list[tuple[str, SourceDocument]] = []
    unchanged: dict[str, list[str]] = {}
    for root, doc in docs:
        if known.get(doc.source) == doc.content_hash:
            report.unchanged += 1
            unchanged.setdefault(root, []).append(doc.source)
            continue
        if doc.source in known:
            report.updated += 1
            report.changed.append(doc.source)
        else:
            report.added += 1
        known[doc.source] = doc.content_hash
        batch.append((root, doc))
        if len(batch) >= BATCH_DOCUMENTS:
            report.passages += _write_batch(store, batch, embedder)
            batch = []
    if batch:
        report.passages += _write_batch(store, batch, embedder)
    for root, sources in unchanged.items():
        store.set_root(sources, root)


def _prune(store: Store, roots: Sequence[str], seen: _Seen, report: IngestReport) -> None:
    """Remove the documents of these folders that this ingest did not find, one at a time."""
    for source in store.sources_under(roots):
        if not seen.holds(source) and store.remove_document(source) is not None:
            report.removed.append(source)


def _finish(store: Store, report: IngestReport, started: float) -> None:
    store.refresh_indexes()
    if report.changed or report.removed:
        report.reopened = _reopen_reviewed(store, report.changed, report.removed)
    report.seconds = time.perf_counter() - started


def _reopen_reviewed(store: Store, changed: list[str], removed: list[str]) -> list[str]:
    """Approved articles citing an updated or removed source go back to review, saying why."""
    from .review import ReviewBoard
    from .store.sqlite import now_iso

    day = now_iso()[:10]
    events = {s: f"updated on {day}" for s in changed}
    events.update({s: f"removed on {day}" for s in removed})
    return ReviewBoard(store.database()).reopen_for_sources(events)


def _write_batch(store: Store, batch: list[tuple[str, SourceDocument]], embedder: Embedder) -> int:
    """Chunk and embed a batch of documents together, then store each in its transaction."""
    cut = [chunk(doc) for _, doc in batch]
    texts = [
        embedding_text(doc.title, p) for (_, doc), ps in zip(batch, cut, strict=True) for p in ps
    ]
    vectors = embedder.embed(texts) if texts else None
    start = 0
    for (root, doc), passages in zip(batch, cut, strict=True):
        end = start + len(passages)
        own = vectors[start:end] if vectors is not None else embedder.embed([])
        store.write_document(doc, passages, own, _definitions(passages), root)
        start = end
    return start


def _definitions(passages: Sequence[Passage]) -> list[tuple[str, str, int]]:
    """Abbreviations the document defines in its own text, with how often."""
    found: Counter[tuple[str, str]] = Counter()
    for passage in passages:
        found.update(find_definitions(passage.text))
    return [(short, long, count) for (short, long), count in found.items()]
