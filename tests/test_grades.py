"""Evidence grades: read as the guideline writes them, and explained by the document's own
rating scheme. Scheme lines here are placeholder text; real ones come from the NGC slice."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidecite.grades import (
    explain_grade,
    explain_grades,
    find_grade,
    grade_codes,
    is_grade_only,
    store_schemes,
)
from guidecite.types import ANSWERED, Answer, Citation, Reference, Statement


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        (
            "Offer it (Strong recommendation, High quality of evidence).",
            "Strong recommendation, High quality of evidence",
        ),
        ("Offer it. Grade A", "Grade A"),
        ("Offer it (Level II-2).", "Level II-2"),
        ("Offer it (1B).", "1B"),
        ("Offer it [I-A].", "I-A"),
        ("The service is a B recommendation.", "B recommendation"),
        ("Offer it (Level of Evidence: B)", "Level of Evidence: B"),
        ("Offer it (LE=4, GR=C).", "LE=4, GR=C"),
        ("Offer it (Weak For; Reviewed, New-replaced)", "Weak For; Reviewed, New-replaced"),
        ("Offer it (II-2B)", "II-2B"),
        ("Offer it (1|++OO)", "1|++OO"),
        ("Offer it (GPP)", "GPP"),
        ("Offer it (Expert Opinion).", "Expert Opinion"),
        ("Offer it (C)", "C"),
    ],
)
def test_find_grade_reads_the_formats_guidelines_use(text: str, grade: str) -> None:
    assert find_grade(text) == grade


@pytest.mark.parametrize(
    "text",
    [
        "Offer it (new 2013).",
        "Offer it (2006, amended 2013).",
        "Offer it (see Table 1 in the original guideline document).",
        "Use a scan (computed tomography).",
        "Offer it (2).",
        "The panel grades its evidence (High, Moderate, and Low).",
        "Dosing is set (dosing dependent on body weight and blood level).",
        "A sentence without any grade at all.",
    ],
)
def test_find_grade_ignores_brackets_that_are_not_grades(text: str) -> None:
    assert find_grade(text) is None


def test_a_line_of_only_a_grade_belongs_to_the_sentence_before() -> None:
    assert is_grade_only("(Level A)")
    assert is_grade_only("Level of Evidence: B")
    assert not is_grade_only("Offer the option to everyone who asks for it (Level A).")


def test_grade_codes_are_most_specific_first() -> None:
    assert grade_codes("Grade 1B") == ["1B", "1", "B"]
    assert grade_codes("II-2B") == ["II-2B", "II-2", "B"]
    assert grade_codes("Strong recommendation, low quality of evidence") == ["strong", "low"]


SCHEME = (
    "How the panel rated its evidence",
    "| Level 1 | Placeholder definition of level one |",
    "1: Placeholder definition of strength one",
    "B: Placeholder definition of letter B",
    "Class IV",
    "Placeholder definition on the line after its code",
    "Low quality: placeholder definition of low",
    "| C | Placeholder definition of letter C. | Placeholder advice for C. |",
)


@pytest.mark.parametrize(
    ("grade", "meaning"),
    [
        ("Level 1", "Level 1: Placeholder definition of level one"),
        (
            "Grade 1B",
            "1: Placeholder definition of strength one / B: Placeholder definition of letter B",
        ),
        ("Class IV", "Class IV: Placeholder definition on the line after its code"),
        (
            "Strong recommendation, low quality of evidence",
            "Low quality: placeholder definition of low",
        ),
        ("Grade C", "C: Placeholder definition of letter C; Placeholder advice for C"),
        ("Grade Z", None),
    ],
)
def test_explain_grade_quotes_the_schemes_own_definition(grade: str, meaning: str | None) -> None:
    assert explain_grade(grade, SCHEME) == meaning


def test_explain_grades_uses_the_scheme_of_the_cited_document() -> None:
    graded = Statement("Offer it.", (Citation(1, "p1", "Offer it (1B).", ()),), grade="1B")
    plain = Statement("Do it.", (Citation(1, "p1", "Do it.", ()),))
    ref = Reference(1, "doc-1", "Guide", None, 2020, None, "g.md")
    answer = Answer("q", "Q", ANSWERED, "clinician", bottom_line=(graded, plain), references=(ref,))
    asked: list[str] = []

    def scheme_of(doc_id: str) -> tuple[str, ...]:
        asked.append(doc_id)
        return SCHEME

    result = explain_grades(answer, scheme_of)
    assert result.bottom_line[0].grade_scheme.startswith("1: Placeholder")
    assert result.bottom_line[1].grade_scheme is None
    assert asked == ["doc-1"]


def test_rating_schemes_are_read_from_the_store(slice_home: Path) -> None:
    from guidecite.store.embedded import EmbeddedStore
    from guidecite.types import short_hash

    store = EmbeddedStore(slice_home)
    try:
        lines = store_schemes(store)(short_hash("ngc/ngc-11005.html"))
        assert any(line.startswith("| A |") for line in lines)
        meaning = explain_grade("A recommendation", lines)
        assert meaning is not None and meaning.startswith("A: ")
        assert store_schemes(store)("no-such-document") == []
    finally:
        store.close()


def test_a_document_without_a_rating_scheme_gives_none() -> None:
    class NoScheme:
        def rating_scheme(self, doc_id: str) -> list[object]:
            return []

    assert list(store_schemes(NoScheme())("doc")) == []  # type: ignore[arg-type]
