"""HTML: one self-contained page with inline CSS, no script and no external asset.

Every piece of text in an answer comes from guideline documents, so every one goes through
`_e` (`html.escape`, quotes included) on its way into the page, and a URL becomes a link
only when it is a plain http(s) address.
"""

from __future__ import annotations

import re
from html import escape

from guidecite.i18n import translator
from guidecite.render._common import (
    DISCLAIMER,
    NO_EVIDENCE,
    NO_NEAREST_SOURCES,
    Gettext,
    issuer_and_year,
    localized,
    on_topic_line,
    one_line,
    passage_lines,
    path_text,
    point_name,
    reference_label,
    stale_line,
    stale_mark,
    statement_trust,
    status_line,
    untrusted_mark,
    verification_line,
)
from guidecite.types import (
    INSUFFICIENT_EVIDENCE,
    SUPPORTED,
    Answer,
    Citation,
    Disagreement,
    Reference,
    Statement,
)

_WEB_URL = re.compile(r"https?://[^\s\"'<>`\\\x00-\x1f\x7f]+", re.IGNORECASE)

# Colours keep at least 7:1 contrast with their background (WCAG AAA for body text).
_CSS = """
body { margin: 0; background: #ffffff; color: #1a1a1a;
  font: 17px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 0.5rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid #c8c8c8; }
a { color: #0b4f9c; }
a:focus { outline: 3px solid #1a1a1a; outline-offset: 2px; }
.meta, .question { color: #3d3d3d; margin: 0.25rem 0; }
.notice { background: #fff4d6; border-left: 4px solid #7a5200; padding: 0.5rem 0.75rem; }
.bottom-line { background: #eef4fb; border-left: 4px solid #0b4f9c; padding: 0.5rem 0.75rem; }
.grade { color: #3d3d3d; font-size: 0.9em; }
sup a { text-decoration: none; padding: 0 0.1em; }
.references li { margin-bottom: 0.6rem; }
.references li:target { background: #fff4d6; }
details { margin-top: 0.25rem; font-size: 0.92em; }
blockquote { margin: 0.4rem 0 0.4rem 0.5rem; padding-left: 0.75rem;
  border-left: 3px solid #c8c8c8; }
.path { color: #3d3d3d; font-style: italic; margin: 0; }
.disclaimer { color: #3d3d3d; font-size: 0.9em; margin-top: 2.5rem; }
.verdict { font-size: 0.85em; padding: 0 0.25em; border-radius: 3px; }
.verdict.supported { color: #1d5c2a; }
.verdict.partial { color: #5c3d00; background: #fff4d6; }
.verdict.unsupported { color: #7a0010; background: #fde7ea; font-weight: 600; }
.flagged { border-bottom: 2px dashed #7a0010; }
.stale, .untrusted { color: #5c3d00; background: #fff4d6; padding: 0 0.25em; }
mark { background: #fff1a8; color: #1a1a1a; }
table.disagreement { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
table.disagreement th, table.disagreement td { border: 1px solid #c8c8c8; padding: 0.4rem;
  vertical-align: top; text-align: left; width: 50%; }
"""


def render(answer: Answer) -> str:
    answer = localized(answer)
    _ = translator(answer.language).gettext
    title = _e(answer.title)
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(answer.language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n"
        f"{_header(answer, _)}{_body(answer, _)}"
        f'<footer><p class="disclaimer">{_e(_(DISCLAIMER))}</p></footer>\n'
        "</main>\n</body>\n</html>\n"
    )


def _e(text: object) -> str:
    return escape(one_line(str(text)), quote=True)


def _header(answer: Answer, _: Gettext) -> str:
    parts = [f"<header>\n<h1>{_e(answer.title)}</h1>\n"]
    if one_line(answer.question) != one_line(answer.title):
        question = _("Question: %(question)s") % {"question": answer.question}
        parts.append(f'<p class="question">{_e(question)}</p>\n')
    status = status_line(answer.audience, answer.created_at, _)
    parts.append(f'<p class="meta">{_e(status)}</p>\n')
    for line in (verification_line(answer, _), on_topic_line(answer, _)):
        if line:
            parts.append(f'<p class="meta verification">{_e(line)}</p>\n')
    if answer.notice:
        parts.append(f'<p class="notice" role="note">{_e(answer.notice)}</p>\n')
    old = stale_line(answer, answer.references or answer.nearest_sources, _)
    if old:
        parts.append(f'<p class="notice stale-note" role="note">{_e(old)}</p>\n')
    return "".join(parts) + "</header>\n"


def _body(answer: Answer, _: Gettext) -> str:
    if answer.status == INSUFFICIENT_EVIDENCE:
        # what the library says on getting help, where the message calls for it (crisis.py)
        help_given = _sections(answer, _) + (_references(answer, _) if answer.references else "")
        return help_given + _no_evidence(answer, _)
    parts = []
    if answer.bottom_line:
        statements = " ".join(_statement(s, answer, _) for s in answer.bottom_line)
        parts.append(_section(_("Bottom line"), f'<p class="bottom-line">{statements}</p>'))
    parts.append(_sections(answer, _))
    if answer.disagreements:
        tables = "".join(_disagreement(d, answer, _) for d in answer.disagreements)
        parts.append(_section(_("Where sources disagree"), tables))
    parts.append(_references(answer, _))
    return "".join(parts)


def _sections(answer: Answer, _: Gettext) -> str:
    return "".join(
        _section(
            section.heading,
            "<ul>\n"
            + "".join(f"<li>{_statement(s, answer, _)}</li>\n" for s in section.statements)
            + "</ul>",
        )
        for section in answer.sections
    )


