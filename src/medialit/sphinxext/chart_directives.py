"""Charts in a chapter: ``{analysis-chart}`` draws one from the article's analysis, ``{timeline}`` from dates the page gives.

    ```{analysis-chart} /articles/wagner-kosovo-telegraph-2023.txt
    :kind: voices
    ```
    ```{timeline}
    :title: Crimea 2014 and Kosovo 2023
    :description: Dates the article and the context boxes give, oldest first.
    1998-1999 | War in Kosovo; 13,000 deaths | P33
    March 2014 | Russia annexes Crimea | Context: UN General Assembly resolution 68/262
    ```

Both render inline SVG (:mod:`medialit.charts`) in every HTML builder (the site, the one-page
site printed to PDF, the EPUB); texts are escaped by the SVG writer, never parsed as markup.
A timeline line that is not ``DATE | TEXT | WHERE THE DATE COMES FROM`` stops the build with
the file and line.
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from medialit.charts import ChartKind, Event, chart_html, timeline
from medialit.sphinxext.analysis_directives import course_analysis


def _kind(argument: str) -> str:
    return directives.choice(argument, tuple(kind.value for kind in ChartKind))


class AnalysisChartDirective(SphinxDirective):
    """``{analysis-chart} ARTICLE`` with ``:kind:`` one of :class:`~medialit.charts.ChartKind`."""

    required_arguments = 1
    has_content = False
    option_spec: ClassVar = {"kind": _kind}

    def run(self) -> list[nodes.Node]:
        if "kind" not in self.options:
            raise self.error(f"{self.name}: give :kind: ({', '.join(kind.value for kind in ChartKind)})")
        analysis = course_analysis(self, self.arguments[0])
        return [nodes.raw("", chart_html(analysis, self.options["kind"]), format="html")]


class TimelineDirective(SphinxDirective):
    """``{timeline}``: one event per line, ``DATE | TEXT | WHERE THE DATE COMES FROM``, oldest first."""

    has_content = True
    option_spec: ClassVar = {"title": directives.unchanged_required, "description": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        for option in ("title", "description"):
            if not self.options.get(option):
                raise self.error(f"{self.name}: give :{option}:")
        events = []
        for offset, line in enumerate(self.content):
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split("|")]
            if len(parts) != 3 or not all(parts):
                raise self.error(
                    f"{self.name}: line {self.content_offset + offset + 1}: "
                    f"expected DATE | TEXT | WHERE THE DATE COMES FROM, got {line!r}"
                )
            events.append(Event(*parts))
        if not events:
            raise self.error(f"{self.name}: no events (one per line: DATE | TEXT | WHERE THE DATE COMES FROM)")
        html = timeline(self.options["title"], self.options["title"], self.options["description"], events)
        return [nodes.raw("", html, format="html")]


DIRECTIVES = {"analysis-chart": AnalysisChartDirective, "timeline": TimelineDirective}
