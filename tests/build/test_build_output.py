"""What `medialit build` shows: stages and a short summary, never Jupyter Book's whole log or its staging folder.

Read from the output of the builds of the generated courses (the ``generated_courses`` fixture runs
``medialit build`` for each gold article and keeps what it printed beside the course).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import GOLD_ARTICLES

pytestmark = pytest.mark.build


@pytest.mark.parametrize("name", [GOLD_ARTICLES[0].stem, GOLD_ARTICLES[-1].stem])
def test_a_build_shows_its_stages_and_a_summary_and_keeps_the_log(
    generated_courses: dict[str, tuple[Path, Path]], name: str
) -> None:
    course, site = generated_courses[name]
    stages = (course.parent / f"{name}.build-stderr.txt").read_text(encoding="utf-8").splitlines()
    summary = (course.parent / f"{name}.build-stdout.txt").read_text(encoding="utf-8").splitlines()
    # Into a pipe, the display is one line per stage, each ending in "…", in the order the build meets them.
    assert stages[0] == "Checking quiz notebooks…" and stages[-1] == "Publishing…", stages
    assert {"Reading pages…", "Writing pages…"} <= set(stages) and all(line.endswith("…") for line in stages)
    assert len(stages) == len(set(stages)) <= 9
    assert ".staging" not in "\n".join(stages + summary)
    pages = len(list(site.glob("book/*.html"))) + len(list(site.glob("exercises/*.html")))
    log = course / "_build" / "logs" / "student-html.log"
    assert len(summary) == 2
    assert summary[0].startswith("Built the student edition in ")
    assert summary[0].endswith(f" s, {pages} pages written: {site / 'index.html'}")
    assert summary[1] == f"The build's whole log: {log}"
    assert "build succeeded" in log.read_text(encoding="utf-8")
