"""The whole path of one question: understand, retrieve, check the evidence, compose, verify,
record.

library = open_library(Settings.load())            # library.py: opened once
article = answer("What is ...?", library, audience="nurse")
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime

from .audience import get_reader, library_definer, tailor
from .crisis import (
    CRISIS_TOPIC,
    help_first,
    help_lines,
    speaks_of_self_harm,
    without_self_harm,
)
from .deidentify import note_removals, prepare_question
from .evidence import Evidence, assess, insufficient
from .frame import NOTHING_NEAR, NOTHING_SAID, SENDS_NOTHING, TO_READ
from .freshness import find_disagreements, flag_stale
from .grades import explain_grades, store_schemes
from .i18n import DEFAULT_LANGUAGE, check_language
from .intents import READING_ASKED, SENDING_ASKED
from .library import Library, load_abbreviations, open_library, refresh_translations
from .query import Query, clean_question, understand, with_answer_words
from .question_topic import narrower_kinds, settle_topic
from .relevance import judge_relevance
from .retrieval import retrieve
from .topics import main_title
from .types import INSUFFICIENT_EVIDENCE, Answer, Document, Hit, short_hash
from .verify import verify_answer

#: Opening a library moved to library.py; these names stay importable from here.
__all__ = [
    "Library",
    "answer",
    "answer_with_hits",
    "check",
    "find_passages",
    "load_abbreviations",
    "open_library",
    "read_message",
    "read_question",
    "refresh_translations",
]


def answer(
    question: str,
    library: Library,
    *,
    audience: str = "physician",
    composer: str = "extractive",
    show_unsupported: bool = False,
    language: str | None = None,
) -> Answer:
    """A cited article answering the question, or a plain "insufficient evidence" answer.
    Its interface is in `language` (docs/i18n.md), by default the question's."""
    result = answer_with_hits(
        question, library, audience=audience, composer=composer, show_unsupported=show_unsupported
    )[0]
    return result if language is None else replace(result, language=check_language(language))


def interface_language(question_language: str) -> str:
    """The interface for a question in this language: Spanish for Spanish, else English."""
    return "es" if question_language == "es" else DEFAULT_LANGUAGE


def answer_with_hits(
    question: str,
    library: Library,
    *,
    audience: str = "physician",
    composer: str = "extractive",
    show_unsupported: bool = False,
) -> tuple[Answer, list[Hit]]:
    """The answer and the retrieved passages it was composed from (for evaluation)."""
    prepared = prepare_question(question, getattr(library.settings, "identifiers", "remove"))
    question = prepared.text  # identifiers out before anything reads, logs or stores it
    reader = get_reader(audience)
    audience = reader.documents  # the documents preferred; the reader shapes the article
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    query, crisis = read_message(question, library)
    clock = _lap(timings, "understand", clock)
    query, hits, documents = find_passages(query, library, audience)
    clock = _lap(timings, "retrieve", clock)
    evidence = assess(query, hits, documents)
    nearest = hits  # the sources a declined answer lists
    if evidence.sufficient:
        result = library.composer(composer).compose(query, hits, documents, reader.name.value)
        if not result.statements:
            # the composer's own reason where it declined (no passage near in meaning: none
            # is a source to check; none speaks of the focus: the nearest are listed), else
            # that nothing said more than the topic's name
            reason = result.notice if result.status == INSUFFICIENT_EVIDENCE else None
            nearest = [] if reason == NOTHING_NEAR else hits
            said = NOTHING_SAID % {"topic": query.frame.topic or "it"}
            evidence = Evidence(False, reason or said)
    if evidence.sufficient:
        result = tailor(result, reader, library_definer(library.store, audience))
    else:
        result = insufficient(query, nearest, documents, audience, evidence.reason)
        result = replace(result, audience=reader.name.value)  # the reader, as when composed
    clock = _lap(timings, "compose", clock)
    result = check(result, library, query, documents, show_unsupported=show_unsupported)
    result = point_to_sources(result, question)
    clock = _lap(timings, "verify", clock)
    if crisis:
        help_article = help_lines(library, read_question(CRISIS_TOPIC, library))
        result = help_first(replace(result, question=question), help_article)
        _lap(timings, "crisis", clock)
    result.timings_ms = timings
    result.created_at = datetime.now(UTC).replace(microsecond=0).isoformat()
    result.language = interface_language(query.language)
    return note_removals(result, prepared.removed), hits


