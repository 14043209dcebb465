"""The site's side of the quizzes: the course id every page carries, and the "My progress" page.

Quizzes keep answers in the browser's localStorage, which every page opened from ``file://``
shares; the ``medialit-course`` meta tag (the book's ``project``) keeps two courses apart.

``{quiz-progress}`` lists every quiz bank of the course with its score. The banks are read at
build time (the default folder is ``/exercises``, relative to the book root), so a quiz that was
never opened still appears, with 0 points.

The quiz engine is one shared, minified script and stylesheet in ``_static``
(``medialit-quiz.<hash>.js`` / ``.css``), loaded only by the pages that have a quiz or the
progress table: a notebook's quiz output carries the engine inline (for Jupyter), and those
inline blocks are taken out of the site's pages, so a browser fetches the engine once and keeps it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Final

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from medialit.errors import QuizError
from medialit.escape import html_text, json_for_script
from medialit.quiz.grade import bank_maxima, is_self_assessed
from medialit.quiz.load import find_banks, load_bank
from medialit.quiz.render_html import engine_assets, site_templates
from medialit.sphinxext.quiz_sheets import PAPER_BUILDERS

logger = logging.getLogger(__name__)


class quiz_progress(nodes.General, nodes.Element):
    """Placeholder for the progress table; replaced once page titles and URLs are known."""


class QuizProgressDirective(SphinxDirective):
    """``{quiz-progress} [FOLDER]``: the "My progress" table of every bank in FOLDER."""

    optional_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        folder = self.arguments[0] if self.arguments else "/exercises"
        _relative, absolute = self.env.relfn2path(folder, self.env.docname)
        banks: list[str] = []
        try:
            for path in find_banks(Path(absolute)):
                self.env.note_dependency(str(path))
                load_bank(path)  # a bad bank stops the build here, with its file and line
                banks.append(str(path))
        except QuizError as error:
            raise self.error(str(error)) from None
        node = quiz_progress()
        node["banks"] = banks
        return [node]


def _progress_html(app: Sphinx, docname: str, bank_paths: list[str]) -> str:
    env = app.env
    rows = []
    for path in bank_paths:
        bank = load_bank(Path(path))
        if bank.chapter not in env.found_docs:
            logger.warning("quiz bank %s: chapter %r is not a page of this book", path, bank.chapter, location=docname)
            continue
        title = env.titles[bank.chapter].astext() if bank.chapter in env.titles else bank.chapter
        auto_max, self_max = bank_maxima(bank)
        rows.append(
            {
                "id": bank.id,
                "title": bank.title,
                "chapter_title": title,
                "url": app.builder.get_relative_uri(docname, bank.chapter),
                "questions": len(bank.questions),
                "checkable": sum(not is_self_assessed(question) for question in bank.questions),
                "max_points": auto_max,
                "self_max": self_max,
                "written": [question.id for question in bank.questions if is_self_assessed(question)],
                "graded": bank.graded,
            }
        )
    markup = (
        site_templates()
        .get_template("progress.html.j2")
        .render(
            banks=rows,
            total=sum(row["max_points"] for row in rows if not row["graded"]),
            self_total=sum(row["self_max"] for row in rows),
            manifest_json=json_for_script({"banks": rows}),
        )
    )
    return markup


def _resolve_progress(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for node in list(doctree.findall(quiz_progress)):
        if app.builder.format == "html" and app.builder.name not in PAPER_BUILDERS:
            node.replace_self(nodes.raw("", _progress_html(app, docname, node["banks"]), format="html"))
        else:
            node.replace_self(
                nodes.paragraph("", "Your quiz scores are added up on this page in the course website, which keeps your answers.")
            )


def _course_meta(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    course = html_text(str(app.config.project))
    context["metatags"] = context.get("metatags", "") + f'\n<meta name="medialit-course" content="{course}" />'


WIDGET_STATE_KEY = "ipywidgets_state"
"""myst-nb's name for the widget state script it adds to a page (``myst_nb.core.render``)."""


def _drop_widget_state(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Keep the live widget's saved state out of the site.

    Executing a quiz notebook saves the ipywidgets model of its live quiz, which holds every text
    of the bank, keys included; myst-nb would embed it in the page as a script. The site shows the
    HTML quiz and loads no widget manager, so the state is dead weight, and for a graded quiz it
    would put the key in the page. This runs before myst-nb's own page hook (priority 400 < 500).
    """
    metadata = getattr(app.env, "nb_metadata", {}).get(pagename, {})
    metadata.get("js_files", {}).pop(WIDGET_STATE_KEY, None)


INLINE_ENGINE: Final = re.compile(
    r'<style class="mlq-engine">.*?</style>\s*|<script class="mlq-engine">.*?</script>\s*', re.DOTALL
)
"""The inline engine blocks of a notebook's quiz output (``render_html.engine_html``). Neither
``quiz.css`` nor ``quiz.js`` holds ``</style>`` or ``</script>``, so the first one ends the block."""

USES_ENGINE: Final = re.compile(r'<(?:section|div) class="mlq-(?:quiz|progress)\b')
"""A quiz (``quiz.html.j2``) or the progress table (``progress.html.j2``) on the page."""


def _is_site(app: Sphinx) -> bool:
    return app.builder.format == "html" and app.builder.name not in PAPER_BUILDERS


def _write_engine(app: Sphinx) -> None:
    """The shared engine files, written to the site's ``_static`` when the builder starts."""
    if not _is_site(app):
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    assets = engine_assets()
    for old in static.glob("medialit-quiz.*"):
        if old.name not in {asset.name for asset in assets}:
            old.unlink()  # an engine of an earlier build: no page loads it any more
    for asset in assets:
        (static / asset.name).write_text(asset.text, encoding="utf-8")


def _shared_engine(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """A page with a quiz loads the shared engine files instead of carrying the engine inline."""
    if not _is_site(app):
        return
    body = context.get("body")
    if not isinstance(body, str) or not USES_ENGINE.search(body):
        return
    context["body"] = INLINE_ENGINE.sub("", body)
    script, stylesheet = engine_assets()
    app.add_css_file(stylesheet.name)
    app.add_js_file(script.name, loading_method="defer")


def register_quiz_pages(app: Sphinx) -> None:
    app.add_node(quiz_progress)
    app.add_directive("quiz-progress", QuizProgressDirective)
    app.connect("doctree-resolved", _resolve_progress)
    app.connect("html-page-context", _course_meta)
    app.connect("html-page-context", _drop_widget_state, priority=400)
    app.connect("html-page-context", _shared_engine)
    app.connect("builder-inited", _write_engine)
