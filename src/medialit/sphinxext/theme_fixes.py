"""Fixes to the book theme so that every page passes an axe-core audit and logs no error offline.

Each fix answers one finding of a real-browser audit of an unmodified Jupyter Book 1.x page:

- the sidebar's brand link sat outside any landmark (axe ``region``): a template wraps it in a
  ``<nav>``;
- the theme logged "Got invalid theme mode" on every page when no mode had been stored: the
  mode now defaults to ``auto``;
- the sidebar's buttons that open a chapter's sections were ``<summary>`` elements with only an
  icon (axe ``summary-name``): each gets an ``aria-label`` naming its chapter;
- the themes print some plain-text values as HTML: the book's title (``html_title``, the
  PyData theme's ``docstitle``) in the navbar, ``author`` in the footer, the page's own title
  in a print-only heading; a generated course whose headline held ``<script>`` ran it on every
  page. Those values are escaped in every page's context, after the themes have set them
  (:data:`medialit.escape.SPHINX_TEXT_VALUES`);
- the root ``index.html`` that the table of contents writes when the root page is not ``index``
  had no language, title or link (axe ``html-has-lang``, ``document-title``): a complete redirect
  page is written instead.

Two more fix Jupyter Book's one-page build (``singlehtml``, which the PDFs are printed from):

- Sphinx writes the one page at the root page's path (``book/index.html``) but links its styles,
  scripts and its anchors as if it were at the top of the site, so it showed unstyled: the page
  is moved to ``index.html`` and its links to itself become plain anchors; it also loads a search
  index that the one-page build does not write (a missing file): that script tag is removed;
- Jupyter Book asks for MathJax on the one page whether or not the course has math, which loads
  it from a CDN (the page then needs the network): it is not asked for when no page has math.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from markupsafe import Markup
from sphinx.application import Sphinx
from sphinx.ext.mathjax import MATHJAX_URL

from medialit.escape import html_text, sphinx_text_context

TEMPLATES_DIR = Path(__file__).parent / "templates"

SEARCH_INDEX_SCRIPT = '<script src="searchindex.js"></script>'
"""The theme's tag loading the search index, which the one-page build does not write."""

REDIRECT_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url={target}">
<title>{title}</title>
</head>
<body>
<main>
<h1>{title}</h1>
<p><a href="{target}">Open the course</a></p>
</main>
</body>
</html>
"""


def _configure(app: Sphinx, config: Any) -> None:
    config.templates_path.append(str(TEMPLATES_DIR))
    config.html_context.setdefault("default_mode", "auto")


def label_section_toggles(toctree_html: str) -> str:
    """Give every icon-only ``<summary>`` in a sidebar toctree an accessible name."""
    soup = BeautifulSoup(toctree_html, "html.parser")
    for summary in soup.select("li > details > summary"):
        if summary.get_text(strip=True) or summary.get("aria-label"):
            continue
        link = summary.parent.find_previous_sibling("a") if summary.parent else None
        title = link.get_text(" ", strip=True) if link else "this chapter"
        summary["aria-label"] = f"Show or hide the sections of {title}"
    return str(soup)


def _wrap_toctree_function(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Post-process the theme's sidebar toctree (set by the theme in an earlier handler)."""
    generate = context.get("generate_toctree_html")
    if generate is None or getattr(generate, "medialit_wrapped", False):
        return

    def generate_labelled(*args: Any, **kwargs: Any) -> Markup:
        return Markup(label_section_toggles(str(generate(*args, **kwargs))))

    generate_labelled.medialit_wrapped = True  # type: ignore[attr-defined]
    context["generate_toctree_html"] = generate_labelled


def _escape_text_values(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Config values that are plain text but that the themes print as HTML, escaped once."""
    sphinx_text_context(context, app.config.html_title)


def _drop_unused_mathjax(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Remove MathJax from the one-page build when the course has no math (it comes from a CDN)."""
    if app.builder.name != "singlehtml" or app.env.get_domain("math").has_equations():  # type: ignore[attr-defined]
        return
    scripts = context.get("script_files", [])
    scripts[:] = [script for script in scripts if getattr(script, "filename", script) != MATHJAX_URL]


def move_single_page(outdir: Path, root_doc: str) -> None:
    """Move the one page from ``ROOT_DOC.html`` to ``index.html``, where its relative links work."""
    page = outdir / f"{root_doc}.html"
    if not page.is_file():
        return
    page_html = page.read_text(encoding="utf-8")
    page_html = page_html.replace(f'href="{root_doc}.html#', 'href="#').replace(SEARCH_INDEX_SCRIPT, "")
    (outdir / "index.html").write_text(page_html, encoding="utf-8")
    page.unlink()
    folder = page.parent
    while folder != outdir and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _write_root_redirect(app: Sphinx, exception: Exception | None) -> None:
    """Write ``index.html`` → root page (the one-page build: the page itself); the table-of-contents extension then keeps ours."""
    if exception is not None or app.builder.format != "html" or app.config.root_doc == "index":
        return
    if app.builder.name == "singlehtml":
        move_single_page(Path(app.outdir), app.config.root_doc)
        return
    index = Path(app.outdir) / "index.html"
    target = app.builder.get_target_uri(app.config.root_doc)
    index.write_text(
        REDIRECT_PAGE.format(
            lang=html_text(app.config.language or "en"),
            target=html_text(target),
            title=html_text(app.config.html_title or app.config.project),
        ),
        encoding="utf-8",
    )


def register_theme_fixes(app: Sphinx) -> None:
    """Connect the fixes; each is explained in this module's docstring."""
    app.connect("config-inited", _configure)
    app.connect("html-page-context", _escape_text_values, priority=900)
    app.connect("html-page-context", _wrap_toctree_function, priority=600)
    app.connect("html-page-context", _drop_unused_mathjax, priority=600)
    app.connect("build-finished", _write_root_redirect, priority=400)
