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

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from medialit.analysis.attribution import Attribution, Relay, strip_span
from medialit.analysis.mentions import TITLES, is_news_outlet
from medialit.analysis.segment import CLOSING, OPENING, STRAIGHT
from medialit.analysis.verbs import CUE_LEMMAS, OBJECT_CUES, TAKES_INFINITIVE

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

QUOTE_MARKS: Final = frozenset({OPENING, CLOSING, STRAIGHT})
SUBJECTS: Final = frozenset({"nsubj", "csubj"})
CONTENT_CLAUSES: Final = frozenset({"ccomp"})
ASIDE: Final = frozenset({"parataxis", "ccomp", "advcl", "conj"})
"""Relations by which a reporting verb without a complement hangs on the clause it reports."""
CONTINUED_SUBJECT: Final = frozenset({"conj", "advcl", "xcomp"})
"""Relations by which a verb with no subject of its own shares its head's (``… and added``, ``…, saying``)."""
CARRIERS: Final = frozenset({"go", "continue", "begin", "start", "seem", "appear", "try", "want", "rush", "hasten"})
"""Verbs that carry a reporting verb in their infinitive (``went on to say``, ``continued to insist``);
not "declined" or "refused", which report that nothing was said."""
RELATIVE: Final = frozenset({"who", "which", "that", "whom"})
ATTRIBUTION_PARTS: Final = frozenset(
    {"aux", "auxpass", "neg", "advmod", "npadvmod", "prep", "agent", "dative", "prt", "punct", "cc", "mark", "dobj"}
)
"""Children of a reporting verb that belong to the attribution, not to what was said."""
NOT_SPEAKERS: Final = frozenset({"i", "we", "me", "us", "there", "this", "that", "what", "which"})
"""Subjects that name no source here: the writer ("I said"), a dummy "it" ("it was reported")."""


@dataclass(frozen=True)
class Cue:
    """A reporting verb found in the parse, with its sentence's tokens."""

    verb: Token
    tokens: Span
    quoted: Sequence[bool]
    """For each token of the paragraph's doc, whether it lies inside quotation marks."""


def _blank(token: Token) -> bool:
    """Punctuation or white space: nothing a statement says."""
    return token.is_punct or token.is_space


def _in_sentence(token: Token, first: int, last: int) -> bool:
    return first <= token.i <= last


