"""Who the patient is, as a question says it, and whom a statement is about.

- **Populations**: children, adults, older adults, pregnancy, by the words that name them;
  ages in digits or in words ("70-year-old", "eighty-three years old", "I'm 56").
- **Qualifiers** (`qualifiers_of`): a question's age group, sex, pregnancy, kidney or liver
  function, how severe the condition is, and where care is given (`settings_of`).
- **Statements for others**: a statement about a population the question excludes
  (`excluded_population`), said for a narrower group (`said_for`), about another severity,
  line of therapy or kind of the condition (`other_severity`, `other_line`, `other_kind`).

The cue words here are about who a patient is and how guidelines are organised, never
clinical facts (frame.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from functools import lru_cache

from .abbreviations import may_stand_for
from .analysis import common_in_english, terms, words

_I = re.IGNORECASE


def cue(*patterns: str) -> re.Pattern[str]:
    """A pattern matching any of the cue words (regular expressions) where a word starts."""
    return re.compile(r"\b(?:" + "|".join(patterns) + r")", _I)


#: Groups a statement or question can be about, by the words that name them.
POPULATIONS: dict[str, re.Pattern[str]] = {
    "child": cue(
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
    "adult": cue(r"adults?\b", r"wom[ae]n\b", r"men\b"),
    "older adult": cue(
        r"elderly", r"older (?:adult|people|person|patient|men|women)", r"geriatric"
    ),
    "pregnancy": cue(
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
MALE = cue(r"man\b", r"men\b", r"males?\b", r"boys?\b")
FEMALE = cue(r"woman\b", r"women\b", r"females?\b", r"girls?\b")
_RELATIVE = cue(
    r"(?:grand)?(?:father|mother|son|daughter|parent|child)s?\b",
    # whole words: "mumps" is no mum, nor "moment" a mom
    r"dad(?:dy|s)?\b",
    r"mom(?:my|s)?\b",
    r"mum(?:my|s)?\b",
    r"husbands?\b",
    r"wi(?:fe|ves)\b",
    r"brothers?\b",
    r"sisters?\b",
    r"cousins?\b",
    r"friends?\b",
    r"aunts?\b",
    r"uncles?\b",
)
_KIDNEY = cue(r"kidney", r"renal", r"ckd\b", r"e?gfr\b", r"dialysis", r"creatinine clearance")
_LIVER = cue(
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


#: Words for the asker's children: "my daughter has Menkes syndrome" may be about a child.
_OFFSPRING = cue(r"sons?\b", r"daughters?\b")


def may_be_child(question: str) -> bool:
    """Whether the question's patient may be a child though it does not say so: someone's
    son or daughter of no stated age. (Not a qualifier: the daughter may be grown up.)"""
    return bool(_OFFSPRING.search(question)) and not ages_in(question)


#: The asker's parent, grandparent or spouse, as the question names them ("my dad", "My
#: mother-in-law", "her husband"): a grown-up, whatever their age.
_GROWN_RELATIVE = re.compile(
    r"\b(?:my|his|her|our|their)\s+(?:[\w'-]+\s+)?(?:great-?)?(?:grand)?"
    r"(?:father|dad|daddy|mother|mom|mommy|mum|mummy|parents?|husband|wife|spouse)"
    r"(?:-in-law)?s?\b",
    _I,
)
#: Words for descendants: a question on them ("can CDH be passed down to future
#: generations?") may be about a child though it names the asker's spouse.
_DESCENDANTS = cue(r"sons?\b", r"daughters?\b", r"(?:grand)?child", r"generations?\b")
#: A patient who is not a child though of no stated age: the asker's parent or spouse.
NOT_A_CHILD = "not a child"


#: The asker speaking of themselves: "how much tylenol can i take", "my eyes are red".
_SELF = re.compile(
    r"\b(?:my|myself|i'm|i've|i am|i have|i had|i get|i got|i keep|i feel|i take|i took|"
    r"i was|i need|i noticed|i notice|(?:can|could|should|do|did|am|will|would|may|must) i)\b",
    _I,
)
#: Anyone else a question may be about: "he", "my friend", "a patient".
_SOMEONE_ELSE = re.compile(
    r"\b(?:he|she|him|his|her|hers|brother|sister|sibling|friend|partner|boyfriend|"
    r"girlfriend|fianc\w*|patients?|client|someone|somebody|relative|nephew|niece|cousin|"
    r"neighbou?r|uncle|aunt|student|pupil|boy|girl)\b",
    _I,
)


def not_a_child(question: str) -> bool:
    """Whether the question's patient is a grown-up of no stated age: it names the asker's
    parent, grandparent or spouse ("my dad has hepatitis b ..."), or the asker speaks of
    themselves and of no one else ("how much tylenol can i take in a day"), and it names
    no child, descendant or age, so statements about children are about others."""
    grown = _GROWN_RELATIVE.search(question) is not None or (
        _SELF.search(question) is not None
        and _SOMEONE_ELSE.search(question) is None
        # a group named says who the patient is ("in an adult - should I ...", "I am 6
        # weeks pregnant")
        and not any(names_group(group, question) for group in POPULATIONS.values())
    )
    return (
        grown
        and not names_group(POPULATIONS["child"], question)
        and not _DESCENDANTS.search(question)
        and not ages_in(question)
        and not _YOUNG_AGE.search(question)
    )


#: A patient said not to be pregnant ("I am 40 and not pregnant", "non-pregnant women").
NOT_PREGNANT = "not pregnant"
_NOT_PREGNANT = re.compile(
    r"\b(?:not|non|never\s+been|no\s+longer)[\s-]*(?:currently\s+)?pregnant\b", _I
)


def qualifiers_of(question: str) -> tuple[str, ...]:
    """Who the question is about, as far as it says: age group, sex, pregnancy (or that the
    patient is not pregnant), kidney or liver function, how severe the condition is
    (mild, moderate, severe), and where care is given ("emergency department")."""
    found: list[str] = []
    ages = ages_in(question)
    if ages:
        age = ages[0]
        found.append("child" if age < ADULT_AGE else "older adult" if age >= OLDER_AGE else "adult")
    elif _YOUNG_AGE.search(question):
        found.append("child")
    elif not_a_child(question):
        found.append(NOT_A_CHILD)
    if _NOT_PREGNANT.search(question):
        found.append(NOT_PREGNANT)
        question = _NOT_PREGNANT.sub(" ", question)
    for group in ("child", "older adult", "adult", "pregnancy"):
        if group not in found and POPULATIONS[group].search(question):
            found.append(group)
    # a pregnant patient of no stated age, where the question names no child of theirs, is
    # no child: "DO NOT use ibuprofen in children younger than 6 months" does not answer
    # "Is it safe to take ibuprofen while pregnant?"
    if (
        "pregnancy" in found
        and not {"child", "adult", "older adult", NOT_A_CHILD} & set(found)
        and not ages
        and not _DESCENDANTS.search(question)
    ):
        found.append(NOT_A_CHILD)
    if MALE.search(question):
        found.append("male")
    elif FEMALE.search(question):
        found.append("female")
    if _KIDNEY.search(question):
        found.append("kidney function")
    if _LIVER.search(question):
        found.append("liver function")
    for levels, _ in severities_of(question):
        found.extend(level for level in SEVERITIES if level in levels and level not in found)
    found.extend(s for s in settings_of(question) if s not in found)
    return tuple(found)


#: Degrees of a condition, mildest first: a range ("moderate to severe") holds those between.
SEVERITIES = ("mild", "moderate", "severe")
#: A degree, also as a level of severity ("low-severity community-acquired pneumonia",
#: "high-severity"), or as not the severe one ("nonsevere inpatient CAP").
_DEGREE = r"(mild|moderate|severe|(?:low|high)[- ]severity|non-?severe)"
_SEVERITY = re.compile(
    rf"\b{_DEGREE}(?:\s*-?\s*(?:-|/|to|or|and)\s*{_DEGREE})?\b((?:[\s-]+[^\W\d_][\w'-]*){{1,3}})",
    _I,
)


def _levels(degree: str) -> tuple[int, int]:
    """The mildest and the most severe of the SEVERITIES a degree's words name."""
    said = degree.casefold()
    if said.startswith("non"):
        return 0, 1
    if said.startswith("low"):
        return 0, 0
    if said.startswith("high"):
        return 2, 2
    level = SEVERITIES.index(said)
    return level, level


