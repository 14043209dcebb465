"""Words from the article to look up: its people, organisations, places and key phrases.

A course's glossary lists them next to the media-literacy terms, each with the paragraph where
it first appears, so a student knows what to look up before reading closely. Names come from
the language layer's named entities (spaCy); key phrases are the headline's nouns that the body
uses too. A person's surname alone ("Whitlow") is the same term as the full name ("Dana
Whitlow"), which is shown.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from pydantic import Field

from medialit.analysis.facts import SourceShape, facts_of
from medialit.analysis.model import Finding
from medialit.language import parse_paragraphs

if TYPE_CHECKING:
    from medialit.analysis import Analysis


class TermKind(StrEnum):
    """What kind of thing a term names, as far as it is sure."""

    PERSON = "person"
    """A person who speaks in the article (the analysis's sources say so), or one named with a title."""
    NAME = "name"
    """Any other name: a place, a body, a group, an event. The language model's finer labels are too
    often wrong on invented or rare names (a goat called Marigold read as a place) to be shown."""
    PHRASE = "key phrase"
    """A phrase the story is about: the headline's nouns that the body uses too."""


ENTITY_LABELS: Final = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})
"""spaCy's entity labels that name something a student could look up; dates, numbers and sums are left out."""
MIN_PHRASE_CHARS: Final = 6
MAX_TERMS: Final = 40
MAX_PHRASES: Final = 6
_LEADING: Final = re.compile(r"^(?:the|a|an)\s+", re.I)
_TRAILING: Final = re.compile(r"(?:['’]s|['’])$")


class Term(Finding):
    """One word or name to look up."""

    text: str
    """As the article prints it (the fullest form, without a leading "the")."""
    kind: TermKind
    paragraph: int = Field(ge=1)
    """Where it first appears."""


def _clean(text: str) -> str:
    text = _TRAILING.sub("", _LEADING.sub("", text.strip(" \u00a0,;:“”\"'()")))
    return re.sub(r"\s+", " ", text)


def _names(analysis: Analysis) -> list[Term]:
    found: dict[str, Term] = {}
    longer: set[str] = set()
    people = _people(analysis)
    docs = parse_paragraphs([p.text for p in analysis.article.paragraphs])
    for paragraph, doc in zip(analysis.article.paragraphs, docs, strict=True):
        if doc is None:
            continue
        for entity in doc.ents:
            text = _clean(entity.text)
            if entity.label_ not in ENTITY_LABELS or len(text) < 2 or not text[:1].isupper() or any(c.isdigit() for c in text):
                continue
            key = text.casefold()
            if key in found or key in longer:
                continue
            if _part_of_longer_name(text, analysis):
                longer.add(key)  # the longer name ("Cedar Hollow Farm Sanctuary") is the term
                continue
            kind = TermKind.PERSON if key in people else TermKind.NAME
            found[key] = Term(text=text, kind=kind, paragraph=paragraph.n)
    return _merge_people(list(found.values()))


def _people(analysis: Analysis) -> set[str]:
    """Names of the people the analysis finds speaking: full names and surnames, lower case."""
    facts = facts_of(analysis)
    names: set[str] = set()
    for source in facts.sources.values():
        if source.shape is SourceShape.PERSON and source.full_name:
            names |= {source.label.casefold(), source.label.split()[-1].casefold()}
    return names


def _part_of_longer_name(text: str, analysis: Analysis) -> bool:
    """Whether the words are printed somewhere as the start of a longer name ("Cedar Hollow Farm Sanctuary")."""
    pattern = re.compile(rf"\b{re.escape(text)}\s+[A-Z]")
    return any(pattern.search(p.text) for p in analysis.article.paragraphs)


def _merge_people(terms: list[Term]) -> list[Term]:
    """A surname alone is the person's full name met elsewhere: keep the full name, at the earliest paragraph."""
    people = [t for t in terms if t.kind is TermKind.PERSON and len(t.text.split()) >= 2]
    merged: list[Term] = []
    for term in terms:
        words = term.text.split()
        full = next((p for p in people if p is not term and len(words) == 1 and p.text.split()[-1] == words[0]), None)
        if full is not None:
            continue  # the full name stands for it
        if term.kind is TermKind.PERSON and len(words) >= 2:
            surname = words[-1]
            earlier = [t.paragraph for t in terms if t.text == surname]
            term = term.model_copy(update={"paragraph": min([term.paragraph, *earlier])})
        merged.append(term)
    return merged


def _phrases(analysis: Analysis, names: set[str]) -> list[Term]:
    """The headline's noun phrases (without their determiners) that the body uses, at their first paragraph."""
    headline = analysis.article.headline
    if not headline:
        return []
    [doc] = parse_paragraphs([headline.lower()])
    if doc is None:
        return []
    phrases: list[Term] = []
    for chunk in doc.noun_chunks:
        words = [t for t in chunk if t.pos_ in ("NOUN", "ADJ", "PROPN") and not t.is_stop]
        if not words or words[-1].pos_ != "NOUN":
            continue
        found = _first_use(analysis, [(t.text, t.pos_ == "NOUN") for t in words], names)
        if found is None:
            continue
        printed, paragraph = found
        if printed.casefold() in {p.text.casefold() for p in phrases}:
            continue
        phrases.append(Term(text=printed, kind=TermKind.PHRASE, paragraph=paragraph))
        if len(phrases) >= MAX_PHRASES:
            break
    return phrases


def _first_use(analysis: Analysis, words: list[tuple[str, bool]], names: set[str]) -> tuple[str, int] | None:
    """The longest run of the phrase's words, ending in a noun, that the body uses ("night shift" of "night shift
    work"), as the body prints it."""
    runs = [words[i:j] for i in range(len(words)) for j in range(len(words), i, -1) if words[j - 1][1]]
    for run in sorted(runs, key=len, reverse=True):
        phrase = " ".join(text for text, _noun in run)
        if phrase in names or len(phrase) < MIN_PHRASE_CHARS:
            continue
        pattern = re.compile(rf"\b{re.escape(phrase)}", re.I)
        for paragraph in analysis.article.paragraphs:
            match = pattern.search(paragraph.text)
            if match:
                return paragraph.text[match.start() : match.end()], paragraph.n
    return None


def article_terms(analysis: Analysis) -> list[Term]:
    """The article's names and key phrases, each at the paragraph where it first appears, in order of appearance."""
    names = _names(analysis)
    phrases = _phrases(analysis, {t.text.casefold() for t in names})
    seen: set[str] = set()
    terms: list[Term] = []
    for term in sorted([*names, *phrases], key=lambda t: (t.paragraph, t.kind is TermKind.PHRASE, t.text.casefold())):
        if term.text.casefold() not in seen:
            seen.add(term.text.casefold())
            terms.append(term)
    return terms[:MAX_TERMS]


__all__ = ["Term", "TermKind", "article_terms"]
