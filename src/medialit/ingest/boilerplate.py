"""Recognising website furniture: the lines of a page that are not the article.

One table, :data:`PATTERNS`: each row is a kind of furniture, a pattern, an example (which the
tests check the pattern matches, and which the documentation's table shows) and why the line is
furniture. A line is furniture only when the **whole line** matches, so a sentence that merely
mentions "Facebook" or "advertisement" stays in the article. Matching ignores case.

Every input format uses this table: pasted text line by line, Markdown and HTML paragraph by
paragraph. What is removed is kept, with its kind, in ``Article.removed``.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from medialit.article import BoilerplateKind
from medialit.ingest.dates import DATE_WORDS, TIMESTAMP

_BULLET: Final = r"(?:[•·*\-–]\s*)?"
_NETWORKS: Final = (
    r"(?:Facebook|Twitter|X|YouTube|Instagram|LinkedIn|TikTok|WhatsApp|Pinterest|Email|E-mail|Reddit|Telegram|Threads"
    r"|Bluesky|Mastodon|Flipboard|Messenger|SMS|Print|Copy link)"
)
_NEW_WINDOW: Final = r"(?:\s*\(opens in (?:a )?new (?:window|tab)\))?"
_TEMPERATURE: Final = r"-?\d{1,3}(?:[.,]\d{1,2})?\s*(?:°\s*[cf]?|[cf])(?![\w-])"
_WEATHER: Final = (
    r"(?:(?:mostly |partly )?(?:sunny|cloudy|clear|fair|overcast|fog(?:gy)?|mist|haze|hazy|windy|rain|light rain|heavy rain"
    r"|showers|drizzle|snow|sleet|thunderstorms?|storms?))"
)
_SECTION: Final = (
    r"(?:news|world|politics|business|sports?|opinion|local|nation|national|international|entertainment|lifestyle"
    r"|health|science|tech(?:nology)?|culture|arts|travel|climate|environment|europe|africa|asia|americas|middle east"
    r"|us|uk|u\.s\.|nation & world|live|video|podcasts?|newsletters?|weather|traffic|obituaries|events|jobs|shop)"
)


@dataclass(frozen=True)
class FurniturePattern:
    """One row of the furniture table."""

    kind: BoilerplateKind
    pattern: re.Pattern[str]
    example: str
    """A line this pattern removes, as pages print it (tested, and shown in docs/analysis.md)."""
    why: str
    """What the line is on the page."""
    heads_list: bool = False
    """A label over a list of other stories ("Must read", "Latest articles"): the headline-like lines right after
    it are those stories' headlines, not the article's."""


def _row(
    kind: BoilerplateKind, pattern: str, example: str, why: str, *, ignore_case: bool = True, heads_list: bool = False
) -> FurniturePattern:
    return FurniturePattern(kind, re.compile(pattern, re.I if ignore_case else 0), example, why, heads_list)


K = BoilerplateKind

_FOLLOW_SITE: Final = _row(
    K.FOLLOW_PROMPT,
    r"follow (?P<name>.+?) for (?:more )?updates:?",
    "Follow Genocide Watch for more updates:",
    "a call to follow the site (it names the site that republished the text)",
)

PATTERNS: Final[tuple[FurniturePattern, ...]] = (
    # --- navigation ------------------------------------------------------------------------------
    _row(K.NAVIGATION, r"(?:top|bottom) of (?:the )?page", "top of page", "a page builder's anchor"),
    _row(
        K.NAVIGATION,
        r"skip to (?:main )?(?:content|navigation)|back to top|jump to (?:content|comments)|toggle navigation|open menu"
        r"|menu|close|search|home|sections|sign in|log ?in|log out|next(?: (?:article|story|post))?"
        r"|previous(?: (?:article|story|post))?|contact(?: us)?|about(?: us)?|watch live|live tv|listen live|all sections",
        "Skip to main content",
        "links and buttons of the page's frame",
    ),
    _row(K.NAVIGATION, r"home\s*[>›»/|].{0,120}", "Home > News > World", "a breadcrumb trail"),
    _row(K.NAVIGATION, _SECTION, "Nation & World", "a section name on its own line, above the headline"),
    _row(
        K.NAVIGATION,
        r"(?:[\w.&'’-]+ ){0,2}news",
        "U.S. NEWS",
        'a section label or a news site\'s name ("Local News", "CHNV News"): at most three words ending in News',
    ),
    # --- social media ------------------------------------------------------------------------------
    _row(K.SOCIAL, _BULLET + r"(?:\w+ )?" + _NETWORKS + r"(?: icon| logo)?", "Grey Facebook Icon", "a share or profile button"),
    _row(K.SOCIAL, rf"(?:{_NETWORKS}[\s,|·•]*){{2,}}", "Facebook Twitter LinkedIn Email", "a row of share buttons"),
    _row(
        K.SOCIAL,
        rf"share(?: this(?: article| story| post| page)?| on {_NETWORKS}| via {_NETWORKS}| the story| article)?\s*:?",
        "Share this:",
        "a share prompt",
    ),
    _row(K.SOCIAL, r"click to .{1,60}?" + _NEW_WINDOW, "Click to share on Facebook (Opens in new window)", "a share button"),
    _row(
        K.SOCIAL,
        r"tweet|like this:?|like loading\.*|loading\.*|copy (?:link|url)(?: copied!?)?|link copied!?",
        "Like this:",
        "a share button",
    ),
    # --- follow and subscribe ------------------------------------------------------------------------
    _FOLLOW_SITE,
    _row(K.FOLLOW_PROMPT, r"follow us(?: on .{1,60})?:?|follow(?: on)? " + _NETWORKS, "Follow us on Twitter", "a call to follow"),
    _row(
        K.FOLLOW_PROMPT,
        r"(?:subscribe|sign up|register)(?: now)?(?: to| for)? (?:our|the|my)(?: free| daily| weekly)? newsletters?.{0,120}"
        r"|get (?:our|the)(?: free| daily| weekly)? newsletters?.{0,120}|newsletters?|download (?:our|the) app"
        r"|get the app|enable (?:push )?notifications|get the latest (?:news|headlines).{0,60}(?:inbox|phone)\.?",
        "Sign up for our newsletter",
        "a newsletter or app prompt",
    ),
    # --- advertising ---------------------------------------------------------------------------------
    _row(
        K.ADVERTISEMENT,
        r"advertisements?(?:\s*[-–—:]?\s*scroll to continue(?: with content)?)?|ad(?:vert)?|sponsored(?: content| post)?"
        r"|paid (?:content|post|partnership)|(?:story|article|content) continues (?:below|after)"
        r"(?: (?:this )?(?:advertisement|ad|advert))?|continue reading (?:below|the main story)",
        "Story continues below advertisement",
        "an advertising slot's label",
    ),
    # --- promotion of other content ---------------------------------------------------------------------
    _row(
        K.PROMOTION,
        r"must[ -]reads?|latest(?: articles| news| stories| headlines| updates)?|related(?: articles| stories| coverage"
        r"| content| topics| reading| links)?\s*:?|recommended(?: for you| stories| reading)?|most (?:read|popular|viewed|shared)"
        r"|trending(?: now| stories)?|top stories|editor['’]?s picks?|you (?:may|might) (?:also )?like|don['’]?t miss"
        r"|more (?:on this story|stories|news|top stories)|in (?:other|case you missed (?:it)?) news|popular now"
        r"|live updates|more information|for more information"
        r"|more from (?-i:(?:[Tt]he )?[A-Z][\w'’&-]*(?: [A-Z&][\w'’&-]*){0,3})",
        "Must read",
        "a heading over links to other stories (the headlines right under it are removed too)",
        heads_list=True,
    ),
    _row(
        K.PROMOTION,
        r"(?:read more|also read|see also|related|read next|watch|listen|more|recommended)\s*:\s*.{0,240}|read more(?: here)?\.*",
        "READ MORE: Storm closes coast road",
        "a link to another story, with its headline",
    ),
    _row(
        K.PROMOTION, r"\(\s*more .{1,80}? stories\.?\s*\)\.?", "(More Montana stories.)", "a wire service's link to more stories"
    ),
    _row(
        K.PROMOTION,
        r"(?-i:[A-Z]).{1,120}? has more (?:information )?(?:on|about) .{1,120}",
        "The U.S. National Eye Institute has more on glaucoma.",
        'a "More information" box\'s pointer to another site',
    ),
    # --- comments --------------------------------------------------------------------------------------
    _row(
        K.COMMENTS,
        r"leave a (?:reply|comment)|post a comment|cancel reply|add (?:a|your) comment|comments?(?: \(\d+\))?"
        r"|no comments(?: yet)?"
        r"|(?:view|show|hide|read|see|load) (?:all )?(?:\d+ )?comments|\d+ (?:comments?|replies|responses)"
        r"|join the (?:conversation|discussion)|comments are closed\.?|log ?in to (?:leave a )?comment"
        r"|please enter your (?:comment|name|email)(?: address)?(?: here)?!?|you have entered an incorrect email address!?"
        r"|save my name, email, and website in this browser for the next time i comment\.?"
        r"|your email address will not be published\.?(?: required fields are marked \*)?|required fields are marked \*"
        r"|(?:name|email|website|comment)\s*:?\s*\*?|post (?:a )?comment|submit comment|reply",
        "Please enter your comment!",
        "the comment form and comment counts",
    ),
    # --- subscriptions ----------------------------------------------------------------------------------
    _row(
        K.SUBSCRIPTION,
        r"subscribe(?: now| today)?|subscribe to (?:continue )?read(?:ing)?.{0,60}"
        r"|this (?:article|story|content) is (?:only )?(?:for|available to) subscribers(?: only)?\.?"
        r"|already a subscriber\?.{0,30}|subscribers? only|premium|unlock (?:this|the) (?:article|story)",
        "Subscribe",
        "a subscribe button or a paywall notice",
    ),
    # --- widgets --------------------------------------------------------------------------------------
    _row(
        K.WIDGET,
        rf"{_TEMPERATURE}(?:\s*/\s*{_TEMPERATURE})?(?:\s*[,|·•]?\s*{_WEATHER})?(?:\s*[,|·•]?\s*{DATE_WORDS})?",
        "18.4 C Thursday, May 26, 2022",
        "the weather and date widget in the page's header",
    ),
    _row(
        K.WIDGET,
        rf"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,2}}\s+-?\d{{1,3}}(?:[.,]\d{{1,2}})?\s*°\s*[CFcf]?(?![\w-])"
        rf"(?:\s*[,|·•]?\s*(?i:{_WEATHER}))?(?:\s*[,|·•]?\s*(?i:{DATE_WORDS}))?",
        "London 18°C Partly cloudy",
        'a weather widget naming its town (a degree sign, so a headline such as "UK hits 40C" stays)',
        ignore_case=False,
    ),
    _row(
        K.WIDGET,
        r"\d{1,3} min(?:ute)?s?(?: read| listen)|listen to (?:this )?(?:article|story)(?:\s*[·•|-]?\s*\d{1,3} min(?:ute)?s?)?",
        "4 min read",
        "a reading-time or audio-player label",
    ),
    # --- timestamps -------------------------------------------------------------------------------------
    _row(K.TIMESTAMP, TIMESTAMP, "Updated 3:14 PM EDT, August 3, 2023", "the page's own date or time on its own line"),
    # --- source link and empty byline -------------------------------------------------------------------
    _row(
        K.SOURCE_LINK,
        r"source link|original (?:source|article|post|story)|(?:read|view) (?:the )?original (?:article|story|post)",
        "Source link",
        "an aggregator's link back to where it copied the story",
    ),
    _row(
        K.SOURCE_LINK,
        r"abstract(?:/full text)? \(subscription or payment may be required\)|(?:abstract|full text)(?:/(?:abstract|full text))?",
        "Abstract/Full Text (subscription or payment may be required)",
        "a health service's link to the study the story reports",
    ),
    _row(K.EMPTY_BYLINE, rf"by\s*(?:[|:·•,–—-]\s*)*(?:{TIMESTAMP})?", "By |", "a byline whose name field is empty"),
    _row(K.SEPARATOR, r"[_*=~#•·\-–—+\s]{3,}", "___", "a rule between the story and its notes"),
)
"""Every kind of furniture the readers remove, in the order they are tried."""

FOLLOW_PROMPT: Final = _FOLLOW_SITE.pattern
"""The follow prompt names the site that republished the text; ingest reads the name from it."""

MAX_FURNITURE_CHARS: Final = 300
"""Longer lines are never furniture: every pattern describes a short line."""


def match(line: str) -> FurniturePattern | None:
    """The row of the table this whole line matches, or None when it may be article text."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_FURNITURE_CHARS:
        return None
    for row in PATTERNS:
        if row.pattern.fullmatch(stripped):
            return row
    return None


