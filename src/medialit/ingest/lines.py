"""What one line (or paragraph) of page text is, when it is not article text: the rules every format shares.

A news page puts, around the body: site furniture (:mod:`.boilerplate`), a byline ("By Ann Lee
and Bo Kim, Associated Press | Published May 26, 2022"), provenance lines ("Originally published
by …", "©", "Editor's note: …", "… contributed to this report.", "SOURCE: …"), photo captions
with their credits ("… (Jane Roe/The Example Standard via AP)", "Photo: …", "Getty Images"),
and at the start of the first paragraph a dateline ("BUTTE, Mont. (AP) —"). Pasted text,
Markdown and HTML all read their lines through these functions, so every format agrees.

Every function takes text with its whitespace already collapsed to single spaces and looks at the
whole of it: a sentence that merely contains "Photo:" or "Reuters" is not a caption or a credit.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Final

from medialit.article import BoilerplateKind
from medialit.ingest import boilerplate
from medialit.ingest.dates import MONTH, WEEKDAY, find_date

# --- agencies ----------------------------------------------------------------------------------------

AGENCIES: Final = (
    "The Associated Press", "Associated Press", "AP", "Reuters", "Thomson Reuters", "Agence France-Presse", "AFP",
    "Bloomberg News", "Bloomberg", "PA Media", "Press Association", "dpa", "Deutsche Presse-Agentur", "EFE", "ANSA",
    "Kyodo News", "Kyodo", "Xinhua", "United Press International", "UPI", "The Canadian Press", "Canadian Press",
    "Australian Associated Press", "AAP", "Press Trust of India", "PTI", "ANI", "IANS", "Anadolu Agency", "TASS",
    "Interfax", "Yonhap", "CNN Wire", "Tribune News Service", "New York Times News Service", "News Wire Services",
    "Wire Services", "News Services", "CNN",
)  # fmt: skip
"""News agencies and wire services whose name in a byline or dateline says the text was relayed."""

_AGENCY: Final = (
    "(?:" + "|".join(re.escape(n) for n in sorted({*AGENCIES, *map(str.upper, AGENCIES)}, key=len, reverse=True)) + ")"
)
"""Case matters: "Ana Efe" is a name, "EFE" an agency; the capitalised form ("ASSOCIATED PRESS") is accepted too."""
AGENCY: Final = re.compile(_AGENCY)

PHOTO_AGENCIES: Final = (
    "Getty Images", "Getty", "Shutterstock", "Alamy Stock Photo", "Alamy", "AP Photo", "AP Images", "PA Wire", "PA Images",
    "EPA-EFE", "EPA", "NurPhoto", "SOPA Images", "LightRocket", "Sipa USA", "ZUMA Press", "ZUMA Wire", "iStockphoto",
    "iStock", "Reuters Pictures", "AFP Photo", "Contributor",
)  # fmt: skip
"""Picture agencies and labels that only ever credit a photo: a bracket naming one ends a caption."""

_PHOTO_AGENCY: Final = "(?:" + "|".join(re.escape(name) for name in sorted(PHOTO_AGENCIES, key=len, reverse=True)) + ")"
_ANY_AGENCY: Final = f"(?:{_PHOTO_AGENCY}|{_AGENCY})"
"""A line that is only a credit may also name a news agency ("Reuters", "AFP via Getty Images")."""


CACHED_LINES: Final = 4096
"""Pasted text asks about each line more than once (blocks, menus, site names, then the body): answers are kept."""


# --- what a line can be -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Furniture:
    """A line of website furniture; a follow prompt also names the site that republished the text."""

    kind: BoilerplateKind
    republisher: str | None = None
    heads_list: bool = False
    """A label over a list of other stories ("Must read"): the headlines under it are furniture too."""


class ProvenanceField(StrEnum):
    """Which :class:`~medialit.article.Provenance` field a provenance line fills."""

    ORIGINALLY_PUBLISHED = "original_publisher"
    """ "Originally published by the Telegraph on February 11, 2023": the publisher and the date."""
    RIGHTS = "rights"
    """ "© Telegraph Media Group Limited 2023", "Copyright 2023 The Associated Press. All rights reserved."."""
    CONTRIBUTORS = "contributors"
    """ "With News Wire Services", "Associated Press writer Bo Kim contributed to this report.", "Reporting by …"."""
    EDITORS_NOTE = "editors_note"
    """ "Editor's note: This story has been updated …"."""
    SOURCE_NOTE = "source_note"
    """ "SOURCE: Example Corp" (a press release's issuer, the origin of a text)."""


@dataclass(frozen=True)
class ProvenanceLine:
    """A line that says where the text comes from; ``text`` is the line as printed."""

    field: ProvenanceField
    text: str
    publisher: str | None = None
    """For "Originally published by …": the publisher, capitalised to stand alone; for a copyright line, the holder."""
    date: dt.date | None = None
    values: tuple[str, ...] = ()
    """What the line gives its field: the contributors' names, the editor's note without its label."""


@dataclass(frozen=True)
class Byline:
    """ "By Ann Lee and Bo Kim, Associated Press | Published May 26, 2022": names, agency and date."""

    name: str
    """The names as printed: "Ann Lee and Bo Kim", "ANN LEE"."""
    agency: str | None = None
    date: dt.date | None = None


@dataclass(frozen=True)
class Dateline:
    """The dateline a wire story opens with: "BUTTE, Mont. (AP) —" is the place "BUTTE, Mont." and the agency "AP"."""

    text: str
    """The whole dateline, dash included, as printed."""
    place: str | None
    """The place as printed; None for a dateline that gives only a date ("FRIDAY, Feb. 10, 2023 (HealthDay News) --")."""
    agency: str | None
    date: dt.date | None = None


@dataclass(frozen=True)
class CaptionLine:
    """A photo caption, with the credit the same line gives (None when it gives none)."""

    text: str
    credit: str | None


@dataclass(frozen=True)
class CreditLine:
    """A line that is only a photo credit ("Getty Images", "Photo: Jane Roe"): it belongs to the caption before it."""

    credit: str


# --- furniture and provenance ---------------------------------------------------------------------------

ORIGINALLY_PUBLISHED: Final = re.compile(
    r"(?:originally|first) published (?:by|in|on) (?P<publisher>.+?)"
    r"(?: on (?P<date>[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4}|\d{4}-\d{2}-\d{2}))?\.?",
    re.I,
)
RIGHTS: Final = re.compile(
    r"(?:©|\(c\)).{0,200}|copyright\b(?=.{0,40}(?:\d{4}|©|\(c\)|all rights reserved)).{0,200}|all rights reserved\.?", re.I
)
"""A copyright line: "©" or "(c)", or "Copyright" with a year or "All rights reserved" (not "Copyright law is …")."""
_TITLE_WORDS: Final = r"[A-Z][\w'’&.-]*(?:(?:,? (?:and|&|of|the|in|from|for) |,? )[A-Z][\w'’&.-]*){0,8}"
CONTRIBUTORS: Final = re.compile(
    rf"(?i:with (?:files from |reporting (?:by|from) |additional reporting by )?(?:the )?){_TITLE_WORDS}\.?"
    r"|\((?i:(?:additional )?(?:reporting|writing|editing) by) [A-Z][^()]{0,300}\)\.?"
    r"|[A-Z].{0,200}? (?i:contributed (?:to )?(?:this|the) (?:report|story|article))\.?"
    r"|[A-Z].{0,200}? (?i:contributed reporting)(?: from .{1,80}?)?\.?"
    r"|(?i:(?:additional )?(?:reporting|writing|editing|compiled) by) [A-Z].{0,300}"
)
"""Contributor lines; names are capitalised ("With News Wire Services"), so "With the storm approaching, …" is text."""
EDITORS_NOTE: Final = re.compile(r"editor['’]?s['’]? note\s*[:—–-]\s*(?P<note>\S.{0,600})", re.I)
SOURCE_NOTE: Final = re.compile(r"(?:SOURCES?|Sources?)\s*:\s*\S.{0,200}")


def _display_name(name: str) -> str:
    """ "the Telegraph" → "The Telegraph": the page's words, capitalised to stand alone."""
    name = name.strip().rstrip(".:")
    return name[:1].upper() + name[1:]


def furniture_line(text: str) -> Furniture | None:
    """The furniture this whole text is (see :mod:`.boilerplate`), or None."""
    stripped = text.strip()
    row = boilerplate.match(stripped)
    if row is None:
        return None
    follow = boilerplate.FOLLOW_PROMPT.fullmatch(stripped)
    return Furniture(row.kind, _display_name(follow.group("name")) if follow else None, row.heads_list)


def provenance_line(text: str) -> ProvenanceLine | None:
    """What this whole text says about where the article comes from, or None when it says nothing."""
    text = text.strip()
    if match := ORIGINALLY_PUBLISHED.fullmatch(text):
        return ProvenanceLine(
            ProvenanceField.ORIGINALLY_PUBLISHED,
            text,
            publisher=_display_name(match.group("publisher")),
            date=find_date(match.group("date") or ""),
        )
    if RIGHTS.fullmatch(text):
        return ProvenanceLine(ProvenanceField.RIGHTS, text, publisher=rights_holder(text))
    if match := EDITORS_NOTE.fullmatch(text):
        return ProvenanceLine(ProvenanceField.EDITORS_NOTE, text, values=(match.group("note").strip(),))
    if SOURCE_NOTE.fullmatch(text):
        return ProvenanceLine(ProvenanceField.SOURCE_NOTE, text)
    if CONTRIBUTORS.fullmatch(text):
        return ProvenanceLine(ProvenanceField.CONTRIBUTORS, text, values=contributor_names(text))
    return None


_RIGHTS_WORDS: Final = re.compile(
    r"copyright|©|\(c\)|all rights reserved\.?|\b(?:19|20)\d{2}\b(?:\s*[-–]\s*(?:19|20)?\d{2})?", re.I
)


def rights_holder(text: str) -> str | None:
    """Who a copyright line names: "© 2022 CHNV News. All rights reserved." → "CHNV News"; None if it names no one."""
    holder = " ".join(_RIGHTS_WORDS.sub(" ", text).split()).strip(" .,;:|-–—")
    return holder if re.search(r"[A-Za-z]", holder) and len(holder) <= 80 else None


_CONTRIBUTED: Final = re.compile(
    r"(?:.*?\b(?:writers?|reporters?|correspondents?|journalists?|staff)\s+)?(?P<names>.+?)"
    r"(?:,?\s+in\s+[^,]+(?:,\s*[^,]+?)?,?)?\s+contributed\b.*",
    re.I,
)
_WITH: Final = re.compile(r"with (?:files from |reporting (?:by|from) |additional reporting by )?(?P<names>.+?)\.?", re.I)
_BY_ROLE: Final = re.compile(r"(?:additional )?(?:reporting|writing|editing|compiled) by (?P<names>[^;()]+)", re.I)


def _split_names(names: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", names) if name.strip())


def contributor_names(text: str) -> tuple[str, ...]:
    """Names a contributor line gives: "Associated Press writer Samuel Ortiz in Helena, Mont., contributed to this
    report." → Samuel Ortiz; "With News Wire Services" → News Wire Services; "Reporting by A; Editing by B" → A, B.
    The whole line when no name can be read from it."""
    text = text.strip()
    if (match := _CONTRIBUTED.fullmatch(text)) and re.fullmatch(NAMES, match.group("names")):
        return _split_names(match.group("names"))
    if match := _WITH.fullmatch(text):
        return (match.group("names").strip(),)
    if found := _BY_ROLE.findall(text):
        return tuple(name for names in found for name in _split_names(names.strip(" .")))
    return (text,)


FIRST_REPORTED: Final = re.compile(
    r"\b(?:was |were |had been |as )?first reported (?:on )?by (?P<outlet>(?:the )?[A-Z][\w'’&.-]*(?: [A-Z&][\w'’&.-]*){0,4})"
)
"""A body sentence saying whose reporting the story passes on: "The decision was first reported by CBS News."."""


def first_reported_by(paragraph: str) -> str | None:
    """The outlet a paragraph says first reported the story, or None."""
    match = FIRST_REPORTED.search(paragraph)
    return match.group("outlet").rstrip(".") if match else None


@lru_cache(maxsize=CACHED_LINES)
def classify_block(text: str) -> Furniture | ProvenanceLine | None:
    """What a paragraph of page text is when it is furniture or provenance; None when it may be article text."""
    return furniture_line(text) or provenance_line(text)


# --- byline -----------------------------------------------------------------------------------------------

_PARTICLE: Final = r"(?:de|da|do|dos|das|van|von|der|den|del|della|di|du|la|le|bin|bint|al|el|ibn|y|st\.?)"
_NAME_WORD: Final = r"(?:[A-Z][\w'’.-]*)"
_NOT_A_NAME: Final = rf"(?!(?i:{WEEKDAY}|{MONTH}|the|this|that|then|these|those|now|late|early|next|last|far|all|law)\b)"
NAME: Final = rf"{_NOT_A_NAME}{_NAME_WORD}(?: (?:{_PARTICLE} )?{_NAME_WORD}){{0,4}}"
"""A person's name as bylines print it: capitalised words ("Jane Roe", "ANN LEE", "Ana de la Cruz")."""
NAMES: Final = rf"{NAME}(?:(?:, {NAME})*,? (?:and|&) {NAME})?"
"""One name, or a list joined by "and" ("Ann Lee, Bo Kim and Cy Dee")."""

_BY: Final = re.compile(r"(?:written |words |story |reporting )?by\s*:?\s+(?P<rest>\S.*)", re.I)
_NAMES: Final = re.compile(rf"(?P<names>{NAMES})(?:,\s*(?P<tail>.{{1,80}}))?")
_TRAILING_AGENCY: Final = re.compile(rf"(?:\s*,\s*|\s+[-–—]\s+|\s+|\s*\(\s*)(?P<agency>{_AGENCY})\)?$")
_SEGMENTS: Final = re.compile(r"\s*[|·•]\s*|\s+[–—]\s+")
_SENTENCE_END: Final = re.compile(r"\b[a-z]{3,}[.!?][\"'”’)]*$|[!?][\"'”’)]*$")
MAX_BYLINE_CHARS: Final = 200


JOB_TITLE: Final = re.compile(
    r"(?P<name>(?-i:[A-Z][\w'’.-]*)(?: (?-i:[A-Z]\.))?(?: (?-i:[A-Z][\w'’.-]*)))(?: (?-i:[A-Z][\w'’&.-]*)){0,3}"
    r" (?:senior |chief |staff |political |health |science |business |news |sports? |foreign )?"
    r"(?:reporter|correspondent|editor|writer|columnist|contributor|producer|anchor|staff|staffer|analyst|critic|intern)s?",
    re.I,
)
"""A name followed by a job title with no comma: "Carla Mendel HealthDay Reporter" → Carla Mendel (two names, or
a first name, an initial and a surname)."""


def _part_is_sentence(part: str) -> bool:
    return bool(_SENTENCE_END.search(part)) or len(part.split()) > 10


def byline(text: str) -> Byline | None:
    """The byline this whole text is, or None.

    "By Jane Roe | Published May 26, 2022 at 6:42 PM" → Jane Roe, no agency, 2022-05-26;
    "By Ann Lee and Bo Kim Associated Press" and "By ANN LEE, Associated Press" → the names and
    the agency; "By Jane Smith, Science Editor" → Jane Smith. "By Monday, the storm had passed."
    is a sentence, not a byline.
    """
    text = text.strip()
    if len(text) > MAX_BYLINE_CHARS or not (start := _BY.fullmatch(text)):
        return None
    first, *others = _SEGMENTS.split(start.group("rest"))
    agency: str | None = None
    if AGENCY.fullmatch(first):
        return Byline(first, first, _date_in(others))
    if trailing := _TRAILING_AGENCY.search(first):
        agency, first = trailing.group("agency"), first[: trailing.start()]
    if titled := JOB_TITLE.fullmatch(first):
        first = titled.group("name")
    names = _NAMES.fullmatch(first)
    if names is None:
        return None
    tail = names.group("tail")
    if tail is not None and AGENCY.fullmatch(tail):
        agency = agency or tail
    elif tail is not None and _part_is_sentence(tail):
        return None
    if any(_part_is_sentence(part) and find_date(part) is None for part in others):
        return None
    for part in others:
        if agency is None and AGENCY.fullmatch(part):
            agency = part
    return Byline(names.group("names"), agency, _date_in([tail or "", *others]))


def _date_in(parts: list[str]) -> dt.date | None:
    for part in parts:
        if date := find_date(part):
            return date
    return None


# --- dateline ------------------------------------------------------------------------------------------

_PLACE: Final = r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]*){0,3}"
_REGION: Final = r"(?:, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})?"
_DASH: Final = r"(?:\s(?:--|-)\s|\s?[—–]\s?|\s?--\s?|:\s)"
_AGENCY_NAME: Final = r"[A-Za-z][\w .&-]{0,30}"
DATELINE: Final = re.compile(
    rf"(?:(?P<place>{_PLACE}{_REGION})(?P<date>,\s(?i:{MONTH})\s\d{{1,2}}(?:,\s\d{{4}})?)?(?:\s?\((?P<agency>{_AGENCY_NAME})\))?"
    rf"|(?P<dated>(?i:{WEEKDAY}),\s(?i:{MONTH})\s\d{{1,2}},?\s\d{{4}})(?:\s?\((?P<service>{_AGENCY_NAME})\))?"
    rf"|\((?P<lone>{_AGENCY})\)){_DASH}(?=\S)"
)
"""A dateline: a place in capitals (perhaps a region, a date, an agency in brackets), or a weekday and date with an
agency ("FRIDAY, Feb. 10, 2023 (HealthDay News) --"), or an agency alone ("(CNN) —"), then a dash."""


