"""Facts about an analysis that a question or a page may rely on, each decided once, here.

The analysis says who speaks; a quiz key must also be *certain*. These facts say how certain:
what kind of thing each source is (a person, an organisation, a document, a group, or unclear
from its name alone), whether a student can recognise it from the label an option shows, whether
two sources may be one person under two names, whether the attribution of a statement names its
source clearly, where a source is first reported and whether that is beyond doubt, whether a
statement is page furniture, whether a headline names its source after all, and which hedges
belong to one statement. The question builders and the highlights read these facts; they never
re-derive them (docs/generator.md, "Questions a teacher can trust", lists the rules).

Everything is a pure function of the :class:`~medialit.analysis.Analysis`: the same analysis
always gives the same facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Final

from medialit.analysis.findings import HeadlineFinding, MarkedWord, WordKind
from medialit.analysis.mentions import (
    DOCUMENT_WORDS,
    GROUP_HEADS,
    INSTITUTION_WORDS,
    PERSON_NOUNS,
    MentionForm,
    parse_mention,
)
from medialit.analysis.model import Source, Statement
from medialit.analysis.verbs import STANCE_OF
from medialit.analysis.vocabulary import QuoteType, SourceKind
from medialit.article import Article
from medialit.ingest.lines import byline, classify_block, credit_line
from medialit.language import parse_paragraphs

if TYPE_CHECKING:
    from medialit.analysis import Analysis


class SourceShape(StrEnum):
    """What kind of thing a source is, as far as its name tells: it decides the grammar of a question."""

    PERSON = "person"
    """One person, named ("Dana Whitlow") or described ("a company spokesperson")."""
    ORGANISATION = "organisation"
    """A body speaking as such: a council, a ministry, a company, a state, a news outlet."""
    DOCUMENT = "document"
    """A text that "says" something: a study, a report, a document, records."""
    GROUP = "group"
    """Several people speaking as one: "two people familiar with the matter", "officials"."""
    UNCLEAR = "unclear"
    """The name alone does not say who or what it is (a pronoun, "the team", "one of them")."""


MAX_LABEL_WORDS: Final = 10
"""Longer labels are not offered as options: a student cannot take them in at a glance."""
COMPANY_SUFFIXES: Final = frozenset(
    {"co", "co.", "inc", "inc.", "ltd", "ltd.", "corp", "corp.", "llc", "plc", "group", "biologics", "pharmaceuticals",
     "holdings", "technologies", "systems", "logistics", "aerospace", "energy", "mining", "airlines", "motors", "labs"}
)  # fmt: skip
"""Last words of a company's name that the mention reader may take for a surname ("Corvane Biologics")."""
EXTRA_DOCUMENT_WORDS: Final = ("results", "findings", "figures", "estimates", "papers")
EXTRA_BODY_WORDS: Final = ("government", "force", "forces", "administration", "team", "cohort", "ministry", "office")
QUANTIFIED: Final = re.compile(
    r"^(?:two|three|four|five|six|seven|eight|nine|ten|several|many|some|most|few|a few|a group of|dozens of|hundreds of)\s", re.I
)
VAGUE: Final = re.compile(r"^(?:several|many|some|most|few|a few|numerous|various)\s", re.I)
INDEFINITE: Final = re.compile(r"^(?:a|an|one|another)\s", re.I)
DEFINITE: Final = re.compile(r"^(?:the|this|that|these|those|his|her|their|its)\s", re.I)
PRONOUNS: Final = frozenset({"he", "she", "they", "it", "him", "her", "them", "his", "their", "its", "we", "i"})
PRONOUN_SHAPES: Final = {
    "he": frozenset({SourceShape.PERSON}),
    "she": frozenset({SourceShape.PERSON}),
    "it": frozenset({SourceShape.ORGANISATION, SourceShape.DOCUMENT}),
    "they": frozenset({SourceShape.GROUP, SourceShape.ORGANISATION}),
}
"""Which kinds of source a pronoun can stand for."""
_STOP: Final = frozenset(
    {
        "the", "a", "an", "of", "to", "in", "on", "for", "with", "and", "who", "which", "whose", "that", "this",
        "these", "those", "from", "by", "at", "his", "her", "their", "its", "he", "she", "they", "it", "them", "him",
        "one", "two", "some", "many", "several", "last", "later", "year", "years", "months", "days", "ago", "said",
        "says", "told", "has", "have", "had", "was", "were", "is", "are", "been", "be", "not", "but", "another",
        "spoke", "asked", "condition", "anonymity", "named"
    }
)  # fmt: skip
_BOILERPLATE: Final = re.compile(
    r"all rights reserved|©|\bcopyright\b|contributed to this report|reporting by|editing by|\bsubscri(?:be|ption)\b|"
    r"full text|\bclick\b|\bshare this\b|\bsign up\b|\bnewsletter\b|\bread more\b|\bsource link\b",
    re.I,
)
_CAUTIOUS: Final = frozenset({WordKind.MODAL, WordKind.HEDGE})


