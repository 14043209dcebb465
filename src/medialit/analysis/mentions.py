"""Who is speaking: reading the noun phrase of an attribution ("Ms Osmani", "a Carabinieri officer").

A mention is classified from its words alone: a pronoun, a person's name (with or without a
title), a description of one unnamed person, a group, or an organisation or state. Roles and
affiliations come from titles ("President Osmani"), possessives ("Kosovo's president") and
appositions ("Helena Ivanov, a Belgrade-based Balkans expert with the Henry Jackson Society").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import Final

from medialit.analysis.vocabulary import SourceKind, SourceType


class MentionForm(StrEnum):
    """The grammatical form of a mention, which decides how it is resolved to a source."""

    PRONOUN = "pronoun"
    """he, she, they: the most recent compatible source."""
    PERSON = "person"
    """A name, with or without a title: the same surname is the same person."""
    DESCRIPTION = "description"
    """One unnamed person described ("a Carabinieri officer", "the country's president")."""
    GROUP = "group"
    """Several people ("many Balkan experts", "two people familiar with the talks")."""
    ORGANISATION = "organisation"
    """An organisation, a state or a government ("Serbia", "the Kosovo police")."""


TITLES: Final = {
    "ms": "female", "mrs": "female", "miss": "female", "mr": "male", "dr": None, "prof": None, "professor": None,
    "president": None, "minister": None, "senator": None, "mayor": None, "governor": None, "judge": None,
    "general": None, "sir": "male", "dame": "female", "lord": "male", "lady": "female", "chancellor": None,
    "commissioner": None, "inspector": None, "captain": None, "colonel": None, "father": "male", "sister": "female",
    "prime minister": None, "foreign minister": None, "health minister": None,
    "sen": None, "rep": None, "gov": None, "lt": None, "gen": None, "col": None, "capt": None, "sgt": None,
    "adm": None, "amb": None, "det": None, "supt": None, "atty": None, "rev": None,
    "representative": None, "congressman": "male", "congresswoman": "female", "secretary": None,
    "ambassador": None, "justice": None, "sheriff": None, "chief": None, "rabbi": "male", "imam": "male",
    "pastor": None, "bishop": None, "cardinal": None, "pope": "male", "king": "male", "queen": "female",
    "prince": "male", "princess": "female", "speaker": None, "chairman": "male", "chairwoman": "female",
    "coach": None, "lieutenant": None, "sergeant": None, "detective": None, "officer": None, "councillor": None,
    "councilman": "male", "councilwoman": "female", "state sen": None, "state rep": None, "attorney general": None,
    "secretary of state": None, "vice president": None, "lt gov": None, "lt. gov": None,
}  # fmt: skip
TITLE_ABBREVIATIONS: Final = {
    "sen": "senator", "rep": "representative", "gov": "governor", "lt": "lieutenant", "gen": "general",
    "col": "colonel", "capt": "captain", "sgt": "sergeant", "adm": "admiral", "amb": "ambassador",
    "det": "detective", "supt": "superintendent", "atty": "attorney", "rev": "reverend", "prof": "professor",
    "dr": "doctor", "state sen": "state senator", "state rep": "state representative", "lt gov": "lieutenant governor",
    "lt. gov": "lieutenant governor",
}  # fmt: skip
"""What an abbreviated title stands for, as a role ("Sen." → senator)."""
"""Titles before a surname, and the gender each implies (None: any)."""

TITLE_ROLES: Final = {"president", "minister", "senator", "mayor", "governor", "judge", "general", "chancellor",
                      "commissioner", "inspector", "captain", "colonel", "prime minister", "foreign minister",
                      "health minister", "professor", "prof", "dr", "sen", "rep", "gov", "lt", "gen", "col",
                      "capt", "sgt", "adm", "amb", "det", "supt", "atty", "representative", "congressman",
                      "congresswoman", "secretary", "ambassador", "justice", "sheriff", "chief", "speaker",
                      "chairman", "chairwoman", "coach", "lieutenant", "sergeant", "detective", "officer",
                      "councillor", "councilman", "councilwoman", "state sen", "state rep", "attorney general",
                      "secretary of state", "vice president", "lt gov", "lt. gov"}  # fmt: skip

PRONOUNS: Final = {"she": "female", "he": "male", "they": None, "it": None}

OFFICIAL_WORDS: Final = (
    "president", "minister", "official", "officials", "spokesman", "spokeswoman", "spokesperson", "mayor", "governor",
    "ambassador", "diplomat", "diplomats", "senator", "councillor", "councilor", "prime minister", "government",
    "secretary", "chancellor", "commissioner", "mp", "lawmaker", "deputy", "head of state", "administration",
    "council member", "councilmember", "councilman", "councilwoman", "alderman", "alderwoman", "legislator",
)  # fmt: skip
EXPERT_WORDS: Final = (
    "expert", "experts", "analyst", "analysts", "professor", "researcher", "researchers", "scientist", "scientists",
    "economist", "economists", "specialist", "lecturer", "epidemiologist", "historian", "author of the study",
    "dr", "doctor", "physician", "virologist", "statistician", "academic", "scholar",
)  # fmt: skip
INSTITUTION_WORDS: Final = (
    "police", "company", "university", "society", "institute", "agency", "council", "hospital", "department",
    "union", "court", "organisation", "organization", "ministry", "office", "foundation", "association", "firm",
    "bank", "authority", "authorities", "group", "trust", "board", "service", "commission", "committee", "army",
    "chamber", "party", "school", "club", "charity", "newspaper", "broadcaster",
)  # fmt: skip
DOCUMENT_WORDS: Final = (
    "document", "documents", "report", "paper", "study", "memo", "letter", "statement", "survey", "email", "filing",
    "minutes", "draft", "analysis", "review", "audit", "data", "figures", "records",
)  # fmt: skip
"""Texts that "say" things: they are sources, but not people ("according to the document")."""
PERSON_NOUNS: Final = (
    "spokesperson", "spokesman", "spokeswoman", "official", "officer", "executive", "employee", "worker", "member",
    "adviser", "advisor", "aide", "source", "person", "man", "woman", "resident", "representative", "lawyer",
    "attorney", "director", "manager", "chief", "head", "leader", "chairman", "chairwoman", "founder", "owner",
    "analyst", "expert", "researcher", "scientist", "doctor", "professor", "economist", "strategist", "insider",
    "staffer", "lawmaker", "senator", "diplomat", "ambassador", "minister", "secretary", "president", "governor",
    "mayor", "volunteer", "witness", "neighbour", "neighbor", "student", "teacher", "parent", "mother", "father",
)  # fmt: skip
"""Nouns for one person: "a company spokesperson" is a person, not the company."""
MEDIA_GROUPS: Final = ("media", "reports", "press", "local media", "state media", "news reports", "reporters", "journalists")
"""The press as a whole: a collective source ("media reported …")."""
GROUP_HEADS: Final = (
    "experts", "analysts", "officials", "people", "residents", "albanians", "serbs", "diplomats", "sources",
    "scientists", "researchers", "critics", "locals", "villagers", "campaigners", "activists", "parents",
    "teachers", "doctors", "workers", "members", "leaders", "observers", "witnesses", "citizens", "voters",
    "economists", "others", "many", "some", "several", "insiders", "staff", "neighbours", "neighbors",
    "supporters", "opponents", "fans", "protesters", "protestors", "delegates", "democrats", "republicans",
    "lawmakers", "legislators", "senators", "conservatives", "liberals", "progressives", "advocates", "aides",
    "advisers", "advisors", "allies", "rivals", "investigators", "prosecutors", "officers", "agents", "families",
    "survivors", "victims", "students", "nurses", "farmers", "owners", "traders", "shopkeepers", "employees",
)  # fmt: skip
_GROUP_QUANTIFIER: Final = re.compile(r"^(?:many|some|several|few|two|three|four|five|most|other|both|numerous)\b", re.I)

_CAPITALISED: Final = r"(?:[A-Z]\.(?:[A-Z]\.)*|[A-Z][\w'’\-]*)"
"""A capitalised word or an initial ("Donald", "J.", "G.K.")."""
_NAME: Final = re.compile(rf"(?<![\w'’]){_CAPITALISED}(?:\s+(?:{_CAPITALISED}|de|van|von|bin|al|da|di|le|la))*\s+{_CAPITALISED}")
_LEADING: Final = re.compile(
    r"^(?:(?:but|and|yet|so|even so|however|meanwhile|still|instead|then|now|also|indeed|though|in a statement|"
    r"in an interview|on friday|on monday|on tuesday|on wednesday|on thursday|on saturday|on sunday|later|"
    r"(?:last|this|next|earlier this|late last|earlier|later this) (?:week|month|year|weekend|spring|summer|autumn|fall|winter|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)|earlier|previously|separately|in a tweet|in a post)\s*,?\s+)+",
    re.I,
)
_PARENTHESES: Final = re.compile(r"\s*\([^()]{1,40}\)")
"""A party and state after a name, "(R-Ky.)", or any short aside in brackets: not part of the speaker's words."""
FUNCTION_WORDS: Final = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "it",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "and",
        "or",
        "but",
    ]
)
NOT_A_SPEAKER_START: Final = frozenset(
    ["that", "which", "who", "whom", "whose", "if", "whether", "because", "when", "while", "where", "as", "than", "there", "to"]
)
FINITE_VERBS: Final = frozenset(
    [
        "am",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "should",
        "shall",
        "do",
        "does",
        "did",
        "be",
        "been",
        "being",
    ]
)
FIRST_PERSON: Final = frozenset({"i", "we", "me", "us"})
"""The writer speaking: in a column, "I think" is the author's own voice, not a quoted source."""
"""Auxiliaries and forms of "be": a speaker's noun phrase does not contain them (outside a relative clause)."""
_TITLED: Final = re.compile(
    r"(?:^|\s)(?P<title>(?i:" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + r"))\.?\s+"
    rf"(?P<name>{_CAPITALISED}(?:\s+{_CAPITALISED})*)$"
)
"""A title and a name at the end of a phrase: "Ms Osmani", "President Osmani", "Dr Anna Berg"."""
_ORIGIN: Final = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?(?P<place>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)$")
"""A place or body after a name ("Aleksandar Vucic of Serbia"): the affiliation, not part of the name."""
_ARTICLE: Final = re.compile(r"^(?:the|a|an|one|his|her|their|its)\s+", re.I)


