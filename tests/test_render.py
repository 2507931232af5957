"""The renderers: markdown for the terminal, the versioned JSON schema, a safe HTML page.

The answers are built by hand (fakes at the render seam); their wording is placeholder text,
not clinical content.
"""

from __future__ import annotations

import html
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
    PARTIAL,
    SCHEMA_VERSION,
    SUPPORTED,
    UNSUPPORTED,
    Answer,
    ArticleSection,
    Citation,
    Claim,
    Disagreement,
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
        audience="physician",
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


@pytest.fixture
def checked(answered: Answer) -> Answer:
    """The answered fixture after verification, grading, freshness and disagreement."""

    def verdict(statement: Statement, label: str, reason: str) -> Statement:
        citations = tuple(replace(c, verdict=label, reason=reason) for c in statement.citations)
        return replace(statement, citations=citations, verdict=label, reason=reason)

    graded = replace(answered.sections[0].statements[0], grade_scheme="A: good evidence")
    treatment = (
        verdict(graded, SUPPORTED, "quoted from the passage"),
        verdict(answered.sections[0].statements[1], PARTIAL, "the passage does not say 'after'"),
    )
    follow_up = (verdict(answered.sections[1].statements[0], UNSUPPORTED, "'yearly' differs"),)
    claims = (Claim("Review yearly.", 2, "p2"), Claim("Review every two years.", 3, "p3"))
    return replace(
        answered,
        bottom_line=(verdict(answered.bottom_line[0], SUPPORTED, "quoted from the passage"),),
        sections=(
            replace(answered.sections[0], statements=treatment),
            replace(answered.sections[1], statements=follow_up),
        ),
        references=tuple(replace(r, stale=r.year == 2019) for r in answered.references),
        supported_share=0.5,
        dropped=0,
        max_age_years=5,
        disagreements=(Disagreement("interval", claims),),
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
    assert "For physicians. Generated 2026-01-27; not yet reviewed." in lines
    headings = [line for line in lines if line.startswith("## ")]
    assert headings == ["## Bottom line", "## Treatment", "## Follow-up", "## References"]
    assert "> Two sources disagree on timing." in lines


def test_markdown_statements_end_with_their_citation_numbers_and_grade(answered):
    lines = render(answered, "markdown").splitlines()
    assert "- Offer option A. [1][3] (grade: strong recommendation)" in lines
    # a grade the statement's own words show is not said again after it, unless its
    # guideline's scheme explains it
    treatment = answered.sections[0]
    graded = replace(
        treatment.statements[0], text="Offer option A (Class I, LOE: A).", grade="Class I, LOE: A"
    )
    shown = replace(answered, sections=(replace(treatment, statements=(graded,)),))
    assert "- Offer option A (Class I, LOE: A). [1][3]" in render(shown, "markdown").splitlines()
    explained = replace(graded, grade_scheme="Class I: benefit >>> risk")
    shown = replace(answered, sections=(replace(treatment, statements=(explained,)),))
    assert (
        "- Offer option A (Class I, LOE: A). [1][3] (grade: Class I, LOE: A; in this guideline: "
        "Class I: benefit >>> risk)" in render(shown, "markdown").splitlines()
    )
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
        "supported_share",
        "dropped",
        "max_age_years",
        "disagreements",
        "language",
        "on_topic_share",
        "off_topic",
        "frame",
        "identifiers_removed",
    ]
    assert data["schema_version"] == SCHEMA_VERSION
    assert list(data["sections"][0]) == ["key", "heading", "statements"]
    statement = data["sections"][0]["statements"][0]
    assert list(statement) == [
        "text",
        "references",
        "grade",
        "citations",
        "grade_scheme",
        "verdict",
        "reason",
        "untrusted",
    ]
    assert statement["references"] == [1, 3]
    assert statement["grade"] == "strong recommendation"
    citation = statement["citations"][0]
    assert list(citation) == [
        "reference",
        "passage_id",
        "passage_text",
        "section_path",
        "verdict",
        "reason",
    ]
    assert citation["section_path"] == ["Treatment", "First line"]
    reference = data["references"][1]
    keys = ["number", "title", "issuer", "year", "url", "source", "doc_id", "audience", "stale"]
    keys.append("untrusted")
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


def test_every_json_field_is_documented(checked):
    doc = (Path(__file__).parents[1] / "docs" / "answer-schema.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(\w+)` \|", doc, re.MULTILINE))
    data = answer_to_dict(checked)
    statement = data["sections"][0]["statements"][0]
    fields = {*data, *data["sections"][0], *statement, *statement["citations"][0]}
    disagreement = data["disagreements"][0]
    fields |= {*disagreement, *disagreement["claims"][0]}
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


# ---- verification, grades, freshness, disagreement -----------------------------------------


def test_markdown_marks_each_statement_with_its_verdict(checked):
    lines = render(checked, "markdown").splitlines()
    assert "Offer option A first. [1][3] (source [3] is older than 5 years) ✓" in lines
    assert any(
        line.startswith("- Consider option B after A. [1] ◐ (only partly supported")
        for line in lines
    )
    flagged = [line for line in lines if "Review yearly." in line and line.startswith("- ")]
    mark = "- ✗ [not supported by the cited passage: 'yearly' differs]"
    assert flagged == [f"{mark} Review yearly. [2]"]


def test_markdown_shows_the_grade_with_its_scheme(checked):
    line = "- Offer option A. [1][3] (grade: strong recommendation; in this guideline: A: good "
    old = " (source [3] is older than 5 years)"
    assert line + "evidence)" + old + " ✓" in render(checked, "markdown").splitlines()


