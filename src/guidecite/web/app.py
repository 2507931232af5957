"""The web app: pages, the JSON API, static files, limits and security headers.

    app = create_app(open_library(settings), WebConfig())
    uvicorn.run(app)                       # what `guidecite serve` does

One process serves one library; see `articles.py` for why requests take turns with it.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..accounts import Accounts
from ..answer import Library
from ..review import ReviewBoard
from . import api, auth, errors, pages, review
from .articles import ArticleService
from .config import WebConfig
from .limits import BodyLimit, RateLimit, TokenBuckets

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
    app.state.service = ArticleService(library, config.max_question_chars)
    app.state.config = config
    app.state.accounts = Accounts(library.store.database())
    app.state.board = ReviewBoard(library.store.database(), library.embedder)
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
    app.add_middleware(SecurityHeaders)
    return app


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)
