"""An article without a headline, everywhere an Article goes: analysis, report, --parse, course, directives, print, JSON.

The reader now gives ``Article.headline`` None for a page that shows none; nothing downstream may
crash on it, and where a title is required the first words of P1 stand in. ``--headline`` (on
``medialit analyze`` and ``medialit new``) gives one.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
import yaml
from rich.console import Console

from helpers import sphinx_html
from medialit.analysis import analyze
from medialit.analysis.report import print_analysis, print_parse
from medialit.article import TITLE_WORDS
from medialit.cli import main
from medialit.generate import course as course_module
from medialit.generate.questions import generate_bank
from medialit.ingest import load_article
from medialit.quiz.render_print import render_print

ROOT = Path(__file__).resolve().parents[2]
NO_HEADLINE = ROOT / "tests" / "fixtures" / "articles" / "pasted" / "wire-paste-no-headline.txt"
P1_START = "BUTTE, Mont. (AP) — A judge in Montana on Thursday"


def console() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, width=200), out


def test_an_article_without_a_headline_is_analysed_with_no_headline_findings() -> None:
    """Is an article with no headline analysed (no headline-against-body findings) and its JSON headline null?"""
    analysis = analyze(load_article(NO_HEADLINE))
    assert analysis.framing.headline == []
    data = analysis.to_json()["article"]
    assert data["headline"] is None
    assert data["dateline"] == "BUTTE, Mont."
    assert data["notes"] == ["no headline found; give one with --headline TEXT"]
    assert data["provenance"]["agency"] == "AP" and data["provenance"]["contributors"] == ["Bo Kim"]
    assert {"line", "last_line", "role", "detail", "text"} == set(data["parse"][0])


def test_the_report_of_an_article_without_a_headline_prints() -> None:
    """Does the analysis report print for an article with no headline, starting with the reader's note, then provenance?"""
    terminal, out = console()
    print_analysis(analyze(load_article(NO_HEADLINE)), terminal)
    first, second = out.getvalue().strip().splitlines()[:2]
    assert first == "Note: no headline found; give one with --headline TEXT"
    assert second.startswith("Provenance")


def test_the_title_of_an_article_without_a_headline_is_the_start_of_p1() -> None:
    """Where a title is required, do the first words of P1 stand in for a missing headline?"""
    article = load_article(NO_HEADLINE)
    assert article.title == " ".join(article.paragraph(1).text.split()[:TITLE_WORDS]) + " …"
    assert load_article(NO_HEADLINE, headline="Given").title == "Given"


def test_a_printed_quiz_sheet_of_an_article_without_a_headline_names_it_by_p1() -> None:
    """Does the printed sheet of a bank on a headline-less article name the article by the start of P1?"""
    article = load_article(NO_HEADLINE)
    bank = generate_bank(analyze(article), bank_id="reading", title="Quiz", chapter="c", article="a.txt")
    assert "BUTTE, Mont. (AP) — A judge in" in render_print(bank, article, key=False)


def test_analyze_parse_prints_each_line_with_its_role_and_the_notes(capsys: pytest.CaptureFixture[str]) -> None:
    """Does `medialit analyze ARTICLE --parse` print each line's number and role, the summary and the notes?"""
    assert main(["analyze", str(NO_HEADLINE), "--parse"]) == 0
    out = capsys.readouterr().out
    for shown in ("removed: widget", "P1; dateline: BUTTE, Mont. (AP) —", "caption (credit: Getty Images)", "credit"):
        assert shown in out
    assert "provenance: contributors" in out and "provenance: rights" in out
    assert "none found" in out
    assert "Note: no headline found; give one with --headline TEXT" in out
    assert "Statements" not in out  # the parse only, no analysis


