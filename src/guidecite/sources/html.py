"""HTML pages, such as the National Guideline Clearinghouse summaries.

Metadata comes from `<meta>` tags (`citation_title`, `citation_publisher`, `citation_date`,
`dc.*`), `<title>`, `<html lang>` and a canonical link; `<h1>` to `<h3>` become section
paths and smaller headings plain lines; lists become "- item" lines (nested lists indented,
ordered ones numbered), tables "| a | b |" rows. Scripts, styles and navigation are dropped.

Inline tags add no spaces: "(<b>Grade 1B</b>)" reads "(Grade 1B)". A superscript is written
with a caret, "10<sup>9</sup>/l" as "10^9/l" and "kg<sup>-1</sup>" as "kg^-1", because
"109/l" reads as a different number; ordinals ("10<sup>th</sup>"), charges and gestational
days ("Na<sup>+</sup>", "28<sup>+0</sup> weeks") and marks such as "®" join the text as
they are. Subscripts join it too ("HbA<sub>1c</sub>" reads "HbA1c").

The short fields of a form-like page, such as the Clearinghouse's "Scope" part (Disease/
Condition(s), Guideline Category, Clinical Specialty, Intended Users, Target Population...),
are folded into one section of "Field: value" lines (`fold_fields`), and a field that only
says "None provided" or "Not applicable" is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from guidecite.errors import SourceError
from guidecite.sources._boilerplate import is_empty_value
from guidecite.sources._fields import (
    collapse,
    doi_url,
    language_from,
    repair_mojibake,
    source_name,
    text_or_none,
    year_from,
)
from guidecite.sources._outline import Outline, build_document
from guidecite.types import Section, SourceDocument

HTML_SUFFIXES = (".html", ".htm")

_SKIPPED = frozenset(
    "script style nav noscript template head svg button select iframe object".split()  # noqa: SIM905
)
_BLOCKS = frozenset(
    "p div section article main body header footer aside blockquote figure figcaption"  # noqa: SIM905
    " address dl dt dd center form fieldset details summary pre hr caption li".split()
)
_LIST_STYLE = re.compile(r"list-style-type:\s*([\w-]+)", re.I)
_LIST_STYLES = {
    "lower-alpha": "a",
    "lower-latin": "a",
    "upper-alpha": "A",
    "upper-latin": "A",
    "lower-roman": "i",
    "upper-roman": "I",
}
#: Superscripts that join the text as they are: ordinals, charges and gestational days, marks.
_PLAIN_SUPERSCRIPT = re.compile(r"(?:st|nd|rd|th|\+\d{0,2}|[-−]|[®™©*†‡§¶#]+)", re.I)
_CARET_SUPERSCRIPT = re.compile(r"[-−+]?[\w.,]{1,8}")  # "9", "-1", "a,b", "2+"
_FIELD_WORDS = 60  # a field this short is folded with its neighbours
MAX_NESTING = 100  # elements deeper than this are read as plain text (no deep recursion)
_BULLET = re.compile(r"^\s*-\s+")
_SENTENCE_END = (".", "!", "?", ":", ";")
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)
#: Organisation types the National Guideline Clearinghouse appends to developer names.
_ORGANISATION_TYPE = re.compile(
    r"\s+-\s+(?:Medical Specialty Society|Professional Association|National Government Agency"
    r"|Independent Expert Panel|State/Local Government Agency|Federal Government Agency"
    r"|Nonprofit Research Organization|Nonprofit Organization|Disease Specific Society"
    r"|Hospital/Medical Center|International Agency|Academic Institution"
    r"|Clinical Specialty Collaboration|For Profit Organization"
    r"|Government Affiliated Research Institute|Public Health Agency)(?:\s+\[[^\]]*\])?"
)


class HtmlReader:
    """Reads one HTML page as one document."""

    def read(self, path: Path, root: Path) -> Iterator[SourceDocument | SourceError]:
        source = source_name(path, root)
        try:
            yield html_document(decode_html(path.read_bytes(), source), source, path.stem)
        except SourceError as error:
            yield error


def decode_html(data: bytes, source: str) -> str:
    """The page as text: UTF-8, else the charset its `<meta>` declares."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    raise SourceError(source, "not UTF-8 text and no usable charset declared")


