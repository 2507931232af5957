"""The extractive composer: an article made only of sentences of the retrieved passages.

Candidates are the passages' statements that stand on their own (units.py) and bear on the
question (relevance.py: the question's topic and patient). Each is scored by how much of
the question it states (words weighted by their rarity in the library, abbreviations
counted through their expansions, the story around a consumer's question weighing less), by
whether it offers the kind of answer asked for (the frame's intent: a dose, an interval,
what to do), by its passage's retrieval score, and by what suits the reader
(audience.statement_preference). The best of them are then reranked by how close their
meaning is to the question's (rerank.py: a sentence encoder). The statement that best
answers the intent leads the bottom line; the rest, without near-duplicates and without
those about another decision, population or condition (keeping.py), go to the article's
sections by what they say. The title names the topic and focus in the library's words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Protocol, TypeVar

from wordfreq import zipf_frequency

from ..analysis import terms
from ..audience import document_audience, statement_preference
from ..chunking import split_sentences
from ..evidence import main_focus
from ..frame import (
    CORRECTION,
    FOCUS_UNSPOKEN,
    NEVER_MENTIONED,
    NOT_ANSWERED,
    NOT_ANSWERED_ON,
    NOT_COMPARED,
    NOT_SAID_FOR,
    NOT_SPOKEN_OF,
    NOT_TOGETHER,
    NOTHING_NEAR,
    ONLY_THE_TOPIC,
    READ_AS,
    asked_part,
    asking_clauses,
    subject_of,
)
from ..glosses import EVERYDAY
from ..grades import without_trailing_grade
from ..intents import (
    OVERVIEW_INTENTS,
    Intent,
    as_asked,
    asked_how_often,
    asks_use,
    care_named,
    doing_asked,
    has_diagnosis,
    intent_named,
    line_asked,
    says_how_long,
    workup_asked,
)
from ..patients import (
    MEDICINE_WORD,
    may_be_child,
    names_any_adult,
    names_degree,
    names_line,
    populations_of,
    said_for,
    setting_named,
    settings_of,
    without_medicine,
)
from ..quantities import Measured, holds_values, measured
from ..query import Query, content_words, in_scope_part
from ..relevance import off_topic_reason, speaks_of_own_subject
from ..rerank import Reranker
from ..retrieval import SOURCE_NAMED, headings_of, issued_by, section_factor, topic_factor
from ..scoring import ASKS_ABOUT, Concept
from ..scoring import coverage as coverage_of
from ..types import (
    ANSWERED,
    INSUFFICIENT_EVIDENCE,
    Answer,
    ArticleSection,
    Citation,
    Document,
    Hit,
    Passage,
    Reference,
    Statement,
    reference_for,
)
from ..wording import MIN_LENGTH, everyday_word, initialism, near_common, proper_name
from .candidates import (
    ACTION_INTENTS,
    DESCRIPTIVE_INTENTS,
    NUMBER,
    SECTION_INTENTS,
    SUBGROUPS,
    VALUE_INTENTS,
    Alike,
    Candidate,
    answered_under_heading,
    brought_about,
    cause_asked_of,
    defines,
    describes,
    duplicates,
    offered,
    offers,
    offers_any,
    one_definition,
    section_asked,
    stated_terms,
)
from .comparing import compares, comparisons_first, sides_of
from .keeping import (
    cover_care,
    cover_definition,
    cover_intents,
    cover_section_asked,
    for_the_patient,
    giving_the_value,
    near_the_question,
    of_a_kind_asked,
    of_care_asked,
    of_doing,
    of_the_link_asked,
    of_the_question_asked,
    read_by_part,
    without_description,
)
from .links import links_first
from .sections import ORDER, classify, kind
from .titles import names_of, title_for
from .together import speaks_together, together_first
from .units import (
    names_nothing,
    only_what_it_depends_on,
    passage_statements,
    points_to_a_source,
    read_with_heading,
)

T = TypeVar("T")

MAX_PASSAGES = 20
MAX_PER_DOCUMENT = 6  # passages read from one document
MAX_PER_NAMED_DOCUMENT = 12  # ... from one a body the question names has issued
MAX_FROM_DOCUMENT = 6  # statements taken from one document
#: Statements of documents written for readers like the reader count this much more: for a
#: patient, pages for patients; for a clinician, guidelines for clinicians (physicians had read
#: 70% of the statements of clinicians' documents on topic in their articles, 48% of those of
#: patients' pages; round 99 of docs/evaluation.md).
OWN_DOCUMENTS = 1.25
MAX_STATEMENTS = 10
#: Statements above the article's floor weighed by the rules on which stay, for each place
#: in the article.
POOL_FACTOR = 3
PLAIN_WORDS = 20  # a patient's statements: full credit up to this many words
INTENT_BONUS = 0.12
#: What lifts a statement to lead the bottom line (lead_with_answer).
LEAD_ASKED = 0.3
LEAD_FOCUS = 0.15
LEAD_INTENT = 0.2
LEAD_GRADED = 0.1
#: A grade that calls its recommendation weak, conditional or of very low quality evidence
#: in words: the source does not stand behind it enough to lead with it.
_WEAK_GRADE = re.compile(r"\b(?:weak|conditional|very low)\b", re.IGNORECASE)
#: A question on what to do prefers statements that advise: the wording of recommendations.
ADVICE_BONUS = 0.06
ADVICE = re.compile(
    r"\b(?:should|recommend|suggest|offer|prefer|better|first-line|consider|indicated|"
    r"advised?|is the (?:treatment|test) of choice|must)\w*",
    re.IGNORECASE,
)
#: Intents whose answer leads where a picked statement gives it: what to do, a dose, a
#: threshold (both always a number), what something is (a statement saying what the topic
#: is). Not timing: "at the first tooth" answers "when?"; but how often is said only as how
#: often ("every 10 years": intents.asked_how_often), and a statement that says it leads.
LEAD_GIVES = frozenset({"management", "dose", "threshold", "definition", "escalation"})
#: Intents whose answer is a set of things (the signs, the causes, the risk factors): a
#: statement that lists them ("These are warning signs of a stroke: sudden numbness ...,
#: sudden confusion ...") answers more than one that only names the kind ("Experiencing
#: warning signs ... are also risk factors for stroke") and leads by LEAD_LISTS more.
LISTED_INTENTS = frozenset({"symptoms", "cause", "risk"})
LEAD_LISTS = 0.2
#: Asked how long something lasts, a statement that says how long it lasts or takes leads by
#: this much more than one that gives another time ("see your healthcare provider within 72
#: hours"): intents.says_how_long.
LEAD_LASTS = 0.2
#: A list within one sentence: after a colon, "include" or "such as", at least three items
#: (two separators before the sentence ends).
_LISTS = re.compile(r"(?::|\binclud\w*|\bsuch as)\s[^.!?]*?[,;][^.!?,;]+[,;][^.!?]")
#: A statement that reports one study's patients or findings, by its opening words:
#: "Evidence (cladribine ...): A retrospective case series of nine patients ...", "In a
#: small prospective study, five patients ...", "A randomized trial in ... showed ...".
_STUDY = r"(?:study|trial|case series|cohort|meta-analysis|analysis|review)"
STUDY_REPORT = re.compile(
    r"^(?:Evidence\s*\(|(?:In|From|Among)\s+(?:a|an|the|one|two|three|several|\d+)\b[^,;:]{0,80}?"
    rf"\b{_STUDY}\b|(?:A|An|The|One)\s+[^,;:]{{0,80}}?\b{_STUDY}\b[^;:]{{0,80}}?"
    r"\b(?:showed|shows|reported|found|demonstrated|compared|observed|included|enrolled|"
    r"evaluated|examined)\b|"
    # who did a study: "The CCSS performed a randomized, controlled ... trial to test ...",
    # "Investigators conducted a prospective study on 122 patients ..." (not "... should be
    # performed")
    r"[^,;:]{0,60}?\b(?<!be )(?<!been )(?<!is )(?<!are )(?<!was )(?<!were )"
    r"(?:performed|conducted|carried out|completed|undertook)\s+"
    rf"(?:a|an|the|two|three|several|\d+)\b[^;:.]{{0,60}}?\b{_STUDY}\b)",
    re.IGNORECASE,
)
#: Research under way, not care today: "A variety of new drug treatments for Parkinson's
#: disease are in clinical trials", "Researchers are studying ...", "... is being tested",
#: "Therapies currently being tested ... include ...".
RESEARCH_UNDER_WAY = re.compile(
    r"\b(?:(?:is|are)\s+(?:now\s+|currently\s+)?(?:being\s+)?(?:studied|tested|investigated|"
    r"evaluated|developed|explored)\b|\b(?:now|currently)\s+being\s+(?:studied|tested|"
    r"investigated|evaluated|developed|explored)\b|"
    r"(?:is|are)\s+(?:now\s+|currently\s+)?(?:in|under(?:going)?)"
    r"\s+(?:clinical\s+)?(?:trials?|investigation|study)\b|(?:researchers|scientists|investigators)"
    r"\s+(?:who\s+are\s+\w+ing\s+(?:\S+\s+){0,8}?)?(?:are|have\s+been)\s+\w+ing\b|"
    r"research\s+(?:is|are)\s+(?:continuing|ongoing|under\s*way)\b)",
    re.IGNORECASE,
)
#: A question that asks what studies found: a study's report answers it.
STUDY_ASKED = re.compile(r"\b(?:evidence|trials?|stud(?:y|ies)|data)\b", re.IGNORECASE)
#: Statements scoring under this share of the best are left out. Physicians labelled about
#: 40% of the statements between 0.75 and 0.85 of the best on topic, and 60% of those above,
#: but judges rated articles cut at 0.8 lower overall: they lost statements that answer
#: (docs/evaluation.md).
MIN_RELATIVE_SCORE = 0.75
#: A statement's score: this share from how much of the question it states, the rest from
#: its passage's retrieval score (which weighs the passage's topic, section and meaning).
COVERAGE_SHARE = 0.55
#: The best candidates the reranker reads, and how much its closeness (a cosine) adds.
RERANK_POOL = 16
RERANK_WEIGHT = 1.0
#: Where no title names the question's topic, a question none of whose candidates comes
#: this near it in meaning (the reranker's cosine) is not one the library speaks to: "How do
#: I change a car tyre?" shares only words with "The changed cells are called chimeric
#: antigen receptor (CAR) T cells" (0.24). Every health question read with no topic had a
#: candidate at least 0.40 near it (the 120 of the development and own question sets,
#: docs/evaluation.md).
UNRELATED = 0.35
#: Two statements whose meanings are this close (a cosine of the reranker's sentence
#: vectors) say the same thing, in other words ("SIDS is the leading cause of death in
#: children between one month and one year old" and "SIDS is a major cause of death in
#: children younger than 1 year"). On the dev answers' statements, pairs this close were
#: the same fact said twice, with one exception in about twenty (a cause, and that its
#: link is unclear); at 0.9, facts on one subject (a heart rhythm, and the heart
#: abnormalities that come with it).
SAME_MEANING = 0.93
#: A sentence a site repeats word for word in more than this share of the library's passages
#: (and at least SITE_TEXT_MIN of them) is the site's own text, not a guideline's word on
#: the question: GARD's note on how symptom frequencies are written (in 2,195 of 88,903
#: passages), NCI's paragraphs on clinical trials (about 200). One that speaks of its
#: page's subject ("This condition is inherited in an autosomal recessive pattern") is said
#: of each page's own condition and stays.
SITE_TEXT_SHARE = 0.001
SITE_TEXT_MIN = 50
#: The fewest words a site's sentence puts before the subject it fills in (SiteText): fewer
#: ("Treatment of ...") open any sentence.
TEMPLATE_WORDS = 4
#: The most words of the name a site's sentence fills in.
NAME_WORDS = 6
#: The words a filled-in name follows: "for patients with", "the treatment of".
_NAME_FOLLOWS = frozenset({"with", "for", "of", "in", "on", "about", "among", "to"})
#: At most this many of the best candidates above the article's floor are checked for a
#: site's own text: the article is chosen among them, and each check is a phrase count.
SITE_TEXT_CHECKED = 40


class Repeats(Protocol):
    """What a library tells of how often it holds a sentence (store.base.Store has both)."""

    def doc_freq(self, phrase: str) -> int: ...

    def counts(self) -> dict[str, int]: ...


class ExtractiveComposer:
    name = "extractive"

    def __init__(
        self,
        max_statements: int = MAX_STATEMENTS,
        reranker: Reranker | None = None,
        repeats: Repeats | None = None,
        declines_unspoken: bool = True,
    ) -> None:
        """`declines_unspoken`: whether an article none of whose statements speaks of the
        question's main focus, where no title names its topic, is declined (focus_unspoken);
        not as a language model's fallback, which says instead why the model was not used."""
        self.max_statements = max_statements
        self.reranker = reranker
        self.repeats = repeats
        self.declines_unspoken = declines_unspoken

    def compose(
        self, query: Query, hits: Sequence[Hit], documents: Mapping[str, Document], audience: str
    ) -> Answer:
        """`audience` names the reader ("physician", "patient", ...; docs/readers.md)."""
        sources = query.named_sources
        named = {d for d, doc in documents.items() if issued_by(doc.issuer or "", sources)}
        intents = intents_asked(query)
        chosen = select_passages(hits, named, research_asked(intents))
        candidates = self.score_sentences(query, chosen, documents, audience)
        only_topic = False
        if not candidates and query.frame.topic_docs:
            # No statement says more than the topic's name: the article is what the library
            # holds on the topic itself, from the topic's own documents, and says so.
            own = [h for h in chosen if h.passage.doc_id in query.frame.topic_docs]
            candidates = self.score_sentences(query, own, documents, audience, asks_more=False)
            only_topic = bool(candidates)
        # The reranker reads English: a question in another language is read word for word
        # in the library's English (without a translator, it keeps the score's order).
        english = query.asking_text if query.language == "en" else query.english or None
        # what the question asks to do without is no part of what it asks for: a reader of
        # meaning does not read "without"
        no_medicine = without_medicine(query.read) is not None
        if no_medicine and english is not None:
            english = without_medicine(english) or english
        candidates = rerank(candidates, english, self.reranker)
        if not query.frame.topic and unrelated(candidates):
            # the library does not speak to it: declined, with why (answer.py)
            return declined(query, audience, NOTHING_NEAR)
        candidates = read_by_part(candidates, english, self.reranker)
        if no_medicine:
            candidates = medicine_set_aside(candidates)
        site_text = SiteText(self.repeats, query.frame.topic) if self.repeats is not None else None
        if site_text is not None:
            candidates = without_site_text(candidates, site_text)
        parts = {i.name: value_asked(query, i) for i in intents}
        candidates = one_definition(
            candidates, query.topic_concepts, query.frame.topic or "", MIN_RELATIVE_SCORE
        )
        alike = said_alike(candidates[:RERANK_POOL], self.reranker)
        # Every statement above the article's floor is weighed by the rules on which stay
        # (keeping.py) before the article is held to its size and to a few statements of
        # one document: a statement left out takes no place from one that stays.
        pool = self.max_statements * POOL_FACTOR
        # a statement taken from under the article's floor was not looked up as a site's
        # own text before
        usable = (lambda c: not site_text(c.text)) if site_text is not None else None
        picked = pick_statements(candidates, pool, alike, usable)
        picked = cover_intents(picked, candidates, intents, pool, parts, alike, usable=usable)
        topic_docs = query.frame.topic_docs
        picked = cover_section_asked(
            picked, candidates, intents[0], topic_docs, pool, alike, usable=usable
        )
        picked = cover_definition(
            picked,
            candidates,
            intents[0],
            query.topic_concepts,
            query.frame.topic or "",
            pool,
            alike,
            usable=usable,
        )
        if intents[0].name in OVERVIEW_INTENTS and has_diagnosis(query.read, query.frame.topic):
            picked = cover_care(picked, candidates, topic_docs, pool, alike, usable=usable)
        picked = of_care_asked(query, picked, documents)
        picked = without_description(query, picked, intents)
        picked = of_doing(picked, intents, query)
        picked = of_the_link_asked(query, picked)
        picked = giving_the_value(picked, intents, parts)
        patient = patient_groups(query)
        maybe = frozenset({"child"}) if may_be_child(query.question) else frozenset()
        picked = for_the_patient(picked, intents, patient | maybe, documents)
        studies_asked = bool(STUDY_ASKED.search(query.read)) or research_asked(intents)
        if not studies_asked:
            picked = care_before_reports(picked)
        picked = within_limits(picked, self.max_statements)
        main = main_focus(query)
        cause_of = cause_asked_of(query)
        picked = lead_with_answer(
            picked,
            intents[0],
            main,
            asked_concepts(query),
            query.topic_concepts,
            parts,
            also=[intent_named("test")] if workup_asked(query.frame.intents) else [],
            patient=patient,
            studies_asked=studies_asked,
            topic_docs=topic_docs,
            doing=doing_asked(query.read),
            line=line_asked(query.read),
            degree_of=query.read,
            topic_name=query.frame.topic,
            values=measured(query.read),
            cause_of=cause_of,
        )
        sides = sides_of(query.frame.compared, query.expansions)
        picked, comparing = comparisons_first(
            picked,
            candidates,
            sides,
            alike,
            usable,
            kind_asked=intents[0].name not in OVERVIEW_INTENTS,
        )
        together = sides_of(query.frame.together, query.expansions)
        picked, joined = together_first(picked, candidates, together, alike, usable)
        linked = sides_of(query.frame.linked, query.expansions)
        picked, linking = links_first(picked, candidates, linked, alike, usable)
        size = max(bottom_line_size(picked, main, studies_asked), comparing, joined, linking)
        # a statement of the bottom line's documents, or of the topic's own, is not weighed
        # by its reading alone (near_the_question)
        trusted = {c.hit.passage.doc_id for c in picked[:size]} | query.frame.topic_docs
        after = near_the_question(picked[size:], trusted, candidates)
        after = of_the_question_asked(after, intents, query.read, patient)
        picked = [
            *picked[:size],
            *of_a_kind_asked(after, intents, query.read, cause_of, query.topic_concepts),
        ]
        unspoken = focus_unspoken(query, picked) if self.declines_unspoken else None
        if unspoken is not None:
            # an article on other things than the one thing asked about answers another
            # question: declined, with why (answer.py lists the nearest sources)
            return declined(query, audience, FOCUS_UNSPOKEN % {"focus": unspoken})
        references, numbers = number_references(picked, documents)
        statements = [to_statement(c, numbers) for c in picked]
        bottom = statements[:size]
        return Answer(
            question=query.question,
            title=title_for(
                query,
                frozenset().union(*(c.terms for c in picked)),
                [c.text for c in picked],
                names_of(chosen, documents),
                two_spoken=joined > 0,
            ),
            status=ANSWERED,
            audience=audience,
            bottom_line=tuple(bottom),
            sections=group_sections(picked[len(bottom) :], statements[len(bottom) :]),
            references=references,
            notice=frame_notice(query, picked, only_topic, parts.get(intents[0].name, ())),
            frame=query.frame.as_dict(),
        )

    def score_sentences(
        self,
        query: Query,
        hits: Sequence[Hit],
        documents: Mapping[str, Document],
        audience: str = "physician",
        asks_more: bool = True,
    ) -> list[Candidate]:
        """The passages' statements, scored, best first; with `asks_more`, only those that
        say more than the topic's name (something the question asks about, or the kind of
        answer it asks for)."""
        intents = intents_asked(query)
        asks_for_sources = intents[0].name == "general"
        # asked for research, what it looks into is a statement, and the topic's own section
        # on it answers
        studied = next((i for i in intents if i.name == "research"), None)
        units = []
        for hit in hits:
            if not about_care(hit.passage.section_path):
                continue  # the document's own metadata, not care
            doc = documents.get(hit.passage.doc_id)
            context = " ".join((doc.title if doc else "", *hit.passage.section_path))
            headings = headings_of(hit.passage, doc.title if doc else "")
            for text, grade in passage_statements(read_text(hit.passage), studied is not None):
                if points_to_a_source(text) and not asks_for_sources:
                    continue  # where to read more answers only a request for information
                title = doc.title if doc else None
                if off_topic_reason(query, text, hit.passage.doc_id, context, title) is None:
                    units.append((hit, text, grade, doc, context, headings))
        if not units:
            return []
        top = max(hit.score for hit in hits) or 1.0
        names = {i.name for i in intents}
        advises = not names <= DESCRIPTIVE_INTENTS
        # Asked what something is, statements about the topic itself are the answer.
        beyond = () if intents[0].name in OVERVIEW_INTENTS else beyond_topic(query)
        # Asked only what to do, a sentence describing the condition itself says no more than
        # its name (where nothing says more, the article is what the library holds on the
        # topic, and `asks_more` is off).
        acts = asks_more and all(i.name in ACTION_INTENTS for i in intents)

        wanted = document_audience(audience)  # the documents the reader prefers
        plain = wanted == "patient"
        line = line_asked(query.read)
        values = measured(query.read)  # the patient's own: "a plateau pressure of 34 cmH2O"
        # the patient has the diagnosis already and asks nothing of tests: how it is made
        # answers nothing ("A genetic test can diagnose KS." for a man who has it)
        diagnosed = has_diagnosis(query.read, query.frame.topic) and not names & TEST_INTENTS
        cause_of = cause_asked_of(query)
        # asked what the topic leads to, a statement of what leads to it is no answer (unless
        # the question asks that too: what causes it)
        leads_to = query.topic_concepts if "complications" in names and "cause" not in names else ()
        candidates = []
        for hit, text, grade, doc, context, headings in units:
            if brought_about(text, leads_to):
                continue  # "Complications of hantavirus may include: Kidney failure"
            own = frozenset(terms(text))
            if acts and describes(text, query.topic_concepts) and not offers_any(intents, text):
                continue  # what the condition is, not what to do about it
            says_more = not beyond or coverage_of(beyond, own) > 0
            # ... or stands in the topic's own section on research, asked for it ("Advances in
            # research are giving hope ...", under "what research is being done for ...?"): a
            # section on signs or inheritance says its kind in its own words
            says_more = says_more or (
                studied is not None
                and section_asked(studied, hit.passage.doc_id, headings, query.frame.topic_docs)
            )
            if asks_more and not says_more and not offers_any(intents, text):
                continue  # only names the topic: nothing the question asks about
            around = frozenset(terms(context))
            stated = own | topic_by_heading(query, hit.passage, headings, intents, around)
            coverage = coverage_of(query.concepts, stated, around)
            score = COVERAGE_SHARE * coverage + (1 - COVERAGE_SHARE) * hit.score / top
            answers = any(offers(i, text, headings, cause_of) for i in intents)
            if answers:
                score += INTENT_BONUS
            if line and names_line(text, line):
                score += INTENT_BONUS  # the line of treatment asked for, named as such
            if values and holds_values(text, values):
                score += INTENT_BONUS  # a limit the patient's value meets: of this patient
            if advises and ADVICE.search(text):
                score += ADVICE_BONUS
            written_for = doc.audience if doc else "clinician"
            score += statement_preference(audience, text, written_for)
            if written_for == wanted:
                score *= OWN_DOCUMENTS  # documents written for the reader, where they cover it
            title = doc.title if doc else ""
            score *= length_factor(text, plain) * topic_factor(query, hit.passage, title)
            named = doc is not None and issued_by(doc.issuer or "", query.named_sources)
            if named:
                score *= SOURCE_NAMED  # the body the question names ("per NICE")
            if diagnosed and HOW_DIAGNOSED.search(text):
                score *= DIAGNOSED_ALREADY
            candidates.append(
                Candidate(text, hit, own, score, grade, answers, named, headings, page=context)
            )
        # an opening that names nothing lifts the full statement that names it (said_in_full)
        candidates = [c for c in said_in_full(candidates) if not names_nothing(c.text)]
        candidates.sort(key=lambda c: -c.score)
        return candidates


