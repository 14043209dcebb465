"""Quiz banks built from an article's analysis: one per chapter, each from what the analysis found there.

One module per chapter holds its question builders (:mod:`.provenance`, :mod:`.framing`,
:mod:`.sourcing`, :mod:`.comparisons` and the closing :mod:`.check`); each builder reads the
analysis and its facts (:mod:`medialit.analysis.facts`) and returns quiz model objects, and
asks a question only when its key is certain (the rules are in docs/generator.md, "Questions a
teacher can trust"). The same analysis always gives the same banks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from medialit.analysis import Analysis
from medialit.generate.questions import check, comparisons, framing, provenance, sourcing
from medialit.generate.questions.common import Builder, QuestionContext
from medialit.quiz.model import Question, QuizBank


@dataclass(frozen=True)
class BankSpec:
    """One chapter's quiz bank: its id (the file ``exercises/<id>.yml``), title, chapter page and builders."""

    id: str
    title: str
    page: str
    """The chapter page (``book/<page>.md``) the quiz is a section of."""
    builders: Sequence[Builder]
    fallback: Builder | None = None
    """A written task for when no builder's question qualifies, so that every chapter keeps its quiz
    (and a course's table of contents never changes on ``--refresh``)."""


BANKS: Final = (
    BankSpec("provenance", "Quiz: where the article comes from", "provenance", provenance.BUILDERS),
    BankSpec("framing", "Quiz: the headline and the words", "framing", framing.BUILDERS, framing.own_headline),
    BankSpec("sourcing", "Quiz: who speaks, and how", "sourcing", sourcing.BUILDERS, sourcing.source_map),
    BankSpec("comparisons", "Quiz: comparisons", "comparisons", comparisons.BUILDERS),
    BankSpec("check", "Quiz: check your reading", "check", check.BUILDERS),
)
"""Every generated course's banks, in the order of its chapters."""


def _questions(ctx: QuestionContext, builders: Sequence[Builder]) -> list[Question]:
    questions: list[Question] = []
    for build in builders:
        questions += build(ctx)
    return questions


def _bank(spec_id: str, title: str, chapter: str, article: str, questions: list[Question]) -> QuizBank:
    return QuizBank(schema_version=1, id=spec_id, title=title, chapter=chapter, article=article, questions=questions)


def generate_banks(analysis: Analysis, *, article: str) -> dict[str, QuizBank]:
    """The course's banks by id, each with its chapter's questions; a bank with no question is left out.

    ``article`` is the article's path relative to the bank files (``../articles/NAME.txt``). The
    closing check always has its written summary, so a course always has at least one bank.
    """
    ctx = QuestionContext.of(analysis)
    banks: dict[str, QuizBank] = {}
    for spec in BANKS:
        questions = _questions(ctx, spec.builders)
        if not questions and spec.fallback is not None:
            questions = list(spec.fallback(ctx))
        if questions:
            banks[spec.id] = _bank(spec.id, spec.title, f"exercises/{spec.id}-quiz", article, questions)
    return banks


def generate_bank(analysis: Analysis, *, bank_id: str, title: str, chapter: str, article: str) -> QuizBank:
    """Every generated question of every chapter in one bank (for a single quiz, and for checking keys)."""
    questions = [q for bank in generate_banks(analysis, article=article).values() for q in bank.questions]
    return _bank(bank_id, title, chapter, article, questions)


__all__ = ["BANKS", "BankSpec", "generate_bank", "generate_banks"]
