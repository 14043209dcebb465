"""A small SVG writer for the course's charts: horizontal bars, counts by paragraph, a timeline.

Charts are drawn at build time as inline SVG, so they need no JavaScript and look the same in
the site, the EPUB and the PDF. Each chart is a ``<figure>``: the SVG (``role="img"``, named by
its ``<title>`` and described by its ``<desc>``) and a caption, followed by the chart's data as a
table inside a ``<details>`` element, for screen readers and for anyone who wants the numbers.

Colours come from the stylesheet (``medialit.css``: the theme's colours in light and dark mode)
with fixed fallbacks for readers without it; every value is also written as text, so nothing is
told by colour alone. Every text is escaped for XML (the output is also valid XHTML for EPUB).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

WIDTH = 640
"""The drawing's width in SVG units; it scales to the page (a phone shows it at about 0.55)."""
FONT = 15
ROW = 30
FILLS = {"bar": "#3b5bdb", "journalist": "#a34a00"}
"""Fallback fills, for readers without the stylesheet (which sets the theme's colours)."""
LABEL_CHARS = 27
"""Longer labels are shortened in the drawing (the data table gives them whole)."""


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str
    """The value as written beside the bar ("34%", "12")."""
    kind: str = "bar"
    """A class for the bar's colour: ``bar``, or another kind the stylesheet knows (``journalist``)."""


@dataclass(frozen=True)
class Row:
    """A row of a by-paragraph chart: its name and a count for each paragraph."""

    name: str
    counts: dict[int, int]


@dataclass(frozen=True)
class Event:
    date: str
    """As the source gives it: ``2014``, ``February 2008``, ``17 February 2008``."""
    text: str
    origin: str
    """Where the date comes from: ``P33`` or ``Context: UN Security Council resolution 1244``."""


def _t(text: str) -> str:
    return escape(text)


