"""JSON: the versioned answer schema of docs/answer-schema.md, and its round trip.

`answer_to_dict` builds every object key by key, so the key order is part of the schema and
the same answer always gives the same text. `answer_from_dict` reads any record of the same
major version (fields a newer minor version adds are ignored), returns it at the current
SCHEMA_VERSION, and refuses any other major version with a `ConfigError`.
"""

from __future__ import annotations

import json
from typing import Any

from guidecite.errors import ConfigError
from guidecite.i18n import DEFAULT_LANGUAGE, LANGUAGES
from guidecite.render._common import localized
from guidecite.types import (
    ANSWERED,
    INSUFFICIENT_EVIDENCE,
    SCHEMA_VERSION,
    VERDICTS,
    Answer,
    ArticleSection,
    Citation,
    Claim,
    Disagreement,
    Reference,
    Statement,
)

STATUSES = (ANSWERED, INSUFFICIENT_EVIDENCE)


def render(answer: Answer) -> str:
    return json.dumps(answer_to_dict(localized(answer)), ensure_ascii=False, indent=2) + "\n"


def answer_to_dict(answer: Answer) -> dict[str, Any]:
    marked = frozenset(r.number for r in answer.references if r.untrusted)
    return {
        "schema_version": answer.schema_version,
        "question": answer.question,
        "title": answer.title,
        "status": answer.status,
        "audience": answer.audience,
        "created_at": answer.created_at,
        "notice": answer.notice,
        "bottom_line": [_statement_to_dict(s, marked) for s in answer.bottom_line],
        "sections": [_section_to_dict(s, marked) for s in answer.sections],
        "references": [_reference_to_dict(r) for r in answer.references],
        "nearest_sources": [_reference_to_dict(r) for r in answer.nearest_sources],
        "timings_ms": dict(answer.timings_ms),
        "supported_share": answer.supported_share,
        "dropped": answer.dropped,
        "max_age_years": answer.max_age_years,
        "disagreements": [_disagreement_to_dict(d) for d in answer.disagreements],
        "language": answer.language,
        "on_topic_share": answer.on_topic_share,
        "off_topic": answer.off_topic,
        "frame": answer.frame,
        "identifiers_removed": list(answer.identifiers_removed),
    }


def _disagreement_to_dict(disagreement: Disagreement) -> dict[str, Any]:
    return {
        "point": disagreement.point,
        "claims": [
            {"text": c.text, "reference": c.reference, "passage_id": c.passage_id}
            for c in disagreement.claims
        ],
    }


def _section_to_dict(section: ArticleSection, marked: frozenset[int]) -> dict[str, Any]:
    return {
        "key": section.key,
        "heading": section.heading,
        "statements": [_statement_to_dict(s, marked) for s in section.statements],
    }


def _statement_to_dict(statement: Statement, marked: frozenset[int]) -> dict[str, Any]:
    return {
        "text": statement.text,
        "references": list(statement.references),
        "grade": statement.grade,
        "citations": [_citation_to_dict(c) for c in statement.citations],
        "grade_scheme": statement.grade_scheme,
        "verdict": statement.verdict,
        "reason": statement.reason,
        "untrusted": not marked.isdisjoint(statement.references),
    }


def _citation_to_dict(citation: Citation) -> dict[str, Any]:
    return {
        "reference": citation.reference,
        "passage_id": citation.passage_id,
        "passage_text": citation.passage_text,
        "section_path": list(citation.section_path),
        "verdict": citation.verdict,
        "reason": citation.reason,
    }


def _reference_to_dict(ref: Reference) -> dict[str, Any]:
    return {
        "number": ref.number,
        "title": ref.title,
        "issuer": ref.issuer,
        "year": ref.year,
        "url": ref.url,
        "source": ref.source,
        "doc_id": ref.doc_id,
        "audience": ref.audience,
        "stale": ref.stale,
        "untrusted": ref.untrusted,
    }


