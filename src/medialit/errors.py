"""The package's exceptions.

Every error that bad input can cause is a :class:`MedialitError`, so the command line catches
that one class, prints its message (which names the file and, where known, the place in it) and
exits non-zero. Anything else escaping is a bug.

    MedialitError
    ├── ArticleError        an article file cannot be read or parsed
    ├── QuizError           a quiz bank file is not valid YAML or breaks the schema
    │   └── ExportError     a valid bank that an LMS format (GIFT, QTI) cannot hold
    ├── CorrectionsError    a teacher's corrections file is invalid, or no longer fits its article
    └── BuildError          the book could not be built; the previous site is left untouched
"""

from __future__ import annotations

from pathlib import Path


class MedialitError(Exception):
    """Base of every error the package raises on purpose."""


class ArticleError(MedialitError):
    """An article file is missing, empty, binary, too large, undecodable or has no body.

    The message starts with the file name and, where a line is known, ``file:line``.
    """

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.line = line
        self.reason = message
        where = f"{self.path}:{line}" if line is not None else f"{self.path}"
        super().__init__(f"{where}: {message}")


class QuizError(MedialitError):
    """A quiz bank is invalid. The message reads ``file:line: question 'id': field: problem``."""

    def __init__(
        self, path: Path | str, message: str, *, line: int | None = None, question: str | None = None, field: str | None = None
    ) -> None:
        self.path = Path(path)
        self.line = line
        self.question = question
        self.field = field
        self.reason = message
        where = f"{self.path}:{line}" if line is not None else f"{self.path}"
        parts = [where]
        if question:
            parts.append(f"question {question!r}")
        if field:
            parts.append(field)
        super().__init__(": ".join([*parts, message]))


class ExportError(QuizError):
    """A valid bank that an LMS format cannot hold, e.g. answer weights Moodle does not accept.

    It reads like any bank error (``file: question 'id': problem``), since the fix is in the bank.
    """


class CorrectionsError(MedialitError):
    """A corrections file (``analysis/ARTICLE.yml`` in a course) is invalid or no longer fits the article.

    The message reads ``file:line: entry: problem``, e.g.
    ``analysis/leak.yml:57: statement P9 "We read about it …": no source s12 in the analysis (its sources: s1, …)``,
    so a teacher can go to the line and fix it. ``path`` is None for corrections made in Python.
    """

    def __init__(self, path: Path | str | None, message: str, *, line: int | None = None, entry: str | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.line = line
        self.entry = entry
        self.reason = message
        where = str(self.path) if self.path is not None else "corrections"
        if line is not None:
            where += f":{line}"
        super().__init__(": ".join([where, *([entry] if entry else []), message]))


class BuildError(MedialitError):
    """``jupyter-book build`` failed; the message says where its log is."""
