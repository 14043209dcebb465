"""Canvas's QTI 1.2 package, built by text2qti from its plain-text quiz format.

text2qti (maintained, and the usual way to make Canvas quizzes from text) reads a small text
format and writes the package Canvas imports. The bank is written in that format, so every bank
text must reach text2qti's Markdown as plain text:

* Markdown's specials (and ``$``) get a backslash. text2qti reads ``$…$`` as LaTeX and would
  turn it into an image fetched from Canvas's equation server; escaped, there is no math and no
  address in the package.
* ``&``, ``<`` and ``>`` become entities, so HTML in a bank shows as written and never runs;
  ``~`` and the tab become entities too (a fence, and Markdown's tabs-to-spaces).
* A line break becomes ``<br />``: text2qti ends a text at an unindented line.

text2qti writes no matching or ordering question, so both are cut into single-choice questions
(see :mod:`medialit.export.parts`); each question keeps the grader's points.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from string import ascii_letters
from typing import Final

from text2qti.config import Config
from text2qti.err import Text2qtiError
from text2qti.qti import QTI
from text2qti.quiz import Quiz

from medialit.article import Article
from medialit.errors import ExportError
from medialit.export.parts import Choice, pair_parts, paragraph_choices, points, position_parts, title
from medialit.quiz.layout import shown_options, true_false_order
from medialit.quiz.model import (
    FindInText,
    Matching,
    MultipleSelect,
    Ordering,
    Question,
    QuizBank,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)

MARKDOWN_ESCAPABLE: Final = frozenset("\\`*_{}[]()>#+-.!\"'|")
"""The characters text2qti's Markdown (python-markdown with smarty and tables) lets a backslash escape."""

_ENTITIES: Final = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "~": "&#126;", "\t": "&#9;", "\n": "<br />"}


def md_text(text: str) -> str:
    """Bank text as text2qti Markdown that shows it verbatim, on one line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        _ENTITIES[char] if char in _ENTITIES else "\\" + char if char in MARKDOWN_ESCAPABLE or char == "$" else char
        for char in text
    )


def _entry(marker: str, body: str) -> list[str]:
    """A text2qti entry: ``marker body``, each further line indented to line up with the body."""
    first, *rest = body.split("\n")
    pad = " " * (len(marker) + 1)
    return [f"{marker} {first}", *(pad + line if line else "" for line in rest)]


def _paragraphs(*texts: str, items: Iterable[str] = ()) -> str:
    """Markdown paragraphs (already escaped) and an optional list."""
    blocks = list(texts)
    listed = [f"- {item}" for item in items]
    if listed:
        blocks.append("\n".join(listed))
    return "\n\n".join(blocks)


def _question(number: int, name: str, count: int, stem: str, general: str) -> list[str]:
    return [f"Title: {name}", f"Points: {count}", *_entry(f"{number}.", stem), *_entry("...", general)]


def _marker(letter: str, correct: bool, many: bool) -> str:
    """``[*]``/``[ ]`` for a multiple-answers choice, ``*a)``/``a)`` for a single-answer one."""
    if many:
        return "[*]" if correct else "[ ]"
    return f"*{letter})" if correct else f"{letter})"


def _choices(choices: Sequence[Choice], *, many: bool) -> list[str]:
    lines: list[str] = []
    for letter, choice in zip(ascii_letters, choices, strict=False):
        lines += _entry(_marker(letter, choice.correct, many), md_text(choice.text))
        if choice.feedback is not None:
            lines += _entry("...", md_text(choice.feedback))
    return lines


def _short_answer_feedback(question: ShortAnswer) -> str:
    return (
        _paragraphs(
            "**Model answer**",
            md_text(question.model_answer),
            "**Rubric: one point for each item the answer meets (marked by hand)**",
            items=(md_text(item) for item in question.rubric),
        )
        + "\n\n"
        + md_text(question.explanation)
    )


@dataclass(frozen=True)
class Entry:
    """One Canvas question: its name, points, question text (Markdown) and choice lines."""

    name: str
    points: int
    stem: str
    choices: list[str]


def question_entries(bank: QuizBank, question: Question, article: Article) -> list[Entry]:
    """The Canvas questions made from one bank question: one, or one per part of a matching or ordering."""
    name, count, prompt = title(bank, question), points(question), md_text(question.prompt)
    match question:
        case SingleChoice() | MultipleSelect():
            choices = [Choice(o.text, o.correct, o.feedback) for o in shown_options(question)]
            return [Entry(name, count, prompt, _choices(choices, many=isinstance(question, MultipleSelect)))]
        case TrueFalse():
            fb = question.feedback
            answers = {
                True: Choice("True", question.answer, fb.when_true),
                False: Choice("False", not question.answer, fb.when_false),
            }
            choices = [answers[value] for value in true_false_order(bank, question)]
            return [Entry(name, count, prompt, _choices(choices, many=False))]
        case Matching() | Ordering():
            parts = pair_parts(question) if isinstance(question, Matching) else position_parts(question)
            return [
                Entry(
                    title(bank, question, part.number),
                    1,
                    _paragraphs(prompt, md_text(part.ask)),
                    _choices(part.choices, many=False),
                )
                for part in parts
            ]
        case FindInText():
            return [Entry(name, count, prompt, _choices(paragraph_choices(question, article), many=True))]
        case ShortAnswer():
            return [Entry(name, count, prompt, ["____"])]
    raise TypeError(f"not a question: {question!r}")  # pragma: no cover - the union is exhaustive


def _general_feedback(question: Question) -> str:
    """Shown after any answer: the explanation, and for a written answer the model answer and rubric."""
    if isinstance(question, ShortAnswer):
        return _short_answer_feedback(question)
    return md_text(question.explanation)


def to_text2qti(bank: QuizBank, article: Article, source: Path) -> str:
    """The bank in text2qti's text format. text2qti refuses repeated question texts, so a repeat is an error here."""
    lines = [
        f"Quiz title: {' '.join(bank.title.split())}",
        *_entry("Quiz description:", md_text(f"Quiz bank '{bank.id}' on the article: {article.title}")),
    ]
    asked: dict[str, str] = {}
    number = 0
    for question in bank.questions:
        for entry in question_entries(bank, question, article):
            if entry.stem in asked:
                raise ExportError(
                    source,
                    f"the same question text as {asked[entry.stem]}; text2qti (Canvas) needs distinct texts",
                    question=question.id,
                )
            asked[entry.stem] = entry.name
            number += 1
            general = _general_feedback(question)
            lines += ["", *_question(number, entry.name, entry.points, entry.stem, general), *entry.choices]
    return "\n".join(lines) + "\n"


def to_qti_zip(bank: QuizBank, article: Article, source: Path) -> bytes:
    """The bank as a QTI 1.2 zip that Canvas imports (Settings > Import course content > QTI .zip file).

    text2qti runs with its defaults and no configuration file: no code blocks run, nothing is fetched.
    """
    text = to_text2qti(bank, article, source)
    try:
        return bytes(QTI(Quiz(text, config=Config(), source_name=str(source))).zip_bytes())
    except Text2qtiError as error:
        raise ExportError(source, f"text2qti cannot build the QTI package: {' '.join(str(error).split())}") from None
