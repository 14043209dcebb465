"""Mention resolution: which source each mention of a speaker refers to.

The same surname is the same person; a definite description ("the country's president") is the
source with that role; "she"/"he" is the most recent compatible speaker, "they"/"it" the most
recent group, organisation or document; an indefinite description ("a Carabinieri officer") is
a new source. A definite description met before its person's name is folded in at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from medialit.analysis.mentions import Mention, MentionForm, name_or_description

TRIM: Final = " \t,;:–—"
"""Characters trimmed from the ends of a mention's text."""


@dataclass(eq=False)
class SourceDraft:
    """One speaker as the resolver builds it up from mentions.

    Compared by identity: two sources with the same mentions so far ("they" in two paragraphs,
    each with no one to refer to) are still two sources, and each must be numbered.
    """

    id: str
    mentions: list[Mention] = field(default_factory=list)
    surname: str | None = None
    full_name: str | None = None
    title: str | None = None
    gender: str | None = None
    role: str | None = None
    affiliation: str | None = None
    form: MentionForm = MentionForm.DESCRIPTION
    keys: set[str] = field(default_factory=set)
    """Normalised texts of the non-pronoun mentions, for matching in constant time."""

    def absorb(self, mention: Mention) -> None:
        self.mentions.append(mention)
        if mention.form is not MentionForm.PRONOUN:
            self.keys.add(_normalise(mention.text))
        if mention.form is MentionForm.PRONOUN:
            self.gender = self.gender or mention.gender
            return
        if mention.form is MentionForm.PERSON:
            self.form = MentionForm.PERSON
            self.surname = self.surname or mention.surname
            self.full_name = self.full_name or mention.full_name
            self.title = self.title or mention.title
        elif self.form is not MentionForm.PERSON and not self.mentions[:-1]:
            self.form = mention.form
        self.gender = self.gender or mention.gender
        self.role = self.role or mention.role
        self.affiliation = self.affiliation or mention.affiliation

    @property
    def name(self) -> str:
        if self.form is MentionForm.PERSON:
            named = next(m for m in self.mentions if m.form is MentionForm.PERSON)
            return self.full_name or name_or_description(named)
        first = next((m for m in self.mentions if m.form is not MentionForm.PRONOUN), self.mentions[0])
        return first.text.strip(TRIM + ".")

    def role_head(self) -> str | None:
        return role_family(self.role)


ROLE_FAMILIES: Final = {
    "ambassador": "diplomat", "envoy": "diplomat", "diplomat": "diplomat", "consul": "diplomat",
    "senator": "lawmaker", "representative": "lawmaker", "congressman": "lawmaker", "congresswoman": "lawmaker",
    "legislator": "lawmaker", "lawmaker": "lawmaker", "mp": "lawmaker", "deputy": "lawmaker",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
    "chief": "chief", "head": "chief", "secretary-general": "chief", "director": "chief", "chairman": "chief",
    "chairwoman": "chief", "chair": "chief", "doctor": "doctor", "physician": "doctor", "dr": "doctor",
    "professor": "professor", "prof": "professor", "governor": "governor", "gov": "governor",
}  # fmt: skip
"""Role words that name the same position ("the diplomat" for an ambassador, "the lawmaker" for a senator)."""


def role_family(role: str | None) -> str | None:
    """The position a role names, from its head word: "ambassador to the UK" → diplomat, "Balkans expert" → expert."""
    if not role:
        return None
    head = re.split(r"\s+(?:to|of|for|at|in|with|on)\s+", role.lower().strip(), maxsplit=1)[0].split()
    if not head:
        return None
    word = head[-1].strip(".,")
    return ROLE_FAMILIES.get(word, word)


def _role_head(mention: Mention) -> str | None:
    return role_family(mention.role)


def _is_definite(mention: Mention) -> bool:
    return not re.match(r"^(?:a|an|one|another|two|three|several|some|many)\b", mention.text.strip(), re.I)


