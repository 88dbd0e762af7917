"""The "Call your care team" card on screen: the clinic's number, then the red flags."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from her2guide.content.hyphenate import without_soft_hyphens
from her2guide.i18n import _
from her2guide.ui.reader import ReaderView

BUTTON_POINT_SIZE = 11.0


class CareCardDialog(QDialog):
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
        self.resize(720, 760)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Call your care team"))
        self.preferences_button.setText(
            _("Change the &phone number…") if self._number_set else _("Enter the &phone number…")
        )
        self.print_button.setText(_("&Print the card…"))
        self.view.setAccessibleName(_("When to call your care team"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

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
            self.resize(round(720 * min(scale, 1.6)), round(760 * min(scale, 1.3)))
        self.view.set_text_scale(text_scale)
        self.view.show_html(html)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def card_text(self) -> str:
        """What the card says, as plain text (for tests and screen readers alike)."""
        return without_soft_hyphens(self.view.toPlainText())
