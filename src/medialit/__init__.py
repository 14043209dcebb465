"""medialit: turn a news article into a media-literacy course.

The public surface is small on purpose; everything not listed in ``__all__`` is internal.
"""

from medialit.article import Article, Caption, Paragraph, Provenance
from medialit.build import build_course
from medialit.errors import ArticleError, BuildError, MedialitError
from medialit.ingest import load_article

__version__ = "0.1.0"

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
