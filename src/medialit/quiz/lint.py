"""Bank lint: patterns in a valid bank that let a student score without reading the article.

A bank can pass the schema and still teach the wrong lesson: if every true/false key is
False, a student learns to answer False; if the key is usually the longest option, a student
learns to pick the longest. These checks find such patterns, and wrong answers whose feedback
names no misconception. Each is a pure function of a loaded :class:`~medialit.quiz.model.QuizBank`
and returns :class:`LintWarning` values; ``medialit check`` prints them, and ``--strict`` makes
them errors. The thresholds are constants below, each with its reason; docs/quizzes.md has the
same table for authors.

Lengths are counted in characters of the visible text (runs of white space count as one):
that is what a student sees at a glance, and it needs no word splitting of quotations.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Final

from medialit.quiz.model import (
    FindInText,
    Matching,
    MultipleSelect,
    Option,
    Ordering,
    Question,
    QuizBank,
    SingleChoice,
    TrueFalse,
)


class Rule(StrEnum):
    """What a lint warning is about. The value is the code printed with the warning."""

    TRUE_FALSE_BALANCE = "true-false-balance"
    """The bank's true/false keys are all one way, or nearly: answering always the same earns the points."""
    KEY_LONGEST = "key-longest"
    """The key is the longest option in most choice questions of the bank: "pick the longest" earns the points."""
    LONG_OPTION = "long-option"
    """A right option is much longer than every other option of its question: its length gives it away."""
    FEEDBACK_MISSING = "feedback-missing"
    """A wrong answer gets no feedback that names its misconception (none, a bare "Wrong.", or a copy)."""


TRUE_FALSE_MIN: Final = 2
"""True/false balance is judged in a bank with at least this many true/false questions (one key cannot be lopsided)."""
TRUE_FALSE_MIN_SHARE: Final = 0.25
"""The less common true/false key must be the key of at least this share of them, and of at least one.
Below it, always answering the common key scores more than three in four: a habit, not a reading."""

KEY_LONGEST_MIN_QUESTIONS: Final = 3
"""The key-longest pattern is judged in a bank with at least this many choice questions (two can be chance)."""
KEY_LONGEST_MAX_SHARE: Final = 0.5
"""The key may be the longest option in at most this share of the bank's choice questions. With four options
chance gives about a quarter; more than half is a cue a student can learn within one quiz."""

LONG_OPTION_RATIO: Final = 1.8
"""An option at least this many times as long as the next longest stands out in the list."""
LONG_OPTION_MIN_EXTRA: Final = 25
"""…and at least this many characters longer: "Yes" against "Maybe not" is no cue, two lines against one is."""

GENERIC_FEEDBACK: Final = re.compile(
    r"^(?:(?:no|nope|wrong|incorrect|not (?:right|correct|quite)|sorry|false|try again|"
    r"that is (?:wrong|incorrect|not right)|this is (?:wrong|incorrect|not right)|oops)\b[\s,.;:!-]*)+$",
    re.IGNORECASE,
)
"""Feedback that only says the answer is wrong (“Wrong.”, “No, try again.”, “Incorrect!”): it names no misconception."""
MIN_FEEDBACK_WORDS: Final = 3
"""Feedback for a wrong answer shorter than this many words cannot say which misconception it reflects."""


@dataclass(frozen=True)
class LintWarning:
    """One pattern found in one bank: where, which rule, and a sentence a teacher understands."""

    bank: Path
    """The bank file."""
    question: str | None
    """The question id, or None for a pattern across the bank."""
    rule: Rule
    message: str

    def __str__(self) -> str:
        where = f"{self.bank}: question {self.question!r}" if self.question else f"{self.bank}"
        return f"{where}: {self.rule.value}: {self.message}"


def _length(text: str) -> int:
    return len(" ".join(text.split()))


