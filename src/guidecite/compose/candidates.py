"""What the composer knows of a candidate statement, and what such a statement offers: the
kinds of answer it gives in its own words or under its heading (intents.py), whether it
describes its condition rather than its care, whether it says what its subject is, and
whether two statements say the same thing (duplicates). The extractive composer
(extractive.py) scores and picks candidates; keeping.py decides which picked ones stay.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..abbreviations import find_definitions
from ..analysis import terms
from ..frame import asking_clauses
from ..grades import without_trailing_grade
from ..intents import Intent, intent_named
from ..patients import PATIENT_WORDS
from ..query import STOP_TERMS, Query
from ..scoring import Concept, states_all
from ..scoring import coverage as coverage_of
from ..types import Hit

#: Groups narrower than a patient the question does not describe (patients.POPULATIONS).
SUBGROUPS = frozenset({"child", "older adult", "pregnancy"})
#: Intents that ask what something is, not what to do. (Research is neither: asked what is
#: being studied, a statement of what the condition is answers nothing, so it is no
#: description either.)
DESCRIPTIVE_INTENTS = frozenset(
    {"definition", "general", "symptoms", "cause", "inheritance", "frequency", "complications"}
)


@dataclass(frozen=True)
class Candidate:
    """A statement of a retrieved passage, as the composer weighs it."""

    text: str
    hit: Hit
    terms: frozenset[str]
    score: float
    grade: str | None
    answers: bool = False  # offers the kind of answer the question asks for
    named_source: bool = False  # issued by a body the question names ("per NICE")
    headings: tuple[str, ...] = ()  # its passage's headings (retrieval.headings_of)
    closeness: float | None = None  # to the question's meaning, where the reranker read it
    page: str = ""  # its document's title and its passage's headings


#: Pairs of statements (by their text) that say the same thing in other words.
Alike = frozenset[frozenset[str]]


#: The kinds of answer a list's lead-in makes of its items: "Causes of tinnitus include:
#: ...; Certain medicines." lists causes, though an item names what treats
#: (ACTION_INTENTS: below).
LISTING_KINDS = ("cause", "symptoms")
#: A lead-in and the first of the items it is said with (units.py joins them by ";").
_LEAD_IN = re.compile(r"^(?P<lead>[^:;]{3,}?):\s[^;]+;")


#: A sentence that opens by saying what causes something: "Injury or surgery involving the
#: leg, ankle, or foot can also cause swelling", "Certain medicines may also cause your
#: legs to swell"; or what people come to have after something: "Most people who receive
#: radioactive iodine treatment eventually develop hypothyroidism".
_OPENS_WITH_CAUSE = re.compile(
    r"^[^.;:]{1,120}?\s(?:(?:can|may|might|could|will)\s+(?:\w+ly\s+|also\s+|often\s+)?"
    r"(?:cause|develop)|(?:also|often|sometimes|usually|commonly|frequently|rarely|eventually|"
    r"later)\s+(?:causes?|develops?)|"
    # "Some drugs can interfere with thyroid hormone production and lead to hypothyroidism"
    # (not what a treatment does: "Medicines can help ... and lead to better sleep")
    r"(?:can|may|might|could)\s+(?!(?:also\s+)?(?:help|reduce|relieve|ease|treat|improve|lower|"
    r"control|prevent|stop|slow|protect)\b)(?:[\w-]+\s+){1,8}?and\s+(?:\w+ly\s+)?"
    r"(?:lead|result)\s+(?:to|in))"
    r"\b(?P<caused>[^.;:]*)",
    re.IGNORECASE,
)


def offered(intent: Intent, text: str, subjects: Sequence[Concept] = ()) -> bool:
    """Whether a statement's own words offer a kind of answer. A list whose lead-in names
    causes or signs (LISTING_KINDS) offers no kind of action, unless its lead-in says it;
    nor does a sentence that opens by saying what causes something offer what to do, unless
    what it says is caused does ("Certain medicines may also cause your legs to swell" names
    medicines as a cause); nor does one that says what the topic (`subjects`, where given)
    brings about offer its cause (brings_about)."""
    if intent.name == "cause" and brings_about(text, subjects):
        return False
    opens = _OPENS_WITH_CAUSE.match(text)
    if opens is not None and intent.name == "management":
        return bool(intent.answers.search(opens["caused"]))
    lead = _LEAD_IN.match(text)
    if lead is not None and intent.name in ACTION_INTENTS:
        said = lead.group("lead")
        if not intent.answers.search(said) and any(
            intent_named(kind).answers.search(said) for kind in LISTING_KINDS
        ):
            return False
    if intent.name == "symptoms":
        text = _SYMPTOMS_RELIEVED.sub(" ", text)  # what care does to them is no sign
    return bool(intent.answers.search(text))


#: Symptoms named as what care relieves: "Levodopa helps to reduce tremors and other
#: symptoms", "medicines may help relieve symptoms", "Relief of symptoms ... consists of
#: sumatriptan".
_SYMPTOMS_RELIEVED = re.compile(
    r"\b(?:reduc(?:e|es|ing)|reliev(?:e|es|ing)|relief\s+of|eas(?:e|es|ing)|controls|controlling|"
    r"improv(?:e|es|ing)|manag(?:e|es|ing)|treat(?:s|ing)?|lessen(?:s|ing)?|alleviat(?:e|es|ing)|"
    r"lower(?:s|ing)|helps|helping|"
    # "help" and "control" as verbs only, not "for help with signs", "loss of bladder control"
    r"(?:can|may|might|will|could|to|also|often|should|that|which|and|help)\s+(?:help|control))"
    r"(?:\s+(?:with|to))?\b"
    # not across a clause: "Call for help if you have signs of a heart attack"
    r"(?:\s+(?!(?:is|are|be|if|when|have|has|you)\b)[\w'-]+){0,4}?\s+(?:symptoms?|signs?)\b",
    re.IGNORECASE,
)


#: A cause said as what something brings about: "Restless legs syndrome is a neurological
#: condition that causes an irresistible urge to move the legs", "Lupus can cause kidney
#: problems", "Sleep apnea is a leading cause of excessive daytime sleepiness", "Some rashes
#: can also lead to blisters" (not "the cause of", "causes of", "is caused by": after an
#: article or a word that makes it a noun, "cause" is no verb).
_BRINGS_ABOUT = re.compile(
    r"(?<!\bthe )(?<!\ba )(?<!\bits )(?<!\btheir )(?<!\bno )(?<!\bmain )(?<!\bexact )"
    r"(?<!\bcommon )(?<!\bspecific )(?<!\bunderlying )(?<!\bknown )(?<!\bother )"
    r"\bcaus(?:es|e|ing)\b(?!\s+(?:of|is|are|was|were|for)\b)"
    r"|\b(?:is|are) (?:a|an|the|one of the) (?:\w+ ){0,2}causes? of\b"
    r"|\blead(?:s|ing)? to\b|\bresult(?:s|ing)? in\b",
    re.IGNORECASE,
)

#: An article and one more word before "cause" (not "causes": "A stroke causes ..."): it is
#: a noun ("has a genetic cause").
_A_NOUN = re.compile(r"\b(?:a|an|the|its|their|no|one|any)\s+[\w-]+\s+$", re.IGNORECASE)

#: Words that say what causes something, whatever else a sentence says.
_CAUSED = re.compile(
    r"\bcaused by\b|\bdue to\b|\bresults? from\b|\brisk factors?\b|\btrigger",
    re.IGNORECASE,
)

#: How much of the topic's name a clause's opening words (its first SUBJECT_WORDS, where its
#: subject stands) state for the clause to be said of the topic.
HALF = 0.5
SUBJECT_WORDS = 6


def brings_about(text: str, subjects: Sequence[Concept]) -> bool:
    """Whether a statement says what its subject (the topic, `subjects`) brings about, not
    what brings it about: the topic opening the clause of a "cause" said as a verb, and no
    words that say what causes something ("caused by", "due to", "risk factor"). Asked what
    causes restless legs syndrome, "Restless legs syndrome (RLS) causes a powerful urge to
    move your legs" gives its signs. A sentence that points back ("It causes your airway to
    collapse ...") is not read: what "it" or "this" is, the words cannot tell."""
    if not subjects or _CAUSED.search(text):
        return False
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        # "cause" after an article and a word is a noun too: "migraine has a genetic cause"
        verb = next(
            (
                v
                for v in _BRINGS_ABOUT.finditer(sentence)
                if v.group().lower() != "cause" or not _A_NOUN.search(sentence[: v.start()])
            ),
            None,
        )
        if verb is None:
            continue
        # the clause the verb is in, its subject opening it: "... those with
        # hyperuricosuria; gout, a disorder that causes painful swelling" says nothing the
        # kidney stones asked about bring about, nor does "mutations in genes linked to
        # Parkinson's disease result in ..." of Parkinson's disease
        before = re.split(r"[,;]", sentence[: verb.start()])[-1]
        opening = " ".join(before.split()[:SUBJECT_WORDS])
        if coverage_of(subjects, frozenset(terms(opening))) >= HALF:
            return True
    return False


