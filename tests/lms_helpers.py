"""What the LMS export tests share: the questions an export must contain, a hostile bank, and HTML decoding.

The expected questions are worked out here from the bank alone, not with the exporter's own code,
so a mistake in the exporter's fallbacks cannot hide from its tests.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml

from medialit.article import Article
from medialit.quiz.grade import grade
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

ORDINALS = ["1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th"]

HOSTILE = r"~ = # { } : -> \ back\slash \n $5 and $6 $x^2$ *stars* _under_ <b>bold</b> & <script>alert(1)</script>"
"""Every special of GIFT, text2qti's Markdown and HTML in one text; each text of the hostile bank carries it."""

TRICKS = [
    "[html]<i>format marker</i> first",
    "[plain] second",
    "1. a list? # a heading? > a quote?",
    "&amp; already an entity, &#91; and &lt;",
    "quotes \"double\" 'single' -- dashes ... and a trailing backslash \\",
    "a \\num{5} and \\SI{3}{\\metre} and `code` and ```fence```",
    "![image](/etc/passwd) and [link](http://example.org) and <http://example.org>",
    "two\nlines\tand a tab",
    "~~~\nnot a fence",
]
"""Texts that trip parsers in other ways: format markers, Markdown blocks, entities, siunitx, links, line breaks."""

ARTICLE = (
    "Hostile $5 headline <b>x</b>\n\n"
    "The first paragraph costs $5 and $6, with *stars* and <b>bold</b> & <script>alert(1)</script>.\n\n"
    "Second paragraph: ~ = # { } : and a \\ backslash, then more words to cut: one two three four five.\n\n"
    "Third paragraph, plain.\n"
)


def hostile_bank_data() -> dict[str, object]:
    """A bank of all seven types whose every text (title aside) holds :data:`HOSTILE`, plus the :data:`TRICKS`."""

    def h(label: str) -> str:
        return f"{label} {HOSTILE}"

    return {
        "schema_version": 1,
        "id": "lms-hostile",
        "title": "Hostile: {title} / with a slash",
        "chapter": "book/article",
        "article": "article.txt",
        "questions": [
            {
                "id": "single",
                "type": "single",
                "prompt": h("Single"),
                "options": [
                    {"text": h("Right"), "correct": True, "feedback": h("Right feedback")},
                    *({"text": trick, "feedback": h(f"Trick {i}")} for i, trick in enumerate(TRICKS[:7])),
                ],
                "explanation": h("Single explanation"),
                "paragraphs": [1],
            },
            {
                "id": "multiple",
                "type": "multiple",
                "prompt": "[html] " + h("Multiple"),
                "options": [
                    {"text": h("Yes one"), "correct": True, "feedback": h("Yes one feedback")},
                    {"text": h("Yes two"), "correct": True, "feedback": TRICKS[-2]},
                    {"text": h("No"), "feedback": TRICKS[-1]},
                ],
                "explanation": TRICKS[-2],
                "paragraphs": [2],
            },
            {
                "id": "tf",
                "type": "true-false",
                "prompt": h("True or false"),
                "answer": False,
                "feedback": {"when_true": h("When true"), "when_false": h("When false")},
                "explanation": h("TF explanation"),
                "paragraphs": [1],
            },
            {
                "id": "matching",
                "type": "matching",
                "prompt": h("Match"),
                "pairs": [
                    {"left": h("Left one"), "right": h("Right one"), "feedback": h("Pair one")},
                    {"left": "[markdown] " + h("Left two"), "right": TRICKS[0], "feedback": h("Pair two")},
                ],
                "distractors": [h("Distractor")],
                "explanation": h("Matching explanation"),
                "paragraphs": [2],
            },
            {
                "id": "ordering",
                "type": "ordering",
                "prompt": h("Order"),
                "items": [
                    {"text": h("First"), "feedback": h("First out of place")},
                    {"text": TRICKS[-1]},
                    {"text": h("Third"), "feedback": h("Third out of place")},
                ],
                "explanation": h("Ordering explanation"),
                "paragraphs": [1, 2],
            },
            {
                "id": "find",
                "type": "find-in-text",
                "prompt": h("Find"),
                "answer": [1, 2],
                "feedback": {3: h("Wrong paragraph")},
                "explanation": h("Find explanation"),
                "paragraphs": [1],
            },
            {
                "id": "written",
                "type": "short-answer",
                "prompt": h("Write"),
                "model_answer": h("Model answer"),
                "rubric": [h("Rubric one"), TRICKS[-2]],
                "explanation": h("Written explanation"),
                "paragraphs": [3],
            },
        ],
    }


