"""The question's clinical frame: its topic, what it asks about, what kind of answer it wants,
and for whom (the `Frame` record), and how a long message asks it.

- **Topic**: the condition or subject, named as the library's titles name it (topics.py).
- **Focus**: the question's other rare words: the test, result, drug, procedure or value
  asked about ("neuron-specific enolase" in a question on neuroendocrine tumours).
- **Intent**: the kind of answer wanted (intents.py: what to do, a dose, an interval, which
  test, what a result means, outlook, cause, a definition ...).
- **Qualifiers**: who the patient is (patients.py: age group, sex, pregnancy, kidney or liver
  function, severity).
- **Asked and told**: in a long consumer message, the subject line and the sentences that
  ask carry the question; the rest (greetings, the story around it) weighs less.
- **Notices**: what an article says of how its question was read, and why the library
  cannot answer one.

The cue words here are about how questions are asked, how guidelines are organised and who
a patient is, never clinical facts: what the answer is comes only from the library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .i18n import N_
from .intents import DIAGNOSED, INTENTS, Intent, intent_named, intents_of
from .patients import names_patient, names_population
from .wording import Correction

_I = re.IGNORECASE

# -- what an article says of how its question was read -------------------------------------

#: Kept in English in the answer, put in the reader's language when it is shown
#: (render._common.localized); the words in them (the question's, the library's) stay.
READ_AS = N_("Read %(corrections)s.")
CORRECTION = N_("'%(written)s' as '%(corrected)s'")
NEVER_MENTIONED = N_(
    "The library never mentions %(words)s: this article answers only the rest of the question."
)
#: Where no statement of the article answers the kind of question asked: said of the
#: article, the statements checked, not of the whole library, which may hold an answer the
#: search did not find.
NOT_ANSWERED_ON = N_(
    "No statement in this article answers this kind of question (%(kind)s) directly; "
    "below is what was found on %(topic)s."
)
NOT_ANSWERED = N_(
    "No statement in this article answers this kind of question (%(kind)s) directly; "
    "below is what was found."
)
#: Where the question compares two things (compared_sides) and no statement of the article
#: says how they stand to each other (compose/comparing.py).
NOT_COMPARED = N_(
    "No statement in this article compares %(one)s with %(other)s; below is what was found on them."
)
#: Where the question asks whether to take two things together (together_sides) and no
#: statement of the article speaks of the two together (compose/comparing.py): the
#: library's silence is said not to be a sign of safety.
NOT_TOGETHER = N_(
    "No statement in this article speaks of %(one)s and %(other)s together; that is no sign "
    "they are safe together. Below is what was found."
)
#: Where no passage on the topic says more than the topic's own name, the article is what
#: the library holds on the topic itself, and says so.
ONLY_THE_TOPIC = N_(
    "No statement in the library says what the question asks about %(topic)s; below is what "
    "it holds on the topic itself."
)
#: Where the question places its care ("in the emergency department") and no statement
#: speaks of that place: what the library holds is not said for it.
NOT_SAID_FOR = N_(
    "No statement below speaks of the setting asked about (%(setting)s): they are what the "
    "library holds on %(topic)s."
)
#: What the question names that no statement of the article speaks of, though the library
#: mentions it ("Plavix" and "lisinopril" in a question on four medicines' side effects,
#: answered on simvastatin alone).
NOT_SPOKEN_OF = N_("No statement below speaks of %(words)s.")
#: Where the question asks for something to read ("send me any literature"): the article's
#: sources are what the library has to give, and nothing is sent.
TO_READ = N_(
    "For more to read, the pages this article cites are listed under References: %(sources)s."
)
SENDS_NOTHING = N_("guidecite sends nothing by post or e-mail.")
#: In the order they are translated: a message before any that can be part of it.
READING_NOTICES = (
    READ_AS,
    CORRECTION,
    NEVER_MENTIONED,
    NOT_SPOKEN_OF,
    NOT_ANSWERED_ON,
    NOT_ANSWERED,
    NOT_COMPARED,
    NOT_TOGETHER,
    ONLY_THE_TOPIC,
    NOT_SAID_FOR,
    TO_READ,
    SENDS_NOTHING,
)
#: The kinds of question a notice can say went unanswered (the intents' labels, lower case).
UNANSWERED_KINDS = (N_("dosing"), N_("timing"), N_("thresholds"), N_("management"))

#: Why the library cannot answer a question (evidence.py, answer.py), translated where shown.
NO_MATCH = N_("no passage of the library matches the question")
NEVER_MENTIONS = N_("the library never mentions %(words)s")
NOT_ABOUT = N_("no passage found is about %(topic)s")
KIND_UNMENTIONED = N_("no passage found on %(topic)s mentions %(kind)s")
FOCUS_UNMENTIONED = N_("no title names the topic and no passage found mentions %(focus)s")
FOCUS_UNSPOKEN = N_("no title names the topic and no statement found speaks of %(focus)s")
LOW_COVERAGE = N_("the best passages cover only %(share)s of the question's terms")
SAID_APART = N_("no passage found speaks of %(one)s and %(other)s together")
SAID_APART_ANY = N_("no passage found speaks of any two of %(some)s and %(last)s together")
NOTHING_SAID = N_(
    "the passages found on %(topic)s state nothing on what the question asks beyond naming "
    "its topic"
)
#: Where no title names the topic and no statement found comes near the question in meaning.
NOTHING_NEAR = N_("no passage found is near in meaning to what the question asks")
DECLINE_REASONS = (
    NO_MATCH,
    NEVER_MENTIONS,
    KIND_UNMENTIONED,
    NOT_ABOUT,
    FOCUS_UNMENTIONED,
    FOCUS_UNSPOKEN,
    LOW_COVERAGE,
    SAID_APART,
    SAID_APART_ANY,
    NOTHING_SAID,
    NOTHING_NEAR,
)
#: The notice of a declined answer, holding one of the reasons.
DECLINED = N_("The library holds no evidence that answers this question: %(reason)s.")


def intents_of_message(message: str) -> tuple[Intent, ...]:
    """The kinds of answer a message asks for: those its subject line names first
    ("prevention of preeclampsia: ... the causes ... how to minimise the chances"), then
    those of its asking parts in their precedence."""
    head, _ = question_parts(message)
    named = [i for i in intents_of(head) if i.name not in {"definition", "general"}] if head else []
    # what the message asks, not its story ("Veteran with PTSD requests alprazolam for his
    # symptoms. What does the guideline say ...?" asks for no symptoms), where what it asks
    # names a kind of answer; "Will our baby have sickle cell disease?" names none, and the
    # story says which ("We both carry the sickle cell gene")
    asked = asking_clauses(message)
    if all(i.name in {"definition", "general"} for i in intents_of(asked)):
        asked = asked_parts(message)
    found = tuple(dict.fromkeys((*named, *intents_of(asked))))
    if DIAGNOSED.search(message) and _BARE_CHANCES.search(asked):
        # the patient has the condition: their chances are the outlook, not the risk of it
        # ("my mother was diagnosed with stage 2 breast cancer, what are her chances")
        outlook = intent_named("prognosis")
        found = tuple(dict.fromkeys(outlook if i.name == "risk" else i for i in found))
    return found


#: Chances asked without saying of what ("what are her chances?"), not "the chance of
#: getting pregnant" nor "the best chance at life".
_BARE_CHANCES = re.compile(r"\bchances?\b(?!\s+(?:of|that|to|for|in|at)\b)", re.IGNORECASE)


def names_no_focus(word: str) -> bool:
    """Whether a question word names who the patient is or the kind of answer wanted,
    rather than what the question is about."""
    return (
        names_patient(word)
        or names_population(word)
        or any(intent.asks.match(word) for intent in INTENTS)
    )


def names_subject(word: str) -> bool:
    """Whether a question word may say what the question is about: it names neither the
    patient nor the kind of answer wanted (names_no_focus), and is no number, age or date
    ("a fever of 102", "45-year-old": a value; a name that holds digits later on is one:
    "T315I", "BRCA1"). The subject-word readings (query.heaviest_subject,
    query.focus_words, evidence.subject_words) all start from this one."""
    return not names_no_focus(word) and not word[:1].isdigit()


# -- asked and told ------------------------------------------------------------------------

_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")
_CLAUSE = re.compile(r"(?<=[.!?;])\s+|\n+|\s+-\s+")
#: Where what the writer says they know ("I know ...", "I understand ...", "I have read
#: ...") turns on ", but" to what they ask: what follows is a clause of its own. Not "but
#: also" nor after "not only", which add to what is asked; nor a "but" after a clause that
#: says no knowing ("Lupus is treated with steroids, but for how long?").
_KNOWN = re.compile(
    r"\b(?:i|we)\s+(?:already\s+|do\s+)?(?:know|understand|realize|realise|am aware|are aware|"
    r"have read|have heard|was told|were told|have been told)\b",
    _I,
)
_BUT = re.compile(r",\s+(?=but\s+(?!also\b))", _I)
_SUBJECT = re.compile(r"^\s*([^:.?!]{2,80})[:.]\s+(?=\S)")
#: Pronouns and auxiliary verbs: a phrase holding one is a sentence, not a title.
_SENTENCE_WORDS = frozenset(
    "i me my we our you your he him his she her they them their it its is are was were "
    "am be been being have has had do does did will would can could should shall may "
    "might must get gets got".split()
)
_ASKING = re.compile(
    r"\?|^\s*(?:(?:so|and|but|then|now|also|ok|okay|well|hence|therefore)\b,?\s*)?"
    r"(?:what|how|why|when|where|which|who|whom|whose|is|are|can|could|does|do|did|"
    r"should|would|will|has|have|please|pls|kindly|i'd like|we'd like|"
    r"i (?:want|would like|need|wonder|am "
    r"(?:looking|wondering|asking|trying))|i'm (?:looking|wondering|asking)|need|looking for|"
    # a request put politely: "I would appreciate it if you can send me ...", "We would be
    # grateful for ..."
    r"(?:i|we) (?:would|'d) (?:(?:really|very much|greatly) )?(?:appreciate|be (?:very )?"
    r"grateful|be thankful)|"
    r"any\b|tell me|send me|help|info|advice|suggest)",
    _I,
)


#: A field of a web form, as a message sent through one carries its fields in one run of
#: text: a label of one to three capitalised words and a colon ("Database: pubmed",
#: "MyNCBI UserName:", "Message Body: how are you sure ...?").
_FIELD_LABEL = r"(?:[A-Z][\w']*\s+){0,2}[A-Z][\w']*:\s"
_FIELD_STARTS = re.compile(rf"(?:^|\s+)(?={_FIELD_LABEL})")
#: So many fields make a message a form's record rather than a question with a subject line.
FORM_FIELDS = 3


def form_message(message: str) -> str:
    """The message a web form's record carries: the fields that ask, without their labels
    ("how are you 100% sure if you have asthma?" of "Date and Time of Contact: Mon, 19 Jan
    2015 ... Application: entrez Database: pubmed ... Message Body: how are you 100% sure
    ..."); the date, the session and the browser are no part of the question. A message
    with fewer fields, or none that asks, is read whole."""
    fields = [part for part in _FIELD_STARTS.split(message) if re.match(_FIELD_LABEL, part)]
    if len(fields) < FORM_FIELDS:
        return message
    values = [field.split(":", 1)[1].strip() for field in fields]
    asking = [value for value in values if _ASKING.search(value)]
    return " ".join(asking) if asking else message


#: A message longer than this many words tells a story around its question; a shorter one
#: is all question.
LONG_MESSAGE = 40


def is_subject_line(head: str) -> bool:
    """Whether a message's opening words are a subject line: a few words ending in a colon,
    or a title-like phrase ending in a full stop ("Tests for Haemophilia.") rather than a
    sentence ("My fatigue is worse.")."""
    words = head.rstrip(" :.").split()
    if not words or len(words) > 8:
        return False
    return head.rstrip().endswith(":") or not any(w.lower() in _SENTENCE_WORDS for w in words)


#: Where one part of a question ends and the next asks something else ("which test should
#: be offered, and what level is positive?").
_PART = re.compile(r"[,;:?!.]|\s+(?:and|or|but|y|o)\s+", _I)


def asked_part(intent: Intent, question: str) -> str:
    """The words of the part of a question that asks for this kind of answer, less the
    asking words themselves: "is positive" in "which test should be offered, and what level
    is positive?"; "" where no part asks for it."""
    for part in _PART.split(question):
        found = intent.asks.search(part)
        if found is not None:
            return f"{part[: found.start()]} {part[found.end() :]}".strip()
    return ""


def asked_parts(question: str) -> str:
    """The parts of a message that ask: its subject line and its asking sentences (the
    whole message when it is short or none of it reads as asking)."""
    head, asking = question_parts(question)
    return " ".join((head, asking)).strip()


def question_parts(question: str) -> tuple[str, str]:
    """A message's subject line ("Tests for Haemophilia.", "insomnia:") and the rest that
    asks: its asking sentences in a long message, all of it in a short one."""
    subject = _SUBJECT.match(question)
    head = subject.group(1) if subject and is_subject_line(subject.group(0)) else ""
    body = question[subject.end() :] if head and subject else question
    if not body.strip():
        return "", question
    if len(question.split()) <= LONG_MESSAGE:
        return head, body
    asking = [s for s in _SENTENCE.split(body) if s.strip() and _ASKING.search(s)]
    return head, " ".join(asking) if asking else body


#: A message's subject line: what comes before its first colon, in a few words
#: ("Periventricular Heterotopia.  Scoliosis  - possibility of a known link ?: ...").
_SUBJECT_LINE = re.compile(r"^\s*([^:\n]{2,120}?)\s*:\s")
SUBJECT_WORDS = 12


def subject_of(message: str) -> str:
    """A message's subject line, where it has one (question_parts reads it to its first
    full stop: "Tests for Haemophilia.")."""
    found = _SUBJECT_LINE.match(message)
    if found is not None and len(found.group(1).split()) <= SUBJECT_WORDS:
        return found.group(1)
    return question_parts(message)[0]


def asking_clauses(question: str) -> str:
    """The clauses of a message that ask (a question mark, or an asking opening), the
    subject line and the story left out; the whole message when none does. What the writer
    says they know before ", but" is story too ("I know the symptoms of a stroke, but how is
    it treated?"). An unknown word here is the question's own; elsewhere it only sets the
    scene."""
    head, _ = question_parts(question)
    body = question[len(head) :].lstrip(" :.") if head and question.startswith(head) else question
    # what the writer sets against what they know asks on its own: "I know that the jury is
    # out on the exact causes of preeclampsia, but I am looking for ways ..."
    clauses = [p for c in _CLAUSE.split(body) for p in _known_apart(c) if p.strip()]
    asking = [c for c in clauses if _ASKING.search(c)]
    return " ".join(asking) if asking else body


def _known_apart(clause: str) -> list[str]:
    """A clause, or where it says what the writer knows and then turns on ", but" to what
    they ask, its two parts."""
    parts = _BUT.split(clause, maxsplit=1)
    if len(parts) == 2 and _KNOWN.search(parts[0]) and "not only" not in parts[0].casefold():
        return parts
    return [clause]


def clauses(text: str, shortest: int = 3) -> list[str]:
    """The text's clauses (sentences, lines, parts set off by a dash) of `shortest` words or
    more: the parts of a question that asks several things."""
    return [c.strip() for c in _CLAUSE.split(text) if len(c.split()) >= shortest]


# -- two things compared ---------------------------------------------------------------------

#: Words that end a side of a comparison where it is read backwards from "vs" or "preferred
#: over" ("In atrial fibrillation, are DOACs preferred over warfarin?": "DOACs").
_SIDE_BREAK = _SENTENCE_WORDS | frozenset(
    "a an the what which why when where who between of for in on at to with and or "
    "than about".split()
)
#: Where a side read forwards ends: a mark, a dash, or a word that goes on to say in which
#: respect or for whom ("... and hemorrhagic stroke differ in their acute management"); each
#: alternative with one run of spaces, so that a long run of them is read once.
_SIDE_END = r"(?=\s*[?.!,;:()]|\s*$|\s-\s|\s+(?:in|for|when|if|regarding|among|during)\b)"
_SIDE = r"[\w'’\-/ ]{1,60}?"
#: A side read backwards: up to five words, the first starting a word.
_BACK = r"(?<![\w'’\-/])(?:[\w'’\-/]+\s+){0,4}[\w'’\-/]+"
#: The ways a question asks how two things differ, or which of two is preferred (question
#: grammar only: "what is the difference between X and Y", "X vs Y", "how is X different
#: from Y", "is X the same as Y", "how do X and Y differ", "compare (and contrast) X with
#: Y", "X compared with Y", "X preferred over Y", "is X better than Y"), each with whether
#: its first side is read backwards (from "vs": where it starts, the words before it say).
#: "Better", "safer" or "superior" compare only as a question asks it, at the start of a
#: clause ("Is ibuprofen safer than naproxen?"), not in a story ("I feel better than
#: yesterday", "My mother is doing better than before").
_COMPARED = tuple(
    (re.compile(pattern, _I), backwards)
    for pattern, backwards in (
        (
            rf"\bdifferen(?:ces?|t)\s+(?:between|of)\s+(?P<x>{_SIDE})\s+(?:and|&|vs\.?|versus)"
            rf"\s+(?P<y>{_SIDE}){_SIDE_END}",
            False,
        ),
        (
            rf"\bhow\s+(?:is|are|does|do)\s+(?P<x>{_SIDE})\s+(?:differ(?:ent)?|distinguished)"
            rf"\s+(?:from|than|to)\s+(?P<y>{_SIDE}){_SIDE_END}",
            False,
        ),
        (rf"\bhow\s+(?:do|does)\s+(?P<x>{_SIDE})\s+and\s+(?P<y>{_SIDE})\s+differ\b", False),
        (
            rf"\b(?:is|are)\s+(?P<x>{_SIDE})\s+(?:the\s+same(?:\s+thing)?\s+as|different\s+"
            rf"(?:from|than)|not\s+the\s+same\s+as)\s+(?P<y>{_SIDE}){_SIDE_END}",
            False,
        ),
        (
            rf"(?:^|[.?!;:,]\s*)(?:is|are)\s+(?P<x>{_SIDE})\s+(?:better|safer|superior)\s+"
            rf"(?:than|to)\s+(?P<y>{_SIDE}){_SIDE_END}",
            False,
        ),
        (rf"\bare\s+(?P<x>{_SIDE})\s+and\s+(?P<y>{_SIDE})\s+(?:the\s+same|different)\b", False),
        (
            rf"\bcompar(?:e|ing)\s+(?:and\s+contrast\s+)?(?P<x>{_SIDE})\s+(?:and|with|to|vs\.?|"
            rf"versus)\s+(?P<y>{_SIDE}){_SIDE_END}",
            False,
        ),
        (
            rf"(?P<x>{_BACK})\s+(?:vs\.?|versus|compared\s+(?:to|with)|preferred\s+(?:over|to))"
            rf"\s+(?P<y>{_SIDE}){_SIDE_END}",
            True,
        ),
    )
)
#: The longest side read, in words.
_SIDE_WORDS = 6


# -- two things taken together ---------------------------------------------------------------

#: Words that cannot be part of the name of the first thing a question on two things names:
#: "take my blood pressure at home with a cuff" names no two things taken together, nor
#: does "how much sodium should I eat a day with high blood pressure" (a span of time is
#: no thing taken).
_NOT_A_NAME = frozenset(
    "at for in to from during after before when if about day days week weeks month months "
    "year years night morning evening time times".split()
)
#: A name that points rather than names ("this medicine", "that"): no thing the library
#: could speak of.
_POINTING = frozenset("this that these those".split())
#: Where the second thing's name ends: as a side's (_SIDE_END), and before what says when,
#: where or for what ("ibuprofen with lisinopril at night", "... after surgery").
_THING_END = (
    r"(?=\s*[?.!,;:()/]|\s*$|\s-\s|\s+(?:in|for|when|if|regarding|among|during|at|after|before|"
    r"to|from|while|on)\b)"
)
#: A thing taken, drunk, eaten or used.
_TAKE = r"(?:take|taking|use|using|mix|mixing|combine|combining|drink|drinking|eat|eating)"
_ON = r"(?:(?:i'?m|i\s+am|you'?re|you\s+are|he\s+is|she\s+is|being)\s+)?(?:taking|on|using)"
_PEOPLE = (
    r"(?:an?\s+|the\s+)?(?:patients?|person|people|someone|adults?|child(?:ren)?|m[ae]n|"
    r"wom[ae]n)"
)
#: The ways a question asks whether two things may be taken together (question grammar
#: only: "can I take X with Y", "take X and Y together", "drink X while taking Y", "does X
#: interact with Y", "an interaction between X and Y", "can X be given to a patient on Y").
_TOGETHER = tuple(
    re.compile(pattern, _I)
    for pattern in (
        rf"\b{_TAKE}\s+(?P<x>{_SIDE})\s+with\s+(?P<y>{_SIDE}){_THING_END}",
        rf"\b{_TAKE}\s+(?P<x>{_SIDE})\s+and\s+(?P<y>{_SIDE})\s+(?:together|at\s+the\s+same\s+"
        r"time|at\s+once)\b",
        rf"\b(?:{_TAKE}|have|having)\s+(?P<x>{_SIDE})\s+while\s+{_ON}\s+(?P<y>{_SIDE}){_THING_END}",
        rf"\b(?:do|does|can|will|would)\s+(?P<x>{_SIDE})\s+interact\s+with\s+(?P<y>{_SIDE})"
        rf"{_THING_END}",
        rf"\binteractions?\s+(?:between|of)\s+(?P<x>{_SIDE})\s+(?:and|with)\s+(?P<y>{_SIDE})"
        rf"{_THING_END}",
        rf"\bcan\s+(?P<x>{_SIDE})\s+be\s+(?:given|taken|used|prescribed|combined)\s+(?:with|"
        rf"alongside|(?:to|in|for)\s+{_PEOPLE}\s+(?:who\s+(?:is|are)\s+)?{_ON})\s+"
        rf"(?P<y>{_SIDE}){_THING_END}",
    )
)


def together_sides(question: str) -> tuple[str, str] | None:
    """The two things a question asks whether to take together, as it names them
    ("alcohol" and "gabapentin" of "is it ok to drink alcohol while taking gabapentin"), or
    None where it asks of none. A side that holds a word no name holds ("my blood pressure
    at home") is no thing taken. English questions only."""
    question = " ".join(question.split())  # a run of spaces is one
    for pattern in _TOGETHER:
        found = pattern.search(question)
        if found is None:
            continue
        sides = _things(found.group("x"), found.group("y"))
        if sides is not None:
            return sides
    return None


def _things(x: str, y: str) -> tuple[str, str] | None:
    """The two things a question names, without the words around their names, or None
    where one names nothing, points rather than names ("this medicine"), or holds a word no
    name holds (_NOT_A_NAME: "What problems can diabetes cause over time?")."""
    x, y = (_side(text).strip("/-'’ ") for text in (x, y))
    if not x or not y or x.casefold() == y.casefold():
        return None
    if {x.split()[0].casefold(), y.split()[0].casefold()} & _POINTING:
        return None
    return None if {w.casefold() for w in f"{x} {y}".split()} & _NOT_A_NAME else (x, y)


# -- whether one thing causes another --------------------------------------------------------

#: The ways a question asks whether one thing causes another (question grammar only: "can
#: lupus cause hair loss", "does smoking cause bladder cancer", "can stress lead to high
#: blood pressure"), with the cause first.
_LINKED = re.compile(
    rf"\b(?:can|could|does|do|did|will|would|may|might)\s+(?P<x>{_SIDE})\s+(?:cause(?!\s+of\b)|"
    rf"lead\s+to|result\s+in|trigger|bring\s+on)\s+(?P<y>{_SIDE}){_THING_END}",
    _I,
)
#: Words that name no one thing caused: "can untreated strep throat lead to other
#: problems?" asks what it leads to (its complications), not whether it leads to one thing.
_NO_ONE_THING = frozenset("other any some more further".split())


def linked_sides(question: str) -> tuple[str, str] | None:
    """The cause and the effect a question asks about, as it names them ("lupus" and "hair
    loss" of "can lupus cause hair loss"), or None where it asks of no two ("what causes
    headaches", "can untreated strep throat lead to other problems", "does it make a
    difference"). English questions only."""
    found = _LINKED.search(" ".join(question.split()))
    if found is None:
        return None
    sides = _things(found.group("x"), found.group("y"))
    if sides is None or sides[1].split()[0].casefold() in _NO_ONE_THING:
        return None
    return sides


def compared_sides(question: str) -> tuple[str, str] | None:
    """The two things a question compares, as it names them ("cold" and "flu" of "what is
    the difference between a cold and the flu": without the words around a name), or None
    where it compares none. The whole message is read (a colon ends a side, so a subject
    line's side is its own: "Cold vs. flu: ..."). A side read backwards from "vs" starts
    after the last word that cannot be part of a name. Two things and a third ("a cold and
    flu and covid") are not two things compared. English questions only."""
    question = " ".join(question.split())  # a run of spaces is one
    for pattern, backwards in _COMPARED:
        found = pattern.search(question)
        if found is None:
            continue
        x, y = _side(found.group("x"), backwards), _side(found.group("y"))
        if x and y and x.casefold() != y.casefold():
            return x, y
    return None


def _side(text: str, backwards: bool = False) -> str:
    """One side of a question on two things (compared, taken together, one causing the
    other) without the words around its name, or "" where it names nothing (no word of
    three letters or more), is too long to be a name, or holds a third thing ("flu and
    covid")."""
    side = text.split()
    if backwards:
        breaks = [n for n, word in enumerate(side) if word.casefold() in _SIDE_BREAK]
        side = side[breaks[-1] + 1 :] if breaks else side
    while side and side[0].casefold() in _SIDE_BREAK:
        side = side[1:]
    named = any(len(word) >= 3 and word.casefold() not in _SIDE_BREAK for word in side)
    joined = any(word.casefold() in {"and", "or", "&"} for word in side)
    return " ".join(side) if named and not joined and len(side) <= _SIDE_WORDS else ""


@dataclass(frozen=True)
class Frame:
    """What the question asks, read into parts (docs/frame.md)."""

    topic: str | None  # the topic in the library's words (from the best matching title)
    topic_title: str | None  # that title
    focus: tuple[str, ...]  # the question's other core words, rarest first
    intent: str  # the kind of answer wanted (an INTENTS name, or "general")
    qualifiers: tuple[str, ...]  # who the patient is, as the question says
    corrections: tuple[Correction, ...] = ()  # typos corrected to library words
    uncovered: tuple[str, ...] = ()  # core words no passage of the library contains
    set_aside: tuple[str, ...] = ()  # unknown words only in the story around the question
    topic_docs: frozenset[str] = field(default=frozenset(), repr=False)
    #: every kind of answer the question asks for, `intent` first
    intents: tuple[str, ...] = ()
    #: narrower kinds of the topic the question does not ask about, named by the words a
    #: title puts before the topic's name ("juvenile amyotrophic lateral sclerosis" for a
    #: question on ALS: question_topic.narrower_kinds)
    narrower: tuple[str, ...] = ()
    #: the two things the question compares, as it names them (compared_sides)
    compared: tuple[str, ...] = ()
    #: the two things the question asks whether to take together (together_sides)
    together: tuple[str, ...] = ()
    #: the cause and the effect the question asks whether one brings about (linked_sides)
    linked: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "topic": self.topic,
            "topic_title": self.topic_title,
            "focus": list(self.focus),
            "intent": self.intent,
            "intents": list(self.intents or (self.intent,)),
            "qualifiers": list(self.qualifiers),
            "corrections": [
                {"written": c.written, "corrected": c.corrected} for c in self.corrections
            ],
            "uncovered": list(self.uncovered),
            "set_aside": list(self.set_aside),
            "narrower_kinds": list(self.narrower),
            "compared": list(self.compared),
            "together": list(self.together),
            "linked": list(self.linked),
        }
