"""The HTML reader: Clearinghouse pages, metadata tags, lists, tables, odd pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, needs_corpus
from guidecite.errors import SourceError
from guidecite.sources._fields import repair_mojibake
from guidecite.sources.html import HtmlReader
from guidecite.types import SourceDocument


def _read(path: Path, root: Path) -> SourceDocument | SourceError:
    [item] = list(HtmlReader().read(path, root))
    return item


def _ngc(name: str) -> SourceDocument:
    needs_corpus()
    doc = _read(CORPUS / "ngc" / name, CORPUS)
    assert isinstance(doc, SourceDocument), doc
    return doc


def _page(tmp_path: Path, html: str | bytes, name: str = "page.html") -> SourceDocument:
    item = _page_item(tmp_path, html, name)
    assert isinstance(item, SourceDocument), item
    return item


def _page_item(tmp_path: Path, html: str | bytes, name: str = "page.html") -> object:
    path = tmp_path / name
    data = html.encode("utf-8") if isinstance(html, str) else html
    path.write_bytes(data)
    return _read(path, tmp_path)


def _section(doc: SourceDocument, *path: str) -> str:
    return next(s.text for s in doc.sections if s.path == path)


@pytest.fixture(scope="module")
def ngc_10000() -> SourceDocument:
    return _ngc("ngc-10000.html")


def test_clearinghouse_metadata(ngc_10000: SourceDocument) -> None:
    doc = ngc_10000
    assert doc.source == "ngc/ngc-10000.html"
    assert doc.title.startswith("Guidelines for the management of mature T-cell and NK-cell")
    assert doc.issuer == "British Society for Haematology Guidelines"
    assert doc.year == 2013
    assert doc.rights is not None and doc.rights.startswith("This NGC summary is based on")
    assert (doc.language, doc.audience) == ("en", "clinician")


def test_clearinghouse_major_recommendations_come_through(ngc_10000: SourceDocument) -> None:
    paths = [s.path for s in ngc_10000.sections]
    text = _section(ngc_10000, "Recommendations", "Major Recommendations").splitlines()

    assert paths[0] == ()  # the "Developer: ... Released: ..." line under the title
    assert ("Recommendations", "Major Recommendations") in paths
    assert "Diagnosis and Staging" in text
    assert text[2].startswith("- Diagnosis requires expert examination of tissue")
    assert not [line for line in text if "<" in line and ">" in line]


def test_clearinghouse_rating_schemes_come_through(ngc_10000: SourceDocument) -> None:
    evidence = _section(ngc_10000, "Methodology", "Rating Scheme for the Strength of the Evidence")
    strength = _section(
        ngc_10000, "Methodology", "Rating Scheme for the Strength of the Recommendations"
    )

    assert evidence.splitlines()[0] == "Quality of Evidence"
    assert "(A) High Further research is very unlikely" in evidence
    assert "Strong (grade 1): Strong recommendations (grade 1) are made" in strength


def test_clearinghouse_bare_name_lists_become_lines(ngc_10000: SourceDocument) -> None:
    assert _section(ngc_10000, "Scope", "Guideline Category").splitlines() == [
        "Diagnosis",
        "Evaluation",
        "Management",
        "Risk Assessment",
        "Treatment",
    ]


def test_clearinghouse_tables_become_rows_with_radiation_levels() -> None:
    doc = _ngc("ngc-11029.html")
    lines = _section(doc, "Recommendations", "Major Recommendations").splitlines()

    assert doc.issuer == "American College of Radiology"
    assert "| Radiologic Procedure | Rating | Comments | RRL* |" in lines
    assert "| Mammography diagnostic | 1 |  | ☢ ☢ |" in lines


def test_clearinghouse_developers_lose_their_organisation_types() -> None:
    assert _ngc("ngc-10488.html").issuer == (
        "American Association of Neurological Surgeons; Congress of Neurological Surgeons"
    )
    assert _ngc("ngc-10075.html").issuer == (
        "American Academy of Otolaryngology - Head and Neck Surgery Foundation"
    )


def test_mojibake_is_repaired() -> None:
    assert repair_mojibake("Calmette-GuÃ©rin") == "Calmette-Guérin"
    assert repair_mojibake("(1a\u00e2\u0080\u00925b)") == "(1a\u20125b)"
    assert repair_mojibake("café, naïve, 5 °C") == "café, naïve, 5 °C"


PAGE = """<!DOCTYPE html>
<html lang="fr-CA"><head>
<title>  Page   title </title>
<meta name="dc.date" content="2021-06-01">
<meta name="dc.rights" content="CC BY">
<link rel="canonical" href="https://example.org/page">
<style>p { color: red }</style><script>var x = "<p>no</p>";</script>
</head><body>
<nav><a href="/">Home</a></nav>
<h1>Page title</h1>
<p>Intro   text
   over lines,<br>then a break.</p>
