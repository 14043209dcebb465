"""The QTI export for Canvas: well-formed packages whose items carry the bank's types, points, keys and texts."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest

from helpers import ROOT
from lms_helpers import LmsQuestion, blocks, hostile_bank_data, lms_questions, paragraph_key, write_bank, write_hostile_bank
from medialit.article import Article
from medialit.cli import main
from medialit.errors import ExportError
from medialit.export import export_banks
from medialit.export.qti import MARKDOWN_ESCAPABLE, md_text
from medialit.quiz.load import load_bank_with_article
from medialit.quiz.model import FindInText, ShortAnswer

BANKS = sorted((ROOT / "exercises").glob("*.yml"))
HOSTILE_FIXTURE = ROOT / "tests" / "fixtures" / "quizzes" / "hostile-bank.yml"
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
MANIFEST = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
CANVAS_TYPES = {
    "single": "multiple_choice_question",
    "multiple": "multiple_answers_question",
    "true-false": "true_false_question",
    "essay": "essay_question",
}
ALLOWED_TAGS = {"p", "strong", "ul", "li", "br"}
"""Every tag a mattext may hold: what the exporter writes itself. Bank markup must arrive as text."""


@dataclass(frozen=True)
class Package:
    """A QTI zip: its members, each XML member parsed strictly, and the assessment's items."""

    names: list[str]
    xml: dict[str, ElementTree.Element]
    items: list[ElementTree.Element]


def read_package(path: Path) -> Package:
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        xml = {name: ElementTree.fromstring(archive.read(name)) for name in names if name.endswith(".xml")}
    assessments = [root for root in xml.values() if root.tag == f"{QTI}questestinterop"]
    assert len(assessments) == 1
    return Package(names, xml, assessments[0].findall(f".//{QTI}item"))


def mattext(element: ElementTree.Element) -> tuple[list[str], set[str]]:
    """The paragraphs of the element's own mattext (its HTML, unescaped by the XML parser) and the tags it uses."""
    found = element.find(f"{QTI}material/{QTI}mattext")
    assert found is not None and found.get("texttype") == "text/html"
    return blocks(found.text or "")


def metadata(item: ElementTree.Element) -> dict[str, str]:
    fields = item.findall(f"{QTI}itemmetadata/{QTI}qtimetadata/{QTI}qtimetadatafield")
    return {f.findtext(f"{QTI}fieldlabel") or "": f.findtext(f"{QTI}fieldentry") or "" for f in fields}


def feedback_of(item: ElementTree.Element, ident: str) -> list[str] | None:
    for feedback in item.findall(f"{QTI}itemfeedback"):
        if feedback.get("ident") == ident:
            texts, tags = mattext(feedback.find(f"{QTI}flow_mat"))
            assert tags <= ALLOWED_TAGS
            return texts
    return None


def scoring_idents(item: ElementTree.Element) -> tuple[set[str], set[str]]:
    """(choices that must be chosen, choices that must not be) in the condition that sets SCORE to 100."""
    full = [
        condition
        for condition in item.findall(f"{QTI}resprocessing/{QTI}respcondition")
        if condition.findtext(f"{QTI}setvar") == "100"
    ]
    assert len(full) == 1
    condition = full[0].find(f"{QTI}conditionvar")
    assert condition is not None
    negated = {v.text or "" for n in condition.iter(f"{QTI}not") for v in n.iter(f"{QTI}varequal")}
    chosen = {v.text or "" for v in condition.iter(f"{QTI}varequal")} - negated
    return chosen, negated


def check_item(item: ElementTree.Element, expected: LmsQuestion, article: Article) -> None:
    """One Canvas item against what the bank says it must be."""
    meta = metadata(item)
    assert item.get("title") == expected.title
    assert meta["question_type"] == CANVAS_TYPES[expected.kind]
    assert meta["points_possible"] == str(expected.points)
    stem, tags = mattext(item.find(f"{QTI}presentation"))
    assert stem == expected.stem and tags <= ALLOWED_TAGS
    general = feedback_of(item, "general_fb")
    question = expected.source
    if isinstance(question, ShortAnswer):
        heading = "Rubric: one point for each item the answer meets (marked by hand)"
        assert general == ["Model answer", question.model_answer, heading, *question.rubric, question.explanation]
        return
    assert general == [expected.explanation]
    labels = item.findall(f"{QTI}presentation/{QTI}response_lid/{QTI}render_choice/{QTI}response_label")
    ident_of: dict[str, str] = {}
    for label in labels:
        (text,), tags = mattext(label)
        assert tags <= ALLOWED_TAGS
        key = paragraph_key(text, article) if isinstance(question, FindInText) else text
        ident_of[key] = label.get("ident") or ""
        feedback = feedback_of(item, f"{ident_of[key]}_fb")
        assert feedback == (None if expected.choices[key][1] is None else [expected.choices[key][1]]), key
    assert set(ident_of) == set(expected.choices) and len(ident_of) == len(labels)
    chosen, negated = scoring_idents(item)
    assert chosen == {ident_of[key] for key, (correct, _) in expected.choices.items() if correct}
    if expected.kind == "multiple":
        assert negated == {ident_of[key] for key, (correct, _) in expected.choices.items() if not correct}


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Package]:
    """The course banks, the hostile bank and the hostile fixture, exported once."""
    hostile = write_hostile_bank(tmp_path_factory.mktemp("hostile-bank"))
    written = export_banks([*BANKS, hostile, HOSTILE_FIXTURE], "qti", tmp_path_factory.mktemp("qti"))
    return {path.name.removesuffix("-qti.zip"): read_package(path) for path in written}


