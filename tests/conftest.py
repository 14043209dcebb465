"""Shared fixtures; the CI rules (a skip is a failure) come from the ``ci_rules`` plugin."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import GOLD_ARTICLES, GRADED_BANK, copy_course
from medialit.build import build_course
from medialit.editions import Edition

pytest_plugins = ["ci_rules"]


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
    """For each gold article: the course ``medialit new`` writes for it, and its built site (once per session)."""
    from medialit.generate.course import new_course

    courses: dict[str, tuple[Path, Path]] = {}
    for article in GOLD_ARTICLES:
        course = new_course(article, tmp_path_factory.mktemp("generated") / article.stem)
        courses[article.stem] = (course, build_course(course))
    return courses
