"""Parsing an article written as Markdown with YAML front matter.

The front matter (between two ``---`` lines at the top) holds what the page says about the
article::

    ---
    title: "Headline"                # the headline; without it (or --headline) the article has none
    subtitle: "Sub-headline"         # optional
    byline: "Jane Doe"               # optional; absent when the page shows none
    publisher: "The Daily Example"   # original publisher
    date: 2024-03-05                 # original publication date, ISO 8601
    republisher: "Example Reprints"
    rights: "© Example Media 2024"
    ---

The body is paragraphs separated by blank lines. A ``#`` heading is a sub-heading (removed and
recorded, never a paragraph); a line that is only an image, ``![caption](photo.jpg "Photo: Name")``,
is a photo caption. Inline Markdown (emphasis, code, links) is reduced to its text. Nothing else is
interpreted: HTML, directives, fences and templates stay as literal text, because article text is
data. Paragraphs go through the same furniture, provenance and byline rules as pasted text; a
value given in the front matter wins over a line in the body.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path
from typing import Any, Final

import yaml

from medialit.article import Article, BoilerplateKind, LineRole
from medialit.errors import ArticleError
from medialit.ingest.body import REPLACED_DETAIL, BodyBuilder, collapse, credit_name
from medialit.ingest.dates import iso_date

FIELDS: Final = ("title", "subtitle", "byline", "publisher", "date", "republisher", "rights")
FENCE: Final = "---"

ATX_HEADING: Final = re.compile(r" {0,3}#{1,6}(?:[ \t].*)?")
SETEXT_UNDERLINE: Final = re.compile(r" {0,3}(?:=+|-+)[ \t]*")
THEMATIC_BREAK: Final = re.compile(r" {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})")
IMAGE_LINE: Final = re.compile(
    r"!\[(?P<alt>[^\]]*)\]\(\s*(?:<[^<>]*>|[^\s()]*)"
    r"(?:\s+(?:\"(?P<title1>[^\"]*)\"|'(?P<title2>[^']*)'|\((?P<title3>[^()]*)\)))?\s*\)"
)

_LITERAL: Final = re.compile(r"(?P<escape>\\[!-/:-@\[-`{-~])|(?<!`)(?P<ticks>`{1,2})(?!`)(?P<code>.+?)(?<!`)(?P=ticks)(?!`)")
"""Backslash escapes and code spans, whose text is kept exactly. Three or more backticks are a
fence, which is not interpreted: it stays in the text as written."""
_PLACEHOLDER: Final = re.compile(r"\x00(\d+)\x00")
"""Stands in for a literal while emphasis is reduced; NUL never occurs in an accepted article."""
_LINK: Final = re.compile(
    r"!?\[(?P<text>[^\[\]]*)\]\((?:<[^<>]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
)
_EMPHASIS: Final = (
    re.compile(r"\*\*(?=[^\s*])((?:[^*]|\*(?!\*))+?)(?<=[^\s*])\*\*"),
    re.compile(r"(?<!\w)__(?=[^\s_])((?:[^_]|_(?!_))+?)(?<=[^\s_])__(?!\w)"),
    re.compile(r"(?<!\*)\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?!\*)"),
    re.compile(r"(?<!\w)_(?=[^\s_])([^_]+?)(?<=[^\s_])_(?!\w)"),
)
"""Strong then plain emphasis. The emphasised text never holds its own delimiter, which keeps
matching linear on text such as ``*a *a *a …``; nesting is undone by repeating the passes."""


def reduce_inline(text: str) -> str:
    """Inline Markdown → its text: ``*x*``, ``_x_``, ``**x**``, `` `x` `` → x; ``[text](url)`` → text.

    HTML tags, entities and anything else are left exactly as written.
    """
    literals: list[str] = []

    def keep(match: re.Match[str]) -> str:
        if match.group("escape"):
            literal = match.group("escape")[1]
        else:
            literal = match.group("code")
            if literal.startswith(" ") and literal.endswith(" ") and literal.strip():
                literal = literal[1:-1]
        literals.append(literal)
        return f"\x00{len(literals) - 1}\x00"

    text = _LITERAL.sub(keep, text)
    text = _LINK.sub(lambda match: match.group("text"), text)
    for _ in range(3):  # nested emphasis: **bold *and italic***
        before = text
        for pattern in _EMPHASIS:
            text = pattern.sub(r"\1", text)
        if text == before:
            break
    return _PLACEHOLDER.sub(lambda match: literals[int(match.group(1))], text)


class _FrontMatter:
    """The front matter's values, checked, with the line of each key for error messages."""

    def __init__(self, lines: list[str], source: Path) -> None:
        self.source = source
        self.values: dict[str, Any] = {}
        self.nodes: dict[str, Any] = {}
        self.lines: dict[str, int] = {}
        text = "\n".join(lines)
        root: Any = None
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
            data = yaml.safe_load(text)
        except yaml.reader.ReaderError as error:  # a control character, which YAML refuses
            line = text[: error.position].count("\n") + 2
            raise ArticleError(source, f"the front matter holds a control character (U+{error.character:04X})", line) from None
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            problem = getattr(error, "problem", None) or str(error)
            raise ArticleError(source, f"the front matter is not valid YAML: {problem}", self._line(mark)) from None
        except ValueError as error:  # PyYAML builds dates itself: `date: 2024-02-30` fails here
            raise ArticleError(source, f"the front matter holds an impossible date: {error}", self._date_line(root)) from None
        except RecursionError:
            raise ArticleError(source, "the front matter is nested too deeply to be article metadata", 2) from None
        if data is None:
            return
        if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
            raise ArticleError(source, "the front matter must be 'key: value' lines, such as 'title: …'", 2)
        for key_node, value_node in root.value:
            line = int(key_node.start_mark.line) + 2
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key not in FIELDS:
                shown = key if key is not None else "(not a name)"
                raise ArticleError(source, f"unknown front-matter key {shown!r}; the keys are {', '.join(FIELDS)}", line)
            if key in self.lines:
                raise ArticleError(source, f"front-matter key {key!r} is given twice (first on line {self.lines[key]})", line)
            self.lines[key] = line
            self.nodes[key] = value_node
            self.values[key] = data.get(key)

    @classmethod
    def _date_line(cls, root: Any) -> int | None:
        """Line of the first YAML timestamp in the front matter."""
        if isinstance(root, yaml.MappingNode):
            for _, value_node in root.value:
                if isinstance(value_node, yaml.ScalarNode) and value_node.tag.endswith(":timestamp"):
                    return cls._line(value_node.start_mark)
        return None

    @staticmethod
    def _line(mark: Any) -> int | None:
        """File line of a YAML mark: the front matter starts on line 2."""
        return int(mark.line) + 2 if mark is not None else None

    def text(self, key: str) -> str | None:
        """A text value, whitespace collapsed; None when absent or empty."""
        value = self.values.get(key)
        if value is None:
            return None
        node = self.nodes[key]
        if isinstance(value, bool | int | float | dt.date) and isinstance(node, yaml.ScalarNode):
            value = node.value  # `title: 1984` or `byline: Yes` is the text as written, not a number or a boolean
        if not isinstance(value, str):
            kind = "list" if isinstance(value, list) else "mapping" if isinstance(value, dict) else type(value).__name__
            raise ArticleError(self.source, f"front-matter {key!r} must be text, not a {kind}", self.lines[key])
        return collapse(value) or None

    def date(self) -> dt.date | None:
        """The ``date`` value: a YAML date, or a string holding an ISO date."""
        value = self.values.get("date")
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        node = self.nodes["date"]
        written = node.value if isinstance(node, yaml.ScalarNode) else value
        if isinstance(value, str) and (parsed := iso_date(value)):
            return parsed
        line = self._line(node.start_mark)
        raise ArticleError(self.source, f"front-matter 'date' must be an ISO date such as 2024-03-05, not {written!r}", line)


