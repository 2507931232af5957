"""The question's topic as the library's titles name it."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from guidecite.abbreviations import Expansion
from guidecite.analysis import terms, words
from guidecite.query import (
    NO_FRAME,
    Clause,
    Query,
    dominant_word,
    subject_terms,
    written_together,
)
from guidecite.question_topic import (
    candidate_titles,
    heaviest_word,
    name_sources,
    says_title,
    titled_alone,
    titles_named,
)
from guidecite.relevance import off_topic_reason
from guidecite.retrieval import issued_by
from guidecite.topics import (
    TitleMatch,
    TopicIndex,
    adjacent_pairs,
    initials,
    named_both_ways,
    topic_phrase,
)
from query_support import framed

TITLES = [
    ("net", "Gastrointestinal Neuroendocrine Tumors (PDQ) - NCI"),
    ("pnet", "Pancreatic Neuroendocrine Tumors (Islet Cell Tumors) Treatment"),
    ("arrest", "Monitoring in Neurocritical Care after Cardiac Arrest"),
    ("colon", "Colon Cancer Treatment"),
    ("cervix", "Adjuvant therapy in early stage cervical cancer"),
] + [(f"t{i}", f"Treatment of condition {i}") for i in range(400)]


def concept(word: str, weight: float) -> tuple[float, tuple[frozenset[str], ...]]:
    return (weight, (frozenset(terms(word)),))


def test_titles_that_name_the_question_s_concepts_rank_first() -> None:
    index = TopicIndex(TITLES)
    concepts = [concept("neuroendocrine", 6.0), concept("tumors", 3.0), concept("enolase", 8.0)]
    ranked = index.rank(concepts, "neuroendocrine tumors and a raised enolase")
    assert set(ranked) == {"net", "pnet"}
    assert ranked["net"].concepts == (0, 1)


def test_a_word_in_many_titles_names_no_topic() -> None:
    index = TopicIndex(TITLES)
    assert index.rank([concept("treatment", 2.0)], "what treatment") == {}


def test_an_everyday_word_names_a_topic_beside_its_neighbour_anywhere_in_the_message() -> None:
    index = TopicIndex([*TITLES, ("wilson", "Wilson Disease"), ("mowat", "Mowat-Wilson syndrome")])
    concepts = [concept("Wilson", 2.0), concept("disease", 0.5), concept("medication", 2.0)]
    asked = "We wish to have a good medication with less expense"
    whole = f"We cannot find drugs against Wilson's disease in Mongolia. {asked}."
    # only the asking sentence read: "Wilson" is an everyday name there, beside nothing
    alone = index.rank(concepts, asked, unless_paired={0})
    assert all(0 not in match.concepts for match in alone.values())
    ranked = index.rank(concepts, asked, unless_paired={0}, whole=whole)
    assert ranked["wilson"].concepts == (0, 1) and "mowat" not in ranked


def test_a_modifier_running_through_passages_counts_less_than_a_topic_word() -> None:
    index = TopicIndex(TITLES)
    # Two titles in 405; a word in 5 passages of 4050 is a topic word, in 3000 it is not.
    assert index.topicality(2, 5, 4050) == 1.0
    assert index.topicality(2, 3000, 4050) < 0.3


def test_the_topic_is_named_in_the_title_s_words() -> None:
    title = "Gastrointestinal Neuroendocrine Tumors (PDQ) - NCI"
    found = topic_phrase(title, [concept("neuroendocrine", 6.0), concept("tumours", 3.0)])
    assert found == "Neuroendocrine Tumors"
    colon = topic_phrase("Colon Cancer Treatment", [concept("colon", 5.0)], [concept("cancer", 1)])
    assert colon == "Colon Cancer"
    # where the question's words lie far apart in the title, its weightiest one names the
    # topic with the title words beside it that the question also has
    osa = "Management of obstructive sleep apnea in adults: a guideline from the ACP"
    asked = [concept("apnea", 6.0), concept("acp", 4.0)]
    around = [*asked, concept("obstructive", 3.0), concept("sleep", 2.0)]
    assert topic_phrase(osa, asked, around) == "obstructive sleep apnea"
    # "of the" joins the words of one name: the organ stays in it
    fna = "Fine needle aspiration of the thyroid (Also called: Thyroid nodule biopsy)"
    needle = [concept("fine", 6.0), concept("aspiration", 5.0), concept("thyroid", 4.0)]
    assert topic_phrase(fna, needle) == "Fine needle aspiration of the thyroid"
    # other words between still part them
    far = "Aspiration pneumonia in adults with a thyroid disorder"
    assert topic_phrase(far, [concept("aspiration", 5.0), concept("thyroid", 4.0)]) == "Aspiration"
    # a word in brackets names the topic where only it states a concept asked
    vaccination = "Varicella (Chickenpox) Vaccination"
    pox = [concept("chickenpox", 7.0), concept("vaccine", 5.0)]
    assert topic_phrase(vaccination, pox) == "Chickenpox Vaccination"
    assert topic_phrase(vaccination, pox[1:]) == "Vaccination"
    # a list of other names is not the title's own words
    listed = "Chickenpox (Also called: Varicella; Chicken pox)"
    assert topic_phrase(listed, [concept("varicella", 6.0)]) is None


def test_neighbouring_question_words_that_stand_together_in_a_title_count() -> None:
    assert adjacent_pairs(["colon", "cancer", ""], ["colon", "cancer", "treatment"]) == 1
    assert adjacent_pairs(["cancer", "colon"], ["colon", "cancer"]) == 0


def test_an_acronym_the_library_gives_as_an_issuer_names_a_source() -> None:
    index = TopicIndex(
        TITLES, ["National Institute for Health and Care Excellence (NICE)", "HIV Medicine Group"]
    )
    assert index.issuer_named("NICE") is not None
    assert index.issuer_named("HIV", ["human immunodeficiency virus"]) is None
    assert index.issuer_named("nice") is None  # a word, not an acronym


def test_one_body_of_a_joint_issuer_is_named_alone() -> None:
    # "per NICE" names NICE, and a guideline NICE issued with a developer is NICE's too
    developed = (
        "National Guideline Centre; National Institute for Health and Care Excellence (NICE)"
    )
    index = TopicIndex(
        TITLES, [developed, "National Institute for Health and Care Excellence (NICE)"]
    )
    nice = index.issuer_named("NICE")
    assert nice == frozenset(terms("National Institute for Health and Care Excellence (NICE)"))
    assert issued_by(developed, [nice])
    assert not issued_by("National Guideline Centre", [nice])


def test_an_issuer_is_named_by_the_initials_of_its_name() -> None:
    index = TopicIndex(TITLES, ["U.S. Preventive Services Task Force", "World Health Organization"])
    assert index.issuer_named("USPSTF") == frozenset(terms("U.S. Preventive Services Task Force"))
    assert index.issuer_named("WHO") == frozenset(terms("World Health Organization"))
    assert index.issuer_named("PSTF") is None
    assert initials("Association of periOperative Registered Nurses") == frozenset()
    assert initials("Department of Veterans Affairs; Veterans Health Administration") == {
        "DVA",
        "VHA",
    }


def test_an_issuer_named_in_full_is_a_source() -> None:
    index = TopicIndex(
        TITLES, ["The Endocrine Society", "American Academy of Pediatrics (AAP)", "McGill"]
    )
    society = frozenset(terms("The Endocrine Society"))
    asked = "what hydrocortisone dose does the Endocrine Society suggest?"
    assert index.issuers_spelled(asked) == [society]
    academy = index.issuers_spelled("Per the American Academy of Pediatrics, when?")
    assert academy == [frozenset(terms("American Academy of Pediatrics (AAP)"))]
    # a part of a name, the words of a name apart, or a one-word name names no source
    assert index.issuers_spelled("an endocrine disorder of society") == []
    assert index.issuers_spelled("the endocrine societys' view") == []
    assert index.issuers_spelled("I studied at McGill") == []
    # the issuer is where the answer comes from; the words of its name keep their weight,
    # since they may name the topic too ("American Diabetes Association")
    query = Query(
        question="Addison's disease: what dose does the Endocrine Society suggest?",
        language="en",
        content_words=("Addison's", "disease", "dose", "Endocrine", "Society", "suggest"),
        expansions=(),
        clauses=(Clause("Addison's", 1.0),),
        vector=np.zeros(4, dtype=np.float32),
        concepts=tuple(
            (3.0, (frozenset(terms(w)),))
            for w in ("Addison's", "disease", "dose", "Endocrine", "Society", "suggest")
        ),
    )
    named = name_sources(query, index)
    assert named.named_sources == (society,)
    assert [weight for weight, _ in named.concepts] == [3.0] * 6


def test_a_title_names_its_subject_not_its_list_of_other_names() -> None:
    index = TopicIndex(
        [
            ("rx", "Getting a prescription filled (Also called: Pharmacy - mail order)"),
            ("lis", "Locked-In Syndrome"),
        ]
    )
    assert index.stating((1.0, (frozenset({"mail"}),))) == {"rx"}
    assert index.naming((1.0, (frozenset({"mail"}),))) == set()
    assert index.naming((1.0, (frozenset({"syndrom"}),))) == {"lis"}


def test_a_named_issuer_weighs_nothing_and_is_not_read_as_another_abbreviation() -> None:
    index = TopicIndex(TITLES, ["Global Initiative for Asthma (GINA)"])
    gina = Expansion("GINA", "Genetic Information Nondiscrimination Act", 1.0)
    saba = Expansion("SABA", "short-acting beta-agonist", 1.0)
    query = Query(
        question="Is SABA alone acceptable per GINA?",
        language="en",
        content_words=("SABA", "acceptable", "GINA"),
        expansions=(gina, saba),
        clauses=(Clause("SABA", 1.0), Clause("GINA", 1.0), Clause(gina.long, 1.5, phrase=True)),
        vector=np.zeros(4, dtype=np.float32),
        concepts=tuple((3.0, (frozenset(terms(w)),)) for w in ("SABA", "acceptable", "GINA")),
    )
    named = name_sources(query, index)
    assert named.named_sources == (frozenset(terms("Global Initiative for Asthma (GINA)")),)
    assert named.expansions == (saba,)
    assert [c.text for c in named.clauses] == ["SABA"]
    assert [weight for weight, _ in named.concepts] == [3.0, 3.0, 0.0]


def test_an_issuer_written_as_its_acronym_is_not_read_as_another_abbreviation() -> None:
    # the library's GINA documents give their issuer as "GINA": the question's GINA keeps
    # its weight (its titles may name the topic) but is no Genetic Information Act
    index = TopicIndex(TITLES, ["GINA"])
    gina = Expansion("GINA", "Genetic Information Nondiscrimination Act", 1.0)
    act = frozenset(terms(gina.long))
    query = Query(
        question="Is SABA alone acceptable per GINA?",
        language="en",
        content_words=("SABA", "GINA"),
        expansions=(gina,),
        clauses=(Clause("SABA", 1.0), Clause("GINA", 1.0), Clause(gina.long, 1.5, phrase=True)),
        vector=np.zeros(4, dtype=np.float32),
        concepts=((3.0, (frozenset(terms("SABA")),)), (4.0, (frozenset(terms("GINA")), act))),
    )
    read = name_sources(query, index)
    assert read.expansions == ()
    assert [c.text for c in read.clauses] == ["SABA", "GINA"]
    assert read.concepts[1] == (4.0, (frozenset(terms("GINA")),))
    assert not index.issuer_acronym("Gina")


def test_a_title_is_as_pure_as_its_name_that_best_fits_the_question() -> None:
    index = TopicIndex(
        [
            ("stroke", "Stroke outlook (Also called: CVA; Cerebral infarction)"),
            ("lupus", "Lupus Nephritis"),
            *TITLES,
        ]
    )
    stroke, recovery = concept("stroke", 6.0), concept("recovery", 3.0)
    # Its other names are the topic again, not something else the document is about.
    assert index.purity("stroke", [stroke, recovery]) == 0.5  # "outlook" is not asked about
    assert index.purity("stroke", [concept("cva", 6.0)]) == 1.0
    assert index.purity("lupus", [concept("lupus", 6.0)]) == 0.5


def test_a_title_said_whole_is_a_topic_however_rare_the_words_around_it() -> None:
    said = words("EPI 743: my son has leigh disease, like his sister. Any hope with EPI743?")
    assert says_title(said, "Leigh's Disease")
    assert says_title(said, "Leigh Disease (Also called: subacute necrotizing encephalopathy)")
    assert not says_title(said, "Leigh syndrome")  # not said
    assert not says_title(said, "Hope")  # one word: a word, not yet a title said
    assert not says_title(words("the disease of Leigh"), "Leigh's Disease")


def _weighed(question: str, weights: dict[str, float]) -> Query:
    """A question read into these words, each weighing as given (its own term)."""
    concepts = tuple((w, (frozenset(terms(word)),)) for word, w in weights.items())
    return replace(framed(question, tuple(weights), NO_FRAME), concepts=concepts)


VAPING = "What is the best treatment for vaping lung injury?"
VAPING_WEIGHTS = {"treatment": 1.23, "vaping": 10.01, "lung": 3.01, "injury": 3.32}


def test_the_word_most_of_a_question_rests_on_is_its_dominant_word() -> None:
    assert dominant_word(_weighed(VAPING, VAPING_WEIGHTS)) == 1
    iron = {"inherited": 2.82, "store": 5.06, "iron": 5.0, "treated": 2.29}
    assert dominant_word(_weighed("An inherited condition that stores iron?", iron)) is None
    # a word asking for a kind of answer is no subject, however rare in the library
    spanish = {"diagnosticar": 3.08, "hipotiroidismo": 5.83, "medicamento": 9.0}
    assert dominant_word(_weighed("¿Con qué medicamento se trata?", spanish)) is None
    # nor is a number, a value ("a fever of 102"), though a name with digits is one
    fever = {"son": 0.57, "fever": 4.13, "102": 7.25}
    assert dominant_word(_weighed("my son has a fever of 102 what should i do", fever)) is None
    variant = {"T315I": 9.0, "nilotinib": 2.0}
    assert dominant_word(_weighed("T315I on nilotinib?", variant)) == 0


def test_a_title_that_does_not_state_the_dominant_word_names_no_topic() -> None:
    query = _weighed(VAPING, VAPING_WEIGHTS)
    index = TopicIndex([("burns", "Inhalation Injury in Burns"), ("ecig", "E-Cigarettes")])
    matches = {
        "burns": TitleMatch(3.32, (3,), 3.32),  # "injury": 0.3 of the heaviest word's weight
        "ecig": TitleMatch(10.01, (1,), 10.01),
    }
    assert candidate_titles(query, matches, index) == ["ecig"]
    without = _weighed(VAPING, {**VAPING_WEIGHTS, "vaping": 6.0})  # no word most of it
    assert candidate_titles(without, matches, index) == ["burns", "ecig"]


def test_a_title_the_patient_is_said_to_have_names_the_topic_beside_the_dominant_word() -> None:
    # "brace" weighs most, but the daughter has scoliosis: that title is the topic
    question = "my daughter has scoliosis, does she need a brace?"
    query = _weighed(question, {"daughter": 0.64, "scoliosis": 5.11, "brace": 6.63})
    index = TopicIndex([("scol", "Scoliosis")])
    matches = {"scol": TitleMatch(5.11, (1,), 5.11)}
    assert candidate_titles(query, matches, index) == ["scol"]
    # asked whether she has it, it is not said she does
    asked = "does my daughter have scoliosis, and does she need a brace?"
    doubt = _weighed(asked, {"daughter": 0.64, "scoliosis": 5.11, "brace": 6.63})
    assert candidate_titles(doubt, matches, index) == []


def test_without_a_topic_a_statement_must_state_the_dominant_word() -> None:
    query = _weighed("Is there a cure for long covid?", {"cure": 4.44, "long": 3.0, "covid": 9.0})
    assert off_topic_reason(query, "Diabetes is a life-long disease and there is no cure.", "d", "")
    assert (
        off_topic_reason(query, "There is no cure yet for long-term effects of COVID-19.", "d", "")
        is None
    )


class _Counts:
    """A store seam: how many passages the library holds, and how many use each word (the
    whole shared library's counts for these words)."""

    def __init__(self, passages: int, uses: dict[str, int]) -> None:
        self._passages, self._uses = passages, uses

    def counts(self) -> dict[str, int]:
        return {"passages": self._passages}

    def doc_freq(self, word: str) -> int:
        return self._uses.get(word.casefold(), 0)

    def lexical_search(self, clauses: object, k: int) -> list[tuple[int, float]]:
        return []

    def passages(self, keys: object) -> dict[str, object]:
        return {}


RABIES = "How long is the incubation period of rabies?"
RABIES_WEIGHTS = {"long": 3.0, "incubation": 7.99, "period": 3.64, "rabies": 8.69}
RABIES_USES = {"long": 4639, "incubation": 29, "period": 2391, "rabies": 14}
RABIES_TITLES = [
    ("rabies", "Rabies"),
    ("ttp", "Thyrotoxic periodic paralysis"),
    ("iron", "Do you have information about Iron"),
]


def test_a_word_that_is_a_title_by_itself_is_the_library_s_name_for_a_topic() -> None:
    index = TopicIndex(RABIES_TITLES)
    assert titled_alone("rabies", index) and titled_alone("Iron", index)
    assert not titled_alone("periodic", index) and not titled_alone("incubation", index)
    assert heaviest_word(_weighed(RABIES, RABIES_WEIGHTS)) == "rabies"


def test_the_rarest_word_that_is_a_title_by_itself_names_its_topic_though_english_uses_it_more():
    # "rabies" is in 14 of 88,787 passages, rarer there than in everyday English: read as a
    # word of conversation, it named only titles that pair it, and "period" named the topic
    index = TopicIndex(RABIES_TITLES)
    named = titles_named(_weighed(RABIES, RABIES_WEIGHTS), index, _Counts(88787, RABIES_USES))  # type: ignore[arg-type]
    assert "rabies" not in named.chat
    assert "rabies" in named.matches
    # a title-word of the story around the question is still one of conversation
    iron = {"inherited": 2.82, "store": 5.06, "iron": 5.0, "treated": 2.29}
    uses = {"inherited": 1500, "store": 200, "iron": 604, "treated": 9000}
    story = titles_named(
        _weighed("My body stores too much iron?", iron), index, _Counts(88787, uses)
    )  # type: ignore[arg-type]
    assert "iron" in story.chat


def test_a_page_asking_whether_to_see_a_doctor_is_about_its_condition() -> None:
    index = TopicIndex(
        [
            ("asked", "Do I need to see a doctor for Fever ?"),
            ("other", "Do I to a for Fever ?"),
            *TITLES,
        ]
    )
    # the words that ask whether to see a doctor are no other subject of the page
    fever = [concept("fever", 6.0)]
    assert index.purity("asked", fever) == index.purity("other", fever)
    assert subject_terms("Do I need to see a doctor for Adult Still's disease ?") == frozenset(
        terms("adult disease")
    )


def test_the_words_of_a_group_of_patients_name_a_topic_only_beside_a_word_of_the_topic() -> None:
    index = TopicIndex(
        [
            *TITLES,
            ("social", "Older people with social care needs and multiple long-term conditions"),
            ("cognition", "Screening for cognitive impairment in older adults"),
            ("depression", "Postpartum Depression"),
        ]
    )
    weights = {"target": 3.07, "HbA1c": 6.64, "older": 3.39, "adults": 2.27, "comorbidities": 4.58}
    question = "What is the target HbA1c for older adults with comorbidities?"
    named = titles_named(_weighed(question, weights), index, None)
    # "older" is said of the patient ("older adults"), not of a topic "Older people" or
    # "older adults" names
    assert not {"social", "cognition"} & set(named.matches)
    weights = {"postpartum": 5.0, "depression": 3.0, "treated": 1.0}
    question = "How is postpartum depression treated?"
    named = titles_named(_weighed(question, weights), index, None)
    assert named.matches["depression"].concepts == (0, 1)


def test_a_title_gives_its_subject_another_name_in_a_closing_bracket() -> None:
    assert named_both_ways("Parasites - Toxoplasmosis (Toxoplasma infection)") == (
        "Toxoplasmosis",
        "Toxoplasma infection",
    )
    assert named_both_ways(
        "Parasites - American Trypanosomiasis (also known as Chagas Disease)"
    ) == (
        "American Trypanosomiasis",
        "Chagas Disease",
    )
    # an abbreviation, a mark, a part, a list of other names, or a bracket after a long
    # title gives no second name
    for title in (
        "Tuberculosis (TB)",
        "Gastrointestinal Neuroendocrine Tumors (PDQ®) - NCI",
        "Plasma Cell Neoplasms (Including Multiple Myeloma)",
        "Addison disease (Also called: Primary adrenal insufficiency)",
        "Management of chronic pain in survivors of adult cancers (ASCO guideline)",
    ):
        assert named_both_ways(title) is None, title


def test_two_words_the_library_writes_as_one_name_its_title() -> None:
    """ "what is the treatment for pink eye": "pinkeye", which the library writes, states both
    words, so the title "Pinkeye" names the topic though "pink" is an everyday word that
    names one only beside its neighbour."""

    counts = {"pinkeye": 5, "prostatecancer": 3}  # passages using each (the store's count)

    def used(text: str) -> int:
        return counts.get(text, 0)

    asked = "what is the treatment for pink eye"
    assert written_together(["treatment", "pink", "eye"], used, asked) == [("pink eye", "pinkeye")]
    # not two words apart in the question, nor two the library's text ran together
    assert written_together(["pink", "eye"], used, "pink, and an eye") == []
    cancer = "prostate cancer seeds"
    assert written_together(["prostate", "cancer"], used, cancer) == []
    index = TopicIndex([*TITLES, ("pink", "Pinkeye"), ("lady", "Pink lady syndrome")])
    joined = frozenset(terms("pinkeye"))
    concepts = [
        concept("treatment", 1.0),
        (7.0, (frozenset(terms("pink")), joined)),
        (3.5, (frozenset(terms("eye")), joined)),
    ]
    ranked = index.rank(concepts, asked, unless_paired={1})
    assert ranked["pink"].concepts == (1, 2)
    assert "lady" not in ranked  # "pink" beside no word of the question
