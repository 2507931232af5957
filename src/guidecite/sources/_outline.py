"""Turn what a reader finds (headings, paragraphs, list items, table rows) into `Section`s.

Every reader feeds an `Outline` in document order and asks it for the sections at the end,
so that all formats agree on what a section path and a line of text are:

- a section path is the chain of headings above the text, without the title heading(s): a
  document's leading level-1 heading repeats its title and would otherwise open every path
  (NCI PDQ files even have two: the title and "<title>–Health Professional Version");
- a line is one paragraph ("text"), one list item ("- item", nested ones indented by two
  spaces, "1. item" in ordered lists) or one table row ("| a | b |").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from guidecite.errors import SourceError
from guidecite.sources._boilerplate import drop_boilerplate
from guidecite.sources._fields import collapse
from guidecite.types import Section, SourceDocument

_TITLE_SUFFIX = re.compile(r"\s+(?:-|--|–|—|\|)\s+[^-–—|]+$")


@dataclass
class _Item:
    """An open list item: its first line gets the marker, later lines line up under it."""

    marker: str
    indent: str
    used: bool = False

    def prefix(self) -> str:
        if self.used:
            return self.indent + " " * len(self.marker)
        self.used = True
        return self.indent + self.marker


@dataclass
class _Block:
    chain: tuple[int, ...]  # indexes into Outline._headings
    lines: list[str] = field(default_factory=list)


class Outline:
    """Collects headings and lines in document order; `sections()` gives the result."""

    def __init__(self) -> None:
        self._headings: list[tuple[int, str]] = []
        self._chain: list[int] = []
        self._blocks: list[_Block] = []
        self._parts: list[str] = []
        self._items: list[_Item] = []

    def heading(self, level: int, text: str) -> None:
        """Open a section under the nearest heading of a lower level."""
        self.end_paragraph()
        self._items.clear()
        text = collapse(text)
        if not text:
            return
        while self._chain and self._headings[self._chain[-1]][0] >= level:
            self._chain.pop()
        self._headings.append((level, text))
        self._chain.append(len(self._headings) - 1)

    def add(self, text: str) -> None:
        """Append inline text to the paragraph being read (joined as is, collapsed later)."""
        self._parts.append(text)

    def add_wrapped(self, text: str) -> None:
        """Append a wrapped line of a paragraph: "treat-" and "ment" join as "treat-ment"."""
        if self._parts and not re.search(r"\w-$", self._parts[-1]):
            self._parts.append(" ")
        self._parts.append(text)

    def extend_heading(self, text: str) -> None:
        """Append a heading's wrapped second line to the last heading."""
        level, start = self._headings[-1]
        self._headings[-1] = (level, collapse(f"{start} {text}"))

    def end_paragraph(self) -> None:
        """Close the paragraph being read, if it holds any text, as one line."""
        text = collapse("".join(self._parts))
        self._parts.clear()
        if text:
            self._emit(text)

    def line(self, text: str) -> None:
        """A whole line (paragraph, list item text, folded minor heading)."""
        self.end_paragraph()
        self.add(text)
        self.end_paragraph()

    def row(self, cells: Sequence[str], once: bool = False) -> None:
        """A table row as "| a | b |", less its trailing empty cells; rows whose cells are
        all empty are left out, and so is a row marked `once` that the section already has
        (a table footer that repeats under every table)."""
        self.end_paragraph()
        cells = [collapse(cell).replace("|", "\\|") for cell in cells]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            return
        text = "| " + " | ".join(cells) + " |"
        if once and self._has_line(text):
            return
        self._emit(text, in_item=False)

    def open_item(self, marker: str, depth: int) -> None:
        """Start a list item ("- " or "1. ") at a nesting depth (0 for a top-level list)."""
        self.end_paragraph()
        self._items.append(_Item(marker, "  " * depth))

    def close_item(self) -> None:
        self.end_paragraph()
        if self._items:
            self._items.pop()

    def close_items(self) -> None:
        self.end_paragraph()
        self._items.clear()

    def first_heading(self) -> str | None:
        """The text of the first level-1 heading, a title when the source names none."""
        return next((text for level, text in self._headings if level == 1), None)

    def sections(self, title: str | None) -> tuple[Section, ...]:
        """The sections found, with the title heading(s) left out of every path."""
        self.end_paragraph()
        dropped = _title_headings(self._headings, title)
        merged: list[tuple[tuple[str, ...], list[str]]] = []
        for block in self._blocks:
            path = tuple(self._headings[i][1] for i in block.chain if i not in dropped)
            if merged and merged[-1][0] == path:
                merged[-1][1].extend(block.lines)
            else:
                merged.append((path, list(block.lines)))
        return tuple(Section(path, "\n".join(lines)) for path, lines in merged)

    def _has_line(self, text: str) -> bool:
        """Whether the section being read already holds this line."""
        block = self._blocks[-1] if self._blocks else None
        return block is not None and block.chain == tuple(self._chain) and text in block.lines

    def _emit(self, text: str, in_item: bool = True) -> None:
        if in_item and self._items:
            text = self._items[-1].prefix() + text
        chain = tuple(self._chain)
        if not self._blocks or self._blocks[-1].chain != chain:
            self._blocks.append(_Block(chain))
        self._blocks[-1].lines.append(text)


def build_document(
    source: str, title: str, sections: tuple[Section, ...], **metadata: Any
) -> SourceDocument:
    """A `SourceDocument` without boilerplate (`drop_boilerplate`), or a SourceError when
    the reader found no text in the source."""
    if not any(section.text.strip() for section in sections):
        raise SourceError(source, "no text found")
    sections = drop_boilerplate(sections)
    if not sections:
        raise SourceError(source, "no text found besides references and site boilerplate")
    fields = {key: value for key, value in metadata.items() if value is not None}
    return SourceDocument(source=source, title=collapse(title), sections=sections, **fields)


def _title_headings(headings: list[tuple[int, str]], title: str | None) -> set[int]:
    """Indexes of the level-1 headings that only repeat the document's title.

    Level-1 headings that all come before the first deeper heading are title lines. Otherwise
    only a first heading that matches the title (or stands in for a missing one) is.
    """
    ones = [i for i, (level, _) in enumerate(headings) if level == 1]
    deeper = [i for i, (level, _) in enumerate(headings) if level > 1]
    if not ones:
        return set()
    if deeper and ones[-1] < deeper[0]:
        return set(ones)
    if ones[0] == 0 and (title is None or is_title_like(headings[0][1], title)):
        return {0}
    return set()


def is_title_like(heading: str, title: str) -> bool:
    """Whether a heading repeats a title, allowing for a suffix on either ("- NCI")."""
    words, title_words = _words(heading), _words(title)
    core = _words(_TITLE_SUFFIX.sub("", title))
    if not words:
        return False
    return words == title_words or (bool(core) and words[: len(core)] == core)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())
