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
from guidecite.frame import NOT_COMPARED, Frame
from guidecite.types import Answer, Document, Hit, Passage
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
    # a sentence that turns from the one before takes it in; one that does not, does not
    dementia = sides_of(("alzheimers", "dementia"))
    turned = (
        "Some, such as Alzheimers disease, get worse. But other types of dementia can be halted."
    )
    assert compares(_candidate(turned), dementia)
    aside = (
        "Diet cut the risk of Alzheimers disease. (MCI often, but not always, ends in dementia.)"
    )
    assert not compares(_candidate(aside), dementia)
    # one said to be a kind of the other compares them, in one sentence or after "Another"
    assert compares(
        _candidate("Alzheimer's disease is the most common form of dementia."), dementia
    )
    bowel_kinds = sides_of(("Crohn's disease", "ulcerative colitis"))
    kinds = "Ulcerative colitis is one form of IBD. Another type of IBD, Crohn disease, is too."
    assert compares(_candidate(kinds), bowel_kinds)
    # a sentence that opens with the word of contrast may name both after it
    unlike = "Unlike Crohn disease, which can affect any part of the gut, colitis is not."
    assert not compares(_candidate(unlike), bowel_kinds)  # "colitis" alone is not the side
    unlike = unlike.replace("colitis is not", "ulcerative colitis affects only the colon")
    assert compares(_candidate(unlike), bowel_kinds)
    # how the two differ leads before that one is a kind of the other
    kind, differ = _candidate(kinds, 2.0), _candidate(unlike, 1.0)
    assert comparisons_first([kind, differ], [kind, differ], bowel_kinds)[0] == [differ, kind]
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
    # a second page that opens with the same words says the same thing: not taken again
    copied = _candidate(
        WORSE.replace("common cold.", "common cold, as the page on bronchitis says.")
    )
    ordered, leading = comparisons_first(picked, [flu, listed, worse, copied], COLD_AND_FLU)
    assert copied not in ordered and leading == 1
    # a question that compares nothing keeps its statements as they were
    assert comparisons_first(picked, [flu, listed, worse], ()) == (picked, 0)


def _composed(frame: Frame, said: tuple[str, ...] = (FLU, LISTED, WORSE)) -> Answer:
    question = "what is the difference between a cold and the flu"
    hits = [
        Hit(Passage("p1", "d1", 0, ("Flu",), " ".join(said[:-1])), 1.0),
        Hit(Passage("p2", "d1", 1, ("Flu",), said[-1]), 0.4),
    ]
    documents = {"d1": Document("d1", "d1.md", "Flu", None, None, None, "en", "patient",
                                None, "d1")}  # fmt: skip
    words = ("difference", "cold", "flu")
    query = replace(
        framed(question, words, frame),
        concepts=tuple((1.0, (frozenset(terms(word)),)) for word in words),
    )
    return ExtractiveComposer().compose(query, hits, documents, "patient")


def test_asked_how_two_things_differ_the_article_leads_with_how_they_differ() -> None:
    plain = Frame("Flu", "Flu", ("cold",), "definition", (), intents=("definition",))
    assert _composed(plain).bottom_line[0].text != WORSE  # read as a question on the flu
    compared = replace(plain, compared=("cold", "flu"))
    answer = _composed(compared)
    assert answer.bottom_line[0].text == WORSE
    assert "compares" not in (answer.notice or "")
    # where no statement compares them, the notice says so
    apart = _composed(compared, (FLU, LISTED, "Colds rarely cause a fever or headaches."))
    assert apart.statements and WORSE not in [s.text for s in apart.statements]
    assert NOT_COMPARED % {"one": "'cold'", "other": "'flu'"} in (apart.notice or "")
    assert "compares" not in (_composed(plain).notice or "")


def test_ask_explain_names_the_two_things_compared() -> None:
    frame = Frame("Flu", "Flu", (), "definition", (), compared=("cold", "flu"))
    shown = explain(framed("what is the difference between a cold and the flu", (), frame), [], {})
    assert "  compared:   cold | flu" in shown.splitlines()
    assert "compared:" not in explain(
        framed("what is the flu", (), replace(frame, compared=())), [], {}
    )
