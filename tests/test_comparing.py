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
from guidecite.render._common import localized
from guidecite.types import Answer, Document, Hit, Passage
from query_support import framed

COLD_AND_FLU = sides_of(("cold", "flu"))
DEMENTIA = sides_of(("alzheimers", "dementia"))
BOWEL = sides_of(("Crohn's disease", "ulcerative colitis"))
WORSE = "Symptoms of the flu come on suddenly and are worse than those of the common cold."
LISTED = "Acute coughs are the kind you most often get with a cold, flu, or acute bronchitis."
FLU = "Flu is a respiratory infection caused by a number of viruses."
TREATED = "Antiviral medicines may shorten the flu and are better than no treatment."


def _candidate(text: str, score: float = 1.0, doc: str = "d1") -> Candidate:
    passage = Passage(text[:8], doc, 0, ("Flu",), text)
    return Candidate(text, Hit(passage, score), frozenset(terms(text)), score, None)


def test_a_statement_compares_where_one_side_stands_before_a_contrast_and_the_other_after() -> None:
    assert compares(_candidate(WORSE), COLD_AND_FLU)


def test_naming_both_in_a_list_or_one_beside_a_third_thing_compares_nothing() -> None:
    assert not compares(_candidate(LISTED), COLD_AND_FLU)
    assert not compares(_candidate(TREATED), COLD_AND_FLU)  # better than no treatment
    assert not compares(_candidate(FLU), COLD_AND_FLU)


def test_while_and_but_compare_only_where_they_open_a_clause() -> None:
    assert not compares(_candidate("Take flu medicine while you have a cold."), COLD_AND_FLU)
    opened = "The flu comes on suddenly, while a cold comes on slowly."
    assert compares(_candidate(opened), COLD_AND_FLU)


def test_a_sentence_that_turns_from_the_one_before_takes_it_in() -> None:
    turned = (
        "Some, such as Alzheimers disease, get worse. But other types of dementia can be halted."
    )
    assert compares(_candidate(turned), DEMENTIA)
    # a bracketed aside that does not turn is a sentence of its own
    aside = (
        "Diet cut the risk of Alzheimers disease. (MCI often, but not always, ends in dementia.)"
    )
    assert not compares(_candidate(aside), DEMENTIA)


def test_one_said_to_be_a_kind_of_the_other_compares_them() -> None:
    assert compares(
        _candidate("Alzheimer's disease is the most common form of dementia."), DEMENTIA
    )
    including = "Many diseases can cause dementia, including Alzheimer's disease and stroke."
    assert compares(_candidate(including), DEMENTIA)
    # both kinds of a third thing: not how the two stand to each other
    kinds = "Ulcerative colitis is one form of IBD. Another type of IBD, Crohn disease, is too."
    assert not compares(_candidate(kinds), BOWEL)


def test_a_sentence_opening_with_the_contrast_may_name_both_after_it() -> None:
    unlike = "Unlike Crohn disease, which can affect any part of the gut, colitis is not."
    assert not compares(_candidate(unlike), BOWEL)  # "colitis" alone is not the side
    unlike = unlike.replace("colitis is not", "ulcerative colitis affects only the colon")
    assert compares(_candidate(unlike), BOWEL)


def test_a_side_with_a_letter_or_a_number_is_said_with_the_word_it_goes_with() -> None:
    hepatitis = sides_of(("hepatitis A", "hepatitis B"))
    said = "Hepatitis A is spread by food and water, unlike hepatitis B, which spreads by blood."
    assert compares(_candidate(said), hepatitis)
    assert not compares(_candidate("A 1 to 2 week illness, unlike hepatitis B."), hepatitis)


def test_an_abbreviation_the_question_uses_is_said_by_its_long_form_too() -> None:
    bowel = sides_of(
        ("IBS", "inflammatory bowel disease"),
        (Expansion("IBS", "irritable bowel syndrome", 1.0),),
    )
    long_form = "Irritable bowel syndrome does not harm the gut, unlike inflammatory bowel disease."
    assert compares(_candidate(long_form), bowel)


