"""The changes between two versions of one story, read from the two analyses.

Each aligned pair of paragraphs is compared twice: word by word (:mod:`medialit.versions.align`),
and finding by finding. Who says what, with which reporting verb, quoted or reported, and which
hedges and boosters a paragraph carries are taken from each version's :class:`~medialit.analysis.Analysis`
as the analyzer (and any teacher's corrections) found them; nothing here re-reads the grammar.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from typing import Final, TypeVar

from medialit.analysis import Analysis
from medialit.analysis.findings import MarkedWord, WordKind
from medialit.analysis.model import Statement
from medialit.analysis.vocabulary import QuoteType
from medialit.article import Article
from medialit.versions.align import align, matched_tokens, quoted_flags, word_edits, words
from medialit.versions.model import (
    AlignedParagraph,
    Change,
    ChangeKind,
    Comparison,
    Edit,
    RowStatus,
    TextSpan,
    Version,
)

T = TypeVar("T")

SAME_STATEMENT: Final = 0.5
"""The least word ratio for two statements of an aligned pair of paragraphs to be one statement."""

EDITS_IN_DETAIL: Final = 6
"""How many word edits a paragraph-edited change lists in its detail before "… and N more"."""

_MARKED: Final = {
    WordKind.HEDGE: (ChangeKind.HEDGE_ADDED, ChangeKind.HEDGE_DROPPED),
    WordKind.BOOSTER: (ChangeKind.BOOSTER_ADDED, ChangeKind.BOOSTER_DROPPED),
}


def version_of(article: Article) -> Version:
    """The version's metadata and paragraphs as the comparison keeps them."""
    provenance = article.provenance
    return Version(
        file=str(article.source),
        headline=article.headline,
        subheadline=article.subheadline,
        byline=article.byline,
        dateline=article.dateline,
        date=provenance.original_date.isoformat() if provenance.original_date else None,
        publisher=provenance.original_publisher,
        republisher=provenance.republisher,
        rights=provenance.rights,
        agency=provenance.agency,
        paragraphs=[paragraph.text for paragraph in article.paragraphs],
    )


def _plain(value: str | None) -> str:
    return " ".join(words(value or ""))


def _edits_detail(edits: Sequence[Edit]) -> str:
    """ "‹claimed› → ‹said›; + ‹she added›; − ‹potential›", at most EDITS_IN_DETAIL of them."""
    parts = []
    for edit in edits[:EDITS_IN_DETAIL]:
        if edit.op == "insert":
            parts.append(f"+ ‹{edit.b_text}›")
        elif edit.op == "delete":
            parts.append(f"− ‹{edit.a_text}›")
        else:
            parts.append(f"‹{edit.a_text}› → ‹{edit.b_text}›")
    if len(edits) > EDITS_IN_DETAIL:
        parts.append(f"… and {len(edits) - EDITS_IN_DETAIL} more")
    return "; ".join(parts)


def metadata_changes(a: Version, b: Version) -> list[Change]:
    """Headline, sub-headline, byline, date and provenance lines that differ (as words: typography aside)."""
    fields: list[tuple[ChangeKind, str, str | None, str | None]] = [
        (ChangeKind.HEADLINE, "headline", a.headline, b.headline),
        (ChangeKind.SUBHEADLINE, "sub-headline", a.subheadline, b.subheadline),
        (ChangeKind.BYLINE, "byline", a.byline, b.byline),
        (ChangeKind.DATE, "date", a.date, b.date),
        (ChangeKind.PROVENANCE, "publisher", a.publisher, b.publisher),
        (ChangeKind.PROVENANCE, "republisher", a.republisher, b.republisher),
        (ChangeKind.PROVENANCE, "copyright line", a.rights, b.rights),
        (ChangeKind.PROVENANCE, "agency", a.agency, b.agency),
        (ChangeKind.PROVENANCE, "dateline", a.dateline, b.dateline),
    ]
    changes = []
    for kind, name, old, new in fields:
        if _plain(old) == _plain(new) and (old is None) == (new is None):
            continue
        if old is None:
            detail = f"{name}: added"
        elif new is None:
            detail = f"{name}: gone"
        elif kind in (ChangeKind.HEADLINE, ChangeKind.SUBHEADLINE):
            detail = f"{name}: " + _edits_detail(word_edits(old, new))
        else:
            detail = f"{name}: {old} → {new}"
        changes.append(Change(kind=kind, a_paragraph=None, b_paragraph=None, a_text=old, b_text=new, detail=detail))
    return changes


