"""Building a course directory into a static site (or a one-page site, or an EPUB), all or nothing.

``jupyter-book build`` writes pages as it goes, so a failed build would leave a site that is
half old and half new. Here Jupyter Book builds into a staging folder (kept between builds so
rebuilds are incremental) and the finished output replaces the published one (``_build/html``
for the student site) only when the build passed with no warning (``-W -n``).

An edition is chosen by the settings Jupyter Book is given, never by editing the course: each
edition and output gets its own copy of ``_config.yml`` (with ``medialit_edition`` set) and of
``_toc.yml`` (the student edition's without the teacher pages) in its staging folder.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from medialit.buildlog import BuildEvent, relative_problems, run_logged
from medialit.editions import Edition, Output
from medialit.errors import BuildError, MedialitError
from medialit.quiz.load import find_banks, load_bank

COURSE_SOURCES = ("_config.yml", "_toc.yml", "book", "articles", "exercises", "analysis")
"""What a course is made of; everything else in its folder (builds, caches) is not the course."""

STRICT_FLAGS = ("-W", "-n", "--keep-going")
"""Warnings are errors, broken references are warnings, and every warning is reported at once."""


@dataclass(frozen=True)
class CourseLayout:
    """Where a course's sources and outputs live."""

    root: Path

    @property
    def site(self) -> Path:
        """The published student site: ``_build/html``; open its ``index.html`` in a browser."""
        return self.output(Edition.STUDENT, Output.HTML)

    def output(self, edition: Edition, output: Output) -> Path:
        """Where a build is published: ``_build/<output>`` for students, ``_build/teacher/<output>`` for teachers."""
        base = self.root / "_build"
        return base / output.value if edition is Edition.STUDENT else base / edition.value / output.value

    @property
    def staging_root(self) -> Path:
        """Jupyter Book's own output folders, one per edition and output, kept for incremental rebuilds."""
        return self.root / "_build" / ".staging"

    def staging(self, edition: Edition, output: Output) -> Path:
        return self.staging_root / f"{edition.value}-{output.value}"

    def staged(self, edition: Edition, output: Output) -> Path:
        """Where Jupyter Book writes the output inside its staging folder."""
        return self.staging(edition, output) / "_build" / output.value

    def log(self, edition: Edition, output: Output) -> Path:
        """The whole Jupyter Book log of the last build of an edition and output, kept to read after it."""
        return self.root / "_build" / "logs" / f"{edition.value}-{output.value}.log"

    @property
    def exercises(self) -> Path:
        """The quiz banks (YAML) and the exercise notebooks that show them."""
        return self.root / "exercises"

    def check(self) -> None:
        """MedialitError unless ``root`` holds a book (``_config.yml`` and ``_toc.yml``)."""
        if not self.root.is_dir():
            raise MedialitError(f"{self.root}: no such course directory")
        for name in ("_config.yml", "_toc.yml"):
            if not (self.root / name).is_file():
                raise MedialitError(f"{self.root}: not a course directory (no {name})")

    def check_quiz_banks(self) -> int:
        """Validate every quiz bank before building (QuizError naming the file and place); the count.

        A bad bank would otherwise surface as a failed notebook cell deep in Jupyter Book's log.
        """
        banks = find_banks(self.exercises) if self.exercises.is_dir() else []
        for path in banks:
            load_bank(path)
        return len(banks)

    def refresh_quiz_notebooks(self) -> list[Path]:
        """Run again (in one kernel) the quiz notebooks whose bank changed since their output was saved.

        Only notebooks marked as a generated course's quiz (:mod:`medialit.notebooks`) are
        considered; they are not executed by Jupyter Book, so this keeps their output current.
        """
        if not self.exercises.is_dir():
            return []
        from medialit.notebooks import execute_notebooks, stale_quiz_notebooks

        stale = stale_quiz_notebooks(self.exercises)
        if stale:
            execute_notebooks(stale)
        return stale


