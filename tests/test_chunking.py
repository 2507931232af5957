"""Chunking: display text, sentence splitting and section-aware passages.

Edge cases are small synthetic strings; the real-text checks read files from
../shared/corpus (never copied here) and skip without it.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import CORPUS, needs_corpus
from guidecite.chunking import chunk, clean_text, count_words, split_sentences
from guidecite.types import Passage, Section, SourceDocument

NCI_FILES = (
    "nci-pdq/about-cancer-coping-feelings-depression-hp-pdq.md",
    "nci-pdq/types-pancreatic-hp-pnet-treatment-pdq.md",
    "nci-pdq/types-colorectal-patient-colorectal-screening-pdq.md",
)
OPEN_MEDICINE_FILES = (
    "open-medicine/acc_aha_af_2023/anticoagulation.md",
    "open-medicine/gina_asthma_2024/pharmacotherapy.md",
)
HEADING = re.compile(r"(#{1,6}) +(.*)")
BLOCK_START = re.compile(r"\s*(?:[-*+]|\d{1,3}[.)]|\|)\s")
WORD = re.compile(r"[^\W_]\S*")


def markdown_document(name: str, text: str) -> SourceDocument:
    """A Markdown text as a reader would give it: a section per heading, one line per
    paragraph (hard-wrapped lines joined), list item or table row."""
    path: list[str] = []
    sections: list[Section] = []
    lines: list[str] = []
    for raw in [*text.split("\n"), "# end"]:
        heading = HEADING.fullmatch(raw)
        if heading:
            if lines:
                sections.append(Section(tuple(path), "\n".join(lines)))
            lines = []
            del path[len(heading.group(1)) - 1 :]
            path.append(heading.group(2).strip())
        elif raw.strip() and lines and lines[-1] and not BLOCK_START.match(raw):
            lines[-1] += " " + raw.strip()
        else:
            lines.append(raw.rstrip())
    return SourceDocument(source=name, title=name, sections=tuple(sections))


def corpus_document(name: str) -> SourceDocument:
    needs_corpus()
    text = (CORPUS / name).read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.split("---", 2)[2]  # YAML front matter
    return markdown_document(name, text)


def medquad_documents(count: int) -> list[SourceDocument]:
    needs_corpus()
    with (CORPUS / "medquad" / "medquad.jsonl").open(encoding="utf-8") as lines:
        records = [json.loads(next(lines)) for _ in range(count)]
    return [markdown_document(r["id"], r["clean_text"]) for r in records]


def real_documents() -> list[SourceDocument]:
    names = NCI_FILES + OPEN_MEDICINE_FILES
    return [corpus_document(name) for name in names] + medquad_documents(40)


def words_of(count: int, word: str = "word") -> str:
    return " ".join([word] * count)


def sentence(count: int, word: str = "word") -> str:
    """A sentence of `count` words that starts with a capital."""
    return word.capitalize() + " " + words_of(count - 2, word) + " end."


def document(*sections: tuple[tuple[str, ...], str]) -> SourceDocument:
    return SourceDocument(
        source="test.md", title="Test", sections=tuple(Section(*s) for s in sections)
    )


# -- clean_text ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Common.[[1](#cit/section_1.1)] Next", "Common. Next"),
        ("in Europe,[[3](#cit/section_2.3),[4](#cit/section_2.4)] and", "in Europe, and"),
        ("patients.[[1](#cit/section_1.1)-[3](#cit/section_1.3)]", "patients."),
        ("rate [[12](#cit/section_3.12)].", "rate."),
        ("Shown before.[[1]] Then [[2,3]] again.", "Shown before. Then again."),
        ("marker [[2,3](#cit/section_2.4)] gone", "marker gone"),
        ("- Medications:[[8](#cit/section_1.8)];[[9](#cit/section_1.9)]", "- Medications:"),
        ("acetate.[9184] The only way", "acetate. The only way"),
    ],
)
def test_nci_reference_markers_are_removed(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_level_of_evidence_links_stay_as_a_bracketed_tag() -> None:
    link = "(/Common/PopUps/popDefinition.aspx?id=663072&version=HealthProfessional)"
    raw = (
        f"- Medications:[[8](#cit/section_1.8)];[[9](#cit/section_1.9)]"
        f"[[Level of evidence: II]{link}];[[10](#cit/section_1.10)]"
    )
    assert clean_text(raw) == "- Medications:[Level of evidence: II]"
    assert clean_text(f"pain.[[Level of evidence: C1]]{link}") == "pain.[Level of evidence: C1]"


@pytest.mark.parametrize(
    "raw",
    [
        'Lancet 1: 2, 2014. [[PUBMED Abstract]](http://www.ncbi.nlm.nih.gov/x?a=1&b=2 "http://x")',
        "Lancet 1: 2, 2014. [[PUBMED Abstract](https://pubmed.ncbi.nlm.nih.gov/123/)]",
    ],
)
def test_pubmed_links_are_dropped(raw: str) -> None:
    assert clean_text(raw) == "Lancet 1: 2, 2014."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("See [Childhood Cancer](/types/childhood-cancers).", "See Childhood Cancer."),
        ("([tumor necrosis factor [TNF]](/Common/x.aspx?id=1))", "(tumor necrosis factor [TNF])"),
        ('[a trial](https://example.org/a_(b) "A title (with parentheses)") ran', "a trial ran"),
        ("a [bracketed aside] stays", "a [bracketed aside] stays"),
    ],
)
def test_links_keep_only_their_label(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_images_and_navigation_lines_are_dropped() -> None:
    raw = (
        "[Go to Patient Version](/about-cancer/coping/feelings/depression-pdq)\n"
        'Text before ![Chart of (things)](https://x.gov/a.jpg "Chart of (things)") after.\n'
        "[View and Print Infographic](/images/x)"
    )
    assert clean_text(raw) == "Text before after."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("**Apixaban:** Standard dose", "Apixaban: Standard dose"),
        ("***Definitions:*** Depression", "Definitions: Depression"),
        ("the *Diagnostic Manual,* 5th edition", "the Diagnostic Manual, 5th edition"),
        ("__Note__ well", "Note well"),
        ("5 * 2 = 10 and 5*2*3 = 30", "5 * 2 = 10 and 5*2*3 = 30"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("lose about ___________ pounds", "lose about ___________ pounds"),
        ("- **Elderly (≥ 75 years):", "- Elderly (≥ 75 years):"),  # bold never closed
        ("*See the Pronunciation Guide", "*See the Pronunciation Guide"),  # a footnote star
    ],
)
def test_emphasis_markers_go_but_arithmetic_stays(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_html_entities_are_unescaped() -> None:
    assert clean_text("anaemia (&lt;9 g/dl) &amp; A&ndash;C&nbsp;grade") == (
        "anaemia (<9 g/dl) & A–C grade"
    )


def test_spaces_collapse_but_lines_and_list_indents_stay() -> None:
    raw = "  First   line\t here  \n\n\n\n- item  one\n  - nested\u200b item\n| a  |  b |"
    assert clean_text(raw) == "First line here\n\n- item one\n  - nested item\n| a | b |"


@pytest.mark.parametrize("name", NCI_FILES)
def test_real_nci_text_keeps_no_markup(name: str) -> None:
    needs_corpus()
    cleaned = clean_text((CORPUS / name).read_text(encoding="utf-8"))
    for artefact in ("#cit/", "](", "[[", "**", "PUBMED", "&amp;"):
        assert artefact not in cleaned
    assert clean_text(cleaned) == cleaned


# -- split_sentences -------------------------------------------------------------------------

SENTENCE_CASES = [
    # abbreviations
    (
        "Give 5 mg/kg b.i.d. for 3 days. Then stop.",
        ["Give 5 mg/kg b.i.d. for 3 days.", "Then stop."],
    ),
    ("Use i.v. fluids, e.g. Ringer's. Monitor.", ["Use i.v. fluids, e.g. Ringer's. Monitor."]),
    ("That is, i.e. Treatment A. It works well.", ["That is, i.e. Treatment A.", "It works well."]),
    ("Smith et al. Showed this. It held.", ["Smith et al. Showed this.", "It held."]),
    (
        "Aspirin vs. Heparin was tested. Both worked.",
        ["Aspirin vs. Heparin was tested.", "Both worked."],
    ),
    (
        "Dr. Smith saw approx. 40 patients. All recovered.",
        ["Dr. Smith saw approx. 40 patients.", "All recovered."],
    ),
    (
        "See Fig. 2 and No. 3 for the data. It is clear.",
        ["See Fig. 2 and No. 3 for the data.", "It is clear."],
    ),
    (
        "Rates in the U.S. Are rising. They doubled.",
        ["Rates in the U.S. Are rising.", "They doubled."],
    ),
    (
        "Cited by J. R. Smith and John F. Kennedy. Next one.",
        ["Cited by J. R. Smith and John F. Kennedy.", "Next one."],
    ),
    # numbers
    ("Give 2.5 mg daily. Reduce by 0.5% weekly.", ["Give 2.5 mg daily.", "Reduce by 0.5% weekly."]),
    (
        "Ki-67 <=20% is low grade. HbA1c ≥ 7.0% is high.",
        ["Ki-67 <=20% is low grade.", "HbA1c ≥ 7.0% is high."],
    ),
    (
        "It was seen in 2010. 25% of patients had it.",
        ["It was seen in 2010.", "25% of patients had it."],
    ),
    (
        "2.1 Treatment of stage I disease is surgery.",
        ["2.1 Treatment of stage I disease is surgery."],
    ),
    (
        "Patients with stage I. Disease that recurs.",
        ["Patients with stage I.", "Disease that recurs."],
    ),
    # lists
    ("1. Give aspirin first. Then heparin.", ["1. Give aspirin first.", "Then heparin."]),
    ("- Fever.\n- Anemia and fatigue.", ["- Fever.", "- Anemia and fatigue."]),
    (
        "Steps: 1. Assess the airway. 2. Give oxygen.",
        ["Steps: 1. Assess the airway.", "2. Give oxygen."],
    ),
    ("| Drug. Dose. | Note. Here. |", ["| Drug. Dose. | Note. Here. |"]),
    # punctuation and brackets
    ('He said "Stop now." Then he left.', ['He said "Stop now."', "Then he left."]),
    ("(See Table 2 below.) Next it rose.", ["(See Table 2 below.)", "Next it rose."]),
    (
        "It is rare (Grade A. Strong evidence.) and mild. Next.",
        ["It is rare (Grade A. Strong evidence.) and mild. Next."],
    ),
    (
        "Use it (IL-2 [Grade 1B (weak). Mild.]) daily. Done here.",
        ["Use it (IL-2 [Grade 1B (weak). Mild.]) daily.", "Done here."],
    ),
    (
        "An unclosed (bracket. Still splits here. Fine.",
        ["An unclosed (bracket.", "Still splits here. Fine."],
    ),
    ("Treat A; treat B; then C. Stop.", ["Treat A; treat B; then C. Stop."]),
    (
        "Give drug A; monitor B. Is it safe? Yes, it is!",
        ["Give drug A; monitor B.", "Is it safe?", "Yes, it is!"],
    ),
    (
        "Uncontrolled pain.[Level of evidence: II] Next one here.",
        ["Uncontrolled pain.[Level of evidence: II]", "Next one here."],
    ),
    (
        "Therapy was given. (Grade 1B) Next sentence here.",
        ["Therapy was given. (Grade 1B)", "Next sentence here."],
    ),
    # lower case after a period, fragments, lines
    ("Doses were lowered, etc. and then held.", ["Doses were lowered, etc. and then held."]),
    ("Yes. It works in most cases.", ["Yes. It works in most cases."]),
    ("It works in most cases. OK.", ["It works in most cases. OK."]),
    (
        "First line without a stop\nSecond line. Third one.",
        ["First line without a stop", "Second line.", "Third one."],
    ),
    # an abbreviation in brackets ends no sentence: a developer's name in metadata
    (
        "Developer: Agency of Health - Federal Government Agency [U.S.] Office of Care - "
        "Federal Government Agency [U.S.]. Released: 2010.",
        [
            "Developer: Agency of Health - Federal Government Agency [U.S.] Office of Care - "
            "Federal Government Agency [U.S.].",
            "Released: 2010.",
        ],
    ),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCE_CASES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_sentences_of_real_text_are_pieces_of_its_lines() -> None:
    for doc in real_documents():
        for section in doc.sections:
            text = clean_text(section.text)
            lines = [line.strip() for line in text.split("\n") if line.strip()]
            joined = [" ".join(split_sentences(line)) for line in lines]
            assert joined == lines


@pytest.mark.parametrize(
    "text",
    ["(" * 30_000, "[" * 30_000 + ". A", "*" * 30_000, "a. " * 30_000, "**a " * 10_000,
     "[x](" * 10_000, "_" * 30_000, "[[1](#cit/" * 5_000, "x.[" * 10_000 + " A"],
)  # fmt: skip
def test_pathological_text_is_chunked_whole(text: str) -> None:
    """No timed assertion (their speed is in scripts/bench_hostile.py): they are cut
    into passages that keep every word."""
    split_sentences(clean_text(text))
    passages = chunk(document((("S",), text)))
    assert sum(count_words(p.text) for p in passages) == count_words(clean_text(text))


def test_cutting_a_long_line_with_no_sentence_end_is_linear(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The words of an overlong sentence are counted once, not again after every cut (a
    2 MB line took 63 s): the characters counted grow in step with the line."""
    import guidecite.chunking as chunking

    counted = 0

    def counting(text: str) -> int:
        nonlocal counted
        counted += len(text)
        return count_words(text)

    monkeypatch.setattr(chunking, "count_words", counting)
    for size in (2_000, 20_000):
        counted = 0
        line = " ".join(f"word{i % 97}" for i in range(size))
        passages = chunk(document((("S",), line)))
        assert sum(count_words(p.text) for p in passages) == size
        assert counted < 6 * len(line)


