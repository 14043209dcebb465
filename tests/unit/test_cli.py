"""The medialit command: help, version and clear errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from medialit import __version__
from medialit.cli import main

MEDIALIT = Path(sys.executable).parent / "medialit"


def test_console_command_help_lists_build() -> None:
    result = subprocess.run([str(MEDIALIT), "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "build" in result.stdout and "usage: medialit" in result.stdout


def test_python_dash_m_prints_the_version() -> None:
    result = subprocess.run([sys.executable, "-m", "medialit", "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.strip() == f"medialit {__version__}"


def test_build_of_a_folder_that_is_not_a_course_is_one_clear_error(tmp_path: Path, capsys) -> None:
    status = main(["build", str(tmp_path)])
    error = capsys.readouterr().err
    assert status == 1
    assert error.strip() == f"medialit: error: {tmp_path}: not a course directory (no _config.yml)"


def test_build_of_a_missing_folder_is_one_clear_error(tmp_path: Path, capsys) -> None:
    status = main(["build", str(tmp_path / "nowhere")])
    assert status == 1
    assert "no such course directory" in capsys.readouterr().err


def test_a_command_is_required(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([])
    assert exit_.value.code == 2
    assert "COMMAND" in capsys.readouterr().err
