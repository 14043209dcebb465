"""Moodle XML: one file per bank, imported into a question category with each question's marks.

Moodle XML is Moodle's own question format (``question/format/xml`` in Moodle). Unlike GIFT it
carries what the site's scoring needs: each question's marks (``defaultgrade``, the grader's
points), Moodle's native ordering question (``qtype_ordering``, standard since Moodle 4.4) graded
one mark per item in its correct position, and for a written answer the model answer and the
rubric in the information for graders. What each type becomes, and why the scores equal the
grader's, is in ``docs/lms-export.md``.

Every text is HTML (``format="html"``): bank text goes through
:func:`~medialit.export.moodle_common.html_text`, so markup in a bank is text and never runs,
and the XML writer (the standard library's ElementTree, never string concatenation) then escapes
that HTML as XML. The same bank always gives the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

from medialit.article import Article, paragraph_labels
from medialit.errors import ExportError
from medialit.export.moodle_common import (
    WRONG_MATCH,
    blocks,
    category_path,
    html_text,
    pair_feedback,
    right_minus_wrong_share,
    rubric_and_model_answer,
)
from medialit.export.parts import Choice, paragraph_choices, points, title
from medialit.quiz.layout import shown_options
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

MOODLE_TYPES: Final = {
    QuestionType.SINGLE: "multichoice",
    QuestionType.MULTIPLE: "multichoice",
    QuestionType.TRUE_FALSE: "truefalse",
    QuestionType.MATCHING: "matching",
    QuestionType.ORDERING: "ordering",
    QuestionType.FIND_IN_TEXT: "multichoice",
    QuestionType.SHORT_ANSWER: "essay",
}
"""The Moodle question type each bank type becomes (find in the text: several answers over the paragraphs)."""

RETRY_PENALTY: Final = "1"
"""Share of the marks lost for each wrong try before a retry, in Moodle's adaptive behaviour.

