"""Wording and small formatting helpers shared by the renderers.

Nothing here states a medical fact: the only content of a rendered answer is what the
guideline documents say, quoted in its statements and citations.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from guidecite import audience, crisis
from guidecite.errors import InputError
from guidecite.frame import DECLINE_REASONS, DECLINED, READING_NOTICES
from guidecite.i18n import DEFAULT_LANGUAGE, N_, translate_messages, translate_whole, translator
from guidecite.readers import parse_reader
from guidecite.types import (
    PARTIAL,
    SUPPORTED,
    UNSUPPORTED,
    Answer,
    ArticleSection,
    Reference,
    Statement,
)

#: A message -> its translation (`translator(language).gettext`).
Gettext = Callable[[str], str]
english: Gettext = translator(DEFAULT_LANGUAGE).gettext

DISCLAIMER = N_(
    "This summary is generated from the guideline library by software and has not yet been "
    "reviewed by a clinician. It is provided for information and education; it is not a "
    "substitute for clinical judgement, for the full text of the cited guidelines, or for "
    "advice from a health professional who knows the patient."
)

NO_EVIDENCE = N_(
    "The guideline library holds no evidence that answers this question, so no answer is "
    "given. The sources below are the nearest the library holds; a reader might check them."
)

NO_NEAREST_SOURCES = N_("The library holds no source close to this question either.")

#: Said first when the interface is not in English: the statements stay in the sources' words.
SOURCES_IN_ENGLISH = N_(
    "The sources are in English; statements are quoted in their original language."
)

#: Section headings by their stable key (compose/sections.py), for translation at render time.
SECTION_HEADINGS = {
    "assessment": N_("Assessment and diagnosis"),
    "tests": N_("Tests and imaging"),
    "treatment": N_("Treatment"),
    "monitoring": N_("Monitoring and follow-up"),
    "escalation": N_("When to escalate or refer"),
    "pitfalls": N_("Pitfalls and cautions"),
    "populations": N_("Special populations"),
    "other": N_("Other considerations"),
    "glossary": N_("Definitions"),
}


def one_line(text: str) -> str:
    """`text` with every run of whitespace, newlines included, collapsed to one space."""
    return " ".join(str(text).split())


def audience_label(audience: str, _: Gettext = english) -> str:
    """ "For physicians" ("clinician", as older records say, is the physician too)."""
    try:
        return _(parse_reader(audience).for_label)
    except InputError:
        return _("For readers: %(audience)s") % {"audience": one_line(audience)}


def generated_date(created_at: str, _: Gettext = english) -> str:
    """The calendar date of an ISO timestamp; the raw text when it is not one."""
    if not created_at:
        return _("on an unknown date")
    try:
        return datetime.fromisoformat(created_at).date().isoformat()
    except ValueError:
        return one_line(created_at)


def status_line(audience: str, created_at: str, _: Gettext = english) -> str:
    return _("%(audience)s. Generated %(date)s; not yet reviewed.") % {
        "audience": audience_label(audience, _),
        "date": generated_date(created_at, _),
    }


def year_text(year: int | None, _: Gettext = english) -> str:
    return _("year unknown") if year is None else str(year)


def issuer_and_year(ref: Reference, _: Gettext = english) -> str:
    """ "Issuer, 2021", "2021" without an issuer, "year unknown" without a year."""
    if ref.issuer:
        return f"{one_line(ref.issuer)}, {year_text(ref.year, _)}"
    return year_text(ref.year, _)


def path_text(section_path: tuple[str, ...]) -> str:
    return " > ".join(one_line(part) for part in section_path)


# -- verification, grades, freshness, disagreement ------------------------------------------

VERDICT_WORDS = {
    SUPPORTED: N_("supported by the cited passage"),
    PARTIAL: N_("only partly supported by the cited passage"),
    UNSUPPORTED: N_("not supported by the cited passage"),
}
POINTS = {
    "interval": N_("Interval"),
    "dose": N_("Dose"),
    "threshold": N_("Threshold"),
    "number": N_("Number"),
    "choice": N_("First choice"),
}


#: The mark of each verdict, after the statement (before it when shown although unsupported).
MARKS = {SUPPORTED: "\u2713", PARTIAL: "\u25d0", UNSUPPORTED: "\u2717"}
#: The verdict in two words, where the mark alone would not say it.
MARK_WORDS = {
    SUPPORTED: N_("supported"),
    PARTIAL: N_("partly supported"),
    UNSUPPORTED: N_("not supported"),
}


#: A statement citing, and a reference to, a document marked untrusted at ingest.
UNTRUSTED = N_("untrusted source")
UNTRUSTED_REFERENCE = N_("Marked untrusted at ingest.")


@dataclass(frozen=True)
class Trust:
    """What a reader is told about one statement, in the interface language: its verdict
    (mark, words, why), its grade with the grade's meaning, and its old sources. Every
    renderer and the page say it in these words."""

    verdict: str | None  # SUPPORTED, PARTIAL, UNSUPPORTED; None: not verified
    mark: str  # "✓", "◐", "✗" or ""
    words: str  # "partly supported"
    why: str  # "only partly supported by the cited passage: the number differs"
    grade: str | None  # "grade: 1B; in this guideline: 1: Strong ..."
    stale: str | None  # "source [2] is older than 5 years"
    stale_references: tuple[int, ...]
    untrusted: str | None = None  # "untrusted source"

    @property
    def flagged(self) -> bool:
        """Shown although its cited passage does not support it."""
        return self.verdict == UNSUPPORTED


def statement_trust(statement: Statement, answer: Answer, _: Gettext = english) -> Trust:
    """The trust marks of one statement of `answer`."""
    verdict = statement.verdict if statement.verdict in MARKS else None
    why = ""
    if verdict is not None:
        why = _(VERDICT_WORDS[verdict])
        if statement.reason:
            why += f": {one_line(statement.reason)}"
    old = tuple(n for n in statement.references if n in _stale_numbers(answer))
    marked = {r.number for r in answer.references if getattr(r, "untrusted", False)}
    return Trust(
        verdict=verdict,
        mark=MARKS.get(verdict or "", ""),
        words=_(MARK_WORDS[verdict]) if verdict else "",
        why=why,
        grade=grade_text(statement, _),
        stale=stale_statement_text(old, answer, _),
        stale_references=old,
        untrusted=_(UNTRUSTED) if marked.intersection(statement.references) else None,
    )


def untrusted_mark(ref: Reference, _: Gettext = english) -> str | None:
    """ "Marked untrusted at ingest." for a reference to such a document."""
    return _(UNTRUSTED_REFERENCE) if getattr(ref, "untrusted", False) else None


def _stale_numbers(answer: Answer) -> set[int]:
    if answer.max_age_years is None:
        return set()
    return {r.number for r in answer.references if r.stale}


def stale_statement_text(old: tuple[int, ...], answer: Answer, _: Gettext = english) -> str | None:
    """ "source [2] is older than 5 years" for a statement citing old sources."""
    if not old or answer.max_age_years is None:
        return None
    numbers = ", ".join(f"[{n}]" for n in old)
    if len(old) == 1:
        line = _("source %(numbers)s is older than %(years)d years")
    else:
        line = _("sources %(numbers)s are older than %(years)d years")
    return line % {"years": answer.max_age_years, "numbers": numbers}


def trust_lines(answer: Answer, _: Gettext = english) -> list[str]:
    """What the answer as a whole says about its checks: the verification line, the
    on-topic line when the answer has one, and the old-sources line."""
    lines = [verification_line(answer, _), on_topic_line(answer, _)]
    lines.append(stale_line(answer, answer.references or answer.nearest_sources, _))
    return [line for line in lines if line]


def on_topic_line(answer: Answer, _: Gettext = english) -> str | None:
    """ "Sources checked against the question's topic and patient (not whether each statement
    answers it): 90% of statements pass; 1 off topic, left out." It names the check (a
    statement's source is on the question's topic or the statement names it, and it is not
    about a population the question excludes: see relevance.py), and says what it does not
    judge: whether every statement answers the question. None when the answer carries no
    on-topic share."""
    share = getattr(answer, "on_topic_share", None)
    if share is None:
        return None
    line = _(
        "Sources checked against the question's topic and patient (not whether each statement "
        "answers it): %(share)s of statements pass"
    ) % {"share": f"{share:.0%}"}
    off = int(getattr(answer, "off_topic", 0) or 0)
    if off:
        line += _("; %(count)d off topic, left out") % {"count": off}
    return line + "."


def verification_line(answer: Answer, _: Gettext = english) -> str | None:
    """ "Checked against the cited passages: 9 of 10 statements supported (90%); 1 not
    supported, left out." None when the answer was not verified."""
    if answer.supported_share is None:
        return None
    total = len(answer.statements) + answer.dropped
    supported = round(answer.supported_share * total)
    line = _(
        "Checked against the cited passages: %(supported)d of %(total)d statements "
        "supported (%(share)s)"
    ) % {"supported": supported, "total": total, "share": f"{answer.supported_share:.0%}"}
    if answer.dropped:
        line += _("; %(count)d not supported, left out") % {"count": answer.dropped}
    shown = sum(1 for s in answer.statements if s.verdict == UNSUPPORTED)
    if shown:
        line += _("; %(count)d not supported, shown flagged") % {"count": shown}
    return line + "."


