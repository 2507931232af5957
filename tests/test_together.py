"""Questions on two things taken together ("is it ok to drink alcohol while taking
gabapentin?"): the statements that speak of the two together lead the article, and where
none does, the notice says so (frame.together_sides, compose/comparing.py)."""

from __future__ import annotations

from dataclasses import replace

from guidecite.analysis import terms
from guidecite.compose.candidates import Candidate
from guidecite.compose.comparing import sides_of
from guidecite.compose.extractive import ExtractiveComposer
from guidecite.compose.together import speaks_together, together_first
from guidecite.explain import explain
from guidecite.frame import NOT_TOGETHER, Frame, together_sides
from guidecite.render._common import localized
from guidecite.types import Answer, Document, Hit, Passage
from query_support import framed

GRAPEFRUIT = sides_of(("grapefruit", "simvastatin"))
ALCOHOL = sides_of(("alcohol", "gabapentin"))
ASPIRIN = sides_of(("aspirin", "ibuprofen"))
AVOID = "Avoid drinking grapefruit juice while taking simvastatin."
#: said on simvastatin's page of "this medication" (the page route)
RAISES = "Grapefruit juice taken with the tablets can raise their levels in your blood."
DOSE = "Simvastatin comes as a tablet to take by mouth once a day in the evening."
EVENING = "Take simvastatin at around the same time every day."


def _candidate(text: str, score: float = 1.0, page: str = "Simvastatin") -> Candidate:
    passage = Passage(text[:8], "d1", 0, (page,), text)
    candidate = Candidate(text, Hit(passage, score), frozenset(terms(text)), score, None)
    return replace(candidate, headings=(page,), page=page)


def test_the_ways_a_question_asks_whether_to_take_two_things_together_are_read() -> None:
    assert together_sides("is it ok to drink alcohol while taking gabapentin") == (
        "alcohol",
        "gabapentin",
    )
    assert together_sides("can I take ibuprofen with lisinopril for my back?") == (
        "ibuprofen",
        "lisinopril",
    )
    assert together_sides("can I take tylenol and advil together") == ("tylenol", "advil")
    assert together_sides("can i have a glass of wine while on amoxicillin") == (
        "glass of wine",
        "amoxicillin",
    )
    assert together_sides("does metformin interact with alcohol") == ("metformin", "alcohol")
    assert together_sides("Is there an interaction between methotrexate and trimethoprim?") == (
        "methotrexate",
        "trimethoprim",
    )
    assert together_sides("Can clarithromycin be given to a patient on simvastatin?") == (
        "clarithromycin",
        "simvastatin",
    )
    assert together_sides("is it safe to take St John's wort with my birth control pills") == (
        "St John's wort",
        "birth control pills",
    )


def test_what_follows_the_second_thing_s_name_is_no_part_of_it() -> None:
    assert together_sides("can I take ibuprofen with lisinopril at night") == (
        "ibuprofen",
        "lisinopril",
    )
    assert together_sides("can i drink alcohol while on amoxicillin after surgery") == (
        "alcohol",
        "amoxicillin",
    )


def test_a_question_that_takes_nothing_together_has_no_two_sides() -> None:
    # "take" a measurement, "get" pregnant, a medicine "for" a complaint, a time of day, or
    # two things without "together": no two things taken together
    assert together_sides("how do I take my blood pressure at home with a cuff") is None
    assert together_sides("can I get pregnant while taking birth control pills") is None
    assert together_sides("can I take ibuprofen for a headache") is None
    assert together_sides("how much sodium should I eat a day with high blood pressure") is None
    assert together_sides("can I take aspirin and ibuprofen") is None
    assert together_sides("Which drugs interact with clopidogrel?") is None
    # a name that points rather than names
    assert together_sides("can I take this medicine with alcohol") is None


def test_a_message_as_long_as_a_question_may_be_is_read_through() -> None:
    assert together_sides("take " * 800 + "x with y") is None
    assert together_sides("take a" + " " * 3970 + "with b") is None
    assert together_sides("interaction between " + " " * 3970) is None


def test_a_sentence_speaks_of_two_things_together_where_a_word_joins_them() -> None:
    assert speaks_together(_candidate(AVOID), GRAPEFRUIT)
    combined = "Not recommended: combination of aspirin and ibuprofen for long term use."
    assert speaks_together(_candidate(combined, page="Pain"), ASPIRIN)
    # two named as alternatives, or listed after "taking", are not taken together
    listed = "Analgesics such as aspirin, acetaminophen, or ibuprofen may relieve pain."
    assert not speaks_together(_candidate(listed, page="Pain"), ASPIRIN)
    stop = "You may be asked to stop taking drugs such as aspirin, ibuprofen, and warfarin."
    assert not speaks_together(_candidate(stop, page="Surgery"), ASPIRIN)


def test_one_thing_acting_on_the_other_speaks_of_them_together() -> None:
    drowsy = "Alcohol can increase the drowsiness caused by gabapentin."
    assert speaks_together(_candidate(drowsy, page="Epilepsy"), ALCOHOL)
    effect = "Regular use of ibuprofen may interfere with the effect of aspirin on platelets."
    assert speaks_together(_candidate(effect, page="Pain"), ASPIRIN)
    # what a treatment is for is no effect on the other thing
    goal = "Gabapentin may be offered to adults who have a goal of reducing alcohol use."
    assert not speaks_together(_candidate(goal, page="Statement 11"), ALCOHOL)


def test_what_people_have_is_not_taken_with_anything() -> None:
    offered = "Gabapentin may be offered to patients with moderate to severe alcohol use disorder."
    assert not speaks_together(_candidate(offered, page="Alcohol use disorder"), ALCOHOL)
    section = "Gabapentin 300 mg may be taken three times a day."
    page = "Practice guideline for patients with alcohol use disorder"
    assert not speaks_together(_candidate(section, page=page), ALCOHOL)


