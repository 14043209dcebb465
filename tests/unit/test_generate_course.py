"""medialit new: a complete course from an article, deterministic, all or nothing, never overwriting; --refresh."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
import yaml

from helpers import COURSE_ARTICLE, ROOT
from medialit.cli import main
from medialit.escape import myst_text
from medialit.generate.course import PAGES, CourseExistsError, NotACourseError, new_course, next_steps, refresh_course
from medialit.generate.questions import BANKS
from medialit.notebooks import stale_quiz_notebooks
from medialit.quiz import load_bank

HOSTILE = ROOT / "tests" / "fixtures" / "articles" / "hostile.txt"
LOCAL_TV = ROOT / "articles" / "local-tv-story-reporter-i.txt"
CHAPTERS = ("provenance", "framing", "sourcing", "comparisons")


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The course article's course, written once for the tests that only read it."""
    return new_course(COURSE_ARTICLE, tmp_path_factory.mktemp("new") / "course")


def test_a_course_has_the_flagships_layout_a_quiz_per_chapter_and_a_corrections_file(course: Path) -> None:
    """Does a course have every page, one quiz bank and notebook per chapter (and the check), and the analysis to edit?"""
    assert (course / "_config.yml").is_file() and (course / "_toc.yml").is_file()
    assert sorted(p.stem for p in (course / "book").glob("*.md")) == sorted(PAGES)
    assert (course / "articles" / COURSE_ARTICLE.name).read_bytes() == COURSE_ARTICLE.read_bytes()
    assert (course / "analysis" / f"{COURSE_ARTICLE.stem}.yml").is_file()
    total = 0
    for spec in BANKS:
        bank = load_bank(course / "exercises" / f"{spec.id}.yml")
        assert bank.questions and (course / "exercises" / f"{spec.id}-quiz.ipynb").is_file()
        total += len(bank.questions)
    assert total >= 12
    assert "Teacher:" in (course / "book" / "sourcing.md").read_text(encoding="utf-8")


def test_every_chapter_lists_its_quiz_and_opens_with_what_stands_out(course: Path) -> None:
    toc = yaml.safe_load((course / "_toc.yml").read_text(encoding="utf-8"))
    chapters = {c["file"]: c for part in toc["parts"] for c in part["chapters"]}
    for page in (*CHAPTERS, "check"):
        assert chapters[f"book/{page}"]["sections"] == [{"file": f"exercises/{page}-quiz"}]
    for page in CHAPTERS:
        text = (course / "book" / f"{page}.md").read_text(encoding="utf-8")
        assert "## What stands out in this article" in text and f":chapter: {page}" in text


def test_sections_with_nothing_found_are_left_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Is there no "Headline against body" table, and no comparison table, when the analysis found neither?"""
    monkeypatch.setattr("medialit.generate.course.execute_notebooks", lambda paths: None)
    course = new_course(LOCAL_TV, tmp_path / "course")
    framing = (course / "book" / "framing.md").read_text(encoding="utf-8")
    comparisons = (course / "book" / "comparisons.md").read_text(encoding="utf-8")
    assert "analysis-headline" not in framing and "analysis-analogies" not in comparisons
    assert "Context and comparisons" in comparisons
    assert [q.id for q in load_bank(course / "exercises" / "comparisons.yml").questions] == ["context-comparison"]


def test_the_glossary_lists_the_articles_terms_next_to_the_media_literacy_terms(course: Path) -> None:
    text = (course / "book" / "glossary.md").read_text(encoding="utf-8")
    assert "```{glossary}" in text and f"```{{article-terms}} /articles/{COURSE_ARTICLE.name}" in text


def test_the_same_article_gives_the_same_files(tmp_path: Path, course: Path) -> None:
    second = new_course(COURSE_ARTICLE, tmp_path / "b")
    for path in sorted(p for p in course.rglob("*") if p.is_file()):
        assert filecmp.cmp(path, second / path.relative_to(course), shallow=False), path


def test_quiz_notebooks_are_stamped_so_that_a_build_runs_only_changed_ones(tmp_path: Path, course: Path) -> None:
    """Does a freshly written course have no stale quiz notebook, and is an edited bank's notebook stale?"""
    assert stale_quiz_notebooks(course / "exercises") == []
    copy = tmp_path / "copy"
    for path in course.rglob("*"):
        if path.is_file():
            (copy / path.relative_to(course)).parent.mkdir(parents=True, exist_ok=True)
            (copy / path.relative_to(course)).write_bytes(path.read_bytes())
    bank = copy / "exercises" / "framing.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("Quiz: ", "Quiz (edited): ", 1), encoding="utf-8")
    assert stale_quiz_notebooks(copy / "exercises") == [copy / "exercises" / "framing-quiz.ipynb"]


