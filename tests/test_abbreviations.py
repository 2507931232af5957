"""Abbreviations: definitions found in text, the table of senses, expansions chosen by context.

Real sentences are read from ../shared/corpus and the ADAM dictionary from
../shared/terminology, never copied here; the tests that need them skip without them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import CORPUS, SHARED, needs_corpus
from guidecite.abbreviations import (
    DICTIONARY,
    LIBRARY,
    AbbreviationTable,
    Expansion,
    abbreviation_like,
    expand,
    find_definitions,
    load_dictionary,
    long_key,
    may_stand_for,
    short_key,
)
from guidecite.errors import ConfigError, StoreError

ADAM = SHARED / "terminology" / "adam_abbreviations.tsv"
GI_NET = "nci-pdq/types-gi-neuroendocrine-tumors-hp-gi-neuroendocrine-treatment-pdq.md"
NSE_PAGES = ("ngc/ngc-10714.html", "ngc/ngc-10949.html", "ngc/ngc-11366.html")
PNET_PAGE = "ngc/ngc-11161.html"


def corpus_text(name: str) -> str:
    """A library file's text: Markdown as it is, an HTML page's body text."""
    needs_corpus()
    raw = (CORPUS / name).read_text(encoding="utf-8")
    if not name.endswith(".html"):
        return raw
    body = LexborHTMLParser(raw).body
    return body.text(separator="\n") if body is not None else ""


@pytest.fixture(scope="module")
def adam() -> AbbreviationTable:
    if not ADAM.is_file():
        pytest.skip(f"the ADAM abbreviation dictionary is not at {ADAM}")
    return load_dictionary(ADAM)


# -- finding definitions -----------------------------------------------------------------


@pytest.mark.parametrize("page", NSE_PAGES)
def test_finds_nse_defined_in_real_guideline_pages(page: str) -> None:
    longs = {long for short, long in find_definitions(corpus_text(page)) if short == "NSE"}
    assert longs & {"neuron specific enolase", "neuron-specific enolase"}


def test_finds_a_definition_in_square_brackets_in_a_real_page() -> None:
    text = corpus_text(NSE_PAGES[0])
    line = next(line for line in text.splitlines() if "[NSE]" in line)
    assert ("NSE", "neuron specific enolase") in set(find_definitions(line))


def test_finds_tumour_markers_in_a_real_nci_summary() -> None:
    pairs = set(find_definitions(corpus_text(GI_NET)))
    assert ("CgA", "chromogranin A") in pairs
    assert ("5-HIAA", "5-hydroxyindoleacetic acid") in pairs


def test_finds_a_plural_short_form_in_a_real_page() -> None:
    pairs = set(find_definitions(corpus_text(PNET_PAGE)))
    assert ("pNETs", "pancreatic neuroendocrine tumours") in pairs


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("raised neuron-specific enolase (NSE) in CSF", ("NSE", "neuron-specific enolase")),
        ("plasma chromogranin A (CgA), first described", ("CgA", "chromogranin A")),
        (
            "in pancreatic neuroendocrine tumours (pNETs).",
            ("pNETs", "pancreatic neuroendocrine tumours"),
        ),
        (
            "urinary 5-hydroxyindoleacetic acid (5-HIAA) levels",
            ("5-HIAA", "5-hydroxyindoleacetic acid"),
        ),
        ("impairs activities of daily living (ADLs)", ("ADLs", "activities of daily living")),
        ("with atrial fibrillation (AF; paroxysmal or not)", ("AF", "atrial fibrillation")),
        ("Serum NSE (neuron-specific enolase) was high", ("NSE", "neuron-specific enolase")),
        ("a [GCS] ...", None),
        ("**Glasgow Coma Scale (GCS)** below 8", ("GCS", "Glasgow Coma Scale")),
        ("in MEN1-Zollinger-Ellison syndrome (ZES)", ("ZES", "Zollinger-Ellison syndrome")),
        (
            "acute ST-segment elevation myocardial infarction (STEMI)",
            ("STEMI", "ST-segment elevation myocardial infarction"),
        ),
        ("given as an intravenous (IV) infusion", ("IV", "intravenous")),
    ],
)
def test_finds_definitions_in_synthetic_sentences(text: str, pair: tuple[str, str] | None) -> None:
    assert list(find_definitions(text)) == ([pair] if pair else [])


@pytest.mark.parametrize(
    "text",
    [
        "Response rates were higher (see Table 2).",
        "Patients were enrolled (n = 34) over two years.",
        "Survival improved (p < 0.05) with treatment.",
        "The hazard ratio was 0.71 (95% CI 0.55-0.92).",
        "As Schwartz and Hearst showed (2003), this works.",
        "Recruited between two dates (1998-2003) in Ontario.",
        "Give methotrexate weekly (10 mg) by mouth.",
        "Syrup given as a single dose (5mL) at night.",
        "The tumour grew (Figure) over time.",
        "The disease had reached stage (IV) by then.",
        "Managing patients on novel oral anticoagulants (DOACs) before surgery.",
        "Classified by cause, GFR category, and albuminuria category (CGA).",
        "Atrial paroxysmal persistent or permanent fibrillation (AF) is common.",
        "See the references [[12](#cit/section_1.12)] for more.",
    ],
)
def test_rejects_parentheses_that_define_nothing(text: str) -> None:
    assert list(find_definitions(text)) == []


# -- what looks like an abbreviation ----------------------------------------------------


def test_a_short_form_may_stand_for_words_whose_letters_it_holds_in_order() -> None:
    assert may_stand_for("CAP", "community-acquired pneumonia in")
    assert may_stand_for("NETs", "neuroendocrine tumors")
    assert not may_stand_for("CAP", "acute asthma in children")
    assert not may_stand_for("cap", "community-acquired pneumonia")  # a word, not a short form


@pytest.mark.parametrize(
    "token",
    ["NSE", "CgA", "pNET", "AF", "CKD", "DOAC", "HbA1c", "5-HIAA", "PBW", "NETs", "eGFR", "pH"],
)
def test_abbreviation_like_tokens(token: str) -> None:
    assert abbreviation_like(token)


@pytest.mark.parametrize(
    "token", ["I", "A", "OR", "US", "Figure", "Hb", "McDonald", "mmHg", "II", "IIIB", "IV", "T2"]
)
def test_words_names_and_roman_numerals_are_not_abbreviation_like(token: str) -> None:
    assert not abbreviation_like(token)


def test_short_keys_ignore_case_hyphens_and_plural() -> None:
    assert short_key("NETs") == short_key("NET") == short_key("net")
    assert short_key("5-HIAA") == short_key("5HIAA")
    assert short_key("MS") != short_key("M")


def test_long_keys_join_spellings_of_one_long_form() -> None:
    assert long_key("Neuroendocrine Tumours") == long_key("neuroendocrine tumor")
    assert long_key("neuron-specific enolase") == long_key("neuron specific enolase")
    assert long_key("atrial fibrillation") != long_key("atrial flutter")


# -- the table of senses -----------------------------------------------------------------


def test_table_mined_from_real_pages() -> None:
    table = AbbreviationTable()
    for page in (*NSE_PAGES, PNET_PAGE, GI_NET):
        table.add_text(corpus_text(page))
    (nse,) = table.senses("NSE")
    assert nse.origin == LIBRARY and nse.count == 4
    assert set(nse.spellings) == {"neuron specific enolase", "neuron-specific enolase"}
    assert table.senses("nse") == table.senses("NSE")
    assert [s.long for s in table.senses("CgA")] == ["chromogranin A"]
    assert "pancreatic neuroendocrine tumours" in [s.long for s in table.senses("pNET")]
    assert "5-hydroxyindoleacetic acid" in [s.long for s in table.senses("5HIAA")]


def test_senses_list_library_first_then_by_weight() -> None:
    table = AbbreviationTable()
    table.add("XQ", "xeno quartz", count=2)
    table.add("XQ", "xylo quinone", count=5)
    table.add("XQ", "xeric quality", count=900, origin=DICTIONARY)
    assert [(s.long, s.origin) for s in table.senses("XQ")] == [
        ("xylo quinone", LIBRARY),
        ("xeno quartz", LIBRARY),
        ("xeric quality", DICTIONARY),
    ]
    assert table.senses("XQ", DICTIONARY)[0].count == 900


def test_merge_adds_counts_of_the_same_sense() -> None:
    first, second = AbbreviationTable(), AbbreviationTable()
    first.add_text("neuron-specific enolase (NSE) was measured")
    second.add_text("serum neuron specific enolase (NSE) rose")
    first.merge(second)
    (nse,) = first.senses("NSE")
    assert nse.count == 2 and len(nse.spellings) == 2


def test_unknown_origin_is_refused_with_the_choices() -> None:
    with pytest.raises(ConfigError, match="dictionary, library"):
        AbbreviationTable().add("XQ", "xylo quinone", origin="web")


def test_json_round_trip_keeps_every_sense() -> None:
    table = AbbreviationTable()
    table.add_text("chromogranin A (CgA) and neuroendocrine tumours (NETs); NET (net effect)")
    table.add("CGA", "Chromogranin-A", count=28, origin=DICTIONARY, score=0.25)
    text = table.to_json()
    assert json.loads(text)["format"] == "guidecite.abbreviations"
    again = AbbreviationTable.from_json(text)
    assert again.to_json() == text
    assert again.senses("CgA") == table.senses("CgA")
    assert again.senses("CgA")[1].weight == pytest.approx(7.0)


@pytest.mark.parametrize("text", ["not json", "[]", '{"format": "other", "version": 1}'])
def test_unreadable_json_is_a_store_error(text: str) -> None:
    with pytest.raises(StoreError, match="abbreviation table"):
        AbbreviationTable.from_json(text)


# -- dictionary files ----------------------------------------------------------------------


def test_adam_dictionary_loads_by_path(adam: AbbreviationTable) -> None:
    assert len(adam) > 20_000
    nse = adam.senses("NSE")
    assert nse[0].long == "neuron-specific enolase" and nse[0].origin == DICTIONARY
    assert "neuron specific enolase" in nse[0].spellings
    assert adam.senses("AF")[0].long == "atrial fibrillation"
    # an abbreviation's variant spellings find the sense too
    assert "Chromogranin-A" in [s.long for s in adam.senses("CgA")]
    assert "neuroendocrine tumors" in [s.long for s in adam.senses("NETs")]


def test_a_simple_dictionary_of_two_or_three_columns(tmp_path: Path) -> None:
    path = tmp_path / "local.tsv"
    path.write_text("# ours\nXQ\txylo quinone\t7\nZZT\tzeta zone test\n", encoding="utf-8")
    table = load_dictionary(path)
    assert table.senses("XQ")[0].count == 7
    assert table.senses("ZZT")[0].origin == DICTIONARY


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("XQ\txylo quinone\tmany\n", "count"),
        ("XQ\n", "columns"),
        ("XQ\tXQ:3\txylo quinone\t0.5\t3\n", "long forms"),
        ("XQ\tXQ\txylo quinone:3:0.5\t0.5\t3\n", "abbreviation variants"),
        ("XQ\tXQ:3\txylo quinone:3:0.5\thigh\t3\n", "score"),
        ("XQ\tXQ:3\txylo quinone:3:0.5\t2.5\t3\n", "score"),
        ("# only a comment\n", "no abbreviations"),
    ],
)
def test_malformed_dictionary_is_a_config_error(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=problem) as caught:
        load_dictionary(path)
    assert str(path) in str(caught.value)


def test_missing_dictionary_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "absent.tsv"
    with pytest.raises(ConfigError, match=re.escape(f"{path}: no such file")):
        load_dictionary(path)


# -- expanding a question ----------------------------------------------------------------

#: Test data for a deterministic relatedness: words that go with each long form.
TOPICS = {
    "atrial fibrillation": "anticoagulation stroke warfarin doac rhythm rate surgery",
    "amniotic fluid": "pregnancy oligohydramnios volume gestation weeks fetal",
    "multiple sclerosis": "relapse natalizumab demyelination mri disability",
    "mitral stenosis": "valve valvotomy balloon rheumatic murmur",
}
USES = {
    "atrial fibrillation": 400,
    "amniotic fluid": 30,
    "multiple sclerosis": 300,
    "mitral stenosis": 20,
    "intravenous": 900,
    "neuroendocrine tumours": 50,
}


def word_overlap(question: str, long_forms: Sequence[str]) -> list[float]:
    """The share of a long form's topic words (or own words) that the question holds."""
    words = set(re.findall(r"[a-z0-9]+", question.lower()))
    scores = []
    for long in long_forms:
        topic = set(TOPICS.get(long.lower(), long.lower()).split())
        scores.append(len(words & topic) / len(topic))
    return scores


