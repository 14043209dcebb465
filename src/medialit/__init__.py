"""medialit: turn a news article into a media-literacy course.

The public surface is small on purpose; everything not listed in ``__all__`` is internal.

The names are imported on first use (PEP 562), so that ``import medialit`` (and with it
``medialit --help`` and ``--version``) does not load the article reader, the quiz engine or Jupyter
Book before a command needs them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "Article": "medialit.article",
    "ArticleError": "medialit.errors",
    "BuildError": "medialit.errors",
    "Caption": "medialit.article",
    "MedialitError": "medialit.errors",
    "Paragraph": "medialit.article",
    "Provenance": "medialit.article",
    "build_course": "medialit.build",
    "load_article": "medialit.ingest",
}
"""Each public name and the module it lives in."""

__all__ = [
    "Article",
    "ArticleError",
    "BuildError",
    "Caption",
    "MedialitError",
    "Paragraph",
    "Provenance",
    "__version__",
    "build_course",
    "load_article",
]
"""The public names: those of ``_EXPORTS`` and the version (a test keeps the two in step)."""

if TYPE_CHECKING:
    from medialit.article import Article, Caption, Paragraph, Provenance
    from medialit.build import build_course
    from medialit.errors import ArticleError, BuildError, MedialitError
    from medialit.ingest import load_article


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is asked for."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'medialit' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
