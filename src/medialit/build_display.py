"""What ``medialit build``, ``epub``, ``pdf`` and ``bundle`` show while they work.

In a terminal: one progress line (stage, page, how far) that is replaced as the build goes and
cleared at the end. Into a file or pipe (CI, a log): a line when a stage first starts. With ``--verbose``: every
line of Jupyter Book's log instead. Either way the caller prints a short summary at the end, and
the whole log stays in ``_build/logs/``.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TextIO

from medialit.buildlog import BuildEvent


class BuildDisplay:
    """Shows a build's stages and pages on standard error; use as a context manager."""

    def __init__(self, *, verbose: bool = False, stream: TextIO | None = None) -> None:
        self.verbose = verbose
        self.stream = stream or sys.stderr
        self.pages: set[str] = set()
        self.started = time.perf_counter()
        self._seen: set[str] = set()
        self._live = self.stream.isatty() and not verbose
        self._width = 0

    def __enter__(self) -> BuildDisplay:
        self.started = time.perf_counter()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None) -> None:
        self._clear()

    @property
    def seconds(self) -> float:
        """Seconds since the display was opened."""
        return time.perf_counter() - self.started

    def event(self, event: BuildEvent) -> None:
        """A build's new stage or page: shown on the progress line, or as a line when the stage changes."""
        if event.stage == "Writing pages" and event.page:
            self.pages.add(event.page)
        if self.verbose:
            return
        if self._live:
            where = f" {event.page}" if event.page else ""
            done = f" [{event.percent:3d}%]" if event.percent is not None else ""
            self._show(f"{event.stage}{done}{where}")
        elif event.stage not in self._seen:
            print(f"{event.stage}…", file=self.stream, flush=True)
        self._seen.add(event.stage)

    def echo(self, line: str) -> None:
        """A line of Jupyter Book's log, shown only with ``--verbose``."""
        if self.verbose:
            print(line, file=self.stream, flush=True)

    def _show(self, text: str) -> None:
        text = text[:100]
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = len(text)

    def _clear(self) -> None:
        if self._live and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0

    def summary(self, what: str, where: str) -> str:
        """The closing line: what was built, how long it took, how many pages were (re)written, where it is."""
        count = len(self.pages)
        pages = f", {count} page{'s' * (count != 1)} written" if count else ", no page needed writing"
        return f"Built {what} in {self.seconds:.0f} s{pages}: {where}"