def _pair_statements(a: list[Statement], b: list[Statement]) -> list[tuple[Statement, Statement]]:
    """Statements of two aligned paragraphs that are one statement (their words alike), best first, in A's order."""
    candidates = []
    for i, left in enumerate(a):
        for j, right in enumerate(b):
            ratio = SequenceMatcher(None, words(left.text), words(right.text), autojunk=False).ratio()
            if ratio >= SAME_STATEMENT:
                candidates.append((-ratio, abs(i - j), i, j))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _, _, i, j in sorted(candidates):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    return [(a[i], b[j]) for i, j in sorted(pairs)]


def _where(statement: Statement) -> TextSpan:
    """What to mark for a statement: its attribution where it has one, else its words."""
    if statement.attribution is not None:
        return TextSpan(start=statement.attribution.start, end=statement.attribution.end)
    return TextSpan(start=statement.start, end=statement.end)


PRONOUNS: Final = frozenset({"he", "she", "they", "it", "him", "her", "them", "i", "we"})
"""Mentions whose referent the text around them decides: the same pronoun may name another person in B."""


def _named_alike(left: Statement, right: Statement) -> bool:
    """Do the same words, not a pronoun, name the speaker in both versions ("the country's president")?

    Then the text gives the statement to the same speaker, and a different name in the two analyses is
    the resolver's reading of the rest of each version (an excerpt that lacks the paragraph saying
    "Kosovo's president, Ms Osmani"), not a change a reader can see: no speaker change is reported.
    """
    if left.mention is None or right.mention is None:
        return False
    same = _plain(left.mention).casefold() == _plain(right.mention).casefold()
    return same and _plain(left.mention).casefold() not in PRONOUNS


def _speaker(statement: Statement) -> str:
    return statement.speaker or "the journalist"


def _verb(statement: Statement) -> str:
    return f"{statement.verb} ({statement.verb_stance})" if statement.verb_stance else str(statement.verb)


def statement_changes(row: AlignedParagraph, a: list[Statement], b: list[Statement]) -> list[Change]:
    """Verb, speaker and voice changes of the statements two aligned paragraphs share."""
    changes = []

    def add(kind: ChangeKind, left: Statement, right: Statement, a_text: str | None, b_text: str | None, detail: str) -> None:
        changes.append(
            Change(
                kind=kind,
                a_paragraph=row.a,
                b_paragraph=row.b,
                a_text=a_text,
                b_text=b_text,
                detail=detail,
                a_span=_where(left),
                b_span=_where(right),
            )
        )

    for left, right in _pair_statements(a, b):
        journalist_a, journalist_b = left.quote_type is QuoteType.JOURNALIST, right.quote_type is QuoteType.JOURNALIST
        if journalist_a and not journalist_b:
            detail = f"the journalist's words are given to {right.speaker} ({right.quote_type}" + (
                f", {right.verb})" if right.verb else ")"
            )
            add(ChangeKind.JOURNALIST_TO_QUOTE, left, right, left.text, right.text, detail)
            continue
        if journalist_b and not journalist_a:
            detail = f"{left.speaker}'s words ({left.quote_type}) are in the journalist's own voice"
            add(ChangeKind.QUOTE_TO_JOURNALIST, left, right, left.text, right.text, detail)
            continue
        if journalist_a:
            continue
        if (left.speaker or "").casefold() != (right.speaker or "").casefold() and not _named_alike(left, right):
            add(ChangeKind.SPEAKER_CHANGED, left, right, left.speaker, right.speaker, f"{_speaker(left)} → {_speaker(right)}")
        if left.quote_type is not right.quote_type:
            detail = f"{left.quote_type} → {right.quote_type} ({_speaker(right)})"
            add(ChangeKind.QUOTE_TYPE_CHANGED, left, right, str(left.quote_type), str(right.quote_type), detail)
        old, new = (left.verb or "").casefold(), (right.verb or "").casefold()
        if old == new:
            continue
        if not old:
            add(ChangeKind.VERB_ADDED, left, right, None, right.verb, f"{_speaker(right)}: + {_verb(right)}")
        elif not new:
            add(ChangeKind.VERB_DROPPED, left, right, left.verb, None, f"{_speaker(left)}: − {_verb(left)}")
        else:
            add(ChangeKind.VERB_CHANGED, left, right, left.verb, right.verb, f"{_verb(left)} → {_verb(right)}")
    return changes


