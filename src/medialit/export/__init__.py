"""Quiz banks for a learning-management system: GIFT or Moodle XML for Moodle, QTI 1.2 for Canvas.

Every bank becomes one file named by its id, so a teacher imports one quiz (Canvas) or one
question category (Moodle) per bank. Writing is all-or-nothing: every bank is loaded and
converted in memory first, so a bad bank stops the export with one error and no file; only then
are the files written, each under a temporary name, and renamed into place. How each question type maps, and
how the scores compare with the site's grader, is in ``docs/lms-export.md``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Final

from medialit.errors import MedialitError, QuizError
from medialit.export.formats import DEFAULT_BANKS, DEFAULT_OUT, ExportFormat

__all__ = ["DEFAULT_BANKS", "DEFAULT_OUT", "FILE_NAMES", "ExportFormat", "export_banks", "file_name"]


FILE_NAMES: Final = {ExportFormat.GIFT: "{}.gift", ExportFormat.QTI: "{}-qti.zip", ExportFormat.MOODLE: "{}-moodle.xml"}
"""Each format's file name, ``{}`` standing for the bank id."""


def file_name(bank_id: str, fmt: ExportFormat) -> str:
    """``article.gift``, ``article-qti.zip`` or ``article-moodle.xml``."""
    return FILE_NAMES[fmt].format(bank_id)


def _convert(path: Path, fmt: ExportFormat) -> tuple[str, bytes]:
    """(bank id, file contents) for one bank file; QuizError if the bank is invalid or cannot be exported."""
    from medialit.quiz.load import load_bank_with_article  # the quiz engine only when a bank is exported

    bank, article = load_bank_with_article(path)
    if fmt is ExportFormat.GIFT:
        from medialit.export.gift import to_gift

        return bank.id, to_gift(bank, article, path).encode("utf-8")
    if fmt is ExportFormat.MOODLE:
        from medialit.export.moodle import to_moodle_xml

        return bank.id, to_moodle_xml(bank, article, path)
    from medialit.export.qti import to_qti_zip

    return bank.id, to_qti_zip(bank, article, path)


def _write_all(files: dict[Path, bytes]) -> None:
    """Write every file to a temporary name beside it, then rename them all; on error remove what was written.

    Renaming within one folder does not fail in practice, so the whole set appears, or none of it.
    """
    partials: list[Path] = []
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f".{path.name}.partial")
            partials.append(partial)
            partial.write_bytes(data)
        for path, partial in zip(files, partials, strict=True):
            partial.replace(path)
    except OSError as error:
        for partial in partials:
            partial.unlink(missing_ok=True)
        raise MedialitError(f"{error.filename or next(iter(files))}: cannot write: {error.strerror}") from None


def export_banks(
    targets: Sequence[Path | str] | Path | str = (DEFAULT_BANKS,),
    fmt: ExportFormat | str = ExportFormat.GIFT,
    out: Path | None = None,
) -> list[Path]:
    """Export every bank at ``targets`` (bank files or folders) as ``fmt`` into ``out``; the files written.

    Raises QuizError (naming the file and place) for an invalid bank or one the format cannot hold,
    and MedialitError when there is no bank or a file cannot be written; nothing is written then.
    """
    from medialit.quiz.load import find_banks

    fmt = ExportFormat(fmt)
    out = DEFAULT_OUT[fmt] if out is None else out
    targets = [targets] if isinstance(targets, Path | str) else targets
    found: dict[Path, Path] = {}
    for target in targets:
        for path in find_banks(Path(target)):
            found.setdefault(path.resolve(), path)
    paths = list(found.values())
    if not paths:
        raise MedialitError(f"{', '.join(str(t) for t in targets)}: no quiz banks (.yml files) to export")
    files: dict[Path, bytes] = {}
    source_of: dict[str, Path] = {}
    for path in paths:
        bank_id, data = _convert(path, fmt)
        if bank_id in source_of:
            raise QuizError(path, f"bank id {bank_id!r} is also the id of {source_of[bank_id]}; each export file is named by it")
        source_of[bank_id] = path
        files[out / file_name(bank_id, fmt)] = data
    _write_all(files)
    return list(files)
