"""Real pasted pages: read, never refused for their shape; furniture removed with its reason; provenance kept apart.

Fixtures in tests/fixtures/articles/pasted/ (written for these tests, in the shape real pastes
have): a paste with one paragraph per line, a wire story without a headline, and a page with every
kind of furniture the reader knows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from medialit import ArticleError, load_article
from medialit.article import NO_HEADLINE_NOTE, Article, BoilerplateKind, LineRole
from medialit.ingest.body import HEADLINE_GIVEN_NOTE, REPLACED_DETAIL
from medialit.ingest.boilerplate import PATTERNS, classify, markdown_table
from medialit.ingest.lines import byline, caption_line, contributor_names, credit_line, dateline, provenance_line
from medialit.ingest.plain_text import ONE_PER_LINE_NOTE

ROOT = Path(__file__).resolve().parents[2]
PASTED = ROOT / "tests" / "fixtures" / "articles" / "pasted"


def write(tmp_path: Path, text: str, name: str = "a.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def texts(article: Article) -> list[str]:
    return [p.text for p in article.paragraphs]


# --- never refused for its shape --------------------------------------------------------------------


def test_a_paste_with_no_headline_is_read_with_headline_none_and_a_note() -> None:
    """Is a wire paste that starts with its first paragraph read, the headline None and a note saying how to give one?"""
    article = load_article(PASTED / "wire-paste-no-headline.txt")
    assert article.headline is None
    assert NO_HEADLINE_NOTE in article.notes
    assert "--headline TEXT" in NO_HEADLINE_NOTE
    assert texts(article)[0].startswith("BUTTE, Mont. (AP) — A judge in Montana")
    assert len(article.paragraphs) == 4


def test_a_long_first_line_is_the_first_paragraph_not_an_error(tmp_path: Path) -> None:
    """Is a first line too long to be a headline read as P1 (it used to be refused)?"""
    first = "The storm " + "moved slowly along the coast and " * 12 + "arrived at dawn."
    article = load_article(write(tmp_path, f"{first}\n\nIt left at noon.\n"))
    assert article.headline is None
    assert texts(article) == [first, "It left at noon."]


def test_a_first_line_that_is_a_sentence_is_the_first_paragraph(tmp_path: Path) -> None:
    """Is a short first line ending with a full stop P1, not a headline (headlines have no full stop)?"""
    article = load_article(write(tmp_path, "The storm arrived at dawn.\n\nIt left at noon.\n"))
    assert article.headline is None
    assert texts(article) == ["The storm arrived at dawn.", "It left at noon."]


def test_a_single_line_of_text_is_read_as_one_paragraph(tmp_path: Path) -> None:
    """Is a file with one short line read (P1, no headline) rather than refused for having no body?"""
    article = load_article(write(tmp_path, "Only a headline\n"))
    assert article.headline is None
    assert texts(article) == ["Only a headline"]


def test_a_paste_with_one_paragraph_per_line_is_read_as_one_paragraph_per_line() -> None:
    """Is a paste with no blank lines read one paragraph per line, with the furniture lines between them removed?"""
    article = load_article(PASTED / "one-paragraph-per-line.txt")
    assert article.headline == "Council votes to keep the night bus running"
    assert article.byline == "Priya Anand"
    assert [p.text[:40] for p in article.paragraphs] == [
        "The city council voted 9-4 on Monday to ",
        "Councillor Dev Mistry, who proposed the ",
        "“This is not a luxury route. It is how t",
        "The transport authority said the route c",
    ]
    assert [p.line for p in article.paragraphs] == [4, 6, 7, 10]
    assert ONE_PER_LINE_NOTE in article.notes
    assert article.provenance.contributors == ("News Wire Services",)
    assert article.provenance.original_date == dt.date(2024, 3, 4)


def test_a_paste_with_blank_lines_still_joins_wrapped_lines(tmp_path: Path) -> None:
    """With blank lines in the paste, are wrapped lines inside a block still joined into one paragraph?"""
    article = load_article(write(tmp_path, "A headline\n\nFirst line of a paragraph\nthat wraps here.\n\nSecond one.\n"))
    assert texts(article) == ["First line of a paragraph that wraps here.", "Second one."]
    assert ONE_PER_LINE_NOTE not in article.notes


def test_pasted_text_is_kept_verbatim_no_break_spaces_and_all(tmp_path: Path) -> None:
    """Does a paragraph keep its no-break spaces and double spaces as pasted (the course quotes it verbatim)?"""
    line = "Dr.\u00a0Ingrid Solberg said  the risk was small."
    article = load_article(write(tmp_path, f"Headline\n\n{line}\n"))
    assert texts(article) == [line]


def test_only_furniture_and_provenance_is_refused_with_one_error_naming_the_file(tmp_path: Path) -> None:
    """Is a paste with no article text at all refused with one ArticleError naming the file?"""
    path = write(tmp_path, "Share this:\nLeave a Reply\n© Example 2024\nAdvertisement\n")
    with pytest.raises(ArticleError, match="no article text") as raised:
        load_article(path)
    assert str(raised.value).startswith(str(path))


# --- --headline --------------------------------------------------------------------------------------


def test_a_headline_given_is_used_when_the_text_has_none() -> None:
    """Does load_article(path, headline=…) give a headline to a paste without one, with a note saying so?"""
    article = load_article(PASTED / "wire-paste-no-headline.txt", headline="Judge blocks polling-place closures")
    assert article.headline == "Judge blocks polling-place closures"
    assert HEADLINE_GIVEN_NOTE in article.notes
    assert NO_HEADLINE_NOTE not in article.notes
    assert texts(article)[0].startswith("BUTTE, Mont.")


def test_a_headline_given_replaces_the_one_found_and_the_parse_says_so(tmp_path: Path) -> None:
    """Does a headline given replace the text's own, which the parse record marks as replaced, not a paragraph?"""
    article = load_article(write(tmp_path, "Wrong headline\n\nBody text here.\n"), headline="Right headline")
    assert article.headline == "Right headline"
    assert texts(article) == ["Body text here."]
    [first] = [p for p in article.parse if p.line == 1]
    assert (first.role, first.detail) == (LineRole.HEADLINE, REPLACED_DETAIL)


