"""Reading articles written as Markdown with front matter or saved as HTML, beside pasted text.

``tests/fixtures/articles/formats/flood.{txt,md,html}`` hold the same short article in the three
formats; the formats must agree on everything the article says.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from medialit import ArticleError, load_article
from medialit.article import NO_HEADLINE_NOTE, Article, BoilerplateKind, Caption
from medialit.ingest.markdown_text import reduce_inline

FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "formats"

FLOOD_PARAGRAPHS = [
    "Flood water broke through the defences at Millbrook on Monday night, forcing 200 families from their homes.",
    "A council report seen by the Daily Example shows engineers warned in 2019 that the wall was “close to failure”.",
    "“We told them again and again,” said Maria Lopez, who runs the bakery on Bridge Street & has lived there for 30 years.",
    "The council said it had “acted on every recommendation it could afford” and would publish a full review.",
    "The Environment Agency said further rain was expected on Wednesday.",
]


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def captions(article: Article) -> list[tuple[str, str | None, int]]:
    return [(c.text, c.credit, c.after_paragraph) for c in article.captions]


@pytest.fixture(scope="module", params=["txt", "md", "html"])
def flood(request: pytest.FixtureRequest) -> Article:
    return load_article(FORMATS / f"flood.{request.param}")


# --- the three formats agree ----------------------------------------------------------------


def test_every_format_reads_the_same_headline_subheadline_and_byline(flood: Article) -> None:
    """Do pasted text, Markdown and HTML give the same headline, sub-headline and byline?"""
    assert flood.headline == "Flood defences fail in river town"
    assert flood.subheadline == "Residents say warnings were ignored for years, council report shows"
    assert flood.byline == "Jane Smith"


def test_every_format_reads_the_same_provenance(flood: Article) -> None:
    """Does the "Originally published by … on …" line, the © line and the follow prompt give the same provenance?"""
    provenance = flood.provenance
    assert provenance.original_publisher == "The Daily Example"
    assert provenance.original_date == dt.date(2024, 3, 5)
    assert provenance.republisher == "Example Reprints"
    assert provenance.rights == "© Example Media Group 2024"


def test_every_format_numbers_the_same_five_paragraphs(flood: Article) -> None:
    """Are the five body paragraphs the same text, in the same order, with inline markup reduced to text?"""
    assert [p.n for p in flood.paragraphs] == [1, 2, 3, 4, 5]
    assert [p.text for p in flood.paragraphs] == FLOOD_PARAGRAPHS


def test_every_format_places_the_same_captions_with_their_credits(flood: Article) -> None:
    """Are both photo captions read with their credit and placed after the same paragraph?"""
    assert captions(flood) == [
        ("Water covers the high street in Millbrook", "Tom Reed", 0),
        ("Sandbags outside the town hall.", "Ana Ruiz", 3),
    ]
    assert flood.photographers == ("Tom Reed", "Ana Ruiz")


def test_three_formats_give_equal_articles_apart_from_lines_and_furniture() -> None:
    """Apart from source lines and the furniture each format has, are the three Articles equal?"""
    articles = [load_article(FORMATS / f"flood.{suffix}") for suffix in ("txt", "md", "html")]

    def content(article: Article) -> tuple[object, ...]:
        return (
            article.headline,
            article.subheadline,
            article.byline,
            article.provenance,
            [(p.n, p.text) for p in article.paragraphs],
            captions(article),
        )

    assert content(articles[0]) == content(articles[1]) == content(articles[2])


# --- where each paragraph came from -----------------------------------------------------------


def test_markdown_paragraphs_and_captions_keep_their_source_lines() -> None:
    """Does each Markdown paragraph and caption know the line it starts on, counting the front matter?"""
    article = load_article(FORMATS / "flood.md")
    lines = (FORMATS / "flood.md").read_text(encoding="utf-8").split("\n")
    assert [p.line for p in article.paragraphs] == [11, 14, 17, 24, 26]
    assert lines[article.paragraphs[0].line - 1].startswith("Flood water broke through")
    assert [c.line for c in article.captions] == [9, 20]


def test_html_paragraphs_keep_their_source_lines() -> None:
    """Does each HTML paragraph know the line of its <p>?"""
    article = load_article(FORMATS / "flood.html")
    lines = (FORMATS / "flood.html").read_text(encoding="utf-8").split("\n")
    for paragraph in article.paragraphs:
        assert lines[paragraph.line - 1].startswith("<p>"), paragraph.label


# --- furniture ----------------------------------------------------------------------------------


def test_markdown_subheadings_and_follow_prompt_are_removed_and_recorded() -> None:
    """Is a "## …" line a recorded sub-heading, the follow prompt recorded furniture, and each provenance line
    recorded with its kind, none of them paragraphs?"""
    article = load_article(FORMATS / "flood.md")
    assert [(r.line, r.text, r.kind) for r in article.removed] == [
        (7, "Originally published by the Daily Example on March 5, 2024", BoilerplateKind.ORIGINALLY_PUBLISHED),
        (22, "## What the report found", BoilerplateKind.SUBHEADING),
        (28, "© Example Media Group 2024", BoilerplateKind.COPYRIGHT),
        (30, "Follow Example Reprints for more updates:", BoilerplateKind.FOLLOW_PROMPT),
    ]


def test_html_nav_script_aside_footer_and_subheadings_are_removed_and_recorded() -> None:
    """Is each nav, script, aside and footer one record of furniture at its own line, and none of it in the body?"""
    article = load_article(FORMATS / "flood.html")
    assert [(r.line, r.kind) for r in article.removed] == [
        (11, BoilerplateKind.NAVIGATION),
        (17, BoilerplateKind.ORIGINALLY_PUBLISHED),
        (33, BoilerplateKind.SUBHEADING),
        (36, BoilerplateKind.COPYRIGHT),
        (37, BoilerplateKind.SCRIPT),
        (39, BoilerplateKind.SIDEBAR),
        (43, BoilerplateKind.FOOTER),
    ]
    assert article.removed[0].text == "<nav> Home News Back to top"
    assert article.removed[2].text == "What the report found"
    body = " ".join(p.text for p in article.paragraphs)
    for furniture in ("Back to top", "trackReader", "Most read", "Town fete", "Privacy", "Follow"):
        assert furniture not in body


def test_html_records_long_furniture_shortly() -> None:
    """Is the record of a long footer cut to about a line?"""
    article = load_article(FORMATS / "flood.html")
    footer = article.removed[-1].text
    assert footer.startswith("<footer> Follow Example Reprints for more updates:")
    assert len(footer) <= 80
    assert footer.endswith("…")


def test_html_furniture_that_is_a_known_line_gets_that_kind(tmp_path: Path) -> None:
    """Is an <aside> that only says "Share this article" recorded as social-media furniture?"""
    path = write(tmp_path, "a.html", "<body><h1>Head</h1><aside>Share this article</aside><p>Body text.</p></body>")
    article = load_article(path)
    assert [(r.kind, r.text) for r in article.removed] == [(BoilerplateKind.SOCIAL, "<aside> Share this article")]


def test_pasted_text_furniture_rules_apply_to_html_and_markdown_paragraphs(tmp_path: Path) -> None:
    """Is a paragraph that is a share button, a follow prompt or a © line furniture in every format?"""
    body = ["Share on Facebook", "Follow Example Reprints for more updates:", "The only real paragraph.", "© Example 2024"]
    html = write(tmp_path, "a.html", "<h1>Head</h1>" + "".join(f"<p>{text}</p>" for text in body))
    markdown = write(tmp_path, "a.md", "---\ntitle: Head\n---\n\n" + "\n\n".join(body) + "\n")
    for path in (html, markdown):
        article = load_article(path)
        assert [p.text for p in article.paragraphs] == ["The only real paragraph."], path.suffix
        assert [r.kind for r in article.removed] == [
            BoilerplateKind.SOCIAL,
            BoilerplateKind.FOLLOW_PROMPT,
            BoilerplateKind.COPYRIGHT,
        ]
        assert article.provenance.republisher == "Example Reprints"
        assert article.provenance.rights == "© Example 2024"


# --- Markdown --------------------------------------------------------------------------------


def test_markdown_front_matter_gives_the_provenance(tmp_path: Path) -> None:
    """Are publisher, date, republisher and rights read from the front matter?"""
    path = write(
        tmp_path,
        "a.md",
        "---\n"
        'title: "Headline"\n'
        'subtitle: "Sub-headline"\n'
        'byline: "Jane Doe"\n'
        'publisher: "The Daily Example"\n'
        "date: 2024-03-05\n"
        'republisher: "Example Reprints"\n'
        'rights: "© Example Media 2024"\n'
        "---\n\nFirst paragraph.\n",
    )
    article = load_article(path)
    assert (article.headline, article.subheadline, article.byline) == ("Headline", "Sub-headline", "Jane Doe")
    assert article.provenance.original_publisher == "The Daily Example"
    assert article.provenance.original_date == dt.date(2024, 3, 5)
    assert article.provenance.republisher == "Example Reprints"
    assert article.provenance.rights == "© Example Media 2024"


def test_markdown_front_matter_wins_over_a_provenance_line_in_the_body(tmp_path: Path) -> None:
    """When the front matter names the publisher, is an "Originally published" line still kept out of the body?"""
    path = write(
        tmp_path,
        "a.md",
        "---\ntitle: T\npublisher: Front Matter News\ndate: '2020-01-01'\n---\n"
        "Originally published by the Body Gazette on March 5, 2024\n\nText.\n",
    )
    article = load_article(path)
    assert article.provenance.original_publisher == "Front Matter News"
    assert article.provenance.original_date == dt.date(2020, 1, 1)
    assert [p.text for p in article.paragraphs] == ["Text."]


def test_markdown_without_optional_keys_has_no_subheadline_byline_or_provenance(tmp_path: Path) -> None:
    """With only a title, are sub-headline, byline and provenance all None?"""
    article = load_article(write(tmp_path, "a.md", "---\ntitle: Only a title\n---\nOne paragraph.\n"))
    assert (article.subheadline, article.byline) == (None, None)
    assert article.provenance.original_publisher is None
    assert article.provenance.original_date is None
    assert article.captions == ()


def test_markdown_front_matter_numbers_and_booleans_stay_text(tmp_path: Path) -> None:
    """Is `title: 1984` the headline "1984", not a number, and `byline: Yes` the name "Yes", not true?"""
    article = load_article(write(tmp_path, "a.md", "---\ntitle: 1984\nbyline: Yes\n---\nBody.\n"))
    assert (article.headline, article.byline) == ("1984", "Yes")


@pytest.mark.parametrize(
    ("written", "date"),
    [("2024-03-05", dt.date(2024, 3, 5)), ("'2024-03-05'", dt.date(2024, 3, 5)), ("2024-03-05T10:30:00Z", dt.date(2024, 3, 5))],
    ids=["yaml-date", "quoted-string", "date-time"],
)
def test_markdown_date_may_be_a_yaml_date_or_an_iso_string(tmp_path: Path, written: str, date: dt.date) -> None:
    """Is the date read whether YAML gives a date, a string or a date-time?"""
    article = load_article(write(tmp_path, "a.md", f"---\ntitle: T\ndate: {written}\n---\nBody.\n"))
    assert article.provenance.original_date == date


def test_markdown_wrapped_lines_join_into_one_paragraph(tmp_path: Path) -> None:
    """Are a paragraph's lines joined with spaces, and paragraphs split at blank lines?"""
    article = load_article(write(tmp_path, "a.md", "---\ntitle: T\n---\nOne line\nand the next.\n\n\nSecond.\n"))
    assert [(p.text, p.line) for p in article.paragraphs] == [("One line and the next.", 4), ("Second.", 8)]


