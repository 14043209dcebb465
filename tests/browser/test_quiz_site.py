"""The article quiz on the built site, answered in chromium with the mouse and with the keyboard.

Each page opens in a fresh browser context (its own localStorage) under the offline guard; every
test ends by requiring no JS error and no request outside the site. Expected answers, feedback and
points come from the bank and from ``medialit.quiz.grade``: the page must say what the Python
grader says. Pages open from file://, as a student opens the offline site, except in the tests
that reload: those use the site served on loopback HTTP (see ``quizpage.served``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pagecheck import opened
from playwright.sync_api import Browser, Page, expect
from quizpage import (
    AFTER_REVEAL,
    CHECKABLE,
    MAX_POINTS,
    QUESTIONS,
    QUIZ_PAGE,
    VERDICTS,
    Tally,
    answer_with_mouse,
    assert_feedback_matches,
    audit_light_and_dark,
    check,
    course_id,
    first_of_each_type,
    order_on_page,
    part,
    question_element,
    right_response,
    saved_answers,
    score_line,
    served,
    shown_feedback,
    shown_marks,
    shown_response,
    storage_item,
    store_key,
    wrong_response,
)

from medialit.quiz import Question, QuestionType, Status, grade
from medialit.quiz.model import FindInText, Matching, MultipleSelect, Ordering, ShortAnswer, SingleChoice, TrueFalse


def quiz_url(site: Path) -> str:
    return (site / QUIZ_PAGE).as_uri()


@pytest.fixture(scope="module")
def served_quiz(built_site: Path) -> Iterator[str]:
    """The quiz page's URL with the built site on loopback HTTP, for the tests that reload it."""
    with served(built_site) as base:
        yield base + QUIZ_PAGE


def test_the_bank_has_every_question_type() -> None:
    """The tests below cover every type only if the bank does."""
    assert {question.type for question in QUESTIONS} == set(QuestionType)


# ---------------------------------------------------------------- 1. the mouse


def answer_every_question_with_the_mouse(page: Page, responses: dict[str, Any]) -> list[str]:
    """Answer and check each question in turn; return the verdicts the page showed."""
    tally = Tally()
    verdicts = []
    expect(page.locator(".mlq-score")).to_have_text(score_line(0, 0))
    for question in QUESTIONS:
        response = responses[question.id]
        answer_with_mouse(page, question, response)
        check(page, question)
        tally.add(question, assert_feedback_matches(page, question, response))
        verdicts.append(shown_feedback(page, question)[0])
        expect(page.locator(".mlq-score")).to_have_text(tally.line())
    return verdicts


def test_a_right_answer_with_the_mouse_is_correct_for_every_type(browser: Browser, built_site: Path) -> None:
    with opened(browser, quiz_url(built_site)) as (page, report):
        verdicts = answer_every_question_with_the_mouse(page, {q.id: right_response(q) for q in QUESTIONS})
        assert set(verdicts) == {"Correct.", "Self-assessed."}
        own = sum(grade(q, right_response(q)).points for q in QUESTIONS if q.type is QuestionType.SHORT_ANSWER)
        expect(page.locator(".mlq-score")).to_have_text(score_line(MAX_POINTS, CHECKABLE, own))
    assert report.problems() == []


def test_a_wrong_answer_shows_the_options_feedback_for_every_type(browser: Browser, built_site: Path) -> None:
    responses = {q.id: wrong_response(q) for q in QUESTIONS}
    assert all(grade(q, responses[q.id]).feedback for q in QUESTIONS if q.type is not QuestionType.SHORT_ANSWER)
    with opened(browser, quiz_url(built_site)) as (page, report):
        verdicts = answer_every_question_with_the_mouse(page, responses)
        assert set(verdicts) == {"Not right yet.", "Partly right.", "Self-assessed."}
        tally = Tally()
        for question in QUESTIONS:
            tally.add(question, grade(question, responses[question.id]))
        assert 0 < tally.points < MAX_POINTS
        expect(page.locator(".mlq-score")).to_have_text(tally.line())
    assert report.problems() == []


