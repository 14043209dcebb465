"""What ``medialit compare`` finds between two versions of one story, as data.

The :class:`Comparison` holds everything a reader of the two versions needs, so a terminal table,
the ``--json`` output and a book directive that shows the texts side by side all read the same
object: both versions' headline, byline, dates and paragraphs; the paragraph alignment (one
:class:`AlignedParagraph` row per paragraph of either version, with its word-level edits as
character spans); and the list of :class:`Change`, each with the paragraph number it has in
version A and in version B.

Spans are character offsets into a paragraph's text (``start`` inclusive, ``end`` exclusive), as in
the analysis, so ``comparison.a.paragraphs[n - 1][start:end]`` is the marked text of P``n``.
"""

from __future__ import annotations

import ast
import inspect
import itertools
from enum import StrEnum
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Final = 1
"""The version of the JSON shape (``schema_version``); raised when a field changes meaning or goes."""


class ChangeKind(StrEnum):
    """What changed between two versions of one story. Each member is one row kind of the report."""

    HEADLINE = "headline"
    """The headline differs, is added or is gone."""
    SUBHEADLINE = "subheadline"
    """The sub-headline (standfirst) differs, is added or is gone."""
    BYLINE = "byline"
    """The reporter's name differs, is added or is gone."""
    DATE = "date"
    """The date the page gives (first publication) differs."""
    PROVENANCE = "provenance"
    """Another line about where the text comes from differs: publisher, republisher, copyright line, agency,
    dateline (the detail names which)."""
    PARAGRAPH_ADDED = "paragraph-added"
    """A paragraph of B has no counterpart in A."""
    PARAGRAPH_DROPPED = "paragraph-dropped"
    """A paragraph of A has no counterpart in B."""
    PARAGRAPH_MOVED = "paragraph-moved"
    """A paragraph stands elsewhere in B, out of the order the other paragraphs keep."""
    PARAGRAPH_EDITED = "paragraph-edited"
    """The same paragraph with different words (the detail lists the edits)."""
    VERB_CHANGED = "verb-changed"
    """A statement's reporting verb differs ("claimed" → "said"), with each verb's stance."""
    VERB_ADDED = "verb-added"
    """A statement that had no reporting verb has one ("…," she added)."""
    VERB_DROPPED = "verb-dropped"
    """A statement's reporting verb is gone (the statement keeps its speaker)."""
    SPEAKER_CHANGED = "speaker-changed"
    """A statement is given to another speaker."""
    QUOTE_TYPE_CHANGED = "quote-type-changed"
    """A statement's words are quoted in one version and reported in the other (direct ↔ indirect)."""
    QUOTE_TO_JOURNALIST = "quote-to-journalist"
    """What a source said in A is in the journalist's own voice in B."""
    JOURNALIST_TO_QUOTE = "journalist-to-quote"
    """What the journalist wrote in A is given to a source in B (put in someone's mouth)."""
    QUOTES_ADDED = "quotes-added"
    """Words unquoted in A stand inside quotation marks in B."""
    QUOTES_REMOVED = "quotes-removed"
    """Words quoted in A stand outside quotation marks in B."""
    HEDGE_ADDED = "hedge-added"
    """A hedge ("potential", "alleged", "possible") is in B's paragraph and not in A's."""
    HEDGE_DROPPED = "hedge-dropped"
    """A hedge of A's paragraph is gone in B's."""
    BOOSTER_ADDED = "booster-added"
    """A booster ("clearly", "precisely", "certainly") is in B's paragraph and not in A's."""
    BOOSTER_DROPPED = "booster-dropped"
    """A booster of A's paragraph is gone in B's."""


METADATA_KINDS: Final = frozenset(
    {ChangeKind.HEADLINE, ChangeKind.SUBHEADLINE, ChangeKind.BYLINE, ChangeKind.DATE, ChangeKind.PROVENANCE}
)
"""The kinds about the page's furniture of authorship, not about a paragraph."""

PARAGRAPH_KINDS: Final = frozenset(
    {ChangeKind.PARAGRAPH_ADDED, ChangeKind.PARAGRAPH_DROPPED, ChangeKind.PARAGRAPH_MOVED, ChangeKind.PARAGRAPH_EDITED}
)
"""The kinds about whole paragraphs; the rest are about wording and attribution inside a paragraph."""


