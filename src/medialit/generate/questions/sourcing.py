"""Questions for the sourcing chapter: who said it, with which verb, how much, named or not, in what order.

Each builder asks only what the facts make certain: a key's speaker is named at the statement
itself (never a "she" or "the diplomat"), no two options may be one person under two names, no
wrong option may speak in the paragraph asked about, and a "first reported" key is asked only
when no earlier paragraph may hold the same source under another description.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from medialit.analysis.facts import SourceFacts, SourceShape, norm
from medialit.analysis.model import Statement
from medialit.analysis.vocabulary import QuoteType, SourceKind
from medialit.generate.questions.common import (
    MAX_OPTIONS,
    QuestionContext,
    cap,
    distinct_options,
    mid,
    paragraph_names,
    pick_distractors,
    place_key,
    said,
    single_choice,
    snippet,
    stance_phrase,
    verb_stance,
    without_standout_right,
    words_of,
)
from medialit.quiz.model import (
    FindInText,
    Matching,
    MultipleSelect,
    Option,
    Ordering,
    OrderItem,
    Pair,
    Question,
    QuestionType,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
    TrueFalseFeedback,
)

MAX_WHO_SAID: Final = 3
MAX_WHICH_VERB: Final = 2
MAX_PAIRS: Final = 4
MIN_STATEMENT_WORDS: Final = 6
SHARE_MARGIN: Final = 1.5
"""The most-quoted source must have this many times the words of every other option."""

KIND_MEANING: Final[dict[SourceKind, str]] = {
    SourceKind.NAMED: "Named: the article gives a name a reader can look up",
    SourceKind.ANONYMOUS: "Anonymous: one person, described but not named",
    SourceKind.COLLECTIVE: "Collective: a group speaking as one, with no one named",
}


def clear_statements(ctx: QuestionContext, source: SourceFacts) -> list[Statement]:
    """The source's statements whose attribution names it clearly, long enough to recognise, direct quotes first."""
    found = [
        s
        for s in ctx.facts.by_source.get(source.source.id, [])
        if ctx.facts.clear_speaker(s) and len(said(s).split()) >= MIN_STATEMENT_WORDS and not ctx.facts.is_boilerplate(s)
    ]
    return sorted(found, key=lambda s: (s.quote_type is not QuoteType.DIRECT, s.paragraph))


# --- who said it -------------------------------------------------------------------------------


def who_said(ctx: QuestionContext) -> list[Question]:
    """Single choice: whose words is this quotation? The key is named at the statement itself."""
    questions: list[Question] = []
    for source in ctx.facts.listable:
        if len(questions) >= MAX_WHO_SAID:
            break
        statements = clear_statements(ctx, source)
        if not statements:
            continue
        statement = statements[0]
        attribution = statement.attribution
        if attribution is None:
            continue
        n = statement.paragraph
        distractors = pick_distractors(
            ctx, ctx.facts.listable, avoid=[source.source.id], paragraphs=[n, attribution.paragraph], limit=MAX_OPTIONS - 1
        )
        if len(distractors) < 2:
            continue
        key_name = source.label
        qid = f"who-said-{len(questions) + 1}"
        key = Option(
            text=key_name,
            correct=True,
            feedback=f"Right. P{attribution.paragraph} gives the words to {mid(key_name)}: “{attribution.text}”.",
        )
        wrong = [
            Option(
                text=d.label,
                feedback=(
                    f"{cap(mid(d.label))} speaks in P{ctx.facts.first_paragraph(d.source.id)}, not in P{n}. "
                    f"Read P{n} to the attribution: “{attribution.text}”."
                ),
            )
            for d in distractors
        ]
        options = distinct_options(place_key(key, wrong, f"{ctx.seed}:{qid}"))
        if options is None:
            continue
        kind = "in quotation marks" if statement.quote_type is QuoteType.DIRECT else "in reported speech"
        questions.append(
            SingleChoice(
                id=qid,
                type=QuestionType.SINGLE,
                prompt=f"Who is reported as saying this (P{n})? “{snippet(said(statement), 14)}”",
                options=options,
                explanation=(
                    f"The words are given {kind}, and the attribution “{attribution.text}” (P{attribution.paragraph}) "
                    f"says whose they are: {mid(key_name)}. Attributions often come after the words they attribute, so "
                    "read the sentence to its end before deciding who speaks."
                ),
                paragraphs=sorted({n, attribution.paragraph}),
            )
        )
    return questions


