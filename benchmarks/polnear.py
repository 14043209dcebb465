"""Reading PolNeAR (real political news with hand-annotated attributions) and scoring the analyzer on it.

The corpus is read where it lies (``../shared/corpora/polnear/`` beside the project by default);
nothing of it is copied into the project. Each article is ``SPLIT/text/NAME.txt`` with brat
standoff annotations ``SPLIT/attributions/NAME_ANNOTATOR.ann``: ``T`` lines are spans (character
offsets into the text, several ``start end`` pairs for a discontinuous span), ``E`` lines link a
cue, a source (optional) and a content into one attribution.

Scoring follows the Gender Gap Tracker's protocol. A predicted quotation matches an annotated
content when it covers more than 30 % of the content's characters (lenient) or more than 80 %
(strict); pairs are made one to one, best coverage first. A matched pair's speaker is right when
the analyzer's mention of the speaker at that statement overlaps the annotated source, or when
the analyzer's speaker and the annotated source share a name (``Trump`` in ``Donald Trump``).

Two sets are scored. **Speech** attributions have a cue of saying or writing (``said``, ``told``,
``added``, ``according to`` … see :data:`SPEECH_CUES`); predictions whose verb is not such a cue
are left out of the speech scores, and a prediction that matches an annotated attribution of
another kind counts neither for nor against them. **All** attributions include beliefs,
intentions and endorsements ("believes", "wants", "backs"), which the analyzer does not look for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from medialit.analysis import Analysis
from medialit.analysis.model import Statement
from medialit.article import Article

LENIENT: Final = 0.3
STRICT: Final = 0.8

SPEECH_CUES: Final = frozenset(
    [
        "say",
        "says",
        "said",
        "saying",
        "tell",
        "tells",
        "told",
        "telling",
        "add",
        "adds",
        "added",
        "adding",
        "warn",
        "warns",
        "warned",
        "warning",
        "claim",
        "claims",
        "claimed",
        "claiming",
        "state",
        "states",
        "stated",
        "explain",
        "explains",
        "explained",
        "note",
        "notes",
        "noted",
        "argue",
        "argues",
        "argued",
        "insist",
        "insists",
        "insisted",
        "ask",
        "asks",
        "asked",
        "announce",
        "announces",
        "announced",
        "write",
        "writes",
        "wrote",
        "written",
        "tweet",
        "tweets",
        "tweeted",
        "tweeting",
        "declare",
        "declares",
        "declared",
        "reply",
        "replies",
        "replied",
        "respond",
        "responds",
        "responded",
        "suggest",
        "suggests",
        "suggested",
        "acknowledge",
        "acknowledges",
        "acknowledged",
        "admit",
        "admits",
        "admitted",
        "deny",
        "denies",
        "denied",
        "testify",
        "testifies",
        "testified",
        "report",
        "reports",
        "reported",
        "continue",
        "continues",
        "continued",
        "remark",
        "remarks",
        "remarked",
        "recall",
        "recalls",
        "recalled",
        "urge",
        "urges",
        "urged",
        "predict",
        "predicts",
        "predicted",
        "promise",
        "promises",
        "promised",
        "complain",
        "complains",
        "complained",
        "concede",
        "concedes",
        "conceded",
        "confirm",
        "confirms",
        "confirmed",
        "charge",
        "charges",
        "charged",
        "accuse",
        "accuses",
        "accused",
        "assert",
        "asserts",
        "asserted",
        "contend",
        "contends",
        "contended",
        "maintain",
        "maintains",
        "maintained",
        "observe",
        "observes",
        "observed",
        "point",
        "points",
        "pointed",
        "quote",
        "quoted",
        "quip",
        "quips",
        "quipped",
        "joke",
        "jokes",
        "joked",
        "boast",
        "boasts",
        "boasted",
        "vow",
        "vows",
        "vowed",
        "pledge",
        "pledges",
        "pledged",
        "describe",
        "describes",
        "described",
        "call",
        "calls",
        "called",
        "criticize",
        "criticizes",
        "criticized",
        "blast",
        "blasts",
        "blasted",
        "praise",
        "praises",
        "praised",
        "mention",
        "mentions",
        "mentioned",
        "reveal",
        "reveals",
        "revealed",
        "disclose",
        "discloses",
        "disclosed",
        "allege",
        "alleges",
        "alleged",
        "emphasize",
        "emphasizes",
        "emphasized",
        "stress",
        "stresses",
        "stressed",
        "repeat",
        "repeats",
        "repeated",
        "tout",
        "touts",
        "touted",
    ]
)
"""Words of saying or writing: an attribution whose cue holds one of them (or "according to") is speech."""


def is_speech_cue(cue: str) -> bool:
    words = re.findall(r"[a-z]+", cue.lower())
    return "according" in words or any(word in SPEECH_CUES for word in words)


Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution: where its content, cue and source are in the file."""

    content: Spans
    cue: Spans
    source: Spans
    cue_text: str
    source_text: str

    @property
    def speech(self) -> bool:
        return is_speech_cue(self.cue_text)

    def content_chars(self) -> set[int]:
        return {i for start, end in self.content for i in range(start, end)}


