"""Editions (which pages a student edition drops), graded banks in the site's markup, and marking results files."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from helpers import ROOT
from medialit.build import teacher_pages, without_pages
from medialit.cli import main
from medialit.errors import MedialitError
from medialit.quiz import grade, load_bank
from medialit.quiz.layout import matching_choices, option_order, ordering_start
from medialit.quiz.load import load_bank_with_article
from medialit.quiz.mark import ResultsError, in_bank_order, mark_results
from medialit.quiz.model import Matching, Ordering, QuizBank, ShortAnswer, SingleChoice
from medialit.quiz.render_html import bank_data, render_bank_html

CAPSTONE = ROOT / "exercises" / "capstone.yml"


def graded(bank: QuizBank) -> QuizBank:
    return bank.model_copy(update={"graded": True})


# ---------------------------------------------------------------- editions


def test_the_student_toc_drops_teacher_pages_and_parts_left_empty() -> None:
    toc = {
        "root": "book/index",
        "parts": [
            {"caption": "Read", "chapters": [{"file": "book/a", "sections": [{"file": "book/a-notes"}]}, {"file": "book/b"}]},
            {"caption": "For teachers", "chapters": [{"file": "book/teacher-guide"}, {"file": "book/answer-keys.md"}]},
        ],
    }
    kept = without_pages(toc, {"book/teacher-guide", "book/answer-keys", "book/a-notes"})
    assert kept == {"root": "book/index", "parts": [{"caption": "Read", "chapters": [{"file": "book/a"}, {"file": "book/b"}]}]}


def test_teacher_pages_are_read_from_the_config_and_checked() -> None:
    assert teacher_pages({"sphinx": {"config": {"medialit_teacher_pages": ["book/x"]}}}) == ["book/x"]
    assert teacher_pages({}) == []
    with pytest.raises(MedialitError, match="must be a list of page names"):
        teacher_pages({"sphinx": {"config": {"medialit_teacher_pages": "book/x"}}})


# ---------------------------------------------------------------- graded banks in the site


def test_a_graded_bank_sends_the_browser_no_key() -> None:
    bank, article = load_bank_with_article(CAPSTONE)
    data = bank_data(graded(bank))
    assert data["graded"] is True
    assert data["questions"] == [
        {"id": q.id, "type": str(q.type), "max_points": grade(q, None).max_points} for q in bank.questions
    ]
    html = render_bank_html(graded(bank), article)
    page = BeautifulSoup(html, "html.parser")
    assert page.select(".mlq-check, .mlq-explanation, .mlq-model, .mlq-rubric") == []
    assert len(page.select(".mlq-question")) == len(bank.questions)
    for question in bank.questions:
        assert question.explanation not in html
        if isinstance(question, ShortAnswer):
            assert question.model_answer not in html
            assert not any(item in html for item in question.rubric)


def test_an_ordinary_bank_is_unchanged_by_the_graded_option() -> None:
    bank, article = load_bank_with_article(CAPSTONE)
    assert not bank.graded
    assert "graded" not in bank_data(bank)
    assert [question["explanation"] for question in bank_data(bank)["questions"]] == [q.explanation for q in bank.questions]
    assert "mlq-graded" not in render_bank_html(bank, article)


# ---------------------------------------------------------------- marking


def results_file(path: Path, quizzes: list[dict[str, Any]], student: str | None = None) -> Path:
    data: dict[str, Any] = {"format": "medialit-results", "version": 1, "course": "c", "quizzes": quizzes}
    if student is not None:
        data["student"] = student
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_display_positions_are_turned_back_into_bank_order() -> None:
    bank = graded(load_bank(CAPSTONE))
    for question in bank.questions:
        if isinstance(question, Matching):
            shown = matching_choices(question)
            positions = [shown.index(i) for i in range(len(question.pairs))]
            assert in_bank_order(bank, question, positions) == list(range(len(question.pairs)))
        if isinstance(question, Ordering):
            shown = ordering_start(question)
            positions = [shown.index(i) for i in range(len(question.items))]
            assert in_bank_order(bank, question, positions) == list(range(len(question.items)))
    ordinary = load_bank(CAPSTONE)
    assert in_bank_order(ordinary, ordinary.questions[0], [1, 0, 2]) == [1, 0, 2]


def test_marking_regrades_ordinary_quizzes_whatever_the_file_claims(tmp_path: Path) -> None:
    bank = load_bank(CAPSTONE)
    single = next(q for q in bank.questions if q.type == "single")
    right = next(i for i, option in enumerate(single.options) if option.correct)
    answers = {single.id: {"response": right, "result": {"points": 99}}}
    path = results_file(tmp_path / "r.json", [{"id": bank.id, "points": 99, "answers": answers}])
    (mark,) = mark_results(path, {bank.id: bank})
    assert (mark.points, mark.answered, mark.to_read) == (1, 1, ())


def test_an_answer_to_an_older_version_of_a_question_is_reported_not_fatal(tmp_path: Path) -> None:
    bank = load_bank(CAPSTONE)
    single = next(q for q in bank.questions if q.type == "single")
    path = results_file(tmp_path / "r.json", [{"id": bank.id, "answers": {single.id: {"response": 57}}}])
    (mark,) = mark_results(path, {bank.id: bank})
    assert mark.unreadable == (single.id,) and mark.points == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "not a results file (not JSON"),
        ('{"format": "other", "version": 1, "course": "c", "quizzes": []}', "not a medialit results file: format"),
        ('{"format": "medialit-results", "version": 1, "course": "c"}', "not a medialit results file: quizzes"),
    ],
)
def test_a_bad_results_file_is_one_clear_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "r.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResultsError, match=re.escape(message)):
        mark_results(path, {})


def test_a_quiz_the_course_does_not_have_is_named(tmp_path: Path) -> None:
    path = results_file(tmp_path / "r.json", [{"id": "nope", "answers": {}}])
    with pytest.raises(ResultsError, match=r"r\.json: quizzes\.0: no quiz bank 'nope'"):
        mark_results(path, {})


def test_the_mark_command_prints_a_table_and_writes_csv(tmp_path: Path, capsys) -> None:
    bank = load_bank(CAPSTONE)
    written = next(q for q in bank.questions if isinstance(q, ShortAnswer))
    answer = {"text": "My [bold]answer[/bold]", "ticked": [0]}
    path = results_file(tmp_path / "ana.json", [{"id": bank.id, "answers": {written.id: {"response": answer}}}], "[red]Ana[/red]")
    graded_bank = tmp_path / "capstone.yml"
    graded_bank.write_text(
        CAPSTONE.read_text(encoding="utf-8")
        .replace("\nquestions:\n", "\ngraded: true\nquestions:\n", 1)
        .replace("../articles/", f"{ROOT / 'articles'}/"),
        encoding="utf-8",
    )
    status = main(["mark", str(path), "--banks", str(graded_bank), "--written", "--csv", str(tmp_path / "marks.csv")])
    out = capsys.readouterr().out
    assert status == 0
    assert "ana.json" in out and "[red]Ana[/red]" in out and "My [bold]answer[/bold]" in out, "file text is never rich markup"
    lines = (tmp_path / "marks.csv").read_text(encoding="utf-8").splitlines()
    assert (
        lines[0]
        == "student,results_file,quiz,points,max_points,self_assessed,self_assessed_max,answered,questions,written_to_read"
    )
    assert lines[1].split(",")[2:] == [
        "capstone",
        "0",
        str(sum(grade(q, None).max_points for q in bank.questions if not isinstance(q, ShortAnswer))),
        "0",
        "0",
        "1",
        str(len(bank.questions)),
        "1",
    ]


def test_the_mark_command_with_a_bad_file_is_one_error_line(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bad.json"
    path.write_text("[]", encoding="utf-8")
    status = main(["mark", str(path), "--banks", str(ROOT / "exercises")])
    error = capsys.readouterr().err
    assert status == 1
    assert error.count("\n") == 1 and error.startswith(f"medialit: error: {path}: not a medialit results file")


def test_the_first_checked_answer_counts_and_the_final_one_and_tries_are_kept(tmp_path: Path) -> None:
    bank = load_bank(CAPSTONE)
    single = next(q for q in bank.questions if isinstance(q, SingleChoice))
    right = next(i for i, option in enumerate(single.options) if option.correct)
    wrong = next(i for i, option in enumerate(single.options) if not option.correct)
    answers = {single.id: {"response": right, "first_response": wrong, "tries": 2}}
    data = {"format": "medialit-results", "version": 2, "course": "c", "quizzes": [{"id": bank.id, "answers": answers}]}
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    (mark,) = mark_results(path, {bank.id: bank})
    detail = next(d for d in mark.details if d.question.id == single.id)
    assert mark.points == 0 and mark.answered == 1
    assert detail.first is not None and detail.first.points == 0
    assert detail.final is not None and detail.final.points == 1 and detail.tries == 2
    assert [(pick.label, pick.feedback) for pick in detail.wrong_picks] == [
        (single.options[wrong].text, single.options[wrong].feedback)
    ]
    assert mark.source == "r.json"


def test_a_version_1_file_counts_its_saved_answer_as_the_first_try(tmp_path: Path) -> None:
    bank = load_bank(CAPSTONE)
    single = next(q for q in bank.questions if isinstance(q, SingleChoice))
    right = next(i for i, option in enumerate(single.options) if option.correct)
    path = results_file(tmp_path / "r.json", [{"id": bank.id, "answers": {single.id: {"response": right}}}])
    (mark,) = mark_results(path, {bank.id: bank})
    detail = next(d for d in mark.details if d.question.id == single.id)
    assert mark.points == 1 and detail.tries == 1 and detail.wrong_picks == ()


def test_written_answers_of_an_ordinary_quiz_are_to_read_and_self_assessed_apart(tmp_path: Path) -> None:
    bank = load_bank(CAPSTONE)
    assert not bank.graded
    written = next(q for q in bank.questions if isinstance(q, ShortAnswer))
    answer = {"text": "The article quotes one side.", "ticked": [0, 1]}
    path = results_file(tmp_path / "r.json", [{"id": bank.id, "answers": {written.id: {"response": answer}}}])
    (mark,) = mark_results(path, {bank.id: bank})
    assert [w.text for w in mark.to_read] == ["The article quotes one side."]
    assert (mark.points, mark.self_points) == (0, 2)
    short_answers = [q for q in bank.questions if isinstance(q, ShortAnswer)]
    assert mark.self_max == sum(len(q.rubric) for q in short_answers)
    assert mark.max_points == sum(grade(q, None).max_points for q in bank.questions if not isinstance(q, ShortAnswer))


def test_a_graded_quiz_numbers_options_by_display_position(tmp_path: Path) -> None:
    bank = graded(load_bank(CAPSTONE))
    single = next(q for q in bank.questions if isinstance(q, SingleChoice))
    right = next(i for i, option in enumerate(single.options) if option.correct)
    position = option_order(single).index(right)
    path = results_file(tmp_path / "r.json", [{"id": bank.id, "answers": {single.id: {"response": position}}}])
    (mark,) = mark_results(path, {bank.id: bank})
    assert mark.points == 1
