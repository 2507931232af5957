"""Article records: stored answers at stable URLs, with versions, review state and threads.

    articles      one row per article: its id (the URL), the question as asked, the text
                  that was answered (`query`: a follow-up with its thread's context),
                  the parent it follows up and the thread's first article, review state
    article_versions
                  (article, version, audience) -> one answer's JSON, and the library
                  generation it was composed on

An article's id is derived from its question and its parent, so asking the same question
again finds the same article. A new version is written when the library has changed since
the latest one (the earlier versions are kept); it goes back to "submitted", since nobody
has reviewed its new content (`review.record_version`). The repositories that keep them are
`ArticleRepository` (store/base.py) and its backends; review states are `review.py`'s.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..types import short_hash
from .base import now_iso

#: The state of a new article (review.py holds the others and the transitions).
SUBMITTED = "submitted"


@dataclass(frozen=True)
class ArticleRecord:
    article_id: str
    question: str  # as the reader asked it
    query: str  # the text answered: the question, or a follow-up read in its thread's context
    parent_id: str | None
    thread_id: str  # the id of the thread's first article
    status: str  # one of review.REVIEW_STATES
    submitted_at: str
    review_started_at: str | None
    approved_at: str | None
    created_at: str
    updated_at: str
    #: kinds of identifier taken out of the question when it was asked (deidentify.py)
    identifiers_removed: tuple[str, ...] = ()
    #: the stored question holds identifiers (asked before de-identification, m008):
    #: anonymous visitors neither see it listed nor open it
    identifiers_present: bool = False

    @classmethod
    def from_row(cls, row: tuple[object, ...]) -> ArticleRecord:
        *fields, removed, present = row
        kinds = tuple(k for k in str(removed or "").split(",") if k)
        return cls(*fields, kinds, bool(present))  # type: ignore[arg-type, call-arg]


@dataclass(frozen=True)
class ArticleVersion:
    article_id: str
    version: int
    audience: str
    generation: int  # the library generation the answer was composed on
    created_at: str


def article_id_for(question: str, parent_id: str | None = None) -> str:
    """The stable id of the article answering a cleaned `question` (case and spacing ignored)."""
    return short_hash("article", parent_id or "", " ".join(question.casefold().split()), size=12)


def new_article(
    question: str,
    query: str,
    parent: ArticleRecord | None = None,
    identifiers_removed: tuple[str, ...] = (),
) -> ArticleRecord:
    """A new article's record for a cleaned, de-identified question, "submitted" as of now."""
    parent_id = None if parent is None else parent.article_id
    article_id = article_id_for(question, parent_id)
    stamp = now_iso()
    return ArticleRecord(
        article_id=article_id,
        question=question,
        query=query,
        parent_id=parent_id,
        thread_id=article_id if parent is None else parent.thread_id,
        status=SUBMITTED,
        submitted_at=stamp,
        review_started_at=None,
        approved_at=None,
        created_at=stamp,
        updated_at=stamp,
        identifiers_removed=identifiers_removed,
    )