def _is_cue(token: Token) -> bool:
    """A reporting verb, not negated ("did not say" attributes nothing), or "according to"."""
    if token.lower_ == "according":
        return any(child.lower_ == "to" for child in token.children) or (
            token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"
        )
    if token.pos_ not in ("VERB", "AUX") or token.dep_ in ("amod", "compound", "acomp"):
        return False
    if any(child.dep_ == "neg" for child in token.children):
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
                return _described(verb.head, first, last)
            return child
    if any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children):
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        return None
    if (verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG")) and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return _described(verb.head, first, last)  # "a statement saying …"; but "cuts proposed for parks" were proposed
    if (
        depth < 3
        and verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and verb.head.dep_ == "prep"
        and _in_sentence(verb.head.head, first, last)
    ):
        return _subject(verb.head.head, first, last, depth + 1)  # "… by saying that …", "after telling reporters …"
    if depth < 3 and verb.dep_ in CONTINUED_SUBJECT and verb.head.i != verb.i and _in_sentence(verb.head, first, last):
        if verb.dep_ == "advcl" and (verb.tag_ != "VBG" or any(c.dep_ == "mark" for c in verb.children)):
            return None  # "…, when she said": a clause of its own, not the head's subject speaking
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() not in CARRIERS and not _is_cue(verb.head):
            return None  # "working to deny him the path": not a way of saying
        return _subject(verb.head, first, last, depth + 1)
    return None


ANONYMITY: Final = frozenset(
    {"named", "anonymity", "identified", "authorized", "authorised", "record", "publicly", "name", "identify"}
)
"""Words of a clause that says why a source is unnamed ("who asked not to be named")."""


SETTING_PREPOSITIONS: Final = frozenset({"in", "at", "on", "during", "after", "before", "outside", "inside", "near"})
"""Prepositions that place a named speaker rather than describe them."""


def _phrase(token: Token, verb: Token, first: int, last: int) -> list[Token]:
    """``token`` and its dependents, leaving out relative clauses (but a clause that says why the
    source is unnamed, "who spoke on condition of anonymity"), a named speaker's setting, and
    anything holding the verb. Walked with a stack: a sentence may nest hundreds deep."""
    holding = {verb.i} | {ancestor.i for ancestor in verb.ancestors}
    tokens: list[Token] = []
    stack = [token]
    while stack:
        current = stack.pop()
        tokens.append(current)
        for child in current.children:
            if child.i in holding or not _in_sentence(child, first, last):
                continue
            if child.dep_ == "relcl" and not {t.lower_ for t in child.subtree} & ANONYMITY:
                continue
            if child.dep_ == "prep" and child.lower_ in SETTING_PREPOSITIONS and current.ent_type_ == "PERSON":
                continue  # "President Osmani in Pristina, where …": where she spoke, not who she is
            stack.append(child)
    return tokens


def _described(noun: Token, first: int, last: int) -> Token | None:
    """The person a relative clause describes: the noun it hangs on, or the noun that noun's phrase belongs to.

    ``one Democrat familiar with the discussion, who added …``: the parse may hang "who added" on
    "discussion"; the speaker is the Democrat.
    """
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        holder = noun.head.head
        while holder.pos_ == "ADJ" and holder.dep_ in ("amod", "acomp") and holder.head.i != holder.i:
            holder = holder.head
        if holder.pos_ not in ("NOUN", "PROPN"):
            break
        noun = holder
    return noun if _in_sentence(noun, first, last) else None


TITLE_NOUNS: Final = frozenset({"PROPN", "NOUN", "ADJ"})


def _across_abbreviation(run: list[Token], first: int) -> list[Token]:
    """The speaker's phrase, with the words the parse cut off at a title's full stop.

    The parser may end a sentence at "Capt." in "Harrow Bay Fire Rescue spokesperson Capt. Luis
    Ferreira said …", leaving only "Luis Ferreira" as the subject; the words before belong to it.
    """
    if not run:
        return run
    doc = run[0].doc
    index = run[0].i - 1
    if index < first or not (doc[index].text == "." or doc[index].text.endswith(".")):
        return run
    extra: list[Token] = []
    while index >= first and (doc[index].pos_ in TITLE_NOUNS or doc[index].text in (".", "-", "’s", "'s")):
        extra.append(doc[index])
        index -= 1
    return [*reversed(extra), *run] if any(t.pos_ in TITLE_NOUNS for t in extra) else run


def _speaker_tokens(subject: Token, verb: Token, first: int, last: int) -> list[Token]:
    """The subject's phrase, without a relative clause and never reaching the verb."""
    tokens = sorted(_phrase(subject, verb, first, last), key=lambda t: t.i)
    # keep the contiguous run around the subject itself
    start = end = tokens.index(subject)
    while start > 0 and tokens[start - 1].i == tokens[start].i - 1:
        start -= 1
    while end + 1 < len(tokens) and tokens[end + 1].i == tokens[end].i + 1:
        end += 1
    run = tokens[start : end + 1]
    run = _across_abbreviation(run, first)
    while run and (_blank(run[-1]) or run[-1].dep_ == "cc") and run[-1].i != subject.i:
        run.pop()
    while run and _blank(run[0]) and run[0].i != subject.i:
        run.pop(0)
    return run


def _verb_tokens(verb: Token) -> list[Token]:
    """The verb as printed: with its auxiliaries and a particle ("has denied", "pointed out")."""
    parts = [verb]
    for child in verb.children:
        between = verb.doc[child.i + 1 : verb.i]
        if (
            (
                child.dep_ in ("aux", "auxpass", "neg")
                and child.i < verb.i
                and child.lower_ not in ("to",)
                and verb.i - child.i <= 4
                and not any(_blank(t) for t in between)
            )
            or (child.dep_ == "prt" and child.i == verb.i + 1)
            or (verb.lower_ == "according" and child.lower_ == "to")
        ):
            parts.append(child)
    if verb.lower_ == "according" and len(parts) == 1 and verb.i + 1 < len(verb.doc):
        parts.append(verb.doc[verb.i + 1])
    parts.sort(key=lambda t: t.i)
    first = parts[0].i
    return [t for t in verb.doc[first : parts[-1].i + 1]]


def trailing_start(verb: Token, subject: Token, first: int, last: int) -> int | None:
    """Where a trailing attribution begins (``…, department spokesperson Kira Delgado said.``), or None.

    The attribution closes the sentence: a comma or a closing quotation mark before it, and after
    the verb nothing but its own modifiers ("on Friday", "in a statement"). Everything before it is
    what was said, however the parse hung the two together.
    """
    if verb.lower_ == "according" or subject.i < first:
        return None
    speaker = _speaker_tokens(subject, verb, first, last)
    start = min(speaker[0].i, verb.i) if speaker else verb.i
    before = start - 1
    while before >= first and verb.doc[before].is_space:
        before -= 1
    if before < first or verb.doc[before].text not in (",", CLOSING, STRAIGHT, "''", "—", "–"):
        return None
    modifiers = {
        t.i
        for c in verb.children
        if c.i > verb.i and c.dep_ in ("prep", "npadvmod", "advmod", "agent", "dative")
        for t in c.subtree
    }
    if verb.lemma_.lower() in ("tell", "ask"):
        modifiers |= {t.i for c in verb.children if c.i > verb.i and c.dep_ == "dobj" for t in c.subtree}
    speaker_ids = {t.i for t in speaker}
    for index in range(start, last + 1):
        token = verb.doc[index]
        if not (_blank(token) or index in speaker_ids or index == verb.i or index in modifiers or token.dep_ in ("aux", "neg")):
            return None
    said = {t.i for c in verb.children if c.dep_ in ("ccomp", "parataxis") for t in c.subtree}
    own = {t.i for t in verb.subtree}
    outside = [i for i in range(first, start) if not _blank(verb.doc[i]) and (i not in own or i in said)]
    return start if outside else None  # "Speaking in Lesk, Belotsky accused …": a modifier of the verb, not its content


def _content_tokens(cue: Cue, subject: Token, first: int, last: int) -> set[int]:
    """Indices of the tokens that carry what was said."""
    verb = cue.verb
    doc = verb.doc
    start = trailing_start(verb, subject, first, last) if subject.i != verb.i else None
    if start is not None:
        return set(range(first, start))
    if verb.lower_ == "according":
        excluded = {t.i for t in verb.subtree}
        return {i for i in range(first, last + 1) if i not in excluded}
    if verb.lemma_.lower() == "point":
        pointed = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"]
        if pointed:
            return {t.i for c in pointed for t in c.subtree if _in_sentence(t, first, last)}
    clauses = [c for c in verb.children if c.dep_ in CONTENT_CLAUSES and _in_sentence(c, first, last)]
    if verb.lemma_.lower() in TAKES_INFINITIVE:
        clauses += [
            c
            for c in verb.children
            if _in_sentence(c, first, last)
            and (c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(g.lower_ == "to" and g.dep_ == "aux" for g in c.children)))
        ]
    if clauses:
        found = {t.i for clause in clauses for t in clause.subtree if _in_sentence(t, first, last)}
        if min(found) > verb.i:
            # "told a crowd that he expects to win and he is doing better …": the parse may hang the
            # second half on the reporting verb; what follows the complement to the end is still said.
            extension = set(range(max(found) + 1, last + 1))
            for child in verb.children:
                if child not in clauses and _is_cue(child):
                    extension -= {t.i for t in child.subtree}  # "…, saying …": a second verb's own words
                elif child.dep_ in ("cc", "punct"):
                    extension.discard(child.i)
            found |= extension
        return found
    objects = _object_content(verb, first, last)
    if objects:
        return objects
    head = verb.head
    if (
        verb.dep_ in ASIDE
        and not any(c.dep_ == "mark" and c.lower_ not in ("as", "that") for c in verb.children)
        and head.i != verb.i
        and _in_sentence(head, first, last)
        and head.i not in {t.i for t in subject.subtree}
        and not _is_cue(head)
    ):
        excluded = {t.i for t in verb.subtree}
        return {i for i in range(first, last + 1) if i not in excluded}
    # "“…,” she said" with the quotation left outside the verb's clause: the quoted words around it.
    speaker = {t.i for t in subject.subtree} | {verb.i}
    quoted = {i for i in range(first, last + 1) if cue.quoted[i] and i not in speaker}
    words = [i for i in quoted if not _blank(doc[i])]
    return quoted if words else set()


