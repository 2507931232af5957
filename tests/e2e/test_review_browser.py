"""End to end in headless Chromium: a reviewer signs in, takes an article and approves it;
the article page then shows who approved it and when."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from guidecite.accounts import Accounts
from guidecite.store.registry import open_backend

QUESTION = "What tidal volume is recommended for ventilated adults with sepsis?"
PASSWORD = "correct horse battery staple"


def add_reviewer(home: Path) -> None:
    backend = open_backend(None, home)
    try:
        accounts = Accounts(backend.accounts, backend.audit)
        if accounts.get("rita") is None:
            accounts.add("rita", "Dr Rita Reviewer", "reviewer", PASSWORD)
    finally:
        backend.close()


def test_a_reviewer_takes_an_article_to_approved(
    page: Any, shoot: Any, e2e_home: Path, base_url: str
) -> None:
    add_reviewer(e2e_home)
    page.goto("/")
    page.get_by_label("Your question").fill(QUESTION)
    page.get_by_role("button", name="Get answer").click()
    page.wait_for_url(re.compile(r"/articles/[0-9a-f]{12}$"))
    article_url = page.url
    article_id = article_url.rsplit("/", 1)[1]
    assert "Pending human review" in page.content()

    page.get_by_role("link", name="Reviewers").click()
    page.wait_for_url(re.compile(r"/login"))
    page.get_by_label("User name").fill("rita")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/review$"))
    page.locator(f'a[href="/review/{article_id}"]').click()
    page.get_by_role("button", name="Take for review").click()
    assert page.locator("#review-status").inner_text() == "Under review"
    page.get_by_label("Comment on S1").fill("Checked against the cited passage.")
    page.get_by_role("button", name="Comment").first.click()
    assert "Checked against the cited passage." in page.content()
    page.get_by_role("button", name="Approve").click()
    assert page.locator("#review-status").inner_text() == "Approved"
    shoot("review-approved-queue")

    page.goto(article_url)
    approved = page.locator(".approved-by")
    assert "Dr Rita Reviewer" in approved.inner_text()
    assert re.search(r"\d{1,2} \w+ \d{4}", approved.inner_text())
    assert "Pending human review" not in page.content()
    assert page.locator(".step.current .step-label").inner_text() == "Approved"
    shoot("review-approved-article")
