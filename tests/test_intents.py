"""The kinds of answer a question asks for, read from its wording, and the cues by which a
statement offers each."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from guidecite.frame import names_no_focus
from guidecite.intents import (
    as_asked,
    asks_of_care,
    asks_use,
    care_asked,
    care_named,
    intent_named,
    intents_of,
    says_how_long,
    workup_asked,
)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("What is the best course of action for a patient with a raised marker?", "management"),
        ("What dose of methylnaltrexone is given subcutaneously?", "dose"),
        ("How often should the scan be repeated?", "timing"),
        ("Between which ages is screening advised?", "timing"),
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
        ("My skin itches at night. What could it be?", "cause"),
        ("How is hepatitis B spread?", "cause"),  # how one gets it from another
        ("Is psoriasis contagious?", "cause"),
        ("how do i get rid of head lice on my kid", "management"),  # getting rid, not getting
        ("My mother has this condition. Is there anything that can be done for her?", "management"),
        ("Is there anything we can do to help the symptoms?", "management"),
        ("Is there something I could do about it?", "management"),
        ("What tests can be done for it?", "test"),  # done to test, not to treat
        ("how are you 100% sure if you have asthma?", "test"),  # how to know it
        ("How can I be certain that I have it?", "test"),
        ("Can the disorder be passed down to my children?", "inheritance"),
        ("What is hemochromatosis?", "definition"),
        ("Hemochromatosis", "general"),
        ("Me acaban de diagnosticar hipotiroidismo. ¿Con qué medicamento se trata?", "management"),
        ("What does the guideline say about benzodiazepines for his symptoms?", "management"),
        ("Which targeted combinations are approved for this melanoma?", "management"),
        ("What does an attack feel like?", "symptoms"),
        ("I would like to learn more. Send me any literature you feel I could use.", "definition"),
        ("What blood pressure target is advised?", "threshold"),
        # who is to have a treatment, not what the treatment is; a test's are a test's
        ("What are the indications for thrombolysis in this stroke?", "management"),
        ("What are the indications for imaging in this back pain?", "test"),
        ("How is this infection eradicated?", "management"),
    ],
)
def test_the_kind_of_answer_is_read_from_the_grammar_of_the_question(
    question: str, intent: str
) -> None:
    assert intents_of(question)[0].name == intent


def test_asked_to_explain_how_something_acts_is_no_definition() -> None:
    effects = "kindly explain the general effects of smoking or rather the effects of nicotine"
    assert "definition" not in [i.name for i in intents_of(effects)]
    link = [i.name for i in intents_of("Can you explain the link between PTSD and IBS?")]
    assert "definition" not in link
    assert intents_of("Please explain Lewy body dementia to me.")[0].name == "definition"


def test_a_what_is_question_that_asks_for_more_is_not_a_definition() -> None:
    found = [i.name for i in intents_of("What is the dose of the drug?")]
    assert found[0] == "dose" and "definition" not in found


def test_a_cue_inside_a_longer_cue_of_another_kind_is_read_as_the_longer_one() -> None:
    # what to do to keep something from happening, not what to keep away from
    prevent = [i.name for i in intents_of("My leg is swelling. What can I do to avoid swelling?")]
    assert "prevention" in prevent and "contraindication" not in prevent
    assert "contraindication" not in [i.name for i in intents_of("How can I avoid getting flu?")]
    # what to keep away from stays a caution
    assert intents_of("Which foods should I avoid on warfarin?")[0].name == "contraindication"
    # a count of doses in a schedule is its timing, not a dose
    assert [i.name for i in intents_of("How many doses does a child need?")] == ["timing"]
    both = [i.name for i in intents_of("What dose does a child need, and how often?")]
    assert both == ["dose", "timing"]
    # how long someone can live is the outlook, however many words come between
    survive = "How long can someone with leukemia expect to live?"
    assert [i.name for i in intents_of(survive)] == ["prognosis"]


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


def test_when_someone_should_have_care_asks_who_is_to_have_it_then_when() -> None:
    question = "When should a patient with melanoma have sentinel lymph node biopsy?"
    assert [i.name for i in intents_of(question)] == ["management", "timing"]
    offered = "When should adults be offered a flu vaccine?"
    assert [i.name for i in intents_of(offered)][:2] == ["management", "timing"]
    # asked only when something happens, it asks only when
    assert [i.name for i in intents_of("When does the rash of shingles go away?")] == ["timing"]


def test_spanish_questions_ask_in_spanish_words() -> None:
    assert intents_of("¿Cuándo hay que volver a valorar su riesgo de ictus?")[0].name == "timing"
    assert intents_of("¿Entre qué edades se recomienda el cribado?")[0].name == "timing"
    assert intents_of("¿Qué dosis de metformina se da?")[0].name == "dose"
    assert intents_of("¿Con qué medicamento se trata? Quiero el tratamiento.")[0].name == (
        "management"
    )


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
    # investigating a condition is testing for it; a drug under investigation is not
    assert intents_of("How should a first seizure in an adult be investigated?")[0].name == "test"
    assert "test" not in {i.name for i in intents_of("Are there investigational drugs for ALS?")}
    testing = intent_named("test").answers
    assert testing.search("Investigations should include an ECG.")
    assert not testing.search("The investigators enrolled 40 patients.")


def test_a_genetic_disorder_is_not_an_answer_on_inheritance() -> None:
    inheritance = next(i for i in intents_of("Can it be passed on to offspring?"))
    assert inheritance.name == "inheritance"
    assert not inheritance.answers.search("Angelman syndrome is a genetic disorder.")
    assert inheritance.answers.search("Rarely, a genetic change for it can be inherited.")


def test_whether_to_get_tested_asks_for_a_test() -> None:
    assert intents_of("should everyone get tested for hepatitis c")[0].name == "test"
    assert intents_of("should my kids be tested for it")[0].name == "test"
    # a test the patient had is the story, not what is asked
    assert intents_of("I was tested positive for strep, what does it mean?")[0].name != "test"


def test_what_a_condition_causes_is_no_answer_on_its_causes() -> None:
    cause = intent_named("cause")
    assert intents_of("Can a bladder infection cause cervical cancer?")[0] == cause
    assert not cause.answers.search("Cervical cancer may not cause any symptoms at first.")
    assert not cause.answers.search("Cysts compress the nerves and cause symptoms such as pain.")
    assert cause.answers.search("Almost all cervical cancers are caused by HPV.")
    assert cause.answers.search("The causes of symptoms vary.")
    assert cause.answers.search("HPV can cause cancer.")


def test_a_compound_that_grades_the_patient_does_not_ask_the_risk() -> None:
    graded = "High-risk bladder cancer after resection: which maintenance therapy, for how long?"
    assert "risk" not in [i.name for i in intents_of(graded)]
    assert intents_of("What is the risk of stroke in atrial fibrillation?")[0].name == "risk"


def test_a_dose_is_an_amount_or_a_count_of_doses_and_a_concentration_is_not_one() -> None:
    dose = intent_named("dose")
    assert dose.answers.search("Diazoxide 300 to 500 mg/day controls the hypoglycaemia.")
    assert dose.answers.search("A two-dose schedule at least 6 months apart.")
    assert not dose.answers.search("Fasting glucose under 40 mg/dL with a raised insulin.")
    # a unit spelled out, as pages for patients write it
    assert dose.answers.search("Experts recommend 800 to 1,000 international units a day.")
    assert dose.answers.search("Most adults need 1,200 milligrams of calcium a day.")
    assert not dose.answers.search("Calcium keeps bones strong.")
    # ... not a concentration, nor a weight, spelled out
    assert not dose.answers.search("A fasting sugar of 100 to 125 milligrams per deciliter.")
    assert not dose.answers.search("Infants with a birth weight less than 1,500 grams.")
    assert not dose.answers.search("Fasting glucose under 100 mg / dL.")


def test_a_medicine_named_says_what_to_do_as_a_medication_does() -> None:
    management = intent_named("management")
    assert management.answers.search("Over-the-counter medicines such as loperamide may help.")
    assert management.answers.search("Medication may also be needed to stop the diarrhea.")
    assert not management.answers.search("Diarrhea is loose, watery stools.")
    assert not management.answers.search("Medicinal plants were studied.")


def test_what_a_result_means_comes_before_the_test_that_gave_it() -> None:
    names = [i.name for i in intents_of("what does a high TSH number mean on my blood test")]
    assert names[:2] == ["interpretation", "test"]
    # asked which test, the test stays first
    which = intents_of("Which test should be done, and what does a positive result mean?")
    assert which[0].name == "test"


def test_a_time_asked_as_how_often_is_given_by_how_often() -> None:
    timing = intent_named("timing")
    often = as_asked(timing, "How often should a patient with Barrett's esophagus have endoscopy?")
    assert often.answers.search("Endoscopic surveillance is recommended every 5 years.")
    assert often.answers.search("Review the plan annually.")
    assert not often.answers.search("4% of those with symptoms for less than 1 year had it.")
    # asked when or how long, any time gives it
    when = as_asked(timing, "How long should anticoagulation continue?")
    assert when.answers.search("Continue for at least 3 months.")


def test_a_time_asked_as_how_long_is_given_by_a_span_in_words_too() -> None:
    timing = intent_named("timing")
    long = as_asked(timing, "how long does shingles pain last after the rash goes away")
    for said in (
        "The pain of shingles may last for weeks, months, or even years after it heals.",
        "In most patients, the pain usually clears up in a few weeks or months.",
        "It may take a few weeks to many months to heal completely.",
        "Continue for at least 3 months.",
    ):
        assert long.answers.search(said), said
    assert long.answers.search("Symptoms last about a week.")
    # when it starts, years that are no span of it, or "last" before a noun, is not how
    # long it lasts
    for said in (
        "Symptoms may start days or weeks after the injury.",
        "For many years, scientists believed that migraines were linked to blood vessels.",
        "Over the last several years, guidance on aspirin has changed.",
        "In the last few weeks of pregnancy the baby gains weight.",
    ):
        assert not long.answers.search(said), said
    # asked when, a span in words gives no time
    when = as_asked(timing, "When should a patient with a thyroid nodule have a biopsy?")
    assert not when.answers.search("It may take a few weeks to heal.")
    # how long it lasts or takes, in words or numbers, says how long; a time to act does not
    assert says_how_long(long, "The pain may last for weeks, months, or even years.")
    assert says_how_long(long, "Attacks lasting 4-72 hours if untreated.")
    assert says_how_long(long, "The blisters clear up within 2 to 4 weeks.")
    assert says_how_long(long, "A TIA usually lasts less than 5 minutes.")
    assert says_how_long(long, "The rash lasts for two to four weeks.")
    assert says_how_long(long, "It can take up to 6 weeks to heal.")
    for act in (
        "See your provider within 72 hours of the first sign.",
        "Contact a healthcare provider within 72 hours.",
        "Antiviral medicines work best when taken within 72 hours of the rash.",
        "Take 1 tablet every 8 hours.",
        "Healthy adults 50 years and older should get the vaccine.",
        "It takes place 2 weeks after exposure.",
        "In her last 2 weeks of pregnancy the baby gains weight.",
        "The reduction persisted during the 6 months of follow-up.",
        "The reduction persisted at 12 months follow-up.",
    ):
        assert not says_how_long(long, act), act
    # how long until something is a time, not how long something lasts
    until = as_asked(timing, "How long after exposure do flu symptoms appear?")
    assert not says_how_long(until, "Flu symptoms usually last 5 to 7 days.")
    wait = as_asked(timing, "how long should I wait to get pregnant after a miscarriage")
    assert not says_how_long(wait, "Bleeding may last 1 to 2 weeks.")
    assert not says_how_long(when, "It may take a few weeks to heal.")


def test_what_to_look_for_or_expect_is_no_decision() -> None:
    asked = intents_of("What does Fabry disease feel like, what symptoms should I look for?")
    assert [i.name for i in asked] == ["symptoms"]
    assert intents_of("What can I expect with Parkinson disease?")[0].name != "management"
    assert intents_of("Should I take aspirin?")[0].name == "management"


def test_how_to_get_information_asks_no_cause() -> None:
    assert intents_of("How did I get shingles?")[0].name == "cause"
    assert intents_of("How can I get information on CLL sent to me?")[0].name != "cause"
    assert intents_of("How do you get rid of warts?")[0].name == "management"


def test_what_a_guideline_prefers_is_what_to_do() -> None:
    management = intent_named("management")
    assert management.answers.search("In children, US is the preferred initial examination.")
    assert management.answers.search("Track 1 (Preferred): Reliever is as-needed ICS-formoterol.")
    assert not management.answers.search("Imaging tests may also help diagnose appendicitis.")


def test_considering_advises_and_a_consideration_does_not() -> None:
    management = intent_named("management")
    assert management.answers.search("Consider a trial of oral steroids.")
    assert management.answers.search("Radiotherapy should be considered for bulky disease.")
    assert not management.answers.search(
        "Ampullary tumors deserve special consideration because they differ clinically."
    )
    assert not management.answers.search("Juvenile disease is considered an intermediate form.")


def test_what_is_added_to_a_treatment_asks_what_to_do_and_attention_deficit_disorder_not():
    management = intent_named("management")
    assert management.asks.search("His sugars are high on metformin. What is usually added next?")
    assert management.asks.search("Is an add-on drug needed?")
    assert not management.asks.search("My son was diagnosed with ADD last year.")
    assert management.asks.search("Which drug should be added to metformin?")
    assert not management.asks.search("Why is salt added to so many foods?")


def test_asked_what_not_to_take_with_something_the_question_asks_for_cautions() -> None:
    for question in (
        "what should I not take with warfarin",
        "what medicines should I not mix with gabapentin",
        "what can't I eat while on metformin",
    ):
        assert intents_of(question)[0].name == "contraindication", question
    # a story of what one cannot do asks nothing of the kind, nor does a question that
    # does not ask what
    assert "contraindication" not in [
        i.name for i in intents_of("I can't eat since chemo, what should I do?")
    ]
    assert "contraindication" not in [i.name for i in intents_of("Can't I take it at night?")]


def test_a_risk_lowered_is_no_caution() -> None:
    cautions = intent_named("contraindication")
    assert cautions.answers.search("Drinking alcohol increases the risk of lactic acidosis.")
    assert cautions.answers.search("There is a risk of bleeding.")
    assert not cautions.answers.search("Metformin can reduce the risk of type 2 diabetes.")
    assert not cautions.answers.search("Aspirin lowers the risk of stroke.")
    assert not cautions.answers.search("The metformin group reduced the risk of diabetes.")
    assert not cautions.answers.search("Exercise can reduce your risk of heart disease.")
    assert not cautions.answers.search("It carries a lower risk of bleeding.")


def test_what_makes_a_condition_worse_is_what_to_avoid() -> None:
    cautions = intent_named("contraindication")
    assert cautions.answers.search("Specific foods worsen the symptoms of gout.")
    assert cautions.answers.search("Eating foods rich in purines can aggravate gout.")
    assert cautions.answers.search("Cold air can make asthma worse.")
    assert cautions.answers.search("Smoke is a common trigger of attacks.")
    assert not cautions.answers.search("Most people recover in a week.")


def test_an_instruction_to_the_reader_says_what_to_do_and_a_question_or_caution_does_not():
    management = intent_named("management")
    assert management.answers.search("Do drink water or sugarless drinks often.")
    assert management.answers.search(
        "In the meantime, you can take steps: Do activities that distract you from the itch."
    )
    assert not management.answers.search("Do you have information about Iron")
    assert not management.answers.search("Do these tumours spread to the liver?")
    assert not management.answers.search("Do not rub the skin.")
    assert not management.answers.search("Most people do well without it.")
    # what the reader may try, and what soothes
    assert management.answers.search(
        "To soothe itchy skin, you can try cold compresses, lotions and lukewarm baths."
    )
    assert management.answers.search("Some people may try to hide the rash.") is None
    # the things the reader can do
    assert management.answers.search(
        "Things you can do include sipping water and chewing sugarless gum."
    )
    assert management.answers.search("There are steps you can take to ease the itch.")
    assert management.answers.search("Things that happen to you can make it worse.") is None


def test_starting_a_treatment_advises_and_what_starts_on_its_own_does_not() -> None:
    management = intent_named("management")
    assert management.answers.search("Start metformin at a low dose.")
    assert management.answers.search("The starting dose is 500 mg.")
    assert management.answers.search("Treatment should be started early.")
    assert not management.answers.search(
        "Without enough iron, your body starts using the iron it has stored."
    )
    assert not management.answers.search("The disease often starts in middle age.")


def test_a_cue_is_not_read_inside_another_word() -> None:
    named = intent_named
    assert not named("management").answers.search("She has pain in her shoulders.")
    assert not named("management").answers.search("A marked startle reflex.")
    assert not named("symptoms").answers.search("It can cause significant disability.")
    assert not named("test").answers.search("Supplemental testosterone may help.")
    assert not named("test").answers.search("For example, they cannot read road signs at night.")
    assert not named("monitoring").answers.search("Everyone should know the warning signs.")
    assert not named("test").answers.search("Testicular cancer is rare in older men.")
    assert not named("test").answers.search("Scandinavian registries followed the patients.")
    assert not named("symptoms").answers.search("A gene expression signature predicts relapse.")
    assert not named("contraindication").answers.search("Safeguarding children is everyone's duty.")
    assert not named("prognosis").answers.search("Curettage removes the lesion.")
    assert not named("cause").answers.search("All-cause mortality fell; results indicated a gain.")
    assert named("cause").answers.search("Untreated, it results in liver damage.")
    assert named("management").answers.search("You should take it with food.")
    assert named("symptoms").answers.search("Signs of infection include fever.")
    assert named("test").answers.search("A blood test measures the level.")
    assert named("monitoring").answers.search("Repeat the scan every 6 months.")


def test_what_a_reader_can_do_about_it_offers_what_to_do() -> None:
    management = intent_named("management")
    assert management.answers.search(
        "You can reduce the amount of gas you have by drinking lots of water."
    )
    assert management.answers.search("In many cases, you can relieve insomnia by exercising.")
    assert not management.answers.search(
        "Signals go from the spinal cord to the ones you can control, like in your arms."
    )


def test_what_helps_said_plainly_offers_what_to_do() -> None:
    management = intent_named("management")
    assert management.answers.search(
        "Having good dental habits, like brushing and flossing regularly, help fight bad breath."
    )
    assert management.answers.search("Cool compresses help relieve the itching.")
    assert management.answers.search("To help relieve itching, apply a cool compress.")
    # what the body does, or what a test is for, is no care
    assert not management.answers.search(
        "They help prevent the digestive tract from absorbing cholesterol."
    )
    assert not management.answers.search("White blood cells help fight infection.")
    assert not management.answers.search("White blood cells can help fight infections.")
    assert not management.answers.search("Blood tests help find the cause.")


def test_a_threshold_is_a_value_not_a_count_of_things() -> None:
    threshold = intent_named("threshold")
    assert threshold.answers.search("Regard a level of 40 ppb or more as a positive test.")
    assert threshold.answers.search("Treat when the systolic pressure is above 140.")
    assert threshold.answers.search("Treat when the level is above 40 parts per billion.")
    assert not threshold.answers.search("Try to perform at least 2 other objective tests.")


def test_a_target_made_looser_for_a_patient_offers_a_threshold() -> None:
    threshold = intent_named("threshold")
    assert threshold.answers.search(
        "Consider relaxing the target HbA1c level on a case-by-case basis for people who are"
        " older or frail."
    )
    assert threshold.answers.search("A less stringent A1C goal may be appropriate.")
    assert threshold.answers.search("An individualized HbA1c target should be agreed.")
    assert threshold.answers.search("A more stringent A1C goal may be reasonable.")
    # nor muscle relaxants, goals of care, or the verb
    assert not threshold.answers.search("Muscle relaxants target the nerves.")
    assert not threshold.answers.search("Discuss individualized goals of care.")
    assert not threshold.answers.search("Individualized therapies target specific mutations.")
    # a target named without its value, or a target of another kind, gives none; nor
    # does a target's value without a unit, which is often of other patients ("warfarin
    # (target INR 2.5) ... in patients with rheumatic mitral valve disease", asked about a
    # mechanical valve)
    assert not threshold.answers.search(
        "The target INR should depend upon type and position of valve."
    )
    assert not threshold.answers.search(
        "Long term warfarin prophylaxis (target INR 2.5, range 2.0-3.0) is recommended."
    )
    assert not threshold.answers.search("Targeted therapy with 2 drugs is an option.")
    assert not threshold.answers.search("Target Population: adults with type 2 diabetes.")


def test_a_time_said_without_a_number_offers_a_timing() -> None:
    timing = intent_named("timing")
    assert timing.answers.search(
        "Once the rash has developed crusts, you are no longer contagious."
    )
    assert not timing.answers.search("The rash is painful and may itch.")


def test_how_a_disease_spreads_from_one_to_another_is_its_cause() -> None:
    cause = intent_named("cause")
    assert cause.answers.search("HPV is a common virus that is spread through sexual intercourse.")
    assert cause.answers.search("Once the rash has crusted, you are no longer contagious.")
    assert not cause.answers.search("The extent or spread of cancer is described as stages.")
    assert not cause.answers.search("The fungus grows and spreads in the groin area.")


def test_people_named_by_their_age_are_no_time() -> None:
    timing = intent_named("timing")
    assert not timing.answers.search("It is most common in 60- to 80-year-olds.")
    assert not timing.answers.search("A 45-year-old man with chest pain.")
    assert timing.answers.search("Screen adults aged 50 to 75 years.")
    assert timing.answers.search("Repeat after 2 weeks.")


def test_a_statement_on_who_should_be_tested_says_which_test_not_what_to_do() -> None:
    management = intent_named("management")
    assert not management.answers.search(
        "People with high cholesterol should be tested for hypothyroidism."
    )
    assert management.answers.search("People with hypothyroidism should take thyroid hormone.")
    assert intent_named("test").answers.search(
        "People with high cholesterol should be tested for hypothyroidism."
    )


def test_a_question_asks_about_one_kind_of_care_only_where_all_it_asks_is_of_that_kind() -> None:
    assert care_asked(("management",)) == "intervention"
    assert care_asked(("dose", "contraindication")) == "intervention"
    assert care_asked(("test", "interpretation")) == "diagnosis"
    # what to do about a result asks for the tests that follow too: both kinds
    assert care_asked(("management", "test", "interpretation")) is None
    # a time, a threshold or what something is may be about either kind, or neither
    assert care_asked(("timing", "management")) is None
    assert care_asked(("definition",)) is None
    assert care_asked(()) is None


def test_the_deepest_heading_that_names_a_kind_of_care_places_a_passage() -> None:
    title = "Diagnosis and management of asthma"
    assert care_named(("Recommendations", "Pharmacological treatment", "Adults"), title) == {
        "intervention"
    }
    assert care_named(("How to diagnose Asthma ?",), "Asthma") == {"diagnosis"}
    # no heading names one: the title places it
    assert care_named(("Recommendations", "Adults"), title) == {"diagnosis", "intervention"}
    assert care_named(("What is (are) Asthma ?",), "Asthma") == frozenset()
    # screening is a preventive service: prevention is both kinds
    assert care_named((), "Preventive services for children") == {"diagnosis", "intervention"}


def test_an_outlook_is_also_said_as_the_course_over_time() -> None:
    outlook = intent_named("prognosis").answers
    for course in (
        "The vision problems are congenital. They tend to remain stable (stationary) over time.",
        "Left untreated, Whipple disease gets worse and is usually life threatening.",
        "The disorder worsens with age, progressively damaging the liver.",
        "Essential tremor does not shorten the lifespan.",
        "Death often results from respiratory failure within 2 to 10 years after onset.",
        "A breathing machine can help, but most people with ALS die from respiratory failure.",
        "Many healthy babies have some jaundice during the first week of life. It usually goes "
        "away.",
        "In most people, the rash clears up within a few weeks.",
    ):
        assert outlook.search(course), course
    # symptoms that change at a moment say nothing of the course
    assert not outlook.search("Don't wait for the symptoms of stroke to improve or worsen.")


def test_asked_when_to_see_a_doctor_the_answer_says_when_to_get_care() -> None:
    for question in (
        "when should a child with a fever see a doctor",
        "My 4 year old has a fever of 39C. When should I take him to a doctor?",
        "Do I need to go to the ER for this cut?",
        "Which patients with TIA need urgent referral?",
        "Which patients with syncope need hospital admission?",
    ):
        assert intents_of(question)[0].name == "escalation", question
    # a time asked about anything else is still a time
    assert intents_of("When should the second dose be given?")[0].name != "escalation"
    care = intent_named("escalation").answers
    assert care.search("Call a doctor right away if your child: Is 3 months or younger.")
    assert care.search("Seek medical help if the bleeding does not stop.")
    assert care.search("Patients within 72 hours of TIA with ABCD2 >= 3 should be hospitalized.")
    # urgency of something else is no care sought
    assert not care.search("You may also have cramps and an urgent need to have a bowel movement.")
    assert intents_of("Please reach me urgently with any advice on diabetes")[0].name != (
        "escalation"
    )
    # nor does the story of one who was admitted or referred ask when to be
    for story in (
        "My mother was hospitalized for pneumonia, what is her outlook?",
        "I was referred to a cardiologist, what does an ejection fraction of 40 mean?",
    ):
        assert "escalation" not in [i.name for i in intents_of(story)], story
    assert not care.search("The doctor will examine you and ask about your symptoms.")


def test_asked_what_to_do_to_prevent_something_the_question_asks_prevention_first() -> None:
    for question in (
        "What can I do to prevent migraines?",
        "I keep getting migraines, what can I take to prevent them?",
        "i have kidney stones again, what can i eat to stop them coming back",
        "how do I keep my gout from coming back",
        # no longer getting it
        "how can I stop getting kidney stones",
        "how to stop getting UTIs",
        "how can I keep my kids from getting lice",
        "how do I keep from getting cold sores",
    ):
        assert intents_of(question)[0].name == "prevention", question
    # to go on with or give up a habit, or to end what is happening now, is what to do
    for question in (
        "can I keep having sex during pregnancy",
        "my son keeps getting nosebleeds, what can we do",
        "how can I stop smoking",
        "how can I stop an asthma attack",
    ):
        assert "prevention" not in [i.name for i in intents_of(question)], question
    # care named in its own words stays first: the question asks for that care
    assert [i.name for i in intents_of("what medicines prevent migraine")] == [
        "management",
        "prevention",
    ]
    assert intents_of("How is it treated and how can it be prevented?")[0].name == "management"


def test_a_dose_missed_or_doubled_asks_what_to_do_not_a_dose() -> None:
    for question in (
        "What should I do if I miss a dose of gabapentin?",
        "I forgot a dose of my blood pressure pill, what now?",
        "Is it OK to take a double dose if I skipped one?",
        "I missed a dose of my pill, what should I do?",
        "What if I skipped my dose yesterday?",
    ):
        assert "dose" not in [i.name for i in intents_of(question)], question
    assert intents_of("What should I do if I miss a dose of gabapentin?")[0].name == "management"
    assert intents_of("What dose of gabapentin is used for alcohol use disorder?")[0].name == "dose"


def reads_kind(
    kind: str,
    asks: Sequence[str],
    asks_not: Sequence[str],
    gives: Sequence[str],
    gives_not: Sequence[str],
) -> None:
    """Each question of `asks` asks this kind of answer first, none of `asks_not` asks it at
    all; each statement of `gives` offers it, none of `gives_not` does."""
    for question in asks:
        assert intents_of(question)[0].name == kind, question
    for question in asks_not:
        assert kind not in [i.name for i in intents_of(question)], question
    intent = intent_named(kind)
    for said in gives:
        assert intent.answers.search(said), said
    for said in gives_not:
        assert not intent.answers.search(said), said


def test_a_normal_or_healthy_value_asked_is_a_threshold() -> None:
    reads_kind(
        "threshold",
        asks=(
            "What is a normal blood pressure?",
            "what is a normal platelet count",
            "What is a healthy BMI?",
            "What should my cholesterol be?",
            "What is the normal range for serum potassium?",
        ),
        asks_not=(
            "What is a normal pregnancy like?",
            "Is it normal to feel tired?",
            "Is it normal to lose weight after surgery?",
            "What is normal pressure hydrocephalus?",
            "What should the treatment be for gout?",
        ),
        gives=(
            "A normal platelet count ranges from 150,000 to 450,000 platelets per microliter.",
            "For resting heart rate in adults: 60 to 100 beats per minute.",
            "A BMI: Between 18.5 and 24.9 is in the healthy range.",
        ),
        gives_not=(
            "Screen adults aged 50 to 75 years per the guideline.",
            "Screen children between 6 and 12 months old.",
            "Take it 2 to 3 times per week.",
        ),
    )


def test_asking_what_a_condition_leads_to_asks_its_complications() -> None:
    reads_kind(
        "complications",
        asks=(
            "What are the complications of high blood pressure?",
            "What problems can diabetes cause over time?",
            "Can untreated strep throat lead to other problems?",
            "What are the long-term effects of a concussion?",
            "What happens if sleep apnea is not treated?",
            "can a kidney infection cause lasting damage",
        ),
        # what causes it, whether it causes one thing named, what can cause something, or a
        # complicated kind ask no complications
        asks_not=(
            "What causes high blood pressure?",
            "Can high blood pressure cause headaches?",
            "What conditions can cause chest pain?",
            "What are the symptoms of complicated grief?",
        ),
        gives=(
            "Untreated, sleep apnea can be life threatening.",
            "Over time, high blood glucose can lead to serious problems with your heart.",
            "Kidney infections rarely lead to kidney damage unless they go untreated.",
        ),
        gives_not=("Sleep apnea is treated with breathing devices.",),
    )
    # how its complications are treated asks what to do first
    treated = "How are diabetes complications treated?"
    assert [i.name for i in intents_of(treated)] == ["management", "complications"]
    # left untreated in everyday words asks what it leads to, not how it is treated
    for untreated in (
        "what happens if you dont treat sleep apnea",
        "what happens if I don't get my high blood pressure treated",
        "What happens if you don't seek treatment for depression?",
        "What happens if my child’s asthma isn't treated?",
    ):
        assert [i.name for i in intents_of(untreated)] == ["complications"], untreated
    # a treatment that does not work is no condition left untreated
    for working in (
        "What happens if my blood pressure doesn't come down with treatment?",
        "what happens if I don't respond to treatment",
    ):
        assert "complications" not in [i.name for i in intents_of(working)], working


def test_asking_how_common_it_is_asks_how_many_it_affects() -> None:
    reads_kind(
        "frequency",
        asks=(
            "How common is cystic fibrosis?",
            "How many people have lupus?",
            "How rare is Menkes syndrome?",
            "What is the prevalence of celiac disease?",
            "What is the incidence of Guillain-Barre syndrome?",
            "Is Huntington disease rare?",
            "how frequent is sickle cell anemia in african americans",
        ),
        # what is most common among its signs or treatments, how often something is done,
        # and how many doses are given ask no such thing
        asks_not=(
            "What are the most common symptoms of lupus?",
            "How often should I get a mammogram?",
            "What is the most common treatment for kidney stones?",
            "How many doses of HPV vaccine are recommended?",
            "How many patients should be treated before results are reviewed?",
        ),
        gives=(
            "Menkes syndrome affects about 1 in 100,000 newborns.",
            "An estimated 1.5 million Americans have lupus.",
            "Cystic fibrosis is a common disease in whites.",
            "The prevalence of celiac disease is about 1%.",
            "Fifty percent of all Americans will have had shingles by the time they are 80.",
            "In fact, one out of every three people 60 years or older will get shingles.",
        ),
        gives_not=(
            "A common complication of CF is diabetes.",
            "CF is the most common cause of lung disease in children.",
            "Lupus is a rare cause of stroke.",
            "About 2 percent of the drug is excreted unchanged.",
        ),
    )


def test_asking_what_is_being_studied_asks_for_research() -> None:
    reads_kind(
        "research",
        asks=(
            "What research is being done on Parkinson's disease?",
            "Are there any clinical trials for ALS?",
            "Is there any new treatment being studied for Huntington disease?",
            "What is the latest research on using D-limonene as a treatment for skin cancer?",
            "Will there ever be a real cure for multiple sclerosis?",
            "Are scientists studying stem cells for spinal cord injury?",
        ),
        # the asker's own research, or care asked now, asks for none
        asks_not=(
            "I am doing a research report on SIDS, what causes it?",
            "I did some research online, is lupus inherited?",
            "What is the latest treatment for gout?",
            "Is there any treatment for lupus?",
            "What is the current treatment for gout?",
            "Is there trial evidence that octreotide slows progression?",
        ),
        gives=("Scientists are testing whether cells can be transplanted.",),
        gives_not=("Surgery is the mainstay of treatment.",),
    )
    # beside another kind asked, research is only how that kind is asked for; research on
    # care comes before the care
    signs = "Are there any researches on how early the signs of arthritis appear?"
    assert [i.name for i in intents_of(signs)] == ["symptoms"]
    studied = "Is there any new treatment being studied for Huntington disease?"
    assert [i.name for i in intents_of(studied)] == ["research", "management"]


def test_a_guideline_that_suggests_says_what_to_do_and_findings_that_suggest_do_not() -> None:
    care = intent_named("management").answers
    assert care.search("The AGA suggests a fiber-rich diet or fiber supplementation.")
    assert care.search("We suggest against routine use of probiotics.")
    assert not care.search("Studies suggest that coffee raises the risk.")
    assert not care.search("These findings may suggest a tumor.")
    # how to tell is no treatment, whatever the modal verb
    assert not care.search("Clinicians should diagnose acute otitis media in children who ...")
    assert care.search("Clinicians should prescribe amoxicillin for acute otitis media.")


def test_who_is_to_have_a_treatment_asks_what_to_do_and_who_is_to_have_a_test_asks_the_test() -> (
    None
):
    asked = "Which patients with a thyroid nodule should have fine-needle aspiration?"
    assert intents_of(asked)[0].name == "management"
    assert intents_of("who should get a flu shot")[0].name == "management"
    assert intents_of("Which people with type 2 diabetes should have insulin?")[0].name == (
        "management"
    )
    assert [i.name for i in intents_of("Who needs to have a bone density scan?")] == ["test"]
    screened = "Which patients with hypertension need to be screened for aldosteronism?"
    assert [i.name for i in intents_of(screened)] == ["test"]


def test_what_helps_asks_what_to_do() -> None:
    for asked in (
        "what helps with ringing in the ears",
        "what helps a sore throat",
        "does anything help for hiccups",
        "please send me some exercises for a person who is a stroke victim",
    ):
        assert intents_of(asked)[0].name == "management", asked
    # the exercises a question asks whether to prescribe are its focus, not its ask
    assert not names_no_focus("exercises")
    assert [i.name for i in intents_of("Where can I find help and support?")] == ["general"]


def test_whether_to_go_on_with_a_drug_asks_what_to_do_and_a_dose_that_names_it_asks_none() -> None:
    for asked in (
        "I have gout and take aspirin for my heart, do I need to stop the aspirin?",
        "can I keep taking my aspirin with gout?",
        "Gout patient on low-dose aspirin - should the aspirin be stopped?",
        "Which women should take low-dose aspirin in pregnancy?",
    ):
        assert intents_of(asked)[0].name == "management", asked
    # "low-dose aspirin" names the drug; a dose asked for is still a dose
    assert "dose" not in [
        i.name for i in intents_of("Should gout patients on low-dose aspirin stop it?")
    ]
    assert intents_of("What is the dose of aspirin?")[0].name == "dose"
    assert intents_of("What dose of low-dose aspirin is used?")[0].name == "dose"


def test_a_time_said_by_another_event_answers_when() -> None:
    when = intent_named("timing").answers
    assert when.search("Prophylaxis should be started at the same time as ULT, not delayed.")
    assert when.search("Start the antibiotic concurrently with the first dose of steroids.")
    assert when.search("Surgery should not be delayed in these patients.")
    assert not when.search("Carry out cardioversion, without delaying to achieve anticoagulation.")
    assert not when.search("Prophylaxis with colchicine is preferred.")
    # two things done together say no time: "The PET and CT scans are done at the same time"
    assert not when.search("The PET and CT scans are done at the same time on one machine.")


def test_the_choice_a_guideline_makes_asks_what_to_do() -> None:
    for asked in (
        "What is the standard chemotherapy for intermediate-risk rhabdomyosarcoma in children?",
        "What is the preferred antibiotic for community-acquired pneumonia?",
        "What is the drug of choice for syphilis?",
    ):
        assert intents_of(asked)[0].name == "management", asked
    # what something is, and a range, are still asked as such
    assert intents_of("What is chemotherapy?")[0].name == "definition"
    assert intents_of("What is the standard of care?")[0].name == "definition"


def test_asking_which_agent_still_acts_asks_what_to_do() -> None:
    """ "Which TKI still has activity?" was read as a request for the library's overview, so
    children's options stood in an adult's article."""
    for asked in (
        "CML patient losing response on nilotinib; mutation analysis shows T315I. Which TKI "
        "still has activity?",
        "which antibiotic is effective against MRSA?",
    ):
        assert intents_of(asked)[0].name == "management", asked
    assert "management" not in [i.name for i in intents_of("Does exercise have benefits?")]
    genes = "Which genes have increased activity in psoriasis?"
    assert "management" not in [i.name for i in intents_of(genes)]
    does = intent_named("management").answers
    assert does.search("Ponatinib is an oral TKI that has activity in patients with T315I.")
    assert does.search("Vancomycin is effective against MRSA.")
    assert not does.search("Physical activity in children improves sleep.")
    assert not does.search("An EEG shows abnormal activity in the brain.")


def test_asking_whether_one_can_get_help_asks_what_is_done() -> None:
    for asked in (
        "I would like info on my obesity problem and if I can get help",
        "how could we get some help for his stammer?",
        "where do I get help with my back pain",
    ):
        assert "management" in [i.name for i in intents_of(asked)], asked
    assert [i.name for i in intents_of("Where can I get help and support?")] == ["general"]


def test_asking_whether_it_will_turn_bad_asks_the_outlook() -> None:
    for asked in (
        "found GIST with about 1cm in size. will it develop to bad condition?",
        "is my mole going to turn into cancer?",
        "Could this polyp become malignant?",
        "will it get worse?",
    ):
        assert "prognosis" in [i.name for i in intents_of(asked)], asked
    # what makes it worse now is a cause, not the course
    assert "prognosis" not in [i.name for i in intents_of("what makes eczema worse?")]


def test_asking_whether_there_is_a_cure_asks_the_outlook() -> None:
    """ "Can psoriasis be cured?" asks first whether a cure exists (its outlook), then what
    treats it; what the cure is, and whether there will ever be one, are asked otherwise."""
    for asked in (
        "Can psoriasis be cured?",
        "Is there a cure for lupus?",
        "What is the consensus of medical doctors as to whether asthma can be cured?",
    ):
        assert [i.name for i in intents_of(asked)] == ["prognosis", "management"], asked
    assert [i.name for i in intents_of("What is the cure for gout?")] == ["management"]
    assert intents_of("How can psoriasis be cured?")[0].name == "management"
    assert intents_of("Is there a cure being developed for lupus?")[0].name == "research"
    assert [i.name for i in intents_of("Will there ever be a cure for MS?")] == ["research"]
    outlook = intent_named("prognosis").answers
    for said in (
        "Psoriasis can last a long time, even a lifetime.",
        "Because this disease is generally not curable, treatment is individualized.",
        "Diabetes is a life-long disease.",
        "Many types of anemia can be mild, short term, and easily treated.",
    ):
        assert outlook.search(said), said
    assert not outlook.search("Preeclampsia raises the lifetime risk of heart disease.")
    assert not outlook.search("About 1 in 8 women get it in their lifetime.")


def test_asking_whether_it_can_kill_asks_the_outlook() -> None:
    for asked in ("can you die from pneumonia", "is sepsis deadly?", "can a blood clot kill you"):
        assert [i.name for i in intents_of(asked)] == ["prognosis"], asked
    # a death in the story asks nothing of the outlook
    story = "My brother died young from Louis Bar Syndrome. Is it inherited?"
    assert [i.name for i in intents_of(story)] == ["inheritance"]
    asked_so = as_asked(intent_named("prognosis"), "can you die from pneumonia").answers
    how_long = "how long does it take to recover from pneumonia"
    asked_otherwise = as_asked(intent_named("prognosis"), how_long).answers
    for said in (
        "Pneumonia can be very serious and even life threatening.",
        "Pneumonia can range in seriousness from mild to life-threatening.",
        "Children with early infantile GM1 often die by age 3 from cardiac complications.",
    ):
        assert asked_so.search(said), said
        # asked how long recovery takes, that it can kill is no answer
        assert not asked_otherwise.search(said), said
    assert asked_so.search("Viral pneumonia usually improves in 1 to 3 weeks.") is None
    assert as_asked(intent_named("prognosis"), "is this disease dangerous?").answers.search(
        "Untreated, the infection can be life-threatening."
    )


def test_asking_how_well_a_treatment_turns_out_asks_the_outlook() -> None:
    for asked in (
        "can arrhythmia occurs after ablation? What is the success rate of Ablation?",
        "how successful is cataract surgery?",
        "does hepatitis c recur after treatment",
        "What is the chance of recurrence after surgery?",
    ):
        assert "prognosis" in [i.name for i in intents_of(asked)], asked
    # a condition named by its coming back asks no outlook
    for named in ("what is recurrent pneumonia", "Recurrent neuroglycopenic episodes; which test?"):
        assert "prognosis" not in [i.name for i in intents_of(named)], named
    outlook = intent_named("prognosis").answers
    assert outlook.search("Catheter ablation is successful in most people with SVT.")
    assert outlook.search("The success rate of the operation is about 90 percent.")
    # a cancer that has come back is no outlook
    assert not outlook.search("Recurrent pancreatic cancer is cancer that has recurred.")


def test_care_another_kind_of_answer_is_asked_about_is_not_asked() -> None:
    for asked, kinds in (
        (
            "what are the side effects of radiation therapy for prostate cancer",
            ["contraindication"],
        ),
        ("What follow-up is recommended after treatment for Hodgkin lymphoma?", ["monitoring"]),
        ("Which test is recommended to diagnose celiac disease?", ["test"]),
        ("What are the complications of surgery for an enlarged prostate?", ["complications"]),
        ("What monitoring is needed during lithium therapy?", ["monitoring"]),
        # a cue that takes its preposition, care named by two words, a past participle
        ("What monitoring is recommended for patients on warfarin therapy?", ["monitoring"]),
        ("what are the side effects of drug therapy", ["contraindication"]),
        ("risks of the drugs used for treatment of RA", ["risk"]),
    ):
        assert [i.name for i in intents_of(asked)] == kinds, asked
        assert asks_of_care(asked), asked
    # care asked in a clause of its own, or before the other kind, is asked
    for asked in (
        "what are the side effects of prednisone and is there another treatment",
        "What are the side effects, and how is it treated?",
        "What treatment is recommended after a positive test?",
        "When is surgery recommended for an enlarged prostate?",
    ):
        assert "management" in [i.name for i in intents_of(asked)], asked
        assert not asks_of_care(asked), asked
    # care in a question that asks nothing else is asked, and so is care asked by its own
    # question word after another kind ("side effects of metformin what to do")
    assert not asks_of_care("how is breast cancer treated")
    for asked in (
        "side effects of metformin what to do",
        "symptoms of flu after vaccine can i take ibuprofen",
    ):
        assert "management" in [i.name for i in intents_of(asked)], asked


def test_what_something_is_asked_as_its_use_is_given_by_what_it_is_used_for() -> None:
    used = as_asked(intent_named("definition"), "what is the drug ondansetron used for")
    assert asks_use(used)
    assert asks_use(as_asked(intent_named("definition"), "what is lisinopril prescribed for"))
    said = "Gabapentin capsules, tablets, and oral solution are used to help control seizures."
    assert used.answers.search(said)
    assert used.answers.search("Colonoscopy is a procedure to look inside the colon.")
    assert used.answers.search("Cephalexin is a cephalosporin antibiotic used to treat infections.")
    assert used.answers.search("Who should get Gabapentin and why is it prescribed?")
    # not how it is taken, nor what it is not used for
    assert not used.answers.search("How should Gabapentin be used and what is the dosage?")
    assert not used.answers.search("Metformin is not used to treat type 1 diabetes.")
    assert not used.answers.search("Take metformin exactly as directed.")
    # what it is, or what is used to treat something, is asked as before
    assert not asks_use(as_asked(intent_named("definition"), "what is metformin"))
    assert not asks_use(as_asked(intent_named("definition"), "what is used to treat gout"))
