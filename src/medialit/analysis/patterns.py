"""Attribution patterns of news English, read from a sentence's surface (the rules).

The grammar finder (:mod:`.grammar`) reads the same attributions from spaCy's dependency parse;
these patterns are the second opinion for what the parse misses (a verb the tagger takes for an
adjective, "are sceptical that", a relative clause it attaches elsewhere). Patterns, in order:

1. a quotation, then its attribution: ``“…,” said Helena Ivanov, a … expert`` / ``“…,” she said``;
2. ``according to X, …`` or ``…, according to X``;
3. an attribution inside the sentence: ``A, she said, B``;
4. the attribution first: ``Kosovo's president, Ms Osmani, claimed that …``, ``Serbia has denied that …``;
5. a relative clause: ``…, who said …``;
6. content, then the attribution at the end: ``…, Vjosa Osmani claimed in an interview``.
"""

from __future__ import annotations

import re
from typing import Final

from medialit.analysis.attribution import Attribution
from medialit.analysis.mentions import FINITE_VERBS, MentionForm, parse_mention
from medialit.analysis.segment import CLOSING, OPENING, STRAIGHT
from medialit.analysis.verbs import VERB_PATTERN

MAX_SPEAKER_WORDS: Final = 14
CLAUSE_QUOTE_WORDS: Final = 6
"""A quotation this long, with no speaker, continues the previous speaker; shorter ones are labels ("This is Serbia")."""

_VERB: Final = VERB_PATTERN.pattern
_TRIM: Final = " \t,;:–—"
_END: Final = re.compile(r"[.?!]+[”\"’']*$")
_PREPOSITION_CUT: Final = re.compile(
    r"\s+(?:in|at|on|during|while|as|when|after|before|via|to|by|outside|inside|near|over|last|this|earlier|later|"
    r"yesterday|today|tonight|on\s+\w+day)\b.*$"
)


def _speaker_core(phrase: str) -> str:
    """The speaker words of an inverted attribution, without the setting ("in Pristina, where …").

    Empty when the words before the setting end in a past-tense verb: ``said the difference
    rested on …`` is reported speech, not a speaker.
    """
    parts = [part for part in re.split(r",\s*", phrase.strip(_TRIM + ".")) if part]
    if not parts:
        return ""
    head = _PREPOSITION_CUT.sub("", parts[0])
    if head != parts[0] and re.search(r"\b[a-z]+ed$", head):
        return ""
    core = [head]
    for part in parts[1:]:
        if re.match(r"^(?:a|an|the|\d+|his|her|their|who is|its)\b", part) and not re.match(r"^(?:where|which|when)\b", part):
            core.append(part)
        else:
            break
    return ", ".join(core)


def _quote_then_attribution(text: str) -> Attribution | None:
    """``“…,” said X`` / ``“…,” X said …`` / ``… “…,” she said.``"""
    for match in re.finditer(rf"[,?!]\s?[{CLOSING}{STRAIGHT}]\s+", text):
        rest = text[match.end() :]
        inverted = re.match(rf"^{_VERB}\s+(?P<who>.+)$", rest)
        if inverted:
            who = _speaker_core(inverted.group("who"))
            if who and parse_mention(who):
                return Attribution.of(
                    inverted, (0, match.start() + 1), direct=True, offset=match.end(), who=who, verb_start=match.end()
                )
        normal = re.match(rf"^(?P<who>[^“”\"]{{1,120}}?)\s+{_VERB}\b", rest)
        if normal and len(normal.group("who").split()) <= MAX_SPEAKER_WORDS and parse_mention(normal.group("who")):
            return Attribution.of(normal, (0, match.start() + 1), direct=True, offset=match.end())
    return None


def _according_to(text: str) -> Attribution | None:
    lead = re.match(r"^(?P<verb>According to)\s+(?P<who>[^,]{1,100}),\s*", text)
    if lead and parse_mention(lead.group("who")):
        return Attribution.of(lead, (lead.end(), len(text)), direct=False)
    tail = re.search(r",\s*(?P<verb>according to)\s+(?P<who>[^,]{1,100}?)[.?!]?$", text)
    if tail and parse_mention(tail.group("who")):
        return Attribution.of(tail, (0, tail.start()), direct=False)
    return None


