"""The CI rules must be able to fail: a skip fails in CI, and a run with no tests fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import ROOT

SKIPPING_TEST = """
import pytest

def test_needs_something():
    pytest.skip("something is missing")
"""


def run_pytest(folder: Path, ci: bool) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci:
        env["CI"] = "true"
    env["PYTHONPATH"] = str(ROOT / "tests")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "ci_rules", "-p", "no:cacheprovider", "-q", str(folder)],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_skip_is_a_failure_in_ci(tmp_path: Path) -> None:
    (tmp_path / "test_skip.py").write_text(SKIPPING_TEST, encoding="utf-8")
    result = run_pytest(tmp_path, ci=True)
    assert result.returncode == 1, result.stdout
    assert "Skipped in CI, which counts as a failure here" in result.stdout
    assert "something is missing" in result.stdout


def test_a_skip_stays_a_skip_outside_ci(tmp_path: Path) -> None:
    (tmp_path / "test_skip.py").write_text(SKIPPING_TEST, encoding="utf-8")
    result = run_pytest(tmp_path, ci=False)
    assert result.returncode == 0, result.stdout
    assert "1 skipped" in result.stdout


CHECK_JUNIT = ROOT / ".ci" / "check_junit.py"

JUNIT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" tests="{count}">{cases}</testsuite></testsuites>
"""


def check_junit(tmp_path: Path, *cases: str) -> subprocess.CompletedProcess[str]:
    report = tmp_path / "junit.xml"
    report.write_text(JUNIT.format(count=len(cases), cases="".join(cases)), encoding="utf-8")
    return subprocess.run([sys.executable, str(CHECK_JUNIT), str(report)], capture_output=True, text=True, check=False)


PASSED_UNIT = '<testcase classname="tests.unit.test_x" name="test_a"/>'
PASSED_BROWSER = '<testcase classname="tests.browser.test_y" name="test_b"/>'
SKIPPED_BROWSER = '<testcase classname="tests.browser.test_y" name="test_c"><skipped message="no chromium"/></testcase>'
FAILED_UNIT = '<testcase classname="tests.unit.test_x" name="test_d"><failure message="boom"/></testcase>'


def test_ci_check_passes_a_full_green_run(tmp_path: Path) -> None:
    result = check_junit(tmp_path, PASSED_UNIT, PASSED_BROWSER)
    assert result.returncode == 0, result.stderr
    assert "2 tests, 1 browser tests passed, 0 skipped, 0 failed" in result.stdout


def test_ci_check_fails_a_run_with_no_tests(tmp_path: Path) -> None:
    result = check_junit(tmp_path)
    assert result.returncode != 0
    assert "collected no tests" in result.stderr


def test_ci_check_fails_when_browser_tests_were_skipped(tmp_path: Path) -> None:
    result = check_junit(tmp_path, PASSED_UNIT, SKIPPED_BROWSER)
    assert result.returncode != 0
    assert "skipped" in result.stderr


def test_ci_check_fails_when_no_browser_test_ran(tmp_path: Path) -> None:
    result = check_junit(tmp_path, PASSED_UNIT)
    assert result.returncode != 0
    assert "browser tests did not run" in result.stderr


def test_ci_check_fails_on_a_failed_test(tmp_path: Path) -> None:
    result = check_junit(tmp_path, PASSED_UNIT, PASSED_BROWSER, FAILED_UNIT)
    assert result.returncode != 0


def test_test_modules_have_names_no_other_folder_uses() -> None:
    """pytest imports test files by their base name (there is no package), so two folders holding
    a test file of the same name stop the whole run at collection."""
    names = sorted(path.name for path in (ROOT / "tests").rglob("test_*.py"))
    assert [name for name in set(names) if names.count(name) > 1] == []
