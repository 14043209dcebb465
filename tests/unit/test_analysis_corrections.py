"""A teacher's corrections file: written from the analysis, edited by hand, applied once before every finding.

The edits are made on the written text, line by line, as a teacher makes them in an editor.
"""

from __future__ import annotations

import copy
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from helpers import COURSE_ARTICLE, ROOT, sphinx_html
from medialit.analysis import Analysis, analyze, analyze_in_course
from medialit.analysis.corrections import (
    SCHEMA_VERSION,
    Corrections,
    SourceCorrection,
    StatementCorrection,
    corrections_for,
    corrections_path,
    course_root,
    load_corrections,
    write_corrections,
)
from medialit.analysis.vocabulary import QuoteType, SourceKind, SourceType
from medialit.article import Article
from medialit.errors import CorrectionsError, MedialitError
from medialit.ingest import load_article

ARTICLES = ROOT / "articles"
LEAK = ARTICLES / "anonymous-leak-relayed.txt"
WIRE = ARTICLES / "wire-story-dateline-caption.txt"
HOSTILE = ROOT / "tests" / "fixtures" / "articles" / "hostile-everywhere.txt"


@pytest.fixture(scope="module")
def leak() -> Analysis:
    return analyze(load_article(LEAK))


@pytest.fixture(scope="module")
def wire() -> Analysis:
    return analyze(load_article(WIRE))


@pytest.fixture(scope="module")
def course() -> Analysis:
    return analyze(load_article(COURSE_ARTICLE))


def set_field(text: str, anchor: str, field: str, value: str, after: str = "") -> str:
    """Set ``field`` of the entry that has a line starting with ``anchor`` ("- id: s5", "  text: We read …"),
    the first such entry after the line ``after`` (a section: "claims:")."""
    lines = text.split("\n")
    first = lines.index(after) if after else 0
    at = next(index for index in range(first, len(lines)) if lines[index].startswith(anchor))
    start = next(index for index in range(at, -1, -1) if lines[index].startswith("- "))
    end = next((index for index in range(start + 1, len(lines)) if not lines[index].startswith("  ")), len(lines))
    for index in range(start, end):
        if lines[index].removeprefix("- ").startswith(f"{field}:") or lines[index].startswith(f"  {field}:"):
            prefix = "- " if lines[index].startswith("- ") else "  "
            lines[index] = f"{prefix}{field}: {value}"
            return "\n".join(lines)
    lines.insert(end, f"  {field}: {value}")
    return "\n".join(lines)


def line_of(text: str, needle: str, after: str | None = None) -> int:
    """The 1-based line of the first line containing ``needle`` (after the line starting with ``after``)."""
    lines = text.split("\n")
    start = next(index for index, line in enumerate(lines) if line.startswith(after)) + 1 if after else 0
    return next(index for index in range(start, len(lines)) if needle in lines[index]) + 1


def corrected(analysis: Analysis, folder: Path, *edits: tuple[str, ...]) -> tuple[Analysis, str, Path]:
    """The analysis with the written file, edited by ``(anchor, field, value[, after])`` edits, applied; and the file."""
    text = write_corrections(analysis)
    for edit in edits:
        text = set_field(text, *edit)
    path = folder / "corrections.yml"
    path.write_text(text, encoding="utf-8")
    return analyze(analysis.article, load_corrections(path)), text, path


def by_id(analysis: Analysis) -> dict[str, Any]:
    return {source.id: source for source in analysis.sources}


# Writing and reading back ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", [*sorted(p for p in ARTICLES.iterdir() if p.is_file()), HOSTILE], ids=lambda p: p.name)
def test_the_written_file_loads_and_gives_the_same_analysis(path: Path, tmp_path: Path) -> None:
    """Does a file nobody edited change nothing, for every test article and the hostile one?"""
    analysis = analyze(load_article(path))
    again, text, _ = corrected(analysis, tmp_path)
    assert text == write_corrections(analyze(load_article(path)))  # the same analysis, the same bytes
    assert text.startswith("# Corrections to medialit's analysis of") and f"schema_version: {SCHEMA_VERSION}\n" in text
    assert again.model_dump(exclude={"corrections"}) == analysis.model_dump(exclude={"corrections"})
    assert again.corrections is not None and again.corrections.changes == []


