"""Attributions read from the grammar: a reporting verb, its subject and its complement in spaCy's parse.

For each sentence the finder looks for reporting verbs outside quotation marks ("said", "told",
"according to", "warned" … see :data:`~medialit.analysis.verbs.CUE_LEMMAS`) and reads, from the
dependency parse:

- **who**: the verb's subject (``Experts say …``); the agent of a passive (``was told by X``);
  the subject of the verb it continues (``…, saying …``, ``… and added …``); the noun a relative
  clause hangs on (``Declan Foy, who told me …``); the object of "according to";
- **what**: the verb's clausal complement (``said [that the plan was dead]``); or, when the verb
  is an aside (``The plan, she said, was …``, ``…, according to two officials``), the rest of
  the sentence; or the quotation beside it (``“…,” she said``).

A reporting verb inside another's content (``The Montana Standard reports the governor told
lawmakers …``) is reported speech inside reported speech: when the outer speaker is a news outlet
the inner speaker is the source and the outlet only **relays** the words; otherwise the outer
attribution stands for the whole. Offsets in the returned attributions are into the sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from medialit.analysis.attribution import Attribution, Relay, strip_span
from medialit.analysis.mentions import is_news_outlet
from medialit.analysis.segment import CLOSING, OPENING, STRAIGHT
from medialit.analysis.verbs import CUE_LEMMAS, TAKES_INFINITIVE

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

QUOTE_MARKS: Final = frozenset({OPENING, CLOSING, STRAIGHT})
SUBJECTS: Final = frozenset({"nsubj", "csubj"})
CONTENT_CLAUSES: Final = frozenset({"ccomp"})
ASIDE: Final = frozenset({"parataxis", "ccomp", "advcl", "conj"})
"""Relations by which a reporting verb without a complement hangs on the clause it reports."""
CONTINUED_SUBJECT: Final = frozenset({"conj", "advcl", "xcomp"})
"""Relations by which a verb with no subject of its own shares its head's (``… and added``, ``…, saying``)."""
RELATIVE: Final = frozenset({"who", "which", "that", "whom"})
ATTRIBUTION_PARTS: Final = frozenset(
    {"aux", "auxpass", "neg", "advmod", "npadvmod", "prep", "agent", "dative", "prt", "punct", "cc", "mark", "dobj"}
)
"""Children of a reporting verb that belong to the attribution, not to what was said."""
NOT_SPEAKERS: Final = frozenset({"i", "we", "me", "us", "it", "there", "this", "that", "what", "which"})
"""Subjects that name no source here: the writer ("I said"), a dummy "it" ("it was reported")."""


@dataclass(frozen=True)
class Cue:
    """A reporting verb found in the parse, with its sentence's tokens."""

    verb: Token
    tokens: Sequence[Token]
    quoted: Sequence[bool]
    """For each token of the paragraph's doc, whether it lies inside quotation marks."""


def _in_sentence(token: Token, first: int, last: int) -> bool:
    return first <= token.i <= last


def _is_cue(token: Token) -> bool:
    if token.lower_ == "according":
        return any(child.lower_ == "to" for child in token.children) or (
            token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"
        )
    if token.pos_ not in ("VERB", "AUX") or token.dep_ in ("amod", "compound", "acomp"):
        return False
    return token.lemma_.lower() in CUE_LEMMAS


def _subject(verb: Token, first: int, last: int, depth: int = 0) -> Token | None:
    """The token that names who is speaking, or None."""
    if verb.lower_ == "according":
        to = next((c for c in verb.children if c.lower_ == "to"), None)
        if to is None and verb.i + 1 <= last and verb.doc[verb.i + 1].lower_ == "to":
            to = verb.doc[verb.i + 1]
        if to is None:
            return None
        return next((c for c in to.children if c.dep_ == "pobj"), None)
    for child in verb.children:
        if child.dep_ in SUBJECTS and _in_sentence(child, first, last):
            if child.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head if _in_sentence(verb.head, first, last) else None
            return child
    if any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children):
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        return None
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head if _in_sentence(verb.head, first, last) else None
    if depth < 3 and verb.dep_ in CONTINUED_SUBJECT and verb.head is not verb and _in_sentence(verb.head, first, last):
        if verb.dep_ == "advcl" and (verb.tag_ != "VBG" or any(c.dep_ == "mark" for c in verb.children)):
            return None  # "…, when she said": a clause of its own, not the head's subject speaking
        return _subject(verb.head, first, last, depth + 1)
    return None


