"""Sourcing: who says what, how, and with which verb; and what the journalist asserts unattributed.

Rule-based and deterministic. Each sentence (quotations kept whole, see :mod:`segment`) is read
against the attribution patterns of news English, in this order:

1. a quotation, then its attribution: ``“…,” said Helena Ivanov, a … expert`` / ``“…,” she said``;
2. ``according to X, …`` or ``…, according to X``;
3. content, then the attribution at the end: ``…, Vjosa Osmani claimed in an interview``;
4. the attribution first: ``Kosovo's president, Ms Osmani, claimed that …``, ``Serbia has denied that …``;
5. no attribution: a quotation that continues (a paragraph opening with quotation marks, or a
   quotation still open from the paragraph before) belongs to the last speaker; so does a sentence
   carrying a clause-length quotation right after that speaker's statement; anything else is the
   journalist's own voice.

Speakers are then resolved across mentions: the same surname is the same person; a definite
description ("the country's president") is the source with that role; "she"/"he" is the most
recent compatible speaker; an indefinite description ("a Carabinieri officer") is a new source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from medialit.analysis.mentions import FINITE_VERBS, Mention, MentionForm, name_or_description, parse_mention, source_type
from medialit.analysis.model import Source, Span, Statement
from medialit.analysis.segment import CLOSING, OPENING, STRAIGHT, Sentence, ends_inside_quote, split_sentences
from medialit.analysis.verbs import VERB_PATTERN, stance_of
from medialit.analysis.vocabulary import QuoteType, SourceKind, SourceType
from medialit.article import Article

CLAUSE_QUOTE_WORDS: Final = 6
"""A quotation this long, with no speaker, continues the previous speaker; shorter ones are labels ("This is Serbia")."""

MAX_SPEAKER_WORDS: Final = 14
_VERB: Final = VERB_PATTERN.pattern
_TRIM: Final = " \t,;:–—"
_END: Final = re.compile(r"[.?!]+[”\"’']*$")
_PREPOSITION_CUT: Final = re.compile(
    r"\s+(?:in|at|on|during|while|as|when|after|before|via|to|by|outside|inside|near|over|last|this|earlier|later|"
    r"yesterday|today|tonight|on\s+\w+day)\b.*$"
)


@dataclass
class Attribution:
    """Where, in a sentence, the statement and its attribution are (offsets into the sentence)."""

    content_start: int
    content_end: int
    verb: str | None
    verb_start: int
    verb_end: int
    speaker_text: str
    speaker_start: int
    speaker_end: int
    direct: bool

    @classmethod
    def of(
        cls,
        match: re.Match[str],
        content: tuple[int, int],
        *,
        direct: bool,
        offset: int = 0,
        who: str | None = None,
        verb_start: int | None = None,
    ) -> Attribution:
        """From a match with ``verb`` and ``who`` groups; positions shifted by ``offset``.

        ``who`` replaces the group's text when only its core names the speaker (the group starts
        at the same place); ``verb_start`` replaces the verb group's start (to include adverbs).
        """
        speaker = who if who is not None else match.group("who")
        speaker_start = offset + match.start("who")
        return cls(
            content[0],
            content[1],
            match.group("verb"),
            offset + match.start("verb") if verb_start is None else verb_start,
            offset + match.end("verb"),
            speaker,
            speaker_start,
            speaker_start + len(speaker),
            direct,
        )


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) past spaces, commas and outer quotation marks (a quote's own words)."""
    while start < end and text[start] in " ,;:–—":
        start += 1
    while end > start and text[end - 1] in " ,;:.–—":
        end -= 1
    if start < end and text[start] in (OPENING, STRAIGHT):
        body = text[start + 1 : end]
        if OPENING not in body and STRAIGHT not in body:
            start += 1
    while end > start and text[end - 1] in (CLOSING, STRAIGHT, ",", ".", " "):
        if text[end - 1] in (CLOSING, STRAIGHT) and (OPENING in text[start : end - 1] or STRAIGHT in text[start : end - 1]):
            break
        end -= 1
    return start, end


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


def _coordinated_pieces(text: str, attribution: Attribution) -> list[tuple[str | None, int, int]]:
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


