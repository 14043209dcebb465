"""The flagship's "Trace it" chapter (book/trace.md) against the versions it quotes.

The excerpts of the other published versions of the Telegraph text are article files in
articles/versions/, each with its address in a "# Address:" comment. Every passage the chapter
quotes must stand word for word in the course copy or in one of those files; every file's address
and date must be cited in the chapter; and the comparisons the chapter shows must report the
changes its prose describes.
"""

from __future__ import annotations

import calendar
import re
from pathlib import Path

import pytest
import yaml

from helpers import COURSE_ARTICLE, ROOT
from medialit.ingest import load_article
from medialit.versions import ChangeKind, Comparison, RowStatus, compare_files

CHAPTER = ROOT / "book" / "trace.md"
VERSIONS = ROOT / "articles" / "versions"
COURSE_P1_P10 = VERSIONS / "course-copy-p1-p10.md"
COURSE_P1_P3 = VERSIONS / "course-copy-p1-p3.md"
IRISH = VERSIONS / "irish-independent-2023-02-11.md"
BETA = VERSIONS / "beta-briefing.md"
TEACHER_ONLY = re.compile(r"^(:{3,})\{teacher-only\}.*?^\1\s*$", re.M | re.S)
DIRECTIVE = re.compile(r"^```\{[^}]+\}.*?^```\s*$", re.M | re.S)
MONTHS = list(calendar.month_name)[1:]


def squash(text: str) -> str:
    return " ".join(text.split())


def student_text() -> str:
    """The chapter as the student edition shows it, without the computed blocks (their text is the files')."""
    return DIRECTIVE.sub("", TEACHER_ONLY.sub("", CHAPTER.read_text(encoding="utf-8")))


def version_files() -> list[Path]:
    return sorted(VERSIONS.glob("*.md"))


def front_matter(path: Path) -> dict[str, object]:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("\n---\n", 1)[0].removeprefix("---\n")) or {}


def address(path: Path) -> str:
    found = re.search(r"^# Address: (\S+)$", path.read_text(encoding="utf-8"), re.M)
    assert found, f"{path.name} has no '# Address:' line"
    return found[1]


def quotable_texts() -> list[str]:
    """What the chapter may quote: the course copy, and each version's headline, byline and paragraphs."""
    texts = [squash(COURSE_ARTICLE.read_text(encoding="utf-8"))]
    for path in version_files():
        article = load_article(path)
        texts += [squash(value) for value in (article.headline, article.byline) if value]
        texts += [squash(paragraph.text) for paragraph in article.paragraphs]
    return texts


def quoted_passages(text: str) -> list[str]:
    """Passages in curly double quotes, and block quotes (lines starting "> ")."""
    curly = [squash(found) for found in re.findall(r"“([^”]+)”", text)]
    blocks = [squash(line[2:]) for line in text.splitlines() if line.startswith("> ")]
    return curly + blocks


@pytest.fixture(scope="module")
def irish() -> Comparison:
    return compare_files(COURSE_P1_P10, IRISH)


@pytest.fixture(scope="module")
def beta() -> Comparison:
    return compare_files(COURSE_P1_P3, BETA)


# The quotations and their sources


def test_every_quoted_passage_stands_word_for_word_in_the_course_copy_or_a_version() -> None:
    texts = quotable_texts()
    passages = quoted_passages(student_text())
    assert len(passages) >= 20
    missing = [passage for passage in passages if not any(passage in text for text in texts)]
    assert missing == []


def test_the_block_quotes_are_the_versions_own_sentences() -> None:
    """The two long quotations: the Irish Independent's P5 and Beta Briefing's sentence from P3."""
    blocks = [squash(line[2:]) for line in student_text().splitlines() if line.startswith("> ")]
    assert blocks[0] == squash(load_article(IRISH).paragraph(5).text)
    assert blocks[1] in squash(load_article(BETA).paragraph(2).text)
    assert blocks[1].startswith("She said the alleged preparations")


def test_each_course_copy_excerpt_is_the_course_copys_own_paragraphs_with_their_numbers() -> None:
    course = load_article(COURSE_ARTICLE)
    for path, last in ((COURSE_P1_P10, 10), (COURSE_P1_P3, 3)):
        excerpt = load_article(path)
        assert [p.text for p in excerpt.paragraphs] == [course.paragraph(n).text for n in range(1, last + 1)]
        assert excerpt.headline == course.headline and excerpt.subheadline == course.subheadline


def test_every_version_is_marked_as_an_excerpt_and_cited_with_its_address_and_date() -> None:
    chapter = squash(CHAPTER.read_text(encoding="utf-8"))
    references = squash((ROOT / "book" / "references" / "trace.md").read_text(encoding="utf-8"))
    for path in version_files():
        text = path.read_text(encoding="utf-8")
        assert "# Excerpt:" in text and "quoted for teaching" in text, path.name
        where = address(path)
        assert where in chapter, f"{path.name}: {where} is not cited in the chapter"
        assert where in references, f"{path.name}: {where} is not in the chapter's references"
        date = front_matter(path).get("date")
        if date is None:
            continue
        long_forms = (f"{date.day} {MONTHS[date.month - 1]} {date.year}", f"{MONTHS[date.month - 1]} {date.day}, {date.year}")
        assert any(form in chapter for form in long_forms), f"{path.name}: its date {date} is not in the chapter"


