"""The marking report: what a class's results files say, per student, per question and per wrong choice.

``medialit mark`` marks each results file (:mod:`medialit.quiz.mark`); this module gathers the
marked quizzes of a class into one :class:`MarkingReport` and writes it as a standalone HTML page
(:func:`render_report`) or as CSV tables (:func:`marks_csv`, :func:`questions_csv`,
:func:`choices_csv`). Every function is pure: the same results files give the same report, byte
for byte (nothing random, nothing dated).

What the figures mean:

* **First-try points** are the auto-marked points of each question's first checked answer (see
  :mod:`medialit.quiz.mark`); **self-assessed** points, the rubric items students ticked for their
  own written answers in ordinary quizzes, are always totalled apart, never added to them.
* Per question: how many students **answered** it, how many were **right on the first try** (full
  points), the **mean share of points** their first tries earned, and the **mean tries** among the
  students who checked an answer at all (a graded quiz has no Check button, hence no tries).
* Per wrong choice (an option, a true/false answer, a match, an item out of place, a paragraph):
  how many students made it on their first try, of how many answered the question, with the
  bank's feedback for it, which names the misconception the choice reflects.
* A student is one results file. Students whose names are the same (ignoring case and spacing) or
  who typed none are told apart by the file's name (its path, where two files have the same name).

Names, answers and bank texts are data: the HTML template escapes every one of them (autoescaping,
no ``|safe`` on any of them), and CSV cells from files go through
:func:`medialit.escape.csv_cell`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Final

from markupsafe import Markup

from medialit.escape import csv_cell
from medialit.quiz.grade import Status, grade
from medialit.quiz.mark import Counted, QuestionMark, QuizMark
from medialit.quiz.model import QuestionType
from medialit.quiz.render_print import TYPE_NAMES, document_templates

NO_NAME: Final = "(no name)"
"""How a student who typed no name on the progress page is shown."""

NOT_APPLICABLE: Final = "–"
"""A figure that has nothing to measure: nobody answered, or nobody checked an answer."""


# ---------------------------------------------------------------- the report's parts


@dataclass(frozen=True)
class QuizColumn:
    """A quiz some results file holds, in the order the files first hold them."""

    quiz_id: str
    title: str
    graded: bool
    questions: int


@dataclass(frozen=True)
class QuizScore:
    """One student's marks in one quiz."""

    quiz_id: str
    points: int
    """Auto-marked points, first tries only."""
    max_points: int
    self_points: int
    """Rubric points the student gave their own written answers (ordinary quizzes only)."""
    self_max: int
    answered: int
    questions: int
    to_read: int
    """Written answers with text, for the teacher to read."""
    unreadable: int
    """Answers saved by another version of a question (marked 0, reported)."""


@dataclass(frozen=True)
class StudentRow:
    """One results file: one student and their marks in every quiz the file holds."""

    name: str
    """The name in the file, as typed ("" if none)."""
    path: str
    """The results file as given on the command line."""
    file: str
    """The results file's name (its path where two files given have the same name)."""
    told_apart: bool
    """Another file has the same name, or the file has none: the file's name goes with it."""
    scores: tuple[QuizScore, ...]

    @property
    def label(self) -> str:
        """The student as the report shows them: the name (or "(no name)"), and the file where needed."""
        shown = self.name or NO_NAME
        return f"{shown} ({self.file})" if self.told_apart else shown

    def score(self, quiz_id: str) -> QuizScore | None:
        return next((score for score in self.scores if score.quiz_id == quiz_id), None)

    @property
    def points(self) -> int:
        return sum(score.points for score in self.scores)

    @property
    def max_points(self) -> int:
        return sum(score.max_points for score in self.scores)

    @property
    def self_points(self) -> int:
        return sum(score.self_points for score in self.scores)

    @property
    def self_max(self) -> int:
        return sum(score.self_max for score in self.scores)

    @property
    def answered(self) -> int:
        return sum(score.answered for score in self.scores)

    @property
    def questions(self) -> int:
        return sum(score.questions for score in self.scores)

    @property
    def to_read(self) -> int:
        return sum(score.to_read for score in self.scores)

    @property
    def unreadable(self) -> int:
        return sum(score.unreadable for score in self.scores)


