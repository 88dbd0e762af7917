"""Checks that the English and German timelines describe the same path: the same stages and
options in the same order, the same lanes, statuses and pages, as many sources and side
effects, and no optional text (brand, trial) filled in one language only."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from her2guide.content.model import Problem
from her2guide.timeline.loader import load_timeline
from her2guide.timeline.model import Option, Stage, Timeline


def check_timeline_pair(
    en: Timeline, de: Timeline, page_ids: Iterable[str], en_path: Path, de_path: Path
) -> list[Problem]:
    """Checks that the two languages describe the same path and link to pages that exist.

    A missing translation is a stage or option present in one language only, or an optional
    text (brand, trial) that one language fills in and the other leaves empty.
    """
    check = _PairCheck(en_path, de_path)
    known_pages = set(page_ids)
    for timeline, other, here, there in ((en, de, en_path, de_path), (de, en, de_path, en_path)):
        check.presence(timeline, other, here, there, known_pages)
    check.same_order(en.stages, de.stages, "stage")
    for en_stage in en.stages:
        de_stage = de.stage(en_stage.id)
        if de_stage is None:
            continue
        check.differs("lane", en_stage.lane, de_stage.lane, de_stage)
        check.same_order(en_stage.options, de_stage.options, "option")
        de_options = {option.id: option for option in de_stage.options}
        for en_option in en_stage.options:
            de_option = de_options.get(en_option.id)
            if de_option is not None:
                check.option_pair(en_option, de_option)
    return check.problems


def check_timeline_files(en_path: Path, de_path: Path, page_ids: Iterable[str]) -> list[Problem]:
    """Everything ``her2guide check`` needs to say about the timeline, in one call."""
    en, problems = load_timeline(en_path)
    de, de_problems = load_timeline(de_path)
    problems += de_problems
    if en is not None and de is not None:
        problems += check_timeline_pair(en, de, page_ids, en_path, de_path)
    return sorted(problems)


def _name_of(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


class _PairCheck:
    """Collects the problems of one English/German pair, in the order they are found."""

    def __init__(self, en_path: Path, de_path: Path) -> None:
        self.en_path, self.de_path = en_path, de_path
        self.problems: list[Problem] = []

    def presence(
        self, timeline: Timeline, other: Timeline, here: Path, there: Path, known_pages: set[str]
    ) -> None:
        """Stages and options of ``timeline`` that ``other`` lacks, and links to unknown pages."""
        self.missing(timeline.stages, here, there, "stage", {stage.id for stage in other.stages})
        for stage in timeline.stages:
            other_stage = other.stage(stage.id)
            if other_stage is not None:
                self.missing(
                    stage.options,
                    here,
                    there,
                    "option",
                    {option.id for option in other_stage.options},
                )
            for option in stage.options:
                if option.page and option.page not in known_pages:
                    self.problems.append(
                        Problem(
                            here,
                            option.key_lines.get("page", option.line),
                            f"option '{option.id}': unknown page '{option.page}' "
                            f"(no page with this id in content/)",
                        )
                    )

    def missing(
        self, items: Iterable[Stage | Option], here: Path, other: Path, kind: str, present: set[str]
    ) -> None:
        for item in items:
            if item.id not in present:
                self.problems.append(
                    Problem(
                        here,
                        item.line,
                        f"{kind} '{item.id}' is missing from {_name_of(other)}: "
                        "missing translation",
                    )
                )

    def same_order(
        self,
        en_items: tuple[Stage | Option, ...],
        de_items: tuple[Stage | Option, ...],
        kind: str,
    ) -> None:
        shared = {item.id for item in en_items} & {item.id for item in de_items}
        en_order = list(dict.fromkeys(item.id for item in en_items if item.id in shared))
        de_first: dict[str, Stage | Option] = {}
        for item in de_items:
            if item.id in shared:
                de_first.setdefault(item.id, item)  # a duplicate id is reported by the loader
        de_order = list(de_first.values())
        for expected, item in zip(en_order, de_order, strict=True):
            if item.id != expected:
                self.problems.append(
                    Problem(
                        self.de_path,
                        item.line,
                        f"{kind}s are in another order than in {_name_of(self.en_path)} "
                        f"(expected: {', '.join(en_order)})",
                    )
                )
                return

    def differs(
        self, key: str, en_value: object, de_value: object, de_item: Stage | Option
    ) -> None:
        if en_value != de_value:
            self.problems.append(
                Problem(
                    self.de_path,
                    de_item.key_lines.get(key, de_item.line),
                    f"'{de_item.id}': '{key}' is {de_value!r} here but {en_value!r} in "
                    f"{_name_of(self.en_path)}; it must be the same in both languages",
                )
            )

    def option_pair(self, en_option: Option, de_option: Option) -> None:
        """One option in both languages: same status and page, as many sources and side
        effects, brand and trial filled in both or in neither."""
        self.differs("status", en_option.status, de_option.status, de_option)
        self.differs("page", en_option.page, de_option.page, de_option)
        for key in ("sources", "side_effects"):
            en_count = len(getattr(en_option, key))
            de_count = len(getattr(de_option, key))
            if en_count != de_count:
                self.problems.append(
                    Problem(
                        self.de_path,
                        de_option.key_lines.get(key, de_option.line),
                        f"option '{de_option.id}': {de_count} {key} here but {en_count} in "
                        f"{_name_of(self.en_path)}; translate each one",
                    )
                )
        for key in ("brand", "trial"):
            en_value, de_value = getattr(en_option, key), getattr(de_option, key)
            if bool(en_value) != bool(de_value):
                empty, here, there = (
                    (de_option, self.de_path, self.en_path)
                    if en_value
                    else (en_option, self.en_path, self.de_path)
                )
                self.problems.append(
                    Problem(
                        here,
                        empty.line,
                        f"option '{empty.id}': '{key}' is empty here but filled in "
                        f"{_name_of(there)}: missing translation",
                    )
                )