def point_to_sources(result: Answer, question: str) -> Answer:
    """Where the question asks for something to read ("Where could I find more information
    ...", "Please mail me literature on ..."): the article says which of the library's pages
    it cites are there to read (their titles and issuers; their addresses are in the
    reference list), and, asked to send them, that nothing is sent. Only an article with
    statements has such pages; a declined one names its nearest sources already."""
    if not result.statements or not result.references or not READING_ASKED.search(question):
        return result
    named = (main_title(ref.title) for ref in result.references)  # not its other names
    issued = (f" ({ref.issuer})" if ref.issuer else "" for ref in result.references)
    sources = "; ".join(dict.fromkeys(title + by for title, by in zip(named, issued, strict=True)))
    said = [TO_READ % {"sources": sources}]
    if SENDING_ASKED.search(question):
        said.append(SENDS_NOTHING)
    notice = " ".join(x for x in (result.notice, *said) if x)
    return replace(result, notice=notice)


def read_question(question: str, library: Library) -> Query:
    """The question understood in the library's words (query.py): its frame, search terms,
    weighted concepts and vector."""
    return understand(
        question, library.store, library.embedder, library.abbreviations, knowledge=library
    )


def read_message(question: str, library: Library) -> tuple[Query, bool]:
    """The question read (read_question), and whether it speaks of suicide or self-harm:
    then what is read is the rest of the message, without those sentences (crisis.py)."""
    query = read_question(question, library)
    if not speaks_of_self_harm(query.read):
        return query, False
    return read_question(without_self_harm(question, query.frame.corrections), library), True


def find_passages(
    query: Query, library: Library, audience: str
) -> tuple[Query, list[Hit], dict[str, Document]]:
    """The question's topic, found from the library's titles and a first retrieval, then the
    passages retrieved within it (searching also for the words the asked kind of answer is
    written in, and scoring again what the first found), and their documents; the frame
    then names the narrower kinds of the topic among the documents found (narrower_kinds)."""
    first = retrieve(library.store, query, audience=audience)
    first_documents = library.store.documents({h.passage.doc_id for h in first})
    query = settle_topic(
        query, first, first_documents, library.topics(), library.store, library.reranker
    )
    query = with_answer_words(query)
    found = [h.key for h in first if h.key is not None]
    hits = retrieve(library.store, query, audience=audience, again=found)
    documents = library.store.documents({h.passage.doc_id for h in hits})
    # the narrower kinds among the documents either search found
    titles = {doc.title for doc in (*documents.values(), *first_documents.values())}
    kinds = narrower_kinds(query, titles, library.store)
    return replace(query, frame=replace(query.frame, narrower=kinds)), hits, documents


def check(
    result: Answer,
    library: Library,
    query: Query,
    documents: Mapping[str, Document],
    *,
    show_unsupported: bool = False,
) -> Answer:
    """Every statement judged for relevance to the question (off-topic ones dropped) and
    verified against its passages (unsupported ones dropped unless shown), grades explained
    by their documents' rating schemes, old sources flagged, and sources that disagree shown
    side by side (docs/verification.md)."""
    result = judge_relevance(result, query, documents)
    result = verify_answer(result, library.embedder, show_unsupported=show_unsupported)
    result = explain_grades(result, store_schemes(library.store))
    max_age = library.settings.max_age_years if library.settings else None
    result = flag_stale(result, max_age) if max_age is not None else flag_stale(result)
    return find_disagreements(result)


def question_key(question: str, audience: str, composer: str) -> str:
    """Identifies a question for reuse of a stored answer (case and spacing ignored)."""
    return short_hash(clean_question(question).casefold(), audience, composer)


def _lap(timings: dict[str, float], name: str, started: float) -> float:
    now = time.perf_counter()
    timings[name] = round((now - started) * 1000, 2)
    return now
