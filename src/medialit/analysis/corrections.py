"""A teacher's corrections to the analysis: one YAML file per article in a course, applied once.

Why a file: the analyzer is rule-based and will sometimes be wrong (two mentions of one company
counted as two sources, "the governor" not recognised as the governor already named, an
analogy that is not one). A course is built from the analysis (tables, highlights, generated
questions), so a correction has to be made once, in one place, and reach all of them.
``medialit new`` writes the file from the analysis (:func:`write_corrections`); every build and
``medialit new --refresh`` read it (:func:`load_corrections`) and
:func:`medialit.analysis.analyze` applies it:

1. right after sourcing (:func:`apply_corrections`): sources renamed, re-kinded, merged or
   dropped, statements given to another speaker or dropped, and every source's counts and share
   of words computed again; framing, evidence and analogies are then computed from the corrected
   statements, so a claim's speaker or a headline finding's "the words of X" follows the edit;
2. after the findings are computed (:func:`drop_findings`): headline findings, claims and
   analogies the teacher rejected are removed.

The file lives at ``analysis/<article stem>.yml`` in the course folder (the folder holding
``_config.yml``), next to ``articles/``: :func:`corrections_for` finds it for an article, so the
generator and the Sphinx directives agree. The format (``schema_version: 1``) is documented in
docs/analysis.md, "Correcting the analysis", and in the header of every written file.

What the edits mean:

- a source with ``same_as: s3`` is the same speaker as s3: its statements, relays and mentions
  become s3's; ids stay the analysis's (s3 keeps its id, the merged id is gone);
- a source with ``drop: true`` is not a source: its statements become the journalist's own voice
  (they stay in the article's statements, unattributed), and it relays nothing;
- a statement with ``drop: true`` is not a statement (a fragment, a caption read as text): it
  leaves every table, count and question;
- a finding with ``drop: true`` leaves its table and the questions built from it;
- a source left with no statements and no relays by the edits leaves the sources.

An entry is checked against the analysis of the article as it is now: an entry that no longer
fits (the article or medialit changed since the file was written) is a :class:`CorrectionsError`
naming the file, the line and the entry, never skipped. A field whose value is what the analysis
found is not an edit; leaving an entry out keeps the analysis's reading.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, NamedTuple, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator, model_validator

from medialit.analysis.findings import Analogy, Claim, Framing, HeadlineChange, HeadlineFinding
from medialit.analysis.model import Source, Statement
from medialit.analysis.segment import OPENING, STRAIGHT
from medialit.analysis.vocabulary import QuoteType, SourceKind, SourceType
from medialit.article import Article
from medialit.errors import CorrectionsError
from medialit.textfile import UnreadableFile, read_utf8_text
from medialit.yamlfile import YamlDocument, YamlProblem, parse_yaml, yaml_scalar

if TYPE_CHECKING:
    from medialit.analysis import Analysis

SCHEMA_VERSION: Final = 1
FOLDER: Final = "analysis"
"""The course folder that holds the corrections files, one per article."""
CONFIG_FILE: Final = "_config.yml"
"""The file that marks a course's root folder."""
JOURNALIST: Final = "journalist"
"""The speaker of a statement in the journalist's own voice."""
MAX_BYTES: Final = 8_000_000
"""A written file is at most about 1.7 times its article's size, and an article may be 2 MB; more is not a corrections file."""
FIRST_WORDS: Final = 8
"""Words of a statement's text the written file gives to identify it (more when the paragraph needs them)."""
_ELLIPSES: Final = ("…", "...")
_SAME_QUOTES: Final = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_NOT_NULL: Final = "cannot be null; leave the field out to keep what the analysis found"


def _source_id(value: str) -> str:
    if not (len(value) > 1 and value[0] == "s" and value[1:].isascii() and value[1:].isdigit() and value[1] != "0"):
        raise ValueError(f"a source id is s and a number (s1, s2 …), not {value!r}")
    return value


