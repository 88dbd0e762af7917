"""The side panels beside the page (glossary, my questions) are docked the same way."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea, QWidget

from her2guide.ui.dock_title import use_dock_title_style


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


class SideDock(QDockWidget):
    """A dock whose panel is built when first needed: when the dock is about to show, or when
    :meth:`panel` is asked for (right after the first paint). A hidden panel is not part of
    the first paint, so building it there only made the start slower."""

    def __init__(self, window: QMainWindow, build: Callable[[], QWidget]) -> None:
        super().__init__(window)
        use_dock_title_style(self)  # its title grows with the text
        self._build: Callable[[], QWidget] | None = build

    def panel(self) -> QWidget:
        """The panel the dock shows (inside its scroll area), built now if it is not yet."""
        build, self._build = self._build, None
        if build is not None:
            self.setWidget(_PanelScroll(build()))
        holder = self.widget()
        return holder.widget() if isinstance(holder, QScrollArea) else holder

    def setVisible(self, visible: bool) -> None:
        if visible:
            self.panel()  # before Qt lays the dock out: it is shown whole at once
        super().setVisible(visible)


def add_side_dock(window: QMainWindow, build: Callable[[], QWidget], name: str) -> SideDock:
    """Docks, hidden, on the right of the window the panel ``build`` makes when first needed
    (see :class:`SideDock`); the reader may move it to the left."""
    dock = SideDock(window, build)
    dock.hide()
    dock.setObjectName(name)
    dock.setAllowedAreas(
        Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
    )
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    return dock
