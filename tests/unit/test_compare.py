"""medialit compare: two written versions of one story, each kind of change with both paragraph numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import ROOT
from medialit.cli import main
from medialit.errors import ArticleError
from medialit.versions import ChangeKind, Comparison, RowStatus, compare_files
from medialit.versions.align import align, similarity, word_edits
from medialit.versions.model import Change

VERSIONS = ROOT / "tests" / "fixtures" / "versions"
DAM_A, DAM_B = VERSIONS / "dam-wire-a.txt", VERSIONS / "dam-wire-b.txt"
LIBRARY_A, LIBRARY_B = VERSIONS / "library-council-a.md", VERSIONS / "library-council-b.md"


@pytest.fixture(scope="module")
def dam() -> Comparison:
    """The wire story against its republished copy (headline, byline, date, verbs, quotes, hedges, moves)."""
    return compare_files(DAM_A, DAM_B)


@pytest.fixture(scope="module")
def library() -> Comparison:
    """The council story against a second outlet's copy (sub-headline, republisher, moved, dropped, quote reported)."""
    return compare_files(LIBRARY_A, LIBRARY_B)


def only(comparison: Comparison, kind: ChangeKind) -> Change:
    found = comparison.of_kind(kind)
    assert len(found) == 1, [change.detail for change in comparison.changes]
    return found[0]


def places(comparison: Comparison, kind: ChangeKind) -> list[tuple[int | None, int | None]]:
    return [(change.a_paragraph, change.b_paragraph) for change in comparison.of_kind(kind)]


# The page's metadata


def test_a_changed_headline_is_reported_with_both_texts(dam: Comparison) -> None:
    change = only(dam, ChangeKind.HEADLINE)
    assert change.a_text == "Dam operator warns of spillway failure in Orsk valley"
    assert change.b_text == "Orsk dam spillway could fail, engineers warn"
    assert (change.a_paragraph, change.b_paragraph) == (None, None)


def test_an_unchanged_headline_is_not_reported(library: Comparison) -> None:
    assert library.of_kind(ChangeKind.HEADLINE) == []


def test_a_changed_subheadline_is_reported(library: Comparison) -> None:
    change = only(library, ChangeKind.SUBHEADLINE)
    assert change.a_text == "Councillors say the building is too costly to repair"
    assert change.b_text == "Campaigners say older readers will be cut off"


def test_a_changed_byline_and_date_are_reported(dam: Comparison) -> None:
    byline = only(dam, ChangeKind.BYLINE)
    assert (byline.a_text, byline.b_text) == ("Lena Hartwig", "Lena Hartwig and Piotr Zale")
    date = only(dam, ChangeKind.DATE)
    assert (date.a_text, date.b_text) == ("2025-03-03", "2025-03-04")


def test_a_republisher_only_b_names_is_a_provenance_change(library: Comparison) -> None:
    change = only(library, ChangeKind.PROVENANCE)
    assert (change.a_text, change.b_text) == (None, "Valley News Network")
    assert change.detail == "republisher: added"


# Paragraphs


def test_paragraphs_edited_in_place_keep_their_pairing(dam: Comparison) -> None:
    """P1 with "claimed" → "said" is still P1; P5 of A lost its quotation marks and is P4 of B (P3 moved away)."""
    assert places(dam, ChangeKind.PARAGRAPH_EDITED) == [(1, 1), (2, 2), (5, 4), (6, 5), (8, 7)]


def test_a_moved_paragraph_has_both_numbers(dam: Comparison, library: Comparison) -> None:
    assert places(dam, ChangeKind.PARAGRAPH_MOVED) == [(3, 8)]
    assert places(library, ChangeKind.PARAGRAPH_MOVED) == [(2, 3)]