def test_every_statement_and_source_has_an_entry(leak: Analysis) -> None:
    data = yaml.safe_load(write_corrections(leak))
    assert [entry["id"] for entry in data["sources"]] == [source.id for source in leak.sources]
    assert len(data["statements"]) == len(leak.statements)
    assert data["article"] == LEAK.name
    p9 = [entry for entry in data["statements"] if entry["paragraph"] == 9]
    assert [entry["speaker"] for entry in p9] == ["s8", "s8"]
    assert p9[1]["text"] == "We read about it in the press, like everyone else"


def test_a_corrected_analysis_cannot_be_written(wire: Analysis, tmp_path: Path) -> None:
    """The file's ids and mentions are the analyzer's: a corrected analysis would write a file that no longer fits."""
    fixed, _, _ = corrected(wire, tmp_path)
    with pytest.raises(ValueError, match="without corrections"):
        write_corrections(fixed)


def test_corrections_made_in_python_apply_without_a_file(leak: Analysis) -> None:
    corrections = Corrections(
        sources=[SourceCorrection(id="s2", name="a senior US official")],
        statements=[StatementCorrection(paragraph=9, text="We read about it", speaker="journalist")],
    )
    fixed = analyze(leak.article, corrections)
    assert by_id(fixed)["s2"].name == "a senior US official"
    assert fixed.corrections is not None and fixed.corrections.file is None
    with pytest.raises(CorrectionsError, match=r"^corrections: source s99: the analysis finds no source s99"):
        analyze(leak.article, Corrections(sources=[SourceCorrection(id="s99", name="x")]))


# What each edit does ----------------------------------------------------------------------------


def test_renaming_a_source_renames_it_in_every_finding(course: Analysis, tmp_path: Path) -> None:
    """Statements, claims, who contests them, analogies and the headline finding all use the new name."""
    fixed, _, _ = corrected(
        course, tmp_path, ("- id: s1", "name", "President Vjosa Osmani"), ("- id: s3", "name", "the Serbian government")
    )
    assert by_id(fixed)["s1"].name == "President Vjosa Osmani"
    assert {s.speaker for s in fixed.statements if s.source_id == "s1"} == {"President Vjosa Osmani"}
    assert "Vjosa Osmani" not in {s.speaker for s in fixed.statements}
    assert {c.speaker for c in fixed.evidence} >= {"President Vjosa Osmani", "the Serbian government"}
    assert ["the Serbian government"] in [c.contested_by for c in fixed.evidence]
    assert {a.speaker for a in fixed.analogies} == {None, "President Vjosa Osmani"}
    assert "the words of President Vjosa Osmani" in fixed.framing.headline[0].detail
    assert fixed.corrections is not None
    assert "s1 renamed: 'Vjosa Osmani' → 'President Vjosa Osmani'" in fixed.corrections.changes


def test_kind_type_role_and_affiliation_are_edited(wire: Analysis, tmp_path: Path) -> None:
    fixed, _, _ = corrected(
        wire,
        tmp_path,
        ("- id: s1", "type", "official"),
        ("- id: s1", "role", "governor"),
        ("- id: s1", "affiliation", "Montana"),
        ("- id: s6", "kind", "named"),
        ("- id: s10", "role", "null"),
    )
    whitcomb, governor, agency = by_id(fixed)["s1"], by_id(fixed)["s6"], by_id(fixed)["s10"]
    assert (whitcomb.type, whitcomb.role, whitcomb.affiliation) == (SourceType.OFFICIAL, "governor", "Montana")
    assert {s.speaker_type for s in fixed.statements if s.source_id == "s1"} == {SourceType.OFFICIAL}
    assert governor.kind is SourceKind.NAMED and all(s.named for s in fixed.statements if s.source_id == "s6")
    assert agency.role is None


def test_same_as_merges_two_sources_and_counts_again(wire: Analysis, tmp_path: Path) -> None:
    """'The company, based in Casper' is Granite Ridge Mining Co.: one source, counted again."""
    before = by_id(wire)
    fixed, _, _ = corrected(wire, tmp_path, ("- id: s5", "same_as", "s4"))
    after = by_id(fixed)
    assert "s5" not in after
    company = after["s4"]
    assert company.statements == before["s4"].statements + before["s5"].statements == 2
    assert company.words == before["s4"].words + before["s5"].words
    assert company.share == round(company.words / sum(len(p.text.split()) for p in wire.article.paragraphs), 4)
    assert company.mentions == ["Granite Ridge Mining Co", "The company, based in Casper, Wyo"]
    assert all(s.source_id == "s4" for s in fixed.statements if s.paragraph == 6 and s.source_id is not None)
    p7 = next(s for s in fixed.statements if s.paragraph == 7 and s.source_id is not None)
    assert (p7.source_id, p7.speaker, p7.relayed_by) == ("s1", "Dana Whitcomb", "s6")  # still relayed by the newspaper
    assert {s.source_id for s in fixed.statements} - {None} <= set(after)


