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


class BoilerplateKind(StrEnum):
    """Kinds of website furniture removed from pasted article text."""

    NAVIGATION = "navigation"
    """Skip links and page markers such as "top of page" / "bottom of page"."""

    SOCIAL = "social"
    """Share buttons and social-media icons ("Grey Facebook Icon", "Share on X")."""

    FOLLOW_PROMPT = "follow-prompt"
    """Calls to follow or subscribe ("Follow Genocide Watch for more updates:")."""

    SUBHEADING = "subheading"
    """Section headings inside the body (a Markdown ``#`` line, an HTML ``<h2>``): titles, not paragraphs."""

    SCRIPT = "script"
    """Scripts and style sheets in an HTML page (``<script>``, ``<style>``): code, never text a reader sees."""

    FOOTER = "footer"
    """An HTML page footer (``<footer>``): site links, contact details and small print."""

    SIDEBAR = "sidebar"
    """An HTML sidebar (``<aside>``): related stories, promotions and panels beside the article."""


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
    """Who published the text first, when, and who republished it, as the page states."""

    original_publisher: str | None = None
    original_date: dt.date | None = None
    republisher: str | None = None
    rights: str | None = None
    """The copyright line as printed, e.g. "© Telegraph Media Group Limited 2023"."""


@dataclass(frozen=True)
class RemovedLine:
    """A line of website furniture that ingest dropped, kept so the cleaning is auditable."""

    line: int
    text: str
    kind: BoilerplateKind


@dataclass(frozen=True)
class Article:
    """A cleaned article: headline, provenance, numbered paragraphs and captions."""

    source: Path
    headline: str
    subheadline: str | None
    byline: str | None
    """The reporter's name as shown, or None when the page shows no byline."""
    provenance: Provenance
    paragraphs: tuple[Paragraph, ...]
    captions: tuple[Caption, ...] = ()
    removed: tuple[RemovedLine, ...] = field(default=())

    @property
    def photographers(self) -> tuple[str, ...]:
        """Distinct photo credits, in order of first appearance."""
        seen: dict[str, None] = {}
        for caption in self.captions:
            if caption.credit:
                seen.setdefault(caption.credit, None)
        return tuple(seen)

    def paragraph(self, n: int) -> Paragraph:
        """Paragraph ``n`` (1-based), or IndexError naming the valid range."""
        if not 1 <= n <= len(self.paragraphs):
            raise IndexError(f"{self.source.name} has paragraphs P1-P{len(self.paragraphs)}; no P{n}")
        return self.paragraphs[n - 1]

    def captions_after(self, n: int) -> tuple[Caption, ...]:
        """Captions placed after paragraph ``n`` (0 for those before P1)."""
        return tuple(c for c in self.captions if c.after_paragraph == n)
