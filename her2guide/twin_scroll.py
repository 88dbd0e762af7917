"""Keeping two language versions of a page at the same section while one of them scrolls.

Both versions of a page have the same headings (``##``, ``###``), at different heights because
German runs longer. Each page is described by a :class:`ScrollGeometry`; the headings found in
both, in the same order, are the fixed points, and between two of them the other page moves in
proportion. Without matching headings the whole page moves in proportion.

Plain Python without Qt: the side-by-side view measures the documents and applies the result.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

Heading = tuple[int, float]
"""A heading's level (1 to 6) and its top in document coordinates."""


@dataclass(frozen=True)
class ScrollGeometry:
    """One scrolling page: its headings, its full height and its scroll range (0 to maximum)."""

    headings: Sequence[Heading]
    height: float
    maximum: int


def matching_anchors(
    first: Sequence[Heading], second: Sequence[Heading]
) -> tuple[list[float], list[float]]:
    """The heading positions that correspond, pairwise, in two versions of a page.

    All headings when both have the same levels in the same order; else only the ``#``/``##``
    ones if those agree; else none (the caller then scrolls in proportion).
    """
    for deepest in (6, 2):
        a = [(level, top) for level, top in first if level <= deepest]
        b = [(level, top) for level, top in second if level <= deepest]
        if [level for level, _ in a] == [level for level, _ in b]:
            return [top for _, top in a], [top for _, top in b]
    return [], []


def _reading_line(value: float, page: ScrollGeometry) -> float:
    """Where on the page the reader is: the top of the view at the start, its bottom at the end.

    This line runs from 0 to the page height while the scroll value runs from 0 to the maximum,
    so the two ends of one page always meet the two ends of the other.
    """
    if page.maximum <= 0:
        return 0.0
    return value * page.height / page.maximum


def counterpart_value(value: float, source: ScrollGeometry, target: ScrollGeometry) -> int:
    """The scroll value of ``target`` that shows the section ``source`` shows at ``value``."""
    if target.maximum <= 0 or source.height <= 0 or target.height <= 0:
        return 0
    line = min(max(_reading_line(value, source), 0.0), source.height)
    ours, theirs = matching_anchors(source.headings, target.headings)
    ours = [0.0, *ours, source.height]
    theirs = [0.0, *theirs, target.height]
    index = min(max(bisect.bisect_right(ours, line) - 1, 0), len(ours) - 2)
    span = ours[index + 1] - ours[index]
    fraction = (line - ours[index]) / span if span > 0 else 0.0
    target_line = theirs[index] + fraction * (theirs[index + 1] - theirs[index])
    return round(min(max(target_line * target.maximum / target.height, 0), target.maximum))
