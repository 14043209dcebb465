"""Marking handed-in results: the teacher's side of the "My progress" download.

A student hands in the results file the progress page downloads (``medialit-results``, version 2;
version 1 files, which kept only the last answer, are still read). The teacher marks it with the
bank files: every saved response is graded again here, by the same rules as the site
(:func:`medialit.quiz.grade.grade`), so a score does not rest on what a browser wrote; and a graded
quiz, whose keys the site never had, gets its points only here.

**The first try counts.** A question's points are those of the first answer the student checked:
after a check the page shows the right answer, so a later try measures reading, not knowing. The
final answer and the number of tries are kept too, for the teacher to see. Written answers are
apart: their rubric points are the student's own assessment, totalled on their own, never added to
the auto-marked points; in a graded quiz they are for the teacher to read and carry no points here.

A graded quiz's page numbers options, matching choices and ordering items by where they are shown
(its bank order would give the key away), so its responses are turned back into bank order with the
same display orders the page used (:mod:`medialit.quiz.layout`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from medialit.errors import MedialitError
from medialit.quiz.grade import Mark, ResponseError, Result, Status, bank_maxima, grade, is_self_assessed, right_items
from medialit.quiz.layout import matching_choices, option_order, ordering_start
from medialit.quiz.model import (
    FindInText,
    Matching,
    MultipleSelect,
    Ordering,
    Question,
    QuizBank,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)

RESULTS_VERSION = 2
"""The version of the results file the progress page writes (see ``quiz.js``)."""


class ResultsError(MedialitError):
    """A results file cannot be read, or does not fit the course's banks. Names the file and place."""


