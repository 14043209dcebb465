"""Student and teacher editions of the flagship, built for real, and a graded quiz.

The student edition must hold nothing written for teachers. "Teacher-only" is measured, not
listed by hand: every sentence of the teacher edition's teacher material (the teacher pages and
the teacher-notes boxes) that appears nowhere else in the teacher edition is searched for in every
file of the student site. Quiz feedback of ordinary quizzes is shown to students after they
answer, so it appears on the quiz pages of both editions and is not teacher-only; a graded quiz's
keys are, and are checked separately.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import GRADED_BANK, ROOT, key_texts, teacher_docnames, toc_docnames
from medialit.editions import Edition
from medialit.quiz import load_bank
from medialit.sphinxext.editions import TEACHER_ONLY_CLASS

pytestmark = pytest.mark.build

SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")
MIN_SENTENCE = 30
"""Shorter pieces ("Timing.", "Aims.") are headings that ordinary pages may use too."""


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def quiz_strings(page: BeautifulSoup) -> Iterator[str]:
    """Every string in the quiz data blocks of a page (what the quiz shows after an answer)."""

    def walk(value: object) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)

    for block in page.select("script.mlq-data"):
        yield from walk(json.loads(block.get_text()))


def site_text(site: Path) -> str:
    """Everything a reader of the site could find: page text, quiz data, scripts, search index, any file."""
    parts: list[str] = []
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix in {".png", ".jpg", ".woff", ".woff2", ".ttf", ".eot", ".ico", ".svg"}:
            continue
        raw = path.read_text(encoding="utf-8", errors="replace")
        parts.append(squash(raw))
        if path.suffix == ".html":
            page = BeautifulSoup(raw, "html.parser")
            parts.append(squash(page.get_text(" ")))
            parts.extend(squash(text) for text in quiz_strings(page))
    return "\n".join(parts)


def sentences(text: str) -> list[str]:
    return [piece for piece in SENTENCE_END.split(squash(text)) if len(piece) >= MIN_SENTENCE]


def teacher_material(teacher_site: Path) -> tuple[list[str], str]:
    """The sentences of the teacher material, and the text of everything else in the teacher edition."""
    material: list[str] = []
    elsewhere: list[str] = []
    teacher_pages = {f"{name}.html" for name in teacher_docnames()}
    for path in sorted(teacher_site.rglob("*.html")):
        relative = path.relative_to(teacher_site).as_posix()
        if relative.startswith(("_static/", "_sources/")):
            continue
        page = soup(path)
        main = page.select_one("main") or page
        if relative in teacher_pages:
            material.extend(sentences(main.get_text(" ")))
            continue
        for box in main.select(f".{TEACHER_ONLY_CLASS}"):
            material.extend(sentences(box.get_text(" ")))
            box.decompose()
        elsewhere.append(squash(main.get_text(" ")))
        elsewhere.extend(squash(text) for text in quiz_strings(page))
    return material, "\n".join(elsewhere)


def test_the_teacher_edition_has_the_teacher_pages_notes_and_every_key(teacher_site: Path) -> None:
    for docname in toc_docnames(edition=Edition.TEACHER):
        assert (teacher_site / f"{docname}.html").is_file(), docname
    assert set(teacher_docnames()) == {"book/teacher-guide", "book/answer-keys"}
    for chapter in ("article", "provenance", "framing", "sourcing", "close-reading", "crimea-analogy", "trace", "capstone"):
        boxes = soup(teacher_site / "book" / f"{chapter}.html").select(f".{TEACHER_ONLY_CLASS}")
        assert boxes, f"no teacher notes in {chapter}"
        assert boxes[0].select_one(".admonition-title").get_text() == "Teacher notes"
    keys = soup(teacher_site / "book" / "answer-keys.html")
    banks = [load_bank(path) for path in sorted((ROOT / "exercises").glob("*.yml"))]
    assert len(keys.select(".mlq-sheet.mlq-key")) == len(banks) == 8
    assert len(keys.select(".mlq-sheet .question")) == sum(len(bank.questions) for bank in banks) == 89
    text = squash(keys.get_text(" "))
    for bank in banks:
        for question in bank.questions:
            assert squash(question.explanation) in text, question.id
    assert "(teacher edition)" in soup(teacher_site / "book" / "index.html").title.get_text()


def test_the_student_edition_leaves_out_the_teacher_pages_and_boxes(built_site: Path) -> None:
    for docname in teacher_docnames():
        assert not (built_site / f"{docname}.html").exists(), docname
    assert not (built_site / "_sources").exists(), "page sources hold the teacher-only blocks"
    pages = [path for path in built_site.rglob("*.html") if "_static" not in path.relative_to(built_site).parts]
    assert len(pages) > 15
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert TEACHER_ONLY_CLASS not in html, path
        assert "mlq-key" not in html and "Teacher key" not in html, path
        if path != built_site / "index.html":  # the root page only forwards to the course
            assert '<meta name="medialit-edition" content="student" />' in html, path


def test_no_teacher_only_sentence_is_anywhere_in_the_student_site(teacher_site: Path, built_site: Path) -> None:
    material, elsewhere = teacher_material(teacher_site)
    teacher_only = sorted({sentence for sentence in material if sentence not in elsewhere})
    assert len(teacher_only) > 400, "the teacher material was not found: the check would prove nothing"
    student = site_text(built_site)
    leaked = [sentence for sentence in teacher_only if sentence in student]
    assert leaked == []


def test_the_check_finds_a_leak(teacher_site: Path, built_site: Path, tmp_path: Path) -> None:
    """A teacher-notes sentence planted in a copy of the student site is caught by the same search."""
    material, elsewhere = teacher_material(teacher_site)
    planted = next(sentence for sentence in material if sentence not in elsewhere and "Sensitivities" not in sentence)
    copy = tmp_path / "site"
    copy.mkdir()
    (copy / "page.html").write_text(f"<html><body><p>{planted}</p></body></html>", encoding="utf-8")
    assert planted in site_text(copy)


def test_a_graded_quiz_shows_its_questions_but_no_key(graded_course: tuple[Path, Path]) -> None:
    course, site = graded_course
    bank = load_bank(course / "exercises" / GRADED_BANK)
    assert bank.graded
    page = soup(site / "exercises" / "capstone-quiz.html")
    quiz = page.select_one("section.mlq-quiz.mlq-graded")
    assert quiz is not None
    shown = squash(quiz.get_text(" "))
    for question in bank.questions:
        assert squash(question.prompt) in shown
    data = json.loads(quiz.select_one("script.mlq-data").get_text())
    assert data["graded"] is True
    assert all(set(q) == {"id", "type", "max_points"} for q in data["questions"])
    everything = site_text(site)
    texts = [squash(text) for text in key_texts(bank)]
    assert len(texts) > 50
    assert [text for text in texts if text in everything] == []
    assert quiz.select(".mlq-check, .mlq-explanation, .mlq-model") == []


def test_a_graded_quiz_numbers_its_choices_by_where_they_are_shown(graded_course: tuple[Path, Path]) -> None:
    """In a bank, matching pair i's right item and ordering item i's place are the key: the markup must not carry them."""
    _course, site = graded_course
    quiz = soup(site / "exercises" / "capstone-quiz.html").select_one("section.mlq-quiz")
    checked = 0
    for question in quiz.select('[data-mlq-type="matching"]'):
        for select in question.select("select"):
            values = [option["value"] for option in select.select("option") if option["value"]]
            assert values == [str(i) for i in range(len(values))]
            checked += 1
    for question in quiz.select('[data-mlq-type="ordering"]'):
        parts = [item["data-mlq-part"] for item in question.select(".mlq-item")]
        assert parts == [str(i) for i in range(len(parts))]
        checked += 1
    assert checked >= 2


def test_the_ordinary_quizzes_of_a_graded_course_still_teach(graded_course: tuple[Path, Path]) -> None:
    _course, site = graded_course
    quiz = soup(site / "exercises" / "framing-quiz.html").select_one("section.mlq-quiz")
    assert "mlq-graded" not in quiz["class"]
    data = json.loads(quiz.select_one("script.mlq-data").get_text())
    assert all(question["explanation"] for question in data["questions"])
