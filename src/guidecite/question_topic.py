"""Which documents a question is about: its topic, settled from the library's titles.

After the first retrieval, the question's topic is the document whose title best names the
question's concepts and whose passages best state them together (`settle_topic`); the
documents whose titles name the same thing are the topic's documents, and the topic's words,
as that title writes them, become one more search phrase. The issuers a question names ("per
NICE") are where the answer should come from, not what it is about (`name_sources`).
Nothing here knows medicine: it reads the library's own titles and scopes.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from .analysis import WRITTEN_WORD, fold, terms, words
from .frame import Frame, asked_parts, asking_clauses, names_no_focus, names_subject
from .intents import said_to_have
from .patients import (
    excluded_population,
    for_other_patients,
    may_be_child,
    names_patient,
    names_population,
    negated_words,
    placed_words,
    population_words,
    populations_of,
)
from .query import (
    STOP_TERMS,
    Query,
    Setting,
    aside_words,
    cue_words,
    dominant_word,
    everyday_words,
    focus_words,
    heaviest_subject,
    in_scope_part,
    spellings,
    subject_terms,
)
from .relevance import asked_terms, narrowing_words, question_terms, written
from .rerank import Reranker, reads_meaning
from .scoring import Concept, read, sentence_coverage, stated, states_all
from .store.base import Store
from .store.lexical import Clause
from .topics import (
    JOINING,
    TITLE_TOKEN,
    TitleMatch,
    TopicIndex,
    aliases,
    main_title,
    named_both_ways,
    topic_phrase,
)
from .types import Document, Hit, Passage
from .wording import Correction, adverb, english_words, everyday_word

#: A best title whose meaning is no nearer the question's than this (the reranker's cosine;
#: unrelated texts score about 0 to 0.2 with all-MiniLM-L6-v2) names no topic.
MIN_TITLE_MEANING = 0.2
#: With a reranker, the best few topic titles are weighed also by how nearly each means what
#: the question asks or the whole message tells, whichever is nearer (the cosine of their
#: sentence vectors, times TITLE_MEANING): a message may ask only "any help is appreciated"
#: and name its condition in the story.
TITLE_POOL = 8

TITLE_MEANING = 1.0

#: The topic: titles whose match weighs at least MIN_TOPIC_SHARE of the question's weightiest
#: concept are candidates (a common word in an unrelated title is not), ranked by their
#: title match (scaled by topicality) plus the evidence of their passages among the first
#: EVIDENCE_HITS retrieved.
MIN_TOPIC_SHARE = 0.3

#: ... and whose match, scaled by topicality, weighs at least this share of it.
MIN_TOPICAL_SHARE = 0.1

#: The topic's documents name every word of its phrase that weighs at least this share of its
#: weightiest one ("Hairy Cell Leukemia": hairy and leukemia, not "Hairy tongue"), as focus
#: words do (FOCUS_SHARE); commoner words of the phrase ("acute", "genotype") they need not.
NAMING_SHARE = 0.5

EVIDENCE_HITS = 50

#: The topic's words, as its best title writes them, searched as one more weighted phrase.
TOPIC_WEIGHT = 1.0

MAX_TOPIC_WORDS = 6


def concepts_in(text: str, concepts: Mapping[int, Concept]) -> set[int]:
    """The keys of the concepts a text states."""
    own = read(frozenset(terms(text)))
    return {i for i, concept in concepts.items() if stated(concept, own)}


#: A question word that only this many passages use, that no title names and that is no word
#: of English ("TMAU", "spg11"), names the documents whose text uses it.
NAMED_IN_TEXT = 3


def named_in_text(
    query: Query,
    freq: Mapping[str, int],
    titles: Mapping[str, TitleMatch],
    unnamed: Collection[int],
    store: Store,
    index: TopicIndex,
) -> dict[str, TitleMatch]:
    """The documents whose text alone uses a name the question gives: a word of at most
    NAMED_IN_TEXT passages that is no English word, weighs more than any title's match, and
    names no patient or kind of answer ("TMAU", which only a link on the trimethylaminuria
    page uses), each matched as if its title said the word. A rarer name than any title
    matches is what the question is about; a drug the pages name beside a condition some
    title names is not ("methylnaltrexone" for opioid-induced constipation)."""
    strongest = max((match.weight for match in titles.values()), default=0.0)
    found: dict[str, TitleMatch] = {}
    for i, word in enumerate(query.content_words):
        weight = query.concepts[i][0]
        if i in unnamed or weight <= strongest or not 0 < freq.get(word, 0) <= NAMED_IN_TEXT:
            continue
        if everyday_word(word, "en") or word.casefold() in english_words():
            continue
        keys = [key for key, _ in store.lexical_search([Clause(word, 1.0)], NAMED_IN_TEXT)]
        for passage in store.passages(keys).values():
            if passage.doc_id in index.titles:
                found.setdefault(passage.doc_id, TitleMatch(weight, (i,), weight))
    return found


@dataclass(frozen=True)
class TitlesNamed:
    """The library's titles that name the question's concepts, and how they were read."""

    matches: dict[str, TitleMatch]  # every title stating a topic-naming concept
    in_text: dict[str, TitleMatch]  # documents named only by their text (named_in_text)
    unnamed: frozenset[int]  # concepts for the patient, the kind of answer or how
    chat: frozenset[str]  # words of everyday conversation


def settle_topic(
    query: Query,
    hits: Sequence[Hit],
    documents: Mapping[str, Document],
    index: TopicIndex,
    store: Store | None = None,
    reranker: Reranker | None = None,
) -> Query:
    """The question's topic: the document whose title best names the question's concepts and
    whose retrieved passages best state them together (and, with a reranker, among the best
    few such titles, whose title means most nearly what the question asks). The documents
    whose titles name the same concepts are the topic's documents (a passage of another
    document counts only where it names the topic itself: relevance.py); the topic's words,
    as that title writes them, become a search phrase. A title that names too little of the
    question (a common word in an unrelated title) names no topic, and neither does one
    about a population the question excludes; nor do words of everyday conversation
    (wording.conversational). A rare name no title gives ("TMAU") makes the documents
    whose text uses it candidates, named by their own titles (named_in_text)."""
    query = name_sources(query, index)
    placed = placed_words(query.read)  # where care is given: "emergency", "department"
    named = titles_named(query, index, store, placed)
    eligible = candidate_titles(query, named.matches, index)
    # words that are no focus: unknown to the library, asking for a kind of answer, where
    # care is given, or what the question sets aside ("without heart failure or shock")
    no_focus = (
        *query.unknown_words,
        *query.unused_words,
        *cue_words(query.read),
        *aside_words(query.content_words, query.read),
        *(w for w in query.content_words if w.casefold() in placed),
    )
    top = (
        best_title(query, eligible, named.matches, hits, documents, index, reranker)
        if eligible
        else None
    )
    if top is None or means_nothing_asked(query, index.titles[top], reranker):
        focus = focus_words(query.content_words, query.concepts, no_focus, (), named.chat)
        return replace(query, frame=replace(query.frame, focus=focus), everyday=named.chat)
    chosen = named.matches[top].concepts
    phrase = topic_name(query, top, named, index)
    members, other_names = topic_documents(
        query, chosen, phrase, eligible, named.matches, hits, index
    )
    frame = replace(
        query.frame,
        topic=phrase
        or " ".join(query.content_words[i] for i in chosen if i < len(query.content_words)),
        topic_title=index.titles[top],
        topic_docs=frozenset(members),
        focus=focus_words(query.content_words, query.concepts, no_focus, chosen, named.chat),
    )
    frame = titled_otherwise(query.read, frame)
    setting = topic_setting(query, frame, index)
    return replace(
        query,
        frame=frame,
        everyday=named.chat,
        topic_setting=setting,
        topic_concepts=tuple(query.concepts[i] for i in chosen),
        topic_aliases=tuple(sorted(other_names, key=sorted)),
        topic_purity={d: index.purity(d, query.concepts) for d in members},
        clauses=query.clauses + topic_clauses(frame),
    )


#: The longest run of a question's words read as one condition.
SETTING_WORDS = 3


def topic_setting(query: Query, frame: Frame, index: TopicIndex) -> Setting:
    """The conditions the topic's title gives its topic that the question names too, each
    as the question's words and the run of their concepts: "breast cancer" where sentinel
    lymph node biopsy is the topic of "Sentinel lymph node biopsy for patients with
    early-stage breast cancer", "melanoma" for BRAF V600 in "Dabrafenib for treating ...
    BRAF V600 mutation-positive melanoma". A run is one where the question asks (not its
    story), holds no word of the topic's own name or of a body the question names, and is
    by itself the whole subject of one of the library's titles ("Breast Cancer"): the
    library's own name for a condition, not any word the two share."""
    title = subject_terms(frame.topic_title or "")
    if not title:
        return ()
    own = frozenset(terms(frame.topic or "")).union(*query.named_sources)
    # the title's subject words the question says where it asks
    asked = title & frozenset(terms(asking_clauses(query.read)))
    subjects = _title_subjects(index)
    words = query.content_words[: len(query.concepts)]
    found: list[tuple[str, tuple[Concept, ...]]] = []
    taken: set[int] = set()
    for size in range(SETTING_WORDS, 0, -1):
        for start in range(len(words) - size + 1):
            span = range(start, start + size)
            if taken.intersection(span) or not all(names_subject(words[i]) for i in span):
                continue
            named = frozenset(t for i in span for t in terms(words[i])) - STOP_TERMS
            if named and named <= asked and not named & own and named in subjects:
                said = " ".join(words[i] for i in span)
                found.append((said, tuple(query.concepts[i] for i in span)))
                taken.update(span)
    return tuple(found)