def test_changing_a_speaker_moves_the_statement(leak: Analysis, wire: Analysis, tmp_path: Path) -> None:
    fixed, _, _ = corrected(leak, tmp_path, ("  text: We read about it", "speaker", "journalist"))
    moved = next(s for s in fixed.statements if s.text.startswith("We read about it"))
    assert (moved.source_id, moved.speaker, moved.quote_type, moved.verb, moved.attribution) == (
        None,
        None,
        QuoteType.JOURNALIST,
        None,
        None,
    )
    assert by_id(fixed)["s8"].statements == by_id(leak)["s8"].statements - 1
    assert by_id(fixed)["s8"].share < by_id(leak)["s8"].share

    given, _, _ = corrected(wire, tmp_path, ("  text: Whitcomb declined to repeat", "speaker", "s1"))
    declined = next(s for s in given.statements if s.text.startswith("Whitcomb declined"))
    assert (declined.source_id, declined.speaker, declined.quote_type) == ("s1", "Dana Whitcomb", QuoteType.INDIRECT)
    assert by_id(given)["s1"].statements == by_id(wire)["s1"].statements + 1


def test_a_quote_type_is_edited(leak: Analysis, tmp_path: Path) -> None:
    fixed, _, _ = corrected(leak, tmp_path, ("  text: Harlan had been told of the decision", "quote_type", "direct"))
    assert next(s for s in fixed.statements if s.text.startswith("Harlan had been told")).quote_type is QuoteType.DIRECT


def test_dropping_a_source_gives_its_statements_to_the_journalist(leak: Analysis, tmp_path: Path) -> None:
    """'media' is not a source: its statement stays, in the journalist's voice; CBS's relay goes with CBS."""
    fixed, _, _ = corrected(leak, tmp_path, ("- id: s10", "drop", "true"), ("- id: s5", "drop", "true"))
    assert "s10" not in by_id(fixed) and "s5" not in by_id(fixed)
    board = next(s for s in fixed.statements if s.text.startswith("Harlan’s board"))
    assert (board.source_id, board.quote_type) == (None, QuoteType.JOURNALIST)
    assert len(fixed.statements) == len(leak.statements)
    assert all(s.relayed_by is None and s.relay is None for s in fixed.statements)
    assert fixed.corrections is not None
    assert "s10 (media) dropped: its statements are the journalist's own voice" in fixed.corrections.changes


def test_dropping_a_statement_removes_it_and_a_source_left_silent(leak: Analysis, tmp_path: Path) -> None:
    fixed, _, _ = corrected(leak, tmp_path, ("  text: Harlan’s board had discussed", "drop", "true"))
    assert len(fixed.statements) == len(leak.statements) - 1
    assert not any(s.text.startswith("Harlan’s board") for s in fixed.statements)
    assert "s10" not in by_id(fixed)  # media said nothing else
    assert fixed.corrections is not None
    assert "s10 (media) has no statements left and leaves the sources" in fixed.corrections.changes


def test_dropped_findings_leave_the_analysis(course: Analysis, tmp_path: Path) -> None:
    """An analogy, a claim and one of two twin headline findings (told apart by their detail)."""
    fixed, _, _ = corrected(
        course,
        tmp_path,
        ("  marker: the same as", "drop", "true"),
        ("  text: it as “incitement of hatred", "drop", "true", "claims:"),
        ('  detail: The subheadline names "Kosovan"', "drop", "true"),
    )
    assert [a.paragraph for a in fixed.analogies] == [3, 12]
    assert 27 not in [c.paragraph for c in fixed.evidence] and len(fixed.evidence) == len(course.evidence) - 1
    assert len(fixed.framing.headline) == len(course.framing.headline) - 1
    assert not any("Kosovan" in f.detail for f in fixed.framing.headline)
    assert fixed.statements == course.statements  # dropping a finding changes no statement


def test_a_claim_follows_its_statement_to_the_journalist(course: Analysis, tmp_path: Path) -> None:
    """Claims are computed after the corrections: a claim given to the journalist is no longer a sourced claim."""
    fixed, _, _ = corrected(course, tmp_path, ("  text: it as “incitement of hatred", "speaker", "journalist"))
    assert 27 not in [claim.paragraph for claim in fixed.evidence]


