"""Do the Python grader and the browser's grader agree on every response?

Every question of every bank (the course's and the test fixture with every type) is graded by
``medialit.quiz.grade`` and by ``MedialitQuiz.grade`` in chromium: on every possible response for
single, multiple, true-false, matching and ordering questions, and on representative responses
(every combination of the interesting paragraphs, blank and written texts with every rubric
subset) for the others. Responses that do not fit the question must be refused by both.
Both copies of the engine are graded: the notebook's inline source and the site's minified file.

A site page's data block leaves out the texts its markup shows; the engine puts back, from the
page, those the grader reads, so the question it grades is the one the Python models dump.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pagecheck import opened
from playwright.sync_api import Browser, Page

from helpers import ROOT
from medialit.quiz import Question, Quiz, ResponseError, find_banks, grade, load_bank
from medialit.quiz.grade import right_items
from medialit.quiz.model import FindInText, Matching, MultipleSelect, Ordering, ShortAnswer, SingleChoice, TrueFalse
from medialit.quiz.render_html import engine_assets, engine_html

BANKS = [*find_banks(ROOT / "exercises"), ROOT / "tests" / "fixtures" / "quizzes" / "valid-bank.yml"]
EXHAUSTIVE_LIMIT = 50_000
"""Above this many responses a question is sampled deterministically (no course question comes near)."""


def subsets(values: list[Any]) -> Iterator[list[Any]]:
    for size in range(len(values) + 1):
        for combination in itertools.combinations(values, size):
            yield list(combination)


def every_response(question: Question) -> list[Any]:
    """Every response the question's controls can express, plus some they cannot (which both must refuse)."""
    match question:
        case SingleChoice():
            return [None, *range(len(question.options)), len(question.options), -1, True]
        case MultipleSelect():
            return [None, *subsets(list(range(len(question.options)))), [0, 0], [len(question.options)]]
        case TrueFalse():
            return [None, True, False, 0, "true"]
        case Matching():
            choices = [None, *range(len(right_items(question)))]
            responses: list[Any] = [list(r) for r in itertools.product(choices, repeat=len(question.pairs))]
            return [None, *responses[:EXHAUSTIVE_LIMIT], [0], [len(choices)] * len(question.pairs)]
        case Ordering():
            size = len(question.items)
            permutations = [list(p) for p in itertools.islice(itertools.permutations(range(size)), EXHAUSTIVE_LIMIT)]
            return [None, *permutations, list(range(size - 1)), [0] * size]
        case FindInText():
            interesting = sorted({*question.answer, *question.feedback, *question.candidates[:8]})
            return [None, *subsets(interesting[:10]), [0], [interesting[0], interesting[0]]]
        case ShortAnswer():
            ticks = list(subsets(list(range(len(question.rubric)))))
            return [None, *({"text": text, "ticked": t} for text in ("", "  ", "My answer.") for t in ticks), {"text": 1}]
    raise AssertionError(f"no responses for {question!r}")


def python_grades(question: Question, responses: list[Any]) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    for response in responses:
        try:
            results.append(grade(question, response).to_json())
        except ResponseError:
            results.append({"error": "ResponseError"})
    return results


def browser_grades(page: Page, question: Question, responses: list[Any]) -> list[dict[str, Any]]:
    script = """([question, responses]) => responses.map((response) => {
        try { return window.MedialitQuiz.grade(question, response); }
        catch (error) { return {error: error.name}; }
    })"""
    results: list[dict[str, Any]] = page.evaluate(script, [question.model_dump(mode="json"), responses])
    return results


