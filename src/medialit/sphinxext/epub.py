"""The EPUB of a course: its book data, its table of contents, and only what an e-reader can use.

Sphinx's EPUB builder needs what a course does not give it:

- **Book data.** Sphinx fills every EPUB setting a course leaves out with a placeholder: the
  identifier, description and contributor are "unknown", and the title is the project's slug.
  An e-reader's library shows those, and to it two books whose identifier is "unknown" are the
  same book. Each setting the course leaves at Sphinx's default is derived from the course
  instead: the title from ``title`` in ``_config.yml``, a stable identifier from the project and
  the edition (the student and teacher books are two books), a description naming the edition.
  A course that sets an ``epub_*`` value itself keeps it.
- **A table of contents that points at the pages.** A course's root page lives in ``book/``, and
  Sphinx writes the EPUB's table of contents relative to the root page's folder, then prefixes
  that folder, so the quiz pages (in ``exercises/``) became ``book/../exercises/…``: reading-order
  entries that name no file of the book, and a navigation document whose links lead nowhere.
  :class:`CourseEpubBuilder` writes every entry relative to the book's root, and the table of
  contents includes the sections (``epub_tocscope``), so every quiz page is in it.
- **Titles as written.** Sphinx's EPUB builder turns straight quotes into curly ones and ``--``
  into dashes in every title of the table of contents, whatever ``smartquotes`` says; a course
  turns smart quotes off because it quotes its article verbatim, so the titles stay as written.
- **An identifier the two tables of contents agree on.** Sphinx writes the navigation file of
  older readers (``toc.ncx``) with the name of the identifier's element, not the identifier.
- **Only files the book holds, in markup the book allows.** myst-nb writes its stylesheet when the
  whole build has finished, after the EPUB was packed, so the pages linked a file the book did not
  contain; it is written when the builder starts instead. sphinx-design draws a chevron beside
  each dropdown's title as inline SVG without the SVG namespace, which is not XHTML (and inline
  SVG would have to be declared page by page); these icons are decoration, hidden from screen
  readers, so the book leaves them out.

A link to a web page stays an ordinary link, without its address printed after it in the text
(``epub_show_urls = "no"``): e-readers open links themselves. Scripts never reach the book:
Sphinx packs no ``.js`` file, and quizzes are printed sheets (``quiz_sheets``).
"""

from __future__ import annotations

import html
import posixpath
import re
import shutil
import uuid
from importlib import resources
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import _epub_base
from sphinx.builders.epub3 import Epub3Builder

from medialit import __version__
from medialit.editions import Edition

EPUB_BUILDER = "epub"

SITE_REDIRECT = "index.html"
"""The website's page that forwards to the root page. The table-of-contents extension writes it
after every build of the HTML family, the EPUB's too, where the next build would find a file of
no type a book allows (a failed build under ``-W``): it is left out of the book."""

DECORATIVE_SVG = re.compile(r'<svg\b[^>]*\baria-hidden="true"[^>]*>.*?</svg>', re.DOTALL)
"""An inline SVG icon that screen readers are told to skip (sphinx-design's octicons)."""

BOOK_ID_NAMESPACE = uuid.UUID("5f0e3a52-8a4c-4d55-9a0e-6d1c3b2f7e41")
"""Fixed namespace of the books' identifiers: the same course and edition always get the same one."""


def book_identifier(project: str, edition: Edition) -> str:
    """The EPUB identifier (a URN) of one edition of the course ``project``: stable across builds."""
    return f"urn:uuid:{uuid.uuid5(BOOK_ID_NAMESPACE, f'{project}/{edition.value}')}"


def book_settings(config: Any) -> dict[str, Any]:
    """The ``epub_*`` settings derived from the course, for those it leaves at Sphinx's defaults."""
    edition = Edition(config.medialit_edition)
    title = config.html_title or config.project
    return {
        "epub_title": title,
        "epub_description": f"{title}: a media-literacy course, {edition.value} edition.",
        "epub_contributor": f"medialit {__version__}",
        "epub_identifier": book_identifier(config.project, edition),
        "epub_scheme": "uuid",
        "epub_uid": "book-id",
        "epub_show_urls": "no",
        "epub_tocscope": "includehidden",
    }


