"""Questions for the framing chapter: the headline against the body, the writer's own voice, marked words, frames.

A headline counts as attributed when it carries a reporting verb or names the body statement's
source (:meth:`~medialit.analysis.facts.Facts.headline_names_source`); its caution is compared
with the hedges of the one statement it sums up, never with the rest of the paragraph. Page
furniture, bylines and boilerplate are never offered as sentences.
"""

from __future__ import annotations

from typing import Final

from medialit.analysis.facts import clear_marked_word, norm
from medialit.analysis.findings import HeadlineChange, HeadlineFinding, MarkedWord, WordKind
from medialit.analysis.framing import find_terms
from medialit.analysis.highlights import ASSOCIATION_TERMS, STUDY_WORDS
from medialit.analysis.lexicon import FRAMES
from medialit.analysis.model import Statement
from medialit.analysis.vocabulary import QuoteType
from medialit.generate.questions.common import (
    QuestionContext,
    distinct_options,
    mid,
    paragraph_names,
    said,
    single_choice,
    snippet,
)
from medialit.quiz.model import (
    Matching,
    MultipleSelect,
    Option,
    Pair,
    Question,
    QuestionType,
    ShortAnswer,
    TrueFalse,
    TrueFalseFeedback,
)

WORD_KIND_MEANING: Final[dict[WordKind, str]] = {
    WordKind.MODAL: "A modal verb: says what may, could or would happen, not what is",
    WordKind.HEDGE: "A hedge: makes the claim less certain or less exact",
    WordKind.BOOSTER: "A booster: makes the claim sound more certain",
    WordKind.LOADED: "A loaded word: judges as it describes",
}


def _line_name(finding: HeadlineFinding) -> str:
    return "headline" if finding.line == "headline" else "sub-headline"


def _dropped_attribution(ctx: QuestionContext) -> tuple[HeadlineFinding, Statement] | None:
    for finding in ctx.analysis.framing.headline:
        if finding.change is not HeadlineChange.ATTRIBUTION_DROPPED or ctx.facts.headline_names_source(finding):
            continue
        statement = ctx.facts.body_statement(finding)
        if statement is not None and statement.source_id is not None and ctx.facts.clear_speaker(statement):
            return finding, statement
    return None


def _dropped_caution(ctx: QuestionContext) -> tuple[HeadlineFinding, list[MarkedWord]] | None:
    for finding in ctx.analysis.framing.headline:
        if finding.change not in (HeadlineChange.HEDGE_DROPPED, HeadlineChange.CERTAINTY_RAISED):
            continue
        statement = ctx.facts.body_statement(finding)
        if statement is None:
            continue
        line_words = {norm(w) for w in finding.headline_text.replace("’", "'").split()}
        hedges = [w for w in ctx.facts.statement_words(statement) if norm(w.word) not in line_words]
        if hedges:
            return finding, hedges
    return None


def headline_attribution(ctx: QuestionContext) -> list[Question]:
    """True/false: the headline says who makes the claim (false: it drops the attribution the body gives)."""
    found = _dropped_attribution(ctx)
    if found is None:
        return []
    finding, statement = found
    line = _line_name(finding)
    speaker = mid(ctx.label(statement.source_id or ""))
    detail = (
        f"P{finding.paragraph} gives it as the words of {speaker} "
        f"(“{statement.verb}”); the {line} states it without saying who claims it."
    )
    return [
        TrueFalse(
            id="headline-attribution",
            type=QuestionType.TRUE_FALSE,
            prompt=f"True or false: the {line} (“{finding.headline_text}”) says who makes the claim it reports.",
            answer=False,
            feedback=TrueFalseFeedback(
                when_true=f"Read it again: it names no one as the source of the claim. {detail}",
                when_false=f"Right. {detail}",
            ),
            explanation=(
                f"{detail} A {line} that drops the attribution turns one source's claim into what reads like plain "
                f"fact; P{finding.paragraph} says whose claim it is."
            ),
            paragraphs=[finding.paragraph],
        )
    ]


