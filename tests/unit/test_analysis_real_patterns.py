"""Sourcing on the patterns real news pages use: relays, anonymous sources, bare surnames, asides.

Each text is written here in the manner of a wire story or an aggregator; the expected speaker
is what a careful reader would say.
"""

from __future__ import annotations

import pytest

from helpers import article_of as article
from medialit.analysis.model import Source, Statement
from medialit.analysis.sourcing import find_statements
from medialit.analysis.vocabulary import QuoteType, SourceKind


def attributed(*paragraphs: str) -> tuple[list[Statement], dict[str, Source]]:
    statements, sources = find_statements(article(*paragraphs))
    return [s for s in statements if s.source_id is not None], {s.id: s for s in sources}


def test_a_newspaper_relaying_a_governor_is_the_relay_not_the_speaker() -> None:
    """Is "The Copper Standard reports the governor told lawmakers …" the governor's, relayed by the paper?"""
    statements, sources = attributed("The Copper Standard reports the governor told lawmakers that the dam would be inspected.")
    (statement,) = statements
    assert statement.speaker == "the governor"
    assert statement.text.startswith("the dam would be inspected")
    assert statement.relayed_by is not None and sources[statement.relayed_by].name == "The Copper Standard"
    assert statement.relay is not None and statement.relay.text == "The Copper Standard reports"
    assert sources[statement.relayed_by].relays == 1 and sources[statement.relayed_by].statements == 0


def test_according_to_an_outlet_citing_officials_is_the_officials_relayed_by_the_outlet() -> None:
    """Is "…, according to CBS, citing officials" the officials' statement, with CBS as the relay?"""
    statements, sources = attributed("Two of the missiles were of a new type, according to CBS, citing officials.")
    (statement,) = statements
    assert statement.speaker == "officials"
    assert statement.kind is SourceKind.COLLECTIVE
    assert statement.relayed_by is not None and sources[statement.relayed_by].name == "CBS"


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        ("One US official said the sale would be blocked.", "One US official", SourceKind.ANONYMOUS),
        (
            "A senior official who spoke on condition of anonymity said the talks had failed.",
            "A senior official who spoke on condition of anonymity",
            SourceKind.ANONYMOUS,
        ),
        ("A company spokesperson said the firm would comply.", "A company spokesperson", SourceKind.ANONYMOUS),
        ("Officials said the order could be signed this month.", "Officials", SourceKind.COLLECTIVE),
        (
            "Sources familiar with the negotiations said no deal was close.",
            "Sources familiar with the negotiations",
            SourceKind.COLLECTIVE,
        ),
    ],
)
def test_unnamed_people_are_anonymous_or_collective_sources(text: str, speaker: str, kind: SourceKind) -> None:
    """Are unnamed officials, spokespeople and "sources familiar with" flagged as unnamed, never as named?"""
    (statement,), _ = attributed(text)
    assert statement.speaker == speaker
    assert statement.kind is kind


def test_a_time_phrase_is_not_part_of_the_speaker_and_a_participle_is_not_one() -> None:
    """Is "Last week, media reported …" the media's, and is "sparking fears" nobody's statement?"""
    statements, _ = attributed(
        "The decision came after months of talks, sparking fears of a wider rift.",
        "Last week, media reported that the minister had resigned.",
    )
    assert [(s.paragraph, s.speaker) for s in statements] == [(2, "media")]


def test_a_bare_surname_is_the_person_named_before() -> None:
    """Is "Belotsky said …" the foreign minister named in full earlier, not a state or a new source?"""
    statements, sources = attributed(
        "Foreign Minister Arkady Belotsky accused Western governments of prolonging the war.",
        "Belotsky said the ceasefire would have to reflect the new realities.",
    )
    assert {s.source_id for s in statements} == {statements[0].source_id}
    source = sources[statements[0].source_id]
    assert source.name == "Arkady Belotsky" and source.kind is SourceKind.NAMED


def test_the_diplomat_is_the_ambassador_named_before() -> None:
    """Is "the diplomat" the same source as "Valdora's ambassador in Washington, Emil Sarkany"?"""
    statements, sources = attributed(
        "Valdora’s ambassador in Washington, Emil Sarkany, said his government had received no communication.",
        "“We read about it in the press, like everyone else,” the diplomat told reporters on Tuesday.",
    )
    assert len({s.source_id for s in statements}) == 1
    assert sources[statements[0].source_id].name == "Emil Sarkany"


