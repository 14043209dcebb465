"""What the analysis finds in an article. Every finding points at a paragraph and a span of it.

Spans are character offsets into the paragraph's text (``start`` inclusive, ``end`` exclusive),
so a chapter can quote ``paragraph.text[start:end]`` and a student can check it at P13.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from medialit.analysis.vocabulary import QuoteType, SourceKind, SourceType, VerbStance


class Finding(BaseModel):
    """Base of every finding: immutable, and strict about its fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Finding):
    paragraph: int = Field(ge=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Source(Finding):
    """One speaker, with every way the article refers to them."""

    id: str
    """Stable within one analysis: ``s1``, ``s2`` … in order of first statement."""
    name: str
    """The fullest name (or, for an unnamed source, the description) the article gives."""
    mentions: list[str]
    """Every form used for this source (name, title and surname, role, pronoun), in order of appearance."""
    kind: SourceKind
    type: SourceType
    role: str | None = None
    affiliation: str | None = None
    gender: str | None = None
    """"female" / "male" when a title or pronoun says so; used to resolve "she" and "he"."""
    statements: int = 0
    words: int = 0
    """Words in this source's statements."""
    share: float = 0.0
    """This source's words as a share of the article's body words (0 to 1)."""
    relays: int = 0
    """Statements of other sources that this one passes on (a news outlet reporting what an official said)."""


class Statement(Finding):
    """One thing stated: by a source (direct or indirect), or in the journalist's own voice."""

    paragraph: int
    start: int
    end: int
    text: str
    """What is stated, without the attribution (and without the outer quotation marks)."""
    source_id: str | None
    """The Source's id; None in the journalist's voice."""
    speaker: str | None
    """The source's name, for readers of the JSON; None in the journalist's voice."""
    speaker_type: SourceType
    named: bool
    kind: SourceKind | None
    quote_type: QuoteType
    verb: str | None
    """The reporting verb as printed (with auxiliaries), or None."""
    verb_stance: VerbStance | None
    mention: str | None = None
    """How the source is referred to at this statement ("Ms Osmani", "she")."""
    attribution: Span | None = None
    """Where the attribution is ("Ms Osmani told The Telegraph"), when the statement has one."""
    relayed_by: str | None = None
    """The id of the Source that passes these words on (``The Montana Standard reports the governor told …``):
    the speaker is the governor, the newspaper only relays."""
    relay: Span | None = None
    """Where the relay is ("The Montana Standard reports"), when there is one."""
