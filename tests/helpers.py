"""Helpers shared by the test folders: where the course is, copying it, whether this is CI, reading a marking report back."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, Tag

from medialit.article import Article, Paragraph, Provenance
from medialit.build import copy_course_sources, read_yaml, teacher_pages
from medialit.editions import Edition
from medialit.quiz.model import FindInText, Matching, MultipleSelect, Ordering, QuizBank, ShortAnswer, SingleChoice, TrueFalse

ROOT = Path(__file__).resolve().parent.parent
COURSE_ARTICLE = ROOT / "articles" / "wagner-kosovo-telegraph-2023.txt"
GRADED_BANK = "capstone.yml"
"""The bank that the graded copy of the flagship (the ``graded_course`` fixture) marks ``graded: true``."""
HOSTILE_ARTICLE = ROOT / "tests" / "fixtures" / "articles" / "hostile-everywhere.txt"
"""An article with markup, templates, MyST, comments, RTL and zero-width characters and a very long word
in every part a page can have (headline, sub-headline, byline, caption, body, speakers' names)."""
HOSTILE_MARKER = "alert("
"""Every piece of planted markup calls ``alert(``: wherever it runs or is live, the marker shows it."""


@dataclass(frozen=True)
class HostileCourse:
    """The course ``medialit new`` writes for the hostile article, and everything made from it."""

    course: Path
    student_site: Path
    teacher_site: Path
    epub: Path
    bundle: Path


def in_ci() -> bool:
    """True when the ``CI`` variable is set to a true value, as CI sets it."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def copy_course(destination: Path) -> Path:
    """Copy the flagship course's sources (not its build) to ``destination``."""
    return copy_course_sources(ROOT, destination)


def teacher_docnames(course: Path = ROOT) -> list[str]:
    """The pages only the teacher edition has (``medialit_teacher_pages`` in the course's settings)."""
    return teacher_pages(read_yaml(course / "_config.yml"))


def toc_docnames(toc_file: Path = ROOT / "_toc.yml", edition: Edition = Edition.STUDENT) -> list[str]:
    """Every document the table of contents lists for ``edition``, root first."""
    toc = yaml.safe_load(toc_file.read_text(encoding="utf-8"))
    names = [toc["root"]]

    def walk(entries: list[dict]) -> None:
        for entry in entries:
            if "file" in entry:
                names.append(entry["file"])
            walk(entry.get("chapters", []) + entry.get("sections", []))

    walk(toc.get("parts", []) + toc.get("chapters", []))
    if edition is Edition.STUDENT:
        hidden = set(teacher_docnames(toc_file.parent))
        names = [name for name in names if name not in hidden]
    return names


GOLD_ARTICLES = sorted(path for path in (ROOT / "articles").iterdir() if (ROOT / "tests" / "gold" / f"{path.stem}.yml").is_file())
"""The articles with a hand-made gold annotation: the course article and the five test articles."""


def sphinx_html(source: Path, out: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    """Build ``source`` (a conf.py and an index.md) with Sphinx, warnings as errors; the result and the index page."""
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-W", "-n", "-q", str(source), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    return result, out / "index.html"


VERSIONS_CONF = """
extensions = ["myst_parser", "medialit.sphinxext"]
project = "versions-directive-test"
html_theme = "basic"
exclude_patterns = ["articles"]
"""
VERSIONS_PAGE = """# Two versions

```{{versions-compare}} /articles/{a} /articles/{b}
:labels: {labels}
{options}
```
"""


def versions_page(
    tmp_path: Path, a: Path, b: Path, *, labels: str = "The wire copy | The later copy", options: str = ""
) -> tuple[int, str, Path]:
    """A small Sphinx book of one page comparing versions ``a`` and ``b`` with ``{versions-compare}``: status, errors, page."""
    source = tmp_path / "src"
    (source / "articles").mkdir(parents=True)
    for path in (a, b):
        shutil.copy(path, source / "articles" / path.name)
    (source / "conf.py").write_text(VERSIONS_CONF, encoding="utf-8")
    (source / "index.md").write_text(VERSIONS_PAGE.format(a=a.name, b=b.name, labels=labels, options=options), encoding="utf-8")
    result, page = sphinx_html(source, tmp_path / "out")
    return result.returncode, result.stderr, page


def article_of(*paragraphs: str, headline: str = "A headline") -> Article:
    """An article of these paragraphs (P1, P2 …) and nothing else, as the analysis tests need."""
    return Article(
        source=Path("test.txt"),
        headline=headline,
        subheadline=None,
        byline=None,
        provenance=Provenance(),
        paragraphs=tuple(Paragraph(n, text, n) for n, text in enumerate(paragraphs, start=1)),
    )


def key_texts(bank: QuizBank) -> list[str]:
    """Every text of a bank that only its key holds: feedback, explanations, model answers, rubrics."""
    texts: list[str] = []
    for question in bank.questions:
        texts.append(question.explanation)
        match question:
            case SingleChoice() | MultipleSelect():
                texts.extend(option.feedback for option in question.options)
            case TrueFalse():
                texts.extend((question.feedback.when_true, question.feedback.when_false))
            case Matching():
                texts.extend(pair.feedback for pair in question.pairs)
            case Ordering():
                texts.extend(item.feedback for item in question.items if item.feedback)
            case FindInText():
                texts.extend(question.feedback.values())
            case ShortAnswer():
                texts.append(question.model_answer)
                texts.extend(question.rubric)
    return texts


@dataclass(frozen=True)
class ShownReport:
    """What the HTML marking report (``medialit mark --html``) shows, read back from its tables."""

    students: dict[str, list[str]]
    """Each student's label (the row header) and the row's other cells."""
    questions: dict[tuple[str, str], dict[str, str]]
    """By (quiz id, question id): the cells "answered", "right", "share" and "tries"."""
    choices: dict[tuple[str, str, str], dict[str, str]]
    """By (quiz id, question id, what was chosen): the cells "students" and "feedback"."""
    written: list[tuple[str, str, str]]
    """Each written answer: the student, the answer and the self-assessed cell."""


def read_report(html: str) -> ShownReport:
    """Read the marking report's tables back, as a teacher would read them."""
    page = BeautifulSoup(html, "html.parser")

    def cells(row: Tag) -> list[str]:
        return [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]

    students = {}
    for row in page.select("table.students tbody tr"):
        label, *rest = cells(row)
        students[label] = rest
    questions = {}
    for row in page.select("table.questions tbody tr"):
        _, _, _, answered, right, share, tries = cells(row)
        questions[str(row["data-quiz"]), str(row["data-question"])] = {
            "answered": answered,
            "right": right,
            "share": share,
            "tries": tries,
        }
    choices = {}
    for row in page.select("table.choices tbody tr"):
        _, count, _, _ = cells(row)
        label, feedback = row.th.get_text().strip(), row.find_all("td")[-1].get_text().strip()
        choices[str(row["data-quiz"]), str(row["data-question"]), label] = {"students": count, "feedback": feedback}
    written = []
    for row in page.select("table.written tbody tr"):
        student, _, _, assessed = cells(row)
        written.append((student, row.find_all("td")[1].get_text().strip(), assessed))
    return ShownReport(students, questions, choices, written)
