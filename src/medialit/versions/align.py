"""Aligning two versions' paragraphs, and the word-level edits inside an aligned pair.

Both steps use the standard library's :class:`difflib.SequenceMatcher` (Ratcliff/Obershelp
matching, the algorithm behind ``difflib.ndiff``): it is kept with Python, deterministic, needs no
model, and its ``ratio()`` (twice the matched words over all words) is the usual measure of how
alike two texts are. It is run on lists of words, not characters, so a changed word counts once
however long it is; ``autojunk`` is off, so frequent words ("the", "said") are matched like any other.

Paragraphs are aligned in three steps:

1. every pair of paragraphs (one of A, one of B) is scored by the ratio of their words, after
   typographic quotation marks, dashes, spacing and case are made uniform;
2. pairs scoring at least :data:`SAME_PARAGRAPH` are taken best first, each paragraph at most once
   (a tie goes to the pair whose places in the two texts are closer): a paragraph edited in place
   is still the same paragraph;
3. of the pairs taken, the longest run that keeps the same order in both versions (a longest
   increasing subsequence of B's numbers) stays; every other pair is a paragraph that moved.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Final

from medialit.analysis.segment import OPENING, STRAIGHT, closes_unopened, ends_inside_quote, quote_depth_changes, quote_view
from medialit.versions.model import AlignedParagraph, Edit, RowStatus, TextSpan

SAME_PARAGRAPH: Final = 0.5
"""The least word ratio for two paragraphs to be one paragraph edited (half their words shared, in order)."""

_TOKEN: Final = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_UNIFORM: Final = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "})


@dataclass(frozen=True)
class Token:
    """A word or a punctuation mark of a text, with its span and its uniform form for matching."""

    start: int
    end: int
    text: str
    key: str
    """The token with typographic quotation marks and dashes made plain: what is compared."""

    @property
    def is_word(self) -> bool:
        return self.key[:1].isalnum() or self.key[:1] == "_"


def tokens(text: str) -> list[Token]:
    """Words and punctuation marks of ``text`` in order, each with its character span."""
    return [
        Token(m.start(), m.end(), m.group(), unicodedata.normalize("NFKC", m.group()).translate(_UNIFORM))
        for m in _TOKEN.finditer(text)
    ]


def words(text: str) -> list[str]:
    """The words of ``text``, lower case, punctuation left out: what paragraphs are aligned by."""
    return [token.key.lower() for token in tokens(text) if token.is_word]


def similarity(a: str, b: str) -> float:
    """How alike two texts' words are, 0 to 1 (difflib's ratio on their words)."""
    return SequenceMatcher(None, words(a), words(b), autojunk=False).ratio()


def _longest_in_order(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The largest set of ``pairs`` (sorted by A) whose B numbers also rise: the paragraphs that did not move."""
    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(pairs)
    for index, (_, b) in enumerate(pairs):
        place = bisect_left(tails, b)
        if place == len(tails):
            tails.append(b)
            tail_index.append(index)
        else:
            tails[place] = b
            tail_index[place] = index
        previous[index] = tail_index[place - 1] if place else -1
    kept: set[tuple[int, int]] = set()
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        kept.add(pairs[index])
        index = previous[index]
    return kept


def match_paragraphs(a: list[str], b: list[str]) -> list[tuple[int, int, float]]:
    """Pairs (A index, B index, ratio) of the same paragraph in both versions, 0-based, sorted by A."""
    a_words = [words(text) for text in a]
    b_words = [words(text) for text in b]
    candidates: list[tuple[float, float, int, int]] = []
    matcher = SequenceMatcher(None, autojunk=False)
    for j, b_list in enumerate(b_words):
        matcher.set_seq2(b_list)
        for i, a_list in enumerate(a_words):
            if a_list == b_list:
                ratio = 1.0 if a_list else 0.0
            else:
                matcher.set_seq1(a_list)
                if matcher.real_quick_ratio() < SAME_PARAGRAPH or matcher.quick_ratio() < SAME_PARAGRAPH:
                    continue
                ratio = matcher.ratio()
            if ratio >= SAME_PARAGRAPH:
                distance = abs(i / max(len(a), 1) - j / max(len(b), 1))
                candidates.append((-ratio, distance, i, j))
    candidates.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for negative, _, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j, -negative))
    return sorted(pairs)