def severities_of(text: str) -> list[tuple[frozenset[str], frozenset[str]]]:
    """Each degree a text names ("mild", "moderate to severe", "low-severity"), with the
    words it qualifies (the next few, as stems: "mild intermittent asthma" -> intermitt,
    asthma)."""
    return [(levels, frozenset(terms(qualified))) for levels, qualified in _degrees(text)]


def _degrees(text: str) -> list[tuple[frozenset[str], str]]:
    """Each degree a text names, with the words it qualifies as written."""
    found = []
    for match in _SEVERITY.finditer(text):
        first = _levels(match.group(1))
        last = _levels(match.group(2) or match.group(1))
        low, high = min(first[0], last[0]), max(first[1], last[1])
        found.append((frozenset(SEVERITIES[low : high + 1]), match.group(3)))
    return found


def other_severity(text: str, question: str) -> str | None:
    """The degree of the question's condition a statement is about when it is another one
    ("severe asthma" for a question on mild asthma), or None."""
    asked = _read_degrees(question)
    if not asked:
        return None
    for levels, qualified in _read_degrees(text):
        for asked_levels, asked_words in asked:
            if not levels & asked_levels and _same_condition(qualified, asked_words):
                return f"{'/'.join(sorted(levels, key=SEVERITIES.index))} disease"
    return None


def names_degree(text: str, question: str) -> bool:
    """Whether a statement names the degree of the question's condition the question asks
    about ("Do not routinely offer microbiological tests to patients with low-severity
    community-acquired pneumonia" for "low-severity community-acquired pneumonia"; "mild
    to moderate" holds "mild"), not a span holding every degree."""
    asked = _read_degrees(question)
    return any(
        levels & asked_levels
        and len(levels) < len(SEVERITIES)
        and _same_condition(qualified, asked_words)
        for levels, qualified in (_read_degrees(text) if asked else ())
        for asked_levels, asked_words in asked
    )


#: The words a degree qualifies, as written and as terms (without CONNECTIVES).
_Qualified = tuple[str, frozenset[str]]


def _read_degrees(text: str) -> list[tuple[frozenset[str], _Qualified]]:
    """Each different degree a text names, with the words it qualifies read once."""
    found = dict.fromkeys(
        (levels, (qualified, frozenset(terms(qualified)) - _CONNECTIVES))
        for levels, qualified in _degrees(text)
    )
    return list(found)


#: Words that join the words a degree qualifies ("severe asthma in children") and name no
#: condition.
_CONNECTIVES = frozenset(
    {"a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to", "with"}
)


def _same_condition(said: _Qualified, asked: _Qualified) -> bool:
    """Whether the words a statement's degree qualifies name what the question's does: a
    word in common, or a short form of the question's words ("severe CAP" for
    "low-severity community-acquired pneumonia")."""
    if said[1] & asked[1]:
        return True
    return any(may_stand_for(word, asked[0]) for word in _WORD.findall(said[0]))


#: The line of therapy: the first treatment of a condition, or one after it has come back or
#: resisted treatment ("recurrent" is left out: "recurrent UTIs" is a kind of condition).
_FIRST_LINE = cue(
    r"first[- ]line",
    r"front[- ]?line",
    r"initial (?:therapy|treatment)",
    r"newly diagnosed",
    r"untreated",  # "previously untreated" too
    r"treatment[- ]na[iï]ve",
)
_LATER_LINE = cue(
    r"relaps(?:e|ed|es|ing)\b",
    r"refractory",
    r"(?:second|third)[- ]line",
    r"salvage",
)


#: How a statement names the first line of treatment as such ("first-line
#: pharmacotherapy", "Offer carbamazepine as initial treatment", "the first choice of
#: antibiotic"), not the patient's state ("newly diagnosed").
_FIRST_LINE_NAMED = cue(
    r"first[- ]line",
    r"front[- ]?line",
    r"initial (?:therapy|treatment)",
    r"first[- ]choice",
    r"(?:drugs?|treatments?|agents?|therapy) of choice",
)


