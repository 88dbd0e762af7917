"""The toolbar is fitted once, at the window's real width, before the first paint: the search
field is already where it belongs when the window appears, and nothing moves afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtWidgets import QToolButton, QWidget
from pytestqt.qtbot import QtBot

from her2guide.app import create_application
from her2guide.content.library import Library
from her2guide.paths import content_dir, resources_dir
from her2guide.settings import Settings
from her2guide.ui import screen_fit
from her2guide.ui.language import LanguageController
from her2guide.ui.main_window import MainWindow
from tests.helpers import WindowFactory

Arrangement = tuple[bool, bool, Qt.ToolButtonStyle]
"""Search field in the main toolbar, care toolbar on a line of its own, Back's style."""


def _arrangement(window: MainWindow) -> Arrangement:
    search = window.window_fit._search_action()
    back = window.toolbar.widgetForAction(window.back_action)
    assert isinstance(back, QToolButton)
    return (
        search in window.toolbar.actions(),
        window.toolBarBreak(window.care_tools.care_toolbar),
        back.toolButtonStyle(),
    )


class _AtFirstPaint(QObject):
    """Notes the toolbar's arrangement when the page is painted for the first time."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.seen: Arrangement | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.seen is None:
            self.seen = _arrangement(self.window)
        return False


@pytest.mark.parametrize(
    ("screen", "scale", "expected"),
    [
        # A small screen at 200 %: the search field and the care button on a line of their own.
        ((1024, 768), 200, (False, True, Qt.ToolButtonStyle.ToolButtonTextBesideIcon)),
        # A large screen: one line, with labels.
        ((1920, 1080), 100, (True, False, Qt.ToolButtonStyle.ToolButtonTextBesideIcon)),
    ],
)
def test_the_toolbar_is_arranged_before_the_first_paint_and_stays(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    screen: tuple[int, int],
    scale: int,
    expected: Arrangement,
) -> None:
    monkeypatch.setattr(screen_fit, "available_geometry", lambda _widget: QRect(0, 0, *screen))
    create_application()
    settings = Settings(tmp_path / "settings.ini")
    settings.text_scale = scale
    window = MainWindow(Library(content_dir(), resources_dir()), settings, LanguageController("en"))
    qtbot.addWidget(window)
    built = _arrangement(window)
    first_paint = _AtFirstPaint(window)
    window.reader.viewport().installEventFilter(first_paint)
    window.show()
    qtbot.waitUntil(lambda: first_paint.seen is not None)
    qtbot.wait(50)  # the fits that follow showing the window

    assert built == first_paint.seen == _arrangement(window) == expected


def test_a_fit_depends_on_the_width_alone(qtbot: QtBot, make_window: WindowFactory) -> None:
    """Fitting again at the same width moves nothing, at any width, wherever the search field
    was before: the toolbar never flips between two arrangements."""
    window = make_window(scale=200)
    fitted: dict[int, Arrangement] = {}
    for width in range(560, 1900, 20):
        window.resize(width, window.height())
        window.window_fit.reflow()
        fitted[width] = _arrangement(window)
        window.window_fit.reflow()
        assert _arrangement(window) == fitted[width], width
    for width in reversed(fitted):  # now coming from the other side
        window.resize(width, window.height())
        window.window_fit.reflow()
        assert _arrangement(window) == fitted[width], width
    assert len(set(fitted.values())) > 1  # the range crosses the arrangements


def test_the_search_field_is_usable_wherever_it_is(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(scale=200)
    box: QWidget = window.search_tools.search_box
    for width in (700, 1800):
        window.resize(width, window.height())
        window.window_fit.reflow()
        qtbot.wait(20)
        assert box.isVisible()
        assert box.width() >= box.minimumWidth()
