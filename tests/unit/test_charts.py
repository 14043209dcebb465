"""Charts drawn at build time: their numbers come from the analysis, their SVG is well-formed and
named for screen readers, every text is escaped, and the directives work in a real small Sphinx build."""

from __future__ import annotations

import shutil
import xml.dom.minidom
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import COURSE_ARTICLE, sphinx_html
from medialit.analysis import Analysis, analyze
from medialit.analysis.figures import JOURNALIST_VOICE, source_kinds, voice_shares
from medialit.charts import ChartKind, chart_html
from medialit.charts.svg import Bar, Event, bar_chart, timeline
from medialit.ingest import load_article


@pytest.fixture(scope="module")
def flagship() -> Analysis:
    return analyze(load_article(COURSE_ARTICLE))


def test_the_voices_include_the_journalist_and_agree_with_the_sources(flagship: Analysis) -> None:
    shares = voice_shares(flagship)
    own = next(share for share in shares if share.label == JOURNALIST_VOICE)
    assert own.kind == "journalist" and own.words > 0
    by_name = {share.label: share for share in shares}
    for source in flagship.sources:
        if source.words:
            assert by_name[source.name].words == source.words
    assert sum(share.words for share in shares) <= flagship.article.body_words
    assert [share.words for share in shares] == sorted((share.words for share in shares), reverse=True)


def test_source_kinds_count_every_source_once(flagship: Analysis) -> None:
    assert sum(sources for _kind, sources, _statements in source_kinds(flagship)) == len(flagship.sources)


@pytest.mark.parametrize("kind", list(ChartKind))
def test_every_chart_is_well_formed_and_named_for_screen_readers(flagship: Analysis, kind: ChartKind) -> None:
    html = chart_html(flagship, kind)
    xml.dom.minidom.parseString(html)  # well-formed: valid in the EPUB's XHTML too
    soup = BeautifulSoup(html, "html.parser")
    svg = soup.select_one("svg")
    assert svg is not None and svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert soup.find(id=title_id).name == "title" and soup.find(id=desc_id).get_text()
    assert soup.select_one("details.mlc-data > summary").get_text() == "The chart as a table"
    assert soup.select("details.mlc-data table tbody tr")


def test_the_voices_chart_writes_every_value_as_text(flagship: Analysis) -> None:
    soup = BeautifulSoup(chart_html(flagship, ChartKind.VOICES), "html.parser")
    shown = [text.get_text() for text in soup.select("svg text")]
    assert "37%" in shown and "34%" in shown
    rows = [[cell.get_text() for cell in row.find_all(["th", "td"])] for row in soup.select("tbody tr")]
    assert rows[0] == [JOURNALIST_VOICE, "37%"] and rows[1] == ["Vjosa Osmani", "34%"]
    assert "The journalist's own voice 37%; Vjosa Osmani 34%" in soup.select_one("desc").get_text()


def test_texts_are_escaped_never_markup() -> None:
    hostile = '<script>alert(1)</script> & "quotes"'
    html = bar_chart("x", hostile, hostile, [Bar(hostile, 1, hostile)], [hostile, "v"]) + timeline(
        "t", hostile, hostile, [Event(hostile, hostile, hostile)]
    )
    assert "<script>" not in html and "&lt;script&gt;" in html
    for part in (bar_chart("x", hostile, hostile, [Bar(hostile, 1, hostile)], [hostile, "v"]),):
        xml.dom.minidom.parseString(part)


def test_a_timeline_keeps_the_order_given_and_says_where_each_date_comes_from() -> None:
    events = [Event("1998-1999", "War in Kosovo", "P33"), Event("2014", "Russia annexes Crimea", "Context: UN GA 68/262")]
    soup = BeautifulSoup(timeline("t", "Dates", "Oldest first.", events), "html.parser")
    rows = [[cell.get_text() for cell in row.find_all(["th", "td"])] for row in soup.select("tbody tr")]
    assert rows == [["1998-1999", "War in Kosovo", "P33"], ["2014", "Russia annexes Crimea", "Context: UN GA 68/262"]]


CONF = """
extensions = ["myst_parser", "medialit.sphinxext"]
project = "chart-directive-test"
html_theme = "basic"
exclude_patterns = ["articles"]
"""
PAGE = """# Charts

```{{analysis-chart}} /articles/{article}
:kind: voices
```

```{{timeline}}
:title: Two dates
:description: Oldest first.
{lines}
```
"""


def build(tmp_path: Path, lines: str) -> tuple[int, str, Path]:
    source = tmp_path / "src"
    (source / "articles").mkdir(parents=True)
    shutil.copy(COURSE_ARTICLE, source / "articles" / COURSE_ARTICLE.name)
    (source / "conf.py").write_text(CONF, encoding="utf-8")
    (source / "index.md").write_text(PAGE.format(article=COURSE_ARTICLE.name, lines=lines), encoding="utf-8")
    result, page = sphinx_html(source, tmp_path / "out")
    return result.returncode, result.stderr, page


def test_the_directives_draw_their_charts_in_a_real_build(tmp_path: Path) -> None:
    status, errors, page = build(tmp_path, "1998-1999 | War in Kosovo | P33\n2014 | Crimea | Context")
    assert status == 0, errors
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert len(soup.select("div.mlc-chart > figure > svg[role=img]")) == 2


def test_a_malformed_timeline_line_stops_the_build_naming_the_line(tmp_path: Path) -> None:
    status, errors, _page = build(tmp_path, "1998-1999 | War in Kosovo | P33\n2014 Crimea")
    assert status != 0
    assert "index.md" in errors and "expected DATE | TEXT | WHERE THE DATE COMES FROM" in errors and "'2014 Crimea'" in errors
