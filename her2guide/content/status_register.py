"""The approval-status register: one entry per regimen and indication, read by pages and timeline.

A status is written once, in ``content/status-register.yaml``, so that a change of status is one
edit. Pages refer to an entry with ``{{status:ENTRY-ID}}``; the timeline names an entry in an
option's ``status``. Plain Python without Qt, so that ``her2guide check`` and tests use it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from her2guide.content.model import Problem
from her2guide.i18n import LANGUAGES

if TYPE_CHECKING:
    from her2guide.content.pages import EntryFields

REGISTER_FILE = "status-register.yaml"
REGIONS: tuple[str, ...] = ("eu", "ch", "us")
"""The regions the register knows: the EU (covers Germany and Austria), Switzerland, the US."""
STATUSES: tuple[str, ...] = ("approved", "under-review", "not-approved", "unknown")
READER_REGIONS: tuple[str, ...] = ("eu", "ch", "other")
"""What a reader can choose in Preferences (settings key ``region``)."""
DEFAULT_READER_REGION = "other"
STALE_AFTER_DAYS = 183
"""An entry last checked longer ago than about six months gets a warning."""
MARKER = re.compile(r"\{\{status:([^{}]*)\}\}")

_ENTRY_KEYS = ("id", "regimen", "checked", *REGIONS)
_REGION_KEYS = ("status", "date", "source", "condition")
_CONDITION_KEYS = ("badge", *LANGUAGES)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True)
class When:
    """A decision date as precise as the source gives it: a year, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True)
class Condition:
    """Words that limit a status ("after at least two anti-HER2 treatments"), per language,
    and a short form for the timeline badge."""

    text: dict[str, str]
    badge: dict[str, str]


@dataclass(frozen=True)
class RegionStatus:
    status: str
    date: When | None = None
    source: str = ""
    condition: Condition | None = None


@dataclass(frozen=True)
class RegisterEntry:
    id: str
    regimen: dict[str, str]
    checked: dt.date
    regions: dict[str, RegionStatus]
    line: int = 1


@dataclass(frozen=True)
class StatusRegister:
    path: Path
    entries: dict[str, RegisterEntry]

    def get(self, entry_id: str) -> RegisterEntry | None:
        return self.entries.get(entry_id)


def region_order(reader_region: str) -> tuple[str, ...]:
    """The register's regions with the reader's own first (Switzerland, then the EU, ...)."""
    first = reader_region if reader_region in REGIONS else None
    return tuple(r for r in REGIONS if r == first) + tuple(r for r in REGIONS if r != first)


def _when(value: object) -> When | None:
    if isinstance(value, dt.date):
        return When(value.year, value.month, value.day)
    match = _DATE.match(str(value).strip())
    if match is None:
        return None
    year = int(match.group(1))
    month, day = (int(part) if part else None for part in match.groups()[1:])
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return When(year, month, day)


def _texts(
    fields: EntryFields, value: object, key: str, what: str, allowed: tuple[str, ...] = LANGUAGES
) -> dict[str, str] | None:
    """A mapping of language to text, with every language filled in; problems at ``key``."""
    if not isinstance(value, dict):
        fields.fail(key, f"{what} must give the text per language ({', '.join(LANGUAGES)})")
        return None
    for name in value:
        if name not in allowed:
            fields.fail(key, f"{what} has an unknown key '{name}'; allowed: {', '.join(allowed)}")
    texts = {}
    for lang in LANGUAGES:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            fields.fail(key, f"{what} needs a '{lang}' text")
            return None
        texts[lang] = text.strip()
    return texts


def _region(fields: EntryFields, region: str) -> RegionStatus | None:
    data = fields.data.get(region)
    what = f"'{region}'"
    if not isinstance(data, dict):
        fields.fail(region, f"{what} must hold 'status' and, unless unknown, 'source'")
        return None
    allowed = ", ".join(_REGION_KEYS)
    for key in data:
        if key not in _REGION_KEYS:
            fields.fail(region, f"{what} has an unknown key '{key}'; allowed: {allowed}")
    status = data.get("status")
    if status not in STATUSES:
        fields.fail(region, f"{what}: status must be one of {', '.join(STATUSES)}, not {status!r}")
        return None
    source = data.get("source")
    source = source.strip() if isinstance(source, str) else ""
    if status != "unknown" and not source:
        fields.fail(region, f"{what}: status '{status}' needs a 'source' (a URL or a DOI)")
    if source and not (source.startswith(("https://", "http://")) or source.startswith("10.")):
        fields.fail(region, f"{what}: source must be a URL (https://...) or a DOI (10....)")
    when = None
    if data.get("date") is not None:
        when = _when(data["date"])
        if when is None:
            fields.fail(region, f"{what}: date must be like 2026-03-20, 2026-03 or 2026")
    condition = None
    if data.get("condition") is not None:
        value = data["condition"]
        texts = _texts(fields, value, region, f"{what} condition", _CONDITION_KEYS)
        badge = value.get("badge") if isinstance(value, dict) else None
        badge_texts = _texts(fields, badge, region, f"{what} badge") if badge else None
        if texts is not None:
            condition = Condition(texts, badge_texts or texts)
    return RegionStatus(status, when, source, condition)


def load_register(path: Path) -> tuple[StatusRegister, list[Problem]]:
    """The register file's entries; every wrong field is a problem with file and line."""

    def build(fields: EntryFields) -> RegisterEntry | None:
        regimen = _texts(fields, fields.data.get("regimen"), "regimen", "'regimen'")
        checked = fields.get("checked", dt.date, "a date like 2026-12-06")
        regions = {}
        for region in REGIONS:
            if region not in fields.data:
                hint = "write 'status: unknown' when no decision was found"
                message = f"missing region '{region}' ({hint})"
                fields.problems.append(Problem(fields.path, fields.line, message))
                continue
            status = _region(fields, region)
            if status is not None:
                regions[region] = status
        if regimen is None or checked is None or len(regions) != len(REGIONS):
            return None
        return RegisterEntry(fields.data["id"], regimen, checked, regions, fields.line)

    if not path.exists():  # content without statuses needs no register
        return StatusRegister(path, {}), []
    from her2guide.content.pages import parse_entries  # YAML: read only when a page needs it

    entries, problems = parse_entries(path, _ENTRY_KEYS, build)
    return StatusRegister(path, {entry.id: entry for entry in entries}), problems


def stale_entries(register: StatusRegister, today: dt.date) -> list[Problem]:
    """Warnings for entries whose last check is more than about six months old."""
    return [
        Problem(
            register.path,
            entry.line,
            f"warning: '{entry.id}' was last checked on {entry.checked.isoformat()}, "
            "more than 6 months ago; check the sources again",
        )
        for entry in register.entries.values()
        if (today - entry.checked).days > STALE_AFTER_DAYS
    ]


def marker_ids(text: str) -> list[str]:
    """The entry ids of every ``{{status:ID}}`` marker in a text."""
    return [match.strip() for match in MARKER.findall(text)]
