"""Understanding a question: validation, content words, abbreviations both ways, wording,
the frame and its topic."""

from __future__ import annotations

import math

import pytest

from guidecite.abbreviations import AbbreviationTable
from guidecite.analysis import terms
from guidecite.errors import QuestionError
from guidecite.query import (
    ANSWER_WORD_WEIGHT,
    Query,
    clean_question,
    content_words,
    detect_language,
    everyday_words,
    species_abbreviated,
    spellings,
    understand,
    weigh_concepts,
    with_answer_words,
)
from guidecite.scoring import read, stated, states_all
from guidecite.topics import TopicIndex


def read_in(library, question: str) -> Query:  # type: ignore[no-untyped-def]
    """The question understood against the test library."""
    return understand(question, library.store, library.embedder, library.abbreviations)


@pytest.mark.parametrize(
    ("text", "problem"),
    [("", "empty"), ("   \n\t ", "empty"), ("?? -- !!", "empty"), ("x" * 4001, "4,001")],
)
def test_bad_questions_are_refused_with_the_problem_named(text: str, problem: str) -> None:
    with pytest.raises(QuestionError, match=problem):
        clean_question(text)


def test_control_characters_and_spacing_are_cleaned() -> None:
    assert clean_question(" what\x00 is\x07  NSE?\n") == "what is NSE?"


def test_content_words_drop_question_wording_and_keep_compounds() -> None:
    words = content_words("What is the recommended Ki-67 threshold for a G2 pNET?")
    assert words == ("Ki-67", "threshold", "G2", "pNET")
    # a contraction typed without its apostrophe is grammar, not a topic ("Cant syndrome")
    assert content_words("people who get air in but cant get it out") == ("air",)
    # nor is a conjunction the library happens to use rarely ("though" weighed like a drug)
    said = "bad diarrhea, though my mother used it, even so"
    assert content_words(said) == ("bad", "diarrhea", "mother")
    # a capital letter after a word names a kind of it; an initial, or "I", does not
    assert content_words("How is hepatitis C treated?") == ("hepatitis", "C", "treated")
    assert content_words("Should I take vitamin A for my eyes?") == ("take", "vitamin", "A", "eyes")
    assert content_words("Fulminant C. difficile colitis") == ("Fulminant", "difficile", "colitis")
    # a message typed in small letters names the kind by a small letter; a letter written for
    # a word ("can u help") or after a word of the asking ("I m", "from e coli") is no kind
    assert content_words("should everyone get tested for hepatitis c") == (
        "everyone",
        "tested",
        "hepatitis",
        "c",
    )
    assert content_words("low on vitamin d") == ("low", "vitamin", "d")
    assert content_words("can u help with my back, I m tired") == ("back", "tired")
    assert content_words("pain from e coli") == ("pain", "coli")


def test_spanish_is_recognised_and_english_is_not_mistaken_for_it() -> None:
    assert detect_language("¿Con qué medicamento se trata el hipotiroidismo?") == "es"
    assert detect_language("What is the dose of hydrocortisone in Addison disease?") == "en"


def test_a_long_form_in_the_question_finds_its_library_short_form() -> None:
    table = AbbreviationTable()
    table.add_text("Patients with obstructive sleep apnea (OSA) should be offered CPAP.")
    found = table.contractions("Newly diagnosed obstructive sleep apnoea in an adult")
    assert found == [("obstructive sleep apnoea", "OSA")]


def test_a_word_in_able_is_stated_by_the_verb_it_is_made_from() -> None:
    def says(word: str, text: str) -> bool:
        return stated((1.0, spellings(word)), read(frozenset(terms(text))))

    assert says("curable", "Current therapy will not cure it.")
    assert says("treatable", "Doctors treat it with surgery.")
    assert says("preventable", "It can be prevented.")  # the stemmer's own reading
    assert not says("curable", "Treatment can be effective.")
    assert not says("table", "Lay it on the tab.")  # no verb in "table"


def test_a_word_of_the_trade_finds_its_short_form_and_an_everyday_word_does_not() -> None:
    table = AbbreviationTable()
    for _ in range(3):
        table.add_text(
            "Screen contacts for tuberculosis (TB) and record the 12-lead "
            "electrocardiogram (ECG) and the coronary artery calcium (CAC) score."
        )
        table.add_text("Give the dose intravenously (IV) over an hour.")
        table.add_text("Ultrasound (US) is preferred.")
        table.add_text("A test (TST) is done.")
    found = dict(table.contractions("Is an electrocardiogram needed in tuberculosis?"))
    assert found == {"electrocardiogram": "ECG", "tuberculosis": "TB"}
    # the end of a longer long form, a Roman numeral, an everyday word: not read as short
    assert table.contractions("What calcium intake is advised?") == []
    assert table.contractions("Is ultrasound or intravenously given contrast needed?") == []
    assert table.contractions("Which test is needed?") == []


