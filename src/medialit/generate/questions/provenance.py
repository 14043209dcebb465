"""Questions for the provenance chapter: what the page says about itself, who wrote it, where it came from.

The keys come from the article's provenance as the reader found it (byline, date, publisher,
republisher, the outlet a story relays): what a student can check on the page itself.
"""

from __future__ import annotations

import re
from typing import Final

from medialit.analysis.facts import SourceShape, norm
from medialit.generate.questions.common import QuestionContext, single_choice, snippet
from medialit.quiz.model import (
    FindInText,
    MultipleSelect,
    Option,
    Question,
    QuestionType,
    ShortAnswer,
    TrueFalse,
    TrueFalseFeedback,
)

PAGE_FACTS: Final = ("byline", "date", "publisher", "republisher", "relayed")
"""What a page may tell about itself, in the order the options list them."""
NOT_GIVEN: Final[dict[str, str]] = {
    "byline": "The page names no writer: there is no byline. A person quoted in the text is a source, not the author.",
    "date": "The page gives no date of publication. A day named inside the story says when something happened, "
    "not when the article appeared.",
    "publisher": "The page does not name a first publisher. The site you read it on is not necessarily the one that "
    "published it first.",
    "republisher": "Nothing on the page names a site that republished it. A page that names its publisher is not "
    "for that reason a copy.",
    "relayed": "The page names no other outlet whose report this one passes on. Quoting people is not the same as "
    "passing on another outlet's report.",
}
"""Feedback for ticking a fact the page does not give: the mistake that the tick most likely rests on."""


def _page_facts(ctx: QuestionContext) -> dict[str, tuple[str, str | None]]:
    """Each fact: the option's text and what the page gives (None: the page does not say)."""
    article = ctx.analysis.article
    provenance = article.provenance
    date = f"{provenance.original_date:%-d %B %Y}" if provenance.original_date else None
    return {
        "byline": ("Who wrote the article", article.byline),
        "date": ("When it was published", date),
        "publisher": ("Who first published it", provenance.original_publisher),
        "republisher": ("That another site republished it", provenance.republisher),
        "relayed": ("That it passes on another outlet's reporting", provenance.relayed_from),
    }


def page_tells(ctx: QuestionContext) -> list[Question]:
    """Multiple select: which of these facts the page gives about itself (true/false when it gives none)."""
    facts = _page_facts(ctx)
    given = [name for name in PAGE_FACTS if facts[name][1]]
    if not given:
        return [
            TrueFalse(
                id="page-tells",
                type=QuestionType.TRUE_FALSE,
                prompt="True or false: the page says who wrote the article, when it was published, or who published it.",
                answer=False,
                feedback=TrueFalseFeedback(
                    when_true="Look again: the page gives no byline, no date and no publisher.",
                    when_false="Right. The page gives no byline, no date and no publisher: P1 is all there is to start from.",
                ),
                explanation=(
                    "A page that does not say who wrote a text, when, or who published it gives a reader nothing to "
                    "check. Look for the same story elsewhere before trusting or sharing it."
                ),
                paragraphs=[1],
            )
        ]
    options = []
    for name in PAGE_FACTS:
        text, value = facts[name]
        if value:
            options.append(Option(text=text, correct=True, feedback=f"Right: the page gives it: {value}."))
        else:
            options.append(Option(text=text, feedback=NOT_GIVEN[name]))
    return [
        MultipleSelect(
            id="page-tells",
            type=QuestionType.MULTIPLE,
            prompt=(
                "Which of these does the page itself tell you? Look at the lines around "
                "the article: the byline, the date, the credits."
            ),
            options=options,
            explanation=(
                "What the page says about itself is the start of every check: a named writer and publisher can be "
                "looked up, a date tells you whether the story is still news. What it leaves out, you must find elsewhere."
            ),
            paragraphs=[1],
        )
    ]


def who_wrote(ctx: QuestionContext) -> list[Question]:
    """Single choice: who wrote the article, against people the article quotes (the writer is not a source)."""
    byline = ctx.analysis.article.byline
    if not byline:
        return []
    people = [
        f
        for f in ctx.facts.listable
        if f.shape is SourceShape.PERSON and f.full_name and not set(norm(byline).split()) & set(norm(f.label).split())
    ][:3]
    if len(people) < 2:
        return []
    key = Option(text=byline, correct=True, feedback=f"Right: the byline names {byline} as the writer.")
    wrong = [
        Option(
            text=p.label,
            feedback=(
                f"{p.label} is quoted in the article "
                f"(P{ctx.facts.first_paragraph(p.source.id)}), not its writer: look at the byline."
            ),
        )
        for p in people
    ]
    return single_choice(
        ctx.seed,
        "who-wrote",
        "Who wrote this article, according to the page?",
        key,
        wrong,
        explanation=f"The byline names the writer ({byline}). The people quoted are sources: the writer chose what to "
        "ask them and which of their words to print.",
        paragraphs=sorted({ctx.facts.first_paragraph(p.source.id) for p in people}),
    )


