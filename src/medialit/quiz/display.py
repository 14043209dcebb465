"""Showing a quiz in a notebook: one object, every front end gets the rendering it can run.

``Quiz`` answers Jupyter's display protocol with one MIME bundle holding three renderings of the
same bank: the live ipywidgets quiz (JupyterLab, Notebook, Voilà: graded by the Python grader in
the kernel), the self-contained HTML quiz (the static site, where no kernel runs: graded by the
same rules in the browser) and plain text. The book sets ``nb_mime_priority_overrides`` so the
site shows the HTML; Jupyter prefers the widget.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from medialit.article import Article
from medialit.quiz.load import load_bank_with_article
from medialit.quiz.model import QuizBank
from medialit.quiz.render_html import render_bank_html

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


class Quiz:
    """A quiz bank and its article, displayable in a notebook and in the built site."""

    def __init__(self, bank: QuizBank, article: Article) -> None:
        self.bank = bank
        self.article = article

    @classmethod
    def from_file(cls, path: Path | str) -> Quiz:
        """Load and validate a bank (QuizError on a bad file) with the article it cites."""
        return cls(*load_bank_with_article(path))

    def plain_text(self) -> str:
        """The text form: what a terminal or a text-only viewer shows."""
        title = self.bank.title if self.bank.title.lower().startswith("quiz") else f"Quiz: {self.bank.title}"
        lines = [f"{title} ({len(self.bank.questions)} questions)"]
        lines += [f"{n}. {question.prompt}" for n, question in enumerate(self.bank.questions, start=1)]
        return "\n".join(lines)

    def html(self) -> str:
        """The self-contained HTML quiz of the static site."""
        return render_bank_html(self.bank, self.article)

    def widget(self) -> Any:
        """A new live ipywidgets quiz (imported here: only a kernel needs ipywidgets)."""
        from medialit.quiz.widget import build_quiz_widget

        return build_quiz_widget(self.bank, self.article)

    def _repr_mimebundle_(self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None) -> dict[str, Any]:
        bundle: dict[str, Any] = {"text/plain": self.plain_text(), "text/html": self.html()}
        view = self.widget()._repr_mimebundle_()
        if view and WIDGET_MIME in view:
            bundle[WIDGET_MIME] = view[WIDGET_MIME]
        if include is not None:
            bundle = {key: value for key, value in bundle.items() if key in set(include)}
        if exclude is not None:
            bundle = {key: value for key, value in bundle.items() if key not in set(exclude)}
        return bundle


def show_quiz(path: Path | str) -> Quiz:
    """The quiz in the bank file at ``path``, for the last line of a notebook cell."""
    return Quiz.from_file(path)
