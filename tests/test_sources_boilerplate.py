"""What every reader leaves out: reference lists, site boilerplate, link lists, empty fields."""

from __future__ import annotations

import pytest

from conftest import CORPUS, needs_corpus
from guidecite.sources._boilerplate import drop_boilerplate, is_citation, is_empty_value
from guidecite.sources.markdown import MarkdownReader, parse_markdown
from guidecite.types import Section, SourceDocument

CITATIONS = [
    "1. Ries LAG, Young JL, Keel GE, et al., eds.: SEER Survival Monograph. National Cancer"
    " Institute, 2007. NIH Pub. No. 07-6215.",
    "2. Davies K, Conlon KC: Neuroendocrine tumors of the pancreas. Curr Gastroenterol Rep"
    " 11 (2): 119-27, 2009.",
    "3. American Cancer Society: Cancer Facts and Figures 2025. American Cancer Society, 2025."
    " Available online. Last accessed January 16, 2025.",
    "- Gallbladder. In: Amin MB, Edge SB, Greene FL, et al., eds.: AJCC Cancer Staging Manual."
    " 8th ed. Springer; 2017, pp 303–9.",
]


def _read(name: str) -> SourceDocument:
    needs_corpus()
    [doc] = list(MarkdownReader().read(CORPUS / "nci-pdq" / name, CORPUS))
    assert isinstance(doc, SourceDocument), doc
    return doc


def _headings(doc: SourceDocument) -> set[str]:
    return {heading for section in doc.sections for heading in section.path}


@pytest.mark.parametrize("line", CITATIONS)
def test_bibliographic_citations_are_recognised(line: str) -> None:
    assert is_citation(line)


@pytest.mark.parametrize(
    "line",
    [
        "In a 2011 study, cells were treated with curcumin for 48 hours.",
        "Surgery is the standard treatment (Grade 1B).",
        "- Chemotherapy",
    ],
)
def test_clinical_text_is_not_a_citation(line: str) -> None:
    assert not is_citation(line)


def test_reference_lists_go_and_the_text_they_close_stays() -> None:
    sections = [
        Section(("Treatment",), "Surgery is the standard treatment."),
        Section(("Treatment", "References"), "\n".join(CITATIONS)),
        Section(("Key References for CML",), "These references were chosen by the Board."),
        Section(("Key References for CML", "Imatinib"), "1 year\n" + "\n".join(CITATIONS)),
        Section(("Staging",), "Stage I is confined to the organ."),
    ]

    assert drop_boilerplate(sections) == (sections[0], sections[4])


def test_a_references_heading_over_prose_or_citations_without_one_stay() -> None:
    prose = Section(("Reference Ranges",), "Serum calcium is 2.2 to 2.6 mmol/l in adults.")
    cited = Section(("Evidence",), "\n".join(CITATIONS))

    assert drop_boilerplate([prose, cited]) == (prose, cited)


def test_site_parts_link_lists_and_empty_fields_go() -> None:
    kept = Section(("Treatment",), "- Surgery\n- Radiation therapy")
    sections = [
        kept,
        Section(("Latest Updates to This Summary (05/09/2025)",), "Revised text to state X."),
        Section(("About This PDQ Summary", "Purpose of This Summary"), "This summary is..."),
        Section(("About This PDQ Summary", "Disclaimer"), "Not for insurance decisions."),
        Section(("To Learn More About Anal Cancer",), "For more, visit:\n- About Cancer\n- Coping"),
        Section(("Clinical Algorithm(s)",), "None provided"),
        Section(("Rating Scheme",), "Not applicable."),
        Section(
            ("Type of Evidence",),
            "The type of evidence supporting the recommendations is not specifically stated.",
        ),
    ]

    assert drop_boilerplate(sections) == (kept,)


def test_a_related_resources_part_with_prose_stays() -> None:
    prose = Section(("Related Resources",), "Support groups help patients cope with fatigue.")

    assert drop_boilerplate([prose]) == (prose,)


def test_navigation_lines_go_and_the_rest_of_their_section_stays() -> None:
    section = Section(
        ("Treatment of Stage I",),
        "For information about the treatments listed below, see the Treatment Option Overview"
        " section.\n- Surgery\nUse our clinical trial search to find NCI-supported cancer"
        " clinical trials that are accepting patients.",
    )

    assert drop_boilerplate([section]) == (Section(("Treatment of Stage I",), "- Surgery"),)


@pytest.mark.parametrize(
    ("text", "empty"),
    [
        ("None provided", True),
        ("Not stated.", True),
        ("Algorithms were not developed from criteria guidelines.", True),
        ("Treatment is not available.", False),
        ("None of the patients responded.", False),
    ],
)
def test_empty_values(text: str, empty: bool) -> None:
    assert is_empty_value(text) is empty


def test_nci_pdq_reference_lists_and_site_parts_are_gone() -> None:
    doc = _read("about-cancer-coping-adjusting-to-cancer-communication-hp-pdq.md")
    raw = (CORPUS / doc.source).read_text(encoding="utf-8")
    text = "\n".join(section.text for section in doc.sections)

    assert raw.count("###### References") >= 8 and "## About This PDQ Summary" in raw
    assert not {"References", "About This PDQ Summary", "Disclaimer", "Contact Us"} & _headings(doc)
    assert not [heading for heading in _headings(doc) if heading.startswith("Latest Updates")]
    assert not [line for line in text.splitlines() if is_citation(line)]
    assert "PDQ is a registered trademark" not in text
    assert {
        "Overview",
        "Shared Decision Making",
        "SPIKES: A six-step approach to delivering bad news",
    } <= _headings(doc)


def test_nci_pdq_key_references_go_with_their_subsections() -> None:
    doc = _read("types-soft-tissue-sarcoma-hp-gist-treatment-pdq.md")
    headings = _headings(doc)

    assert "Key References for Treatment of GISTs" not in headings
    assert not {"Preoperative Imatinib", "Postoperative Imatinib"} & headings
    assert any("imatinib" in section.text for section in doc.sections)
    # three citations, each with "Cited in:" and the sections citing it, under a long intro
    pcnsl = _read("types-lymphoma-hp-primary-cns-lymphoma-treatment-pdq.md")
    assert not [h for h in _headings(pcnsl) if h.startswith("Key References")]


def test_nci_pdq_patient_pages_lose_their_link_lists_and_trial_search() -> None:
    doc = _read("types-anal-patient-anal-treatment-pdq.md")
    text = "\n".join(section.text for section in doc.sections)

    assert "To Learn More About Anal Cancer" not in _headings(doc)
    assert "Use our clinical trial search" not in text
    assert "- Questions to Ask Your Doctor about Cancer" not in text.splitlines()
    assert "anal cancer" in text.lower()


def test_open_medicine_digests_lose_nothing() -> None:
    needs_corpus()
    folder = CORPUS / "open-medicine"
    for path in sorted(folder.glob("*/*.md")):
        [doc] = list(MarkdownReader().read(path, folder))
        outline = parse_markdown(path.read_text(encoding="utf-8"))
        assert isinstance(doc, SourceDocument), doc
        assert doc.sections == outline.sections(outline.first_heading()), path
