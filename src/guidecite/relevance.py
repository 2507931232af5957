"""Does a statement bear on the question: its topic and its patient?

Support (verify.py) asks whether the cited passage says what the statement says; relevance
asks whether what it says is about the question asked. A statement is off topic when:

- the question's topic is known (its documents found by their titles, frame.py) and the
  statement comes from a document about something else without naming the topic itself: a
  sentence on neuron-specific enolase after cardiac arrest is no evidence on neuroendocrine
  tumours, however rare the word they share;
- no topic is known and the statement shares too little of the question's weighted words;
- it is about a population the question excludes (pregnancy for an older man, children for
  an adult), in its own words or its document's title and headings;
- its document or section is restricted to patients with a condition or treatment the
  question never names ("The management of depression in patients with cancer" for a
  15-year-old with depression);
- it speaks of its own document's subject without naming it ("Streptomycin and tetracycline
  are commonly used to treat this infection", from a page on tularemia, for a question on
  tetracycline), and that document is neither about the question's topic nor named by the
  question, or is about another kind of the topic ("Affected individuals have normal daytime
  vision", from the page on the autosomal dominant form, for the X-linked form): its reader
  cannot tell that it is about something else;
- its document's title names another kind of the condition the question names, by another
  word before the same name ("Social anxiety disorder: recognition, assessment and
  treatment" for a question on generalized anxiety disorder), and the statement does not
  name the question's kind;
- its document's title is a narrower kind of the topic the question does not ask about
  (the topic's name with words right before it that the library seldom writes with it:
  "Juvenile amyotrophic lateral sclerosis" for a question on ALS), and the statement names
  that kind ("People with juvenile ALS can have a normal life expectancy");
- it is about another degree of the question's condition ("severe asthma" for a question on
  mild asthma), or the kind the question sets apart by "non" ("muscle-invasive" for a
  question on non-muscle-invasive bladder cancer, and the other way round), or another kind
  named by its letter ("hepatitis B" for a question on hepatitis A).

The composer uses it to choose candidates; the check after composing (`judge_relevance`)
applies it to whatever a composer wrote, drops what is off topic and reports the share.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from .analysis import common_in_english, holds_run, phrases, terms, words
from .frame import names_no_focus
from .patients import (
    SEVERITIES,
    excluded_population,
    for_other_patients,
    lacking_patients,
    other_care_place,
    other_kind,
    other_letter_kind,
    other_line,
    other_numbered_kind,
    other_patients,
    other_severity,
    other_stage,
    populations_of,
    said_of_other_patients,
    screened_for_had,
    set_aside_in,
    set_aside_patients,
    source_set_aside,
)
from .query import PAGE_WORDS, STOP_TERMS, Query, dominant_word, subject_terms
from .scoring import coverage, read, stated, states_all
from .topics import main_title
from .types import Answer, Document, Statement

#: Without a known topic, a statement must state this share of the question's weight.
MIN_COVERAGE = 0.25
#: Sections a reader's tailoring adds about the article's own words: relevant by construction.
EXEMPT_SECTIONS = frozenset({"glossary", "definitions"})


#: Words by which a statement speaks of its document's subject without naming it.
_OWN_SUBJECT = re.compile(
    r"\b(?:this|these|the)\s+(?:conditions?|diseases?|disorders?|infections?|syndromes?|"
    r"illness(?:es)?)\b|\baffected\s+(?:individuals|people|persons|infants|children|males|"
    r"females|men|women)\b",
    re.IGNORECASE,
)


def speaks_of_own_subject(text: str) -> bool:
    """Whether a statement speaks of its document's subject by a general word ("This
    condition is inherited ...", "affected individuals")."""
    return bool(_OWN_SUBJECT.search(text))


def unnamed_subject(text: str, title: str) -> frozenset[str]:
    """The words of its document's title that name the subject a statement speaks of
    without naming it ("this infection", "affected individuals"); none where it names it,
    or speaks of no such subject."""
    if not speaks_of_own_subject(text):
        return frozenset()
    named = subject_terms(title)
    return frozenset() if named & frozenset(terms(text)) else named


def another_kind(named: frozenset[str], topic_title: str | None, asked: frozenset[str]) -> bool:
    """Whether a document's subject (the words of its title that name it) is another kind
    of the question's topic: it shares words with the topic's title, lacks one the question
    says ("X-linked"), and has one the question does not ("autosomal dominant congenital
    stationary night blindness" for X-linked congenital stationary night blindness). A
    broader name ("Lupus" for lupus nephritis) or another name altogether is no other kind."""
    if not topic_title:
        return False
    topic = subject_terms(topic_title)
    return bool(named & topic) and bool((topic & asked) - named) and bool(named - asked - topic)


