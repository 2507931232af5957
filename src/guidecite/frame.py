"""The question's clinical frame: its topic, what it asks about, what kind of answer it wants,
and for whom.

- **Topic**: the condition or subject, named as the library's titles name it (topics.py).
- **Focus**: the question's other rare words: the test, result, drug, procedure or value
  asked about ("neuron-specific enolase" in a question on neuroendocrine tumours).
- **Intent**: the kind of answer wanted (what to do, a dose, an interval, which test, what a
  result means, outlook, cause, a definition ...), read from the grammar of the question,
  and the cues by which a statement or its section offers that kind of answer.
- **Qualifiers**: age group, sex, pregnancy, kidney or liver function, stated in the
  question; a statement about a population the question excludes is not evidence for it.
- **Asked and told**: in a long consumer message, the subject line and the sentences that
  ask carry the question; the rest (greetings, the story around it) weighs less.

The cue words here are about how questions are asked, how guidelines are organised and who
a patient is, never clinical facts: what the answer is comes only from the library.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .analysis import terms, words
from .i18n import N_
from .wording import Correction

_I = re.IGNORECASE


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")", _I)


_MEASURE = (
    r"(?:%|ppb|ppm|mg/d[lL]|mmol/[lL]|[µu]mol|ng/m[lL]|pg/m[lL]|g/d[lL]|mm ?hg|bpm|kg/m2|"
    r"units?/[lL]|[lL]/min|cm|mm)"
)
_UNIT_TIME = r"(?:seconds?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|wk|months?|years?|yrs?)"


@dataclass(frozen=True)
class Intent:
    name: str
    label: str  # the article title's first word: "Management of ...", "Dosing of ..."
    asks: re.Pattern[str]  # the question asks for this kind of answer
    answers: re.Pattern[str]  # a statement, or its section's headings, offers it
    #: Words passages giving this kind of answer are written in ("treatment", "recommended"
    #: for what to do), searched with a low weight: the vocabulary of guidelines, not facts.
    written_in: tuple[str, ...] = ()


#: In order of precedence: a question asking "what dose" and "what to do" wants the dose.
INTENTS: tuple[Intent, ...] = (
    Intent(
        "dose",
        "Dosing",
        _any(
            r"dose",
            r"doses",
            r"dosing",
            r"dosage",
            r"how much",
            r"how many mg",
            r"dosis",
            r"qu[eé] cantidad",
        ),
        re.compile(
            r"\b\d+(?:[.,]\d+)?\s*(?:-|to|–)?\s*\d*(?:[.,]\d+)?\s*"
            r"(?:mg|g|mcg|µg|μg|ug|units?|iu|ml|mmol|meq|mg/kg|ml/kg|mg/m2)\b"
            r"(?!/(?:dl|l|ml)\b)|"  # a concentration (40 mg/dL) is a result, not a dose
            r"\b(?:\d+|one|two|three|four|five|six|single)[- ](?:doses?|shots?|injections?)\b",
            _I,
        ),
        ("dose", "dosage"),
    ),
    Intent(
        "timing",
        "Timing",
        _any(
            r"how (?:long|soon|quickly|often|frequently)",
            r"what age",
            r"at what (?:age|time|point)",
            r"how many (?:days|weeks|months|years|hours|doses)",
            r"what (?:interval|schedule|spacing|timing)",
            r"interval",
            r"when (?:should|to|do|does|is|can|will)",
            r"(?:what|which) [\w-]*\s*time\b",
            r"time should",
            r"delay",
            r"duration",
            r"for how long",
            r"cu[aá]ndo",
            r"qu[eé] edad(?:es)?",
            r"cada cu[aá]nto",
            r"cu[aá]nto tiempo",
            r"con qu[eé] frecuencia",
        ),
        re.compile(
            rf"\b\d+(?:[.,]\d+)?\s*(?:-|to|–)?\s*\d*\s*{_UNIT_TIME}\b|\bwithin\b|\bevery\b|"
            r"\bannual|\bdaily\b|\bmonthly\b|\bweekly\b|\binterval|\buntil\b|\bonce\b|"
            r"\bage[sd]?\s+\d",
            _I,
        ),
        ("interval", "weeks", "months"),
    ),
    Intent(
        "threshold",
        "Thresholds",
        _any(
            r"what (?:level|value|score|range|target)",
            r"which level",
            r"threshold",
            r"cut-?off",
            r"targets?\b",  # not "targeted therapy"
            r"how (?:high|low)",
        ),
        re.compile(
            rf"[<>≤≥]\s*\d|\d[\d.,]*\s*{_MEASURE}|"
            r"\bor (?:more|less|higher|lower|above|below|greater)\b|"
            r"\b(?:above|below|greater than|less than|at least|more than|exceed\w*|under|over)"
            # a value, not a count of things ("at least 2 other tests")
            rf"\s+\d[\d.,]*(?:\s*{_MEASURE}|(?![\d.,]*\s*[a-z]))",
            re.IGNORECASE,
        ),
        ("threshold", "target"),
    ),
    Intent(
        "contraindication",
        "Cautions",
        _any(
            r"contraindicat",
            r"safe\b",
            r"safety",
            r"interact",
            r"avoid",
            r"side[- ]?(?:effects?|affects?)",  # "side affects": a slip no corrector mends
        ),
        _any(
            r"side[- ]?effects?",
            r"contraindicat",
            r"avoid",
            r"should not",
            r"not recommend",
            r"caution",
            r"safe",
            r"interact",
            r"risk of",
            r"adverse",
        ),
        ("contraindicated", "avoid", "caution"),
    ),
    Intent(
        "monitoring",
        "Monitoring",
        _any(
            r"surveillance",
            r"monitor",
            r"follow-?up",
            r"check-?ups?",
            r"recheck",
            r"screen"
            r"ing interval",
        ),
        _any(
            r"surveillance",
            r"monitor",
            r"follow-?up",
            r"every",
            r"interval",
            r"annual",
            r"repeat",
            r"recheck",
        ),
        ("follow-up", "surveillance", "monitoring"),
    ),
    Intent(
        "management",
        "Management",
        _any(
            r"treat",
            r"therap",
            r"manag",
            r"course of action",
            r"next step",
            r"what to do",
            r"what (?:should|can|do|must) (?:i|we|you|he|she|they|one)",
            r"how (?:to|do you|should we|should i) (?:go about|handle|deal|proceed|approach)",
            r"options?",
            r"first[- ]line",
            r"second[- ]line",
            r"medications?",
            r"medicines?",
            r"drugs?",
            r"cure",
            r"acceptable",
            r"appropriate",
            r"approved\b",
            r"ok(?:ay)? to",
            r"can (?:i|we|you|he|she) (?:just )?(?:start|give|use|take|stop|switch|continue)",
            r"work(?:s)? (?:well|for)",
            r"effective",
            r"approach",
            r"recommend",
            r"give",
            r"help (?:him|her|me|them|us|with)",
            r"lower",
            r"reduce",
            r"control",
            r"trat(?:a|an|ar|amiento|amientos)\b",
            r"medicamentos?",
            r"f[aá]rmacos?",
            r"what do(?:es)? (?:the )?[\w/ -]{0,40}(?:guidelines?|recommendations?) say",
            r"qu[eé] hacer",
            r"manejo",
            r"recomienda",
            r"se debe",
            r"relie(?:f|ve)",
            r"surgery",
            r"should (?:i|we|he|she|they)",
            r"get rid of",
        ),
        _any(
            r"treat",
            r"therap",
            r"manag",
            r"recommend",
            r"should",
            r"initiat",
            r"start",
            r"administ",
            r"medication",
            r"medicines?\b",
            r"drug",
            r"surg",
            r"resect",
            r"first-line",
            r"prescri",
            r"indicated",
            r"option",
            r"regimen",
            r"consider(?!ation|abl|ed\b)",  # not "special consideration", "is considered a"
            r"be considered",
            r"offer",
            r"cur(?:e|es|ed|able|ative)\b",  # "there is no cure": asked for a cure
        ),
        ("treatment", "recommended", "therapy", "management"),
    ),
    Intent(
        "test",
        "Testing",
        _any(
            r"which test",
            r"what test",
            r"tests?\b",
            r"testing",
            r"diagnos",
            r"screen",
            r"how (?:do|can|would|will) (?:you|i|we|they|doctors) (?:know|tell|find)",
            r"detect",
            r"confirm",
            r"prueba",
            r"diagn[oó]stic",
            r"detectar",
            r"work-?up",
            r"imaging",
            r"scan",
            r"evaluat",
        ),
        _any(
            r"diagnos",
            r"test",
            r"screen",
            r"imaging",
            r"measur",
            r"assay",
            r"biops",
            r"scan",
            r"evaluat",
            r"detect",
            r"level",
            r"marker",
            r"exam",
        ),
        ("test", "diagnosis", "imaging"),
    ),
    Intent(
        "interpretation",
        "Interpretation",
        _any(
            r"mean(?:s|ing)?\b",
            r"interpret",
            r"elevated",
            r"raised",
            r"abnormal",
            r"positive",
            r"negative",
            r"high(?:er)? (?:level|result|value|reading)",
            r"low(?:er)? (?:level|result)",
        ),
        _any(
            r"elevat",
            r"rais",
            r"increas",
            r"decreas",
            r"abnormal",
            r"indicat",
            r"suggest",
            r"associated",
            r"level",
            r"marker",
            r"normal",
            r"sensitiv",
            r"specific",
        ),
        ("elevated", "levels", "marker"),
    ),
    Intent(
        "prognosis",
        "Outlook",
        _any(
            r"prognos",
            r"outlook",
            r"life expectancy",
            r"surviv",
            r"live (?:long|with)",
            r"how long .{0,30} live",
            r"dangerous",
            r"fatal",
            r"curable",
            r"serious",
            r"recover",
            r"get better",
            r"live normal",
            r"progress(?!ive)",  # not "Progressive supranuclear palsy"
        ),
        _any(
            r"prognos",
            r"outlook",
            r"surviv",
            r"life expectancy",
            r"mortality",
            r"fatal",
            r"cure",
            r"recover",
            r"progress(?!ive)",
        ),
        ("prognosis", "survival", "outlook"),
    ),
    Intent(
        "cause",
        "Causes",
        _any(
            r"caus",
            r"why",
            r"how (?:did|do|does|can) (?:i|you|we|he|she|they|one) get(?! rid\b)",
            r"risk factors?",
            r"trigger",
            r"etiolog",
            r"aetiolog",
            r"lead to",
        ),
        _any(r"caus", r"risk factor", r"due to", r"result(?:s|ing)? (?:from|in)", r"trigger"),
        ("causes", "caused"),
    ),
    Intent(
        "risk",
        "Risk",
        # not "high-risk disease": a compound that grades the patient does not ask the risk
        _any(r"(?<!-)risk", r"chances?", r"likel", r"odds", r"more likely", r"prone"),
        _any(r"risk", r"chance", r"likel", r"increas", r"odds"),
        ("risk",),
    ),
    Intent(
        "symptoms",
        "Signs and symptoms",
        _any(
            r"symptoms?",
            r"signs?",
            r"feel(?:s|ing)? like",  # not "any literature you feel I could use"
            r"how (?:does|do|will|would|should) [\w ]{0,30}feel",
            r"experience",
            r"presentation",
            r"look like",
        ),
        _any(r"symptom", r"sign", r"present", r"feel", r"experienc"),
        ("symptoms", "signs"),
    ),
    Intent(
        "inheritance",
        "Inheritance",
        _any(
            r"inherit",
            r"hereditar",
            r"passed (?:down|on)",
            r"genetic",
            r"genes?\b",
            r"run(?:s)? in (?:the |my |our )?famil",
            r"offspring",
            r"children (?:have|get)",
            r"chromosom",
        ),
        _any(
            r"inherit",
            r"hereditar",
            r"autosomal",
            r"x-linked",
            r"passed",
            r"famil",
            r"de novo",
            r"carriers?\b",
            r"offspring",
            r"maternal",
            r"paternal",
            r"recurrence",
        ),
        ("inherited", "genetic"),
    ),
    Intent(
        "prevention",
        "Prevention",
        _any(r"prevent", r"avoid getting", r"reduce (?:the |my )?risk", r"protect"),
        _any(r"prevent", r"reduc", r"protect", r"vaccin", r"avoid"),
        ("prevention", "prevent"),
    ),
    Intent(
        "definition",
        "Overview",
        _any(
            r"what (?:is|are)",
            r"what does .{1,40} mean",
            r"information",
            r"info\b",
            r"learn",
            r"literature",
            r"tell me about",
            r"know about",
            r"explain",
            r"overview",
            r"resources?",
            r"send me",
            r"research",
            r"qu[eé] es",
            r"informaci[oó]n",
        ),
        _any(
            r"what (?:is|are)",
            r"overview",
            r"introduction",
            r"definition",
            r"description",
            r"general information",
            r"summary",
            r"about",
        ),
    ),
)
_BY_NAME = {intent.name: intent for intent in INTENTS}
GENERAL = Intent("general", "Overview", re.compile(r"(?!)"), INTENTS[-1].answers)

# -- what an article says of how its question was read -------------------------------------

#: Kept in English in the answer, put in the reader's language when it is shown
#: (render._common.localized); the words in them (the question's, the library's) stay.
READ_AS = N_("Read %(corrections)s.")
CORRECTION = N_("'%(written)s' as '%(corrected)s'")
NEVER_MENTIONED = N_(
    "The library never mentions %(words)s: this article answers only the rest of the question."
)
NOT_ANSWERED_ON = N_(
    "No statement in the library answers this kind of question (%(kind)s) directly; "
    "below is what it holds on %(topic)s."
)
NOT_ANSWERED = N_(
    "No statement in the library answers this kind of question (%(kind)s) directly; "
    "below is what it holds."
)
#: Where no passage on the topic says more than the topic's own name, the article is what
#: the library holds on the topic itself, and says so.
ONLY_THE_TOPIC = N_(
    "No statement in the library says what the question asks about %(topic)s; below is what "
    "it holds on the topic itself."
)
#: In the order they are translated: a message before any that can be part of it.
READING_NOTICES = (
    READ_AS,
    CORRECTION,
    NEVER_MENTIONED,
    NOT_ANSWERED_ON,
    NOT_ANSWERED,
    ONLY_THE_TOPIC,
)
#: The kinds of question a notice can say went unanswered (the intents' labels, lower case).
UNANSWERED_KINDS = (N_("dosing"), N_("timing"), N_("thresholds"), N_("management"))

#: Why the library cannot answer a question (evidence.py, answer.py), translated where shown.
NO_MATCH = N_("no passage of the library matches the question")
NEVER_MENTIONS = N_("the library never mentions %(words)s")
NOT_ABOUT = N_("no passage found is about %(topic)s")
KIND_UNMENTIONED = N_("no passage found on %(topic)s mentions %(kind)s")
FOCUS_UNMENTIONED = N_("no title names the topic and no passage found mentions %(focus)s")
LOW_COVERAGE = N_("the best passages cover only %(share)s of the question's terms")
NOTHING_SAID = N_(
    "the passages found on %(topic)s state nothing on what the question asks beyond naming "
    "its topic"
)
DECLINE_REASONS = (
    NO_MATCH,
    NEVER_MENTIONS,
    KIND_UNMENTIONED,
    NOT_ABOUT,
    FOCUS_UNMENTIONED,
    LOW_COVERAGE,
    NOTHING_SAID,
)
#: The notice of a declined answer, holding one of the reasons.
DECLINED = N_("The library holds no evidence that answers this question: %(reason)s.")


#: A diagnosis the patient already has describes them; it does not ask for a test
#: ("Newly diagnosed obstructive sleep apnoea - what initial therapy?").
_DIAGNOSED = re.compile(
    r"\b(?:newly|recently|just|been|was|were|being|i'?m|am|not|un)[ -]?diagnos\w*|"
    r"\bdiagnosed\s+(?:with|as|at)\b|\b(?:has|have|had|with) an? diagnosis of\b|"
    r"\b(?:acaban? de|me|le|nos|fue|ha sido|han|hemos)\s+diagnostic\w*|\bdiagnosticad[oa]s?\b",
    _I,
)


def intents_of(question: str) -> tuple[Intent, ...]:
    """The kinds of answer the question asks for, the one that takes precedence first."""
    question = _DIAGNOSED.sub(" ", question)
    found = tuple(intent for intent in INTENTS if intent.asks.search(question))
    specific = tuple(intent for intent in found if intent.name != "definition")
    return _with_workup(specific, question) or found or (GENERAL,)


def _with_workup(intents: tuple[Intent, ...], question: str) -> tuple[Intent, ...]:
    """Asked what to do about a result ("a mildly raised NSE: the best course of action?"),
    a further test is a course of action: the question asks for tests too, right after what
    to do. A result is a word of its own ("raised"), not part of a compound that names a kind
    of disease ("HER2-positive")."""
    names = [intent.name for intent in intents]
    if "test" in names or not {"management", "interpretation"} <= set(names):
        return intents
    if not any(_is_result(question, m) for m in _BY_NAME["interpretation"].asks.finditer(question)):
        return intents
    after = names.index("management") + 1
    return (*intents[:after], _BY_NAME["test"], *intents[after:])


#: Words naming people: a result word just before one describes them ("HIV positive
#: women"), it is not a result asked about.
_PEOPLE = _any(r"patients?\b", r"people\b", r"persons?\b", r"individuals?\b")


def _is_result(question: str, found: re.Match[str]) -> bool:
    """Whether a word of a result ("raised", "positive") is a result asked about: not part
    of a compound naming a kind of disease ("HER2-positive") nor a description of people
    ("HIV positive transgender women")."""
    if found.start() > 0 and question[found.start() - 1] == "-":
        return False
    following = question[found.end() :].split()[:3]
    return not any(
        _PEOPLE.match(w) or _MALE.match(w) or _FEMALE.match(w) or pattern.match(w)
        for w in following
        for pattern in POPULATIONS.values()
    )


def workup_asked(intents: Sequence[str]) -> bool:
    """Whether the question asks what to do about a result, so that a test answers it
    (_with_workup)."""
    return (
        bool(intents) and intents[0] == "management" and {"test", "interpretation"} <= set(intents)
    )


def intents_of_message(message: str) -> tuple[Intent, ...]:
    """The kinds of answer a message asks for: those its subject line names first
    ("prevention of preeclampsia: ... the causes ... how to minimise the chances"), then
    those of its asking parts in their precedence."""
    head, _ = question_parts(message)
    named = [i for i in intents_of(head) if i.name not in {"definition", "general"}] if head else []
    return tuple(dict.fromkeys((*named, *intents_of(asked_parts(message)))))


def intent_named(name: str) -> Intent:
    return _BY_NAME.get(name, GENERAL)


# -- who the patient is --------------------------------------------------------------------

#: Groups a statement or question can be about, by the words that name them.
POPULATIONS: dict[str, re.Pattern[str]] = {
    "child": _any(
        r"child",
        r"kids?\b",
        r"infan",
        r"bab(?:y|ies)",
        r"toddler",
        r"newborn",
        r"neonat",
        r"pediatric",
        r"paediatric",
        r"adolescen",
        r"teen",
        r"juvenile",
    ),
    "adult": _any(r"adults?\b", r"wom[ae]n\b", r"men\b"),
    "older adult": _any(
        r"elderly", r"older (?:adult|people|person|patient|men|women)", r"geriatric"
    ),
    "pregnancy": _any(
        r"pregnan",
        r"breast-?feed",
        r"lactat",
        r"postpartum",
        r"gestation",
        r"perinatal",
        r"antenatal",
        r"prenatal",
        r"obstetric",
    ),
}
_AGE = re.compile(
    r"\b(\d{1,3})\s*-?\s*(?:years?|yrs?|y)[\s-]*(?:-\s*)?old\b|\baged?\s+(\d{1,3})\b|"
    # "He is 83 now", "I'm 56", "my son is 24": a bare number said of the patient
    r"(?:\b(?:i|he|she|who|son|daughter|father|mother|dad|mom|wife|husband|brother|sister|"
    r"child|baby|patient)\s+(?:is|am|was)|\bi'?m)\s+(\d{1,3})\b"
    r"(?!\s*(?:%|kg|lbs?|pounds?|stones?|cm|mm|inch|feet|foot|ft|months?|mos?|weeks?|wks?|"
    r"days?|hours?|hrs?|times|mg|ml|[.,/]\d))",
    _I,
)
_MALE = _any(r"man\b", r"men\b", r"males?\b", r"boys?\b")
_FEMALE = _any(r"woman\b", r"women\b", r"females?\b", r"girls?\b")
_RELATIVE = _any(
    r"(?:grand)?(?:father|mother|son|daughter|parent|child)s?\b",
    r"dad",
    r"mom",
    r"mum",
    r"husband",
    r"wife",
    r"brother",
    r"sister",
    r"cousin",
    r"friend",
    r"aunt",
    r"uncle",
)
_KIDNEY = _any(r"kidney", r"renal", r"ckd\b", r"e?gfr\b", r"dialysis", r"creatinine clearance")
_LIVER = _any(
    r"hepatic (?:impairment|function|failure)",
    r"liver (?:disease|function|failure)",
    r"cirrhosis",
    r"child-pugh",
)
OLDER_AGE = 65
ADULT_AGE = 18
#: An age in months, weeks or days ("16 month old", "3-week-old") is a child's.
_YOUNG_AGE = re.compile(
    r"\b\d{1,2}\s*-?\s*(?:months?|mos?|weeks?|wks?|days?)[\s-]*(?:-\s*)?old\b", _I
)
_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
#: An age written in words ("five years old", "eighty-three years old"), as digits.
_NUMBER_WORDS = {
    **{word: n for n, word in enumerate(_UNITS, 1)},
    **{word: n for n, word in enumerate(_TEENS, 10)},
    **{
        f"{ten}{joint}{unit}": 10 * t + u
        for t, ten in enumerate(_TENS, 2)
        for u, unit in enumerate(("", *_UNITS))
        for joint in ((" ", "-") if unit else ("",))
    },
}
_IN_WORDS = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _NUMBER_WORDS), key=len, reverse=True)) + r")\b", _I
)


def ages_in(question: str) -> list[int]:
    """The ages in years a question states, in digits or in words."""
    digits = _IN_WORDS.sub(lambda m: str(_NUMBER_WORDS[m.group().lower()]), question)
    return [int(a or b or c) for a, b, c in _AGE.findall(digits)]


def qualifiers_of(question: str) -> tuple[str, ...]:
    """Who the question is about, as far as it says: age group, sex, pregnancy, kidney or
    liver function, and how severe the condition is (mild, moderate, severe)."""
    found: list[str] = []
    ages = ages_in(question)
    if ages:
        age = ages[0]
        found.append("child" if age < ADULT_AGE else "older adult" if age >= OLDER_AGE else "adult")
    elif _YOUNG_AGE.search(question):
        found.append("child")
    for group in ("child", "older adult", "adult", "pregnancy"):
        if group not in found and POPULATIONS[group].search(question):
            found.append(group)
    if _MALE.search(question):
        found.append("male")
    elif _FEMALE.search(question):
        found.append("female")
    if _KIDNEY.search(question):
        found.append("kidney function")
    if _LIVER.search(question):
        found.append("liver function")
    for levels, _ in severities_of(question):
        found.extend(level for level in SEVERITIES if level in levels and level not in found)
    return tuple(found)


#: Degrees of a condition, mildest first: a range ("moderate to severe") holds those between.
SEVERITIES = ("mild", "moderate", "severe")
_DEGREE = r"(mild|moderate|severe)"
_SEVERITY = re.compile(
    rf"\b{_DEGREE}(?:\s*(?:-|/|to|or|and)\s*{_DEGREE})?\b((?:[\s-]+[^\W\d_][\w'-]*){{1,3}})", _I
)


def severities_of(text: str) -> list[tuple[frozenset[str], frozenset[str]]]:
    """Each degree a text names ("mild", "moderate to severe"), with the words it qualifies
    (the next few, as stems: "mild intermittent asthma" -> intermitt, asthma)."""
    found = []
    for match in _SEVERITY.finditer(text):
        first = SEVERITIES.index(match.group(1).lower())
        last = SEVERITIES.index((match.group(2) or match.group(1)).lower())
        low, high = sorted((first, last))
        found.append((frozenset(SEVERITIES[low : high + 1]), frozenset(terms(match.group(3)))))
    return found


def other_severity(text: str, question: str) -> str | None:
    """The degree of the question's condition a statement is about when it is another one
    ("severe asthma" for a question on mild asthma), or None."""
    asked = severities_of(question)
    if not asked:
        return None
    for levels, qualified in severities_of(text):
        for asked_levels, asked_words in asked:
            if qualified & asked_words and not levels & asked_levels:
                return f"{'/'.join(sorted(levels, key=SEVERITIES.index))} disease"
    return None


#: The line of therapy: the first treatment of a condition, or one after it has come back or
#: resisted treatment ("recurrent" is left out: "recurrent UTIs" is a kind of condition).
_FIRST_LINE = _any(
    r"first[- ]line",
    r"front[- ]?line",
    r"initial (?:therapy|treatment)",
    r"newly diagnosed",
    r"untreated",  # "previously untreated" too
    r"treatment[- ]na[iï]ve",
)
_LATER_LINE = _any(
    r"relaps(?:e|ed|es|ing)\b",
    r"refractory",
    r"(?:second|third)[- ]line",
    r"salvage",
)


def other_line(text: str, question: str) -> str | None:
    """The line of therapy a statement is about when the question asks for the first one
    and the statement is about a later one only ("Patients ... who have a relapse after the
    first course of cladribine ..." for "the standard first-line regimen"), or None. A
    question on a relapse is not read the other way round: what holds first may hold
    again."""
    if not _FIRST_LINE.search(question) or _LATER_LINE.search(question):
        return None
    if _LATER_LINE.search(text) and not _FIRST_LINE.search(text):
        return "relapsed or refractory disease"
    return None


#: A kind of a condition set apart by "non": "non-muscle-invasive bladder cancer",
#: "non-small cell lung cancer", "non-ST-elevation myocardial infarction": the words after
#: "non" and the word they qualify.
_NON_KIND = re.compile(r"\bnon(?:-|\s+)([^\W\d_]\w*(?:-[^\W\d_]\w*)*)[\s-]+([^\W\d_][\w'-]*)", _I)


def other_kind(text: str, question: str) -> str | None:
    """The kind of the question's condition a statement is about when it is the one the
    question sets apart by "non" ("muscle-invasive bladder cancer" for a question on
    non-muscle-invasive disease), or the other way round; None when the statement also
    names the question's kind (a comparison), or neither."""
    if not (_NON_KIND.search(question) or _NON_KIND.search(text)):
        return None
    said, asked = words(text), words(question)
    for match in _NON_KIND.finditer(question):
        kind = [*words(match.group(1)), *words(match.group(2))[:1]]
        plain, negated = _names_kind(said, kind)
        if plain and not negated:
            return f"{match.group(1)} {match.group(2)}"
    for match in _NON_KIND.finditer(text):
        kind = [*words(match.group(1)), *words(match.group(2))[:1]]
        asked_plain, asked_negated = _names_kind(asked, kind)
        said_plain, _ = _names_kind(said, kind)
        if asked_plain and not asked_negated and not said_plain:
            return f"non-{match.group(1)} {match.group(2)}"
    return None


def _names_kind(said: Sequence[str], kind: Sequence[str]) -> tuple[bool, bool]:
    """Whether a text (as words) names a kind plainly, and whether it names it after "non"."""
    plain = negated = False
    for i in range(len(said) - len(kind) + 1):
        if list(said[i : i + len(kind)]) == list(kind):
            if i > 0 and said[i - 1] == "non":
                negated = True
            else:
                plain = True
    return plain, negated


def populations_of(text: str) -> set[str]:
    return {group for group, pattern in POPULATIONS.items() if pattern.search(text)}


#: The words a statement opens with when it is said for a group: "In children and
#: adolescents, ...", "For pregnant women with ...", "Children with ... should".
_SAID_FOR = re.compile(r"^(?:(?:in|for|among|amongst)\s+)?(?P<head>(?:[\w'-]+\s+){0,3}[\w'-]+)", _I)


def said_for(text: str) -> set[str]:
    """The groups a statement is said for by its opening words (not those it mentions on
    the way: "characterized by sparse hair in infancy" is said of everyone with it)."""
    opening = _SAID_FOR.match(text)
    return populations_of(opening.group("head")) if opening else set()


_NEGATED = re.compile(
    r"\b(?:without|w/o|except|besides|other than|instead of|apart from|rather than|"
    r"sin|excepto|salvo)\s+((?:[\w'-]+\s+){0,2}[\w'-]+)",
    re.IGNORECASE,
)


def negated_words(question: str) -> set[str]:
    """Words the question sets aside ("without pills", "sin anticoagulación"): up to three
    words after a word of exclusion. What a question excludes is not its topic."""
    return {w.casefold() for m in _NEGATED.finditer(question) for w in m.group(1).split()}


def names_patient(word: str) -> bool:
    """Whether a question word says who the patient is (age, sex, a relative)."""
    return bool(
        _AGE.search(word) or _MALE.search(word) or _FEMALE.search(word) or _RELATIVE.search(word)
    )


def names_no_focus(word: str) -> bool:
    """Whether a question word names who the patient is or the kind of answer wanted,
    rather than what the question is about."""
    if _AGE.search(word) or _MALE.search(word) or _FEMALE.search(word) or _RELATIVE.search(word):
        return True
    return any(pattern.match(word) for pattern in POPULATIONS.values()) or any(
        intent.asks.match(word) for intent in INTENTS
    )


def excluded_population(text: str, qualifiers: Sequence[str]) -> str | None:
    """The population a statement is about that the question's patient is not in, if any:
    pregnancy for a man, an older adult or a child; children for an adult; adults or older
    adults for a child."""
    groups = populations_of(text)
    if not qualifiers:
        return None
    if "male" in qualifiers and _FEMALE.search(text) and not _MALE.search(text):
        return "female"
    if "female" in qualifiers and _MALE.search(text) and not _FEMALE.search(text):
        return "male"
    ages = {q for q in qualifiers if q in ("child", "adult", "older adult")}
    excludes_pregnancy = "male" in qualifiers or ages & {"child", "older adult"}
    if "pregnancy" in groups and "pregnancy" not in qualifiers and excludes_pregnancy:
        return "pregnancy"
    about_ages = groups & {"child", "adult", "older adult"}
    if ages and about_ages and not about_ages & ages:
        if ages == {"older adult"} and "adult" in about_ages:
            return None  # what holds for adults holds for older adults
        return sorted(about_ages)[0]
    return None


# -- asked and told ------------------------------------------------------------------------

_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")
_CLAUSE = re.compile(r"(?<=[.!?;])\s+|\n+|\s+-\s+")
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
    r"should|would|will|has|have|please|pls|kindly|i (?:want|would like|need|wonder|am "
    r"(?:looking|wondering|asking|trying))|i'm (?:looking|wondering|asking)|need|looking for|"
    r"any\b|tell me|send me|help|info|advice|suggest)",
    _I,
)


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


def asking_clauses(question: str) -> str:
    """The clauses of a message that ask (a question mark, or an asking opening), the
    subject line and the story left out; the whole message when none does. An unknown word
    here is the question's own; elsewhere it only sets the scene."""
    head, _ = question_parts(question)
    body = question[len(head) :].lstrip(" :.") if head and question.startswith(head) else question
    clauses = [c for c in _CLAUSE.split(body) if c.strip()]
    asking = [c for c in clauses if _ASKING.search(c)]
    return " ".join(asking) if asking else body


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
        }
