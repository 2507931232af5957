"""The first run: while a new, empty library is filled with the starter library (a minute or
two), say so, on the terminal and on the page, instead of a silent wait.

    progress = Progress()
    library = open_library(settings, progress=progress)    # calls progress(stage) per stage
    progress.line()    # "First run: building the starter library (12 s): reading ..."

`TerminalProgress` rewrites one line on a terminal every second (one line per stage when
stderr is not a terminal); `guidecite.web.starting` serves the line as a page.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

#: Told each stage as it begins.
Report = Callable[[str], None]

#: The stages of building the starter library, in order (`answer.build_starter`).
INDEXING = "reading and indexing the starter guidelines"
TRANSLATIONS = "building the lexicon for Spanish questions"
DONE = "done"
STAGES = (INDEXING, TRANSLATIONS, DONE)
#: How long it usually takes, said once at the start.
USUALLY = "about a minute or two"


class Progress:
    """The stage the starter build is at, and since when; a callable `open_library` calls
    with each stage. Read from another thread (the page, the terminal's ticker)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self.stage: str | None = None  # None: nothing is being built
        self.started = 0.0

    def __call__(self, stage: str) -> None:
        if self.stage is None:
            self.started = self._now()
        self.stage = stage

    @property
    def building(self) -> bool:
        return self.stage is not None and self.stage != DONE

    def seconds(self) -> int:
        return int(self._now() - self.started) if self.stage is not None else 0

    def line(self) -> str:
        """ "First run: building the starter library (12 s, step 1 of 2): reading ..." """
        if self.stage == DONE:
            return f"First run: the starter library is ready ({self.seconds()} s)."
        step = STAGES.index(self.stage) + 1 if self.stage in STAGES else 1
        return (
            f"First run: building the starter library ({self.seconds()} s, step {step} of "
            f"{len(STAGES) - 1}; {USUALLY}): {self.stage}..."
        )

    def _now(self) -> float:
        return self._clock()


class TerminalProgress(Progress):
    """Progress on a terminal: while building, the line is rewritten every second; on a
    stream that is not a terminal, one line per stage. Nothing is written when nothing is
    built. Use as a context manager around `open_library`."""

    def __init__(self, stream: TextIO | None = None, interval: float = 1.0) -> None:
        super().__init__()
        self.stream = stream or sys.stderr
        self.interval = interval
        self.live = self.stream.isatty()
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None

    def __call__(self, stage: str) -> None:
        super().__call__(stage)
        if not self.live:
            self.stream.write(self.line() + "\n")
            self.stream.flush()
        elif self._ticker is None:
            self._ticker = threading.Thread(target=self._tick, daemon=True)
            self._ticker.start()

    def __enter__(self) -> TerminalProgress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join()

    def _tick(self) -> None:
        """Rewrites the line while building; ends it when done (or stopped)."""
        while not self._stop.is_set() and self.building:
            self.stream.write("\r\x1b[2K" + self.line())
            self.stream.flush()
            self._stop.wait(self.interval)
        self.stream.write("\r\x1b[2K" + self.line() + "\n")
        self.stream.flush()
