"""Attribution benchmark: the analyzer on PolNeAR's real news, scored with the Gender Gap Tracker's protocol.

Reads a split of PolNeAR from ``../shared/corpora/polnear`` (or ``--corpus``), runs medialit's
reader and analyzer on every article exactly as ``medialit analyze`` would, and reports precision,
recall and F1 of the quotations found (lenient: > 30 % of an annotated content covered; strict:
> 80 %) and the share of matched quotations whose speaker is right, for speech attributions and
for all attributions. Refusals and crashes are counted, never hidden. The protocol is in
``benchmarks/polnear.py``; figures and the remaining misses are recorded in docs/analysis.md.

    .venv/bin/python benchmarks/attribution.py [--split dev] [--misses 20] [--json]

Published anchor (not comparable row for row: another corpus): the Gender Gap Tracker v7 on 98
English articles, 83.7 F1 lenient, 76.1 strict, speaker 86.5 %.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from medialit.analysis import analyze, sourcing
from medialit.errors import MedialitError
from medialit.ingest import load_article
from polnear import ArticleScore, corpus_articles, predictions, read_annotations, score_article, total

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "polnear"


def run(split: Path) -> tuple[list[ArticleScore], list[str], list[str], float]:
    """Scores per article, the refused and crashed articles (with why), and the seconds spent analysing."""
    scores: list[ArticleScore] = []
    refused: list[str] = []
    crashed: list[str] = []
    seconds = 0.0
    for name, text_path, annotation_path in corpus_articles(split):
        text = text_path.read_text(encoding="utf-8")
        golds = read_annotations(annotation_path, text)
        start = time.perf_counter()
        try:
            analysis = analyze(load_article(text_path))
        except MedialitError as error:
            refused.append(f"{name}: {error}")
            scores.append(score_article(name, golds, []))
            continue
        except Exception:  # a crash is a finding of the benchmark, reported with its traceback
            crashed.append(f"{name}: {traceback.format_exc(limit=3)}")
            scores.append(score_article(name, golds, []))
            continue
        finally:
            seconds += time.perf_counter() - start
        scores.append(score_article(name, golds, predictions(analysis, text)))
    return scores, refused, crashed, seconds


def summary(scores: list[ArticleScore]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for set_name in ("speech", "all"):
        for threshold in ("lenient", "strict"):
            counts = total(scores, set_name, threshold)
            result[f"{set_name}_{threshold}"] = {
                "precision": round(counts.precision, 3),
                "recall": round(counts.recall, 3),
                "f1": round(counts.f1, 3),
                "matched": counts.matched,
                "found": counts.found,
                "expected": counts.expected,
            }
        result[f"{set_name}_speaker_accuracy"] = round(total(scores, set_name, "lenient").speaker_accuracy, 3)
    return result


def print_misses(scores: list[ArticleScore], limit: int) -> None:
    """A sample of what went wrong, to read: missed speech attributions, spurious finds, wrong speakers."""
    missed = [(s.name, g) for s in scores for g in s.missed]
    spurious = [(s.name, p) for s in scores for p in s.spurious]
    wrong = [(s.name, p, g) for s in scores for p, g in s.wrong_speaker]
    print(f"\nMissed speech attributions: {len(missed)} (first {limit})")
    for name, gold in missed[:limit]:
        print(f"  {name[:40]}: cue {gold.cue_text!r}, source {gold.source_text!r}")
    print(f"\nFound but not annotated: {len(spurious)} (first {limit})")
    for name, prediction in spurious[:limit]:
        print(f"  {name[:40]}: {prediction.verb!r} {prediction.speaker_names[:1]} “{prediction.text[:70]}”")
    print(f"\nWrong speaker: {len(wrong)} (first {limit})")
    for name, prediction, gold in wrong[:limit]:
        print(f"  {name[:40]}: found {prediction.speaker_names[:2]}, annotated {gold.source_text!r} (cue {gold.cue_text!r})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the PolNeAR folder (train/, dev/)")
    parser.add_argument("--split", default="dev", help="train or dev (default: dev)")
    parser.add_argument("--misses", type=int, default=0, help="print this many examples of each kind of miss")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--rules-only",
        action="store_true",
        help="leave spaCy's parse out: the surface patterns alone (to measure what the parse adds)",
    )
    args = parser.parse_args()
    if args.rules_only:
        sourcing.parse_paragraphs = lambda texts: [None] * len(texts)  # type: ignore[assignment]
    split = args.corpus / args.split
    if not (split / "text").is_dir():
        print(f"{split}: no PolNeAR split here (expected {split / 'text'})", file=sys.stderr)
        return 1
    scores, refused, crashed, seconds = run(split)
    figures = {
        "split": args.split,
        "method": "rules only" if args.rules_only else "parse and rules",
        "articles": len(scores),
        "refused": len(refused),
        "crashed": len(crashed),
        "analysis_seconds": round(seconds, 2),
        **summary(scores),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"PolNeAR {args.split}: {len(scores)} articles, {len(refused)} refused, {len(crashed)} crashed, {seconds:.1f} s")
        print(f"{'set':<8} {'match':<8} {'P':>6} {'R':>6} {'F1':>6}   matched/found/expected")
        for key in ("speech_lenient", "speech_strict", "all_lenient", "all_strict"):
            row = figures[key]
            set_name, threshold = key.split("_")
            print(
                f"{set_name:<8} {threshold:<8} {row['precision']:>6.3f} {row['recall']:>6.3f} {row['f1']:>6.3f}   "
                f"{row['matched']}/{row['found']}/{row['expected']}"
            )
        print(f"speaker right (speech, lenient matches): {figures['speech_speaker_accuracy']:.3f}")
        print(f"speaker right (all, lenient matches):    {figures['all_speaker_accuracy']:.3f}")
    for line in refused + crashed:
        print(f"  {line}", file=sys.stderr)
    if args.misses:
        print_misses(scores, args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