def first_publisher(ctx: QuestionContext) -> list[Question]:
    """Single choice: who first published a republished text."""
    provenance = ctx.analysis.article.provenance
    if not (provenance.original_publisher and provenance.republisher):
        return []
    key = Option(
        text=provenance.original_publisher,
        correct=True,
        feedback=(
            f"Right: the page says {provenance.original_publisher} published it first; {provenance.republisher} republished it."
        ),
    )
    wrong = [
        Option(
            text=provenance.republisher,
            feedback=f"{provenance.republisher} republished the text; the page says it first appeared elsewhere.",
        ),
        Option(
            text="The page does not say",
            feedback=f"It does: the page names {provenance.original_publisher} as the first publisher.",
        ),
    ]
    return single_choice(
        ctx.seed,
        "first-publisher",
        "This page is a copy. Who first published the text?",
        key,
        wrong,
        explanation="A republished text may be shortened, retitled or framed by the site that copies it. Find the original "
        "and compare: is it the same text, with the same headline?",
        paragraphs=[1],
    )


def relayed_from(ctx: QuestionContext) -> list[Question]:
    """Find in the text: the paragraph that says another outlet reported the story first."""
    outlet = ctx.analysis.article.provenance.relayed_from
    if not outlet:
        return []
    paragraphs = ctx.analysis.article.paragraphs
    where = [p.n for p in paragraphs if outlet in p.text]
    if not where:
        return []
    answer = where[0]
    wrong = [p.n for p in paragraphs if p.n != answer and outlet not in p.text and not re.search(r"\breport", p.text, re.I)]
    wrong = sorted(sorted(wrong, key=lambda n: (abs(n - answer), n))[:3])
    if len(wrong) < 2:
        return []
    return [
        FindInText(
            id="relayed-from",
            type=QuestionType.FIND_IN_TEXT,
            prompt="Select the paragraph that says the story was first reported by another outlet.",
            answer=[answer],
            candidates=sorted([answer, *wrong]),
            feedback={n: f"P{n} does not say where the story first came from." for n in wrong},
            explanation=(
                f"P{answer} names {outlet}: the article passes on another outlet's reporting. What the article "
                "reports, its writer may not have checked; the first report is the one to find."
            ),
            paragraphs=[answer],
        )
    ]


def first_person(ctx: QuestionContext) -> list[Question]:
    """True/false: in this paragraph the writer speaks as "I" about what they saw or did."""
    statement = next(iter(ctx.facts.first_person_sentences()), None)
    if statement is None:
        return []
    n = statement.paragraph
    return [
        TrueFalse(
            id="first-person",
            type=QuestionType.TRUE_FALSE,
            prompt=(
                f"True or false: in P{n} the writer speaks as “I”, about what they did, "
                f"saw or think (“{snippet(statement.text, 10)}”)."
            ),
            answer=True,
            feedback=TrueFalseFeedback(
                when_true=f"Right: P{n} is the writer's own account, with no one else named as its source.",
                when_false=f"Read P{n} again: “{snippet(statement.text, 14)}” is the writer speaking as “I”.",
            ),
            explanation=(
                "A writer who says “I” tells you what they saw or think. That is a source too: ask what they were "
                "in a position to see, and what they could not."
            ),
            paragraphs=[n],
        )
    ]


def provenance_plan(ctx: QuestionContext) -> list[Question]:
    """Written task with a rubric: what to check before sharing, built on what the page does and does not say."""
    facts = _page_facts(ctx)
    missing = [facts[name][0].lower() for name in ("byline", "date", "publisher") if not facts[name][1]]
    given = {name: value for name, (_text, value) in facts.items() if value}
    points = []
    if missing:
        points.append(f"The page does not say {', '.join(missing)}: find it elsewhere.")
    if "republisher" in given:
        points.append(f"Find the original at {given['publisher']} and compare it with {given['republisher']}'s copy.")
    if "relayed" in given:
        points.append(f"Find {given['relayed']}'s first report, which this article passes on.")
    if "publisher" in given and "republisher" not in given:
        points.append(f"Look {given['publisher']} up: who runs it, and what else does it publish?")
    points.append("Look for other reports of the same events, and for what the people and bodies named say themselves.")
    return [
        ShortAnswer(
            id="provenance-plan",
            type=QuestionType.SHORT_ANSWER,
            prompt="Before you trust or share this article, which two things would you check first, and where? Say why.",
            model_answer=" ".join(points),
            rubric=[
                "Names two checks, each with a place to look (a site, a search, an archive, the people named).",
                "Starts from what the page does and does not say about itself.",
                "Says why each check matters for trusting the article.",
            ],
            explanation=(
                "Provenance is who is behind a text and how it reached you. Checking it comes before judging what it says."
            ),
            paragraphs=[1],
        )
    ]


BUILDERS: Final = (page_tells, who_wrote, first_publisher, relayed_from, first_person, provenance_plan)
"""The provenance chapter's question builders, in the order their questions appear."""
