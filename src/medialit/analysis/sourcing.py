"""Sourcing: who says what, how, and with which verb; and what the journalist asserts unattributed.

Deterministic: the same article always gives the same statements. The steps, paragraph by
paragraph:

1. the paragraph is read in its quotation view (doubled apostrophes as quotation marks, see
   :func:`~medialit.analysis.segment.quote_view`) and parsed once by spaCy (:mod:`medialit.language`);
2. it is cut into sentences with quotations kept whole (:mod:`.segment`);
3. each sentence's attributions come from the grammar (:mod:`.grammar`: a reporting verb, its
   subject and what it governs) and, where the grammar finds none, from the surface patterns of
   news English (:mod:`.patterns`);
4. a sentence with no attribution continues the last speaker when it opens with a quotation
   mark, continues an open quotation, or carries a clause-length quotation right after that
   speaker; otherwise it is the journalist's own voice;
5. each speaker's words are resolved to a source (:mod:`.resolve`); a news outlet that passes on
   someone's words is recorded as the relay, not the speaker.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from medialit.analysis import grammar, patterns
from medialit.analysis.attribution import Attribution, strip_span
from medialit.analysis.grammar import full_names, subject_person
from medialit.analysis.mentions import Mention, MentionForm, bare_word, named_in_full, parse_mention, source_type
from medialit.analysis.model import Source, Span, Statement
from medialit.analysis.resolve import TRIM, Resolver, SourceDraft
from medialit.analysis.segment import (
    CLOSING,
    OPENING,
    STRAIGHT,
    Sentence,
    closes_unopened,
    ends_inside_quote,
    quote_depth_changes,
    quote_view,
    split_sentences,
)
from medialit.analysis.verbs import stance_of
from medialit.analysis.vocabulary import QuoteType, SourceKind, SourceType
from medialit.article import Article
from medialit.ingest.lines import dateline
from medialit.language import parse_paragraphs

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class _Found:
    sentence: Sentence
    start: int
    end: int
    quote_type: QuoteType
    source: SourceDraft | None
    mention: Mention | None
    verb: str | None
    lemma: str | None
    attribution: tuple[int, int] | None
    relay_source: SourceDraft | None = None
    relay: tuple[int, int] | None = None


@dataclass(frozen=True)
class _Parsed:
    """One paragraph's parse and, for each of its tokens, whether it lies inside quotation marks."""

    doc: Doc
    quoted: list[bool]


def _parsed(doc: Doc | None, view: str, open_at_start: bool) -> _Parsed | None:
    if doc is None:
        return None
    inside = quote_depth_changes(view, open_at_start)
    return _Parsed(doc, [inside[token.idx] if token.idx < len(inside) else False for token in doc])


def _attributions(sentence: Sentence, parsed: _Parsed | None) -> list[Attribution]:
    """The sentence's attributions: the grammar's, else the surface patterns' (see the module docstring)."""
    text = sentence.text
    if (
        sentence.continues_quote
        and text.rstrip().endswith((CLOSING, STRAIGHT))
        and not re.search(rf"[{CLOSING}{STRAIGHT}][,.]?\s+\S", text)
    ):
        return []  # a quotation running on from the paragraph before, closed, with no attribution
    if parsed is not None:
        found = grammar.find_in_sentence(parsed.doc, parsed.quoted, sentence.start, sentence.end, text)
        if any(parse_mention(attribution.speaker_text, attribution.entity) is not None for attribution in found):
            return found
    pattern = patterns.find_attribution(text)
    if pattern is None or (parsed is not None and not grammar.confirms(parsed.doc, sentence.start, pattern)):
        return []
    if parsed is not None:
        entity = grammar.entity_at(parsed.doc, sentence.start + pattern.speaker_start, sentence.start + pattern.speaker_end)
        return [dataclasses.replace(pattern, entity=entity)]
    return [pattern]


def _pieces(text: str, attribution: Attribution) -> list[tuple[str | None, int, int, bool]]:
    """(verb, start, end, has its own attribution) for each piece of what one attribution reports."""
    if attribution.lemma is None:
        return [
            (verb, start, end, index == 0)
            for index, (verb, start, end) in enumerate(patterns.coordinated_pieces(text, attribution))
        ]
    pieces = [(attribution.verb, attribution.content_start, attribution.content_end, True)]
    pieces += [(None, start, end, False) for start, end in attribution.continued]
    return pieces


