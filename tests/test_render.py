"""The renderers: markdown for the terminal, the versioned JSON schema, a safe HTML page.

The answers are built by hand (fakes at the render seam); their wording is placeholder text,
not clinical content.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from guidecite.errors import ConfigError
from guidecite.render import RENDERERS, answer_from_dict, answer_to_dict, render
from guidecite.types import (
    ANSWERED,
    INSUFFICIENT_EVIDENCE,
    SCHEMA_VERSION,
    Answer,
    ArticleSection,
    Citation,
    Reference,
    Statement,
)


def _ref(number: int, title: str, issuer: str | None, year: int | None, url: str | None):
    return Reference(number, f"doc{number}", title, issuer, year, url, f"folder/guide-{number}.md")


def _cite(number: int, passage: str, *path: str) -> Citation:
    return Citation(number, f"p{number}-{len(passage)}", passage, path)


@pytest.fixture
def answered() -> Answer:
    first = _cite(1, "Passage one says to offer option A.", "Treatment", "First line")
    third = _cite(3, "Passage three agrees on option A.", "Management")
    second = _cite(2, "Passage two describes follow-up.", "Follow-up")
    return Answer(
        question="what to do for condition x",
        title="Managing condition X",
        status=ANSWERED,
        audience="clinician",
        bottom_line=(Statement("Offer option A first.", (third, first)),),
        sections=(
            ArticleSection(
                "treatment",
                "Treatment",
                (
                    Statement("Offer option A.", (first, third), grade="strong recommendation"),
                    Statement("Consider option B after A.", (first,)),
                ),
            ),
            ArticleSection("follow_up", "Follow-up", (Statement("Review yearly.", (second,)),)),
        ),
        references=(
            _ref(1, "Guideline one", "Society A", 2021, "https://example.org/one"),
            _ref(2, "Guideline two", "Agency B", None, None),
            _ref(3, "Guía tres", "Sociedad C", 2019, "https://example.org/tres"),
        ),
        notice="Two sources disagree on timing.",
        timings_ms={"retrieve": 12.5, "compose": 30.0},
        created_at="2026-01-27T10:15:00+00:00",
    )


@pytest.fixture
def no_evidence() -> Answer:
    return Answer(
        question="what about condition Y",
        title="what about condition Y",
        status=INSUFFICIENT_EVIDENCE,
        audience="patient",
        nearest_sources=(
            _ref(1, "Nearby guideline", "Agency B", 2020, "https://example.org/near"),
            _ref(2, "Another nearby one", None, None, None),
        ),
        created_at="2026-01-28T09:00:00+00:00",
    )


HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>" onmouseover="alert(3)'


@pytest.fixture
def hostile(answered: Answer) -> Answer:
    bad_cite = Citation(1, "p-bad", HOSTILE, (HOSTILE, "Section"))
    bad_statement = Statement(HOSTILE, (bad_cite,), grade=HOSTILE)
    return replace(
        answered,
        question=HOSTILE,
        title=HOSTILE,
        audience=HOSTILE,
        notice=HOSTILE,
        created_at=HOSTILE,
        bottom_line=(bad_statement,),
        sections=(ArticleSection("x", HOSTILE, (bad_statement,)),),
        references=(
            Reference(1, "doc1", HOSTILE, HOSTILE, None, "javascript:alert(4)", HOSTILE),
            Reference(2, "doc2", "Two", None, 2020, " JaVa\tScRiPt:alert(5)", "two.md"),
            Reference(3, "doc3", "Three", None, 2020, 'https://x.org/"><script>', "three.md"),
        ),
    )


# ---- registry ------------------------------------------------------------------------------


def test_registry_names_the_three_formats():
    assert set(RENDERERS) == {"markdown", "json", "html"}


def test_unknown_format_fails_with_the_valid_choices(answered):
    with pytest.raises(ConfigError, match="unknown format 'pdf'.*html, json, markdown"):
        render(answered, "pdf")


def test_renderers_are_pure_and_deterministic(answered):
    before = answer_to_dict(answered)
    for fmt in RENDERERS:
        assert render(answered, fmt) == render(answered, fmt)
    assert answer_to_dict(answered) == before


def test_markdown_is_the_default(answered):
    assert render(answered) == render(answered, "markdown")


# ---- markdown ------------------------------------------------------------------------------


def test_markdown_orders_title_status_bottom_line_sections_references(answered):
    text = render(answered, "markdown")
    lines = text.splitlines()
    assert lines[0] == "# Managing condition X"
    assert "For clinicians. Generated 2026-01-27; not yet reviewed." in lines
    headings = [line for line in lines if line.startswith("## ")]
    assert headings == ["## Bottom line", "## Treatment", "## Follow-up", "## References"]
    assert "> Two sources disagree on timing." in lines


def test_markdown_statements_end_with_their_citation_numbers_and_grade(answered):
    lines = render(answered, "markdown").splitlines()
    assert "- Offer option A. [1][3] (grade: strong recommendation)" in lines
    assert "- Consider option B after A. [1]" in lines
    assert "- Review yearly. [2]" in lines
    assert "Offer option A first. [1][3]" in lines


def test_markdown_references_show_issuer_year_url_and_source(answered):
    lines = render(answered, "markdown").splitlines()
    one = "1. Guideline one. Society A, 2021. https://example.org/one (source: folder/guide-1.md)"
    assert one in lines
    assert "2. Guideline two. Agency B, year unknown. (source: folder/guide-2.md)" in lines
    assert any(line.startswith("3. Guía tres. Sociedad C, 2019.") for line in lines)


def test_markdown_ends_with_the_disclaimer(answered):
    text = render(answered, "markdown")
    assert text.rstrip().splitlines()[-1].startswith("This summary is generated from the guideline")
    assert "not a substitute for clinical judgement" in text


def test_markdown_keeps_each_statement_on_one_line(answered):
    long = Statement("word " * 60 + "end.\nsecond line.", (_cite(1, "x"),))
    section = ArticleSection("long", "Long", (long,))
    lines = render(replace(answered, sections=(section,)), "markdown").splitlines()
    assert any(
        line.startswith("- word word") and line.endswith("second line. [1]") for line in lines
    )


def test_markdown_insufficient_evidence_says_so_and_lists_nearest_sources(no_evidence):
    text = render(no_evidence, "markdown")
    assert "holds no evidence that answers this question" in text
    assert "For patients. Generated 2026-01-28; not yet reviewed." in text
    assert "1. Nearby guideline. Agency B, 2020. https://example.org/near" in text
    assert "2. Another nearby one. year unknown. (source: folder/guide-2.md)" in text
    assert "## Bottom line" not in text and "## References" not in text


def test_markdown_insufficient_evidence_without_nearest_sources(no_evidence):
    text = render(replace(no_evidence, nearest_sources=()), "markdown")
    assert "holds no source close to this question" in text


# ---- json ----------------------------------------------------------------------------------


def test_json_has_the_documented_fields_in_order(answered):
    data = json.loads(render(answered, "json"))
    assert list(data) == [
        "schema_version",
        "question",
        "title",
        "status",
        "audience",
        "created_at",
        "notice",
        "bottom_line",
        "sections",
        "references",
        "nearest_sources",
        "timings_ms",
    ]
    assert data["schema_version"] == SCHEMA_VERSION
    assert list(data["sections"][0]) == ["key", "heading", "statements"]
    statement = data["sections"][0]["statements"][0]
    assert list(statement) == ["text", "references", "grade", "citations"]
    assert statement["references"] == [1, 3]
    assert statement["grade"] == "strong recommendation"
    citation = statement["citations"][0]
    assert list(citation) == ["reference", "passage_id", "passage_text", "section_path"]
    assert citation["section_path"] == ["Treatment", "First line"]
    reference = data["references"][1]
    keys = ["number", "title", "issuer", "year", "url", "source", "doc_id", "audience"]
    assert list(reference) == keys
    assert reference["year"] is None and reference["url"] is None
    assert data["timings_ms"] == {"retrieve": 12.5, "compose": 30.0}


def test_json_is_utf8_with_two_space_indent(answered):
    text = render(answered, "json")
    assert "Guía tres" in text
    assert text.startswith('{\n  "schema_version": ')


@pytest.mark.parametrize("name", ["answered", "no_evidence"])
def test_json_round_trips_an_answer(name, request):
    answer = request.getfixturevalue(name)
    assert answer_from_dict(json.loads(render(answer, "json"))) == answer


def test_json_reads_a_newer_minor_version_and_ignores_its_new_fields(answered):
    data = answer_to_dict(answered) | {"schema_version": "1.9", "later_field": [1]}
    assert answer_from_dict(data) == answered


def test_json_refuses_another_major_version(answered):
    data = answer_to_dict(answered) | {"schema_version": "2.0"}
    with pytest.raises(ConfigError, match="schema version '2.0' is not supported"):
        answer_from_dict(data)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"schema_version": None}, "no schema_version"),
        ({"status": "maybe"}, "unknown status 'maybe'"),
        ({"sections": [{"key": "k", "statements": []}]}, "lacks the field 'heading'"),
    ],
)
def test_json_refuses_a_malformed_record(answered, change, message):
    with pytest.raises(ConfigError, match=message):
        answer_from_dict(answer_to_dict(answered) | change)


def test_the_documented_example_is_a_valid_answer_written_back_unchanged():
    doc = (Path(__file__).parents[1] / "docs" / "answer-schema.md").read_text(encoding="utf-8")
    example = json.loads(re.search(r"```json\n(.*?)```", doc, re.DOTALL).group(1))
    assert example["schema_version"] == SCHEMA_VERSION
    written = answer_to_dict(answer_from_dict(example))
    assert json.dumps(written) == json.dumps(example)  # same keys, same order, same values


def test_every_json_field_is_documented(answered):
    doc = (Path(__file__).parents[1] / "docs" / "answer-schema.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(\w+)` \|", doc, re.MULTILINE))
    data = answer_to_dict(answered)
    statement = data["sections"][0]["statements"][0]
    fields = {*data, *data["sections"][0], *statement, *statement["citations"][0]}
    assert fields | set(data["references"][0]) == documented


# ---- html ----------------------------------------------------------------------------------


class _Page(HTMLParser):
    """Every element (tag and attributes) and the text of a page, as a browser would parse it."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.chunks: list[tuple[str | None, str]] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._open = tag

    def handle_data(self, data):
        self.chunks.append((getattr(self, "_open", None), data))

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.elements if tag == name]

    @property
    def text(self) -> str:
        return "".join(data for _, data in self.chunks)


