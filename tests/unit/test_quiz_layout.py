"""Display orders derived from content: choice options always, true/false answers where a bank asks.

Every rendering (the site, the Jupyter widget, the print sheet, the Canvas file) must show the
order :mod:`medialit.quiz.layout` gives, and answers are still named by the bank's index or value.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from helpers import ROOT
from medialit.article import Article
from medialit.export.qti import question_entries
from medialit.quiz import QuizBank, find_banks, load_bank
from medialit.quiz.layout import element_id, option_order, shown_options, true_false_order
from medialit.quiz.load import load_bank_with_article
from medialit.quiz.model import MultipleSelect, SingleChoice, TrueFalse
from medialit.quiz.render_html import render_bank_html
from medialit.quiz.render_print import render_print
from medialit.quiz.widget import TrueFalseWidget, build_quiz_widget

BANKS = find_banks(ROOT / "exercises")


def every_question(kind: type) -> list[tuple[QuizBank, object]]:
    return [(bank, q) for bank in (load_bank(path) for path in BANKS) for q in bank.questions if isinstance(q, kind)]


def test_option_order_is_a_permutation_fixed_by_content_and_changed_only_when_the_options_are() -> None:
    for _bank, question in every_question(SingleChoice | MultipleSelect):
        assert isinstance(question, SingleChoice | MultipleSelect)
        order = option_order(question)
        assert sorted(order) == list(range(len(question.options)))
        assert option_order(question.model_copy()) == order
        assert [o.text for o in shown_options(question)] == [question.options[i].text for i in order]
        reworded = question.options[0].model_copy(update={"text": question.options[0].text + " (reworded)"})
        changed = question.model_copy(update={"options": [reworded, *question.options[1:]]})
        assert sorted(option_order(changed)) == list(range(len(question.options)))


def test_the_flagship_shows_a_right_answer_first_in_at_most_half_its_choice_questions() -> None:
    questions = [q for _bank, q in every_question(SingleChoice | MultipleSelect)]
    first_right = [q.options[option_order(q)[0]].correct for q in questions if isinstance(q, SingleChoice | MultipleSelect)]
    assert len(first_right) >= 30
    assert sum(first_right) <= len(first_right) / 2


def test_true_false_answers_are_true_then_false_unless_the_bank_asks() -> None:
    pairs = every_question(TrueFalse)
    assert pairs and all(true_false_order(bank, q) == (True, False) for bank, q in pairs if isinstance(q, TrueFalse))
    asked = {
        true_false_order(bank.model_copy(update={"shuffle_true_false": True}), q) for bank, q in pairs if isinstance(q, TrueFalse)
    }
    assert asked == {(True, False), (False, True)}, "derived from content, both orders occur"


def shuffled_bank() -> tuple[QuizBank, Article, TrueFalse]:
    """A flagship bank that asks for shuffled true/false answers, and one of its questions shown False first."""
    for path in BANKS:
        bank, article = load_bank_with_article(path)
        bank = bank.model_copy(update={"shuffle_true_false": True})
        for question in bank.questions:
            if isinstance(question, TrueFalse) and true_false_order(bank, question) == (False, True):
                return bank, article, question
    raise AssertionError("no flagship true/false question comes out False first")


def test_every_rendering_shows_the_true_false_order_the_bank_asks_for(tmp_path: Path) -> None:
    bank, article, question = shuffled_bank()
    site = BeautifulSoup(render_bank_html(bank, article, engine=False), "html.parser")
    element = site.select_one(f'[data-mlq-question="{question.id}"]')
    assert element is not None
    assert [tag["value"] for tag in element.select(".mlq-options input")] == ["false", "true"]
    assert [tag.get_text() for tag in element.select(".mlq-options .mlq-text")] == ["False", "True"]

    widget = next(w for w in build_quiz_widget(bank, article).questions if w.question.id == question.id)
    assert isinstance(widget, TrueFalseWidget)
    assert widget.choice.options == (("False", False), ("True", True))

    sheet = BeautifulSoup(render_print(bank, article, key=False), "html.parser")
    choices = sheet.select(f"section#{element_id(bank, question)} .truefalse .choice")
    assert [choice.get_text(" ", strip=True).split()[0] for choice in choices] == ["False", "True"]

    (entry,) = question_entries(bank, question, article)
    assert [line.split(")", 1)[1].strip() for line in entry.choices if ")" in line][:2] == ["False", "True"]
