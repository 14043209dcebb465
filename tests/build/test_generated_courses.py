"""Courses generated from every gold article build like the flagship: -W -n, valid banks, nbval, offline pages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers import GOLD_ARTICLES, toc_docnames
from medialit.quiz import find_banks, load_bank

pytestmark = pytest.mark.build


def test_there_are_at_least_five_varied_gold_articles() -> None:
    assert len(GOLD_ARTICLES) >= 5 and {p.suffix for p in GOLD_ARTICLES} >= {".txt", ".md", ".html"}


@pytest.mark.parametrize("name", [p.stem for p in GOLD_ARTICLES])
def test_the_generated_course_builds_with_every_page(generated_courses: dict[str, tuple[Path, Path]], name: str) -> None:
    course, site = generated_courses[name]
    for docname in toc_docnames(course / "_toc.yml"):
        assert (site / f"{docname}.html").is_file(), docname
    banks = find_banks(course / "exercises")
    assert banks and all(len(load_bank(bank).questions) >= 5 for bank in banks)


@pytest.mark.parametrize("name", [p.stem for p in GOLD_ARTICLES])
def test_the_generated_notebook_passes_nbval(generated_courses: dict[str, tuple[Path, Path]], name: str) -> None:
    course, _ = generated_courses[name]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval", "-q", "-p", "no:cacheprovider", "-o", "addopts=", str(course / "exercises")],
        capture_output=True,
        text=True,
        check=False,
        cwd=course,
    )
    assert result.returncode == 0, result.stdout[-2000:]