def norm(text: str) -> str:
    """Lower case, one space, straight apostrophes: for comparing names and words."""
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("\u00a0", " ")).strip().casefold()


def content_words(text: str) -> set[str]:
    """Words of four letters or more that name something (for telling two names apart)."""
    words = re.findall(r"[a-z][a-z'-]+", norm(text))
    return {w.removesuffix("'s").removesuffix("'") for w in words if len(w) >= 4 and w not in _STOP}


def source_label(source: Source) -> str:
    """How an option lists a source: the name before any ", who …" or ", 71" after it, verbatim."""
    name = source.name.split(", ")[0].strip()
    return name or source.name


def _head_words(label: str) -> list[str]:
    """The label's words before a clause or phrase that describes it ("seen by", "published", "who")."""
    words = norm(label).split()
    cut = next(
        (i for i, w in enumerate(words) if i and w in {"who", "which", "that", "seen", "published", "kept", "by", "in", "from",
                                                     "at", "on", "with", "familiar", "close", "monitoring", "of", "to", "for"}),
        len(words),
    )  # fmt: skip
    return [w.removesuffix("'s") for w in words[:cut]]


def _has_capital_beyond_article(label: str) -> bool:
    words = label.split()
    rest = words[1:] if words and norm(words[0]) in {"the", "a", "an"} else words
    return any(w[:1].isupper() for w in rest)


def entity_labels(article: Article) -> dict[str, str]:
    """spaCy's entity label for every name the article's paragraphs contain (normalised text → label)."""
    labels: dict[str, str] = {}
    for doc in parse_paragraphs([p.text for p in article.paragraphs]):
        if doc is None:
            continue
        for entity in doc.ents:
            labels.setdefault(norm(entity.text).removeprefix("the "), entity.label_)
    return labels


def full_name_in_text(article: Article, surname: str) -> str | None:
    """The first "Firstname Surname" the article prints for a bare surname ("Dana Whitlow" for "Whitlow")."""
    pattern = re.compile(rf"\b([A-Z][a-z]+(?:\s+[A-Z]\.)?\s+{re.escape(surname)})\b")
    for paragraph in article.paragraphs:
        match = pattern.search(paragraph.text)
        if match and norm(match.group(1).split()[0]) not in _NOT_FIRST_NAMES:
            return match.group(1)
    return None


_NOT_FIRST_NAMES: Final = frozenset(
    {
        "the", "a", "an", "mr", "mrs", "ms", "dr", "gov", "sen", "rep", "president", "mayor", "minister", "captain",
        "capt", "professor", "councillor", "senator", "by", "when", "since", "as", "at", "in", "on", "for", "and",
        "but", "said", "told", "asked", "according", "founder"
    }
)  # fmt: skip