def _sentence_statements(
    sentence: Sentence,
    parsed: _Parsed | None,
    resolver: Resolver,
    last: SourceDraft | None,
    after_speaker: bool,
    topic: tuple[str, str] | None = None,
    people: dict[str, grammar.FullName] | None = None,
) -> list[_Found]:
    text = sentence.text
    base = sentence.start
    people = people or {}
    results: list[_Found] = []
    speakers: list[tuple[int, int, SourceDraft]] = []
    for attribution in _attributions(sentence, parsed):
        mention = parse_mention(attribution.speaker_text, attribution.entity)
        if mention is None:
            continue
        surname = bare_word(mention)
        if surname is not None and surname.casefold() in people:
            named = people[surname.casefold()]  # "Whitlow" is Dana Whitlow, named in P3
            mention = named_in_full(mention, named.name, named.title, named.role)
        if mention.form is MentionForm.PRONOUN and mention.text.lower() in ("he", "she") and topic is not None:
            person = parse_mention(topic[1], topic)
            known = resolver.find(person) if person is not None else None
            if person is not None and not (known and known.gender and mention.gender and known.gender != mention.gender):
                resolver.resolve(person)  # the person the sentence before was about, not the last speaker
        same = next(
            (source for start, end, source in speakers if start < attribution.speaker_end and attribution.speaker_start < end),
            None,
        )
        source = same if same is not None else resolver.resolve(mention)
        if same is not None:
            same.absorb(mention)  # "one Democrat familiar with the talks, who added …": one speaker
        speakers.append((attribution.speaker_start, attribution.speaker_end, source))
        relay_source = None
        relay_span = None
        if attribution.relay is not None:
            relay_mention = parse_mention(attribution.relay.speaker_text)
            if relay_mention is not None:
                relay_source = resolver.resolve(relay_mention)
                relay_span = (base + attribution.relay.start, base + attribution.relay.end)
                resolver.touch(source)
        span = (
            (base + attribution.verb_start, base + attribution.verb_end)
            if attribution.speaker_shared
            else (
                base + min(attribution.speaker_start, attribution.verb_start),
                base + max(attribution.speaker_end, attribution.verb_end),
            )
        )
        for verb, piece_start, piece_end, attributed in _pieces(text, attribution):
            start, end = strip_span(text, piece_start, piece_end)
            if end <= start:
                continue
            quoted = OPENING in text[start:end] or STRAIGHT in text[start:end]
            direct = quoted or (attributed and (attribution.direct or sentence.continues_quote))
            results.append(
                _Found(
                    sentence,
                    base + start,
                    base + end,
                    QuoteType.DIRECT if direct else QuoteType.INDIRECT,
                    source,
                    mention if attributed else None,
                    verb,
                    attribution.lemma if attributed else None,
                    span if attributed else None,
                    relay_source if attributed else None,
                    relay_span if attributed else None,
                )
            )
    if results:
        return results
    stripped = text.lstrip()
    opens_with_quote = stripped[:1] in (OPENING, STRAIGHT)
    continues = sentence.continues_quote or opens_with_quote or (after_speaker and patterns.long_quote(text))
    start, end = strip_span(text, 0, len(text))
    if continues and last is not None:
        resolver.touch(last)
        return [_Found(sentence, base + start, base + end, QuoteType.DIRECT, last, None, None, None, None)]
    return [_Found(sentence, base + start, base + end, QuoteType.JOURNALIST, None, None, None, None, None)]


