"""The notebook quiz (ipywidgets): controls build the grader's responses, the output shows its verdict, text stays text."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

import ipywidgets
import pytest

from helpers import ROOT, key_texts
from medialit.article import Article, Paragraph, Provenance
from medialit.ingest import load_article
from medialit.quiz import QuizBank, load_bank
from medialit.quiz.grade import Result, Status, grade, right_items
from medialit.quiz.layout import find_candidates, matching_choices, ordering_start, shown_options
from medialit.quiz.widget import (
    CHOOSE,
    FindInTextWidget,
    MatchingWidget,
    MultipleSelectWidget,
    OrderingWidget,
    QuestionWidget,
    QuizWidget,
    ShortAnswerWidget,
    SingleChoiceWidget,
    TrueFalseWidget,
    build_quiz_widget,
    status_line,
)

VALID = ROOT / "tests" / "fixtures" / "quizzes" / "valid-bank.yml"
SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def bank() -> QuizBank:
    return load_bank(VALID)


@pytest.fixture(scope="module")
def article(bank: QuizBank) -> Article:
    return load_article(VALID.parent / bank.article)


@pytest.fixture
def quiz(bank: QuizBank, article: Article) -> QuizWidget:
    return build_quiz_widget(bank, article)


def question(quiz: QuizWidget, question_id: str) -> Any:
    return next(q for q in quiz.questions if q.question.id == question_id)


def press_check(widget: QuestionWidget, expected_response: object) -> Result:
    """Click "Check answer"; the response must be the expected JSON and the verdict the grader's."""
    assert widget.response() == expected_response
    widget.check_button.click()
    expected = grade(widget.question, expected_response)
    assert widget.result == expected
    assert widget.check() == expected
    output = widget.output.value
    assert escape(status_line(expected)) in output
    for text in expected.feedback:
        assert f"<li>{escape(text)}</li>" in output
    return expected


def explained(widget: QuestionWidget) -> bool:
    output = widget.output.value
    references = ", ".join(f"P{n}" for n in widget.question.paragraphs)
    return escape(widget.question.explanation) in output and f"Paragraphs: {references}" in output


def tree(widget: Any) -> list[Any]:
    """The widget and every widget inside it, depth first."""
    found = [widget]
    for child in getattr(widget, "children", ()):
        found += tree(child)
    return found


def snapshot(widget: Any) -> list[tuple[object, ...]]:
    """Everything a student sees of each widget (no model ids): type, texts, options, state."""
    return [
        (
            type(w).__name__,
            getattr(w, "value", None),
            getattr(w, "description", None),
            getattr(w, "tooltip", None),
            tuple(getattr(w, "options", ())),
            getattr(w, "disabled", None),
            tuple(w._dom_classes),
            w.layout.display,
        )
        for w in tree(widget)
    ]


# --- the bank as a whole ---------------------------------------------------------------------


def test_the_bank_shows_its_title_every_question_and_a_score_line(bank: QuizBank, quiz: QuizWidget) -> None:
    assert isinstance(quiz, ipywidgets.VBox)
    assert [q.question.id for q in quiz.questions] == [q.id for q in bank.questions]
    assert quiz.children[0].value == '<h3 class="mlq-title">The article, first reading</h3>'
    assert list(quiz.children[1:-1]) == [q.box for q in quiz.questions]
    assert quiz.children[-1] is quiz.score_line
    assert quiz.score() == (0, 10)
    assert quiz.self_assessed() == (0, 3)
    assert "Score: 0 of 10 points (first tries). Self-assessed written answers: 0 of 3 rubric points" in quiz.score_line.value


def test_every_question_box_has_the_prompt_a_check_button_and_an_empty_output(quiz: QuizWidget) -> None:
    for number, widget in enumerate(quiz.questions, 1):
        assert widget.box.children[0] is widget.prompt
        assert f"Question {number} of 7." in widget.prompt.value
        assert escape(widget.question.prompt) in widget.prompt.value
        assert widget.check_button.description == "Check answer"
        assert widget.box.children[-2].children == (widget.check_button, widget.retry_button)
        assert widget.box.children[-1] is widget.output
        assert widget.retry_button.layout.display == "none"
        assert widget.output.value == ""
        assert widget.result is None


