"""Wording and small formatting helpers shared by the renderers.

Nothing here states a medical fact: the only content of a rendered answer is what the
guideline documents say, quoted in its statements and citations.
"""

from __future__ import annotations

from datetime import datetime

from guidecite.types import Reference

DISCLAIMER = (
    "This summary is generated from the guideline library by software and has not yet been "
    "reviewed by a clinician. It is provided for information and education; it is not a "
    "substitute for clinical judgement, for the full text of the cited guidelines, or for "
    "advice from a health professional who knows the patient."
)

NO_EVIDENCE = (
    "The guideline library holds no evidence that answers this question, so no answer is "
    "given. The sources below are the nearest the library holds; a reader might check them."
)

NO_NEAREST_SOURCES = "The library holds no source close to this question either."

_AUDIENCE_LABELS = {"clinician": "For clinicians", "patient": "For patients"}


def one_line(text: str) -> str:
    """`text` with every run of whitespace, newlines included, collapsed to one space."""
    return " ".join(str(text).split())


def audience_label(audience: str) -> str:
    return _AUDIENCE_LABELS.get(audience, f"For readers: {one_line(audience)}")


def generated_date(created_at: str) -> str:
    """The calendar date of an ISO timestamp; the raw text when it is not one."""
    if not created_at:
        return "on an unknown date"
    try:
        return datetime.fromisoformat(created_at).date().isoformat()
    except ValueError:
        return one_line(created_at)


def status_line(audience: str, created_at: str) -> str:
    return f"{audience_label(audience)}. Generated {generated_date(created_at)}; not yet reviewed."


def year_text(year: int | None) -> str:
    return "year unknown" if year is None else str(year)


def issuer_and_year(ref: Reference) -> str:
    """ "Issuer, 2021", "2021" without an issuer, "year unknown" without a year."""
    if ref.issuer:
        return f"{one_line(ref.issuer)}, {year_text(ref.year)}"
    return year_text(ref.year)


def path_text(section_path: tuple[str, ...]) -> str:
    return " > ".join(one_line(part) for part in section_path)
