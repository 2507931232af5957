"""Article storage: stable ids, versions per library generation, review state, threads
(on the store under test: --store embedded or postgresql)."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidecite.errors import NotFound
from guidecite.review import APPROVED, SUBMITTED, UNDER_REVIEW, moved, record_version
from guidecite.store.articles import article_id_for, new_article
from guidecite.store.base import ArticleRepository
from guidecite.store.embedded import EmbeddedStore
from guidecite.store.registry import Backend


def set_status(articles: ArticleRepository, article_id: str, status: str) -> None:
    with articles.change(article_id) as change:
        latest = change.latest()
        change.write_review(moved(change.review, status, "rita", None, latest and latest[0]))


def test_the_migrations_are_recorded(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "home")
    names = [row[0] for row in store.sql.db.execute("SELECT name FROM migrations")]
    store.close()
    assert names[:2] == ["m001_initial", "m002_articles"]


def test_a_backend_records_its_migrations(backend: Backend) -> None:
    assert backend.migrations and backend.migrations[0] == "m001_initial"


def test_an_article_id_ignores_case_and_spacing_but_not_the_thread() -> None:
    one = article_id_for("What is  asthma?")
    assert one == article_id_for("what is asthma?")
    assert one != article_id_for("What is asthma?", parent_id="abc")
    assert len(one) == 12


def test_articles_are_created_once_and_listed_newest_first(backend: Backend) -> None:
    articles = backend.articles
    first = new_article("What is asthma?", "What is asthma?")
    articles.create(first)
    articles.create(new_article("What is asthma?", "ignored"))  # the same id: kept as it was
    assert articles.get(first.article_id) == first
    second = new_article("What is COPD?", "What is COPD?")
    articles.create(second)
    record_version(articles, second.article_id, 1, "clinician", "{}", 0)
    assert [a.article_id for a in articles.latest(10)] == [second.article_id, first.article_id]
    assert articles.count() == 2
    assert articles.get("missing") is None


def test_a_new_version_keeps_the_old_and_goes_back_to_submitted(backend: Backend) -> None:
    articles = backend.articles
    record = new_article("What is asthma?", "What is asthma?")
    articles.create(record)
    assert record_version(articles, record.article_id, 1, "clinician", '{"v": 1}', 7)
    assert record_version(articles, record.article_id, 1, "patient", '{"v": "1p"}', 7)
    set_status(articles, record.article_id, APPROVED)
    assert record_version(articles, record.article_id, 2, "clinician", '{"v": 2}', 8)
    versions = articles.versions(record.article_id)
    assert [(v.version, v.audience, v.generation) for v in versions] == [
        (1, "clinician", 7),
        (1, "patient", 7),
        (2, "clinician", 8),
    ]
    assert articles.body(record.article_id, 1, "clinician") == '{"v": 1}'
    assert articles.body(record.article_id, 2, "patient") is None
    again = articles.get(record.article_id)
    assert again is not None and again.status == SUBMITTED and again.approved_at is None
    # a version slot another request (or replica) filled first is kept as it was
    assert not record_version(articles, record.article_id, 2, "clinician", "{}", 8)
    assert articles.body(record.article_id, 2, "clinician") == '{"v": 2}'


def test_review_states_are_stamped(backend: Backend) -> None:
    articles = backend.articles
    record = new_article("What is asthma?", "What is asthma?")
    articles.create(record)
    set_status(articles, record.article_id, UNDER_REVIEW)
    set_status(articles, record.article_id, APPROVED)
    stored = articles.get(record.article_id)
    assert stored is not None and stored.status == APPROVED
    assert stored.review_started_at and stored.approved_at
    with pytest.raises(NotFound, match="no article"):
        set_status(articles, "missing", APPROVED)


def test_a_thread_lists_its_articles_oldest_first(backend: Backend) -> None:
    articles = backend.articles
    root = new_article("What is asthma?", "What is asthma?")
    articles.create(root)
    child = new_article("and in children?", "asthma: and in children?", root)
    articles.create(child)
    grandchild = new_article("which dose?", "asthma children: which dose?", child)
    articles.create(grandchild)
    assert child.thread_id == grandchild.thread_id == root.article_id
    assert grandchild.parent_id == child.article_id
    assert [a.article_id for a in articles.thread(root.article_id)] == [
        root.article_id,
        child.article_id,
        grandchild.article_id,
    ]
