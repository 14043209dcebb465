"""The offline bundle: the student site in one zip, to copy to a USB stick or a shared drive.

A class without a network gets the course as one file, ``COURSE/_build/<project>-offline.zip``.
Unzipped anywhere, it holds one folder with the whole site (every page, the search, the quizzes
and everything they load) and, beside it, ``START-HERE.html`` and ``README.txt``, which say to
open the site's ``index.html`` in a web browser. Nothing in it needs the network; answers stay in
the browser that opened the pages.

The zip is the same, byte for byte, whenever the site is the same: entries are sorted, and every
entry has the same date and permissions, so a bundle can be checked against another by its hash.
It is written to a temporary file and renamed into place, so a failed build or an interrupted
write never leaves a bundle that is half new (or half written) where the old one was.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final

from medialit.build import CourseLayout, build_course, read_yaml, sphinx_settings
from medialit.buildlog import BuildEvent
from medialit.errors import MedialitError
from medialit.escape import html_text

ZIP_DATE: Final = (1980, 1, 1, 0, 0, 0)
"""The date of every entry: the earliest a zip can hold, so that the date never changes a bundle."""

FILE_MODE: Final = 0o644
"""Every entry is an ordinary file, readable by all, whatever the permissions on the build machine."""

START_PAGE: Final = "START-HERE.html"
README: Final = "README.txt"

PROJECT_NAME: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
"""A project name that is safe as a file and folder name on every system."""

START_PAGE_HTML: Final = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
</head>
<body>
<main>
<h1>{title}</h1>
<p><a href="{folder}/index.html">Open the course</a></p>
<p>This is the whole course, for reading without an internet connection. Keep this page and the
folder <code>{folder}</code> together; the course starts at <code>{folder}/index.html</code>.</p>
<p>Your quiz answers are kept in this web browser only, on this computer.</p>
</main>
</body>
</html>
"""

README_TEXT: Final = """{title}

Open START-HERE.html in a web browser, or open the file {folder}/index.html.

This is the whole course, for reading without an internet connection. Keep START-HERE.html
and the folder {folder} together. Your quiz answers are kept in the web browser only.
"""


def project_name(course: Path) -> str:
    """The course's project name (``sphinx.config.project`` in ``_config.yml``): the bundle's name."""
    config_path = course / "_config.yml"
    project = str(sphinx_settings(read_yaml(config_path)).get("project") or "")
    if not PROJECT_NAME.fullmatch(project):
        raise MedialitError(
            f"{config_path}: sphinx.config.project must be set to a name of letters, digits, '.', '-' "
            f"and '_' (it names the bundle), not {project!r}"
        )
    return project


def bundle_path(course: Path) -> Path:
    """Where the bundle of ``course`` is written: ``COURSE/_build/<project>-offline.zip``."""
    return course / "_build" / f"{project_name(course)}-offline.zip"


def _site_files(site: Path) -> Iterator[Path]:
    """Every file of the site, in a fixed order; hidden files (Sphinx's ``.buildinfo``) are not the site."""
    for path in sorted(site.rglob("*"), key=lambda p: p.relative_to(site).as_posix()):
        relative = path.relative_to(site)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            yield path


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, so that the permissions below are read the same everywhere
    info.external_attr = (0o100000 | FILE_MODE) << 16
    return info


def zip_site(site: Path, destination: Path, *, folder: str, title: str, language: str = "en") -> Path:
    """Write the built site ``site`` as a bundle at ``destination``, under the top folder ``folder``.

    The zip is written beside ``destination`` and renamed into place only when complete.
    """
    if not (site / "index.html").is_file():
        raise MedialitError(f"{site}: no built site here (no index.html); build the course first")
    names = {"lang": html_text(language), "title": html_text(title), "folder": html_text(folder)}
    extras = {
        START_PAGE: START_PAGE_HTML.format(**names),
        README: README_TEXT.format(title=title, folder=folder),
    }
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(f".{destination.name}.partial")
    try:
        with zipfile.ZipFile(partial, "w", compresslevel=9) as bundle:
            entries = [(name, text.encode("utf-8")) for name, text in extras.items()]
            entries += [(f"{folder}/{path.relative_to(site).as_posix()}", path.read_bytes()) for path in _site_files(site)]
            for name, data in sorted(entries, key=lambda entry: entry[0]):
                bundle.writestr(_entry(name), data)
        os.replace(partial, destination)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return destination


def bundle_site(course: Path | str) -> Path:
    """Zip the already built student site of ``course`` into its bundle; the bundle's path."""
    layout = CourseLayout(Path(course).resolve())
    layout.check()
    project = project_name(layout.root)
    config = read_yaml(layout.root / "_config.yml")
    return zip_site(
        layout.site,
        bundle_path(layout.root),
        folder=project,
        title=str(config.get("title") or project),
        language=str(sphinx_settings(config).get("language") or "en"),
    )


def make_bundle(
    course: Path | str = ".",
    *,
    clean: bool = False,
    on_event: Callable[[BuildEvent], None] | None = None,
    echo: Callable[[str], None] | None = None,
) -> Path:
    """Build the student site of ``course`` (all or nothing, warnings are errors), then bundle it.

    ``on_event`` and ``echo`` show the build's progress as in :func:`medialit.build.build_course`.
    """
    layout = CourseLayout(Path(course).resolve())
    layout.check()
    project_name(layout.root)  # a course the bundle cannot be named after fails before the build
    build_course(layout.root, clean=clean, on_event=on_event, echo=echo)
    if on_event is not None:
        on_event(BuildEvent("Zipping the site"))
    return bundle_site(layout.root)
