"""Driving the built site's quiz page in chromium: the bank's questions, answers computed from
their keys, and the mouse actions and readings the quiz tests share.

Every expected value is computed from ``exercises/article.yml`` and ``medialit.quiz.grade``, never
written out by hand, so the tests follow the bank when a teacher edits it.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Final

from pagecheck import audit
from playwright.sync_api import Locator, Page, expect

from helpers import ROOT
from medialit.quiz import Question, QuestionType, Result, Status, grade, load_bank
from medialit.quiz.grade import bank_maxima, is_self_assessed
from medialit.quiz.model import FindInText, Matching, MultipleSelect, Ordering, ShortAnswer, SingleChoice, TrueFalse

BANK: Final = load_bank(ROOT / "exercises" / "article.yml")
QUESTIONS: Final[list[Question]] = list(BANK.questions)
QUIZ_PAGE: Final = "exercises/article-quiz.html"
PROGRESS_PAGE: Final = "book/progress.html"
MAX_POINTS, SELF_MAX = bank_maxima(BANK)
"""The auto-marked maximum (first tries) and, apart, the written answers' rubric points."""
CHECKABLE: Final = sum(not is_self_assessed(q) for q in QUESTIONS)

VERDICTS: Final = {
    Status.CORRECT: "Correct.",
    Status.PARTIAL: "Partly right.",
    Status.INCORRECT: "Not right yet.",
    Status.UNANSWERED: "Not answered yet.",
    Status.SELF_ASSESSED: "Self-assessed.",
}
"""What the feedback region says first for each status (quiz.js's STATUS_TEXT)."""

WRITTEN_ANSWER: Final = "The page names no reporter (no byline at the top), and Serbia's denial in P16 has no named speaker."


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def served(root: Path) -> Iterator[str]:
    """``root`` served over loopback HTTP (which the offline guard lets through); yields its base URL.

    Tests that reload a page or go to another page need this. Opened from file://, Chromium now and
    then starts the next document without a localStorage write the page has just made (about one
    reload in twelve on a plain page, whatever the wait before it); over HTTP it never did in our
    runs. The other tests open the files directly, as a student does offline.
    """
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def audit_light_and_dark(page: Page) -> list[str]:
    """axe's violations on the page as it is now, in the light colour scheme and then in the dark one.

    The theme follows the browser's scheme as it changes, so one answered page serves both audits;
    each waits for the theme's colour transitions to end, or axe would measure colours half-way.
    """
    violations = []
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        expect(page.locator("html")).to_have_attribute("data-theme", scheme)
        page.wait_for_function("() => document.getAnimations().every(animation => animation.playState !== 'running')")
        violations += [f"{scheme}: {violation}" for violation in audit(page)]
    return violations


def first_of_each_type() -> list[Question]:
    """One question of every type in the bank, in the bank's order."""
    seen: dict[QuestionType, Question] = {}
    for question in QUESTIONS:
        seen.setdefault(question.type, question)
    return list(seen.values())


# ---------------------------------------------------------------- responses from the bank's keys


def right_response(question: Question) -> Any:
    """The response that earns full points (for a written answer: some text, every rubric item ticked)."""
    match question:
        case SingleChoice():
            return next(i for i, option in enumerate(question.options) if option.correct)
        case MultipleSelect():
            return [i for i, option in enumerate(question.options) if option.correct]
        case TrueFalse():
            return question.answer
        case Matching():
            return list(range(len(question.pairs)))
        case Ordering():
            return list(range(len(question.items)))
        case FindInText():
            return sorted(question.answer)
        case ShortAnswer():
            return {"text": WRITTEN_ANSWER, "ticked": list(range(len(question.rubric)))}
    raise TypeError(question)  # pragma: no cover


def wrong_response(question: Question) -> Any:
    """A response that is not fully right, chosen so the bank's feedback for wrong answers shows.

    Multiple select and matching get part of the key right (partly right); the other types get
    nothing right; a written answer ticks only the first rubric item.
    """
    match question:
        case SingleChoice():
            return next(i for i, option in enumerate(question.options) if not option.correct)
        case MultipleSelect():
            correct = [i for i, option in enumerate(question.options) if option.correct]
            wrong = [i for i, option in enumerate(question.options) if not option.correct]
            return sorted(correct[:1] if len(correct) > 1 else wrong[:1])
        case TrueFalse():
            return not question.answer
        case Matching():
            size = len(question.pairs)
            # Pair 0 right; each other pair is given the next one's match (with two pairs: none).
            return [0] + [(i % (size - 1)) + 1 if size > 2 else None for i in range(1, size)]
        case Ordering():
            size = len(question.items)
            return [(i + 1) % size for i in range(size)]
        case FindInText():
            offered = question.candidates or [n for n in question.feedback]
            return [next(n for n in sorted(offered) if n not in question.answer)]
        case ShortAnswer():
            return {"text": WRITTEN_ANSWER, "ticked": [0]}
    raise TypeError(question)  # pragma: no cover


