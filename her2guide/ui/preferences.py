"""Preferences: the care team's name, day number and night/weekend number, for card and handouts."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from her2guide.care_card import ClinicContact
from her2guide.i18n import _, window_title
from her2guide.settings import Settings
from her2guide.ui.region_chooser import RegionGroup
from her2guide.ui.retranslate import Retranslating
from her2guide.ui.screen_fit import (
    body_size,
    fit_button_row,
    keep_on_screen,
    room_for,
    scrolling_body,
)
from her2guide.ui.theme_chooser import ThemeGroup

BASE_POINT_SIZE = 11.0
MAX_NAME_LENGTH = 120
MAX_PHONE_LENGTH = 60


class PreferencesDialog(Retranslating, QDialog):
    """Edits the settings a reader or nurse enters once; OK saves them at once.

    More groups can be added to ``layout_`` (the scrolling body; the buttons stay below it).
    """

    def __init__(self, settings: Settings, text_scale: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        font = QFont(self.font())
        font.setPointSizeF(BASE_POINT_SIZE * max(100, text_scale) / 100)
        self.setFont(font)
        clinic = settings.clinic
        self.clinic_group = QGroupBox()
        self.clinic_name = QLineEdit(clinic.name)
        self.clinic_name.setMaxLength(MAX_NAME_LENGTH)
        self.clinic_phone = QLineEdit(clinic.phone)
        self.clinic_phone.setMaxLength(MAX_PHONE_LENGTH)
        self.night_phone = QLineEdit(clinic.night_phone)
        self.night_phone.setMaxLength(MAX_PHONE_LENGTH)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.clinic_name)
        self.phone_label = QLabel()
        self.phone_label.setBuddy(self.clinic_phone)
        self.night_label = QLabel()
        self.night_label.setBuddy(self.night_phone)
        self.clinic_note = QLabel()
        self.clinic_note.setWordWrap(True)
        form = QFormLayout(self.clinic_group)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.name_label, self.clinic_name)
        form.addRow(self.phone_label, self.clinic_phone)
        form.addRow(self.night_label, self.night_phone)
        form.addRow(self.clinic_note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        body = QWidget()
        self.layout_ = QVBoxLayout(body)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.clinic_group)
        self.theme_group = ThemeGroup(settings)
        self.layout_.addWidget(self.theme_group)
        self.region_group = RegionGroup(settings)
        self.layout_.addWidget(self.region_group)
        self.layout_.addStretch(1)
        self.body = scrolling_body(body)
        outer = QVBoxLayout(self)
        outer.addWidget(self.body, 1)
        outer.addWidget(self.buttons)
        self._width = round(480 * max(1.0, text_scale / 100))
        keep_on_screen(self, self.wanted_size)
        self.clinic_phone.setFocus()
        self.retranslate_ui()

    def wanted_size(self) -> QSize:
        """Wide enough for the fields at the chosen text size, tall enough for every group."""
        width = min(self._width, room_for(self).width())
        margins = self.layout().contentsMargins()
        side = margins.left() + margins.right()
        fit_button_row(self.buttons, width - side)
        below = self.buttons.sizeHint().height() + self.layout().spacing()
        return body_size(self.body, width, QSize(side, margins.top() + margins.bottom() + below))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(window_title(_("Preferences")))
        self.clinic_group.setTitle(_("Your care team"))
        self.name_label.setText(_("Care team or clinic &name:"))
        self.phone_label.setText(_("&Phone number:"))
        self.clinic_name.setPlaceholderText(_("e.g. Breast Centre, Ward 4"))
        self.clinic_phone.setPlaceholderText(_("e.g. 030 1234 5678"))
        self.night_label.setText(_("Number for n&ights and weekends:"))
        self.night_phone.setPlaceholderText(_("e.g. the ward or the on-call service"))
        self.clinic_note.setText(
            _(
                "Shown on the “Call your care team” card and on every printed "
                "handout. Kept on this computer only."
            )
        )

    def accept(self) -> None:
        self.settings.clinic = ClinicContact(
            self.clinic_name.text(), self.clinic_phone.text(), self.night_phone.text()
        )
        self.theme_group.apply()
        self.region_group.apply()
        super().accept()
