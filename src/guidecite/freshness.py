"""Freshness and disagreement: how old each source is, and where sources differ.

    answer = flag_stale(answer, max_age_years=5)   # references older than that are `stale`
    answer = find_disagreements(answer)            # sources that differ on the same point

Two sources disagree when a statement of the answer and a sentence of a passage the answer
cites from another document are about the same thing (most of their words shared, the same
groups of people, no direction reversed) but give different numbers of the same kind (an
interval, a dose, a threshold), or name a different first choice. Both are then shown side
by side with their sources and years instead of one being picked silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from . import settings
from .chunking import split_sentences
from .types import Answer, Claim, Disagreement, Reference, Statement
from .verify import Quantity, content, quantities, specific_terms

DEFAULT_MAX_AGE_YEARS = settings.DEFAULT_MAX_AGE_YEARS
SAME_POINT = 0.5  # share of words two sentences must share to be about the same point
MIN_SHARED = 3
MAX_DISAGREEMENTS = 5
_TIME = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
_DOSE = frozenset({"mg", "g", "µg", "ml", "l", "iu", "unit", "mmol", "meq", "kg"})
_CHOICE = (
    "first-line", "first line", "of choice", "preferred", "first choice", "initial therapy",
    "initial treatment", "mainstay",
)  # fmt: skip
_OPPOSED = (
    ("high", "low"), ("higher", "lower"), ("older", "younger"), ("adults", "children"),
    ("adult", "child"), ("women", "men"), ("male", "female"), ("early", "late"),
    ("early", "advanced"), ("with", "without"), ("before", "after"), ("increase", "decrease"),
)  # fmt: skip


# -- freshness ------------------------------------------------------------------------------


def flag_stale(
    answer: Answer, max_age_years: int = DEFAULT_MAX_AGE_YEARS, *, today: date | None = None
) -> Answer:
    """The answer with each reference older than `max_age_years` marked `stale` (a reference
    without a year is not marked: its year shows as unknown)."""
    year = (today or date.today()).year

    def marked(ref: Reference) -> Reference:
        return replace(ref, stale=ref.year is not None and year - ref.year > max_age_years)

    return replace(
        answer,
        references=tuple(marked(r) for r in answer.references),
        nearest_sources=tuple(marked(r) for r in answer.nearest_sources),
        max_age_years=max_age_years,
    )


# -- disagreement ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Said:
    """A sentence one source says, with what is needed to compare it."""

    text: str
    reference: int
    passage_id: str
    words: frozenset[str]
    numbers: tuple[Quantity, ...]

    @classmethod
    def of(cls, text: str, reference: int, passage_id: str) -> Said:
        numbers = tuple(quantities(text))
        digits = {w for q in numbers for w in content(q.text)}
        return cls(text, reference, passage_id, frozenset(content(text) - digits), numbers)


def find_disagreements(answer: Answer) -> Answer:
    """The answer with the points on which its sources disagree (at most a few)."""
    statements = [_said(s) for s in answer.statements if s.citations]
    others = list(_cited_sentences(answer))
    found: dict[tuple[int, int, str], Disagreement] = {}
    for mine in statements:
        for theirs in [*statements, *others]:
            if theirs.reference == mine.reference:
                continue
            point = differ(mine, theirs)
            if point is None:
                continue
            key = (
                min(mine.reference, theirs.reference),
                max(mine.reference, theirs.reference),
                point,
            )
            found.setdefault(key, Disagreement(point, (_claim(mine), _claim(theirs))))
    return replace(answer, disagreements=tuple(found.values())[:MAX_DISAGREEMENTS])


def _said(statement: Statement) -> Said:
    citation = statement.citations[0]
    return Said.of(statement.text, citation.reference, citation.passage_id)


def _claim(said: Said) -> Claim:
    return Claim(said.text, said.reference, said.passage_id)


def _cited_sentences(answer: Answer) -> Iterable[Said]:
    """Every sentence of every passage the answer cites, once."""
    seen: set[str] = set()
    for statement in answer.statements:
        for citation in statement.citations:
            if citation.passage_id in seen:
                continue
            seen.add(citation.passage_id)
            for sentence in split_sentences(citation.passage_text):
                yield Said.of(sentence, citation.reference, citation.passage_id)


def differ(a: Said, b: Said) -> str | None:
    """What two sentences about the same point differ on: "interval", "dose", "threshold",
    "number" or "choice"; None when they agree or are about different things."""
    if not same_point(a, b):
        return None
    numbers = _number_difference(a.numbers, b.numbers)
    if numbers:
        return numbers
    return "choice" if _different_choice(a, b) else None


def same_point(a: Said, b: Said) -> bool:
    shared = a.words & b.words
    union = a.words | b.words
    if len(shared) < MIN_SHARED or len(shared) / (len(union) or 1) < SAME_POINT:
        return False
    lowered_a, lowered_b = a.text.lower().split(), b.text.lower().split()
    return not any(
        (x in lowered_a and y in lowered_b and y not in lowered_a)
        or (y in lowered_a and x in lowered_b and x not in lowered_a)
        for x, y in _OPPOSED
    )


def _number_difference(a: Sequence[Quantity], b: Sequence[Quantity]) -> str | None:
    """The kind of the first unit of measure both give numbers in, with no value in common."""
    for unit in dict.fromkeys(q.unit for q in a if q.unit):
        mine = [q for q in a if q.unit == unit]
        theirs = [q for q in b if q.unit == unit]
        if not theirs or any(q.same_value(p) and q.same_direction(p) for q in mine for p in theirs):
            continue
        if any(q.direction for q in (*mine, *theirs)) or unit == "%":
            return "threshold"
        if unit in _TIME:
            return "interval"
        if unit.split("/")[0] in _DOSE:
            return "dose"
    return None


def _different_choice(a: Said, b: Said) -> bool:
    """Both name a first choice, and each names something the other does not."""
    if not (_names_choice(a.text) and _names_choice(b.text)):
        return False
    mine = {t.lower() for t in specific_terms(a.text)}
    theirs = {t.lower() for t in specific_terms(b.text)}
    return bool(mine - theirs) and bool(theirs - mine)


def _names_choice(text: str) -> bool:
    lowered = text.lower()
    return any(cue in lowered for cue in _CHOICE)
