"""Parsing an article saved as a simple HTML page.

The page is parsed with BeautifulSoup and the standard library's ``html.parser``; nothing in it
is run or fetched. What is read, and from where:

* headline: the first ``<h1>`` (in the article, else anywhere);
* sub-headline: a ``<p>``/``<h2>`` with class ``standfirst``, ``subheadline``, ``subtitle`` or
  ``dek``, else the first ``<h2>`` after the headline and before the first body paragraph;
* byline: class ``byline`` (a leading "By " dropped), else ``<a rel="author">``, else a "By Jane
  Doe" paragraph before the body (as in pasted text), else ``<meta name="author">``;
* provenance: ``<meta property="og:site_name">`` and ``<meta property="article:published_time">``
  (else the first ``<time datetime>``), overridden by an "Originally published by … on …" paragraph,
  which also makes the site a republisher when it names another publisher;
* body: the ``<p>`` elements of ``<article>`` (else ``<main>``, else ``<body>``), in document order,
  except those inside page furniture, ``<header>``, ``<figure>`` or the sub-headline/byline; each goes
  through the same furniture and provenance rules as pasted text;
* captions: ``<figure>`` with ``<figcaption>``; the credit is an element with class ``credit`` or a
  trailing "Photo: Name";
* removed and recorded: ``<script>``, ``<style>``, ``<nav>``, ``<footer>``, ``<aside>`` (one record
  each, outermost only) and headings inside the body.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, ParserRejectedMarkup, XMLParsedAsHTMLWarning
from bs4.element import NavigableString, Tag

from medialit.article import Article, BoilerplateKind, Provenance
from medialit.errors import ArticleError
from medialit.ingest.body import BodyBuilder, collapse, credit_name, iso_date, short, split_credit
from medialit.ingest.plain_text import BYLINE, furniture_line

FURNITURE: Final = {
    "script": BoilerplateKind.SCRIPT,
    "style": BoilerplateKind.SCRIPT,
    "nav": BoilerplateKind.NAVIGATION,
    "footer": BoilerplateKind.FOOTER,
    "aside": BoilerplateKind.SIDEBAR,
}
"""Elements removed and recorded, with the kind of furniture each is."""

HIDDEN: Final = frozenset({*FURNITURE, "form", "noscript", "template"})
"""Elements whose content is never article text."""

BLOCKS: Final = frozenset(
    {
        *("address", "article", "aside", "blockquote", "details", "dialog", "div", "dl", "fieldset", "figcaption"),
        *("figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu"),
        *("nav", "ol", "p", "pre", "section", "table", "ul"),
    }
)
"""Elements that end an open ``<p>`` in a browser (html.parser leaves the ``<p>`` open around them)."""

LINE_BREAKS: Final = BLOCKS | {"br", "li", "dt", "dd", "tr", "td", "th", "caption"}
"""Elements read as separate lines of text."""

HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SUBHEADLINE_CLASSES: Final = frozenset({"standfirst", "subheadline", "subtitle", "dek"})

_SPACE: Final = object()
"""Marks the end of a block element while collecting text, so "<p>a</p><p>b</p>" reads "a b"."""


def _hidden(tag: Tag) -> bool:
    return any(parent.name in HIDDEN for parent in tag.parents)


def _line(tag: Tag) -> int:
    return tag.sourceline or 1


def _inside(tag: Tag, ancestor: Tag) -> bool:
    return any(parent is ancestor for parent in tag.parents)


def _text(tag: Tag, *, paragraph: bool = False, skip: tuple[Tag, ...] = (), lines: bool = False) -> str:
    """The text a reader sees in ``tag``: entities decoded, whitespace collapsed, no comments or code.

    For a ``paragraph`` (or heading), the text stops at the first block element inside it, where a
    browser would have closed the element. With ``lines``, block elements start new lines.
    """
    parts: list[str] = []
    stack: list[Iterator[object]] = [iter(tag.children)]
    gap = "\n" if lines else " "
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child is _SPACE:
            parts.append(gap)
        elif isinstance(child, Tag):
            if child.name in HIDDEN or any(child is skipped for skipped in skip):
                continue
            if paragraph and child.name in BLOCKS:
                break
            if child.name in LINE_BREAKS:
                parts.append(gap)
                stack.append(iter((_SPACE,)))
            stack.append(iter(child.children))
        elif type(child) is NavigableString:  # not comments, CDATA, doctype or processing instructions
            parts.append(str(child))
    text = "".join(parts)
    return "\n".join(filter(None, map(collapse, text.split("\n")))) if lines else collapse(text)


def _walk(root: Tag, descend: Callable[[Tag], bool]) -> Iterator[tuple[Tag, bool]]:
    """Visible elements under ``root`` in document order, each with whether it is inside a ``<header>``.

    Does not enter hidden elements, nor those where ``descend`` says no.
    """
    stack: list[tuple[Iterator[object], bool]] = [(iter(root.children), False)]
    while stack:
        children, in_header = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
        elif isinstance(child, Tag) and child.name not in HIDDEN:
            yield child, in_header
            if descend(child):
                stack.append((iter(child.children), in_header or child.name == "header"))


def _outermost_furniture(root: Tag) -> Iterator[Tag]:
    """Furniture elements under ``root`` that are not inside other furniture, in document order."""
    stack: list[Iterator[object]] = [iter(root.children)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif isinstance(child, Tag):
            if child.name in FURNITURE:
                yield child
            else:
                stack.append(iter(child.children))


def _tags(root: Tag, *names: str, class_: str | frozenset[str] | None = None) -> Iterator[Tag]:
    """Visible elements with these names (any name if none) and, if given, one of these classes."""
    classes = {class_} if isinstance(class_, str) else class_
    for tag in root.find_all(list(names) or True):
        wanted = isinstance(tag, Tag) and (classes is None or classes.intersection(tag.get_attribute_list("class")))
        if wanted and isinstance(tag, Tag) and not _hidden(tag):
            yield tag


def _meta(soup: BeautifulSoup, attribute: str, value: str) -> Tag | None:
    for tag in soup.find_all("meta", attrs={attribute: value}):
        if isinstance(tag, Tag) and collapse(str(tag.get("content") or "")):
            return tag
    return None


def _content(tag: Tag | None) -> str | None:
    return collapse(str(tag.get("content") or "")) or None if tag is not None else None


def _byline_name(text: str) -> str | None:
    """ "By Jane Smith, Science Editor" → "Jane Smith", as for pasted text; else the text without "By "."""
    text = collapse(text)
    if match := BYLINE.fullmatch(text):
        return match.group("name")
    if text[:3].casefold() == "by ":
        text = text[3:].strip()
    return text or None


def _page_date(soup: BeautifulSoup, container: Tag, source: Path) -> dt.date | None:
    """``article:published_time``, else the first ``<time datetime>`` holding a date."""
    meta = _meta(soup, "property", "article:published_time")
    if meta is not None:
        value = _content(meta) or ""
        date = iso_date(value)
        if date is None:
            raise ArticleError(source, f'<meta property="article:published_time"> is not an ISO date: {value!r}', _line(meta))
        return date
    for root in (container, soup):
        for time in _tags(root, "time"):
            if date := iso_date(str(time.get("datetime") or "")):
                return date
    return None


def _same_name(a: str, b: str) -> bool:
    """ "The Telegraph" and "telegraph" name the same publisher."""

    def key(name: str) -> str:
        name = name.casefold().strip()
        return name.removeprefix("the ").strip()

    return key(a) == key(b)


def _record_furniture(root: Tag, body: BodyBuilder) -> None:
    """One record per outermost furniture element; a follow prompt in one names the republisher."""
    for tag in _outermost_furniture(root):
        name = str(tag.name)
        if name in {"script", "style"}:
            content, kind = collapse(tag.get_text(" ")), FURNITURE[name]
        else:
            lines = _text(tag, lines=True).split("\n")
            content = " ".join(lines)
            whole = furniture_line(content)
            kind = whole.kind if whole is not None else FURNITURE[name]
            for line in lines:
                if (prompt := furniture_line(line)) and prompt.republisher and body.republisher is None:
                    body.republisher = prompt.republisher
        body.remove(_line(tag), short(f"<{name}> {content}"), kind)


def _add_caption(figure: Tag, body: BodyBuilder) -> None:
    figcaption = figure.find("figcaption")
    if not isinstance(figcaption, Tag):
        return
    credit_tag = next((t for t in figure.find_all(class_="credit") if isinstance(t, Tag)), None)
    if credit_tag is not None:
        text, credit = _text(figcaption, skip=(credit_tag,)), credit_name(_text(credit_tag))
    else:
        text, credit = split_credit(_text(figcaption))
    if text or credit:
        body.add_caption(text, credit, _line(figure))


def _parse(text: str, source: Path) -> BeautifulSoup:
    """The page's tree; html.parser builds one from almost anything, and runs nothing."""
    with warnings.catch_warnings():
        # Advice for programmers ("looks like a URL", "looks like XML"), not a problem with the article.
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        try:
            return BeautifulSoup(text, "html.parser")
        except ParserRejectedMarkup as error:
            raise ArticleError(source, f"cannot be read as HTML: {error}") from None