def _changed(span: tuple[int, int], regions: list[TextSpan]) -> bool:
    start, end = span
    return any(start < region.end and region.start < end for region in regions)


def _reporting_verb(word: MarkedWord, statements: list[Statement]) -> bool:
    """Whether a marked word is a statement's reporting verb ("claimed" is a hedge too, but its change is the verb's)."""
    for statement in statements:
        if statement.attribution is not None and statement.attribution.start <= word.start < statement.attribution.end:
            return True
        if statement.verb and word.word.casefold() in statement.verb.casefold().split():
            return True
    return False


def _marked_change(
    row: AlignedParagraph, kind: ChangeKind, detail: str, a_word: MarkedWord | None = None, b_word: MarkedWord | None = None
) -> Change:
    """A hedge or booster that one version of the pair has and the other lacks (``a_word`` or ``b_word``)."""
    return Change(
        kind=kind,
        a_paragraph=row.a,
        b_paragraph=row.b,
        a_text=a_word.word if a_word else None,
        b_text=b_word.word if b_word else None,
        detail=detail,
        a_span=TextSpan(start=a_word.start, end=a_word.end) if a_word else None,
        b_span=TextSpan(start=b_word.start, end=b_word.end) if b_word else None,
    )


def marked_word_changes(
    row: AlignedParagraph, a: list[MarkedWord], b: list[MarkedWord], a_statements: list[Statement], b_statements: list[Statement]
) -> list[Change]:
    """Hedges and boosters in the edited words of an aligned pair, that the other version lacks."""
    a_regions = [edit.a for edit in row.edits]
    b_regions = [edit.b for edit in row.edits]
    changes = []
    for kind, (added, dropped) in _MARKED.items():
        old = [w for w in a if w.kind is kind and _changed((w.start, w.end), a_regions) and not _reporting_verb(w, a_statements)]
        new = [w for w in b if w.kind is kind and _changed((w.start, w.end), b_regions) and not _reporting_verb(w, b_statements)]
        kept = {w.word.casefold() for w in old} & {w.word.casefold() for w in new}  # moved within the paragraph
        changes += [
            _marked_change(row, dropped, f"{kind} “{w.word}” gone", a_word=w) for w in old if w.word.casefold() not in kept
        ]
        changes += [
            _marked_change(row, added, f"{kind} “{w.word}” added", b_word=w) for w in new if w.word.casefold() not in kept
        ]
    return changes


