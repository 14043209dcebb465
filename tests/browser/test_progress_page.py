"""The "My progress" page of the built site, read after answering the quiz in the same browser.

Answers are given on the quiz page, then the progress page is opened in the same browser context,
which shares the quiz page's localStorage. The site is served over loopback HTTP (see
``quizpage.served``) because these tests go from page to page. Download, Print and Erase are
pressed for real; the download is read back from disk. Every test ends by requiring no JS error
and no outside request.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from pagecheck import PageReport, opened
from playwright.sync_api import Browser, Page, expect
from quizpage import (
    BANK,
    CHECKABLE,
    MAX_POINTS,
    PROGRESS_PAGE,
    QUESTIONS,
    QUIZ_PAGE,
    SELF_MAX,
    Tally,
    answer_with_mouse,
    audit_light_and_dark,
    check,
    course_id,
    first_of_each_type,
    points_text,
    right_response,
    rubric_text,
    saved_answers,
    score_line,
    served,
    shown_response,
    storage_item,
    store_key,
    wrong_response,
)

from helpers import ROOT
from medialit.quiz import Question, QuestionType, find_banks, grade, load_bank


@pytest.fixture(scope="module")
def site(built_site: Path) -> Iterator[str]:
    """The built site's base URL on loopback HTTP."""
    with served(built_site) as url:
        yield url


PRINT_SPY = "() => { window.print = () => { window.__mlqPrinted = (window.__mlqPrinted || 0) + 1; }; }"
"""Stands in for the print dialog (which would block a headless run) and counts the calls."""


def answers() -> dict[str, Any]:
    """What the tests answer: one question of each type, right and wrong in turn; a written answer is compared."""
    return {
        question.id: right_response(question) if number % 2 else wrong_response(question)
        for number, question in enumerate(first_of_each_type())
    }


def by_id(question_id: str) -> Question:
    return next(question for question in QUESTIONS if question.id == question_id)


def tally(responses: dict[str, Any]) -> Tally:
    """The score of ``responses``, each answered and checked once."""
    counted = Tally()
    for question_id, response in responses.items():
        counted.add(by_id(question_id), grade(by_id(question_id), response))
    return counted


def expected_points(responses: dict[str, Any]) -> int:
    return tally(responses).points


@contextmanager
def progress_after_answering(browser: Browser, site: str, responses: dict[str, Any]) -> Iterator[tuple[Page, PageReport]]:
    """The progress page, opened after ``responses`` were answered and checked on the quiz page."""
    with opened(browser, site + QUIZ_PAGE) as (page, report):
        for question_id, response in responses.items():
            question = by_id(question_id)
            answer_with_mouse(page, question, response)
            check(page, question)
        expect(page.locator(".mlq-score")).to_have_text(tally(responses).line())
        page.goto(site + PROGRESS_PAGE, wait_until="load")
        expect(page.locator(".mlq-progress .mlq-controls")).to_be_visible()
        yield page, report


def manifest(page: Page) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(page.locator("script.mlq-manifest").text_content() or "null")
    return data


def table_rows(page: Page) -> list[list[str]]:
    rows = page.locator(".mlq-progress tbody tr")
    return [[cell.strip() for cell in row.locator("th, td").all_inner_texts()] for row in rows.all()]


def own_text(points: int, max_points: int) -> str:
    return rubric_text(points, max_points) if max_points else "none in this quiz"


def expected_rows(page: Page, points: int, checked: int, own: int = 0) -> list[list[str]]:
    """Every bank of the course, in order; only the quiz answered here has points."""
    rows = []
    for bank in manifest(page)["banks"]:
        if bank["id"] == BANK.id:
            rows.append(
                [
                    BANK.title,
                    bank["chapter_title"],
                    f"{checked} of {CHECKABLE}",
                    points_text(points, MAX_POINTS),
                    own_text(own, SELF_MAX),
                ]
            )
        else:
            rows.append(
                [
                    bank["title"],
                    bank["chapter_title"],
                    f"0 of {bank['checkable']}",
                    points_text(0, bank["max_points"]),
                    own_text(0, bank["self_max"]),
                ]
            )
    return rows


def course_max_points(page: Page) -> tuple[int, int]:
    banks = manifest(page)["banks"]
    return sum(int(bank["max_points"]) for bank in banks), sum(int(bank["self_max"]) for bank in banks)


def assert_table_shows(page: Page, points: int, checked: int, own: int = 0) -> None:
    assert table_rows(page) == expected_rows(page, points, checked, own)
    most, most_own = course_max_points(page)
    expect(page.locator(".mlq-progress .mlq-total")).to_have_text(points_text(points, most))
    expect(page.locator(".mlq-progress .mlq-self-total")).to_have_text(rubric_text(own, most_own))


