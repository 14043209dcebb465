"""Recognising website furniture in text pasted from a web page.

One table of patterns, each with its kind. A line is furniture only when the whole line matches,
so a sentence that merely mentions "Facebook" stays in the article.
"""

from __future__ import annotations

import re
from typing import Final

from medialit.article import BoilerplateKind

_BULLET: Final = r"(?:[•·*\-–]\s*)?"
_NETWORKS: Final = r"(?:Facebook|Twitter|X|YouTube|Instagram|LinkedIn|TikTok|WhatsApp|Pinterest|Email|Reddit)"

PATTERNS: Final[tuple[tuple[re.Pattern[str], BoilerplateKind], ...]] = (
    (re.compile(r"(?:top|bottom) of (?:the )?page", re.I), BoilerplateKind.NAVIGATION),
    (re.compile(r"(?:skip to (?:main )?content|back to top)", re.I), BoilerplateKind.NAVIGATION),
    (re.compile(_BULLET + r"(?:\w+ )?" + _NETWORKS + r"(?: Icon| logo)?", re.I), BoilerplateKind.SOCIAL),
    (re.compile(r"(?:share (?:this(?: article)?|on " + _NETWORKS + r"))", re.I), BoilerplateKind.SOCIAL),
    (re.compile(r"follow (?P<name>.+?) for (?:more )?updates:?", re.I), BoilerplateKind.FOLLOW_PROMPT),
    (re.compile(r"(?:subscribe|sign up)(?: to| for)? (?:our|the) newsletter.*", re.I), BoilerplateKind.FOLLOW_PROMPT),
)

FOLLOW_PROMPT: Final = PATTERNS[4][0]
"""The follow prompt names the site that republished the text; ingest reads the name from it."""


def classify(line: str) -> BoilerplateKind | None:
    """The kind of furniture this whole line is, or None when it may be article text."""
    stripped = line.strip()
    for pattern, kind in PATTERNS:
        if pattern.fullmatch(stripped):
            return kind
    return None
