"""The perturbation set: built by code from real passages with a fixed seed, one thing altered
in each altered sentence, and verification measured on it.

Real passages come from a few files of ../shared/corpus (read, never copied); the sentences
altered one at a time below are placeholder text.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from guidecite.chunking import chunk
from guidecite.cli import main
from guidecite.embedding import Embedder, get_embedder
from guidecite.perturb import (
    ALTERATIONS,
    ORIGINAL,
    REWORDED,
    Context,
    Source,
    Vocabulary,
    alter_acronym,
    alter_comparative,
    alter_interval,
    alter_modality,
    alter_negation,
    alter_population,
    alter_term,
    alter_threshold,
    build_pairs,
    evaluate,
    format_report,
    library_sources,
    report,
    split_of,
)
from guidecite.sources import read_sources

FILES = (
    "ngc/ngc-11005.html",
    "ngc/ngc-10028.html",
    "ngc/ngc-10613.html",
    "ngc/ngc-10444.html",
    "nci-pdq/types-leukemia-hp-hairy-cell-treatment-pdq.md",
    "nci-pdq/types-pancreatic-hp-pnet-treatment-pdq.md",
    "open-medicine/ssc_sepsis_2021/ventilation_and_supportive_care.md",
    "open-medicine/gina_asthma_2024/pharmacotherapy.md",
)


@pytest.fixture(scope="module")
def sources() -> list[Source]:
    from conftest import CORPUS, needs_corpus

    needs_corpus()
    found = []
    for _, doc in read_sources([CORPUS / name for name in FILES]):
        found += [Source(p.passage_id, p.doc_id, p.text) for p in chunk(doc)]  # type: ignore[arg-type]
    return found


@pytest.fixture(scope="module")
def vocabulary(sources: list[Source]) -> Vocabulary:
    return Vocabulary.from_texts(s.text for s in sources)


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return get_embedder("static")


# -- the set ----------------------------------------------------------------------------------


def test_the_set_pairs_each_true_sentence_with_one_alteration(
    sources: list[Source], vocabulary: Vocabulary
) -> None:
    pairs = build_pairs(sources, vocabulary, size=66, seed=3)
    originals = [p for p in pairs if p.kind == ORIGINAL]
    altered = [p for p in pairs if p.altered]
    assert len(originals) == len(altered) >= 50
    for pair in originals:
        assert pair.statement in pair.passage  # a true sentence of its passage
    by_group = {p.group: p for p in originals}
    for pair in altered:
        assert pair.statement != by_group[pair.group].statement
        assert pair.statement not in pair.passage
        assert " -> " in pair.detail
    assert len({p.kind for p in altered}) >= 8  # the kinds are kept in balance


def test_the_set_is_the_same_for_the_same_seed(
    sources: list[Source], vocabulary: Vocabulary
) -> None:
    first = build_pairs(sources, vocabulary, size=22, seed=5)
    assert first == build_pairs(sources, vocabulary, size=22, seed=5)
    assert first != build_pairs(sources, vocabulary, size=22, seed=6)


def test_verification_catches_the_alterations_and_passes_the_true_sentences(
    sources: list[Source], vocabulary: Vocabulary, embedder: Embedder
) -> None:
    figures = report(evaluate(build_pairs(sources, vocabulary, size=66, seed=3), embedder))
    rows = figures["rows"]
    assert rows["all alterations"]["recall_pct"] >= 90
    assert rows[ORIGINAL]["flagged_pct"] <= 5
    assert rows[REWORDED]["flagged_pct"] <= 10
    table = format_report(figures)
    assert table.splitlines()[0].split() == [
        "kind",
        "pairs",
        "caught",
        "unsupported",
        "recall",
        "%",
        "precision",
        "%",
    ]
    assert all(kind in table for kind in ALTERATIONS if rows[kind]["pairs"])


def test_documents_are_split_in_two_halves_by_their_id() -> None:
    ids = [f"doc{i}" for i in range(200)]
    halves = [split_of(i) for i in ids]
    assert set(halves) == {"dev", "test"}
    assert 60 <= halves.count("dev") <= 140
    assert halves == [split_of(i) for i in ids]


def test_library_sources_read_a_real_store_by_half(library) -> None:  # type: ignore[no-untyped-def]
    everything = library_sources(library.store, "all")
    dev, test = library_sources(library.store, "dev"), library_sources(library.store, "test")
    assert len(everything) == len(dev) + len(test) > 100
    assert {split_of(s.doc_id) for s in test} == {"test"}


def test_verify_bench_prints_the_figures(slice_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(
        main,
        [
            "verify-bench",
            "--home",
            str(slice_home),
            "--split",
            "all",
            "--size",
            "22",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "all alterations" in result.output and "original (true)" in result.output
    body = json.loads(out.read_text(encoding="utf-8"))
    assert body["figures"]["size"] == 22 and body["pairs"]


# -- the alterations, one at a time ----------------------------------------------------------

PASSAGE = (
    "Give examplamab 20 mg every 3-6 months to adults with zorvex. "
    "A marker below 20% should not be treated. Higher levels increase the risk. "
    "Monitor with CT when needed."
)


@pytest.fixture
def context() -> Context:
    vocabulary = Vocabulary.from_texts(
        [
            "examplamab and lanreolumab",
            "lanreolumab use",
            "examplamab use",
            "MRI and CT",
            "MRI scan",
            "CT scan",
        ]
    )
    sentences = [s.strip() for s in PASSAGE.split(". ")]
    return Context(PASSAGE, sentences, vocabulary, random.Random(1))


def test_a_range_of_an_interval_is_changed(context: Context) -> None:
    changed = alter_interval("Give it every 3-6 months.", context)
    assert changed is not None
    assert changed[0] != "Give it every 3-6 months." and "months" in changed[0]


def test_a_comparator_is_turned_round(context: Context) -> None:
    assert alter_threshold("A marker below 20% is normal.", context) == (
        "A marker above 20% is normal.",
        "below -> above",
    )


def test_a_negation_is_removed_or_added(context: Context) -> None:
    assert alter_negation("It should not be treated.", context) == (
        "It should be treated.",
        "should not -> should",
    )
    assert alter_negation("It is treated.", context) == ("It is not treated.", "is -> is not")


def test_modality_and_direction_are_changed(context: Context) -> None:
    assert alter_modality("It should be offered.", context) == (
        "It may be offered.",
        "should -> may",
    )
    assert alter_comparative("Higher levels matter.", context) == (
        "Lower levels matter.",
        "Higher -> Lower",
    )


def test_swaps_take_words_the_passage_lacks(context: Context) -> None:
    assert alter_term("Give examplamab to all.", context) == (
        "Give lanreolumab to all.",
        "examplamab -> lanreolumab",
    )
    assert alter_acronym("Monitor with CT when needed.", context) == (
        "Monitor with MRI when needed.",
        "CT -> MRI",
    )
    assert alter_population("Treat adults now.", context) == (
        "Treat children now.",
        "adults -> children",
    )