def test_markdown_headings_are_subheadings_but_hashtags_are_text(tmp_path: Path) -> None:
    """Is "# Title" (and an underlined title) a sub-heading, while "#hashtag" starts an ordinary paragraph?"""
    path = write(
        tmp_path, "a.md", "---\ntitle: T\n---\n# Section\nFirst.\n\n#hashtag trends.\n\nUnderlined\n---\n\n***\n\nLast.\n"
    )
    article = load_article(path)
    assert [p.text for p in article.paragraphs] == ["First.", "#hashtag trends.", "Last."]
    assert [(r.line, r.text, r.kind) for r in article.removed] == [
        (4, "# Section", BoilerplateKind.SUBHEADING),
        (9, "Underlined", BoilerplateKind.SUBHEADING),
    ]


def test_markdown_image_line_is_a_caption_with_its_credit(tmp_path: Path) -> None:
    """Is `![caption](src "Photo: Name")` a caption, credited without "Photo:", placed after the paragraphs before it?"""
    path = write(
        tmp_path,
        "a.md",
        "---\ntitle: T\n---\n"
        '![Before *any* text](a.jpg "Credit: Ann Lee")\n\nOne.\n\nTwo.\n'
        "![No credit](b.jpg)\n\n"
        "![Single quotes](c.jpg 'Photograph: Bo Chan')\n\nThree.\n",
    )
    article = load_article(path)
    assert captions(article) == [("Before any text", "Ann Lee", 0), ("No credit", None, 2), ("Single quotes", "Bo Chan", 2)]
    assert [c.line for c in article.captions] == [4, 9, 11]
    assert all(isinstance(c, Caption) for c in article.captions)
    assert [p.text for p in article.paragraphs] == ["One.", "Two.", "Three."]


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("*emphasis* and _also_", "emphasis and also"),
        ("**strong** and __also__", "strong and also"),
        ("***both*** and *outer **inner** outer*", "both and outer inner outer"),
        ("`code *not emphasis*`", "code *not emphasis*"),
        ("[the report](https://example.org/a_(b)) says", "the report says"),
        (r"\*escaped\* stars", "*escaped* stars"),
        ("snake_case_name and 2 * 3 * 4", "snake_case_name and 2 * 3 * 4"),
        ("<b>tags</b> &amp; entities stay", "<b>tags</b> &amp; entities stay"),
        ("```{raw} html``` stays", "```{raw} html``` stays"),
    ],
)
def test_inline_markdown_is_reduced_to_its_text(markdown: str, text: str) -> None:
    """Is inline Markdown (emphasis, code, links) reduced to its text, and nothing else touched?"""
    assert reduce_inline(markdown) == text


