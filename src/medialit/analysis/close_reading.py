"""Close reading: the small cues a strong reader notices, each with the question it should prompt.

Eight kinds of cue (:class:`CueKind`), found paragraph by paragraph, each with its paragraph
number, its character span, the sentence it sits in, and whose voice it is in (inside quotation
marks, in reported speech, or in the journalist's own voice):

- **bracketed insertions** inside a quotation: ``(with Wagner)``; speech has no brackets;
- **quotations without a speaker** in their own paragraph, with the speaker the analysis gave them
  from the paragraphs before (:mod:`.sourcing`);
- **presupposition triggers**: a definite or possessive description of a plan or intention ("the
  secret operation", "the alleged preparations", "their intentions": the phrase takes the thing
  as existing, whatever hedge sits elsewhere) and the words of :data:`PRESUPPOSITION_WORDS`
  ("still", "again", "continuing" …: they take an earlier state for granted);
- **factive verbs** (:data:`FACTIVE_VERBS`: "recalled", "revealed", "admitted" …), which present
  what follows as true, not as a view;
- **agentless passives** ("shots were fired"): who did it is not said;
- **unsourced figures and labels**: a number or a share ("13,000 deaths", "the majority of …")
  in the journalist's voice with no source; a label someone gave, with no one named as giving it
  ("dubbed “little green men”");
- **evaluative words in the journalist's voice**: the loaded words the framing analysis marks
  (:data:`~medialit.analysis.lexicon.LOADED`), kept where no source speaks;
- **present-tense reporting verbs** ("proclaims", "accuses", "are skeptical"): the words are
  given as what is said now, which makes them sound current or settled.

Each cue is a prompt for a reader, not a verdict: a passive without an agent may be the natural
way to say it, a figure may be well known, and "recalled" may be fair. The rules are simple and
deterministic, and work on the parse the sourcing analysis already made (:mod:`medialit.language`,
cached), so they add little time. A paragraph too long to parse (see
:data:`~medialit.language.MAX_PARSED_CHARS`) gets only the cues found without the parse (brackets,
quotations without a speaker, factive verbs, presupposition words, quantity words, labels,
evaluative words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from medialit.analysis.findings import Framing, WordKind
from medialit.analysis.lexicon import HEDGES
from medialit.analysis.model import Finding, Statement
from medialit.analysis.segment import OPENING, STRAIGHT, closes_unopened, ends_inside_quote, quote_depth_changes, quote_view
from medialit.analysis.verbs import CUE_LEMMAS
from medialit.analysis.vocabulary import QuoteType
from medialit.article import Article
from medialit.language import parse_paragraphs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


class CueKind(StrEnum):
    """What a strong reader notices: eight kinds of cue."""

    BRACKETED_INSERTION = "bracketed-insertion"
    """Words in brackets inside a quotation. Speech has no brackets: someone chose to show these words
    apart. Square brackets [ ] are the usual sign of a writer's insertion; round ones leave it unclear."""
    QUOTATION_WITHOUT_SPEAKER = "quotation-without-speaker"
    """A quotation whose paragraph names no speaker: the reader works out who speaks from the paragraphs before."""
    PRESUPPOSITION = "presupposition"
    """A phrase that takes for granted what is only claimed ("the secret operation" takes the operation as
    existing), or a word that takes an earlier state for granted ("still", "again", "continuing")."""
    FACTIVE_VERB = "factive-verb"
    """A verb that presents what follows as a fact ("recalled", "revealed", "admitted"), not as a view."""
    AGENTLESS_PASSIVE = "agentless-passive"
    """A passive verb that does not say who did it ("shots were fired")."""
    UNSOURCED = "unsourced-figure-or-label"
    """A figure (a number, a share) in the journalist's voice with no source, or a label ("dubbed …")
    with no one named as giving it."""
    EVALUATIVE_WORD = "evaluative-word"
    """A word that judges as it describes ("brutal", "incendiary"), in the journalist's own voice."""
    PRESENT_TENSE_VERB = "present-tense-verb"
    """A reporting verb in the present tense ("proclaims", "accuses"): the words sound current, even settled."""