def _label(x: float, y: float, text: str, *, anchor: str = "start", size: int | None = None, extra: str = "") -> str:
    """A ``<text>`` in the page's text colour (``currentColor``), escaped."""
    sized = f' font-size="{size}"' if size else ""
    return (
        f'<text class="mlc-text" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{sized}{extra} fill="currentColor">'
        f"{_t(text)}</text>"
    )


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _wrap(text: str, width: int) -> list[str]:
    """Words in lines of at most ``width`` characters (a longer word stands alone)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "chart"


def _table(caption: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f'<th scope="col">{_t(h)}</th>' for h in headers)
    body = "".join(
        "<tr>"
        + "".join((f'<th scope="row">{_t(c)}</th>' if i == 0 else f"<td>{_t(c)}</td>") for i, c in enumerate(row))
        + "</tr>"
        for row in rows
    )
    return (
        f'<details class="mlc-data"><summary>The chart as a table</summary>'
        f'<table class="mlc-table"><caption>{_t(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
        "</details>"
    )


def _figure(
    chart_id: str, title: str, description: str, height: float, drawing: str, table: str, *, width: int = WIDTH, classes: str = ""
) -> str:
    """The chart: a ``<figure>`` (the drawing, then its caption) and, after it, the data table.

    The table is outside the figure because a figure's caption must be its first or last child.
    """
    ident = _slug(chart_id)
    return (
        f"<div class={quoteattr(' '.join(['mlc-chart', *classes.split()]))} id={quoteattr('chart-' + ident)}><figure>"
        f'<svg xmlns="http://www.w3.org/2000/svg" class="mlc-svg" viewBox="0 0 {width} {height:.0f}" '
        f'width="100%" role="img" aria-labelledby="mlc-{ident}-title mlc-{ident}-desc" '
        f'font-size="{FONT}" font-family="system-ui, sans-serif">'
        f'<title id="mlc-{ident}-title">{_t(title)}</title><desc id="mlc-{ident}-desc">{_t(description)}</desc>'
        f"{drawing}</svg>"
        f"<figcaption><strong>{_t(title)}.</strong> {_t(description)}</figcaption></figure>"
        f"{table}</div>"
    )


def bar_chart(chart_id: str, title: str, description: str, bars: Sequence[Bar], headers: Sequence[str]) -> str:
    """Horizontal bars, one per item, each labelled and with its value written beside it.

    ``headers`` name the data table's two columns (the label's and the value's).
    """
    label_width = 250
    widest = max((len(bar.shown) for bar in bars), default=0)
    room = WIDTH - label_width - 14 - widest * 9
    top = max((bar.value for bar in bars), default=0) or 1
    parts = []
    for i, bar in enumerate(bars):
        y = i * ROW
        length = max(bar.value / top * room, 1 if bar.value else 0)
        parts.append(
            _label(label_width - 8, y + ROW / 2 + 5, _short(bar.label), anchor="end")
            + f'<rect class="mlc-{_slug(bar.kind)}" x="{label_width}" y="{y + 5}" width="{length:.1f}" height="{ROW - 10}" '
            f'fill="{FILLS.get(bar.kind, FILLS["bar"])}"/>' + _label(label_width + length + 6, y + ROW / 2 + 5, bar.shown)
        )
    height = max(len(bars), 1) * ROW + 4
    table = _table(title, headers, [(bar.label, bar.shown) for bar in bars])
    return _figure(chart_id, title, description, height, "".join(parts), table)


def paragraph_chart(chart_id: str, title: str, description: str, rows: Sequence[Row], paragraphs: int, unit: str) -> str:
    """One band per row, a column per paragraph: a mark (its height the count, the count written
    above it when more than one) wherever the row has something; the paragraph axis every fifth.
    """
    label_width = 130
    band = 46
    step = (WIDTH - label_width - 10) / max(paragraphs, 1)
    peak = max((count for row in rows for count in row.counts.values()), default=1) or 1
    parts = []
    top = 14  # room for a count written above the tallest mark
    for r, row in enumerate(rows):
        base = top + r * band + band - 8
        parts.append(
            _label(label_width - 8, base - 6, _short(row.name, 16), anchor="end")
            + f'<line class="mlc-axis" x1="{label_width}" y1="{base}" x2="{WIDTH - 10}" y2="{base}" '
            'stroke="#888" stroke-width="1"/>'
        )
        for paragraph, count in sorted(row.counts.items()):
            if not 1 <= paragraph <= paragraphs or count <= 0:
                continue
            x = label_width + (paragraph - 1) * step
            height = 8 + 22 * count / peak
            parts.append(
                f'<rect class="mlc-bar" x="{x + 1:.1f}" y="{base - height:.1f}" width="{max(step - 2, 2):.1f}" '
                f'height="{height:.1f}" fill="{FILLS["bar"]}">'
                f"<title>P{paragraph}: {count} {_t(unit)}</title></rect>"
            )
            if count > 1:
                parts.append(_label(x + step / 2, base - height - 3, str(count), anchor="middle", size=11))
    axis_y = top + len(rows) * band + 14
    for paragraph in range(1, paragraphs + 1):
        if paragraph == 1 or paragraph % 5 == 0:
            x = label_width + (paragraph - 0.5) * step
            parts.append(_label(x, axis_y, f"P{paragraph}", anchor="middle", size=12))
    height = axis_y + 6
    rows_of_table = [
        (row.name, ", ".join(f"P{p}" + (f" ({c})" if c > 1 else "") for p, c in sorted(row.counts.items())) or "none")
        for row in rows
    ]
    table = _table(title, ["", f"Paragraphs (count of {unit} where more than one)"], rows_of_table)
    return _figure(chart_id, title, description, height, "".join(parts), table)


TIMELINE_WIDTH = 420
"""A timeline is one narrow column (date, then text, then origin), so that a phone shows it near full size."""


def timeline(chart_id: str, title: str, description: str, events: Sequence[Event]) -> str:
    """Events top to bottom in the order given (oldest first): a dot on a line, the date in bold,
    the text wrapped, and where the date comes from in italics."""
    parts = []
    y = 8
    line_x = 12
    text_x = 30
    for event in events:
        lines = _wrap(event.text, 44)
        parts.append(
            f'<circle class="mlc-dot" cx="{line_x}" cy="{y + 7}" r="6" fill="{FILLS["bar"]}"/>'
            + _label(text_x, y + 12, event.date, extra=' font-weight="600"')
        )
        for i, line in enumerate(lines, start=1):
            parts.append(_label(text_x, y + 12 + i * 19, line))
        origin_y = y + 12 + (len(lines) + 1) * 19
        parts.append(_label(text_x, origin_y, _short(event.origin, 56), size=12, extra=' font-style="italic"'))
        y = origin_y + 18
    drawing = (
        f'<line class="mlc-axis" x1="{line_x}" y1="6" x2="{line_x}" y2="{y - 18}" stroke="#888" stroke-width="2"/>'
        + "".join(parts)
    )
    table = _table(title, ["Date", "What happened", "Where the date comes from"], [(e.date, e.text, e.origin) for e in events])
    return _figure(chart_id, title, description, y, drawing, table, width=TIMELINE_WIDTH, classes="mlc-timeline")
