"""Quiz banks: the one definition every renderer and the grader read (schema version 1).

A bank is a YAML file in ``exercises/``. Every question carries its key, feedback for each
wrong answer that explains the misconception, a general explanation, and the article
paragraphs that justify the key. Validation is strict (unknown fields are errors) so a typo in
a teacher's file is reported, not silently ignored.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

SCHEMA_VERSION = 1

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
"""Ids are lower-case words joined by hyphens: stable, readable, and safe in HTML ids."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
ParagraphNumber = Annotated[int, Field(ge=1)]


class QuestionType(StrEnum):
    """The kinds of question a bank may hold."""

    SINGLE = "single"
    """Single choice: exactly one option is right."""
    MULTIPLE = "multiple"
    """Multiple select: one or more options are right; partial credit (see the grader)."""
    TRUE_FALSE = "true-false"
    """A statement that is true or false."""
    MATCHING = "matching"
    """Pair each left item (e.g. a reporting verb) with its right item (e.g. a speaker)."""
    ORDERING = "ordering"
    """Put items in order (e.g. the order in which the article gives voices)."""
    FIND_IN_TEXT = "find-in-text"
    """Select the paragraph(s) of the article that answer the question."""
    SHORT_ANSWER = "short-answer"
    """Write an answer, then compare it with a model answer and a rubric checklist."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(_Strict):
    text: Text
    correct: bool = False
    feedback: Text
    """Shown when this option is chosen: why it is right, or which misconception it reflects."""


class _QuestionBase(_Strict):
    id: Slug
    prompt: Text
    explanation: Text
    """Shown after any attempt: the reasoning behind the key."""
    paragraphs: list[ParagraphNumber] = Field(min_length=1)
    """Article paragraphs (P numbers) that justify the key."""

    @field_validator("paragraphs")
    @classmethod
    def _distinct_paragraphs(cls, value: list[int]) -> list[int]:
        if len(set(value)) != len(value):
            raise ValueError("paragraph numbers must not repeat")
        return value


def _distinct(texts: list[str], what: str) -> None:
    normalised = [re.sub(r"\s+", " ", text).casefold() for text in texts]
    if len(set(normalised)) != len(normalised):
        raise ValueError(f"two {what} have the same text")


class SingleChoice(_QuestionBase):
    type: Literal[QuestionType.SINGLE]
    options: list[Option] = Field(min_length=2, max_length=8)

    @model_validator(mode="after")
    def _one_correct(self) -> SingleChoice:
        _distinct([o.text for o in self.options], "options")
        if sum(o.correct for o in self.options) != 1:
            raise ValueError("a single-choice question needs exactly one option with correct: true")
        return self


class MultipleSelect(_QuestionBase):
    type: Literal[QuestionType.MULTIPLE]
    options: list[Option] = Field(min_length=2, max_length=10)

    @model_validator(mode="after")
    def _some_correct(self) -> MultipleSelect:
        _distinct([o.text for o in self.options], "options")
        if not any(o.correct for o in self.options):
            raise ValueError("a multiple-select question needs at least one option with correct: true")
        return self


class TrueFalseFeedback(_Strict):
    """Named ``when_true`` / ``when_false``: YAML would read bare ``true:`` keys as booleans."""

    when_true: Text
    """Shown to a student who answered "true"."""
    when_false: Text
    """Shown to a student who answered "false"."""


class TrueFalse(_QuestionBase):
    type: Literal[QuestionType.TRUE_FALSE]
    answer: bool
    feedback: TrueFalseFeedback


class Pair(_Strict):
    left: Text
    right: Text
    feedback: Text
    """Shown when this left item is matched wrongly: what tells the right match."""


class Matching(_QuestionBase):
    type: Literal[QuestionType.MATCHING]
    pairs: list[Pair] = Field(min_length=2, max_length=8)
    distractors: list[Text] = Field(default_factory=list, max_length=4)
    """Extra right-hand choices that match nothing."""

    @model_validator(mode="after")
    def _distinct_sides(self) -> Matching:
        _distinct([p.left for p in self.pairs], "left items")
        _distinct([p.right for p in self.pairs] + list(self.distractors), "right items")
        return self


class OrderItem(_Strict):
    text: Text
    feedback: Text | None = None
    """Shown when this item is out of place."""


class Ordering(_QuestionBase):
    type: Literal[QuestionType.ORDERING]
    items: list[OrderItem] = Field(min_length=2, max_length=8)
    """In the correct order; renderers shuffle them deterministically."""

    @model_validator(mode="after")
    def _distinct_items(self) -> Ordering:
        _distinct([i.text for i in self.items], "items")
        return self


class FindInText(_QuestionBase):
    type: Literal[QuestionType.FIND_IN_TEXT]
    answer: list[ParagraphNumber] = Field(min_length=1)
    """The paragraphs a student must select."""
    candidates: list[ParagraphNumber] = Field(default_factory=list)
    """Paragraphs offered for selection (empty: every paragraph of the article)."""
    feedback: dict[ParagraphNumber, Text] = Field(default_factory=dict)
    """Feedback for paragraphs students commonly pick wrongly, keyed by paragraph number."""

    @model_validator(mode="after")
    def _answer_among_candidates(self) -> FindInText:
        if len(set(self.answer)) != len(self.answer):
            raise ValueError("answer paragraphs must not repeat")
        if self.candidates:
            missing = sorted(set(self.answer) - set(self.candidates))
            if missing:
                raise ValueError(f"answer paragraphs {missing} are not among the candidates")
        wrong_keyed = sorted(set(self.feedback) & set(self.answer))
        if wrong_keyed:
            raise ValueError(f"feedback is for wrong picks, but {wrong_keyed} are in the answer")
        return self


class ShortAnswer(_QuestionBase):
    type: Literal[QuestionType.SHORT_ANSWER]
    model_answer: Text
    rubric: list[Text] = Field(min_length=1, max_length=10)
    """Checklist a student ticks to assess their own answer."""


Question = Annotated[
    SingleChoice | MultipleSelect | TrueFalse | Matching | Ordering | FindInText | ShortAnswer,
    Field(discriminator="type"),
]


class QuizBank(_Strict):
    schema_version: Literal[1]
    id: Slug
    title: Text
    chapter: str = Field(min_length=1)
    """The book page (docname, e.g. ``book/article``) the quiz belongs to."""
    article: str = Field(min_length=1)
    """Path of the article, relative to the bank file: paragraph numbers are checked against it."""

    graded: bool = False
    """A quiz the teacher marks. Its keys, feedback, explanations, model answers and rubrics then
    never reach the built site: students answer, their answers are kept for them to hand in, and
    the keys are only in the teacher edition, the printed keys and the LMS export."""
    shuffle_true_false: bool = False
    """Show each true/false question's two answers in an order derived from its content (True
    first in some questions, False first in others) rather than always True, then False."""
    questions: list[Question] = Field(min_length=1)

    @field_validator("article")
    @classmethod
    def _a_path(cls, value: str) -> str:
        """A control character (a NUL above all) can name no file: say so, before the path is opened."""
        if any(ord(character) < 32 or ord(character) == 127 for character in value):
            raise ValueError("the article path contains a control character")
        return value

    @model_validator(mode="after")
    def _unique_question_ids(self) -> QuizBank:
        seen: set[str] = set()
        for question in self.questions:
            if question.id in seen:
                raise ValueError(f"question id {question.id!r} is used twice")
            seen.add(question.id)
        return self