# --- furniture ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("row", PATTERNS, ids=[row.example for row in PATTERNS])
def test_every_furniture_pattern_removes_its_own_example(row) -> None:
    """Does each row of the furniture table match its example, and classify it as the row's kind?"""
    assert classify(row.example) is row.kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("18.4 C Thursday, May 26, 2022", BoilerplateKind.WIDGET),
        ("Must read", BoilerplateKind.PROMOTION),
        ("Advertisement", BoilerplateKind.ADVERTISEMENT),
        ("Story continues below advertisement", BoilerplateKind.ADVERTISEMENT),
        ("Latest articles", BoilerplateKind.PROMOTION),
        ("Related:", BoilerplateKind.PROMOTION),
        ("READ MORE: Storm closes the coast road again", BoilerplateKind.PROMOTION),
        ("Please enter your comment!", BoilerplateKind.COMMENTS),
        ("Please enter your name here", BoilerplateKind.COMMENTS),
        ("You have entered an incorrect email address!", BoilerplateKind.COMMENTS),
        ("Leave a Reply", BoilerplateKind.COMMENTS),
        ("12 comments", BoilerplateKind.COMMENTS),
        ("(More Montana stories.)", BoilerplateKind.PROMOTION),
        ("Abstract/Full Text (subscription or payment may be required)", BoilerplateKind.SOURCE_LINK),
        ("Share this:", BoilerplateKind.SOCIAL),
        ("Click to share on Facebook (Opens in new window)", BoilerplateKind.SOCIAL),
        ("Follow us on Instagram", BoilerplateKind.FOLLOW_PROMPT),
        ("Source link", BoilerplateKind.SOURCE_LINK),
        ("Published 2 hours ago", BoilerplateKind.TIMESTAMP),
        ("Updated 3:14 PM EDT, August 3, 2023", BoilerplateKind.TIMESTAMP),
        ("May 26, 2022 at 6:42 PM", BoilerplateKind.TIMESTAMP),
        ("21 May 2024, 14:05 GMT", BoilerplateKind.TIMESTAMP),
        ("Watch Live", BoilerplateKind.NAVIGATION),
        ("Sign up for our newsletter", BoilerplateKind.FOLLOW_PROMPT),
        ("By |", BoilerplateKind.EMPTY_BYLINE),
        ("Subscribe", BoilerplateKind.SUBSCRIPTION),
        ("___", BoilerplateKind.SEPARATOR),
    ],
)
def test_the_furniture_of_real_pages_is_recognised_with_its_kind(line: str, kind: BoilerplateKind) -> None:
    """Is each line of furniture issue 13 found on real pages removed, with its kind?"""
    assert classify(line) is kind


