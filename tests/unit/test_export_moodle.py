"""The Moodle XML export, checked by an independent validator and read back with an independent parser.

* **Validator**: lxml (libxml2's RELAX NG engine) against ``tests/moodle_xml.rng``, a schema of the
  part of Moodle XML the export uses, written from Moodle's documentation and importer
  (``qformat_xml``, ``qtype_ordering::import_from_xml``), not from our writer. Moodle publishes no
  schema, and no maintained Moodle XML reader exists on PyPI or npm to run instead
  (``moodle-xml-parser`` 0.3.1 reads only multichoice and cloze questions; ``moodle-questions``
  was last released in 2020).
* **Parser**: lxml (libxml2) reads every file back; the exporter writes with the standard library's
  ElementTree. The texts are compared with the bank, the marks and answer fractions with Moodle's
  rules (its grade list, its sum checks) and, for every possible response, Moodle's scoring
  (transcribed from its question types) with the site's grader, :func:`medialit.quiz.grade.grade`.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
from lxml import etree

from helpers import ROOT
from lms_helpers import (
    HOSTILE,
    LmsQuestion,
    blocks,
    hostile_bank_data,
    lms_questions,
    paragraph_key,
    plain,
    write_bank,
    write_hostile_bank,
)
from medialit.article import Article
from medialit.cli import main
from medialit.errors import ExportError
from medialit.export import export_banks
from medialit.quiz.grade import grade, right_items
from medialit.quiz.layout import shown_options
from medialit.quiz.load import load_bank_with_article
from medialit.quiz.model import FindInText, Matching, MultipleSelect, Ordering, Question, ShortAnswer, SingleChoice, TrueFalse

SCHEMA = ROOT / "tests" / "moodle_xml.rng"
BANKS = sorted((ROOT / "exercises").glob("*.yml"))
HOSTILE_FIXTURE = ROOT / "tests" / "fixtures" / "quizzes" / "hostile-bank.yml"
DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'

MOODLE_GRADES = (
    *(1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333),
    *(0.3, 0.25, 0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0),
)
"""The grades an answer may have in Moodle, and their negatives (question_bank::ensure_fraction_options_initialised
in question/engine/bank.php); the import refuses any other, matching within 0.00001 (match_grade_options)."""

FEEDBACK_TAGS = {"p", "ul", "li", "strong", "br"}
"""The only markup the export adds around bank text; any other tag would be bank markup that got through."""

MAX_RESPONSES = 50_000
"""Every response is tried; a question with more possible responses than this would make the test slow."""


@pytest.fixture(scope="module")
def schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(SCHEMA)))


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The course banks, the hostile bank and the hostile fixture, exported once: file name -> bytes."""
    hostile = write_hostile_bank(tmp_path_factory.mktemp("hostile-bank"))
    written = export_banks([*BANKS, hostile, HOSTILE_FIXTURE], "moodle", tmp_path_factory.mktemp("moodle"))
    return {path.name: path.read_bytes() for path in written}


def parse(data: bytes) -> etree._Element:
    """The file as libxml2 reads it, with no entity expansion or network access."""
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


def text(element: etree._Element, path: str) -> str:
    """The ``<text>`` of ``path`` under ``element`` (exactly one), '' when empty."""
    found = element.findall(f"{path}/text")
    assert len(found) == 1, (path, len(found))
    return found[0].text or ""


def value(element: etree._Element, tag: str) -> str:
    found = element.findall(tag)
    assert len(found) == 1, (tag, len(found))
    return found[0].text or ""


def html_blocks(markup: str) -> list[str]:
    """The paragraphs and list items of exported HTML, after checking it uses only the export's own tags."""
    found, tags = blocks(markup)
    assert tags <= FEEDBACK_TAGS, tags
    return found


def plain_text(markup: str) -> str:
    """A text that is one bank text: no tag but ``<br>``, entities back to characters."""
    assert blocks(markup)[1] <= {"br"}, markup
    return plain(markup)


def questions_of(data: bytes) -> tuple[etree._Element, list[etree._Element]]:
    """(the category question, every other question) of one file."""
    root = parse(data)
    assert root.tag == "quiz"
    category, *questions = root.findall("question")
    assert category.get("type") == "category"
    return category, questions


def bank_file_name(bank_file: Path) -> str:
    bank, _ = load_bank_with_article(bank_file)
    return f"{bank.id}-moodle.xml"


def cited(question: Question) -> str:
    return "In the article: " + ", ".join(f"P{n}" for n in question.paragraphs)


