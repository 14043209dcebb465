"""Reporting verbs: the words that introduce what someone said, and what each one signals.

One table, so the analyzer, the glossary and the quizzes use the same judgement of each verb.
Forms are listed as printed (said, says, has denied …); auxiliaries are matched separately.
"""

from __future__ import annotations

import re
from typing import Final

from medialit.analysis.vocabulary import VerbStance

VERBS: Final[dict[VerbStance, tuple[str, ...]]] = {
    VerbStance.NEUTRAL: (
        "said", "says", "say", "told", "tells", "tell", "added", "adds", "stated", "states", "explained", "explains",
        "noted", "notes", "wrote", "writes", "announced", "announces", "reported", "reports", "replied", "replies",
        "answered", "commented", "comments", "confirmed", "confirms", "responded", "responds", "remarked", "observed",
        "pointed out", "points out", "according to", "described", "describes", "continued", "went on", "adding",
        "found", "finds", "concluded", "concludes", "showed", "shows", "estimates", "estimated", "proposes",
        "proposed", "recommends", "recommended", "predicts",
    ),
    VerbStance.DOUBT: ("claimed", "claims", "claim", "alleged", "alleges", "allege", "asserted", "asserts", "purported"),
    VerbStance.ALARM: (
        "warned", "warns", "warn", "insisted", "insists", "insist", "stressed", "stresses", "urged", "urges",
        "cautioned", "cautions", "emphasised", "emphasized", "emphasises", "emphasizes", "vowed", "vows", "threatened",
        "threatens",
    ),
    VerbStance.ACCUSATION: (
        "accused", "accuses", "accuse", "denounced", "denounces", "blamed", "blames", "condemned", "condemns",
        "criticised", "criticized", "criticises", "criticizes", "charged",
    ),
    VerbStance.DENIAL: (
        "denied", "denies", "deny", "rejected", "rejects", "dismissed", "dismisses", "refuted", "disputed", "disputes",
    ),
    VerbStance.CONCESSION: ("admitted", "admits", "admit", "conceded", "concedes", "acknowledged", "acknowledges"),
    VerbStance.STANCE: (
        "recalled", "recalls", "believes", "believe", "believed", "suggest", "fears", "fear", "feared", "thinks", "think",
        "thought", "argued", "argues", "argue", "suggested", "suggests", "predicted", "predicts", "hopes", "hoped",
        "expects", "expected", "doubt", "doubts", "doubted", "questioned", "questions", "maintained", "maintains",
        "are skeptical", "is skeptical", "were skeptical", "was skeptical", "are sceptical", "is sceptical",
        "are doubtful", "is doubtful", "were doubtful", "was doubtful", "are confident", "is confident",
        "are convinced", "is convinced", "are worried", "is worried", "are concerned", "is concerned",
    ),
}  # fmt: skip

STANCE_OF: Final[dict[str, VerbStance]] = {form: stance for stance, forms in VERBS.items() for form in forms}

CUE_LEMMAS: Final[dict[str, VerbStance]] = {
    **dict.fromkeys((
        "say", "tell", "add", "state", "explain", "note", "write", "announce", "report", "reply", "answer", "comment",
        "confirm", "respond", "remark", "observe", "describe", "continue", "find", "conclude", "show", "estimate",
        "propose", "recommend", "tweet", "post", "testify", "mention", "reveal", "disclose", "ask", "quote", "repeat",
        "reiterate", "declare", "agree", "indicate", "specify", "call", "point", "advise",
    ), VerbStance.NEUTRAL),
    **dict.fromkeys(("claim", "allege", "assert", "purport", "contend"), VerbStance.DOUBT),
    **dict.fromkeys((
        "warn", "insist", "stress", "urge", "caution", "emphasise", "emphasize", "vow", "threaten", "demand",
    ), VerbStance.ALARM),
    **dict.fromkeys((
        "accuse", "denounce", "blame", "condemn", "criticise", "criticize", "charge", "blast", "slam",
    ), VerbStance.ACCUSATION),
    **dict.fromkeys(("deny", "reject", "dismiss", "refute", "dispute", "rebut", "counter"), VerbStance.DENIAL),
    **dict.fromkeys(("admit", "concede", "acknowledge"), VerbStance.CONCESSION),
    **dict.fromkeys((
        "recall", "believe", "suggest", "fear", "think", "argue", "predict", "hope", "expect", "doubt", "question",
        "maintain", "complain", "boast", "joke", "quip", "promise", "pledge", "tout", "praise", "worry", "feel",
        "welcome", "suspect",
    ), VerbStance.STANCE),
}  # fmt: skip
"""Reporting verbs by dictionary form, for the grammar finder: a verb with one of these lemmas,
outside quotation marks, with a speaker and something said, is an attribution."""

OBJECT_CUES: Final[dict[str, frozenset[str]]] = {
    **dict.fromkeys((
        "accuse", "criticize", "criticise", "condemn", "denounce", "praise", "blame", "blast", "slam", "announce",
        "tweet", "post", "promise", "pledge", "vow", "deny", "reject", "dismiss", "dispute", "acknowledge", "admit",
        "concede", "mention", "describe", "question", "cite", "propose", "recommend", "demand", "urge", "reveal",
        "disclose", "confirm", "repeat", "reiterate", "predict", "welcome",
    ), frozenset({"of", "for", "as", "over"})),
    "call": frozenset({"for", "on"}),
    "point": frozenset({"to"}),
    "warn": frozenset({"of", "about", "against"}),
    "caution": frozenset({"against", "about", "of"}),
    "complain": frozenset({"about", "of"}),
}  # fmt: skip
"""Reporting verbs whose object can be what was said (``accused him of sexism``, ``called for her ouster``,
``announced a benefit concert``), with the prepositions that carry it. "call" needs its preposition or
a second complement (``called the plan “a disaster”``): ``called the mayor`` reports a phone call."""

TAKES_INFINITIVE: Final = frozenset(
    {"threaten", "vow", "urge", "promise", "pledge", "ask", "demand", "tell", "warn", "call", "advise"}
)
"""Reporting verbs whose content can be ``to`` + a verb (``threatened to send troops``, ``urged them to stay``)."""

AUXILIARY: Final = r"(?:(?:has|have|had|will|would)\s+)*"
ADVERBS: Final = r"(?:(?:also|later|previously|repeatedly|again|strongly|flatly|publicly|privately|firmly)\s+)*"

VERB_PATTERN: Final = re.compile(
    r"\b"
    + ADVERBS
    + r"(?P<verb>"
    + AUXILIARY
    + ADVERBS
    + r"(?:"
    + "|".join(sorted((re.escape(f) for f in STANCE_OF), key=len, reverse=True))
    + r"))\b"
)
"""A reporting verb with any auxiliaries, as one group (``has denied``, ``are skeptical``)."""


def stance_of(verb: str, lemma: str | None = None) -> VerbStance:
    """The stance of a printed verb (auxiliaries ignored), else of its dictionary form; neutral when neither is known."""
    words = verb.lower().split()
    for start in range(len(words)):
        form = " ".join(words[start:])
        if form in STANCE_OF:
            return STANCE_OF[form]
    if lemma is not None and lemma in CUE_LEMMAS:
        return CUE_LEMMAS[lemma]
    return VerbStance.NEUTRAL