def test_new_prints_the_next_steps(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """After `new`, does the command say how to build both editions and where to edit?"""
    monkeypatch.setattr("medialit.generate.course.execute_notebooks", lambda paths: None)
    out = tmp_path / "course"
    assert main(["new", str(LOCAL_TV), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"medialit build {out}" in printed and "--edition teacher" in printed and "Teacher:" in printed
    assert f"{out}/analysis/{LOCAL_TV.stem}.yml" in printed and f"medialit new --refresh {out}" in printed
    assert all(line in printed for line in next_steps(out, LOCAL_TV.name))


def test_refresh_rewrites_the_quizzes_from_the_corrections_and_keeps_the_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Renaming a source and giving a statement to another speaker in the corrections file: do the questions follow?"""
    monkeypatch.setattr("medialit.generate.course.execute_notebooks", lambda paths: None)
    course = new_course(LOCAL_TV, tmp_path / "course")
    page = course / "book" / "sourcing.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMy own note.\n", encoding="utf-8")
    corrections = course / "analysis" / f"{LOCAL_TV.stem}.yml"
    text = corrections.read_text(encoding="utf-8")
    text = text.replace("  name: Luis Ferreira\n", "  name: Captain Luis Ferreira\n", 1)
    text = text.replace(
        "  text: She shouldn’t have to be alone\n  speaker: s6", "  text: She shouldn’t have to be alone\n  speaker: s2"
    )
    corrections.write_text(text, encoding="utf-8")
    before = (course / "exercises" / "sourcing.yml").read_text(encoding="utf-8")
    assert "Captain Luis Ferreira" not in before
    refresh_course(course)
    after = (course / "exercises" / "sourcing.yml").read_text(encoding="utf-8")
    assert "Captain Luis Ferreira" in after
    check = load_bank(course / "exercises" / "check.yml")
    assert any("Captain Luis Ferreira" in q.prompt for q in check.questions)
    assert page.read_text(encoding="utf-8").endswith("My own note.\n")
    assert corrections.read_text(encoding="utf-8") == text


def test_force_keeps_a_teachers_corrections_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Does `new --force` over a course keep its edited corrections file, and build the quizzes from it?"""
    monkeypatch.setattr("medialit.generate.course.execute_notebooks", lambda paths: None)
    course = new_course(LOCAL_TV, tmp_path / "course")
    corrections = course / "analysis" / f"{LOCAL_TV.stem}.yml"
    edited = corrections.read_text(encoding="utf-8").replace("  name: Luis Ferreira\n", "  name: Captain Luis Ferreira\n", 1)
    corrections.write_text(edited, encoding="utf-8")
    new_course(LOCAL_TV, course, force=True)
    assert corrections.read_text(encoding="utf-8") == edited
    assert "Captain Luis Ferreira" in (course / "exercises" / "sourcing.yml").read_text(encoding="utf-8")


def test_refresh_refuses_a_folder_that_is_not_a_course(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(NotACourseError, match="not a course"):
        refresh_course(tmp_path)
    assert main(["new", "--refresh", str(tmp_path)]) == 1
    assert "not a course" in capsys.readouterr().err
    assert main(["new", str(LOCAL_TV), "--refresh", str(tmp_path)]) == 1
    assert main(["new", str(LOCAL_TV)]) == 1


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


def test_article_text_reaches_pages_only_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("medialit.generate.course.execute_notebooks", lambda paths: None)
    course = new_course(HOSTILE, tmp_path / "course")
    index = (course / "book" / "index.md").read_text(encoding="utf-8")
    first_line = index.splitlines()[0]
    assert first_line.startswith("# ") and "<script>" not in first_line and r"\<script\>" in first_line
    for page in PAGES:
        text = (course / "book" / f"{page}.md").read_text(encoding="utf-8")
        assert "alert(" not in text.replace(r"alert\(", "")


def test_myst_escape_neutralises_markup() -> None:
    assert myst_text("{raw} `x` <b> *y* [z](u) #h") == r"\{raw\} \`x\` \<b\> \*y\* \[z\]\(u\) \#h"
