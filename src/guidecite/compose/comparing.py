"""Questions that compare two things ("what is the difference between a cold and the flu?",
"Crohn's disease vs ulcerative colitis", "are DOACs preferred over warfarin?"): the
statements that say how the two stand to each other lead the article.

The two sides are read from the question's grammar (frame.compared_sides); whether a
statement speaks of a side is read from its words, never from a list of conditions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..abbreviations import Expansion
from ..analysis import holds_run, terms
from ..query import content_words
from .candidates import Alike, Candidate, duplicates

#: Words that say how two things stand to each other ("Sudden cardiac arrest ... is
#: different than a heart attack", "worse than those of the common cold").
CONTRAST = re.compile(
    r"\b(?:differ\w*|unlike|whereas|in contrast|not the same|the same as|than|compared|"
    r"distinguish\w*|versus|vs)\b",
    re.IGNORECASE,
)
#: How many statements that speak of both sides an article leads with, where it has them.
LEADING = 2
#: The shortest word of a side that names it on its own, wherever a statement says it (a
#: number or a letter names a side only beside the words it is said with: "type 1").
NAMING_LETTERS = 3


@dataclass(frozen=True)
class Side:
    """One thing compared, as a statement may say it: each way of writing it (the question's
    words, an abbreviation's long form) as its terms in order, and the terms of those that
    the other side lacks."""

    runs: tuple[tuple[str, ...], ...]
    own: tuple[frozenset[str], ...]


def sides_of(compared: Sequence[str], expansions: Sequence[Expansion] = ()) -> tuple[Side, ...]:
    """The two sides of a comparison as statements may say them, or () where the question
    compares nothing."""
    if len(compared) != 2:
        return ()
    written = [_ways_written(side, expansions) for side in compared]
    sides = []
    for n, ways in enumerate(written):
        other = frozenset(t for run in written[1 - n] for t in run)
        runs = tuple(ways)
        sides.append(Side(runs, tuple(frozenset(run) - other for run in runs)))
    return tuple(sides)


def _ways_written(side: str, expansions: Sequence[Expansion]) -> list[tuple[str, ...]]:
    """A side's terms in order (its content words only: "the flu" is "flu"), and those of
    the long form of an abbreviation it is ("IBS")."""
    words = content_words(side)
    ways = [tuple(terms(" ".join(words)))]
    folded = {w.casefold() for w in words}
    for expansion in expansions:
        if expansion.short.casefold() in folded:
            ways.append(tuple(terms(expansion.long)))
    return [way for way in ways if way]


def speaks_of(side: Side, said: Sequence[str]) -> bool:
    """Whether a statement (its terms in order) speaks of one side: it says one of the
    side's ways of writing it word for word, or every term of it the other side lacks, where
    each such term is a word that names on its own ("rheumatoid", not "1")."""
    held = frozenset(said)
    for run, own in zip(side.runs, side.own, strict=True):
        if holds_run(said, run):
            return True
        naming = own and all(len(t) >= NAMING_LETTERS and not t.isdigit() for t in own)
        if naming and own <= held:
            return True
    return False


def compares(candidate: Candidate, sides: Sequence[Side]) -> bool:
    """Whether a statement says how the two things compared stand to each other: one is
    spoken of before a word of contrast and the other after it ("Symptoms of the flu ... are
    worse than those of the common cold"). Naming both in a list ("Hypnosis may help relieve
    pain for: ... Migraine headache; Tension headache") or contrasting one with a third
    thing ("... to distinguish Coats disease from other conditions") does not."""
    if len(sides) != 2:
        return False
    text = candidate.text
    for cue in CONTRAST.finditer(text):
        before, after = terms(text[: cue.start()]), terms(text[cue.end() :])
        for one, other in (sides, sides[::-1]):
            if speaks_of(one, before) and speaks_of(other, after):
                return True
    return False


def comparisons_first(
    picked: Sequence[Candidate],
    candidates: Sequence[Candidate],
    sides: Sequence[Side],
    alike: Alike = frozenset(),
    usable: Callable[[Candidate], bool] | None = None,
    kind_asked: bool = False,
) -> tuple[list[Candidate], int]:
    """The article's statements with those that compare the two sides first, and how many
    lead. Where fewer than LEADING picked statements compare, the best candidates that do
    are taken, each in the place of the weakest statement that does not: an article asked
    how two things differ that says nothing of how they differ has not answered. With
    `kind_asked` (the question asks a kind of answer, not what the two are: "How do ischemic
    and hemorrhagic stroke differ in their acute management?"), only a comparison that
    offers that kind leads (not which of the two people survive more often)."""
    if not sides:
        return list(picked), 0

    def leads(c: Candidate) -> bool:
        return compares(c, sides) and (c.answers or not kind_asked)

    chosen = list(picked)
    for candidate in candidates:
        if sum(leads(c) for c in chosen) >= LEADING:
            break
        if candidate in chosen or not leads(candidate):
            continue
        if usable is not None and not usable(candidate):
            continue
        if any(duplicates(candidate, c, alike) for c in chosen):
            continue
        weakest = next((c for c in reversed(chosen) if not leads(c)), None)
        if weakest is not None:
            chosen.remove(weakest)
        chosen.append(candidate)
    comparing = [c for c in chosen if leads(c)]
    rest = [c for c in chosen if c not in comparing]
    return [*comparing, *rest], min(len(comparing), LEADING)