NEWS_OUTLET_WORDS: Final = (
    "times", "post", "journal", "news", "herald", "tribune", "telegraph", "guardian", "standard", "independent",
    "gazette", "chronicle", "observer", "economist", "reuters", "associated press", "ap", "afp", "bbc", "cnn", "cbs",
    "nbc", "abc", "fox", "msnbc", "npr", "pbs", "politico", "axios", "bloomberg", "breitbart", "huffpost",
    "huffington post", "mail", "mirror", "express", "spiegel", "al jazeera", "tass", "interfax", "ria novosti",
    "newspaper", "outlet", "broadcaster", "magazine", "website", "tabloid", "daily", "media", "station", "channel",
    "network", "wire", "news agency", "newsweek", "wsj", "ft", "le monde", "dpa", "ansa",
    "kyodo", "xinhua", "yonhap", "sky news", "itv", "channel 4", "politico europe", "the hill", "vox", "vice",
)  # fmt: skip
"""Words of a news outlet's name or description ("The Montana Standard", "CBS", "the newspaper")."""


def is_news_outlet(phrase: str) -> bool:
    """Whether the phrase names or describes a news outlet (which may relay someone else's words)."""
    text = _LEADING.sub("", phrase.strip(" ,.;:–—")).strip()
    if not text or len(text.split()) > 8 or (text[:1].islower() and not text.lower().startswith(("the ", "a ", "local "))):
        return False
    return _has_word(text, NEWS_OUTLET_WORDS) and not _has_word(text, ("agency official", "spokesperson", "spokesman"))


