"""The side panels beside the page (glossary, my questions) are docked the same way."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea, QWidget


class _PanelScroll(QScrollArea):
    """Scrolls a panel up and down when the window is too low for all of it at large text,
    instead of making the window taller than the screen; its width stays the panel's own."""

    def __init__(self, panel: QWidget) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the panel's own controls take the focus
        self.setWidget(panel)

    def minimumSizeHint(self) -> QSize:
        panel = self.widget()
        width = panel.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        return QSize(width, min(panel.minimumSizeHint().height(), 4 * self.fontMetrics().height()))


def panel_of(dock: QDockWidget) -> QWidget:
    """The panel a side dock shows (inside its scroll area)."""
    holder = dock.widget()
    return holder.widget() if isinstance(holder, QScrollArea) else holder


def add_side_dock(window: QMainWindow, widget: QWidget, name: str) -> QDockWidget:
    """Docks ``widget`` on the right of the window; the reader may move it to the left."""
    dock = QDockWidget(window)
    dock.setObjectName(name)
    dock.setWidget(_PanelScroll(widget))
    dock.setAllowedAreas(
        Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
    )
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    return dock
