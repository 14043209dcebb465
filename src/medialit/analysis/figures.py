"""The counts a course draws as charts, read from the analysis's findings.

Nothing here finds anything new: each figure sums findings the analysis already made (statements,
sources, marked words, frames), so a chart and the tables beside it always agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from medialit.analysis import Analysis
from medialit.analysis.findings import WordKind
from medialit.analysis.vocabulary import QuoteType, SourceKind, VerbStance

JOURNALIST_VOICE = "The journalist's own voice"
"""How the share of the article in no one's name is labelled."""


@dataclass(frozen=True)
class Share:
    """A part of the article's words: whose, how many, and their share of the body (0 to 1)."""

    label: str
    words: int
    share: float
    kind: str
    """The source's kind (named, anonymous, collective), or ``journalist``."""


@dataclass(frozen=True)
class Count:
    label: str
    count: int


@dataclass(frozen=True)
class Series:
    """One row of a by-paragraph chart: a name and a count for each paragraph (absent: 0)."""

    name: str
    counts: dict[int, int]


def voice_shares(analysis: Analysis) -> list[Share]:
    """Each source's share of the article's words, largest first, and the journalist's own voice.

    The journalist's voice is every statement the analysis found in no one's name; it is listed
    with the sources because it is often the largest voice, and the one a reader forgets.
    """
    total = analysis.article.body_words or 1
    shares = [Share(s.name, s.words, s.words / total, str(s.kind)) for s in analysis.sources if s.words]
    own = sum(len(s.text.split()) for s in analysis.statements if s.quote_type is QuoteType.JOURNALIST)
    if own:
        shares.append(Share(JOURNALIST_VOICE, own, own / total, "journalist"))
    return sorted(shares, key=lambda share: (-share.words, share.label))


def source_kinds(analysis: Analysis) -> list[tuple[SourceKind, int, int]]:
    """For named, anonymous and collective sources: how many sources, and how many statements."""
    return [
        (
            kind,
            sum(1 for s in analysis.sources if s.kind is kind),
            sum(s.statements for s in analysis.sources if s.kind is kind),
        )
        for kind in SourceKind
    ]


def verb_stances(analysis: Analysis) -> list[Count]:
    """How many statements are introduced by a reporting verb of each stance (neutral, doubt, …)."""
    return [Count(str(stance), sum(1 for s in analysis.statements if s.verb_stance is stance)) for stance in VerbStance]


def certainty_by_paragraph(analysis: Analysis) -> list[Series]:
    """Hedges and boosters the analysis marked, counted per paragraph."""
    series = []
    for kind, name in ((WordKind.HEDGE, "Hedges"), (WordKind.BOOSTER, "Boosters")):
        counts: dict[int, int] = {}
        for word in analysis.framing.words:
            if word.kind is kind:
                counts[word.paragraph] = counts.get(word.paragraph, 0) + 1
        series.append(Series(name, counts))
    return series


def frames_by_paragraph(analysis: Analysis) -> list[Series]:
    """Each frame the analysis found, with a 1 for every paragraph it was found in."""
    return [Series(frame.frame, dict.fromkeys(frame.paragraphs, 1)) for frame in analysis.framing.frames]
