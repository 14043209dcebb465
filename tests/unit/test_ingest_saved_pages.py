"""Saved web pages, read with trafilatura (offline) for the main text and metadata, and medialit's rules for the rest.

tests/fixtures/articles/pages-real-style/ holds two pages written for these tests (no real page
copied) in the markup real news sites use: a WordPress-style regional paper (header and menu,
weather widget, JSON-LD ``NewsArticle``, ``og:`` tags, ``<figure>``, an advert slot, a "READ MORE"
link, a newsletter box, share buttons, comments and their form, a "Latest articles" sidebar,
footer) and a national site's div-based page carrying a wire story (no ``<article>`` element,
byline in capitals, dateline, adverts, a "___" rule and a contributor line, a "Most read" list).
"""

from __future__ import annotations

import datetime as dt
import socket
from pathlib import Path

import pytest

from medialit.article import Article, BoilerplateKind
from medialit.ingest import load_article
from medialit.ingest import main_text as main_text_module

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "pages-real-style"
HARBOUR = PAGES / "harbour-daily-ferry.html"
WIRE = PAGES / "wire-story-national-site.html"

FURNITURE_TEXT = (
    "Advertisement", "ADVERTISEMENT", "READ MORE", "Sign up", "newsletter", "Share this", "Leave a Reply", "comments",
    "Latest articles", "Most read", "Breaking", "Pat from the pier", "nobody at the council cares", "Twice a day is better",
    "Forecasters say", "Wall Street", "___", "contributed to this report", "Copyright", "©", "Subscribe", "Light rain",
)  # fmt: skip


@pytest.fixture(scope="module")
def harbour() -> Article:
    return load_article(HARBOUR)


@pytest.fixture(scope="module")
def wire() -> Article:
    return load_article(WIRE)


def test_a_news_page_gives_its_headline_standfirst_byline_date_and_site(harbour: Article) -> None:
    """Are the headline (the <h1>, not the site's name), standfirst, byline, date and site name of a saved page right?"""
    assert harbour.headline == "Island ferry to lose its winter timetable as operator cuts costs"
    assert harbour.subheadline == "Skerrin Island residents say twice-daily sailings will leave them stranded"
    assert harbour.byline == "Mara Quell"
    assert harbour.provenance.original_publisher == "The Harbour Daily"
    assert harbour.provenance.original_date == dt.date(2024, 9, 12)


def test_a_news_page_body_is_its_six_paragraphs_in_order(harbour: Article) -> None:
    """Is the body exactly the article's six paragraphs, numbered in order, inline markup (a <time>) read as text?"""
    assert [p.text[:45] for p in harbour.paragraphs] == [
        "The only ferry to Skerrin Island will sail tw",
        "Westfirth Ferries said the winter timetable w",
        "“We cannot keep running five sailings a day f",
        "About 340 people live on Skerrin year-round. ",
        "Iain Morrow, who chairs the island’s communit",
        "The council, which subsidises the route, said",
    ]
    assert "at 9.15am, would arrive" in harbour.paragraph(4).text


def test_a_news_page_figure_is_a_caption_with_its_credit(harbour: Article) -> None:
    """Is the <figure> a caption placed before P1, with the credit from its credit element?"""
    assert [(c.text, c.credit, c.after_paragraph) for c in harbour.captions] == [
        ("The Skerrin ferry at Harbour Quay on Wednesday evening.", "Tomas Brenn/The Harbour Daily", 0)
    ]


@pytest.mark.parametrize("page", [HARBOUR, WIRE], ids=["regional-paper", "national-site"])
def test_no_furniture_of_a_saved_page_becomes_a_paragraph(page: Path) -> None:
    """Is none of the page's furniture (adverts, promos, newsletter box, share buttons, comments, lists of other
    stories, widgets, provenance lines) a body paragraph?"""
    article = load_article(page)
    for paragraph in article.paragraphs:
        for furniture in FURNITURE_TEXT:
            assert furniture not in paragraph.text, (paragraph.label, furniture)


def test_a_news_page_furniture_is_recorded_with_its_kind(harbour: Article) -> None:
    """Are the advert label, the READ MORE link, the newsletter heading and the share heading recorded with their kinds?"""
    kinds = {line.text: line.kind for line in harbour.removed}
    assert kinds["Advertisement"] is BoilerplateKind.ADVERTISEMENT
    assert kinds["READ MORE: Harbour car park charges to rise in October"] is BoilerplateKind.PROMOTION
    assert kinds["Sign up for our newsletter"] is BoilerplateKind.FOLLOW_PROMPT
    assert kinds["Share this:"] is BoilerplateKind.SOCIAL
    assert {BoilerplateKind.NAVIGATION, BoilerplateKind.SIDEBAR, BoilerplateKind.FOOTER, BoilerplateKind.SCRIPT} <= set(
        kinds.values()
    )


