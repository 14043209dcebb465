"""Article analysis: provenance, sourcing, framing, evidence and analogy, each finding pointing at the text.

Rule-based and deterministic (no model, nothing downloaded): the same article (and the same
corrections) always gives the same analysis. The steps run in one direction::

    Article ─▶ sentences (quotations kept whole) ─▶ statements and sources
            ─▶ the teacher's corrections (sources, statements) ─▶ framing, evidence, analogies
            ─▶ the findings the teacher dropped removed ─▶ close-reading cues

A teacher's correction is applied once, right after sourcing, so every later finding (a claim's
speaker, a headline finding, a source's share of words) is built from the corrected statements;
see :mod:`medialit.analysis.corrections`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from medialit.analysis.analogy import find_analogies
from medialit.analysis.close_reading import CloseReadingCue, find_close_reading
from medialit.analysis.corrections import (
    AppliedCorrections,
    Corrections,
    apply_corrections,
    corrections_for,
    drop_findings,
    load_corrections,
)
from medialit.analysis.evidence import find_claims
from medialit.analysis.findings import Analogy, Claim, Framing
from medialit.analysis.framing import analyze_framing
from medialit.analysis.model import Source, Statement
from medialit.analysis.sourcing import find_statements
from medialit.article import Article
from medialit.ingest import load_article


class Analysis(BaseModel):
    """Everything the analyzer finds in one article."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    article: Article
    statements: list[Statement]
    sources: list[Source]
    framing: Framing
    evidence: list[Claim]
    analogies: list[Analogy]
    close_reading: list[CloseReadingCue] = []
    """What a strong reader notices (brackets in a quotation, presuppositions, agentless passives …;
    see :mod:`medialit.analysis.close_reading`): prompts for a reader, not verdicts."""
    corrections: AppliedCorrections | None = None
    """What the teacher's corrections changed; None when the analysis is the analyzer's own."""

    def to_json(self) -> dict[str, Any]:
        """The documented JSON shape (see docs/analysis.md)."""
        return {
            "article": self.article.to_json(),
            "statements": [s.model_dump(mode="json") for s in self.statements],
            "sources": [s.model_dump(mode="json") for s in self.sources],
            "framing": self.framing.model_dump(mode="json"),
            "evidence": [c.model_dump(mode="json") for c in self.evidence],
            "analogies": [a.model_dump(mode="json") for a in self.analogies],
            "close_reading": [c.model_dump(mode="json") for c in self.close_reading],
            "corrections": self.corrections.model_dump(mode="json") if self.corrections is not None else None,
        }


def analyze(article: Article, corrections: Corrections | None = None) -> Analysis:
    """Analyse an article (see the module docstring for the steps), with a teacher's corrections if given.

    CorrectionsError (file, line, entry) when a correction does not fit the article.
    """
    statements, sources = find_statements(article)
    changes: list[str] = []
    if corrections is not None:
        statements, sources, changes = apply_corrections(article, statements, sources, corrections)
    framing = analyze_framing(article, statements)
    evidence = find_claims(statements)
    analogies = find_analogies(article, statements)
    applied = None
    if corrections is not None:
        framing, evidence, analogies, dropped = drop_findings(framing, evidence, analogies, corrections)
        file = str(corrections.path) if corrections.path is not None else None
        applied = AppliedCorrections(file=file, changes=changes + dropped)
    close_reading = find_close_reading(article, statements, framing)
    return Analysis(
        article=article,
        statements=statements,
        sources=sources,
        framing=framing,
        evidence=evidence,
        analogies=analogies,
        close_reading=close_reading,
        corrections=applied,
    )


def analyze_in_course(article_path: Path | str, *, headline: str | None = None) -> Analysis:
    """Read and analyse an article with its course's corrections file (:func:`corrections_for`), if it has one.

    What a course's pages, generated questions and ``medialit new --refresh`` show: the same
    rule finds the file for all of them. ArticleError or CorrectionsError on bad input.
    """
    article = load_article(Path(article_path), headline=headline)
    found = corrections_for(article_path)
    return analyze(article, load_corrections(found) if found is not None else None)


__all__ = ["Analysis", "Corrections", "analyze", "analyze_in_course"]
