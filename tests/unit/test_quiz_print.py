"""Print rendering of quiz banks: the student sheet hides every answer, the teacher key shows them all, bank text stays text."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from helpers import COURSE_ARTICLE, ROOT
from medialit.article import Article
from medialit.ingest import load_article
from medialit.quiz import QuestionType, QuizBank, load_bank
from medialit.quiz.grade import right_items
from medialit.quiz.layout import element_id, matching_choices, ordering_start
from medialit.quiz.model import FindInText, Matching, MultipleSelect, Ordering, ShortAnswer, SingleChoice, TrueFalse
from medialit.quiz.render_print import SCORING_RULES, WRITING_LINES, render_print

VALID = ROOT / "tests" / "fixtures" / "quizzes" / "valid-bank.yml"

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JINJA = "{{ 7*7 }}"
MYST = "```{raw} html\n<b>raw HTML through MyST</b>\n```"


def hostile_bank_data() -> dict[str, object]:
    """A bank whose every kind of text carries HTML, Jinja and MyST syntax; a teacher may paste anything."""
    return {
        "schema_version": 1,
        "id": "hostile",
        "title": f"Hostile {SCRIPT}",
        "chapter": "book/article",
        "article": str(COURSE_ARTICLE),
        "questions": [
            {
                "id": "single-q",
                "type": "single",
                "prompt": f"Prompt {JINJA} {SCRIPT}",
                "options": [
                    {"text": f"Option {IMG}", "correct": True, "feedback": f"Right feedback {SCRIPT}"},
                    {"text": f"Option {MYST}", "feedback": f"Wrong feedback {JINJA}"},
                ],
                "explanation": f"Explanation {MYST} {IMG}",
                "paragraphs": [1],
            },
            {
                "id": "multiple-q",
                "type": "multiple",
                "prompt": f"Multiple {IMG}",
                "options": [
                    {"text": f"Yes {JINJA}", "correct": True, "feedback": f"Yes because {IMG}"},
                    {"text": "No <i>really</i>", "feedback": f"No because {MYST}"},
                ],
                "explanation": f"Multiple explanation {SCRIPT}",
                "paragraphs": [2],
            },
            {
                "id": "tf-q",
                "type": "true-false",
                "prompt": f"True or false {MYST}",
                "answer": False,
                "feedback": {"when_true": f"Not true {SCRIPT}", "when_false": f"Indeed false {JINJA}"},
                "explanation": f"TF explanation {JINJA}",
                "paragraphs": [16],
            },
            {
                "id": "matching-q",
                "type": "matching",
                "prompt": f"Match {SCRIPT}",
                "pairs": [
                    {"left": f"Left {IMG}", "right": f"Right {SCRIPT}", "feedback": f"Pair feedback {JINJA}"},
                    {"left": f"Left {JINJA}", "right": f"Right {MYST}", "feedback": f"Pair feedback {IMG}"},
                ],
                "distractors": [f"Distractor {JINJA} {IMG}"],
                "explanation": f"Matching explanation {IMG}",
                "paragraphs": [2, 18],
            },
            {
                "id": "ordering-q",
                "type": "ordering",
                "prompt": f"Order {JINJA}",
                "items": [
                    {"text": f"First {SCRIPT}", "feedback": f"Out of place {IMG}"},
                    {"text": f"Second {JINJA}"},
                    {"text": f"Third {MYST}", "feedback": f"Out of place {JINJA}"},
                ],
                "explanation": f"Ordering explanation {MYST}",
                "paragraphs": [1, 18, 29],
            },
            {
                "id": "find-q",
                "type": "find-in-text",
                "prompt": f"Find {IMG} {JINJA}",
                "answer": [16],
                "feedback": {38: f"Wrong paragraph {SCRIPT}"},
                "explanation": f"Find explanation {SCRIPT}",
                "paragraphs": [16],
            },
            {
                "id": "short-q",
                "type": "short-answer",
                "prompt": f"Write {SCRIPT}",
                "model_answer": f"Model answer {SCRIPT} {JINJA} {MYST}",
                "rubric": [f"Rubric {IMG}", f"Rubric {JINJA}"],
                "explanation": f"Short explanation {JINJA}",
                "paragraphs": [13],
            },
        ],
    }


@pytest.fixture(scope="module")
def hostile_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "hostile.yml"
    path.write_text(yaml.safe_dump(hostile_bank_data(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module", params=["valid", "hostile"])
def bank_path(request: pytest.FixtureRequest, hostile_path: Path) -> Path:
    return VALID if request.param == "valid" else hostile_path


def load(path: Path) -> tuple[QuizBank, Article]:
    bank = load_bank(path)
    return bank, load_article((path.parent / bank.article).resolve())


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def squash(text: str) -> str:
    return " ".join(text.split())


def visible_text(html: str) -> str:
    """The document's text with whitespace squashed; the <style> is not text a reader sees."""
    document = soup(html)
    for style in document.find_all("style"):
        style.decompose()
    return squash(document.get_text(" "))


