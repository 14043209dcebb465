"""A quiz bank built from an article's analysis: who said what, with which verb, in whose voice.

Everything in a generated question comes from the :class:`~medialit.analysis.Analysis`: quotations
are verbatim slices of statement texts, paragraph numbers are the analysis's, and a question is left
out whenever its key could be ambiguous (two sources that may be one person, a verb used twice in
the same paragraph, a sentence in the journalist's voice that might be a source's). Nothing is
random: the position of the key among the options comes from a hash of the headline and the
question id, so the same analysis always gives the same bank.

Article text is only ever data here: it is copied into strings, never formatted or templated.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterable, Sequence
from typing import Any, Final

from medialit.analysis import Analysis
from medialit.analysis.findings import Claim, HeadlineChange, HeadlineFinding, Support
from medialit.analysis.model import Source, Statement
from medialit.analysis.verbs import STANCE_OF
from medialit.analysis.vocabulary import QuoteType, SourceKind, VerbStance
from medialit.quiz.model import SCHEMA_VERSION, QuestionType, QuizBank

SNIPPET_WORDS: Final = 12
"""Words of a statement shown in a prompt or an option."""
MAX_WHO_SAID: Final = 3
MAX_WHICH_VERB: Final = 2
MAX_OPTIONS: Final = 4
MAX_PAIRS: Final = 4

STANCE_MEANING: Final[dict[VerbStance, str]] = {
    VerbStance.NEUTRAL: "it only reports that words were spoken",
    VerbStance.DOUBT: "it puts distance between the reporter and the claim",
    VerbStance.ALARM: "it frames the words as a warning or an insistence",
    VerbStance.ACCUSATION: "it frames the words as blame",
    VerbStance.DENIAL: "it frames the words as a rejection",
    VerbStance.CONCESSION: "it frames the words as something admitted or given up",
    VerbStance.STANCE: "it reports a view or a feeling rather than words",
}

SUPPORT_MEANING: Final[dict[Support, str]] = {
    Support.DESCRIBED: "the article describes evidence for it",
    Support.ASSERTED: "the claim is stated, but the article describes no evidence for it",
    Support.UNDER_INVESTIGATION: "the article says the matter is still being checked",
    Support.CONTESTED: "someone in the article denies or contests it",
}

_STOP: Final = frozenset(
    re.findall(
        r"\S+",
        "the a an of to in on for with and who which whose that this these those from by at his her their its "
        "he she they it them him one two some many several last later year years months days ago said says told "
        "who's has have had was were is are been be not but",
    )
)
_PRONOUN_START: Final = re.compile(r"^(?:it|they|he|she|this|these|those|we|i)\b", re.IGNORECASE)
_INDEFINITE: Final = re.compile(r"^(?:a|an|one)\s", re.IGNORECASE)
_QUANTIFIED: Final = re.compile(r"^(?:a|an|one|two|three|several|some|many)\s", re.IGNORECASE)
_PRONOUNS: Final = frozenset({"he", "she", "they", "it", "him", "her", "them", "his", "their", "its"})
_QUOTES: Final = '“”"‘'
_WORD: Final = re.compile(r"\S+")


# --- small helpers -----------------------------------------------------------------------------


def _snippet(text: str, words: int = SNIPPET_WORDS) -> str:
    """The first ``words`` words of ``text``, sliced verbatim, with "…" when cut."""
    matches = list(_WORD.finditer(text))
    if len(matches) <= words:
        return text.strip()
    return text[: matches[words - 1].end()].rstrip(" ,;:") + "…"


def _said(statement: Statement) -> str:
    """What is stated, without a leading addressee (“told parliament that …” gives “…”), verbatim."""
    text = statement.text
    if statement.verb and _norm(statement.verb).split()[-1] in {"told", "tells", "tell"}:
        match = re.match(r"^[^“”\"]{1,80}? that (?=\S)", text)
        if match:
            return text[match.end() :]
    return text


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().casefold()


def _display(source: Source) -> str:
    """The source's name as a reader would list it: the name before any ", who …" clause."""
    name = source.name.split(", ")[0].strip()
    return name or source.name


