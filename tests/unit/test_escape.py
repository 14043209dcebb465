"""One helper per place outside text lands: each keeps the text as written and stops it from acting.

The end-to-end proof is the hostile course (tests/build and tests/browser); these pin each helper
and the places that had none: the terminal, a CSV for a spreadsheet, a bank with a control
character, and which Hypothesis profile is in force.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import settings
from markupsafe import Markup

from helpers import ROOT, in_ci
from medialit.cli import main
from medialit.errors import QuizError
from medialit.escape import csv_cell, file_name, html_text, json_for_script, myst_text, sphinx_text_context
from medialit.quiz import load_bank


def test_html_text_is_escaped_once_and_stays_escaped_through_jinja() -> None:
    """Is `<script>` escaped, and does escaping the result again (Sphinx's `|e`) leave it as it is?"""
    escaped = html_text('<script>alert("x")</script> & \'')
    assert str(escaped) == "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;"
    assert html_text(escaped) == escaped


def test_json_for_script_cannot_close_its_script_block() -> None:
    """Can `</script>` or `<!--` in data end or change the `<script>` it is written into?"""
    text = str(json_for_script({"t": "</script><!-- & \u2028"}))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"t": "</script><!-- & \u2028"}


def test_myst_text_leaves_no_markup_and_one_line() -> None:
    """Can a title start a directive, role, substitution, HTML or a second line in MyST?"""
    assert myst_text("{raw} `x` <b> *y* [z](u) #h {{ s }}\n```") == r"\{raw\} \`x\` \<b\> \*y\* \[z\]\(u\) \#h \{\{ s \}\} \`\`\`"


def test_sphinx_text_context_escapes_theme_values_and_the_one_page_title_only() -> None:
    """Are the plain-text values escaped, a page's rendered HTML title left alone, and the one-page title escaped?"""
    title = "A <b> title"
    page = {"docstitle": title, "author": "<i>x</i>", "title": "A &lt;b&gt; title", "body": "<p>kept</p>"}
    sphinx_text_context(page, title)
    assert page["docstitle"] == "A &lt;b&gt; title" and isinstance(page["docstitle"], Markup)
    assert page["author"] == "&lt;i&gt;x&lt;/i&gt;" and page["title"] == "A &lt;b&gt; title" and page["body"] == "<p>kept</p>"
    single = {"title": title}
    sphinx_text_context(single, title)
    assert single["title"] == "A &lt;b&gt; title"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Priština <script>alert(1)</script>", "pristina-script-alert-1-script"),
        ("../../etc/passwd", "etc-passwd"),
        ("שלום", "course"),
    ],
)
def test_file_names_keep_only_letters_and_digits(text: str, name: str) -> None:
    assert file_name(text, fallback="course") == name


@pytest.mark.parametrize(
    ("text", "cell"), [('=HYPERLINK("x")', '\'=HYPERLINK("x")'), ("+1", "'+1"), ("@A1", "'@A1"), ("Ana", "Ana")]
)
def test_csv_cells_never_start_a_formula(text: str, cell: str) -> None:
    assert csv_cell(text) == cell


def test_rich_markup_in_an_article_is_printed_as_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Does `medialit analyze` print `[bold]` and a stray `[/red]` as written, instead of raising rich's MarkupError?"""
    article = tmp_path / "article.txt"
    article.write_text("Mayor [bold]denies[/bold] claims [/]\n\n“It is fine [/red],” said Anna Berg.\n", encoding="utf-8")
    assert main(["analyze", str(article)]) == 0
    out = capsys.readouterr().out
    assert "[bold]denies[/bold]" in out and "[/red]" in out


def test_a_results_file_cannot_put_a_formula_into_the_marks_csv(tmp_path: Path) -> None:
    """Does a student name or quiz id starting with `=` reach the CSV as text, not as a spreadsheet formula?"""
    bank = load_bank(ROOT / "exercises" / "capstone.yml")
    results = tmp_path / "results.json"
    quizzes = [{"id": bank.id, "answers": {}}]
    payload = {"format": "medialit-results", "version": 1, "course": "c", "student": '=HYPERLINK("x")', "quizzes": quizzes}
    results.write_text(json.dumps(payload), encoding="utf-8")
    out = tmp_path / "marks.csv"
    assert main(["mark", str(results), "--banks", str(ROOT / "exercises"), "--csv", str(out)]) == 0
    with out.open(encoding="utf-8", newline="") as table:
        (row,) = list(csv.DictReader(table))
    assert row["student"] == '\'=HYPERLINK("x")'


def test_a_bank_with_a_control_character_is_one_quiz_error_with_its_line(tmp_path: Path) -> None:
    """Is a character YAML refuses reported as a QuizError naming the file and line (not a ReaderError traceback)?"""
    bank = tmp_path / "bank.yml"
    bank.write_text("schema_version: 1\nid: x\ntitle: \x08\n", encoding="utf-8")
    with pytest.raises(QuizError, match=r"bank\.yml:3: not valid YAML: the character U\+0008 is not allowed"):
        load_bank(bank)


def test_make_test_and_ci_draw_the_same_examples_every_run() -> None:
    """Do `make test` and .ci/run select the derandomized `ci` profile (and is the profile in force in CI)?"""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "HYPOTHESIS_PROFILE ?= ci" in makefile and "--hypothesis-profile=$(HYPOTHESIS_PROFILE)" in makefile
    assert "HYPOTHESIS_PROFILE=ci" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    ci = settings.get_profile("ci")
    assert ci.derandomize and ci.database is None
    assert not settings.get_profile("dev").derandomize
    if in_ci():
        assert settings().derandomize
