"""The review workflow: who may move an article from one review state to the next.

    board = ReviewBoard(backend.articles, backend.accounts, backend.content, embedder)
    board.apply(user, article_id, TAKE)                      # submitted -> under_review
    board.comment(user, article_id, "S2", "cite the 2021 update")
    board.edit(editor, article_id, "S2", "new text")         # a new version, verified again
    board.apply(user, article_id, APPROVE)                   # under_review -> approved

`REVIEW_STATES` and `TRANSITIONS` are the whole policy: for each action, the states it starts
from, the state it leads to and the roles allowed; `moved` says what an article's review
fields become. `apply` checks the role first (PermissionDenied), then the state
(ReviewError), and writes the change and its audit entry in one transaction of the
`ArticleRepository` (store/base.py), the article's row locked meanwhile; SQL lives only there.
An approved version is never changed: an edit writes a new version, and an edit of an
approved article sends it back to "submitted". When a source cited by an approved article
changes or is removed on re-ingest, `reopen_for_sources` sends it back with the reason.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Any

from .accounts import EDITOR, REVIEWER, User
from .embedding import Embedder
from .errors import InputError, NotFound, NotSignedIn, PermissionDenied, ReviewError
from .store.articles import SUBMITTED
from .store.base import (
    AccountRepository,
    ArticleChange,
    ArticleRepository,
    AuditEvent,
    Comment,
    Content,
    Edit,
    ReviewFields,
    now_iso,
)
from .verify import verify_statement

UNDER_REVIEW = "under_review"
APPROVED = "approved"
#: Review states in the order an article passes through them.
REVIEW_STATES = (SUBMITTED, UNDER_REVIEW, APPROVED)

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
_KEY = re.compile(r"S([1-9][0-9]{0,3})")
#: Control characters (NUL among them): no place in review text, and PostgreSQL refuses NUL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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


def check_role(user: User | None, roles: frozenset[str], what: str) -> User:
    if user is None:
        raise NotSignedIn(f"sign in to {what}")
    if user.role not in roles:
        raise PermissionDenied(f"a {user.role} may not {what}")
    return user


def clean_text(text: str, what: str) -> str:
    """The text on one line, without control characters; InputError when empty or long."""
    text = " ".join(_CONTROL.sub(" ", text).split())
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


def moved(
    fields: ReviewFields,
    status: str,
    username: str | None,
    reason: str | None,
    latest_version: int | None,
) -> ReviewFields:
    """The review fields of an article moved to `status` now: under review by `username`,
    approved by `username` at its latest version, or back to submitted for `reason`."""
    stamp = now_iso()
    if status == UNDER_REVIEW:
        return replace(fields, status=status, review_started_at=stamp, reviewer=username)
    if status == APPROVED:
        return replace(
            fields,
            status=status,
            approved_at=stamp,
            approved_by=username,
            approved_version=latest_version,
            reason=None,
        )
    return replace(
        fields,
        status=SUBMITTED,
        submitted_at=stamp,
        review_started_at=None,
        approved_at=None,
        reason=reason,
    )


def record_version(
    articles: ArticleRepository,
    article_id: str,
    number: int,
    audience: str,
    body: str,
    generation: int,
) -> bool:
    """Store an answer as version `number` of the article; a version later than the latest
    goes back to "submitted", since nobody has reviewed its new content. False when another
    request (on any replica) stored that version for that audience first."""
    with articles.change(article_id) as change:
        latest = change.latest()
        if not change.add_version(number, audience, body, generation):
            return False
        if latest is not None and number > latest[0]:
            change.write_review(moved(change.review, SUBMITTED, None, change.review.reason, None))
        change.touch()
    return True


class ReviewBoard:
    def __init__(
        self,
        articles: ArticleRepository,
        accounts: AccountRepository,
        content: Content | None = None,
        embedder: Embedder | None = None,
    ) -> None:
        self.articles = articles
        self.accounts = accounts
        self.content = content
        self.embedder = embedder

    # -- reading ------------------------------------------------------------------------

    def state(self, article_id: str) -> ReviewState:
        record = self.articles.get(article_id)
        fields = self.articles.review(article_id)
        if record is None or fields is None:
            raise NotFound(f"no article {article_id!r}")
        approved = fields.status == APPROVED
        approver = self.accounts.get(fields.approved_by) if fields.approved_by else None
        return ReviewState(
            article_id,
            record.question,
            fields.status,
            fields.reviewer,
            ((approver.display_name if approver else None) or fields.approved_by)
            if approved
            else None,
            fields.approved_at if approved else None,
            fields.approved_version if approved else None,
            fields.reason,
            record.updated_at,
        )

    def queue(self, status: str | None = None, limit: int = 200) -> list[ReviewState]:
        return [self.state(article_id) for article_id in self.articles.queue(status, limit)]

    def comments(self, article_id: str) -> list[Comment]:
        return self.articles.comments(article_id)

    def edits(self, article_id: str) -> list[Edit]:
        return self.articles.edits(article_id)

    def latest_body(self, article_id: str) -> tuple[int, str, dict[str, Any]] | None:
        """(version, audience, answer dict) of the latest version, clinician first."""
        versions = self.articles.versions(article_id)
        if not versions:
            return None
        number = max(v.version for v in versions)
        audiences = [v.audience for v in versions if v.version == number]
        audience = "clinician" if "clinician" in audiences else audiences[0]
        body = self.articles.body(article_id, number, audience)
        return None if body is None else (number, audience, json.loads(body))

    def changed_passages(self, article_id: str) -> list[dict[str, Any]]:
        """Passages the latest version cites that the library no longer holds as they were."""
        latest = self.latest_body(article_id)
        if latest is None or self.content is None:
            return []
        cited = {
            c["passage_id"]: c
            for _, s in statement_slots(latest[2])
            for c in s.get("citations", ())
        }
        held = self.content.passages_by_id(list(cited))
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
        with self.articles.change(article_id) as change:
            status = change.review.status
            if status not in rule.sources:
                raise ReviewError(
                    f"cannot {action.replace('_', ' ')} an article that is "
                    f"{status.replace('_', ' ')}"
                )
            latest = change.latest()
            change.write_review(
                moved(change.review, rule.target, actor.username, note, latest and latest[0])
            )
            change.audit(
                AuditEvent(
                    actor.username,
                    f"article.{action}",
                    article_id,
                    {"from": status, "to": rule.target, "reason": note},
                )
            )
        return self.state(article_id)

    def comment(self, user: User | None, article_id: str, statement: str, body: str) -> None:
        roles, states = ACTIONS[COMMENT]
        actor = check_role(user, roles, "comment on an article")
        text = clean_text(body, "comment")
        with self.articles.change(article_id) as change:
            _check_state(change, states, "comment on")
            version, _, answer = _latest(change, article_id)
            key = _statement_key(statement, answer)
            change.add_comment(Comment(version, key, actor.username, text, now_iso()))
            change.audit(
                AuditEvent(
                    actor.username,
                    "article.comment",
                    article_id,
                    {"version": version, "statement": key, "comment": text},
                )
            )

    def edit(self, user: User | None, article_id: str, statement: str, text: str) -> int:
        """Replace a statement's text in a new version, verified again; its number."""
        roles, states = ACTIONS[EDIT]
        actor = check_role(user, roles, "edit a statement")
        new_text = clean_text(text, "statement")
        generation = self.content.generation() if self.content is not None else 0
        with self.articles.change(article_id) as change:
            status = _check_state(change, states, "edit")
            version, audience, answer = _latest(change, article_id)
            key = _statement_key(statement, answer)
            target = dict(statement_slots(answer))[key]
            old_text = str(target["text"])
            verdict = self._verify(target, new_text)
            number = version + 1
            change.add_version(number, audience, json.dumps(answer, ensure_ascii=False), generation)
            change.add_edit(
                Edit(version, number, key, old_text, new_text, verdict, actor.username, now_iso())
            )
            if status == APPROVED:
                reason = f"statement {key} edited by {actor.display_name} on {now_iso()[:10]}"
                change.write_review(moved(change.review, SUBMITTED, None, reason, None))
            change.touch()
            change.audit(
                AuditEvent(
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
            )
        return number

    def reopen_for_sources(self, changed: dict[str, str]) -> list[str]:
        """Send approved articles citing a changed or removed source back to "submitted".

        `changed` maps a document's source to what happened ("updated on 2026-02-01",
        "removed on 2026-02-01").
        """
        hits: dict[str, list[str]] = {}
        for article_id, body in self.articles.approved():
            cited = {r.get("source") for r in json.loads(body).get("references", ())}
            hits.setdefault(article_id, []).extend(s for s in changed if s in cited)
        reopened = []
        for article_id, sources in hits.items():
            if not sources:
                continue
            reason = "; ".join(f"source {s} {changed[s]}" for s in sorted(frozenset(sources)))
            with self.articles.change(article_id) as change:
                if change.review.status != APPROVED:  # moved meanwhile, by another replica
                    continue
                change.write_review(moved(change.review, SUBMITTED, None, reason, None))
                change.audit(AuditEvent("system", "article.reopen", article_id, {"reason": reason}))
            reopened.append(article_id)
        return reopened

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


def _check_state(change: ArticleChange, states: frozenset[str], verb: str) -> str:
    status = change.review.status
    if status not in states:
        raise ReviewError(f"cannot {verb} an article that is {status.replace('_', ' ')}")
    return status


def _latest(change: ArticleChange, article_id: str) -> tuple[int, str, dict[str, Any]]:
    found = change.latest()
    if found is None:
        raise ReviewError(f"article {article_id!r} has no version yet")
    return found[0], found[1], json.loads(found[2])


def _statement_key(key: str, answer: dict[str, Any]) -> str:
    key = key.strip().upper()
    if not _KEY.fullmatch(key) or key not in dict(statement_slots(answer)):
        raise InputError(f"no statement {key[:20]!r} in the article")
    return key