def test_checking_again_after_a_change_replaces_the_feedback_but_the_first_try_counts(browser: Browser, built_site: Path) -> None:
    """A wrong answer, then the right one: the feedback and the marks follow the new answer, the
    second verdict says it came after the reveal, and the score keeps the first try's points."""
    with opened(browser, quiz_url(built_site)) as (page, report):
        tally = Tally()
        for question in first_of_each_type():
            for attempt, response in enumerate((wrong_response(question), right_response(question))):
                answer_with_mouse(page, question, response)
                check(page, question)
                tally.add(question, assert_feedback_matches(page, question, response))
                region = question_element(page, question).locator(".mlq-feedback")
                later = attempt == 1 and question.type is not QuestionType.SHORT_ANSWER
                assert (AFTER_REVEAL in region.inner_text()) == later, question.id
            expect(page.locator(".mlq-score")).to_have_text(tally.line())
        assert tally.points < sum(
            grade(q, None).max_points for q in first_of_each_type() if q.type is not QuestionType.SHORT_ANSWER
        )
    assert report.problems() == []


def test_a_retry_after_the_reveal_keeps_the_first_try_score_in_the_page_the_store_and_the_reload(
    browser: Browser, served_quiz: str
) -> None:
    """Wrong first, then "Try again" (which clears the choice), then the right answer: the verdict is
    "Correct." but the score, the saved first try and the page after a reload keep the first try's 0."""
    question = next(q for q in QUESTIONS if q.type is QuestionType.SINGLE)
    with opened(browser, served_quiz) as (page, report):
        element = question_element(page, question)
        retry = element.get_by_role("button", name="Try again")
        expect(retry).to_be_hidden()
        answer_with_mouse(page, question, wrong_response(question))
        check(page, question)
        expect(retry).to_be_visible()
        retry.focus()
        page.keyboard.press("Enter")
        assert shown_response(page, question) is None, "Try again clears the choice"
        expect(element.locator(".mlq-feedback")).to_have_text("Your choice is cleared. Your first try stands at 0 of 1 point.")
        expect(retry).to_be_hidden()
        assert focused(page)["question"] == question.id
        answer_with_mouse(page, question, right_response(question))
        check(page, question)
        assert shown_feedback(page, question)[0] == "Correct."
        expect(element.locator(".mlq-after-reveal")).to_have_text(
            "This try came after the answer was shown, so it does not change your score: your first try stands at 0 of 1 point."
        )
        expect(page.locator(".mlq-score")).to_have_text(score_line(0, 1))
        saved = saved_answers(page)[question.id]
        assert (saved["response"], saved["first"]["response"], saved["first"]["result"]["points"], saved["tries"]) == (
            right_response(question),
            wrong_response(question),
            0,
            2,
        )
        page.reload(wait_until="load")
        expect(page.locator(".mlq-score")).to_have_text(score_line(0, 1))
        expect(question_element(page, question).locator(".mlq-after-reveal")).to_be_visible()
    assert report.problems() == []


# ---------------------------------------------------------------- 2. the keyboard only


FOCUSED = """() => {
  const e = document.activeElement;
  const question = e.closest(".mlq-question");
  const item = e.closest(".mlq-item");
  return {
    tag: e.tagName.toLowerCase(),
    value: "value" in e ? String(e.value) : null,
    label: e.getAttribute("aria-label"),
    classes: Array.from(e.classList),
    question: question ? question.getAttribute("data-mlq-question") : null,
    item: item ? item.getAttribute("data-mlq-part") : null,
    rubric: Boolean(e.closest(".mlq-rubric")),
    outline: getComputedStyle(e).outlineStyle,
    visible: e.matches(":focus-visible"),
  };
}"""


def focused(page: Page) -> dict[str, Any]:
    info: dict[str, Any] = page.evaluate(FOCUSED)
    return info


def assert_focus_visible(page: Page) -> dict[str, Any]:
    info = focused(page)
    assert info["visible"] and info["outline"] != "none", info
    return info


def press(page: Page, key: str, times: int = 1) -> None:
    for _ in range(times):
        page.keyboard.press(key)


def choose_radio(page: Page, index: int) -> None:
    """From the first radio of a group (focused, none chosen): choose the radio at ``index``."""
    if index == 0:
        press(page, "Space")
    else:
        press(page, "ArrowDown", index)


def tick_boxes(page: Page, question: Question, wanted: list[int]) -> None:
    """From the first box: Space on each wanted box, Tab past each (ending on the Check button)."""
    boxes = question_element(page, question).locator("fieldset > .mlq-options input")
    for value in [int(box.get_attribute("value") or "-1") for box in boxes.all()]:
        assert focused(page)["value"] == str(value)
        if value in wanted:
            press(page, "Space")
        press(page, "Tab")