def _disagreement(disagreement: Disagreement, answer: Answer, _: Gettext) -> str:
    """One point the sources differ on: a two-column table, a source a column."""
    heads = "".join(
        f'<th scope="col">{_e(reference_label(c.reference, answer, _))}</th>'
        for c in disagreement.claims
    )
    cells = "".join(f"<td>{_e(c.text)}</td>" for c in disagreement.claims)
    return (
        f'<table class="disagreement"><caption>{_e(point_name(disagreement.point, _))}'
        f"</caption>\n<tr>{heads}</tr>\n<tr>{cells}</tr>\n</table>\n"
    )


def _section(heading: str, content: str) -> str:
    return f"<section>\n<h2>{_e(heading)}</h2>\n{content}\n</section>\n"


def _no_evidence(answer: Answer, _: Gettext) -> str:
    sources = answer.nearest_sources
    nothing = f"<p>{_e(_(NO_NEAREST_SOURCES))}</p>"
    listing = _reference_list(sources, answer, _) if sources else nothing
    return _section(_("No answer in the library"), f"<p>{_e(_(NO_EVIDENCE))}</p>") + _section(
        _("Sources to check"), listing
    )


def _statement(statement: Statement, answer: Answer, _: Gettext) -> str:
    trust = statement_trust(statement, answer, _)
    markers = "".join(_marker(c, _) for c in _first_citation_per_reference(statement))
    notes = "".join(
        f' <span class="{kind}">({_e(note)})</span>'
        for kind, note in (
            ("grade", trust.grade),
            ("stale", trust.stale),
            ("untrusted", trust.untrusted),
        )
        if note
    )
    text = _e(statement.text)
    if trust.verdict is None:
        return f"{text}{markers}{notes}"
    shown = trust.mark if trust.verdict == SUPPORTED else f"{trust.mark} {_e(trust.why)}"
    mark = (
        f'<span class="verdict {trust.verdict}" title="{_e(trust.why)}" '
        f'aria-label="{_e(trust.why)}">{shown}</span>'
    )
    if trust.flagged:
        return f'{mark} <span class="flagged">{text}</span>{markers}{notes}'
    return f"{text}{markers}{notes} {mark}"


def _first_citation_per_reference(statement: Statement) -> list[Citation]:
    first: dict[int, Citation] = {}
    for citation in statement.citations:
        first.setdefault(citation.reference, citation)
    return [first[n] for n in sorted(first)]


def _marker(citation: Citation, _: Gettext) -> str:
    """A superscript link to the reference, with the cited passage as its tooltip."""
    number = _e(citation.reference)
    tooltip = _e(f"{path_text(citation.section_path)}: {citation.passage_text}")
    label = _("Reference %(number)s") % {"number": citation.reference}
    return (
        f'<sup><a href="#ref-{number}" title="{tooltip}" '
        f'aria-label="{_e(label)}">{number}</a></sup>'
    )


def _references(answer: Answer, _: Gettext) -> str:
    listing = _reference_list(answer.references, answer, _, anchors=True)
    return _section(_("References"), listing)


def _reference_list(
    refs: tuple[Reference, ...], answer: Answer, _: Gettext, anchors: bool = False
) -> str:
    items = "".join(_reference(ref, answer, _, anchors) for ref in refs)
    return f'<ol class="references">\n{items}</ol>'


def _reference(ref: Reference, answer: Answer, _: Gettext, anchor: bool) -> str:
    number = _e(ref.number)
    opening = f'<li id="ref-{number}" value="{number}">' if anchor else f'<li value="{number}">'
    source_text = _("source: %(path)s") % {"path": ref.source}
    source = f'<span class="meta">({_e(source_text)})</span>'
    parts = [f"{_e(one_line(ref.title).rstrip('.'))}.", f"{_e(issuer_and_year(ref, _))}."]
    for kind, mark in (
        ("stale", stale_mark(ref, answer, _)),
        ("untrusted", untrusted_mark(ref, _)),
    ):
        if mark:
            parts.append(f'<span class="{kind}">{_e(mark)}</span>')
    if ref.url:
        parts.append(_link(ref.url))
    parts.append(source)
    passages = _passages(ref.number, answer, _) if anchor else ""
    return f"{opening}{' '.join(parts)}{passages}</li>\n"


def _link(url: str) -> str:
    """A link for an http(s) URL; any other URL is shown as text and never linked."""
    shown = _e(url)
    if _WEB_URL.fullmatch(url):
        return f'<a href="{escape(url, quote=True)}">{shown}</a>'
    return f'<span class="url">{shown}</span>'


def _passages(number: int, answer: Answer, _: Gettext) -> str:
    """The passages cited from one reference, each once, under a collapsed <details>, the
    sentences the article quotes from them marked."""
    seen: dict[str, Citation] = {}
    quotes: dict[str, list[tuple[str, str]]] = {}
    for index, statement in enumerate(answer.statements):
        for c in statement.citations:
            if c.reference == number:
                seen.setdefault(c.passage_id, c)
                quotes.setdefault(c.passage_id, []).append((f"q{index}", statement.text))
    blocks = "".join(
        f'<blockquote><p class="path">{_e(path_text(c.section_path))}</p>'
        f"<p>{_marked_lines(c.passage_text, quotes[c.passage_id])}</p></blockquote>\n"
        for c in seen.values()
    )
    if not blocks:
        return ""
    return f"\n<details><summary>{_e(_('Cited passages'))}</summary>\n{blocks}</details>\n"


def _marked_lines(passage: str, quotes: list[tuple[str, str]]) -> str:
    """Escaped passage lines, each quoted sentence in a <mark>."""
    return "<br>\n".join(
        "".join(
            f"<mark>{escape(text, quote=True)}</mark>" if key else escape(text, quote=True)
            for text, key in line
        )
        for line in passage_lines(passage, quotes)
    )