def test_analyze_parse_json_gives_the_article_with_its_parse(capsys: pytest.CaptureFixture[str]) -> None:
    """Does `--parse --json` print the article (its parse, notes and removed lines) as JSON?"""
    assert main(["analyze", str(NO_HEADLINE), "--parse", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["article"]
    assert data["article"]["parse"][0] == {
        "line": 1,
        "last_line": 1,
        "role": "removed",
        "detail": "widget",
        "text": "18.4 C Thursday, May 26, 2022",
    }
    assert {"line": 1, "text": "18.4 C Thursday, May 26, 2022", "kind": "widget"} in data["article"]["removed"]


def test_analyze_headline_gives_the_headline(capsys: pytest.CaptureFixture[str]) -> None:
    """Does `medialit analyze ARTICLE --headline TEXT --json` analyse the article under the headline given?"""
    assert main(["analyze", str(NO_HEADLINE), "--headline", "Judge blocks polling-place closures", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["article"]["headline"] == "Judge blocks polling-place closures"
    assert data["article"]["notes"] == ["headline given with --headline"]


def test_print_parse_marks_a_replaced_headline(tmp_path: Path) -> None:
    """Does the parse table show the text's own headline as replaced when --headline is given?"""
    path = tmp_path / "a.txt"
    path.write_text("Wrong headline\n\nBody text.\n", encoding="utf-8")
    terminal, out = console()
    print_parse(load_article(path, headline="Right"), terminal)
    assert "headline (replaced by the --headline given)" in out.getvalue()


@pytest.fixture
def no_notebook(monkeypatch: pytest.MonkeyPatch) -> None:
    """medialit new without running the quiz notebooks (slow, and not what these tests ask about)."""
    monkeypatch.setattr(course_module, "execute_notebooks", lambda paths: None)


@pytest.mark.usefixtures("no_notebook")
def test_new_with_headline_keeps_it_in_the_course(tmp_path: Path) -> None:
    """Does `medialit new ARTICLE --headline TEXT` title the course with it and keep it in _config.yml for the pages?"""
    out = tmp_path / "course"
    assert main(["new", str(NO_HEADLINE), "--out", str(out), "--headline", "Judge <b>blocks</b> closures"]) == 0
    config = yaml.safe_load((out / "_config.yml").read_text(encoding="utf-8"))
    assert config["title"] == "Reading the news closely: Judge <b>blocks</b> closures"
    assert config["sphinx"]["config"]["medialit_article_headline"] == "Judge <b>blocks</b> closures"


@pytest.mark.usefixtures("no_notebook")
def test_new_without_headline_titles_the_course_by_p1(tmp_path: Path) -> None:
    """Without a headline or --headline, is the course titled by the start of P1, and no headline kept in _config.yml?"""
    course = course_module.new_course(NO_HEADLINE, tmp_path / "course")
    config = yaml.safe_load((course / "_config.yml").read_text(encoding="utf-8"))
    assert config["title"].startswith(f"Reading the news closely: {P1_START[:20]}")
    assert "medialit_article_headline" not in config["sphinx"]["config"]


CONF = """
extensions = ["myst_parser", "medialit.sphinxext"]
project = "no-headline"
html_theme = "basic"
exclude_patterns = ["*.txt"]
"""
PAGE = """# Test page

```{article-provenance} /article.txt
```

## Text

```{article-text} /article.txt
```
"""


@pytest.mark.parametrize("headline", [None, "Judge blocks closures"], ids=["none", "given"])
def test_the_article_directives_show_an_article_without_a_headline(tmp_path: Path, headline: str | None) -> None:
    """Do the article directives build for an article with no headline (saying so), and show one given in the config?"""
    source = tmp_path / "src"
    source.mkdir()
    shutil.copy(NO_HEADLINE, source / "article.txt")
    conf = CONF + (f"medialit_article_headline = {headline!r}\n" if headline else "")
    (source / "conf.py").write_text(conf, encoding="utf-8")
    (source / "index.md").write_text(PAGE, encoding="utf-8")
    result, page = sphinx_html(source, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    built = page.read_text(encoding="utf-8")
    assert P1_START in built
    if headline is None:
        assert "None shown: the text has no headline." in built
        assert "medialit-headline" not in built
    else:
        assert f">{headline}</h" in built