def _span(items: list[Token], first: int, last: int, text_length: int) -> TextSpan:
    """The characters of ``items[first:last]``; where that is empty, the point after ``items[first - 1]``."""
    if last > first:
        return TextSpan(start=items[first].start, end=items[last - 1].end)
    point = items[first - 1].end if first > 0 else 0
    return TextSpan(start=min(point, text_length), end=min(point, text_length))


def word_edits(a: str, b: str) -> list[Edit]:
    """The word-level edits that turn text ``a`` into text ``b`` (typographic quotation marks alike)."""
    a_tokens, b_tokens = tokens(a), tokens(b)
    matcher = SequenceMatcher(None, [t.key for t in a_tokens], [t.key for t in b_tokens], autojunk=False)
    edits: list[Edit] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        a_span, b_span = _span(a_tokens, i1, i2, len(a)), _span(b_tokens, j1, j2, len(b))
        edits.append(Edit(op=op, a=a_span, b=b_span, a_text=a[a_span.start : a_span.end], b_text=b[b_span.start : b_span.end]))
    return edits


def matched_tokens(a: str, b: str) -> list[tuple[Token, Token]]:
    """The tokens the word diff finds unchanged, as (A token, B token) pairs in order."""
    a_tokens, b_tokens = tokens(a), tokens(b)
    matcher = SequenceMatcher(None, [t.key for t in a_tokens], [t.key for t in b_tokens], autojunk=False)
    return [(a_tokens[block.a + k], b_tokens[block.b + k]) for block in matcher.get_matching_blocks() for k in range(block.size)]


def quoted_flags(paragraphs: list[str]) -> list[list[bool]]:
    """For each paragraph, whether each character is inside quotation marks, by the analysis's own reading.

    A quotation runs on into the next paragraph when that paragraph reopens it or closes it without
    opening it (the rule of :func:`medialit.analysis.sourcing.find_statements`); a doubled apostrophe
    is a quotation mark (:func:`medialit.analysis.segment.quote_view`).
    """
    flags: list[list[bool]] = []
    open_quote = False
    for text in paragraphs:
        view = quote_view(text)
        reopens = view.lstrip()[:1] in (OPENING, STRAIGHT)
        open_at_start = open_quote and not reopens and closes_unopened(view)
        flags.append(quote_depth_changes(view, open_at_start))
        open_quote = ends_inside_quote(view, open_at_start)
    return flags


def align(a: list[str], b: list[str]) -> list[AlignedParagraph]:
    """One row per paragraph of either version, in the order a side-by-side view shows them (see Comparison.rows)."""
    pairs = match_paragraphs(a, b)
    in_order = _longest_in_order([(i, j) for i, j, _ in pairs])
    by_b: dict[int, AlignedParagraph] = {}
    for i, j, ratio in pairs:
        edits = word_edits(a[i], b[j])
        status = RowStatus.MOVED if (i, j) not in in_order else (RowStatus.EDITED if edits else RowStatus.SAME)
        by_b[j] = AlignedParagraph(a=i + 1, b=j + 1, status=status, similarity=round(ratio, 3), edits=edits)
    rows = [by_b.get(j) or AlignedParagraph(a=None, b=j + 1, status=RowStatus.ADDED, similarity=0.0) for j in range(len(b))]
    matched_a = {i for i, _, _ in pairs}
    for i in range(len(a)):
        if i in matched_a:
            continue
        dropped = AlignedParagraph(a=i + 1, b=None, status=RowStatus.DROPPED, similarity=0.0)
        before = next((k for k, row in enumerate(rows) if row.a == i), None)  # the row of A's paragraph before (number i)
        rows.insert(before + 1 if before is not None else 0, dropped)
    return rows
