"""The bar above the page: the page's sections on the left, controls on the right, and a line
for a message below. When the window is too narrow for one row (large text, small screen), the
controls move under the sections instead of pushing the window wider than the screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QToolButton, QWidget

_MARGIN = 8


class PageBar(QWidget):
    """Lays out a wide ``leading`` widget and a row of ``controls`` in one row or two."""

    def __init__(self, leading: QWidget, controls: list[QWidget], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page-bar")
        self.leading = leading
        self.controls = QWidget()
        row = QHBoxLayout(self.controls)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in controls:
            row.addWidget(widget)
        self._worded = [
            widget
            for widget in controls
            if isinstance(widget, QToolButton)
            and widget.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        ]
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(_MARGIN, 4, _MARGIN, 4)
        self._one_row: bool | None = None
        self._arrange(one_row=True)

    @property
    def one_row(self) -> bool:
        return bool(self._one_row)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _one_row_width(self) -> int:
        spacing = max(0, self._grid.horizontalSpacing())
        return (
            self.leading.minimumSizeHint().width()
            + spacing
            + self.controls.sizeHint().width()
            + 2 * _MARGIN
        )

    def _arrange(self, *, one_row: bool) -> None:
        if one_row == self._one_row:
            return
        self._one_row = one_row
        for widget in (self.leading, self.controls, self.message):
            self._grid.removeWidget(widget)
        if one_row:
            self._grid.addWidget(self.leading, 0, 0)
            self._grid.addWidget(self.controls, 0, 1)
            self._grid.addWidget(self.message, 1, 0, 1, 2)
        else:
            self._grid.addWidget(self.leading, 0, 0, 1, 2)
            self._grid.addWidget(self.controls, 1, 0, 1, 2)
            self._grid.addWidget(self.message, 2, 0, 1, 2)
        self._grid.setColumnStretch(0, 1)
        self.updateGeometry()  # the window lays the bar out again at its new height

    def minimumSizeHint(self) -> QSize:
        """As narrow as the wider of the two rows with words dropped: the bar never widens the
        window."""
        hint = super().minimumSizeHint()
        words = sum(
            button.fontMetrics().horizontalAdvance(button.text()) + _MARGIN
            for button in self._worded
            if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        controls = self.controls.sizeHint().width() - words
        hint.setWidth(max(self.leading.minimumSizeHint().width(), controls) + 2 * _MARGIN)
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit(event.size().width())
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        """A control's text changed (language, state): one row may no longer be enough."""
        if event.type() == QEvent.Type.LayoutRequest and self.width() > 0:
            self._fit(self.width())
        return super().event(event)

    def _fit(self, width: int) -> None:
        """One row when both fit; else two rows; buttons drop their words (keeping icon, tooltip
        and accessible name) only when even a row of their own is too narrow for them."""
        self._set_compact(False)
        self._arrange(one_row=width >= self._one_row_width())
        if not self.one_row and width - 2 * _MARGIN < self.controls.sizeHint().width():
            self._set_compact(True)

    def _set_compact(self, compact: bool) -> None:
        style = (
            Qt.ToolButtonStyle.ToolButtonIconOnly
            if compact
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        for button in self._worded:
            if button.toolButtonStyle() != style:
                button.setToolButtonStyle(style)