def test_a_wire_story_on_a_div_based_page_gives_byline_dateline_agency_and_date(wire: Article) -> None:
    """On a page with no <article> element, are the headline, the byline as printed, the dateline, the agency, the
    date (JSON-LD) and the site name (og:site_name) right?"""
    assert wire.headline == "Senate panel subpoenas rail operator over bridge inspections"
    assert wire.byline == "ANN LEE and BO KIM"
    assert wire.dateline == "WASHINGTON"
    provenance = wire.provenance
    assert (provenance.agency, provenance.original_date) == ("AP", dt.date(2023, 8, 3))
    assert provenance.original_publisher == "Example News Network"
    assert provenance.contributors == ("Cy Dee",)
    assert provenance.rights == "Copyright 2023 The Associated Press. All Rights Reserved."


def test_a_wire_story_body_is_its_five_paragraphs_and_the_rest_is_recorded(wire: Article) -> None:
    """Are the five story paragraphs the body, and the "Most read" teasers recorded as outside the main text?"""
    assert [p.text[:40] for p in wire.paragraphs] == [
        "WASHINGTON (AP) — A Senate committee on ",
        "The Commerce Committee voted 15-11 to su",
        "“The company has had months to answer si",
        "Great Plains Rail said in a statement th",
        "The Federal Railroad Administration says",
    ]
    assert [(c.credit, c.after_paragraph) for c in wire.captions] == [("AP Photo/Evan Marsh", 0)]
    kinds = {line.text: line.kind for line in wire.removed}
    assert kinds["___"] is BoilerplateKind.SEPARATOR
    assert kinds["Forecasters say the heat will last through the weekend."] is BoilerplateKind.NOT_MAIN_TEXT
    assert kinds["ADVERTISEMENT"] is BoilerplateKind.ADVERTISEMENT


def test_a_page_whose_author_is_only_in_json_ld_gets_its_byline_from_there(tmp_path: Path) -> None:
    """With no byline in the page's markup, is the author read from its JSON-LD (two authors joined with "and")?"""
    html = (
        '<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
        '"headline":"H","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Kim"}],'
        '"datePublished":"2023-08-03T10:00:00Z","publisher":{"@type":"Organization","name":"The Example Standard"}}'
        "</script></head><body><article><h1>H</h1><p>The committee met on Thursday and voted to act.</p></article></body></html>"
    )
    path = tmp_path / "a.html"
    path.write_text(html, encoding="utf-8")
    article = load_article(path)
    assert article.byline == "Ann Lee and Bo Kim"
    assert article.provenance.original_date == dt.date(2023, 8, 3)
    assert article.provenance.original_publisher == "The Example Standard"


def test_reading_a_saved_page_fetches_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """With every network connection refused, are both saved pages still read in full (trafilatura fetches nothing)?"""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert len(load_article(HARBOUR).paragraphs) == 6
    assert len(load_article(WIRE).paragraphs) == 5


def test_a_page_trafilatura_cannot_read_is_read_by_the_simple_rules(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """If trafilatura fails on a page, is it read all the same (every <p> of the article), with a note saying why?"""
    import trafilatura

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("odd markup")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    path = tmp_path / "a.html"
    path.write_text("<h1>Head</h1><article><p>One.</p><p>Two.</p></article>", encoding="utf-8")
    article = load_article(path)
    assert [p.text for p in article.paragraphs] == ["One.", "Two."]
    assert any("trafilatura found no main text (ValueError: odd markup)" in note for note in article.notes)
    assert main_text_module.read_page("<p>x</p>").problem == "ValueError: odd markup"


@pytest.mark.parametrize(
    "html",
    [
        "<h1>H</h1>" + "<article><p>Para text.</p>" * 5000,
        "<h1>H</h1>" + "<div>" * 5000 + "<p>Deep text here.</p>" + "</div>" * 5000,
        "<h1>H</h1><p>" + "<b>" * 5000 + "Deep" + "</b>" * 5000 + "</p>",
    ],
    ids=["nested-articles", "nested-divs", "nested-inline"],
)
def test_a_deeply_nested_page_is_read_in_linear_time(tmp_path: Path, html: str) -> None:
    """Is a page of thousands of nested elements read in a few seconds (one pass over the page, not one per element)?"""
    import time

    path = tmp_path / "deep.html"
    path.write_text(html, encoding="utf-8")
    started = time.perf_counter()
    article = load_article(path)
    assert article.paragraphs
    assert time.perf_counter() - started < 10


def test_zero_width_spacer_paragraphs_are_not_paragraphs(tmp_path: Path) -> None:
    """Is a saved page's spacer paragraph (a zero-width space, a no-break space) neither a paragraph nor the headline?"""
    path = tmp_path / "a.html"
    path.write_text("<h1>\u200b</h1><h1>Head</h1><p>\u200b</p><p>&nbsp;</p><p>Real text here.</p>", encoding="utf-8")
    article = load_article(path)
    assert article.headline == "Head"
    assert [p.text for p in article.paragraphs] == ["Real text here."]
    pasted = tmp_path / "a.txt"
    pasted.write_text("\u200b\n\nHeadline\n\n\u200b\u200b\n\nBody text.\n", encoding="utf-8")
    article = load_article(pasted)
    assert (article.headline, [p.text for p in article.paragraphs]) == ("Headline", ["Body text."])
