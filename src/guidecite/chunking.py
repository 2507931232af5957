"""Cutting a source document into passages: display text, sentences, section-aware chunks.

A reader hands over sections whose text has one paragraph, list item ("- item") or table row
("| a | b |") per line. `chunk` turns each section into passages of about `target_words`:

- `clean_text` removes source artefacts (NCI's inline reference markers, Markdown links and
  emphasis, HTML entities) so that passage text is what a reader should see;
- `split_sentences` cuts a line into sentences; lines are hard boundaries, and a passage is
  only ever cut between sentences (a sentence longer than `max_words` at a clause as a last
  resort);
- list items and table rows stay whole and stay with the sentence that introduces them;
- a passage never spans two sections, except that a very short section is put in front of
  the next section when that one lies under it (its heading path extends the short one's).

Everything here is linear-time string work: the whole development library (about 9,400
documents, 108,000 passages) chunks in about 7 seconds on one core.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from .types import Passage, SourceDocument

__all__ = ["chunk", "clean_text", "count_words", "split_sentences"]

#: A section with fewer words than this is put in front of the next one when it may be.
SHORT_SECTION_WORDS = 30

# --- clean_text -------------------------------------------------------------------------

# The start of a list item: "- ", "* ", "• ", "1. ", "2) ", "(a) ", "b. ", "iv. ".
_LIST_MARKER = re.compile(
    r"[^\S\n]*(?:[-*+\u2022\u2013\u25aa\u25e6\u00b7]|\(?\d{1,3}[.)]|\(?[A-Za-z][.)]"
    r"|[ivxIVX]{1,5}[.)])[^\S\n]+"
)

# A link destination: no spaces, one level of balanced parentheses, an optional "title".
# Repeats are bounded here and below so that unclosed markup cannot make a scan quadratic.
_DEST = r'\((?:[^()\s]|\([^()\s]{0,200}\)){0,1000}(?:\s+"[^"\n]{0,2000}")?\)'
_IMAGE = re.compile(r"!\[[^\]\n]{0,2000}\]" + _DEST)
_NAV_LINK = re.compile(
    r"^[ \t]*\[(?:Go to [\w ]{1,40} Version|View and Print Infographic)\]" + _DEST + r"[ \t]*$",
    re.MULTILINE,
)
_PUBMED_LINK = re.compile(r"\[\[PubMed Abstract\](?:\]" + _DEST + "|" + _DEST + r"\])", re.I)
# NCI markers: [[1](#cit/section_1.1)], [[3](#cit/..),[4](#cit/..)], [[1](..)-[3](..)];
# plain variants [[1]], [[2,3]], and runs of them joined by ";".
_CITE_ITEM = r"\[\d{1,4}(?:\s*[,\u2013-]\s*\d{1,4})*\](?:\(#cit/[^)\s]{0,40}\))?"
_CITE_GROUP = r"\[" + _CITE_ITEM + r"(?:\s*[,;\u2013-]\s*" + _CITE_ITEM + r")*\]"
# A run of markers, maybe joined by ";" to a link in brackets before it ("...](url)];[[10]..").
# Each alternative starts with " ", tab, ";" or "[" so that the scan for a match is quick.
_CITATION = re.compile(
    r"(?:[ \t]+\[|;(?<=\)\];)\[|\[)"
    + _CITE_ITEM
    + r"(?:\s*[,;\u2013-]\s*"
    + _CITE_ITEM
    + r")*\](?:;"
    + _CITE_GROUP
    + r")*"
)
# A bare numbered marker stuck to the text before it, as in "acetate.[9184]".
_BARE_CITATION = re.compile(r"\[(?<=[A-Za-z.,;:)]\[)\d{1,5}(?:\s*[,\u2013-]\s*\d{1,5})*\](?!\()")
# A link's label may hold one level of brackets: "[tumor necrosis factor [TNF]](url)".
_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]{0,200}\]){0,500})\]" + _DEST)
# Bold spans are bounded in length so that a line of unpaired markers stays linear; the
# markers of a longer one go as strays.
_EMPHASIS = (
    re.compile(r"\*\*\*(?=[^\s*])([^\n]{0,300}?[^\s*])\*\*\*"),
    re.compile(r"\*\*(?=[^\s*])([^\n]{0,300}?[^\s*])\*\*"),
    re.compile(r"__(?<!\w__)(?=[^\s_])([^\n]{0,300}?[^\s_])__(?!\w)"),
    # "*x*" but not "5 * 2" or "5*2*3": the stars must hug the words, not digits or letters.
    re.compile(r"\*(?<![\w*]\*)(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])"),
)
_STRAY_STARS = re.compile(r"\*{2,}")
_INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")


def clean_text(text: str) -> str:
    """Display text: source markup and reference markers removed, whitespace tidied.

    Line structure is kept (one paragraph, list item or table row per line, at most one
    blank line in a row); runs of spaces become one space; a list item keeps its indent.
    """
    if "[" in text:
        text = _strip_links(text)
    if "*" in text or "__" in text:
        text = _strip_emphasis(text)
    text = html.unescape(text)
    for char in _INVISIBLE:
        if char in text:
            text = text.replace(char, "")
    lines: list[str] = []
    for line in text.split("\n"):
        line = _tidy_line(line)
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).rstrip("\n")


def _strip_links(text: str) -> str:
    """Images, navigation and PubMed links and reference markers go; a link keeps its label."""
    text = _IMAGE.sub("", text)
    if "Version](" in text or "Infographic](" in text:
        text = _NAV_LINK.sub("", text)
    text = _PUBMED_LINK.sub("", text)
    text = _CITATION.sub("", text)
    text = _BARE_CITATION.sub("", text)
    return _LINK.sub(r"\1", text)


def _strip_emphasis(text: str) -> str:
    for pattern in _EMPHASIS:
        text = pattern.sub(r"\1", text)
    return _STRAY_STARS.sub("", text) if "**" in text else text


def _tidy_line(line: str) -> str:
    body = " ".join(line.split())
    if line[:1].isspace() and body and _LIST_MARKER.match(line):
        return " " * (len(line) - len(line.lstrip())) + body
    return body


# --- split_sentences ----------------------------------------------------------------------

# End punctuation, maybe a tag that belongs to the sentence ("pain.[Level of evidence: II]",
# "given. (Grade 1B)"), closing quotes or brackets, then the space before the next sentence.
_BOUNDARY = re.compile(
    r"[.!?\u2026]+(?:\s?\[[^\[\]\n]{1,80}\]|\s\([^()\n]{1,80}\))?"
    r"[\"'\u201d\u2019)\]]*\s+(?=\S)"
)
# fmt: off
_ABBREVIATIONS = frozenset({
    "al", "approx", "apr", "assoc", "aug", "ca", "cf", "co", "corp", "dec", "dept", "dr",
    "feb", "inc", "incl", "jan", "jr", "jul", "jun", "ltd", "mar", "mr", "mrs", "ms", "nov",
    "oct", "prof", "resp", "sep", "sept", "sr", "st", "viz", "vs",
})
# Abbreviations that come before a number: "Fig. 2", "No. 3", "pp. 12-19".
_NUMBER_ABBREVIATIONS = frozenset({
    "art", "ch", "chap", "eq", "fig", "figs", "no", "nos", "p", "para", "pp", "ref", "refs",
    "tab", "vol",
})
_DOTTED = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")  # e.g, i.v, b.i.d, U.S, Ph.D
_ENUMERATOR = re.compile(r"\d{1,3}|[A-Za-z]|[ivxIVX]{1,5}")  # "2." that starts an inline item
# Capitalised words before a single letter that is a label, not an initial ("Stage I.").
_LABEL_WORDS = frozenset({
    "annex", "appendix", "arm", "box", "category", "class", "cohort", "complex", "factor",
    "figure", "grade", "group", "hepatitis", "lead", "level", "option", "part", "phase",
    "plan", "protein", "schedule", "section", "stage", "step", "strain", "table", "tier",
    "type", "vitamin", "zone", "treatment", "regimen", "study", "trial", "protocol",
})
# Words that start sentences far more often than they follow an initial ("Arm A. The ...").
_SENTENCE_STARTS = frozenset({
    "a", "after", "all", "an", "as", "at", "because", "before", "both", "but", "during",
    "each", "for", "however", "if", "in", "it", "its", "most", "no", "of", "on", "one",
    "other", "patients", "some", "such", "that", "the", "their", "there", "these", "they",
    "this", "those", "to", "treatment", "we", "when", "while", "with",
})
# fmt: on
_INITIAL = re.compile(r"[A-Z]\.")
_BRACKETS = {")": "(", "]": "[", "}": "{"}
_BRACKET = re.compile(r"[()\[\]{}]")
_MIN_SENTENCE_CHARS = 8
_FRAGMENT_CHARS = 40  # longer pieces are never fragments


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`, each a stripped substring of one line of it.

    Lines are hard boundaries; a table row is one unit and a list item starts a new one.
    Nothing is split inside brackets, after a known abbreviation, an initial or a list
    number; pieces of a few characters are merged with a neighbour on their line.
    """
    sentences: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if line:
            sentences.extend(_line_sentences(line))
    return sentences