def test_markdown_keeps_html_templates_and_directives_in_a_paragraph_as_text() -> None:
    """Does a Markdown article keep HTML, templates and MyST directives in a paragraph as literal text?"""
    article = load_article(FORMATS / "hostile.md")
    assert article.headline == "Mayor <b>denies</b> claims {{ x }}"
    assert [p.text for p in article.paragraphs] == [
        "The council said <script>alert(1)</script> nothing was wrong.",
        "A template: {{ x }} and {% if true %}yes{% endif %} and $x^2$ dollars.",
        '```{raw} html <img src=x onerror="alert(1)"> ```',
        ":::{note} Also text. :::",
    ]
    assert article.removed == ()


def test_inline_markdown_on_pathological_text_is_fast(tmp_path: Path) -> None:
    """Does a long run of unmatched emphasis markers parse quickly (no regex blow-up)?"""
    body = "*a _b **c __d `e [f](" * 30_000
    article = load_article(write(tmp_path, "a.md", f"---\ntitle: T\n---\n{body}\n"))
    assert len(article.paragraphs[0].text) > 500_000


# --- HTML ------------------------------------------------------------------------------------------


def test_html_escaped_script_in_a_paragraph_is_kept_as_text_but_a_script_element_is_furniture() -> None:
    """Does HTML keep "&lt;script&gt;" in a <p> as the text "<script>", while a real <script> is removed furniture?"""
    article = load_article(FORMATS / "hostile.html")
    assert article.headline == "Mayor <b>denies</b> claims"
    assert [p.text for p in article.paragraphs] == [
        "The council said <script>alert(1)</script> nothing was wrong.",
        "Inline code is dropped; {{ x }} and {% raw %} are kept.",
        "An image tag adds no text.",
        "```{raw} html stays as written.",
    ]
    assert [(r.line, r.kind) for r in article.removed] == [(3, BoilerplateKind.SCRIPT), (4, BoilerplateKind.SCRIPT)]
    assert article.removed[0].text == '<script> alert("this is furniture")'


