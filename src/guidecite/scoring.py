"""How much of the question a text states: the one measure that retrieval, the evidence
check, the composer and the relevance check share.

A question is a set of weighted concepts (`Concept`: a weight, usually the rarity of the word
in the library, and its alternatives: the word itself, an abbreviation's long form, a
translation). A text states a concept when it holds every term of one alternative, or, for a
one-term concept of four letters or more, a term that extends it ("treat" -> "treatment",
which the stemmer keeps apart). Coverage is the weighted share of concepts stated; words of
the text's context (its document's title and headings) count half.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import lru_cache

from .analysis import terms
from .chunking import split_sentences

#: (weight, alternatives): a concept is stated when any alternative's terms all appear.
Concept = tuple[float, tuple[frozenset[str], ...]]
CONTEXT_SHARE = 0.5
#: A concept weighing less than this (a word in more than about one passage in seven, or
#: one of the story around the question) is not what a statement must say beyond the topic,
#: nor a word a passage must state beside another for the question to be answered.
ASKS_ABOUT = 2.0
#: Passages whose sentences' terms are kept once read: retrieval reads the same candidates
#: twice per question (before and after its topic is settled), and the next question often
#: meets them again.
PASSAGES_REMEMBERED = 1024

#: A text's terms as a set, and in order (to find the terms that extend a word).
Read = tuple[frozenset[str], tuple[str, ...]]


def coverage(
    concepts: Sequence[Concept], own: frozenset[str], context: frozenset[str] = frozenset()
) -> float:
    """Share of the weighted concepts a text states (its context counts half)."""
    return _coverage(concepts, read(own), _in_context(concepts, read(context)))


def _in_context(concepts: Sequence[Concept], context: Read) -> list[float]:
    """What each concept adds when only the context states it."""
    return [CONTEXT_SHARE * concept[0] if stated(concept, context) else 0.0 for concept in concepts]


def _coverage(
    concepts: Sequence[Concept],
    own: Read,
    in_context: Sequence[float],
    present: Sequence[bool] | None = None,
) -> float:
    """The weighted share of the concepts a text states (those only its context states:
    in_context); a concept not `present` (where given) is not looked for."""
    total = sum(weight for weight, _ in concepts) or 1.0
    covered = 0.0
    for n, (concept, from_context) in enumerate(zip(concepts, in_context, strict=True)):
        here = present is None or present[n]
        covered += concept[0] if here and stated(concept, own) else from_context
    return covered / total


def read(text_terms: frozenset[str]) -> Read:
    """A text's terms, ready for `stated`."""
    return text_terms, tuple(sorted(text_terms))


def stated(concept: Concept, text: Read) -> bool:
    """Whether a text states one of a concept's alternatives: holds all its terms, or a term
    that extends its one word."""
    own, ordered = text
    for alternative in concept[1]:
        if alternative <= own:
            return True
        if len(alternative) == 1 and extends(next(iter(alternative)), ordered):
            return True
    return False


def states_all(concepts: Iterable[Concept], text: str) -> bool:
    """Whether a text states every one of the concepts."""
    own = read(frozenset(terms(text)))
    return all(stated(concept, own) for concept in concepts)


def extends(word: str, ordered: tuple[str, ...]) -> bool:
    """Whether a term (of terms in order) extends a word of four letters or more: the terms
    that start with a word sit together, from where the word would be inserted."""
    if len(word) < 4:
        return False
    at = bisect_left(ordered, word)
    return at < len(ordered) and ordered[at].startswith(word)


def sentence_coverage(concepts: Sequence[Concept], text: str, context: str) -> float:
    """How much of the question one sentence of a passage states: answers tend to put the
    question's concepts together, not scatter them over a section. Only the concepts some
    sentence states (the passage's terms together do) are looked for sentence by sentence;
    each of the others adds what its context gives, as it would in every sentence."""
    in_context = _in_context(concepts, _read_text(context))
    sentences, whole = _read_sentences(text)
    present = [stated(concept, whole) for concept in concepts]
    return max((_coverage(concepts, own, in_context, present) for own in sentences), default=0.0)


@lru_cache(maxsize=PASSAGES_REMEMBERED)
def _read_sentences(text: str) -> tuple[tuple[Read, ...], Read]:
    """The terms of each sentence of a text, and of all of them together."""
    sentences = tuple(read(frozenset(terms(sentence))) for sentence in split_sentences(text))
    return sentences, read(frozenset().union(*(own for own, _ in sentences)))


@lru_cache(maxsize=PASSAGES_REMEMBERED)
def _read_text(text: str) -> Read:
    return read(frozenset(terms(text)))