@lru_cache(maxsize=4)
def _title_subjects(index: TopicIndex) -> frozenset[frozenset[str]]:
    """The subjects of the index's titles ("What is (are) Breast Cancer ?": breast, cancer;
    "What is (are) Rabies ?": rabies), read once per index."""
    return frozenset(s for s in (subject_terms(t) for t in index.titles.values()) if s)


def heaviest_word(query: Query) -> str | None:
    """The question's rarest word that is no word for the patient or for a kind of answer."""
    heaviest = heaviest_subject(query)
    return query.content_words[heaviest] if heaviest is not None else None


def titled_alone(word: str, index: TopicIndex) -> bool:
    """Whether a word is by itself the subject of a document's title ("Rabies", "Iron",
    "Suicide", "Malaria"): the library's own name for a topic. The question's rarest word
    that is one ("How long is the incubation period of rabies?") is no word of everyday
    conversation, however rarely the library's passages use it against everyday English;
    a word of the story is ("my body stores too much iron")."""
    own = frozenset(terms(word))
    return len(own) == 1 and own in _title_subjects(index)


def titles_named(
    query: Query, index: TopicIndex, store: Store | None, placed: Collection[str] = ()
) -> TitlesNamed:
    """The titles that state the question's topic-naming concepts, scored (TopicIndex.rank),
    and the documents only their text names. Words for the patient, the kind of answer
    ("causes") or how are no part of a topic's name, nor are the words of where care is
    given (`placed`: patients.placed_words) or a word the question sets aside ("without");
    a word of everyday conversation or for a group of patients names one only beside a word
    the title has with it, as the question does ("Postpartum Depression")."""
    aligned = store is not None and len(query.content_words) == len(query.concepts)
    excluded = negated_words(query.read)
    passages = store.counts()["passages"] if store is not None else 0
    freq = {w: store.doc_freq(w) for w in query.content_words} if store is not None else {}
    heaviest = heaviest_word(query)
    chat = {
        w for w in everyday_words(freq, passages) if w != heaviest or not titled_alone(w, index)
    }
    population = population_words(query.read)  # "older" and "adults" of "older adults"
    unnamed = {
        i
        for i, word in enumerate(query.content_words)
        if names_no_focus(word)
        or adverb(word)
        or word.casefold() in placed
        or word.casefold() in population
    }
    set_aside = {i for i, c in enumerate(query.concepts) if excludes(c, excluded)}
    grouped = {
        i
        for i in unnamed
        if (
            names_population(query.content_words[i])
            or query.content_words[i].casefold() in population
        )
        and not names_patient(query.content_words[i])
    }
    matches = index.rank(
        query.concepts,
        asked_parts(query.read),
        (lambda i: freq[query.content_words[i]]) if aligned else None,
        passages,
        skip=(unnamed - grouped) | set_aside,
        unless_paired={i for i, word in enumerate(query.content_words) if word in chat} | grouped,
        whole=query.read,
        no_partner=frozenset(words(" ".join(population))),
    )
    in_text: dict[str, TitleMatch] = {}
    if store is not None and aligned:
        in_text = named_in_text(query, freq, matches, unnamed, store, index)
        matches = {**in_text, **matches}
    return TitlesNamed(matches, in_text, frozenset(unnamed), frozenset(chat))