def topic_by_heading(
    query: Query,
    passage: Passage,
    headings: Sequence[str],
    intents: Sequence[Intent],
    context: frozenset[str],
) -> frozenset[str]:
    """The topic's words that a statement's title and headings state for it, as fully as if
    it repeated them, in a section of the topic's own document given to a kind of answer
    asked ("Treatment involves very large doses of vitamin E ..." under "How might
    abetalipoproteinemia be treated?"). Elsewhere a statement that leaves its subject to
    its page is often a fragment of background, and naming the topic counts."""
    if passage.doc_id not in query.frame.topic_docs:
        return frozenset()
    heading = " ".join(headings)
    if not any(i.answers.search(heading) for i in intents if i.name not in OVERVIEW_INTENTS):
        return frozenset()
    named = frozenset(
        t for _, alternatives in query.topic_concepts for a in alternatives for t in a
    )
    return named & context


class SiteText:
    """Whether a sentence is a site's own text (SITE_TEXT_SHARE): each sentence is looked
    up once (a phrase count), and the library's size is read once, at the first look-up.
    So is a site's own sentence with only the question's topic (`subject`) filled in at
    its end: "There are different types of treatment for patients with hairy cell
    leukemia." says no more than that the topic is treated, in words 223 passages open
    with, each naming its own subject."""

    def __init__(self, repeats: Repeats, subject: str | None = None) -> None:
        self.repeats = repeats
        self.subject = subject
        self._limit: float | None = None
        self._found: dict[str, bool] = {}

    def __call__(self, text: str) -> bool:
        if speaks_of_own_subject(text):
            return False
        if text not in self._found:
            lead_in = self.filled_in(text)
            self._found[text] = self.repeated(text) or (
                lead_in is not None and self.repeated(lead_in)
            )
        return self._found[text]

    def filled_in(self, text: str) -> str | None:
        """The site's words before the name a sentence ends with, where that name holds the
        subject's: the sentence to the last preposition before the subject's name (the
        kind before it is part of the name: "... for patients with | nonmelanoma skin
        cancer and actinic keratosis."), with at least TEMPLATE_WORDS words, and the name
        after it no longer than NAME_WORDS ("gastrointestinal stromal tumors (GISTs)")."""
        if not self.subject:
            return None
        at = text.casefold().find(self.subject.casefold())
        if at < 0:
            return None
        words = text[:at].split()
        for cut in range(len(words), max(len(words) - NAME_WORDS, 0), -1):
            if words[cut - 1].casefold() in _NAME_FOLLOWS:
                named = " ".join((*words[cut:], text[at:])).strip(" .")
                fits = cut >= TEMPLATE_WORDS and len(named.split()) <= NAME_WORDS
                return " ".join(words[:cut]) if fits else None
        return None

    def repeated(self, phrase: str) -> bool:
        if self._limit is None:
            passages = self.repeats.counts()["passages"]
            self._limit = max(SITE_TEXT_MIN, SITE_TEXT_SHARE * passages)
        return self.repeats.doc_freq(phrase) > self._limit


