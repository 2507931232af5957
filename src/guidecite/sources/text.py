"""Plain text files.

The first non-empty line is the title. Paragraphs are separated by blank lines (wrapped
lines are joined); lines opening with a bullet or a number start list items. A line that
stands alone between blank lines and reads like a heading, a numbered one ("2.1 Treatment")
or one in capitals ("TREATMENT"), opens a section.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from guidecite.errors import SourceError
from guidecite.sources._fields import decode_text, source_name
from guidecite.sources._outline import Outline, build_document
from guidecite.types import SourceDocument

TEXT_SUFFIXES = (".txt",)

_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+([A-Z][^.!?;:,]*)$")
_BULLET = re.compile(r"^[•◦▪*\-–]\s+")
_ORDERED = re.compile(r"^\d{1,3}[.)]\s+")


class TextReader:
    """Reads one plain text file as one document."""

    def read(self, path: Path, root: Path) -> Iterator[SourceDocument | SourceError]:
        source = source_name(path, root)
        try:
            text = decode_text(path.read_bytes(), source)
            yield text_document(text, source, path.stem)
        except SourceError as error:
            yield error


def text_document(text: str, source: str, fallback: str) -> SourceDocument:
    """A document from plain text: title from the first line, sections at heading lines."""
    lines = [line.rstrip() for line in text.splitlines()]
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    title = lines[first].strip() if first < len(lines) else fallback
    body = lines[first + 1 :]
    outline = Outline()
    outline.heading(1, title)
    for index, line in enumerate(body):
        before = body[index - 1] if index else ""
        after = body[index + 1] if index + 1 < len(body) else ""
        _feed(line.strip(), outline, standalone=not before.strip() and not after.strip())
    return build_document(source, title, outline.sections(title))


def _feed(line: str, outline: Outline, standalone: bool) -> None:
    if not line:
        outline.close_items()
    elif standalone and (level := _heading_level(line)):
        outline.heading(level, line)
    elif bullet := _BULLET.match(line):
        outline.close_items()
        outline.open_item("- ", 0)
        outline.add(line[bullet.end() :])
    elif _ORDERED.match(line):
        outline.close_items()
        outline.add(line)
    else:
        outline.add_wrapped(line)


def _heading_level(line: str) -> int | None:
    """2 for a heading in capitals, 2 or deeper for a numbered one, None for other lines."""
    if len(line) > 80:
        return None
    if numbered := _NUMBERED.match(line):
        return min(numbered.group(1).count(".") + 2, 6)
    letters = [c for c in line if c.isalpha()]
    if len(letters) >= 3 and all(c.isupper() for c in letters) and len(line.split()) <= 8:
        return 2
    return None
