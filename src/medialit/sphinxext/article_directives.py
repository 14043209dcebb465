"""Directives that show an article: its provenance box and its numbered text.

Usage in a MyST page (paths are relative to the page, or to the book root with a leading /)::

    ```{article-provenance} /articles/wagner-kosovo-telegraph-2023.txt
    ```

    ```{article-text} /articles/wagner-kosovo-telegraph-2023.txt
    ```

Each body paragraph gets the anchor ``#pN`` and the cross-reference label ``article-pN`` (shown
as "PN"), so any chapter can write ``{ref}`article-p13``` and land on the paragraph.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import cast

from docutils import nodes
from sphinx.domains.std import StandardDomain
from sphinx.util.docutils import SphinxDirective, SphinxTranslator

from medialit.article import Article, BoilerplateKind, Caption, Paragraph, RemovedLine
from medialit.errors import ArticleError
from medialit.ingest import load_article


class article_headline(nodes.paragraph):
    """The article's headline: a real heading in HTML, a paragraph for other builders."""


class photo_caption(nodes.container):
    """A photo caption with its credit: <figure><figcaption> in HTML, a container elsewhere."""


@lru_cache(maxsize=16)
def _load(path: str, mtime_ns: int, headline: str | None = None) -> Article:
    """Parse once per build even when several directives show the same article."""
    return load_article(Path(path), headline=headline)


class _ArticleDirective(SphinxDirective):
    required_arguments = 1
    has_content = False

    def article(self) -> Article:
        relative, absolute = self.env.relfn2path(self.arguments[0], self.env.docname)
        self.env.note_dependency(relative)
        path = Path(absolute)
        try:
            mtime = path.stat().st_mtime_ns if path.exists() else 0
            return _load(str(path), mtime, self.config.medialit_article_headline)
        except ArticleError as error:
            raise self.error(str(error)) from None


def _field(term: str, *value: nodes.Node) -> nodes.definition_list_item:
    return nodes.definition_list_item("", nodes.term("", term), nodes.definition("", nodes.paragraph("", "", *value)))


def _text(value: str) -> nodes.Text:
    return nodes.Text(value)


_KIND_WORDS = {
    BoilerplateKind.NAVIGATION: "page navigation",
    BoilerplateKind.SOCIAL: "social-media links",
    BoilerplateKind.FOLLOW_PROMPT: "a prompt to follow the website",
    BoilerplateKind.SUBHEADING: "section headings",
    BoilerplateKind.SCRIPT: "scripts and styles",
    BoilerplateKind.FOOTER: "the page footer",
    BoilerplateKind.SIDEBAR: "sidebars",
    BoilerplateKind.ADVERTISEMENT: "advertising labels",
    BoilerplateKind.PROMOTION: "links to other stories",
    BoilerplateKind.COMMENTS: "the comment section",
    BoilerplateKind.SUBSCRIPTION: "subscribe buttons",
    BoilerplateKind.WIDGET: "weather and reading-time widgets",
    BoilerplateKind.TIMESTAMP: "the page's own timestamps",
    BoilerplateKind.SOURCE_LINK: "links to the story's source",
    BoilerplateKind.EMPTY_BYLINE: "an empty byline",
    BoilerplateKind.SEPARATOR: "separator lines",
    BoilerplateKind.NOT_MAIN_TEXT: "text outside the article's main text",
    BoilerplateKind.COPYRIGHT: "the copyright line",
    BoilerplateKind.ORIGINALLY_PUBLISHED: 'the "Originally published" line',
    BoilerplateKind.CONTRIBUTORS: "contributor lines",
    BoilerplateKind.EDITORS_NOTE: "the editor's note",
}
"""How the provenance box names each kind of furniture; every BoilerplateKind has an entry (tested)."""


MOVED_INTO_BOX = frozenset({BoilerplateKind.ORIGINALLY_PUBLISHED, BoilerplateKind.COPYRIGHT})
"""Lines of the page that the box shows (as "First published by" and "Rights line"), so they are moved, not dropped."""


def _quoted_lines(lines: list[RemovedLine]) -> str:
    """The page's lines word for word, in page order: “top of page”; “bottom of page”."""
    return "; ".join(f"“{line.text.strip()}”" for line in lines)


def _credit_forms(article: Article) -> list[str]:
    """How the page printed the credit before the photographer's name (“| CREDIT:”), one entry per form.

    Read from the article file's own lines, so the box says exactly what the course's copy
    reformats; empty when the file is not plain text or a caption's line cannot be found.
    """
    try:
        lines = article.source.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    forms: list[str] = []
    for caption in article.captions:
        if not caption.credit or not 0 < caption.line <= len(lines):
            continue
        raw = lines[caption.line - 1].strip()
        if not raw.startswith(caption.text) or not raw.endswith(caption.credit):
            continue
        form = raw[len(caption.text) : len(raw) - len(caption.credit)].strip()
        if form and form not in forms:
            forms.append(form)
    return forms


