"""Questions on two things: that compare them ("what is the difference between a cold and
the flu?", "Crohn's disease vs ulcerative colitis", "are DOACs preferred over warfarin?"),
where the statements that say how the two stand to each other lead the article; and that
ask whether to take them together ("is it ok to drink alcohol while taking gabapentin?"),
where the statements that speak of the two together lead.

The two sides are read from the question's grammar (frame.compared_sides,
frame.together_sides); whether a statement speaks of a side is read from its words, never
from a list of conditions or medicines.
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


def sides_of(compared: Sequence[str], expansions: Sequence[Expansion] = ()) -> tuple[Side, ...]:
    """The two sides of a comparison as statements may say them, or () where the question
    compares nothing, or a side has no word a statement could say ("the" alone)."""
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

    comparing, rest = _leading(picked, candidates, leads, alike, usable)
    # how the two differ before that one is a kind of the other (stable: the best first)
    comparing.sort(key=lambda c: bool(KIND_OF.fullmatch(comparing_cue(c, sides) or "")))
    return [*comparing, *rest], min(len(comparing), LEADING)


def _leading(
    picked: Sequence[Candidate],
    candidates: Sequence[Candidate],
    leads: Callable[[Candidate], bool],
    alike: Alike,
    usable: Callable[[Candidate], bool] | None,
) -> tuple[list[Candidate], list[Candidate]]:
    """The article's statements that lead, and the rest, in their order. Where fewer than
    LEADING picked statements lead, the best candidates that do are taken, each in the
    place of the weakest statement that does not."""
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


# -- two things taken together ---------------------------------------------------------------

#: Words that say two things are taken together wherever they stand in a sentence that
#: names both ("Not recommended: combination of aspirin and clopidogrel").
_JOINED = re.compile(
    r"\b(?:combin\w*|interact\w*|concomitant\w*|co-?administ\w*|together)\b", re.IGNORECASE
)
#: Words that say so between the two ("Avoid drinking grapefruit juice while taking
#: simvastatin"), not before both ("you may be asked to stop taking drugs that make it hard
#: for your blood to clot, such as aspirin, ibuprofen ..." lists the two).
_BETWEEN = re.compile(r"\b(?:with|while|taking|taken|plus|alongside)\b", re.IGNORECASE)


#: A thing taken, or the page's medicine pointed back to.
_TAKEN = re.compile(r"\b(?:takes?|this (?:medication|medicine|drug))\b", re.IGNORECASE)
#: People before "with" have what follows ("offered to patients with moderate to severe
#: alcohol use disorder"): it is not taken with anything.
_HAVING = re.compile(
    r"\b(?:patients?|people|persons?|individuals?|those|adults?|child(?:ren)?|m[ae]n|wom[ae]n|"
    r"someone|anyone)\s+$",
    re.IGNORECASE,
)


#: What people are said to have in a heading ("... treatment of patients with alcohol use
#: disorder"): the page is about them, not about taking it.
_HAD = re.compile(
    r"\b(?:patients?|people|persons?|individuals?|adults?|child(?:ren)?|m[ae]n|wom[ae]n)\s+"
    r"with\s+[^,;:.()]*",
    re.IGNORECASE,
)


def speaks_together(candidate: Candidate, sides: Sequence[Side]) -> bool:
    """Whether a statement speaks of the two things taken together: a sentence of it names
    both with a word that joins them (_JOINED anywhere, _BETWEEN between the two), or it
    says one is taken (_joins) on a page whose title or headings name the other, and not it
    ("remember that alcohol can add to the drowsiness caused by this medication" on
    gabapentin's precautions). Naming both in a list of alternatives ("analgesics such as
    aspirin or ibuprofen") does not."""
    return _together(candidate.text, candidate.page or " ".join(candidate.headings), tuple(sides))


@lru_cache(maxsize=4096)
def _together(text: str, page: str, sides: tuple[Side, ...]) -> bool:
    """speaks_together, read once per statement and question (as _cue_of): `page` is its
    document's title and its passage's headings."""
    if len(sides) != 2:
        return False
    said = terms(text)
    # a page on one thing taken, not on people who have it or on both ("... treatment of
    # patients with alcohol use disorder" is no page on alcohol taken)
    named, taken = terms(page), terms(_HAD.sub(" ", page))
    if _joins(text):
        for one, other in (sides, sides[::-1]):
            if speaks_of(one, taken) and speaks_of(other, said) and not speaks_of(other, named):
                return True
    for sentence in split_sentences(text):
        if not all(speaks_of(side, terms(sentence)) for side in sides):
            continue
        if _JOINED.search(sentence):
            return True
        for cue in _BETWEEN.finditer(sentence):
            if _had(sentence, cue):
                continue
            before, after = terms(sentence[: cue.start()]), terms(sentence[cue.end() :])
            if any(speaks_of(a, before) and speaks_of(b, after) for a, b in (sides, sides[::-1])):
                return True
    return False


def _joins(text: str) -> bool:
    """Whether a statement says something is taken, or taken with something (_JOINED,
    _BETWEEN, "take", or the page's medicine pointed back to: "remember that alcohol can add
    to the drowsiness caused by this medication"), not only that people have it."""
    if _JOINED.search(text) or _TAKEN.search(text):
        return True
    return any(not _had(text, cue) for cue in _BETWEEN.finditer(text))


def _had(text: str, cue: re.Match[str]) -> bool:
    """Whether a word of _BETWEEN says what people have ("patients with alcohol use
    disorder"), not what is taken with what."""
    return _HAVING.search(text[: cue.start()]) is not None


def together_first(
    picked: Sequence[Candidate],
    candidates: Sequence[Candidate],
    sides: Sequence[Side],
    alike: Alike = frozenset(),
    usable: Callable[[Candidate], bool] | None = None,
) -> tuple[list[Candidate], int]:
    """The article's statements with those that speak of the two things taken together
    first, and how many lead (as comparisons_first): an article asked whether two things
    may be taken together that says nothing of them together has not answered."""
    if not sides:
        return list(picked), 0
    leading, rest = _leading(picked, candidates, lambda c: speaks_together(c, sides), alike, usable)
    return [*leading, *rest], min(len(leading), LEADING)


def _opens_alike(a: Candidate, b: Candidate) -> bool:
    """Whether two statements open with the same words, as two pages that copy a
    description and go on each about their own condition do ("A CT scan is an imaging
    method that uses x-rays ..., while an MRI scan uses powerful magnets ..." on Madelung
    disease and on glioblastoma)."""
    opening_a, opening_b = a.text.split()[:SAME_OPENING], b.text.split()[:SAME_OPENING]
    return len(opening_a) == SAME_OPENING and opening_a == opening_b


# -- whether one thing causes another --------------------------------------------------------


#: Words that say one thing brings about another: the cause before them and the effect
#: after ("Smoking causes most cases of bladder cancer"), or the effect before and the
#: cause after (_FROM: "Sudden weight gain can be due to medicines, thyroid problems ...",
#: "... if you have certain diseases, such as ... lupus"), or either way round (_WITH:
#: "associated with", "linked to", and causes named as such: "Other causes are stress, a
#: low protein diet ...", "Common causes of low magnesium include: ..."). Naming the two
#: in a list of symptoms or beside each other ("Sudden anxiety with chest pain ... may
#: suggest a pulmonary embolism") says no link.
_CAUSAL = re.compile(
    r"\b(?:causes?\s+(?:of\s+[^.;:]{1,60}?\s+)?(?:is|are|include|includes)|caused\s+by|result(?:s|ed|ing)?\s+from|triggered\s+by|brought\s+on\s+by|"
    r"induced\s+by|due\s+to|because(?:\s+of)?|from|if\s+you\s+have|related\s+to|"
    r"associated|linked|link|caus\w*|lead(?:s|ing)?\s+to|led\s+to|result(?:s|ed|ing)?\s+in|"
    r"trigger\w*|brings?\s+on|brought\s+on|contribut\w+|worsen\w*|aggravat\w*|induc\w*)\b",
    re.IGNORECASE,
)
_FROM = re.compile(
    r"caused|result|triggered|brought\s+on\s+by|induced\s+by|due|because|from|if|related",
    re.IGNORECASE,
)
_WITH = re.compile(r"associated|linked|link|causes?\s+(?:of\s|is\b|are\b|include)", re.IGNORECASE)


def speaks_of_link(candidate: Candidate, sides: Sequence[Side]) -> bool:
    """Whether a statement says that the cause a question asks about brings about the
    effect it asks about (frame.linked_sides), each on its side of a word of causing
    (_CAUSAL); the page's title or headings may name one of the two, where the statement
    does not ("You can also lose your hair if you have certain diseases, such as thyroid
    problems, diabetes, or lupus" on "Hair Loss"). "Parathyroid tumors ... may cause
    fatigue, ..., dehydration, kidney stones" says nothing of dehydration causing kidney
    stones, nor does "IV fluids may be needed if the person becomes dehydrated from
    vomiting" on kidney stones."""
    return _linked(candidate.text, candidate.page or " ".join(candidate.headings), tuple(sides))


@lru_cache(maxsize=4096)
def _linked(text: str, page: str, sides: tuple[Side, ...]) -> bool:
    """speaks_of_link, read once per statement and question (as _cue_of)."""
    if len(sides) != 2 or not _CAUSAL.search(text):
        return False
    cause, effect = sides
    named, said = terms(page), terms(text)
    # a side the page names and the statement does not stands on either side of the cue
    given = [speaks_of(side, named) and not speaks_of(side, said) for side in sides]
    if all(given):
        return False
    for sentence in split_sentences(text):
        for cue in _CAUSAL.finditer(sentence):
            before, after = terms(sentence[: cue.start()]), terms(sentence[cue.end() :])

            def holds(n: int, part: Sequence[str]) -> bool:
                return given[n] or speaks_of(sides[n], part)

            forward = holds(0, before) and holds(1, after)
            backward = holds(1, before) and holds(0, after)
            if _WITH.match(cue.group()):
                found = forward or backward
            elif _FROM.match(cue.group()):
                found = backward
            else:
                found = forward
            if found:
                return True
    return False


def links_first(
    picked: Sequence[Candidate],
    candidates: Sequence[Candidate],
    sides: Sequence[Side],
    alike: Alike = frozenset(),
    usable: Callable[[Candidate], bool] | None = None,
) -> tuple[list[Candidate], int]:
    """The article's statements with those that speak of the cause and the effect asked
    about first, and how many lead (as comparisons_first): "can lupus cause hair loss" is
    not answered by what causes lupus."""
    if not sides:
        return list(picked), 0
    leading, rest = _leading(picked, candidates, lambda c: speaks_of_link(c, sides), alike, usable)
    return [*leading, *rest], min(len(leading), LEADING)