def stale_line(answer: Answer, refs: tuple[Reference, ...], _: Gettext = english) -> str | None:
    """ "Sources [2], [3] are older than 5 years: newer guidance may exist." """
    old = [r.number for r in refs if r.stale]
    if not old or answer.max_age_years is None:
        return None
    numbers = ", ".join(f"[{n}]" for n in old)
    if len(old) == 1:
        line = _("Source %(numbers)s is older than %(years)d years: newer guidance may exist.")
    else:
        line = _("Sources %(numbers)s are older than %(years)d years: newer guidance may exist.")
    return line % {"numbers": numbers, "years": answer.max_age_years}


def stale_mark(ref: Reference, answer: Answer, _: Gettext = english) -> str | None:
    if not ref.stale or answer.max_age_years is None:
        return None
    return _("Older than %(years)d years.") % {"years": answer.max_age_years}


def grade_text(statement: Statement, _: Gettext = english) -> str | None:
    """ "grade: 1B; in this guideline: 1: Strong ..." or None without a grade, or where the
    statement's own words show the grade and no scheme of its guideline explains it
    ("... 90 minutes or less (Class I, LOE: A)" is not followed by "(grade: Class I, LOE: A)")."""
    if not statement.grade:
        return None
    if not statement.grade_scheme and one_line(statement.grade) in statement.text:
        return None
    text = _("grade: %(grade)s") % {"grade": one_line(statement.grade)}
    if statement.grade_scheme:
        scheme = one_line(statement.grade_scheme)
        text += _("; in this guideline: %(scheme)s") % {"scheme": scheme}
    return text


