"""Who the patient is, read from a question, and whom a statement is about."""

from __future__ import annotations

from guidecite.analysis import terms
from guidecite.patients import (
    MEDICINE_WORD,
    excluded_population,
    lacking_patients,
    may_be_child,
    medicine_set_aside,
    names_line,
    names_patient,
    negated_words,
    other_kind,
    other_letter_kind,
    other_numbered_kind,
    other_severity,
    other_stage,
    placed_words,
    population_words,
    populations_of,
    qualifiers_of,
    set_aside_in,
    set_aside_patients,
    setting_named,
    source_set_aside,
    stages_named,
    without_medicine,
)


def test_a_patient_said_not_to_be_pregnant_is_not_asked_about_pregnancy() -> None:
    asked = qualifiers_of("Can migraines be treated with medicine? I am 40 and not pregnant.")
    assert "pregnancy" not in asked and "not pregnant" in asked
    assert "pregnancy" not in qualifiers_of("Cystitis in non-pregnant women: first-line?")
    # a statement about pregnancy is about another population than hers
    assert excluded_population("Pregnant women should avoid this drug.", asked) == "pregnancy"
    assert qualifiers_of("Is ibuprofen safe while pregnant?") == ("pregnancy", "not a child")


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
    assert qualifiers_of("I am 6 weeks pregnant") == ("pregnancy", "not a child")


def test_a_son_or_daughter_of_no_stated_age_may_be_a_child() -> None:
    assert may_be_child("My daughter has Menkes syndrome and would like to know how to go about")
    assert may_be_child("Can my sons inherit it?")
    # an age says who the patient is; a parent or a person is no child
    assert not may_be_child("My son is 24 and has asthma")
    assert not may_be_child("My father is 83 and breathless")
    assert not may_be_child("Is Addison's disease inherited by a person's children?")
    # and a son or daughter is not a qualifier: a grown-up daughter is no child
    assert "child" not in qualifiers_of("My daughter has Menkes syndrome")


def test_the_askers_parent_or_spouse_is_not_a_child() -> None:
    dad = qualifiers_of("my dad has hepatitis b, should he be on antiviral pills?")
    assert dad == ("not a child",)
    assert qualifiers_of("My mother-in-law has lupus") == ("not a child",)
    # statements and guidelines for children are about others; those for older adults or
    # for everyone may be about a parent
    assert excluded_population("Your child's provider may recommend antiviral medicines.", dad)
    assert excluded_population("Childhood Liver Cancer Treatment", dad) == "child"
    assert excluded_population("Older adults may need a lower dose.", dad) is None
    assert excluded_population("Adults and children older than 5 recover.", dad) is None
    # children someone has are no population
    having = "People with WS have a 50 percent chance of passing it on if they have children."
    assert excluded_population(having, dad) is None
    # an age says it, and a question on children or descendants may be about a child
    assert qualifiers_of("My father is 83 and breathless") == ("older adult",)
    assert "not a child" not in qualifiers_of("my husband and I have a son with asthma")
    assert "not a child" not in qualifiers_of("My wife and I: is it passed to future generations?")
    assert "not a child" not in qualifiers_of("Can my baby get it from my husband?")
    # the asker speaking of themselves and of no one else is a grown-up too
    assert qualifiers_of("I am a mother of three and have migraines") == ("not a child",)
    assert qualifiers_of("how much tylenol can i take in a day") == ("not a child",)
    assert "not a child" not in qualifiers_of("my son has asthma, can I give him ibuprofen")
    assert "not a child" not in qualifiers_of("My friend has lupus, can I catch it?")
    assert "not a child" not in qualifiers_of("Can I give ibuprofen to a patient with CKD?")
    assert qualifiers_of("I am 15 and have acne") == ("child",)
    assert qualifiers_of("What is type I diabetes?") == ()


