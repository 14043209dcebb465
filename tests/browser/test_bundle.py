"""The offline bundle, unzipped somewhere else and used in chromium from file:// with the network blocked.

The session's built flagship (``built_site``) is bundled with ``bundle_site`` (what ``medialit
bundle`` does after building), and the zip is extracted into a new folder, as a teacher would on
a USB stick: nothing may depend on where the site was built. Every page opens with no request
outside the folder, no failed load and no JS error; a quiz answered on one page counts on the
progress page; the search finds the article.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from pagecheck import audit, opened, search_result_links
from playwright.sync_api import Browser, expect
from quizpage import (
    BANK,
    CHECKABLE,
    MAX_POINTS,
    PROGRESS_PAGE,
    QUESTIONS,
    QUIZ_PAGE,
    SELF_MAX,
    answer_with_mouse,
    check,
    points_text,
    right_response,
    rubric_text,
    saved_answers,
)

from helpers import ROOT, toc_docnames
from medialit.build import read_yaml
from medialit.bundle import README, START_PAGE, bundle_site, project_name
from medialit.quiz import QuestionType, grade

PAGES = [f"{name}.html" for name in toc_docnames()] + ["genindex.html", "search.html"]


@pytest.fixture(scope="module")
def unzipped(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle of the session's built course, extracted into a folder of its own."""
    course = built_site.parent.parent
    bundle = bundle_site(course)
    target = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(bundle) as opened_zip:
        opened_zip.extractall(target)
    assert course not in target.parents
    return target


@pytest.fixture(scope="module")
def site(unzipped: Path) -> Path:
    return unzipped / project_name(ROOT)


def test_the_bundle_is_the_site_and_two_pointers(unzipped: Path, site: Path, built_site: Path) -> None:
    assert sorted(path.name for path in unzipped.iterdir()) == sorted([README, START_PAGE, site.name])
    built = {p.relative_to(built_site) for p in built_site.rglob("*") if p.is_file() and not p.name.startswith(".")}
    assert {p.relative_to(site) for p in site.rglob("*") if p.is_file()} == built


def test_the_start_page_is_accessible_and_leads_to_the_course(browser: Browser, unzipped: Path) -> None:
    with opened(browser, (unzipped / START_PAGE).as_uri()) as (page, report):
        report.violations = audit(page)
        page.get_by_role("link", name="Open the course").click()
        page.wait_for_url("**/book/index.html")
        assert page.locator("h1").first.inner_text().startswith(str(read_yaml(ROOT / "_config.yml")["title"]))
    assert report.problems() == []


@pytest.mark.parametrize("page_path", PAGES)
def test_every_page_opens_offline_from_the_unzipped_folder(browser: Browser, site: Path, page_path: str) -> None:
    """No outside request, no failed local load, no JS error (the accessibility audit is test_site_pages')."""
    with opened(browser, (site / page_path).as_uri()) as (page, report):
        expect(page.locator("h1:visible").first).not_to_be_empty()
    assert report.problems() == []


def test_an_answer_on_the_quiz_page_counts_on_the_progress_page(browser: Browser, site: Path) -> None:
    """The progress page opens in a second tab of the same browser, as the quiz page stays open.

    Both pages share the browser's storage for file:// pages. (Replacing the quiz page by the
    progress page in the same tab loses the last answer now and then in Chromium from file://:
    see ``quizpage.served``.)
    """
    question = next(question for question in QUESTIONS if question.type is QuestionType.TRUE_FALSE)
    points = grade(question, right_response(question)).points
    with opened(browser, (site / QUIZ_PAGE).as_uri()) as (page, report):
        answer_with_mouse(page, question, right_response(question))
        check(page, question)
        expect(page.locator(f'[data-mlq-question="{question.id}"] .mlq-feedback')).to_contain_text("Correct.")
        assert question.id in saved_answers(page)
        progress = page.context.new_page()
        progress.on("pageerror", lambda error: report.js_errors.append(str(error)))
        progress.on("console", lambda message: report.js_errors.append(message.text) if message.type == "error" else None)
        progress.goto((site / PROGRESS_PAGE).as_uri(), wait_until="load")
        row = progress.locator(".mlq-progress tbody tr", has_text=BANK.title)
        cells = [cell.strip() for cell in row.locator("th, td").all_inner_texts()]
        assert cells[2:] == [f"1 of {CHECKABLE}", points_text(points, MAX_POINTS), rubric_text(0, SELF_MAX)]
    assert report.problems() == []


def test_search_finds_the_article(browser: Browser, site: Path) -> None:
    links, report = search_result_links(browser, site, "Carabinieri")
    assert any("book/article.html" in link for link in links)
    assert report.problems() == []
