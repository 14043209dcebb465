"""Reading Jupyter Book's log as it streams: stages, pages, problems; the log kept whole; the display.

The sample lines are Jupyter Book 1.0.4's and Sphinx 7.4's own output of a flagship build, colour
codes included, as they come through a pipe.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from medialit.build_display import BuildDisplay
from medialit.buildlog import BuildEvent, LogReader, relative_problems, run_logged

SAMPLE = [
    "Running Jupyter-Book v1.0.4.post1",
    "\x1b[01mreading sources... \x1b[39;49;00m[  6%] \x1b[35mbook/article\x1b[39;49;00m",
    "/course/exercises/article-quiz.ipynb: Executing notebook using local CWD [mystnb]",
    "/course/book/how-to-use.md:3: WARNING: undefined label: 'no-such-label'",
    "\x1b[01mwriting output... \x1b[39;49;00m[ 50%] \x1b[32mbook/framing\x1b[39;49;00m",
    "\x1b[01mwriting output... \x1b[39;49;00m[100%] \x1b[32mexercises/framing-quiz\x1b[39;49;00m",
    "/course/book/framing.md:40: ERROR: Unknown directive type: 'no-such-directive'.",
    "\x1b[01mbuild succeeded.\x1b[39;49;00m",
]


def test_the_reader_names_stages_and_pages_and_keeps_each_problem() -> None:
    reader = LogReader()
    events = [event for line in SAMPLE if (event := reader.read(line)) is not None]
    assert events == [
        BuildEvent("Reading pages", "book/article", 6),
        BuildEvent("Running notebooks", "article-quiz.ipynb"),
        BuildEvent("Writing pages", "book/framing", 50),
        BuildEvent("Writing pages", "exercises/framing-quiz", 100),
    ]
    assert reader.problems == [SAMPLE[3], SAMPLE[6]]
    assert reader.pages == {"book/framing", "exercises/framing-quiz"}
    assert relative_problems(reader.problems, Path("/course")) == [
        "book/how-to-use.md:3: WARNING: undefined label: 'no-such-label'",
        "book/framing.md:40: ERROR: Unknown directive type: 'no-such-directive'.",
    ]


def test_a_line_that_only_mentions_a_warning_is_not_a_problem() -> None:
    reader = LogReader()
    for line in ("reading sources... [ 50%] book/warnings-and-errors", "Checking for WARNINGS in the docs"):
        reader.read(line)
    assert reader.problems == []


def test_a_logged_run_keeps_every_line_and_shows_the_published_folder_in_place_of_the_staging_one(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "print('\\x1b[01mwriting output... \\x1b[39;49;00m[100%] book/index')\n"
        "print('The HTML pages are in /c/_build/.staging/student-html/_build/html.')\n"
        "print('/c/book/index.md:1: WARNING: a problem', file=sys.stderr)\n"
        "sys.exit(3)\n"
    )
    events: list[BuildEvent] = []
    shown: list[str] = []
    log = tmp_path / "logs" / "run.log"
    run = run_logged(
        [sys.executable, "-c", script],
        log,
        on_event=events.append,
        echo=shown.append,
        renames=[("/c/_build/.staging/student-html/_build/html", "/c/_build/html")],
    )
    assert run.status == 3 and run.pages == 1
    assert run.problems == ["/c/book/index.md:1: WARNING: a problem"]
    assert events == [BuildEvent("Writing pages", "book/index", 100)]
    assert "The HTML pages are in /c/_build/html." in shown and not any(".staging" in line for line in shown)
    kept = log.read_text(encoding="utf-8")
    assert "\x1b" not in kept and ".staging/student-html" in kept and "WARNING: a problem" in kept


class _Pipe(io.StringIO):
    def isatty(self) -> bool:
        return False


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_into_a_pipe_the_display_prints_each_stage_once() -> None:
    stream = _Pipe()
    with BuildDisplay(stream=stream) as display:
        for event in (
            BuildEvent("Reading pages", "a", 50),
            BuildEvent("Running notebooks", "q.ipynb"),
            BuildEvent("Reading pages", "b", 100),
        ):
            display.event(event)
        display.event(BuildEvent("Writing pages", "a", 50))
        display.echo("a line of Jupyter Book's log")
    assert stream.getvalue().splitlines() == ["Reading pages…", "Running notebooks…", "Writing pages…"]
    assert display.summary("the site", "out/index.html").startswith(
        "Built the site in "
    ) and ", 1 page written: out/index.html" in display.summary("the site", "out/index.html")


def test_in_a_terminal_the_display_is_one_line_cleared_at_the_end() -> None:
    stream = _Terminal()
    with BuildDisplay(stream=stream) as display:
        display.event(BuildEvent("Writing pages", "book/index", 50))
        assert stream.getvalue() == "\rWriting pages [ 50%] book/index"
    assert stream.getvalue().endswith("\r" + " " * len("Writing pages [ 50%] book/index") + "\r")


def test_verbose_shows_the_log_and_not_the_stages() -> None:
    stream = _Terminal()
    with BuildDisplay(verbose=True, stream=stream) as display:
        display.event(BuildEvent("Writing pages", "book/index", 50))
        display.echo("writing output... [ 50%] book/index")
    assert stream.getvalue() == "writing output... [ 50%] book/index\n"
