"""What every question builder shares: the analysis and its facts, quotations, and content-derived placement.

Everything in a question comes from the :class:`~medialit.analysis.Analysis` and the facts
:mod:`medialit.analysis.facts` decides about it: quotations are verbatim slices of statement
texts, paragraph numbers are the analysis's. Nothing is random: the position of a key among its
options comes from a hash of the article's title and the question id, so the same analysis
always gives the same bank. Article text is only ever data here: copied into strings, never
formatted as a template or parsed.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from medialit.analysis import Analysis
from medialit.analysis.facts import Facts, SourceFacts, SourceShape, facts_of, norm
from medialit.analysis.highlights import in_sentence
from medialit.analysis.model import Statement
from medialit.analysis.verbs import STANCE_OF
from medialit.analysis.vocabulary import VerbStance
from medialit.quiz.lint import standout
from medialit.quiz.model import Option, Question, QuestionType, SingleChoice

SNIPPET_WORDS: Final = 12
"""Words of a statement shown in a prompt or an option."""
MAX_OPTIONS: Final = 4

STANCE_MEANING: Final[dict[VerbStance, str]] = {
    VerbStance.NEUTRAL: "it only reports that words were spoken",
    VerbStance.DOUBT: "it puts distance between the reporter and the claim",
    VerbStance.ALARM: "it frames the words as a warning or an insistence",
    VerbStance.ACCUSATION: "it frames the words as blame",
    VerbStance.DENIAL: "it frames the words as a rejection",
    VerbStance.CONCESSION: "it frames the words as something admitted or given up",
    VerbStance.STANCE: "it reports a view or a feeling rather than words",
}

_WORD: Final = re.compile(r"\S+")


@dataclass(frozen=True)
class QuestionContext:
    """The analysis and its facts, as every builder reads them."""

    analysis: Analysis
    facts: Facts

    @classmethod
    def of(cls, analysis: Analysis) -> QuestionContext:
        return cls(analysis, facts_of(analysis))

    @property
    def seed(self) -> str:
        return self.analysis.article.title

    def label(self, source_id: str) -> str:
        return self.facts.sources[source_id].label

    def source(self, source_id: str) -> SourceFacts:
        return self.facts.sources[source_id]


Builder = Callable[[QuestionContext], Sequence[Question]]
"""A question builder: reads the context, returns the questions whose keys are certain (often none)."""


def snippet(text: str, words: int = SNIPPET_WORDS) -> str:
    """The first ``words`` words of ``text``, sliced verbatim, with "…" when cut."""
    matches = list(_WORD.finditer(text))
    if len(matches) <= words:
        return text.strip()
    return text[: matches[words - 1].end()].rstrip(" ,;:") + "…"


def said(statement: Statement) -> str:
    """What is stated, without a leading addressee (“told parliament that …” gives “…”), verbatim."""
    text = statement.text
    if statement.verb and norm(statement.verb).split()[-1] in {"told", "tells", "tell"}:
        match = re.match(r"^[^“”\"]{1,80}? that (?=\S)", text)
        if match:
            return text[match.end() :]
    return text


def cap(text: str) -> str:
    """``text`` with its first letter capitalised, to open a sentence."""
    return text[:1].upper() + text[1:]


def mid(label: str) -> str:
    """A source's label as it reads inside a sentence ("Several people" → "several people")."""
    return in_sentence(label)


def words_of(label: str, shape: SourceShape) -> str:
    """ "Dana Whitlow's words", "what the study says": the phrase that fits each kind of source."""
    if shape is SourceShape.DOCUMENT:
        return f"what {mid(label)} says"
    possessive = "'" if label.endswith("s") and shape is SourceShape.GROUP else "'s"
    return f"{mid(label)}{possessive} words"


def verb_stance(verb: str, stance: VerbStance | None) -> VerbStance:
    return stance or STANCE_OF.get(norm(verb).split()[-1], VerbStance.NEUTRAL)


def stance_phrase(verb: str, stance: VerbStance) -> str:
    weight = f"a loaded verb ({stance.value})" if stance.loaded else "a neutral verb"
    return f"“{verb}” is {weight}: {STANCE_MEANING[stance]}."


def _rng(seed: str) -> random.Random:
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def place_key(key: Option, wrong: Sequence[Option], seed: str) -> list[Option]:
    """The key among the wrong options, at a position fixed by ``seed`` (never always first)."""
    position = _rng(seed).randrange(len(wrong) + 1)
    return [*wrong[:position], key, *wrong[position:]]


def single_choice(
    ctx_seed: str,
    question_id: str,
    prompt: str,
    key: Option,
    wrong: Sequence[Option],
    *,
    explanation: str,
    paragraphs: list[int],
) -> list[Question]:
    """One single-choice question, its key placed by content among the distinct wrong options;
    none when fewer than two options are left (a question with one answer asks nothing)."""
    options = distinct_options(place_key(key, wrong, f"{ctx_seed}:{question_id}"))
    if options is None:
        return []
    return [
        SingleChoice(
            id=question_id,
            type=QuestionType.SINGLE,
            prompt=prompt,
            options=options,
            explanation=explanation,
            paragraphs=paragraphs,
        )
    ]


def distinct_options(options: Sequence[Option]) -> list[Option] | None:
    """The options without a wrong one whose text repeats another's; None if fewer than two are left."""
    seen: set[str] = set()
    kept: list[Option] = []
    for option in sorted(options, key=lambda o: not o.correct):
        text = norm(option.text)
        if text not in seen:
            seen.add(text)
            kept.append(option)
    ordered = [o for o in options if any(o is k for k in kept)]
    return ordered if len(ordered) >= 2 else None


def without_standout_right(options: Sequence[Option]) -> list[Option]:
    """The options less each right one whose length alone would give it away (the bank lint's long-option rule),
    as long as another right option and two options in all are left. For multiple select: the question asks
    about "these" options, so leaving one out changes no key."""
    kept = list(options)
    while (long := standout(kept)) is not None and long.correct and sum(o.correct for o in kept) > 1 and len(kept) > 2:
        kept = [o for o in kept if o is not long]
    return kept


def paragraph_names(paragraphs: Sequence[int]) -> str:
    """[2, 5, 7] → "P2, P5 and P7"."""
    names = [f"P{n}" for n in paragraphs]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def pick_distractors(
    ctx: QuestionContext, candidates: Sequence[SourceFacts], *, avoid: Sequence[str], paragraphs: Sequence[int] = (), limit: int
) -> list[SourceFacts]:
    """Sources to offer as wrong answers: listable, none of them possibly one of ``avoid`` or one another,
    none possibly speaking in ``paragraphs``, no two with the same label."""
    picked: list[SourceFacts] = []
    labels = {norm(ctx.label(a)) for a in avoid}
    for other in candidates:
        if len(picked) >= limit:
            break
        sid = other.source.id
        if not other.listable or norm(other.label) in labels:
            continue
        if any(ctx.facts.may_be_same(sid, a) for a in avoid) or any(ctx.facts.may_be_same(sid, p.source.id) for p in picked):
            continue
        if any(ctx.facts.may_speak_in(sid, n) for n in paragraphs):
            continue
        picked.append(other)
        labels.add(norm(other.label))
    return picked
