"""{versions-compare} with ``:show: texts``: the two versions side by side, with nothing marked.

A "find the differences yourself" task shows this first; the comparison comes after.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from helpers import ROOT, versions_page
from medialit.versions import compare_files

FIXTURES = ROOT / "tests" / "fixtures" / "versions"


def build(tmp_path: Path, a: Path, b: Path, show: str) -> tuple[int, str, BeautifulSoup]:
    status, errors, page = versions_page(tmp_path, a, b, options=show)
    html = page.read_text(encoding="utf-8") if page.is_file() else ""
    return status, errors, BeautifulSoup(html, "html.parser")


def test_texts_shows_both_versions_unmarked_with_their_page_details(tmp_path: Path) -> None:
    a, b = FIXTURES / "dam-wire-a.txt", FIXTURES / "dam-wire-b.txt"
    status, errors, soup = build(tmp_path, a, b, ":show: texts")
    assert status == 0, errors
    comparison = compare_files(a, b)
    box = soup.select_one(".mlv-compare.mlv-texts")
    assert box is not None
    assert box.select("del, ins, table.mlv-changes, .mlv-sr") == [], "nothing may say what changed"
    assert [th.get_text() for th in box.select("thead th")] == ["The wire copy", "The later copy"]
    rows = box.select("tbody tr")
    details = rows[:6]
    assert [row.select("td")[0].select_one(".mlv-p").get_text() for row in details] == [
        "Headline:",
        "Sub-headline:",
        "Byline:",
        "Published by:",
        "Republished by:",
        "Date:",
    ]
    assert details[0].select("td")[0].get_text() == f"Headline: {comparison.a.headline}"
    assert details[0].select("td")[1].get_text() == f"Headline: {comparison.b.headline}"
    paragraphs = rows[6:]
    assert len(paragraphs) == len(comparison.rows)
    for row, aligned in zip(paragraphs, comparison.rows, strict=True):
        left, right = row.select("td")
        if aligned.a is not None:
            assert left.get_text() == f"P{aligned.a} {comparison.a.paragraphs[aligned.a - 1]}"
        else:
            assert left.get_text() == "not in this version"
        if aligned.b is not None:
            assert right.get_text() == f"P{aligned.b} {comparison.b.paragraphs[aligned.b - 1]}"


def test_changes_is_the_default_and_can_be_named(tmp_path: Path) -> None:
    a, b = FIXTURES / "dam-wire-a.txt", FIXTURES / "dam-wire-b.txt"
    for show in ("", ":show: changes"):
        status, errors, soup = build(tmp_path / (show or "default").replace(":", "").replace(" ", "-"), a, b, show)
        assert status == 0, errors
        assert soup.select_one("table.mlv-changes") is not None and soup.select_one(".mlv-texts") is None


def test_an_unknown_show_value_stops_the_build(tmp_path: Path) -> None:
    status, errors, _soup = build(tmp_path, FIXTURES / "dam-wire-a.txt", FIXTURES / "dam-wire-b.txt", ":show: answers")
    assert status != 0
    assert "show" in errors and "texts" in errors
