"""Markdown: the terminal default. One line per statement, nothing wrapped."""

from __future__ import annotations

from guidecite.render._common import (
    DISCLAIMER,
    NO_EVIDENCE,
    NO_NEAREST_SOURCES,
    VERDICT_WORDS,
    grade_text,
    issuer_and_year,
    one_line,
    point_name,
    reference_label,
    stale_line,
    stale_mark,
    status_line,
    verification_line,
)
from guidecite.types import (
    INSUFFICIENT_EVIDENCE,
    PARTIAL,
    SUPPORTED,
    UNSUPPORTED,
    Answer,
    Disagreement,
    Reference,
    Statement,
)

#: The mark after a statement, by verdict: supported, partly supported, not supported.
MARKS = {SUPPORTED: "✓", PARTIAL: "◐", UNSUPPORTED: "✗"}


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
    checked = verification_line(answer)
    if checked:
        lines.append(checked)
    if answer.notice:
        lines += ["", f"> {one_line(answer.notice)}"]
    old = stale_line(answer, answer.references or answer.nearest_sources)
    if old:
        lines += ["", f"> {old}"]
    return "\n".join(lines)


def _article(answer: Answer) -> list[str]:
    blocks = []
    if answer.bottom_line:
        blocks.append("## Bottom line\n\n" + " ".join(_statement(s) for s in answer.bottom_line))
    for section in answer.sections:
        bullets = "\n".join(f"- {_statement(s)}" for s in section.statements)
        blocks.append(f"## {one_line(section.heading)}\n\n{bullets}")
    if answer.disagreements:
        blocks.append(_disagreements(answer))
    blocks.append("## References\n\n" + _reference_list(answer.references, answer))
    return blocks


def _no_evidence(answer: Answer) -> list[str]:
    sources = answer.nearest_sources
    listing = _reference_list(sources, answer) if sources else NO_NEAREST_SOURCES
    return [f"## No answer in the library\n\n{NO_EVIDENCE}", f"## Sources to check\n\n{listing}"]


def _statement(statement: Statement) -> str:
    markers = "".join(f"[{n}]" for n in statement.references)
    text = one_line(statement.text) + (f" {markers}" if markers else "")
    grade = grade_text(statement)
    if grade:
        text += f" ({grade})"
    return _marked(text, statement)


def _marked(text: str, statement: Statement) -> str:
    """The statement with its verdict's mark: after it when supported or partly supported,
    before it, in words, when it is shown although not supported."""
    verdict = statement.verdict
    if verdict not in MARKS:
        return text
    why = f"{VERDICT_WORDS[verdict]}: {one_line(statement.reason or '')}"
    if verdict == UNSUPPORTED:
        return f"{MARKS[verdict]} [{why}] {text}"
    if verdict == PARTIAL:
        return f"{text} {MARKS[verdict]} ({why})"
    return f"{text} {MARKS[verdict]}"


def _disagreements(answer: Answer) -> str:
    """Each point the sources differ on, their words side by side in a table."""
    blocks = ["## Where sources disagree"]
    for disagreement in answer.disagreements:
        blocks.append(_disagreement(disagreement, answer))
    return "\n\n".join(blocks)


def _disagreement(disagreement: Disagreement, answer: Answer) -> str:
    heads = [_cell(reference_label(c.reference, answer)) for c in disagreement.claims]
    texts = [_cell(c.text) for c in disagreement.claims]
    return "\n".join(
        [
            f"{point_name(disagreement.point)}:",
            "",
            "| " + " | ".join(heads) + " |",
            "|" + "---|" * len(heads),
            "| " + " | ".join(texts) + " |",
        ]
    )


def _cell(text: str) -> str:
    return one_line(text).replace("|", "\\|")


def _reference_list(references: tuple[Reference, ...], answer: Answer) -> str:
    return "\n".join(_reference(ref, answer) for ref in references)


def _reference(ref: Reference, answer: Answer) -> str:
    """ "1. Title. Issuer, Year. URL (source: path)", then "Older than 5 years." if so."""
    parts = [f"{ref.number}. {one_line(ref.title).rstrip('.')}.", f"{issuer_and_year(ref)}."]
    if ref.url:
        parts.append(one_line(ref.url))
    parts.append(f"(source: {one_line(ref.source)})")
    old = stale_mark(ref, answer)
    if old:
        parts.append(old)
    return " ".join(parts)
