"""Any input gives a result or one clear MedialitError: random articles, random quiz banks, the crash that was found.

Hypothesis draws the inputs; under ``make test`` (the ``ci`` profile) it draws the same ones on
every run, by hand (``dev``) new ones each time. A Python traceback from any of these is a bug.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import COURSE_ARTICLE, ROOT
from medialit.analysis import analyze
from medialit.article import Article, Paragraph, Provenance
from medialit.errors import ArticleError, QuizError
from medialit.generate.questions import generate_bank
from medialit.ingest import load_article
from medialit.quiz import load_bank
from medialit.quiz.lint import lint_bank

VALID_BANK = ROOT / "tests" / "fixtures" / "quizzes" / "valid-bank.yml"

WORDS = [
    "said", "told", "claimed", "they", "he", "she", "Ms", "Anna", "Berg", "President", "Osmani", "the", "official",
    "police", "according", "to", "that", "“", "”", '"', ",", ".", "<script>", "{{", "}}", "[bold]", "[/]", ":::",
    "```{raw}", "<!--", "-->", "\u202e", "\u200b", "javascript:", "=SUM(A1)", "x" * 300,
]  # fmt: skip

sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map(" ".join)
article_text = st.one_of(
    st.lists(sentence, min_size=1, max_size=6).map("\n\n".join),
    st.lists(sentence, min_size=1, max_size=6).map("\n".join),
    st.text(max_size=400),
)


def test_two_paragraphs_of_they_said_said_are_two_sources_with_two_ids() -> None:
    """Is the example that made find_statements raise KeyError: '' analysed? (Two sources with equal mentions.)"""
    text = "they said said said said"
    article = Article(
        source=Path("regression.txt"),
        headline="Headline",
        subheadline=None,
        byline=None,
        provenance=Provenance(),
        paragraphs=(Paragraph(1, text, 1), Paragraph(2, text, 2)),
    )
    analysis = analyze(article)
    assert [source.id for source in analysis.sources] == ["s1", "s2"]
    assert {statement.source_id for statement in analysis.statements} == {"s1", "s2"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_text)
def test_any_article_text_gives_a_bank_that_validates_or_an_article_error(text: str) -> None:
    """Does every text that reads as an article give a generated quiz bank that loads back without error?"""
    with tempfile.TemporaryDirectory() as folder:
        article_path = Path(folder) / "article.txt"
        article_path.write_text(text, encoding="utf-8")
        try:
            article = load_article(article_path)
        except ArticleError as error:
            assert str(error).startswith(str(article_path)) and "\n" not in str(error)
            return
        bank = generate_bank(
            analyze(article), bank_id="reading", title="Quiz", chapter="exercises/reading-quiz", article="article.txt"
        )
        bank_path = Path(folder) / "reading.yml"
        bank_path.write_text(yaml.safe_dump(bank.model_dump(mode="json"), sort_keys=False, allow_unicode=True), encoding="utf-8")
        assert load_bank(bank_path) == bank


def _valid_bank() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(VALID_BANK.read_text(encoding="utf-8"))
    data["article"] = str(COURSE_ARTICLE)
    return data


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 100) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)


@st.composite
def damaged_banks(draw: st.DrawFn) -> str:
    """YAML text of the valid sample bank with some fields deleted or replaced, or random YAML, or any text."""
    kind = draw(st.sampled_from(["damaged", "random", "text"]))
    if kind == "text":
        return draw(st.text(max_size=300))
    if kind == "random":
        return yaml.safe_dump(draw(json_values), allow_unicode=True)
    data = _valid_bank()
    for _ in range(draw(st.integers(1, 4))):
        target: Any = data
        questions = data.get("questions")
        if draw(st.booleans()) and isinstance(questions, list) and questions and isinstance(questions[-1], dict):
            target = questions[draw(st.integers(0, len(questions) - 1))]
        if not isinstance(target, dict) or not target:
            break
        key = draw(st.sampled_from(sorted(target)))
        if draw(st.booleans()):
            del target[key]
        else:
            target[key] = draw(json_values)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


@settings(max_examples=200, deadline=None)
@given(damaged_banks())
def test_any_yaml_gives_a_bank_or_one_quiz_error_naming_the_file(text: str) -> None:
    """Is every bank file, however broken, either loaded (and linted, one line per warning) or refused with one
    QuizError line that names it?"""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bank.yml"
        path.write_text(text, encoding="utf-8")
        try:
            bank = load_bank(path)
        except QuizError as error:
            message = str(error)
            assert message.startswith(str(path)) and "\n" not in message.strip(), message
            return
        assert all(str(warning).startswith(str(path)) and "\n" not in str(warning) for warning in lint_bank(bank, path))


def test_a_bank_whose_article_path_holds_a_nul_is_refused_with_one_line(tmp_path: Path) -> None:
    """Found by the property test above: ``article: "\\0"`` reached the file system and raised ValueError."""
    data = _valid_bank()
    data["article"] = "\0"
    path = tmp_path / "bank.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    with pytest.raises(QuizError, match=r"bank\.yml:\d+: article: .*control character") as raised:
        load_bank(path)
    assert "\n" not in str(raised.value)
