"""Evidence: the central claims, who makes each, and what support the text offers for it.

A central claim is a sourced statement of doubt, alarm or accusation (what someone "claimed",
"warned", "accused"), or any statement that says there is evidence. Its support is read from the
text around it: evidence described (a document, data, a study); asserted without detail;
under investigation; a denial on the same subject (a statement with a verb of denial sharing
content words with the claim; it may deny only part of the claim, as P16 of the flagship denies
Wagner's role and not the rest of P1). A claim can have several kinds of support at once.
"""

from __future__ import annotations

from typing import Final

from medialit.analysis.findings import Claim, Support
from medialit.analysis.framing import content_words, find_terms
from medialit.analysis.lexicon import EVIDENCE_ASSERTED, EVIDENCE_DETAIL, INVESTIGATION
from medialit.analysis.model import Statement
from medialit.analysis.vocabulary import VerbStance

CLAIM_STANCES: Final = (VerbStance.DOUBT, VerbStance.ALARM, VerbStance.ACCUSATION)
NEARBY: Final = 3
"""Paragraphs after a claim in which its speaker's further words count as its support."""
SHARED_WORDS: Final = 3
"""Content words a denial must share with a claim to contest it."""


def _is_claim(statement: Statement) -> bool:
    if statement.verb_stance in CLAIM_STANCES:
        return True
    return statement.source_id is not None and bool(find_terms(statement.text, ("evidence", "proof")))


def find_claims(statements: list[Statement]) -> list[Claim]:
    """Every central claim with its support; linear in the number of statements (denials are few)."""
    claims: list[Claim] = []
    by_source_paragraph: dict[tuple[str | None, int], list[Statement]] = {}
    for item in statements:
        by_source_paragraph.setdefault((item.source_id, item.paragraph), []).append(item)
    denials = [(s, content_words(s.text)) for s in statements if s.verb_stance is VerbStance.DENIAL]
    for statement in statements:
        if not _is_claim(statement):
            continue
        support: list[Support] = []
        paragraphs: list[int] = []
        related = [
            s
            for n in range(statement.paragraph, statement.paragraph + NEARBY + 1)
            for s in by_source_paragraph.get((statement.source_id, n), [])
        ]
        for other in related:
            if find_terms(other.text, EVIDENCE_DETAIL) and Support.DESCRIBED not in support:
                support.append(Support.DESCRIBED)
                paragraphs.append(other.paragraph)
            if find_terms(other.text, INVESTIGATION) and Support.UNDER_INVESTIGATION not in support:
                support.append(Support.UNDER_INVESTIGATION)
                paragraphs.append(other.paragraph)
        contested_by: list[str] = []
        words = content_words(statement.text)
        for other, other_words in denials:
            if other.source_id != statement.source_id and len(words & other_words) >= SHARED_WORDS and other.speaker:
                contested_by.append(other.speaker)
                paragraphs.append(other.paragraph)
        if contested_by:
            support.append(Support.CONTESTED)
        if Support.DESCRIBED not in support:
            support.insert(0, Support.ASSERTED)
        asserted_evidence = any(find_terms(s.text, EVIDENCE_ASSERTED) for s in related)
        if asserted_evidence and Support.ASSERTED not in support:
            support.insert(0, Support.ASSERTED)
        claims.append(
            Claim(
                paragraph=statement.paragraph,
                text=statement.text,
                speaker=statement.speaker,
                support=support,
                support_paragraphs=sorted(set(paragraphs)),
                contested_by=sorted(set(contested_by)),
            )
        )
    return claims