LISTENER_OBJECT: Final = frozenset({"warn", "tell", "ask", "urge", "caution", "advise"})
"""Verbs whose direct object is who is spoken to (``warned followers that …``), never what is said."""


def _object_content(verb: Token, first: int, last: int) -> set[int]:
    """What a speech act is about when its object says it (``accused him of sexism``, ``called for her ouster``)."""
    lemma = verb.lemma_.lower()
    prepositions = OBJECT_CUES.get(lemma)
    if prepositions is None:
        return set()
    listened = lemma in LISTENER_OBJECT or any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)
    parts = [c for c in verb.children if c.dep_ in ("dobj", "oprd") and c.i > verb.i and not (listened and c.dep_ == "dobj")]
    parts += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in prepositions and c.i > verb.i]
    parts += [
        c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG" and c.i > verb.i
    ]  # denied targeting civilians
    if lemma == "call" and not any(c.dep_ in ("oprd", "prep") for c in parts):
        return set()
    if lemma == "point" and not parts and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        parts = [c for c in verb.children if c.dep_ == "dobj"]
    return {t.i for part in parts for t in part.subtree if _in_sentence(t, first, last)}


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


def _merge_runs(runs: list[tuple[int, int]], doc: Doc, skip: set[int], quoted: Sequence[bool]) -> list[tuple[int, int]]:
    """Runs separated only by punctuation are one piece of content; so are unquoted runs around an
    attribution (``The plan, she said, was never discussed``: the statement is the whole sentence).
    Quoted runs around an attribution (``“A,” she said, “B.”``) stay two pieces."""
    merged: list[tuple[int, int]] = []
    for run in runs:
        if merged:
            gap = range(merged[-1][1] + 1, run[0])
            either_quoted = quoted[merged[-1][1]] or quoted[run[0]]
            if all(_blank(doc[i]) or doc[i].dep_ == "cc" or (i in skip and not either_quoted) for i in gap) and not (
                either_quoted and set(gap) & skip
            ):
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
    complement; and in ``“A,” she said, “B.”`` the second half may hang anywhere. A quotation
    the content reaches joins it whole; when the content is quoted, so does a quotation that
    follows the attribution with nothing but punctuation between.
    """
    doc = cue.verb.doc
    regions = [region for region in _quotations(cue, first, last) if not region & attribution]
    widened = set(content)
    for region in regions:
        if region & content:
            widened |= region
    words = [i for i in widened if not _blank(doc[i])]
    if not words or sum(1 for i in words if cue.quoted[i]) * 2 < len(words):
        return widened
    for region in regions:
        if region <= widened:
            continue
        before = [i for i in widened | attribution if i < min(region)]
        if before and all(_blank(doc[i]) or i in attribution for i in range(max(before) + 1, min(region))):
            widened |= region
    return widened


@dataclass
class _Reading:
    """One reporting verb as the parse reads it, before nesting is settled: all token indices."""

    verb: Token
    subject: Token
    speaker: list[Token]
    verb_tokens: list[Token]
    content: set[int]
    shared: bool
    """The speaker is another verb's subject (``… and insisted that …``, ``…, saying …``)."""
    pending: list[Token] | None = None
    trailing: bool = False
    """The attribution closes the sentence and reports everything before it."""
    """For a coordinated verb read without a speaker: the subject to fall back on if it continues no reporting verb."""

    @property
    def attribution_tokens(self) -> set[int]:
        return {t.i for t in self.speaker} | {t.i for t in self.verb_tokens}