def section(html: str, bank: QuizBank, question_id: str) -> Tag:
    question = next(q for q in bank.questions if q.id == question_id)
    found = soup(html).find(id=element_id(bank, question))
    assert isinstance(found, Tag), f"no section for {question_id}"
    return found


def texts_of(node: Tag, selector: str) -> list[str]:
    return [squash(found.get_text(" ")) for found in node.select(selector)]


def student_texts(bank: QuizBank) -> list[str]:
    """Every prompt and every choice a student must see."""
    texts = [bank.title]
    for q in bank.questions:
        texts.append(q.prompt)
        match q:
            case SingleChoice() | MultipleSelect():
                texts += [o.text for o in q.options]
            case Matching():
                texts += [p.left for p in q.pairs] + right_items(q)
            case Ordering():
                texts += [i.text for i in q.items]
            case ShortAnswer():
                texts += q.rubric
    return [squash(t) for t in texts]


def key_texts(bank: QuizBank) -> list[str]:
    """Every feedback text, explanation and model answer: what only the teacher key may show."""
    texts: list[str] = []
    for q in bank.questions:
        texts.append(q.explanation)
        match q:
            case SingleChoice() | MultipleSelect():
                texts += [o.feedback for o in q.options]
            case TrueFalse():
                texts += [q.feedback.when_true, q.feedback.when_false]
            case Matching():
                texts += [p.feedback for p in q.pairs]
            case Ordering():
                texts += [i.feedback for i in q.items if i.feedback is not None]
            case FindInText():
                texts += list(q.feedback.values())
            case ShortAnswer():
                texts.append(q.model_answer)
    return [squash(t) for t in texts]


def cited_paragraphs(bank: QuizBank, article: Article) -> list[str]:
    return [squash(article.paragraph(n).text) for q in bank.questions for n in q.paragraphs]


# --- the student sheet ---------------------------------------------------------------------------


def test_does_the_student_sheet_show_every_prompt_and_option(bank_path: Path) -> None:
    bank, article = load(bank_path)
    text = visible_text(render_print(bank, article, key=False))
    missing = [t for t in student_texts(bank) if t not in text]
    assert not missing
    assert squash(article.headline) in text


def test_does_the_student_sheet_leave_out_every_answer(bank_path: Path) -> None:
    bank, article = load(bank_path)
    html = render_print(bank, article, key=False)
    text = visible_text(html)
    shown = [t for t in key_texts(bank) if t in text]
    assert not shown
    assert "✓ correct" not in html
    assert "Model answer" not in text
    assert "Teacher key" not in html
    assert not [p for p in cited_paragraphs(bank, article) if p in text], "the key's quoted paragraphs leak"
    document = soup(html)
    assert not document.select(".filled"), "a blank is filled in"
    assert not document.select(".correct"), "an option is marked correct"
    assert [box.get_text() for box in document.select(".numbox")] == [""] * len(document.select(".numbox"))
    assert {box.get_text() for box in document.select(".box")} <= {"○", "☐"}


