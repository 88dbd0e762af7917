"""The side panels' title bar grows with the reader's text size like the rest of the chrome:
the title as large as the menus, the close and float icons in proportion, inside their button."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QAbstractButton, QDockWidget
from pytestqt.qtbot import QtBot

from her2guide.ui.main_window import MainWindow
from tests.helpers import WindowFactory


def _ink(image: QImage, area: QRect) -> QRect:
    """The bounding box of what is drawn in ``area``: pixels far from its top-left pixel."""
    background = image.pixelColor(area.topLeft())
    xs: list[int] = []
    ys: list[int] = []
    for y in range(area.top(), area.bottom() + 1):
        for x in range(area.left(), area.right() + 1):
            colour = image.pixelColor(x, y)
            distance = sum(
                abs(a - b)
                for a, b in zip(colour.getRgb()[:3], background.getRgb()[:3], strict=True)
            )
            if distance > 100:
                xs.append(x)
                ys.append(y)
    assert xs, "nothing drawn"
    return QRect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


def _text_ink_height(text: str, font: QFont) -> int:
    """How high ``text`` stands when drawn in ``font``."""
    image = QImage(1000, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return _ink(image, image.rect()).height()


def _buttons(dock: QDockWidget) -> list[QAbstractButton]:
    return [
        button
        for button in dock.findChildren(QAbstractButton)
        if button.objectName().startswith("qt_dockwidget_") and button.isVisible()
    ]


def _title_ink_height(dock: QDockWidget) -> int:
    image = dock.grab().toImage()
    top = dock.widget().geometry().top()
    left_of_buttons = min(button.geometry().left() for button in _buttons(dock))
    return _ink(image, QRect(0, 0, left_of_buttons, top)).height()


def _icon_sizes(dock: QDockWidget) -> list[int]:
    """The drawn icons' sizes; each drawn inside its button."""
    sizes = []
    for button in _buttons(dock):
        icon = _ink(button.grab().toImage(), button.rect())
        assert button.rect().contains(icon), button.objectName()
        sizes.append(max(icon.width(), icon.height()))
    return sizes


def _open_glossary(qtbot: QtBot, window: MainWindow) -> QDockWidget:
    dock = window.search_tools.glossary_dock
    if not dock.isVisible():
        window.search_tools.glossary_action.trigger()  # View → Glossary
    qtbot.waitUntil(lambda: dock.isVisible() and bool(_buttons(dock)))
    qtbot.wait(50)  # the layouts the change asked for have run
    return dock


def test_dock_title_and_its_icons_grow_with_the_text(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    dock = _open_glossary(qtbot, window)
    icons_at_100 = _icon_sizes(dock)
    title = dock.windowTitle()

    window.text_size_menu.preset_actions[200].trigger()  # View → Text size → 200 %
    qtbot.wait(50)
    menu_font = window.menuBar().font()
    assert dock.font().pointSizeF() == menu_font.pointSizeF()
    assert abs(_title_ink_height(dock) - _text_ink_height(title, menu_font)) <= 1
    for before, after in zip(icons_at_100, _icon_sizes(dock), strict=True):
        assert after >= 1.7 * before


def test_dock_title_is_as_large_as_the_text_when_the_app_starts_with_large_text(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(lang="de", scale=200)
    dock = _open_glossary(qtbot, window)
    font = window.menuBar().font()
    assert abs(_title_ink_height(dock) - _text_ink_height(dock.windowTitle(), font)) <= 1


def test_dock_icons_grow_in_counselling_mode_and_stay_inside_their_button(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    dock = _open_glossary(qtbot, window)
    icons_at_100 = _icon_sizes(dock)
    text_at_100 = dock.fontMetrics().height()
    window.counselling.action.trigger()  # View → Counselling mode: larger text, larger targets
    dock = _open_glossary(qtbot, window)
    assert abs(_title_ink_height(dock) - _text_ink_height(dock.windowTitle(), dock.font())) <= 1
    growth = dock.fontMetrics().height() / text_at_100
    assert growth > 1.2
    for before, after in zip(icons_at_100, _icon_sizes(dock), strict=True):
        assert after >= 0.85 * growth * before