def known(long: str) -> int:
    return USES.get(long.lower(), 0)


@pytest.fixture
def ambiguous() -> AbbreviationTable:
    """Synthetic definitions: the common sense of each short form and a rarer one."""
    table = AbbreviationTable()
    for long, count in (("atrial fibrillation", 30), ("amniotic fluid", 3)):
        table.add("AF", long, count=count)
    for long, count in (("multiple sclerosis", 40), ("mitral stenosis", 4)):
        table.add("MS", long, count=count)
    table.add("IV", "intravenous", count=10)
    table.add("NETs", "neuroendocrine tumours", count=5)
    return table


def senses_chosen(question: str, table: AbbreviationTable, **options: object) -> list[str]:
    expansions = expand(question, table, known=known, relatedness=word_overlap, **options)  # type: ignore[arg-type]
    return [f"{e.short}={e.long}" for e in expansions]


@pytest.mark.parametrize(
    ("question", "chosen"),
    [
        ("AF on a DOAC: stop before surgery?", ["AF=atrial fibrillation"]),
        ("low AF volume at 34 weeks of pregnancy", ["AF=amniotic fluid"]),
        ("MS relapse on natalizumab", ["MS=multiple sclerosis"]),
        ("balloon valvotomy for MS", ["MS=mitral stenosis"]),
    ],
)
def test_context_resolves_ambiguity_both_ways(
    ambiguous: AbbreviationTable, question: str, chosen: list[str]
) -> None:
    assert senses_chosen(question, ambiguous) == chosen


