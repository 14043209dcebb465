"""The live quiz for notebooks: one ipywidgets box per bank, graded by the one grader.

Three rules keep the notebook quiz honest with the site's:

* The controls only *express* a response, in exactly the JSON shape :mod:`medialit.quiz.grade`
  documents; :func:`~medialit.quiz.grade.grade` decides. A student therefore gets the same verdict,
  the same points and the same feedback in a notebook as on the site.
* Display orders come from :mod:`medialit.quiz.layout`, and no text here is random, so the same
  bank always gives the same widgets (nbval compares notebook outputs; reloading changes nothing).
* Bank and article text is data, never markup: everything that reaches an ``HTML`` widget goes
  through :func:`html.escape`. Other labels (radio buttons, dropdown choices, checkbox
  descriptions, tooltips) are drawn by ipywidgets as plain text; ``description_allow_html`` stays off.

The first try counts, as on the site: a question's points are those of its first checked answer
(after a check the page shows the right answer). Later checks still get feedback, marked as coming
after the reveal; "Try again" clears the choice. Rubric points a student gives a written answer are
self-assessed and totalled apart from the auto-marked points.

A graded bank (``graded: true``) is marked by the teacher, as on the site: each question gets a
"Save answer" button instead of "Check answer", shows no verdict and no feedback, and a written
answer gets no model answer or rubric (those widgets are not even built).

The classes are usable without a browser or kernel: set the controls, call ``button.click()`` or
:meth:`QuestionWidget.check`, and read :meth:`QuestionWidget.response` and the output's ``value``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import Any

import ipywidgets  # type: ignore[import-untyped]

from medialit.article import Article, paragraph_labels
from medialit.quiz.grade import Result, Status, bank_maxima, grade, is_self_assessed, right_items
from medialit.quiz.layout import find_candidates, matching_choices, option_order, ordering_start, true_false_order
from medialit.quiz.model import (
    FindInText,
    Matching,
    MultipleSelect,
    Ordering,
    Question,
    QuizBank,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)

CHOOSE = "Choose…"
"""The empty first choice of a matching dropdown: no right-hand item is pre-selected."""

SAVED = "Your answer is saved. Your teacher will mark it."
NOTHING_TO_SAVE = "There is no answer to save yet."
"""What a graded question says after "Save answer" (the site's quiz says the same)."""

_STATUS_WORDS = {
    Status.CORRECT: "Correct",
    Status.PARTIAL: "Partly right",
    Status.INCORRECT: "Not right",
}


def points_text(points: int, max_points: int, unit: str = "point") -> str:
    """``"1 of 2 points"``: the unit agrees with the total, as a reader says it."""
    return f"{points} of {max_points} {unit}{'' if max_points == 1 else 's'}"


NOTHING_TICKED = "Compare your answer with the model answer, then tick each rubric item it meets"
"""What a written answer says before the student has ticked any rubric item (no points yet to report)."""


def after_reveal_line(first: Result) -> str:
    """Said under a later try: it gets feedback, but the first try's points stand."""
    return (
        "This try came after the answer was shown, so it does not change your score: "
        f"your first try stands at {points_text(first.points, first.max_points)}."
    )


def status_line(result: Result) -> str:
    """The first line of a question's output: the grader's verdict in words, with the points."""
    if result.status is Status.UNANSWERED:
        return "Not answered yet"
    if result.status is Status.SELF_ASSESSED:
        if not result.marks:
            return NOTHING_TICKED
        return f"You ticked {points_text(result.points, result.max_points, 'rubric point')}"
    return f"{_STATUS_WORDS[result.status]} — {points_text(result.points, result.max_points)}"


def result_html(question: Question, result: Result, first: Result | None = None) -> str:
    """The output shown under a question after a check, every text escaped.

    The explanation and the paragraph references are withheld while the question is unanswered:
    they give the key away, and the bank shows them only "after any attempt". ``first`` is given
    for a later try: the output then says that the first try's points stand.
    """
    parts = [f'<p class="mlq-status"><strong>{escape(status_line(result))}</strong></p>']
    if result.status is Status.UNANSWERED:
        return "".join(parts)
    if first is not None:
        parts.append(f'<p class="mlq-after-reveal">{escape(after_reveal_line(first))}</p>')
    if result.feedback:
        items = "".join(f"<li>{escape(text)}</li>" for text in result.feedback)
        parts.append(f'<ul class="mlq-feedback">{items}</ul>')
    parts.append(f'<p class="mlq-explanation">{escape(question.explanation)}</p>')
    references = paragraph_labels(question.paragraphs)
    parts.append(f'<p class="mlq-refs">{escape(f"Paragraphs: {references}")}</p>')
    return "".join(parts)


def _text_html(text: str, tag: str = "p", css_class: str | None = None) -> Any:
    """An HTML widget showing ``text`` as text: escaped, so bank text is never interpreted."""
    attribute = f' class="{css_class}"' if css_class else ""
    return ipywidgets.HTML(value=f"<{tag}{attribute}>{escape(text)}</{tag}>")


def _checkbox(description: str) -> Any:
    """A checkbox labelled with plain text that is not cut short at the default label width."""
    return ipywidgets.Checkbox(
        value=False, description=description, indent=False, description_allow_html=False, layout=ipywidgets.Layout(width="auto")
    )


def _no_change() -> None:
    """The default listener for a question outside a bank: nothing else to update."""


class QuestionWidget:
    """One question: prompt, controls, a "Check answer" button and an output.

    Subclasses build the controls for their question type and say, in :meth:`response`, which
    JSON response the controls express; this class grades it and shows the verdict.
    """

    question: Question
    prompt: Any
    """``ipywidgets.HTML``: "Question n of m." and the escaped prompt."""
    check_button: Any
    """``ipywidgets.Button`` "Check answer"."""
    output: Any
    """``ipywidgets.HTML``: the last verdict (see :func:`result_html`), empty before the first check."""
    box: Any
    """``ipywidgets.VBox`` holding everything above, as shown in the bank."""
    result: Result | None
    """The last grade, or None before the first check."""
    first: Result | None
    """The first checked answer's grade: the one that counts (None before a check with an answer)."""
    tries: int
    """How many times an answer was checked."""
    retry_button: Any
    """``ipywidgets.Button`` "Try again": clears the choice after a check (hidden until then)."""
    saved: object
    """A graded question's last saved response (None before the first save)."""
    saved_an_answer: bool
    """Whether that response answers the question (an empty selection or text does not)."""

    def __init__(
        self,
        question: Question,
        controls: Sequence[Any],
        *,
        number: int = 1,
        total: int = 1,
        hint: str | None = None,
        graded: bool = False,
    ) -> None:
        self.question = question
        self.graded = graded
        self.result = None
        self.first = None
        self.tries = 0
        self.saved = None
        self.saved_an_answer = False
        self.on_checked: Callable[[], None] = _no_change
        """Called after every check or save; the bank uses it to update its score line."""
        self.prompt = ipywidgets.HTML(
            value=f'<p class="mlq-prompt"><strong>Question {number} of {total}.</strong> {escape(question.prompt)}</p>'
        )
        header = [self.prompt] if hint is None else [self.prompt, _text_html(hint, "p", "mlq-hint")]
        if graded:
            self.check_button = ipywidgets.Button(description="Save answer", button_style="primary")
            self.check_button.on_click(lambda _button: self.save())
        else:
            self.check_button = ipywidgets.Button(description="Check answer", button_style="primary")
            self.check_button.on_click(lambda _button: self.check())
        self.retry_button = ipywidgets.Button(description="Try again", layout=ipywidgets.Layout(display="none"))
        self.retry_button.on_click(lambda _button: self.try_again())
        self.output = ipywidgets.HTML(value="")
        buttons = ipywidgets.HBox([self.check_button, self.retry_button])
        self.box = ipywidgets.VBox([*header, *controls, buttons, self.output])
        self.box.add_class("mlq-question")

    def response(self) -> object:
        """The response the controls currently express, shaped as :mod:`medialit.quiz.grade` says."""
        raise NotImplementedError

    def clear(self) -> None:
        """Put the controls back as they were first shown (no choice made)."""
        raise NotImplementedError

    @property
    def counts_first_try(self) -> bool:
        """Auto-marked questions score their first try; a written answer's rubric ticks are the student's own."""
        return not is_self_assessed(self.question)

    def try_again(self) -> None:
        """Clear the choice and the verdict; the first try's points stand."""
        self.clear()
        self.retry_button.layout.display = "none"
        if self.first is not None:
            self.output.value = f'<p class="mlq-after-reveal">{escape(after_reveal_line(self.first))}</p>'
        else:
            self.output.value = ""

    def save(self) -> object:
        """A graded question: keep the current response for the teacher, with no verdict; tell the bank."""
        self.saved = self.response()
        self.saved_an_answer = grade(self.question, self.saved).status is not Status.UNANSWERED
        self.output.value = f'<p class="mlq-saved">{escape(SAVED if self.saved_an_answer else NOTHING_TO_SAVE)}</p>'
        self.on_checked()
        return self.saved

    def check(self) -> Result:
        """Grade the current response with the shared grader, show the verdict and tell the bank."""
        if self.graded:
            raise RuntimeError("a graded question is marked by the teacher: save() it instead")
        self.result = grade(self.question, self.response())
        later: Result | None = None
        if self.counts_first_try and self.result.status is not Status.UNANSWERED:
            self.tries += 1
            if self.first is None:
                self.first = self.result
            else:
                later = self.first
            self.retry_button.layout.display = None
        self.output.value = result_html(self.question, self.result, later)
        self.on_checked()
        return self.result


class SingleChoiceWidget(QuestionWidget):
    """Radio buttons over the options in their display order; none is selected at first."""

    def __init__(self, question: SingleChoice, *, number: int = 1, total: int = 1, graded: bool = False) -> None:
        self.choice = ipywidgets.RadioButtons(
            options=[(question.options[index].text, index) for index in option_order(question)],
            value=None,
            layout=ipywidgets.Layout(width="auto"),
        )
        super().__init__(question, [self.choice], number=number, total=total, graded=graded, hint="Choose one answer.")

    def response(self) -> object:
        """The chosen option's index, or None."""
        value: object = self.choice.value
        return value

    def clear(self) -> None:
        """No option chosen."""
        self.choice.value = None


class MultipleSelectWidget(QuestionWidget):
    """One checkbox per option, in their display order."""

    def __init__(self, question: MultipleSelect, *, number: int = 1, total: int = 1, graded: bool = False) -> None:
        self.shown = option_order(question)
        self.option_boxes: list[Any] = [_checkbox(question.options[index].text) for index in self.shown]
        super().__init__(question, self.option_boxes, number=number, total=total, graded=graded, hint="Select all that apply.")

    def option_box(self, index: int) -> Any:
        """The checkbox of the option at ``index`` in the bank (boxes are in display order)."""
        return self.option_boxes[self.shown.index(index)]

    def response(self) -> object:
        """The bank indices of the ticked options, in bank order (an empty list means unanswered)."""
        return sorted(index for index, box in zip(self.shown, self.option_boxes, strict=True) if box.value)

    def clear(self) -> None:
        """No box ticked."""
        for box in self.option_boxes:
            box.value = False


class TrueFalseWidget(QuestionWidget):
    """Radio buttons True / False, neither selected at first (a default would be an answer)."""

    def __init__(
        self,
        question: TrueFalse,
        *,
        number: int = 1,
        total: int = 1,
        graded: bool = False,
        order: tuple[bool, bool] = (True, False),
    ) -> None:
        self.choice = ipywidgets.RadioButtons(options=[(str(value), value) for value in order], value=None)
        super().__init__(question, [self.choice], number=number, total=total, graded=graded)

    def response(self) -> object:
        """True, False, or None."""
        value: object = self.choice.value
        return value

    def clear(self) -> None:
        """Neither chosen."""
        self.choice.value = None


class MatchingWidget(QuestionWidget):
    """One dropdown per pair; choices in :func:`~medialit.quiz.layout.matching_choices` order.

    A dropdown's values are indices into :func:`~medialit.quiz.grade.right_items`, so the shuffled
    display order never leaks into the response.
    """

    def __init__(self, question: Matching, *, number: int = 1, total: int = 1, graded: bool = False) -> None:
        items = right_items(question)
        options: list[tuple[str, int | None]] = [(CHOOSE, None)]
        options += [(items[index], index) for index in matching_choices(question)]
        self.dropdowns: list[Any] = []
        rows = []
        for pair in question.pairs:
            dropdown = ipywidgets.Dropdown(options=options, index=0, layout=ipywidgets.Layout(width="auto"))
            self.dropdowns.append(dropdown)
            rows.append(ipywidgets.HBox([_text_html(pair.left, "span", "mlq-left"), dropdown]))
        super().__init__(question, rows, number=number, total=total, graded=graded, hint="Choose a match for each item.")

    def response(self) -> object:
        """For each pair, the chosen right item's index, or None."""
        return [dropdown.value for dropdown in self.dropdowns]

    def clear(self) -> None:
        """Every dropdown back on "Choose…"."""
        for dropdown in self.dropdowns:
            dropdown.index = 0


class OrderingWidget(QuestionWidget):
    """Rows of items with "Move up" / "Move down" buttons; first shown in ``ordering_start`` order.

    The rows stay put and their labels change when an item moves, so a keyboard user's focus stays
    on the button they pressed.
    """

    def __init__(self, question: Ordering, *, number: int = 1, total: int = 1, graded: bool = False) -> None:
        self._texts = [item.text for item in question.items]
        self.start = ordering_start(question)
        """The order first shown (and shown again by "Try again")."""
        self.order: list[int] = list(self.start)
        """Item indices, top row first: the response."""
        size = len(self.order)
        self.item_labels: list[Any] = [ipywidgets.HTML(value="") for _ in range(size)]
        self.up_buttons: list[Any] = []
        self.down_buttons: list[Any] = []
        rows = []
        for position in range(size):
            up = ipywidgets.Button(description="Move up", disabled=position == 0)
            down = ipywidgets.Button(description="Move down", disabled=position == size - 1)
            up.on_click(lambda _button, position=position: self.move_up(position))
            down.on_click(lambda _button, position=position: self.move_down(position))
            self.up_buttons.append(up)
            self.down_buttons.append(down)
            rows.append(ipywidgets.HBox([self.item_labels[position], up, down]))
        self._relabel()
        hint = "Put the items in order with the Move up and Move down buttons, first at the top."
        super().__init__(question, rows, number=number, total=total, graded=graded, hint=hint)

    def _relabel(self) -> None:
        for position, item in enumerate(self.order):
            text = self._texts[item]
            self.item_labels[position].value = f'<span class="mlq-item">{position + 1}. {escape(text)}</span>'
            self.up_buttons[position].tooltip = f"Move up: {text}"
            self.down_buttons[position].tooltip = f"Move down: {text}"

    def move_up(self, position: int) -> None:
        """Swap the item at ``position`` (0 is the top row) with the one above it."""
        if position > 0:
            self.order[position - 1], self.order[position] = self.order[position], self.order[position - 1]
            self._relabel()

    def move_down(self, position: int) -> None:
        """Swap the item at ``position`` with the one below it."""
        if position < len(self.order) - 1:
            self.move_up(position + 1)

    def response(self) -> object:
        """The item indices in the order shown, top first."""
        return list(self.order)

    def clear(self) -> None:
        """The items back in the order first shown."""
        self.order = list(self.start)
        self._relabel()


class FindInTextWidget(QuestionWidget):
    """One checkbox per candidate paragraph ("P16") beside the paragraph's escaped text."""

    def __init__(self, question: FindInText, article: Article, *, number: int = 1, total: int = 1, graded: bool = False) -> None:
        self.candidates = find_candidates(question, article)
        """Paragraph numbers in the order shown."""
        self.paragraph_boxes: list[Any] = []
        self.paragraph_texts: list[Any] = []
        rows = []
        for n in self.candidates:
            box = _checkbox(f"P{n}")
            text = _text_html(article.paragraph(n).text, "span", "mlq-paragraph")
            self.paragraph_boxes.append(box)
            self.paragraph_texts.append(text)
            rows.append(ipywidgets.HBox([box, text], layout=ipywidgets.Layout(align_items="flex-start")))
        hint = "Select the paragraph(s) of the article that answer the question."
        super().__init__(question, rows, number=number, total=total, graded=graded, hint=hint)

    def response(self) -> object:
        """The P numbers of the ticked paragraphs, in the order shown."""
        return [n for n, box in zip(self.candidates, self.paragraph_boxes, strict=True) if box.value]

    def clear(self) -> None:
        """No paragraph ticked."""
        for box in self.paragraph_boxes:
            box.value = False


class ShortAnswerWidget(QuestionWidget):
    """A text area; "Compare with model answer" reveals the model answer and the rubric checklist.

    Comparing is possible only once something is written (write first, then compare), and
    ticking or unticking a rubric item regrades at once: the score is the student's own count.
    """

    def __init__(self, question: ShortAnswer, *, number: int = 1, total: int = 1, graded: bool = False) -> None:
        self.text = ipywidgets.Textarea(value="", placeholder="Write your answer here.", rows=5)
        self.text.layout.width = "100%"
        self.rubric_boxes: list[Any] = []
        self.compare_button: Any = None
        self.model_box: Any = None
        if graded:  # the teacher marks it: no model answer, no rubric, not even as hidden widgets
            super().__init__(question, [self.text], number=number, total=total, graded=graded)
            return
        self.compare_button = ipywidgets.Button(description="Compare with model answer", disabled=True)
        self.model_answer = ipywidgets.HTML(
            value=f'<p class="mlq-model"><strong>A model answer:</strong> {escape(question.model_answer)}</p>'
        )
        self.rubric_boxes = [_checkbox(item) for item in question.rubric]
        self.model_box = ipywidgets.VBox(
            [self.model_answer, _text_html("Tick what your answer does:", "p", "mlq-hint"), *self.rubric_boxes],
            layout=ipywidgets.Layout(display="none"),
        )
        super().__init__(question, [self.text, self.compare_button, self.model_box], number=number, total=total)
        self.text.observe(self._on_text, names="value")
        self.compare_button.on_click(lambda _button: self.compare())
        for box in self.rubric_boxes:
            box.observe(self._on_tick, names="value")

    @property
    def revealed(self) -> bool:
        """Whether the model answer and the rubric are shown."""
        return self.model_box is not None and bool(self.model_box.layout.display != "none")

    def _on_text(self, _change: object) -> None:
        self.compare_button.disabled = not self.text.value.strip()

    def _on_tick(self, _change: object) -> None:
        self.check()

    def compare(self) -> Result:
        """Show the model answer and the rubric, and grade (0 ticked so far, unless ticked before)."""
        if self.model_box is None:
            raise RuntimeError("a graded written answer has no model answer to compare with")
        self.model_box.layout.display = None
        return self.check()

    def response(self) -> object:
        """``{"text": ..., "ticked": [rubric indices]}``."""
        return {"text": self.text.value, "ticked": [index for index, box in enumerate(self.rubric_boxes) if box.value]}

    def clear(self) -> None:
        """A written answer is revised in place, never cleared (it has no "Try again")."""


def question_widget(
    question: Question,
    article: Article,
    *,
    number: int = 1,
    total: int = 1,
    graded: bool = False,
    true_false: tuple[bool, bool] = (True, False),
) -> QuestionWidget:
    """The widget for one question, chosen by its type (``graded``: saved for the teacher, never marked;
    ``true_false``: the order of a true/false question's answers, see :func:`~medialit.quiz.layout.true_false_order`)."""
    match question:
        case SingleChoice():
            return SingleChoiceWidget(question, number=number, total=total, graded=graded)
        case MultipleSelect():
            return MultipleSelectWidget(question, number=number, total=total, graded=graded)
        case TrueFalse():
            return TrueFalseWidget(question, number=number, total=total, graded=graded, order=true_false)
        case Matching():
            return MatchingWidget(question, number=number, total=total, graded=graded)
        case Ordering():
            return OrderingWidget(question, number=number, total=total, graded=graded)
        case FindInText():
            return FindInTextWidget(question, article, number=number, total=total, graded=graded)
        case ShortAnswer():
            return ShortAnswerWidget(question, number=number, total=total, graded=graded)
    raise TypeError(f"not a question: {question!r}")  # pragma: no cover - the union is exhaustive


class QuizWidget(ipywidgets.VBox):  # type: ignore[misc]
    """A whole bank: the title, one box per question, and the running score at the bottom."""

    def __init__(self, bank: QuizBank, article: Article) -> None:
        self.bank = bank
        total = len(bank.questions)
        self.questions: list[QuestionWidget] = [
            question_widget(
                question,
                article,
                number=number,
                total=total,
                graded=bank.graded,
                true_false=true_false_order(bank, question) if isinstance(question, TrueFalse) else (True, False),
            )
            for number, question in enumerate(bank.questions, 1)
        ]
        # The grader's own "unanswered" result gives each question's maximum: no second rule here.
        self.max_points, self.self_max = bank_maxima(bank)
        self.title = _text_html(bank.title, "h3", "mlq-title")
        self.score_line = ipywidgets.HTML(value="")
        for question in self.questions:
            question.on_checked = self._show_score
        self._show_score()
        super().__init__(children=[self.title, *(question.box for question in self.questions), self.score_line])
        self.add_class("mlq-quiz")

    def score(self) -> tuple[int, int]:
        """(points, maximum) of the auto-marked questions, counting each one's first checked answer."""
        points = sum(question.first.points for question in self.questions if question.first is not None)
        return points, self.max_points

    def self_assessed(self) -> tuple[int, int]:
        """(rubric points ticked, maximum) over the written answers: the student's own count, kept apart."""
        written = [question for question in self.questions if not question.counts_first_try]
        points = sum(question.result.points for question in written if question.result is not None)
        return points, self.self_max

    def answered(self) -> int:
        """A graded bank: how many questions have a saved answer."""
        return sum(question.saved_an_answer for question in self.questions)

    def _show_score(self) -> None:
        if self.bank.graded:
            line = f"{self.answered()} of {len(self.questions)} questions answered. Your teacher marks this quiz."
        else:
            line = f"Score: {points_text(*self.score())} (first tries)"
            own, own_max = self.self_assessed()
            if own_max:
                line += f". Self-assessed written answers: {points_text(own, own_max, 'rubric point')}"
        self.score_line.value = f'<p class="mlq-score"><strong>{escape(line)}</strong></p>'


def build_quiz_widget(bank: QuizBank, article: Article) -> QuizWidget:
    """The live quiz for ``bank``, whose paragraph numbers refer to ``article``."""
    return QuizWidget(bank, article)


__all__ = [
    "CHOOSE",
    "FindInTextWidget",
    "MatchingWidget",
    "MultipleSelectWidget",
    "OrderingWidget",
    "QuestionWidget",
    "QuizWidget",
    "ShortAnswerWidget",
    "SingleChoiceWidget",
    "TrueFalseWidget",
    "build_quiz_widget",
    "points_text",
    "question_widget",
    "status_line",
]
