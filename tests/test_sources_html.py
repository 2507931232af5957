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


def test_clearinghouse_scope_fields_fold_into_field_value_lines(ngc_10000: SourceDocument) -> None:
    paths = [s.path for s in ngc_10000.sections]
    scope = _section(ngc_10000, "Scope").splitlines()

    assert scope[:4] == [
        "Disease/Condition(s): Mature T-cell and natural killer (NK)-cell neoplasms"
        " (excluding cutaneous T-cell lymphoma)",
        "Guideline Category: Diagnosis; Evaluation; Management; Risk Assessment; Treatment",
        "Clinical Specialty: Dermatology; Hematology; Internal Medicine; Medical Genetics;"
        " Oncology; Pathology; Radiation Oncology; Radiology",
        "Intended Users: Advanced Practice Nurses; Physician Assistants; Physicians",
    ]
    assert scope[5] == (
        "Target Population: Patients with mature T-cell and natural killer (NK)-cell neoplasms"
        " (excluding cutaneous T-cell lymphoma); Note: The guidance may not be appropriate to"
        " all patients in this disease group."
    )
    assert ("Scope", "Guideline Category") not in paths
    # a long field keeps its own section and its list
    interventions = _section(ngc_10000, "Scope", "Interventions and Practices Considered")
    assert "1. Intravenous alemtuzumab" in interventions.splitlines()
    assert _section(ngc_10000, "Benefits/Harms of Implementing the Guideline Recommendations") == (
        "Potential Benefits: Appropriate management of mature T-cell and natural killer"
        " (NK)-cell neoplasms (excluding cutaneous T-cell lymphoma)\n"
        "Potential Harms: Treatment-related toxicity and side-effects"
    )


def test_clearinghouse_empty_fields_are_left_out(ngc_10000: SourceDocument) -> None:
    before = (CORPUS / "ngc" / "ngc-10000.html").read_text(encoding="utf-8")
    text = "\n".join(s.text for s in ngc_10000.sections)

    assert "<h3>Clinical Algorithm(s)</h3>" in before and "None provided" in before
    assert "None provided" not in text
    assert not [s.path for s in ngc_10000.sections if s.path[-1:] == ("Clinical Algorithm(s)",)]


def test_clearinghouse_inline_tags_add_no_spaces(ngc_10000: SourceDocument) -> None:
    text = "\n".join(s.text for s in ngc_10000.sections)

    assert "first line therapy for T-PLL (Grade 1B)." in text
    assert "severe neutropenia (<0.5 x10^9/l) associated with infection" in text
    assert "(<50 x 10^9/l)" in text and "(10 mg/m^2/week)" in text
    assert "( Grade" not in text and "10 9/l" not in text
    coli = "\n".join(s.text for s in _ngc("ngc-10093.html").sections)
    assert "some increase in E. coli sepsis in preterm" in coli
    assert "organisms such as Escherichia coli (E. coli) is" in coli


def test_clearinghouse_table_legends_repeat_once_a_section() -> None:
    doc = _ngc("ngc-10141.html")
    raw = (CORPUS / "ngc" / "ngc-10141.html").read_text(encoding="utf-8")
    lines = _section(doc, "Recommendations", "Major Recommendations").splitlines()
    legends = [line for line in lines if line.startswith("| Rating Scale: 1,2,3 Usually")]

    assert raw.count("<tfoot>") > 1
    assert legends == [
        "| Rating Scale: 1,2,3 Usually not appropriate; 4,5,6 May be appropriate;"
        " 7,8,9 Usually appropriate | *Relative Radiation Level |"
    ]
    assert lines.count("| Radiologic Procedure | Rating | Comments | RRL* |") > 1  # headers stay


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


def test_a_guideline_developed_on_behalf_of_a_body_is_issued_by_it_too() -> None:
    # "developed by the National Clinical Guideline Centre on behalf of the National
    # Institute for Health and Care Excellence (NICE)": asked "per NICE", this is NICE's
    assert _ngc("ngc-10204.html").issuer == (
        "National Guideline Centre; National Institute for Health and Care Excellence (NICE)"
    )
    assert "on behalf of" not in (CORPUS / "ngc" / "ngc-11029.html").read_text(encoding="utf-8")
    assert _ngc("ngc-11029.html").issuer == "American College of Radiology"


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


def test_superscripts_take_a_caret_unless_they_join_the_text(tmp_path: Path) -> None:
    doc = _page(
        tmp_path,
        "<p>Neutrophils (<b>Grade 1B</b>) <0.5 x10<sup>9</sup>/l, <i>E. coli</i>, kg<sup>-1</sup>,"
        " Na<sup>+</sup>, 28<sup>+0</sup> weeks, 10<sup>th</sup> centile, HbA<sub>1c</sub>,"
        " Study<sup>b</sup>.</p><p><sup>a</sup>Adapted from WHO.</p>",
    )

    assert doc.sections[0].text.splitlines() == [
        "Neutrophils (Grade 1B) <0.5 x10^9/l, E. coli, kg^-1, Na+, 28+0 weeks, 10th centile,"
        " HbA1c, Study^b.",
        "^a Adapted from WHO.",
    ]


def test_table_rows_lose_trailing_empty_cells_and_repeated_footers(tmp_path: Path) -> None:
    table = (
        "<table><thead><tr><th>Test</th><th>Rating</th><th>Note</th></tr></thead>"
        "<tbody><tr><td>{}</td><td>{}</td><td></td></tr></tbody>"
        "<tfoot><tr><th>Rating: 1 to 9</th></tr></tfoot></table>"
    )
    doc = _page(tmp_path, "<h2>Imaging</h2>" + table.format("CT", 8) + table.format("MRI", 2))

    assert doc.sections[0].text.splitlines() == [
        "| Test | Rating | Note |",
        "| CT | 8 |",
        "| Rating: 1 to 9 |",
        "| Test | Rating | Note |",
        "| MRI | 2 |",
    ]


FORM = """<h1>Title</h1>
<h2>Scope</h2>
<h3>Intended Users</h3>
Nurses
Physicians
<h3>Clinical Algorithm(s)</h3><p>None provided</p>
<h3>Target Population</h3><p>Adults with asthma</p><p>Note: not children.</p>
<h3>Interventions</h3>{long}
<h3>Doses</h3><table><tr><td>A</td><td>5 mg</td></tr></table>
<h3>Strength</h3><ol type="A"><li>Good evidence</li><li>Fair evidence</li></ol>
<h2>Harms</h2><p>Intro of the part.</p>
<h3>Bleeding</h3><p>Rare.</p>
<h2>Contraindications</h2><h3>Contraindications</h3><p>Pregnancy.</p>
"""


def test_short_fields_of_a_part_fold_into_field_value_lines(tmp_path: Path) -> None:
    long = "<p>" + "word " * 70 + "</p>"
    doc = _page(tmp_path, FORM.format(long=long))

    assert [(s.path, s.text.splitlines()) for s in doc.sections] == [
        (
            ("Scope",),
            [
                "Intended Users: Nurses; Physicians",
                "Target Population: Adults with asthma; Note: not children.",
            ],
        ),
        (("Scope", "Interventions"), [("word " * 70).strip()]),  # too long to fold
        (("Scope", "Doses"), ["| A | 5 mg |"]),  # tables stay tables
        (("Scope",), ["Strength: A. Good evidence; B. Fair evidence"]),
        (("Harms",), ["Intro of the part."]),  # a part with text of its own keeps its fields
        (("Harms", "Bleeding"), ["Rare."]),
        (("Contraindications",), ["Pregnancy."]),
    ]
