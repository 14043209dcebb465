"""Cutting paragraphs into sentences, with quotations kept whole.

News writing puts several sentences inside one pair of quotation marks, and lets a quotation run
over several paragraphs (each continued paragraph opens with a quotation mark, only the last one
closes). A sentence boundary inside a quotation is therefore not a boundary here, and the state
"a quotation is still open" is carried from one paragraph to the next.

Only double quotation marks (“ ” and ") delimit quotations: single ones are too often apostrophes.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Final

OPENING: Final = "“"
CLOSING: Final = "”"
STRAIGHT: Final = '"'

ABBREVIATIONS: Final = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "messrs",
        "dr",
        "prof",
        "st",
        "sen",
        "sens",
        "rep",
        "reps",
        "gov",
        "govs",
        "lt",
        "gen",
        "adm",
        "cmdr",
        "col",
        "maj",
        "capt",
        "sgt",
        "cpl",
        "pvt",
        "det",
        "insp",
        "supt",
        "atty",
        "amb",
        "pres",
        "rev",
        "fr",
        "hon",
        "jr",
        "sr",
        "esq",
        "inc",
        "ltd",
        "co",
        "corp",
        "llc",
        "bros",
        "no",
        "nos",
        "vol",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "approx",
        "dept",
        "est",
        "fig",
        "ave",
        "blvd",
        "rd",
        "mt",
        "ft",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "ala",
        "ariz",
        "ark",
        "calif",
        "colo",
        "conn",
        "del",
        "fla",
        "ga",
        "ill",
        "ind",
        "kan",
        "ky",
        "la",
        "md",
        "mass",
        "mich",
        "minn",
        "miss",
        "mo",
        "mont",
        "neb",
        "nev",
        "okla",
        "ore",
        "pa",
        "tenn",
        "tex",
        "vt",
        "va",
        "wash",
        "wis",
        "wyo",
        "n.h",
        "n.j",
        "n.m",
        "n.y",
        "n.c",
        "n.d",
        "r.i",
        "s.c",
        "s.d",
        "w.va",
        "d.c",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
    ]
)
"""Words that end with a full stop without ending a sentence (compared lower-case, without the stop):
titles (Sen., Gov.), months (Aug.), US states as wire stories abbreviate them (Mont., Calif.),
companies (Inc.) and countries (U.S.). "a.m." and "p.m." are left out: before a capital they
usually end a sentence. A single capital letter (the initial in "David M. Larkin") is also one."""

LOWER_CASE_ABBREVIATIONS: Final = frozenset({"etc", "e.g", "i.e", "vs", "approx", "cf"})
"""Abbreviations written in lower case; every other one counts only with its capital ("Ore.", not "ore.")."""

DOUBLED_APOSTROPHES: Final = "''"
"""Two apostrophes used as a double quotation mark, as in some newspaper archives (''like this'')."""

_BOUNDARY: Final = re.compile(r"[.!?]+[”\"’')\]]*\s+(?=[“\"‘'(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    """A sentence of one paragraph, as character offsets into the paragraph's text."""

    paragraph: int
    start: int
    end: int
    text: str
    continues_quote: bool
    """True when the sentence begins inside a quotation opened in an earlier paragraph."""

    @property
    def has_quote(self) -> bool:
        """Whether the sentence contains quoted words (or continues a quotation)."""
        return self.continues_quote or OPENING in self.text or STRAIGHT in self.text


def quote_depth_changes(text: str, open_at_start: bool) -> list[bool]:
    """For each character, whether it lies inside a quotation (the marks themselves count as inside)."""
    inside = open_at_start
    flags: list[bool] = []
    for char in text:
        if char == OPENING:
            inside = True
            flags.append(True)
        elif char == CLOSING:
            flags.append(True)
            inside = False
        elif char == STRAIGHT:
            flags.append(True)
            inside = not inside
        else:
            flags.append(inside)
    return flags


def closes_unopened(text: str) -> bool:
    """Whether ``text``, read from outside quotation marks, closes a quotation it never opened.

    That is how a quotation begun in an earlier paragraph ends when the page does not reopen it
    (``How many were at the border …, that’s an issue that is still being investigated.”``).
    A straight mark counts as closing when there is an odd number of them and the first one
    follows a word, not a space.
    """
    inside = False
    for char in text:
        if char == OPENING:
            inside = True
        elif char == CLOSING:
            if not inside:
                return True
            inside = False
    if text.count(STRAIGHT) % 2 == 1:
        first = text.index(STRAIGHT)
        return first > 0 and not text[first - 1].isspace()
    return False


def ends_inside_quote(text: str, open_at_start: bool) -> bool:
    """Whether a quotation is still open at the end of ``text``."""
    inside = open_at_start
    for char in text:
        if char == OPENING:
            inside = True
        elif char == CLOSING:
            inside = False
        elif char == STRAIGHT:
            inside = not inside
    return inside


_OPENING_DOUBLED: Final = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))''")


def quote_view(text: str) -> str:
    """``text`` with each doubled apostrophe ('') read as one straight double quotation mark.

    The view has the same length as the text, so every offset into it is an offset into the
    text: the other apostrophe becomes a space, before the mark when it opens a quotation (at
    the start or after a space) and after it when it closes one. Quotation logic reads the view;
    statements quote the text itself.
    """
    if DOUBLED_APOSTROPHES not in text:
        return text
    opened = _OPENING_DOUBLED.sub(" " + STRAIGHT, text)
    return opened.replace(DOUBLED_APOSTROPHES, STRAIGHT + " ")


def _is_abbreviation(text: str, stop: int) -> bool:
    word = re.search(r"(?<![A-Za-z.])([A-Za-z.]+)$", text[max(0, stop - 12) : stop])
    if word is None:
        return False
    letters = word.group(1)
    if len(letters) == 1 and letters.isupper():
        return True  # an initial: "David M. Larkin"
    key = letters.lower().rstrip(".")
    if key in LOWER_CASE_ABBREVIATIONS:
        return True
    # Capitalised only: "Ore." is Oregon, but "crushed ore." ends a sentence ("Miss.", "Wash.", "Ill." too).
    return key in ABBREVIATIONS and letters[:1].isupper()


def split_sentences(paragraph: int, text: str, open_at_start: bool = False) -> list[Sentence]:
    """The sentences of one paragraph; a boundary inside a quotation does not count."""
    inside = quote_depth_changes(text, open_at_start)
    cuts = [0]
    for match in _BOUNDARY.finditer(text):
        stop = match.start()
        closes = CLOSING in match.group(0) or STRAIGHT in match.group(0)
        if (inside[stop] and not closes) or _is_abbreviation(text, stop):
            continue  # a full stop inside a quotation that goes on, or after "Dr"
        cuts.append(match.end())
    cuts.append(len(text))
    sentences: list[Sentence] = []
    for index, (start, end) in enumerate(itertools.pairwise(cuts)):
        piece = text[start:end]
        stripped_end = start + len(piece.rstrip())
        if stripped_end <= start:
            continue
        sentences.append(
            Sentence(paragraph, start, stripped_end, text[start:stripped_end], continues_quote=open_at_start and index == 0)
        )
    return sentences
