"""Follow-up questions: a short or elliptical follow-up is read in its thread's context.

    contextual_question("and in G3 tumours?", "What surveillance is recommended for
                        neuroendocrine tumours?")
    -> "surveillance neuroendocrine: and in G3 tumours?"

The rule knows no topic. A follow-up is *elliptical* when it has few content words, opens
with a connective ("and", "what about") or points back with a pronoun ("it", "these"). Then
the earlier question's content words are prepended, with three limits that keep the
follow-up's own words weighted higher:

- every word of the follow-up is kept; the earlier question adds only words it lacks;
- an earlier word that a follow-up word stands in for is dropped: "what about children?"
  after a question about adults replaces "adults" rather than asking about both (two words
  stand in for each other when the embedder places them close: `SUBSTITUTE_SIMILARITY`);
- the earlier question adds at most as many words as the follow-up has (never fewer than
  two), its rarest ones in the library first, so the follow-up keeps at least half the
  query's words.

A follow-up that reads as a question of its own is answered as it is. A thread deeper than
one step works the same way: the parent's text is its own contextual question, so the
context carries down the thread.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from .embedding import Embedder
from .query import clean_question, content_words

#: Words that open a follow-up leaning on what came before.
CONNECTIVES = frozenset("and or but also then so plus instead".split())
_OPENINGS = (("what", "about"), ("how", "about"), ("what", "if"))
#: Pronouns and determiners that point back to an earlier question.
ANAPHORA = frozenset(
    "it its it's this that these those they them their theirs there such same former latter".split()
)
#: A follow-up with fewer content words than this is elliptical.
SHORT_FOLLOWUP = 4
#: Cosine at or above which a follow-up word stands in for an earlier word.
SUBSTITUTE_SIMILARITY = 0.45
MIN_CONTEXT_WORDS = 2

_TOKEN = re.compile(r"[\w'’-]+", re.UNICODE)

#: How many passages hold a word (the store's `doc_freq`): rarer words carry the topic.
Frequency = Callable[[str], int]


def is_elliptical(followup: str) -> bool:
    """Whether the follow-up needs its thread to be understood."""
    tokens = [t.casefold().replace("’", "'") for t in _TOKEN.findall(followup)]
    if len(content_words(followup)) < SHORT_FOLLOWUP:
        return True
    if tokens and (tokens[0] in CONNECTIVES or tuple(tokens[:2]) in _OPENINGS):
        return True
    return any(token in ANAPHORA for token in tokens)


def contextual_question(
    followup: str,
    earlier: str,
    *,
    frequency: Frequency | None = None,
    embedder: Embedder | None = None,
) -> str:
    """The text to answer for `followup` asked after `earlier` (see the module's rules)."""
    followup = clean_question(followup)
    if not is_elliptical(followup):
        return followup
    own = content_words(followup)
    context = context_words(own, content_words(clean_question(earlier)), frequency, embedder)
    return f"{' '.join(context)}: {followup}" if context else followup


def context_words(
    own: Sequence[str],
    earlier: Sequence[str],
    frequency: Frequency | None = None,
    embedder: Embedder | None = None,
) -> list[str]:
    """The earlier question's words worth carrying into the follow-up, in their order."""
    present = {w.casefold() for w in own}
    candidates = [w for w in earlier if w.casefold() not in present]
    candidates = [w for w in candidates if w not in _substituted(own, candidates, embedder)]
    limit = max(MIN_CONTEXT_WORDS, len(own))
    if frequency is not None and len(candidates) > limit:
        rarest = sorted(candidates, key=lambda w: (frequency(w), candidates.index(w)))
        kept = set(rarest[:limit])
        return [w for w in candidates if w in kept]
    return candidates[:limit]


def _substituted(
    own: Sequence[str], candidates: Sequence[str], embedder: Embedder | None
) -> set[str]:
    """Earlier words that one of the follow-up's words stands in for."""
    if embedder is None or not own or not candidates:
        return set()
    vectors = embedder.embed([*own, *candidates])
    # Some OpenBLAS builds raise the "invalid" flag on small products of clean vectors
    # (numpy issue 24067; seen once in a full test run); a similarity that is no number is
    # no similarity.
    with np.errstate(invalid="ignore"):
        similarity = np.nan_to_num(vectors[len(own) :] @ vectors[: len(own)].T)
    return {
        w
        for w, row in zip(candidates, similarity, strict=True)
        if float(row.max()) >= SUBSTITUTE_SIMILARITY
    }