def test_the_score_line_adds_up_the_first_check_of_each_question(quiz: QuizWidget) -> None:
    single = question(quiz, "who-republished")
    single.choice.value = 0
    single.check_button.click()
    multiple = question(quiz, "which-sources")
    multiple.option_box(0).value = True
    multiple.check_button.click()
    assert quiz.score() == (2, 10)
    assert "Score: 2 of 10 points (first tries)" in quiz.score_line.value
    single.choice.value = 1
    single.check_button.click()
    assert quiz.score() == (2, 10), "a later try does not change the score"
    assert single.result is not None and single.result.points == 0 and single.tries == 2
    assert "does not change your score: your first try stands at 1 of 1 point." in single.output.value


def test_a_wrong_first_try_keeps_its_score_after_the_reveal_and_try_again_clears_the_choice(quiz: QuizWidget) -> None:
    single = question(quiz, "who-republished")
    wrong = next(i for i, option in enumerate(single.question.options) if not option.correct)
    right = next(i for i, option in enumerate(single.question.options) if option.correct)
    single.choice.value = wrong
    single.check_button.click()
    assert single.retry_button.layout.display is None, "Try again is offered after a check"
    assert "after the answer was shown" not in single.output.value
    single.retry_button.click()
    assert single.choice.value is None and single.retry_button.layout.display == "none"
    assert "your first try stands at 0 of 1 point" in single.output.value
    single.choice.value = right
    single.check_button.click()
    assert single.result is not None and single.result.status is Status.CORRECT
    assert "Correct" in single.output.value and "your first try stands at 0 of 1 point" in single.output.value
    assert quiz.score() == (0, 10)


def test_checking_without_an_answer_says_not_answered_and_gives_nothing_away(quiz: QuizWidget) -> None:
    for widget in quiz.questions:
        if isinstance(widget, OrderingWidget):
            continue  # its items are always in some order: there is no "no answer"
        widget.check_button.click()
        assert widget.result == grade(widget.question, widget.response())
        assert widget.result.status is Status.UNANSWERED
        assert "Not answered yet" in widget.output.value
        assert not explained(widget)
        assert widget.tries == 0 and widget.first is None
    assert quiz.score() == (0, 10)


# --- single choice ---------------------------------------------------------------------------


def test_a_single_choice_question_offers_its_options_with_none_selected(quiz: QuizWidget) -> None:
    widget = question(quiz, "who-republished")
    assert isinstance(widget, SingleChoiceWidget)
    assert isinstance(widget.choice, ipywidgets.RadioButtons)
    # shown in the order their content fixes (the key is written first in the bank), valued by bank index
    assert widget.choice.options == (("The Telegraph", 1), ("Genocide Watch", 0))
    assert widget.choice.value is None


def test_a_right_single_choice_answer_is_correct(quiz: QuizWidget) -> None:
    widget = question(quiz, "who-republished")
    widget.choice.value = 0
    result = press_check(widget, 0)
    assert "Correct — 1 of 1 point" in widget.output.value
    assert result.feedback == (widget.question.options[0].feedback,)
    assert explained(widget)


def test_a_wrong_single_choice_answer_shows_the_options_feedback(quiz: QuizWidget) -> None:
    widget = question(quiz, "who-republished")
    widget.choice.value = 1
    press_check(widget, 1)
    output = widget.output.value
    assert "Not right — 0 of 1 point" in output
    assert "The Telegraph published it first; the page you read is a republication." in output
    assert "Paragraphs: P1" in output
    assert explained(widget)


# --- multiple select -------------------------------------------------------------------------


def test_a_multiple_select_question_has_one_unticked_checkbox_per_option(quiz: QuizWidget) -> None:
    widget = question(quiz, "which-sources")
    assert isinstance(widget, MultipleSelectWidget)
    assert [box.description for box in widget.option_boxes] == [o.text for o in shown_options(widget.question)]
    assert not any(box.value for box in widget.option_boxes)


def test_ticking_exactly_the_right_options_is_correct(quiz: QuizWidget) -> None:
    widget = question(quiz, "which-sources")
    widget.option_box(0).value = True
    widget.option_box(1).value = True
    press_check(widget, [0, 1])
    assert "Correct — 2 of 2 points" in widget.output.value