#: What brings something about, the thing it brings about after it: a "cause" said as a verb
#: (_BRINGS_ABOUT), or the complications a list names ("Complications of hantavirus may
#: include: Kidney failure; ...").
_BROUGHT_AFTER = re.compile(
    rf"{_BRINGS_ABOUT.pattern}|\bcomplications?\b[^.;:]{{0,80}}?\binclud(?:e|es|ing)\b",
    re.IGNORECASE,
)
#: Something developed, the topic right after it ("... may develop kidney failure"); not
#: what people who have the topic develop ("Women who develop gestational diabetes are more
#: likely to ...", "If you develop ..."), nor what develops in or over it.
_DEVELOPED = re.compile(
    r"\b(?:develops?|developing|developed)\s+(?:an?\s+)?(?P<what>[^,;.]*)", re.IGNORECASE
)
#: Who develops it, in the words just before: people who have the topic ("Women who develop
#: ...", "Patients who have developed ...", "If a person develops ...", "people developing").
_WHO_DEVELOPS = re.compile(
    rf"\b(?:who|that|you|they|we|when|if|{PATIENT_WORDS}|person|patient|those)\b"
    r"(?:\s+[\w']+){0,2}\s*$",
    re.IGNORECASE,
)
#: The thing a sentence opens with, said to be a complication: "Hypothyroidism is a late
#: complication primarily related to radiation therapy", "Portal hypertension is a common
#: complication of cirrhosis".
_IS_A_COMPLICATION = re.compile(
    r"\b(?:is|are) (?:a|an|one of the) (?:[\w-]+ ){0,2}?complications?\b", re.IGNORECASE
)