def point_name(point: str, _: Gettext = english) -> str:
    return _(POINTS[point]) if point in POINTS else one_line(point).capitalize()


def reference_label(number: int, answer: Answer, _: Gettext = english) -> str:
    """ "[2] Agency B, 2019" for a reference number of the answer."""
    for ref in answer.references:
        if ref.number == number:
            return f"[{number}] {issuer_and_year(ref, _)}"
    return f"[{number}]"


# -- the interface language -----------------------------------------------------------------


def localized(answer: Answer, language: str | None = None) -> Answer:
    """The answer with its interface wording in `language` (default: the answer's own):
    section headings by key, the readers' notices, the notices on how the question was read
    (frame.READING_NOTICES), why an answer is declined (frame.DECLINED, its reason
    translated too), and first a notice that the statements are quoted from English
    sources. Statements, titles and citations are left as they are.
    Localizing twice changes nothing more."""
    language = language or answer.language
    if language == DEFAULT_LANGUAGE:
        return replace(answer, language=language)
    _ = translator(language).gettext
    sections = tuple(_section_heading(s, answer.audience, _) for s in answer.sections)
    notice = audience.translate_notice(answer.notice, _)
    if notice:
        notice = translate_messages(
            notice, (*crisis.NOTICES, *READING_NOTICES), _, translated=("kind",)
        )
        notice = translate_whole(notice, (DECLINED,), _, within={"reason": DECLINE_REASONS})
    if _(SOURCES_IN_ENGLISH) not in (notice or ""):
        notice = " ".join(x for x in (_(SOURCES_IN_ENGLISH), notice) if x)
    return replace(answer, language=language, sections=sections, notice=notice)


def _section_heading(section: ArticleSection, reader: str, _: Gettext) -> ArticleSection:
    english = audience.reader_heading(section.key, reader) or SECTION_HEADINGS.get(section.key)
    return replace(section, heading=_(english) if english else section.heading)


# -- the quoted sentence inside its passage -------------------------------------------------

_WORD = re.compile(r"\w+")
_CLOSING = ".;:!?)\u201d\"'"


def quote_span(sentence: str, passage: str) -> tuple[int, int] | None:
    """Where the statement's sentence stands in its passage, as (start, end) offsets into
    the passage: the sentence's words in order, whatever lies between them (spaces, line
    breaks, list marks, punctuation). None when the passage does not hold them."""
    words = _WORD.findall(sentence)
    if not words:
        return None
    pattern = r"(?<!\w)" + r"\W+".join(re.escape(w) for w in words) + r"(?!\w)"
    found = re.search(pattern, passage, re.IGNORECASE)
    if found is None:
        return None
    end = found.end()
    while end < len(passage) and passage[end] in _CLOSING:
        end += 1
    return found.start(), end


#: A piece of a passage line: its text and the key of the statement quoting it, if any.
Piece = tuple[str, str | None]


def passage_lines(passage: str, quotes: Sequence[tuple[str, str]]) -> list[list[Piece]]:
    """The passage's non-blank lines, each a list of pieces, where each quoted sentence is a
    piece carrying its statement's key. `quotes` are (key, sentence) pairs; a sentence not
    found, or overlapping one found before it, stays unmarked."""
    spans: list[tuple[int, int, str]] = []
    for key, sentence in quotes:
        span = quote_span(sentence, passage)
        if span and all(span[1] <= s or span[0] >= e for s, e, _ in spans):
            spans.append((*span, key))
    lines: list[list[Piece]] = [[]]
    position = 0
    for start, end, key in [*sorted(spans), (len(passage), len(passage), "")]:
        _add_piece(lines, passage[position:start], None)
        _add_piece(lines, passage[start:end], key or None)
        position = end
    return [line for line in lines if "".join(text for text, _ in line).strip()]


def _add_piece(lines: list[list[Piece]], text: str, key: str | None) -> None:
    """Appends `text` to the last line, starting a new line at each line break."""
    for index, part in enumerate(text.split("\n")):
        if index:
            lines.append([])
        if part:
            lines[-1].append((part, key))
