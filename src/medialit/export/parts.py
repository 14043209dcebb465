"""What both LMS formats share: titles, points, paragraph choices, and the per-part fallbacks.

No LMS has a "find in the text" question, text2qti (our QTI writer) can write no matching or
ordering question, and GIFT has no ordering question. Each is exported as questions the LMS does
have, chosen so that the LMS's own scoring adds up to exactly the points of
:mod:`medialit.quiz.grade`:

* ordering becomes one single-choice question per position ("Which comes 2nd?", every item
  offered): one point per item in its place, as in the grader;
* matching (QTI only) becomes one single-choice question per left item (every right item and
  distractor offered): one point per pair, as in the grader;
* find-in-text becomes a multiple-select question over the paragraphs offered, scored right
  minus wrong like multiple select.

Our ordering takes a permutation, while the positions of the fallback are answered one by one (a
student may name the same item twice). That changes no score: a position earns its point only
for the item that belongs there, in both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from medialit.article import Article
from medialit.quiz.grade import grade, right_items
from medialit.quiz.layout import find_candidates, matching_choices, ordering_start
from medialit.quiz.model import FindInText, Matching, Ordering, Question, QuizBank

LABEL_WORDS: Final = 10
"""Words of a paragraph shown in a find-in-text choice ("P16: Serbia has denied that …")."""


@dataclass(frozen=True)
class Choice:
    """One answer an LMS offers, whether it is right, and what a student who picks it reads."""

    text: str
    correct: bool
    feedback: str | None = None


@dataclass(frozen=True)
class Part:
    """One single-choice LMS question cut from a matching or ordering question."""

    number: int
    """From 1: the position (ordering) or the left item (matching)."""
    ask: str
    """What this part asks, shown under the bank's prompt."""
    choices: tuple[Choice, ...]


def title(bank: QuizBank, question: Question, part: int | None = None) -> str:
    """The LMS question name: ``bank-id/question-id``, with ``/n`` for the parts of a split question."""
    name = f"{bank.id}/{question.id}"
    return name if part is None else f"{name}/{part}"


def points(question: Question) -> int:
    """The grader's maximum for the question, which the export keeps."""
    return grade(question, None).max_points


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def position_parts(question: Ordering) -> list[Part]:
    """One part per position; choices in the order the site first shows the items (never the key).

    Choosing an item for the wrong position shows that item's "out of place" feedback.
    """
    shown = ordering_start(question)
    parts = []
    for position in range(len(question.items)):
        choices = tuple(
            Choice(question.items[i].text, i == position, None if i == position else question.items[i].feedback) for i in shown
        )
        parts.append(Part(position + 1, f"Which comes {ordinal(position + 1)}?", choices))
    return parts


def pair_parts(question: Matching) -> list[Part]:
    """One part per left item; every right item and distractor offered, in the site's order.

    A wrong match shows the pair's feedback, the bank's text for "this left item matched wrongly".
    """
    rights = right_items(question)
    shown = matching_choices(question)
    return [
        Part(i + 1, pair.left, tuple(Choice(rights[j], j == i, None if j == i else pair.feedback) for j in shown))
        for i, pair in enumerate(question.pairs)
    ]


def paragraph_label(article: Article, number: int) -> str:
    """``P16: Serbia has denied that mercenaries from the Wagner Group have had …``"""
    words = article.paragraph(number).text.split()
    head = " ".join(words[:LABEL_WORDS])
    return f"P{number}: {head}{' …' if len(words) > LABEL_WORDS else ''}"


def paragraph_choices(question: FindInText, article: Article) -> list[Choice]:
    """The paragraphs offered (the candidates, or all), right when in the answer, with wrong-pick feedback."""
    return [
        Choice(paragraph_label(article, n), n in question.answer, question.feedback.get(n))
        for n in find_candidates(question, article)
    ]