def names_line(text: str, line: str) -> bool:
    """Whether a statement names the line of treatment a question asks for
    (intents.line_asked: "first line", "second line")."""
    if line == "first line":
        return bool(_FIRST_LINE_NAMED.search(text))
    return bool(re.search(rf"\b{re.escape(line.split()[0])}[- ]line\b", text, _I))


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


#: A stage by its number, Roman or Arabic, and its letter ("IIB", "3a", "IVA"); a dash after
#: it only where another stage follows ("0-II", not "stage I-related").
_ONE_STAGE = r"(?:0|IV|V|I{1,3}|[1-5])[A-Ca-c]?(?!\w)(?!-(?!(?:0|IV|V|I|[1-5])))"
#: The stages a text names after "stage(s)": one, or several joined by commas, "and", "or",
#: or a range ("stages II and III", "stage IB to IIB", "stages 0-II").
_STAGES = re.compile(
    rf"\bstages?\s+{_ONE_STAGE}"
    rf"(?:\s*(?:,\s*(?:and|or)?|/|-|–|to|through|and|or)\s*(?:stages?\s+)?{_ONE_STAGE})*",
    _I,
)
#: Within what _STAGES found: each stage (its number and letter), and each dash or word
#: that makes a range of the stages on either side.
_STAGE_PART = re.compile(
    r"(?<!\w)(?P<number>0|IV|V|I{1,3}|[1-5])(?P<letter>[A-Ca-c]?)(?!\w)"
    r"|(?P<range>-|–|\bto\b|\bthrough\b)",
    _I,
)
_ROMAN = {"0": 0, "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
Stage = tuple[int, str]  # a stage's number and its letter ("" where it names none)


def stages_named(text: str) -> list[tuple[Stage, Stage]]:
    """Each stage or range of stages a text names after "stage(s)", as (first, last): "stage
    IIB" is ((2, "B"), (2, "B")), "stage IB to IIB" ((1, "B"), (2, "B")), "stages II and
    III" two of them."""
    found: list[tuple[Stage, Stage]] = []
    for match in _STAGES.finditer(text):
        ranging = False
        after_word = match.group()[match.group().find(" ") :]  # not the "s" of "stages"
        for part in _STAGE_PART.finditer(after_word):
            if part["range"]:
                ranging = bool(found)
                continue
            number = part["number"].upper()
            stage = (_ROMAN[number] if number in _ROMAN else int(number), part["letter"].upper())
            if ranging:
                found[-1] = (found[-1][0], stage)
            else:
                found.append((stage, stage))
            ranging = False
    return found


def _holds(span: tuple[Stage, Stage], asked: Stage) -> bool:
    """Whether a stage or range of stages holds the stage asked (a stage asked without its
    letter is held by any of its lettered stages, and a stage said without one holds them)."""
    (first, last), (number, letter) = span, asked
    if not first[0] <= number <= last[0]:
        return False
    if not letter:
        return True
    low = first[1] if first[0] == number else ""
    high = last[1] if last[0] == number else ""
    return (not low or low <= letter) and (not high or letter <= high)


@lru_cache(maxsize=256)
def _stages_asked(question: str) -> tuple[Stage, ...]:
    """The stages a question names, read once per question (other_stage runs for every
    statement)."""
    return tuple(first for first, _ in stages_named(question))


def other_stage(text: str, question: str) -> str | None:
    """The stage a statement (with its guideline's title and headings) is about when the
    question asks about another ("Discharge people who have had stage 0 melanoma ..." for
    a question on stage II melanoma), or None: where the question names no stage, the
    statement names none, or one it names (or a range of them: "stage IB to IIB") holds
    the one asked."""
    asked = _stages_asked(question)
    named = _STAGES.search(text) if asked else None
    if named is None:
        return None
    if any(_holds(span, stage) for span in stages_named(text) for stage in asked):
        return None
    return named.group().strip()


#: A kind of a condition set apart by "non": "non-muscle-invasive bladder cancer",
#: "non-small cell lung cancer", "non-ST-elevation myocardial infarction": the words after
#: "non" and the word they qualify.
_NON_KIND = re.compile(r"\bnon(?:-|\s+)([^\W\d_]\w*(?:-[^\W\d_]\w*)*)[\s-]+([^\W\d_][\w'-]*)", _I)

#: A kind set apart by "un" in one word: "unprovoked seizure", "unstable angina",
#: "uncomplicated cystitis" (what follows "un" of four letters or more, not "until").
_UN_KIND = re.compile(r"\bun-?([^\W\d_]{4,}\w*)[\s-]+([^\W\d_][\w'-]*)", _I)


#: The words that name patients as a group, before what sets them apart ("patients with
#: cancer", "people who are taking an anticoagulant").
PATIENT_WORDS = r"(?:patients|people|persons|adults|children|women|men|individuals)"
#: Whom a guideline or section restricts itself to by their condition or treatment: "The
#: management of depression in patients with cancer", "... for people with fertility
#: problems", "... cardiac dysfunction in survivors of adult cancers".
_RESTRICTED_TO = re.compile(
    rf"\b(?:in|for|among)\s+(?:{PATIENT_WORDS}"
    r"\s+(?:with|who\s+have|undergoing|receiving)|survivors\s+of)\s+(?P<who>[^.;:,()]{3,60})",
    _I,
)


#: A statement said of people with a condition, in its subject: "All caretakers of infants
#: and children with SCD should take their child to ...", "Adults with SCD should also seek
#: care ...": the condition, up to where the subject ends.
_SAID_OF_HAVING = re.compile(
    r"^(?:[\w'-]+,?\s+){0,6}?(?P<people>patients|people|persons|adults|children|kids|infants|"
    r"babies|newborns|teens|adolescents|women|men|individuals)\s+(?:with|who\s+have)\s+"
    r"(?P<who>(?:(?!(?:should|must|may|might|can|could|will|would|need|needs|are|is|have|has|"
    r"who|and\s+(?:a|an|the|symptoms?|signs?))\b)[^.;:,()\s]+\s+){1,6})",
    _I,
)


def said_of_other_patients(text: str, asked: Callable[[], Collection[str]]) -> str | None:
    """The patients a statement is said of by a condition the question does not name (none
    of its words): "children with SCD" of "All caretakers of infants and children with SCD
    should take their child to their doctor ... when their child has a fever", for a baby
    with a fever; None where it is said of no one so, or of the question's patients."""
    found = _SAID_OF_HAVING.match(text)
    if found is None:
        return None
    who = set(terms(found["who"]))
    if who and not who.intersection(asked()):
        return text[found.start("people") : found.end("who")].strip()
    return None


def other_patients(context: str, asked: Callable[[], Collection[str]]) -> str | None:
    """The patients a guideline or section is restricted to ("in patients with cancer") when
    the question (`asked`: the terms of its words and their renderings, read only where the
    context restricts anyone) names none of what sets them apart; None when it names some,
    or the context restricts nobody."""
    for match in _RESTRICTED_TO.finditer(context):
        who = set(terms(match.group("who")))
        if who and not who.intersection(asked()):
            return match.group(0).split(None, 1)[1]
    return None


#: Whom a title says it is for by their condition: "... for treating anaemia in people with
#: cancer having chemotherapy", "Treatment of anemia in patients with heart disease",
#: "Pharmacological Treatment of Patients With Alcohol Use Disorder", "... for unstably
#: housed patients with HIV/AIDS"; or as hosts, recipients or survivors named by the words
#: before them: "vaccination of the immunocompromised host", "kidney transplant
#: recipients", "cancer survivors" (not patients or people named so: "in surgical
#: patients", "in young people", "in these patients" say too little of a condition).
_KIND_WORD = (
    r"(?!(?:in|of|for|with|and|or|the|to|at|on|by|a|an|all|some|most|many|these|those|"
    r"their|your|our|other|such|this|that)\b)[\w-]+"
)
_FOR_PATIENTS_WITH = re.compile(
    rf"\b(?:in|for|of)\s+(?:{_KIND_WORD}\s+){{0,2}}?{PATIENT_WORDS}\s+with\s+(?P<condition>[^:;.()?]+)"
    rf"|\b(?:in|for|of|among)\s+(?:the\s+)?(?P<kind>{_KIND_WORD}(?:\s+{_KIND_WORD}){{0,2}})\s+"
    r"(?:hosts?|recipients|survivors)\b",
    _I,
)
#: Where the condition's name ends: what the patients have or undergo besides it.
_CONDITION_ENDS = re.compile(
    r"\s+(?:having|who|undergoing|receiving|requiring|treated|after|before|during|on)\b.*$", _I
)


def for_other_patients(title: str, said: frozenset[str]) -> bool:
    """Whether a title says it is for patients with a condition the question never names
    (none of its words): "Erythropoiesis-stimulating agents ... for treating anaemia in
    people with cancer having chemotherapy" for a patient with heart failure, "... for
    vaccination of the immunocompromised host" for a healthy 12-year-old. Not hosts,
    recipients or survivors named by their age, sex or pregnancy ("childhood cancer
    survivors"): the population checks decide those."""
    for found in _FOR_PATIENTS_WITH.finditer(title):
        if found["condition"] is not None:
            named = _CONDITION_ENDS.sub("", found["condition"])
        elif populations_of(found.group()):
            continue  # whom age, sex or pregnancy names: the population checks decide
        else:
            named = found["kind"]
        condition = frozenset(terms(named))
        if condition and not condition & said:
            return True
    return False


@lru_cache(maxsize=256)
def kinds_set_apart(question: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The kinds a question sets apart by "non" or "un" (other_kind), each as its name and
    its words: read once per question, every statement is checked against them. Not
    "unable to" or "uncommon in": after "un", a word as common as "to" names no condition."""
    found = [
        (f"{m.group(1)} {m.group(2)}", (*words(m.group(1)), *words(m.group(2))[:1]))
        for m in _NON_KIND.finditer(question)
    ]
    for match in _UN_KIND.finditer(question):
        named, head = words(match.group(1)), words(match.group(2))[:1]
        if named and head and not common_in_english(match.group(2)):
            found.append((f"{match.group(1)} {match.group(2)}", (*named, *head)))
    return tuple(found)


def other_kind(text: str, question: str) -> str | None:
    """The kind of the question's condition a statement is about when it is the one the
    question sets apart by "non" ("muscle-invasive bladder cancer" for a question on
    non-muscle-invasive disease), or the other way round; None when the statement also
    names the question's kind (a comparison), or neither. A question's kind may be set
    apart by "un" too: "provoked seizures" for one on a first unprovoked seizure."""
    set_apart = kinds_set_apart(question)
    if not (set_apart or _NON_KIND.search(text)):
        return None
    said, asked = words(text), words(question)
    for name, kind in set_apart:
        plain, negated = _names_kind(said, kind)
        if plain and not negated:
            return name
    for match in _NON_KIND.finditer(text):
        other = [*words(match.group(1)), *words(match.group(2))[:1]]
        asked_plain, asked_negated = _names_kind(asked, other)
        said_plain, _ = _names_kind(said, other)
        if asked_plain and not asked_negated and not said_plain:
            return f"non-{match.group(1)} {match.group(2)}"
    return None


#: A letter right after a word names a kind of it ("hepatitis C", "vitamin D", "group B
#: strep"): not the pronoun "I", not an initial ("C. difficile"), and not after a word in
#: capitals, where it is a word shouted with it ("TAKES A PROPER DIET"). A question typed in
#: small letters names a kind by a small letter too ("my dad has hepatitis b"): any letter
#: but the words "a" and "i".
_ASKED_KIND_LETTER = re.compile(r"\b([A-Za-z]*[a-z][A-Za-z]*) ([A-HJ-Z]|[b-hj-z])\b(?!\.)")
#: Small letters a message writes for a word, or for the end of one ("can u help", "r they",
#: "rest n fluids", "y does it hurt", "don t"): no kind of the word before.
_WORD_LETTERS = frozenset("nrtuy")


def asked_kind_letters(question: str) -> list[re.Match[str]]:
    """The letters of a question that name a kind of the word before them, in capitals or,
    as a message types them, in small letters ("hepatitis c", "vitamin d"): group 1 is the
    word, group 2 the letter."""
    return [m for m in _ASKED_KIND_LETTER.finditer(question) if m.group(2) not in _WORD_LETTERS]


def other_letter_kind(text: str, question: str) -> str | None:
    """The kind a statement is about when the question asks about another kind of the same
    thing by its letter ("If you travel to countries where Hepatitis B is common, you should
    get the vaccine" for a question on hepatitis A, or on "hepatitis a" as a message types
    it); None when the statement also names the question's kind ("hepatitis A and B": a
    letter joined to it counts), or no other. The statement's letters are capitals: "can a
    doctor" names no kind of "can"."""
    for kind in asked_kind_letters(question):
        word, letter = kind.group(1), kind.group(2).upper()
        said = re.findall(
            rf"\b(?i:{re.escape(word)})s? ((?:[A-Z](?:,\s*|\s+(?:and|or)\s+|/))*[A-Z])\b", text
        )
        letters = {x for group in said for x in re.findall(r"[A-Z]", group)}
        if letters and letter not in letters:
            return f"{word} {min(letters)}"
    return None


#: A kind named by its number after a word: "Type 2" in "Type 2 diabetes", "type II", "type
#: 1." at a sentence's end; not "type 1.5".
_NUMBER_WRITTEN = r"(?:\d{1,2}|[IVX]{1,4})(?!\w|\.\w)"
_ROMAN_NUMBERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8}


