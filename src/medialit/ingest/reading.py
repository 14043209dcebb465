"""Reading an article file's bytes into text, refusing what is not article text."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from medialit.errors import ArticleError

MAX_BYTES: Final = 2_000_000
"""Largest article accepted: a long feature is about 50 kB; anything near this is not an article."""


def read_article_text(path: Path) -> str:
    """The file's text, or ArticleError if it is missing, empty, too large, binary or not UTF-8."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(path, "no such file") from None
    except IsADirectoryError:
        raise ArticleError(path, "is a directory, not an article file") from None
    except OSError as error:
        raise ArticleError(path, f"cannot be read ({error.strerror})") from None
    if len(data) > MAX_BYTES:
        raise ArticleError(path, f"is {len(data):,} bytes; an article may be at most {MAX_BYTES:,}")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ArticleError(path, "is a binary file (it contains NUL bytes), not article text", line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ArticleError(path, f"is not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})", line) from None
    if not text.strip():
        raise ArticleError(path, "is empty")
    return text.replace("\r\n", "\n").replace("\r", "\n")
