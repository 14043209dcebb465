"""Measuring the analyzer against gold annotations: precision, recall and F1 per kind of finding.

A found statement is aligned with a gold statement of the same paragraph when their texts
overlap by at least half of the shorter one (gold texts may stop early; boundaries of a clause are
a matter of judgement). Alignment is one-to-one, best overlap first. Then, for each measure:

==============  ====================================================================================
statements      every statement, journalist's voice included: aligned pairs
attributed      statements with a source (direct or indirect): aligned pairs where both have one
speakers        attributed pairs whose speaker is the same source (by name or any alias)
verbs           pairs whose reporting verb is the same word(s), over statements that have a verb
quote types     pairs with the same quote type (direct, indirect, journalist), over every statement
==============  ====================================================================================

Precision divides by what the analyzer found, recall by what the gold file holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final

from medialit.analysis.gold import JOURNALIST, GoldAnnotation, GoldStatement
from medialit.analysis.model import Source, Statement

MIN_OVERLAP: Final = 0.5
MEASURES: Final = ("statements", "attributed", "speakers", "verbs", "quote_types")
PRONOUNS: Final = frozenset({"he", "she", "they", "it", "him", "her", "them"})


@dataclass(frozen=True)
class Score:
    """Counts for one measure, and the rates computed from them."""

    matched: int
    found: int
    expected: int

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True)
class Evaluation:
    """Scores of one article, and the pairs behind them (to see what went wrong)."""

    name: str
    scores: dict[str, Score]
    missed: tuple[GoldStatement, ...]
    extra: tuple[Statement, ...]
    disagreements: tuple[tuple[GoldStatement, Statement, str], ...]
    """Aligned pairs that differ, with the measure they differ on."""


def normalise_name(text: str) -> str:
    """A name as compared: lower-case, straight apostrophes, no leading article or possessive."""
    text = text.replace("’", "'").casefold().strip(" ,.;:")
    text = re.sub(r"^(?:the|a|an|his|her|their)\s+", "", text)
    text = re.sub(r"^(?:friend|colleague)\s+", "", text)
    return re.sub(r"\s+", " ", text)


def name_forms(names: Iterable[str]) -> set[str]:
    """The comparable forms of a source's names (pronouns left out: they name nobody on their own)."""
    return {form for name in names if (form := normalise_name(name)) and form not in PRONOUNS}


def same_speaker(gold_forms: set[str], found_forms: set[str]) -> bool:
    """Whether two sets of name forms name one source: a form equal to, or a whole-word part of, another."""
    for gold in gold_forms:
        for found in found_forms:
            if gold == found:
                return True
            shorter, longer = sorted((gold, found), key=len)
            if len(shorter) >= 4 and re.search(rf"(?:^|\W){re.escape(shorter)}(?:\W|$)", longer):
                return True
    return False


def _span(text: str, paragraph_text: str) -> tuple[int, int]:
    start = paragraph_text.find(text)
    return start, start + len(text)


def _align(
    gold: GoldAnnotation, paragraphs: dict[int, str], found: list[Statement]
) -> tuple[list[tuple[GoldStatement, Statement]], list[GoldStatement], list[Statement]]:
    candidates: list[tuple[float, int, int]] = []
    for g_index, statement in enumerate(gold.statements):
        g_start, g_end = _span(statement.text, paragraphs[statement.paragraph])
        for f_index, item in enumerate(found):
            if item.paragraph != statement.paragraph:
                continue
            overlap = min(g_end, item.end) - max(g_start, item.start)
            shorter = min(g_end - g_start, item.end - item.start)
            if shorter > 0 and overlap / shorter >= MIN_OVERLAP:
                candidates.append((overlap / shorter, g_index, f_index))
    pairs: list[tuple[GoldStatement, Statement]] = []
    used_gold: set[int] = set()
    used_found: set[int] = set()
    for _ratio, g_index, f_index in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if g_index in used_gold or f_index in used_found:
            continue
        used_gold.add(g_index)
        used_found.add(f_index)
        pairs.append((gold.statements[g_index], found[f_index]))
    missed = [s for i, s in enumerate(gold.statements) if i not in used_gold]
    extra = [s for i, s in enumerate(found) if i not in used_found]
    return pairs, missed, extra


def evaluate(
    name: str, gold: GoldAnnotation, paragraphs: dict[int, str], statements: list[Statement], sources: list[Source]
) -> Evaluation:
    """Score the analyzer's statements and sources against one gold annotation."""
    pairs, missed, extra = _align(gold, paragraphs, statements)
    gold_sources = {source.name: name_forms([source.name, *source.aliases]) for source in gold.sources}
    found_sources = {source.id: name_forms([source.name, *source.mentions]) for source in sources}

    def attributed_gold(s: GoldStatement) -> bool:
        return s.source != JOURNALIST

    def attributed_found(s: Statement) -> bool:
        return s.source_id is not None

    def speaker_matches(g: GoldStatement, f: Statement) -> bool:
        return f.source_id is not None and same_speaker(gold_sources[g.source], found_sources[f.source_id])

    def same_verb(g: GoldStatement, f: Statement) -> bool:
        return g.verb is not None and f.verb is not None and normalise_name(g.verb) == normalise_name(f.verb)

    def count(condition: Callable[[GoldStatement, Statement], bool]) -> int:
        return sum(1 for g, f in pairs if condition(g, f))

    scores = {
        "statements": Score(len(pairs), len(statements), len(gold.statements)),
        "attributed": Score(
            count(lambda g, f: attributed_gold(g) and attributed_found(f)),
            sum(map(attributed_found, statements)),
            sum(map(attributed_gold, gold.statements)),
        ),
        "speakers": Score(
            count(lambda g, f: attributed_gold(g) and speaker_matches(g, f)),
            sum(map(attributed_found, statements)),
            sum(map(attributed_gold, gold.statements)),
        ),
        "verbs": Score(count(same_verb), sum(1 for s in statements if s.verb), sum(1 for s in gold.statements if s.verb)),
        "quote_types": Score(count(lambda g, f: g.quote_type == f.quote_type), len(statements), len(gold.statements)),
    }
    disagreements: list[tuple[GoldStatement, Statement, str]] = []
    for g, f in pairs:
        if attributed_gold(g) != attributed_found(f) or (attributed_gold(g) and not speaker_matches(g, f)):
            disagreements.append((g, f, "speaker"))
        if (g.verb or f.verb) and not same_verb(g, f):
            disagreements.append((g, f, "verb"))
        if g.quote_type != f.quote_type:
            disagreements.append((g, f, "quote type"))
    return Evaluation(name, scores, tuple(missed), tuple(extra), tuple(disagreements))