def test_a_short_hand_written_file_is_enough(leak: Analysis, tmp_path: Path) -> None:
    """Only the entries a teacher edits, first words cut anywhere, quotation marks retyped straight."""
    path = tmp_path / "mine.yml"
    path.write_text(
        "schema_version: 1\n"
        "sources:\n- id: s2\n  name: a senior US official\n"
        "statements:\n- paragraph: 3\n  text: this was NEVER about\n  speaker: s1\n"
        '- paragraph: 6\n  text: Harlan "continues to engage\n  drop: true\n',
        encoding="utf-8",
    )
    fixed = analyze(leak.article, load_corrections(path))
    never = next(s for s in fixed.statements if s.text.startswith("This was never"))
    assert never.source_id == "s1" and by_id(fixed)["s2"].statements == 1
    assert not any(s.text.startswith("Harlan “continues") for s in fixed.statements)


# Where the file is ---------------------------------------------------------------------------------


def test_the_file_is_found_next_to_articles_in_the_course(leak: Analysis, tmp_path: Path) -> None:
    course_folder = tmp_path / "course"
    (course_folder / "articles").mkdir(parents=True)
    article = course_folder / "articles" / LEAK.name
    article.write_bytes(LEAK.read_bytes())
    assert course_root(article) is None and corrections_for(article) is None  # no _config.yml: not a course
    (course_folder / "_config.yml").write_text("title: x\n", encoding="utf-8")
    assert course_root(article) == course_folder.resolve()
    assert corrections_path(course_folder, article) == course_folder / "analysis" / "anonymous-leak-relayed.yml"
    assert corrections_for(article) is None  # a course without corrections
    assert analyze_in_course(article).corrections is None
    target = corrections_path(course_folder, LEAK.name)
    target.parent.mkdir()
    target.write_text(set_field(write_corrections(leak), "- id: s2", "name", "a senior US official"), encoding="utf-8")
    assert corrections_for(article) == target.resolve()
    assert by_id(analyze_in_course(article))["s2"].name == "a senior US official"


# Mistakes: one CorrectionsError naming the file and line ------------------------------------------------

Edit = Callable[[str], str]


def _replace(old: str, new: str) -> Edit:
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return edit


class Mistake(NamedTuple):
    what: str
    edit: Edit
    message: str
    """Part of the error message."""
    line_text: str
    """Text on the line the error must name."""
    after: str | None = None
    """The line after which that text is searched (when it occurs earlier too)."""


