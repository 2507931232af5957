"""Hybrid retrieval: BM25 and dense candidates, fused by normalised score.

MEASURED.md found plain reciprocal-rank fusion worse than BM25 alone on this library, since
the static embeddings are much weaker than BM25 here. So BM25 leads and the dense score is a
weighted second signal: every candidate from either list gets both scores (the dense score
of a BM25 candidate is computed exactly), and the fused score is

    fused = bm25 / best_bm25 + DENSE_WEIGHT * cosine

with a small preference for documents written for the reader's audience.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .analysis import terms
from .chunking import split_sentences
from .query import Query, coverage
from .store.base import Store
from .types import Hit, Passage

LEXICAL_K = 100
DENSE_K = 50
DENSE_WEIGHT = 0.5
AUDIENCE_BONUS = 0.3
#: Headings of the parts of a guideline that describe the document rather than the care:
#: who wrote and funded it, how it was made, where to get it, its references.
ABOUT_THE_DOCUMENT = re.compile(
    r"\b(?:references?|bibliograph|developer|funding|disclosure|conflicts? of interest|"
    r"availability|copyright|disclaimer|permission|contact|methodolog|rating scheme|"
    r"guideline status|endorse|adaptation|date released|composition of|committee|"
    r"companion documents?|patient resources|identifying information|update|"
    r"description of (?:the )?methods?|number of source documents|cost analysis|"
    r"method of guideline validation|description of method|about this|"
    r"keyword|sponsor|acknowledg)",
    re.IGNORECASE,
)
ABOUT_THE_DOCUMENT_FACTOR = 0.5
COVERAGE_WEIGHT = 2.0


@dataclass(frozen=True)
class Scored:
    key: int
    bm25: float
    cosine: float
    fused: float


def retrieve(store: Store, query: Query, *, audience: str = "clinician", k: int = 30) -> list[Hit]:
    """The k best passages for the query, best first."""
    scored = fuse(store, query)
    passages = store.passages([s.key for s in scored[: k * 2]])
    docs = store.documents({p.doc_id for p in passages.values()})
    hits = []
    for s in scored[: k * 2]:
        passage = passages.get(s.key)
        if passage is None:
            continue
        doc = docs.get(passage.doc_id)
        bonus = AUDIENCE_BONUS if doc is not None and doc.audience == audience else 0.0
        score = s.fused * section_factor(passage.section_path)
        score += COVERAGE_WEIGHT * sentence_coverage(query, passage, doc.title if doc else "")
        hits.append(Hit(passage, score + (bonus if audience == "patient" else 0.0)))
    hits.sort(key=lambda h: -h.score)
    return hits[:k]


def fuse(store: Store, query: Query) -> list[Scored]:
    """Candidates from both searches, each with its BM25 and cosine scores, best first."""
    lexical = dict(store.lexical_search(query.clauses, LEXICAL_K))
    dense = dict(store.vector_search(query.vector, DENSE_K))
    missing = [key for key in lexical if key not in dense]
    if missing:
        dense.update(store.vector_search(query.vector, len(missing), candidates=missing))
    best = max(lexical.values(), default=0.0) or 1.0
    scored = [
        Scored(
            key,
            lexical.get(key, 0.0),
            dense.get(key, 0.0),
            lexical.get(key, 0.0) / best + DENSE_WEIGHT * dense.get(key, 0.0),
        )
        for key in set(lexical) | set(dense)
    ]
    scored.sort(key=lambda s: -s.fused)
    return scored


def section_factor(section_path: tuple[str, ...]) -> float:
    """Passages about the document itself rank below passages about care."""
    return ABOUT_THE_DOCUMENT_FACTOR if ABOUT_THE_DOCUMENT.search(" ".join(section_path)) else 1.0


def sentence_coverage(query: Query, passage: Passage, title: str) -> float:
    """How much of the question one sentence of the passage states: answers tend to put the
    question's concepts together, not scatter them over a section."""
    context = frozenset(terms(" ".join((title, *passage.section_path))))
    return max(
        (coverage(query, frozenset(terms(s)), context) for s in split_sentences(passage.text)),
        default=0.0,
    )
