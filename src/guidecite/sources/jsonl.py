"""JSON Lines files: one document a line, such as the MedQuAD question-and-answer records.

Each line holds `id`, `title`, `clean_text` (or `text`) and optionally `source` (the issuer),
`url`, `year`, `audience`, `language` and `license`. The text is Markdown ("# title", then
"## question" and the answer) and is parsed by the Markdown reader's code. Files are read a
line at a time; a bad line gives a SourceError naming `file#line N` and reading goes on.
A record whose id was seen before is skipped when it repeats that record exactly, and named
`#id~2`, `#id~3`, ... when it differs, so that every document keeps its own source.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from wordfreq import zipf_frequency

from guidecite.errors import SourceError
from guidecite.sources._fields import (
    audience_from,
    language_from,
    source_name,
    text_or_none,
    year_from,
)
from guidecite.sources._outline import build_document
from guidecite.sources.markdown import markdown_sections
from guidecite.types import SourceDocument
from guidecite.wording import english_words

JSONL_SUFFIXES = (".jsonl", ".ndjson")

#: MedQuAD flattens lists into one line: "Key Points - First point.    - Second point."
_FLAT_ITEM = re.compile(r"(?<=\S)[ \t]{2,}-[ \t]+(?=\S)")
#: ... and separates paragraphs by runs of spaces: "bleeding.         In AML, the ...", and
#: ends a list by three: "- Rheumatoid arthritis   Hypnosis is a focused state ..."
_FLAT_PARAGRAPH = re.compile(r"(?<=[.!?:])[ \t]{4,}(?=[A-Z])|(?<=[^.!?:\s])[ \t]{3,}(?=[A-Z])")


class JsonlReader:
    """Reads a JSON Lines file as one document a line."""

    def read(self, path: Path, root: Path) -> Iterator[SourceDocument | SourceError]:
        name = source_name(path, root)
        seen: dict[str, tuple[str, int]] = {}  # id -> (digest of its first record, count)
        with path.open("rb") as lines:
            for number, raw in enumerate(lines, start=1):
                if not raw.strip():
                    continue
                try:
                    record = _record(raw, f"{name}#line {number}")
                    doc_id = _unique_id(record, raw, seen)
                    if doc_id is not None:
                        yield record_document(record, f"{name}#{doc_id}", f"{name}#line {number}")
                except SourceError as error:
                    yield error


def _record(raw: bytes, where: str) -> dict[str, Any]:
    try:
        record = json.loads(raw)
    except UnicodeDecodeError:
        raise SourceError(where, "not UTF-8 text") from None
    except ValueError as error:
        raise SourceError(where, f"invalid JSON ({error})") from None
    except RecursionError:
        raise SourceError(where, "JSON nested too deeply") from None
    if not isinstance(record, dict):
        raise SourceError(where, "not a JSON object")
    if text_or_none(record.get("id")) is None:
        raise SourceError(where, "no id")
    return record


def _unique_id(record: dict[str, Any], raw: bytes, seen: dict[str, tuple[str, int]]) -> str | None:
    """The record's id, "id~N" for a different record under a repeated id, None for a copy."""
    doc_id = str(record["id"]).strip()
    digest = hashlib.sha256(raw.strip()).hexdigest()
    if doc_id not in seen:
        seen[doc_id] = (digest, 1)
        return doc_id
    first, count = seen[doc_id]
    if digest == first:
        return None
    seen[doc_id] = (first, count + 1)
    return f"{doc_id}~{count + 1}"


def record_document(record: dict[str, Any], source: str, where: str) -> SourceDocument:
    """A document from one JSON record; `where` names the line in errors."""
    keys = ("clean_text", "text")
    text = next((str(record[key]) for key in keys if text_or_none(record.get(key))), None)
    if not text:
        raise SourceError(where, "no text (neither clean_text nor text)")
    title = text_or_none(record.get("title"))
    first, sections = markdown_sections(unflatten(text), title)
    try:
        return build_document(
            source,
            title or first or str(record["id"]),
            sections,
            issuer=text_or_none(record.get("source") or record.get("issuer")),
            year=year_from(record.get("year") or record.get("date")),
            url=text_or_none(record.get("url")),
            language=language_from(record.get("language")),
            audience=audience_from(record.get("audience")),
            rights=text_or_none(record.get("license") or record.get("rights")),
        )
    except SourceError as error:
        raise SourceError(where, error.reason) from None


def unflatten(text: str) -> str:
    """Undo MedQuAD's flattening: list items and paragraphs run together on one line, and
    words run together where a dash was lost (unglued)."""
    text = _FLAT_ITEM.sub("\n- ", text)
    return unglued(_FLAT_PARAGRAPH.sub("\n\n", text))


#: MedQuAD drops the dashes around an aside and runs the words on either side together:
#: "A few older drugssuch as acetazolamide or outdated tetracyclinecan also cause proximal
#: RTA" ("drugs—such as ... tetracycline—can"). The second word is one of these.
_RUN_ON = re.compile(
    r"\b(?P<head>[a-z]{4,}?)(?P<tail>such|can|may|and|which|that|including|also|the|were|was|"
    r"have|has|not|with|from|when|because|who|this|these)\b"
)


def unglued(text: str) -> str:
    """The text with each word that ran into the next where a dash was lost written apart:
    a word no English dictionary holds (symspellpy's, nor wordfreq's) that is a word the
    dictionary holds followed by one of the words an aside goes on with ("tetracyclinecan"
    -> "tetracycline can"). A Latin name ("granuloma annulare") ends in none of them."""
    english = english_words()

    def apart(found: re.Match[str]) -> str:
        word = found.group()
        if word in english or zipf_frequency(word, "en") > 0 or found["head"] not in english:
            return word
        return f"{found['head']} {found['tail']}"

    return _RUN_ON.sub(apart, text)