@dataclass(frozen=True)
class QuestionRow:
    """One question of one quiz, across every student whose file holds the quiz."""

    quiz_id: str
    number: int
    """Its place in the bank, from 1."""
    question_id: str
    prompt: str
    type: QuestionType
    counted: Counted
    max_points: int
    students: int
    """Results files that hold the quiz."""
    answered: int
    """Students who answered (the first try for auto-marked questions; the written text otherwise)."""
    right: int
    """Students whose first try earned full points (auto-marked questions only)."""
    points: int
    """First-try points (auto-marked) or self-assessed points (written answers), summed over the students who answered."""
    checked: int
    """Students who checked an answer at least once."""
    tries: int
    """Their checks, summed."""
    unreadable: int
    """Students whose saved answer fits another version of the question."""

    @property
    def type_name(self) -> str:
        return TYPE_NAMES[self.type]

    @property
    def right_share(self) -> float | None:
        """Share of those who answered who were right on the first try (None for written answers, or nobody answered)."""
        if self.counted is not Counted.AUTO or not self.answered:
            return None
        return self.right / self.answered

    @property
    def points_share(self) -> float | None:
        """Mean share of the question's points among those who answered (self-assessed for written answers)."""
        if self.counted is Counted.TEACHER or not self.answered or not self.max_points:
            return None
        return self.points / (self.answered * self.max_points)

    @property
    def mean_tries(self) -> float | None:
        """Mean number of checks among the students who checked an answer (None if nobody did)."""
        return self.tries / self.checked if self.checked else None


@dataclass(frozen=True)
class WrongChoice:
    """A wrong choice some students made on their first try, with the misconception the bank's feedback names."""

    quiz_id: str
    quiz_title: str
    number: int
    question_id: str
    prompt: str
    part: str
    """The part's key in the grader's marks (option index, pair index, item index, paragraph number, "answer")."""
    label: str
    """What was chosen, in words."""
    feedback: str | None
    """The bank's feedback for that choice: the misconception it names (None where the bank gives none)."""
    chosen: int
    """Students who made this choice on their first try."""
    answered: int
    """Students who answered the question."""

    @property
    def share(self) -> float:
        return self.chosen / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class AnswerToRead:
    """A written answer, for the teacher to read."""

    student: str
    """The student's label (told apart by file where needed)."""
    file: str
    quiz_id: str
    quiz_title: str
    graded: bool
    number: int
    question_id: str
    prompt: str
    text: str
    self_points: int | None
    """Rubric points the student ticked (ordinary quizzes; None in a graded quiz, where the teacher marks it)."""
    self_max: int | None


@dataclass(frozen=True)
class MarkingReport:
    """A class's results files, marked and gathered."""

    quizzes: tuple[QuizColumn, ...]
    students: tuple[StudentRow, ...]
    questions: tuple[QuestionRow, ...]
    """Every question of every quiz, quiz by quiz, in bank order."""
    wrong_choices: tuple[WrongChoice, ...]
    """Most often chosen first; ties in quiz, question and label order."""
    to_read: tuple[AnswerToRead, ...]
    """Student by student, quiz by quiz, in bank order."""

    def quiz_questions(self, quiz_id: str) -> tuple[QuestionRow, ...]:
        return tuple(row for row in self.questions if row.quiz_id == quiz_id)


# ---------------------------------------------------------------- gathering


def _same_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def _files_shown(paths: Sequence[Path]) -> dict[Path, str]:
    """Each file's name; its path as given where two different files have the same name."""
    names = [path.name for path in paths]
    return {path: path.name if names.count(path.name) == 1 else str(path) for path in paths}


def _score(mark: QuizMark) -> QuizScore:
    return QuizScore(
        quiz_id=mark.quiz_id,
        points=mark.points,
        max_points=mark.max_points,
        self_points=mark.self_points,
        self_max=mark.self_max,
        answered=mark.answered,
        questions=mark.questions,
        to_read=len(mark.to_read),
        unreadable=len(mark.unreadable),
    )


def _students(by_file: dict[Path, list[QuizMark]]) -> tuple[StudentRow, ...]:
    shown = _files_shown(list(by_file))
    names = [_same_name(marks[0].student) for marks in by_file.values()]
    rows = []
    for (path, marks), name in zip(by_file.items(), names, strict=True):
        told_apart = not name or names.count(name) > 1
        scores = tuple(_score(mark) for mark in marks)
        rows.append(StudentRow(marks[0].student, str(path), shown[path], told_apart, scores))
    return tuple(rows)