KIND_ORDER: Final = tuple(CueKind)

WHAT_IT_IS: Final[dict[CueKind, str]] = {
    CueKind.BRACKETED_INSERTION: "words in brackets inside a quotation",
    CueKind.QUOTATION_WITHOUT_SPEAKER: "a quotation with no speaker named in its paragraph",
    CueKind.PRESUPPOSITION: "a presupposition: the phrase takes something for granted",
    CueKind.FACTIVE_VERB: "a factive verb: it presents what follows as fact",
    CueKind.AGENTLESS_PASSIVE: "a passive with no one named as doing it",
    CueKind.UNSOURCED: "a figure or label with no source",
    CueKind.EVALUATIVE_WORD: "an evaluative word in the journalist's voice",
    CueKind.PRESENT_TENSE_VERB: "a reporting verb in the present tense",
}
"""A short name of each kind, for a table's "what it is" column."""

QUESTIONS: Final[dict[CueKind, str]] = {
    CueKind.BRACKETED_INSERTION: "Did the speaker say these words, or did the writer add them? Does the quotation "
    "say the same without them?",
    CueKind.QUOTATION_WITHOUT_SPEAKER: "Who is speaking? Which earlier paragraph tells you, and could it be someone else?",
    CueKind.PRESUPPOSITION: "What does this take for granted? Has the article shown it, or has someone only claimed it?",
    CueKind.FACTIVE_VERB: "Does the verb treat the claim as fact? Would “said” or “claimed” change how sure it sounds?",
    CueKind.AGENTLESS_PASSIVE: "Who did it? Does the sentence say, and would knowing change the story?",
    CueKind.UNSOURCED: "Where does this figure or name come from? Who counted it, or who calls it that?",
    CueKind.EVALUATIVE_WORD: "Whose judgement is this word? What plainer word would describe the same thing?",
    CueKind.PRESENT_TENSE_VERB: "Is this being said now, or was it said once? Does the present tense make it sound settled?",
}
"""The question a strong reader asks of each kind of cue."""

FACTIVE_VERBS: Final = (
    "recalled", "recalls", "recalling", "revealed", "reveals", "revealing", "admitted", "admits", "admitting",
    "acknowledged", "acknowledges", "acknowledging", "pointed out", "points out", "pointing out", "noted", "notes",
    "noting", "showed", "shows", "shown", "proved", "proves", "proven", "realised", "realises", "realized",
    "realizes", "exposed", "exposes", "confirmed", "confirms", "discovered", "discovers", "learned", "learnt",
    "remembered", "remembers", "regretted", "regrets",
)  # fmt: skip
"""Reporting verbs that present what follows as true ("she recalled the scepticism": it happened), where
"said" or "claimed" would leave it as someone's account."""

PRESUPPOSITION_WORDS: Final = (
    "again", "still", "already", "anymore", "any more", "no longer", "continue", "continues", "continued",
    "continuing", "stop", "stops", "stopped", "return", "returns", "returned", "resume", "resumed", "even",
)  # fmt: skip
"""Words that take an earlier state for granted: "still being investigated" (it was before), "continuing to stoke"
(it was stoking), "again" (it happened once). "even" takes for granted what would be expected; "even so",
"even if", "even though" and "even as" are joining words and are left out."""

PLAN_NOUNS: Final = frozenset(
    {
        "operation", "strategy", "plan", "plot", "preparation", "scheme", "campaign", "objective", "intention",
        "aim", "goal", "conspiracy", "agenda",
    }
)  # fmt: skip
"""Nouns of a plan or intention: "the secret operation", "the Serb objective", "their intentions"
take the plan as existing, whoever says it and whatever hedge sits elsewhere in the sentence."""

DEFINITE: Final = frozenset({"the", "this", "these", "those"})
POSSESSIVE: Final = frozenset({"its", "their", "his", "her", "our"})

