"""The analysis's vocabularies: kinds of source, quote and reporting verb.

Each member has a docstring, so the course glossary and the docs can be generated from here.
"""

from __future__ import annotations

from enum import StrEnum


class QuoteType(StrEnum):
    """How a statement reaches the reader."""

    DIRECT = "direct"
    """The speaker's own words, in quotation marks (whole sentences or a quoted fragment)."""
    INDIRECT = "indirect"
    """The speaker's point in the journalist's words (reported speech), without quotation marks."""
    JOURNALIST = "journalist"
    """No one is named as the source: the journalist's own voice asserts it."""


class SourceKind(StrEnum):
    """Whether a reader can tell who is speaking."""

    NAMED = "named"
    """A person or organisation identified by name (Vjosa Osmani, the Kosovo police)."""
    ANONYMOUS = "anonymous"
    """A single speaker described but not named ("a Carabinieri officer", "one ethnic Albanian")."""
    COLLECTIVE = "collective"
    """A group or a whole side speaks ("Serbia", "many Balkan experts", "some ethnic Albanians")."""


class SourceType(StrEnum):
    """What position a source speaks from."""

    OFFICIAL = "official"
    """Holds public office or speaks for a government (a president, a minister, a state)."""
    EXPERT = "expert"
    """Speaks from professional knowledge (an analyst, a researcher, a doctor)."""
    WITNESS = "witness"
    """A resident, bystander or person affected, speaking from experience."""
    INSTITUTION = "institution"
    """An organisation speaking as such (the police, a think tank, a company)."""
    JOURNALIST = "journalist"
    """The article's own voice."""


class VerbStance(StrEnum):
    """What a reporting verb tells the reader beyond "this was said"."""

    NEUTRAL = "neutral"
    """Says only that words were spoken (said, told, added, according to)."""
    DOUBT = "doubt"
    """Distances the journalist from the claim (claimed, alleged)."""
    ALARM = "alarm"
    """Frames the words as a warning or insistence (warned, insisted, stressed)."""
    ACCUSATION = "accusation"
    """Frames the words as blame (accused, denounced, blamed)."""
    DENIAL = "denial"
    """Frames the words as a rejection (denied, rejected, dismissed)."""
    CONCESSION = "concession"
    """Frames the words as something given up (admitted, conceded, acknowledged)."""
    STANCE = "stance"
    """Reports a view or feeling rather than words (are skeptical, believe, fear, recalled)."""

    @property
    def loaded(self) -> bool:
        """True for every stance that adds a judgement to "said"."""
        return self is not VerbStance.NEUTRAL