MISTAKES = [
    Mistake(
        "bad YAML",
        _replace("  name: CBS\n", "  name: CBS: News\n"),
        "not valid YAML: mapping values are not allowed here",
        "name: CBS: News",
    ),
    Mistake(
        "unknown field",
        _replace("  name: CBS\n", "  nmae: CBS\n"),
        "source s5: unknown field 'nmae'; expected one of: id, mentions, name",
        "nmae:",
    ),
    Mistake(
        "kind not in the list",
        _replace("  name: CBS\n  kind: named", "  name: CBS\n  kind: famous"),
        "source s5: kind: Input should be 'named', 'anonymous' or 'collective'",
        "kind: famous",
    ),
    Mistake(
        "type journalist",
        _replace("  name: CBS\n  kind: named\n  type: institution", "  name: CBS\n  kind: named\n  type: journalist"),
        "journalist is not a source's type",
        "type: journalist",
    ),
    Mistake("name null", _replace("  name: CBS\n", "  name: null\n"), "name: cannot be null", "name: null"),
    Mistake(
        "unknown speaker",
        lambda t: set_field(t, "  text: We read about it", "speaker", "s99"),
        'statement P9 "We read about it in the press, like …": no source s99 in the analysis',
        "speaker: s99",
    ),
    Mistake(
        "unknown same_as",
        lambda t: set_field(t, "- id: s2", "same_as", "s42"),
        "source s2: no source s42 in the analysis",
        "same_as: s42",
    ),
    Mistake(
        "merged into a dropped source",
        lambda t: set_field(set_field(t, "- id: s4", "drop", "true"), "- id: s3", "same_as", "s4"),
        "s4 is dropped (drop: true): nothing can be merged into it",
        "same_as: s4",
    ),
    Mistake(
        "merged into a merged source",
        lambda t: set_field(set_field(t, "- id: s4", "same_as", "s1"), "- id: s3", "same_as", "s4"),
        "s4 is itself merged into s1: write same_as: s1",
        "same_as: s4",
    ),
    Mistake(
        "merged into itself", lambda t: set_field(t, "- id: s3", "same_as", "s3"), "same_as: s3 is this source itself", "- id: s3"
    ),
    Mistake(
        "statement words edited",
        _replace("  text: We read about it in the press, like everyone else", "  text: We heard it on the radio"),
        "no statement of P9 begins with these words",
        "We heard it on the radio",
    ),
    Mistake(
        "paragraph beyond the article",
        lambda t: set_field(t, "  text: We read about it", "paragraph", "99"),
        "P99 does not exist: the article has P1-P15",
        "- paragraph: 99",
    ),
    Mistake(
        "too few words",
        lambda t: set_field(t, "  text: This was never", "text", "Th …"),
        "these words begin 2 statements of P3",
        "  text: Th …",
    ),
    Mistake(
        "same statement twice",
        _replace("  text: We read about it in the press, like everyone else", "  text: his government had"),
        "the same statement as the entry on line",
        "  text: his government had",
        "  text: his government had “received",
    ),
    Mistake(
        "mentions edited",
        _replace("  - the diplomat\n", "  - the envoy\n"),
        "the analysis now finds s8 as",
        "  mentions:",
        "- id: s8",
    ),
    Mistake(
        "a second entry for one source",
        _replace("- id: s4\n", "- id: s3\n"),
        "a second entry for s3 (the first is on line",
        "- id: s3",
        "- id: s3",
    ),
    Mistake(
        "direct in the journalist's voice",
        lambda t: set_field(t, "  text: The Aster Investment Authority did not", "quote_type", "direct"),
        "quote_type direct needs a speaker",
        "quote_type: direct",
        "  text: The Aster Investment Authority did not",
    ),
    Mistake(
        "journalist quote type with a speaker",
        lambda t: set_field(t, "  text: We read about it", "quote_type", "journalist"),
        "to give the statement to the journalist, write speaker: journalist",
        "quote_type: journalist",
        "  text: We read about it",
    ),
    Mistake(
        "speaker given to a dropped source",
        lambda t: set_field(set_field(t, "- id: s10", "drop", "true"), "  text: We read about it", "speaker", "s10"),
        "s10 is dropped (drop: true); give this statement to another source",
        "speaker: s10",
    ),
    Mistake(
        "a finding that is not there",
        lambda t: set_field(set_field(t, "- line: headline", "paragraph", "2"), "- line: headline", "drop", "true"),
        "headline finding (headline, attribution-dropped, P2): the analysis has no such finding",
        "- line: headline",
    ),
    Mistake(
        "another article's file",
        _replace("article: anonymous-leak-relayed.txt", "article: wire-story.txt"),
        "this file corrects wire-story.txt, not anonymous-leak-relayed.txt",
        "article: wire-story.txt",
    ),
    Mistake(
        "too new",
        _replace("schema_version: 1", "schema_version: 2"),
        "version 2 is newer than this medialit reads (1)",
        "schema_version: 2",
    ),
    Mistake(
        "too old",
        _replace("schema_version: 1", "schema_version: 0"),
        "version 0 is older than this medialit reads (1)",
        "schema_version: 0",
    ),
    Mistake(
        "no version", _replace("schema_version: 1\n", ""), "no schema_version (this medialit reads version 1)", "# Corrections"
    ),
    Mistake("not a mapping", lambda t: "- just\n- a list\n", "a corrections file is a YAML mapping", "- just"),
    Mistake(
        "a list that is not a list",
        _replace("claims: []\n", "claims: many\n"),
        "claims: Input should be a valid list",
        "claims: many",
    ),
]


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.what for m in MISTAKES])
def test_each_mistake_is_one_error_naming_the_file_and_line(leak: Analysis, tmp_path: Path, mistake: Mistake) -> None:
    text = mistake.edit(write_corrections(leak))
    path = tmp_path / "anonymous-leak-relayed.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CorrectionsError) as raised:
        analyze(leak.article, load_corrections(path))
    expected_line = line_of(text, mistake.line_text, mistake.after)
    assert str(raised.value).startswith(f"{path}:{expected_line}: "), (str(raised.value), expected_line)
    assert mistake.message in str(raised.value)
    assert raised.value.line == expected_line and raised.value.path == path


