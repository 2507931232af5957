"""The question's frame: the parts of a message that ask, the part asking for a value, and
words that name no focus."""

from __future__ import annotations

from guidecite.frame import (
    SENDS_NOTHING,
    TO_READ,
    asked_part,
    asked_parts,
    asking_clauses,
    compared_sides,
    form_message,
    intents_of_message,
    names_no_focus,
    names_subject,
    question_parts,
)
from guidecite.intents import intent_named
from guidecite.query import cue_words, read_frame


def test_a_long_message_asks_in_its_subject_line_and_asking_sentences() -> None:
    message = (
        "insomnia: What can I give my father to help him sleep? He said he will take "
        "whatever we bring him from the pharmacy. He is not on any medication and he is "
        "not allergic to anything at all that we know of. He walks every day and eats well "
        "and his doctor is happy with him."
    )
    head, asking = question_parts(message)
    assert head == "insomnia"
    assert asking == "What can I give my father to help him sleep?"
    assert asked_parts(message) == "insomnia What can I give my father to help him sleep?"


def test_a_short_message_is_all_question() -> None:
    assert question_parts("My long COVID fatigue is worse. Should I exercise?") == (
        "",
        "My long COVID fatigue is worse. Should I exercise?",
    )
    assert question_parts("CITROBACTER FREUNDII. Does ciprofloxacin work?") == (
        "CITROBACTER FREUNDII",
        "Does ciprofloxacin work?",
    )


def test_words_about_the_patient_or_the_kind_of_answer_are_no_focus() -> None:
    assert names_no_focus("70-year-old") and names_no_focus("father")
    assert names_no_focus("treatment") and names_no_focus("dose") and names_no_focus("safe")
    assert not names_no_focus("enolase")
    # a subject is no number either, though a name may hold digits
    assert names_subject("enolase") and names_subject("BRCA1") and names_subject("T315I")
    assert not names_subject("102") and not names_subject("45-year-old")
    assert not names_subject("father") and not names_subject("dose")
    # nor are the words of a phrase that asks for a kind of answer, though alone they do not
    asked = "Can a person with Angelman syndrome have children? Can it be passed on to them?"
    assert cue_words(asked) == ("passed",)
    assert cue_words("Does it run in families?") == ("run",)
    # a word the phrase's gap takes in is what the question asks about
    assert cue_words("What first-medical-contact-to-device time should we aim for?") == ("time",)
    assert cue_words("How long can someone with leukemia live?") == ("long", "live")
    # and the frame's focus leaves them out
    words = ("Angelman", "syndrome", "passed", "offspring")
    concepts = tuple(
        (weight, (frozenset({w.casefold()}),))
        for w, weight in zip(words, (9, 3, 6, 5), strict=True)
    )
    focus = read_frame(
        "Can Angelman syndrome be passed on to offspring?", words, concepts, ()
    ).focus
    assert "passed" not in focus and "Angelman" in focus


def test_what_a_question_sets_aside_is_no_focus() -> None:
    asked = "STEMI patient without heart failure or shock - when should a beta blocker start?"
    words = ("STEMI", "heart", "failure", "shock", "beta", "blocker")
    concepts = tuple(
        (weight, (frozenset({w.casefold()}),))
        for w, weight in zip(words, (6.5, 3.0, 3.3, 5.4, 4.3, 5.3), strict=True)
    )
    focus = read_frame(asked, words, concepts, ()).focus
    assert "shock" not in focus and "failure" not in focus
    assert "blocker" in focus


def test_a_subject_line_names_the_kind_of_answer_first() -> None:
    message = (
        "prevention of preeclampsia: I know that the jury is out on the exact causes, but I "
        "am looking for ways that the chances of acquiring it can be minimized."
    )
    assert intents_of_message(message)[0].name == "prevention"
    assert intents_of_message("What causes it and how is it prevented?")[0].name == "cause"


def test_the_chances_of_a_patient_who_has_the_condition_are_its_outlook() -> None:
    diagnosed = "my mother was diagnosed with stage 2 breast cancer, what are her chances"
    assert [i.name for i in intents_of_message(diagnosed)] == ["prognosis"]
    # the chance of something named, or without a diagnosis, is still a risk
    pregnant = "I was diagnosed with Klinefelter syndrome. What is the chance of getting pregnant?"
    assert intents_of_message(pregnant)[0].name == "risk"
    assert intents_of_message("What are my chances? My sister has lupus.")[0].name == "risk"