def candidate_titles(
    query: Query, matches: Mapping[str, TitleMatch], index: TopicIndex
) -> list[str]:
    """The documents whose titles may name the topic: they name enough of the question
    (MIN_TOPIC_SHARE of its weightiest concept, MIN_TOPICAL_SHARE once scaled by
    topicality) or the question says the title whole, they name the word most of the
    question rests on where one does (query.dominant_word: "Injury" names no topic for
    "vaping lung injury"), unless the question says someone has what the title names ("my
    daughter has scoliosis, does she need a brace?": intents.said_to_have), and they are
    not about a population the question excludes."""
    strongest = max((weight for weight, _ in query.concepts), default=0.0)
    said = words(query.read)
    main = dominant_word(query)
    eligible = [
        d
        for d, m in matches.items()
        if (
            (m.weight >= MIN_TOPIC_SHARE * strongest and m.score >= MIN_TOPICAL_SHARE * strongest)
            or says_title(said, index.titles[d])
        )
        and (
            main is None
            or main in m.concepts
            or said_to_have(query.read, main_title(index.titles[d]))
        )
        and excluded_population(index.titles[d], query.frame.qualifiers) is None
    ]
    eligible = [d for d in eligible if not misreads_acronym(query, index.titles[d])]
    # a guideline on the drug asked about for patients with another condition is not the
    # topic where a title on the question's own patients can be
    asked = asked_terms(query)
    return [d for d in eligible if not for_other_patients(index.titles[d], asked)] or eligible


