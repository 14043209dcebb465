"""The Trace it chapter in chromium: the comparisons open from the keyboard and pass axe-core open.

The site-wide check audits every page as it loads, with the dropdowns closed; axe-core does not look
inside a closed <details>. Here the two comparisons are opened with the keyboard, as a student
would, and the page is audited again in light and dark.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pagecheck import audit, opened
from playwright.sync_api import Browser

COMPARISONS = ("Open the comparison (after you have made your list)", "Open the comparison of P1 to P3 with Beta Briefing")


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_the_comparisons_open_from_the_keyboard_and_are_accessible(browser: Browser, built_site: Path, color_scheme: str) -> None:
    with opened(browser, (built_site / "book" / "trace.html").as_uri(), color_scheme=color_scheme) as (page, report):
        texts = page.locator(".mlv-texts")
        assert texts.count() == 1 and texts.is_visible(), "the plain texts are shown before any comparison"
        assert page.locator(".mlv-changes").first.is_visible() is False, "the comparison waits until opened"
        for title in COMPARISONS:
            summary = page.locator("details summary", has_text=title)
            summary.focus()
            page.keyboard.press("Enter")
            assert summary.locator("xpath=..").evaluate("details => details.open"), title
        assert page.locator(".mlv-changes").count() == 2
        assert all(table.is_visible() for table in page.locator(".mlv-changes").all())
        assert page.locator("table.mlv-changes td", has_text="claimed (doubt) → said (neutral)").count() == 1
        report.violations = audit(page)
    assert report.problems() == []
