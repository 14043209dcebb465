"""Print rendering of a quiz bank: a student sheet without answers, or a teacher key with them.

The result is one standalone HTML5 document (inline print CSS, no external resources) that a later
step prints to PDF. Display orders come from :mod:`medialit.quiz.layout`, so paper shows the same
order as the screen, and nothing is random or dated: the same bank gives the same bytes.

All bank text reaches the page through Jinja2 autoescaping as data, never as template source, so
HTML, ``{{ ... }}`` and MyST syntax in a bank are printed literally.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from importlib.resources import files
from string import ascii_uppercase
from typing import Final

from jinja2 import Environment, PackageLoader, StrictUndefined

from medialit.article import Article, paragraph_labels
from medialit.quiz.grade import grade, right_items
from medialit.quiz.layout import element_id, find_candidates, matching_choices, ordering_start, shown_options, true_false_order
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

WRITING_LINES: Final = 6
"""Ruled lines printed under a short-answer question on the student sheet."""

SCORING_RULES: Final[dict[QuestionType, str]] = {
    QuestionType.SINGLE: "1 point for the right answer, else 0.",
    QuestionType.TRUE_FALSE: "1 point for the right answer, else 0.",
    QuestionType.MULTIPLE: (
        "+1 for each correct option chosen, -1 for each wrong option chosen, never below 0; out of the number of"
        " correct options. Ticking every box therefore earns nothing more than the right boxes alone."
    ),
    QuestionType.MATCHING: "1 point per left item matched to its right item.",
    QuestionType.ORDERING: "1 point per item in its correct position.",
    QuestionType.FIND_IN_TEXT: (
        "as multiple select: +1 per answer paragraph chosen, -1 per other paragraph chosen, never below 0;"
        " out of the number of answer paragraphs."
    ),
    QuestionType.SHORT_ANSWER: "self-assessed: 1 point per rubric item the student ticks.",
}
"""The grader's rules (the table in :mod:`medialit.quiz.grade`'s docstring), word for word."""

TYPE_NAMES: Final[dict[QuestionType, str]] = {
    QuestionType.SINGLE: "single choice",
    QuestionType.MULTIPLE: "multiple select",
    QuestionType.TRUE_FALSE: "true or false",
    QuestionType.MATCHING: "matching",
    QuestionType.ORDERING: "ordering",
    QuestionType.FIND_IN_TEXT: "find in the text",
    QuestionType.SHORT_ANSWER: "short written answer",
}


@dataclass(frozen=True)
class Choice:
    """An option (or true/false answer) as printed: its text, whether it is right, its feedback."""

    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Lettered:
    """A right-hand matching choice with the letter students write."""

    letter: str
    text: str


@dataclass(frozen=True)
class MatchRow:
    """A left matching item, the letter of its right match, and the feedback for a wrong match."""

    left: str
    letter: str
    right: str
    feedback: str


@dataclass(frozen=True)
class OrderRow:
    """An ordering item where it is printed, with its correct position (from 1)."""

    text: str
    position: int
    feedback: str | None


@dataclass(frozen=True)
class Cited:
    """A paragraph that justifies the key, quoted verbatim."""

    label: str
    text: str


@dataclass(frozen=True)
class PrintedQuestion:
    """One question with everything the template prints for it, orders already fixed."""

    number: int
    anchor: str
    type: str
    type_name: str
    prompt: str
    explanation: str
    points: int
    rule: str
    cited: tuple[Cited, ...]
    choices: tuple[Choice, ...] = ()
    """single, multiple, true-false."""
    matches: tuple[MatchRow, ...] = ()
    letters: tuple[Lettered, ...] = ()
    """matching: right-hand choices in display order."""
    order: tuple[OrderRow, ...] = ()
    """ordering: items in display order."""
    order_key: tuple[str, ...] = ()
    """ordering: items in the correct order."""
    offered: str = ""
    """find-in-text: the paragraphs offered, as text."""
    answer: str = ""
    """find-in-text: the answer paragraphs, as text."""
    wrong_picks: tuple[Cited, ...] = ()
    """find-in-text: feedback for common wrong paragraphs."""
    model_answer: str = ""
    rubric: tuple[str, ...] = ()


def _printed(bank: QuizBank, article: Article, number: int, question: Question) -> PrintedQuestion:
    kind = QuestionType(question.type)
    common = PrintedQuestion(
        number=number,
        anchor=element_id(bank, question),
        type=str(kind),
        type_name=TYPE_NAMES[kind],
        prompt=question.prompt,
        explanation=question.explanation,
        points=grade(question, None).max_points,
        rule=SCORING_RULES[kind],
        cited=tuple(Cited(f"P{n}", article.paragraph(n).text) for n in question.paragraphs),
    )
    match question:
        case SingleChoice() | MultipleSelect():
            return replace(common, choices=tuple(Choice(o.text, o.correct, o.feedback) for o in shown_options(question)))
        case TrueFalse():
            answers = {
                True: Choice("True", question.answer, question.feedback.when_true),
                False: Choice("False", not question.answer, question.feedback.when_false),
            }
            return replace(common, choices=tuple(answers[value] for value in true_false_order(bank, question)))
        case Matching():
            rights = right_items(question)
            shown = matching_choices(question)
            letter_of = {index: ascii_uppercase[position] for position, index in enumerate(shown)}
            return replace(
                common,
                letters=tuple(Lettered(letter_of[index], rights[index]) for index in shown),
                matches=tuple(MatchRow(p.left, letter_of[i], p.right, p.feedback) for i, p in enumerate(question.pairs)),
            )
        case Ordering():
            return replace(
                common,
                order=tuple(
                    OrderRow(question.items[i].text, i + 1, question.items[i].feedback) for i in ordering_start(question)
                ),
                order_key=tuple(item.text for item in question.items),
            )
        case FindInText():
            if question.candidates:
                offered = paragraph_labels(find_candidates(question, article))
            else:
                offered = f"any paragraph P1–P{len(article.paragraphs)}"
            return replace(
                common,
                offered=offered,
                answer=paragraph_labels(sorted(question.answer)),
                wrong_picks=tuple(Cited(f"P{n}", text) for n, text in sorted(question.feedback.items())),
            )
        case ShortAnswer():
            return replace(common, model_answer=question.model_answer, rubric=tuple(question.rubric))
    raise TypeError(f"not a question: {question!r}")  # pragma: no cover - the union is exhaustive


def document_templates() -> Environment:
    """A new environment for the package's printable documents (sheets, keys, the marking report):
    autoescaped, so bank, article and results-file text is always text."""
    return Environment(
        loader=PackageLoader("medialit.quiz", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


_ENVIRONMENT: Final = document_templates()


def sheet_css() -> str:
    """The sheet's layout rules (``static/print.css``), scoped to ``.mlq-sheet``."""
    return (files("medialit.quiz") / "static" / "print.css").read_text(encoding="utf-8")