# -- chunk -----------------------------------------------------------------------------------


def test_passages_carry_ids_ordinals_and_heading_paths() -> None:
    doc = document((("A",), sentence(40)), (("B", "C"), sentence(40, "other")))
    passages = chunk(doc)
    assert [p.ordinal for p in passages] == [0, 1]
    assert [p.section_path for p in passages] == [("A",), ("B", "C")]
    for p in passages:
        assert p.doc_id == doc.doc_id
        assert p.passage_id == Passage.make_id(doc.doc_id, p.section_path, p.text)
    assert chunk(doc) == passages  # stable: re-chunking gives the same ids


@pytest.mark.parametrize(("target", "maximum"), [(0, 10), (300, 250)])
def test_passage_sizes_must_make_sense(target: int, maximum: int) -> None:
    with pytest.raises(ValueError, match="target_words"):
        chunk(document((("A",), "Text.")), target_words=target, max_words=maximum)


def test_passage_text_is_display_text() -> None:
    doc = document((("A",), "Depression is **common**.[[1](#cit/section_1.1)] It is &lt;25%."))
    assert [p.text for p in chunk(doc)] == ["Depression is common. It is <25%."]


def test_a_passage_never_spans_two_sections() -> None:
    text = " ".join([sentence(30)] * 2)
    doc = document((("A", "x"), text), (("A", "y"), text), (("B",), text))
    assert [p.section_path for p in chunk(doc)] == [("A", "x"), ("A", "y"), ("B",)]