# Scoring as Moodle does it, transcribed from its question types. Each returns marks out of defaultgrade.


def moodle_multichoice(question: etree._Element, ticked: set[int]) -> float:
    """qtype_multichoice: single, the fraction of the chosen answer; several, the sum of the ticked answers'
    fractions kept between 0 and 1 (qtype_multichoice_multi_question::grade_response)."""
    fractions = [float(answer.get("fraction")) / 100 for answer in question.findall("answer")]
    total = sum(fractions[i] for i in ticked)
    return min(max(0.0, total), 1.0) * float(value(question, "defaultgrade"))


def moodle_matching(question: etree._Element, chosen: list[str]) -> float:
    """qtype_match: the share of stems whose chosen choice (by its text) is the stem's own (get_num_parts_right)."""
    stems = [sub for sub in question.findall("subquestion") if text(sub, ".")]
    right = sum(choice == text(stem, "answer") for stem, choice in zip(stems, chosen, strict=True))
    return right / len(stems) * float(value(question, "defaultgrade"))


def moodle_ordering(question: etree._Element, placed: list[str]) -> float:
    """qtype_ordering with ABSOLUTE_POSITION: the share of positions holding the answer that the file lists there."""
    assert value(question, "gradingtype") == "ABSOLUTE_POSITION"
    correct = [text(answer, ".") for answer in question.findall("answer")]
    right = sum(a == b for a, b in zip(placed, correct, strict=True))
    return right / len(correct) * float(value(question, "defaultgrade"))


def check_question(element: etree._Element, expected: LmsQuestion, article: Article) -> None:
    """One question read back against what the bank says it must be."""
    question = expected.source
    assert question is not None
    assert text(element, "name") == expected.title
    assert element.find("questiontext").get("format") == "html"
    assert plain_text(text(element, "questiontext")) == question.prompt
    assert int(value(element, "defaultgrade")) == expected.points == grade(question, None).max_points
    general = html_blocks(text(element, "generalfeedback"))
    assert element.find("generalfeedback").get("format") == "html"
    if isinstance(question, ShortAnswer):
        check_essay(element, question, general)
        return
    assert general == [question.explanation, cited(question)]
    assert value(element, "penalty") == "1", "a retry earns nothing more: the first try counts"
    if isinstance(question, TrueFalse):
        check_true_false(element, question)
    elif isinstance(question, Matching):
        check_matching(element, question)
    elif isinstance(question, Ordering):
        check_ordering(element, question)
    else:
        check_multichoice(element, expected, article)


def check_essay(element: etree._Element, question: ShortAnswer, general: list[str]) -> None:
    assert element.get("type") == "essay"
    rubric_heading = "Rubric: one point for each item the answer meets"
    model = ["Model answer", question.model_answer]
    assert general == [*model, rubric_heading, *question.rubric, question.explanation, cited(question)]
    assert element.find("graderinfo").get("format") == "html"
    count = len(question.rubric)
    marking = f"Marking: 1 mark for each rubric item the answer meets ({count} mark{'s' * (count != 1)})"
    assert html_blocks(text(element, "graderinfo")) == [marking, *question.rubric, *model]
    assert text(element, "responsetemplate") == ""
    assert value(element, "responseformat") == "editor" and value(element, "attachments") == "0"
    assert value(element, "penalty") == "0"


def check_true_false(element: etree._Element, question: TrueFalse) -> None:
    assert element.get("type") == "truefalse"
    answers = {text(a, "."): a for a in element.findall("answer")}
    assert sorted(answers) == ["false", "true"] and len(element.findall("answer")) == 2
    for name, right, feedback in (
        ("true", question.answer, question.feedback.when_true),
        ("false", not question.answer, question.feedback.when_false),
    ):
        assert answers[name].get("fraction") == ("100" if right else "0"), name
        assert plain_text(text(answers[name], "feedback")) == feedback, name


def check_matching(element: etree._Element, question: Matching) -> None:
    assert element.get("type") == "matching"
    assert value(element, "shuffleanswers") == "false", "the left items keep the site's order"
    pairs = [(plain_text(text(sub, ".")), plain(text(sub, "answer"))) for sub in element.findall("subquestion")]
    assert pairs == [(p.left, p.right) for p in question.pairs] + [("", d) for d in question.distractors]
    assert all(sub.find("answer").get("format") is None for sub in element.findall("subquestion")), "plain text in Moodle"
    wrong = ["When a match is wrong:", *(f"{p.left}: {p.feedback}" for p in question.pairs)]
    assert html_blocks(text(element, "partiallycorrectfeedback")) == wrong
    assert html_blocks(text(element, "incorrectfeedback")) == wrong
    assert text(element, "correctfeedback") == ""


