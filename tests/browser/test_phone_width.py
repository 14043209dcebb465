"""Pages on a 390 px phone: nothing scrolls sideways, no table cell is cut off, and axe stays clean.

Wide tables become one card per row on narrow screens (medialit.sphinxext.phone_tables); a table
that cannot must say in words that it scrolls. Every page of the flagship and of one generated
course is opened at 390 x 844; those with the most tables are also audited by axe-core there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pagecheck import PHONE, check_page, opened
from playwright.sync_api import Browser

from helpers import toc_docnames

LAYOUT_SCRIPT = """() => {
  const width = document.documentElement.clientWidth;
  const hidden = (cell) => {
    const head = cell.closest("thead");
    return head !== null && getComputedStyle(head).position === "absolute";
  };
  const cut = [];
  for (const cell of document.querySelectorAll("td, th")) {
    const box = cell.getBoundingClientRect();
    if (box.width <= 1 || hidden(cell)) continue;
    const scroller = cell.closest(".ml-scroll");
    const signalled = scroller !== null && scroller.previousElementSibling?.classList.contains("ml-scroll-hint")
      && getComputedStyle(scroller.previousElementSibling).display !== "none";
    if ((box.right > width + 1 || box.left < -1) && !signalled) cut.push(cell.textContent.trim().slice(0, 40));
  }
  return {page: document.documentElement.scrollWidth, width, cut};
}"""

AUDITED = ["book/sourcing", "book/framing", "book/progress", "book/crimea-analogy"]
"""The flagship's pages with the most and widest tables, audited by axe at phone width."""


def layout_problems(browser: Browser, url: str) -> list[str]:
    with opened(browser, url, viewport=PHONE) as (page, report):
        found = page.evaluate(LAYOUT_SCRIPT)
    problems = report.problems()
    if found["page"] > found["width"]:
        problems.append(f"the page scrolls sideways: {found['page']} px wide in a {found['width']} px screen")
    problems += [f"table cell cut off: {text!r}" for text in found["cut"]]
    return problems


@pytest.mark.parametrize("docname", toc_docnames())
def test_a_flagship_page_fits_a_phone(browser: Browser, built_site: Path, docname: str) -> None:
    assert layout_problems(browser, (built_site / f"{docname}.html").as_uri()) == []


def test_every_page_of_a_generated_course_fits_a_phone(browser: Browser, generated_courses: dict[str, tuple[Path, Path]]) -> None:
    course, site = generated_courses["wagner-kosovo-telegraph-2023"]
    problems = {
        name: found
        for name in toc_docnames(course / "_toc.yml")
        if (found := layout_problems(browser, (site / f"{name}.html").as_uri()))
    }
    assert problems == {}


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("docname", AUDITED)
def test_tables_as_cards_pass_axe(browser: Browser, built_site: Path, docname: str, color_scheme: str) -> None:
    report = check_page(browser, (built_site / f"{docname}.html").as_uri(), color_scheme=color_scheme, viewport=PHONE)
    assert report.problems() == []
