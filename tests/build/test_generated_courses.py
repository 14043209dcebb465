"""Courses generated from every gold article build like the flagship: -W -n, a quiz per chapter, openings from the findings.

Each course is written and built once per session (the ``generated_courses`` fixture). The
corrections test writes and builds one more course, edits its corrections file, refreshes and
builds again. nbval runs every quiz notebook of a few courses in one pytest run: the notebooks of
all courses are written by the same code, and each kernel start costs about a second.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import GOLD_ARTICLES, ROOT, toc_docnames
from medialit.analysis.highlights import NOTHING_FOUND
from medialit.build import build_course
from medialit.generate.course import new_course, refresh_course
from medialit.generate.questions import BANKS
from medialit.quiz import find_banks, load_bank

pytestmark = pytest.mark.build

REAL_STYLE = (
    "aggregator-summary-no-headline", "anonymous-leak-relayed", "local-tv-story-reporter-i", "paste-one-paragraph-per-line",
    "study-story-linked-to", "wire-story-dateline-caption",
)  # fmt: skip
"""The six gold articles in real pages' house styles (tests/gold/README.md)."""
NBVAL_COURSES = ("wagner-kosovo-telegraph-2023", "local-tv-story-reporter-i", "study-story-linked-to")
CHAPTERS = ("provenance", "framing", "sourcing", "comparisons")


