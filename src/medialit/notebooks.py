"""Re-running exercise notebooks and saving their outputs, reproducibly.

Exercise notebooks are committed with their outputs (nbval compares a fresh run against them).
Some things change on every run without meaning anything: a widget output's model id, the widget
state saved in the notebook's metadata, and execution timings. They are dropped; the quiz's
HTML and text renderings, whose ids come from the bank, stay. Opened in Jupyter, the notebook
shows the saved HTML until its cell is run, and then the live widget.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from medialit.errors import MedialitError

WIDGET_VIEW: Final = "application/vnd.jupyter.widget-view+json"


def strip_volatile(notebook: nbformat.NotebookNode) -> None:
    """Remove what changes on every run: widget views, saved widget state, execution timings."""
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            data = output.get("data")
            if data is not None:
                data.pop(WIDGET_VIEW, None)


def execute_notebook(path: Path, *, timeout: int = 120) -> None:
    """Run every cell of ``path`` in its own folder and save it; the file is replaced only on success."""
    notebook = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]  # nbformat has no annotations
    client = NotebookClient(
        notebook, timeout=timeout, kernel_name="python3", record_timing=False, resources={"metadata": {"path": str(path.parent)}}
    )
    try:
        client.execute()
    except CellExecutionError as error:
        raise MedialitError(f"{path}: a cell failed: {str(error).strip().splitlines()[-1]}") from None
    strip_volatile(notebook)
    partial = path.with_name(f".{path.name}.partial")
    nbformat.write(notebook, partial)  # type: ignore[no-untyped-call]
    partial.replace(path)