def test_markdown_reports_the_supported_share_and_stale_sources(checked):
    text = render(checked, "markdown")
    assert "Checked against the cited passages: 2 of 4 statements supported (50%)" in text
    assert "1 not supported, shown flagged" in text
    assert "> Source [3] is older than 5 years: newer guidance may exist." in text
    assert any(
        line.startswith("3. Guía tres.") and line.endswith("Older than 5 years.")
        for line in text.splitlines()
    )


def test_markdown_puts_disagreeing_sources_side_by_side(checked):
    text = render(checked, "markdown")
    assert "## Where sources disagree" in text
    assert "| [2] Agency B, year unknown | [3] Sociedad C, 2019 |" in text
    assert "| Review yearly. | Review every two years. |" in text
    assert text.index("## Where sources disagree") < text.index("## References")


def test_unverified_answers_render_as_before(answered):
    text = render(answered, "markdown")
    assert "✓" not in text and "Checked against" not in text and "Older than" not in text


def test_json_round_trips_a_checked_answer(checked):
    data = json.loads(render(checked, "json"))
    assert data["supported_share"] == 0.5 and data["max_age_years"] == 5
    assert data["sections"][1]["statements"][0]["verdict"] == UNSUPPORTED
    assert data["references"][2]["stale"] is True
    assert data["disagreements"][0]["point"] == "interval"
    assert answer_from_dict(data) == checked


def test_json_reads_a_1_0_record_as_not_verified(answered):
    data = answer_to_dict(answered) | {"schema_version": "1.0"}
    for key in ("supported_share", "dropped", "max_age_years", "disagreements"):
        del data[key]
    read = answer_from_dict(data)
    assert read.supported_share is None and read.disagreements == ()
    assert all(s.verdict is None for s in read.statements)


def test_json_refuses_an_unknown_verdict(checked):
    data = answer_to_dict(checked)
    data["bottom_line"][0]["verdict"] = "probably"
    with pytest.raises(ConfigError, match="unknown verdict 'probably'"):
        answer_from_dict(data)


def test_html_marks_verdicts_with_their_reasons(checked):
    page = _Page(render(checked, "html"))
    spans = {a["class"]: a for a in page.tags("span") if "verdict" in (a.get("class") or "")}
    assert set(spans) == {"verdict supported", "verdict partial", "verdict unsupported"}
    assert spans["verdict unsupported"]["title"].endswith("'yearly' differs")
    assert "A: good evidence" in page.text
    assert "Older than 5 years." in page.text
    assert "2 of 4 statements supported" in page.text


def test_html_shows_disagreements_as_a_two_column_table(checked):
    page = _Page(render(checked, "html"))
    headers = [data for tag, data in page.chunks if tag == "th" and data.strip()]
    assert headers == ["[2] Agency B, year unknown", "[3] Sociedad C, 2019"]
    cells = [data for tag, data in page.chunks if tag == "td" and data.strip()]
    assert cells == ["Review yearly.", "Review every two years."]


def test_html_escapes_hostile_reasons_schemes_and_claims(checked):
    bad = replace(
        checked.bottom_line[0], verdict=UNSUPPORTED, reason=HOSTILE, grade="A", grade_scheme=HOSTILE
    )
    claims = (Claim(HOSTILE, 1, "p1"), Claim(HOSTILE, 2, "p2"))
    text = render(
        replace(checked, bottom_line=(bad,), disagreements=(Disagreement(HOSTILE, claims),)), "html"
    )
    page = _Page(text)
    assert page.tags("script") == [] and page.tags("img") == []
    for tag, attrs in page.elements:
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)


def test_trust_words_are_the_same_in_markdown_and_html(checked):
    from guidecite.render._common import statement_trust, trust_lines

    untrusted = replace(
        checked,
        references=tuple(replace(r, untrusted=r.number == 3) for r in checked.references),
    )
    markdown, page = render(untrusted, "markdown"), render(untrusted, "html")
    for line in trust_lines(untrusted):
        assert line in markdown and html.escape(line, quote=True) in page
    for statement in untrusted.statements:
        trust = statement_trust(statement, untrusted)
        why = trust.why if trust.verdict in (PARTIAL, UNSUPPORTED) else None  # else: a tooltip
        for words in (trust.grade, trust.stale, trust.untrusted, why):
            if words:
                assert words in markdown, words
                assert html.escape(words, quote=True) in page, words
    assert "Marked untrusted at ingest." in markdown and "Marked untrusted at ingest." in page


def test_html_marks_each_quoted_sentence_inside_its_passage():
    from guidecite.render._common import passage_lines, quote_span

    passage = "Intro.\n- Give drug A 5 mg daily. Then check\nlevels at 3 months.\n<b>x</b>"
    assert quote_span("Give drug A 5 mg daily.", passage) == (9, 32)
    assert quote_span("Give drug B.", passage) is None
    lines = passage_lines(passage, [("q0", "Give drug A 5 mg daily."), ("q1", "Not here.")])
    assert lines[1] == [("- ", None), ("Give drug A 5 mg daily.", "q0"), (" Then check", None)]
    marked = passage_lines(passage, [("q1", "Then check levels at 3 months.")])
    assert marked[1][-1] == ("Then check", "q1") and marked[2] == [("levels at 3 months.", "q1")]
    assert marked[3] == [("<b>x</b>", None)]  # text; escaped where it is rendered


def test_the_topic_check_line_names_what_it_checked(checked):
    judged = replace(checked, on_topic_share=0.75, off_topic=1)
    line = (
        "Sources checked against the question's topic and patient (not whether each statement "
        "answers it): 75% of statements pass; 1 off topic, left out."
    )
    assert line in render(judged, "markdown")
    spanish = render(replace(judged, language="es"), "markdown")
    assert (
        "Fuentes comprobadas frente al tema y al paciente de la pregunta (no si cada afirmación "
        "la responde): 75% de las afirmaciones" in spanish
    )
