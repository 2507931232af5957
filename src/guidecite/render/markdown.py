"""Markdown: the terminal default. One line per statement, nothing wrapped.

Every text that comes from the library or the asker is escaped (`md`): a source's `<script>`,
`<img onerror=...>` or `[link](javascript:...)` reaches a Markdown viewer as literal
characters, never as HTML, a link or an image; only http(s) URLs are printed as URLs.
"""

from __future__ import annotations

import re

from guidecite.i18n import translator
from guidecite.render._common import (
    DISCLAIMER,
    NO_EVIDENCE,
    NO_NEAREST_SOURCES,
    Gettext,
    Trust,
    issuer_and_year,
    localized,
    on_topic_line,
    one_line,
    point_name,
    reference_label,
    stale_line,
    stale_mark,
    statement_trust,
    status_line,
    verification_line,
)
from guidecite.types import (
    INSUFFICIENT_EVIDENCE,
    PARTIAL,
    UNSUPPORTED,
    Answer,
    Disagreement,
    Reference,
    Statement,
)

#: What Markdown would read as HTML or an autolink (a "<" that opens a tag, a comment or a
#: "<scheme:"), or as a link or an image (a "](" or "]["): backslashed. Other text stays as
#: it is on the terminal ("<1 cm", "[1]").
_MARKUP = re.compile(r"(<(?=[A-Za-z/!?])|\](?=[(\[]))")
_WEB_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)


def md(text: str) -> str:
    """Library or asker text as one line of literal Markdown text."""
    return _MARKUP.sub(r"\\\1", one_line(text))


def md_url(url: str | None) -> str | None:
    """An http(s) URL as printed; any other scheme (javascript:, data:) is not printed."""
    cleaned = one_line(url or "")
    return md(cleaned) if _WEB_URL.fullmatch(cleaned) else None


def render(answer: Answer) -> str:
    answer = localized(answer)
    _ = translator(answer.language).gettext
    blocks = [_header(answer, _)]
    if answer.status == INSUFFICIENT_EVIDENCE:
        blocks += _sections(answer, _)  # what the library says on getting help (crisis.py)
        if answer.references:
            blocks.append(_references(answer, _))
        blocks += _no_evidence(answer, _)
    else:
        blocks += _article(answer, _)
    blocks.append(_(DISCLAIMER))
    return "\n\n".join(blocks) + "\n"


def _header(answer: Answer, _: Gettext) -> str:
    lines = [f"# {md(answer.title)}", ""]
    if one_line(answer.question) != one_line(answer.title):
        lines += [_("Question: %(question)s") % {"question": md(answer.question)}, ""]
    lines.append(status_line(answer.audience, answer.created_at, _))
    lines += [line for line in (verification_line(answer, _), on_topic_line(answer, _)) if line]
    if answer.notice:
        lines += ["", f"> {md(answer.notice)}"]
    old = stale_line(answer, answer.references or answer.nearest_sources, _)
    if old:
        lines += ["", f"> {old}"]
    return "\n".join(lines)


def _article(answer: Answer, _: Gettext) -> list[str]:
    blocks = []
    if answer.bottom_line:
        lead = " ".join(_statement(s, answer, _) for s in answer.bottom_line)
        blocks.append(f"## {_('Bottom line')}\n\n{lead}")
    blocks += _sections(answer, _)
    if answer.disagreements:
        blocks.append(_disagreements(answer, _))
    blocks.append(_references(answer, _))
    return blocks


def _sections(answer: Answer, _: Gettext) -> list[str]:
    return [
        f"## {md(section.heading)}\n\n"
        + "\n".join(f"- {_statement(s, answer, _)}" for s in section.statements)
        for section in answer.sections
    ]


def _references(answer: Answer, _: Gettext) -> str:
    return f"## {_('References')}\n\n" + _reference_list(answer.references, answer, _)


def _no_evidence(answer: Answer, _: Gettext) -> list[str]:
    sources = answer.nearest_sources
    listing = _reference_list(sources, answer, _) if sources else _(NO_NEAREST_SOURCES)
    return [
        f"## {_('No answer in the library')}\n\n{_(NO_EVIDENCE)}",
        f"## {_('Sources to check')}\n\n{listing}",
    ]


def _statement(statement: Statement, answer: Answer, _: Gettext) -> str:
    markers = "".join(f"[{n}]" for n in statement.references)
    text = md(statement.text) + (f" {markers}" if markers else "")
    trust = statement_trust(statement, answer, _)
    notes = (
        md(trust.grade) if trust.grade else None,
        trust.stale,
        _untrusted(statement, answer, _),
    )
    text += "".join(f" ({note})" for note in notes if note)
    return _marked(text, trust)


def _untrusted(statement: Statement, answer: Answer, _: Gettext) -> str | None:
    """ "untrusted source" when a reference it cites was marked untrusted at ingest."""
    marked = {ref.number for ref in answer.references if getattr(ref, "untrusted", False)}
    return _("untrusted source") if marked.intersection(statement.references) else None


def _marked(text: str, trust: Trust) -> str:
    """The statement with its verdict's mark: after it when supported or partly supported,
    before it, in words, when it is shown although not supported."""
    if trust.verdict == UNSUPPORTED:
        return f"{trust.mark} [{md(trust.why)}] {text}"
    if trust.verdict == PARTIAL:
        return f"{text} {trust.mark} ({md(trust.why)})"
    return f"{text} {trust.mark}" if trust.mark else text


def _disagreements(answer: Answer, _: Gettext) -> str:
    """Each point the sources differ on, their words side by side in a table."""
    blocks = [f"## {_('Where sources disagree')}"]
    for disagreement in answer.disagreements:
        blocks.append(_disagreement(disagreement, answer, _))
    return "\n\n".join(blocks)


def _disagreement(disagreement: Disagreement, answer: Answer, _: Gettext) -> str:
    heads = [_label_cell(reference_label(c.reference, answer, _)) for c in disagreement.claims]
    texts = [_cell(c.text) for c in disagreement.claims]
    return "\n".join(
        [
            f"{point_name(disagreement.point, _)}:",
            "",
            "| " + " | ".join(heads) + " |",
            "|" + "---|" * len(heads),
            "| " + " | ".join(texts) + " |",
        ]
    )


def _label_cell(label: str) -> str:
    """ "[2] Issuer, year": our own number left as it is, the issuer escaped."""
    number = re.match(r"\[\d+\] ", label)
    if number is None:
        return _cell(label)
    return number.group() + _cell(label[number.end() :])


def _cell(text: str) -> str:
    return md(text).replace("|", "\\|")


def _reference_list(references: tuple[Reference, ...], answer: Answer, _: Gettext) -> str:
    return "\n".join(_reference(ref, answer, _) for ref in references)


def _reference(ref: Reference, answer: Answer, _: Gettext) -> str:
    """ "1. Title. Issuer, Year. URL (source: path)", then "Older than 5 years." if so."""
    parts = [f"{ref.number}. {md(ref.title).rstrip('.')}.", f"{md(issuer_and_year(ref, _))}."]
    url = md_url(ref.url)
    if url:
        parts.append(url)
    parts.append("(" + _("source: %(path)s") % {"path": md(ref.source)} + ")")
    if getattr(ref, "untrusted", False):
        parts.append(_("Marked untrusted at ingest."))
    old = stale_mark(ref, answer, _)
    if old:
        parts.append(old)
    return " ".join(parts)