LABEL_CUES: Final = ("dubbed", "so-called", "nicknamed", "branded", "labelled", "labeled", "known as")
"""Words that give a thing a name someone chose ("dubbed “little green men”"); a label with no "by …" names no one."""

QUANTITY_WORDS: Final = (
    "majority", "minority", "most of", "half of", "thousands", "hundreds", "dozens", "millions", "per cent", "percent",
)  # fmt: skip
"""Words that state a share or a count without a number."""

FIGURE_ENTITIES: Final = frozenset({"CARDINAL", "PERCENT", "QUANTITY", "MONEY"})
"""The parse's entity labels for figures (dates and ages are not figures here)."""

STATIVE_PASSIVES: Final = frozenset({"base", "locate", "situate", "bear", "entitle", "suppose"})
"""Passive forms that describe a state, not an action anyone did ("KFOR is based in Kosovo")."""

PLACE_NOUNS: Final = frozenset(
    {"side", "road", "roadside", "door", "wall", "window", "border", "sea", "bridge", "street", "shore"}
)
"""Nouns after "by" that give a place, not an agent ("parked by the side of highways")."""

AUXILIARIES: Final = frozenset({"have", "be", "will", "would", "shall", "should", "can", "could", "may", "might", "must"})

PRESENT_CUES: Final = frozenset(CUE_LEMMAS) | {"proclaim", "declare", "insist", "contend", "maintain"}
"""Verbs of saying whose present tense ("proclaims", "accuses") is a present-tense report."""


class CloseReadingCue(Finding):
    """One cue: where it is, what it is, and what to ask of it."""

    kind: CueKind
    paragraph: int
    start: int
    end: int
    text: str
    """The cue as printed: ``paragraph.text[start:end]``."""
    sentence_start: int
    sentence_end: int
    """The sentence the cue sits in (offsets into the paragraph), to show it in context."""
    voice: QuoteType
    """Whose words the cue is in: inside quotation marks (direct), reported speech (indirect), or the journalist's own."""
    speaker: str | None
    """Whose words they are, when a source speaks (for a quotation without a speaker: whom the analysis gave it to)."""
    detail: str
    """What this cue does here, in a sentence a student can check against the paragraph."""
    question: str
    """The question a strong reader asks (see :data:`QUESTIONS`)."""


@dataclass(frozen=True)
class _Paragraph:
    """One paragraph as the cue finders read it."""

    n: int
    text: str
    doc: Doc | None
    quoted: list[bool]
    """For each character, whether it lies inside quotation marks."""
    statements: list[Statement]


def _paragraphs(article: Article, statements: list[Statement]) -> list[_Paragraph]:
    """Each paragraph with its parse and where its quotations are, carried from paragraph to paragraph
    as :func:`medialit.analysis.sourcing.find_statements` reads them."""
    views = [quote_view(paragraph.text) for paragraph in article.paragraphs]
    docs = parse_paragraphs(views)
    found: list[_Paragraph] = []
    open_quote = False
    for paragraph, view, doc in zip(article.paragraphs, views, docs, strict=True):
        reopens = view.lstrip()[:1] in (OPENING, STRAIGHT)
        continues = open_quote and (reopens or closes_unopened(view))
        open_at_start = continues and not reopens
        quoted = quote_depth_changes(view, open_at_start)
        open_quote = ends_inside_quote(view, open_at_start)
        own = [s for s in statements if s.paragraph == paragraph.n]
        found.append(_Paragraph(paragraph.n, paragraph.text, doc, quoted, own))
    return found


def _voice(paragraph: _Paragraph, start: int, end: int) -> tuple[QuoteType, str | None]:
    """Whose words the characters [start, end) are in, and the speaker when a source speaks."""
    inside = end > start and all(paragraph.quoted[i] for i in range(start, min(end, len(paragraph.quoted))))
    covering = [s for s in paragraph.statements if s.source_id is not None and s.start <= start and end <= s.end]
    speaker = covering[0].speaker if covering else None
    if inside:
        return QuoteType.DIRECT, speaker
    if covering:
        return QuoteType.INDIRECT, speaker
    return QuoteType.JOURNALIST, None


