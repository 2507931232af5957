"""Markdown: the terminal default. One line per statement, nothing wrapped."""

from __future__ import annotations

from guidecite.render._common import (
    DISCLAIMER,
    NO_EVIDENCE,
    NO_NEAREST_SOURCES,
    issuer_and_year,
    one_line,
    status_line,
)
from guidecite.types import INSUFFICIENT_EVIDENCE, Answer, Reference, Statement


def render(answer: Answer) -> str:
    blocks = [_header(answer)]
    if answer.status == INSUFFICIENT_EVIDENCE:
        blocks += _no_evidence(answer)
    else:
        blocks += _article(answer)
    blocks.append(DISCLAIMER)
    return "\n\n".join(blocks) + "\n"


def _header(answer: Answer) -> str:
    lines = [f"# {one_line(answer.title)}", ""]
    if one_line(answer.question) != one_line(answer.title):
        lines += [f"Question: {one_line(answer.question)}", ""]
    lines.append(status_line(answer.audience, answer.created_at))
    if answer.notice:
        lines += ["", f"> {one_line(answer.notice)}"]
    return "\n".join(lines)


def _article(answer: Answer) -> list[str]:
    blocks = []
    if answer.bottom_line:
        blocks.append("## Bottom line\n\n" + " ".join(_statement(s) for s in answer.bottom_line))
    for section in answer.sections:
        bullets = "\n".join(f"- {_statement(s)}" for s in section.statements)
        blocks.append(f"## {one_line(section.heading)}\n\n{bullets}")
    blocks.append("## References\n\n" + _reference_list(answer.references))
    return blocks


def _no_evidence(answer: Answer) -> list[str]:
    sources = answer.nearest_sources
    listing = _reference_list(sources) if sources else NO_NEAREST_SOURCES
    return [f"## No answer in the library\n\n{NO_EVIDENCE}", f"## Sources to check\n\n{listing}"]


def _statement(statement: Statement) -> str:
    markers = "".join(f"[{n}]" for n in statement.references)
    text = one_line(statement.text) + (f" {markers}" if markers else "")
    if statement.grade:
        text += f" (grade: {one_line(statement.grade)})"
    return text


def _reference_list(references: tuple[Reference, ...]) -> str:
    return "\n".join(_reference(ref) for ref in references)


def _reference(ref: Reference) -> str:
    """ "1. Title. Issuer, Year. URL (source: path)"."""
    parts = [f"{ref.number}. {one_line(ref.title).rstrip('.')}.", f"{issuer_and_year(ref)}."]
    if ref.url:
        parts.append(one_line(ref.url))
    parts.append(f"(source: {one_line(ref.source)})")
    return " ".join(parts)
