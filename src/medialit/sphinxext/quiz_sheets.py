"""Quizzes on paper: answer keys in the teacher edition, and printed sheets where no script runs.

``{quiz-key} BANK`` shows a bank's teacher key (answers, feedback, explanations, scoring, the
cited paragraphs quoted). It belongs on a teacher page; in the student edition it is a build
warning, which ``-W`` turns into a failed build, so a key cannot slip into a student site.

The one-page build (``singlehtml``, which the PDFs are printed from) and the EPUB have no use for
the interactive quiz: a printed page cannot be clicked, and e-readers run no scripts. There each
quiz a notebook displays is replaced by the bank's student sheet (questions with boxes to tick
and ruled lines to write on), the same sheet ``medialit print`` writes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from medialit.editions import Edition
from medialit.errors import QuizError
from medialit.quiz.load import find_banks, load_bank, load_bank_with_article
from medialit.quiz.render_print import render_sheet, sheet_css

logger = logging.getLogger(__name__)

PAPER_BUILDERS = frozenset({"singlehtml", "epub"})
"""Builders whose output is read on paper or an e-reader: quizzes become printed sheets."""

QUIZ_OUTPUT = re.compile(r'<section class="mlq-quiz[^"]*"[^>]*\bdata-mlq-bank="([a-z0-9-]+)"')
"""How a notebook's quiz output starts (``quiz.html.j2``); the bank id is all that is read from it."""


class QuizKeyDirective(SphinxDirective):
    """``{quiz-key} BANK``: the teacher key of the bank file BANK (teacher edition only).

    ``:heading-level:`` is the level of the bank's title in the page's outline (its questions are
    one below), so that the outline stays in order for screen readers.
    """

    required_arguments = 1
    has_content = False
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "heading-level": lambda value: directives.choice(value, ("1", "2", "3", "4", "5"))
    }

    def run(self) -> list[nodes.Node]:
        if Edition(self.config.medialit_edition) is not Edition.TEACHER:
            logger.warning(
                "quiz-key: answer keys belong to the teacher edition; put this on a page listed in medialit_teacher_pages",
                location=self.get_location(),
            )
            return []
        _relative, absolute = self.env.relfn2path(self.arguments[0], self.env.docname)
        self.env.note_dependency(absolute)
        try:
            bank, article = load_bank_with_article(Path(absolute))
        except QuizError as error:
            raise self.error(str(error)) from None
        self.env.note_dependency(str(Path(absolute).parent / bank.article))
        html = render_sheet(bank, article, key=True, title_level=self._title_level())
        return [nodes.raw("", html, format="html")]

    def _title_level(self) -> int:
        """The ``:heading-level:`` option (default 3: a key under a page's ``##`` section)."""
        return int(self.options.get("heading-level", 3))


def _bank_paths(app: Sphinx) -> dict[str, Path]:
    """Every bank of the course by id (banks live in ``exercises/`` under the book's root)."""
    folder = Path(app.srcdir) / "exercises"
    if not folder.is_dir():
        return {}
    return {load_bank(path).id: path for path in find_banks(folder)}


def _quizzes_to_sheets(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.name not in PAPER_BUILDERS:
        return
    paths: dict[str, Path] | None = None
    for raw in list(doctree.findall(nodes.raw)):
        found = QUIZ_OUTPUT.search(raw.astext())
        if not found:
            continue
        if paths is None:
            paths = _bank_paths(app)
        bank_id = found.group(1)
        if bank_id not in paths:
            logger.warning("quiz bank %r is shown on this page but is not in exercises/", bank_id, location=docname)
            continue
        bank, article = load_bank_with_article(paths[bank_id])
        html = render_sheet(bank, article, key=False, show_title=False, title_level=2)
        raw.replace_self(nodes.raw("", html, format="html"))


def _add_sheet_css(app: Sphinx) -> None:
    """The sheet's layout rules, as a file of the built site (scoped: they touch only the sheets)."""
    if app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    (static / "medialit-sheet.css").write_text(sheet_css(), encoding="utf-8")


def _choose_quiz_html_on_paper(app: Sphinx, config: Any) -> None:
    """Make the paper builders pick a quiz output's HTML, the rendering the sheet replaces.

    A quiz output holds a live widget and a self-contained HTML quiz. For every builder but the
    website, myst-nb would pick the widget: a script tag that a printed page or an e-reader shows
    as nothing, and that the sheet could not replace.
    """
    if "nb_mime_priority_overrides" not in config:
        return
    ours = [(builder, "text/html", 0) for builder in sorted(PAPER_BUILDERS)]
    config.nb_mime_priority_overrides = [*config.nb_mime_priority_overrides, *ours]


def register_quiz_sheets(app: Sphinx) -> None:
    app.add_directive("quiz-key", QuizKeyDirective)
    app.connect("config-inited", _choose_quiz_html_on_paper)
    app.connect("doctree-resolved", _quizzes_to_sheets)
    app.connect("builder-inited", _add_sheet_css)
    app.add_css_file("medialit-sheet.css")