def quotes_to_speakers(ctx: QuestionContext) -> list[Question]:
    """Matching: each quotation to its speaker ("who said it"), one quotation per source."""
    pairs: list[tuple[Statement, SourceFacts]] = []
    for source in ctx.facts.listable:
        if len(pairs) >= MAX_PAIRS:
            break
        if any(ctx.facts.may_be_same(source.source.id, other.source.id) for _s, other in pairs):
            continue
        statements = [s for s in clear_statements(ctx, source) if s.quote_type is QuoteType.DIRECT]
        # Skip a quotation whose paragraph another chosen speaker may share: each left item has one right answer.
        statements = [s for s in statements if not any(ctx.facts.may_speak_in(o.source.id, s.paragraph) for _t, o in pairs)]
        # The paragraph must hold no other speaker who may be confused with the key.
        statements = [
            s
            for s in statements
            if all(ctx.facts.sources[o].listable for o in ctx.facts.speakers_in(s.paragraph) - {source.source.id})
        ]
        if statements:
            pairs.append((statements[-1] if len(statements) > 1 else statements[0], source))
    if len(pairs) < 3:
        return []
    pairs.sort(key=lambda pair: pair[0].paragraph)
    speakers = [o.source.id for _s, o in pairs]
    extra = pick_distractors(ctx, ctx.facts.listable, avoid=speakers, paragraphs=[s.paragraph for s, _o in pairs], limit=1)
    items = [
        Pair(
            left=f"“{snippet(said(s), 10)}” (P{s.paragraph})",
            right=o.label,
            feedback=f"P{s.paragraph}: the attribution “{s.attribution.text if s.attribution else s.verb}” names {mid(o.label)}.",
        )
        for s, o in pairs
    ]
    return [
        Matching(
            id="quotes-to-speakers",
            type=QuestionType.MATCHING,
            prompt="Who said it? Match each quotation, in the paragraph given, to the source the article gives it to.",
            pairs=items,
            distractors=[e.label for e in extra],
            explanation=(
                "A quotation is only as good as the person behind it: read each paragraph to the attribution, which "
                "may come before, inside or after the quoted words."
                + (f" {cap(mid(extra[0].label))} says none of them." if extra else "")
            ),
            paragraphs=sorted({s.paragraph for s, _o in pairs}),
        )
    ]


# --- reporting verbs ---------------------------------------------------------------------------


def _verb_pool(ctx: QuestionContext) -> dict[str, tuple[str, Statement]]:
    pool: dict[str, tuple[str, Statement]] = {}
    for s in ctx.analysis.statements:
        if s.verb and ctx.facts.clear_speaker(s):
            pool.setdefault(norm(s.verb), (s.verb.casefold(), s))
    return pool