_SENTENCE_END = re.compile(r"[.!?][”\"’']?(?=\s|$)")


def _sentence(paragraph: _Paragraph, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): the parse's sentences, else full stops."""
    text = paragraph.text
    if paragraph.doc is not None:
        sentences = list(paragraph.doc.sents)
        first = next((s for s in sentences if s.start_char <= start < s.end_char), None)
        last = next((s for s in sentences if s.start_char < end <= s.end_char), None)
        if first is not None and last is not None:
            return _stripped(text, min(first.start_char, start), max(last.end_char, end))
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return _stripped(text, before[-1] if before else 0, after.end() if after else len(text))


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _cue(
    paragraph: _Paragraph, kind: CueKind, start: int, end: int, detail: str, voice: tuple[QuoteType, str | None] | None = None
) -> CloseReadingCue:
    voice_type, speaker = voice if voice is not None else _voice(paragraph, start, end)
    sentence_start, sentence_end = _sentence(paragraph, start, end)
    return CloseReadingCue(
        kind=kind,
        paragraph=paragraph.n,
        start=start,
        end=end,
        text=paragraph.text[start:end],
        sentence_start=sentence_start,
        sentence_end=sentence_end,
        voice=voice_type,
        speaker=speaker,
        detail=detail,
        question=QUESTIONS[kind],
    )


def _where(voice: QuoteType, speaker: str | None) -> str:
    """ "inside Vjosa Osmani's quotation", "in reported speech (Vjosa Osmani)", "in the journalist's own voice"."""
    if voice is QuoteType.DIRECT:
        return f"inside {speaker}'s quotation" if speaker else "inside a quotation"
    if voice is QuoteType.INDIRECT:
        return f"in reported speech, {speaker}'s point in the journalist's words" if speaker else "in reported speech"
    return "in the journalist's own voice"


def _words(terms: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(terms, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in ordered) + r")(?![\w-])", re.IGNORECASE)


_BRACKETS = re.compile(r"\([^()\n]{1,200}\)|\[[^\[\]\n]{1,200}\]")
_FACTIVE = _words(FACTIVE_VERBS)
_PRESUPPOSING = _words(PRESUPPOSITION_WORDS)
_NOT_EVEN = re.compile(r"\s*,?\s*(?:so|if|though|as|when)\b", re.IGNORECASE)
_LABEL = _words(LABEL_CUES)
_QUANTITY = _words(QUANTITY_WORDS)
_HEDGE = _words(HEDGES)


def _bracketed(paragraph: _Paragraph) -> list[CloseReadingCue]:
    found = []
    for match in _BRACKETS.finditer(paragraph.text):
        if not paragraph.quoted[match.start()]:
            continue
        voice = (QuoteType.DIRECT, _voice(paragraph, match.start(), match.end())[1])
        who = f"{voice[1]}'s" if voice[1] else "a"
        if match.group(0).startswith("["):
            detail = f"Square brackets inside {who} quotation: the usual sign that the writer added or changed these words."
        else:
            detail = (
                f"Round brackets inside {who} quotation. Speech has no brackets, so the writer chose to show these words "
                "apart; a writer's insertion is usually put in square brackets [ ], so the page does not say whether "
                "they were spoken."
            )
        found.append(_cue(paragraph, CueKind.BRACKETED_INSERTION, match.start(), match.end(), detail, voice))
    return found


def _last_named(paragraphs: list[_Paragraph], statement: Statement) -> int | None:
    """The last paragraph up to this one where the statement's source is named with an attribution."""
    for paragraph in reversed(paragraphs[: statement.paragraph]):
        if any(s.source_id == statement.source_id and s.attribution is not None for s in paragraph.statements):
            return paragraph.n
    return None


def _first_sentence_end(paragraph: _Paragraph, start: int, end: int) -> int:
    _, sentence_end = _sentence(paragraph, start, start + 1)
    return min(end, sentence_end)


