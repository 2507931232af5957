"""Understanding a question: validation, content words, abbreviations, search clauses.

Nothing here knows medicine: the words that carry no topic are generic English and the
wording of questions; abbreviation senses come from the library itself or from the user's
dictionary file, chosen by the other words of the question.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .abbreviations import AbbreviationTable, Expansion, expand
from .analysis import terms
from .embedding import Embedder, similarities
from .errors import QuestionError
from .multilingual import Translator, is_function_word
from .settings import MAX_QUESTION_CHARS
from .store.base import Store
from .store.lexical import Clause

#: Words that say how a question is asked, not what it is about.
STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves may might must shall also per vs versus ok okay still just get got
    getting tell told say says said according recommend recommended recommends
    recommendation recommendations suggest suggested guideline guidelines guidance best
    usual usually should need needs needed next step steps course action patient patients
    person people someone me mine i'm im he's she's it's what's whats how's dont don't can't
    cannot anything something everything thing things way ways know want like please help
    really new newly current currently given giving give using use used
    """.split()
)

#: In a library of more than LARGE_LIBRARY passages, a word in more than COMMON_SHARE of them
#: is common: no phrase pairs with it. Matching a phrase walks the positions of both words,
#: which at 1M passages doubled the BM25 p95 (docs/benchmarks.md); below that it is cheap
#: and the pairs help ranking.
LARGE_LIBRARY = 500_000
COMMON_SHARE = 0.05
_WORD = re.compile(r"[^\W_][\w\-/.+%]*", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPANISH_MARKS = re.compile(
    r"[¿¡ñ]|\b(qué|cuál|cuándo|cómo|dónde|para|pacientes?|tratamiento|"
    r"recomienda|debe|años|según|con|sin|una?|los|las|del|el|la)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Query:
    question: str
    language: str
    content_words: tuple[str, ...]
    expansions: tuple[Expansion, ...]
    clauses: tuple[Clause, ...]
    vector: np.ndarray
    #: (weight, alternatives): a concept is stated when any alternative's terms all appear
    concepts: tuple[tuple[float, tuple[frozenset[str], ...]], ...] = ()
    #: content words that no passage of the library contains
    unknown_words: tuple[str, ...] = ()

    @property
    def embedding_text(self) -> str:
        return " ".join((self.question, *(e.long for e in self.expansions)))


def clean_question(text: str) -> str:
    """The question as a single clean line, or a QuestionError that says what is wrong."""
    if not isinstance(text, str):
        raise QuestionError("the question must be text")
    if len(text) > MAX_QUESTION_CHARS:
        raise QuestionError(
            f"the question is {len(text):,} characters long; the limit is {MAX_QUESTION_CHARS:,}"
        )
    cleaned = unicodedata.normalize("NFC", _CONTROL.sub(" ", text))
    cleaned = " ".join(cleaned.split())
    if not any(ch.isalnum() for ch in cleaned):
        raise QuestionError("the question is empty: ask it in words")
    return cleaned


def detect_language(question: str) -> str:
    """'es' for a question that reads as Spanish, else 'en' (a cheap, conservative test)."""
    marks = _SPANISH_MARKS.findall(question)
    return "es" if len(marks) >= 3 or ("¿" in question and len(marks) >= 2) else "en"


def content_words(question: str) -> tuple[str, ...]:
    """The question's words that carry its topic, in order, without repeats."""
    words: list[str] = []
    for match in _WORD.finditer(question):
        word = match.group().strip(".-/+")
        if not word or word.lower() in STOPWORDS or word in words:
            continue
        if len(word) == 1 and not word.isdigit():
            continue
        words.append(word)
    return tuple(words)


def understand(
    question: str,
    store: Store,
    embedder: Embedder,
    abbreviations: AbbreviationTable,
    translator: Translator | None = None,
) -> Query:
    """Turn a question into search clauses, weighted concepts and a query vector.

    A Spanish question over an English library is also searched with the English words the
    translator finds for it (multilingual.py); each Spanish word is then one concept stated
    by any of its forms."""
    cleaned = clean_question(question)
    language = detect_language(cleaned)
    translation = translator(cleaned) if translator is not None and language == "es" else None
    words = content_words(cleaned)
    if translation is not None:
        words = tuple(w for w in words if not is_function_word(w))
    expansions = tuple(
        expand(cleaned, abbreviations, known=store.doc_freq, relatedness=_relatedness(embedder))
    )
    contracted = abbreviations.contractions(cleaned)
    concepts, unknown, common = weigh_concepts(words, expansions, store, contracted)
    english = translation.terms() if translation is not None else []
    clauses = (
        build_clauses(words, expansions, common)
        + tuple(Clause(short, 1.0) for _, short in contracted)
        + tuple(Clause(term, weight) for term, weight in english if weight > 0)
    )
    text = " ".join((cleaned, *(e.long for e in expansions), *(t for t, _ in english)))
    vector = embedder.embed([text])[0]
    if translation is not None:
        concepts = weigh_alternatives(translation.alternatives(), store)
    if language != "en":
        unknown = ()  # the library's language is not the question's: unknown words are expected
    return Query(cleaned, language, words, expansions, clauses, vector, concepts, unknown)


def weigh_alternatives(
    alternatives: Sequence[tuple[str, ...]], store: Store
) -> tuple[tuple[float, tuple[frozenset[str], ...]], ...]:
    """Concepts of a translated question: each word is one concept, stated by any of its
    forms (the word itself or its English renderings), weighted by the IDF of its most
    common form."""
    total = max(store.counts()["passages"], 1)
    concepts = []
    for forms in alternatives:
        stated = tuple(frozenset(terms(form)) for form in forms if terms(form))
        if stated:
            df = max(store.doc_freq(form) for form in forms)
            concepts.append((math.log(1 + total / (df + 1)), stated))
    return tuple(concepts)


def weigh_concepts(
    words: Sequence[str],
    expansions: Sequence[Expansion],
    store: Store,
    contracted: Sequence[tuple[str, str]] = (),
) -> tuple[tuple[tuple[float, tuple[frozenset[str], ...]], ...], tuple[str, ...], frozenset[str]]:
    """Each content word as a concept weighted by its rarity (IDF) in the library (a word of
    an abbreviation's long form is also stated by the abbreviation); the words it cannot
    find; and the common words (in more than COMMON_SHARE of passages)."""
    total = max(store.counts()["passages"], 1)
    concepts = []
    unknown = []
    common = set()
    for word in words:
        forms = [word, *(e.long for e in expansions if e.short.lower() == word.lower())]
        alternatives = tuple(frozenset(terms(form)) for form in forms if terms(form))
        shorts = [short for long, short in contracted if word in long.split()]
        alternatives += tuple(frozenset(terms(short)) for short in shorts if terms(short))
        if not alternatives:
            continue
        df = max(store.doc_freq(form) for form in forms)
        if df == 0 and store.prefix_freq(word) == 0:
            unknown.append(word)
        if total > LARGE_LIBRARY and df > COMMON_SHARE * total:
            common.add(word)
        concepts.append((math.log(1 + total / (df + 1)), alternatives))
    return tuple(concepts), tuple(unknown), frozenset(common)


def build_clauses(
    words: Sequence[str], expansions: Sequence[Expansion], common: frozenset[str] = frozenset()
) -> tuple[Clause, ...]:
    """Each content word alone, adjacent pairs as phrases (not of common words: their
    positions are costly to match in a large library, and they say little), and
    abbreviation expansions."""
    clauses = [Clause(word, 1.0) for word in words]
    pairs = [
        (a, b)
        for a, b in zip(words, words[1:], strict=False)
        if a not in common and b not in common
    ]
    clauses += [Clause(f"{a} {b}", 0.5, phrase=True) for a, b in pairs]
    clauses += [Clause(e.long, 1.5 * e.weight, phrase=True) for e in expansions]
    return tuple(clauses)


def _relatedness(embedder: Embedder):  # type: ignore[no-untyped-def]
    def related(question: str, long_forms: Sequence[str]) -> list[float]:
        if not long_forms:
            return []
        vectors = embedder.embed([question, *long_forms])
        return [float(v) for v in similarities(vectors[1:], vectors[0])]

    return related


def coverage(query: Query, own: frozenset[str], context: frozenset[str] = frozenset()) -> float:
    """Share of the question's weighted concepts a text states (its context counts half)."""
    total = sum(weight for weight, _ in query.concepts) or 1.0
    own_prefixes, context_prefixes = prefixes(own), prefixes(context)
    covered = 0.0
    for weight, alternatives in query.concepts:
        if any(states(alt, own, own_prefixes) for alt in alternatives):
            covered += weight
        elif any(states(alt, context, context_prefixes) for alt in alternatives):
            covered += 0.5 * weight
    return covered / total


def prefixes(text_terms: frozenset[str]) -> frozenset[str]:
    """Every prefix of four letters or more of the terms."""
    return frozenset(term[:end] for term in text_terms for end in range(4, len(term) + 1))


def states(
    alternative: frozenset[str], text_terms: frozenset[str], text_prefixes: frozenset[str]
) -> bool:
    """Whether a text's terms state a concept: all its terms, or, for a one-term concept of
    four letters or more, a term that extends it ("treat" -> "treatment", which the
    stemmer keeps apart)."""
    if alternative <= text_terms:
        return True
    return len(alternative) == 1 and next(iter(alternative)) in text_prefixes