def _content_words(text: str) -> set[str]:
    words = re.findall(r"[a-z][a-z'-]+", _norm(text))
    return {w.removesuffix("'s") for w in words if len(w) >= 4 and w not in _STOP}


def _source_words(source: Source) -> set[str]:
    words = _content_words(source.name)
    for mention in source.mentions:
        words |= _content_words(mention)
    return words


def _rng(seed: str) -> random.Random:
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _place_key(key: dict[str, Any], wrong: list[dict[str, Any]], seed: str) -> list[dict[str, Any]]:
    """The key among the wrong options, at a position fixed by ``seed``."""
    position = _rng(seed).randrange(len(wrong) + 1)
    return [*wrong[:position], key, *wrong[position:]]


class _Context:
    """The analysis, indexed the ways the question builders need."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.sources = {s.id: s for s in analysis.sources}
        self.words = {s.id: _source_words(s) for s in analysis.sources}
        self.by_paragraph: dict[int, list[Statement]] = {}
        self.by_source: dict[str, list[Statement]] = {}
        for statement in analysis.statements:
            self.by_paragraph.setdefault(statement.paragraph, []).append(statement)
            if statement.source_id is not None:
                self.by_source.setdefault(statement.source_id, []).append(statement)
        ranked = sorted(
            (s for s in analysis.sources if s.id in self.by_source),
            key=lambda s: (-s.words, analysis.sources.index(s)),
        )
        self.ranked = ranked
        self.seed = analysis.article.title

    def may_be_same(self, a: str, b: str) -> bool:
        """Whether two sources might be one person or body under two names (shared content words)."""
        return a == b or bool(self.words[a] & self.words[b])

    def speakers_in(self, paragraph: int) -> set[str]:
        return {s.source_id for s in self.by_paragraph.get(paragraph, []) if s.source_id is not None}

    def first_paragraph(self, source_id: str) -> int:
        return self.by_source[source_id][0].paragraph

    def main_source(self) -> Source | None:
        return self.ranked[0] if self.ranked else None


def _attributed(statement: Statement) -> bool:
    return statement.source_id is not None and statement.attribution is not None and statement.verb is not None


def _verb_stance(verb: str, stance: VerbStance | None) -> VerbStance:
    return stance or STANCE_OF.get(_norm(verb).split()[-1], VerbStance.NEUTRAL)


def _stance_phrase(verb: str, stance: VerbStance) -> str:
    weight = f"a loaded verb ({stance.value})" if stance.loaded else "a neutral verb"
    return f"“{verb}” is {weight}: {STANCE_MEANING[stance]}."


def _cap(text: str) -> str:
    """``text`` with its first letter capitalised, to open a sentence."""
    return text[:1].upper() + text[1:]


# --- 1. who said it ----------------------------------------------------------------------------


def _who_said(ctx: _Context) -> list[dict[str, Any]]:
    questions: list[dict[str, Any]] = []
    listable = [s for s in ctx.ranked if _listable(s)]
    for source in listable:
        if len(questions) >= MAX_WHO_SAID:
            break
        statements = [s for s in ctx.by_source[source.id] if _attributed(s) and len(s.text.split()) >= 6]
        statements.sort(key=lambda s: (s.quote_type is not QuoteType.DIRECT, s.paragraph))
        if not statements:
            continue
        statement = statements[0]
        n = statement.paragraph
        present = ctx.speakers_in(n)
        key_name = _display(source)
        distractors: list[Source] = []
        names = {_norm(key_name)}
        for other in listable:
            if len(distractors) >= MAX_OPTIONS - 1:
                break
            if any(ctx.may_be_same(other.id, p) for p in present) or ctx.may_be_same(other.id, source.id):
                continue
            if any(ctx.may_be_same(other.id, d.id) for d in distractors) or _norm(_display(other)) in names:
                continue
            distractors.append(other)
            names.add(_norm(_display(other)))
        if len(distractors) < 2:
            continue
        attribution = statement.attribution
        assert attribution is not None
        quote = _snippet(_said(statement), 14)
        key = {
            "text": key_name,
            "correct": True,
            "feedback": f"Right. P{attribution.paragraph} gives the words to {key_name}: “{attribution.text}”.",
        }
        wrong = [
            {
                "text": _display(d),
                "feedback": (
                    f"{_cap(_display(d))} speaks in P{ctx.first_paragraph(d.id)}, not in P{n}. "
                    f"Read P{n} to the attribution: “{attribution.text}”."
                ),
            }
            for d in distractors
        ]
        qid = f"who-said-{len(questions) + 1}"
        kind = "in quotation marks" if statement.quote_type is QuoteType.DIRECT else "in reported speech"
        questions.append(
            {
                "id": qid,
                "type": QuestionType.SINGLE,
                "prompt": f"Who is reported as saying this (P{n})? “{quote}”",
                "options": _place_key(key, wrong, f"{ctx.seed}:{qid}"),
                "explanation": (
                    f"The words are given {kind}, and the attribution “{attribution.text}” (P{attribution.paragraph}) "
                    f"says whose they are: {key_name}. Attributions often come after the words they attribute, "
                    "so read the sentence to its end before deciding who speaks."
                ),
                "paragraphs": sorted({n, attribution.paragraph}),
            }
        )
    return questions


# --- 2. which reporting verb -------------------------------------------------------------------


def _which_verb(ctx: _Context) -> list[dict[str, Any]]:
    candidates = [s for s in ctx.analysis.statements if _attributed(s)]
    verbs: dict[str, tuple[str, Statement]] = {}
    for s in candidates:
        assert s.verb is not None
        verbs.setdefault(_norm(s.verb), (s.verb.casefold(), s))
    chosen: list[Statement] = []
    loaded = [s for s in candidates if s.verb and _verb_stance(s.verb, s.verb_stance).loaded]
    neutral = [s for s in candidates if s.verb and not _verb_stance(s.verb, s.verb_stance).loaded]
    for group in (loaded, neutral):
        for s in group:
            if all(c.source_id != s.source_id for c in chosen):
                chosen.append(s)
                break
    questions: list[dict[str, Any]] = []
    for statement in chosen[:MAX_WHICH_VERB]:
        assert statement.verb is not None and statement.source_id is not None
        n = statement.paragraph
        used_here = {_norm(s.verb) for s in ctx.by_paragraph[n] if s.verb}
        key_verb = statement.verb.casefold()
        key_stance = _verb_stance(statement.verb, statement.verb_stance)
        pool: list[tuple[str, Statement]] = [pair for norm, pair in verbs.items() if norm not in used_here]
        # Prefer distractors whose stance differs from the key's and from each other's.
        picked: list[tuple[str, Statement]] = []
        stances = {key_stance}
        for verb_form, other in pool:
            other_stance = _verb_stance(verb_form, other.verb_stance)
            if len(picked) < MAX_OPTIONS - 1 and other_stance not in stances:
                picked.append((verb_form, other))
                stances.add(other_stance)
        for verb_form, other in pool:
            if len(picked) < MAX_OPTIONS - 1 and all(verb_form != p for p, _ in picked):
                picked.append((verb_form, other))
        if len(picked) < 2:
            continue
        speaker = _display(ctx.sources[statement.source_id])
        attribution = statement.attribution
        assert attribution is not None
        key = {
            "text": key_verb,
            "correct": True,
            "feedback": f"Right: P{n} reads “{attribution.text}”. {_stance_phrase(key_verb, key_stance)}",
        }
        wrong = []
        for verb_form, other in picked:
            stance = _verb_stance(verb_form, other.verb_stance)
            wrong.append(
                {
                    "text": verb_form,
                    "feedback": (
                        f"“{verb_form}” is not used in P{n}; the article uses it in P{other.paragraph}. "
                        f"P{n} reads “{attribution.text}”. {_stance_phrase(verb_form, stance)}"
                    ),
                }
            )
        qid = f"which-verb-{len(questions) + 1}"
        questions.append(
            {
                "id": qid,
                "type": QuestionType.SINGLE,
                "prompt": (
                    f"Which reporting verb introduces {speaker}'s words in P{n}? The words begin: “{_snippet(_said(statement))}”"
                ),
                "options": _place_key(key, wrong, f"{ctx.seed}:{qid}"),
                "explanation": (
                    f"The attribution in P{n} is “{attribution.text}”. {_stance_phrase(key_verb, key_stance)} "
                    "The choice of reporting verb tells the reader how to take the words before reading them."
                ),
                "paragraphs": sorted({n, attribution.paragraph}),
            }
        )
    return questions


# --- 3. the journalist's own voice -------------------------------------------------------------


def _plainly_journalist(statement: Statement) -> bool:
    """A journalist's sentence that cannot be a source's words read as the reporter's."""
    if statement.quote_type is not QuoteType.JOURNALIST or statement.source_id is not None:
        return False
    text = statement.text
    if any(q in text for q in _QUOTES) or _PRONOUN_START.match(text) or len(text.split()) < 6:
        return False
    words = f" {_norm(text)} "
    if any(f" {form} " in words for form in STANCE_OF):
        return False
    return not re.search(r"\b(?:advis|comment|respond|declin)", _norm(text))