def test_added_and_dropped_paragraphs(dam: Comparison, library: Comparison) -> None:
    assert places(dam, ChangeKind.PARAGRAPH_ADDED) == [(None, 9)]
    assert only(dam, ChangeKind.PARAGRAPH_ADDED).b_text == (
        "Schools in the valley will hold an evacuation drill on Friday, the education office said."
    )
    assert places(dam, ChangeKind.PARAGRAPH_DROPPED) == [(9, None)]
    assert places(library, ChangeKind.PARAGRAPH_DROPPED) == [(5, None)]


def test_rows_hold_every_paragraph_once_in_the_order_of_a_side_by_side_view(dam: Comparison) -> None:
    rows = [(row.a, row.b, row.status) for row in dam.rows]
    assert rows == [
        (1, 1, RowStatus.EDITED),
        (2, 2, RowStatus.EDITED),
        (4, 3, RowStatus.SAME),
        (5, 4, RowStatus.EDITED),
        (6, 5, RowStatus.EDITED),
        (7, 6, RowStatus.SAME),
        (8, 7, RowStatus.EDITED),
        (9, None, RowStatus.DROPPED),
        (3, 8, RowStatus.MOVED),
        (None, 9, RowStatus.ADDED),
    ]


def test_word_edits_are_spans_of_both_paragraphs(dam: Comparison) -> None:
    """What a directive marks: the edit's span in each text is the edited words."""
    row = dam.rows[0]
    assert len(row.edits) == 1
    edit = row.edits[0]
    assert (edit.op, edit.a_text, edit.b_text) == ("replace", "claimed", "said")
    assert dam.a.paragraphs[0][edit.a.start : edit.a.end] == "claimed"
    assert dam.b.paragraphs[0][edit.b.start : edit.b.end] == "said"


# Attribution and wording, from the two analyses


def test_claimed_to_said_is_a_verb_change_with_the_stances(dam: Comparison) -> None:
    change = only(dam, ChangeKind.VERB_CHANGED)
    assert (change.a_paragraph, change.b_paragraph) == (1, 1)
    assert (change.a_text, change.b_text) == ("claimed", "said")
    assert change.detail == "claimed (doubt) → said (neutral)"


def test_an_added_she_added_is_a_verb_added(dam: Comparison) -> None:
    change = only(dam, ChangeKind.VERB_ADDED)
    assert (change.a_paragraph, change.b_paragraph, change.b_text) == (2, 2, "added")
    assert change.b_span is not None
    assert dam.b.paragraphs[1][change.b_span.start : change.b_span.end] == "she added"


def test_a_statement_given_to_another_speaker(dam: Comparison) -> None:
    change = only(dam, ChangeKind.SPEAKER_CHANGED)
    assert (change.a_paragraph, change.b_paragraph) == (8, 7)
    assert (change.a_text, change.b_text) == ("Anton Rieger", "Karin Voss")


def test_a_quotation_that_became_the_journalists_words(dam: Comparison) -> None:
    change = only(dam, ChangeKind.QUOTE_TO_JOURNALIST)
    assert (change.a_paragraph, change.b_paragraph) == (5, 4)
    assert "a government spokesman" in change.detail
    removed = only(dam, ChangeKind.QUOTES_REMOVED)
    assert (removed.a_paragraph, removed.b_paragraph) == (5, 4)
    assert removed.b_text == "The dam has passed every inspection since 1990"


def test_a_quotation_turned_into_reported_speech(library: Comparison) -> None:
    change = only(library, ChangeKind.QUOTE_TYPE_CHANGED)
    assert (change.a_paragraph, change.b_paragraph) == (4, 4)
    assert (change.a_text, change.b_text) == ("direct", "indirect")
    removed = only(library, ChangeKind.QUOTES_REMOVED)
    assert removed.a_text == "branch is a lifeline for people who cannot travel into town"


def test_hedges_dropped_and_a_booster_added(dam: Comparison) -> None:
    assert [(c.a_paragraph, c.b_paragraph, c.a_text) for c in dam.of_kind(ChangeKind.HEDGE_DROPPED)] == [
        (6, 5, "about"),
        (6, 5, "possibly"),
    ]
    booster = only(dam, ChangeKind.BOOSTER_ADDED)
    assert (booster.a_paragraph, booster.b_paragraph, booster.b_text) == (8, 7, "certainly")


