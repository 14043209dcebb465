"""Text from outside, made safe for the place it lands: one helper per kind of place.

Text that comes from an article, a quiz bank, a ``--title`` option or a student's results file
is data, never markup. Each place it can land reads it differently, so each has one helper here,
and code that puts outside text somewhere calls the helper for that place instead of escaping
by hand:

==========================  ===========================================================
place                       helper
==========================  ===========================================================
HTML element text or a      :func:`html_text` (``<``, ``>``, ``&``, quotes as entities);
double-quoted attribute     the result is ``Markup``, so Jinja and Sphinx's templates,
                            which escape plain strings with ``|e``, do not escape it twice
JSON inside ``<script>``    :func:`json_for_script` (``</script>`` cannot end the block)
a line of MyST Markdown     :func:`myst_text` (no directive, role, link or HTML can start)
a value in Sphinx's HTML    :func:`sphinx_text_context` (the config values the themes
templates                   print without escaping, listed in :data:`SPHINX_TEXT_VALUES`)
a file or folder name       :func:`file_name` (ASCII letters, digits and ``-`` only)
the terminal (rich)         :func:`terminal_text` (``[bold]`` stays text, never a style)
a CSV cell for spreadsheets :func:`csv_cell` (``=SUM(…)`` stays text, never a formula)
==========================  ===========================================================

YAML files are written with ``yaml.safe_dump`` or a JSON string (``tojson``), which YAML reads as
a double-quoted scalar; docutils Text nodes (the article directives) are escaped by every
Sphinx builder, and EPUB metadata is escaped by Sphinx's EPUB builder.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import MutableMapping
from typing import TYPE_CHECKING, Any, Final

from markupsafe import Markup, escape

if TYPE_CHECKING:
    from rich.text import Text

_MYST_PUNCTUATION: Final = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|:$~&\"'=@%^])")
_NOT_IN_NAME: Final = re.compile(r"[^a-z0-9]+")
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")

SPHINX_TEXT_VALUES: Final = ("docstitle", "shorttitle", "project", "author", "copyright", "pagetitle", "root_title")
"""Template values that hold plain text and that a theme prints as HTML.

``docstitle`` is ``html_title`` (Jupyter Book's ``title:``) and ``shorttitle`` is
``html_short_title``: the PyData theme (under the book theme) prints ``docstitle`` unescaped in
the navbar brand, the logo's ``alt`` and the search page's ``<title>``. The book theme prints
``author`` unescaped in the footer, and ``pagetitle`` (the page's H1 as plain text, in the
print-only heading of every page) and ``root_title`` (the root page's H1, in the sidebar)
unescaped too. Sphinx's basic theme escapes these with ``|e``, which leaves a ``Markup`` value as
it is, so escaping them once here is right for both.
"""


def html_text(text: str) -> Markup:
    """``text`` as HTML element content or a double-quoted attribute value."""
    return escape(text)


def json_for_script(data: Any) -> Markup:
    """JSON safe inside ``<script>``: ``<``, ``>`` and ``&`` become ``\\u`` escapes, so text such as
    ``</script>`` or ``<!--`` in a bank cannot end the block early or change how it is parsed."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def myst_text(text: str) -> str:
    """Text safe in one MyST line: whitespace (line breaks included) collapsed to single spaces, and
    every ASCII punctuation mark that could start markup (a directive, role, link, emphasis,
    substitution, HTML or a heading) backslash-escaped, so MyST shows it as the character itself."""
    return _MYST_PUNCTUATION.sub(r"\\\1", " ".join(text.split()))


def sphinx_text_context(context: MutableMapping[str, Any], html_title: str) -> None:
    """Escape, in a Sphinx page context, the plain-text values that themes print as HTML.

    ``title`` is usually the page's title already rendered as HTML, but the one-page build
    (``singlehtml``, which the PDFs are printed from) passes ``html_title`` itself as ``title``,
    which the layout then strips of "tags": it is escaped when it is that plain text.
    """
    names = [*SPHINX_TEXT_VALUES, "title"] if context.get("title") == html_title else SPHINX_TEXT_VALUES
    for name in names:
        value = context.get(name)
        if isinstance(value, str) and not isinstance(value, Markup):
            context[name] = html_text(value)


def file_name(text: str, *, fallback: str, limit: int = 60) -> str:
    """A file or folder name made from ``text``: lower-case ASCII letters and digits joined by
    ``-``, at most ``limit`` characters; ``fallback`` when nothing of ``text`` is left. Accents
    are dropped ("Pristina" from "Priština"); markup, dots and slashes cannot survive."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    name = _NOT_IN_NAME.sub("-", ascii_text.lower()).strip("-")
    return name[:limit].rstrip("-") or fallback


def terminal_text(text: str, style: str = "") -> Text:
    """Text for a rich table or console: square brackets stay brackets, never a style or a link."""
    from rich.text import Text  # only the commands that draw tables need rich

    return Text(text, style=style)


def csv_cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: a leading ``=``, ``+``, ``-`` or ``@`` (which Excel,
    LibreOffice and Google Sheets would run as a formula) gets an apostrophe in front."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text
