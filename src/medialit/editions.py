"""The two editions of a course, and the outputs a course can be built into.

One source gives two books. The **student edition** (the default, and the site in
``_build/html``) leaves out everything written for teachers: teacher notes, lesson plans,
answer keys, and the pages listed in ``medialit_teacher_pages``. The **teacher edition** adds them.
Which text belongs to teachers is marked in the source (the ``{teacher-only}`` directive and the
teacher pages), so the student edition is made by leaving things out, never by hiding them in a
page where a reader could still find them.
"""

from __future__ import annotations

from enum import StrEnum


class Edition(StrEnum):
    """Who a built course is for."""

    STUDENT = "student"
    TEACHER = "teacher"


class Output(StrEnum):
    """What a course is built into, as the name of the Sphinx builder that makes it."""

    HTML = "html"
    """The website: one page per chapter, quizzes that run in the page."""
    SINGLEHTML = "singlehtml"
    """The whole course on one page, quizzes as printed sheets: what the PDFs are printed from."""
    EPUB = "epub"
    """An EPUB 3 book for e-readers, quizzes as printed sheets."""
