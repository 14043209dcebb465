"""Questions for the comparisons chapter: who draws each argued analogy, where, and how to test it.

Only the analysis's analogies count (comparisons someone argues from, never a passing simile).
Without one, the chapter's quiz is a written task: the student brings a comparison of their own
and tests it, so no question asks about a comparison the article does not make.
"""

from __future__ import annotations

from typing import Final

from medialit.analysis.findings import Analogy
from medialit.analysis.framing import find_terms
from medialit.analysis.lexicon import ANALOGY_MARKERS
from medialit.analysis.model import Statement
from medialit.generate.questions.common import (
    MAX_OPTIONS,
    QuestionContext,
    cap,
    distinct_options,
    mid,
    paragraph_names,
    pick_distractors,
    place_key,
)
from medialit.quiz.model import (
    FindInText,
    Option,
    Question,
    QuestionType,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
    TrueFalseFeedback,
)

WRITER: Final = "The article itself"
"""The option for a comparison in the article's own voice: as short as a name, so that its length gives nothing away."""


def _owner(ctx: QuestionContext, analogy: Analogy) -> Statement | None:
    return next(
        (
            s
            for s in ctx.facts.by_paragraph.get(analogy.paragraph, [])
            if s.start <= analogy.start < max(s.end, analogy.start + 1)
        ),
        None,
    )


def _certain_speaker(ctx: QuestionContext, analogy: Analogy) -> tuple[str | None, Statement] | None:
    """Who draws the analogy, when that is sure: a clearly named source, or the writer (None)."""
    owner = _owner(ctx, analogy)
    if owner is None:
        return None
    if owner.source_id is None:
        return None, owner
    if ctx.facts.clear_speaker(owner) and ctx.source(owner.source_id).listable:
        return owner.source_id, owner
    # A continuation of the source's quotation: sure when the paragraph's only speaker is named there or just before.
    named = [
        s
        for s in ctx.facts.by_paragraph.get(analogy.paragraph, [])
        if s.source_id == owner.source_id and ctx.facts.clear_speaker(s)
    ]
    if named and ctx.source(owner.source_id).listable and ctx.facts.speakers_in(analogy.paragraph) == {owner.source_id}:
        return owner.source_id, owner
    return None


def analogy_who(ctx: QuestionContext) -> list[Question]:
    """Single choice: who draws this comparison (a source, or the writer in the article's own voice)."""
    questions: list[Question] = []
    for analogy in ctx.analysis.analogies:
        if len(questions) >= 2:
            break
        found = _certain_speaker(ctx, analogy)
        if found is None:
            continue
        speaker, _owner_statement = found
        n = analogy.paragraph
        qid = f"analogy-who-{len(questions) + 1}"
        avoid = [speaker] if speaker is not None else []
        distractors = pick_distractors(ctx, ctx.facts.listable, avoid=avoid, paragraphs=[n], limit=MAX_OPTIONS - 2)
        if speaker is None:
            key = Option(text=WRITER, correct=True, feedback=f"Right. No one is named as the source of the comparison in P{n}.")
        else:
            label = ctx.label(speaker)
            key = Option(text=label, correct=True, feedback=f"Right. P{n} gives the comparison to {mid(label)}.")
        wrong = [
            Option(text=d.label, feedback=f"{cap(mid(d.label))} does not speak in P{n}; read P{n} for who draws the comparison.")
            for d in distractors
        ]
        if speaker is not None:
            wrong.append(
                Option(
                    text=WRITER, feedback=f"P{n} gives the comparison to {mid(ctx.label(speaker))}, not to the article itself."
                )
            )
        if len(wrong) < 2:
            continue
        options = distinct_options(place_key(key, wrong, f"{ctx.seed}:{qid}"))
        if options is None:
            continue
        questions.append(
            SingleChoice(
                id=qid,
                type=QuestionType.SINGLE,
                prompt=(
                    f"In P{n}, the article compares the story with “{analogy.source}” "
                    f"(“{analogy.marker}”). Who draws this comparison?"
                ),
                options=options,
                explanation=(
                    "A comparison persuades: it carries what a reader knows about one case over to another. Who draws "
                    "it matters, because the comparison helps them argue something."
                ),
                paragraphs=[n],
            )
        )
    return questions


