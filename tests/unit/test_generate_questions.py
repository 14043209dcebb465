"""Generated quiz banks: every key is checked against the hand-made gold annotation, not the analysis."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from helpers import ROOT
from medialit.analysis import analyze
from medialit.analysis.evaluate import name_forms, normalise_name, same_speaker
from medialit.analysis.gold import JOURNALIST, GoldAnnotation, GoldSource, GoldStatement, load_gold
from medialit.analysis.vocabulary import SourceKind
from medialit.article import Article
from medialit.generate.questions import generate_bank
from medialit.ingest import load_article
from medialit.quiz.model import (
    FindInText,
    Matching,
    MultipleSelect,
    QuestionType,
    QuizBank,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)

GOLD = sorted((ROOT / "tests" / "gold").glob("*.yml"))
COURSE = "wagner-kosovo-telegraph-2023"


def bank_for(article: Article) -> QuizBank:
    return generate_bank(analyze(article), bank_id="generated", title="Generated quiz", chapter="c", article="a.txt")


@pytest.fixture(scope="module", params=GOLD, ids=[p.stem for p in GOLD])
def case(request: pytest.FixtureRequest) -> tuple[str, GoldAnnotation, Article, QuizBank]:
    path: Path = request.param
    gold, article = load_gold(path)
    return path.stem, gold, article, bank_for(article)


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


# --- the checks, one per kind ------------------------------------------------------------------


def check_who_said(q: SingleChoice, gold: GoldAnnotation, article: Article) -> None:
    n = int(re.search(r"\(P(\d+)\)", q.prompt).group(1))  # type: ignore[union-attr]
    statement = gold_statement(gold, article, n, quoted(q.prompt))
    [key] = correct(q)
    assert speaks(gold, statement, key), f"{q.id}: gold says {statement.source!r}, key is {key!r}"
    speakers_here = [s for s in gold.statements if s.paragraph == n]
    for option in q.options:
        if not option.correct:
            assert not any(speaks(gold, s, option.text) for s in speakers_here), f"{q.id}: {option.text!r} speaks in P{n}"


def check_which_verb(q: SingleChoice, gold: GoldAnnotation, article: Article) -> None:
    n = int(re.search(r"in P(\d+)\?", q.prompt).group(1))  # type: ignore[union-attr]
    statement = gold_statement(gold, article, n, quoted(q.prompt))
    [key] = correct(q)
    assert statement.verb is not None and normalise_name(statement.verb) == normalise_name(key), (
        f"{q.id}: gold verb {statement.verb!r}, key {key!r}"
    )
    verbs_here = {normalise_name(s.verb) for s in gold.statements if s.paragraph == n and s.verb}
    for option in q.options:
        if not option.correct:
            assert normalise_name(option.text) not in verbs_here, f"{q.id}: {option.text!r} is used in P{n}"


def check_journalist_voice(q: MultipleSelect, gold: GoldAnnotation, article: Article) -> None:
    for option in q.options:
        n = int(re.match(r"P(\d+):", option.text).group(1))  # type: ignore[union-attr]
        statement = gold_statement(gold, article, n, quoted(option.text))
        assert (statement.source == JOURNALIST) == option.correct, f"{q.id}: {option.text!r}: gold {statement.source!r}"


def check_anonymous_sources(q: MultipleSelect | TrueFalse, gold: GoldAnnotation) -> None:
    if isinstance(q, TrueFalse):
        has_anonymous = any(s.kind is SourceKind.ANONYMOUS for s in gold.sources)
        assert q.answer == has_anonymous, f"{q.id}: gold anonymous sources: {has_anonymous}"
        return
    for option in q.options:
        kind = gold_source(gold, option.text).kind
        assert (kind is SourceKind.ANONYMOUS) == option.correct, f"{q.id}: {option.text!r} is {kind} in gold"


def check_headline(q: TrueFalse, gold: GoldAnnotation, article: Article) -> None:
    line = article.subheadline if "sub-headline" in q.prompt else article.headline
    assert line is not None and q.answer is False
    [n] = q.paragraphs
    if q.id == "headline-attribution":
        attributed = [s for s in gold.statements if s.paragraph == n and s.source != JOURNALIST]
        assert attributed, f"{q.id}: gold has no attributed statement in P{n}"
        for statement in attributed:
            source = next(s for s in gold.sources if s.name == statement.source)
            named = [f for f in name_forms([source.name, *source.aliases]) if f in normalise_name(line)]
            assert not named, f"{q.id}: the {line!r} names {named}"
    else:
        cautious = r"\b(?:could|may|might|would|possible|potential|possibly|alleged|suspected)\b"
        body = set(re.findall(cautious, article.paragraph(n).text.lower()))
        assert body - set(re.findall(cautious, line.lower())), f"{q.id}: P{n} is no more cautious than {line!r}"


def check_find_main_source(q: FindInText, gold: GoldAnnotation) -> None:
    name = re.search(r"words or views of (.+)\.$", q.prompt).group(1)  # type: ignore[union-attr]
    source = gold_source(gold, name)
    paragraphs = [s.paragraph for s in gold.statements if s.source == source.name]
    assert q.answer == [min(paragraphs)], f"{q.id}: gold first reports {name!r} in P{min(paragraphs)}"
    for wrong in q.feedback:
        assert wrong not in paragraphs, f"{q.id}: gold has {name!r} in P{wrong}"


def check_matching(q: Matching, gold: GoldAnnotation) -> None:
    for pair in q.pairs:
        verb, n = re.fullmatch(r"“(.+)” \(P(\d+)\)", pair.left).groups()  # type: ignore[union-attr]
        here = [s for s in gold.statements if s.paragraph == int(n) and s.verb and normalise_name(s.verb) == normalise_name(verb)]
        assert here, f"{q.id}: gold has no {verb!r} in P{n}"
        assert all(speaks(gold, s, pair.right) for s in here), f"{q.id}: {pair.left} is not {pair.right!r} in gold"
        for distractor in q.distractors:
            assert not any(speaks(gold, s, distractor) for s in here), f"{q.id}: {distractor!r} matches {pair.left}"


def check_short_answer(q: ShortAnswer, gold: GoldAnnotation) -> None:
    name, n = re.search(r"say what (.+) claims in P(\d+)", q.prompt).groups()  # type: ignore[union-attr]
    assert any(s.paragraph == int(n) and speaks(gold, s, name) for s in gold.statements), (
        f"{q.id}: gold has no statement by {name!r} in P{n}"
    )


def check_against_gold(bank: QuizBank, gold: GoldAnnotation, article: Article) -> None:
    """Fail on the first key that the gold annotation contradicts."""
    for q in bank.questions:
        if q.id.startswith("who-said"):
            assert isinstance(q, SingleChoice)
            check_who_said(q, gold, article)
        elif q.id.startswith("which-verb"):
            assert isinstance(q, SingleChoice)
            check_which_verb(q, gold, article)
        elif q.id == "journalist-voice":
            assert isinstance(q, MultipleSelect)
            check_journalist_voice(q, gold, article)
        elif q.id == "anonymous-sources":
            assert isinstance(q, MultipleSelect | TrueFalse)
            check_anonymous_sources(q, gold)
        elif q.id.startswith("headline-"):
            assert isinstance(q, TrueFalse)
            check_headline(q, gold, article)
        elif q.id == "find-main-source":
            assert isinstance(q, FindInText)
            check_find_main_source(q, gold)
        elif q.id == "verbs-to-speakers":
            assert isinstance(q, Matching)
            check_matching(q, gold)
        elif q.id == "main-source-claim":
            assert isinstance(q, ShortAnswer)
            check_short_answer(q, gold)
        elif q.id == "fair-summary":
            # States nothing about the article that gold could contradict: a task and a rubric only.
            assert isinstance(q, ShortAnswer) and q.paragraphs == [1] and "P" not in q.model_answer.replace("P1, P2", "")
        else:
            raise AssertionError(f"no gold check for {q.id}")


# --- tests -------------------------------------------------------------------------------------


def test_every_key_agrees_with_gold(case: tuple[str, GoldAnnotation, Article, QuizBank]) -> None:
    _name, gold, article, bank = case
    check_against_gold(bank, gold, article)


def test_a_wrong_key_is_caught(case: tuple[str, GoldAnnotation, Article, QuizBank]) -> None:
    """Move each single-choice key to a wrong option: the gold check must fail."""
    _name, gold, article, bank = case
    singles = [q for q in bank.questions if isinstance(q, SingleChoice)]
    assert singles
    for q in singles:
        wrong_key = next(i for i, o in enumerate(q.options) if not o.correct)
        options = [o.model_copy(update={"correct": i == wrong_key}) for i, o in enumerate(q.options)]
        planted = bank.model_copy(update={"questions": [q.model_copy(update={"options": options})]})
        with pytest.raises(AssertionError):
            check_against_gold(planted, gold, article)


def test_a_wrong_find_in_text_or_matching_key_is_caught(case: tuple[str, GoldAnnotation, Article, QuizBank]) -> None:
    _name, gold, article, bank = case
    for q in bank.questions:
        if isinstance(q, FindInText):
            wrong = next(iter(q.feedback))
            planted = q.model_copy(update={"answer": [wrong], "feedback": {}})
        elif isinstance(q, Matching):
            rights = [p.right for p in q.pairs]
            planted = q.model_copy(
                update={"pairs": [p.model_copy(update={"right": rights[i - 1]}) for i, p in enumerate(q.pairs)]}
            )
        elif isinstance(q, MultipleSelect):
            planted = q.model_copy(update={"options": [o.model_copy(update={"correct": not o.correct}) for o in q.options]})
        else:
            continue
        with pytest.raises(AssertionError):
            check_against_gold(bank.model_copy(update={"questions": [planted]}), gold, article)


def test_banks_validate_and_quote_verbatim(case: tuple[str, GoldAnnotation, Article, QuizBank]) -> None:
    _name, _gold, article, bank = case
    assert QuizBank.model_validate(bank.model_dump(mode="json")) == bank
    paragraphs = {p.n for p in article.paragraphs}
    for q in bank.questions:
        assert set(q.paragraphs) <= paragraphs
        assert q.explanation and q.prompt
        if isinstance(q, SingleChoice | MultipleSelect):
            assert all(re.search(r"\bP\d+\b", o.feedback) for o in q.options), q.id
    assert len(bank.questions) >= 6


def test_course_bank_is_broad() -> None:
    _gold, article = load_gold(ROOT / "tests" / "gold" / f"{COURSE}.yml")
    bank = bank_for(article)
    assert len(bank.questions) >= 8
    assert len({q.type for q in bank.questions}) >= 3
    kinds = {q.id.rsplit("-", 1)[0] if q.id[-1].isdigit() else q.id for q in bank.questions}
    assert kinds == {
        "who-said",
        "which-verb",
        "journalist-voice",
        "anonymous-sources",
        "headline-attribution",
        "find-main-source",
        "verbs-to-speakers",
        "main-source-claim",
        "fair-summary",
    }


def test_generation_is_deterministic(case: tuple[str, GoldAnnotation, Article, QuizBank]) -> None:
    _name, _gold, article, bank = case
    assert bank_for(article) == bank
    assert bank_for(load_article(article.source)).model_dump() == bank.model_dump()


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
