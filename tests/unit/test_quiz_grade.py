"""The Python grader: every rule of the module docstring, on small questions built for the purpose."""

from __future__ import annotations

from typing import Any

import pytest

from medialit.quiz import Mark, ResponseError, Status, grade
from medialit.quiz.grade import right_items
from medialit.quiz.model import FindInText, Matching, MultipleSelect, Ordering, ShortAnswer, SingleChoice, TrueFalse

COMMON: dict[str, Any] = {"prompt": "A question?", "explanation": "Because.", "paragraphs": [1]}


def single() -> SingleChoice:
    options = [
        {"text": "A", "correct": False, "feedback": "A is a trap."},
        {"text": "B", "correct": True, "feedback": "B is right."},
        {"text": "C", "feedback": "C is another trap."},
    ]
    return SingleChoice.model_validate({"id": "s", "type": "single", "options": options, **COMMON})


def multiple() -> MultipleSelect:
    options = [
        {"text": "A", "correct": True, "feedback": "fa"},
        {"text": "B", "correct": True, "feedback": "fb"},
        {"text": "C", "feedback": "fc"},
        {"text": "D", "feedback": "fd"},
    ]
    return MultipleSelect.model_validate({"id": "m", "type": "multiple", "options": options, **COMMON})


def true_false() -> TrueFalse:
    feedback = {"when_true": "ft", "when_false": "ff"}
    return TrueFalse.model_validate({"id": "t", "type": "true-false", "answer": False, "feedback": feedback, **COMMON})


def matching() -> Matching:
    pairs = [
        {"left": "claimed", "right": "Osmani", "feedback": "f0"},
        {"left": "said", "right": "Ivanov", "feedback": "f1"},
        {"left": "told", "right": "Latifi", "feedback": "f2"},
    ]
    return Matching.model_validate({"id": "x", "type": "matching", "pairs": pairs, "distractors": ["Vucic"], **COMMON})


def ordering() -> Ordering:
    items = [{"text": "first"}, {"text": "second", "feedback": "f-second"}, {"text": "third", "feedback": "f-third"}]
    return Ordering.model_validate({"id": "o", "type": "ordering", "items": items, **COMMON})


def find_in_text() -> FindInText:
    return FindInText.model_validate(
        {"id": "f", "type": "find-in-text", "answer": [16, 3], "candidates": [1, 3, 16, 38], "feedback": {38: "f38"}, **COMMON}
    )


def short_answer() -> ShortAnswer:
    return ShortAnswer.model_validate(
        {"id": "w", "type": "short-answer", "model_answer": "Model.", "rubric": ["one", "two", "three"], **COMMON}
    )


def test_a_right_single_choice_scores_one_point_with_its_feedback() -> None:
    result = grade(single(), 1)
    assert (result.status, result.points, result.max_points) == (Status.CORRECT, 1, 1)
    assert result.marks == {"1": Mark.RIGHT}
    assert result.feedback == ("B is right.",)


def test_a_wrong_single_choice_marks_the_right_option_as_missed() -> None:
    result = grade(single(), 2)
    assert (result.status, result.points) == (Status.INCORRECT, 0)
    assert result.marks == {"1": Mark.MISSED, "2": Mark.WRONG}
    assert result.feedback == ("C is another trap.",)


@pytest.mark.parametrize(
    "question", [single(), multiple(), true_false(), matching(), ordering(), find_in_text(), short_answer()], ids=str
)
def test_no_response_is_unanswered_with_no_points_and_the_question_maximum(question: Any) -> None:
    result = grade(question, None)
    assert (result.status, result.points, result.marks, result.feedback) == (Status.UNANSWERED, 0, {}, ())
    assert result.max_points >= 1


@pytest.mark.parametrize(
    ("chosen", "points", "status"),
    [
        ([0, 1], 2, Status.CORRECT),
        ([0], 1, Status.PARTIAL),
        ([0, 2], 0, Status.INCORRECT),  # one right minus one wrong
        ([0, 1, 2], 1, Status.PARTIAL),
        ([0, 1, 2, 3], 0, Status.INCORRECT),  # ticking every box earns nothing
        ([2, 3], 0, Status.INCORRECT),  # never below zero
    ],
)
def test_multiple_select_scores_right_minus_wrong_never_below_zero(chosen: list[int], points: int, status: Status) -> None:
    result = grade(multiple(), chosen)
    assert (result.points, result.max_points, result.status) == (points, 2, status)


def test_multiple_select_gives_chosen_options_feedback_first_then_the_missed_ones() -> None:
    result = grade(multiple(), [2, 0])
    assert result.marks == {"0": Mark.RIGHT, "1": Mark.MISSED, "2": Mark.WRONG}
    assert result.feedback == (
        "You ticked “A”, and it is right: fa",
        "You ticked “C”, but it is not right: fc",
        "You did not tick “B”, but it is right: fb",
    )


