"""A course made from a hostile article runs nothing from it: every page, both editions, the bundle and the PDF.

The article (``tests/fixtures/articles/hostile-everywhere.txt``) carries ``<script>``, ``<img
onerror>``, ``javascript:`` links, MyST directives and roles, Jinja templates, a colon fence, HTML
comments, RTL and zero-width characters and a 240-letter word in its headline, sub-headline,
byline, a caption, body paragraphs and speakers' names. Each page is opened from ``file://`` with
a dialog listener: no dialog, no JS error, no axe violation, and no element or attribute in the
page carries the planted markup as live HTML. The text itself is not lost: the article page shows
it, character for character.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pagecheck import audit, live_markup, opened
from playwright.sync_api import Browser

from helpers import HOSTILE_ARTICLE, HOSTILE_MARKER, HostileCourse
from medialit.build import read_yaml
from medialit.editions import Edition
from medialit.ingest import load_article
from medialit.pdf import make_pdfs


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not {"_static", "_sources"} & set(p.relative_to(site).parts))


def _problems(browser: Browser, page_file: Path, label: str) -> list[str]:
    with opened(browser, page_file.as_uri()) as (page, report):
        report.violations = audit(page)
        found = report.problems() + [f"live markup: {item}" for item in live_markup(page, HOSTILE_MARKER)]
    return [f"{label}: {problem}" for problem in found]


@pytest.mark.parametrize("edition", ["student", "teacher"])
def test_no_page_of_a_hostile_course_runs_or_keeps_live_markup(
    browser: Browser, hostile_course: HostileCourse, edition: str
) -> None:
    """Does every page (search and index included) open with no dialog, JS error, axe violation or live planted markup?"""
    site = hostile_course.student_site if edition == "student" else hostile_course.teacher_site
    pages = _pages(site)
    assert len(pages) >= 12
    problems = [problem for page in pages for problem in _problems(browser, page, str(page.relative_to(site)))]
    assert problems == []


def test_the_article_page_shows_the_hostile_text_as_text(browser: Browser, hostile_course: HostileCourse) -> None:
    """Is nothing of the article lost or changed: markup, templates, directives, RTL, zero-width and the long word?"""
    article = load_article(HOSTILE_ARTICLE)
    with opened(browser, (hostile_course.student_site / "book" / "article.html").as_uri()) as (page, report):
        text = page.locator("main").inner_text()
        assert report.problems() == []
    expected = [article.headline, *(p.text for p in article.paragraphs), *(c.text for c in article.captions)]
    assert article.subheadline
    expected.append(article.subheadline)
    for part in expected:
        assert " ".join(part.split()) in " ".join(text.split()), part[:60]
    assert "\u202e" in text and "\u200b" in text and "Supercalifragilistic" * 12 in text


def test_searching_the_hostile_course_shows_titles_as_text(browser: Browser, hostile_course: HostileCourse) -> None:
    """Do search results (whose titles Sphinx writes with innerHTML) show the planted headline without running it?"""
    site = hostile_course.student_site
    with opened(browser, (site / "search.html").as_uri() + "?q=Mayor") as (page, report):
        results = page.locator("#search-results ul.search li")
        results.first.wait_for(timeout=10_000)
        assert "<script>" in results.first.inner_text()
        assert live_markup(page, HOSTILE_MARKER) == [] and report.problems() == []


def test_the_offline_bundle_of_a_hostile_course_runs_nothing(
    browser: Browser, hostile_course: HostileCourse, tmp_path: Path
) -> None:
    """Does the unzipped bundle's START-HERE page show the course title as text, and its site run nothing planted?"""
    with zipfile.ZipFile(hostile_course.bundle) as bundle:
        bundle.extractall(tmp_path)
    start = tmp_path / "START-HERE.html"
    title = str(read_yaml(hostile_course.course / "_config.yml")["title"])
    problems = _problems(browser, start, "START-HERE.html")
    with opened(browser, start.as_uri()) as (page, _report):
        assert page.locator("h1").inner_text() == " ".join(title.split())
    (folder,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    problems += _problems(browser, folder / "index.html", "index.html")
    problems += _problems(browser, folder / "book" / "article.html", "book/article.html")
    assert problems == []


def test_the_printed_pdf_of_a_hostile_course_names_it_as_text(browser: Browser, hostile_course: HostileCourse) -> None:
    """Are the PDF's title and footer the course title as text, neither run nor escaped twice (no "&lt;")?"""
    (printed,) = make_pdfs(hostile_course.course, [Edition.STUDENT], browser=browser)
    title = " ".join(str(read_yaml(hostile_course.course / "_config.yml")["title"]).split())
    pdf = pdfium.PdfDocument(printed.path)
    try:
        metadata_title = pdf.get_metadata_dict().get("Title", "")
        first_page = pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()
    assert '<script>alert("headline")</script>' in metadata_title and "&lt;" not in metadata_title
    assert title[:40] in " ".join(first_page.split()) and "&lt;" not in first_page
