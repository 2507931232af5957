"""Opening a library: its backend, embedder and abbreviation senses, loaded once.

    library = open_library(Settings.load())    # the backend by URL: store/registry.py
    answer("What is ...?", library)            # answer.py
    library.close()

Resources are opened here and passed in: the store and repositories (`Library.backend`), the
embedder, the composers (built once each, from the library's settings), and what is derived
from the library's content per generation (topics, vocabulary, the Spanish lexicon), kept in
`settings.home` (for a shared database: this replica's own folder). On a shared database
each replica builds the lexicon itself, in the background, when it has none for the current
generation (an ingest builds it only in its own folder); Spanish questions are searched
untranslated until it is ready.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import firstrun
from .abbreviations import AbbreviationTable, load_dictionary
from .compose import Generator, get_generator
from .embedding import Embedder, get_embedder
from .errors import ConfigError, ModelError
from .ingest import ingest_starter
from .multilingual import (
    Translator,
    build_lexicon,
    load_encoder,
    load_lexicon,
    open_translator,
    save_lexicon,
)
from .rerank import Reranker, get_reranker
from .settings import Settings
from .store.base import Store
from .store.registry import Backend, open_backend
from .topics import TopicIndex
from .wording import VOCABULARY_FILE, Vocabulary


@dataclass
class Library:
    """What answering needs, loaded once: the store, the embedder, the abbreviation senses,
    and the backend's repositories (articles, accounts, audit) for those who keep articles."""

    store: Store
    embedder: Embedder
    abbreviations: AbbreviationTable
    composers: dict[str, Generator] = field(default_factory=dict)
    reranker: Reranker | None = None  # reorders the extractive composer's statements
    settings: Settings | None = None  # what the LLM composers read (docs/llm.md)
    backend: Backend | None = None  # None: a bare store (benchmarks, some tests)
    _translator: tuple[int, Translator | None] | None = field(default=None, repr=False)
    _topics: tuple[int, TopicIndex] | None = field(default=None, repr=False)
    _vocabulary: tuple[int, Vocabulary] | None = field(default=None, repr=False)
    _building: int | None = field(default=None, repr=False)  # the lexicon's generation
    _lexicon_guard: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def composer(self, name: str = "extractive") -> Generator:
        """The composer registered under `name`, built once. An LLM composer falls back to
        the extractive one by itself, with a notice, when its model cannot be used."""
        if name not in self.composers:
            extra = (
                {"reranker": self.reranker, "repeats": self.store} if name == "extractive" else {}
            )
            self.composers[name] = get_generator(
                name, embedder=self.embedder, settings=self.settings, **extra
            )
        return self.composers[name]

    def translator(self) -> Translator | None:
        """Finds English search terms for Spanish questions; None without a lexicon made
        for the library's current content (`refresh_translations`) or without the model.
        On a shared database a missing lexicon is built in the background meanwhile."""
        generation = self.store.generation()
        if self._translator is None or self._translator[0] != generation:
            folder = self.lexicon_folder()
            found = None if folder is None else open_translator(folder, generation)
            if found is None and folder is not None and self._shared():
                self._build_lexicon_later(folder, generation)
                return None  # not kept: asked again until the lexicon is ready
            self._translator = (generation, found)
        return self._translator[1]

    def lexicon_folder(self) -> Path | None:
        """Where the lexicon for Spanish questions is kept (None without settings)."""
        if self.backend is None and self.settings is None:
            return None
        home = self.settings.home if self.settings else Path()
        return lexicon_folder(self.backend, home)

    def _shared(self) -> bool:
        return self.backend is not None and self.backend.library_id is not None

    def _build_lexicon_later(self, folder: Path, generation: int) -> None:
        with self._lexicon_guard:
            if self._building == generation:
                return
            self._building = generation
        threading.Thread(
            target=_build_lexicon,
            args=(self.store, folder, generation),
            name="guidecite-lexicon",
            daemon=True,
        ).start()

    def topics(self) -> TopicIndex:
        """The library's document titles, indexed, for the current generation."""
        generation = self.store.generation()
        if self._topics is None or self._topics[0] != generation:
            self._topics = (generation, TopicIndex(self.store.titles(), self.store.issuers()))
        return self._topics[1]

    def vocabulary(self) -> Vocabulary:
        """The library's words, for correcting typos: saved once per generation in the
        folder of what this process derives (beside an embedded library; a replica's own
        folder for one on a database), a few seconds for the whole shared corpus."""
        generation = self.store.generation()
        if self._vocabulary is None or self._vocabulary[0] != generation:
            folder = self.backend.derived if self.backend is not None else None
            if folder is None and self.settings is not None:
                folder = self.settings.home
            path = folder / VOCABULARY_FILE if folder is not None else None
            found = Vocabulary.load(path, generation) if path is not None else None
            if found is None:
                found = Vocabulary.build(self.store.passage_texts())
                if path is not None:
                    with contextlib.suppress(OSError):  # a read-only library: built each time
                        found.save(path, generation)
            self._vocabulary = (generation, found)
        return self._vocabulary[1]

    def repositories(self) -> Backend:
        """The backend's repositories; ConfigError for a library opened on a bare store."""
        if self.backend is None:
            raise ConfigError("this library was opened without its repositories")
        return self.backend

    def close(self) -> None:
        if self.backend is not None:
            self.backend.close()
        else:
            self.store.close()


