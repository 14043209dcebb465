"""An attribution: where, in one sentence, a statement's content, its reporting verb and its speaker are.

Both finders return it: the grammar finder (:mod:`.grammar`, spaCy's dependency parse) and the
surface patterns (:mod:`.patterns`). Offsets are into the sentence's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from medialit.analysis.segment import CLOSING, OPENING, STRAIGHT


@dataclass(frozen=True)
class Relay:
    """Who passes on someone else's words, and with which verb (``The Montana Standard reports``)."""

    speaker_text: str
    speaker_start: int
    speaker_end: int
    verb: str
    verb_start: int
    verb_end: int

    @property
    def start(self) -> int:
        return min(self.speaker_start, self.verb_start)

    @property
    def end(self) -> int:
        return max(self.speaker_end, self.verb_end)


@dataclass(frozen=True)
class Attribution:
    """Where, in a sentence, the statement and its attribution are (offsets into the sentence)."""

    content_start: int
    content_end: int
    verb: str | None
    verb_start: int
    verb_end: int
    speaker_text: str
    speaker_start: int
    speaker_end: int
    direct: bool
    continued: tuple[tuple[int, int], ...] = ()
    """Further pieces of the same words after the attribution (``“A,” she said, “and B.”``)."""
    entity: tuple[str, str] | None = None
    """The named entity of the speaker's head word from the parse, as (label, text): ("PERSON", "Sergei Lavrov")."""
    speaker_shared: bool = False
    """The verb has no subject of its own and shares another verb's (``X admitted A, but said B``):
    the attribution is the verb alone, the speaker is found further back."""
    lemma: str | None = None
    """The reporting verb's dictionary form from the parse ("say" for "has said"), when the parse found it."""
    relay: Relay | None = None
    """The news outlet that reports these words, when the sentence relays them (``The Standard reports the governor told …``)."""

    def relayed(self, relay: Relay) -> Attribution:
        """This attribution, relayed by ``relay``."""
        return replace(self, relay=relay)

    @classmethod
    def of(
        cls,
        match: re.Match[str],
        content: tuple[int, int],
        *,
        direct: bool,
        offset: int = 0,
        who: str | None = None,
        verb_start: int | None = None,
    ) -> Attribution:
        """From a match with ``verb`` and ``who`` groups; positions shifted by ``offset``.

        ``who`` replaces the group's text when only its core names the speaker (the group starts
        at the same place); ``verb_start`` replaces the verb group's start (to include adverbs).
        """
        speaker = who if who is not None else match.group("who")
        speaker_start = offset + match.start("who")
        return cls(
            content[0],
            content[1],
            match.group("verb"),
            offset + match.start("verb") if verb_start is None else verb_start,
            offset + match.end("verb"),
            speaker,
            speaker_start,
            speaker_start + len(speaker),
            direct,
        )


_LEADING_TRIM = " ,;:–—"
_TRAILING_TRIM = " ,;:.–—"
_MARKS = (OPENING, CLOSING, STRAIGHT)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _LEADING_TRIM:
        start += 1
    while end > start and text[end - 1] in _TRAILING_TRIM:
        end -= 1
    return start, end


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) to a statement's own words: past spaces and commas, and past outer quotation marks.

    Outer marks go when they enclose the whole span (``“A,”`` → ``A``), or when the span holds
    only an opening mark (a quotation running on into the next paragraph) or only a closing one
    (the end of a quotation begun before). A partial quotation keeps its marks (``it as “incitement”``).
    """
    start, end = _trim(text, start, end)
    if end <= start:
        return start, end
    marks = [i for i in range(start, end) if text[i] in _MARKS]
    opens = text[start] in (OPENING, STRAIGHT)
    closes = text[end - 1] in (CLOSING, STRAIGHT)
    if opens and closes and marks == [start, end - 1]:
        start, end = start + 1, end - 1
    elif opens and marks == [start]:
        start += 1
    elif closes and marks == [end - 1]:
        end -= 1
    else:
        return start, end
    return _trim(text, start, end)
