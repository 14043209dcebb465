"""The flagship course's texts: errors found by a teacher's read of the student edition must not come back.

Each test names the error it guards against. Pages are read from book/*.md with the teacher-only
blocks taken out, which is what the student edition shows of them.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BOOK = ROOT / "book"
_TEACHER_ONLY = re.compile(r"^(:{3,})\{teacher-only\}.*?^\1\s*$", re.M | re.S)


def student_text(page: str) -> str:
    """A page's MyST source without its teacher-only blocks."""
    return _TEACHER_ONLY.sub("", (BOOK / page).read_text(encoding="utf-8"))


def student_pages() -> dict[str, str]:
    return {p.name: student_text(p.name) for p in sorted(BOOK.glob("*.md"))}


def test_the_article_page_says_exactly_what_the_copy_changes() -> None:
    """Is the claim that only the website's buttons were removed gone, and are the moved lines named?"""
    text = student_text("article.md")
    assert "Only the website's own buttons and links have been removed" not in text
    for line in ("Originally published by the Telegraph on February 11, 2023", "© Telegraph Media Group Limited 2023"):
        assert line in text
    assert "CREDIT:" in text and "Credit:" in text


def test_provenance_points_students_only_at_lines_their_copy_shows() -> None:
    """Does Provenance send readers to the box, not to lines "under the sub-headline" or "at the foot of the text"?"""
    text = student_text("provenance.md")
    assert "**Under the sub-headline:**" not in text and "**At the foot of the text:**" not in text
    assert "Every one of them ends\nwith the same credit: “CREDIT: Heathcliff O'Malley”" not in text
    assert "Moved from the page into this box" in text


def test_references_do_not_give_the_republished_headline_as_the_telegraphs_title() -> None:
    text = student_text("references.md")
    assert "The Telegraph (2023). *Wagner Group helping Serbia prepare attack on Kosovo*" not in text
    assert "not known from\n  this page" in text or "not known from this page" in " ".join(text.split())


def test_no_student_page_or_bank_says_serbia_denies_the_whole_claim() -> None:
    """P16 denies only that Wagner has had a role in the standoff, not the rest of P1's claim."""
    banks = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "exercises").glob("*.yml"))}
    for name, text in {**student_pages(), **banks}.items():
        flat = " ".join(text.split())
        for wrong in ("Serbia denies the claim", "Serbia **denies** the claim", "denied — Serbia", "denies the claims"):
            assert wrong not in flat, (name, wrong)


def test_the_claims_table_quotes_the_denial_beside_the_claim_it_meets() -> None:
    """Is P1 shown beside P16's own words (a denial of Wagner's role only), not marked "denied"?"""
    from medialit.analysis import analyze
    from medialit.analysis.findings import Support
    from medialit.ingest import load_article
    from medialit.sphinxext.analysis_directives import _denials

    analysis = analyze(load_article(ROOT / "articles" / "wagner-kosovo-telegraph-2023.txt"))
    first = next(c for c in analysis.evidence if c.paragraph == 1)
    assert str(Support.CONTESTED) == "a denial on the same subject"
    cell = _denials(analysis, first)
    assert not isinstance(cell, str)
    assert "Wagner Group have had any role in the standoff" in cell.astext() and cell.astext().startswith("Serbia, ")


def _known_cells(page: str) -> list[str]:
    """The first cell of each row of the known / unclear / presumed table on a page."""
    text = student_text(page)
    table = text[text.index("| Known | Unclear | Presumed |") :].split("\n\n")[0]
    return [row.split("|")[1] for row in table.splitlines()[2:]]


def test_the_known_column_agrees_with_the_verbs_table_and_the_agentless_passive() -> None:
    """Is P9's "threatened" (a verb that adds a judgement) and P8's "shots were fired" (no agent) kept out of *Known*?"""
    known = " ".join(_known_cells("crimea-analogy.md"))
    assert "shots were fired" not in known
    assert "president threatened" not in known
    unclear = student_text("crimea-analogy.md")
    assert "Who fired the shots" in unclear and "is the reporter's word" in unclear


def test_model_answers_keep_the_actor_p1_names() -> None:
    """Do model answers and summaries say "Serbian paramilitaries", as P1 does, not "Wagner is helping Serbia"?"""
    banks = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "exercises").glob("*.yml"))}
    for name, text in {**student_pages(), **banks, "framing.md (teacher)": (BOOK / "framing.md").read_text()}.items():
        flat = " ".join(text.split())
        for shift in ("Wagner is helping Serbia ", "Wagner helping Serbia prepare possible", "Wagner of helping Serbia"):
            assert shift not in flat, (name, shift)
    rubric = (ROOT / "exercises" / "framing.yml").read_text(encoding="utf-8")
    assert "Serbian paramilitaries), not simply Serbia" in rubric and "room for Serbia's denial" in rubric


def test_the_capstone_summary_cites_kfor_where_the_article_names_it() -> None:
    """P45 and P46 speak of "the international community" and "Nato", not KFOR."""
    text = " ".join((ROOT / "exercises" / "capstone.yml").read_text(encoding="utf-8").split())
    assert "KFOR troops are there (P17 to P19, P45, P46)" not in text
    assert "KFOR is in Kosovo (P17 to P19)" in text and "“against Nato” (P45, P46)" in text


