"""Register entries in words: the sentence a page shows and the badges the timeline draws.

Every text puts the reader's region first. Qt-free: the renderer, the timeline and tests use it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from her2guide.content.status_register import (
    REGIONS,
    RegionStatus,
    RegisterEntry,
    When,
    region_order,
)
from her2guide.i18n import N_, format_date, format_month, gettext_for

REGION_NAMES = {
    "eu": N_("In the EU (Germany, Austria)"),
    "ch": N_("In Switzerland"),
    "us": N_("In the US"),
}
REGION_SHORT = {"eu": N_("EU"), "ch": N_("CH"), "us": N_("US")}
_PHRASES = {
    ("approved", True): N_("approved since {date}"),
    ("approved", False): N_("approved"),
    ("under-review", True): N_("under review since {date}"),
    ("under-review", False): N_("under review"),
    ("not-approved", True): N_("not approved (decision of {date})"),
    ("not-approved", False): N_("not approved"),
    ("unknown", True): N_("no approval found in our sources"),
    ("unknown", False): N_("no approval found in our sources"),
}
_BADGE_WORDS = {
    "under-review": N_("{region}: under review"),
    "not-approved": N_("{region}: not approved"),
}
LEGEND = (
    ("approved", N_("EU · CH · US"), N_("Approved (EU: Germany, Austria; CH: Switzerland)")),
    ("under-review", N_("under review"), N_("Under review by the authorities")),
    ("not-approved", N_("not approved"), N_("Not approved for this use")),
)
"""The badge kinds the timeline explains in its legend: kind, sample badge, meaning."""


@dataclass(frozen=True)
class Badge:
    """One region's status on a timeline card: ``kind`` chooses the frame, ``text`` is shown."""

    kind: str
    region: str
    text: str


def format_when(when: When, lang: str) -> str:
    """A decision date at the precision the source gives: 2013, March 2026 or 20 March 2026."""
    if when.month is None:
        return str(when.year)
    if when.day is None:
        return format_month(dt.date(when.year, when.month, 1), lang)
    return format_date(dt.date(when.year, when.month, when.day), lang)


def region_clause(region: str, status: RegionStatus, lang: str) -> str:
    """``In the EU (Germany, Austria): approved since February 2021, after ...``"""
    phrase = gettext_for(lang, _PHRASES[(status.status, status.date is not None)])
    if status.date is not None:
        phrase = phrase.format(date=format_when(status.date, lang))
    clause = f"{gettext_for(lang, REGION_NAMES[region])}: {phrase}"
    if status.condition is not None and status.status != "unknown":
        # A refusal's condition is a sentence of its own ("... is approved only for ...").
        joint = "; " if status.status == "not-approved" else ", "
        clause += f"{joint}{status.condition.text[lang]}"
    return clause


def clauses(entry: RegisterEntry, reader_region: str, lang: str) -> list[str]:
    """One clause per region, the reader's region first."""
    return [
        region_clause(region, entry.regions[region], lang) for region in region_order(reader_region)
    ]


def checked_note(entry: RegisterEntry, lang: str) -> str:
    checked = format_date(entry.checked, lang)
    return gettext_for(lang, "Last checked by us on {date}.").format(date=checked)


def sentence(entry: RegisterEntry, reader_region: str, lang: str) -> str:
    """The whole status in words, for a ``{{status:ID}}`` marker: a short sentence per region,
    then the date of our last check."""
    text = " ".join(f"{clause}." for clause in clauses(entry, reader_region, lang))
    text += " " + checked_note(entry, lang)
    if any(entry.regions[region].status != "approved" for region in REGIONS):
        text += " " + gettext_for(lang, "Ask your care team what applies to you.")
    return text


def badges(entry: RegisterEntry | None, reader_region: str, lang: str) -> list[Badge]:
    """The badges of one timeline option: a region that approved it, with its condition, or
    that is reviewing it or said no; regions without a known decision get no badge."""
    if entry is None:
        return []
    result = []
    for region in region_order(reader_region):
        status = entry.regions[region]
        if status.status == "unknown":
            continue
        short = gettext_for(lang, REGION_SHORT[region])
        if status.status == "approved":
            text = short
            if status.condition is not None:
                text += f": {status.condition.badge[lang]}"
        else:
            text = gettext_for(lang, _BADGE_WORDS[status.status]).format(region=short)
        result.append(Badge(status.status, region, text))
    return result
