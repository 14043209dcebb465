"""Article analysis: provenance, sourcing, framing, evidence and analogy, each finding pointing at the text.

Rule-based and deterministic (no model, nothing downloaded): the same article always gives the
same analysis. The steps run in one direction::

    Article ─▶ sentences (quotations kept whole) ─▶ statements and sources ─▶ framing, evidence, analogies
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from medialit.analysis.analogy import find_analogies
from medialit.analysis.evidence import find_claims
from medialit.analysis.findings import Analogy, Claim, Framing
from medialit.analysis.framing import analyze_framing
from medialit.analysis.model import Source, Statement
from medialit.analysis.sourcing import find_statements
from medialit.article import Article


class Analysis(BaseModel):
    """Everything the analyzer finds in one article."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    article: Article
    statements: list[Statement]
    sources: list[Source]
    framing: Framing
    evidence: list[Claim]
    analogies: list[Analogy]

    def to_json(self) -> dict[str, Any]:
        """The documented JSON shape (see docs/analysis.md)."""
        return {
            "article": self.article.to_json(),
            "statements": [s.model_dump(mode="json") for s in self.statements],
            "sources": [s.model_dump(mode="json") for s in self.sources],
            "framing": self.framing.model_dump(mode="json"),
            "evidence": [c.model_dump(mode="json") for c in self.evidence],
            "analogies": [a.model_dump(mode="json") for a in self.analogies],
        }


def analyze(article: Article) -> Analysis:
    """Analyse an article (see the module docstring for the steps)."""
    statements, sources = find_statements(article)
    return Analysis(
        article=article,
        statements=statements,
        sources=sources,
        framing=analyze_framing(article, statements),
        evidence=find_claims(statements),
        analogies=find_analogies(article, statements),
    )


__all__ = ["Analysis", "analyze"]