1 makes a retry earn nothing more, so the first try counts, as on the site. Deferred feedback
(Moodle's default) and interactive behaviour give one try here (the file has no hints), so the
penalty changes nothing there."""

ORDERING_SETTINGS: Final = (
    ("layouttype", "VERTICAL"),
    ("selecttype", "ALL"),
    ("gradingtype", "ABSOLUTE_POSITION"),
    ("showgrading", "SHOW"),
    ("numberingstyle", "none"),
)
"""qtype_ordering's options: every item (``selectcount`` is then the number of items), in a column,
one mark per item in its correct position (ABSOLUTE_POSITION: Moodle's fraction is the items in
place over all items, the grader's rule), the grading details shown, the items not numbered."""

ESSAY_SETTINGS: Final = (
    ("responseformat", "editor"),
    ("responserequired", "1"),
    ("responsefieldlines", "10"),
    ("minwordlimit", ""),
    ("maxwordlimit", ""),
    ("attachments", "0"),
    ("attachmentsrequired", "0"),
    ("maxbytes", "0"),
    ("filetypeslist", ""),
)
"""qtype_essay's options, as Moodle's own export writes them: a text editor, no files, no word limits."""

NOT_XML: Final = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot hold, not even as a character reference."""


def _text(parent: ET.Element, tag: str, markup: str, *, html: bool = True) -> ET.Element:
    """``<tag format="html"><text>markup</text></tag>`` (no format for a plain-text field)."""
    element = ET.SubElement(parent, tag, {"format": "html"} if html else {})
    ET.SubElement(element, "text").text = markup
    return element


def _values(parent: ET.Element, settings: Iterable[tuple[str, str]]) -> None:
    for tag, value in settings:
        ET.SubElement(parent, tag).text = value


def _question(kind: str, name: str, prompt: str, general: str, marks: int, penalty: str) -> ET.Element:
    """The parts every question has: name, text, general feedback, marks and the penalty for a retry."""
    question = ET.Element("question", {"type": kind})
    _text(question, "name", name, html=False)
    _text(question, "questiontext", html_text(prompt))
    _text(question, "generalfeedback", general)
    _values(question, [("defaultgrade", str(marks)), ("penalty", penalty), ("hidden", "0")])
    return question


def _answer(parent: ET.Element, fraction: str, markup: str, feedback: str | None, *, html: bool = True) -> None:
    answer = ET.SubElement(parent, "answer", {"fraction": fraction, "format": "html"} if html else {"fraction": fraction})
    ET.SubElement(answer, "text").text = markup
    if feedback is not None:
        _text(answer, "feedback", html_text(feedback))


def _multichoice(question: ET.Element, choices: Sequence[Choice], share: str | None) -> None:
    """Single answer (``share`` None: 100 for the right one) or several, weighted +share / -share.

    The choices are written in the order the site shows them and Moodle keeps it (no shuffling).
    """
    _values(question, [("single", "true" if share is None else "false"), ("shuffleanswers", "false"), ("answernumbering", "abc")])
    for choice in choices:
        right, wrong = ("100", "0") if share is None else (share, f"-{share}")
        fraction = right if choice.correct else wrong
        _answer(question, fraction, html_text(choice.text), choice.feedback)


def _when_wrong(question: ET.Element, heading: str, items: list[str]) -> None:
    """Moodle's combined feedback: nothing for a right answer, the list for a partly right or wrong one."""
    wrong = blocks(heading, items=items) if items else ""
    _text(question, "correctfeedback", "")
    _text(question, "partiallycorrectfeedback", wrong)
    _text(question, "incorrectfeedback", wrong)


def _matching(element: ET.Element, question: Matching) -> None:
    """Native matching: one subquestion per pair, and a distractor as a subquestion with no text.

    Moodle shows the left items in this order (``shuffleanswers`` false) and always shuffles the
    menu of right items. The right items are plain text in Moodle (a menu), where entities still
    show as the characters they stand for, so they are escaped like every other text.
    """
    _values(element, [("shuffleanswers", "false")])
    _when_wrong(element, WRONG_MATCH, list(pair_feedback(question)))
    _values(element, [("shownumcorrect", "1")])
    for left, right in [(html_text(p.left), p.right) for p in question.pairs] + [("", d) for d in question.distractors]:
        sub = _text(element, "subquestion", left)
        _text(sub, "answer", html_text(right), html=False)


def _ordering(element: ET.Element, question: Ordering) -> None:
    """Native ordering: the items in their correct order (Moodle shuffles them for each attempt).

    qtype_ordering keeps no feedback per item, so the items' "out of place" feedback is listed in
    the feedback for a partly right or wrong answer.
    """
    _values(element, [*ORDERING_SETTINGS, ("selectcount", str(len(question.items)))])
    out_of_place = [f"{html_text(item.text)}: {html_text(item.feedback)}" for item in question.items if item.feedback]
    _when_wrong(element, "When an item is out of place:", out_of_place)
    _values(element, [("shownumcorrect", "1")])
    for position, item in enumerate(question.items, start=1):
        _answer(element, str(position), html_text(item.text), None)


def _essay(element: ET.Element, question: ShortAnswer) -> None:
    """An essay marked by hand: the rubric and the model answer for graders, an empty answer box."""
    count = len(question.rubric)
    marking = f"<strong>Marking: 1 mark for each rubric item the answer meets ({count} mark{'s' * (count != 1)})</strong>"
    rubric = blocks(marking, items=(html_text(item) for item in question.rubric))
    _values(element, ESSAY_SETTINGS)
    _text(element, "graderinfo", rubric + blocks("<strong>Model answer</strong>", html_text(question.model_answer)))
    _text(element, "responsetemplate", "")


def _general_feedback(question: Question) -> str:
    """Shown after any answer: the explanation (for a written answer first the model answer and rubric), and the paragraphs."""
    cited = f"In the article: {paragraph_labels(question.paragraphs)}"
    explained = blocks(html_text(question.explanation), cited)
    return rubric_and_model_answer(question) + explained if isinstance(question, ShortAnswer) else explained


def question_element(bank: QuizBank, question: Question, article: Article, source: Path) -> ET.Element:
    """The one Moodle question for a bank question, worth the grader's points."""
    kind = MOODLE_TYPES[QuestionType(question.type)]
    penalty = "0" if isinstance(question, ShortAnswer) else RETRY_PENALTY
    element = _question(kind, title(bank, question), question.prompt, _general_feedback(question), points(question), penalty)
    match question:
        case SingleChoice() | MultipleSelect():
            choices = [Choice(o.text, o.correct, o.feedback) for o in shown_options(question)]
            share = right_minus_wrong_share(question, choices, source) if isinstance(question, MultipleSelect) else None
            _multichoice(element, choices, share)
        case FindInText():
            choices = paragraph_choices(question, article)
            _multichoice(element, choices, right_minus_wrong_share(question, choices, source))
        case TrueFalse():
            # Moodle tells the two answers by their text, "true" and "false"; each keeps its own feedback.
            feedback = question.feedback
            _answer(element, "100" if question.answer else "0", "true", feedback.when_true, html=False)
            _answer(element, "0" if question.answer else "100", "false", feedback.when_false, html=False)
        case Matching():
            _matching(element, question)
        case Ordering():
            _ordering(element, question)
        case ShortAnswer():
            _essay(element, question)
    return element


def _category(bank: QuizBank, article: Article) -> ET.Element:
    """The category question: the questions that follow go into ``medialit/<bank title>``."""
    element = ET.Element("question", {"type": "category"})
    _text(element, "category", category_path(bank), html=False)
    _text(element, "info", html_text(f"medialit quiz bank '{bank.id}' on the article: {article.title}"))
    return element


def _check_characters(element: ET.Element, source: Path, question: str | None) -> None:
    """ExportError for a text with a character XML 1.0 cannot hold (a control character)."""
    for node in element.iter():
        found = NOT_XML.search(node.text or "")
        if found:
            code = f"U+{ord(found.group()):04X}"
            raise ExportError(source, f"the character {code} cannot be written in Moodle XML (XML 1.0)", question=question)


def to_moodle_xml(bank: QuizBank, article: Article, source: Path) -> bytes:
    """The whole bank as one Moodle XML file (UTF-8): its category, then every question in the bank's order."""
    quiz = ET.Element("quiz")
    category = _category(bank, article)
    _check_characters(category, source, None)
    quiz.append(category)
    for question in bank.questions:
        element = question_element(bank, question, article, source)
        _check_characters(element, source, question.id)
        quiz.append(element)
    ET.indent(quiz, space="  ")
    body = ET.tostring(quiz, encoding="unicode", short_empty_elements=False)
    # Moodle's parser wants the declaration on the very first line of the file, with no byte-order mark before it.
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'.encode()
