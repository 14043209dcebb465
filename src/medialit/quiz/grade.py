"""Grading: one rule per question type, shared by every renderer.

A response is plain JSON (what the site stores in the browser and what a results file holds), so the
same value can be graded here and by the browser's grader (``quiz.js``); a parity test feeds both
every possible response and requires identical results.

The rules, in points (integers, so both graders agree exactly):

======================  =====================================================================
single, true-false      1 point for the right answer, else 0.
multiple select         +1 for each correct option chosen, -1 for each wrong option chosen,
                        never below 0; out of the number of correct options. Ticking every
                        box therefore earns nothing more than the right boxes alone.
matching                1 point per left item matched to its right item.
ordering                1 point per item in its correct position.
find in the text        as multiple select: +1 per answer paragraph chosen, -1 per other
                        paragraph chosen, never below 0; out of the number of answer paragraphs.
short written answer    self-assessed: 1 point per rubric item the student ticks.
======================  =====================================================================

Feedback is the bank's, put in words a student can place: a multiple-select line names the option
and what became of it ("You did not tick “…”, but it is right: …", dropping a verdict word the
bank's text opens with), and an ordering line says where an item is and where it belongs.

The status is ``unanswered`` with no response, ``self-assessed`` for a written answer, and
otherwise ``correct`` (full points), ``partial`` (some) or ``incorrect`` (none).

Response shapes (indices count from 0 in the bank's order; paragraphs are P numbers):

* single: an option index; multiple: a list of option indices; true-false: a boolean;
* matching: for each pair, in order, the index of the chosen right-hand item in
  :func:`right_items` (pairs' right sides, then distractors), or null;
* ordering: the item indices in the order the student placed them (a permutation);
* find-in-text: a list of paragraph numbers;
* short-answer: ``{"text": "...", "ticked": [rubric indices]}``.

``null``, an empty list and a blank text mean "not answered".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from medialit.errors import MedialitError
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


class ResponseError(MedialitError):
    """A response does not fit its question (wrong shape, index out of range, repeated choice)."""

    def __init__(self, question: Question, message: str) -> None:
        super().__init__(f"question {question.id!r}: {message}")


class Status(StrEnum):
    """The outcome of grading one response."""

    UNANSWERED = "unanswered"
    """No response yet: 0 points."""
    CORRECT = "correct"
    """Full points."""
    PARTIAL = "partial"
    """Some points, not all."""
    INCORRECT = "incorrect"
    """No points."""
    SELF_ASSESSED = "self-assessed"
    """A written answer the student scored against the rubric."""


class Mark(StrEnum):
    """The judgement on one part of a response (an option, a pair, an item, a paragraph)."""

    RIGHT = "right"
    """Chosen (or placed) and right."""
    WRONG = "wrong"
    """Chosen (or placed) and wrong."""
    MISSED = "missed"
    """Right, but not chosen."""


@dataclass(frozen=True)
class Result:
    """The grade of one response, identical whichever grader produced it."""

    status: Status
    points: int
    max_points: int
    marks: dict[str, Mark] = field(default_factory=dict)
    """Per part, keyed by option/pair/item/rubric index or paragraph number (as text)."""
    feedback: tuple[str, ...] = ()
    """The bank's feedback texts that apply to this response, in the order given above."""

    def to_json(self) -> dict[str, Any]:
        """The result as JSON data, the form the browser's grader returns."""
        return {
            "status": str(self.status),
            "points": self.points,
            "max_points": self.max_points,
            "marks": {key: str(mark) for key, mark in self.marks.items()},
            "feedback": list(self.feedback),
        }


def right_items(question: Matching) -> list[str]:
    """The right-hand choices of a matching question, in the order responses index them."""
    return [pair.right for pair in question.pairs] + list(question.distractors)


def _status(points: int, max_points: int) -> Status:
    if points == max_points:
        return Status.CORRECT
    return Status.PARTIAL if points > 0 else Status.INCORRECT


