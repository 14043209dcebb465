"""The EPUB's book data and table-of-contents paths (``medialit.sphinxext.epub``).

The built book itself is checked in ``tests/build/test_epub.py``.
"""

from __future__ import annotations

from types import SimpleNamespace

from medialit.editions import Edition
from medialit.sphinxext.epub import DECORATIVE_SVG, _page_path, book_identifier, book_settings


def test_each_edition_of_a_course_is_its_own_book_with_a_stable_identifier() -> None:
    student = book_identifier("course-x", Edition.STUDENT)
    assert student == book_identifier("course-x", Edition.STUDENT)
    assert student.startswith("urn:uuid:")
    assert len({student, book_identifier("course-x", Edition.TEACHER), book_identifier("course-y", Edition.STUDENT)}) == 3


def test_the_book_data_comes_from_the_course_settings() -> None:
    config = SimpleNamespace(medialit_edition="teacher", html_title="Reading closely (teacher edition)", project="course-x")
    settings = book_settings(config)
    assert settings["epub_title"] == "Reading closely (teacher edition)"
    assert settings["epub_identifier"] == book_identifier("course-x", Edition.TEACHER)
    assert "teacher edition" in settings["epub_description"]
    assert settings["epub_show_urls"] == "no"


def test_table_of_contents_paths_are_relative_to_the_book_root() -> None:
    assert _page_path("book/../exercises/article-quiz.xhtml") == "exercises/article-quiz.xhtml"
    assert _page_path("book/framing.xhtml#frames") == "book/framing.xhtml#frames"
    assert _page_path("book/index.xhtml") == "book/index.xhtml"


def test_only_icons_hidden_from_screen_readers_are_left_out() -> None:
    icon = '<span class="marker"><svg version="1.1" aria-hidden="true" viewBox="0 0 24 24"><path d="M8"></path></svg></span>'
    figure = '<svg xmlns="http://www.w3.org/2000/svg" role="img"><title>Map</title></svg>'
    assert DECORATIVE_SVG.sub("", icon) == '<span class="marker"></span>'
    assert DECORATIVE_SVG.sub("", figure) == figure
