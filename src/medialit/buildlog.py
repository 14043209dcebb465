"""Jupyter Book's output, read as it streams: kept whole in a log file, shown as stages and pages.

A build prints about a hundred lines of Sphinx and Jupyter Book log, among them the staging
folder as the place "your book's HTML pages are here" (it is not: the site is published from
there only when the build passes). medialit keeps every line in ``_build/logs/`` and shows a
reader what matters: which stage the build is at, on which page, and at the end, if it failed,
each warning with its file and line. ``--verbose`` shows the log as it comes, with the staging
folder named as the published one.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
"""Terminal colour codes, which Jupyter Book prints even into a pipe."""

STAGES: dict[str, str] = {
    "reading sources": "Reading pages",
    "writing output": "Writing pages",
}
"""Sphinx's per-page stages and how they are named to a reader."""

_PAGE_LINE = re.compile(r"^(?P<stage>reading sources|writing output)\.\.\. \[\s*(?P<percent>\d+)%\] (?P<page>\S+)")
_NOTEBOOK_LINE = re.compile(r"^(?P<file>\S+\.ipynb): Executing notebook")
_PROBLEM = re.compile(r"(?:^|: )(?:WARNING|ERROR|CRITICAL|SEVERE)(?:\s*:|:)|^(?:Exception occurred|Traceback)")


@dataclass(frozen=True)
class BuildEvent:
    """Where a build is: a stage, and within a per-page stage the page and how far through it is."""

    stage: str
    page: str | None = None
    percent: int | None = None


@dataclass
class LogReader:
    """Reads log lines one at a time: the events to show, and the problems to repeat at the end."""

    problems: list[str] = field(default_factory=list)
    pages: set[str] = field(default_factory=set)
    """The pages written (the count the summary gives)."""

    def read(self, line: str) -> BuildEvent | None:
        """The event a line announces, if any; a warning or error line is kept in ``problems``."""
        text = ANSI.sub("", line).rstrip()
        if _PROBLEM.search(text):
            self.problems.append(text)
            return None
        page = _PAGE_LINE.match(text)
        if page:
            if page["stage"] == "writing output":
                self.pages.add(page["page"])
            return BuildEvent(STAGES[page["stage"]], page["page"], int(page["percent"]))
        notebook = _NOTEBOOK_LINE.match(text)
        if notebook:
            return BuildEvent("Running notebooks", Path(notebook["file"]).name)
        if text.startswith("copying static files"):
            return BuildEvent("Copying files")
        if text.startswith("dumping search index"):
            return BuildEvent("Indexing for search")
        return None


@dataclass(frozen=True)
class LoggedRun:
    """What a logged command left: its exit status, the problems it reported, the pages it wrote."""

    status: int
    problems: list[str]
    pages: int
    tail: list[str]
    """The last lines of the log, for a failure that reported no warning (a crash)."""


def run_logged(
    command: Sequence[str],
    log: Path,
    *,
    on_event: Callable[[BuildEvent], None] | None = None,
    echo: Callable[[str], None] | None = None,
    renames: Sequence[tuple[str, str]] = (),
) -> LoggedRun:
    """Run ``command``, writing its output (colour codes removed) to ``log``, reading it as it comes.

    ``on_event`` is told each stage and page; ``echo``, when given, gets every line (the verbose
    display), with each of ``renames``' first paths replaced by its second (the staging folder by
    the published one, so no reader is sent to a folder that is not the site).
    """
    reader = LogReader()
    tail: list[str] = []
    log.parent.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, "NO_COLOR": "1", "PYTHONUNBUFFERED": "1"}
    environment.pop("FORCE_COLOR", None)
    with (
        log.open("w", encoding="utf-8") as kept,
        subprocess.Popen(
            list(command),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=environment,
        ) as process,
    ):
        assert process.stdout is not None
        for raw in process.stdout:
            line = ANSI.sub("", raw).rstrip("\n")
            kept.write(line + "\n")
            tail = [*tail[-19:], line]
            event = reader.read(line)
            if event is not None and on_event is not None:
                on_event(event)
            if echo is not None:
                for old, new in renames:
                    line = line.replace(old, new)
                echo(line)
        status = process.wait()
    return LoggedRun(status, reader.problems, len(reader.pages), tail)


def relative_problems(problems: Sequence[str], root: Path) -> list[str]:
    """Each problem line with the course folder left out of its path (``book/framing.md:12: WARNING: …``)."""
    prefix = f"{root}{os.sep}"
    return [problem.replace(prefix, "") for problem in problems]
