"""Re-running exercise notebooks and saving their outputs, reproducibly.

Exercise notebooks are committed with their outputs (nbval compares a fresh run against them).
Some things change on every run without meaning anything: a widget output's model id, the widget
state saved in the notebook's metadata, and execution timings. They are dropped; the quiz's
HTML and text renderings, whose ids come from the bank, stay. Opened in Jupyter, the notebook
shows the saved HTML until its cell is run, and then the live widget.

A generated course's quiz notebooks are not run again by every build (five kernels would be most
of its time): each is marked with the bank it shows (``metadata.medialit.quiz``) and, when run
here, stamped with a fingerprint of what its output depends on (the bank, the article, the quiz
renderer). ``medialit build`` runs again, in one kernel, only those whose fingerprint no longer
matches (:func:`stale_quiz_notebooks`), so an edited bank still shows on the next build.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from medialit.errors import MedialitError

if TYPE_CHECKING:
    import nbformat
    from jupyter_client.manager import KernelManager

WIDGET_VIEW: Final = "application/vnd.jupyter.widget-view+json"
METADATA_KEY: Final = "medialit"
"""Notebook metadata of medialit: ``{"quiz": "<bank file>", "fingerprint": "<sha256>"}`` for a quiz notebook."""
RENDERER_FILES: Final = tuple(
    sorted(
        path
        for folder in ("static", "templates")
        for path in (Path(__file__).parent / "quiz" / folder).glob("*")
        if path.is_file()
    )
)
"""The files a quiz's saved HTML is rendered from: a change to them makes every quiz notebook stale."""
QUIZ_CELL_TAG: Final = "remove-input"
"""The cell tag (MyST-NB's) that keeps a quiz cell's code, ``show_quiz(...)``, out of the built site; its output stays."""
QUIZ_CELL_CODE: Final = "from medialit.quiz import show_quiz"
"""How a quiz notebook's display cell begins: the cell :func:`tag_quiz_cells` tags."""
_ARTICLE_LINE: Final = re.compile(r"^article:\s*(.+?)\s*$", re.M)


def quiz_fingerprint(notebook: Path, bank_name: str) -> str:
    """A digest of what a quiz notebook's output depends on: its bank, the bank's article, the renderer, the version."""
    from medialit import __version__

    digest = hashlib.sha256(__version__.encode())
    bank = notebook.parent / bank_name
    text = bank.read_bytes() if bank.is_file() else b""
    digest.update(text)
    article = _ARTICLE_LINE.search(text.decode("utf-8", "replace"))
    if article is not None:
        path = bank.parent / article.group(1).strip("\"'")
        digest.update(path.read_bytes() if path.is_file() else b"")
    for path in RENDERER_FILES:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _stamp(path: Path, notebook: Any) -> None:
    marks = notebook.metadata.get(METADATA_KEY)
    if isinstance(marks, dict) and isinstance(marks.get("quiz"), str):
        marks["fingerprint"] = quiz_fingerprint(path, marks["quiz"])


def stale_quiz_notebooks(folder: Path) -> list[Path]:
    """The quiz notebooks of ``folder`` whose saved output may no longer match their bank (see the module docstring)."""
    stale = []
    for path in sorted(folder.glob("*.ipynb")):
        # Read as JSON: nbformat (and its schema checks) would take seconds to import on every build.
        try:
            metadata = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
        except (OSError, ValueError, AttributeError):
            continue  # not a notebook this module wrote; Jupyter Book reports a broken one
        marks = metadata.get(METADATA_KEY) if isinstance(metadata, dict) else None
        if not (isinstance(marks, dict) and isinstance(marks.get("quiz"), str)):
            continue
        if marks.get("fingerprint") != quiz_fingerprint(path, marks["quiz"]):
            stale.append(path)
    return stale


def strip_volatile(notebook: nbformat.NotebookNode) -> None:
    """Remove what changes on every run: widget views, saved widget state, execution timings."""
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            data = output.get("data")
            if data is not None:
                data.pop(WIDGET_VIEW, None)


def tag_quiz_cells(notebook: nbformat.NotebookNode) -> None:
    """Tag each cell that displays a quiz with :data:`QUIZ_CELL_TAG`, so students see the quiz and not its code."""
    for cell in notebook.cells:
        if cell.cell_type == "code" and "".join(cell.source).startswith(QUIZ_CELL_CODE):
            tags = cell.metadata.setdefault("tags", [])
            if QUIZ_CELL_TAG not in tags:
                tags.append(QUIZ_CELL_TAG)


def _save(path: Path, notebook: Any) -> None:
    import nbformat

    strip_volatile(notebook)
    tag_quiz_cells(notebook)
    _stamp(path, notebook)
    partial = path.with_name(f".{path.name}.partial")
    nbformat.write(notebook, partial)  # type: ignore[no-untyped-call]  # nbformat has no annotations
    partial.replace(path)


def _run(path: Path, timeout: int, kernel: KernelManager | None = None) -> Any:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    client = NotebookClient(
        notebook,
        km=kernel,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    try:
        client.execute()
    except CellExecutionError as error:
        raise MedialitError(f"{path}: a cell failed: {str(error).strip().splitlines()[-1]}") from None
    finally:
        if kernel is not None and client.kc is not None:
            client.kc.stop_channels()
    return notebook


def execute_notebook(path: Path, *, timeout: int = 120) -> None:
    """Run every cell of ``path`` in its own folder and save it; the file is replaced only on success."""
    _save(path, _run(path, timeout))


def execute_notebooks(paths: Sequence[Path], *, timeout: int = 120) -> None:
    """Run several notebooks of one folder in one kernel, then save them all (none is replaced if one fails).

    Starting a kernel takes most of the time of a short quiz notebook, so a course's five quiz
    notebooks share one. Each notebook's cells import what they use, so none relies on another's state.
    """
    folders = {path.parent for path in paths}
    if len(folders) != 1:
        for path in paths:
            execute_notebook(path, timeout=timeout)
        return
    from jupyter_client.manager import KernelManager

    kernel = KernelManager(kernel_name="python3")
    kernel.start_kernel(cwd=str(folders.pop()))
    try:
        done = [(path, _run(path, timeout, kernel)) for path in paths]
    finally:
        kernel.shutdown_kernel(now=True)
    for path, notebook in done:
        _save(path, notebook)
