"""The focus ring is whole around every text view and list, also one made after the first paint
or in a dialog, and the dock windows' buttons are large enough to hit."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QFrame, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from her2guide.ui.theming import FOCUS_RING_WIDTH, MINIMUM_TARGET
from tests.helpers import WindowFactory


def _ring_cut(root: QWidget) -> list[str]:
    """Framed scroll areas that take the focus but leave less room than the ring's width."""
    return [
        f"{type(area).__name__} {area.objectName()!r}: frame {area.frameWidth()}"
        for area in root.findChildren(QAbstractScrollArea)
        if area.isVisible()
        and area.frameShape() != QFrame.Shape.NoFrame
        and area.focusPolicy() != area.focusPolicy().NoFocus
        and area.frameWidth() < FOCUS_RING_WIDTH
    ]


def _dock_buttons(window: QWidget) -> list[QAbstractButton]:
    return [
        button
        for button in window.findChildren(QAbstractButton)
        if button.objectName().startswith("qt_dockwidget_") and button.isVisible()
    ]


def test_every_text_view_and_list_has_room_for_the_focus_ring(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.search_tools.glossary_dock.show()  # its panel is made now, after the first paint
    qtbot.waitUntil(lambda: window.search_tools.glossary_dock.isVisible())
    assert window.reader.frameWidth() >= FOCUS_RING_WIDTH
    assert window.contents.frameWidth() >= FOCUS_RING_WIDTH
    assert not _ring_cut(window)

    later = QListWidget()  # any list made at any time, e.g. in a dialog
    qtbot.addWidget(later)
    later.show()
    assert later.frameWidth() >= FOCUS_RING_WIDTH


def test_dock_buttons_are_large_enough_to_hit(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.search_tools.glossary_dock.show()
    qtbot.waitUntil(lambda: bool(_dock_buttons(window)))
    for button in _dock_buttons(window):
        assert min(button.width(), button.height()) >= MINIMUM_TARGET
