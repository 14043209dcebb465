"""Re-running exercise notebooks: reproducible outputs, and a failed run changes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from helpers import ROOT
from medialit.errors import MedialitError
from medialit.notebooks import WIDGET_VIEW, execute_notebook


def notebook_with(tmp_path: Path, source: str) -> Path:
    shutil.copy(ROOT / "tests" / "fixtures" / "quizzes" / "valid-bank.yml", tmp_path / "bank.yml")
    text = (tmp_path / "bank.yml").read_text(encoding="utf-8")
    article = ROOT / "articles" / "wagner-kosovo-telegraph-2023.txt"
    (tmp_path / "bank.yml").write_text(text.replace("../../../articles/wagner-kosovo-telegraph-2023.txt", str(article)))
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source, id="cell-0")]
    path = tmp_path / "quiz.ipynb"
    nbformat.write(notebook, path)
    return path


def test_a_quiz_notebook_saves_the_same_bytes_on_every_run_without_widget_state(tmp_path: Path) -> None:
    path = notebook_with(tmp_path, 'from medialit.quiz import show_quiz\nshow_quiz("bank.yml")')
    execute_notebook(path)
    first = path.read_bytes()
    execute_notebook(path)
    assert path.read_bytes() == first
    notebook = nbformat.read(path, as_version=4)
    data = notebook.cells[0].outputs[0]["data"]
    assert set(data) == {"text/html", "text/plain"} and WIDGET_VIEW not in data
    assert "widgets" not in notebook.metadata and "execution" not in notebook.cells[0].metadata


def test_a_failing_cell_is_one_error_naming_the_notebook_and_leaves_it_as_it_was(tmp_path: Path) -> None:
    path = notebook_with(tmp_path, 'from medialit.quiz import show_quiz\nshow_quiz("missing.yml")')
    before = path.read_bytes()
    with pytest.raises(MedialitError, match=rf"^{path}: a cell failed: .*missing.yml: no such file"):
        execute_notebook(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank.yml", "quiz.ipynb"]