@pytest.mark.parametrize(
    "line",
    [
        "Facebook said on Monday that it would act.",
        "The advertisement was pulled after complaints.",
        "UK hits 40C for the first time",
        "5 F-16 jets arrived at the base.",
        "More from the ministry is expected on Friday.",
        "By 2030 the plan will cost more.",
        "Comments from residents were mostly angry.",
        "Share prices fell 4% on Tuesday.",
    ],
)
def test_a_sentence_that_mentions_furniture_words_is_not_furniture(line: str) -> None:
    """Is a whole sentence that merely contains a furniture word ("Facebook", "advertisement", "Share") kept?"""
    assert classify(line) is None


def test_every_kind_of_furniture_is_removed_from_a_page_and_recorded_with_its_kind() -> None:
    """Is every furniture line of a page full of it removed, recorded with its kind, and none of it a paragraph?"""
    article = load_article(PASTED / "furniture-everywhere.txt")
    assert article.headline == "Harbour wall repairs finish a month early"
    assert article.subheadline == "Engineers say the new wall will last 50 years"
    assert article.byline == "Jane Roe"
    assert [p.text[:30] for p in article.paragraphs] == [
        "Repairs to the harbour wall at",
        "The work cost £3.1 million, ab",
        "Facebook said on Monday that i",
    ]
    kinds = {str(line.kind) for line in article.removed}
    assert kinds >= {"navigation", "widget", "promo", "timestamp", "social", "follow-prompt", "advert", "source-link"}
    assert kinds >= {"empty-byline", "comment", "editors-note", "copyright"}
    source = (PASTED / "furniture-everywhere.txt").read_text(encoding="utf-8").splitlines()
    accounted = {p.line for p in article.parse}
    assert accounted == {number for number, line in enumerate(source, start=1) if line.strip()}


def test_a_menu_pasted_one_link_per_line_is_navigation(tmp_path: Path) -> None:
    """Is a column of short menu links ("Living Well", "Physician's Briefing") navigation, not the headline?"""
    menu = "News\nLiving Well\nPhysician's Briefing\nNewsletters"
    text = f"Skip to main content\n\n{menu}\n\nNight shifts linked to glaucoma\n\nBody.\n"
    article = load_article(write(tmp_path, text))
    assert article.headline == "Night shifts linked to glaucoma"
    assert {line.text for line in article.removed} >= {"Living Well", "Physician's Briefing"}


def test_the_site_name_on_its_own_line_is_navigation(tmp_path: Path) -> None:
    """Is a line that is only the site's name (as its copyright line gives it) its logo, not the headline?"""
    text = "HealthDay\n\nNight shifts linked to glaucoma\n\nBody text.\n\nCopyright © 2023 HealthDay. All rights reserved.\n"
    article = load_article(write(tmp_path, text))
    assert article.headline == "Night shifts linked to glaucoma"
    assert article.removed[0].text == "HealthDay" and article.removed[0].kind is BoilerplateKind.NAVIGATION
    assert article.provenance.original_publisher == "HealthDay"