def assert_table_shows_tally(page: Page, counted: Tally) -> None:
    assert_table_shows(page, counted.points, len(counted.first), sum(counted.own.values()))


def test_the_manifest_lists_the_bank_as_the_bank_file_defines_it(browser: Browser, site: str) -> None:
    with opened(browser, site + PROGRESS_PAGE) as (page, report):
        banks = manifest(page)["banks"]
        assert sorted(b["id"] for b in banks) == sorted(load_bank(path).id for path in find_banks(ROOT / "exercises"))
        bank = next(b for b in banks if b["id"] == BANK.id)
        assert (bank["id"], bank["title"], bank["questions"], bank["max_points"], bank["self_max"], bank["checkable"]) == (
            BANK.id,
            BANK.title,
            len(QUESTIONS),
            MAX_POINTS,
            SELF_MAX,
            CHECKABLE,
        )
        link = page.locator(".mlq-progress tbody th a", has_text=BANK.title)
        assert link.evaluate("a => a.href") == site + QUIZ_PAGE
        assert_table_shows(page, 0, 0)
        expect(page.locator(".mlq-progress .mlq-notice")).to_be_hidden()
    assert report.problems() == []


def test_progress_lists_the_quiz_with_its_score_and_questions_checked(browser: Browser, site: str) -> None:
    responses = answers()
    points = expected_points(responses)
    assert 0 < points < MAX_POINTS
    with progress_after_answering(browser, site, responses) as (page, report):
        assert_table_shows_tally(page, tally(responses))
    assert report.problems() == []


def test_download_gives_a_results_file_with_every_answer(browser: Browser, site: str) -> None:
    responses = answers()
    with progress_after_answering(browser, site, responses) as (page, report):
        with page.expect_download() as info:
            page.get_by_role("button", name="Download my results (JSON)").click()
        download = info.value
        course = course_id(page)
        assert download.suggested_filename == f"medialit-results-{course}.json"
        results = json.loads(Path(download.path()).read_text(encoding="utf-8"))
        expect(page.locator(".mlq-progress-status")).to_have_text("Your results file was downloaded.")
    assert report.problems() == []

    assert (results["format"], results["version"], results["course"], results["student"]) == ("medialit-results", 2, course, "")
    assert len(results["quizzes"]) == len(find_banks(ROOT / "exercises"))
    quiz = next(q for q in results["quizzes"] if q["id"] == BANK.id)
    assert all(q["points"] == 0 for q in results["quizzes"] if q["id"] != BANK.id)
    assert (quiz["id"], quiz["title"], quiz["questions"]) == (BANK.id, BANK.title, len(QUESTIONS))
    counted = tally(responses)
    assert (quiz["points"], quiz["max_points"], quiz["questions_checked"]) == (counted.points, MAX_POINTS, len(counted.first))
    assert (quiz["self_assessed_points"], quiz["self_assessed_max"]) == (sum(counted.own.values()), SELF_MAX)
    assert set(quiz["answers"]) == set(responses)
    for question_id, response in responses.items():
        result = grade(by_id(question_id), response)
        saved = quiz["answers"][question_id]
        brief = {"status": str(result.status), "points": result.points, "max_points": result.max_points}
        assert saved["response"] == response, question_id
        assert saved["result"] == brief
        if by_id(question_id).type is QuestionType.SHORT_ANSWER:
            assert (saved["first_response"], saved["tries"]) == (None, 0), "a written answer is self-assessed, not tried"
        else:
            assert (saved["first_response"], saved["first_result"], saved["tries"]) == (response, brief, 1), question_id


def test_the_students_name_is_kept_put_in_the_results_file_and_erased(browser: Browser, site: str) -> None:
    name = "Ana Müller-Ilić"
    with progress_after_answering(browser, site, {}) as (page, report):
        field = page.get_by_label("Your name, to put in your results file")
        field.fill(name)
        page.reload(wait_until="load")
        expect(field).to_have_value(name)
        with page.expect_download() as info:
            page.get_by_role("button", name="Download my results (JSON)").click()
        download = info.value
        assert download.suggested_filename == f"medialit-results-{course_id(page)}-ana-muller-ilic.json"
        assert json.loads(Path(download.path()).read_text(encoding="utf-8"))["student"] == name
        page.get_by_role("button", name="Erase my answers…").click()
        page.get_by_role("button", name="Yes, erase my answers").click()
        expect(field).to_have_value("")
        page.reload(wait_until="load")
        expect(field).to_have_value("")
    assert report.problems() == []


