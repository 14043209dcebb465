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

from medialit.article import Article, BoilerplateKind, Caption, Paragraph, Provenance, RemovedLine
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


@dataclass(frozen=True)
class Furniture:
    """A line of website furniture; a follow prompt also names the site that republished the text."""

    kind: BoilerplateKind
    republisher: str | None = None


@dataclass(frozen=True)
class OriginallyPublished:
    """An "Originally published by … on …" line: the original publisher and, if given, the date."""

    publisher: str
    date: dt.date | None


@dataclass(frozen=True)
class RightsLine:
    """A copyright line, kept as printed."""

    text: str


def furniture_line(text: str) -> Furniture | None:
    """The furniture this whole text is (see :mod:`.boilerplate`), or None."""
    stripped = text.strip()
    kind = boilerplate.classify(stripped)
    if kind is None:
        return None
    follow = boilerplate.FOLLOW_PROMPT.fullmatch(stripped)
    return Furniture(kind, _display_name(follow.group("name")) if follow else None)


def provenance_line(text: str) -> OriginallyPublished | RightsLine | None:
    """What this whole text says about where the article comes from, or None when it says nothing."""
    if match := ORIGINALLY_PUBLISHED.fullmatch(text):
        return OriginallyPublished(_display_name(match.group("publisher")), _parse_date(match.group("date")))
    if RIGHTS.fullmatch(text):
        return RightsLine(text)
    return None


def classify_block(text: str) -> Furniture | OriginallyPublished | RightsLine | None:
    """What a block of page text is when it is not article text, or None when it may be article text.

    The rules every input format shares: site furniture, the "Originally published by … on …"
    line and the copyright line. ``text`` is one paragraph with its whitespace already collapsed.
    """
    return furniture_line(text) or provenance_line(text)


def parse_plain_text(text: str, source: Path) -> Article:
    """Parse pasted article text into an Article; ArticleError when no body can be found."""
    removed: list[RemovedLine] = []
    kept: list[tuple[int, str]] = []
    republisher: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        furniture = furniture_line(line)
        if furniture is None:
            kept.append((number, line))
            continue
        removed.append(RemovedLine(number, line.strip(), furniture.kind))
        if republisher is None:
            republisher = furniture.republisher

    headline: str | None = None
    subheadline: str | None = None
    byline: str | None = None
    publisher: str | None = None
    date: dt.date | None = None
    rights: str | None = None
    paragraphs: list[Paragraph] = []
    captions: list[Caption] = []

    for block in _blocks(kept):
        stated = provenance_line(block.text)
        if isinstance(stated, OriginallyPublished):
            publisher, date = stated.publisher, stated.date
        elif isinstance(stated, RightsLine):
            rights = stated.text
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