def test_headlines_listed_under_a_promotion_label_are_not_paragraphs(tmp_path: Path) -> None:
    """Are the other stories' headlines under "Latest articles" removed as promotion, not read as paragraphs?"""
    text = "Headline\n\nThe body says something.\n\nLatest articles\n\nGrain ship leaves port\n\nCourt jails blogger\n"
    article = load_article(write(tmp_path, text))
    assert texts(article) == ["The body says something."]
    assert [(line.text, line.kind) for line in article.removed][-2:] == [
        ("Grain ship leaves port", BoilerplateKind.PROMOTION),
        ("Court jails blogger", BoilerplateKind.PROMOTION),
    ]


def test_furniture_table_in_the_docs_is_the_one_in_the_code() -> None:
    """Does docs/analysis.md hold the furniture table exactly as the code generates it (kinds, descriptions, examples)?"""
    docs = (ROOT / "docs" / "analysis.md").read_text(encoding="utf-8")
    assert markdown_table() in docs


def test_every_boilerplate_kind_has_a_description_in_the_table() -> None:
    """Does every BoilerplateKind have a docstring the documentation's table is made from?"""
    table = markdown_table()
    for kind in BoilerplateKind:
        assert f"| `{kind.value}` | " in table


# --- provenance, bylines, datelines, captions ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "name", "agency", "date"),
    [
        ("By Jane Roe | Published May 26, 2022 at 6:42 PM", "Jane Roe", None, dt.date(2022, 5, 26)),
        ("By Ann Lee and Bo Kim Associated Press", "Ann Lee and Bo Kim", "Associated Press", None),
        ("By ANN LEE, Associated Press", "ANN LEE", "Associated Press", None),
        ("By Jane Smith, Science Editor", "Jane Smith", None, None),
        ("By Carla Mendel HealthDay Reporter", "Carla Mendel", None, None),
        ("By Ann Lee, Bo Kim and Cy Dee", "Ann Lee, Bo Kim and Cy Dee", None, None),
    ],
)
def test_a_byline_gives_names_agency_and_date(line: str, name: str, agency: str | None, date: dt.date | None) -> None:
    """Does a byline give the names as printed, the agency and the date, apart from one another?"""
    found = byline(line)
    assert found is not None
    assert (found.name, found.agency, found.date) == (name, agency, date)


@pytest.mark.parametrize("line", ["By Monday, the storm had passed.", "By 2030 the plan will cost more.", "By |"])
def test_a_sentence_or_an_empty_template_starting_with_by_is_not_a_byline(line: str) -> None:
    """Is a sentence that starts with "By" (or an empty "By |") not read as a byline?"""
    assert byline(line) is None


@pytest.mark.parametrize(
    ("paragraph", "place", "agency"),
    [
        ("BUTTE, Mont. (AP) — A judge ruled.", "BUTTE, Mont.", "AP"),
        ("WASHINGTON (Reuters) - The U.S. said", "WASHINGTON", "Reuters"),
        ("LONDON — The mayor said", "LONDON", None),
        ("(CNN) — A storm hit", None, "CNN"),
        ("FRIDAY, Feb. 10, 2023 (HealthDay News) -- People who", None, "HealthDay News"),
    ],
)
def test_a_dateline_at_the_start_of_p1_gives_its_place_and_agency(paragraph: str, place: str | None, agency: str) -> None:
    """Is a dateline's place (None for a weekday-and-date dateline) and agency read, the paragraph itself unchanged?"""
    found = dateline(paragraph)
    assert found is not None
    assert (found.place, found.agency) == (place, agency)


@pytest.mark.parametrize("paragraph", ["U.S. officials said — on Monday", "BBC-led project began", "The plan — a bold one"])
def test_text_that_only_looks_like_a_dateline_is_not_one(paragraph: str) -> None:
    """Is a paragraph without a capitals place and a spaced dash not given a dateline?"""
    assert dateline(paragraph) is None