def test_ticking_one_of_two_right_options_is_partly_right(quiz: QuizWidget) -> None:
    widget = question(quiz, "which-sources")
    widget.option_box(1).value = True
    press_check(widget, [1])
    assert "Partly right — 1 of 2 points" in widget.output.value


def test_a_wrong_multiple_select_answer_shows_the_wrong_options_feedback(quiz: QuizWidget) -> None:
    widget = question(quiz, "which-sources")
    widget.option_box(0).value = True
    widget.option_box(2).value = True
    press_check(widget, [0, 2])
    output = widget.output.value
    assert "Not right — 0 of 2 points" in output
    assert "The officer in P29 is not named." in output


# --- true or false ---------------------------------------------------------------------------


def test_a_true_false_question_offers_true_and_false_with_neither_selected(quiz: QuizWidget) -> None:
    widget = question(quiz, "denial")
    assert isinstance(widget, TrueFalseWidget)
    assert widget.choice.options == (("True", True), ("False", False))
    assert widget.choice.value is None


def test_a_right_true_false_answer_is_correct(quiz: QuizWidget) -> None:
    widget = question(quiz, "denial")
    widget.choice.value = True
    press_check(widget, True)
    assert "Correct — 1 of 1 point" in widget.output.value
    assert "Yes. P16 reports the denial, in one sentence." in widget.output.value


def test_a_wrong_true_false_answer_shows_the_feedback_for_that_answer(quiz: QuizWidget) -> None:
    widget = question(quiz, "denial")
    widget.choice.value = False
    press_check(widget, False)
    assert "Not right — 0 of 1 point" in widget.output.value
    assert "Look at P16." in widget.output.value


# --- matching --------------------------------------------------------------------------------


def test_matching_offers_choose_then_the_right_items_in_layout_order(quiz: QuizWidget) -> None:
    widget = question(quiz, "verbs-to-speakers")
    assert isinstance(widget, MatchingWidget)
    items = right_items(widget.question)
    expected = ((CHOOSE, None), *((items[i], i) for i in matching_choices(widget.question)))
    assert [dropdown.options for dropdown in widget.dropdowns] == [expected, expected]
    assert [dropdown.value for dropdown in widget.dropdowns] == [None, None]
    labels = [w.value for w in tree(widget.box) if isinstance(w, ipywidgets.HTML)]
    assert '<span class="mlq-left">claimed (P2)</span>' in labels


def test_a_right_matching_answer_is_correct(quiz: QuizWidget) -> None:
    widget = question(quiz, "verbs-to-speakers")
    widget.dropdowns[0].value = 0
    widget.dropdowns[1].value = 1
    press_check(widget, [0, 1])
    assert "Correct — 2 of 2 points" in widget.output.value


def test_a_wrong_match_shows_that_pairs_feedback(quiz: QuizWidget) -> None:
    widget = question(quiz, "verbs-to-speakers")
    widget.dropdowns[0].value = 0
    widget.dropdowns[1].value = 2  # the distractor
    press_check(widget, [0, 2])
    output = widget.output.value
    assert "Partly right — 1 of 2 points" in output
    assert "P18 quotes Helena Ivanov with &quot;said&quot;." in output
    assert "Vjosa Osmani claimed" not in output


def test_swapped_matches_are_not_right(quiz: QuizWidget) -> None:
    widget = question(quiz, "verbs-to-speakers")
    widget.dropdowns[0].value = 1
    widget.dropdowns[1].value = 0
    press_check(widget, [1, 0])
    assert "Not right — 0 of 2 points" in widget.output.value


# --- ordering --------------------------------------------------------------------------------


def shown_items(widget: OrderingWidget) -> list[str]:
    return [label.value for label in widget.item_labels]


def test_ordering_items_start_in_the_layout_order(quiz: QuizWidget) -> None:
    widget = question(quiz, "order-of-voices")
    assert isinstance(widget, OrderingWidget)
    start = ordering_start(widget.question)
    assert widget.response() == start
    texts = [widget.question.items[i].text for i in start]
    assert shown_items(widget) == [f'<span class="mlq-item">{n}. {escape(t)}</span>' for n, t in enumerate(texts, 1)]
    assert [b.disabled for b in widget.up_buttons] == [True, False, False]
    assert [b.disabled for b in widget.down_buttons] == [False, False, True]


