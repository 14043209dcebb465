"""Bank lint: each rule fires on a bank built to break it and stays silent on a clean one; `check --strict` fails
on a warning; the flagship's banks (whose quotations stay verbatim) and every bank generated for a gold article pass."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import COURSE_ARTICLE, ROOT
from medialit.analysis import analyze
from medialit.analysis.gold import load_gold
from medialit.cli import main
from medialit.generate.questions import generate_banks
from medialit.quiz import find_banks, load_bank
from medialit.quiz.lint import LintWarning, Rule, key_is_longest, lint_bank
from medialit.quiz.model import MultipleSelect, QuizBank, SingleChoice, TrueFalse

GOLD = sorted((ROOT / "tests" / "gold").glob("*.yml"))
BANK_PATH = Path("exercises/lint.yml")


# --- small banks, each question with feedback that names a misconception ------------------------


def option(text: str, correct: bool = False, feedback: str | None = None) -> dict[str, Any]:
    return {"text": text, "correct": correct, "feedback": feedback or f"Not {text!r}: P1 says otherwise, read it again."}


def single(qid: str, key: str, *wrong: str, **fields: Any) -> dict[str, Any]:
    options = [option(key, True, f"Right: P1 says {key}."), *(option(text) for text in wrong)]
    return {"id": qid, "type": "single", "prompt": "Which?", "options": options, **base(), **fields}


def multiple(qid: str, right: list[str], wrong: list[str]) -> dict[str, Any]:
    options = [*(option(text, True, f"Right: P1 says {text}.") for text in right), *(option(text) for text in wrong)]
    return {"id": qid, "type": "multiple", "prompt": "Which?", "options": options, **base()}


def true_false(qid: str, answer: bool, when_true: str | None = None, when_false: str | None = None) -> dict[str, Any]:
    feedback = {
        "when_true": when_true or ("Right: P1 says so." if answer else "Look again: P1 says the opposite of this."),
        "when_false": when_false or ("Look again: P1 says exactly this." if answer else "Right: P1 says otherwise."),
    }
    return {"id": qid, "type": "true-false", "prompt": "True or false?", "answer": answer, "feedback": feedback, **base()}


def base() -> dict[str, Any]:
    return {"explanation": "Read P1.", "paragraphs": [1]}


def every_type() -> list[dict[str, Any]]:
    """A question of each type, every wrong answer with its own feedback: nothing for the lint to find."""
    return [
        single("who", "The Telegraph", "Genocide Watch", "Kosovo's presidential office", "The photographer"),
        single("where", "Pristina", "Mitrovica, on the bridge", "Belgrade", "Vancouver"),
        single("when", "On Friday", "In December", "Nine years ago", "Early last February"),
        multiple("which", ["Osmani", "Ivanov"], ["Vucic, who is only reported", "Putin, who is only talked about"]),
        true_false("denial-quoted", False),
        true_false("osmani-named", True),
        {
            "id": "match",
            "type": "matching",
            "prompt": "Match.",
            "pairs": [
                {"left": "said", "right": "neutral", "feedback": "“said” judges nothing: it only reports words (P18)."},
                {"left": "claimed", "right": "distance", "feedback": "“claimed” keeps the reporter at a distance (P2)."},
            ],
            **base(),
        },
        {
            "id": "order",
            "type": "ordering",
            "prompt": "Order.",
            "items": [
                {"text": "The warning", "feedback": "The warning opens the article, in P1."},
                {"text": "The denial", "feedback": "The denial comes later, in P16."},
            ],
            **base(),
        },
        {
            "id": "find",
            "type": "find-in-text",
            "prompt": "Find the denial.",
            "answer": [16],
            "candidates": [9, 16],
            "feedback": {9: "P9 is Vucic's threat, which denies nothing."},
            **base(),
        },
        {
            "id": "write",
            "type": "short-answer",
            "prompt": "Write.",
            "model_answer": "An answer.",
            "rubric": ["A point."],
            **base(),
        },
    ]


def bank(questions: list[dict[str, Any]]) -> QuizBank:
    data = {"schema_version": 1, "id": "lint", "title": "Lint", "chapter": "c", "article": "a.txt", "questions": questions}
    return QuizBank.model_validate(data)


def warnings(questions: list[dict[str, Any]]) -> list[LintWarning]:
    return lint_bank(bank(questions), BANK_PATH)


def rules(questions: list[dict[str, Any]]) -> list[tuple[Rule, str | None]]:
    return [(w.rule, w.question) for w in warnings(questions)]


def test_a_bank_with_every_type_and_no_pattern_gets_no_warning() -> None:
    assert warnings(every_type()) == []


# --- true/false balance -------------------------------------------------------------------------


def test_true_false_keys_all_one_way_are_reported_for_the_bank() -> None:
    """Is a bank whose true/false keys are all False told that students can learn to answer False?"""
    [warning] = warnings([true_false("a", False), true_false("b", False)])
    assert (warning.rule, warning.question) == (Rule.TRUE_FALSE_BALANCE, None)
    assert "all 2 true/false keys are False: students can learn to answer False" in warning.message
    assert str(warning).startswith(f"{BANK_PATH}: true-false-balance: all 2")


@pytest.mark.parametrize(
    ("true", "false", "reported"),
    [(1, 0, False), (1, 1, False), (0, 3, True), (3, 0, True), (1, 2, False), (1, 3, False), (1, 4, True), (2, 5, False)],
    ids=lambda value: str(value),
)
def test_the_less_common_true_false_key_must_be_a_quarter(true: int, false: int, reported: bool) -> None:
    """One key is never lopsided; otherwise the rarer key must be at least one and at least a quarter of them."""
    questions = [true_false(f"t{i}", True) for i in range(true)] + [true_false(f"f{i}", False) for i in range(false)]
    assert rules(questions) == ([(Rule.TRUE_FALSE_BALANCE, None)] if reported else [])


# --- the key the longest option -----------------------------------------------------------------


def test_the_key_longest_in_most_choice_questions_is_reported_with_their_ids() -> None:
    questions = [
        single("a", "The Telegraph, first", "Genocide Watch", "The president", "The photographer"),
        single("b", "Serbian paramilitaries", "The army", "Vucic", "Ethnic Serbs"),
        single("c", "P16", "P9, the threat", "P38, the accusation", "P45, the doubters"),
    ]
    [warning] = warnings(questions)
    assert (warning.rule, warning.question) == (Rule.KEY_LONGEST, None)
    assert "in 2 of 3 choice questions (a, b)" in warning.message


def test_the_key_longest_in_half_the_questions_or_in_too_few_is_not_reported() -> None:
    longest = single("a", "The Telegraph, first", "Genocide Watch", "The president")
    shortest = single("b", "P16", "P9, the threat", "P38, the accusation")
    assert rules([longest, shortest]) == []  # two choice questions are too few to judge
    assert rules([longest, shortest, {**shortest, "id": "c"}, {**longest, "id": "d"}]) == []  # 2 of 4 is not most


def test_multiple_select_counts_when_every_correct_option_is_longer_than_every_wrong_one() -> None:
    def question(right: list[str], wrong: list[str]) -> MultipleSelect:
        found = bank([multiple("m", right, wrong)]).questions[0]
        assert isinstance(found, MultipleSelect)
        return found

    assert key_is_longest(question(["Ms Osmani, the president", "Helena Ivanov, the expert"], ["Vucic", "Putin"]))
    assert not key_is_longest(question(["Ms Osmani, the president", "Ivanov"], ["Vucic, only reported", "Putin"]))


# --- one option much longer than the rest -------------------------------------------------------


def test_a_key_much_longer_than_every_other_option_is_reported_for_its_question() -> None:
    key = "The article itself in P3, naming no source, and then Ms Osmani in P11 and P12"
    [warning] = warnings([single("who-compares", key, "Only Ms Osmani", "Helena Ivanov", "Serbia")])
    assert (warning.rule, warning.question) == (Rule.LONG_OPTION, "who-compares")
    assert warning.message.startswith(f"the key ({len(key)} characters) is 5.5 times as long as the next longest option (14)")


def test_a_long_correct_option_of_a_multiple_select_is_reported() -> None:
    long = "A senior official who spoke on condition of anonymity"
    assert rules([multiple("anonymous", [long, "One official"], ["Emil Sarkany", "Ms Osmani"])]) == [
        (Rule.LONG_OPTION, "anonymous")
    ]


@pytest.mark.parametrize(
    "options",
    [
        ("Ms Osmani", "Helena Ivanov", "The article itself in P3, and then Ms Osmani"),  # a wrong option stands out
        ("The article itself, in P3", "Ms Osmani", "Ivanov"),  # 2.8 times as long, but only 16 characters more
        ("The article itself in P3, with no source named", "Ms Osmani, in her own words", "Ivanov"),  # 1.7 times
    ],
    ids=["wrong-option", "few-characters", "under-the-ratio"],
)
def test_length_is_no_cue_when_the_long_option_is_wrong_or_not_much_longer(options: tuple[str, ...]) -> None:
    assert rules([single("q", *options)]) == []


# --- feedback for wrong answers -----------------------------------------------------------------


@pytest.mark.parametrize("feedback", ["Wrong.", "No, try again!", "Incorrect", "Not quite.", "Look again.", "…"])
def test_a_wrong_option_with_bare_feedback_is_reported(feedback: str) -> None:
    question = single("q", "P16", "P9, the threat")
    question["options"][1]["feedback"] = feedback
    [warning] = warnings([question])
    assert (warning.rule, warning.question) == (Rule.FEEDBACK_MISSING, "q")
    assert "wrong option 2:" in warning.message


def test_wrong_options_sharing_one_feedback_are_reported() -> None:
    question = single("q", "P16", "P9", "P38")
    for wrong in question["options"][1:]:
        wrong["feedback"] = "The page does not say: find it elsewhere."
    [warning] = warnings([question])
    assert "wrong option 3 has the same feedback as wrong option 2" in warning.message


def test_bare_feedback_on_a_right_option_is_not_a_missing_misconception() -> None:
    question = single("q", "P16", "P9, the threat")
    question["options"][0]["feedback"] = "Right."
    assert rules([question]) == []


@pytest.mark.parametrize(
    ("question", "part"),
    [
        (true_false("tf", False, when_true="Wrong."), "the wrong answer (True)"),
        (true_false("tf", True, when_false="No."), "the wrong answer (False)"),
        (true_false("tf", True, when_true="P16 names no one.", when_false="P16 names no one!"), "say the same"),
    ],
    ids=["key-false", "key-true", "same-both-ways"],
)
def test_a_true_false_question_needs_feedback_for_its_wrong_answer(question: dict[str, Any], part: str) -> None:
    [warning] = warnings([question])
    assert (warning.rule, warning.question) == (Rule.FEEDBACK_MISSING, "tf") and part in warning.message


def test_matching_and_ordering_need_feedback_for_every_item() -> None:
    match, order = every_type()[6], every_type()[7]
    match["pairs"][1]["feedback"] = "Incorrect."
    order["items"][0].pop("feedback")
    order["items"][1].pop("feedback")
    assert rules([match, order]) == [(Rule.FEEDBACK_MISSING, "match"), (Rule.FEEDBACK_MISSING, "order")]
    assert "the pair 'claimed': only 'Incorrect.'" in warnings([match])[0].message
    assert "no item has feedback" in warnings([order])[0].message


def test_an_ordering_item_without_feedback_is_named() -> None:
    order = every_type()[7]
    order["items"][1].pop("feedback")
    assert "item 2: no feedback" in warnings([order])[0].message


def test_find_in_text_needs_feedback_for_each_wrong_candidate() -> None:
    find = every_type()[8]
    find["candidates"] = [9, 16, 38]
    [warning] = warnings([find])
    assert (warning.rule, warning.question) == (Rule.FEEDBACK_MISSING, "find")
    assert "no feedback for the wrong pick P38" in warning.message


def test_find_in_text_over_every_paragraph_needs_some_feedback() -> None:
    find = every_type()[8]
    find["candidates"] = []
    assert rules([find]) == []  # feedback for P9, a likely wrong pick
    find["feedback"] = {}
    assert "no wrong pick has feedback" in warnings([find])[0].message


def test_warnings_are_one_line_with_long_or_hostile_text_cut_and_escaped() -> None:
    match = every_type()[6]
    match["pairs"][0]["left"] = "<script>\u202e" + "x" * 500 + "\n\x1b[31m"
    match["pairs"][0]["feedback"] = "No."
    [warning] = warnings([match])
    line = str(warning)
    assert "\n" not in line and "\x1b" not in line and "\u202e" not in line and len(line) < 300


# --- medialit check -----------------------------------------------------------------------------


def write_bank(folder: Path, questions: list[dict[str, Any]], name: str = "lint.yml") -> Path:
    data = bank(questions).model_dump(mode="json") | {"article": str(COURSE_ARTICLE)}
    path = folder / name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def test_check_strict_fails_on_warnings_and_names_file_question_and_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = every_type()
    questions[0]["options"][1]["feedback"] = "Wrong."
    questions[5]["answer"] = False  # both true/false keys now False
    path = write_bank(tmp_path, questions)

    assert main(["check", str(path)]) == 0
    lines = capsys.readouterr()
    assert lines.err.splitlines() == [
        f"medialit: warning: {path}: true-false-balance: all 2 true/false keys are False: students can learn to answer False",
        f"medialit: warning: {path}: question 'who': feedback-missing: feedback for a wrong answer should name its "
        "misconception: wrong option 2: only 'Wrong.'",
    ]
    assert lines.out.strip().splitlines()[-1] == "10 questions in 1 banks; 2 warnings"

    assert main(["check", "--strict", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == "medialit: error: 2 warnings of the bank lint, errors with --strict (docs/quizzes.md)"


def test_check_strict_passes_a_clean_bank(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_bank(tmp_path, every_type())
    assert main(["check", "--strict", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out.strip() == "10 questions in 1 banks"


def test_check_of_a_course_folder_checks_its_exercises(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Does `medialit check COURSE` read COURSE/exercises, not the course's _config.yml and _toc.yml as banks?"""
    (tmp_path / "_config.yml").write_text("title: A course\n", encoding="utf-8")
    (tmp_path / "_toc.yml").write_text("root: index\n", encoding="utf-8")
    (tmp_path / "exercises").mkdir()
    write_bank(tmp_path / "exercises", every_type())
    assert main(["check", "--strict", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == "10 questions in 1 banks"


# --- the flagship and the generator -------------------------------------------------------------


def test_the_flagship_banks_pass_check_strict(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--strict", str(ROOT / "exercises")]) == 0, capsys.readouterr().err


def test_the_flagship_true_false_keys_are_close_to_half_true() -> None:
    """Across the whole course, is "always False" (or "always True") no better than a guess?"""
    keys = [q.answer for path in find_banks(ROOT / "exercises") for q in load_bank(path).questions if isinstance(q, TrueFalse)]
    assert len(keys) >= 6 and 0.4 <= sum(keys) / len(keys) <= 0.6, keys


def test_the_flagship_key_is_the_longest_option_in_at_most_a_third_of_its_choice_questions() -> None:
    questions = [
        q
        for path in find_banks(ROOT / "exercises")
        for q in load_bank(path).questions
        if isinstance(q, SingleChoice | MultipleSelect) and not all(o.correct for o in q.options)
    ]
    longest = [q.id for q in questions if key_is_longest(q)]
    assert len(questions) >= 30 and len(longest) <= len(questions) / 3, longest


def strings(value: Any) -> list[str]:
    """Every string in a bank's data (its texts, feedback, explanations, rubrics)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings(item)]
    return []


@pytest.mark.parametrize("path", sorted((ROOT / "exercises").glob("*.yml")), ids=lambda p: p.stem)
def test_every_curly_quotation_in_a_flagship_bank_is_verbatim_from_the_article_page(path: Path) -> None:
    """Rebalancing rewrites options and feedback: does every “…” still quote the page word for word (a cut marked …)?

    The page, or one of the other published versions of its text that the course quotes (the excerpts in
    articles/versions/, which the Trace it quiz compares with it).
    """
    bank = load_bank(path)
    versions = sorted((ROOT / "articles" / "versions").glob("*.md"))
    page = "\n".join(p.read_text(encoding="utf-8") for p in [path.parent / bank.article, *versions])
    quotations = [q for text in strings(bank.model_dump(mode="json")) for q in re.findall(r"“([^”]*)”", text)]
    assert len(quotations) >= 20
    for quotation in quotations:
        assert all(part.strip() in page for part in quotation.split("…")), quotation


@cache
def generated(path: Path) -> dict[str, QuizBank]:
    """The banks `medialit new` writes for a gold article (made once per test session)."""
    return generate_banks(analyze(load_gold(path)[1]), article="../articles/article.txt")


@pytest.mark.parametrize("path", GOLD, ids=[p.stem for p in GOLD])
def test_every_bank_generated_for_a_gold_article_passes_the_lint(path: Path) -> None:
    assert [str(w) for bank_id, b in generated(path).items() for w in lint_bank(b, f"{bank_id}.yml")] == []


def test_generated_true_false_keys_are_close_to_half_true_across_the_gold_articles() -> None:
    keys = [q.answer for path in GOLD for b in generated(path).values() for q in b.questions if isinstance(q, TrueFalse)]
    assert len(keys) >= 24 and 0.4 <= sum(keys) / len(keys) <= 0.6, (sum(keys), len(keys))