def _journalist_voice(ctx: _Context) -> list[dict[str, Any]]:
    journalist = [s for s in ctx.analysis.statements if _plainly_journalist(s)]
    # Prefer sentences from paragraphs where no source speaks at all.
    journalist.sort(key=lambda s: (bool(ctx.speakers_in(s.paragraph)), s.paragraph))
    chosen: list[Statement] = []
    for s in journalist:
        if len(chosen) < 2 and all(c.paragraph != s.paragraph for c in chosen):
            chosen.append(s)
    attributed = [s for s in ctx.analysis.statements if _attributed(s)]
    attributed.sort(key=lambda s: (s.quote_type is not QuoteType.INDIRECT, s.paragraph))
    others: list[Statement] = []
    for s in attributed:
        if len(others) >= 3:
            break
        if all(o.source_id != s.source_id for o in others) and all(c.paragraph != s.paragraph for c in [*chosen, *others]):
            others.append(s)
    if len(chosen) < 2 or len(others) < 2:
        return []
    options: list[tuple[int, dict[str, Any]]] = []
    for s in chosen:
        text = f"P{s.paragraph}: “{_snippet(_said(s))}”"
        feedback = f"Right. P{s.paragraph} names no one as the source of this sentence: the article asserts it in its own voice."
        options.append((s.paragraph, {"text": text, "correct": True, "feedback": feedback}))
    for s in others:
        assert s.attribution is not None and s.source_id is not None
        speaker = _display(ctx.sources[s.source_id])
        text = f"P{s.paragraph}: “{_snippet(_said(s))}”"
        feedback = (
            f"This is attributed: P{s.attribution.paragraph} says “{s.attribution.text}”. "
            f"It is {speaker}'s point in the reporter's words, not the article's own claim."
        )
        options.append((s.paragraph, {"text": text, "feedback": feedback}))
    options.sort(key=lambda pair: pair[0])
    paragraphs = sorted({p for p, _ in options})
    return [
        {
            "id": "journalist-voice",
            "type": QuestionType.MULTIPLE,
            "prompt": (
                "Which of these sentences are in the article's own voice, with no person or body named as their source? "
                "Check each paragraph for an attribution (said, told, according to …), which may come at the end."
            ),
            "options": [option for _, option in options],
            "explanation": (
                "Reported speech without quotation marks reads like the article's own account until you reach the "
                "attribution. Sentences with no attribution at all are the reporter's responsibility: ask what they rest on."
            ),
            "paragraphs": paragraphs,
        }
    ]


