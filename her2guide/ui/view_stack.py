"""The stack of views in the window's centre (page, treatment path, side by side)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStackedWidget, QWidget


class ViewStack(QStackedWidget):
    """Asks for the room of the view on show only: Qt's stack asks for the largest minimum of
    all its views, so a treatment path opened once at large text would keep the window taller
    than a small screen while a page is read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        current = self.currentWidget()
        return current.minimumSizeHint() if current is not None else super().minimumSizeHint()

    def sizeHint(self) -> QSize:
        current = self.currentWidget()
        return current.sizeHint() if current is not None else super().sizeHint()