def without_site_text(
    candidates: Sequence[Candidate], site_text: SiteText, checked: int = SITE_TEXT_CHECKED
) -> list[Candidate]:
    """The candidates without a site's own text, looked up only for the best `checked` of
    those scoring above the article's floor (MIN_RELATIVE_SCORE): the article is chosen
    among them, and each look-up costs a phrase count. (A weaker candidate that
    cover_intents reaches for is looked up there.)"""
    floor = max((c.score for c in candidates), default=0.0) * MIN_RELATIVE_SCORE
    return [
        c
        for n, c in enumerate(candidates)
        if not (n < checked and c.score >= floor and site_text(c.text))
    ]


#: What a statement on how the condition is diagnosed weighs for a patient who has it.
DIAGNOSED_ALREADY = 0.5
#: Kinds of answer that ask about tests and what they show.
TEST_INTENTS = frozenset({"test", "interpretation", "threshold"})
#: How a condition is diagnosed: "Doctors diagnose Turner syndrome based on symptoms and a
#: genetic test.", "Urine and blood tests can show which one you have."
HOW_DIAGNOSED = re.compile(
    # not those "diagnosed with" it: "CPAP as initial therapy for patients diagnosed with OSA"
    r"\bdiagnos(?:e|es|ing)\b|\bdiagnos(?:ed|is)\s+(?:is\s+|can be\s+)?(?:made\s+)?"
    r"(?:by|based on|using|through|with (?:a|an)\b)|"
    r"\btests?\s+(?:can|may|will|could)\s+(?:\w+\s+)?(?:show|tell|find|confirm|detect)\b",
    re.IGNORECASE,
)


