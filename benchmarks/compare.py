"""Comparison-speed benchmark: ``medialit compare`` on two versions of about 10 KB each.

The two versions are the course article (10.0 KB) and the constructed second version of it in
tests/fixtures/versions/ (10.2 KB, Markdown). Timed, each the median of several runs in a warm
process (spaCy's English pipeline loaded once, first, and that load timed on its own):

- **whole command**: read and analyse both versions and compare them (``compare_files``), with the
  cache of parsed paragraphs emptied before every run, so both texts are parsed each time;
- **comparison alone**: aligning the paragraphs and comparing the pairs (``compare_analyses``) on
  analyses made once: what ``medialit compare`` adds to two ``medialit analyze`` runs;
- **comparison, every paragraph moved**: the same, against the second version with its paragraphs
  in reverse order, so nearly every pair is scored and almost every paragraph is reported moved.

Figures are recorded in docs/compare.md; nothing here is a test and no threshold is asserted.

    .venv/bin/python benchmarks/compare.py [--runs 7] [--json]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from medialit.analysis import analyze
from medialit.ingest import load_article
from medialit.language import clear_cache, pipeline
from medialit.versions import compare_analyses, compare_files

ROOT = Path(__file__).resolve().parents[1]
VERSION_A = ROOT / "articles" / "wagner-kosovo-telegraph-2023.txt"
VERSION_B = ROOT / "tests" / "fixtures" / "versions" / "wagner-kosovo-constructed-version.md"


def timed(run: Callable[[], object], runs: int, before: Callable[[], None] = lambda: None) -> dict[str, float]:
    """Median, min and max seconds of ``run`` over ``runs`` runs, ``before`` called untimed before each."""
    times = []
    for _ in range(runs):
        before()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return {"median_s": round(statistics.median(times), 4), "min_s": round(min(times), 4), "max_s": round(max(times), 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per scenario (default 7)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()

    start = time.perf_counter()
    pipeline()
    load_s = time.perf_counter() - start
    a, b = analyze(load_article(VERSION_A)), analyze(load_article(VERSION_B))
    reversed_b = b.model_copy(
        update={"article": dataclasses.replace(b.article, paragraphs=tuple(reversed(b.article.paragraphs)))}
    )
    comparison = compare_analyses(a, b)
    results = {
        "whole command (read, analyse both, compare)": timed(lambda: compare_files(VERSION_A, VERSION_B), args.runs, clear_cache),
        "comparison alone": timed(lambda: compare_analyses(a, b), args.runs),
        "comparison, every paragraph moved": timed(lambda: compare_analyses(a, reversed_b), args.runs),
    }
    report = {
        "versions": {
            "a": {
                "file": str(VERSION_A.relative_to(ROOT)),
                "bytes": VERSION_A.stat().st_size,
                "paragraphs": len(a.article.paragraphs),
            },
            "b": {
                "file": str(VERSION_B.relative_to(ROOT)),
                "bytes": VERSION_B.stat().st_size,
                "paragraphs": len(b.article.paragraphs),
            },
        },
        "changes": len(comparison.changes),
        "pipeline_load_s": round(load_s, 3),
        "runs": args.runs,
        "results": results,
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"A: {VERSION_A.name} ({VERSION_A.stat().st_size:,} bytes), B: {VERSION_B.name} ({VERSION_B.stat().st_size:,} bytes)")
    print(f"pipeline load (once per process): {load_s:.2f} s; {len(comparison.changes)} changes; {args.runs} runs each")
    print("| scenario | median (s) | min (s) | max (s) |")
    print("|---|---|---|---|")
    for name, figures in results.items():
        print(f"| {name} | {figures['median_s']:.3f} | {figures['min_s']:.3f} | {figures['max_s']:.3f} |")


if __name__ == "__main__":
    main()