# --- 4. kinds of source ------------------------------------------------------------------------


def _listable(source: Source) -> bool:
    """A source a student can recognise by the name shown: a proper name, or an indefinite description.

    Definite descriptions ("the researchers", "the institute") are left out: they are often a
    second name for a source listed elsewhere.
    """
    tokens = _norm(_display(source)).split()
    described = bool(_QUANTIFIED.match(_display(source))) and len(tokens) >= 2 and not _PRONOUNS & set(tokens)
    return _clearly_named(source) or described


def _clearly_anonymous(source: Source) -> bool:
    name = _display(source)
    tokens = _norm(name).split()
    return (
        source.kind is SourceKind.ANONYMOUS
        and bool(_INDEFINITE.match(name))
        and len(tokens) >= 2
        and not _PRONOUNS & set(tokens)
        and all(_INDEFINITE.match(m) or _norm(m) in _PRONOUNS or _norm(m).startswith("the ") for m in source.mentions)
    )


def _clearly_named(source: Source) -> bool:
    """A named person or body: the name is capitalised words and no mention is a description."""
    name = _display(source)
    words = name.split()
    return (
        source.kind is SourceKind.NAMED
        and len(words) >= 2
        and all(w[:1].isupper() for w in words)
        and not any(_INDEFINITE.match(m.split(", ")[-1]) or _INDEFINITE.match(m) for m in source.mentions)
    )