def check_ordering(element: etree._Element, question: Ordering) -> None:
    assert element.get("type") == "ordering"
    settings = {tag: value(element, tag) for tag in ("layouttype", "selecttype", "selectcount", "gradingtype", "showgrading")}
    assert settings == {
        "layouttype": "VERTICAL",
        "selecttype": "ALL",
        "selectcount": str(len(question.items)),
        "gradingtype": "ABSOLUTE_POSITION",
        "showgrading": "SHOW",
    }
    answers = element.findall("answer")
    assert [plain_text(text(a, ".")) for a in answers] == [item.text for item in question.items], "the key order"
    assert [a.get("fraction") for a in answers] == [str(n) for n in range(1, len(answers) + 1)]
    with_feedback = [f"{item.text}: {item.feedback}" for item in question.items if item.feedback]
    wrong = ["When an item is out of place:", *with_feedback] if with_feedback else []
    assert html_blocks(text(element, "partiallycorrectfeedback")) == wrong
    assert html_blocks(text(element, "incorrectfeedback")) == wrong


def check_multichoice(element: etree._Element, expected: LmsQuestion, article: Article) -> None:
    question = expected.source
    assert element.get("type") == "multichoice"
    assert value(element, "single") == ("true" if expected.kind == "single" else "false")
    assert value(element, "shuffleanswers") == "false", "the options keep the site's order"
    answers = element.findall("answer")
    right = sum(correct for correct, _ in expected.choices.values())
    keys = []
    for answer in answers:
        label = plain_text(text(answer, "."))
        key = paragraph_key(label, article) if isinstance(question, FindInText) else label
        keys.append(key)
        correct, feedback = expected.choices[key]
        parsed = None if answer.find("feedback") is None else plain_text(text(answer, "feedback"))
        assert parsed == feedback, key
        fraction = float(answer.get("fraction"))
        if expected.kind == "single":
            assert fraction == (100 if correct else 0), key
        else:
            # Right minus wrong: +100/k % for a right answer, -100/k % for a wrong one; Moodle floors at 0.
            assert fraction == pytest.approx((100 if correct else -100) / right, abs=1e-5), key
    assert sorted(keys) == sorted(expected.choices) and len(keys) == len(set(keys))
    if isinstance(question, SingleChoice | MultipleSelect):
        assert keys == [o.text for o in shown_options(question)], "the order the site shows"
    else:
        assert keys == sorted(keys, key=lambda k: int(k[1:])), "paragraphs in the article's order"


@pytest.mark.parametrize("name", [f"{p.stem}-moodle.xml" for p in BANKS] + ["hostile-moodle.xml", "lms-hostile-moodle.xml"])
def test_every_file_is_moodle_xml_by_the_schema(exported, schema, name: str) -> None:
    """Does every file start with the XML declaration (no byte-order mark) and pass the RELAX NG schema of Moodle XML?"""
    data = exported[name]
    assert data.startswith(DECLARATION), "Moodle's parser needs the declaration on the first line"
    document = etree.ElementTree(parse(data))
    assert schema.validate(document), schema.error_log.filter_from_errors()


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ((b"<text>Put these parts", b"<text><p>Put these parts</p>"), "markup inside <text> instead of escaped HTML"),
        ((b"ABSOLUTE_POSITION", b"ABSOLUTE"), "a grading type Moodle's ordering type does not know"),
        ((b"<single>true</single>", b"<single>yes</single>"), "a flag Moodle does not read as true or false"),
        ((b"<name>", b"<title>"), "a question with no name"),
        ((b'fraction="100"', b'fraction="all"'), "a fraction that is not a number"),
    ],
)
def test_the_schema_rejects_what_moodle_would_misread(exported, schema, change: tuple[bytes, bytes], why: str) -> None:
    """Is the schema strict enough to fail a file that Moodle would misread?"""
    old, new = change
    data = exported["article-moodle.xml"]
    assert old in data
    broken = data.replace(old, new, 1)
    if old == b"<name>":
        broken = broken.replace(b"</name>", b"</title>", 1)
    assert not schema.validate(etree.ElementTree(parse(broken))), why


