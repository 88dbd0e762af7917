"""The line-of-therapy timeline as data: loading and checking timeline.yaml, and moving through it.

Plain Python without Qt, so that ``her2guide check`` and the tests use it without a display;
``ui.timeline_widget`` draws a :class:`Timeline` and observes a :class:`TimelineCursor`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from her2guide.content.model import ContentError, Problem, Source
from her2guide.content.yamlsource import child, item_lines, key_lines, parse_yaml

LANES: tuple[str, ...] = ("main", "side")

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_CITATION = re.compile(r"\[S(\d+)\]")
_CITATION_WITH_SPACE = re.compile(r"\s*\[S\d+\]")

_TOP_KEYS = ("title", "stages")
_STAGE_KEYS = ("id", "lane", "label", "description", "options")
_OPTION_KEYS = ("id", "name", "what", "result", "sources", "side_effects", "ask", "page")
_OPTION_OPTIONAL_KEYS = ("brand", "trial", "status")
_SOURCE_LINK_KEYS = ("doi", "pmid", "url")
_CITING_KEYS = ("name", "what", "result", "ask")


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


# -- loading ------------------------------------------------------------------------------------


def load_timeline(path: Path) -> tuple[Timeline | None, list[Problem]]:
    """Reads one language's timeline.yaml; every problem names its file and line.

    The timeline is None only when the file cannot be used at all; otherwise it holds the stages
    and options that passed, so that one bad entry does not hide the rest of the path.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(path, 1, "the timeline file is missing")]
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(path, 1, f"cannot read the timeline file: {error}")]
    try:
        data, node = parse_yaml(text, path)
    except ContentError as error:
        return None, [error.problem]
    reader = _Reader(path)
    return reader.timeline(data, node), reader.problems


