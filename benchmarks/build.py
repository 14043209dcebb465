"""Build-time benchmark: medialit's build against plain Jupyter Book on the same pages.

Scenarios, each on a fresh temporary copy, several runs, medians reported:

- **medialit**: ``medialit build`` of the course: cold (``--clean``), warm (nothing changed) and
  after editing one page;
- **plain Jupyter Book**: ``jupyter-book build`` of the same book with medialit taken out: the same
  pages and notebooks, the same theme and extensions, but no ``medialit.sphinxext`` (its directives
  removed from the pages, a teacher-only block removed as the student edition removes it, links to
  the article's paragraphs made plain text) and no staging or publishing step.

The ratio medialit / plain per page is what medialit's directives, analysis and all-or-nothing
publishing cost. Figures are recorded in README.md; nothing here is a test and no threshold is
asserted.

    .venv/bin/python benchmarks/build.py [--runs 3] [--course .]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from medialit.build import copy_course_sources

BIN = Path(sys.executable).parent
EDITED_PAGE = Path("book") / "how-to-use.md"
MEDIALIT_NAMES = r"analysis-[a-z-]+|article-[a-z-]+|versions-compare|quiz-[a-z-]+|timeline|teacher-only"
MEDIALIT_DIRECTIVE = re.compile(rf"^(?P<fence>`{{3,}}|:{{3,}})\{{(?:{MEDIALIT_NAMES})\}}.*?^(?P=fence)[ \t]*$\n?", re.M | re.S)
"""A fenced medialit directive, with its options and content, up to its closing fence."""
STUDENT_ONLY = re.compile(r"^(?P<fence>:{3,})\{student-only\}[^\n]*\n(?P<body>.*?)^(?P=fence)[ \t]*$\n?", re.M | re.S)
ARTICLE_LINK = re.compile(r"\{ref\}`(?:(?P<text>[^`<]+?)\s*<article-p\d+>|article-p(?P<number>\d+))`")


def plain_page(text: str) -> str:
    """A page as plain Jupyter Book can build it: medialit's directives out, paragraph links as text."""
    text = MEDIALIT_DIRECTIVE.sub("", text)
    text = STUDENT_ONLY.sub(lambda m: m["body"], text)
    return ARTICLE_LINK.sub(lambda m: m["text"] or f"P{m['number']}", text)


def plain_book(course: Path) -> Path:
    """Turn a copy of the course into a plain Jupyter Book of the same pages (in place)."""
    for page in course.rglob("*.md"):
        page.write_text(plain_page(page.read_text(encoding="utf-8")), encoding="utf-8")
    config_path = course / "_config.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    sphinx = config["sphinx"]["config"]
    sphinx["extensions"] = [name for name in sphinx["extensions"] if not name.startswith("medialit")]
    sphinx.pop("medialit_teacher_pages", None)
    teacher = {"book/teacher-guide", "book/answer-keys"}
    toc_path = course / "_toc.yml"
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
    for part in toc.get("parts", []):
        part["chapters"] = [chapter for chapter in part["chapters"] if chapter.get("file") not in teacher]
    toc["parts"] = [part for part in toc["parts"] if part["chapters"]]
    config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    toc_path.write_text(yaml.safe_dump(toc, sort_keys=False), encoding="utf-8")
    return course


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def medialit_build(course: Path, *extra: str) -> float:
    return timed([str(BIN / "medialit"), "build", str(course), *extra])


def plain_build(course: Path, *, clean: bool = False) -> float:
    if clean:
        shutil.rmtree(course / "_build", ignore_errors=True)
    return timed([str(BIN / "jupyter-book"), "build", str(course), "--builder", "html"])


def pages(site: Path) -> int:
    return sum(1 for path in site.rglob("*.html") if not {"_static", "_sources"} & set(path.relative_to(site).parts))


def edit(course: Path, run: int) -> None:
    with (course / EDITED_PAGE).open("a", encoding="utf-8") as page:
        page.write(f"\nEdited for benchmark run {run}.\n")


def measure(source: Path, runs: int) -> tuple[dict[str, list[float]], dict[str, int]]:
    """Seconds of each scenario in each run, and the HTML pages of each site."""
    times: dict[str, list[float]] = {
        f"{tool} {scenario}": [] for tool in ("medialit", "plain") for scenario in ("cold", "warm", "one edit")
    }
    counts = {"medialit": 0, "plain": 0}
    for run in range(runs):
        with tempfile.TemporaryDirectory(prefix="medialit-bench-") as tmp:
            course = copy_course_sources(source, Path(tmp) / "medialit")
            times["medialit cold"].append(medialit_build(course, "--clean"))
            times["medialit warm"].append(medialit_build(course))
            edit(course, run)
            times["medialit one edit"].append(medialit_build(course))
            counts["medialit"] = pages(course / "_build" / "html")
            plain = plain_book(copy_course_sources(source, Path(tmp) / "plain"))
            times["plain cold"].append(plain_build(plain, clean=True))
            times["plain warm"].append(plain_build(plain))
            edit(plain, run)
            times["plain one edit"].append(plain_build(plain))
            counts["plain"] = pages(plain / "_build" / "html")
        print(f"run {run + 1}/{runs}: " + ", ".join(f"{name} {values[-1]:.1f} s" for name, values in times.items()), flush=True)
    return times, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--course", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args()

    seconds, counts = measure(args.course.resolve(), args.runs)
    print(f"\nPages: medialit {counts['medialit']}, plain {counts['plain']} (HTML pages of each site)")
    print(
        f"\n| scenario | medialit, median of {args.runs} (s) | plain Jupyter Book (s) "
        "| medialit per page (s) | plain per page (s) | ratio per page |"
    )
    print("|---|---|---|---|---|---|")
    for scenario in ("cold", "warm", "one edit"):
        ours, theirs = statistics.median(seconds[f"medialit {scenario}"]), statistics.median(seconds[f"plain {scenario}"])
        per_ours, per_theirs = ours / counts["medialit"], theirs / counts["plain"]
        print(f"| {scenario} | {ours:.2f} | {theirs:.2f} | {per_ours:.3f} | {per_theirs:.3f} | {per_ours / per_theirs:.2f} |")

    results = Path(__file__).resolve().parent / "results"
    results.mkdir(exist_ok=True)
    record = {
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        "load": os.getloadavg(),
        "runs": args.runs,
        "seconds": seconds,
        "pages": counts,
    }
    (results / f"build-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(record, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
