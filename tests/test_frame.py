"""The question's clinical frame read from its wording: intents, qualifiers, populations a
statement may exclude, and the parts of a message that ask."""

from __future__ import annotations

import pytest

from guidecite.frame import (
    asked_part,
    asked_parts,
    intents_of_message,
    names_no_focus,
    question_parts,
)
from guidecite.intents import intent_named, intents_of, workup_asked
from guidecite.patients import (
    excluded_population,
    negated_words,
    other_kind,
    other_severity,
    qualifiers_of,
)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("What is the best course of action for a patient with a raised marker?", "management"),
        ("What dose of methylnaltrexone is given subcutaneously?", "dose"),
        ("How often should the scan be repeated?", "timing"),
        ("What level of exhaled nitric oxide is positive?", "threshold"),
        ("Is it safe to take this drug while breastfeeding?", "contraindication"),
        ("Is ibuprofen safe in pregnancy?", "contraindication"),
        ("what are the side affects of metformin", "contraindication"),
        ("My mom has Alzheimer's; how fast does it progress?", "prognosis"),
        ("Progressive supranuclear palsy: what can be given for it?", "management"),
        ("Which test confirms the diagnosis?", "test"),
        ("What does a raised NSE mean?", "interpretation"),
        ("What is the outlook for this disease?", "prognosis"),
        ("What causes the condition?", "cause"),
        ("How did I get shingles?", "cause"),
        ("how do i get rid of head lice on my kid", "management"),  # getting rid, not getting
        ("Can the disorder be passed down to my children?", "inheritance"),
        ("What is hemochromatosis?", "definition"),
        ("Hemochromatosis", "general"),
        ("Me acaban de diagnosticar hipotiroidismo. ¿Con qué medicamento se trata?", "management"),
        ("What does the guideline say about benzodiazepines for his symptoms?", "management"),
        ("Which targeted combinations are approved for this melanoma?", "management"),
        ("What does an attack feel like?", "symptoms"),
        ("I would like to learn more. Send me any literature you feel I could use.", "definition"),
        ("What blood pressure target is advised?", "threshold"),
    ],
)
def test_the_kind_of_answer_is_read_from_the_grammar_of_the_question(
    question: str, intent: str
) -> None:
    assert intents_of(question)[0].name == intent


def test_a_what_is_question_that_asks_for_more_is_not_a_definition() -> None:
    found = [i.name for i in intents_of("What is the dose of the drug?")]
    assert found[0] == "dose" and "definition" not in found


def test_what_to_do_about_a_result_asks_for_the_tests_that_follow_too() -> None:
    question = "Best course of action for a patient with a history of a tumour and a raised marker?"
    found = [i.name for i in intents_of(question)]
    assert found == ["management", "test", "interpretation"]
    assert workup_asked(found)
    # a result word in a compound names a kind of disease, not a result asked about
    compound = [i.name for i in intents_of("First-line treatment of HER2-positive cancer?")]
    assert "test" not in compound and not workup_asked(compound)
    people = "A study helps HIV positive women into care: what treatment is there?"
    assert "test" not in [i.name for i in intents_of(people)]  # it describes them
    # the meaning of a result alone, or what to do alone, asks for no test
    assert [i.name for i in intents_of("What does a raised marker mean?")] == ["interpretation"]
    assert not workup_asked(["management"])
    assert not workup_asked(["test", "management", "interpretation"])


def test_qualifiers_say_who_the_patient_is() -> None:
    assert qualifiers_of("Subclinical hypothyroidism in a 70-year-old man") == (
        "older adult",
        "male",
    )
    assert qualifiers_of("A 12-year-old starting vaccination") == ("child",)
    assert qualifiers_of("Pregnant woman with CKD stage 4") == (
        "adult",
        "pregnancy",
        "female",
        "kidney function",
    )
    assert qualifiers_of("What is the dose?") == ()