def _without_speaker(paragraphs: list[_Paragraph], paragraph: _Paragraph) -> list[CloseReadingCue]:
    """The paragraph's first quotation, when nothing in the paragraph says who speaks."""
    if any(s.attribution is not None for s in paragraph.statements):
        return []
    for statement in paragraph.statements:
        text = statement.text.lstrip()
        opens_quoted = text[:1] in (OPENING, STRAIGHT) or paragraph.quoted[statement.start]
        if statement.quote_type is QuoteType.DIRECT and statement.source_id is not None:
            earlier = _last_named(paragraphs, statement)
            where = f"last named in P{earlier}" if earlier is not None and earlier != paragraph.n else "named earlier"
            detail = (
                f"No one is named as speaking in P{paragraph.n}; the analysis gives these words to {statement.speaker}, {where}."
            )
            voice: tuple[QuoteType, str | None] = (QuoteType.DIRECT, statement.speaker)
        elif statement.quote_type is QuoteType.JOURNALIST and opens_quoted:
            detail = f"No one is named as speaking in P{paragraph.n}, and the analysis cannot tell whose words these are."
            voice = (QuoteType.DIRECT, None)
        else:
            continue
        end = _first_sentence_end(paragraph, statement.start, statement.end)
        return [_cue(paragraph, CueKind.QUOTATION_WITHOUT_SPEAKER, statement.start, end, detail, voice)]
    return []


def _hedge_note(paragraph: _Paragraph, start: int, end: int) -> str:
    """Where a hedge sits relative to a presupposing phrase [start, end)."""
    inside = [m.group(0) for m in _HEDGE.finditer(paragraph.text, start, end)]
    if inside:
        first_word = paragraph.text[start:end].split()[0]
        return f"The hedge “{inside[0]}” sits inside the phrase, but “{first_word}” still takes it as real."
    sentence_start, sentence_end = _sentence(paragraph, start, end)
    elsewhere = [
        m.group(0) for m in _HEDGE.finditer(paragraph.text, sentence_start, sentence_end) if not start <= m.start() < end
    ]
    elsewhere = [word for word in elsewhere if word.lower() not in ("some", "about", "around", "claimed")]
    if elsewhere:
        return f"The sentence's hedge (“{elsewhere[0]}”) sits on another phrase, not on this one."
    return "No hedge in the sentence qualifies it."


def _plan_phrases(paragraph: _Paragraph) -> list[CloseReadingCue]:
    """ "the secret operation", "the Serb objective", "their intentions": a plan taken as existing."""
    if paragraph.doc is None:
        return []
    found = []
    for token in paragraph.doc:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in PLAN_NOUNS:
            continue
        determiner = next(
            (
                child
                for child in token.children
                if child.i < token.i and child.lower_ in DEFINITE | POSSESSIVE and child.dep_ in ("det", "poss")
            ),
            None,
        )
        if determiner is None:
            continue
        start, end = determiner.idx, token.idx + len(token.text)
        voice = _voice(paragraph, start, end)
        determiner_word = "the possessive" if determiner.lower_ in POSSESSIVE else "the definite"
        detail = (
            f"{determiner_word.capitalize()} “{determiner.text}” takes “{token.text}” as something that exists; "
            f"it is {_where(*voice)}. {_hedge_note(paragraph, start, end)}"
        )
        found.append(_cue(paragraph, CueKind.PRESUPPOSITION, start, end, detail, voice))
    return found


def _presupposing_words(paragraph: _Paragraph) -> list[CloseReadingCue]:
    found = []
    for match in _PRESUPPOSING.finditer(paragraph.text):
        word = match.group(0).lower()
        if word == "even" and _NOT_EVEN.match(paragraph.text, match.end()):
            continue
        voice = _voice(paragraph, match.start(), match.end())
        detail = f"“{match.group(0)}” takes an earlier state for granted; it is {_where(*voice)}."
        found.append(_cue(paragraph, CueKind.PRESUPPOSITION, match.start(), match.end(), detail, voice))
    return found