#: Where a title's name of its subject ends: its kind of guidance after a colon or a dash,
#: its other names or issuer in brackets ("Social anxiety disorder: recognition, assessment
#: and treatment.", "Colon Cancer Treatment (PDQ®) - NCI").
_SUBJECT_ENDS = re.compile(r"\s*(?::|\s[-–]\s|\().*$", re.DOTALL)
#: A kind word that holds the other's first letters holds its root ("colorectal" the colon,
#: "postradical" radical): a broader or the same name, not another kind.
SAME_ROOT = 4


def title_of_another_kind(title: str, query: Query, text: str) -> str | None:
    """The subject of a document's title where it names another kind of the condition the
    question names: both name it by the same words ("anxiety disorder"), each with a word
    before them that the other never says ("Social anxiety disorder" for a question on
    generalized anxiety disorder; "Type 1 diabetes" for type 2), and the statement does not
    name the question's kind. The shared words hold one of the question's core words (its
    topic or focus); the question's word is no everyday word and no root of the title's.
    None where the title names the condition alone ("Diabetes in pregnancy")."""
    subject = title_subject(title)
    core = " ".join((query.frame.topic or "", *query.frame.focus))
    apart = _kinds_apart(subject, query.read, core)
    if not apart:
        return None
    asked, said = asked_terms(query), words(text)
    if any(theirs not in asked and not holds_run(said, kind) for theirs, kind in apart):
        return subject
    return None


def title_subject(title: str) -> str:
    """A title's name of its subject: without its other names, its kind of guidance or its
    issuer (_SUBJECT_ENDS)."""
    return _SUBJECT_ENDS.sub("", main_title(title)).strip()


@lru_cache(maxsize=4096)
def narrowing_words(title: str, name: str) -> tuple[tuple[str, str], ...]:
    """(term, word as written) of the words a title's subject puts before a name it ends
    with, narrowing it to one kind ("Juvenile" of "Juvenile amyotrophic lateral sclerosis"
    before "amyotrophic lateral sclerosis"), side by side: not the words of a phrase before
    a function word or a word as common in English as "stop" ("Care of the patient with
    ...", "How to stop smoking"), nor a page's kind after the name ("... Treatment"). None
    where the subject does not end with the name, or is it."""
    ending = [stem for part in phrases(name) for stem, _ in part]
    subject = title_subject(title)
    named = [pair for part in phrases(subject) for pair in part]
    while named and named[-1][0] in PAGE_WORDS:
        named.pop()
    if not ending or len(named) <= len(ending):
        return ()
    if [stem for stem, _ in named[-len(ending) :]] != ending:
        return ()
    before: list[tuple[str, str]] = []
    for stem, word in reversed(named[: -len(ending)]):  # "Care of the patient with ..."
        if stem in STOP_TERMS or stem in PAGE_WORDS or common_in_english(word):
            break
        before.insert(0, (stem, word))
    return tuple(before)


def written(pairs: Sequence[tuple[str, str]]) -> str:
    """The words of (term, word) pairs as written, each once: a compound gives two terms
    ("Age-related")."""
    return " ".join(dict.fromkeys(word for _, word in pairs))


def title_of_narrower_kind(title: str, query: Query, text: str) -> str | None:
    """The name of the narrower kind of the topic that a document's title is, where the
    question does not ask about it (frame.narrower, question_topic.narrower_kinds) and the
    statement names that kind by the words that narrow it ("People with juvenile ALS can
    have a normal life expectancy" for a question on ALS): what it says of that kind is not
    said of the topic. A statement of that page that does not name the kind stays."""
    if not query.frame.narrower:
        return None  # most questions: no title read for each statement
    topic = query.frame.topic or ""
    before = narrowing_words(title, topic)
    kind = f"{written(before)} {topic}".casefold()
    if not before or kind not in query.frame.narrower:
        return None
    said = frozenset(terms(text))
    return kind if all(stem in said for stem, _ in before) else None