def test_move_up_and_move_down_swap_neighbours(quiz: QuizWidget) -> None:
    widget = question(quiz, "order-of-voices")
    start = ordering_start(widget.question)
    widget.up_buttons[1].click()
    assert widget.response() == [start[1], start[0], start[2]]
    widget.down_buttons[1].click()
    assert widget.response() == [start[1], start[2], start[0]]
    assert "1. " + escape(widget.question.items[start[1]].text) in widget.item_labels[0].value
    assert widget.up_buttons[2].tooltip == f"Move up: {widget.question.items[start[0]].text}"


def test_moving_past_either_end_changes_nothing(quiz: QuizWidget) -> None:
    widget = question(quiz, "order-of-voices")
    start = ordering_start(widget.question)
    widget.move_up(0)
    widget.move_down(2)
    assert widget.response() == start


def test_the_right_order_is_correct(quiz: QuizWidget) -> None:
    widget = question(quiz, "order-of-voices")
    assert widget.response() == [1, 2, 0]
    widget.down_buttons[1].click()  # [1, 0, 2]
    widget.down_buttons[0].click()  # [0, 1, 2]
    press_check(widget, [0, 1, 2])
    assert "Correct — 3 of 3 points" in widget.output.value


def test_the_starting_order_is_graded_as_the_students_answer(quiz: QuizWidget) -> None:
    widget = question(quiz, "order-of-voices")
    press_check(widget, ordering_start(widget.question))
    assert "Not right — 0 of 3 points" in widget.output.value
    assert explained(widget)


# --- find in the text ------------------------------------------------------------------------


def test_find_in_text_offers_each_candidate_paragraph_with_its_text(quiz: QuizWidget, article: Article) -> None:
    widget = question(quiz, "find-the-denial")
    assert isinstance(widget, FindInTextWidget)
    assert widget.candidates == find_candidates(widget.question, article) == [1, 10, 16, 38]
    assert [box.description for box in widget.paragraph_boxes] == ["P1", "P10", "P16", "P38"]
    assert [text.value for text in widget.paragraph_texts] == [
        f'<span class="mlq-paragraph">{escape(article.paragraph(n).text)}</span>' for n in widget.candidates
    ]


def test_finding_the_right_paragraph_is_correct(quiz: QuizWidget) -> None:
    widget = question(quiz, "find-the-denial")
    widget.paragraph_boxes[2].value = True
    press_check(widget, [16])
    assert "Correct — 1 of 1 point" in widget.output.value


def test_a_wrong_paragraph_shows_its_feedback(quiz: QuizWidget) -> None:
    widget = question(quiz, "find-the-denial")
    widget.paragraph_boxes[3].value = True
    press_check(widget, [38])
    assert "Not right — 0 of 1 point" in widget.output.value
    assert "P38 gives Serbia&#x27;s own accusation, not its denial." in widget.output.value


def test_ticking_every_paragraph_earns_nothing(quiz: QuizWidget) -> None:
    widget = question(quiz, "find-the-denial")
    for box in widget.paragraph_boxes:
        box.value = True
    press_check(widget, [1, 10, 16, 38])
    assert "Not right — 0 of 1 point" in widget.output.value


# --- short written answer --------------------------------------------------------------------


def test_the_model_answer_is_hidden_until_something_is_written_and_compared(quiz: QuizWidget) -> None:
    widget = question(quiz, "summarise-claim")
    assert isinstance(widget, ShortAnswerWidget)
    assert not widget.revealed
    assert widget.compare_button.description == "Compare with model answer"
    assert widget.compare_button.disabled
    widget.text.value = "   "
    assert widget.compare_button.disabled
    widget.text.value = "She says Wagner helps Serbia."
    assert not widget.compare_button.disabled
    widget.compare_button.click()
    assert widget.revealed
    assert escape(widget.question.model_answer) in widget.model_answer.value
    assert [box.description for box in widget.rubric_boxes] == list(widget.question.rubric)
    assert widget.result == grade(widget.question, {"text": "She says Wagner helps Serbia.", "ticked": []})
    assert "rubric point" not in widget.output.value, "nothing about points before any item is ticked"
    assert "tick each rubric item it meets" in widget.output.value


