"""Numbers in clinical text, read with their meaning: a value or range, its unit and the
direction a comparator gives it ("<= 20%", "at least 12 months", "every 3-6 months",
"two doses"). Verification (verify.py) checks that a statement's numbers are its support's;
the composer holds a question's own values ("a plateau pressure of 34 cmH2O") against the
limits statements set ("If plateau pressure exceeds 30 cmH2O ...": holds_values). The cue
words are the grammar of English comparisons and units, never clinical facts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .analysis import FUNCTION_WORDS, terms

_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
} | {
    "fifteen": "15",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "hundred": "100",
}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)
_LESS = r"less than|fewer than|lower than|smaller than|below|under|younger than|shorter than|before"
_AT_MOST = r"at most|up to|no more than|not more than|not exceeding|maximum of|within"
_MORE = (
    r"more than|greater than|higher than|larger than|bigger than|above|over|exceeding|exceeds?|"
    r"older than|longer than|after|beyond"
)
_AT_LEAST = r"at least|no less than|not less than|no fewer than|minimum of"
_SUFFIX = re.compile(
    r"\s*(?:or|and)\s+(?:(?P<more>more|greater|higher|larger|bigger|above|older|over|longer)|"
    r"(?:less|fewer|lower|smaller|below|younger|under|shorter))\b",
    re.IGNORECASE,
)
_COMPARATORS = (
    ("<=", rf"<=|=<|≤|less than or equal to|{_AT_MOST}"),
    (">=", rf">=|=>|≥|greater than or equal to|more than or equal to|{_AT_LEAST}"),
    ("<", rf"<|{_LESS}"),
    (">", rf">|{_MORE}"),
)
_CMP = "|".join(f"(?:{pattern})" for _, pattern in _COMPARATORS)
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_QUANTITY = re.compile(
    rf"(?:(?P<cmp>{_CMP})\s*)?(?<![\w.])(?P<low>{_NUM})"
    rf"(?:\s*(?:-|to|through)\s*(?P<high>{_NUM}))?"
    r"(?:\s*(?P<unit>%|percent\b|per cent\b|[^\W\d_]+(?:/[^\W\d_]+)*))?",
    re.IGNORECASE,
)
_LISTED = re.compile(r"\s*(?:,\s*(?:or\b|and\b)?|or\b|and\b|to\b|-)\s*\d")
_UNITS = {
    "percent": "%",
    "per cent": "%",
    "hr": "hour",
    "hrs": "hour",
    "h": "hour",
    "min": "minute",
    "mins": "minute",
    "yr": "year",
    "yrs": "year",
    "y": "year",
    "wk": "week",
    "wks": "week",
    "mo": "month",
    "mos": "month",
    "d": "day",
    "mcg": "µg",
    "ug": "µg",
    "μg": "µg",
    "sec": "second",
    "s": "second",
}


@dataclass(frozen=True)
class Quantity:
    """A number as a statement uses it: "<= 20%", "3-6 months", "20 mg"."""

    text: str
    direction: str | None  # "<", "<=", ">", ">=" or None
    low: float
    high: float
    unit: str | None

    def same_value(self, other: Quantity) -> bool:
        """The same value or range in the same unit (a number without a unit matches any
        unit of the other side's, but a unit never matches a bare number)."""
        return (self.low, self.high) == (other.low, other.high) and (
            self.unit is None or self.unit == other.unit
        )

    def same_direction(self, other: Quantity) -> bool:
        return (self.direction or "")[:1] == (other.direction or "")[:1]


#: Units of measure a patient's value is given in (not counts, times or ages): "a plateau
#: pressure of 34 cmH2O", "a stone of 2.3 mm", "LDL 160 mg/dL", "an ejection fraction of 30%".
_MEASURES = frozenset(
    {"%", "mm", "cm", "m", "kg", "g", "mg", "µg", "ng", "pg", "ml", "l", "dl", "mmhg", "cmh"}
    | {"mmol", "meq", "iu", "bpm", "lb", "lbs", "pound", "mph"}
)


@dataclass(frozen=True)
class Measured:
    """A patient's value and the terms of the words just before it: what it measures
    ("plateau pressure" in "a plateau pressure of 34 cmH2O")."""

    value: Quantity
    of: frozenset[str]


_A_WORD = re.compile(r"[^\W\d_][\w'-]*")
#: The words before a value read for what it measures.
MEASURED_BY = 4


def measured(text: str) -> list[Measured]:
    """The values a text gives in a unit of measure, without a comparator: a patient's own
    ("plateau pressure of 34 cmH2O"), not a limit ("above 30 cmH2O")."""
    plain = _plain(text)
    found = []
    at = 0
    for q in _quantities(text):
        where = plain.find(q.text, at)
        at = where + len(q.text) if where >= 0 else at
        if q.direction is not None or q.unit is None:
            continue
        if q.unit not in _MEASURES and "/" not in q.unit:
            continue
        before = plain[: max(where, 0)].split()[-MEASURED_BY:]
        named = [
            w
            for w in (w.strip(".,;:()").lower() for w in before)
            if len(w) > 1 and _A_WORD.fullmatch(w) and w not in FUNCTION_WORDS | _MEASURES
        ]
        found.append(Measured(q, frozenset(terms(" ".join(named)))))
    return found


def meets(value: Quantity, limit: Quantity) -> bool:
    """Whether a value is within a limit in the same unit: 34 cmH2O "exceeds 30 cmH2O", 1
    cm is "smaller than 2 cm". A range with no comparator is no limit (it is as often a
    target: "6 mL/kg (range 4-8 mL/kg)")."""
    if value.unit != limit.unit or limit.unit is None:
        return False
    low, high = value.low, value.high
    if limit.direction == ">":
        return low > limit.low
    if limit.direction == ">=":
        return low >= limit.low
    if limit.direction == "<":
        return high < limit.low
    if limit.direction == "<=":
        return high <= limit.low
    return False


def holds_values(text: str, values: Sequence[Measured]) -> bool:
    """Whether a text sets a limit that one of the patient's values meets, on what that
    value measures: "If plateau pressure exceeds 30 cmH2O despite ..." for a patient whose
    plateau pressure is 34 cmH2O (not "a risk reduced by more than 20%" for an ejection
    fraction of 30%)."""
    if not values:
        return False
    said = frozenset(terms(text))
    return any(meets(v.value, q) and bool(v.of & said) for q in _quantities(text) for v in values)


def quantities(text: str) -> list[Quantity]:
    """The numbers of a text with their comparator, range and unit ("3 or 6 months": both
    in months)."""
    return list(_quantities(text))


@lru_cache(maxsize=1024)
def _quantities(text: str) -> tuple[Quantity, ...]:
    plain = _plain(text)
    found: list[Quantity] = []
    shared: list[int] = []  # numbers whose unit comes with the next one
    for match in _QUANTITY.finditer(plain):
        low = _number(match["low"])
        high = _number(match["high"]) if match["high"] else low
        direction = _direction(match["cmp"]) or _suffix_direction(plain, match.end())
        unit = _unit(match["unit"])
        number_end = match.end("high") if match["high"] else match.end("low")
        if unit is None and _LISTED.match(plain, number_end):
            shared.append(len(found))
        shown = match.group() if unit else plain[match.start() : number_end]
        found.append(Quantity(shown.strip(), direction, low, high, unit))
    for i in reversed(shared):
        if i + 1 < len(found) and found[i + 1].unit:
            found[i] = replace(found[i], unit=found[i + 1].unit)
    return tuple(found)


def _suffix_direction(text: str, end: int) -> str | None:
    """ "20 years or older", "5 or more": a comparator written after the number."""
    match = _SUFFIX.match(text, end)
    if match is None:
        return None
    return ">=" if match["more"] else "<="


def _plain(text: str) -> str:
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2212", "-")
    return _NUMBER_WORD.sub(lambda m: _NUMBER_WORDS[m.group().lower()], text)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _direction(comparator: str | None) -> str | None:
    if not comparator:
        return None
    lowered = " ".join(comparator.lower().split())
    for name, pattern in _COMPARATORS:
        if re.fullmatch(pattern, lowered):
            return name
    return None


def _unit(unit: str | None) -> str | None:
    if not unit:
        return None
    lowered = unit.lower()
    if lowered in FUNCTION_WORDS or lowered in {"or", "to"}:
        return None
    lowered = _UNITS.get(lowered, lowered)
    if len(lowered) > 3 and lowered.endswith("s") and not lowered.endswith("ss"):
        lowered = lowered[:-1]
    return lowered