def _sheet_context(bank: QuizBank, article: Article, *, key: bool) -> dict[str, object]:
    questions = [_printed(bank, article, number, question) for number, question in enumerate(bank.questions, start=1)]
    return {
        "key": key,
        "bank_title": bank.title,
        "bank_anchor": element_id(bank),
        "headline": article.title,
        "questions": questions,
        "total_points": sum(q.points for q in questions),
        "writing_lines": WRITING_LINES,
    }


def render_print(bank: QuizBank, article: Article, *, key: bool) -> str:
    """The bank as a printable HTML document: the student sheet, or with ``key`` the teacher key."""
    template = _ENVIRONMENT.get_template("print.html.j2")
    return template.render(**_sheet_context(bank, article, key=key), css=sheet_css(), show_title=True, title_level=1)


def render_sheet(bank: QuizBank, article: Article, *, key: bool, title_level: int = 2, show_title: bool = True) -> str:
    """The same sheet as an HTML fragment for a page of the book (its CSS is :func:`sheet_css`).

    ``title_level`` is the heading level of the bank's title, so the sheet fits the page's outline;
    the questions are one level below. ``show_title`` False leaves the title to the page.
    """
    if not 1 <= title_level <= 5:
        raise ValueError(f"title_level must be 1 to 5, not {title_level}")
    template = _ENVIRONMENT.get_template("print_sheet.html.j2")
    return template.render(**_sheet_context(bank, article, key=key), show_title=show_title, title_level=title_level)
