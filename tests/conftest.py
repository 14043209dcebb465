"""Shared fixtures; the CI rules (a skip is a failure) come from the ``ci_rules`` plugin."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import GOLD_ARTICLES, copy_course
from medialit.build import build_course

pytest_plugins = ["ci_rules"]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The flagship course built once per session with ``medialit build``, in a temporary copy."""
    course = copy_course(tmp_path_factory.mktemp("flagship"))
    return build_course(course)


@pytest.fixture(scope="session")
def generated_courses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """For each gold article: the course ``medialit new`` writes for it, and its built site (once per session)."""
    from medialit.generate.course import new_course

    courses: dict[str, tuple[Path, Path]] = {}
    for article in GOLD_ARTICLES:
        course = new_course(article, tmp_path_factory.mktemp("generated") / article.stem)
        courses[article.stem] = (course, build_course(course))
    return courses
