"""Reading a UTF-8 text file that a person supplied (an article, a quiz bank), with limits.

Callers turn :class:`UnreadableFile` into their own error (ArticleError, QuizError), so every
input file fails the same way: missing, a folder, too large, binary or not UTF-8.
"""

from __future__ import annotations

from pathlib import Path


class UnreadableFile(Exception):
    """Why a file cannot be read as text, and the line where that shows, if known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def read_utf8_text(path: Path, *, max_bytes: int, kind: str) -> str:
    """The file's text with newlines normalised; ``kind`` ("an article") words the size limit."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFile("no such file") from None
    except IsADirectoryError:
        raise UnreadableFile("is a directory, not a file") from None
    except OSError as error:
        raise UnreadableFile(f"cannot be read ({error.strerror})") from None
    if len(data) > max_bytes:
        raise UnreadableFile(f"is {len(data):,} bytes; {kind} may be at most {max_bytes:,}")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise UnreadableFile("is a binary file (it contains NUL bytes), not text", line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise UnreadableFile(f"is not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})", line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
