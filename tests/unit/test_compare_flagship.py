"""medialit compare on the flagship article and a second version of it constructed for the test.

The repository holds one published version of the Telegraph text; the other is written here
(tests/fixtures/versions/wagner-kosovo-constructed-version.md, labelled as constructed in its
header) from the course article by the kinds of edit issue 16 names between the republished
versions. Each edit must be reported with its paragraph numbers, and nothing else.
"""

from __future__ import annotations

import pytest

from helpers import COURSE_ARTICLE, ROOT
from medialit.versions import ChangeKind, Comparison, RowStatus, compare_files

CONSTRUCTED = ROOT / "tests" / "fixtures" / "versions" / "wagner-kosovo-constructed-version.md"


@pytest.fixture(scope="module")
def flagship() -> Comparison:
    return compare_files(COURSE_ARTICLE, CONSTRUCTED)


def test_the_fixture_says_it_is_constructed() -> None:
    assert "CONSTRUCTED TEST VERSION, NOT A REAL PUBLICATION" in CONSTRUCTED.read_text(encoding="utf-8")


def test_every_paragraph_keeps_its_number(flagship: Comparison) -> None:
    assert all(row.a == row.b for row in flagship.rows)
    edited = [row.a for row in flagship.rows if row.status is RowStatus.EDITED]
    assert edited == [2, 3, 5, 34]
    assert {row.status for row in flagship.rows} == {RowStatus.SAME, RowStatus.EDITED}


def test_headline_and_byline(flagship: Comparison) -> None:
    headline = flagship.of_kind(ChangeKind.HEADLINE)
    assert [(c.a_text, c.b_text) for c in headline] == [
        (
            "Wagner Group helping Serbia prepare attack on Kosovo",
            "Wagner mercenaries helping Serbia prepare attack on Kosovo, president warns",
        )
    ]
    assert [(c.a_text, c.b_text) for c in flagship.of_kind(ChangeKind.BYLINE)] == [(None, "Our Foreign Staff")]
    assert flagship.of_kind(ChangeKind.DATE) == []


def test_claimed_becomes_said_in_p2(flagship: Comparison) -> None:
    [change] = flagship.of_kind(ChangeKind.VERB_CHANGED)
    assert (change.a_paragraph, change.b_paragraph, change.a_text, change.b_text) == (2, 2, "claimed", "said")


def test_secession_from_moscow_becomes_from_kyiv_in_p3(flagship: Comparison) -> None:
    [row] = [row for row in flagship.rows if row.a == 3]
    assert [(edit.a_text, edit.b_text) for edit in row.edits] == [("Moscow", "Kyiv")]
    edited = [c for c in flagship.of_kind(ChangeKind.PARAGRAPH_EDITED) if c.a_paragraph == 3]
    assert [c.detail for c in edited] == ["‹Moscow› → ‹Kyiv›"]


def test_an_added_she_added_in_p5(flagship: Comparison) -> None:
    [change] = flagship.of_kind(ChangeKind.VERB_ADDED)
    assert (change.a_paragraph, change.b_paragraph, change.b_text) == (5, 5, "added")
    assert change.detail == "Vjosa Osmani: + added (neutral)"


def test_the_journalists_sentence_put_in_the_presidents_mouth_in_p34(flagship: Comparison) -> None:
    [change] = flagship.of_kind(ChangeKind.JOURNALIST_TO_QUOTE)
    assert (change.a_paragraph, change.b_paragraph) == (34, 34)
    assert "Vjosa Osmani" in change.detail and "direct" in change.detail
    [quoted] = flagship.of_kind(ChangeKind.QUOTES_ADDED)
    assert (quoted.a_paragraph, quoted.b_paragraph) == (34, 34)
    assert quoted.b_text is not None and quoted.b_text.endswith("from the war in Ukraine")


def test_nothing_else_is_reported(flagship: Comparison) -> None:
    """Only the constructed edits: the metadata lines the Markdown copy lacks, and the five edits in four paragraphs."""
    paragraphs = {(c.kind, c.a_paragraph) for c in flagship.changes if c.a_paragraph is not None}
    assert paragraphs == {
        (ChangeKind.PARAGRAPH_EDITED, 2),
        (ChangeKind.VERB_CHANGED, 2),
        (ChangeKind.PARAGRAPH_EDITED, 3),
        (ChangeKind.PARAGRAPH_EDITED, 5),
        (ChangeKind.VERB_ADDED, 5),
        (ChangeKind.PARAGRAPH_EDITED, 34),
        (ChangeKind.JOURNALIST_TO_QUOTE, 34),
        (ChangeKind.QUOTES_ADDED, 34),
    }
    metadata = [(c.kind, c.detail.partition(":")[0]) for c in flagship.changes if c.a_paragraph is None]
    assert metadata == [
        (ChangeKind.HEADLINE, "headline"),
        (ChangeKind.BYLINE, "byline"),
        (ChangeKind.PROVENANCE, "republisher"),
    ]