def which_verb(ctx: QuestionContext) -> list[Question]:
    """Single choice: which reporting verb introduces these words? Distractors are verbs not used in that paragraph."""
    candidates = [s for s in ctx.analysis.statements if ctx.facts.clear_speaker(s) and s.source_id is not None]
    candidates = [s for s in candidates if ctx.facts.sources[s.source_id or ""].shape is not SourceShape.UNCLEAR]
    pool = _verb_pool(ctx)
    chosen: list[Statement] = []
    loaded = [s for s in candidates if s.verb and verb_stance(s.verb, s.verb_stance).loaded]
    neutral = [s for s in candidates if s.verb and not verb_stance(s.verb, s.verb_stance).loaded]
    for group in (loaded, neutral):
        for s in group:
            if all(c.source_id != s.source_id for c in chosen):
                chosen.append(s)
                break
    questions: list[Question] = []
    for statement in chosen[:MAX_WHICH_VERB]:
        if statement.verb is None or statement.source_id is None or statement.attribution is None:
            continue
        n = statement.paragraph
        used_here = {norm(s.verb) for s in ctx.facts.by_paragraph[n] if s.verb}
        key_verb = statement.verb.casefold()
        key_stance = verb_stance(statement.verb, statement.verb_stance)
        others = [pair for verb, pair in pool.items() if verb not in used_here]
        picked: list[tuple[str, Statement]] = []
        stances = {key_stance}
        for verb_form, other in others:  # first verbs of stances unlike the key's and each other's
            stance = verb_stance(verb_form, other.verb_stance)
            if len(picked) < MAX_OPTIONS - 1 and stance not in stances:
                picked.append((verb_form, other))
                stances.add(stance)
        for verb_form, other in others:
            if len(picked) < MAX_OPTIONS - 1 and all(verb_form != p for p, _ in picked):
                picked.append((verb_form, other))
        if len(picked) < 2:
            continue
        source = ctx.source(statement.source_id)
        attribution = statement.attribution
        qid = f"which-verb-{len(questions) + 1}"
        key = Option(
            text=key_verb,
            correct=True,
            feedback=f"Right: P{n} reads “{attribution.text}”. {stance_phrase(key_verb, key_stance)}",
        )
        wrong = [
            Option(
                text=verb_form,
                feedback=(
                    f"“{verb_form}” is not used in P{n}; the article uses it in P{other.paragraph}. P{n} reads "
                    f"“{attribution.text}”. {stance_phrase(verb_form, verb_stance(verb_form, other.verb_stance))}"
                ),
            )
            for verb_form, other in picked
        ]
        options = distinct_options(place_key(key, wrong, f"{ctx.seed}:{qid}"))
        if options is None:
            continue
        questions.append(
            SingleChoice(
                id=qid,
                type=QuestionType.SINGLE,
                prompt=(
                    f"Which reporting verb introduces {words_of(source.label, source.shape)} in P{n}? The words begin: "
                    f"“{snippet(said(statement))}”"
                ),
                options=options,
                explanation=(
                    f"The attribution in P{n} is “{attribution.text}”. {stance_phrase(key_verb, key_stance)} The choice "
                    "of reporting verb tells the reader how to take the words before reading them."
                ),
                paragraphs=sorted({n, attribution.paragraph}),
            )
        )
    return questions


def verbs_to_speakers(ctx: QuestionContext) -> list[Question]:
    """Matching: each reporting verb (in its paragraph) to the source whose words it introduces."""
    pairs: list[Statement] = []
    for source in ctx.facts.listable:
        if len(pairs) >= MAX_PAIRS:
            break
        if any(ctx.facts.may_be_same(source.source.id, p.source_id or "") for p in pairs):
            continue
        for s in ctx.facts.by_source[source.source.id]:
            if not ctx.facts.clear_speaker(s) or s.verb is None:
                continue
            verb = norm(s.verb)
            if any(norm(p.verb or "") == verb for p in pairs):
                continue
            # The same verb for another speaker in the paragraph would make the pair ambiguous.
            if any(o.source_id != s.source_id and o.verb and norm(o.verb) == verb for o in ctx.facts.by_paragraph[s.paragraph]):
                continue
            pairs.append(s)
            break
    if len(pairs) < 3:
        return []
    speakers = [p.source_id for p in pairs if p.source_id]
    extra = pick_distractors(ctx, ctx.facts.listable, avoid=speakers, paragraphs=[p.paragraph for p in pairs], limit=1)
    items = []
    for s in pairs:
        if s.verb is None or s.source_id is None or s.attribution is None:
            return []
        name = ctx.label(s.source_id)
        items.append(
            Pair(
                left=f"“{s.verb.casefold()}” (P{s.paragraph})",
                right=name,
                feedback=(
                    f"P{s.paragraph}: “{s.attribution.text}”. The verb introduces "
                    f"{words_of(name, ctx.source(s.source_id).shape)}."
                ),
            )
        )
    return [
        Matching(
            id="verbs-to-speakers",
            type=QuestionType.MATCHING,
            prompt="Match each reporting verb, in the paragraph given, to the source whose words it introduces.",
            pairs=items,
            distractors=[e.label for e in extra],
            explanation=(
                "Each verb sits in an attribution that names its speaker; read the whole sentence, since the "
                "attribution may come first or last. The verbs differ: some only report, others judge."
                + (f" {cap(mid(extra[0].label))} matches none of them." if extra else "")
            ),
            paragraphs=sorted({s.paragraph for s in pairs}),
        )
    ]