def other_numbered_kind(text: str, name: str | None) -> str | None:
    """The kind a statement (with its title and headings) is about when the topic's name is
    one kind of something by its number ("Type 2 diabetes") and the statement names only
    another kind of it ("Support adults with type 1 diabetes to aim for ..."); None when it
    names the topic's kind too ("type 1 and type 2 diabetes", "type 1 or 2"), names no kind,
    or does not name what the kind is of."""
    if not name:
        return None
    for kind in re.finditer(rf"\b([A-Za-z]+)[ -]({_NUMBER_WRITTEN})", name):
        word, number = kind.group(1), _number(kind.group(2))
        left = " ".join(name.replace(kind.group(0), " ").split())
        rest = [w for w in words(left) if len(w) > 2]
        if number is None or not rest or not set(rest) & set(words(text)):
            continue
        joined = rf"\s*(?:,|/|&|\band\b|\bor\b)\s*(?:(?i:{re.escape(word)})[ -])?"
        runs = re.findall(
            rf"\b(?i:{re.escape(word)})s?[ -]({_NUMBER_WRITTEN}(?:{joined}{_NUMBER_WRITTEN})*)",
            text,
        )
        said = {_number(n) for run in runs for n in re.findall(_NUMBER_WRITTEN, run)}
        found = sorted(n for n in said if n is not None)
        if found and number not in found:
            return f"{word.casefold()} {found[0]} {left}"
    return None


