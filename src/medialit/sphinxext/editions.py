"""Student and teacher editions inside Sphinx: the settings, and the blocks only one edition has.

``{teacher-only} [TITLE]`` holds teacher notes, answer guidance and anything else a student
should not read. In the teacher edition it is a boxed note with the title (default "Teacher
notes"); in the student edition the directive returns nothing, so its text never reaches a page,
the search index or any other output. ``{student-only}`` is the converse, for the few sentences
that must read differently when the teacher material is not there (for instance a pointer to a
teacher page).

The student edition also copies no page sources into the site (``html_copy_source``): a page's
source holds its teacher-only blocks, and the theme's download button would serve it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx_design.dropdown import dropdown_main, dropdown_title

from medialit.editions import Edition

TEACHER_ONLY_CLASS = "medialit-teacher-only"
"""The class of every teacher-only box in the teacher edition (tests look for it)."""


def edition_of(config: Any) -> Edition:
    return Edition(config.medialit_edition)


class TeacherOnlyDirective(SphinxDirective):
    """``{teacher-only} [TITLE]``: content only the teacher edition shows."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        if edition_of(self.config) is not Edition.TEACHER:
            return []
        title = self.arguments[0] if self.arguments else "Teacher notes"
        box = nodes.admonition(classes=["admonition", TEACHER_ONLY_CLASS, *self.options.get("class", [])])
        self.set_source_info(box)
        title_nodes, _messages = self.state.inline_text(title, self.lineno)
        box += nodes.title(title, "", *title_nodes)
        box += self.parse_content_to_nodes()
        return [box]


class StudentOnlyDirective(SphinxDirective):
    """``{student-only}``: content only the student edition shows (in place of teacher material)."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        if edition_of(self.config) is not Edition.STUDENT:
            return []
        return self.parse_content_to_nodes()


def _configure(app: Sphinx, config: Any) -> None:
    """Check the edition's name and apply what each edition changes in the settings."""
    try:
        edition = edition_of(config)
    except ValueError:
        raise ValueError(f"medialit_edition must be 'student' or 'teacher', not {config.medialit_edition!r}") from None
    if edition is Edition.STUDENT:
        config.html_copy_source = False
        if config.html_theme == "sphinx_book_theme":  # its download button would link to the sources
            options = dict(config.html_theme_options or {})
            options["use_download_button"] = False
            config.html_theme_options = options
    else:
        title = config.html_title or config.project
        config.html_title = f"{title} (teacher edition)"


def _page_edition(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    context["metatags"] = (
        context.get("metatags", "") + f'\n<meta name="medialit-edition" content="{app.config.medialit_edition}" />'
    )


WORKBOOK_BUILDER = "singlehtml"
"""The one-page build, which ``medialit pdf`` prints: for students, the workbook."""


def _fold_answers_in_the_workbook(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """The student workbook leaves out what the website folds away (sphinx-design dropdowns).

    A chapter's dropdowns hold the answers to its exercises ("Answers", "Check your map", a
    sample answer), which a student opens on the website after trying; printed open under the
    exercise, they would give the answer away. Each is replaced by a line naming it. The
    teacher's PDF and the EPUB keep them.
    """
    if app.builder.name != WORKBOOK_BUILDER or edition_of(app.config) is not Edition.STUDENT:
        return
    for dropdown in list(doctree.findall(dropdown_main)):
        titles = list(dropdown.findall(dropdown_title))
        # The title's words only: it also holds the chevron icon, an inline SVG in a raw node.
        words = (
            [text.astext() for text in titles[0].findall(nodes.Text) if not isinstance(text.parent, nodes.raw)] if titles else []
        )
        title = " ".join("".join(words).split()) or "the answer"
        note = nodes.paragraph(classes=["medialit-folded"])
        note += nodes.emphasis(
            text=f"“{title}” is not printed in the workbook: open it in the course website after you have tried."
        )
        dropdown.replace_self(note)


def register_editions(app: Sphinx) -> None:
    app.add_config_value("medialit_edition", Edition.STUDENT.value, "env", [str])
    app.add_config_value("medialit_teacher_pages", [], "env", [list])
    app.add_directive("teacher-only", TeacherOnlyDirective)
    app.add_directive("student-only", StudentOnlyDirective)
    app.connect("config-inited", _configure)
    app.connect("html-page-context", _page_edition)
    app.connect("doctree-resolved", _fold_answers_in_the_workbook)
