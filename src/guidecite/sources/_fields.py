"""Small normalisers shared by the readers: metadata values, text decoding, source names."""

from __future__ import annotations

import dataclasses
import datetime
import re
from pathlib import Path

from guidecite.errors import SourceError
from guidecite.types import Section, SourceDocument

#: Files over this many bytes are reported and skipped (GUIDECITE_MAX_FILE_MB).
DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024
#: What no stored text may hold: lone UTF-16 surrogates (a JSON "\ud800" decodes to one and
#: cannot be encoded as UTF-8) and NUL.
_UNSTORABLE = re.compile(r"[\ud800-\udfff\x00]")

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d|21\d\d)(?!\d)")
_MOJIBAKE = re.compile(r"[\u00c2-\u00f4][\u0080-\u00bf]{1,3}")


def collapse(text: str) -> str:
    """Runs of whitespace (non-breaking spaces included) as one space, ends stripped."""
    return " ".join(text.split())


def text_or_none(value: object) -> str | None:
    """A metadata value as a stripped, non-empty string, or None."""
    if value is None or isinstance(value, (dict, list)):
        return None
    text = collapse(str(value))
    return text or None


def year_from(value: object) -> int | None:
    """The year in a metadata value: 2019, "2019-05-01", "NCI, 2025", a date object."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.year
    if isinstance(value, bool) or value is None:
        return None
    match = _YEAR.search(str(value))
    return int(match.group(1)) if match else None


def audience_from(value: object) -> str:
    """ "patient" for a patient audience; anything else is read as "clinician"."""
    return "patient" if str(value or "").strip().lower() == "patient" else "clinician"


def language_from(value: object, default: str = "en") -> str:
    """The primary language subtag, lower case ("en-GB" -> "en")."""
    text = text_or_none(value)
    if not text:
        return default
    primary = re.split(r"[-_]", text)[0].lower()
    return primary if primary.isalpha() else default


def doi_url(value: object) -> str | None:
    """A resolvable URL for a DOI ("10.1161/..." or "doi:10.1161/..."), else None."""
    text = text_or_none(value)
    if not text:
        return None
    text = re.sub(r"^(doi:|https?://(dx\.)?doi\.org/)", "", text, flags=re.IGNORECASE)
    return f"https://doi.org/{text}" if text.startswith("10.") else None


def source_name(path: Path, root: Path) -> str:
    """A file's name relative to the ingested folder, with forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def decode_text(data: bytes, source: str) -> str:
    """UTF-8 text without a byte-order mark; a SourceError when it is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(
            source, f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was decoded as Latin-1 ("GuÃ©rin" -> "Guérin"), leaving other text."""

    def undo(match: re.Match[str]) -> str:
        try:
            return match.group(0).encode("latin-1").decode("utf-8")
        except UnicodeDecodeError:
            return match.group(0)

    return _MOJIBAKE.sub(undo, text)


def clean_text(text: str) -> str:
    """Text that can be encoded and stored: lone surrogates and NUL as U+FFFD."""
    return _UNSTORABLE.sub("\ufffd", text)


def clean_document(doc: SourceDocument) -> SourceDocument:
    """The document with every string field and section cleaned (`clean_text`)."""
    changes: dict[str, object] = {
        f.name: clean_text(value)
        for f in dataclasses.fields(doc)
        if isinstance(value := getattr(doc, f.name), str) and _UNSTORABLE.search(value)
    }
    sections = tuple(
        Section(tuple(map(clean_text, s.path)), clean_text(s.text)) for s in doc.sections
    )
    if sections != doc.sections:
        changes["sections"] = sections
    return dataclasses.replace(doc, **changes) if changes else doc  # type: ignore[arg-type]
