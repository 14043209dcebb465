"""The ``medialit`` command line.

Every subcommand is a thin layer over a library function. Errors the package raises on purpose
(:class:`~medialit.errors.MedialitError`) become one line on standard error and exit status 1;
anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from medialit import __version__
from medialit.editions import Edition, Output
from medialit.errors import MedialitError, QuizError
from medialit.export.formats import DEFAULT_BANKS, DEFAULT_OUT, ExportFormat

if TYPE_CHECKING:
    from rich.console import Console

    from medialit.build_display import BuildDisplay

HEADLINE_HELP = "the article's headline, for a page that shows none (or a wrong one): replaces the headline read from the file"
VERBOSE_HELP = "show Jupyter Book's whole log as it builds (it is always kept in _build/logs/)"
EXIT_ERROR = 1
EXIT_INTERRUPTED = 130


def _display(args: argparse.Namespace) -> BuildDisplay:
    """The progress display of a building command: stages and pages, or the whole log with --verbose."""
    from medialit.build_display import BuildDisplay

    return BuildDisplay(verbose=args.verbose)


def _log_note(course: Path, edition: Edition, output: Output) -> str:
    from medialit.build import CourseLayout

    log = CourseLayout(course.resolve()).log(edition, output)
    return f"The build's whole log: {log}"


def _build(args: argparse.Namespace) -> int:
    from medialit.build import build_course

    edition = Edition(args.edition)
    with _display(args) as display:
        site = build_course(args.course, edition=edition, clean=args.clean, on_event=display.event, echo=display.echo)
    print(display.summary(f"the {edition.value} edition", str(site / "index.html")))
    print(_log_note(args.course, edition, Output.HTML))
    return 0


def _epub(args: argparse.Namespace) -> int:
    from medialit.build import build_course, epub_file

    edition = Edition(args.edition)
    with _display(args) as display:
        folder = build_course(
            args.course, edition=edition, output=Output.EPUB, clean=args.clean, on_event=display.event, echo=display.echo
        )
    book = epub_file(folder)
    print(display.summary(f"the {edition.value} edition's EPUB", f"{book} ({book.stat().st_size / 1000:.0f} kB)"))
    print(_log_note(args.course, edition, Output.EPUB))
    return 0


def _bundle(args: argparse.Namespace) -> int:
    from medialit.bundle import make_bundle

    with _display(args) as display:
        bundle = make_bundle(args.course, clean=args.clean, on_event=display.event, echo=display.echo)
    print(display.summary("the offline bundle", f"{bundle} ({bundle.stat().st_size / 1_000_000:.1f} MB)"))
    print(_log_note(args.course, Edition.STUDENT, Output.HTML))
    return 0


def _pdf(args: argparse.Namespace) -> int:
    from medialit.pdf import PDF_KINDS, make_pdfs

    editions = list(Edition) if args.edition == "both" else [Edition(args.edition)]
    with _display(args) as display:
        printed_pdfs = make_pdfs(args.course, editions, clean=args.clean, on_event=display.event, echo=display.echo)
    for printed in printed_pdfs:
        print(f"Wrote the {PDF_KINDS[printed.edition].label.lower()}: {printed.path} ({printed.pages} pages)")
    print(f"Done in {display.seconds:.0f} s. " + _log_note(args.course, editions[-1], Output.SINGLEHTML))
    return 0


def _bank_target(path: Path) -> Path:
    """A course folder (with _config.yml and exercises/) means its banks; anything else is taken as given."""
    if path.is_dir() and (path / "_config.yml").is_file() and (path / "exercises").is_dir():
        return path / "exercises"
    return path


def _check(args: argparse.Namespace) -> int:
    from medialit.quiz.lint import LintWarning, lint_bank
    from medialit.quiz.load import find_banks, load_bank

    banks = questions = 0
    failed = False
    warnings: list[LintWarning] = []
    for path in find_banks(_bank_target(args.path)):
        try:
            bank = load_bank(path)
        except QuizError as error:
            print(f"medialit: error: {error}", file=sys.stderr)
            failed = True
            continue
        banks += 1
        questions += len(bank.questions)
        for warning in lint_bank(bank, path):
            print(f"medialit: warning: {warning}", file=sys.stderr)
            warnings.append(warning)
    count = f"{len(warnings)} warning{'s' * (len(warnings) != 1)}"
    print(f"{questions} questions in {banks} banks" + (f"; {count}" if warnings else ""))
    if warnings and args.strict:
        print(f"medialit: error: {count} of the bank lint, errors with --strict (docs/quizzes.md)", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_ERROR if failed else 0


def _write_whole(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename: never a half-written file."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise MedialitError(f"{path}: cannot write: {error.strerror}") from None


def _print(args: argparse.Namespace) -> int:
    from medialit.quiz.load import load_bank_with_article
    from medialit.quiz.render_print import render_print

    bank, article = load_bank_with_article(args.bank)
    document = render_print(bank, article, key=args.key)
    kind = "teacher-key" if args.key else "student-sheet"
    out = args.out or Path(f"{bank.id}-{kind}.html")
    _write_whole(out, document)
    print(f"Wrote {out} ({'teacher key' if args.key else 'student sheet'}, {len(bank.questions)} questions)")
    return 0


def _notebooks(args: argparse.Namespace) -> int:
    from medialit.notebooks import execute_notebook  # nbformat's schema checks take a second to import

    paths = args.paths or sorted(Path("exercises").glob("*.ipynb"))
    for number, path in enumerate(paths, start=1):
        print(f"[{number}/{len(paths)}] running {path}", flush=True)
        execute_notebook(path)
    print(f"Saved the outputs of {len(paths)} notebooks")
    return 0


def _console() -> Console:
    """A terminal gets its own width; a file or pipe gets wide enough tables to read."""
    from rich.console import Console

    return Console() if sys.stdout.isatty() else Console(width=160)


def _analyze(args: argparse.Namespace) -> int:
    from medialit.analysis import analyze
    from medialit.analysis.corrections import corrections_for, load_corrections
    from medialit.analysis.report import print_analysis
    from medialit.ingest import load_article

    article = load_article(args.article, headline=args.headline)
    if args.parse:
        from medialit.analysis.report import print_parse

        if args.json:
            print(json.dumps({"article": article.to_json()}, ensure_ascii=False, indent=2))
        else:
            print_parse(article, _console())
        return 0
    found = corrections_for(args.article)  # inside a course, the teacher's corrections apply, as on its pages
    analysis = analyze(article, load_corrections(found) if found is not None else None)
    if args.json:
        print(json.dumps(analysis.to_json(), ensure_ascii=False, indent=2))
    else:
        print_analysis(analysis, _console())
    return 0


def _compare(args: argparse.Namespace) -> int:
    from medialit.versions import compare_files
    from medialit.versions.report import print_comparison

    comparison = compare_files(args.a, args.b)
    if args.json:
        print(json.dumps(comparison.to_json(), ensure_ascii=False, indent=2))
    else:
        print_comparison(comparison, _console())
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from medialit.analysis import analyze
    from medialit.analysis.evaluate import evaluate
    from medialit.analysis.gold import load_gold
    from medialit.analysis.report import print_evaluations

    paths = args.gold or sorted(Path("tests/gold").glob("*.yml"))
    if not paths:
        raise MedialitError("no gold annotations given, and none in tests/gold")
    evaluations = []
    for path in paths:
        gold, article = load_gold(path)
        analysis = analyze(article)
        paragraphs = {p.n: p.text for p in article.paragraphs}
        evaluations.append(evaluate(path.stem, gold, paragraphs, analysis.statements, analysis.sources))
    if args.json:
        data = [
            {
                "article": e.name,
                **{
                    m: {
                        "precision": s.precision,
                        "recall": s.recall,
                        "f1": s.f1,
                        "matched": s.matched,
                        "found": s.found,
                        "gold": s.expected,
                    }
                    for m, s in e.scores.items()
                },
            }
            for e in evaluations
        ]
        print(json.dumps(data, indent=2))
    else:
        print_evaluations(evaluations, _console())
    return 0


def _new(args: argparse.Namespace) -> int:
    from rich.progress import BarColumn, Progress, TextColumn

    from medialit.generate.course import Step, new_course, next_steps, refresh_course

    article: Path | None = args.article
    out: Path | None = args.out
    refresh: Path | None = args.refresh
    if refresh is not None and (article is not None or out is not None):
        raise MedialitError("--refresh COURSE takes no ARTICLE and no --out: it reads the article from the course")
    if refresh is None and (article is None or out is None):
        raise MedialitError("give an article and a folder (medialit new ARTICLE --out DIR), or --refresh COURSE")
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}")) as bar:
        task = bar.add_task("starting", total=3)

        def show(step: Step) -> None:
            bar.update(task, completed=step.number - 1, description=step.description)

        if refresh is not None:
            banks = refresh_course(refresh, progress=show)
        elif article is not None and out is not None:
            course = new_course(article, out, title=args.title, headline=args.headline, force=args.force, progress=show)
        bar.update(task, completed=3, description="done")
    if refresh is not None:
        count = sum(len(bank.questions) for bank in banks.values())
        print(f"Wrote the quizzes of {refresh} again from the corrected analysis: {count} questions in {len(banks)} quizzes.")
        print(f"The pages were not touched. Next: medialit build {refresh}")
        return 0
    print(f"Wrote the course in {course}. Next:")
    for line in next_steps(course, (article or course).name):
        print(f"  {line}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from medialit.export import export_banks

    written = export_banks(args.paths or [DEFAULT_BANKS], args.format, args.out)
    for path in written:
        print(f"Wrote {path}")
    print(f"{len(written)} bank{'s' * (len(written) != 1)} exported as {ExportFormat(args.format).label}")
    return 0


def _mark(args: argparse.Namespace) -> int:
    from rich.table import Table

    from medialit.escape import terminal_text
    from medialit.quiz.load import find_banks, load_bank
    from medialit.quiz.mark import mark_results
    from medialit.quiz.report import NO_NAME, build_report, choices_csv, marks_csv, questions_csv, render_report

    banks = {bank.id: bank for bank in (load_bank(path) for path in find_banks(args.banks))}
    if not banks:
        raise MedialitError(f"{args.banks}: no quiz banks to mark against")
    results = list({path.resolve(): path for path in args.results}.values())  # a file given twice is one student
    marked = [(path, mark) for path in results for mark in mark_results(path, banks)]
    report = build_report(marked)
    # Names, titles and answers come from files: shown as text, never read as rich markup or a formula.
    table = Table("Student", "Results file", "Quiz", "First-try points", "Self-assessed", "Answered", "Written answers to read")
    for path, mark in marked:
        score = f"{mark.points} of {mark.max_points}"
        if mark.unreadable:
            score += f" ({len(mark.unreadable)} answers saved by another version of the quiz)"
        own = f"{mark.self_points} of {mark.self_max}" if mark.self_max else "-"
        cells = [
            mark.student or NO_NAME,
            path.name,
            mark.title,
            score,
            own,
            f"{mark.answered} of {mark.questions}",
            str(len(mark.to_read)),
        ]
        table.add_row(*(terminal_text(cell) for cell in cells))
    console = _console()
    console.print(table)
    if args.written:
        for answer in report.to_read:
            heading = terminal_text(f"\n{answer.student} · {answer.quiz_title} · {answer.question_id}: ", style="bold")
            console.print(heading + terminal_text(answer.prompt), highlight=False)
            console.print(terminal_text(answer.text), highlight=False)
    outputs = [
        (args.csv, marks_csv),
        (args.csv_questions, questions_csv),
        (args.csv_choices, choices_csv),
        (args.html, render_report),
    ]
    for out, write in outputs:
        if out is not None:
            _write_whole(out, write(report))
            print(f"Wrote {out}")
    return 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="medialit",
        description="Turn a news article into a media-literacy course (a Jupyter Book that works offline).",
    )
    parser.add_argument("--version", action="version", version=f"medialit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser(
        "build",
        help="build a course's website, student or teacher edition (warnings are errors)",
        description="Build a course's website with jupyter-book (-W -n --keep-going): the student edition "
        "into COURSE/_build/html, or the teacher edition (with teacher notes, the teacher pages and the "
        "answer keys) into COURSE/_build/teacher/html. The site is replaced only when the build succeeds.",
    )
    build.add_argument("course", nargs="?", type=Path, default=Path("."), help="course directory (default: .)")
    build.add_argument(
        "--edition",
        choices=[edition.value for edition in Edition],
        default=Edition.STUDENT.value,
        help="student (default): no teacher material; teacher: everything",
    )
    build.add_argument("--clean", action="store_true", help="discard earlier build state first (a cold build)")
    build.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="show Jupyter Book's whole log as it builds (it is always kept in _build/logs/)",
    )
    build.set_defaults(run=_build)

    epub = commands.add_parser(
        "epub",
        help="build a course as an EPUB book for e-readers, student or teacher edition (warnings are errors)",
        description="Build a course as an EPUB 3 book with jupyter-book (-W -n --keep-going): the student edition "
        "into COURSE/_build/epub/PROJECT.epub, or the teacher edition into COURSE/_build/teacher/epub/. Quizzes "
        "become printed sheets (an e-reader runs no scripts). The book is replaced only when the build succeeds.",
    )
    epub.add_argument("course", nargs="?", type=Path, default=Path("."), help="course directory (default: .)")
    epub.add_argument(
        "--edition",
        choices=[edition.value for edition in Edition],
        default=Edition.STUDENT.value,
        help="student (default): no teacher material; teacher: everything",
    )
    epub.add_argument("--clean", action="store_true", help="discard earlier build state first (a cold build)")
    epub.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="show Jupyter Book's whole log as it builds (it is always kept in _build/logs/)",
    )
    epub.set_defaults(run=_epub)

    bundle = commands.add_parser(
        "bundle",
        help="build the student site and zip it for offline use (USB stick, shared drive)",
        description="Build the student edition's website (as medialit build does) and write it as one zip, "
        "COURSE/_build/PROJECT-offline.zip: the site in the folder PROJECT, and START-HERE.html and README.txt "
        "beside it, saying to open PROJECT/index.html. The same site always gives the same zip; nothing is "
        "written if the build fails.",
    )
    bundle.add_argument("course", nargs="?", type=Path, default=Path("."), help="course directory (default: .)")
    bundle.add_argument("--clean", action="store_true", help="discard earlier build state first (a cold build)")
    bundle.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="show Jupyter Book's whole log as it builds (it is always kept in _build/logs/)",
    )
    bundle.set_defaults(run=_bundle)

    pdf = commands.add_parser(
        "pdf",
        help="print a course to PDF: the student workbook and the teacher edition (offline, with chromium)",
        description="Build each edition as one page (singlehtml: every chapter, each quiz as a printed sheet) and "
        "print it with chromium to COURSE/_build/pdf/PROJECT-student-workbook.pdf (no teacher material; quizzes "
        "blank, with boxes to tick and lines to write on) and PROJECT-teacher-edition.pdf (teacher notes, teacher "
        "pages and every answer key). Nothing outside the course is loaded; no PDF is replaced unless all worked.",
    )
    pdf.add_argument("course", nargs="?", type=Path, default=Path("."), help="course directory (default: .)")
    pdf.add_argument(
        "--edition",
        choices=[*(edition.value for edition in Edition), "both"],
        default="both",
        help="student, teacher or both (default)",
    )
    pdf.add_argument("--clean", action="store_true", help="discard earlier build state first (cold builds)")
    pdf.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="show Jupyter Book's whole log as it builds (it is always kept in _build/logs/)",
    )
    pdf.set_defaults(run=_pdf)

    check = commands.add_parser(
        "check",
        help="validate quiz banks (YAML), lint them, and count their questions",
        description="Validate every quiz bank at PATH (a .yml file, a folder searched recursively, or a course, "
        "meaning its exercises/). Each invalid bank is reported with its file, line, question and field; the exit "
        "status is non-zero if any is invalid. Valid banks are then linted for patterns that let a student score "
        "without reading (true/false keys all one way, the key usually the longest option, a right option much "
        "longer than the rest, a wrong answer without feedback): one warning line each, naming the file, the "
        "question and the rule (docs/quizzes.md). The last line is 'N questions in M banks', with the number of "
        "warnings if any.",
    )
    check.add_argument(
        "path", nargs="?", type=Path, default=Path("exercises"), help="bank file, folder or course (default: exercises)"
    )
    check.add_argument("--strict", action="store_true", help="lint warnings are errors: exit non-zero if there is any")
    check.set_defaults(run=_check)

    printing = commands.add_parser(
        "print",
        help="write a printable student sheet or teacher key of a quiz bank (HTML)",
        description="Write one quiz bank as a printable HTML document: a student sheet without "
        "answers, or with --key a teacher key with answers, feedback, explanations and the cited "
        "paragraphs. Print it from a browser, or to PDF with chromium --headless --print-to-pdf.",
    )
    printing.add_argument("bank", type=Path, help="quiz bank file (.yml)")
    printing.add_argument("--key", action="store_true", help="the teacher key instead of the student sheet")
    printing.add_argument(
        "-o", "--out", type=Path, default=None, help="output file (default: BANK-ID-student-sheet.html or -teacher-key.html)"
    )
    printing.set_defaults(run=_print)

    mark = commands.add_parser(
        "mark",
        help="mark students' results files (from the My progress page) against the quiz banks",
        description="Grade every answer in each RESULTS file (the JSON a student downloads from the "
        "'My progress' page) with the banks' keys, by the same rules as the site, and print a table. "
        "A question's first checked answer counts; self-assessed rubric points are totalled apart. "
        "Graded quizzes are marked here only; their written answers are listed for you to read (--written). "
        "--html writes a report to read or print: each student, each question (right on first try, mean tries), "
        "each wrong choice with the misconception its feedback names, and the written answers.",
    )
    mark.add_argument("results", nargs="+", type=Path, help="results files (.json)")
    mark.add_argument("--banks", type=Path, default=Path("exercises"), help="bank file or folder (default: exercises)")
    mark.add_argument("--written", action="store_true", help="also print the written answers to read")
    mark.add_argument("--html", type=Path, default=None, metavar="FILE", help="also write the marking report as one HTML page")
    mark.add_argument(
        "--csv", type=Path, default=None, metavar="FILE", help="also write the table as CSV, a row per student and quiz"
    )
    mark.add_argument(
        "--csv-questions", type=Path, default=None, metavar="FILE", help="also write the figures of each question as CSV"
    )
    mark.add_argument(
        "--csv-choices", type=Path, default=None, metavar="FILE", help="also write the wrong choices made on a first try as CSV"
    )
    mark.set_defaults(run=_mark)

    notebooks = commands.add_parser(
        "notebooks",
        help="re-run exercise notebooks and save their outputs (for nbval)",
        description="Run every cell of each notebook in its own folder and save the outputs, without "
        "the widget state that changes on every run. Commit the result: nbval compares against it.",
    )
    notebooks.add_argument("paths", nargs="*", type=Path, help="notebooks (default: exercises/*.ipynb)")
    notebooks.set_defaults(run=_notebooks)

    new = commands.add_parser(
        "new",
        help="write a complete first draft of a course from an article",
        description="Write a course (the flagship's layout: _config.yml, _toc.yml, book/, exercises/, articles/) "
        "for ARTICLE into OUT: the article, provenance, framing, sourcing, comparisons and a closing check, each with a "
        "quiz generated from the analysis, a teacher guide, a glossary, and the analysis as an editable corrections file "
        "(analysis/ARTICLE.yml). Boxes marked 'Teacher:' show what a person must add. Nothing is written on error, and "
        "an existing course is not overwritten without --force. With --refresh COURSE, the quizzes of an existing course "
        "are written again from its corrected analysis.",
    )
    new.add_argument("article", type=Path, nargs="?", help="article file (.txt, .md or .html)")
    new.add_argument("--out", type=Path, help="folder to write the course into")
    new.add_argument(
        "--refresh",
        type=Path,
        metavar="COURSE",
        help="write COURSE's quizzes again from its article and its corrections file (analysis/ARTICLE.yml); pages are kept",
    )
    new.add_argument("--title", default=None, help="the course title (default: from the headline)")
    new.add_argument("--headline", metavar="TEXT", default=None, help=HEADLINE_HELP)
    new.add_argument("--force", action="store_true", help="write over the files of an existing course in OUT")
    new.set_defaults(run=_new)

    analyze = commands.add_parser(
        "analyze",
        help="analyse an article: provenance, sources, statements, framing, evidence, analogies",
        description="Analyse an article (pasted text, Markdown with front matter, or simple HTML) and print "
        "a report of tables, or with --json the whole analysis as JSON (its shape is in docs/analysis.md).",
    )
    analyze.add_argument("article", type=Path, help="article file (.txt, .md or .html)")
    analyze.add_argument("--json", action="store_true", help="print JSON instead of tables")
    analyze.add_argument(
        "--parse",
        action="store_true",
        help="show only what each line of the file was read as (headline, byline, P1…, caption, provenance, removed) "
        "and the reader's notes, to check before making a course",
    )
    analyze.add_argument("--headline", metavar="TEXT", default=None, help=HEADLINE_HELP)
    analyze.set_defaults(run=_analyze)

    compare = commands.add_parser(
        "compare",
        help="compare two versions of one story: headline, byline, dates, paragraphs, verbs, speakers, quotations, hedges",
        description="Align two versions of one story paragraph by paragraph and report what changed, each change with "
        "its paragraph in A and in B: headline, sub-headline, byline and dates; paragraphs added, dropped, moved or "
        "edited; reporting verbs, speakers, quotation marks, quoted and reported words, hedges and boosters "
        "(docs/compare.md).",
    )
    compare.add_argument("a", type=Path, metavar="A", help="the first version (.txt, .md or .html)")
    compare.add_argument("b", type=Path, metavar="B", help="the second version")
    compare.add_argument("--json", action="store_true", help="print JSON instead of tables (its shape is in docs/compare.md)")
    compare.set_defaults(run=_compare)

    evaluate = commands.add_parser(
        "evaluate",
        help="measure the analyzer against gold annotations (precision, recall, F1)",
        description="Compare the analyzer's statements, speakers, verbs and quote types with hand-made "
        "gold annotations (default: tests/gold/*.yml) and print precision, recall and F1 for each.",
    )
    evaluate.add_argument("gold", nargs="*", type=Path, help="gold annotation files (default: tests/gold/*.yml)")
    evaluate.add_argument("--json", action="store_true", help="print JSON instead of a table")
    evaluate.set_defaults(run=_evaluate)

    export = commands.add_parser(
        "export",
        help="export quiz banks for an LMS: GIFT or Moodle XML for Moodle, QTI 1.2 for Canvas",
        description="Write every quiz bank at PATH (bank files or folders; default: exercises) as one file per bank: "
        "GIFT for Moodle (OUT/BANK-ID.gift), Moodle XML with each question's marks (OUT/BANK-ID-moodle.xml) or a "
        "QTI 1.2 package for Canvas (OUT/BANK-ID-qti.zip). Types an LMS lacks become questions it has, with the "
        "same points (docs/lms-export.md). Nothing is written if any bank is invalid.",
    )
    export.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="bank files or folders (default: exercises)")
    export.add_argument(
        "--format", required=True, choices=[f.value for f in ExportFormat], help="gift or moodle (Moodle), qti (Canvas)"
    )
    export.add_argument(
        "-o",
        "--out",
        type=Path,
        default=None,
        help="output folder (default: " + ", ".join(f"{DEFAULT_OUT[f]} for {f.value}" for f in ExportFormat) + ")",
    )
    export.set_defaults(run=_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except MedialitError as error:
        print(f"medialit: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("medialit: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
