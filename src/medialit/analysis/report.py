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


def text_table(title: str, *columns: str) -> Table:
    """A terminal table whose columns fold long text (article paragraphs, quotations)."""
    table = Table(title=title, title_justify="left", show_lines=False, expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def add_text_row(table: Table, *cells: str) -> None:
    """One row whose cells are shown as written: text from an article is never read as rich markup."""
    table.add_row(*(terminal_text(cell) for cell in cells))


def print_analysis(analysis: Analysis, console: Console) -> None:
    """Provenance, sources, statements, headline, frames, claims, analogies and close-reading cues, one table each."""
    article = analysis.article
    provenance = article.provenance
    if article.headline:
        console.print(terminal_text(article.headline, style="bold"))
    if article.subheadline:
        console.print(terminal_text(article.subheadline, style="italic"))
    for note in article.notes:
        console.print(terminal_text(f"Note: {note}"), highlight=False)
    facts = text_table("Provenance", "what", "as the page gives it")
    add_text_row(facts, "original publisher", provenance.original_publisher or "not stated")
    add_text_row(facts, "date", provenance.original_date.isoformat() if provenance.original_date else "not stated")
    add_text_row(facts, "republisher", provenance.republisher or "none stated")
    add_text_row(facts, "byline", article.byline or "none")
    add_text_row(facts, "paragraphs", str(len(article.paragraphs)))
    add_text_row(facts, "photo credits", ", ".join(article.photographers) or "none")
    console.print(facts)

    sources = text_table("Sources", "id", "source", "kind", "type", "role", "statements", "share of words", "mentions")
    for source in analysis.sources:
        add_text_row(
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

    statements = text_table("Statements", "P", "voice", "speaker", "verb", "stance", "text")
    for statement in analysis.statements:
        add_text_row(
            statements,
            f"P{statement.paragraph}",
            str(statement.quote_type),
            statement.speaker or "(journalist)",
            statement.verb or "",
            str(statement.verb_stance or ""),
            statement.text,
        )
    console.print(statements)

    headline = text_table("Headline against body", "line", "change", "detail")
    for finding in analysis.framing.headline:
        add_text_row(headline, finding.line, str(finding.change), finding.detail)
    console.print(headline)

    frames = text_table("Frames", "frame", "paragraphs", "cues")
    for frame in analysis.framing.frames:
        add_text_row(frames, frame.frame, paragraph_labels(frame.paragraphs), ", ".join(frame.cues))
    console.print(frames)

    claims = text_table("Claims and their support", "P", "who", "support", "contested by", "claim")
    for claim in analysis.evidence:
        add_text_row(
            claims,
            f"P{claim.paragraph}",
            claim.speaker or "(journalist)",
            "; ".join(map(str, claim.support)),
            ", ".join(claim.contested_by),
            claim.text,
        )
    console.print(claims)

    analogies = text_table("Analogies", "P", "marker", "drawn by", "compares", "with")
    for analogy in analysis.analogies:
        add_text_row(
            analogies, f"P{analogy.paragraph}", analogy.marker, analogy.speaker or "(journalist)", analogy.target, analogy.source
        )
    console.print(analogies)

    cues = text_table("Close reading", "P", "cue", "voice", "text", "detail")
    for cue in analysis.close_reading:
        add_text_row(cues, f"P{cue.paragraph}", str(cue.kind), str(cue.voice), cue.text, cue.detail)
    console.print(cues)


def print_parse(article: Article, console: Console) -> None:
    """What each line of the article file was read as (``medialit analyze --parse``), then the reader's notes.

    A teacher checks this before making a course: the headline, the byline, which lines are
    paragraphs P1, P2 …, which are captions, provenance or removed furniture, and why.
    """
    table = text_table(f"How {article.source.name} was read", "line", "read as", "text")
    for parsed in article.parse:
        add_text_row(table, parsed.lines, parsed.reading, parsed.text)
    console.print(table)
    provenance = article.provenance
    summary = text_table("What was read", "what", "as read")
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
        add_text_row(summary, what, value)
    console.print(summary)
    for note in article.notes:
        console.print(terminal_text(f"Note: {note}"), highlight=False)


def print_evaluations(evaluations: Sequence[Evaluation], console: Console) -> None:
    """One row per article and measure: precision, recall, F1 and the counts behind them."""
    table = text_table(
        "Analyzer against gold annotations", "article", "measure", "precision", "recall", "F1", "matched / found / gold"
    )
    for evaluation in evaluations:
        for measure in MEASURES:
            score = evaluation.scores[measure]
            add_text_row(
                table,
                evaluation.name,
                measure.replace("_", " "),
                f"{score.precision:.2f}",
                f"{score.recall:.2f}",
                f"{score.f1:.2f}",
                f"{score.matched} / {score.found} / {score.expected}",
            )
    console.print(table)
