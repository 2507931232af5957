"""Recommendation strength and evidence grades as guidelines state them.

"(Strong recommendation, High quality of evidence)", "Grade A", "Level II-2", "(1B)",
"[I-A]", "B recommendation", "Quality of Evidence: Moderate". The text is kept as written.
"""

from __future__ import annotations

import re

_PATTERNS = (
    r"\((?:[^()]*\b(?:strong|weak|conditional|moderate|low|high|very low)\b[^()]*"
    r"\b(?:recommendation|evidence)\b[^()]*)\)",
    r"\b(?:strength of recommendation|quality of evidence|level of evidence|"
    r"grade of recommendation|evidence level|class of recommendation)\s*[:=]?\s*"
    r"[A-Za-z0-9\-+ ]{1,20}",
    r"\b(?:grade|level|class)\s+(?:[A-D][+-]?|I{1,3}V?(?:-\d)?[a-c]?|IV|V|[1-4][a-c]?)\b"
    r"(?:\s+(?:recommendation|evidence))?",
    r"\(\s*[1-2][A-C]\s*\)",
    r"\[\s*(?:I{1,3}V?|IV|V)\s*[-,]?\s*[A-E]\s*\]",
    r"\b[A-D] recommendation\b",
    r"\b(?:strong|weak|conditional) recommendation\b",
)
_GRADE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)
_ONLY_GRADE = re.compile(rf"^\W*(?:{_GRADE.pattern})[\W\s]*$", re.IGNORECASE)


def find_grade(text: str) -> str | None:
    """The first grade or strength stated in the text, as written, without brackets."""
    match = _GRADE.search(text)
    if match is None:
        return None
    return match.group().strip().strip("()[]").strip()


def is_grade_only(text: str) -> bool:
    """Whether a sentence says nothing but a grade (it then belongs to the one before)."""
    return bool(_ONLY_GRADE.match(text.strip())) or (
        len(text.split()) <= 12 and find_grade(text) is not None and text.count(":") >= 1
    )
