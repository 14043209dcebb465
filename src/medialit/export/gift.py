"""Moodle's GIFT format: one text file per bank, imported into a question category.

No maintained GIFT writer exists for Python, and the format is small, so it is written here.
Every text is HTML (the ``[html]`` marker) escaped to show exactly as written: ``&``, ``<`` and
``>`` become entities, so markup in a bank is text and never runs; then GIFT's own specials
(``~ = # { } :`` and the backslash) get a backslash. Each text stays on one line (a line break is
``<br>``), because a blank line ends a GIFT question.

GIFT carries no question marks: Moodle imports every question at 1 mark. The site's points are
kept as proportions (each answer's weight) and written in a comment above each question.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from medialit.article import Article
from medialit.errors import ExportError
from medialit.export.parts import Choice, paragraph_choices, points, position_parts, title
from medialit.quiz.layout import shown_options
from medialit.quiz.model import (
    FindInText,
    Matching,
    MultipleSelect,
    Ordering,
    Question,
    QuestionType,
    QuizBank,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from medialit.quiz.render_print import TYPE_NAMES

GIFT_SPECIALS: Final = "\\~=#{}:"
_GIFT_ESCAPES: Final = str.maketrans({char: "\\" + char for char in GIFT_SPECIALS})

MOODLE_DIVISORS: Final = frozenset({*range(1, 11), 20})
"""Numbers of right answers Moodle can weight: it accepts only its own grades (100%, 50%, 33.33333%,
25% … 10%, 5% and their negatives), and a right answer must weigh 100/k % for right minus wrong."""


def html_text(text: str) -> str:
    """Bank text as HTML that shows it verbatim, on one line.

    A leading ``[`` becomes an entity: Moodle and GIFT parsers read ``[html]`` at the start of any
    text as a format marker.
    """
    markup = html.escape(text.replace("\r\n", "\n").replace("\r", "\n"), quote=False).replace("\n", "<br>")
    return "&#91;" + markup[1:] if markup.startswith("[") else markup


def gift_escape(markup: str) -> str:
    """Backslash before every GIFT special, the backslash itself included."""
    return markup.translate(_GIFT_ESCAPES)


def _field(text: str) -> str:
    return gift_escape(html_text(text))


def _blocks(*paragraphs: str, items: Iterable[str] = ()) -> str:
    """Paragraphs (already HTML) and an optional list, for feedback that has several parts."""
    listed = "".join(f"<li>{item}</li>" for item in items)
    return "".join(f"<p>{p}</p>" for p in paragraphs) + (f"<ul>{listed}</ul>" if listed else "")


def _weight(percent: float) -> str:
    """A percentage as Moodle matches it against its grade list (to 5 decimals, no trailing zeros)."""
    return f"{percent:.5f}".rstrip("0").rstrip(".")


def _choice(prefix: str, choice: Choice) -> str:
    feedback = "" if choice.feedback is None else "#" + _field(choice.feedback)
    return f"\t{prefix}{_field(choice.text)}{feedback}"


def _single(choices: Iterable[Choice]) -> list[str]:
    return [_choice("=" if choice.correct else "~", choice) for choice in choices]


def _right_minus_wrong(question: Question, choices: list[Choice], source: Path) -> list[str]:
    """Weights that make Moodle's score the grader's: +100/k % per right pick, -100/k % per wrong one.

    Moodle adds the weights of the ticked boxes and never goes below 0, exactly as the grader does.
    """
    right = sum(choice.correct for choice in choices)
    if right not in MOODLE_DIVISORS:
        raise ExportError(
            source,
            f"{right} right answers: Moodle can weight 1 to 10, or 20, right answers in a multiple-select question",
            question=question.id,
        )
    share = _weight(100 / right)
    return [_choice(f"~%{share}%" if choice.correct else f"~%-{share}%", choice) for choice in choices]


def _question(name: str, stem: str, answers: list[str], general: str) -> list[str]:
    return [f"::{name}::[html]{stem}{{", *answers, f"\t####{gift_escape(general)}", "}"]


def _comment(question: Question, what: str, count: int | None = None) -> str:
    """``// multiple select (right minus wrong): 2 points in medialit``: the mark to give it in a Moodle quiz."""
    count = points(question) if count is None else count
    return f"// {TYPE_NAMES[QuestionType(question.type)]}{what}: {count} point{'s' * (count != 1)} in medialit"


def _matching(question: Matching) -> list[str]:
    """Native GIFT matching; a distractor is a right item with no left item (``= -> text``).

    Moodle shows right items in a menu as plain text, but entities still display as the characters
    they stand for, so they are escaped like every other text.
    """
    pairs = [f"\t={_field(pair.left)} -> {_field(pair.right)}" for pair in question.pairs]
    return pairs + [f"\t= -> {_field(distractor)}" for distractor in question.distractors]


def _matching_feedback(question: Matching) -> str:
    """GIFT matching has no per-pair feedback, so the pairs' feedback joins the explanation."""
    return _blocks(
        html_text(question.explanation),
        "When a match is wrong:",
        items=(f"{html_text(pair.left)}: {html_text(pair.feedback)}" for pair in question.pairs),
    )


def _short_answer_feedback(question: ShortAnswer) -> str:
    return _blocks(
        "<strong>Model answer</strong>",
        html_text(question.model_answer),
        "<strong>Rubric: one point for each item the answer meets</strong>",
        items=(html_text(item) for item in question.rubric),
    ) + _blocks(html_text(question.explanation))


def question_blocks(bank: QuizBank, question: Question, article: Article, source: Path) -> list[list[str]]:
    """The GIFT questions for one bank question: one, or one per position for ordering."""
    name = title(bank, question)
    prompt = _field(question.prompt)
    explained = _blocks(html_text(question.explanation))
    match question:
        case SingleChoice():
            choices = [Choice(o.text, o.correct, o.feedback) for o in shown_options(question)]
            return [[_comment(question, ""), *_question(name, prompt, _single(choices), explained)]]
        case MultipleSelect():
            choices = [Choice(o.text, o.correct, o.feedback) for o in shown_options(question)]
            answers = _right_minus_wrong(question, choices, source)
            return [[_comment(question, " (right minus wrong)"), *_question(name, prompt, answers, explained)]]
        case TrueFalse():
            # GIFT: {T#feedback for a wrong answer#feedback for a right answer}.
            fb = question.feedback
            wrong, right = (fb.when_false, fb.when_true) if question.answer else (fb.when_true, fb.when_false)
            answer = f"\t{'T' if question.answer else 'F'}#{_field(wrong)}#{_field(right)}"
            return [[_comment(question, ""), *_question(name, prompt, [answer], explained)]]
        case Matching():
            general = _matching_feedback(question)
            return [[_comment(question, " (one per pair)"), *_question(name, prompt, _matching(question), general)]]
        case Ordering():
            blocks = []
            for part in position_parts(question):
                stem = gift_escape(_blocks(html_text(question.prompt), part.ask))
                comment = _comment(question, f", position {part.number} of {len(question.items)}", 1)
                blocks.append([comment, *_question(title(bank, question, part.number), stem, _single(part.choices), explained)])
            return blocks
        case FindInText():
            answers = _right_minus_wrong(question, paragraph_choices(question, article), source)
            return [[_comment(question, " (right minus wrong)"), *_question(name, prompt, answers, explained)]]
        case ShortAnswer():
            general = _short_answer_feedback(question)
            return [[_comment(question, " (marked by hand)"), *_question(name, prompt, [], general)]]
    raise TypeError(f"not a question: {question!r}")  # pragma: no cover - the union is exhaustive


def category(bank: QuizBank) -> str:
    """``$CATEGORY: medialit/<bank title>``; a ``/`` in the title is doubled, Moodle's escape in category paths."""
    return "$CATEGORY: medialit/" + " ".join(bank.title.split()).replace("/", "//")


def to_gift(bank: QuizBank, article: Article, source: Path) -> str:
    """The whole bank as one GIFT file: its category, then every question, blank lines between."""
    header = [
        f"// medialit quiz bank '{bank.id}' for Moodle: Question bank > Import > GIFT.",
        "// Moodle imports each question at 1 mark; the comment above each question gives its points in medialit.",
        category(bank),
    ]
    blocks = [header]
    for question in bank.questions:
        blocks += question_blocks(bank, question, article, source)
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
