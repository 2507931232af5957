"""Understanding a question: validation, content words, abbreviations both ways, wording,
the frame and its topic."""

from __future__ import annotations

import pytest

from guidecite.abbreviations import AbbreviationTable
from guidecite.errors import QuestionError
from guidecite.query import (
    clean_question,
    content_words,
    detect_language,
    understand,
)


@pytest.mark.parametrize(
    ("text", "problem"),
    [("", "empty"), ("   \n\t ", "empty"), ("?? -- !!", "empty"), ("x" * 4001, "4,001")],
)
def test_bad_questions_are_refused_with_the_problem_named(text: str, problem: str) -> None:
    with pytest.raises(QuestionError, match=problem):
        clean_question(text)


def test_control_characters_and_spacing_are_cleaned() -> None:
    assert clean_question(" what\x00 is\x07  NSE?\n") == "what is NSE?"


def test_content_words_drop_question_wording_and_keep_compounds() -> None:
    words = content_words("What is the recommended Ki-67 threshold for a G2 pNET?")
    assert words == ("Ki-67", "threshold", "G2", "pNET")


def test_spanish_is_recognised_and_english_is_not_mistaken_for_it() -> None:
    assert detect_language("¿Con qué medicamento se trata el hipotiroidismo?") == "es"
    assert detect_language("What is the dose of hydrocortisone in Addison disease?") == "en"


def test_a_long_form_in_the_question_finds_its_library_short_form() -> None:
    table = AbbreviationTable()
    table.add_text("Patients with obstructive sleep apnea (OSA) should be offered CPAP.")
    found = table.contractions("Newly diagnosed obstructive sleep apnoea in an adult")
    assert found == [("obstructive sleep apnoea", "OSA")]


def test_understand_expands_library_abbreviations_and_weighs_rare_words_higher(library) -> None:
    query = understand(
        "Which biochemical markers follow a pancreatic NET after resection?",
        library.store,
        library.embedder,
        library.abbreviations,
    )
    longs = {e.long.lower() for e in query.expansions if e.short == "NET"}
    assert any("neuroendocrine" in long for long in longs)
    weights = dict(zip(query.content_words, (w for w, _ in query.concepts), strict=True))
    assert weights["resection"] > weights["follow"]
    assert query.vector.shape[0] > 0


def test_a_word_the_library_never_uses_is_reported_unknown(library) -> None:
    query = understand(
        "How often is zorbquintab injected in adults?",
        library.store,
        library.embedder,
        library.abbreviations,
    )
    assert "zorbquintab" in query.unknown_words
    assert "adults" not in query.unknown_words
