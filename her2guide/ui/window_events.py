"""The main window tells of its own showing and resizing by signals.

Its features used to watch the window with event filters for these; but a filter sees every event
of the window (hundreds before its first paint), each a call into Python, while these handlers
are called only for the events they are for.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QMainWindow


class WindowEvents(QMainWindow):
    """A mixin of :class:`~her2guide.ui.main_window.MainWindow`.

    Signals:
        shown(): the window is being shown (before Qt's own handling, as a filter saw it).
        resized(): the window's size changed.
    """

    shown = Signal()
    resized = Signal()

    def showEvent(self, event: QShowEvent) -> None:
        self.shown.emit()
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.resized.emit()
        super().resizeEvent(event)
