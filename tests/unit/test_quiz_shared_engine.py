"""The site's shared quiz engine: one minified script and stylesheet, and pages that load them."""

from __future__ import annotations

import re
from importlib.resources import files
from types import SimpleNamespace
from typing import Any

from helpers import ROOT
from medialit.quiz import Quiz
from medialit.quiz.render_html import engine_assets, engine_html, render_bank_html
from medialit.sphinxext.quiz_pages import INLINE_ENGINE, _shared_engine

STATIC = files("medialit.quiz") / "static"
BANK = ROOT / "exercises" / "article.yml"


def test_the_engine_files_are_minified_ascii_and_named_by_their_content() -> None:
    script, stylesheet = engine_assets()
    assert re.fullmatch(r"medialit-quiz\.[0-9a-f]{12}\.js", script.name)
    assert re.fullmatch(r"medialit-quiz\.[0-9a-f]{12}\.css", stylesheet.name)
    assert len(script.text) < 0.6 * len(STATIC.joinpath("quiz.js").read_text(encoding="utf-8"))
    assert len(stylesheet.text) < len(STATIC.joinpath("quiz.css").read_text(encoding="utf-8"))
    assert script.text.isascii(), "a script file is read in its page's encoding: it must not depend on it"
    assert "\\u2713" in script.text  # the "✓ right" mark, escaped
    assert "</script" not in script.text.lower() and "</style" not in stylesheet.text.lower()


def test_taking_the_inline_engine_out_leaves_the_quiz_as_the_site_shows_it() -> None:
    quiz = Quiz.from_file(BANK)
    inline = render_bank_html(quiz.bank, quiz.article)
    assert str(engine_html()) in inline
    assert INLINE_ENGINE.sub("", inline) == render_bank_html(quiz.bank, quiz.article, engine=False)


class FakeApp:
    """What the page hook uses of Sphinx's application: the builder, and the per-page file lists."""

    def __init__(self, builder: str = "html") -> None:
        self.builder = SimpleNamespace(format="html", name=builder)
        self.js: list[tuple[str, dict[str, Any]]] = []
        self.css: list[str] = []

    def add_js_file(self, name: str, **options: Any) -> None:
        self.js.append((name, options))

    def add_css_file(self, name: str) -> None:
        self.css.append(name)


def test_a_page_with_a_quiz_loads_the_shared_files_instead_of_the_inline_engine() -> None:
    quiz = Quiz.from_file(BANK)
    app = FakeApp()
    context = {"body": f"<p>Before.</p>{quiz.html()}<p>After.</p>"}
    _shared_engine(app, "exercises/article-quiz", "page.html", context, None)  # type: ignore[arg-type]
    script, stylesheet = engine_assets()
    assert "mlq-engine" not in context["body"] and "<script>" not in context["body"]
    assert context["body"].startswith('<p>Before.</p><section class="mlq-quiz"') and context["body"].endswith("<p>After.</p>")
    assert app.js == [(script.name, {"loading_method": "defer"})] and app.css == [stylesheet.name]


def test_pages_without_a_quiz_and_paper_builders_are_left_alone() -> None:
    plain = FakeApp()
    context = {"body": '<p>The article mentions a mlq-quiz in passing: &lt;section class="mlq-quiz"&gt;</p>'}
    _shared_engine(plain, "book/article", "page.html", context, None)  # type: ignore[arg-type]
    assert plain.js == [] and plain.css == []
    paper = FakeApp("epub")
    body = Quiz.from_file(BANK).html()
    context = {"body": body}
    _shared_engine(paper, "exercises/article-quiz", "page.html", context, None)  # type: ignore[arg-type]
    assert context["body"] == body and paper.js == []
