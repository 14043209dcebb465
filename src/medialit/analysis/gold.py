"""Gold annotations: an article's statements and sources, marked by hand, to measure the analyzer.

A gold file (YAML, ``tests/gold/<name>.yml``) follows the rules in ``tests/gold/README.md``. It is
validated like a quiz bank: strictly, and each statement's text must occur in its paragraph.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from medialit.analysis.vocabulary import QuoteType, SourceKind, SourceType
from medialit.article import Article
from medialit.errors import MedialitError
from medialit.ingest import load_article

JOURNALIST = "journalist"
"""The ``source`` of a statement in the article's own voice."""


class GoldError(MedialitError):
    """A gold annotation file is invalid; the message names the file."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GoldSource(_Strict):
    name: str = Field(min_length=1)
    """The fullest name or description the article gives ("Vjosa Osmani", "a Carabinieri officer")."""
    aliases: list[str] = Field(default_factory=list)
    """Every other way the article refers to this source ("Ms Osmani", "the country's president", "she")."""
    kind: SourceKind
    type: SourceType
    role: str | None = None
    affiliation: str | None = None


class GoldStatement(_Strict):
    paragraph: int = Field(ge=1)
    source: str = Field(min_length=1)
    """A source's ``name``, or ``journalist``."""
    quote_type: QuoteType
    verb: str | None = None
    """The reporting verb as printed ("claimed", "told", "said"); null in the journalist's voice."""
    text: str = Field(min_length=1)
    """What is stated, copied verbatim from the paragraph (without the attribution)."""


class GoldAnnotation(_Strict):
    article: str
    """The article file, relative to the gold file."""
    description: str = ""
    sources: list[GoldSource] = Field(default_factory=list)
    statements: list[GoldStatement] = Field(min_length=1)

    @model_validator(mode="after")
    def _sources_are_declared(self) -> GoldAnnotation:
        names = {source.name for source in self.sources}
        for statement in self.statements:
            if statement.source != JOURNALIST and statement.source not in names:
                raise ValueError(f"P{statement.paragraph}: source {statement.source!r} is not in sources")
            if (statement.source == JOURNALIST) != (statement.quote_type is QuoteType.JOURNALIST):
                raise ValueError(f"P{statement.paragraph}: quote_type journalist goes with source journalist, and only with it")
        return self


def load_gold(path: Path | str) -> tuple[GoldAnnotation, Article]:
    """Read a gold file and its article; GoldError if the file is invalid or a text is not in its paragraph."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        gold = GoldAnnotation.model_validate(data)
    except (OSError, yaml.YAMLError, ValidationError) as error:
        raise GoldError(f"{path}: {error}") from None
    article = load_article((path.parent / gold.article).resolve())
    for statement in gold.statements:
        if statement.paragraph > len(article.paragraphs):
            raise GoldError(f"{path}: P{statement.paragraph} does not exist (the article has {len(article.paragraphs)})")
        if statement.text not in article.paragraph(statement.paragraph).text:
            raise GoldError(f"{path}: P{statement.paragraph}: text not found verbatim: {statement.text[:60]!r}")
    return gold, article