# ---------------------------------------------------------------- the page


def question_element(page: Page, question: Question) -> Locator:
    return page.locator(f'.mlq-question[data-mlq-question="{question.id}"]')


def part(page: Page, question: Question, key: object) -> Locator:
    return question_element(page, question).locator(f'[data-mlq-part="{key}"]')


def course_id(page: Page) -> str:
    """The course id the page stores answers under: its ``medialit-course`` meta tag."""
    content = page.locator('meta[name="medialit-course"]').get_attribute("content")
    assert content, "the page has no medialit-course meta tag"
    return content


def store_key(page: Page) -> str:
    return f"medialit:v1:{course_id(page)}"


def storage_item(page: Page, key: str) -> str | None:
    value: str | None = page.evaluate("key => window.localStorage.getItem(key)", key)
    return value


def saved_answers(page: Page) -> dict[str, Any]:
    """The saved record of each question of the bank, by question id (empty when nothing is saved)."""
    raw = storage_item(page, store_key(page))
    if raw is None:
        return {}
    store = json.loads(raw)
    return dict(store["banks"].get(BANK.id, {}).get("questions", {}))


def order_on_page(page: Page, question: Question) -> list[int]:
    """The item indices of an ordering question as the list shows them now."""
    items = question_element(page, question).locator(".mlq-item")
    return [int(items.nth(i).get_attribute("data-mlq-part") or "-1") for i in range(items.count())]


def select_values(page: Page, question: Question) -> list[str]:
    selects = question_element(page, question).locator(".mlq-pair select")
    return [selects.nth(i).input_value() for i in range(selects.count())]


def checked_values(page: Page, question: Question) -> list[str]:
    """The values of the ticked boxes or chosen radio of a question (not its rubric)."""
    values: list[str] = (
        question_element(page, question)
        .locator("fieldset > .mlq-options input:checked")
        .evaluate_all("inputs => inputs.map(input => input.value)")
    )
    return values


def ticked_rubric(page: Page, question: Question) -> list[int]:
    values: list[str] = (
        question_element(page, question)
        .locator(".mlq-rubric input:checked")
        .evaluate_all("inputs => inputs.map(input => input.value)")
    )
    return [int(value) for value in values]


def shown_response(page: Page, question: Question) -> Any:
    """The response the controls show now, in grade.py's shapes (to compare with what was answered)."""
    match question:
        case SingleChoice():
            values = checked_values(page, question)
            return int(values[0]) if values else None
        case TrueFalse():
            values = checked_values(page, question)
            return values[0] == "true" if values else None
        case MultipleSelect() | FindInText():
            return sorted(int(value) for value in checked_values(page, question))
        case Matching():
            return [None if value == "" else int(value) for value in select_values(page, question)]
        case Ordering():
            return order_on_page(page, question)
        case ShortAnswer():
            text = question_element(page, question).locator("textarea").input_value()
            return {"text": text, "ticked": ticked_rubric(page, question)}
    raise TypeError(question)  # pragma: no cover


# ---------------------------------------------------------------- answering with the mouse


def move_to_order_with_mouse(page: Page, question: Question, target: list[int]) -> None:
    """Click Move up until the list shows ``target`` (a selection sort, one click per step)."""
    for position, item in enumerate(target):
        current = order_on_page(page, question).index(item)
        for _ in range(current - position):
            part(page, question, item).locator(".mlq-up").click()
    assert order_on_page(page, question) == target


def answer_with_mouse(page: Page, question: Question, response: Any) -> None:
    """Set the controls to ``response`` by clicking labels, choosing options and moving items.

    A written answer is typed, then compared with the model answer (which shows the rubric), and
    the rubric items are clicked until those in ``response["ticked"]`` are ticked.
    """
    element = question_element(page, question)
    match question:
        case SingleChoice():
            part(page, question, response).click()
        case TrueFalse():
            part(page, question, "answer-true" if response else "answer-false").click()
        case MultipleSelect() | FindInText():
            for box in element.locator("fieldset > .mlq-options input").all():
                value = int(box.get_attribute("value") or "-1")
                if box.is_checked() != (value in response):
                    part(page, question, value).click()
        case Matching():
            for index, choice in enumerate(response):
                part(page, question, index).locator("select").select_option("" if choice is None else str(choice))
        case Ordering():
            move_to_order_with_mouse(page, question, response)
        case ShortAnswer():
            element.locator("textarea").fill(response["text"])
            element.locator(".mlq-check").click()
            for index in range(len(question.rubric)):
                if (index in ticked_rubric(page, question)) != (index in response["ticked"]):
                    element.locator(f'.mlq-rubric [data-mlq-part="{index}"]').click()
    assert shown_response(page, question) == response


