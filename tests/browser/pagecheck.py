"""Open one page in a real browser, offline, and report everything wrong with it.

Every request is routed: only the page's own files (file://), loopback, data:, about: and blob:
go through; anything else is aborted and recorded. JS errors (uncaught exceptions and console
errors), dialogs (alert, confirm, prompt: no page of a course opens one) and failed local loads
are recorded. Then axe-core audits the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, Request, Route

LOCAL_PREFIXES: Final = ("file:", "data:", "about:", "blob:", "http://127.0.0.1", "http://localhost")

AXE_OPTIONS: Final = {"resultTypes": ["violations"], "preload": False}
"""All rules axe runs by default (WCAG A/AA and best practices). ``preload: False`` stops axe
fetching stylesheets with XMLHttpRequest, which file:// forbids and which would log errors that
are axe's, not the page's."""

_AXE: Final = Axe()


@dataclass
class PageReport:
    url: str
    outside_requests: list[str] = field(default_factory=list)
    failed_local_requests: list[str] = field(default_factory=list)
    js_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    """One line per axe violation: rule id, impact, and the first affected element."""

    def problems(self) -> list[str]:
        return (
            [f"outside request: {url}" for url in self.outside_requests]
            + [f"failed to load: {url}" for url in self.failed_local_requests]
            + [f"JS error: {message}" for message in self.js_errors]
            + [f"dialog opened: {message}" for message in self.dialogs]
            + [f"axe: {violation}" for violation in self.violations]
        )


def _is_local(url: str) -> bool:
    return url.startswith(LOCAL_PREFIXES)


def audit(page: Page) -> list[str]:
    """axe-core violations on the page as it is now, one line each."""
    results = _AXE.run(page, options=AXE_OPTIONS)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['nodes'][0]['target']} {violation['nodes'][0]['html'][:160]}"
        for violation in results.response["violations"]
    ]


PHONE: Final = {"width": 390, "height": 844}
"""A phone's viewport in CSS pixels (an iPhone 12 to 15)."""


def open_page(
    browser: Browser, url: str, report: PageReport, *, color_scheme: str = "light", viewport: dict[str, int] | None = None
) -> Page:
    """Open ``url`` in a fresh context with the offline guard and error listeners attached.

    ``viewport`` is the window's size in CSS pixels (default: Playwright's desktop 1280 x 720).
    """
    context = browser.new_context(
        color_scheme=color_scheme, service_workers="block", **({"viewport": viewport} if viewport else {})
    )

    def guard(route: Route) -> None:
        if _is_local(route.request.url):
            route.continue_()
        else:
            report.outside_requests.append(route.request.url)
            route.abort("blockedbyclient")

    def failed(request: Request) -> None:
        if _is_local(request.url):
            report.failed_local_requests.append(f"{request.url} ({request.failure})")

    context.route("**/*", guard)
    page = context.new_page()
    page.on("pageerror", lambda error: report.js_errors.append(str(error)))
    page.on("console", lambda message: report.js_errors.append(message.text) if message.type == "error" else None)
    page.on("requestfailed", failed)
    page.on("dialog", lambda dialog: (report.dialogs.append(f"{dialog.type}: {dialog.message}"), dialog.dismiss()))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    return page


@contextmanager
def opened(
    browser: Browser, url: str, *, color_scheme: str = "light", viewport: dict[str, int] | None = None
) -> Iterator[tuple[Page, PageReport]]:
    """The page open under the guard, with its report; the page's context is closed afterwards."""
    report = PageReport(url)
    page = open_page(browser, url, report, color_scheme=color_scheme, viewport=viewport)
    try:
        yield page, report
    finally:
        page.context.close()


LIVE_MARKUP_SCRIPT: Final = """(marker) => {
  const found = [];
  const describe = (el) => el.outerHTML.slice(0, 120);
  for (const el of document.querySelectorAll("*")) {
    for (const attribute of el.attributes) {
      if (/^on/i.test(attribute.name) && attribute.value.includes(marker)) found.push("event handler: " + describe(el));
      if (/^\\s*javascript:/i.test(attribute.value)) found.push("javascript: address: " + describe(el));
    }
  }
  const runnable = ["", "text/javascript", "module", "application/javascript"];
  for (const script of document.scripts) {
    if (runnable.includes(script.type) && script.textContent.includes(marker)) found.push("script: " + describe(script));
  }
  for (const el of document.querySelectorAll("img[src='x'], iframe, object, embed")) found.push("element: " + describe(el));
  const comments = document.createTreeWalker(document, NodeFilter.SHOW_COMMENT);
  while (comments.nextNode()) {
    if (comments.currentNode.data.includes(marker)) found.push("comment: " + comments.currentNode.data.slice(0, 80));
  }
  return found;
}"""


def live_markup(page: Page, marker: str) -> list[str]:
    """Markup that came from text and is live in the page: event handlers, runnable scripts and
    comments holding ``marker`` (the theme's own ``onclick`` handlers do not), any ``javascript:``
    address, and ``<img src=x>``, ``<iframe>``, ``<object>`` or ``<embed>`` elements."""
    found: list[str] = page.evaluate(LIVE_MARKUP_SCRIPT, marker)
    return found


def check_page(browser: Browser, url: str, *, color_scheme: str = "light", viewport: dict[str, int] | None = None) -> PageReport:
    """Open, let settle, audit and close: the whole check of one page."""
    with opened(browser, url, color_scheme=color_scheme, viewport=viewport) as (page, report):
        report.violations = audit(page)
    return report


def search_result_links(browser: Browser, site: Path, query: str) -> tuple[list[str], PageReport]:
    """The links of the site's search results for ``query``, searched from file:// (and the page's report)."""
    with opened(browser, (site / "search.html").as_uri() + f"?q={query}") as (page, report):
        results = page.locator("#search-results ul.search li")
        results.first.wait_for(timeout=10_000)
        links = [results.nth(i).locator("a").first.get_attribute("href") or "" for i in range(results.count())]
    return links, report
