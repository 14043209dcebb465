"""The article directives inside a real (small) Sphinx build: escaping and error reporting."""

from __future__ import annotations

import html
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import COURSE_ARTICLE, sphinx_html

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"

CONF = """
extensions = ["myst_parser", "medialit.sphinxext"]
project = "directive-test"
html_theme = "basic"
exclude_patterns = ["flood.md", "hostile.md"]  # articles are data, not pages
"""

PAGE = """# Test page

```{{article-provenance}} /{name}
```

## Text

```{{article-text}} /{name}
```
"""


def sphinx_build(tmp_path: Path, article: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    source = tmp_path / "src"
    source.mkdir()
    shutil.copy(article, source / article.name)
    (source / "conf.py").write_text(CONF, encoding="utf-8")
    (source / "index.md").write_text(PAGE.format(name=article.name), encoding="utf-8")
    return sphinx_html(source, tmp_path / "out")


def test_article_text_is_escaped_never_run_or_parsed(tmp_path: Path) -> None:
    """Do HTML, script, MyST directives and template syntax in an article come out as text?"""
    result, page = sphinx_build(tmp_path, FIXTURES / "hostile.txt")
    assert result.returncode == 0, result.stderr
    built = page.read_text(encoding="utf-8")
    assert "<script>alert" not in built and "<script>x()" not in built
    assert "<img src=x" not in built and "<b>denies</b>" not in built
    assert "&lt;script&gt;alert(&quot;headline&quot;)&lt;/script&gt;" in built
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in built
    assert "{{ config.project }}" in built and "{% if true %}yes{% endif %}" in built
    assert "```{admonition} Injected" in html.unescape(built)
    assert built.count('class="admonition-title"') == 1  # the provenance box's, and no injected note
    assert "Injected</p>" not in built
    assert ":::{note}" in built
    assert "$x^2$" in built


def test_paragraphs_get_numbers_anchors_and_labels(tmp_path: Path) -> None:
    result, page = sphinx_build(tmp_path, COURSE_ARTICLE)
    assert result.returncode == 0, result.stderr
    built = page.read_text(encoding="utf-8")
    for n in range(1, 50):
        assert f'id="p{n}"' in built
        assert f'<span class="medialit-pnum">P{n}</span>' in built
    assert 'id="p50"' not in built
    assert built.count("<figure") == 4
    assert "Credit: Heathcliff O'Malley" in html.unescape(built)
    assert '<h3 class="medialit-headline">Wagner Group helping Serbia prepare attack on Kosovo</h3>' in built


def test_provenance_box_states_what_the_page_says_and_does_not(tmp_path: Path) -> None:
    result, page = sphinx_build(tmp_path, COURSE_ARTICLE)
    assert result.returncode == 0, result.stderr
    text = html.unescape(page.read_text(encoding="utf-8"))
    for expected in (
        "Headline, as republished",
        "The Telegraph, 11 February 2023",
        "Genocide Watch",
        "None shown: the page does not name the reporter.",
        "Heathcliff O'Malley (4 captioned photos)",
        "© Telegraph Media Group Limited 2023",
        "49, numbered P1 to P49",
    ):
        assert expected in text


def test_provenance_box_quotes_every_line_the_copy_moves_or_leaves_out(tmp_path: Path) -> None:
    """Does the box quote, word for word, each page line not in the text, and say how the credits are reformatted?

    The article page once said only the website's buttons were removed, though the provenance
    line, the copyright line and the caption credits are moved or reformatted.
    """
    result, page = sphinx_build(tmp_path, COURSE_ARTICLE)
    assert result.returncode == 0, result.stderr
    text = html.unescape(page.read_text(encoding="utf-8"))
    moved = text[text.index("Moved from the page into this box") : text.index("Left out of the text below")]
    assert "“Originally published by the Telegraph on February 11, 2023”" in moved
    assert "“© Telegraph Media Group Limited 2023”" in moved
    left_out = text[text.index("Left out of the text below") : text.index("Photo credits")]
    for line in ("top of page", "Follow Genocide Watch for more updates:", "• Grey Facebook Icon", "bottom of page"):
        assert f"“{line}”" in left_out
    assert "“| CREDIT:” or “CREDIT:”" in text and "it follows “Credit:”" in text


def test_quotes_stay_verbatim_with_smart_quotes_off(tmp_path: Path) -> None:
    """Are straight quotes in the article kept straight (docutils would curl them)?"""
    result, page = sphinx_build(tmp_path, COURSE_ARTICLE)
    assert result.returncode == 0, result.stderr
    text = html.unescape(page.read_text(encoding="utf-8"))
    assert "I don't think Serbia will take military action" in text
    assert 'the word "Wagner" was sprayed' in text


def test_a_malformed_article_fails_the_build_naming_the_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty-article.txt"
    empty.write_text("\n\n", encoding="utf-8")
    result, _ = sphinx_build(tmp_path, empty)
    assert result.returncode != 0
    assert "empty-article.txt" in result.stderr and "is empty" in result.stderr


@pytest.mark.parametrize("name", ["flood.md", "flood.html"])
def test_markdown_and_html_articles_build_with_their_furniture_named(tmp_path: Path, name: str) -> None:
    result, page = sphinx_build(tmp_path, FIXTURES / "formats" / name)
    assert result.returncode == 0, result.stderr
    assert "Left out of the text below" in html.unescape(page.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["hostile.md", "hostile.html"])
def test_markup_in_markdown_and_html_articles_is_shown_as_text(tmp_path: Path, name: str) -> None:
    result, page = sphinx_build(tmp_path, FIXTURES / "formats" / name)
    assert result.returncode == 0, result.stderr
    raw = page.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in raw and "onerror=" not in raw.replace("onerror=&quot;", "")
    assert "&lt;script&gt;" in raw


def test_every_kind_of_furniture_has_words_in_the_provenance_box() -> None:
    from medialit.article import BoilerplateKind
    from medialit.sphinxext.article_directives import _KIND_WORDS

    assert set(_KIND_WORDS) == set(BoilerplateKind)
