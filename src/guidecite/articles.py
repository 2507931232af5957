"""Articles as the web app and the CLI serve them: the stored one when it is current, else a
new version.

    service = ArticleService(library)
    shown = service.ask("What is ...?", reader="nurse")          # stored or composed
    shown = service.follow_up(shown.record.article_id, "and in children?", reader="nurse")
    shown = service.show(article_id, reader="patient")           # composes a missing audience

Everything is kept in the library's `ArticleRepository`, so any replica on the same database
finds what another stored: nothing lives in this object but the library it answers from.
The repositories are safe from many threads on their own; only composing takes turns, since
the library's in-memory parts (indexes, embedder, caches) serve one question at a time and
answering is CPU-bound in Python. Two replicas composing the same version at once both
answer; the first stored is kept and shown (`review.record_version`).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, replace

from . import __version__
from .answer import answer
from .compose.llm import fell_back
from .deidentify import note_removals, prepare_question
from .errors import NotFound, QuestionTooLong
from .followup import contextual_question
from .library import Library
from .query import clean_question
from .readers import parse_reader
from .render import answer_from_dict, answer_to_dict
from .review import record_version
from .store.articles import ArticleRecord, ArticleVersion, article_id_for, new_article
from .types import Answer


@dataclass(frozen=True)
class ShownArticle:
    """One rendering of an article, and what the page says around it."""

    record: ArticleRecord
    version: ArticleVersion
    versions: tuple[int, ...]  # every version number of the article, ascending
    answer: Answer
    reader: str
    stale: bool  # the library has changed since this version was composed
    composed: bool  # this request composed it (False: it was stored)


class ArticleService:
    def __init__(self, library: Library, max_question_chars: int | None = None) -> None:
        self.library = library
        self.store = library.repositories().articles
        self.max_question_chars = max_question_chars
        self._composing = threading.Lock()  # the library answers one question at a time

    def ask(
        self,
        question: str,
        reader: str,
        parent_id: str | None = None,
        *,
        public: bool = True,
        composer: str = "extractive",
    ) -> ShownArticle:
        """The article answering `question`: the stored one, or a version on today's library.
        A composer other than the extractive one keeps versions of its own, and an answer
        that fell back to quoted sentences is shown but not stored."""
        audience = audience_for(reader)
        policy = getattr(self.library.settings, "identifiers", "remove")
        prepared = prepare_question(question, policy)  # identifiers out before it is stored
        cleaned = self._clean(prepared.text)
        parent = None if parent_id is None else self._record(parent_id, public)
        record = self.store.get(article_id_for(cleaned, parent_id))
        if record is None:
            query = self._query(cleaned, parent)
            self.store.create(new_article(cleaned, query, parent, prepared.removed))
            record = self._record(article_id_for(cleaned, parent_id))
        elif prepared.removed:
            self.store.note_removed(record.article_id, prepared.removed)
            record = self._record(record.article_id)
        return self._rendering(record, audience, reader, refresh=True, composer=composer)

    def follow_up(
        self, parent_id: str, question: str, reader: str, *, public: bool = True
    ) -> ShownArticle:
        return self.ask(question, reader, parent_id=parent_id, public=public)

    def refresh(self, article_id: str, reader: str) -> ShownArticle:
        """The article on today's library: a new version when the library has changed."""
        audience = audience_for(reader)
        return self._rendering(self._record(article_id), audience, reader, refresh=True)

    def show(
        self, article_id: str, reader: str, version: int | None = None, *, public: bool = True
    ) -> ShownArticle:
        """A stored article for the reader; composes the reader's audience when it is missing.
        With `public` (an anonymous visitor), an article whose question holds identifiers is
        not found."""
        audience = audience_for(reader)
        record = self._record(article_id, public)
        if version is None:
            return self._rendering(record, audience, reader, refresh=False)
        return self._stored_version(record, version, audience, reader)

    def show_unsupported(
        self, article_id: str, reader: str, *, public: bool = True
    ) -> ShownArticle:
        """The article with the statements their cited passages do not support shown,
        flagged: composed anew for this request on today's library, never stored."""
        audience = audience_for(reader)
        record = self._record(article_id, public)
        shown = self._rendering(record, audience, reader, refresh=False)
        with self._composing:
            full = answer(record.query, self.library, audience=audience, show_unsupported=True)
        return replace(shown, answer=full)

    def latest(self, limit: int, offset: int = 0, *, public: bool = True) -> list[ArticleRecord]:
        """The latest articles; with `public`, only those whose question holds no identifiers."""
        return self.store.latest(limit, offset, public=public)

    def count(self, *, public: bool = True) -> int:
        return self.store.count(public=public)

    def thread(self, record: ArticleRecord, *, public: bool = True) -> list[ArticleRecord]:
        return self.store.thread(record.thread_id, public=public)

    def status(self) -> dict[str, object]:
        counts = self.library.store.counts()
        return {
            "guidecite_version": __version__,
            "generation": self.library.store.generation(),
            "documents": counts["documents"],
            "passages": counts["passages"],
            "articles": self.store.count(),
        }

    # -- parts -------------------------------------------------------------------------

    def _clean(self, question: str) -> str:
        limit = self.max_question_chars
        if limit is not None and len(question) > limit:
            raise QuestionTooLong(
                f"the question is {len(question):,} characters long; the limit is {limit:,}"
            )
        return clean_question(question)

    def _record(self, article_id: str, public: bool = False) -> ArticleRecord:
        record = self.store.get(article_id)
        if record is None or (public and record.identifiers_present):
            raise NotFound(f"no article {article_id!r}")
        return record

    def _query(self, question: str, parent: ArticleRecord | None) -> str:
        if parent is None:
            return question
        store = self.library.store
        with self._composing:
            return contextual_question(
                question, parent.query, frequency=store.doc_freq, embedder=self.library.embedder
            )

    def _rendering(
        self,
        record: ArticleRecord,
        audience: str,
        reader: str,
        *,
        refresh: bool,
        composer: str = "extractive",
    ) -> ShownArticle:
        """The latest version for the audience, composing one when it is missing or, when
        `refresh`, when the library has changed since."""
        slot = audience if composer == "extractive" else f"{audience}+{composer}"
        versions = self.store.versions(record.article_id)
        latest = max((v.version for v in versions), default=0)
        current = [v for v in versions if v.version == latest]
        generation = self.library.store.generation()
        fresh = bool(current) and current[0].generation == generation
        stored = next((v for v in current if v.audience == slot), None)
        if stored is not None and (fresh or not refresh):
            return self._shown(record, stored, versions, reader, composed=False)
        number = latest if fresh else latest + 1
        with self._composing:
            generation = self.library.store.generation()
            result = answer(record.query, self.library, audience=audience, composer=composer)
        if composer != "extractive" and fell_back(result):
            made = ArticleVersion(record.article_id, number, slot, generation, result.created_at)
            return self._shown(record, made, versions, reader, composed=True, answer_=result)
        body = json.dumps(answer_to_dict(result), ensure_ascii=False)
        kept = record_version(self.store, record.article_id, number, slot, body, generation)
        record = self._record(record.article_id)
        versions = self.store.versions(record.article_id)
        made = next(v for v in versions if v.version == number and v.audience == slot)
        # when another request stored this version first, that one is shown
        shown = result if kept else None
        return self._shown(record, made, versions, reader, composed=True, answer_=shown)

    def _stored_version(
        self, record: ArticleRecord, number: int, audience: str, reader: str
    ) -> ShownArticle:
        """A given version: the reader's audience if it was composed, else the one there is."""
        versions = self.store.versions(record.article_id)
        in_version = [v for v in versions if v.version == number]
        if not in_version:
            raise NotFound(f"article {record.article_id!r} has no version {number}")
        chosen = next((v for v in in_version if v.audience == audience), in_version[0])
        return self._shown(record, chosen, versions, reader, composed=False)

    def _shown(
        self,
        record: ArticleRecord,
        version: ArticleVersion,
        versions: list[ArticleVersion],
        reader: str,
        *,
        composed: bool,
        answer_: Answer | None = None,
    ) -> ShownArticle:
        if answer_ is None:
            body = self.store.body(record.article_id, version.version, version.audience)
            answer_ = answer_from_dict(json.loads(body or "{}"))
        if record.identifiers_removed and not answer_.identifiers_removed:
            answer_ = note_removals(answer_, record.identifiers_removed)
        return ShownArticle(
            record=record,
            version=version,
            versions=tuple(sorted({v.version for v in versions})),
            answer=answer_,
            reader=reader,
            stale=version.generation != self.library.store.generation(),
            composed=composed,
        )


def audience_for(reader: str) -> str:
    """The engine's audience for a reader choice: the reader itself ("physician" for
    "clinician"), else an InputError listing the readers."""
    return parse_reader(reader).value
