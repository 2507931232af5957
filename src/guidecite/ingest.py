"""Ingest: read guideline files, cut them into passages, embed them and store them.

Unchanged documents (same content hash) are skipped; a changed one replaces its passages in
one transaction and keeps the earlier version's record. A file that cannot be read is
reported with its path and reason, and the rest goes on. Each document records the folder
it was ingested from; with `prune`, the documents of a given folder that it no longer holds
are removed (their version records kept). `source_events` says what happened to which
source, for the review board to send approved articles citing them back to review
(`ReviewBoard.reopen_for_sources`).
"""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from tqdm import tqdm

from .abbreviations import find_definitions
from .chunking import chunk
from .embedding import Embedder
from .errors import PathError, SourceError, StoreError
from .sources import count_files, read_file, source_files
from .sources._fields import DEFAULT_MAX_FILE_BYTES
from .sources.starter import starter_documents
from .store.base import Store, now_iso
from .types import Passage, SourceDocument, short_hash

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
    moved: list[tuple[str, str]] = field(default_factory=list)  # (old, new) folder paths

    @property
    def documents(self) -> int:
        return self.added + self.updated + self.unchanged


@dataclass
class _Seen:
    """What one ingest read: each document's (root, name), and the files that gave an error."""

    names: set[tuple[str, str]] = field(default_factory=set)
    unreadable: set[tuple[str, str]] = field(default_factory=set)  # (root, file name)

    def holds(self, root: str, name: str) -> bool:
        """Whether the document was read, or may be in a file that could not be read whole."""
        file = name.split("#", 1)[0]  # a JSON Lines record's file
        return (root, name) in self.names or not self.unreadable.isdisjoint(
            {(root, name), (root, file)}
        )


@dataclass
class _Library:
    """The stored documents by identity, (folder, name in it) -> (source, content hash).

    A name read from a folder is stored under its own name unless a document of another
    folder already holds that source; then under the folder's name ("b/guide.md"), or,
    when that is taken too, under the folder's name and a hash of its path."""

    held: dict[tuple[str | None, str], tuple[str, str]]
    owners: dict[str, str | None]  # source -> root

    @classmethod
    def of(cls, store: Store) -> _Library:
        rows = store.identities()
        held = {(root, name): (source, digest) for source, root, name, digest in rows}
        return cls(held, {source: root for source, root, _, _ in rows})

    def source(self, root: str, name: str) -> tuple[str, str | None]:
        """(the source to store the document under, its stored content hash or None)."""
        for key in ((root, name), (None, name)):  # None: stored before roots were recorded
            if key in self.held:
                return self.held[key]
        folder = root.rsplit("/", 1)[-1] or "root"
        for candidate in (name, f"{folder}/{name}", f"{folder}-{short_hash(root, size=6)}/{name}"):
            if self.owners.get(candidate, root) == root:
                return candidate, None
        raise StoreError(f"{name}: no free source name in the library for folder {root}")

    def record(self, root: str, name: str, source: str, digest: str) -> None:
        self.held[(root, name)] = (source, digest)
        self.owners[source] = root


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
    untrusted: bool = False,
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
    wait: bool = True,
    on_wait: Callable[[str], None] | None = None,
) -> IngestReport:
    """Ingest files and folders (recursively) into the store.

    With `prune`, documents ingested earlier from one of the given folders that this ingest
    did not find there are removed; without it nothing is removed. `untrusted` marks every
    document read (docs/ingest.md). Files over `max_bytes` are reported and skipped. The
    store's writer lock is held throughout: when another ingest holds it, this one waits
    (telling `on_wait`), or with `wait=False` raises StoreError.
    """
    missing = [str(p) for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        raise PathError(f"no such file or folder: {', '.join(missing)}")
    with store.writing(wait=wait, on_wait=on_wait):
        return _ingest(store, paths, embedder, progress, prune, untrusted, max_bytes)


def _ingest(
    store: Store,
    paths: Sequence[Path],
    embedder: Embedder,
    progress: bool,
    prune: bool,
    untrusted: bool,
    max_bytes: int,
) -> IngestReport:
    report, seen, started = IngestReport(), _Seen(), time.perf_counter()
    report.moved = _adopt_moved_folders(store, paths)
    bar = tqdm(total=count_files(paths), unit="file", disable=not progress, leave=False)
    docs = _documents_with_progress(_read(paths, max_bytes), bar, report, seen)
    _write_documents(store, docs, embedder, report, untrusted)
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
    with store.writing():
        report, started = IngestReport(), time.perf_counter()
        docs = ((STARTER_ROOT, doc) for doc in starter_documents())
        _write_documents(store, docs, embedder, report)
        _finish(store, report, started)
        return report


def _adopt_moved_folders(store: Store, paths: Sequence[Path]) -> list[tuple[str, str]]:
    """A folder given here that holds no documents yet, whose name is that of a recorded
    folder that no longer exists, is that folder moved: its documents are recorded under
    the new path (same ids, citations and reviews kept). (old, new) for each."""
    recorded = {root for _, root, _, _ in store.identities() if root and root.startswith("/")}
    moved: list[tuple[str, str]] = []
    for path in paths:
        new = _root_name(path)
        if not path.is_dir() or new in recorded:
            continue
        gone = [old for old in recorded if Path(old).name == path.name and not Path(old).exists()]
        if len(gone) == 1:
            store.move_root(gone[0], new)
            recorded = (recorded - {gone[0]}) | {new}
            moved.append((gone[0], new))
    return moved


def _root_name(folder: Path) -> str:
    """How a document records the folder it was ingested from: its absolute path."""
    return str(folder.resolve())


def _read(
    paths: Sequence[Path], max_bytes: int
) -> Iterator[tuple[Path, Path, SourceDocument | SourceError]]:
    """(file, folder it is ingested from, document or error) for everything in the paths."""
    for path, root in source_files(paths):
        for item in read_file(path, root, max_bytes):
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
            seen.unreadable.add((root_name, _relative(path, root)))
            continue
        seen.names.add((root_name, item.source))
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
    untrusted: bool = False,
) -> None:
    """Store new and changed documents in batches; unchanged ones only record their root."""
    library = _Library.of(store)
    batch: list[tuple[str, str, SourceDocument, bool]] = []
    unchanged: dict[str, list[str]] = {}
    for root, read in docs:
        source, digest = library.source(root, read.source)
        doc = read if source == read.source else replace(read, source=source)
        if digest == doc.content_hash:
            report.unchanged += 1
            unchanged.setdefault(root, []).append(source)
            continue
        library.record(root, read.source, source, doc.content_hash)
        batch.append((root, read.source, doc, digest is not None))
        if len(batch) >= BATCH_DOCUMENTS:
            _write_batch(store, batch, embedder, report, untrusted)
            batch = []
    if batch:
        _write_batch(store, batch, embedder, report, untrusted)
    for root, sources in unchanged.items():
        store.set_root(sources, root, untrusted)