def _number(written: str) -> int | None:
    return int(written) if written.isdigit() else _ROMAN_NUMBERS.get(written)


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
    return {group for group, pattern in POPULATIONS.items() if names_group(pattern, text)}


def names_group(pattern: re.Pattern[str], text: str) -> bool:
    """Whether a text names a group by one of its words: a short word in capitals is an
    acronym, not the group ("MEN", multiple endocrine neoplasia, is no men)."""
    return any(not _ACRONYM_FORM.fullmatch(m.group()) for m in pattern.finditer(text))


#: A word written as an acronym: two to four capitals.
_ACRONYM_FORM = re.compile(r"[A-Z]{2,4}")


#: The words a statement opens with when it is said for a group: "In children and
#: adolescents, ...", "For pregnant women with ...", "Children with ... should".
_SAID_FOR = re.compile(r"^(?:(?:in|for|among|amongst)\s+)?(?P<head>(?:[\w'-]+\s+){0,3}[\w'-]+)", _I)


#: A statement's subject, before its verb: "Symptomatic hiatal hernias in children should be
#: surgically repaired" is said for children, however many words its subject takes.
_SUBJECT = re.compile(
    r"^(?P<subject>(?:[\w'()-]+\s+){1,9}?)(?:should|must|may|might|can|could|will|would|"
    r"is|are|was|were|has|have|had|need|needs)\b",
    _I,
)
#: A phrase of a few words before a comma that opens a sentence ("At some point, ", "In most
#: cases, "): the subject comes after it.
_OPENING_PHRASE = re.compile(r"^(?:[\w'-]+\s+){0,4}[\w'-]+,\s+")
#: A clause of a condition or time that opens a sentence, however long ("If there is no sign
#: of the HCV infection after 6 months, then "): the subject comes after it.
_OPENING_CLAUSE = re.compile(
    r"^(?:If|When|Once|Unless|After|Before|While|Although|Because)\b[^,.;:]{1,150},\s+"
    r"(?:then\s+)?",
    _I,
)
#: Pregnancy as a condition the statement is said under, wherever it says it: "... before
#: becoming pregnant", "... during pregnancy", "women who are pregnant".
_UNDER_PREGNANCY = re.compile(
    r"\b(?:before|during|after|while|throughout|planning|plan to)\s+(?:\w+\s+){0,2}?"
    r"(?:pregnan|breast-?feed|lactat)|\bwho (?:are|is|become|may become|plan to become)\s+"
    r"pregnant\b|\bpregnant (?:women|woman|patients|people|individuals)\b",
    _I,
)


def said_for(text: str) -> set[str]:
    """The groups a statement is said for by its opening words or its subject (not those it
    mentions on the way: "characterized by sparse hair in infancy" is said of everyone with
    it), and pregnancy where it is said under it ("... before becoming pregnant")."""
    opening = _SAID_FOR.match(text)
    groups = populations_of(opening.group("head")) if opening else set()
    # its subject, after an opening phrase of a few words ("At some point, the child's
    # hearing should be tested") or a clause of a condition or time ("If there is no sign of
    # the infection after 6 months, then your child has fully recovered"), though not that
    # phrase itself where it names no one
    # ("Characterized by sparse hair in infancy, the condition is ...": said of everyone)
    rest = _OPENING_CLAUSE.sub("", text, count=1)
    subject = _SUBJECT.match(rest if rest != text else _OPENING_PHRASE.sub("", text, count=1))
    if subject is not None:
        groups |= populations_of(subject.group("subject"))
    if _UNDER_PREGNANCY.search(text):
        groups.add("pregnancy")
    return groups


