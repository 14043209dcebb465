"""The readable report of ``medialit analyze`` and ``medialit evaluate``: tables in a terminal.

Tables are drawn by rich, which also wraps long cells to the terminal width and drops colour
when the output is not a terminal (a file or a pipe gets plain text).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from medialit.analysis import Analysis
from medialit.analysis.evaluate import MEASURES, Evaluation
from medialit.article import Article, paragraph_labels
from medialit.escape import terminal_text


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False, expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _add_row(table: Table, *cells: str) -> None:
    """One row whose cells are shown as written: text from an article is never read as rich markup."""
    table.add_row(*(terminal_text(cell) for cell in cells))


def print_analysis(analysis: Analysis, console: Console) -> None:
    """Provenance, sources, statements, headline, frames, claims and analogies, one table each."""
    article = analysis.article
    provenance = article.provenance
    if article.headline:
        console.print(terminal_text(article.headline, style="bold"))
    if article.subheadline:
        console.print(terminal_text(article.subheadline, style="italic"))
    for note in article.notes:
        console.print(terminal_text(f"Note: {note}"), highlight=False)
    facts = _table("Provenance", "what", "as the page gives it")
    _add_row(facts, "original publisher", provenance.original_publisher or "not stated")
    _add_row(facts, "date", provenance.original_date.isoformat() if provenance.original_date else "not stated")
    _add_row(facts, "republisher", provenance.republisher or "none stated")
    _add_row(facts, "byline", article.byline or "none")
    _add_row(facts, "paragraphs", str(len(article.paragraphs)))
    _add_row(facts, "photo credits", ", ".join(article.photographers) or "none")
    console.print(facts)

    sources = _table("Sources", "id", "source", "kind", "type", "role", "statements", "share of words", "mentions")
    for source in analysis.sources:
        _add_row(
            sources,
            source.id,
            source.name,
            str(source.kind),
            str(source.type),
            source.role or "",
            str(source.statements),
            f"{source.share:.0%}",
            "; ".join(source.mentions),
        )
    console.print(sources)

    statements = _table("Statements", "P", "voice", "speaker", "verb", "stance", "text")
    for statement in analysis.statements:
        _add_row(
            statements,
            f"P{statement.paragraph}",
            str(statement.quote_type),
            statement.speaker or "(journalist)",
            statement.verb or "",
            str(statement.verb_stance or ""),
            statement.text,
        )
    console.print(statements)

    headline = _table("Headline against body", "line", "change", "detail")
    for finding in analysis.framing.headline:
        _add_row(headline, finding.line, str(finding.change), finding.detail)
    console.print(headline)

    frames = _table("Frames", "frame", "paragraphs", "cues")
    for frame in analysis.framing.frames:
        _add_row(frames, frame.frame, paragraph_labels(frame.paragraphs), ", ".join(frame.cues))
    console.print(frames)

    claims = _table("Claims and their support", "P", "who", "support", "contested by", "claim")
    for claim in analysis.evidence:
        _add_row(
            claims,
            f"P{claim.paragraph}",
            claim.speaker or "(journalist)",
            "; ".join(map(str, claim.support)),
            ", ".join(claim.contested_by),
            claim.text,
        )
    console.print(claims)

    analogies = _table("Analogies", "P", "marker", "drawn by", "compares", "with")
    for analogy in analysis.analogies:
        _add_row(
            analogies, f"P{analogy.paragraph}", analogy.marker, analogy.speaker or "(journalist)", analogy.target, analogy.source
        )
    console.print(analogies)


def print_parse(article: Article, console: Console) -> None:
    """What each line of the article file was read as (``medialit analyze --parse``), then the reader's notes.

    A teacher checks this before making a course: the headline, the byline, which lines are
    paragraphs P1, P2 …, which are captions, provenance or removed furniture, and why.
    """
    table = _table(f"How {article.source.name} was read", "line", "read as", "text")
    for parsed in article.parse:
        _add_row(table, parsed.lines, parsed.reading, parsed.text)
    console.print(table)
    provenance = article.provenance
    summary = _table("What was read", "what", "as read")
    rows = (
        ("headline", article.headline or "none found"),
        ("sub-headline", article.subheadline or "none"),
        ("byline", article.byline or "none"),
        ("dateline", article.dateline or "none"),
        ("original publisher", provenance.original_publisher or "not stated"),
        ("date", provenance.original_date.isoformat() if provenance.original_date else "not stated"),
        ("republisher", provenance.republisher or "none stated"),
        ("agency", provenance.agency or "none"),
        ("relayed from", provenance.relayed_from or "none stated"),
        ("contributors", ", ".join(provenance.contributors) or "none"),
        ("editor's note", provenance.editors_note or "none"),
        ("paragraphs", f"{len(article.paragraphs)} (P1-P{len(article.paragraphs)})"),
        ("captions", str(len(article.captions))),
        ("removed lines", str(len(article.removed))),
    )
    for what, value in rows:
        _add_row(summary, what, value)
    console.print(summary)
    for note in article.notes:
        console.print(terminal_text(f"Note: {note}"), highlight=False)


def print_evaluations(evaluations: Sequence[Evaluation], console: Console) -> None:
    """One row per article and measure: precision, recall, F1 and the counts behind them."""
    table = _table(
        "Analyzer against gold annotations", "article", "measure", "precision", "recall", "F1", "matched / found / gold"
    )
    for evaluation in evaluations:
        for measure in MEASURES:
            score = evaluation.scores[measure]
            _add_row(
                table,
                evaluation.name,
                measure.replace("_", " "),
                f"{score.precision:.2f}",
                f"{score.recall:.2f}",
                f"{score.f1:.2f}",
                f"{score.matched} / {score.found} / {score.expected}",
            )
    console.print(table)