def brought_about(text: str, subjects: Sequence[Concept]) -> bool:
    """Whether a statement says something else brings its subject (the topic, `subjects`,
    all of it) about, not what the topic brings about: the topic after a verb of bringing
    about in a sentence that does not name it before ("Medullary sponge kidney rarely leads
    to more serious problems, such as chronic kidney disease or kidney failure",
    "Complications of hantavirus may include: Kidney failure", "... may develop kidney
    failure"), or said to be a complication of something else ("Hypothyroidism is a late
    complication primarily related to radiation therapy"). Asked the complications of kidney
    failure, none of these names one. Not where the sentence also says what the topic brings
    about ("Sepsis is a life-threatening complication of an infection and can lead to organ
    failure"), nor the topic as what something comes from, happens in or is said of
    ("Many complications, including anemia and bone disease, result from kidney failure",
    "... in end-stage kidney failure", "... in people with diabetes"), nor the topic's own
    problems ("can cause diabetes problems")."""
    if not subjects:
        return False
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        verbs = list(_BROUGHT_AFTER.finditer(sentence))
        if any(states_all(subjects, sentence[: verb.start()]) for verb in verbs):
            continue  # what the topic brings about
        said = _IS_A_COMPLICATION.search(sentence)
        if said is not None:
            of = _OF.match(sentence, said.end())
            if states_all(subjects, sentence[: said.start()]) and not (
                of and states_all(subjects, of.group())
            ):
                return True  # not "Diabetic retinopathy is a complication of diabetes"
        afters = [sentence[verb.end() :] for verb in verbs]
        afters += [
            found["what"]
            for found in _DEVELOPED.finditer(sentence)
            if not _WHO_DEVELOPS.search(sentence[: found.start()])
        ]
        if any(states_all(subjects, _not_brought(after)) for after in afters):
            return True
    return False