#: The words that join the things a question sets aside ("without heart failure or shock").
_OR = r"(?:or|and|nor|o|y|ni)"
_NEGATED = re.compile(
    r"\b(?:without|w/o|except|besides|other than|instead of|apart from|rather than|"
    rf"sin|excepto|salvo)\s+((?:[\w'-]+\s+){{0,2}}(?!{_OR}\b)[\w'-]+"
    rf"(?:,?\s+{_OR}\s+(?:[^\W_][\w'-]*\s+)?(?!{_OR}\b)[^\W_][\w'-]*)*)",
    re.IGNORECASE,
)


#: Medicine in everyday words, and a question that asks to do without it ("how can I lower
#: my cholesterol without medication?", "ways to treat depression without drugs").
MEDICINE_WORD = re.compile(r"\b(?:medications?|medicines?|drugs?|pills?|tablets?|meds)\b", _I)
_WITHOUT_MEDICINE = re.compile(
    r"\b(?:without|w/o|except|other than|instead of|apart from|rather than|sin)\s+"
    r"(?:(?:taking|using|any|a|the|prescription|prescribed)\s+)*"
    + MEDICINE_WORD.pattern.removeprefix(r"\b"),
    _I,
)


def without_medicine(question: str) -> str | None:
    """The question without the words that set medicine aside, where it asks to do without
    it ("how can I lower my cholesterol without medication?": "how can I lower my
    cholesterol ?"); None where it does not."""
    if not _WITHOUT_MEDICINE.search(question):
        return None
    return " ".join(_WITHOUT_MEDICINE.sub(" ", question).split())


def medicine_set_aside(question: str) -> frozenset[str]:
    """The words for medicine that the question asks to do without ("medication" of "how
    can I lower my cholesterol without medication?"): they weigh nothing in the search."""
    return frozenset(
        w.casefold()
        for m in _WITHOUT_MEDICINE.finditer(question)
        for w in MEDICINE_WORD.findall(m[0])
    )


def negated_words(question: str) -> set[str]:
    """Words the question sets aside ("without pills", "sin anticoagulación"): up to three
    words after a word of exclusion, and each one or two words it joins to them by "or" or
    "and" ("without heart failure or shock"). What a question excludes is not its topic."""
    return {w.casefold() for m in _NEGATED.finditer(question) for w in m.group(1).split()}


#: Whom a statement restricts itself to by what they have or take: "for patients with
#: comorbidities", "For people who are taking an anticoagulant", "in adults on dialysis".
_HAVING = re.compile(
    rf"\b(?:{PATIENT_WORDS}|those)\s+"
    r"(?:who\s+(?:are|have)\s+(?:been\s+)?)?(?:with|taking|on|receiving|having|using)\s+"
    r"(?P<what>[^.;:()]{2,80})",
    _I,
)
#: What a question sets aside, up to where its clause ends: "without heart failure or shock",
#: "and no diabetes",
#: "not on anticoagulation", "sin anticoagulación".
_SET_ASIDE = re.compile(
    r"\b(?:without|w/o|sin|with\s+no|and\s+no(?!\s+(?:one|longer|more|matter|other)\b)|"
    r"not(?:\s+(?:on|taking|receiving|using|in))?"
    r"(?:\s+(?:the|an?))?)\s+(?P<what>(?:(?!(?:without|sin|not)\b)[^\W_][\w'’-]*\s*){1,6})",
    _I,
)
#: Words for a part of a condition's course, which a statement names by its kind alone
#: ("not in the immune-active phase": "adults with immune-active CHB").
_COURSE = re.compile(r"\s+(?:phase|stage)s?\b.*$", _I)
#: What parts the things a question sets aside: a comma, or a word that joins them.
_ALTERNATIVES = re.compile(rf",|\b{_OR}\b", _I)
#: Words that turn a restriction round ("patients with no comorbidities", "patients on no
#: anticoagulant"), and a restriction either way ("patients with or without ...").
NEGATING = frozenset({"no", "not", "without", "non", "none", "neither", "nor"})
_EITHER_WAY = re.compile(r"^or\s+(?:without|not)\b", _I)


def _loose_terms(text: str) -> frozenset[str]:
    """A text's terms, its hyphenated words read as their parts ("immune-active" as "immune
    active")."""
    return frozenset(terms(text.replace("-", " ")))


@lru_cache(maxsize=64)
def set_aside_in(
    question: str, rendered: tuple[tuple[str, frozenset[str]], ...] = ()
) -> tuple[frozenset[str], ...]:
    """The terms of each thing a question sets aside, read whole ("heart failure" and
    "shock" of "without heart failure or shock"); a word `rendered` gives English terms for
    ("anticoagulación", as (word, terms) pairs) is read as them. Read once per question:
    every statement is checked against it."""
    english = dict(rendered)
    found = []
    for match in _SET_ASIDE.finditer(question):
        for part in _ALTERNATIVES.split(match.group("what")):
            said = _WORD.findall(_COURSE.sub("", part))
            own = [english.get(w.casefold()) or _loose_terms(w) for w in said]
            if own:
                found.append(frozenset().union(*own))
    return tuple(found)


def set_aside_patients(text: str, set_aside: Sequence[frozenset[str]]) -> str | None:
    """The patients a statement restricts itself to by what the question sets aside
    (`set_aside`: set_aside_in, each thing whole: "heart failure" of "without heart failure
    or shock"): "For people who are taking an anticoagulant, review ..." for a patient "not
    on anticoagulation", "particularly for patients with comorbidities" for an outpatient
    "without comorbidities"; None where it restricts nobody so, or says "with no" or "with
    or without" it."""
    if not set_aside:
        return None
    for match in _HAVING.finditer(text):
        if _EITHER_WAY.match(match.group("what")):
            continue
        said = _WORD.findall(match.group("what"))
        for end in range(1, len(said) + 1):
            if said[end - 1].casefold() in NEGATING:
                break
            held = _loose_terms(" ".join(said[:end]))
            if any(part <= held for part in set_aside):
                who = text[match.start() : match.start("what")]
                return f"{who}{' '.join(said[:end])}"
    return None


#: A title that sets something apart itself ("... in adults without diabetes", "Non-...").
_TITLE_NEGATES = re.compile(r"\b(?:without|no|non|not)\b", _I)


