"""The Article: what ingest produces and every later step reads.

An article is the text a reader saw on one web page, cleaned of the site's furniture. The body
paragraphs are numbered from 1 in reading order; the whole course cites them as P1, P2, … so
the numbering is part of the data, not of a rendering.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Final


class BoilerplateKind(StrEnum):
    """Why a line of the page is not article text: a kind of site furniture, or a provenance line.

    Provenance lines (copyright, contributors, editor's note, "Originally published …", "SOURCE: …")
    are read into :class:`Provenance` as well; they are listed with the removed lines so that every
    line that is not the headline, byline, a caption or body text is accounted for.
    """

    NAVIGATION = "navigation"
    """The page's frame: skip links, "top of page", menus (a column of short links), section labels ("U.S. NEWS"),
    breadcrumbs, and the site's name on a line of its own."""

    SOCIAL = "social"
    """Share buttons and social-media icons ("Grey Facebook Icon", "Share on X")."""

    FOLLOW_PROMPT = "follow-prompt"
    """Calls to follow the site or sign up for its newsletter ("Follow Genocide Watch for more updates:")."""

    SUBHEADING = "subheading"
    """Section headings inside the body (a Markdown ``#`` line, an HTML ``<h2>``): titles, not paragraphs."""

    SCRIPT = "script"
    """Scripts and style sheets in an HTML page (``<script>``, ``<style>``): code, never text a reader sees."""

    FOOTER = "footer"
    """An HTML page footer (``<footer>``): site links, contact details and small print."""

    SIDEBAR = "sidebar"
    """An HTML sidebar (``<aside>``): related stories, promotions and panels beside the article."""

    ADVERTISEMENT = "advert"
    """Advertising labels: "Advertisement", "Story continues below advertisement", "Sponsored"."""

    PROMOTION = "promo"
    """Links to other stories: "Must read", "Latest articles", "Related:", "READ MORE: …", "(More … stories.)",
    and the headlines listed under such a label."""

    COMMENTS = "comment"
    """The comment section's form, messages and counts: "Leave a Reply", "Please enter your comment!", "12 comments"."""

    SUBSCRIPTION = "subscription"
    """Subscribe buttons and paywall notices: "Subscribe", "Subscribe to continue reading"."""

    WIDGET = "widget"
    """A weather or clock widget from the page's header: "18.4 C Thursday, May 26, 2022"."""

    TIMESTAMP = "timestamp"
    """A date or time the page shows on its own line: "Published 2 hours ago", "Updated 3:14 PM EDT, August 3, 2023"."""

    SOURCE_LINK = "source-link"
    """A link to, or the name of, what the story is based on: an aggregator's "Source link", a study's
    "Abstract/Full Text (subscription or payment may be required)", a "SOURCE: …" line (also read into
    ``Provenance.source_note``)."""

    EMPTY_BYLINE = "empty-byline"
    """A byline template with no name in it: "By |"."""

    SEPARATOR = "separator"
    """A line of rules or symbols ("___", "* * *"): a break between parts of the page, not text."""

    NOT_MAIN_TEXT = "not-main-text"
    """An HTML paragraph outside the article's main text, as trafilatura finds it (teasers, author blurbs, promos)."""

    COPYRIGHT = "copyright"
    """The copyright line ("© Telegraph Media Group Limited 2023"), also read into ``Provenance.rights``."""

    ORIGINALLY_PUBLISHED = "originally-published"
    """ "Originally published by … on …", also read into ``Provenance.original_publisher`` and ``original_date``."""

    CONTRIBUTORS = "contributors"
    """ "With News Wire Services", "… contributed to this report.", also read into ``Provenance.contributors``."""

    EDITORS_NOTE = "editors-note"
    """ "Editor's note: …", also read into ``Provenance.editors_note``."""


@dataclass(frozen=True)
class Paragraph:
    """One body paragraph, verbatim, with its course-wide number (P1 is ``n == 1``)."""

    n: int
    text: str
    line: int
    """Line of the source file where the paragraph starts, for error messages and tools."""

    @property
    def label(self) -> str:
        """The citation form used throughout the course: ``P13``."""
        return f"P{self.n}"


def paragraph_labels(numbers: Iterable[int]) -> str:
    """Paragraph numbers as the course cites them: ``P2, P13``."""
    return ", ".join(f"P{n}" for n in numbers)


@dataclass(frozen=True)
class Caption:
    """A photo caption. Captions are never body paragraphs and are never numbered."""

    text: str
    credit: str | None
    after_paragraph: int
    """Number of the body paragraph the photo follows (0: before the first paragraph)."""
    line: int


@dataclass(frozen=True)
class Provenance:
    """Who published the text first, when, who republished or relayed it and who helped, as the page states.

    Every value is the page's own words (a date parsed); None or empty when the page does not say.
    """

    original_publisher: str | None = None
    """ "Originally published by …", else the site's name (HTML ``og:site_name``, JSON-LD publisher), else the
    holder the copyright line names ("© 2022 CHNV News" → CHNV News), else the agency of the byline or dateline."""
    original_date: dt.date | None = None
    """ "Originally published … on …", else the page's date: its metadata, the byline's "Published …", the
    first timestamp line ("Updated …" only when there is no other), a dated dateline. Never a weather widget's
    "today", never "2 hours ago"."""
    republisher: str | None = None
    """The site that shows another publisher's text (named by its follow prompt, or its site name)."""
    rights: str | None = None
    """The copyright line as printed, e.g. "© Telegraph Media Group Limited 2023"."""
    agency: str | None = None
    """The news agency the byline or dateline names as the text's author: "Associated Press" from "By Ann Lee,
    Associated Press", "AP" from "BUTTE, Mont. (AP) —"."""
    relayed_from: str | None = None
    """The outlet whose reporting the whole story passes on, as the text says it ("The decision was first
    reported by CBS News." → CBS News); None when the story is its publisher's own."""
    contributors: tuple[str, ...] = ()
    """Who else contributed, from the contributor lines: "Samuel Ortiz" from "Associated Press writer Samuel
    Ortiz in Helena, Mont., contributed to this report.", "News Wire Services" from "With News Wire Services";
    a line the reader cannot take names from is kept whole."""
    editors_note: str | None = None
    """The editor's note, without its "Editor's note:" label."""
    source_note: str | None = None
    """A "SOURCE: …" line as printed (a press release's issuer, the origin of a text)."""


@dataclass(frozen=True)
class RemovedLine:
    """A line of website furniture that ingest dropped, kept so the cleaning is auditable."""

    line: int
    text: str
    kind: BoilerplateKind


class LineRole(StrEnum):
    """What a line of the article file was read as (``medialit analyze --parse`` shows one per line)."""

    HEADLINE = "headline"
    """The headline's line; its detail says so when a ``--headline`` given replaces it."""
    SUBHEADLINE = "sub-headline"
    """The standfirst under the headline."""
    BYLINE = "byline"
    """The reporter's name, with any agency and date beside it."""
    PARAGRAPH = "paragraph"
    """A body paragraph (P1, P2, …); P1 may open with a dateline, kept in its text."""
    CAPTION = "caption"
    """A photo caption, with its credit when the same line has one."""
    CREDIT = "credit"
    """A photo credit on a line of its own ("Getty Images"), given to the caption before it."""
    PROVENANCE = "provenance"
    """A line about where the text comes from, read into :class:`Provenance` (which field: the detail) and listed in
    :attr:`Article.removed` with its kind."""
    REMOVED = "removed"
    """Site furniture, removed (which kind: the detail, also in :attr:`Article.removed`)."""


@dataclass(frozen=True)
class ParsedLine:
    """One line (or run of lines) of the source file and what it was read as, for checking a parse."""

    line: int
    last_line: int
    """Last line of the run: a paragraph wrapped over lines 10-12 is one ParsedLine."""
    role: LineRole
    text: str
    """The text as read, shortened to about a line."""
    detail: str = ""
    """What more the role needs: "P3" for a paragraph, the kind of removed furniture, the provenance field,
    "dateline: LONDON —" for a P1 that opens with one."""

    @property
    def lines(self) -> str:
        """ "12" or "10-12"."""
        return str(self.line) if self.last_line <= self.line else f"{self.line}-{self.last_line}"

    @property
    def reading(self) -> str:
        """What the line was read as, in a word or two: "P3", "removed: widget", "provenance: rights", "caption"."""
        if self.role is LineRole.PARAGRAPH:
            return self.detail
        if self.role in (LineRole.REMOVED, LineRole.PROVENANCE):
            return f"{self.role}: {self.detail}"
        return f"{self.role} ({self.detail})" if self.detail else str(self.role)

    def to_json(self) -> dict[str, object]:
        """This line's record in ``medialit analyze --json`` (``article.parse``)."""
        return {"line": self.line, "last_line": self.last_line, "role": str(self.role), "detail": self.detail, "text": self.text}


TITLE_WORDS: Final = 8
"""Words of P1 that stand in for a missing headline where a title is required."""

NO_HEADLINE_NOTE: Final = "no headline found; give one with --headline TEXT"
"""The note an article without a headline carries (an aggregator's copy, a paste that starts with the body)."""


@dataclass(frozen=True)
class Article:
    """A cleaned article: headline, provenance, numbered paragraphs and captions."""

    source: Path
    headline: str | None
    """The headline as shown; None when the text has none (see :attr:`notes`)."""
    subheadline: str | None
    byline: str | None
    """The reporter's name as shown, or None when the page shows no byline."""
    provenance: Provenance
    paragraphs: tuple[Paragraph, ...]
    captions: tuple[Caption, ...] = ()
    removed: tuple[RemovedLine, ...] = field(default=())
    dateline: str | None = None
    """The place of the dateline P1 opens with, as printed: "BUTTE, Mont." from "BUTTE, Mont. (AP) —". P1's text
    still holds the whole dateline; its agency is ``Provenance.agency``, its date (if any) the original date."""
    notes: tuple[str, ...] = ()
    """What a teacher should know about how the text was read ("no headline found; …")."""
    parse: tuple[ParsedLine, ...] = ()
    """Every non-blank line of the source and what it was read as, in file order."""

    @property
    def body_words(self) -> int:
        """The body's words, whitespace-separated: what a source's share of the words and a reading time are counted against."""
        return sum(len(paragraph.text.split()) for paragraph in self.paragraphs)

    @property
    def title(self) -> str:
        """The headline, or where there is none the first words of P1 ("The storm arrived at dawn …"):
        for the few places that must show a title (a course's title, a printed sheet)."""
        if self.headline:
            return self.headline
        words = self.paragraphs[0].text.split() if self.paragraphs else []
        return " ".join(words[:TITLE_WORDS]) + (" …" if len(words) > TITLE_WORDS else "") or self.source.stem

    @property
    def photographers(self) -> tuple[str, ...]:
        """Distinct photo credits, in order of first appearance."""
        seen: dict[str, None] = {}
        for caption in self.captions:
            if caption.credit:
                seen.setdefault(caption.credit, None)
        return tuple(seen)

    def to_json(self) -> dict[str, Any]:
        """The article as ``medialit analyze --json`` shows it (docs/analysis.md)."""
        provenance = self.provenance
        return {
            "headline": self.headline,
            "subheadline": self.subheadline,
            "byline": self.byline,
            "dateline": self.dateline,
            "provenance": {
                "original_publisher": provenance.original_publisher,
                "original_date": provenance.original_date.isoformat() if provenance.original_date else None,
                "republisher": provenance.republisher,
                "rights": provenance.rights,
                "agency": provenance.agency,
                "relayed_from": provenance.relayed_from,
                "contributors": list(provenance.contributors),
                "editors_note": provenance.editors_note,
                "source_note": provenance.source_note,
            },
            "paragraphs": [{"n": p.n, "text": p.text} for p in self.paragraphs],
            "captions": [{"text": c.text, "credit": c.credit, "after_paragraph": c.after_paragraph} for c in self.captions],
            "removed": [{"line": r.line, "text": r.text, "kind": str(r.kind)} for r in self.removed],
            "notes": list(self.notes),
            "parse": [parsed.to_json() for parsed in self.parse],
        }

    def paragraph(self, n: int) -> Paragraph:
        """Paragraph ``n`` (1-based), or IndexError naming the valid range."""
        if not 1 <= n <= len(self.paragraphs):
            raise IndexError(f"{self.source.name} has paragraphs P1-P{len(self.paragraphs)}; no P{n}")
        return self.paragraphs[n - 1]

    def captions_after(self, n: int) -> tuple[Caption, ...]:
        """Captions placed after paragraph ``n`` (0 for those before P1)."""
        return tuple(c for c in self.captions if c.after_paragraph == n)