def test_the_student_frame_table_fills_the_cause_cell_of_serbias_accusation() -> None:
    """The student edition once left the *cause* cell of Serbia's accusation (P38) blank."""
    text = student_text("framing.md")
    cause = next(line for line in text.splitlines() if line.startswith("| **Cause:**"))
    assert "(P38)" in cause.split("|")[4]


CHAPTERS = (
    "article.md",
    "provenance.md",
    "framing.md",
    "sourcing.md",
    "close-reading.md",
    "crimea-analogy.md",
    "trace.md",
    "capstone.md",
)
"""The flagship's chapters, in the order of the table of contents."""


def chapter_words(page: str) -> int:
    """A chapter's words as the how-to-use page says they are counted: its prose without teacher notes or computed tables."""
    text = student_text(page)
    text = re.sub(r"```\{[^}]+\}[^\n]*\n.*?^```", "", text, flags=re.M | re.S)  # a directive's options and data
    text = re.sub(r"\{(?:ref|doc|term)\}`([^`<]*)(?:<[^`]*>)?`", r"\1", text)
    text = re.sub(r"^\(.*\)=$", "", text, flags=re.M)
    return len(re.findall(r"[A-Za-z0-9][\w’'\-]*", text))


TIME = re.compile(r"\*\*Time needed\.\*\*.*?(\d+) to (\d+)(?: minutes)? to read .*?\(about ([\d,]+) words\)", re.S)


def test_chapter_reading_times_follow_their_word_counts() -> None:
    """Does each chapter's reading time match its word count at 150 to 200 words a minute (within 10%)?"""
    article_words = sum(len(line.split()) for line in _article_paragraphs())
    for page in CHAPTERS:
        found = TIME.search(student_text(page))
        assert found, page
        low, high, stated = int(found[1]), int(found[2]), int(found[3].replace(",", ""))
        words = chapter_words(page) + (article_words if page == "article.md" else 0)
        assert abs(stated - words) <= 0.1 * words, (page, stated, words)
        assert abs(low - words / 200) <= 2 and abs(high - words / 150) <= 2, (page, low, high, words)


def _article_paragraphs() -> list[str]:
    from medialit.ingest import load_article

    return [p.text for p in load_article(ROOT / "articles" / "wagner-kosovo-telegraph-2023.txt").paragraphs]


def test_the_index_promises_what_the_first_two_chapters_say() -> None:
    """The index once promised fifteen minutes for two chapters, one of which says 25."""
    assert "fifteen minutes" not in student_text("index.md")
    assert "150 to 200 words a minute" in student_text("how-to-use.md")


def test_self_learners_get_the_content_warning_and_no_page_sends_them_to_teacher_notes() -> None:
    """The warning for P42-P43 was teacher-only; a student page sent readers to an activity "in the teacher notes"."""
    article = student_text("article.md")
    assert "Content note" in article and "article-p42" in article and "article-p43" in article
    for name, text in student_pages().items():
        assert "in the teacher notes" not in " ".join(text.split()), name


def test_quiz_pages_hide_the_code_that_shows_the_quiz() -> None:
    """Students saw `from medialit.quiz import show_quiz` on every quiz page: the cell must be tagged remove-input."""
    import nbformat

    from medialit.notebooks import QUIZ_CELL_CODE, QUIZ_CELL_TAG, tag_quiz_cells

    for path in sorted((ROOT / "exercises").glob("*-quiz.ipynb")):
        cells = [c for c in nbformat.read(path, as_version=4).cells if "".join(c.source).startswith(QUIZ_CELL_CODE)]
        assert cells and all(QUIZ_CELL_TAG in c.metadata.get("tags", []) for c in cells), path.name
    fresh = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(QUIZ_CELL_CODE + '\n\nshow_quiz("x.yml")')])
    tag_quiz_cells(fresh)
    assert fresh.cells[0].metadata["tags"] == [QUIZ_CELL_TAG]


def test_chapter_parts_number_chapters_only_so_a_quiz_link_and_its_page_agree() -> None:
    """'4.8 Quiz' linked to a page numbered 4.10: sub-pages were numbered after the chapter's own sections."""
    for toc in (ROOT / "_toc.yml", ROOT / "src" / "medialit" / "generate" / "templates" / "_toc.yml.j2"):
        text = toc.read_text(encoding="utf-8")
        assert "numbered: true" not in text and "numbered: 1" in text, toc


def test_the_readme_gives_each_chapters_word_count() -> None:
    """The README's table of the flagship's chapters: every chapter listed, with its prose words as counted here."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| [^|]+ \| `book/([a-z-]+\.md)` \| ([\d,]+) \| (\d+) to (\d+) \|$", readme, re.M)
    assert {page for page, *_ in rows} == set(CHAPTERS)
    for page, words, low, high in rows:
        assert int(words.replace(",", "")) == chapter_words(page), page
        found = TIME.search(student_text(page))
        assert found and (found[1], found[2]) == (low, high), page