def misreads_acronym(query: Query, title: str) -> bool:
    """Whether a title states one of the question's acronyms only as the everyday word its
    stem also is: "Hearing Aids" for "What is AIDS?" ("AIDS" and "aids" are both "aid" once
    stemmed), "AL amyloidosis" for "ALS". A title states an acronym by writing it in
    capitals ("HIV/AIDS", "AIDS-Related Lymphoma") or by its long form ("Amyotrophic lateral
    sclerosis")."""
    title_terms: frozenset[str] | None = None  # read only for such an acronym
    for expansion in query.expansions:
        short = expansion.short
        stem = frozenset(terms(short))
        if not (short.isupper() and stem and stem != {short.lower()}):
            continue  # not an acronym the stemmer reads as another word
        if title_terms is None:
            title_terms = frozenset(terms(title))
        if not stem <= title_terms or re.search(
            rf"(?<![^\W\d_]){re.escape(short)}(?![^\W\d_])", title
        ):
            continue
        if not any(
            frozenset(terms(long)) <= title_terms for long in (expansion.long, *expansion.variants)
        ):
            return True
    return False


def best_title(
    query: Query,
    eligible: Sequence[str],
    matches: Mapping[str, TitleMatch],
    hits: Sequence[Hit],
    documents: Mapping[str, Document],
    index: TopicIndex,
    reranker: Reranker | None,
) -> str:
    """The document whose title names the topic: the best title match (relative to the
    best) plus how much of the question its retrieved passages state together; with a
    reranker, among the best TITLE_POOL, also how nearly its title means what the question
    asks or the whole message tells."""
    best_match = max((m.score for m in matches.values()), default=0.0)
    evidence: dict[str, float] = {}
    for hit in hits[:EVIDENCE_HITS]:
        doc = documents.get(hit.passage.doc_id)
        context = " ".join((doc.title if doc else "", *hit.passage.section_path))
        found = sentence_coverage(query.concepts, hit.passage.text, context)
        evidence[hit.passage.doc_id] = max(evidence.get(hit.passage.doc_id, 0.0), found)

    def combined(doc_id: str) -> float:
        match = matches.get(doc_id)
        return (match.score / best_match if match else 0.0) + evidence.get(doc_id, 0.0)

    ranked = sorted(eligible, key=lambda d: (-combined(d), len(index.titles[d]), d))
    if reranker is not None and query.language == "en" and len(ranked) > 1:
        best = ranked[:TITLE_POOL]
        near = title_closeness(query, [index.titles[d] for d in best], reranker)
        meaning = {d: float(x) for d, x in zip(best, near, strict=True)}
        ranked = sorted(best, key=lambda d: -(combined(d) + TITLE_MEANING * meaning[d]))
    return broadest_asked(query, ranked, index)