@dataclass
class Mention:
    """One reference to a speaker, read from an attribution."""

    text: str
    """The words as printed (trimmed)."""
    form: MentionForm
    surname: str | None = None
    full_name: str | None = None
    title: str | None = None
    gender: str | None = None
    role: str | None = None
    affiliation: str | None = None
    descriptions: list[str] = field(default_factory=list)

    @property
    def kind(self) -> SourceKind:
        if self.form is MentionForm.GROUP:
            return SourceKind.COLLECTIVE
        if self.form is MentionForm.DESCRIPTION:
            return SourceKind.ANONYMOUS
        if self.form is MentionForm.ORGANISATION and self.role == "state":
            return SourceKind.COLLECTIVE
        return SourceKind.NAMED


@cache
def _word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)) + r")\b")


def _has_word(text: str, words: tuple[str, ...]) -> bool:
    return _word_pattern(words).search(text.lower()) is not None


def source_type(mention_text: str, form: MentionForm, role: str | None) -> SourceType:
    """What position a source speaks from, judged from its descriptions and role."""
    text = f"{mention_text} {role or ''}"
    if form is MentionForm.ORGANISATION:
        if role == "state" or _has_word(text, ("government", "ministry", "administration", "council", "authorities")):
            return SourceType.OFFICIAL
        return SourceType.INSTITUTION
    if _has_word(text, OFFICIAL_WORDS):
        return SourceType.OFFICIAL
    if _has_word(text, EXPERT_WORDS):
        return SourceType.EXPERT
    return SourceType.WITNESS


