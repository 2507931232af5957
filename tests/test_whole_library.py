"""Whole-library evaluation (slow: about two minutes here; run with `pytest -m slow`).

Ingests all of ../shared/corpus into a temporary store and runs the dev questions. The
floors are regression guards well under the figures reported in docs/evaluation.md, not
targets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, SHARED, needs_corpus
from guidecite.answer import open_library
from guidecite.evaluation import run_eval
from guidecite.ingest import ingest_paths
from guidecite.settings import Settings

pytestmark = pytest.mark.slow


def test_the_dev_questions_on_the_whole_shared_library(tmp_path: Path) -> None:
    needs_corpus()
    library = open_library(Settings(home=tmp_path / "home", starter=False))
    try:
        report = ingest_paths(library.store, [CORPUS], library.embedder)
        assert report.documents > 9000 and len(report.errors) <= 5
        figures = run_eval(SHARED / "eval" / "guideline_qa_dev.jsonl", library)["figures"]
    finally:
        library.close()
    english = figures["language=en"]
    assert english["gold_document_cited_pct"] >= 70
    assert english["must_have_stated_pct"] >= 50
    assert english["answerable_wrongly_declined_pct"] <= 15
    assert figures["overall"]["unanswerable_declined_pct"] >= 50