def match_with_keyboard(page: Page, question: Matching, response: list[int]) -> None:
    """From the first select: ArrowDown on each closed select until it shows the choice, then Tab."""
    selects = question_element(page, question).locator(".mlq-pair select")
    for index, choice in enumerate(response):
        select = selects.nth(index)
        values = select.locator("option").evaluate_all("options => options.map(option => option.value)")
        assert focused(page)["tag"] == "select" and select.input_value() == ""
        press(page, "ArrowDown", values.index(str(choice)))
        assert select.input_value() == str(choice), f"pair {index}"
        press(page, "Tab")


def order_with_keyboard(page: Page, question: Ordering, target: list[int]) -> None:
    """From the first Move up button: Move down once, then Move up items until the list shows ``target``.

    The buttons come in the tab order up, down for each item in turn; after each move the focus must
    stay on the pressed button (which moved with its item) and still show.
    """
    texts = {i: item.text for i, item in enumerate(question.items)}
    at = 0  # the focused button: 2 * position (+1 for Move down)

    def go(button: int) -> None:
        nonlocal at
        press(page, "Tab" if button > at else "Shift+Tab", abs(button - at))
        at = button

    def move(direction: str, item: int, to: int) -> None:
        press(page, "Enter")
        info = assert_focus_visible(page)
        assert info["label"] == f"{direction}: {texts[item]}", info
        assert order_on_page(page, question).index(item) == to
        expect(page.locator(".mlq-announce")).to_have_text(f"{texts[item]} moved to position {to + 1} of {len(target)}.")

    go(1)
    first = order_on_page(page, question)[0]
    move("Move down", first, 1)
    at = 3
    for position, item in enumerate(target):
        current = order_on_page(page, question).index(item)
        if current == position:
            continue
        go(2 * current)
        for step in range(1, current - position + 1):
            move("Move up", item, current - step)
        at = 2 * position
    assert order_on_page(page, question) == target
    go(2 * len(target) - 1)
    press(page, "Tab")


def write_with_keyboard(page: Page, question: ShortAnswer, response: dict[str, Any]) -> None:
    """In the text box: type, Tab to Compare, Enter; then Shift+Tab back through the rubric, ticking."""
    assert focused(page)["tag"] == "textarea"
    page.keyboard.type(response["text"])
    press(page, "Tab")
    assert "mlq-check" in assert_focus_visible(page)["classes"]
    press(page, "Enter")
    size = len(question.rubric)
    press(page, "Shift+Tab")
    for index in reversed(range(size)):
        info = focused(page)
        assert info["rubric"] and info["value"] == str(index), info
        if index in response["ticked"]:
            press(page, "Space")
        if index:
            press(page, "Shift+Tab")
    press(page, "Tab", size)


def answer_with_keyboard(page: Page, question: Question, response: Any) -> None:
    """From the question's first control, answer with keys only, ending on its Check button."""
    match question:
        case SingleChoice():
            values = (
                question_element(page, question)
                .locator("fieldset > .mlq-options input")
                .evaluate_all("inputs => inputs.map(input => Number(input.value))")
            )
            choose_radio(page, values.index(response))  # options are shown in their content-derived order
            press(page, "Tab")
        case TrueFalse():
            choose_radio(page, 0 if response else 1)
            press(page, "Tab")
        case MultipleSelect() | FindInText():
            tick_boxes(page, question, response)
        case Matching():
            match_with_keyboard(page, question, response)
        case Ordering():
            order_with_keyboard(page, question, response)
        case ShortAnswer():
            write_with_keyboard(page, question, response)


def test_every_type_can_be_answered_right_with_the_keyboard_only(browser: Browser, built_site: Path) -> None:
    """Focus the first radio once; from there on, only key presses, through the whole quiz."""
    with opened(browser, quiz_url(built_site)) as (page, report):
        question_element(page, QUESTIONS[0]).locator("input").first.focus()
        tally = Tally()
        for question in QUESTIONS:
            assert focused(page)["question"] == question.id, "Tab did not lead into the next question"
            response = right_response(question)
            answer_with_keyboard(page, question, response)
            info = assert_focus_visible(page)
            assert info["question"] == question.id and "mlq-check" in info["classes"], info
            press(page, "Enter")
            assert shown_response(page, question) == response
            tally.add(question, assert_feedback_matches(page, question, response))
            assert shown_feedback(page, question)[0] in {"Correct.", "Self-assessed."}
            expect(page.locator(".mlq-score")).to_have_text(tally.line())
            press(page, "Tab")
            if question.type is not QuestionType.SHORT_ANSWER:
                press(page, "Tab")  # past "Try again", shown after the check
        assert tally.points == MAX_POINTS
    assert report.problems() == []


