"""``medialit new``: a complete first draft of a course from any article, in the flagship's layout.

The steps run in order, each shown as a progress step: analyse the article, write the pages and
the quiz bank, run the quiz notebook. Pages show the article and its analysis through directives
that read the article at build time, so article text never enters a page as MyST (it cannot run
or be parsed); the few strings that do (the title) pass through :func:`myst_text`. Everything is
written to a temporary folder first and moved into place at the end: an error leaves nothing
behind, and an existing course is never overwritten without ``force``.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import nbformat
import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined

from medialit.analysis import Analysis, analyze
from medialit.errors import MedialitError
from medialit.escape import file_name, myst_text
from medialit.generate.questions import generate_bank
from medialit.ingest import load_article
from medialit.notebooks import execute_notebook

BANK_ID: Final = "reading"
PAGES: Final = (
    "index", "how-to-use", "article", "provenance", "framing", "sourcing", "comparisons", "quiz", "teacher-guide",
    "answer-keys", "glossary", "progress",
)  # fmt: skip
READING_WORDS_PER_MINUTE: Final = 180


class CourseExistsError(MedialitError):
    """The output folder holds files already; ``--force`` is needed to write over them."""


def project_slug(title: str) -> str:
    """A stable identifier for the course (its saved quiz answers are kept under it)."""
    return file_name(title, fallback="course") + "-course"


@dataclass(frozen=True)
class Step:
    """One step of the generator, for a progress display."""

    number: int
    total: int
    description: str


Progress = Callable[[Step], None]


def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("medialit.generate", "templates"),
        autoescape=False,  # Markdown and YAML, not HTML: article text never reaches a template unescaped
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    environment.filters["myst"] = myst_text
    return environment


def _first_paragraphs(analysis: Analysis) -> str:
    last = min(3, len(analysis.article.paragraphs))
    return "1" if last == 1 else f"1-{last}"


def _quiz_notebook(bank_id: str, title: str) -> Any:
    """The exercise notebook that shows the bank (nbformat has no type annotations, hence Any)."""
    v4: Any = nbformat.v4
    notebook = v4.new_notebook()
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    intro = v4.new_markdown_cell(
        f"# {myst_text(title)}\n\nAnswer each question, then press **Check answer**. Your answers stay in this browser; "
        "see {doc}`../book/progress`. In Jupyter, run the cell below for the same quiz as live widgets."
    )
    code = v4.new_code_cell(f'from medialit.quiz import show_quiz\n\nshow_quiz("{bank_id}.yml")')
    intro.id, code.id = "cell-0", "cell-1"
    notebook.cells = [intro, code]
    return notebook


def _write_course(folder: Path, article_path: Path, analysis: Analysis, title: str, headline: str | None = None) -> int:
    environment = _environment()
    article_name = article_path.name
    bank_title = "Quiz: a careful reading"
    bank = generate_bank(
        analysis, bank_id=BANK_ID, title=bank_title, chapter=f"exercises/{BANK_ID}-quiz", article=f"../articles/{article_name}"
    )
    words = sum(len(p.text.split()) for p in analysis.article.paragraphs)
    context = {
        "title": title,
        "headline": headline,
        "project": project_slug(title),
        # The article's year, not today's: the same article must give the same files.
        "year": str(analysis.article.provenance.original_date.year) if analysis.article.provenance.original_date else "",
        "article_name": article_name,
        "bank_id": BANK_ID,
        "question_count": len(bank.questions),
        "has_analogies": bool(analysis.analogies),
        "republisher": analysis.article.provenance.republisher,
        "first_paragraphs": _first_paragraphs(analysis),
        "reading_minutes": max(1, round(words / READING_WORDS_PER_MINUTE)),
    }
    (folder / "book").mkdir(parents=True)
    (folder / "articles").mkdir()
    (folder / "exercises").mkdir()
    shutil.copy2(article_path, folder / "articles" / article_name)
    for name in ("_config.yml", "_toc.yml"):
        (folder / name).write_text(environment.get_template(f"{name}.j2").render(context), encoding="utf-8")
    for page in PAGES:
        (folder / "book" / f"{page}.md").write_text(
            environment.get_template(f"book/{page}.md.j2").render(context), encoding="utf-8"
        )
    bank_data = bank.model_dump(mode="json", exclude_defaults=False)
    (folder / "exercises" / f"{BANK_ID}.yml").write_text(
        "# Generated by medialit from the analysis of the article; review before use.\n"
        + yaml.safe_dump(bank_data, sort_keys=False, allow_unicode=True, width=110),
        encoding="utf-8",
    )
    nbformat.write(_quiz_notebook(BANK_ID, bank_title), folder / "exercises" / f"{BANK_ID}-quiz.ipynb")  # type: ignore[no-untyped-call]
    return len(bank.questions)


def new_course(
    article: Path | str,
    out: Path | str,
    *,
    title: str | None = None,
    headline: str | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> Path:
    """Write a course for ``article`` into ``out``; MedialitError (nothing written) on any problem.

    ``headline`` (``--headline``) is the article's headline when its page shows none (or a wrong
    one); the course keeps it in ``_config.yml`` (``medialit_article_headline``), so every page
    that reads the article uses it.
    """
    article_path = Path(article)
    out_path = Path(out)
    if out_path.exists() and not out_path.is_dir():
        raise CourseExistsError(f"{out_path}: exists and is not a folder")
    if out_path.is_dir() and any(out_path.iterdir()) and not force:
        raise CourseExistsError(f"{out_path}: the folder is not empty; use --force to write over the course in it")

    def report(number: int, description: str) -> None:
        if progress is not None:
            progress(Step(number, 3, description))

    report(1, f"analysing {article_path.name}")
    analysis = analyze(load_article(article_path, headline=headline))
    course_title = title or f"Reading the news closely: {analysis.article.title}"
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{out_path.name}.", dir=out_path.parent) as scratch:
        staged = Path(scratch) / "course"
        report(2, "writing the pages and the quiz bank")
        _write_course(staged, article_path, analysis, course_title, headline)
        report(3, "running the quiz notebook")
        execute_notebook(staged / "exercises" / f"{BANK_ID}-quiz.ipynb")
        if out_path.is_dir():
            for path in sorted(staged.rglob("*")):
                target = out_path / path.relative_to(staged)
                if path.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                else:
                    shutil.copy2(path, target)
        else:
            staged.rename(out_path)
    return out_path