def _speaker_tokens(subject: Token, verb: Token, first: int, last: int) -> list[Token]:
    """The subject's phrase, without a relative clause and never reaching the verb."""
    tokens = [subject]
    for child in subject.children:
        if child.dep_ in ("relcl", "acl") or verb in child.subtree:
            continue
        tokens.extend(t for t in child.subtree if _in_sentence(t, first, last))
    tokens.sort(key=lambda t: t.i)
    # keep the contiguous run around the subject itself
    start = end = tokens.index(subject)
    while start > 0 and tokens[start - 1].i == tokens[start].i - 1:
        start -= 1
    while end + 1 < len(tokens) and tokens[end + 1].i == tokens[end].i + 1:
        end += 1
    run = tokens[start : end + 1]
    while run and run[-1].is_punct and run[-1] is not subject:
        run.pop()
    while run and run[0].is_punct and run[0] is not subject:
        run.pop(0)
    return run


def _verb_tokens(verb: Token) -> list[Token]:
    """The verb as printed: with its auxiliaries and a particle ("has denied", "pointed out")."""
    parts = [verb]
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and child.i < verb.i and child.lower_ not in ("to",):
            parts.append(child)
        elif child.dep_ == "prt" and child.i == verb.i + 1:
            parts.append(child)
        elif verb.lower_ == "according" and child.lower_ == "to":
            parts.append(child)
    if verb.lower_ == "according" and len(parts) == 1 and verb.i + 1 < len(verb.doc):
        parts.append(verb.doc[verb.i + 1])
    parts.sort(key=lambda t: t.i)
    first = parts[0].i
    return [t for t in verb.doc[first : parts[-1].i + 1]]


def _content_tokens(cue: Cue, subject: Token, first: int, last: int) -> set[int]:
    """Indices of the tokens that carry what was said."""
    verb = cue.verb
    doc = verb.doc
    if verb.lower_ == "according":
        excluded = {t.i for t in verb.subtree}
        return {i for i in range(first, last + 1) if i not in excluded}
    clauses = [c for c in verb.children if c.dep_ in CONTENT_CLAUSES and _in_sentence(c, first, last)]
    if verb.lemma_.lower() in TAKES_INFINITIVE:
        clauses += [c for c in verb.children if c.dep_ == "xcomp" and _in_sentence(c, first, last)]
    if clauses:
        return {t.i for clause in clauses for t in clause.subtree if _in_sentence(t, first, last)}
    head = verb.head
    if verb.dep_ in ASIDE and head is not verb and _in_sentence(head, first, last) and head.i not in {t.i for t in subject.subtree}:
        excluded = {t.i for t in verb.subtree}
        return {t.i for t in head.subtree if t.i not in excluded and _in_sentence(t, first, last)}
    # "“…,” she said" with the quotation left outside the verb's clause: the quoted words around it.
    speaker = {t.i for t in subject.subtree} | {verb.i}
    quoted = {i for i in range(first, last + 1) if cue.quoted[i] and i not in speaker}
    words = [i for i in quoted if not doc[i].is_punct]
    return quoted if words else set()


def _runs(indices: Iterable[int]) -> list[tuple[int, int]]:
    """Contiguous runs of token indices, as (first, last) pairs."""
    runs: list[tuple[int, int]] = []
    for index in sorted(indices):
        if runs and index == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    return runs


def _char_span(doc: Doc, first: int, last: int, offset: int) -> tuple[int, int]:
    return doc[first].idx - offset, doc[last].idx + len(doc[last].text) - offset


def _merge_runs(runs: list[tuple[int, int]], doc: Doc, skip: set[int]) -> list[tuple[int, int]]:
    """Runs separated only by punctuation (or tokens of no attribution) are one piece of content."""
    merged: list[tuple[int, int]] = []
    for run in runs:
        if merged:
            gap = range(merged[-1][1] + 1, run[0])
            if all(doc[i].is_punct or doc[i].is_space for i in gap) and not (set(gap) & skip):
                merged[-1] = (merged[-1][0], run[1])
                continue
        merged.append(run)
    return merged


def _quotations(cue: Cue, first: int, last: int) -> list[set[int]]:
    """The sentence's quotations, each as the indices of its tokens (marks included)."""
    regions: list[set[int]] = []
    for index in range(first, last + 1):
        if cue.quoted[index]:
            if regions and index - 1 in regions[-1]:
                regions[-1].add(index)
            else:
                regions.append({index})
    return regions


def _with_quotations(content: set[int], cue: Cue, first: int, last: int, attribution: set[int]) -> set[int]:
    """Content widened to whole quotations: a quotation the content reaches is all the speaker's words.

    The parse sees one sentence at a time, so ``“A. B,” she said`` gives only B as the verb's
    complement; and in ``“A,” she said, “B.”`` the second half may hang anywhere. When the content
    is quoted, every quotation of the sentence outside the attribution belongs to it.
    """
    regions = [region for region in _quotations(cue, first, last) if not region & attribution]
    widened = set(content)
    for region in regions:
        if region & content:
            widened |= region
    words = [i for i in widened if not cue.verb.doc[i].is_punct]
    quoted_words = [i for i in words if cue.quoted[i]]
    if words and len(quoted_words) * 2 >= len(words):
        for region in regions:
            widened |= region
    return widened


