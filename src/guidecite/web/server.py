"""Running the web app: open the library, serve it with uvicorn until interrupted.

A new, empty library is first filled with the starter library (a minute or two): then the
server listens at once and shows a progress page (`starting.py`) until the library is ready.
"""

from __future__ import annotations

import threading

import uvicorn
from starlette.types import ASGIApp

from ..firstrun import TerminalProgress
from ..library import Library, open_library
from ..settings import Settings
from ..store.registry import open_backend
from .app import create_app
from .config import WebConfig
from .starting import Starting


def serve(
    settings: Settings, config: WebConfig, host: str, port: int, log_level: str = "info"
) -> None:
    """Serve one library on host:port in this process. With a shared database
    (settings.database_url), run as many of these as you like, each with its own home
    folder for its derived indexes (docs/postgresql.md)."""
    opened: list[Library] = []
    if needs_starter(settings):
        progress = TerminalProgress()
        starting = Starting(progress)

        def build() -> ASGIApp:
            opened.append(open_library(settings, progress=progress))
            return create_app(opened[0], config)

        threading.Thread(target=starting.build, args=(build,), daemon=True).start()
        app: ASGIApp = starting
    else:
        opened.append(open_library(settings))
        app = create_app(opened[0], config)
    try:
        uvicorn.run(
            app,
            host=host,
            port=port,
            log_level=log_level,
            access_log=log_level in ("info", "debug"),
            server_header=False,
        )
    finally:
        for library in opened:
            library.close()


def needs_starter(settings: Settings) -> bool:
    """Whether opening the library will first fill it with the starter library."""
    if not settings.starter:
        return False
    backend = open_backend(settings.database_url, settings.home)
    try:
        return backend.content.counts()["documents"] == 0
    finally:
        backend.close()