def answer_from_dict(data: dict[str, Any]) -> Answer:
    """The answer a record of `answer_to_dict` describes; `ConfigError` if it cannot be read."""
    if not isinstance(data, dict):
        raise ConfigError("an answer record must be a JSON object")
    _check_version(data.get("schema_version"))
    try:
        return _answer(data)
    except KeyError as exc:
        raise ConfigError(f"the answer record lacks the field {exc.args[0]!r}") from exc
    except (TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(f"the answer record is malformed: {exc}") from exc


def _check_version(version: object) -> None:
    if not isinstance(version, str) or not version:
        raise ConfigError("the answer record has no schema_version")
    major = SCHEMA_VERSION.split(".")[0]
    if version.split(".")[0] != major:
        raise ConfigError(
            f"answer schema version {version!r} is not supported; "
            f"this guidecite reads version {major}.x (currently {SCHEMA_VERSION})"
        )


def _answer(data: dict[str, Any]) -> Answer:
    """The answer of a readable record, now at the current SCHEMA_VERSION."""
    status = data["status"]
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}; expected one of: {', '.join(STATUSES)}")
    return Answer(
        question=data["question"],
        title=data["title"],
        status=status,
        audience=_reader(data["audience"]),
        bottom_line=tuple(_statement(s) for s in data.get("bottom_line", ())),
        sections=tuple(_section(s) for s in data.get("sections", ())),
        references=tuple(_reference(r) for r in data.get("references", ())),
        nearest_sources=tuple(_reference(r) for r in data.get("nearest_sources", ())),
        notice=data.get("notice"),
        timings_ms={str(k): float(v) for k, v in (data.get("timings_ms") or {}).items()},
        created_at=data.get("created_at", ""),
        schema_version=SCHEMA_VERSION,
        supported_share=_share(data.get("supported_share")),
        dropped=int(data.get("dropped") or 0),
        max_age_years=None if data.get("max_age_years") is None else int(data["max_age_years"]),
        disagreements=tuple(_disagreement(d) for d in data.get("disagreements") or ()),
        language=_language(data.get("language")),
        on_topic_share=_share(data.get("on_topic_share")),
        off_topic=int(data.get("off_topic") or 0),
        frame=data["frame"] if isinstance(data.get("frame"), dict) else None,
        identifiers_removed=tuple(str(k) for k in data.get("identifiers_removed") or ()),
    )


def _reader(value: object) -> str:
    """The reader of a record; "clinician", as records before one reader type said, is the
    physician. Other values are kept as they are."""
    return "physician" if value == "clinician" else str(value)


def _language(value: object) -> str:
    """The interface language of a record; records before schema 1.2 are in English."""
    if value is None:
        return DEFAULT_LANGUAGE
    if value not in LANGUAGES:
        raise ValueError(f"unknown language {value!r}; expected one of: {', '.join(LANGUAGES)}")
    return str(value)


def _share(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def _disagreement(data: dict[str, Any]) -> Disagreement:
    claims = tuple(
        Claim(text=c["text"], reference=int(c["reference"]), passage_id=c["passage_id"])
        for c in data["claims"]
    )
    return Disagreement(point=data["point"], claims=claims)


def _section(data: dict[str, Any]) -> ArticleSection:
    statements = tuple(_statement(s) for s in data["statements"])
    return ArticleSection(key=data["key"], heading=data["heading"], statements=statements)


def _statement(data: dict[str, Any]) -> Statement:
    """A statement; its `references` field is derived from the citations, so it is not read."""
    citations = tuple(_citation(c) for c in data["citations"])
    return Statement(
        text=data["text"],
        citations=citations,
        grade=data.get("grade"),
        verdict=_verdict(data.get("verdict")),
        reason=data.get("reason"),
        grade_scheme=data.get("grade_scheme"),
    )


def _verdict(value: object) -> str | None:
    if value is not None and value not in VERDICTS:
        raise ValueError(f"unknown verdict {value!r}; expected one of: {', '.join(VERDICTS)}")
    return value  # type: ignore[return-value]


def _citation(data: dict[str, Any]) -> Citation:
    return Citation(
        reference=int(data["reference"]),
        passage_id=data["passage_id"],
        passage_text=data["passage_text"],
        section_path=tuple(data["section_path"]),
        verdict=_verdict(data.get("verdict")),
        reason=data.get("reason"),
    )


def _reference(data: dict[str, Any]) -> Reference:
    year = data.get("year")
    return Reference(
        number=int(data["number"]),
        doc_id=data["doc_id"],
        title=data["title"],
        issuer=data.get("issuer"),
        year=None if year is None else int(year),
        url=data.get("url"),
        source=data["source"],
        audience=data.get("audience", "clinician"),
        stale=bool(data.get("stale", False)),
        untrusted=bool(data.get("untrusted", False)),
    )