def _not_brought(after: str) -> str:
    """What follows a verb of bringing about, without the things it names that are not
    brought about: the patients it is said of, what it comes from or happens in, and a
    condition's own problems."""
    return _OWN_PROBLEMS.sub(" ", _WHENCE.sub(" ", _PATIENTS_WITH.sub(" ", after)))


#: What a complication is said to be of: "... a complication of diabetes".
_OF = re.compile(r"\s+of\s+[^,;.]*", re.IGNORECASE)
#: Patients named by what they have: "in people with diabetes".
_PATIENTS_WITH = re.compile(
    rf"\b(?:in|among|for|of)\s+(?:\w+\s+){{0,2}}?(?:{PATIENT_WORDS}|those)\s+"
    r"(?:with|who have)\s+[^,;.]*",
    re.IGNORECASE,
)
#: What something comes from or happens in, or when: "result from kidney failure", "in
#: end-stage kidney failure", "over years of diabetes", "as kidney failure progresses" (not
#: "of": "cause most cases of kidney failure" names what is brought about).
_WHENCE = re.compile(
    r"\b(?:from|in|by|over|during|after|with|due to|because(?: of)?|when|while|if|"
    r"(?<!such )(?<!well )as(?!\s+well\b))\s+[^,;.]*",
    re.IGNORECASE,
)
#: A condition's own problems, named by it: "diabetes problems", "kidney damage".
_OWN_PROBLEMS = re.compile(
    r"(?<![\w-])[\w-]+(?:\s+[\w-]+)?\s+(?:problems?|complications?|damage)\b", re.IGNORECASE
)


#: What something brings about, asked by naming it after "caused by" ("What are some
#: illnesses caused by smoking?", "The results of smoking").
_BROUGHT_ABOUT_BY = re.compile(
    r"\b(?:caused by|due to|results? (?:of|from)|effects? of|because of)\s+"
    r"(?P<cause>[^?.!,;]{1,60})",
    re.IGNORECASE,
)


#: "causes" with no object after it, in a question typed as keywords: the causes asked for.
#: ("What problems can lupus cause?" asks what lupus brings about: "cause" said as a verb.)
_CAUSES_ASKED = re.compile(r"\bcauses\s*(?:$|[?.!,;:]|and\b|or\b|what\b)", re.IGNORECASE)


@lru_cache(maxsize=256)
def whose_cause(question: str, subjects: tuple[Concept, ...]) -> tuple[Concept, ...]:
    """The topic (`subjects`) where the question asks what causes it; none where it asks
    what the topic brings about ("What problems can diabetes cause?", "illnesses caused by
    smoking"): then what the topic causes is the answer (brings_about). Read once per
    question: the composer asks it while scoring, keeping and leading."""
    # "psoriasis causes", "restless legs syndrome causes and treatment": causes asked for
    if brings_about(question, subjects) and not _CAUSES_ASKED.search(question):
        return ()
    for asked in _BROUGHT_ABOUT_BY.finditer(question):
        if coverage_of(subjects, frozenset(terms(asked["cause"]))) >= HALF:
            return ()
    return tuple(subjects)


def cause_asked_of(query: Query) -> tuple[Concept, ...]:
    """The topic where the question's asking clauses ask what causes it (whose_cause)."""
    return whose_cause(asking_clauses(query.read), query.topic_concepts)


def offers_any(intents: Sequence[Intent], text: str, subjects: Sequence[Concept] = ()) -> bool:
    """Whether a statement's own words offer any of the asked kinds of answer (offered)."""
    return any(offered(i, text, subjects) for i in intents)


def offers(
    intent: Intent, text: str, section_path: Sequence[str], subjects: Sequence[Concept] = ()
) -> bool:
    """Whether a statement offers the kind of answer asked for: in its own words
    (offered), or (for the intents that name a kind of section, not a kind of value) in its
    headings; what the topic (`subjects`) brings about is no cause under any heading."""
    if intent.name == "cause" and brings_about(text, subjects):
        return False
    if offered(intent, text):
        return True
    if intent.name == "management" and _OPENS_WITH_CAUSE.match(text):
        return False  # a cause under a heading on treatment ("Certain cancer treatments ...")
    return intent.name not in VALUE_INTENTS and bool(intent.answers.search(" ".join(section_path)))