def _line_sentences(line: str) -> list[str]:
    if line.startswith("|"):
        return [line]
    marker = _LIST_MARKER.match(line)
    candidates = list(_BOUNDARY.finditer(line, marker.end() if marker else 0))
    if not candidates:
        return [line]
    shielded = _bracket_spans(line)
    starts = [0]
    for match in candidates:
        cut = match.end()
        if not _inside(shielded, cut) and _is_break(line, match.start(), cut, starts[-1]):
            starts.append(cut)
    kept = _without_fragments(line, starts)
    return [line[a:b].strip() for a, b in zip(kept, kept[1:] + [len(line)], strict=True)]


def _is_break(line: str, stop: int, cut: int, piece_start: int) -> bool:
    """Whether the punctuation at `stop`, with the next sentence at `cut`, ends a sentence."""
    after = line[cut]
    if after.islower() or after in ",;:([{":
        return False
    if line[stop] != ".":
        return True
    token_start = line.rfind(" ", 0, stop) + 1
    token = line[token_start:stop].lstrip("\"'([\u201c\u2018")
    opens_item = token_start <= piece_start or line[token_start - 2 : token_start - 1] == ":"
    if opens_item and _ENUMERATOR.fullmatch(token):
        return False  # "2. Give ...", "Steps: 1. Assess ...": a list number, not a sentence
    lowered = token.lower()
    if lowered in _ABBREVIATIONS or _DOTTED.fullmatch(token):
        return False
    if lowered in _NUMBER_ABBREVIATIONS and after.isdigit():
        return False
    return not (len(token) == 1 and token.isupper() and _is_initial(line, token_start, cut))


