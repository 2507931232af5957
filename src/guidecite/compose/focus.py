"""What kind of answer a question asks for, read from its wording alone.

"How quickly / how often / when / at what age" asks for a time or an interval, "what dose /
how much" for an amount, "what level / which threshold" for a number. A statement that
carries that kind of answer is preferred. This is about the grammar of questions, not about
medicine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNIT_TIME = r"(?:seconds?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|wk|months?|years?|yrs?)"


@dataclass(frozen=True)
class Focus:
    name: str
    asks: re.Pattern[str]
    answers: re.Pattern[str]


FOCI = (
    Focus(
        "time",
        re.compile(
            r"\b(?:how (?:long|soon|quickly|often|frequently)|when\b|what age|"
            r"at what (?:age|time|point)|which age|how many (?:days|weeks|months|years|"
            r"hours|doses)|what (?:interval|schedule|spacing|timing)|timing|spacing|"
            r"from what gestation|until)",
            re.I,
        ),
        re.compile(
            rf"\b\d+(?:[.,]\d+)?\s*(?:-|to|–)?\s*\d*\s*{_UNIT_TIME}\b|\bwithin\b|"
            r"\bevery\b|\bage[sd]?\s+\d|\bannual|\bdaily\b|\bmonthly\b|\bweekly\b",
            re.I,
        ),
    ),
    Focus(
        "amount",
        re.compile(r"\b(?:dose|doses|dosing|dosage|how much|what amount)\b", re.I),
        re.compile(
            r"\b\d+(?:[.,]\d+)?\s*(?:-|to|–)?\s*\d*(?:[.,]\d+)?\s*"
            r"(?:mg|g|mcg|µg|μg|ug|units?|iu|ml|mmol|meq|mg/kg|ml/kg|mg/m2|%)",
            re.I,
        ),
    ),
    Focus(
        "number",
        re.compile(
            r"\b(?:what level|which level|threshold|cut-?off|target|how high|how low|"
            r"what (?:value|score|range))\b",
            re.I,
        ),
        re.compile(r"\d"),
    ),
)


def foci(question: str) -> tuple[Focus, ...]:
    """The kinds of answer the question asks for (possibly none)."""
    return tuple(focus for focus in FOCI if focus.asks.search(question))


def answers_focus(statement: str, wanted: tuple[Focus, ...]) -> bool:
    return any(focus.answers.search(statement) for focus in wanted)