@pytest.mark.parametrize("bank_file", [*BANKS, HOSTILE_FIXTURE], ids=lambda path: path.stem)
def test_every_question_comes_back_with_its_type_marks_texts_and_feedback(exported, bank_file: Path) -> None:
    """Does each bank come back as its questions: native type, marks = the site's points, texts, feedback, fractions?"""
    bank, article = load_bank_with_article(bank_file)
    category, questions = questions_of(exported[f"{bank.id}-moodle.xml"])
    assert text(category, "category") == "medialit/" + bank.title.replace("/", "//")
    expected = lms_questions(bank, article, native_matching=True, native_ordering=True)
    assert len(questions) == len(expected) == len(bank.questions)
    for element, wanted in zip(questions, expected, strict=True):
        check_question(element, wanted, article)


def test_hostile_texts_come_back_exactly(exported, tmp_path: Path) -> None:
    """Do HTML, XML, GIFT and Markdown specials, quotes, braces and line breaks in every text come back unchanged?"""
    bank, article = load_bank_with_article(write_hostile_bank(tmp_path))
    category, questions = questions_of(exported["lms-hostile-moodle.xml"])
    assert text(category, "category") == "medialit/Hostile: {title} // with a slash"
    assert plain_text(text(category, "info")) == f"medialit quiz bank 'lms-hostile' on the article: {article.title}"
    expected = lms_questions(bank, article, native_matching=True, native_ordering=True)
    for element, wanted in zip(questions, expected, strict=True):
        check_question(element, wanted, article)
    assert plain_text(text(questions[0], "questiontext")) == f"Single {HOSTILE}"


def test_bank_markup_is_escaped_as_html_then_as_xml(exported) -> None:
    """Is a bank's <script> HTML-escaped text (never a tag, in the file or in Moodle's HTML), its & an entity twice over?"""
    data = exported["lms-hostile-moodle.xml"]
    assert b"<script" not in data and b"<b>" not in data
    assert b"&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;" in data
    assert b"&amp;amp; " in data, "a bank's & is &amp; in the HTML, written &amp;amp; in the XML"
    assert b"<![CDATA[" not in data
    root = parse(data)
    for node in root.iter("text"):
        assert "<script" not in (node.text or "").lower(), "after XML parsing, the HTML still holds no tag from the bank"


@pytest.mark.parametrize("name", [f"{p.stem}-moodle.xml" for p in BANKS] + ["hostile-moodle.xml", "lms-hostile-moodle.xml"])
def test_fractions_are_moodle_grades_that_add_up(exported, name: str) -> None:
    """Is every answer's fraction one of Moodle's grades, one answer 100 % in a single-answer question, and the
    positive fractions of a several-answer question 100 % together (Moodle's own import checks)?"""
    _, questions = questions_of(exported[name])
    for question in questions:
        if question.get("type") != "multichoice":
            continue
        fractions = [float(answer.get("fraction")) / 100 for answer in question.findall("answer")]
        for fraction in fractions:
            assert any(abs(abs(fraction) - grade_) < 0.00001 for grade_ in MOODLE_GRADES), fraction
        if value(question, "single") == "true":
            assert max(fractions) == 1 and sorted(fractions)[:-1] == [0] * (len(fractions) - 1)
        else:
            assert round(sum(f for f in fractions if f > 0), 2) == 1, "errfractionsaddwrong"


def responses(question: Question, element: etree._Element, article: Article) -> list[tuple[object, float]]:
    """Every possible response: (the site's response, Moodle's marks for the same answer)."""
    match question:
        case SingleChoice():
            index = {plain(text(a, ".")): i for i, a in enumerate(element.findall("answer"))}
            return [(i, moodle_multichoice(element, {index[o.text]})) for i, o in enumerate(question.options)]
        case MultipleSelect() | FindInText():
            answers = [plain(text(a, ".")) for a in element.findall("answer")]
            if isinstance(question, MultipleSelect):
                site = [next(i for i, o in enumerate(question.options) if o.text == label) for label in answers]
            else:
                site = [int(paragraph_key(label, article)[1:]) for label in answers]
            assert 2 ** len(answers) <= MAX_RESPONSES
            return [
                ([site[i] for i in ticked], moodle_multichoice(element, set(ticked)))
                for size in range(1, len(answers) + 1)
                for ticked in itertools.combinations(range(len(answers)), size)
            ]
        case TrueFalse():
            by_text = {
                text(a, "."): float(a.get("fraction")) / 100 * float(value(element, "defaultgrade"))
                for a in element.findall("answer")
            }
            return [(True, by_text["true"]), (False, by_text["false"])]
        case Matching():
            choices = right_items(question)
            assert len(choices) ** len(question.pairs) <= MAX_RESPONSES
            return [
                (list(chosen), moodle_matching(element, [html_choice(element, choices[i]) for i in chosen]))
                for chosen in itertools.product(range(len(choices)), repeat=len(question.pairs))
            ]
        case Ordering():
            index = {item.text: i for i, item in enumerate(question.items)}
            labels = [text(a, ".") for a in element.findall("answer")]
            return [
                ([index[plain(label)] for label in placed], moodle_ordering(element, list(placed)))
                for placed in itertools.permutations(labels)
            ]
    raise AssertionError(question)