def test_the_dateline_is_recorded_and_p1_keeps_it_verbatim() -> None:
    """Is P1's dateline recorded (place in Article.dateline, agency in provenance) while P1's text keeps it?"""
    article = load_article(PASTED / "wire-paste-no-headline.txt")
    assert article.dateline == "BUTTE, Mont."
    assert article.provenance.agency == "AP"
    assert article.paragraph(1).text.startswith("BUTTE, Mont. (AP) — ")


@pytest.mark.parametrize(
    ("line", "text", "credit"),
    [
        ("A voter leaves. (Jane Roe/The Example Standard via AP)", "A voter leaves.", "Jane Roe/The Example Standard via AP"),
        ("Protesters march (AP Photo/Evan Vucci)", "Protesters march", "AP Photo/Evan Vucci"),
        ("Goat by the fence. (Jenna Kowal / CHNV News)", "Goat by the fence.", "Jenna Kowal / CHNV News"),
        ("Pro Putin billboard | CREDIT: Heathcliff O'Malley", "Pro Putin billboard", "Heathcliff O'Malley"),
        ("Sandbags outside. Photograph: Ana Ruiz", "Sandbags outside.", "Ana Ruiz"),
    ],
)
def test_a_caption_ending_in_its_credit_is_split_into_caption_and_credit(line: str, text: str, credit: str) -> None:
    """Is a caption with a bracketed or labelled credit read as its text and its credit?"""
    found = caption_line(line)
    assert found is not None and (found.text, found.credit) == (text, credit)


@pytest.mark.parametrize("line", ["He said it was fine. (Reuters)", "The deal was split 50/50 (50/50).", "It was a (rare) win."])
def test_a_sentence_ending_in_brackets_is_not_a_caption(line: str) -> None:
    """Is a paragraph ending in an ordinary bracket (not a photo credit) kept as text?"""
    assert caption_line(line) is None


@pytest.mark.parametrize(
    "line", ["Getty Images", "AFP via Getty Images", "(AP Photo/Evan Vucci)", "Photo: Jane Roe", "CREDIT: Tom Reed"]
)
def test_a_line_that_is_only_a_credit_is_a_credit(line: str) -> None:
    """Is a line that is nothing but a photo credit read as a credit?"""
    assert credit_line(line) is not None


def test_a_credit_line_under_text_makes_that_text_its_caption() -> None:
    """With "Getty Images" on the line right under some text, is that text a caption with that credit, not a paragraph?"""
    article = load_article(PASTED / "wire-paste-no-headline.txt")
    assert [(c.text, c.credit, c.after_paragraph) for c in article.captions] == [
        ("A voter leaves a polling place in Butte, Mont., on Tuesday, May 24, 2022.", "Jane Roe/The Example Standard via AP", 2),
        ("A sign points the way to a polling place outside Helena.", "Getty Images", 4),
    ]
    assert not any("polling place outside Helena" in text for text in texts(article))


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Associated Press writer Samuel Ortiz in Helena, Mont., contributed to this report.", ("Samuel Ortiz",)),
        ("With News Wire Services", ("News Wire Services",)),
        ("Reporting by Jane Roe; Editing by Bo Kim", ("Jane Roe", "Bo Kim")),
        ("Ann Lee and Bo Kim contributed reporting.", ("Ann Lee", "Bo Kim")),
    ],
)
def test_contributor_lines_give_the_contributors_names(line: str, names: tuple[str, ...]) -> None:
    """Is each contributor line read as provenance, with the contributors' names?"""
    assert provenance_line(line) is not None
    assert contributor_names(line) == names