def test_a_file_that_cannot_be_read_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CorrectionsError, match="no such file"):
        load_corrections(tmp_path / "missing.yml")
    binary = tmp_path / "binary.yml"
    binary.write_bytes(b"schema_version: 1\n\x00")
    with pytest.raises(CorrectionsError, match=r"binary.yml:2: is a binary file"):
        load_corrections(binary)


def test_a_changed_article_is_an_error_naming_the_entry(leak: Analysis, tmp_path: Path) -> None:
    """The file was written for the article as it was; a paragraph rewritten since is reported, not skipped."""
    path = tmp_path / "anonymous-leak-relayed.yml"
    path.write_text(write_corrections(leak), encoding="utf-8")
    paragraphs = tuple(
        p if p.n != 9 else type(p)(p.n, p.text.replace("We read about it in the press", "We learnt it from TV"), p.line)
        for p in leak.article.paragraphs
    )
    changed = Article(**{**leak.article.__dict__, "paragraphs": paragraphs})
    with pytest.raises(CorrectionsError, match=r'statement P9 "We read about it in the press, like …": no statement of P9'):
        analyze(changed, load_corrections(path))


# Random edits: they apply, or give one CorrectionsError ------------------------------------------------

IDS = [f"s{n}" for n in range(1, 11)]
MISTAKE = st.sampled_from([None, "", "s99", "bogus", 0, -1, ["she"], "…"])
"""Values that are wrong for most fields; drawn now and then among the right ones."""
FIELD_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "name": st.one_of(
        st.sampled_from(["the diplomat", "CBS News", "a senior US official", "Emil Sarkany"]), st.text(max_size=15)
    ),
    "kind": st.sampled_from([str(kind) for kind in SourceKind]),
    "type": st.sampled_from([str(kind) for kind in SourceType]),
    "role": st.one_of(st.none(), st.text(max_size=15)),
    "affiliation": st.one_of(st.none(), st.text(max_size=15)),
    "same_as": st.one_of(st.none(), st.sampled_from(IDS)),
    "drop": st.booleans(),
    "mentions": st.lists(st.sampled_from(["she", "the official", "media", "CBS"]), max_size=3),
    "speaker": st.sampled_from([*IDS, "journalist"]),
    "quote_type": st.sampled_from([str(quote) for quote in QuoteType]),
    "paragraph": st.integers(1, 16),
    "text": st.sampled_from(["We read", "the", "The", "Harlan", "A", "…", "This was never about"]),
    "occurrence": st.integers(1, 3),
    "line": st.sampled_from(["headline", "subheadline"]),
    "marker": st.sampled_from(["like", "the same as"]),
    "detail": st.text(max_size=10),
}
SOURCE_FIELDS = ["name", "kind", "type", "role", "affiliation", "same_as", "drop", "mentions"]
STATEMENT_FIELDS = ["speaker", "quote_type", "drop", "paragraph", "text", "occurrence"]
FINDING_FIELDS = ["drop", "paragraph", "line", "text", "marker", "detail"]


def _field_edit(section: str, count: int, fields: list[str]) -> st.SearchStrategy[tuple[str, int, str, Any]]:
    """An edit of one field of one entry: mostly a value the field takes, sometimes a mistake or an unknown field."""
    return st.sampled_from([*fields, "nmae"]).flatmap(
        lambda field: st.tuples(
            st.just(section),
            st.integers(0, count),
            st.just(field),
            st.one_of(
                FIELD_VALUES.get(field, MISTAKE), FIELD_VALUES.get(field, MISTAKE), FIELD_VALUES.get(field, MISTAKE), MISTAKE
            ),
        )
    )


EDITS = st.one_of(
    _field_edit("sources", 11, SOURCE_FIELDS),
    _field_edit("statements", 25, STATEMENT_FIELDS),
    st.sampled_from(["headline", "claims", "analogies"]).flatmap(lambda section: _field_edit(section, 2, FINDING_FIELDS)),
    st.tuples(st.sampled_from(["sources", "statements"]), st.integers(0, 25), st.sampled_from(["(delete)", "(copy)"]), st.none()),
)
VALID_EDITS = st.one_of(
    st.tuples(st.just("sources"), st.integers(0, 11), st.sampled_from(SOURCE_FIELDS[:-1]), st.none()).flatmap(
        lambda edit: st.tuples(*map(st.just, edit[:3]), FIELD_VALUES[edit[2]])
    ),
    st.tuples(st.just("statements"), st.integers(0, 25), st.sampled_from(["speaker", "quote_type", "drop"]), st.none()).flatmap(
        lambda edit: st.tuples(*map(st.just, edit[:3]), FIELD_VALUES[edit[2]])
    ),
    st.tuples(st.sampled_from(["headline", "claims", "analogies"]), st.integers(0, 2), st.just("drop"), st.booleans()),
)
"""Edits a teacher means: a field the file lets them edit, set to a value it takes."""
TYPO = st.tuples(st.integers(0, 9000), st.text(min_size=1, max_size=3))
"""Characters typed anywhere in the file (a broken YAML line, a changed word)."""