def test_a_short_form_the_question_spells_out_elsewhere_means_what_it_spells(
    ambiguous: AbbreviationTable,
) -> None:
    # in any case, and against the commoner sense: the message names it in full
    assert senses_chosen("ms: my husband has mitral stenosis, can he fly?", ambiguous) == [
        "ms=mitral stenosis"
    ]
    expansion = expand("ms: he has mitral stenosis", ambiguous, known=known)[0]
    assert expansion.apart
    # a sense whose initials are not the short form's letters is no spelling out of it
    ambiguous.add("US", "ultrasound", count=9)
    assert senses_chosen("let us know if the ultrasound is needed", ambiguous) == []


def test_adam_senses_resolved_by_context(adam: AbbreviationTable) -> None:
    # ADAM writes some long forms as they began a sentence ("Amniotic fluid")
    chosen = [s.lower() for s in senses_chosen("AF volume in oligohydramnios", adam)]
    assert chosen == ["af=amniotic fluid"]
    assert senses_chosen("AF and warfarin before surgery", adam) == ["AF=atrial fibrillation"]


def test_a_confident_choice_weighs_near_one(ambiguous: AbbreviationTable) -> None:
    (expansion,) = expand("AF and stroke", ambiguous, known=known, relatedness=word_overlap)
    assert expansion == Expansion("AF", "atrial fibrillation", expansion.weight)
    assert 0.9 < expansion.weight <= 1.0