def headline_certainty(ctx: QuestionContext) -> list[Question]:
    """True/false: the headline is less cautious than the statement it sums up (true: it drops that statement's hedges).

    Asked as a true statement, while headline_attribution's is false, so that a framing quiz with both
    does not have every true/false key one way (the bank lint's true-false-balance rule)."""
    found = _dropped_caution(ctx)
    if found is None:
        return []
    finding, hedges = found
    line = _line_name(finding)
    words = "”, “".join(dict.fromkeys(w.word for w in hedges))
    detail = f"P{finding.paragraph} says “{words}” in the statement the {line} sums up; the {line} does not."
    return [
        TrueFalse(
            id="headline-certainty",
            type=QuestionType.TRUE_FALSE,
            prompt=(
                f"True or false: the {line} (“{finding.headline_text}”) is less cautious "
                f"about the claim than P{finding.paragraph} is."
            ),
            answer=True,
            feedback=TrueFalseFeedback(when_true=f"Right. {detail}", when_false=f"Compare the wording: {detail}"),
            explanation=(
                f"{detail} Words such as “could”, “may” and “possible” mark a claim as uncertain; a {line} that "
                "leaves them out makes the story sound more certain than its body."
            ),
            paragraphs=[finding.paragraph],
        )
    ]


def headline_rewrite(ctx: QuestionContext) -> list[Question]:
    """Written task: rewrite a headline that drops an attribution or a hedge, with a model answer and rubric."""
    attribution = _dropped_attribution(ctx)
    caution = _dropped_caution(ctx)
    if attribution is None and caution is None:
        return []
    finding = attribution[0] if attribution is not None else caution[0]  # type: ignore[index]
    line = _line_name(finding)
    headline = finding.headline_text.rstrip(" .")
    tasks, rubric, paragraphs = [], [], {finding.paragraph}
    model = headline
    if caution is not None:
        words = list(dict.fromkeys(w.word for w in caution[1]))
        tasks.append(f"keeps the caution of P{caution[0].paragraph} (“{'”, “'.join(words)}”)")
        rubric.append(f"Keeps the caution of P{caution[0].paragraph}: a word such as “{words[0]}” or an equally cautious one.")
        paragraphs.add(caution[0].paragraph)
        model = f"{headline} [with “{words[0]}” or another cautious word where the claim is made]"
    if attribution is not None:
        statement = attribution[1]
        speaker = ctx.label(statement.source_id or "")
        tasks.insert(0, f"says who makes the claim (P{attribution[0].paragraph})")
        rubric.insert(0, f"Names the source of the claim, as P{attribution[0].paragraph} does: {mid(speaker)}.")
        paragraphs.add(attribution[0].paragraph)
        model = f"{model}, {mid(speaker)} says"
    rubric += ["Stays short enough to be a headline.", "Adds nothing the article does not say."]
    return [
        ShortAnswer(
            id="headline-rewrite",
            type=QuestionType.SHORT_ANSWER,
            prompt=f"Rewrite the {line} (“{finding.headline_text}”) so that it {' and '.join(tasks)}.",
            model_answer=f"For example: “{model}”.",
            rubric=rubric,
            explanation=(
                f"A {line} is what most readers remember. Saying who claims something, and how sure they are, costs "
                "a few words and tells the reader how far to trust it."
            ),
            paragraphs=sorted(paragraphs),
        )
    ]