def test_html_entities_are_decoded_and_whitespace_collapsed(tmp_path: Path) -> None:
    """Is "&amp;" read as "&", "&nbsp;"/newlines as single spaces, and <br> as a space?"""
    path = write(tmp_path, "a.html", "<h1>Fish &amp; chips</h1><p>Salt&nbsp;&amp;\n   vinegar<br>on  the side.</p>")
    article = load_article(path)
    assert article.headline == "Fish & chips"
    assert article.paragraphs[0].text == "Salt & vinegar on the side."


def test_html_subheadline_falls_back_to_the_first_h2_before_the_body(tmp_path: Path) -> None:
    """Without a standfirst class, is the first <h2> after the headline and before any paragraph the sub-headline,
    a section name above the headline navigation, and a later <h2> a sub-heading?"""
    html = "<main><h2>World</h2><h1>Head</h1><h2>The dek</h2><p>Body one.</p><h2>Later section</h2><p>Body two.</p></main>"
    article = load_article(write(tmp_path, "a.html", html))
    assert article.subheadline == "The dek"
    assert [(r.text, r.kind) for r in article.removed] == [
        ("World", BoilerplateKind.NAVIGATION),
        ("Later section", BoilerplateKind.SUBHEADING),
    ]


def test_html_byline_comes_from_rel_author_a_by_paragraph_or_meta(tmp_path: Path) -> None:
    """Is the byline read from <a rel="author">, else a "By …" paragraph, else <meta name="author">?"""
    meta = '<meta name="author" content="Meta Name">'
    cases = {
        '<h1>H</h1><p>By <a rel="author" href="/x">Link Name</a></p><p>Body.</p>': "Link Name",
        f"{meta}<h1>H</h1><p>By Para Name, Political Editor</p><p>Body.</p>": "Para Name",
        f"{meta}<h1>H</h1><p>Body.</p>": "Meta Name",
        "<h1>H</h1><p>Body.</p>": None,
    }
    for number, (html, byline) in enumerate(cases.items()):
        article = load_article(write(tmp_path, f"{number}.html", html))
        assert article.byline == byline, html
        assert [p.text for p in article.paragraphs] == ["Body."], html


