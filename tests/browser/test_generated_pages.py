"""Every page of every generated course passes the flagship's browser checks: offline, no JS error, axe."""

from __future__ import annotations

from pathlib import Path

import pytest
from pagecheck import check_page
from playwright.sync_api import Browser

from helpers import GOLD_ARTICLES, toc_docnames


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("name", [p.stem for p in GOLD_ARTICLES])
def test_every_generated_page_is_offline_error_free_and_accessible(
    browser: Browser, generated_courses: dict[str, tuple[Path, Path]], name: str, color_scheme: str
) -> None:
    course, site = generated_courses[name]
    problems: list[str] = []
    for docname in toc_docnames(course / "_toc.yml"):
        report = check_page(browser, (site / f"{docname}.html").as_uri(), color_scheme=color_scheme)
        problems += [f"{docname}: {problem}" for problem in report.problems()]
    assert problems == []
