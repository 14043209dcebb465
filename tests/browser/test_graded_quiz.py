"""A graded quiz in the built site, answered in chromium and marked with ``medialit mark``.

The flagship's capstone bank is marked ``graded: true`` in a copy of the course
(``graded_course``). The page must take answers (by keyboard too), save them, show no verdict or
feedback, count the quiz as "marked by your teacher" on the progress page, and put the answers in
the results file; the teacher's marking of that file must give the points the Python grader gives
the same answers, and its marking report (``medialit mark --html``) the per-question and per-choice
figures those answers imply. That check also proves that the page's display-position numbering of
options, matching and ordering answers is turned back into the bank's order correctly.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pagecheck import opened
from playwright.sync_api import Browser, Page, expect
from quizpage import audit_light_and_dark, question_element, right_response, served, wrong_response

from helpers import GRADED_BANK, read_report
from medialit.cli import main
from medialit.quiz import Question, find_banks, grade, load_bank
from medialit.quiz.grade import right_items
from medialit.quiz.mark import mark_results, wrong_picks
from medialit.quiz.model import FindInText, Matching, MultipleSelect, Ordering, QuizBank, ShortAnswer, SingleChoice, TrueFalse
from medialit.quiz.report import percent

QUIZ_PAGE = "exercises/capstone-quiz.html"
PROGRESS_PAGE = "book/progress.html"
SAVED = "Your answer is saved in this browser. Your teacher will mark it."


@pytest.fixture(scope="module")
def bank(graded_course: tuple[Path, Path]) -> QuizBank:
    return load_bank(graded_course[0] / "exercises" / GRADED_BANK)


@pytest.fixture(scope="module")
def site(graded_course: tuple[Path, Path]) -> Iterator[str]:
    with served(graded_course[1]) as url:
        yield url


def responses(bank: QuizBank) -> dict[str, Any]:
    """Right answers to every other question and wrong ones to the rest, in the bank's order."""
    return {q.id: (right_response(q) if n % 2 == 0 else wrong_response(q)) for n, q in enumerate(bank.questions)}


def press(page: Page, locator: Any) -> None:
    """Activate a control with the keyboard: focus it, then Enter."""
    locator.focus()
    page.keyboard.press("Enter")


def answer(page: Page, question: Question, response: Any) -> None:
    """Give ``response`` (bank order) on the page, which numbers options, matching and ordering by display position.

    Choices are found by their text, as a student finds them; the order is set with the Move up
    buttons pressed from the keyboard.
    """
    element = question_element(page, question)
    match question:
        case SingleChoice():
            texts = element.locator(".mlq-option .mlq-text").all_inner_texts()
            element.locator(".mlq-option input").nth(texts.index(question.options[response].text)).check()
        case TrueFalse():
            element.locator(f'input[value="{"true" if response else "false"}"]').check()
        case MultipleSelect():
            wanted = {question.options[index].text for index in response}
            for option in element.locator(".mlq-option").all():
                option.locator("input").set_checked(option.locator(".mlq-text").inner_text() in wanted)
        case FindInText():
            for box in element.locator("fieldset > .mlq-options input").all():
                box.set_checked(int(box.get_attribute("value") or "-1") in response)
        case Matching():
            rights = right_items(question)
            selects = element.locator(".mlq-pair select")
            for index, choice in enumerate(response):
                if choice is None:
                    selects.nth(index).select_option("")
                else:
                    selects.nth(index).select_option(label=rights[choice])
        case Ordering():
            target = [question.items[i].text for i in response]
            for position, text in enumerate(target):
                while (texts := element.locator(".mlq-item .mlq-text").all_inner_texts()).index(text) > position:
                    item = element.locator(".mlq-item").nth(texts.index(text))
                    press(page, item.locator(".mlq-up"))
            assert element.locator(".mlq-item .mlq-text").all_inner_texts() == target
        case ShortAnswer():
            element.locator("textarea").fill(response["text"])


