"""Shared by the review tests: a library holding one article and the board's accounts."""

from __future__ import annotations

import json
from pathlib import Path

from guidecite.accounts import Accounts
from guidecite.review import record_version
from guidecite.settings import Settings
from guidecite.store.articles import new_article
from guidecite.store.registry import Backend, open_backend

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


def store_with_article(place: Settings | Path) -> tuple[Backend, str]:
    """The backend of `place` (a home folder: embedded) holding one article."""
    settings = place if isinstance(place, Settings) else Settings(home=place, starter=False)
    backend = open_backend(settings.database_url, settings.home)
    record = new_article("How is zorblax fever treated?", "How is zorblax fever treated?")
    backend.articles.create(record)
    record_version(backend.articles, record.article_id, 1, "clinician", json.dumps(ANSWER), 0)
    return backend, record.article_id


def add_users(backend: Backend) -> Accounts:
    accounts = Accounts(backend.accounts, backend.audit)
    accounts.add("rita", "Dr Rita Reviewer", "reviewer", PASSWORD)
    accounts.add("eddie", "Eddie Editor", "editor", PASSWORD)
    accounts.add("ada", "Ada Admin", "admin", PASSWORD)
    return accounts