def test_the_kinds_of_answer_are_read_from_what_the_message_asks_not_its_story() -> None:
    veteran = (
        "Veteran with PTSD requests alprazolam for his symptoms. What does the VA/DoD "
        "guideline say about benzodiazepines in PTSD?"
    )
    assert [i.name for i in intents_of_message(veteran)] == ["management"]
    itching = (
        "At night, I have very bad lower leg skin itching. Is this being caused by any of my "
        "prescriptions?"
    )
    assert [i.name for i in intents_of_message(itching)] == ["cause"]
    # where what it asks names no kind of answer, the story says which
    carriers = "My husband and I both carry the sickle cell gene. Will our baby have it?"
    assert [i.name for i in intents_of_message(carriers)] == ["inheritance"]
    # what the writer says they know, set against what they ask by ", but", is story
    known = "I know the symptoms of a stroke, but how is it treated?"
    assert [i.name for i in intents_of_message(known)] == ["management"]
    assert asking_clauses(known) == "but how is it treated?"
    message = (
        "prevention of preeclampsia: I know that the jury is out on the exact causes, but I "
        "am looking for ways that the chances of acquiring it can be minimized."
    )
    assert "cause" not in [i.name for i in intents_of_message(message)]
    # "but also", "not only ... but", and a "but" after no knowing add to what is asked
    also = "I'd like to know the symptoms of a stroke, but also how is it treated?"
    assert [i.name for i in intents_of_message(also)] == ["management", "symptoms"]
    only = "Not only the causes of preeclampsia, but how can it be prevented?"
    assert "cause" in [i.name for i in intents_of_message(only)]
    steroids = "Lupus is treated with steroids, but for how long?"
    assert asking_clauses(steroids) == steroids


def test_the_part_of_a_question_that_asks_for_a_value_is_read_apart() -> None:
    question = "Which airway test should be offered, and what level is positive?"
    assert asked_part(intent_named("threshold"), question) == "is positive"
    assert asked_part(intent_named("dose"), "What hydrocortisone daily dose and timing?") == (
        "What hydrocortisone daily"
    )
    assert asked_part(intent_named("timing"), "What level is positive?") == ""


def test_an_asking_sentence_may_open_with_so_and_or_but() -> None:
    message = (
        "I had an infection six months ago and my left leg has been swollen since then. "
        "I have seen many doctors for this problem and they say I have to live with it. "
        "So please suggest me a treatment if any is available."
    )
    assert question_parts(message)[1] == "So please suggest me a treatment if any is available."


def test_a_request_put_politely_is_an_asking_sentence() -> None:
    message = (
        "I would appreciate it if you can send me some exercises for a person who is a "
        "stroke victim. I am unable to walk due to an arthritic knee. Otherwise I am "
        "flexible and I walk with a stick to the shops and back every day of the week."
    )
    assert question_parts(message)[1] == (
        "I would appreciate it if you can send me some exercises for a person who is a "
        "stroke victim."
    )
    assert question_parts(
        "We would be grateful for any advice on feeding. Our son is two and has had a "
        "feeding tube since birth; he eats a little by mouth and we have tried many things "
        "with his team at the hospital over the last year without much change at all."
    )[1] == ("We would be grateful for any advice on feeding.")


def test_a_name_that_holds_digits_is_a_focus_and_a_number_is_not() -> None:
    words = ("CML", "nilotinib", "T315I", "45-year-old", "2016", "TKI")
    concepts = tuple(
        (weight, (frozenset({w.casefold()}),))
        for w, weight in zip(words, (6, 7, 9, 8, 8, 5), strict=True)
    )
    asked = "CML on nilotinib since 2016 in a 45-year-old; now T315I. Which TKI still has activity?"
    focus = read_frame(asked, words, concepts, ()).focus
    assert focus[0] == "T315I"
    assert "45-year-old" not in focus and "2016" not in focus
    # nor is a web address the message came from
    words = ("ClinicalTrials.gov", "obesity", "help")
    concepts = tuple(
        (weight, (frozenset({w.casefold()}),)) for w, weight in zip(words, (9, 5, 2), strict=True)
    )
    asked = "ClinicalTrials.gov - Question: I would like info on obesity and help"
    assert "ClinicalTrials.gov" not in read_frame(asked, words, concepts, ()).focus


