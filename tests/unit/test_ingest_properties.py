"""Any text is read or refused with one ArticleError: random pastes of furniture, bylines, captions and sentences.

Hypothesis builds pages from the pieces real pastes are made of (every example of the furniture
table, bylines, datelines, captions, credits, provenance lines, sentences, blank lines, very long
lines, HTML fragments) in the three formats, one paragraph per line or in blocks. Reading one
gives an Article, or refuses it with one ArticleError line naming the file; the Article analyses
and turns into JSON without error. Under ``make test`` the ``ci`` profile draws the same pages on
every run.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medialit.analysis import analyze
from medialit.article import Article, LineRole
from medialit.errors import ArticleError
from medialit.ingest import load_article
from medialit.ingest.boilerplate import PATTERNS

FURNITURE = [row.example for row in PATTERNS]
PIECES = [
    "By Jane Roe | Published May 26, 2022 at 6:42 PM", "By Ann Lee and Bo Kim Associated Press", "By ANN LEE, Associated Press",
    "By |", "By", "BUTTE, Mont. (AP) — The governor said on Thursday that the mine would close.",
    "WASHINGTON (Reuters) - Officials said", "LONDON —", "(CNN) —", "FRIDAY, Feb. 10, 2023 (HealthDay News) -- A study",
    "A man walks past a billboard. (Jane Roe/The Example Standard via AP)", "Photo: Jane Roe", "Getty Images", "CREDIT:",
    "With News Wire Services", "Associated Press writer Bo Kim in Helena contributed to this report.", "Editor's note:",
    "Editor's note: An earlier version misstated the year.", "SOURCE: Example Corp", "© Example 2024", "Copyright",
    "Originally published by the Telegraph on February 11, 2023", "Originally published by", "Follow Example for more updates:",
    "“We will fight,” said Anna Berg.", "The minister denied the claim.", "Serbia has denied that mercenaries had a role.",
    "Storm closes coast road", "x" * 500, "“", "”", "—", "(", ")", "|", "P1", "<p>Body.</p>", "<h1>", "</article>",
    "{{ x }}", "```{raw} html", "\u00a0", "\u202e", "\t", "---", "title: T", "# Heading", "![a](b.jpg)",
]  # fmt: skip

line = st.one_of(st.sampled_from(FURNITURE), st.sampled_from(PIECES), st.text(max_size=80))
lines = st.lists(line, min_size=0, max_size=14)
page = st.one_of(
    lines.map("\n".join),  # one paragraph per line, no blank line
    lines.map("\n\n".join),  # blocks
    st.lists(st.tuples(line, st.sampled_from(["\n", "\n\n", "\n\n\n", " \n"])), max_size=14).map(
        lambda pairs: "".join(text + end for text, end in pairs)
    ),
)


def html_page(body: list[str]) -> str:
    return "<html><body><article>" + "".join(f"<p>{text}</p>" for text in body) + "</article></body></html>"


def markdown_page(body: list[str]) -> str:
    return "---\ntitle: T\n---\n" + "\n\n".join(body)


files = st.one_of(
    page.map(lambda text: (".txt", text)),
    lines.map(lambda body: (".html", html_page(body))),
    lines.map(lambda body: (".md", markdown_page(body))),
)


def read(suffix: str, text: str) -> tuple[Path, Article | ArticleError]:
    folder = Path(tempfile.mkdtemp())
    path = folder / f"article{suffix}"
    path.write_text(text, encoding="utf-8")
    try:
        return path, load_article(path)
    except ArticleError as error:
        return path, error


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files)
def test_any_paste_is_read_or_refused_with_one_article_error(file: tuple[str, str]) -> None:
    """Is every random paste (furniture, bylines, captions, sentences; per line or in blocks) read, or refused with
    one ArticleError line naming the file, and does every Article read analyse and give JSON?"""
    path, result = read(*file)
    if isinstance(result, ArticleError):
        assert str(result).startswith(str(path)) and "\n" not in str(result)
        return
    article = result
    assert article.paragraphs and [p.n for p in article.paragraphs] == list(range(1, len(article.paragraphs) + 1))
    assert all(p.text.strip() for p in article.paragraphs)
    assert article.headline is None or article.headline.strip()
    assert sum(1 for parsed in article.parse if parsed.role is LineRole.PARAGRAPH) == len(article.paragraphs)
    json.dumps(analyze(article).to_json(), ensure_ascii=False)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(FURNITURE + PIECES[:24]), min_size=1, max_size=10), st.sampled_from(["\n", "\n\n"]))
def test_a_paste_of_furniture_and_provenance_only_is_refused_or_has_real_paragraphs(pieces: list[str], joiner: str) -> None:
    """Is a paste made only of furniture lines refused, and no furniture line ever a paragraph?"""
    path, result = read(".txt", joiner.join(pieces))
    if isinstance(result, ArticleError):
        assert str(result).startswith(str(path))
        return
    for paragraph in result.paragraphs:
        assert paragraph.text not in FURNITURE, paragraph