def _is_initial(line: str, token_start: int, cut: int) -> bool:
    """Whether the capital letter at `token_start` is a name's initial ("John F. Kennedy")."""
    before = line[: max(token_start - 1, 0)].rsplit(" ", 1)[-1]
    after = line[cut:].split(" ", 1)[0]
    if _INITIAL.fullmatch(before) or _INITIAL.fullmatch(after):
        return True  # "J. R. Tolkien"
    return (
        len(before) > 1 and before[0].isupper() and before[1:].isalpha()
        and before[1:].islower() and before.lower() not in _LABEL_WORDS
        and after.lower() not in _SENTENCE_STARTS
    )  # fmt: skip


def _bracket_spans(line: str) -> list[tuple[int, int]]:
    """Outermost matched bracket pairs as (open, close) positions; unmatched ones are ignored."""
    stack: list[tuple[str, int]] = []
    spans: list[tuple[int, int]] = []
    for match in _BRACKET.finditer(line):
        char, at = match.group(), match.start()
        if char in "([{":
            stack.append((char, at))
        elif any(kind == _BRACKETS[char] for kind, _ in stack):
            while stack[-1][0] != _BRACKETS[char]:
                stack.pop()  # an opener that was never closed
            spans.append((stack.pop()[1], at))
    return _outermost(spans)


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans.sort()
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if not kept or start > kept[-1][1]:
            kept.append((start, end))
    return kept


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    i = bisect_right(spans, (position, 1 << 62)) - 1
    return i >= 0 and spans[i][0] < position <= spans[i][1]


def _without_fragments(line: str, starts: list[int]) -> list[int]:
    """The sentence starts left when a piece of a few characters or one word joins the piece
    before it (the first piece, the one after it)."""
    kept = starts[:1]
    for start, end in zip(starts[1:], [*starts[2:], len(line)], strict=False):
        if not (_is_fragment(line, start, end) or _is_fragment(line, kept[-1], start)):
            kept.append(start)
    return kept


