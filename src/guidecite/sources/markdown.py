"""Markdown files, with or without YAML front matter, and the open-medicine section files.

Front matter supplies the metadata (title, url, issuer, year, language, audience, rights);
headings (`#` to `######`) become section paths; paragraphs, list items and table rows
become lines of plain text: links keep their text, emphasis marks go, and NCI's inline
reference markers (`[[1](#cit/section_1.1)]`), which point to lists outside the text, are
removed. The JSON Lines reader parses its records' Markdown with the same code.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from guidecite.errors import SourceError
from guidecite.sources._fields import (
    audience_from,
    decode_text,
    language_from,
    source_name,
    text_or_none,
    year_from,
)
from guidecite.sources._outline import Outline, build_document
from guidecite.sources.open_medicine import Guideline, guideline_for
from guidecite.types import Section, SourceDocument

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*$\r?\n?", re.S | re.M)
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_ITEM = re.compile(r"^([ \t]*)([-*+•]|\d{1,9}[.)])[ \t]+(.*)$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_RULE = re.compile(r"^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")

_CITATION = re.compile(r"\[(?:\[\d+\]\(#cit/[^)]*\)[\s,–-]*)+\]|\[\d+\]\(#cit/[^)]*\)")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
#: Links that only lead around the source site: "[[PubMed Abstract]](...)", "[Enlarge](...)".
_NAV_LINK = re.compile(
    r"\[(?:\[PubMed Abstract\]|Enlarge|Go to [\w ]{1,40} Version|View and Print Infographic)\]"
    r"\([^)\s]*(?:\s+\"[^\"]*\")?\)",
    re.I,
)
_LINK = re.compile(
    r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)"
)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_CODE = re.compile(r"`+([^`]+)`+")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])")
_EM_UNDERSCORE = re.compile(r"(?<![\w\\])_(?=\S)(.+?)(?<=\S)_(?!\w)")
_INLINE_TAG = re.compile(r"</?(?:sup|sub|b|i|u|em|strong|span|small|br|a)\b[^>]*>", re.I)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>~])")

MARKDOWN_SUFFIXES = (".md", ".markdown")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader where built
_ISSUER_KEYS = ("issuer", "organisation", "organization", "source")


class MarkdownReader:
    """Reads one Markdown file as one document."""

    def read(self, path: Path, root: Path) -> Iterator[SourceDocument | SourceError]:
        source = source_name(path, root)
        try:
            text = decode_text(path.read_bytes(), source)
            yield markdown_document(text, source, fallback=path.stem, guideline=guideline_for(path))
        except SourceError as error:
            yield error


def markdown_document(
    text: str, source: str, *, fallback: str, guideline: Guideline | None = None
) -> SourceDocument:
    """A document from Markdown text: front matter first, then an open-medicine registry entry."""
    meta, body = split_front_matter(text, source)
    outline = parse_markdown(body)
    first = outline.first_heading()
    title = text_or_none(meta.get("title"))
    if title is None and guideline is not None:
        title = guideline.section_title(Path(source).stem, first)
    title = title or first or fallback
    fields = _front_matter_fields(meta)
    if guideline is not None:
        fields = {
            "issuer": guideline.organization,
            "year": guideline.year,
            "url": guideline.url,
        } | {key: value for key, value in fields.items() if value is not None}
    sections = outline.sections(text_or_none(meta.get("title")) or first)
    return build_document(source, title, sections, **fields)


def split_front_matter(text: str, source: str) -> tuple[dict[str, Any], str]:
    """The YAML front matter (empty if none) and the Markdown body after it."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    try:
        meta = yaml.load(match.group(1), Loader=_YAML_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise SourceError(source, f"invalid YAML front matter{where}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise SourceError(source, "front matter is not a mapping of names to values")
    return {str(key).lower(): value for key, value in meta.items()}, text[match.end() :]


def _front_matter_fields(meta: dict[str, Any]) -> dict[str, Any]:
    issuers = (text_or_none(meta.get(key)) for key in _ISSUER_KEYS)
    years = (year_from(meta.get(key)) for key in ("year", "date", "citation"))
    rights = (text_or_none(meta.get(key)) for key in ("license", "licence", "rights"))
    return {
        "issuer": next((value for value in issuers if value), None),
        "year": next((value for value in years if value), None),
        "url": text_or_none(meta.get("url")),
        "language": language_from(meta.get("language") or meta.get("lang")),
        "audience": audience_from(meta.get("audience")),
        "rights": next((value for value in rights if value), None),
    }


def markdown_sections(body: str, title: str | None) -> tuple[str | None, tuple[Section, ...]]:
    """The first level-1 heading of a Markdown body and its sections (the JSONL reader's use)."""
    outline = parse_markdown(body)
    first = outline.first_heading()
    return first, outline.sections(title or first)


def parse_markdown(body: str) -> Outline:
    """An outline of a Markdown body (no front matter)."""
    reader = _BlockReader()
    for line in body.splitlines():
        reader.feed(line)
    reader.flush()
    return reader.outline


class _BlockReader:
    """Reads Markdown line by line into an `Outline`, joining soft-wrapped paragraphs."""

    def __init__(self) -> None:
        self.outline = Outline()
        self._paragraph: list[str] = []
        self._item: tuple[str, int] | None = None  # marker and depth of an open list item
        self._indents: list[int] = []  # list item indents, outermost first
        self._fence: str | None = None

    def feed(self, raw: str) -> None:
        if self._fence is not None:
            self._feed_code(raw)
            return
        line = _QUOTE.sub("", raw.rstrip())
        if not line.strip():
            self.flush()
        elif fence := _FENCE.match(line):
            self.flush()
            self._fence = fence.group(1)
        elif heading := _HEADING.match(line):
            self.flush()
            self._indents.clear()
            self.outline.heading(len(heading.group(1)), plain_inline(heading.group(2) or ""))
        elif _RULE.match(line):
            self.flush()
        elif _TABLE_ROW.match(line):
            self._feed_row(line)
        elif item := _ITEM.match(line):
            self.flush()
            self._open_item(item)
        else:
            self._feed_text(line)

    def flush(self) -> None:
        """Close the open paragraph or list item as one line."""
        if not self._paragraph:
            return
        text = plain_inline(" ".join(self._paragraph))
        self._paragraph.clear()
        if self._item is not None:
            self.outline.open_item(*self._item)
            self.outline.line(text)
            self.outline.close_items()
            self._item = None
        else:
            self.outline.line(text)

    def _feed_code(self, raw: str) -> None:
        if raw.strip().startswith(self._fence or "```"):
            self._fence = None
        else:
            self.outline.line(raw)

    def _feed_row(self, line: str) -> None:
        self.flush()
        if _DELIMITER_ROW.match(line):
            return
        cells = re.split(r"(?<!\\)\|", line.strip()[1:-1])
        self.outline.row([plain_inline(cell).replace("\\|", "|") for cell in cells])

    def _open_item(self, item: re.Match[str]) -> None:
        indent = len(item.group(1).expandtabs(4))
        while self._indents and indent < self._indents[-1]:
            self._indents.pop()
        if not self._indents or indent > self._indents[-1]:
            self._indents.append(indent)
        bullet = item.group(2)
        marker = f"{bullet} " if bullet[0].isdigit() else "- "
        self._item = (marker, len(self._indents) - 1)
        self._paragraph.append(item.group(3))

    def _feed_text(self, line: str) -> None:
        if not self._paragraph and not line[:1].isspace():
            self._indents.clear()
        self._paragraph.append(line.strip())


def plain_inline(text: str) -> str:
    """Markdown inline markup as plain text: link text kept; marks, images, reference markers
    and links that only lead around the source site gone."""
    if "](" in text:
        text = _CITATION.sub("", text)
        text = _NAV_LINK.sub(" ", _IMAGE.sub(" ", text))
        for _ in range(3):  # links inside link text
            text, count = _LINK.subn(r"\1", text)
            if not count or "](" not in text:
                break
    if "<" in text:
        text = _INLINE_TAG.sub(" ", _AUTOLINK.sub(r"\1", text))
    if "`" in text:
        text = _CODE.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _STRONG.sub(r"\2", text)
        text = _EM_STAR.sub(r"\1", text)
        text = _EM_UNDERSCORE.sub(r"\1", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "&" in text:
        text = html.unescape(text)
    return " ".join(text.split())
