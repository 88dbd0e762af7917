"""The focus ring is whole around every text view and list, also one made after the first paint
or in a dialog, and the dock windows' buttons are large enough to hit, also in counselling mode's
larger targets."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QFrame, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from her2guide.ui.step_bar import MIN_TARGET as COUNSELLING_TARGET
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


def _sizes(buttons: list[QAbstractButton]) -> list[tuple[int, int]]:
    return [(button.width(), button.height()) for button in buttons]


def test_dock_buttons_grow_in_counselling_mode_and_shrink_back_after_it(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """The glossary and my questions, tabbed as the app docks them (floating docks have the
    window system's title bar offscreen)."""
    window = make_window()
    docks = (window.care_tools.question_dock, window.search_tools.glossary_dock)

    def open_docks() -> None:  # View → My questions, View → Glossary
        window.care_tools.questions_action.trigger()
        window.search_tools.glossary_action.trigger()
        qtbot.waitUntil(lambda: all(dock.isVisible() for dock in docks))
        qtbot.wait(50)  # the layouts a change of target size asks for have run

    open_docks()
    before = _sizes(_dock_buttons(window))
    assert len(before) >= 2

    window.counselling.action.trigger()  # View → Counselling mode: the docks are put away
    open_docks()  # and the nurse opens them again
    assert len(_dock_buttons(window)) == len(before)
    for button in _dock_buttons(window):
        assert min(button.width(), button.height()) >= COUNSELLING_TARGET, button.objectName()
        dock = button.parentWidget()
        assert button.geometry().bottom() < dock.widget().geometry().top()  # in the title bar

    window.counselling.action.trigger()  # leave
    qtbot.waitUntil(lambda: not window.counselling.active)
    qtbot.wait(50)
    assert _sizes(_dock_buttons(window)) == before
