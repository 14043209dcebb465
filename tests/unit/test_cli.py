"""The medialit command: help, version and clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, copy_course
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


def test_build_with_a_malformed_quiz_bank_is_one_clear_error_and_builds_nothing(tmp_path: Path, capsys) -> None:
    course = copy_course(tmp_path / "course")
    bank = course / "exercises" / "article.yml"
    text = bank.read_text(encoding="utf-8")
    bank.write_text(text.replace("type: true-false", "type: yes-no", 1), encoding="utf-8")
    assert main(["build", str(course)]) == 1
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1
    line = text[: text.index("type: true-false")].count("\n") + 1
    assert error[0].startswith(f"medialit: error: {bank}:{line}: question "), error[0]
    assert not (course / "_build").exists()


def test_print_writes_a_student_sheet_and_a_teacher_key(tmp_path: Path, capsys) -> None:
    bank = ROOT / "exercises" / "article.yml"
    assert main(["print", str(bank), "-o", str(tmp_path / "sheet.html")]) == 0
    assert main(["print", str(bank), "--key", "-o", str(tmp_path / "key.html")]) == 0
    assert "student sheet, 10 questions" in capsys.readouterr().out
    sheet = (tmp_path / "sheet.html").read_text(encoding="utf-8")
    key = (tmp_path / "key.html").read_text(encoding="utf-8")
    assert "Teacher key" in key and "Teacher key" not in sheet
    assert sorted(p.name for p in tmp_path.iterdir()) == ["key.html", "sheet.html"]


def test_print_of_a_bad_bank_writes_nothing(tmp_path: Path, capsys) -> None:
    bank = tmp_path / "bank.yml"
    bank.write_text("schema_version: 1\nid: x\n", encoding="utf-8")
    assert main(["print", str(bank), "-o", str(tmp_path / "out.html")]) == 1
    assert capsys.readouterr().err.startswith(f"medialit: error: {bank}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank.yml"]


def test_analyze_prints_tables_and_json(capsys) -> None:
    article = ROOT / "articles" / "wagner-kosovo-telegraph-2023.txt"
    assert main(["analyze", str(article)]) == 0
    tables = capsys.readouterr().out
    for title in ("Provenance", "Sources", "Statements", "Headline against body", "Frames", "Claims", "Analogies"):
        assert title in tables
    assert "Vjosa Osmani" in tables and "Genocide Watch" in tables
    assert main(["analyze", str(article), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["article"]["provenance"]["republisher"] == "Genocide Watch"
    assert data["statements"][0]["speaker"] == "Vjosa Osmani"


def test_analyze_of_a_bad_file_is_one_clear_error(tmp_path: Path, capsys) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["analyze", str(empty)]) == 1
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and error[0].startswith(f"medialit: error: {empty}")


def test_evaluate_reports_every_gold_article(capsys, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["evaluate", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == len(list((ROOT / "tests" / "gold").glob("*.yml")))
    assert all(row[measure]["f1"] >= 0.8 for row in rows for measure in ("statements", "speakers", "verbs", "quote_types"))