def copy_course_sources(source: Path, destination: Path) -> Path:
    """Copy a course's sources (``COURSE_SOURCES``, not its build) into ``destination``."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in COURSE_SOURCES:
        if (source / name).is_dir():
            shutil.copytree(source / name, destination / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        elif (source / name).is_file():
            shutil.copy2(source / name, destination / name)
    return destination


def read_yaml(path: Path) -> dict[str, Any]:
    """A course settings file as a mapping; MedialitError naming the file if it is not one."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise MedialitError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise MedialitError(f"{path}: expected a mapping of settings")
    return data


def sphinx_settings(config: dict[str, Any]) -> dict[str, Any]:
    """A course's ``sphinx.config`` settings (empty if ``_config.yml`` has none)."""
    return dict((config.get("sphinx") or {}).get("config") or {})


def teacher_pages(config: dict[str, Any]) -> list[str]:
    """The pages (docnames) only the teacher edition has: ``sphinx.config.medialit_teacher_pages``."""
    pages = sphinx_settings(config).get("medialit_teacher_pages") or []
    if not isinstance(pages, list) or not all(isinstance(page, str) for page in pages):
        raise MedialitError("_config.yml: sphinx.config.medialit_teacher_pages must be a list of page names")
    return pages


def without_pages(toc: Any, pages: set[str]) -> Any:
    """The table of contents ``toc`` without the entries whose ``file`` is in ``pages`` (and their sections).

    A part or chapter list left empty is dropped too, so the student edition has no empty caption.
    """
    if isinstance(toc, list):
        kept = [without_pages(entry, pages) for entry in toc]
        return [entry for entry in kept if entry is not None]
    if not isinstance(toc, dict):
        return toc
    if str(toc.get("file", "")).removesuffix(".md").removesuffix(".ipynb") in pages:
        return None
    filtered: dict[str, Any] = {}
    for key, value in toc.items():
        value = without_pages(value, pages)
        if key in ("parts", "chapters", "sections") and isinstance(value, list) and not value:
            if key == "chapters":
                return None
            continue
        filtered[key] = value
    return filtered


def edition_settings(layout: CourseLayout, edition: Edition, output: Output) -> tuple[Path, Path]:
    """Write this edition's ``_config.yml`` and ``_toc.yml`` into its staging folder; their paths."""
    config = read_yaml(layout.root / "_config.yml")
    toc = read_yaml(layout.root / "_toc.yml")
    if edition is Edition.STUDENT:
        hidden = set(teacher_pages(config))
        if toc.get("root") in hidden:
            raise MedialitError(f"{layout.root / '_config.yml'}: the root page cannot be a teacher page")
        toc = without_pages(toc, hidden)
    config["sphinx"] = {**(config.get("sphinx") or {}), "config": {**sphinx_settings(config), "medialit_edition": edition.value}}
    folder = layout.staging(edition, output)
    folder.mkdir(parents=True, exist_ok=True)
    config_path = folder / "_config.yml"
    toc_path = folder / "_toc.yml"
    for path, data in ((config_path, config), (toc_path, toc)):
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:  # unchanged: no full rebuild
            path.write_text(text, encoding="utf-8")
    return config_path, toc_path


def jupyter_book_command() -> Path:
    """The ``jupyter-book`` of this Python environment, so a build never uses another install."""
    beside = Path(sys.executable).parent / "jupyter-book"
    if beside.exists():
        return beside
    found = shutil.which("jupyter-book")
    if found is None:
        raise BuildError("jupyter-book is not installed in this environment (run `make course`)")
    return Path(found)


