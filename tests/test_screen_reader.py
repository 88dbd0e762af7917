"""What a Linux screen reader is told: the app's accessibility tree read through AT-SPI under
Xvfb, from one start of the real app (tests/atspi_app.py, dumped by tests/atspi_dump.py).

Needs xvfb-run, dbus-run-session and Debian's python3-pyatspi (scripts/system-packages.sh test
installs them); without them the test is skipped, except in CI, where it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.system, pytest.mark.slow]

SYSTEM_PYTHON = "/usr/bin/python3"
TESTS = Path(__file__).resolve().parent
APP_NAME = "her2guide"
SECONDS = 120

Node = dict[str, Any]


def _missing_tools() -> list[str]:
    missing = [tool for tool in ("xvfb-run", "dbus-run-session") if shutil.which(tool) is None]
    has_pyatspi = Path(SYSTEM_PYTHON).exists() and (
        subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode == 0
    )
    if not has_pyatspi:
        missing.append("python3-pyatspi (for /usr/bin/python3)")
    return missing


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Node:
    """The whole accessibility tree of the running app, read once for all tests here."""
    missing = _missing_tools()
    if missing:
        message = "the screen-reader test needs " + ", ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message + " (run scripts/system-packages.sh test)")
        pytest.skip(message)
    out = tmp_path_factory.mktemp("atspi") / "tree.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "HER2GUIDE_CONFIG_DIR": str(tmp_path_factory.mktemp("config")),
        "APP_PYTHON": sys.executable,
        "DUMP": str(TESTS / "atspi_dump.py"),
        "OUT": str(out),
    }
    script = (
        '"$APP_PYTHON" -m tests.atspi_app & app=$!; '
        f'{SYSTEM_PYTHON} "$DUMP" {APP_NAME} --out "$OUT" --seconds 60; status=$?; '
        "kill $app; exit $status"
    )
    result = subprocess.run(
        ["xvfb-run", "-a", "dbus-run-session", "--", "sh", "-c", script],
        cwd=TESTS.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=SECONDS,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(out.read_text(encoding="utf-8"))


def _walk(node: Node) -> Iterator[Node]:
    yield node
    for child in node["children"]:
        yield from _walk(child)


def _find(tree: Node, *, role: str, name: str) -> Node:
    found = [node for node in _walk(tree) if node["role"] == role and node["name"] == name]
    assert found, f"no {role} named {name!r}; {role}s: " + ", ".join(
        repr(node["name"]) for node in _walk(tree) if node["role"] == role
    )
    return found[0]


def test_the_main_window_is_a_frame_named_after_the_page(tree: Node) -> None:
    frames = [child for child in tree["children"] if child["role"] == "frame"]
    title = "Side effects and how they are managed \u2014 HER2 Guide"
    assert [frame["name"] for frame in frames] == [title]


def test_the_contents_are_a_named_tree_of_pages(tree: Node) -> None:
    contents = _find(tree, role="tree", name="Contents")
    assert contents["description"] == "Sections and pages of the guide"
    assert "focusable" in contents["states"]
    cells = {node["name"] for node in _walk(contents) if node["role"] == "table cell"}
    assert {"Side effects and safety", "Side effects and how they are managed"} <= cells


def test_the_reader_offers_the_page_text_in_its_language(tree: Node) -> None:
    readers = [
        node for node in _walk(tree) if node["name"] == "Page text" and "showing" in node["states"]
    ]
    assert len(readers) == 1
    reader = readers[0]
    assert reader["description"] == "The text of the page you are reading"
    assert "Text" in reader["interfaces"]
    assert reader["text"].startswith("Side effects and how they are managed")
    assert reader["locale"].startswith("en")
    assert {"focusable", "read-only", "multi-line"} <= set(reader["states"])


def test_the_language_switch_is_a_button_named_for_what_it_does(tree: Node) -> None:
    toolbar = _find(tree, role="tool bar", name="Navigation")
    switch = _find(toolbar, role="push button", name="Switch the language to Deutsch")
    assert "focusable" in switch["states"]


def test_the_timeline_is_a_named_list_that_explains_its_keys(tree: Node) -> None:
    timeline = _find(tree, role="list", name="Treatment path")
    assert "arrow keys" in timeline["description"]
    assert "focusable" in timeline["states"]
