"""The readable report of ``medialit compare``: tables in a terminal.

Every cell that comes from an article goes through :func:`medialit.escape.terminal_text`, so a
square bracket in a headline is shown as written, never read as rich markup.
"""

from __future__ import annotations

from rich.console import Console

from medialit.analysis.report import add_text_row, text_table
from medialit.escape import terminal_text
from medialit.versions.model import METADATA_KINDS, PARAGRAPH_KINDS, Comparison, RowStatus

TEXT_IN_TABLE = 90
"""Characters of a paragraph shown in a table cell before "…"."""


def _short(text: str | None) -> str:
    if text is None:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= TEXT_IN_TABLE else text[: TEXT_IN_TABLE - 1] + "…"


def print_comparison(comparison: Comparison, console: Console) -> None:
    """The two versions, their metadata changes, their paragraphs' fate and the changes inside paragraphs."""
    a, b = comparison.a, comparison.b
    versions = text_table("Versions", "", "A", "B")
    add_text_row(versions, "file", a.file, b.file)
    add_text_row(versions, "headline", a.headline or "none", b.headline or "none")
    add_text_row(versions, "paragraphs", str(len(a.paragraphs)), str(len(b.paragraphs)))
    counts = {status: sum(1 for row in comparison.rows if row.status is status) for status in RowStatus}
    add_text_row(versions, "alignment", ", ".join(f"{count} {status}" for status, count in counts.items() if count), "")
    console.print(versions)

    metadata = [change for change in comparison.changes if change.kind in METADATA_KINDS]
    if metadata:
        table = text_table("Headline, byline and dates", "what", "A", "B")
        for change in metadata:
            what = change.detail.partition(":")[0]  # the field: "byline", "republisher", "copyright line" …
            add_text_row(table, what, change.a_text or "(none)", change.b_text or "(none)")
        console.print(table)

    paragraphs = [change for change in comparison.changes if change.kind in PARAGRAPH_KINDS]
    if paragraphs:
        table = text_table("Paragraphs", "A", "B", "change", "detail")
        for change in paragraphs:
            a_label = f"P{change.a_paragraph}" if change.a_paragraph else "—"
            b_label = f"P{change.b_paragraph}" if change.b_paragraph else "—"
            detail = change.detail
            if change.a_paragraph is None or change.b_paragraph is None:
                detail = _short(change.b_text or change.a_text)
            add_text_row(table, a_label, b_label, str(change.kind), detail)
        console.print(table)

    inside = [change for change in comparison.changes if change.kind not in METADATA_KINDS | PARAGRAPH_KINDS]
    if inside:
        table = text_table("Attribution and wording", "A", "B", "change", "detail")
        for change in inside:
            add_text_row(table, f"P{change.a_paragraph}", f"P{change.b_paragraph}", str(change.kind), change.detail)
        console.print(table)
    if not comparison.changes:
        console.print(terminal_text("No changes: the two versions have the same words in the same paragraphs."), highlight=False)
