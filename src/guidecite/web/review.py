"""The review board's pages: the queue, one article's review, its actions, the audit trail.

    GET  /review                                  the queue (reviewer, editor, admin)
    GET  /review/{id}                             statements, comments, edits, what changed
    POST /review/{id}/take | approve | request-changes (reason)
    POST /review/{id}/comments                    statement, body
    POST /review/{id}/edit                        statement, text (editor)
    GET  /admin/audit  /admin/audit.csv  /admin/audit.json    (admin)

Every POST needs a session and its CSRF token; the role checks are `review.py`'s. Pages
answer 303 to /login when nobody is signed in; POSTs answer 401, a wrong role 403, a step
the article's state does not allow 409.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from ..accounts import ADMIN, EDITOR, REVIEWER, User
from ..audit import AuditTrail
from ..review import APPROVE, REQUEST_CHANGES, TAKE, ReviewBoard, check_role, statement_slots
from .auth import check_csrf, current_session, require_session

router = APIRouter(include_in_schema=False)
BOARD_ROLES = frozenset({REVIEWER, EDITOR, ADMIN})
_TEXT = Form(max_length=4000)


def board(request: Request) -> ReviewBoard:
    found: ReviewBoard = request.app.state.board
    return found


def _signed_in_page(request: Request, roles: frozenset[str]) -> tuple[str, User] | Response:
    session = current_session(request)
    if session is None:
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
    return session.csrf_token, check_role(session.user, roles, "see this page")


def _post(request: Request, csrf_token: str) -> User:
    session = require_session(request)
    check_csrf(session.csrf_token, csrf_token)
    return session.user


def _back(article_id: str) -> Response:
    return RedirectResponse(f"/review/{article_id}", status_code=303)


@router.get("/review")
def queue(request: Request, status: str | None = None) -> Response:
    from .pages import templates

    signed = _signed_in_page(request, BOARD_ROLES)
    if isinstance(signed, Response):
        return signed
    csrf, user = signed
    items = board(request).queue(
        status if status in ("submitted", "under_review", "approved") else None
    )
    return templates.TemplateResponse(
        request,
        "review_queue.html",
        {"items": items, "user": user, "csrf_token": csrf, "reader": "physician"},
    )


@router.get("/review/{article_id}")
def review_page(request: Request, article_id: str) -> Response:
    from .pages import templates

    signed = _signed_in_page(request, BOARD_ROLES)
    if isinstance(signed, Response):
        return signed
    csrf, user = signed
    the_board = board(request)
    state = the_board.state(article_id)
    latest = the_board.latest_body(article_id)
    context = {
        "state": state,
        "user": user,
        "csrf_token": csrf,
        "reader": "physician",
        "version": latest[0] if latest else None,
        "statements": statement_slots(latest[2]) if latest else [],
        "comments": the_board.comments(article_id),
        "edits": the_board.edits(article_id),
        "changed": the_board.changed_passages(article_id),
    }
    return templates.TemplateResponse(request, "review_article.html", context)


def _transition(
    request: Request, article_id: str, action: str, csrf_token: str, reason: str | None = None
) -> Response:
    user = _post(request, csrf_token)
    board(request).apply(user, article_id, action, reason)
    return _back(article_id)


@router.post("/review/{article_id}/take")
def take(
    request: Request, article_id: str, csrf_token: Annotated[str, Form(max_length=128)] = ""
) -> Response:
    return _transition(request, article_id, TAKE, csrf_token)


@router.post("/review/{article_id}/approve")
def approve(
    request: Request, article_id: str, csrf_token: Annotated[str, Form(max_length=128)] = ""
) -> Response:
    return _transition(request, article_id, APPROVE, csrf_token)


@router.post("/review/{article_id}/request-changes")
def request_changes(
    request: Request,
    article_id: str,
    csrf_token: Annotated[str, Form(max_length=128)] = "",
    reason: Annotated[str, _TEXT] = "",
) -> Response:
    return _transition(request, article_id, REQUEST_CHANGES, csrf_token, reason)


@router.post("/review/{article_id}/comments")
def comment(
    request: Request,
    article_id: str,
    csrf_token: Annotated[str, Form(max_length=128)] = "",
    statement: Annotated[str, Form(max_length=20)] = "",
    body: Annotated[str, _TEXT] = "",
) -> Response:
    user = _post(request, csrf_token)
    board(request).comment(user, article_id, statement, body)
    return _back(article_id)


@router.post("/review/{article_id}/edit")
def edit(
    request: Request,
    article_id: str,
    csrf_token: Annotated[str, Form(max_length=128)] = "",
    statement: Annotated[str, Form(max_length=20)] = "",
    text: Annotated[str, _TEXT] = "",
) -> Response:
    user = _post(request, csrf_token)
    board(request).edit(user, article_id, statement, text)
    return _back(article_id)


@router.get("/admin/audit")
def audit_page(request: Request) -> Response:
    from .pages import templates

    signed = _signed_in_page(request, frozenset({ADMIN}))
    if isinstance(signed, Response):
        return signed
    csrf, user = signed
    trail: AuditTrail = request.app.state.audit
    entries, check = trail.entries(), trail.verify()
    return templates.TemplateResponse(
        request,
        "audit.html",
        {
            "entries": entries,
            "check": check,
            "user": user,
            "csrf_token": csrf,
            "reader": "physician",
        },
    )


@router.get("/admin/audit.{fmt}")
def audit_export(request: Request, fmt: str) -> Response:
    signed = _signed_in_page(request, frozenset({ADMIN}))
    if isinstance(signed, Response):
        return signed
    body = request.app.state.audit.export(fmt)
    media = "text/csv" if fmt == "csv" else "application/json"
    return Response(
        body,
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="guidecite-audit.{fmt}"'},
    )