def test_html_date_and_publisher_come_from_meta_tags_without_a_provenance_line(tmp_path: Path) -> None:
    """Without an "Originally published" line, are og:site_name and article:published_time the provenance?"""
    head = (
        '<meta property="og:site_name" content="The Daily Example">'
        '<meta property="article:published_time" content="2024-03-05T08:00:00+00:00">'
    )
    article = load_article(write(tmp_path, "a.html", f"<html><head>{head}</head><body><h1>H</h1><p>Body.</p></body></html>"))
    assert article.provenance.original_publisher == "The Daily Example"
    assert article.provenance.original_date == dt.date(2024, 3, 5)
    assert article.provenance.republisher is None


def test_html_date_falls_back_to_the_first_time_element(tmp_path: Path) -> None:
    """Without a published_time meta tag, is the first <time datetime> holding a date used?"""
    html = '<h1>H</h1><p>Posted <time datetime="10:30">at half ten</time> <time datetime="2023-02-11">on Saturday</time>.</p>'
    article = load_article(write(tmp_path, "a.html", html))
    assert article.provenance.original_date == dt.date(2023, 2, 11)


def test_html_site_that_names_another_first_publisher_is_the_republisher(tmp_path: Path) -> None:
    """When the page says the Telegraph published first, is the page's own site the republisher?"""
    html = (
        '<meta property="og:site_name" content="Genocide Watch"><h1>H</h1>'
        "<p>Originally published by the Telegraph on February 11, 2023</p><p>Body.</p>"
    )
    article = load_article(write(tmp_path, "a.html", html))
    assert article.provenance.original_publisher == "The Telegraph"
    assert article.provenance.original_date == dt.date(2023, 2, 11)
    assert article.provenance.republisher == "Genocide Watch"


