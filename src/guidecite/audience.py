"""Five readers, same evidence: what comes first and how the article reads, per reader.

Tailoring never changes what a statement says or what it cites. It chooses which documents
are preferred (patient documents for patients), which sections come first, which statements
lead inside a section, and, for patients and students, adds the library's own definitions of
the terms the article uses (each definition a cited sentence of a library passage).

| reader      | documents | first                                                     |
|-------------|-----------|-----------------------------------------------------------|
| physician   | clinician | the default article                                       |
| nurse       | clinician | monitoring, administration, patient education, escalation |
| pharmacist  | clinician | dosing, renal/hepatic adjustment, interactions, cautions  |
| student     | clinician | definitions and the rationale behind recommendations      |
| patient     | patient   | when to get help; short plain sentences; terms explained  |
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from tokenizers import Tokenizer

from .chunking import split_sentences
from .embedding import MINILM_TOKENIZER
from .errors import QuestionError
from .i18n import N_
from .store.base import Store
from .store.lexical import Clause
from .types import Answer, ArticleSection, Citation, Reference, Statement, reference_for

READERS: tuple[str, ...] = ("physician", "nurse", "pharmacist", "student", "patient")
ALIASES = {"clinician": "physician"}


def _cues(*stems: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(stems) + r")", re.IGNORECASE)


@dataclass(frozen=True)
class Reader:
    name: str
    documents: str  # the audience of the documents preferred: "clinician" or "patient"
    first: tuple[str, ...]  # article section keys shown first, in this order
    leads: re.Pattern[str] | None  # statements of this kind lead inside each section
    explain_terms: bool = False
    label: str = ""


PROFILES: dict[str, Reader] = {
    "physician": Reader("physician", "clinician", (), None, label="For physicians"),
    "nurse": Reader(
        "nurse",
        "clinician",
        ("monitoring", "escalation", "treatment"),
        _cues(
            r"monitor",
            r"observ",
            r"administ",
            r"infus",
            r"inject",
            r"educat",
            r"teach",
            r"counsel",
            r"inform (?:the )?patient",
            r"advise",
            r"assess",
            r"escalat",
            r"report",
            r"vital sign",
            r"every \d",
        ),
        label="For nurses",
    ),
    "pharmacist": Reader(
        "pharmacist",
        "clinician",
        ("treatment", "pitfalls", "populations"),
        _cues(
            r"dose",
            r"dosing",
            r"dosage",
            r"\d+(?:\.\d+)?\s*(?:mg|mcg|µg|g|units?)\b",
            r"renal",
            r"kidney",
            r"creatinine clearance",
            r"hepatic",
            r"liver",
            r"interact",
            r"contraindicat",
            r"adjust",
            r"titrat",
            r"formulation",
        ),
        label="For pharmacists",
    ),
    "student": Reader(
        "student",
        "clinician",
        ("assessment",),
        _cues(
            r"because",
            r"since",
            r"due to",
            r"in order to",
            r"so that",
            r"reduces?",
            r"mechanism",
            r"defined as",
            r"is a",
            r"are a",
            r"evidence",
            r"trial",
        ),
        explain_terms=True,
        label="For students",
    ),
    "patient": Reader(
        "patient",
        "patient",
        ("escalation",),
        None,
        explain_terms=True,
        label="For patients",
    ),
}

#: Interface text for patients (no medical content: it frames the article).
CARE_TEAM = N_(
    "This summary explains what the guidelines in the library say. Talk to your care team "
    "about what it means for you before changing any treatment."
)
URGENT = N_("The sources say when to get help urgently: see 'When to get help' below.")
GLOSSARY_HEADING = {"patient": N_("What the words mean"), "student": N_("Definitions")}
_ESCALATION_HEADING = {"patient": N_("When to get help")}


def reader_heading(key: str, reader: str) -> str | None:
    """The heading a reader's article gives a section in place of the default, if any."""
    if key == "escalation":
        return _ESCALATION_HEADING.get(reader)
    if key == "glossary":
        return GLOSSARY_HEADING.get(reader, GLOSSARY_HEADING["student"])
    return None


def translate_notice(notice: str | None, gettext: Callable[[str], str]) -> str | None:
    """A notice with the readers' notices in it (`tailor`) in the interface language."""
    for message in (CARE_TEAM, URGENT):
        if notice and message in notice:
            notice = notice.replace(message, gettext(message))
    return notice


def get_reader(name: str) -> Reader:
    """The reader profile for a name ("clinician" is accepted for "physician")."""
    key = ALIASES.get(name, name)
    if key not in PROFILES:
        choices = ", ".join((*READERS, *ALIASES))
        raise QuestionError(f"unknown reader {name!r}; choose one of: {choices}")
    return PROFILES[key]


def document_audience(name: str) -> str:
    """Which documents a reader prefers: 'patient' for patients, else 'clinician'."""
    return get_reader(name).documents


Define = Callable[[str], tuple[str, Reference, Citation] | None]