def test_does_the_student_sheet_have_a_name_class_and_date_header() -> None:
    bank, article = load(VALID)
    html = render_print(bank, article, key=False)
    details = soup(html).select_one("header .details")
    assert details is not None
    assert [squash(t).split(":")[0] for t in texts_of(details, ".field")] == ["Name", "Class", "Date"]
    assert all("____" in t for t in texts_of(details, ".field"))


def test_does_the_student_sheet_give_the_response_space_for_each_type() -> None:
    bank, article = load(VALID)
    html = render_print(bank, article, key=False)
    single = section(html, bank, "who-republished")
    assert "Tick one" in single.get_text()
    assert texts_of(single, ".options .box") == ["○", "○"]
    multiple = section(html, bank, "which-sources")
    assert "Tick all that apply" in multiple.get_text()
    assert texts_of(multiple, ".options .box") == ["☐", "☐", "☐"]
    assert "True ☐ False ☐" in squash(section(html, bank, "denial").get_text(" "))
    find = squash(section(html, bank, "find-the-denial").get_text(" "))
    assert "Write the paragraph number(s): ____" in find
    assert "P1, P10, P16, P38" in find
    short = section(html, bank, "summarise-claim")
    assert len(short.select(".lines .line")) == WRITING_LINES == 6
    assert texts_of(short, ".rubric li") == [f"☐ {r}" for r in bank.questions[6].rubric]  # type: ignore[union-attr]


def test_does_find_in_text_offer_every_paragraph_when_the_bank_lists_no_candidates(hostile_path: Path) -> None:
    bank, article = load(hostile_path)
    html = render_print(bank, article, key=False)
    assert f"any paragraph P1–P{len(article.paragraphs)}" in squash(section(html, bank, "find-q").get_text(" "))
    assert len(article.paragraphs) == 49


def test_are_matching_choices_and_ordering_items_printed_in_the_screen_order(bank_path: Path) -> None:
    bank, article = load(bank_path)
    for key in (False, True):
        html = render_print(bank, article, key=key)
        for q in bank.questions:
            if isinstance(q, Matching):
                rights = right_items(q)
                expected = [f"{'ABCDEFGHIJKL'[pos]} {squash(rights[i])}" for pos, i in enumerate(matching_choices(q))]
                assert texts_of(section(html, bank, q.id), ".letters li") == expected
            if isinstance(q, Ordering):
                shown = texts_of(section(html, bank, q.id), ".order li")
                numbered = [f"{i + 1} {q.items[i].text}" if key else q.items[i].text for i in ordering_start(q)]
                assert shown == [squash(t) for t in numbered]


# --- the teacher key ------------------------------------------------------------------------------


def test_does_the_teacher_key_show_every_answer_feedback_and_explanation(bank_path: Path) -> None:
    bank, article = load(bank_path)
    html = render_print(bank, article, key=True)
    text = visible_text(html)
    missing = [t for t in key_texts(bank) + student_texts(bank) if t not in text]
    assert not missing
    document = soup(html)
    assert document.title is not None and "Teacher key" in document.title.get_text()
    h1 = document.find("h1")
    assert h1 is not None and "Teacher key" in h1.get_text()


def test_does_the_key_mark_exactly_the_right_options(bank_path: Path) -> None:
    bank, article = load(bank_path)
    html = render_print(bank, article, key=True)
    ticks = 0
    for q in bank.questions:
        node = section(html, bank, q.id)
        if isinstance(q, SingleChoice | MultipleSelect):
            assert texts_of(node, "li.correct .choice-text") == [squash(o.text) for o in q.options if o.correct]
            ticks += sum(o.correct for o in q.options)
        if isinstance(q, TrueFalse):
            marked = texts_of(node, ".truefalse .correct")
            assert marked == [f"{'True' if q.answer else 'False'} ☑ ✓ correct"]
            ticks += 1
    assert html.count("✓ correct") == ticks