def source_set_aside(title: str, set_aside: Sequence[frozenset[str]]) -> str | None:
    """What the question sets aside that a source's title names, and does not set apart
    itself: "Standards of Care in Diabetes—2024" is about patients with diabetes, whom "a
    55-year-old with LDL 160 mg/dL and no diabetes" is not (a title "... in adults without
    diabetes" is about that patient)."""
    if not set_aside or _TITLE_NEGATES.search(title):
        return None
    held = _loose_terms(title)
    part = next((part for part in set_aside if part <= held), None)
    if part is None:
        return None
    return " ".join(w for w in _WORD.findall(title) if _loose_terms(w) & part)


#: Whom a statement restricts itself to by what they lack: "In patients without gallstones
#: who have RUQ pain ...", "for women who do not have diabetes".
_LACKING = re.compile(
    rf"\b(?:{PATIENT_WORDS}|those)\s+"
    r"(?:without|who\s+(?:do|does|did)\s+not\s+have|who\s+have\s+(?:no|not\s+had))\s+"
    r"(?P<what>[^.;:()]{2,80})",
    _I,
)


def lacking_patients(
    text: str, asked: Callable[[], Collection[str]], set_aside: Sequence[frozenset[str]] = ()
) -> str | None:
    """The patients a statement restricts itself to by their lacking what the question's
    patient has, in its words (`asked`: their terms, read only where a statement restricts
    anyone so) and not among what it sets aside:
    "In patients without gallstones who have RUQ pain ..." for "Which patients with
    gallstones need cholecystectomy?"; None where it restricts nobody so."""
    for match in _LACKING.finditer(text):
        said = []
        for word in _WORD.findall(match.group("what").split(",")[0]):
            if word.casefold() in _CLAUSE_GOES_ON:
                break
            said.append(word)
        lacked = _loose_terms(" ".join(said)) - _CONNECTIVES
        if lacked and lacked <= frozenset(asked()) and not any(p <= lacked for p in set_aside):
            who = text[match.start() : match.start("what")]
            return f"{who}{' '.join(said)}"
    return None


#: Words after which a phrase says more than what patients lack ("without gallstones who
#: have RUQ pain", "without heart failure or shock").
_CLAUSE_GOES_ON = frozenset(
    "who whom which that and or but with in on at for if unless because after before during"
    " should may can must is are was were has have".split()
)


#: Where care is given, as a question places it ("in the emergency department", "in
#: primary care"): a qualifier of the question, never its topic (initials as written).
_SETTING = re.compile(
    r"\b(?:in|at|within)\s+(?:the\s+|an?\s+|our\s+|my\s+)?("
    r"emergency (?:settings?|departments?|rooms?|care)|(?-i:ED|A&E|ER|ICUs?)\b|"
    r"intensive care(?: units?)?|critical care(?: units?)?|primary care|secondary care|"
    r"general practice|hospital|inpatient (?:settings?|care)|"
    r"outpatient (?:settings?|clinics?|care)|pre-?hospital (?:settings?|care)|"
    r"nursing homes?|long-term care(?: facilit(?:y|ies))?)(?!\w)",
    re.IGNORECASE,
)


#: Care given out of hospital or in it, as a question or a guideline's heading says of its
#: patients ("an otherwise healthy adult outpatient"; "High Severity (CURB-65 3-5,
#: inpatient/ICU)"): the two kinds of place exclude each other.
_OUT_OF_HOSPITAL = re.compile(r"\b(?:outpatients?|ambulatory care|community setting)\b", _I)
_IN_HOSPITAL = re.compile(
    r"\b(?:inpatients?|hospitali[sz]ed|admitted to (?:the )?hospital|(?-i:ICU)s?|"
    r"intensive care(?: units?)?|critical care)\b",
    _I,
)


def other_care_place(text: str, question: str) -> str | None:
    """Where a statement (with its headings) places its patients when the question places
    its patient in the other kind of place: in hospital ("inpatient/ICU") for an outpatient,
    or out of it for an inpatient; None where either names both or neither."""
    places = (("outpatient care", _OUT_OF_HOSPITAL), ("inpatient care", _IN_HOSPITAL))
    asked = [name for name, said in places if said.search(question)]
    if len(asked) != 1:
        return None
    stated = [name for name, said in places if said.search(text)]
    return stated[0] if len(stated) == 1 and stated != asked else None