def test_a_word_of_the_trade_within_a_longer_long_form_finds_its_short_form_too() -> None:
    # passages say "latent TB" as often as "LTBI": both are searched for
    table = AbbreviationTable()
    for _ in range(3):
        table.add_text("Screen contacts for tuberculosis (TB) and offer treatment.")
        table.add_text("Treat latent tuberculosis infection (LTBI) for 3 months.")
        table.add_text("In non-small cell lung cancer (NSCLC) and small cell lung cancer (SCLC).")
    found = table.contractions("How is latent tuberculosis infection treated?")
    assert found == [("latent tuberculosis infection", "LTBI"), ("tuberculosis", "TB")]
    # each once, however often the question says it
    twice = table.contractions("Is tuberculosis contagious? How is tuberculosis treated?")
    assert twice == [("tuberculosis", "TB")]
    # a longer phrase within a longer long form names another thing: not found
    assert table.contractions("Stage IV non-small cell lung cancer") == [
        ("non-small cell lung cancer", "NSCLC")
    ]


def test_understand_expands_library_abbreviations_and_weighs_rare_words_higher(library) -> None:
    query = read_in(library, "Which biochemical markers follow a pancreatic NET after resection?")
    longs = {e.long.lower() for e in query.expansions if e.short == "NET"}
    assert any("neuroendocrine" in long for long in longs)
    weights = dict(zip(query.content_words, (w for w, _ in query.concepts), strict=True))
    assert weights["resection"] > weights["follow"]
    assert query.vector.shape[0] > 0


def test_a_word_the_library_never_uses_is_reported_unknown(library) -> None:
    query = read_in(library, "How often is zorbquintab injected in adults?")
    assert "zorbquintab" in query.unknown_words
    assert "adults" not in query.unknown_words


class _Counts:
    """A library's word counts, as weigh_concepts asks for them."""

    def __init__(self, passages: int, freq: dict[str, int]) -> None:
        self.passages, self.freq = passages, freq

    def counts(self) -> dict[str, int]:
        return {"passages": self.passages}

    def doc_freq(self, word: str) -> int:
        return self.freq.get(word.lower(), 0)

    def prefix_freq(self, word: str) -> int:
        return self.doc_freq(word)


def test_a_word_of_everyday_conversation_weighs_less_than_its_rarity() -> None:
    # "supposed" and "gastritis" are equally rare here, but "supposed" is common English
    # that the library uses no more than ordinary text does: it is not the subject.
    store = _Counts(100_000, {"supposed": 40, "gastritis": 40})
    words = ("supposed", "gastritis")
    (chat, _), (subject, _) = weigh_concepts(words, (), store)[0]  # type: ignore[arg-type]
    assert chat < 0.5 * subject


def test_an_everyday_word_a_title_names_beside_its_question_neighbour_keeps_its_weight() -> None:
    store = _Counts(100_000, {"legs": 3, "restless": 900, "swell": 900})
    titles = TopicIndex([("rls", "Restless Legs Syndrome")])
    words = ("restless", "legs", "swell")
    concepts, *_ = weigh_concepts(words, (), store)  # type: ignore[arg-type]
    kept, *_ = weigh_concepts(words, (), store, (), "restless legs swell", titles)  # type: ignore[arg-type]
    assert kept[1] == (math.log(1 + 100_000 / 4), concepts[1][1])
    # the title names "legs", but not beside the word the question has next to it
    alone, *_ = weigh_concepts(words, (), store, (), "swell legs restless", titles)  # type: ignore[arg-type]
    assert alone[1][0] < kept[1][0]


def test_a_compound_the_library_never_writes_whole_is_weighed_by_its_words() -> None:
    store = _Counts(100_000, {"contact": 900, "device": 700, "first": 9000, "to": 90000})
    words = ("first-contact-to-device",)
    (concept,), unknown, _, unused = weigh_concepts(words, (), store)  # type: ignore[arg-type]
    assert concept[0] > 0 and not unknown and not unused
    assert {"contact", "devic"} <= concept[1][0]
    assert concept[0] == math.log(1 + 100_000 / 701)  # not conversation: its rarest word's rarity