def test_does_the_key_fill_in_matching_ordering_find_and_short_answers() -> None:
    bank, article = load(VALID)
    html = render_print(bank, article, key=True)
    matching = section(html, bank, "verbs-to-speakers")
    letters = dict(t.split(" ", 1) for t in texts_of(matching, ".letters li"))
    filled = texts_of(matching, ".lefts .filled")
    assert [letters[letter] for letter in filled] == ["Vjosa Osmani", "Helena Ivanov"]
    ordering = section(html, bank, "order-of-voices")
    assert texts_of(ordering, ".order-key li") == ["Vjosa Osmani", "Helena Ivanov", "A Carabinieri officer"]
    find = section(html, bank, "find-the-denial")
    assert texts_of(find, ".filled") == ["P16"]
    assert "If the student picks P38:" in squash(find.get_text(" "))
    short = section(html, bank, "summarise-claim")
    assert texts_of(short, ".model-answer") == [squash(bank.questions[6].model_answer)]  # type: ignore[union-attr]
    assert not short.select(".lines")


def test_does_the_key_quote_each_justifying_paragraph_verbatim(bank_path: Path) -> None:
    bank, article = load(bank_path)
    html = render_print(bank, article, key=True)
    for q in bank.questions:
        node = section(html, bank, q.id)
        assert f"Justified by: {', '.join(f'P{n}' for n in q.paragraphs)}" in squash(node.get_text(" "))
        quotes = node.select("blockquote.quote")
        assert [quote.select_one(".label").get_text() for quote in quotes] == [f"P{n}" for n in q.paragraphs]  # type: ignore[union-attr]
        for quote, n in zip(quotes, q.paragraphs, strict=True):
            assert quote.get_text() == f"P{n} {article.paragraph(n).text}"


def test_does_the_key_state_each_scoring_rule_and_the_points_available(bank_path: Path) -> None:
    bank, article = load(bank_path)
    html = render_print(bank, article, key=True)
    points = {"single": 1, "multiple": 1, "true-false": 1, "matching": 2, "ordering": 3, "find-in-text": 1, "short-answer": 2}
    if bank.id == "article-basics":
        points |= {"multiple": 2, "short-answer": 3}
    for q in bank.questions:
        rule = squash(section(html, bank, q.id).select_one(".rule").get_text(" "))  # type: ignore[union-attr]
        assert squash(SCORING_RULES[q.type]) in rule
        assert rule.endswith(f"Points available: {points[q.type]}.")


def test_are_the_scoring_rules_worded_as_in_the_grader() -> None:
    # The module, not the function medialit.quiz re-exports under the same name.
    table = squash(importlib.import_module("medialit.quiz.grade").__doc__ or "")
    assert set(SCORING_RULES) == set(QuestionType)
    for rule in SCORING_RULES.values():
        assert squash(rule) in table


# --- bank text is data ----------------------------------------------------------------------------


@pytest.mark.parametrize("key", [False, True], ids=["student", "key"])
def test_is_html_in_bank_text_printed_as_text_never_as_markup(hostile_path: Path, key: bool) -> None:
    bank, article = load(hostile_path)
    html = render_print(bank, article, key=key)
    lowered = html.lower()
    for raw in ("<script", "<img", "<b>", "<i>"):
        assert raw not in lowered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    document = soup(html)
    assert not document.find_all(["script", "img", "b", "i"])
    assert document.title is not None and document.title.get_text().startswith(f"Hostile {SCRIPT} — ")


@pytest.mark.parametrize("key", [False, True], ids=["student", "key"])
def test_is_jinja_and_myst_syntax_in_bank_text_printed_literally(hostile_path: Path, key: bool) -> None:
    bank, article = load(hostile_path)
    html = render_print(bank, article, key=key)
    assert texts_of(section(html, bank, "single-q"), ".prompt") == [f"Prompt {JINJA} {SCRIPT}"]
    assert texts_of(section(html, bank, "ordering-q"), ".prompt") == [f"Order {JINJA}"]
    assert html.count("{{ 7*7 }}") >= 6
    assert "```{raw} html" in html
    prompt = section(html, bank, "tf-q").select_one(".prompt")
    assert prompt is not None and prompt.get_text() == f"True or false {MYST}"