def _role_and_affiliation(description: str) -> tuple[str | None, str | None]:
    """Role and affiliation of a description.

    "a Belgrade-based Balkans expert with the Henry Jackson Society think tank" gives
    ("Balkans expert", "Henry Jackson Society think tank").
    """
    text = _ARTICLE.sub("", description.strip(" ,."))
    text = re.split(r"\s+(?:who|which|that|whose)\s+", text, maxsplit=1)[0]
    if not text or text[0].isdigit():
        return None, None  # an age ("56") is not a role
    possessive = re.match(r"^(?P<owner>[\w\-]+(?:\s+[A-Z][\w\-]*)*)['’]s\s+(?P<role>.+)$", text)
    if possessive:
        owner = possessive.group("owner")
        return possessive.group("role").strip(), owner if owner[:1].isupper() else None
    split = re.split(r"\s+(?:with|at|of|from|for|in)\s+(?:the\s+)?", text, maxsplit=1)
    role = split[0]
    role = re.sub(r"^(?:[\w\-]+-based|\d+-year-old|senior|junior|former|leading|top)\s+", "", role).strip() or None
    affiliation = split[1].strip() if len(split) > 1 else None
    if affiliation is not None and not affiliation[:1].isupper():
        affiliation = None
    return role, affiliation


def parse_mention(phrase: str, entity: tuple[str, str] | None = None) -> Mention | None:
    """Read the speaker from the words of an attribution; None if they name no speaker.

    ``entity`` is what the parse says the phrase's head word is, as (label, text): a PERSON's
    name makes the mention a person even when the words alone do not ("Lavrov", "UK ambassador
    Vadym Prystaiko" → Vadym Prystaiko); a group of people (NORP: "Democrats") makes it a group.
    """
    mention = _parse_words(phrase)
    if mention is None or entity is None:
        return mention
    label, name = entity
    name = re.sub(r"['’]s$", "", name.strip())
    longer_name = (
        mention.form is MentionForm.PERSON
        and mention.full_name is not None
        and mention.full_name != name
        and mention.full_name.endswith(" " + name)
        and len(name.split()) >= 2
    )
    if (
        label == "PERSON"
        and (mention.form is not MentionForm.PERSON or longer_name)
        and name in mention.text
        and _looks_like_name(name)
    ):
        before, _, after = mention.text.partition(name)
        descriptions = [part for part in (before.strip(" ,"), after.strip(" ,")) if part and part.lower() not in FUNCTION_WORDS]
        return _named_person(mention.text, name, descriptions)
    if label == "NORP" and mention.form in (MentionForm.ORGANISATION, MentionForm.DESCRIPTION) and name.endswith("s"):
        return Mention(mention.text, MentionForm.GROUP, role=mention.text, descriptions=mention.descriptions)
    if label == "ORG" and mention.form is MentionForm.ORGANISATION and mention.role == "state":
        return Mention(mention.text, MentionForm.ORGANISATION, affiliation=mention.affiliation, descriptions=mention.descriptions)
    return mention


