"""The whole path of one question: understand, retrieve, check the evidence, compose, verify,
record.

library = open_library(Settings.load())
article = answer("What is ...?", library, audience="nurse")
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from . import firstrun
from .abbreviations import AbbreviationTable, load_dictionary
from .audience import get_reader, library_definer, tailor
from .compose import Generator, get_generator
from .deidentify import note_removals, prepare_question
from .embedding import Embedder, get_embedder
from .errors import ModelError
from .evidence import Evidence, assess, insufficient
from .freshness import find_disagreements, flag_stale
from .grades import explain_grades, store_schemes
from .i18n import DEFAULT_LANGUAGE, check_language
from .ingest import ingest_starter
from .multilingual import Translator, build_lexicon, load_encoder, open_translator, save_lexicon
from .query import Query, clean_question, settle_topic, understand
from .relevance import judge_relevance
from .retrieval import retrieve
from .settings import Settings
from .store.base import Store
from .store.embedded import EmbeddedStore
from .topics import TopicIndex
from .types import Answer, Document, Hit, short_hash
from .verify import verify_answer
from .wording import VOCABULARY_FILE, Vocabulary


@dataclass
class Library:
    """What answering needs, loaded once: the store, the embedder, the abbreviation senses."""

    store: Store
    embedder: Embedder
    abbreviations: AbbreviationTable
    composers: dict[str, Generator] = field(default_factory=dict)
    settings: Settings | None = None  # what the LLM composers read (docs/llm.md)
    _translator: tuple[int, Translator | None] | None = field(default=None, repr=False)
    _topics: tuple[int, TopicIndex] | None = field(default=None, repr=False)
    _vocabulary: tuple[int, Vocabulary] | None = field(default=None, repr=False)

    def composer(self, name: str = "extractive") -> Generator:
        """The composer registered under `name`, built once. An LLM composer falls back to
        the extractive one by itself, with a notice, when its model cannot be used."""
        if name not in self.composers:
            self.composers[name] = get_generator(
                name, embedder=self.embedder, settings=self.settings
            )
        return self.composers[name]

    def translator(self) -> Translator | None:
        """Finds English search terms for Spanish questions; None without a lexicon made
        for the library's current content (`refresh_translations`) or without the model."""
        generation = self.store.generation()
        if self._translator is None or self._translator[0] != generation:
            home = self.settings.home if self.settings else None
            found = None if home is None else open_translator(home / TRANSLATIONS, generation)
            self._translator = (generation, found)
        return self._translator[1]

    def topics(self) -> TopicIndex:
        """The library's document titles, indexed, for the current generation."""
        generation = self.store.generation()
        if self._topics is None or self._topics[0] != generation:
            self._topics = (generation, TopicIndex(self.store.titles(), self.store.issuers()))
        return self._topics[1]

    def vocabulary(self) -> Vocabulary:
        """The library's words, for correcting typos: saved beside the library once per
        generation (a few seconds for the whole shared corpus)."""
        generation = self.store.generation()
        if self._vocabulary is None or self._vocabulary[0] != generation:
            path = self.settings.home / VOCABULARY_FILE if self.settings else None
            found = Vocabulary.load(path, generation) if path is not None else None
            if found is None:
                found = Vocabulary.build(self.store.passage_texts())
                if path is not None:
                    with contextlib.suppress(OSError):  # a read-only library: built each time
                        found.save(path, generation)
            self._vocabulary = (generation, found)
        return self._vocabulary[1]

    def close(self) -> None:
        self.store.close()


TRANSLATIONS = "multilingual"
NOTHING_TO_SAY = (
    "the passages found on {topic} state nothing on what the question asks beyond naming "
    "its topic"
)


def refresh_translations(store: Store, home: Path) -> bool:
    """Build the lexicon that lets Spanish questions find English passages, for the
    library's current content (minutes for a large library: see docs/multilingual.md).
    False when the multilingual model is not installed."""
    try:
        encoder = load_encoder()
    except ModelError:
        return False
    lexicon = build_lexicon(store.passage_texts(), encoder)
    save_lexicon(lexicon, home / TRANSLATIONS, store.generation())
    return True


def open_library(
    settings: Settings,
    *,
    starter: bool | None = None,
    progress: firstrun.Report | None = None,
) -> Library:
    """Open the store named by the settings; fill a new, empty one with the starter library,
    telling `progress` each stage (guidecite.firstrun)."""
    store = EmbeddedStore(settings.home)
    embedder = get_embedder(settings.embedder)
    if (settings.starter if starter is None else starter) and store.counts()["documents"] == 0:
        build_starter(store, embedder, settings.home, progress or (lambda stage: None))
    return Library(store, embedder, load_abbreviations(store, settings), settings=settings)


def build_starter(store: Store, embedder: Embedder, home: Path, progress: firstrun.Report) -> None:
    """The starter library in an empty store, and its lexicon for Spanish questions."""
    progress(firstrun.INDEXING)
    ingest_starter(store, embedder)
    progress(firstrun.TRANSLATIONS)
    refresh_translations(store, home)
    progress(firstrun.DONE)


def load_abbreviations(store: Store, settings: Settings) -> AbbreviationTable:
    """Senses defined in the library's own text, plus the user's dictionary if one is set."""
    table = AbbreviationTable()
    for short, long, count in store.definitions():
        table.add(short, long, count=count, origin="library")
    if settings.abbreviations is not None:
        table.merge(load_dictionary(settings.abbreviations))
    return table


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
    query = read_question(question, library)
    clock = _lap(timings, "understand", clock)
    query, hits, documents = find_passages(query, library, audience)
    clock = _lap(timings, "retrieve", clock)
    evidence = assess(query, hits, documents)
    if evidence.sufficient:
        result = library.composer(composer).compose(query, hits, documents, reader.name.value)
        if not result.statements:
            evidence = Evidence(False, NOTHING_TO_SAY.format(topic=query.frame.topic or "it"))
    if evidence.sufficient:
        result = tailor(result, reader, library_definer(library.store, audience))
    else:
        result = insufficient(query, hits, documents, audience, evidence.reason)
        result = replace(result, audience=reader.name.value)  # the reader, as when composed
    clock = _lap(timings, "compose", clock)
    result = check(result, library, query, documents, show_unsupported=show_unsupported)
    _lap(timings, "verify", clock)
    result.timings_ms = timings
    result.created_at = datetime.now(UTC).replace(microsecond=0).isoformat()
    result.language = interface_language(query.language)
    return note_removals(result, prepared.removed), hits


def read_question(question: str, library: Library) -> Query:
    """The question understood in the library's words (query.py): its frame, search terms,
    weighted concepts and vector."""
    return understand(
        question, library.store, library.embedder, library.abbreviations, knowledge=library
    )


def find_passages(
    query: Query, library: Library, audience: str
) -> tuple[Query, list[Hit], dict[str, Document]]:
    """The question's topic, found from the library's titles and a first retrieval, then the
    passages retrieved within it, and their documents."""
    first = retrieve(library.store, query, audience=audience)
    documents = library.store.documents({h.passage.doc_id for h in first})
    query = settle_topic(query, first, documents, library.topics(), library.store)
    hits = retrieve(library.store, query, audience=audience)
    return query, hits, library.store.documents({h.passage.doc_id for h in hits})


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