class _Entry(BaseModel):
    """Base of every entry: immutable, and an unknown (misspelt) field is an error, not ignored."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class SourceCorrection(_Entry):
    """One source of the analysis (``id``, ``mentions``: which one) and the teacher's edits to it."""

    id: str
    """The analysis's id (s1, s2 … in order of first statement)."""
    mentions: list[str] | None = None
    """How the article refers to the source, as the analysis found it; checked, never edited."""
    name: str | None = None
    kind: SourceKind | None = None
    type: SourceType | None = None
    role: str | None = None
    affiliation: str | None = None
    same_as: str | None = None
    """Another source's id: this one is the same speaker, and is merged into it."""
    drop: bool = False
    """True: not a source; its statements become the journalist's own voice."""

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        return _source_id(value)

    @field_validator("same_as")
    @classmethod
    def _same_as(cls, value: str | None) -> str | None:
        return None if value is None else _source_id(value)

    @field_validator("name", "kind", "type", "mentions", mode="before")
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError(_NOT_NULL)
        return value

    @field_validator("name")
    @classmethod
    def _name(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("a source needs a name; to remove the source, write drop: true")
        return value.strip() if value is not None else None

    @field_validator("role", "affiliation")
    @classmethod
    def _optional_text(cls, value: str | None) -> str | None:
        return value.strip() or None if value is not None else None

    @field_validator("type")
    @classmethod
    def _type(cls, value: SourceType | None) -> SourceType | None:
        if value is SourceType.JOURNALIST:
            raise ValueError("journalist is not a source's type; to give its statements to the journalist, write drop: true")
        return value

    @model_validator(mode="after")
    def _one_fate(self) -> SourceCorrection:
        if self.same_as == self.id:
            raise ValueError(f"same_as: {self.id} is this source itself")
        if self.same_as is not None and self.drop:
            raise ValueError("same_as and drop: true together; a source is either merged into another or dropped")
        return self


class StatementCorrection(_Entry):
    """One statement (its paragraph and first words: which one) and the teacher's edits to it."""

    paragraph: int = Field(ge=1)
    text: str
    """The statement's first words (a trailing "…" says the text goes on), or its whole text."""
    occurrence: int | None = Field(default=None, ge=1)
    """Which of several statements of the paragraph with this very text (1 is the first)."""
    speaker: str | None = None
    """A source's id, or ``journalist`` for the journalist's own voice."""
    quote_type: QuoteType | None = None
    drop: bool = False
    """True: not a statement at all; it leaves every table, count and question."""

    @field_validator("text")
    @classmethod
    def _text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("give the statement's first words, as the file had them")
        return value

    @field_validator("speaker", "quote_type", mode="before")
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError(_NOT_NULL)
        return value

    @field_validator("speaker")
    @classmethod
    def _speaker(cls, value: str | None) -> str | None:
        if value is None or value == JOURNALIST:
            return value
        try:
            return _source_id(value)
        except ValueError:
            raise ValueError(f"a speaker is a source's id (s1, s2 …) or journalist, not {value!r}") from None


class HeadlineCorrection(_Entry):
    """A finding of the headline against the body (which line, which change, which paragraph), to drop."""

    line: Literal["headline", "subheadline"]
    change: HeadlineChange
    paragraph: int = Field(ge=1)
    detail: str | None = None
    """What changed, as the analysis says it; given only where two findings share line, change and paragraph."""
    drop: bool = False


class ClaimCorrection(_Entry):
    """A central claim (its paragraph and first words), to drop."""

    paragraph: int = Field(ge=1)
    text: str
    occurrence: int | None = Field(default=None, ge=1)
    drop: bool = False

    @field_validator("text")
    @classmethod
    def _text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("give the claim's first words, as the file had them")
        return value


class AnalogyCorrection(_Entry):
    """A comparison with another case (its paragraph and marker), to drop."""

    paragraph: int = Field(ge=1)
    marker: str
    """The words that draw the comparison, as printed ("bear parallels to")."""
    compared_with: str | None = None
    """The other case, as the analysis reads it; given only where a paragraph has two comparisons with one marker."""
    drop: bool = False


Section = Literal["sources", "statements", "headline", "claims", "analogies"]
SECTIONS: Final[tuple[Section, ...]] = ("sources", "statements", "headline", "claims", "analogies")


class Corrections(BaseModel):
    """A corrections file: which article it corrects, and one list of entries per kind of finding."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: Literal[1] = SCHEMA_VERSION
    article: str | None = None
    """The article's file name; checked, so a file copied to another article's name is refused."""
    sources: list[SourceCorrection] = []
    statements: list[StatementCorrection] = []
    headline: list[HeadlineCorrection] = []
    claims: list[ClaimCorrection] = []
    analogies: list[AnalogyCorrection] = []

    _path: Path | None = PrivateAttr(default=None)
    _lines: dict[tuple[str | int, ...], int] = PrivateAttr(default_factory=dict)

    @property
    def path(self) -> Path | None:
        """The file these corrections were read from (None when made in Python)."""
        return self._path

    def line(self, *location: str | int) -> int | None:
        """The line of a field or entry in the file (the nearest one known), for error messages."""
        for end in range(len(location), 0, -1):
            if location[:end] in self._lines:
                return self._lines[location[:end]]
        return None

    def error(self, message: str, *location: str | int, entry: str | None = None) -> CorrectionsError:
        """A CorrectionsError naming this file, the line of ``location`` and the entry."""
        return CorrectionsError(self._path, message, line=self.line(*location), entry=entry)


class AppliedCorrections(BaseModel):
    """What a corrections file changed in an analysis (``Analysis.corrections``), one sentence per edit."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str | None
    """The corrections file, as it was given (None when made in Python)."""
    changes: list[str]


class CorrectedSourcing(NamedTuple):
    """Statements and sources after the teacher's corrections, and what was changed."""

    statements: list[Statement]
    sources: list[Source]
    changes: list[str]


class CorrectedFindings(NamedTuple):
    """Framing, claims and analogies without the findings the teacher dropped, and what was dropped."""

    framing: Framing
    claims: list[Claim]
    analogies: list[Analogy]
    changes: list[str]


# Where the file is -----------------------------------------------------------------------------


def course_root(article_path: Path | str) -> Path | None:
    """The course folder an article belongs to: the nearest folder above it that holds ``_config.yml``."""
    for folder in Path(article_path).resolve().parents:
        if (folder / CONFIG_FILE).is_file():
            return folder
    return None


def corrections_path(course: Path | str, article: Path | str) -> Path:
    """Where a course keeps the corrections of ``article`` (a path or a file name), whether or not it exists."""
    return Path(course) / FOLDER / f"{Path(article).stem}.yml"


def corrections_for(article_path: Path | str) -> Path | None:
    """The corrections file of an article inside a course, or None when the course has none (or there is no course)."""
    root = course_root(article_path)
    if root is None:
        return None
    path = corrections_path(root, article_path)
    return path if path.is_file() else None


# Matching an entry to what the analysis found -----------------------------------------------------


def _normal(text: str) -> str:
    """Text as compared: curly and straight quotation marks alike, whitespace collapsed, case ignored."""
    return " ".join(text.translate(_SAME_QUOTES).split()).casefold()


def _without_ellipsis(text: str) -> str:
    stripped = text.rstrip()
    for ellipsis in _ELLIPSES:
        if stripped.endswith(ellipsis) and stripped.removesuffix(ellipsis).strip():
            return stripped.removesuffix(ellipsis)
    return stripped


def find_text(texts: Sequence[str], wanted: str) -> list[int]:
    """The indexes of ``texts`` that ``wanted`` identifies: those equal to it, else those it begins.

    Equal and begins are judged on :func:`_normal` text, so retyped quotation marks, line breaks
    and capitals do not matter, and a trailing "…" (as the written file cuts a long text) is
    not part of the words.
    """
    key = _normal(wanted)
    exact = [index for index, text in enumerate(texts) if _normal(text) == key]
    if exact:
        return exact
    prefix = _normal(_without_ellipsis(wanted))
    if not prefix:
        return []
    return [index for index, text in enumerate(texts) if _normal(text).startswith(prefix)]


def _quote(text: str, words: int = FIRST_WORDS) -> str:
    """The first words of a text, for a message."""
    parts = text.split()
    return '"' + " ".join(parts[:words]) + (" …" if len(parts) > words else "") + '"'


@dataclass(frozen=True)
class _Where:
    """One entry of the file, for error messages: its section and place, and how to name it."""

    corrections: Corrections
    section: Section
    index: int
    label: str

    def error(self, message: str, *field: str) -> CorrectionsError:
        return self.corrections.error(message, self.section, self.index, *field, entry=self.label)

    def line(self) -> int | None:
        return self.corrections.line(self.section, self.index)


def _pick(matches: list[int], entry: StatementCorrection | ClaimCorrection, where: _Where, what: str) -> int:
    """The one match an entry means (by its first words and occurrence), or the error that says why there is none."""
    place = f"{what}s of P{entry.paragraph}"
    if not matches:
        raise where.error(
            f"no {what} of P{entry.paragraph} begins with these words: the article or medialit changed since the file was "
            "written, or the words were edited; delete the entry or give the words as the file had them",
            "text",
        )
    if entry.occurrence is not None:
        if entry.occurrence > len(matches):
            raise where.error(f"occurrence {entry.occurrence}, but these words begin only {len(matches)} {place}", "occurrence")
        return matches[entry.occurrence - 1]
    if len(matches) > 1:
        raise where.error(f"these words begin {len(matches)} {place}; give more of the text (or occurrence: N)", "text")
    return matches[0]


def _check_paragraph(article: Article, paragraph: int, where: _Where) -> None:
    last = len(article.paragraphs)
    if paragraph > last:
        raise where.error(f"P{paragraph} does not exist: the article has P1-P{last}", "paragraph")


# Applying the corrections to sourcing ------------------------------------------------------------


class _SourceEdit(NamedTuple):
    where: _Where
    entry: SourceCorrection


def _known(sources: dict[str, Source]) -> str:
    return f"its sources: {', '.join(sources) or 'none'}"


def _source_entries(sources: dict[str, Source], corrections: Corrections) -> dict[str, _SourceEdit]:
    """Each source entry by id, checked against the analysis (the id exists, the mentions are the same)."""
    found: dict[str, _SourceEdit] = {}
    for index, entry in enumerate(corrections.sources):
        where = _Where(corrections, "sources", index, f"source {entry.id}")
        if entry.id not in sources:
            raise where.error(
                f"the analysis finds no source {entry.id} ({_known(sources)}); the article or medialit changed since the "
                "file was written",
                "id",
            )
        if entry.id in found:
            raise where.error(f"a second entry for {entry.id} (the first is on line {found[entry.id].where.line()})", "id")
        source = sources[entry.id]
        if entry.mentions is not None and entry.mentions != source.mentions:
            raise where.error(
                f"the analysis now finds {entry.id} as {'; '.join(source.mentions)!r}, not {'; '.join(entry.mentions)!r}: "
                "the article or medialit changed since the file was written (mentions are checked, never edited; to merge "
                "two sources write same_as)",
                "mentions",
            )
        found[entry.id] = _SourceEdit(where, entry)
    return found


def _fates(sources: dict[str, Source], edits: dict[str, _SourceEdit]) -> dict[str, str | None]:
    """Each source id → the id that speaks for it after the edits (itself, the source it is merged into), or None (dropped)."""
    fates: dict[str, str | None] = {}
    for source_id in sources:
        edit = edits.get(source_id)
        fates[source_id] = source_id
        if edit is None:
            continue
        if edit.entry.drop:
            fates[source_id] = None
            continue
        target = edit.entry.same_as
        if target is None:
            continue
        if target not in sources:
            raise edit.where.error(f"no source {target} in the analysis ({_known(sources)})", "same_as")
        target_edit = edits.get(target)
        if target_edit is not None and target_edit.entry.drop:
            raise edit.where.error(f"{target} is dropped (drop: true): nothing can be merged into it", "same_as")
        if target_edit is not None and target_edit.entry.same_as is not None:
            further = target_edit.entry.same_as
            raise edit.where.error(f"{target} is itself merged into {further}: write same_as: {further}", "same_as")
        fates[source_id] = target
    return fates


_T = TypeVar("_T")


def _edited(entry: BaseModel | None, field: str, found: _T) -> _T:
    """The entry's value of ``field`` when the entry gives it, else what the analysis found."""
    if entry is None or field not in entry.model_fields_set:
        return found
    value: _T = getattr(entry, field)
    return value


def _corrected_source(source: Source, edit: _SourceEdit | None) -> Source:
    entry = edit.entry if edit else None
    return source.model_copy(
        update={field: _edited(entry, field, getattr(source, field)) for field in ("name", "kind", "type", "role", "affiliation")}
    )


def _source_changes(before: Source, after: Source) -> list[str]:
    changes = []
    if after.name != before.name:
        changes.append(f"{before.id} renamed: {before.name!r} → {after.name!r}")
    for field in ("kind", "type", "role", "affiliation"):
        old, new = getattr(before, field), getattr(after, field)
        if old != new:
            changes.append(f"{before.id} ({after.name}) {field}: {old or 'none'} → {new or 'none'}")
    return changes


def _match_statements(article: Article, statements: list[Statement], corrections: Corrections) -> dict[int, _StatementEdit]:
    """Statement index → its entry; every entry matched to exactly one statement, or an error."""
    by_paragraph: dict[int, list[int]] = {}
    for index, statement in enumerate(statements):
        by_paragraph.setdefault(statement.paragraph, []).append(index)
    matched: dict[int, _StatementEdit] = {}
    for entry_index, entry in enumerate(corrections.statements):
        where = _Where(corrections, "statements", entry_index, f"statement P{entry.paragraph} {_quote(entry.text)}")
        _check_paragraph(article, entry.paragraph, where)
        candidates = by_paragraph.get(entry.paragraph, [])
        chosen = candidates[_pick(find_text([statements[i].text for i in candidates], entry.text), entry, where, "statement")]
        if chosen in matched:
            raise where.error(f"the same statement as the entry on line {matched[chosen].where.line()}", "text")
        matched[chosen] = _StatementEdit(where, entry)
    return matched


class _StatementEdit(NamedTuple):
    where: _Where
    entry: StatementCorrection


def _is_quoted(text: str) -> bool:
    return OPENING in text or STRAIGHT in text


class _Voice(NamedTuple):
    source_id: str | None
    quote_type: QuoteType


def _voice(statement: Statement, edit: _StatementEdit | None, fates: dict[str, str | None]) -> _Voice:
    """Who speaks a statement after the corrections, and how it is quoted (see the module docstring)."""
    if edit is None:
        found = fates.get(statement.source_id) if statement.source_id is not None else None
        return _Voice(found, statement.quote_type if found is not None else QuoteType.JOURNALIST)
    entry, where = edit.entry, edit.where
    found_speaker = statement.source_id or JOURNALIST
    wanted = _edited(entry, "speaker", found_speaker) or found_speaker
    final: str | None = None
    if wanted != JOURNALIST:
        if wanted not in fates:
            raise where.error(f"no source {wanted} in the analysis (its sources: {', '.join(fates) or 'none'})", "speaker")
        final = fates[wanted]
        if final is None and wanted != found_speaker:
            raise where.error(
                f"{wanted} is dropped (drop: true); give this statement to another source or to journalist", "speaker"
            )
    wanted_quote = _edited(entry, "quote_type", statement.quote_type) or statement.quote_type
    quote_edited = wanted_quote != statement.quote_type
    if final is None:
        if quote_edited and wanted_quote is not QuoteType.JOURNALIST:
            raise where.error(
                f"quote_type {wanted_quote} needs a speaker, and this statement is in the journalist's own voice", "quote_type"
            )
        return _Voice(None, QuoteType.JOURNALIST)
    if wanted_quote is QuoteType.JOURNALIST:
        if quote_edited:
            raise where.error(
                "quote_type journalist is the journalist's own voice; to give the statement to the journalist, write "
                "speaker: journalist",
                "quote_type",
            )
        # Given a speaker by the teacher: direct when it carries quotation marks, as sourcing decides.
        return _Voice(final, QuoteType.DIRECT if _is_quoted(statement.text) else QuoteType.INDIRECT)
    return _Voice(final, wanted_quote)


def _journalist_statement(statement: Statement) -> Statement:
    """The statement in the journalist's own voice, as sourcing builds one: no speaker, verb or attribution."""
    return statement.model_copy(
        update={
            "source_id": None,
            "speaker": None,
            "speaker_type": SourceType.JOURNALIST,
            "named": False,
            "kind": None,
            "quote_type": QuoteType.JOURNALIST,
            "verb": None,
            "verb_stance": None,
            "mention": None,
            "attribution": None,
            "relayed_by": None,
            "relay": None,
        }
    )


def _spoken_statement(statement: Statement, voice: _Voice, source: Source, fates: dict[str, str | None]) -> Statement:
    """The statement by ``source``; its verb, mention and attribution are the text's, whoever speaks."""
    relayed_by = fates.get(statement.relayed_by) if statement.relayed_by is not None else None
    if relayed_by == voice.source_id:
        relayed_by = None  # a source does not relay its own words
    return statement.model_copy(
        update={
            "source_id": source.id,
            "speaker": source.name,
            "speaker_type": source.type,
            "named": source.kind is SourceKind.NAMED,
            "kind": source.kind,
            "quote_type": voice.quote_type,
            "relayed_by": relayed_by,
            "relay": statement.relay if relayed_by is not None else None,
        }
    )


def _speaker_label(source_id: str | None, sources: dict[str, Source]) -> str:
    return f"{source_id} ({sources[source_id].name})" if source_id is not None else JOURNALIST


def _statement_changes(
    statement: Statement, edit: _StatementEdit, voice: _Voice, before: dict[str, Source], after: dict[str, Source]
) -> list[str]:
    label = f"P{statement.paragraph} {_quote(statement.text)}"
    changes = []
    speaker = statement.source_id or JOURNALIST
    if _edited(edit.entry, "speaker", speaker) != speaker:
        changes.append(
            f"{label}: speaker {_speaker_label(statement.source_id, before)} → {_speaker_label(voice.source_id, after)}"
        )
    if _edited(edit.entry, "quote_type", statement.quote_type) != statement.quote_type:
        changes.append(f"{label}: quote_type {statement.quote_type} → {voice.quote_type}")
    return changes


def _article_words(article: Article) -> int:
    """The article's body words, counted as sourcing counts them for a source's share."""
    return sum(len(paragraph.text.split()) for paragraph in article.paragraphs) or 1


def _recounted(
    article: Article,
    before: list[Source],
    corrected: dict[str, Source],
    fates: dict[str, str | None],
    statements: list[Statement],
) -> tuple[list[Source], list[str]]:
    """The surviving sources, in the analysis's order, with mentions merged and counts and shares computed again."""
    total = _article_words(article)
    counts: dict[str, tuple[int, int]] = {}
    relays: dict[str, int] = {}
    for statement in statements:
        if statement.source_id is not None:
            count, words = counts.get(statement.source_id, (0, 0))
            counts[statement.source_id] = (count + 1, words + len(statement.text.split()))
        if statement.relayed_by is not None:
            relays[statement.relayed_by] = relays.get(statement.relayed_by, 0) + 1
    result: list[Source] = []
    changes: list[str] = []
    for source in before:
        if fates[source.id] != source.id:
            continue
        merged = [other for other in before if other.id != source.id and fates[other.id] == source.id]
        mentions = list(source.mentions)
        for other in merged:
            mentions += [mention for mention in other.mentions if mention not in mentions]
        count, words = counts.get(source.id, (0, 0))
        spoke = any(s.statements or s.relays for s in (source, *merged))
        if spoke and not count and not relays.get(source.id):
            changes.append(f"{source.id} ({corrected[source.id].name}) has no statements left and leaves the sources")
            continue
        result.append(
            corrected[source.id].model_copy(
                update={
                    "mentions": mentions,
                    "gender": source.gender or next((o.gender for o in merged if o.gender), None),
                    "statements": count,
                    "words": words,
                    "share": round(words / total, 4),
                    "relays": relays.get(source.id, 0),
                }
            )
        )
    return result, changes


def apply_corrections(
    article: Article, statements: list[Statement], sources: list[Source], corrections: Corrections
) -> CorrectedSourcing:
    """Sourcing as the teacher corrected it; CorrectionsError (file, line, entry) for an entry that does not fit.

    Runs right after :func:`~medialit.analysis.sourcing.find_statements` and before anything is
    computed from the statements, so every later finding sees the corrected speakers.
    """
    if corrections.article is not None and corrections.article != article.source.name:
        raise corrections.error(f"this file corrects {corrections.article}, not {article.source.name}", "article")
    by_id = {source.id: source for source in sources}
    edits = _source_entries(by_id, corrections)
    fates = _fates(by_id, edits)
    corrected = {source.id: _corrected_source(source, edits.get(source.id)) for source in sources}
    changes: list[str] = []
    for source in sources:
        fate = fates[source.id]
        if fate is None:
            changes.append(f"{source.id} ({source.name}) dropped: its statements are the journalist's own voice")
        elif fate != source.id:
            changes.append(f"{source.id} ({source.name}) merged into {fate} ({corrected[fate].name})")
        else:
            changes += _source_changes(source, corrected[source.id])
    matched = _match_statements(article, statements, corrections)
    result: list[Statement] = []
    for index, statement in enumerate(statements):
        edit = matched.get(index)
        if edit is not None and edit.entry.drop:
            changes.append(f"P{statement.paragraph} {_quote(statement.text)} dropped: not a statement")
            continue
        voice = _voice(statement, edit, fates)
        if voice.source_id is None:
            result.append(_journalist_statement(statement))
        else:
            result.append(_spoken_statement(statement, voice, corrected[voice.source_id], fates))
        if edit is not None:
            changes += _statement_changes(statement, edit, voice, by_id, corrected)
    recounted, emptied = _recounted(article, sources, corrected, fates, result)
    return CorrectedSourcing(result, recounted, changes + emptied)


# Dropping findings -------------------------------------------------------------------------------

_F = TypeVar("_F")


def _drop(
    findings: list[_F],
    entries: Sequence[_Entry],
    section: Section,
    corrections: Corrections,
    pick: Callable[[Any, _Where], int],
    describe: Callable[[_F], str],
) -> tuple[list[_F], list[str]]:
    """``findings`` without those the entries with ``drop: true`` name (``pick`` finds each one's index)."""
    dropped: dict[int, _Where] = {}
    for index, entry in enumerate(entries):
        if not getattr(entry, "drop", False):
            continue
        where = _Where(corrections, section, index, _finding_label(section, entry))
        chosen = pick(entry, where)
        if chosen in dropped:
            raise where.error(f"the same finding as the entry on line {dropped[chosen].line()}")
        dropped[chosen] = where
    kept = [finding for index, finding in enumerate(findings) if index not in dropped]
    return kept, [f"{describe(findings[index])} dropped" for index in sorted(dropped)]


def _finding_label(section: Section, entry: _Entry) -> str:
    if isinstance(entry, HeadlineCorrection):
        return f"headline finding ({entry.line}, {entry.change}, P{entry.paragraph})"
    if isinstance(entry, ClaimCorrection):
        return f"claim P{entry.paragraph} {_quote(entry.text)}"
    if isinstance(entry, AnalogyCorrection):
        return f"analogy P{entry.paragraph} {entry.marker!r}"
    return section


def drop_findings(framing: Framing, claims: list[Claim], analogies: list[Analogy], corrections: Corrections) -> CorrectedFindings:
    """The findings without those the teacher dropped; CorrectionsError for a drop that names no finding.

    An entry with ``drop: false`` changes nothing and is not checked: the teacher's other edits
    may rightly make a finding appear or go (a statement given to the journalist has no
    attribution for the headline to drop).
    """

    def headline_index(entry: HeadlineCorrection, where: _Where) -> int:
        key = (entry.line, entry.change, entry.paragraph)
        fits = [index for index, f in enumerate(framing.headline) if (f.line, f.change, f.paragraph) == key]
        if entry.detail is not None:
            fits = [fits[i] for i in find_text([framing.headline[index].detail for index in fits], entry.detail)]
        if not fits:
            raise where.error(
                "the analysis has no such finding: the article, medialit or your other corrections changed it; delete the entry"
            )
        if len(fits) > 1:
            raise where.error(f"{len(fits)} findings fit; add detail: with the one to drop")
        return fits[0]

    def claim_index(entry: ClaimCorrection, where: _Where) -> int:
        candidates = [index for index, claim in enumerate(claims) if claim.paragraph == entry.paragraph]
        return candidates[_pick(find_text([claims[index].text for index in candidates], entry.text), entry, where, "claim")]

    def analogy_index(entry: AnalogyCorrection, where: _Where) -> int:
        marker = _normal(entry.marker)
        fits = [index for index, a in enumerate(analogies) if a.paragraph == entry.paragraph and _normal(a.marker) == marker]
        if entry.compared_with is not None:
            fits = [fits[i] for i in find_text([analogies[index].source for index in fits], entry.compared_with)]
        if not fits:
            raise where.error(
                "the analysis finds no such comparison: the article or medialit changed since the file was written; "
                "delete the entry"
            )
        if len(fits) > 1:
            raise where.error(f"{len(fits)} comparisons fit; add compared_with: with the one to drop")
        return fits[0]

    headline, dropped_headline = _drop(
        framing.headline,
        corrections.headline,
        "headline",
        corrections,
        headline_index,
        lambda f: f"headline finding ({f.line}, {f.change}, P{f.paragraph})",
    )
    kept_claims, dropped_claims = _drop(
        claims, corrections.claims, "claims", corrections, claim_index, lambda c: f"claim P{c.paragraph} {_quote(c.text)}"
    )
    kept_analogies, dropped_analogies = _drop(
        analogies,
        corrections.analogies,
        "analogies",
        corrections,
        analogy_index,
        lambda a: f"analogy P{a.paragraph} {a.marker!r}",
    )
    return CorrectedFindings(
        framing.model_copy(update={"headline": headline}),
        kept_claims,
        kept_analogies,
        dropped_headline + dropped_claims + dropped_analogies,
    )


# Reading the file --------------------------------------------------------------------------------

_ENTRY_MODELS: Final[dict[str, type[_Entry]]] = {
    "sources": SourceCorrection,
    "statements": StatementCorrection,
    "headline": HeadlineCorrection,
    "claims": ClaimCorrection,
    "analogies": AnalogyCorrection,
}


def _lines(document: YamlDocument) -> dict[tuple[str | int, ...], int]:
    """The line of every top-level field, every entry and every entry's field."""
    lines: dict[tuple[str | int, ...], int] = {}
    data = document.data
    for key, value in data.items():
        lines[(str(key),)] = document.key_line([str(key)])
        if str(key) in _ENTRY_MODELS and isinstance(value, list):
            for index, entry in enumerate(value):
                lines[(str(key), index)] = document.line_of([str(key), index])
                if isinstance(entry, dict):
                    for field in entry:
                        lines[(str(key), index, str(field))] = document.key_line([str(key), index, str(field)])
    return lines


def _entry_label(data: Any, location: Sequence[str | int]) -> str | None:
    """How an error names the entry it is in ("source s3", "statement P9 …"), from the raw data."""
    if len(location) < 2 or not isinstance(location[1], int):
        return None
    section, index = str(location[0]), location[1]
    entries = data.get(section)
    entry = entries[index] if isinstance(entries, list) and index < len(entries) else None
    if not isinstance(entry, dict):
        return f"{section} #{index + 1}"
    if section == "sources" and isinstance(entry.get("id"), str):
        return f"source {entry['id']}"
    paragraph = entry.get("paragraph")
    words = entry.get("text") if isinstance(entry.get("text"), str) else entry.get("marker")
    singular = {"sources": "source", "statements": "statement", "headline": "headline finding", "claims": "claim"}
    name = singular.get(section, "analogy")
    if isinstance(paragraph, int) and isinstance(words, str):
        return f"{name} P{paragraph} {_quote(words)}"
    return f"{name} #{index + 1}"


def _validation_error(path: Path, document: YamlDocument, error: ValidationError) -> CorrectionsError:
    """The first problem, worded for a teacher; a misspelt field is reported before the missing one it causes."""
    problems = sorted(error.errors(), key=lambda problem: problem["type"] != "extra_forbidden")
    first = problems[0]
    location = [part for part in first["loc"] if isinstance(part, str | int)]
    in_entry = len(location) >= 2 and str(location[0]) in _ENTRY_MODELS and isinstance(location[1], int)
    field = ".".join(str(part) for part in (location[2:] if in_entry else location))
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "extra_forbidden":
        model: type[BaseModel] = _ENTRY_MODELS[str(location[0])] if in_entry else Corrections
        message = f"unknown field {str(location[-1])!r}; expected one of: {', '.join(model.model_fields)}"
    elif field:
        message = f"{field}: {message}"
    others = len(problems) - 1
    if others:
        message += f" (and {others} more problem{'s' * (others != 1)})"
    line = document.key_line(location) if location and isinstance(location[-1], str) else document.line_of(location)
    return CorrectionsError(path, message, line=line, entry=_entry_label(document.data, location))


def load_corrections(path: Path | str) -> Corrections:
    """Read and validate a corrections file; CorrectionsError naming the file and line of the first problem.

    Checks the file's own shape (YAML, schema version, fields, values). Whether each entry fits the
    article is checked when the corrections are applied (:func:`medialit.analysis.analyze`), and
    those errors name the file and line too.
    """
    path = Path(path)
    try:
        text = read_utf8_text(path, max_bytes=MAX_BYTES, kind="a corrections file")
    except UnreadableFile as problem:
        raise CorrectionsError(path, problem.message, line=problem.line) from None
    try:
        document = parse_yaml(text)
    except YamlProblem as problem:
        raise CorrectionsError(path, problem.message, line=problem.line) from None
    data = document.data
    if not isinstance(data, dict):
        raise CorrectionsError(path, "a corrections file is a YAML mapping with schema_version, sources and statements", line=1)
    version = data.get("schema_version")
    if version is None:
        raise CorrectionsError(path, f"no schema_version (this medialit reads version {SCHEMA_VERSION})", line=1)
    if isinstance(version, int) and not isinstance(version, bool) and version != SCHEMA_VERSION:
        age = "newer" if version > SCHEMA_VERSION else "older"
        raise CorrectionsError(
            path,
            f"schema_version: version {version} is {age} than this medialit reads ({SCHEMA_VERSION})",
            line=document.key_line(["schema_version"]),
        )
    try:
        corrections = Corrections.model_validate(data)
    except ValidationError as error:
        raise _validation_error(path, document, error) from None
    corrections._path = path
    corrections._lines = _lines(document)
    return corrections


# Writing the file --------------------------------------------------------------------------------

HEADER: Final = """\
# Corrections to medialit's analysis of {article}.
#
# Every table, highlight and generated question of this course is built from the analysis with
# these corrections applied. Edit a field to correct what the analysis got wrong, then run
# `medialit build` (tables and highlights) or `medialit new --refresh` (generated questions):
#
#   sources      rename a source (name), change its kind, type, role or affiliation, merge it
#                into another source that is the same speaker (same_as: s3), or drop it
#                (drop: true: it is not a source, and its statements become the journalist's voice)
#   statements   give a statement to another source (speaker: s2) or to the journalist (speaker:
#                journalist), change how it is quoted (quote_type), or drop it (drop: true: it is
#                not a statement, and leaves every table and question)
#   headline, claims, analogies
#                drop a finding the analysis should not have made (drop: true)
#
# id, mentions, paragraph, text, line, change, marker (and detail, compared_with, occurrence) say
# which finding an entry is: they are checked against the article, never edited. An entry that no
# longer fits the article is an error naming its line, not skipped. Deleting an entry keeps the
# analysis's own reading. Lines starting with # are notes for you; medialit ignores them.
# More: docs/analysis.md, "Correcting the analysis".
"""

SOURCES_NOTE: Final = """\
# Sources: one entry per speaker the analysis found, in order of first statement.
#   name          the name every table and question uses
#   kind          named | anonymous | collective
#   type          official | expert | witness | institution
#   role, affiliation   as the article gives them, or null
#   same_as       the id of another source that is the same speaker: this one is merged into it
#   drop          true: not a source; its statements become the journalist's own voice
"""

STATEMENTS_NOTE: Final = """\
# Statements: one entry per statement, in the article's order.
#   speaker       a source's id (s1 …), or journalist for the journalist's own voice
#   quote_type    direct (the speaker's words in quotation marks) | indirect (reported speech) |
#                 journalist (no one is named as the source)
#   drop          true: not a statement at all
"""

FINDINGS_NOTE: Final = """\
# Findings built on the statements. Write drop: true to remove one the analysis should not have
# made; it leaves its table and the questions built from it.
"""

_COMMENT_WIDTH: Final = 110


def _comment(text: str, indent: str = "") -> str:
    """A note on one line: article text with its line breaks flattened (a break would end the comment)."""
    flat = " ".join(text.split())
    room = _COMMENT_WIDTH - len(indent) - 2
    if len(flat) > room:
        flat = flat[: room - 1].rstrip() + "…"
    return f"{indent}# {flat}"


def _field(name: str, value: str | int | bool | None, note: str | None = None) -> str:
    line = f"  {name}: {yaml_scalar(value)}"
    return f"{line.ljust(30)}{_comment(note, ' ')}" if note else line


def _identifying_text(texts: Sequence[str], index: int) -> tuple[str, int | None]:
    """The fewest first words (at least FIRST_WORDS) that single out ``texts[index]`` among ``texts``, and an
    occurrence number when even the whole text does not (two identical statements in one paragraph)."""
    words = texts[index].split()
    for count in range(FIRST_WORDS, len(words) - 2):
        key = " ".join(words[:count]) + " …"
        if find_text(texts, key) == [index]:
            return key, None
    whole = " ".join(words) or texts[index]
    matches = find_text(texts, whole)
    return whole, (matches.index(index) + 1 if len(matches) > 1 and index in matches else None)


def _source_lines(analysis: Analysis) -> list[str]:
    lines = [SOURCES_NOTE.rstrip("\n"), "sources:" if analysis.sources else "sources: []"]
    for source in analysis.sources:
        paragraphs = sorted({s.paragraph for s in analysis.statements if s.source_id == source.id})
        where = ", ".join(f"P{n}" for n in paragraphs)
        said = f"{source.statements} statement{'s' * (source.statements != 1)}" + (f" ({where})" if where else "")
        relays = f", relays {source.relays}" if source.relays else ""
        lines += [
            f"- id: {source.id}",
            _comment(f"{said}{relays}, {source.share:.0%} of the article's words", "  "),
            "  mentions:" if source.mentions else "  mentions: []",
            *(f"  - {yaml_scalar(mention)}" for mention in source.mentions),
            _field("name", source.name),
            _field("kind", str(source.kind)),
            _field("type", str(source.type)),
            _field("role", source.role),
            _field("affiliation", source.affiliation),
            _field("same_as", None),
            _field("drop", False),
        ]
    return lines


def _statement_lines(analysis: Analysis) -> list[str]:
    lines = [STATEMENTS_NOTE.rstrip("\n"), "statements:" if analysis.statements else "statements: []"]
    names = {source.id: source.name for source in analysis.sources}
    by_paragraph: dict[int, list[Statement]] = {}
    for statement in analysis.statements:
        by_paragraph.setdefault(statement.paragraph, []).append(statement)
    for paragraph, statements in by_paragraph.items():
        lines.append(f"# P{paragraph}")
        texts = [statement.text for statement in statements]
        for index, statement in enumerate(statements):
            text, occurrence = _identifying_text(texts, index)
            speaker = statement.source_id or JOURNALIST
            note = None
            if statement.source_id is not None:
                verb = f", {statement.verb}" if statement.verb else ""
                relay = (
                    f"; relayed by {statement.relayed_by} ({names.get(statement.relayed_by, '')})" if statement.relayed_by else ""
                )
                note = f"{names.get(statement.source_id, statement.speaker)}{verb}{relay}"
            lines += [f"- paragraph: {paragraph}", _field("text", text)]
            if occurrence is not None:
                lines.append(_field("occurrence", occurrence))
            lines += [_field("speaker", speaker, note), _field("quote_type", str(statement.quote_type)), _field("drop", False)]
    return lines


def _headline_lines(findings: list[HeadlineFinding]) -> list[str]:
    lines = ["headline:" if findings else "headline: []"]
    for finding in findings:
        twins = [f for f in findings if (f.line, f.change, f.paragraph) == (finding.line, finding.change, finding.paragraph)]
        lines += [
            _comment(finding.detail),
            f"- line: {finding.line}",
            _field("change", str(finding.change)),
            _field("paragraph", finding.paragraph),
        ]
        if len(twins) > 1:
            lines.append(_field("detail", finding.detail))
        lines.append(_field("drop", False))
    return lines


def _claim_lines(claims: list[Claim]) -> list[str]:
    lines = ["claims:" if claims else "claims: []"]
    for claim in claims:
        texts = [other.text for other in claims if other.paragraph == claim.paragraph]
        index = [other for other in claims if other.paragraph == claim.paragraph].index(claim)
        text, occurrence = _identifying_text(texts, index)
        support = "; ".join(str(s) for s in claim.support)
        contested = f"; contested by {', '.join(claim.contested_by)}" if claim.contested_by else ""
        lines += [_comment(f"claimed by {claim.speaker or 'the journalist'}: {support}{contested}")]
        lines += [f"- paragraph: {claim.paragraph}", _field("text", text)]
        if occurrence is not None:
            lines.append(_field("occurrence", occurrence))
        lines.append(_field("drop", False))
    return lines


def _analogy_lines(analogies: list[Analogy]) -> list[str]:
    lines = ["analogies:" if analogies else "analogies: []"]
    for analogy in analogies:
        twins = [a for a in analogies if a.paragraph == analogy.paragraph and _normal(a.marker) == _normal(analogy.marker)]
        lines += [
            _comment(f"drawn by {analogy.speaker or 'the journalist'}: {analogy.target!r} compared with {analogy.source!r}"),
            f"- paragraph: {analogy.paragraph}",
            _field("marker", analogy.marker),
        ]
        if len(twins) > 1:
            lines.append(_field("compared_with", analogy.source))
        lines.append(_field("drop", False))
    return lines


def write_corrections(analysis: Analysis) -> str:
    """The corrections file for an analysis (as ``medialit new`` writes it), with no edit in it yet.

    Deterministic: the same analysis always gives the same text. Loading it and applying it to
    the same article gives the same analysis. ``analysis`` must be uncorrected (ValueError
    otherwise): a file's ids and mentions are the analyzer's, which a corrected analysis no
    longer shows.
    """
    if analysis.corrections is not None:
        raise ValueError("write_corrections needs the analysis without corrections (analyze(article) with no corrections)")
    name = analysis.article.source.name
    lines = [
        HEADER.format(article=" ".join(name.split())).rstrip("\n"),
        f"schema_version: {SCHEMA_VERSION}",
        f"article: {yaml_scalar(name)}",
        "",
        *_source_lines(analysis),
        "",
        *_statement_lines(analysis),
        "",
        FINDINGS_NOTE.rstrip("\n"),
        *_headline_lines(analysis.framing.headline),
        *_claim_lines(analysis.evidence),
        *_analogy_lines(analysis.analogies),
    ]
    return "\n".join(lines) + "\n"
