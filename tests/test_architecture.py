"""The seams of the house: features see the window only through its interface."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from her2guide.ui import window_api
from tests.helpers import WindowFactory

UI = Path(window_api.__file__).parent
FEATURES = ("access_tools", "care_tools", "counselling", "search_tools", "side_by_side")
FEATURES += ("reading_tools",)


def _interface_members() -> set[str]:
    tree = ast.parse(Path(window_api.__file__).read_text(encoding="utf-8"))
    protocol = next(
        node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "WindowApi"
    )
    return {node.name for node in protocol.body if isinstance(node, ast.FunctionDef)}


def _window_members_used(module: str) -> set[str]:
    """Attributes read from ``window`` or ``self.window`` in a feature module."""
    tree = ast.parse((UI / f"{module}.py").read_text(encoding="utf-8"))
    used = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        owner = node.value
        if (isinstance(owner, ast.Name) and owner.id == "window") or (
            isinstance(owner, ast.Attribute)
            and owner.attr == "window"
            and isinstance(owner.value, ast.Name)
            and owner.value.id == "self"
        ):
            used.add(node.attr)
    return used


def test_no_ui_module_imports_the_window() -> None:
    importing = [
        path.name
        for path in UI.glob("*.py")
        if path.name != "main_window.py"
        and re.search(r"^\s*(from|import) her2guide\.ui\.main_window", path.read_text(), re.M)
    ]
    assert importing == []


def test_features_use_only_the_window_interface() -> None:
    members = _interface_members()
    for module in FEATURES:
        # The window as a Qt widget is reached through host(), and named ``host`` there.
        assert _window_members_used(module) <= members, module


def test_the_window_offers_the_whole_interface(make_window: WindowFactory) -> None:
    window = make_window()
    missing = [name for name in _interface_members() if not hasattr(window, name)]
    assert missing == []


def test_one_helper_follows_language_switches() -> None:
    """Widgets take the Retranslating mixin, features the helper: no copies of the handler."""
    handling = [
        path.name
        for path in UI.glob("*.py")
        if path.name != "retranslate.py" and "Type.LanguageChange:" in path.read_text()
    ]
    assert handling == []