def analogy_find(ctx: QuestionContext) -> list[Question]:
    """Find in the text: the paragraphs where the article compares its story with another case."""
    answer = sorted({a.paragraph for a in ctx.analysis.analogies})
    if not answer:
        return []
    near = [
        p.n
        for p in ctx.analysis.article.paragraphs
        if p.n not in answer and not find_terms(p.text, ANALOGY_MARKERS) and not any(abs(p.n - a) == 0 for a in answer)
    ]
    near.sort(key=lambda n: (min(abs(n - a) for a in answer), n))
    wrong = sorted(near[: max(2, 5 - len(answer))])
    if len(wrong) < 2:
        return []
    return [
        FindInText(
            id="analogy-find",
            type=QuestionType.FIND_IN_TEXT,
            prompt="Select every paragraph in which the article compares its story with another case.",
            answer=answer,
            candidates=sorted([*answer, *wrong]),
            feedback={n: f"P{n} makes no comparison with another case." for n in wrong},
            explanation=(
                "Comparisons are marked by words such as “bear parallels to”, “the same playbook”, “a copy cat”: "
                f"{paragraph_names(answer)}."
            ),
            paragraphs=answer,
        )
    ]


def analogy_own_voice(ctx: QuestionContext) -> list[Question]:
    """True/false: the article draws this comparison in its own voice."""
    for analogy in ctx.analysis.analogies:
        found = _certain_speaker(ctx, analogy)
        if found is None:
            continue
        speaker, _statement = found
        n = analogy.paragraph
        who = "no one else: the article itself" if speaker is None else mid(ctx.label(speaker))
        return [
            TrueFalse(
                id="analogy-own-voice",
                type=QuestionType.TRUE_FALSE,
                prompt=(
                    f"True or false: the comparison with “{analogy.source}” in P{n} is "
                    "made by the article itself, in its own voice."
                ),
                answer=speaker is None,
                feedback=TrueFalseFeedback(
                    when_true=("Right. " if speaker is None else f"Read P{n} again. ") + f"P{n} gives it to {who}.",
                    when_false=("Right. " if speaker is not None else f"Read P{n} again. ") + f"P{n} gives it to {who}.",
                ),
                explanation=(
                    "A comparison in the article's own voice is the publisher's framing; one drawn by a source is that "
                    "source's argument, reported."
                ),
                paragraphs=[n],
            )
        ]
    return []


def analogy_test(ctx: QuestionContext) -> list[Question]:
    """Written task: test the article's first argued comparison with the five scaffold questions."""
    if not ctx.analysis.analogies:
        return []
    analogy = ctx.analysis.analogies[0]
    n = analogy.paragraph
    return [
        ShortAnswer(
            id="analogy-test",
            type=QuestionType.SHORT_ANSWER,
            prompt=(
                f"Test the comparison in P{n} with “{analogy.source}”. In a short paragraph: what is said to be alike, "
                "what is different, what is known, unclear or presumed, and who the comparison helps."
            ),
            model_answer=(
                f"A good answer quotes what P{n} says is alike, names at least one difference (from the text or from "
                "well-established outside facts, marked as such), separates what is known from what is presumed, and "
                "says who draws the comparison and what it helps them argue."
            ),
            rubric=[cap(q) for q in analogy.scaffold[:4]],
            explanation="A comparison is a claim too: it can be tested like any other, against the text and what else is known.",
            paragraphs=[n],
        )
    ]


def context_comparison(ctx: QuestionContext) -> list[Question]:
    """Written task when the article argues from no comparison: the student brings one and tests it."""
    if ctx.analysis.analogies:
        return []
    return [
        ShortAnswer(
            id="context-comparison",
            type=QuestionType.SHORT_ANSWER,
            prompt=(
                "The article compares its story with no other case. Which earlier event does it remind you of? "
                "Name it, then say one way in which the two are alike and one way in which they differ."
            ),
            model_answer=(
                "A good answer names a real earlier event, gives one likeness and one difference, each checked "
                "against the article's paragraphs and a named outside source, and says whether the comparison helps "
                "understand the story or would mislead."
            ),
            rubric=[
                "Names a real earlier event, with a source a reader could check.",
                "Gives one likeness and one difference, each tied to a paragraph of the article.",
                "Says whether the comparison helps understanding or could mislead, and why.",
            ],
            explanation="Readers bring comparisons to every story. Testing your own is practice for testing those others make.",
            paragraphs=[1],
        )
    ]


BUILDERS: Final = (analogy_who, analogy_find, analogy_own_voice, analogy_test, context_comparison)
"""The comparisons chapter's question builders, in the order their questions appear."""
