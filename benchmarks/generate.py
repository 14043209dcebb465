"""Generator benchmark: the time of ``medialit new`` for the course article and for long articles.

Each run writes a fresh course into a temporary folder (analysis, pages, the five quiz banks and
the corrections file, running the five quiz notebooks in one kernel); the median of several runs
is reported. Figures go in docs/generator.md; nothing here is a test and no threshold is asserted.

    .venv/bin/python benchmarks/generate.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from medialit.generate.course import new_course

ROOT = Path(__file__).resolve().parents[1]
COURSE_ARTICLE = ROOT / "articles" / "wagner-kosovo-telegraph-2023.txt"


def long_article(folder: Path, kilobytes: int) -> Path:
    headline, body = COURSE_ARTICLE.read_text(encoding="utf-8").split("\n", 1)
    path = folder / f"long-{kilobytes}kb.txt"
    path.write_text(headline + "\n" + body * max(1, round(kilobytes * 1000 / len(body.encode("utf-8")))), encoding="utf-8")
    return path


def timed(article: Path, runs: int) -> list[float]:
    times = []
    for run in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            new_course(article, Path(folder) / f"course-{run}")
            times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        articles = {"course article (10 KB)": COURSE_ARTICLE}
        for kilobytes in (100, 500):
            articles[f"long article ({kilobytes} KB)"] = long_article(Path(folder), kilobytes)
        print(f"medialit new ({os.cpu_count()} cores; median of {args.runs} runs)\n")
        print("| article | median (s) | min (s) | max (s) |\n|---|---|---|---|")
        for name, path in articles.items():
            times = timed(path, args.runs)
            print(f"| {name} | {statistics.median(times):.2f} | {min(times):.2f} | {max(times):.2f} |")


if __name__ == "__main__":
    main()
