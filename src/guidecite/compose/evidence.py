"""Deciding whether the library holds evidence that answers the question at all.

Two plain tests, both about the library rather than any topic:
- a word of the question that no passage of the library contains (a drug, a condition, a
  procedure the library never mentions) means the library cannot answer a question about it;
- when the best passages cover too little of the question's weighted words, what was found is
  only loosely related.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..analysis import terms
from ..query import Query, coverage
from ..types import INSUFFICIENT_EVIDENCE, Answer, Document, Hit, Reference, reference_for

MIN_COVERAGE = 0.3
NEAREST = 5


@dataclass(frozen=True)
class Evidence:
    sufficient: bool
    reason: str = ""


def best_coverage(
    query: Query, hits: Sequence[Hit], documents: Mapping[str, Document], top: int = 5
) -> float:
    """The largest share of the question's weighted concepts that one of the top passages
    states (its title and headings count half)."""
    best = 0.0
    for hit in hits[:top]:
        doc = documents.get(hit.passage.doc_id)
        context = " ".join((doc.title if doc else "", *hit.passage.section_path))
        own = frozenset(terms(hit.passage.text))
        best = max(best, coverage(query, own, frozenset(terms(context))))
    return best


def assess(query: Query, hits: Sequence[Hit], best_coverage: float) -> Evidence:
    if not hits:
        return Evidence(False, "no passage of the library matches the question")
    missing = [w for w in query.unknown_words if w.isalpha() and len(w) >= 4]
    if missing:
        listed = ", ".join(f"'{w}'" for w in missing)
        return Evidence(False, f"the library never mentions {listed}")
    if best_coverage < MIN_COVERAGE:
        return Evidence(
            False, f"the best passages cover only {best_coverage:.0%} of the question's terms"
        )
    return Evidence(True)


def insufficient(
    query: Query,
    hits: Sequence[Hit],
    documents: Mapping[str, Document],
    audience: str,
    reason: str,
) -> Answer:
    """The plain "no evidence" answer, listing the nearest sources found."""
    nearest: list[Reference] = []
    for hit in hits:
        doc = documents.get(hit.passage.doc_id)
        if doc is None or any(r.doc_id == doc.doc_id for r in nearest):
            continue
        nearest.append(reference_for(doc, len(nearest) + 1))
        if len(nearest) == NEAREST:
            break
    return Answer(
        question=query.question,
        title=query.question[:1].upper() + query.question[1:],
        status=INSUFFICIENT_EVIDENCE,
        audience=audience,
        nearest_sources=tuple(nearest),
        notice=f"The library holds no evidence that answers this question: {reason}.",
    )