def test_a_page_on_one_thing_speaks_of_the_other_only_with_a_caution_or_its_effect() -> None:
    bedtime = "Gabapentin can be taken at bedtime."
    assert not speaks_together(_candidate(bedtime, page="Treating alcohol withdrawal"), ALCOHOL)
    tell = "Tell your doctor if you are taking gabapentin."
    assert speaks_together(_candidate(tell, page="Treating alcohol withdrawal"), ALCOHOL)


def test_a_statement_on_one_thing_taken_speaks_of_it_with_the_thing_its_page_is_on() -> None:
    added = "remember that alcohol can add to the drowsiness caused by this medication."
    page = "Are there safety concerns or special precautions about Gabapentin?"
    assert speaks_together(_candidate(added, page=page), ALCOHOL)
    # the page's thing named without the other, or the other named without being taken:
    # nothing together
    assert not speaks_together(_candidate(DOSE), GRAPEFRUIT)
    assert not speaks_together(_candidate("Grapefruit is a citrus fruit eaten raw."), GRAPEFRUIT)


def test_the_two_together_lead_and_one_not_picked_takes_the_place_of_the_weakest() -> None:
    dose, evening, avoid = _candidate(DOSE, 2.0), _candidate(EVENING, 1.5), _candidate(AVOID, 0.5)
    ordered, leading = together_first([dose, evening], [dose, evening, avoid], GRAPEFRUIT)
    assert ordered == [avoid, dose] and leading == 1
    # a question that takes nothing together keeps its statements as they were
    assert together_first([dose, evening], [dose, evening, avoid], ()) == ([dose, evening], 0)


def _composed(frame: Frame, said: tuple[str, ...] = (DOSE, EVENING, RAISES)) -> Answer:
    question = "can I eat grapefruit while taking simvastatin"
    hits = [
        Hit(Passage("p1", "d1", 0, ("Simvastatin",), " ".join(said[:-1])), 1.0),
        Hit(Passage("p2", "d1", 1, ("Simvastatin",), said[-1]), 0.4),
    ]
    documents = {"d1": Document("d1", "d1.md", "Simvastatin", None, None, None, "en",
                                "patient", None, "d1")}  # fmt: skip
    # grapefruit weighs little: read alone, the question is one on simvastatin
    words, weights = ("grapefruit", "simvastatin"), (0.05, 1.0)
    query = replace(
        framed(question, words, frame),
        concepts=tuple(
            (weight, (frozenset(terms(word)),)) for word, weight in zip(words, weights, strict=True)
        ),
    )
    return ExtractiveComposer().compose(query, hits, documents, "patient")


PLAIN = Frame("Simvastatin", "Simvastatin", ("grapefruit",), "general", (), intents=("general",))
TOGETHER = replace(PLAIN, together=("grapefruit", "simvastatin"))


def test_asked_whether_to_take_two_things_together_the_article_leads_with_them_together() -> None:
    assert _composed(PLAIN).bottom_line[0].text != RAISES
    answer = _composed(TOGETHER)
    assert answer.bottom_line[0].text == RAISES
    assert "together" not in (answer.notice or "")


def test_the_title_names_the_two_things_taken_together_where_a_statement_does() -> None:
    assert _composed(TOGETHER).title == "Overview of grapefruit with simvastatin"
    assert "with" not in _composed(PLAIN).title
    # where no statement speaks of the two together, the title promises no such thing
    apart = _composed(TOGETHER, (DOSE, EVENING, "Grapefruit is a citrus fruit eaten raw."))
    assert "with" not in apart.title


def test_where_no_statement_speaks_of_the_two_together_the_notice_says_so() -> None:
    apart = _composed(TOGETHER, (DOSE, EVENING, "Grapefruit is a citrus fruit eaten raw."))
    notice = apart.notice or ""
    assert NOT_TOGETHER % {"one": "'grapefruit'", "other": "'simvastatin'"} in notice
    assert "that is no sign they are safe together" in notice
    assert "together" not in (_composed(PLAIN).notice or "")


def test_the_notice_on_the_two_together_is_said_in_the_reader_s_language() -> None:
    apart = _composed(TOGETHER, (DOSE, EVENING, "Grapefruit is a citrus fruit eaten raw."))
    spanish = localized(apart, "es").notice or ""
    assert "Ninguna afirmación de este artículo habla de 'grapefruit' y 'simvastatin'" in spanish


def test_a_side_nothing_speaks_of_is_named_beside_the_notice_on_the_two_together() -> None:
    # asked of two things, one of them on no line: the reader is told so plainly, and that
    # nothing speaks of the two together
    fruit = ("Grapefruit is a citrus fruit eaten raw.", "Citrus fruits are rich in vitamin C.")
    on_it = replace(TOGETHER, focus=("simvastatin",))
    notice = _composed(on_it, (*fruit, "Grapefruit juice is sold in cartons.")).notice or ""
    assert NOT_TOGETHER % {"one": "'grapefruit'", "other": "'simvastatin'"} in notice
    assert "No statement below speaks of 'simvastatin'." in notice


def test_ask_explain_names_the_two_things_taken_together() -> None:
    question = "can I eat grapefruit while taking simvastatin"
    shown = explain(framed(question, (), TOGETHER), [], {})
    assert "  together:   grapefruit | simvastatin" in shown.splitlines()
    assert "together:" not in explain(framed(question, (), PLAIN), [], {})


def test_the_json_frame_carries_the_two_things_taken_together() -> None:
    assert TOGETHER.as_dict()["together"] == ["grapefruit", "simvastatin"]
    assert PLAIN.as_dict()["together"] == []
