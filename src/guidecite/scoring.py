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

from collections.abc import Iterable, Sequence

from .analysis import terms
from .chunking import split_sentences

#: (weight, alternatives): a concept is stated when any alternative's terms all appear.
Concept = tuple[float, tuple[frozenset[str], ...]]
CONTEXT_SHARE = 0.5


def coverage(
    concepts: Sequence[Concept], own: frozenset[str], context: frozenset[str] = frozenset()
) -> float:
    """Share of the weighted concepts a text states (its context counts half)."""
    total = sum(weight for weight, _ in concepts) or 1.0
    own_prefixes, context_prefixes = prefixes(own), prefixes(context)
    covered = 0.0
    for concept in concepts:
        if stated(concept, own, own_prefixes):
            covered += concept[0]
        elif stated(concept, context, context_prefixes):
            covered += CONTEXT_SHARE * concept[0]
    return covered / total


def stated(concept: Concept, text_terms: frozenset[str], text_prefixes: frozenset[str]) -> bool:
    return any(states(alt, text_terms, text_prefixes) for alt in concept[1])


def states_all(concepts: Iterable[Concept], text: str) -> bool:
    """Whether a text states every one of the concepts."""
    own = frozenset(terms(text))
    own_prefixes = prefixes(own)
    return all(stated(concept, own, own_prefixes) for concept in concepts)


def prefixes(text_terms: frozenset[str]) -> frozenset[str]:
    """Every prefix of four letters or more of the terms."""
    return frozenset(term[:end] for term in text_terms for end in range(4, len(term) + 1))


def states(
    alternative: frozenset[str], text_terms: frozenset[str], text_prefixes: frozenset[str]
) -> bool:
    """Whether a text's terms state one alternative of a concept."""
    if alternative <= text_terms:
        return True
    return len(alternative) == 1 and next(iter(alternative)) in text_prefixes


def sentence_coverage(concepts: Sequence[Concept], text: str, context: str) -> float:
    """How much of the question one sentence of a passage states: answers tend to put the
    question's concepts together, not scatter them over a section."""
    around = frozenset(terms(context))
    return max(
        (coverage(concepts, frozenset(terms(s)), around) for s in split_sentences(text)),
        default=0.0,
    )
