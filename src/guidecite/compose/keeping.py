"""Which picked statements stay in the article: those about the care, the value, the
patient and the question asked. Each rule leaves out statements a physician reads as about
another decision, population or condition (docs/frame.md, "Composing"). The rules weigh
every candidate above the article's floor before the article is held to its size and to a
few statements of one document (extractive.within_limits), so a statement they leave out
takes no place from one that stays; none reaches below the floor for a weaker one. Only
the kinds of answer the question asks for reach below it: each gets its best statement
(cover_intents), and a kind the topic's own document gives a section gets that section's
(cover_section_asked).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace

from ..analysis import terms
from ..evidence import main_focus
from ..frame import asking_clauses, clauses
from ..intents import (
    INFORMATION_ASKED,
    OVERVIEW_INTENTS,
    WORSENS,
    Intent,
    asks_of_care,
    asks_use,
    care_asked,
    care_named,
    doing_asked,
    intent_named,
    intents_of,
)
from ..patients import populations_of, said_for
from ..query import Query
from ..rerank import Reranker
from ..scoring import Concept
from ..scoring import coverage as coverage_of
from ..topics import main_title
from ..types import Document
from .candidates import (
    ACTION_INTENTS,
    DESCRIPTIVE_INTENTS,
    HOW_COMMON,
    SAYS_MORE,
    SUBGROUPS,
    VALUE_INTENTS,
    Alike,
    Candidate,
    answered_under_heading,
    brings_about,
    cause_asked_of,
    defines,
    duplicates,
    offered,
    offers,
    offers_any,
)
from .sections import classify
from .units import heading_above

#: A statement after the bottom line, of a document neither the bottom line's nor the topic's,
#: stays only as near the question's meaning as this much less than the closest candidate
#: (near_the_question). Physicians had read 59% of the 54 statements after the bottom line
#: this far from the question off topic, 24% of the 70 nearer (round 69).
CLOSENESS_SPREAD = 0.15


def of_care_asked(
    query: Query, candidates: list[Candidate], documents: Mapping[str, Document]
) -> list[Candidate]:
    """Asked about one kind of care ("what initial therapy?"), the picked statements placed
    under the other kind only ("Diagnosis of obstructive sleep apnea", "How to diagnose
    ...?") are about another decision: left out, where statements placed otherwise remain,
    and not replaced by ones below the article's floor."""
    asked = care_asked(query.frame.intents or (query.frame.intent,))
    if asked is None:
        return candidates

    def elsewhere(c: Candidate) -> bool:
        doc = documents.get(c.hit.passage.doc_id)
        named = care_named(c.hit.passage.section_path, doc.title if doc else "")
        return bool(named) and asked not in named

    kept = [c for c in candidates if not elsewhere(c)]
    return kept or candidates


def without_description(
    query: Query, picked: list[Candidate], intents: Sequence[Intent]
) -> list[Candidate]:
    """Asked something about a condition other than what it is or what to do (how it is
    inherited, its outlook, a test), the picked statements that only say what the condition
    is or how common it is (nothing of its cause, inheritance or signs) and offer none of the
    asked kinds of answer are left out, and not replaced by ones below the article's floor;
    how common it is stays where that, or the risk of it, is asked.
    (Asked only what to do, such a sentence is no candidate at all:
    score_sentences.)"""
    names = {i.name for i in intents}
    if names & {"definition", "general"} or names <= ACTION_INTENTS:
        return picked

    cause_of = cause_asked_of(query)

    def description(c: Candidate) -> bool:
        if SAYS_MORE.search(c.text):
            return False
        common = HOW_COMMON.search(c.text) and coverage_of(query.topic_concepts, c.terms) > 0
        if common and not names & {"risk", "frequency"}:
            return True  # "most common in", "increasingly less common": the cues offer nothing
        return not offers_any(intents, c.text, cause_of) and (
            bool(common) or defines(c.text, query.topic_concepts)
        )

    kept = [c for c in picked if not description(c)]
    return kept or picked


#: A question whether the topic causes something ("Can high blood pressure cause
#: headaches?", "Can arachnoid cysts cause pain?").
_LINK_ASKED = re.compile(
    r"\b(?:can|could|does|do|did|will|would|may|might)\s+(?P<cause>[^?.!]{1,60}?)\s+"
    r"(?:cause|lead to|result in|trigger)\b",
    re.IGNORECASE,
)


def of_the_link_asked(query: Query, picked: list[Candidate]) -> list[Candidate]:
    """Asked whether the topic causes something (its main focus: "Can high blood pressure
    cause headaches?", the topic said before "cause"), the picked statements on what
    causes something that never name that focus ("Unhealthy lifestyle habits can cause high
    blood pressure") answer the other way round, what causes the topic: left out, and not
    replaced by ones below the article's floor."""
    focus = main_focus(query)
    asked = _LINK_ASKED.search(query.asking_text)
    if focus is None or asked is None or not query.topic_concepts:
        return picked
    if coverage_of(query.topic_concepts, frozenset(terms(asked["cause"]))) < 1:
        return picked  # the topic is what is caused ("Can an infection cause cervical cancer?")
    cause = intent_named("cause")
    kept = [
        c for c in picked if not cause.answers.search(c.text) or coverage_of((focus,), c.terms) > 0
    ]
    return kept or picked


def of_doing(
    picked: list[Candidate], intents: Sequence[Intent], query: Query | None = None
) -> list[Candidate]:
    """Asked what to do, or anything else but what the condition is, what causes it or what
    it is like (a test, the outlook, a risk), the picked statements that speak of no care
    (placed under assessment or other considerations: no treatment, test, follow-up,
    referral, caution or population in their words or headings), offer no asked kind of
    answer in their own words, and do not say what the question asks to eat or drink
    ("Eating too many foods that are rich in purines ... can aggravate gout", asked what
    to eat with gout) are about another decision, or background: left out, and not
    replaced by ones below the article's floor. Asked more than what to do, the lead stays:
    fewer words offer an outlook or a test than care ("a person can live normally without a
    gallbladder" offers the outlook in none of them). A question that also asks to know
    about its subject in general ("I want to know about lupus and its treatment") asks more
    than that."""
    if {i.name for i in intents} & DESCRIPTIVE_INTENTS:
        return picked
    if query is not None and INFORMATION_ASKED.search(asking_clauses(query.read)):
        return picked
    lead = 0 if all(i.name in ACTION_INTENTS for i in intents) else 1
    # asked what to eat or drink, a statement saying it speaks of that doing
    doing = doing_asked(query.read) if query is not None else frozenset()

    def no_care(c: Candidate) -> bool:
        placed = classify(c.text, c.headings).key in {"assessment", "other"}
        return placed and not offers_any(intents, c.text) and not doing & c.terms

    kept = [c for n, c in enumerate(picked) if n < lead or not no_care(c)]
    return kept or picked


def giving_the_value(
    picked: list[Candidate],
    intents: Sequence[Intent],
    parts: Mapping[str, Sequence[Concept]] | None = None,
) -> list[Candidate]:
    """Asked only for a value (a dose, a time, a threshold), the picked statements after the
    lead that give none of the asked kinds in their own words are about another decision
    ("Do not offer LAAO as an alternative to anticoagulation" asked when to review the risk of
    stroke): left out, and not replaced by ones below the article's floor. So are those that
    give a value of another thing, where the part asking for it names what it is of
    (`parts`, `value_asked`: "assess within 15 minutes of arrival" asked how quickly a CT
    scan should be done)."""
    if not all(i.name in VALUE_INTENTS for i in intents):
        return picked

    def gives(c: Candidate, intent: Intent) -> bool:
        part = (parts or {}).get(intent.name, ())
        return offered(intent, c.text) and (not part or coverage_of(part, c.terms) > 0)

    return [c for n, c in enumerate(picked) if n == 0 or any(gives(c, i) for i in intents)]


def titled_for(title: str) -> set[str]:
    """The narrower group a document's title says it is for ("Childhood Liver Cancer"), if
    any: not one that names adults too ("... in adults and children"), nor pregnancy, whose
    pages hold its own conditions (preeclampsia, gestational diabetes)."""
    groups = populations_of(main_title(title))
    return set() if "adult" in groups else groups - {"pregnancy"}


def for_the_patient(
    picked: list[Candidate],
    intents: Sequence[Intent],
    patient: frozenset[str],
    documents: Mapping[str, Document] | None = None,
) -> list[Candidate]:
    """Asked what to do (or a value, a test, the outlook), the picked statements said for a
    group narrower than the question's patient ("In children with ...", "You should not
    breastfeed ...", or in a document titled for one: "Childhood Hodgkin Lymphoma") are
    about another population, and leave without one below the article's floor taking their
    place. The patient is the one the question describes, or
    the group its topic names ("Childhood Leukemia"); one it does not describe is not a
    child, pregnant or old. Asked only what something is, such a statement describes the
    condition in that group."""
    if {i.name for i in intents} <= DESCRIPTIVE_INTENTS:
        return picked

    def groups(c: Candidate) -> set[str]:
        doc = (documents or {}).get(c.hit.passage.doc_id)
        written_for = titled_for(doc.title) if doc is not None else set()
        above = populations_of(heading_above(c.hit.passage.text, c.text))
        return said_for(c.text) | above | written_for

    kept = [c for c in picked if not groups(c) & SUBGROUPS - patient]
    return kept or picked


def read_by_part(
    candidates: Sequence[Candidate], question: str | None, reranker: Reranker | None
) -> list[Candidate]:
    """The candidates with their closeness read against each part of a question that asks
    several things too, the best kept ("What is the connection between essential tremor and
    Parkinson's, and what is the best treatment?": a statement on the treatment is near the
    second part, though further from the two together). The order and scores stay as the
    whole question's reading left them (rerank)."""
    parts = clauses(question or "")
    read = [c for c in candidates if c.closeness is not None]
    if reranker is None or len(parts) < 2 or not read:
        return list(candidates)
    best = {c.text: c.closeness or 0.0 for c in read}
    texts = list(best)
    for part in parts:
        for text, near in zip(texts, reranker.closeness(part, texts), strict=True):
            best[text] = max(best[text], float(near))
    return [c if c.closeness is None else replace(c, closeness=best[c.text]) for c in candidates]


def near_the_question(
    statements: Sequence[Candidate], own: Collection[str], candidates: Sequence[Candidate]
) -> list[Candidate]:
    """The statements after the bottom line that stay: those of the documents in `own` (the
    bottom line's, the topic's own), and those of other documents whose meaning is near the
    question's by the reranker's reading (read_by_part), not much further from it than the
    closest candidate (CLOSENESS_SPREAD). A statement of a document about something else
    that shares the question's words but is read as far from what it asks is not evidence
    ("Renal tubular dysgenesis also causes severe low blood pressure" asked for books on low
    blood pressure). In the bottom line's or the topic's own documents the reading is not
    trusted alone: it puts "If plateau pressure exceeds 30 cmH2O despite a tidal volume of
    6 mL/kg PBW, reduce tidal volume further to 4 mL/kg PBW" far from the ARDS question it
    answers. Without a reading (no reranker, a question it cannot read), all stay."""
    read = [c.closeness for c in candidates if c.closeness is not None]
    if not read:
        return list(statements)
    floor = max(read) - CLOSENESS_SPREAD
    return [
        c
        for c in statements
        if c.hit.passage.doc_id in own or c.closeness is None or c.closeness >= floor
    ]


def of_the_question_asked(
    statements: Sequence[Candidate],
    intents: Sequence[Intent],
    question: str = "",
    patient: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """The statements after the bottom line that stay: not those a page gives as its answer
    to another question, by the question its heading asks ("What causes Klinefelter
    syndrome?" where its treatment is asked), unless that question asks a kind of answer
    near the one asked (KINDS_NEAR: a result's meaning for a test) or the statement gives
    the value or the signs asked in its own words ("imaging every 3-5 years", under "What
    are the treatments for MEN1?", asked when to screen), or names the pregnancy or old
    age of the question's patient (`patient`: "If a pregnant woman has ... lupus, her fetus
    is at risk for heart block", under a page's treatments, asked whether pregnancy with
    lupus is dangerous; children are named on every page about them), or, asked a kind of
    answer about care ("the complications of surgery for an enlarged prostate"), says that
    kind in its own words under a heading on the care ("Complications after surgery may
    include ..." under "How is benign prostatic hyperplasia treated?"). Physicians read 12
    of 19 such statements off topic (the statements labelled in 2026-12-04's sixth
    session), against 32% of the others. A heading that asks what something is decides
    nothing, nor does one that is no question ("Major Recommendations"); and a `question`
    asking only what something is, or for information on it ("I want to know about
    Russell-Silver syndrome ..."), asks all a page says. The bottom line keeps its
    statements, chosen for their own words."""
    asked = {i.name for i in intents} - OVERVIEW_INTENTS
    if not asked or INFORMATION_ASKED.search(question):
        return list(statements)
    near = asked.union(*(KINDS_NEAR.get(name, ()) for name in asked))
    # a value or a sign said in a statement's own words answers under any heading; the
    # words of care, causes or families ("should", "causing", "family") are too common
    values = [i for i in intents if i.name in VALUE_INTENTS | _SAID_KINDS]
    # what makes the condition worse, asked what to avoid, answers under any heading ("What
    # causes Gout?": "Eating too many foods that are rich in purines ... can aggravate gout")
    worse = bool(asked & _AVOIDED_KINDS)
    # what the question asks to eat or drink, said, answers under any heading
    # ("Eating too many foods that are rich in purines ...", under "What causes Gout?")
    doing = doing_asked(question)
    # asked another kind of answer about care ("the complications of surgery"), a statement
    # under the care's heading that says the kind asked in its own words answers
    of_care = [i for i in intents if i.name in asked] if asks_of_care(question) else []

    def answers_another(c: Candidate) -> bool:
        heading = c.headings[-1].strip() if c.headings else ""
        if not heading.endswith("?") or offers_any(values, c.text) or doing & c.terms:
            return False
        if worse and WORSENS.search(c.text):
            return False
        if populations_of(c.text) & patient & _NAMED_GROUPS:
            return False
        answers = {i.name for i in intents_of(heading)} - OVERVIEW_INTENTS
        if of_care and "management" in answers and offers_any(of_care, c.text):
            return False
        return bool(answers) and not answers & near

    return [c for c in statements if not answers_another(c)]


#: Kinds of answer that say how the condition is, not what to do about it nor what it is.
DESCRIBED_KINDS = frozenset(
    {"symptoms", "cause", "inheritance", "frequency", "complications", "risk", "prognosis"}
)


def of_a_kind_asked(
    statements: Sequence[Candidate],
    intents: Sequence[Intent],
    question: str = "",
    cause_of: Sequence[Concept] = (),
    topic: Sequence[Concept] = (),
) -> list[Candidate]:
    """Asked only how the condition is (its signs, cause, inheritance, how common it is,
    what it leads to, the risk of it, its outlook: DESCRIBED_KINDS), the statements after
    the bottom line that offer none of the asked kinds, nor a kind near one (KINDS_NEAR),
    in their own words or by the heading of their section, answer another question ("To
    soothe itchy skin, you can try cold compresses", "Itching is skin tingling or
    irritation ...", asked whether a prescription causes itching): left out, and not
    replaced by ones below the article's floor. A question that also asks to know about its
    subject in general asks all a page says. What the topic brings about is no cause where
    its cause is asked (`cause_of`: candidates.whose_cause); asked what the topic
    (`topic`) brings about ("What illnesses are caused by drinking too much alcohol?"),
    all stay."""
    names = {i.name for i in intents}
    if not names or not names <= DESCRIBED_KINDS or INFORMATION_ASKED.search(question):
        return list(statements)
    if "cause" in names and topic and not cause_of:
        return list(statements)  # what the topic brings about
    # when to get care is never left out: it is the reader's safety
    near = names.union(*(KINDS_NEAR.get(name, ()) for name in names), {"escalation"})
    kinds = [intent_named(name) for name in sorted(near)]
    how_it_comes = bool(near & _COMING_ABOUT)

    def of_a_kind(c: Candidate) -> bool:
        if how_it_comes and HOW_IT_COMES.search(c.text) and not brings_about(c.text, cause_of):
            return True  # not what the topic leads to: "Focal neuropathy results in ..."
        return any(offers(k, c.text, c.headings, cause_of) for k in kinds)

    return [c for c in statements if of_a_kind(c)]


#: Kinds of answer on how the condition comes about.
_COMING_ABOUT = frozenset({"cause", "risk", "inheritance"})
#: How a condition comes about, said otherwise than by the cause's own words: how it
#: happens ("A hemorrhagic stroke occurs when a blood vessel ... bursts open"), what it is
#: linked to ("Migraine in some women may relate to changes in hormones"), what leads to it
#: ("sometimes the virus leads to cancer"), what it may be ("If you work on a computer, you
#: may notice numbness ... This may be carpal tunnel syndrome.") or what else it may be (a
#: differential diagnosis).
HOW_IT_COMES = re.compile(
    r"\b(?:occurs?|happens?|develops?|starts?) when\b"
    r"|\b(?:linked|related|relates?|relate|attributed|associated) (?:to|with)\b|\bbecause\b"
    r"|\b(?:this|it|that) (?:may|might|could) be\b(?!\s+\w+ed\b)|\ba sign of\b"
    r"|\bleads? to\b|\bresults? in\b|\bdifferential diagnosis\b",
    re.IGNORECASE,
)


#: The groups a statement names only where it is about them (unlike children, whom
#: every page on a childhood condition names).
_NAMED_GROUPS = frozenset({"pregnancy", "older adult"})
#: Kinds of answer a statement gives in words of their own ("signs and symptoms").
_SAID_KINDS = frozenset({"symptoms"})
#: Kinds of answer that ask what to avoid.
_AVOIDED_KINDS = frozenset({"contraindication", "prevention"})
#: Kinds of answer whose statements answer another kind too: what a result means and the
#: test that gives it; a cause, how it is inherited and the risk of it (and who has it more
#: often: how many it affects, "more common in women"); what it leads to and its outlook;
#: what to do,
#: whether it is safe and how to prevent it (a vaccine); what to check and the test.
KINDS_NEAR: Mapping[str, frozenset[str]] = {
    "test": frozenset({"interpretation", "monitoring"}),
    "interpretation": frozenset({"test"}),
    "monitoring": frozenset({"test"}),
    "cause": frozenset({"inheritance", "risk"}),
    "inheritance": frozenset({"cause", "risk"}),
    "risk": frozenset({"cause", "inheritance", "frequency"}),
    "frequency": frozenset({"risk"}),
    "complications": frozenset({"prognosis"}),
    "prognosis": frozenset({"complications"}),
    "management": frozenset({"contraindication", "prevention"}),
    "contraindication": frozenset({"management"}),
    "prevention": frozenset({"management"}),
}

#: How many statements of that section are taken where none was picked: the bottom line's.
SECTION_TAKEN = 2


def cover_intents(
    picked: Sequence[Candidate],
    candidates: Sequence[Candidate],
    intents: Sequence[Intent],
    limit: int,
    parts: Mapping[str, Sequence[Concept]] | None = None,
    alike: Alike = frozenset(),
    usable: Callable[[Candidate], bool] | None = None,
) -> list[Candidate]:
    """Every kind of answer the question asks for ("which test, and what level is
    positive?") gets its best statement, when a candidate offers it: it takes the place of
    the weakest statement that offers none of them. The main kind is covered too where it
    is a value (a dose, an interval, a threshold) or what something is used for ("what is
    metformin used for": intents.as_asked) that no picked statement gives. A value is
    given by a statement that also states the words of the part asking for it (`parts`,
    `value_asked`: the level that is "positive"), where a candidate does; only where none
    does, by any statement with such a value. A candidate taken must also be `usable` (not
    a site's own text: candidates under the article's floor were not looked up before)."""
    chosen = list(picked)
    # the main kind too where it is a value, or what something is used for (as_asked)
    wanted = [i for n, i in enumerate(intents) if n > 0 or i.name in VALUE_INTENTS or asks_use(i)]
    for intent in wanted:
        best = None
        for fits in _fitting(intent, (parts or {}).get(intent.name, ())):
            if any(fits(c) for c in chosen):
                break
            best = next(
                (
                    c
                    for c in candidates
                    if c not in chosen
                    and fits(c)
                    and not any(duplicates(c, p, alike) for p in chosen)
                    and (usable is None or usable(c))
                ),
                None,
            )
            if best is not None:
                break
        if best is None:
            continue
        if len(chosen) >= limit:
            spare = [c for c in chosen[1:] if not c.answers]
            if not spare:
                continue
            chosen.remove(spare[-1])
        chosen.insert(1, best)
    return chosen


def cover_definition(
    picked: Sequence[Candidate],
    candidates: Sequence[Candidate],
    intent: Intent,
    subjects: Sequence[Concept],
    topic: str,
    limit: int,
    alike: Alike = frozenset(),
    usable: Callable[[Candidate], bool] | None = None,
) -> list[Candidate]:
    """Asked what something is (`intent` definition), where no picked statement says what
    the topic is (`subjects`, its name `topic`), the best candidate that says what it is, and
    of nothing more, is taken, second after the best, in place of the weakest when the
    pool is full: "send me as much information as possible on hypothyroidism" is answered
    with "Hypothyroidism is a disorder that occurs when the thyroid gland does not make
    enough thyroid hormone ...", though it scored under the article's floor."""
    if intent.name != "definition" or not subjects:
        return list(picked)
    if any(defines(c.text, subjects) for c in picked):
        return list(picked)
    return taken_second(
        picked, candidates, lambda c: defines(c.text, subjects, only=topic), 1, limit, alike, usable
    )


def cover_care(
    picked: Sequence[Candidate],
    candidates: Sequence[Candidate],
    topic_docs: frozenset[str],
    limit: int,
    alike: Alike = frozenset(),
    usable: Callable[[Candidate], bool] | None = None,
) -> list[Candidate]:
    """A patient who has the condition and asks about it in general ("I would like to learn
    more about my condition") is told how it is treated: the best statement of a section of
    the topic's own documents given to its treatment, that says in its own words what is
    done, is taken second after the best, in place of the weakest when the pool is full."""
    care = intent_named("management")

    def fits(c: Candidate) -> bool:
        return (
            c.hit.passage.doc_id in topic_docs
            and c not in picked
            and offered(care, c.text)
            and bool(care.answers.search(" ".join(c.headings)))
        )

    return taken_second(picked, candidates, fits, 1, limit, alike, usable)


def cover_section_asked(
    picked: Sequence[Candidate],
    candidates: Sequence[Candidate],
    intent: Intent,
    topic_docs: frozenset[str],
    limit: int,
    alike: Alike = frozenset(),
    usable: Callable[[Candidate], bool] | None = None,
) -> list[Candidate]:
    """Where the topic's own document has a section for the kind of answer asked
    (SECTION_INTENTS) and no picked statement stands in one, its best statements
    (SECTION_TAKEN) are taken, second after the best, in place of the weakest when the pool
    is full: a question on how a syndrome is inherited is answered from the document's
    section on its inheritance. A candidate taken must be `usable` (cover_intents)."""
    if any(answered_under_heading(intent, c, topic_docs) for c in picked):
        return list(picked)

    def fits(c: Candidate) -> bool:
        return answered_under_heading(intent, c, topic_docs)

    return taken_second(picked, candidates, fits, SECTION_TAKEN, limit, alike, usable)


def taken_second(
    picked: Sequence[Candidate],
    candidates: Sequence[Candidate],
    fits: Callable[[Candidate], bool],
    most: int,
    limit: int,
    alike: Alike = frozenset(),
    usable: Callable[[Candidate], bool] | None = None,
) -> list[Candidate]:
    """The picked statements with the best `most` candidates that fit (and are `usable`, and
    say nothing a picked one says) taken second after the best, in place of the weakest
    when the pool (`limit`) is full."""
    chosen = list(picked)
    taken: list[Candidate] = []
    for c in candidates:
        if len(taken) == most:
            break
        if (
            fits(c)
            and (usable is None or usable(c))
            and not any(duplicates(c, p, alike) for p in (*chosen, *taken))
        ):
            taken.append(c)
    if not taken:
        return chosen
    del chosen[max(1, limit - len(taken)) :]
    return [*chosen[:1], *taken, *chosen[1:]]


def _fitting(intent: Intent, part: Sequence[Concept]) -> list[Callable[[Candidate], bool]]:
    """Tests of a statement offering this kind of answer, the strictest first: stating the
    words of the part that asks for it, then (or only, where the part has no words of its
    own) offering it at all."""

    def offering(c: Candidate) -> bool:
        if asks_use(intent):  # said in its own words, not only under "why is it prescribed?"
            return offered(intent, c.text)
        return offers(intent, c.text, c.headings)

    def stating(c: Candidate) -> bool:
        return offering(c) and coverage_of(part, c.terms) > 0

    return [stating, offering] if part else [offering]