@lru_cache(maxsize=4096)
def _kinds_apart(subject: str, question: str, core: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(the title's kind word, the question's kind in words) for each run of words a title's
    subject and a part of a question share, each with its own kind word right before it."""
    title = [pair for part in phrases(subject) for pair in part]
    named = [stem for stem, _ in title]
    wanted = frozenset(terms(core))
    found = []
    for asked in phrases(question):
        said = [stem for stem, _ in asked]
        for i, j, length in _shared_runs(named, said):
            if i == 0 or j == 0 or not wanted.intersection(named[i : i + length]):
                continue
            theirs, ours = title[i - 1], asked[j - 1]
            if _kind_words(theirs, ours) and ours[0] not in named:
                found.append((theirs[0], tuple(said[j - 1 : j + length])))
    return tuple(found)


def _kind_words(theirs: tuple[str, str], ours: tuple[str, str]) -> bool:
    """Whether a title's word and the question's word before the words they share (each as
    its term and as written) name two kinds of one thing: no function word, no word for a
    kind of answer ("avoid swelling"), no everyday word of how a thing is ("bad back pain"),
    both numbers or neither, and not one word's root in the other ("colorectal" and
    "colon", "postradical" and "radical")."""
    (their_term, their_word), (our_term, our_word) = theirs, ours
    if any(t in STOP_TERMS or t in PAGE_WORDS for t in (their_term, our_term)):
        return False
    if names_no_focus(our_word):
        return False
    if their_term.isdigit() or our_term.isdigit():
        return their_term.isdigit() and our_term.isdigit()
    their_word, our_word = their_word.casefold(), our_word.casefold()
    if our_word[:SAME_ROOT] in their_word or their_word[:SAME_ROOT] in our_word:
        return False
    return not common_in_english(our_word)


def _shared_runs(a: list[str], b: list[str]) -> list[tuple[int, int, int]]:
    """(start in a, start in b, length) of the longest runs of words a and b share, from
    their first word that is no function word."""
    runs = []
    for i, word in enumerate(a):
        for j, other in enumerate(b):
            if word != other or word in STOP_TERMS or (i and j and a[i - 1] == b[j - 1]):
                continue
            length = 1
            while i + length < len(a) and j + length < len(b) and a[i + length] == b[j + length]:
                length += 1
            runs.append((i, j, length))
    return runs


#: Checks of a statement with its headings against the question's patient, in order, each
#: with what it says of what it found.
_OTHER_PATIENTS: tuple[tuple[Callable[[str, str], str | None], str], ...] = (
    (screened_for_had, "which the question's patient has had"),
    (other_care_place, "which is not where the question's patient is"),
    (other_line, "which the question's patient does not have"),
    (other_stage, "not the stage the question asks about"),
)


def off_topic_reason(
    query: Query, text: str, doc_id: str, context: str, title: str | None = None
) -> str | None:
    """Why a statement (with its document's title and headings as `context`; its title
    alone as `title`, for a statement rather than a whole passage) does not bear on the
    question, or None when it does."""
    frame = query.frame
    own = doc_id in frame.topic_docs
    if frame.topic_docs:
        if not own and not names_topic(query, text, context):
            return f"its source is about another topic than {frame.topic}"
        # the condition the topic is asked for: "Sentinel lymph node biopsy as a staging
        # procedure in soft tissue sarcoma ..." is no answer on its role in breast cancer
        unsaid = setting_unsaid(query, f"{context} {text}")
        if unsaid is not None:
            return f"it does not speak of {unsaid}, the condition the question asks about"
        # another condition's source, on its own patients: "All caretakers of infants and
        # children with SCD should take their child to their doctor ... when their child has
        # a fever" is no answer for a baby with a fever
        if not own and (having := said_of_other_patients(text, lambda: asked_terms(query))):
            return f"it is about {having}, whom the question does not describe"
    elif query.concepts:
        said, framed = frozenset(terms(text)), frozenset(terms(context))
        shared = coverage(query.concepts, said, framed)
        if shared < MIN_COVERAGE:
            return f"it shares only {shared:.0%} of the question's terms"
        main = dominant_word(query)
        if main is not None and not coverage([query.concepts[main]], said, framed):
            return f"it does not state {query.content_words[main]!r}, what the question asks about"
    if title and (unnamed := unnamed_subject(text, title)):
        asked = asked_terms(query)
        source = main_title(title)
        if not own and not unnamed & asked:
            return f"it speaks of its source's own subject ({source}) without naming it"
        if another_kind(unnamed, frame.topic_title, asked):
            return f"it speaks of {source}, another kind than the question's"
    if title and (apart := title_of_another_kind(title, query, text)) is not None:
        return f"its source is about {apart}, another kind than the question's"
    if title and (narrower := title_of_narrower_kind(title, query, text)) is not None:
        return f"it is about {narrower}, a narrower kind than the question's"
    # who a statement names is whom it is about, whatever else its guideline covers ("For
    # children who ..." in a guideline on "children, young people and adults"); one that
    # names nobody is about its guideline's and section's population
    about = text if populations_of(text) else f"{context} {text}"
    excluded = excluded_population(about, frame.qualifiers)
    if excluded is not None:
        return f"it is about {excluded}, which the question's patient is not"
    # A section or guideline on severe disease, on one stage, on screening or on care in
    # hospital is about it in every sentence: each check reads the statement with its
    # headings and title.
    whole = f"{context} {text}"
    asks_degree = any(level in frame.qualifiers for level in SEVERITIES)
    degree = other_severity(whole, query.read) if asks_degree else None
    if degree is not None:
        return f"it is about {degree}, which the question's patient does not have"
    for check, why in _OTHER_PATIENTS:
        found = check(whole, query.read)
        if found is not None:
            return f"it is about {found}, {why}"
    kind = (
        other_kind(whole, query.read)
        or other_letter_kind(text, query.read)
        or other_numbered_kind(whole, frame.topic)
    )
    if kind is not None:
        return f"it is about {kind}, which the question's patient does not have"
    set_aside = set_aside_terms(query)
    aside = set_aside_patients(text, set_aside)
    if aside is not None:
        return f"it is about {aside}, whom the question sets aside"
    # a source on the question's own topic stays ("Oral anticoagulation in atrial
    # fibrillation" for an AF patient "not on anticoagulation")
    own_topic = doc_id in frame.topic_docs
    source_aside = None if own_topic else source_set_aside(title or "", set_aside)
    if source_aside is not None:
        return f"its source is about {source_aside}, which the question sets aside"
    lacking = lacking_patients(text, lambda: asked_terms(query), set_aside)
    if lacking is not None:
        return f"it is about {lacking}, whom the question does not describe"
    # the question's terms are gathered only for a source that restricts its patients
    restricted = other_patients(context, lambda: asked_terms(query))
    if restricted is not None:
        return f"its source is about {restricted}, whom the question does not describe"
    if title and for_other_patients(title, asked_terms(query)):
        return f"its source ({main_title(title)}) is for patients the question does not describe"
    return None


def set_aside_terms(query: Query) -> tuple[frozenset[str], ...]:
    """The terms of what the question sets aside (patients.set_aside_in), its words in
    another language read as their English renderings ("sin anticoagulación")."""
    if query.language == "en":
        return set_aside_in(query.read)
    rendered = tuple(
        (word.casefold(), alternatives[0])
        for word, (_, alternatives) in zip(query.content_words, query.concepts, strict=False)
        if alternatives
    )
    return set_aside_in(query.read, rendered)


def asked_terms(query: Query) -> frozenset[str]:
    """The terms of the question's words, of their other forms and renderings (expansions,
    English), and of its topic's title."""
    return question_terms(query) | frozenset(terms(query.frame.topic_title or ""))