def test_html_is_one_self_contained_page(answered):
    text = render(answered, "html")
    page = _Page(text)
    assert text.startswith("<!DOCTYPE html>")
    assert page.tags("html") == [{"lang": "en"}]
    assert page.tags("script") == [] and page.tags("link") == [] and page.tags("img") == []
    assert len(page.tags("style")) == 1
    assert not any("src" in attrs for _, attrs in page.elements)


def test_html_puts_the_bottom_line_first_with_headings_in_order(answered):
    page = _Page(render(answered, "html"))
    headings = [data.strip() for tag, data in page.chunks if tag in {"h1", "h2"} and data.strip()]
    assert headings == [
        "Managing condition X",
        "Bottom line",
        "Treatment",
        "Follow-up",
        "References",
    ]
    levels = [int(tag[1]) for tag, _ in page.elements if tag in {"h1", "h2", "h3"}]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))


def test_html_citations_link_to_references_and_carry_their_passage(answered):
    page = _Page(render(answered, "html"))
    ids = {attrs["id"] for _, attrs in page.elements if "id" in attrs}
    markers = [a for a in page.tags("a") if (a.get("href") or "").startswith("#ref-")]
    assert {a["href"] for a in markers} == {"#ref-1", "#ref-2", "#ref-3"}
    assert all(a["href"][1:] in ids for a in markers)
    assert any(
        a["title"] == "Treatment > First line: Passage one says to offer option A." for a in markers
    )
    assert "Passage two describes follow-up." in page.text  # in the <details> of reference 2
    assert "(grade: strong recommendation)" in page.text


