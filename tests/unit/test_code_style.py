"""The code checks configured in pyproject.toml pass (ruff lint and format, mypy --strict)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import ROOT

BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_finds_nothing() -> None:
    result = run(str(BIN / "ruff"), "check", "src", "tests", "benchmarks", ".ci")
    assert result.returncode == 0, result.stdout


def test_code_is_formatted() -> None:
    result = run(str(BIN / "ruff"), "format", "--check", "src", "tests", "benchmarks", ".ci")
    assert result.returncode == 0, result.stdout


def test_mypy_strict_passes() -> None:
    result = run(str(BIN / "mypy"))
    assert result.returncode == 0, result.stdout
