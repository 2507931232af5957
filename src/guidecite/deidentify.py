"""Patient identifiers out of questions, before anything stores, logs, titles or lists them.

    prepared = prepare_question("Patient John Smith, MRN 4482913, new AF ...", "remove")
    prepared.text      # "Patient [NAME], MRN [RECORD NUMBER], new AF ..."
    prepared.removed   # ("name", "record number")

`prepare_question` is the first step of every question (CLI `ask`, the web page, the JSON
API, follow-ups, `answer()` itself): text that is not valid Unicode is refused with a clear
error; identifiers are replaced by placeholders ("[NAME]", which retrieval ignores), or, with
`GUIDECITE_IDENTIFIERS=refuse`, the question is refused naming what it holds. The reader is
told what kinds were removed (`Answer.identifiers_removed` and its notice), never the values.

What is found: names after a cue (a title such as "Mr", "patient", "name is", "my son"),
before other identifiers ("John Smith, MRN ...") or signing the message ("Best Regards ..."),
and wherever a name found so is written again; record numbers after a cue (MRN, NHS
number, patient ID, ...) and bare runs of seven or more digits, full dates (day, month and
year: "03/04/1961", "3 April 1961"; a year alone stays), phone numbers, street addresses and
postcodes, e-mail addresses, social security numbers.

Rule-based, offline, in the manner of presidio's pattern recognizers and philter's regular
expressions: presidio's name recognition needs a spaCy model and philter-lite an NLTK tagger,
neither of which installs without a download (measured: docs/deidentification.md). A rule
set misses names that come with no cue ("ask about John's AF"): the `refuse` setting is
there for those who cannot accept that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .errors import QuestionError
from .types import Answer

POLICIES = ("remove", "refuse")

#: A word of a name, whole ("McDonald", not "Mc" with "Donald" left behind).
_NAME_WORD = r"(?:Mc[A-Z][a-z]+|O'[A-Z][a-z]+|[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?|[A-Z]\.)(?![A-Za-z])"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_STREET = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl"
    r"|Terrace|Close|Crescent|Square|Parkway|Pkwy|Highway|Hwy|Circle|Cir)\b\.?"
)

#: (kind, placeholder, pattern), tried in this order; earlier matches win where they overlap.
_RULES: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("email", "[EMAIL]", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    (
        "record number",
        "[RECORD NUMBER]",
        re.compile(
            r"(?i:\b(?:MRN|medical\s+record(?:\s+(?:number|no\.?|#))?|record\s+(?:number|no\.?|#)"
            r"|hospital\s+(?:number|no\.?|id)|NHS\s+(?:number|no\.?)|patient\s+(?:id|number|no\.?)"
            r"|chart\s+(?:number|no\.?|#)|account\s+(?:number|no\.?)|ID|UR\s*(?:number|no\.?)"
            r"|case\s+(?:number|no\.?))\s*(?:[:#=]|is|was)?\s*)"
            r"(?P<value>[A-Z]{0,3}-?\d[\d -]{3,14}\d|[A-Z]{0,3}\d{4,})"
        ),
    ),
    ("identity number", "[ID NUMBER]", re.compile(r"\b\d{3}-\d{2}-\d{4}\b")),
    (
        "phone number",
        "[PHONE]",
        re.compile(
            # a full stop may end the sentence after it ("... at (916)297-1911."), not go on
            # into a decimal
            r"(?<![\w/.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)\s?|\d{2,5}[\s.-])\d{3,4}[\s.-]\d{3,4}"
            r"(?![\w/%]|\.\w)"
            r"|(?<![\w/.])\+\d{9,14}\b"
            r"|(?<![\w/.])0\d{3,4}\s?\d{6}(?![\w/%]|\.\w)"  # UK style: 07700 900123
        ),
    ),
    (
        "date",
        "[DATE]",
        re.compile(
            r"\b(?:\d{1,2}([/.-])\d{1,2}\1\d{4}|\d{1,2}/\d{1,2}/\d{2}|\d{4}-\d{2}-\d{2})\b"
            rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\s*,?\s*\d{{4}}\b"
            rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s*\d{{4}}\b",
            re.IGNORECASE,
        ),
    ),
    (
        "address",
        "[ADDRESS]",
        re.compile(
            rf"\b\d{{1,5}}[A-Za-z]?\s+(?:{_NAME_WORD}\s+){{1,3}}{_STREET}"
            rf"(?:,?\s+(?:{_NAME_WORD}\s*){{1,3}})?"
            r"(?:,?\s+[A-Z]{2})?(?:,?\s+\d{5}(?:-\d{4})?)?"
            r"|\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b"  # a UK postcode
            r"|(?<=\b[A-Z]{2}\s)\d{5}(?:-\d{4})?\b"  # a US ZIP after a state
        ),
    ),
    (
        "name",
        "[NAME]",
        re.compile(
            r"(?:\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+"
            r"|\b(?i:patient|pt|client|resident|name(?:\s+is|:)|named|called|i\s+am|i'm"
            r"|my\s+(?:son|daughter|wife|husband|mother|mum|mom|father|dad|partner|baby"
            r"|child|brother|sister|friend|grandmother|grandfather|patient))[:,]?\s+)"
            rf"(?P<value>{_NAME})"
            rf"|(?P<before>\b{_NAME_WORD}\s+{_NAME_WORD})(?=,?\s+(?:MRN|DOB|D\.O\.B|born"
            r"|aged?\s+\d|\d{1,3}\s*(?:y|yo|y/o|years?)\b|NHS|ID\b|date\s+of\s+birth))"
            # a message signed at its end: "Best Regards Mahmoud Hassan", "God bless .Henri"
            r"|\b(?i:regards|sincerely|thanks|thank\s+you|cheers|god\s+bless|yours\s+truly"
            r"|yours\s+faithfully|best\s+wishes)[\s,.!:-]+"
            rf"(?P<signed>{_NAME})(?=[\s.!]*(?:$|[+(\d][\d\s().+-]*$))"  # or a phone after it
        ),
    ),
    (
        "record number",
        "[RECORD NUMBER]",
        re.compile(r"(?<![\w.,])\d{7,}(?![\w.,]|\s*(?:mg|mcg|µg|ug|g|ml|mL|units?|IU|cells|/))"),
    ),
)

#: Capitalised words a cue may precede that are not names ("patient Education").
_NOT_NAMES = frozenset(
    """a an the this that with who whom whose which what when where why how has had have is was
    are were be been being and or but not no on in of for at to from by as if so my our your
    his her their its education information safety care history record records notes note
    portal group groups population populations advocate advocates experience experiences
    reported outcome outcomes preference preferences selection counseling counselling support
    assessment characteristics factors registry registries age sex weight status getting
    doctor doctors sir madam team everyone all again advance
    having taking being suffering presenting diagnosed admitted treated aged i me""".split()
)


@dataclass(frozen=True)
class Prepared:
    """A question ready to be answered: its text with identifiers replaced, and what kinds
    were removed (each kind once, in the order first met)."""

    text: str
    removed: tuple[str, ...] = ()


def prepare_question(question: object, policy: str = "remove") -> Prepared:
    """The question checked to be text and de-identified; QuestionError when it is not valid
    text, or when it holds identifiers and `policy` is "refuse"."""
    if policy not in POLICIES:
        raise ValueError(f"identifier policy must be one of {', '.join(POLICIES)}, not {policy!r}")
    text = _valid_text(question)
    cleaned, removed = deidentify(text)
    if removed and policy == "refuse":
        raise QuestionError(
            f"the question holds patient identifiers ({', '.join(removed)}): ask it without "
            "them (GUIDECITE_IDENTIFIERS=refuse)"
        )
    return Prepared(cleaned, removed)


def deidentify(text: str) -> tuple[str, tuple[str, ...]]:
    """The text with every identifier found replaced by its placeholder, and the kinds."""
    spans: list[tuple[int, int, str, str]] = []
    for kind, placeholder, pattern in _RULES:
        for match in pattern.finditer(text):
            start, end = _value_span(match)
            if kind == "name":
                end = start + len(_name_words(text[start:end]))
            if kind == "name" and start == end:
                continue
            if start < end and not any(s < end and start < e for s, e, _, _ in spans):
                spans.append((start, end, kind, placeholder))
    for start, end in _said_again(text, [(s, e) for s, e, kind, _ in spans if kind == "name"]):
        if not any(s < end and start < e for s, e, _, _ in spans):
            spans.append((start, end, "name", "[NAME]"))
    spans.sort()
    out, last, kinds = [], 0, dict[str, None]()
    for start, end, kind, placeholder in spans:
        out.append(text[last:start] + placeholder)
        last = end
        kinds[kind] = None
    out.append(text[last:])
    return "".join(out), tuple(kinds)


def holds_identifiers(*texts: str) -> bool:
    """Whether any of the texts holds an identifier (a stored question, checked again)."""
    return any(deidentify(text)[1] for text in texts)


def removal_notice(removed: tuple[str, ...]) -> str | None:
    """What the reader is told: the kinds removed, never their values."""
    if not removed:
        return None
    return (
        f"Patient identifiers were removed from the question before it was answered or "
        f"stored: {', '.join(removed)}."
    )


def note_removals(answer: Answer, removed: tuple[str, ...]) -> Answer:
    """The answer telling its reader which kinds of identifier left the question."""
    notice = removal_notice(removed)
    if notice is None:
        return answer
    joined = notice if not answer.notice else f"{notice} {answer.notice}"
    return replace(answer, identifiers_removed=removed, notice=joined)


def _value_span(match: re.Match[str]) -> tuple[int, int]:
    for group in ("value", "before", "signed"):
        if group in match.re.groupindex and match.group(group) is not None:
            return match.span(group)
    return match.span()


def _said_again(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where a name found once is written again without a cue ("My name is Mahmoud ...
    Mahmoud Hassan"): each word of it, with the capitalised name words after it."""
    words = {
        word
        for start, end in names
        for word in re.findall(r"[A-Z][\w'-]{2,}", text[start:end])
        if word.lower() not in _NOT_NAMES
    }
    if not words:
        return []
    again = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(words)))})\b(?:\s+{_NAME_WORD})*")
    found = []
    for match in again.finditer(text):
        start = match.start()
        end = start + len(_name_words(match.group()))
        if start < end and not any(s <= start < e for s, e in names):
            found.append((start, end))
    return found


def _name_words(found: str) -> str:
    """The leading words of a name match up to its first common word ("Mahmoud My" ->
    "Mahmoud"; "Getting" -> "")."""
    kept = ""
    for word in re.finditer(r"\S+", found):
        if word.group().rstrip(".,").lower() in _NOT_NAMES:
            break
        kept = found[: word.end()]
    return kept


def _valid_text(question: object) -> str:
    if not isinstance(question, str):
        raise QuestionError("the question must be text")
    bad = re.search(r"[\ud800-\udfff]", question)
    if bad is not None:
        raise QuestionError(
            f"the question is not valid UTF-8 text (an undecodable byte at character "
            f"{bad.start() + 1}): retype it or fix the terminal's encoding"
        )
    return question
