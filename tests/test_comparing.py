"""Questions that compare two things: the statements that say how the two stand to each
other lead the article (compose/comparing.py)."""

from __future__ import annotations

from dataclasses import replace

from guidecite.abbreviations import Expansion
from guidecite.analysis import terms
from guidecite.compose.candidates import Candidate
from guidecite.compose.comparing import compares, comparisons_first, sides_of
from guidecite.compose.extractive import ExtractiveComposer
from guidecite.explain import explain
from guidecite.frame import Frame
from guidecite.types import Document, Hit, Passage
from query_support import framed

COLD_AND_FLU = sides_of(("cold", "flu"))
WORSE = "Symptoms of the flu come on suddenly and are worse than those of the common cold."
LISTED = "Acute coughs are the kind you most often get with a cold, flu, or acute bronchitis."
FLU = "Flu is a respiratory infection caused by a number of viruses."
TREATED = "Antiviral medicines may shorten the flu and are better than no treatment."


def _candidate(text: str, score: float = 1.0, answers: bool = False) -> Candidate:
    passage = Passage(text[:8], "d1", 0, ("Flu",), text)
    return Candidate(text, Hit(passage, score), frozenset(terms(text)), score, None, answers)


def test_a_statement_compares_where_one_side_stands_before_a_contrast_and_the_other_after() -> None:
    assert compares(_candidate(WORSE), COLD_AND_FLU)
    # both named in a list, one contrasted with a third thing, or one side alone: no
    assert not compares(_candidate(LISTED), COLD_AND_FLU)
    assert not compares(_candidate(TREATED), COLD_AND_FLU)
    assert not compares(_candidate(FLU), COLD_AND_FLU)
    # a side with a letter or a number is said with the word it goes with
    hepatitis = sides_of(("hepatitis A", "hepatitis B"))
    said = "Hepatitis A is spread by food and water, unlike hepatitis B, which spreads by blood."
    assert compares(_candidate(said), hepatitis)
    assert not compares(_candidate("A 1 to 2 week illness, unlike hepatitis B."), hepatitis)
    # an abbreviation the question uses is also said by its long form
    bowel = sides_of(
        ("IBS", "inflammatory bowel disease"),
        (Expansion("IBS", "irritable bowel syndrome", 1.0),),
    )
    long_form = (
        "Irritable bowel syndrome does not harm the intestines, unlike inflammatory bowel disease."
    )
    assert compares(_candidate(long_form), bowel)


def test_a_comparison_leads_and_one_not_picked_takes_the_place_of_the_weakest_statement() -> None:
    flu, listed, worse = _candidate(FLU, 2.0), _candidate(LISTED, 1.5), _candidate(WORSE, 0.5)
    picked = [flu, listed]
    ordered, leading = comparisons_first(picked, [flu, listed, worse], COLD_AND_FLU)
    assert ordered == [worse, flu] and leading == 1
    # asked a kind of answer, a comparison that offers another kind does not lead
    candidates = [flu, listed, worse]
    ordered, leading = comparisons_first(picked, candidates, COLD_AND_FLU, kind_asked=True)
    assert ordered == picked and leading == 0
    # a question that compares nothing keeps its statements as they were
    assert comparisons_first(picked, [flu, listed, worse], ()) == (picked, 0)


def _composed(frame: Frame) -> list[str]:
    question = "what is the difference between a cold and the flu"
    hits = [
        Hit(Passage("p1", "d1", 0, ("Flu",), f"{FLU} {LISTED}"), 1.0),
        Hit(Passage("p2", "d1", 1, ("Flu",), WORSE), 0.4),
    ]
    documents = {"d1": Document("d1", "d1.md", "Flu", None, None, None, "en", "patient",
                                None, "d1")}  # fmt: skip
    words = ("difference", "cold", "flu")
    query = replace(
        framed(question, words, frame),
        concepts=tuple((1.0, (frozenset(terms(word)),)) for word in words),
    )
    answer = ExtractiveComposer().compose(query, hits, documents, "patient")
    return [s.text for s in answer.bottom_line]


def test_asked_how_two_things_differ_the_article_leads_with_how_they_differ() -> None:
    plain = Frame("Flu", "Flu", ("cold",), "definition", (), intents=("definition",))
    assert _composed(plain)[0] != WORSE  # read as a question on the flu alone
    compared = replace(plain, compared=("cold", "flu"))
    assert _composed(compared)[0] == WORSE


def test_ask_explain_names_the_two_things_compared() -> None:
    frame = Frame("Flu", "Flu", (), "definition", (), compared=("cold", "flu"))
    shown = explain(framed("what is the difference between a cold and the flu", (), frame), [], {})
    assert "  compared:   cold | flu" in shown.splitlines()
    assert "compared:" not in explain(
        framed("what is the flu", (), replace(frame, compared=())), [], {}
    )
