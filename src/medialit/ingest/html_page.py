"""Parsing an article saved as a web page.

The page is parsed with BeautifulSoup and the standard library's ``html.parser``; nothing in it
is run or fetched. trafilatura (:mod:`.main_text`, offline) says which paragraphs are the
article's main text and reads the page's metadata; everything else is read here, so paragraph
numbers, line numbers, captions and the removal record are medialit's. What is read, and from where:

* headline: the ``<h1>`` that trafilatura's title names (a logo may be an ``<h1>`` too), else the
  first ``<h1>`` in the article, else anywhere, else the title in the page's metadata (with a
  note); ``--headline`` replaces it;
* sub-headline: a ``<p>``/``<h2>`` with class ``standfirst``, ``subheadline``, ``subtitle`` or
  ``dek``, else the first ``<h2>`` after the headline and before the first body paragraph;
* byline: class ``byline`` (names only, as for pasted text), else ``<a rel="author">``, else a
  "By Jane Doe" paragraph or line before the body, else trafilatura's author (JSON-LD, meta tags),
  else ``<meta name="author">``;
* provenance: ``og:site_name`` (else trafilatura's site name) and ``article:published_time`` (else
  trafilatura's date, else the first ``<time datetime>``), overridden by an "Originally published
  by … on …" paragraph, which also makes the site a republisher when it names another publisher;
* body: the ``<p>`` elements (and, where trafilatura finds text in them, ``<div>`` elements) of the
  ``<article>`` or ``<main>`` holding most of the main text (else the whole ``<body>``), in
  document order, except those inside page furniture, ``<header>``, ``<figure>`` or the
  sub-headline/byline; each goes through the rules every format shares (:mod:`.body`); one outside
  trafilatura's main text is recorded as ``not-main-text``, not made a paragraph;
* captions: ``<figure>`` with ``<figcaption>``; the credit is an element with class ``credit`` or a
  trailing credit ("Photo: Name", "(AP Photo/Name)");
* removed and recorded: ``<script>``, ``<style>``, ``<nav>``, ``<footer>``, ``<aside>`` (one record
  each, outermost only), headings inside the body (a heading that is known furniture, such as
  "Share this:", gets that kind), and short ``<div>`` labels that are furniture ("ADVERTISEMENT").

Every search walks the page once, so a page of thousands of nested elements reads in linear time.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Final

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, ParserRejectedMarkup, XMLParsedAsHTMLWarning
from bs4.element import NavigableString, Tag

from medialit.article import Article, BoilerplateKind, LineRole
from medialit.errors import ArticleError
from medialit.ingest.body import REPLACED_DETAIL, BodyBuilder, collapse, credit_name, short, split_credit, visible
from medialit.ingest.dates import iso_date
from medialit.ingest.lines import Byline, furniture_line
from medialit.ingest.lines import byline as parse_byline
from medialit.ingest.main_text import DROPPED_INSIDE, MainText, PageReading, read_page

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


def _line(tag: Tag) -> int:
    return tag.sourceline or 1


def _inside(tag: Tag, ancestor: Tag) -> bool:
    return any(parent is ancestor for parent in tag.parents)


def _text(
    tag: Tag, *, paragraph: bool = False, skip: tuple[Tag, ...] = (), lines: bool = False, drop: frozenset[str] = frozenset()
) -> str:
    """The text a reader sees in ``tag``: entities decoded, whitespace collapsed, no comments or code.

    For a ``paragraph`` (or heading), the text stops at the first block element inside it, where a
    browser would have closed the element. With ``lines``, block elements start new lines. Elements named in
    ``drop`` (and the elements in ``skip``) are left out.
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
            if child.name in HIDDEN or child.name in drop or any(child is skipped for skipped in skip):
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
    wanted = set(names)
    stack: list[Iterator[object]] = [iter(root.children)]  # one pass, not entering hidden elements: linear in the page
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif isinstance(child, Tag):
            if (not wanted or child.name in wanted) and (
                classes is None or classes.intersection(child.get_attribute_list("class"))
            ):
                yield child
            if child.name not in HIDDEN:
                stack.append(iter(child.children))


def _meta(soup: BeautifulSoup, attribute: str, value: str) -> Tag | None:
    for tag in soup.find_all("meta", attrs={attribute: value}):
        if isinstance(tag, Tag) and collapse(str(tag.get("content") or "")):
            return tag
    return None


def _content(tag: Tag | None) -> str | None:
    return collapse(str(tag.get("content") or "")) or None if tag is not None else None