def page(site: Path, docname: str) -> BeautifulSoup:
    return BeautifulSoup((site / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")


def opening(site: Path, chapter: str) -> str:
    """The text of a chapter's "What stands out in this article" section, as a reader sees it."""
    box = page(site, f"book/{chapter}").select_one(".medialit-highlights")
    assert box is not None, chapter
    return " ".join(box.get_text(" ", strip=True).split())


def test_there_are_at_least_five_varied_gold_articles() -> None:
    assert len(GOLD_ARTICLES) >= 5 and {p.suffix for p in GOLD_ARTICLES} >= {".txt", ".md", ".html"}
    assert set(REAL_STYLE) <= {p.stem for p in GOLD_ARTICLES}


@pytest.mark.parametrize("name", [p.stem for p in GOLD_ARTICLES])
def test_the_generated_course_builds_with_a_quiz_in_every_chapter(
    generated_courses: dict[str, tuple[Path, Path]], name: str
) -> None:
    """Does every page build, does every chapter (and the closing check) have its quiz, and are there at least 12 questions?"""
    course, site = generated_courses[name]
    for docname in toc_docnames(course / "_toc.yml"):
        assert (site / f"{docname}.html").is_file(), docname
    banks = {path.stem: load_bank(path) for path in find_banks(course / "exercises")}
    assert set(banks) == {spec.id for spec in BANKS}
    assert sum(len(bank.questions) for bank in banks.values()) >= 12
    for spec in BANKS:
        quiz = page(site, f"exercises/{spec.id}-quiz")
        assert quiz.select(".mlq-question, [data-question]") or "mlq" in str(quiz), spec.id


@pytest.mark.parametrize("name", [p.stem for p in GOLD_ARTICLES])
def test_chapters_open_with_what_stands_out_and_link_the_paragraphs(
    generated_courses: dict[str, tuple[Path, Path]], name: str
) -> None:
    """Does each chapter open with sentences from the findings (or say briefly that none was found), linking paragraphs?"""
    _course, site = generated_courses[name]
    for chapter in CHAPTERS:
        text = opening(site, chapter)
        assert text, chapter
        box = page(site, f"book/{chapter}").select_one(".medialit-highlights")
        assert box is not None
        links = [a.get("href", "") for a in box.select("a")]
        assert text == NOTHING_FOUND or all(re.search(r"article\.html#p\d+$", str(href)) for href in links), (chapter, links)
    assert opening(site, "sourcing") != NOTHING_FOUND


def test_chapter_openings_differ_between_articles(generated_courses: dict[str, tuple[Path, Path]]) -> None:
    """Are the provenance, framing and sourcing openings of every article its own (never one text for all)?"""
    for chapter in ("provenance", "framing", "sourcing"):
        texts = [opening(site, chapter) for _course, site in generated_courses.values()]
        assert len(set(texts)) == len(texts), chapter


def test_no_empty_headline_table_and_no_comparison_quiz_about_absent_findings(
    generated_courses: dict[str, tuple[Path, Path]],
) -> None:
    """Is "Headline against body" left out where nothing was found, and a passing simile no comparison?"""
    _course, site = generated_courses["local-tv-story-reporter-i"]
    assert page(site, "book/framing").select("table.medialit-headline-table") == []
    assert opening(site, "comparisons") == NOTHING_FOUND
    _course, flagship_like = generated_courses["wagner-kosovo-telegraph-2023"]
    assert "compares" in opening(flagship_like, "comparisons")


def test_the_glossary_lists_the_articles_terms(generated_courses: dict[str, tuple[Path, Path]]) -> None:
    _course, site = generated_courses["local-tv-story-reporter-i"]
    table = page(site, "book/glossary").select_one("table.medialit-terms")
    assert table is not None
    text = table.get_text(" ", strip=True)
    assert "Dana Whitlow" in text and "Cedar Hollow Farm Sanctuary" in text
    assert table.select('a[href$="article.html#p3"]')


def _edit(text: str, anchor: str, field: str, value: str) -> str:
    """``text`` with ``field`` of the entry that starts at the line ``anchor`` set to ``value`` (once, and it must be there)."""
    start = text.index(anchor + "\n")
    line = text.index(f"  {field}: ", start)
    end = text.index("\n", line)
    return text[:line] + f"  {field}: {value}" + text[end:]


def test_a_correction_changes_a_table_an_opening_and_a_question(tmp_path: Path) -> None:
    """Edit the corrections file (rename Whitlow, give the anonymous neighbour's P13 to her): after refresh and
    build, do the sources table, the sourcing opening and a generated question show it, the chapter page untouched?"""
    article = ROOT / "articles" / "local-tv-story-reporter-i.txt"
    course = new_course(article, tmp_path / "course")
    site = build_course(course)
    before_table = page(site, "book/sourcing").select_one("table.medialit-sources")
    assert before_table is not None and "Dana Whitlow-Reyes" not in before_table.get_text()
    before_opening = opening(site, "sourcing")
    page_text = (course / "book" / "sourcing.md").read_text(encoding="utf-8")
    corrections = course / "analysis" / "local-tv-story-reporter-i.yml"
    text = corrections.read_text(encoding="utf-8")
    assert "  - Whitlow\n  name: Dana Whitlow\n" in text and "- paragraph: 13\n" in text
    whitlow = text[: text.index("  - Whitlow\n")].rsplit("- id: ", 1)[1].split("\n", 1)[0]
    text = _edit(text, f"- id: {whitlow}", "name", "Dana Whitlow-Reyes")
    text = _edit(text, "- paragraph: 13", "speaker", whitlow)
    corrections.write_text(text, encoding="utf-8")
    refresh_course(course)
    site = build_course(course)
    after_table = page(site, "book/sourcing").select_one("table.medialit-sources")
    assert after_table is not None and "Dana Whitlow-Reyes" in after_table.get_text()
    assert opening(site, "sourcing") != before_opening and "Dana Whitlow-Reyes" in opening(site, "sourcing")
    questions = [q for spec in BANKS for q in load_bank(course / "exercises" / f"{spec.id}.yml").questions]
    assert any("Dana Whitlow-Reyes" in q.model_dump_json() for q in questions)
    assert "Dana Whitlow-Reyes" in page(site, "exercises/sourcing-quiz").get_text()
    assert (course / "book" / "sourcing.md").read_text(encoding="utf-8") == page_text


def test_the_generated_notebooks_pass_nbval(generated_courses: dict[str, tuple[Path, Path]]) -> None:
    """Do the quiz notebooks of a few courses (every chapter's) give the same output when run again?"""
    folders = [str(generated_courses[name][0] / "exercises") for name in NBVAL_COURSES]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval", "-q", "-p", "no:cacheprovider", "-o", "addopts=", *folders],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert f"{len(NBVAL_COURSES) * len(BANKS)} passed" in result.stdout, result.stdout[-500:]