def test_versions_without_a_date_say_so_in_the_chapter() -> None:
    chapter = squash(student_text())
    undated = [path for path in version_files() if front_matter(path).get("date") is None]
    assert {path.name for path in undated} == {"beta-briefing.md", "pentapostagma.md"}
    assert "the page shows no date, headline or byline of its own" in chapter
    assert "no date on the page" in chapter


# What the comparisons report, against what the prose says


def test_the_irish_independent_comparison_pairs_every_paragraph_with_its_number(irish: Comparison) -> None:
    assert [(row.a, row.b, row.status) for row in irish.rows] == [(n, n, RowStatus.EDITED) for n in range(1, 11)]


def test_the_headline_and_the_byline_differ(irish: Comparison) -> None:
    assert [(c.a_text, c.b_text) for c in irish.of_kind(ChangeKind.BYLINE)] == [(None, "Nick Squires")]
    [headline] = irish.of_kind(ChangeKind.HEADLINE)
    assert headline.b_text is not None and headline.b_text.startswith("‘It’s just like the Crimea invasion’")


def edits(comparison: Comparison, paragraph: int) -> list[tuple[str | None, str | None]]:
    [row] = [row for row in comparison.rows if row.a == paragraph]
    return [(edit.a_text, edit.b_text) for edit in row.edits]


def test_the_word_changes_the_chapter_discusses(irish: Comparison) -> None:
    assert ("working with", "helping") in edits(irish, 1)
    assert ("on Friday", "yesterday") in edits(irish, 1)
    assert ("in an interview with The Telegraph", "") in edits(irish, 2)
    assert ("Moscow", "Kyiv") in edits(irish, 3)


def test_told_and_claimed_become_said_and_she_added_is_added(irish: Comparison) -> None:
    verbs = [(c.a_paragraph, c.a_text, c.b_text) for c in irish.of_kind(ChangeKind.VERB_CHANGED)]
    assert verbs == [(4, "told", "said"), (10, "claimed", "said")]
    [added] = irish.of_kind(ChangeKind.VERB_ADDED)
    assert (added.a_paragraph, added.b_text) == (5, "added")
    assert irish.of_kind(ChangeKind.SPEAKER_CHANGED) == []


def test_beta_briefing_puts_the_journalists_p3_in_the_presidents_mouth(beta: Comparison) -> None:
    [moved] = beta.of_kind(ChangeKind.JOURNALIST_TO_QUOTE)
    assert (moved.a_paragraph, moved.b_paragraph) == (3, 2)
    assert "Osmani" in moved.detail
    assert {(c.a_paragraph, c.b_paragraph) for c in beta.of_kind(ChangeKind.QUOTES_ADDED)} == {(3, 2)}
    assert [(c.a_paragraph, c.b_text) for c in beta.of_kind(ChangeKind.HEDGE_ADDED)] == [(3, "potential")]
    rows = {(row.a, row.b): row.status for row in beta.rows}
    assert rows[(1, None)] is rows[(2, None)] is RowStatus.DROPPED
    assert rows[(None, 1)] is RowStatus.ADDED


def test_the_chapter_compares_the_files_the_tests_check() -> None:
    text = CHAPTER.read_text(encoding="utf-8")
    shown = re.findall(r"^```\{versions-compare\} (\S+) (\S+)$", text, re.M)
    assert shown == [
        ("/articles/versions/course-copy-p1-p10.md", "/articles/versions/irish-independent-2023-02-11.md"),
        ("/articles/versions/course-copy-p1-p10.md", "/articles/versions/irish-independent-2023-02-11.md"),
        ("/articles/versions/course-copy-p1-p3.md", "/articles/versions/beta-briefing.md"),
    ]
    first, second = text.index(":show: texts"), text.index("{dropdown} Open the comparison (after")
    assert first < second, "the plain texts come before the comparison, which stays closed until opened"


# The chapter in the course


def test_the_chapter_and_its_quiz_are_in_the_toc_between_the_crimea_analogy_and_the_capstone() -> None:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    chapters = [chapter for part in toc["parts"] for chapter in part["chapters"]]
    files = [chapter["file"] for chapter in chapters]
    at = files.index("book/trace")
    assert files[at - 1] == "book/crimea-analogy" and files[at + 1] == "book/capstone"
    assert chapters[at]["sections"] == [{"file": "exercises/trace-quiz"}]


def test_the_quiz_link_and_the_question_count_agree() -> None:
    bank = yaml.safe_load((ROOT / "exercises" / "trace.yml").read_text(encoding="utf-8"))
    text = student_text()
    assert "{doc}`../exercises/trace-quiz`: seven questions" in text
    assert len(bank["questions"]) == 7
    assert "Seven questions" in (ROOT / "exercises" / "trace-quiz.ipynb").read_text(encoding="utf-8")
