"""Shared fixtures and Hypothesis profiles; the CI rules (a skip is a failure) come from the ``ci_rules`` plugin.

Hypothesis profiles: ``ci`` draws the same examples on every run (derandomized, no example
database), so the same commit always gives the same result; ``make test`` and CI select it with
``--hypothesis-profile=ci``. ``dev``, the default for a plain ``pytest``, draws new examples each
run and remembers failures in ``.hypothesis/``, so running the suite by hand keeps exploring.
"""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import settings

from helpers import GOLD_ARTICLES, GRADED_BANK, HOSTILE_ARTICLE, HostileCourse, copy_course
from medialit.build import build_course, epub_file
from medialit.bundle import bundle_path
from medialit.cli import main
from medialit.editions import Edition

pytest_plugins = ["ci_rules"]

settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
# Explicit, because Hypothesis itself turns on derandomize when the CI variable is set, and a
# profile without the setting inherits that default.
settings.register_profile("dev", derandomize=False, print_blob=True)
settings.load_profile("dev")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The flagship course built once per session with ``medialit build``, in a temporary copy."""
    course = copy_course(tmp_path_factory.mktemp("flagship"))
    return build_course(course)


@pytest.fixture(scope="session")
def teacher_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The flagship's teacher edition, built once per session with ``medialit build --edition teacher``."""
    course = copy_course(tmp_path_factory.mktemp("flagship-teacher"))
    return build_course(course, edition=Edition.TEACHER)


@pytest.fixture(scope="session")
def graded_course(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the flagship whose capstone quiz is graded, and its student site (built once per session)."""
    course = copy_course(tmp_path_factory.mktemp("flagship-graded"))
    bank = course / "exercises" / GRADED_BANK
    text = bank.read_text(encoding="utf-8")
    bank.write_text(text.replace("\nquestions:\n", "\ngraded: true\nquestions:\n", 1), encoding="utf-8")
    assert "graded: true" in bank.read_text(encoding="utf-8")
    return course, build_course(course)


@pytest.fixture(scope="session")
def generated_courses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """For each gold article: the course ``medialit new`` writes for it, and its built site (once per session).

    Two courses are made at a time, each by the commands a teacher runs, in processes of their own
    (the machines have two cores; a build is a process anyway).
    """
    root = tmp_path_factory.mktemp("generated")

    def make(article: Path) -> tuple[str, tuple[Path, Path]]:
        course = root / article.stem
        for command in (["new", str(article), "--out", str(course)], ["build", str(course)]):
            result = subprocess.run([sys.executable, "-m", "medialit", *command], capture_output=True, text=True, check=False)
            assert result.returncode == 0, f"medialit {' '.join(command)}: {result.stderr[-2000:]}"
        # What `medialit build` showed, beside the course (tests/build/test_build_output.py reads it).
        (root / f"{article.stem}.build-stdout.txt").write_text(result.stdout, encoding="utf-8")
        (root / f"{article.stem}.build-stderr.txt").write_text(result.stderr, encoding="utf-8")
        return article.stem, (course, course / "_build" / "html")

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(make, GOLD_ARTICLES))


@pytest.fixture(scope="session")
def hostile_course(tmp_path_factory: pytest.TempPathFactory) -> HostileCourse:
    """The hostile article through the commands a teacher runs: new, build (both editions), epub, bundle."""
    course = tmp_path_factory.mktemp("hostile") / "course"
    for command in (
        ["new", str(HOSTILE_ARTICLE), "--out", str(course)],
        ["build", str(course)],
        ["build", str(course), "--edition", "teacher"],
        ["epub", str(course)],
        ["bundle", str(course)],
    ):
        assert main(command) == 0, command
    return HostileCourse(
        course=course,
        student_site=course / "_build" / "html",
        teacher_site=course / "_build" / "teacher" / "html",
        epub=epub_file(course / "_build" / "epub"),
        bundle=bundle_path(course),
    )