def write_bank(folder: Path, data: dict[str, object], article: str = ARTICLE) -> Path:
    """A bank (``data``) and its article (``article.txt``) in ``folder``; the bank's path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "article.txt").write_text(article, encoding="utf-8")
    path = folder / f"{data['id']}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_hostile_bank(folder: Path) -> Path:
    """The hostile bank and its tiny article in ``folder``; the bank's path."""
    return write_bank(folder, hostile_bank_data())


@dataclass(frozen=True)
class LmsQuestion:
    """One question as an LMS must show it, worked out from the bank."""

    title: str
    kind: str
    """single, multiple (scored right minus wrong), true-false, matching, ordering, essay."""
    points: int
    stem: list[str]
    """The prompt, then what a part of a split question asks."""
    explanation: str
    choices: dict[str, tuple[bool, str | None]] = field(default_factory=dict)
    """Choice text (find-in-text: ``P<n>``) -> (right?, feedback when chosen)."""
    source: Question | None = None


def lms_questions(bank: QuizBank, article: Article, *, native_matching: bool, native_ordering: bool = False) -> list[LmsQuestion]:
    """Every question the export must hold, in order: ordering (and matching) split unless the format has them natively."""
    found: list[LmsQuestion] = []
    for q in bank.questions:
        name = f"{bank.id}/{q.id}"
        max_points = grade(q, None).max_points
        match q:
            case SingleChoice() | MultipleSelect():
                kind = "single" if isinstance(q, SingleChoice) else "multiple"
                choices = {o.text: (o.correct, o.feedback) for o in q.options}
                found.append(LmsQuestion(name, kind, max_points, [q.prompt], q.explanation, choices, q))
            case TrueFalse():
                choices = {"True": (q.answer, q.feedback.when_true), "False": (not q.answer, q.feedback.when_false)}
                found.append(LmsQuestion(name, "true-false", 1, [q.prompt], q.explanation, choices, q))
            case Matching() if native_matching:
                found.append(LmsQuestion(name, "matching", max_points, [q.prompt], q.explanation, {}, q))
            case Matching():
                rights = [p.right for p in q.pairs] + list(q.distractors)
                for i, pair in enumerate(q.pairs):
                    choices = {r: (r == pair.right, None if r == pair.right else pair.feedback) for r in rights}
                    found.append(LmsQuestion(f"{name}/{i + 1}", "single", 1, [q.prompt, pair.left], q.explanation, choices, q))
            case Ordering() if native_ordering:
                found.append(LmsQuestion(name, "ordering", max_points, [q.prompt], q.explanation, {}, q))
            case Ordering():
                for position, item in enumerate(q.items):
                    choices = {o.text: (o is item, None if o is item else o.feedback) for o in q.items}
                    ask = f"Which comes {ORDINALS[position]}?"
                    found.append(LmsQuestion(f"{name}/{position + 1}", "single", 1, [q.prompt, ask], q.explanation, choices, q))
            case FindInText():
                offered = q.candidates or [p.n for p in article.paragraphs]
                choices = {f"P{n}": (n in q.answer, q.feedback.get(n)) for n in sorted(offered)}
                found.append(LmsQuestion(name, "multiple", max_points, [q.prompt], q.explanation, choices, q))
            case ShortAnswer():
                found.append(LmsQuestion(name, "essay", len(q.rubric), [q.prompt], q.explanation, {}, q))
    return found


def paragraph_key(label: str, article: Article) -> str:
    """``P16`` for a find-in-text choice, after checking that the label quotes the start of P16."""
    number, _, words = label.partition(": ")
    assert number.startswith("P"), label
    start = words.removesuffix(" …")
    text = " ".join(article.paragraph(int(number[1:])).text.split())
    assert text.startswith(start) and start, (label, text)
    return number


def plain(markup: str) -> str:
    """One exported text back to the bank's text: ``<br>`` is a line break, entities are characters."""
    return html.unescape(markup.replace("<br />", "\n").replace("<br>", "\n"))


class Blocks(HTMLParser):
    """The text of every paragraph and list item of some HTML, and every tag used."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.tags: set[str] = set()
        self._open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag in {"p", "li"}:
            self.blocks.append("")
            self._open = True
        elif tag == "br" and self._open:
            self.blocks[-1] += "\n"

    def handle_endtag(self, tag: str) -> None:
        if tag in {"p", "li"}:
            self._open = False

    def handle_data(self, data: str) -> None:
        if self._open:
            self.blocks[-1] += data
        elif data.strip():
            self.blocks.append(data)


def blocks(markup: str) -> tuple[list[str], set[str]]:
    """(texts of the paragraphs and list items, tags used) of exported HTML."""
    parser = Blocks()
    parser.feed(markup)
    parser.close()
    return parser.blocks, parser.tags