def test_a_group_one_item_of_a_list_names_is_not_what_the_statement_is_about() -> None:
    listed = (
        "Some types of headache call for prompt medical care. These include: sudden, severe"
        " headache; headaches following a blow to the head; and recurring headache in children."
    )
    assert excluded_population(listed, ("not a child",)) is None
    assert excluded_population(listed, ("adult",)) is None
    # a lead-in that names the group still says whom the list is for
    lead = "In children, give: fluids; rest; and paracetamol."
    assert excluded_population(lead, ("adult",)) == "child"
    # a statement without a list is about every group it names
    assert excluded_population("Recurring headache in children needs care.", ("adult",))


def test_an_acronym_spelled_like_a_group_names_no_one() -> None:
    # MEN is multiple endocrine neoplasia, not men
    title = "Childhood Multiple Endocrine Neoplasia (MEN) Syndromes Treatment"
    assert populations_of(title) == {"child"}
    assert excluded_population(f"{title} Patients had the following symptoms.", ("adult",)) == (
        "child"
    )
    assert excluded_population("Screening in MEN type 1 carriers.", ("female",)) is None
    # the word itself names the group, as it always did
    assert populations_of("Men and women over 50") == {"adult"}
    assert excluded_population("Men with the variant should be screened.", ("female",)) == "male"


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


def test_a_level_of_severity_is_a_degree_and_a_short_form_names_the_same_condition() -> None:
    asked = "Low-severity community-acquired pneumonia in an adult - should I send cultures?"
    assert qualifiers_of(asked) == ("adult", "mild")
    assert "moderate" in qualifiers_of("Nonsevere inpatient CAP: blood cultures?")
    severe = "Obtain sputum culture in adults with CAP who are classified as having severe CAP."
    assert other_severity(severe, asked) == "severe disease"
    both = "For patients with moderate- or high-severity community-acquired pneumonia: ..."
    assert other_severity(both, asked) == "moderate/severe disease"
    assert other_severity("Offer amoxicillin in low-severity CAP.", asked) is None
    # a word joining the words, shared by chance, names no condition
    assert other_severity("Severe chronic asthma in patients needs a specialist.", asked) is None


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
    # after "non", a common word names the kind too ("non-pregnant women")
    asked = "Cystitis in non-pregnant women: first-line?"
    assert other_kind("Pregnant women should avoid it.", asked) == "pregnant women"


def test_a_statement_about_the_kind_the_question_sets_apart_by_un_is_named() -> None:
    asked = "Which patients with a first unprovoked seizure should be given antiepileptic drugs?"
    provoked = "After a brain insult, drugs for the provoked seizures should be withdrawn."
    assert other_kind(provoked, asked) == "provoked seizure"
    assert other_kind("Treatment after an unprovoked seizure lowers recurrence.", asked) is None
    assert other_kind("Provoked and unprovoked seizures differ in recurrence.", asked) is None
    assert other_kind("Stable angina is treated with nitrates.", "Unstable angina: next?") == (
        "stable angina"
    )
    # "un" before a word too short or a word too common names no kind
    assert other_kind("People able to walk should exercise.", "I am unable to walk") is None
    assert other_kind("Until the fever breaks, rest.", "until fever settles") is None


def test_what_a_question_excludes_is_set_aside() -> None:
    assert negated_words("How can I lower blood pressure without pills?") == {"pills"}
    assert "anticoagulación" in negated_words("sin otros factores de riesgo y sin anticoagulación")
    # each thing it joins to them by "or" or "and" is set aside too, and no mark after them
    stemi = "STEMI patient without heart failure or shock - when should a beta blocker start?"
    assert negated_words(stemi) >= {"heart", "failure", "shock"}
    assert not negated_words(stemi) & {"-", "when", "beta", "blocker"}
    assert negated_words("adults without diabetes or CKD: statin?") >= {"diabetes", "ckd"}
    # "and no" after what the patient has: "with LDL 160 mg/dL and no diabetes"
    statin = "When is a statin indicated for a 55-year-old with LDL 160 mg/dL and no diabetes?"
    assert set_aside_patients(
        "All patients with diabetes, LDL-C >= 70 mg/dL: moderate-intensity statin.",
        set_aside_in(statin),
    ) == ("patients with diabetes")
    assert set_aside_in("I have a cough and no one can tell me why") == ()
    # a source whose title names what is set aside is about those patients, unless it sets
    # it apart itself
    aside = set_aside_in(statin)
    assert source_set_aside("Standards of Care in Diabetes—2024", aside) == "Diabetes"
    assert source_set_aside("Statin use in adults without diabetes", aside) is None
    assert source_set_aside("Statin use for primary prevention", aside) is None


