"""Questions that compare two things ("what is the difference between a cold and the
flu?", "Crohn's disease vs ulcerative colitis", "are DOACs preferred over warfarin?"): the
statements that say how the two stand to each other lead the article.

The two sides are read from the question's grammar (frame.compared_sides); whether a
statement speaks of a side is read from its words, never from a list of conditions. The
sides (sides_of, speaks_of) and the leading of the statements that answer (lead_with)
serve the other questions on two things too: taken together (together.py) and one causing
the other (links.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..abbreviations import Expansion
from ..analysis import holds_run, terms
from ..chunking import split_sentences
from ..query import content_words
from .candidates import Alike, Candidate, duplicates
from .units import points_back

#: Words that say one thing is a kind of the other ("Alzheimer's disease (AD) is the most
#: common form of dementia", "Many different diseases can cause dementia, including
#: Alzheimer's disease").
_KIND_OF_WORDS = r"(?:forms?|types?|kinds?) of|including"
KIND_OF = re.compile(_KIND_OF_WORDS, re.IGNORECASE)
#: Words that say how two things stand to each other ("Sudden cardiac arrest ... is
#: different than a heart attack", "worse than those of the common cold", "DOACs ... are
#: now preferred over warfarin"), or that one is a kind of the other (KIND_OF). "While" and
#: "but" only where they open a clause ("..., while an MRI scan uses powerful magnets"), not
#: "Take flu medicine while you have a cold".
CONTRAST = re.compile(
    r"\b(?:differ\w*|unlike|whereas|in contrast|not the same|the same as|than|compared|"
    r"distinguish\w*|versus|vs|in preference to|(?:preferred|superior|inferior) (?:over|to)|"
    rf"{_KIND_OF_WORDS})\b|(?:^|(?<=,\s))(?:while|but)\b",
    re.IGNORECASE,
)
#: How many statements that speak of both sides an article leads with, where it has them.
LEADING = 2
#: The shortest word of a side that names it on its own, wherever a statement says it (a
#: number or a letter names a side only beside the words it is said with: "type 1").
NAMING_LETTERS = 3
#: Two statements that open with this many words the same say the same thing.
SAME_OPENING = 12


@dataclass(frozen=True)
class Side:
    """One thing compared, as a statement may say it: each way of writing it (the question's
    words, an abbreviation's long form) as its terms in order, and the terms of those that
    the other side lacks."""

    runs: tuple[tuple[str, ...], ...]
    own: tuple[frozenset[str], ...]


@lru_cache(maxsize=256)
def sides_of(compared: tuple[str, ...], expansions: tuple[Expansion, ...] = ()) -> tuple[Side, ...]:
    """The two sides of a question on two things (compared, taken together, one causing the
    other) as statements may say them, or () where the question names no two, or a side has
    no word a statement could say ("the" alone). Read once per question: the composer asks
    for them, and so does the notice."""
    if len(compared) != 2:
        return ()
    written = [_ways_written(side, expansions) for side in compared]
    sides = []
    for n, ways in enumerate(written):
        other = frozenset(t for run in written[1 - n] for t in run)
        runs = tuple(ways)
        sides.append(Side(runs, tuple(frozenset(run) - other for run in runs)))
    return tuple(sides) if all(side.runs for side in sides) else ()


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
    spoken of before a word of contrast in a sentence and the other after it ("Symptoms of
    the flu ... are worse than those of the common cold"); before it, a sentence that opens
    by pointing back or turning ("This is different than a heart attack", "But other types
    of dementia ...") takes in the sentence before; one that opens with the word of contrast
    may speak of both after it ("Unlike Crohn disease, which can affect any part of the
    digestive system, ulcerative colitis typically causes inflammation only in the
    colon"). Naming both in a list ("Hypnosis may help relieve pain for: ... Migraine
    headache; Tension headache") or contrasting one with a third thing ("... to distinguish
    Coats disease from other conditions") does not."""
    return comparing_cue(candidate, sides) is not None


def comparing_cue(candidate: Candidate, sides: Sequence[Side]) -> str | None:
    """The word by which a statement compares the two sides (compares), or None."""
    return _cue_of(candidate.text, tuple(sides))


@lru_cache(maxsize=4096)
def _cue_of(text: str, sides: tuple[Side, ...]) -> str | None:
    """comparing_cue, read once per statement and comparison: the article's statements are
    asked again as candidates are weighed, and by the notice."""
    if len(sides) != 2:
        return None
    sentences = [part for s in split_sentences(text) for part in _BRACKETED.split(s)]
    for n, sentence in enumerate(sentences):
        # a sentence that turns from the one before ("This is different ...") takes it in
        earlier = sentences[n - 1] if n > 0 and points_back(sentences, n, sentence) else ""
        for cue in CONTRAST.finditer(sentence):
            opening = sentence[: cue.start()]
            said_before = terms(f"{earlier} {opening}")
            said_after = terms(sentence[cue.end() :])
            if not terms(opening) and all(speaks_of(x, said_after) for x in sides):
                return cue.group()  # "Unlike Crohn disease, ..., ulcerative colitis ..."
            kind_of = KIND_OF.fullmatch(cue.group()) is not None
            for one, other in (sides, sides[::-1]):
                # one a kind of the other: the other named right after ("the most common
                # form of dementia"), not both kinds of a third thing ("Hepatitis B is ...
                # Other types of viral hepatitis include hepatitis A")
                named = _opens_with(other, said_after) if kind_of else speaks_of(other, said_after)
                if speaks_of(one, said_before) and named:
                    return cue.group()
    return None


def _opens_with(side: Side, said: Sequence[str]) -> bool:
    """Whether a text (its terms in order) opens by saying the side word for word."""
    return any(tuple(said[: len(run)]) == run for run in side.runs)


#: A bracketed sentence after another ("... to Alzheimers disease. (MCI often, but not
#: always, ...)"), which the sentence splitter keeps with the one before.
_BRACKETED = re.compile(r"(?<=[.!?])\s+(?=\()")


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

    comparing, rest = lead_with(picked, candidates, leads, alike, usable)
    # how the two differ before that one is a kind of the other (stable: the best first)
    comparing.sort(key=lambda c: bool(KIND_OF.fullmatch(comparing_cue(c, sides) or "")))
    return [*comparing, *rest], min(len(comparing), LEADING)


def lead_with(
    picked: Sequence[Candidate],
    candidates: Sequence[Candidate],
    leads: Callable[[Candidate], bool],
    alike: Alike,
    usable: Callable[[Candidate], bool] | None,
) -> tuple[list[Candidate], list[Candidate]]:
    """The article's statements that lead (`leads`), and the rest, in their order. Where
    fewer than LEADING picked statements lead, the best candidates that do are taken, each
    in the place of the weakest statement that does not."""
    chosen = list(picked)
    for candidate in candidates:
        if sum(leads(c) for c in chosen) >= LEADING:
            break
        if candidate in chosen or not leads(candidate):
            continue
        if usable is not None and not usable(candidate):
            continue
        if any(duplicates(candidate, c, alike) or _opens_alike(candidate, c) for c in chosen):
            continue
        weakest = next((c for c in reversed(chosen) if not leads(c)), None)
        if weakest is not None:
            chosen.remove(weakest)
        chosen.append(candidate)
    leading = [c for c in chosen if leads(c)]
    return leading, [c for c in chosen if c not in leading]


def _opens_alike(a: Candidate, b: Candidate) -> bool:
    """Whether two statements open with the same words, as two pages that copy a
    description and go on each about their own condition do ("A CT scan is an imaging
    method that uses x-rays ..., while an MRI scan uses powerful magnets ..." on Madelung
    disease and on glioblastoma)."""
    opening_a, opening_b = a.text.split()[:SAME_OPENING], b.text.split()[:SAME_OPENING]
    return len(opening_a) == SAME_OPENING and opening_a == opening_b


def leading_first(
    picked: Sequence[Candidate],
    candidates: Sequence[Candidate],
    leads: Callable[[Candidate], bool],
    alike: Alike = frozenset(),
    usable: Callable[[Candidate], bool] | None = None,
) -> tuple[list[Candidate], int]:
    """The article's statements with those that lead first (lead_with), and how many lead
    (at most LEADING)."""
    leading, rest = lead_with(picked, candidates, leads, alike, usable)
    return [*leading, *rest], min(len(leading), LEADING)