FINDINGS: Final = frozenset({"find", "show", "conclude", "indicate", "estimate"})
"""Verbs of finding: a report when a study finds *that* something is so, not when a firefighter finds a barn."""


def _read(cue: Cue, first: int, last: int) -> _Reading | None:
    """The verb's speaker and content; a coordinated verb with no subject of its own (``… and insisted
    that …``) is read without a speaker, which :func:`_settle` takes from the verb it continues."""
    verb = cue.verb
    own_subject = any(c.dep_ in SUBJECTS for c in verb.children)
    subject = _subject(verb, first, last)
    if verb.lemma_.lower() in FINDINGS and not _finds_that(verb, subject or verb):
        return None
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if passive and not any(c.dep_ == "agent" for c in verb.children):
        return None  # "had been told it was too expensive": the one speaking is not named
    if (verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")) and not own_subject:
        subject = None
    elif subject is None or cue.quoted[subject.i] or subject.lower_ in NOT_SPEAKERS:
        return None
    if subject is None:
        verb_tokens = _verb_tokens(verb)
        content = _content_tokens(cue, verb, first, last) - {t.i for t in verb_tokens}
        fallback = _subject(verb, first, last)
        pending = (
            _speaker_tokens(fallback, verb, first, last) if fallback is not None and fallback.lower_ not in NOT_SPEAKERS else []
        )
        return _Reading(verb, fallback or verb, [], verb_tokens, content, True, pending=pending)
    if verb.lemma_.lower() in FINDINGS and not _finds_that(verb, subject):
        return None
    speaker = _speaker_tokens(subject, verb, first, last)
    verb_tokens = _verb_tokens(verb)
    reading = _Reading(verb, subject, speaker, verb_tokens, set(), False)
    reading.shared = subject not in verb.children and verb.lower_ != "according"
    reading.trailing = trailing_start(verb, subject, first, last) is not None
    reading.content = _content_tokens(cue, subject, first, last) - reading.attribution_tokens
    return reading


def _finds_that(verb: Token, subject: Token) -> bool:
    """A finding is reported: the verb governs a "that" clause, or a study or report is the one finding."""
    if any(c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) for c in verb.children):
        return True
    return subject.lemma_.lower() in DOCUMENT_HEADS