def test_an_age_written_in_words_or_in_months_says_who_the_patient_is() -> None:
    assert qualifiers_of("My son five years old has GM1 gangliosidosis") == ("child",)
    assert qualifiers_of("My father is eighty-three years old") == ("older adult",)
    assert qualifiers_of("My 16 month old son does not sit up") == ("child",)
    assert qualifiers_of("One of my friends is 30 years old") == ("adult",)


def test_a_bare_age_said_of_the_patient_says_who_the_patient_is() -> None:
    assert qualifiers_of("My father has cardiomyopathy. He is 83 now.") == ("older adult",)
    assert qualifiers_of("I'm 56 and have creases in my ear lobes") == ("adult",)
    assert qualifiers_of("She is 5 and coughs at night") == ("child",)
    # a number with a unit is no age
    assert qualifiers_of("He is 5 feet tall and she is 16 months") == ()
    assert qualifiers_of("I am 6 weeks pregnant") == ("pregnancy",)


def test_a_statement_about_a_population_the_question_excludes_is_named() -> None:
    man = ("older adult", "male")
    assert excluded_population("Pregnant women should be offered levothyroxine.", man) in {
        "pregnancy",
        "female",
    }
    assert excluded_population("In children, the dose is weight based.", ("adult",)) == "child"
    assert excluded_population("Adults should be offered the test.", ("older adult",)) is None
    assert excluded_population("Offer the test to everyone.", man) is None
    assert excluded_population("Pregnant women should be offered it.", ()) is None


def test_how_severe_the_condition_is_is_a_qualifier() -> None:
    assert qualifiers_of("Adult with mild intermittent asthma") == ("adult", "mild")
    assert "moderate" in qualifiers_of("Moderate to severe plaque psoriasis: which biologic?")
    assert qualifiers_of("A mildly raised marker") == ()  # how raised, not how ill


def test_a_statement_about_another_degree_of_the_condition_is_named() -> None:
    asked = "Adult with mild intermittent asthma - is a reliever alone acceptable?"
    assert other_severity("Biologics are for severe asthma.", asked) == "severe disease"
    assert other_severity("In moderate-to-severe asthma, add a LAMA.", asked) is not None
    # the degree of something else, or a range that holds the question's own degree
    assert other_severity("Treat severe exacerbations with magnesium.", asked) is None
    assert other_severity("In mild to severe asthma, review inhaler technique.", asked) is None
    assert other_severity("Biologics are for severe asthma.", "What is asthma?") is None


def test_a_statement_about_the_kind_the_question_sets_apart_by_non_is_named() -> None:
    asked = "Non-muscle-invasive bladder cancer after TURBT: what maintenance therapy?"
    muscle = "In muscle-invasive bladder cancer, offer radical cystectomy."
    assert other_kind(muscle, asked) == "muscle-invasive bladder"
    assert other_kind("Give BCG for non-muscle invasive bladder cancer.", asked) is None
    # a comparison names the question's kind too; a statement naming neither is not judged
    both = "Unlike muscle-invasive bladder cancer, non-muscle-invasive bladder cancer recurs."
    assert other_kind(both, asked) is None
    assert other_kind("Intravesical therapy lowers recurrence.", asked) is None
    # and the other way round: asked about the kind, the "non" kind is another one
    small = "What is first-line treatment of small cell lung cancer?"
    assert other_kind("Non-small cell lung cancer is staged by TNM.", small) == ("non-small cell")
    assert other_kind("Small cell lung cancer is staged as limited or extensive.", small) is None


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


def test_spanish_questions_ask_in_spanish_words() -> None:
    assert intents_of("¿Cuándo hay que volver a valorar su riesgo de ictus?")[0].name == "timing"
    assert intents_of("¿Entre qué edades se recomienda el cribado?")[0].name == "timing"
    assert intents_of("¿Qué dosis de metformina se da?")[0].name == "dose"
    assert intents_of("¿Con qué medicamento se trata? Quiero el tratamiento.")[0].name == (
        "management"
    )