class ArticleProvenanceDirective(_ArticleDirective):
    """A box of what the page says about where the text comes from, and what it leaves out."""

    def run(self) -> list[nodes.Node]:
        article = self.article()
        provenance = article.provenance
        items = [
            _field("Headline, as republished", _text(article.headline or "None shown: the text has no headline.")),
            _field("Sub-headline", _text(article.subheadline or "None shown.")),
        ]
        original = provenance.original_publisher or "Not stated on the page."
        if provenance.original_date:
            original += f", {provenance.original_date.day} {provenance.original_date:%B %Y}"
        items.append(_field("First published by", _text(original)))
        items.append(_field("Republished by", _text(provenance.republisher or "Not stated on the page.")))
        byline = article.byline or "None shown: the page does not name the reporter."
        items.append(_field("Byline (reporter)", _text(byline)))
        photographers = ", ".join(article.photographers) or "No photo credits shown."
        count = len(article.captions)
        items.append(_field("Photographs", _text(f"{photographers} ({count} captioned photo{'s' * (count != 1)})")))
        if provenance.rights:
            items.append(_field("Rights line", _text(provenance.rights)))
        stated = (
            ("Relayed from (news agency)", provenance.relayed_from),
            ("Dateline", article.dateline),
            ("Contributors", "; ".join(provenance.contributors)),
            ("Editor's note", provenance.editors_note),
            ("Source line", provenance.source_note),
        )
        items.extend(_field(term, _text(value)) for term, value in stated if value)
        moved = [line for line in article.removed if line.kind in MOVED_INTO_BOX]
        left_out = [line for line in article.removed if line.kind not in MOVED_INTO_BOX]
        if moved:
            items.append(_field("Moved from the page into this box", _text(_quoted_lines(moved))))
        if left_out:
            kinds = sorted({_KIND_WORDS[line.kind] for line in left_out})
            removed = f"{_quoted_lines(left_out)} ({', '.join(kinds)})."
            items.append(_field("Left out of the text below", _text(removed)))
        credits = _credit_forms(article)
        if credits:
            printed = " or ".join(f"“{form}”" for form in credits)
            note = f"On the page, each caption's credit follows {printed}; below, it follows “Credit:”."
            items.append(_field("Photo credits", _text(note)))
        items.append(_field("Body paragraphs", _text(f"{len(article.paragraphs)}, numbered P1 to P{len(article.paragraphs)}")))

        box = nodes.admonition(classes=["medialit-provenance"])
        box += nodes.title("", "Provenance: what the page says about itself")
        box += nodes.definition_list("", *items)
        return [box]


class ArticleTextDirective(_ArticleDirective):
    """The cleaned article: headline, sub-headline, numbered paragraphs, captions in place."""

    def run(self) -> list[nodes.Node]:
        article = self.article()
        level = min(self.state.memo.section_level + 1, 6)
        body = nodes.container(classes=["medialit-article"])
        if article.headline:
            body += article_headline("", article.headline, level=level, classes=["medialit-headline"])
        if article.subheadline:
            body += nodes.paragraph("", article.subheadline, classes=["medialit-subheadline"])
        body.extend(self._caption(c) for c in article.captions_after(0))
        for paragraph in article.paragraphs:
            body += self._paragraph(paragraph)
            body.extend(self._caption(c) for c in article.captions_after(paragraph.n))
        return [body]

    def _paragraph(self, paragraph: Paragraph) -> nodes.paragraph:
        node_id = f"p{paragraph.n}"
        label = f"article-p{paragraph.n}"
        domain = cast(StandardDomain, self.env.get_domain("std"))
        domain.note_hyperlink_target(label, self.env.docname, node_id, paragraph.label)
        node = nodes.paragraph("", "", ids=[node_id], classes=["medialit-para"])
        node += nodes.inline("", paragraph.label, classes=["medialit-pnum"])
        node += nodes.Text(" " + paragraph.text)
        return node

    @staticmethod
    def _caption(caption: Caption) -> photo_caption:
        node = photo_caption(classes=["medialit-photo"])
        text = nodes.paragraph("", "", classes=["medialit-caption"])
        text += nodes.inline("", "Photo caption (photo not reproduced): ", classes=["medialit-caption-label"])
        text += nodes.Text(caption.text)
        if caption.credit:
            text += nodes.Text(" ")
            text += nodes.inline("", f"Credit: {caption.credit}", classes=["medialit-credit"])
        node += text
        return node


def visit_article_headline_html(self: SphinxTranslator, node: article_headline) -> None:
    level = node["level"]
    self.body.append(self.starttag(node, f"h{level}", ""))


def depart_article_headline_html(self: SphinxTranslator, node: article_headline) -> None:
    self.body.append(f"</h{node['level']}>\n")


def visit_photo_caption_html(self: SphinxTranslator, node: photo_caption) -> None:
    self.body.append(self.starttag(node, "figure", ""))
    self.body.append("<figcaption>")


def depart_photo_caption_html(self: SphinxTranslator, node: photo_caption) -> None:
    self.body.append("</figcaption></figure>\n")
