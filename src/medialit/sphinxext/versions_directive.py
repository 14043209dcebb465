"""The ``{versions-compare}`` directive: two versions of one story side by side, changes marked.

```{versions-compare} /articles/a.txt /articles/b.txt
:labels: The republished page | A later copy
```

It shows what ``medialit compare`` reports (the same :class:`~medialit.versions.Comparison`, so
the page and the command never disagree): a table of the changes with both paragraph numbers,
then the two texts row by row, removed words struck through and added words underlined. Marks
are not shown by colour alone, and each carries hidden words ("removed:", "added:") for screen
readers, which do not announce ``<del>`` and ``<ins>``. Every text is escaped: an article is data.

``:show: texts`` shows only the two versions side by side, unmarked: each page's headline,
sub-headline, byline, publisher, republisher and date, then the paragraphs in the same rows as the
comparison (a paragraph one version lacks leaves its cell saying so). It is for a task that asks students to
find the differences themselves before the comparison (the default, ``:show: changes``) is shown.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from medialit.errors import MedialitError
from medialit.versions import Comparison, compare_files
from medialit.versions.model import AlignedParagraph, Version

SCREEN_READER_ONLY = "mlv-sr"


def _marked(text: str, spans: list[tuple[int, int]], tag: str, word: str) -> str:
    """``text`` escaped, with each span wrapped in ``<tag>`` and a hidden word saying what the mark means."""
    out: list[str] = []
    at = 0
    for start, end in sorted(spans):
        if end <= start or start < at:
            continue
        out.append(escape(text[at:start]))
        out.append(f'<{tag}><span class="{SCREEN_READER_ONLY}">{word}: </span>{escape(text[start:end])}</{tag}>')
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


def _cell(number: int | None, text: str | None, spans: list[tuple[int, int]], tag: str, word: str, note: str) -> str:
    if number is None or text is None:
        return f"<td>{escape(note)}</td>"
    return f'<td><span class="mlv-p">P{number}</span> {_marked(text, spans, tag, word)}</td>'


def _row(comparison: Comparison, row: AlignedParagraph) -> str:
    a_text = comparison.a.paragraphs[row.a - 1] if row.a is not None else None
    b_text = comparison.b.paragraphs[row.b - 1] if row.b is not None else None
    removed = [(edit.a.start, edit.a.end) for edit in row.edits if edit.op != "insert"]
    added = [(edit.b.start, edit.b.end) for edit in row.edits if edit.op != "delete"]
    return (
        f'<tr class="mlv-{row.status.value}">'
        + _cell(row.a, a_text, removed, "del", "removed", "not in this version")
        + _cell(row.b, b_text, added, "ins", "added", "not in this version")
        + f"<td>{escape(row.status.value)}</td></tr>"
    )


PAGE_DETAILS = (
    ("Headline", "headline"),
    ("Sub-headline", "subheadline"),
    ("Byline", "byline"),
    ("Published by", "publisher"),
    ("Republished by", "republisher"),
    ("Date", "date"),
)
"""The lines about the page shown above the paragraphs in ``:show: texts``, with the Version field each reads."""
SHOW = ("changes", "texts")
"""What ``:show:`` takes: the changes and the marked texts (the default), or the two texts alone."""


def texts_html(comparison: Comparison, label_a: str, label_b: str) -> str:
    """The two versions side by side, unmarked, in the comparison's rows: nothing says what changed."""
    a, b = escape(label_a), escape(label_b)

    def cell(name: str, value: str | None) -> str:
        return f'<td><span class="mlv-p">{escape(name)}:</span> {escape(value) if value else "(none)"}</td>'

    details = "".join(
        f"<tr>{cell(name, getattr(comparison.a, field))}{cell(name, getattr(comparison.b, field))}</tr>"
        for name, field in PAGE_DETAILS
    )

    def text(number: int | None, version: Version) -> str:
        if number is None:
            return f"<td>{escape('not in this version')}</td>"
        return f'<td><span class="mlv-p">P{number}</span> {escape(version.paragraphs[number - 1])}</td>'

    rows = "".join(f"<tr>{text(row.a, comparison.a)}{text(row.b, comparison.b)}</tr>" for row in comparison.rows)
    return (
        '<div class="mlv-compare mlv-texts">'
        f'<table class="mlv-side"><caption>{a} and {b} side by side, as each page has them</caption>'
        f'<thead><tr><th scope="col">{a}</th><th scope="col">{b}</th></tr></thead>'
        f"<tbody>{details}{rows}</tbody></table></div>"
    )


def comparison_html(comparison: Comparison, label_a: str, label_b: str) -> str:
    """The changes table and the side-by-side table, as one escaped HTML block."""
    a, b = escape(label_a), escape(label_b)
    changes = "".join(
        "<tr>"
        f"<td>{escape(f'P{change.a_paragraph}' if change.a_paragraph is not None else '—')}</td>"
        f"<td>{escape(f'P{change.b_paragraph}' if change.b_paragraph is not None else '—')}</td>"
        f"<td>{escape(change.kind.value)}</td><td>{escape(change.detail)}</td></tr>"
        for change in comparison.changes
    )
    rows = "".join(_row(comparison, row) for row in comparison.rows)
    return (
        '<div class="mlv-compare">'
        f'<table class="mlv-changes"><caption>What changed from {a} to {b}</caption>'
        f'<thead><tr><th scope="col">{a}</th><th scope="col">{b}</th><th scope="col">Change</th>'
        '<th scope="col">Detail</th></tr></thead>'
        f"<tbody>{changes or '<tr><td colspan=4>No change found.</td></tr>'}</tbody></table>"
        f'<table class="mlv-side"><caption>{a} and {b} side by side: removed words are struck through, '
        "added words underlined</caption>"
        f'<thead><tr><th scope="col">{a}</th><th scope="col">{b}</th><th scope="col">Paragraph</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


class VersionsCompareDirective(SphinxDirective):
    """Compare two article files (paths as other article directives take them) and show the result."""

    required_arguments = 2
    option_spec = {"labels": directives.unchanged, "show": lambda value: directives.choice(value, SHOW)}  # noqa: RUF012 - docutils reads a class attribute

    def run(self) -> list[nodes.Node]:
        paths = []
        for argument in self.arguments:
            _relative, absolute = self.env.relfn2path(argument, self.env.docname)
            self.env.note_dependency(absolute)
            paths.append(Path(absolute))
        labels = [part.strip() for part in self.options.get("labels", "").split("|") if part.strip()]
        if labels and len(labels) != 2:
            raise self.error("versions-compare: :labels: takes two labels separated by |")
        label_a, label_b = labels or ["Version A", "Version B"]
        try:
            comparison = compare_files(paths[0], paths[1])
        except MedialitError as error:
            raise self.error(f"versions-compare: {error}") from None
        render = texts_html if self.options.get("show") == "texts" else comparison_html
        return [nodes.raw("", render(comparison, label_a, label_b), format="html")]