#: Intents answered by a value in the statement itself: a heading cannot answer them.
VALUE_INTENTS = frozenset({"dose", "timing", "threshold"})
#: Kinds of answer a document gives a section of its own ("Is Ellis-van Creveld syndrome
#: inherited?", "What are the signs and symptoms of ...?"): where the topic's own document
#: has that section, its statements answer, not the background that happens to name more
#: of the question's words (answered_under_heading). Not causes ("illnesses caused by
#: smoking" asks what smoking causes, a section on what causes a craving does not answer)
#: nor the outlook (its section holds the disabilities left as well as the recovery). What
#: research is being done is one ("what research (or clinical trials) is being done for ..."),
#: and so is how many it affects ("How many people are affected by ...?").
SECTION_INTENTS = frozenset({"symptoms", "inheritance", "frequency", "research", "complications"})


def answered_under_heading(intent: Intent, c: Candidate, topic_docs: frozenset[str]) -> bool:
    """Whether a statement stands in a section its document gives to the kind of answer
    asked (section_asked)."""
    return section_asked(intent, c.hit.passage.doc_id, c.headings, topic_docs)


def section_asked(
    intent: Intent, doc_id: str, headings: Sequence[str], topic_docs: frozenset[str]
) -> bool:
    """Whether headings are of a section a document gives to the kind of answer asked (its
    nearest heading names it: "Is Ellis-van Creveld syndrome inherited?"), in one of the
    topic's own documents where the topic is known."""
    if intent.name not in SECTION_INTENTS or not headings:
        return False
    if topic_docs and doc_id not in topic_docs:
        return False
    return bool(intent.answers.search(headings[-1]))


#: Intents that ask what to do or a value to act on: a sentence describing the condition
#: itself (what it is, how common, how inherited) answers none of them. (What a test is
#: for may lie in how the condition is inherited: testing is not one of them.)
ACTION_INTENTS = frozenset(
    {
        "management",
        "dose",
        "timing",
        "threshold",
        "contraindication",
        "monitoring",
        "prevention",
        "escalation",
    }
)
#: How a sentence describes a condition rather than its care: how common it is, how it is
#: inherited or caused by a gene, what characterizes it.
_DESCRIBES = re.compile(
    r"\b(?:is|are)\s+(?:(?:very|relatively|extremely|fairly|quite)\s+)?(?:rare|common|uncommon)\b|"
    r"\b(?:incidence|prevalence)\b|"
    r"\baffects?\s+(?:about|approximately|an estimated|nearly|more than)\s+\d|"
    r"\binherited\s+in\s+an?\b|\bcaused\s+by\s+(?:new\s+)?(?:mutations|changes|variants)\b|"
    r"\bmutations?\s+in\s+the\s+\S+\s+genes?\b|\b(?:is|are)\s+characterized\s+by\b",
    re.IGNORECASE,
)


#: How common a condition is: "affects an estimated 1 in 12,000", "its prevalence is unknown".
HOW_COMMON = re.compile(
    r"\b(?:is|are)\s+(?:(?:very|relatively|extremely|fairly|quite|most|less|more)\s+)?"
    r"(?:rare|common|uncommon)\b|"
    r"\b(?:incidence|prevalence)\b|"
    r"\b(?:affects?|occurs?\s+in)\s+(?:about|approximately|an estimated|nearly|more than)?\s*\d",
    re.IGNORECASE,
)
#: A description that also says what causes a condition, how it is inherited or what it is
#: like: an answer to questions on its cause, its inheritance or its signs.
SAYS_MORE = re.compile(
    r"\b(?:characteri[sz]ed|caused|causes|inherit\w*|mutations?|genes?|chromosomes?|"
    r"symptoms?|signs?)\b",
    re.IGNORECASE,
)


