"""How a question is laid out for a student: ids and display orders derived from its content.

Nothing here is random. Every renderer (site, widget, print) uses these functions, so the same
bank always produces the same page, nbval can compare notebook outputs, and a student who reloads
sees the items where they left them.
"""

from __future__ import annotations

import hashlib
import random

from medialit.article import Article
from medialit.quiz.grade import right_items
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


def _seeded(seed: str) -> random.Random:
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def shuffled_indices(size: int, seed: str) -> list[int]:
    """A permutation of ``range(size)`` fixed by ``seed``, never the identity when size > 1.

    Ordering questions list their items in the correct order, so showing that order would give
    the answer away.
    """
    order = list(range(size))
    _seeded(seed).shuffle(order)
    if size > 1 and order == sorted(order):
        order = order[1:] + order[:1]
    return order


def element_id(bank: QuizBank, question: Question | None = None, part: str | None = None) -> str:
    """An HTML id built from the bank and question ids (slugs, so safe in ids and selectors)."""
    pieces = ["mlq", bank.id]
    if question is not None:
        pieces.append(question.id)
    if part is not None:
        pieces.append(part)
    return "-".join(pieces)


def option_order(question: SingleChoice | MultipleSelect) -> list[int]:
    """The order in which a choice question's options are shown (option indices in the bank).

    Authors usually write the key first; showing the bank's order would teach "pick the first
    one". The order is fixed by the question's content, so the site, the widget, the print sheet,
    the PDF and the LMS files all show the same order, and it changes only when the options do.
    """
    texts = "\n".join(option.text for option in question.options)
    return shuffled_indices(len(question.options), f"options:{question.id}:{texts}")


def shown_options(question: SingleChoice | MultipleSelect) -> list[Option]:
    """A choice question's options in the order they are shown (see :func:`option_order`)."""
    return [question.options[index] for index in option_order(question)]


def true_false_order(bank: QuizBank, question: TrueFalse) -> tuple[bool, bool]:
    """The order of a true/false question's two answers: True, False, unless the bank asks
    (``shuffle_true_false``) for an order derived from the question's content."""
    if bank.shuffle_true_false and _seeded(f"true-false:{question.id}:{question.prompt}").random() < 0.5:
        return (False, True)
    return (True, False)


def ordering_start(question: Ordering) -> list[int]:
    """The order in which an ordering question's items are first shown (item indices)."""
    return shuffled_indices(len(question.items), f"ordering:{question.id}:{question.items[0].text}")


def matching_choices(question: Matching) -> list[int]:
    """The order in which a matching question's right-hand choices are offered (indices into right_items)."""
    items = right_items(question)
    return shuffled_indices(len(items), f"matching:{question.id}:{items[0]}")


def find_candidates(question: FindInText, article: Article) -> list[int]:
    """The paragraph numbers offered for selection: the bank's candidates, or every paragraph."""
    if question.candidates:
        return sorted(question.candidates)
    return [paragraph.n for paragraph in article.paragraphs]