def _content_then_attribution(text: str) -> Attribution | None:
    """``…, Vjosa Osmani claimed in an interview.`` / ``…, she said.`` / ``…, said President Osmani.``"""
    for match in reversed(list(re.finditer(r",\s+", text))):
        rest = text[match.end() :]
        if OPENING in rest or STRAIGHT in rest:
            continue
        normal = re.match(rf"^(?P<who>[^,]{{1,100}}?)\s+{_VERB}(?P<tail>(?:\s+[^,]*)?)[.?!]?$", rest)
        if normal and len(normal.group("who").split()) <= MAX_SPEAKER_WORDS:
            mention = parse_mention(normal.group("who"))
            if mention and not (normal.group("tail").strip().startswith("that")):
                return Attribution.of(normal, (0, match.start()), direct=False, offset=match.end())
        inverted = re.match(rf"^{_VERB}\s+(?P<who>.+?)[.?!]?$", rest)
        if inverted:
            who = _speaker_core(inverted.group("who"))
            if who and parse_mention(who):
                return Attribution.of(
                    inverted, (0, match.start()), direct=False, offset=match.end(), who=who, verb_start=match.end()
                )
    return None


_DETERMINERS: Final = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your"]
)
_TAIL_START: Final = re.compile(
    r"^\s*(?:in|on|at|during|with|from|to|last|yesterday|today|earlier|later|after|before|while|when|this|outside|"
    r"inside|by|via|through|over|under|[.?!]|$)",
    re.I,
)


_SETTING_THAT: Final = re.compile(
    r"^(?:\s+(?:in|on|at|to|during|from|with|late|earlier|last|this|repeatedly|again|also|publicly)\b[^,;“”\"]{0,60}?)?\s+that\b"
)
"""``said in a statement that …``, ``told reporters on Friday that …``: a setting between the verb and the content."""

_COORDINATED: Final = re.compile(
    rf"(?:,\s*|\s+)(?:and|but)\s+(?:also\s+)?{_VERB}(?:\s+that\b)?|,\s*(?P<adding>adding|insisting|warning|claiming)\s+that\b"
)


_TAKES_INFINITIVE: Final = frozenset({"threatened", "threatens", "vowed", "vows", "urged", "urges", "promised", "pledged"})
"""Verbs whose content is ``to`` + a verb (``threatened to send troops``)."""


def _has_finite_verb(text: str) -> bool:
    return bool(set(re.findall(r"[a-z]+", text.lower())) & FINITE_VERBS)


_LISTENER: Final = re.compile(
    r"\s+(?:me|us|him|her|them|reporters|journalists|the\s+\w+|[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)(?:\s+that\b)?"
)
"""Who was told (``told me``, ``told reporters``, ``told The Telegraph``): not part of what was said."""


def _speaker_before(before: str) -> str | None:
    """The speaker's words before a verb: the whole lead, or its last part after a clause.

    A lead that opens with a name may be long (``Declan Foy, who runs a firm on Quarry Road and
    dropped out of the trial, told …``); otherwise the speaker follows the last comma or "that"
    (``Standing by the mosque, his friend Behxhet Jashanica said …``, ``… grew so bad that
    president Aleksandar Vucic of Serbia threatened …``).
    """
    mention = parse_mention(before)
    first_part = before.strip().split(",")[0]
    subordinate = list(re.finditer(r"\bthat\s+", first_part))
    if mention is not None and mention.form is MentionForm.PERSON and subordinate:
        trimmed = before[before.index(first_part) + subordinate[-1].end() :]
        if parse_mention(trimmed) is not None:
            return trimmed  # "… grew so bad that president Aleksandar Vucic … threatened"
    if mention is not None and (
        len(before.split()) <= MAX_SPEAKER_WORDS or (mention.form is MentionForm.PERSON and parse_mention(first_part) is not None)
    ):
        return before
    candidates = []
    last_comma = before.rstrip(" ,").rfind(",")
    if last_comma >= 0 and not _has_finite_verb(before[:last_comma]):
        candidates.append(before[last_comma + 1 :])
    that = list(re.finditer(r"\bthat\s+", before))
    if that:
        candidates.append(before[that[-1].end() :])
    for who in candidates:
        if who.strip(" ,") and len(who.split()) <= MAX_SPEAKER_WORDS and parse_mention(who) is not None:
            return who
    return None