def test_a_side_with_no_word_a_statement_could_say_compares_nothing() -> None:
    assert sides_of(("the", "flu")) == ()
    assert sides_of(("cold",)) == ()


def test_a_comparison_leads_and_one_not_picked_takes_the_place_of_the_weakest_statement() -> None:
    flu, listed, worse = _candidate(FLU, 2.0), _candidate(LISTED, 1.5), _candidate(WORSE, 0.5)
    picked, candidates = [flu, listed], [flu, listed, worse]
    ordered, leading = comparisons_first(picked, candidates, COLD_AND_FLU)
    assert ordered == [worse, flu] and leading == 1
    # one that may not be used (a site's own text) is not taken
    assert comparisons_first(picked, candidates, COLD_AND_FLU, usable=lambda c: False) == (
        picked,
        0,
    )
    # asked a kind of answer, a comparison that offers another kind does not lead
    ordered, leading = comparisons_first(picked, candidates, COLD_AND_FLU, kind_asked=True)
    assert ordered == picked and leading == 0
    # a question that compares nothing keeps its statements as they were
    assert comparisons_first(picked, candidates, ()) == (picked, 0)


def test_how_the_two_differ_leads_before_that_one_is_a_kind_of_the_other() -> None:
    kind = _candidate("Alzheimer's disease is the most common form of dementia.", 2)
    differ = _candidate("Alzheimers disease gets worse, unlike some other types of dementia.", 1)
    assert comparisons_first([kind, differ], [kind, differ], DEMENTIA)[0] == [differ, kind]


def test_a_second_page_opening_with_the_same_words_is_not_taken_again() -> None:
    # two pages copy a description, then go on each about their own condition
    opening = "A CT scan is an imaging method that uses x-rays, unlike an MRI scan, which uses"
    one = _candidate(
        f"{opening} magnets and radio waves to picture the lipomas and the tissues around them. "
        "Both tests help diagnose Madelung disease, although MRI is often preferred.",
        0.6,
        doc="d2",
    )
    other = _candidate(
        f"{opening} magnets and radio waves to picture the brain and its nerves. These studies "
        "also show the size of the tumor and which parts of the brain are affected.",
        0.5,
        doc="d3",
    )
    sides = sides_of(("CT scan", "MRI"))
    flu, listed = _candidate(FLU, 2.0), _candidate(LISTED, 1.5)
    ordered, leading = comparisons_first([flu, listed], [flu, listed, one, other], sides)
    assert ordered == [one, flu] and leading == 1


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


PLAIN = Frame("Flu", "Flu", ("cold",), "definition", (), intents=("definition",))
COMPARED = replace(PLAIN, compared=("cold", "flu"))


def test_asked_how_two_things_differ_the_article_leads_with_how_they_differ() -> None:
    assert _composed(PLAIN).bottom_line[0].text != WORSE  # read as a question on the flu
    answer = _composed(COMPARED)
    assert answer.bottom_line[0].text == WORSE
    assert "compares" not in (answer.notice or "")


def test_where_no_statement_compares_the_two_the_notice_says_so_in_the_reader_s_language() -> None:
    apart = _composed(COMPARED, (FLU, LISTED, "Colds rarely cause a fever or headaches."))
    assert apart.statements and WORSE not in [s.text for s in apart.statements]
    assert NOT_COMPARED % {"one": "'cold'", "other": "'flu'"} in (apart.notice or "")
    spanish = localized(apart, "es").notice or ""
    assert "Ninguna afirmación de este artículo compara 'cold' con 'flu'" in spanish
    # a question that compares nothing gets no such notice
    assert "compares" not in (_composed(PLAIN).notice or "")


def test_ask_explain_names_the_two_things_compared() -> None:
    shown = explain(
        framed("what is the difference between a cold and the flu", (), COMPARED), [], {}
    )
    assert "  compared:   cold | flu" in shown.splitlines()
    assert "compared:" not in explain(framed("what is the flu", (), PLAIN), [], {})
