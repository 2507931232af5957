"""A guideline's scope: the condition it declares it covers makes it one of the topic's
documents whatever its title calls the condition, and the scope's own fields (what the
guideline considered, whom it targets) are never statements.

A real guideline page of the shared library (the Endocrine Society's on primary adrenal
insufficiency, whose scope names Addison's disease) beside a short page titled with the
other name."""

from __future__ import annotations

import shutil

import pytest

from conftest import CORPUS, ingested_home, needs_corpus
from guidecite.answer import answer, find_passages, open_library, read_question
from guidecite.compose.extractive import holds_statements, select_passages
from guidecite.query import in_scope_part
from guidecite.question_topic import declared_conditions
from guidecite.settings import Settings
from guidecite.types import ANSWERED, Hit, Passage

GUIDELINE = "ngc/ngc-10959.html"  # "Diagnosis and treatment of primary adrenal insufficiency"
QUESTION = "Addison disease: what daily dose of hydrocortisone does the Task Force suggest?"


@pytest.fixture(scope="module")
def adrenal_library(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    needs_corpus()
    root = tmp_path_factory.mktemp("adrenal-corpus")
    (root / "ngc").mkdir()
    shutil.copyfile(CORPUS / GUIDELINE, root / GUIDELINE)
    (root / "addison.md").write_text(
        "# Addison Disease\n\n## What is Addison disease?\n\n"
        "Addison disease is a disorder of the adrenal glands.\n",
        encoding="utf-8",
    )
    home = ingested_home(root, tmp_path_factory.mktemp("adrenal-home"))
    library = open_library(Settings(home=home, starter=False))
    yield library
    library.close()


def test_a_scope_declares_the_conditions_its_guideline_covers() -> None:
    scope = Passage(
        "p",
        "d",
        0,
        ("Scope",),
        "Disease/Condition(s): Primary adrenal insufficiency (Addison's disease)\n"
        "Guideline Category: Treatment\nTarget Population: Adults and children",
    )
    assert declared_conditions(scope) == ["Primary adrenal insufficiency (Addison's disease)"]
    assert in_scope_part(scope.section_path)
    # the same words elsewhere declare nothing: a recommendation is no scope
    advice = Passage("p", "d", 0, ("Recommendations",), scope.text)
    assert declared_conditions(advice) == []
    assert not in_scope_part(advice.section_path)


def test_a_guideline_whose_scope_names_the_topic_is_one_of_its_documents(adrenal_library) -> None:
    query, hits, documents = find_passages(
        read_question(QUESTION, adrenal_library), adrenal_library, "clinician"
    )
    assert query.frame.topic_title == "Addison Disease"
    guideline = {d for d, doc in documents.items() if doc.source == GUIDELINE}
    assert guideline and guideline <= query.frame.topic_docs
    # its scope is found, but gives no statement and takes no place from its advice
    assert any(in_scope_part(h.passage.section_path) for h in hits)
    chosen = select_passages(hits)
    assert chosen and not any(in_scope_part(h.passage.section_path) for h in chosen)
    result = answer(QUESTION, adrenal_library)
    assert result.status == ANSWERED
    cited = [c for s in result.statements for c in s.citations]
    assert cited and not any(in_scope_part(c.section_path) for c in cited)


def test_a_passage_that_holds_no_statement_takes_no_place() -> None:
    heading_only = Hit(Passage("a", "d", 0, ("Recommendations",), "Treatment"), 2.0)
    advice = Hit(
        Passage("b", "d", 1, ("Recommendations",), "Offer the test to adults with symptoms."),
        1.0,
    )
    assert not holds_statements(heading_only.passage)
    assert select_passages([heading_only, advice]) == [advice]
