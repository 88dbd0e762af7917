"""The registry of places: features add to the window's menus by name, in the order asked."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu
from pytestqt.qtbot import QtBot

from her2guide.ui.action_registry import FILE_MENU, ActionRegistry


def _entries(menu: QMenu) -> list[str]:
    return ["---" if action.isSeparator() else action.text() for action in menu.actions()]


def test_features_add_before_an_entry_and_at_the_top(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = window.menuBar().addMenu("File")
    quit_action = QAction("Quit", window)
    menu.addAction(quit_action)
    registry = ActionRegistry(window)
    registry.add_place(FILE_MENU, menu)
    registry.register("quit", quit_action)

    printing = QAction("Print", window)
    registry.add(FILE_MENU, printing, before=registry.action("quit"))
    registry.add(FILE_MENU, QAction("Preferences", window), before=quit_action, separator=True)
    registry.add(FILE_MENU, QAction("Help first", window), before=registry.first(FILE_MENU))
    registry.add_menu(FILE_MENU).setTitle("More")
    assert _entries(menu) == ["Help first", "Print", "---", "Preferences", "Quit", "More"]

    registry.keep_shortcuts(printing)
    assert printing in window.actions()
