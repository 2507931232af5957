"""PDF files, read with pypdf.

Text is taken page by page with the font size of each line. Lines set larger than the body
text are headings (the larger, the higher), and so are short numbered lines such as
"2.1 Treatment" without a final period; wrapped lines are joined into paragraphs, bullets
become "- item" lines, and running headers, footers and page numbers are dropped. The title
is the document's metadata title, else its first heading. A corrupt or encrypted file gives
a SourceError saying so.
"""

from __future__ import annotations

import io
import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdf
from pypdf.errors import DependencyError

from guidecite.errors import SourceError
from guidecite.sources._fields import collapse, language_from, source_name, text_or_none
from guidecite.sources._outline import Outline, build_document
from guidecite.types import SourceDocument

PDF_SUFFIXES = (".pdf",)

_HEADING_RATIO = 1.15  # a heading's font is at least this much larger than the body's
_NUMBERED_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2})\s+(\S.*)$")
_BULLET = re.compile(r"^[•◦▪●○■□‣∙·\-–*]\s+")
_ORDERED = re.compile(r"^(\d{1,3}[.)]|[a-z][.)])\s+")
_PAGE_NUMBER = re.compile(r"^(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?$", re.I)
_JUNK_TITLE = re.compile(r"^(untitled|microsoft word\b.*|.*\.(docx?|pdf|indd|rtf))$", re.I)
_SENTENCE_END = (".", "!", "?", ":", ";")
_EDGE = 2  # lines at the top and at the bottom of a page where running headers may be


@dataclass(frozen=True)
class _Line:
    text: str
    size: float


class PdfReader:
    """Reads one PDF file as one document."""

    def read(self, path: Path, root: Path) -> Iterator[SourceDocument | SourceError]:
        source = source_name(path, root)
        try:
            yield pdf_document(path.read_bytes(), source, path.stem)
        except SourceError as error:
            yield error


def pdf_document(data: bytes, source: str, fallback: str) -> SourceDocument:
    """A document from the bytes of a PDF file."""
    reader = _open(data, source)
    pages = [_page_lines(page, number, source) for number, page in enumerate(reader.pages, 1)]
    lines = _drop_running_lines(pages)
    if not lines:
        raise SourceError(source, "no text found (a scanned PDF needs OCR first)")
    outline = _outline(lines)
    meta_title = _metadata_title(reader)
    title = meta_title or outline.first_heading() or fallback
    return build_document(
        source,
        title,
        outline.sections(meta_title or outline.first_heading()),
        language=language_from(_catalog_value(reader, "/Lang")),
    )


def _open(data: bytes, source: str) -> pypdf.PdfReader:
    """A pypdf reader, decrypted with the empty password when the file is encrypted."""
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceError(source, "encrypted PDF: it needs a password to be read")
        len(reader.pages)
    except DependencyError as error:
        reason = f"encrypted PDF that cannot be decrypted here ({error})"
        raise SourceError(source, reason) from None
    except SourceError:
        raise
    except Exception as error:  # pypdf raises many kinds of errors on a damaged file
        raise SourceError(source, f"not a readable PDF ({_describe(error)})") from None
    return reader


def _describe(error: Exception) -> str:
    return str(error).strip() or type(error).__name__


