"""The line-of-therapy timeline as data: stages in lanes, options in stages, their sources.

Plain Python without Qt, so that ``her2guide check`` and the tests use it without a display.
loader.py reads timeline.yaml into these records, pair_check.py compares the two languages,
cursor.py moves through a timeline; ``ui.timeline_widget`` draws one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from her2guide.content.model import Source

LANES: tuple[str, ...] = ("main", "side")

_CITATION_WITH_SPACE = re.compile(r"\s*\[S\d+\]")


def strip_citations(text: str) -> str:
    """The text without its ``[S1]`` markers, for places that cannot show a source list."""
    return _CITATION_WITH_SPACE.sub("", text)


@dataclass(frozen=True)
class Option:
    """One treatment choice inside a stage, with what a patient needs to talk about it."""

    id: str
    name: str
    brand: str
    what: str
    trial: str
    result: str
    sources: tuple[Source, ...]
    side_effects: tuple[str, ...]
    status: str
    """The id of its entry in the approval-status register, or "" when it has none."""
    ask: str
    page: str
    line: int = field(default=1, compare=False, repr=False)
    key_lines: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def label(self) -> str:
        """Generic name with the brand in brackets, the way patients hear both."""
        return f"{self.name} ({self.brand})" if self.brand else self.name


@dataclass(frozen=True)
class Stage:
    """A line of therapy (main lane) or a special situation (side lane) with its options."""

    id: str
    lane: str
    label: str
    description: str
    options: tuple[Option, ...]
    line: int = field(default=1, compare=False, repr=False)
    key_lines: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Timeline:
    """The whole treatment path in one language."""

    title: str
    stages: tuple[Stage, ...]

    @property
    def main_stages(self) -> tuple[Stage, ...]:
        return tuple(stage for stage in self.stages if stage.lane == "main")

    @property
    def side_stages(self) -> tuple[Stage, ...]:
        return tuple(stage for stage in self.stages if stage.lane == "side")

    @property
    def reading_order(self) -> tuple[Stage, ...]:
        """The main lane left to right, then the side lanes: the order the keyboard follows."""
        return self.main_stages + self.side_stages

    def stage(self, stage_id: str) -> Stage | None:
        return next((stage for stage in self.stages if stage.id == stage_id), None)

    def find(self, target_id: str) -> tuple[Stage, Option | None] | None:
        """The stage with this id, or the option with this id and its stage."""
        for stage in self.stages:
            if stage.id == target_id:
                return stage, None
            for option in stage.options:
                if option.id == target_id:
                    return stage, option
        return None
