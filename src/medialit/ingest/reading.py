"""Reading an article file's bytes into text, refusing what is not article text."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from medialit.errors import ArticleError
from medialit.textfile import UnreadableFile, read_utf8_text

MAX_BYTES: Final = 2_000_000
"""Largest article accepted: a long feature is about 50 kB; anything near this is not an article."""


def read_article_text(path: Path) -> str:
    """The file's text, or ArticleError if it is missing, empty, too large, binary or not UTF-8."""
    try:
        text = read_utf8_text(path, max_bytes=MAX_BYTES, kind="an article")
    except UnreadableFile as problem:
        raise ArticleError(path, problem.message, problem.line) from None
    if not text.strip():
        raise ArticleError(path, "is empty")
    return text
