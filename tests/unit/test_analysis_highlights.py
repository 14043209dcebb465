"""What stands out (highlights), the facts questions rely on, and the terms to look up: read from real-style articles."""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import ROOT, sphinx_html
from medialit.analysis import Analysis, analyze
from medialit.analysis.facts import SourceShape, facts_of
from medialit.analysis.highlights import (
    CHAPTER_OF,
    NOTHING_FOUND,
    TEMPLATES,
    Chapter,
    HighlightKind,
    chapter_highlights,
    find_highlights,
)
from medialit.analysis.terms import TermKind, article_terms
from medialit.article import Article, Paragraph, Provenance
from medialit.ingest import load_article

ARTICLES = ROOT / "articles"
STUDY = "a study published online Feb. 9 in the Journal of Occupational Eye Health"


@cache
def analysis_of(name: str) -> Analysis:
    return analyze(load_article(next(ARTICLES.glob(f"{name}.*"))))


def kinds(name: str, chapter: Chapter) -> set[HighlightKind]:
    return {h.kind for h in chapter_highlights(analysis_of(name), chapter)}


# --- highlights --------------------------------------------------------------------------------


def test_every_kind_has_a_chapter_a_template_and_a_docstring() -> None:
    assert set(CHAPTER_OF) == set(HighlightKind) == set(TEMPLATES)
    source = (ROOT / "src" / "medialit" / "analysis" / "highlights.py").read_text(encoding="utf-8")
    for kind in HighlightKind:
        assert f'{kind.name} = "{kind.value}"\n    """' in source, kind


def test_a_headline_that_drops_the_attribution_is_said_with_its_paragraph() -> None:
    """Is "the headline states as fact what P1 attributes to one US official" the framing opening of the leak story?"""
    [found] = [
        h
        for h in chapter_highlights(analysis_of("anonymous-leak-relayed"), Chapter.FRAMING)
        if h.kind is HighlightKind.HEADLINE_ATTRIBUTION
    ]
    assert found.paragraphs == [1]
    assert found.plain() == (
        "The headline states as fact what P1 attributes to one US official (“said”): the body says whose claim it is, "
        "the headline does not."
    )


def test_a_study_story_reports_an_association_not_a_cause() -> None:
    found = {h.kind: h for h in chapter_highlights(analysis_of("study-story-linked-to"), Chapter.FRAMING)}
    assert HighlightKind.ASSOCIATION in found and "“Linked to”" in found[HighlightKind.ASSOCIATION].plain()
    assert found[HighlightKind.HEADLINE_HEDGE].plain().startswith("The headline is surer than the body: P1 says “may”")


def test_a_dominant_source_is_given_its_share_of_the_sourced_words() -> None:
    [found] = [
        h
        for h in chapter_highlights(analysis_of("wagner-kosovo-telegraph-2023"), Chapter.SOURCING)
        if h.kind is HighlightKind.DOMINANT_SOURCE
    ]
    assert found.text["name"] == "Vjosa Osmani" and 0.6 < found.numbers["share"] < 0.8
    assert "Vjosa Osmani has 6" in found.plain()


def test_unnamed_sources_are_counted_and_a_relayed_story_and_missing_voices_are_said() -> None:
    sourcing = kinds("anonymous-leak-relayed", Chapter.SOURCING)
    assert {HighlightKind.UNNAMED_SOURCES, HighlightKind.RELAYED_WORDS, HighlightKind.NO_COMMENT} <= sourcing
    assert HighlightKind.RELAYED in kinds("anonymous-leak-relayed", Chapter.PROVENANCE)


def test_a_page_without_headline_byline_or_date_says_so() -> None:
    assert {HighlightKind.NO_HEADLINE, HighlightKind.NO_BYLINE, HighlightKind.NO_DATE} <= kinds(
        "aggregator-summary-no-headline", Chapter.PROVENANCE
    )


def test_a_reporter_who_says_i_is_noted_and_a_simile_is_no_comparison() -> None:
    assert HighlightKind.FIRST_PERSON in kinds("local-tv-story-reporter-i", Chapter.PROVENANCE)
    assert kinds("local-tv-story-reporter-i", Chapter.COMPARISONS) == set()
    assert analysis_of("local-tv-story-reporter-i").analogies == []


