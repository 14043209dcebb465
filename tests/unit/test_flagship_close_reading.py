"""The chapter "What strong readers notice": its quotations are the article's, each of its eight moves has an
example with a paragraph number and a question, its quiz bank quotes the article, and it is in the book."""

from __future__ import annotations

import re

import yaml

from helpers import ROOT
from medialit.ingest import load_article

CHAPTER = ROOT / "book" / "close-reading.md"
BANK = ROOT / "exercises" / "close-reading.yml"
MOVES = (
    "close-reading-brackets",
    "close-reading-no-speaker",
    "close-reading-presupposition",
    "close-reading-factive",
    "close-reading-passive",
    "close-reading-figures",
    "close-reading-evaluative",
    "close-reading-tense",
)
"""The labels of the eight sections, one per move, in the chapter's order."""

_QUOTED = re.compile(r"“([^”]*)”")


def squash(text: str) -> str:
    return " ".join(text.split())


def article_text() -> str:
    return squash(" ".join(p.text for p in load_article(ROOT / "articles" / "wagner-kosovo-telegraph-2023.txt").paragraphs))


def sections(text: str) -> dict[str, str]:
    """Each labelled section's text, up to the next label."""
    parts = re.split(r"^\(([a-z-]+)\)=$", text, flags=re.M)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def test_every_curly_quotation_in_the_chapter_is_verbatim_in_the_article() -> None:
    """Is each passage in curly quotation marks found word for word (and mark for mark) in the article?"""
    article = article_text()
    quotations = _QUOTED.findall(CHAPTER.read_text(encoding="utf-8"))
    assert len(quotations) > 40
    missing = [q for q in quotations if squash(q) not in article]
    assert not missing, missing


def test_every_curly_quotation_in_the_bank_is_verbatim_in_the_article() -> None:
    article = article_text()
    texts: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            texts.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(yaml.safe_load(BANK.read_text(encoding="utf-8")))
    missing = [q for text in texts for q in _QUOTED.findall(text) if squash(q) not in article]
    assert not missing, missing


def test_each_of_the_eight_moves_has_a_definition_an_example_with_its_paragraph_and_a_question() -> None:
    found = sections(CHAPTER.read_text(encoding="utf-8"))
    assert [label for label in found if label in MOVES] == list(MOVES)
    for label in MOVES:
        section = found[label]
        assert re.search(r"\{ref\}`article-p\d+`", section), label
        assert _QUOTED.search(section), label
        assert "**Ask:**" in section and "?" in section.split("**Ask:**")[1], label


def test_the_moves_quote_the_examples_the_issue_names() -> None:
    found = {label: squash(text) for label, text in sections(CHAPTER.read_text(encoding="utf-8")).items()}
    expected = {
        "close-reading-brackets": ("(with Wagner)", "(Kosovo territory)", "article-p13", "round brackets"),
        "close-reading-no-speaker": ("If you look at what Putin did in 2014", "article-p12", "article-p11"),
        "close-reading-presupposition": ("The secret operation", "The covert strategy", "The alleged preparations"),
        "close-reading-factive": ("recalled the widespread scepticism", "article-p20"),
        "close-reading-passive": ("shots were fired between police and protesters", "has been spray painted"),
        "close-reading-figures": ("13,000 deaths", "at least six months, Ms Osmani said", "little green men"),
        "close-reading-evaluative": ("incendiary", "wracked", "brutal", "furious"),
        "close-reading-tense": ("warned on Friday", "proclaims", "accuses"),
    }
    for label, phrases in expected.items():
        for phrase in phrases:
            assert phrase in found[label], (label, phrase)


def test_the_chapter_shows_a_passage_then_the_computed_table_in_a_dropdown_and_links_its_quiz() -> None:
    text = CHAPTER.read_text(encoding="utf-8")
    task = sections(text)["close-reading-task"]
    passage = task.index("```{article-passage}")
    dropdown = task.index(":::{dropdown}")
    assert passage < dropdown < task.index("```{analysis-close-reading}")
    assert ":highlight:" not in task[passage:dropdown], "the passage to mark is shown without marks"
    assert "{doc}`../exercises/close-reading-quiz`" in sections(text)["close-reading-quiz"]
    assert ":::{teacher-only}" in text


def test_the_chapter_and_its_quiz_follow_sourcing_in_the_toc() -> None:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    chapters = [chapter for part in toc["parts"] for chapter in part["chapters"]]
    files = [chapter["file"] for chapter in chapters]
    assert files.index("book/close-reading") == files.index("book/sourcing") + 1
    entry = chapters[files.index("book/close-reading")]
    assert entry["sections"] == [{"file": "exercises/close-reading-quiz"}]


def test_the_new_key_terms_are_in_the_chapters_glossary() -> None:
    glossary = (ROOT / "book" / "glossary" / "close-reading.md").read_text(encoding="utf-8")
    text = CHAPTER.read_text(encoding="utf-8")
    for term in ("editorial insertion", "presupposition", "factive verb", "agentless passive"):
        assert f"\n{term}\n" in glossary and f"{{term}}`{term}`" in text, term