def _prune(store: Store, roots: Sequence[str], seen: _Seen, report: IngestReport) -> None:
    """Remove the documents of these folders that this ingest did not find, one at a time."""
    for source, root, name in store.sources_under(roots):
        if not seen.holds(root, name) and store.remove_document(source) is not None:
            report.removed.append(source)


def _finish(store: Store, report: IngestReport, started: float) -> None:
    store.refresh_indexes()
    report.seconds = time.perf_counter() - started


def source_events(report: IngestReport) -> dict[str, str]:
    """source -> what this ingest did to it ("updated on 2026-02-01", "removed on ...")."""
    day = now_iso()[:10]
    events = {s: f"updated on {day}" for s in report.changed}
    events.update({s: f"removed on {day}" for s in report.removed})
    return events


def _write_batch(
    store: Store,
    batch: list[tuple[str, str, SourceDocument, bool]],
    embedder: Embedder,
    report: IngestReport,
    untrusted: bool,
) -> None:
    """Chunk and embed a batch of documents together, then store each in its transaction.

    A document that fails on the way (chunking, storing) is reported as a SourceError and
    the others are stored."""
    cut: list[tuple[str, str, SourceDocument, bool, list[Passage]]] = []
    for root, name, doc, held in batch:
        try:
            cut.append((root, name, doc, held, chunk(doc)))
        except Exception as error:  # one document's bug must not lose the others
            report.errors.append(_failed(doc, "cannot be cut into passages", error))
    texts = [embedding_text(doc.title, p) for _, _, doc, _, ps in cut for p in ps]
    vectors = embedder.embed(texts) if texts else None
    start = 0
    for root, name, doc, held, passages in cut:
        end = start + len(passages)
        own = vectors[start:end] if vectors is not None else embedder.embed([])
        start = end
        try:
            store.write_document(doc, passages, own, _definitions(passages), root, name, untrusted)
        except (ValueError, UnicodeError, RecursionError, sqlite3.Error) as error:
            report.errors.append(_failed(doc, "cannot be stored", error))
            continue
        if held:
            report.updated += 1
            report.changed.append(doc.source)
        else:
            report.added += 1
        report.passages += len(passages)


def _failed(doc: SourceDocument, what: str, error: BaseException) -> SourceError:
    return SourceError(doc.source, f"{what} ({type(error).__name__}: {error})"[:300])


def _definitions(passages: Sequence[Passage]) -> list[tuple[str, str, int]]:
    """Abbreviations the document defines in its own text, with how often."""
    found: Counter[tuple[str, str]] = Counter()
    for passage in passages:
        found.update(find_definitions(passage.text))
    return [(short, long, count) for (short, long), count in found.items()]