def test_a_web_form_s_record_is_read_for_the_fields_that_ask() -> None:
    record = (
        "Date and Time of Contact: Mon, 19 Jan 2015 19:48:21 GMT Application: entrez "
        "Database: pubmed SessionId: 39700B4F MyNCBI UserName: Browser's user agent header: "
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_10) AppleWebKit/600.1.25 (KHTML, like Gecko) "
        "Message Body: how are you 100% sure if you have asthma?"
    )
    assert form_message(record) == "how are you 100% sure if you have asthma?"
    # a subject line, or a form's one or two fields, is read whole
    for message in (
        "Child with a cold: how long must nasal discharge persist?",
        "Subject: asthma Message: how sure can I be that I have it?",
        "taking multiple meds: Plavix,linisopril,simvastatin,melotonin: What side effects?",
    ):
        assert form_message(message) == message
    # a record none of whose fields asks is read whole too
    told = "Name: Ann Date: Monday Topic: Asthma Note: I have had asthma for years."
    assert form_message(told) == told


def test_a_request_for_something_to_read_is_pointed_to_the_pages_the_article_cites(
    library,  # type: ignore[no-untyped-def]
) -> None:
    from guidecite.answer import answer
    from guidecite.render._common import localized

    mailed = answer("Please mail me literature on colorectal cancer screening.", library)
    where = answer("Where could I find more information on colorectal cancer screening?", library)
    plain = answer("Why is colorectal cancer screening done?", library)
    opening = TO_READ.split("%")[0]
    for asked in (mailed, where):
        assert asked.statements and asked.references
        assert asked.notice is not None and opening in asked.notice
        assert all(ref.title in asked.notice for ref in asked.references)
    assert mailed.notice is not None and SENDS_NOTHING in mailed.notice
    assert where.notice is not None and SENDS_NOTHING not in where.notice
    assert plain.statements and opening not in (plain.notice or "")
    # in Spanish, the words are translated and the pages' titles kept
    spanish = localized(mailed, "es").notice or ""
    assert "Para leer más" in spanish and opening not in spanish
    assert all(ref.title in spanish for ref in mailed.references)


def test_two_things_a_question_compares_are_read_as_it_names_them() -> None:
    assert compared_sides("what is the difference between a cold and the flu") == ("cold", "flu")
    assert compared_sides("Crohn's disease vs ulcerative colitis - how are they different?") == (
        "Crohn's disease",
        "ulcerative colitis",
    )
    assert compared_sides("Is a heart attack the same thing as cardiac arrest?") == (
        "heart attack",
        "cardiac arrest",
    )
    assert compared_sides("How is a migraine different from a tension headache?") == (
        "migraine",
        "tension headache",
    )
    # a letter or a number after a word is part of its name; a side read back from "vs" or
    # "preferred over" starts after the words that cannot be part of one
    assert compared_sides("what is the difference between hepatitis A and hepatitis B") == (
        "hepatitis A",
        "hepatitis B",
    )
    assert compared_sides("In atrial fibrillation, are DOACs preferred over warfarin?") == (
        "DOACs",
        "warfarin",
    )
    # a subject line is read apart from what the message asks after it
    assert compared_sides("Type 1 versus type 2 infarction: what distinguishes them?") == (
        "Type 1",
        "type 2 infarction",
    )
    # a subject line's side ends at its colon; "compare and contrast" asks the same
    assert compared_sides("Cold vs. flu: which one do I have?") == ("Cold", "flu")
    assert compared_sides("compare and contrast cold and flu") == ("cold", "flu")
    assert compared_sides("Is ibuprofen safer than naproxen for my stomach?") == (
        "ibuprofen",
        "naproxen",
    )
    # "better than" in a story, three things, or a side of only small words: nothing compared
    assert compared_sides("I feel better than yesterday, what should I do?") is None
    assert compared_sides("My mother is doing better than before after chemo, what next?") is None
    assert compared_sides("difference between a cold and flu and covid") is None
    assert compared_sides("Hepatitis A vs. B") is None
    # a message as long as a question may be is read through
    assert compared_sides("difference between a and b" + " " * 3970 + "x") is None
    assert compared_sides("vs " * 1300) is None
    # a difference something makes, or one asked in a respect with no two things, compares
    # nothing
    assert compared_sides("does it make a difference if I take my thyroid pill with food") is None
    assert compared_sides("What is the difference in survival after surgery?") is None
    assert compared_sides("what is type 2 diabetes") is None
    words = ("difference", "cold", "flu")
    frame = read_frame("difference between a cold and the flu", words, (), ())
    assert frame.compared == ("cold", "flu") and frame.as_dict()["compared"] == ["cold", "flu"]