def broadest_asked(query: Query, ranked: Sequence[str], index: TopicIndex) -> str:
    """The best-ranked title, or a broader one where the best narrows the topic to a
    population the question neither says nor describes: "Juvenile amyotrophic lateral
    sclerosis" names the topic of "what is the life expectancy of someone with ALS" no
    better than "Amyotrophic lateral sclerosis", and a topic's title tells its patient's
    population (a child). Statements on narrower kinds are left to relevance.py."""
    top = ranked[0]
    asked = question_terms(query)
    for other in ranked[1:]:
        name = subject_name(index.titles[other])
        before = narrowing_words(index.titles[top], name or "")
        if not before or any(stem in asked for stem, _ in before):
            continue
        groups = populations_of(written(before))
        if not groups or groups & set(query.frame.qualifiers):
            continue
        return other
    return top


#: An unknown word of the question is the topic's title's word in its place where both
#: begin with this many letters alike ("Clostridioides" and "Clostridium").
SAME_START = 6


def titled_otherwise(question: str, frame: Frame) -> Frame:
    """The frame with each word the library never mentions read as the word the topic's
    title has in its place, beside a word both share, where both begin alike (SAME_START
    letters): "Clostridioides difficile infection" is the title's "Clostridium difficile
    infections", a name the library writes otherwise, not a subject it lacks."""
    if not frame.uncovered or not frame.topic_title:
        return frame
    asked = WRITTEN_WORD.findall(question)
    titled = WRITTEN_WORD.findall(main_title(frame.topic_title))
    found: dict[str, str] = {}
    for i, word in enumerate(asked):
        if word not in frame.uncovered or len(word) < SAME_START:
            continue
        for j, name in enumerate(titled):
            if fold(name[:SAME_START]) != fold(word[:SAME_START]):
                continue
            pairs = ((j + 1, i + 1), (j - 1, i - 1))
            if any(
                0 <= k < len(titled)
                and 0 <= at < len(asked)
                and terms(titled[k]) == terms(asked[at])
                for k, at in pairs
            ):
                found[word] = name
    if not found:
        return frame
    title = fold(frame.topic_title)
    topic = frame.topic or ""
    for name in found.values():  # the topic's name as the title writes it, with that word
        at = title.find(fold(topic))
        if not topic or at < 0:
            continue
        if title[:at].rstrip().endswith(fold(name)):
            topic = f"{name} {topic}"
        elif title[at + len(topic) :].lstrip().startswith(fold(name)):
            topic = f"{topic} {name}"
    return replace(
        frame,
        topic=topic or frame.topic,
        uncovered=tuple(w for w in frame.uncovered if w not in found),
        corrections=(*frame.corrections, *(Correction(w, n) for w, n in found.items())),
    )


#: A kind the library names by its narrowing words in at least this share of the passages
#: that name the topic is the topic's usual name ("atrial fibrillation", "infective
#: endocarditis"), not a narrower kind.
USUAL_NAME = 0.5


