"""Reading the course article, and refusing files that are not articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from medialit import ArticleError, load_article
from medialit.article import BoilerplateKind
from medialit.ingest import MAX_BYTES

COURSE_ARTICLE = Path(__file__).resolve().parents[2] / "articles" / "wagner-kosovo-telegraph-2023.txt"


@pytest.fixture(scope="module")
def article():
    return load_article(COURSE_ARTICLE)


def test_headline_and_subheadline_are_the_republished_ones(article) -> None:
    assert article.headline == "Wagner Group helping Serbia prepare attack on Kosovo"
    assert article.subheadline == (
        "Wagner mercenaries helping Serbia prepare potential attack on our nation, Kosovan president warns"
    )


def test_provenance_is_read_from_the_page(article) -> None:
    provenance = article.provenance
    assert provenance.original_publisher == "The Telegraph"
    assert provenance.original_date == dt.date(2023, 2, 11)
    assert provenance.republisher == "Genocide Watch"
    assert provenance.rights == "© Telegraph Media Group Limited 2023"


def test_the_page_shows_no_byline(article) -> None:
    assert article.byline is None


def test_body_has_49_numbered_paragraphs_in_order(article) -> None:
    assert [p.n for p in article.paragraphs] == list(range(1, 50))
    assert article.paragraph(1).text.startswith("Mercenaries from Russia's notorious Wagner Group")
    assert article.paragraph(16).text == (
        "Serbia has denied that mercenaries from the Wagner Group have had any role in the standoff with Kosovo."
    )
    assert article.paragraph(49).text == (
        "“But if KFOR left Kosovo, Serbia would move in within hours. And the Russians would help them.”"
    )
    assert article.paragraph(13).label == "P13"


def test_paragraph_text_is_verbatim(article) -> None:
    """Is every paragraph an exact line of the source file, quotes and apostrophes untouched?"""
    source_lines = set(COURSE_ARTICLE.read_text(encoding="utf-8").splitlines())
    for paragraph in article.paragraphs:
        assert paragraph.text in source_lines, paragraph.label
    assert "I don't think" in article.paragraph(18).text  # straight apostrophe, as printed
    assert 'the word "Wagner"' in article.paragraph(27).text


def test_captions_are_not_paragraphs_and_keep_their_credit(article) -> None:
    assert len(article.captions) == 4
    assert {c.credit for c in article.captions} == {"Heathcliff O'Malley"}
    assert [c.after_paragraph for c in article.captions] == [0, 14, 38, 46]
    assert article.captions[2].text == "Pro Putin billboard"
    assert all("CREDIT" not in p.text for p in article.paragraphs)
    assert article.photographers == ("Heathcliff O'Malley",)


def test_site_furniture_is_removed_and_recorded(article) -> None:
    body = " ".join(p.text for p in article.paragraphs)
    for furniture in ("top of page", "bottom of page", "Follow Genocide Watch", "Facebook Icon", "©"):
        assert furniture not in body
    kinds = [line.kind for line in article.removed]
    assert kinds.count(BoilerplateKind.SOCIAL) == 3
    assert kinds.count(BoilerplateKind.NAVIGATION) == 2
    assert kinds.count(BoilerplateKind.FOLLOW_PROMPT) == 1
    assert article.removed[0].line == 1


def test_asking_for_a_paragraph_out_of_range_names_the_range(article) -> None:
    with pytest.raises(IndexError, match="P1-P49; no P50"):
        article.paragraph(50)


def test_a_sentence_mentioning_facebook_is_not_furniture(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Headline here\n\nFacebook said on Monday that it would act.\n\nFacebook\n", encoding="utf-8")
    article = load_article(path)
    assert [p.text for p in article.paragraphs] == ["Facebook said on Monday that it would act."]


def test_a_byline_is_read_when_the_page_shows_one(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Storm hits coast\n\nBy Jane Smith, Science Editor\n\nThe storm arrived at dawn.\n", encoding="utf-8")
    article = load_article(path)
    assert article.byline == "Jane Smith"
    assert article.subheadline is None
    assert article.paragraphs[0].text == "The storm arrived at dawn."


def test_wrapped_lines_are_joined_into_one_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("A headline\n\nFirst line of a paragraph\nthat wraps here.\n\nSecond one.\n", encoding="utf-8")
    article = load_article(path)
    assert [p.text for p in article.paragraphs] == ["First line of a paragraph that wraps here.", "Second one."]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"   \n\n  \t\n", "is empty"),
        (b"Headline\n\x00\x01\x02binary", "binary file"),
        (b"Headline\n\nCaf\xe9 au lait.\n", "not UTF-8"),
        (b"top of page\n\nbottom of page\n", "no article text"),
        (b"Share this:\nLeave a Reply\n\xc2\xa9 Example 2024\nGetty Images\n", "no article text"),
    ],
    ids=["empty", "blank", "binary", "latin-1", "only-furniture", "furniture-provenance-credit"],
)
def test_bad_files_raise_one_clear_error_naming_the_file(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad-article.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=message) as raised:
        load_article(path)
    assert str(raised.value).startswith(str(path))


def test_undecodable_byte_is_located_by_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Headline\n\nFine.\n\nCaf\xe9.\n")
    with pytest.raises(ArticleError) as raised:
        load_article(path)
    assert raised.value.line == 5
    assert str(raised.value).startswith(f"{path}:5: ")


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Headline\n\n" + b"word " * (MAX_BYTES // 5 + 1))
    with pytest.raises(ArticleError, match="at most"):
        load_article(path)


def test_missing_file_and_directory_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="is a directory"):
        load_article(tmp_path)


def test_windows_line_endings_and_bom_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffHeadline\r\n\r\nBody one.\r\n\r\nBody two.\r\n".encode())
    article = load_article(path)
    assert article.headline == "Headline"
    assert [p.text for p in article.paragraphs] == ["Body one.", "Body two."]