def _kinds_of_source(ctx: _Context) -> list[dict[str, Any]]:
    anonymous = [s for s in ctx.ranked if _clearly_anonymous(s)]
    named = [s for s in ctx.ranked if _clearly_named(s)]
    any_anonymous = any(s.kind is SourceKind.ANONYMOUS for s in ctx.analysis.sources)
    if not any_anonymous:
        if not named:
            return []
        examples = ", ".join(f"{_display(s)} (P{ctx.first_paragraph(s.id)})" for s in named[:3])
        paragraphs = sorted({ctx.first_paragraph(s.id) for s in named[:3]})
        return [
            {
                "id": "anonymous-sources",
                "type": QuestionType.TRUE_FALSE,
                "prompt": "True or false: the article quotes at least one anonymous source.",
                "answer": False,
                "feedback": {
                    "when_true": (
                        "Look again at how each source is introduced: every one is named or is a group or body. "
                        f"For example: {examples}."
                    ),
                    "when_false": f"Right. Every source is named, or is a group or body speaking as a whole: {examples}.",
                },
                "explanation": (
                    "An anonymous source is one person described but not named (“a senior official”). "
                    "This article gives a name, or a group, for every voice it reports."
                ),
                "paragraphs": paragraphs,
            }
        ]
    if not anonymous or not named:
        return []
    picked_anonymous = anonymous[:3]
    picked_named = [s for s in named if not any(ctx.may_be_same(s.id, a.id) for a in picked_anonymous)][:2]
    if not picked_named:
        return []
    options: list[tuple[int, dict[str, Any]]] = []
    for s in picked_anonymous:
        p = ctx.first_paragraph(s.id)
        options.append(
            (
                p,
                {
                    "text": _display(s),
                    "correct": True,
                    "feedback": f"Right. P{p} describes this source (“{_display(s)}”) but gives no name a reader could check.",
                },
            )
        )
    for s in picked_named:
        p = ctx.first_paragraph(s.id)
        options.append(
            (
                p,
                {
                    "text": _display(s),
                    "feedback": f"Not anonymous: P{p} names this source, {_display(s)}.",
                },
            )
        )
    options.sort(key=lambda pair: (pair[0], pair[1]["text"]))
    return [
        {
            "id": "anonymous-sources",
            "type": QuestionType.MULTIPLE,
            "prompt": "Which of these sources does the article leave anonymous (described, but not named)?",
            "options": [o for _, o in options],
            "explanation": (
                "An anonymous source is described (a role, a place, “who asked not to be named”) but not named, so "
                "a reader cannot check who is speaking or what they stand to gain. Count them, and ask what each "
                "anonymous voice is used to support."
            ),
            "paragraphs": sorted({p for p, _ in options}),
        }
    ]