def find_statements(article: Article) -> tuple[list[Statement], list[Source]]:
    """Every statement of the article with its source, and the sources with their counts."""
    resolver = Resolver()
    found: list[_Found] = []
    open_quote = False
    last: SourceDraft | None = None
    topic: tuple[str, str] | None = None
    """The person the last sentence was about, when it attributed nothing (see grammar.subject_person)."""
    views = [quote_view(paragraph.text) for paragraph in article.paragraphs]
    docs = parse_paragraphs(views)
    people = full_names(docs)
    for paragraph, view, doc in zip(article.paragraphs, views, docs, strict=True):
        # A quotation runs on into the next paragraph when that paragraph reopens it with a
        # quotation mark (the news convention) or, as some pages print it, closes it without
        # opening it first; any other paragraph starts outside quotation marks.
        reopens = view.lstrip()[:1] in (OPENING, STRAIGHT)
        continues = open_quote and (reopens or closes_unopened(view))
        open_at_start = continues and not reopens
        parsed = _parsed(doc, view, open_at_start)
        after_speaker = last is not None and bool(found) and found[-1].source is not None
        sentences = split_sentences(paragraph.n, view, open_at_start)
        if paragraph.n == 1 and sentences:
            sentences[0] = _after_dateline(sentences[0])
        if continues and sentences:
            sentences[0] = dataclasses.replace(sentences[0], continues_quote=True)
        for sentence in sentences:
            results = _sentence_statements(sentence, parsed, resolver, last, after_speaker, topic, people)
            for result in results:
                found.append(result)
                if result.source is not None:
                    last = result.source
                after_speaker = result.source is not None
            attributed = any(result.attribution is not None for result in results)
            topic = None if attributed or parsed is None else subject_person(parsed.doc, sentence.start, sentence.end)
        open_quote = ends_inside_quote(view, open_at_start)
    replaced = resolver.merge_descriptions()
    for item in found:
        if item.source is not None and item.source in replaced:
            item.source = replaced[item.source]
        if item.relay_source is not None and item.relay_source in replaced:
            item.relay_source = replaced[item.relay_source]
    return _finish(article, found)


def _after_dateline(sentence: Sentence) -> Sentence:
    """The first sentence without the dateline it opens with ("BUTTE, Mont. (AP) — "): that is where the
    story comes from, not something it states."""
    found = dateline(sentence.text)
    if found is None:
        return sentence
    cut = len(found.text)
    while cut < len(sentence.text) and sentence.text[cut].isspace():
        cut += 1
    if cut >= len(sentence.text):
        return sentence
    return dataclasses.replace(sentence, start=sentence.start + cut, text=sentence.text[cut:])


def _finish(article: Article, found: list[_Found]) -> tuple[list[Statement], list[Source]]:
    order: list[SourceDraft] = []
    for item in found:
        for source in (item.source, item.relay_source):
            if source is not None and source not in order:
                order.append(source)
    for number, source in enumerate(order, start=1):
        source.id = f"s{number}"
    total_words = article.body_words or 1
    kinds = {source.id: _kind(source) for source in order}
    types = {source.id: _type(source) for source in order}
    names = {source.id: source.name for source in order}
    statements: list[Statement] = []
    counts: dict[str, tuple[int, int]] = {}
    relays: dict[str, int] = {}
    for item in found:
        paragraph_text = article.paragraph(item.sentence.paragraph).text
        text = paragraph_text[item.start : item.end]
        if not text.strip():
            continue
        owner = item.source
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
        attribution = None
        if item.attribution is not None:
            a_start, a_end = item.attribution
            attribution = Span(paragraph=item.sentence.paragraph, start=a_start, end=a_end, text=paragraph_text[a_start:a_end])
        relay = None
        relayed_by = None
        if item.relay_source is not None and item.relay is not None and item.relay_source is not owner:
            r_start, r_end = item.relay
            relay = Span(paragraph=item.sentence.paragraph, start=r_start, end=r_end, text=paragraph_text[r_start:r_end])
            relayed_by = item.relay_source.id
            relays[relayed_by] = relays.get(relayed_by, 0) + 1
        verb = item.verb  # the quotation view differs from the text only in doubled apostrophes, never in a verb
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
                verb=verb.strip() if verb else None,
                verb_stance=stance_of(verb, item.lemma) if verb else None,
                mention=item.mention.text.strip(TRIM + ".") if item.mention else None,
                attribution=attribution,
                relayed_by=relayed_by,
                relay=relay,
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
            relays=relays.get(source.id, 0),
        )
        for source in order
    ]
    return statements, result_sources


def _distinct_mentions(source: SourceDraft) -> list[str]:
    seen: dict[str, str] = {}
    for mention in source.mentions:
        text = mention.text.strip(TRIM + ".")
        seen.setdefault(text.casefold() if mention.form is MentionForm.PRONOUN else text, text)
    return list(seen.values())


def _kind(source: SourceDraft) -> SourceKind:
    if source.form is MentionForm.PERSON:
        return SourceKind.NAMED
    first = next((m for m in source.mentions if m.form is not MentionForm.PRONOUN), source.mentions[0])
    return first.kind


def _type(source: SourceDraft) -> SourceType:
    texts = {m.text for m in source.mentions if m.form is not MentionForm.PRONOUN}
    texts |= {d for m in source.mentions for d in m.descriptions}
    text = " ".join(sorted(texts))
    return source_type(text, source.form, source.role)