def kinds_table() -> str:
    """The table of change kinds in docs/compare.md, made from :class:`ChangeKind`'s member docstrings."""
    tree = ast.parse(inspect.getsource(ChangeKind))
    body = tree.body[0].body if isinstance(tree.body[0], ast.ClassDef) else []
    rows = ["| kind | what changed |", "|---|---|"]
    for statement, following in itertools.pairwise(body):
        if (
            isinstance(statement, ast.Assign)
            and isinstance(target := statement.targets[0], ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            rows.append(f"| `{ChangeKind[target.id].value}` | {' '.join(following.value.value.split())} |")
    return "\n".join(rows) + "\n"


class RowStatus(StrEnum):
    """What became of one paragraph between A and B."""

    SAME = "same"
    """The same words in the same order (typographic quotation marks and spacing aside)."""
    EDITED = "edited"
    """The same paragraph in its place, with words changed."""
    MOVED = "moved"
    """The same paragraph (edited or not) out of the order the others keep."""
    ADDED = "added"
    """Only in B."""
    DROPPED = "dropped"
    """Only in A."""


class Part(BaseModel):
    """Base of the comparison's parts: immutable, strict about fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class TextSpan(Part):
    """Characters ``start`` to ``end`` of a paragraph (or of the headline, for a headline change)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Edit(Part):
    """One word-level edit inside an aligned pair of paragraphs, as spans of both texts.

    An insertion has an empty A span (where the words would go in A); a deletion an empty B span.
    """

    op: Literal["replace", "insert", "delete"]
    a: TextSpan
    b: TextSpan
    a_text: str
    b_text: str


class AlignedParagraph(Part):
    """One row of the side-by-side view: a paragraph of A, of B, or of both."""

    a: int | None
    """The paragraph's number in A (None: added in B)."""
    b: int | None
    """The paragraph's number in B (None: dropped from A)."""
    status: RowStatus
    similarity: float
    """How alike the two paragraphs' words are, 0 to 1 (difflib's ratio); 0 for an added or dropped one."""
    edits: list[Edit] = []
    """The word-level edits from A's text to B's (empty when the words are the same)."""


class Change(Part):
    """One difference between the versions, with where it is in each."""

    kind: ChangeKind
    a_paragraph: int | None
    """Its paragraph in A; None for a headline, byline or date, or a paragraph only B has."""
    b_paragraph: int | None
    """Its paragraph in B; None for a headline, byline or date, or a paragraph only A has."""
    a_text: str | None
    """What A has (a verb, a speaker, the quoted words, a paragraph …); None when A has nothing there."""
    b_text: str | None
    """What B has there; None when B has nothing there."""
    detail: str
    """One line a reader can take in: "claimed (doubt) → said (neutral)"."""
    a_span: TextSpan | None = None
    """Where it is in A's paragraph (or headline), to mark it; None when there is nothing to mark."""
    b_span: TextSpan | None = None
    """Where it is in B's paragraph (or headline)."""

    @property
    def where(self) -> str:
        """Both paragraph numbers as a reader cites them: "P3 → P5", "— → P7", "P2 → —"; "" for page metadata."""
        if self.a_paragraph is None and self.b_paragraph is None:
            return ""
        a = f"P{self.a_paragraph}" if self.a_paragraph is not None else "—"
        b = f"P{self.b_paragraph}" if self.b_paragraph is not None else "—"
        return f"{a} → {b}"


class Version(Part):
    """One version as read: the page's metadata and its paragraphs (P1 is ``paragraphs[0]``)."""

    file: str
    headline: str | None
    subheadline: str | None
    byline: str | None
    dateline: str | None
    date: str | None
    """The date the page gives (ISO), as ingest reads it."""
    publisher: str | None
    republisher: str | None
    rights: str | None
    agency: str | None
    paragraphs: list[str]


class Comparison(Part):
    """Everything ``medialit compare A B`` reports (``--json`` prints :meth:`to_json`)."""

    schema_version: int = SCHEMA_VERSION
    a: Version
    b: Version
    rows: list[AlignedParagraph]
    """Every paragraph of A and of B once, in B's order, each paragraph only A has placed after A's paragraph
    before it: the order a side-by-side view shows them in."""
    changes: list[Change]
    """Headline, byline and date changes first, then the paragraphs' changes in the rows' order."""

    def of_kind(self, kind: ChangeKind) -> list[Change]:
        """The changes of one kind, in report order."""
        return [change for change in self.changes if change.kind is kind]

    def counts(self) -> dict[str, int]:
        """How many changes of each kind there are (kinds with none left out), in the kinds' order."""
        found = {str(kind): len(self.of_kind(kind)) for kind in ChangeKind}
        return {kind: count for kind, count in found.items() if count}

    def to_json(self) -> dict[str, Any]:
        """The documented JSON shape (docs/compare.md)."""
        return self.model_dump(mode="json")