def _is_fragment(line: str, start: int, end: int) -> bool:
    if end - start > _FRAGMENT_CHARS:
        return False  # checked by length first: merging stays linear on a line of fragments
    piece = line[start:end].strip()
    return len(piece) < _MIN_SENTENCE_CHARS or " " not in piece


# --- chunk ----------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]\S*")  # from a token's first letter or digit to its end
_HAS_WORD = re.compile(r"[^\W_]")
_CLAUSE_ENDS = (";", ":", ",")


def count_words(text: str) -> int:
    """Words as passage sizes count them: whitespace tokens with a letter or digit."""
    return len(_WORD.findall(text))


@dataclass(frozen=True, slots=True)
class _Unit:
    """A piece a passage is built of: a sentence, a whole list item or a whole table row."""

    text: str
    words: int
    starts_line: bool  # joined to the previous unit with a line break, not a space
    bound: bool  # stays with the unit before it where possible (an item after its intro)


def chunk(doc: SourceDocument, target_words: int = 150, max_words: int = 250) -> list[Passage]:
    """Section-aware passages of about `target_words` (never over `max_words`) of `doc`."""
    if not 0 < target_words <= max_words:
        raise ValueError(f"need 0 < target_words <= max_words, got {target_words}, {max_words}")
    passages: list[Passage] = []
    for path, units in _section_units(doc, target_words, max_words):
        for body in _pack(units, target_words, max_words):
            passage_id = Passage.make_id(doc.doc_id, path, body)
            passages.append(Passage(passage_id, doc.doc_id, len(passages), path, body))
    return passages


def _section_units(
    doc: SourceDocument, target_words: int, max_words: int
) -> Iterator[tuple[tuple[str, ...], list[_Unit]]]:
    """(heading path, units) per section with words. A short section is put in front of the
    next one when that one lies under it (its path extends the short one's), so the heading
    path stays true of the whole passage; otherwise it stays alone."""
    held: tuple[tuple[str, ...], list[_Unit]] | None = None
    for section in doc.sections:
        path, units = section.path, _units(_display_lines(section.text), target_words, max_words)
        words = sum(unit.words for unit in units)
        if not words:
            continue
        if held is not None:
            if path[: len(held[0])] == held[0]:
                units, words = held[1] + units, words + sum(unit.words for unit in held[1])
            else:
                yield held
            held = None
        if words < SHORT_SECTION_WORDS:
            held = (path, units)
        else:
            yield path, units
    if held is not None:
        yield held


def _display_lines(text: str) -> str:
    """Cleaned text without lines that hold no words (rules, stray markers), except a table's
    separator row ("|---|---|"), which stays with its table."""
    lines = clean_text(text).split("\n")
    return "\n".join(line for line in lines if line.startswith("|") or _HAS_WORD.search(line))


def _units(text: str, target_words: int, max_words: int) -> list[_Unit]:
    """Sentences of paragraphs, whole list items and table rows; an item or row is bound to
    the line before it (its intro or the item before), and so is the rest of a long one."""
    units: list[_Unit] = []
    previous_kind = ""
    for line in text.split("\n"):
        kind = _line_kind(line)
        bound = kind != "paragraph" and previous_kind != ""
        words = 0 if kind == "paragraph" else count_words(line)
        if kind == "paragraph" or words > max_words:
            pieces = _sentences_within(line, target_words, max_words)
        else:
            pieces = [line]
        for i, piece in enumerate(pieces):
            count = words if len(pieces) == 1 and words else count_words(piece)
            glued = bound or (i > 0 and kind != "paragraph")
            units.append(_Unit(piece, count, i == 0, glued))
        previous_kind = kind
    return units


def _line_kind(line: str) -> str:
    if line.startswith("|"):
        return "table"
    return "item" if _LIST_MARKER.match(line) else "paragraph"


def _sentences_within(line: str, target_words: int, max_words: int) -> list[str]:
    """The sentences of a line, a sentence over `max_words` cut at clause boundaries."""
    indent = line[: len(line) - len(line.lstrip())]
    pieces: list[str] = []
    for sentence in _line_sentences(line.strip()):
        if count_words(sentence) > max_words:
            pieces.extend(_cut_clauses(sentence, target_words, max_words))
        else:
            pieces.append(sentence)
    return [indent + pieces[0], *pieces[1:]] if pieces else []