def said_in_full(candidates: Sequence[Candidate]) -> list[Candidate]:
    """A statement that opens a longer one of the same passage ("Simvastatin may cause side
    effects." and "Simvastatin may cause side effects. Tell your doctor if any of these
    symptoms are severe ...: constipation; ...") is said only in full, and the full one
    stands at the better of their two scores: the opening alone only announces what the
    rest says."""
    by_passage: dict[str, list[Candidate]] = {}
    for c in candidates:
        by_passage.setdefault(c.hit.passage.passage_id, []).append(c)
    kept = []
    for c in candidates:
        same = by_passage[c.hit.passage.passage_id]
        if any(_opens(c, o) for o in same):
            continue  # said in full by another
        opened = [o.score for o in same if _opens(o, c)]
        kept.append(replace(c, score=max([c.score, *opened])) if opened else c)
    return kept


def _opens(short: Candidate, full: Candidate) -> bool:
    return len(full.text) > len(short.text) and full.text.startswith(short.text)


def rerank(
    candidates: Sequence[Candidate], question: str | None, reranker: Reranker | None
) -> list[Candidate]:
    """The best candidates (RERANK_POOL) lifted by how close their meaning is to the
    question's (rerank.py), and all of them in their new order; as they were without a
    reranker or a question to read."""
    if reranker is None or not candidates or not question:
        return list(candidates)
    pool = candidates[:RERANK_POOL]
    closeness = reranker.closeness(question, [c.text for c in pool])
    lifted = [
        replace(c, score=c.score + RERANK_WEIGHT * float(near), closeness=float(near))
        for c, near in zip(pool, closeness, strict=True)
    ]
    return sorted([*lifted, *candidates[RERANK_POOL:]], key=lambda c: -c.score)


def unrelated(candidates: Sequence[Candidate]) -> bool:
    """Whether no candidate the reranker read comes near the question in meaning
    (UNRELATED); not where none was read (no reranker, a question it cannot read)."""
    read = [c.closeness for c in candidates if c.closeness is not None]
    return bool(read) and max(read) < UNRELATED


def asked_concepts(query: Query) -> tuple[Concept, ...]:
    """The question's concepts its asking clauses state ("what dose ...?", not the story)."""
    asking = frozenset(terms(asking_clauses(query.read)))
    return tuple(c for c in query.concepts if c[0] > 0 and any(alt & asking for alt in c[1]))


def patient_groups(query: Query) -> frozenset[str]:
    """The groups the question's patient is in, as far as it says: its qualifiers and those
    its topic's title names ("Childhood Acute Lymphoblastic Leukemia")."""
    return frozenset(query.frame.qualifiers) | populations_of(query.frame.topic_title or "")


def beyond_topic(query: Query) -> tuple[Concept, ...]:
    """The question's weighted concepts other than its topic's: what it asks about it
    (words that weigh little, like the story's, left out, and words that say only that the
    patient is an adult, a man or a woman, whom a statement that names no group is about:
    "adults" in "What is the treatment of iron deficiency anemia in adults?" asks nothing
    more about it, where "children" asks for what is said of them)."""
    topic = {id(c) for c in query.topic_concepts}
    aligned = len(query.content_words) == len(query.concepts)
    return tuple(
        c
        for i, c in enumerate(query.concepts)
        if id(c) not in topic
        and c[0] >= ASKS_ABOUT
        and not (aligned and names_any_adult(query.content_words[i]))
    )


