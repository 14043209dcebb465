"""Printing a course to PDF: a student workbook and a teacher edition, made offline.

Each PDF is one edition's one-page build (``singlehtml``: every chapter on one page, each quiz
replaced by its printed sheet) printed by Debian's chromium through Playwright, the same browser
the tests drive. The page is opened from ``file://`` and every request for anything else is
refused and reported, so a PDF that was made proves the printed course needs nothing outside its
own folder. The print rules (no site furniture, a chapter per new page, questions kept whole) are
the ``@media print`` part of the course stylesheet, so a reader who prints a page of the site
from a browser gets the same.

Nothing is published until everything has worked: both editions are built, both are printed to
temporary files, and only then do the PDFs replace the old ones, each with a rename.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from playwright.sync_api import Browser, PdfMargins, Request, Route, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from medialit.build import CourseLayout, build_course, read_yaml, sphinx_settings
from medialit.buildlog import BuildEvent
from medialit.editions import Edition, Output
from medialit.errors import MedialitError
from medialit.escape import html_text

CHROMIUM: Final = Path("/usr/bin/chromium")
"""Debian's chromium: Playwright's own browser download needs the internet."""

LAUNCH_ARGS: Final = (
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
)
"""No GPU on a server, and none of chromium's own calls home."""

LOCAL_SCHEMES: Final = ("file:", "data:", "about:", "blob:")
"""Addresses a printed page may load; anything else is refused and reported."""

PAGE_FORMAT: Final = "A4"
MARGINS: Final[PdfMargins] = {"top": "15mm", "bottom": "18mm", "left": "16mm", "right": "16mm"}
"""Room for the footer at the bottom; wide enough side margins for a hole punch or binding."""

LOAD_TIMEOUT_MS: Final = 60_000
"""A course page is large (hundreds of KB); loading it from disk takes a second or two."""

OPEN_DROPDOWNS: Final = "document.querySelectorAll('details').forEach((d) => { d.open = true; })"
"""Dropdowns (sphinx-design ``details``) are printed open: paper cannot be clicked."""

FOOTER: Final = (
    '<div style="box-sizing: border-box; width: 100%; padding: 0 16mm; font-family: sans-serif; font-size: 8pt; color: #444; '
    'display: flex; justify-content: space-between; gap: 2em;">'
    '<span style="min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;">{title}</span>'
    '<span style="flex: none;">{label} · page <span class="pageNumber"></span> of <span class="totalPages"></span></span>'
    "</div>"
)
"""The footer of every page: the course title (cut short if it must be), the edition and the page number.

chromium fills the ``pageNumber`` and ``totalPages`` spans.
"""


@dataclass(frozen=True)
class PdfKind:
    """What one edition is called when printed."""

    suffix: str
    """The end of the file name: ``<project>-<suffix>.pdf``."""
    label: str
    """How the footer and messages name it."""


PDF_KINDS: Final[dict[Edition, PdfKind]] = {
    Edition.STUDENT: PdfKind("student-workbook", "Student workbook"),
    Edition.TEACHER: PdfKind("teacher-edition", "Teacher edition"),
}


@dataclass(frozen=True)
class PrintedPdf:
    """A PDF written by :func:`make_pdfs`."""

    edition: Edition
    path: Path
    pages: int


def pdf_folder(root: Path) -> Path:
    """Where a course's PDFs go: ``COURSE/_build/pdf``."""
    return root / "_build" / "pdf"


def course_names(root: Path) -> tuple[str, str]:
    """The course's project name (``sphinx.config.project``, for file names) and its title (for the footer)."""
    config = read_yaml(root / "_config.yml")
    project = str(sphinx_settings(config).get("project") or root.resolve().name)
    title = str(config.get("title") or project)
    return project, title


def pdf_path(root: Path, edition: Edition) -> Path:
    """The PDF of ``edition``: ``COURSE/_build/pdf/<project>-student-workbook.pdf`` or ``-teacher-edition.pdf``."""
    project, _title = course_names(root)
    return pdf_folder(root) / f"{project}-{PDF_KINDS[edition].suffix}.pdf"


def check_chromium(chromium: Path = CHROMIUM) -> None:
    """MedialitError unless the browser that prints is installed (checked before any build)."""
    if not chromium.is_file():
        raise MedialitError(f"medialit pdf needs chromium at {chromium}: `make browser` installs it")


