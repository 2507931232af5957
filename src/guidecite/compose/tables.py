"""Tables in a passage: a row read as a statement, its caption, its header.

A passage keeps a table as its rows, one a line, cells between "|". A row reads as its cells
joined by semicolons, each labelled with its column's name where the header row is in the
passage, and says its table's title where the line before gives one, so that it keeps whom
and what it is about. A row of only a label and a number says nothing on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: A column's name is at most this many words.
HEADER_WORDS = 5
_VALUE = re.compile(r"[\d.,%<>=≥≤ +-]+")
#: A footnote's letter mark in a cell ("calcium/day^a").
FOOTNOTE = re.compile(r"\^[a-z](?:,[a-z])*\b")
_CAPTION = re.compile(r"^\s*Table\b[^:]{0,12}:\s*(.{3,160}?)\s*$", re.IGNORECASE)
MAX_CAPTION_WORDS = 15
#: A line before a table that is no title of it: a sentence, or a label and its value
#: ("Clinical Condition: ...").
_NOT_A_TITLE = re.compile(r"[.:;?!]\s*$|:\s")
#: An amount with its unit ("1.5–2.0 g", "10–60 mg/d"): a table's data, never a column's name.
_AMOUNT = re.compile(r"\d(?:[\d.,–-]*\d)?\s*(?:mg|g|mcg|µg|μg|ug|units?|iu|ml|mmol|meq)\b", re.I)


def caption_of(line: str) -> str:
    """A table's title, from the line before it: "Table: ..." or a title ("Practice
    Guidelines for Surveillance of MEN1"); "" for a sentence or a label and its value."""
    found = _CAPTION.match(line)
    if found:
        return found.group(1).strip()
    words = line.split()
    if not 2 <= len(words) <= MAX_CAPTION_WORDS or _NOT_A_TITLE.search(line):
        return ""
    return line.strip() if title_case(words) else ""


def table_cells(row: str) -> list[str]:
    """A table row's cells, without their footnote marks ("calcium/day^a"); none for the
    rule under a header row."""
    cells = [FOOTNOTE.sub("", cell).strip() for cell in row.strip().strip("|").split("|")]
    return [] if all(set(cell) <= set("-: ") for cell in cells) else cells


def is_header(cells: Sequence[str]) -> bool:
    """A table's first row names its columns: short labels, no values (a row that opens a
    table of labels and values, "| Dosage | 1.5–2.0 g calcium/day |", is data)."""
    named = [cell for cell in cells if cell]
    return bool(named) and all(
        len(cell.split()) <= HEADER_WORDS
        and not _VALUE.fullmatch(cell)
        and not _AMOUNT.search(cell)
        for cell in named
    )


#: A cell of this many words says something of its own, whatever the row's other cells.
SAID_CELL_WORDS = 8


def table_row(cells: Sequence[str], header: Sequence[str] | None = None, caption: str = "") -> str:
    """A row as its cells joined by semicolons, each labelled with its column's name where
    the header row is in the passage ("Radiologic Procedure: CTA chest; Rating: 9; ...", a
    row that ends early, its empty last cells dropped, by the header's first names);
    cells of symbols or a lone letter (a scale's marks) are left out, and a row of figures
    whose header is not in the passage says nothing (half its cells or more a number or a
    word alone, none a sentence of SAID_CELL_WORDS words: "Nonconsecutive case series;
    Glioblastoma ...; 465; 46; None; Improved survival ..."). A row says its table's
    title where the passage gives it, so that it keeps whom and what it is about ("Suggested
    Scheme for Calcium Supplementation in Pregnant Women - Duration: From 20 weeks' gestation
    ...", "Practice Guidelines for Surveillance of MEN1 - Biochemical Test or Procedure:
    Fasting glucose and insulin; ...")."""
    if header is None and len(cells) == 2 and is_header(cells[:1]) and _says(cells[1]):
        label, value = cells
        said = f"{caption} - {label}: {value}" if caption else f"{label}: {value}"
        return said if len(said.split()) >= 6 else ""
    # a row may end before its header does, its source dropping trailing empty cells; a
    # row of one cell spans the table (a subheading, the rating scale under it), and one
    # whose first cell is a bare value may lack its first cell instead (a cell spanning rows)
    short = 2 <= len(cells) < len(header or ()) and len(cells[0].split()) > 1
    labelled = header is not None and (len(cells) == len(header) or short)
    names = header[: len(cells)] if labelled and header is not None else [""] * len(cells)
    kept = [(name, cell) for name, cell in zip(names, cells, strict=True) if _says(cell)]
    if sum(len(cell.split()) for _, cell in kept) < 6:
        return ""  # a label and a value: a fragment
    bare = sum(1 for _, cell in kept if len(cell.split()) <= 1 or _figures(cell))
    worded = any(len(cell.split()) >= SAID_CELL_WORDS for _, cell in kept)
    if not labelled and len(kept) >= 4 and 2 * bare >= len(kept) and not worded:
        return ""  # a row of figures whose columns it does not name: "Case series; 465; 46; None"
    said = "; ".join(f"{name}: {cell}" if name else cell for name, cell in kept)
    return f"{caption} - {said}" if caption and labelled else said


def _figures(cell: str) -> bool:
    """A cell of figures alone ("465; 46; None")."""
    return sum(ch.isalpha() for ch in re.sub(r"(?i)\bnone\b", "", cell)) == 0


def _says(cell: str) -> bool:
    """A cell that says something: a number, or a word (not a symbol or a lone letter)."""
    return any(ch.isdigit() for ch in cell) or sum(ch.isalpha() for ch in cell) >= 2


#: Short words a title leaves in lower case.
TITLE_SMALL = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to",
     "vs", "with", "without", "per"}
)  # fmt: skip


def title_case(words: Sequence[str]) -> bool:
    """Whether words are written as a title: most of those that are not short function words
    start with a capital ("Antibiotic Treatment for Lyme Disease in Children")."""
    bare = (w.strip("([\"'") for w in words)
    lettered = [w for w in bare if w[:1].isalpha() and w.lower() not in TITLE_SMALL]
    return bool(lettered) and sum(w[:1].isupper() for w in lettered) >= 0.8 * len(lettered)
