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

from collections.abc import Iterable
from pathlib import Path
from typing import Final

from medialit.article import Article
from medialit.export.moodle_common import (
    WRONG_MATCH,
    blocks,
    category_path,
    html_text,
    pair_feedback,
    right_minus_wrong_share,
    rubric_and_model_answer,
)
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


def gift_escape(markup: str) -> str:
    """Backslash before every GIFT special, the backslash itself included."""
    return markup.translate(_GIFT_ESCAPES)


def _field(text: str) -> str:
    return gift_escape(html_text(text))


def _choice(prefix: str, choice: Choice) -> str:
    feedback = "" if choice.feedback is None else "#" + _field(choice.feedback)
    return f"\t{prefix}{_field(choice.text)}{feedback}"


def _single(choices: Iterable[Choice]) -> list[str]:
    return [_choice("=" if choice.correct else "~", choice) for choice in choices]


def _right_minus_wrong(question: Question, choices: list[Choice], source: Path) -> list[str]:
    """+100/k % per right answer, -100/k % per wrong one (see :func:`right_minus_wrong_share`)."""
    share = right_minus_wrong_share(question, choices, source)
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
    return blocks(html_text(question.explanation), WRONG_MATCH, items=pair_feedback(question))


def _short_answer_feedback(question: ShortAnswer) -> str:
    return rubric_and_model_answer(question) + blocks(html_text(question.explanation))


def question_blocks(bank: QuizBank, question: Question, article: Article, source: Path) -> list[list[str]]:
    """The GIFT questions for one bank question: one, or one per position for ordering."""
    name = title(bank, question)
    prompt = _field(question.prompt)
    explained = blocks(html_text(question.explanation))
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
            parts = []
            for part in position_parts(question):
                stem = gift_escape(blocks(html_text(question.prompt), part.ask))
                comment = _comment(question, f", position {part.number} of {len(question.items)}", 1)
                parts.append([comment, *_question(title(bank, question, part.number), stem, _single(part.choices), explained)])
            return parts
        case FindInText():
            answers = _right_minus_wrong(question, paragraph_choices(question, article), source)
            return [[_comment(question, " (right minus wrong)"), *_question(name, prompt, answers, explained)]]
        case ShortAnswer():
            general = _short_answer_feedback(question)
            return [[_comment(question, " (marked by hand)"), *_question(name, prompt, [], general)]]
    raise TypeError(f"not a question: {question!r}")  # pragma: no cover - the union is exhaustive


def category(bank: QuizBank) -> str:
    """``$CATEGORY: medialit/<bank title>``; a ``/`` in the title is doubled, Moodle's escape in category paths."""
    return "$CATEGORY: " + category_path(bank)


def to_gift(bank: QuizBank, article: Article, source: Path) -> str:
    """The whole bank as one GIFT file: its category, then every question, blank lines between."""
    header = [
        f"// medialit quiz bank '{bank.id}' for Moodle: Question bank > Import > GIFT.",
        "// Moodle imports each question at 1 mark; the comment above each question gives its points in medialit.",
        category(bank),
    ]
    sections = [header]
    for question in bank.questions:
        sections += question_blocks(bank, question, article, source)
    return "\n\n".join("\n".join(section) for section in sections) + "\n"
