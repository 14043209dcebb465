"""Every built page, opened from file:// in chromium with the network blocked.

Each page must make no request outside the site, load every local file it asks for, raise no JS
error, and pass an axe-core audit with zero violations, in the theme's light and dark modes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pagecheck import audit, check_page, opened, search_result_links
from playwright.sync_api import Browser

from helpers import toc_docnames
from medialit.editions import Edition

PAGES = [f"{name}.html" for name in toc_docnames()] + ["genindex.html", "search.html"]
"""Every page the site should have: the table of contents, plus Sphinx's index and search."""

TEACHER_PAGES = [f"{name}.html" for name in toc_docnames(edition=Edition.TEACHER)]
"""Every page of the teacher edition's table of contents (its teacher pages, and chapters with teacher notes)."""

TEACHER_DARK = ["book/teacher-guide.html", "book/answer-keys.html", "book/framing.html"]
"""Teacher pages checked in the dark scheme too: the teacher-only boxes and keys look the same on every page."""

REDIRECT = "index.html"
"""The root page, which forwards to the course's first page."""


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("page", PAGES)
def test_page_is_offline_error_free_and_accessible(browser: Browser, built_site: Path, page: str, color_scheme: str) -> None:
    report = check_page(browser, (built_site / page).as_uri(), color_scheme=color_scheme)
    assert report.problems() == []


@pytest.mark.parametrize(
    ("page", "color_scheme"), [(page, "light") for page in TEACHER_PAGES] + [(page, "dark") for page in TEACHER_DARK]
)
def test_teacher_edition_page_is_offline_error_free_and_accessible(
    browser: Browser, teacher_site: Path, page: str, color_scheme: str
) -> None:
    report = check_page(browser, (teacher_site / page).as_uri(), color_scheme=color_scheme)
    assert report.problems() == []


def test_every_built_page_is_in_the_checked_list(built_site: Path) -> None:
    """Is there no built page that the parametrised check above would miss?"""
    built = {
        path.relative_to(built_site).as_posix()
        for path in built_site.rglob("*.html")
        if not {"_static", "_sources"} & set(path.relative_to(built_site).parts)
    }
    assert built == set(PAGES) | {REDIRECT}


def test_root_index_opens_the_course(browser: Browser, built_site: Path) -> None:
    with opened(browser, (built_site / REDIRECT).as_uri()) as (page, report):
        page.wait_for_url("**/book/index.html")
        assert page.locator("h1").first.inner_text().startswith("Reading the news closely")
    assert report.problems() == []


def test_root_redirect_page_itself_is_accessible(browser: Browser, built_site: Path) -> None:
    """Audited as markup (it navigates away at once when opened)."""
    page = browser.new_page()
    try:
        page.set_content((built_site / REDIRECT).read_text(encoding="utf-8").replace('http-equiv="refresh"', "data-x"))
        assert audit(page) == []
    finally:
        page.close()


def test_search_works_from_file_urls(browser: Browser, built_site: Path) -> None:
    links, report = search_result_links(browser, built_site, "Carabinieri")
    assert any("book/article.html" in link for link in links)
    assert report.problems() == []


def test_keyboard_user_can_skip_to_the_content(browser: Browser, built_site: Path) -> None:
    with opened(browser, (built_site / "book" / "article.html").as_uri()) as (page, report):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
        assert focused == "Skip to main content"
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == "#main-content"
    assert report.problems() == []


def test_paragraph_links_land_on_the_paragraph(browser: Browser, built_site: Path) -> None:
    with opened(browser, (built_site / "book" / "how-to-use.html").as_uri()) as (page, report):
        page.get_by_role("link", name="P2", exact=True).click()
        page.wait_for_url("**/book/article.html#p2")
        assert page.locator("#p2").is_visible()
        assert page.locator("#p2").inner_text().startswith("P2 The secret operation")
    assert report.problems() == []
