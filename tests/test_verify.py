"""Statement verification: numbers, negation, modality, comparatives and names must agree with
the cited passage; extractive answers come out supported; unsupported statements never appear
as fact.

The passages here are placeholder text with invented names (zorvex, examplamab), not clinical
content; real passages come from ../shared/corpus.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from guidecite.answer import Library, answer
from guidecite.compose.units import read_with_heading, statement_units, statements_of
from guidecite.embedding import Embedder, HashEmbedder, get_embedder
from guidecite.quantities import holds_values, measured, quantities
from guidecite.types import (
    ANSWERED,
    INSUFFICIENT_EVIDENCE,
    PARTIAL,
    SUPPORTED,
    UNSUPPORTED,
    Answer,
    ArticleSection,
    Citation,
    Reference,
    Statement,
)
from guidecite.verify import (
    Verdict,
    find_support,
    specific_terms,
    verify_answer,
    verify_statement,
)

PASSAGE = (
    "For grade 1 zorvex tumours, imaging is recommended every 3-6 months. "
    "Examplamab 30 mg every 4 weeks should be given to adults with zorvex syndrome. "
    "A marker level <= 20% defines grade 2. "
    "Surgery may be considered for older patients. "
    "Do not offer radiotherapy to people with stage I disease. "
    "Higher doses increase the rate of side effects."
)


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return get_embedder("static")


def check(statement: str, embedder: Embedder, passage: str = PASSAGE) -> Verdict:
    return verify_statement(statement, [passage], embedder)


# -- a sentence of the passage is supported ---------------------------------------------------


@pytest.mark.parametrize("sentence", [s.strip() + "." for s in PASSAGE.split(". ") if s][:-1])
def test_each_sentence_of_the_passage_is_supported(sentence: str, embedder: Embedder) -> None:
    verdict = check(sentence.rstrip(".") + ".", embedder)
    assert verdict.label == SUPPORTED, verdict.reason
    assert verdict.reason == "quoted from the passage"


def test_a_reworded_sentence_with_the_same_words_is_supported(embedder: Embedder) -> None:
    verdict = check(
        "Imaging every 3 to 6 months is recommended for grade 1 zorvex tumours.", embedder
    )
    assert verdict.label == SUPPORTED, verdict.reason
    assert verdict.reason.startswith("the passage states this")


def test_a_list_lead_in_joined_with_its_items_is_supported(embedder: Embedder) -> None:
    passage = "Options for zorvex include:\n- examplamab\n- surgery of the gland\n- waiting"
    verdict = check(
        "Options for zorvex include: examplamab; surgery of the gland; waiting.", embedder, passage
    )
    assert verdict.label == SUPPORTED, verdict.reason


def test_a_table_row_as_cells_is_supported_cell_by_cell(embedder: Embedder) -> None:
    passage = (
        "| Procedure | Rating | Comments |\n"
        "| Scan of the zorvex gland | 3 | This procedure is not a first test. |\n"
        "| Examplamab level | 9 | Not addressed |"
    )
    verdict = check(
        "Scan of the zorvex gland; 3; This procedure is not a first test.", embedder, passage
    )
    assert verdict.label == SUPPORTED, verdict.reason


def test_a_table_row_labelled_with_its_header_is_supported(embedder: Embedder) -> None:
    passage = (
        "| Radiologic Procedure | Rating | Comments | RRL* |\n"
        "| Scan of the zorvex gland | 3 | This procedure is not a first test. | ☢ |\n"
        "| Examplamab level | 9 | This procedure is the definitive test in most patients. | O |"
    )
    (row,) = [u for u in statement_units(passage) if "Examplamab" in u]
    assert row == (
        "Radiologic Procedure: Examplamab level; Rating: 9; "
        "Comments: This procedure is the definitive test in most patients."
    )
    verdict = check(row, embedder, passage)
    assert verdict.label == SUPPORTED, verdict.reason


def test_a_leading_list_number_is_not_read_as_a_claim(embedder: Embedder) -> None:
    passage = "Options:\n1. Surgery of the zorvex gland\n2. Waiting with scans every 6 months"
    verdict = check("2. Waiting with scans every 6 months", embedder, passage)
    assert verdict.label == SUPPORTED, verdict.reason


# -- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("statement", "reason"),
    [
        (
            "For grade 1 zorvex tumours, imaging is recommended every 6 months.",
            "'6 months' is not in the passage (it says '3-6 months')",
        ),
        (
            "Examplamab 20 mg every 4 weeks should be given to adults with zorvex syndrome.",
            "'20 mg' is not in the passage",
        ),
        (
            "Examplamab 30 g every 4 weeks should be given to adults with zorvex syndrome.",
            "'30 g' is not in the passage",
        ),
        ("A marker level > 20% defines grade 2.", "it says '> 20%' where the passage says"),
    ],
)
def test_a_changed_number_is_unsupported(statement: str, reason: str, embedder: Embedder) -> None:
    verdict = check(statement, embedder)
    assert verdict.label == UNSUPPORTED
    assert reason in verdict.reason


def test_a_looser_comparator_of_the_same_direction_is_partial(embedder: Embedder) -> None:
    verdict = check("A marker level < 20% defines grade 2.", embedder)
    assert verdict.label == PARTIAL
    assert "where the passage says '<= 20%'" in verdict.reason


def test_quantities_read_comparators_ranges_and_units() -> None:
    found = quantities("Give 20 mg/kg every 3-6 months to people aged 65 years or older if <=20%")
    assert [(q.direction, q.low, q.high, q.unit) for q in found] == [
        (None, 20.0, 20.0, "mg/kg"),
        (None, 3.0, 6.0, "month"),
        (">=", 65.0, 65.0, "year"),
        ("<=", 20.0, 20.0, "%"),
    ]
    assert quantities("at least two doses")[0].direction == ">="
    assert quantities("tumours smaller than 2 cm")[0].direction == "<"
    assert quantities("stones 5 mm or larger")[0].direction == ">="


def test_a_patient_s_value_meets_a_limit_set_on_what_it_measures() -> None:
    values = measured(
        "Ventilated ARDS patient at 6 mL/kg PBW still has a plateau pressure of 34 cmH2O. "
        "What is the next step?"
    )
    assert [(v.value.low, v.value.unit) for v in values] == [(6.0, "ml/kg"), (34.0, "cmh")]
    assert holds_values(
        "If plateau pressure exceeds 30 cmH2O despite a tidal volume of 6 mL/kg PBW, reduce "
        "tidal volume further to 4 mL/kg PBW.",
        values,
    )
    # a limit the value does not meet, a range (as often a target), or a limit on another
    # measure in the same unit
    assert not holds_values("Keep plateau pressure below 30 cmH2O.", values)
    assert not holds_values("Use 6 mL/kg predicted body weight (range 4-8 mL/kg).", values)
    assert not holds_values("A peak flow above 25 cmH2O needs no change.", values)
    # a limit in words, and no values where the question gives only limits or counts
    assert holds_values(
        "Tumours measuring smaller than 2 cm may be watched.",
        measured("found a tumour about 1 cm in size"),
    )
    assert measured("Should LDL above 190 mg/dL be treated in 2 children?") == []


# -- negation, modality, comparatives ---------------------------------------------------------


@pytest.mark.parametrize(
    ("statement", "reason"),
    [
        (
            "Examplamab 30 mg every 4 weeks should not be given to adults with zorvex syndrome.",
            "negation differs",
        ),
        ("Offer radiotherapy to people with stage I disease.", "negation differs"),
        (
            "Surgery is recommended for older patients.",
            "it says 'is recommended' where the passage says 'may'",
        ),
        (
            "For grade 1 zorvex tumours, imaging may be considered every 3-6 months.",
            "it says 'may' where the passage says",
        ),
        (
            "Higher doses decrease the rate of side effects.",
            "it says 'decrease' where the passage says 'increase'",
        ),
    ],
)
def test_negation_modality_and_direction_must_agree(
    statement: str, reason: str, embedder: Embedder
) -> None:
    verdict = check(statement, embedder)
    assert verdict.label == UNSUPPORTED
    assert reason in verdict.reason


def test_a_grade_tag_in_brackets_does_not_count_as_negation(embedder: Embedder) -> None:
    passage = "The panel suggests not offering examplamab to people with zorvex. (Weak Against)"
    verdict = check(
        "The panel suggests not offering examplamab to people with zorvex.", embedder, passage
    )
    assert verdict.label == SUPPORTED, verdict.reason


def test_a_heading_run_into_the_quoted_sentence_is_no_claim_of_it(embedder: Embedder) -> None:
    # the source lost the line between a heading and its first sentence
    passage = (
        "Zorvex Usually Does Not Return People who develop zorvex syndrome usually have only "
        "one episode in their lifetime. However, a person can have a second episode."
    )
    quoted = (
        "People who develop zorvex syndrome usually have only one episode in their lifetime. "
        "However, a person can have a second episode."
    )
    assert check(quoted, embedder, passage).label == SUPPORTED
    # words a heading would run on into are the sentence's own
    passage = "Do Not Give Examplamab To children with zorvex syndrome who have a fever."
    verdict = check(
        "Give examplamab to children with zorvex syndrome who have a fever.", embedder, passage
    )
    assert verdict.label == UNSUPPORTED
    assert "negation" in verdict.reason


# -- names and words --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("statement", "missing"),
    [
        (
            "Lanreolumab 30 mg every 4 weeks should be given to adults with zorvex syndrome.",
            "Lanreolumab",
        ),
        (
            "Examplamab 30 mg every 4 weeks should be given to children with zorvex syndrome.",
            "children",
        ),
        ("For grade 1 zorvex tumours, MRI is recommended every 3-6 months.", "MRI"),
    ],
)
def test_a_name_the_passage_lacks_is_unsupported(
    statement: str, missing: str, embedder: Embedder
) -> None:
    verdict = check(statement, embedder)
    assert verdict.label == UNSUPPORTED
    assert f"the passage does not mention '{missing}'" in verdict.reason


def test_a_name_from_another_sentence_of_the_passage_is_partial(embedder: Embedder) -> None:
    verdict = check(
        "Examplamab 30 mg every 4 weeks should be given to adults with zorvex radiotherapy.",
        embedder,
    )
    assert verdict.label == PARTIAL
    assert "'radiotherapy' is in the passage, but not where it states this" in verdict.reason


def test_an_ordinary_word_the_passage_lacks_is_partial(embedder: Embedder) -> None:
    verdict = check("Surgery may be considered for older patients at home.", embedder)
    assert verdict.label == PARTIAL
    assert "the passage does not say 'home'" in verdict.reason


def test_a_statement_about_something_else_is_unsupported(embedder: Embedder) -> None:
    verdict = check("Vaccination of travellers prevents outbreaks in schools.", embedder)
    assert verdict.label == UNSUPPORTED


def test_specific_terms_are_acronyms_groups_and_informative_words() -> None:
    terms = specific_terms("Octreotide is given to adults; the CT scan is done for stage III.")
    assert {"Octreotide", "adults", "CT", "III"} <= set(terms)
    assert "given" not in terms and "the" not in terms


# -- similarity is one signal, never the only one ---------------------------------------------


class Orthogonal:
    """A fake embedder under which no two texts are alike."""

    name = "orthogonal"
    dim = 64

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i in range(len(texts)):
            out[i, i % self.dim] = 1.0
        return out


def test_similarity_alone_never_makes_a_statement_unsupported() -> None:
    verdict = check("Surgery may be considered for older patients.", Orthogonal())
    assert verdict.label == PARTIAL
    assert "far in meaning" in verdict.reason


def test_similarity_alone_never_makes_a_statement_supported() -> None:
    verdict = check("Surgery may be considered for younger patients.", HashEmbedder())
    assert verdict.label == UNSUPPORTED


# -- several passages -------------------------------------------------------------------------


def test_the_best_passage_decides_and_each_gets_its_own_verdict(embedder: Embedder) -> None:
    other = "Zorvex is rare in children."
    verdict = verify_statement(
        "Surgery may be considered for older patients.", [other, PASSAGE], embedder
    )
    assert verdict.label == SUPPORTED and verdict.passage == 1
    assert [v.label for v in verdict.by_passage] == [UNSUPPORTED, SUPPORTED]


def test_passages_may_support_a_statement_together(embedder: Embedder) -> None:
    first = "Examplamab is given to adults with zorvex syndrome in clinics."
    second = "Examplamab injections are repeated every 4 weeks in clinics."
    statement = "Examplamab is given to adults with zorvex syndrome every 4 weeks."
    verdict = verify_statement(statement, [first, second], embedder)
    assert verdict.label == SUPPORTED, verdict.reason
    assert "together" in verdict.reason


def test_no_passage_is_unsupported(embedder: Embedder) -> None:
    assert verify_statement("Anything at all.", [], embedder).label == UNSUPPORTED


def test_the_support_is_the_sentence_that_says_it() -> None:
    support = find_support("Surgery may be considered for older patients.", PASSAGE)
    assert support.sentences == ("Surgery may be considered for older patients.",)
    assert support.quoted


# -- answers ----------------------------------------------------------------------------------


def _answer(*texts: str) -> Answer:
    def statement(text: str, number: int) -> Statement:
        return Statement(text, (Citation(number, f"p{number}", PASSAGE, ("Treatment",)),))

    refs = tuple(
        Reference(n, f"d{n}", f"Guide {n}", None, 2020, None, f"g{n}.md")
        for n in range(1, len(texts) + 1)
    )
    statements = [statement(t, n) for n, t in enumerate(texts, 1)]
    return Answer(
        "q",
        "Q",
        ANSWERED,
        "clinician",
        bottom_line=(statements[0],),
        sections=(ArticleSection("treatment", "Treatment", tuple(statements[1:])),),
        references=refs,
    )


GOOD = "Surgery may be considered for older patients."
BAD = "Examplamab 30 mg every 4 weeks should not be given to adults with zorvex syndrome."


def test_verify_answer_drops_unsupported_statements_and_reports_the_share(
    embedder: Embedder,
) -> None:
    checked = verify_answer(
        _answer(GOOD, BAD, "Higher doses increase the rate of side effects."), embedder
    )
    assert [s.text for s in checked.statements] == [
        GOOD,
        "Higher doses increase the rate of side effects.",
    ]
    assert checked.dropped == 1
    assert checked.supported_share == pytest.approx(2 / 3, abs=0.001)
    assert all(s.verdict == SUPPORTED for s in checked.statements)
    assert checked.statements[0].citations[0].verdict == SUPPORTED
    assert [r.number for r in checked.references] == [1, 2]  # reference 2 was BAD's
    assert checked.statements[1].citations[0].reference == 2


def test_verify_answer_shows_unsupported_statements_flagged_when_asked(
    embedder: Embedder,
) -> None:
    checked = verify_answer(_answer(GOOD, BAD), embedder, show_unsupported=True)
    flagged = [s for s in checked.statements if s.verdict == UNSUPPORTED]
    assert [s.text for s in flagged] == [BAD] and checked.dropped == 0
    assert flagged[0].reason


def test_a_dropped_bottom_line_is_replaced_by_the_next_statement(embedder: Embedder) -> None:
    checked = verify_answer(_answer(BAD, GOOD), embedder)
    assert [s.text for s in checked.bottom_line] == [GOOD]
    assert checked.sections == ()


def test_an_answer_with_nothing_supported_says_so(embedder: Embedder) -> None:
    checked = verify_answer(_answer(BAD), embedder)
    assert checked.status == INSUFFICIENT_EVIDENCE
    assert checked.statements == () and checked.nearest_sources
    assert "supported by the passages it cites" in (checked.notice or "")


def test_insufficient_evidence_answers_pass_unchanged(embedder: Embedder) -> None:
    empty = Answer("q", "Q", INSUFFICIENT_EVIDENCE, "clinician")
    assert verify_answer(empty, embedder) is empty


def test_statements_a_composer_dropped_count_in_the_share(embedder: Embedder) -> None:
    checked = verify_answer(replace(_answer(GOOD), dropped=1), embedder)
    assert checked.dropped == 1 and checked.supported_share == 0.5


# -- on the real library ----------------------------------------------------------------------

QUESTIONS = (
    "At what ages does the USPSTF recommend colorectal cancer screening?",
    "How is hairy cell leukemia treated?",
    "What tidal volume is recommended for adults with sepsis-induced ARDS?",
    "Which inhaler is recommended for asthma symptom relief?",
)


@pytest.mark.parametrize("question", QUESTIONS)
def test_extractive_answers_are_verified_and_all_supported(question: str, library: Library) -> None:
    result = answer(question, library, show_unsupported=True)
    assert result.status == ANSWERED
    assert result.statements and result.dropped == 0
    for statement in result.statements:
        assert statement.verdict == SUPPORTED, (statement.text, statement.reason)
    assert result.supported_share == 1.0
    assert "verify" in result.timings_ms


def test_corpus_sentences_are_supported_by_their_passage(embedder: Embedder) -> None:
    from conftest import CORPUS, needs_corpus
    from guidecite.chunking import chunk
    from guidecite.perturb import candidate_sentences
    from guidecite.sources import read_sources

    needs_corpus()
    files = [
        CORPUS / "ngc" / "ngc-10028.html",
        CORPUS / "nci-pdq" / "types-leukemia-hp-hairy-cell-treatment-pdq.md",
    ]
    checked = 0
    for _, doc in read_sources([Path(f) for f in files]):
        for passage in chunk(doc):  # type: ignore[arg-type]
            for sentence in candidate_sentences(passage.text)[:3]:
                verdict = verify_statement(sentence, [passage.text], embedder)
                assert verdict.label == SUPPORTED, (sentence, verdict.reason)
                checked += 1
    assert checked >= 50


def test_a_list_led_in_by_its_heading_is_supported_by_the_passage_read_with_it(
    embedder: Embedder,
) -> None:
    text = "- Unexplained elevation of alkaline phosphatase\n- Paget disease of bone"
    read = read_with_heading(text, "Contraindications")
    [(statement, _)] = statements_of(read)
    assert statement.startswith("Contraindications: Unexplained elevation")
    assert verify_statement(statement, [read], embedder).label == SUPPORTED