def test_every_file_parses_and_the_manifest_lists_exactly_the_files_in_the_zip(packages) -> None:
    """Is every XML file well-formed, and do the manifest's files and the zip's files match one for one?"""
    assert sorted(packages) == sorted([*(p.stem for p in BANKS), "lms-hostile", "hostile"])
    for package in packages.values():
        manifest = package.xml["imsmanifest.xml"]
        listed = {f.get("href") for f in manifest.iter(f"{MANIFEST}file")}
        files = {name for name in package.names if not name.endswith("/") and name != "imsmanifest.xml"}
        assert listed == files
        assert all(name.endswith(".xml") for name in files), "no images: nothing in a bank makes one"


@pytest.mark.parametrize("bank_file", [*BANKS, HOSTILE_FIXTURE], ids=lambda path: path.stem)
def test_items_carry_types_points_keys_and_feedback(packages, bank_file: Path) -> None:
    """Does each Canvas item have the bank's type, the grader's points, the right choices keyed, and every text?"""
    bank, article = load_bank_with_article(bank_file)
    items = packages[bank.id].items
    expected = lms_questions(bank, article, native_matching=False)
    assert len(items) == len(expected)
    assert len({item.get("ident") for item in items}) == len(items), "item idents are unique"
    for item, wanted in zip(items, expected, strict=True):
        check_item(item, wanted, article)
    meta = next(root for root in packages[bank.id].xml.values() if root.tag.endswith("quiz"))
    assert meta.findtext("{http://canvas.instructure.com/xsd/cccv1p0}points_possible") == f"{sum(e.points for e in expected)}.0"


def test_hostile_texts_come_out_exactly_with_no_script_and_no_math(packages, tmp_path: Path) -> None:
    """Do $, Markdown, HTML and GIFT syntax in every text come out (after unescaping) exactly as written, inert?"""
    bank, article = load_bank_with_article(write_hostile_bank(tmp_path))
    items = packages["lms-hostile"].items
    for item, wanted in zip(items, lms_questions(bank, article, native_matching=False), strict=True):
        check_item(item, wanted, article)
    for root in packages["lms-hostile"].xml.values():
        assert not any(element.tag.endswith("script") for element in root.iter())
        for mat in root.iter(f"{QTI}mattext"):
            assert "equation_image" not in (mat.text or "") and "<img" not in (mat.text or "") and "<a " not in (mat.text or "")


def test_escapes_are_the_ones_text2qti_markdown_honours() -> None:
    """Does the exporter backslash exactly the characters text2qti's Markdown un-escapes (else a backslash would show)?"""
    from text2qti.config import Config
    from text2qti.markdown import Markdown

    assert set(Markdown(Config()).markdown_processor.ESCAPED_CHARS) == MARKDOWN_ESCAPABLE
    assert md_text("$5 <b> & ~") == "\\$5 &lt;b&gt; &amp; &#126;"


def test_a_repeated_question_text_is_one_clear_error(tmp_path: Path) -> None:
    """Canvas (text2qti) needs distinct question texts: is a repeat reported with the file and the question?"""
    data = hostile_bank_data()
    questions = data["questions"]
    twin = dict(questions[0], id="single-again")
    data["questions"] = [*questions, twin]
    path = write_bank(tmp_path / "bank", data)
    with pytest.raises(ExportError, match=r"question 'single-again': the same question text as lms-hostile/single"):
        export_banks([path], "qti", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_cli_writes_one_qti_package_per_bank(tmp_path: Path, capsys) -> None:
    """Does ``medialit export --format qti`` write one package per bank?"""
    assert main(["export", str(ROOT / "exercises"), "--format", "qti", "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{p.stem}-qti.zip" for p in BANKS)
    assert capsys.readouterr().out.splitlines()[-1] == "8 banks exported as QTI"


def test_cli_with_no_banks_is_one_clear_error(tmp_path: Path, capsys) -> None:
    """Is a folder with no bank in it an error, rather than an empty export that looks like success?"""
    assert main(["export", str(tmp_path), "--format", "qti", "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.strip() == f"medialit: error: {tmp_path}: no quiz banks (.yml files) to export"
    assert not (tmp_path / "out").exists()