def test_passages_are_near_the_target_and_cut_between_sentences() -> None:
    sentences = [sentence(20, f"w{i}") for i in range(30)]  # 600 words
    passages = chunk(document((("A",), " ".join(sentences))), target_words=100, max_words=150)
    assert [count_words(p.text) for p in passages] == [100] * 6
    assert [s for p in passages for s in split_sentences(p.text)] == sentences


def test_a_paragraph_boundary_is_preferred_once_the_passage_is_half_full() -> None:
    first, second = " ".join([sentence(20)] * 3), " ".join([sentence(20, "b")] * 3)
    passages = chunk(document((("A",), f"{first}\n{second}")), target_words=100)
    assert [p.text for p in passages] == [first, second]


def test_a_list_stays_with_the_sentence_that_introduces_it() -> None:
    intro = "The following drugs are used:"
    items = [f"- {words_of(9, f'drug{i}')}." for i in range(6)]
    text = "\n".join([" ".join([sentence(30)] * 3), intro, *items])
    passages = chunk(document((("A",), text)), target_words=100, max_words=150)
    assert len(passages) == 2
    assert passages[1].text == "\n".join([intro, *items])


def test_a_long_list_is_cut_between_items_only() -> None:
    items = [f"- {words_of(19, f'item{i}')}." for i in range(20)]  # 400 words
    passages = chunk(document((("A",), "\n".join(["Give these:", *items]))), max_words=150)
    assert all(count_words(p.text) <= 150 for p in passages)
    lines = [line for p in passages for line in p.text.split("\n")]
    assert lines == ["Give these:", *items]