def test_what_a_question_excludes_is_set_aside() -> None:
    assert negated_words("How can I lower blood pressure without pills?") == {"pills"}
    assert "anticoagulación" in negated_words("sin otros factores de riesgo y sin anticoagulación")


def test_a_subject_line_names_the_kind_of_answer_first() -> None:
    message = (
        "prevention of preeclampsia: I know that the jury is out on the exact causes, but I "
        "am looking for ways that the chances of acquiring it can be minimized."
    )
    assert intents_of_message(message)[0].name == "prevention"
    assert intents_of_message("What causes it and how is it prevented?")[0].name == "cause"


@pytest.mark.parametrize(
    "question",
    [
        "Newly diagnosed obstructive sleep apnoea in an adult - what is the initial therapy?",
        "I was recently diagnosed with gout. What medicine should I take?",
        "Me acaban de diagnosticar hipotiroidismo. ¿Con qué medicamento se trata?",
    ],
)
def test_a_diagnosis_the_patient_already_has_does_not_ask_for_a_test(question: str) -> None:
    assert [i.name for i in intents_of(question)] == ["management"]


def test_asking_how_something_is_diagnosed_still_asks_for_a_test() -> None:
    assert intents_of("How is lupus diagnosed?")[0].name == "test"
    assert intents_of("I was diagnosed with lupus; how is it diagnosed in children?")[0].name == (
        "test"
    )


def test_a_genetic_disorder_is_not_an_answer_on_inheritance() -> None:
    inheritance = next(i for i in intents_of("Can it be passed on to offspring?"))
    assert inheritance.name == "inheritance"
    assert not inheritance.answers.search("Angelman syndrome is a genetic disorder.")
    assert inheritance.answers.search("Rarely, a genetic change for it can be inherited.")


def test_a_compound_that_grades_the_patient_does_not_ask_the_risk() -> None:
    graded = "High-risk bladder cancer after resection: which maintenance therapy, for how long?"
    assert "risk" not in [i.name for i in intents_of(graded)]
    assert intents_of("What is the risk of stroke in atrial fibrillation?")[0].name == "risk"


def test_a_dose_is_an_amount_or_a_count_of_doses_and_a_concentration_is_not_one() -> None:
    dose = intent_named("dose")
    assert dose.answers.search("Diazoxide 300 to 500 mg/day controls the hypoglycaemia.")
    assert dose.answers.search("A two-dose schedule at least 6 months apart.")
    assert not dose.answers.search("Fasting glucose under 40 mg/dL with a raised insulin.")


def test_a_medicine_named_says_what_to_do_as_a_medication_does() -> None:
    management = intent_named("management")
    assert management.answers.search("Over-the-counter medicines such as loperamide may help.")
    assert management.answers.search("Medication may also be needed to stop the diarrhea.")
    assert not management.answers.search("Diarrhea is loose, watery stools.")
    assert not management.answers.search("Medicinal plants were studied.")


def test_considering_advises_and_a_consideration_does_not() -> None:
    management = intent_named("management")
    assert management.answers.search("Consider a trial of oral steroids.")
    assert management.answers.search("Radiotherapy should be considered for bulky disease.")
    assert not management.answers.search(
        "Ampullary tumors deserve special consideration because they differ clinically."
    )
    assert not management.answers.search("Juvenile disease is considered an intermediate form.")


def test_a_threshold_is_a_value_not_a_count_of_things() -> None:
    threshold = intent_named("threshold")
    assert threshold.answers.search("Regard a level of 40 ppb or more as a positive test.")
    assert threshold.answers.search("Treat when the systolic pressure is above 140.")
    assert not threshold.answers.search("Try to perform at least 2 other objective tests.")


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


def test_a_time_said_without_a_number_offers_a_timing() -> None:
    timing = intent_named("timing")
    assert timing.answers.search(
        "Once the rash has developed crusts, you are no longer contagious."
    )
    assert not timing.answers.search("The rash is painful and may itch.")