# --- kinds of source ---------------------------------------------------------------------------


def anonymous_sources(ctx: QuestionContext) -> list[Question]:
    """Which sources are anonymous (multiple select), or, when none is, a true/false that says so."""
    anonymous = [s for s in ctx.facts.ranked if s.clearly_anonymous]
    named = [s for s in ctx.facts.ranked if s.clearly_named]
    if not any(s.kind is SourceKind.ANONYMOUS for s in ctx.analysis.sources):
        if not named:
            return []
        shown = named[:3]
        examples = ", ".join(f"{s.label} (P{ctx.facts.first_paragraph(s.source.id)})" for s in shown)
        return [
            TrueFalse(
                id="anonymous-sources",
                type=QuestionType.TRUE_FALSE,
                prompt="True or false: the article quotes at least one anonymous source.",
                answer=False,
                feedback=TrueFalseFeedback(
                    when_true=(
                        "Look again at how each source is introduced: every one is named or is a group or body. "
                        f"For example: {examples}."
                    ),
                    when_false=f"Right. Every source is named, or is a group or body speaking as a whole: {examples}.",
                ),
                explanation=(
                    "An anonymous source is one person described but not named (“a senior official”). "
                    "This article gives a name, or a group, for every voice it reports."
                ),
                paragraphs=sorted({ctx.facts.first_paragraph(s.source.id) for s in shown}),
            )
        ]
    if not anonymous or not named:
        return []
    picked_anonymous = anonymous[:3]
    picked_named = [s for s in named if not any(ctx.facts.may_be_same(s.source.id, a.source.id) for a in picked_anonymous)][:2]
    if not picked_named:
        return []
    options: list[tuple[int, Option]] = []
    for s in picked_anonymous:
        p = ctx.facts.first_paragraph(s.source.id)
        feedback = f"Right. P{p} describes this source (“{s.label}”) but gives no name a reader could check."
        options.append((p, Option(text=s.label, correct=True, feedback=feedback)))
    for s in picked_named:
        p = ctx.facts.first_paragraph(s.source.id)
        options.append((p, Option(text=s.label, feedback=f"Not anonymous: P{p} names this source, {s.label}.")))
    options.sort(key=lambda pair: (pair[0], pair[1].text))
    even = without_standout_right([o for _p, o in options])
    options = [(p, o) for p, o in options if any(o is e for e in even)]
    kept = distinct_options(even)
    if kept is None:
        return []
    return [
        MultipleSelect(
            id="anonymous-sources",
            type=QuestionType.MULTIPLE,
            prompt="Which of these sources does the article leave anonymous (described, but not named)?",
            options=kept,
            explanation=(
                "An anonymous source is described (a role, a place, “who asked not to be named”) but not named, so a "
                "reader cannot check who is speaking or what they stand to gain. Count them, and ask what each "
                "anonymous voice is used to support."
            ),
            paragraphs=sorted({p for p, _ in options}),
        )
    ]


