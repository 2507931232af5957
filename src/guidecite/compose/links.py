"""Questions whether one thing causes another ("can lupus cause hair loss?", "does smoking
cause bladder cancer?"): the statements that say the one brings about the other lead the
article.

The cause and the effect are read from the question's grammar (frame.linked_sides);
whether a statement links them is read from its words, never from a list of conditions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from ..analysis import terms
from ..chunking import split_sentences
from ..query import content_words
from .candidates import Alike, Candidate
from .comparing import Side, leading_first, speaks_of

#: Words that say one thing brings about another: the effect before them and the cause
#: after (`back`: "Sudden weight gain can be due to medicines, thyroid problems ...", "...
#: if you have certain diseases, such as ... lupus"); either way round (`either`:
#: "associated with", "linked to", and causes named as such: "Other causes are stress, a
#: low protein diet ...", "Common causes of low magnesium include: ..."); or the cause
#: before them and the effect after (`forth`: "Smoking causes most cases of bladder
#: cancer", "... results in ..."). Naming the two in a list of symptoms or beside each
#: other ("Sudden anxiety with chest pain ... may suggest a pulmonary embolism") says no
#: link, nor does "from" alone ("Hair loss ranges from mild to severe").
_CAUSAL = re.compile(
    r"\b(?:"
    r"(?P<back>caused\s+by|results?\s+from|resulted\s+from|triggered\s+by|brought\s+on\s+by|"
    r"induced\s+by|due\s+to|because(?:\s+of)?|comes?\s+from|if\s+you\s+have|related\s+to)|"
    r"(?P<either>causes?\s+(?:of\s+[^.;:]{1,60}?\s+)?(?:is|are|include|includes)|associated|"
    r"linked|link)|"
    r"(?P<forth>caus\w*|lead(?:s|ing)?\s+to|led\s+to|results?\s+in|resulted\s+in|trigger\w*|"
    r"brings?\s+on|brought\s+on|contribut\w+|worsen\w*|aggravat\w*|induc\w*)"
    r")\b",
    re.IGNORECASE,
)


def speaks_of_link(candidate: Candidate, sides: Sequence[Side]) -> bool:
    """Whether a statement says that the cause a question asks about brings about the
    effect it asks about (frame.linked_sides), each on its side of a word of causing
    (_CAUSAL). Where the statement leaves one of the two unsaid and its page's title or
    headings name it, the page's stands in an empty place or one that says part of it ("It
    can cause hair loss" on lupus; "You can also lose your hair if you have certain
    diseases, such as ... lupus" on "Hair Loss"), not in a place that names something else
    ("Cyclophosphamide can cause nausea and hair loss" on lupus). "Parathyroid tumors ...
    may cause fatigue, ..., dehydration, kidney stones" says nothing of dehydration causing
    kidney stones."""
    return _linked(candidate.text, candidate.page, tuple(sides))


@lru_cache(maxsize=4096)
def _linked(text: str, page: str, sides: tuple[Side, ...]) -> bool:
    """speaks_of_link, read once per statement and question (as together._together)."""
    if len(sides) != 2:
        return False
    said, named = terms(text), terms(page)
    given = tuple(speaks_of(side, named) and not speaks_of(side, said) for side in sides)
    if all(given):
        return False
    for sentence in split_sentences(text):
        for cue in _CAUSAL.finditer(sentence):
            before, after = sentence[: cue.start()], sentence[cue.end() :]
            forth = _holds(sides[0], before, given[0]) and _holds(sides[1], after, given[1])
            back = _holds(sides[1], before, given[1]) and _holds(sides[0], after, given[0])
            if {"forth": forth, "back": back, "either": forth or back}[cue.lastgroup or ""]:
                return True
    return False


def _holds(side: Side, part: str, given: bool) -> bool:
    """Whether a part of a sentence says the side, or, where the page names it (`given`),
    leaves room for it: it names nothing, or says part of it ("lose your hair")."""
    said = terms(part)
    if speaks_of(side, said):
        return True
    if not given:
        return False
    own = {t for run in side.runs for t in run}
    return not content_words(part) or bool(own & set(said))


def links_first(
    picked: Sequence[Candidate],
    candidates: Sequence[Candidate],
    sides: Sequence[Side],
    alike: Alike = frozenset(),
    usable: Callable[[Candidate], bool] | None = None,
) -> tuple[list[Candidate], int]:
    """The article's statements with those that link the cause and the effect asked about
    first, and how many lead (as comparisons_first): "can lupus cause hair loss" is not
    answered by what causes lupus."""
    if not sides:
        return list(picked), 0
    return leading_first(picked, candidates, lambda c: speaks_of_link(c, sides), alike, usable)
