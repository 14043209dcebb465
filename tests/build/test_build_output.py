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
    shown = (course.parent / f"{name}.build-output.txt").read_text(encoding="utf-8").splitlines()
    assert len(shown) <= 12, shown
    assert ".staging" not in "\n".join(shown)
    assert {"Reading pages…", "Writing pages…", "Publishing…"} <= set(shown)
    pages = len(list(site.glob("book/*.html"))) + len(list(site.glob("exercises/*.html")))
    assert shown[-2].startswith("Built the student edition in ")
    assert shown[-2].endswith(f" s, {pages} pages written: {site / 'index.html'}")
    log = course / "_build" / "logs" / "student-html.log"
    assert shown[-1] == f"The build's whole log: {log}"
    assert "build succeeded" in log.read_text(encoding="utf-8")