def test_a_hyphenated_compound_is_stated_however_the_text_hyphenates_it() -> None:
    store = _Counts(100_000, {"non-small-cell": 40, "non-muscle-invasive": 30})
    concepts, *_ = weigh_concepts(("non-small-cell", "non-muscle-invasive"), (), store)  # type: ignore[arg-type]
    small_cell, muscle = concepts
    assert states_all([small_cell], "Stage III non-small cell lung cancer")
    assert states_all([small_cell], "Stage III non-small-cell lung cancer")
    assert states_all([muscle], "Diagnosis of non-muscle invasive bladder cancer")
    assert not states_all([muscle], "Diagnosis of muscle-invasive bladder cancer")
    # a compound with a number keeps its parts together: "SCA3" is not "SCA 36 ... 3"
    (sca,), *_ = weigh_concepts(("SCA3",), (), _Counts(100_000, {"sca3": 5}))  # type: ignore[arg-type]
    assert not states_all([sca], "People with SCA36 are mobile for 3 years")


def test_the_words_the_asked_kind_of_answer_is_written_in_are_searched_lightly(library) -> None:
    query = read_in(library, "Which test confirms haemochromatosis, and how is it treated?")
    assert {"test", "management"} <= set(query.frame.intents)
    searched = with_answer_words(query)
    added = searched.clauses[len(query.clauses) :]
    assert searched.clauses[: len(query.clauses)] == query.clauses
    assert {c.text for c in added} >= {"diagnosis", "imaging", "treatment", "recommended"}
    assert all(c.weight == ANSWER_WORD_WEIGHT and not c.phrase for c in added)
    assert "test" not in {c.text for c in added}  # the question says it already


def test_a_word_that_shares_its_stem_with_an_everyday_word_is_everyday_too() -> None:
    # The library counts passages by stem: "mailed" is used as often as "mail" there, and
    # in English "mail" is the commoner form (a subject line "mailed information on ...").
    passages = 88_787
    assert everyday_words({"mail": 52, "lynch": 475}, passages) == {"mail"}
    assert everyday_words({"mailed": 52, "mail": 52, "lynch": 475}, passages) == {"mailed", "mail"}
    assert everyday_words({"mailed": 52, "lynch": 475}, passages) == set()


def test_an_organism_named_in_full_is_also_stated_by_its_abbreviated_name() -> None:
    # the library writes "H. pylori" as often as "Helicobacter pylori"
    store = _Counts(
        100_000,
        {"h. pylori": 69, "helicobacter pylori": 42, "l. disease": 3, "lyme disease": 50},
    )
    found = species_abbreviated(("treatment", "Helicobacter", "pylori", "infection"), store)
    assert found == [("Helicobacter pylori", "H. pylori")]
    words = ("Helicobacter", "pylori")
    concepts = weigh_concepts(words, (), store, found)[0]  # type: ignore[arg-type]
    assert frozenset(terms("H. pylori")) in concepts[0][1]
    # a species is no everyday word: "Lyme disease" names no "L. disease"
    assert species_abbreviated(("Lyme", "disease"), store) == []  # type: ignore[arg-type]


def test_medicine_the_question_asks_to_do_without_weighs_nothing_in_the_search(library) -> None:
    """ "How is colorectal cancer treated without drugs?" searches for what treats it, not
    for drugs: the word weighs nothing and no search clause holds it."""
    query = read_in(library, "How is colorectal cancer treated without drugs?")
    weights = dict(zip(query.content_words, (w for w, _ in query.concepts), strict=False))
    assert weights["drugs"] == 0.0
    assert weights["colorectal"] > 0.0
    assert not any("drugs" in clause.text.split() for clause in query.clauses)
    asked = read_in(library, "Which drugs treat colorectal cancer?")
    weights = dict(zip(asked.content_words, (w for w, _ in asked.concepts), strict=False))
    assert weights["drugs"] > 0.0


def test_a_web_address_the_message_came_from_weighs_nothing_in_the_search(library) -> None:
    """ "ClinicalTrials.gov - Question - general information: ..." says where a message
    came from: the address is no concept the answer must state, and no search clause."""
    query = read_in(library, "ClinicalTrials.gov - Question: how is colorectal cancer treated?")
    weights = dict(zip(query.content_words, (w for w, _ in query.concepts), strict=False))
    assert weights["ClinicalTrials.gov"] == 0.0
    assert weights["colorectal"] > 0.0
    assert not any("ClinicalTrials.gov" in clause.text.split() for clause in query.clauses)