def source_shape(source: Source, entities: dict[str, str] | None = None) -> SourceShape:
    """Person, organisation, document, group, or unclear, from the source's name, role and kind.

    ``entities`` (from :func:`entity_labels`) settles a name the words alone cannot: a single
    capitalised word is a person ("Whitlow"), a state ("Serbia") or an organisation ("CBS").
    """
    label = source_label(source)
    lowered = norm(label)
    entity = (entities or {}).get(lowered.removeprefix("the "))
    if lowered in PRONOUNS or not lowered:
        return SourceShape.UNCLEAR
    head = _head_words(label)
    if source.role == "document" or any(w in DOCUMENT_WORDS or w in EXTRA_DOCUMENT_WORDS for w in head[:4]):
        return SourceShape.DOCUMENT
    mention = parse_mention(label)
    last = head[-1] if head else ""
    if len(label.split()) == 1 and entity is not None:
        if entity == "PERSON":
            return SourceShape.PERSON
        if entity in ("GPE", "NORP", "LOC", "ORG"):
            return SourceShape.ORGANISATION
    if mention is not None and mention.form is MentionForm.PERSON:
        if last in COMPANY_SUFFIXES or any(w in INSTITUTION_WORDS for w in head):
            return SourceShape.ORGANISATION
        return SourceShape.PERSON
    if last in GROUP_HEADS or (mention is not None and mention.form is MentionForm.GROUP):
        return SourceShape.GROUP
    if mention is not None and mention.form is MentionForm.DESCRIPTION:
        if last in PERSON_NOUNS:
            return SourceShape.PERSON
        if last in INSTITUTION_WORDS or last in EXTRA_BODY_WORDS:
            return SourceShape.ORGANISATION
        if last.endswith("s") and len(head) >= 2:
            return SourceShape.GROUP
        return SourceShape.UNCLEAR
    if mention is not None and mention.form is MentionForm.ORGANISATION:
        if len(label.split()) == 1 and mention.role == "state" and not label.isupper():
            # A single capitalised word the mention reader calls a state may be a bare surname
            # ("Whitlow" said): only the article's context could tell.
            return SourceShape.UNCLEAR
        return SourceShape.ORGANISATION
    return SourceShape.UNCLEAR


@dataclass(frozen=True)
class SourceFacts:
    """What a question may rely on about one source."""

    source: Source
    shape: SourceShape
    label: str
    """How an option shows it (see :func:`source_label`)."""
    words: frozenset[str]
    """Content words of its name, every mention and its role: shared words mean it may be another source."""
    listable: bool
    """A student can recognise it from the label alone: a full name, an organisation's proper name, an
    indefinite description of one person ("a company spokesperson"), or a counted group. Definite
    descriptions ("the engineer", "the institute") are left out: they are often a second name for a
    source listed elsewhere."""
    full_name: bool
    """A person named with first name and surname (or an organisation's proper name)."""
    indefinite: bool
    """Introduced as one of many ("a", "one", "another", a number): a new, unnamed speaker."""

    @property
    def clearly_named(self) -> bool:
        """Named, and never described instead of named ("a prominent lawmaker" later named is not clearly named)."""
        return (
            self.source.kind is SourceKind.NAMED
            and self.full_name
            and self.shape in (SourceShape.PERSON, SourceShape.ORGANISATION)
            and not any(INDEFINITE.match(m) or INDEFINITE.match(m.split(", ")[-1]) for m in self.source.mentions)
        )

    @property
    def clearly_anonymous(self) -> bool:
        """One unnamed person, introduced as such, and never named afterwards."""
        return (
            self.source.kind is SourceKind.ANONYMOUS
            and self.shape is SourceShape.PERSON
            and self.indefinite
            and all(INDEFINITE.match(m) or norm(m) in PRONOUNS or DEFINITE.match(m) for m in self.source.mentions)
        )

    @property
    def clearly_collective(self) -> bool:
        """A group with a vague quantifier ("many traders", "several people at the meeting").

        A counted group ("two people familiar with the talks") is left out: news style treats it
        as anonymous sources as often as a collective one.
        """
        return self.source.kind is SourceKind.COLLECTIVE and self.shape is SourceShape.GROUP and bool(VAGUE.match(self.label))