def _edit(data: dict[str, Any], edit: tuple[str, int, str, Any]) -> None:
    section, index, field, value = edit
    entries = data.get(section)
    if not isinstance(entries, list) or not entries:
        return
    index %= len(entries)
    if field == "(delete)":
        del entries[index]
    elif field == "(copy)":
        entries.append(copy.deepcopy(entries[index]))
    else:
        entries[index][field] = value


def _check_consistent(fixed: Analysis, before: Analysis) -> None:
    """Every statement points at a source that exists, with its name; every count is what the statements say."""
    sources = by_id(fixed)
    total = sum(len(p.text.split()) for p in fixed.article.paragraphs) or 1
    for statement in fixed.statements:
        assert (statement.source_id is None) == (statement.speaker is None) == (statement.quote_type is QuoteType.JOURNALIST)
        if statement.source_id is not None:
            source = sources[statement.source_id]
            assert (statement.speaker, statement.kind, statement.speaker_type) == (source.name, source.kind, source.type)
            assert statement.named == (source.kind is SourceKind.NAMED)
        assert statement.relayed_by is None or (statement.relayed_by in sources and statement.relayed_by != statement.source_id)
    for source in fixed.sources:
        own = [s for s in fixed.statements if s.source_id == source.id]
        assert source.statements == len(own) and source.words == sum(len(s.text.split()) for s in own)
        assert source.share == round(source.words / total, 4)
        assert source.relays == sum(s.relayed_by == source.id for s in fixed.statements)
    assert set(sources) <= {source.id for source in before.sources}
    assert {claim.speaker for claim in fixed.evidence} - {None} <= {source.name for source in fixed.sources}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(EDITS, max_size=5),
    st.one_of(st.none(), st.none(), st.none(), TYPO),
)
def test_random_edits_apply_or_give_one_corrections_error(
    edits: list[tuple[str, int, str, Any]], typo: tuple[int, str] | None
) -> None:
    before = _analysis(LEAK)
    data = yaml.safe_load(write_corrections(before))
    for edit in edits:
        _edit(data, edit)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if typo is not None:
        at = typo[0] % (len(text) + 1)
        text = text[:at] + typo[1] + text[at:]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corrections.yml"
        path.write_text(text, encoding="utf-8")
        try:
            fixed = analyze(before.article, load_corrections(path))
        except CorrectionsError as error:
            assert str(error).startswith(str(path)), str(error)
            event("one CorrectionsError: " + error.reason[:25])
            return
        except MedialitError as error:  # pragma: no cover - the assertion reports it
            raise AssertionError(f"not a CorrectionsError: {error!r}") from error
    event("applied")
    _check_consistent(fixed, before)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([LEAK, WIRE]), st.lists(VALID_EDITS, min_size=1, max_size=8))
def test_edits_a_teacher_means_keep_every_count_consistent(article: Path, edits: list[tuple[str, int, str, Any]]) -> None:
    """Renames, merges, drops and moves in any combination: applied with consistent counts, or refused when they
    contradict each other (a statement given to a dropped source, a merge into a merged source)."""
    before = _analysis(article)
    data = yaml.safe_load(write_corrections(before))
    for edit in edits:
        _edit(data, edit)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corrections.yml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        try:
            fixed = analyze(before.article, load_corrections(path))
        except CorrectionsError as error:
            assert str(error).startswith(str(path)), str(error)
            event("refused: " + error.reason.split(":")[0][:30])
            return
    event("applied")
    _check_consistent(fixed, before)


_ANALYSES: dict[Path, Analysis] = {}


def _analysis(path: Path) -> Analysis:
    """An article's analysis, once for all examples (a fixture cannot be shared with @given)."""
    if path not in _ANALYSES:
        _ANALYSES[path] = analyze(load_article(path))
    return _ANALYSES[path]


# The course's pages -------------------------------------------------------------------------------

