"""Whole-library evaluation (slow: about two minutes here; run with `pytest -m slow`).

Ingests all of ../shared/corpus into a temporary store and runs the dev questions. The
floors are regression guards well under the figures reported in docs/evaluation.md, not
targets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, SHARED, needs_corpus
from guidecite.answer import answer, open_library
from guidecite.evaluation import run_eval
from guidecite.frame import DECLINED, FOCUS_UNSPOKEN
from guidecite.ingest import ingest_paths
from guidecite.settings import Settings

pytestmark = pytest.mark.slow

#: Questions on nothing the library is about, whose words the library does use, apart.
NOT_OURS = (
    "What is the capital of Australia?",
    "How do I reset my wifi router?",
    "How do I sharpen a kitchen knife?",
)
REFERENCE = (
    "What is the best course of action for a patient with a history of neuroendocrine "
    "tumors (NETs) and mildly elevated Neuron-Specific Enolase (NSE) levels?"
)


def test_the_dev_questions_on_the_whole_shared_library(tmp_path: Path) -> None:
    needs_corpus()
    library = open_library(Settings(home=tmp_path / "home", starter=False))
    try:
        report = ingest_paths(library.store, [CORPUS], library.embedder)
        assert report.documents > 9000 and len(report.errors) <= 5
        figures = run_eval(SHARED / "eval" / "guideline_qa_dev.jsonl", library)["figures"]
        consumer = run_eval(SHARED / "eval" / "liveqa_dev.jsonl", library)["figures"]
        reference = answer(REFERENCE, library)
        not_ours = [answer(question, library) for question in NOT_OURS]
        nosebleeds = answer("I keep getting nosebleeds", library, audience="patient")
        toenail = answer("my toenail turned black", library, audience="patient")
    finally:
        library.close()
    english = figures["language=en"]
    assert english["gold_document_cited_pct"] >= 70
    assert english["must_have_stated_pct"] >= 55
    assert english["answerable_wrongly_declined_pct"] <= 10
    assert figures["overall"]["unanswerable_declined_pct"] >= 75
    assert consumer["overall"]["answerable_wrongly_declined_pct"] <= 20
    assert consumer["overall"]["gold_document_cited_pct"] >= 40
    # The reference article's question: the library's NET documents, no other condition.
    assert reference.references
    assert all("neuroendocrine" in r.title.lower() for r in reference.references)
    assert reference.frame is not None and reference.frame["topic"] == "Neuroendocrine Tumors"
    # Words the library only ever says apart are no evidence (evidence.together_asked).
    assert [a.status for a in not_ours] == ["insufficient_evidence"] * len(NOT_OURS)
    assert all("together" in (a.notice or "") for a in not_ours)
    # ... but words of everyday conversation are the story beside the one word the library
    # is about ("keep", "getting": Query.everyday, set as the topic is settled)
    assert nosebleeds.status == "answered"
    # an article that speaks of other things than the one thing asked, with no topic, is
    # declined, and lists the nearest sources (not alkaptonuria's urine turning black)
    assert toenail.status == "insufficient_evidence"
    assert toenail.notice == DECLINED % {"reason": FOCUS_UNSPOKEN % {"focus": "toenail"}}
    assert toenail.nearest_sources
