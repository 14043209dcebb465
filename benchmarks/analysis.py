"""Analysis-speed benchmark: the course article, and longer articles up to 1 MB (cost must grow linearly).

The long articles repeat the course article's body until they reach each size, so the text is
real news prose with the same mix of quotations and attributions; each copy of a paragraph gets
its own number, so the parser sees every paragraph as new. The process is warm (spaCy's English
pipeline is loaded once, first, and that load is timed on its own), but the cache of parsed
paragraphs is emptied before every run: each run parses the whole article. For each size the
median of several runs is reported, with the time per kilobyte: a linear analyzer keeps that
figure flat. Also timed: ``medialit --help`` in a new process (the pipeline must not load there).
Figures are recorded in docs/analysis.md; nothing here is a test and no threshold is asserted.

    .venv/bin/python benchmarks/analysis.py [--runs 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from medialit.analysis import analyze
from medialit.ingest import load_article
from medialit.language import clear_cache, pipeline

ROOT = Path(__file__).resolve().parents[1]
COURSE_ARTICLE = ROOT / "articles" / "wagner-kosovo-telegraph-2023.txt"
SIZES_KB = (100, 250, 500, 1000)


def article_of_size(folder: Path, kilobytes: int) -> Path:
    """The course article with its body repeated until the file is about ``kilobytes`` long."""
    headline, body = COURSE_ARTICLE.read_text(encoding="utf-8").split("\n", 1)
    repeats = max(1, round(kilobytes * 1000 / len(body.encode("utf-8"))))
    copies = []
    for copy in range(1, repeats + 1):
        lines = [f"{line} (copy {copy})" if len(line) > 80 else line for line in body.splitlines()]
        copies.append("\n".join(lines))
    path = folder / f"long-{kilobytes}kb.txt"
    path.write_text(headline + "\n" + "\n\n".join(copies), encoding="utf-8")
    return path


def timed(path: Path, runs: int) -> dict[str, float | int]:
    """Median, min and max seconds of read + analyse, with the article's size and statement count."""
    times: list[float] = []
    statements = 0
    for _ in range(runs):
        clear_cache()
        start = time.perf_counter()
        analysis = analyze(load_article(path))
        times.append(time.perf_counter() - start)
        statements = len(analysis.statements)
    size = path.stat().st_size
    median = statistics.median(times)
    return {
        "bytes": size,
        "paragraphs": len(analysis.article.paragraphs),
        "statements": statements,
        "median_s": round(median, 4),
        "min_s": round(min(times), 4),
        "max_s": round(max(times), 4),
        "ms_per_kb": round(median * 1000 / (size / 1000), 3),
    }


def load_seconds() -> float:
    """Seconds to load the English pipeline (once per process)."""
    start = time.perf_counter()
    pipeline()
    return time.perf_counter() - start


def help_seconds(runs: int) -> float:
    """Median seconds of ``medialit --help`` in a new process."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "medialit", "--help"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per article (default 5)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a Markdown table")
    args = parser.parse_args()
    help_s = help_seconds(args.runs)
    load_s = load_seconds()
    with tempfile.TemporaryDirectory() as folder:
        rows = {"course article": timed(COURSE_ARTICLE, args.runs)}
        for kilobytes in SIZES_KB:
            rows[f"{kilobytes} KB"] = timed(article_of_size(Path(folder), kilobytes), max(1, args.runs // 2))
    if args.json:
        machine = {"cpus": os.cpu_count(), "python": platform.python_version()}
        print(json.dumps({"machine": machine, "help_s": help_s, "pipeline_load_s": load_s, "results": rows}, indent=2))
        return
    print(f"medialit --help: {help_s:.2f} s (new process); loading the English pipeline: {load_s:.2f} s (once per process)\n")
    print(f"Analysis time ({os.cpu_count()} cores, Python {platform.python_version()}; median of {args.runs} runs)\n")
    print("| article | size | paragraphs | statements | median (s) | min (s) | max (s) | ms per KB |")
    print("|---|---|---|---|---|---|---|---|")
    for name, row in rows.items():
        print(
            f"| {name} | {int(row['bytes']) / 1000:.0f} KB | {row['paragraphs']} | {row['statements']} | "
            f"{row['median_s']:.3f} | {row['min_s']:.3f} | {row['max_s']:.3f} | {row['ms_per_kb']:.2f} |"
        )


if __name__ == "__main__":
    main()
