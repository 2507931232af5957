"""Opening a library: its backend, embedder and abbreviation senses, loaded once.

    library = open_library(Settings.load())    # the backend by URL: store/registry.py
    answer("What is ...?", library)            # answer.py
    library.close()

Resources are opened here and passed in: the store and repositories (`Library.backend`), the
embedder, the composers (built once each, from the library's settings), and what is derived
from the library's content per generation (topics, vocabulary, the Spanish lexicon), kept in
`settings.home` (for a shared database: this replica's own folder).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from . import firstrun
from .abbreviations import AbbreviationTable, load_dictionary
from .compose import Generator, get_generator
from .embedding import Embedder, get_embedder
from .errors import ConfigError, ModelError
from .ingest import ingest_starter
from .multilingual import Translator, build_lexicon, load_encoder, open_translator, save_lexicon
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

    def composer(self, name: str = "extractive") -> Generator:
        """The composer registered under `name`, built once. An LLM composer falls back to
        the extractive one by itself, with a notice, when its model cannot be used."""
        if name not in self.composers:
            extra = {"reranker": self.reranker} if name == "extractive" else {}
            self.composers[name] = get_generator(
                name, embedder=self.embedder, settings=self.settings, **extra
            )
        return self.composers[name]

    def translator(self) -> Translator | None:
        """Finds English search terms for Spanish questions; None without a lexicon made
        for the library's current content (`refresh_translations`) or without the model."""
        generation = self.store.generation()
        if self._translator is None or self._translator[0] != generation:
            home = self.settings.home if self.settings else None
            found = None if home is None else open_translator(home / TRANSLATIONS, generation)
            self._translator = (generation, found)
        return self._translator[1]

    def topics(self) -> TopicIndex:
        """The library's document titles, indexed, for the current generation."""
        generation = self.store.generation()
        if self._topics is None or self._topics[0] != generation:
            self._topics = (generation, TopicIndex(self.store.titles(), self.store.issuers()))
        return self._topics[1]

    def vocabulary(self) -> Vocabulary:
        """The library's words, for correcting typos: saved beside the library once per
        generation (a few seconds for the whole shared corpus)."""
        generation = self.store.generation()
        if self._vocabulary is None or self._vocabulary[0] != generation:
            path = self.settings.home / VOCABULARY_FILE if self.settings else None
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


def refresh_translations(store: Store, home: Path) -> bool:
    """Build the lexicon that lets Spanish questions find English passages, for the
    library's current content (minutes for a large library: see docs/multilingual.md).
    False when the multilingual model is not installed."""
    try:
        encoder = load_encoder()
    except ModelError:
        return False
    lexicon = build_lexicon(store.passage_texts(), encoder)
    save_lexicon(lexicon, home / TRANSLATIONS, store.generation())
    return True


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
            build_starter(store, embedder, settings.home, progress or (lambda stage: None))
        abbreviations = load_abbreviations(store, settings)
        reranker = get_reranker(settings.reranker)
    except BaseException:
        backend.close()
        raise
    return Library(
        store, embedder, abbreviations, settings=settings, backend=backend, reranker=reranker
    )


def build_starter(store: Store, embedder: Embedder, home: Path, progress: firstrun.Report) -> None:
    """The starter library in an empty store, and its lexicon for Spanish questions."""
    progress(firstrun.INDEXING)
    ingest_starter(store, embedder)
    progress(firstrun.TRANSLATIONS)
    refresh_translations(store, home)
    progress(firstrun.DONE)


def load_abbreviations(store: Store, settings: Settings) -> AbbreviationTable:
    """Senses defined in the library's own text, plus the user's dictionary if one is set."""
    table = AbbreviationTable()
    for short, long, count in store.definitions():
        table.add(short, long, count=count, origin="library")
    if settings.abbreviations is not None:
        table.merge(load_dictionary(settings.abbreviations))
    return table
