"""The printed course: ``medialit pdf``'s student workbook and teacher edition, read back with pypdfium2.

Both PDFs are made once per session from a copy of the flagship (two one-page builds and two
prints, about 40 s). Their text is compared with the quiz banks and with the teacher edition's
teacher-notes boxes as words only: a PDF's text comes back in lines, with the page footers in
between and punctuation spaced differently from the HTML.
"""

from __future__ import annotations

import re
import statistics
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser

from helpers import copy_course
from medialit.build import CourseLayout
from medialit.cli import main
from medialit.editions import Edition, Output
from medialit.errors import MedialitError
from medialit.pdf import check_chromium, make_pdfs, print_page
from medialit.quiz import find_banks, load_bank
from medialit.quiz.model import QuizBank
from medialit.sphinxext.editions import TEACHER_ONLY_CLASS

A4_POINTS = (595.28, 841.89)
"""210 × 297 mm in PDF points; chromium rounds each side by under a point."""

FOOTER_LINE = re.compile(r"page \d+ of \d+\s*$")
"""The footer chromium prints on every page (course title, edition · page N of M)."""

MIN_SENTENCE_WORDS = 6


def words(text: str) -> str:
    """The words of ``text`` separated by single spaces: what survives a PDF's line breaks and spacing."""
    return " ".join(re.findall(r"\w+", text))


@dataclass(frozen=True)
class ReadPdf:
    """A printed PDF as the tests read it."""

    path: Path
    pages: list[str]
    """Each page's words, footer removed."""

    @property
    def text(self) -> str:
        return " ".join(self.pages)

    def first_page_with(self, *phrases: str) -> int:
        return next(number for number, page in enumerate(self.pages) if all(words(p) in page for p in phrases))


def read_pdf(path: Path) -> ReadPdf:
    document = pdfium.PdfDocument(path)
    try:
        pages = []
        for page in document:
            lines = page.get_textpage().get_text_range().splitlines()
            pages.append(words(" ".join(line for line in lines if not FOOTER_LINE.search(line))))
        return ReadPdf(path, pages)
    finally:
        document.close()


@dataclass(frozen=True)
class Printed:
    """The session's printed course: both PDFs, the course they came from and its teacher-notes sentences."""

    course: Path
    student: ReadPdf
    teacher: ReadPdf
    page_counts: dict[Edition, int]
    banks: list[QuizBank]
    teacher_notes: list[str]


def teacher_note_sentences(teacher_page: Path) -> list[str]:
    """The sentences of every teacher-notes box on the teacher edition's one page, as words."""
    page = BeautifulSoup(teacher_page.read_text(encoding="utf-8"), "html.parser")
    sentences: list[str] = []
    for box in page.select(f".{TEACHER_ONLY_CLASS}"):
        title = box.select_one(".admonition-title")
        if title is not None:
            title.decompose()
        for piece in re.split(r"(?<=[.!?])\s+", box.get_text(" ")):
            if len(words(piece).split()) >= MIN_SENTENCE_WORDS:
                sentences.append(words(piece))
    return sentences