@dataclass(frozen=True)
class Prediction:
    """One attribution the analyzer found, placed in the file's character offsets.

    ``content`` may be several ranges: a statement with its attribution and the statements that
    continue the same quotation (``“A,” she said. “B.”``; a quotation running into the next
    paragraph) are one attribution, as PolNeAR annotates them.
    """

    content: tuple[tuple[int, int], ...]
    mention: tuple[int, int] | None
    speaker_names: tuple[str, ...]
    verb: str | None
    text: str

    @property
    def speech(self) -> bool:
        return self.verb is None or is_speech_cue(self.verb)

    def chars(self) -> set[int]:
        return {i for start, end in self.content for i in range(start, end)}


def _spans(field_text: str) -> Spans:
    return tuple((int(a), int(b)) for a, b in (part.split() for part in field_text.split(";")))


def read_annotations(path: Path, text: str) -> list[GoldAttribution]:
    """The attributions of one ``.ann`` file, with the texts of their cues and sources."""
    spans: dict[str, Spans] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _kind, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = _spans(offsets)
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    found = []
    for relation in relations:
        if "Content" not in relation or "Cue" not in relation:
            continue
        source = spans.get(relation.get("Source", ""), ())
        cue = spans[relation["Cue"]]
        found.append(
            GoldAttribution(
                content=spans[relation["Content"]],
                cue=cue,
                source=source,
                cue_text=" ".join(text[a:b] for a, b in cue),
                source_text=" ".join(text[a:b] for a, b in source),
            )
        )
    return found


def paragraph_offsets(article: Article, text: str) -> dict[int, list[int]]:
    """For each paragraph, the file offset of each of its characters (ingest joins wrapped lines with a space)."""
    lines = text.split("\n")
    line_starts = [0]
    for line in lines[:-1]:
        line_starts.append(line_starts[-1] + len(line) + 1)
    offsets: dict[int, list[int]] = {}
    for paragraph in article.paragraphs:
        position = line_starts[paragraph.line - 1] if paragraph.line - 1 < len(line_starts) else 0
        mapping: list[int] = []
        for char in paragraph.text:
            while position < len(text) and text[position] != char and (text[position].isspace() or char.isspace()):
                position += 1
            mapping.append(min(position, len(text) - 1))
            position += 1
        offsets[paragraph.n] = mapping
    return offsets


def _name_words(name: str) -> set[str]:
    return {w for w in re.findall(r"[A-Za-z][\w'’-]+", name.lower()) if len(w) > 2}


def predictions(analysis: Analysis, text: str) -> list[Prediction]:
    """Every attribution with a source, in file offsets; the speaker's mention placed inside its attribution.

    A statement with no verb and no attribution of its own that follows a statement of the same
    source continues that statement's quotation: its range joins the same prediction. A relayed
    statement also gives the relay's own attribution (the outlet reports the whole clause).
    """
    offsets = paragraph_offsets(analysis.article, text)
    names = {s.id: (s.name, *s.mentions) for s in analysis.sources}
    found: list[Prediction] = []
    previous: Statement | None = None
    for statement in analysis.statements:
        if statement.source_id is None or statement.end <= statement.start:
            previous = statement
            continue
        mapping = offsets[statement.paragraph]
        content = (mapping[statement.start], mapping[statement.end - 1] + 1)
        continues = (
            found
            and previous is not None
            and previous.source_id == statement.source_id
            and statement.verb is None
            and statement.attribution is None
        )
        if continues:
            last = found[-1]
            found[-1] = Prediction((*last.content, content), last.mention, last.speaker_names, last.verb, last.text)
        else:
            found.append(
                Prediction(
                    content=(content,),
                    mention=_mention_span(statement, mapping),
                    speaker_names=names.get(statement.source_id, ()),
                    verb=statement.verb,
                    text=statement.text,
                )
            )
        if statement.relay is not None and statement.relayed_by is not None and statement.attribution is not None:
            relay = statement.relay
            start = min(statement.attribution.start, statement.start)
            found.append(
                Prediction(
                    content=((mapping[start], mapping[statement.end - 1] + 1),),
                    mention=(mapping[relay.start], mapping[relay.end - 1] + 1),
                    speaker_names=names.get(statement.relayed_by, ()),
                    verb=relay.text,
                    text=relay.text,
                )
            )
        previous = statement
    return found