def test_ticking_rubric_items_regrades_the_written_answer(quiz: QuizWidget) -> None:
    widget = question(quiz, "summarise-claim")
    widget.text.value = "Osmani claims Wagner helps; no evidence is shown."
    widget.compare_button.click()
    widget.rubric_boxes[0].value = True
    widget.rubric_boxes[2].value = True
    expected = {"text": "Osmani claims Wagner helps; no evidence is shown.", "ticked": [0, 2]}
    assert widget.result == grade(widget.question, expected)
    assert "You ticked 2 of 3 rubric points" in widget.output.value
    assert quiz.score() == (0, 10) and quiz.self_assessed() == (2, 3)
    widget.rubric_boxes[0].value = False
    assert "You ticked 1 of 3 rubric points" in widget.output.value
    press_check(widget, {"text": expected["text"], "ticked": [2]})
    assert explained(widget)


def test_a_blank_written_answer_is_not_answered(quiz: QuizWidget) -> None:
    widget = question(quiz, "summarise-claim")
    widget.text.value = "  \n "
    press_check(widget, {"text": "  \n ", "ticked": []})
    assert "Not answered yet" in widget.output.value


# --- text stays text -------------------------------------------------------------------------


def hostile_bank(bank: QuizBank) -> QuizBank:
    """The sample bank with markup in every kind of text a student sees."""
    data = bank.model_dump(mode="json")
    data["title"] = f"Title {SCRIPT}"
    for q in data["questions"]:
        q["prompt"] = f"{q['prompt']} {SCRIPT} {IMAGE}"
        q["explanation"] = f"Because {IMAGE}"
        for option in q.get("options", []):
            option["text"] = f"{option['text']} {IMAGE}"
            option["feedback"] = f"{option['feedback']} {SCRIPT}"
        for pair in q.get("pairs", []):
            pair["left"] = f"{pair['left']} {SCRIPT}"
            pair["feedback"] = f"{pair['feedback']} {IMAGE}"
        for item in q.get("items", []):
            item["text"] = f"{item['text']} {SCRIPT}"
        if q["type"] == "true-false":
            q["feedback"]["when_false"] = f"Look {SCRIPT}"
        if q["type"] == "find-in-text":
            q["feedback"] = {n: f"{text} {IMAGE}" for n, text in q["feedback"].items()}
        if q["type"] == "short-answer":
            q["model_answer"] = f"Model {SCRIPT}"
            q["rubric"] = [f"{item} {IMAGE}" for item in q["rubric"]]
    return QuizBank.model_validate(data)


def hostile_article(article: Article) -> Article:
    paragraphs = tuple(Paragraph(p.n, f"{p.text} {SCRIPT}", p.line) for p in article.paragraphs)
    return Article(Path("hostile.txt"), "Headline", None, None, Provenance(), paragraphs)


def assert_no_markup_from_the_bank(quiz: QuizWidget) -> None:
    for widget in tree(quiz):
        if isinstance(widget, ipywidgets.HTML):
            assert "<script" not in widget.value and "<img" not in widget.value, widget.value
        if hasattr(widget, "description_allow_html"):
            assert widget.description_allow_html is False


def test_markup_in_the_bank_and_article_is_shown_as_text(bank: QuizBank, article: Article) -> None:
    quiz = build_quiz_widget(hostile_bank(bank), hostile_article(article))
    assert_no_markup_from_the_bank(quiz)
    assert escape(SCRIPT) in quiz.children[0].value
    for widget in quiz.questions:
        assert f"{escape(SCRIPT)} {escape(IMAGE)}" in widget.prompt.value
    single = question(quiz, "who-republished")
    assert (f"Genocide Watch {IMAGE}", 0) in single.choice.options  # radio labels are drawn as plain text
    ordering = question(quiz, "order-of-voices")
    assert all(escape(SCRIPT) in label.value for label in ordering.item_labels)
    find = question(quiz, "find-the-denial")
    assert all(escape(SCRIPT) in text.value for text in find.paragraph_texts)
    short = question(quiz, "summarise-claim")
    assert escape(f"Model {SCRIPT}") in short.model_answer.value