def _split_front_matter(lines: list[str], source: Path) -> int:
    """Index of the line closing the front matter; ArticleError when there is none."""
    if not lines or lines[0].rstrip() != FENCE:
        raise ArticleError(
            source, "no front matter: a Markdown article starts with a '---' line, then 'title: …', then another '---' line", 1
        )
    for index in range(1, len(lines)):
        if lines[index].rstrip() == FENCE:
            return index
    raise ArticleError(source, "the front matter opened on line 1 is never closed: add a '---' line after it", 1)


FRONT_MATTER_ROLES: Final = {
    "title": LineRole.HEADLINE,
    "subtitle": LineRole.SUBHEADLINE,
    "byline": LineRole.BYLINE,
    "publisher": LineRole.PROVENANCE,
    "date": LineRole.PROVENANCE,
    "republisher": LineRole.PROVENANCE,
    "rights": LineRole.PROVENANCE,
}
"""What each front-matter key is, for the record of the parse."""


def _record_front_matter(front: _FrontMatter, body: BodyBuilder, given_headline: str | None) -> None:
    for key, line in sorted(front.lines.items(), key=lambda item: item[1]):
        value = front.values.get(key)
        role = FRONT_MATTER_ROLES[key]
        detail = key if role is LineRole.PROVENANCE else ""
        if key == "title" and given_headline:
            detail = REPLACED_DETAIL
        body.record(line, line, role, "" if value is None else str(value), detail)


def parse_markdown(text: str, source: Path, *, headline: str | None = None) -> Article:
    """Parse a Markdown article with front matter; ArticleError naming the file and line on any problem.

    ``headline`` (``--headline``) replaces the front matter's ``title``; without either, the
    article has no headline and a note says so.
    """
    lines = text.split("\n")
    close = _split_front_matter(lines, source)
    front = _FrontMatter(lines[1:close], source)
    publisher, republisher, rights = front.text("publisher"), front.text("republisher"), front.text("rights")
    date = front.date()

    body = BodyBuilder(
        headline=front.text("title"), subheadline=front.text("subtitle"), byline=front.text("byline"), given_headline=headline
    )
    _record_front_matter(front, body, headline)
    pending: list[str] = []
    start = end = 0

    def flush() -> None:
        if pending:
            body.add_text(reduce_inline(" ".join(pending)), start, end)
            pending.clear()

    for number, raw in enumerate(lines[close + 1 :], start=close + 2):
        line = raw.strip()
        if not line:
            flush()
        elif ATX_HEADING.fullmatch(raw):
            flush()
            body.remove(number, line, BoilerplateKind.SUBHEADING)
        elif pending and SETEXT_UNDERLINE.fullmatch(raw):  # the paragraph above is a heading
            body.remove(start, reduce_inline(" ".join(pending)), BoilerplateKind.SUBHEADING, number)
            pending.clear()
        elif THEMATIC_BREAK.fullmatch(raw):
            flush()
        elif image := IMAGE_LINE.fullmatch(line):
            flush()
            caption = reduce_inline(image.group("alt"))
            credit = credit_name(image.group("title1") or image.group("title2") or image.group("title3"))
            if caption.strip() or credit:
                body.add_caption(caption, credit, number)
        else:
            if not pending:
                start = number
            pending.append(line)
            end = number
    flush()

    stated = body.provenance()
    provenance = replace(
        stated,
        original_publisher=publisher or stated.original_publisher,
        original_date=date or stated.original_date,
        republisher=republisher or stated.republisher,
        rights=rights or stated.rights,
    )
    return body.article(source, provenance, empty="no body paragraphs after the front matter", line=close + 1)