# --- 5. headline -------------------------------------------------------------------------------


def _line_name(finding: HeadlineFinding) -> str:
    return "headline" if finding.line == "headline" else "sub-headline"


def _has_attribution(line: str) -> bool:
    """Whether a headline line carries an attribution after all ("…, documents show", "…, president warns")."""
    padded = f" {re.sub(r'[^a-z ]', ' ', _norm(line))} "
    return any(f" {form} " in padded for form in (*STANCE_OF, "show", "reveal", "reveals"))


def _headline(ctx: _Context) -> list[dict[str, Any]]:
    findings = ctx.analysis.framing.headline
    questions: list[dict[str, Any]] = []
    dropped = next(
        (f for f in findings if f.change is HeadlineChange.ATTRIBUTION_DROPPED and not _has_attribution(f.headline_text)),
        None,
    )
    if dropped is not None:
        line = _line_name(dropped)
        questions.append(
            {
                "id": "headline-attribution",
                "type": QuestionType.TRUE_FALSE,
                "prompt": f"True or false: the {line} (“{dropped.headline_text}”) says who makes the claim it reports.",
                "answer": False,
                "feedback": {
                    "when_true": f"Read it again: it names no one as the source of the claim. {dropped.detail}",
                    "when_false": f"Right. {dropped.detail}",
                },
                "explanation": (
                    f"{dropped.detail} A {line} that drops the attribution turns one source's claim into what reads "
                    f"like plain fact; P{dropped.paragraph} says whose claim it is."
                ),
                "paragraphs": [dropped.paragraph],
            }
        )
    raised = next((f for f in findings if f.change in (HeadlineChange.HEDGE_DROPPED, HeadlineChange.CERTAINTY_RAISED)), None)
    if raised is not None:
        line = _line_name(raised)
        questions.append(
            {
                "id": "headline-certainty",
                "type": QuestionType.TRUE_FALSE,
                "prompt": (
                    f"True or false: the {line} (“{raised.headline_text}”) is as cautious about the claim as "
                    f"P{raised.paragraph} is."
                ),
                "answer": False,
                "feedback": {
                    "when_true": f"Compare the wording: {raised.detail}",
                    "when_false": f"Right. {raised.detail}",
                },
                "explanation": (
                    f"{raised.detail} Words such as “could”, “may” and “possible” mark a claim as uncertain; "
                    f"a {line} that leaves them out makes the story sound more certain than its body."
                ),
                "paragraphs": [raised.paragraph],
            }
        )
    return questions


# --- 6. find in the text -----------------------------------------------------------------------


def _find_main_source(ctx: _Context) -> list[dict[str, Any]]:
    main = ctx.main_source()
    if main is None:
        return []
    first = ctx.first_paragraph(main.id)
    # Uncertain if another source that may be the same person speaks earlier.
    if any(ctx.may_be_same(main.id, s.id) and ctx.first_paragraph(s.id) < first for s in ctx.ranked):
        return []
    related = {s.id for s in ctx.ranked if ctx.may_be_same(main.id, s.id)}
    others = [
        n
        for n, statements in sorted(ctx.by_paragraph.items())
        if n != first and not any(s.source_id in related for s in statements)
    ]
    others.sort(key=lambda n: (abs(n - first), n))
    wrong = sorted(others[:3])
    if len(wrong) < 2:
        return []
    name = _display(main)
    feedback: dict[int, str] = {}
    for n in wrong:
        statement = ctx.by_paragraph[n][0]
        if statement.source_id is None:
            who = "is in the journalist's own voice"
        else:
            who = f"reports {_display(ctx.sources[statement.source_id])}"
        feedback[n] = f"P{n} {who} (“{_snippet(_said(statement), 8)}”), not {name}."
    opening = ctx.by_source[main.id][0]
    return [
        {
            "id": "find-main-source",
            "type": QuestionType.FIND_IN_TEXT,
            "prompt": f"Select the paragraph where the article first reports the words or views of {name}.",
            "answer": [first],
            "candidates": sorted([first, *wrong]),
            "feedback": feedback,
            "explanation": (
                f"{name} is the source given the most words in the article, and is first reported in P{first} "
                f"(“{_snippet(_said(opening), 8)}”). Where the main voice enters, and who speaks before it, shapes how "
                "a reader takes the story."
            ),
            "paragraphs": [first],
        }
    ]


