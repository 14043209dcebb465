"""Is markup in a quiz bank shown as text in the browser, never run, even in feedback shown later?"""

from __future__ import annotations

from pathlib import Path

from pagecheck import opened
from playwright.sync_api import Browser

from helpers import ROOT
from medialit.quiz import Quiz
from medialit.quiz.render_html import render_bank_html

HOSTILE = ROOT / "tests" / "fixtures" / "quizzes" / "hostile-bank.yml"


def test_no_bank_text_runs_as_script_after_every_answer_is_checked(browser: Browser, tmp_path: Path) -> None:
    quiz = Quiz.from_file(HOSTILE)
    page_file = tmp_path / "hostile.html"
    page_file.write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hostile</title></head>'
        f"<body><main>{render_bank_html(quiz.bank, quiz.article)}</main></body></html>",
        encoding="utf-8",
    )
    with opened(browser, page_file.as_uri()) as (page, report):
        quiz_section = page.locator("section.mlq-quiz")
        # Wrong and right answers, so that every feedback text is put on the page by the script.
        quiz_section.locator('[data-mlq-question="single"] input[value="1"]').check()
        quiz_section.locator('[data-mlq-question="multiple"] input[value="1"]').check()
        quiz_section.locator('[data-mlq-question="tf"] input[value="false"]').check()
        quiz_section.locator('[data-mlq-question="matching"] select').first.select_option("2")
        quiz_section.locator('[data-mlq-question="find"] input[value="2"]').check()
        quiz_section.locator('[data-mlq-question="written"] textarea').fill("<script>window.__pwned='typed'</script>")
        for button in quiz_section.locator("button.mlq-check").all():
            button.click()
        quiz_section.locator('[data-mlq-question="written"] .mlq-rubric input').check()
        page.reload()
        for button in page.locator("button.mlq-check").all():
            button.click()
        assert page.evaluate("window.__pwned === undefined")
        text = page.locator("section.mlq-quiz").inner_text()
        assert "<script>window.__pwned = 'prompt'</script> Which is right?" in text
        assert "{% for x in range(3) %}loop{% endfor %} <b onmouseover=alert(1)>bold</b>" in text
        assert "<img src=x onerror=\"window.__pwned='when_false'\">" in text
        assert page.locator("section.mlq-quiz img, section.mlq-quiz iframe, section.mlq-quiz svg").count() == 0
        assert report.problems() == []
