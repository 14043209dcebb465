"""Close reading: the eight kinds of cue a strong reader notices, on short texts written for the test and on the
course article, and the {analysis-close-reading} directive that shows them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import COURSE_ARTICLE, article_of, sphinx_html
from medialit.analysis import Analysis, analyze
from medialit.analysis.close_reading import QUESTIONS, CloseReadingCue, CueKind
from medialit.analysis.vocabulary import QuoteType
from medialit.ingest import load_article


def cues(analysis: Analysis, kind: CueKind) -> list[tuple[int, str]]:
    return [(c.paragraph, c.text) for c in analysis.close_reading if c.kind is kind]


@pytest.fixture(scope="module")
def course() -> Analysis:
    return analyze(load_article(COURSE_ARTICLE))


def test_every_cue_points_at_its_text_and_sentence_and_asks_its_question(course: Analysis) -> None:
    """Does each cue quote its paragraph exactly, sit inside its sentence, and carry its kind's question?"""
    assert {c.kind for c in course.close_reading} == set(CueKind)
    for cue in course.close_reading:
        text = course.article.paragraph(cue.paragraph).text
        assert text[cue.start : cue.end] == cue.text
        assert cue.sentence_start <= cue.start < cue.end <= cue.sentence_end <= len(text)
        assert cue.question == QUESTIONS[cue.kind]
        assert cue.detail


def test_the_course_article_brackets_inside_the_presidents_quotation(course: Analysis) -> None:
    """Are "(with Wagner)" in P13 and "(Kosovo territory)" in P14 found as round brackets in Ms Osmani's words?"""
    assert cues(course, CueKind.BRACKETED_INSERTION) == [(13, "(with Wagner)"), (14, "(Kosovo territory)")]
    for cue in (c for c in course.close_reading if c.kind is CueKind.BRACKETED_INSERTION):
        assert cue.voice is QuoteType.DIRECT and cue.speaker == "Vjosa Osmani" and "Round brackets" in cue.detail


def test_the_course_article_quotations_that_name_no_speaker(course: Analysis) -> None:
    """Do P12, P13, P14, P19, P21 and P49 open with no speaker, and is the speaker the analysis gave them named?"""
    found = {c.paragraph: c for c in course.close_reading if c.kind is CueKind.QUOTATION_WITHOUT_SPEAKER}
    assert {5, 12, 13, 14, 19, 21, 36, 40, 43, 49} == set(found)
    assert found[12].text.startswith("If you look at what Putin did") and found[12].speaker == "Vjosa Osmani"
    assert "last named in P11" in found[12].detail
    assert found[19].speaker == "Helena Ivanov" and "P18" in found[19].detail
    assert found[49].speaker == "Behxhet Jashanica" and "P48" in found[49].detail
    assert not {4, 15, 18, 22, 29} & set(found), "a quotation with its speaker in the same paragraph is not flagged"


def test_the_course_article_presuppositions_and_where_the_hedge_sits(course: Analysis) -> None:
    found = {(c.paragraph, c.text): c for c in course.close_reading if c.kind is CueKind.PRESUPPOSITION}
    assert {(2, "The secret operation"), (3, "The alleged preparations"), (11, "The covert strategy")} <= set(found)
    assert "“alleged” sits inside the phrase" in found[3, "The alleged preparations"].detail
    strategy = found[11, "The covert strategy"].detail
    assert "“suspected”" in strategy and "another phrase" in strategy
    assert found[2, "The secret operation"].voice is QuoteType.INDIRECT
    assert found[3, "The alleged preparations"].voice is QuoteType.JOURNALIST
    assert {(10, "continuing"), (14, "still"), (19, "again")} <= set(found)


def test_the_course_article_factive_verb_is_recalled(course: Analysis) -> None:
    assert cues(course, CueKind.FACTIVE_VERB) == [(20, "recalled")]