def html_document(text: str, source: str, fallback: str) -> SourceDocument:
    """A document from the text of an HTML page."""
    tree = LexborHTMLParser(text)
    meta = _meta_tags(tree)
    outline = Outline()
    if tree.body is not None:
        _walk(tree.body, outline, depth=0)
    first = outline.first_heading()
    head_title = tree.css_first("title")
    title = (
        meta.get("citation_title")
        or (text_or_none(head_title.text()) if head_title is not None else None)
        or first
    )
    sections = fold_fields(outline.sections(title or first))
    return build_document(
        source,
        repair_mojibake(title or fallback),
        sections,
        issuer=_issuer(meta, sections),
        year=next(filter(None, map(year_from, _values(meta, _DATE_KEYS))), None),
        url=_url(tree, meta),
        language=language_from(
            (tree.root.attributes.get("lang") if tree.root else None) or meta.get("dc.language")
        ),
        rights=meta.get("dc.rights"),
    )


_DATE_KEYS = ("citation_date", "citation_publication_date", "dc.date", "dc.date.issued")


def _values(meta: dict[str, str], keys: tuple[str, ...]) -> list[str]:
    return [meta[key] for key in keys if key in meta]


def _meta_tags(tree: LexborHTMLParser) -> dict[str, str]:
    """`<meta name|property=... content=...>` by lower-case name; the first one wins."""
    found: dict[str, str] = {}
    for node in tree.css("meta"):
        attributes = node.attributes
        name = attributes.get("name") or attributes.get("property")
        content = text_or_none(attributes.get("content"))
        if name and content:
            found.setdefault(name.strip().lower(), repair_mojibake(content))
    return found


def _issuer(meta: dict[str, str], sections: tuple[Section, ...]) -> str | None:
    """The publisher, without the organisation types the Clearinghouse appends, and the
    body it developed the guideline for where the page says so ("developed by the National
    Clinical Guideline Centre on behalf of the National Institute for Health and Care
    Excellence (NICE)"): readers know the guideline by that body, and ask for it by name."""
    publisher = meta.get("citation_publisher") or meta.get("dc.publisher")
    if not publisher:
        return None
    names = [collapse(name) for name in _ORGANISATION_TYPE.split(publisher)]
    names = [name for name in names if name]
    for section in sections:
        found = _ON_BEHALF.search(section.text)
        if found is not None:
            body = collapse(found["body"])
            if not any(body.casefold() in name.casefold() for name in names):
                names.append(body)
            break
    return "; ".join(names) or None


#: "developed by [the developer] on behalf of [the body] (ACRONYM)": a name in capitalised
#: words (and the small words between them), with the acronym after it where there is one.
_ON_BEHALF = re.compile(
    r"\bdeveloped by\b[^.;]{3,200}?\bon behalf of (?:the )?"
    r"(?P<body>[A-Z][\w'&-]*(?:\s+(?:[A-Z][\w'&-]*|of|for|and|the|on|in))*"
    r"(?:\s+\([A-Z][A-Za-z&-]{1,10}\))?)"
)


def _url(tree: LexborHTMLParser, meta: dict[str, str]) -> str | None:
    for value in _values(meta, ("citation_url", "dc.identifier", "og:url")):
        if value.startswith(("http://", "https://")):
            return value
        if url := doi_url(value):
            return url
    canonical = tree.css_first('link[rel="canonical"]')
    return text_or_none(canonical.attributes.get("href")) if canonical is not None else None