class _Reader:
    """Turns parsed YAML into the model, collecting problems instead of stopping at the first."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self._ids: dict[str, int] = {}

    def report(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def timeline(self, data: Any, node: yaml.Node | None) -> Timeline | None:
        lines = self._mapping(data, node, 1, "the timeline", _TOP_KEYS)
        if lines is None:
            return None
        title = self._text(data, "title", lines, 1, "the timeline")
        stages_line = lines.get("stages", 1)
        items = data["stages"]
        if not isinstance(items, list) or not items:
            self.report(stages_line, "'stages' must be a list with at least one stage")
            return None
        stages_node = child(node, "stages")
        nodes = stages_node.value if isinstance(stages_node, yaml.SequenceNode) else []
        stages = tuple(
            stage
            for item, item_node, line in zip(items, nodes, item_lines(stages_node, 1), strict=True)
            if (stage := self._stage(item, item_node, line)) is not None
        )
        if not any(stage.lane == "main" for stage in stages):
            self.report(stages_line, "the timeline needs at least one stage with 'lane: main'")
        return Timeline(title, stages)

    def _stage(self, data: Any, node: yaml.Node, line: int) -> Stage | None:
        lines = self._mapping(data, node, line, "a stage", _STAGE_KEYS)
        if lines is None:
            return None
        stage_id = self._id(data, lines, line, "a stage")
        what = f"stage '{stage_id}'"
        lane = self._text(data, "lane", lines, line, what)
        if lane and lane not in LANES:
            self.report(
                lines["lane"], f"{what}: unknown lane '{lane}'; use one of {', '.join(LANES)}"
            )
        label = self._text(data, "label", lines, line, what)
        description = self._text(data, "description", lines, line, what)
        items = data["options"]
        if not isinstance(items, list) or not items:
            self.report(
                lines["options"], f"{what}: 'options' must be a list with at least one option"
            )
            return None
        options_node = child(node, "options")
        nodes = options_node.value if isinstance(options_node, yaml.SequenceNode) else []
        options = tuple(
            option
            for item, item_node, item_line in zip(
                items, nodes, item_lines(options_node, 1), strict=True
            )
            if (option := self._option(item, item_node, item_line)) is not None
        )
        return Stage(stage_id, lane, label, description, options, line, lines)

    def _option(self, data: Any, node: yaml.Node, line: int) -> Option | None:
        lines = self._mapping(data, node, line, "an option", _OPTION_KEYS, _OPTION_OPTIONAL_KEYS)
        if lines is None:
            return None
        option_id = self._id(data, lines, line, "an option")
        what = f"option '{option_id}'"
        texts = {
            key: self._text(data, key, lines, line, what, required=key not in _OPTION_OPTIONAL_KEYS)
            for key in (*_OPTION_KEYS, *_OPTION_OPTIONAL_KEYS)
            if key not in ("id", "sources", "side_effects")
        }
        sources = self._sources(data["sources"], child(node, "sources"), lines["sources"], what)
        side_effects = self._text_list(data, "side_effects", lines, what, allow_empty=False)
        status = texts["status"]
        if status and not _ID.fullmatch(status):
            self.report(
                lines["status"],
                f"{what}: 'status' must name an entry of the status register, not '{status}'",
            )
        page = texts["page"]
        if page and not _ID.fullmatch(page):
            self.report(lines["page"], f"{what}: '{page}' is not a page id (a page's file name)")
        self._check_citations(
            {**{key: texts[key] for key in _CITING_KEYS}, "side_effects": " ".join(side_effects)},
            lines,
            len(sources),
            what,
        )
        return Option(
            id=option_id,
            name=texts["name"],
            brand=texts["brand"],
            what=texts["what"],
            trial=texts["trial"],
            result=texts["result"],
            sources=sources,
            side_effects=side_effects,
            status=status,
            ask=texts["ask"],
            page=page,
            line=line,
            key_lines=lines,
        )

    def _check_citations(
        self, texts: Mapping[str, str], lines: Mapping[str, int], count: int, what: str
    ) -> None:
        for key, text in texts.items():
            for number in _CITATION.findall(text):
                if not 1 <= int(number) <= count:
                    self.report(
                        lines[key],
                        f"{what}: [S{number}] in '{key}' points to no source "
                        f"(the option lists {count})",
                    )
        if texts["result"] and not _CITATION.search(texts["result"]):
            self.report(lines["result"], f"{what}: 'result' must cite its source, e.g. [S1]")

    def _sources(
        self, items: Any, node: yaml.Node | None, line: int, what: str
    ) -> tuple[Source, ...]:
        """Sources as on pages: each with text and a DOI, PMID or URL where it can be read."""
        if not isinstance(items, list) or not items:
            self.report(line, f"{what}: 'sources' must be a list with at least one source")
            return ()
        nodes = node.value if isinstance(node, yaml.SequenceNode) else []
        sources = []
        for item, item_node, item_line in zip(items, nodes, item_lines(node, 1), strict=True):
            lines = self._mapping(
                item, item_node, item_line, f"a source of {what}", ("text",), _SOURCE_LINK_KEYS
            )
            if lines is None:
                continue
            text = self._text(item, "text", lines, item_line, f"a source of {what}")
            links: dict[str, str | None] = {}
            for key in _SOURCE_LINK_KEYS:
                value = item.get(key)
                if isinstance(value, int) and not isinstance(value, bool) and key == "pmid":
                    value = str(value)
                if value is not None and not (isinstance(value, str) and value.strip()):
                    self.report(lines[key], f"a source of {what}: '{key}' must be text")
                    value = None
                links[key] = value.strip() if isinstance(value, str) else None
            if not any(links.values()):
                self.report(item_line, f"a source of {what} needs a 'doi', 'pmid' or 'url'")
            sources.append(Source(text, **links))
        return tuple(sources)

    def _mapping(
        self,
        data: Any,
        node: yaml.Node | None,
        line: int,
        what: str,
        required: tuple[str, ...],
        optional: tuple[str, ...] = (),
    ) -> dict[str, int] | None:
        """The line of each key, after checking for required and unknown keys; None if unusable."""
        if not isinstance(data, dict):
            self.report(line, f"{what} must be a set of 'key: value' lines")
            return None
        lines = key_lines(node, 1)
        allowed = (*required, *optional)
        for key in data:
            if key not in allowed:
                self.report(
                    lines.get(str(key), line),
                    f"unknown key '{key}' in {what}; allowed: {', '.join(allowed)}",
                )
        missing = [key for key in required if key not in data]
        for key in missing:
            self.report(line, f"{what} lacks the required key '{key}'")
        return None if missing else lines

    def _text(
        self,
        data: Mapping[str, Any],
        key: str,
        lines: Mapping[str, int],
        line: int,
        what: str,
        *,
        required: bool = True,
    ) -> str:
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.report(lines.get(key, line), f"{what}: '{key}' is empty")
            return ""
        if not isinstance(value, str):
            self.report(lines.get(key, line), f"{what}: '{key}' must be text, not {value!r}")
            return ""
        return value.strip()

    def _text_list(
        self,
        data: Mapping[str, Any],
        key: str,
        lines: Mapping[str, int],
        what: str,
        *,
        allow_empty: bool,
    ) -> tuple[str, ...]:
        value = data.get(key)
        if value is None and allow_empty:
            return ()
        if not isinstance(value, list) or not all(
            isinstance(item, str) and item.strip() for item in value
        ):
            self.report(lines[key], f"{what}: '{key}' must be a list of texts, e.g. [a, b]")
            return ()
        if not value and not allow_empty:
            self.report(lines[key], f"{what}: '{key}' needs at least one entry")
        return tuple(item.strip() for item in value)

    def _id(self, data: Mapping[str, Any], lines: Mapping[str, int], line: int, what: str) -> str:
        value = self._text(data, "id", lines, line, what)
        id_line = lines.get("id", line)
        if value and not _ID.fullmatch(value):
            self.report(id_line, f"'{value}' is not a valid id: lower-case words joined by hyphens")
        elif value in self._ids:
            self.report(
                id_line, f"the id '{value}' is used twice (first on line {self._ids[value]})"
            )
        elif value:
            self._ids[value] = id_line
        return value


# -- both languages ------------------------------------------------------------------------------


def check_timeline_pair(
    en: Timeline, de: Timeline, page_ids: Iterable[str], en_path: Path, de_path: Path
) -> list[Problem]:
    """Checks that the two languages describe the same path and link to pages that exist.

    A missing translation is a stage or option present in one language only, or an optional
    text (brand, trial) that one language fills in and the other leaves empty.
    """
    known_pages = set(page_ids)
    problems: list[Problem] = []

    def name_of(path: Path) -> str:
        return f"{path.parent.name}/{path.name}"

    def missing(
        items: Iterable[Stage | Option], here: Path, other: Path, kind: str, present: set[str]
    ) -> None:
        for item in items:
            if item.id not in present:
                problems.append(
                    Problem(
                        here,
                        item.line,
                        f"{kind} '{item.id}' is missing from {name_of(other)}: missing translation",
                    )
                )

    def same_order(
        en_items: tuple[Stage | Option, ...], de_items: tuple[Stage | Option, ...], kind: str
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
                problems.append(
                    Problem(
                        de_path,
                        item.line,
                        f"{kind}s are in another order than in {name_of(en_path)} "
                        f"(expected: {', '.join(en_order)})",
                    )
                )
                return

    def differs(key: str, en_value: object, de_value: object, de_item: Stage | Option) -> None:
        if en_value != de_value:
            problems.append(
                Problem(
                    de_path,
                    de_item.key_lines.get(key, de_item.line),
                    f"'{de_item.id}': '{key}' is {de_value!r} here but {en_value!r} in "
                    f"{name_of(en_path)}; it must be the same in both languages",
                )
            )

    for timeline, other, here, there in ((en, de, en_path, de_path), (de, en, de_path, en_path)):
        missing(timeline.stages, here, there, "stage", {stage.id for stage in other.stages})
        for stage in timeline.stages:
            other_stage = other.stage(stage.id)
            if other_stage is not None:
                missing(
                    stage.options,
                    here,
                    there,
                    "option",
                    {option.id for option in other_stage.options},
                )
            for option in stage.options:
                if option.page and option.page not in known_pages:
                    problems.append(
                        Problem(
                            here,
                            option.key_lines.get("page", option.line),
                            f"option '{option.id}': unknown page '{option.page}' "
                            f"(no page with this id in content/)",
                        )
                    )

    same_order(en.stages, de.stages, "stage")
    for en_stage in en.stages:
        de_stage = de.stage(en_stage.id)
        if de_stage is None:
            continue
        differs("lane", en_stage.lane, de_stage.lane, de_stage)
        same_order(en_stage.options, de_stage.options, "option")
        de_options = {option.id: option for option in de_stage.options}
        for en_option in en_stage.options:
            de_option = de_options.get(en_option.id)
            if de_option is None:
                continue
            differs("status", en_option.status, de_option.status, de_option)
            differs("page", en_option.page, de_option.page, de_option)
            for key in ("sources", "side_effects"):
                en_count = len(getattr(en_option, key))
                de_count = len(getattr(de_option, key))
                if en_count != de_count:
                    problems.append(
                        Problem(
                            de_path,
                            de_option.key_lines.get(key, de_option.line),
                            f"option '{de_option.id}': {de_count} {key} here but {en_count} in "
                            f"{name_of(en_path)}; translate each one",
                        )
                    )
            for key in ("brand", "trial"):
                en_value, de_value = getattr(en_option, key), getattr(de_option, key)
                if bool(en_value) != bool(de_value):
                    empty, here, there = (
                        (de_option, de_path, en_path) if en_value else (en_option, en_path, de_path)
                    )
                    problems.append(
                        Problem(
                            here,
                            empty.line,
                            f"option '{empty.id}': '{key}' is empty here but filled in "
                            f"{name_of(there)}: missing translation",
                        )
                    )
    return problems


def check_timeline_files(en_path: Path, de_path: Path, page_ids: Iterable[str]) -> list[Problem]:
    """Everything ``her2guide check`` needs to say about the timeline, in one call."""
    en, problems = load_timeline(en_path)
    de, de_problems = load_timeline(de_path)
    problems += de_problems
    if en is not None and de is not None:
        problems += check_timeline_pair(en, de, page_ids, en_path, de_path)
    return sorted(problems)


# -- navigation ----------------------------------------------------------------------------------


class TimelineCursor:
    """Where the reader is on the timeline: a stage, maybe one of its options, and "you are here".

    The selection is kept as ids so that it survives swapping the timeline for the other
    language. Every move returns whether anything changed; the widget turns that into signals.
    """

    def __init__(self, timeline: Timeline | None = None) -> None:
        self._timeline: Timeline | None = None
        self._stage_index: int | None = None
        self._option_index: int | None = None
        self._you_are_here: str | None = None
        self.set_timeline(timeline)

    @property
    def timeline(self) -> Timeline | None:
        return self._timeline

    @property
    def stages(self) -> tuple[Stage, ...]:
        return self._timeline.reading_order if self._timeline else ()

    @property
    def stage_index(self) -> int | None:
        """Index into :attr:`stages` (reading order); None only for an empty timeline."""
        return self._stage_index

    @property
    def option_index(self) -> int | None:
        """Index of the selected option in the current stage; None when the stage itself is."""
        return self._option_index

    @property
    def current_stage(self) -> Stage | None:
        return None if self._stage_index is None else self.stages[self._stage_index]

    @property
    def current_option(self) -> Option | None:
        stage = self.current_stage
        if stage is None or self._option_index is None:
            return None
        return stage.options[self._option_index]

    @property
    def current_id(self) -> str | None:
        """The id of the selected option, or of the selected stage."""
        item = self.current_option or self.current_stage
        return item.id if item else None

    def set_timeline(self, timeline: Timeline | None) -> None:
        """Shows another timeline (usually the other language), keeping what was selected."""
        previous_stage = self.current_stage.id if self.current_stage else None
        previous = self.current_id
        self._timeline = timeline
        self._stage_index = 0 if self.stages else None
        self._option_index = None
        if not (previous and self.select(previous)) and previous_stage:
            self.select(previous_stage)
        if self._you_are_here and self._stage_position(self._you_are_here) is None:
            self._you_are_here = None

    def _stage_position(self, stage_id: str) -> int | None:
        return next((i for i, stage in enumerate(self.stages) if stage.id == stage_id), None)

    def _move(self, stage_index: int | None, option_index: int | None) -> bool:
        if (stage_index, option_index) == (self._stage_index, self._option_index):
            return False
        self._stage_index, self._option_index = stage_index, option_index
        return True

    def select(self, target_id: str) -> bool:
        """Selects a stage or an option by id; False when nothing changed or the id is unknown."""
        for stage_index, stage in enumerate(self.stages):
            if stage.id == target_id:
                return self._move(stage_index, None)
            for option_index, option in enumerate(stage.options):
                if option.id == target_id:
                    return self._move(stage_index, option_index)
        return False

    def next_stage(self) -> bool:
        if self._stage_index is None or self._stage_index + 1 >= len(self.stages):
            return False
        return self._move(self._stage_index + 1, None)

    def previous_stage(self) -> bool:
        if not self._stage_index:
            return False
        return self._move(self._stage_index - 1, None)

    def next_option(self) -> bool:
        stage = self.current_stage
        if stage is None or not stage.options:
            return False
        following = 0 if self._option_index is None else self._option_index + 1
        return following < len(stage.options) and self._move(self._stage_index, following)

    def previous_option(self) -> bool:
        """Moves up one option; from the first option up to the stage itself."""
        if self._option_index is None:
            return False
        above = self._option_index - 1 if self._option_index > 0 else None
        return self._move(self._stage_index, above)

    def first_stage(self) -> bool:
        return bool(self.stages) and self._move(0, None)

    def last_stage(self) -> bool:
        return bool(self.stages) and self._move(len(self.stages) - 1, None)

    @property
    def you_are_here(self) -> str | None:
        """The stage the patient is on, or None."""
        return self._you_are_here

    def set_you_are_here(self, stage_id: str | None) -> bool:
        """Marks a stage (or clears the mark with None); returns whether the mark changed."""
        if stage_id is not None and self._stage_position(stage_id) is None:
            raise ValueError(f"no stage with the id {stage_id!r}")
        if stage_id == self._you_are_here:
            return False
        self._you_are_here = stage_id
        return True

    def toggle_you_are_here(self) -> bool:
        """Marks the selected stage, or clears the mark when that stage already carries it."""
        stage = self.current_stage
        if stage is None:
            return False
        return self.set_you_are_here(None if self._you_are_here == stage.id else stage.id)