DOCUMENT_HEADS: Final = frozenset(
    {"study", "report", "survey", "poll", "analysis", "review", "audit", "research", "data", "investigation", "inquiry", "paper"}
)


def _coordinated(inner: _Reading, outer: _Reading) -> bool:
    """``X said A and insisted B`` parsed as ``X said [A and insisted B]`` (or ``X denied A, saying B``
    with "saying" hung inside A): the inner verb has no subject of its own and continues a clause
    inside the outer verb's content."""
    participle = inner.verb.dep_ == "advcl" and inner.verb.tag_ == "VBG"
    if (inner.verb.dep_ != "conj" and not participle) or any(c.dep_ in SUBJECTS for c in inner.verb.children):
        return False
    return inner.verb.i in outer.content and outer.verb in inner.verb.ancestors


def _apart(readings: list[_Reading]) -> None:
    """A verb's content stops where another verb's attribution begins (``… said A, adding that B``)."""
    for reading in readings:
        for other in readings:
            if other is reading or (other.verb.i in reading.content and reading.verb in other.verb.ancestors):
                continue
            if other.verb.i in reading.content and other.verb.i > reading.verb.i:
                reading.content -= {t.i for t in other.verb.subtree} | other.attribution_tokens
                reading.content -= set(range(other.verb.i, max(reading.content, default=0) + 1)) if other.shared else set()


def _settle(readings: list[_Reading]) -> list[tuple[_Reading, _Reading | None]]:
    """Each reading kept, with the news outlet that relays it (or None); nested readings dropped.

    A verb inside another's content is reported speech inside reported speech: dropped, unless
    it only continues the outer speaker's words with a second verb (it then takes the outer
    speaker and its own part of the content), or the outer speaker is a news outlet relaying it.
    """
    for inner in readings:
        for outer in readings:
            if inner is not outer and outer.speaker and _coordinated(inner, outer):
                inner.subject, inner.speaker, inner.shared = outer.subject, outer.speaker, True
                inner.content -= outer.attribution_tokens
                cut = {t.i for t in inner.verb.subtree}
                before = inner.verb.i - 1
                while before in outer.content and (_blank(outer.verb.doc[before]) or outer.verb.doc[before].dep_ == "cc"):
                    cut.add(before)
                    before -= 1
                outer.content -= cut
    _apart(readings)
    for reading in list(readings):
        if not reading.speaker:
            if not reading.pending:
                readings.remove(reading)
                continue
            reading.speaker = reading.pending
            reading.content -= {t.i for t in reading.speaker}
    kept: list[tuple[_Reading, _Reading | None]] = []
    for reading in readings:
        outers = [
            other
            for other in readings
            if other is not reading
            and reading.verb.i in other.content
            and not (other.verb.i in reading.content and (reading.verb in other.verb.ancestors or reading.trailing))
        ]
        if not outers:
            kept.append((reading, None))
    relayed: list[tuple[_Reading, _Reading | None]] = []
    for reading, _ in kept:
        relayed_readings = [
            other
            for other in readings
            if other is not reading and other.verb.i in reading.content and {t.i for t in other.speaker} <= reading.content
        ]
        outlet_text = " ".join(t.text for t in reading.speaker)
        if relayed_readings and is_news_outlet(outlet_text):
            relayed.append((min(relayed_readings, key=lambda r: r.verb.i), reading))
        else:
            relayed.append((reading, None))
    return relayed