def narrower_kinds(query: Query, titles: Collection[str], store: Store) -> tuple[str, ...]:
    """The names (case folded) of the kinds of the question's topic that titles narrow it to
    by words before its name (relevance.narrowing_words: "Juvenile amyotrophic lateral
    sclerosis" for "amyotrophic lateral sclerosis") which the question does not ask about:
    it says none of them, they name no population its patient may be, the topic's own
    title does not narrow it so, and the library writes the topic's name with them in
    under USUAL_NAME of the passages that name it. A question read in another language
    without an English reading cannot be told to leave a kind's words unsaid."""
    topic = query.frame.topic
    if not topic or (query.language != "en" and not query.english):
        return ()
    own = narrowing_words(query.frame.topic_title or "", topic)
    asked = question_terms(query)
    patient = {*query.frame.qualifiers, "adult", *(["child"] if may_be_child(query.read) else [])}
    named = 0
    found: set[str] = set()
    for title in sorted(titles):
        before = narrowing_words(title, topic)
        if not before or before == own or any(stem in asked for stem, _ in before):
            continue
        narrowing = written(before)
        if populations_of(narrowing) & patient:
            continue
        kind = f"{narrowing} {topic}"
        named = named or store.doc_freq(topic)
        if store.doc_freq(kind) < USUAL_NAME * named:
            found.add(kind.casefold())
    return tuple(sorted(found))


def title_closeness(query: Query, titles: Sequence[str], reranker: Reranker) -> np.ndarray:
    """How nearly each title (without its other names) means what the question asks, or
    what the whole message tells where a story surrounds its ask."""
    titles_read = [main_title(title) for title in titles]
    near = reranker.closeness(query.asking_text, titles_read)
    if query.embedding_text != query.asking_text:  # a message with a story around its ask
        near = np.maximum(near, reranker.closeness(query.embedding_text, titles_read))
    return near


def means_nothing_asked(query: Query, title: str, reranker: Reranker | None) -> bool:
    """Whether the best title's meaning is as far from the question's as unrelated texts
    are (MIN_TITLE_MEANING): it shares a word ("keeps" getting nosebleeds: "Keep your eyes
    healthy"; "falling" pregnant: "Falls"), not a subject."""
    if reranker is None or not reads_meaning(reranker) or query.language != "en":
        return False
    return float(title_closeness(query, [title], reranker)[0]) < MIN_TITLE_MEANING


def topic_name(query: Query, top: str, named: TitlesNamed, index: TopicIndex) -> str | None:
    """The topic's words as its title writes them (topics.topic_phrase); a document named
    only in its text gives its own name, and so does a title whose other name the question
    used (called_otherwise)."""
    chosen = named.matches[top].concepts
    asked = [c for i, c in enumerate(query.concepts) if i not in named.unnamed]
    phrase = topic_phrase(index.titles[top], [query.concepts[i] for i in chosen], asked)
    if named.matches[top] is named.in_text.get(top):
        own_name = main_title(index.titles[top])
        if "?" not in own_name and len(own_name.split()) <= MAX_TOPIC_WORDS:
            phrase = own_name
    elif called_otherwise(query.read, index.titles[top], phrase):
        # the question called it by another name the title lists: the title's own
        subject = subject_name(index.titles[top])
        if subject and len(subject.split()) <= MAX_TOPIC_WORDS:
            phrase = subject
    return phrase


def called_otherwise(question: str, title: str, phrase: str | None) -> bool:
    """Whether the question names the title's subject by another name the title lists, of
    two words or more, that the topic's phrase does not hold ("insulin-dependent diabetes"
    for "Diabetes Type 1 (Also called: Insulin-dependent diabetes; ...)", whose phrase is
    "Diabetes"): then the topic is the title's own subject."""
    asked = set(terms(question))
    held = set(terms(phrase or ""))
    return any(
        len(name) >= 2 and name <= asked and not name <= held
        for name in (frozenset(terms(other)) for other in aliases(title))
    )


#: The words that join the words of one name, or the names of a list ("Foot, leg, and ankle
#: swelling").
_JOINING_WORDS = JOINING | {"and"}


def subject_name(title: str) -> str | None:
    """A title's subject as it writes it, without its page's kind or other names ("Diabetes
    Type 1" of "What is (are) Diabetes Type 1 ? (Also called: ...)"): its last run of words
    that name the subject."""
    subject = subject_terms(title)
    own = re.sub(r"\([^)]*\)", lambda m: " " * len(m.group()), main_title(title))
    tokens = list(TITLE_TOKEN.finditer(own))
    naming = [bool(set(terms(t.group())) & subject) for t in tokens]
    if not any(naming):
        return None
    end = max(i for i, n in enumerate(naming) if n)
    start = end
    while start > 0 and (
        naming[start - 1] or tokens[start - 1].group().casefold() in _JOINING_WORDS
    ):
        start -= 1
    while tokens[start].group().casefold() in _JOINING_WORDS:
        start += 1
    return " ".join(own[tokens[start].start() : tokens[end].end()].split())


