"""The analysis directives: tables computed at build time, linked to the paragraphs, text escaped."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup

from helpers import COURSE_ARTICLE, ROOT, sphinx_html

CONF = """
extensions = ["myst_parser", "medialit.sphinxext"]
project = "analysis-directive-test"
html_theme = "basic"
exclude_patterns = ["articles"]
"""

ALL_DIRECTIVES = """# Analysis

```{{article-text}} /articles/{name}
```

```{{analysis-sources}} /articles/{name}
```

```{{analysis-statements}} /articles/{name}
:quote-type: journalist
:paragraphs: 1-10
```

```{{analysis-verbs}} /articles/{name}
```

```{{analysis-headline}} /articles/{name}
```

```{{analysis-words}} /articles/{name}
:kind: loaded
```

```{{analysis-frames}} /articles/{name}
```

```{{analysis-claims}} /articles/{name}
```

```{{analysis-analogies}} /articles/{name}
```

```{{article-passage}} /articles/{name}
:paragraphs: 1-2
:highlight: attribution
```
"""


def build(tmp_path: Path, page: str, article: Path = COURSE_ARTICLE) -> tuple[subprocess.CompletedProcess[str], Path]:
    source = tmp_path / "src"
    (source / "articles").mkdir(parents=True)
    shutil.copy(article, source / "articles" / article.name)
    (source / "conf.py").write_text(CONF, encoding="utf-8")
    (source / "index.md").write_text(page.format(name=article.name), encoding="utf-8")
    return sphinx_html(source, tmp_path / "out")


def test_every_directive_renders_its_table_with_paragraph_links(tmp_path: Path) -> None:
    result, page = build(tmp_path, ALL_DIRECTIVES)
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    captions = [caption.get_text(" ", strip=True) for caption in soup.select("table caption")]
    for title in (
        "Who speaks",
        "Statements",
        "Reporting verbs",
        "Headline against body",
        "Loaded words",
        "Frames",
        "Claims",
        "Comparisons",
    ):
        assert any(title in caption for caption in captions), (title, captions)
    sources = soup.select_one("table.medialit-sources")
    assert sources is not None and "Vjosa Osmani" in sources.get_text()
    statements = soup.select_one("table.medialit-statements")
    assert statements is not None
    assert all(row.select_one("a[href='#p1'], a[href^='#p']") for row in statements.select("tbody tr"))
    marks = [mark.get_text() for mark in soup.select(".medialit-passage mark")]
    assert marks == ["the country's president warned", "Vjosa Osmani claimed"]


def test_a_filter_that_names_no_source_fails_the_build_with_the_known_sources(tmp_path: Path) -> None:
    page = "# A\n\n```{{analysis-statements}} /articles/{name}\n:speaker: Nobody Here\n```\n"
    result, _ = build(tmp_path, page)
    assert result.returncode != 0
    assert "no source 'Nobody Here'" in result.stderr and "Vjosa Osmani" in result.stderr


def test_a_passage_beyond_the_last_paragraph_fails_the_build(tmp_path: Path) -> None:
    page = "# A\n\n```{{article-passage}} /articles/{name}\n:paragraphs: 48-60\n```\n"
    result, _ = build(tmp_path, page)
    assert result.returncode != 0 and "P60 does not exist" in result.stderr


def test_article_text_in_analysis_tables_is_escaped(tmp_path: Path) -> None:
    hostile = ROOT / "tests" / "fixtures" / "articles" / "hostile.txt"
    page = ALL_DIRECTIVES.replace(":paragraphs: 1-10\n", "").replace(":paragraphs: 1-2\n", ":paragraphs: 1\n")
    result, out = build(tmp_path, page, hostile)
    assert result.returncode == 0, result.stderr
    raw = out.read_text(encoding="utf-8")
    soup = BeautifulSoup(raw, "html.parser")
    assert not soup.select("table script, .medialit-passage script, table img, .medialit-passage img")
    assert '<img src=x onerror="alert(1)">' not in raw and '<script>alert("headline")</script>' not in raw
    text = soup.get_text()
    assert '<img src=x onerror="alert(1)">' in text and "{{ config.project }}" in text
