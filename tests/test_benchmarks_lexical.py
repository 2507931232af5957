"""The lexical benchmark's pure parts: dev-set reading, scoring, tsvector and tsquery text."""

from __future__ import annotations

import json
from pathlib import Path

from guidecite.analysis import terms
from guidecite.benchmarks.lexical import (
    gold_rank,
    read_questions,
    tsquery_literal,
    tsvector_literal,
)
from guidecite.store.lexical import Clause


def test_only_questions_with_gold_documents_are_read(tmp_path: Path) -> None:
    path = tmp_path / "dev.jsonl"
    rows = [
        {"id": "a", "question": "Q1?", "gold": [{"doc": "x/1.md", "quote": "..."}]},
        {"id": "b", "question": "Q2?", "gold": []},
        {"id": "c", "question": "Q3?", "answerable": False},
        {"id": "d", "question": "Q4?", "gold": [{"doc": "y"}, {"doc": "z"}]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    found = read_questions(path)
    assert [(q.qid, q.gold) for q in found] == [
        ("a", frozenset({"x/1.md"})),
        ("d", frozenset({"y", "z"})),
    ]
    assert found[0].set_name == "dev"


def test_gold_rank_is_the_first_gold_hit_counting_from_one() -> None:
    assert gold_rank(["a", "b", "g", "g"], frozenset({"g"})) == 3
    assert gold_rank(["a", "b"], frozenset({"g"})) is None
    assert gold_rank([], frozenset({"g"})) is None


def test_tsvector_holds_exactly_our_terms_with_their_positions() -> None:
    text = "Ki-67 index of the tumour; the tumour's grade"
    literal = tsvector_literal(text)
    lexemes = {part.split(":")[0].strip("'"): part.split(":")[1] for part in literal.split()}
    assert set(lexemes) == set(terms(text))
    assert lexemes["the"] == "5,7"  # ki 67 index of THE tumour THE: positions as terms()
    assert "'ki67':" in literal  # the joined form, after the words


def test_tsquery_ors_terms_and_keeps_phrases_in_order() -> None:
    query = tsquery_literal([Clause("tidal volume"), Clause("plateau pressure", phrase=True)])
    assert query == "'tidal' | 'volum' | ('plateau' <-> 'pressur')"
    assert tsquery_literal([Clause("?!")]) is None


def test_quotes_and_backslashes_cannot_break_out_of_a_lexeme() -> None:
    from guidecite.benchmarks.lexical import _quote

    assert _quote("o'neil") == "'o''neil'"
    assert _quote("a\\b") == "'a\\\\b'"
