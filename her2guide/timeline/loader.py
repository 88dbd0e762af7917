"""Reads one language's timeline.yaml into the model, checking every key, id and citation;
every problem names its file and line, and one bad entry does not hide the rest of the path."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from her2guide.content.model import ContentError, Problem, Source
from her2guide.content.yamlsource import child, item_lines, key_lines, parse_yaml
from her2guide.timeline.model import LANES, Option, Stage, Timeline

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_CITATION = re.compile(r"\[S(\d+)\]")

_TOP_KEYS = ("title", "stages")
_STAGE_KEYS = ("id", "lane", "label", "description", "options")
_OPTION_KEYS = ("id", "name", "what", "result", "sources", "side_effects", "ask", "page")
_OPTION_OPTIONAL_KEYS = ("brand", "trial", "status")
_SOURCE_LINK_KEYS = ("doi", "pmid", "url")
_CITING_KEYS = ("name", "what", "result", "ask")


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
