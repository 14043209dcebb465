"""The flagship course's texts: errors found by a teacher's read of the student edition must not come back.

Each test names the error it guards against. Pages are read from book/*.md with the teacher-only
blocks taken out, which is what the student edition shows of them.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BOOK = ROOT / "book"
_TEACHER_ONLY = re.compile(r"^(:{3,})\{teacher-only\}.*?^\1\s*$", re.M | re.S)


def student_text(page: str) -> str:
    """A page's MyST source without its teacher-only blocks."""
    return _TEACHER_ONLY.sub("", (BOOK / page).read_text(encoding="utf-8"))


def student_pages() -> dict[str, str]:
    return {p.name: student_text(p.name) for p in sorted(BOOK.glob("*.md"))}


def test_the_article_page_says_exactly_what_the_copy_changes() -> None:
    """Is the claim that only the website's buttons were removed gone, and are the moved lines named?"""
    text = student_text("article.md")
    assert "Only the website's own buttons and links have been removed" not in text
    for line in ("Originally published by the Telegraph on February 11, 2023", "© Telegraph Media Group Limited 2023"):
        assert line in text
    assert "CREDIT:" in text and "Credit:" in text


def test_provenance_points_students_only_at_lines_their_copy_shows() -> None:
    """Does Provenance send readers to the box, not to lines "under the sub-headline" or "at the foot of the text"?"""
    text = student_text("provenance.md")
    assert "**Under the sub-headline:**" not in text and "**At the foot of the text:**" not in text
    assert "Every one of them ends\nwith the same credit: “CREDIT: Heathcliff O'Malley”" not in text
    assert "Moved from the page into this box" in text


def test_references_do_not_give_the_republished_headline_as_the_telegraphs_title() -> None:
    text = student_text("references.md")
    assert "The Telegraph (2023). *Wagner Group helping Serbia prepare attack on Kosovo*" not in text
    assert "not known from\n  this page" in text or "not known from this page" in " ".join(text.split())