def test_a_statement_restricted_to_patients_with_what_the_question_sets_aside_is_named() -> None:
    asked = "STEMI patient without heart failure or shock - when should a beta blocker start?"
    assert set_aside_patients("Avoid it in patients with heart failure.", set_aside_in(asked)) == (
        "patients with heart failure"
    )
    assert set_aside_patients(
        "Avoid it in patients with cardiogenic shock.", set_aside_in(asked)
    ) == ("patients with cardiogenic shock")
    review = "For people who are taking an anticoagulant, review the need for anticoagulation."
    assert set_aside_patients(
        review, set_aside_in("AF patient not on anticoagulation - when to review?")
    ) == ("people who are taking an anticoagulant")
    # a part of what is set aside, the same patients, or either way: no restriction to others
    assert (
        set_aside_patients("Treat patients with heart disease first.", set_aside_in(asked)) is None
    )
    kept = "For people who are not taking an anticoagulant, review stroke risk annually."
    assert set_aside_patients(kept, set_aside_in("AF patient not on anticoagulation?")) is None
    either = "Offer amoxicillin to outpatients with or without comorbidities."
    assert set_aside_patients(either, set_aside_in("Outpatient CAP without comorbidities?")) is None
    none = "Offer amoxicillin to patients with no comorbidities."
    assert set_aside_patients(none, set_aside_in("Outpatient CAP without comorbidities?")) is None
    assert (
        set_aside_patients("Avoid it in patients with heart failure.", set_aside_in("STEMI?"))
        is None
    )
    # "not" sets aside what follows it; a part of the condition's course is named by its kind
    treat = "Antiviral therapy is recommended for adults with immune-active CHB."
    carrier = "Hepatitis B carrier not in the immune-active phase - antiviral therapy?"
    assert set_aside_patients(treat, set_aside_in(carrier)) == "adults with immune-active"
    assert (
        set_aside_patients(treat, set_aside_in("my dad has hepatitis b but its not active"))
        is not None
    )
    unhyphenated = "Antiviral therapy in patients with immune active CHB reduces the risk."
    assert set_aside_patients(unhyphenated, set_aside_in(carrier)) == "patients with immune active"
    tolerant = "Antiviral therapy is not recommended for adults with immune-tolerant CHB."
    assert set_aside_patients(tolerant, set_aside_in(carrier)) is None


def test_a_statement_restricted_to_patients_lacking_what_the_question_s_patient_has() -> None:
    asked = frozenset(terms("Which patients with gallstones need cholecystectomy?"))
    hida = "In patients without gallstones who have RUQ pain, cholecystectomy is recommended."
    assert lacking_patients(hida, lambda: asked) == "patients without gallstones"
    lack = "Women who do not have gallstones and have pain need a HIDA scan."
    assert lacking_patients(lack, lambda: asked) == "Women who do not have gallstones"
    # what the question never names, or names only in part, is no restriction of its patient
    operate = "In patients without contraindications, operate."
    assert lacking_patients(operate, lambda: asked) is None
    heart = frozenset(terms("Patient with heart failure - is spironolactone worthwhile?"))
    murmurs = "In patients without heart murmurs who are well, no echo is needed."
    assert lacking_patients(murmurs, lambda: heart) is None
    beta = "In patients without heart failure, start a beta blocker."
    assert lacking_patients(beta, lambda: heart) == "patients without heart failure"
    # a patient the question sets aside lacks it too: the same patients
    outpatient = "Outpatient pneumonia without comorbidities - first-line treatment?"
    healthy = "For patients without comorbidities, amoxicillin is first-line."
    said = lambda: frozenset(terms(outpatient))  # noqa: E731
    assert lacking_patients(healthy, said, set_aside_in(outpatient)) is None