def quotation_changes(row: AlignedParagraph, a_text: str, b_text: str, a_flags: list[bool], b_flags: list[bool]) -> list[Change]:
    """Runs of unchanged words that are quoted in one version and not in the other."""
    runs: list[tuple[ChangeKind, int, int, int, int]] = []
    for left, right in matched_tokens(a_text, b_text):
        if not left.is_word:
            continue
        quoted_a, quoted_b = a_flags[left.start], b_flags[right.start]
        if quoted_a == quoted_b:
            runs.append((ChangeKind.PARAGRAPH_EDITED, 0, 0, 0, 0))  # a word quoted alike ends a run
            continue
        kind = ChangeKind.QUOTES_ADDED if quoted_b else ChangeKind.QUOTES_REMOVED
        if runs and runs[-1][0] is kind:
            _, a_start, _, b_start, _ = runs[-1]
            runs[-1] = (kind, a_start, left.end, b_start, right.end)
        else:
            runs.append((kind, left.start, left.end, right.start, right.end))
    changes = []
    for kind, a_start, a_end, b_start, b_end in runs:
        if kind is ChangeKind.PARAGRAPH_EDITED:
            continue
        what = "now quoted" if kind is ChangeKind.QUOTES_ADDED else "no longer quoted"
        changes.append(
            Change(
                kind=kind,
                a_paragraph=row.a,
                b_paragraph=row.b,
                a_text=a_text[a_start:a_end],
                b_text=b_text[b_start:b_end],
                detail=f"“{b_text[b_start:b_end]}” {what}",
                a_span=TextSpan(start=a_start, end=a_end),
                b_span=TextSpan(start=b_start, end=b_end),
            )
        )
    return changes


def _by_paragraph(items: Sequence[T], paragraph: Callable[[T], int]) -> dict[int, list[T]]:
    found: dict[int, list[T]] = {}
    for item in items:
        found.setdefault(paragraph(item), []).append(item)
    return found


def compare_analyses(a: Analysis, b: Analysis) -> Comparison:
    """Every change from version A to version B, with both paragraph numbers (see :class:`Comparison`)."""
    version_a, version_b = version_of(a.article), version_of(b.article)
    rows = align(version_a.paragraphs, version_b.paragraphs)
    a_statements = _by_paragraph(a.statements, lambda s: s.paragraph)
    b_statements = _by_paragraph(b.statements, lambda s: s.paragraph)
    a_words = _by_paragraph(a.framing.words, lambda w: w.paragraph)
    b_words = _by_paragraph(b.framing.words, lambda w: w.paragraph)
    a_flags, b_flags = quoted_flags(version_a.paragraphs), quoted_flags(version_b.paragraphs)
    changes = metadata_changes(version_a, version_b)
    for row in rows:
        if row.a is None and row.b is not None:
            text = version_b.paragraphs[row.b - 1]
            changes.append(
                Change(
                    kind=ChangeKind.PARAGRAPH_ADDED,
                    a_paragraph=None,
                    b_paragraph=row.b,
                    a_text=None,
                    b_text=text,
                    detail=f"P{row.b} is new",
                )
            )
            continue
        if row.b is None and row.a is not None:
            text = version_a.paragraphs[row.a - 1]
            changes.append(
                Change(
                    kind=ChangeKind.PARAGRAPH_DROPPED,
                    a_paragraph=row.a,
                    b_paragraph=None,
                    a_text=text,
                    b_text=None,
                    detail=f"P{row.a} is gone",
                )
            )
            continue
        if row.a is None or row.b is None:
            continue
        a_text, b_text = version_a.paragraphs[row.a - 1], version_b.paragraphs[row.b - 1]
        if row.status is RowStatus.MOVED:
            changes.append(
                Change(
                    kind=ChangeKind.PARAGRAPH_MOVED,
                    a_paragraph=row.a,
                    b_paragraph=row.b,
                    a_text=a_text,
                    b_text=b_text,
                    detail=f"P{row.a} of A is P{row.b} of B",
                )
            )
        if not row.edits:
            continue
        changes.append(
            Change(
                kind=ChangeKind.PARAGRAPH_EDITED,
                a_paragraph=row.a,
                b_paragraph=row.b,
                a_text=a_text,
                b_text=b_text,
                detail=_edits_detail(row.edits),
            )
        )
        left, right = a_statements.get(row.a, []), b_statements.get(row.b, [])
        changes.extend(statement_changes(row, left, right))
        changes.extend(quotation_changes(row, a_text, b_text, a_flags[row.a - 1], b_flags[row.b - 1]))
        changes.extend(marked_word_changes(row, a_words.get(row.a, []), b_words.get(row.b, []), left, right))
    return Comparison(a=version_a, b=version_b, rows=rows, changes=changes)
