"""The Sphinx extension every medialit book loads (``medialit.sphinxext`` in ``_config.yml``).

It gives chapters directives that read an article file at build time, so the text a chapter
shows is the text ingest produced, never retyped, and the quiz pages (course id, "My progress").
Article text becomes docutils Text nodes, which every builder escapes: nothing in an article is
ever parsed as MyST or run as HTML.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from medialit import __version__
from medialit.sphinxext.analysis_directives import (
    DIRECTIVES,
    depart_highlight_html,
    highlight,
    register_corrections_watch,
    visit_highlight_html,
)
from medialit.sphinxext.article_directives import (
    ArticleProvenanceDirective,
    ArticleTextDirective,
    article_headline,
    depart_article_headline_html,
    depart_photo_caption_html,
    photo_caption,
    visit_article_headline_html,
    visit_photo_caption_html,
)
from medialit.sphinxext.chart_directives import DIRECTIVES as CHART_DIRECTIVES
from medialit.sphinxext.editions import register_editions
from medialit.sphinxext.epub import register_epub
from medialit.sphinxext.highlight_directives import DIRECTIVES as HIGHLIGHT_DIRECTIVES
from medialit.sphinxext.phone_tables import register_phone_tables
from medialit.sphinxext.quiz_pages import register_quiz_pages
from medialit.sphinxext.quiz_sheets import register_quiz_sheets
from medialit.sphinxext.rebuild import register_rebuild_on_change
from medialit.sphinxext.theme_fixes import register_theme_fixes
from medialit.sphinxext.versions_directive import VersionsCompareDirective

STATIC_DIR = Path(__file__).parent / "static"


def _configure(app: Sphinx, config: Any) -> None:
    """Settings every course needs, whatever its _config.yml says.

    - The course stylesheet ships with the package, not in a book-level _static folder.
    - No smart quotes: docutils would turn the article's straight quotes into curly ones, and
      quotations must stay verbatim.
    - No search summaries: Sphinx fetches each result page with fetch(), which browsers refuse
      from file://, so a site opened from disk logged an error per result.
    """
    config.html_static_path.append(str(STATIC_DIR))
    config.smartquotes = False
    config.html_show_search_summary = False


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(article_headline, html=(visit_article_headline_html, depart_article_headline_html))
    app.add_node(photo_caption, html=(visit_photo_caption_html, depart_photo_caption_html))
    app.add_directive("article-provenance", ArticleProvenanceDirective)
    app.add_directive("article-text", ArticleTextDirective)
    app.add_directive("versions-compare", VersionsCompareDirective)
    app.add_node(highlight, html=(visit_highlight_html, depart_highlight_html))
    for name, directive in {**DIRECTIVES, **HIGHLIGHT_DIRECTIVES, **CHART_DIRECTIVES}.items():
        app.add_directive(name, directive)
    # The headline given with `medialit new --headline` for an article whose page shows none.
    app.add_config_value("medialit_article_headline", None, "env", types=[str, type(None)])
    app.connect("config-inited", _configure)
    app.add_css_file("medialit.css")
    register_editions(app)
    register_epub(app)
    register_theme_fixes(app)
    register_phone_tables(app)
    register_quiz_pages(app)
    register_quiz_sheets(app)
    register_rebuild_on_change(app)
    register_corrections_watch(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