def test_a_statement_about_another_lettered_kind_is_named() -> None:
    asked = "Should I get the hepatitis A vaccine before travel?"
    other = "If you travel to countries where Hepatitis B is common, you should get the vaccine."
    assert other_letter_kind(other, asked) == "hepatitis B"
    # one that names the question's kind too, or no kind at all, is not judged
    assert other_letter_kind("Hepatitis A and B vaccines are given together.", asked) is None
    assert other_letter_kind("Hepatitis is an inflammation of the liver.", asked) is None
    assert other_letter_kind("Vitamin A toxicity is rare.", "Is vitamin D safe?") == "vitamin A"
    assert other_letter_kind("Vitamin B12 lack causes anemia.", "Is vitamin D safe?") is None
    # a message typed in small letters names its kind by a small letter
    typed = "my dad has hepatitis b but its not active, should he be on antiviral pills?"
    hcv = "Acute hepatitis C does not need any special treatment."
    assert other_letter_kind(hcv, typed) == "hepatitis C"
    assert other_letter_kind("Chronic hepatitis B needs treatment.", typed) is None
    # a small word is no kind: "can a doctor" for "can u help"
    assert other_letter_kind("A doctor can a lot.", "can u help me with my knee") is None


def test_a_relative_is_named_by_a_whole_word() -> None:
    for word in ("mum", "mums", "mummy", "mom", "daddy", "wives", "sisters", "friend"):
        assert names_patient(word), word
    # "mumps" is a disease, not a mum; a moment is no mom
    for word in ("mumps", "moment", "friendly"):
        assert not names_patient(word), word


def test_a_statement_about_another_numbered_kind_of_the_topic_is_named() -> None:
    topic = "Type 2 diabetes"
    other = "Support adults with type 1 diabetes to aim for a target HbA1c level of 48 mmol/mol."
    assert other_numbered_kind(other, topic) == "type 1 diabetes"
    # its source's title says it for every sentence; a title written the other way round too
    title = "Type 1 diabetes in adults: diagnosis and management. Aim for 48 mmol/mol."
    assert other_numbered_kind(title, topic) == "type 1 diabetes"
    assert other_numbered_kind("Diabetes Type 1 (Also called: ...) Treatment", topic) is not None
    assert other_numbered_kind("Treat type II diabetes with metformin.", "Type 1 diabetes")
    # the kind's number ending a sentence is read; a number with a decimal part is none
    end = "Insulin pumps help many people with diabetes of type 1."
    assert other_numbered_kind(end, topic) == "type 1 diabetes"
    assert other_numbered_kind("Diabetes of type 1.5 starts in adults.", topic) is None
    # the topic's kind named too, no kind named, or not of the same thing: not judged
    for same in (
        "People with type 1 and type 2 diabetes should check their feet.",
        "In type 1 or 2 diabetes, check the feet.",
        "Types 1 and 2 diabetes differ in their causes.",
        "Adults with type 2 diabetes should aim for 48 mmol/mol.",
        "Aim for an HbA1c of 48 mmol/mol in diabetes.",
        "A type 1 error is a false positive result.",
    ):
        assert other_numbered_kind(same, topic) is None, same
    assert other_numbered_kind(other, "Diabetes") is None
    assert other_numbered_kind(other, None) is None


def test_where_care_is_given_is_a_qualifier_and_its_words_no_topic() -> None:
    question = "How should hyperkalemia be treated in the emergency setting?"
    assert qualifiers_of(question) == ("emergency setting",)
    assert placed_words(question) == {"emergency", "setting"}
    in_ed = qualifiers_of("Adult with head injury and GCS 12 in ED - how quickly is CT done?")
    assert in_ed[-1] == "ED"
    assert "primary care" in qualifiers_of("In primary care, when should varnish start?")
    # a setting the patient is sent to is what the question asks, not where care is given;
    # initials are read as written ("in ed" is no department)
    assert placed_words("When should a child with asthma be admitted to hospital?") == set()
    assert placed_words("emergency contraception: how soon after sex?") == set()
    assert placed_words("i was told in ed school") == set()