def _byline(text: str) -> Byline | None:
    """ "By Jane Smith, Science Editor" → Jane Smith, as in pasted text (with any agency and date); else the text after "By "."""
    text = collapse(text)
    if found := parse_byline(text):
        return found
    if text[:3].casefold() == "by ":
        text = text[3:].strip()
    return Byline(text) if text else None


def _page_date(soup: BeautifulSoup, container: Tag, page: PageReading, body: BodyBuilder) -> dt.date | None:
    """``article:published_time``, else the date trafilatura reads (JSON-LD, meta tags), else the first ``<time datetime>``."""
    meta = _meta(soup, "property", "article:published_time")
    if meta is not None:
        value = _content(meta) or ""
        if date := iso_date(value):
            return date
        body.note(f'<meta property="article:published_time"> on line {_line(meta)} is not an ISO date ({value!r}); not used')
    if page.date is not None:
        return page.date
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


def _in_main(tag: Tag, main: MainText) -> bool:
    """Whether the paragraph ``tag`` is in trafilatura's main text, compared without the elements trafilatura drops."""
    return _text(tag, paragraph=True, drop=DROPPED_INSIDE) in main


def _leaf_text(tag: Tag) -> bool:
    """Whether a ``<div>`` holds text itself and no block inside it (a label, a byline, a timestamp)."""
    return not any(isinstance(t, Tag) and t.name in BLOCKS for t in tag.descendants) and bool(_text(tag, paragraph=True))


def _main_paragraph(tag: Tag, main: MainText | None) -> bool:
    """Whether ``tag`` is read as a paragraph: a ``<p>``, or (with trafilatura's main text) a ``<div>`` holding text itself."""
    if tag.name == "p":
        return True
    return main is not None and tag.name == "div" and bool(_text(tag, paragraph=True)) and _in_main(tag, main)


CONTAINERS: Final = ("article", "main")


def _container(root: Tag, main: MainText | None) -> Tag:
    """Where the article is: the ``<article>`` or ``<main>`` holding most of trafilatura's main text (the innermost
    of equals), else the first ``<article>``, else the first ``<main>``, else the whole body.

    One pass over the page: each main-text ``<p>`` counts for its nearest container, and each container's count
    is then added to the container around it, so even thousands of nested elements take linear time.
    """
    candidates: list[Tag] = []
    around: dict[int, Tag | None] = {}
    depth: dict[int, int] = {}
    counts: dict[int, int] = {}
    everywhere = 0
    stack: list[tuple[Iterator[object], Tag | None]] = [(iter(root.children), None)]
    while stack:
        children, nearest = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        if not isinstance(child, Tag) or child.name in HIDDEN:
            continue
        here = nearest
        if child.name in CONTAINERS:
            candidates.append(child)
            around[id(child)], counts[id(child)] = nearest, 0
            depth[id(child)] = depth[id(nearest)] + 1 if nearest is not None else 0
            here = child
        elif child.name == "p" and main is not None and _in_main(child, main):
            everywhere += 1
            if nearest is not None:
                counts[id(nearest)] += 1
        stack.append((iter(child.children), here))
    first = next((tag for name in CONTAINERS for tag in candidates if tag.name == name), root)
    if main is None or everywhere == 0:
        return first
    for tag in reversed(candidates):
        if (outer := around[id(tag)]) is not None:
            counts[id(outer)] += counts[id(tag)]
    best = max((counts[id(tag)] for tag in candidates), default=0)
    if best * 2 < everywhere:
        return root
    return max((tag for tag in candidates if counts[id(tag)] == best), key=lambda tag: depth[id(tag)])


def _title_metadata(soup: BeautifulSoup) -> int | None:
    """The line of the page's title metadata (``<title>``, ``og:title``, ``twitter:title``, JSON-LD), or None if it has none."""
    for tag in (
        soup.find("title"),
        _meta(soup, "property", "og:title"),
        _meta(soup, "name", "twitter:title"),
        soup.find("script", attrs={"type": "application/ld+json"}, string=re.compile('"(?:headline|name)"')),
    ):
        if isinstance(tag, Tag) and (tag.name != "title" or _text(tag)):
            return _line(tag)
    return None


def _headline_tag(soup: BeautifulSoup, container: Tag, title: str | None) -> Tag | None:
    """The ``<h1>`` trafilatura's title names (a site's logo may be an ``<h1>`` too), else the first in the article, else any."""
    found = [t for r in (container, soup) for t in _tags(r, "h1") if visible(_text(t, paragraph=True))]
    if title:
        wanted = collapse(title).casefold()
        for tag in found:
            text = _text(tag, paragraph=True).casefold()
            if text == wanted or (len(text) > 10 and (text in wanted or wanted in text)):
                return tag
    return found[0] if found else None


