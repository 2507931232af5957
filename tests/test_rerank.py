"""Statements reranked by meaning: the real all-MiniLM-L6-v2 (int8 ONNX, from its package),
the registry, and the composer's use of it at its seam."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pytest

from guidecite.compose.candidates import Candidate
from guidecite.compose.extractive import (
    RERANK_POOL,
    SAME_MEANING,
    ExtractiveComposer,
    rerank,
)
from guidecite.errors import ConfigError
from guidecite.frame import NOTHING_NEAR, Frame
from guidecite.rerank import EncoderReranker, get_reranker
from guidecite.types import INSUFFICIENT_EVIDENCE, Answer, Document, Hit, Passage
from query_support import framed


def test_minilm_finds_the_statement_on_the_decision_asked_about() -> None:
    reranker = get_reranker("minilm")
    near = reranker.closeness(
        "What is the recommended initial therapy for obstructive sleep apnoea in an adult?",
        [
            "Offer continuous positive airway pressure as initial therapy for adults with OSA.",
            "A second polysomnogram may be considered when the first one is negative.",
            "Measles vaccine is given at 12 to 15 months of age.",
        ],
    )
    assert near.shape == (3,)
    assert near[0] > near[1] > near[2]


def test_minilm_reads_two_wordings_of_one_fact_as_alike_and_two_facts_as_not() -> None:
    alike = get_reranker("minilm").alike(
        [
            "SIDS is the leading cause of death in children between one month and one year old.",
            "SIDS is a major cause of death in children younger than 1 year.",
            "Place babies on their backs to sleep, for naps and at night.",
        ]
    )
    assert alike.shape == (3, 3)
    assert alike[0, 1] >= SAME_MEANING > alike[0, 2]
    assert np.allclose(np.diag(alike), 1.0, atol=1e-5)


class _Counts:
    """An embedder at the seam: a vector per text, and the texts it was given."""

    name = "counts"
    dim = 2

    def __init__(self) -> None:
        self.embedded: list[str] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.embedded.extend(texts)
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)


def test_a_statement_read_once_is_not_read_again_and_the_memory_is_bounded(monkeypatch) -> None:
    embedder = _Counts()
    reranker = EncoderReranker("counts", lambda: embedder)
    near = reranker.closeness("q", ["ab", "abcd"])
    alike = reranker.alike(["abcd", "ab"])
    assert embedder.embedded == ["q", "ab", "abcd"]
    assert near.shape == (2,) and alike.shape == (2, 2)
    assert alike[0, 1] == pytest.approx(alike[1, 0])
    monkeypatch.setattr("guidecite.rerank.REMEMBERED", 3)
    again = reranker.alike(["ab", "x", "abcd"])  # over the bound: what this reading needs is kept
    assert embedder.embedded == ["q", "ab", "abcd", "x"]
    assert again[0, 2] == pytest.approx(alike[1, 0])


def test_an_unknown_reranker_is_refused_with_the_valid_names() -> None:
    with pytest.raises(ConfigError, match="minilm"):
        get_reranker("cross-encoder")
    assert not get_reranker("none").closeness("q", ["a", "b"]).any()
    assert not get_reranker("none").alike(["a", "b"]).any()


class _Prefers:
    """A reranker at the seam: close to the question exactly when a statement has `word`."""

    name = "prefers"

    def __init__(self, word: str) -> None:
        self.word = word
        self.read: list[str] = []

    def closeness(self, question: str, statements: Sequence[str]) -> np.ndarray:
        self.read.extend(statements)
        return np.array([1.0 if self.word in s else 0.0 for s in statements])

    def alike(self, statements: Sequence[str]) -> np.ndarray:
        return np.eye(len(statements))


def _candidates(texts: Sequence[str]) -> list[Candidate]:
    return [
        Candidate(t, Hit(Passage(f"p{i}", "d", i, (), t), 1.0), frozenset(), 1.0 - i / 100, None)
        for i, t in enumerate(texts)
    ]


def test_the_best_candidates_are_reordered_by_closeness_and_the_rest_are_not_read() -> None:
    texts = [f"statement {i}" for i in range(RERANK_POOL + 4)]
    texts[3] = "statement on CPAP"
    reranker = _Prefers("CPAP")
    ordered = rerank(_candidates(texts), "initial therapy for sleep apnoea?", reranker)
    assert ordered[0].text == "statement on CPAP"
    assert len(ordered) == len(texts) and len(reranker.read) == RERANK_POOL


def test_without_a_question_to_read_the_order_is_kept() -> None:
    candidates = _candidates(["a", "b on CPAP"])
    assert rerank(candidates, None, _Prefers("CPAP")) == candidates
    assert rerank(candidates, "question", None) == candidates


class _Reads:
    """A reranker at the seam that notes the question it was given."""

    name = "reads"

    def __init__(self) -> None:
        self.questions: list[str] = []

    def closeness(self, question: str, statements: Sequence[str]) -> np.ndarray:
        self.questions.append(question)
        return np.zeros(len(statements))

    def alike(self, statements: Sequence[str]) -> np.ndarray:
        return np.eye(len(statements))


def test_a_question_in_another_language_is_read_word_for_word_in_english() -> None:
    text = "Hypothyroidism is treated with synthetic thyroid hormone, a medication taken daily."
    hits = [Hit(Passage("p1", "d1", 0, ("Treatment",), text), 1.0)]
    documents = {"d1": Document("d1", "d1.md", "Hypothyroidism", None, None, None, "en",
                                "patient", None, "d1")}  # fmt: skip
    frame = Frame("hypothyroidism", None, (), "management", ())
    question = "Me acaban de diagnosticar hipotiroidismo. ¿Con qué medicamento se trata?"
    spanish = replace(
        framed(question, ("hipotiroidismo", "medicamento"), frame),
        language="es",
        english="hypothyroidism medicament",
    )
    reads = _Reads()
    ExtractiveComposer(reranker=reads).compose(spanish, hits, documents, "patient")
    assert reads.questions == ["hypothyroidism medicament"]
    # without a translator there is no English reading: the score's order stands
    untranslated = _Reads()
    ExtractiveComposer(reranker=untranslated).compose(
        replace(spanish, english=""), hits, documents, "patient"
    )
    assert untranslated.questions == []


def _composed_without_topic(
    question: str, words: tuple[str, ...], text: str, reranker: EncoderReranker | None
) -> Answer:
    hits = [Hit(Passage("p1", "d1", 0, ("Overview",), text), 1.0)]
    documents = {"d1": Document("d1", "d1.md", "Overview", None, None, None, "en", "patient",
                                None, "d1")}  # fmt: skip
    query = framed(question, words, Frame(None, None, (), "general", ()))
    return ExtractiveComposer(reranker=reranker).compose(query, hits, documents, "patient")


def test_a_question_with_no_topic_that_no_statement_comes_near_in_meaning_is_declined() -> None:
    # the packaged model reads "How do I change a car tyre?" as far from CAR T cells
    minilm = get_reranker("minilm")
    assert isinstance(minilm, EncoderReranker)
    tyre = ("How do I change a car tyre?", ("change", "car", "tyre"))
    cells = "The changed cells are called chimeric antigen receptor (CAR) T cells."
    declined = _composed_without_topic(*tyre, cells, minilm)
    assert declined.status == INSUFFICIENT_EVIDENCE and not declined.statements
    assert declined.notice == NOTHING_NEAR
    # a health question read with no topic, and a statement near it, is answered
    dizzy = "Standing up too quickly can make you feel dizzy when your blood pressure drops."
    asked = ("why do I get dizzy when I stand up", ("dizzy", "stand"))
    assert _composed_without_topic(*asked, dizzy, minilm).statements
    # without a reader of meaning, nothing is declined for it
    assert _composed_without_topic(*tyre, cells, None).statements
