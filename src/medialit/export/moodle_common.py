"""What Moodle's two formats, GIFT and Moodle XML, share: bank text as HTML, answer weights, category, feedback blocks.

Both formats give Moodle HTML texts, so every bank text goes through :func:`html_text` (markup in a
bank is shown, never run); each format then adds its own escaping (GIFT's backslashes, or the XML
writer's entities). Both weight the answers of a multiple-select question from Moodle's list of
grades, and both name the bank's question category the same way.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

from medialit.errors import ExportError
from medialit.export.parts import Choice
from medialit.quiz.model import Matching, Question, QuizBank, ShortAnswer

MOODLE_DIVISORS: Final = frozenset({*range(1, 11), 20})
"""Numbers of right answers Moodle can weight: it accepts only its own grades (100%, 50%, 33.33333%,
25% … 10%, 5% and their negatives), and a right answer must weigh 100/k % for right minus wrong."""

WRONG_MATCH: Final = "When a match is wrong:"
"""Heads the list of the pairs' feedback (Moodle's matching question has no feedback per pair)."""


def html_text(text: str) -> str:
    """Bank text as HTML that shows it verbatim, on one line.

    A leading ``[`` becomes an entity: Moodle and GIFT parsers read ``[html]`` at the start of any
    text as a format marker.
    """
    markup = html.escape(text.replace("\r\n", "\n").replace("\r", "\n"), quote=False).replace("\n", "<br>")
    return "&#91;" + markup[1:] if markup.startswith("[") else markup


def blocks(*paragraphs: str, items: Iterable[str] = ()) -> str:
    """Paragraphs (already HTML) and an optional list, for feedback that has several parts."""
    listed = "".join(f"<li>{item}</li>" for item in items)
    return "".join(f"<p>{p}</p>" for p in paragraphs) + (f"<ul>{listed}</ul>" if listed else "")


def weight(percent: float) -> str:
    """A percentage as Moodle matches it against its grade list (to 5 decimals, no trailing zeros)."""
    return f"{percent:.5f}".rstrip("0").rstrip(".")


def right_minus_wrong_share(question: Question, choices: Sequence[Choice], source: Path) -> str:
    """The weight of one right answer, 100/k % for k right answers (``"33.33333"``), so right minus wrong adds up.

    Moodle adds the weights of the ticked boxes and never goes below 0, exactly as the grader does,
    when each right answer weighs +100/k % and each wrong one -100/k %. ExportError when Moodle has
    no grade of 100/k %.
    """
    right = sum(choice.correct for choice in choices)
    if right not in MOODLE_DIVISORS:
        raise ExportError(
            source,
            f"{right} right answers: Moodle can weight 1 to 10, or 20, right answers in a multiple-select question",
            question=question.id,
        )
    return weight(100 / right)


def category_path(bank: QuizBank) -> str:
    """``medialit/<bank title>``; a ``/`` in the title is doubled, Moodle's escape in category paths."""
    return "medialit/" + " ".join(bank.title.split()).replace("/", "//")


def pair_feedback(question: Matching) -> Iterable[str]:
    """``left item: feedback`` (HTML) for each pair, the list under :data:`WRONG_MATCH`."""
    return (f"{html_text(pair.left)}: {html_text(pair.feedback)}" for pair in question.pairs)


def rubric_and_model_answer(question: ShortAnswer) -> str:
    """The model answer, then the rubric as a list (HTML)."""
    return blocks(
        "<strong>Model answer</strong>",
        html_text(question.model_answer),
        "<strong>Rubric: one point for each item the answer meets</strong>",
        items=(html_text(item) for item in question.rubric),
    )
