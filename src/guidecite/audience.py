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

`statement_preference` is the same preference as a score the composer adds to each candidate
sentence, so that among sentences carrying the same point the reader's kind comes first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import textstat
from tokenizers import Tokenizer

from .analysis import terms
from .chunking import split_sentences
from .embedding import MINILM_TOKENIZER
from .i18n import N_
from .intents import OVERVIEW_INTENTS, intent_named
from .readers import Reader, parse_reader
from .relevance import unnamed_subject
from .store.base import Store
from .store.lexical import Clause
from .types import Answer, ArticleSection, Citation, Reference, Statement, reference_for

#: Reader names in the order the page offers them (the values of `Reader`).
READERS: tuple[str, ...] = tuple(r.value for r in Reader)


def _cues(*stems: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(stems) + r")", re.IGNORECASE)


@dataclass(frozen=True)
class Profile:
    """How one reader's article is shaped."""

    name: Reader
    first: tuple[str, ...]  # article section keys shown first, in this order
    leads: re.Pattern[str] | None  # statements of this kind lead inside each section
    explain_terms: bool = False

    @property
    def documents(self) -> str:
        """The audience of the documents preferred: "clinician" or "patient"."""
        return self.name.documents

    @property
    def label(self) -> str:
        return self.name.for_label


#: Kinds of content each reader acts on. Cue words name kinds of content (monitoring, a
#: dose, an interaction), never a clinical fact.
NURSE_CUES = _cues(
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
)
PHARMACIST_CUES = _cues(
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
)
STUDENT_CUES = _cues(
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
)
#: A sentence that says what something is: "X is a ...", "X means ...", "X refers to ...".
DEFINITION = re.compile(
    r"^[^,;:]{2,60}?\b(?:is|are)\s+(?:a|an|the|one|any)\b|\bmeans\b|\brefers? to\b|"
    r"\bdefined as\b|\bis called\b",
    re.IGNORECASE,
)

PROFILES: dict[Reader, Profile] = {
    Reader.PHYSICIAN: Profile(Reader.PHYSICIAN, (), None),
    Reader.NURSE: Profile(Reader.NURSE, ("monitoring", "escalation", "treatment"), NURSE_CUES),
    Reader.PHARMACIST: Profile(
        Reader.PHARMACIST, ("treatment", "pitfalls", "populations"), PHARMACIST_CUES
    ),
    Reader.STUDENT: Profile(Reader.STUDENT, ("assessment",), STUDENT_CUES, explain_terms=True),
    Reader.PATIENT: Profile(Reader.PATIENT, ("escalation",), None, explain_terms=True),
}

#: The most `statement_preference` gives: a bonus among candidates that carry the same point,
#: small against the composer's relevance scores.
MAX_PREFERENCE = 0.15
_DOCUMENTS_BONUS = 0.08  # a sentence from a document written for this reader's audience
_PLAIN_WORDS = (12, 35)  # a sentence this short is plain; this long, not plain at all
_PLAIN_GRADE = (6.0, 16.0)  # the same for its Flesch-Kincaid grade


def statement_preference(
    reader: str | Reader | Profile, text: str, document_audience: str
) -> float:
    """A bonus of 0 to MAX_PREFERENCE for a candidate sentence, by how well its kind of
    content suits the reader: for patients, sentences of documents written for patients
    and short, plain ones; for nurses, monitoring, administration and escalation; for
    pharmacists, doses, adjustments and interactions; for students, definitions and
    rationale. The composer adds it to the sentence's score; it never changes the text."""
    profile = get_reader(reader)
    name = profile.name
    if name is Reader.PATIENT:
        documents = _DOCUMENTS_BONUS if document_audience == "patient" else 0.0
        return round(documents + (MAX_PREFERENCE - _DOCUMENTS_BONUS) * plainness(text), 4)
    if name is Reader.STUDENT:
        defines = 0.67 if DEFINITION.search(text) else 0.0
        explains = 0.33 if STUDENT_CUES.search(text) else 0.0
        return round(MAX_PREFERENCE * (defines + explains), 4)
    if profile.leads is None:
        return 0.0
    # kinds of content named, counted by their first letters ("monitor", "monitoring": one)
    kinds = len({m.group().casefold()[:5] for m in profile.leads.finditer(text)})
    return round(MAX_PREFERENCE * min(kinds, 2) / 2, 4)


