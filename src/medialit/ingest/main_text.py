"""What trafilatura finds in a saved web page: its main text, title, author, date and site name.

A saved news page holds far more than the article: menus, teasers of other stories, author blurbs,
comment sections, newsletter boxes. trafilatura (Apache-2.0) is built to find a page's main text
and reads the metadata a page carries (JSON-LD ``NewsArticle``, ``og:`` and ``article:`` meta
tags, bylines). medialit uses it only to decide **which** of the page's paragraphs are the
article, and for the metadata; the paragraphs themselves, their line numbers, captions and
furniture records still come from medialit's own reading of the page (:mod:`.html_page`), so
numbering and the removal record are medialit's.

It runs offline: it is given the page's text, never a URL, and nothing is fetched. A page
trafilatura cannot read (or finds no main text in) leaves :attr:`PageReading.main_text` None, and
the HTML reader falls back to its simple rules.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from typing import Final

from medialit.ingest.dates import iso_date

PARAGRAPH_TAGS: Final = ("p", "head", "item", "quote", "cell")
"""trafilatura's own XML elements that hold text a reader sees as one paragraph."""
DATE_PARAMETERS: Final = {"original_date": True, "extensive_search": False, "max_date": "2100-12-31"}
"""Dates only from the page's markup (meta tags, JSON-LD, ``<time>``), never guessed from its prose; a fixed
latest date, so the same page gives the same date on any day."""
DROPPED_INSIDE: Final = frozenset(
    {"time", "button", "label", "svg", "math", "audio", "video", "canvas", "iframe", "input", "select", "textarea"}
    | {"noscript", "script", "style", "object", "embed", "picture", "map", "progress", "output", "marquee", "figure"}
)
"""Elements whose text trafilatura drops even inside a paragraph (its ``MANUALLY_CLEANED``, such as ``<time>``):
a paragraph is compared with the main text without them."""
MIN_SHARE: Final = 0.7
"""A paragraph is main text when this share of its word triples are in trafilatura's main text (trafilatura
drops some inline elements, such as ``<time>``, so an exact match would miss paragraphs)."""


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _triples(words: list[str]) -> set[tuple[str, str, str]]:
    return set(zip(words, words[1:], words[2:], strict=False))


class MainText:
    """The paragraphs trafilatura counts as the article, for asking whether a paragraph of the page is one of them."""

    def __init__(self, paragraphs: list[str]) -> None:
        self.paragraphs = paragraphs
        self._triples: set[tuple[str, str, str]] = set()
        for text in paragraphs:
            self._triples |= _triples(_words(text))
        self._joined = " | " + " | ".join(" ".join(_words(text)) for text in paragraphs) + " | "
        self._asked: dict[str, bool] = {}

    def __contains__(self, text: object) -> bool:
        if not isinstance(text, str):
            return False
        if text not in self._asked:
            self._asked[text] = self._holds(text)
        return self._asked[text]

    def _holds(self, text: str) -> bool:
        words = _words(text)
        if not words:
            return False
        if len(words) < 3:
            return f" {' '.join(words)} " in self._joined
        triples = _triples(words)
        return sum(triple in self._triples for triple in triples) >= MIN_SHARE * len(triples)


@dataclass(frozen=True)
class PageReading:
    """What trafilatura read from a page; every value None (or empty) when it found nothing."""

    title: str | None = None
    author: str | None = None
    """Authors as a byline would name them: "Ann Lee and Bo Kim"."""
    date: dt.date | None = None
    sitename: str | None = None
    main_text: MainText | None = None
    problem: str | None = None
    """Why trafilatura gave nothing, when it failed on the page."""


def _author(value: str | None) -> str | None:
    """trafilatura's "Ann Lee; Bo Kim" → "Ann Lee and Bo Kim"."""
    names = [name.strip() for name in (value or "").split(";") if name.strip()]
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def read_page(html: str) -> PageReading:
    """Run trafilatura on the page's text (offline: no URL is given, nothing is fetched)."""
    import trafilatura  # imported here: it takes a quarter of a second, and only HTML pages need it

    for name in ("trafilatura", "htmldate", "courlan"):
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET:  # its warnings about odd markup are not the reader's business
            logger.setLevel(logging.CRITICAL)
    try:
        document = trafilatura.bare_extraction(
            html,
            url=None,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_formatting=False,
            include_links=False,
            favor_precision=True,  # a teaser's blurb left out is recorded; one read as P7 would be cited as the article
            date_extraction_params=dict(DATE_PARAMETERS),
        )
    except Exception as error:  # a third-party heuristic on arbitrary markup: its failure must not stop the reading
        return PageReading(problem=f"{type(error).__name__}: {error}")
    if document is None or isinstance(document, dict):
        return PageReading()
    paragraphs: list[str] = []
    body = getattr(document, "body", None)
    if body is not None:
        for line_break in body.iter("lb"):  # <br> in the page: a space between the words around it
            line_break.tail = " " + (line_break.tail or "")
        for element in body.iter(*PARAGRAPH_TAGS):
            text = " ".join("".join(element.itertext()).split())
            if text:
                paragraphs.append(text)
    return PageReading(
        title=" ".join((document.title or "").split()) or None,
        author=_author(document.author),
        date=iso_date(document.date or ""),
        sitename=" ".join((document.sitename or "").split()) or None,
        main_text=MainText(paragraphs) if paragraphs else None,
    )
