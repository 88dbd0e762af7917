"""Windows and dialogs fit the screen they open on, at any text size.

A dialog is built as a scrolling body with its buttons below, outside the scroll area
(:func:`scrolling_body`), and :func:`keep_on_screen` caps its size to the available geometry
of its screen whenever it is shown: what does not fit scrolls, the buttons stay visible. A button
row wider than the screen stacks its buttons (:func:`fit_button_row`). The main window takes its
first size from the screen and uses a saved geometry only if that still fits
(:func:`restore_or_fit`); runs without a real screen never save one (:func:`can_save_geometry`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QFrame, QScrollArea, QWidget

HEADLESS_PLATFORMS = ("offscreen", "minimal")
"""Platforms without a real screen (CI, --quit-after-paint): their geometry means nothing."""
FRAME_ALLOWANCE = QSize(16, 48)
"""Room left for a window manager's frame and title bar, until the real frame is known."""
FIRST_START_SHARE = 0.9
"""The share of the screen the main window takes on first start."""
FIRST_START_LARGEST = QSize(1400, 1000)
"""Larger than this, lines get too long to read; the rest of a big screen stays free."""
SMALLEST_RESTORED = QSize(640, 480)
"""A saved window smaller than this (or than the screen) is not what the reader left."""


def headless() -> bool:
    return QGuiApplication.platformName() in HEADLESS_PLATFORMS


def can_save_geometry() -> bool:
    """A geometry saved on the offscreen platform would shrink the next real start."""
    return not headless()


def available_geometry(widget: QWidget) -> QRect:
    """The usable part (without panels and docks of the desktop) of the screen ``widget``
    is on; a window not shown yet opens on its parent's screen."""
    parent = widget.parentWidget()
    anchor = parent.window() if parent is not None and not widget.isVisible() else widget
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def frame_allowance(widget: QWidget) -> QSize:
    """The frame around the window: the real one once shown, an estimate before."""
    frame = widget.frameGeometry().size() - widget.geometry().size()
    if widget.isVisible() and (frame.width() > 0 or frame.height() > 0):
        return frame
    return QSize(0, 0) if headless() else FRAME_ALLOWANCE


def room_for(widget: QWidget) -> QSize:
    """The largest size the window's inside may have on its screen."""
    return available_geometry(widget).size() - frame_allowance(widget)


def move_inside(widget: QWidget) -> None:
    """Moves the window (frame included) into the available geometry of its screen."""
    area = available_geometry(widget)
    if widget.isVisible():
        frame = widget.frameGeometry()
    else:
        allowance = frame_allowance(widget)
        frame = widget.geometry().adjusted(0, 0, allowance.width(), allowance.height())
    dx = min(0, area.right() - frame.right())
    dx = max(dx, area.left() - frame.left())
    dy = min(0, area.bottom() - frame.bottom())
    dy = max(dy, area.top() - frame.top())
    if dx or dy:
        widget.move(widget.pos() + QPoint(dx, dy))


def fit_window(widget: QWidget, wanted: QSize | None = None) -> None:
    """Resizes to ``wanted`` (or what the window would like) capped at the screen, and moves
    it onto the screen."""
    room = room_for(widget)
    layout = widget.layout()
    if layout is not None:
        layout.activate()
    size = (wanted or widget.sizeHint()).expandedTo(widget.minimumSizeHint()).boundedTo(room)
    widget.resize(size)
    move_inside(widget)


class _KeepOnScreen(QObject):
    """Fits its window each time it is shown (also when Qt has centred it over its parent)."""

    def __init__(self, widget: QWidget, wanted: Callable[[], QSize] | None) -> None:
        super().__init__(widget)
        self._wanted = wanted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QWidget) and event.type() in (
            QEvent.Type.Show,
            QEvent.Type.ScreenChangeInternal,
        ):
            fit_window(watched, self._wanted() if self._wanted else None)
        return False


def keep_on_screen(widget: QWidget, wanted: Callable[[], QSize] | None = None) -> None:
    """Fits ``widget`` to its screen whenever it is shown; ``wanted`` gives the size it
    would like (default: its size hint)."""
    widget.installEventFilter(_KeepOnScreen(widget, wanted))


def scrolling_body(body: QWidget) -> QScrollArea:
    """``body`` in a frameless scroll area: a dialog's content that scrolls when the screen is
    too small for it, while the dialog's buttons stay outside and visible."""
    area = QScrollArea()
    area.setObjectName("scrolling-body")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(body)
    return area


def body_size(area: QScrollArea, width: int, extra: QSize) -> QSize:
    """What a dialog ``width`` wide needs to show ``area``'s body whole: the body (as tall as
    its wrapped text needs at that width), its scroll area's frame and ``extra`` (buttons,
    margins)."""
    body = area.widget()
    hint = body.sizeHint() if body is not None else QSize()
    frame = 2 * area.frameWidth()
    inner = max(hint.width(), width - extra.width() - frame)
    height = hint.height()
    if body is not None and body.hasHeightForWidth():
        height = max(height, body.heightForWidth(inner))
    return QSize(inner + frame, height + frame) + extra


def fit_button_row(buttons: QDialogButtonBox, width: int) -> None:
    """Side by side when the buttons fit into ``width``, one above the other when not."""
    buttons.setOrientation(Qt.Orientation.Horizontal)
    if buttons.sizeHint().width() > width:
        buttons.setOrientation(Qt.Orientation.Vertical)


def first_start_size(widget: QWidget) -> QSize:
    """Most of the screen, and no larger than comfortable reading allows."""
    room = room_for(widget)
    share = QSize(round(room.width() * FIRST_START_SHARE), round(room.height() * FIRST_START_SHARE))
    return share.boundedTo(FIRST_START_LARGEST)


def restore_or_fit(widget: QWidget, saved: QByteArray | None) -> None:
    """Restores ``saved`` when the window it gives fits the current screen; otherwise (none
    saved, another screen, a tiny window from a headless run) a first-start size, centred."""
    if saved is not None and widget.restoreGeometry(saved) and _fits(widget):
        return
    size = first_start_size(widget)
    area = available_geometry(widget)
    widget.resize(size)
    widget.move(area.center() - QPoint(size.width() // 2, size.height() // 2 + 8))
    move_inside(widget)


def _fits(widget: QWidget) -> bool:
    if widget.isMaximized() or widget.isFullScreen():
        return True
    area = available_geometry(widget)
    geometry = widget.geometry()
    big_enough = geometry.width() >= min(SMALLEST_RESTORED.width(), area.width()) and (
        geometry.height() >= min(SMALLEST_RESTORED.height(), area.height())
    )
    return big_enough and area.contains(geometry)
