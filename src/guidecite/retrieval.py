"""Hybrid retrieval: BM25 and dense candidates, fused by normalised score.

MEASURED.md found plain reciprocal-rank fusion worse than BM25 alone on this library, since
the static embeddings are much weaker than BM25 here. So BM25 leads and the dense score is a
weighted second signal: every BM25 candidate gets its dense score (computed exactly), while
a passage the dense search alone finds keeps no BM25 score, so that it enters only by a
close meaning (scoring its words too was tried: docs/evaluation.md, third session of
2026-12-04), and the fused score is

    fused = bm25 / best_bm25 + DENSE_WEIGHT * cosine

with a small preference for documents written for the reader's audience.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from .analysis import terms
from .intents import intent_named
from .query import Query
from .relevance import names_topic
from .scoring import sentence_coverage as coverage_of_sentences
from .store.base import Store
from .topics import main_title
from .types import Hit, Passage

LEXICAL_K = 100
DENSE_K = 50
#: Candidates from the topic's own documents searched for what the question asks beyond
#: the topic (asked_in_topic).
ASKED_K = 50
DENSE_WEIGHT = 0.5
#: How many fused candidates per passage asked for are scored again (section, intent, topic).
RESCORED = 3
AUDIENCE_BONUS = 0.3
#: A document issued by the body the question names ("per NICE") counts this much more.
SOURCE_NAMED = 1.25
#: For a clinician, a passage of a document written for patients counts this much: the
#: guideline comes before the leaflet on the same point.
LAY_FOR_CLINICIANS = 0.85
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
#: A passage whose headings offer the kind of answer asked for ("Treatment" for what to do).
INTENT_FACTOR = 1.2
#: Passages of documents about another topic: kept when they name the topic themselves.
NAMES_TOPIC = 0.8
#: A topic document whose title is about more than the question asks ("Lupus Nephritis" for
#: a question on lupus) loses up to this share: the general document comes first.
SPECIFIC_TITLE = 0.3
OFF_TOPIC = 0.2


@dataclass(frozen=True)
class Scored:
    key: int
    bm25: float
    cosine: float
    fused: float
    asked: bool = False  # found in the topic's own documents (asked_in_topic) or before (again)


def retrieve(
    store: Store,
    query: Query,
    *,
    audience: str = "clinician",
    k: int = 30,
    again: Collection[int] = (),
) -> list[Hit]:
    """The k best passages for the query, best first.

    Each candidate's fused score is scaled by what its section is (about the care, not the
    document; offering the kind of answer asked for) and by whether it is about the
    question's topic (topic_factor), then the best sentence's coverage of the question is
    added. The passages of `again` (store keys: those an earlier search of the same
    question found) are candidates too, wherever this search would rank them."""
    scored = to_score_again(fuse(store, query, again), k)
    passages = store.passages([s.key for s in scored])
    docs = store.documents({p.doc_id for p in passages.values()})
    wanted = [intent_named(name) for name in query.frame.intents or (query.frame.intent,)]
    sources = query.named_sources
    hits = []
    for s in scored:
        passage = passages.get(s.key)
        if passage is None:
            continue
        doc = docs.get(passage.doc_id)
        title = doc.title if doc else ""
        context = " ".join((title, *passage.section_path))
        score = s.fused * section_factor(passage.section_path)
        if any(i.answers.search(" ".join(headings_of(passage, title))) for i in wanted):
            score *= INTENT_FACTOR
        score += COVERAGE_WEIGHT * coverage_of_sentences(query.concepts, passage.text, context)
        score *= topic_factor(query, passage, title)
        if doc is not None and sources and issued_by(doc.issuer or "", sources):
            score *= SOURCE_NAMED
        written_for = doc.audience if doc is not None else audience
        if audience == "patient" and written_for == "patient":
            score += AUDIENCE_BONUS
        elif audience != "patient" and written_for == "patient":
            score *= LAY_FOR_CLINICIANS
        hits.append(Hit(passage, score, s.key))
    hits.sort(key=lambda h: -h.score)
    return hits[:k]


def headings_of(passage: Passage, title: str) -> tuple[str, ...]:
    """A passage's headings; its document's title where it has none (a single answer
    whose title is its question: "What is the outlook for Stroke?")."""
    return passage.section_path or ((main_title(title),) if title else ())


def issued_by(issuer: str, sources: Sequence[frozenset[str]]) -> bool:
    """Whether a document's issuer is one the question names."""
    own = frozenset(terms(issuer))
    return any(source <= own for source in sources)


def topic_factor(query: Query, passage: Passage, title: str) -> float:
    """1 for a passage of a document about the question's topic (or when the topic is not
    known; a little less when its title is also about something the question does not ask),
    NAMES_TOPIC when the passage itself names the topic, OFF_TOPIC otherwise."""
    frame = query.frame
    if not frame.topic_docs:
        return 1.0
    if passage.doc_id in frame.topic_docs:
        purity = query.topic_purity.get(passage.doc_id, 1.0)
        return 1.0 - SPECIFIC_TITLE * (1.0 - purity)
    if names_topic(query, passage.text, " ".join((title, *passage.section_path))):
        return NAMES_TOPIC
    return OFF_TOPIC


def to_score_again(scored: Sequence[Scored], k: int) -> list[Scored]:
    """The fused candidates scored again for k passages asked for: the best (RESCORED per
    passage), and every one found within the topic for what the question asks, so that a
    topic passage that answers is weighed by its section and coverage wherever it fused."""
    return [s for n, s in enumerate(scored) if n < k * RESCORED or s.asked]


def fuse(store: Store, query: Query, again: Collection[int] = ()) -> list[Scored]:
    """Candidates from both searches, best first: each with its cosine, and its BM25 score
    where the lexical search (or the search within the topic's documents, or `again`)
    found it."""
    lexical = dict(store.lexical_search(query.clauses, LEXICAL_K))
    asked = set(asked_in_topic(store, query)) | set(again)
    unscored = [key for key in asked if key not in lexical]
    if unscored:
        lexical.update(store.lexical_search(query.clauses, len(unscored), passages=unscored))
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
            key in asked,
        )
        for key in set(lexical) | set(dense)
    ]
    scored.sort(key=lambda s: -s.fused)
    return scored


def asked_in_topic(store: Store, query: Query) -> list[int]:
    """The passages of the topic's own documents that best state what the question asks
    beyond its topic: every passage there shares the topic's words, so they are searched
    for the question's other words (and the words the asked kind of answer is written in).
    They are candidates even where passages of many other documents share more of the
    question's words; their scores are those of the whole question, as for any other."""
    if not query.frame.topic_docs:
        return []
    topic = frozenset().union(
        *(alt for _, alternatives in query.topic_concepts for alt in alternatives)
    )
    clauses = [clause for clause in query.clauses if not frozenset(terms(clause.text)) <= topic]
    found = store.lexical_search(clauses, ASKED_K, documents=query.frame.topic_docs)
    return [key for key, _ in found]


def section_factor(section_path: tuple[str, ...]) -> float:
    """Passages about the document itself rank below passages about care."""
    return ABOUT_THE_DOCUMENT_FACTOR if ABOUT_THE_DOCUMENT.search(" ".join(section_path)) else 1.0
