"""Reading article files into :class:`~medialit.article.Article` objects.

Three formats, chosen by the file's suffix: ``.md``/``.markdown`` is Markdown with YAML front
matter (:mod:`.markdown_text`), ``.html``/``.htm`` is a saved web page (:mod:`.html_page`, with
trafilatura's main text, :mod:`.main_text`), and anything else is text pasted from a web page
(:mod:`.plain_text`). Each gives the same Article, through the same rules: :mod:`.body` collects
it, :mod:`.lines` says what a line is (byline, dateline, caption, credit, provenance),
:mod:`.boilerplate` holds the furniture table, :mod:`.dates` reads dates.

Real text is never refused for its shape (no headline, one paragraph per line, a long first
line). Reading checks the bytes before parsing, so every bad file fails the same way: one
:class:`~medialit.errors.ArticleError` naming the file (and the line where one is known); the
other refusal is a file with no article text at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final, Protocol

from medialit.article import Article
from medialit.ingest.html_page import parse_html
from medialit.ingest.markdown_text import parse_markdown
from medialit.ingest.plain_text import parse_plain_text
from medialit.ingest.reading import MAX_BYTES, read_article_text


class Parser(Protocol):
    """A reader of one format: the file's text and path, and the ``--headline`` given (or None)."""

    def __call__(self, text: str, source: Path, *, headline: str | None = None) -> Article: ...


PARSERS: Final[dict[str, Parser]] = {
    ".md": parse_markdown,
    ".markdown": parse_markdown,
    ".html": parse_html,
    ".htm": parse_html,
}
"""Parser by file suffix (lower case); any other suffix is pasted text."""


def load_article(path: Path | str, *, headline: str | None = None) -> Article:
    """Read and parse an article file: Markdown, HTML or text pasted from a web page, by suffix.

    ``headline`` (``--headline`` on the command line) is the headline to use when the page shows
    none, or shows a wrong one: it replaces whatever headline the reader finds.
    """
    path = Path(path)
    parse = PARSERS.get(path.suffix.lower(), parse_plain_text)
    return parse(read_article_text(path), path, headline=headline)


__all__ = ["MAX_BYTES", "PARSERS", "load_article", "read_article_text"]
