"""Generated quiz banks: every key is checked against hand-made annotations, never against the analysis.

The gold annotations (tests/gold/) say who speaks, how and with which verb; the expected parses
(tests/fixtures/parse/) and :data:`PAGE_GOLD` say what each page tells about itself; the word
lists of :mod:`medialit.analysis.lexicon` say what a hedge or a frame cue is. Each question kind
has a check, and a planted wrong key of every kind is caught.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from helpers import ROOT
from medialit.analysis import analyze
from medialit.analysis.evaluate import name_forms, normalise_name, same_speaker
from medialit.analysis.gold import JOURNALIST, GoldAnnotation, GoldSource, GoldStatement, load_gold
from medialit.analysis.lexicon import ANALOGY_MARKERS, BOOSTERS, FRAMES, HEDGES, LOADED, MODALS
from medialit.analysis.vocabulary import SourceKind
from medialit.article import Article
from medialit.generate.questions import BANKS, generate_bank, generate_banks
from medialit.generate.questions.comparisons import WRITER
from medialit.generate.questions.sourcing import KIND_MEANING
from medialit.ingest import load_article
from medialit.quiz.model import (
    FindInText,
    Matching,
    MultipleSelect,
    Ordering,
    Question,
    QuestionType,
    QuizBank,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)

GOLD = sorted((ROOT / "tests" / "gold").glob("*.yml"))
PARSES = ROOT / "tests" / "fixtures" / "parse"
COURSE = "wagner-kosovo-telegraph-2023"
MIN_QUESTIONS = 12
"""Questions every gold article (each an ordinary news story of 450 to 1,500 words) must get."""


@dataclass(frozen=True)
class PageGold:
    """What a page says about itself, read by a person from the article file."""

    byline: str | None
    publisher: str | None
    date: dt.date | None
    republisher: str | None = None
    relayed_from: str | None = None


PAGE_GOLD: dict[str, PageGold] = {
    "wagner-kosovo-telegraph-2023": PageGold(None, "The Telegraph", dt.date(2023, 2, 11), republisher="Genocide Watch"),
    "harbour-flood-barrier-no-quotes": PageGold("Elspeth Marrin", "Westmarrow Echo", None),
    "ministry-leak-anonymous-sources": PageGold("Lidia Varnhagen", "Ostrevian Ledger", None),
    "opinion-four-day-week": PageGold("Imogen Tallis", "The Brennock Examiner", dt.date(2025, 3, 14)),
    "vaccine-trial-health-story": PageGold("Rosalind Achterberg", "The Northfold Herald", dt.date(2025, 3, 14)),
    "wire-story-changed-headline": PageGold(
        None, "Meridian Press Agency", dt.date(2025, 6, 18), republisher="The Valley Courier"
    ),
}
"""The six articles without an expected parse; the other six are read from tests/fixtures/parse/."""


def page_gold(name: str) -> PageGold:
    if name in PAGE_GOLD:
        return PAGE_GOLD[name]
    parse = yaml.safe_load((PARSES / f"{name}.yml").read_text(encoding="utf-8"))
    provenance = parse.get("provenance") or {}
    return PageGold(
        byline=parse.get("byline"),
        publisher=provenance.get("original_publisher"),
        date=provenance.get("original_date"),
        republisher=provenance.get("republisher"),
        relayed_from=provenance.get("relayed_from"),
    )


@dataclass(frozen=True)
class Case:
    name: str
    gold: GoldAnnotation
    article: Article
    page: PageGold
    bank: QuizBank


def bank_for(article: Article) -> QuizBank:
    return generate_bank(analyze(article), bank_id="generated", title="Generated quiz", chapter="c", article="a.txt")


@pytest.fixture(scope="module", params=GOLD, ids=[p.stem for p in GOLD])
def case(request: pytest.FixtureRequest) -> Case:
    path: Path = request.param
    gold, article = load_gold(path)
    return Case(path.stem, gold, article, page_gold(path.stem), bank_for(article))


# --- matching against gold ---------------------------------------------------------------------


def same_name(text: str, source: GoldSource) -> bool:
    return same_speaker(name_forms([source.name, *source.aliases]), {normalise_name(text)})


def gold_source(gold: GoldAnnotation, name: str) -> GoldSource:
    exact = [s for s in gold.sources if normalise_name(name) in name_forms([s.name, *s.aliases])]
    matches = exact or [s for s in gold.sources if same_name(name, s)]
    assert len(matches) == 1, f"{name!r} matches {len(matches)} gold sources"
    return matches[0]


def speaks(gold: GoldAnnotation, statement: GoldStatement, name: str) -> bool:
    if statement.source == JOURNALIST:
        return False
    return same_name(name, next(s for s in gold.sources if s.name == statement.source))


def gold_statement(gold: GoldAnnotation, article: Article, paragraph: int, snippet: str) -> GoldStatement:
    """The gold statement of ``paragraph`` that overlaps the quoted start of a statement."""
    text = article.paragraph(paragraph).text
    snippet = snippet.removesuffix("…")
    start = text.find(snippet)
    assert start >= 0, f"P{paragraph}: quotation not verbatim: {snippet!r}"
    end = start + len(snippet)
    best: tuple[float, GoldStatement] | None = None
    for statement in gold.statements:
        if statement.paragraph != paragraph:
            continue
        g_start = text.find(statement.text)
        g_end = g_start + len(statement.text)
        overlap = min(end, g_end) - max(start, g_start)
        ratio = overlap / min(end - start, g_end - g_start)
        if ratio >= 0.5 and (best is None or ratio > best[0]):
            best = (ratio, statement)
    assert best is not None, f"P{paragraph}: no gold statement for {snippet!r}"
    return best[1]


def quoted(text: str) -> str:
    """The text between the first “ and the last ” of a prompt or option."""
    match = re.search(r"“(.*)”", text, re.DOTALL)
    assert match, text
    return match.group(1)


def correct(question: SingleChoice | MultipleSelect) -> list[str]:
    return [o.text for o in question.options if o.correct]


def gold_words(gold: GoldAnnotation, name: str) -> int:
    source = gold_source(gold, name)
    return sum(len(s.text.split()) for s in gold.statements if s.source == source.name)


def first_gold_paragraph(gold: GoldAnnotation, name: str) -> int:
    source = gold_source(gold, name)
    return min(s.paragraph for s in gold.statements if s.source == source.name)


def speaks_anywhere(gold: GoldAnnotation, name: str) -> bool:
    matches = [s for s in gold.sources if normalise_name(name) in name_forms([s.name, *s.aliases]) or same_name(name, s)]
    return any(st.source == s.name for s in matches for st in gold.statements)


# --- the checks, one per kind ------------------------------------------------------------------


def check_who_said(q: Question, c: Case) -> None:
    assert isinstance(q, SingleChoice)
    n = int(re.search(r"\(P(\d+)\)", q.prompt).group(1))  # type: ignore[union-attr]
    statement = gold_statement(c.gold, c.article, n, quoted(q.prompt))
    [key] = correct(q)
    assert speaks(c.gold, statement, key), f"{q.id}: gold says {statement.source!r}, key is {key!r}"
    speakers_here = [s for s in c.gold.statements if s.paragraph == n]
    for option in q.options:
        if not option.correct:
            assert not any(speaks(c.gold, s, option.text) for s in speakers_here), f"{q.id}: {option.text!r} speaks in P{n}"


def check_which_verb(q: Question, c: Case) -> None:
    assert isinstance(q, SingleChoice)
    n = int(re.search(r"in P(\d+)\?", q.prompt).group(1))  # type: ignore[union-attr]
    statement = gold_statement(c.gold, c.article, n, quoted(q.prompt))
    [key] = correct(q)
    assert statement.verb is not None and normalise_name(statement.verb) == normalise_name(key), (
        f"{q.id}: gold verb {statement.verb!r}, key {key!r}"
    )
    verbs_here = {normalise_name(s.verb) for s in c.gold.statements if s.paragraph == n and s.verb}
    for option in q.options:
        if not option.correct:
            assert normalise_name(option.text) not in verbs_here, f"{q.id}: {option.text!r} is used in P{n}"


def check_journalist_voice(q: Question, c: Case) -> None:
    assert isinstance(q, MultipleSelect)
    for option in q.options:
        n = int(re.match(r"P(\d+):", option.text).group(1))  # type: ignore[union-attr]
        statement = gold_statement(c.gold, c.article, n, quoted(option.text))
        assert (statement.source == JOURNALIST) == option.correct, f"{q.id}: {option.text!r}: gold {statement.source!r}"


def check_anonymous_sources(q: Question, c: Case) -> None:
    if isinstance(q, TrueFalse):
        has_anonymous = any(s.kind is SourceKind.ANONYMOUS for s in c.gold.sources)
        assert q.answer == has_anonymous, f"{q.id}: gold anonymous sources: {has_anonymous}"
        return
    assert isinstance(q, MultipleSelect)
    for option in q.options:
        kind = gold_source(c.gold, option.text).kind
        assert (kind is SourceKind.ANONYMOUS) == option.correct, f"{q.id}: {option.text!r} is {kind} in gold"


def check_headline(q: Question, c: Case) -> None:
    assert isinstance(q, TrueFalse)
    line = c.article.subheadline if "sub-headline" in q.prompt else c.article.headline
    assert line is not None
    [n] = q.paragraphs
    if q.id == "headline-attribution":
        assert q.answer is False and "says who makes the claim" in q.prompt, q.prompt
        attributed = [s for s in c.gold.statements if s.paragraph == n and s.source != JOURNALIST]
        assert attributed, f"{q.id}: gold has no attributed statement in P{n}"
        for statement in attributed:
            source = next(s for s in c.gold.sources if s.name == statement.source)
            forms = name_forms([source.name, *source.aliases, source.role or ""])
            named = [f for f in forms if re.search(rf"\b{re.escape(f)}\b", normalise_name(line))]
            assert not named, f"{q.id}: the {line!r} names {named}"
    else:  # asked as a true statement, so that a framing quiz with both is not all False (the bank lint)
        assert q.answer is True and f"is less cautious about the claim than P{n} is" in q.prompt, q.prompt
        cautious = r"\b(?:could|may|might|would|possible|potential|possibly|alleged|suspected|likely|estimated)\b"
        body = set(re.findall(cautious, c.article.paragraph(n).text.lower()))
        assert body - set(re.findall(cautious, line.lower())), f"{q.id}: P{n} is no more cautious than {line!r}"


def check_headline_rewrite(q: Question, c: Case) -> None:
    assert isinstance(q, ShortAnswer)
    for criterion in q.rubric:
        named = re.search(r"Names the source of the claim, as P(\d+) does: (.+)\.$", criterion)
        if named:
            n, name = int(named.group(1)), named.group(2)
            assert any(s.paragraph == n and speaks(c.gold, s, name) for s in c.gold.statements), f"{q.id}: {name!r} not in P{n}"
        caution = re.search(r"Keeps the caution of P(\d+): a word such as “(.+?)”", criterion)
        if caution:
            n, word = int(caution.group(1)), caution.group(2)
            assert re.search(rf"\b{re.escape(word)}\b", c.article.paragraph(n).text), f"{q.id}: {word!r} not in P{n}"
            assert word.lower() in {*MODALS, *HEDGES}, f"{q.id}: {word!r} is no hedge"


def check_find_main_source(q: Question, c: Case) -> None:
    assert isinstance(q, FindInText)
    name = re.search(r"words or views of (.+)\.$", q.prompt).group(1)  # type: ignore[union-attr]
    source = gold_source(c.gold, name)
    paragraphs = [s.paragraph for s in c.gold.statements if s.source == source.name]
    assert q.answer == [min(paragraphs)], f"{q.id}: gold first reports {name!r} in P{min(paragraphs)}"
    for wrong in q.feedback:
        assert wrong not in paragraphs, f"{q.id}: gold has {name!r} in P{wrong}"


def check_verbs_to_speakers(q: Question, c: Case) -> None:
    assert isinstance(q, Matching)
    for pair in q.pairs:
        verb, n = re.fullmatch(r"“(.+)” \(P(\d+)\)", pair.left).groups()  # type: ignore[union-attr]
        here = [
            s for s in c.gold.statements if s.paragraph == int(n) and s.verb and normalise_name(s.verb) == normalise_name(verb)
        ]
        assert here, f"{q.id}: gold has no {verb!r} in P{n}"
        assert all(speaks(c.gold, s, pair.right) for s in here), f"{q.id}: {pair.left} is not {pair.right!r} in gold"
        for distractor in q.distractors:
            assert not any(speaks(c.gold, s, distractor) for s in here), f"{q.id}: {distractor!r} matches {pair.left}"


def check_quotes_to_speakers(q: Question, c: Case) -> None:
    assert isinstance(q, Matching)
    for pair in q.pairs:
        words, n = re.fullmatch(r"“(.+)” \(P(\d+)\)", pair.left).groups()  # type: ignore[union-attr]
        statement = gold_statement(c.gold, c.article, int(n), words)
        assert speaks(c.gold, statement, pair.right), f"{q.id}: {pair.left} is {statement.source!r} in gold, not {pair.right!r}"
        for other in [p.right for p in q.pairs if p is not pair] + list(q.distractors):
            assert not speaks(c.gold, statement, other), f"{q.id}: {other!r} also fits {pair.left}"


def check_source_kinds(q: Question, c: Case) -> None:
    assert isinstance(q, Matching)
    meaning_kind = {meaning: kind for kind, meaning in KIND_MEANING.items()}
    for pair in q.pairs:
        name = re.sub(r" \(P\d+\)$", "", pair.left)
        kind = gold_source(c.gold, name).kind
        assert kind is meaning_kind[pair.right], f"{q.id}: {name!r} is {kind} in gold, not {meaning_kind[pair.right]}"
    for distractor in q.distractors:
        assert meaning_kind[distractor] not in {gold_source(c.gold, re.sub(r" \(P\d+\)$", "", p.left)).kind for p in q.pairs}


def check_main_source_share(q: Question, c: Case) -> None:
    assert isinstance(q, SingleChoice)
    [key] = correct(q)
    for option in q.options:
        if not option.correct:
            assert gold_words(c.gold, key) > gold_words(c.gold, option.text), (
                f"{q.id}: {option.text!r} has as many words as {key!r}"
            )


def check_voices_order(q: Question, c: Case) -> None:
    assert isinstance(q, Ordering)
    firsts = [first_gold_paragraph(c.gold, item.text) for item in q.items]
    assert firsts == sorted(firsts) and len(set(firsts)) == len(firsts), f"{q.id}: gold first paragraphs {firsts}"


def check_reported(q: Question, c: Case) -> None:
    assert isinstance(q, TrueFalse)
    n, name, words = re.fullmatch(r"True or false: according to P(\d+), (.+) said this: “(.+)”", q.prompt).groups()  # type: ignore[union-attr]
    statement = gold_statement(c.gold, c.article, int(n), words)
    assert speaks(c.gold, statement, name) == q.answer, f"{q.id}: gold gives P{n} to {statement.source!r}"
    assert q.answer == q.id.startswith("reported-true")


def check_speaks_or_mentioned(q: Question, c: Case) -> None:
    assert isinstance(q, MultipleSelect)
    for option in q.options:
        assert speaks_anywhere(c.gold, option.text) == option.correct, f"{q.id}: {option.text!r}"
        if not option.correct:
            assert any(option.text in p.text for p in c.article.paragraphs)


def check_main_source_claim(q: Question, c: Case) -> None:
    assert isinstance(q, ShortAnswer)
    name, n = re.search(r"say what (.+) claims in P(\d+)", q.prompt).groups()  # type: ignore[union-attr]
    assert any(s.paragraph == int(n) and speaks(c.gold, s, name) for s in c.gold.statements), (
        f"{q.id}: gold has no statement by {name!r} in P{n}"
    )


def check_page_tells(q: Question, c: Case) -> None:
    given = {
        "Who wrote the article": c.page.byline,
        "When it was published": c.page.date,
        "Who first published it": c.page.publisher,
        "That another site republished it": c.page.republisher,
        "That it passes on another outlet's reporting": c.page.relayed_from,
    }
    if isinstance(q, TrueFalse):
        assert q.answer is False and not (c.page.byline or c.page.date or c.page.publisher), f"{q.id}: the page says some"
        return
    assert isinstance(q, MultipleSelect)
    for option in q.options:
        assert bool(given[option.text]) == option.correct, f"{q.id}: {option.text!r}: the page gives {given[option.text]!r}"


def check_who_wrote(q: Question, c: Case) -> None:
    assert isinstance(q, SingleChoice)
    [key] = correct(q)
    assert c.page.byline is not None and normalise_name(key) == normalise_name(c.page.byline), f"{q.id}: byline {c.page.byline!r}"
    for option in q.options:
        if not option.correct:
            assert speaks_anywhere(c.gold, option.text), f"{q.id}: {option.text!r} is no source"


def check_first_publisher(q: Question, c: Case) -> None:
    assert isinstance(q, SingleChoice)
    [key] = correct(q)
    assert c.page.republisher is not None and key == c.page.publisher, f"{q.id}: first published by {c.page.publisher!r}"


def check_relayed_from(q: Question, c: Case) -> None:
    assert isinstance(q, FindInText)
    assert c.page.relayed_from is not None
    [n] = q.answer
    assert c.page.relayed_from in c.article.paragraph(n).text
    for wrong in q.feedback:
        assert c.page.relayed_from not in c.article.paragraph(wrong).text


def check_provenance_plan(q: Question, c: Case) -> None:
    assert isinstance(q, ShortAnswer)
    missing = re.search(r"The page does not say ([^:]+):", q.model_answer)
    said = missing.group(1) if missing else ""
    assert ("who wrote the article" in said) == (c.page.byline is None), f"{q.id}: byline {c.page.byline!r}"
    assert ("when it was published" in said) == (c.page.date is None), f"{q.id}: date {c.page.date!r}"
    assert ("who first published it" in said) == (c.page.publisher is None), f"{q.id}: publisher {c.page.publisher!r}"


def check_first_person(q: Question, c: Case) -> None:
    assert isinstance(q, TrueFalse)
    [n] = q.paragraphs
    statement = gold_statement(c.gold, c.article, n, quoted(q.prompt.split("(", 1)[1]))
    assert statement.source == JOURNALIST and re.search(r"\b(?:I|me|my)\b", statement.text) and q.answer, (
        f"{q.id}: gold {statement.source!r}"
    )


def check_word_kinds(q: Question, c: Case) -> None:
    assert isinstance(q, Matching)
    lists = {"modal": MODALS, "hedge": HEDGES, "booster": BOOSTERS, "loaded": LOADED}
    for pair in q.pairs:
        word, n = re.fullmatch(r"“(.+)” \(P(\d+)\)", pair.left).groups()  # type: ignore[union-attr]
        assert re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", c.article.paragraph(int(n)).text), (
            f"{q.id}: {word!r} not in P{n}"
        )
        kind = next(k for k in lists if pair.right.lower().startswith(("a " + k, "an " + k)))
        assert word.lower() in lists[kind], f"{q.id}: {word!r} is not a {kind} word"


def check_frame(q: Question, c: Case) -> None:
    assert isinstance(q, SingleChoice)
    [key] = correct(q)
    cues = re.search(r"cue words such as (.+)\. Which", q.prompt).group(1).split(", ")  # type: ignore[union-attr]
    assert all(cue in FRAMES[key] for cue in cues), f"{q.id}: {cues} are not all {key} cues"


def check_association(q: Question, c: Case) -> None:
    assert isinstance(q, SingleChoice)
    phrase = quoted(q.prompt.split("says", 1)[1].split(". What")[0])
    assert phrase.lower() in {"linked to", "tied to", "associated with", "link between", "association between"}
    [key] = correct(q)
    assert key.startswith("That the two things go together")


def check_analogy_who(q: Question, c: Case) -> None:
    assert isinstance(q, SingleChoice)
    [n] = q.paragraphs
    text = c.article.paragraph(n).text
    marker = re.search(r"\(“(.+?)”\)", q.prompt).group(1)  # type: ignore[union-attr]
    position = text.lower().find(marker.lower())
    assert position >= 0
    owners = [
        s for s in c.gold.statements if s.paragraph == n and text.find(s.text) <= position < text.find(s.text) + len(s.text)
    ]
    assert owners, f"{q.id}: no gold statement holds {marker!r} in P{n}"
    [key] = correct(q)
    for owner in owners:
        assert (owner.source == JOURNALIST) if key == WRITER else speaks(c.gold, owner, key), f"{q.id}: gold {owner.source!r}"


def check_analogy_find(q: Question, c: Case) -> None:
    assert isinstance(q, FindInText)
    pattern = re.compile("|".join(re.escape(m) for m in ANALOGY_MARKERS), re.I)
    for n in q.answer:
        assert pattern.search(c.article.paragraph(n).text), f"{q.id}: P{n} has no comparison marker"
    for n in q.feedback:
        assert not pattern.search(c.article.paragraph(n).text), f"{q.id}: P{n} has a comparison marker"


def check_analogy_own_voice(q: Question, c: Case) -> None:
    assert isinstance(q, TrueFalse)
    [n] = q.paragraphs
    other = re.search(r"comparison with “(.+?)” in P", q.prompt).group(1)  # type: ignore[union-attr]
    text = c.article.paragraph(n).text
    position = text.find(other)
    owners = [
        s for s in c.gold.statements if s.paragraph == n and text.find(s.text) <= position < text.find(s.text) + len(s.text)
    ]
    assert owners and all((o.source == JOURNALIST) == q.answer for o in owners), f"{q.id}: gold {[o.source for o in owners]}"


def check_task(q: Question, c: Case) -> None:
    """A written task states no fact about the article that gold could contradict: a prompt, a model and a rubric."""
    assert isinstance(q, ShortAnswer) and q.rubric and q.model_answer


CHECKS: dict[str, Callable[[Question, Case], None]] = {
    "who-said": check_who_said,
    "which-verb": check_which_verb,
    "journalist-voice": check_journalist_voice,
    "anonymous-sources": check_anonymous_sources,
    "headline-attribution": check_headline,
    "headline-certainty": check_headline,
    "headline-rewrite": check_headline_rewrite,
    "find-main-source": check_find_main_source,
    "verbs-to-speakers": check_verbs_to_speakers,
    "quotes-to-speakers": check_quotes_to_speakers,
    "source-kinds": check_source_kinds,
    "main-source-share": check_main_source_share,
    "voices-order": check_voices_order,
    "reported-true": check_reported,
    "reported-false": check_reported,
    "speaks-or-mentioned": check_speaks_or_mentioned,
    "main-source-claim": check_main_source_claim,
    "page-tells": check_page_tells,
    "who-wrote": check_who_wrote,
    "first-publisher": check_first_publisher,
    "relayed-from": check_relayed_from,
    "provenance-plan": check_provenance_plan,
    "first-person": check_first_person,
    "word-kinds": check_word_kinds,
    "frame": check_frame,
    "association": check_association,
    "analogy-who": check_analogy_who,
    "analogy-find": check_analogy_find,
    "analogy-own-voice": check_analogy_own_voice,
    "analogy-test": check_task,
    "context-comparison": check_task,
    "fair-summary": check_task,
    "own-headline": check_task,
    "source-map": check_task,
}
"""The check of each question kind (a question's id is its kind, or its kind and a number)."""


def kind_of(question: Question) -> str:
    return re.sub(r"-\d+$", "", question.id)


def check_against_gold(bank: QuizBank, case: Case) -> None:
    """Fail on the first key that the annotations contradict (and on a kind with no check)."""
    for q in bank.questions:
        kind = kind_of(q)
        assert kind in CHECKS, f"no gold check for {q.id}"
        CHECKS[kind](q, case)


# --- tests -------------------------------------------------------------------------------------


def test_every_key_agrees_with_gold(case: Case) -> None:
    """Does every generated key agree with the hand-made annotations?"""
    check_against_gold(case.bank, case)


def test_every_gold_article_gets_at_least_twelve_questions(case: Case) -> None:
    """Does an ordinary news story get a quiz of at least twelve questions, of at least four types?"""
    assert len(case.bank.questions) >= MIN_QUESTIONS, [q.id for q in case.bank.questions]
    assert len({q.type for q in case.bank.questions}) >= 4


def planted(q: Question) -> Question | None:
    """The question with its key made wrong (None for a written task, which has no key)."""
    if isinstance(q, SingleChoice):
        wrong = next(i for i, o in enumerate(q.options) if not o.correct)
        return q.model_copy(update={"options": [o.model_copy(update={"correct": i == wrong}) for i, o in enumerate(q.options)]})
    if isinstance(q, MultipleSelect):
        return q.model_copy(update={"options": [o.model_copy(update={"correct": not o.correct}) for o in q.options]})
    if isinstance(q, TrueFalse):
        return q.model_copy(update={"answer": not q.answer})
    if isinstance(q, FindInText):
        return q.model_copy(update={"answer": [next(iter(q.feedback))], "feedback": {}})
    if isinstance(q, Matching):
        rights = [p.right for p in q.pairs]
        return q.model_copy(update={"pairs": [p.model_copy(update={"right": rights[i - 1]}) for i, p in enumerate(q.pairs)]})
    if isinstance(q, Ordering):
        return q.model_copy(update={"items": list(reversed(q.items))})
    return None


def test_a_wrong_key_of_every_kind_is_caught(case: Case) -> None:
    """Made wrong (another option, flipped, shifted, reversed), is every key caught by the gold check?"""
    checked = 0
    for q in case.bank.questions:
        wrong = planted(q)
        if wrong is None:
            continue
        with pytest.raises(AssertionError):
            check_against_gold(case.bank.model_copy(update={"questions": [wrong]}), case)
        checked += 1
    assert checked >= MIN_QUESTIONS - 3


def test_a_planted_wrong_speaker_is_caught() -> None:
    """Is a who-said key moved to a source that speaks elsewhere caught (the planted-key check of the issue)?"""
    path = ROOT / "tests" / "gold" / "local-tv-story-reporter-i.yml"
    gold, article = load_gold(path)
    c = Case(path.stem, gold, article, page_gold(path.stem), bank_for(article))
    question = next(q for q in c.bank.questions if q.id == "who-said-1")
    wrong = planted(question)
    assert wrong is not None
    with pytest.raises(AssertionError, match="gold says"):
        check_against_gold(c.bank.model_copy(update={"questions": [wrong]}), c)


def test_banks_validate_and_quote_verbatim(case: Case) -> None:
    paragraphs = {p.n for p in case.article.paragraphs}
    assert QuizBank.model_validate(case.bank.model_dump(mode="json")) == case.bank
    for q in case.bank.questions:
        assert set(q.paragraphs) <= paragraphs
        assert q.explanation and q.prompt
        if isinstance(q, SingleChoice | MultipleSelect):
            assert all(re.search(r"\bP\d+\b|page|byline", o.feedback) for o in q.options), q.id


def test_no_option_is_page_furniture_or_a_byline(case: Case) -> None:
    """Are bylines, credits and boilerplate ("Abstract/Full Text …") kept out of every option?"""
    furniture = re.compile(r"^By [A-Z]|Abstract|Full Text|subscription|All rights reserved|©|contributed to this report")
    for q in case.bank.questions:
        texts = [o.text for o in q.options] if isinstance(q, SingleChoice | MultipleSelect) else []
        if q.id == "who-wrote":
            continue
        for text in texts:
            assert not furniture.search(text), f"{q.id}: {text!r}"


def test_the_course_bank_is_broad() -> None:
    """Does the course article get every kind its analysis supports?"""
    _gold, article = load_gold(ROOT / "tests" / "gold" / f"{COURSE}.yml")
    kinds = {kind_of(q) for q in bank_for(article).questions}
    assert kinds >= {
        "who-said", "which-verb", "journalist-voice", "anonymous-sources", "find-main-source", "verbs-to-speakers",
        "quotes-to-speakers", "source-kinds", "main-source-claim", "fair-summary", "analogy-who", "analogy-find",
        "analogy-test", "page-tells", "first-publisher", "provenance-plan", "word-kinds", "frame", "reported-true",
        "reported-false",
    }  # fmt: skip


def test_every_type_the_engine_supports_appears_across_the_gold_articles() -> None:
    """Do the gold articles between them get every question type of the quiz engine?"""
    types = set()
    for path in GOLD:
        _gold, article = load_gold(path)
        types |= {q.type for q in bank_for(article).questions}
    assert types == set(QuestionType)


def test_each_chapter_gets_its_own_bank_and_the_check_has_a_written_answer(case: Case) -> None:
    banks = generate_banks(analyze(case.article), article="../articles/a.txt")
    assert list(banks) == [spec.id for spec in BANKS]
    assert sum(len(b.questions) for b in banks.values()) == len(case.bank.questions)
    assert any(isinstance(q, ShortAnswer) and q.rubric for q in banks["check"].questions)
    assert all(b.chapter == f"exercises/{b.id}-quiz" for b in banks.values())


def test_a_similes_article_gets_no_comparison_questions() -> None:
    """Is "they grieve just like humans do" kept out of the comparisons quiz (a passing simile, not an analogy)?"""
    _gold, article = load_gold(ROOT / "tests" / "gold" / "local-tv-story-reporter-i.yml")
    banks = generate_banks(analyze(article), article="a.txt")
    assert [q.id for q in banks["comparisons"].questions] == ["context-comparison"]


def test_generation_is_deterministic(case: Case) -> None:
    assert bank_for(case.article) == case.bank
    assert bank_for(load_article(case.article.source)).model_dump() == case.bank.model_dump()


def test_option_order_comes_from_content_not_from_the_key() -> None:
    """Is the key not always first (its place comes from a hash of the content)?"""
    positions = set()
    for path in GOLD:
        _gold, article = load_gold(path)
        for q in bank_for(article).questions:
            if isinstance(q, SingleChoice):
                positions.add(next(i for i, o in enumerate(q.options) if o.correct))
    assert len(positions) >= 3


def test_opinion_column_has_no_anonymous_source() -> None:
    _gold, article = load_gold(ROOT / "tests" / "gold" / "opinion-four-day-week.yml")
    [q] = [q for q in bank_for(article).questions if q.id == "anonymous-sources"]
    assert isinstance(q, TrueFalse) and q.type is QuestionType.TRUE_FALSE and q.answer is False


HOSTILE = """\
Council <script>alert(1)</script> denies {{ x }} flood claims

A sub-headline about the {{ config }} barrier

The new flood barrier will be finished by March, the mayor, Anna Brook, said on Tuesday.

“We have checked every <script>alert('x')</script> figure and {{ x }} is not a problem at all,” Ms Brook told reporters.

Residents have complained about the delays for two years and many have moved away from the quay.

The harbour master, Tom Reed, warned that the old wall {{ self.__class__ }} might not survive another winter storm.

A council engineer claimed the <b onclick="x()">survey</b> had been finished early in the spring.

The work began in 2022 and was meant to take eighteen months in total.

“The {% include 'x' %} quay flooded twice last year and nobody came to help us,” said Jo Hale, a shop owner.
"""


def test_hostile_text_stays_data(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    bank = bank_for(load_article(path))
    dumped = yaml.safe_dump(bank.model_dump(mode="json"), allow_unicode=True)
    assert QuizBank.model_validate(yaml.safe_load(dumped)) == bank
    text = repr(bank.model_dump(mode="json"))
    assert "<script>alert('x')</script>" in text or "<script>alert(\\'x\\')</script>" in text
    assert "{{ self.__class__ }}" in text or "{{ x }}" in text
    for q in bank.questions:
        assert re.fullmatch(r"[a-z0-9-]+", q.id)
