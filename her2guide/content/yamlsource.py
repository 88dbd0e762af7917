"""YAML parsing that keeps line numbers, so every problem can point at its line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import yaml

from her2guide.content.model import ContentError, Problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# What usually causes the YAML parser's complaint, in words an editor can act on.
_HINTS = (
    (
        "mapping values are not allowed",
        "put text that contains ': ' in quotes, or check the indentation",
    ),
    ("end of stream", "a quote or bracket is not closed"),
    ("expected ',' or", "a bracket is not closed, or a comma is missing"),
    ("undefined alias", "text that starts with '*' or '&' must be in quotes"),
)


_OPENED_EARLIER = ("end of stream", "expected ',' or")
_OPENING_QUOTE = re.compile(r"""(?:^\s*-\s+|:\s+)(["'])""")


def _hint(reason: str, line: str) -> str:
    if "\t" in line[: len(line) - len(line.lstrip())]:
        return "indent with spaces, not tabs"
    return next((hint for key, hint in _HINTS if key in reason), "check indentation and quotes")


def _unclosed_quote(lines: list[str], upto: int) -> tuple[int, str] | None:
    """The first line up to ``upto`` whose value opens a quote that the same line never closes.

    A quoted value may go on over several lines in YAML, so an unclosed quote is only noticed
    further down, where the next quote ends it; the editor needs the line where it began.
    """
    for index, line in enumerate(lines[: upto + 1]):
        match = _OPENING_QUOTE.search(line)
        if match and match.group(1) not in line[match.end() :]:
            return index, match.group(1)
    return None


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, path: Path, first: int) -> Problem:
    mark = error.problem_mark or error.context_mark
    if error.context_mark and any(k in (error.problem or "") for k in _OPENED_EARLIER):
        mark = error.context_mark  # the unclosed quote or bracket, not the end of the file
    index = mark.line if mark else 0
    lines = text.split("\n")
    opened = _unclosed_quote(lines, index)
    if opened is not None:
        line, quote = opened
        return Problem(
            path,
            first + line,
            f"YAML syntax error: the quote {quote} that starts on this line is not closed; "
            f"add the closing {quote} at the end of the text",
        )
    reason = error.problem or error.context or "invalid YAML"
    source = lines[index] if index < len(lines) else ""
    return Problem(path, first + index, f"YAML syntax error: {reason} ({_hint(reason, source)})")


def _scalars(node: yaml.Node) -> Iterator[yaml.ScalarNode]:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            yield current
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            stack.extend(item for pair in current.value for item in pair)


def _bad_value(node: yaml.Node | None, path: Path, first: int, error: ValueError) -> Problem:
    """Points at the value that YAML reads as a date but that is not a real date."""
    constructor = yaml.constructor.SafeConstructor()
    for scalar in _scalars(node) if node is not None else ():
        if scalar.tag == "tag:yaml.org,2002:timestamp":
            try:
                constructor.construct_yaml_timestamp(scalar)
            except ValueError as reason:
                return Problem(
                    path,
                    first + scalar.start_mark.line,
                    f"'{scalar.value}' is not a real date ({reason}); write it as YYYY-MM-DD",
                )
    return Problem(path, first, f"a value cannot be read: {error}")


def parse_yaml(text: str, path: Path, first_line: int = 1) -> tuple[Any, yaml.Node | None]:
    """Parses YAML text that starts at ``first_line`` of ``path``; returns the data and its node."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        raise ContentError(_syntax_problem(error, text, path, first_line)) from error
    except ValueError as error:  # a date YAML recognises but the calendar lacks: 2027-13-01
        raise ContentError(_bad_value(node, path, first_line, error)) from error
    except RecursionError as error:
        problem = Problem(path, first_line, "the lists or mappings are nested too deeply")
        raise ContentError(problem) from error
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
                return cast(yaml.Node, value_node)
    return None