def test_argued_analogies_say_who_draws_them() -> None:
    found = chapter_highlights(analysis_of("wagner-kosovo-telegraph-2023"), Chapter.COMPARISONS)
    assert [h.paragraphs for h in found] == [[3], [11], [12]]
    assert found[0].plain().startswith("The article itself, in the writer's own voice, compares")
    assert found[1].plain().startswith("Vjosa Osmani compares")


def test_openings_differ_between_articles() -> None:
    names = ["anonymous-leak-relayed", "local-tv-story-reporter-i", "study-story-linked-to", "wire-story-dateline-caption"]
    for chapter in (Chapter.PROVENANCE, Chapter.FRAMING, Chapter.SOURCING):
        texts = [" ".join(h.plain() for h in chapter_highlights(analysis_of(n), chapter)) for n in names]
        assert len(set(texts)) == len(texts), chapter


def test_highlights_are_a_pure_function_of_the_analysis() -> None:
    analysis = analysis_of("study-story-linked-to")
    assert find_highlights(analysis) == find_highlights(analysis)


# --- facts -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "label", "shape"),
    [
        ("local-tv-story-reporter-i", "Dana Whitlow", SourceShape.PERSON),  # "Whitlow" named in full in P3
        ("wire-story-dateline-caption", "Granite Ridge Mining Co", SourceShape.ORGANISATION),
        (
            "study-story-linked-to",
            "a study published online Feb. 9 in the Journal of Occupational Eye Health",
            SourceShape.DOCUMENT,
        ),
        ("anonymous-leak-relayed", "Two people familiar with the matter", SourceShape.GROUP),
        ("anonymous-leak-relayed", "A company spokesperson", SourceShape.PERSON),
    ],
)
def test_each_source_has_the_shape_its_name_says(name: str, label: str, shape: SourceShape) -> None:
    facts = facts_of(analysis_of(name))
    [found] = [f for f in facts.sources.values() if f.label == label]
    assert found.shape is shape


def analysis_of_paragraphs(*paragraphs: str) -> Analysis:
    """The analysis of an article made of these paragraphs (for facts no test article shows any more)."""
    numbered = tuple(Paragraph(n, text, n) for n, text in enumerate(paragraphs, start=1))
    return analyze(Article(Path("facts.txt"), "A headline", None, None, Provenance(), numbered))


def test_a_pronoun_or_a_description_may_be_anyone_so_it_is_never_offered() -> None:
    """Are a "she" with no one named before and an unnamed "the governor" kept out of options, and may
    they be the person named elsewhere?"""
    analysis = analysis_of_paragraphs(
        "“We will not wait another winter,” she said.",
        "Mayor Anna Berg said the council would vote in May.",
        "The governor told reporters that the state would help.",
    )
    facts = facts_of(analysis)
    by_label = {f.label: f for f in facts.sources.values()}
    she = next(f for label, f in by_label.items() if label.lower() == "she")
    assert she.shape is SourceShape.UNCLEAR and not she.listable
    assert facts.may_be_same(she.source.id, by_label["Anna Berg"].source.id)
    governor = next(f for label, f in by_label.items() if label.lower() == "the governor")
    assert not governor.listable


def test_first_paragraph_is_certain_only_when_no_earlier_paragraph_may_hold_the_source() -> None:
    """Anna Berg first speaks by name in P2, but P1 gives words to a "She" who may be her: no certain first paragraph."""
    facts = facts_of(
        analysis_of_paragraphs(
            "She told reporters that the repairs would take a year.",
            "Anna Berg, the mayor, said the council would pay for the work.",
        )
    )
    berg = next(f for f in facts.sources.values() if f.label == "Anna Berg")
    assert facts.first_paragraph(berg.source.id) == 2
    assert not facts.first_paragraph_certain(berg.source.id)
    local = facts_of(analysis_of("local-tv-story-reporter-i"))
    whitlow = next(f for f in local.sources.values() if f.label == "Dana Whitlow")
    assert local.first_paragraph(whitlow.source.id) == 3  # "She told me" in P3 follows "… founder, Dana Whitlow"
    osmani = next(f for f in facts_of(analysis_of("wagner-kosovo-telegraph-2023")).sources.values() if f.label == "Vjosa Osmani")
    assert facts_of(analysis_of("wagner-kosovo-telegraph-2023")).first_paragraph_certain(osmani.source.id)


