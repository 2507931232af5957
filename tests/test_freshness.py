"""Freshness and disagreement: every reference shows its year, old ones are flagged, and
sources that differ on the same point are shown side by side. Placeholder text throughout."""

from __future__ import annotations

from datetime import date

import pytest

from guidecite.answer import Library, answer
from guidecite.freshness import Said, differ, find_disagreements, flag_stale
from guidecite.render import render
from guidecite.settings import Settings
from guidecite.types import ANSWERED, Answer, ArticleSection, Citation, Reference, Statement

TODAY = date(2026, 6, 1)


def _ref(number: int, year: int | None) -> Reference:
    return Reference(number, f"d{number}", f"Guide {number}", "Society", year, None, "g.md")


def _answer(*said: tuple[str, int, str], years: tuple[int | None, ...] = (2024, 2012)) -> Answer:
    """Statements (text, reference number, passage text), one a section."""
    statements = tuple(
        Statement(text, (Citation(number, f"p{i}", passage, ("S",)),))
        for i, (text, number, passage) in enumerate(said)
    )
    return Answer(
        "q",
        "Q",
        ANSWERED,
        "clinician",
        bottom_line=statements[:1],
        sections=(ArticleSection("other", "Other", statements[1:]),),
        references=tuple(_ref(n, y) for n, y in enumerate(years, 1)),
    )


# -- freshness ------------------------------------------------------------------------------


def test_references_older_than_the_limit_are_stale() -> None:
    result = flag_stale(_answer(("A.", 1, "A.")), 5, today=TODAY)
    assert [r.stale for r in result.references] == [False, True]
    assert result.max_age_years == 5


def test_the_limit_is_inclusive_and_a_missing_year_is_never_stale() -> None:
    result = flag_stale(_answer(("A.", 1, "A."), years=(2021, None)), 5, today=TODAY)
    assert [r.stale for r in result.references] == [False, False]
    assert flag_stale(_answer(("A.", 1, "A.")), 20, today=TODAY).references[1].stale is False


def test_the_age_limit_is_a_setting() -> None:
    assert Settings.load(env={"GUIDECITE_MAX_AGE_YEARS": "3"}, dotenv=None).max_age_years == 3
    assert Settings.load(env={}).max_age_years == 5


def test_answers_on_the_library_flag_old_guidelines(library: Library) -> None:
    result = answer("At what ages does the USPSTF recommend colorectal cancer screening?", library)
    assert result.max_age_years == 5
    old = [r for r in result.references if r.year is not None and date.today().year - r.year > 5]
    assert old and all(r.stale for r in old)
    text = render(result, "markdown")
    assert "older than 5 years" in text and "Older than 5 years." in text


# -- disagreement ---------------------------------------------------------------------------

INTERVAL_A = "Adults with zorvex should have a scan every 6 months after treatment."
INTERVAL_B = "Adults with zorvex should have a scan every 12 months after treatment."


def test_different_intervals_on_the_same_point_disagree() -> None:
    result = find_disagreements(_answer((INTERVAL_A, 1, INTERVAL_A), (INTERVAL_B, 2, INTERVAL_B)))
    assert len(result.disagreements) == 1
    disagreement = result.disagreements[0]
    assert disagreement.point == "interval"
    assert {(c.reference, c.text) for c in disagreement.claims} == {
        (1, INTERVAL_A),
        (2, INTERVAL_B),
    }


def test_a_sentence_of_another_cited_passage_can_disagree() -> None:
    passage = f"Zorvex is rare. {INTERVAL_B} Other things are said here too."
    result = find_disagreements(
        _answer((INTERVAL_A, 1, INTERVAL_A), ("Zorvex is rare.", 2, passage))
    )
    assert [d.point for d in result.disagreements] == ["interval"]
    assert result.disagreements[0].claims[1].text == INTERVAL_B


@pytest.mark.parametrize(
    ("a", "b", "point"),
    [
        (
            "Give examplamab 20 mg daily to adults with zorvex syndrome.",
            "Give examplamab 40 mg daily to adults with zorvex syndrome.",
            "dose",
        ),
        (
            "Treat zorvex when the marker level is above 30% in adults.",
            "Treat zorvex when the marker level is above 50% in adults.",
            "threshold",
        ),
        (
            "Examplamab is the preferred first-line treatment for zorvex syndrome in adults.",
            "Lanreolumab is the preferred first-line treatment for zorvex syndrome in adults.",
            "choice",
        ),
        (INTERVAL_A, INTERVAL_A, None),
        (INTERVAL_A, INTERVAL_B.replace("Adults", "Children"), None),
        (INTERVAL_A, "Zorvex is rare and seen in 12 months of the year in adults.", None),
    ],
)
def test_what_two_sources_differ_on(a: str, b: str, point: str | None) -> None:
    assert differ(Said.of(a, 1, "p1"), Said.of(b, 2, "p2")) == point


def test_one_source_never_disagrees_with_itself() -> None:
    result = find_disagreements(_answer((INTERVAL_A, 1, INTERVAL_A), (INTERVAL_B, 1, INTERVAL_B)))
    assert result.disagreements == ()


def test_disagreements_render_side_by_side_with_years() -> None:
    result = flag_stale(
        find_disagreements(_answer((INTERVAL_A, 1, INTERVAL_A), (INTERVAL_B, 2, INTERVAL_B))),
        today=TODAY,
    )
    text = render(result, "markdown")
    assert "| [1] Society, 2024 | [2] Society, 2012 |" in text
    assert f"| {INTERVAL_A} | {INTERVAL_B} |" in text
