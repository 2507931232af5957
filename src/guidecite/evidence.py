"""Deciding whether the library holds evidence that answers the question at all.

The decision rests on the question's core, its topic and its focus (frame.py), never on an
incidental word:

- a word of an asking sentence that no passage of the library contains, once typos are
  corrected, means the library cannot answer a question about it ("Is inclisiran
  recommended ...?"); an unknown word only in a subject line or the story around the
  question is reported and the rest is answered;
- when the topic is known (a title names it), some retrieved passage must be about it, and
  the article then says what the library holds on it, noting when nothing answers the kind
  of question asked; but when the question's main focus names a kind of the topic (it
  stands right before the topic's name in one phrase, "long COVID fatigue", not
  "Plavix,lisinopril,simvastatin") and no passage on the topic
  mentions it, the library holds the topic and not that kind of it;
- when no title names the topic, some passage must state the question's main focus (its
  rarest asked word), the best passages must state enough of the question's weighted
  words, and one of them must state two of its asked words together (together_asked), or
  what was found is only loosely related: "What is the capital of Australia?" finds
  "capital letters" in one guideline and "Australia" in another, and nothing on both.

"Not enough evidence" is a normal answer (`insufficient`), listing the nearest sources.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .analysis import terms, words
from .frame import (
    DECLINED,
    FOCUS_UNMENTIONED,
    KIND_UNMENTIONED,
    LOW_COVERAGE,
    NEVER_MENTIONS,
    NO_MATCH,
    NOT_ABOUT,
    SAID_APART,
    SAID_APART_ANY,
    names_subject,
)
from .query import Query, cue_words
from .relevance import off_topic_reason
from .scoring import ASKS_ABOUT, Concept, coverage, read, stated, states_all
from .types import INSUFFICIENT_EVIDENCE, Answer, Document, Hit, Reference, reference_for

MIN_COVERAGE = 0.3
NEAREST = 5
#: The nearest sources a declined answer lists score at least this share of the best one's
#: passage, as an article's statements do of its best (compose's MIN_RELATIVE_SCORE): a
#: source sharing only a word of the question ("injection") is no place to look.
NEAREST_SHARE = 0.75
#: How many of the best passages are read for the decision.
TOP = 10


@dataclass(frozen=True)
class Evidence:
    sufficient: bool
    reason: str = ""


def assess(query: Query, hits: Sequence[Hit], documents: Mapping[str, Document]) -> Evidence:
    """Whether the retrieved passages can answer the question, and if not, why not."""
    if not hits:
        return Evidence(False, NO_MATCH)
    frame = query.frame
    if frame.uncovered:
        listed = ", ".join(f"'{w}'" for w in frame.uncovered)
        return Evidence(False, NEVER_MENTIONS % {"words": listed})
    if not frame.topic_docs:
        return without_topic(query, hits, documents)
    relevant = [
        (hit, context)
        for hit in hits[:TOP]
        for context in [_context(hit, documents)]
        if off_topic_reason(query, "", hit.passage.doc_id, context) is None
        or off_topic_reason(query, hit.passage.text, hit.passage.doc_id, context) is None
    ]
    if not relevant:
        return Evidence(False, NOT_ABOUT % {"topic": frame.topic})
    kind = unnamed_kind(query, [f"{context} {hit.passage.text}" for hit, context in relevant])
    if kind is not None:
        return Evidence(False, KIND_UNMENTIONED % {"topic": frame.topic, "kind": kind})
    return Evidence(True)  # the library holds passages on the question's topic


def without_topic(query: Query, hits: Sequence[Hit], documents: Mapping[str, Document]) -> Evidence:
    """Where no title names the topic: some passage found must state the question's main
    focus, the best ones enough of its weighted words, and one of them two of its words
    together (together_asked)."""
    texts = [f"{_context(hit, documents)} {hit.passage.text}" for hit in hits[:TOP]]
    main = main_focus(query)
    if main is not None and not any(states_all([main], text) for text in texts):
        return Evidence(False, FOCUS_UNMENTIONED % {"focus": query.frame.focus[0]})
    best = best_coverage(query, hits, documents)
    if best < MIN_COVERAGE:
        return Evidence(False, LOW_COVERAGE % {"share": f"{best:.0%}"})
    asked = together_asked(query)
    distinct = {concept[1] for _, concept in asked}  # "bleeds" and "bleeding" are one
    if len(distinct) > 1 and not any(states_two(asked, text) for text in texts):
        *some, last = [f"'{word}'" for word, _ in asked]
        if len(some) == 1:
            return Evidence(False, SAID_APART % {"one": some[0], "other": last})
        return Evidence(False, SAID_APART_ANY % {"some": ", ".join(some), "last": last})
    return Evidence(True)


def subject_words(query: Query) -> list[tuple[str, Concept]]:
    """The question's words that say what it is about, weightiest first, with their
    concepts: not words that ask for a kind of answer ("causes", "passed on"), name the
    patient or a group of patients, or weigh nothing, nor numbers. None where its words and
    concepts are not read side by side (the check that uses them is then not made)."""
    if len(query.content_words) != len(query.concepts):
        return []
    cues = set(cue_words(query.read))
    asked = [
        (word, concept)
        for word, concept in zip(query.content_words, query.concepts, strict=True)
        if concept[0] > 0 and word not in cues and names_subject(word)
    ]
    return sorted(asked, key=lambda pair: -pair[1][0])


def together_asked(query: Query) -> list[tuple[str, Concept]]:
    """The words of which a passage found must state two together where no title names
    the topic: the subject words the library is about, not of everyday conversation
    (Query.everyday), or all of them where every one is ("What is the capital of
    Australia?"). Where only one is about the library's subject, it is what the question
    asks about, and no second word is needed ("I keep getting nosebleeds"). A word found in
    a great many passages (weighing under ASKS_ABOUT) is no partner where two others are
    weightier: "is it bad to crack your knuckles" asks of cracking knuckles, and a page that
    says a medicine has gone bad and a pill cracked does not speak of it."""
    asked = subject_words(query)
    asked = [pair for pair in asked if pair[0] not in query.everyday] or asked
    weighty = [pair for pair in asked if pair[1][0] >= ASKS_ABOUT]
    return weighty if len({concept[1] for _, concept in weighty}) > 1 else asked


def states_two(asked: Sequence[tuple[str, Concept]], text: str) -> bool:
    """Whether a text (with its document's title and headings) states two of the asked
    words; two words read alike ("bleeds", "bleeding") are one."""
    own = read(frozenset(terms(text)))
    found = {concept[1] for _, concept in asked if stated(concept, own)}
    return len(found) >= 2


#: What ends a phrase: a word before it names no kind of the word after it.
_PHRASE_BREAK = re.compile(r"[,;:()/]|\s-\s")


def unnamed_kind(query: Query, texts: Sequence[str]) -> str | None:
    """The question's main focus word when it names a kind of the topic, standing right
    before the topic's name ("long COVID fatigue"), and none of the passages on the topic
    mentions it: the library holds the topic, not that kind of it."""
    main = main_focus(query)
    if main is None or not query.frame.topic:
        return None
    focus = query.frame.focus[0]
    topic = words(query.frame.topic)
    # within one phrase: "Plavix,lisinopril,simvastatin" lists three drugs, no kind
    phrases = [words(part) for part in _PHRASE_BREAK.split(query.read)]
    before = {
        said[i - 1]
        for said in phrases
        for i in range(1, len(said) - len(topic) + 1)
        if said[i : i + len(topic)] == topic
    }
    own = words(focus)  # the focus word as terms; its last stands right before the topic
    if not own or own[-1] not in before or any(states_all([main], text) for text in texts):
        return None
    return focus


def main_focus(query: Query) -> Concept | None:
    """The concept of the question's main focus word, when the frame names one."""
    if not query.frame.focus or len(query.content_words) != len(query.concepts):
        return None
    return query.concepts[query.content_words.index(query.frame.focus[0])]


def best_coverage(
    query: Query, hits: Sequence[Hit], documents: Mapping[str, Document], top: int = 5
) -> float:
    """The largest share of the question's weighted concepts that one of the top passages
    states (its title and headings count half)."""
    best = 0.0
    for hit in hits[:top]:
        own = frozenset(terms(hit.passage.text))
        around = frozenset(terms(_context(hit, documents)))
        best = max(best, coverage(query.concepts, own, around))
    return best


def _context(hit: Hit, documents: Mapping[str, Document]) -> str:
    doc = documents.get(hit.passage.doc_id)
    return " ".join((doc.title if doc else "", *hit.passage.section_path))


def insufficient(
    query: Query,
    hits: Sequence[Hit],
    documents: Mapping[str, Document],
    audience: str,
    reason: str,
) -> Answer:
    """The plain "no evidence" answer, listing the nearest sources found (NEAREST_SHARE),
    each issuer's title once: two editions of one guideline are one place to look."""
    nearest: list[Reference] = []
    floor = max((hit.score for hit in hits), default=0.0) * NEAREST_SHARE
    for hit in hits:
        if hit.score < floor:
            continue
        doc = documents.get(hit.passage.doc_id)
        if doc is None or any(
            r.doc_id == doc.doc_id or (r.title, r.issuer) == (doc.title, doc.issuer)
            for r in nearest
        ):
            continue
        nearest.append(reference_for(doc, len(nearest) + 1))
        if len(nearest) == NEAREST:
            break
    return Answer(
        question=query.question,
        title=query.question[:1].upper() + query.question[1:],
        status=INSUFFICIENT_EVIDENCE,
        audience=audience,
        nearest_sources=tuple(nearest),
        notice=DECLINED % {"reason": reason},
        frame=query.frame.as_dict(),
    )
