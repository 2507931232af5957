"""Five readers, same evidence: order and framing change, statements and citations don't."""

from __future__ import annotations

import pytest

from guidecite.answer import answer
from guidecite.audience import (
    READERS,
    document_audience,
    get_reader,
    library_definer,
    order_sections,
    tailor,
    terms_to_explain,
)
from guidecite.errors import QuestionError
from guidecite.types import ArticleSection, Citation, Statement


def statement(text: str) -> Statement:
    return Statement(text, (Citation(1, "p", text, ()),))


SECTIONS = (
    ArticleSection(
        "treatment",
        "Treatment",
        (statement("Give 5 mg daily."), statement("Surgery is an option.")),
    ),
    ArticleSection(
        "monitoring", "Monitoring and follow-up", (statement("Check levels every 3 months."),)
    ),
    ArticleSection(
        "escalation", "When to escalate or refer", (statement("Refer urgently if bleeding."),)
    ),
)


def test_reader_names_and_the_clinician_alias() -> None:
    assert READERS == ("physician", "nurse", "pharmacist", "student", "patient")
    assert get_reader("clinician").name == "physician"
    assert document_audience("patient") == "patient"
    assert document_audience("nurse") == "clinician"
    with pytest.raises(QuestionError, match="choose one of"):
        get_reader("surgeon")


def test_nurses_see_monitoring_and_escalation_first_pharmacists_dosing_first() -> None:
    nurse = [s.key for s in order_sections(SECTIONS, get_reader("nurse"))]
    assert nurse[:2] == ["monitoring", "escalation"]
    pharmacist = order_sections(SECTIONS, get_reader("pharmacist"))
    assert pharmacist[0].key == "treatment"
    assert pharmacist[0].statements[0].text == "Give 5 mg daily."
    physician = [s.key for s in order_sections(SECTIONS, get_reader("physician"))]
    assert physician == ["treatment", "monitoring", "escalation"]


def test_tailoring_never_changes_statements_or_citations(library) -> None:
    base = answer("At what ages should colorectal cancer screening start and stop?", library)
    for name in READERS:
        tailored = tailor(base, get_reader(name), library_definer(library.store))
        original = {(s.text, s.citations[0].passage_id) for s in base.statements}
        kept = {(s.text, s.citations[0].passage_id) for s in tailored.statements}
        assert original <= kept, name
        added = kept - original
        assert all(s.citations for s in tailored.statements)
        assert not added or name in {"patient", "student"}, name
        assert tailored.audience == name


def test_patients_get_care_team_framing_and_library_definitions(library) -> None:
    base = answer(
        "Is a digital rectal exam enough to screen for colon cancer?", library, audience="patient"
    )
    tailored = tailor(base, get_reader("patient"), library_definer(library.store))
    assert "Talk to your care team" in (tailored.notice or "")
    numbers = {r.number for r in tailored.references}
    for section in tailored.sections:
        for s in section.statements:
            assert set(s.references) <= numbers


def test_terms_to_explain_skip_everyday_words() -> None:
    terms = terms_to_explain(
        [statement("Complications after a cholecystectomy include structures.")]
    )
    assert terms == ["cholecystectomy"]
