"""Article storage: stable ids, versions per library generation, review state, threads."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidecite.errors import StoreError
from guidecite.store.articles import (
    APPROVED,
    SUBMITTED,
    UNDER_REVIEW,
    article_id_for,
    new_article,
)
from guidecite.store.embedded import EmbeddedStore


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    opened = EmbeddedStore(tmp_path / "home")
    yield opened
    opened.close()


def test_the_migration_is_recorded(store: EmbeddedStore) -> None:
    names = [row[0] for row in store.sql.db.execute("SELECT name FROM migrations")]
    assert names[:2] == ["m001_initial", "m002_articles"]


def test_an_article_id_ignores_case_and_spacing_but_not_the_thread() -> None:
    one = article_id_for("What is  asthma?")
    assert one == article_id_for("what is asthma?")
    assert one != article_id_for("What is asthma?", parent_id="abc")
    assert len(one) == 12


def test_articles_are_created_once_and_listed_newest_first(store: EmbeddedStore) -> None:
    articles = store.articles()
    first = new_article("What is asthma?", "What is asthma?")
    articles.create(first)
    articles.create(new_article("What is asthma?", "ignored"))  # the same id: kept as it was
    assert articles.get(first.article_id) == first
    second = new_article("What is COPD?", "What is COPD?")
    articles.create(second)
    articles.add_version(second.article_id, 1, "clinician", "{}")
    assert [a.article_id for a in articles.latest(10)] == [second.article_id, first.article_id]
    assert articles.count() == 2
    assert articles.get("missing") is None


def test_a_new_version_keeps_the_old_and_goes_back_to_submitted(store: EmbeddedStore) -> None:
    articles = store.articles()
    record = new_article("What is asthma?", "What is asthma?")
    articles.create(record)
    articles.add_version(record.article_id, 1, "clinician", '{"v": 1}')
    articles.add_version(record.article_id, 1, "patient", '{"v": "1p"}')
    articles.set_status(record.article_id, APPROVED)
    articles.add_version(record.article_id, 2, "clinician", '{"v": 2}')
    versions = articles.versions(record.article_id)
    assert [(v.version, v.audience) for v in versions] == [
        (1, "clinician"),
        (1, "patient"),
        (2, "clinician"),
    ]
    assert all(v.generation == store.generation() for v in versions)
    assert articles.body(record.article_id, 1, "clinician") == '{"v": 1}'
    assert articles.body(record.article_id, 2, "patient") is None
    again = articles.get(record.article_id)
    assert again is not None and again.status == SUBMITTED and again.approved_at is None
    with pytest.raises(StoreError):
        articles.add_version(record.article_id, 2, "clinician", "{}")


def test_review_states_are_stamped_and_checked(store: EmbeddedStore) -> None:
    articles = store.articles()
    record = new_article("What is asthma?", "What is asthma?")
    articles.create(record)
    articles.set_status(record.article_id, UNDER_REVIEW)
    articles.set_status(record.article_id, APPROVED)
    stored = articles.get(record.article_id)
    assert stored is not None and stored.status == APPROVED
    assert stored.review_started_at and stored.approved_at
    with pytest.raises(StoreError, match="choose one of"):
        articles.set_status(record.article_id, "published")
    with pytest.raises(StoreError, match="no article"):
        articles.set_status("missing", APPROVED)


def test_a_thread_lists_its_articles_oldest_first(store: EmbeddedStore) -> None:
    articles = store.articles()
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
