"""The first run says what it is doing: on the terminal and, under `serve`, on every page."""

from __future__ import annotations

import io
import threading

from starlette.responses import PlainTextResponse
from starlette.testclient import TestClient

from guidecite import firstrun
from guidecite.firstrun import Progress, TerminalProgress
from guidecite.web.starting import Starting


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_says_the_stage_and_the_seconds_since_the_build_began() -> None:
    clock = Clock()
    progress = Progress(clock)
    assert not progress.building and progress.seconds() == 0
    progress(firstrun.INDEXING)
    clock.now += 12
    assert progress.building
    assert progress.line().startswith("First run: building the starter library (12 s, step 1 of 2")
    assert progress.line().endswith("reading and indexing the starter guidelines...")
    progress(firstrun.TRANSLATIONS)
    assert "step 2 of 2" in progress.line()
    progress(firstrun.DONE)
    assert not progress.building
    assert progress.line() == "First run: the starter library is ready (12 s)."


def test_off_a_terminal_each_stage_is_one_line_and_nothing_when_nothing_is_built() -> None:
    quiet = io.StringIO()
    with TerminalProgress(quiet):
        pass
    assert quiet.getvalue() == ""
    stream = io.StringIO()
    with TerminalProgress(stream) as progress:
        for stage in firstrun.STAGES:
            progress(stage)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("First run: building the starter library")
    assert lines[-1].startswith("First run: the starter library is ready")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_line_is_rewritten_until_the_library_is_ready() -> None:
    stream = Terminal()
    with TerminalProgress(stream, interval=0.01) as progress:
        progress(firstrun.INDEXING)
        threading.Event().wait(0.05)
        progress(firstrun.DONE)
    text = stream.getvalue()
    assert text.count("\r") >= 2
    assert text.rstrip().endswith("First run: the starter library is ready (0 s).")


def test_the_server_shows_progress_pages_until_the_library_is_ready() -> None:
    progress = Progress()
    starting = Starting(progress)
    client = TestClient(starting)
    page = client.get("/")
    assert page.status_code == 503
    assert page.headers["retry-after"] == "5"
    assert "Content-Security-Policy" in page.headers
    assert '<meta http-equiv="refresh"' in page.text
    assert "Opening the library" in page.text
    progress(firstrun.INDEXING)
    assert "building the starter library" in client.get("/articles/x").text
    api = client.get("/api/status")
    assert api.status_code == 503
    assert api.json()["error"]["code"] == "starting"
    assert "building the starter library" in api.json()["error"]["message"]
    assert client.get("/static/guidecite.css").status_code == 200

    starting.build(lambda: PlainTextResponse("the real app"))
    assert client.get("/").text == "the real app"


def test_a_library_that_cannot_be_opened_is_said_on_the_page() -> None:
    starting = Starting(Progress())

    def broken() -> PlainTextResponse:
        raise RuntimeError("the store is locked")

    starting.build(broken)
    page = TestClient(starting).get("/")
    assert page.status_code == 503
    assert "could not be opened: the store is locked" in page.text