def _long_quote(text: str) -> bool:
    quotations = re.findall(rf"[{OPENING}\"]([^{CLOSING}\"]*)", text)
    return any(len(quoted.split()) >= CLAUSE_QUOTE_WORDS for quoted in quotations)


@dataclass(eq=False)
class _Source:
    """One speaker as the resolver builds it up from mentions.

    Compared by identity: two sources with the same mentions so far ("they" in two paragraphs,
    each with no one to refer to) are still two sources, and each must be numbered.
    """

    id: str
    mentions: list[Mention] = field(default_factory=list)
    surname: str | None = None
    full_name: str | None = None
    title: str | None = None
    gender: str | None = None
    role: str | None = None
    affiliation: str | None = None
    form: MentionForm = MentionForm.DESCRIPTION
    keys: set[str] = field(default_factory=set)
    """Normalised texts of the non-pronoun mentions, for matching in constant time."""

    def absorb(self, mention: Mention) -> None:
        self.mentions.append(mention)
        if mention.form is not MentionForm.PRONOUN:
            self.keys.add(_normalise(mention.text))
        if mention.form is MentionForm.PRONOUN:
            self.gender = self.gender or mention.gender
            return
        if mention.form is MentionForm.PERSON:
            self.form = MentionForm.PERSON
            self.surname = self.surname or mention.surname
            self.full_name = self.full_name or mention.full_name
            self.title = self.title or mention.title
        elif self.form is not MentionForm.PERSON and not self.mentions[:-1]:
            self.form = mention.form
        self.gender = self.gender or mention.gender
        self.role = self.role or mention.role
        self.affiliation = self.affiliation or mention.affiliation

    @property
    def name(self) -> str:
        if self.form is MentionForm.PERSON:
            named = next(m for m in self.mentions if m.form is MentionForm.PERSON)
            return self.full_name or name_or_description(named)
        first = next((m for m in self.mentions if m.form is not MentionForm.PRONOUN), self.mentions[0])
        return first.text.strip(_TRIM + ".")

    def role_head(self) -> str | None:
        return self.role.lower().split()[-1] if self.role else None


def _role_head(mention: Mention) -> str | None:
    return mention.role.lower().split()[-1] if mention.role else None


def _is_definite(mention: Mention) -> bool:
    return not re.match(r"^(?:a|an|one|another|two|three|several|some|many)\b", mention.text.strip(), re.I)


class _Resolver:
    """Assigns each mention to a source, creating sources as new speakers appear."""

    def __init__(self) -> None:
        self.sources: list[_Source] = []
        self.recent: list[_Source] = []

    def _new(self, mention: Mention) -> _Source:
        source = _Source(id="", form=mention.form)
        source.absorb(mention)
        self.sources.append(source)
        return source

    def resolve(self, mention: Mention) -> _Source:
        found = self._find(mention)
        if found is None:
            found = self._new(mention)
        else:
            found.absorb(mention)
        if found in self.recent:
            self.recent.remove(found)
        self.recent.append(found)
        return found

    def _find(self, mention: Mention) -> _Source | None:
        if mention.form is MentionForm.PRONOUN:
            wanted_group = mention.text.lower() in ("they", "it")
            for source in reversed(self.recent):
                is_group = source.form in (MentionForm.GROUP, MentionForm.ORGANISATION)
                if is_group != wanted_group:
                    continue
                if mention.gender and source.gender and mention.gender != source.gender:
                    continue
                return source
            return None
        if mention.form is MentionForm.PERSON:
            for source in self.sources:
                if source.surname and mention.surname and source.surname.casefold() == mention.surname.casefold():
                    return source
            return None  # a description met before the name is folded in at the end, knowing every role
        key = _normalise(mention.text)
        for source in self.sources:
            if key in source.keys:
                return source
        if mention.form is MentionForm.ORGANISATION and mention.affiliation:
            for source in self.sources:
                if (
                    source.form is MentionForm.ORGANISATION
                    and source.affiliation
                    and _normalise(source.affiliation) == _normalise(mention.affiliation)
                ):
                    return source
        if mention.form is MentionForm.DESCRIPTION and _is_definite(mention):
            head = _role_head(mention)
            for source in reversed(self.recent + [s for s in self.sources if s not in self.recent]):
                if head and source.role_head() == head and source.form in (MentionForm.PERSON, MentionForm.DESCRIPTION):
                    return source
        return None

    def merge_descriptions(self) -> dict[str, _Source]:
        """Fold a definite description met before its person's name into that person (cataphora)."""
        replaced: dict[str, _Source] = {}
        for source in list(self.sources):
            if source.form is not MentionForm.DESCRIPTION or not _is_definite(source.mentions[0]):
                continue
            head = source.role_head()
            candidates = [
                s for s in self.sources if s is not source and s.form is MentionForm.PERSON and head and s.role_head() == head
            ]
            description = source.mentions[0].text
            # The person the description names by affiliation ("Kosovo's president"), else the one
            # the article quotes most: a bare "the president" points at the story's main voice.
            candidates.sort(key=lambda s: (bool(s.affiliation and s.affiliation in description), len(s.mentions)), reverse=True)
            target = candidates[0] if candidates else None
            if target is not None:
                target.mentions[:0] = source.mentions
                target.keys |= source.keys
                self.sources.remove(source)
                replaced[str(id(source))] = target
        return replaced