def _publish(staged: Path, site: Path, output: Output) -> None:
    """Replace ``site`` by a copy of ``staged`` with two renames, never leaving it half-copied.

    Of an EPUB build only the book is published: its folder also holds the book's unpacked parts.
    """
    incoming = site.with_name(site.name + ".new")
    outgoing = site.with_name(site.name + ".old")
    for leftover in (incoming, outgoing):
        if leftover.exists():
            shutil.rmtree(leftover)
    if output is Output.EPUB:
        incoming.mkdir()
        for book in staged.glob("*.epub"):
            shutil.copy2(book, incoming / book.name)
    else:
        shutil.copytree(staged, incoming)
    if site.exists():
        site.rename(outgoing)
    incoming.rename(site)
    if outgoing.exists():
        shutil.rmtree(outgoing)


def _builder_options(output: Output) -> list[str]:
    if output is Output.EPUB:
        return ["--builder", "custom", "--custom-builder", "epub"]
    return ["--builder", output.value]


def _finished(staged: Path, output: Output) -> bool:
    """Whether Jupyter Book left a whole output (a failed build can leave some pages)."""
    if output is Output.EPUB:
        return any(staged.glob("*.epub"))
    return (staged / "index.html").is_file()


def build_course(
    root: Path | str = ".",
    *,
    edition: Edition = Edition.STUDENT,
    output: Output = Output.HTML,
    clean: bool = False,
    on_event: Callable[[BuildEvent], None] | None = None,
    echo: Callable[[str], None] | None = None,
) -> Path:
    """Build one edition of the course in ``root`` into ``output``; the published folder.

    BuildError if the build failed (the published folder is then left as it was), repeating each
    warning with its file and line. ``clean`` discards this build's staging folder first (a cold
    build). Jupyter Book's whole log is kept in ``_build/logs/``; ``on_event`` is told each stage
    and page as the build goes, and ``echo`` (the verbose display) gets every line of the log.
    """
    layout = CourseLayout(Path(root).resolve())
    layout.check()
    layout.check_quiz_banks()
    if on_event is not None:
        on_event(BuildEvent("Checking quiz notebooks"))
    layout.refresh_quiz_notebooks()
    staging = layout.staging(edition, output)
    if clean and staging.exists():
        shutil.rmtree(staging)
    config_path, toc_path = edition_settings(layout, edition, output)
    command = [
        str(jupyter_book_command()),
        "build",
        str(layout.root),
        "--path-output",
        str(staging),
        "--config",
        str(config_path),
        "--toc",
        str(toc_path),
        *_builder_options(output),
        *STRICT_FLAGS,
    ]
    staged = layout.staged(edition, output)
    published = layout.output(edition, output)
    log = layout.log(edition, output)
    run = run_logged(
        command,
        log,
        on_event=on_event,
        echo=echo,
        renames=[(str(staged), str(published)), (str(staged.relative_to(layout.root)), str(published.relative_to(layout.root)))],
    )
    if run.status != 0 or not _finished(staged, output):
        # With --keep-going a failed build still writes pages (even for files it warned about);
        # discard them so that no later build publishes them.
        shutil.rmtree(staging, ignore_errors=True)
        problems = relative_problems(run.problems, layout.root) or ["(no warning was reported; the log ends:)", *run.tail]
        listed = "\n".join(f"  {problem}" for problem in problems)
        raise BuildError(
            f"{layout.root}: jupyter-book build of the {edition.value} edition ({output.value}) failed "
            f"(exit status {run.status}) with {_count(run.problems, 'problem')}:\n{listed}\n"
            f"The whole log is in {log}. {published} was left as it was."
        )
    if on_event is not None:
        on_event(BuildEvent("Publishing"))
    published.parent.mkdir(parents=True, exist_ok=True)
    _publish(staged, published, output)
    return published


def _count(items: list[str], noun: str) -> str:
    return f"{len(items)} {noun}{'s' * (len(items) != 1)}"


def epub_file(folder: Path) -> Path:
    """The book in a published EPUB folder (``_build/epub``); Sphinx names it after the project."""
    books = sorted(folder.glob("*.epub"))
    if len(books) != 1:
        raise BuildError(f"{folder}: expected one .epub file, found {len(books)} (build with --clean to start afresh)")
    return books[0]