def _attribution(cue: Cue, first: int, last: int, offset: int, text: str) -> Attribution | None:
    verb = cue.verb
    doc = verb.doc
    subject = _subject(verb, first, last)
    if subject is None or cue.quoted[subject.i] or subject.lower_ in NOT_SPEAKERS:
        return None
    speaker_tokens = _speaker_tokens(subject, verb, first, last)
    verb_tokens = _verb_tokens(verb)
    attribution_tokens = {t.i for t in speaker_tokens} | {t.i for t in verb_tokens}
    content = _with_quotations(_content_tokens(cue, subject, first, last), cue, first, last, attribution_tokens)
    content -= attribution_tokens
    content -= {i for i in content if doc[i].dep_ == "mark" and doc[i].head.i in content and i < doc[i].head.i and not cue.quoted[i]}
    if not any(not doc[i].is_punct for i in content):
        return None
    runs = _merge_runs(_runs(content), doc, attribution_tokens)
    pieces = []
    for run_first, run_last in runs:
        start, end = strip_span(text, *_char_span(doc, run_first, run_last, offset))
        if end > start and any(ch.isalnum() for ch in text[start:end]):
            pieces.append((start, end))
    if not pieces:
        return None
    speaker_start, speaker_end = _char_span(doc, speaker_tokens[0].i, speaker_tokens[-1].i, offset)
    verb_start, verb_end = _char_span(doc, verb_tokens[0].i, verb_tokens[-1].i, offset)
    main, *rest = pieces
    first_token = doc.char_span(offset + main[0], offset + main[1], alignment_mode="expand")
    quoted = any(mark in text[main[0] : main[1]] for mark in QUOTE_MARKS) or (
        first_token is not None and len(first_token) > 0 and cue.quoted[first_token[0].i]
    )
    return Attribution(
        content_start=main[0],
        content_end=main[1],
        verb=text[verb_start:verb_end],
        verb_start=verb_start,
        verb_end=verb_end,
        speaker_text=text[speaker_start:speaker_end],
        speaker_start=speaker_start,
        speaker_end=speaker_end,
        direct=quoted,
        continued=tuple(rest),
        entity=_entity(subject),
        lemma="according to" if verb.lower_ == "according" else verb.lemma_.lower(),
    )


def _entity(subject: Token) -> tuple[str, str] | None:
    """The named entity the speaker's head word belongs to: (label, text), e.g. ("PERSON", "Sergei Lavrov")."""
    if not subject.ent_type_:
        return None
    doc = subject.doc
    for entity in doc.ents:
        if entity.start <= subject.i < entity.end:
            return entity.label_, entity.text
    return None


def find_in_sentence(doc: Doc, quoted: Sequence[bool], start: int, end: int, text: str) -> list[Attribution]:
    """Every attribution the parse shows in the sentence at characters [start, end) of ``doc``'s text.

    ``quoted`` says, for each token of ``doc``, whether it is inside quotation marks; ``text`` is
    the sentence's text (in the paragraph's quotation view). Attributions come in text order;
    one nested in another's content is left out, or becomes a relay when the outer speaker is a
    news outlet.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    first, last = span[0].i, span[-1].i
    found: list[tuple[Token, Attribution]] = []
    for token in span:
        if quoted[token.i] or not _is_cue(token):
            continue
        attribution = _attribution(Cue(token, span, quoted), first, last, start, text)
        if attribution is not None:
            found.append((token, attribution))
    return _outermost(found)


def _outermost(found: list[tuple[Token, Attribution]]) -> list[Attribution]:
    """Drop attributions inside another's content; an outlet's report of someone's words is a relay."""
    kept: list[Attribution] = []
    for _verb, attribution in found:
        outer = next(
            (
                other
                for other_verb, other in found
                if other is not attribution and other.content_start <= attribution.verb_start < other.content_end
            ),
            None,
        )
        if outer is None:
            kept.append(attribution)
    result: list[Attribution] = []
    for attribution in kept:
        inner = [
            other
            for _, other in found
            if other is not attribution
            and attribution.content_start <= other.speaker_start
            and other.content_end <= attribution.content_end
        ]
        if inner and is_news_outlet(attribution.speaker_text):
            first_inner = min(inner, key=lambda a: a.speaker_start)
            result.append(
                first_inner.relayed(
                    Relay(
                        attribution.speaker_text,
                        attribution.speaker_start,
                        attribution.speaker_end,
                        attribution.verb or "",
                        attribution.verb_start,
                        attribution.verb_end,
                    )
                )
            )
        else:
            result.append(attribution)
    result.sort(key=lambda a: a.content_start)
    return _without_overlaps(result)


def _without_overlaps(attributions: list[Attribution]) -> list[Attribution]:
    """Two attributions whose contents overlap: keep the first (the parse attached one inside the other)."""
    kept: list[Attribution] = []
    for attribution in attributions:
        if kept and attribution.content_start < kept[-1].content_end:
            continue
        kept.append(attribution)
    return kept
