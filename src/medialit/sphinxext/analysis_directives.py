"""Directives that show the analysis of an article, computed at build time (never typed by hand).

Each takes the article's path (as ``{article-text}`` does) and renders a table or a passage
from :func:`medialit.analysis.analyze`, with the course's corrections file applied when it has
one (``analysis/<article stem>.yml``, see :func:`medialit.analysis.corrections.corrections_for`).
Every directive reads the analysis through :func:`course_analysis`, which analyses each version
of the article and its corrections once per build and tells Sphinx that the page depends on both
files, so ``medialit build`` after an edit shows the corrected tables. Paragraph numbers link to the paragraph in the article's
reading view (label ``article-pN``). Every text is a docutils Text node, so nothing from the
article is ever parsed or run.

    ```{analysis-sources} /articles/wagner-kosovo-telegraph-2023.txt
    ```
    ```{analysis-statements} /articles/wagner-kosovo-telegraph-2023.txt
    :quote-type: journalist
    :speaker: Vjosa Osmani
    :paragraphs: 1-20
    ```
    ```{article-passage} /articles/wagner-kosovo-telegraph-2023.txt
    :paragraphs: 11-14
    :highlight: loaded
    ```
    ```{analysis-close-reading} /articles/wagner-kosovo-telegraph-2023.txt
    :kind: agentless-passive
    :paragraphs: 1-20
    ```
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective, SphinxTranslator

from medialit.analysis import Analysis, analyze
from medialit.analysis.close_reading import WHAT_IT_IS, CueKind
from medialit.analysis.corrections import corrections_path, course_root, load_corrections
from medialit.analysis.findings import Claim, WordKind
from medialit.analysis.segment import ends_inside_quote
from medialit.analysis.vocabulary import QuoteType, VerbStance
from medialit.errors import MedialitError
from medialit.ingest import load_article

VOICE_WORDS = {
    QuoteType.DIRECT: "direct quote",
    QuoteType.INDIRECT: "reported speech",
    QuoteType.JOURNALIST: "journalist's voice",
}
HIGHLIGHTS = ("loaded", "hedges", "quotes", "attribution")
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")


class highlight(nodes.inline):
    """A highlighted span of article text: ``<mark>`` in HTML."""


def visit_highlight_html(self: SphinxTranslator, node: highlight) -> None:
    self.body.append(self.starttag(node, "mark", ""))


def depart_highlight_html(self: SphinxTranslator, node: highlight) -> None:
    self.body.append("</mark>")


@lru_cache(maxsize=8)
def _analysis(path: str, mtime_ns: int, headline: str | None, corrections: str | None, corrections_mtime_ns: int) -> Analysis:
    """Analyse once per build, however many directives show the same article.

    The modification times are part of the key only so that an edited article or corrections
    file is analysed again (``sphinx-autobuild`` and tests keep one process across builds).
    """
    article = load_article(Path(path), headline=headline)
    return analyze(article, load_corrections(Path(corrections)) if corrections is not None else None)


def _mtime_ns(path: Path) -> int:
    return path.stat().st_mtime_ns if path.exists() else 0


ABSENT_CORRECTIONS = "medialit_absent_corrections"
"""The environment's record of the corrections files a page looked for and did not find: docname → paths."""


def _note_corrections(env: BuildEnvironment, path: Path) -> None:
    """Make the current page depend on its corrections file, including on the file appearing later.

    Sphinx re-reads a page whose noted dependency changed or went missing, but a dependency that
    never existed would make it re-read the page on every build; an absent file is recorded
    instead, and :func:`_pages_with_new_corrections` re-reads the page once the file exists.
    """
    if path.is_file():
        env.note_dependency(os.path.relpath(path, env.srcdir))
        return
    absent: dict[str, set[str]] = env.__dict__.setdefault(ABSENT_CORRECTIONS, {})
    absent.setdefault(env.docname, set()).add(str(path))