def dateline(paragraph: str) -> Dateline | None:
    """The dateline ``paragraph`` opens with ("BUTTE, Mont. (AP) —", "WASHINGTON (Reuters) -", "LONDON —"), or None."""
    match = DATELINE.match(paragraph)
    if match is None:
        return None
    place = match.group("place")
    if place is not None and re.fullmatch(WEEKDAY, place, re.I):
        place = None  # "FRIDAY, Feb. 10, 2023 (HealthDay News) --": a date, not a place
    elif place is not None and len(re.sub(r"[^A-Za-z]", "", place)) < 2:
        return None
    agency = match.group("agency") or match.group("service") or match.group("lone")
    return Dateline(match.group(0).strip(), place, agency, find_date(match.group("dated") or match.group("date") or ""))


# --- captions and credits ----------------------------------------------------------------------------------

_LABEL: Final = r"(?:CREDITS?|Credits?|PHOTO(?:GRAPH)?S?|Photo(?:graph)?s?|PICTURES?|Pictures?|IMAGES?|Images?)"
LABELLED_CAPTION: Final = re.compile(rf"(?P<text>.{{0,400}}?)[\s|]*\b{_LABEL}\s*(?::|\bby\b)\s*(?P<credit>[^|]{{1,120}}?)\.?")
"""A caption ending in its credit: "Pro Putin billboard | CREDIT: Heathcliff O'Malley", "… Photograph: Jane Doe"."""
_SLASH_CREDIT: Final = r"[A-Z][^()/]{1,60}/\s?[A-Z][^()]{1,80}"
_AGENCY_CREDIT: Final = rf"[^()]{{0,60}}(?:\b{_PHOTO_AGENCY}\b|\bvia {_AGENCY}\b|\b(?:Photo|PHOTO) by\b)[^()]{{0,60}}"
PAREN_CAPTION: Final = re.compile(rf"(?P<text>.{{1,400}}?)\s*\((?P<credit>{_SLASH_CREDIT}|{_AGENCY_CREDIT})\)\.?")
"""A caption ending in a bracketed credit, as wire photos have: "… (Jane Roe/The Example Standard via AP)"."""
_CREDIT_WORDS: Final = r"[\w'’&.-]+(?: [\w'’&.-]+){0,5}"
"""At most six words: a name or an agency, never a sentence."""
CREDIT_ALONE: Final = re.compile(
    rf"\(?(?:{_LABEL}\s*(?::|\bby\b)\s*)?(?P<credit>(?:{_CREDIT_WORDS}(?:/| via | for ))?{_ANY_AGENCY}"
    rf"(?:(?:/| via ){_CREDIT_WORDS})?|[A-Z]{_CREDIT_WORDS}\s?/\s?[A-Z]{_CREDIT_WORDS})\)?\.?"
)
"""A line that is only a credit: "Getty Images", "AFP via Getty Images", "(AP Photo/Evan Vucci)", "Jane Roe/Reuters"."""


@lru_cache(maxsize=CACHED_LINES)
def credit_line(text: str) -> CreditLine | None:
    """The credit this whole text is, when it is nothing but a credit ("Getty Images", "Photo: Jane Roe")."""
    text = text.strip()
    if match := CREDIT_ALONE.fullmatch(text):
        return CreditLine(match.group("credit").strip())
    if (match := LABELLED_CAPTION.fullmatch(text)) and not match.group("text").strip(" |"):
        return CreditLine(match.group("credit").strip())
    return None


def caption_line(text: str) -> CaptionLine | None:
    """The caption this whole text is, with its credit, when the text ends in a credit; else None."""
    text = text.strip()
    for pattern in (LABELLED_CAPTION, PAREN_CAPTION):
        if (match := pattern.fullmatch(text)) and match.group("credit").strip():
            return CaptionLine(match.group("text").strip(" |"), match.group("credit").strip())
    return None