def named_in_full(mention: Mention, full_name: str, title: str | None = None, role: str | None = None) -> Mention:
    """A bare surname as the person the article names in full ("Whitlow" → Dana Whitlow), with the
    title or role the article gives where it names them ("Gov. Dana Whitcomb" → governor)."""
    person = _named_person(mention.text, full_name, [])
    person.descriptions = mention.descriptions
    if title is not None:
        key = title.lower().rstrip(".")
        person.title = person.title or title
        person.gender = person.gender or TITLES.get(key)
        if key in TITLE_ROLES:
            role = role or TITLE_ABBREVIATIONS.get(key, key)
    person.role = person.role or role
    return person


def bare_word(mention: Mention) -> str | None:
    """The one capitalised word a mention is ("Whitlow", "Belotsky"), when it is a surname the parse
    may have read as a place or an organisation; None otherwise."""
    words = mention.text.strip(" ,.").split()
    if len(words) != 1 or not words[0][:1].isupper() or mention.form is MentionForm.PRONOUN:
        return None
    if mention.form is MentionForm.PERSON and mention.full_name is not None:
        return None
    return words[0]


def _looks_like_name(name: str) -> bool:
    words = name.split()
    return 0 < len(words) <= 5 and all(word[:1].isupper() for word in words) and not _has_word(name, INSTITUTION_WORDS)


def _named_person(text: str, name: str, descriptions: list[str]) -> Mention:
    """A person the parse recognised by name, with roles read from the words around the name."""
    title = None
    gender = None
    for part in descriptions:
        last = part.split()[-1].lower().rstrip(".") if part.split() else ""
        if last in TITLES:
            title, gender = part.split()[-1], TITLES[last]
    return _person_mention(text, name, title, gender, None, None, descriptions)


def _parse_words(phrase: str) -> Mention | None:
    """The speaker read from the words alone."""
    text = _LEADING.sub("", _PARENTHESES.sub("", phrase).strip(" ,.;:–—")).strip(" ,")
    if not text or len(text.split()) > 22:
        return None
    if text.lower() in PRONOUNS:
        return Mention(text, MentionForm.PRONOUN, gender=PRONOUNS[text.lower()])
    head_words = re.split(r"\s+(?:who|which|whose)\s+|,", text, maxsplit=1)[0].lower().split()
    if not head_words or head_words[0] in NOT_A_SPEAKER_START or set(head_words) <= FUNCTION_WORDS:
        return None
    if FINITE_VERBS & set(head_words):
        return None  # "that Belgrade is continuing …" is a clause, not a speaker
    lowered = text.lower()
    if lowered in FIRST_PERSON:
        return None
    if lowered in PRONOUNS:
        return Mention(text, MentionForm.PRONOUN, gender=PRONOUNS[lowered])
    # Appositions: "Kosovo's president, Ms Osmani" or "Helena Ivanov, a … expert with …".
    parts = [part.strip() for part in re.split(r",\s*", text) if part.strip()]
    head, descriptions = parts[0], parts[1:]
    for name_part in (part for part in parts if _person_name(part)):
        person = _person(name_part, [part for part in parts if part is not name_part], text)
        if person is not None:
            return person
    if lowered.startswith("according to "):
        return _parse_words(text[len("according to ") :])
    return _description(head, descriptions, text)


def _person_name(part: str) -> tuple[str | None, str, str | None] | None:
    """(title, full name or surname, gender) when ``part`` ends in a person's name."""
    part = _ORIGIN.sub("", part)
    # Title + name: "Ms Osmani", "President Osmani", "Dr Anna Berg", "Prime Minister Karl Ode".
    match = _TITLED.search(part)
    if match:
        title, name = match.group("title"), match.group("name")
        if name.lower() not in TITLES and name.lower() not in INSTITUTION_WORDS:
            return title, name, TITLES[title.lower()]
    match = _NAME.search(part)
    if (
        match
        and match.end() == len(part.rstrip())
        and not re.search(r"\b(?:the|of|for|at|in|on)\s+$", part[: match.start()], re.I)
    ):
        name = match.group(0)
        words = name.split()
        if any(word.lower() in INSTITUTION_WORDS or word.lower() in OFFICIAL_WORDS for word in words):
            return None
        if words[0].lower() in {"the", "a", "an", "many", "some"}:
            return None
        return None, name, None
    return None