def _pages_with_new_corrections(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    absent: dict[str, set[str]] = getattr(env, ABSENT_CORRECTIONS, {})
    return sorted(docname for docname, paths in absent.items() if any(Path(path).is_file() for path in paths))


def _forget_page(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, ABSENT_CORRECTIONS, {}).pop(docname, None)


def _merge_absent(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    """Parallel reading: take the records of the pages another process read."""
    theirs: dict[str, set[str]] = getattr(other, ABSENT_CORRECTIONS, {})
    ours: dict[str, set[str]] = env.__dict__.setdefault(ABSENT_CORRECTIONS, {})
    for docname in docnames & set(theirs):
        ours[docname] = theirs[docname]


def register_corrections_watch(app: Sphinx) -> None:
    """Re-read the pages that looked for a corrections file which now exists (see :func:`_note_corrections`)."""
    app.connect("env-get-outdated", _pages_with_new_corrections)
    app.connect("env-purge-doc", _forget_page)
    app.connect("env-merge-info", _merge_absent)


def course_analysis(directive: SphinxDirective, argument: str) -> Analysis:
    """The analysis of the article ``argument`` names (a path as ``{article-text}`` takes), as the course corrects it.

    The one loader of every directive that shows the analysis: it notes the article and the
    corrections file as the page's dependencies and turns a bad article or corrections file
    into a directive error that names the file and line.
    """
    env = directive.env
    relative, absolute = env.relfn2path(argument, env.docname)
    env.note_dependency(relative)
    path = Path(absolute)
    root = course_root(path)
    corrections = corrections_path(root, path) if root is not None else None
    if corrections is not None:
        _note_corrections(env, corrections)
    found = corrections if corrections is not None and corrections.is_file() else None
    try:
        return _analysis(
            str(path),
            _mtime_ns(path),
            directive.config.medialit_article_headline,
            str(found) if found is not None else None,
            _mtime_ns(found) if found is not None else 0,
        )
    except MedialitError as error:
        raise directive.error(str(error)) from None


def paragraph_range(text: str) -> tuple[int, int]:
    """``"11-14"`` → (11, 14); ``"5"`` → (5, 5)."""
    match = re.fullmatch(r"\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*", text)
    if match is None:
        raise ValueError(f"paragraphs must be a number or a range like 11-14, not {text!r}")
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if last < first:
        raise ValueError(f"the range {text!r} ends before it starts")
    return first, last


def _choice(values: Sequence[str]) -> Callable[[str], str]:
    def check(argument: str) -> str:
        return directives.choice(argument, tuple(values))

    return check


def paragraph_link(n: int) -> addnodes.pending_xref:
    """ "P13", linked to paragraph 13 of the article's reading view."""
    ref = addnodes.pending_xref("", refdomain="std", reftype="ref", reftarget=f"article-p{n}", refexplicit=True, refwarn=True)
    ref += nodes.inline("", f"P{n}")
    return ref


def _cell(content: str | nodes.Node | Iterable[nodes.Node]) -> nodes.entry:
    entry = nodes.entry()
    paragraph = nodes.paragraph()
    if isinstance(content, str):
        paragraph += nodes.Text(content)
    elif isinstance(content, nodes.Node):
        paragraph += content
    else:
        for index, node in enumerate(content):
            if index:
                paragraph += nodes.Text(", ")
            paragraph += node
    entry += paragraph
    return entry


def make_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]], classes: Sequence[str] = ()) -> nodes.table:
    """A docutils table with a title (caption), a header row, and one row per item."""
    table = nodes.table(classes=["medialit-analysis", *classes])
    table += nodes.title("", title)
    group = nodes.tgroup(cols=len(headers))
    table += group
    for _ in headers:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    header_row = nodes.row()
    for header in headers:
        header_row += _cell(header)
    head += header_row
    group += head
    body = nodes.tbody()
    for row in rows:
        body_row = nodes.row()
        for value in row:
            body_row += _cell(value)
        body += body_row
    group += body
    return table


class _AnalysisDirective(SphinxDirective):
    required_arguments = 1
    has_content = False
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {}

    def analysis(self) -> Analysis:
        return course_analysis(self, self.arguments[0])

    def paragraphs_option(self, analysis: Analysis) -> tuple[int, int] | None:
        if "paragraphs" not in self.options:
            return None
        try:
            first, last = paragraph_range(self.options["paragraphs"])
        except ValueError as error:
            raise self.error(str(error)) from None
        if last > len(analysis.article.paragraphs):
            raise self.error(f"P{last} does not exist: the article has P1-P{len(analysis.article.paragraphs)}")
        return first, last

    def empty(self, what: str) -> list[nodes.Node]:
        return [nodes.paragraph("", f"The analysis finds no {what} in this article.", classes=["medialit-analysis-empty"])]


