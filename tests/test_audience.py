"""Five readers, same evidence: order and framing change, statements and citations don't."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

import pytest

from guidecite.answer import answer
from guidecite.audience import (
    READERS,
    document_audience,
    get_reader,
    glossary_section,
    leading_first,
    library_definer,
    order_sections,
    statement_preference,
    tailor,
    terms_to_explain,
)
from guidecite.errors import InputError
from guidecite.readers import Reader, parse_reader
from guidecite.types import (
    Answer,
    ArticleSection,
    Citation,
    Document,
    Passage,
    Reference,
    Statement,
)


def statement(text: str) -> Statement:
    return Statement(text, (Citation(1, "p", text, ()),))


SECTIONS = (
    ArticleSection(
        "treatment",
        "Treatment",
        (statement("Give 5 mg daily."), statement("Surgery is an option.")),
    ),
    ArticleSection(
        "monitoring", "Monitoring and follow-up", (statement("Check levels every 3 months."),)
    ),
    ArticleSection(
        "escalation", "When to escalate or refer", (statement("Refer urgently if bleeding."),)
    ),
)


def test_reader_names_and_the_clinician_alias() -> None:
    assert READERS == ("physician", "nurse", "pharmacist", "student", "patient")
    assert get_reader("clinician").name == "physician"
    assert document_audience("patient") == "patient"
    assert document_audience("nurse") == "clinician"
    with pytest.raises(InputError, match="choose one of: physician, nurse"):
        get_reader("surgeon")
    assert parse_reader("Clinician") is Reader.PHYSICIAN
    assert get_reader(Reader.NURSE) is get_reader("nurse")


def test_nurses_see_monitoring_and_escalation_first_pharmacists_dosing_first() -> None:
    nurse = [s.key for s in order_sections(SECTIONS, get_reader("nurse"))]
    assert nurse[:2] == ["monitoring", "escalation"]
    pharmacist = order_sections(SECTIONS, get_reader("pharmacist"))
    assert pharmacist[0].key == "treatment"
    assert pharmacist[0].statements[0].text == "Give 5 mg daily."
    physician = [s.key for s in order_sections(SECTIONS, get_reader("physician"))]
    assert physician == ["treatment", "monitoring", "escalation"]


def test_tailoring_never_changes_statements_or_citations(library) -> None:
    base = answer("At what ages should colorectal cancer screening start and stop?", library)
    for name in READERS:
        tailored = tailor(base, get_reader(name), library_definer(library.store))
        original = {(s.text, s.citations[0].passage_id) for s in base.statements}
        kept = {(s.text, s.citations[0].passage_id) for s in tailored.statements}
        assert original <= kept, name
        added = kept - original
        assert all(s.citations for s in tailored.statements)
        assert not added or name in {"patient", "student"}, name
        assert tailored.audience == name


def test_patients_get_care_team_framing_and_library_definitions(library) -> None:
    base = answer(
        "Is a digital rectal exam enough to screen for colon cancer?", library, audience="patient"
    )
    tailored = tailor(base, get_reader("patient"), library_definer(library.store))
    assert "Talk to your care team" in (tailored.notice or "")
    numbers = {r.number for r in tailored.references}
    for section in tailored.sections:
        for s in section.statements:
            assert set(s.references) <= numbers


def test_terms_to_explain_skip_everyday_words() -> None:
    terms = terms_to_explain(
        [statement("Complications after a cholecystectomy include structures.")]
    )
    assert terms == ["cholecystectomy"]


PLAIN = "Call your doctor if you have a fever."
DENSE = (
    "Pharmacokinetic considerations notwithstanding, individualized multidisciplinary "
    "management incorporating comprehensive hemodynamic reassessment is recommended for "
    "hospitalized patients with persistent hypotension despite adequate resuscitation."
)


def test_statement_preference_stays_small_and_is_zero_for_physicians() -> None:
    texts = (PLAIN, DENSE, "Monitor blood pressure every 4 hours.", "Reduce the dose by half.")
    for reader in Reader:
        for text in texts:
            for documents in ("patient", "clinician"):
                bonus = statement_preference(reader, text, documents)
                assert 0.0 <= bonus <= 0.15, (reader, text)
    assert all(statement_preference("physician", t, "clinician") == 0 for t in texts)


def test_patients_prefer_plain_sentences_and_documents_written_for_patients() -> None:
    assert statement_preference("patient", PLAIN, "clinician") > statement_preference(
        "patient", DENSE, "clinician"
    )
    assert statement_preference("patient", PLAIN, "patient") > statement_preference(
        "patient", PLAIN, "clinician"
    )


def test_nurses_pharmacists_and_students_prefer_the_content_they_act_on() -> None:
    monitoring = "Monitor blood pressure and report changes to the physician every 4 hours."
    dosing = "Adjust the dose in renal impairment; check for interactions."
    definition = "Sepsis is a life-threatening organ dysfunction."
    plain = "Surgery is one option."
    nurse = {t: statement_preference("nurse", t, "clinician") for t in (monitoring, dosing)}
    assert nurse[monitoring] > nurse[dosing]
    pharmacist = {t: statement_preference(Reader.PHARMACIST, t, "clinician") for t in nurse}
    assert pharmacist[dosing] > pharmacist[monitoring]
    assert statement_preference("student", definition, "clinician") > statement_preference(
        "student", plain, "clinician"
    )


def test_nurses_and_pharmacists_lead_with_what_they_act_on() -> None:
    statements = [
        statement("Surgery is an option."),
        statement("Reduce the dose in renal impairment."),
        statement("Monitor and report vital signs every 4 hours."),
    ]
    nurse = [s.text for s in leading_first(statements, get_reader("nurse"))]
    assert nurse[0].startswith("Monitor")
    pharmacist = [s.text for s in leading_first(statements, get_reader("pharmacist"))]
    assert pharmacist[0].startswith("Reduce")
    physician = [s.text for s in leading_first(statements, get_reader("physician"))]
    assert physician == [s.text for s in statements]


class Definitions:
    """A store seam: one passage per document, each found by any search."""

    def __init__(self, texts: dict[str, str], titles: dict[str, str] | None = None) -> None:
        self._passages = {
            i: Passage(f"p{d}", d, 0, (), t) for i, (d, t) in enumerate(texts.items())
        }
        named = titles or {}
        self._docs = {
            d: Document(
                d, f"{d}.md", named.get(d, d.upper()), None, None, None, "en", "patient", None, d
            )
            for d in texts
        }

    def lexical_search(
        self, clauses: object, k: int, documents: Collection[str] | None = None
    ) -> list[tuple[int, float]]:
        kept = self._passages.items()
        return [(key, 1.0) for key, p in kept if documents is None or p.doc_id in documents]

    def passages(self, keys: list[int]) -> dict[int, Passage]:
        return {k: self._passages[k] for k in keys}

    def documents(self, ids: set[str]) -> dict[str, Document]:
        return {d: self._docs[d] for d in ids}


def test_definitions_come_from_the_articles_own_sources_only() -> None:
    store = Definitions(
        {
            "a": "Staging is the process used to find out how far a cancer has spread.",
            "b": "Staging is a way to describe how far an eye disease has gone on.",
            "c": "Lymph is the clear fluid that travels through the lymph vessels.",
        }
    )
    define = library_definer(store)  # type: ignore[arg-type]
    assert define("staging", ())[1].doc_id == "a"  # type: ignore[index]
    assert define("staging", {"b"})[1].doc_id == "b"  # type: ignore[index]
    assert define("lymph", {"a", "b"}) is None  # only another document defines it


def test_a_definition_the_article_already_says_is_not_said_again() -> None:
    rare = "Abetalipoproteinemia is a rare disorder with about 100 cases described worldwide."
    source = Reference(1, "d", "Abetalipoproteinemia", None, None, None, "s", "patient")
    base = Answer(
        "support?",
        "Overview of abetalipoproteinemia",
        "answered",
        "patient",
        bottom_line=(statement(rare),),
        references=(source,),
    )
    lipids = "Lipoproteins are particles that carry fats and cholesterol in the blood."
    definitions = {"abetalipoproteinemia": rare, "lipoproteins": lipids}

    def define(term: str, cited: Collection[str]) -> tuple[str, Reference, Citation] | None:
        text = definitions.get(term.lower())
        return (text, source, Citation(1, "p", text, ())) if text else None

    glossary, _ = glossary_section(base, get_reader("patient"), define)
    assert glossary is None  # its only term is defined by the article's own statement
    longer = replace(base, bottom_line=(statement(f"{rare} Low lipoproteins are the sign."),))
    glossary, _ = glossary_section(longer, get_reader("patient"), define)
    assert glossary is not None and [s.text for s in glossary.statements] == [lipids]


def test_a_term_the_question_uses_is_explained_only_when_it_asks_what_it_is() -> None:
    source = Reference(1, "d", "Breast cancer", None, None, None, "s", "patient")
    said = "After a lumpectomy, brachytherapy is often given to the breast."
    definitions = {
        "lumpectomy": "Lumpectomy is the removal of the tumor and a little tissue around it.",
        "brachytherapy": "Brachytherapy places a radioactive source inside the body.",
    }

    def define(term: str, cited: Collection[str]) -> tuple[str, Reference, Citation] | None:
        text = definitions.get(term.lower())
        return (text, source, Citation(1, "p", text, ())) if text else None

    def explained(question: str, intents: tuple[str, ...]) -> list[str]:
        answer = Answer(
            question,
            "Management of breast cancer",
            "answered",
            "patient",
            bottom_line=(statement(said),),
            references=(source,),
            frame={"intents": list(intents)},
        )
        glossary, _ = glossary_section(answer, get_reader("patient"), define)
        return [s.text for s in glossary.statements] if glossary else []

    # the reader wrote "lumpectomy": only the article's other term is explained
    asked = "My mother is having a lumpectomy. What treatment comes after surgery?"
    assert explained(asked, ("management",)) == [definitions["brachytherapy"]]
    # asked what it is or means, or for what the library holds, the reader's own word is
    # explained too
    assert explained("What is a lumpectomy?", ("definition",)) == list(definitions.values())
    assert explained("Tell me about lumpectomy.", ("general",)) == list(definitions.values())
    meaning = "My report says lumpectomy margins clear, what does that mean?"
    assert explained(meaning, ("interpretation",)) == list(definitions.values())


def test_a_definition_says_what_the_term_is_not_how_common_it_is() -> None:
    ranked = {
        "a": "Cirrhosis is the 12th leading cause of death in the United States today.",
        "b": "Cirrhosis is a disease in which scar tissue replaces healthy liver tissue.",
    }
    for opening in (
        ranked["a"],
        "Cirrhosis is a common problem in people who drink too much alcohol.",
        "Cirrhosis is a later feature of several long-standing liver diseases.",
    ):
        # The best-placed source says how common it is or what it is part of: no entry,
        # rather than another source's definition out of its context.
        define = library_definer(Definitions({"a": opening, "b": ranked["b"]}))  # type: ignore[arg-type]
        assert define("cirrhosis", ()) is None
    define = library_definer(Definitions(ranked))  # type: ignore[arg-type]
    assert define("cirrhosis", {"b"})[0] == ranked["b"]  # type: ignore[index]


def test_a_sentence_on_its_page_s_unnamed_subject_defines_nothing() -> None:
    """ "Antibiotics ... are used to treat the disease" on a page about ehrlichiosis does not
    say which disease: no entry for a reader of an article on something else."""
    texts = {"e": "Antibiotics (tetracycline or doxycycline) are used to treat the disease."}
    titles = {"e": "What are the treatments for Ehrlichiosis ?"}
    define = library_definer(Definitions(texts, titles))  # type: ignore[arg-type]
    assert define("antibiotics", ()) is None
    named = {"e": "Antibiotics (tetracycline or doxycycline) are used to treat ehrlichiosis."}
    define = library_definer(Definitions(named, titles))  # type: ignore[arg-type]
    assert define("antibiotics", ())[0] == named["e"]  # type: ignore[index]
