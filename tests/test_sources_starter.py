"""The built-in starter library read from the installed `open-medicine` package."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import CORPUS, needs_corpus
from guidecite.sources import read_sources, starter_documents
from guidecite.sources.starter import guidelines_folder
from guidecite.types import SourceDocument


@pytest.fixture(scope="module")
def starter() -> list[SourceDocument]:
    return list(starter_documents())


def test_every_shipped_section_file_is_a_document(starter: list[SourceDocument]) -> None:
    content = guidelines_folder().joinpath("content")
    files = [f for folder in content.iterdir() for f in folder.iterdir() if f.name.endswith(".md")]

    assert len(starter) == len(files) > 100
    assert [d.source for d in starter] == sorted(d.source for d in starter)


def test_starter_documents_carry_the_registry_metadata(starter: list[SourceDocument]) -> None:
    doc = next(d for d in starter if d.source == "open-medicine/kdigo_ckd_2024/staging.md")

    assert doc.title.startswith(
        "KDIGO 2024 Clinical Practice Guideline for the Evaluation and Management of Chronic "
        "Kidney Disease: "
    )
    assert (doc.issuer, doc.year) == ("KDIGO", 2024)
    assert doc.url == "https://doi.org/10.1016/j.kint.2023.10.018"
    assert all(d.sections and d.source.startswith("open-medicine/") for d in starter)


def test_starter_documents_equal_the_same_files_in_the_corpus(
    starter: list[SourceDocument],
) -> None:
    needs_corpus()
    root = CORPUS / "open-medicine"
    shared = {
        f"open-medicine/{item.source}": item
        for _, item in read_sources([root])
        if isinstance(item, SourceDocument)
    }

    assert set(shared) == {d.source for d in starter}
    for doc in starter:  # named as when the whole corpus folder is ingested
        assert doc == replace(shared[doc.source], source=doc.source)