def _attribution(
    cue: Cue, reading: _Reading, first: int, last: int, offset: int, text: str, relay: Relay | None
) -> Attribution | None:
    verb = reading.verb
    doc = verb.doc
    attribution_tokens = reading.attribution_tokens
    content = _with_quotations(reading.content, cue, first, last, attribution_tokens) - attribution_tokens
    if content:
        lead = min(content)
        if doc[lead].dep_ == "mark" and doc[lead].lower_ in ("that", "whether", "if") and not cue.quoted[lead]:
            content.discard(lead)
    if all(_blank(doc[i]) for i in content):
        return None
    runs = _merge_runs(_runs(content), doc, attribution_tokens, cue.quoted)
    pieces = []
    for run_first, run_last in runs:
        start, end = strip_span(text, *_char_span(doc, run_first, run_last, offset))
        if end > start and any(ch.isalnum() for ch in text[start:end]):
            pieces.append((start, end))
    if not pieces:
        return None
    speaker_tokens, verb_tokens = reading.speaker, reading.verb_tokens
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
        entity=_entity(reading.subject),
        speaker_shared=reading.shared,
        lemma="according to" if verb.lower_ == "according" else verb.lemma_.lower(),
        relay=relay,
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


def _cited(reading: _Reading, first: int, last: int) -> list[Token] | None:
    """Who a reporting outlet cites (``according to CBS, citing officials``): the speaker it relays."""
    if not is_news_outlet(" ".join(t.text for t in reading.speaker)):
        return None
    holders = [reading.verb, *reading.speaker]
    for token in reading.verb.doc[first : last + 1]:
        same_clause = token.head.i in (reading.verb.head.i, reading.verb.i) or any(h in token.ancestors for h in holders)
        if token.lemma_.lower() == "cite" and token.tag_ == "VBG" and same_clause:
            cited = next((c for c in token.children if c.dep_ == "dobj"), None)
            if cited is not None:
                return _speaker_tokens(cited, token, first, last)
    return None


def _relay(reading: _Reading, offset: int, text: str) -> Relay:
    doc = reading.verb.doc
    speaker_start, speaker_end = _char_span(doc, reading.speaker[0].i, reading.speaker[-1].i, offset)
    verb_start, verb_end = _char_span(doc, reading.verb_tokens[0].i, reading.verb_tokens[-1].i, offset)
    return Relay(text[speaker_start:speaker_end], speaker_start, speaker_end, text[verb_start:verb_end], verb_start, verb_end)


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
    readings = []
    for token in span:
        if quoted[token.i] or not _is_cue(token):
            continue
        reading = _read(Cue(token, span, quoted), first, last)
        if reading is not None and reading.content:
            readings.append(reading)
    found = []
    for reading, outlet in _settle(readings):
        relay = _relay(outlet, start, text) if outlet is not None else None
        cited = _cited(reading, first, last)
        if cited is not None and outlet is None:
            relay = _relay(reading, start, text)
            reading.subject, reading.speaker = cited[0], cited
            reading.content -= {t.i for t in cited} | {t.i for t in cited[0].head.subtree if t.i < cited[0].i}
        attribution = _attribution(Cue(reading.verb, span, quoted), reading, first, last, start, text, relay)
        if attribution is not None:
            found.append(attribution)
    found.sort(key=lambda a: a.content_start)
    return _without_overlaps(found)


def _without_overlaps(attributions: list[Attribution]) -> list[Attribution]:
    """Two attributions whose contents overlap: keep the first (the parse attached one inside the other)."""
    kept: list[Attribution] = []
    for attribution in attributions:
        if kept and attribution.content_start < kept[-1].content_end:
            continue
        kept.append(attribution)
    return kept