def test_answers_are_saved_shown_again_and_never_marked_on_the_page(browser: Browser, site: str, bank: QuizBank) -> None:
    given = responses(bank)
    with opened(browser, site + QUIZ_PAGE) as (page, report):
        for question in bank.questions:
            answer(page, question, given[question.id])
            element = question_element(page, question)
            press(page, element.get_by_role("button", name="Save answer"))
            expect(element.locator(".mlq-feedback")).to_have_text(SAVED)
            assert element.locator(".mlq-mark").all_inner_texts() == [""] * element.locator(".mlq-mark").count()
        expect(page.locator(".mlq-score")).to_have_text(
            f"{len(bank.questions)} of {len(bank.questions)} questions answered. Your teacher marks this quiz."
        )
        assert audit_light_and_dark(page) == []
        page.reload(wait_until="load")
        for question in bank.questions:
            element = question_element(page, question)
            if isinstance(question, ShortAnswer):
                assert element.locator("textarea").input_value() == given[question.id]["text"]
            elif isinstance(question, Ordering):
                shown = element.locator(".mlq-item .mlq-text").all_inner_texts()
                assert shown == [question.items[i].text for i in given[question.id]]
        text = page.locator("section.mlq-quiz").inner_text()
        for verdict in ("Correct.", "Partly right.", "Not right yet.", "Why:", "A model answer"):
            assert verdict not in text
    assert report.problems() == []


def test_the_teacher_marks_the_handed_in_file_as_the_grader_would(
    browser: Browser, site: str, bank: QuizBank, graded_course: tuple[Path, Path], tmp_path: Path
) -> None:
    given = responses(bank)
    with opened(browser, site + QUIZ_PAGE) as (page, report):
        page.evaluate("() => window.localStorage.clear()")
        page.reload(wait_until="load")
        for question in bank.questions:
            answer(page, question, given[question.id])
        page.goto(site + PROGRESS_PAGE, wait_until="load")
        row = page.locator(".mlq-progress tbody tr", has_text=bank.title)
        expect(row).to_contain_text(f"{len(bank.questions)} of {len(bank.questions)} answered")
        expect(row).to_contain_text("marked by your teacher")
        with page.expect_download() as info:
            page.get_by_role("button", name="Download my results (JSON)").click()
        handed_in = tmp_path / "results.json"
        info.value.save_as(handed_in)
    assert report.problems() == []

    quiz = next(q for q in json.loads(handed_in.read_text(encoding="utf-8"))["quizzes"] if q["id"] == bank.id)
    assert quiz["graded"] is True and "points" not in quiz
    banks = {b.id: b for b in (load_bank(path) for path in find_banks(graded_course[0] / "exercises"))}
    marks = mark_results(handed_in, banks)
    assert [m.quiz_id for m in marks] == [q["id"] for q in json.loads(handed_in.read_text(encoding="utf-8"))["quizzes"]]
    assert all(m.points == 0 and m.answered == 0 for m in marks if m.quiz_id != bank.id)
    (mark,) = [m for m in marks if m.quiz_id == bank.id]
    machine = [q for q in bank.questions if not isinstance(q, ShortAnswer)]
    assert mark.points == sum(grade(q, given[q.id]).points for q in machine)
    assert mark.max_points == sum(grade(q, None).max_points for q in machine)
    assert 0 < mark.points < mark.max_points
    written = [q for q in bank.questions if isinstance(q, ShortAnswer)]
    assert [(a.question_id, a.text) for a in mark.to_read] == [(q.id, given[q.id]["text"]) for q in written]
    assert mark.unreadable == ()

    # The marking report of that file: every question's figures and every wrong choice, from what was answered.
    report = tmp_path / "report.html"
    assert main(["mark", str(handed_in), "--banks", str(graded_course[0] / "exercises"), "--html", str(report)]) == 0
    shown = read_report(report.read_text(encoding="utf-8"))
    expected_choices = {}
    for question in bank.questions:
        row = shown.questions[bank.id, question.id]
        assert (row["answered"], row["tries"]) == ("1 of 1", "–"), question.id  # a graded page has no Check: no tries
        if isinstance(question, ShortAnswer):
            assert (row["right"], row["share"]) == ("written: yours to mark", "–"), question.id
            continue
        result = grade(question, given[question.id])
        right = int(result.points == result.max_points)
        assert (row["right"], row["share"]) == (f"{right} ({right * 100}%)", percent(result.points / result.max_points))
        for pick in wrong_picks(question, given[question.id], result):
            expected_choices[bank.id, question.id, pick.label] = {
                "students": "1 of 1 (100%)",
                "feedback": pick.feedback or "The bank gives no feedback for this choice.",
            }
    assert expected_choices and shown.choices == expected_choices
    assert [(answer[1], answer[2]) for answer in shown.written] == [
        (given[q.id]["text"], "graded: yours to mark") for q in written
    ]