def _source_facts(source: Source, article: Article, entities: dict[str, str]) -> SourceFacts:
    label = source_label(source)
    shape = source_shape(source, entities)
    if len(label.split()) == 1 and label[:1].isupper() and shape is not SourceShape.DOCUMENT:
        full = full_name_in_text(article, label)
        if full is not None and entities.get(norm(full)) == "PERSON":
            shape, label = SourceShape.PERSON, full
    words = content_words(source.name) | content_words(source.role or "")
    for mention in source.mentions:
        words |= content_words(mention)
    tokens = label.split()
    indefinite = bool(INDEFINITE.match(label) or QUANTIFIED.match(label))
    capitalised = all(w[:1].isupper() for w in tokens)
    if shape is SourceShape.PERSON:
        read = parse_mention(label)
        full_name = (
            read is not None
            and read.form is MentionForm.PERSON
            and read.full_name is not None
            and len(read.full_name.split()) >= 2
            and capitalised
        )
    elif shape is SourceShape.ORGANISATION:
        full_name = (_has_capital_beyond_article(label) or len(tokens) == 1) and not INDEFINITE.match(label)
    else:
        full_name = False
    pronoun_in = bool(PRONOUNS & set(norm(label).split()))
    listable = (
        len(tokens) <= MAX_LABEL_WORDS
        and not pronoun_in
        and shape is not SourceShape.UNCLEAR
        and (
            full_name
            or (indefinite and len(tokens) >= 2)
            or (shape is SourceShape.DOCUMENT and _has_capital_beyond_article(label))
        )
    )
    return SourceFacts(
        source=source,
        shape=shape,
        label=label,
        words=frozenset(words),
        listable=listable,
        full_name=full_name,
        indefinite=indefinite,
    )


def headline_has_attribution(line: str) -> bool:
    """Whether a headline line carries a reporting verb after all ("…, documents show", "…, president warns")."""
    padded = f" {re.sub(r'[^a-z ]', ' ', norm(line))} "
    forms = (*STANCE_OF, "show", "shows", "reveal", "reveals", "finds", "find", "according to", "says", "say")
    return any(f" {form} " in padded for form in forms)