def test_a_booster_swapped_for_a_hedge(library: Comparison) -> None:
    assert places(library, ChangeKind.BOOSTER_DROPPED) == [(6, 5)]
    assert only(library, ChangeKind.HEDGE_ADDED).b_text == "reportedly"


def test_claimed_as_a_reporting_verb_is_not_also_a_hedge_dropped(dam: Comparison) -> None:
    """The analysis marks "claimed" as a hedge too; its change is reported once, as the verb's."""
    assert all(change.a_text != "claimed" for change in dam.of_kind(ChangeKind.HEDGE_DROPPED))


def test_a_version_compared_with_itself_has_no_change() -> None:
    comparison = compare_files(DAM_A, DAM_A)
    assert comparison.changes == []
    assert {row.status for row in comparison.rows} == {RowStatus.SAME}


# Alignment on its own


def test_typographic_quotation_marks_and_spacing_are_not_edits() -> None:
    assert word_edits("“It is calm,” she said.", '"It  is calm," she said.') == []
    assert similarity("Road blocks were erected.", "road blocks were erected") == 1.0


def test_a_paragraph_rewritten_beyond_half_its_words_is_dropped_and_added() -> None:
    rows = align(["The mayor opened the new bridge on Friday."], ["Traffic was heavy all weekend in the old town."])
    assert [(row.a, row.b, row.status) for row in rows] == [(1, None, RowStatus.DROPPED), (None, 1, RowStatus.ADDED)]


def test_a_dropped_first_paragraph_is_shown_first() -> None:
    rows = align(["Intro words here today.", "Second paragraph stays the same."], ["Second paragraph stays the same."])
    assert [(row.a, row.b) for row in rows] == [(1, None), (2, 1)]


# The command


def test_the_command_prints_tables_with_both_paragraph_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(DAM_A), str(DAM_B)]) == 0
    out = capsys.readouterr().out
    assert "verb-changed" in out and "claimed (doubt) → said (neutral)" in out
    assert "paragraph-moved" in out and "P3 of A is P8 of B" in out


def test_json_has_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(LIBRARY_A), str(LIBRARY_B), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == 1
    assert set(data) == {"schema_version", "a", "b", "rows", "changes"}
    assert data["a"]["paragraphs"][0].startswith("Harwick council voted")
    assert set(data["rows"][0]) == {"a", "b", "status", "similarity", "edits"}
    moved = next(change for change in data["changes"] if change["kind"] == "paragraph-moved")
    assert (moved["a_paragraph"], moved["b_paragraph"]) == (2, 3)
    assert Comparison.model_validate(data).changes == compare_files(LIBRARY_A, LIBRARY_B).changes


def test_a_missing_version_is_one_error_line_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere.txt"
    assert main(["compare", str(DAM_A), str(missing)]) == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == f"medialit: error: {missing}: no such file"
    assert "Traceback" not in captured.err


def test_an_empty_version_is_refused_as_an_article_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ArticleError, match="empty"):
        compare_files(empty, DAM_B)


def test_article_text_is_never_read_as_terminal_markup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("A [bold]loud[/bold] headline\n\nThe minister claimed the road is [red]safe[/red] now.\n", encoding="utf-8")
    b.write_text(
        "A [bold]loud[/bold] headline, again\n\nThe minister said the road is [red]safe[/red] now.\n\n"
        "A [link=x]new[/link] line.\n",
        encoding="utf-8",
    )
    assert main(["compare", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "[bold]loud[/bold]" in out and "[link=x]new[/link]" in out


def test_the_docs_table_of_change_kinds_is_made_from_the_code() -> None:
    """docs/compare.md lists every kind with its docstring, as ChangeKind has it now."""
    from medialit.versions.model import kinds_table

    docs = (ROOT / "docs" / "compare.md").read_text(encoding="utf-8")
    assert kinds_table() in docs
