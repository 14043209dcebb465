"""Sourcing: who says what, how, and with which verb, on short texts made for each rule."""

from __future__ import annotations

import pytest

from helpers import COURSE_ARTICLE
from helpers import article_of as article
from medialit.analysis import analyze
from medialit.analysis.sourcing import find_statements
from medialit.analysis.verbs import stance_of
from medialit.analysis.vocabulary import QuoteType, SourceKind, SourceType, VerbStance
from medialit.ingest import load_article


def only(text: str) -> tuple[str | None, str | None, QuoteType]:
    statements, _ = find_statements(article(text))
    assert len(statements) == 1, statements
    return statements[0].speaker, statements[0].verb, statements[0].quote_type


@pytest.mark.parametrize(
    ("text", "speaker", "verb", "quote_type"),
    [
        ("“We will rebuild the quay,” said Anna Berg, the mayor of Westholm.", "Anna Berg", "said", QuoteType.DIRECT),
        ("“We will rebuild the quay,” Ms Berg told reporters in the town hall.", "Ms Berg", "told", QuoteType.DIRECT),
        ("The repairs will cost more than planned, the minister warned on Friday.", "the minister", "warned", QuoteType.INDIRECT),
        ("Anna Berg claimed that the council had been misled.", "Anna Berg", "claimed", QuoteType.INDIRECT),
        ("The ministry has denied that any money was lost.", "The ministry", "has denied", QuoteType.INDIRECT),
        ("According to a leaked document, the sale is planned for May.", "a leaked document", "According to", QuoteType.INDIRECT),
        ("The sale is planned for May, according to two officials.", "two officials", "according to", QuoteType.INDIRECT),
        ("The plan, she said, was never discussed with residents.", "she", "said", QuoteType.INDIRECT),
        (
            "Many economists are sceptical that the sale will raise that much.",
            "Many economists",
            "are sceptical",
            QuoteType.INDIRECT,
        ),
        ("The Kosovo police denounced it as “incitement of hatred”.", "The Kosovo police", "denounced", QuoteType.DIRECT),
        ("Dr Anna Berg said in a statement that the results were preliminary.", "Anna Berg", "said", QuoteType.INDIRECT),
        (
            "Declan Foy, who runs a firm on Quarry Road, told me his customers did not care.",
            "Declan Foy",
            "told",
            QuoteType.INDIRECT,
        ),
    ],
)
def test_each_attribution_pattern_finds_the_speaker_the_verb_and_the_quote_type(
    text: str, speaker: str, verb: str, quote_type: QuoteType
) -> None:
    found_speaker, found_verb, found_type = only(text)
    assert (found_verb, found_type) == (verb, quote_type)
    assert found_speaker is not None and speaker.split()[-1] in found_speaker


@pytest.mark.parametrize(
    "text",
    [
        "The bridge was closed on Monday after the storm.",
        "A banner strung across the road proclaims “This is ours”.",  # a short quoted label is not a source
        "The alleged preparations bear parallels to an earlier case.",  # "alleged" as an adjective
        "I was sceptical. I am now a convert, and I think the town should follow.",  # a columnist's own voice
    ],
)
def test_sentences_with_no_source_are_in_the_journalists_voice(text: str) -> None:
    statements, sources = find_statements(article(text))
    assert statements and all(s.quote_type is QuoteType.JOURNALIST and s.source_id is None for s in statements)
    assert sources == []


def test_a_second_verb_of_the_same_speaker_is_a_second_statement() -> None:
    statements, sources = find_statements(
        article("He admitted that the survey had taken longer than planned, but denied that residents had been misled.")
    )
    assert [(s.verb, s.text) for s in statements] == [
        ("admitted", "the survey had taken longer than planned"),
        ("denied", "residents had been misled"),
    ]
    assert len(sources) == 1