def plainness(text: str) -> float:
    """1 for a short sentence of everyday words, 0 for a long or hard one (length in words
    and Flesch-Kincaid grade, each scaled between a plain and a hard bound)."""
    words = len(text.split())
    if words == 0:
        return 0.0
    grade = float(textstat.flesch_kincaid_grade(text))
    short = _scaled(words, *_PLAIN_WORDS)
    easy = _scaled(grade, *_PLAIN_GRADE)
    return round((short + easy) / 2, 4)


def _scaled(value: float, plain: float, hard: float) -> float:
    """1 at or below `plain`, 0 at or above `hard`, linear between."""
    return max(0.0, min(1.0, (hard - value) / (hard - plain)))


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


def get_reader(name: str | Reader | Profile) -> Profile:
    """The profile of a reader, given by name ("clinician" is accepted for "physician"); an
    unknown name is an InputError listing the choices."""
    if isinstance(name, Profile):
        return name
    return PROFILES[parse_reader(name)]


def document_audience(name: str) -> str:
    """Which documents a reader prefers: 'patient' for patients, else 'clinician'."""
    return get_reader(name).documents


#: A definition of a term and where it comes from, preferring the documents (ids) given: the
#: ones the article cites.
Define = Callable[[str, Collection[str]], tuple[str, Reference, Citation] | None]


def tailor(answer: Answer, reader: Profile, define: Define | None = None) -> Answer:
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
        answer,
        audience=reader.name.value,
        sections=sections,
        references=references,
        notice=notice,
    )


def order_sections(
    sections: Sequence[ArticleSection], reader: Profile
) -> tuple[ArticleSection, ...]:
    rank = {key: i for i, key in enumerate(reader.first)}
    ordered = sorted(enumerate(sections), key=lambda p: (rank.get(p[1].key, len(rank)), p[0]))
    result = []
    for _, section in ordered:
        statements = leading_first(section.statements, reader)
        heading = _ESCALATION_HEADING.get(reader.name) if section.key == "escalation" else None
        result.append(replace(section, statements=statements, heading=heading or section.heading))
    return tuple(result)


def leading_first(statements: Sequence[Statement], reader: Profile) -> tuple[Statement, ...]:
    """What the reader acts on first: statements carrying more of the reader's kinds of
    content (a nurse's monitoring and administration, a pharmacist's doses and interactions)
    lead; otherwise the composer's order is kept."""
    if reader.leads is None:
        return tuple(statements)
    ranked = sorted(
        enumerate(statements),
        key=lambda p: (-statement_preference(reader, p[1].text, reader.documents), p[0]),
    )
    return tuple(s for _, s in ranked)


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


#: Kinds of answer that ask what something is or means: the reader's own words are explained.
_MEANING_ASKED = OVERVIEW_INTENTS | {intent_named("interpretation").name}