def parse_html(text: str, source: Path) -> Article:
    """Parse an HTML page into an Article; ArticleError naming the file (and line) on any problem."""
    soup = _parse(text, source)
    body_tag = soup.find("body")
    root: Tag = body_tag if isinstance(body_tag, Tag) else soup
    container = next((t for name in ("article", "main") for t in _tags(root, name)), root)

    headline_tag = next((t for r in (container, soup) for t in _tags(r, "h1") if _text(t, paragraph=True)), None)
    if headline_tag is None:
        raise ArticleError(source, "no headline: the page has no <h1> with text")
    headline = _text(headline_tag, paragraph=True)

    sub_tag = next((t for t in _tags(soup, "p", "h2", class_=SUBHEADLINE_CLASSES) if _text(t, paragraph=True)), None)
    subheadline = _text(sub_tag, paragraph=True) if sub_tag is not None else None
    by_tag = next((t for t in _tags(soup, class_="byline") if _text(t)), None)
    if by_tag is None:
        by_tag = next((t for t in _tags(soup, "a") if "author" in t.get_attribute_list("rel") and _text(t)), None)
    byline = None
    if by_tag is not None:
        times = tuple(t for t in by_tag.find_all("time") if isinstance(t, Tag))
        byline = _byline_name(_text(by_tag, skip=times))

    body = BodyBuilder(byline=byline)
    _record_furniture(root, body)
    used = (headline_tag, sub_tag, by_tag)
    seen_headline = not _inside(headline_tag, container)
    for tag, in_header in _walk(container, lambda t: t.name != "figure" and not any(t is u for u in used)):
        if tag is headline_tag:
            seen_headline = True
        elif any(tag is u for u in used):
            continue
        elif tag.name == "figure":
            _add_caption(tag, body)
        elif tag.name in HEADINGS and (heading := _text(tag, paragraph=True)):
            if tag.name == "h2" and subheadline is None and seen_headline and not body.paragraphs:
                subheadline = heading
            else:
                body.remove(_line(tag), heading, BoilerplateKind.SUBHEADING)
        elif tag.name == "p":
            if by_tag is not None and not body.paragraphs and _inside(by_tag, tag):
                continue  # <p>By <a rel="author">Jane Doe</a></p>
            body.add_text(_text(tag, paragraph=True), _line(tag), article_text=not in_header)

    if not body.paragraphs:
        where = f"<{container.name}>" if container is not soup else "the page"
        raise ArticleError(source, f"no body paragraphs: no <p> with article text in {where}")

    site = _content(_meta(soup, "property", "og:site_name"))
    publisher: str | None
    date: dt.date | None
    if body.original_publisher is not None:  # the page names the first publisher; the site republished it
        publisher, date = body.original_publisher, body.original_date
        if body.republisher is None and site is not None and not _same_name(site, publisher):
            body.republisher = site
    else:
        publisher, date = site, _page_date(soup, container, source)
    return Article(
        source=source,
        headline=headline,
        subheadline=subheadline,
        byline=body.byline or _byline_name(_content(_meta(soup, "name", "author")) or ""),
        provenance=Provenance(publisher, date, body.republisher, body.rights),
        paragraphs=tuple(body.paragraphs),
        captions=tuple(body.captions),
        removed=tuple(sorted(body.removed, key=lambda removed: removed.line)),
    )