class _LineCollector:
    """Gathers pypdf's text fragments into lines, each with its largest font size."""

    def __init__(self) -> None:
        self.lines: list[_Line] = []
        self._parts: list[str] = []
        self._size = 0.0

    def visit(self, text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        for index, piece in enumerate(text.split("\n")):
            if index:
                self.close()
            self._parts.append(piece)
            if piece.strip():
                scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
                self._size = max(self._size, size * (scale or 1.0))

    def close(self) -> None:
        text = collapse("".join(self._parts))
        if text:
            self.lines.append(_Line(text, round(self._size, 1)))
        self._parts.clear()
        self._size = 0.0


def _page_lines(page: Any, number: int, source: str) -> list[_Line]:
    collector = _LineCollector()
    try:
        page.extract_text(visitor_text=collector.visit)
    except Exception as error:  # a damaged content stream
        raise SourceError(source, f"page {number} cannot be read ({_describe(error)})") from None
    collector.close()
    return collector.lines


def _drop_running_lines(pages: list[list[_Line]]) -> list[_Line]:
    """All lines but page numbers, and headers or footers: lines at a page's top or bottom
    that recur (numbers aside) at the top or bottom of at least half of three or more pages."""
    edges = [[*page[:_EDGE], *page[-_EDGE:]] for page in pages]
    counts = Counter(key for page in edges for key in {_running_key(line) for line in page})
    running = {key for key, n in counts.items() if len(pages) >= 3 and n >= len(pages) / 2}
    kept = []
    for page, edge in zip(pages, edges, strict=True):
        for line in page:
            if _PAGE_NUMBER.match(line.text):
                continue
            if line in edge and _running_key(line) in running:
                continue
            kept.append(line)
    return kept


def _running_key(line: _Line) -> str:
    return re.sub(r"\d+", "#", line.text.lower())


def _outline(lines: list[_Line]) -> Outline:
    """Headings by font size and numbering, the rest as paragraphs and list items."""
    body = _body_size(lines)
    sizes = sorted({line.size for line in lines if _is_heading_size(line, body)}, reverse=True)
    outline = Outline()
    previous: _Line | None = None
    for line in lines:
        level = _heading_level(line, body, sizes)
        if level is None:
            _body_line(line.text, outline)
        elif previous is not None and _same_heading(previous, line, body):
            outline.extend_heading(line.text)
        else:
            outline.heading(level, line.text)
        previous = line if level is not None else None
    return outline


def _body_size(lines: list[_Line]) -> float:
    """The font size that sets the most characters."""
    chars: Counter[float] = Counter()
    for line in lines:
        chars[line.size] += len(line.text)
    return chars.most_common(1)[0][0]


def _is_heading_size(line: _Line, body: float) -> bool:
    return line.size >= body * _HEADING_RATIO and len(line.text.split()) <= 25


def _heading_level(line: _Line, body: float, sizes: list[float]) -> int | None:
    if _is_heading_size(line, body):
        return min(sizes.index(line.size) + 1, 6)
    numbered = _NUMBERED_HEADING.match(line.text)
    if numbered and _is_numbered_heading(numbered.group(2)):
        depth = numbered.group(1).rstrip(".").count(".") + 1
        return min(len(sizes) + depth, 6)
    return None


def _is_numbered_heading(text: str) -> bool:
    """ "Treatment" or "Drug Therapy" after a section number; not a sentence or a value."""
    words = text.split()
    return text[0].isupper() and len(words) <= 12 and not text.endswith(_SENTENCE_END + (",",))


def _same_heading(previous: _Line, line: _Line, body: float) -> bool:
    """A large heading wrapped onto a second line (same size, no section number)."""
    return (
        previous.size == line.size
        and _is_heading_size(line, body)
        and not _NUMBERED_HEADING.match(line.text)
    )


def _body_line(text: str, outline: Outline) -> None:
    """Join wrapped lines into paragraphs; bullets and numbers open list items."""
    if bullet := _BULLET.match(text):
        outline.close_items()
        outline.open_item("- ", 0)
        text = text[bullet.end() :]
    elif _ORDERED.match(text):
        outline.close_items()
    outline.add_wrapped(text)
    if text.endswith(_SENTENCE_END):
        outline.close_items()


def _metadata_title(reader: pypdf.PdfReader) -> str | None:
    try:
        title = text_or_none(reader.metadata.title if reader.metadata else None)
    except Exception:  # a damaged information dictionary
        return None
    return None if title is None or _JUNK_TITLE.match(title) else title


def _catalog_value(reader: pypdf.PdfReader, key: str) -> object:
    try:
        return reader.root_object.get(key)
    except Exception:  # a damaged catalog
        return None