def _answer(detail: QuestionMark) -> tuple[bool, int] | None:
    """Whether the question was answered and the points that count, or None if the answer cannot be read."""
    result = detail.first if detail.counted is Counted.AUTO else detail.final
    if result is None:
        return None
    return result.status is not Status.UNANSWERED, result.points


def _question_row(quiz_id: str, number: int, details: Sequence[QuestionMark]) -> QuestionRow:
    question = details[0].question
    answered = right = points = checked = tries = unreadable = 0
    for detail in details:
        if detail.tries > 0:
            checked += 1
            tries += detail.tries
        answer = _answer(detail)
        if answer is None:
            unreadable += 1
            continue
        if answer[0]:
            answered += 1
            points += answer[1]
            right += detail.counted is Counted.AUTO and detail.first is not None and detail.first.status is Status.CORRECT
    return QuestionRow(
        quiz_id=quiz_id,
        number=number,
        question_id=question.id,
        prompt=question.prompt,
        type=QuestionType(question.type),
        counted=details[0].counted,
        max_points=grade(question, None).max_points,
        students=len(details),
        answered=answered,
        right=right,
        points=points,
        checked=checked,
        tries=tries,
        unreadable=unreadable,
    )


def _wrong_choices(quiz: QuizColumn, rows: Sequence[QuestionRow], marks: Sequence[QuizMark]) -> list[WrongChoice]:
    counts: dict[tuple[int, str, str], int] = {}
    feedback: dict[tuple[int, str, str], str | None] = {}
    for mark in marks:
        for number, detail in enumerate(mark.details, start=1):
            if detail.counted is not Counted.AUTO:
                continue
            for pick in detail.wrong_picks:
                key = (number, pick.part, pick.label)
                counts[key] = counts.get(key, 0) + 1
                feedback.setdefault(key, pick.feedback)
    choices = []
    for (number, part, label), chosen in counts.items():
        row = rows[number - 1]
        choices.append(
            WrongChoice(
                quiz.quiz_id,
                quiz.title,
                number,
                row.question_id,
                row.prompt,
                part,
                label,
                feedback[number, part, label],
                chosen,
                row.answered,
            )
        )
    return choices


def _to_read(student: StudentRow, mark: QuizMark) -> list[AnswerToRead]:
    numbers = {detail.question.id: number for number, detail in enumerate(mark.details, start=1)}
    answers = []
    for written in mark.to_read:
        number = numbers[written.question_id]
        detail = mark.details[number - 1]
        own = detail.counted is Counted.SELF and detail.final is not None
        answers.append(
            AnswerToRead(
                student=student.label,
                file=student.file,
                quiz_id=mark.quiz_id,
                quiz_title=mark.title,
                graded=mark.graded,
                number=number,
                question_id=written.question_id,
                prompt=written.prompt,
                text=written.text,
                self_points=detail.final.points if own and detail.final is not None else None,
                self_max=detail.final.max_points if own and detail.final is not None else None,
            )
        )
    return answers


def build_report(marked: Iterable[tuple[Path, QuizMark]]) -> MarkingReport:
    """Gather the marked quizzes of a class (each with the results file it came from) into one report.

    Every results file is one student, in the order given (give each file once).
    """
    by_file: dict[Path, list[QuizMark]] = {}
    for path, mark in marked:
        by_file.setdefault(path, []).append(mark)
    by_quiz: dict[str, list[QuizMark]] = {}
    for marks in by_file.values():
        for mark in marks:
            by_quiz.setdefault(mark.quiz_id, []).append(mark)
    quizzes = tuple(QuizColumn(m[0].quiz_id, m[0].title, m[0].graded, m[0].questions) for m in by_quiz.values())
    students = _students(by_file)
    questions: list[QuestionRow] = []
    choices: list[WrongChoice] = []
    for quiz in quizzes:
        marks = by_quiz[quiz.quiz_id]
        rows = [
            _question_row(quiz.quiz_id, number, [mark.details[number - 1] for mark in marks])
            for number in range(1, len(marks[0].details) + 1)
        ]
        questions += rows
        choices += _wrong_choices(quiz, rows, marks)
    order = {quiz.quiz_id: position for position, quiz in enumerate(quizzes)}
    choices.sort(key=lambda c: (-c.chosen, order[c.quiz_id], c.number, c.label))
    to_read = [
        answer
        for student, marks in zip(students, by_file.values(), strict=True)
        for mark in marks
        for answer in _to_read(student, mark)
    ]
    return MarkingReport(quizzes, students, tuple(questions), tuple(choices), tuple(to_read))


