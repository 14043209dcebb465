"""What stands out in an article, chapter by chapter: the findings a course opens each chapter with.

Each :class:`Highlight` is one fact the analysis found, with the paragraphs it rests on, the
numbers it counts and the words it quotes; :data:`TEMPLATES` gives the plain sentence each kind
is said in, so the same highlight reads the same in a built page, the documentation and a test.
:func:`find_highlights` is a pure function of the :class:`~medialit.analysis.Analysis`: a teacher's
correction of the analysis changes the highlights with it, on the next build.

A kind with nothing to report gives no highlight (no "0 of 6 sources are unnamed"), so a chapter
opening only says what is there.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from pydantic import Field

from medialit.analysis.facts import Facts, SourceShape, clear_marked_word, facts_of, norm
from medialit.analysis.findings import Claim, HeadlineChange, Support, WordKind
from medialit.analysis.framing import content_words, find_terms
from medialit.analysis.model import Finding, Statement
from medialit.analysis.vocabulary import QuoteType, SourceKind, VerbStance
from medialit.language import parse_paragraphs

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from medialit.analysis import Analysis


class Chapter(StrEnum):
    """The chapters of a course that open with what stands out in the article."""

    PROVENANCE = "provenance"
    """Where the text comes from: who wrote, published, republished or relayed it."""
    FRAMING = "framing"
    """What the headline and the words do to the story."""
    SOURCING = "sourcing"
    """Who speaks, how much, and on what evidence."""
    COMPARISONS = "comparisons"
    """Comparisons with other cases that someone argues from."""


class HighlightKind(StrEnum):
    """A kind of thing worth a reader's attention; each member's docstring says when it is found."""

    NO_HEADLINE = "no-headline"
    """The page shows no headline (an aggregator's copy, a paste that starts with the body)."""
    NO_BYLINE = "no-byline"
    """The page names no writer."""
    NO_DATE = "no-date"
    """The page gives no date of publication."""
    WIRE_STORY = "wire-story"
    """A news agency's story (the byline or the dateline names the agency)."""
    REPUBLISHED = "republished"
    """Another site republished the text: the page is not where it first appeared."""
    RELAYED = "relayed"
    """The story passes on another outlet's reporting ("The decision was first reported by CBS News")."""
    FIRST_PERSON = "first-person"
    """The reporter writes as "I": what the page reports, the reporter saw or heard."""
    PAGE_SAYS = "page-says"
    """What the page says about itself: who wrote it, when, who published it."""
    EDITORS_NOTE = "editors-note"
    """The page carries an editor's note (often a correction)."""
    HEADLINE_ATTRIBUTION = "headline-attribution"
    """The headline states as fact what a body paragraph attributes to someone."""
    HEADLINE_HEDGE = "headline-hedge"
    """The headline drops the caution of the statement it sums up ("could", "possible")."""
    HEADLINE_ACTOR = "headline-actor"
    """The headline names a different actor from the body."""
    HEADLINE_MISMATCH = "headline-mismatch"
    """Key words of the headline appear nowhere in the body."""
    ASSOCIATION = "association"
    """The story reports an association ("linked to", "tied to") found by a study, not a cause."""
    LOADED_WORDS = "loaded-words"
    """Words that judge as they describe, and where they are."""
    FRAME = "frame"
    """A frame (conflict, security, …) that runs through several paragraphs."""
    HEDGED = "hedged"
    """Paragraphs where words that lower certainty ("could", "may", "about") cluster."""
    JOURNALIST_VOICE = "journalist-voice"
    """How much of the article the reporter states in their own voice, with no source named."""
    DOMINANT_SOURCE = "dominant-source"
    """One source has most of the words the article gives to its sources."""
    MOST_WORDS = "most-words"
    """Which sources get the most words, when no one source dominates."""
    FIRST_VOICE = "first-voice"
    """The first source the article reports, and where: the voice that sets the story's frame."""
    UNNAMED_SOURCES = "unnamed-sources"
    """Some of the sources are not named: unnamed people or groups."""
    NO_DIRECT_QUOTES = "no-direct-quotes"
    """No one is quoted in their own words: every source is summed up by the reporter."""
    RELAYED_WORDS = "relayed-words"
    """Words the article passes on from another outlet's report: the reporter did not hear them."""
    SINGLE_SOURCE_CLAIM = "single-source-claim"
    """The claim the headline makes rests on one source; no other source in the article says it."""
    CONTESTED = "contested"
    """A claim that another source in the article denies or disputes."""
    UNANSWERED = "unanswered"
    """An accusation that no one in the article answers."""
    EVIDENCE_ASSERTED = "evidence-asserted"
    """Central claims stated without any evidence the article describes."""
    NO_COMMENT = "no-comment"
    """People or bodies the article says did not answer, or declined to comment: voices missing."""
    ANALOGY = "analogy"
    """A comparison with another case that someone argues from."""


CHAPTER_OF: Final[dict[HighlightKind, Chapter]] = {
    **dict.fromkeys(
        (HighlightKind.NO_HEADLINE, HighlightKind.PAGE_SAYS, HighlightKind.NO_BYLINE, HighlightKind.NO_DATE,
         HighlightKind.WIRE_STORY, HighlightKind.REPUBLISHED, HighlightKind.RELAYED, HighlightKind.FIRST_PERSON,
         HighlightKind.EDITORS_NOTE),
        Chapter.PROVENANCE,
    ),
    **dict.fromkeys(
        (HighlightKind.HEADLINE_ATTRIBUTION, HighlightKind.HEADLINE_HEDGE, HighlightKind.HEADLINE_ACTOR,
         HighlightKind.HEADLINE_MISMATCH, HighlightKind.ASSOCIATION, HighlightKind.LOADED_WORDS, HighlightKind.FRAME,
         HighlightKind.HEDGED, HighlightKind.JOURNALIST_VOICE),
        Chapter.FRAMING,
    ),
    **dict.fromkeys(
        (HighlightKind.DOMINANT_SOURCE, HighlightKind.MOST_WORDS, HighlightKind.FIRST_VOICE, HighlightKind.UNNAMED_SOURCES,
         HighlightKind.NO_DIRECT_QUOTES,
         HighlightKind.RELAYED_WORDS, HighlightKind.SINGLE_SOURCE_CLAIM, HighlightKind.CONTESTED, HighlightKind.UNANSWERED,
         HighlightKind.EVIDENCE_ASSERTED, HighlightKind.NO_COMMENT),
        Chapter.SOURCING,
    ),
    HighlightKind.ANALOGY: Chapter.COMPARISONS,
}  # fmt: skip
"""The chapter whose opening each kind belongs to."""

TEMPLATES: Final[dict[HighlightKind, str]] = {
    HighlightKind.NO_HEADLINE: "The page shows no headline: the text starts with {first}, so a reader meets the story "
    "without the summary a headline gives, and cannot see how the publisher framed it.",
    HighlightKind.NO_BYLINE: "The page does not say who wrote the article.",
    HighlightKind.NO_DATE: "The page gives no date: a reader cannot tell whether the story is new or years old.",
    HighlightKind.WIRE_STORY: "It is a news agency's story ({agency}): the agency wrote it, and other outlets may print it with "
    "their own headlines.",
    HighlightKind.REPUBLISHED: "The page is a copy: {republisher} republished a text first published by {publisher}.",
    HighlightKind.RELAYED: "The story passes on another outlet's reporting: {outlet} reported it first ({paragraphs}).",
    HighlightKind.PAGE_SAYS: "The page says {parts}.",
    HighlightKind.FIRST_PERSON: "The writer speaks as “I” ({paragraphs}): part of the article is the writer's own experience "
    "or view, not a report of what others said.",
    HighlightKind.EDITORS_NOTE: "The page carries an editor's note: “{note}”",
    HighlightKind.HEADLINE_ATTRIBUTION: "The {line} states as fact what {paragraphs} attributes to {speaker} "
    "(“{verb}”): the body says whose claim it is, the {line} does not.",
    HighlightKind.HEADLINE_HEDGE: "The {line} is surer than the body: {paragraphs} says “{hedges}”, the {line} does not.",
    HighlightKind.HEADLINE_ACTOR: "The {line} {names} “{headline_actor}” where {paragraphs} says “{body_actor}”.",
    HighlightKind.HEADLINE_MISMATCH: "Some key words of the headline ({words}) appear nowhere in the body: the headline "
    "says more than, or something other than, the article.",
    HighlightKind.ASSOCIATION: "The story reports that things go together, as a study found, not that one causes the "
    "other: {phrases} ({paragraphs}).",
    HighlightKind.LOADED_WORDS: "Loaded words, which judge as they describe: {count:.0f} in the article, for example {examples} "
    "({paragraphs}).",
    HighlightKind.FRAME: "The {frame} frame runs through {paragraphs} ({cues}).",
    HighlightKind.HEDGED: "Words that lower certainty, such as {examples}, cluster in {paragraphs}: there the article "
    "is least sure of what it reports.",
    HighlightKind.JOURNALIST_VOICE: "Statements in the writer's own voice, with no source named: {journalist:.0f} of the "
    "article's {total:.0f} ({share:.0%}).",
    HighlightKind.DOMINANT_SOURCE: "One source has most of the say: {name} has {share:.0%} of the words the article gives to "
    "its {sources:.0f} sources ({paragraphs}).",
    HighlightKind.MOST_WORDS: "Most words go to {name} ({share:.0%} of the words the article gives to its sources), then "
    "to {second} ({second_share:.0%}).",
    HighlightKind.FIRST_VOICE: "The first source the article reports is {name}, in {paragraphs}{before}.",
    HighlightKind.UNNAMED_SOURCES: "Sources not named: {unnamed:.0f} of the {sources:.0f} who speak, for example {examples} "
    "({paragraphs}).",
    HighlightKind.NO_DIRECT_QUOTES: "No one is quoted in their own words: every source is summed up by the reporter.",
    HighlightKind.RELAYED_WORDS: "Some words reach the article second-hand: {paragraphs} passes on what {speaker} said as "
    "{outlet} reported it.",
    HighlightKind.SINGLE_SOURCE_CLAIM: "The headline's claim rests on one source: {name} ({paragraphs}); no other source in "
    "the article says it.",
    HighlightKind.CONTESTED: "A claim by {speaker} meets a denial inside the article: {contested_by} ({paragraphs}); "
    "read both to see how much of the claim the denial answers.",
    HighlightKind.UNANSWERED: "An accusation by {speaker} ({paragraphs}: “{claim}”) is not answered by anyone in the article.",
    HighlightKind.EVIDENCE_ASSERTED: "Claims stated without any evidence the article describes: {count:.0f} of the "
    "{claims:.0f} central claims ({paragraphs}).",
    HighlightKind.NO_COMMENT: "Some voices are missing: “{said}” ({paragraphs}).",
    HighlightKind.ANALOGY: "{speaker} compares {target} with “{other}” ({paragraphs}, “{marker}”).",
}
"""The sentence each kind is said in: ``{name}`` is a quoted or counted value, ``{paragraphs}`` the
paragraphs it rests on (links in a built page)."""

NOTHING_FOUND: Final = "Nothing of this kind was found in this article."
"""What a chapter opening says when the analysis found nothing for it."""

ASSOCIATION_TERMS: Final = (
    "linked to", "tied to", "associated with", "association between", "link between", "correlated with", "correlation",
    "connected to", "related to",
)  # fmt: skip
"""Phrases that report that two things go together, which is not that one causes the other."""
NO_COMMENT_TERMS: Final = re.compile(
    r"(?:declined|refused) to comment|did not (?:respond|reply|return|answer)|could not be reached|"
    r"has not commented|no immediate comment|did not immediately",
    re.I,
)
STUDY_WORDS: Final = re.compile(r"\b(?:stud(?:y|ies)|researchers?|research|trial|survey|data|findings?)\b", re.I)
"""Words that say a paragraph reports research: an association there comes from a study."""
LIGHT_VERBS: Final = frozenset({"say", "tell", "show", "find", "go", "get", "make", "set", "take", "give", "see"})
"""Verbs a headline uses for its own grammar ("…, documents show"): their absence from the body is no mismatch."""
MIN_HEDGES: Final = 3
"""Words that lower certainty in one paragraph for it to count as hedged."""
REPORTED_MODALS: Final = frozenset({"would", "can"})
"""Modals that reported speech shifts a tense into ("said it would"), or that state an ability: no hedge."""
DOMINANT_SHARE: Final = 0.4
"""A source with at least this share of the sourced words, and at least three sources in all, dominates."""
MIN_MISSING_WORDS: Final = 2


class Highlight(Finding):
    """One thing that stands out, with what it rests on."""

    chapter: Chapter
    kind: HighlightKind
    paragraphs: list[int] = Field(default_factory=list)
    """The paragraphs it rests on, in order."""
    numbers: dict[str, float] = Field(default_factory=dict)
    """What it counts (shares are fractions, 0 to 1)."""
    text: dict[str, str] = Field(default_factory=dict)
    """The words it quotes or names, verbatim from the article or the analysis."""

    def sentence(self) -> list[str | list[int]]:
        """The sentence in pieces: text, and paragraph lists (to be shown as links)."""
        pieces: list[str | list[int]] = []
        for literal, name, spec, _conversion in string.Formatter().parse(TEMPLATES[self.kind]):
            if literal:
                pieces.append(literal)
            if name is None:
                continue
            if name == "paragraphs":
                pieces.append(list(self.paragraphs))
            elif name in self.numbers:
                pieces.append(format(self.numbers[name], spec or "g"))
            else:
                pieces.append(self.text[name])
        return pieces

    def plain(self) -> str:
        """The sentence as plain text, with paragraph numbers written "P2, P5 and P7"."""
        return "".join(piece if isinstance(piece, str) else paragraph_list(piece) for piece in self.sentence())


def paragraph_list(paragraphs: list[int]) -> str:
    """[2, 5, 7] → "P2, P5 and P7"."""
    names = [f"P{n}" for n in paragraphs]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""


def _quote_list(words: list[str], limit: int = 3) -> str:
    shown = [f"“{w}”" for w in words[:limit]]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _name_list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# --- provenance ----------------------------------------------------------------------------------


def _provenance(analysis: Analysis, facts: Facts) -> Iterator[Highlight]:
    article = analysis.article
    provenance = article.provenance
    if not article.headline:
        words = article.paragraphs[0].text.split()[:8] if article.paragraphs else []
        yield _make(HighlightKind.NO_HEADLINE, [1] if words else [], text={"first": f"“{' '.join(words)} …”"})
    parts = []
    if article.byline:
        parts.append(f"who wrote it ({article.byline})")
    if provenance.original_date is not None:
        parts.append(f"when it was published ({provenance.original_date:%-d %B %Y})")
    if provenance.original_publisher:
        parts.append(f"who published it ({provenance.original_publisher})")
    if parts:
        yield _make(HighlightKind.PAGE_SAYS, text={"parts": _name_list(parts)})
    if not article.byline:
        yield _make(HighlightKind.NO_BYLINE)
    if provenance.original_date is None:
        yield _make(HighlightKind.NO_DATE)
    if provenance.agency:
        yield _make(HighlightKind.WIRE_STORY, text={"agency": provenance.agency})
    if provenance.republisher and provenance.original_publisher:
        yield _make(
            HighlightKind.REPUBLISHED,
            text={"republisher": provenance.republisher, "publisher": provenance.original_publisher},
        )
    if provenance.relayed_from:
        where = [p.n for p in article.paragraphs if provenance.relayed_from in p.text][:3]
        yield _make(HighlightKind.RELAYED, where, text={"outlet": provenance.relayed_from})
    first_person = [s.paragraph for s in facts.first_person_sentences()]
    if first_person:
        yield _make(HighlightKind.FIRST_PERSON, sorted(set(first_person))[:4])
    if provenance.editors_note:
        yield _make(HighlightKind.EDITORS_NOTE, text={"note": provenance.editors_note})


# --- framing -------------------------------------------------------------------------------------


def _framing(analysis: Analysis, facts: Facts) -> Iterator[Highlight]:
    article = analysis.article
    seen: set[tuple[HighlightKind, str]] = set()
    actors: dict[tuple[str, str, int], list[str]] = {}
    for finding in analysis.framing.headline:
        line = "headline" if finding.line == "headline" else "sub-headline"
        statement = facts.body_statement(finding)
        if finding.change is HeadlineChange.ATTRIBUTION_DROPPED:
            if facts.headline_names_source(finding) or statement is None or statement.source_id is None:
                continue
            key = (HighlightKind.HEADLINE_ATTRIBUTION, line)
            if key not in seen:
                seen.add(key)
                yield _make(
                    HighlightKind.HEADLINE_ATTRIBUTION,
                    [finding.paragraph],
                    text={
                        "line": line,
                        "speaker": in_sentence(facts.sources[statement.source_id].label),
                        "verb": statement.verb or "said",
                    },
                )
        elif finding.change in (HeadlineChange.HEDGE_DROPPED, HeadlineChange.CERTAINTY_RAISED):
            if statement is None:
                continue
            hedges = [w.word for w in facts.statement_words(statement)]
            headline_words = {norm(w) for w in re.findall(r"[\w'-]+", finding.headline_text)}
            hedges = [h for h in dict.fromkeys(hedges) if norm(h) not in headline_words]
            key = (HighlightKind.HEADLINE_HEDGE, line)
            if hedges and key not in seen:
                seen.add(key)
                yield _make(HighlightKind.HEADLINE_HEDGE, [finding.paragraph], text={"line": line, "hedges": "”, “".join(hedges)})
        elif finding.change is HeadlineChange.ACTOR_CHANGED:
            match = re.search(r"names \"(.+?)\"; P\d+ says \"(.+?)\"", finding.detail)
            if match is None or _same_word(match.group(1), match.group(2)):
                continue
            actors.setdefault((match.group(1), match.group(2), finding.paragraph), []).append(line)
    for (headline_actor, body_actor, paragraph), lines in actors.items():
        yield _make(
            HighlightKind.HEADLINE_ACTOR,
            [paragraph],
            text={
                "line": " and the ".join(dict.fromkeys(lines)),
                "names": "both name" if len(set(lines)) > 1 else "names",
                "headline_actor": headline_actor,
                "body_actor": body_actor,
            },
        )
    missing = _missing_headline_words(analysis)
    if len(missing) >= MIN_MISSING_WORDS:
        yield _make(HighlightKind.HEADLINE_MISMATCH, text={"words": _quote_list(missing, 4)})
    association = [(p.n, text) for p in article.paragraphs for _s, _e, text in find_terms(p.text, ASSOCIATION_TERMS)]
    headline_association = [text for _s, _e, text in find_terms(article.headline or "", ASSOCIATION_TERMS)]
    about_research = [n for n, _t in association if STUDY_WORDS.search(article.paragraph(n).text)]
    if association and (about_research or (headline_association and any(STUDY_WORDS.search(p.text) for p in article.paragraphs))):
        phrases = list(dict.fromkeys([*headline_association, *(text for _n, text in association)]))
        yield _make(
            HighlightKind.ASSOCIATION,
            sorted({n for n, _t in association})[:4],
            text={"phrases": _quote_list(phrases, 4) + (" in the headline and the body" if headline_association else "")},
        )
    loaded = [w for w in analysis.framing.words if w.kind is WordKind.LOADED and clear_marked_word(analysis, w)]
    if loaded:
        examples = list(dict.fromkeys(w.word for w in loaded))
        yield _make(
            HighlightKind.LOADED_WORDS,
            sorted({w.paragraph for w in loaded})[:5],
            numbers={"count": len(loaded)},
            text={"examples": _quote_list(examples, 3)},
        )
    for frame in analysis.framing.frames[:2]:
        if len(frame.paragraphs) >= 2:
            yield _make(HighlightKind.FRAME, frame.paragraphs[:6], text={"frame": frame.frame, "cues": ", ".join(frame.cues[:5])})
    cautious = [
        w
        for w in analysis.framing.words
        if w.kind in (WordKind.HEDGE, WordKind.MODAL) and clear_marked_word(analysis, w) and norm(w.word) not in REPORTED_MODALS
    ]
    per_paragraph: dict[int, list[str]] = {}
    for word in cautious:
        per_paragraph.setdefault(word.paragraph, []).append(word.word.lower())
    dense = sorted(
        (n for n, found in per_paragraph.items() if len(found) >= MIN_HEDGES), key=lambda n: (-len(per_paragraph[n]), n)
    )
    shown = sorted(dense[:3])
    examples = list(dict.fromkeys(w for n in shown for w in per_paragraph[n]))
    if len(examples) >= 2:
        yield _make(HighlightKind.HEDGED, shown, text={"examples": _quote_list(examples, 3)})
    statements = analysis.statements
    journalist = [s for s in statements if s.quote_type is QuoteType.JOURNALIST]
    if statements and journalist:
        yield _make(
            HighlightKind.JOURNALIST_VOICE,
            numbers={"journalist": len(journalist), "total": len(statements), "share": len(journalist) / len(statements)},
        )


def _same_word(a: str, b: str) -> bool:
    """ "Kosovan" and "Kosovo": one word, one stem: not a different actor."""
    return len(a.split()) == 1 and len(b.split()) == 1 and norm(a)[:5] == norm(b)[:5]


def _lemmas(doc: Doc | None) -> set[str]:
    if doc is None:
        return set()
    return {t.lemma_.casefold() for t in doc if t.is_alpha} | {t.text.casefold() for t in doc if t.is_alpha}


def _missing_headline_words(analysis: Analysis) -> list[str]:
    """Words of the headline that carry content and appear nowhere in the body (compared by lemma)."""
    headline = analysis.article.headline
    if not headline:
        return []
    docs = parse_paragraphs([headline.lower(), *(p.text for p in analysis.article.paragraphs)])
    body: set[str] = set()
    for doc in docs[1:]:
        body |= _lemmas(doc)
    head = docs[0]
    if head is None:
        return []
    printed = re.findall(r"[\w'’-]+", headline)
    missing = []
    for token in head:
        if token.pos_ not in ("NOUN", "PROPN", "ADJ", "VERB") or token.is_stop or len(token.text) < 3 or not token.is_alpha:
            continue
        if token.lemma_.casefold() in body or token.text in body or token.lemma_.casefold() in LIGHT_VERBS:
            continue
        missing.append(next((w for w in printed if w.casefold() == token.text), token.text))
    return list(dict.fromkeys(missing))


# --- sourcing ------------------------------------------------------------------------------------


def _sourcing(analysis: Analysis, facts: Facts) -> Iterator[Highlight]:
    speaking = facts.ranked
    sourced_words = sum(f.source.words for f in speaking)
    if len(speaking) >= 3 and sourced_words:
        top = speaking[0]
        share = top.source.words / sourced_words
        if share >= DOMINANT_SHARE and top.shape is not SourceShape.UNCLEAR:
            paragraphs = sorted({s.paragraph for s in facts.by_source[top.source.id]})
            yield _make(
                HighlightKind.DOMINANT_SOURCE,
                paragraphs[:6],
                numbers={"share": share, "sources": len(speaking)},
                text={"name": top.label},
            )
    if len(speaking) >= 2 and sourced_words:
        top, second = speaking[0], speaking[1]
        share = top.source.words / sourced_words
        if share < DOMINANT_SHARE and top.listable and second.listable:
            yield _make(
                HighlightKind.MOST_WORDS,
                sorted({s.paragraph for s in facts.by_source[top.source.id]})[:6],
                numbers={"share": share, "second_share": second.source.words / sourced_words},
                text={"name": top.label, "second": in_sentence(second.label)},
            )
    first = min(speaking, key=lambda f: facts.first_paragraph(f.source.id), default=None)
    if first is not None and first.listable and facts.first_paragraph_certain(first.source.id):
        n = facts.first_paragraph(first.source.id)
        before = "" if n == 1 else f", after {n - 1} paragraph{'s' * (n > 2)} in the writer's own voice"
        if any(s.source_id is not None for s in analysis.statements if s.paragraph < n):
            before = ""
        yield _make(HighlightKind.FIRST_VOICE, [n], text={"name": in_sentence(first.label), "before": before})
    unnamed = [
        f
        for f in speaking
        if f.source.kind in (SourceKind.ANONYMOUS, SourceKind.COLLECTIVE) and f.shape in (SourceShape.PERSON, SourceShape.GROUP)
    ]
    if unnamed and speaking:
        yield _make(
            HighlightKind.UNNAMED_SOURCES,
            sorted({facts.first_paragraph(f.source.id) for f in unnamed})[:6],
            numbers={"unnamed": len(unnamed), "sources": len(speaking)},
            text={"examples": _quote_list([f.label for f in unnamed], 3)},
        )
    if speaking and not any(s.quote_type is QuoteType.DIRECT for s in analysis.statements):
        yield _make(HighlightKind.NO_DIRECT_QUOTES)
    relayed = [(s, s.source_id, s.relayed_by) for s in analysis.statements]
    for statement, speaker, outlet in [(s, a, b) for s, a, b in relayed if a is not None and b in facts.sources][:2]:
        yield _make(
            HighlightKind.RELAYED_WORDS,
            [statement.paragraph],
            text={"speaker": in_sentence(facts.sources[speaker].label), "outlet": in_sentence(facts.sources[outlet].label)},
        )
    yield from _single_source(analysis, facts)
    for claim in analysis.evidence:
        if claim.contested_by and claim.speaker:
            yield _make(
                HighlightKind.CONTESTED,
                (claim.support_paragraphs and sorted({claim.paragraph, *claim.support_paragraphs})[:4]) or [claim.paragraph],
                text={
                    "speaker": in_sentence(claim.speaker),
                    "contested_by": f"{_name_list(claim.contested_by)} {'deny' if len(claim.contested_by) > 1 else 'denies'} "
                    "something on its subject",
                },
            )
            break
    for claim, statement in _claims_with_statements(analysis):
        if statement.verb_stance is VerbStance.ACCUSATION and not claim.contested_by and claim.speaker:
            yield _make(
                HighlightKind.UNANSWERED,
                [claim.paragraph],
                text={"speaker": in_sentence(claim.speaker), "claim": _short(claim.text, 14)},
            )
            break
    bare = [c for c in analysis.evidence if c.support == [Support.ASSERTED]]
    if bare and len(analysis.evidence) >= 2:
        yield _make(
            HighlightKind.EVIDENCE_ASSERTED,
            sorted({c.paragraph for c in bare})[:6],
            numbers={"count": len(bare), "claims": len(analysis.evidence)},
        )
    silent = [s for s in analysis.statements if s.quote_type is QuoteType.JOURNALIST and NO_COMMENT_TERMS.search(s.text)]
    if silent:
        said = [_short(s.text, 12) for s in silent[:2]]
        yield _make(HighlightKind.NO_COMMENT, sorted({s.paragraph for s in silent[:2]}), text={"said": "”; “".join(said)})


def _claims_with_statements(analysis: Analysis) -> Iterator[tuple[Claim, Statement]]:
    for claim in analysis.evidence:
        statement = next((s for s in analysis.statements if s.paragraph == claim.paragraph and s.text == claim.text), None)
        if statement is not None:
            yield claim, statement


def _single_source(analysis: Analysis, facts: Facts) -> Iterator[Highlight]:
    """The headline's claim, when only one source in the article makes it."""
    finding = next((f for f in analysis.framing.headline if f.line == "headline"), None)
    if finding is None:
        return
    statement = facts.body_statement(finding)
    if statement is None or statement.source_id is None:
        return
    words = content_words(statement.text)
    others = [
        s
        for s in analysis.statements
        if s.source_id is not None
        and not facts.may_be_same(s.source_id, statement.source_id)
        and len(words & content_words(s.text)) >= 3
        and s.verb_stance is not VerbStance.DENIAL
    ]
    if not others:
        name = in_sentence(facts.sources[statement.source_id].label)
        yield _make(HighlightKind.SINGLE_SOURCE_CLAIM, [statement.paragraph], text={"name": name})


def in_sentence(label: str) -> str:
    """A label as it reads inside a sentence: "Several people" → "several people", "The Kosovo police" → "the Kosovo police"."""
    first, _, rest = label.partition(" ")
    if rest and norm(first) in SENTENCE_LOWER:
        return first.lower() + " " + rest
    return label


SENTENCE_LOWER: Final = frozenset(
    {
        "the", "a", "an", "one", "another", "two", "three", "four", "five", "six", "several", "many", "some", "most",
        "few", "sources"
    }
)  # fmt: skip


def _short(text: str, words: int) -> str:
    parts = text.split()
    return text.strip() if len(parts) <= words else " ".join(parts[:words]).rstrip(",;:") + " …"


# --- comparisons ---------------------------------------------------------------------------------


def _comparisons(analysis: Analysis, facts: Facts) -> Iterator[Highlight]:
    for analogy in analysis.analogies:
        yield _make(
            HighlightKind.ANALOGY,
            [analogy.paragraph],
            text={
                "speaker": analogy.speaker or "The article itself, in the writer's own voice,",
                "target": "this story" if analogy.target == "this case" else f"“{analogy.target}”",
                "other": analogy.source,
                "marker": analogy.marker,
            },
        )


def _make(
    kind: HighlightKind,
    paragraphs: list[int] | None = None,
    *,
    numbers: dict[str, float] | None = None,
    text: dict[str, str] | None = None,
) -> Highlight:
    return Highlight(
        chapter=CHAPTER_OF[kind], kind=kind, paragraphs=list(paragraphs or []), numbers=dict(numbers or {}), text=dict(text or {})
    )


def find_highlights(analysis: Analysis) -> list[Highlight]:
    """Everything that stands out in the article, chapter by chapter, in the order a reader meets it."""
    facts = facts_of(analysis)
    found: list[Highlight] = []
    for finder in (_provenance, _framing, _sourcing, _comparisons):
        found += finder(analysis, facts)
    return found


def chapter_highlights(analysis: Analysis, chapter: Chapter | str) -> list[Highlight]:
    """The highlights that open one chapter."""
    return [h for h in find_highlights(analysis) if h.chapter == Chapter(chapter)]


__all__ = [
    "CHAPTER_OF",
    "NOTHING_FOUND",
    "TEMPLATES",
    "Chapter",
    "Highlight",
    "HighlightKind",
    "chapter_highlights",
    "find_highlights",
    "paragraph_list",
]
