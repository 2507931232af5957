"""A real server and a real headless Chromium for the end-to-end tests.

The server is uvicorn on 127.0.0.1 with an ephemeral port, in a thread, on a copy of the
slice store holding the hostile page of `web_support`. The browser is Debian's `chromium`
driven by Playwright's Python package with its executable path set (`playwright install`
is never used). Without a chromium on PATH the tests skip, except under CI, where they fail:
`.ci/run` installs it with scripts/install-browser.sh.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from web_support import build_web_home

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None:
        message = "no chromium on PATH: run scripts/install-browser.sh (as root, on Debian)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def e2e_home(slice_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The served store: the slice with the hostile page (tests may add accounts to it)."""
    return build_web_home(slice_home, tmp_path_factory.mktemp("e2e") / "home")


@pytest.fixture(scope="session")
def base_url(e2e_home: Path) -> Iterator[str]:
    import uvicorn

    from guidecite.answer import open_library
    from guidecite.settings import Settings
    from guidecite.web import WebConfig, create_app

    chromium_path()
    home = e2e_home
    library = open_library(Settings(home=home, starter=False))
    app = create_app(library, WebConfig(rate_per_minute=0))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    library.close()


@pytest.fixture(scope="session")
def browser(base_url: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(base_url=base_url, viewport={"width": 1100, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def shoot(page: Any):  # type: ignore[no-untyped-def]
    """shoot("name") saves artifacts/screenshots/name.png (full page unless full=False)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str, *, full: bool = True) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full)
        return path

    return take
