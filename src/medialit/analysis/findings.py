"""Findings beyond sourcing: framing, evidence and analogy, as data a chapter or a quiz can use.

Every finding carries its paragraph number and, where it is a word or phrase, its span.
"""

from __future__ import annotations

from enum import StrEnum

from medialit.analysis.model import Finding


class HeadlineChange(StrEnum):
    """How a headline can differ from the body it sums up."""

    ATTRIBUTION_DROPPED = "attribution-dropped"
    """The body says who claims it; the headline states it as fact."""
    HEDGE_DROPPED = "hedge-dropped"
    """The body qualifies the claim ("potential", "alleged"); the headline does not."""
    CERTAINTY_RAISED = "certainty-raised"
    """The body uses a modal ("could", "may"); the headline states the claim as happening."""
    ACTOR_CHANGED = "actor-changed"
    """The headline names a different actor from the body (a state where the body has a group within it)."""


class WordKind(StrEnum):
    """What a marked word does to a claim."""

    MODAL = "modal"
    HEDGE = "hedge"
    BOOSTER = "booster"
    LOADED = "loaded"


class Support(StrEnum):
    """What support the text offers for a claim."""

    DESCRIBED = "evidence described"
    """The text describes the evidence (a document, data, a study, what was seen)."""
    ASSERTED = "asserted without detail"
    """The claim (or "clear evidence" for it) is stated, but no evidence is described."""
    UNDER_INVESTIGATION = "under investigation"
    """The text says the matter is still being checked."""
    CONTESTED = "a denial on the same subject"
    """Someone in the text denies something on the claim's subject: the whole claim or only part of it (read both)."""


class MarkedWord(Finding):
    paragraph: int
    start: int
    end: int
    word: str
    kind: WordKind


class HeadlineFinding(Finding):
    change: HeadlineChange
    line: str
    """"headline" or "subheadline"."""
    headline_text: str
    paragraph: int
    body_text: str
    detail: str
    """What changed, in a sentence a student can check."""


class FrameFinding(Finding):
    frame: str
    paragraphs: list[int]
    cues: list[str]


class Framing(Finding):
    headline: list[HeadlineFinding]
    words: list[MarkedWord]
    hedges_per_paragraph: dict[int, int]
    """Modals and hedges counted in each paragraph."""
    frames: list[FrameFinding]


class Claim(Finding):
    paragraph: int
    text: str
    speaker: str | None
    """Who makes the claim (None: the journalist's voice)."""
    support: list[Support]
    support_paragraphs: list[int]
    contested_by: list[str]


class Analogy(Finding):
    paragraph: int
    start: int
    end: int
    marker: str
    speaker: str | None
    """Who draws the comparison (None: the journalist's voice)."""
    target: str
    """What is being compared (this story's side)."""
    source: str
    """What it is compared with (the other case)."""
    elements: list[str]
    """Sentences of the comparison that name what is meant to be alike."""
    scaffold: list[str]
    """Questions a reader answers to test the comparison (likenesses, differences, known/unclear/presumed)."""
