"""Wording and small formatting helpers shared by the renderers.

Nothing here states a medical fact: the only content of a rendered answer is what the
guideline documents say, quoted in its statements and citations.
"""

from __future__ import annotations

from datetime import datetime

from guidecite.types import PARTIAL, SUPPORTED, UNSUPPORTED, Answer, Reference, Statement

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


# -- verification, grades, freshness, disagreement ------------------------------------------

VERDICT_WORDS = {
    SUPPORTED: "supported by the cited passage",
    PARTIAL: "only partly supported by the cited passage",
    UNSUPPORTED: "not supported by the cited passage",
}
POINTS = {
    "interval": "Interval",
    "dose": "Dose",
    "threshold": "Threshold",
    "number": "Number",
    "choice": "First choice",
}


def verification_line(answer: Answer) -> str | None:
    """ "Checked against the cited passages: 9 of 10 statements supported (90%); 1 not
    supported, left out." None when the answer was not verified."""
    if answer.supported_share is None:
        return None
    total = len(answer.statements) + answer.dropped
    supported = round(answer.supported_share * total)
    line = (
        f"Checked against the cited passages: {supported} of {total} statements "
        f"supported ({answer.supported_share:.0%})"
    )
    if answer.dropped:
        line += f"; {answer.dropped} not supported, left out"
    shown = sum(1 for s in answer.statements if s.verdict == UNSUPPORTED)
    if shown:
        line += f"; {shown} not supported, shown flagged"
    return line + "."


def stale_line(answer: Answer, refs: tuple[Reference, ...]) -> str | None:
    """ "Sources [2], [3] are older than 5 years: newer guidance may exist." """
    old = [r.number for r in refs if r.stale]
    if not old or answer.max_age_years is None:
        return None
    numbers = ", ".join(f"[{n}]" for n in old)
    verb = "is" if len(old) == 1 else "are"
    noun = "Source" if len(old) == 1 else "Sources"
    return (
        f"{noun} {numbers} {verb} older than {answer.max_age_years} years: newer guidance "
        "may exist."
    )


def stale_mark(ref: Reference, answer: Answer) -> str | None:
    if not ref.stale or answer.max_age_years is None:
        return None
    return f"Older than {answer.max_age_years} years."


def grade_text(statement: Statement) -> str | None:
    """ "grade: 1B; in this guideline: 1: Strong ..." or None without a grade."""
    if not statement.grade:
        return None
    text = f"grade: {one_line(statement.grade)}"
    if statement.grade_scheme:
        text += f"; in this guideline: {one_line(statement.grade_scheme)}"
    return text


def point_name(point: str) -> str:
    return POINTS.get(point, one_line(point).capitalize())


def reference_label(number: int, answer: Answer) -> str:
    """ "[2] Agency B, 2019" for a reference number of the answer."""
    for ref in answer.references:
        if ref.number == number:
            return f"[{number}] {issuer_and_year(ref)}"
    return f"[{number}]"
