"""The Markdown reader: front matter, section paths, lines, the open-medicine layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, needs_corpus
from guidecite.errors import SourceError
from guidecite.sources.markdown import MarkdownReader, plain_inline
from guidecite.types import SourceDocument

PDQ = "nci-pdq/about-cancer-coping-adjusting-to-cancer-communication-hp-pdq.md"


def _read(path: Path, root: Path | None = None) -> SourceDocument | SourceError:
    [item] = list(MarkdownReader().read(path, root or path.parent))
    return item


def _doc(tmp_path: Path, text: str, name: str = "guide.md") -> SourceDocument:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = _read(path)
    assert isinstance(doc, SourceDocument), doc
    return doc


def _error(tmp_path: Path, data: bytes, name: str = "guide.md") -> SourceError:
    path = tmp_path / name
    path.write_bytes(data)
    error = _read(path)
    assert isinstance(error, SourceError), error
    return error


def _text(doc: SourceDocument) -> str:
    return "\n".join(section.text for section in doc.sections)


@pytest.fixture(scope="module")
def pdq() -> SourceDocument:
    needs_corpus()
    doc = _read(CORPUS / PDQ, CORPUS)
    assert isinstance(doc, SourceDocument), doc
    return doc


def test_nci_pdq_metadata_comes_from_the_front_matter(pdq: SourceDocument) -> None:
    assert pdq.source == PDQ
    assert pdq.title == "Communication in Cancer Care (PDQ®) - NCI"
    assert pdq.issuer == "NCI"
    assert pdq.year == 2025  # from "citation: NCI, 2025"
    assert (
        pdq.url
        == "https://www.cancer.gov/about-cancer/coping/adjusting-to-cancer/communication-hp-pdq"
    )
    assert (pdq.language, pdq.audience, pdq.rights) == ("en", "clinician", "public_domain")


def test_nci_pdq_title_headings_stay_out_of_the_section_paths(pdq: SourceDocument) -> None:
    paths = [section.path for section in pdq.sections]

    assert paths[0] == ("Overview",)
    assert ("Models of Communication", "Shared Decision Making") in paths
    assert not [p for p in paths if p and "Communication in Cancer Care" in p[0]]


def test_nci_pdq_lists_and_tables_are_lines_and_markers_are_gone(pdq: SourceDocument) -> None:
    lines = _text(pdq).splitlines()

    assert "- Overview of common communication models." in lines
    assert "| Demographic Influences | Special Considerations |" in lines
    assert not [line for line in lines if "#cit/" in line or "](" in line or "**" in line]
    assert "Go to Patient Version" not in lines


def test_front_matter_fields(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        "---\ntitle: Asthma care\norganisation: BTS\ndate: 2019-04-01\nlanguage: en-GB\n"
        "audience: Patient\nlicense: CC BY 4.0\nurl: https://example.org/asthma\n---\n"
        "# Asthma care\n\n## Treatment\n\nUse an inhaler.\n",
    )

    assert (doc.title, doc.issuer, doc.year) == ("Asthma care", "BTS", 2019)
    assert (doc.language, doc.audience, doc.rights) == ("en", "patient", "CC BY 4.0")
    assert doc.url == "https://example.org/asthma"
    assert [s.path for s in doc.sections] == [("Treatment",)]


@pytest.mark.parametrize("audience", ["professional", "hcp", "", "patients"])
def test_an_audience_other_than_patient_reads_as_clinician(tmp_path: Path, audience: str) -> None:
    doc = _doc(tmp_path, f"---\ntitle: T\naudience: {audience}\n---\nText.\n")

    assert doc.audience == "clinician"


def test_title_from_the_first_heading_else_the_file_name(tmp_path: Path) -> None:
    assert _doc(tmp_path, "# Gout\n\nText.\n").title == "Gout"
    assert _doc(tmp_path, "Just text.\n", name="hypertension-2024.md").title == "hypertension-2024"


def test_headings_nest_into_paths(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        "# Title\n\nIntro.\n\n## A\n\nText a.\n\n### A1\n\nText a1.\n\n###### Refs\n\n"
        "1. Ref one.\n\n## B ##\n\nText b.\n",
    )

    assert [(s.path, s.text) for s in doc.sections] == [
        ((), "Intro."),
        (("A",), "Text a."),
        (("A", "A1"), "Text a1."),
        (("A", "A1", "Refs"), "1. Ref one."),
        (("B",), "Text b."),
    ]


def test_level_one_chapters_without_deeper_headings_stay_in_paths(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "---\ntitle: Guide\n---\n# Background\n\nText.\n\n# Methods\n\nMore.\n")

    assert [s.path for s in doc.sections] == [("Background",), ("Methods",)]


def test_paragraphs_lists_and_tables_become_lines(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        "# T\n\nA paragraph\nwrapped over lines.\n\n"
        "* first item\n  continued\n    - nested item\n- second item\n\n"
        "1. one\n2) two\n\n"
        "| Drug | Dose |\n|:-----|-----:|\n| **Apixaban** | 5 mg |\n|  |  |\n\n"
        "---\n\n> A quote.\n",
    )

    assert doc.sections[0].text.splitlines() == [
        "A paragraph wrapped over lines.",
        "- first item continued",
        "  - nested item",
        "- second item",
        "1. one",
        "2) two",
        "| Drug | Dose |",
        "| Apixaban | 5 mg |",
        "A quote.",
    ]


def test_inline_markup_becomes_plain_text() -> None:
    assert plain_inline('See [the table](#t1 "title") and ![fig](x.png)') == "See the table and"
    assert plain_inline("**Men:** *P* < .01, snake_case_name") == "Men: P < .01, snake_case_name"
    assert plain_inline("risk.[[1](#cit/section_1.1),[2](#cit/section_1.2)] Next") == "risk. Next"
    assert plain_inline("x [[3](#cit/s_5.3)-[5](#cit/s_5.5)] y") == "x y"
    assert (
        plain_inline("pain.[[Level of evidence: II](/Common/PopUps/x.aspx?id=1)]")
        == "pain.[Level of evidence: II]"
    )
    assert plain_inline("2000. [[PUBMED Abstract]](http://www.ncbi.nlm.nih.gov/x)") == "2000."
    assert plain_inline("a &lt; b `code` \\*literal\\*") == "a < b code *literal*"


def test_code_fences_keep_their_lines(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "# T\n\n```\n# not a heading\n  dose = 5\n```\n")

    assert doc.sections[0].text.splitlines() == ["# not a heading", "dose = 5"]


def test_an_empty_file_is_an_error(tmp_path: Path) -> None:
    assert _error(tmp_path, b"").reason == "no text found"
    assert _error(tmp_path, b"---\ntitle: Only metadata\n---\n\n# Only metadata\n").reason == (
        "no text found"
    )


def test_invalid_utf8_is_an_error(tmp_path: Path) -> None:
    error = _error(tmp_path, b"# Title\n\nCaf\xe9 au lait.\n")

    assert error.path == "guide.md"
    assert "not UTF-8" in error.reason
    assert "0xe9" in error.reason


def test_invalid_front_matter_is_an_error(tmp_path: Path) -> None:
    assert "invalid YAML front matter" in _error(tmp_path, b"---\ntitle: [a\n---\nText.\n").reason
    assert "not a mapping" in _error(tmp_path, b"---\n- a\n- b\n---\nText.\n").reason


def test_open_medicine_files_take_their_metadata_from_the_registry() -> None:
    needs_corpus()
    doc = _read(CORPUS / "open-medicine/acc_aha_af_2023/anticoagulation.md", CORPUS)

    assert isinstance(doc, SourceDocument), doc
    assert doc.source == "open-medicine/acc_aha_af_2023/anticoagulation.md"
    assert doc.title == (
        "2023 ACC/AHA/ACCP/HRS Guideline for Diagnosis and Management of Atrial Fibrillation: "
        "Anticoagulation in Atrial Fibrillation"
    )
    assert (doc.issuer, doc.year) == ("ACC/AHA", 2023)
    assert doc.url == "https://doi.org/10.1161/CIR.0000000000001193"
    assert doc.sections[0].path == ("Stroke Risk Assessment (CHA2DS2-VASc)",)
    assert "  - Dose Reduction: Reduce to 2.5 mg BID" in _text(doc)


def test_a_registry_in_a_tmp_folder_is_found(tmp_path: Path) -> None:
    (tmp_path / "registry.json").write_text(
        '[{"id": "g1", "title": "Guide One", "year": 2020, "organization": "ORG",'
        ' "doi": "10.1/abc", "sections": ["first_steps"]}]',
        encoding="utf-8",
    )
    (tmp_path / "g1").mkdir()
    path = tmp_path / "g1" / "first_steps.md"
    path.write_text("## Step\n\nDo this.\n", encoding="utf-8")

    doc = _read(path, tmp_path)

    assert isinstance(doc, SourceDocument), doc
    assert (doc.title, doc.issuer, doc.year) == ("Guide One: First steps", "ORG", 2020)
    assert doc.url == "https://doi.org/10.1/abc"