def parse_html(text: str, source: Path, *, headline: str | None = None) -> Article:
    """Parse a saved HTML page into an Article; ArticleError naming the file (and line) when it holds no article text.

    ``headline`` (``--headline``) replaces the page's ``<h1>``.
    """
    soup = _parse(text, source)
    page = read_page(text)
    main = page.main_text
    body_tag = soup.find("body")
    root: Tag = body_tag if isinstance(body_tag, Tag) else soup
    container = _container(root, main)

    headline_tag = _headline_tag(soup, container, page.title)
    found_headline = _text(headline_tag, paragraph=True) if headline_tag is not None else None
    sub_tag = next((t for t in _tags(soup, "p", "h2", class_=SUBHEADLINE_CLASSES) if _text(t, paragraph=True)), None)
    subheadline = _text(sub_tag, paragraph=True) if sub_tag is not None else None
    by_tag = next((t for t in _tags(soup, class_="byline") if _text(t)), None)
    if by_tag is None:
        by_tag = next((t for t in _tags(soup, "a") if "author" in t.get_attribute_list("rel") and _text(t)), None)
    shown = _byline(_text(by_tag, drop=frozenset({"time"}))) if by_tag else None

    body = BodyBuilder(byline=shown.name if shown else None, given_headline=headline)
    if shown is not None and by_tag is not None:
        body.agency, body.page_date = shown.agency, shown.date
        body.record(_line(by_tag), _line(by_tag), LineRole.BYLINE, _text(by_tag))
    if headline_tag is not None and found_headline:
        body.record(
            _line(headline_tag), _line(headline_tag), LineRole.HEADLINE, found_headline, REPLACED_DETAIL if headline else ""
        )
    elif page.title and not headline and (title_line := _title_metadata(soup)) is not None:
        found_headline = page.title
        body.record(title_line, title_line, LineRole.HEADLINE, page.title, "from the page's metadata")
        body.note("the page has no <h1>: the headline is the title its metadata gives (<title>, og:title or JSON-LD); check it")
    if sub_tag is not None and subheadline:
        body.record(_line(sub_tag), _line(sub_tag), LineRole.SUBHEADLINE, subheadline)
    if main is None:
        body.note(f"trafilatura found no main text{f' ({page.problem})' if page.problem else ''}: every <p> read as article text")

    _record_furniture(root, body)
    used = (headline_tag, sub_tag, by_tag)
    seen_headline = headline_tag is None or not _inside(headline_tag, container)
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
                body.record(_line(tag), _line(tag), LineRole.SUBHEADLINE, heading)
            else:
                known = furniture_line(heading)
                body.remove(_line(tag), heading, known.kind if known else BoilerplateKind.SUBHEADING)
        elif _main_paragraph(tag, main):
            if by_tag is not None and not body.paragraphs and _inside(by_tag, tag):
                continue  # <p>By <a rel="author">Jane Doe</a></p>
            paragraph = _text(tag, paragraph=True)
            in_main = main is None or _in_main(tag, main)
            body.add_text(paragraph, _line(tag), article_text=in_main and not in_header)
        elif main is not None and tag.name == "div" and _leaf_text(tag) and not any(u and _inside(u, tag) for u in used):
            body.add_text(_text(tag, paragraph=True), _line(tag), article_text=False)  # a byline, a timestamp, an advert

    if body.byline is None:
        body.byline = page.author or (_byline(_content(_meta(soup, "name", "author")) or "") or Byline("")).name or None
    site = _content(_meta(soup, "property", "og:site_name")) or page.sitename
    stated = body.provenance(publisher=site, date=_page_date(soup, container, page, body))
    republished = body.original_publisher is not None and site is not None and not _same_name(site, body.original_publisher)
    if republished and body.republisher is None:  # the page names another first publisher: its site republished it
        stated = replace(stated, republisher=site)
    body.headline, body.subheadline = found_headline, subheadline
    if left_out := sum(1 for removed in body.removed if removed.kind is BoilerplateKind.NOT_MAIN_TEXT):
        body.note(f"{left_out} paragraph{'s' * (left_out != 1)} outside the main text (as trafilatura finds it) left out")
    where = f"<{container.name}>" if container is not soup else "the page"
    return body.article(source, stated, empty=f"no body paragraphs: no <p> with article text in {where}")
