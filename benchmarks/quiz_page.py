"""Quiz-page benchmark: page weight and time-to-interactive of medialit's quiz and jupyterquiz's.

The usual tool for quizzes in a Jupyter Book is jupyterquiz, so the course's quiz is measured
against it, in one run, on the same ten questions (``benchmarks/quiz_fixture.yml``: single
choice and multiple select, the closed types both tools can show). Each tool's output goes into
the same minimal standalone HTML document, written to a temporary directory and opened from
``file://`` in headless Debian chromium with the network off (every request outside ``file://``
fails and is recorded), because the course must work offline.

- page weight: bytes of the HTML file plus every resource the browser loaded for it;
- time-to-interactive: ``performance.now()`` (milliseconds since navigation start) when the quiz
  can be answered, taken by a MutationObserver installed before any page script runs;
- main-thread CPU time until then (Chrome DevTools ``ThreadTime``), the steadier figure when other
  work shares the machine: the clock counts waiting for a core, CPU time does not.

medialit's page is made the way the site makes it: the quiz fragment without its inline engine,
and the shared, minified engine (``medialit-quiz.<hash>.js`` and ``.css``, the files a site build
writes to ``_static``) linked from the head, the script with ``defer``, both loaded from
``file://``. jupyterquiz's engine is inline in every page, as a notebook output carries it.

- second-page weight: what another quiz page of the same size costs once the shared files are in
  the browser's cache, that is the HTML alone (computed, not measured: every load here is cold).

An empty shell (the same document with no quiz) is loaded alongside, as the floor both stand on.

Figures are recorded in README.md; nothing here is a test and no threshold is asserted.

    .venv/bin/python benchmarks/quiz_page.py [--repeat 15] [--warmup 1] [--json]
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path
from typing import Any, Final
from unittest import mock
from urllib.parse import unquote, urlparse

import jupyterquiz
import jupyterquiz.dynamic.display
from IPython.display import HTML, Javascript
from playwright.sync_api import Browser, BrowserContext, Page, Request, sync_playwright

from medialit.ingest import load_article
from medialit.quiz import QuizBank, load_bank
from medialit.quiz.model import MultipleSelect, SingleChoice
from medialit.quiz.render_html import engine_assets, render_bank_html

HERE: Final = Path(__file__).resolve().parent
FIXTURE: Final = HERE / "quiz_fixture.yml"
CHROMIUM: Final = "/usr/bin/chromium"
LAUNCH_ARGS: Final = ["--disable-gpu", "--no-first-run"]
READY_TIMEOUT_MS: Final = 30_000

SHELL: Final = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>{head}
</head>
<body>
<main>
{body}
</main>
</body>
</html>
"""
"""The one document shell both tools' output goes into, so only the quiz differs."""

# Installed with add_init_script, before any page script: records performance.now() the first
# time the tool's readiness test passes. MutationObserver callbacks run once the current script
# has finished, so a quiz built synchronously is complete (handlers attached) when it fires.
OBSERVER_JS: Final = """
(() => {
  const ready = %s;
  window.__quizReadyAt = null;
  const observer = new MutationObserver(() => {
    if (window.__quizReadyAt === null && ready()) {
      window.__quizReadyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
})();
"""

MEDIALIT_READY_JS: Final = """() => document.querySelector('section.mlq-quiz[data-mlq-ready="true"]') !== null"""
"""quiz.js sets ``data-mlq-ready`` when it enhances the section (grading, storage, handlers)."""

JUPYTERQUIZ_READY_JS: Final = """() => {
  const quizzes = document.querySelectorAll('div.Quiz');
  return quizzes.length === %d && Array.from(quizzes).every(
    (quiz) => quiz.querySelector('.Answer label.MCButton') !== null && quiz.querySelector('.Feedback') !== null);
}"""
"""jupyterquiz builds each question as ``div.Quiz`` holding ``label.MCButton`` answers (each with its
click handler set as it is made) and then a ``.Feedback`` box; the quiz is usable once all exist."""