def test_an_unnamed_lawmaker_named_in_the_next_sentence_is_one_source() -> None:
    """Is "A prominent U.S. lawmaker welcomed … said Senator Margaret Oyelaran" one person?"""
    statements, sources = attributed(
        "A prominent U.S. lawmaker welcomed the reported decision. “It was never going to be a close call,” "
        "said Senator Margaret Oyelaran, a member of the Senate Intelligence Committee."
    )
    assert len({s.source_id for s in statements}) == 1
    assert sources[statements[0].source_id].kind is SourceKind.NAMED


def test_he_after_a_sentence_about_a_named_person_is_that_person() -> None:
    """Is "He called on allies …" the president the previous sentence is about, not the last speaker?"""
    statements, sources = attributed(
        "Foreign Minister Arkady Belotsky said Morvania was not interested in talks.",
        "President Mykola Danylenko laid flowers at the market on Tuesday. He called on allies to speed up deliveries.",
    )
    assert sources[statements[-1].source_id].name == "Mykola Danylenko"


def test_he_added_after_a_clause_about_someone_else_is_the_last_speaker() -> None:
    """Is "Referring to Belotsky's remarks, he added: …" still the alliance chief's?"""
    statements, sources = attributed(
        "“It is a war crime,” the head of the alliance, Pieter Vandermolen, told reporters in Brussels.",
        "Referring to Belotsky’s remarks, he added: “Nobody here will take lessons about provocation.”",
    )
    assert [sources[s.source_id].name for s in statements] == ["Pieter Vandermolen", "Pieter Vandermolen"]


def test_a_trailing_attribution_reports_everything_before_it() -> None:
    """Is a sentence ending ", department spokesperson Kira Delgado said" hers, not the department's finding?"""
    (statement,), _ = attributed(
        'The department last inspected the wall in 2021 and found "no significant deficiencies," '
        "department spokesperson Kira Delgado said."
    )
    assert statement.speaker == "Kira Delgado"
    assert statement.text.startswith("The department last inspected")


def test_a_negated_or_passive_verb_attributes_nothing() -> None:
    """Are "did not say" and "has not been announced" left in the journalist's voice?"""
    statements, _ = attributed(
        "The decision, which has not been announced, would be made by the president.",
        "Thiel did not say what he would do.",
    )
    assert statements == []


def test_a_quotation_closed_in_a_paragraph_that_does_not_reopen_it_still_continues() -> None:
    """Is a paragraph that only closes a quotation begun earlier still the speaker's?"""
    statements, _ = find_statements(
        article("“First part,” Ms Berg said. “Second part goes on.", "And it ends here, with no opening mark.”")
    )
    assert [(s.paragraph, s.speaker, s.quote_type) for s in statements][-1] == (2, "Ms Berg", QuoteType.DIRECT)


def test_doubled_apostrophes_are_quotation_marks() -> None:
    """Are ''these'' quotation marks, as in some newspaper archives?"""
    statements, _ = attributed("''I don't think the industry is over,'' Mr. Smith said. ''I think it's just changing.''")
    assert [(s.speaker, s.verb, s.text) for s in statements] == [
        ("Mr Smith", "said", "I don't think the industry is over"),
        ("Mr Smith", None, "I think it's just changing"),
    ]


def test_wire_abbreviations_do_not_end_sentences() -> None:
    """Do "Mont.", "Aug." and "David M. Larkin" stay inside their sentences (and the dateline outside the statement)?"""
    statements, _ = find_statements(article("BUTTE, Mont. (AP) — The mine closed on Aug. 3, David M. Larkin said. Crews left."))
    assert [s.text for s in statements] == ["The mine closed on Aug. 3", "Crews left"]


def test_a_very_long_sentence_without_punctuation_is_analysed() -> None:
    """Is a 1,500-word sentence with no punctuation analysed (no recursion limit reached)?"""
    statements, _ = find_statements(article("word " * 1500 + "said Anna Berg."))
    assert statements