def test_table_rows_stay_whole_and_together() -> None:
    rows = ["| Drug | Dose |", "| --- | --- |"] + [f"| drug{i} | {i} mg daily |" for i in range(12)]
    text = "\n".join([sentence(60), "Table 1. Doses", *rows])
    passages = chunk(document((("A",), text)), target_words=50, max_words=80)
    assert passages[1].text.split("\n")[:3] == ["Table 1. Doses", *rows[:2]]
    assert [line for p in passages[1:] for line in p.text.split("\n")][1:] == rows


def test_an_overlong_sentence_is_cut_at_a_clause_boundary() -> None:
    clauses = [words_of(29, f"c{i}") + ";" for i in range(12)]  # one 348-word sentence
    passages = chunk(document((("A",), " ".join(clauses) + " end.")), max_words=250)
    assert [count_words(p.text) for p in passages] == [145, 204]  # the ";" nearest 150 words
    assert passages[0].text.endswith("c4;")
    assert " ".join(p.text for p in passages) == " ".join(clauses) + " end."


def test_a_sentence_without_clauses_is_cut_at_the_word_limit() -> None:
    passages = chunk(document((("A",), words_of(400) + ".")), target_words=150, max_words=250)
    assert [count_words(p.text) for p in passages] == [150, 250]


