"""The review state machine: allowed transitions per role, comments, edits, versions,
and articles sent back to review when a cited source changes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from guidecite.accounts import Accounts
from guidecite.audit import AuditTrail
from guidecite.embedding import get_embedder
from guidecite.errors import NotSignedIn, PermissionDenied, ReviewError
from guidecite.review import (
    APPROVE,
    APPROVED,
    REQUEST_CHANGES,
    SUBMITTED,
    TAKE,
    TRANSITIONS,
    UNDER_REVIEW,
    ReviewBoard,
)
from guidecite.settings import Settings
from guidecite.store.embedded import EmbeddedStore
from guidecite.store.registry import Backend
from review_support import add_users, store_with_article


@pytest.fixture
def setup(place: Settings) -> Iterator[tuple[Backend, Accounts, ReviewBoard, str]]:
    backend, article_id = store_with_article(place)
    accounts = add_users(backend)
    board = ReviewBoard(backend.articles, backend.accounts, backend.content, get_embedder("static"))
    yield backend, accounts, board, article_id
    backend.close()


def test_a_reviewer_takes_and_approves(setup) -> None:  # type: ignore[no-untyped-def]
    store, accounts, board, article_id = setup
    rita = accounts.get("rita")
    assert board.apply(rita, article_id, TAKE).status == UNDER_REVIEW
    state = board.apply(rita, article_id, APPROVE)
    assert (state.status, state.approved_by, state.approved_version) == (
        APPROVED,
        "Dr Rita Reviewer",
        1,
    )
    actions = [e.action for e in AuditTrail(store.audit).entries()]
    assert actions[-2:] == ["article.take", "article.approve"]
    assert AuditTrail(store.audit).verify().ok


@pytest.mark.parametrize(
    "role_user, action",
    [
        ("ada", TAKE),
        ("ada", APPROVE),
        ("ada", REQUEST_CHANGES),
        (None, TAKE),
        (None, APPROVE),
    ],
)
def test_wrong_roles_are_refused(setup, role_user, action) -> None:  # type: ignore[no-untyped-def]
    _, accounts, board, article_id = setup
    user = None if role_user is None else accounts.get(role_user)
    with pytest.raises(NotSignedIn if user is None else PermissionDenied):
        board.apply(user, article_id, action, reason="because")


def test_every_transition_from_a_wrong_state_is_refused(setup) -> None:  # type: ignore[no-untyped-def]
    _, accounts, board, article_id = setup
    rita = accounts.get("rita")
    for action, rule in TRANSITIONS.items():
        if SUBMITTED not in rule.sources:
            with pytest.raises(ReviewError):
                board.apply(rita, article_id, action, reason="x")
    board.apply(rita, article_id, TAKE)
    board.apply(rita, article_id, APPROVE)
    for action in TRANSITIONS:
        with pytest.raises(ReviewError):
            board.apply(rita, article_id, action, reason="x")


def test_request_changes_needs_a_reason_and_returns_to_submitted(setup) -> None:  # type: ignore[no-untyped-def]
    _, accounts, board, article_id = setup
    rita = accounts.get("rita")
    board.apply(rita, article_id, TAKE)
    with pytest.raises(Exception, match="empty"):
        board.apply(rita, article_id, REQUEST_CHANGES, reason="  ")
    state = board.apply(rita, article_id, REQUEST_CHANGES, reason="cite the 2021 update")
    assert (state.status, state.reason) == (SUBMITTED, "cite the 2021 update")


def test_comments_are_kept_per_statement(setup) -> None:  # type: ignore[no-untyped-def]
    _, accounts, board, article_id = setup
    rita = accounts.get("rita")
    with pytest.raises(ReviewError):
        board.comment(rita, article_id, "S1", "not under review yet")
    board.apply(rita, article_id, TAKE)
    board.comment(rita, article_id, "s1", "<script>alert(1)</script>")
    with pytest.raises(Exception, match="no statement"):
        board.comment(rita, article_id, "S9", "no such statement")
    assert [(c.statement, c.body) for c in board.comments(article_id)] == [
        ("S1", "<script>alert(1)</script>")
    ]


def test_control_characters_are_taken_out_of_review_text(setup) -> None:  # type: ignore[no-untyped-def]
    _, accounts, board, article_id = setup
    rita = accounts.get("rita")
    board.apply(rita, article_id, TAKE)
    board.comment(rita, article_id, "S1", "dose\x00 checked\x07\ttoday")
    assert [c.body for c in board.comments(article_id)] == ["dose checked today"]


def test_an_edit_makes_a_new_verified_version_and_keeps_the_approved_one(setup) -> None:  # type: ignore[no-untyped-def]
    store, accounts, board, article_id = setup
    rita, eddie = accounts.get("rita"), accounts.get("eddie")
    board.apply(rita, article_id, TAKE)
    board.apply(rita, article_id, APPROVE)
    with pytest.raises(PermissionDenied):
        board.edit(rita, article_id, "S1", "a reviewer may not edit")
    approved = store.articles.body(article_id, 1, "clinician")
    number = board.edit(
        eddie,
        article_id,
        "S1",
        "Adults with zorblax fever should be treated with oral zorblaxine for ninety days.",
    )
    assert number == 2
    assert store.articles.body(article_id, 1, "clinician") == approved
    edited = json.loads(store.articles.body(article_id, 2, "clinician") or "{}")
    assert "ninety" in edited["bottom_line"][0]["text"]
    assert edited["bottom_line"][0]["verdict"] != "supported"  # verified again: not stated
    state = board.state(article_id)
    assert state.status == SUBMITTED and "edited by Eddie Editor" in (state.reason or "")
    assert board.edits(article_id)[0].verdict == edited["bottom_line"][0]["verdict"]


def test_a_changed_source_sends_an_approved_article_back(setup) -> None:  # type: ignore[no-untyped-def]
    _, accounts, board, article_id = setup
    rita = accounts.get("rita")
    board.apply(rita, article_id, TAKE)
    board.apply(rita, article_id, APPROVE)
    assert board.reopen_for_sources({"other.md": "updated on 2026-01-01"}) == []
    assert board.reopen_for_sources({"zorblax.md": "updated on 2026-01-01"}) == [article_id]
    state = board.state(article_id)
    assert state.status == SUBMITTED
    assert state.reason == "source zorblax.md updated on 2026-01-01"
    assert [p["passage_id"] for p in board.changed_passages(article_id)] == ["p-zorblax"]


def test_the_cli_takes_an_article_to_approved_and_checks_the_chain(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from guidecite.cli import main

    store, article_id = store_with_article(tmp_path / "home")
    store.close()
    home = ["--home", str(tmp_path / "home")]
    run = CliRunner().invoke
    added = run(
        main,
        [
            "users",
            "add",
            "rita",
            "--role",
            "reviewer",
            "--name",
            "Dr Rita",
            "--password",
            "correct horse battery staple",
            *home,
        ],
    )
    assert added.exit_code == 0, added.output
    assert run(main, ["review", "approve", article_id, "--as", "rita", *home]).exit_code == 1
    assert run(main, ["review", "take", article_id, "--as", "rita", *home]).exit_code == 0
    approved = run(main, ["review", "approve", article_id, "--as", "rita", *home])
    assert approved.output.strip() == f"{article_id}: approved"
    shown = run(main, ["review", "show", article_id, *home])
    assert "approved by Dr Rita" in shown.output
    assert "article.approve" in run(main, ["audit", "export", "--format", "json", *home]).output
    assert run(main, ["audit", "verify", *home]).exit_code == 0
    sql = EmbeddedStore(tmp_path / "home").sql
    sql.db.execute("DROP TRIGGER audit_no_update")
    sql.db.execute("UPDATE audit SET actor = 'mallory' WHERE seq = 1")
    sql.close()
    broken = run(main, ["audit", "verify", *home])
    assert broken.exit_code == 1 and "entry 1" in broken.output