@pytest.fixture(scope="module", params=["notebook", "site"])
def engine_page(browser: Browser, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page with the engine: inline, as a notebook output has it, or the site's shared minified file."""
    folder = tmp_path_factory.mktemp("parity")
    if request.param == "notebook":
        engine = str(engine_html())
    else:
        script, _stylesheet = engine_assets()
        (folder / script.name).write_text(script.text, encoding="utf-8")
        engine = f'<script src="{script.name}"></script>'
    path = folder / "engine.html"
    path.write_text(f'<!doctype html><html lang="en"><head><title>engine</title></head><body>{engine}</body></html>')
    with opened(browser, path.as_uri()) as (page, report):
        yield page
        assert report.problems() == []


QUESTIONS = [(path, question) for path in BANKS for question in load_bank(path).questions]


def test_the_parity_check_covers_every_question_type() -> None:
    assert {str(question.type) for _, question in QUESTIONS} >= {
        "single",
        "multiple",
        "true-false",
        "matching",
        "ordering",
        "find-in-text",
        "short-answer",
    }


@pytest.mark.parametrize(("bank", "question"), QUESTIONS, ids=[f"{p.stem}:{q.id}" for p, q in QUESTIONS])
def test_python_and_browser_graders_agree_on_every_response(engine_page: Page, bank: Path, question: Question) -> None:
    responses = every_response(question)
    expected = python_grades(question, responses)
    actual = browser_grades(engine_page, question, responses)
    disagreements = [(r, e, a) for r, e, a in zip(responses, expected, actual, strict=True) if e != a]
    assert disagreements[:3] == [], f"{len(disagreements)} of {len(responses)} responses graded differently"
    assert any("error" in e for e in expected) and any("error" not in e for e in expected)


def test_a_browser_grader_with_a_different_rule_is_caught(browser: Browser, tmp_path: Path) -> None:
    """The check can fail: a grader without the multiple-select floor at zero disagrees."""
    engine = str(engine_html())
    planted = engine.replace(
        "var points = Math.max(0, right.length - wrong.length);", "var points = right.length - wrong.length;"
    )
    assert planted != engine
    path = tmp_path / "planted.html"
    path.write_text(f'<!doctype html><html lang="en"><head><title>planted</title></head><body>{planted}</body></html>')
    question = next(q for _, q in QUESTIONS if isinstance(q, MultipleSelect))
    responses = every_response(question)
    with opened(browser, path.as_uri()) as (page, _report):
        actual = browser_grades(page, question, responses)
    assert actual != python_grades(question, responses)


def dumped_for_the_grader(question: Question) -> dict[str, Any]:
    """The model's JSON less what the grader never reads and the page does not give back."""
    data = question.model_dump(mode="json")
    for name in ("prompt", "model_answer"):
        data.pop(name, None)
    for pair in data.get("pairs", []):
        pair.pop("left")
    return data


@pytest.mark.parametrize("bank", BANKS, ids=[path.stem for path in BANKS])
def test_the_site_page_gives_the_grader_the_question_the_models_dump(browser: Browser, tmp_path: Path, bank: Path) -> None:
    """The data block with the texts the engine reads back from the page is the question's JSON."""
    quiz = Quiz.from_file(bank)
    if quiz.bank.graded:
        pytest.skip("a graded bank's page holds no key, so its questions are never graded in the browser")
    script, _stylesheet = engine_assets()
    (tmp_path / script.name).write_text(script.text, encoding="utf-8")
    page_path = tmp_path / "quiz.html"
    page_path.write_text(
        '<!doctype html><html lang="en"><head><title>quiz</title></head><body>'
        f'{quiz.html().replace(str(engine_html()), "")}<script src="{script.name}"></script></body></html>',
        encoding="utf-8",
    )
    with opened(browser, page_path.as_uri()) as (page, report):
        restored = page.evaluate(
            """() => {
              const section = document.querySelector("section.mlq-quiz");
              const bank = JSON.parse(section.querySelector("script.mlq-data").textContent);
              return bank.questions.map((q) => window.MedialitQuiz.restoreFromPage(
                section.querySelector(`.mlq-question[data-mlq-question="${q.id}"]`), q));
            }"""
        )
        assert report.problems() == []
    assert restored == [dumped_for_the_grader(question) for question in quiz.bank.questions]
