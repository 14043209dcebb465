"""The ``medialit epub`` and ``medialit bundle`` commands: their arguments and their errors.

What they make is checked in ``tests/build/test_epub.py`` and ``tests/browser/test_bundle.py``.
"""

from __future__ import annotations

from pathlib import Path

from helpers import copy_course
from medialit.cli import _bundle, _epub, main, make_parser
from medialit.editions import Edition


def test_epub_takes_a_course_an_edition_and_clean() -> None:
    args = make_parser().parse_args(["epub", "course", "--edition", "teacher", "--clean"])
    assert (args.run, str(args.course), args.edition, args.clean) == (_epub, "course", "teacher", True)
    assert make_parser().parse_args(["epub"]).edition == Edition.STUDENT.value


def test_bundle_takes_a_course_and_clean() -> None:
    args = make_parser().parse_args(["bundle", "course", "--clean"])
    assert (args.run, str(args.course), args.clean) == (_bundle, "course", True)


def test_bundle_with_a_malformed_quiz_bank_is_one_clear_error_and_writes_nothing(tmp_path: Path, capsys) -> None:
    course = copy_course(tmp_path / "course")
    bank = course / "exercises" / "article.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("type: true-false", "type: yes-no", 1), encoding="utf-8")
    assert main(["bundle", str(course)]) == 1
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and error[0].startswith(f"medialit: error: {bank}:"), error
    assert not (course / "_build").exists()


def test_epub_of_a_folder_that_is_not_a_course_is_one_clear_error(tmp_path: Path, capsys) -> None:
    assert main(["epub", str(tmp_path)]) == 1
    assert capsys.readouterr().err.strip() == f"medialit: error: {tmp_path}: not a course directory (no _config.yml)"