def glossary_section(
    answer: Answer, reader: Profile, define: Define
) -> tuple[ArticleSection | None, tuple[Reference, ...]]:
    """Definitions the library gives of the article's terms, cited like any statement: from
    the documents the article cites, so that a word is explained as the article's own
    sources use it. A definition the article already says is not said again, nor is a term
    the question itself uses explained, unless it asks what something is or means, or what
    the library holds: the reader wrote it ("Lumpectomy is the removal of the tumor ...",
    for a reader whose mother is scheduled for a lumpectomy and asks about treatment after
    it)."""
    references = list(answer.references)
    cited = frozenset(r.doc_id for r in references)
    said = [s.text for s in answer.statements]
    # asked what it is, what it means or what the library holds, the reader's own words are
    # explained ("What does TSH mean?")
    intents = answer.frame.get("intents") if answer.frame else None
    overview = isinstance(intents, (list, tuple)) and bool(_MEANING_ASKED.intersection(intents))
    asked = frozenset() if overview else frozenset(terms(answer.question))
    statements = []
    for term in terms_to_explain(answer.statements):
        if frozenset(terms(term)) <= asked:
            continue  # the reader's own word
        found = define(term, cited)
        if found is None:
            continue
        text, reference, citation = found
        if any(text in statement for statement in said):
            continue  # the article already says it
        number = next((r.number for r in references if r.doc_id == reference.doc_id), None)
        if number is None:
            number = len(references) + 1
            references.append(replace(reference, number=number))
        statements.append(Statement(text, (replace(citation, reference=number),)))
    if not statements:
        return None, answer.references
    heading = GLOSSARY_HEADING.get(reader.name, "Definitions")
    return ArticleSection("glossary", heading, tuple(statements)), tuple(references)


#: Passages searched for a term's definition: enough that the article's own sources are
#: among them where they use the term.
DEFINITION_SEARCH = 100
#: What a sentence of the shape "TERM is ..." says when it does not say what the term is: how
#: common it is or where it ranks ("is the 12th leading cause of death", "is a common problem
#: in ..."), or that it is a part of something else ("is a later feature of ...", "is a member
#: of ..."). Plain English words, not clinical ones.
_NOT_DEFINING = re.compile(
    r"^(?:an?|the|one of the)\s+(?:(?:very|most|more|less|least|\d+\w*|second|third|"
    r"fourth|fifth|leading|common|frequent|uncommon|major|main|primary|principal)\b|"
    r"(?:[\w-]+\s+){0,2}(?:feature|sign|symptom|complication|problem|member|consequence|"
    r"manifestation|finding)s?\s+(?:of|in|among)\b)",
    re.IGNORECASE,
)


def library_definer(store: Store, prefer: str = "patient") -> Define:
    """A `Define` that finds "TERM is/are/means ..." sentences in the documents it is given
    (the library, where it is given none), preferring documents for the given audience; the
    definition is cited like any statement. A definition from a document the article does
    not cite is out of its context ("Interferon is a type of immunotherapy used to treat
    vascular tumors", in an article on another disease)."""

    def define(term: str, cited: Collection[str] = ()) -> tuple[str, Reference, Citation] | None:
        pattern = re.compile(
            rf"^(?:an?\s+|the\s+)?{re.escape(term)}s?\s*(?:\([^)]{{1,60}}\)\s*)?"
            r"(?:(?:is|are)(?=\s+(?:a|an|the|one|any|when|how|made|called|used|part|"
            r"inflammation|swelling|infection)\b)|means\b|refers to\b)",
            re.IGNORECASE,
        )
        clause = Clause(term, 1.0, phrase=True)
        hits = store.lexical_search([clause], DEFINITION_SEARCH, documents=cited or None)
        passages = store.passages([key for key, _ in hits])
        docs = store.documents({p.doc_id for p in passages.values()})
        ordered = sorted(
            (passages[key] for key, _ in hits if key in passages),
            key=lambda p: docs[p.doc_id].audience != prefer if p.doc_id in docs else True,
        )
        for passage in ordered:
            for sentence in split_sentences(passage.text):
                opening = pattern.match(sentence)
                if opening is None or not 6 <= len(sentence.split()) <= 45:
                    continue
                doc = docs.get(passage.doc_id)
                if doc is None or unnamed_subject(sentence, doc.title):
                    continue  # "... are used to treat the disease": which one, it does not say
                if _NOT_DEFINING.match(sentence[opening.end() :].strip()):
                    # The best-placed source says how common the term is, not what it is;
                    # another source's definition would be out of its context ("Cirrhosis
                    # is the final phase of alcoholic liver disease" for a child's jaundice).
                    return None
                citation = Citation(0, passage.passage_id, passage.text, passage.section_path)
                return sentence, reference_for(doc, 0), citation
        return None

    return define
