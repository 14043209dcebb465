"""Parsing article text as pasted from a web page.

The layout such a paste has, top to bottom: site furniture, the headline, a sub-headline,
sometimes a byline or a "Originally published by … on …" line, photo captions (with a
``CREDIT:``) among the body paragraphs, a copyright line, and more furniture. Blocks are runs of
non-blank lines; wrapped lines inside a block are joined with a space.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from medialit.article import Article, Caption, Paragraph, Provenance, RemovedLine
from medialit.errors import ArticleError
from medialit.ingest import boilerplate

ORIGINALLY_PUBLISHED: Final = re.compile(
    r"(?:originally|first) published (?:by|in) (?P<publisher>.+?)"
    r"(?: on (?P<date>[A-Z][a-z]+ \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}))?\.?",
    re.I,
)
RIGHTS: Final = re.compile(r"(?:©|\(c\)|copyright\b).{0,200}", re.I)
CAPTION: Final = re.compile(r"(?P<text>.{0,400}?)\s*\|?\s*\b(?:credit|photo|picture)\s*:\s*(?P<credit>[^|]{1,120})", re.I)
BYLINE: Final = re.compile(r"(?i:by) (?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})(?:[,|].{0,80})?")
SENTENCE_END: Final = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”]$")

MAX_HEADLINE_CHARS: Final = 300


@dataclass(frozen=True)
class _Block:
    text: str
    line: int


def _blocks(lines: list[tuple[int, str]]) -> list[_Block]:
    """Group kept lines into blocks separated by blank lines (or removed furniture)."""
    blocks: list[_Block] = []
    current: list[str] = []
    start = 0
    previous = -1
    for number, line in lines:
        if current and (not line.strip() or number != previous + 1):
            blocks.append(_Block(" ".join(current), start))
            current = []
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
        previous = number
    if current:
        blocks.append(_Block(" ".join(current), start))
    return blocks


def _parse_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    for fmt in ("%B %d, %Y", "%B %d %Y", "%d %B %Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _display_name(name: str) -> str:
    """ "the Telegraph" → "The Telegraph": the page's words, capitalised to stand alone."""
    name = name.strip().rstrip(".:")
    return name[:1].upper() + name[1:]


def parse_plain_text(text: str, source: Path) -> Article:
    """Parse pasted article text into an Article; ArticleError when no body can be found."""
    removed: list[RemovedLine] = []
    kept: list[tuple[int, str]] = []
    republisher: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        kind = boilerplate.classify(line)
        if kind is None:
            kept.append((number, line))
            continue
        removed.append(RemovedLine(number, line.strip(), kind))
        follow = boilerplate.FOLLOW_PROMPT.fullmatch(line.strip())
        if follow and republisher is None:
            republisher = _display_name(follow.group("name"))

    headline: str | None = None
    subheadline: str | None = None
    byline: str | None = None
    publisher: str | None = None
    date: dt.date | None = None
    rights: str | None = None
    paragraphs: list[Paragraph] = []
    captions: list[Caption] = []

    for block in _blocks(kept):
        if match := ORIGINALLY_PUBLISHED.fullmatch(block.text):
            publisher = _display_name(match.group("publisher"))
            date = _parse_date(match.group("date"))
        elif RIGHTS.fullmatch(block.text):
            rights = block.text
        elif match := CAPTION.fullmatch(block.text):
            captions.append(Caption(match.group("text").strip(" |"), match.group("credit").strip(), len(paragraphs), block.line))
        elif not paragraphs and byline is None and (match := BYLINE.fullmatch(block.text)):
            byline = match.group("name")
        elif headline is None:
            if len(block.text) > MAX_HEADLINE_CHARS:
                raise ArticleError(source, "the first line of text is too long to be a headline", block.line)
            headline = block.text
        elif (
            subheadline is None
            and not paragraphs
            and not captions
            and len(block.text) <= MAX_HEADLINE_CHARS
            and not SENTENCE_END.search(block.text)
        ):
            subheadline = block.text
        else:
            paragraphs.append(Paragraph(len(paragraphs) + 1, block.text, block.line))

    if headline is None:
        raise ArticleError(source, "no headline: the file holds no article text")
    if not paragraphs:
        raise ArticleError(source, "no body paragraphs after the headline")
    return Article(
        source=source,
        headline=headline,
        subheadline=subheadline,
        byline=byline,
        provenance=Provenance(publisher, date, republisher, rights),
        paragraphs=tuple(paragraphs),
        captions=tuple(captions),
        removed=tuple(removed),
    )
