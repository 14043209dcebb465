"""Parsing article text as pasted from a web page.

The layout such a paste has, top to bottom: site furniture, the headline, a sub-headline,
sometimes a byline or a "Originally published by … on …" line, photo captions (with a
``CREDIT:``) among the body paragraphs, a copyright line, and more furniture. Some pastes have
no headline at all (an aggregator's copy, a paste that starts at the body): the text is read all
the same, with the headline None and a note saying so.

Where paragraphs end:

* a paste **with blank lines** is read in blocks, runs of non-blank lines: wrapped lines inside a
  block are joined with a space; a line that is furniture, provenance or a photo credit by itself
  ends the block (it is never part of a paragraph);
* a paste **with no blank line at all** has one paragraph per line (what a browser's copy often
  gives), so every line is a paragraph of its own;
* in either, a column of three or more short lines (a site's menu) is navigation, and a line that
  is only the site's name (as its copyright line gives it) is its logo;
* with blank lines, text followed directly by a photo credit ("Getty Images" on the next line) is
  that photo's caption.

Each block then goes through :class:`~medialit.ingest.body.BodyBuilder`, the rules every format
shares.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from medialit.article import Article, BoilerplateKind, LineRole
from medialit.ingest.body import SENTENCE_END, BodyBuilder, visible
from medialit.ingest.lines import CreditLine, Furniture, ProvenanceField, ProvenanceLine, classify_block, credit_line

ONE_PER_LINE_NOTE: Final = "no blank lines: each line read as one paragraph"
MENU_RUN: Final = 3
"""Consecutive short lines that make a menu: "Home / Local News / Weather / Sports" pasted one per line."""
MENU_WORDS: Final = 3
MENU_CHARS: Final = 30


MAX_CAPTION_CHARS: Final = 400
"""Longer text right above a credit line is a paragraph after all: captions are a sentence or two."""


@dataclass(frozen=True)
class _Block:
    text: str
    line: int
    last_line: int
    credit: CreditLine | None = None
    """A credit line that follows the block with no blank line between: the block is that photo's caption."""
    credit_at: int = 0


def _stands_alone(line: str) -> bool:
    """A line that is furniture, provenance or a photo credit by itself: never joined to the lines around it."""
    return classify_block(line) is not None or credit_line(line) is not None


def _menu_item(line: str) -> bool:
    text = line.strip()
    return bool(text) and len(text) <= MENU_CHARS and len(text.split()) <= MENU_WORDS and not SENTENCE_END.search(text)


def menu_lines(lines: list[str]) -> frozenset[int]:
    """Line numbers of menus: runs of at least three consecutive short lines, none a sentence.

    A site's menu pasted from a browser is a column of one- to three-word links; wrapped article text
    has longer lines, and a headline wrapped over three such short lines is rare enough to accept.
    """
    found: set[int] = set()
    run: list[int] = []
    for number, line in enumerate([*lines, ""], start=1):
        if _menu_item(line):
            run.append(number)
            continue
        if len(run) >= MENU_RUN:
            found.update(run)
        run = []
    return frozenset(found)


def site_names(lines: list[str]) -> frozenset[str]:
    """The site's own names, from its copyright line and its follow prompt: a line that is only one is its logo."""
    names: set[str] = set()
    for line in lines:
        stated = classify_block(line.strip())
        if isinstance(stated, ProvenanceLine) and stated.field is ProvenanceField.RIGHTS and stated.publisher:
            names.add(stated.publisher)
        elif isinstance(stated, Furniture) and stated.republisher:
            names.add(stated.republisher)
    return frozenset(names)


PARAGRAPH_LINE_CHARS: Final = 100
"""Median length above which the lines of a block are paragraphs, not a hard-wrapped paragraph's lines
(hard wrapping is at 60 to 80 characters)."""


def lines_are_paragraphs(block: list[str]) -> bool:
    """Whether each line of a block is a paragraph of its own: long lines that mostly end sentences.

    Some pastes put a blank line after the headline only, then one paragraph per line; a
    hard-wrapped paragraph has short lines that mostly end mid-sentence.
    """
    if len(block) < 2:
        return False
    ending = sum(1 for line in block if SENTENCE_END.search(line.rstrip("\u00a0 ")))
    return ending * 10 >= len(block) * 6 and statistics.median(len(line) for line in block) >= PARAGRAPH_LINE_CHARS


def _blocks(lines: list[str], menu: frozenset[int]) -> list[_Block]:
    """Runs of non-blank lines, each joined with a space; a line that stands alone (or a menu's) is a block by
    itself, and so is each line of a run whose lines are paragraphs (see :func:`lines_are_paragraphs`)."""
    blocks: list[_Block] = []
    current: list[str] = []
    numbers: list[int] = []

    def flush(end: int) -> None:
        if current:
            if lines_are_paragraphs(current):
                blocks.extend(_Block(line, number, number) for line, number in zip(current, numbers, strict=True))
            else:
                blocks.append(_Block(" ".join(current), numbers[0], end))
            current.clear()
            numbers.clear()

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        credit = credit_line(line)
        if not line:
            flush(number - 1)
        elif credit is not None and current and len(" ".join(current)) <= MAX_CAPTION_CHARS:
            blocks.append(_Block(" ".join(current), numbers[0], number - 1, credit, number))
            current.clear()
            numbers.clear()
        elif number in menu or _stands_alone(line):
            flush(number - 1)
            blocks.append(_Block(line, number, number))
        else:
            current.append(line)
            numbers.append(number)
    flush(len(lines))
    return blocks


def one_paragraph_per_line(lines: list[str]) -> bool:
    """Whether the text has no blank line between its first and last non-blank lines."""
    filled = [bool(line.strip()) for line in lines]
    if True not in filled:
        return False
    first, last = filled.index(True), len(filled) - 1 - filled[::-1].index(True)
    return all(filled[first : last + 1])


def parse_plain_text(text: str, source: Path, *, headline: str | None = None) -> Article:
    """Parse pasted article text into an Article; ArticleError only when no line of it is body text.

    ``headline`` is the user's ``--headline``: it replaces the headline found in the text, if any.
    """
    lines = [line if visible(line) else "" for line in text.splitlines()]  # a line of zero-width spaces is blank
    menu = menu_lines(lines)
    builder = BodyBuilder(given_headline=headline, find_headline=True, verbatim=True, site_names=site_names(lines))
    if one_paragraph_per_line(lines):
        blocks = [_Block(line.strip(), number, number) for number, line in enumerate(lines, start=1) if line.strip()]
        if len(blocks) > 1:
            builder.note(ONE_PER_LINE_NOTE)
    else:
        blocks = _blocks(lines, menu)
    for block in blocks:
        if block.line in menu and block.line == block.last_line and not _stands_alone(block.text):
            builder.remove(block.line, block.text, BoilerplateKind.NAVIGATION)
        elif block.credit is not None:
            builder.add_caption(block.text, block.credit.credit, block.line, block.last_line)
            builder.record(
                block.credit_at, block.credit_at, LineRole.CREDIT, lines[block.credit_at - 1].strip(), block.credit.credit
            )
        else:
            builder.add_text(block.text, block.line, block.last_line)
    return builder.article(source, empty="no article text: every line is site furniture, a caption or provenance")
