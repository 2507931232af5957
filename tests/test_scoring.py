"""How much of the question a text states: weights, context at half, stem extensions."""

from __future__ import annotations

import pytest

from guidecite.analysis import terms
from guidecite.chunking import split_sentences
from guidecite.query import understand
from guidecite.scoring import coverage, extends, sentence_coverage, stated, states_all


def test_coverage_counts_context_half_and_extensions_of_a_stem(library) -> None:
    query = understand(
        "How is colorectal cancer treated?", library.store, library.embedder, library.abbreviations
    )
    full = coverage(query.concepts, frozenset({"colorect", "cancer", "treatment"}))
    half = coverage(query.concepts, frozenset({"treatment"}), frozenset({"colorect", "cancer"}))
    assert full == pytest.approx(1.0)
    assert 0.5 < half < 1.0


def test_a_sentence_that_puts_the_concepts_together_beats_scattered_ones() -> None:
    concepts = [(2.0, (frozenset(terms("enolase")),)), (1.0, (frozenset(terms("tumour")),))]
    together = "Enolase is raised in some tumours. Nothing else here."
    apart = "Enolase is an enzyme. Tumours vary."
    assert sentence_coverage(concepts, together, "") == pytest.approx(1.0)
    assert sentence_coverage(concepts, apart, "") == pytest.approx(2 / 3)
    assert states_all(concepts, apart)
    assert not states_all(concepts, "Enolase is an enzyme.")


def test_a_term_extends_a_word_as_the_prefixes_of_four_letters_or_more_say() -> None:
    text = frozenset({"treatment", "treble", "ace", "cancer", "tread", "hyperten"})
    ordered = tuple(sorted(text))
    prefixes = {t[:end] for t in text for end in range(4, len(t) + 1)}
    for word in (
        "treat",
        "treatm",
        "trea",
        "tre",
        "treb",
        "cancer",
        "cancers",
        "hyper",
        "ace",
        "acet",
        "tread",
        "treads",
        "zzzz",
        "aaaa",
        "hypertension",
    ):
        assert extends(word, ordered) == (word in prefixes), word
    assert stated((1.0, (frozenset({"heart"}), frozenset({"treat"}))), (text, ordered))
    assert not stated((1.0, (frozenset({"treat", "heart"}),)), (text, ordered))  # both, whole


def test_a_passage_read_again_gives_the_same_coverage() -> None:
    concepts = [(2.0, (frozenset(terms("enolase")),)), (1.0, (frozenset(terms("tumour")),))]
    text = "Enolase is an enzyme. Enolase is raised in some tumours."
    first = sentence_coverage(concepts, text, "Neuroendocrine tumours")
    assert (
        sentence_coverage(concepts, text, "Neuroendocrine tumours") == first == pytest.approx(1.0)
    )
    assert sentence_coverage(concepts[1:], text, "") == pytest.approx(1.0)


def test_a_passage_s_coverage_is_that_of_its_best_sentence_whichever_concepts_it_lacks() -> None:
    """Looking only for the concepts the passage states at all changes no figure: each is
    the best sentence's coverage, read sentence by sentence (`coverage`), to the last bit."""
    words = ("enolase", "tumour", "treat", "raised", "absent", "heart", "cancer", "scan")
    concepts = [(1.0 + n / 7, (frozenset(terms(w)),)) for n, w in enumerate(words)]
    concepts.append((0.5, (frozenset(terms("heart failure")), frozenset(terms("hf")))))
    texts = (
        "Enolase is raised in some tumours. Treatment follows. A heart scan is done.",
        "Heart failure is common. Cancers vary, and treating them is hard.",
        "Nothing asked is said here.",
        "",
    )
    for text in texts:
        for context in ("", "Neuroendocrine tumours: treatment", "Absent heart"):
            best = max(
                (
                    coverage(concepts, frozenset(terms(sentence)), frozenset(terms(context)))
                    for sentence in split_sentences(text)
                ),
                default=0.0,
            )
            assert sentence_coverage(concepts, text, context) == best, (text, context)