SPHINX_CONF = """
extensions = ["myst_parser", "medialit.sphinxext"]
project = "corrections-test"
html_theme = "basic"
exclude_patterns = ["articles", "analysis", "_config.yml"]
"""
SPHINX_PAGE = f"""# Sources

```{{article-text}} /articles/{WIRE.name}
```

```{{analysis-sources}} /articles/{WIRE.name}
```

```{{analysis-statements}} /articles/{WIRE.name}
:paragraphs: 6-7
```
"""


def _tables(page: Path) -> tuple[str, str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    sources, statements = soup.select_one("table.medialit-sources"), soup.select_one("table.medialit-statements")
    assert sources is not None and statements is not None
    return sources.get_text(" ", strip=True), statements.get_text(" ", strip=True)


def test_a_table_changes_when_the_corrections_file_does(wire: Analysis, tmp_path: Path) -> None:
    """The course's file is read at build time; creating it, editing it and breaking it each show on the next build."""
    source, out = tmp_path / "course", tmp_path / "out"
    (source / "articles").mkdir(parents=True)
    (source / "articles" / WIRE.name).write_bytes(WIRE.read_bytes())
    (source / "_config.yml").write_text("title: A course\n", encoding="utf-8")  # what makes the folder a course
    (source / "conf.py").write_text(SPHINX_CONF, encoding="utf-8")
    (source / "index.md").write_text(SPHINX_PAGE, encoding="utf-8")
    result, page = sphinx_html(source, out)
    assert result.returncode == 0, result.stderr
    sources, statements = _tables(page)
    assert "The company, based in Casper, Wyo" in sources and "Governor Dana Whitcomb" not in sources

    corrections = corrections_path(source, WIRE.name)
    corrections.parent.mkdir()
    text = set_field(write_corrections(wire), "- id: s5", "same_as", "s4")
    corrections.write_text(set_field(text, "- id: s1", "name", "Governor Dana Whitcomb"), encoding="utf-8")
    result, page = sphinx_html(source, out)  # the same output folder: an incremental build
    assert result.returncode == 0, result.stderr
    sources, statements = _tables(page)
    assert "The company, based in Casper, Wyo" not in sources
    assert "Governor Dana Whitcomb" in sources and "Governor Dana Whitcomb" in statements

    corrections.write_text(set_field(text, "- id: s1", "name", "Dana Whitcomb of Montana"), encoding="utf-8")
    result, page = sphinx_html(source, out)
    assert result.returncode == 0, result.stderr
    assert "Dana Whitcomb of Montana" in _tables(page)[0]

    corrections.write_text(set_field(text, "- id: s1", "same_as", "s12"), encoding="utf-8")
    result, _ = sphinx_html(source, out)
    assert result.returncode != 0
    line = line_of(set_field(text, "- id: s1", "same_as", "s12"), "same_as: s12")
    assert f"{corrections}:{line}: source s1: no source s12 in the analysis" in result.stderr


def test_the_worked_example_in_the_docs_is_what_medialit_does(wire: Analysis, tmp_path: Path) -> None:
    """docs/analysis.md, "Correcting the analysis": the excerpt is the written file, the changes are the edits'."""
    docs = (ROOT / "docs" / "analysis.md").read_text(encoding="utf-8")
    example = docs[docs.index("### A worked example") : docs.index("### Mistakes")]
    written = write_corrections(wire)
    excerpt = example[example.index("```yaml") + len("```yaml\n") : example.index("```\n", example.index("```yaml"))]
    for line in excerpt.splitlines():
        assert line == "…" or line.strip() == "…" or line in written.splitlines(), line
    fixed, _, _ = corrected(
        wire,
        tmp_path,
        ("- id: s1", "affiliation", "Montana"),
        ("- id: s4", "name", "Granite Ridge Mining Co."),
        ("- id: s4", "type", "institution"),
        ("- id: s5", "same_as", "s4"),
    )
    assert fixed.corrections is not None
    changes = example[example.index("```text\n") + len("```text\n") : example.index("```\n", example.index("```text"))]
    assert changes.splitlines() == fixed.corrections.changes
    rows = {source.name: (source.statements, f"{source.share:.0%}") for source in fixed.sources}
    assert rows["Dana Whitcomb"] == (5, "13%") and rows["Granite Ridge Mining Co."] == (2, "6%")
    assert "| Dana Whitcomb | named | official | governor, Montana | 5 | 13% |" in example
