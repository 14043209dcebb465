"""Rebuild every page when the medialit package itself changes.

Sphinx rebuilds a page when its source or a noted dependency changes, and copies static files
only when some page is rebuilt. A change to this package (a directive, the stylesheet, a
template) changes every page but none of their sources, so without this an incremental build
would serve stale pages and an old stylesheet.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def package_digest(root: Path = PACKAGE_DIR) -> str:
    """A digest of every file of the package that can change what a page looks like."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".css", ".js", ".html"}:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _outdated_when_package_changed(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> Iterable[str]:
    current = package_digest()
    previous = getattr(env, "medialit_package_digest", None)
    env.medialit_package_digest = current  # type: ignore[attr-defined]
    if previous is not None and previous != current:
        return sorted(env.found_docs)
    return []


def register_rebuild_on_change(app: Sphinx) -> None:
    app.connect("env-get-outdated", _outdated_when_package_changed)
