"""The extractive composer: an article made only of sentences of the retrieved passages.

Each sentence of the best passages is scored by how much of the question it covers (words
weighted by their rarity in the library, abbreviations counted through their expansions),
by its embedding similarity to the question, and by the rank of its passage. The best one or
two form the bottom line; the rest, without near-duplicates, go to the article's sections.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..analysis import terms
from ..chunking import split_sentences
from ..embedding import Embedder, similarities
from ..query import Query
from ..query import coverage as coverage_of
from ..retrieval import section_factor
from ..types import (
    ANSWERED,
    Answer,
    ArticleSection,
    Citation,
    Document,
    Hit,
    Reference,
    Statement,
    reference_for,
)
from .focus import answers_focus, foci
from .grades import find_grade, is_grade_only
from .sections import ORDER, classify, kind

MAX_PASSAGES = 8
MAX_PER_DOCUMENT = 3
MAX_STATEMENTS = 10
MAX_ITEMS = 8
FOCUS_BONUS = 0.1
MIN_RELATIVE_SCORE = 0.55
DUPLICATE_OVERLAP = 0.6
_LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_NOT_A_STATEMENT = re.compile(r"^(?:table|figure|fig\.|see |source:|references?\b)", re.I)


@dataclass(frozen=True)
class Candidate:
    text: str
    hit: Hit
    terms: frozenset[str]
    score: float
    grade: str | None


class ExtractiveComposer:
    name = "extractive"

    def __init__(self, embedder: Embedder, max_statements: int = MAX_STATEMENTS) -> None:
        self.embedder = embedder
        self.max_statements = max_statements

    def compose(
        self, query: Query, hits: Sequence[Hit], documents: Mapping[str, Document], audience: str
    ) -> Answer:
        chosen = select_passages(hits)
        candidates = self.score_sentences(query, chosen, documents, audience)
        picked = pick_statements(candidates, self.max_statements)
        references, numbers = number_references(picked, documents)
        statements = [to_statement(c, numbers) for c in picked]
        bottom = statements[: bottom_line_size(picked)]
        return Answer(
            question=query.question,
            title=title_for(query.question),
            status=ANSWERED,
            audience=audience,
            bottom_line=tuple(bottom),
            sections=group_sections(picked[len(bottom) :], statements[len(bottom) :]),
            references=references,
        )

    def score_sentences(
        self,
        query: Query,
        hits: Sequence[Hit],
        documents: Mapping[str, Document],
        audience: str = "clinician",
    ) -> list[Candidate]:
        units = [
            (hit, text, grade)
            for hit in hits
            if section_factor(hit.passage.section_path) == 1.0  # not the document's own metadata
            for text, grade in statements_of(hit)
        ]
        if not units:
            return []
        vectors = self.embedder.embed([text for _, text, _ in units])
        cosines = similarities(vectors, query.vector)
        top = max(hit.score for hit in hits) or 1.0
        wanted = foci(query.question)
        candidates = []
        for (hit, text, grade), cosine in zip(units, cosines, strict=True):
            own = frozenset(terms(text))
            doc = documents.get(hit.passage.doc_id)
            context = frozenset(
                terms(" ".join((doc.title if doc else "", *hit.passage.section_path)))
            )
            coverage = coverage_of(query, own, context)
            score = 0.55 * coverage + 0.25 * float(cosine) + 0.2 * hit.score / top
            if wanted and answers_focus(text, wanted):
                score += FOCUS_BONUS
            if audience == "patient" and doc is not None and doc.audience == "patient":
                score += FOCUS_BONUS  # documents written for patients, when they cover it
            candidates.append(Candidate(text, hit, own, score * length_factor(text), grade))
        candidates.sort(key=lambda c: -c.score)
        return candidates


def select_passages(hits: Sequence[Hit]) -> list[Hit]:
    """The best passages, at most a few from any one document."""
    chosen: list[Hit] = []
    per_doc: dict[str, int] = {}
    for hit in hits:
        doc_id = hit.passage.doc_id
        if per_doc.get(doc_id, 0) >= MAX_PER_DOCUMENT:
            continue
        per_doc[doc_id] = per_doc.get(doc_id, 0) + 1
        chosen.append(hit)
        if len(chosen) == MAX_PASSAGES:
            break
    return chosen


def statements_of(hit: Hit) -> list[tuple[str, str | None]]:
    """Candidate statements of a passage with the grade each states (or the next line states).

    A sentence that introduces a list ("... in these cases:") keeps its items with it, and a
    table row reads as its cells joined by semicolons.
    """
    units = statement_units(split_sentences(hit.passage.text))
    found: list[tuple[str, str | None]] = []
    for i, unit in enumerate(units):
        if not usable(unit) or is_grade_only(unit):
            continue
        grade = find_grade(unit)
        following = units[i + 1] if i + 1 < len(units) else ""
        if grade is None and following and is_grade_only(following):
            grade = find_grade(following)
        found.append((unit, grade))
    return found


def statement_units(sentences: Sequence[str]) -> list[str]:
    units: list[str] = []
    i = 0
    while i < len(sentences):
        sentence = sentences[i].strip()
        i += 1
        if sentence.startswith("|"):
            units.append(table_row(sentence))
            continue
        in_list = bool(_LIST_MARK.match(sentence))
        sentence = _LIST_MARK.sub("", sentence).strip()
        # A list item ending in ":" may head nested items, but the lines no longer show the
        # nesting, so its siblings could be taken for its items: only a plain line gathers.
        if sentence.endswith(":") and not in_list:
            items: list[str] = []
            while i < len(sentences) and _LIST_MARK.match(sentences[i]) and len(items) < MAX_ITEMS:
                items.append(_LIST_MARK.sub("", sentences[i]).strip())
                i += 1
            if items:
                units.append(
                    " ".join((sentence, "; ".join(item.rstrip(".;") for item in items))) + "."
                )
                continue
        units.append(sentence)
    return units


def table_row(row: str) -> str:
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    if all(set(cell) <= set("-: ") for cell in cells):
        return ""
    return "; ".join(cell for cell in cells if cell)


def usable(sentence: str) -> bool:
    """A statement a reader can use: not a heading, a question, a caption or a fragment."""
    words = sentence.split()
    if len(words) < 5 or len(words) > 90:
        return False
    end = sentence.rstrip()[-1:]
    if end in {":", "?"} or _NOT_A_STATEMENT.match(sentence):
        return False
    if len(words) < 12 and end not in {".", "!"}:
        return False  # a heading or a label, not a sentence
    letters = sum(ch.isalpha() for ch in sentence)
    return letters >= 0.5 * len(sentence) and not sentence.isupper()


def length_factor(text: str) -> float:
    """Prefer short statements: full credit up to 40 words, less beyond."""
    words = len(text.split())
    return 1.0 if words <= 40 else max(0.6, 40 / words)


def pick_statements(candidates: Sequence[Candidate], limit: int) -> list[Candidate]:
    """The best candidates without near-duplicates, down to a share of the best score."""
    picked: list[Candidate] = []
    if not candidates:
        return picked
    floor = candidates[0].score * MIN_RELATIVE_SCORE
    for candidate in candidates:
        if candidate.score < floor or len(picked) == limit:
            break
        if any(duplicates(candidate, p) for p in picked):
            continue
        picked.append(candidate)
    return picked


def duplicates(a: Candidate, b: Candidate) -> bool:
    """Near-duplicates say the same words with the same numbers (a different number is a
    different statement, and both are kept)."""
    if _NUMBER.findall(a.text) != _NUMBER.findall(b.text):
        return False
    return overlap(a.terms, b.terms) >= DUPLICATE_OVERLAP


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / (len(a | b) or 1)


def bottom_line_size(picked: Sequence[Candidate]) -> int:
    """One statement, or two when the second is nearly as good and adds new words."""
    if len(picked) < 2:
        return len(picked)
    first, second = picked[0], picked[1]
    adds = len(second.terms - first.terms) >= 3
    return 2 if second.score >= 0.85 * first.score and adds else 1


def number_references(
    picked: Sequence[Candidate], documents: Mapping[str, Document]
) -> tuple[tuple[Reference, ...], dict[str, int]]:
    """References numbered in order of first citation."""
    numbers: dict[str, int] = {}
    references: list[Reference] = []
    for candidate in picked:
        doc_id = candidate.hit.passage.doc_id
        if doc_id in numbers or doc_id not in documents:
            continue
        numbers[doc_id] = len(numbers) + 1
        references.append(reference_for(documents[doc_id], numbers[doc_id]))
    return tuple(references), numbers


def to_statement(candidate: Candidate, numbers: Mapping[str, int]) -> Statement:
    passage = candidate.hit.passage
    citation = Citation(
        numbers[passage.doc_id], passage.passage_id, passage.text, passage.section_path
    )
    return Statement(candidate.text, (citation,), candidate.grade)


def group_sections(
    picked: Sequence[Candidate], statements: Sequence[Statement]
) -> tuple[ArticleSection, ...]:
    grouped: dict[str, list[Statement]] = {}
    for candidate, statement in zip(picked, statements, strict=True):
        key = classify(candidate.text, candidate.hit.passage.section_path).key
        grouped.setdefault(key, []).append(statement)
    return tuple(
        ArticleSection(key, kind(key).heading, tuple(grouped[key]))
        for key in ORDER
        if key in grouped
    )


def title_for(question: str) -> str:
    title = question.strip()
    return title[:1].upper() + title[1:]
