"""Every error the web app answers, in one shape.

Under /api every error is JSON: `{"error": {"code": "...", "message": "..."}}`, with the
status code that fits (the table below). Pages answer the same status with an HTML page that
shows the same message. Messages are guidecite's own, safe to show a user; an unexpected
exception is logged and answered with a generic message.

    status  code                 when
    400     invalid_input        a bad value (an unknown reader, say)
    401     not_signed_in        a review step without a session (docs/review.md)
    403     forbidden            a role that may not do it, or a missing or wrong CSRF token
    404     not_found            no such article, version or route
    405     method_not_allowed   a route that exists, asked with the wrong method
    409     invalid_transition   a review step the article's state does not allow
    413     request_too_large    a request body over the limit
    422     question_too_long    a question over the length limit
    422     invalid_question     an empty or unreadable question
    422     invalid_request      a body that does not match the schema
    429     rate_limited         too many requests from one client (with Retry-After)
    500     internal_error       anything else (logged)
    503     store_unavailable    the store is locked or broken, or the shared database is
                                 down (with Retry-After; the next request tries again)
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from ..errors import (
    GuideciteError,
    InputError,
    NotFound,
    NotSignedIn,
    PermissionDenied,
    QuestionError,
    QuestionTooLong,
    ReviewError,
    StoreError,
    StoreUnavailable,
)

log = logging.getLogger("guidecite.web")

API_PREFIX = "/api"

_HTTP_CODES = {
    400: "invalid_input",
    404: "not_found",
    405: "method_not_allowed",
    413: "request_too_large",
    422: "invalid_request",
    429: "rate_limited",
    503: "store_unavailable",
}


__all__ = ["QuestionTooLong", "classify", "error_body", "error_response", "install"]


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def classify(exc: GuideciteError) -> tuple[int, str]:
    """The HTTP status and error code of one of guidecite's errors."""
    if isinstance(exc, NotFound):
        return 404, "not_found"
    if isinstance(exc, NotSignedIn):
        return 401, "not_signed_in"
    if isinstance(exc, PermissionDenied):
        return 403, "forbidden"
    if isinstance(exc, ReviewError):
        return 409, "invalid_transition"
    if isinstance(exc, QuestionTooLong):
        return 422, "question_too_long"
    if isinstance(exc, QuestionError):
        return 422, "invalid_question"
    if isinstance(exc, InputError):
        return 400, "invalid_input"
    if isinstance(exc, StoreError):
        return 503, "store_unavailable"
    return 500, "internal_error"


def error_response(
    request: Request, status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> Response:
    """JSON under /api, the error page elsewhere."""
    if request.url.path.startswith(API_PREFIX):
        return JSONResponse(error_body(code, message), status_code=status, headers=headers)
    from .pages import error_page  # pages import this module

    return error_page(request, status, message, headers)


def install(app: FastAPI) -> None:
    """Route every kind of error to `error_response`."""
    app.add_exception_handler(GuideciteError, _guidecite_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected_error)


async def _guidecite_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, GuideciteError)
    status, code = classify(exc)
    if status >= 500:
        log.error("%s %s: %s", request.method, request.url.path, exc)
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, StoreUnavailable) else None
    return error_response(request, status, code, str(exc), headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    return error_response(request, exc.status_code, code, message, dict(exc.headers or {}))


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    if any(e.get("type") == "string_too_long" and "question" in e.get("loc", ()) for e in errors):
        return error_response(request, 422, "question_too_long", _too_long(errors))
    return error_response(request, 422, "invalid_request", _describe(errors))


async def _unexpected_error(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(request, 500, "internal_error", "Something went wrong on our side.")


def _too_long(errors: Sequence[Any]) -> str:
    for error in errors:
        if error.get("type") == "string_too_long":
            limit = (error.get("ctx") or {}).get("max_length")
            return f"the question is too long; the limit is {limit:,} characters"
    return "the question is too long"


def _describe(errors: Sequence[Any]) -> str:
    """ "body.question: Field required; query.limit: ..." from pydantic's error list."""
    parts = []
    for error in errors[:5]:
        where = ".".join(str(part) for part in error.get("loc", ()))
        parts.append(f"{where}: {error.get('msg', 'invalid')}" if where else error.get("msg"))
    return "; ".join(str(p) for p in parts) or "the request is not valid"
