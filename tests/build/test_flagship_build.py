"""The flagship course built for real with ``medialit build`` (jupyter-book -W -n --keep-going)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import COURSE_ARTICLE, ROOT, copy_course, toc_docnames
from medialit import BuildError, build_course, load_article
from medialit.errors import QuizError
from medialit.quiz import find_banks, load_bank
from medialit.quiz.model import MultipleSelect, SingleChoice, TrueFalse

pytestmark = pytest.mark.build


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_page_of_the_toc_is_built(built_site: Path) -> None:
    for docname in toc_docnames():
        assert (built_site / f"{docname}.html").is_file(), docname
    assert (built_site / "index.html").is_file()
    assert (built_site / "search.html").is_file()


def test_article_page_shows_every_paragraph_verbatim_with_its_number(built_site: Path) -> None:
    article = load_article(COURSE_ARTICLE)
    page = soup(built_site / "book" / "article.html")
    for paragraph in article.paragraphs:
        node = page.find(id=f"p{paragraph.n}")
        assert node is not None, paragraph.label
        number = node.find(class_="medialit-pnum")
        assert number.get_text() == paragraph.label
        assert node.get_text()[len(paragraph.label) + 1 :] == paragraph.text
    assert page.find(id=f"p{len(article.paragraphs) + 1}") is None


def test_captions_are_shown_as_captions_with_credits(built_site: Path) -> None:
    page = soup(built_site / "book" / "article.html")
    figures = page.select(".medialit-article figure figcaption")
    assert len(figures) == 4
    assert all("Credit: Heathcliff O'Malley" in f.get_text() for f in figures)
    assert "Pro Putin billboard" in figures[2].get_text()


def test_site_furniture_is_not_shown_as_article_text(built_site: Path) -> None:
    text = soup(built_site / "book" / "article.html").select_one(".medialit-article").get_text()
    for furniture in ("top of page", "bottom of page", "Follow Genocide Watch", "Facebook Icon", "YouTube"):
        assert furniture not in text


def test_provenance_box_names_publisher_republisher_photographer_and_missing_byline(built_site: Path) -> None:
    box = soup(built_site / "book" / "article.html").select_one(".medialit-provenance").get_text(" ")
    for fact in ("The Telegraph, 11 February 2023", "Genocide Watch", "Heathcliff O'Malley", "does not name the reporter"):
        assert fact in box
    assert "Wagner Group helping Serbia prepare attack on Kosovo" in box
    assert "Kosovan president warns" in box


def test_paragraph_labels_resolve_from_other_pages(built_site: Path) -> None:
    """Does {ref}`article-p2` on the how-to-use page link to the article's second paragraph?"""
    link = soup(built_site / "book" / "how-to-use.html").find("a", href=re.compile(r"article\.html#p2$"))
    assert link is not None and link.get_text() == "P2"


OUTSIDE = re.compile(r"^(?:https?:)?//", re.I)


def test_no_page_loads_anything_from_outside_the_site(built_site: Path) -> None:
    """A static check of every page; the browser suite checks what pages actually request."""
    pages = [p for p in built_site.rglob("*.html") if "_static" not in p.parts]
    assert len(pages) >= 6
    for page in pages:
        html = soup(page)
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")):
            for node in html.find_all(tag):
                value = node.get(attribute) or ""
                assert not OUTSIDE.match(value), f"{page.relative_to(built_site)}: <{tag} {attribute}={value}>"
        text = page.read_text(encoding="utf-8")
        for banned in ("thebe", "mathjax", "require.min.js", "html-manager", "googletagmanager"):
            assert banned not in text.lower(), f"{page.relative_to(built_site)} mentions {banned}"


def test_search_index_holds_the_article_text(built_site: Path) -> None:
    index = (built_site / "searchindex.js").read_text(encoding="utf-8")
    assert "osmani" in index and "carabinieri" in index