# --- 7. matching verbs to speakers -------------------------------------------------------------


def _matching(ctx: _Context) -> list[dict[str, Any]]:
    pairs: list[Statement] = []
    for source in ctx.ranked:
        if len(pairs) >= MAX_PAIRS:
            break
        if any(ctx.may_be_same(source.id, p.source_id or "") for p in pairs):
            continue
        for s in ctx.by_source[source.id]:
            if not _attributed(s) or s.verb is None:
                continue
            verb = _norm(s.verb)
            if any(_norm(p.verb or "") == verb for p in pairs):
                continue
            # The same verb for another speaker in the same paragraph would make the pair ambiguous.
            if any(o.source_id != s.source_id and o.verb and _norm(o.verb) == verb for o in ctx.by_paragraph[s.paragraph]):
                continue
            pairs.append(s)
            break
    if len(pairs) < 3:
        return []
    speakers = {p.source_id for p in pairs if p.source_id}
    distractor = next(
        (
            s
            for s in ctx.ranked
            if not any(ctx.may_be_same(s.id, k) for k in speakers)
            and not any(s.id in ctx.speakers_in(p.paragraph) for p in pairs)
            and _norm(_display(s)) not in {_norm(_display(ctx.sources[k])) for k in speakers}
        ),
        None,
    )
    items = []
    for s in pairs:
        assert s.verb is not None and s.source_id is not None and s.attribution is not None
        name = _display(ctx.sources[s.source_id])
        items.append(
            {
                "left": f"“{s.verb.casefold()}” (P{s.paragraph})",
                "right": name,
                "feedback": f"P{s.paragraph}: “{s.attribution.text}”. The verb introduces {name}'s words.",
            }
        )
    return [
        {
            "id": "verbs-to-speakers",
            "type": QuestionType.MATCHING,
            "prompt": "Match each reporting verb, in the paragraph given, to the source whose words it introduces.",
            "pairs": items,
            "distractors": [_display(distractor)] if distractor is not None else [],
            "explanation": (
                "Each verb sits in an attribution that names its speaker; read the whole sentence, since the "
                "attribution may come first or last. The verbs differ: some only report, others judge."
                + (f" {_display(distractor)} matches none of them." if distractor is not None else "")
            ),
            "paragraphs": sorted({s.paragraph for s in pairs}),
        }
    ]


# --- 8. short answer ---------------------------------------------------------------------------


def _claim_sentence(claim: Claim) -> str:
    parts = []
    for support in claim.support:
        if support is Support.CONTESTED and claim.contested_by:
            parts.append(f"it is denied or contested by {', '.join(claim.contested_by)}")
        else:
            parts.append(SUPPORT_MEANING[support])
    if not parts:
        return "The article shows no support for it."
    where = f" (see {', '.join(f'P{p}' for p in claim.support_paragraphs)})" if claim.support_paragraphs else ""
    return f"Support: {'; '.join(parts)}{where}."