# ---------------------------------------------------------------- HTML


def percent(share: float | None) -> str:
    """A share as a whole percentage ("67%"), or the not-applicable mark."""
    return NOT_APPLICABLE if share is None else f"{round(share * 100)}%"


def one_decimal(value: float | None) -> str:
    """A mean to one decimal place ("1.5"), or the not-applicable mark."""
    return NOT_APPLICABLE if value is None else f"{value:.1f}"


def quantity(count: int, one: str, many: str) -> str:
    """A count with its noun ("1 quiz", "3 quizzes")."""
    return f"{count} {one if count == 1 else many}"


_ENVIRONMENT: Final = document_templates()
_ENVIRONMENT.filters["percent"] = percent
_ENVIRONMENT.filters["one_decimal"] = one_decimal
_ENVIRONMENT.filters["quantity"] = quantity


def report_css() -> str:
    """The report's stylesheet (``static/report.css``): screen and print."""
    return (files("medialit.quiz") / "static" / "report.css").read_text(encoding="utf-8")


def render_report(report: MarkingReport) -> str:
    """The report as one standalone HTML page: inline CSS, no script, nothing fetched; printable."""
    template = _ENVIRONMENT.get_template("report.html.j2")
    # The stylesheet is the package's own file, not text from a results file or a bank; it sits in
    # <style>, where entities are not decoded, so it is passed as it is.
    return template.render(report=report, css=Markup(report_css()), Counted=Counted, no_name=NO_NAME, dash=NOT_APPLICABLE)


# ---------------------------------------------------------------- CSV


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _decimal(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


MARKS_COLUMNS: Final = (
    "student",
    "results_file",
    "quiz",
    "points",
    "max_points",
    "self_assessed",
    "self_assessed_max",
    "answered",
    "questions",
    "written_to_read",
)
"""``--csv``: one row per student and quiz, for a gradebook (``points`` are first-try points)."""

QUESTIONS_COLUMNS: Final = (
    "quiz",
    "number",
    "question",
    "type",
    "counted",
    "prompt",
    "students",
    "answered",
    "right_first_try",
    "mean_points_share",
    "checked",
    "mean_tries",
    "unreadable",
)
"""``--csv-questions``: one row per question."""

CHOICES_COLUMNS: Final = ("quiz", "number", "question", "part", "chosen", "students_first_try", "answered", "feedback")
"""``--csv-choices``: one row per wrong choice made on a first try."""


def marks_csv(report: MarkingReport) -> str:
    """One row per student and quiz (the student's name as in the file; the file tells students apart)."""
    rows = (
        [
            csv_cell(student.name),
            csv_cell(student.path),
            csv_cell(score.quiz_id),
            score.points,
            score.max_points,
            score.self_points,
            score.self_max,
            score.answered,
            score.questions,
            score.to_read,
        ]
        for student in report.students
        for score in student.scores
    )
    return _csv(MARKS_COLUMNS, rows)


def questions_csv(report: MarkingReport) -> str:
    """One row per question: answered, right on the first try, mean share of points, mean tries."""
    rows = (
        [
            csv_cell(row.quiz_id),
            row.number,
            csv_cell(row.question_id),
            str(row.type),
            str(row.counted),
            csv_cell(row.prompt),
            row.students,
            row.answered,
            row.right if row.counted is Counted.AUTO else "",
            _decimal(row.points_share),
            row.checked,
            _decimal(row.mean_tries),
            row.unreadable,
        ]
        for row in report.questions
    )
    return _csv(QUESTIONS_COLUMNS, rows)


def choices_csv(report: MarkingReport) -> str:
    """One row per wrong choice made on a first try, most chosen first, with the bank's feedback for it."""
    rows = (
        [
            csv_cell(choice.quiz_id),
            choice.number,
            csv_cell(choice.question_id),
            csv_cell(choice.part),
            csv_cell(choice.label),
            choice.chosen,
            choice.answered,
            csv_cell(choice.feedback or ""),
        ]
        for choice in report.wrong_choices
    )
    return _csv(CHOICES_COLUMNS, rows)
