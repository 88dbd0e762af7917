"""Puts the reader's own country first on pages that list help country by country.

Like the status fill-in, this runs on the rendered page each time it is shown, so the rendered
page (and its cache) stays the same for every region and a new region choice shows at once.
"""

from __future__ import annotations

import re

COUNTRY_SECTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "help-and-support": {
        "eu": ("germany", "austria", "deutschland", "osterreich"),
        "ch": ("switzerland", "schweiz"),
    },
}
"""Per page and reader's region: the ids of its country headings (English and German)."""

_SECTION_START = re.compile(r"(?=<h2[ >])")
_SECTION_ID = re.compile(r'<h2 id="([^"]*)"')


def _section_id(section: str) -> str | None:
    match = _SECTION_ID.match(section)
    return match.group(1) if match else None


def reader_region_first(document: str, page_id: str, region: str) -> str:
    """The page with the reader's country sections moved to the top of the country list.

    Other sections keep their place and order; a page or region without country sections is
    returned unchanged.
    """
    by_region = COUNTRY_SECTIONS.get(page_id, {})
    own = set(by_region.get(region, ()))
    if not own:
        return document
    countries = {section_id for ids in by_region.values() for section_id in ids}
    head, *sections = _SECTION_START.split(document)
    mine = [s for s in sections if _section_id(s) in own]
    rest = [s for s in sections if _section_id(s) not in own]
    if not mine:
        return document
    start = next((i for i, s in enumerate(rest) if _section_id(s) in countries), len(rest))
    return head + "".join(rest[:start] + mine + rest[start:])
