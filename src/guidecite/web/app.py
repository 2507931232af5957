"""The web app: pages, the JSON API, static files, limits and security headers.

    app = create_app(open_library(settings), WebConfig())
    uvicorn.run(app)                       # what `guidecite serve` does

A process keeps nothing another replica needs: articles, reviews, accounts, sessions and
the audit trail live in the library's backend (one PostgreSQL database for many replicas,
docs/postgresql.md); the repositories are safe from many threads on their own, and only
composing takes turns (`guidecite.articles`). Rate limits are counted per replica.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.responses import Response
from starlette.routing import BaseRoute, Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..accounts import Accounts
from ..articles import ArticleService
from ..audit import AuditTrail
from ..library import Library
from ..review import ReviewBoard
from . import api, auth, errors, pages, review
from .config import WebConfig
from .limits import BodyLimit, RateLimit, TokenBuckets

log = logging.getLogger("guidecite.web")

#: Only this site's own scripts and styles run; nothing is framed, nothing posts elsewhere.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def create_app(library: Library, config: WebConfig | None = None) -> FastAPI:
    config = config or WebConfig()
    app = FastAPI(
        title="guidecite",
        version=__version__,
        summary="Structured, cited answers from a clinical guideline library.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # the interactive docs load scripts from a CDN: not on a closed host
        redoc_url=None,
    )
    backend = library.repositories()
    app.state.service = ArticleService(library, config.max_question_chars)
    app.state.config = config
    app.state.accounts = Accounts(backend.accounts, backend.audit)
    app.state.board = ReviewBoard(
        backend.articles, backend.accounts, backend.content, library.embedder
    )
    app.state.audit = AuditTrail(backend.audit)
    errors.install(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(auth.router)
    app.include_router(review.router)
    app.mount("/static", StaticFiles(packages=[("guidecite.web", "static")]), name="static")
    app.add_middleware(BodyLimit, limit=config.max_body_bytes)
    if config.rate_per_minute > 0:
        app.add_middleware(
            RateLimit, buckets=TokenBuckets(config.rate_per_minute / 60, config.burst)
        )
    app.add_middleware(Options, routes=app.routes)
    app.add_middleware(SecurityHeaders)
    return app


class SecurityHeaders:
    """Adds the security headers to every response, an unexpected error's 500 included:
    an exception that escapes the app is logged and answered here, in the one error shape,
    rather than by Starlette's outermost handler, which would send no headers of ours."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("unexpected error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            request = Request(scope)
            response = errors.error_response(
                request, 500, "internal_error", "Something went wrong on our side."
            )
            await response(scope, receive, send_with_headers)


class Options:
    """`OPTIONS` on any route answers 204 with the methods it really takes in `Allow`
    (Starlette answered 405, listing only one of them); 404 where no route matches."""

    def __init__(self, app: ASGIApp, routes: list[BaseRoute]) -> None:
        self.app = app
        self.routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "OPTIONS":
            await self.app(scope, receive, send)
            return
        methods = allowed_methods(self.routes, scope)
        if not methods:
            await self.app(scope, receive, send)  # the usual 404
            return
        allow = ", ".join(sorted(methods | {"OPTIONS"}))
        await Response(status_code=204, headers={"Allow": allow})(scope, receive, send)


def allowed_methods(routes: list[BaseRoute], scope: Scope) -> set[str]:
    """Every method that some route fully matches at this path (static files: GET, HEAD)."""
    methods: set[str] = set()
    for route in routes:
        for method in _METHODS:
            if route.matches({**scope, "method": method})[0] == Match.FULL:
                methods |= {"GET", "HEAD"} if isinstance(route, Mount) else {method}
    return methods


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
