"""Questions whether to take two things together ("is it ok to drink alcohol while taking
gabapentin?", "can I take ibuprofen with lisinopril?"): the statements that speak of the
two together lead the article.

The two sides are read from the question's grammar (frame.together_sides); whether a
statement speaks of them together is read from its words and its page's, never from a list
of medicines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from ..analysis import terms
from ..chunking import split_sentences
from .candidates import Alike, Candidate
from .comparing import Side, leading_first, speaks_of

#: Words that say two things are taken together wherever they stand in a sentence that
#: names both ("Not recommended: combination of aspirin and clopidogrel", "increase
#: bleeding risk when used concurrently").
_JOINED = re.compile(
    r"\b(?:combin\w*|interact\w*|concomitant\w*|concurrent\w*|co-?administ\w*|together|"
    r"simultaneous\w*|at the same time)\b",
    re.IGNORECASE,
)
#: Words that say so between the two: one taken with the other ("Avoid drinking grapefruit
#: juice while taking simvastatin"), or acting on it ("Alcohol can increase the drowsiness
#: caused by gabapentin", "... may interfere with how well the pill works"; not "reduce",
#: which says as often what a treatment is for: "gabapentin be offered to patients ... who
#: have a goal of reducing alcohol consumption"); not before both ("you may be asked to stop
#: taking drugs that make it hard for your blood to clot, such as aspirin, ibuprofen ..."
#: lists the two).
_ACTS = (
    r"increas\w*|rais\w*|interfer\w*|add(?:s|ed)? to|boost\w*|weaken\w*|worsen\w*|"
    r"potentiat\w*|inhibit\w*|affect\w*|(?:make|makes|made)\s+(?:\w+\s+){0,5}?worse"
)
_BETWEEN = re.compile(rf"\b(?:with|while|taking|taken|plus|alongside|{_ACTS})\b", re.IGNORECASE)
#: Words that name people.
_PEOPLE = r"patients?|people|persons?|individuals?|adults?|child(?:ren)?|m[ae]n|wom[ae]n"
#: People before "with" have what follows ("offered to patients with moderate to severe
#: alcohol use disorder"): it is not taken with anything.
_HAVING = re.compile(rf"\b(?:{_PEOPLE}|those|someone|anyone)\s+$", re.IGNORECASE)
#: What a statement on a page about one thing says of another taken with it: a caution, a
#: word of joining or acting on, or the page's medicine pointed back to ("remember that
#: alcohol can add to the drowsiness caused by this medication", "tell your doctor if you
#: are taking ... clarithromycin" on simvastatin's precautions). "Gabapentin can be taken
#: at bedtime" on a page about alcohol use disorder says no such thing.
_CAUTION = re.compile(
    r"\b(?:avoid\w*|caution\w*|warn\w*|risk\w*|do not|don'?t|should not|not recommended|"
    r"tell your (?:doctor|provider|pharmacist|health care provider)|ask your (?:doctor|"
    rf"pharmacist)|this (?:medication|medicine|drug)|{_ACTS})\b",
    re.IGNORECASE,
)


def speaks_together(candidate: Candidate, sides: Sequence[Side]) -> bool:
    """Whether a statement speaks of the two things taken together: a sentence of it names
    both with a word that joins them (_JOINED anywhere, _BETWEEN between the two), or, on a
    page whose title or headings name one and not the other, it names the other with a
    caution or a word that joins or acts (_CAUTION, _JOINED): "Tell your provider
    or pharmacist if you take any other medicines, such as ... St. John's wort" on birth
    control pills. Naming both in a list of alternatives ("analgesics such as aspirin or
    ibuprofen") does not."""
    return _together(candidate.text, candidate.page, tuple(sides))


@lru_cache(maxsize=4096)
def _together(text: str, page: str, sides: tuple[Side, ...]) -> bool:
    """speaks_together, read once per statement and question: the article's statements
    are asked again as candidates are weighed, and by the notice."""
    if len(sides) != 2:
        return False
    said, on_it, named = terms(text), terms(page), terms(_HAD.sub(" ", page))
    cautions = _CAUTION.search(text) or _JOINED.search(text)
    for one, other in (sides, sides[::-1]):
        on_page = speaks_of(one, named) and not speaks_of(other, on_it)
        if on_page and cautions and speaks_of(other, said):
            return True
    return any(_joined_in(sentence, sides) for sentence in split_sentences(text))


def _joined_in(sentence: str, sides: Sequence[Side]) -> bool:
    """Whether one sentence names both sides with a word that joins them."""
    said = terms(sentence)
    if not all(speaks_of(side, said) for side in sides):
        return False
    if _JOINED.search(sentence):
        return True
    for cue in _BETWEEN.finditer(sentence):
        if _had(sentence, cue):
            continue
        before, after = terms(sentence[: cue.start()]), terms(sentence[cue.end() :])
        if any(speaks_of(a, before) and speaks_of(b, after) for a, b in (sides, sides[::-1])):
            return True
    return False


def _had(text: str, cue: re.Match[str]) -> bool:
    """Whether a "with" says what people have ("patients with alcohol use disorder"), not
    what is taken with what."""
    return cue.group().casefold() == "with" and _HAVING.search(text[: cue.start()]) is not None


#: What people are said to have in a page's title or headings ("... treatment of patients
#: with alcohol use disorder"): the page is about them, not about taking it.
_HAD = re.compile(rf"\b(?:{_PEOPLE})\s+with\s+[^,;:.()]*", re.IGNORECASE)


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
    return leading_first(picked, candidates, lambda c: speaks_together(c, sides), alike, usable)