# ---------------------------------------------------------------- 3. announcements


def test_feedback_and_ordering_moves_are_announced(browser: Browser, built_site: Path) -> None:
    ordering = next(q for q in QUESTIONS if isinstance(q, Ordering))
    with opened(browser, quiz_url(built_site)) as (page, report):
        regions = page.locator(".mlq-feedback")
        assert regions.count() == len(QUESTIONS)
        for region in regions.all():
            assert region.get_attribute("role") == "status" and region.get_attribute("aria-live") == "polite"
            assert region.inner_text() == ""
        announcer = page.locator(".mlq-announce")
        assert announcer.count() == 1 and announcer.get_attribute("aria-live") == "polite"
        assert page.locator(".mlq-score").get_attribute("aria-live") == "polite"

        first, second = order_on_page(page, ordering)[:2]
        first_text, second_text = ordering.items[first].text, ordering.items[second].text
        size = len(ordering.items)
        button = part(page, ordering, first).locator(".mlq-down")
        button.click()
        expect(announcer).to_have_text(f"{first_text} moved to position 2 of {size}.")
        assert focused(page)["label"] == f"Move down: {first_text}"
        top_up = part(page, ordering, second).locator(".mlq-up")
        assert top_up.get_attribute("aria-disabled") == "true", "Move up on the first item says it does nothing"
        assert part(page, ordering, first).locator(".mlq-up").get_attribute("aria-disabled") == "false"
        top_up.focus()  # still focusable, so a keyboard user's focus is never lost at an end
        page.keyboard.press("Enter")
        expect(announcer).to_have_text(f"{second_text} is already first.")

        for question in first_of_each_type():
            response = right_response(question)
            answer_with_mouse(page, question, response)
            check(page, question)
            region = (
                question_element(page, question).get_by_role("status").filter(has_text=VERDICTS[grade(question, response).status])
            )
            expect(region).to_have_count(1)
    assert report.problems() == []


# ---------------------------------------------------------------- 4. reload


def shown_state(page: Page, question: Question) -> tuple[Any, ...]:
    """Everything a question shows: the answer in its controls, the feedback, the marks."""
    return shown_response(page, question), shown_feedback(page, question), shown_marks(page, question)


def test_reload_keeps_answers_feedback_and_score(browser: Browser, served_quiz: str) -> None:
    """One question of each type answered and checked (the ordering one moved into place), and a
    written answer typed but not compared: after a reload the page shows all of it again."""
    checked = [q for q in first_of_each_type() if q.type is not QuestionType.SHORT_ANSWER]
    written = next(q for q in QUESTIONS if isinstance(q, ShortAnswer))
    draft = {"text": "A first draft, not compared yet.", "ticked": []}
    with opened(browser, served_quiz) as (page, report):
        for number, question in enumerate(checked):
            answer_with_mouse(page, question, right_response(question) if number % 2 else wrong_response(question))
            check(page, question)
        question_element(page, written).locator("textarea").fill(draft["text"])
        before = {question.id: shown_state(page, question) for question in checked}
        score = page.locator(".mlq-score").inner_text()
        assert score == score_line(sum(grade(q, shown_response(page, q)).points for q in checked), len(checked))
        assert all(question_element(page, q).get_by_role("button", name="Try again").is_visible() for q in checked)

        page.reload(wait_until="load")

        expect(page.locator(".mlq-score")).to_have_text(score)
        for question in checked:
            assert shown_state(page, question) == before[question.id], question.id
            assert question_element(page, question).locator(".mlq-explanation").is_visible()
        element = question_element(page, written)
        assert shown_response(page, written) == draft
        assert element.locator(".mlq-feedback").inner_text() == ""
        assert element.locator(".mlq-model").is_hidden()
        assert saved_answers(page)[written.id]["result"] is None
    assert report.problems() == []


