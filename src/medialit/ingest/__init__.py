"""Reading article files into :class:`~medialit.article.Article` objects.

Reading checks the bytes before parsing, so every bad file fails the same way: one
:class:`~medialit.errors.ArticleError` naming the file (and the line where one is known).
"""

from __future__ import annotations

from pathlib import Path

from medialit.article import Article
from medialit.ingest.plain_text import parse_plain_text
from medialit.ingest.reading import MAX_BYTES, read_article_text


def load_article(path: Path | str) -> Article:
    """Read and parse an article file (text pasted from a web page)."""
    path = Path(path)
    return parse_plain_text(read_article_text(path), path)


__all__ = ["MAX_BYTES", "load_article", "read_article_text"]