def test_html_unclosed_paragraphs_are_read_as_a_browser_would(tmp_path: Path) -> None:
    """Are unclosed <p> tags separate paragraphs, each ending where a block element starts?"""
    html = "<h1>H</h1><p>One.<p>Two.<div>Not a paragraph.</div><p>Three."
    article = load_article(write(tmp_path, "a.html", html))
    assert [p.text for p in article.paragraphs] == ["One.", "Two.", "Three."]


def test_html_figure_without_a_figcaption_is_not_a_caption(tmp_path: Path) -> None:
    """Is a <figure> with no <figcaption> ignored, and a figcaption's "Credit:" class element the credit?"""
    html = (
        '<h1>H</h1><figure><img src="a.jpg" alt="A"></figure><p>Body.</p>'
        '<figure><figcaption><p>Two lines</p><p class="credit">Credit: Bo Chan</p></figcaption></figure>'
    )
    article = load_article(write(tmp_path, "a.html", html))
    assert captions(article) == [("Two lines", "Bo Chan", 1)]


def test_html_that_looks_like_a_url_or_xml_gives_an_article_error_not_a_warning(tmp_path: Path) -> None:
    """Does a page that is only a URL fail as an ArticleError, and XML read without a warning (warnings are errors here)?"""
    with pytest.raises(ArticleError, match="no body paragraphs"):
        load_article(write(tmp_path, "url.html", "https://example.org/article"))
    article = load_article(write(tmp_path, "xml.html", '<?xml version="1.0"?><p>Body.</p>'))
    assert [p.text for p in article.paragraphs] == ["Body."]
    assert article.headline is None


# --- choosing the format -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["a.md", "a.markdown", "A.MD", "a.html", "a.htm", "A.HTML"])
def test_the_suffix_chooses_the_format(tmp_path: Path, name: str) -> None:
    """Are .md/.markdown read as Markdown and .html/.htm as HTML, whatever the case of the suffix?"""
    content = "---\ntitle: Head\n---\nBody.\n" if ".m" in name.lower() else "<h1>Head</h1><p>Body.</p>"
    article = load_article(write(tmp_path, name, content))
    assert (article.headline, [p.text for p in article.paragraphs]) == ("Head", ["Body."])


def test_other_suffixes_are_pasted_text(tmp_path: Path) -> None:
    """Is a .txt file holding HTML read as pasted text, tags and all?"""
    article = load_article(write(tmp_path, "a.txt", "<h1>Head</h1>\n\nThe sub-headline\n\n<p>Body.</p>\n"))
    assert article.headline == "<h1>Head</h1>"
    assert [p.text for p in article.paragraphs] == ["<p>Body.</p>"]


# --- errors ------------------------------------------------------------------------------------


BAD_FILES: list[tuple[str, bytes, str, int | None]] = [
    ("empty.md", b"", "is empty", None),
    ("blank.html", b"  \n\t\n", "is empty", None),
    ("binary.md", b"---\ntitle: T\n---\n\x00\x01", "binary file", 4),
    ("latin-1.html", b"<h1>Caf\xe9</h1>", "not UTF-8", 1),
    ("no-front-matter.md", b"# Headline\n\nBody.\n", "no front matter", 1),
    ("unclosed.md", b"---\ntitle: T\n\nBody.\n", "never closed", 1),
    ("unknown-key.md", b"---\ntitle: T\nauthor: Jane\n---\nBody.\n", "unknown front-matter key 'author'", 3),
    ("bad-date.md", b"---\ntitle: T\n\ndate: March 5\n---\nBody.\n", "must be an ISO date", 4),
    ("impossible-date.md", b"---\ntitle: T\ndate: 2024-02-30\n---\nBody.\n", "impossible date", 3),
    ("twice.md", b"---\ntitle: T\ntitle: U\n---\nBody.\n", "given twice", 3),
    ("list.md", b"---\ntitle: T\nbyline: [a, b]\n---\nBody.\n", "must be text", 3),
    ("not-a-mapping.md", b"---\n- title\n---\nBody.\n", "'key: value' lines", 2),
    ("bad-yaml.md", b"---\ntitle: T\nrights: a: b\n---\nBody.\n", "not valid YAML", 3),
    ("control-character.md", b'---\ntitle: T\nrights: "a\x07b"\n---\nBody.\n', r"control character \(U\+0007\)", 3),
    ("no-body.md", b"---\ntitle: T\n---\n\n## Only a heading\n", "no body paragraphs", 3),
    ("only-nav.html", b"<h1>Head</h1><nav><p>Menu</p></nav><footer><p>Contact us</p></footer>", "no body paragraphs", None),
]
"""File name, content, what the message says, and the line it names."""


