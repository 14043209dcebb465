"""A hostile article through `medialit new`, `build`, `epub` and `bundle`: its text lands escaped, never as markup.

The browser half (every page opened, dialogs, axe) is ``tests/browser/test_hostile_course.py``;
this half reads the files themselves: the course's settings, the EPUB's XHTML and package data,
and the bundle's start page. It also makes courses from random text: each one builds, or
``medialit new`` says in one line why not.
"""

from __future__ import annotations

import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import HOSTILE_ARTICLE, HOSTILE_MARKER, HostileCourse
from medialit.build import build_course, read_yaml
from medialit.cli import main
from medialit.ingest import load_article
from medialit.quiz import load_bank

pytestmark = pytest.mark.build

XHTML = "{http://www.w3.org/1999/xhtml}"
DC = "{http://purl.org/dc/elements/1.1/}"


def _title(course: Path) -> str:
    return str(read_yaml(course / "_config.yml")["title"])


def test_the_course_title_is_the_headline_exactly(hostile_course: HostileCourse) -> None:
    """Does _config.yml hold the headline as a YAML string, character for character (markup, RTL and all)?"""
    headline = load_article(HOSTILE_ARTICLE).headline
    assert _title(hostile_course.course) == f"Reading the news closely: {headline}"
    assert "\u202e" in headline and "<script>" in headline and "{{" in headline


def test_the_epub_holds_no_live_markup_and_names_the_book_as_written(hostile_course: HostileCourse) -> None:
    """Is every EPUB page well-formed XHTML with no script, event handler or javascript: link, and is the title exact?"""
    problems: list[str] = []
    with zipfile.ZipFile(hostile_course.epub) as book:
        names = book.namelist()
        package = ET.fromstring(book.read("content.opf"))
        for name in (n for n in names if n.endswith((".xhtml", ".ncx", ".opf"))):
            root = ET.fromstring(book.read(name))  # raises on anything that is not well-formed XML
            for element in root.iter():
                if element.tag == f"{XHTML}script":
                    problems.append(f"{name}: script element")
                for attribute, value in element.attrib.items():
                    if attribute.lower().startswith("on") or value.strip().lower().startswith("javascript:"):
                        problems.append(f"{name}: {attribute}={value[:60]}")
            if HOSTILE_MARKER in book.read(name).decode("utf-8") and name.endswith(".xhtml"):
                text = "".join(ET.fromstring(book.read(name)).itertext())
                if HOSTILE_MARKER not in text:
                    problems.append(f"{name}: the marker is in the markup but not in the text")
        nav = "".join(ET.fromstring(book.read("nav.xhtml")).itertext())
    assert problems == []
    title = package.find(f".//{DC}title")
    assert title is not None and title.text == _title(hostile_course.course)
    assert 'alert("headline")' in nav, "the table of contents keeps straight quotes, as written"


def test_the_bundle_start_page_names_the_course_as_text(hostile_course: HostileCourse) -> None:
    """Does START-HERE.html show the title as text, with no script or event handler from it?"""
    with zipfile.ZipFile(hostile_course.bundle) as bundle:
        start = BeautifulSoup(bundle.read("START-HERE.html").decode("utf-8"), "html.parser")
        readme = bundle.read("README.txt").decode("utf-8")
    title = " ".join(_title(hostile_course.course).split())
    assert start.find("h1") is not None and start.find("h1").get_text() == title
    assert start.find("script") is None and start.find("img") is None
    assert all(not name.startswith("on") for tag in start.find_all(True) for name in tag.attrs)
    assert title in " ".join(readme.split())


sentence = st.lists(
    st.sampled_from(
        ["“It is safe,”", "said", "Anna", "Berg", "officials", "told", "<b>", "{{ x }}", "[/]", "the", "bridge", "."]
    ),
    min_size=1,
    max_size=14,
).map(" ".join)
any_article = st.one_of(
    st.lists(sentence, min_size=1, max_size=5).map("\n\n".join),
    st.lists(sentence, min_size=1, max_size=5).map("\n".join),
    st.text(max_size=200),
)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=any_article)
def test_medialit_new_on_any_text_writes_a_course_that_builds_or_one_clear_error(
    text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Does `medialit new` on random text write a course that builds with -W -n, or print one error line and write nothing?"""
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "article.txt"
        article.write_text(text, encoding="utf-8")
        out = Path(folder) / "course"
        capsys.readouterr()
        status = main(["new", str(article), "--out", str(out)])
        if status != 0:
            error = capsys.readouterr().err.strip()
            assert status == 1 and error.startswith(f"medialit: error: {article}") and "\n" not in error, error
            assert not out.exists()
            return
        assert all(load_bank(out / "exercises" / f"{bank}.yml").questions for bank in ("provenance", "check"))
        site = build_course(out)
        assert (site / "book" / "index.html").is_file()