@dataclass(frozen=True)
class Tool:
    """One quiz renderer under test: its page, and how to tell that its quiz is usable."""

    name: str
    version: str
    html: str
    ready_js: str | None
    """A JS predicate, true once the quiz is usable; None for the empty shell (ready = DOMContentLoaded)."""
    smoke: Callable[[Page], str] | None
    """Answers the first question once and returns the feedback shown (proves "ready" is real)."""
    engine_bytes: int = 0
    """Bytes of the tool's CSS and JS (inline or in files), the same for any quiz: the rest is questions and markup."""
    files: dict[str, str] = field(default_factory=dict)
    """Files the page links, by name, written beside it (medialit's shared engine)."""
    engine_cached: bool = False
    """Whether the engine is in files a browser keeps across pages (so a second page costs its HTML only)."""


@dataclass
class Run:
    """One page load: when the quiz became usable, what was loaded and what was blocked."""

    ready_ms: float
    dom_content_loaded_ms: float
    load_event_ms: float
    main_thread_cpu_ms: float
    """CPU time of the page's main thread until just after readiness (CDP ``ThreadTime``): unlike
    the clock, it hardly moves when other processes compete for the cores."""
    script_ms: float
    """Time spent running JS (CDP ``ScriptDuration``), part of the above."""
    loaded_bytes: int
    loaded_requests: int
    loaded: dict[str, int] = field(default_factory=dict)
    """Each loaded file's name and bytes."""
    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ the two pages


def medialit_page(bank: QuizBank, bank_path: Path) -> tuple[str, dict[str, str]]:
    """The course's quiz as the site shows it, and the engine files it links (by name).

    As in a site build (``medialit.sphinxext.quiz_pages``): the fragment without the inline engine,
    the stylesheet linked and the script loaded with ``defer`` from the head, as Sphinx writes them.
    """
    article = load_article(bank_path.parent / bank.article)
    script, stylesheet = engine_assets()
    head = (
        f'\n<link rel="stylesheet" type="text/css" href="{stylesheet.name}" />'
        f'\n<script defer="defer" src="{script.name}"></script>'
    )
    page = SHELL.format(title=html.escape(bank.title), head=head, body=render_bank_html(bank, article, engine=False))
    return page, {script.name: script.text, stylesheet.name: stylesheet.text}


def jupyterquiz_questions(bank: QuizBank) -> list[dict[str, Any]]:
    """The same questions in jupyterquiz's JSON format.

    jupyterquiz inserts question, answer and feedback text with ``innerHTML``, so the text is
    HTML-escaped to be shown as written (as medialit shows it). It has no place for the
    explanation or the paragraph references, so those are not carried over; its page holds less.
    """
    questions: list[dict[str, Any]] = []
    for question in bank.questions:
        if not isinstance(question, SingleChoice | MultipleSelect):
            raise SystemExit(f"{question.id}: jupyterquiz shows only choice questions, not {question.type}")
        questions.append(
            {
                "question": html.escape(question.prompt, quote=False),
                "type": "multiple_choice" if isinstance(question, SingleChoice) else "many_choice",
                "answers": [
                    {
                        "answer": html.escape(option.text, quote=False),
                        "correct": option.correct,
                        "feedback": html.escape(option.feedback, quote=False),
                    }
                    for option in question.options
                ],
            }
        )
    return questions


def jupyterquiz_page(bank: QuizBank) -> tuple[str, str]:
    """jupyterquiz's output as a Jupyter Book page carries it, and the jupyterquiz version.

    ``display_quiz`` builds an HTML object (the container div and a ``<style>``) and a Javascript
    object (the questions and the whole engine) and hands them to IPython's ``display``. Patching
    that name collects the two objects; they are then written the way myst-nb writes a notebook's
    outputs into a page: ``<div class="output text_html">`` around the HTML, and
    ``<script type="application/javascript">`` with ``</script>`` escaped around the script.
    The container div is left unclosed by jupyterquiz; it is kept as it comes.
    """
    shown: list[object] = []
    with mock.patch.object(jupyterquiz.dynamic.display, "display", side_effect=shown.append):
        jupyterquiz.display_quiz(jupyterquiz_questions(bank))
    parts: list[str] = []
    for output in shown:
        if isinstance(output, HTML):
            parts.append(f'<div class="output text_html">{output.data}</div>')
        elif isinstance(output, Javascript):
            script = str(output.data).replace("</script>", r"<\/script>")
            parts.append(f'<script type="application/javascript">{script}</script>')
        else:
            raise SystemExit(f"jupyterquiz displayed an unexpected {type(output).__name__}")
    return SHELL.format(title=html.escape(bank.title), head="", body="\n".join(parts)), str(jupyterquiz.__version__)