def journalist_voice(ctx: QuestionContext) -> list[Question]:
    """Multiple select: which sentences are in the writer's own voice (never furniture, a byline or boilerplate)."""
    journalist = ctx.facts.journalist_sentences()
    journalist.sort(key=lambda s: (bool(ctx.facts.speakers_in(s.paragraph)), s.paragraph))
    chosen: list[Statement] = []
    for s in journalist:
        if len(chosen) < 2 and all(c.paragraph != s.paragraph for c in chosen):
            chosen.append(s)
    attributed = [
        s
        for s in ctx.analysis.statements
        if ctx.facts.clear_speaker(s) and not ctx.facts.is_boilerplate(s) and len(said(s).split()) >= 6
    ]
    attributed.sort(key=lambda s: (s.quote_type is not QuoteType.INDIRECT, s.paragraph))
    others: list[Statement] = []
    for s in attributed:
        if len(others) >= 3:
            break
        if all(o.source_id != s.source_id for o in others) and all(c.paragraph != s.paragraph for c in [*chosen, *others]):
            others.append(s)
    if len(chosen) < 2 or len(others) < 2:
        return []
    options: list[tuple[int, Option]] = []
    for s in chosen:
        feedback = f"Right. P{s.paragraph} names no one as the source of this sentence: the article asserts it in its own voice."
        options.append((s.paragraph, Option(text=f"P{s.paragraph}: “{snippet(said(s))}”", correct=True, feedback=feedback)))
    for s in others:
        if s.attribution is None or s.source_id is None:
            return []
        feedback = (
            f"This is attributed: P{s.attribution.paragraph} says “{s.attribution.text}”. It is "
            f"{mid(ctx.label(s.source_id))}'s point in the reporter's words, not the article's own claim."
        )
        options.append((s.paragraph, Option(text=f"P{s.paragraph}: “{snippet(said(s))}”", feedback=feedback)))
    options.sort(key=lambda pair: pair[0])
    kept = distinct_options([o for _p, o in options])
    if kept is None:
        return []
    return [
        MultipleSelect(
            id="journalist-voice",
            type=QuestionType.MULTIPLE,
            prompt=(
                "Which of these sentences are in the article's own voice, with no person or body named as their source? "
                "Check each paragraph for an attribution (said, told, according to …), which may come at the end."
            ),
            options=kept,
            explanation=(
                "Reported speech without quotation marks reads like the article's own account until you reach the "
                "attribution. Sentences with no attribution at all are the reporter's responsibility: ask what they rest on."
            ),
            paragraphs=sorted({p for p, _ in options}),
        )
    ]


def word_kinds(ctx: QuestionContext) -> list[Question]:
    """Matching: marked words of the article to what they do (modal, hedge, booster, loaded), one of each kind found."""
    chosen: list[MarkedWord] = []
    for kind in (WordKind.LOADED, WordKind.HEDGE, WordKind.MODAL, WordKind.BOOSTER):
        word = next(
            (
                w
                for w in ctx.analysis.framing.words
                if w.kind is kind and clear_marked_word(ctx.analysis, w) and norm(w.word) not in {norm(c.word) for c in chosen}
            ),
            None,
        )
        if word is not None:
            chosen.append(word)
    if len(chosen) < 3:
        return []
    chosen.sort(key=lambda w: (w.paragraph, w.start))
    pairs = [
        Pair(
            left=f"“{w.word}” (P{w.paragraph})",
            right=WORD_KIND_MEANING[w.kind],
            feedback=(
                f"Read P{w.paragraph} around “{w.word}”: {WORD_KIND_MEANING[w.kind][0].lower()}{WORD_KIND_MEANING[w.kind][1:]}."
            ),
        )
        for w in chosen
    ]
    missing = [meaning for kind, meaning in WORD_KIND_MEANING.items() if kind not in {w.kind for w in chosen}]
    return [
        Matching(
            id="word-kinds",
            type=QuestionType.MATCHING,
            prompt="Match each word, as the article uses it in the paragraph given, to what it does to the claim around it.",
            pairs=pairs,
            distractors=missing[:1],
            explanation=(
                "Small words change how sure a claim sounds (could, about, clearly) or how a reader should feel about it "
                "(loaded words). Ask of each: who chose it, and would a plainer word change the story?"
            ),
            paragraphs=sorted({w.paragraph for w in chosen}),
        )
    ]


