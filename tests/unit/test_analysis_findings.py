"""Framing, evidence and analogy findings: on the course article and on the wire story built to test them."""

from __future__ import annotations

import pytest

from helpers import COURSE_ARTICLE, ROOT
from medialit.analysis import Analysis, analyze
from medialit.analysis.findings import HeadlineChange, Support, WordKind
from medialit.ingest import load_article

WIRE_STORY = ROOT / "articles" / "wire-story-changed-headline.txt"


@pytest.fixture(scope="module")
def course() -> Analysis:
    return analyze(load_article(COURSE_ARTICLE))


@pytest.fixture(scope="module")
def wire() -> Analysis:
    return analyze(load_article(WIRE_STORY))


def test_the_course_headline_drops_the_attribution_and_changes_the_actor(course: Analysis) -> None:
    headline = [f for f in course.framing.headline if f.line == "headline"]
    changes = {f.change for f in headline}
    assert HeadlineChange.ATTRIBUTION_DROPPED in changes
    dropped = next(f for f in headline if f.change is HeadlineChange.ATTRIBUTION_DROPPED)
    assert dropped.paragraph == 1 and "Vjosa Osmani" in dropped.detail
    actor = next(f for f in headline if f.change is HeadlineChange.ACTOR_CHANGED)
    assert '"Serbia"' in actor.detail and "Serbian paramilitaries" in actor.detail


def test_the_wire_headline_raises_certainty_and_drops_a_hedge(wire: Analysis) -> None:
    changes = {(f.line, f.change) for f in wire.framing.headline}
    assert ("headline", HeadlineChange.CERTAINTY_RAISED) in changes
    assert ("headline", HeadlineChange.ATTRIBUTION_DROPPED) in changes
    assert ("subheadline", HeadlineChange.HEDGE_DROPPED) in changes


def test_marked_words_point_at_their_text(course: Analysis) -> None:
    words = course.framing.words
    for word in words:
        assert course.article.paragraph(word.paragraph).text[word.start : word.end] == word.word
    loaded = {w.word.lower() for w in words if w.kind is WordKind.LOADED}
    assert {"notorious", "malign", "propaganda"} <= loaded
    assert course.framing.hedges_per_paragraph[3] >= 1  # "alleged"
    assert sum(course.framing.hedges_per_paragraph.values()) == sum(
        1 for w in words if w.kind in (WordKind.MODAL, WordKind.HEDGE)
    )


def test_frames_are_found_with_the_paragraphs_that_carry_them(course: Analysis) -> None:
    frames = {f.frame: f for f in course.framing.frames}
    assert {"conflict", "security", "human interest"} <= set(frames)
    assert 43 in frames["human interest"].paragraphs  # "I was pleading with them not to shoot my dad"
    assert frames["conflict"].paragraphs[0] == 1


def test_claims_record_who_makes_them_and_their_support(course: Analysis) -> None:
    first = next(c for c in course.evidence if c.paragraph == 1)
    assert first.speaker == "Vjosa Osmani"
    assert Support.CONTESTED in first.support and first.contested_by == ["Serbia"] and 16 in first.support_paragraphs
    evidence = next(c for c in course.evidence if c.paragraph == 13)
    assert Support.ASSERTED in evidence.support and Support.UNDER_INVESTIGATION in evidence.support
    assert Support.DESCRIBED not in evidence.support  # "clear evidence" is claimed, never shown


def test_the_crimea_comparison_is_found_with_who_draws_it(course: Analysis) -> None:
    by_paragraph = {a.paragraph: a for a in course.analogies}
    assert by_paragraph[3].speaker is None and "Crimea in 2014" in by_paragraph[3].source
    assert by_paragraph[3].marker == "bear parallels to"
    assert by_paragraph[12].speaker == "Vjosa Osmani" and by_paragraph[12].marker.lower() == "copy cat"
    assert by_paragraph[11].speaker == "Vjosa Osmani"
    assert all(len(a.scaffold) == 5 for a in course.analogies)
    assert all(course.article.paragraph(a.paragraph).text[a.start : a.end] == a.marker for a in course.analogies)


def test_a_comparison_that_names_no_other_case_is_not_an_analogy(wire: Analysis) -> None:
    assert wire.analogies == []  # "That is not the same as saying it will fail"


def test_the_json_has_the_documented_shape(course: Analysis) -> None:
    data = course.to_json()
    assert set(data) >= {"article", "statements", "framing", "evidence", "analogies", "sources"}
    assert set(data["article"]) >= {"headline", "subheadline", "byline", "provenance", "paragraphs", "captions"}
    assert data["article"]["paragraphs"][0] == {"n": 1, "text": course.article.paragraphs[0].text}
    statement = data["statements"][0]
    assert set(statement) >= {"speaker", "speaker_type", "named", "quote_type", "verb", "paragraph", "text"}
    assert statement["quote_type"] in ("direct", "indirect", "journalist")
    assert set(data["framing"]) >= {"headline", "words", "hedges_per_paragraph", "frames"}