def _short_answer(ctx: _Context) -> list[dict[str, Any]]:
    main = ctx.main_source()
    if main is None:
        return []
    claims = [c for c in ctx.analysis.evidence if c.speaker == main.name]
    if not claims:
        return []
    claim = next((c for c in claims if Support.CONTESTED in c.support), claims[0])
    name = _display(main)
    labels = ", ".join(str(s) for s in claim.support) or "none"
    contest = (
        f"Says who contests it ({', '.join(claim.contested_by)})."
        if claim.contested_by
        else "Says whether anyone in the article contests it (here: no one is reported doing so)."
    )
    return [
        {
            "id": "main-source-claim",
            "type": QuestionType.SHORT_ANSWER,
            "prompt": (
                f"In two or three sentences, say what {name} claims in P{claim.paragraph} and what support the article "
                "shows for it."
            ),
            "model_answer": (
                f"In P{claim.paragraph}, {name} claims: “{_snippet(claim.text, 25)}”. It is {name}'s claim, reported "
                f"by the article, not a fact the article establishes. {_claim_sentence(claim)}"
            ),
            "rubric": [
                f"Says that the claim is {name}'s, not the article's (P{claim.paragraph}).",
                f"Describes the support the article shows ({labels}).",
                contest,
            ],
            "explanation": (
                "A claim is only as strong as what stands behind it. Separate who says it, what evidence the text "
                "describes, and who disputes it."
            ),
            "paragraphs": sorted({claim.paragraph, *claim.support_paragraphs}),
        }
    ]


def _summary(ctx: _Context) -> list[dict[str, Any]]:
    """A written summary with a rubric: every article supports it, so every bank has a question."""
    last = len(ctx.analysis.article.paragraphs)
    return [
        {
            "id": "fair-summary",
            "type": QuestionType.SHORT_ANSWER,
            "prompt": (
                "In three or four sentences, summarise what the article reports. For each point, give the paragraph "
                "it comes from (P1, P2, …) and say whether the article states it or reports someone saying it."
            ),
            "model_answer": (
                "A fair summary says what happened in the article's own terms, with a paragraph number for each point, "
                'and keeps apart what the article states as fact and what it reports a source claiming ("X says …"). '
                "It adds nothing the article does not say."
            ),
            "rubric": [
                "Gives a paragraph number for each point.",
                "Keeps the article's own statements apart from what its sources claim.",
                "Adds no fact, judgement or motive that the article does not give.",
            ],
            "explanation": (
                "A summary that names who claims what is the first check of a reading: a reader who cannot say where "
                "a point comes from cannot weigh it."
            ),
            "paragraphs": [1] if last else [],
        }
    ]


# --- the bank ----------------------------------------------------------------------------------


def _dedupe_options(question: dict[str, Any]) -> dict[str, Any] | None:
    """Drop wrong options whose text equals another's; None if too few are left."""
    if "options" not in question:
        return question
    seen: set[str] = set()
    kept = []
    for option in sorted(question["options"], key=lambda o: not o.get("correct", False)):
        key = _norm(option["text"])
        if key not in seen:
            seen.add(key)
            kept.append(option)
    ordered = [o for o in question["options"] if any(o is k for k in kept)]
    if len(ordered) < 2:
        return None
    return {**question, "options": ordered}


BUILDERS: Final = (
    _who_said,
    _which_verb,
    _journalist_voice,
    _kinds_of_source,
    _headline,
    _find_main_source,
    _matching,
    _short_answer,
    _summary,
)


def _questions(ctx: _Context, builders: Iterable[Any]) -> Sequence[dict[str, Any]]:
    questions: list[dict[str, Any]] = []
    for build in builders:
        for question in build(ctx):
            deduped = _dedupe_options(question)
            if deduped is not None:
                questions.append(deduped)
    return questions


def generate_bank(analysis: Analysis, *, bank_id: str, title: str, chapter: str, article: str) -> QuizBank:
    """A quiz bank on the analysed article (the same analysis always gives the same bank).

    Kinds, each only when the analysis makes its key certain: who said it, which reporting verb,
    the journalist's own voice, anonymous sources, what the headline changes, where the main
    source first speaks, verbs matched to speakers, a short answer on the main source's claim, and
    a written summary with a rubric, which every article supports (so no bank is empty).
    """
    questions = _questions(_Context(analysis), BUILDERS)
    return QuizBank.model_validate(
        {
            "schema_version": SCHEMA_VERSION,
            "id": bank_id,
            "title": title,
            "chapter": chapter,
            "article": article,
            "questions": list(questions),
        }
    )


__all__ = ["generate_bank"]
