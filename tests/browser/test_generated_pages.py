"""Generated courses pass the flagship's browser checks: offline, no JS error, axe.

Every page of a few courses is opened (one of them in both colour schemes); of every other course, its quiz
pages and chapter openings (what differs from article to article), in the light scheme. The pages
they leave out are made from the same templates as those of the courses opened whole.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pagecheck import check_page
from playwright.sync_api import Browser

from helpers import GOLD_ARTICLES, toc_docnames

WHOLE: tuple[str, ...] = ("wagner-kosovo-telegraph-2023", "local-tv-story-reporter-i", "study-story-linked-to")
"""Courses whose every page is opened, in the light scheme."""
DARK: str = "local-tv-story-reporter-i"
"""The course whose every page is also opened in the dark scheme (the theme's colours are the same for all)."""
CHAPTER_PAGES: tuple[str, ...] = ("book/provenance", "book/framing", "book/sourcing", "book/comparisons", "book/glossary")


def _check(browser: Browser, site: Path, docnames: list[str], color_scheme: str) -> list[str]:
    problems: list[str] = []
    for docname in docnames:
        report = check_page(browser, (site / f"{docname}.html").as_uri(), color_scheme=color_scheme)
        problems += [f"{docname}: {problem}" for problem in report.problems()]
    return problems


@pytest.mark.parametrize(
    ("name", "color_scheme"), [*((name, "light") for name in WHOLE), (DARK, "dark")], ids=lambda value: str(value)
)
def test_every_page_of_a_few_generated_courses_is_offline_error_free_and_accessible(
    browser: Browser, generated_courses: dict[str, tuple[Path, Path]], name: str, color_scheme: str
) -> None:
    course, site = generated_courses[name]
    assert _check(browser, site, toc_docnames(course / "_toc.yml"), color_scheme) == []


@pytest.mark.parametrize("name", [p.stem for p in GOLD_ARTICLES if p.stem not in WHOLE])
def test_the_quiz_pages_and_chapter_openings_of_every_other_course_pass(
    browser: Browser, generated_courses: dict[str, tuple[Path, Path]], name: str
) -> None:
    course, site = generated_courses[name]
    quizzes = [d for d in toc_docnames(course / "_toc.yml") if d.startswith("exercises/")]
    assert len(quizzes) == 5
    assert _check(browser, site, [*quizzes, *CHAPTER_PAGES], "light") == []
