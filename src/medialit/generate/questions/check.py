"""The closing check: what the article reports (who said what, who only appears), and two written answers.

The written summary with a rubric is in every course, whatever the analysis finds, so no course
is without a quiz. True/false statements about who said what come in pairs: one true, built from
a statement whose speaker is named at the statement, and one false, the same words given to a
source that does not speak in that paragraph and cannot be the speaker under another name.
"""

from __future__ import annotations

import re
from typing import Final

from medialit.analysis.facts import SourceFacts, norm
from medialit.analysis.findings import Claim, Support
from medialit.analysis.terms import article_terms
from medialit.generate.questions.common import QuestionContext, cap, mid, pick_distractors, said, snippet
from medialit.generate.questions.sourcing import clear_statements
from medialit.quiz.model import MultipleSelect, Option, Question, QuestionType, ShortAnswer, TrueFalse, TrueFalseFeedback

MAX_REPORTED: Final = 2
"""Pairs of true/false statements about who said what."""

SUPPORT_MEANING: Final[dict[Support, str]] = {
    Support.DESCRIBED: "the article describes evidence for it",
    Support.ASSERTED: "the claim is stated, but the article describes no evidence for it",
    Support.UNDER_INVESTIGATION: "the article says the matter is still being checked",
    Support.CONTESTED: "someone in the article denies all or part of it",
}


def reported(ctx: QuestionContext) -> list[Question]:
    """True/false pairs: "according to P5, X said that …" (true), and the same words given to Y (false)."""
    questions: list[Question] = []
    used: set[int] = set()
    for source in ctx.facts.listable:
        if len(questions) >= 2 * MAX_REPORTED:
            break
        statements = [s for s in clear_statements(ctx, source) if s.paragraph not in used]
        if not statements:
            continue
        statement = statements[-1]
        attribution = statement.attribution
        if attribution is None:
            continue
        n = statement.paragraph
        others = pick_distractors(
            ctx, ctx.facts.listable, avoid=[source.source.id], paragraphs=[n, attribution.paragraph], limit=1
        )
        if not others:
            continue
        other = others[0]
        used.add(n)
        words = snippet(said(statement), 14)
        index = len(questions) // 2 + 1
        questions.append(_reported(f"reported-true-{index}", source, statement.paragraph, words, attribution.text, True))
        questions.append(_reported(f"reported-false-{index}", other, statement.paragraph, words, attribution.text, False, source))
    return questions


def _reported(
    qid: str, named: SourceFacts, n: int, words: str, attribution: str, answer: bool, speaker: SourceFacts | None = None
) -> TrueFalse:
    who = mid(speaker.label if speaker is not None else named.label)
    return TrueFalse(
        id=qid,
        type=QuestionType.TRUE_FALSE,
        prompt=f"True or false: according to P{n}, {mid(named.label)} said this: “{words}”",
        answer=answer,
        feedback=TrueFalseFeedback(
            when_true=("Right. " if answer else f"Read P{n} to the attribution. ")
            + f"P{n} says: “{attribution}”: the words are {who}'s.",
            when_false=("Right. " if not answer else f"Read P{n} again. ")
            + f"P{n} says: “{attribution}”: the words are {who}'s.",
        ),
        explanation=(
            "Before weighing what is said, be sure who says it: the attribution may come before, inside or after the words."
        ),
        paragraphs=[n],
    )


def speaks_or_mentioned(ctx: QuestionContext) -> list[Question]:
    """Multiple select: which of these people speak in the article (the others are only talked about)."""
    terms = article_terms(ctx.analysis)
    speakers = [f for f in ctx.facts.listable if f.full_name and f.shape.value == "person"][:3]
    if len(speakers) < 2:
        return []
    mentioned = []
    for term in terms:
        if len(term.text.split()) != 2 or not all(w[:1].isupper() and w[1:].islower() for w in term.text.split()):
            continue
        if not _named_as_person(ctx, term.text):
            continue
        words = {w.removesuffix("'s") for w in re.findall(r"[a-z][a-z'-]+", norm(term.text))}
        if any(words & f.words or words & {norm(w) for w in f.label.split()} for f in ctx.facts.sources.values()):
            continue  # a source's name: may speak under another form
        if norm(term.text) == norm(ctx.analysis.article.byline or ""):
            continue
        # Every paragraph naming this person must attribute its statements clearly (no "he said" that could be them).
        places = [p.n for p in ctx.analysis.article.paragraphs if term.text in p.text]
        if any(
            s.source_id is not None and not ctx.facts.clear_speaker(s) for n in places for s in ctx.facts.by_paragraph.get(n, [])
        ):
            continue
        if places:
            mentioned.append((term, places))
        if len(mentioned) >= 2:
            break
    if not mentioned:
        return []
    options: list[tuple[int, Option]] = []
    for f in speakers:
        p = ctx.facts.first_paragraph(f.source.id)
        options.append((p, Option(text=f.label, correct=True, feedback=f"Right: {f.label} speaks in P{p}.")))
    for term, places in mentioned:
        options.append(
            (
                places[0],
                Option(
                    text=term.text,
                    feedback=f"{term.text} is talked about (P{places[0]}), but the article reports no words of theirs.",
                ),
            )
        )
    options.sort(key=lambda pair: (pair[0], pair[1].text))
    return [
        MultipleSelect(
            id="speaks-or-mentioned",
            type=QuestionType.MULTIPLE,
            prompt=(
                "Which of these people speak in the article (their words or views are "
                "reported)? The others are only talked about."
            ),
            options=[o for _p, o in options],
            explanation=(
                "Being talked about is not the same as speaking. Notice who is described but never heard: "
                "the article gives you only others' account of them."
            ),
            paragraphs=sorted({p for p, _o in options}),
        )
    ]