def _factive(paragraph: _Paragraph) -> list[CloseReadingCue]:
    found = []
    for match in _FACTIVE.finditer(paragraph.text):
        if paragraph.quoted[match.start()]:
            continue
        if paragraph.doc is not None:
            span = paragraph.doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None and len(span) and span[0].pos_ not in ("VERB", "AUX"):
                continue  # "notes" and "shows" as nouns
        voice = _voice(paragraph, match.start(), match.end())
        detail = (
            f"“{match.group(0)}” presents what follows as something that really happened or is true, "
            "where “said” would leave it as someone's account."
        )
        found.append(_cue(paragraph, CueKind.FACTIVE_VERB, match.start(), match.end(), detail, voice))
    return found


def _agent(verb: Token) -> Token | None:
    """The agent of a passive ("by ethnic Serbs"), unless "by" gives a place ("by the side of highways")."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].lemma_.lower() in PLACE_NOUNS:
                return None
            return child
    return None


def _passives(paragraph: _Paragraph) -> list[CloseReadingCue]:
    if paragraph.doc is None:
        return []
    found = []
    for verb in paragraph.doc:
        helpers = [c for c in verb.children if c.dep_ in ("auxpass", "aux", "neg") and c.i < verb.i]
        if not any(c.dep_ == "auxpass" for c in helpers) or verb.tag_ != "VBN":
            continue
        if verb.lemma_.lower() in STATIVE_PASSIVES or _agent(verb) is not None:
            continue
        first = min(helpers, key=lambda t: t.i)
        while first.i > 0 and first.nbor(-1).pos_ == "AUX" and first.nbor(-1).lemma_.lower() in AUXILIARIES:
            first = first.nbor(-1)  # "has been spray painted": the parse may hang "has" elsewhere
        last = verb
        for child in verb.children:  # "were raped and murdered"
            if child.dep_ == "conj" and child.tag_ == "VBN" and not any(g.dep_ in ("aux", "auxpass") for g in child.children):
                last = child
        start, end = first.idx, last.idx + len(last.text)
        voice = _voice(paragraph, start, end)
        detail = f"“{paragraph.text[start:end]}” says what was done but not who did it; it is {_where(*voice)}."
        found.append(_cue(paragraph, CueKind.AGENTLESS_PASSIVE, start, end, detail, voice))
    return found


def _figure_span(paragraph: _Paragraph, start: int, end: int) -> tuple[int, int]:
    """A figure with the noun it counts ("13,000 deaths") or the phrase it heads ("the majority of … population")."""
    if paragraph.doc is None:
        return start, end
    span = paragraph.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return start, end
    root = span.root
    if root.lower_ in ("majority", "minority", "thousands", "hundreds", "dozens", "millions"):
        tokens = list(root.subtree)
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    head = root.head
    if root.dep_ in ("nummod", "amod", "compound", "quantmod") and head.i > root.i and head.pos_ == "NOUN":
        return start, head.idx + len(head.text)
    return start, end


def _unsourced(paragraph: _Paragraph) -> list[CloseReadingCue]:
    found = []
    spans: list[tuple[int, int]] = []
    if paragraph.doc is not None:
        spans += [
            (e.start_char, e.end_char)
            for e in paragraph.doc.ents
            if e.label_ in FIGURE_ENTITIES and any(ch.isdigit() for ch in e.text)
        ]
    spans += [(m.start(), m.end()) for m in _QUANTITY.finditer(paragraph.text)]
    taken: list[tuple[int, int]] = []
    for raw_start, raw_end in sorted(spans):
        start, end = _figure_span(paragraph, raw_start, raw_end)
        if any(s < end and start < e for s, e in taken):
            continue
        voice = _voice(paragraph, start, end)
        if voice[0] is not QuoteType.JOURNALIST:
            continue
        taken.append((start, end))
        detail = f"A figure in the journalist's own voice: “{paragraph.text[start:end]}”, with no source given for it."
        found.append(_cue(paragraph, CueKind.UNSOURCED, start, end, detail, voice))
    for match in _LABEL.finditer(paragraph.text):
        if paragraph.quoted[match.start()] or re.match(r"[^.;]{0,60}?\bby\b", paragraph.text[match.end() :]):
            continue
        end = match.end()
        following = re.match(r"\s*([“\"][^”\"]{1,80}[”\"])", paragraph.text[end:])
        if following:
            end += following.end()
        voice = _voice(paragraph, match.start(), match.end())
        label = paragraph.text[match.start() : end]
        detail = f"The label {label} is given with no one named as giving it; it is {_where(*voice)}."
        found.append(_cue(paragraph, CueKind.UNSOURCED, match.start(), end, detail, voice))
    return found


def _evaluative(paragraph: _Paragraph, framing: Framing) -> list[CloseReadingCue]:
    found = []
    for word in framing.words:
        if word.paragraph != paragraph.n or word.kind is not WordKind.LOADED:
            continue
        voice = _voice(paragraph, word.start, word.end)
        if voice[0] is not QuoteType.JOURNALIST:
            continue
        detail = f"“{word.word}” judges as it describes, and no source is given for the judgement: it is the article's own."
        found.append(_cue(paragraph, CueKind.EVALUATIVE_WORD, word.start, word.end, detail, voice))
    return found


def _subject_words(verb: Token) -> str:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return ""
    if subject.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
        head = verb.head  # "a huge billboard which declares …"
        first = min(t.i for t in head.subtree)
        return verb.doc[first : head.i + 1].text
    tokens = list(subject.subtree)
    words = verb.doc[tokens[0].i : tokens[-1].i + 1].text
    return words if len(words.split()) <= 8 else subject.text


def _present_tense(paragraph: _Paragraph) -> list[CloseReadingCue]:
    found: list[CloseReadingCue] = []
    if paragraph.doc is not None:
        for token in paragraph.doc:
            if token.tag_ not in ("VBZ", "VBP") or token.lemma_.lower() not in PRESENT_CUES:
                continue
            if paragraph.quoted[token.idx] or any(c.dep_ == "neg" for c in token.children):
                continue
            start, end = token.idx, token.idx + len(token.text)
            who = _subject_words(token)
            subject = f" (said of {who})" if who else ""
            detail = f"“{token.text}” is in the present tense{subject}: the words are given as said now, not once."
            found.append(_cue(paragraph, CueKind.PRESENT_TENSE_VERB, start, end, detail))
    for statement in paragraph.statements:
        verb = statement.verb or ""
        if statement.attribution is None or verb.split()[:1] not in (["is"], ["are"], ["am"]):
            continue
        at = paragraph.text.find(verb, statement.attribution.start, statement.attribution.end)
        if at < 0 or any(c.start <= at < c.end for c in found):
            continue
        detail = f"“{verb}” is in the present tense: the view of {statement.speaker} is given as held now, not once."
        found.append(_cue(paragraph, CueKind.PRESENT_TENSE_VERB, at, at + len(verb), detail))
    return found


def find_close_reading(article: Article, statements: list[Statement], framing: Framing) -> list[CloseReadingCue]:
    """Every cue of the eight kinds (see the module docstring), in text order; deterministic."""
    paragraphs = _paragraphs(article, statements)
    cues: list[CloseReadingCue] = []
    for paragraph in paragraphs:
        cues += _bracketed(paragraph)
        cues += _without_speaker(paragraphs, paragraph)
        cues += _plan_phrases(paragraph)
        cues += _presupposing_words(paragraph)
        cues += _factive(paragraph)
        cues += _passives(paragraph)
        cues += _unsourced(paragraph)
        cues += _evaluative(paragraph, framing)
        cues += _present_tense(paragraph)
    unique = {(c.kind, c.paragraph, c.start, c.end): c for c in cues}
    return sorted(unique.values(), key=lambda c: (c.paragraph, c.start, KIND_ORDER.index(c.kind), c.end))


__all__ = ["FACTIVE_VERBS", "PRESUPPOSITION_WORDS", "QUESTIONS", "WHAT_IT_IS", "CloseReadingCue", "CueKind", "find_close_reading"]
