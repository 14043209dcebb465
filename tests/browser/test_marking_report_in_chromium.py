"""The marking report (``medialit mark --html``) from a results file made in chromium, and the report in chromium.

A student answers one question of each type of the flagship's article quiz, right and wrong in
turn, checks each answer, types a name and downloads the results file from "My progress". The
teacher's ``medialit mark --html`` on that file must report, for every question and every wrong
choice, the figures those answers imply (worked out with the Python grader). The report is then
opened from file:// as a teacher would open it: no axe violation, nothing fetched, nothing run,
and its parts on pages of their own when printed. (The graded quiz's report is checked in
``test_graded_quiz.py``.)
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pagecheck import audit, live_markup, opened
from playwright.sync_api import Browser, Page, expect
from quizpage import (
    BANK,
    PROGRESS_PAGE,
    QUIZ_PAGE,
    answer_with_mouse,
    check,
    first_of_each_type,
    right_response,
    served,
    wrong_response,
)

from helpers import HOSTILE_MARKER, ROOT, read_report
from medialit.cli import main
from medialit.quiz import grade
from medialit.quiz.mark import wrong_picks
from medialit.quiz.model import ShortAnswer
from medialit.quiz.report import percent

STUDENT = "Ana <i>Müller</i>"
HOSTILE_NAME = '<script>alert("name")</script><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def site(built_site: Path) -> Iterator[str]:
    with served(built_site) as url:
        yield url


def answers() -> dict[str, Any]:
    """One question of each type, wrong and right in turn (so there are wrong choices to count)."""
    return {q.id: wrong_response(q) if n % 2 == 0 else right_response(q) for n, q in enumerate(first_of_each_type())}


def results_made_in_chromium(browser: Browser, site: str, given: dict[str, Any], folder: Path) -> Path:
    with opened(browser, site + QUIZ_PAGE) as (page, report):
        for question in first_of_each_type():
            answer_with_mouse(page, question, given[question.id])
            if not isinstance(question, ShortAnswer):  # a written answer was compared while it was answered
                check(page, question)
        page.goto(site + PROGRESS_PAGE, wait_until="load")
        page.get_by_label("Your name, to put in your results file").fill(STUDENT)
        with page.expect_download() as info:
            page.get_by_role("button", name="Download my results (JSON)").click()
        handed_in = folder / "handed-in.json"
        info.value.save_as(handed_in)
    assert report.problems() == []
    return handed_in


def requests_made(page: Page) -> list[str]:
    """Every resource the page loaded after itself (from the browser's own record)."""
    names: list[str] = page.evaluate("() => performance.getEntriesByType('resource').map(entry => entry.name)")
    return names


def test_the_report_of_a_results_file_made_in_chromium_has_its_figures(browser: Browser, site: str, tmp_path: Path) -> None:
    given = answers()
    handed_in = results_made_in_chromium(browser, site, given, tmp_path)
    out = tmp_path / "report" / "report.html"
    out.parent.mkdir()
    assert main(["mark", str(handed_in), "--banks", str(ROOT / "exercises"), "--html", str(out)]) == 0
    shown = read_report(out.read_text(encoding="utf-8"))

    assert list(shown.students) == [STUDENT], "one student, named as typed (markup shown as text)"
    expected_choices = {}
    for question in first_of_each_type():
        result = grade(question, given[question.id])
        row = shown.questions[BANK.id, question.id]
        assert row["answered"] == "1 of 1", question.id
        share = percent(result.points / result.max_points)
        if isinstance(question, ShortAnswer):
            assert (row["right"], row["share"]) == ("written: self-assessed", f"{share} self-assessed"), question.id
            continue
        right = int(result.points == result.max_points)
        assert (row["right"], row["share"], row["tries"]) == (f"{right} ({right * 100}%)", share, "1.0"), question.id
        for pick in wrong_picks(question, given[question.id], result):
            expected_choices[BANK.id, question.id, pick.label] = {
                "students": "1 of 1 (100%)",
                "feedback": pick.feedback or "The bank gives no feedback for this choice.",
            }
    assert expected_choices, "the wrong answers given make wrong choices"
    assert shown.choices == expected_choices
    unanswered = [q for q in BANK.questions if q.id not in given]
    assert all(shown.questions[BANK.id, q.id]["answered"] == "0 of 1" for q in unanswered)
    written = next(q for q in first_of_each_type() if isinstance(q, ShortAnswer))
    ticked = len(given[written.id]["ticked"])
    assert shown.written == [(STUDENT, given[written.id]["text"], f"{ticked} of {len(written.rubric)}")]

    with opened(browser, out.as_uri()) as (page, report):
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            report.violations += [f"{scheme}: {violation}" for violation in audit(page)]
        assert requests_made(page) == []
        page.emulate_media(media="print")
        expect(page.get_by_role("navigation")).to_be_hidden()
        breaks = page.locator("section.part").evaluate_all("parts => parts.map(p => getComputedStyle(p).breakBefore)")
        assert breaks == ["auto", "page", "page", "page"]
    assert report.problems() == []


def test_a_report_of_hostile_names_and_answers_runs_nothing(browser: Browser, tmp_path: Path) -> None:
    written = next(q for q in BANK.questions if isinstance(q, ShortAnswer))
    answers = {written.id: {"response": {"text": f"{HOSTILE_NAME} <!-- {HOSTILE_MARKER} -->", "ticked": []}}}
    for name in ("a", "b"):  # the same hostile name twice: told apart by file
        data = {"format": "medialit-results", "version": 1, "course": "c", "student": HOSTILE_NAME}
        data["quizzes"] = [{"id": BANK.id, "answers": answers}]
        (tmp_path / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "report.html"
    assert (
        main(["mark", str(tmp_path / "a.json"), str(tmp_path / "b.json"), "--banks", str(ROOT / "exercises"), "--html", str(out)])
        == 0
    )
    with opened(browser, out.as_uri()) as (page, report):
        assert live_markup(page, HOSTILE_MARKER) == []
        expect(page.get_by_role("rowheader", name=f"{HOSTILE_NAME} (a.json)")).to_have_count(2)  # students, written answers
        report.violations = audit(page)
        assert requests_made(page) == []
    assert report.problems() == []
