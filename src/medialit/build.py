"""Building a course directory into a static site, all or nothing.

``jupyter-book build`` writes pages as it goes, so a failed build would leave a site that is
half old and half new. Here Jupyter Book builds into a staging folder (kept between builds so
rebuilds are incremental) and the finished site replaces ``_build/html`` only when the build
passed with no warning (``-W -n``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from medialit.errors import BuildError, MedialitError
from medialit.quiz.load import find_banks, load_bank

COURSE_SOURCES = ("_config.yml", "_toc.yml", "book", "articles", "exercises")
"""What a course is made of; everything else in its folder (builds, caches) is not the course."""

STRICT_FLAGS = ("-W", "-n", "--keep-going")
"""Warnings are errors, broken references are warnings, and every warning is reported at once."""


@dataclass(frozen=True)
class CourseLayout:
    """Where a course's sources and outputs live."""

    root: Path

    @property
    def site(self) -> Path:
        """The published site: ``_build/html``; open its ``index.html`` in a browser."""
        return self.root / "_build" / "html"

    @property
    def staging(self) -> Path:
        """Jupyter Book's own output folder, kept for incremental rebuilds."""
        return self.root / "_build" / ".staging"

    @property
    def staged_site(self) -> Path:
        return self.staging / "_build" / "html"

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


def copy_course_sources(source: Path, destination: Path) -> Path:
    """Copy a course's sources (``COURSE_SOURCES``, not its build) into ``destination``."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in COURSE_SOURCES:
        if (source / name).is_dir():
            shutil.copytree(source / name, destination / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        elif (source / name).is_file():
            shutil.copy2(source / name, destination / name)
    return destination


def jupyter_book_command() -> Path:
    """The ``jupyter-book`` of this Python environment, so a build never uses another install."""
    beside = Path(sys.executable).parent / "jupyter-book"
    if beside.exists():
        return beside
    found = shutil.which("jupyter-book")
    if found is None:
        raise BuildError("jupyter-book is not installed in this environment (run `make course`)")
    return Path(found)


def _publish(staged: Path, site: Path) -> None:
    """Replace ``site`` by a copy of ``staged`` with two renames, never leaving it half-copied."""
    incoming = site.with_name(site.name + ".new")
    outgoing = site.with_name(site.name + ".old")
    for leftover in (incoming, outgoing):
        if leftover.exists():
            shutil.rmtree(leftover)
    shutil.copytree(staged, incoming)
    if site.exists():
        site.rename(outgoing)
    incoming.rename(site)
    if outgoing.exists():
        shutil.rmtree(outgoing)


def build_course(root: Path | str = ".", *, clean: bool = False) -> Path:
    """Build the course in ``root`` and return the site folder; BuildError if the build failed.

    ``clean`` discards the staging folder first (a cold build). Jupyter Book's messages go to
    this process's standard output and error as it runs.
    """
    layout = CourseLayout(Path(root).resolve())
    layout.check()
    layout.check_quiz_banks()
    if clean and layout.staging.exists():
        shutil.rmtree(layout.staging)
    layout.staging.mkdir(parents=True, exist_ok=True)
    command = [
        str(jupyter_book_command()),
        "build",
        str(layout.root),
        "--path-output",
        str(layout.staging),
        *STRICT_FLAGS,
    ]
    status = subprocess.run(command, check=False).returncode
    if status != 0 or not (layout.staged_site / "index.html").is_file():
        # With --keep-going a failed build still writes pages (even for files it warned about);
        # discard them so that no later build publishes them.
        shutil.rmtree(layout.staging, ignore_errors=True)
        raise BuildError(
            f"{layout.root}: jupyter-book build failed (exit status {status}); "
            f"the messages above say where. {layout.site} was left as it was."
        )
    _publish(layout.staged_site, layout.site)
    return layout.site
