"""The offline bundle's zip (``medialit.bundle``) on a small stand-in site: its layout, its bytes, its failures.

The real site is bundled, unzipped elsewhere and opened in chromium in ``tests/browser/test_bundle.py``.
"""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from pathlib import Path

import pytest

from helpers import copy_course
from medialit.bundle import README, START_PAGE, ZIP_DATE, bundle_path, bundle_site, make_bundle, project_name, zip_site
from medialit.errors import BuildError, MedialitError, QuizError


def small_site(root: Path) -> Path:
    """A built-site stand-in: a redirecting index, a page in a folder, a static file, Sphinx's hidden build record."""
    (root / "book").mkdir(parents=True)
    (root / "_static").mkdir()
    (root / "index.html").write_text('<meta http-equiv="refresh" content="0; url=book/index.html">', encoding="utf-8")
    (root / "book" / "index.html").write_text("<h1>Course</h1>", encoding="utf-8")
    (root / "_static" / "site.css").write_text("body { margin: 0 }", encoding="utf-8")
    (root / ".buildinfo").write_text("config: 1234", encoding="utf-8")
    return root


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_bundle_holds_the_site_in_one_folder_and_the_pointers_beside_it(tmp_path: Path) -> None:
    bundle = zip_site(small_site(tmp_path / "site"), tmp_path / "out.zip", folder="course-x", title="A <course>")
    with zipfile.ZipFile(bundle) as opened:
        assert opened.namelist() == [
            README,
            START_PAGE,
            "course-x/_static/site.css",
            "course-x/book/index.html",
            "course-x/index.html",
        ]
        start = opened.read(START_PAGE).decode("utf-8")
        readme = opened.read(README).decode("utf-8")
    assert '<a href="course-x/index.html">Open the course</a>' in start
    assert "<title>A &lt;course&gt;</title>" in start and '<html lang="en">' in start
    assert "course-x/index.html" in readme and readme.startswith("A <course>\n")


def test_the_same_site_gives_the_same_bytes_whatever_its_file_dates(tmp_path: Path) -> None:
    site = small_site(tmp_path / "site")
    first = digest(zip_site(site, tmp_path / "first.zip", folder="course-x", title="Course"))
    for path in site.rglob("*"):
        os.utime(path, (1_900_000_000, 1_900_000_000))
    (site / "book" / "index.html").chmod(0o600)
    second = digest(zip_site(site, tmp_path / "second.zip", folder="course-x", title="Course"))
    assert first == second
    with zipfile.ZipFile(tmp_path / "second.zip") as opened:
        assert {info.date_time for info in opened.infolist()} == {ZIP_DATE}
        assert {info.external_attr >> 16 for info in opened.infolist()} == {0o100644}


def test_an_interrupted_write_leaves_the_old_bundle_and_no_partial_file(tmp_path: Path, monkeypatch) -> None:
    site = small_site(tmp_path / "site")
    destination = zip_site(site, tmp_path / "out.zip", folder="course-x", title="Course")
    before = digest(destination)
    (site / "book" / "index.html").write_text("<h1>Changed</h1>", encoding="utf-8")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(zipfile.ZipFile, "writestr", fail)
    with pytest.raises(OSError, match="disk full"):
        zip_site(site, destination, folder="course-x", title="Course")
    assert digest(destination) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.zip", "site"]


def test_a_folder_with_no_built_site_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(MedialitError, match="no built site here"):
        zip_site(tmp_path, tmp_path / "out.zip", folder="course-x", title="Course")
    assert not (tmp_path / "out.zip").exists()


def test_the_bundle_is_named_after_the_project(tmp_path: Path) -> None:
    course = copy_course(tmp_path / "course")
    assert project_name(course) == "medialit-wagner-kosovo"
    assert bundle_path(course) == course / "_build" / "medialit-wagner-kosovo-offline.zip"


def test_a_project_name_that_is_not_a_file_name_is_refused_before_building(tmp_path: Path) -> None:
    course = copy_course(tmp_path / "course")
    config = course / "_config.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("project: medialit-wagner-kosovo", "project: ../x"), encoding="utf-8")
    with pytest.raises(MedialitError, match=re.escape("sphinx.config.project must be set")):
        make_bundle(course)
    assert not (course / "_build").exists()


def test_a_failed_build_leaves_no_bundle(tmp_path: Path, monkeypatch) -> None:
    course = copy_course(tmp_path / "course")

    def failed_build(*args: object, **kwargs: object) -> Path:
        raise BuildError("the build failed")

    monkeypatch.setattr("medialit.bundle.build_course", failed_build)
    with pytest.raises(BuildError):
        make_bundle(course)
    assert not bundle_path(course).exists()
    assert not (course / "_build").exists() or not any((course / "_build").glob("*.zip*"))


def test_a_malformed_quiz_bank_stops_the_bundle_before_building(tmp_path: Path) -> None:
    """The real build: it stops at the bank (before jupyter-book runs), and no zip appears."""
    course = copy_course(tmp_path / "course")
    bank = course / "exercises" / "article.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("type: true-false", "type: yes-no", 1), encoding="utf-8")
    with pytest.raises(QuizError, match=re.escape(str(bank))):
        make_bundle(course)
    assert not (course / "_build").exists()


def test_bundle_site_needs_a_built_site(tmp_path: Path) -> None:
    course = copy_course(tmp_path / "course")
    with pytest.raises(MedialitError, match="build the course first"):
        bundle_site(course)
