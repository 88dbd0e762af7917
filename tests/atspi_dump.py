"""Prints the accessibility tree of a running application as JSON, as AT-SPI (the interface
Linux screen readers use) reports it. Runs with Debian's /usr/bin/python3 and python3-pyatspi:

    /usr/bin/python3 tests/atspi_dump.py APP_NAME --out OUT.json [--seconds SECONDS]

Waits up to SECONDS (default 30) for the application to appear and for its tree to stop growing,
then writes the tree to OUT.json (not to stdout, which the AT-SPI registry daemon writes to as
well). The output is named by an option and must end in .json, so that a number given in its
place (as once happened: a committed file called "60") is refused.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

MAX_DEPTH = 30
TEXT_SAMPLE = 300


def _node(accessible: Any, depth: int = 0) -> dict[str, Any] | None:
    import pyatspi  # type: ignore[import-not-found]  # only the system Python has it

    if accessible is None or depth > MAX_DEPTH:
        return None
    interfaces = list(pyatspi.listInterfaces(accessible))
    node: dict[str, Any] = {
        "role": accessible.getRoleName(),
        "name": accessible.name or "",
        "description": accessible.description or "",
        "locale": accessible.get_object_locale() or "",
        "states": sorted(state.value_nick for state in accessible.getState().getStates()),
        "interfaces": interfaces,
    }
    if "Text" in interfaces:
        text = accessible.queryText()
        node["text"] = text.getText(0, min(text.characterCount, TEXT_SAMPLE))
    children = (_node(child, depth + 1) for child in accessible)
    node["children"] = [child for child in children if child is not None]
    return node


def _size(node: dict[str, Any]) -> int:
    return 1 + sum(_size(child) for child in node["children"])


def _find_application(name: str) -> Any:
    import pyatspi  # type: ignore[import-not-found]

    for application in pyatspi.Registry.getDesktop(0):
        if application is not None and application.name == name and application.childCount:
            return application
    return None


def _json_path(value: str) -> Path:
    if not value.endswith(".json"):
        raise argparse.ArgumentTypeError(f"{value!r} is no .json file name")
    return Path(value)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Dump an app's AT-SPI accessibility tree.")
    parser.add_argument("name", help="the application's name as AT-SPI reports it")
    parser.add_argument("--out", type=_json_path, required=True, help="where to write the tree")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long to wait")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv[1:])
    name, out = args.name, args.out
    deadline = time.monotonic() + args.seconds
    previous = -1
    while time.monotonic() < deadline:
        application = _find_application(name)
        tree = _node(application) if application is not None else None
        if tree is not None and _size(tree) == previous:
            out.write_text(json.dumps(tree), encoding="utf-8")
            return 0
        previous = _size(tree) if tree is not None else -1
        time.sleep(0.5)
    print(f"no stable accessibility tree for {name!r}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