def frame(ctx: QuestionContext) -> list[Question]:
    """Single choice: which frame runs through these paragraphs (its cue words are given)."""
    found = next((f for f in ctx.analysis.framing.frames if len(f.paragraphs) >= 2), None)
    if found is None:
        return []
    shown = found.paragraphs[:4]
    present = {f.frame for f in ctx.analysis.framing.frames if set(f.paragraphs) & set(shown)}
    wrong_frames = [name for name in FRAMES if name not in present][:3]
    if len(wrong_frames) < 2:
        return []
    cues = ", ".join(found.cues[:5])
    key = Option(
        text=found.frame,
        correct=True,
        feedback=f"Right: {cues} in {paragraph_names(shown)} are cue words of the {found.frame} frame.",
    )
    wrong = [
        Option(
            text=name, feedback=f"{paragraph_names(shown)} have few or no cue words of the {name} frame; {cues} point elsewhere."
        )
        for name in wrong_frames
    ]
    return single_choice(
        ctx.seed,
        "frame",
        f"{paragraph_names(shown)} share cue words such as {cues}. Which frame do they build?",
        key,
        wrong,
        explanation=f"A frame is the angle a story is told from. The {found.frame} frame runs through "
        f"{paragraph_names(found.paragraphs[:6])}; ask what the story would look like told from another angle.",
        paragraphs=shown,
    )


def association(ctx: QuestionContext) -> list[Question]:
    """Single choice: what "linked to" (or "tied to", "associated with") says about a study's finding."""
    article = ctx.analysis.article
    found = [(p.n, text) for p in article.paragraphs for _s, _e, text in find_terms(p.text, ASSOCIATION_TERMS)]
    in_headline = [text for _s, _e, text in find_terms(article.headline or "", ASSOCIATION_TERMS)]
    about_research = [n for n, _t in found if STUDY_WORDS.search(article.paragraph(n).text)]
    if not found or not (about_research or (in_headline and any(STUDY_WORDS.search(p.text) for p in article.paragraphs))):
        return []
    phrase = in_headline[0] if in_headline else found[0][1]
    where = "the headline" if in_headline else f"P{found[0][0]}"
    paragraphs = sorted({n for n, _t in found})[:4]
    names = paragraph_names(paragraphs)
    key = Option(
        text="That the two things go together in the study's data.",
        correct=True,
        feedback=f"Right. “{phrase}” reports an association ({names}), not that one thing causes the other; a study of "
        "this kind can show that, not a cause.",
    )
    wrong = [
        Option(
            text="That the study has shown one causes the other.",
            feedback=f"“{phrase}” ({names}) does not say that; an association is not a cause.",
        ),
        Option(
            text="That the link has been proved in every case.",
            feedback=f"“{phrase}” ({names}) says nothing about every case; it reports what the study found on average.",
        ),
        Option(
            text="That the study found nothing.",
            feedback=f"The article reports a finding ({paragraph_names(paragraphs)}): an association.",
        ),
    ]
    return single_choice(
        ctx.seed,
        "association",
        f"{'The headline' if in_headline else where} says “{phrase}”. What does that tell you about the finding?",
        key,
        wrong,
        explanation=f"Words such as “linked to”, “tied to” and “associated with” ({paragraph_names(paragraphs)}) report "
        "that two things go together. Other differences between the groups compared may explain it; only some "
        "kinds of study can show a cause.",
        paragraphs=paragraphs,
    )


def own_headline(ctx: QuestionContext) -> list[Question]:
    """Written task when the framing chapter has no question: a headline of the student's own, tested."""
    return [
        ShortAnswer(
            id="own-headline",
            type=QuestionType.SHORT_ANSWER,
            prompt=(
                "Write a headline of your own for the article, in ten words or fewer, that says who makes its main "
                "claim. Then say what your headline leaves out."
            ),
            model_answer=(
                "A good headline sums up the main point of the first paragraphs, names whose claim it is when the "
                "article attributes it, keeps the article's caution (could, may), and uses no word that judges."
            ),
            rubric=[
                "Sums up what the first paragraphs report.",
                "Says whose claim it is, when the article attributes it.",
                "Keeps the article's caution and adds no judging word.",
            ],
            explanation=(
                "No question about this article's headline and words had a key certain from the analysis, so this "
                "chapter's quiz is a written task. Writing a headline shows how much a headline must leave out, and "
                "how easily it can frame a story."
            ),
            paragraphs=[1],
        )
    ]


BUILDERS: Final = (headline_attribution, headline_certainty, headline_rewrite, journalist_voice, word_kinds, frame, association)
"""The framing chapter's question builders, in the order their questions appear."""
