"""Dates as pages print them: recognising a line that is only a date or time, and reading a date out of text.

News pages print dates in many ways ("May 26, 2022 at 6:42 PM", "26 May 2022", "Thursday,
May 26, 2022", "2022-05-26", "Published 2 hours ago"). The same pieces serve the furniture
table (a timestamp or a date widget on its own line) and the byline ("By Jane Roe | Published
May 26, 2022"). Only a date with a day, a month and a year is ever read as a date.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

MONTHS: Final = {
    **{name: n for n, name in enumerate(("january", "february", "march", "april", "may", "june"), start=1)},
    **{name: n for n, name in enumerate(("july", "august", "september", "october", "november", "december"), start=7)},
    **{
        "jan": 1,
        "feb": 2,
        "mar": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "aug": 8,
        "sep": 9,
        "sept": 9,
        "oct": 10,
        "nov": 11,
        "dec": 12,
    },
}
"""Month names and the abbreviations pages use, lower case."""

MONTH: Final = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY: Final = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"
DAY: Final = r"\d{1,2}(?:st|nd|rd|th)?"
YEAR: Final = r"\d{4}"
TIME: Final = r"\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s?m\.?|\d{1,2}:\d{2}(?::\d{2})?"
"""6:42 PM, 6.42pm, 6 p.m., 18:42."""
ZONE: Final = r"(?:[ecmp][sd]?t|utc|gmt|bst|cest|cet|eest|eet|wet|ist|jst|aest|aedt)(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)?"
"""EDT, GMT, UTC+2, BST, ET."""
NUMERIC: Final = r"\d{4}-\d{2}-\d{2}(?:t[\d:.]+(?:z|[+-][\d:]+)?)?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
AGO: Final = (
    r"(?:\d+|an?|one|a few)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"
    r"|just now|yesterday|today"
)
_TOKEN: Final = rf"(?:{NUMERIC}|{AGO}|{TIME}|{WEEKDAY}|{MONTH}|{DAY}|{YEAR}|{ZONE})(?!\w)"
_JOIN: Final = r"(?:\s*[,|·•/–-]\s*|\s+)(?:(?:at|on)\s+)?"

DATE_WORDS: Final = rf"{_TOKEN}(?:{_JOIN}{_TOKEN})*"
"""A run of date and time words: "Thursday, May 26, 2022", "3:14 PM EDT, August 3, 2023", "2 hours ago"."""

DATE_PHRASE: Final = rf"(?=[^\n]*?(?:\d|ago|yesterday|today|just now)){DATE_WORDS}"
"""Date and time words holding a number (or "ago", "today") somewhere on the line, so "May" alone is not a
date. Meant for ``re.I`` and a whole line."""

STAMP_WORD: Final = r"(?:published|posted|updated|last updated|first published|modified|last modified|created|date)"
"""The word before a page's own date: "Published 2 hours ago", "Updated 3:14 PM EDT"."""

STAMP: Final = rf"(?:{STAMP_WORD}(?:\s+(?:on|at))?\s*:?\s*)?{DATE_PHRASE}"
TIMESTAMP: Final = rf"{STAMP}(?:\s*[|·•,;]\s*{STAMP})*"
"""A line that is only dates and times, each perhaps introduced by "Published", "Updated" …"""

_MONTH_FIRST: Final = re.compile(rf"\b(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I)
_DAY_FIRST: Final = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{MONTH}),?\s+(?P<year>\d{{4}})\b", re.I)
_ISO: Final = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")


def find_date(text: str) -> dt.date | None:
    """The first full date (day, month and year) written in ``text``, or None.

    "May 26, 2022 at 6:42 PM" → 2022-05-26; "26 May 2022" and "2022-05-26" too. An impossible
    date ("February 30, 2023") is no date.
    """
    for pattern in (_MONTH_FIRST, _DAY_FIRST, _ISO):
        if match := pattern.search(text):
            month = match.group("month")
            number = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
            try:
                return dt.date(int(match.group("year")), number, int(match.group("day")))
            except ValueError:
                continue
    return None


def iso_date(value: str) -> dt.date | None:
    """The date of an ISO 8601 date or date-time ("2024-03-05", "2024-03-05T10:00:00Z"), or None."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        return None
