"""The checks must be able to fail: each planted problem is caught."""

from __future__ import annotations

from pathlib import Path

from pagecheck import check_page
from playwright.sync_api import Browser

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


def test_audit_reports_a_missing_alt_text(browser: Browser) -> None:
    report = check_page(browser, (PAGES / "inaccessible.html").as_uri())
    assert any(line.startswith("image-alt (critical)") for line in report.violations), report.violations
    assert report.outside_requests == [] and report.js_errors == []


def test_guard_blocks_and_reports_every_outside_request(browser: Browser) -> None:
    report = check_page(browser, (PAGES / "outside-request.html").as_uri())
    assert set(report.outside_requests) == {
        "https://fonts.example.invalid/font.css",
        "https://cdn.example.invalid/library.js",
        "https://analytics.example.invalid/hit",
    }
    assert report.problems()


def test_uncaught_script_errors_are_reported(browser: Browser) -> None:
    report = check_page(browser, (PAGES / "js-error.html").as_uri())
    assert any("thisFunctionDoesNotExist" in message for message in report.js_errors)


def test_a_missing_local_file_is_reported(browser: Browser, tmp_path: Path) -> None:
    page = tmp_path / "missing-asset.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title>'
        '<script src="_static/not-there.js"></script></head><body><main><h1>t</h1></main></body></html>',
        encoding="utf-8",
    )
    report = check_page(browser, page.as_uri())
    assert any("not-there.js" in url for url in report.failed_local_requests)