def _speaker_first(text: str) -> Attribution | None:
    """``Kosovo's president, Ms Osmani, claimed that …`` / ``Serbia has denied that …``.

    The verb must be followed by what is said (not only "in an interview"), and the words before
    the speaker, if any, must not be a clause of their own (``The operation is …, Ms Osmani said``
    is content first).
    """
    for verb in VERB_PATTERN.finditer(text):
        before = text[: verb.start()]
        if OPENING in before or STRAIGHT in before or not before.strip():
            return None
        words_before = before.lower().split()
        if words_before and words_before[-1] in _DETERMINERS:
            continue  # "the alleged preparations": an adjective, not a reporting verb
        after = text[verb.end() :]
        setting_then_that = _SETTING_THAT.match(after)
        infinitive = verb.group("verb").split()[-1] in _TAKES_INFINITIVE and re.match(r"^\s+to\s+\w+", after)
        if not setting_then_that and not infinitive and (_TAIL_START.match(after) or len(after.split()) < 3):
            return None
        who = _speaker_before(before)
        if who is None:
            return None
        content = verb.end() + (setting_then_that.end() if setting_then_that else 0)
        if not setting_then_that and verb.group("verb").split()[-1] in ("told", "tells", "tell"):
            listener = _LISTENER.match(text, content)
            if listener:
                content = listener.end()
        offset = len(before) - len(who)
        direct = OPENING in text[content:] or STRAIGHT in text[content:]
        return Attribution(
            content,
            len(text),
            verb.group("verb"),
            verb.start(),
            verb.end(),
            who.strip(),
            offset + (len(who) - len(who.lstrip())),
            verb.start(),
            direct,
        )
    return None


def _interrupted_attribution(text: str) -> Attribution | None:
    """``Firms that volunteer for a trial, she said, are usually the ones …``: the statement is the whole sentence."""
    match = re.search(rf",\s+(?P<who>[^,“”\"]{{1,60}}?)\s+{_VERB},\s+(?=\S)", text)
    if match is None or match.start() == 0 or OPENING in text or STRAIGHT in text:
        return None
    if len(match.group("who").split()) > 6 or parse_mention(match.group("who")) is None:
        return None
    return Attribution.of(match, (0, len(text)), direct=False)


def _relative_attribution(text: str) -> Attribution | None:
    """``… contradicted by a person with knowledge of the diary, who said Mr Veyra had …``."""
    match = re.search(
        rf"(?P<who>\b(?:[Aa]|[Aa]n|[Tt]he|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal)\b[^,“”\"]{{2,80}}),\s+who\s+{_VERB}", text
    )
    if match is None or OPENING in text[: match.start()] or parse_mention(match.group("who")) is None:
        return None
    after = text[match.end() :]
    that = _SETTING_THAT.match(after)
    content = match.end() + (that.end() if that else 0)
    return Attribution.of(match, (content, len(text)), direct=OPENING in after or STRAIGHT in after)


def find_attribution(text: str) -> Attribution | None:
    """The attribution of one sentence, by the first pattern that fits (see the module docstring)."""
    finders = (
        _quote_then_attribution,
        _according_to,
        _interrupted_attribution,
        _speaker_first,
        _relative_attribution,
        _content_then_attribution,
    )
    for finder in finders:
        found = finder(text)
        if found is not None:
            return found
    return None


def coordinated_pieces(text: str, attribution: Attribution) -> list[tuple[str | None, int, int]]:
    """The statement, split where the speaker goes on with a second verb: ``… said A, and insisted that B``.

    Also reads the words after an attribution: ``“…,” the diplomat said, adding that B``.
    """
    pieces: list[tuple[str | None, int, int]] = []
    verb: str | None = attribution.verb
    start = attribution.content_start
    regions = [(attribution.content_start, attribution.content_end)]
    tail_start = max(attribution.speaker_end, attribution.verb_end)
    if attribution.content_end <= attribution.verb_start and tail_start < len(text):
        regions.append((tail_start, len(text)))
    for region_index, (region_start, region_end) in enumerate(regions):
        if region_index == 1:
            start, verb = -1, None
        for match in _COORDINATED.finditer(text, region_start, region_end):
            if _inside_quotes(text, match.start()):
                continue
            if start >= 0:
                pieces.append((verb, start, match.start()))
            verb = (match.group("verb") or match.group("adding")).strip()
            start = match.end()
        if start >= 0:
            pieces.append((verb, start, region_end))
    return pieces or [(attribution.verb, attribution.content_start, attribution.content_end)]


def _inside_quotes(text: str, position: int) -> bool:
    before = text[:position]
    return before.count(OPENING) > before.count(CLOSING) or before.count(STRAIGHT) % 2 == 1


def long_quote(text: str) -> bool:
    quotations = re.findall(rf"[{OPENING}\"]([^{CLOSING}\"]*)", text)
    return any(len(quoted.split()) >= CLAUSE_QUOTE_WORDS for quoted in quotations)