TRANSLATIONS = "multilingual"
LEXICON_LOCK = "lexicon.lock"
log = logging.getLogger("guidecite.library")


def lexicon_folder(backend: Backend | None, home: Path) -> Path:
    """Where the lexicon for Spanish questions is kept: beside the embedded store; for a
    shared database, in this replica's folder of derived indexes, one per library id."""
    if backend is None or backend.derived is None:
        return home / TRANSLATIONS
    folder = backend.derived / TRANSLATIONS
    return folder / backend.library_id if backend.library_id else folder


def refresh_translations(store: Store, folder: Path, generation: int | None = None) -> bool:
    """Build the lexicon that lets Spanish questions find English passages, for the
    library's current content (minutes for a large library: see docs/multilingual.md), and
    save it in `folder` (`lexicon_folder`) for `generation` (by default the current one).
    False when the multilingual model is not installed."""
    try:
        encoder = load_encoder()
    except ModelError:
        return False
    generation = store.generation() if generation is None else generation
    lexicon = build_lexicon(store.passage_texts(), encoder)
    save_lexicon(lexicon, folder, generation)
    return True


def _build_lexicon(store: Store, folder: Path, generation: int) -> None:
    """A replica's own lexicon for `generation`, unless another process of its folder
    made it meanwhile; errors are logged (Spanish questions then stay untranslated)."""
    try:
        with _locked(folder.parent / LEXICON_LOCK):
            if load_lexicon(folder, generation) is None:
                refresh_translations(store, folder, generation)
    except Exception:
        log.exception("cannot build the lexicon for Spanish questions in %s", folder)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        os.close(handle)


def open_library(
    settings: Settings,
    *,
    starter: bool | None = None,
    progress: firstrun.Report | None = None,
) -> Library:
    """Open the backend the settings name (the embedded store in `settings.home`, or the
    database at `settings.database_url`: store/registry.py) and the embedder, once; fill a
    new, empty library with the starter library, telling `progress` each stage
    (guidecite.firstrun)."""
    backend = open_backend(settings.database_url, settings.home)
    try:
        store = backend.content
        embedder = get_embedder(settings.embedder)
        if (settings.starter if starter is None else starter) and store.counts()["documents"] == 0:
            folder = lexicon_folder(backend, settings.home)
            build_starter(store, embedder, folder, progress or (lambda stage: None))
        abbreviations = load_abbreviations(store, settings)
        reranker = get_reranker(settings.reranker)
    except BaseException:
        backend.close()
        raise
    return Library(
        store, embedder, abbreviations, settings=settings, backend=backend, reranker=reranker
    )


def build_starter(
    store: Store, embedder: Embedder, lexicon: Path, progress: firstrun.Report
) -> None:
    """The starter library in an empty store, and its lexicon for Spanish questions (saved
    in the folder `lexicon`)."""
    progress(firstrun.INDEXING)
    ingest_starter(store, embedder)
    progress(firstrun.TRANSLATIONS)
    refresh_translations(store, lexicon)
    progress(firstrun.DONE)


def load_abbreviations(store: Store, settings: Settings) -> AbbreviationTable:
    """Senses defined in the library's own text, plus the user's dictionary if one is set."""
    table = AbbreviationTable()
    for short, long, count in store.definitions():
        table.add(short, long, count=count, origin="library")
    if settings.abbreviations is not None:
        table.merge(load_dictionary(settings.abbreviations))
    return table
