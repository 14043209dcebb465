"""The command line starts without loading what only some commands need.

``medialit --help`` and ``--version`` must answer at once (benchmarks/cli_start.py measures them);
that holds only while importing ``medialit.cli`` leaves the heavy libraries for the commands that
use them. Checked in a fresh interpreter, since this test process has imported them already.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("nbformat", "jsonschema", "sphinx", "myst_nb", "jupyter_book", "spacy", "playwright", "bs4", "rich", "ipywidgets")
"""Libraries a command may need but the start of the command line must not import."""


def modules_after(statement: str) -> set[str]:
    """The top-level packages in sys.modules after running ``statement`` in a new interpreter."""
    code = f"{statement}\nimport sys\nprint('\\n'.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return set(done.stdout.split())


@pytest.mark.parametrize("statement", ["import medialit.cli", "import medialit", "from medialit import __version__"])
def test_starting_the_command_line_imports_no_heavy_library(statement: str) -> None:
    assert modules_after(statement).isdisjoint(HEAVY), sorted(modules_after(statement) & set(HEAVY))


def test_the_public_names_are_still_there_when_asked_for() -> None:
    """The package's names load on first use: each in ``__all__`` is importable and is what its module defines."""
    import medialit
    from medialit import errors, ingest

    assert sorted(medialit.__all__) == sorted([*medialit._EXPORTS, "__version__"])
    for name in medialit.__all__:
        assert getattr(medialit, name) is not None, name
    assert medialit.load_article is ingest.load_article and medialit.ArticleError is errors.ArticleError
    with pytest.raises(AttributeError):
        _ = medialit.no_such_name


def test_help_and_version_answer_without_loading_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    """The help lists every command; the version is the package's."""
    done = subprocess.run([sys.executable, "-m", "medialit", "--help"], check=True, capture_output=True, text=True)
    for command in ("build", "analyze", "compare", "check", "export", "mark", "new", "print"):
        assert command in done.stdout
    version = subprocess.run([sys.executable, "-m", "medialit", "--version"], check=True, capture_output=True, text=True)
    import medialit

    assert medialit.__version__ in version.stdout