def _normalise(text: str) -> str:
    text = re.sub(r"^(?:the|a|an|one)\s+", "", text.strip(_TRIM + ".").lower())
    return re.sub(r"\s+", " ", text)


@dataclass
class _Found:
    sentence: Sentence
    start: int
    end: int
    quote_type: QuoteType
    source: _Source | None
    mention: Mention | None
    verb: str | None
    attribution: tuple[int, int] | None


def _sentence_statements(sentence: Sentence, resolver: _Resolver, last: _Source | None, after_speaker: bool) -> list[_Found]:
    text = sentence.text
    base = sentence.start
    attribution = (
        None
        if sentence.continues_quote
        and text.rstrip().endswith((CLOSING, STRAIGHT))
        and not re.search(rf"[{CLOSING}{STRAIGHT}][,.]?\s+\S", text)
        else find_attribution(text)
    )
    if attribution is not None:
        mention = parse_mention(attribution.speaker_text)
        if mention is not None:
            source = resolver.resolve(mention)
            span = (
                base + min(attribution.speaker_start, attribution.verb_start),
                base + max(attribution.speaker_end, attribution.verb_end),
            )
            pieces = _coordinated_pieces(text, attribution)
            results = []
            for index, (verb, piece_start, piece_end) in enumerate(pieces):
                start, end = _strip_span(text, piece_start, piece_end)
                if end <= start:
                    continue
                quoted = OPENING in text[start:end] or STRAIGHT in text[start:end]
                direct = quoted or (index == 0 and (attribution.direct or sentence.continues_quote))
                results.append(
                    _Found(
                        sentence,
                        base + start,
                        base + end,
                        QuoteType.DIRECT if direct else QuoteType.INDIRECT,
                        source,
                        mention if index == 0 else None,
                        verb,
                        span if index == 0 else None,
                    )
                )
            if results:
                return results
    stripped = text.lstrip()
    opens_with_quote = stripped[:1] in (OPENING, STRAIGHT)
    continues = sentence.continues_quote or opens_with_quote or (after_speaker and _long_quote(text))
    start, end = _strip_span(text, 0, len(text))
    if continues and last is not None:
        if last in resolver.recent:
            resolver.recent.remove(last)
        resolver.recent.append(last)
        return [_Found(sentence, base + start, base + end, QuoteType.DIRECT, last, None, None, None)]
    return [_Found(sentence, base + start, base + end, QuoteType.JOURNALIST, None, None, None, None)]