def jupyterquiz_engine_bytes() -> int:
    """What ``display_quiz`` inlines whatever the questions: its stylesheet and every ``js/*.js``."""
    package = files("jupyterquiz")
    scripts = [entry for entry in package.joinpath("js").iterdir() if entry.name.endswith(".js")]
    return len(package.joinpath("styles.css").read_bytes()) + sum(len(entry.read_bytes()) for entry in scripts)


def medialit_smoke(page: Page) -> str:
    """Choose the first option of question 1 and press Check answer."""
    question = page.locator("section.mlq-quiz .mlq-question").first
    question.locator("label.mlq-option").first.click()
    question.locator("button.mlq-check").click()
    feedback = question.locator(".mlq-feedback")
    feedback.filter(has_text=re.compile(r"\S")).wait_for(timeout=READY_TIMEOUT_MS)
    return feedback.inner_text()


def jupyterquiz_smoke(page: Page) -> str:
    """Click the first answer of question 1 (jupyterquiz grades on click)."""
    question = page.locator("div.Quiz").first
    question.locator("label.MCButton").first.click()
    feedback = question.locator(".Feedback")
    feedback.filter(has_text=re.compile(r"\S")).wait_for(timeout=READY_TIMEOUT_MS)
    return feedback.inner_text()


def outside_urls(text: str) -> list[str]:
    """Addresses outside the page written anywhere in it (requested or not): a static hint of
    what the page might fetch, next to what the browser did fetch."""
    return sorted(set(re.findall(r"https?://[^\s\"'<>)\\]+", text)))


# ------------------------------------------------------------------ the browser


def file_size(url: str) -> int:
    """Bytes of a ``file://`` resource, read from disk: the page weight counts what is loaded,
    and for local files that is the whole file (no compression, no headers)."""
    return Path(unquote(urlparse(url).path)).stat().st_size


def offline_context(browser: Browser) -> BrowserContext:
    """A fresh context (no cache, no stored answers) with the network switched off.

    Chromium's offline mode fails every request outside ``file://``; nothing is intercepted, so no
    request waits for a round trip to this script (a route handler would, once per file, and
    charge the page that loads more files for the benchmark's own machinery).
    """
    return browser.new_context(offline=True)


