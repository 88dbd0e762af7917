"""The "Call your care team" card on screen: the clinic's number, then the red flags."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QShowEvent, QTextTable
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from her2guide.content.hyphenate import without_soft_hyphens
from her2guide.i18n import _, window_title
from her2guide.ui.reader import ReaderView
from her2guide.ui.retranslate import Retranslating
from her2guide.ui.screen_fit import fit_button_row, fit_window, keep_on_screen, room_for

BUTTON_POINT_SIZE = 11.0


class CareCardDialog(Retranslating, QDialog):
    """A window that stays open beside the app while the reader calls; links open pages.

    Signals:
        page_requested(str): a page the reader followed a link to.
        preferences_requested(): the reader wants to enter the clinic's number.
        print_requested(): the reader wants the card on paper.
    """

    page_requested = Signal(str)
    preferences_requested = Signal()
    print_requested = Signal()

    def __init__(self, resources: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._number_set = False
        self._text_scale = 100
        self.setObjectName("care-card")
        self.view = ReaderView(resources)
        self.view.page_requested.connect(
            lambda page_id, _fragment: self.page_requested.emit(page_id)
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.preferences_button = QPushButton()
        self.preferences_button.clicked.connect(self.preferences_requested)
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_requested)
        for button in (self.preferences_button, self.print_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        keep_on_screen(self, self.wanted_size)
        self.retranslate_ui()

    def wanted_size(self) -> QSize:
        """Larger with the text, up to the screen; the card's text scrolls, its buttons stack
        when they do not fit side by side."""
        scale = max(1.0, self._text_scale / 100)
        room = room_for(self)
        margins = self.layout().contentsMargins()
        fit_button_row(self.buttons, room.width() - margins.left() - margins.right())
        return QSize(round(720 * min(scale, 1.6)), round(760 * min(scale, 1.3)))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(window_title(_("Call your care team")))
        self.preferences_button.setText(
            _("Change the &phone number…") if self._number_set else _("Enter the &phone number…")
        )
        self.print_button.setText(_("&Print the card…"))
        self.view.setAccessibleName(_("When to call your care team"))

    def show_card(self, html: str, text_scale: int, *, number_set: bool) -> None:
        self._number_set = number_set
        self.retranslate_ui()
        if text_scale != self._text_scale:
            self._text_scale = text_scale
            scale = max(1.0, text_scale / 100)
            font = QFont(self.font())
            font.setPointSizeF(BUTTON_POINT_SIZE * scale)
            for button in self.buttons.buttons():
                button.setFont(font)
            if self.isVisible():
                fit_window(self, self.wanted_size())
        self.view.set_text_scale(text_scale)
        self.view.show_html(html)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.isVisible():
            self.keep_number_in_view()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.keep_number_in_view)

    def keep_number_in_view(self) -> None:
        """When large text pushes the care team's box (the card's first table) below the
        window's edge, the card opens scrolled to it: the number is what the reader came for."""
        table = next(
            (
                frame
                for frame in self.view.document().rootFrame().childFrames()
                if isinstance(frame, QTextTable)
            ),
            None,
        )
        if table is None:
            return
        layout = self.view.document().documentLayout()
        box = layout.frameBoundingRect(table)
        if box.bottom() > self.view.viewport().height():
            self.view.verticalScrollBar().setValue(round(box.top()) - 8)

    def card_text(self) -> str:
        """What the card says, as plain text (for tests and screen readers alike)."""
        return without_soft_hyphens(self.view.toPlainText())
