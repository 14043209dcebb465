"""The flagship's outside context: marked as context, cited, and listed in the references.

The Crimea-analogy chapter weighs the article against a few well-established facts from outside
it. Each must sit in a "Context from outside the article" box, name its source in brackets, and
have that source in the chapter's references file. The pages are read as the student edition
shows them (teacher-only blocks taken out).
"""

from __future__ import annotations

import re
from pathlib import Path

from test_flagship_review import student_text

ROOT = Path(__file__).resolve().parents[2]
REFERENCES = ROOT / "book" / "references" / "crimea-analogy.md"
_BOX = re.compile(r"^:::\{admonition\} Context from outside the article(?P<title>[^\n]*)\n(?P<body>.*?)^:::\s*$", re.M | re.S)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


def context_boxes(page: str) -> list[tuple[str, str]]:
    """Each context box of a page as (title after the fixed words, body)."""
    return [(m["title"].strip(" :"), m["body"]) for m in _BOX.finditer(student_text(page))]


def outside_context(page: str) -> str:
    """A page's student text with its context boxes taken out."""
    return _BOX.sub("", student_text(page))


def citations(box: str) -> list[tuple[str, str]]:
    """The (source, year) of each bracketed citation in a box: "(Reuters, 10 December 2022)"."""
    found = []
    for inner in re.findall(r"\(([^()]*\b(?:1[89]|20)\d\d\b[^()]*)\)", " ".join(box.split())):
        if "," not in inner:
            continue
        source = inner.split(",")[0].strip()
        found.append((source, _YEAR.findall(inner)[-1]))
    return found


def kosovo_box() -> str:
    boxes = [body for _, body in context_boxes("crimea-analogy.md") if "Resolution 1244" in body and "17 February 2008" in body]
    assert len(boxes) == 1, "one context box on Kosovo's status"
    return boxes[0]


def differences_box() -> str:
    boxes = [body for title, body in context_boxes("crimea-analogy.md") if "differences" in title]
    assert len(boxes) == 1, "one context box of differences the article does not mention"
    return boxes[0]


def test_the_kosovo_box_is_a_context_box_on_the_facts_p9_and_p38_need() -> None:
    """Does a note-class Context box give Resolution 1244, the declaration, the ICJ opinion and the 2013 agreement?"""
    box = kosovo_box()
    assert box.startswith(":class: note\n")
    for fact in (
        "10 June 1999",
        "KFOR",
        "17 February 2008",
        "22 July 2010",
        "did not rule",
        "19 April 2013",
        "Association/Community of Serb majority municipalities",
        "not been set up by February 2023",
    ):
        assert fact in " ".join(box.split()), fact
    after = outside_context("crimea-analogy.md")
    assert "**Weighing {ref}`article-p9`.**" in after and "**Weighing {ref}`article-p38`.**" in after


def test_the_kosovo_box_names_a_source_for_each_fact_and_each_is_in_the_references() -> None:
    """Is every bracketed citation of the Kosovo box a line of book/references/crimea-analogy.md?"""
    box = kosovo_box()
    for item in re.split(r"\n- ", box)[1:]:
        assert citations(item), f"a fact without a source: {item[:60]!r}"
    references = REFERENCES.read_text(encoding="utf-8").splitlines()
    cited = citations(box)
    assert {source for source, _ in cited} >= {
        "United Nations Security Council",
        "Constitution of the Republic of Serbia",
        "Council of the European Union",
        "International Court of Justice",
        "First Agreement",
        "Constitutional Court of Kosovo",
        "Reuters",
    }
    for source, year in cited:
        assert any(line.startswith("- ") and source in line and year in line for line in references), (source, year)


def test_every_context_box_of_the_chapter_has_its_sources_in_the_references() -> None:
    """The Crimea box and the differences box too: no cited source missing from the references."""
    references = REFERENCES.read_text(encoding="utf-8").splitlines()
    boxes = context_boxes("crimea-analogy.md")
    assert len(boxes) == 3
    for _, body in boxes:
        for source, year in citations(body):
            assert any(source in line and year in line for line in references), (source, year)


def test_the_structural_differences_are_in_a_context_box_each_with_how_it_bears() -> None:
    """Do the differences the article leaves out sit in a Context box, each saying how it bears on the analogy?"""
    box = differences_box()
    items = re.split(r"\n- ", box)[1:]
    assert len(items) >= 3
    for item in items:
        assert "*How it bears:*" in item and citations(item), item[:60]
    for fact in ("Black Sea Fleet", "permanent member", "candidate for EU membership", "2001 census", "Budapest Memorandum"):
        assert fact in box, fact
        assert fact not in outside_context("crimea-analogy.md"), f"an outside fact outside a box: {fact}"


def test_no_page_of_the_chapter_counts_the_states_that_recognise_kosovo() -> None:
    """Counts of recognitions are disputed: no number may stand in a sentence about recognising Kosovo."""
    assert "Many states recognise Kosovo, but not all" in " ".join(kosovo_box().split())
    for text in (student_text("crimea-analogy.md"), REFERENCES.read_text(encoding="utf-8")):
        sentences = [s for s in re.split(r"(?<=[.;:])\s", " ".join(text.split())) if re.search(r"recogni[sz]", s, re.I)]
        for sentence in sentences:
            if "Kosovo" not in sentence:
                continue
            bare = re.sub(rf"\b\d{{1,2}} (?:{_MONTHS})(?: \d{{4}})?\b", "", sentence)
            bare = re.sub(r"\{ref\}`[^`]*`|\b(?:1[89]|20)\d\d\b|Resolution \d+|SC/\d+|A/\d+/\d+|S/\d+/\d+", "", bare)
            assert not re.search(r"\d", bare), sentence