def intents_asked(query: Query) -> list[Intent]:
    """The kinds of answer the question asks for, main first, each as the question asks it
    (a time asked as how often: intents.as_asked)."""
    names = query.frame.intents or (query.frame.intent,)
    return [as_asked(intent_named(name), query.read) for name in names]


def value_asked(query: Query, intent: Intent) -> tuple[Concept, ...]:
    """For a value asked for (a dose, a time, a threshold), the question's concepts in the
    part that asks for it, the topic's left out: "positive" in "which test should be
    offered, and what level is positive?". A value given for something else (another test's
    cut-off) does not answer that part."""
    if intent.name not in VALUE_INTENTS:
        return ()
    words = frozenset(terms(asked_part(intent, asking_clauses(query.read))))
    topic = {id(c) for c in query.topic_concepts}
    return tuple(
        c
        for c in query.concepts
        if id(c) not in topic and c[0] > 0 and any(alt & words for alt in c[1])
    )


def select_passages(
    hits: Sequence[Hit], named: Collection[str] = (), research: bool = False
) -> list[Hit]:
    """The best passages that hold statements, at most a few from any one document: a
    guideline's scope or other parts about the document itself ("Disease/Condition(s): ...")
    take no place from its recommendations. A document issued by a body the question names
    ("what does the Endocrine Society suggest?", `named`) is what the question asks about:
    more of it is read (MAX_PER_NAMED_DOCUMENT). Asked for research (`research`), what
    research looks into is a statement too (units.usable)."""
    return first_of_each_document(
        (hit for hit in hits if holds_statements(hit.passage, research)),
        lambda hit: hit.passage.doc_id,
        lambda doc_id: MAX_PER_NAMED_DOCUMENT if doc_id in named else MAX_PER_DOCUMENT,
        MAX_PASSAGES,
    )


def first_of_each_document(
    items: Iterable[T], document: Callable[[T], str], per_document: Callable[[str], int], limit: int
) -> list[T]:
    """The first `limit` items, at most `per_document(doc_id)` of them from one document."""
    kept: list[T] = []
    counted: dict[str, int] = {}
    for item in items:
        doc_id = document(item)
        if counted.get(doc_id, 0) >= per_document(doc_id):
            continue
        counted[doc_id] = counted.get(doc_id, 0) + 1
        kept.append(item)
        if len(kept) == limit:
            break
    return kept


def holds_statements(passage: Passage, research: bool = False) -> bool:
    """Whether a passage is about care and holds a statement (score_sentences)."""
    return about_care(passage.section_path) and bool(
        passage_statements(read_text(passage), research)
    )


def research_asked(intents: Sequence[Intent]) -> bool:
    """Whether the question asks what research is being done (intents "research"): what
    research looks into is then a statement, and reports of studies may lead."""
    return any(intent.name == "research" for intent in intents)


def read_text(passage: Passage) -> str:
    """A passage's text as its statements are read and checked: with its heading as the
    lead-in of a list that opens it without one (units.read_with_heading)."""
    return read_with_heading(passage.text, passage.section_path[-1] if passage.section_path else "")


def about_care(section_path: tuple[str, ...]) -> bool:
    """Whether a passage's place is about care, not about the document itself (who made
    it, its scope)."""
    return section_factor(section_path) == 1.0 and not in_scope_part(section_path)


#: A list said as one statement ("Good sources of folic acid include: Bread ...; Spinach
#: ...; Beef liver; Eggs."): its lead-in, then three items or more, of at most LIST_ITEM_WORDS
#: words each on average.
_A_LIST = re.compile(r":\s[^;]+;[^;]+;")
#: A list run on after a colon with commas, to the sentence's end: "... at high risk for
#: stroke: high blood pressure, diabetes, high cholesterol, and cardiovascular disease."
_A_COMMA_LIST = re.compile(r":\s(?:[^,;:.]+,\s+){2,}(?:(?:and|or)\s+)?[^,;:.]+\.?$")
#: ... or with its lead-in run on into the first item, without a colon ("You can reduce the
#: amount of gas you have by Drinking lots of water ...; Eating more slowly ...; Avoiding
#: milk products ..."): the items after the first are read.
_A_RUN_ON_LIST = re.compile(r"^[^;:]+;([^;]+(?:;[^;]+)+)$")
#: What brackets hold, whose semicolons set apart no items: "(HR, 0.84; 95% CI, 0.67-1.05)".
_IN_BRACKETS = re.compile(r"\s*\([^()]*\)")
LIST_ITEM_WORDS = 12
#: A list set apart by commas is one of names ("diabetes, high cholesterol"), not of clauses.
COMMA_ITEM_WORDS = 5


def length_factor(text: str, plain: bool = False) -> float:
    """Prefer short statements: full credit up to 40 words (20 for a reader who wants plain
    language), less beyond. A list of short items after a colon, set apart by semicolons or
    by commas, is read item by item: twice as many words; so, for a reader who wants plain
    language, is one whose lead-in runs into its first item."""
    words = len(text.split())
    limit = PLAIN_WORDS if plain else 40
    found, mark, listed = _A_LIST.search(text), ";", ""
    if found is not None:
        listed = text[found.start() + 1 :]
    elif plain and (found := _A_RUN_ON_LIST.search(_IN_BRACKETS.sub("", text))):
        listed = found.group(1)  # the items after the one the lead-in runs into
    elif found := _A_COMMA_LIST.search(text):
        mark, listed = ",", text[found.start() + 1 :]
    if found is not None:
        items = listed.split(mark)
        sizes = [len(item.split()) for item in items]
        named = mark == ";" or max(sizes) <= COMMA_ITEM_WORDS
        if named and sum(sizes) <= LIST_ITEM_WORDS * len(items):
            limit *= 2
    return 1.0 if words <= limit else max(0.6, limit / words)


#: What a statement of medicine weighs where the question asks to do without it.
SET_ASIDE = 0.5


