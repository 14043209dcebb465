"""The GIFT export, read back by gift-pegjs (an independent PEG parser of Moodle's GIFT, run with node).

Every question must come back with its type, its right answers, its weights and its texts exactly
as the bank has them, including texts full of GIFT, HTML and Markdown syntax.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from helpers import ROOT
from lms_helpers import (
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
from medialit.export.gift import gift_escape, html_text
from medialit.quiz.load import load_bank_with_article
from medialit.quiz.model import FindInText, Matching, ShortAnswer, TrueFalse

PARSER = ROOT / "tests" / "gift_parse.cjs"
BANKS = sorted((ROOT / "exercises").glob("*.yml"))
HOSTILE_FIXTURE = ROOT / "tests" / "fixtures" / "quizzes" / "hostile-bank.yml"


def parse_gift(*files: Path) -> dict[str, list[dict[str, Any]]]:
    """gift-pegjs's reading of each file (``make setup`` installs it with ``npm ci``)."""
    node = shutil.which("node")
    assert node, "node is missing: run make setup"
    assert (ROOT / "node_modules" / "gift-pegjs").is_dir(), "gift-pegjs is missing: run make setup (npm ci)"
    result = subprocess.run([node, str(PARSER), *map(str, files)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return {Path(name).name: questions for name, questions in json.loads(result.stdout).items()}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """The course banks, the hostile bank and the hostile fixture, exported once and parsed back."""
    hostile = write_hostile_bank(tmp_path_factory.mktemp("hostile-bank"))
    written = export_banks([*BANKS, hostile, HOSTILE_FIXTURE], "gift", tmp_path_factory.mktemp("gift"))
    return parse_gift(*written)


GIFT_PLACEHOLDERS = {"&&092;": "\\", "&&058;": ":", "&&035;": "#", "&&061;": "=", "&&123;": "{", "&&125;": "}", "&&126;": "~"}
"""gift-pegjs 1.0.2 swaps escapes for these while parsing and forgets to swap them back in the right
side of a match (its PlainText rule); Moodle does swap them back (escapedchar_post), and so does this."""


def subanswer(text: str) -> str:
    for placeholder, char in GIFT_PLACEHOLDERS.items():
        text = text.replace(placeholder, char)
    return plain(text.replace("&&010", "\n"))


def texts(value: Any) -> list[str]:
    """Every string in parsed JSON."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in texts(item)]
    return []


def check_question(parsed: dict[str, Any], expected: LmsQuestion, article: Article) -> None:
    """One parsed GIFT question against what the bank says it must be."""
    assert not any("<script" in text or "<b>" in text for text in texts(parsed)), "bank markup must arrive escaped"
    assert parsed["title"] == expected.title
    assert parsed["stem"]["format"] == "html"
    stem = parsed["stem"]["text"]
    assert (blocks(stem)[0] if len(expected.stem) > 1 else [plain(stem)]) == expected.stem
    general, tags = blocks(parsed["globalFeedback"]["text"])
    assert tags <= {"p", "ul", "li", "strong", "br"}
    question = expected.source
    if isinstance(question, ShortAnswer):
        assert parsed["type"] == "Essay"
        heading = "Rubric: one point for each item the answer meets"
        assert general == ["Model answer", question.model_answer, heading, *question.rubric, question.explanation]
        return
    assert general[0] == expected.explanation
    if isinstance(question, TrueFalse):
        assert parsed["type"] == "TF"
        assert parsed["isTrue"] is question.answer
        right, wrong = ("True", "False") if question.answer else ("False", "True")
        # GIFT's first feedback is for a wrong answer, the second for a right one.
        assert plain(parsed["trueFeedback"]["text"]) == expected.choices[wrong][1]
        assert plain(parsed["falseFeedback"]["text"]) == expected.choices[right][1]
        return
    if isinstance(question, Matching):
        assert parsed["type"] == "Matching"
        pairs = [(plain(m["subquestion"]["text"]), subanswer(m["subanswer"])) for m in parsed["matchPairs"]]
        assert pairs == [(p.left, p.right) for p in question.pairs] + [("", d) for d in question.distractors]
        assert general[2:] == [f"{p.left}: {p.feedback}" for p in question.pairs]
        return
    assert parsed["type"] == "MC"
    choices = {}
    for choice in parsed["choices"]:
        text = plain(choice["text"]["text"])
        key = paragraph_key(text, article) if isinstance(question, FindInText) else text
        feedback = None if choice["feedback"] is None else plain(choice["feedback"]["text"])
        choices[key] = (choice, feedback)
    assert set(choices) == set(expected.choices) and len(choices) == len(parsed["choices"])
    right = sum(correct for correct, _ in expected.choices.values())
    for key, (correct, feedback) in expected.choices.items():
        choice, parsed_feedback = choices[key]
        assert parsed_feedback == feedback, key
        if expected.kind == "single":
            assert choice["isCorrect"] is correct and choice["weight"] is None, key
        else:
            # Right minus wrong: +100/k % for a right answer, -100/k % for a wrong one; Moodle floors at 0.
            assert choice["isCorrect"] is False, key
            assert choice["weight"] == pytest.approx((100 if correct else -100) / right, abs=1e-5), key


@pytest.mark.parametrize("bank_file", [*BANKS, HOSTILE_FIXTURE], ids=lambda path: path.stem)
def test_every_question_comes_back_with_its_type_answers_texts_and_weights(exported, bank_file: Path) -> None:
    """Does gift-pegjs read each bank's export back as the bank's questions, type, key, texts and weights?"""
    bank, article = load_bank_with_article(bank_file)
    parsed = exported[f"{bank.id}.gift"]
    assert parsed[0] == {"type": "Category", "title": "medialit/" + bank.title.replace("/", "//")}
    expected = lms_questions(bank, article, native_matching=True)
    assert len(parsed) - 1 == len(expected)
    for question, wanted in zip(parsed[1:], expected, strict=True):
        check_question(question, wanted, article)


def test_hostile_texts_come_back_exactly(exported, tmp_path: Path) -> None:
    """Do GIFT specials, backslashes, $, Markdown and HTML in every kind of text survive the round trip unchanged?"""
    bank, article = load_bank_with_article(write_hostile_bank(tmp_path))
    parsed = exported["lms-hostile.gift"]
    assert parsed[0]["title"] == "medialit/Hostile: {title} // with a slash"
    expected = lms_questions(bank, article, native_matching=True)
    assert len(parsed) - 1 == len(expected)
    for question, wanted in zip(parsed[1:], expected, strict=True):
        check_question(question, wanted, article)


def test_html_is_escaped_before_gift_specials() -> None:
    """Is markup made text first (so Moodle shows it, never runs it), then every GIFT special backslashed?"""
    assert gift_escape(html_text("<b>x</b> & {y} = ~z #1: \\")) == "&lt;b&gt;x&lt;/b&gt; &amp; \\{y\\} \\= \\~z \\#1\\: \\\\"
    assert html_text("[html]x\ny") == "&#91;html]x<br>y", "a leading [ would read as a format marker"


def test_ordering_becomes_one_question_per_position(exported) -> None:
    """Is each position its own single-choice question, offering every item, right only for its own?"""
    parsed = {q["title"]: q for q in exported["article.gift"][1:]}
    parts = [parsed[f"article/order-of-presentation/{n}"] for n in range(1, 6)]
    assert [blocks(p["stem"]["text"])[0][1] for p in parts] == [f"Which comes {o}?" for o in ("1st", "2nd", "3rd", "4th", "5th")]
    assert all(len(p["choices"]) == 5 and sum(c["isCorrect"] for c in p["choices"]) == 1 for p in parts)


def test_moodle_cannot_weight_eleven_right_answers(tmp_path: Path) -> None:
    """Is a find-in-text question with 11 right paragraphs one clear error (Moodle has no 1/11 grade), with nothing written?"""
    data = hostile_bank_data()
    find = next(q for q in data["questions"] if q["id"] == "find")
    find["answer"], find["feedback"] = list(range(1, 12)), {12: "Not this one."}
    path = write_bank(tmp_path / "bank", data, "Headline\n\n" + "".join(f"Paragraph {n}.\n\n" for n in range(1, 13)))
    with pytest.raises(ExportError, match=r"question 'find': 11 right answers: Moodle can weight 1 to 10, or 20"):
        export_banks([path], "gift", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_cli_writes_one_gift_file_per_bank(tmp_path: Path, capsys, monkeypatch) -> None:
    """Does ``medialit export --format gift`` write one file per bank into _build/lms/gift by default?"""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "exercises", tmp_path / "exercises", ignore=shutil.ignore_patterns("*.ipynb"))
    shutil.copytree(ROOT / "articles", tmp_path / "articles")
    assert main(["export", "--format", "gift"]) == 0
    out = tmp_path / "_build" / "lms" / "gift"
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{p.stem}.gift" for p in BANKS)
    assert capsys.readouterr().out.splitlines()[-1] == "8 banks exported as GIFT"


def test_cli_with_a_bad_bank_is_one_error_naming_the_file_and_writes_nothing(tmp_path: Path, capsys) -> None:
    """Does one malformed bank among good ones stop the export with one line naming it, and no file at all?"""
    folder = tmp_path / "banks"
    folder.mkdir()
    for bank in BANKS:
        text = bank.read_text(encoding="utf-8").replace("article: ../articles/", f"article: {ROOT / 'articles'}/")
        (folder / bank.name).write_text(text, encoding="utf-8")
    bad = folder / "sourcing.yml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("type: single", "type: yes-no", 1), encoding="utf-8")
    assert main(["export", str(folder), "--format", "gift", "--out", str(tmp_path / "out")]) == 1
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and error[0].startswith(f"medialit: error: {bad}:"), error
    assert "unknown question type 'yes-no'" in error[0]
    assert not (tmp_path / "out").exists()