def test_the_course_article_agentless_passives_inside_and_outside_quotations(course: Analysis) -> None:
    found = {(c.paragraph, c.text): c.voice for c in course.close_reading if c.kind is CueKind.AGENTLESS_PASSIVE}
    assert found[8, "were fired"] is QuoteType.JOURNALIST
    assert found[7, "were ordered"] is QuoteType.JOURNALIST
    assert found[26, "has been spray painted"] is QuoteType.JOURNALIST
    assert found[27, "was sprayed"] is QuoteType.JOURNALIST
    assert found[43, "were forced"] is QuoteType.DIRECT
    assert (8, "were erected") not in found, "“were erected by ethnic Serbs” names who did it"
    assert not any(p == 18 for p, _ in found), "“KFOR is based in Kosovo” is a state, not an action"
    assert (44, "are still parked") in found, "“by the side of highways” is a place, not an agent"


def test_the_course_article_figures_and_labels_with_no_source(course: Analysis) -> None:
    found = cues(course, CueKind.UNSOURCED)
    assert (33, "13,000 deaths") in found
    assert (7, "the majority of northern Kosovo’s population") in found
    assert (3, "dubbed “little green men”") in found
    assert not any(p == 11 for p, _ in found), "“at least six months” is Ms Osmani's (P11)"
    assert not any(p == 43 for p, _ in found), "“Thousands of us” is inside her quotation"


def test_the_course_article_evaluative_words_are_the_journalists_own(course: Analysis) -> None:
    found = cues(course, CueKind.EVALUATIVE_WORD)
    assert {(6, "incendiary"), (6, "wracked"), (7, "furious"), (33, "brutal")} <= set(found)
    assert (1, "notorious") not in found, "P1 reports the president's warning: whose word it is cannot be told"
    assert (39, "Malign") not in found, "P39 is attributed to the president"


def test_the_course_article_present_tense_reporting_verbs(course: Analysis) -> None:
    found = cues(course, CueKind.PRESENT_TENSE_VERB)
    assert {(32, "proclaims"), (38, "accuses"), (17, "are skeptical")} <= set(found)
    assert not any(p == 1 for p, _ in found), "“warned on Friday” is past"


def test_short_texts_each_kind() -> None:
    """Is each kind found in a short text written for it, with its voice?"""
    analysis = analyze(
        article_of(
            "The mayor said the plan was fair.",
            "“They [the council] will vote on Monday,” she said.",
            "“We have waited long enough.”",
            "The mayor recalled the flood of 2019. Windows were smashed overnight.",
            "About 4,500 residents have left the town, dubbed “the lost valley”.",
            "The shocking decision is still under review.",
            "A sign on the hall proclaims “Save our valley”.",
        )
    )
    assert cues(analysis, CueKind.BRACKETED_INSERTION) == [(2, "[the council]")]
    assert "Square brackets" in next(c.detail for c in analysis.close_reading if c.kind is CueKind.BRACKETED_INSERTION)
    no_speaker = [c for c in analysis.close_reading if c.kind is CueKind.QUOTATION_WITHOUT_SPEAKER]
    assert [(c.paragraph, c.speaker) for c in no_speaker] == [(3, "The mayor")]
    assert cues(analysis, CueKind.FACTIVE_VERB) == [(4, "recalled")]
    assert cues(analysis, CueKind.AGENTLESS_PASSIVE) == [(4, "were smashed")]
    assert (5, "About 4,500 residents") in cues(analysis, CueKind.UNSOURCED)
    assert (5, "dubbed “the lost valley”") in cues(analysis, CueKind.UNSOURCED)
    assert (6, "shocking") in cues(analysis, CueKind.EVALUATIVE_WORD)
    assert (6, "still") in cues(analysis, CueKind.PRESUPPOSITION)
    assert (1, "the plan") in cues(analysis, CueKind.PRESUPPOSITION)
    assert cues(analysis, CueKind.PRESENT_TENSE_VERB) == [(7, "proclaims")]


