"""YAML parsing that keeps line numbers, so every problem can point at its line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from her2guide.content.model import ContentError, Problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str, path: Path, first_line: int = 1) -> tuple[Any, yaml.Node | None]:
    """Parses YAML text that starts at ``first_line`` of ``path``; returns the data and its node."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        reason = error.problem or error.context or "invalid YAML"
        raise ContentError(
            Problem(
                path, line, f"YAML syntax error: {reason} (check indentation, colons and quotes)"
            )
        ) from error
    except yaml.YAMLError as error:
        raise ContentError(Problem(path, first_line, f"YAML error: {error}")) from error
    finally:
        loader.dispose()
    return data, node


def key_lines(node: yaml.Node | None, first_line: int) -> dict[str, int]:
    """The line of each key of a YAML mapping node."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {
        str(key.value): first_line + key.start_mark.line
        for key, _value in node.value
        if isinstance(key, yaml.ScalarNode)
    }


def item_lines(node: yaml.Node | None, first_line: int) -> list[int]:
    """The line where each item of a YAML sequence node starts."""
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [first_line + item.start_mark.line for item in node.value]


def child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """The value node under ``key`` of a mapping node, if there is one."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return value_node
    return None