def test_a_short_section_joins_the_subsection_that_follows_it() -> None:
    doc = document(
        (("Treatment",), "Three types of treatment are used:"),
        (("Treatment", "Surgery"), sentence(40)),
    )
    passages = chunk(doc)
    assert len(passages) == 1
    assert passages[0].section_path == ("Treatment", "Surgery")
    assert passages[0].text.startswith("Three types of treatment are used:\n")


def test_a_short_section_before_a_sibling_stays_alone() -> None:
    doc = document(
        (("Treatment", "Surgery"), "Surgery is rare."), (("Treatment", "Drugs"), sentence(40))
    )
    assert [p.section_path for p in chunk(doc)] == [
        ("Treatment", "Surgery"),
        ("Treatment", "Drugs"),
    ]


def test_sections_without_words_are_dropped() -> None:
    doc = document((("A",), "---\n* * *\n| --- | --- |"), (("B",), ""), (("C",), "Fine text."))
    assert [p.text for p in chunk(doc)] == ["Fine text."]


def test_a_small_last_passage_joins_the_one_before() -> None:
    text = "\n".join([" ".join([sentence(25)] * 4), sentence(10, "tail")])
    assert len(chunk(document((("A",), text)))) == 1


def test_real_documents_chunk_within_limits_and_lose_no_words() -> None:
    for doc in real_documents():
        passages = chunk(doc)
        assert passages, doc.source
        assert all(0 < count_words(p.text) <= 250 for p in passages)
        cleaned = [WORD.findall(clean_text(section.text)) for section in doc.sections]
        assert [w for p in passages for w in WORD.findall(p.text)] == sum(cleaned, [])


def test_real_passages_end_at_sentence_ends() -> None:
    for doc in real_documents():
        sentences = {s for sec in doc.sections for s in split_sentences(clean_text(sec.text))}
        for p in chunk(doc):
            assert set(split_sentences(p.text)) <= sentences, p.text[:80]