# --- the document ---------------------------------------------------------------------------------

VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "embed", "source", "track"}
EXTERNAL_TAGS = {"script", "link", "img", "iframe", "object", "embed", "base", "video", "audio", "source", "picture", "svg"}
URL_ATTRIBUTES = {"src", "href", "srcset", "action", "formaction", "data", "poster", "background", "xlink:href"}


class Checker(HTMLParser):
    """Tag balance, doctype, ids and every URL-bearing attribute of a document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.doctype: str | None = None
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: list[str] = []

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.ids += [value or "" for name, value in attrs if name == "id"]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def check(html: str) -> Checker:
    checker = Checker()
    checker.feed(html)
    checker.close()
    return checker


@pytest.mark.parametrize("key", [False, True], ids=["student", "key"])
def test_does_the_document_parse_as_balanced_html5(bank_path: Path, key: bool) -> None:
    bank, article = load(bank_path)
    html = render_print(bank, article, key=key)
    assert html.startswith("<!DOCTYPE html>\n")
    checker = check(html)
    assert checker.doctype == "DOCTYPE html"
    assert not checker.problems
    assert not checker.stack, f"never closed: {checker.stack}"
    assert checker.tags[0] == ("html", {"lang": "en"})
    assert [t for t, _ in checker.tags].count("title") == 1
    assert [t for t, _ in checker.tags].count("h1") == 1
    assert [t for t, _ in checker.tags].count("h2") == len(bank.questions)
    assert len(checker.ids) == len(set(checker.ids))
    assert checker.ids == [element_id(bank)] + [element_id(bank, q) for q in bank.questions]


@pytest.mark.parametrize("key", [False, True], ids=["student", "key"])
def test_does_the_document_load_nothing_from_outside(bank_path: Path, key: bool) -> None:
    bank, article = load(bank_path)
    html = render_print(bank, article, key=key)
    assert "http://" not in html and "https://" not in html
    checker = check(html)
    assert not [tag for tag, _ in checker.tags if tag in EXTERNAL_TAGS]
    outward = [(tag, name, value) for tag, attrs in checker.tags for name, value in attrs.items() if name in URL_ATTRIBUTES]
    assert all((value or "").startswith("#") for _, _, value in outward), outward
    style = soup(html).style
    assert style is not None
    assert "url(" not in style.get_text() and "@import" not in style.get_text() and "@font-face" not in style.get_text()


def test_does_the_style_hold_the_print_rules() -> None:
    bank, article = load(VALID)
    style = soup(render_print(bank, article, key=False)).style
    assert style is not None
    css = squash(style.get_text())
    assert "@page { size: A4; margin:" in css
    assert ".question { break-inside: avoid; page-break-inside: avoid;" in css
    assert "color: #000" in css and "background: #fff" in css


def test_is_the_output_the_same_bytes_every_time(bank_path: Path) -> None:
    """Same bank, same bytes: in this process, after reloading, and in fresh processes with other hash seeds."""
    first = {key: render_print(*load(bank_path), key=key) for key in (False, True)}
    again = {key: render_print(*load(bank_path), key=key) for key in (False, True)}
    assert first == again
    program = (
        "import sys; from pathlib import Path; from medialit.quiz import load_bank; from medialit.ingest import load_article;"
        " from medialit.quiz.render_print import render_print; p = Path(sys.argv[1]); b = load_bank(p);"
        " a = load_article((p.parent / b.article).resolve());"
        " sys.stdout.buffer.write(render_print(b, a, key=False).encode() + b'\\0' + render_print(b, a, key=True).encode())"
    )
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-c", program, str(bank_path)], capture_output=True, env=env, check=True)
        sheet, key = result.stdout.split(b"\0")
        assert sheet == first[False].encode()
        assert key == first[True].encode()
