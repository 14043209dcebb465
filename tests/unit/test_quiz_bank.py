"""Loading quiz banks: valid banks load; every bad bank gives one error naming file, line, question and field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import COURSE_ARTICLE, ROOT
from medialit.cli import main
from medialit.errors import QuizError
from medialit.quiz import QuestionType, load_bank

VALID = ROOT / "tests" / "fixtures" / "quizzes" / "valid-bank.yml"


def bank_text(replace: str = "", with_: str = "") -> str:
    text = VALID.read_text(encoding="utf-8").replace(
        "article: ../../../articles/wagner-kosovo-telegraph-2023.txt", f"article: {COURSE_ARTICLE}"
    )
    if replace:
        assert replace in text, replace
        text = text.replace(replace, with_, 1)
    return text


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bank.yml"
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def test_the_valid_bank_loads_with_every_question_type() -> None:
    bank = load_bank(VALID)
    assert bank.id == "article-basics"
    assert {q.type for q in bank.questions} == set(QuestionType)


def test_missing_option_feedback_is_located(tmp_path: Path) -> None:
    feedback = "        feedback: The Telegraph published it first; the page you read is a republication.\n"
    text = bank_text(feedback)
    with pytest.raises(QuizError) as raised:
        load_bank(write(tmp_path, text))
    error = raised.value
    assert (error.question, error.field) == ("who-republished", "options.1.feedback")
    assert error.line == line_of(text, "      - text: The Telegraph")
    assert str(error) == f"{tmp_path / 'bank.yml'}:{error.line}: question 'who-republished': options.1.feedback: Field required"


@pytest.mark.parametrize(
    ("replace", "with_", "message", "question", "field"),
    [
        (
            "        feedback: The Telegraph published it first",
            "        correct: true\n        feedback: The Telegraph published it first",
            "exactly one option with correct: true",
            "who-republished",
            None,
        ),
        ("        feedback: Named in P48.", "        correct: false\n        feedback: Named in P48.", None, None, None),
        ("  - id: denial", "  - id: who-republished", "question id 'who-republished' is used twice", None, None),
        (
            "    prompt: Which organisation",
            "    promt: Which organisation",
            "Extra inputs are not permitted",
            "who-republished",
            "promt",
        ),
        (
            "    paragraphs: [16]\n  - id: find",
            "    paragraphs: [50]\n  - id: find",
            "P50 does not exist: the article has P1-P49",
            "denial",
            "paragraphs.0",
        ),
        ("    answer: [16]", "    answer: [17]", "answer paragraphs [17] are not among the candidates", "find-the-denial", None),
        (
            "    type: ordering",
            "    type: essay",
            "unknown question type 'essay'; expected one of: single, multiple, true-false",
            "order-of-voices",
            "type",
        ),
        ("  - id: denial", "  - id: The Denial", "String should match pattern", "The Denial", "id"),
        (
            "      38: P38 gives",
            "      16: P16 gives",
            "feedback is for wrong picks, but [16] are in the answer",
            "find-the-denial",
            None,
        ),
    ],
    ids=[
        "two-correct",
        "control-valid",
        "duplicate-id",
        "typo-field",
        "paragraph-out-of-range",
        "answer-not-candidate",
        "unknown-type",
        "bad-id",
        "feedback-on-answer",
    ],
)
def test_schema_errors_name_question_and_field(
    tmp_path: Path, replace: str, with_: str, message: str | None, question: str | None, field: str | None
) -> None:
    path = write(tmp_path, bank_text(replace, with_))
    if message is None:
        load_bank(path)  # the control case: the edit keeps the bank valid
        return
    with pytest.raises(QuizError, match=re.escape(message)) as raised:
        load_bank(path)
    assert raised.value.question == question
    assert raised.value.field == field or field is None
    assert raised.value.line is not None


@pytest.mark.parametrize(
    ("version", "message"),
    [("2", "version 2 is newer than this medialit reads"), ("0", "version 0 is older"), ("'one'", "Input should be 1")],
)
def test_schema_version_too_new_too_old_or_wrong(tmp_path: Path, version: str, message: str) -> None:
    with pytest.raises(QuizError, match=message) as raised:
        load_bank(write(tmp_path, bank_text("schema_version: 1", f"schema_version: {version}")))
    assert raised.value.line == 1


def test_missing_schema_version(tmp_path: Path) -> None:
    with pytest.raises(QuizError, match="no schema_version"):
        load_bank(write(tmp_path, bank_text("schema_version: 1\n", "")))


def test_invalid_yaml_gives_its_line(tmp_path: Path) -> None:
    text = bank_text("    prompt: Select the paragraph", "    prompt: [Select the paragraph")
    with pytest.raises(QuizError, match="not valid YAML") as raised:
        load_bank(write(tmp_path, text))
    assert raised.value.line is not None and raised.value.line > line_of(text, "[Select the paragraph")


@pytest.mark.parametrize("text", ["", "- just\n- a list\n", "plain text\n"], ids=["empty", "list", "scalar"])
def test_a_bank_must_be_a_mapping(tmp_path: Path, text: str) -> None:
    with pytest.raises(QuizError, match="must be a YAML mapping"):
        load_bank(write(tmp_path, text))


def test_unreadable_article_is_reported_on_the_article_line(tmp_path: Path) -> None:
    text = bank_text(f"article: {COURSE_ARTICLE}", "article: missing.txt")
    with pytest.raises(QuizError, match="the article cannot be read") as raised:
        load_bank(write(tmp_path, text))
    assert raised.value.line == line_of(text, "article: missing.txt")


def test_html_in_questions_is_kept_as_data(tmp_path: Path) -> None:
    """Loading never interprets text; renderers escape it (tested with them)."""
    text = bank_text("    prompt: Which organisation's", "    prompt: <script>alert(1)</script> Which organisation's")
    bank = load_bank(write(tmp_path, text))
    assert bank.questions[0].prompt.startswith("<script>alert(1)</script>")


def test_check_command_counts_questions_and_banks(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(VALID.parent)]) == 0
    # valid-bank.yml and hostile-bank.yml; valid, with lint warnings (tests/unit/test_quiz_lint.py), so not --strict
    assert capsys.readouterr().out.strip().splitlines()[-1] == "14 questions in 2 banks; 5 warnings"


def test_check_command_reports_each_bad_bank_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, bank_text("  - id: denial", "  - id: who-republished"))
    (tmp_path / "good.yml").write_text(bank_text(), encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "bank.yml" in captured.err and "used twice" in captured.err
    assert captured.out.strip().splitlines()[-1] == "7 questions in 1 banks; 2 warnings"  # good.yml is valid-bank.yml


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"schema_version: 1\n\x00\x01", "binary file"), (b"title: caf\xe9\n", "not UTF-8"), (None, "no such file")],
    ids=["binary", "latin-1", "missing"],
)
def test_unreadable_bank_files_are_refused(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "bank.yml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(QuizError, match=message) as raised:
        load_bank(path)
    assert str(raised.value).startswith(str(path))
