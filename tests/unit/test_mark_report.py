"""The marking report (``medialit mark --html/--csv``): its figures, its HTML and its CSV.

Results files are written here, version 2 (first try, final answer, tries) and version 1 (the saved
answer only), and marked against the flagship's capstone bank, ordinary and graded. Every expected
figure is worked out from the answers given and the bank's key, never copied from the report.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from helpers import ROOT, read_report
from medialit.cli import main
from medialit.quiz import grade, load_bank
from medialit.quiz.layout import option_order
from medialit.quiz.mark import Counted, QuizMark, mark_results
from medialit.quiz.model import MultipleSelect, Option, QuizBank, ShortAnswer, SingleChoice, TrueFalse
from medialit.quiz.report import (
    CHOICES_COLUMNS,
    MARKS_COLUMNS,
    NO_NAME,
    QUESTIONS_COLUMNS,
    MarkingReport,
    build_report,
    choices_csv,
    marks_csv,
    questions_csv,
    render_report,
)

CAPSTONE = ROOT / "exercises" / "capstone.yml"
BANK = load_bank(CAPSTONE)
SINGLE = next(q for q in BANK.questions if isinstance(q, SingleChoice))
TRUE_FALSE = next(q for q in BANK.questions if isinstance(q, TrueFalse))
MULTIPLE = next(q for q in BANK.questions if isinstance(q, MultipleSelect))
WRITTEN = next(q for q in BANK.questions if isinstance(q, ShortAnswer))
RIGHT = next(i for i, option in enumerate(SINGLE.options) if option.correct)
WRONG = next(i for i, option in enumerate(SINGLE.options) if not option.correct)
MULTIPLE_CORRECT = [i for i, option in enumerate(MULTIPLE.options) if option.correct]
MULTIPLE_WRONG = next(i for i, option in enumerate(MULTIPLE.options) if not option.correct)
MIXED = sorted([*MULTIPLE_CORRECT[:1], MULTIPLE_WRONG])
"""One right option and one wrong one: partly right, with one wrong choice."""
HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def number_of(question_id: str, bank: QuizBank = BANK) -> int:
    return next(n for n, q in enumerate(bank.questions, start=1) if q.id == question_id)


def write_results(path: Path, answers: dict[str, Any], *, student: str | None = None, version: int = 2) -> Path:
    data: dict[str, Any] = {"format": "medialit-results", "version": version, "course": "c"}
    if student is not None:
        data["student"] = student
    data["quizzes"] = [{"id": BANK.id, "answers": answers}]
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def marked(paths: list[Path], bank: QuizBank = BANK) -> list[tuple[Path, QuizMark]]:
    return [(path, mark) for path in paths for mark in mark_results(path, {bank.id: bank})]


@pytest.fixture
def class_files(tmp_path: Path) -> list[Path]:
    """Four students of an ordinary quiz: two with the same name, one with none (a version 1 file), one answering nothing."""
    return [
        write_results(
            tmp_path / "ana.json",
            {
                SINGLE.id: {"response": RIGHT, "first_response": WRONG, "tries": 2},
                TRUE_FALSE.id: {"response": not TRUE_FALSE.answer, "first_response": not TRUE_FALSE.answer, "tries": 1},
                WRITTEN.id: {"response": {"text": "Two voices are missing.", "ticked": [0, 1]}, "tries": 1},
            },
            student="Ana",
        ),
        write_results(
            tmp_path / "ana-again.json",
            {
                SINGLE.id: {"response": RIGHT, "first_response": RIGHT, "tries": 1},
                MULTIPLE.id: {"response": MULTIPLE_CORRECT, "first_response": MIXED, "tries": 3},
            },
            student="  ana ",
        ),
        write_results(
            tmp_path / "nameless.json",
            {SINGLE.id: {"response": WRONG}, WRITTEN.id: {"response": {"text": "Nobody from Serbia.", "ticked": []}}},
            version=1,
        ),
        write_results(tmp_path / "ben.json", {}, student="Ben"),
    ]


def report_of(paths: list[Path], bank: QuizBank = BANK) -> MarkingReport:
    return build_report(marked(paths, bank))


# ---------------------------------------------------------------- the figures


def test_students_with_the_same_name_or_none_are_told_apart_by_file(class_files: list[Path]) -> None:
    report = report_of(class_files)
    assert [s.label for s in report.students] == [
        "Ana (ana.json)",
        "ana (ana-again.json)",
        f"{NO_NAME} (nameless.json)",
        "Ben",
    ]
    assert [s.path for s in report.students] == [str(path) for path in class_files]


def test_each_student_has_first_try_points_and_self_assessed_points_apart(class_files: list[Path]) -> None:
    report = report_of(class_files)
    ana, ana_again, nameless, ben = report.students
    max_points = sum(grade(q, None).max_points for q in BANK.questions if not isinstance(q, ShortAnswer))
    self_max = sum(len(q.rubric) for q in BANK.questions if isinstance(q, ShortAnswer))
    # Ana's single choice was wrong on the first try (right later): 0; her true/false was wrong: 0.
    assert (ana.points, ana.max_points, ana.self_points, ana.self_max, ana.answered, ana.to_read) == (
        0,
        max_points,
        2,
        self_max,
        3,
        1,
    )
    assert (ana_again.points, ana_again.self_points, ana_again.answered, ana_again.to_read) == (
        1 + grade(MULTIPLE, MIXED).points,
        0,
        2,
        0,
    )
    # A version 1 file: its saved answer is the first try.
    assert (nameless.points, nameless.self_points, nameless.answered, nameless.to_read) == (0, 0, 2, 1)
    assert (ben.points, ben.answered, ben.questions) == (0, 0, len(BANK.questions))
    assert [score.quiz_id for score in ana.scores] == [BANK.id]
    assert [(q.quiz_id, q.title, q.graded) for q in report.quizzes] == [(BANK.id, BANK.title, False)]


def test_each_question_has_answered_right_on_first_try_mean_share_and_mean_tries(class_files: list[Path]) -> None:
    report = report_of(class_files)
    rows = {row.question_id: row for row in report.questions}
    assert [row.question_id for row in report.questions] == [q.id for q in BANK.questions]
    single = rows[SINGLE.id]
    # First tries: Ana wrong, Ana (again) right, the nameless file wrong; Ben did not answer.
    assert (single.students, single.answered, single.right, single.points) == (4, 3, 1, 1)
    assert single.right_share == pytest.approx(1 / 3) and single.points_share == pytest.approx(1 / 3)
    # Tries: 2 and 1 (version 2), and 1 for the version 1 file's checked answer.
    assert (single.checked, single.tries) == (3, 4) and single.mean_tries == pytest.approx(4 / 3)
    multiple = rows[MULTIPLE.id]
    expected = grade(MULTIPLE, MIXED)
    assert (multiple.answered, multiple.right, multiple.points, multiple.mean_tries) == (1, 0, expected.points, 3.0)
    assert multiple.points_share == pytest.approx(expected.points / expected.max_points)
    written = rows[WRITTEN.id]
    assert written.counted is Counted.SELF and written.right_share is None
    assert (written.answered, written.points) == (2, 2)
    assert written.points_share == pytest.approx(2 / (2 * len(WRITTEN.rubric)))
    nobody = next(row for row in report.questions if row.question_id not in {SINGLE.id, MULTIPLE.id, WRITTEN.id, TRUE_FALSE.id})
    assert (nobody.answered, nobody.right_share, nobody.points_share, nobody.mean_tries) == (0, None, None, None)


def test_each_wrong_choice_on_a_first_try_is_counted_with_its_feedback(class_files: list[Path]) -> None:
    report = report_of(class_files)
    found = [(c.question_id, c.part, c.label, c.chosen, c.answered, c.feedback) for c in report.wrong_choices]
    wrong_tf = not TRUE_FALSE.answer
    tf_feedback = TRUE_FALSE.feedback.when_true if wrong_tf else TRUE_FALSE.feedback.when_false
    option = MULTIPLE.options[MULTIPLE_WRONG]
    assert found == [
        (SINGLE.id, str(WRONG), SINGLE.options[WRONG].text, 2, 3, SINGLE.options[WRONG].feedback),
        *sorted(
            [
                (MULTIPLE.id, str(MULTIPLE_WRONG), option.text, 1, 1, option.feedback),
                (TRUE_FALSE.id, "answer", "True" if wrong_tf else "False", 1, 1, tf_feedback),
            ],
            key=lambda c: number_of(c[0]),
        ),
    ]
    assert report.wrong_choices[0].share == pytest.approx(2 / 3)
    assert report.wrong_choices[0].number == number_of(SINGLE.id)


def test_a_right_final_answer_does_not_hide_a_wrong_first_try(tmp_path: Path) -> None:
    path = write_results(tmp_path / "r.json", {SINGLE.id: {"response": RIGHT, "first_response": WRONG, "tries": 5}})
    (row,) = (row for row in report_of([path]).questions if row.question_id == SINGLE.id)
    assert (row.answered, row.right, row.mean_tries) == (1, 0, 5.0)


def test_written_answers_are_listed_to_read_with_their_self_assessment(class_files: list[Path]) -> None:
    report = report_of(class_files)
    assert [(a.student, a.question_id, a.number, a.text, a.self_points, a.self_max) for a in report.to_read] == [
        ("Ana (ana.json)", WRITTEN.id, number_of(WRITTEN.id), "Two voices are missing.", 2, len(WRITTEN.rubric)),
        (f"{NO_NAME} (nameless.json)", WRITTEN.id, number_of(WRITTEN.id), "Nobody from Serbia.", 0, len(WRITTEN.rubric)),
    ]


def test_a_graded_quiz_counts_the_answer_handed_in_and_leaves_written_answers_to_the_teacher(tmp_path: Path) -> None:
    bank = BANK.model_copy(update={"graded": True})
    position = option_order(SINGLE).index(WRONG)  # a graded page numbers options by where they are shown
    answers = {SINGLE.id: {"response": position}, WRITTEN.id: {"response": {"text": "Mine.", "ticked": []}}}
    paths = [write_results(tmp_path / "a.json", answers, student="A"), write_results(tmp_path / "b.json", {}, student="B")]
    report = report_of(paths, bank)
    rows = {row.question_id: row for row in report.questions}
    assert (rows[SINGLE.id].answered, rows[SINGLE.id].right, rows[SINGLE.id].mean_tries) == (1, 0, None)
    assert rows[WRITTEN.id].counted is Counted.TEACHER and rows[WRITTEN.id].points_share is None
    assert [(c.question_id, c.label, c.chosen, c.answered) for c in report.wrong_choices] == [
        (SINGLE.id, SINGLE.options[WRONG].text, 1, 1)
    ]
    (answer,) = report.to_read
    assert (answer.student, answer.graded, answer.text, answer.self_points) == ("A", True, "Mine.", None)
    assert report.quizzes[0].graded and report.students[0].self_max == 0


def test_files_with_the_same_name_in_two_folders_are_shown_by_path(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    paths = [write_results(tmp_path / folder / "results.json", {}, student=name) for folder, name in (("a", "X"), ("b", "X"))]
    assert [s.label for s in report_of(paths).students] == [f"X ({paths[0]})", f"X ({paths[1]})"]


# ---------------------------------------------------------------- HTML


def test_the_html_report_shows_the_figures(class_files: list[Path]) -> None:
    report = report_of(class_files)
    shown = read_report(render_report(report))
    ana = report.students[0]
    assert shown.students["Ana (ana.json)"] == [
        "ana.json",
        f"0 of {ana.max_points} self-assessed 2 of {ana.self_max}",
        f"0 of {ana.max_points} (0%)",
        f"2 of {ana.self_max}",
        f"3 of {len(BANK.questions)}",
        "1",
    ]
    assert shown.students[f"{NO_NAME} (nameless.json)"][-2:] == ["2 of 11", "1"]
    assert shown.questions[BANK.id, SINGLE.id] == {"answered": "3 of 4", "right": "1 (33%)", "share": "33%", "tries": "1.3"}
    assert shown.choices[BANK.id, SINGLE.id, SINGLE.options[WRONG].text] == {
        "students": "2 of 3 (67%)",
        "feedback": SINGLE.options[WRONG].feedback,
    }
    assert shown.written == [
        ("Ana (ana.json)", "Two voices are missing.", f"2 of {len(WRITTEN.rubric)}"),
        (f"{NO_NAME} (nameless.json)", "Nobody from Serbia.", f"0 of {len(WRITTEN.rubric)}"),
    ]


def test_the_html_report_is_one_accessible_file_with_nothing_to_run_or_fetch(class_files: list[Path]) -> None:
    html = render_report(report_of(class_files))
    page = BeautifulSoup(html, "html.parser")
    assert page.html is not None and page.html.get("lang") == "en"
    assert page.title is not None and page.title.string == "Marking report: 4 students, 1 quiz"
    assert page.find_all(["script", "link", "img", "iframe", "object", "embed", "base"]) == []
    assert [a["href"] for a in page.find_all("a")] == ["#students", "#questions", "#wrong-choices", "#written"]
    assert all(page.find(id=target[1:]) for target in ("#students", "#questions", "#wrong-choices", "#written"))
    attributes = {name for tag in page.find_all(True) for name in tag.attrs}
    assert not {name for name in attributes if name.startswith("on") or name in {"src", "srcset", "action", "formaction"}}
    levels = [int(h.name[1]) for h in page.find_all(re.compile(r"^h[1-6]$"))]
    assert levels[0] == 1 and levels.count(1) == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))
    tables = page.find_all("table")
    assert len(tables) == 4 and all(table.caption and table.caption.get_text(strip=True) for table in tables)
    assert all(th.get("scope") in {"col", "row"} for th in page.find_all("th"))
    style = page.style.string if page.style else ""
    assert "@media print" in style and "break-before: page" in style and "break-inside: avoid" in style
    assert render_report(report_of(class_files)) == html, "the same files give the same bytes"


def test_names_answers_and_bank_texts_are_shown_as_text_never_markup(tmp_path: Path) -> None:
    options = [
        o.model_copy(update={"text": f"{HOSTILE} {o.text}", "feedback": f"{HOSTILE} {o.feedback}"}) for o in SINGLE.options
    ]
    hostile_single = SINGLE.model_copy(update={"prompt": f"{HOSTILE} prompt", "options": options})
    questions = [hostile_single if q.id == SINGLE.id else q for q in BANK.questions]
    bank = BANK.model_copy(update={"title": f"{HOSTILE} title", "questions": questions})
    answers = {SINGLE.id: {"response": WRONG}, WRITTEN.id: {"response": {"text": f"{HOSTILE} answer", "ticked": []}}}
    paths = [write_results(tmp_path / "x.json", answers, student=HOSTILE)]
    html = render_report(report_of(paths, bank))
    page = BeautifulSoup(html, "html.parser")
    assert page.find_all(["script", "img"]) == []
    assert not any(name.startswith("on") for tag in page.find_all(True) for name in tag.attrs)
    text = page.get_text()
    for shown in (f"{HOSTILE} title", f"{HOSTILE} prompt", f"{HOSTILE} answer", options[WRONG].text, options[WRONG].feedback):
        assert shown in text
    assert text.count(HOSTILE) >= 6  # the student's name too, in the students and written answers tables


def test_an_empty_class_still_gives_a_readable_page() -> None:
    page = BeautifulSoup(render_report(build_report([])), "html.parser")
    assert page.find_all("table") == []
    assert "No results files hold a quiz." in page.get_text()
    assert "No wrong choices were made on a first try." in page.get_text()


# ---------------------------------------------------------------- CSV


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_the_csv_tables_hold_the_figures(class_files: list[Path]) -> None:
    report = report_of(class_files)
    marks = rows_of(marks_csv(report))
    assert marks[0] == list(MARKS_COLUMNS)
    names = ["Ana", "ana", "", "Ben"]
    assert [row[:3] for row in marks[1:]] == [[name, str(path), BANK.id] for name, path in zip(names, class_files, strict=True)]
    questions = rows_of(questions_csv(report))
    assert questions[0] == list(QUESTIONS_COLUMNS)
    single = next(row for row in questions[1:] if row[2] == SINGLE.id)
    assert dict(zip(QUESTIONS_COLUMNS, single, strict=True)) | {"prompt": ""} == {
        "quiz": BANK.id,
        "number": str(number_of(SINGLE.id)),
        "question": SINGLE.id,
        "type": "single",
        "counted": "auto",
        "prompt": "",
        "students": "4",
        "answered": "3",
        "right_first_try": "1",
        "mean_points_share": "0.333",
        "checked": "3",
        "mean_tries": "1.333",
        "unreadable": "0",
    }
    written = next(row for row in questions[1:] if row[2] == WRITTEN.id)
    assert (written[4], written[8]) == ("self", "")
    choices = rows_of(choices_csv(report))
    assert choices[0] == list(CHOICES_COLUMNS)
    assert choices[1] == [
        BANK.id,
        str(number_of(SINGLE.id)),
        SINGLE.id,
        str(WRONG),
        SINGLE.options[WRONG].text,
        "2",
        "3",
        SINGLE.options[WRONG].feedback,
    ]


def test_csv_cells_from_files_never_start_a_formula(tmp_path: Path) -> None:
    options = [
        Option(text="=HYPERLINK(1)", correct=False, feedback="+SUM(A1)"),
        *(o for o in SINGLE.options if o.correct),
    ]
    single = SINGLE.model_copy(update={"prompt": "-1+1 prompt", "options": options})
    bank = BANK.model_copy(update={"questions": [single if q.id == SINGLE.id else q for q in BANK.questions]})
    path = write_results(tmp_path / "x.json", {SINGLE.id: {"response": 0}}, student="@cmd")
    report = report_of([path], bank)
    assert rows_of(marks_csv(report))[1][0] == "'@cmd"
    assert next(row for row in rows_of(questions_csv(report)) if row[2] == SINGLE.id)[5] == "'-1+1 prompt"
    assert rows_of(choices_csv(report))[1][4:] == ["'=HYPERLINK(1)", "1", "1", "'+SUM(A1)"]


# ---------------------------------------------------------------- the command


def test_the_mark_command_writes_the_report_and_the_csv_files(class_files: list[Path], tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    out.mkdir()
    files = {option: out / name for option, name in (("--html", "r.html"), ("--csv", "m.csv"), ("--csv-questions", "q.csv"))}
    files["--csv-choices"] = out / "c.csv"
    given = [str(path) for path in class_files] + [str(class_files[0])]  # a file given twice is one student
    command = ["mark", *given, "--banks", str(CAPSTONE), *(str(part) for pair in files.items() for part in pair)]
    assert main(command) == 0
    printed = capsys.readouterr().out
    for path in files.values():
        assert f"Wrote {path}" in printed
    report = report_of(class_files)
    assert files["--html"].read_bytes().decode("utf-8") == render_report(report)
    assert files["--csv"].read_bytes().decode("utf-8") == marks_csv(report)
    assert files["--csv-questions"].read_bytes().decode("utf-8") == questions_csv(report)
    assert files["--csv-choices"].read_bytes().decode("utf-8") == choices_csv(report)
    assert sorted(p.name for p in out.iterdir()) == ["c.csv", "m.csv", "q.csv", "r.html"]


def test_a_report_that_cannot_be_written_is_one_error_line(class_files: list[Path], tmp_path: Path, capsys) -> None:
    missing = tmp_path / "no-such-folder" / "report.html"
    assert main(["mark", str(class_files[0]), "--banks", str(CAPSTONE), "--html", str(missing)]) == 1
    error = capsys.readouterr().err
    assert error == f"medialit: error: {missing}: cannot write: No such file or directory\n"
    assert not missing.parent.exists()