def topic_documents(
    query: Query,
    chosen: Sequence[int],
    phrase: str | None,
    eligible: Sequence[str],
    matches: Mapping[str, TitleMatch],
    hits: Sequence[Hit],
    index: TopicIndex,
) -> tuple[set[str], set[frozenset[str]]]:
    """The topic's documents and its other names. The documents are those whose titles name
    it as the topic's phrase does: its weightiest concept and every other one of the phrase
    nearly as rare (NAMING_SHARE: "Hairy Cell Leukemia", not "Hairy tongue"); the title that
    named it may also hold other words of the question ("Endocarditis (Also called: Valve
    infection)"), which other documents on it need not. The topic's other names, as its
    documents' titles give them, find its other documents ("primary adrenal insufficiency"
    for Addison disease), and so does a guideline's scope that declares it its condition."""
    qualifiers = query.frame.qualifiers
    core = max(chosen, key=lambda i: query.concepts[i][0])
    rare = {
        i: query.concepts[i]
        for i in chosen
        if query.concepts[i][0] >= NAMING_SHARE * query.concepts[core][0]
    }
    naming = concepts_in(phrase or "", rare) | {core}
    broader = frozenset(terms(phrase or ""))

    def names_topic(d: str) -> bool:
        stated_here = set(matches[d].concepts)
        if core not in stated_here:
            return False
        # every rare word of the name, or a broader name within it ("Tremor" for essential
        # tremor, "Pulmonary Hypertension" for pulmonary arterial hypertension)
        subject = subject_terms(index.titles[d])
        return naming <= stated_here or (bool(subject) and subject <= broader)

    members = {d for d in eligible if names_topic(d)}
    other_names = {
        frozenset(terms(name))
        for d in members
        for name in aliases(index.titles[d])
        if len(terms(name)) >= 2
    }
    # ... and a title's own name, where the question named it by another it lists
    # ("Diabetes Type 1 (Also called: Insulin-dependent diabetes; ...)")
    other_names |= {
        subject_terms(index.titles[d])
        for d in members
        if aliases(index.titles[d]) and len(subject_terms(index.titles[d])) >= 2
    }
    # ... and a title's two names for its subject ("Parasites - Toxoplasmosis (Toxoplasma
    # infection)": the question's "toxoplasma infection" is toxoplasmosis), a name of one
    # word where few titles hold it
    other_names |= {
        name
        for d in members
        for own_name in named_both_ways(index.titles[d]) or ()
        for name in [frozenset(terms(own_name))]
        if len(name) >= 2 or index.specific(name)
    }
    for name in other_names:
        members |= {
            d
            for d in index.stating((0.0, (name,)))
            if excluded_population(index.titles[d], qualifiers) is None
        }
    # A guideline that declares the topic its condition in its scope is about it, whatever
    # its title calls it ("Disease/Condition(s): Primary adrenal insufficiency (Addison's
    # disease)" in "Diagnosis and treatment of primary adrenal insufficiency").
    named_by = [query.concepts[i] for i in chosen]
    members |= {
        h.passage.doc_id
        for h in hits
        if h.passage.doc_id in index.titles
        and excluded_population(index.titles[h.passage.doc_id], qualifiers) is None
        and any(states_all(named_by, condition) for condition in declared_conditions(h.passage))
    }
    return members, other_names


#: Titles whose words are remembered between questions (a library's titles, or most of them).
TITLES_REMEMBERED = 65_536


def says_title(said: Sequence[str], title: str) -> bool:
    """Whether the question says a title of two words or more whole, word for word ("leigh
    disease" for "Leigh's Disease"): it names that topic, however rare the words around it
    ("EPI 743: ... my son ... leigh disease ...")."""
    named = _main_title_words(title)
    # words hold no spaces: a run of them is a run of the joined text between two spaces
    return len(named) >= 2 and f" {' '.join(named)} " in f" {' '.join(said)} "