class Resolver:
    """Assigns each mention to a source, creating sources as new speakers appear."""

    def __init__(self) -> None:
        self.sources: list[SourceDraft] = []
        self.recent: list[SourceDraft] = []

    def _new(self, mention: Mention) -> SourceDraft:
        source = SourceDraft(id="", form=mention.form)
        source.absorb(mention)
        self.sources.append(source)
        return source

    def resolve(self, mention: Mention) -> SourceDraft:
        found = self._find(mention)
        if found is None:
            found = self._new(mention)
        else:
            found.absorb(mention)
        if found in self.recent:
            self.recent.remove(found)
        self.recent.append(found)
        return found

    def find(self, mention: Mention) -> SourceDraft | None:
        """The source ``mention`` refers to, if there is one yet (nothing is recorded)."""
        return self._find(mention)

    def _find(self, mention: Mention) -> SourceDraft | None:
        if mention.form is MentionForm.PRONOUN:
            wanted_group = mention.text.lower() in ("they", "it")
            for source in reversed(self.recent):
                is_group = source.form in (MentionForm.GROUP, MentionForm.ORGANISATION)
                if is_group != wanted_group:
                    continue
                if mention.gender and source.gender and mention.gender != source.gender:
                    continue
                return source
            return None
        if mention.form is MentionForm.PERSON:
            for source in self.sources:
                if source.surname and mention.surname and source.surname.casefold() == mention.surname.casefold():
                    return source
            if mention.surname:
                surname = _normalise(mention.surname)
                for source in self.sources:
                    if source.form is not MentionForm.PERSON and surname in source.keys:
                        return source  # "Lavrov" read alone before "Sergei Lavrov"
            introduced = self.recent[-1] if self.recent else None
            if (
                introduced is not None
                and introduced.form is MentionForm.DESCRIPTION
                and not _is_definite(introduced.mentions[0])
                and len(introduced.mentions) <= 2
                and introduced.role_head() is not None
                and introduced.role_head() == _role_head(mention)
            ):
                return introduced  # "A prominent U.S. lawmaker welcomed … said Senator Margaret Oyelaran"
            return None  # a description met before the name is folded in at the end, knowing every role
        key = _normalise(mention.text)
        for source in self.sources:
            if key in source.keys:
                return source
        if mention.form is MentionForm.ORGANISATION and mention.role in ("state", None) and len(key.split()) == 1:
            for source in self.sources:
                if source.surname and source.surname.casefold() == key:
                    return source  # a bare surname is the person already named, not a state
        if mention.form is MentionForm.ORGANISATION and mention.affiliation:
            for source in self.sources:
                if (
                    source.form is MentionForm.ORGANISATION
                    and source.affiliation
                    and _normalise(source.affiliation) == _normalise(mention.affiliation)
                ):
                    return source
        if mention.form is MentionForm.DESCRIPTION and _is_definite(mention):
            head = _role_head(mention)
            for source in reversed(self.recent + [s for s in self.sources if s not in self.recent]):
                if head and source.role_head() == head and source.form in (MentionForm.PERSON, MentionForm.DESCRIPTION):
                    return source
        return None

    def touch(self, source: SourceDraft) -> None:
        """Make ``source`` the most recent speaker (its words continue, or someone relays them)."""
        if source in self.recent:
            self.recent.remove(source)
        self.recent.append(source)

    def merge_descriptions(self) -> dict[SourceDraft, SourceDraft]:
        """Fold a definite description met before its person's name into that person (cataphora)."""
        replaced: dict[SourceDraft, SourceDraft] = {}
        for source in list(self.sources):
            if source.form is not MentionForm.DESCRIPTION or not _is_definite(source.mentions[0]):
                continue
            head = source.role_head()
            candidates = [
                s for s in self.sources if s is not source and s.form is MentionForm.PERSON and head and s.role_head() == head
            ]
            description = source.mentions[0].text
            # The person the description names by affiliation ("Kosovo's president"), else the one
            # the article quotes most: a bare "the president" points at the story's main voice.
            candidates.sort(key=lambda s: (bool(s.affiliation and s.affiliation in description), len(s.mentions)), reverse=True)
            target = candidates[0] if candidates else None
            if target is not None:
                target.mentions[:0] = source.mentions
                target.keys |= source.keys
                self.sources.remove(source)
                replaced[source] = target
        return replaced


def _normalise(text: str) -> str:
    text = re.sub(r"^(?:the|a|an|one)\s+", "", text.strip(TRIM + ".").lower())
    return re.sub(r"\s+", " ", text)
