"""Recommendation strength and evidence grades as guidelines state them, and what they mean.

`find_grade` reads the grade a sentence states: "(Strong recommendation, High quality of
evidence)", "Grade A", "Level II-2", "(1B)", "[I-A]", "B recommendation", "(LE=4, GR=C)",
"(Level of Evidence: B)", "(Weak For)", "(GPP)". The text is kept as written.

`explain_grade` finds what a grade means in the document's own rating scheme (the NGC
pages' "Rating Scheme for the Strength of the Evidence/Recommendations" sections): the
line that defines each of its codes ("1B" -> "1: ..." and "B: ..."). `explain_grades`
does so for every graded statement of an answer, reading the scheme through the store.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from .store.base import Content
from .types import Answer, ArticleSection, Statement

_PATTERNS = (
    r"\((?:[^()]*\b(?:strong|weak|conditional|moderate|low|high|very low)\b[^()]*"
    r"\b(?:recommendation|evidence)\b[^()]*)\)",
    r"\b(?:strength of recommendation|quality of evidence|level of evidence|"
    r"grade of recommendation|evidence level|class of recommendation)\s*[:=]?\s*"
    r"[A-Za-z0-9\-+ ]{1,20}",
    # A letter grade may stand in running text ("Grade A"); a number or a roman numeral
    # only in brackets or named as a recommendation's or evidence's, since "grade 3" and
    # "class III" in running text are a tumour's grade and a patient's functional class.
    r"\b(?:grade|level)\s+[A-D][+-]?\b(?:\s+(?:recommendation|evidence))?",
    r"(?<=[(\[])\s*(?:grade|level|class)\s+(?:[A-D][+-]?|I{1,3}V?(?:-\d)?[a-c]?|IV|V|[1-4][a-c]?)\b",
    r"\b(?:grade|level|class)\s+(?:I{1,3}V?(?:-\d)?[a-c]?|IV|V|[1-4][a-c]?)\s+"
    r"(?:recommendation|evidence)\b",
    r"\(\s*[1-2][A-C]\s*\)",
    r"\[\s*(?:I{1,3}V?|IV|V)\s*[-,]?\s*[A-E]\s*\]",
    r"\b[A-D] recommendation\b",
    r"\b(?:strong|weak|conditional) recommendation\b",
)
_GRADE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)
_ONLY_GRADE = re.compile(rf"^\W*(?:{_GRADE.pattern})[\W\s]*$", re.IGNORECASE)

#: A code of a rating scheme: "1B", "A", "B+", "II-2", "IIIA", "U", "1|++OO".
_CODE = (
    r"(?:[1-5][A-Da-d]?|[A-E][+-]?|U|R|I{1,3}(?:[-\u2013]?[1-3])?[A-Ea-e]?|IV[-\u2013]?[A-Ea-e]?|"
    r"V|[1-4]\|[+O]{4})"
)
#: Words that name a grade or what it rates; a trailing bracket holding one is a grade.
_VOCABULARY = re.compile(
    r"\b(?:grade[ds]?|level|evidence|recommendations?|strength|quality|class|category|"
    r"LE|GR|BEL|GPP|EO|expert opinion|consensus|practice point|good practice|"
    r"clinical principle|option|standard|statement|strong|weak|conditional|"
    r"insufficient|moderate|high|low)\b",
    re.IGNORECASE,
)
_ENUMERATION = re.compile(r"\w+,\s*\w+,?\s+(?:and|or)\s+\w+")  # "(High, Moderate, and Low)"
_LIST_MARK = re.compile(r"^\s*[-*•]\s+")
_JOINING = frozenset("of for and or the a an to in on by with based against".split())
_TRAILING = re.compile(r"[(\[]\s*(?P<inside>[^()\[\]]{1,90}?)\s*[)\]]\s*[.;]?\s*$")
_CODES_ONLY = re.compile(rf"^{_CODE}(?:\s*[,;/]\s*{_CODE})*$")
_NOT_A_GRADE = re.compile(
    r"^(?:see|new|revised|amended|updated|reference|nice|design|table|"
    r"figure)\b|^\d{4}\b",
    re.IGNORECASE,
)


def find_grade(text: str) -> str | None:
    """The grade or strength the text states, as written, without brackets."""
    trailing = _trailing_grade(text)
    if trailing is not None:
        return trailing
    match = _GRADE.search(text)
    if match is None:
        return None
    return match.group().strip().strip("()[]").strip()


def _trailing_grade(text: str) -> str | None:
    """A bracket closing the text that holds a grade: "(1B)", "(Level of Evidence: B)"."""
    match = _trailing_grade_match(text)
    return " ".join(match["inside"].split()) if match is not None else None


def _trailing_grade_match(text: str) -> re.Match[str] | None:
    """The bracket closing the (right-stripped) text, where it holds a grade."""
    match = _TRAILING.search(text.rstrip())
    if match is None:
        return None
    inside = " ".join(match["inside"].split())
    if _NOT_A_GRADE.search(inside) or _ENUMERATION.search(inside):
        return None
    if _CODES_ONLY.match(inside) and not inside.isdigit():
        return match
    if _VOCABULARY.search(inside) and len(_other_words(inside)) <= 2:
        return match
    return None


def without_trailing_grade(text: str) -> str:
    """The text without the grade in a bracket that closes it ("Offer X. (Grade B)" ->
    "Offer X."); the text as it is where no grade closes it."""
    match = _trailing_grade_match(text)
    return text.rstrip()[: match.start()].rstrip() if match is not None else text


def _other_words(text: str) -> list[str]:
    """Words of a bracket that are neither grade vocabulary, codes nor joining words."""
    stripped = _VOCABULARY.sub(" ", text)
    return [
        w
        for w in re.findall(r"[^\W\d_][\w-]*", stripped)
        if w.lower() not in _JOINING and not re.fullmatch(_CODE, w)
    ]


def is_grade_only(text: str) -> bool:
    """Whether a sentence says nothing but a grade (it then belongs to the one before)."""
    stripped = text.strip()
    if _ONLY_GRADE.match(stripped):
        return True
    if re.fullmatch(r"[(\[][^()\[\]]*[)\]]\.?", stripped) and _trailing_grade(stripped):
        return True
    return len(text.split()) <= 12 and find_grade(text) is not None and text.count(":") >= 1


#: The wording of a recommendation: the grammar of guidelines, not a clinical fact.
_RECOMMENDS = re.compile(r"\b(?:recommend|suggest|should|advise|offer)\w*", re.IGNORECASE)


def graded_by_line(
    text: str, statements: Sequence[tuple[str, str | None]]
) -> list[tuple[str, str | None]]:
    """The statements of a passage's text, each with its grade: where a line ends with a
    grade after more than one sentence ("The Task Force suggests using hydrocortisone
    (15-25 mg) ... . Higher frequency regimens ... may be beneficial in individual cases.
    (2|++OO)"), the source grades the line, so a recommendation on it with no grade of its
    own carries that one. A sentence that recommends nothing keeps none; nor does any where
    the graded sentence recommends too, or another sentence of the line has its own grade:
    the line then holds several recommendations, each graded where it stands ("... should be
    considered in all patients. ... should be continued until ... (+++, weak). ... Beta
    blockade should also be considered ... (++, weak)")."""
    graded = list(statements)
    for line in text.splitlines():
        on_line = [i for i, (unit, _) in enumerate(statements) if unit and unit in line]
        if len(on_line) < 2:
            continue
        last, grade = statements[on_line[-1]]
        if grade is None or grade != _trailing_grade(line) or _RECOMMENDS.search(last):
            continue
        if any(statements[i][1] is not None for i in on_line[:-1]):
            continue
        for i in on_line[:-1]:
            unit, own = statements[i]
            if own is None and _RECOMMENDS.search(unit):
                graded[i] = (unit, grade)
    return graded


# -- what a grade means --------------------------------------------------------------------

_ASPECT_WORDS = (
    "very low",
    "strong",
    "weak",
    "conditional",
    "high",
    "moderate",
    "low",
    "insufficient",
    "expert opinion",
    "consensus",
    "good practice point",
    "GPP",
)
_LABELS = r"(?i:grade|level|class|category|quality|strength|rating)"
MAX_DEFINITION = 300
MIN_DEFINITION_WORDS = 5


def grade_codes(grade: str) -> list[str]:
    """The codes and words of a grade a scheme may define, most specific first:
    "Grade 1B" -> ["1B", "1", "B"]; "Strong recommendation, low quality" -> ["strong", "low"]."""
    codes: list[str] = []
    for match in re.finditer(rf"(?<![\w|+]){_CODE}(?![\w|+])", grade):
        code = match.group()
        codes.append(code)
        parts = re.fullmatch(r"(I{1,3}(?:[-\u2013][1-3])?|IV|[1-5])[-\u2013]?([A-Ea-e])", code)
        if parts:
            codes.extend(parts.groups())
    lowered = grade.lower()
    for word in _ASPECT_WORDS:
        if re.search(rf"\b{re.escape(word.lower())}\b", lowered) and not any(
            word.lower() in c.lower() for c in codes
        ):
            codes.append(word)
    return list(dict.fromkeys(c for c in codes if c.strip()))


def explain_grade(grade: str, scheme: Sequence[str]) -> str | None:
    """The scheme's own definitions of the grade's codes (at most two), or None."""
    found: list[str] = []
    label = re.search(rf"\b{_LABELS}\b", grade)
    for code in grade_codes(grade):
        definition = _definition(code, scheme, label.group().lower() if label else None)
        if definition and definition not in found:
            found.append(definition)
        if len(found) == 2:
            break
    if not found:
        return None
    text = " / ".join(found)
    return text if len(text) <= MAX_DEFINITION else text[: MAX_DEFINITION - 3].rstrip() + "..."


def _definition(code: str, scheme: Sequence[str], label: str | None = None) -> str | None:
    """The scheme line that defines a code; one under the grade's own label ("Grade",
    "Level") first, then one under no label, then any."""
    flags = re.IGNORECASE if len(code) > 2 else 0
    pattern = re.compile(
        rf"^(?:[|\-*•]\s*)?(?:(?i:an?)\s+)?(?:(?P<label>{_LABELS})(?i:\s+of\s+\w+)?\s*[:=]?\s*)?"
        rf"(?P<code>{re.escape(code)})"
        r"(?:[\s-]*(?i:quality|recommendation|evidence|for|against))*"
        r"\s*(?:[:=|\u2013\u2014).-]|$|\s+(?i:indicates|means|is|are|=))",
        flags,
    )
    found = []
    for i, line in enumerate(scheme):
        match = pattern.match(line.strip())
        if match:
            own = (match["label"] or "").lower()
            rank = 0 if label and own == label else 1 if not own else 2
            found.append((rank, i))
    if not found:
        return None
    for _, i in sorted(found):
        text = _cells(scheme[i])
        if len(text) <= len(code) + 12 and i + 1 < len(scheme):
            text = f"{text}: {_cells(scheme[i + 1])}"
        if len(text.split()) >= MIN_DEFINITION_WORDS:  # not a table's header row
            return text
    return None


def _cells(line: str) -> str:
    """A scheme line as text: a table row's first cell, a colon, the other cells."""
    cells = [" ".join(c.split()) for c in _LIST_MARK.sub("", line.strip()).strip("|").split("|")]
    cells = [c for c in cells if c]
    if len(cells) < 2:
        return cells[0] if cells else ""
    return f"{cells[0]}: " + "; ".join(c.rstrip(".") for c in cells[1:])


# -- grades of an answer -------------------------------------------------------------------

SchemeLookup = Callable[[str], Sequence[str]]


def explain_grades(answer: Answer, scheme_of: SchemeLookup) -> Answer:
    """Every graded statement with what its grade means in its document's rating scheme.

    `scheme_of(doc_id)` gives the lines of a document's rating scheme (empty if none).
    """
    doc_ids = {r.number: r.doc_id for r in answer.references}
    cache: dict[str, Sequence[str]] = {}

    def scheme(doc_id: str) -> Sequence[str]:
        if doc_id not in cache:
            cache[doc_id] = scheme_of(doc_id)
        return cache[doc_id]

    def explained(statement: Statement) -> Statement:
        if not statement.grade or statement.grade_scheme or not statement.citations:
            return statement
        doc_id = doc_ids.get(statement.citations[0].reference)
        meaning = explain_grade(statement.grade, scheme(doc_id)) if doc_id else None
        return replace(statement, grade_scheme=meaning) if meaning else statement

    return replace(
        answer,
        bottom_line=tuple(explained(s) for s in answer.bottom_line),
        sections=tuple(_map(section, explained) for section in answer.sections),
    )


def _map(section: ArticleSection, change: Callable[[Statement], Statement]) -> ArticleSection:
    return replace(section, statements=tuple(change(s) for s in section.statements))


def store_schemes(store: Content) -> SchemeLookup:
    """A lookup of rating schemes in a store: the lines of the document's sections whose
    heading names a rating scheme (`Store.rating_scheme`)."""

    def lookup(doc_id: str) -> Sequence[str]:
        return [
            line
            for p in store.rating_scheme(doc_id)
            if _is_scheme(p.section_path)
            for line in p.text.splitlines()
            if line.strip()
        ]

    return lookup


def _is_scheme(section_path: Sequence[str]) -> bool:
    return any("rating scheme" in part.lower() for part in section_path)