def test_without_relatedness_counts_decide(ambiguous: AbbreviationTable) -> None:
    (expansion,) = expand("low AF volume at 34 weeks of pregnancy", ambiguous, known=known)
    assert expansion.long == "atrial fibrillation"


def test_library_use_outweighs_a_larger_count() -> None:
    table = AbbreviationTable()
    table.add("XQ", "xylo quinone", count=3)
    table.add("XQ", "xeric quality", count=5)
    uses = {"xylo quinone": 40}
    (expansion,) = expand("what is XQ", table, known=lambda long: uses.get(long, 0))
    assert expansion.long == "xylo quinone"


def test_two_senses_when_nothing_decides() -> None:
    table = AbbreviationTable()
    table.add("XQ", "xylo quinone", count=4)
    table.add("XQ", "xeric quality", count=4)
    expansions = expand("XQ?", table, known=lambda long: 10)
    assert {e.long for e in expansions} == {"xylo quinone", "xeric quality"}
    assert all(0.4 < e.weight < 0.6 for e in expansions)
    assert len(expand("XQ?", table, known=lambda long: 10, max_senses=1)) == 1


def test_a_definition_in_the_question_wins(ambiguous: AbbreviationTable) -> None:
    expansions = expand("amniotic fluid (AF) and stroke", ambiguous, known=known)
    assert expansions == [Expansion("AF", "amniotic fluid", 1.0)]