#: A condition the patient has had, said as their past or their treatment ("a history of
#: colorectal cancer", "a man treated for prostate cancer", "survivors of childhood
#: cancer"); not a relative's ("a family history of ...") nor the treatment asked about
#: ("what is the treatment for ...").
_HAD = re.compile(
    r"(?<!family )(?<!family medical )\b(?:(?:a |prior |previous |past )?history of|"
    r"(?:was|were|been|being|is|are|who|whose|patients?|man|woman|men|women|child|children)"
    r"\s+treated for|survivors? of)\s+(?:an?\s+|the\s+)?([a-z][\w'/-]*(?:\s+[a-z][\w'/-]*){0,4})",
    re.IGNORECASE,
)
#: Where the condition named ends: at a word that goes on to something else.
_HAD_ENDS = re.compile(
    r"\s+(?:and|or|who|whose|with|now|but|is|was|has|had|after|in|on|at|presents?|"
    r"presenting|developed|develops)\b.*$",
    re.IGNORECASE,
)
#: Screening for a condition, as a title or statement says it: "screening for prostate
#: cancer with the PSA test", "Colorectal Cancer Screening", "screen for lung cancer".
_SCREENED_FOR = re.compile(r"\bscreen(?:ing|ed|s)?\s+(?:\w+\s+)?for\s+([^.;:,()]+)", re.I)
_SCREENING_OF = re.compile(r"((?:[\w'-]+\s+){0,3}[\w'-]+)\s+screening\b", re.IGNORECASE)
#: Where the condition screened for ends: at the people or the means that follow ("lung
#: cancer among adults aged 55 to 74 years with a 30 pack-year smoking history").
_SCREENED_ENDS = re.compile(
    r"\s+(?:among|in|with|using|by|who|whose|aged|at|every|from|if|when|and|or)\b.*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=64)
def conditions_had(question: str) -> tuple[frozenset[str], ...]:
    """The terms of each condition the question says its patient has had (_HAD): "a man
    treated for prostate cancer" has had prostate cancer. Remembered for the last few
    questions: every statement of an answer asks it of the same question."""
    found = []
    for m in _HAD.finditer(question):
        name = _HAD_ENDS.sub("", m.group(1))
        said = frozenset(terms(name))
        if said:
            found.append(said)
    return tuple(found)


def screened_for_had(text: str, question: str) -> str | None:
    """The condition a statement or its source speaks of screening for, where the question's
    patient has had it (conditions_had): screening is for people who have not ("The
    recommendations apply to all men without a previous diagnosis of prostate cancer"), so
    a screening rule is about other people than a man treated for prostate cancer."""
    had = conditions_had(question)
    if not had:
        return None
    screened = [_SCREENED_ENDS.sub("", m.group(1)) for m in _SCREENED_FOR.finditer(text)]
    screened += [m.group(1) for m in _SCREENING_OF.finditer(text)]
    for name in screened:
        said = frozenset(terms(name))
        if any(condition <= said for condition in had):
            return f"screening for {name.strip()}"
    return None


def settings_of(question: str) -> list[str]:
    """Where the question places its care ("in the emergency department": "emergency
    department"), as it writes it."""
    return [m.group(1) for m in _SETTING.finditer(question)]


#: The words of a setting that name only its kind of place ("department", "unit"), and the
#: initials a question may write an emergency department in.
_PLACE_WORDS = frozenset({"setting", "settings", "department", "departments", "room", "rooms"})
_PLACE_WORDS |= {"care", "unit", "units", "clinic", "clinics", "facility", "facilities"}
_EMERGENCY_INITIALS = frozenset({"ED", "A&E", "ER"})


def setting_named(setting: str, said: Collection[str]) -> bool:
    """Whether a statement (its terms, analysis.terms) names a setting a question gives:
    its own words besides those of a kind of place ("emergency" of "emergency setting";
    "ED" is an emergency department)."""
    written = "emergency" if setting in _EMERGENCY_INITIALS else setting
    own = {w for w in written.split() if w.casefold() not in _PLACE_WORDS}
    needed = set(terms(" ".join(own or written.split())))
    return needed <= set(said)


def placed_words(question: str) -> set[str]:
    """The words that say where care is given ("emergency", "department"): what a question
    places its care in is not its topic ("How should hyperkalemia be treated in the
    emergency setting?" asks about hyperkalemia)."""
    return {w.casefold() for setting in settings_of(question) for w in setting.split()}


_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def population_words(question: str) -> set[str]:
    """The words a question names a group of patients with, each whole ("older" and
    "adults" of "older adults", "children"): a word such as "older" names a group only
    beside the word after it."""
    found: set[str] = set()
    for pattern in POPULATIONS.values():
        for match in pattern.finditer(question):
            end = re.match(r"\w*", question[match.end() :])
            said = match.group(0) + (end.group(0) if end else "")
            found.update(w.casefold() for w in _WORD.findall(said))
    return found


def names_population(word: str) -> bool:
    """Whether a question word names a group of patients ("children", "pregnant",
    "postpartum", "juvenile"): said alone it is who the patient is, but it may also be part of
    a condition's name ("Postpartum Depression", "Juvenile Arthritis")."""
    return any(pattern.match(word) for pattern in POPULATIONS.values())


#: Words that say only that the patient is an adult, a man or a woman.
_ANY_ADULT = cue(r"adults?\b", r"wom[ae]n\b", r"m[ae]n\b", r"(?:fe)?males?\b")


def names_any_adult(word: str) -> bool:
    """Whether a question word says only that the patient is an adult, a man or a woman
    ("adults", "woman", "male"): whom a statement that names no group is about, unlike
    "children" or "pregnant"."""
    return _ANY_ADULT.fullmatch(word) is not None


def names_patient(word: str) -> bool:
    """Whether a question word says who the patient is (age, sex, a relative)."""
    return bool(
        _AGE.search(word) or MALE.search(word) or FEMALE.search(word) or _RELATIVE.search(word)
    )


#: Where a statement's lead-in ends and its list of items begins: a colon with two or more
#: items after it, parted by semicolons ("These include: sudden, severe headache ...; ...;
#: and recurring headache in children").
_LIST_BEGINS = re.compile(r":\s+(?=[^:]*;[^:]*;)")


def outside_items(text: str) -> str:
    """A statement's words but those of the list it ends with: a group one item names (a
    child, pregnancy) is that item's, not what the whole statement is about."""
    begins = _LIST_BEGINS.search(text)
    return text if begins is None else text[: begins.start()]


#: Children as what someone has, not as whom a statement is about: "... a 50 percent chance
#: of passing it on if they decide to have children".
_HAVING_CHILDREN = re.compile(
    r"\b(?:have|having|had|has|bear|bearing)\s+(?:more\s+|any\s+|no\s+)?children\b", _I
)


def excluded_population(text: str, qualifiers: Sequence[str]) -> str | None:
    """The population a statement is about that the question's patient is not in, if any:
    pregnancy for a man, an older adult, a child or a patient said not to be pregnant;
    children for an adult or a grown-up of no stated age (NOT_A_CHILD); adults or older
    adults for a child. The groups one item of its list names are not what it is about."""
    if not qualifiers:
        return None
    text = _HAVING_CHILDREN.sub(" ", outside_items(text))
    groups = populations_of(text)
    if "male" in qualifiers and names_group(FEMALE, text) and not names_group(MALE, text):
        return "female"
    if "female" in qualifiers and names_group(MALE, text) and not names_group(FEMALE, text):
        return "male"
    ages = {q for q in qualifiers if q in ("child", "adult", "older adult")}
    excludes_pregnancy = (
        "male" in qualifiers or NOT_PREGNANT in qualifiers or ages & {"child", "older adult"}
    )
    if "pregnancy" in groups and "pregnancy" not in qualifiers and excludes_pregnancy:
        return "pregnancy"
    about_ages = groups & {"child", "adult", "older adult"}
    if NOT_A_CHILD in qualifiers and about_ages == {"child"}:
        return "child"
    if ages and about_ages and not about_ages & ages:
        if ages == {"older adult"} and "adult" in about_ages:
            return None  # what holds for adults holds for older adults
        return sorted(about_ages)[0]
    return None