def test_a_failed_build_leaves_the_previous_site_as_it_was(tmp_path: Path) -> None:
    course = copy_course(tmp_path / "course")
    site = build_course(course)
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*.html")}

    # A broken cross-reference: jupyter-book fails under -W -n.
    (course / "book" / "how-to-use.md").write_text("# How to use\n\nSee {ref}`no-such-label`.\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"jupyter-book build of the student edition \(html\) failed") as failed:
        build_course(course)
    # The warning is repeated in the error with its file and line, and the whole log is kept.
    assert "  book/how-to-use.md:3: WARNING: undefined label: 'no-such-label'" in str(failed.value).splitlines()
    log = course / "_build" / "logs" / "student-html.log"
    assert f"The whole log is in {log}." in str(failed.value) and "no-such-label" in log.read_text(encoding="utf-8")
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*.html")}
    assert after == before
    assert not (site.parent / "html.new").exists()
    assert not (course / "_build" / ".staging" / "student-html").exists()

    # An empty article: the quiz banks citing it are refused before anything is built.
    (course / "articles" / "wagner-kosovo-telegraph-2023.txt").write_text("\n", encoding="utf-8")
    with pytest.raises(QuizError, match=r"article\.yml:.*the article cannot be read"):
        build_course(course)
    assert {p.relative_to(site): p.read_bytes() for p in site.rglob("*.html")} == before


def test_the_built_quizzes_do_not_teach_pick_the_first_option(built_site: Path) -> None:
    """In the site as students get it: at most half the choice questions show a right answer first,
    and the true/false keys are close to half true (the flagship's banks are the evidence)."""
    banks = {bank.id: bank for bank in (load_bank(path) for path in find_banks(ROOT / "exercises"))}
    choice = key_first = 0
    for page in sorted((built_site / "exercises").glob("*-quiz.html")):
        for section in soup(page).select("section.mlq-quiz"):
            data = json.loads(section.select_one("script.mlq-data").get_text())
            questions = {question.id: question for question in banks[data["id"]].questions}
            for element in section.select('.mlq-question[data-mlq-type="single"], .mlq-question[data-mlq-type="multiple"]'):
                question = questions[element["data-mlq-question"]]
                assert isinstance(question, SingleChoice | MultipleSelect)
                shown = [int(tag["value"]) for tag in element.select(".mlq-options input")]
                assert sorted(shown) == list(range(len(question.options)))
                choice += 1
                key_first += question.options[shown[0]].correct
    assert choice >= 30, "every choice question of the course quizzes was found"
    assert key_first <= choice / 2, f"{key_first} of {choice} choice questions show a right answer first"
    keys = [q.answer for bank in banks.values() for q in bank.questions if isinstance(q, TrueFalse)]
    assert 0.4 <= sum(keys) / len(keys) <= 0.6, f"{sum(keys)} of {len(keys)} true/false keys are True"


def test_quiz_pages_load_the_one_shared_engine_and_carry_none_inline(built_site: Path) -> None:
    """Every page with a quiz or the progress table links the same two minified files, which exist."""
    engine = sorted(path.name for path in (built_site / "_static").glob("medialit-quiz.*"))
    assert sorted(Path(name).suffix for name in engine) == [".css", ".js"]
    users = []
    for page in sorted(p for p in built_site.rglob("*.html") if "_static" not in p.parts):
        html = soup(page)
        assert html.select(".mlq-engine") == [], page.name
        linked = sorted(
            Path(node.get("src") or node.get("href") or "").name.split("?")[0]
            for node in html.select('script[src*="medialit-quiz."], link[href*="medialit-quiz."]')
        )
        if html.select("section.mlq-quiz, div.mlq-progress"):
            assert linked == engine, page.relative_to(built_site)
            users.append(page.relative_to(built_site).as_posix())
        else:
            assert linked == [], page.relative_to(built_site)
    assert "book/progress.html" in users and "exercises/article-quiz.html" in users