def question_terms(query: Query) -> frozenset[str]:
    """The terms of the question's words and of their other forms and renderings
    (expansions, English)."""
    own = {term for _, alternatives in query.concepts for alt in alternatives for term in alt}
    return frozenset(own) | frozenset(terms(f"{query.read} {query.english}"))


def setting_unsaid(query: Query, text: str) -> str | None:
    """The condition the question asks its topic for (Query.topic_setting: "breast cancer"
    for sentinel lymph node biopsy), where a text (with its title and headings) names none
    of them; None where it names one, or the question names none."""
    if not query.topic_setting:
        return None
    said = read(frozenset(terms(text)))
    if any(all(stated(c, said) for c in concepts) for _, concepts in query.topic_setting):
        return None
    return " or ".join(f"'{name}'" for name, _ in query.topic_setting)


def names_topic(query: Query, text: str, context: str = "") -> bool:
    """Whether a text (with its title and headings) names the question's topic: all its
    concepts, or one of its other names."""
    whole = f"{context} {text}"
    if states_all(query.topic_concepts, whole):
        return True
    found = frozenset(terms(whole))
    return any(alias <= found for alias in query.topic_aliases)


def judge_relevance(answer: Answer, query: Query, documents: Mapping[str, Document]) -> Answer:
    """The answer without its off-topic statements, with the share on topic recorded."""
    judged = 0
    dropped = 0

    def keep(statement: Statement) -> bool:
        nonlocal judged, dropped
        judged += 1
        citation = statement.citations[0] if statement.citations else None
        if citation is None:
            return True
        doc = documents.get(_doc_of(answer, citation.reference) or "")
        context = " ".join(((doc.title if doc else ""), *citation.section_path))
        reason = off_topic_reason(
            query, statement.text, doc.doc_id if doc else "", context, doc.title if doc else None
        )
        if reason is None:
            return True
        dropped += 1
        return False

    bottom = tuple(s for s in answer.bottom_line if keep(s))
    sections = tuple(
        section
        if section.key in EXEMPT_SECTIONS
        else replace(section, statements=tuple(s for s in section.statements if keep(s)))
        for section in answer.sections
    )
    sections = tuple(s for s in sections if s.statements)
    if not bottom and sections and sections[0].key not in EXEMPT_SECTIONS:
        first = sections[0]
        bottom = first.statements[:1]
        sections = (replace(first, statements=first.statements[1:]), *sections[1:])
        sections = tuple(s for s in sections if s.statements)
    share = None if judged == 0 else round((judged - dropped) / judged, 3)
    return replace(
        answer, bottom_line=bottom, sections=sections, on_topic_share=share, off_topic=dropped
    )


def _doc_of(answer: Answer, number: int) -> str | None:
    return next((r.doc_id for r in answer.references if r.number == number), None)