@contextmanager
def open_chromium(chromium: Path = CHROMIUM) -> Iterator[Browser]:
    """Debian's chromium, headless, for printing; closed on leaving."""
    check_chromium(chromium)
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=str(chromium), args=list(LAUNCH_ARGS))
        except PlaywrightError as error:
            raise MedialitError(f"{chromium}: could not start it: {_first_line(error)}") from None
        try:
            yield browser
        finally:
            browser.close()


def _first_line(error: PlaywrightError) -> str:
    return next(iter(error.message.splitlines()), "no reason given")


def print_page(browser: Browser, page_file: Path, out: Path, *, title: str, label: str) -> None:
    """Print the HTML file ``page_file`` to the PDF ``out``, refusing the network.

    A4 pages; the footer gives ``title``, ``label`` (which edition) and the page number.

    MedialitError if the page asked for anything outside ``file://`` or a file it links is missing:
    the PDF would then not be the course as a reader offline sees it.
    """
    refused: list[str] = []
    missing: list[str] = []

    def route(route: Route) -> None:
        if route.request.url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    def failed(request: Request) -> None:
        if request.url.startswith("file:"):
            missing.append(request.url)

    context = browser.new_context(color_scheme="light")
    try:
        context.route("**/*", route)
        page = context.new_page()
        page.on("requestfailed", failed)
        page.goto(page_file.resolve().as_uri(), wait_until="load", timeout=LOAD_TIMEOUT_MS)
        page.evaluate("document.fonts.ready.then(() => true)")
        page.evaluate(OPEN_DROPDOWNS)
        page.emulate_media(media="print")
        page.pdf(
            path=str(out),
            format=PAGE_FORMAT,
            margin=MARGINS,
            print_background=True,
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=FOOTER.format(title=html_text(title), label=html_text(label)),
            outline=True,
            tagged=True,
        )
    except PlaywrightError as error:
        raise MedialitError(f"{page_file}: chromium could not print it: {_first_line(error)}") from None
    finally:
        context.close()
    if refused or missing:
        out.unlink(missing_ok=True)
        problems = [f"asked for {url} (refused: printing is offline)" for url in refused]
        problems += [f"links {url}, which is missing" for url in missing]
        raise MedialitError(f"{page_file}: {'; '.join(problems)}")


def count_pages(pdf: Path) -> int:
    """The number of pages of a PDF chromium wrote: its ``/Type /Page`` objects.

    chromium writes every page object uncompressed, so counting them needs no PDF library (the tests
    check the count against pypdfium2's).
    """
    data = pdf.read_bytes()
    return data.count(b"/Type /Page\n") + data.count(b"/Type /Page>") + data.count(b"/Type /Page/")


def make_pdfs(
    root: Path | str = ".",
    editions: Sequence[Edition] = tuple(Edition),
    *,
    clean: bool = False,
    browser: Browser | None = None,
    on_event: Callable[[BuildEvent], None] | None = None,
    echo: Callable[[str], None] | None = None,
) -> list[PrintedPdf]:
    """Build each edition's one-page site and print it to ``COURSE/_build/pdf``; the PDFs written.

    All or nothing: if a build or a print fails, no PDF is replaced (the error says why).
    ``clean`` makes the builds cold; ``on_event`` and ``echo`` show their progress as in
    :func:`medialit.build.build_course`. ``browser`` is a chromium already running (Playwright's sync
    API cannot start a second one in the same thread); by default one is started and closed.
    """
    layout = CourseLayout(Path(root).resolve())
    layout.check()
    check_chromium()
    layout.check_quiz_banks()
    _project, title = course_names(layout.root)
    sites = {
        edition: build_course(layout.root, edition=edition, output=Output.SINGLEHTML, clean=clean, on_event=on_event, echo=echo)
        for edition in editions
    }
    folder = pdf_folder(layout.root)
    folder.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []
    try:
        with ExitStack() as stack:
            chromium = browser or stack.enter_context(open_chromium())
            for edition, site in sites.items():
                final = pdf_path(layout.root, edition)
                partial = final.with_name(f".{final.name}.partial")
                staged.append((partial, final))
                if on_event is not None:
                    on_event(BuildEvent(f"Printing the {PDF_KINDS[edition].label.lower()}"))
                print_page(chromium, site / "index.html", partial, title=title, label=PDF_KINDS[edition].label)
        written = []
        for (partial, final), edition in zip(staged, sites, strict=True):
            partial.replace(final)
            written.append(PrintedPdf(edition, final, count_pages(final)))
        return written
    finally:
        for partial, _final in staged:
            partial.unlink(missing_ok=True)
