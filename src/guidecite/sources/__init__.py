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

import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from guidecite.errors import PathError, SourceError
from guidecite.sources._fields import DEFAULT_MAX_FILE_BYTES, clean_document, source_name
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

    What a walk meets that cannot be read as a file (a folder it may not list, a link that
    leaves the folder or leads nowhere, a FIFO, socket or device) is yielded too, so that
    `read_file` reports it. Raises PathError naming the first path that does not exist,
    before yielding anything.
    """
    paths = [Path(path) for path in paths]
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise PathError(f"{path}: no such file or folder")
    return _files(paths)


def _files(paths: list[Path]) -> Iterator[tuple[Path, Path]]:
    for path in paths:
        if path.is_dir():
            yield from ((file, path) for file in _walk(path, path.resolve(), set()))
        else:
            yield path, path.parent


def _walk(folder: Path, top: Path, seen: set[Path]) -> Iterator[Path]:
    """Files under a folder, in name order, and the entries `read_file` must report; hidden
    entries, loops and regular files of unknown kinds skipped. Links are followed only
    while they stay inside `top`, the resolved ingested folder."""
    real = folder.resolve()
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except OSError:
        yield folder  # read_file names the reason
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_symlink() and not _inside(entry, top):
            yield entry  # leaves the folder or leads nowhere: reported, not followed
        elif entry.is_dir():
            yield from _walk(entry, top, seen)
        elif not entry.is_file() or entry.suffix.lower() in READERS:
            yield entry  # a known kind of file, or a FIFO, socket or device to report


def _inside(link: Path, top: Path) -> bool:
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):
        return False
    return target == top or target.is_relative_to(top)


def read_file(
    path: Path, root: Path, max_bytes: int = DEFAULT_MAX_FILE_BYTES
) -> Iterator[SourceDocument | SourceError]:
    """One file's documents, named relative to `root`; a SourceError for what cannot be
    read: no reader, not a regular file, empty, over `max_bytes`, a link out of `root`
    met in a walk, or anything a reader fails on. No input makes this raise."""
    name = source_name(path, root)
    refusal = _refusal(path, root, max_bytes)
    if refusal is not None:
        yield SourceError(name, refusal)
        return
    reader = READERS[path.suffix.lower()]
    try:
        for item in reader.read(path, root):
            yield item if isinstance(item, SourceError) else clean_document(item)
    except OSError as error:
        reason = error.strerror or str(error)
        yield SourceError(name, f"cannot be read ({reason})")
    except (RecursionError, MemoryError) as error:
        yield SourceError(name, f"cannot be read ({type(error).__name__}: too deep or too big)")
    except Exception as error:  # a reader's or a parsing library's bug must not stop ingest
        yield SourceError(name, f"cannot be read ({type(error).__name__}: {error})"[:300])


def _refusal(path: Path, root: Path, max_bytes: int) -> str | None:
    """Why a path is not read, or None: checked before any byte of it is opened."""
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return f"a link that leads nowhere ({_link_target(path)})"
        if not _inside(path, root.resolve()):
            return f"a link that leaves the ingested folder (to {target}); not followed"
    try:
        info = path.stat()
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"
    if stat.S_ISDIR(info.st_mode):
        return _folder_refusal(path)
    if not stat.S_ISREG(info.st_mode):
        return f"not a regular file ({_kind(info.st_mode)}); refused"
    if path.suffix.lower() not in READERS:
        return f"no reader for this kind of file ({', '.join(sorted(READERS))})"
    if info.st_size == 0:
        return "empty file"
    if info.st_size > max_bytes:
        return f"{info.st_size:,} bytes, over the limit of {max_bytes:,} (GUIDECITE_MAX_FILE_MB)"
    return None


def _folder_refusal(folder: Path) -> str:
    try:
        next(iter(folder.iterdir()), None)
    except OSError as error:
        return f"folder cannot be read ({error.strerror or error})"
    return "a folder"


def _link_target(path: Path) -> str:
    try:
        return str(path.readlink())
    except OSError:
        return "?"


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    )
    return next((name for test, name in kinds if test(mode)), "not a file")