def find_statements(article: Article) -> tuple[list[Statement], list[Source]]:
    """Every statement of the article with its source, and the sources with their counts."""
    resolver = _Resolver()
    found: list[_Found] = []
    open_quote = False
    last: _Source | None = None
    for paragraph in article.paragraphs:
        after_speaker = last is not None and bool(found) and found[-1].source is not None
        for sentence in split_sentences(paragraph.n, paragraph.text, open_quote):
            results = _sentence_statements(sentence, resolver, last, after_speaker)
            for result in results:
                found.append(result)
                if result.source is not None:
                    last = result.source
                after_speaker = result.source is not None
        open_quote = ends_inside_quote(paragraph.text, open_quote)
    replaced = resolver.merge_descriptions()
    for item in found:
        if item.source is not None and str(id(item.source)) in replaced:
            item.source = replaced[str(id(item.source))]
    return _finish(article, found, resolver.sources)


def _finish(article: Article, found: list[_Found], sources: list[_Source]) -> tuple[list[Statement], list[Source]]:
    order: list[_Source] = []
    for item in found:
        if item.source is not None and item.source not in order:
            order.append(item.source)
    for number, source in enumerate(order, start=1):
        source.id = f"s{number}"
    total_words = sum(len(p.text.split()) for p in article.paragraphs) or 1
    kinds = {source.id: _kind(source) for source in order}
    types = {source.id: _type(source) for source in order}
    names = {source.id: source.name for source in order}
    statements: list[Statement] = []
    counts: dict[str, tuple[int, int]] = {}
    for item in found:
        paragraph_text = article.paragraph(item.sentence.paragraph).text
        text = paragraph_text[item.start : item.end]
        if not text.strip():
            continue
        owner = item.source
        attribution = None
        if item.attribution is not None:
            a_start, a_end = item.attribution
            attribution = Span(paragraph=item.sentence.paragraph, start=a_start, end=a_end, text=paragraph_text[a_start:a_end])
        verb = item.verb.strip() if item.verb else None
        if owner is None:
            statements.append(
                Statement(
                    paragraph=item.sentence.paragraph,
                    start=item.start,
                    end=item.end,
                    text=text,
                    source_id=None,
                    speaker=None,
                    speaker_type=SourceType.JOURNALIST,
                    named=False,
                    kind=None,
                    quote_type=QuoteType.JOURNALIST,
                    verb=None,
                    verb_stance=None,
                )
            )
            continue
        kind = kinds[owner.id]
        statements.append(
            Statement(
                paragraph=item.sentence.paragraph,
                start=item.start,
                end=item.end,
                text=text,
                source_id=owner.id,
                speaker=names[owner.id],
                speaker_type=types[owner.id],
                named=kind is SourceKind.NAMED,
                kind=kind,
                quote_type=item.quote_type,
                verb=verb,
                verb_stance=stance_of(verb) if verb else None,
                mention=item.mention.text.strip(_TRIM + ".") if item.mention else None,
                attribution=attribution,
            )
        )
        count, words = counts.get(owner.id, (0, 0))
        counts[owner.id] = (count + 1, words + len(text.split()))
    result_sources = [
        Source(
            id=source.id,
            name=names[source.id],
            mentions=_distinct_mentions(source),
            kind=kinds[source.id],
            type=types[source.id],
            role=source.role,
            affiliation=source.affiliation,
            gender=source.gender,
            statements=counts.get(source.id, (0, 0))[0],
            words=counts.get(source.id, (0, 0))[1],
            share=round(counts.get(source.id, (0, 0))[1] / total_words, 4),
        )
        for source in order
    ]
    return statements, result_sources


def _distinct_mentions(source: _Source) -> list[str]:
    seen: dict[str, str] = {}
    for mention in source.mentions:
        text = mention.text.strip(_TRIM + ".")
        seen.setdefault(text.casefold() if mention.form is MentionForm.PRONOUN else text, text)
    return list(seen.values())


def _kind(source: _Source) -> SourceKind:
    if source.form is MentionForm.PERSON:
        return SourceKind.NAMED
    first = next((m for m in source.mentions if m.form is not MentionForm.PRONOUN), source.mentions[0])
    return first.kind


def _type(source: _Source) -> SourceType:
    texts = {m.text for m in source.mentions if m.form is not MentionForm.PRONOUN}
    texts |= {d for m in source.mentions for d in m.descriptions}
    text = " ".join(sorted(texts))
    return source_type(text, source.form, source.role)