def _short(text: str, limit: int = 40) -> str:
    """``text`` on one line, cut to ``limit`` characters: a label in a warning, not the whole item."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _ids(questions: Sequence[Question]) -> str:
    return ", ".join(question.id for question in questions)


# ---------------------------------------------------------------------------------------------
# The rules: each is a function of the bank alone.


def true_false_balance(bank: QuizBank, path: Path) -> Iterator[LintWarning]:
    """The bank's true/false keys all one way, or the less common key on fewer than a quarter of them."""
    questions = [q for q in bank.questions if isinstance(q, TrueFalse)]
    if len(questions) < TRUE_FALSE_MIN:
        return
    true = sum(q.answer for q in questions)
    false = len(questions) - true
    fewer = min(true, false)
    if fewer >= 1 and fewer >= TRUE_FALSE_MIN_SHARE * len(questions):
        return
    common = "True" if true > false else "False"
    if fewer == 0:
        message = f"all {len(questions)} true/false keys are {common}: students can learn to answer {common}"
    else:
        message = (
            f"{max(true, false)} of {len(questions)} true/false keys are {common} ({true} True, {false} False): "
            f"answering {common} every time scores more than three in four; make the keys closer to half and half"
        )
    yield LintWarning(path, None, Rule.TRUE_FALSE_BALANCE, message)


def key_is_longest(question: SingleChoice | MultipleSelect) -> bool:
    """Single choice: the key is longer than every other option. Multiple select: every correct
    option is longer than every wrong one (there must be a wrong one)."""
    right = [_length(o.text) for o in question.options if o.correct]
    wrong = [_length(o.text) for o in question.options if not o.correct]
    return bool(wrong) and min(right) > max(wrong)


def key_longest(bank: QuizBank, path: Path) -> Iterator[LintWarning]:
    """The key is the longest option in more than half of the bank's choice questions (at least three)."""
    choices = [q for q in bank.questions if isinstance(q, SingleChoice | MultipleSelect)]
    questions = [q for q in choices if not all(o.correct for o in q.options)]
    if len(questions) < KEY_LONGEST_MIN_QUESTIONS:
        return
    longest = [q for q in questions if key_is_longest(q)]
    if len(longest) <= KEY_LONGEST_MAX_SHARE * len(questions):
        return
    yield LintWarning(
        path,
        None,
        Rule.KEY_LONGEST,
        f"the key is the longest option in {len(longest)} of {len(questions)} choice questions ({_ids(longest)}): "
        f"students can learn to pick the longest; at most {int(KEY_LONGEST_MAX_SHARE * len(questions))} should be",
    )


def standout(options: Sequence[Option]) -> Option | None:
    """The option at least 1.8 times as long as the next longest and 25 characters longer, if there is one."""
    ranked = sorted(options, key=lambda o: _length(o.text), reverse=True)
    if len(ranked) < 2:
        return None
    first, second = _length(ranked[0].text), _length(ranked[1].text)
    if first >= LONG_OPTION_RATIO * second and first - second >= LONG_OPTION_MIN_EXTRA:
        return ranked[0]
    return None


def long_option(bank: QuizBank, path: Path) -> Iterator[LintWarning]:
    """A right option at least 1.8 times as long as the next longest, and 25 characters longer.

    Only a right option is reported: a wrong option that stands out leads a student who picks by
    length astray, so it teaches nothing to unlearn.
    """
    for question in bank.questions:
        if not isinstance(question, SingleChoice | MultipleSelect):
            continue
        option = standout(question.options)
        if option is None or not option.correct:
            continue
        first = _length(option.text)
        second = max(_length(o.text) for o in question.options if o is not option)
        what = "the key" if isinstance(question, SingleChoice) else "a correct option"
        yield LintWarning(
            path,
            question.id,
            Rule.LONG_OPTION,
            f"{what} ({first} characters) is {first / second:.1f} times as long as the next longest option ({second}): "
            "its length gives it away; tighten it, or give the wrong options the same detail",
        )


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text))


def _normal(text: str) -> str:
    return " ".join(_words(text.casefold()))


def feedback_problem(text: str | None) -> str | None:
    """Why this feedback for a wrong answer names no misconception, or None when it can."""
    if text is None or not _words(text):
        return "no feedback"
    if GENERIC_FEEDBACK.match(text.strip()):
        return f"only {_short(text)!r}"
    if len(_words(text)) < MIN_FEEDBACK_WORDS:
        return f"only {_short(text)!r}, too short to name a misconception"
    return None


