"""The reader against the expected parses of real-style pastes (tests/fixtures/parse/*.yml).

Each expected parse says what a correct reader makes of one article in ``articles/``: headline,
sub-headline, byline, dateline, captions, every line removed with its kind, and the first 60
characters of every body paragraph. The format and its conventions are in
tests/fixtures/parse/README.md.

One convention is read here, not changed: the expected parses' kind ``other`` means "removed, for a
reason the file names only in a comment" (a contributor line, an editor's note, a "More
information" box); for those lines the test asks only that the line is removed, whatever kind the
reader gives it (``contributors``, ``editors-note``, ``promo``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from medialit.article import Article, BoilerplateKind
from medialit.ingest import load_article

PARSES = Path(__file__).resolve().parents[1] / "fixtures" / "parse"
EXPECTED = sorted(PARSES.glob("*.yml"))
ANY_KIND = "other"
"""The expected parses' catch-all kind: the line must be removed; its kind is not checked."""


def expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def article_of(path: Path) -> Article:
    return load_article((path.parent / expected(path)["article"]).resolve())


@pytest.fixture(scope="module", params=EXPECTED, ids=[path.stem for path in EXPECTED])
def case(request: pytest.FixtureRequest) -> tuple[dict[str, Any], Article]:
    path: Path = request.param
    return expected(path), article_of(path)


def test_there_are_expected_parses() -> None:
    """Is there at least one expected parse to check the reader against?"""
    assert EXPECTED


def test_every_kind_named_in_the_expected_parses_is_a_kind_the_reader_gives() -> None:
    """Does every kind the expected parses use (except the catch-all "other") exist in BoilerplateKind?"""
    kinds = {line["kind"] for path in EXPECTED for line in expected(path)["removed"]} - {ANY_KIND}
    assert kinds <= {str(kind) for kind in BoilerplateKind}


def test_headline_subheadline_byline_and_dateline_are_read_as_expected(case: tuple[dict[str, Any], Article]) -> None:
    """Are the headline (None when the page has none), sub-headline, byline (names only) and dateline (place only) right?"""
    want, article = case
    got = (article.headline, article.subheadline, article.byline, article.dateline)
    assert got == (want["headline"], want["subheadline"], want["byline"], want["dateline"])


def test_captions_are_read_with_their_credits_and_places(case: tuple[dict[str, Any], Article]) -> None:
    """Is every photo caption read with its credit (brackets dropped) after the right paragraph, and nothing else?"""
    want, article = case
    got = [{"text": c.text, "credit": c.credit, "after_paragraph": c.after_paragraph} for c in article.captions]
    assert got == want["captions"]


def test_every_removed_line_is_removed_with_its_kind(case: tuple[dict[str, Any], Article]) -> None:
    """Is each line the expected parse lists as removed in Article.removed, with the same kind (any kind for "other")?"""
    want, article = case
    removed: dict[str, list[str]] = {}
    for line in article.removed:
        removed.setdefault(line.text, []).append(str(line.kind))
    for line in want["removed"]:
        assert line["text"] in removed, f"not removed: {line['text']!r}"
        if line["kind"] != ANY_KIND:
            assert line["kind"] in removed[line["text"]], f"{line['text']!r}: {removed[line['text']]} is not {line['kind']}"


def test_nothing_else_is_removed(case: tuple[dict[str, Any], Article]) -> None:
    """Are the removed lines exactly the expected ones, in page order (every other line is text, a caption or a heading)?"""
    want, article = case
    assert [line.text for line in article.removed] == [line["text"] for line in want["removed"]]


def test_paragraphs_are_counted_and_start_as_expected(case: tuple[dict[str, Any], Article]) -> None:
    """Are there as many body paragraphs as expected, each starting with the expected 60 characters?"""
    want, article = case
    assert [p.text[:60] for p in article.paragraphs] == want["paragraphs"]


def test_no_removed_line_is_also_a_paragraph(case: tuple[dict[str, Any], Article]) -> None:
    """Is every line the expected parse removes absent from the body paragraphs?"""
    want, article = case
    paragraphs = {p.text for p in article.paragraphs}
    assert not [line["text"] for line in want["removed"] if line["text"] in paragraphs]


def test_provenance_publisher_date_relay_and_note_are_read_as_expected(case: tuple[dict[str, Any], Article]) -> None:
    """Are the original publisher, the date, the republisher, the relay, the contributors and the editor's note right?"""
    want, article = case
    provenance, stated = article.provenance, want["provenance"]
    date = stated["original_date"]
    assert provenance.original_publisher == stated["original_publisher"]
    assert provenance.original_date == (date if isinstance(date, dt.date) or date is None else dt.date.fromisoformat(date))
    assert provenance.republisher == stated["republisher"]
    assert provenance.relayed_from == stated["relayed_from"]
    assert (", ".join(provenance.contributors) or None) == stated["contributors"]
    assert provenance.editors_note == stated["editors_note"]