@dataclass(frozen=True)
class Facts:
    """The facts of one analysis, indexed the ways questions and highlights need them."""

    analysis: Analysis
    sources: dict[str, SourceFacts] = field(init=False)
    by_paragraph: dict[int, list[Statement]] = field(init=False)
    by_source: dict[str, list[Statement]] = field(init=False)

    def __post_init__(self) -> None:
        by_paragraph: dict[int, list[Statement]] = {}
        by_source: dict[str, list[Statement]] = {}
        for statement in self.analysis.statements:
            by_paragraph.setdefault(statement.paragraph, []).append(statement)
            if statement.source_id is not None:
                by_source.setdefault(statement.source_id, []).append(statement)
        entities = entity_labels(self.analysis.article)
        sources = {s.id: _source_facts(s, self.analysis.article, entities) for s in self.analysis.sources}
        object.__setattr__(self, "sources", sources)
        object.__setattr__(self, "by_paragraph", by_paragraph)
        object.__setattr__(self, "by_source", by_source)

    # --- sources ---------------------------------------------------------------------------

    @cached_property
    def ranked(self) -> list[SourceFacts]:
        """Sources with at least one statement of their own, most words first (ties: first met first)."""
        order = {s.id: i for i, s in enumerate(self.analysis.sources)}
        speaking = [f for f in self.sources.values() if f.source.id in self.by_source]
        return sorted(speaking, key=lambda f: (-f.source.words, order[f.source.id]))

    @cached_property
    def listable(self) -> list[SourceFacts]:
        return [f for f in self.ranked if f.listable]

    def may_be_same(self, a: str, b: str) -> bool:
        """Whether two sources might be one person or body under two names.

        True when they share a content word (names, mentions, roles: "the diplomat" and
        "Valdora's ambassador"), or when either is not listable (a pronoun, a definite
        description, a bare surname) and their shapes could be the same thing.
        """
        if a == b:
            return True
        fa, fb = self.sources[a], self.sources[b]
        if fa.listable and fb.listable and fa.shape is fb.shape is SourceShape.PERSON and fa.full_name and fb.full_name:
            # Two people named in full: one only if they share the surname ("Dr" and "professor" are no names).
            return norm(fa.label.split()[-1]) == norm(fb.label.split()[-1])
        if fa.words & fb.words:
            return True
        if not (fa.listable and fb.listable):
            shapes = {fa.shape, fb.shape}
            return SourceShape.UNCLEAR in shapes or len(shapes) == 1 or shapes == {SourceShape.GROUP, SourceShape.ORGANISATION}
        return False

    def speakers_in(self, paragraph: int) -> set[str]:
        return {s.source_id for s in self.by_paragraph.get(paragraph, []) if s.source_id is not None}

    def may_speak_in(self, source_id: str, paragraph: int) -> bool:
        """Whether the source, under any of its possible names, may speak in the paragraph."""
        return any(self.may_be_same(source_id, other) for other in self.speakers_in(paragraph))

    def first_paragraph(self, source_id: str) -> int:
        return self.by_source[source_id][0].paragraph

    def clear_speaker(self, statement: Statement) -> bool:
        """Whether the statement's attribution names its source beyond doubt, at this statement.

        It has a reporting verb and an attribution, and the mention is the source's label or
        carries its surname or name words: never a pronoun ("she"), never a description that
        points back ("the diplomat"), and never a continuation without an attribution.
        """
        if statement.source_id is None or statement.attribution is None or statement.verb is None or statement.mention is None:
            return False
        facts = self.sources[statement.source_id]
        mention = norm(statement.mention)
        if mention not in norm(statement.attribution.text) and mention in norm(statement.text):
            return False  # the "speaker" is named inside what is said ("The study used data from the Cohort, which asked …")
        if mention in PRONOUNS or (DEFINITE.match(statement.mention) and not facts.full_name):
            return False
        label_words = content_words(facts.label)
        if norm(facts.label) in mention:
            return True
        if facts.shape is SourceShape.PERSON and facts.full_name:
            surname = norm(facts.label.split()[-1])
            return surname in mention.split() or surname in mention
        return bool(label_words) and label_words <= content_words(statement.mention)

    def first_paragraph_certain(self, source_id: str) -> bool:
        """Whether "where is this source first reported?" has one sure answer.

        The first statement names the source clearly (or comes before any other statement), no
        earlier statement is given to a source that may be this one or that is not named clearly,
        and the source's name words do not appear in an earlier paragraph (where it may speak
        under another description: "I spoke with the founder, Dana Whitlow. She told me …").
        """
        if source_id not in self.by_source:
            return False
        first = self.by_source[source_id][0]
        earlier = [s for s in self.analysis.statements if s.paragraph < first.paragraph]
        if earlier and not self.clear_speaker(first):
            return False
        shape = self.sources[source_id].shape
        for statement in earlier:
            if statement.source_id is None:
                continue
            if self.may_be_same(statement.source_id, source_id):
                return False
            pronoun = norm(statement.mention or "")
            if pronoun in PRONOUN_SHAPES and shape in PRONOUN_SHAPES[pronoun] and not self._anchored(statement):
                return False
        name_words = {norm(w).removesuffix("'s") for w in self.sources[source_id].label.split() if w[:1].isupper()}
        name_words -= {"the", "a", "an", "one", "another"}
        for paragraph in self.analysis.article.paragraphs[: first.paragraph - 1]:
            words = {w.removesuffix("'s") for w in re.findall(r"[a-z][a-z'’-]+", norm(paragraph.text))}
            if name_words & words:
                return False
        return True

    def _anchored(self, statement: Statement) -> bool:
        """Whether a statement's speaker is sure: named clearly, or a pronoun whose source is named
        in the same or the paragraph before (so the pronoun cannot stand for someone met later)."""
        if statement.source_id is None or self.clear_speaker(statement):
            return True
        facts = self.sources[statement.source_id]
        if not facts.listable:
            return False
        words = {norm(w).removesuffix("'s") for w in facts.label.split() if w[:1].isupper()} - {"the", "a", "an"}
        for n in (statement.paragraph - 1, statement.paragraph):
            if n < 1:
                continue
            if any(s.source_id == statement.source_id and self.clear_speaker(s) for s in self.by_paragraph.get(n, [])):
                return True
            if words and words <= set(re.findall(r"[a-z][a-z'’-]+", norm(self.analysis.article.paragraph(n).text))):
                return True
        return False

    # --- statements ------------------------------------------------------------------------

    def is_boilerplate(self, statement: Statement) -> bool:
        """Page furniture, a byline, a credit or a copyright line read as a sentence: never an option."""
        text = statement.text.strip()
        return (
            classify_block(text) is not None
            or byline(text) is not None
            or credit_line(text) is not None
            or bool(_BOILERPLATE.search(text))
        )

    def statement_words(self, statement: Statement, kinds: frozenset[WordKind] = _CAUTIOUS) -> list[MarkedWord]:
        """The marked words inside one statement's span (hedges are compared within one statement)."""
        return [
            w
            for w in self.analysis.framing.words
            if w.paragraph == statement.paragraph
            and statement.start <= w.start
            and w.end <= max(statement.end, statement.start + len(statement.text))
            and w.kind in kinds
            and clear_marked_word(self.analysis, w)
        ]

    def body_statement(self, finding: HeadlineFinding) -> Statement | None:
        """The body statement a headline finding compares the headline with."""
        return next(
            (s for s in self.by_paragraph.get(finding.paragraph, []) if norm(s.text) == norm(finding.body_text)),
            next((s for s in self.by_paragraph.get(finding.paragraph, []) if norm(finding.body_text) in norm(s.text)), None),
        )

    def headline_names_source(self, finding: HeadlineFinding) -> bool:
        """Whether the headline line says who makes the claim after all.

        It does when it carries a reporting verb ("…, documents show") or when its words name the
        body statement's source or its role ("Lawmaker expresses hope …" for "a prominent U.S.
        lawmaker"): such a headline counts as attributed.
        """
        if headline_has_attribution(finding.headline_text):
            return True
        statement = self.body_statement(finding)
        if statement is None or statement.source_id is None:
            return False
        words = content_words(finding.headline_text)
        stems = {w[:6] for w in words}
        return any(w[:6] in stems for w in self.sources[statement.source_id].words)

    def first_person_sentences(self) -> list[Statement]:
        """Sentences in which the writer speaks as "I" (no quotation marks, no source, not furniture)."""
        return [
            s
            for s in self.analysis.statements
            if s.quote_type is QuoteType.JOURNALIST
            and s.source_id is None
            and _first_person(s)
            and not any(q in s.text for q in '“”"')
            and len(s.text.split()) >= 6
            and not self.is_boilerplate(s)
        ]

    def journalist_sentences(self) -> list[Statement]:
        """Sentences in the journalist's own voice that cannot be a source's words read as the reporter's."""
        found = []
        for statement in self.analysis.statements:
            if statement.quote_type is not QuoteType.JOURNALIST or statement.source_id is not None:
                continue
            text = statement.text
            if any(q in text for q in '“”"‘') or len(text.split()) < 6 or self.is_boilerplate(statement):
                continue
            if re.match(r"^(?:it|they|he|she|this|these|those|we|i)\b", text, re.I):
                continue
            padded = f" {norm(text)} "
            if any(f" {form} " in padded for form in STANCE_OF):
                continue
            if re.search(r"\b(?:advis|comment|respond|declin)", norm(text)):
                continue
            found.append(statement)
        return found


