"""Running the web app: open the library, serve it with uvicorn until interrupted."""

from __future__ import annotations

import uvicorn

from ..answer import open_library
from ..settings import Settings
from .app import create_app
from .config import WebConfig


def serve(
    settings: Settings, config: WebConfig, host: str, port: int, log_level: str = "info"
) -> None:
    """Serve one library on host:port in this process (one worker: see web/articles.py)."""
    library = open_library(settings)
    try:
        app = create_app(library, config)
        uvicorn.run(
            app,
            host=host,
            port=port,
            log_level=log_level,
            access_log=log_level in ("info", "debug"),
            server_header=False,
        )
    finally:
        library.close()