def check(page: Page, question: Question) -> None:
    """Press the question's Check answer (or Compare with the model answer) button."""
    question_element(page, question).locator(".mlq-check").click()


# ---------------------------------------------------------------- readings


def points_text(points: int, max_points: int) -> str:
    return f"{points} of {max_points} " + ("point" if max_points == 1 else "points")


def rubric_text(points: int, max_points: int) -> str:
    return f"{points} of {max_points} " + ("rubric point" if max_points == 1 else "rubric points")


def score_line(points: int, checked: int, own: int = 0) -> str:
    """The quiz's score line: first-try points of the auto-marked questions, the written answers' apart."""
    line = f"Your score: {points_text(points, MAX_POINTS)} on first tries ({checked} of {CHECKABLE} questions checked)."
    return line + (f" Self-assessed written answers: {rubric_text(own, SELF_MAX)}." if SELF_MAX else "")


@dataclass
class Tally:
    """The score a page should show: each question's first checked try, and the written answers' last ticks."""

    first: dict[str, int] = field(default_factory=dict)
    own: dict[str, int] = field(default_factory=dict)

    def add(self, question: Question, result: Result) -> None:
        """A check of ``question`` that gave ``result``."""
        if result.status is Status.UNANSWERED:
            return
        if is_self_assessed(question):
            self.own[question.id] = result.points
        else:
            self.first.setdefault(question.id, result.points)

    @property
    def points(self) -> int:
        return sum(self.first.values())

    def line(self) -> str:
        return score_line(self.points, len(self.first), sum(self.own.values()))


AFTER_REVEAL: Final = "This try came after the answer was shown, so it does not change your score"


def summary_text(result: Result) -> str:
    """The first line of the feedback region for ``result``: the verdict and the points."""
    verdict = VERDICTS[result.status]
    if result.status is Status.SELF_ASSESSED:
        if not result.marks:
            return f"{verdict} Compare your answer with the model answer, then tick each rubric item it meets."
        return f"{verdict} You ticked {rubric_text(result.points, result.max_points)}."
    if result.status is Status.UNANSWERED:
        return verdict
    return f"{verdict} {points_text(result.points, result.max_points)}."


def shown_feedback(page: Page, question: Question) -> tuple[str, str, list[str]]:
    """The feedback region now: its verdict, its first line, and its list of feedback texts."""
    region = question_element(page, question).locator(".mlq-feedback")
    verdict = region.locator("p strong").inner_text().strip()
    summary = re.sub(r"\s+", " ", region.locator("p").first.inner_text()).strip()
    return verdict, summary, [text.strip() for text in region.locator("li").all_inner_texts()]


def shown_marks(page: Page, question: Question) -> dict[str, str]:
    """The mark each part of the question shows now (``right``, ``wrong``, ``missed``), keyed as grade.py keys them."""
    marked: dict[str, str] = (
        question_element(page, question)
        .locator("[data-mlq-part]")
        .evaluate_all(
            """parts => Object.fromEntries(parts.flatMap(part => {
            const mark = ["right", "wrong", "missed"].find(name => part.classList.contains("mlq-" + name));
            return mark ? [[part.getAttribute("data-mlq-part"), mark]] : [];
        }))"""
        )
    )
    if question.type is QuestionType.TRUE_FALSE:
        return {"answer": mark} if (mark := next(iter(marked.values()), None)) else {}
    return marked


def expected_marks(question: Question, result: Result) -> dict[str, str]:
    """The marks the page should show for ``result`` (a written answer shows none)."""
    if question.type is QuestionType.SHORT_ANSWER:
        return {}
    return {key: str(mark) for key, mark in result.marks.items()}


def assert_feedback_matches(page: Page, question: Question, response: Any) -> Result:
    """The page shows what grade.py gives for ``response``: verdict, points, feedback texts, marks."""
    result = grade(question, response)
    verdict, summary, texts = shown_feedback(page, question)
    assert verdict == VERDICTS[result.status], f"{question.id}: verdict {verdict!r}"
    assert summary == summary_text(result), f"{question.id}: summary {summary!r}"
    assert texts == list(result.feedback), f"{question.id}: feedback {texts!r}"
    assert shown_marks(page, question) == expected_marks(question, result), question.id
    assert question_element(page, question).locator(".mlq-explanation").is_visible(), question.id
    saved = saved_answers(page)[question.id]
    assert saved["response"] == response, f"{question.id}: saved {saved['response']!r}"
    assert saved["result"] == {"status": str(result.status), "points": result.points, "max_points": result.max_points}
    return result