def _copies(texts: Sequence[tuple[str, str]]) -> Iterator[str]:
    """Labels of the feedbacks that repeat an earlier one word for word (case and punctuation aside)."""
    seen: dict[str, str] = {}
    for label, text in texts:
        key = _normal(text)
        if key in seen:
            yield f"{label} has the same feedback as {seen[key]}"
        else:
            seen[key] = label


def _labelled_problems(labelled: Sequence[tuple[str, str | None]]) -> list[str]:
    """Each feedback's problem, then each copy of an earlier one, as "label: problem"."""
    problems = [f"{label}: {problem}" for label, text in labelled if (problem := feedback_problem(text))]
    return problems + list(_copies([(label, text) for label, text in labelled if text is not None]))


def _choice_feedback(question: SingleChoice | MultipleSelect) -> list[str]:
    return _labelled_problems([(f"wrong option {i + 1}", o.feedback) for i, o in enumerate(question.options) if not o.correct])


def _true_false_feedback(question: TrueFalse) -> list[str]:
    wrong, text = ("False", question.feedback.when_false) if question.answer else ("True", question.feedback.when_true)
    problems = _labelled_problems([(f"the wrong answer ({wrong})", text)])
    if _normal(question.feedback.when_true) == _normal(question.feedback.when_false):
        problems.append("when_true and when_false say the same")
    return problems


def _matching_feedback(question: Matching) -> list[str]:
    return _labelled_problems([(f"the pair {_short(pair.left)!r}", pair.feedback) for pair in question.pairs])


def _ordering_feedback(question: Ordering) -> list[str]:
    if all(feedback_problem(item.feedback) for item in question.items):
        return ["no item has feedback to say where it belongs"]
    return _labelled_problems([(f"item {i + 1}", item.feedback) for i, item in enumerate(question.items)])


def _find_in_text_feedback(question: FindInText) -> list[str]:
    problems: list[str] = []
    if question.candidates:
        unexplained = [f"P{n}" for n in question.candidates if n not in question.answer and n not in question.feedback]
        if unexplained:
            problems.append(f"no feedback for the wrong {'pick' if len(unexplained) == 1 else 'picks'} {', '.join(unexplained)}")
    elif not question.feedback:
        problems.append("every paragraph is offered, and no wrong pick has feedback")
    return problems + _labelled_problems([(f"P{n}", text) for n, text in sorted(question.feedback.items())])


def _missing_feedback(question: Question) -> list[str]:
    """What is missing for one question, in a few words each (short written answers have a rubric instead)."""
    if isinstance(question, SingleChoice | MultipleSelect):
        return _choice_feedback(question)
    if isinstance(question, TrueFalse):
        return _true_false_feedback(question)
    if isinstance(question, Matching):
        return _matching_feedback(question)
    if isinstance(question, Ordering):
        return _ordering_feedback(question)
    if isinstance(question, FindInText):
        return _find_in_text_feedback(question)
    return []


def feedback_missing(bank: QuizBank, path: Path) -> Iterator[LintWarning]:
    """Wrong answers whose feedback is missing, bare ("Wrong."), shorter than three words, or a copy of another's.

    What a wrong answer is differs by type: a wrong option (single, multiple); the wrong answer
    of a true/false question; a left item matched wrongly (its pair's feedback); an item out of
    place (ordering: every item needs feedback); a wrong paragraph (find in the text: every
    offered candidate that is not in the answer, or, when every paragraph is offered, at least
    one). Short written answers have a model answer and a rubric instead.
    """
    for question in bank.questions:
        problems = _missing_feedback(question)
        if problems:
            yield LintWarning(
                path,
                question.id,
                Rule.FEEDBACK_MISSING,
                "feedback for a wrong answer should name its misconception: " + "; ".join(problems),
            )


RULES: Final[tuple[Callable[[QuizBank, Path], Iterator[LintWarning]], ...]] = (
    true_false_balance,
    key_longest,
    long_option,
    feedback_missing,
)
"""Every check, in the order their warnings are printed."""


def lint_bank(bank: QuizBank, path: Path | str) -> list[LintWarning]:
    """Every warning for one loaded bank: bank-wide patterns first, then each question's."""
    return [warning for rule in RULES for warning in rule(bank, Path(path))]
