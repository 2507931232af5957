"""The plain records that flow through guidecite, from a source file to a cited answer.

Ids are derived from content so that re-ingesting an unchanged guideline never breaks a
stored citation: a document id is a hash of its `source`, a passage id a hash of the
document id, its section path and its text.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

from .readers import READER_NAMES

#: Who an article can be told for (`guidecite.readers.Reader`), then "clinician", accepted
#: on input for "physician".
READER_CHOICES: tuple[str, ...] = READER_NAMES

#: Answer statuses. "Not enough evidence" is a normal result, not an error.
ANSWERED = "answered"
INSUFFICIENT_EVIDENCE = "insufficient_evidence"

#: Version of the JSON answer schema (docs/answer-schema.md).
SCHEMA_VERSION = "1.7"

#: Verdicts of statement verification (guidecite.verify): does the cited passage say this?
SUPPORTED = "supported"
PARTIAL = "partial"
UNSUPPORTED = "unsupported"
VERDICTS: tuple[str, ...] = (SUPPORTED, PARTIAL, UNSUPPORTED)


def short_hash(*parts: str, size: int = 16) -> str:
    """A stable hex digest of the given strings (joined with a separator no text holds)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:size]


@dataclass(frozen=True)
class Section:
    """One section of a source document as a reader found it.

    `path` is the heading path from the document's top ("Treatment", "Stage I"); `text` is
    plain text with one paragraph, list item or table row per line ("- item", "| a | b |").
    """

    path: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class SourceDocument:
    """A guideline document as read from a file, before it is stored."""

    source: str  # path relative to the ingested folder, "#id" for a record in a JSONL file
    title: str
    sections: tuple[Section, ...]
    issuer: str | None = None
    year: int | None = None
    url: str | None = None
    language: str = "en"
    audience: str = "clinician"
    rights: str | None = None

    @property
    def doc_id(self) -> str:
        return short_hash(self.source)

    @property
    def content_hash(self) -> str:
        """Changes whenever anything a reader would see of the document changes."""
        payload = asdict(self)
        return hashlib.sha256(
            json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")
        ).hexdigest()


@dataclass(frozen=True)
class Document:
    """A stored document: the source's metadata plus its version bookkeeping."""

    doc_id: str
    source: str
    title: str
    issuer: str | None
    year: int | None
    url: str | None
    language: str
    audience: str
    rights: str | None
    content_hash: str
    version: int = 1
    untrusted: bool = False  # marked at ingest (`ingest --untrusted`)


@dataclass(frozen=True)
class Passage:
    """A retrievable chunk of one section of a document.

    `text` is display text: source artefacts (such as NCI's inline reference markers) are
    already gone from it.
    """

    passage_id: str
    doc_id: str
    ordinal: int
    section_path: tuple[str, ...]
    text: str

    @staticmethod
    def make_id(doc_id: str, section_path: tuple[str, ...], text: str) -> str:
        return short_hash(doc_id, " > ".join(section_path), text)


@dataclass(frozen=True)
class Hit:
    """A passage found by retrieval, with the score that ranked it (and the store's key for
    it, where a store found it: a later search scores it again by that)."""

    passage: Passage
    score: float
    key: int | None = None


@dataclass(frozen=True)
class Reference:
    """An entry of an answer's reference list."""

    number: int
    doc_id: str
    title: str
    issuer: str | None
    year: int | None
    url: str | None
    source: str
    audience: str = "clinician"
    stale: bool = False  # older than the answer's `max_age_years` (guidecite.freshness)
    untrusted: bool = False  # the document was marked untrusted at ingest


def reference_for(doc: Document, number: int) -> Reference:
    """The reference-list entry for a stored document."""
    return Reference(
        number,
        doc.doc_id,
        doc.title,
        doc.issuer,
        doc.year,
        doc.url,
        doc.source,
        doc.audience,
        untrusted=doc.untrusted,
    )


@dataclass(frozen=True)
class Citation:
    """One citation of a statement: the reference number and the passage behind it."""

    reference: int
    passage_id: str
    passage_text: str
    section_path: tuple[str, ...]
    verdict: str | None = None  # SUPPORTED, PARTIAL or UNSUPPORTED; None: not verified
    reason: str | None = None  # why, in words a reader can check against the passage


@dataclass(frozen=True)
class Statement:
    """A short statement of an answer; `text` is a sentence of the cited passage."""

    text: str
    citations: tuple[Citation, ...]
    grade: str | None = None  # the recommendation strength or evidence grade the source states
    verdict: str | None = None  # the best verdict of its citations; None: not verified
    reason: str | None = None
    grade_scheme: str | None = None  # what the grade means in the document's own rating scheme

    @property
    def references(self) -> tuple[int, ...]:
        return tuple(sorted({c.reference for c in self.citations}))


@dataclass(frozen=True)
class Claim:
    """One side of a disagreement: what one source says, and where."""

    text: str
    reference: int
    passage_id: str


@dataclass(frozen=True)
class Disagreement:
    """Sources of one answer that say different things on the same point."""

    point: str  # what differs: "interval", "dose", "threshold", "number" or "choice"
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class ArticleSection:
    key: str  # e.g. "treatment"
    heading: str  # e.g. "Treatment"
    statements: tuple[Statement, ...]


@dataclass
class Answer:
    """A structured, cited article answering one question."""

    question: str
    title: str
    status: str  # ANSWERED or INSUFFICIENT_EVIDENCE
    audience: str
    bottom_line: tuple[Statement, ...] = ()
    sections: tuple[ArticleSection, ...] = ()
    references: tuple[Reference, ...] = ()
    nearest_sources: tuple[Reference, ...] = ()  # listed when the library holds no answer
    notice: str | None = None
    timings_ms: dict[str, float] = field(default_factory=dict)
    created_at: str = ""
    schema_version: str = SCHEMA_VERSION
    supported_share: float | None = None  # share of statements verified as supported
    dropped: int = 0  # unsupported statements left out of the answer
    max_age_years: int | None = None  # references older than this are flagged `stale`
    disagreements: tuple[Disagreement, ...] = ()
    language: str = "en"  # the interface language (guidecite.i18n); statements stay as quoted
    on_topic_share: float | None = None  # share of statements judged on topic (relevance.py)
    off_topic: int = 0  # off-topic statements left out of the answer
    frame: dict[str, object] | None = None  # the question read into parts (frame.py)
    identifiers_removed: tuple[str, ...] = ()  # kinds taken out of the question (deidentify)

    @property
    def statements(self) -> tuple[Statement, ...]:
        body = tuple(s for section in self.sections for s in section.statements)
        return self.bottom_line + body