def test_print_button_opens_the_print_dialog(browser: Browser, site: str) -> None:
    with opened(browser, site + PROGRESS_PAGE) as (page, report):
        page.evaluate(PRINT_SPY)
        assert page.evaluate("window.__mlqPrinted || 0") == 0
        page.get_by_role("button", name="Print my results").click()
        assert page.evaluate("window.__mlqPrinted || 0") == 1
    assert report.problems() == []


def test_erase_after_confirming_empties_the_table_and_the_storage(browser: Browser, site: str) -> None:
    responses = answers()
    with progress_after_answering(browser, site, responses) as (page, report):
        confirm = page.locator(".mlq-progress .mlq-confirm")
        expect(confirm).to_be_hidden()
        page.get_by_role("button", name="Erase my answers…").click()
        expect(confirm).to_be_visible()
        expect(page.get_by_role("button", name="Yes, erase my answers")).to_be_focused()
        assert set(saved_answers(page)) == set(responses), "nothing is erased before confirming"
        page.get_by_role("button", name="Yes, erase my answers").click()

        expect(confirm).to_be_hidden()
        expect(page.get_by_role("button", name="Erase my answers…")).to_be_focused()
        expect(page.locator(".mlq-progress-status")).to_have_text(
            "All your answers in this course, and your name, were erased from this browser."
        )
        assert_table_shows(page, 0, 0)
        raw = storage_item(page, store_key(page))
        assert raw is None or json.loads(raw)["banks"] == {}
        page.goto(site + QUIZ_PAGE, wait_until="load")
        expect(page.locator(".mlq-score")).to_have_text(score_line(0, 0))
        for question in QUESTIONS:
            assert page.locator(f'[data-mlq-question="{question.id}"] .mlq-feedback').inner_text() == ""
            if question.type in {QuestionType.SINGLE, QuestionType.TRUE_FALSE}:
                assert shown_response(page, question) is None
            elif question.type in {QuestionType.MULTIPLE, QuestionType.FIND_IN_TEXT}:
                assert shown_response(page, question) == []
        assert saved_answers(page) == {}
    assert report.problems() == []


def test_cancel_leaves_every_answer_in_place(browser: Browser, site: str) -> None:
    """Driven from the keyboard: Enter on Erase, Tab to Cancel, Enter; focus returns to Erase."""
    responses = answers()
    with progress_after_answering(browser, site, responses) as (page, report):
        before = storage_item(page, store_key(page))
        rows = table_rows(page)
        erase = page.get_by_role("button", name="Erase my answers…")
        erase.focus()
        page.keyboard.press("Enter")
        expect(page.get_by_role("button", name="Yes, erase my answers")).to_be_focused()
        page.keyboard.press("Tab")
        expect(page.get_by_role("button", name="Cancel")).to_be_focused()
        page.keyboard.press("Enter")

        expect(page.locator(".mlq-progress .mlq-confirm")).to_be_hidden()
        expect(erase).to_be_focused()
        expect(page.locator(".mlq-progress-status")).to_have_text("Nothing was erased.")
        assert table_rows(page) == rows
        assert_table_shows_tally(page, tally(responses))
        assert storage_item(page, store_key(page)) == before
    assert report.problems() == []


def test_the_filled_progress_page_has_no_axe_violations_in_light_and_dark(browser: Browser, site: str) -> None:
    """With scores in the table, the erase confirmation open and a status message shown."""
    with progress_after_answering(browser, site, answers()) as (page, report):
        page.get_by_role("button", name="Erase my answers…").click()
        expect(page.locator(".mlq-progress .mlq-confirm")).to_be_visible()
        page.get_by_role("button", name="Download my results (JSON)").click()
        expect(page.locator(".mlq-progress-status")).not_to_be_empty()
        report.violations = audit_light_and_dark(page)
    assert report.problems() == []


def test_damaged_storage_shows_a_notice_on_the_progress_page(browser: Browser, site: str) -> None:
    with opened(browser, site + PROGRESS_PAGE) as (page, report):
        course = course_id(page)
        page.evaluate("key => window.localStorage.setItem(key, '[1, 2')", store_key(page))
        page.reload(wait_until="load")
        notice = page.locator(".mlq-progress .mlq-notice")
        expect(notice).to_be_visible()
        expect(notice).to_contain_text("the saved data is damaged")
        assert storage_item(page, f"medialit:backup:{course}") == "[1, 2"
        assert_table_shows(page, 0, 0)
    assert report.problems() == []