def _left_at_default(config: Any, name: str) -> bool:
    default = config.values[name].default
    return bool(getattr(config, name) == (default(config) if callable(default) else default))


def _configure(app: Sphinx, config: Any) -> None:
    """Fill in the book data; runs after the editions' settings (the teacher book's title)."""
    for name, value in book_settings(config).items():
        if _left_at_default(config, name):
            setattr(config, name, value)
    if SITE_REDIRECT not in config.epub_exclude_files:
        config.epub_exclude_files = [*config.epub_exclude_files, SITE_REDIRECT]


MANIFEST_ITEM = re.compile(r'(<item id="[^"]*" href="(?P<href>[^"]*)" media-type="application/xhtml\+xml")\s*/>')
"""An XHTML page's entry in the package file's manifest, as Sphinx's template writes it."""


def _page_path(refuri: str) -> str:
    """``book/../exercises/quiz.xhtml#part`` → ``exercises/quiz.xhtml#part``."""
    page, hash_mark, fragment = refuri.partition("#")
    return posixpath.normpath(page) + hash_mark + fragment


def _as_written(t: str, language: str = "en") -> str:
    """Sphinx's ``ssp`` (smart quotes and dashes for the table of contents) that changes nothing."""
    return t


class CourseEpubBuilder(Epub3Builder):
    """Sphinx's EPUB 3 builder, with table-of-contents entries relative to the book's root, titled as written."""

    def get_toc(self) -> None:
        educate, _epub_base.ssp = _epub_base.ssp, _as_written  # the builder's module-level helper
        try:
            super().get_toc()
        finally:
            _epub_base.ssp = educate
        for entry in self.refnodes:
            entry["refuri"] = _page_path(entry["refuri"])

    def build_content(self) -> None:
        """Sphinx's ``content.opf``, with ``properties="svg"`` on each page that holds inline SVG (a chart).

        EPUB 3 requires the property on every content document with SVG in it; Sphinx's template
        has no way to give it.
        """
        super().build_content()
        package = Path(self.outdir) / "content.opf"
        text = package.read_text(encoding="utf-8")

        def with_svg(match: re.Match[str]) -> str:
            page = Path(self.outdir) / html.unescape(match["href"])
            has_svg = page.suffix == ".xhtml" and page.is_file() and "<svg" in page.read_text(encoding="utf-8")
            return f'{match[1]} properties="svg" />' if has_svg and "properties=" not in match[0] else match[0]

        package.write_text(MANIFEST_ITEM.sub(with_svg, text), encoding="utf-8")

    def toc_metadata(self, level: int, navpoints: list[Any]) -> dict[str, Any]:
        """``toc.ncx``'s data, naming the book by its identifier, as the package file does."""
        metadata: dict[str, Any] = super().toc_metadata(level, navpoints)
        metadata["uid"] = html.escape(self.config.epub_identifier)
        return metadata


def _drop_decorative_svg(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.name != EPUB_BUILDER:
        return
    for raw in list(doctree.findall(nodes.raw)):
        text = raw.astext()
        if "<svg" in text and "html" in raw.get("format", "").split():
            raw.replace_self(nodes.raw("", DECORATIVE_SVG.sub("", text), format=raw["format"]))


def _write_notebook_css(app: Sphinx) -> None:
    """Put myst-nb's stylesheet where the pages link it before the book is packed (see above)."""
    if app.builder.name != EPUB_BUILDER:
        return
    linked = [filename for filename, _attributes in app.registry.css_files if Path(filename).name.startswith("mystnb.")]
    if not linked:
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    with resources.as_file(resources.files("myst_nb") / "static" / "mystnb.css") as source:
        for filename in linked:
            shutil.copyfile(source, static / filename)


def register_epub(app: Sphinx) -> None:
    app.add_builder(CourseEpubBuilder, override=True)
    app.connect("config-inited", _configure, priority=600)
    app.connect("builder-inited", _write_notebook_css)
    app.connect("doctree-resolved", _drop_decorative_svg)
