"""Build-time benchmark: cold build, warm rebuild with no change, and rebuild after one edit.

Each scenario runs ``medialit build`` on a fresh temporary copy of the course, several times,
and reports the median wall-clock time. Figures are recorded in README.md; nothing here is a
test and no threshold is asserted.

    .venv/bin/python benchmarks/build.py [--runs 5] [--course .]
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

from medialit.build import copy_course_sources

MEDIALIT = Path(sys.executable).parent / "medialit"
EDITED_PAGE = Path("book") / "how-to-use.md"


def timed_build(course: Path, *extra: str) -> float:
    start = time.perf_counter()
    subprocess.run([str(MEDIALIT), "build", str(course), *extra], check=True, capture_output=True)
    return time.perf_counter() - start


def site_bytes(site: Path) -> int:
    return sum(path.stat().st_size for path in site.rglob("*") if path.is_file())


def measure(source: Path, runs: int) -> dict[str, list[float] | int]:
    cold: list[float] = []
    warm: list[float] = []
    edited: list[float] = []
    size = 0
    for run in range(runs):
        with tempfile.TemporaryDirectory(prefix="medialit-bench-") as tmp:
            course = copy_course_sources(source, Path(tmp))
            cold.append(timed_build(course, "--clean"))
            warm.append(timed_build(course))
            with (course / EDITED_PAGE).open("a", encoding="utf-8") as page:
                page.write(f"\nEdited for benchmark run {run}.\n")
            edited.append(timed_build(course))
            size = site_bytes(course / "_build" / "html")
        print(f"run {run + 1}/{runs}: cold {cold[-1]:.2f} s, warm {warm[-1]:.2f} s, one edit {edited[-1]:.2f} s", flush=True)
    return {"cold": cold, "warm": warm, "one_page_edit": edited, "site_bytes": size}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--course", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args()

    figures = measure(args.course.resolve(), args.runs)
    print(f"\n| scenario | median of {args.runs} (s) | min (s) | max (s) |\n|---|---|---|---|")
    for name in ("cold", "warm", "one_page_edit"):
        values = figures[name]
        assert isinstance(values, list)
        print(f"| {name.replace('_', ' ')} | {statistics.median(values):.2f} | {min(values):.2f} | {max(values):.2f} |")
    print(f"\nsite size: {int(figures['site_bytes']) / 1_000_000:.1f} MB")

    results = Path(__file__).resolve().parent / "results"
    results.mkdir(exist_ok=True)
    record = {"machine": platform.platform(), "cpus": os.cpu_count(), "runs": args.runs, **figures}
    (results / f"build-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(record, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