def test_a_statement_names_a_setting_by_its_own_words_not_its_kind_of_place() -> None:
    said = set(terms("Patients presenting to the emergency department should be assessed."))
    assert setting_named("emergency setting", said)
    assert setting_named("ED", said)
    assert not setting_named("primary care", said)
    assert not setting_named("intensive care unit", set(terms("Care in a unit of the ward.")))


def test_a_statement_names_the_first_line_in_its_own_words() -> None:
    assert names_line("Offer carbamazepine as initial treatment for neuralgia.", "first line")
    assert names_line("Amoxicillin is the first choice of antibiotic therapy.", "first line")
    assert names_line("SSRIs are considered first-line pharmacotherapy.", "first line")
    assert not names_line("Newly diagnosed patients should be referred.", "first line")
    assert names_line("Use a second-line agent if that fails.", "second line")
    assert not names_line("Use a second-line agent if that fails.", "third line")


def test_the_words_that_name_a_group_of_patients_are_read_whole() -> None:
    question = "What is the target HbA1c for older adults with multiple comorbidities?"
    assert population_words(question) == {"older", "adults"}
    assert population_words("my baby has thrush") == {"baby"}
    assert population_words("Is it safe when breastfeeding?") == {"breastfeeding"}
    assert population_words("What causes an older car to stall?") == set()


def test_a_question_that_asks_to_do_without_medicine_sets_its_words_aside() -> None:
    question = "How can I lower my cholesterol without taking medication?"
    assert without_medicine(question) == "How can I lower my cholesterol ?"
    assert medicine_set_aside(question) == {"medication"}
    assert medicine_set_aside("ways to treat depression other than drugs or pills") == {"drugs"}
    # medicine asked for, or people described by what they lack, set none aside
    assert without_medicine("Which medication lowers cholesterol?") is None
    assert without_medicine("Patients without heart failure: which drug?") is None
    assert medicine_set_aside("Patients without heart failure: which drug?") == frozenset()
    assert MEDICINE_WORD.search("Take your blood pressure pills every day.")


def test_a_pregnant_patient_who_names_no_child_is_no_child() -> None:
    asked = qualifiers_of("Is it safe to take ibuprofen while pregnant?")
    assert asked == ("pregnancy", "not a child")
    infants = "DO NOT use ibuprofen in children younger than 6 months."
    assert excluded_population(infants, asked) == "child"
    # one who speaks of her child, or of her own age as a child, may ask about children
    story = "I bled at both births in pregnancy. I may have passed this on to my son."
    assert "not a child" not in qualifiers_of(story)
    assert qualifiers_of("I am 16 and pregnant: is ibuprofen safe?")[0] == "child"


def test_stages_are_read_with_their_letters_lists_and_ranges() -> None:
    assert stages_named("people with stage IB to IIB melanoma") == [((1, "B"), (2, "B"))]
    assert stages_named("stages I, II, or III") == [((n, ""), (n, "")) for n in (1, 2, 3)]
    assert stages_named("CKD stage 3b and stages 0-II") == [
        ((3, "B"), (3, "B")),
        ((0, ""), (2, "")),
    ]
    assert stages_named("end-stage renal disease") == []


def test_a_statement_on_another_stage_than_the_one_asked_is_about_it() -> None:
    asked = "What follow-up is recommended after resection of stage II melanoma?"
    assert other_stage("For people who have had stage IA melanoma, consider ...", asked) == (
        "stage IA"
    )
    assert other_stage("Offer personalised follow-up after stage IV melanoma.", asked)
    # a stage of the one asked, a range that holds it, or no stage at all: about it
    for said in (
        "Offer CT staging to people with stage IIC melanoma, and to people with stage III.",
        "For people who have had stage IB to IIB melanoma, consider follow-up every 3 months.",
        "Melanoma is a cancer of the skin.",
    ):
        assert other_stage(said, asked) is None
    # a lettered stage asked is not another lettered stage of the same number
    assert other_stage("In stage IIIB disease, offer chemoradiotherapy.", "stage IIIA NSCLC")
    assert other_stage("In stage III disease, offer surgery.", "stage IIIA NSCLC") is None
    assert other_stage("Stage 1 hypertension: reassess in 3 to 6 months.", "a question") is None