def _walk(node: LexborNode, outline: Outline, depth: int, nesting: int = 0) -> None:
    """Feed a node's children to the outline in document order (`depth`: list nesting).

    Below `MAX_NESTING` elements a node's text is taken whole, by lexbor, so that no page
    nests deep enough to exhaust Python's stack (a 1,000-deep page raised RecursionError)."""
    if nesting > MAX_NESTING:
        outline.add(" " + (node.text(deep=True, separator=" ") or "") + " ")
        return
    nesting += 1
    for child in node.iter(include_text=True):
        tag = child.tag or ""
        if tag == "-text":
            _text(child, outline)
        elif tag in _SKIPPED or tag.startswith("-"):
            continue
        elif tag in ("h1", "h2", "h3"):
            outline.heading(int(tag[1]), inline_text(child))
        elif tag in ("h4", "h5", "h6"):
            outline.line(inline_text(child))
        elif tag in ("ul", "ol", "menu"):
            _list(child, outline, depth, nesting)
        elif tag == "table":
            _table(child, outline)
        elif tag == "br":
            outline.end_paragraph()
        elif tag == "img":
            outline.add(_image_text(child))
        elif tag == "sup":
            outline.add(_superscript(child))
        elif tag in _BLOCKS:
            outline.end_paragraph()
            _walk(child, outline, depth, nesting)
            outline.end_paragraph()
        else:
            _walk(child, outline, depth, nesting)


def _text(node: LexborNode, outline: Outline) -> None:
    """A text node; a bare one in a block that holds one short name a line (the
    Clearinghouse's "Clinical Specialty" and "Intended Users" fields) gives a line each."""
    text = repair_mojibake(node.text_content or "")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    parent = node.parent.tag if node.parent is not None else None
    if len(lines) > 1 and parent in _BLOCKS and all(map(_is_name_line, lines)):
        for line in lines:
            outline.line(line)
    else:
        outline.add(text)


def _is_name_line(line: str) -> bool:
    return len(line) <= 60 and line[0].isupper() and line[-1] not in ".,;:"


def _list(node: LexborNode, outline: Outline, depth: int, nesting: int = 0) -> None:
    """A list's items as "- item" lines ("1. item", "a. item" when ordered), nested indented."""
    if nesting > MAX_NESTING:
        _walk(node, outline, depth, nesting)
        return
    nesting += 1
    kind = _numbering(node) if node.tag == "ol" else None
    start = (node.attributes.get("start") or "1").strip()
    number = int(start) if start.isdigit() else 1
    for child in node.iter(include_text=False):
        if child.tag == "li":
            marker = f"{_number(kind, number)}. " if kind else "- "
            outline.open_item(marker, depth)
            _walk(child, outline, depth + 1, nesting)
            outline.close_item()
            number += 1
        elif child.tag in ("ul", "ol"):
            _list(child, outline, depth + 1, nesting)
        elif child.tag not in _SKIPPED:
            _walk(child, outline, depth, nesting)


def _numbering(node: LexborNode) -> str:
    """An ordered list's numbering: "1", "a", "A", "i" or "I" (from `type` or its style)."""
    kind = (node.attributes.get("type") or "").strip()
    if kind in ("1", "a", "A", "i", "I"):
        return kind
    style = _LIST_STYLE.search(node.attributes.get("style") or "")
    return _LIST_STYLES.get(style.group(1).lower(), "1") if style else "1"


def _number(kind: str, number: int) -> str:
    if kind in ("a", "A") and 1 <= number <= 26:
        letter = chr(ord("a") + number - 1)
        return letter if kind == "a" else letter.upper()
    if kind in ("i", "I") and 1 <= number < 40:
        roman = _roman(number)
        return roman if kind == "I" else roman.lower()
    return str(number)