<h2>Treatment</h2>
<h4>Minor heading</h4>
<ul><li>One <b>bold</b> item<ul><li>Nested</li></ul></li><li><p>Two</p><p>more</p></li></ul>
<ol type="a"><li>alpha</li><li>beta</li></ol>
<ol start="3"><li>three</li></ol>
<table><caption>Doses</caption><thead><tr><th>Drug</th><th>Dose</th></tr></thead>
<tbody><tr><td>A|B</td><td>5&nbsp;mg</td></tr><tr><td></td><td> </td></tr></tbody></table>
<h3>Sub</h3><div>Deep <span>text</span>.</div>
<!-- a comment -->
</body></html>"""


def test_a_plain_page(tmp_path: Path) -> None:
    doc = _page(tmp_path, PAGE)

    assert doc.title == "Page title"
    assert (doc.year, doc.rights, doc.language) == (2021, "CC BY", "fr")
    assert doc.url == "https://example.org/page"
    assert [(s.path, s.text.splitlines()) for s in doc.sections] == [
        ((), ["Intro text over lines,", "then a break."]),
        (
            ("Treatment",),
            [
                "Minor heading",
                "- One bold item",
                "  - Nested",
                "- Two",
                "  more",
                "a. alpha",
                "b. beta",
                "3. three",
                "Doses",
                "| Drug | Dose |",
                "| A\\|B | 5 mg |",
            ],
        ),
        (("Treatment", "Sub"), ["Deep text."]),
    ]


def test_citation_tags_win_over_the_page_title(tmp_path: Path) -> None:
    doc = _page(
        tmp_path,
        '<html><head><title>Site</title><meta name="citation_title" content="Real title">'
        '<meta name="citation_publisher" content="WHO - International Agency">'
        '<meta name="citation_url" content="https://who.int/x">'
        '<meta name="dc.language" content="es"></head><body><p>Text.</p></body></html>',
    )

    assert (doc.title, doc.issuer, doc.url, doc.language) == (
        "Real title",
        "WHO",
        "https://who.int/x",
        "es",
    )


def test_a_page_without_a_title_is_named_by_its_heading_or_file(tmp_path: Path) -> None:
    assert _page(tmp_path, "<h1>Heading</h1><p>Text.</p>").title == "Heading"
    assert _page(tmp_path, "<p>Only text.</p>", name="stroke-care.html").title == "stroke-care"


def test_a_doi_identifier_becomes_a_url(tmp_path: Path) -> None:
    doc = _page(tmp_path, '<meta name="dc.identifier" content="doi:10.1000/xyz"><p>Text.</p>')

    assert doc.url == "https://doi.org/10.1000/xyz"


def test_a_declared_legacy_charset_is_used(tmp_path: Path) -> None:
    page = '<meta charset="windows-1252"><title>Caf\xe9</title><p>Na\xefve.</p>'.encode("cp1252")

    doc = _page(tmp_path, page)

    assert doc.title == "Café"
    assert doc.sections[0].text == "Naïve."


def test_undecodable_and_empty_pages_are_errors(tmp_path: Path) -> None:
    bad = _page_item(tmp_path, b"<p>Caf\xe9</p>")
    empty = _page_item(tmp_path, "<html><head><title>T</title></head><body> </body></html>")

    assert isinstance(bad, SourceError) and "charset" in bad.reason
    assert isinstance(empty, SourceError) and empty.reason == "no text found"