@pytest.fixture(scope="session")
def printed(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Printed:
    course = copy_course(tmp_path_factory.mktemp("printed"))
    written = {pdf.edition: pdf for pdf in make_pdfs(course, browser=browser)}
    teacher_page = CourseLayout(course).output(Edition.TEACHER, Output.SINGLEHTML) / "index.html"
    return Printed(
        course=course,
        student=read_pdf(written[Edition.STUDENT].path),
        teacher=read_pdf(written[Edition.TEACHER].path),
        page_counts={edition: pdf.pages for edition, pdf in written.items()},
        banks=[load_bank(path) for path in find_banks(course / "exercises")],
        teacher_notes=teacher_note_sentences(teacher_page),
    )


def check_chromium_or_skip() -> None:
    """Without chromium, skip like the other browser tests (CI counts a skip as a failure)."""
    try:
        check_chromium()
    except MedialitError as error:
        pytest.skip(str(error))


def test_the_pdfs_have_clear_names_and_every_page_counted(printed: Printed) -> None:
    folder = printed.course / "_build" / "pdf"
    assert sorted(path.name for path in folder.iterdir()) == [
        "medialit-wagner-kosovo-student-workbook.pdf",
        "medialit-wagner-kosovo-teacher-edition.pdf",
    ]
    assert printed.page_counts == {Edition.STUDENT: len(printed.student.pages), Edition.TEACHER: len(printed.teacher.pages)}
    assert len(printed.student.pages) > 20
    assert len(printed.teacher.pages) > len(printed.student.pages), "the teacher edition adds notes, a guide and keys"
    for pdf in (printed.student, printed.teacher):
        document = pdfium.PdfDocument(pdf.path)
        try:
            bookmarks = [bookmark.get_title() for bookmark in document.get_toc()]
        finally:
            document.close()
        assert "1. How to use this course" in bookmarks and "Glossary" in bookmarks, bookmarks[:10]


def test_the_workbook_has_every_question_blank_and_no_teacher_material(printed: Printed) -> None:
    """Is every question of every bank in the workbook, with no answer, explanation or teacher note?"""
    text = printed.student.text
    questions = [question for bank in printed.banks for question in bank.questions]
    assert len(questions) == 89
    assert [q.id for q in questions if words(q.prompt) not in text] == []
    assert [q.id for q in questions if words(q.explanation) in text] == []
    for marker in ("Teacher key", "Teacher notes", "Feedback if chosen", "Justified by", "Model answer"):
        assert words(marker) not in text, marker
    assert len(printed.teacher_notes) > 100, "the teacher notes were not found: the check would prove nothing"
    assert [sentence for sentence in printed.teacher_notes if sentence in text] == []


def test_the_charts_are_printed(printed: Printed) -> None:
    """The charts are drawn at build time, so paper gets them: their captions and the words inside the drawing."""
    for edition in (printed.student, printed.teacher):
        for caption in (
            "Hedges and boosters, paragraph by paragraph.",
            "Frames, paragraph by paragraph.",
            "Kosovo and Crimea, 1998 to 2023.",
        ):
            assert words(caption) in edition.text, caption
        assert words("Context: Resolution 1244") in edition.text  # a label of the timeline


FOLDED_ANSWER = "most likely December 2022, the December before February 2023"
"""From the provenance chapter's dropdown "Answers" (the answer to its dating exercise)."""


def test_the_workbook_leaves_out_the_folded_answers_the_teacher_pdf_prints(printed: Printed) -> None:
    assert words(FOLDED_ANSWER) not in printed.student.text
    assert words("“Answers” is not printed in the workbook") in printed.student.text
    assert words(FOLDED_ANSWER) in printed.teacher.text


def test_the_teacher_edition_has_the_notes_and_every_key(printed: Printed) -> None:
    text = printed.teacher.text
    assert words("Teacher key") in text and words("Teacher notes") in text
    for bank in printed.banks:
        assert words(f"{bank.title}: Teacher key") in text, bank.id
        for question in bank.questions:
            assert words(question.explanation)[:60] in text, question.id
    # A box cut by a page break can come back with its title in the middle of a sentence.
    found = [sentence for sentence in printed.teacher_notes if sentence in text]
    assert len(found) >= 0.95 * len(printed.teacher_notes)


def write_png(path: Path, bitmap: pdfium.PdfBitmap) -> None:
    """Save a greyscale page image as PNG (kept beside the test's output to look at when a check fails)."""
    rows = b"".join(
        b"\x00" + bytes(bitmap.buffer)[row * bitmap.stride : row * bitmap.stride + bitmap.width] for row in range(bitmap.height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", bitmap.width, bitmap.height, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_printed_pages_are_a4_and_not_blank(printed: Printed, tmp_path: Path) -> None:
    """Every page is A4; the cover, a quiz sheet and an answer key, rendered, have ink on them."""
    chosen = [
        (printed.student, [0, printed.student.first_page_with("Question 1", "Tick one", "Name", "Class")]),
        (printed.teacher, [0, printed.teacher.first_page_with("Teacher key", "Question 1", "Explanation")]),
    ]
    for pdf, numbers in chosen:
        document = pdfium.PdfDocument(pdf.path)
        try:
            sizes = {tuple(round(side) for side in page.get_size()) for page in document}
            assert len(sizes) == 1, (pdf.path.name, sizes)
            width, height = sizes.pop()
            assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2, (pdf.path.name, width, height)
            for number in numbers:
                bitmap = document[number].render(scale=0.5, grayscale=True)
                assert abs(bitmap.height / bitmap.width - A4_POINTS[1] / A4_POINTS[0]) < 0.01
                image = tmp_path / f"{pdf.path.stem}-p{number + 1}.png"
                write_png(image, bitmap)
                ink = statistics.pvariance(bytes(bitmap.buffer)[::3])
                assert ink > 100, f"{image} looks blank (pixel variance {ink:.0f})"
        finally:
            document.close()


def test_printing_refuses_the_network_and_a_missing_file(browser: Browser, tmp_path: Path) -> None:
    """A page that asks for anything outside file://, or a file that is not there, is not printed."""
    page = tmp_path / "page.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>t</title><link rel="stylesheet" href="gone.css"></head>'
        '<body><p>Text</p><img alt="" src="https://example.org/pixel.png"></body></html>',
        encoding="utf-8",
    )
    out = tmp_path / "page.pdf"
    with pytest.raises(MedialitError) as raised:
        print_page(browser, page, out, title="Test", label="Test")
    message = str(raised.value)
    assert "https://example.org/pixel.png (refused: printing is offline)" in message
    assert "gone.css, which is missing" in message
    assert not out.exists()


def test_a_missing_chromium_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(MedialitError) as raised:
        check_chromium(tmp_path / "chromium")
    assert str(raised.value) == f"medialit pdf needs chromium at {tmp_path / 'chromium'}: `make browser` installs it"


def test_pdf_with_a_bad_quiz_bank_is_one_error_line_and_replaces_no_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check_chromium_or_skip()
    course = copy_course(tmp_path / "course")
    bank = course / "exercises" / "framing.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("questions:", "questions: [", 1), encoding="utf-8")
    earlier = course / "_build" / "pdf" / "medialit-wagner-kosovo-student-workbook.pdf"
    earlier.parent.mkdir(parents=True)
    earlier.write_bytes(b"%PDF-1.4 an earlier print")
    assert main(["pdf", str(course)]) == 1
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and error[0].startswith(f"medialit: error: {bank}:"), error
    assert sorted(path.name for path in earlier.parent.iterdir()) == [earlier.name]
    assert earlier.read_bytes() == b"%PDF-1.4 an earlier print"
    assert not (course / "_build" / ".staging").exists(), "nothing was built"