class SourcesDirective(_AnalysisDirective):
    """Who speaks: one row per source."""

    def run(self) -> list[nodes.Node]:
        analysis = self.analysis()
        rows = [
            [
                source.name,
                str(source.kind),
                str(source.type),
                ", ".join(part for part in (source.role, source.affiliation) if part) or "not stated",
                str(source.statements),
                f"{source.share:.0%}",
            ]
            for source in sorted(analysis.sources, key=lambda s: (-s.words, s.id))
        ]
        if not rows:
            return self.empty("quoted or reported sources")
        headers = ["Source", "Kind", "Type", "Role, affiliation", "Statements", "Share of the article's words"]
        return [make_table("Who speaks in the article (found by the analysis)", headers, rows, ["medialit-sources"])]


class StatementsDirective(_AnalysisDirective):
    """Every statement with its voice, speaker, verb and stance; filterable."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "quote-type": _choice([str(q) for q in QuoteType]),
        "speaker": directives.unchanged_required,
        "paragraphs": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        analysis = self.analysis()
        span = self.paragraphs_option(analysis)
        statements = analysis.statements
        if "quote-type" in self.options:
            statements = [s for s in statements if s.quote_type == self.options["quote-type"]]
        if "speaker" in self.options:
            wanted = self.options["speaker"].strip()
            known = {s.name for s in analysis.sources}
            if wanted not in known:
                raise self.error(f"no source {wanted!r} in the analysis; the sources are: {', '.join(sorted(known))}")
            statements = [s for s in statements if s.speaker == wanted]
        if span is not None:
            statements = [s for s in statements if span[0] <= s.paragraph <= span[1]]
        if not statements:
            return self.empty("statements of this kind")
        rows = [
            [
                paragraph_link(s.paragraph),
                VOICE_WORDS[s.quote_type],
                s.speaker or "(journalist)",
                s.verb or "",
                str(s.verb_stance or ""),
                s.text,
            ]
            for s in statements
        ]
        headers = ["Paragraph", "Voice", "Speaker", "Reporting verb", "Stance of the verb", "What is stated"]
        return [make_table("Statements (found by the analysis)", headers, rows, ["medialit-statements"])]


class VerbsDirective(_AnalysisDirective):
    """Each reporting verb, what it signals, how often, and for whom."""

    def run(self) -> list[nodes.Node]:
        analysis = self.analysis()
        verbs: dict[str, list[Any]] = {}
        for statement in analysis.statements:
            if not statement.verb:
                continue
            entry = verbs.setdefault(statement.verb.lower(), [statement.verb_stance, [], [], 0])
            entry[3] += 1
            if statement.speaker and statement.speaker not in entry[1]:
                entry[1].append(statement.speaker)
            if statement.paragraph not in entry[2]:
                entry[2].append(statement.paragraph)
        if not verbs:
            return self.empty("reporting verbs")
        rows = [
            [
                verb,
                str(stance),
                "neutral" if stance is not None and not stance.loaded else "adds a judgement",
                str(count),
                ", ".join(speakers),
                [paragraph_link(n) for n in paragraphs],
            ]
            for verb, (stance, speakers, paragraphs, count) in sorted(verbs.items(), key=lambda kv: (-kv[1][3], kv[0]))
        ]
        headers = ["Verb", "Stance", "Neutral or loaded", "Times", "Used for", "Paragraphs"]
        return [make_table("Reporting verbs (found by the analysis)", headers, rows, ["medialit-verbs"])]


class HeadlineDirective(_AnalysisDirective):
    """What the headline and sub-headline do that the body does not."""

    def run(self) -> list[nodes.Node]:
        analysis = self.analysis()
        findings = analysis.framing.headline
        if not findings:
            return self.empty("differences between the headline and the body")
        rows = [
            [f.line, str(f.change).replace("-", " "), f.headline_text, paragraph_link(f.paragraph), f.detail] for f in findings
        ]
        headers = ["Line", "Change", "It says", "Body paragraph", "What changed"]
        return [make_table("Headline against body (found by the analysis)", headers, rows, ["medialit-headline-table"])]


class WordsDirective(_AnalysisDirective):
    """Marked words (loaded, hedges, modals, boosters) paragraph by paragraph."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"kind": _choice([str(k) for k in WordKind])}

    def run(self) -> list[nodes.Node]:
        analysis = self.analysis()
        words = analysis.framing.words
        if "kind" in self.options:
            words = [w for w in words if w.kind == self.options["kind"]]
        by_paragraph: dict[int, list[str]] = {}
        for word in words:
            by_paragraph.setdefault(word.paragraph, []).append(f"{word.word} ({word.kind})")
        if not by_paragraph:
            return self.empty("marked words of this kind")
        rows = [[paragraph_link(n), ", ".join(found)] for n, found in sorted(by_paragraph.items())]
        kind = self.options.get("kind")
        title = f"{kind.capitalize() if kind else 'Marked'} words (found by the analysis)"
        return [make_table(title, ["Paragraph", "Words"], rows, ["medialit-words"])]