def source_kinds(ctx: QuestionContext) -> list[Question]:
    """Matching: sources to their kind (named, anonymous, collective), one clear example of each kind found."""
    examples: list[tuple[SourceKind, SourceFacts]] = []
    tests: tuple[tuple[SourceKind, Callable[[SourceFacts], bool]], ...] = (
        (SourceKind.NAMED, lambda f: f.clearly_named and f.shape is SourceShape.PERSON),
        (SourceKind.ANONYMOUS, lambda f: f.clearly_anonymous),
        (SourceKind.COLLECTIVE, lambda f: f.clearly_collective),
    )
    for kind, test in tests:
        found = next(
            (
                f
                for f in ctx.facts.ranked
                if test(f) and not any(ctx.facts.may_be_same(f.source.id, e.source.id) for _k, e in examples)
            ),
            None,
        )
        if found is not None:
            examples.append((kind, found))
    if len(examples) < 2:
        return []
    pairs = []
    for kind, f in sorted(examples, key=lambda pair: ctx.facts.first_paragraph(pair[1].source.id)):
        p = ctx.facts.first_paragraph(f.source.id)
        pairs.append(
            Pair(left=f"{f.label} (P{p})", right=KIND_MEANING[kind], feedback=f"P{p} introduces the source as “{f.label}”.")
        )
    missing = [KIND_MEANING[k] for k in KIND_MEANING if k not in {kind for kind, _f in examples}]
    return [
        Matching(
            id="source-kinds",
            type=QuestionType.MATCHING,
            prompt="Match each source to the kind of source it is.",
            pairs=pairs,
            distractors=missing[:1],
            explanation=(
                "Named sources can be looked up; anonymous ones must be taken on trust; collective ones tell you a "
                "view exists but not whose it is."
            ),
            paragraphs=sorted({ctx.facts.first_paragraph(f.source.id) for _k, f in examples}),
        )
    ]


# --- how much, and in what order ---------------------------------------------------------------


def _alone(ctx: QuestionContext, options: list[SourceFacts]) -> bool:
    """No source outside the options may be one of them under another name (its words would count too)."""
    ids = {o.source.id for o in options}
    return not any(
        ctx.facts.may_be_same(other.source.id, o.source.id)
        for other in ctx.facts.ranked
        if other.source.id not in ids
        for o in options
    )


def main_source_share(ctx: QuestionContext) -> list[Question]:
    """Single choice: which of these sources does the article give the most words to?"""
    listable = ctx.facts.listable
    if not listable or ctx.facts.ranked[0] is not listable[0]:
        return []
    top = listable[0]
    others = pick_distractors(ctx, listable[1:], avoid=[top.source.id], limit=MAX_OPTIONS - 1)
    others = [o for o in others if top.source.words >= SHARE_MARGIN * o.source.words]
    if len(others) < 2 or not _alone(ctx, [top, *others]):
        return []
    paragraphs = sorted({s.paragraph for s in ctx.facts.by_source[top.source.id]})
    key = Option(
        text=top.label,
        correct=True,
        feedback=(
            f"Right. {cap(mid(top.label))} has about {top.source.share:.0%} of the "
            f"article's words, in {len(paragraphs)} paragraphs ({paragraph_names(paragraphs[:8])})."
        ),
    )
    wrong = [
        Option(
            text=o.label,
            feedback=(
                f"{cap(mid(o.label))} has about {o.source.share:.0%} of the article's words; {mid(top.label)} has about "
                f"{top.source.share:.0%} (P{paragraphs[0]} and on)."
            ),
        )
        for o in others
    ]
    return single_choice(
        ctx.seed,
        "main-source-share",
        "Count the words of what each source says, quoted or summed up. Which "
        "of these sources does the article give the most words to?",
        key,
        wrong,
        explanation=f"{cap(mid(top.label))} speaks in {len(paragraphs)} paragraphs. How much space each source gets shapes "
        "what a reader takes away: ask whose view the article is built on, and who gets less room.",
        paragraphs=paragraphs[:8],
    )


