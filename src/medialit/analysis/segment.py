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
        "dr",
        "prof",
        "st",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "gov",
        "sen",
        "rep",
        "rev",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "no",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
    ]
)
"""Words that end with a full stop without ending a sentence (compared lower-case, without the stop)."""

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


def _is_abbreviation(text: str, stop: int) -> bool:
    word = re.search(r"([A-Za-z.]+)$", text[max(0, stop - 12) : stop])
    return word is not None and word.group(1).lower().rstrip(".") in ABBREVIATIONS


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
