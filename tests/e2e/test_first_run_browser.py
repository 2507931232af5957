"""The first start of a new library, in headless Chromium: while the starter library is
built, the page says so and reloads itself; when the library is ready, the question box.

The build is stood in for by a wait (the real one takes a minute or two: test_cli runs it);
the app that follows is the real one, on the test library.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from guidecite import firstrun
from guidecite.firstrun import Progress
from guidecite.web.starting import Starting


@pytest.fixture
def starting_server(e2e_home: Path) -> Iterator[tuple[str, Starting, threading.Event]]:
    import uvicorn

    from guidecite.answer import open_library
    from guidecite.settings import Settings
    from guidecite.web import WebConfig, create_app

    from .conftest import chromium_path

    chromium_path()
    progress = Progress()
    starting = Starting(progress)
    built = threading.Event()
    opened: list[Any] = []

    def build() -> Any:
        progress(firstrun.INDEXING)
        built.wait(30)
        opened.append(open_library(Settings(home=e2e_home, starter=False)))
        progress(firstrun.DONE)
        return create_app(opened[0], WebConfig(rate_per_minute=0))

    server = uvicorn.Server(uvicorn.Config(starting, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(1000):  # at most about 20 s
        if server.started or not thread.is_alive():
            break
        time.sleep(0.02)
    assert server.started, "the server did not start"
    builder = threading.Thread(target=starting.build, args=(build,), daemon=True)
    builder.start()
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}", starting, built
    built.set()
    builder.join(timeout=30)
    server.should_exit = True
    thread.join(timeout=10)
    for library in opened:
        library.close()


def test_the_first_start_shows_progress_then_the_question_box(
    browser: Any, starting_server: tuple[str, Starting, threading.Event]
) -> None:
    from .conftest import SCREENSHOTS

    url, starting, built = starting_server
    context = browser.new_context(base_url=url, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        response = page.goto("/")
        assert response is not None and response.status == 503
        status = page.get_by_role("status")
        assert "First run: building the starter library" in status.inner_text()
        assert "reading and indexing the starter guidelines" in status.inner_text()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "17-first-run-progress.png"))
        api = page.request.get("/api/status")
        assert api.status == 503 and api.json()["error"]["code"] == "starting"

        built.set()
        page.get_by_label("Your question").wait_for(timeout=15_000)  # the page reloaded itself
        assert starting.app is not None
    finally:
        context.close()