def confirms(doc: Doc, offset: int, attribution: Attribution) -> bool:
    """Whether the parse lets a surface pattern's verb stand as a verb: "states" in "The other states
    voting …" and "comments" in "Trump's comments came …" are nouns, whatever the pattern read."""
    if attribution.verb is None:
        return True
    span = doc.char_span(offset + attribution.verb_start, offset + attribution.verb_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return True
    words = [token for token in span if token.lower_ not in ("has", "have", "had", "will", "would", "also")]
    head = words[0] if words else span[-1]
    if head.pos_ in ("NOUN", "PROPN", "NUM") and not any(child.dep_ == "ccomp" for child in head.children):
        return False
    if any(child.dep_ == "neg" for child in head.children):
        return False  # "has not been announced"
    passive = any(child.dep_ in ("auxpass", "nsubjpass") for child in head.children)
    if passive and not any(child.dep_ == "agent" for child in head.children):
        return False  # "was announced": by whom, the sentence does not say
    return not (head.dep_ in ("acl", "amod") and head.tag_ == "VBN")  # "The deal, announced in March, …"


def entity_at(doc: Doc, start: int, end: int) -> tuple[str, str] | None:
    """The named entity of the last word of the characters [start, end) of ``doc``'s text (a pattern's speaker)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    words = [token for token in span if not _blank(token)]
    return _entity(words[-1]) if words else None


def subject_person(doc: Doc, start: int, end: int) -> tuple[str, str] | None:
    """The person a sentence is about: the named PERSON that is the subject of its main verb, or
    else the one person the sentence names in full; None when it names none or several.

    "Varenian President Mykola Danylenko laid flowers …" is about Danylenko, and "I spoke with the
    sanctuary's founder, Dana Whitlow, as she stood …" introduces Whitlow, so a "He …" or "She …"
    that follows is theirs, not the last speaker's.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for token in span:
        if token.dep_ == "ROOT":
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.ent_type_ == "PERSON":
                return _entity(subject)
            break
    named = {entity.text for entity in span.ents if entity.label_ == "PERSON" and len(entity.text.split()) >= 2}
    if len(named) == 1:
        return "PERSON", named.pop()
    return None


@dataclass(frozen=True)
class FullName:
    """A person the article names in full, with the title before the name or the role beside it."""

    name: str
    title: str | None = None
    role: str | None = None


def full_names(docs: Sequence[Doc | None]) -> dict[str, FullName]:
    """Surname → the person the article names in full (the parse's PERSON entities), first naming first.

    A surname two different people share is left out: "Whitlow said" then names no one for sure.
    The title printed before the name ("Gov. Dana Whitcomb") or a role in apposition ("the
    sanctuary's founder, Dana Whitlow") comes along, so "Whitcomb" is the governor.
    """
    found: dict[str, list[FullName]] = {}
    for doc in docs:
        if doc is None:
            continue
        for entity in doc.ents:
            words = re.sub(r"['’]s$", "", entity.text.strip()).split()
            if entity.label_ != "PERSON" or not 2 <= len(words) <= 4 or not all(word[:1].isupper() for word in words):
                continue
            name = " ".join(words)
            known = found.setdefault(words[-1].casefold(), [])
            if all(person.name != name for person in known):
                known.append(FullName(name, _title_before(doc, entity.start), _role_beside(entity.root)))
            elif known[0].name == name and known[0].title is None and known[0].role is None:
                known[0] = FullName(name, _title_before(doc, entity.start), _role_beside(entity.root))
    return {surname: people[0] for surname, people in found.items() if len(people) == 1}


def _title_before(doc: Doc, start: int) -> str | None:
    if start == 0:
        return None
    previous = doc[start - 1].text
    return previous if previous.lower().rstrip(".") in TITLES else None


def _role_beside(root: Token) -> str | None:
    """The noun a name stands in apposition to ("the sanctuary's founder, Dana Whitlow" → founder)."""
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        return root.head.text.lower()
    nouns = [child for child in root.children if child.dep_ == "appos" and child.pos_ == "NOUN"]
    return nouns[0].text.lower() if nouns else None
