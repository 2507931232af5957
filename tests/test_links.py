"""Questions whether one thing causes another ("can lupus cause hair loss?"): the
statements that say the one brings about the other lead the article (frame.linked_sides,
compose/comparing.py)."""

from __future__ import annotations

from dataclasses import replace

from guidecite.analysis import terms
from guidecite.compose.candidates import Candidate
from guidecite.compose.comparing import sides_of
from guidecite.compose.extractive import ExtractiveComposer
from guidecite.compose.links import links_first, speaks_of_link
from guidecite.explain import explain
from guidecite.frame import Frame, linked_sides
from guidecite.types import Answer, Document, Hit, Passage
from query_support import framed

SMOKING = sides_of(("smoking", "bladder cancer"))
THYROID = sides_of(("thyroid problems", "weight gain"))
STONES = sides_of(("dehydration", "kidney stones"))
LUPUS = sides_of(("lupus", "hair loss"))
CAUSES = "Smoking causes most cases of bladder cancer."
RISK = "Bladder cancer is more common in older men."
SIGNS = "Blood in the urine is the most common sign of bladder cancer."


def _candidate(text: str, score: float = 1.0, page: str = "Bladder Cancer") -> Candidate:
    passage = Passage(text[:8], "d1", 0, (page,), text)
    candidate = Candidate(text, Hit(passage, score), frozenset(terms(text)), score, None)
    return replace(candidate, headings=(page,), page=page)


def test_the_ways_a_question_asks_whether_one_thing_causes_another_are_read() -> None:
    assert linked_sides("can lupus cause hair loss") == ("lupus", "hair loss")
    assert linked_sides("does smoking cause bladder cancer") == ("smoking", "bladder cancer")
    assert linked_sides("can stress lead to high blood pressure?") == (
        "stress",
        "high blood pressure",
    )
    assert linked_sides("Can Arachnoid Cysts Cause Pain/?I Have A Shunt") == (
        "Arachnoid Cysts",
        "Pain",
    )


def test_a_question_on_no_one_cause_and_effect_has_no_two_sides() -> None:
    assert linked_sides("what causes headaches") is None
    assert linked_sides("can untreated strep throat lead to other problems?") is None
    assert (
        linked_sides("I want to determine the real cause of my insomnia. Could you help?") is None
    )
    assert linked_sides("Is this being caused by any of my prescriptions?") is None
    assert linked_sides("Does this medicine cause weight gain?") is None
    assert linked_sides("What problems can diabetes cause over time?") is None


def test_a_long_message_is_read_through() -> None:
    assert linked_sides("can " + "a " * 2000 + "cause b") is None
    assert linked_sides("can " + " " * 3990 + "x") is None


def test_a_statement_links_the_two_with_the_cause_and_the_effect_each_on_its_side() -> None:
    assert speaks_of_link(_candidate(CAUSES), SMOKING)
    due = "Sudden weight gain can be due to medicines, thyroid problems, or heart failure."
    assert speaks_of_link(_candidate(due, page="Body Weight"), THYROID)
    # the effect named before the cause, a list of what a third thing causes, or the two
    # beside each other with no word of causing: no link
    listed = "Parathyroid tumors may cause fatigue, dehydration, and kidney stones."
    assert not speaks_of_link(_candidate(listed, page="MEN1"), STONES)
    beside = "Sudden weight gain with thyroid problems is seen in older adults."
    assert not speaks_of_link(_candidate(beside, page="Body Weight"), THYROID)


def test_results_in_says_the_cause_before_it() -> None:
    assert speaks_of_link(_candidate("Smoking results in most cases of bladder cancer."), SMOKING)
    assert not speaks_of_link(
        _candidate("Bladder cancer results in blood in the urine in smokers."), SMOKING
    )


def test_from_alone_says_no_cause() -> None:
    ranges = "Hair loss ranges from mild to severe in lupus."
    assert not speaks_of_link(_candidate(ranges, page="Lupus"), LUPUS)


