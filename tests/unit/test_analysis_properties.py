"""Random and hostile text: the analyzer never crashes, and every finding still points at real text.

Reading a file may fail only with ArticleError (the package's documented error for bad input);
once an Article exists, analysis always succeeds.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medialit.analysis import analyze
from medialit.article import Article, Paragraph, Provenance
from medialit.errors import ArticleError
from medialit.ingest import load_article

NEWS_TOKENS = [
    "said", "told", "claimed", "warned", "denied", "has", "that", "according", "to", "she", "he", "they", "it", "Ms",
    "Dr", "President", "Osmani", "Anna", "Berg", "the", "a", "one", "official", "experts", "Serbia", "police", "who",
    "which", ",", ".", "?", "!", "“", "”", '"', "‘", "’", "'", ":", ";", "(", ")", "–", "same", "playbook", "like", "in",
    "2014", "evidence", "investigated", "could", "may", "alleged", "notorious", "I", "we", "adding", "and", "but",
    "\u2028", "<script>", "{{", "}}", "```{raw}", "&amp;", "", " ",
]  # fmt: skip

news_like = st.lists(st.sampled_from(NEWS_TOKENS), min_size=0, max_size=60).map(" ".join)
any_text = st.text(min_size=0, max_size=300)
paragraph_text = st.one_of(news_like, any_text).filter(lambda text: text.strip() != "")


def article_of(paragraphs: list[str], headline: str) -> Article:
    return Article(
        source=Path("random.txt"),
        headline=headline or "Headline",
        subheadline=None,
        byline=None,
        provenance=Provenance(),
        paragraphs=tuple(Paragraph(n, text, n) for n, text in enumerate(paragraphs, start=1)),
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(paragraph_text, min_size=1, max_size=8), st.one_of(news_like, any_text))
def test_analysis_of_any_paragraphs_succeeds_and_points_at_real_text(paragraphs: list[str], headline: str) -> None:
    analysis = analyze(article_of(paragraphs, headline))
    for statement in analysis.statements:
        text = analysis.article.paragraph(statement.paragraph).text
        assert text[statement.start : statement.end] == statement.text
        assert (statement.source_id is None) == (statement.speaker is None)
    for word in analysis.framing.words:
        assert analysis.article.paragraph(word.paragraph).text[word.start : word.end] == word.word
    ids = {source.id for source in analysis.sources}
    assert {s.source_id for s in analysis.statements if s.source_id} == ids
    analysis.to_json()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(st.binary(max_size=600), st.text(max_size=600).map(lambda t: t.encode("utf-8"))),
    st.sampled_from([".txt", ".md", ".html"]),
)
def test_reading_any_file_gives_an_article_or_an_article_error(content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{suffix}"
        path.write_bytes(content)
        try:
            article = load_article(path)
        except ArticleError as error:
            assert str(error).startswith(str(path))
            return
        analyze(article).to_json()


def test_a_paragraph_of_unbalanced_quotes_and_verbs_is_analysed() -> None:
    hostile = "“ said said “ ” ” , she said , “ according to , told told that that ” warned"
    analysis = analyze(article_of([hostile, "“" * 50, "said " * 200], "“"))
    assert analysis.statements