def load_once(browser: Browser, tool: Tool, url: str) -> Run:
    """One cold load in a fresh offline context; every request outside ``file://`` is recorded."""
    context = offline_context(browser)
    blocked: list[str] = []
    loaded: dict[str, int] = {}
    failed: list[str] = []
    errors: list[str] = []

    def requested(request: Request) -> None:
        if not request.url.startswith(("file:", "data:")):
            blocked.append(request.url)

    def finished(request: Request) -> None:
        if request.url.startswith("file:"):
            loaded[Path(unquote(urlparse(request.url).path)).name] = file_size(request.url)

    try:
        page = context.new_page()
        page.on("request", requested)
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")
        page.on("requestfinished", finished)
        page.on("requestfailed", lambda request: failed.append(request.url) if request.url not in blocked else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        if tool.ready_js is not None:
            page.add_init_script(OBSERVER_JS % tool.ready_js)
        page.goto(url, wait_until="load")
        if tool.ready_js is not None:
            page.wait_for_function("window.__quizReadyAt !== null", timeout=READY_TIMEOUT_MS)
        timing = page.evaluate(
            """() => {
              const nav = performance.getEntriesByType('navigation')[0];
              const ready = window.__quizReadyAt === undefined ? nav.domContentLoadedEventEnd : window.__quizReadyAt;
              return [ready, nav.domContentLoadedEventEnd, nav.loadEventEnd];
            }"""
        )
        metrics = {metric["name"]: metric["value"] for metric in cdp.send("Performance.getMetrics")["metrics"]}
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    return Run(
        ready_ms=float(timing[0]),
        dom_content_loaded_ms=float(timing[1]),
        load_event_ms=float(timing[2]),
        main_thread_cpu_ms=1000 * float(metrics["ThreadTime"]),
        script_ms=1000 * float(metrics["ScriptDuration"]),
        loaded_bytes=sum(loaded.values()),
        loaded_requests=len(loaded),
        loaded=loaded,
        blocked=blocked,
        failed=failed,
        errors=errors,
    )


def smoke_once(browser: Browser, tool: Tool, url: str) -> str:
    """Answer one question on a fresh page, outside the timing, so "ready" is known to mean usable."""
    if tool.ready_js is None or tool.smoke is None:
        return ""
    context = offline_context(browser)
    try:
        page = context.new_page()
        page.add_init_script(OBSERVER_JS % tool.ready_js)
        page.goto(url, wait_until="load")
        page.wait_for_function("window.__quizReadyAt !== null", timeout=READY_TIMEOUT_MS)
        return tool.smoke(page)
    finally:
        context.close()


def measure(tools: list[Tool], repeat: int, warmup: int) -> dict[str, Any]:
    """Write each page, then load them alternately (so drift on the machine hits both alike)."""
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="medialit-quiz-bench-") as tmp, sync_playwright() as playwright:
        urls: dict[str, str] = {}
        for tool in tools:
            path = Path(tmp) / f"{tool.name.replace(' ', '-')}.html"
            path.write_text(tool.html, encoding="utf-8")
            for name, text in tool.files.items():
                (Path(tmp) / name).write_text(text, encoding="utf-8")
            urls[tool.name] = path.as_uri()
            data = tool.html.encode("utf-8")
            linked = [text.encode("utf-8") for text in tool.files.values()]
            figures[tool.name] = {
                "version": tool.version,
                "html_bytes": len(data),
                "html_gzip_bytes": len(gzip.compress(data, compresslevel=9, mtime=0)),
                "gzip_bytes": sum(len(gzip.compress(part, compresslevel=9, mtime=0)) for part in [data, *linked]),
                "second_page_bytes": len(data) if tool.engine_cached else len(data) + sum(map(len, linked)),
                "engine_bytes": tool.engine_bytes,
                "outside_urls_in_source": outside_urls(tool.html),
                "runs": [],
            }
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            for tool in tools:
                figures[tool.name]["smoke_feedback"] = smoke_once(browser, tool, urls[tool.name])
            for round_ in range(warmup + repeat):
                order = tools if round_ % 2 == 0 else list(reversed(tools))
                for tool in order:
                    run = load_once(browser, tool, urls[tool.name])
                    if round_ >= warmup:
                        figures[tool.name]["runs"].append(asdict(run))
                if round_ >= warmup:
                    line = ", ".join(f"{tool.name} {figures[tool.name]['runs'][-1]['ready_ms']:.1f} ms" for tool in tools)
                    print(f"run {round_ - warmup + 1}/{repeat}: {line}", file=sys.stderr, flush=True)
            figures["chromium"] = browser.version
        finally:
            browser.close()
    return figures


# ------------------------------------------------------------------ report


