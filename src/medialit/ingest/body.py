"""Collecting an article from its paragraphs, in reading order: the one engine every format feeds.

Pasted text gives blocks of lines, Markdown its paragraphs, HTML its ``<p>`` elements; each goes
to :meth:`BodyBuilder.add_text`, which sorts it with the shared line rules (:mod:`.lines`):
site furniture (removed and recorded), provenance, a photo credit or caption, the byline, the
headline and sub-headline (for pasted text, which has no markup to say so), or a body paragraph.
The builder also keeps the record of what each line was read as (``Article.parse``) and the
notes a teacher should see, so every format numbers paragraphs, places captions and records
removed furniture the same way.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Final

from medialit.article import (
    NO_HEADLINE_NOTE,
    Article,
    BoilerplateKind,
    Caption,
    LineRole,
    Paragraph,
    ParsedLine,
    Provenance,
    RemovedLine,
)
from medialit.errors import ArticleError
from medialit.ingest.dates import find_date
from medialit.ingest.lines import (
    AGENCY,
    Furniture,
    ProvenanceField,
    ProvenanceLine,
    byline,
    caption_line,
    classify_block,
    credit_line,
    dateline,
    first_reported_by,
)

CREDIT_LABEL: Final = re.compile(r"(?:photo(?:graph)?|picture|image|credit)s?\s*(?::|by\b)\s*", re.I)
"""The label before a photographer's name: "Photo:", "Photograph:", "Picture:", "Credit:", "Photo by"."""

MAX_SHORT_TEXT: Final = 80
MAX_HEADLINE_CHARS: Final = 200
"""Longer first lines are paragraphs: a headline is a line, not a paragraph."""
MAX_HEADLINE_WORDS: Final = 30
MAX_SUBHEADLINE_CHARS: Final = 300
ENDS_WITH_FULL_STOP: Final = re.compile(r"\.[\"'”’)\]]*$")
"""A headline never ends with a full stop ("?", "!" and a closing quotation mark may end one)."""
SENTENCE_END: Final = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”]$")
"""A sub-headline is not a sentence: a block ending like one is the first paragraph."""
HEADLINE_GIVEN_NOTE: Final = "headline given with --headline"
PROVENANCE_KINDS: Final = {
    ProvenanceField.ORIGINALLY_PUBLISHED: BoilerplateKind.ORIGINALLY_PUBLISHED,
    ProvenanceField.RIGHTS: BoilerplateKind.COPYRIGHT,
    ProvenanceField.CONTRIBUTORS: BoilerplateKind.CONTRIBUTORS,
    ProvenanceField.EDITORS_NOTE: BoilerplateKind.EDITORS_NOTE,
    ProvenanceField.SOURCE_NOTE: BoilerplateKind.SOURCE_LINK,
}
"""The kind each provenance line is recorded under in ``Article.removed``."""
UPDATED: Final = re.compile(r"\s*(?:last )?(?:updated|modified)\b", re.I)
REPLACED_DETAIL: Final = "replaced by the --headline given"


INVISIBLE: Final = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})
"""Unicode categories a reader does not see: controls, format characters (zero-width space, joiners), spaces."""


def visible(text: str) -> bool:
    """Whether ``text`` shows anything: a saved page's ``<p>&#8203;</p>`` spacer is not a paragraph."""
    return any(unicodedata.category(character) not in INVISIBLE for character in text)


def collapse(text: str) -> str:
    """Runs of whitespace (newlines, tabs, no-break spaces) → one space; ends stripped."""
    return " ".join(text.split())


def short(text: str) -> str:
    """``text`` collapsed and cut to about a line, for the record of removed furniture and the parse."""
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
    """A caption's text and the credit at its end, if it ends with one ("… Photo: Jane Doe", "… (AP Photo/Evan Vucci)")."""
    text = collapse(text)
    if caption := caption_line(text):
        return caption.text, caption.credit
    return text, None


def site_key(name: str) -> str:
    """ "The Meridian Post" and "meridian post" name the same site."""
    return " ".join(name.casefold().split()).removeprefix("the ").strip(" .")


def title_case(text: str) -> bool:
    """Whether most longer words start with a capital, as in "Clinton Campaign Wants A Progressive DNC Chair."."""
    words = [word for word in re.findall(r"[A-Za-z][\w'’-]*", text) if len(word) >= 4]
    return len(words) >= 2 and sum(1 for word in words if word[0].isupper()) * 10 >= len(words) * 8