def _unanswered(max_points: int) -> Result:
    return Result(Status.UNANSWERED, 0, max_points)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _index(question: Question, value: object, size: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < size:
        raise ResponseError(question, f"{what} must be a whole number from 0 to {size - 1}, not {value!r}")
    return value


def _int_list(question: Question, response: object, what: str) -> list[int]:
    if not isinstance(response, list | tuple) or not all(_is_int(v) for v in response):
        raise ResponseError(question, f"the response must be a list of {what}, not {response!r}")
    values = [int(v) for v in response]
    repeated = sorted({v for v in values if values.count(v) > 1})
    if repeated:
        raise ResponseError(question, f"the response lists {repeated[0]} twice")
    return values


def _select_many(chosen: set[str], correct: Sequence[str], feedback: dict[str, str]) -> Result:
    """Right-minus-wrong scoring shared by multiple select and find-in-text (parts keyed by text)."""
    right = [key for key in correct if key in chosen]
    wrong = [key for key in chosen if key not in correct]
    marks = {key: Mark.RIGHT for key in right} | {key: Mark.WRONG for key in wrong}
    marks |= {key: Mark.MISSED for key in correct if key not in chosen}
    points = max(0, len(right) - len(wrong))
    ordered = sorted(marks, key=lambda key: (marks[key] is Mark.MISSED, int(key)))
    texts = tuple(feedback[key] for key in ordered if key in feedback)
    return Result(
        _status(points, len(correct)), points, len(correct), dict(sorted(marks.items(), key=lambda kv: int(kv[0]))), texts
    )


def _grade_single(question: SingleChoice, response: object) -> Result:
    if response is None:
        return _unanswered(1)
    chosen = _index(question, response, len(question.options), "the chosen option")
    option = question.options[chosen]
    marks = {str(chosen): Mark.RIGHT if option.correct else Mark.WRONG}
    if not option.correct:
        key = next(i for i, o in enumerate(question.options) if o.correct)
        marks[str(key)] = Mark.MISSED
    points = 1 if option.correct else 0
    return Result(_status(points, 1), points, 1, dict(sorted(marks.items(), key=lambda kv: int(kv[0]))), (option.feedback,))


VERDICT_WORD = re.compile(r"^(?:Right|Yes|Correct|No|Wrong|Incorrect|Not quite)[.:,!](?:\s+|$)")
"""A verdict the bank's feedback may open with ("Right. P3 gives…"); the line says the verdict itself."""

TICKED = {
    Mark.RIGHT: "You ticked “{}”, and it is right",
    Mark.WRONG: "You ticked “{}”, but it is not right",
    Mark.MISSED: "You did not tick “{}”, but it is right",
}
"""How a multiple-select feedback line begins: which option it is about, and what became of it."""


def ticked_line(mark: Mark, option_text: str, feedback: str) -> str:
    """One feedback line of a multiple-select question: the option, the verdict, then the bank's reason."""
    reason = VERDICT_WORD.sub("", feedback, count=1).strip()
    return TICKED[mark].format(option_text) + (f": {reason}" if reason else ".")


def placed_line(text: str, placed: int, belongs: int, feedback: str | None) -> str:
    """One feedback line of an ordering question: where the item is, where it belongs, and why."""
    line = f"“{text}” is in place {placed + 1}; it belongs in place {belongs + 1}."
    return f"{line} {feedback}" if feedback else line


def _grade_multiple(question: MultipleSelect, response: object) -> Result:
    correct = [str(i) for i, o in enumerate(question.options) if o.correct]
    if response is None or response == []:
        return _unanswered(len(correct))
    chosen = _int_list(question, response, "option indices")
    for value in chosen:
        _index(question, value, len(question.options), "each chosen option")
    feedback = {str(i): o.feedback for i, o in enumerate(question.options)}
    result = _select_many({str(v) for v in chosen}, correct, feedback)
    ordered = sorted(result.marks, key=lambda key: (result.marks[key] is Mark.MISSED, int(key)))
    lines = tuple(ticked_line(result.marks[key], question.options[int(key)].text, feedback[key]) for key in ordered)
    return replace(result, feedback=lines)


def _grade_true_false(question: TrueFalse, response: object) -> Result:
    if response is None:
        return _unanswered(1)
    if not isinstance(response, bool):
        raise ResponseError(question, f"the response must be true or false, not {response!r}")
    right = response == question.answer
    text = question.feedback.when_true if response else question.feedback.when_false
    return Result(_status(int(right), 1), int(right), 1, {"answer": Mark.RIGHT if right else Mark.WRONG}, (text,))


def _grade_matching(question: Matching, response: object) -> Result:
    size = len(question.pairs)
    if response is None or (isinstance(response, list | tuple) and all(v is None for v in response)):
        return _unanswered(size)
    if not isinstance(response, list | tuple) or len(response) != size:
        raise ResponseError(question, f"the response must be a list of {size} choices (or nulls), not {response!r}")
    choices = len(right_items(question))
    marks: dict[str, Mark] = {}
    feedback: list[str] = []
    for i, (pair, choice) in enumerate(zip(question.pairs, response, strict=True)):
        if choice is not None:
            _index(question, choice, choices, f"the choice for pair {i}")
        right = choice == i
        marks[str(i)] = Mark.RIGHT if right else (Mark.WRONG if choice is not None else Mark.MISSED)
        if not right:
            feedback.append(pair.feedback)
    points = sum(mark is Mark.RIGHT for mark in marks.values())
    return Result(_status(points, size), points, size, marks, tuple(feedback))


def _grade_ordering(question: Ordering, response: object) -> Result:
    size = len(question.items)
    if response is None:
        return _unanswered(size)
    placed = _int_list(question, response, "item indices")
    if sorted(placed) != list(range(size)):
        raise ResponseError(question, f"the response must list each of the {size} items once, not {response!r}")
    marks = {str(item): Mark.RIGHT if item == position else Mark.WRONG for position, item in enumerate(placed)}
    marks = dict(sorted(marks.items(), key=lambda kv: int(kv[0])))
    feedback = tuple(
        placed_line(item.text, placed.index(i), i, item.feedback)
        for i, item in enumerate(question.items)
        if marks[str(i)] is Mark.WRONG
    )
    points = sum(mark is Mark.RIGHT for mark in marks.values())
    return Result(_status(points, size), points, size, marks, feedback)


def _grade_find_in_text(question: FindInText, response: object) -> Result:
    if response is None or response == []:
        return _unanswered(len(question.answer))
    chosen = _int_list(question, response, "paragraph numbers")
    if any(n < 1 for n in chosen):
        raise ResponseError(question, f"paragraph numbers start at 1, not {min(chosen)}")
    if question.candidates and not set(chosen) <= set(question.candidates):
        outside = sorted(set(chosen) - set(question.candidates))
        raise ResponseError(question, f"P{outside[0]} is not among the paragraphs offered")
    feedback = {str(n): text for n, text in question.feedback.items()}
    return _select_many({str(n) for n in chosen}, [str(n) for n in sorted(question.answer)], feedback)


def _grade_short_answer(question: ShortAnswer, response: object) -> Result:
    size = len(question.rubric)
    if response is None:
        return _unanswered(size)
    if not isinstance(response, dict) or set(response) != {"text", "ticked"} or not isinstance(response["text"], str):
        raise ResponseError(question, f'the response must be {{"text": ..., "ticked": [...]}}, not {response!r}')
    ticked = _int_list(question, response["ticked"], "rubric indices")
    for value in ticked:
        _index(question, value, size, "each ticked rubric item")
    if not response["text"].strip():
        return _unanswered(size)
    marks = {str(i): Mark.RIGHT for i in sorted(ticked)}
    return Result(Status.SELF_ASSESSED, len(ticked), size, marks)


def grade(question: Question, response: object) -> Result:
    """Grade one response (JSON data, shaped as the module docstring says) to one question.

    Pure: the same question and response always give the same result. A response that does not
    fit the question raises :class:`ResponseError`.
    """
    match question:
        case SingleChoice():
            return _grade_single(question, response)
        case MultipleSelect():
            return _grade_multiple(question, response)
        case TrueFalse():
            return _grade_true_false(question, response)
        case Matching():
            return _grade_matching(question, response)
        case Ordering():
            return _grade_ordering(question, response)
        case FindInText():
            return _grade_find_in_text(question, response)
        case ShortAnswer():
            return _grade_short_answer(question, response)
    raise TypeError(f"not a question: {question!r}")  # pragma: no cover - the union is exhaustive


def is_self_assessed(question: Question) -> bool:
    """A written answer: its rubric points are the student's own, totalled apart from auto-marked points."""
    return isinstance(question, ShortAnswer)


def bank_maxima(bank: QuizBank) -> tuple[int, int]:
    """(auto-marked maximum, self-assessed maximum) of a bank.

    Auto-marked questions score their first try; written answers are self-assessed against their
    rubric and never added in. A graded bank's written answers are for the teacher to read and
    carry no points here, so its self-assessed maximum is 0.
    """
    auto = sum(grade(question, None).max_points for question in bank.questions if not is_self_assessed(question))
    written = 0 if bank.graded else sum(grade(q, None).max_points for q in bank.questions if is_self_assessed(q))
    return auto, written