class FramesDirective(_AnalysisDirective):
    """The frames present and the paragraphs that carry them."""

    def run(self) -> list[nodes.Node]:
        analysis = self.analysis()
        if not analysis.framing.frames:
            return self.empty("frames")
        rows = [
            [frame.frame, [paragraph_link(n) for n in frame.paragraphs], ", ".join(frame.cues)]
            for frame in analysis.framing.frames
        ]
        return [make_table("Frames (found by the analysis)", ["Frame", "Paragraphs", "Cue words"], rows, ["medialit-frames"])]


def _denials(analysis: Analysis, claim: Claim) -> nodes.inline | str:
    """Each denial that shares the claim's subject, in its own words: who, where and what is denied.

    Quoting the denial lets the reader see how much of the claim it answers (P16 denies only
    Wagner's role, not the rest of P1); a bare "denied by Serbia" would say more than the text.
    """
    cell = nodes.inline()
    for statement in analysis.statements:
        if (
            statement.verb_stance is VerbStance.DENIAL
            and statement.speaker in claim.contested_by
            and statement.paragraph in claim.support_paragraphs
        ):
            if cell.children:
                cell += nodes.Text("; ")
            cell += nodes.Text(f"{statement.speaker}, ")
            cell += paragraph_link(statement.paragraph)
            cell += nodes.Text(f": “{statement.text}”")
    return cell if cell.children else ""


class ClaimsDirective(_AnalysisDirective):
    """The central claims, who makes them, and the support the text offers."""

    def run(self) -> list[nodes.Node]:
        analysis = self.analysis()
        if not analysis.evidence:
            return self.empty("central claims")
        rows = [
            [
                paragraph_link(claim.paragraph),
                claim.speaker or "(journalist)",
                claim.text,
                "; ".join(str(s) for s in claim.support),
                _denials(analysis, claim),
            ]
            for claim in analysis.evidence
        ]
        headers = ["Paragraph", "Who claims it", "Claim", "Support in the text", "A denial on the same subject"]
        return [make_table("Claims and their support (found by the analysis)", headers, rows, ["medialit-claims"])]


class AnalogiesDirective(_AnalysisDirective):
    """Each comparison with another case: the marker, who draws it, what it compares."""

    def run(self) -> list[nodes.Node]:
        analysis = self.analysis()
        if not analysis.analogies:
            return self.empty("comparisons with other cases")
        rows = [
            [paragraph_link(a.paragraph), a.marker, a.speaker or "(journalist)", a.target, a.source] for a in analysis.analogies
        ]
        headers = ["Paragraph", "Marker", "Drawn by", "This case", "Compared with"]
        return [make_table("Comparisons (found by the analysis)", headers, rows, ["medialit-analogies"])]