def medicine_set_aside(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Asked how to do without medicine ("how can I lower my cholesterol without
    medication?"), a statement of medicine ("You also may need to take medicine to lower
    your cholesterol.") weighs SET_ASIDE of its score: it answers what the question set
    aside, and stays only where nothing else answers."""
    weighed = [replace(c, score=c.score * SET_ASIDE) if _of_medicine(c) else c for c in candidates]
    return sorted(weighed, key=lambda c: -c.score)


def _of_medicine(candidate: Candidate) -> bool:
    """Whether a statement, or the passage it is from, names medicine: "Vasodilators: Relax
    the muscles in blood vessel walls ..." is said among "Diuretics (Water or Fluid Pills)"
    and the rest of a list of medicines."""
    return bool(
        MEDICINE_WORD.search(candidate.text) or MEDICINE_WORD.search(candidate.hit.passage.text)
    )


def said_alike(candidates: Sequence[Candidate], reranker: Reranker | None) -> Alike:
    """The pairs of these statements that say the same thing in other words (by the
    reranker's reading of their meaning)."""
    if reranker is None or len(candidates) < 2:
        return frozenset()
    texts = [c.text for c in candidates]
    close = reranker.alike(texts)
    return frozenset(
        frozenset((texts[i], texts[j]))
        for i in range(len(texts))
        for j in range(i + 1, len(texts))
        if close[i, j] >= SAME_MEANING and texts[i] != texts[j]
    )


def pick_statements(
    candidates: Sequence[Candidate],
    limit: int,
    alike: Alike = frozenset(),
    usable: Callable[[Candidate], bool] | None = None,
) -> list[Candidate]:
    """The best candidates without near-duplicates, down to a share of the best score; one
    past those looked up for a site's own text (without_site_text) is looked up when it is
    reached (`usable`; a look-up is made once)."""
    picked: list[Candidate] = []
    if not candidates:
        return picked
    floor = candidates[0].score * MIN_RELATIVE_SCORE
    for candidate in candidates:
        if candidate.score < floor or len(picked) == limit:
            break
        if any(duplicates(candidate, p, alike) for p in picked):
            continue
        if usable is not None and not usable(candidate):
            continue
        picked.append(candidate)
    return picked


def care_before_reports(picked: Sequence[Candidate]) -> list[Candidate]:
    """The picked statements in their order, except that within each document a report of
    one study (reports_a_study) takes a place only after the statements of care: a PDQ
    summary's "In North America, VAC is the standard multiagent chemotherapy regimen ..."
    is not crowded out of the document's few places by the trials that led to it."""
    own: dict[str, list[Candidate]] = {}
    for c in picked:
        own.setdefault(c.hit.passage.doc_id, []).append(c)
    queues = {doc_id: iter(sorted(found, key=reports_a_study)) for doc_id, found in own.items()}
    return [next(queues[c.hit.passage.doc_id]) for c in picked]


def within_limits(picked: Sequence[Candidate], limit: int) -> list[Candidate]:
    """The first `limit` statements, at most MAX_FROM_DOCUMENT of them from one document."""
    return first_of_each_document(
        picked, lambda c: c.hit.passage.doc_id, lambda _: MAX_FROM_DOCUMENT, limit
    )


def bottom_line_size(
    picked: Sequence[Candidate], main: Concept | None = None, studies_asked: bool = False
) -> int:
    """One statement, or two when the second is nearly as good, adds new words, and offers
    the kind of answer asked for or states the question's main focus (any second statement
    bears on a question without one: requiring the kind of answer there dropped useful
    second statements, "There is no cure for MS, but medicines may slow it down").
    Where the question names who recommends and that body leads, the second must be its too:
    the bottom line does not set another body's rule beside the one asked about. Nor is the
    second a report of one study, unless the question asks for studies, nor a statement that
    says only what the answer depends on (lead_with_answer)."""
    if len(picked) < 2:
        return len(picked)
    first, second = picked[0], picked[1]
    if first.named_source and not second.named_source:
        return 1
    if not studies_asked and reports_a_study(second):
        return 1
    if only_what_it_depends_on(second.text) and not only_what_it_depends_on(first.text):
        return 1
    adds = len(second.terms - first.terms) >= 3
    bears = second.answers or main is None or coverage_of((main,), second.terms) > 0
    return 2 if second.score >= 0.85 * first.score and adds and bears else 1


def number_references(
    picked: Sequence[Candidate], documents: Mapping[str, Document]
) -> tuple[tuple[Reference, ...], dict[str, int]]:
    """References numbered in order of first citation."""
    numbers: dict[str, int] = {}
    references: list[Reference] = []
    for candidate in picked:
        doc_id = candidate.hit.passage.doc_id
        if doc_id in numbers or doc_id not in documents:
            continue
        numbers[doc_id] = len(numbers) + 1
        references.append(reference_for(documents[doc_id], numbers[doc_id]))
    return tuple(references), numbers


def to_statement(candidate: Candidate, numbers: Mapping[str, int]) -> Statement:
    passage = candidate.hit.passage
    citation = Citation(
        numbers[passage.doc_id], passage.passage_id, read_text(passage), passage.section_path
    )
    return Statement(candidate.text, (citation,), candidate.grade)


def group_sections(
    picked: Sequence[Candidate], statements: Sequence[Statement]
) -> tuple[ArticleSection, ...]:
    grouped: dict[str, list[Statement]] = {}
    for candidate, statement in zip(picked, statements, strict=True):
        key = classify(candidate.text, candidate.headings).key
        grouped.setdefault(key, []).append(statement)
    return tuple(
        ArticleSection(key, kind(key).heading, tuple(grouped[key]))
        for key in ORDER
        if key in grouped
    )


def lead_with_answer(
    picked: Sequence[Candidate],
    primary: Intent | None = None,
    main: Concept | None = None,
    asked: Sequence[Concept] = (),
    topic: Sequence[Concept] = (),
    parts: Mapping[str, Sequence[Concept]] | None = None,
    also: Sequence[Intent] = (),
    patient: frozenset[str] = frozenset(),
    studies_asked: bool = False,
    topic_docs: frozenset[str] = frozenset(),
    doing: frozenset[str] = frozenset(),
    line: str | None = None,
    degree_of: str = "",
    topic_name: str | None = None,
    values: Sequence[Measured] = (),
    cause_of: Sequence[Concept] = (),
) -> list[Candidate]:
    """The statements that best answer go first, to lead the bottom line: the best, then
    the best of the others by the same weighing (the bottom line's second statement, where
    it has one: bottom_line_size), not merely the next by score. Each is weighed
    by its score plus how much of the asking clause it states (`asked`: "what dose ...?"
    rather than the story before it), whether it states the question's main focus (not
    merely naming it as what it replaces: "As an alternative to hydrocortisone, ..."), and
    whether it offers the main kind of answer (for a value asked for, a number with its
    unit: a statement that only mentions "dose" does not give one), and whether the source
    grades it as a recommendation. A question that names who recommends ("does NICE
    recommend ...?") is answered by that body's statement, where one was picked; one that
    asks what to do, by a statement that says what to do (treat, recommend, should ...),
    and one that asks a dose or a threshold, by one that gives it (for the part that asks
    it, `parts`, where one was picked: the level that is "positive"), where one was picked:
    "how to go about" Menkes syndrome is not answered by its signs. One that asks what
    something is, or for information on it, by a statement that says what the topic (or the
    main focus) is, where one was picked: "Klinefelter syndrome is a condition that occurs
    in males when ...", not "The signs and symptoms of Klinefelter syndrome vary".
    Intents in `also` answer the main one too (a test answers what to do about a result:
    intents.workup_asked). A statement about a group narrower than the question's patient
    (children, older adults, pregnancy: `patient` holds the groups the question names)
    leads only where no other picked statement can: it is not the answer for everyone.
    Nor does a report of one study ("In a small prospective study, five patients ...") or
    research under way ("... are in clinical trials") lead where another statement can,
    unless the question asks for studies (`studies_asked`):
    the bottom line is what to do, not what a trial saw; nor one that says only what the
    answer depends on ("Treatment for pneumonia depends on the type of pneumonia ..."): it
    tells that there is an answer, not what it is. Asked for signs, causes or risk factors
    (LISTED_INTENTS), a statement that lists them leads before one that names them only.
    Where the best says nothing of the
    kind of answer asked and the topic's own documents (`topic_docs`) give that kind a
    section (SECTION_INTENTS: how it is inherited), a statement of that section leads.
    Asked only what to eat or drink (`doing`: intents.doing_asked), a
    statement that says it ("Eating too many foods that are rich in purines ...") says what
    to do. Asked for a line of treatment (`line`: intents.line_asked), one that names it
    leads ("SSRIs ... are considered first-line pharmacotherapy ...", "Offer carbamazepine as
    initial treatment ...": patients.names_line). Asked about a degree of the condition
    (`degree_of`: the question, "low-severity community-acquired pneumonia"), one that names
    that degree leads: it is about this patient, where others are about patients who were
    hospitalized or had resistant organisms (patients.names_degree). Given the patient's own
    values (`values`: "a plateau pressure of 34 cmH2O"), one that sets a limit they meet
    leads: "If plateau pressure exceeds 30 cmH2O despite a tidal volume of 6 mL/kg PBW,
    reduce tidal volume further ..." (quantities.holds_values). Asked what causes the topic
    (`cause_of`: candidates.whose_cause), a statement of what the topic brings about gives
    no cause ("Restless legs syndrome (RLS) causes a powerful urge to move your legs").
    Asked what the topic is, a statement that says what it (`topic_name`) is, and nothing
    more, leads where one does."""
    subjects = tuple(topic) or ((main,) if main is not None else ())
    # what the topic itself is, not a kind of it or another condition it names
    # ("AIDS-related lymphoma is a type of cancer ..." for "What is AIDS?"), where a picked
    # statement says it
    said = topic_name and any(defines(c.text, subjects, only=topic_name) for c in picked)
    itself = topic_name if said else None

    def gives(c: Candidate) -> bool:
        if primary is not None and asks_use(primary):
            # what it is used for, in its words or under its section ("why is it prescribed?")
            return offers(primary, c.text, c.headings)
        if primary is not None and primary.name == "definition":
            return defines(c.text, subjects, only=itself)
        # in its own words: a grade that calls it a recommendation ("... (Rec. Strength:
        # Recommendation)") does not make a statement on how to diagnose say what to do
        if primary is not None and primary.name in ACTION_INTENTS and doing & c.terms:
            return True
        said = without_trailing_grade(c.text)
        if primary is None or not offers_any((primary, *also), said, cause_of):
            return False
        if primary.name not in VALUE_INTENTS or asked_how_often(primary):
            return True  # how often is given in words too: "annually"
        # and how long in words: "may last for weeks, months, or even years"
        return bool(NUMBER.search(c.text)) or says_how_long(primary, c.text)

    def lead(c: Candidate) -> float:
        own = stated_terms(c)  # not what it names only as what it replaces
        weight = c.score + LEAD_ASKED * coverage_of(asked, own) if asked else c.score
        if main is not None and coverage_of((main,), own) > 0:
            weight += LEAD_FOCUS
        if c.grade is not None and not _WEAK_GRADE.search(c.grade):
            weight += LEAD_GRADED  # a guideline's graded recommendation, not a weak one
        if gives(c):
            weight += LEAD_INTENT
            if primary is not None and primary.name in LISTED_INTENTS and lists(primary, c.text):
                weight += LEAD_LISTS
            if primary is not None and says_how_long(primary, c.text):
                weight += LEAD_LASTS
        return weight

    if not picked:
        return []
    pool = [c for c in picked if c.named_source] or picked
    pool = [c for c in pool if not said_for(c.text) & SUBGROUPS - patient] or pool
    if not studies_asked:
        pool = [c for c in pool if not reports_a_study(c)] or pool
    pool = [c for c in pool if not only_what_it_depends_on(c.text)] or pool
    if (
        primary is not None
        and primary.name in SECTION_INTENTS
        and not offers_any((primary,), max(pool, key=lead).text)
    ):
        # the best says nothing of the kind asked: the topic's section on it leads
        pool = [c for c in pool if answered_under_heading(primary, c, topic_docs)] or pool
    # a limit the patient's own values meet: said of this patient, whatever kind it offers
    pool = [c for c in pool if holds_values(c.text, values)] or pool
    lined: list[Candidate] = []  # the line of treatment asked, where statements name it
    if primary is not None and (primary.name in LEAD_GIVES or asked_how_often(primary)):
        given = [c for c in pool if gives(c)]  # the answer, where a statement gives it
        given = [c for c in given if doing & c.terms] or given  # what to eat, where said
        if asks_use(primary):  # its use in its own words, not only under its section
            given = [c for c in given if offered(primary, c.text)] or given
        part = (parts or {}).get(primary.name, ())
        pool = [c for c in given if coverage_of(part, c.terms) > 0] or given or pool
        lined = [c for c in pool if names_line(c.text, line)] if line else []
    leading_pool = lined or pool
    leading_pool = [c for c in leading_pool if names_degree(c.text, degree_of)] or leading_pool
    first = max(leading_pool, key=lead)  # the line or degree named leads; the next need not
    others = [c for c in pool if c is not first and not duplicates(c, first)]
    leading = [first, max(others, key=lead)] if others else [first]
    return [*leading, *(c for c in picked if all(c is not x for x in leading))]


def gives_value(intent: Intent, candidate: Candidate) -> bool:
    """Whether a statement gives the value a kind of answer asks for: in its own words (a dose
    with its unit, "300 to 500 mg/day"; how often, "annually"), or, for a time or a
    threshold, with a number in a statement that answers ("the target INR is 3.0"). A dose
    is given only as a dose: "low-dose aspirin ... for up to 12 months" names none."""
    if offered(intent, candidate.text):
        return True
    if intent.name == "dose" or asked_how_often(intent):
        return False  # how often is given only as how often ("every 2 years")
    return candidate.answers and bool(NUMBER.search(candidate.text))


def lists(intent: Intent, text: str) -> bool:
    """Whether a statement lists things of the kind asked within a sentence: three items or
    more after a colon, "include" or "such as", where the words before them offer the
    intent ("These are warning signs of a stroke: ...", not "... risk factors for stroke
    are: high blood pressure; ...; warning signs or history of a stroke")."""
    # what the statement says before its list, the list's own opening word with it: the
    # sentence before may say what it lists ("The symptoms can vary ... They may include: ...")
    said = ""
    for sentence in split_sentences(text):
        found = _LISTS.search(sentence)
        if found is None:
            said += " " + sentence
            continue
        said += " " + sentence[: found.start()] + found.group(0).split()[0]
        if offers_any((intent,), said):
            return True
    return False


def reports_a_study(candidate: Candidate) -> bool:
    """Whether a statement reports one study or research under way (reports_research), or
    is graded by the level of evidence its source gives a study it describes ("... were
    found to have early disease progression ... [Level of evidence A1]", as PDQ summaries
    grade the trials they report) and says nothing of what to do: "Children who cannot
    receive dexamethasone should receive a 5-HT3 receptor antagonist plus aprepitant" is
    advice on that evidence."""
    if reports_research(candidate.text):
        return True
    return bool(STUDY_LEVEL.match(candidate.grade or "")) and not ADVISES.search(candidate.text)


#: How PDQ summaries grade the studies they describe, by the level of evidence of each ("Level
#: of evidence A1", "Level of evidence: II"); not a guideline's grade of its recommendation
#: ("Class IIb; Level of Evidence: C", "Level of evidence B").
STUDY_LEVEL = re.compile(r"Level of evidence(?: [A-D][1-4]\b|: [IV]+\b)")
#: Words in which a statement advises what to do.
ADVISES = re.compile(
    r"\b(?:should|must|recommend\w*|offer\w*|consider\w*|(?:is|are) indicated|standard)\b",
    re.IGNORECASE,
)


def reports_research(text: str) -> bool:
    """Whether a statement reports one study ("In a small prospective study, ...") or
    research under way ("... are in clinical trials"): what a trial saw or is testing, not
    what to do."""
    # research under way as what the sentence says, not an aside after its answer ("There is
    # no effective treatment for PSP, although scientists are searching ...")
    said = re.split(r"[,;:]", text, maxsplit=1)[0]
    return bool(STUDY_REPORT.search(text) or RESEARCH_UNDER_WAY.search(said))


@lru_cache(maxsize=64)
def asked_words(question: str) -> frozenset[str]:
    """The words, folded, of what a question asks: its subject line and its asking clauses,
    not the story around it ("He is ... Fully ambulatory!"). Read once per question, for
    each word a notice weighs."""
    return frozenset(
        w.casefold() for w in content_words(f"{subject_of(question)} {asking_clauses(question)}")
    )


def declined(query: Query, audience: str, reason: str) -> Answer:
    """The composer's own decline, with why (answer.py words it and lists the sources)."""
    return Answer(
        question=query.question,
        title="",
        status=INSUFFICIENT_EVIDENCE,
        audience=audience,
        notice=reason,
        frame=query.frame.as_dict(),
    )


def focus_unspoken(query: Query, picked: Sequence[Candidate]) -> str | None:
    """The question's main focus word where no title names its topic and no picked
    statement speaks of it, in its words (unspoken_of) or its headings: "how long does it
    take for sertraline to work" answered with what hydroxyurea needs to work. With a topic
    the article says what the library holds on it, and its notice names what it leaves
    unanswered."""
    if query.frame.topic or not query.frame.focus:
        return None
    main = query.frame.focus[0]
    if main not in unspoken_of(query, picked):
        return None
    concept = query.concepts[query.content_words.index(main)]  # aligned: unspoken_of
    headed = frozenset(terms(" ".join(h for c in picked for h in c.headings)))
    return None if coverage_of((concept,), headed) > 0 else main


def unspoken_of(query: Query, picked: Sequence[Candidate]) -> list[str]:
    """The question's focus words that name a thing (rarer in everyday English than
    glosses.EVERYDAY: "Plavix", "clubfoot", "scoliosis", "anticoagulation"; not "expose" nor
    "searching"), that the library itself writes (not "allot", written in one passage:
    query.seldom_written), that a clause asking something says (or the subject line) and that
    no picked statement states, in any of its forms or spellings: the part of the question
    the article leaves unanswered though the library mentions it. Said in English questions
    only, whose words wordfreq weighs."""
    if not picked or query.language != "en" or len(query.content_words) != len(query.concepts):
        return []
    stated = frozenset().union(*(c.terms for c in picked))
    asked = asked_words(query.read)
    return [
        word
        for word, concept in zip(query.content_words, query.concepts, strict=True)
        if word in query.frame.focus
        and word.casefold() in asked
        and word not in query.frame.uncovered
        and word not in query.seldom_written
        and (zipf_frequency(word.lower(), "en") < EVERYDAY or beside_topic(word, query))
        and coverage_of((concept,), stated) == 0
        and not of_a_family_stated(word, [c.text for c in picked])
    ]


#: The endings by which one word of a family is made from another: a noun's and its
#: adjective's ("prophylaxis", "prophylactic"; "psoriasis", "psoriatic"; "diagnosis",
#: "diagnostic"; "anemia", "anemic"; "neuropathy", "neuropathic"), each pair read as one.
_FAMILY_ENDINGS = (
    (re.compile(r"(?:xis|ctic)$"), "x"),
    (re.compile(r"(?:sis|stic)$"), "s"),  # "diagnosis", "diagnostic"
    (re.compile(r"tic$"), "s"),  # "psoriatic", of "psoriasis"
    (re.compile(r"(?:ia|ic|y)$"), "i"),  # "anemia", "anemic"; "allergy", "allergic"
)


def _family_root(word: str) -> str:
    """A word with the ending that makes it one of its family's read as the family's."""
    word = word.casefold()
    for ending, said in _FAMILY_ENDINGS:
        if ending.search(word):
            return ending.sub(said, word)
    return word


def of_a_family_stated(word: str, texts: Sequence[str]) -> bool:
    """Whether a statement says a word of the asked word's family in another ending
    ("prophylactic antibiotics" speaks of the "prophylaxis" asked about), though the stems
    differ; not words that share only a beginning ("myocardial", asked "myocarditis";
    "thrombocytosis", asked "thrombocytopenia")."""
    root = _family_root(word)
    if root == word.casefold():
        return False
    return any(_family_root(said) == root for text in texts for said in re.findall(r"\w+", text))


#: What joins two subjects of a question: "and", "or", "&", a slash.
_JOINED = r"(?:\s+(?:and|or|&)\s+|\s*/\s*)"


def named_unmentioned(word: str, query: Query) -> bool:
    """Whether a word the library never mentions, though people do, names a thing the
    question asks about: said where it asks (or in its subject line), rarer in everyday
    English than glosses.EVERYDAY, of MIN_LENGTH letters or more and no slip of a common
    word ("research on using D-Limonene as a treatment for cancer", "my mother used
    paregoric"; not "bonafide", "fliers", "hapy"). English questions only, whose words
    wordfreq weighs."""
    if query.language != "en" or len(word.replace("-", "")) < MIN_LENGTH:
        return False
    return (
        word.casefold() in asked_words(query.read)
        and zipf_frequency(word.lower(), "en") < EVERYDAY
        and not near_common(word.lower(), "en")
    )


def beside_topic(word: str, query: Query) -> bool:
    """Whether the question asks about a word as a second subject beside its topic, joined
    to the topic's name by "and", "or" or a slash ("more information on Hypertension and
    fibromyalgia", "hiatal hernia/exercise"): a thing it names, however common the word."""
    topic = query.frame.topic
    if not topic:
        return False
    w, t = re.escape(word), re.escape(topic)
    joined = rf"\b{w}{_JOINED}{t}\b|\b{t}{_JOINED}{w}\b"
    return re.search(joined, query.read, re.IGNORECASE) is not None


def frame_notice(
    query: Query,
    picked: Sequence[Candidate],
    only_topic: bool = False,
    part: Sequence[Concept] = (),
) -> str | None:
    """What the reader should know about how the question was read: words corrected or read
    in the library's term for them, parts the library does not cover, when no statement
    gives the value asked for (of the focus the part asking for it names, `part`:
    value_asked; a mitral valve area does not give "the target INR") or says what to do,
    when no statement speaks of where the question places its care ("in the emergency
    department"), and when the article is only what the library holds on the topic itself
    (`only_topic`; in English: frame.READING_NOTICES, translated where shown)."""
    frame = query.frame
    said = []
    # words corrected, and everyday words read in the library's term for them (glosses.py)
    read_as = [(c.written, c.corrected) for c in frame.corrections]
    read_as += [(e.glossed, e.long) for e in query.expansions if e.glossed]
    if read_as:
        read = ", ".join(CORRECTION % {"written": w, "corrected": c} for w, c in read_as)
        said.append(READ_AS % {"corrections": read})
    # A word of everyday use set aside ("What is weird about it is ...") is no part of the
    # question the article leaves unanswered, nor are the initials of the question's own
    # words ("MSUD" beside "Maple Syrup Urine Disease") or a person the message names ("Best,
    # Mehrnaz"); a name no one uses but the asker is, and so is a thing the question asks
    # about (named_unmentioned).
    aside = [
        w
        for w in frame.set_aside
        if not initialism(w, query.read)
        and not proper_name(w, query.read)
        and (not everyday_word(w, query.language) or named_unmentioned(w, query))
    ]
    if frame.uncovered or aside:
        missing = ", ".join(f"'{w}'" for w in (*frame.uncovered, *aside))
        said.append(NEVER_MENTIONED % {"words": missing})
    unspoken = unspoken_of(query, picked)
    if unspoken:
        said.append(NOT_SPOKEN_OF % {"words": ", ".join(f"'{w}'" for w in unspoken)})
    intent = as_asked(intent_named(frame.intent), query.read)
    # Said only where it can be checked: a value (a dose, an interval, a threshold) is either
    # in a statement or not. Whether a sentence tells what to do is not so plain, so for a
    # question on what to do it is said only when no statement of the article uses any of
    # the wording of advice or treatment (treat, should, recommend, drug, surgery, ...) nor
    # stands under a heading that names treatment ("Phlebotomy aids in ridding the body of
    # excess iron", under "What are the treatments for Hemochromatosis?"; not "Major
    # Recommendations", which holds any kind).
    if intent.name in VALUE_INTENTS:
        # what the value is of, where the part asking for it names a focus ("the target INR")
        of = [
            c
            for word, c in zip(query.content_words, query.concepts, strict=False)
            if word in frame.focus and any(c is p for p in part)
        ]
        unanswered = not any(
            gives_value(intent, c) and (not of or coverage_of(of, c.terms) > 0) for c in picked
        )
    else:
        unanswered = intent.name == "management" and not any(
            intent.answers.search(c.text) or "intervention" in care_named(c.headings, "")
            for c in picked
        )
    if picked and frame.topic:
        stated = frozenset().union(*(c.terms for c in picked))
        # where the asking part places the care, not the story ("I was admitted in a
        # hospital"), each place once
        said += [
            NOT_SAID_FOR % {"setting": setting, "topic": frame.topic}
            for setting in dict.fromkeys(settings_of(asking_clauses(query.read)))
            if not setting_named(setting, stated)
        ]
    if picked and only_topic:
        said.append(ONLY_THE_TOPIC % {"topic": frame.topic})
    elif picked and unanswered:
        kind = intent.label.lower()
        if frame.topic:
            said.append(NOT_ANSWERED_ON % {"kind": kind, "topic": frame.topic})
        else:
            said.append(NOT_ANSWERED % {"kind": kind})
    sides = sides_of(frame.compared, query.expansions)
    if picked and sides and not any(compares(c, sides) for c in picked):
        one, other = (f"'{side}'" for side in frame.compared)
        said.append(NOT_COMPARED % {"one": one, "other": other})
    together = sides_of(frame.together, query.expansions)
    if picked and together and not any(speaks_together(c, together) for c in picked):
        one, other = (f"'{side}'" for side in frame.together)
        said.append(NOT_TOGETHER % {"one": one, "other": other})
    return " ".join(said) or None