def _roman(number: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    digits = []
    for value, numeral in numerals:
        count, number = divmod(number, value)
        digits.append(numeral * count)
    return "".join(digits)


def _table(node: LexborNode, outline: Outline) -> None:
    """A table's caption as a line, then each row as "| a | b |" (header and footer too;
    a footer the section already has, such as a legend under every table, once)."""
    for child in node.iter(include_text=False):
        if child.tag == "caption":
            outline.line(inline_text(child))
        elif child.tag == "tr":
            _row(child, outline)
        elif child.tag in ("thead", "tbody", "tfoot"):
            for row in child.iter(include_text=False):
                if row.tag == "tr":
                    _row(row, outline, once=child.tag == "tfoot")


def _row(row: LexborNode, outline: Outline, once: bool = False) -> None:
    cells = [inline_text(cell) for cell in row.iter(include_text=False) if cell.tag in ("td", "th")]
    outline.row(cells, once=once)


def inline_text(node: LexborNode) -> str:
    """All text under a node on one line, images as their alternative text."""
    parts: list[str] = []
    _collect(node, parts)
    return collapse(repair_mojibake("".join(parts)))


def _collect(node: LexborNode, parts: list[str], nesting: int = 0) -> None:
    if nesting > MAX_NESTING:
        parts.append(" " + (node.text(deep=True, separator=" ") or "") + " ")
        return
    for child in node.iter(include_text=True):
        tag = child.tag or ""
        if tag == "-text":
            parts.append(child.text_content or "")
        elif tag == "img":
            parts.append(_image_text(child))
        elif tag == "sup":
            parts.append(_superscript(child))
        elif tag in _SKIPPED or tag.startswith("-"):
            continue
        else:
            if tag in _BLOCKS or tag in ("br", "tr", "td", "th", "ul", "ol"):
                parts.append(" ")
            _collect(child, parts, nesting + 1)


def _superscript(node: LexborNode) -> str:
    """A superscript as "^9" ("10^9/l"), or as it is for ordinals, charges and marks; a
    footnote letter that opens a note is set apart from it ("^b A systematic review")."""
    text = inline_text(node)
    if not text or _PLAIN_SUPERSCRIPT.fullmatch(text) or not _CARET_SUPERSCRIPT.fullmatch(text):
        return text
    after = node.next
    opens_word = after is not None and (after.text(deep=True) or " ")[:1].isalpha()
    return f"^{text} " if text.isalpha() and opens_word else f"^{text}"


def _image_text(node: LexborNode) -> str:
    """An image as its alternative text; the Clearinghouse's radiation-level icons as "☢"."""
    alt = collapse(node.attributes.get("alt") or "")
    if alt.lower().startswith("radioactive"):
        return "☢"
    return f" {alt} " if alt else ""


def fold_fields(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """Sections with the short fields of a form folded into "Field: value" lines.

    A field is a section whose heading sits under a part that has no text of its own
    ("Scope" > "Intended Users"), with no subsections, no table and at most `_FIELD_WORDS`
    words. Consecutive fields of one part become one section with the part's path; a field
    that only says it is empty ("None provided") is left out; longer fields stay as they are.
    """
    paths = {section.path for section in sections}
    folded: list[Section] = []
    for section in sections:
        if is_empty_value(section.text):
            continue
        if not _is_field(section, paths, sections):
            folded.append(section)
            continue
        parent, name = section.path[:-1], section.path[-1]
        line = _field_line(name, section.text, parent)
        if folded and folded[-1].path == parent:
            line = folded.pop().text + "\n" + line
        folded.append(Section(parent, line))
    return tuple(folded)


def _is_field(section: Section, paths: set[tuple[str, ...]], sections: tuple[Section, ...]) -> bool:
    path = section.path
    if len(path) < 2 or path[:-1] in paths or len(section.text.split()) > _FIELD_WORDS:
        return False
    if any(line.startswith("|") for line in section.text.split("\n")):
        return False
    return not any(len(s.path) > len(path) and s.path[: len(path)] == path for s in sections)


def _field_line(name: str, text: str, parent: tuple[str, ...]) -> str:
    """ "Name: a; b; c" from a field's lines (bullets dropped, numbers such as "A." kept), or
    the bare value when the field repeats its part's name ("Contraindications" twice)."""
    value = ""
    for line in text.split("\n"):
        line = _BULLET.sub("", line).strip()
        if not line:
            continue
        joiner = "" if not value else " " if value.endswith(_SENTENCE_END) else "; "
        value += joiner + line
    return value if parent and name == parent[-1] else f"{name}: {value}"
