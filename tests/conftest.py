"""Shared fixtures; the CI rules (a skip is a failure) come from the ``ci_rules`` plugin."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import copy_course
from medialit.build import build_course

pytest_plugins = ["ci_rules"]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The flagship course built once per session with ``medialit build``, in a temporary copy."""
    course = copy_course(tmp_path_factory.mktemp("flagship"))
    return build_course(course)
