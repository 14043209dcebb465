"""The site's quiz: HTML that reads without JavaScript, plus the inline engine that grades it.

A static site has no kernel, so the quiz must run in the page itself. The markup comes from a
Jinja2 template with autoescaping (bank and article text is always shown as text); the bank's
data travels in a ``<script type="application/json">`` block with ``<``, ``>`` and ``&``
escaped, so no text can close the block. The engine (``static/quiz.js`` and ``quiz.css``) is
inlined, so the output needs nothing outside itself: it works in the built site, offline, and in
any notebook viewer that runs scripts.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from medialit.article import Article, paragraph_labels
from medialit.escape import json_for_script
from medialit.quiz.grade import grade, right_items
from medialit.quiz.layout import element_id, find_candidates, matching_choices, option_order, ordering_start, true_false_order
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


@cache
def site_templates() -> Environment:
    """The templates of the site's quiz pages (quiz, progress), autoescaped: bank text is always text."""
    return Environment(
        loader=PackageLoader("medialit.quiz", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def _view(bank: QuizBank, question: Question, article: Article) -> dict[str, Any]:
    """What the template needs for one question, with display orders already decided.

    In a graded bank nothing of the key is shown, and nothing of it can be read from the markup
    either: options, matching choices and ordering items are numbered by where they are shown, not
    by their index in the bank (which, for matching and ordering, is the key itself, and for
    options is where the author wrote the key, often first).
    """
    graded = bank.graded
    view: dict[str, Any] = {
        "id": question.id,
        "type": str(question.type),
        "dom_id": element_id(bank, question),
        "prompt": question.prompt,
        "explanation": "" if graded else question.explanation,
        "refs": "" if graded else paragraph_labels(question.paragraphs),
    }
    match question:
        case SingleChoice() | MultipleSelect():
            view["options"] = [
                {"index": position if graded else index, "text": question.options[index].text}
                for position, index in enumerate(option_order(question))
            ]
        case TrueFalse():
            view["true_false"] = ["true" if value else "false" for value in true_false_order(bank, question)]
        case Matching():
            rights = right_items(question)
            view["pairs"] = [{"index": i, "left": pair.left} for i, pair in enumerate(question.pairs)]
            shown = matching_choices(question)
            view["choices"] = [
                {"index": position if graded else index, "text": rights[index]} for position, index in enumerate(shown)
            ]
        case Ordering():
            shown = ordering_start(question)
            view["order_items"] = [
                {"index": position if graded else index, "text": question.items[index].text}
                for position, index in enumerate(shown)
            ]
        case FindInText():
            view["paragraph_choices"] = [{"n": n, "text": article.paragraph(n).text} for n in find_candidates(question, article)]
        case ShortAnswer():
            view["model_answer"] = "" if graded else question.model_answer
            view["rubric"] = [] if graded else [{"index": i, "text": text} for i, text in enumerate(question.rubric)]
    return view


def bank_data(bank: QuizBank) -> dict[str, Any]:
    """The bank as the browser reads it: the same JSON the Python models dump, for the grader.

    A graded bank gives only what answering needs (ids, types, points), never its key.
    """
    if bank.graded:
        return {
            "id": bank.id,
            "title": bank.title,
            "chapter": bank.chapter,
            "graded": True,
            "questions": [
                {"id": question.id, "type": str(question.type), "max_points": grade(question, None).max_points}
                for question in bank.questions
            ],
        }
    return {
        "id": bank.id,
        "title": bank.title,
        "chapter": bank.chapter,
        "questions": [question.model_dump(mode="json") for question in bank.questions],
    }


@cache
def engine_html() -> Markup:
    """The quiz engine as inline ``<style>`` and ``<script>``: safe to repeat on a page (it runs once)."""
    static = files("medialit.quiz") / "static"
    css = static.joinpath("quiz.css").read_text(encoding="utf-8")
    js = static.joinpath("quiz.js").read_text(encoding="utf-8")
    return Markup(f'<style class="mlq-engine">\n{css}</style>\n<script class="mlq-engine">\n{js}</script>\n')


def render_bank_html(bank: QuizBank, article: Article, *, engine: bool = True) -> str:
    """The bank as an HTML fragment for the site (with the inline engine unless ``engine`` is False)."""
    template = site_templates().get_template("quiz.html.j2")
    html = template.render(
        bank=bank,
        bank_id=element_id(bank),
        questions=[_view(bank, question, article) for question in bank.questions],
        data_json=json_for_script(bank_data(bank)),
    )
    return html + (str(engine_html()) if engine else "")
