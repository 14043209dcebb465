"""Tables that read on a phone: on a narrow screen each row becomes a card, the main text first.

The course's tables have up to nine columns (a statement, its speaker, verb, stance, …). On a
390 px phone the theme lets such a table scroll sideways inside a box, with no hint that it does,
and the column that matters is off-screen. So, in every built HTML page:

- a column that is empty in every row is left out (it says nothing on any screen);
- each cell gets its column's heading as ``data-label``, and the table the class ``ml-stack``:
  the stylesheet shows each row as a card below 640 px, every cell under its heading, the cell
  with the most text (the quotation, the claim) first; the table keeps its roles for screen
  readers, since ``display: block`` takes them away in some browsers;
- a table that cannot be stacked (merged cells) keeps its sideways scroll, and the box says so
  in words ("Scroll sideways to see the whole table") and can be scrolled from the keyboard.

Done on the page's HTML after Sphinx wrote it, so that every table is treated alike: those the
analysis computes, those written in a chapter, and the quiz progress table.
"""

from __future__ import annotations

from typing import Any

from bs4 import BeautifulSoup, Tag
from sphinx.application import Sphinx

STACK_CLASS = "ml-stack"
SCROLL_CLASS = "ml-scroll"
LEAD_CLASS = "ml-lead"
SCROLL_HINT = "Scroll sideways to see the whole table."
MIN_COLUMNS = 3
"""Tables of fewer columns fit a phone as they are."""


def _classes(tag: Tag) -> list[str]:
    return [str(name) for name in tag.get_attribute_list("class") if name]


def _add_class(tag: Tag, name: str) -> None:
    tag["class"] = " ".join([*_classes(tag), name])


def _cells(row: Tag) -> list[Tag]:
    return list(row.find_all(["td", "th"], recursive=False))


def _width(table: Tag) -> int:
    """The most cells in any row of the table."""
    return max((len(_cells(row)) for row in table.find_all("tr")), default=0)


def _rows(table: Tag, part: str) -> list[Tag]:
    section = table.find(part, recursive=False)
    return section.find_all("tr", recursive=False) if section else []


def _row_spanning(table: Tag) -> bool:
    """Whether a cell spans rows: such a table cannot be cut into one card per row."""
    return any(cell.get("rowspan") not in (None, "1") for cell in table.find_all(["td", "th"]))


def _span(cell: Tag) -> int:
    try:
        return max(1, int(str(cell.get("colspan") or 1)))
    except ValueError:
        return 1


def _text(cell: Tag) -> str:
    return " ".join(cell.get_text(" ").split())


def drop_empty_columns(table: Tag) -> None:
    """Remove each column whose body cells are all empty (its heading goes with it)."""
    head, body = _rows(table, "thead"), _rows(table, "tbody")
    if not body or len(head) != 1:
        return
    width = len(_cells(head[0]))
    if any(len(_cells(row)) != width for row in body):
        return
    empty = [i for i in range(width) if all(not _text(_cells(row)[i]) for row in body)]
    if len(empty) == width:
        return
    for row in [*head, *body]:
        cells = _cells(row)
        for i in reversed(empty):
            cells[i].decompose()


def stack(table: Tag) -> bool:
    """Label each body cell with its column heading and mark the table for cards; False if it cannot be.

    A cell spanning several columns (a "Total" row's heading) gets no label.
    """
    head, body, foot = _rows(table, "thead"), _rows(table, "tbody"), _rows(table, "tfoot")
    if len(head) != 1 or not body or _row_spanning(table) or any(_span(cell) > 1 for cell in _cells(head[0])):
        return False
    labels = [_text(cell) for cell in _cells(head[0])]
    if len(labels) < MIN_COLUMNS or any(sum(_span(cell) for cell in _cells(row)) != len(labels) for row in [*body, *foot]):
        return False
    lengths = [0] * len(labels)
    for row in body:
        column = 0
        for cell in _cells(row):
            lengths[column] += len(_text(cell))
            column += _span(cell)
    lead = max(range(len(labels)), key=lambda i: (lengths[i], -i))
    _add_class(table, STACK_CLASS)
    table["role"] = "table"
    for part in table.find_all(["thead", "tbody", "tfoot"], recursive=False):
        part["role"] = "rowgroup"
    head[0]["role"] = "row"
    for cell in _cells(head[0]):
        cell["role"] = "columnheader"
    for row in [*body, *foot]:
        row["role"] = "row"
        column = 0
        for cell in _cells(row):
            cell["data-label"] = labels[column] if _span(cell) == 1 else ""
            cell["role"] = "rowheader" if cell.name == "th" else "cell"
            if column == lead and row in body:
                _add_class(cell, LEAD_CLASS)
            column += _span(cell)
    return True


def signal_scroll(table: Tag, soup: BeautifulSoup) -> None:
    """A table left wide: its box says in words that it scrolls, and takes keyboard focus to scroll it."""
    box = table.parent
    if not isinstance(box, Tag) or "pst-scrollable-table-container" not in _classes(box):
        box = soup.new_tag("div")
        table.wrap(box)
    _add_class(box, SCROLL_CLASS)
    box["tabindex"] = "0"
    box["role"] = "region"
    caption = table.find("caption")
    box["aria-label"] = _text(caption) if caption else "Table"
    hint = soup.new_tag("p", attrs={"class": "ml-scroll-hint"})
    hint.string = SCROLL_HINT
    box.insert_before(hint)


def phone_tables(html: str) -> str:
    """The page body with its tables made phone-readable (unchanged if it has no table)."""
    if "<table" not in html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    for table in soup.find_all("table"):
        drop_empty_columns(table)
        if not stack(table) and _width(table) >= MIN_COLUMNS:
            signal_scroll(table, soup)
    return str(soup)


def _page_tables(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if app.builder.format == "html" and isinstance(context.get("body"), str):
        context["body"] = phone_tables(context["body"])


def register_phone_tables(app: Sphinx) -> None:
    app.connect("html-page-context", _page_tables)
