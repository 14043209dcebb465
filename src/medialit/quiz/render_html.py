"""The site's quiz: HTML that reads without JavaScript, plus the engine that grades it.

A static site has no kernel, so the quiz must run in the page itself. The markup comes from a
Jinja2 template with autoescaping (bank and article text is always shown as text); the bank's
data travels in a ``<script type="application/json">`` block with ``<``, ``>`` and ``&``
escaped, so no text can close the block. That block carries only what the markup does not show
(keys, feedback, explanations): the engine reads option and item texts from the page itself, and
adds what only a script can use (buttons, feedback regions, the explanation after checking).

The engine (``static/quiz.js`` and ``quiz.css``) comes two ways. A notebook's output inlines it
(:func:`engine_html`), so the output needs nothing outside itself, in Jupyter or any notebook
viewer that runs scripts. The built site instead loads one shared, minified copy of it
(:func:`engine_assets`, written to ``_static`` by ``medialit.sphinxext.quiz_pages``), which the
browser keeps after the first quiz page, and the inline blocks are taken out of its pages.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from medialit.article import Article
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


SHOWN_FIELDS: tuple[str, ...] = ("prompt", "model_answer", "rubric")
"""Fields of a question's JSON that the data block leaves out because the markup shows them."""
SHOWN_IN_LISTS: dict[str, str] = {"options": "text", "items": "text", "pairs": "left"}
"""The same for each entry of a list (``options[i].text``...). quiz.js puts back from the page the
texts the grader reads (``restoreFromPage``: option and item texts, rubric items by their count);
the rest the grader never reads."""


def _without_page_text(question: Question) -> dict[str, Any]:
    """One question's JSON for the grader, less what the markup shows (and ``correct: false``)."""
    data = question.model_dump(mode="json")
    for name in SHOWN_FIELDS:
        data.pop(name, None)
    if isinstance(question, ShortAnswer):
        data["rubric_count"] = len(question.rubric)
    for listed, name in SHOWN_IN_LISTS.items():
        for entry in data.get(listed, []):
            entry.pop(name, None)
            if entry.get("correct") is False:
                del entry["correct"]
    return data


def bank_data(bank: QuizBank) -> dict[str, Any]:
    """The bank as the browser reads it: the models' JSON, less the texts the markup already shows.

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
        "questions": [_without_page_text(question) for question in bank.questions],
    }


def _engine_source(name: str) -> str:
    return (files("medialit.quiz") / "static").joinpath(name).read_text(encoding="utf-8")


@cache
def engine_html() -> Markup:
    """The quiz engine as inline ``<style>`` and ``<script>``: safe to repeat on a page (it runs once)."""
    css, js = _engine_source("quiz.css"), _engine_source("quiz.js")
    return Markup(f'<style class="mlq-engine">\n{css}</style>\n<script class="mlq-engine">\n{js}</script>\n')


@dataclass(frozen=True)
class EngineAsset:
    """One minified engine file of the site: its name (with a hash of its content) and its text."""

    name: str
    text: str


@cache
def engine_assets() -> tuple[EngineAsset, EngineAsset]:
    """The engine's script and stylesheet, minified, named ``medialit-quiz.<hash>.js`` / ``.css``.

    The name changes whenever the content does, so a browser that keeps the file across pages
    never runs an old engine with a new page. Minified by tdewolff's minifier (``minify``), which
    also shortens local names; the parity test grades every response with this minified copy.
    """
    import minify  # only a site build or the benchmark needs the minifier

    js = minify.string("application/javascript", _engine_source("quiz.js"))
    css = minify.string("text/css", _engine_source("quiz.css"))
    return _named(_ascii_js(js), "js"), _named(css, "css")


def _ascii_js(js: str) -> str:
    """Script text in ASCII: each other character as a ``\\u`` escape (the minifier writes ``“`` for
    ``\\u201c``). A script file is read in its page's encoding, so this one reads the same in any page.
    Safe because the engine has such characters only in strings and regular expressions."""
    return "".join(char if ord(char) < 128 else "".join(f"\\u{unit:04x}" for unit in _utf16(char)) for char in js)


def _utf16(char: str) -> list[int]:
    data = char.encode("utf-16-be")
    return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]


def _named(text: str, suffix: str) -> EngineAsset:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return EngineAsset(f"medialit-quiz.{digest}.{suffix}", text)


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
