"""Fixes to the book theme so that every page passes an axe-core audit and logs no error offline.

Each fix answers one finding of a real-browser audit of an unmodified Jupyter Book 1.x page:

- the sidebar's brand link sat outside any landmark (axe ``region``): a template wraps it in a
  ``<nav>``;
- the theme logged "Got invalid theme mode" on every page when no mode had been stored: the
  mode now defaults to ``auto``;
- the root ``index.html`` that the table of contents writes when the root page is not ``index``
  had no language, title or link (axe ``html-has-lang``, ``document-title``): a complete redirect
  page is written instead.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

TEMPLATES_DIR = Path(__file__).parent / "templates"

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


def _write_root_redirect(app: Sphinx, exception: Exception | None) -> None:
    """Write ``index.html`` → root page; the table-of-contents extension then keeps ours."""
    if exception is not None or app.builder.format != "html" or app.config.root_doc == "index":
        return
    index = Path(app.outdir) / "index.html"
    target = app.builder.get_target_uri(app.config.root_doc)
    index.write_text(
        REDIRECT_PAGE.format(
            lang=html.escape(app.config.language or "en"),
            target=html.escape(target),
            title=html.escape(app.config.html_title or app.config.project),
        ),
        encoding="utf-8",
    )


def register_theme_fixes(app: Sphinx) -> None:
    """Connect the fixes; each is explained in this module's docstring."""
    app.connect("config-inited", _configure)
    app.connect("build-finished", _write_root_redirect, priority=400)
