"""Follow-up questions read in their thread's context, with no topic-specific rule."""

from __future__ import annotations

import numpy as np
import pytest

from guidecite.followup import context_words, contextual_question, is_elliptical

NET = "What surveillance is recommended for neuroendocrine tumours?"


class PairEmbedder:
    """Words in the same group get the same unit vector; all others are orthogonal."""

    name = "pairs"

    def __init__(self, *groups: set[str]) -> None:
        self.groups = groups

    def embed(self, texts: list[str]) -> np.ndarray:
        size = len(self.groups) + len(texts)
        vectors = np.zeros((len(texts), size), dtype=np.float32)
        for row, text in enumerate(texts):
            group = next((i for i, g in enumerate(self.groups) if text.lower() in g), None)
            vectors[row, group if group is not None else len(self.groups) + row] = 1.0
        return vectors


@pytest.mark.parametrize(
    ("question", "elliptical"),
    [
        ("and in G3 tumours?", True),
        ("What about children?", True),
        ("Is it safe in pregnancy?", True),
        ("How often should these patients have imaging with CT or MRI?", True),
        ("What is the first-line treatment of hairy cell leukemia in adults?", False),
        ("Which tidal volume is recommended for ventilated adults with ARDS?", False),
    ],
)
def test_what_counts_as_elliptical(question: str, elliptical: bool) -> None:
    assert is_elliptical(question) is elliptical


def test_a_short_follow_up_gets_the_earlier_question_s_content_words() -> None:
    assert contextual_question("and in G3 tumours?", NET) == (
        "surveillance neuroendocrine: and in G3 tumours?"
    )


def test_a_question_of_its_own_is_answered_as_it_is() -> None:
    question = "What is the first-line treatment of hairy cell leukemia in adults?"
    assert contextual_question(question, NET) == question


def test_a_follow_up_word_replaces_the_earlier_word_it_stands_in_for() -> None:
    embedder = PairEmbedder({"adults", "children"})
    text = contextual_question(
        "What about children?", "How is asthma treated in adults?", embedder=embedder
    )
    assert text == "asthma treated: What about children?"


class BrokenEmbedder(PairEmbedder):
    """A model whose first vector is no number: its products raise the "invalid" flag."""

    def embed(self, texts: list[str]) -> np.ndarray:
        vectors = super().embed(texts)
        vectors[0, -1] = np.inf
        return vectors


def test_a_similarity_that_is_no_number_substitutes_nothing() -> None:
    frequency = {"asthma": 900, "treated": 800, "adults": 1}.__getitem__
    earlier = ("asthma", "treated", "adults")
    broken = BrokenEmbedder({"adults", "children"})
    assert context_words(("children",), earlier, frequency, broken) == ["treated", "adults"]
    # a working model reads "children" as standing in for "adults"
    working = PairEmbedder({"adults", "children"})
    assert context_words(("children",), earlier, frequency, working) == ["asthma", "treated"]


def test_the_earlier_question_adds_at_most_as_many_words_as_the_follow_up_has() -> None:
    frequency = {"alpha": 50, "beta": 3, "gamma": 900, "delta": 1}.__getitem__
    earlier = ("alpha", "beta", "gamma", "delta")
    assert context_words(("x",), earlier, frequency) == ["beta", "delta"]  # rarest two, in order
    assert context_words(("x", "y", "z"), earlier, frequency) == ["alpha", "beta", "delta"]
    assert context_words(("x",), earlier) == ["alpha", "beta"]  # no frequencies: the first


def test_context_carries_down_a_thread() -> None:
    second = contextual_question("and in G3 tumours?", NET)
    third = contextual_question("how often?", second)
    assert "neuroendocrine" in third and third.endswith("how often?")
