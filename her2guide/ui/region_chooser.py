"""The reader's region in the preferences: whose approval decisions are written first."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from her2guide.content.status_register import READER_REGIONS
from her2guide.i18n import N_, _
from her2guide.settings import Settings
from her2guide.ui.retranslate import Retranslating

REGION_LABELS = {
    "eu": N_("Germany or Austria (EU)"),
    "ch": N_("Switzerland"),
    "other": N_("Another country"),
}


class RegionGroup(Retranslating, QGroupBox):
    """ "Where you live": Germany/Austria (EU), Switzerland or another country, applied on OK."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.combo = QComboBox()
        for region in READER_REGIONS:
            self.combo.addItem("", region)
        self.combo.setCurrentIndex(READER_REGIONS.index(settings.region))
        self.label = QLabel()
        self.label.setBuddy(self.combo)
        form = QFormLayout(self)  # one row: the dialog must still fit a small screen at 200 %
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.label, self.combo)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(_("Where you live"))
        self.label.setText(_("&Region for approvals:"))
        for index, region in enumerate(READER_REGIONS):
            self.combo.setItemText(index, _(REGION_LABELS[region]))
        explanation = _(
            "Approvals differ between countries. Pages and the treatment path name the "
            "decision for your region first."
        )
        self.combo.setToolTip(explanation)
        self.combo.setAccessibleDescription(explanation)

    def choice(self) -> str:
        return str(self.combo.currentData())

    def apply(self) -> None:
        self.settings.region = self.choice()