def describes(text: str, topic: Sequence[Concept]) -> bool:
    """Whether a sentence describes the question's topic itself: says what it is
    ("Menkes syndrome is a disorder that affects copper levels"), how common it is, how it
    is inherited, or what characterizes it, naming the topic."""
    if not topic:
        return False
    if defines(text, topic):
        return True
    return bool(_DESCRIBES.search(text)) and coverage_of(topic, frozenset(terms(text))) > 0


#: A sentence that says what its subject is: "Klinefelter syndrome (KS) is a condition ...",
#: "A hiatal hernia is a condition in which ...".
_DEFINES = re.compile(
    r"^(?:(?:A|An|The)\s+)?(?P<subject>[^.;:,]{1,60}?)\s+(?:\([^)]{1,40}\)\s+)?"
    r"(?:(?:is|are)\s+(?:a|an|one|the name|the term)|stands?\s+for)\b"
)


#: A statement that says what something is and then names it: "If your thyroid gland is not
#: active enough, it does not make enough thyroid hormone ... This condition is
#: hypothyroidism.", "... This is called presbyopia."
_NAMED_AFTER = re.compile(
    r"\b(?:This|That|It)\s+(?:(?:condition|disorder|disease|problem|syndrome)\s+)?(?:is|are)\s+"
    r"(?:(?:also\s+)?(?:called|known as|named)\s+)?(?P<subject>[^.;:,]{1,60}?)\s*\.?$"
)


def defines(text: str, subjects: Sequence[Concept], only: str | None = None) -> bool:
    """Whether a statement says what one of `subjects` is (its subject states one), or says
    what it is and then names it ("... This condition is hypothyroidism.": the name alone);
    with `only` (the topic's name), what they or that name name and nothing more ("Obesity
    hypoventilation syndrome is a breathing disorder ..." names another condition than
    obesity; "Leber congenital amaurosis is an eye disorder ..." the topic "leber
    amaurosis" is named by)."""
    found = _DEFINES.match(text)
    named_after = _NAMED_AFTER.search(text) if found is None else None
    found = found or named_after
    if found is None or not subjects:
        return False
    subject = frozenset(terms(found.group("subject")))
    if only is not None or named_after is not None:  # the name alone, after what it is
        named = frozenset(terms(only or "")).union(*(alt for _, alts in subjects for alt in alts))
        return bool(subject & named) and subject <= named | STOP_TERMS
    return coverage_of(subjects, subject) > 0


def one_definition(
    candidates: Sequence[Candidate], subjects: Sequence[Concept], topic: str, floor: float
) -> list[Candidate]:
    """These statements (best first) with one of those that say what the topic is
    (`subjects`, its name `topic`) and of nothing more: an article says it once. The best
    one is kept, unless one scoring at least `floor` of it says at least as much again (of
    MORE_TERMS times its terms): "Ochoa syndrome is a disorder characterized by urinary
    problems and unusual facial expressions." is kept in place of "Ochoa syndrome is a rare
    disorder."."""
    if not subjects or not topic:
        return list(candidates)
    said = [c for c in candidates if defines(c.text, subjects, only=topic)]
    if len(said) < 2:
        return list(candidates)
    best = said[0]
    kept = next(
        (
            c
            for c in said[1:]
            if c.score >= best.score * floor and len(c.terms) >= MORE_TERMS * len(best.terms)
        ),
        best,
    )
    return [c for c in candidates if c is kept or c not in said]


#: A statement of this many times another's terms says more than it.
MORE_TERMS = 2


#: What a statement offers in place of something else ("As an alternative to hydrocortisone,
#: ... prednisolone"; "NSAIDs other than aspirin"): the grammar of alternatives.
_IN_PLACE_OF = re.compile(
    r"\b(?:as an? alternatives? to|alternatives? to|instead of|rather than|in place of|"
    r"other than)\s+[^,.;:]*",
    re.IGNORECASE,
)


def stated_terms(candidate: Candidate) -> frozenset[str]:
    """A statement's terms without those it names only as what it replaces: "As an
    alternative to hydrocortisone, ... prednisolone (3-5 mg/d)" gives a dose of
    prednisolone, not of hydrocortisone; nor those of the grade that closes it: "...
    (Option; Evidence Level Grade C)" states no treatment option."""
    text = without_trailing_grade(candidate.text)
    if text == candidate.text and not _IN_PLACE_OF.search(text):
        return candidate.terms
    return frozenset(terms(_IN_PLACE_OF.sub(" ", text)))


