"""Signing in and out, the session cookie, and CSRF tokens on every review form.

    GET  /login     the form (sets a sign-in CSRF cookie)
    POST /login     username, password, csrf_token -> 303 to next (a new session cookie)
    POST /logout    csrf_token -> 303 to /

The session cookie holds a random token (the server keeps its hash, `accounts.py`); it is
HttpOnly, SameSite=Lax, and Secure when the request came over https or WebConfig says so.
Each form of a signed-in user carries the session's CSRF token; the sign-in form carries
one from a cookie of its own (double submit). A form without the right token is refused
with 403 before anything changes.
"""

from __future__ import annotations

import re
import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from ..accounts import SESSION_HOURS, Accounts, Session
from ..errors import NotSignedIn, PermissionDenied

router = APIRouter(include_in_schema=False)

SESSION_COOKIE = "guidecite_session"
LOGIN_CSRF_COOKIE = "guidecite_login_csrf"
_LOCAL_PATH = re.compile(r"/(?!/)[\w\-./?=&%]*")


def accounts(request: Request) -> Accounts:
    found: Accounts = request.app.state.accounts
    return found


def current_session(request: Request) -> Session | None:
    return accounts(request).session(request.cookies.get(SESSION_COOKIE))


def anonymous(request: Request) -> bool:
    """Whether the request comes without a review board session: such visitors see only
    articles whose questions hold no patient identifiers (docs/deidentification.md)."""
    return current_session(request) is None


def require_session(request: Request) -> Session:
    session = current_session(request)
    if session is None:
        raise NotSignedIn("sign in first")
    return session


def check_csrf(expected: str | None, given: str | None) -> None:
    if not expected or not given or not secrets.compare_digest(expected, given):
        raise PermissionDenied("the form's security token is missing or wrong; reload the page")


def _secure(request: Request) -> bool:
    return bool(request.app.state.config.secure_cookies) or request.url.scheme == "https"


def _local(target: str) -> str:
    return target if _LOCAL_PATH.fullmatch(target) else "/review"


@router.get("/login")
def login_form(request: Request, next: str = "/review", failed: bool = False) -> Response:
    from .pages import templates

    token = secrets.token_urlsafe(32)
    response = templates.TemplateResponse(
        request,
        "login.html",
        {
            "csrf_token": token,
            "next": _local(next),
            "failed": failed,
            "reader": "physician",
        },
        status_code=401 if failed else 200,
    )
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        max_age=3600,
        httponly=True,
        samesite="strict",
        secure=_secure(request),
        path="/login",
    )
    return response


@router.post("/login")
def login(
    request: Request,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=1024)],
    csrf_token: Annotated[str, Form(max_length=128)] = "",
    next: Annotated[str, Form(max_length=300)] = "/review",
) -> Response:
    check_csrf(request.cookies.get(LOGIN_CSRF_COOKIE), csrf_token)
    try:
        session = accounts(request).login(
            username.strip().lower(), password, request.cookies.get(SESSION_COOKIE)
        )
    except NotSignedIn:
        return login_form(request, _local(next), failed=True)
    response = RedirectResponse(_local(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session.token,
        max_age=SESSION_HOURS * 3600,
        httponly=True,
        samesite="lax",
        secure=_secure(request),
    )
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/login")
    return response


@router.post("/logout")
def logout(request: Request, csrf_token: Annotated[str, Form(max_length=128)] = "") -> Response:
    session = require_session(request)
    check_csrf(session.csrf_token, csrf_token)
    accounts(request).logout(session.token)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