@pytest.mark.parametrize(("name", "content", "message", "line"), BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_bad_files_raise_one_article_error_naming_the_file(
    tmp_path: Path, name: str, content: bytes, message: str, line: int | None
) -> None:
    """Does every bad Markdown or HTML file fail with one ArticleError that starts with its path (and line)?"""
    path = write(tmp_path, name, content)
    with pytest.raises(ArticleError, match=message) as raised:
        load_article(path)
    assert str(raised.value).startswith(str(path))
    assert raised.value.line == line
    if line is not None:
        assert str(raised.value).startswith(f"{path}:{line}: ")


# --- pages that used to be refused, now read ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [("no-title.md", "---\nbyline: Jane\n---\nBody.\n"), ("empty-title.md", "---\ntitle: ''\n---\nBody.\n")],
)
def test_markdown_without_a_title_is_read_with_no_headline_and_a_note(tmp_path: Path, name: str, content: str) -> None:
    """Is a Markdown article whose front matter has no title read, with the headline None and a note saying so?"""
    article = load_article(write(tmp_path, name, content))
    assert article.headline is None
    assert [p.text for p in article.paragraphs] == ["Body."]
    assert NO_HEADLINE_NOTE in article.notes


def test_markdown_headline_given_replaces_the_title(tmp_path: Path) -> None:
    """Does load_article(path, headline=…) replace the front matter's title?"""
    article = load_article(write(tmp_path, "a.md", "---\ntitle: Old\n---\nBody.\n"), headline="New headline")
    assert article.headline == "New headline"


def test_html_without_h1_or_title_has_no_headline(tmp_path: Path) -> None:
    """Is a page with no <h1> and no title metadata read, with the headline None (its <h2> is not promoted)?"""
    article = load_article(write(tmp_path, "a.html", "<h2>Not a headline</h2><p>Body.</p>"))
    assert article.headline is None
    assert NO_HEADLINE_NOTE in article.notes
    assert [p.text for p in article.paragraphs] == ["Body."]


def test_html_without_h1_takes_the_headline_from_the_title_metadata(tmp_path: Path) -> None:
    """Is a page with no <h1> but an og:title read with that title as its headline, and a note to check it?"""
    html = '<html><head><meta property="og:title" content="Storm closes coast road"></head><body><p>Body.</p></body></html>'
    article = load_article(write(tmp_path, "a.html", html))
    assert article.headline == "Storm closes coast road"
    assert any("metadata" in note for note in article.notes)


def test_html_text_in_a_div_that_is_main_text_is_a_paragraph(tmp_path: Path) -> None:
    """Is article text a page keeps in a <div> rather than a <p> read as a paragraph, and the nav still furniture?"""
    html = "<h1>Head</h1><div>Text outside any paragraph.</div><nav><p>Menu</p></nav>"
    article = load_article(write(tmp_path, "a.html", html))
    assert [p.text for p in article.paragraphs] == ["Text outside any paragraph."]
    assert [r.kind for r in article.removed] == [BoilerplateKind.NAVIGATION]


def test_html_date_that_is_not_iso_is_left_out_with_a_note(tmp_path: Path) -> None:
    """Is a page whose published_time is "yesterday" read, the date left out and a note naming the line?"""
    html = '<meta property="article:published_time" content="yesterday">\n<h1>H</h1><p>Body.</p>'
    article = load_article(write(tmp_path, "a.html", html))
    assert article.provenance.original_date is None
    assert any("line 1" in note and "yesterday" in note for note in article.notes)