#: Statements sharing this share of their terms, with the same numbers, say the same thing.
DUPLICATE_OVERLAP = 0.6
#: Statements opening with the same lead-in of this many words are parts of one list (a
#: table's title and a column's name, "Practice Guidelines for Surveillance of MEN1a -
#: Biochemical Test or Procedure: ...", are shorter: its rows are different statements).
SAME_LEAD_WORDS = 15
#: A number is a quantity, not the digits of a name ("MSH2", "HER2", "CD56").
NUMBER = re.compile(r"(?<!\w)\d+(?:[.,]\d+)?")


def duplicates(a: Candidate, b: Candidate, alike: Alike = frozenset()) -> bool:
    """Near-duplicates say the same words with the same numbers (a different number is a
    different statement, and both are kept), or the same thing in other words (`alike`:
    said_alike) where neither gives a number the other contradicts, or are parts of one
    list said after the same long lead-in (a list too long for one statement:
    units._said_with_lead)."""
    said_a, said_b = a.text.rstrip(" .;"), b.text.rstrip(" .;")
    if said_a in said_b or said_b in said_a:
        # one says the other with its neighbour sentence, or with a bracket more:
        # "... wheelchair assistance (often 10 to 20 years after symptom onset)."
        return True
    if (_CITED.search(a.text) or _CITED.search(b.text)) and uncited(a.text) == uncited(b.text):
        return True  # one says the other with the studies it cites
    lead = a.text.split(": ", 1)[0]
    if ": " in a.text and len(lead.split()) >= SAME_LEAD_WORDS and b.text.startswith(f"{lead}: "):
        return True  # parts of one long list after the same lead-in: the best one says it
    numbers_a, numbers_b = NUMBER.findall(a.text), NUMBER.findall(b.text)
    if frozenset((a.text, b.text)) in alike:
        return set(numbers_a) <= set(numbers_b) or set(numbers_b) <= set(numbers_a)
    if numbers_a != numbers_b:
        return False
    return overlap(*spelled_out(a, b)) >= DUPLICATE_OVERLAP


@lru_cache(maxsize=4096)
def _defined(text: str) -> tuple[tuple[str, str], ...]:
    return tuple(find_definitions(text))


def spelled_out(a: Candidate, b: Candidate) -> tuple[frozenset[str], frozenset[str]]:
    """Two statements' terms with each abbreviation either defines ("acute myeloid leukemia
    (AML)") read as its long form in both: "children with AML, CML, JMML, or MDS" says what
    "children with acute myeloid leukemia (AML), chronic myelogenous leukemia (CML), ..."
    says."""
    defined = tuple(dict((*_defined(a.text), *_defined(b.text))).items())
    if not defined:
        return a.terms, b.terms
    return _read_long(a.text, defined), _read_long(b.text, defined)


@lru_cache(maxsize=4096)
def _read_long(text: str, defined: tuple[tuple[str, str], ...]) -> frozenset[str]:
    """A statement's terms with each of these abbreviations read as its long form (read
    once per statement and set of abbreviations: duplicates compares statements in pairs)."""
    for short, long in defined:
        text = text.replace(f"{long} ({short})", long)
        text = re.sub(rf"(?<![\w-]){re.escape(short)}(?![\w-])", long, text)
    return frozenset(terms(text))


#: A bracket that cites authors and years: "(Keeley, Boura, & Grines, 2003; Zijlstra et al.,
#: 1999)"; a grade's bracket ("(Level of Evidence: A)") is no citation.
_CITED = re.compile(r"\s*\((?=[^()]*\b(?:19|20)\d\d\b)(?=[^()]*(?:\bet al\b|&|;))[^()]*\)")
_GRADE_AFTER = re.compile(r"\s*\([^()]*\)\s*$")


def uncited(text: str) -> str:
    """A statement without the brackets that cite its studies, and without a grade's bracket
    at its end, for telling whether two statements say the same thing."""
    return _GRADE_AFTER.sub("", _CITED.sub("", text)).rstrip(" .")


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / (len(a | b) or 1)
