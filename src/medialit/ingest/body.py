"""Collecting an article body from a structured format (Markdown, HTML).

Those formats say where paragraphs and captions are, but their paragraphs can still be website
furniture or provenance lines; :class:`BodyBuilder` sorts each one with the rules the pasted-text
parser uses (:func:`~medialit.ingest.plain_text.classify_block`), so all formats agree.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from medialit.article import BoilerplateKind, Caption, Paragraph, RemovedLine
from medialit.ingest.plain_text import BYLINE, Furniture, OriginallyPublished, RightsLine, classify_block

CREDIT_LABEL: Final = re.compile(r"(?:photo(?:graph)?|picture|credit)\s*:\s*", re.I)
"""The label before a photographer's name: "Photo:", "Photograph:", "Picture:", "Credit:"."""

TRAILING_CREDIT: Final = re.compile(
    r"(?P<text>.*?)[\s|]*\b(?:photo(?:graph)?|picture|credit)\s*:\s*(?P<credit>[^|:]{1,120}?)\.?", re.I
)
"""A caption ending in its credit: "Pro Putin billboard. Photograph: Jane Doe" (the caption keeps its full stop)."""

MAX_SHORT_TEXT: Final = 80


def collapse(text: str) -> str:
    """Runs of whitespace (newlines, tabs, no-break spaces) → one space; ends stripped."""
    return " ".join(text.split())


def short(text: str) -> str:
    """``text`` collapsed and cut to about a line, for the record of removed furniture."""
    text = collapse(text)
    return text if len(text) <= MAX_SHORT_TEXT else text[: MAX_SHORT_TEXT - 1].rstrip() + "…"


def credit_name(text: str | None) -> str | None:
    """ "Photo: Jane Doe" → "Jane Doe"; None for no credit or an empty one."""
    if text is None:
        return None
    name = collapse(text)
    if match := CREDIT_LABEL.match(name):
        name = name[match.end() :]
    return name or None


def split_credit(text: str) -> tuple[str, str | None]:
    """A caption's text and the credit at its end, if it ends with one ("… Photo: Jane Doe")."""
    text = collapse(text)
    if (match := TRAILING_CREDIT.fullmatch(text)) and match.group("credit").strip():
        return match.group("text").strip(" |"), match.group("credit").strip()
    return text, None


def iso_date(value: str) -> dt.date | None:
    """The date of an ISO 8601 date or date-time ("2024-03-05", "2024-03-05T10:00:00Z"), or None."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        return None


class BodyBuilder:
    """Numbered paragraphs, captions and removed furniture, in reading order."""

    def __init__(self, *, byline: str | None = None) -> None:
        self.byline = byline
        """The byline given by the format's own markup; else a "By Jane Doe" paragraph before the first
        body paragraph sets it, as in pasted text."""
        self.paragraphs: list[Paragraph] = []
        self.captions: list[Caption] = []
        self.removed: list[RemovedLine] = []
        self.original_publisher: str | None = None
        """Set by an "Originally published by … on …" paragraph (the last one wins, as in pasted text)."""
        self.original_date: dt.date | None = None
        self.republisher: str | None = None
        """Set by the first follow prompt."""
        self.rights: str | None = None

    def add_text(self, text: str, line: int, *, article_text: bool = True) -> None:
        """One paragraph of the page: body text, furniture or a provenance line.

        Text outside the article body (``article_text=False``, e.g. in an HTML ``<header>``) is
        read only for furniture and provenance; anything else in it is not a paragraph.
        """
        text = collapse(text)
        if not text:
            return
        match classify_block(text):
            case None:
                if self.byline is None and not self.paragraphs and (byline := BYLINE.fullmatch(text)):
                    self.byline = byline.group("name")
                elif article_text:
                    self.paragraphs.append(Paragraph(len(self.paragraphs) + 1, text, line))
            case Furniture(kind=kind, republisher=republisher):
                self.remove(line, text, kind)
                if self.republisher is None:
                    self.republisher = republisher
            case OriginallyPublished(publisher=publisher, date=date):
                self.original_publisher, self.original_date = publisher, date
            case RightsLine(text=rights):
                self.rights = rights

    def add_caption(self, text: str, credit: str | None, line: int) -> None:
        """A photo caption placed after the paragraphs collected so far."""
        self.captions.append(Caption(collapse(text), credit, len(self.paragraphs), line))

    def remove(self, line: int, text: str, kind: BoilerplateKind) -> None:
        """Record furniture that is not part of the article."""
        self.removed.append(RemovedLine(line, short(text), kind))
