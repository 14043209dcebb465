"""Word lists the framing, evidence and analogy finders use, each with what it marks.

Kept in one place so a teacher can read, and a course can cite, exactly what counts as a hedge,
a loaded word or a frame cue. Matching is by whole word (or phrase), case-insensitive.
"""

from __future__ import annotations

from typing import Final

MODALS: Final = ("may", "might", "could", "would", "can", "should", "must")
"""Modal verbs: they make a statement possible, conditional or required rather than simply so."""

HEDGES: Final = (
    "alleged", "allegedly", "reportedly", "apparently", "suspected", "potential", "potentially", "possible",
    "possibly", "likely", "unlikely", "perhaps", "appears", "appear", "seems", "seem", "suggests", "suggest",
    "believed to", "thought to", "so-called", "preliminary", "unconfirmed", "claimed", "probably", "maybe",
    "estimated", "around", "about", "some",
)  # fmt: skip
"""Words that lower the certainty of a claim or mark it as someone else's."""

BOOSTERS: Final = (
    "clearly", "clear", "certainly", "undoubtedly", "definitely", "precisely", "obviously", "always", "never",
    "complete", "completely", "proof", "proves", "without doubt", "in fact", "indeed",
)  # fmt: skip
"""Words that raise the certainty of a claim."""

LOADED: Final = (
    "notorious", "brutal", "malign", "meddling", "sinister", "shadowy", "infamous", "regime", "thugs", "propaganda",
    "incendiary", "inflammatory", "chaos", "catastrophic", "devastating", "shocking", "outrage", "furious", "fury",
    "bitter", "aggressive", "hostile", "puppet", "proxy", "grab", "smuggle", "smuggling", "secret", "covert", "stoke",
    "feud", "blood feud", "mercenaries", "mercenary", "hell", "nightmare", "deadly", "destabilize", "destabilise",
    "trojan horse", "slammed", "blasted", "crisis", "wracked", "muscular", "scrawled", "plot", "scheme", "sham",
    "extremist", "radical", "militant", "terror", "invasion", "annexation", "lavish", "controversial", "so-called",
    "disaster", "scandal", "frenzy", "spiral", "soaring", "plunge", "crackdown", "bombshell", "explosive",
)  # fmt: skip
"""Evaluative words: they judge as they describe (a reader should ask who is judging, and on what evidence)."""

FRAMES: Final[dict[str, tuple[str, ...]]] = {
    "conflict": (
        "attack",
        "attacks",
        "war",
        "wars",
        "fight",
        "troops",
        "soldier",
        "soldiers",
        "military",
        "invade",
        "invasion",
        "annex",
        "annexation",
        "conflict",
        "clash",
        "confrontation",
        "tension",
        "tensions",
        "barricades",
        "trenches",
        "weapons",
        "arms",
        "shots",
        "fired",
        "threatened",
        "escalate",
        "paramilitary",
        "paramilitaries",
        "hostile",
        "battle",
        "violence",
        "riot",
        "protest",
        "protesters",
    ),
    "security": (
        "nato",
        "kfor",
        "border",
        "borders",
        "territory",
        "security",
        "deterrent",
        "deterrence",
        "proxy",
        "sovereignty",
        "independence",
        "alliance",
        "sanctions",
        "destabilize",
        "destabilise",
        "hybrid",
        "strategy",
        "geopolitical",
        "intelligence",
        "defence",
        "defense",
        "peacekeeping",
        "eu",
        "membership",
        "frontiers",
    ),
    "human interest": (
        "dad",
        "mother",
        "father",
        "mum",
        "family",
        "families",
        "children",
        "child",
        "home",
        "flee",
        "fled",
        "hell",
        "pleading",
        "personal",
        "life",
        "lives",
        "friend",
        "tears",
        "grief",
        "16-year-old",
        "childhood",
        "raped",
        "murdered",
        "experience",
    ),
    "responsibility": (
        "blame",
        "blamed",
        "accuse",
        "accused",
        "accuses",
        "responsible",
        "responsibility",
        "fault",
        "failing",
        "denied",
        "role",
        "intention",
        "intentions",
        "designed",
        "aims",
        "objective",
        "guilty",
        "culprit",
        "to blame",
    ),
    "economic": (
        "cost",
        "costs",
        "economy",
        "economic",
        "jobs",
        "money",
        "currency",
        "euro",
        "dinar",
        "prices",
        "trade",
        "budget",
        "funding",
        "investment",
        "tax",
        "taxes",
        "spending",
    ),
    "morality": ("values", "hatred", "evil", "justice", "moral", "immoral", "shame", "rights", "incitement", "wrong"),
}
"""Frame cues (after Semetko and Valkenburg's news frames): words that put a story in a frame."""

EVIDENCE_DETAIL: Final = (
    "document", "documents", "seen by", "records", "data", "figures", "photographs", "photos", "footage", "video",
    "report", "study", "studies", "survey", "found that", "according to a", "statistics", "trial", "published",
    "analysis", "evidence of", "per cent", "percent",
)  # fmt: skip
"""Signs that a text describes its evidence (a document, data, a study) rather than only asserting it."""

EVIDENCE_ASSERTED: Final = ("evidence", "proof", "clear", "clearly", "obvious")
"""Words that claim evidence exists, without showing it."""

INVESTIGATION: Final = ("investigated", "investigation", "investigating", "inquiry", "probe", "under review", "being examined")
"""Signs that a claim is not settled: someone is still checking it."""

ANALOGY_MARKERS: Final = (
    "bear parallels to", "bears parallels to", "bore parallels to", "parallels with", "parallels to", "parallel to",
    "the same playbook", "same playbook", "copy cat", "copycat", "just like", "reminiscent of", "similar to",
    "echoes of", "echoes", "echo of", "mirrors", "mirror image of", "the same as", "akin to", "compared to",
    "compared with", "comparison with", "a repeat of", "history repeating", "like in", "as in", "recalls",
)  # fmt: skip
"""Phrases that draw a comparison between this story and another case."""