def summary(runs: list[dict[str, Any]], key: str) -> dict[str, float]:
    values = [float(run[key]) for run in runs]
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def summarise(figures: dict[str, Any], names: list[str]) -> dict[str, Any]:
    """Per tool: weight (the largest seen; it does not vary), readiness stats, everything blocked."""
    result: dict[str, Any] = {}
    for name in names:
        tool = figures[name]
        runs = tool["runs"]
        result[name] = {
            "version": tool["version"],
            "html_bytes": tool["html_bytes"],
            "html_gzip_bytes": tool["html_gzip_bytes"],
            "gzip_bytes": tool["gzip_bytes"],
            "second_page_bytes": tool["second_page_bytes"],
            "engine_bytes": tool["engine_bytes"],
            "page_weight_bytes": max(run["loaded_bytes"] for run in runs),
            "loaded_files": max((run["loaded"] for run in runs), key=lambda files: sum(files.values())),
            "requests": max(run["loaded_requests"] for run in runs),
            "blocked_requests": sorted({url for run in runs for url in run["blocked"]}),
            "failed_requests": sorted({url for run in runs for url in run["failed"]}),
            "errors": sorted({error for run in runs for error in run["errors"]}),
            "outside_urls_in_source": tool["outside_urls_in_source"],
            "smoke_feedback": tool["smoke_feedback"],
            "ready_ms": summary(runs, "ready_ms"),
            "dom_content_loaded_ms": summary(runs, "dom_content_loaded_ms"),
            "load_event_ms": summary(runs, "load_event_ms"),
            "main_thread_cpu_ms": summary(runs, "main_thread_cpu_ms"),
            "script_ms": summary(runs, "script_ms"),
        }
    return result


def ratios(figures: dict[str, Any], summ: dict[str, Any], names: list[str]) -> dict[str, float | None]:
    """medialit/jupyterquiz (``names``: ours, theirs, empty shell).

    Time is given two ways because a loaded machine makes single loads noisy: the ratio of the
    medians, and the median of the per-round ratios, each from two loads made back to back, which
    drift on the machine hits alike. Main-thread CPU time is also given with the empty shell's taken
    off both (the quiz's own share); for the clock that difference drowns in noise, so it is not.
    """
    ours, theirs, shell = (summ[name] for name in names)
    pairs = zip(figures[names[0]]["runs"], figures[names[1]]["runs"], strict=True)
    cpu_floor = shell["main_thread_cpu_ms"]["median"]
    ours_cpu, theirs_cpu = ours["main_thread_cpu_ms"]["median"], theirs["main_thread_cpu_ms"]["median"]
    return {
        "page_weight": ours["page_weight_bytes"] / theirs["page_weight_bytes"],
        "gzip": ours["gzip_bytes"] / theirs["gzip_bytes"],
        "second_page": ours["second_page_bytes"] / theirs["second_page_bytes"],
        "ready_medians": ours["ready_ms"]["median"] / theirs["ready_ms"]["median"],
        "ready_paired_median": statistics.median(a["ready_ms"] / b["ready_ms"] for a, b in pairs),
        "main_thread_cpu": ours_cpu / theirs_cpu,
        "main_thread_cpu_above_shell": (ours_cpu - cpu_floor) / (theirs_cpu - cpu_floor) if theirs_cpu > cpu_floor else None,
    }