def looks_like_headline(text: str) -> bool:
    """Whether a first block of pasted text can be the headline: a short line that is not a sentence and no
    dateline. A title-case line ending in a full stop is a headline too (some archives add the stop)."""
    return (
        len(text) <= MAX_HEADLINE_CHARS
        and len(text.split()) <= MAX_HEADLINE_WORDS
        and (not ENDS_WITH_FULL_STOP.search(text) or (title_case(text) and text.count(". ") == 0))
        and dateline(text) is None
    )


class BodyBuilder:
    """Numbered paragraphs, captions, provenance and removed furniture, in reading order.

    ``headline``, ``subheadline`` and ``byline`` are what the format's own markup says (an HTML
    ``<h1>``, Markdown front matter); ``given_headline`` is the user's ``--headline``. With
    ``find_headline`` (pasted text) the first short block that is not a sentence is the headline
    and the next such block the sub-headline.
    """

    def __init__(
        self,
        *,
        headline: str | None = None,
        subheadline: str | None = None,
        byline: str | None = None,
        given_headline: str | None = None,
        find_headline: bool = False,
        verbatim: bool = False,
        site_names: frozenset[str] = frozenset(),
    ) -> None:
        self.headline = headline
        self.subheadline = subheadline
        self.byline = byline
        """The byline given by the format's own markup; else a "By Jane Doe" paragraph before the first
        body paragraph sets it, as in pasted text."""
        self.given_headline = collapse(given_headline or "") or None
        self.find_headline = find_headline
        self.verbatim = verbatim
        """Keep each text as given (only its ends stripped): pasted text is quoted as pasted, no-break spaces and all."""
        self.site_names = frozenset(map(site_key, site_names))
        """Names of the site (from its copyright line, say): a line that is only one of them is its logo, not text."""
        self.paragraphs: list[Paragraph] = []
        self.captions: list[Caption] = []
        self.removed: list[RemovedLine] = []
        self.notes: list[str] = []
        self.dateline: str | None = None
        self.original_publisher: str | None = None
        """Set by an "Originally published by … on …" paragraph (the last one wins)."""
        self.original_date: dt.date | None = None
        self.page_date: dt.date | None = None
        """The date a byline gives ("By Jane Roe | Published May 26, 2022"): the original date when no other is stated."""
        self.stamp_date: dt.date | None = None
        """The first date a timestamp line gives ("21 May 2024, 14:05 GMT")."""
        self.updated_date: dt.date | None = None
        """The first date an "Updated …" line gives: the date only when nothing else gives one."""
        self.dateline_date: dt.date | None = None
        self.agency: str | None = None
        self.rights_holder: str | None = None
        self.republisher: str | None = None
        """Set by the first follow prompt."""
        self.rights: str | None = None
        self.relayed_from: str | None = None
        self.contributors: list[str] = []
        self.editors_note: str | None = None
        self.source_note: str | None = None
        self._parse: list[ParsedLine] = []
        self._last_role: LineRole | None = None
        self._pending: list[tuple[str, int, int]] = []
        """Blocks read as headline or sub-headline: they become paragraphs if no paragraph follows."""
        self._listing = False
        """After a label such as "Must read" or "Latest articles": headline-like lines are other stories' headlines."""

    # --- reading ------------------------------------------------------------------------------------

    def add_text(self, text: str, line: int, last_line: int | None = None, *, article_text: bool = True) -> None:
        """One paragraph of the page: furniture, provenance, a credit, a caption, the byline, the headline or body text.

        Text outside the article body (``article_text=False``, e.g. in an HTML ``<header>``, or
        outside the main text trafilatura finds) is read for furniture, provenance and the byline;
        anything else in it (another story's photo caption too) is recorded as removed, not made a
        paragraph or a caption.
        """
        text = text.strip() if self.verbatim else collapse(text)
        if not visible(text):
            return
        last = last_line if last_line is not None else line
        match classify_block(text):
            case Furniture(kind=kind, republisher=republisher, heads_list=heads_list):
                self._furniture(text, line, last, kind)
                if self.republisher is None:
                    self.republisher = republisher
                self._listing = self._listing or heads_list
                return
            case ProvenanceLine() as stated:
                self._provenance(stated, line, last)
                return
            case None:
                pass
        if self.site_names and site_key(text) in self.site_names:
            self.remove(line, text, BoilerplateKind.NAVIGATION, last)
            return
        if self._listing and self.paragraphs and looks_like_headline(text):
            self.remove(line, text, BoilerplateKind.PROMOTION, last)
            return
        self._listing = False
        if self._last_role is LineRole.BYLINE and AGENCY.fullmatch(text):
            self.agency = self.agency or text
            self.record(line, last, LineRole.BYLINE, text, "agency")
        elif article_text and (credit := credit_line(text)):
            self._credit(credit.credit, line, last, text)
        elif article_text and (caption := caption_line(text)):
            self.add_caption(caption.text, caption.credit, line, last)
        elif self.byline is None and not self.paragraphs and (found := byline(text)):
            self.byline = found.name
            self.agency = self.agency or found.agency
            self.page_date = self.page_date or found.date
            self.record(line, last, LineRole.BYLINE, text)
        elif self.find_headline and self._is_headline(text):
            self._pending.append((text, line, last))
            if self.given_headline is not None and self.headline is None:
                self.headline = self.given_headline
                self.record(line, last, LineRole.HEADLINE, text, REPLACED_DETAIL)
            elif self.headline is None:
                self.headline = text
                self.record(line, last, LineRole.HEADLINE, text)
            else:
                self.subheadline = text
                self.record(line, last, LineRole.SUBHEADLINE, text)
        elif article_text:
            self._pending.clear()
            self._paragraph(text, line, last)
        else:
            self.remove(line, text, BoilerplateKind.NOT_MAIN_TEXT, last)

    def _is_headline(self, text: str) -> bool:
        if self.paragraphs:
            return False
        if self.headline is None:
            return looks_like_headline(text)
        return (
            self.subheadline is None
            and not self.captions
            and len(text) <= MAX_SUBHEADLINE_CHARS
            and not SENTENCE_END.search(text)
            and dateline(text) is None
        )

    def _paragraph(self, text: str, line: int, last: int) -> None:
        n = len(self.paragraphs) + 1
        detail = f"P{n}"
        if n == 1 and (found := dateline(text)):
            self.dateline = found.place
            self.agency = self.agency or found.agency
            self.dateline_date = found.date
            detail += f"; dateline: {found.text}"
        if self.relayed_from is None:
            self.relayed_from = first_reported_by(text)
        self.paragraphs.append(Paragraph(n, text, line))
        self.record(line, last, LineRole.PARAGRAPH, text, detail)

    def _credit(self, credit: str, line: int, last: int, text: str) -> None:
        """A credit on its own line: the caption just before it, if that has none; else a caption of its own."""
        previous = self.captions[-1] if self.captions else None
        if previous is not None and previous.credit is None and self._last_role is LineRole.CAPTION:
            self.captions[-1] = Caption(previous.text, credit, previous.after_paragraph, previous.line)
        else:
            self.captions.append(Caption("", credit, len(self.paragraphs), line))
        self.record(line, last, LineRole.CREDIT, text, credit)

    def _furniture(self, text: str, line: int, last: int, kind: BoilerplateKind) -> None:
        """Furniture is removed; a timestamp's date is kept as a candidate for the article's date."""
        self.remove(line, text, kind, last)
        if kind is BoilerplateKind.TIMESTAMP and (date := find_date(text)):
            if UPDATED.match(text):
                self.updated_date = self.updated_date or date
            else:
                self.stamp_date = self.stamp_date or date

    def _provenance(self, stated: ProvenanceLine, line: int, last: int) -> None:
        """A provenance line: its value into the provenance, the line itself into the removed lines, with its kind."""
        match stated.field:
            case ProvenanceField.ORIGINALLY_PUBLISHED:
                self.original_publisher, self.original_date = stated.publisher, stated.date
            case ProvenanceField.RIGHTS:
                self.rights, self.rights_holder = stated.text, stated.publisher
            case ProvenanceField.CONTRIBUTORS:
                self.contributors.extend(name for name in stated.values if name not in self.contributors)
            case ProvenanceField.EDITORS_NOTE:
                self.editors_note = stated.values[0] if stated.values else stated.text
            case ProvenanceField.SOURCE_NOTE:
                self.source_note = stated.text
        self.removed.append(RemovedLine(line, stated.text, PROVENANCE_KINDS[stated.field]))
        self.record(line, last, LineRole.PROVENANCE, stated.text, str(stated.field))

    def add_caption(self, text: str, credit: str | None, line: int, last_line: int | None = None) -> None:
        """A photo caption placed after the paragraphs collected so far."""
        text = collapse(text)
        self.captions.append(Caption(text, credit, len(self.paragraphs), line))
        self.record(
            line, last_line if last_line is not None else line, LineRole.CAPTION, text, f"credit: {credit}" if credit else ""
        )

    def remove(self, line: int, text: str, kind: BoilerplateKind, last_line: int | None = None) -> None:
        """Record furniture that is not part of the article."""
        self.removed.append(RemovedLine(line, text.strip() if self.verbatim else collapse(text), kind))
        self.record(line, last_line if last_line is not None else line, LineRole.REMOVED, text, str(kind))

    def record(self, line: int, last_line: int, role: LineRole, text: str, detail: str = "") -> None:
        """What the line was read as, for ``Article.parse``; several records on one line (HTML) are kept in order."""
        self._last_role = role
        self._parse.append(ParsedLine(line, max(line, last_line), role, short(text), detail))

    def note(self, text: str) -> None:
        """Something a teacher should know about how the text was read."""
        if text not in self.notes:
            self.notes.append(text)

    # --- the result ---------------------------------------------------------------------------------------

    def provenance(self, *, publisher: str | None = None, date: dt.date | None = None) -> Provenance:
        """What the lines said about provenance; ``publisher`` and ``date`` (the page's metadata) come before the
        lines' weaker signs (the copyright holder, the agency; the byline's date, timestamps, the dateline's date).

        An "Originally published by … on …" line decides both publisher and date: the page's own date is then
        the republication's, not the original's.
        """
        original_publisher: str | None
        if self.original_publisher is not None:
            original_publisher, original_date = self.original_publisher, self.original_date
        else:
            original_publisher = publisher or self.rights_holder or self.agency
            dates = (date, self.page_date, self.stamp_date, self.dateline_date, self.updated_date)
            original_date = next((d for d in dates if d is not None), None)
        return Provenance(
            original_publisher=original_publisher,
            original_date=original_date,
            republisher=self.republisher,
            rights=self.rights,
            agency=self.agency,
            relayed_from=self.relayed_from,
            contributors=tuple(self.contributors),
            editors_note=self.editors_note,
            source_note=self.source_note,
        )

    def article(self, source: Path, provenance: Provenance | None = None, *, empty: str, line: int | None = None) -> Article:
        """The Article read; ArticleError with ``empty`` (at ``line``) when nothing in it is body text."""
        if not self.paragraphs and self._pending:
            self._demote_pending()
        if not self.paragraphs:
            raise ArticleError(source, empty, line)
        self.headline, self.subheadline, self.byline = (
            value if value is not None and visible(value) else None for value in (self.headline, self.subheadline, self.byline)
        )
        if self.given_headline is not None and visible(self.given_headline):
            self.headline = self.given_headline
            self.note(HEADLINE_GIVEN_NOTE)
        if self.headline is None:
            self.note(NO_HEADLINE_NOTE)
        return Article(
            source=source,
            headline=self.headline,
            subheadline=self.subheadline,
            byline=self.byline,
            provenance=provenance or self.provenance(),
            paragraphs=tuple(self.paragraphs),
            captions=tuple(self.captions),
            removed=tuple(sorted(self.removed, key=lambda removed: removed.line)),
            dateline=self.dateline,
            notes=tuple(self.notes),
            parse=tuple(sorted(self._parse, key=lambda parsed: parsed.line)),
        )

    def _demote_pending(self) -> None:
        """No body text came after the headline-like blocks: they were the body after all (a one-line text)."""
        pending, self._pending = self._pending, []
        lines = {line for _text, line, _last in pending}
        headings = (LineRole.HEADLINE, LineRole.SUBHEADLINE)
        self._parse = [p for p in self._parse if not (p.line in lines and p.role in headings)]
        self.headline = None if self.given_headline is None else self.given_headline
        self.subheadline = None
        for text, line, last in pending:
            self._paragraph(text, line, last)
