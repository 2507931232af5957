"""Shared by the review tests: a store holding one article and the board's accounts."""

from __future__ import annotations

import json
from pathlib import Path

from guidecite.accounts import Accounts
from guidecite.store.articles import new_article
from guidecite.store.embedded import EmbeddedStore

PASSWORD = "correct horse battery staple"
PASSAGE = "Adults with zorblax fever should be treated with oral zorblaxine for seven days."
ANSWER = {
    "question": "How is zorblax fever treated?",
    "title": "Treatment of zorblax fever",
    "status": "answered",
    "audience": "clinician",
    "bottom_line": [
        {
            "text": PASSAGE,
            "references": [1],
            "grade": None,
            "grade_scheme": None,
            "verdict": "supported",
            "reason": "quoted",
            "citations": [
                {
                    "reference": 1,
                    "passage_id": "p-zorblax",
                    "passage_text": PASSAGE,
                    "section_path": ["Treatment"],
                    "verdict": "supported",
                    "reason": "quoted",
                }
            ],
        }
    ],
    "sections": [],
    "references": [
        {
            "number": 1,
            "title": "Zorblax guideline",
            "source": "zorblax.md",
            "issuer": "Society",
            "year": 2024,
            "url": None,
            "doc_id": "d1",
            "document_version": 1,
        }
    ],
}


def store_with_article(home: Path) -> tuple[EmbeddedStore, str]:
    store = EmbeddedStore(home)
    record = new_article("How is zorblax fever treated?", "How is zorblax fever treated?")
    store.articles().create(record)
    store.articles().add_version(record.article_id, 1, "clinician", json.dumps(ANSWER))
    return store, record.article_id


def add_users(store: EmbeddedStore) -> Accounts:
    accounts = Accounts(store.database())
    accounts.add("rita", "Dr Rita Reviewer", "reviewer", PASSWORD)
    accounts.add("eddie", "Eddie Editor", "editor", PASSWORD)
    accounts.add("ada", "Ada Admin", "admin", PASSWORD)
    return accounts
