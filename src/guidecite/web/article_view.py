"""What the article page shows of an answer: each statement with its trust marks and its
citations, each cited passage with the sentences the article quotes marked in it.

The words are the renderers' (`render._common`): the page, the terminal and the HTML file
say the same thing about a statement's verdict, grade and old sources.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..render._common import Gettext, Piece, Trust, passage_lines, statement_trust
from ..types import Answer, ArticleSection, Citation, Statement


@dataclass(frozen=True)
class StatementView:
    """One statement as the page shows it. `key` names the statement in the page: its
    citations carry it, and the passages mark the sentence it quotes with it."""

    statement: Statement
    key: str
    trust: Trust
    cites: tuple[Citation, ...]  # one per reference number, in number order


@dataclass(frozen=True)
class SectionView:
    section: ArticleSection
    statements: tuple[StatementView, ...]


@dataclass(frozen=True)
class PassageView:
    """A cited passage, its lines in pieces; a piece a statement quotes carries its key."""

    citation: Citation
    lines: list[list[Piece]]


@dataclass(frozen=True)
class ArticleView:
    bottom_line: tuple[StatementView, ...]
    sections: tuple[SectionView, ...]
    passages: dict[int, list[PassageView]]  # reference number -> its cited passages


def article_view(answer: Answer, _: Gettext) -> ArticleView:
    keys = {id(s): f"q{i}" for i, s in enumerate(answer.statements)}

    def view(statement: Statement) -> StatementView:
        trust = statement_trust(statement, answer, _)
        cites = tuple(first_citations(statement))
        return StatementView(statement, keys[id(statement)], trust, cites)

    return ArticleView(
        bottom_line=tuple(view(s) for s in answer.bottom_line),
        sections=tuple(
            SectionView(section, tuple(view(s) for s in section.statements))
            for section in answer.sections
        ),
        passages=cited_passages(answer, keys),
    )


def first_citations(statement: Statement) -> list[Citation]:
    """One citation per reference number, in number order (the superscripts)."""
    first: dict[int, Citation] = {}
    for citation in statement.citations:
        first.setdefault(citation.reference, citation)
    return [first[n] for n in sorted(first)]


def cited_passages(answer: Answer, keys: dict[int, str]) -> dict[int, list[PassageView]]:
    """Reference number -> the distinct passages cited from it, in citing order, each with
    the sentences of the statements citing it marked."""
    seen: dict[int, dict[str, Citation]] = {}
    quotes: dict[str, list[tuple[str, str]]] = {}
    for statement in answer.statements:
        for citation in statement.citations:
            seen.setdefault(citation.reference, {}).setdefault(citation.passage_id, citation)
            quotes.setdefault(citation.passage_id, []).append((keys[id(statement)], statement.text))
    return {
        number: [
            PassageView(c, passage_lines(c.passage_text, quotes[c.passage_id]))
            for c in by_id.values()
        ]
        for number, by_id in seen.items()
    }
