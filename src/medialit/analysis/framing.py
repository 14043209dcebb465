"""Framing: what the headline does that the body does not, marked words, and the frames present."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from medialit.analysis.findings import FrameFinding, Framing, HeadlineChange, HeadlineFinding, MarkedWord, WordKind
from medialit.analysis.lexicon import BOOSTERS, FRAMES, HEDGES, LOADED, MODALS
from medialit.analysis.model import Statement
from medialit.analysis.verbs import VERB_PATTERN
from medialit.article import Article

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "by",
        "with",
        "and",
        "or",
        "but",
        "from",
        "into",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "their",
        "there",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "our",
        "we",
        "you",
        "your",
        "i",
        "not",
        "no",
        "will",
        "would",
        "could",
        "may",
        "might",
        "can",
        "than",
        "then",
        "so",
        "if",
        "about",
        "over",
        "after",
        "before",
        "up",
        "out",
        "who",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "some",
        "more",
        "most",
        "very",
        "just",
        "also",
        "new",
    ]
)
MIN_FRAME_CUES = 2
"""A frame is present in a paragraph with at least this many of its cues (one cue can be chance)."""


@cache
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(terms, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in ordered) + r")(?![\w-])", re.IGNORECASE)


def find_terms(text: str, terms: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """Whole-word occurrences of ``terms`` in ``text``: (start, end, the words as printed)."""
    return [(m.start(), m.end(), m.group(0)) for m in _pattern(terms).finditer(text)]


def content_words(text: str) -> set[str]:
    """Lower-case words that carry content, cut to five letters (Serbia/Serbian, attack/attacks meet)."""
    words = re.findall(r"[a-z][a-z'’\-]+", text.lower())
    return {w[:5] for w in words if w not in STOPWORDS and len(w) > 2}


def _proper_nouns(text: str) -> set[str]:
    words = re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+", text)
    return set(words) | set(re.findall(r"^[A-Z][a-z]+", text))


def _best_statement(line: str, statements: list[Statement]) -> Statement | None:
    wanted = content_words(line)
    best: tuple[int, int] = (0, 0)
    chosen = None
    for statement in statements:
        shared = len(wanted & content_words(statement.text))
        if shared > best[0]:
            best, chosen = (shared, -statement.paragraph), statement
    return chosen if best[0] >= 2 else None


def _line_findings(which: str, line: str, match: Statement, statements: list[Statement]) -> list[HeadlineFinding]:
    """How one headline line differs from the body statement that makes the same claim."""
    findings: list[HeadlineFinding] = []

    def found(change: HeadlineChange, detail: str) -> HeadlineFinding:
        return HeadlineFinding(
            change=change, line=which, headline_text=line, paragraph=match.paragraph, body_text=match.text, detail=detail
        )

    line_attributed = bool(VERB_PATTERN.search(line))
    if match.source_id is not None and not line_attributed:
        findings.append(
            found(
                HeadlineChange.ATTRIBUTION_DROPPED,
                f"P{match.paragraph} gives this as the words of {match.speaker}"
                + (f' ("{match.verb}")' if match.verb else "")
                + f"; the {which} states it without saying who claims it.",
            )
        )
    body_hedges = {t.lower() for _s, _e, t in find_terms(match.text, HEDGES)}
    body_hedges |= {t.lower() for s in statements if s.paragraph == match.paragraph for _a, _b, t in find_terms(s.text, HEDGES)}
    line_hedges = {t.lower() for _s, _e, t in find_terms(line, HEDGES)}
    dropped = sorted(body_hedges - line_hedges - {"some", "about", "around", "claimed"})
    if dropped:
        findings.append(
            found(
                HeadlineChange.HEDGE_DROPPED,
                f"P{match.paragraph} qualifies the claim ({', '.join(dropped)}); the {which} does not.",
            )
        )
    body_modals = {t.lower() for _s, _e, t in find_terms(match.text, MODALS)}
    if body_modals and not find_terms(line, MODALS) and not find_terms(line, HEDGES):
        findings.append(
            found(
                HeadlineChange.CERTAINTY_RAISED,
                f"P{match.paragraph} says it {', '.join(sorted(body_modals))} happen; the {which} says it is happening.",
            )
        )
    for name in sorted(_proper_nouns(line) - _proper_nouns(match.text)):
        variant = re.search(rf"\b{re.escape(name[:5])}\w*(?:\s+[a-z][\w-]+)?", match.text)
        if variant and variant.group(0).split()[0] != name:
            findings.append(
                found(HeadlineChange.ACTOR_CHANGED, f'The {which} names "{name}"; P{match.paragraph} says "{variant.group(0)}".')
            )
    return findings


def headline_findings(article: Article, statements: list[Statement]) -> list[HeadlineFinding]:
    """Compare the headline and sub-headline (those the page has) with the body statement that makes the same claim."""
    findings: list[HeadlineFinding] = []
    lines = [(which, line) for which, line in (("headline", article.headline), ("subheadline", article.subheadline)) if line]
    for which, line in lines:
        match = _best_statement(line, statements)
        if match is not None:
            findings += _line_findings(which, line, match, statements)
    return findings


def marked_words(article: Article) -> list[MarkedWord]:
    """Modals, hedges, boosters and loaded words in every paragraph, with their spans."""
    words: list[MarkedWord] = []
    kinds: Iterable[tuple[WordKind, tuple[str, ...]]] = (
        (WordKind.MODAL, MODALS),
        (WordKind.HEDGE, HEDGES),
        (WordKind.BOOSTER, BOOSTERS),
        (WordKind.LOADED, LOADED),
    )
    for paragraph in article.paragraphs:
        taken: list[tuple[int, int]] = []
        for kind, terms in kinds:
            for start, end, text in find_terms(paragraph.text, terms):
                if any(start < e and s < end for s, e in taken):
                    continue
                taken.append((start, end))
                words.append(MarkedWord(paragraph=paragraph.n, start=start, end=end, word=text, kind=kind))
    return sorted(words, key=lambda w: (w.paragraph, w.start))


def frames(article: Article) -> list[FrameFinding]:
    """Each frame with the paragraphs that carry it (at least MIN_FRAME_CUES cues) and the cues found."""
    found: list[FrameFinding] = []
    for frame, cues in FRAMES.items():
        paragraphs: list[int] = []
        seen: dict[str, None] = {}
        for paragraph in article.paragraphs:
            hits = [text.lower() for _s, _e, text in find_terms(paragraph.text, cues)]
            if len(hits) >= MIN_FRAME_CUES:
                paragraphs.append(paragraph.n)
                for hit in hits:
                    seen.setdefault(hit, None)
        if paragraphs:
            found.append(FrameFinding(frame=frame, paragraphs=paragraphs, cues=list(seen)))
    return sorted(found, key=lambda f: (-len(f.paragraphs), f.frame))


def analyze_framing(article: Article, statements: list[Statement]) -> Framing:
    words = marked_words(article)
    per_paragraph = {p.n: 0 for p in article.paragraphs}
    for word in words:
        if word.kind in (WordKind.MODAL, WordKind.HEDGE):
            per_paragraph[word.paragraph] += 1
    return Framing(
        headline=headline_findings(article, statements), words=words, hedges_per_paragraph=per_paragraph, frames=frames(article)
    )
