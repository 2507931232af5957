"""Shared fixtures: the development library in ../shared and a small real store built from it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"

#: A slice of the shared library: real files of every format, a few topics deep.
SLICE_FILES = (
    "nci-pdq/types-pancreatic-hp-pnet-treatment-pdq.md",
    "nci-pdq/types-gi-neuroendocrine-tumors-hp-gi-neuroendocrine-treatment-pdq.md",
    "nci-pdq/types-colorectal-patient-colorectal-screening-pdq.md",
    "nci-pdq/types-leukemia-hp-hairy-cell-treatment-pdq.md",
    "ngc/ngc-11005.html",
    "ngc/ngc-10444.html",
    "ngc/ngc-10028.html",
    "ngc/ngc-10613.html",
    "open-medicine/registry.json",
    "open-medicine/ssc_sepsis_2021/ventilation_and_supportive_care.md",
    "open-medicine/gina_asthma_2024/pharmacotherapy.md",
)
MEDQUAD_LINES = 150


def needs_corpus() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared development library is not at {CORPUS}")


@pytest.fixture(scope="session")
def corpus_slice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder laid out like ../shared/corpus holding a few real documents of each kind."""
    needs_corpus()
    root = tmp_path_factory.mktemp("corpus")
    for name in SLICE_FILES:
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CORPUS / name, target)
    (root / "medquad").mkdir()
    with (CORPUS / "medquad" / "medquad.jsonl").open(encoding="utf-8") as source:
        lines = [next(source) for _ in range(MEDQUAD_LINES)]
    (root / "medquad" / "medquad.jsonl").write_text("".join(lines), encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def slice_home(corpus_slice: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real store (SQLite, tantivy, vectors) with the slice ingested, static embeddings."""
    from guidecite.embedding import get_embedder
    from guidecite.ingest import ingest_paths
    from guidecite.store.embedded import EmbeddedStore

    home = tmp_path_factory.mktemp("home")
    store = EmbeddedStore(home)
    ingest_paths(store, [corpus_slice], get_embedder("static"))
    store.close()
    return home


@pytest.fixture
def library(slice_home: Path):  # type: ignore[no-untyped-def]
    from guidecite.answer import open_library
    from guidecite.settings import Settings

    lib = open_library(Settings(home=slice_home, starter=False))
    yield lib
    lib.close()
