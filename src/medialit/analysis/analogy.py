"""Analogies: where the text compares this story with another case, who draws the comparison,
and a scaffold of questions for testing it (after Neustadt and May's "known, unclear, presumed").
"""

from __future__ import annotations

import re
from typing import Final

from medialit.analysis.findings import Analogy
from medialit.analysis.framing import find_terms
from medialit.analysis.lexicon import ANALOGY_MARKERS
from medialit.analysis.model import Statement
from medialit.analysis.segment import split_sentences
from medialit.article import Article

SCAFFOLD: Final = (
    "What, in the text, is said to be alike in {target} and {source}?",
    "What is different between the two cases, in the text and in what you know from outside it?",
    "What is known about the comparison, what is unclear, and what is presumed?",
    "Who draws the comparison, and what does it help them argue?",
    "Which other case could be compared, and would it lead to a different conclusion?",
)

WEAK_MARKERS: Final = frozenset(
    {"the same as", "similar to", "like in", "as in", "recalls", "compared to", "compared with", "mirrors", "echoes", "akin to",
     "just like"}
)  # fmt: skip
"""Markers that compare with another case only when that case is named (a proper name or a year).

Without one they are passing similes, not analogies anyone argues from: "they grieve just like
humans do" likens two things but names no other case a reader could test the story against."""

_YEAR: Final = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _source_phrase(after: str) -> str:
    """The other case: the words after the marker, up to a clause break."""
    phrase = re.split(r",|;|\.(?:\s|$)|\s+when\s|\s+where\s|\s+which\s", after.strip(), maxsplit=1)[0]
    return phrase.strip(" “”\"'").strip()


def _target_phrase(before: str) -> str:
    """This case: the subject before the marker, without leading connectives and verbs."""
    phrase = re.split(r",|;", before)[-1].replace("“", "").replace("”", "").replace('"', "").strip()
    phrase = re.sub(
        r"(?:\s+(?:it|this|that))?\s+(?:is|are|was|were|bear|bears|bore|has|have)(?:\s+(?:a|an|the))?(?:\s+(?:complete|total|exactly|precisely|just|almost))*$",
        "",
        phrase,
    )
    phrase = re.sub(r"\s+(?:exactly|precisely|just|almost)$", "", phrase)
    phrase = re.sub(r"^(?:but|and|so|yet)\s+", "", phrase, flags=re.I)
    return phrase.strip(" “”\"'") or "this case"


def find_analogies(article: Article, statements: list[Statement]) -> list[Analogy]:
    analogies: list[Analogy] = []
    by_paragraph: dict[int, list[Statement]] = {}
    for item in statements:
        by_paragraph.setdefault(item.paragraph, []).append(item)
    for paragraph in article.paragraphs:
        compared_sentences: set[int] = set()
        for start, end, marker in find_terms(paragraph.text, ANALOGY_MARKERS):
            if marker.lower() in ("like in", "as in", "recalls") and not _YEAR.search(paragraph.text[end : end + 60]):
                continue  # "as in" and "recalls" compare only when another time is named
            owner = next((s for s in by_paragraph.get(paragraph.n, []) if s.start <= start < max(s.end, start + 1)), None)
            sentence = next(
                (s for s in split_sentences(paragraph.n, paragraph.text) if s.start <= start < s.end),
                None,
            )
            if sentence is not None and sentence.start in compared_sentences:
                continue  # one comparison per sentence, even with two markers ("a copy cat, the same playbook")
            if sentence is not None:
                compared_sentences.add(sentence.start)
            before = paragraph.text[sentence.start if sentence else 0 : start]
            after = paragraph.text[end : sentence.end if sentence else len(paragraph.text)]
            source = _source_phrase(after)
            if not source or len(source.split()) < 2:
                earlier_case = re.search(r"\bwhat\b[^,.;]*?\b(?:1[89]|20)\d\d\b", before)
                source = earlier_case.group(0) if earlier_case else (source or "another case")
            if marker.lower() in WEAK_MARKERS and not re.search(r"(?<!^)\b[A-Z][a-z]+|\b(?:1[89]|20)\d\d\b", source):
                continue  # "the same as saying it will fail" compares no other case
            target = _target_phrase(before)
            if source in target or len(target.split()) < 2:
                target = "this case"
            elements = [sentence.text] if sentence else []
            if owner is not None and owner.source_id is not None:
                elements += [s.text for s in by_paragraph.get(paragraph.n + 1, []) if s.source_id == owner.source_id]
            analogies.append(
                Analogy(
                    paragraph=paragraph.n,
                    start=start,
                    end=end,
                    marker=marker,
                    speaker=owner.speaker if owner is not None else None,
                    target=target,
                    source=source,
                    elements=elements,
                    scaffold=[q.format(target=target, source=source) for q in SCAFFOLD],
                )
            )
    return analogies
