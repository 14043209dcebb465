"""The site's quiz HTML: complete, deterministic, and every bank text shown as text."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import ROOT
from medialit.escape import html_text, json_for_script
from medialit.quiz import Quiz, load_bank
from medialit.quiz.render_html import bank_data, render_bank_html

FIXTURES = ROOT / "tests" / "fixtures" / "quizzes"
HOSTILE = FIXTURES / "hostile-bank.yml"
ENGINE_JS = (files("medialit.quiz") / "static" / "quiz.js").read_text(encoding="utf-8")


def rendered(path: Path) -> tuple[str, BeautifulSoup]:
    quiz = Quiz.from_file(path)
    html = render_bank_html(quiz.bank, quiz.article)
    return html, BeautifulSoup(html, "html.parser")


def test_every_question_of_the_bank_is_in_the_markup_with_its_controls() -> None:
    _html, soup = rendered(FIXTURES / "valid-bank.yml")
    bank = load_bank(FIXTURES / "valid-bank.yml")
    shown = [element["data-mlq-question"] for element in soup.select(".mlq-question")]
    assert shown == [question.id for question in bank.questions]
    for element in soup.select(".mlq-question"):
        assert element.select_one("fieldset > legend"), element["id"]
        assert element.select("fieldset input, fieldset select, fieldset textarea, fieldset button"), element["id"]
        # Check answer, the feedback region and the explanation are quiz.js's (a page without
        # scripts shows no button that does nothing); the browser tests press and read them.
        assert element.select(".mlq-check, .mlq-feedback, .mlq-explanation") == [], element["id"]


def test_each_text_of_the_bank_is_in_the_page_once() -> None:
    """The data block leaves out what the markup shows; what it keeps (feedback, explanations) the markup does not show."""
    html, soup = rendered(FIXTURES / "valid-bank.yml")
    bank = load_bank(FIXTURES / "valid-bank.yml")
    block = soup.select_one("script.mlq-data")
    assert block is not None
    data = json.loads(block.string or "")
    markup = html.replace(block.string or "", "")
    for question, shown in zip(bank.questions, data["questions"], strict=True):
        assert str(html_text(question.prompt)) in markup and "prompt" not in shown, question.id
        for entry in shown.get("options", []) + shown.get("items", []):
            assert "text" not in entry, question.id
        for text in [option.text for option in getattr(question, "options", [])] + [
            item.text for item in getattr(question, "items", [])
        ]:
            assert str(html_text(text)) in markup, text
        assert shown["explanation"] == question.explanation and str(html_text(question.explanation)) not in markup, question.id


def test_the_markup_is_deterministic_with_ids_derived_from_bank_and_question() -> None:
    first, soup = rendered(FIXTURES / "valid-bank.yml")
    second, _ = rendered(FIXTURES / "valid-bank.yml")
    assert first == second
    ids = [element["id"] for element in soup.select("[id]")]
    assert len(ids) == len(set(ids))
    assert all(str(i).startswith("mlq-article-basics") for i in ids)


def test_every_form_control_has_a_label() -> None:
    _html, soup = rendered(FIXTURES / "valid-bank.yml")
    for control in soup.select("input, select, textarea"):
        labelled = control.find_parent("label") or (control.get("id") and soup.select_one(f'label[for="{control["id"]}"]'))
        assert labelled, control


def test_the_data_block_holds_the_bank_as_the_browser_grader_reads_it() -> None:
    _html, soup = rendered(FIXTURES / "valid-bank.yml")
    block = soup.select_one("script.mlq-data")
    assert block is not None and block["type"] == "application/json"
    assert json.loads(block.string or "") == bank_data(load_bank(FIXTURES / "valid-bank.yml"))


def test_json_in_a_script_block_cannot_close_the_block() -> None:
    text = json_for_script({"t": "</script><script>alert(1)</script> & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(str(text)) == {"t": "</script><script>alert(1)</script> & \u2028"}


def test_hostile_bank_text_is_escaped_everywhere() -> None:
    html, soup = rendered(HOSTILE)
    scripts = soup.find_all("script")
    assert [script.get("type") for script in scripts] == ["application/json", None]
    assert scripts[1].string.strip() == ENGINE_JS.strip()
    assert [style["class"] for style in soup.find_all("style")] == [["mlq-engine"]]
    for tag in ("img", "svg", "iframe", "b", "a"):
        assert soup.find_all(tag) == [], tag
    for attribute in ("onerror", "onload", "onfocus", "onmouseover"):
        assert soup.select(f"[{attribute}]") == [], attribute
    text = soup.get_text()
    assert "<script>window.__pwned = 'prompt'</script> Which is right?" in text
    assert "{{ 7*7 }}" in text and "49" not in text
    assert "```{raw} html" in html


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.yml")) + sorted((ROOT / "exercises").glob("*.yml")), ids=str)
def test_the_display_object_offers_widget_html_and_text(path: Path) -> None:
    bundle = Quiz.from_file(path)._repr_mimebundle_()
    assert set(bundle) == {"text/plain", "text/html", "application/vnd.jupyter.widget-view+json"}
    assert bundle["text/plain"].startswith("Quiz: ")
    assert Quiz.from_file(path)._repr_mimebundle_(include=["text/html"]).keys() == {"text/html"}