def test_relatedness_judges_the_question_without_the_abbreviation(
    ambiguous: AbbreviationTable,
) -> None:
    asked: list[str] = []

    def recording(question: str, long_forms: Sequence[str]) -> list[float]:
        asked.append(question)
        return [0.0] * len(long_forms)

    expand("Is AF a risk in AFs and MS?", ambiguous, known=known, relatedness=recording)
    assert asked == ["Is a risk in and MS?", "Is AF a risk in AFs and ?"]


def test_roman_numerals_after_stage_are_not_expanded(ambiguous: AbbreviationTable) -> None:
    assert senses_chosen("stage IV disease", ambiguous) == []
    assert senses_chosen("IV iron before surgery", ambiguous) == ["IV=intravenous"]


def test_plural_and_hyphenated_tokens(ambiguous: AbbreviationTable) -> None:
    assert senses_chosen("lung NETs", ambiguous) == ["NETs=neuroendocrine tumours"]
    assert senses_chosen("post-AF stroke", ambiguous) == ["AF=atrial fibrillation"]


def test_unknown_and_ordinary_words_are_left_alone(ambiguous: AbbreviationTable) -> None:
    assert senses_chosen("What about OR and US in PBW?", ambiguous) == []


def test_a_shouted_question_uses_library_senses_only() -> None:
    table = AbbreviationTable()
    table.add("DOSE", "dosimetry of something else", origin=DICTIONARY)
    table.add("AF", "atrial fibrillation")
    assert senses_chosen("WHAT DOSE FOR AF", table) == ["AF=atrial fibrillation"]


def test_the_spelling_the_library_uses_is_searched() -> None:
    table = AbbreviationTable()
    table.add("NET", "neuroendocrine tumors", count=9)
    table.add("NET", "neuroendocrine tumours", count=2)
    uses = {"neuroendocrine tumours": 50, "neuroendocrine tumors": 5}
    (expansion,) = expand("NET", table, known=lambda long: uses.get(long, 0))
    assert expansion.long == "neuroendocrine tumours"
    assert expansion.variants == ("neuroendocrine tumors",)


def test_relatedness_must_score_every_long_form(ambiguous: AbbreviationTable) -> None:
    with pytest.raises(ValueError, match="relatedness gave 1 values for 2"):
        expand("AF and stroke", ambiguous, known=known, relatedness=lambda q, longs: [0.5])


def test_a_unit_after_a_number_is_not_an_abbreviation() -> None:
    table = AbbreviationTable()
    table.add("mL", "mistletoe lectin", count=5)
    table.add("ARDS", "acute respiratory distress syndrome", count=5)
    assert senses_chosen("ARDS at 6 mL/kg", table) == ["ARDS=acute respiratory distress syndrome"]
    assert senses_chosen("is mL the drug given?", table) == ["mL=mistletoe lectin"]