class _Loose(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class SavedAnswer(_Loose):
    response: Any = None
    """The final answer: what the question shows now."""
    first_response: Any = None
    """The first answer the student checked (version 2; absent in version 1 files)."""
    tries: int | None = None
    """How many times the student checked an answer (version 2)."""

    def first(self) -> Any:
        """The answer that counts: the first checked one, or (never checked, or a version 1 file) the saved one."""
        return self.first_response if self.first_response is not None else self.response


class QuizResults(_Loose):
    id: str
    answers: dict[str, SavedAnswer] = {}


class ResultsFile(_Loose):
    """The file the progress page downloads (only what marking reads; totals are recomputed)."""

    format: Literal["medialit-results"]
    version: Literal[1, 2]
    course: str
    student: str = ""
    """The name the student typed on the progress page (older files have none)."""
    quizzes: list[QuizResults]


class Counted(StrEnum):
    """How a question's points count."""

    AUTO = "auto"
    """Marked by the grader's rules: the first try's points."""
    SELF = "self"
    """A written answer in an ordinary quiz: the rubric items the student ticked, totalled apart."""
    TEACHER = "teacher"
    """A written answer in a graded quiz: the teacher reads it; no points here."""


@dataclass(frozen=True)
class WrittenAnswer:
    """A written answer, for the teacher to read."""

    question_id: str
    prompt: str
    text: str


@dataclass(frozen=True)
class WrongPick:
    """A wrong part of a first try: the option, match, item or paragraph, and the feedback that names its misconception."""

    part: str
    """The part's key in the grader's marks (option index, pair index, item index, paragraph number, "answer")."""
    label: str
    """What the student chose, in words: the option text, "True", "left → right", an item, "P7"."""
    feedback: str | None
    """The bank's feedback for that choice (None where the bank gives none)."""


@dataclass(frozen=True)
class QuestionMark:
    """One question of one quiz of one results file, marked."""

    question: Question
    counted: Counted
    first: Result | None
    """The first try's grade (None if the saved answer does not fit the question)."""
    final: Result | None
    """The final answer's grade (None if it does not fit)."""
    tries: int
    wrong_picks: tuple[WrongPick, ...]
    """The wrong parts of the first try."""

    @property
    def unreadable(self) -> bool:
        """The saved answer is to an older version of the question."""
        return self.first is None


@dataclass(frozen=True)
class QuizMark:
    """One quiz of one results file, marked."""

    source: str
    """The results file's name: tells apart students with the same name, or none."""
    student: str
    """The name in the results file ("" if the student gave none)."""
    quiz_id: str
    title: str
    graded: bool
    points: int
    """Auto-marked points, first tries only."""
    max_points: int
    """What the auto-marked questions are out of."""
    self_points: int
    """Rubric points the student gave their own written answers (ordinary quizzes)."""
    self_max: int
    answered: int
    questions: int
    to_read: tuple[WrittenAnswer, ...]
    """Every written answer with text, in graded and ordinary quizzes alike."""
    details: tuple[QuestionMark, ...]

    @property
    def unreadable(self) -> tuple[str, ...]:
        """Ids of questions whose saved answer does not fit the question (an older version of it)."""
        return tuple(detail.question.id for detail in self.details if detail.unreadable)


def load_results(path: Path) -> ResultsFile:
    """Read a results file; ResultsError naming the file and the field if it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ResultsError(f"{path}: cannot read: {error.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ResultsError(f"{path}: not a results file (not JSON: {error})") from None
    try:
        return ResultsFile.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        place = ".".join(str(part) for part in first["loc"]) or "(top)"
        raise ResultsError(f"{path}: not a medialit results file: {place}: {first['msg']}") from None


def in_bank_order(bank: QuizBank, question: Question, response: Any) -> Any:
    """A graded quiz's choice, matching and ordering responses, from display positions to bank indices."""
    if not bank.graded or response is None:
        return response
    try:
        if isinstance(question, SingleChoice) and isinstance(response, int) and not isinstance(response, bool):
            return option_order(question)[response]
        if isinstance(question, MultipleSelect) and isinstance(response, list):
            shown = option_order(question)
            return sorted(shown[position] for position in response)
        if isinstance(question, Matching) and isinstance(response, list):
            shown = matching_choices(question)
            return [None if value is None else shown[value] for value in response]
        if isinstance(question, Ordering) and isinstance(response, list):
            shown = ordering_start(question)
            return [shown[position] for position in response]
    except (IndexError, TypeError):
        return response  # left as it is: the grader reports it as not fitting the question
    return response


def wrong_picks(question: Question, response: Any, result: Result) -> tuple[WrongPick, ...]:
    """The parts of a graded response marked wrong, each with what was chosen and the bank's feedback for it."""
    wrong = [part for part, mark in result.marks.items() if mark is Mark.WRONG]
    match question:
        case SingleChoice() | MultipleSelect():
            return tuple(WrongPick(p, question.options[int(p)].text, question.options[int(p)].feedback) for p in wrong)
        case TrueFalse():
            feedback = question.feedback.when_true if response else question.feedback.when_false
            return tuple(WrongPick(p, "True" if response else "False", feedback) for p in wrong)
        case Matching():
            rights = right_items(question)
            return tuple(
                WrongPick(p, f"{question.pairs[int(p)].left} → {rights[response[int(p)]]}", question.pairs[int(p)].feedback)
                for p in wrong
            )
        case Ordering():
            return tuple(WrongPick(p, question.items[int(p)].text, question.items[int(p)].feedback) for p in wrong)
        case FindInText():
            return tuple(WrongPick(p, f"P{p}", question.feedback.get(int(p))) for p in wrong)
    return ()


def _graded(question: Question, response: Any) -> Result | None:
    try:
        return grade(question, response)
    except ResponseError:
        return None


def _counted(bank: QuizBank, question: Question) -> Counted:
    if not is_self_assessed(question):
        return Counted.AUTO
    return Counted.TEACHER if bank.graded else Counted.SELF


def mark_question(bank: QuizBank, question: Question, saved: SavedAnswer | None) -> QuestionMark:
    """Grade one question's first try and final answer; a graded quiz's saved answer is both."""
    saved = saved or SavedAnswer()
    final_response = in_bank_order(bank, question, saved.response)
    first_response = final_response if bank.graded else in_bank_order(bank, question, saved.first())
    counted = _counted(bank, question)
    first, final = _graded(question, first_response), _graded(question, final_response)
    answered = final is not None and final.status is not Status.UNANSWERED
    tries = saved.tries if saved.tries is not None else int(answered and not bank.graded)
    picks = wrong_picks(question, first_response, first) if first is not None else ()
    return QuestionMark(question, counted, first, final, tries, picks)


def _written(detail: QuestionMark, response: Any) -> WrittenAnswer | None:
    text = response.get("text", "") if isinstance(response, dict) else ""
    if not isinstance(text, str) or not text.strip():
        return None
    return WrittenAnswer(detail.question.id, detail.question.prompt, text.strip())


def mark_quiz(bank: QuizBank, results: QuizResults, student: str = "", source: str = "") -> QuizMark:
    """Grade every saved response of one quiz with the bank's key: first tries, final answers, written answers."""
    details = tuple(mark_question(bank, question, results.answers.get(question.id)) for question in bank.questions)
    auto = [d for d in details if d.counted is Counted.AUTO]
    selfs = [d for d in details if d.counted is Counted.SELF]
    max_points, self_max = bank_maxima(bank)
    to_read = []
    for detail in details:
        if isinstance(detail.question, ShortAnswer):
            saved = results.answers.get(detail.question.id)
            written = _written(detail, saved.response if saved else None)
            if written is not None:
                to_read.append(written)
    answered = sum(d.final is not None and d.final.status is not Status.UNANSWERED for d in details)
    return QuizMark(
        source=source,
        student=student.strip(),
        quiz_id=bank.id,
        title=bank.title,
        graded=bank.graded,
        points=sum(d.first.points for d in auto if d.first is not None),
        max_points=max_points,
        self_points=sum(d.final.points for d in selfs if d.final is not None),
        self_max=self_max,
        answered=answered,
        questions=len(bank.questions),
        to_read=tuple(to_read),
        details=details,
    )


def mark_results(path: Path, banks: dict[str, QuizBank]) -> list[QuizMark]:
    """Mark every quiz of the results file at ``path`` against ``banks`` (by bank id)."""
    results = load_results(path)
    marks = []
    for position, quiz in enumerate(results.quizzes):
        if quiz.id not in banks:
            raise ResultsError(f"{path}: quizzes.{position}: no quiz bank {quiz.id!r} in this course")
        marks.append(mark_quiz(banks[quiz.id], quiz, results.student, path.name))
    return marks
