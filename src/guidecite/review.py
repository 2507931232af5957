"""The review workflow: who may move an article from one review state to the next.

    board = ReviewBoard(store.database(), embedder)
    board.apply(user, article_id, TAKE)                      # submitted -> under_review
    board.comment(user, article_id, "S2", "cite the 2021 update")
    board.edit(editor, article_id, "S2", "new text")         # a new version, verified again
    board.apply(user, article_id, APPROVE)                   # under_review -> approved

`TRANSITIONS` is the whole policy: for each action, the states it starts from, the state it
leads to and the roles allowed. `apply` checks the role first (PermissionDenied), then the
state (ReviewError), and writes the change and its audit entry in one transaction.
An approved version is never changed: an edit writes a new version, and an edit of an
approved article sends it back to "submitted". When a source cited by an approved article
changes or is removed on re-ingest, `reopen_for_sources` sends it back with the reason.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from . import audit
from .accounts import EDITOR, REVIEWER, User
from .embedding import Embedder
from .errors import InputError, NotFound, NotSignedIn, PermissionDenied, ReviewError
from .store.articles import APPROVED, SUBMITTED, UNDER_REVIEW
from .store.sqlite import SQLiteStore, now_iso
from .verify import verify_statement

TAKE, APPROVE, REQUEST_CHANGES = "take", "approve", "request_changes"
COMMENT, EDIT = "comment", "edit"


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]
    target: str
    roles: frozenset[str]


TRANSITIONS = {
    TAKE: Transition(frozenset({SUBMITTED}), UNDER_REVIEW, frozenset({REVIEWER, EDITOR})),
    APPROVE: Transition(frozenset({UNDER_REVIEW}), APPROVED, frozenset({REVIEWER, EDITOR})),
    REQUEST_CHANGES: Transition(
        frozenset({UNDER_REVIEW}), SUBMITTED, frozenset({REVIEWER, EDITOR})
    ),
}
#: Actions that do not change the state: the roles allowed, and the states they apply in.
ACTIONS = {
    COMMENT: (frozenset({REVIEWER, EDITOR}), frozenset({UNDER_REVIEW})),
    EDIT: (frozenset({EDITOR}), frozenset({SUBMITTED, UNDER_REVIEW, APPROVED})),
}
MAX_TEXT_CHARS = 2000
_DATE_COLUMN = {
    SUBMITTED: "submitted_at",
    UNDER_REVIEW: "review_started_at",
    APPROVED: "approved_at",
}
_KEY = re.compile(r"S([1-9][0-9]{0,3})")


@dataclass(frozen=True)
class ReviewState:
    article_id: str
    question: str
    status: str
    reviewer: str | None
    approved_by: str | None  # display name of who approved it, while it is approved
    approved_at: str | None
    approved_version: int | None
    reason: str | None  # why it went back to "submitted", if it did
    updated_at: str


@dataclass(frozen=True)
class Comment:
    version: int
    statement: str
    username: str
    body: str
    created_at: str


@dataclass(frozen=True)
class Edit:
    from_version: int
    to_version: int
    statement: str
    old_text: str
    new_text: str
    verdict: str | None
    username: str
    created_at: str


def check_role(user: User | None, roles: frozenset[str], what: str) -> User:
    if user is None:
        raise NotSignedIn(f"sign in to {what}")
    if user.role not in roles:
        raise PermissionDenied(f"a {user.role} may not {what}")
    return user


def clean_text(text: str, what: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise InputError(f"the {what} is empty")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"the {what} is over {MAX_TEXT_CHARS} characters")
    return text


def statement_slots(answer: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """("S1", statement) ... in reading order: the bottom line, then each section's."""
    found = list(answer.get("bottom_line", ()))
    for section in answer.get("sections", ()):
        found.extend(section.get("statements", ()))
    return [(f"S{i}", s) for i, s in enumerate(found, start=1)]


