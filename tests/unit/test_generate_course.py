"""medialit new: a complete course from an article, deterministic, all or nothing, never overwriting."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from helpers import COURSE_ARTICLE, ROOT
from medialit.cli import main
from medialit.escape import myst_text
from medialit.generate.course import PAGES, CourseExistsError, new_course
from medialit.quiz import load_bank

HOSTILE = ROOT / "tests" / "fixtures" / "articles" / "hostile.txt"


def test_a_course_has_the_flagships_layout_and_a_valid_bank(tmp_path: Path) -> None:
    course = new_course(COURSE_ARTICLE, tmp_path / "course")
    assert (course / "_config.yml").is_file() and (course / "_toc.yml").is_file()
    assert sorted(p.stem for p in (course / "book").glob("*.md")) == sorted(PAGES)
    assert (course / "articles" / COURSE_ARTICLE.name).read_bytes() == COURSE_ARTICLE.read_bytes()
    bank = load_bank(course / "exercises" / "reading.yml")
    assert len(bank.questions) >= 8
    assert (course / "exercises" / "reading-quiz.ipynb").is_file()
    assert "Teacher:" in (course / "book" / "sourcing.md").read_text(encoding="utf-8")


def test_the_same_article_gives_the_same_files(tmp_path: Path) -> None:
    first = new_course(COURSE_ARTICLE, tmp_path / "a")
    second = new_course(COURSE_ARTICLE, tmp_path / "b")
    for path in sorted(p for p in first.rglob("*") if p.is_file()):
        assert filecmp.cmp(path, second / path.relative_to(first), shallow=False), path


def test_an_existing_course_is_not_overwritten_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "course"
    out.mkdir()
    (out / "notes.md").write_text("mine", encoding="utf-8")
    with pytest.raises(CourseExistsError, match="not empty"):
        new_course(COURSE_ARTICLE, out)
    assert [p.name for p in out.iterdir()] == ["notes.md"]
    assert main(["new", str(COURSE_ARTICLE), "--out", str(out)]) == 1
    assert "use --force" in capsys.readouterr().err
    new_course(COURSE_ARTICLE, out, force=True)
    assert (out / "notes.md").read_text(encoding="utf-8") == "mine" and (out / "_toc.yml").is_file()


def test_a_bad_article_writes_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["new", str(empty), "--out", str(tmp_path / "course")]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt"]


def test_article_text_reaches_pages_only_escaped(tmp_path: Path) -> None:
    course = new_course(HOSTILE, tmp_path / "course")
    index = (course / "book" / "index.md").read_text(encoding="utf-8")
    first_line = index.splitlines()[0]
    assert first_line.startswith("# ") and "<script>" not in first_line and r"\<script\>" in first_line
    for page in PAGES:
        text = (course / "book" / f"{page}.md").read_text(encoding="utf-8")
        assert "alert(" not in text.replace(r"alert\(", "")


def test_myst_escape_neutralises_markup() -> None:
    assert myst_text("{raw} `x` <b> *y* [z](u) #h") == r"\{raw\} \`x\` \<b\> \*y\* \[z\]\(u\) \#h"