def test_html_references_show_issuer_year_link_and_disclaimer(answered):
    page = _Page(render(answered, "html"))
    assert "Society A, 2021." in page.text and "Agency B, year unknown." in page.text
    hrefs = [a["href"] for a in page.tags("a")]
    assert "https://example.org/one" in hrefs
    assert "not a substitute for clinical judgement" in page.text


def test_html_links_all_have_text(answered):
    page = _Page(render(answered, "html"))
    open_links = [tag for tag, data in page.chunks if tag == "a" and data.strip()]
    assert len(open_links) == len(page.tags("a"))


def test_html_insufficient_evidence_lists_nearest_sources(no_evidence):
    page = _Page(render(no_evidence, "html"))
    assert "holds no evidence that answers this question" in page.text
    assert "Nearby guideline." in page.text and "Another nearby one." in page.text
    assert "Bottom line" not in page.text


def test_html_escapes_every_hostile_text(hostile):
    text = render(hostile, "html")
    page = _Page(text)
    assert page.tags("script") == [] and page.tags("img") == []
    for tag, attrs in page.elements:
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
    assert "<script>alert(1)</script>" in page.text  # shown to the reader as text
    assert "<script" not in text.lower().replace("<script>alert(1)</script>", "")


def test_html_links_only_http_urls(hostile):
    page = _Page(render(hostile, "html"))
    hrefs = [(a.get("href") or "") for a in page.tags("a")]
    assert all(h.startswith(("#ref-", "https://", "http://")) for h in hrefs), hrefs
    assert not any("script" in h.lower() for h in hrefs)
    assert "javascript:alert(4)" in page.text  # shown as text, not linked
