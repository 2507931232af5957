"""Shared fixtures: the development library in ../shared and a small real store built from it."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from guidecite.settings import Settings
from guidecite.store.registry import Backend
from store_support import Postgres, clone, fill

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


def ingested_home(root: Path, home: Path) -> Path:
    """`home` made a real store (SQLite, tantivy, vectors) of the files under `root`, with
    static embeddings."""
    from guidecite.embedding import get_embedder
    from guidecite.ingest import ingest_paths
    from guidecite.store.embedded import EmbeddedStore

    store = EmbeddedStore(home)
    ingest_paths(store, [root], get_embedder("static"))
    store.close()
    return home


@pytest.fixture(scope="session")
def slice_home(corpus_slice: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real store (SQLite, tantivy, vectors) with the slice ingested, static embeddings."""
    return ingested_home(corpus_slice, tmp_path_factory.mktemp("home"))


@pytest.fixture
def library(slice_settings: Settings, tmp_path: Path, store_kind: str):  # type: ignore[no-untyped-def]
    """The slice library, opened on the store under test (on PostgreSQL, a copy of it)."""
    from guidecite.answer import open_library

    settings = slice_settings if store_kind == "embedded" else clone(slice_settings, tmp_path)
    lib = open_library(settings)
    yield lib
    lib.close()


# -- the store the tests run on: embedded (default) or PostgreSQL ----------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--store",
        choices=("embedded", "postgresql"),
        default=os.environ.get("GUIDECITE_TEST_STORE", "embedded"),
        help="The backend the store fixtures open: the embedded store (default) or a "
        "PostgreSQL with pgvector that the tests start themselves (pgserver).",
    )


@pytest.fixture(scope="session")
def store_kind(request: pytest.FixtureRequest) -> str:
    return str(request.config.getoption("--store"))


@pytest.fixture(scope="session")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Postgres]:
    """A real PostgreSQL 16 with pgvector in a temp folder, for the whole session."""
    server = Postgres.start(tmp_path_factory.mktemp("pg"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def slice_settings(
    store_kind: str,
    slice_home: Path,
    corpus_slice: Path,
    tmp_path_factory: pytest.TempPathFactory,
    request: pytest.FixtureRequest,
) -> Settings:
    """The slice library on the store under test (read it through `clone`)."""
    if store_kind == "embedded":
        return Settings(home=slice_home, starter=False)
    server: Postgres = request.getfixturevalue("postgres")
    settings = Settings(
        home=tmp_path_factory.mktemp("slice-pg"),
        starter=False,
        database_url=server.create("slice"),
    )
    fill(settings, [corpus_slice])
    return settings


@pytest.fixture
def place(store_kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> Settings:
    """An empty library on the store under test: a home folder, and a new database."""
    if store_kind == "embedded":
        return Settings(home=tmp_path / "home", starter=False)
    server: Postgres = request.getfixturevalue("postgres")
    return Settings(home=tmp_path / "home", starter=False, database_url=server.create())


@pytest.fixture
def backend(place: Settings) -> Iterator[Backend]:
    """The repositories and content store of an empty library on the store under test."""
    from guidecite.store.registry import open_backend

    opened = open_backend(place.database_url, place.home)
    yield opened
    opened.close()