@lru_cache(maxsize=TITLES_REMEMBERED)
def _main_title_words(title: str) -> tuple[str, ...]:
    """A title's words without its other names, worked out once: every question reads
    hundreds of candidate titles."""
    return tuple(words(main_title(title)))


#: A document's own statement of the condition it covers: a "Field: value" line of its
#: scope whose field names a disease or condition ("Disease/Condition(s): ...").
_DECLARED = re.compile(
    r"^[^:\n]{0,40}\b(?:diseases?|conditions?)\b[^:\n]{0,20}:\s*(.+)$", re.I | re.M
)


def declared_conditions(passage: Passage) -> list[str]:
    """The conditions a passage of a document's scope declares the document covers."""
    if not in_scope_part(passage.section_path):
        return []
    return [match.group(1) for match in _DECLARED.finditer(passage.text)]


def name_sources(query: Query, index: TopicIndex) -> Query:
    """The issuers the question names ("per NICE", "does the USPSTF recommend") are where
    the answer should come from, not what it is about: their words weigh nothing, are not
    searched for nor expanded as abbreviations of something else, and retrieval prefers
    those issuers' documents."""
    if len(query.content_words) != len(query.concepts):
        return query
    named: dict[int, frozenset[str]] = {}
    for i, word in enumerate(query.content_words):
        issuer = index.issuer_named(word, [e.long for e in query.expansions if e.short == word])
        if issuer is not None:
            named[i] = issuer
    # an issuer's name written out ("the Endocrine Society") names a source too, but its
    # words keep their weight: they may name the topic as well ("American Diabetes
    # Association", "U.S. Multi-Society Task Force on Colorectal Cancer")
    spelled = tuple(index.issuers_spelled(query.question))
    if not named:
        read = unexpand_issuers(query, index)
        return replace(read, named_sources=spelled) if spelled else read
    words = {query.content_words[i] for i in named}
    longs = {e.long for e in query.expansions if e.short in words}
    return replace(
        query,
        expansions=tuple(e for e in query.expansions if e.short not in words),
        concepts=tuple(
            (0.0, alts) if i in named else (weight, alts)
            for i, (weight, alts) in enumerate(query.concepts)
        ),
        clauses=tuple(
            c for c in query.clauses if not (set(c.text.split()) & words or c.text in longs)
        ),
        named_sources=tuple(dict.fromkeys((*named.values(), *spelled))),
    )


def unexpand_issuers(query: Query, index: TopicIndex) -> Query:
    """An issuer the library writes as an acronym ("GINA") is that issuer, not an
    abbreviation of something else ("Genetic Information Nondiscrimination Act"): its
    expansions and their search phrases go; the word itself keeps its weight."""
    acronyms = {w for w in query.content_words if index.issuer_acronym(w)}
    longs = {e.long for e in query.expansions if e.short in acronyms}
    if not longs:
        return query
    spelled = {alt for long in longs for alt in spellings(long)}
    concepts = query.concepts
    if len(query.content_words) == len(concepts):
        concepts = tuple(
            (weight, tuple(a for a in alts if a not in spelled))
            if word in acronyms
            else (weight, alts)
            for word, (weight, alts) in zip(query.content_words, concepts, strict=True)
        )
    return replace(
        query,
        expansions=tuple(e for e in query.expansions if e.short not in acronyms),
        concepts=concepts,
        clauses=tuple(c for c in query.clauses if c.text not in longs),
    )


def excludes(concept: Concept, excluded: Collection[str]) -> bool:
    """Whether a concept is one the question sets aside: a term of it begins like an
    excluded word (six letters, so "anticoagulación" meets "anticoagulation")."""
    starts = {fold(word)[:6] for word in excluded if len(word) >= 4}
    return any(term[:6] in starts for alt in concept[1] for term in alt if len(term) >= 4)


def topic_clauses(frame: Frame) -> tuple[Clause, ...]:
    """The topic in the library's words, searched as a phrase: passages index their
    document's title, so this lifts the topic's documents."""
    if not frame.topic or len(frame.topic.split()) > MAX_TOPIC_WORDS:
        return ()
    return (Clause(frame.topic, TOPIC_WEIGHT, phrase=len(frame.topic.split()) > 1),)
