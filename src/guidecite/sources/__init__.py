"""Source readers: guideline files in, `SourceDocument`s out.

    read_sources(paths)  walks files and folders and yields (file, document or SourceError)
    source_files(paths)  (file, folder it is ingested from) for each file, in reading order
    read_file(path, root)  one file's documents, or SourceErrors for what cannot be read
    READERS              file suffix -> reader: Markdown, HTML, PDF, JSON Lines, plain text
    starter_documents()  the guideline digests shipped in the `open-medicine` package

A reader is anything with `read(path, root)`; `root` is the folder being ingested, so that a
document's `source` is its path relative to it ("ngc/ngc-10163.html", and
"medquad/medquad.jsonl#<id>" for a record of a JSON Lines file).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from guidecite.errors import PathError, SourceError
from guidecite.sources._fields import source_name
from guidecite.sources.html import HTML_SUFFIXES, HtmlReader
from guidecite.sources.jsonl import JSONL_SUFFIXES, JsonlReader
from guidecite.sources.markdown import MARKDOWN_SUFFIXES, MarkdownReader
from guidecite.sources.pdf import PDF_SUFFIXES, PdfReader
from guidecite.sources.starter import starter_documents
from guidecite.sources.text import TEXT_SUFFIXES, TextReader
from guidecite.types import SourceDocument

__all__ = [
    "READERS",
    "SourceReader",
    "count_files",
    "read_file",
    "read_sources",
    "source_files",
    "starter_documents",
]


@runtime_checkable
class SourceReader(Protocol):
    """Reads one file into documents, or errors for the parts that cannot be read."""

    def read(self, path: Path, root: Path) -> Iterator[SourceDocument | SourceError]: ...


READERS: dict[str, SourceReader] = {
    **dict.fromkeys(MARKDOWN_SUFFIXES, MarkdownReader()),
    **dict.fromkeys(HTML_SUFFIXES, HtmlReader()),
    **dict.fromkeys(PDF_SUFFIXES, PdfReader()),
    **dict.fromkeys(JSONL_SUFFIXES, JsonlReader()),
    **dict.fromkeys(TEXT_SUFFIXES, TextReader()),
}


def read_sources(paths: Sequence[Path]) -> Iterator[tuple[Path, SourceDocument | SourceError]]:
    """Every document in the given files and folders, with the file it came from.

    Folders are walked recursively in name order; hidden files and files that no reader
    handles are skipped. A file that cannot be read gives a SourceError and the rest goes
    on. Raises PathError, before reading anything, when a path does not exist.
    """
    files = list(source_files(paths))
    return ((path, item) for path, root in files for item in read_file(path, root))


def count_files(paths: Sequence[Path]) -> int:
    """How many files `read_sources` will read (a progress bar's total)."""
    return sum(1 for _ in source_files(paths))


def source_files(paths: Sequence[Path]) -> Iterator[tuple[Path, Path]]:
    """(file, folder its source is named from) for every file to read, in reading order.

    Raises PathError naming the first path that does not exist, before yielding anything.
    """
    paths = [Path(path) for path in paths]
    for path in paths:
        if not path.exists():
            raise PathError(f"{path}: no such file or folder")
    return _files(paths)


def _files(paths: list[Path]) -> Iterator[tuple[Path, Path]]:
    for path in paths:
        if path.is_dir():
            yield from ((file, path) for file in _walk(path, set()))
        else:
            yield path, path.parent


def _walk(folder: Path, seen: set[Path]) -> Iterator[Path]:
    """Readable files under a folder, in name order; hidden entries and loops skipped."""
    real = folder.resolve()
    if real in seen:
        return
    seen.add(real)
    for entry in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, seen)
        elif entry.is_file() and entry.suffix.lower() in READERS:
            yield entry


def read_file(path: Path, root: Path) -> Iterator[SourceDocument | SourceError]:
    """One file's documents, named relative to `root`; a SourceError for what cannot be read."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        choices = ", ".join(sorted(READERS))
        yield SourceError(source_name(path, root), f"no reader for this kind of file ({choices})")
        return
    try:
        yield from reader.read(path, root)
    except OSError as error:
        reason = error.strerror or str(error)
        yield SourceError(source_name(path, root), f"cannot be read ({reason})")
