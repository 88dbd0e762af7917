"""A side panel opened in counselling mode gets its normal width back when the mode ends: the
mode's larger text and click targets are for the shared screen, not the reader's own panel."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from her2guide.ui.main_window import MainWindow
from tests.helpers import WindowFactory


def _open_panels(qtbot: QtBot, window: MainWindow) -> None:
    """View → My questions, View → Glossary (tabbed together, as the app docks them)."""
    window.care_tools.questions_action.trigger()
    window.search_tools.glossary_action.trigger()
    dock = window.search_tools.glossary_dock
    qtbot.waitUntil(dock.isVisible)
    qtbot.wait(50)  # the layouts a change of text and target size asks for have run


def _leave_counselling(qtbot: QtBot, window: MainWindow) -> None:
    window.counselling.action.trigger()
    qtbot.waitUntil(lambda: not window.counselling.active)
    qtbot.wait(50)  # the fonts and layouts the end of the mode asks for have run


def test_panel_opened_in_counselling_is_normal_width_after_it(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    normal = make_window()
    _open_panels(qtbot, normal)
    expected = normal.search_tools.glossary_dock.width()

    window = make_window()
    window.counselling.action.trigger()  # View → Counselling mode
    _open_panels(qtbot, window)  # the nurse opens the panels in the mode
    _leave_counselling(qtbot, window)
    assert window.search_tools.glossary_dock.isVisible()
    assert abs(window.search_tools.glossary_dock.width() - expected) <= 2


def test_panel_open_before_counselling_gets_its_width_back(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    _open_panels(qtbot, window)
    dock = window.search_tools.glossary_dock
    before = dock.width()

    window.counselling.action.trigger()  # the mode puts the panels away
    _open_panels(qtbot, window)  # and they are opened again in it
    _leave_counselling(qtbot, window)
    assert dock.isVisible()
    assert abs(dock.width() - before) <= 2