class ReviewBoard:
    def __init__(self, sql: SQLiteStore, embedder: Embedder | None = None) -> None:
        self.sql = sql
        self.embedder = embedder

    # -- reading ------------------------------------------------------------------------

    def state(self, article_id: str) -> ReviewState:
        row = self.sql.db.execute(
            "SELECT a.article_id, a.question, a.status, a.reviewer, u.display_name,"
            " a.approved_at, a.approved_version, a.review_reason, a.updated_at, a.approved_by"
            " FROM articles a LEFT JOIN users u ON u.username = a.approved_by"
            " WHERE a.article_id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"no article {article_id!r}")
        approved = row[2] == APPROVED
        return ReviewState(
            row[0],
            row[1],
            row[2],
            row[3],
            (row[4] or row[9]) if approved else None,
            row[5] if approved else None,
            row[6] if approved else None,
            row[7],
            row[8],
        )

    def queue(self, status: str | None = None, limit: int = 200) -> list[ReviewState]:
        where, params = ("WHERE status = ?", [status]) if status else ("", [])
        ids = self.sql.db.execute(
            f"SELECT article_id FROM articles {where} ORDER BY updated_at DESC LIMIT ?",
            (*params, limit),
        )
        return [self.state(row[0]) for row in ids.fetchall()]

    def comments(self, article_id: str) -> list[Comment]:
        rows = self.sql.db.execute(
            "SELECT version, statement, username, body, created_at FROM review_comments"
            " WHERE article_id = ? ORDER BY comment_id",
            (article_id,),
        )
        return [Comment(*row) for row in rows]

    def edits(self, article_id: str) -> list[Edit]:
        rows = self.sql.db.execute(
            "SELECT from_version, to_version, statement, old_text, new_text, verdict, username,"
            " created_at FROM statement_edits WHERE article_id = ? ORDER BY edit_id",
            (article_id,),
        )
        return [Edit(*row) for row in rows]

    def latest_body(self, article_id: str) -> tuple[int, str, dict[str, Any]] | None:
        """(version, audience, answer dict) of the latest version, clinician first."""
        row = self.sql.db.execute(
            "SELECT version, audience, body FROM article_versions WHERE article_id = ?"
            " ORDER BY version DESC, audience = 'clinician' DESC LIMIT 1",
            (article_id,),
        ).fetchone()
        return None if row is None else (int(row[0]), str(row[1]), json.loads(row[2]))

    def changed_passages(self, article_id: str) -> list[dict[str, Any]]:
        """Passages the latest version cites that the library no longer holds as they were."""
        latest = self.latest_body(article_id)
        if latest is None:
            return []
        cited = {
            c["passage_id"]: c
            for _, s in statement_slots(latest[2])
            for c in s.get("citations", ())
        }
        held = self.sql.passages_by_id(list(cited))
        return [cited[pid] for pid in cited if pid not in held]

    # -- changing -----------------------------------------------------------------------

    def apply(
        self, user: User | None, article_id: str, action: str, reason: str | None = None
    ) -> ReviewState:
        """Make a transition, or raise: NotSignedIn, PermissionDenied, ReviewError."""
        if action not in TRANSITIONS:
            raise InputError(
                f"unknown review action {action!r}; choose one of: {', '.join(TRANSITIONS)}"
            )
        rule = TRANSITIONS[action]
        actor = check_role(user, rule.roles, action.replace("_", " ") + " an article")
        note = clean_text(reason or "", "reason") if action == REQUEST_CHANGES else None
        with self.sql.transaction() as db:
            status = self._status(db, article_id)
            if status not in rule.sources:
                raise ReviewError(
                    f"cannot {action.replace('_', ' ')} an article that is "
                    f"{status.replace('_', ' ')}"
                )
            self._move(db, article_id, rule.target, actor.username, note)
            audit.append(
                db,
                actor.username,
                f"article.{action}",
                article_id,
                {"from": status, "to": rule.target, "reason": note},
            )
        return self.state(article_id)

    def comment(self, user: User | None, article_id: str, statement: str, body: str) -> None:
        roles, states = ACTIONS[COMMENT]
        actor = check_role(user, roles, "comment on an article")
        text = clean_text(body, "comment")
        with self.sql.transaction() as db:
            self._check_state(db, article_id, states, "comment on")
            version, _, answer = self._latest(db, article_id)
            key = _statement_key(statement, answer)
            db.execute(
                "INSERT INTO review_comments (article_id, version, statement, username,"
                " body, created_at) VALUES (?,?,?,?,?,?)",
                (article_id, version, key, actor.username, text, now_iso()),
            )
            audit.append(
                db,
                actor.username,
                "article.comment",
                article_id,
                {"version": version, "statement": key, "comment": text},
            )

    def edit(self, user: User | None, article_id: str, statement: str, text: str) -> int:
        """Replace a statement's text in a new version, verified again; its number."""
        roles, states = ACTIONS[EDIT]
        actor = check_role(user, roles, "edit a statement")
        new_text = clean_text(text, "statement")
        with self.sql.transaction() as db:
            status = self._check_state(db, article_id, states, "edit")
            version, audience, answer = self._latest(db, article_id)
            key = _statement_key(statement, answer)
            target = dict(statement_slots(answer))[key]
            old_text = str(target["text"])
            verdict = self._verify(target, new_text)
            number = version + 1
            db.execute(
                "INSERT INTO article_versions VALUES (?,?,?,?,?,?)",
                (
                    article_id,
                    number,
                    audience,
                    self.sql.generation(),
                    now_iso(),
                    json.dumps(answer, ensure_ascii=False),
                ),
            )
            db.execute(
                "INSERT INTO statement_edits (article_id, from_version, to_version,"
                " statement, old_text, new_text, verdict, username, created_at)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    article_id,
                    version,
                    number,
                    key,
                    old_text,
                    new_text,
                    verdict,
                    actor.username,
                    now_iso(),
                ),
            )
            if status == APPROVED:
                self._move(
                    db,
                    article_id,
                    SUBMITTED,
                    None,
                    f"statement {key} edited by {actor.display_name} on {now_iso()[:10]}",
                )
            db.execute(
                "UPDATE articles SET updated_at = ? WHERE article_id = ?", (now_iso(), article_id)
            )
            audit.append(
                db,
                actor.username,
                "article.edit",
                article_id,
                {
                    "statement": key,
                    "from_version": version,
                    "to_version": number,
                    "old": old_text,
                    "new": new_text,
                    "verdict": verdict,
                },
            )
        return number

    def reopen_for_sources(self, changed: dict[str, str]) -> list[str]:
        """Send approved articles citing a changed or removed source back to "submitted".

        `changed` maps a document's source to what happened ("updated on 2026-02-01",
        "removed on 2026-02-01").
        """
        reopened = []
        rows = self.sql.db.execute(
            "SELECT a.article_id, v.body FROM articles a JOIN article_versions v"
            " ON v.article_id = a.article_id AND v.version = a.approved_version"
            " WHERE a.status = ?",
            (APPROVED,),
        ).fetchall()
        hits: dict[str, list[str]] = {}
        for article_id, body in rows:
            cited = {r.get("source") for r in json.loads(body).get("references", ())}
            hits.setdefault(article_id, []).extend(s for s in changed if s in cited)
        for article_id, sources in hits.items():
            if not sources:
                continue
            reason = "; ".join(f"source {s} {changed[s]}" for s in sorted(frozenset(sources)))
            with self.sql.transaction() as db:
                self._move(db, article_id, SUBMITTED, None, reason)
                audit.append(db, "system", "article.reopen", article_id, {"reason": reason})
            reopened.append(article_id)
        return reopened

    # -- in a transaction ---------------------------------------------------------------

    @staticmethod
    def _status(db: sqlite3.Connection, article_id: str) -> str:
        row = db.execute(
            "SELECT status FROM articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no article {article_id!r}")
        return str(row[0])

    def _check_state(
        self, db: sqlite3.Connection, article_id: str, states: frozenset[str], verb: str
    ) -> str:
        status = self._status(db, article_id)
        if status not in states:
            raise ReviewError(f"cannot {verb} an article that is {status.replace('_', ' ')}")
        return status

    @staticmethod
    def _latest(db: sqlite3.Connection, article_id: str) -> tuple[int, str, dict[str, Any]]:
        row = db.execute(
            "SELECT version, audience, body FROM article_versions WHERE article_id = ?"
            " ORDER BY version DESC, audience = 'clinician' DESC LIMIT 1",
            (article_id,),
        ).fetchone()
        if row is None:
            raise ReviewError(f"article {article_id!r} has no version yet")
        return int(row[0]), str(row[1]), json.loads(row[2])

    @staticmethod
    def _move(
        db: sqlite3.Connection,
        article_id: str,
        status: str,
        username: str | None,
        reason: str | None,
    ) -> None:
        stamp = now_iso()
        sets = [f"status = ?, {_DATE_COLUMN[status]} = ?"]
        params: list[Any] = [status, stamp]
        if status == UNDER_REVIEW:
            sets.append("reviewer = ?, review_reason = review_reason")
            params.append(username)
        elif status == APPROVED:
            sets.append(
                "approved_by = ?, review_reason = NULL, approved_version ="
                " (SELECT max(version) FROM article_versions WHERE article_id = ?)"
            )
            params += [username, article_id]
        else:
            sets.append("review_started_at = NULL, approved_at = NULL, review_reason = ?")
            params.append(reason)
        db.execute(
            f"UPDATE articles SET {', '.join(sets)} WHERE article_id = ?", (*params, article_id)
        )

    def _verify(self, statement: dict[str, Any], new_text: str) -> str | None:
        """Verify the new text against the statement's citations; updates it in place."""
        citations = statement.get("citations", [])
        statement["text"] = new_text
        if self.embedder is None or not citations:
            statement["verdict"], statement["reason"] = None, None
            return None
        verdict = verify_statement(
            new_text,
            [c["passage_text"] for c in citations],
            self.embedder,
            contexts=[" > ".join(c.get("section_path", ())) for c in citations],
        )
        statement["verdict"], statement["reason"] = verdict.label, verdict.reason
        by_passage = verdict.by_passage or (verdict,)
        for citation, one in zip(citations, by_passage, strict=False):
            citation["verdict"], citation["reason"] = one.label, one.reason
        return verdict.label


def _statement_key(key: str, answer: dict[str, Any]) -> str:
    key = key.strip().upper()
    if not _KEY.fullmatch(key) or key not in dict(statement_slots(answer)):
        raise InputError(f"no statement {key[:20]!r} in the article")
    return key
