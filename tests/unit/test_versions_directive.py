"""The {versions-compare} directive in a real small Sphinx build: both tables, marks, escaping, errors."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from helpers import ROOT, versions_page
from medialit.versions import compare_files

FIXTURES = ROOT / "tests" / "fixtures" / "versions"


def build(tmp_path: Path, a: Path, b: Path, labels: str = "The wire copy | The later copy") -> tuple[int, str, Path]:
    return versions_page(tmp_path, a, b, labels=labels)


def test_the_page_shows_every_change_and_both_texts_with_the_edits_marked(tmp_path: Path) -> None:
    a, b = FIXTURES / "dam-wire-a.txt", FIXTURES / "dam-wire-b.txt"
    status, errors, page = build(tmp_path, a, b)
    assert status == 0, errors
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    comparison = compare_files(a, b)
    changes = soup.select("table.mlv-changes tbody tr")
    assert [row.select("td")[3].get_text() for row in changes] == [change.detail for change in comparison.changes]
    assert "claimed (doubt) → said (neutral)" in [row.select("td")[3].get_text() for row in changes]
    rows = soup.select("table.mlv-side tbody tr")
    assert len(rows) == len(comparison.rows)
    assert [row.select("td")[2].get_text() for row in rows] == [row.status.value for row in comparison.rows]
    first = rows[0].select("td")
    assert [tag.get_text() for tag in first[0].select("del")] == ["removed: claimed"]
    assert [tag.get_text() for tag in first[1].select("ins")] == ["added: said"]
    assert all(tag.select_one(".mlv-sr") for tag in soup.select(".mlv-compare del, .mlv-compare ins"))
    headers = [th.get_text() for th in soup.select("table.mlv-side thead th")]
    assert headers == ["The wire copy", "The later copy", "Paragraph"]


def test_article_text_and_labels_are_shown_as_text(tmp_path: Path) -> None:
    hostile = "Officials <script>alert(1)</script> claimed the dam was safe, <b>the agency</b> said."
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(f"A dam story\n\n{hostile}\n\nThe river rose on Monday.\n", encoding="utf-8")
    b.write_text(f"A dam story\n\n{hostile.replace('claimed', 'said')}\n\nThe river rose on Monday.\n", encoding="utf-8")
    status, errors, page = build(tmp_path, a, b, labels="<img src=x onerror=alert(2)> | B")
    assert status == 0, errors
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    compare = soup.select_one(".mlv-compare")
    assert compare is not None
    assert compare.select("script, img, b") == []
    assert "<script>alert(1)</script>" in compare.get_text() and "<img src=x onerror=alert(2)>" in compare.get_text()


def test_an_unreadable_version_stops_the_build_with_one_message_naming_it(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    status, errors, _page = build(tmp_path, FIXTURES / "dam-wire-a.txt", empty)
    assert status != 0
    assert "versions-compare" in errors and "empty.txt" in errors and "Traceback" not in errors
