"""The article's title: what kind of answer, about what, in which topic, in the library's
words ("Management of mildly elevated Neuron-Specific Enolase in Neuroendocrine Tumors"), read
from the question's frame and the statements the article holds."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..analysis import WRITTEN_WORD, holds_run, phrases, terms, words
from ..frame import names_no_focus
from ..intents import intent_named
from ..patients import NEGATING
from ..query import STOP_TERMS, Query
from ..types import Document, Hit

#: How a title names the topic when it names no focus: what a value is asked for is dosing
#: or timing *in* a condition ("Dosing in preeclampsia"), a test is testing *for* it, the
#: outlook is *for* it; otherwise "Management of ...", "Causes of ...".
_ABOUT = {
    "dose": "in",
    "timing": "in",
    "threshold": "in",
    "monitoring": "in",
    "test": "for",
    "prognosis": "for",
    "escalation": "for",
    "research": "on",
}
#: ... and the word before a focus, which is "of" but for research ("Management of fluoride
#: varnish", "Research on gene therapy in ..."; _ABOUT says it before a topic).
_OF = {"research": "on"}


def title_for(
    query: Query,
    stated: frozenset[str] | None = None,
    said: Sequence[str] = (),
    names: Sequence[str] = (),
    two_spoken: bool = False,
) -> str:
    """The article's title: what kind of answer, about what, in which topic, in the
    library's words ("Management of mildly elevated Neuron-Specific Enolase in
    Neuroendocrine Tumors"); the question itself when its frame names neither. Given the
    terms the article's statements state, the title names only a focus they state: a word
    of the message's story ("seeking help for ...") or one the library does not answer on
    is not what the article is about. Given the statements themselves (`said`), the focus
    is the longest run of the question's words around it that they say word for word
    ("fluoride varnish", not "varnish in fluoride"); one that holds the topic is the whole
    title's subject. Given the titles and headings of the article's sources (`names`), a
    focus or topic the statements write as part of a longer name those give is that whole
    name ("Outlook for heart failure", not "Outlook for Heart": whole_name). Asked whether
    one thing causes another, the title names the two and no link ("Lupus and hair loss");
    asked of two things taken together, it names the two only where a statement speaks of
    them so (`two_spoken`): "Ibuprofen with warfarin" over an article silent on the pair
    promises what it does not give."""
    frame = query.frame
    label = intent_named(frame.intent).label
    of = _OF.get(frame.intent, "of")
    focus = focus_phrase(query, stated)
    main = main_focus_word(query)
    phrase = said_phrase(query, said, main) if focus and said and main else None
    topic = whole_name(frame.topic, said, names) if frame.topic else None
    if len(frame.linked) == 2:
        # whether one thing causes another: the two as the question names them ("hair
        # loss", which the library also writes, not "alopecia"), and no link said
        title = " and ".join(frame.linked)
    elif two_spoken and len(frame.together) == 2:
        # two things taken together, in the question's order and the library's words
        # ("Management of acetaminophen with ibuprofen" for "tylenol and advil"), not the
        # topic first ("Management of advil together in Acetaminophen")
        one, other = (_library_word(side, query) for side in frame.together)
        title = f"{label} of {one} with {other}"
    elif phrase is not None:
        phrase = whole_name(phrase, said, names)
        within = frozenset(terms(phrase)) >= frozenset(terms(topic or ""))
        title = f"{label} {of} {phrase}" if within else f"{label} {of} {phrase} in {topic}"
    elif topic and focus and focus.casefold() not in topic.casefold():
        focus = whole_name(focus, said, names)
        within = frozenset(terms(focus)) >= frozenset(terms(topic))
        title = f"{label} {of} {focus}" if within else f"{label} {of} {focus} in {topic}"
    elif topic:
        title = f"{label} {_ABOUT.get(frame.intent, 'of')} {topic}"
    elif focus:
        title = f"{label} {of} {focus}"
    else:
        title = query.question.strip()
    return title[:1].upper() + title[1:]


def _library_word(side: str, query: Query) -> str:
    """A side as the library writes it: the long form of an everyday name or abbreviation
    it is ("acetaminophen" for "tylenol"), else as the question writes it."""
    for expansion in query.expansions:
        if side.casefold() in {expansion.glossed.casefold(), expansion.short.casefold()}:
            return expansion.long
    return side


def whole_name(phrase: str, said: Sequence[str], names: Sequence[str], limit: int = 5) -> str:
    """A phrase of the title grown to the whole name the statements (`said`) write it in:
    while most of the places they say it go straight on with the same word, and a title or
    heading of the library (`names`) holds the phrase with that word ("heart failure",
    "difficile-associated disease"), the word joins it, as the statements write it, up to
    `limit` words; a single word also takes the word most of them write before it the same
    way ("atrial fibrillation"). The phrase itself where they never say it. A name no title
    or heading gives ("Menkes syndrome typically begin") is no name."""
    wanted = words(phrase)
    if not wanted or not said or not names:
        return phrase
    named: list[list[str]] = []  # the names' words, read where a neighbour is found

    def named_with(pair: list[str]) -> bool:
        if not named:
            named.extend(words(name) for name in names)
        return any(holds_run(name, pair) for name in named)

    runs = [run for text in said for run in phrases(text)]
    found, given = phrase, len(wanted)
    while len(wanted) < limit:
        places = [
            (run, i)
            for run in runs
            for i in range(len(run) - len(wanted) + 1)
            if [stem for stem, _ in run[i : i + len(wanted)]] == wanted
        ]
        if not places:
            return found
        if len(wanted) > given:
            run, i = places[0]
            found = " ".join(dict.fromkeys(token for _, token in run[i : i + len(wanted)]))
        after = _beside(
            len(places),
            [run[i + len(wanted)][0] for run, i in places if i + len(wanted) < len(run)],
        )
        if after is not None and named_with([*wanted, after]):
            wanted = [*wanted, after]
            continue
        before = _beside(len(places), [run[i - 1][0] for run, i in places if i > 0])
        if len(wanted) == 1 and before is not None and named_with([before, *wanted]):
            wanted = [before, *wanted]
            continue
        return found
    return found


def _beside(places: int, neighbours: Sequence[str]) -> str | None:
    """The word beside most of a phrase's `places` (the words beside them: `neighbours`),
    where it is a word of a name (no function word, number or mark)."""
    if not neighbours:
        return None
    common = max(set(neighbours), key=neighbours.count)
    if 2 * neighbours.count(common) <= places:
        return None
    return None if common in STOP_TERMS or not common.isalpha() else common


def names_of(hits: Sequence[Hit], documents: Mapping[str, Document]) -> list[str]:
    """The titles of an article's candidate sources and the headings of their passages:
    the library's own names for what they cover."""
    headings = dict.fromkeys(h for hit in hits for h in hit.passage.section_path)
    return [*dict.fromkeys(doc.title for doc in documents.values()), *headings]