def voices_order(ctx: QuestionContext) -> list[Question]:
    """Ordering: these sources in the order the article first reports them (only sources whose first paragraph is certain)."""
    chosen: list[SourceFacts] = []
    firsts: set[int] = set()
    for source in sorted(ctx.facts.listable, key=lambda f: ctx.facts.first_paragraph(f.source.id)):
        first = ctx.facts.first_paragraph(source.source.id)
        if len(chosen) >= 4 or first in firsts or not ctx.facts.first_paragraph_certain(source.source.id):
            continue
        if any(ctx.facts.may_be_same(source.source.id, c.source.id) for c in chosen):
            continue
        chosen.append(source)
        firsts.add(first)
    if len(chosen) < 3:
        return []
    items = [
        OrderItem(text=c.label, feedback=f"{cap(mid(c.label))} is first reported in P{ctx.facts.first_paragraph(c.source.id)}.")
        for c in chosen
    ]
    return [
        Ordering(
            id="voices-order",
            type=QuestionType.ORDERING,
            prompt="Put these sources in the order in which the article first reports their words or views, first at the top.",
            items=items,
            explanation=(
                "Who speaks first sets the frame for everyone after: readers often stop after the first few paragraphs. "
                + "; ".join(f"{c.label}: P{ctx.facts.first_paragraph(c.source.id)}" for c in chosen)
                + "."
            ),
            paragraphs=sorted(firsts),
        )
    ]


def find_main_source(ctx: QuestionContext) -> list[Question]:
    """Find in the text: the paragraph where the main source first speaks (only when that paragraph is certain)."""
    listable = ctx.facts.listable
    if not listable:
        return []
    main = listable[0]
    if not ctx.facts.first_paragraph_certain(main.source.id):
        return []
    first = ctx.facts.first_paragraph(main.source.id)
    related = {s.source.id for s in ctx.facts.ranked if ctx.facts.may_be_same(main.source.id, s.source.id)}
    others = [
        n
        for n, statements in sorted(ctx.facts.by_paragraph.items())
        if n != first
        and not any(
            s.source_id in related or (s.source_id is not None and not ctx.source(s.source_id).listable) for s in statements
        )
    ]
    others.sort(key=lambda n: (abs(n - first), n))
    wrong = sorted(others[:3])
    if len(wrong) < 2:
        return []
    feedback: dict[int, str] = {}
    for n in wrong:
        statement = ctx.facts.by_paragraph[n][0]
        who = (
            "is in the journalist's own voice"
            if statement.source_id is None
            else f"reports {mid(ctx.label(statement.source_id))}"
        )
        feedback[n] = f"P{n} {who} (“{snippet(said(statement), 8)}”), not {mid(main.label)}."
    opening = ctx.facts.by_source[main.source.id][0]
    return [
        FindInText(
            id="find-main-source",
            type=QuestionType.FIND_IN_TEXT,
            prompt=f"Select the paragraph where the article first reports the words or views of {mid(main.label)}.",
            answer=[first],
            candidates=sorted([first, *wrong]),
            feedback=feedback,
            explanation=(
                f"{cap(mid(main.label))} is the source given the most words in the article, and is first reported in "
                f"P{first} (“{snippet(said(opening), 8)}”). Where the main voice enters, and who speaks before it, "
                "shapes how a reader takes the story."
            ),
            paragraphs=[first],
        )
    ]


def source_map(ctx: QuestionContext) -> list[Question]:
    """Written task when the sourcing chapter has no question: a source map of the article."""
    return [
        ShortAnswer(
            id="source-map",
            type=QuestionType.SHORT_ANSWER,
            prompt=(
                "Draw a source map of the article: who speaks (with the paragraph), who is only spoken about, and "
                "whose voice is missing. Then say what the article rests on."
            ),
            model_answer=(
                "A good map lists every voice with its paragraph, marks which are named and which are not, lists the "
                "people and bodies talked about but not heard, and names at least one missing voice, without "
                "guessing why it is missing."
            ),
            rubric=[
                "Lists every voice with the paragraph where it speaks.",
                "Tells named voices from unnamed ones.",
                "Names at least one voice the article leaves out, without guessing why.",
            ],
            explanation=(
                "No question about this article's sources had a key certain from the analysis, so this chapter's quiz "
                "is a written task. A source map shows at a glance whose account a story is built on."
            ),
            paragraphs=[1],
        )
    ]


BUILDERS: Final = (
    who_said,
    quotes_to_speakers,
    which_verb,
    verbs_to_speakers,
    anonymous_sources,
    source_kinds,
    main_source_share,
    voices_order,
    find_main_source,
)
"""The sourcing chapter's question builders, in the order their questions appear."""
