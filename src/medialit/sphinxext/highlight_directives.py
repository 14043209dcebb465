"""Directives that open a chapter with what stands out in the article, and list the article's words to look up.

Both are computed when the book is built, from the analysis as the course corrects it (the
loader of :mod:`medialit.sphinxext.analysis_directives`), so a teacher's correction changes them
on the next build and no article text ever enters a page as MyST::

    ```{article-highlights} /articles/wagner-kosovo-telegraph-2023.txt
    :chapter: sourcing
    ```
    ```{article-terms} /articles/wagner-kosovo-telegraph-2023.txt
    ```

``article-highlights`` says each highlight of the chapter in a plain sentence
(:data:`medialit.analysis.highlights.TEMPLATES`) with its paragraphs linked, or, when there is
none, the one sentence :data:`~medialit.analysis.highlights.NOTHING_FOUND`. ``article-terms`` is
a table of the article's names and key phrases, each linked to the paragraph of first appearance.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from medialit.analysis.highlights import NOTHING_FOUND, Chapter, Highlight, chapter_highlights
from medialit.analysis.terms import article_terms
from medialit.sphinxext.analysis_directives import _AnalysisDirective, make_table, paragraph_link


def _links(paragraphs: list[int]) -> list[nodes.Node]:
    """ "P2, P5 and P7", each a link to its paragraph."""
    found: list[nodes.Node] = []
    for index, n in enumerate(paragraphs):
        if index:
            found.append(nodes.Text(" and " if index == len(paragraphs) - 1 else ", "))
        found.append(paragraph_link(n))
    return found


def highlight_sentence(highlight: Highlight) -> list[nodes.Node]:
    """One highlight's sentence as Text nodes and paragraph links (article words stay text)."""
    found: list[nodes.Node] = []
    for piece in highlight.sentence():
        if isinstance(piece, str):
            found.append(nodes.Text(piece))
        else:
            found += _links(piece)
    return found


class HighlightsDirective(_AnalysisDirective):
    """What stands out in the article for one chapter, as sentences with paragraph links."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "chapter": lambda argument: directives.choice(argument, tuple(c.value for c in Chapter)),
    }

    def run(self) -> list[nodes.Node]:
        if "chapter" not in self.options:
            raise self.error(f"article-highlights needs :chapter: (one of {', '.join(c.value for c in Chapter)})")
        found = chapter_highlights(self.analysis(), self.options["chapter"])
        box = nodes.container(classes=["medialit-highlights"])
        if not found:
            box += nodes.paragraph("", NOTHING_FOUND, classes=["medialit-analysis-empty"])
            return [box]
        items = nodes.bullet_list(classes=["medialit-highlight-list"])
        for highlight in found:
            item = nodes.list_item(classes=[f"medialit-highlight-{highlight.kind.value}"])
            item += nodes.paragraph("", "", *highlight_sentence(highlight))
            items += item
        box += items
        return [box]


class TermsDirective(_AnalysisDirective):
    """The article's names and key phrases to look up, each with the paragraph where it first appears."""

    def run(self) -> list[nodes.Node]:
        terms = article_terms(self.analysis())
        if not terms:
            return [
                nodes.paragraph("", "The analysis finds no names or key phrases to look up.", classes=["medialit-analysis-empty"])
            ]
        rows = [[term.text, term.kind.value, paragraph_link(term.paragraph)] for term in terms]
        return [
            make_table("Terms from the article to look up", ["Term", "What it is", "First appears in"], rows, ["medialit-terms"])
        ]


DIRECTIVES: dict[str, type[_AnalysisDirective]] = {
    "article-highlights": HighlightsDirective,
    "article-terms": TermsDirective,
}