def _cut_clauses(sentence: str, target_words: int, max_words: int) -> list[str]:
    """A last resort for an overlong sentence: cut after a ";", ":" or "," near
    `target_words` words, or after `max_words` words where it has none.

    Linear in the sentence's length: each token's word count is taken once and the words
    left are a running total, so a megabyte line with no sentence end costs no more per
    word than a short one."""
    words = sentence.split(" ")
    left = sum(counts := [count_words(word) for word in words])
    pieces: list[str] = []
    start = 0
    while left > max_words:
        at = start + _clause_cut(words[start : start + max_words], target_words, max_words)
        pieces.append(" ".join(words[start:at]))
        left -= sum(counts[start:at])
        start = at
    return [*pieces, " ".join(words[start:])]


def _clause_cut(window: list[str], target_words: int, max_words: int) -> int:
    """How many words to take: up to a clause end, strongest punctuation first, nearest to
    `target_words` among those after the first half of it."""
    low = target_words // 2
    for mark in _CLAUSE_ENDS:
        ends = [i + 1 for i in range(low, len(window)) if window[i].endswith(mark)]
        if ends:
            return min(ends, key=lambda end: abs(end - target_words))
    return max(1, min(target_words, len(window)))


def _group_words(units: list[_Unit]) -> list[int]:
    """Per unit, the words from it to the end of its group: the paragraph it is in and the
    lists bound to that paragraph."""
    rest, rests = 0, []
    for unit in reversed(units):
        rest += unit.words
        rests.append(rest)
        if unit.starts_line and not unit.bound:
            rest = 0
    return rests[::-1]


def _pack(units: list[_Unit], target_words: int, max_words: int) -> list[str]:
    """Greedy packing of units into passage texts; see `_breaks_before` for where it cuts. A
    small last passage joins the one before it where both fit in `max_words`."""
    passages: list[list[_Unit]] = []
    current: list[_Unit] = []
    words = 0
    for unit, rest in zip(units, _group_words(units), strict=True):
        if current and _breaks_before(unit, rest, words, target_words, max_words):
            carried = _carried(current, unit, max_words)
            passages.append(current[: len(current) - len(carried)])
            current, words = carried, sum(u.words for u in carried)
        current.append(unit)
        words += unit.words
    if words:
        passages.append(current)
    return [_join(passage) for passage in _merge_small_tail(passages, target_words, max_words)]


def _merge_small_tail(
    passages: list[list[_Unit]], target_words: int, max_words: int
) -> list[list[_Unit]]:
    if len(passages) < 2:
        return passages
    *head, before, last = passages
    small = sum(u.words for u in last) < target_words // 3
    if small and sum(u.words for u in before + last) <= max_words:
        return [*head, before + last]
    return passages


def _breaks_before(unit: _Unit, rest: int, words: int, target_words: int, max_words: int) -> bool:
    """Whether a passage of `words` words ends before `unit`: when it would pass `max_words`;
    before a paragraph (of `rest` words with its lists) that will not fit once the passage is
    half full; before a sentence that passes the target unless the passage is still small;
    between an intro and its list or two items only when it must."""
    if words + unit.words > max_words:
        return True
    if unit.starts_line and not unit.bound and words >= target_words // 2:
        return words + rest > target_words
    if unit.bound:
        return False
    return words + unit.words > target_words and words >= target_words // 3


def _carried(current: list[_Unit], unit: _Unit, max_words: int) -> list[_Unit]:
    """The units at the end of a full passage that go on with `unit` to the next passage: the
    intro and items of a list, where they are not the whole passage and fit with it."""
    if not unit.bound:
        return []
    start = len(current) - 1
    while start > 0 and current[start].bound:
        start -= 1
    carried = current[start:]
    if start == 0 or sum(u.words for u in carried) + unit.words > max_words:
        return []
    return carried


def _join(units: list[_Unit]) -> str:
    parts: list[str] = []
    for unit in units:
        if parts:
            parts.append("\n" if unit.starts_line else " ")
        parts.append(unit.text if parts else unit.text.lstrip())
    return "".join(parts)
