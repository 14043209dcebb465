"""Two versions of one story, compared: ``medialit compare A B``.

A story republished elsewhere drifts: a new headline, another byline, "claimed" turned into
"said", a hedge dropped, a paragraph moved, a journalist's sentence put in a source's mouth.
This package aligns the two versions' paragraphs and reports each change with the paragraph
number it has in each version::

    A, B ──ingest──▶ Articles ──analyze──▶ Analyses ──align paragraphs──▶ rows (same, edited, moved, added, dropped)
                                                    ──compare each pair──▶ changes (words, verbs, speakers, voice,
                                                                                    quotation marks, hedges, boosters)

Steps: :mod:`medialit.versions.align` (paragraphs and words, with difflib),
:mod:`medialit.versions.changes` (what changed, read from the two analyses),
:mod:`medialit.versions.report` (terminal tables), :mod:`medialit.versions.model` (the data).
"""

from __future__ import annotations

from pathlib import Path

from medialit.versions.changes import compare_analyses
from medialit.versions.model import AlignedParagraph, Change, ChangeKind, Comparison, RowStatus


def compare_files(a: Path | str, b: Path | str) -> Comparison:
    """Read, analyse and compare two article files (.txt, .md, .html), each with its course's corrections if any.

    ArticleError naming the file when one cannot be read; CorrectionsError when a corrections file no longer fits.
    """
    from medialit.analysis import analyze_in_course  # loads the language layer only when comparing

    return compare_analyses(analyze_in_course(Path(a)), analyze_in_course(Path(b)))


__all__ = ["AlignedParagraph", "Change", "ChangeKind", "Comparison", "RowStatus", "compare_analyses", "compare_files"]