def _named_as_person(ctx: QuestionContext, name: str) -> bool:
    """Whether the article prints the name as a person's: with a title, a role or an age next to it."""
    pattern = re.compile(
        rf"(?:\b(?:Mr|Mrs|Ms|Dr|President|Minister|Mayor|Governor|Senator|director|chief|leader|spokesperson|"
        rf"spokeswoman|spokesman|executive|founder|editor|Gov|Sen|Rep|Capt)\.?,?\s+{re.escape(name)}\b)|"
        rf"(?:\b{re.escape(name)},\s+(?:\d+|a|an|the)\b)",
    )
    return any(pattern.search(p.text) for p in ctx.analysis.article.paragraphs)


def _claim_sentence(claim: Claim) -> str:
    parts = []
    for support in claim.support:
        if support is Support.CONTESTED and claim.contested_by:
            parts.append(f"{', '.join(claim.contested_by)} denies all or part of it")
        else:
            parts.append(SUPPORT_MEANING[support])
    if not parts:
        return "The article shows no support for it."
    where = f" (see {', '.join(f'P{p}' for p in claim.support_paragraphs)})" if claim.support_paragraphs else ""
    return f"Support: {'; '.join(parts)}{where}."


def main_source_claim(ctx: QuestionContext) -> list[Question]:
    """Written answer: what the main source claims and what support the article shows."""
    if not ctx.facts.listable:
        return []
    main = ctx.facts.listable[0]
    statements = {(s.paragraph, s.text): s for s in ctx.facts.by_source.get(main.source.id, []) if ctx.facts.clear_speaker(s)}
    claims = [c for c in ctx.analysis.evidence if (c.paragraph, c.text) in statements]
    if not claims:
        return []
    claim = next((c for c in claims if Support.CONTESTED in c.support), claims[0])
    name = mid(main.label)
    labels = ", ".join(str(s) for s in claim.support) or "none"
    contest = (
        f"Says who contests it ({', '.join(claim.contested_by)})."
        if claim.contested_by
        else "Says whether anyone in the article contests it (here: no one is reported doing so)."
    )
    return [
        ShortAnswer(
            id="main-source-claim",
            type=QuestionType.SHORT_ANSWER,
            prompt=(
                f"In two or three sentences, say what {name} claims in "
                f"P{claim.paragraph} and what support the article shows for it."
            ),
            model_answer=(
                f"In P{claim.paragraph}, {name} claims: “{snippet(claim.text, 25)}”. It is {name}'s claim, reported by "
                f"the article, not a fact the article establishes. {_claim_sentence(claim)}"
            ),
            rubric=[
                f"Says that the claim is {name}'s, not the article's (P{claim.paragraph}).",
                f"Describes the support the article shows ({labels}).",
                contest,
            ],
            explanation=(
                "A claim is only as strong as what stands behind it. Separate who says it, what evidence the text "
                "describes, and who disputes it."
            ),
            paragraphs=sorted({claim.paragraph, *claim.support_paragraphs}),
        )
    ]


def fair_summary(ctx: QuestionContext) -> list[Question]:
    """Written summary with a rubric: every article supports it, so every course has a written answer."""
    return [
        ShortAnswer(
            id="fair-summary",
            type=QuestionType.SHORT_ANSWER,
            prompt=(
                "In three or four sentences, summarise what the article reports. For each point, give the paragraph "
                "it comes from (P1, P2, …) and say whether the article states it or reports someone saying it."
            ),
            model_answer=(
                "A fair summary says what happened in the article's own terms, with a paragraph number for each point, "
                'and keeps apart what the article states as fact and what it reports a source claiming ("X says …"). '
                "It adds nothing the article does not say."
            ),
            rubric=[
                "Gives a paragraph number for each point.",
                "Keeps the article's own statements apart from what its sources claim.",
                "Adds no fact, judgement or motive that the article does not give.",
            ],
            explanation=(
                "A summary that names who claims what is the first check of a reading: a reader who cannot say where a "
                "point comes from cannot weigh it."
            ),
            paragraphs=[1],
        )
    ]


BUILDERS: Final = (reported, speaks_or_mentioned, main_source_claim, fair_summary)
"""The closing check's question builders, in the order their questions appear."""

__all__ = ["BUILDERS", "cap"]