def test_a_paragraph_that_continues_a_quotation_belongs_to_the_last_speaker() -> None:
    statements, _ = find_statements(
        article(
            "“The dam is sound,” said Karl Ode, the engineer.",
            "The town has waited ten years for the barrier.",
            "“We checked every pile. We checked them twice.”",
        )
    )
    assert [(s.paragraph, s.speaker, s.quote_type) for s in statements] == [
        (1, "Karl Ode", QuoteType.DIRECT),
        (2, None, QuoteType.JOURNALIST),
        (3, "Karl Ode", QuoteType.DIRECT),
    ]


def test_a_quotation_over_several_paragraphs_gives_one_statement_per_paragraph() -> None:
    statements, _ = find_statements(
        article("“First part of what she said,” Ms Berg said.", "“The second part goes on.", "And it ends here.”")
    )
    assert [s.paragraph for s in statements] == [1, 2, 3]
    assert {s.speaker for s in statements} == {"Ms Berg"}


def test_mentions_of_one_person_are_one_source() -> None:
    statements, sources = find_statements(
        article(
            "The repairs are late, the country's president warned on Friday.",
            "“It is a scandal,” Anna Berg told The Gazette.",
            "Kosovo's president, Ms Berg, claimed that the contractor had cut corners.",
            "She said the contract would be reviewed.",
            "President Berg added that nobody would lose their job.",
        )
    )
    assert len(sources) == 1
    source = sources[0]
    assert (source.name, source.kind, source.type, source.gender) == (
        "Anna Berg",
        SourceKind.NAMED,
        SourceType.OFFICIAL,
        "female",
    )
    assert source.statements == len(statements) == 5
    assert {"the country's president", "Anna Berg", "Kosovo's president, Ms Berg", "She", "President Berg"} <= set(
        source.mentions
    )


def test_indefinite_descriptions_are_different_sources_and_kinds_are_told_apart() -> None:
    _, sources = find_statements(
        article(
            "“It is calm for now,” said a police officer.",
            "“We are afraid,” said one resident.",
            "Some residents are doubtful that the barrier will hold.",
            "Westholm has denied that the works were delayed.",
        )
    )
    assert [(s.name, s.kind) for s in sources] == [
        ("a police officer", SourceKind.ANONYMOUS),
        ("one resident", SourceKind.ANONYMOUS),
        ("Some residents", SourceKind.COLLECTIVE),
        ("Westholm", SourceKind.COLLECTIVE),
    ]


def test_every_statement_points_at_its_exact_text() -> None:
    analysis = analyze(load_article(COURSE_ARTICLE))
    for statement in analysis.statements:
        paragraph = analysis.article.paragraph(statement.paragraph).text
        assert paragraph[statement.start : statement.end] == statement.text
        if statement.attribution is not None:
            span = statement.attribution
            assert paragraph[span.start : span.end] == span.text


def test_the_course_article_has_its_known_sources_and_shares() -> None:
    analysis = analyze(load_article(COURSE_ARTICLE))
    by_name = {source.name: source for source in analysis.sources}
    assert {"Vjosa Osmani", "Helena Ivanov", "Serbia", "a Carabinieri officer", "Ismail Latifi"} <= set(by_name)
    osmani = by_name["Vjosa Osmani"]
    assert osmani.statements > 15 and osmani.share > 0.25
    assert osmani.share == max(source.share for source in analysis.sources)
    assert sum(source.share for source in analysis.sources) < 1
    denial = next(s for s in analysis.statements if s.paragraph == 16)
    assert (denial.speaker, denial.verb, denial.verb_stance) == ("Serbia", "has denied", VerbStance.DENIAL)


@pytest.mark.parametrize(
    ("verb", "stance"),
    [
        ("said", VerbStance.NEUTRAL),
        ("told", VerbStance.NEUTRAL),
        ("claimed", VerbStance.DOUBT),
        ("warned", VerbStance.ALARM),
        ("has denied", VerbStance.DENIAL),
        ("accused", VerbStance.ACCUSATION),
        ("admitted", VerbStance.CONCESSION),
        ("are skeptical", VerbStance.STANCE),
    ],
)
def test_reporting_verbs_carry_their_stance(verb: str, stance: VerbStance) -> None:
    assert stance_of(verb) is stance
    assert stance.loaded == (stance is not VerbStance.NEUTRAL)