def html_choice(element: etree._Element, right: str) -> str:
    """The text a matching question's menu offers for ``right`` (Moodle compares choices by their text)."""
    found = [text(sub, "answer") for sub in element.findall("subquestion") if plain(text(sub, "answer")) == right]
    assert len(found) == 1, right
    return found[0]


@pytest.mark.parametrize("bank_file", [*BANKS, HOSTILE_FIXTURE], ids=lambda path: path.stem)
def test_moodle_scores_every_response_as_the_site_does(exported, bank_file: Path) -> None:
    """For every possible response to every question, are Moodle's marks (its own scoring rules, applied to the file)
    exactly the points of the site's grader?"""
    bank, article = load_bank_with_article(bank_file)
    _, elements = questions_of(exported[f"{bank.id}-moodle.xml"])
    tried = 0
    for question, element in zip(bank.questions, elements, strict=True):
        if isinstance(question, ShortAnswer):
            # Marked by hand, up to one mark per rubric item: the site's points when every item is ticked.
            everything = {"text": "An answer.", "ticked": list(range(len(question.rubric)))}
            assert float(value(element, "defaultgrade")) == grade(question, everything).points == len(question.rubric)
            continue
        for response, marks in responses(question, element, article):
            assert marks == pytest.approx(grade(question, response).points, abs=1e-5), (question.id, response)
            tried += 1
    assert tried >= 2 * sum(not isinstance(q, ShortAnswer) for q in bank.questions), "every question, every response"


def test_the_same_bank_gives_the_same_bytes(tmp_path: Path) -> None:
    """Is the export deterministic: the same banks, exported twice, the same files byte for byte?"""
    first = export_banks(BANKS, "moodle", tmp_path / "one")
    second = export_banks(BANKS, "moodle", tmp_path / "two")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert [p.name for p in first] == [bank_file_name(p) for p in BANKS]


def test_moodle_cannot_weight_eleven_right_answers(tmp_path: Path) -> None:
    """Is a find-in-text question with 11 right paragraphs one clear error (Moodle has no 1/11 grade), with nothing written?"""
    data = hostile_bank_data()
    find = next(q for q in data["questions"] if q["id"] == "find")
    find["answer"], find["feedback"] = list(range(1, 12)), {12: "Not this one."}
    path = write_bank(tmp_path / "bank", data, "Headline\n\n" + "".join(f"Paragraph {n}.\n\n" for n in range(1, 13)))
    with pytest.raises(ExportError, match=r"question 'find': 11 right answers: Moodle can weight 1 to 10, or 20"):
        export_banks([path], "moodle", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_character_xml_cannot_hold_is_an_error_naming_the_question(tmp_path: Path) -> None:
    """Is a control character in a bank text (XML 1.0 has no way to write it) one error naming the question, not a broken file?"""
    data = hostile_bank_data()
    data["questions"][2]["explanation"] = "A bell \x07 rings."
    path = write_bank(tmp_path / "bank", data)
    with pytest.raises(ExportError, match=r"question 'tf': the character U\+0007 cannot be written in Moodle XML"):
        export_banks([path], "moodle", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_cli_writes_one_moodle_file_per_bank(tmp_path: Path, capsys, monkeypatch) -> None:
    """Does ``medialit export --format moodle`` write one <bank-id>-moodle.xml per bank into _build/lms/moodle by default?"""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "exercises", tmp_path / "exercises", ignore=shutil.ignore_patterns("*.ipynb"))
    shutil.copytree(ROOT / "articles", tmp_path / "articles")
    assert main(["export", "--format", "moodle"]) == 0
    out = tmp_path / "_build" / "lms" / "moodle"
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{p.stem}-moodle.xml" for p in BANKS)
    assert capsys.readouterr().out.splitlines()[-1] == "8 banks exported as Moodle XML"