def test_provenance_lines_are_provenance_and_removed_never_paragraphs() -> None:
    """Are the contributor, editor's note, SOURCE and copyright lines read into provenance, recorded, and not paragraphs?"""
    article = load_article(PASTED / "furniture-everywhere.txt")
    provenance = article.provenance
    assert provenance.editors_note == "This story was updated to correct the cost of the work."
    assert provenance.source_note == "SOURCE: Eastcliff Town Council"
    assert provenance.rights == "© 2022 The Eastcliff Courier. All rights reserved."
    assert provenance.original_publisher == "The Eastcliff Courier"
    assert provenance.original_date == dt.date(2022, 5, 26)
    kinds = {line.text: line.kind for line in article.removed}
    assert kinds["SOURCE: Eastcliff Town Council"] is BoilerplateKind.SOURCE_LINK
    assert kinds["© 2022 The Eastcliff Courier. All rights reserved."] is BoilerplateKind.COPYRIGHT
    assert not any(text.startswith(("Editor's note", "SOURCE", "©")) for text in texts(article))


def test_the_weather_widgets_date_is_never_the_articles_date(tmp_path: Path) -> None:
    """Does a widget's "today" stay out of the provenance, while a timestamp line's date is the article's date?"""
    article = load_article(write(tmp_path, "18.4 C Thursday, May 26, 2022\n\nHeadline\n\nBody text.\n"))
    assert article.provenance.original_date is None
    article = load_article(write(tmp_path, "Headline\n\n21 May 2024, 14:05 GMT\n\nUpdated 22 May 2024\n\nBody text.\n", "b.txt"))
    assert article.provenance.original_date == dt.date(2024, 5, 21)


def test_a_story_first_reported_elsewhere_is_relayed_from_that_outlet(tmp_path: Path) -> None:
    """When the body says the news was first reported by another outlet, is that outlet the relay?"""
    article = load_article(
        write(tmp_path, "Headline\n\nThe deal will be blocked. The decision was first reported by CBS News.\n")
    )
    assert article.provenance.relayed_from == "CBS News"


# --- the record of the parse ------------------------------------------------------------------------------------


def test_the_parse_record_names_every_non_blank_line_once_with_its_role() -> None:
    """Does Article.parse give each non-blank line of the paste once, with what it was read as, in file order?"""
    article = load_article(PASTED / "wire-paste-no-headline.txt")
    readings = [(p.lines, p.reading) for p in article.parse]
    assert readings[:4] == [
        ("1", "removed: widget"),
        ("3", "removed: promo"),
        ("5", "P1; dateline: BUTTE, Mont. (AP) —"),
        ("7", "P2"),
    ]
    assert ("15", "caption (credit: Getty Images)") in readings
    assert ("16", "credit (Getty Images)") in readings
    assert ("18", "provenance: contributors") in readings
    assert [p.line for p in article.parse] == sorted(p.line for p in article.parse)


def test_a_title_then_one_paragraph_per_line_is_read_as_a_headline_and_paragraphs(tmp_path: Path) -> None:
    """Is a title-case first line with a full stop a headline, and are long sentence-ending lines after one blank line paragraphs?

    Some archives and copy tools give a title, one blank line, then every paragraph on a line of
    its own with no blank lines between them.
    """
    first = "Mayor Janet Kilbride said on Monday that the library would close for two years while its roof is rebuilt."
    second = "“We looked at every other option, and none of them kept the building safe,” she told the council meeting."
    third = "The closure will cost the town about $4 million, according to figures the council published in March."
    text = f"Town Library To Close For Two Years During Repairs.\n\n{first}\n{second}\n{third}\n"
    article = load_article(write(tmp_path, text))
    assert article.headline == "Town Library To Close For Two Years During Repairs."
    assert texts(article) == [first, second, third]


def test_a_hard_wrapped_paragraph_is_still_one_paragraph(tmp_path: Path) -> None:
    """Are the short lines of a paragraph wrapped at 70 characters joined, not read as paragraphs?"""
    text = (
        "Library to close for repairs\n\n"
        "The town library will close for two years while its roof is rebuilt,\n"
        "the mayor said on Monday. The work will start in the spring and the\n"
        "council will rent rooms in the school for the children's reading club.\n"
    )
    article = load_article(write(tmp_path, text))
    assert len(article.paragraphs) == 1
    assert article.paragraphs[0].text.startswith("The town library will close") and "reading club." in article.paragraphs[0].text