def _person_mention(
    text: str,
    name: str,
    title: str | None,
    gender: str | None,
    role: str | None,
    affiliation: str | None,
    descriptions: list[str],
) -> Mention:
    """A named person; a role or affiliation not given by the title comes from the descriptions
    around the name ("Helena Ivanov, a … expert with the Henry Jackson Society")."""
    for description in descriptions:
        described_role, described_affiliation = _role_and_affiliation(description)
        role = role or described_role
        affiliation = affiliation or described_affiliation
    words = name.split()
    return Mention(
        text,
        MentionForm.PERSON,
        surname=_surname(words),
        full_name=name if len(words) > 1 else None,
        title=title,
        gender=gender,
        role=role,
        affiliation=affiliation,
        descriptions=descriptions,
    )


NAME_SUFFIXES: Final = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})


def _surname(words: list[str]) -> str:
    """The family name: the last word, or the one before "Jr." ("Joseph F. Dunford Jr." → Dunford)."""
    if len(words) > 1 and words[-1] in NAME_SUFFIXES:
        return words[-2].rstrip(",")
    return words[-1]


def _person(name_part: str, descriptions: list[str], text: str) -> Mention | None:
    origin = _ORIGIN.search(name_part)
    if origin is not None:
        name_part = name_part[: origin.start()]
    found = _person_name(name_part)
    if found is None:
        return None  # the name was only a place after "of" ("the director of the Federal Bureau")
    title, name, gender = found
    before = name_part[: name_part.rfind(name)].strip()
    if title:
        before = re.sub(rf"\b{re.escape(title)}\.?$", "", before).strip()
    if before:
        descriptions = [before, *descriptions]
    role = None
    affiliation = origin.group("place") if origin is not None else None
    if title and title.lower().rstrip(".") in TITLE_ROLES:
        key = title.lower().rstrip(".")
        role = TITLE_ABBREVIATIONS.get(key, key)
    return _person_mention(text, name, title, gender, role, affiliation, descriptions)


def _description(head: str, descriptions: list[str], text: str) -> Mention | None:
    bare = _ARTICLE.sub("", head)
    lowered = bare.lower()
    words = lowered.split()
    if not words:
        return None
    if is_news_outlet(head) and not _has_word(head, PERSON_NOUNS):
        return Mention(text, MentionForm.ORGANISATION, role="news outlet", affiliation=head, descriptions=descriptions)
    if lowered in MEDIA_GROUPS:
        return Mention(text, MentionForm.GROUP, role=bare, descriptions=descriptions)
    if re.fullmatch(rf"(?:the\s+)?{_CAPITALISED}(?:\s+{_CAPITALISED})*", head) and not _has_word(head, INSTITUTION_WORDS):
        # "Serbia", "Belgrade", "the Kremlin": a state or a government speaking as a whole.
        return Mention(text, MentionForm.ORGANISATION, role="state", affiliation=head)
    head_np = re.split(r"\s+(?:to|of|at|for|from|with|in|on|who|which)\s+", bare, maxsplit=1)[0]
    if _has_word(head_np, DOCUMENT_WORDS):
        return Mention(text, MentionForm.ORGANISATION, role="document", descriptions=descriptions)
    person_noun = head_np.split()[-1].lower().rstrip(".,") in PERSON_NOUNS if head_np.split() else False
    if _has_word(head_np, INSTITUTION_WORDS) and not person_noun and not _has_word(head_np, (*EXPERT_WORDS, "officer", "member")):
        if _GROUP_QUANTIFIER.match(bare) or words[-1] in ("authorities",):
            return Mention(text, MentionForm.GROUP, role=bare, descriptions=descriptions)
        return Mention(text, MentionForm.ORGANISATION, role=None, affiliation=head, descriptions=descriptions)
    if _GROUP_QUANTIFIER.match(bare) or words[0] in GROUP_HEADS or any(word in GROUP_HEADS for word in words[:4]):
        return Mention(text, MentionForm.GROUP, role=bare, descriptions=descriptions)
    role, affiliation = _role_and_affiliation(head)
    if len(words) > 12:
        return None
    return Mention(text, MentionForm.DESCRIPTION, role=role, affiliation=affiliation, descriptions=descriptions)


def name_or_description(mention: Mention) -> str:
    """How a mention would name its source."""
    if mention.form is MentionForm.PERSON:
        return mention.full_name or (f"{mention.title} {mention.surname}" if mention.title else mention.surname or mention.text)
    return mention.text
