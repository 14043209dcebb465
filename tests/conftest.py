"""Shared fixtures and the CI rule that a skipped test is a failed test.

In CI (``CI`` set to a true value) a skip proves nothing, so every skip is reported as a
failure with its reason; locally a missing browser skips the browser tests with a hint.
"""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path

import pytest

from helpers import copy_course, in_ci
from medialit.build import build_course


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, None, None]:
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if in_ci() and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"Skipped in CI, which counts as a failure here. Reason: {reason}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The flagship course built once per session with ``medialit build``, in a temporary copy."""
    course = copy_course(tmp_path_factory.mktemp("flagship"))
    return build_course(course)