class PassageDirective(_AnalysisDirective):
    """Some paragraphs of the article, verbatim, with one kind of words highlighted."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "paragraphs": directives.unchanged_required,
        "highlight": _choice(HIGHLIGHTS),
    }

    def spans(self, analysis: Analysis, n: int) -> list[tuple[int, int]]:
        kind = self.options.get("highlight")
        text = analysis.article.paragraph(n).text
        if kind == "loaded":
            return [(w.start, w.end) for w in analysis.framing.words if w.paragraph == n and w.kind is WordKind.LOADED]
        if kind == "hedges":
            return [
                (w.start, w.end)
                for w in analysis.framing.words
                if w.paragraph == n and w.kind in (WordKind.HEDGE, WordKind.MODAL, WordKind.BOOSTER)
            ]
        if kind == "quotes":
            open_at_start = False
            for earlier in analysis.article.paragraphs[: n - 1]:
                open_at_start = ends_inside_quote(earlier.text, open_at_start)
            spans = []
            if open_at_start:  # a quotation carried on from the paragraph before
                closing = text.find("”")
                spans.append((0, closing + 1 if closing >= 0 else len(text)))
            body_start = spans[0][1] if spans else 0
            spans += [(m.start(), m.end()) for m in _QUOTED.finditer(text, body_start)]
            return spans
        if kind == "attribution":
            return [
                (s.attribution.start, s.attribution.end)
                for s in analysis.statements
                if s.paragraph == n and s.attribution is not None
            ]
        return []

    def run(self) -> list[nodes.Node]:
        analysis = self.analysis()
        if "paragraphs" not in self.options:
            raise self.error("article-passage needs :paragraphs: (a number or a range like 11-14)")
        span = self.paragraphs_option(analysis)
        if span is None:  # pragma: no cover - the option was checked above
            raise self.error("article-passage needs :paragraphs:")
        kind = self.options.get("highlight")
        box = nodes.container(classes=["medialit-passage"])
        if kind:
            box += nodes.paragraph("", f"Highlighted: {_HIGHLIGHT_WORDS[kind]}.", classes=["medialit-passage-key"])
        for n in range(span[0], span[1] + 1):
            text = analysis.article.paragraph(n).text
            node = nodes.paragraph("", "", classes=["medialit-para"])
            node += paragraph_link(n)
            node += nodes.Text(" ")
            position = 0
            for start, end in sorted(set(self.spans(analysis, n))):
                if start < position:
                    continue
                node += nodes.Text(text[position:start])
                node += highlight("", text[start:end], classes=["medialit-mark", f"medialit-mark-{kind}"])
                position = end
            node += nodes.Text(text[position:])
            box += node
        return [box]


class CloseReadingDirective(_AnalysisDirective):
    """What a strong reader notices: each cue in its sentence, marked, with what it is and the question to ask."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "kind": _choice([str(k) for k in CueKind]),
        "paragraphs": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        analysis = self.analysis()
        span = self.paragraphs_option(analysis)
        cues = analysis.close_reading
        if "kind" in self.options:
            cues = [c for c in cues if c.kind == self.options["kind"]]
        if span is not None:
            cues = [c for c in cues if span[0] <= c.paragraph <= span[1]]
        if not cues:
            return self.empty("close-reading cues of this kind")
        rows = []
        for cue in cues:
            text = analysis.article.paragraph(cue.paragraph).text
            sentence = nodes.inline()
            sentence += nodes.Text(text[cue.sentence_start : cue.start])
            marked = highlight("", "", classes=["medialit-mark", "medialit-mark-cue"])
            marked += nodes.strong("", text[cue.start : cue.end])
            sentence += marked
            sentence += nodes.Text(text[cue.end : cue.sentence_end])
            what = nodes.inline()
            what += nodes.strong("", WHAT_IT_IS[cue.kind].capitalize() + ". ")
            what += nodes.Text(cue.detail)
            rows.append([paragraph_link(cue.paragraph), sentence, what, cue.question])
        kind = self.options.get("kind")
        title = "What a strong reader notices (found by the analysis)"
        if kind:
            title = f"{WHAT_IT_IS[CueKind(kind)].capitalize()} (found by the analysis)"
        headers = ["Paragraph", "In the text (the cue in bold)", "What it is", "The question to ask"]
        return [make_table(title, headers, rows, ["medialit-close-reading"])]


_HIGHLIGHT_WORDS = {
    "loaded": "loaded words, which judge as they describe",
    "hedges": "hedges, modal verbs and boosters, which lower or raise certainty",
    "quotes": "words in quotation marks",
    "attribution": "attributions: who is said to speak, and the reporting verb",
}

DIRECTIVES: dict[str, type[SphinxDirective]] = {
    "analysis-sources": SourcesDirective,
    "analysis-statements": StatementsDirective,
    "analysis-verbs": VerbsDirective,
    "analysis-headline": HeadlineDirective,
    "analysis-words": WordsDirective,
    "analysis-frames": FramesDirective,
    "analysis-claims": ClaimsDirective,
    "analysis-analogies": AnalogiesDirective,
    "article-passage": PassageDirective,
    "analysis-close-reading": CloseReadingDirective,
}