def classify(line: str) -> BoilerplateKind | None:
    """The kind of furniture this whole line is, or None when it may be article text."""
    row = match(line)
    return row.kind if row is not None else None


@cache
def kind_descriptions() -> dict[BoilerplateKind, str]:
    """Each kind's docstring from :class:`~medialit.article.BoilerplateKind`, so the documentation is made from the code."""
    tree = ast.parse(inspect.getsource(BoilerplateKind))
    body = tree.body[0].body if isinstance(tree.body[0], ast.ClassDef) else []
    descriptions: dict[BoilerplateKind, str] = {}
    for statement, following in itertools.pairwise(body):
        if (
            isinstance(statement, ast.Assign)
            and isinstance(target := statement.targets[0], ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            descriptions[BoilerplateKind[target.id]] = " ".join(following.value.value.split())
    return descriptions


OTHER_EXAMPLES: Final = {
    K.SUBHEADING: "`## What the report found` (Markdown), `<h2>` (HTML)",
    K.SCRIPT: "`<script>`, `<style>`",
    K.FOOTER: "`<footer>`",
    K.SIDEBAR: "`<aside>`",
    K.NOT_MAIN_TEXT: "a teaser's blurb under another story's headline",
    K.SOURCE_LINK: "`SOURCE: Journal of Occupational Eye Health`",
    K.COPYRIGHT: "`© 2022 CHNV News. All rights reserved.`",
    K.ORIGINALLY_PUBLISHED: "`Originally published by the Telegraph on February 11, 2023`",
    K.CONTRIBUTORS: "`With News Wire Services`; `… contributed to this report.`",
    K.EDITORS_NOTE: "`Editor's note: An earlier version misstated the year.`",
}
"""Examples of the kinds found by the HTML and Markdown structure or as provenance lines (:mod:`.lines`), not by a row."""


def markdown_table() -> str:
    """The furniture table of docs/analysis.md: each kind, what it is, and an example of each of its patterns."""
    rows = ["| kind | what it is | examples removed |", "|---|---|---|"]
    for kind, description in kind_descriptions().items():
        found = [f"`{row.example}`" for row in PATTERNS if row.kind is kind]
        examples = "; ".join([*found, *([OTHER_EXAMPLES[kind]] if kind in OTHER_EXAMPLES else [])])
        rows.append(f"| `{kind.value}` | {description.replace('|', '&#124;')} | {examples.replace('|', chr(92) + '|')} |")
    return "\n".join(rows) + "\n"