def test_a_side_the_page_names_stands_on_either_side_of_the_cue() -> None:
    hair = "You can also lose your hair if you have certain diseases, such as diabetes or lupus."
    assert speaks_of_link(_candidate(hair, page="Hair Loss"), LUPUS)
    # causes named as such: the cause after them
    named = "Other causes are lupus, a low protein diet, or poor nutrition."
    assert speaks_of_link(_candidate(named, page="Hair Loss"), LUPUS)
    assert speaks_of_link(_candidate("It can cause hair loss.", page="Lupus"), LUPUS)
    # the page's side is the effect: the cause must be said as one
    fluids = "IV fluids may be needed if the person becomes dehydrated from vomiting."
    assert not speaks_of_link(_candidate(fluids, page="Kidney Stones"), STONES)


def test_the_page_s_side_stands_in_no_place_that_names_something_else() -> None:
    drug = "Cyclophosphamide can cause nausea and hair loss."
    assert not speaks_of_link(_candidate(drug, page="Lupus"), LUPUS)
    other = "Smoking also causes heart disease and lung disease."
    assert not speaks_of_link(_candidate(other, page="Bladder Cancer"), SMOKING)


def test_the_link_leads_and_one_not_picked_takes_the_place_of_the_weakest() -> None:
    risk, signs, causes = _candidate(RISK, 2.0), _candidate(SIGNS, 1.5), _candidate(CAUSES, 0.5)
    ordered, leading = links_first([risk, signs], [risk, signs, causes], SMOKING)
    assert ordered == [causes, risk] and leading == 1
    assert links_first([risk, signs], [risk, signs, causes], ()) == ([risk, signs], 0)


def _composed(frame: Frame, said: tuple[str, ...] = (RISK, SIGNS, CAUSES)) -> Answer:
    question = "does smoking cause bladder cancer"
    hits = [
        Hit(Passage("p1", "d1", 0, ("Bladder Cancer",), " ".join(said[:-1])), 1.0),
        Hit(Passage("p2", "d1", 1, ("Bladder Cancer",), said[-1]), 0.4),
    ]
    documents = {"d1": Document("d1", "d1.md", "Bladder Cancer", None, None, None, "en",
                                "patient", None, "d1")}  # fmt: skip
    # smoking weighs little: read alone, the question is one on bladder cancer
    words, weights = ("smoking", "bladder", "cancer"), (0.05, 1.0, 1.0)
    query = replace(
        framed(question, words, frame),
        concepts=tuple(
            (weight, (frozenset(terms(word)),)) for word, weight in zip(words, weights, strict=True)
        ),
    )
    return ExtractiveComposer().compose(query, hits, documents, "patient")


PLAIN = Frame("Bladder Cancer", "Bladder Cancer", ("smoking",), "general", (), intents=("general",))
LINKED = replace(PLAIN, linked=("smoking", "bladder cancer"))


def test_asked_whether_one_thing_causes_another_the_article_leads_with_the_link() -> None:
    assert _composed(PLAIN).bottom_line[0].text != CAUSES
    answer = _composed(LINKED)
    assert answer.bottom_line[0].text == CAUSES


def test_the_title_names_the_cause_and_the_effect_and_no_link() -> None:
    assert _composed(LINKED).title == "Smoking and bladder cancer"
    assert _composed(PLAIN).title != "Smoking and bladder cancer"
    # where no statement links the two the title still names them, and says no link
    apart = _composed(LINKED, (RISK, SIGNS, "Smoking harms nearly every organ of the body."))
    assert apart.title == "Smoking and bladder cancer"


def test_ask_explain_names_the_cause_and_the_effect() -> None:
    question = "does smoking cause bladder cancer"
    shown = explain(framed(question, (), LINKED), [], {})
    assert "  linked:     smoking | bladder cancer" in shown.splitlines()
    assert "linked:" not in explain(framed(question, (), PLAIN), [], {})


def test_the_json_frame_carries_the_cause_and_the_effect() -> None:
    assert LINKED.as_dict()["linked"] == ["smoking", "bladder cancer"]
    assert PLAIN.as_dict()["linked"] == []