FIRST_PERSON: Final = re.compile(r"(?:^|\s)(?:I|me|my)\b")


def _first_person(statement: Statement) -> bool:
    return bool(FIRST_PERSON.search(statement.text))


def clear_marked_word(analysis: Analysis, word: MarkedWord) -> bool:
    """A marked word a student can check: not the month "May", not a reporting verb, not a negated booster."""
    text = analysis.article.paragraph(word.paragraph).text
    if word.kind is WordKind.MODAL and word.word[:1].isupper() and word.start > 0:
        return False  # "in early May": a month, not a modal
    if norm(word.word) in STANCE_OF:
        return False  # "claimed" reports a claim: the verbs are their own question
    before = norm(text[max(0, word.start - 5) : word.start])
    if word.kind is WordKind.BOOSTER and before.endswith("not"):
        return False
    if norm(word.word) in {"about", "around", "some"}:
        return bool(re.match(r"\s+\$?\d", text[word.end : word.end + 4]))  # "about 80 households", not "talk about"
    return True


def facts_of(analysis: Analysis) -> Facts:
    """The facts of an analysis (computed once per call; cheap)."""
    return Facts(analysis)


__all__ = ["Facts", "SourceFacts", "SourceShape", "clear_marked_word", "facts_of", "norm", "source_label", "source_shape"]
