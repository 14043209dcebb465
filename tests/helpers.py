"""Helpers shared by the test folders: where the course is, copying it, and whether this is CI."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from medialit.build import copy_course_sources

ROOT = Path(__file__).resolve().parent.parent
COURSE_ARTICLE = ROOT / "articles" / "wagner-kosovo-telegraph-2023.txt"


def in_ci() -> bool:
    """True when the ``CI`` variable is set to a true value, as CI sets it."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def copy_course(destination: Path) -> Path:
    """Copy the flagship course's sources (not its build) to ``destination``."""
    return copy_course_sources(ROOT, destination)


def toc_docnames(toc_file: Path = ROOT / "_toc.yml") -> list[str]:
    """Every document the table of contents lists, root first."""
    toc = yaml.safe_load(toc_file.read_text(encoding="utf-8"))
    names = [toc["root"]]

    def walk(entries: list[dict]) -> None:
        for entry in entries:
            if "file" in entry:
                names.append(entry["file"])
            walk(entry.get("chapters", []) + entry.get("sections", []))

    walk(toc.get("parts", []) + toc.get("chapters", []))
    return names


GOLD_ARTICLES = sorted(path for path in (ROOT / "articles").iterdir() if (ROOT / "tests" / "gold" / f"{path.stem}.yml").is_file())
"""The articles with a hand-made gold annotation: the course article and the five test articles."""