def tailor(answer: Answer, reader: Reader, define: Define | None = None) -> Answer:
    """The same statements and citations, ordered and framed for the reader."""
    sections = order_sections(answer.sections, reader)
    references = answer.references
    if reader.explain_terms and define is not None and answer.statements:
        glossary, references = glossary_section(answer, reader, define)
        if glossary is not None:
            sections = (*sections, glossary)
    notice = answer.notice
    if reader.name == "patient":
        urgent = any(s.key == "escalation" for s in sections)
        notice = " ".join(x for x in (notice, CARE_TEAM, URGENT if urgent else None) if x)
    return replace(
        answer, audience=reader.name, sections=sections, references=references, notice=notice
    )


def order_sections(
    sections: Sequence[ArticleSection], reader: Reader
) -> tuple[ArticleSection, ...]:
    rank = {key: i for i, key in enumerate(reader.first)}
    ordered = sorted(enumerate(sections), key=lambda p: (rank.get(p[1].key, len(rank)), p[0]))
    result = []
    for _, section in ordered:
        statements = section.statements
        leads = reader.leads
        if leads is not None:
            statements = tuple(sorted(statements, key=lambda s: not leads.search(s.text)))
        heading = _ESCALATION_HEADING.get(reader.name) if section.key == "escalation" else None
        result.append(replace(section, statements=statements, heading=heading or section.heading))
    return tuple(result)


#: Word shapes of medical terms: Greek and Latin endings, long words, abbreviations.
_TERM = re.compile(
    r"\b(?:[A-Za-z]+(?:itis|ectomy|otomy|ostomy|oma|omas|emia|aemia|osis|oses|scopy|plasty|"
    r"ology|opathy|algia|genic|plasia|trophy|uria|cardia|penia|lytic|ase)|[A-Za-z]{10,}|"
    r"[A-Z]{2,6}s?)\b"
)
MAX_TERMS = 5


@lru_cache(maxsize=1)
def _general_vocabulary() -> frozenset[str]:
    """Whole words of a general-English vocabulary: BERT's uncased WordPiece vocabulary,
    shipped with the MiniLM tokenizer. A word it holds whole is everyday English."""
    vocab = Tokenizer.from_file(str(MINILM_TOKENIZER)).get_vocab()
    return frozenset(token for token in vocab if token.isalpha())


def terms_to_explain(statements: Sequence[Statement], limit: int = MAX_TERMS) -> list[str]:
    """Words shaped like medical terms that everyday English does not hold whole."""
    everyday = _general_vocabulary()
    seen: dict[str, str] = {}
    for statement in statements:
        for match in _TERM.finditer(statement.text):
            word = match.group()
            if word.lower() not in everyday:
                seen.setdefault(word.lower(), word)
    return list(seen.values())[:limit]


def glossary_section(
    answer: Answer, reader: Reader, define: Define
) -> tuple[ArticleSection | None, tuple[Reference, ...]]:
    """Definitions the library gives of the article's terms, cited like any statement."""
    references = list(answer.references)
    statements = []
    for term in terms_to_explain(answer.statements):
        found = define(term)
        if found is None:
            continue
        text, reference, citation = found
        number = next((r.number for r in references if r.doc_id == reference.doc_id), None)
        if number is None:
            number = len(references) + 1
            references.append(replace(reference, number=number))
        statements.append(Statement(text, (replace(citation, reference=number),)))
    if not statements:
        return None, answer.references
    heading = GLOSSARY_HEADING.get(reader.name, "Definitions")
    return ArticleSection("glossary", heading, tuple(statements)), tuple(references)


def library_definer(store: Store, prefer: str = "patient") -> Define:
    """A `Define` that finds "TERM is/are/means ..." sentences in the library, preferring
    documents for the given audience; the definition is cited like any statement."""

    def define(term: str) -> tuple[str, Reference, Citation] | None:
        pattern = re.compile(
            rf"^(?:an?\s+|the\s+)?{re.escape(term)}s?\s*(?:\([^)]{{1,60}}\)\s*)?"
            r"(?:(?:is|are)\s+(?:a|an|the|one|any|when|how|made|called|used|part|"
            r"inflammation|swelling|infection)\b|means\b|refers to\b)",
            re.IGNORECASE,
        )
        hits = store.lexical_search([Clause(term, 1.0, phrase=True)], 30)
        passages = store.passages([key for key, _ in hits])
        docs = store.documents({p.doc_id for p in passages.values()})
        ordered = sorted(
            (passages[key] for key, _ in hits if key in passages),
            key=lambda p: docs[p.doc_id].audience != prefer if p.doc_id in docs else True,
        )
        for passage in ordered:
            for sentence in split_sentences(passage.text):
                if pattern.match(sentence) and 6 <= len(sentence.split()) <= 45:
                    doc = docs[passage.doc_id]
                    reference = reference_for(doc, 0)
                    citation = Citation(0, passage.passage_id, passage.text, passage.section_path)
                    return sentence, reference, citation
        return None

    return define
