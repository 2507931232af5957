"""A message that speaks of taking one's own life: what the library says on getting help
comes first.

    query, crisis = read_message(question, library)  # answer.py: without those sentences
    ...
    if crisis:
        result = help_first(result, help_lines(library, read_question(CRISIS_TOPIC, library)))

A consumer who writes, in a question about something else, that they will end their life
must not get only an article about the something else. Where a message speaks of suicide or
self-harm in the first person, or of someone close ("my son is suicidal"), the library is
searched for suicide as a patient would be answered (whoever reads the answer, the help is
for the person who wrote), and its sentences that tell when and where to get help (those the
composer would put under "When to get help": an emergency number, a help line) and speak of
suicide or self-harm themselves stand first among the answer's sections, cited and verified
like any other, with a notice that says why; a declined answer shows them too. Where the
library holds no such sentence, the notice says that. The rest of the message is answered
as if those sentences were not there: "kill" and "myself" are not what it asks about.

The words looked for name the situation, not a clinical fact; what the reader is told about
it comes only from the library. A clinician's question about patients ("suicide risk
screening in adolescents", "my patient has suicidal thoughts: which antidepressant?") is
answered as asked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .audience import reader_heading
from .chunking import split_sentences
from .compose.sections import classify, kind
from .compose.units import passage_statements
from .i18n import N_
from .library import Library
from .query import Query
from .retrieval import retrieve
from .types import (
    ANSWERED,
    INSUFFICIENT_EVIDENCE,
    SUPPORTED,
    Answer,
    ArticleSection,
    Citation,
    Hit,
    Reference,
    Statement,
    reference_for,
)
from .verify import verify_one
from .wording import Correction, mended, unglue

#: What the library is searched for.
CRISIS_TOPIC = "suicide"
#: The section the help stands in, first of the answer's.
HELP_SECTION = "escalation"
#: The documents preferred, whoever reads the answer: the person in need of help.
HELP_AUDIENCE = "patient"
#: The most sentences of help shown, and the passages searched for them.
HELP_MOST = 2
HELP_SEARCHED = 30

NOTICE = N_(
    "Your message speaks of suicide: what the library says on getting help is shown in a "
    "section of its own, first of the article's sections."
)
NO_HELP = N_(
    "Your message speaks of suicide, and the library holds nothing on getting help with it."
)
NOTICES = (NOTICE, NO_HELP)

_SELF_HARM = re.compile(
    r"\bsuicid\w*|\bself[- ]?harm\w*|"
    r"\b(?:kill|harm|hurt)(?:s|ed|ing)?\s+(?:my|your|him|her|them|our)sel(?:f|ves)\b|"
    r"\b(?:end|take)(?:s|ing)?\s+(?:my|his|her|their|our|your)\s+(?:own\s+)?(?:life|lives)\b|"
    r"\bwant(?:s|ed)?\s+to\s+die\b",
    re.IGNORECASE,
)
#: The writer speaks of themselves or of someone close ("I", "my son")...
#: ("US", the country, is none of them.)
_FIRST_PERSON = re.compile(r"\b(?:[Ii]|[Ii]'?m|[Mm]e|[Mm]y|[Mm]yself|[Ww]e|[Oo]ur|us)\b")
#: ... but not of the patients in their care.
_CARER = re.compile(r"\b(?:my|our)\s+(?:patients?|clients?)\b", re.IGNORECASE)


def speaks_of_self_harm(message: str) -> bool:
    """Whether a message speaks of suicide or self-harm, its writer's own or someone's
    close to them, rather than a clinician's patients'."""
    return bool(
        _SELF_HARM.search(message) and _FIRST_PERSON.search(message) and not _CARER.search(message)
    )


def without_self_harm(message: str, corrections: Sequence[Correction] = ()) -> str:
    """The message without its sentences that speak of self-harm, each read with the typos
    `corrections` names mended ("sucide"); the message as it was where nothing is left."""
    kept = [
        sentence
        for sentence in split_sentences(unglue(message))
        if not _SELF_HARM.search(mended(sentence, corrections))
    ]
    return " ".join(kept) if kept else message


def help_first(result: Answer, help_article: Answer) -> Answer:
    """The answer with the get-help statements of `help_article` (help_lines) first among
    its sections (those it does not already hold), their references added to its own, and
    the notice saying why; the notice alone where there are none."""
    statements = _help_statements(help_article)
    said = {s.text for s in result.statements}
    statements = [s for s in statements if s.text not in said]
    notice = NOTICE if statements or _holds_help(result) else NO_HELP
    result = replace(result, notice=" ".join(x for x in (notice, result.notice) if x))
    if not statements:
        return _help_section_first(result)
    cited = {n for s in statements for n in s.references}
    added = tuple(r for r in help_article.references if r.number in cited)
    references, numbers = _merged_references(result.references, added)
    moved = [_renumbered(s, numbers) for s in statements]
    own = next((s for s in result.sections if s.key == HELP_SECTION), None)
    heading = reader_heading(HELP_SECTION, result.audience) or kind(HELP_SECTION).heading
    section = ArticleSection(
        HELP_SECTION,
        own.heading if own else heading,
        (*moved, *(own.statements if own else ())),
    )
    rest = tuple(s for s in result.sections if s.key != HELP_SECTION)
    return replace(
        result,
        sections=(section, *rest),
        references=references,
        supported_share=_share_with(result, moved),
    )


def help_lines(library: Library, query: Query) -> Answer:
    """The library's sentences on getting help that speak of suicide or self-harm (at most
    HELP_MOST, from the best passages the search for suicide, `query` (CRISIS_TOPIC read),
    finds, documents for patients preferred; each once, not again inside a longer one),
    verified against their passages, as an article of that one section; a declined one
    where the library holds none."""
    hits = retrieve(library.store, query, audience=HELP_AUDIENCE, k=HELP_SEARCHED)
    documents = library.store.documents({h.passage.doc_id for h in hits})
    told: dict[str, Hit] = {}
    for hit in hits:
        for text, _grade in passage_statements(hit.passage.text):
            if _tells_where_to_get_help(text, hit):
                told.setdefault(text, hit)
    # a line said again with its neighbour sentence is said once, with it
    said_whole = [t for t in told if not any(t != o and t.rstrip(" .") in o for o in told)]
    found = {text: told[text] for text in said_whole[:HELP_MOST]}
    numbers: dict[str, int] = {}
    statements = []
    for text, hit in found.items():
        number = numbers.setdefault(hit.passage.doc_id, len(numbers) + 1)
        passage = hit.passage
        citation = Citation(number, passage.passage_id, passage.text, passage.section_path)
        statements.append(verify_one(Statement(text, (citation,)), library.embedder))
    supported = tuple(s for s in statements if s.verdict == SUPPORTED)
    if not supported:
        return Answer(CRISIS_TOPIC, CRISIS_TOPIC, INSUFFICIENT_EVIDENCE, HELP_AUDIENCE)
    references = tuple(reference_for(documents[d], n) for d, n in numbers.items())
    section = ArticleSection(HELP_SECTION, kind(HELP_SECTION).heading, supported)
    return Answer(
        CRISIS_TOPIC,
        CRISIS_TOPIC,
        ANSWERED,
        HELP_AUDIENCE,
        sections=(section,),
        references=references,
    )


def _tells_where_to_get_help(text: str, hit: Hit) -> bool:
    return bool(_SELF_HARM.search(text)) and classify(text, hit.passage.section_path).key == (
        HELP_SECTION
    )


def _help_statements(article: Answer) -> list[Statement]:
    if article.status != ANSWERED:
        return []
    return [
        s
        for section in article.sections
        if section.key == HELP_SECTION
        for s in section.statements
        if s.verdict == SUPPORTED
    ]


def _holds_help(result: Answer) -> bool:
    return any(s.key == HELP_SECTION and s.statements for s in result.sections)


def _help_section_first(result: Answer) -> Answer:
    """The answer's own get-help section first, where it has one."""
    first = tuple(s for s in result.sections if s.key == HELP_SECTION)
    rest = tuple(s for s in result.sections if s.key != HELP_SECTION)
    return replace(result, sections=(*first, *rest))


def _merged_references(
    own: tuple[Reference, ...], added: tuple[Reference, ...]
) -> tuple[tuple[Reference, ...], dict[int, int]]:
    """The answer's references with those of the added statements after them (a document
    it already cites keeps its number), and each added reference's new number."""
    by_doc = {r.doc_id: r.number for r in own}
    references = list(own)
    numbers = {}
    for ref in added:
        if ref.doc_id not in by_doc:
            by_doc[ref.doc_id] = len(references) + 1
            references.append(replace(ref, number=by_doc[ref.doc_id]))
        numbers[ref.number] = by_doc[ref.doc_id]
    return tuple(references), numbers


def _renumbered(statement: Statement, numbers: dict[int, int]) -> Statement:
    citations = tuple(replace(c, reference=numbers[c.reference]) for c in statement.citations)
    return replace(statement, citations=citations)


def _share_with(result: Answer, added: list[Statement]) -> float:
    """The answer's share of supported statements, the added ones counted in."""
    total = len(result.statements) + result.dropped
    supported = (result.supported_share or 0.0) * total
    supported += sum(s.verdict == SUPPORTED for s in added)
    return supported / (total + len(added))
