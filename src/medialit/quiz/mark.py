"""Marking handed-in results: the teacher's side of the "My progress" download.

A student hands in the results file the progress page downloads (``medialit-results``, version 1).
The teacher marks it with the bank files: every saved response is graded again here, by the same
rules as the site (:func:`medialit.quiz.grade.grade`), so a score does not rest on what a
browser wrote; and a graded quiz, whose keys the site never had, gets its points only here.

A graded quiz's page numbers options, matching choices and ordering items by where they are shown
(its bank order would give the key away), so its responses are turned back into bank order with the
same display orders the page used (:mod:`medialit.quiz.layout`). Written answers in a graded quiz
are for the teacher to read: they are listed, and their points are not counted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from medialit.errors import MedialitError
from medialit.quiz.grade import ResponseError, grade
from medialit.quiz.layout import matching_choices, option_order, ordering_start
from medialit.quiz.model import Matching, MultipleSelect, Ordering, Question, QuizBank, ShortAnswer, SingleChoice


class ResultsError(MedialitError):
    """A results file cannot be read, or does not fit the course's banks. Names the file and place."""


class _Loose(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class SavedAnswer(_Loose):
    response: Any = None


class QuizResults(_Loose):
    id: str
    answers: dict[str, SavedAnswer] = {}


class ResultsFile(_Loose):
    """The file the progress page downloads (only what marking reads; totals are recomputed)."""

    format: Literal["medialit-results"]
    version: Literal[1]
    course: str
    student: str = ""
    """The name the student typed on the progress page (older files have none)."""
    quizzes: list[QuizResults]


@dataclass(frozen=True)
class WrittenAnswer:
    """A written answer in a graded quiz, for the teacher to read and mark."""

    question_id: str
    prompt: str
    text: str


@dataclass(frozen=True)
class QuizMark:
    """One quiz of one results file, marked."""

    student: str
    """The name in the results file ("" if the student gave none)."""
    quiz_id: str
    title: str
    graded: bool
    points: int
    max_points: int
    """The points the marked questions are out of (a graded quiz's written answers are not among them)."""
    answered: int
    questions: int
    to_read: tuple[WrittenAnswer, ...]
    unreadable: tuple[str, ...]
    """Ids of questions whose saved response does not fit the question (an older version of it)."""


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


def mark_quiz(bank: QuizBank, results: QuizResults, student: str = "") -> QuizMark:
    """Grade every saved response of one quiz with the bank's key."""
    points = max_points = answered = 0
    to_read: list[WrittenAnswer] = []
    unreadable: list[str] = []
    for question in bank.questions:
        saved = results.answers.get(question.id)
        response = in_bank_order(bank, question, saved.response if saved else None)
        if bank.graded and isinstance(question, ShortAnswer):
            text = response.get("text", "") if isinstance(response, dict) else ""
            if isinstance(text, str) and text.strip():
                answered += 1
                to_read.append(WrittenAnswer(question.id, question.prompt, text.strip()))
            continue
        try:
            result = grade(question, response)
        except ResponseError:
            unreadable.append(question.id)
            max_points += grade(question, None).max_points
            continue
        max_points += result.max_points
        points += result.points
        answered += result.status != "unanswered"
    return QuizMark(
        student=student.strip(),
        quiz_id=bank.id,
        title=bank.title,
        graded=bank.graded,
        points=points,
        max_points=max_points,
        answered=answered,
        questions=len(bank.questions),
        to_read=tuple(to_read),
        unreadable=tuple(unreadable),
    )


def mark_results(path: Path, banks: dict[str, QuizBank]) -> list[QuizMark]:
    """Mark every quiz of the results file at ``path`` against ``banks`` (by bank id)."""
    results = load_results(path)
    marks = []
    for position, quiz in enumerate(results.quizzes):
        if quiz.id not in banks:
            raise ResultsError(f"{path}: quizzes.{position}: no quiz bank {quiz.id!r} in this course")
        marks.append(mark_quiz(banks[quiz.id], quiz, results.student))
    return marks
