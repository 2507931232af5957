"""The web app while a new library is first filled with the starter library.

`guidecite serve` on an empty store listens at once and builds the library in a thread;
meanwhile every page is a short progress page that reloads itself every few seconds, and
every API request a 503 `starting` error with `Retry-After`. When the library is ready,
requests go to the real app.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from ..firstrun import Progress
from .app import SECURITY_HEADERS
from .errors import error_body

log = logging.getLogger("guidecite.web")
RETRY_SECONDS = 5

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="{retry}">
<title>Starting · guidecite</title>
<link rel="stylesheet" href="/static/guidecite.css">
</head>
<body>
<header class="site"><div class="bar"><span class="brand">guidecite</span></div></header>
<main id="main">
<h1>Getting the library ready</h1>
<p class="notice" role="status">{line}</p>
<p>This happens once, on the first start of a new library. This page reloads by itself every
{retry} seconds and shows the question box when the library is ready.</p>
</main>
</body>
</html>
"""


class Starting:
    """An ASGI app: the progress page until `ready(app)`, then `app` for every request."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.app: ASGIApp | None = None
        self.failed: str | None = None
        self._static = StaticFiles(packages=[("guidecite.web", "static")])

    def ready(self, app: ASGIApp) -> None:
        self.app = app

    def build(self, make: Callable[[], ASGIApp]) -> None:
        """Runs `make` (open the library, create the app) and serves its app; a failure is
        logged and shown on the page."""
        try:
            self.ready(make())
        except Exception as exc:  # shown as a clean message; the details go to the log
            log.exception("the library could not be opened")
            self.failed = str(exc) or type(exc).__name__

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.app is not None:
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":
            return
        path = scope.get("path", "")
        if path.startswith("/static/"):
            static_scope = {**scope, "path": path.removeprefix("/static"), "root_path": ""}
            await self._static(static_scope, receive, send)
            return
        await self._waiting(path)(scope, receive, send)

    def _waiting(self, path: str) -> Response:
        headers = {**SECURITY_HEADERS, "Retry-After": str(RETRY_SECONDS)}
        if self.failed is not None:
            line = f"The library could not be opened: {self.failed}"
        elif self.progress.stage is None:
            line = "Opening the library..."
        else:
            line = self.progress.line()
        if path.startswith("/api"):
            body = error_body("starting", line)
            return JSONResponse(body, status_code=503, headers=headers)
        page = _PAGE.format(line=html.escape(line), retry=RETRY_SECONDS)
        return HTMLResponse(page, status_code=503, headers=headers)