def test_a_speaker_named_inside_what_is_said_is_no_clear_speaker() -> None:
    """ "The study used data from the Cohort, which … asked": the Cohort is not clearly the speaker of P9."""
    analysis = analysis_of("study-story-linked-to")
    facts = facts_of(analysis)
    [p9] = [s for s in analysis.statements if s.paragraph == 9 and s.source_id is not None]
    assert not facts.clear_speaker(p9)


def test_a_headline_whose_subject_names_its_source_counts_as_attributed() -> None:
    analysis = analysis_of("anonymous-leak-relayed")
    facts = facts_of(analysis)
    finding = analysis.framing.headline[0]
    assert not facts.headline_names_source(finding)
    named = finding.model_copy(update={"headline_text": "Official: US to block Valdoran fund’s takeover"})
    assert facts.headline_names_source(named)
    said = finding.model_copy(update={"headline_text": "US to block takeover, sources say"})
    assert facts.headline_names_source(said)


# --- terms -------------------------------------------------------------------------------------


def test_terms_to_look_up_have_their_first_paragraph_and_people_in_full() -> None:
    terms = {t.text: t for t in article_terms(analysis_of("local-tv-story-reporter-i"))}
    assert terms["Dana Whitlow"].paragraph == 3 and terms["Dana Whitlow"].kind is TermKind.PERSON
    assert terms["Cedar Hollow Farm Sanctuary"].paragraph == 1
    assert "Whitlow" not in terms and "Cedar Hollow" not in terms


def test_key_phrases_come_from_the_headline() -> None:
    terms = article_terms(analysis_of("study-story-linked-to"))
    phrases = [t.text.casefold() for t in terms if t.kind is TermKind.PHRASE]
    assert any("glaucoma" in p or "night shift" in p for p in phrases), phrases


# --- the directives ----------------------------------------------------------------------------

CONF = """
extensions = ["myst_parser", "medialit.sphinxext"]
project = "highlight-directive-test"
html_theme = "basic"
exclude_patterns = ["articles"]
"""

PAGE = """# Highlights

```{{article-text}} /articles/{name}
```

## Sourcing

```{{article-highlights}} /articles/{name}
:chapter: sourcing
```

## Comparisons

```{{article-highlights}} /articles/{name}
:chapter: comparisons
```

## Terms

```{{article-terms}} /articles/{name}
```
"""


def build(tmp_path: Path, article: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    source = tmp_path / "src"
    (source / "articles").mkdir(parents=True)
    shutil.copy(article, source / "articles" / article.name)
    (source / "conf.py").write_text(CONF, encoding="utf-8")
    (source / "index.md").write_text(PAGE.format(name=article.name), encoding="utf-8")
    return sphinx_html(source, tmp_path / "out")


def test_the_directives_render_sentences_with_links_or_say_nothing_was_found(tmp_path: Path) -> None:
    result, index = build(tmp_path, ARTICLES / "local-tv-story-reporter-i.txt")
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser")
    sourcing, comparisons = soup.select(".medialit-highlights")
    assert "Sources not named" in sourcing.get_text() and sourcing.select('a[href="#p13"]')
    assert comparisons.get_text(strip=True) == NOTHING_FOUND
    terms = soup.select_one("table.medialit-terms")
    assert terms is not None and "Dana Whitlow" in terms.get_text()


def test_a_highlights_directive_without_chapter_fails_the_build(tmp_path: Path) -> None:
    source = tmp_path / "src"
    (source / "articles").mkdir(parents=True)
    article = ARTICLES / "local-tv-story-reporter-i.txt"
    shutil.copy(article, source / "articles" / article.name)
    (source / "conf.py").write_text(CONF, encoding="utf-8")
    (source / "index.md").write_text(f"# T\n\n```{{article-highlights}} /articles/{article.name}\n```\n", encoding="utf-8")
    result, _index = sphinx_html(source, tmp_path / "out")
    assert result.returncode != 0 and "needs :chapter:" in result.stderr