def test_comparing_a_blank_written_answer_does_not_count_as_checked(browser: Browser, built_site: Path) -> None:
    written = next(q for q in QUESTIONS if isinstance(q, ShortAnswer))
    with opened(browser, quiz_url(built_site)) as (page, report):
        element = question_element(page, written)
        check(page, written)
        assert shown_feedback(page, written)[0] == VERDICTS[Status.UNANSWERED]
        assert element.locator(".mlq-model").is_hidden()
        expect(page.locator(".mlq-score")).to_have_text(score_line(0, 0))
        element.locator("textarea").fill("Now written.")
        assert saved_answers(page)[written.id]["result"] is None
        check(page, written)
        assert shown_feedback(page, written)[0] == VERDICTS[Status.SELF_ASSESSED]
        assert element.locator(".mlq-model").is_visible()
        assert saved_answers(page)[written.id]["result"]["status"] == "self-assessed"
        # a written answer is self-assessed: its rubric points are totalled apart, never "checked"
        expect(page.locator(".mlq-score")).to_have_text(score_line(0, 0, 0))
    assert report.problems() == []


# ---------------------------------------------------------------- 5. accessibility with feedback shown


def test_the_answered_quiz_has_no_axe_violations_in_light_and_dark(browser: Browser, built_site: Path) -> None:
    """Every question checked, so feedback, every kind of mark, explanations and the model answer show."""
    with opened(browser, quiz_url(built_site)) as (page, report):
        for number, question in enumerate(QUESTIONS):
            answer_with_mouse(page, question, wrong_response(question) if number % 2 == 0 else right_response(question))
            check(page, question)
        marks = {mark for q in QUESTIONS for mark in shown_marks(page, q).values()}
        assert marks == {"right", "wrong", "missed"}
        assert page.locator(".mlq-model").first.is_visible()
        report.violations = audit_light_and_dark(page)
    assert report.problems() == []


# ---------------------------------------------------------------- 7. damaged and old storage


STORAGE_CASES = {
    "not JSON": ("{this is not json", "the saved data is damaged"),
    "version 0": ('{"version": 0, "course": "%s", "banks": {}}', "saved by another version of this course"),
}


@pytest.mark.parametrize("case", list(STORAGE_CASES))
def test_damaged_or_other_version_storage_is_kept_aside_with_a_notice(browser: Browser, served_quiz: str, case: str) -> None:
    raw_template, why = STORAGE_CASES[case]
    with opened(browser, served_quiz) as (page, report):
        course = course_id(page)
        raw = raw_template.replace("%s", course)
        page.evaluate("([key, value]) => window.localStorage.setItem(key, value)", [store_key(page), raw])

        page.reload(wait_until="load")

        notice = page.locator(".mlq-quiz .mlq-notice")
        expect(notice).to_be_visible()
        expect(notice).to_contain_text(why)
        expect(notice).to_contain_text("A copy was kept in this browser.")
        assert storage_item(page, f"medialit:backup:{course}") == raw
        assert_the_quiz_still_works(page)
        assert storage_item(page, f"medialit:backup:{course}") == raw

        page.reload(wait_until="load")

        expect(notice).to_be_hidden()
        assert shown_response(page, QUESTIONS[0]) == right_response(QUESTIONS[0])
    assert report.problems() == []


def test_answers_of_an_older_format_are_left_alone_with_a_notice(browser: Browser, served_quiz: str) -> None:
    with opened(browser, served_quiz) as (page, report):
        course = course_id(page)
        old_key, old_value = f"medialit:v0:{course}", json.dumps({"version": 0, "answers": {"who-published": 0}})
        page.evaluate("([key, value]) => window.localStorage.setItem(key, value)", [old_key, old_value])

        page.reload(wait_until="load")

        notice = page.locator(".mlq-quiz .mlq-notice")
        expect(notice).to_be_visible()
        expect(notice).to_contain_text("Answers saved by another version of this course cannot be read here")
        assert storage_item(page, store_key(page)) is None
        assert_the_quiz_still_works(page)
        assert storage_item(page, old_key) == old_value
        assert storage_item(page, f"medialit:backup:{course}") is None
    assert report.problems() == []


def assert_the_quiz_still_works(page: Page) -> None:
    """Answer the first question right and check it: the feedback and the score follow."""
    question = QUESTIONS[0]
    expect(page.locator(".mlq-score")).to_have_text(score_line(0, 0))
    answer_with_mouse(page, question, right_response(question))
    check(page, question)
    result = assert_feedback_matches(page, question, right_response(question))
    assert result.status is Status.CORRECT
    expect(page.locator(".mlq-score")).to_have_text(score_line(result.points, 1))
