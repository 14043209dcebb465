"""Shared fixtures and the CI rule that a skipped test is a failed test.

In CI (``CI`` set to a true value) a skip proves nothing, so every skip is reported as a
failure with its reason; locally a missing browser skips the browser tests with a hint.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Generator
from pathlib import Path

import pytest

from medialit.build import build_course

ROOT = Path(__file__).resolve().parent.parent
COURSE_ARTICLE = ROOT / "articles" / "wagner-kosovo-telegraph-2023.txt"
COURSE_SOURCES = ("_config.yml", "_toc.yml", "book", "articles", "exercises")
"""What a course is made of; the build fixture copies exactly these."""


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, None, None]:
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if in_ci() and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"Skipped in CI, which counts as a failure here. Reason: {reason}"


def copy_course(destination: Path) -> Path:
    """Copy the flagship course's sources (not its build) to ``destination``."""
    for name in COURSE_SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        elif source.is_file():
            shutil.copy2(source, destination / name)
    return destination


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The flagship course built once per session with ``medialit build``, in a temporary copy."""
    course = copy_course(tmp_path_factory.mktemp("flagship"))
    return build_course(course)
