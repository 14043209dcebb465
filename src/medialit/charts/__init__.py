"""The course's charts, drawn from the analysis (``{analysis-chart}``) or from dates a chapter gives (``{timeline}``).

Each function returns one chart: a ``<figure>`` of inline SVG with its title, a description written from
the same numbers, and its data table (see :mod:`medialit.charts.svg`).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from medialit.analysis import Analysis
from medialit.analysis.figures import (
    JOURNALIST_VOICE,
    certainty_by_paragraph,
    frames_by_paragraph,
    source_kinds,
    verb_stances,
    voice_shares,
)
from medialit.charts.svg import Bar, Event, Row, bar_chart, paragraph_chart, timeline

__all__ = ["ChartKind", "Event", "chart_html", "timeline"]


class ChartKind(StrEnum):
    """The charts ``{analysis-chart}`` draws."""

    VOICES = "voices"
    """Share of the article's words by source, the journalist's own voice included."""
    SOURCE_KINDS = "source-kinds"
    """Named, anonymous and collective sources, and their statements."""
    VERB_STANCE = "verb-stance"
    """Statements by the stance of their reporting verb."""
    CERTAINTY = "certainty"
    """Hedges and boosters by paragraph."""
    FRAMES = "frames"
    """Frames by paragraph."""


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%" if share >= 0.005 else "under 1%"


def voices(analysis: Analysis) -> str:
    shares = voice_shares(analysis)
    bars = [Bar(s.label, s.share, _percent(s.share), "journalist" if s.kind == "journalist" else "bar") for s in shares]
    if shares:
        lead = "; ".join(f"{s.label} {_percent(s.share)}" for s in shares[:2])
        rest = (
            f"; the other {len(shares) - 2} voices {_percent(shares[-1].share)} to {_percent(shares[2].share)} each"
            if len(shares) > 2
            else ""
        )
        own = next((s for s in shares if s.label == JOURNALIST_VOICE), None)
        unsaid = "" if own else " The analysis found no sentence in the journalist's own voice."
        description = f"Share of the article's words: {lead}{rest}.{unsaid}"
    else:
        description = "The analysis found no statement in this article."
    return bar_chart("voices", "Who has the words", description, bars, ["Voice", "Share of the article's words"])


def kinds(analysis: Analysis) -> str:
    found = source_kinds(analysis)
    bars = [
        Bar(f"{kind.value.capitalize()} sources", sources, f"{sources} ({statements} statements)")
        for kind, sources, statements in found
    ]
    description = "; ".join(
        f"{sources} {kind.value} source{'s' * (sources != 1)} with {statements} statement{'s' * (statements != 1)}"
        for kind, sources, statements in found
    )
    return bar_chart(
        "source-kinds",
        "Named, anonymous and collective sources",
        description[0].upper() + description[1:] + ".",
        bars,
        ["Kind of source", "Sources (their statements)"],
    )


def stances(analysis: Analysis) -> str:
    counts = [c for c in verb_stances(analysis) if c.count]
    bars = [Bar(STANCE_NAMES.get(c.label, c.label.capitalize()), c.count, str(c.count)) for c in counts]
    total = sum(c.count for c in counts)
    described = ", ".join(f"{c.count} {STANCE_NAMES.get(c.label, c.label).lower()}" for c in counts) or "none"
    description = f"Statements introduced by a reporting verb, by what the verb signals: {described} (of {total})."
    return bar_chart("verb-stance", "What the reporting verbs signal", description, bars, ["Stance of the verb", "Statements"])


STANCE_NAMES = {"stance": "A view or feeling"}
"""Stances whose name alone would not tell a reader what they are (``believe``, ``fear``, ``recalled``)."""


def _by_paragraph(series: list[Row]) -> str:
    return "; ".join(
        f"{row.name}: {sum(row.counts.values())} in {len(row.counts)} paragraph{'s' * (len(row.counts) != 1)}"
        + (
            f", P{min(row.counts)} to P{max(row.counts)}"
            if len(row.counts) > 1
            else f", P{min(row.counts)}"
            if row.counts
            else ""
        )
        for row in series
    )


def certainty(analysis: Analysis) -> str:
    rows = [Row(s.name, s.counts) for s in certainty_by_paragraph(analysis)]
    description = (
        "Where the words that make a claim sound less sure (hedges) and more sure (boosters) stand. " + _by_paragraph(rows) + "."
    )
    return paragraph_chart(
        "certainty", "Hedges and boosters, paragraph by paragraph", description, rows, len(analysis.article.paragraphs), "words"
    )


def frames(analysis: Analysis) -> str:
    rows = [Row(s.name.capitalize(), s.counts) for s in frames_by_paragraph(analysis)]
    if rows:
        description = "The paragraphs where each frame's cue words were found. " + _by_paragraph(rows) + "."
    else:
        description = "The analysis found no frame (no paragraph with two cue words of one frame)."
    return paragraph_chart(
        "frames", "Frames, paragraph by paragraph", description, rows, len(analysis.article.paragraphs), "frame"
    )


CHARTS: dict[ChartKind, Callable[[Analysis], str]] = {
    ChartKind.VOICES: voices,
    ChartKind.SOURCE_KINDS: kinds,
    ChartKind.VERB_STANCE: stances,
    ChartKind.CERTAINTY: certainty,
    ChartKind.FRAMES: frames,
}


def chart_html(analysis: Analysis, kind: ChartKind | str) -> str:
    """One chart of the analysis as HTML: a ``<figure>`` of inline SVG, then its data table."""
    return CHARTS[ChartKind(kind)](analysis)