def names_issuer(query: Query, word: str) -> bool:
    """Whether a question word names a body the question names as the source ("per NICE")."""
    own = frozenset(terms(word))
    longs = [frozenset(terms(e.long)) for e in query.expansions if e.short == word]
    return any(own <= i or any(x <= i for x in longs) for i in query.named_sources)


def main_focus_word(query: Query) -> str | None:
    """The question's first focus word that names no body it asks for ("per NICE")."""
    return next((w for w in query.frame.focus if not names_issuer(query, w)), None)


def said_phrase(query: Query, said: Sequence[str], main: str, limit: int = 5) -> str | None:
    """The longest run of two to `limit` of the question's words (outside brackets) that
    holds its main focus word, begins and ends with a word the question asks about, and
    that one of the statements `said` says word for word (other forms of a word count:
    "valve" for "valves"), as the question writes it; None when none does."""

    def spoken(words: Sequence[str]) -> str:
        return " ".join(" ".join(terms(w)) for w in words)

    tokens = WRITTEN_WORD.findall(re.sub(r"\([^)]*\)", " ", query.read))
    asked = {w.casefold() for w in query.content_words if not names_no_focus(w)}
    texts = [f" {spoken(WRITTEN_WORD.findall(text))} " for text in said]
    best: list[str] = []
    for start, token in enumerate(tokens):
        if token.casefold() != main.casefold():
            continue
        for first in range(max(0, start - limit + 1), start + 1):
            for last in range(start, min(len(tokens), first + limit)):
                run = tokens[first : last + 1]
                if len(run) < max(2, len(best) + 1):
                    continue
                if not {run[0].casefold(), run[-1].casefold()} <= asked:
                    continue
                if any(f" {spoken(run)} " in text for text in texts):
                    best = run
    return " ".join(best) or None


def focus_phrase(query: Query, stated: frozenset[str] | None = None, limit: int = 5) -> str | None:
    """The question's words around its main focus word, as the question writes them: the
    run of its content words (outside brackets) that holds it. A word of the body the
    question names ("per NICE") is no focus. Given the terms an article's statements state
    (`stated`), None when they do not state the main focus, and only words they state join
    it."""
    if not query.frame.focus or query.language != "en":
        return None  # the question's own words would be in another language than the title

    def longs(word: str) -> list[frozenset[str]]:
        return [frozenset(terms(e.long)) for e in query.expansions if e.short == word]

    def says(word: str) -> bool:
        own = frozenset(terms(word))
        return stated is None or own <= stated or any(x and x <= stated for x in longs(word))

    main = main_focus_word(query)
    if main is None or not says(main):
        return None
    text = re.sub(r"\([^)]*\)", " ", query.read)
    tokens = WRITTEN_WORD.findall(text)
    topic = {w.casefold() for w in (query.frame.topic or "").split()}
    keep = {
        w.casefold()
        for w in query.content_words
        if w.casefold() not in topic
        and not names_no_focus(w)
        and not any(c.isdigit() for c in w)
        and not names_issuer(query, w)
        and says(w)
    }
    positions = [i for i, t in enumerate(tokens) if t.casefold() == main.casefold()]
    if not positions:
        expansion = next((e.long for e in query.expansions if e.short == main), None)
        return expansion
    start = end = positions[0]
    while start > 0 and tokens[start - 1].casefold() in keep and end - start + 1 < limit:
        start -= 1
    while end + 1 < len(tokens) and tokens[end + 1].casefold() in keep and end - start + 1 < limit:
        end += 1
    while end > start and tokens[end].casefold() in NEGATING:
        end -= 1  # "outpatient without" where the statements never say what it is without
    phrase = " ".join(tokens[start : end + 1])
    expansion = next((e.long for e in query.expansions if e.short == phrase), None)
    return expansion or phrase
