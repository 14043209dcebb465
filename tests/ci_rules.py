"""pytest plugin: in CI, a skipped test is a failed test.

A skip proves nothing, so in CI (``CI`` set to a true value) every skip is reported as a failure
with its reason. Locally, skips stay skips (a missing browser skips the browser tests with a hint).
"""

from __future__ import annotations

from collections.abc import Generator

import pytest

from helpers import in_ci


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, None, None]:
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if in_ci() and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"Skipped in CI, which counts as a failure here. Reason: {reason}"