def _mention_span(statement: Statement, mapping: Sequence[int]) -> tuple[int, int] | None:
    if statement.attribution is None or not statement.mention:
        return None
    at = statement.attribution.text.find(statement.mention)
    if at < 0:
        return None
    start = statement.attribution.start + at
    end = start + len(statement.mention)
    return (mapping[start], mapping[end - 1] + 1)


def speaker_right(prediction: Prediction, gold: GoldAttribution) -> bool:
    """The mention overlaps the annotated source, or the speaker and the source share a name."""
    if not gold.source:
        return False
    if prediction.mention is not None:
        a, b = prediction.mention
        if any(a < end and start < b for start, end in gold.source):
            return True
    source_words = _name_words(gold.source_text)
    return any(_name_words(name) & source_words for name in prediction.speaker_names)


@dataclass
class Counts:
    """Matched, found and expected counts of one set at one threshold, and the speakers of the matches."""

    matched: int = 0
    found: int = 0
    expected: int = 0
    speakers_right: int = 0

    def add(self, other: Counts) -> None:
        self.matched += other.matched
        self.found += other.found
        self.expected += other.expected
        self.speakers_right += other.speakers_right

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.matched if self.matched else 0.0


@dataclass
class ArticleScore:
    """One article's counts per set and threshold, and what was missed or wrongly found."""

    name: str
    counts: dict[tuple[str, str], Counts] = field(default_factory=dict)
    missed: list[GoldAttribution] = field(default_factory=list)
    spurious: list[Prediction] = field(default_factory=list)
    wrong_speaker: list[tuple[Prediction, GoldAttribution]] = field(default_factory=list)


def _match(golds: Sequence[GoldAttribution], found: Sequence[Prediction], threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, prediction index), best coverage first, above ``threshold``."""
    candidates = []
    for g, gold in enumerate(golds):
        chars = gold.content_chars()
        if not chars:
            continue
        for p, prediction in enumerate(found):
            coverage = len(prediction.chars() & chars) / len(chars)
            if coverage > threshold:
                candidates.append((coverage, g, p))
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_found: set[int] = set()
    for _coverage, g, p in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if g not in used_gold and p not in used_found:
            pairs.append((g, p))
            used_gold.add(g)
            used_found.add(p)
    return pairs


def score_article(name: str, golds: Sequence[GoldAttribution], found: Sequence[Prediction]) -> ArticleScore:
    """Counts of the speech and all sets at both thresholds, and the lenient misses of the speech set."""
    result = ArticleScore(name)
    for threshold_name, threshold in (("lenient", LENIENT), ("strict", STRICT)):
        pairs = _match(golds, found, threshold)
        gold_matched = {g: p for g, p in pairs}
        found_matched = {p: g for g, p in pairs}
        for set_name in ("speech", "all"):
            counts = Counts()
            keep_gold = [g for g, gold in enumerate(golds) if set_name == "all" or gold.speech]
            counts.expected = len(keep_gold)
            counts.matched = sum(1 for g in keep_gold if g in gold_matched)
            counts.speakers_right = sum(
                1 for g in keep_gold if g in gold_matched and speaker_right(found[gold_matched[g]], golds[g])
            )
            counted_found = [
                p
                for p, prediction in enumerate(found)
                if set_name == "all" or (prediction.speech and (p not in found_matched or golds[found_matched[p]].speech))
            ]
            counts.found = len(counted_found)
            result.counts[(set_name, threshold_name)] = counts
            if set_name == "speech" and threshold_name == "lenient":
                result.missed = [golds[g] for g in keep_gold if g not in gold_matched]
                result.spurious = [found[p] for p in counted_found if p not in found_matched]
                result.wrong_speaker = [
                    (found[gold_matched[g]], golds[g])
                    for g in keep_gold
                    if g in gold_matched and not speaker_right(found[gold_matched[g]], golds[g])
                ]
    return result


def corpus_articles(split: Path) -> Iterator[tuple[str, Path, Path]]:
    """(name, text file, annotation file) for each article of a split; one annotator per article."""
    for text_path in sorted((split / "text").glob("*.txt")):
        annotations = sorted((split / "attributions").glob(f"{text_path.stem}_*.ann"))
        if annotations:
            yield text_path.stem, text_path, annotations[0]


def total(scores: Iterable[ArticleScore], set_name: str, threshold: str) -> Counts:
    counts = Counts()
    for score in scores:
        counts.add(score.counts[(set_name, threshold)])
    return counts