def test_a_plain_report_raises_no_cue() -> None:
    """No false alarm: a plain, attributed, past-tense report with named agents has nothing to flag."""
    analysis = analyze(
        article_of(
            "The city council approved a new bus route on Tuesday, the mayor said.",
            "Drivers from the transport company will start the route in March, a spokesperson for the company said.",
            "“We listened to the residents,” said Ana Berg, who chairs the transport committee.",
        )
    )
    assert analysis.close_reading == []


def test_the_close_reading_is_deterministic_and_in_the_json(course: Analysis) -> None:
    again = analyze(load_article(COURSE_ARTICLE))
    assert again.close_reading == course.close_reading
    data = course.to_json()["close_reading"]
    assert data[0].keys() == set(CloseReadingCue.model_fields)
    assert [(d["paragraph"], d["start"]) for d in data] == sorted((d["paragraph"], d["start"]) for d in data)


CONF = """
extensions = ["myst_parser", "medialit.sphinxext"]
project = "close-reading-directive-test"
html_theme = "basic"
exclude_patterns = ["articles"]
"""


def build(tmp_path: Path, page: str, article: Path = COURSE_ARTICLE) -> tuple[int, str, Path]:
    source = tmp_path / "src"
    (source / "articles").mkdir(parents=True)
    shutil.copy(article, source / "articles" / article.name)
    (source / "conf.py").write_text(CONF, encoding="utf-8")
    body = f"```{{article-text}} /articles/{article.name}\n```\n\n" + page.format(name=article.name)
    (source / "index.md").write_text("# Close reading\n\n" + body, encoding="utf-8")
    result, out = sphinx_html(source, tmp_path / "out")
    return result.returncode, result.stderr, out


def test_the_directive_renders_one_kind_with_the_cue_marked_and_linked(tmp_path: Path) -> None:
    page = "```{{analysis-close-reading}} /articles/{name}\n:kind: bracketed-insertion\n```\n"
    status, stderr, out = build(tmp_path, page)
    assert status == 0, stderr
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    table = soup.select_one("table.medialit-close-reading")
    assert table is not None and "Words in brackets inside a quotation" in table.caption.get_text()
    rows = table.select("tbody tr")
    assert len(rows) == 2
    assert [row.select_one("mark strong").get_text() for row in rows] == ["(with Wagner)", "(Kosovo territory)"]
    assert [row.select_one("a").get("href") for row in rows] == ["#p13", "#p14"]
    assert "Did the speaker say these words" in rows[0].get_text()


def test_the_directive_without_options_shows_every_kind_and_paragraphs_filter(tmp_path: Path) -> None:
    page = (
        "```{{analysis-close-reading}} /articles/{name}\n```\n\n"
        "```{{analysis-close-reading}} /articles/{name}\n:paragraphs: 7-8\n```\n"
    )
    status, stderr, out = build(tmp_path, page)
    assert status == 0, stderr
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    whole, part = soup.select("table.medialit-close-reading")
    assert len(whole.select("tbody tr")) > 40
    assert {a.get("href") for a in part.select("tbody a")} == {"#p7", "#p8"}


def test_the_directive_rejects_an_unknown_kind(tmp_path: Path) -> None:
    status, stderr, _ = build(tmp_path, "```{{analysis-close-reading}} /articles/{name}\n:kind: nonsense\n```\n")
    assert status != 0 and "bracketed-insertion" in stderr


def test_article_text_in_the_close_reading_table_is_escaped(tmp_path: Path) -> None:
    article = tmp_path / "hostile-quote.txt"
    article.write_text(
        "A council row\n\n“They (<script>alert(1)</script>) will vote <img src=x onerror=alert(2)>,” the mayor said.\n\n"
        "“It was {{ config.project }} (again).”\n",
        encoding="utf-8",
    )
    status, stderr, out = build(tmp_path / "site", "```{{analysis-close-reading}} /articles/{name}\n```\n", article)
    assert status == 0, stderr
    raw = out.read_text(encoding="utf-8")
    soup = BeautifulSoup(raw, "html.parser")
    assert not soup.select("table script, table img")
    text = soup.get_text()
    assert "(<script>alert(1)</script>)" in text and "{{ config.project }}" in text