@pytest.mark.parametrize(
    ("feedback", "line"),
    [
        ("Right. P3 gives it.", "You did not tick “B”, but it is right: P3 gives it."),
        ("Yes, the article says so.", "You did not tick “B”, but it is right: the article says so."),
        ("Right.", "You did not tick “B”, but it is right."),
        ("No one is named in P3.", "You did not tick “B”, but it is right: No one is named in P3."),
        ("Rightly so.", "You did not tick “B”, but it is right: Rightly so."),
    ],
)
def test_a_missed_option_line_never_opens_with_the_banks_verdict_word(feedback: str, line: str) -> None:
    question = multiple()
    options = [option.model_copy(update={"feedback": feedback}) if option.text == "B" else option for option in question.options]
    result = grade(question.model_copy(update={"options": options}), [0])
    assert result.feedback[-1] == line


def test_an_empty_multiple_selection_is_unanswered() -> None:
    assert grade(multiple(), []).status is Status.UNANSWERED


@pytest.mark.parametrize(("answer", "points", "text"), [(False, 1, "ff"), (True, 0, "ft")])
def test_true_false_gives_the_feedback_for_the_answer_chosen(answer: bool, points: int, text: str) -> None:
    result = grade(true_false(), answer)
    assert (result.points, result.feedback) == (points, (text,))
    assert result.marks == {"answer": Mark.RIGHT if points else Mark.WRONG}


def test_matching_scores_one_point_per_pair_and_explains_each_wrong_or_missing_pair() -> None:
    result = grade(matching(), [0, 3, None])
    assert (result.points, result.max_points, result.status) == (1, 3, Status.PARTIAL)
    assert result.marks == {"0": Mark.RIGHT, "1": Mark.WRONG, "2": Mark.MISSED}
    assert result.feedback == ("f1", "f2")
    assert right_items(matching()) == ["Osmani", "Ivanov", "Latifi", "Vucic"]


def test_matching_with_no_pair_chosen_is_unanswered() -> None:
    assert grade(matching(), [None, None, None]).status is Status.UNANSWERED


def test_ordering_scores_one_point_per_item_in_its_place_and_explains_misplaced_items() -> None:
    result = grade(ordering(), [0, 2, 1])
    assert (result.points, result.max_points) == (1, 3)
    assert result.marks == {"0": Mark.RIGHT, "1": Mark.WRONG, "2": Mark.WRONG}
    assert result.feedback == (
        "“second” is in place 3; it belongs in place 2. f-second",
        "“third” is in place 2; it belongs in place 3. f-third",
    )
    assert grade(ordering(), [0, 1, 2]).status is Status.CORRECT


def test_find_in_text_scores_like_multiple_select_and_explains_common_wrong_picks() -> None:
    result = grade(find_in_text(), [16, 38])
    assert (result.points, result.max_points, result.status) == (0, 2, Status.INCORRECT)
    assert result.marks == {"3": Mark.MISSED, "16": Mark.RIGHT, "38": Mark.WRONG}
    assert result.feedback == ("f38",)
    assert grade(find_in_text(), [3, 16]).status is Status.CORRECT


def test_a_written_answer_is_self_assessed_against_the_rubric() -> None:
    result = grade(short_answer(), {"text": "My answer.", "ticked": [2, 0]})
    assert (result.status, result.points, result.max_points) == (Status.SELF_ASSESSED, 2, 3)
    assert result.marks == {"0": Mark.RIGHT, "2": Mark.RIGHT}


def test_a_blank_written_answer_is_unanswered_even_with_ticks() -> None:
    assert grade(short_answer(), {"text": "  \n", "ticked": [0]}).status is Status.UNANSWERED


@pytest.mark.parametrize(
    ("question", "response", "message"),
    [
        (single(), 3, "from 0 to 2"),
        (single(), True, "whole number"),
        (single(), "1", "whole number"),
        (multiple(), [0, 0], "lists 0 twice"),
        (multiple(), [9], "from 0 to 3"),
        (multiple(), "0", "list of option indices"),
        (true_false(), "false", "true or false"),
        (matching(), [0, 1], "list of 3 choices"),
        (matching(), [0, 1, 4], "from 0 to 3"),
        (ordering(), [0, 1], "each of the 3 items once"),
        (ordering(), [0, 1, 1], "lists 1 twice"),
        (find_in_text(), [2], "P2 is not among the paragraphs offered"),
        (find_in_text(), [0], "start at 1"),
        (short_answer(), "text", '{"text"'),
        (short_answer(), {"text": "a", "ticked": [3]}, "from 0 to 2"),
    ],
)
def test_a_response_that_does_not_fit_its_question_is_a_response_error(question: Any, response: object, message: str) -> None:
    with pytest.raises(ResponseError, match=f"question '{question.id}'") as caught:
        grade(question, response)
    assert message in str(caught.value)


def test_grading_is_pure_the_same_response_always_gives_the_same_result() -> None:
    question = multiple()
    before = question.model_dump()
    results = {repr(grade(question, [1, 2]).to_json()) for _ in range(3)}
    assert len(results) == 1
    assert question.model_dump() == before


def test_a_result_as_json_is_plain_data() -> None:
    data = grade(matching(), [0, None, 1]).to_json()
    assert data == {
        "status": "partial",
        "points": 1,
        "max_points": 3,
        "marks": {"0": "right", "1": "missed", "2": "wrong"},
        "feedback": ["f1", "f2"],
    }