def test_markup_in_feedback_and_explanations_is_shown_as_text(bank: QuizBank, article: Article) -> None:
    quiz = build_quiz_widget(hostile_bank(bank), hostile_article(article))
    question(quiz, "who-republished").choice.value = 1
    question(quiz, "denial").choice.value = False
    question(quiz, "find-the-denial").paragraph_boxes[3].value = True
    question(quiz, "verbs-to-speakers").dropdowns[0].value = 2
    question(quiz, "which-sources").option_box(2).value = True
    short = question(quiz, "summarise-claim")
    short.text.value = f"My answer {SCRIPT}"
    short.compare_button.click()
    short.rubric_boxes[1].value = True
    for widget in quiz.questions:
        widget.check_button.click()
        assert widget.result is not None and widget.result.status is not Status.UNANSWERED
        assert escape(f"Because {IMAGE}") in widget.output.value
        for text in widget.result.feedback:
            assert f"<li>{escape(text)}</li>" in widget.output.value
    assert sum(len(widget.result.feedback) for widget in quiz.questions if widget.result) >= 5
    assert_no_markup_from_the_bank(quiz)


# --- nothing random --------------------------------------------------------------------------


def test_building_twice_gives_the_same_widgets(bank: QuizBank, article: Article) -> None:
    first, second = build_quiz_widget(bank, article), build_quiz_widget(bank, article)
    assert snapshot(first) == snapshot(second)
    assert [q.response() for q in first.questions] == [q.response() for q in second.questions]
    assert first.children[0].model_id != second.children[0].model_id  # ids are ipywidgets' own...
    seen = repr(snapshot(first))
    assert not any(w.model_id in seen for w in tree(first) + tree(second))  # ...and never in our text


# --- a graded bank: answers are saved for the teacher, nothing is marked ---------------------


def every_text(quiz: QuizWidget) -> str:
    return "\n".join(" ".join(str(part) for part in row[1:5]) for row in snapshot(quiz))


def test_a_graded_bank_saves_answers_and_shows_no_verdict_or_key(bank: QuizBank, article: Article) -> None:
    quiz = build_quiz_widget(bank.model_copy(update={"graded": True}), article)
    assert [q.check_button.description for q in quiz.questions] == ["Save answer"] * len(quiz.questions)
    assert "0 of" in quiz.score_line.value and "Your teacher marks this quiz." in quiz.score_line.value
    single = next(q for q in quiz.questions if isinstance(q, SingleChoiceWidget))
    single.check_button.click()
    assert "There is no answer to save yet." in single.output.value
    single.choice.value = 0
    single.check_button.click()
    assert single.saved == 0 and single.result is None
    assert single.output.value == '<p class="mlq-saved">Your answer is saved. Your teacher will mark it.</p>'
    assert "1 of" in quiz.score_line.value
    written = next(q for q in quiz.questions if isinstance(q, ShortAnswerWidget))
    written.text.value = "My answer."
    written.check_button.click()
    assert written.saved == {"text": "My answer.", "ticked": []} and not written.revealed
    with pytest.raises(RuntimeError):
        single.check()
    shown = every_text(quiz)
    texts = key_texts(bank)
    assert len(texts) > 10
    assert [text for text in texts if text in shown] == []


def change_the_answer(widget: QuestionWidget) -> None:
    """Make some choice in a question's controls, whatever its type."""
    match widget:
        case SingleChoiceWidget() | TrueFalseWidget():
            widget.choice.index = 0
        case MultipleSelectWidget():
            widget.option_boxes[0].value = True
        case MatchingWidget():
            widget.dropdowns[0].index = 1
        case OrderingWidget():
            widget.move_down(0)
        case FindInTextWidget():
            widget.paragraph_boxes[0].value = True


def test_try_again_puts_every_kind_of_control_back_as_first_shown(quiz: QuizWidget) -> None:
    for widget in quiz.questions:
        if isinstance(widget, ShortAnswerWidget):
            continue
        shown_first = widget.response()
        change_the_answer(widget)
        assert widget.response() != shown_first, widget.question.id
        widget.check_button.click()
        assert widget.tries == 1 and widget.first is not None
        widget.retry_button.click()
        assert widget.response() == shown_first, widget.question.id
        assert widget.first is not None and widget.tries == 1