def markdown(summ: dict[str, Any], ratio: dict[str, float | None], names: list[str], repeat: int) -> str:
    """The table README.md records, plus the ratios medialit/jupyterquiz (``names``: ours, theirs, shell)."""
    lines = [
        f"| page | HTML (bytes) | page weight (bytes loaded) | gzip -9, all files (bytes) | second page (bytes) | "
        f"requests | blocked outside | interactive, median of {repeat} (ms) | min (ms) | max (ms) | "
        f"main-thread CPU, median (ms) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name in names:
        tool = summ[name]
        ready = tool["ready_ms"]
        label = f"{name} {tool['version']}".strip()
        lines.append(
            f"| {label} | {tool['html_bytes']:,} | {tool['page_weight_bytes']:,} | {tool['gzip_bytes']:,} | "
            f"{tool['second_page_bytes']:,} | {tool['requests']} | {len(tool['blocked_requests'])} | "
            f"{ready['median']:.1f} | {ready['min']:.1f} | {ready['max']:.1f} | {tool['main_thread_cpu_ms']['median']:.1f} |"
        )
    shown = {key: "n/a" if value is None else f"{value:.2f}" for key, value in ratio.items()}
    lines += [
        "",
        f"ratios {names[0]}/{names[1]}: page weight {shown['page_weight']}, gzip {shown['gzip']}, "
        f"second page {shown['second_page']}; "
        f"time-to-interactive {shown['ready_medians']} (ratio of medians), "
        f"{shown['ready_paired_median']} (median of per-round ratios); "
        f"main-thread CPU {shown['main_thread_cpu']} ({shown['main_thread_cpu_above_shell']} above the empty shell)",
        f"({names[2]}: the same document with no quiz; its time is DOMContentLoaded)",
    ]
    for name in names[:2]:
        tool = summ[name]
        shared = tool["second_page_bytes"] < tool["page_weight_bytes"]
        markup = tool["html_bytes"] - summ[names[2]]["html_bytes"] - (0 if shared else tool["engine_bytes"])
        lines += [
            "",
            f"{name}: blocked outside requests: {', '.join(tool['blocked_requests']) or 'none'}",
            f"{name}: outside addresses written in the page: {', '.join(tool['outside_urls_in_source']) or 'none'}",
            f"{name}: failed local loads: {len(tool['failed_requests'])}; JS errors: {len(tool['errors'])}; "
            f"DOMContentLoaded median {tool['dom_content_loaded_ms']['median']:.1f} ms, "
            f"load event median {tool['load_event_ms']['median']:.1f} ms; "
            f"running JS median {tool['script_ms']['median']:.1f} ms",
            f"{name}: loaded files: " + ", ".join(f"{file} {size:,} bytes" for file, size in tool["loaded_files"].items()),
            f"{name}: engine (CSS and JS) {tool['engine_bytes']:,} bytes "
            f"({'shared files' if shared else 'inline'}), questions and markup {markup:,} bytes"
            + (" (with the two links to the engine files)" if shared else ""),
            f"{name}: answering question 1 showed: {tool['smoke_feedback'][:70]!r}",
        ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="timed loads per tool (default 15)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed loads per tool first (default 1)")
    parser.add_argument("--bank", type=Path, default=FIXTURE, help="a bank of choice questions only")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a Markdown table")
    args = parser.parse_args()
    if args.repeat < 1 or args.warmup < 0:
        parser.error("--repeat must be at least 1 and --warmup at least 0")

    bank_path = args.bank.resolve()
    bank = load_bank(bank_path)
    jq_html, jq_version = jupyterquiz_page(bank)
    ml_html, ml_files = medialit_page(bank, bank_path)
    tools = [
        Tool(
            "medialit",
            version("medialit"),
            ml_html,
            MEDIALIT_READY_JS,
            medialit_smoke,
            sum(len(text.encode("utf-8")) for text in ml_files.values()),
            ml_files,
            engine_cached=True,
        ),
        Tool(
            "jupyterquiz",
            jq_version,
            jq_html,
            JUPYTERQUIZ_READY_JS % len(bank.questions),
            jupyterquiz_smoke,
            jupyterquiz_engine_bytes(),
        ),
        Tool("empty shell", "", SHELL.format(title=html.escape(bank.title), head="", body=""), None, None),
    ]
    names = [tool.name for tool in tools]
    load_before = os.getloadavg()
    figures = measure(tools, args.repeat, args.warmup)
    summ = summarise(figures, names)
    ratio = ratios(figures, summ, names)
    record = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        "chromium": figures["chromium"],
        "bank": str(bank_path),
        "questions": len(bank.questions),
        "repeat": args.repeat,
        "warmup": args.warmup,
        "summary": summ,
        "ratios": ratio,
        "runs": {name: figures[name]["runs"] for name in names},
    }
    if args.json:
        print(json.dumps(record, indent=2, ensure_ascii=False))
    else:
        heading = f"{record['questions']} questions, {args.repeat} loads per page"
        heading += f", chromium {record['chromium']}, {record['cpus']} cores"
        heading += f", load average (1 min) {load_before[0]:.1f} before, {record['load_average_after'][0]:.1f} after"
        print(f"\n{heading}\n")
        print(markdown(summ, ratio, names, args.repeat))

    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / f"quiz-page-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(record, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
